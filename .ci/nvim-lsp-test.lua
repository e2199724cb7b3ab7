-- Run by .ci/nvim-lsp-test.sh inside `nvim --headless`. Exits 0 when every check passes, 1 otherwise.
local bin = os.getenv("DRAFTCHECK_BIN")
local answer = os.getenv("ANSWER")
local misconception = "CRM is just a software tool that stores customer data."

local function finish(ok, message)
  io.stdout:write((ok and "ok: " or "FAIL: ") .. message .. "\n")
  vim.cmd(ok and "qall!" or "cquit 1")
end

local function check(condition, message)
  if not condition then error(message, 0) end
  io.stdout:write("  passed: " .. message .. "\n")
end

local function code(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
end

local function find(buf, wanted)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if code(d) == wanted then return d end
  end
end

local function run()
  vim.cmd("edit " .. vim.fn.fnameescape(answer))
  local buf = vim.api.nvim_get_current_buf()
  local exit_code = nil
  local messages = {}
  local client_id = vim.lsp.start_client({
    name = "draftcheck",
    cmd = { bin, "lsp" },
    root_dir = vim.fn.fnamemodify(answer, ":h:h"),
    handlers = {
      ["window/showMessage"] = function(_, result) table.insert(messages, result.message) end,
    },
    on_exit = function(code) exit_code = code end,
  })
  check(client_id ~= nil, "the server started")
  vim.lsp.buf_attach_client(buf, client_id)

  check(vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 50), "diagnostics arrive after opening")
  local first = vim.diagnostic.get(buf)
  for _, d in ipairs(first) do
    check(d.source == "draftcheck", "diagnostic on line " .. (d.lnum + 1) .. " comes from draftcheck")
  end
  local infos = vim.tbl_filter(function(d) return d.severity == vim.diagnostic.severity.INFO end, first)
  check(#infos > 0, "marking points not yet met are shown as information (" .. #infos .. ")")
  check(find(buf, "crm-just-software") == nil, "the sample asserts no 'CRM is just software' misconception")

  -- Type a sentence that asserts the misconception at the end (an incremental change).
  local last = vim.api.nvim_buf_line_count(buf)
  vim.api.nvim_buf_set_lines(buf, last, last, false, { "", misconception })
  check(vim.wait(30000, function() return find(buf, "crm-just-software") ~= nil end, 50),
    "the misconception typed at the end is flagged")
  local warning = find(buf, "crm-just-software")
  check(warning.severity == vim.diagnostic.severity.WARN, "it is a warning")
  check(warning.lnum == last + 1 and warning.col == 0, "on the line it was typed (" .. warning.lnum .. ":" .. warning.col .. ")")
  check(warning.message:find("Instead:", 1, true) ~= nil, "with the correction")

  -- A sentence with an accent and an emoji typed before it on the same line: the server counts
  -- UTF-16 units (9), Neovim turns them into the byte column (12: "é" is 2 bytes, the emoji 4).
  vim.api.nvim_buf_set_text(buf, last + 1, 0, last + 1, 0, { "Café 😀. " })
  check(vim.wait(30000, function()
    local d = find(buf, "crm-just-software")
    return d ~= nil and d.col == 12
  end, 50), "after a sentence with an accent and an emoji before it, the warning starts at byte column 12")

  -- Hover on the first line: a response without error (evidence or nothing).
  local hover = vim.lsp.buf_request_sync(buf, "textDocument/hover",
    { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = 0, character = 2 } }, 10000)
  check(hover ~= nil and hover[client_id] ~= nil and hover[client_id].err == nil, "hover answers")

  -- Delete the sentence again: the warning goes.
  vim.api.nvim_buf_set_lines(buf, last, last + 2, false, {})
  check(vim.wait(30000, function() return find(buf, "crm-just-software") == nil end, 50),
    "deleting the sentence removes the warning")
  check(#messages == 0, "no error messages were shown")

  vim.lsp.stop_client(client_id)
  check(vim.wait(10000, function() return exit_code ~= nil end, 50), "the server exits when the client stops")
  check(exit_code == 0, "with exit code 0 after shutdown and exit")
end

local ok, err = pcall(run)
finish(ok, ok and "Neovim received and updated draftcheck's diagnostics" or tostring(err))
