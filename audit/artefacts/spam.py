"""Injected SEO/spam keywords: commercial words dropped into prose where they break the syntax.

Syntax cues, each precise on edited text:

* **list**: a lowercase keyword as an item between capitalised proper-noun items
  ("Santa Clara County, San Francisco, order and Berkeley");
* **comma**: a lowercase keyword right after a comma and directly before a capitalised
  word ("This week, online California Attorney General"; "de San Francisco, store Tom Ammiano");
* **between-names**: a lowercase keyword wedged between two capitalised names inside a
  sentence ("Attorney General order Kamala Harris"), weekdays and months, verb forms in -s
  ("Tarkin orders Alderaan destroyed") and possessives ("UNESCO's online Red Book") excepted;
* **lower-list**: a bare count-noun keyword as an item of a lower-case list whose neighbouring
  items are plural or have a determiner ("many pundits, casino and politicians", "his wife,
  site and his children");
* **grammar**: in English, a keyword where its word class cannot stand between the function words
  around it ("who has lived in casino the Sellwood neighborhood", "would casino open", "much of cheap
  the afternoon", "$40 online million"); see :func:`frame_break`, the word-class frames of
  :mod:`audit.artefacts.wordclass` and the noun-phrase frames of :mod:`audit.artefacts.nounphrase` (a bare
  count noun that heads nothing: "experts said shop the case"; "will shop receive"; "the online second
  half") and its clause frames (:func:`audit.artefacts.nounphrase.clause_break`: "Casillas says shop
  there's", "Mayor Darrell Steinberg casino said", "up buy to $10,000", "Once we store did");
* **foreign**: an English keyword inside a passage in another language
  ("... para responder, order anunció ayer ..."), using the language check's passage
  languages when present, else a stop-word profile of the passage; a word German borrows, in lower case
  with no break of German syntax around it ("heise shop Sonderhefte"), is only **info** (cue ``loanword``:
  brand names and link labels keep that spelling). German capitalises every noun, so the capitalisation cues
  skip the words it borrows there.

Normal uses ("an executive order", "the site of the attack", "online voting", "in order to",
"store of value") have a determiner, adjective or lowercase word around them and are not flagged.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

import numpy as np

from audit.artefacts import nounphrase, wordclass
from audit.artefacts.common import (
    WORDFREQ_LANGS,
    _freq_dict,
    document_language,
    guess_language,
    has_word_lists,
    stopwords,
    zipf,
)
from audit.model import Category, Finding, Severity
from audit.rules import DocContext, DocumentCheck, Rule
from audit.segment import ABBREVIATIONS
from audit.text import MARKS, lower_all

ART010 = Rule(
    id="ART010",
    name="injected-keyword",
    category=Category.ARTEFACT,
    severity=Severity.WARNING,
    description="A commercial SEO/spam keyword injected into prose where it breaks the syntax (a lowercase "
    "keyword among proper-noun list items, after a comma before a name, where English grammar has no room for "
    "its word class, or an English keyword in another language, loanwords included where that language's "
    "syntax has no room for them).",
    flags=(
        "Santa Clara County, San Francisco, order and Berkeley officials said they declined.",
        "This week, online California Attorney General Kamala Harris issued a directive.",
        "las agencias deben usar el criterio para responder, order anunció ayer la procuradora.",
        "The council approved the plan on Tuesday. cheap flights",
        "Read the full story. buy viagra online buy viagra online buy viagra online",
    ),
    not_flags=(
        "The president signed an executive order on Monday.",
        "Police secured the site of the attack.",
        "Online voting starts in May.",
        "They met in order to discuss the plan.",
        "Gold is seen as a store of value.",
        "Compró los billetes online, según la empresa.",
        "Prices fell 3 p.m. online sales rose.",
        "Fans chanted “Go, go, go!” as the team left.",
    ),
)

#: Keywords for the list and comma cues (English commercial/spam vocabulary).
KEYWORDS = (
    "order",
    "orders",
    "site",
    "online",
    "store",
    "shop",
    "buy",
    "cheap",
    "sale",
    "discount",
    "deals",
    "casino",
    "viagra",
    "cialis",
    "pharmacy",
    "loans",
    "coupon",
    "seo",
    "porn",
    "replica",
    "outlet",
    "essay",
    "deal",
    "click",
    "download",
    "promo",
    "loan",
)
#: Keywords for the stuffing cues (a lower-case phrase after a sentence end, a repeated phrase): the
#: cue itself is the evidence, so travel/finance spam words that are normal in news prose join here only.
STUFFING_KEYWORDS = frozenset(KEYWORDS) | frozenset(
    "payday bonus flights hotels pills watches escort escorts betting slots crypto forex".split()
)
#: Keywords for the foreign-passage cue, with languages in which the word is also native or a common loanword.
FOREIGN_OK = {
    "order": (),
    "orders": (),
    "site": ("fr", "pt"),
    "store": ("fr",),
    "shop": ("de", "es", "pt", "it", "fr"),
    "buy": (),
    "cheap": (),
    "sale": ("it", "es"),
    "discount": (),
    "deals": (),
    "click": (),
    "download": ("de",),
    "coupon": ("fr",),
    "seo": ("it", "pt"),
    "viagra": (),
    "cialis": (),
    "replica": ("es", "it"),
    "free": ("es", "pt"),
    "price": (),
    "online": ("es", "de", "it", "pt", "fr"),
    "casino": ("es", "it", "fr", "pt"),
}

_CAP = r"[A-ZÀ-ÖØ-Þ]"
_CONJ = r"(?:and|or|y|e|o|u|et|ou|und|oder|ed)"


def _kw(words: Iterable[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_LIST_RE = re.compile(rf"\b{_CAP}[\w’'.-]*,\s(?P<kw>{_kw(KEYWORDS)})(?=(?:,\s+|\s+{_CONJ}\s+){_CAP})")
_COMMA_RE = re.compile(rf"(?<=\w,\s)(?P<kw>{_kw(KEYWORDS)})(?=\s+{_CAP}[a-zà-ÿ’'-]+)")
_BETWEEN_RE = re.compile(
    rf"(?<=[a-zà-ÿ,;] )(?P<prev>{_CAP}[\w’'-]+) (?P<kw>{_kw(KEYWORDS)}) (?P<next>{_CAP}[a-zà-ÿ’'-]+)"
)
#: Keywords that are count nouns: bare (without a determiner) they cannot stand as a list item among
#: plural or determined nouns ("pundits, casino and politicians"; "his wife, site and his children").
_COUNT_KEYWORDS = (
    "order",
    "site",
    "store",
    "shop",
    "casino",
    "deal",
    "loan",
    "coupon",
    "essay",
    "outlet",
    "pharmacy",
    "promo",
    "replica",
)
_DET = (
    r"(?:the|his|her|their|its|our|my|your|these|those|many|some|all|other|both|several|two|three|"
    r"los|las|el|la|sus|unos|unas|muchos|les|des|le|ses|leurs|plusieurs|os|as|seus|suas|o|a|i|gli|le|"
    r"die|der|das|den|ihre|seine|viele)"
)
#: A lower-case list item with a keyword inside: ``ITEM, KW (and|or|,) ITEM``, where each neighbouring item
#: is a plural noun or has a determiner.
_LOWER_LIST_RE = re.compile(
    rf"(?<![\w’'-])(?P<prev>(?:{_DET} )?[a-zà-ÿ]{{3,}}), (?P<kw>{_kw(_COUNT_KEYWORDS)})"
    rf"(?P<conj>,| and| or| y| et| e| und| ou| o| oder) (?P<next>(?:{_DET} )?[a-zà-ÿ]{{3,}})(?![\w’'-])"
)


def _plural_or_determined(item: str) -> bool:
    ws = item.split()
    return len(ws) == 2 or (ws[0].endswith("s") and not ws[0].endswith(("ss", "us", "is")) and len(ws[0]) > 3)


_NOT_NAMES = frozenset(
    "I A The Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July "
    "August September October November December Lunes Martes Miércoles Jueves Viernes Sábado Domingo Enero Febrero "
    "Marzo Abril Mayo Junio Julio Agosto Septiembre Octubre Noviembre Diciembre".split()
)
_FOREIGN_RE = re.compile(rf"(?<![\w’'-])(?P<kw>{_kw(FOREIGN_OK)})(?![\w’'-])")
_WINDOW_WORD = re.compile(r"(?<![\w’'])[^\W\d_]+(?![\w’'])")
_PREV_WORD = re.compile(r"([^\W\d_]+)(?:\s?[)\]\"”’»])*\s*$")
#: An opening curly quote stands after a space, a bracket or the line start; after a word it closes a
#: German quotation („Wort“).
_OPENING_DOUBLE = re.compile(r"(?:^|(?<=[\s(\[—–-]))“")


def _quote_opening(text: str, start: int, lo: int) -> int:
    """The offset of the quotation mark or bracket still open at ``start`` (counted from ``lo``), or -1."""
    before = text[lo:start]
    best = -1
    for o, c in (("(", ")"), ("„", "“"), ("«", "»"), ('"', '"'), ("‘", "’")):
        if o == c:
            if before.count(o) % 2 == 1:
                best = max(best, before.rfind(o))
        elif before.rfind(o) > before.rfind(c):
            best = max(best, before.rfind(o))
    openers = [m.start() for m in _OPENING_DOUBLE.finditer(before)]
    if openers and openers[-1] > before.rfind("”"):
        best = max(best, openers[-1])
    return lo + best if best >= 0 else -1


#: Lowercase head nouns that a keyword legitimately modifies through a capitalised name
#: ("online Black Friday deals", "buy American products"): not an injection.
HEAD_NOUNS = frozenset(
    "deal deals sale sales shopping shoppers order orders store stores retailer retailers purchase purchases search "
    "searches ad ads user users account accounts post posts product products goods items food takeout delivery "
    "deliveries tickets ticket books merchandise cookies gift gifts card cards subscription subscriptions service "
    "services platform platforms marketplace listing listings price prices discount discounts version edition "
    "event events campaign campaigns page pages customers version".split()
)
_AFTER_RUN = re.compile(rf"(?:{_CAP}\S*\s+)*(?P<head>[a-zà-ÿ]+)")


def _modifies_noun(text: str, end: int) -> bool:
    """Does a lowercase head noun follow the capitalised run after the keyword?"""
    m = _AFTER_RUN.match(text, end + 1, end + 120)
    if not m:
        return False
    head = m.group("head")
    # also a head noun glued to the next word by a lost space ("deals" in "dealsstarted")
    return head in HEAD_NOUNS or any(head.startswith(n) for n in HEAD_NOUNS if len(n) >= 4 and len(head) > len(n) + 3)


def _title_case_line(text: str, start: int) -> bool:
    ls = text.rfind("\n", max(0, start - 300), start) + 1 or max(0, start - 300)
    le = text.find("\n", start, start + 300)
    line = text[ls : le if le >= 0 else start + 300]
    ws = [w for w in re.findall(r"[^\W\d_]+", line) if len(w) > 3]
    return len(ws) >= 3 and sum(w[0].isupper() for w in ws) / len(ws) > 0.6


#: A lower-case keyword phrase stuffed after a sentence end ("... on Tuesday. cheap flights"), up to the
#: line end or the next sentence: edited prose never starts a sentence lower-case.
_AFTER_SENTENCE_RE = re.compile(
    rf"(?<=[^\W\d_]{{2}}[.!?] )(?P<kw>[a-z][a-z-]*(?: [a-z][a-z-]*){{0,5}})(?=[ \t]*(?:\n|$)|[.!?]?[ \t]+{_CAP})"
)
#: Where :data:`_AFTER_SENTENCE_RE` can match: right after a sentence mark and a space, before a lower-case ASCII
#: letter (the end of this pattern's match). Two such places never overlap (a mark is no space).
_AFTER_SENTENCE_AT = re.compile(r"[.!?] (?=[a-z])")


def _after_sentence(text: str, windows: list[tuple[int, int]]) -> list[re.Match]:
    """``_AFTER_SENTENCE_RE.finditer(text, ls, le)`` over the windows, the pattern tried only after each ". ",
    "! " or "? " before a lower-case letter (it opens with a lookbehind, tried at every position otherwise): in
    order, each after the last match's end, as ``finditer`` reports them."""
    out = []
    for ls, le in windows:
        last = ls
        for gap in _AFTER_SENTENCE_AT.finditer(text, max(0, ls - 2), le):
            p = gap.end()
            if p >= last and (m := _AFTER_SENTENCE_RE.match(text, p, le)) is not None:
                out.append(m)
                last = m.end()
    return out


