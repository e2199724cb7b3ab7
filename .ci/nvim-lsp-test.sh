#!/usr/bin/env bash
# A real editor against `draftcheck lsp`: Neovim (Debian's package, 0.7) started headless with its
# built-in LSP client opens a sample answer, edits it and checks the diagnostics it receives
# (.ci/nvim-lsp-test.lua). Installs neovim when it is missing. Usage: .ci/nvim-lsp-test.sh [BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"

if ! command -v nvim >/dev/null 2>&1; then
    SUDO=""
    if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
    $SUDO apt-get update
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y neovim
fi
nvim --version | head -1

BIN="${1:-$(swift build --show-bin-path)/draftcheck}"
if [ ! -x "$BIN" ]; then swift build --product draftcheck; fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/course/answers"
printf '{"version": 1, "rubric": "customer-relationships", "debounceMilliseconds": 100}\n' > "$WORK/course/.draftcheck.json"
cp Samples/customer-relationships/pass.md "$WORK/course/answers/essay.md"

DRAFTCHECK_BIN="$BIN" ANSWER="$WORK/course/answers/essay.md" DRAFTCHECK_RUBRICS="$PWD/Rubrics" \
    timeout 180 nvim --headless --clean -n -c "luafile .ci/nvim-lsp-test.lua"
