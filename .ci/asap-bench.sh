#!/usr/bin/env bash
# ASAP-AES benchmark (not run by CI): agreement of draftcheck with real examiners' scores on essay
# sets 3, 4 and 5 of the Hewlett Foundation's Automated Student Assessment Prize.
#
#   .ci/asap-bench.sh TSV [WORKDIR]
#
# TSV is the competition's training_set_rel3.tsv (or any file with its header and rows: the five
# test folds of public cross-validation splits concatenated hold every essay once). The essays and
# scores are other people's work under the competition's terms: keep them, and WORKDIR (default
# /work/data/asap/run), out of the repository. For each set the script writes every essay with both
# raters' scores to WORKDIR/set-N/answers/ID.txt, the resolved score (domain1_score) to
# WORKDIR/set-N/marks.csv, runs `draftcheck calibrate` with the rubric Rubrics/benchmarks/asap-N.json
# (5 folds), and prints one table row per set. Every figure comes from the TSV and the committed rubrics.
set -euo pipefail
cd "$(dirname "$0")/.."
tsv=${1:?usage: .ci/asap-bench.sh training_set_rel3.tsv [WORKDIR]}
work=${2:-/work/data/asap/run}
export PATH="/opt/swift/usr/bin:$PATH"
draftcheck=${DRAFTCHECK:-.build/release/draftcheck}
[ -x "$draftcheck" ] || swift build -c release --product draftcheck >/dev/null
mkdir -p "$work"

# Write the answers and marks of one set; print "essays human_qwk human_exact resolved_is_max_share
# words_qwk words_exact" (the last two: a baseline that predicts the score from the word count alone).
prepare() {
  python3 - "$tsv" "$1" "$work/set-$1" <<'PY'
import csv, io, os, random, sys
tsv, wanted, out = sys.argv[1], sys.argv[2], sys.argv[3]
answers = os.path.join(out, "answers")
os.makedirs(answers, exist_ok=True)
for name in os.listdir(answers):
    os.remove(os.path.join(answers, name))
rows = []
raw = open(tsv, "rb").read()
try:
    text = raw.decode("utf-8")  # the public fold files are UTF-8
except UnicodeDecodeError:
    text = raw.decode("cp1252", errors="replace")  # the competition's own file is Windows-1252
for r in csv.DictReader(io.StringIO(text, newline=""), delimiter="\t", quoting=csv.QUOTE_MINIMAL):
    if r["essay_set"] == wanted and r["rater1_domain1"] and r["rater2_domain1"]:
        rows.append(r)
with open(os.path.join(out, "marks.csv"), "w") as marks, open(os.path.join(out, "raters.csv"), "w") as raters:
    marks.write("file,mark\n")
    raters.write("file,rater1,rater2,resolved\n")
    for r in rows:
        with open(os.path.join(answers, r["essay_id"] + ".txt"), "w", encoding="utf-8") as essay:
            essay.write(r["essay"].strip() + "\n")
        marks.write(f'{r["essay_id"]},{r["domain1_score"]}\n')
        raters.write(f'{r["essay_id"]},{r["rater1_domain1"]},{r["rater2_domain1"]},{r["domain1_score"]}\n')
def qwk(a, b):
    lo, hi = min(a + b), max(a + b)
    k = hi - lo + 1
    n = len(a)
    ha = [sum(1 for x in a if x - lo == i) for i in range(k)]
    hb = [sum(1 for x in b if x - lo == i) for i in range(k)]
    obs = sum((x - y) ** 2 for x, y in zip(a, b))
    exp = sum((i - j) ** 2 * ha[i] * hb[j] / n for i in range(k) for j in range(k))
    return 1 - obs / exp
def monotone_fit(xs, ys):
    # Least-squares non-decreasing step from a number to the marks (the same fit as calibrate's first step).
    lo, hi = min(ys), max(ys)
    values = sorted(set(xs))
    counts = {v: [0] * (hi - lo + 1) for v in values}
    for x, y in zip(xs, ys):
        counts[x][y - lo] += 1
    cost, back = [], []
    for g, v in enumerate(values):
        row, came, best, best_level = [], [], float("inf"), 0
        for level in range(hi - lo + 1):
            if g and cost[g - 1][level] < best:
                best, best_level = cost[g - 1][level], level
            own = sum(c * (level - m) ** 2 for m, c in enumerate(counts[v]))
            row.append(own if g == 0 else own + best)
            came.append(best_level)
        cost.append(row)
        back.append(came)
    level = min(range(hi - lo + 1), key=lambda l: cost[-1][l])
    steps = [0] * len(values)
    for g in reversed(range(len(values))):
        steps[g], level = level, back[g][level]
    def mark(x):
        reached = [lo + s for v, s in zip(values, steps) if v <= x]
        return reached[-1] if reached else lo + steps[0]
    return mark
def word_count_baseline(rows, marks, folds=5):
    # Marks predicted from the number of words alone, 5-fold cross-validated (a fixed shuffle).
    words = [len(r["essay"].split()) for r in rows]
    order = list(range(len(rows)))
    random.Random(7).shuffle(order)
    fold = {i: p % folds for p, i in enumerate(order)}
    predicted = [0] * len(rows)
    for f in range(folds):
        train = [i for i in range(len(rows)) if fold[i] != f]
        mark = monotone_fit([words[i] for i in train], [marks[i] for i in train])
        for i in range(len(rows)):
            if fold[i] == f:
                predicted[i] = mark(words[i])
    return predicted
r1 = [int(r["rater1_domain1"]) for r in rows]
r2 = [int(r["rater2_domain1"]) for r in rows]
res = [int(r["domain1_score"]) for r in rows]
exact = sum(1 for x, y in zip(r1, r2) if x == y) / len(rows)
is_max = sum(1 for x, y, z in zip(r1, r2, res) if z == max(x, y)) / len(rows)
by_length = word_count_baseline(rows, res)
length_exact = sum(1 for x, y in zip(by_length, res) if x == y) / len(rows)
print(len(rows), f"{qwk(r1, r2):.3f}", f"{exact * 100:.1f}", f"{is_max * 100:.1f}",
      f"{qwk(res, by_length):.3f}", f"{length_exact * 100:.1f}")
PY
}