_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
#: :data:`_WORD_RE` on ASCII text (same matches: there ``[^\W\d_]`` is ``[A-Za-z]`` and ``’`` cannot occur).
_ASCII_WORD_RE = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)*")
_REPEAT_SEP = re.compile(r"[ \t,;|]+")


def repeated_runs(text: str, max_unit: int = 4, min_repeats: int = 3) -> list[tuple[int, int, str]]:
    """``(start, end, unit)`` for a unit of 1..``max_unit`` words repeated ``min_repeats`` times or more
    in a row, separated only by spaces, commas, semicolons or pipes ("cheap flights cheap flights cheap
    flights"). Compares word ids with numpy, so a document costs a few array operations."""
    word_re = _ASCII_WORD_RE if text.isascii() else _WORD_RE
    low = lower_all(word_re.findall(text))
    n = len(low)
    if n < min_repeats:
        return []
    arr = np.fromiter(map(hash, low), dtype=np.int64, count=n)  # equal words, equal hashes (64-bit)
    toks: list = []  # token spans, computed only when a candidate run is found
    out: list[tuple[int, int, str]] = []
    covered = -1
    for p in range(1, max_unit + 1):
        need = p * (min_repeats - 1)  # consecutive positions i with word[i] == word[i + p]
        if n - p < need:
            break
        eq = np.concatenate(([False], arr[:-p] == arr[p:], [False]))
        edges = np.flatnonzero(np.diff(eq.astype(np.int8)))
        for a, b in zip(edges[::2], edges[1::2], strict=True):
            if b - a < need:
                continue
            first, last = int(a), int(b) + p - 1  # token indices of the whole run
            if not toks:
                toks = [m.span() for m in word_re.finditer(text)]
                if len(toks) != n:
                    return out
            if toks[first][0] <= covered:
                continue
            gaps = [text[toks[k][1] : toks[k + 1][0]] for k in range(first, last)]
            if all(_REPEAT_SEP.fullmatch(g) for g in gaps):
                unit = text[toks[first][0] : toks[first + p - 1][1]]
                out.append((toks[first][0], toks[last][1], unit))
                covered = toks[last][1]
    return out


_KW_SET = STUFFING_KEYWORDS


def _lines_holding(text: str, keys: list[str]) -> list[tuple[int, int]]:
    """``(start, end)`` of each line of ``text`` that holds one of ``keys`` (non-empty strings) as written,
    in text order; ``end`` includes the line's newline (a line-end lookahead sees it). A match of
    :data:`_AFTER_SENTENCE_RE` never crosses a line end, and a line scanned from its start yields the
    matches a scan of the whole text finds there (the previous match ends before the line break)."""
    n = len(text)
    found = set()
    for k in keys:
        find = text.find
        i = find(k)
        while i >= 0:
            ls = text.rfind("\n", 0, i) + 1
            le = text.find("\n", i)
            le = n if le < 0 else le + 1
            found.add((ls, le))
            i = find(k, le)
    return sorted(found)


def _three_on_a_line(text: str, keys: list[str]) -> bool:
    """Can a keyword phrase of :func:`repeated_runs` recur three times in a row? A unit with a keyword ``k``
    (lower-case letters) holds a token ``t`` with ``t.lower() == k`` in each repetition, and the run holds no
    line break, so ``k`` occurs three times on one line of ``text.lower()`` (the characters that lower-case
    to ASCII letters do so one for one, whatever surrounds them); and the text holds such three tokens with
    at most three words between each two and only separators around those words (:func:`_three_in_a_row`)."""
    low = text.lower()
    find = low.find
    for k in keys:
        if not k.isascii() or not k.isalpha():
            return True  # no proof for other keys: search
        occ = []
        i = find(k)
        while i >= 0:
            occ.append(i)
            i = find(k, i + 1)
        for a, c in zip(occ, occ[2:], strict=False):
            if low.find("\n", a, c) < 0:
                if _three_in_a_row(k).search(text):
                    return True
                break  # the search covered the whole text
    return False


@lru_cache(maxsize=256)
def _three_in_a_row(k: str) -> re.Pattern:
    """A token ``t`` with ``t.lower() == k`` three times, each two with up to three words of
    :data:`_WORD_RE` between them and only :data:`_REPEAT_SEP` separators around those words (case ignored).

    A run of :func:`repeated_runs` of a unit of ``p`` (1..4) words that holds ``k`` as one of its words
    (:func:`_has_keyword`: a whitespace-separated piece of the unit; the words of a unit are separated by
    separators, so such a piece is a whole word) holds that word at ``j``, ``j + p`` and ``j + 2p``, equal
    once lower-cased, with ``p - 1`` words between each two and every gap between them a separator. ``k``
    is ASCII letters: ``t`` has as many characters, each lower-casing to one of ``k``, which the case-blind
    pattern matches (the Kelvin sign included). A text without a match has no such run."""
    sep = r"[ \t,;|]+"
    between = rf"(?-i:(?:{sep}{_WORD_RE.pattern}){{0,3}}{sep})"  # the words between as written
    return re.compile(f"{k}{between}{k}{between}{k}", re.IGNORECASE)


def _has_keyword(phrase: str, extra: Iterable[str] = ()) -> bool:
    ws = phrase.lower().split()
    return any(w in _KW_SET or w in extra for w in ws)


