#!/usr/bin/env bash
# Measures `draftcheck check` (read, analyse, assess, report) on one answer of 1, 10 and 50 MB, to show that the
# time per MB does not grow with the size of the text (no quadratic step). Release build; best of RUNS runs.
# CPU seconds (user + system) are the figure to read: on a shared machine the wall time mostly measures the
# other processes.
#
#   .ci/analyser-scaling.sh [RUBRIC] [RUNS]      defaults: crm-strategy 3; SIZES="1 10" to skip 50 MB
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
rubric=${1:-crm-strategy}
runs=${2:-3}

swift build -c release --product draftcheck 2>&1 | grep -Ev '^\[[0-9]+/[0-9]+\]' || true
tool=.build/release/draftcheck
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One long answer made by repeating the sample answers (each copy a new paragraph), cut at a paragraph end.
cat Samples/*/*.md > "$work/unit.md"
printf '%-8s %10s %10s %10s %12s %12s\n' size bytes 'CPU s' 'CPU s/MB' 'wall s' 'peak RSS MB'
for mb in ${SIZES:-1 10 50}; do
    file="$work/answer-$mb.md"
    target=$((mb * 1000000 - 100000))  # under the reader's 50 MiB input limit
    : > "$file"
    while [ "$(stat -c %s "$file")" -lt "$target" ]; do cat "$work/unit.md" >> "$file"; done
    bytes=$(stat -c %s "$file")
    best=""
    wall=0
    rss=0
    for _ in $(seq "$runs"); do
        /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$tool" check "$file" --rubric "$rubric" --format json \
            --max-text-size 60 > /dev/null
        read -r elapsed user system kb < "$work/time"
        t=$(echo "$user + $system" | bc -l)
        if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; wall=$elapsed; rss=$((kb / 1024)); fi
    done
    printf '%-8s %10d %10.2f %10.3f %12.2f %12d\n' "${mb}MB" "$bytes" "$best" "$(echo "$best / ($bytes / 1000000)" | bc -l)" "$wall" "$rss"
done
