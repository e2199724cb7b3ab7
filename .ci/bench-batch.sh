#!/usr/bin/env bash
# Benchmark for `draftcheck batch`: 1,000 generated answers of about 1,500 words each.
# Prints the median wall time of 5 runs and the largest maximum resident set size.
# Target: under 3 s wall on 2 cores.
#
#   .ci/bench-batch.sh                 # built-in rubric customer-relationships
#   RUBRIC=path/to/rubric.json .ci/bench-batch.sh
#
# SCRATCH (default .build) is the swift build scratch path; ANSWERS and WORDS change the size of the cohort.
set -euo pipefail
cd "$(dirname "$0")/.."
SCRATCH=${SCRATCH:-.build}
ANSWERS=${ANSWERS:-1000}
WORDS=${WORDS:-1500}
RUNS=${RUNS:-5}
RUBRIC=${RUBRIC:-customer-relationships}

swift build -c release --scratch-path "$SCRATCH" >&2
BIN="$SCRATCH/release/draftcheck"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/draftcheck-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export DRAFTCHECK_RUBRICS="$PWD/Rubrics"


python3 - "$WORK/answers" "$ANSWERS" "$WORDS" <<'PY'
import os, random, sys
out, n, target = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(20261123)
orgs = ["Tesco", "Amazon", "Starbucks", "Marks & Spencer", "Boots", "Sainsbury's", "Netflix", "Nike", "Aldi", "IKEA"]
concepts = ["customer relationship management", "CRM", "customer retention", "loyalty", "customer lifetime value",
            "segmentation", "market segment", "personalisation", "data protection", "complaint handling"]
nouns = ("customer shopper member client user buyer visitor subscriber account household store branch app website "
         "channel campaign offer voucher discount reward scheme survey score feedback complaint service team staff "
         "manager process system database record insight trend pattern basket purchase visit journey experience").split()
verbs = "improves reduces increases supports tracks measures targets rewards segments predicts explains shapes drives".split()
adjs = "loyal new frequent occasional valuable profitable digital personal local national regular lapsed".split()
templates = [
    "{Org} uses {concept} to understand each {adj} {noun}, for example by tracking every {noun} and {noun}.",
    "This matters because a {adj} {noun} {verb} the {noun} and so the {noun} {verb} over time.",
    "{Concept} {verb} the {noun} by {pct}% according to {Org}'s annual report (Smith, 2021).",
    "However, on balance the most significant {noun} is the {adj} {noun}, which {verb} the {noun}.",
    "I recommend that {Org} should invest in {concept} because the {noun} {verb} each {adj} {noun}.",
    "In my workplace the {noun} {verb} the {adj} {noun} while the {noun} {verb} the {noun}.",
    "The {noun} rose from {pct}% to {pct2}% after the {adj} {noun} was introduced at {Org}.",
    "Each {noun} {verb} a {adj} {noun}, so the {noun} {verb} the {noun} and the {noun}.",
]
os.makedirs(out, exist_ok=True)
for i in range(n):
    words, paras, para = 0, [], []
    while words < target:
        t = rng.choice(templates)
        s = t.format(Org=rng.choice(orgs), concept=rng.choice(concepts), Concept=rng.choice(concepts).capitalize(),
                     noun=rng.choice(nouns), adj=rng.choice(adjs), verb=rng.choice(verbs),
                     pct=rng.randint(2, 60), pct2=rng.randint(61, 95))
        s = " ".join(w if rng.random() > 0.15 else rng.choice(nouns) for w in s.split(" "))
        para.append(s)
        words += len(s.split())
        if len(para) >= rng.randint(4, 8):
            paras.append(" ".join(para)); para = []
    paras.append(" ".join(para))
    folder = os.path.join(out, f"Learner {i:04d}_{10000 + i}_assignsubmission_file_")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "answer.txt"), "w") as f:
        f.write("\n\n".join(paras) + "\n")
PY

times=()
peak=0
for run in $(seq 1 "$RUNS"); do
    # A fresh --out per run, removed only at the end: deleting thousands of files between runs makes
    # ext4 search longer for free inodes on the next run, which would measure the benchmark, not the tool.
    status=0
    /usr/bin/time -v -o "$WORK/time.txt" "$BIN" batch "$WORK/answers" --rubric "$RUBRIC" --out "$WORK/out-$run" --quiet || status=$?
    if [[ $status -ne 0 ]]; then echo "run $run: draftcheck exited with $status" >&2; exit 1; fi
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$WORK/time.txt")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.txt")
    echo "run $run: ${wall} s wall, ${rss} KB max RSS" >&2
    times+=("$wall")
    (( rss > peak )) && peak=$rss
done
median=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "answers: $ANSWERS x ~$WORDS words, rubric: $RUBRIC, cores: $(nproc)"
echo "median wall: ${median} s"
echo "max RSS: $((peak / 1024)) MB"