def find_stuffing(text: str, extra: Iterable[str] = (), word_counts=None) -> list[tuple[int, int, str, str]]:
    """``(start, end, phrase, cue)`` for keyword stuffing: a lower-case keyword phrase after a sentence
    end (``"after-sentence"``), or a keyword phrase repeated three times or more in a row (``"repeated"``).

    ``word_counts`` (the document's lower-cased words) skips the search when no keyword occurs at all
    (or none three times, for repeats), which is most documents.
    """
    out: list[tuple[int, int, str, str]] = []
    extra = frozenset(extra)
    keys = _KW_SET | extra
    if word_counts is not None:
        counts = [word_counts.get(k, 0) for k in keys]
        if not any(counts):
            return out
        repeats_possible = max(counts) >= 3
        if repeats_possible and not extra:
            repeats_possible = _three_on_a_line(text, [k for k, c in zip(keys, counts, strict=True) if c >= 3])
        # a reported phrase holds a keyword as it is written (lower case): only lines holding one can match
        windows = _lines_holding(text, [k for k, c in zip(keys, counts, strict=True) if c and k])
    else:
        repeats_possible = True
        windows = [(0, len(text))]
    for m in _after_sentence(text, windows):
        phrase = m.group("kw")
        prev = re.search(r"(\S+)\s$", text[max(0, m.start() - 40) : m.start()])
        if prev and prev.group(1).lower().rstrip(".!?") in ABBREVIATIONS:
            continue  # "etc. online" / "approx. cheap": not a sentence end
        if _has_keyword(phrase, extra):
            out.append((m.start("kw"), m.end("kw"), phrase, "after-sentence"))
    for s, e, unit in repeated_runs(text) if repeats_possible else ():
        if _has_keyword(unit, extra):
            out.append((s, e, unit, "repeated"))
    return out


#: Keywords that are also imperative verbs, and the subordinate clause that an instruction follows.
_VERBS = frozenset({"order", "buy", "shop", "click", "download", "store"})
_CLAUSE_START = re.compile(r"(?:^|[.!?:]\s+)(?:If|When|To|Once|After|Before|Then|Please|Simply|Just)\b[^.!?\n]*,\s*$")


_CUE_WORDS_ALL = set(KEYWORDS) | set(FOREIGN_OK)
#: The cue keywords as whole words; the lookahead on their first letters lets the search skip ahead
#: (a pattern that opens with ``\b`` is tried at every position).
_CUE_RE = re.compile(rf"(?=[{''.join(sorted({w[0] for w in _CUE_WORDS_ALL}))}])\b(?:{_kw(_CUE_WORDS_ALL)})\b")


def _keyword_windows(text: str, reach: int = 200, counts=None, spans=None) -> list[tuple[int, int, bool]]:
    """Merged ``(start, end, after_comma)`` windows of ``reach`` characters around each cue keyword (each
    match of :data:`_CUE_RE`); ``after_comma``: some keyword in the window follows a comma and one
    whitespace character. ``counts``: the text's lower-cased words (the text layer's), which tell which
    keywords can occur at all (:func:`_cue_spans`); ``spans``: the caller's :func:`_cue_spans`."""
    out: list[list] = []
    for ms, me in _cue_spans(text, counts) if spans is None else spans:
        s, e = max(0, ms - reach), me + reach
        comma = ms >= 2 and text[ms - 2] == "," and text[ms - 1].isspace()
        if out and s <= out[-1][1]:
            out[-1][1] = e
            out[-1][2] = out[-1][2] or comma
        else:
            out.append([s, e, comma])
    return [(s, min(e, len(text)), comma) for s, e, comma in out]


def _is_word_char(c: str) -> bool:
    """``\\w`` of a str pattern: what ``\\b`` tells apart."""
    return c.isalnum() or c == "_"


#: The cue keywords (lower-case ASCII letters), each once.
_CUE_LIST = tuple(sorted(_CUE_WORDS_ALL))
#: The longest cue keyword.
_CUE_LONGEST = max(map(len, _CUE_WORDS_ALL))
_MARK = re.compile(f"[{MARKS}]")


def _cue_spans(text: str, counts=None, plain: bool = False) -> list[tuple[int, int]]:
    """The spans of ``_CUE_RE.finditer(text)``.

    A match is a whole run of word characters (``\\w``) equal to a keyword. Such a run is a word of the
    text layer, unless an apostrophe or a combining mark right before or after it joins it to more (the
    layer's words take those: "site's"): with ``counts`` (the layer's lower-cased words) and no combining
    mark in the text, only the keywords that are words of the text or stand next to an apostrophe can
    match, and ``str.find`` finds their occurrences (kept when no word character touches them) without
    running the alternation at every position. ``plain``: the text layer's :attr:`audit.text.TextLayer.plain`
    (True: the text holds no combining mark, no search for one)."""
    if counts is None or (not plain and not text.isascii() and _MARK.search(text)):
        return [m.span() for m in _CUE_RE.finditer(text)]
    near = []  # the characters around each apostrophe: a keyword right before or after one is in there
    for mark in "'’":
        i = text.find(mark)
        while i >= 0:
            near.append(text[max(0, i - _CUE_LONGEST) : i + _CUE_LONGEST + 1])
            i = text.find(mark, i + 1)
    joined = "\n".join(near)
    n = len(text)
    find = text.find
    hits = []
    for w in _CUE_LIST:
        if not counts.get(w) and w not in joined:
            continue
        k = len(w)
        i = find(w)
        while i >= 0:
            e = i + k
            if (i == 0 or not _is_word_char(text[i - 1])) and (e == n or not _is_word_char(text[e])):
                hits.append((i, e))
            i = find(w, i + 1)
    hits.sort()
    return hits


_NATIVE_LANGS = (*WORDFREQ_LANGS, "de")


def _z(word: str, lang: str) -> float:
    """Zipf frequency of a lower-case word in ``lang`` (German included: the lists are used here only to
    tell a language's own words from English ones)."""
    if lang in WORDFREQ_LANGS:
        return zipf(word, lang)
    d = _freq_dict(lang) if lang in _NATIVE_LANGS and has_word_lists() else None
    f = d.get(word) if d else None
    return math.log10(f) + 9 if f else 0.0


def _native_word(word: str, lang: str) -> bool:
    """A word of ``lang`` that English does not share: listed in ``lang`` well above its English frequency."""
    low = word.lower()
    if low in stopwords().get(lang, frozenset()) and low not in stopwords()["en"]:
        return True
    if not has_word_lists():
        return False
    z, z_en = _z(low, lang), zipf(low, "en")
    return (z >= 1.5 and z_en == 0.0) or (z >= 2.5 and z >= z_en + 1.0)


#: Keywords that German writes in lower case (an adjective/adverb); German capitalises every noun, so
#: any other keyword in lower case is not a German word (German writes "Shop", "Casino", "Store").
_DE_LOWER = frozenset({"online"})


def _english_word(word: str, lang: str) -> bool:
    """An English word that ``lang`` does not use: the word lists of web text in ``lang`` carry English
    words too, but ten times and more below their English frequency (Zipf 1.0); in German, a keyword
    that is a noun, verb or English adjective spelled in lower case."""
    if lang not in _NATIVE_LANGS or not has_word_lists():
        return False
    if lang == "de" and word.islower() and word not in _DE_LOWER:
        return True
    return zipf(word, "en") >= _z(word, lang) + 1.0


#: Adjectives that Romance languages put before the noun (a closed, common set): between an article and
#: a keyword they leave it the head of the noun phrase ("una nueva store"); any other word there is the
#: head noun itself, and the keyword after it is not part of the phrase ("los agricultores buy más").
_PRENOMINAL = (
    r"nuevo|nueva|nuevos|nuevas|gran|grandes|primer|primera|buen|buena|mejor|mejores|otro|otra|otros|otras|"
    r"mismo|misma|pequeño|pequeña|antiguo|antigua|propio|propia|único|única|último|última|viejo|vieja|"
    r"nouveau|nouvel|nouvelle|nouveaux|nouvelles|grand|grande|grands|petit|petite|petits|petites|premier|"
    r"première|bon|bonne|meilleur|meilleure|autre|autres|même|ancien|ancienne|seul|seule|dernier|dernière|"
    r"vieux|vieil|vieille|beau|bel|belle|jeune|"
    r"nuovo|nuova|nuovi|nuove|grandi|piccolo|piccola|primo|prima|buono|miglior|migliore|altro|altra|altri|"
    r"altre|stesso|stessa|vecchio|vecchia|ultimo|ultima|bello|bella|unico|unica|"
    r"novo|nova|novos|novas|primeiro|primeira|bom|boa|melhor|outro|outra|outros|outras|mesmo|mesma|antigo|"
    r"antiga|pequeno|pequena|velho|velha|próprio|própria"
)
#: An article, possessive or article-preposition of a Romance language right before a keyword, or with one
#: prenominal adjective between them: the keyword heads a noun phrase of that language, as borrowed nouns
#: do ("una nueva store", "nello shop").
_LOAN_NP = re.compile(
    r"(?<![\w’'])(?:el|la|los|las|un|una|unos|unas|su|sus|del|al|le|les|une|des|du|au|aux|son|sa|ses|leur|"
    r"il|lo|gli|nel|nello|nella|del|dello|della|dei|degli|al|allo|alla|sul|sullo|sulla|"
    r"o|os|um|uma|seu|sua|no|na|nos|nas|do|da|dos|das|ao)"
    rf"(?:\s+(?:{_PRENOMINAL}))?\s+$",
    re.IGNORECASE,
)


