#!/usr/bin/env bash
# Renders draftcheck's HTML reports in headless Chromium, as a learner's browser would.
#
# For one sample answer of each built-in rubric it takes a screenshot (laptop-sized window and whole page)
# and a printed PDF, and checks through the rendered DOM (--dump-dom) that the evidence highlights, the
# legend and the marks are there. Then it checks that a hostile answer (<script>, <img onerror>, </style>,
# <svg onload>) ran nothing and created no element: and, as a control, that the same checks do catch the
# payload when it is put into a page unescaped.
#
# Installs Debian's chromium (apt-get) when it is missing. Screenshots go to $BROWSER_TEST_OUT (default: a
# new temporary folder), never into the repository. Usage: .ci/browser-test.sh   (after `swift build`)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"

fail() { echo "browser-test: FAIL: $*" >&2; exit 1; }

if ! command -v chromium >/dev/null 2>&1; then
    echo "browser-test: installing chromium"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

swift build >/dev/null
TOOL="$(swift build --show-bin-path)/draftcheck"
OUT="${BROWSER_TEST_OUT:-$(mktemp -d -t draftcheck-browser.XXXXXX)}"
mkdir -p "$OUT"
PROFILE="$(mktemp -d -t draftcheck-chromium.XXXXXX)"
trap 'rm -rf "$PROFILE"' EXIT

chrome() {
    timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --hide-scrollbars \
        --no-first-run --user-data-dir="$PROFILE" "$@" 2>/dev/null
}

# Counts the occurrences of a fixed string in a file.
count() { grep -o -F -- "$2" "$1" | wc -l | tr -d ' '; }

for manifest in Samples/*/manifest.json; do
    dir="$(dirname "$manifest")"
    rubric="$(sed -n 's/.*"rubric"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$manifest" | head -1)"
    sample="$dir/merit.md"
    [ -f "$sample" ] || sample="$(ls "$dir"/*.md | head -1)"
    name="$(basename "$dir")"
    html="$OUT/$name.html"
    "$TOOL" check "$sample" --rubric "$rubric" --format html >"$html"
    chrome --window-size=1366,768 --screenshot="$OUT/$name-laptop.png" "file://$html" >/dev/null
    chrome --window-size=1366,5200 --screenshot="$OUT/$name-page.png" "file://$html" >/dev/null
    chrome --no-pdf-header-footer --print-to-pdf="$OUT/$name.pdf" "file://$html" >/dev/null
    chrome --dump-dom "file://$html" >"$OUT/$name.dom.html"
    dom="$OUT/$name.dom.html"
    [ -s "$OUT/$name-laptop.png" ] || fail "$name: no screenshot"
    [ -s "$OUT/$name.pdf" ] || fail "$name: no PDF"
    highlights="$(count "$dom" '<mark class="ev ')"
    legend="$(count "$dom" 'class="card legend"')"
    panels="$(count "$dom" 'class="card point ')"
    tiles="$(count "$dom" 'class="tile"')"
    [ "$highlights" -gt 0 ] || fail "$name: no evidence highlighted in the rendered page"
    [ "$legend" -eq 1 ] || fail "$name: legend missing"
    [ "$panels" -gt 0 ] || fail "$name: no marking point panels"
    [ "$tiles" -eq 3 ] || fail "$name: marks, band and word tiles missing"
    grep -q 'not a grade' "$dom" || fail "$name: the self-check line is missing"
    echo "browser-test: $name ($rubric): $highlights highlights, $panels marking points, legend and marks present"
done

# A hostile answer: everything in it must stay text.
hostile="$OUT/hostile.md"
cat >"$hostile" <<'ANSWER'
# CRM <script>document.title='PWNED'</script>

Our CRM is just software <script>document.body.setAttribute('data-pwned','script')</script> and
<img src=x onerror="document.body.setAttribute('data-pwned','img')"> raised loyalty by 15% </style><h1 id="pwned">styled</h1>
because <svg onload="document.body.setAttribute('data-pwned','svg')"></svg> customers "returned" & 'stayed'.
ANSWER

# The checks that the payload ran nothing: no element it tried to create, no attribute it tried to set.
hostile_problems() {
    local dom="$1" problems=""
    grep -q -i '<script' "$dom" && problems="$problems script-element"
    grep -q -i '<img' "$dom" && problems="$problems img-element"
    grep -q -i '<svg' "$dom" && problems="$problems svg-element"
    grep -q 'data-pwned="' "$dom" && problems="$problems attribute-set"
    grep -q -i '<h1 id="pwned"' "$dom" && problems="$problems h1-element"
    grep -q '<title>PWNED' "$dom" && problems="$problems title-changed"
    echo "$problems"
}

# Control: the payload put into a page unescaped (no policy) must be caught, or the checks prove nothing.
control="$OUT/control.html"
{ echo '<!DOCTYPE html><html><head><title>control</title></head><body>'; cat "$hostile"; echo '</body></html>'; } >"$control"
chrome --dump-dom "file://$control" >"$OUT/control.dom.html"
caught="$(hostile_problems "$OUT/control.dom.html")"
[ -n "$caught" ] || fail "control: the unescaped payload was not detected, so the hostile checks prove nothing"
echo "browser-test: control page (unescaped payload) caught:$caught"

"$TOOL" check "$hostile" --rubric customer-relationships --format html >"$OUT/hostile.html"
chrome --window-size=1366,768 --screenshot="$OUT/hostile.png" "file://$OUT/hostile.html" >/dev/null
chrome --dump-dom "file://$OUT/hostile.html" >"$OUT/hostile.dom.html"
problems="$(hostile_problems "$OUT/hostile.dom.html")"
[ -z "$problems" ] || fail "hostile answer ran or created:$problems"
grep -q '&lt;script&gt;document.body.setAttribute' "$OUT/hostile.dom.html" || fail "hostile answer's script is not shown as text"
grep -q '&lt;/style&gt;' "$OUT/hostile.dom.html" || fail "hostile answer's </style> is not shown as text"
echo "browser-test: hostile answer shown as text, nothing ran"

"$TOOL" compare Samples/customer-relationships/pass.md Samples/customer-relationships/merit.md \
    --rubric customer-relationships --format html >"$OUT/compare.html"
chrome --window-size=1366,1400 --screenshot="$OUT/compare.png" "file://$OUT/compare.html" >/dev/null
chrome --dump-dom "file://$OUT/compare.html" >"$OUT/compare.dom.html"
grep -q '<table class="cmp">' "$OUT/compare.dom.html" || fail "compare: the before/after table is missing"
echo "browser-test: compare page rendered"

echo "browser-test: passed; screenshots and PDFs in $OUT"
