#!/usr/bin/env bash
# Install check on a fresh clone: clone this checkout's HEAD, build a release binary, install it into a
# temporary PREFIX, then check a sample from another folder with the installed tool only, and uninstall.
# Usage: .ci/install-check.sh   (SCRATCH=/path keeps the clone and build there instead of a temp folder)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
export PATH="/opt/swift/usr/bin:$PATH"
work="${SCRATCH:-$(mktemp -d)}"
mkdir -p "$work"
[ -z "${SCRATCH:-}" ] && trap 'rm -rf "$work"' EXIT
rm -rf "$work/clone" "$work/prefix" "$work/elsewhere"
git clone --quiet "$repo" "$work/clone"
(cd "$work/clone" && swift build -c release --product draftcheck)
"$work/clone/.build/release/draftcheck" install --prefix "$work/prefix"
rm -rf "$work/clone/.build"    # the installed tool must not need the build or the clone's rubrics
mv "$work/clone/Rubrics" "$work/clone/Rubrics.moved"
mkdir -p "$work/elsewhere"
cp "$repo/Samples/customer-relationships/merit.md" "$work/elsewhere/essay.md"
cd "$work/elsewhere"
env -u DRAFTCHECK_RUBRICS "$work/prefix/bin/draftcheck" check essay.md --rubric customer-relationships | grep -q "Merit"
"$work/prefix/bin/draftcheck" uninstall --prefix "$work/prefix"
test ! -e "$work/prefix/bin/draftcheck" && test ! -e "$work/prefix/share/draftcheck"
echo "install check: passed"