#: Closed word classes of the other languages, for :func:`foreign_frame`: articles and determiners that open
#: a noun phrase (contractions of a preposition and an article included), the plural ones among them, and
#: prepositions. Portuguese and Italian "a" and Italian "o" (also a preposition and "or") are left out.
_ARTICLES = {
    "es": frozenset("el la lo los las un una unos unas del al su sus este esta estos estas".split()),
    "fr": frozenset("le la les un une des du au aux ce cet cette ces son sa ses leur leurs".split()),
    "it": frozenset(
        "il lo la i gli le un uno una del dello della dei degli delle al allo alla ai agli alle nel nello "
        "nella nei negli nelle sul sullo sulla sui sugli sulle dal dallo dalla dai dagli dalle".split()
    ),
    "pt": frozenset(
        "o os as um uma uns umas do da dos das no na nos nas ao aos pelo pela pelos pelas num numa este esta estes "
        "estas esse essa esses essas neste nesta nestes nestas nesse nessa desse dessa deste desta".split()
    ),
    "de": frozenset(
        "der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner "
        "sein seine seinen seinem seiner ihr ihre ihren ihrem ihrer".split()
    ),
}
_PLURAL_ARTICLES = {
    "es": frozenset(
        "los las unos unas sus estos estas otros otras muchos muchas varios varias algunos algunas todos todas "
        "ambos ambas dos tres cuatro cinco".split()
    ),
    "fr": frozenset("les des aux ces ses leurs plusieurs quelques deux trois quatre cinq".split()),
    "it": frozenset(
        "i gli le dei degli delle ai agli alle nei negli nelle sui sugli sulle dai dagli dalle altri altre molti "
        "molte alcuni alcune vari varie due tre quattro cinque".split()
    ),
    "pt": frozenset(
        "os as uns umas dos das nos nas aos pelos pelas outros outras muitos muitas vários várias alguns algumas "
        "dois duas três quatro cinco".split()
    ),
}
#: Forms of the perfect auxiliary "have": between one of them and a participle only an adverb fits. Not
#: "be" (French "le village est site classé" is a bare predicate noun) nor Portuguese "ter" (also "own").
_AUXILIARIES = {
    "es": frozenset("ha han había habían he hemos habrá".split()),
    "fr": frozenset("a ont avait avaient".split()),
    "it": frozenset("ha hanno aveva avevano".split()),
    "pt": frozenset(),
}
_PARTICIPLE = {
    "es": re.compile(r"\w{2,}(?:ado|ada|ados|adas|ido|ida|idos|idas)"),
    "fr": re.compile(r"\w{2,}(?:é|ée|és|ées)"),
    "it": re.compile(r"\w{2,}(?:ato|ata|ati|ate|ito|ita|iti|ite|uto|uta|uti|ute)"),
    "pt": re.compile(r"\w{2,}(?:ado|ada|ados|adas|ido|ida|idos|idas)"),
}
#: Clitic pronouns that only a verb (or another clitic) follows: French "se" and "ne", Spanish and
#: Portuguese "se" (Italian "se" is also "if").
_CLITICS = {"es": frozenset({"se"}), "fr": frozenset({"se", "ne"}), "pt": frozenset({"se"})}
_PREPOSITIONS = {
    "es": frozenset("a ante bajo con contra de desde en entre hacia hasta para por según sin sobre tras".split()),
    "fr": frozenset("à de en dans par pour sur sous avec sans vers chez entre contre".split()),
    "it": frozenset("a di da in con su per tra fra".split()),
    "pt": frozenset("a de em com por para sem sobre entre até".split()),
    "de": frozenset(
        "an auf aus bei für gegen in mit nach ohne seit über um unter von vor zu zwischen statt wegen während "
        "trotz durch bis ab".split()
    ),
}
#: Prepositions that take a bare noun, which a time phrase with its article may follow ("convertido en
#: casino el año pasado"); after the others a bare noun is not followed by an article.
_BARE_PREPOSITIONS = {
    "es": frozenset("de en a con sin por".split()),
    "fr": frozenset("de en à par sans avec sur".split()),
    "it": frozenset("di in a da per con".split()),
    "pt": frozenset("de em a com por sem".split()),
}


def _pairs(spec: str) -> frozenset[tuple[str, str]]:
    """``"a b|c d"`` -> ``{("a", "b"), ("c", "d")}``."""
    return frozenset((p.split()[0], p.split()[1]) for p in spec.split("|"))


#: Fixed two-word prepositions of the Romance languages, which nothing splits ("a través de").
_BOUND = {
    "es": _pairs(
        "través de|acerca de|además de|después de|antes de|debido a|gracias a|frente a|junto a|dentro de|"
        "fuera de|cerca de|lejos de|alrededor de|pesar de|más de|menos de"
    ),
    "pt": _pairs(
        "através de|além de|depois de|antes de|dentro de|perto de|graças a|devido a|fora de|longe de|mais de|menos de"
    ),
    "fr": _pairs(
        "grâce à|près de|loin de|lors de|auprès de|afin de|face à|quant à|autour de|au-delà de|plus de|moins de|"
        "beaucoup de|peu de|trop de"
    ),
    "it": _pairs(
        "grazie a|prima di|invece di|accanto a|insieme a|rispetto a|vicino a|oltre a|riguardo a|più di|meno di"
    ),
}
#: Relative and complement "que"/"che"/"qui": a noun subject after it has its determiner.
_RELATIVE_QUE = {
    "es": frozenset({"que"}),
    "pt": frozenset({"que"}),
    "fr": frozenset({"que", "qui"}),
    "it": frozenset({"che"}),
}
#: Keywords that these languages borrow as masculine nouns ("le site", "o site", "il casinò", "el casino"),
#: and their feminine articles and determiners (Portuguese and Italian "a" are also prepositions).
_MASCULINE_LOANS = {"es": ("casino",), "fr": ("casino", "site"), "it": ("casino",), "pt": ("casino", "site")}
_FEMININE = {
    "es": frozenset("la las una unas esta estas esa esas".split()),
    "fr": frozenset("la une cette".split()),
    "it": frozenset("la le una questa quella della nella alla dalla sulla".split()),
    "pt": frozenset("uma umas esta essa nesta nessa desta dessa da na pela das nas pelas".split()),
}
#: Conjunctions and "que": "online" after one of them stands before no noun ("que online episodios").
_CONJ_QUE = {
    "es": frozenset("que y e o".split()),
    "fr": frozenset("que qu et ou".split()),
    "pt": frozenset("que e ou".split()),
}
#: Singular count nouns among the keywords that the Romance languages borrow.
_LOAN_NOUNS = frozenset({"casino", "site", "shop", "store"})
#: "According to" in the Romance languages: a noun after it has its determiner (or is a name).
_ACCORDING = frozenset("según segundo selon secondo".split())
#: Number words that stand before a plural noun ("500 mil familias", "deux mille emplois").
_NUMERALS = frozenset("mil mille cien cent cento cem millones millions milioni milhões".split())
_NUMBER = re.compile(r"\d[\d.,]*")
_YEAR = re.compile(r"1[5-9]\d\d|20\d\d")
#: Keywords that are also verbs or adjectives of the Romance languages (Spanish "sale" from "salir", French
#: "sale" "dirty", Spanish and Italian "replica" "replies"): the noun frames below do not apply to them.
_ROMANCE_VERBS = frozenset({"sale", "replica"})
#: Endings of abstract nouns in the Romance languages ("emancipación", "désertification", "decisão",
#: "riduzione", "seguridad", "gouvernement"): a word with one of them is a noun, never an adjective.
_ROMANCE_NOUN = re.compile(
    r"\w{3,}(?:ción|sión|dad|tad|miento|ncia|tion|sion|ment|ité|ance|ence|zione|sione|mento|tà|nza|ção|são|dade|"
    r"ência|ância)",
    re.IGNORECASE,
)


