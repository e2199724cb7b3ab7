#!/usr/bin/env python3
"""Turns a fetched source file (Markdown with front matter, or a JSX/HTML page) into the plain text the
benchmark annotates: front matter, <style>/<script> blocks, tags, JSX code lines and HTML entities removed,
runs of blank lines collapsed; in JSX/HTML
pages the indentation of each line is removed too. Usage: normalise.py [--until LINE] FILE [FILE ...] > OUT (several files are
joined with a blank line, in the order given; --until keeps each file only up to the first line equal to LINE,
to cut a long text at a heading)."""
import html
import re
import sys


def normalise(text: str, code_page: bool = False) -> str:
    text = text.replace("\r\n", "\n")
    if text.startswith("---\n") or text.startswith("+++\n"):
        fence = text[:3]
        end = text.find("\n" + fence, 4)
        if end != -1:
            text = text[end + 4:]
    text = re.sub(r"<(style|script)[^>]*>.*?</\1>", "", text, flags=re.S)
    lines = []
    for line in text.split("\n"):
        stripped = line.strip()
        if re.match(r"^(import |export |const |return|\)|\}|\{|<>|</>)", stripped):
            continue
        lines.append(line)
    text = "\n".join(lines)
    text = re.sub(r"<br\s*/?>|</br>", "\n", text)
    text = re.sub(r"</?[A-Za-z][^>]*>", "", text)
    text = html.unescape(text)
    # A page's indentation is code layout, not the writer's; Markdown keeps its own (nested lists).
    text = "\n".join(l.strip() if code_page or l.strip() == "" else l.rstrip() for l in text.split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
    return text


if __name__ == "__main__":
    until = None
    if sys.argv[1:2] == ["--until"]:
        until = sys.argv[2]
        del sys.argv[1:3]

    def read(path):
        text = open(path, encoding="utf-8").read()
        if until is not None and ("\n" + until + "\n") in text:
            text = text[:text.index("\n" + until + "\n") + 1]
        return text

    parts = [normalise(read(path), code_page=path.endswith((".jsx", ".js", ".html")))
             for path in sys.argv[1:]]
    sys.stdout.write("\n".join(parts))
