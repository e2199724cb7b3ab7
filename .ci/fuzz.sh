#!/usr/bin/env bash
# Runs one fuzz target (or all of them) for a bounded time with libFuzzer and the address sanitizer.
#
#   .ci/fuzz.sh TARGET SECONDS     e.g. .ci/fuzz.sh docx 300
#   .ci/fuzz.sh all SECONDS        every target in turn, SECONDS each
#   .ci/fuzz.sh list               the targets
#
# Seeds come from Fuzz/corpus/TARGET (committed, small); new inputs go to Fuzz/.work/corpus/TARGET and a crash
# or hang is written to Fuzz/.work/crashes/ and makes the script fail. Turn every crash into a regression test.
# Extra libFuzzer options can be passed in FUZZ_OPTIONS (for example FUZZ_OPTIONS=-runs=0 to replay the seeds);
# FUZZ_BUILD_JOBS sets the build's parallelism (default 1, to leave a shared machine usable).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"

usage() { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
[ $# -ge 1 ] || usage
target=$1
seconds=${2:-60}

root=$PWD
binary="$root/Fuzz/.build/release/draftcheck-fuzz"
build_log=$(mktemp)
if ! (cd Fuzz && nice -n 10 swift build -c release --product draftcheck-fuzz -j "${FUZZ_BUILD_JOBS:-1}" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing) > "$build_log" 2>&1; then
    grep -Ev '^\[[0-9]+/[0-9]+\]' "$build_log" >&2
    echo "fuzz.sh: the fuzz build failed" >&2
    exit 1
fi
rm -f "$build_log"

targets() { { DRAFTCHECK_FUZZ_TARGET= "$binary" 2>&1 || true; } | sed -n 's/^  \([a-z-]*\) .*/\1/p'; }

if [ "$target" = list ]; then
    DRAFTCHECK_FUZZ_TARGET= "$binary" 2>&1 || true
    exit 0
fi

# Swift's crash reporter trips a false sanitizer report and hangs; libFuzzer should see the real crash at once.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS=${ASAN_OPTIONS:-handle_sigill=1:detect_leaks=0:allocator_may_return_null=1}

run_one() {
    local name=$1
    local work="$root/Fuzz/.work/corpus/$name"
    local crashes="$root/Fuzz/.work/crashes"
    local generated="$root/Fuzz/.work/seeds/$name"
    mkdir -p "$work" "$crashes" "$root/Fuzz/corpus/$name"
    # Seeds in formats that change with the code (such as compiled-lexicon tables) are made by the harness.
    rm -rf "$generated"
    DRAFTCHECK_FUZZ_TARGET=$name DRAFTCHECK_FUZZ_WRITE_SEEDS="$generated" "$binary"
    echo "== fuzzing $name for ${seconds}s"
    # shellcheck disable=SC2086
    DRAFTCHECK_FUZZ_TARGET=$name nice -n 10 "$binary" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 -artifact_prefix="$crashes/$name-" ${FUZZ_OPTIONS:-} \
        "$work" "$root/Fuzz/corpus/$name" "$generated"
}

if [ "$target" = all ]; then
    for name in $(targets); do run_one "$name"; done
else
    targets | grep -x "$target" >/dev/null || { echo "fuzz.sh: unknown target '$target'; try: $(targets | tr '\n' ' ')" >&2; exit 2; }
    run_one "$target"
fi