def foreign_frame(prev: str, kw: str, nxt: str, lang: str, syntax_only: bool = False) -> bool:
    """Does the keyword ``kw`` break the syntax of a ``lang`` passage between the tokens ``prev`` and ``nxt``
    (the ones right before and after it), whether or not ``lang`` borrows the word? A singular noun cannot
    follow a plural article ("Les site syndicats", "delle casino zone") or a number above one ("200 site
    millones"); a bare noun after a verb or noun, or "online" after a preposition, cannot be followed by an
    article ("aprobó casino el martes", "con online la investigación"); "online" does not stand between an
    article and its noun in these languages ("les online lignes"); German writes every noun capitalised and
    has no lower-case English adjectives or verbs ("die Rate cheap noch"), a lexical test that
    ``syntax_only`` (a quotation that may be English) leaves out. A following word that is English rather
    than ``lang`` ("de online banking") is a borrowed English phrase, not a break."""
    low, nlow = prev.lower(), nxt.lower()
    arts = _ARTICLES.get(lang)
    if arts is None or not nxt[:1].isalpha() or (kw in _ROMANCE_VERBS and lang != "de"):
        return False
    if lang == "de":
        lexical = not syntax_only and kw.islower() and kw not in _DE_LOWER
        # nothing stands between a noun and its genitive attribute ("nach Angaben online des Ministeriums")
        genitive = nlow == "des" and prev[:1].isupper() and prev[1:].islower()
        return lexical or (low in _PREPOSITIONS["de"] and nlow in arts) or (kw == "online" and genitive)
    if low in _CLITICS.get(lang, ()):
        return True  # "se casino centra", "ne order doit": a verb must follow
    if kw != "online" and low in _AUXILIARIES[lang] and _PARTICIPLE[lang].fullmatch(nlow):
        return True  # "a casino baissé": only an adverb stands between "have" and its participle
    # a number above one, not a year ("desde 2019 online")
    count = (bool(_NUMBER.fullmatch(prev)) and prev not in ("1", "0") and not _YEAR.fullmatch(prev)) or prev == "%"
    if (low, nlow) in _BOUND.get(lang, ()):
        return True  # "a través online de": nothing splits a fixed two-word preposition
    if low in _RELATIVE_QUE.get(lang, ()) and kw in _LOAN_NOUNS and nlow in stopwords().get(lang, frozenset()):
        if nlow not in arts and nlow not in _PREPOSITIONS[lang] and nxt.islower():
            return True  # "que casino nunca llegaron": a bare singular noun is no subject in these languages
    if low in _ACCORDING:
        return True  # "según casino la", "selon site la": "according to" takes a determiner, a name or a pronoun
    if kw in _MASCULINE_LOANS.get(lang, ()) and low in _FEMININE.get(lang, ()) and prev.islower():
        return True  # "nesta casino quarta-feira", "pela casino internet": a feminine article, a masculine noun
    if kw == "online":
        # "online" follows its noun or verb in these languages ("compra online", "votar online"): not an
        # article, a preposition or a number right before a noun ("une online liste", "de online reparto"),
        # nor a preposition before an article ("con online la"); after a pronoun it is an adverb ("estamos
        # todos online")
        if low in _CONJ_QUE.get(lang, ()) and _plural_word(nxt, lang):
            return True  # "advierten de que online episodios": "online" follows its noun in these languages
        if not (low in arts or low in _PREPOSITIONS[lang] or count or low in _NUMERALS) or not nxt.islower():
            return False
        if nlow in arts:
            return low in _PREPOSITIONS[lang] or low in arts or (count and prev.isdigit() and len(prev) < 3)
        return nlow not in stopwords().get(lang, frozenset()) and not _english_word(nlow, lang)
    if not kw.endswith("s") and (low in _PLURAL_ARTICLES[lang] or count):
        return True
    article = low in arts or (lang == "pt" and low == "a")
    if lang in ("es", "pt", "fr") and not kw.endswith("s") and _plural_word(nxt, lang):
        return True  # "solo de casino precios": a singular noun before a plural word (no agreement)
    if article and nxt.islower() and _ROMANCE_NOUN.fullmatch(nxt) and not _english_word(nlow, lang):
        return True  # "la shop emancipación": these languages do not stack a bare noun before a noun
    if nlow in arts and nxt.islower():
        # a bare noun after a preposition may be followed by a time phrase ("convertido en casino el año
        # pasado"): only after another word (a verb, a noun, a conjunction) is the article a break
        if prev in (",", ";") or (low in _PREPOSITIONS[lang] and low not in _BARE_PREPOSITIONS[lang]):
            return True  # ", casino la emancipación", "para casino la Transición": a bare noun heads nothing there
        return not article and low not in _PREPOSITIONS[lang] and prev.islower() and not count
    return False


def _native_quote(quoted: list[str], nxt: re.Match | None, lang: str) -> bool:
    """Is a quotation that opens right before a keyword (or a short passage that the keyword tipped to
    English) in the passage language, not an English title or slogan? Its words before the keyword, or the
    word after the keyword when none stands before it, are words of ``lang`` that English lacks ("„Wir site
    sichern", "« buy très perturbé »")."""
    words = quoted or ([nxt.group(1)] if nxt else [])
    return any(_native_word(w, lang) for w in words)


def _plural_word(word: str, lang: str) -> bool:
    """A lower-case plural content word of ``lang`` (Spanish, Portuguese, French: written with a final "s"),
    not a function word or an English word ("precios", "asalariados", not "más", "tous", "news")."""
    low = word.lower()
    if not word.islower() or len(word) < 5 or not low.endswith("s") or low.endswith(("ss", "is", "us")):
        return False
    return low not in stopwords().get(lang, frozenset()) and _native_word(low, lang) and not _english_word(low, lang)


def _passage_word(word: str, lang: str) -> bool:
    """A word that belongs to the ``lang`` passage around a keyword: a stop word of ``lang`` that English
    lacks, or a word that is not an English one (listed in ``lang``, or in no English list: an inflected
    or rare form) and not ten times more frequent in English than in ``lang``."""
    low = word.lower()
    sw = stopwords()
    if low in sw.get(lang, frozenset()):
        return True  # shared ones ("a", "in", "as") too: the window test below looks for English stop words
    if not has_word_lists():
        return False
    z, z_en = _z(low, lang), zipf(low, "en")
    return (z >= 1.5 or z_en == 0.0) and z_en < z + 1.0


#: English closed word classes (function words), for the grammar-frame cue: a keyword where its own
#: word class cannot stand, judged from the function words on both sides.
_EN_ARTICLES = frozenset("the a an this these those his her its their our my your".split())
_EN_DET = _EN_ARTICLES | frozenset(
    "every each no some any all both another either neither several many few more most".split()
)
_EN_PREP = frozenset(
    "of in on at for with from by into onto about over under after before between during through against without "
    "within among across since until than per via upon toward towards behind beyond despite amid throughout".split()
)
_EN_BE = wordclass.BE
_EN_HAVE = frozenset("has have had".split())
_EN_MODAL = frozenset("will would shall should can could might must".split())
_EN_SUBJ = wordclass.SUBJECTS
_EN_OBJ = wordclass.OBJECTS
#: Words that cannot follow a singular head noun inside its noun phrase: a bare count noun before one of
#: them is the head of its phrase and lacks its determiner ("lived in casino the", "been store all year").
_EN_NOT_NOUN_NEXT = (
    _EN_DET | _EN_SUBJ | _EN_OBJ | _EN_BE | _EN_HAVE | _EN_MODAL | frozenset("not never already also still".split())
)
#: Keywords that are singular count nouns (or "buy", a verb or a noun): after a preposition, a form of
#: "be" or "have", one needs a determiner unless it modifies the next noun ("for casino workers").
_EN_COUNT = frozenset(_COUNT_KEYWORDS) | {"buy"}
#: Prepositions that take these nouns bare in set phrases ("in order", "on site", "for sale", "in store").
_EN_BARE_OK = wordclass.SET_PHRASES
#: Keywords that are never verbs: they cannot follow a modal or a subject pronoun ("would casino").
_EN_NON_VERBS = frozenset("casino cheap online pharmacy coupon promo outlet replica viagra cialis porn seo".split())
#: Adjectives: they cannot stand before an article or pronoun ("much of cheap the afternoon") except after
#: a degree word ("so cheap the store sold out") or, for "online", as an adverb after a verb.
_EN_ADJ = frozenset({"cheap", "online"})
_EN_DEGREE = frozenset("so too how as very that really quite pretty fairly relatively this real dirt".split())
#: Fixed two-word function phrases that nothing can split ("according to", "instead of").
_EN_BOUND = frozenset(
    {
        ("according", "to"),
        ("instead", "of"),
        ("because", "of"),
        ("regardless", "of"),
        ("rather", "than"),
        ("due", "to"),
        ("prior", "to"),
        ("thanks", "to"),
        ("apart", "from"),
        ("ahead", "of"),
        ("such", "as"),
    }
)
_EN_PERFECT = frozenset("has have had having".split())
_EN_PLURAL_BE = frozenset({"are", "were"})
#: Plural finite verbs: a singular noun or a base-form verb does not stand between a plural subject and one.
_EN_PLURAL_VERBS = _EN_PLURAL_BE | {"have"}
#: Keywords that are singular words (nouns, or verbs in the base form): none of them is the subject of "are".
_EN_SINGULAR = _EN_COUNT | frozenset({"cheap"})
#: Keywords that are only nouns (never a verb, adjective or adverb).
_EN_NOUN_ONLY = frozenset("casino pharmacy coupon promo outlet replica essay viagra cialis".split())
_EN_CONJ_OR_TO = frozenset({"and", "or", "but", "nor", "to"})
#: Determiners that open a noun phrase of their own ("and casino other chains"); not "all", "both", "each",
#: which also float after a noun ("hotel and casino all in one").
_EN_NEW_PHRASE = frozenset("other another many several some every any no".split())


def _plural_noun(word: str) -> bool:
    """A lower-case word that reads as a plural noun ("snarls", "officials"), not "was", "its" or "business"."""
    return (
        word.islower()
        and len(word) > 4
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is", "ous", "'s"))
        and word not in _EN_CLOSED
    )


_EN_CLOSED = _EN_DET | _EN_PREP | _EN_BE | _EN_HAVE | _EN_MODAL | _EN_SUBJ | _EN_OBJ | frozenset({"what"})
_EN_POSSESSIVES = wordclass.POSSESSIVES - {"whose"}
_EN_MULTIPLIER = frozenset("million billion trillion thousand hundred percent".split())
_FRAME_RE = re.compile(
    rf"(?<![\w’'.-])(?P<prev>[A-Za-z]+|\d[\d,.]*\d|\d)[ \t]*\n?[ \t]*(?<=[ \t\n])(?P<kw>{_kw(KEYWORDS)})"
    rf"[ \t]*\n?[ \t]*(?<=[ \t\n])(?P<next>[a-z]+)(?![\w’'-])"
)


