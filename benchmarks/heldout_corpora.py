"""Build two held-out real corpora that nobody working on this project has tuned a rule on.

Every finding on the development samples in ``../shared/realtext/`` is labelled by now, so precision measured
there is tuned precision. These corpora come from public test data of the gensim package on PyPI:

* ``wiki_heldout.jsonl``: English Wikipedia articles of a dump fragment
  (``enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2``), put through WikiExtractor, the same
  extractor as ``wikipedia_dev.jsonl`` (fields id, title, url, text); articles under 500 characters are left out,
  and so are titles found in the files given with ``--exclude``;
* ``lee_news.jsonl``: the 300 ABC news stories of 2001 of the Lee corpus (``lee_background.cor``), one story a
  line (fields id, text);
* ``clean/``: plain-text files for ``artefact_injection.py`` (``--clean N`` of each corpus, held-out texts for
  injected-damage recall).

The files are written to OUTDIR (never into the repository: the licences are the sources' own). Needs network
access to PyPI, or ``--wheel`` with a gensim wheel already downloaded, and ``pip install wikiextractor``::

    pip install wikiextractor
    python benchmarks/heldout_corpora.py /tmp/heldout --exclude ../shared/realtext/wikipedia_dev.jsonl
    python benchmarks/precision.py /tmp/heldout/wiki_heldout.jsonl /tmp/heldout/lee_news.jsonl
    python benchmarks/artefact_injection.py --trials 100 --seed 4 /tmp/heldout/clean

Labels for them are kept like the others, under ``benchmarks/data/precision/wiki_heldout/`` and ``lee_news/``.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile
import zipfile

_WIKI = "gensim/test/test_data/enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2"
_LEE = "gensim/test/test_data/lee_background.cor"


def _wheel(path: str | None, tmp: str) -> str:
    if path:
        return path
    cmd = [sys.executable, "-m", "pip", "download", "gensim==4.4.0", "--no-deps", "--only-binary", ":all:", "-q"]
    subprocess.run([*cmd, "-d", tmp], check=True)
    found = glob.glob(os.path.join(tmp, "gensim-*.whl"))
    if not found:
        raise SystemExit("heldout_corpora: pip downloaded no gensim wheel")
    return found[0]


def _excluded_titles(paths: list[str]) -> set[str]:
    titles: set[str] = set()
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                title = json.loads(line).get("title")
                if title:
                    titles.add(title)
    return titles


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", help="output folder")
    ap.add_argument("--wheel", help="a gensim wheel already downloaded (default: pip download gensim 4.4.0)")
    ap.add_argument("--exclude", action="append", default=[], help="a jsonl whose titles are left out (repeatable)")
    ap.add_argument("--clean", type=int, default=25, help="texts of each corpus written to OUT/clean (default 25)")
    args = ap.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        with zipfile.ZipFile(_wheel(args.wheel, tmp)) as whl:
            whl.extract(_WIKI, tmp)
            whl.extract(_LEE, tmp)
        extracted = os.path.join(tmp, "wx")
        subprocess.run(
            [
                sys.executable,
                "-m",
                "wikiextractor.WikiExtractor",
                os.path.join(tmp, _WIKI),
                "--json",
                "-q",
                "-o",
                extracted,
            ],
            check=True,
        )
        skip = _excluded_titles(args.exclude)
        wiki = []
        for part in sorted(glob.glob(os.path.join(extracted, "*", "*"))):
            with open(part, encoding="utf-8") as fh:
                for line in fh:
                    page = json.loads(line)
                    if page["title"] in skip or len(page["text"]) < 500:
                        continue
                    wiki.append(
                        {"id": "wx" + page["id"], "title": page["title"], "url": page["url"], "text": page["text"]}
                    )
        with open(os.path.join(tmp, _LEE), encoding="utf-8", errors="replace") as fh:
            lee = [{"id": f"lee-{i}", "text": line.strip()} for i, line in enumerate(fh) if line.strip()]
    for name, rows in (("wiki_heldout", wiki), ("lee_news", lee)):
        with open(os.path.join(args.out, name + ".jsonl"), "w", encoding="utf-8") as out:
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"{name}.jsonl: {len(rows)} documents, {sum(len(r['text']) for r in rows):,} characters")
    clean = os.path.join(args.out, "clean")
    os.makedirs(clean, exist_ok=True)
    # every k-th document, so the injection texts spread over the corpus; long articles cut at a paragraph end
    for name, rows in (("wiki", wiki), ("lee", lee)):
        step = max(1, len(rows) // max(1, args.clean))
        for i, row in enumerate(rows[::step][: args.clean]):
            text = row["text"]
            if len(text) > 8000:
                text = text[: text.rfind("\n", 0, 8000) + 1 or 8000]
            with open(os.path.join(clean, f"{name}_{i:02d}.txt"), "w", encoding="utf-8") as out:
                out.write(text)
    print(f"clean/: {len(os.listdir(clean))} texts for artefact_injection.py")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
