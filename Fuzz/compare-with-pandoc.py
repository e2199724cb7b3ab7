#!/usr/bin/env python3
"""Compares the text our readers extract with `pandoc -t plain` on a folder of .docx and .odt files.

    python3 Fuzz/compare-with-pandoc.py READER FOLDER

READER is a built draftcheck-read (see "Fuzzing" in README.md). Both texts are reduced to
lower-case words (letters and digits), so layout (tables, list markers, headings, note markers) does not count;
the report lists every file whose words differ, with a similarity ratio and the first differing stretch.
Nothing from the folder is copied anywhere.
"""
import difflib, pathlib, re, subprocess, sys

reader, folder = sys.argv[1], pathlib.Path(sys.argv[2])
files = sorted(p for p in folder.iterdir() if p.suffix in (".docx", ".odt"))

ours = {}
output = subprocess.run([reader, *map(str, files)], capture_output=True, text=True, errors="replace")
if output.returncode != 0:
    print(f"draftcheck-read exited with {output.returncode} (a crash?)\n{output.stderr[-2000:]}")
    sys.exit(1)
current = None
for line in output.stdout.splitlines():
    if line.startswith("== "):
        current = line[3:]
        ours[current] = []
    elif current is not None:
        ours[current].append(line)

def words(text):
    return re.findall(r"[^\W_]+", text.lower())

same = 0
rows = []
for path in files:
    text = "\n".join(ours.get(str(path), ["ERROR: not read"]))
    theirs = subprocess.run(["pandoc", "-t", "plain", "--wrap=none", str(path)], capture_output=True, text=True)
    if text.startswith("ERROR: "):
        rows.append((path.name, 0.0, f"we refuse: {text[7:][:140]}", f"pandoc: {'fails' if theirs.returncode else 'reads it'}"))
        continue
    if theirs.returncode != 0:
        rows.append((path.name, 0.0, "pandoc fails", theirs.stderr.strip()[:140]))
        continue
    a, b = words(text), words(theirs.stdout)
    if a == b:
        same += 1
        continue
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    first = next(op for op in matcher.get_opcodes() if op[0] != "equal")
    _, i1, i2, j1, j2 = first
    rows.append((path.name, matcher.ratio(), " ".join(a[max(0, i1 - 3):i2 + 3])[:120], " ".join(b[max(0, j1 - 3):j2 + 3])[:120]))

print(f"{len(files)} files: {same} with the same words as pandoc, {len(rows)} different")
for name, ratio, mine, theirs in sorted(rows, key=lambda r: r[1]):
    print(f"{ratio:5.2f}  {name}\n       ours:   {mine}\n       pandoc: {theirs}")