#: A keyword and the lower-case word after it, for the noun-phrase and verb-chain frames of
#: :mod:`audit.artefacts.nounphrase`.
_HEAD_RE = re.compile(
    rf"(?<![\w’'.-])(?P<kw>{_kw(KEYWORDS)})[ \t]*\n?[ \t]*(?<=[ \t\n])(?P<next>[a-z]+(?:['’](?:s|re|ve|ll|d|m))?)"
    rf"(?![\w’'-])"
)


def frame_break(prev: str, kw: str, nxt: str) -> bool:
    """Does an English keyword stand where its word class cannot, between ``prev`` and ``nxt`` (the words
    right before and after it in one clause)? ``prev`` keeps its case (a modal or pronoun is lower-case
    except "I"; "May" is a month)."""
    low = prev.lower()
    if prev[0].isdigit():
        return nxt in _EN_MULTIPLIER  # "$40 online million": nothing stands between a number and its multiplier
    if (low, nxt) in _EN_BOUND:
        return True
    if low in _EN_PERFECT and len(nxt) > 4 and nxt.endswith("ed") and kw not in _EN_ADJ:
        # nothing but an adverb splits "have" from its participle ("had store leaned"); an adjective may
        # stand before a participle that modifies a noun ("had cheap imported steel")
        return True
    if nxt in _EN_PLURAL_VERBS and kw in _EN_SINGULAR and (low in _EN_SUBJ or _plural_noun(prev)):
        return True  # "We order are", "supply-chain snarls shop are", "the unions shop have": a singular word
        # before a plural verb
    if prev != low and low not in _EN_CLOSED:
        return False  # a name: no closed class to judge by (a function word may start the sentence)
    if kw in _EN_NOUN_ONLY and low in _EN_CONJ_OR_TO and (nxt in _EN_ARTICLES or nxt in _EN_NEW_PHRASE):
        return True  # "and casino the Los Angeles Lakers": a bare singular noun before a new noun phrase
    if kw in _EN_COUNT and nxt in _EN_NOT_NOUN_NEXT and ((low, kw) not in _EN_BARE_OK or nxt in _EN_OBJ):
        # a set phrase ("in order", "on site") takes no object pronoun after it ("one of order them")
        if low in _EN_PREP or low in _EN_BE or low in _EN_HAVE:
            return True
    if kw in _EN_NON_VERBS and (low in _EN_MODAL or low in _EN_SUBJ):
        return True
    if kw == "online" and nxt == "of" and low not in _EN_CLOSED:
        return True  # "revenue online of $26 billion": the adverb does not take an "of" phrase
    if kw in _EN_ADJ and (nxt in _EN_ARTICLES or nxt in _EN_SUBJ or nxt in _EN_OBJ or nxt == "of"):
        if kw == "cheap":
            return low not in _EN_DEGREE
        # "online" is an adverb after a verb ("went online the next day"), not after a preposition, nor
        # between a verb and its object ("harm online our economy")
        return low in _EN_PREP or low in _EN_DET or (low == "to" and nxt in _EN_ARTICLES) or nxt in _EN_POSSESSIVES
    return False


def _relative_clause(text: str, m: re.Match) -> bool:
    """Does a ``_FRAME_RE`` match "PRONOUN KW are/were/have" (or "PLURAL-NOUN KW have") end a relative clause
    after its noun ("the goods we buy are shipped", "the goods customers order have arrived")? The word
    before the subject is then a noun."""
    nxt, subj = m.group("next"), m.group("prev")
    if nxt not in _EN_PLURAL_VERBS or not (subj.lower() in _EN_SUBJ or (nxt == "have" and _plural_noun(subj))):
        return False
    head = wordclass.token_before(text, m.start("prev"))
    return head.isalpha() and head.lower() not in _EN_CLOSED and bool(wordclass.classes(head) & wordclass.NOUN)


def _class_break(text: str, m: re.Match) -> bool:
    """The word-class frame of a ``_FRAME_RE`` match (see :func:`audit.artefacts.wordclass.class_frame_break`)."""
    return wordclass.class_frame_break(
        wordclass.token_before(text, m.start("prev")),
        m.group("prev"),
        m.group("kw"),
        m.group("next"),
        wordclass.token_after(text, m.end("next")),
    )


def _german_word(kw: str, s: int, lang_of) -> bool:
    """Is ``kw`` a word German borrows (:data:`FOREIGN_OK`), in a German passage? German capitalises every noun,
    so the capitalisation cues (a capital word read as a name) tell nothing about it there ("Wir bieten Beratung,
    online Kurse und Workshops"); the foreign cue judges it. An English word German lacks ("order", "cheap")
    is evidence by itself, and those cues still report it."""
    return "de" in FOREIGN_OK.get(kw, ()) and lang_of(s) == "de"


_FRAME_GAP = frozenset(" \t\n")
_FRAME_FIGURE = frozenset(",.")


def _frame_starts(text: str, spans: list[tuple[int, int]]) -> list[int]:
    """Where :data:`_FRAME_RE` can match, sorted: its ``kw`` is a cue keyword (a span of :func:`_cue_spans`, the
    whole run of word characters) after a gap of spaces, tabs and line breaks, and its ``prev`` the token right
    before the gap, a run of ASCII letters (from the run's start: a letter or other word character before it fails
    the pattern's lookbehind) or a figure (``\\d[\\d,.]*\\d``: from any of the run's digits that opens it or
    follows a comma; a dot or word character before a digit fails the lookbehind). More positions than it
    matches at; none where it does is left out."""
    out = set()
    for k, _ in spans:
        g = k
        while g > 0 and text[g - 1] in _FRAME_GAP:
            g -= 1
        if g == k or g == 0:
            continue
        p = g
        if text[g - 1].isascii() and text[g - 1].isalpha():
            while p > 0 and text[p - 1].isascii() and text[p - 1].isalpha():
                p -= 1
            out.add(p)
            continue
        while p > 0 and (text[p - 1].isdecimal() or text[p - 1] in _FRAME_FIGURE):
            p -= 1
        out.update(q for q in range(p, g) if text[q].isdecimal() and (q == p or text[q - 1] == ","))
    return sorted(out)


def _matches_at(rx: re.Pattern, text: str, windows, starts: list[int]) -> list[re.Match]:
    """``rx.finditer(text, ws, we)`` over the windows, tried only at ``starts`` (sorted): positions that
    include every one where ``rx`` can match. ``finditer`` tries every position from the window's start or
    the last match's end and reports the first match; so does this, among the only positions that can."""
    out = []
    for ws, we, _ in windows:
        last = ws
        for p in starts[bisect_left(starts, ws) : bisect_left(starts, we)]:
            if p >= last and (m := rx.match(text, p, we)) is not None:
                out.append(m)
                last = m.end()
    return out