field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" "$2"; }

printf '| prompt | essays | rater 1 vs rater 2 QWK (exact) | draftcheck untuned QWK (exact) | calibrated, 5-fold CV QWK (exact) | calibrated with development, 5-fold CV QWK (exact) | word count only, 5-fold CV QWK (exact) |\n'
printf '|---|---|---|---|---|---|---|\n'
for set in 3 4 5; do
  read -r essays human exact resolved_max words_qwk words_exact <<<"$(prepare "$set")"
  report="$work/set-$set/calibrate.txt"
  "$draftcheck" calibrate "$work/set-$set/answers" --rubric "Rubrics/benchmarks/asap-$set.json" \
    --marks "$work/set-$set/marks.csv" --out "$work/set-$set/asap-$set-calibrated.json" --folds 5 >"$report" 2>"$work/set-$set/calibrate.err" || true
  summary="$report"
  printf '| %s | %s | %s (%s%%) | %s (%s%%) | %s (%s%%) | %s (%s%%) | %s (%s%%) |\n' "$set" "$essays" "$human" "$exact" \
    "$(field qwk_untuned "$summary")" "$(awk -v x="$(field exact_untuned "$summary")" 'BEGIN{printf "%.1f", x*100}')" \
    "$(field qwk_cv "$summary")" "$(awk -v x="$(field exact_cv "$summary")" 'BEGIN{printf "%.1f", x*100}')" \
    "$(field qwk_cv_choice "$summary")" \
    "$(awk -v x="$(field exact_cv_choice "$summary")" 'BEGIN{printf "%.1f", x*100}')" \
    "$words_qwk" "$words_exact"
  echo "set $set: resolved score equals the higher rater's score for $resolved_max% of essays; full report in $report" >&2
done
