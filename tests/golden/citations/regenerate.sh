#!/bin/sh
# Regenerate the pandoc oracle for tests/citations/test_formatting.py (pandoc's own citeproc
# formats the varied test bibliography with the same CSL files argmap bundles), then the
# golden files of the exports.
#
#   sh tests/golden/citations/regenerate.sh
#
# pandoc is pandoc 3 from the pypandoc-binary wheel (make install), as in every test
# (tests/support/pandoc.py); PANDOC=... runs another one. PANDOC_VERSION records which
# one made the stored files.
#
# varied.json  the items, converted from tests/data/citations/varied.bib by pandoc; its
#              "misc" entry (which pandoc leaves without a type) is typed "document" so
#              the items are valid CSL-JSON. Both engines format exactly these items.
# <style>.html pandoc's HTML for a document citing every item once, with the locator
#              "p. 12", in file order, followed by the whole bibliography.
# <style>-cases.html  citations with other locators and labels, and of two items at
#              once, each item cited once (a second citation would be "subsequent").
# synthetic.json, synthetic-<style>.html  300 synthetic items from bench/reading_list.py
#              (many shared surnames and initials: every disambiguation step is used),
#              each cited once, in APA and MLA.
#
# exports/    argmap's own exports (BibTeX, BibLaTeX, CSL-JSON, RIS) of the seed, names and
#              crossref bibliographies, written by tests/citations/test_exports.py with
#              ARGMAP_REGENERATE=1; review the diff: BibTeX must be the source entries as
#              written, BibLaTeX only the documented conversions.
#
# Same locale data too: argmap renders with the CSL en-US locale file that citeproc-py
# ships, which may differ from the one built into pandoc (pandoc 2.17's lacked MLA's "June",
# "Sept.", the "number" term). Each style is given to pandoc with that locale file's terms inlined as a
# <locale> without xml:lang, which outranks pandoc's built-in locale but not the style's
# own overrides, exactly as in argmap. The style files themselves are not changed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
styles=$root/argmap/citations/styles
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python=${PYTHON:-$root/.venv/bin/python}
pandoc=${PANDOC:-$(cd "$root" && "$python" -c 'from tests.support.pandoc import require_pandoc; print(require_pandoc())')}
locale=$("$python" -c 'import citeproc, pathlib; print(pathlib.Path(citeproc.__file__).parent / "data/locales/locales-en-US.xml")')

"$pandoc" -f bibtex -t csljson "$root/tests/data/citations/varied.bib" > "$tmp/raw.json"
python3 - "$tmp/raw.json" "$here/varied.json" "$tmp/doc.md" <<'PY'
import json, sys
items = json.load(open(sys.argv[1], encoding="utf-8"))
for item in items:
    if not item.get("type"):
        item["type"] = "document"
with open(sys.argv[2], "w", encoding="utf-8") as out:
    json.dump(items, out, ensure_ascii=False, indent=1)
    out.write("\n")
with open(sys.argv[3], "w", encoding="utf-8") as doc:
    doc.write("---\nnocite: '@*'\n---\n\n")
    for item in items:
        doc.write(f"{item['id']}: [@{item['id']}, p. 12]\n\n")
PY
cat > "$tmp/cases.md" <<'MD'
---
nocite: '@*'
---

case1: [@shagina2018dilemma, p. 1]

case2: [@pape1997sanctions, pp. 12-15]

case3: [@toulmin2003uses, chap. 3]

case4: [@baldwin1985statecraft; @shagina2019sanctions]

case5: [@hufbauer2007sanctions, sec. 2]

case6: [@dung1995acceptability, para. 4]

case7: [@caminada2007evaluation]
MD

for pair in apa:apa chicago:chicago-author-date harvard:harvard-cite-them-right \
    mla:modern-language-association ieee:ieee; do
    name=${pair%%:*}
    csl=${pair#*:}
    "$python" - "$styles/$csl.csl" "$locale" "$tmp/$csl.csl" <<'PY'
import re, sys
style = open(sys.argv[1], encoding="utf-8").read()
locale = open(sys.argv[2], encoding="utf-8").read()
body = re.search(r"<locale[^>]*>(.*)</locale>", locale, flags=re.S).group(1)
body = re.sub(r"<info>.*?</info>", "", body, flags=re.S)
at = style.index("</info>") + len("</info>")
with open(sys.argv[3], "w", encoding="utf-8") as out:
    out.write(style[:at] + "\n  <locale>" + body + "</locale>" + style[at:])
PY
    "$pandoc" "$tmp/doc.md" --citeproc --csl="$tmp/$csl.csl" \
        --bibliography="$here/varied.json" -t html --wrap=none -o "$here/$name.html"
    "$pandoc" "$tmp/cases.md" --citeproc --csl="$tmp/$csl.csl" \
        --bibliography="$here/varied.json" -t html --wrap=none -o "$here/$name-cases.html"
done
(cd "$root" && "$python" - "$here/synthetic.json" "$tmp/synthetic.md") <<'PY'
import json, sys
from bench.reading_list import synthetic_items
items = synthetic_items(300)
with open(sys.argv[1], "w", encoding="utf-8") as out:
    json.dump(items, out, ensure_ascii=False, indent=1)
    out.write("\n")
with open(sys.argv[2], "w", encoding="utf-8") as doc:
    doc.write("---\nnocite: '@*'\n---\n\n")
    for item in items:
        doc.write(f"{item['id']}: [@{item['id']}]\n\n")
PY
for pair in apa:apa mla:modern-language-association; do
    name=${pair%%:*}
    csl=${pair#*:}
    "$pandoc" "$tmp/synthetic.md" --citeproc --csl="$tmp/$csl.csl" \
        --bibliography="$here/synthetic.json" -t html --wrap=none -o "$here/synthetic-$name.html"
done

"$pandoc" --version | head -n 1 > "$here/PANDOC_VERSION"

(cd "$root" && ARGMAP_REGENERATE=1 "$python" -m pytest -q -p no:cacheprovider \
    tests/citations/test_exports.py -k golden)