def find_injections(text: str, lang_of, counts=None, plain: bool = False) -> list[tuple[int, int, str, str]]:
    """``(start, end, keyword, cue)`` for each injected keyword; ``lang_of(offset)`` gives the language there.
    ``counts`` (optional): the text's lower-cased words (the text layer's), see :func:`_keyword_windows`;
    ``plain``: the layer's :attr:`audit.text.TextLayer.plain` (:func:`_cue_spans`)."""
    out: dict[int, tuple[int, int, str, str]] = {}
    spans = _cue_spans(text, counts, plain)
    windows = _keyword_windows(text, counts=counts, spans=spans)

    def search(rx, after_comma=False):
        """The matches of ``rx`` in the windows (the cue patterns start with lookbehinds: they run only
        around keywords). ``after_comma``: ``rx`` matches a keyword only right after a comma and one
        whitespace character (so only in the windows that hold such a keyword). The two patterns run in
        every window are tried only where they can match: :data:`_HEAD_RE` at a keyword's start (its
        ``kw`` opens the match and is a whole run of word characters), :data:`_FRAME_RE` at the token
        before one (:func:`_frame_starts`)."""
        if rx is _HEAD_RE:
            return _matches_at(rx, text, windows, [k for k, _ in spans])
        if rx is _FRAME_RE:
            return _matches_at(rx, text, windows, _frame_starts(text, spans))
        return (m for ws, we, comma in windows if comma or not after_comma for m in rx.finditer(text, ws, we))

    for cue, rx in (("list", _LIST_RE), ("comma", _COMMA_RE)):
        for m in search(rx, after_comma=True):
            s, e = m.span("kw")
            if s in out or _title_case_line(text, s) or (cue == "comma" and _modifies_noun(text, e)):
                continue
            if _german_word(m.group("kw"), s, lang_of):
                continue  # German capitalises every noun: a capital word is no name there (the foreign cue judges)
            if cue == "comma" and m.group("kw") in _VERBS and _CLAUSE_START.search(text, max(0, s - 200), s):
                continue  # "If you would like to post it, click Submit": an instruction
            out[s] = (s, e, m.group("kw"), cue)
    for m in search(_BETWEEN_RE):
        s, e = m.span("kw")
        if s in out or m.group("next") in _NOT_NAMES or _title_case_line(text, s) or _modifies_noun(text, e):
            continue
        if m.group("kw").endswith("s") or m.group("prev").endswith(("'s", "’s")):
            continue  # "Tarkin orders Alderaan ..." (a verb), "UNESCO's online Red Book" (a possessive)
        if _german_word(m.group("kw"), s, lang_of):
            continue  # "die Karten online Anfang Mai": two German nouns, not two names
        out[s] = (s, e, m.group("kw"), "between-names")
    for m in search(_LOWER_LIST_RE, after_comma=True):
        s, e = m.span("kw")
        if s in out or not (_plural_or_determined(m.group("prev")) and _plural_or_determined(m.group("next"))):
            continue
        if m.group("conj") == "," and not _plural_or_determined(m.group("next")):
            continue
        out[s] = (s, e, m.group("kw"), "lower-list")
    for m in search(_FRAME_RE):
        s, e = m.span("kw")
        if s in out:
            continue
        if frame_break(m.group("prev"), m.group("kw"), m.group("next")):
            if lang_of(s) != "en" or _title_case_line(text, s) or _relative_clause(text, m):
                continue
        elif lang_of(s) != "en" or _title_case_line(text, s) or not _class_break(text, m):
            continue
        out[s] = (s, e, m.group("kw"), "grammar")
    for m in search(_HEAD_RE):
        s, e = m.span("kw")
        if s in out:
            continue
        kw, nxt = m.group("kw"), m.group("next")
        toks = nounphrase.tokens_before(text, s)
        nxt2 = wordclass.token_after(text, m.end("next"))
        if not (
            nounphrase.verb_chain_break(toks, kw, nxt)
            or nounphrase.attribution_break(toks, nxt)
            or nounphrase.premodifier_break(toks, kw, nxt)
            or nounphrase.postposed_adjective_break(toks, kw, nxt)
            or nounphrase.bare_noun_break(toks, kw, nxt, nxt2, text[e : e + 80])
            or nounphrase.clause_break(toks, kw, nxt, nxt2, text[m.end("next") : m.end("next") + 80])
            or nounphrase.function_word_break(toks, kw, nxt, nxt2)
        ):
            continue
        if lang_of(s) == "en" and not _title_case_line(text, s):
            out[s] = (s, e, kw, "grammar")
    for m in search(wordclass.COMMA_FRAME_RE, after_comma=True):
        s, e = m.span("kw")
        if s in out or not wordclass.comma_frame_break(m.group("kw"), m.group("next")):
            continue
        if lang_of(s) == "en" and not _title_case_line(text, s):
            out[s] = (s, e, m.group("kw"), "grammar")
    for m in search(_FOREIGN_RE):
        s, e = m.span("kw")
        if s in out:
            continue
        lang = lang_of(s)
        tipped = False
        if lang in ("en", "und"):
            # the language check may mark the keyword itself as English: the text around it decides
            left, right = lang_of(max(0, s - 3)), lang_of(min(len(text) - 1, e + 2))
            if left == right:
                lang = left
            elif (left in ("en", "und")) != (right in ("en", "und")):
                # a short "English" passage that the keyword itself tipped, beside one in another language:
                # only a syntax break of that language counts then (an English slogan may be its passage)
                lang, tipped = (right if left in ("en", "und") else left), True
        kw = m.group("kw")
        if lang in ("en", "und"):
            continue
        loan = lang in FOREIGN_OK.get(kw, ())  # a loanword: only the word-list test below may report it
        lo = max(0, s - 120, text.rfind("\n", 0, s) + 1)
        # quotes and brackets are counted from the line start: a window that starts inside a quotation
        # would read its closing mark as an opening one
        opening = _quote_opening(text, s, max(0, s - 3000, text.rfind("\n", 0, s) + 1))
        before = text[lo:s]
        after = text[e : e + 60]
        sw = stopwords()
        local = sw.get(lang, frozenset())
        prev = _PREV_WORD.search(before)
        nxt = re.match(r"\s+([^\W\d_]+)", after)
        # after an article a noun keyword is a borrowed noun ("voy al store con mi mamá"), unless a word of the
        # language that is not a function word follows ("la order edad": these languages do not stack bare nouns)
        borrowed = (
            kw in _COUNT_KEYWORDS
            and _LOAN_NP.search(before) is not None
            and (nxt is None or nxt.group(1).lower() in local or not _native_word(nxt.group(1), lang))
        )
        prev_ok = (
            not loan
            and not borrowed
            and (
                before.rstrip().endswith((",", ";"))
                or (prev is not None and prev.group(1).lower() in local and prev.group(1).lower() not in sw["en"])
            )
        )
        prev_tok = re.search(r"(?:^|\s|(?<=\w))([^\W_](?:[\w.,]*\w)?|%|,|;)[ \t]+$", before)
        quoted = _WINDOW_WORD.findall(text, opening, s) if opening >= 0 else []
        native = _native_quote(quoted, nxt, lang)
        guarded = not native and (tipped or (opening >= 0 and len(quoted) < 3))
        frame = bool(nxt and foreign_frame(prev_tok.group(1) if prev_tok else "", kw, nxt.group(1), lang, guarded))
        if not frame and guarded:
            # a quotation that opens at most two words before the keyword may be an English title or slogan
            # ("«buy now, pay later»"), and the keyword may have tipped its own passage to English: only a
            # syntax break of the language counts there
            continue
        prev_ok = prev_ok or frame
        if nxt and not prev_ok and prev is not None:
            # between two words of the passage language, neither of them English ("Das teilte site das
            # Statistische Bundesamt mit"): a keyword the language does not use
            prev_ok = (
                _english_word(kw, lang)
                and _passage_word(prev.group(1), lang)
                and _passage_word(nxt.group(1), lang)
                # German capitalises a borrowed noun; after an article the keyword may be one, unless a word of
                # the language that is no function word follows ("le bon buy sens": no bare nouns stacked)
                and (
                    lang == "de"
                    or not _LOAN_NP.search(before)
                    or (nxt.group(1).lower() not in local and _native_word(nxt.group(1), lang))
                )
            )
        if not (prev_ok and nxt):
            continue
        # whole words only (not the start or end of a word cut by the window, nor an elided "all'")
        nl = text.find("\n", e, e + 40)  # nor a word of the next paragraph
        wend = nl if nl >= 0 else min(len(text), e + 40)
        window = [
            w.group(0)
            for w in _WINDOW_WORD.finditer(text, max(lo, s - 40), min(len(text), wend + 40))
            if w.start() != s and w.start() < wend
        ]
        if any(w.lower() in sw["en"] and w.lower() not in local for w in window):
            continue  # an English phrase, not a lone injected word
        spelling = lang == "de" and loan and not _german_break(prev_tok.group(1) if prev_tok else "", kw, nxt)
        out[s] = (s, e, kw, "loanword" if spelling else "foreign")
    return [out[k] for k in sorted(out)]


#: German words that open a noun phrase (articles, determiners, possessives, a preposition fused with its
#: article) or take a bare noun (prepositions, "als", "wie"), for :func:`_german_loan_noun`.
_DE_OPENERS = (
    _ARTICLES["de"]
    | _PREPOSITIONS["de"]
    | frozenset(
        "im am zum zur beim vom ins ans aufs fürs übers als wie per dieser diese dieses diesen diesem jeder jede jedes "
        "jeden jedem mein meine meinen meinem meiner dein deine deinen deinem deiner unser unsere unseren unserem "
        "unserer euer eure euren eurem eurer".split()
    )
)
#: The openers without an article in them: German takes a bare noun after "als", "wie", "per" ("als
#: download"), after a preposition only with a genitive ("nach download der Datei"; not "an shop presse@").
_DE_BARE_OPENERS = _PREPOSITIONS["de"] | frozenset({"als", "wie", "per"})
_DE_GENITIVE = frozenset("der des eines einer".split())
#: The last three words before a keyword, with nothing but spaces between them and it.
_DE_TAIL = re.compile(r"(?:^|(?<=[^\w’'-]))(?:[^\W\d_][\w-]*\s+){1,3}$")
_DE_ADJECTIVE = re.compile(r"[a-zäöüß]{2,}(?:e|en|er|es|em)")
#: Prepositions that also open a clause, an infinitive with "zu" ("um online die Karten zu kaufen") or, as
#: conjunctions, a finite one ("bis online die Ergebnisse vorliegen"): an adverb and an article may follow.
_DE_CLAUSE_OPENERS = frozenset("um ohne statt anstatt bis seit während".split())


def _german_break(prev: str, kw: str, nxt: re.Match | None) -> bool:
    """Does a word that German borrows (in lower case) break German syntax between the token ``prev`` and the
    word ``nxt`` (group 1)? Right after an article, a determiner or a preposition (where :func:`_german_loan_noun`
    found no noun phrase it heads: "den shop Entwurf", "einem download überfälligen Signal", "an shop presse@"),
    between a lower-case word and an article ("sagte shop der Präsident": a bare noun heads nothing there), or
    a break of :func:`foreign_frame` itself. Elsewhere, after a name, an acronym or a capitalised noun ("heise
    shop Sonderhefte", "PDF download Lageplan"), only the lower-case spelling tells it from German, and brand
    names and link labels keep that spelling: weak evidence (issue 12)."""
    if nxt is None:
        return False
    low, nlow = prev.lower(), nxt.group(1).lower()
    if prev.islower() and (low in _DE_OPENERS or nlow in _ARTICLES["de"]):
        return True
    return foreign_frame(prev, kw, nxt.group(1), "de", True)


