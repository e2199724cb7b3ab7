#!/bin/sh
# Regenerates the binary fixtures for DocumentReadersTests from answer.md and tracked.fodt.
# Needs pandoc, LibreOffice (soffice) and python3. The tests themselves need none of them.
set -eu
cd "$(dirname "$0")"

# The same learner answer in every paragraph-based format, made by pandoc.
pandoc answer.md -f markdown -t docx -o answer.docx
pandoc answer.md -f markdown -t odt -o answer.odt
pandoc answer.md -f markdown -t html5 --standalone --metadata pagetitle="CRM answer" -o answer.html

# A Word document and an OpenDocument file with tracked changes (one insertion, one deletion)
# and a comment, written by LibreOffice from the flat ODT source.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
soffice -env:UserInstallation=file://"$tmp"/profile --headless --convert-to docx --outdir "$tmp" tracked.fodt >/dev/null
soffice -env:UserInstallation=file://"$tmp"/profile --headless --convert-to odt --outdir "$tmp" tracked.fodt >/dev/null
cp "$tmp"/tracked.docx tracked.docx
cp "$tmp"/tracked.odt tracked.odt

# A PDF of the answer, made by LibreOffice from pandoc's .docx (tests skip it when pdftotext is absent).
soffice -env:UserInstallation=file://"$tmp"/profile --headless --convert-to pdf --outdir "$tmp" answer.docx >/dev/null
cp "$tmp"/answer.pdf answer.pdf

# ZIP archives compressed by zlib (through python's zipfile) to test our inflater against a real compressor:
# a stored entry, a short entry (fixed Huffman), a long text (dynamic Huffman) and incompressible bytes.
python3 - <<'PY'
import random, zipfile, zlib
text = open("answer.md", "rb").read()
rnd = random.Random(1951)
noise = bytes(rnd.getrandbits(8) for _ in range(70000))
with zipfile.ZipFile("inflate-samples.zip", "w") as z:
    z.writestr(zipfile.ZipInfo("stored.txt"), text, compress_type=zipfile.ZIP_STORED)
    z.writestr("short.txt", b"Tesco Clubcard", compress_type=zipfile.ZIP_DEFLATED)
    z.writestr("long.txt", text * 40, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    z.writestr("fast.txt", text * 40, compress_type=zipfile.ZIP_DEFLATED, compresslevel=1)
    z.writestr("noise.bin", noise, compress_type=zipfile.ZIP_DEFLATED)
    z.writestr("mixed.bin", noise[:5000] + text * 10 + noise[5000:9000], compress_type=zipfile.ZIP_DEFLATED)
PY
echo "fixtures written"
