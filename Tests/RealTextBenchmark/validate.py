#!/usr/bin/env python3
"""Checks the real-text annotations without running the analyser: every field present, every concept id a
concept, framework or law of the annotated rubric (its own concepts and the lexicons it loads), every quote,
organisation, quantity and non-evidence text present in the saved text, every quantity's unit inside its
text, and the SHA-256 of the saved text equal to the annotated one. Texts not saved locally are reported and
skipped. Usage: validate.py TEXTS_DIR [ANNOTATIONS_DIR]"""
import hashlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
RUBRICS = os.path.join(HERE, "..", "..", "Rubrics")
FIELDS = ["file", "addresses", "query", "writer", "sha256", "rubric", "concepts", "organisations", "quantities",
          "nonEvidence"]


def concept_ids(rubric_id):
    rubric = json.load(open(os.path.join(RUBRICS, rubric_id + ".json"), encoding="utf-8"))
    terms = list(rubric.get("concepts", []))
    for lexicon in rubric.get("lexicons", []):
        terms += json.load(open(os.path.join(RUBRICS, "lexicon", lexicon + ".json"), encoding="utf-8"))["concepts"]
    return {t["id"] for t in terms if t.get("kind", "concept") in ("concept", "framework", "legislation")}


def check(path, texts):
    problems = []
    a = json.load(open(path, encoding="utf-8"))
    problems += [f"missing field {f}" for f in FIELDS if f not in a]
    if problems:
        return problems
    if a["writer"] not in ("learner", "practitioner"):
        problems.append(f"writer {a['writer']!r} is not learner or practitioner")
    ids = concept_ids(a["rubric"])
    seen = set()
    for c in a["concepts"]:
        if c["id"] not in ids:
            problems.append(f"concept {c['id']} is not a concept of rubric {a['rubric']}")
        if c["id"] in seen:
            problems.append(f"concept {c['id']} annotated twice")
        seen.add(c["id"])
    text_path = os.path.join(texts, a["file"])
    if not os.path.exists(text_path):
        return problems + [f"(text {a['file']} not saved; text checks skipped)"]
    data = open(text_path, "rb").read()
    if hashlib.sha256(data).hexdigest() != a["sha256"]:
        problems.append("SHA-256 of the saved text differs from the annotation")
    text = data.decode("utf-8")
    for c in a["concepts"]:
        if c["quote"] not in text:
            problems.append(f"quote for {c['id']} not in text: {c['quote']!r}")
    for o in a["organisations"]:
        if o["name"] not in text:
            problems.append(f"organisation not in text: {o['name']!r}")
    for q in a["quantities"]:
        if text.count(q["text"]) < q.get("occurrence", 1):
            problems.append(f"quantity not in text (occurrence {q.get('occurrence', 1)}): {q['text']!r}")
        if q["unit"].lower() not in q["text"].lower():
            problems.append(f"unit {q['unit']!r} not inside quantity {q['text']!r}")
    for n in a["nonEvidence"]:
        if n["text"] not in text:
            problems.append(f"non-evidence not in text: {n['text']!r}")
    return problems


if __name__ == "__main__":
    texts = sys.argv[1]
    folder = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "annotations")
    failed = False
    for name in sorted(os.listdir(folder)):
        if name.endswith(".json"):
            problems = check(os.path.join(folder, name), texts)
            for p in problems:
                print(f"{name}: {p}")
            failed |= any(not p.startswith("(") for p in problems)
    sys.exit(1 if failed else 0)