def _german_loan_noun(text: str, s: int, e: int, kw: str) -> bool:
    """Does a keyword that German borrows (:data:`FOREIGN_OK` lists "de") stand where German uses it, so that
    only its lower-case spelling, common in web text, reads as English? "online" right after a preposition
    that opens a clause ("um online die Tickets zu kaufen"); a borrowed noun ("shop", "download") heading a
    noun phrase: after an opener and at most two lower-case modifiers or acronyms ("im heise shop", "zum
    download"), and not a bare noun after a preposition before a non-genitive article ("für shop die")."""
    if "de" not in FOREIGN_OK.get(kw, ()):
        return False
    before = text[max(0, s - 80, text.rfind("\n", 0, s) + 1) : s]
    if kw == "online":
        prev = _PREV_WORD.search(before)
        return prev is not None and before.endswith(" ") and prev.group(1).lower() in _DE_CLAUSE_OPENERS
    tail = _DE_TAIL.search(before)
    words = tail.group(0).split() if tail else []
    nxt = re.match(r"[ \t]+([^\W\d_]+)(?:[ \t]+([^\W\d_]+))?", text[e : e + 60])
    nlow = nxt.group(1).lower() if nxt else ""
    if nxt and nxt.group(1)[0].isupper():
        return False  # a noun follows: the keyword is no head ("den shop Entwurf"; German writes "Shop-Entwurf")
    # an adjective and its noun follow a determiner and the keyword ("einem download überfälligen Signal")
    adjective = bool(nxt and nxt.group(2) and nxt.group(2)[0].isupper() and _DE_ADJECTIVE.fullmatch(nlow))
    for k in range(len(words)):
        opener, mods = words[-k - 1].lower(), words[len(words) - k :]
        # up to two lower-case modifiers (an adjective, "online", a brand written in lower case) or acronyms
        if not all((w.islower() or (w.isupper() and len(w) > 1)) and w not in stopwords()["de"] for w in mods):
            break
        if opener in _DE_OPENERS:
            if adjective and opener in _ARTICLES["de"]:
                return False
            if mods or opener not in _DE_BARE_OPENERS:
                return True
            if opener in _PREPOSITIONS["de"]:
                return nlow in _DE_GENITIVE  # a bare noun with its genitive ("nach download der Datei")
            return nlow not in _ARTICLES["de"] or nlow in _DE_GENITIVE  # "als download"
    return False


_LINE_END = (".", "!", "?", ",", ";", ":")


def _label_line(text: str, s: int, e: int) -> bool:
    """Is the keyword on a short line of its own (at most four words, no sentence punctuation): a link label
    or menu item ("Flyer download"), page furniture rather than prose? Not the last line of a hard-wrapped
    paragraph: the line before it is empty, short or ends a sentence."""
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", e)
    line = text[ls : le if le >= 0 else len(text)].strip()
    if len(_WORD_RE.findall(line)) > 4 or line.endswith(_LINE_END) or re.search(r"[.!?,;]\s", line):
        return False
    prev = text[text.rfind("\n", 0, max(0, ls - 1)) + 1 : max(0, ls - 1)].strip() if ls else ""
    return not prev or len(prev) <= 40 or prev.endswith((".", "!", "?", ":"))


def _title_repeat(text: str, s: int, e: int) -> bool:
    """Is a repeated phrase the whole of its line, every word capitalised, beside a short line without final
    punctuation: a title in a list of titles ("Sale Sale Sale" among a blog's post titles), not stuffing?"""
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", e)
    le = len(text) if le < 0 else le
    if text[ls:s].strip() or text[e:le].strip() or not all(w[0].isupper() for w in _WORD_RE.findall(text[s:e])):
        return False
    near = [text[text.rfind("\n", 0, max(0, ls - 1)) + 1 : max(0, ls - 1)] if ls else ""]
    if le < len(text):
        nle = text.find("\n", le + 1)
        near.append(text[le + 1 : nle if nle >= 0 else len(text)])
    return any(
        0 < len(_WORD_RE.findall(n)) <= 8 and not n.strip().endswith((".", "!", "?")) for n in map(str.strip, near)
    )


def not_injected(text: str, finding: tuple[int, int, str, str], lang_of) -> bool:
    """A veto on a finding of :func:`find_injections` or :func:`find_stuffing` whose cue the context explains
    (issue 12): a German loanword where German uses it (:func:`_german_loan_noun`), a keyword of a syntax cue on
    a link-label line (:func:`_label_line`), a repeated title in a list of titles (:func:`_title_repeat`), a
    lower-case phrase after a German sentence that goes on with a capital word (a noun, not a new sentence)."""
    s, e, kw, cue = finding
    if cue == "repeated":
        return _title_repeat(text, s, e)
    if cue == "after-sentence":
        # German capitalises every noun: a capital word after the phrase starts no new sentence there, and a
        # phrase whose keywords German borrows may be a sentence's lower-case start (a brand name: "heise shop
        # Sonderhefte gibt es ..."); the foreign cue judges it
        german = all("de" in FOREIGN_OK.get(w, ()) for w in kw.lower().split() if w in _KW_SET)
        return german and re.match(rf"[ \t]+{_CAP}", text[e : e + 2]) is not None and lang_of(s) == "de"
    if cue in ("foreign", "loanword") and "de" in (
        lang_of(s),
        lang_of(max(0, s - 3)),
        lang_of(min(len(text) - 1, e + 2)),
    ):
        if _german_loan_noun(text, s, e, kw):
            return True
    return _label_line(text, s, e)


#: Words that any of the list, comma, between-names or foreign cues can report: a document without one
#: of them skips those searches.
_CUE_WORDS = frozenset(KEYWORDS) | frozenset(FOREIGN_OK)


#: Cues whose evidence is too weak on real text for a warning (issue 12): reported as info.
_SEVERITY = {"loanword": Severity.INFO}


@dataclass(frozen=True)
class SpamConfig:
    #: Extra keywords for the list and comma cues.
    extra_keywords: tuple[str, ...] = ()


class InjectedKeywordCheck(DocumentCheck):
    rules = (ART010,)
    uses = frozenset({"language"})  # passage languages from the language check
    section = "spam"
    config_class = SpamConfig
    order = 60

    def check(self, ctx: DocContext) -> Iterable[Finding]:
        text = ctx.text
        cache: dict[int, str] = {}
        passages = ctx.passages

        def passage_lang(offset: int) -> str:
            if ctx.passage_languages:
                return ctx.language_at(offset)
            for i, p in enumerate(passages):
                if p.start <= offset < p.end:
                    if i not in cache:
                        cache[i] = guess_language(text[p.start : p.end])[0]
                    return cache[i]
            return "und"

        def neighbour_lang(offset: int) -> str:
            """The language of the nearest passage after ``offset`` (else before it) whose language is known."""
            i = next((k for k, p in enumerate(passages) if p.start <= offset < p.end), -1)
            if i < 0:
                return "und"
            for k in (*range(i + 1, len(passages)), *range(i - 1, -1, -1)):
                lang = passage_lang(passages[k].start)
                if lang != "und":
                    return lang
            return "und"

        def lang_of(offset: int) -> str:
            # a passage too short to tell (a headline, a list item) is in the language of the document, or, in a
            # document of several languages, in that of the passage after it (a headline's story)
            lang = passage_lang(offset)
            if lang == "und":
                if -1 not in cache:
                    cache[-1] = document_language(ctx)
                lang = cache[-1]
                if lang == "und":
                    lang = neighbour_lang(offset)
            return lang

        out = []
        counts = ctx.word_counts
        found = (
            find_injections(text, lang_of, counts, ctx.layer.plain) if any(counts.get(k) for k in _CUE_WORDS) else []
        )
        if self.config.extra_keywords:
            extra = _kw(re.escape(k) for k in self.config.extra_keywords)
            for rx in (re.compile(rf"(?<=\w,\s)(?P<kw>{extra})(?=\s+{_CAP}[\w’'-]+)"),):
                found += [(m.start("kw"), m.end("kw"), m.group("kw"), "comma") for m in rx.finditer(text)]
        why = {
            "list": "a lowercase keyword among capitalised proper-noun list items",
            "comma": "a lowercase keyword between a comma and a capitalised name",
            "foreign": "an English keyword inside a passage in another language",
            "loanword": "an English word that German borrows, in lower case, with no break of German syntax around it "
            "(German writes a borrowed noun capitalised; weak evidence: brand names and link labels keep the case)",
            "between-names": "a lowercase keyword wedged between two capitalised names",
            "lower-list": "a bare keyword among plural or determined items of a lower-case list",
            "grammar": "an English keyword where its word class cannot stand (between the function words around it)",
            "after-sentence": "a lowercase keyword phrase stuffed after a sentence end",
            "repeated": "a keyword phrase repeated three times or more in a row (keyword stuffing)",
        }
        seen = {s for s, *_ in found}
        extra_set = frozenset(k.lower() for k in self.config.extra_keywords)
        found += [f for f in find_stuffing(text, extra_set, ctx.word_counts) if f[0] not in seen]
        found = [f for f in found if not not_injected(text, f, lang_of)]
        for s, e, kw, cue in found:
            data = {"keyword": kw, "cue": cue}
            if cue in ("foreign", "loanword"):
                data["language"] = lang_of(s)
            ctx_text = " ".join(text[max(0, s - 30) : e + 30].split())
            message = f"injected keyword {kw!r} in '…{ctx_text}…': {why[cue]}"
            out.append(ART010.finding((s, e), message, data=data, severity=_SEVERITY.get(cue)))
        return out
