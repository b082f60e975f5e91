"""Pure helpers shared by the artefact checks: lexicons, words, a cheap language cue."""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_right
from collections import Counter
from functools import lru_cache
from importlib import resources
from itertools import compress
from typing import Any, Callable, Iterable

from audit.chars import HASHTAG_RE, MENTION_RE, THAI_LAO, pictograph

# The word definition lives in the shared text layer (one for the whole package); re-exported here.
from audit.text import DENSE_RE, DENSE_SCRIPT, MARKS, WORD_RE, words  # noqa: F401

#: Sentence-final punctuation of other scripts: CJK full stops, Devanagari danda, Arabic/Urdu, Armenian, Ethiopic,
#: Myanmar, Tibetan, Khmer, Mongolian.
OTHER_TERMINAL = "。．！？｡」』।॥؟۔։።။།༎។៕᠃"
#: Letters of Thai and Lao, whose sentences end with a space and no mark: a line or paragraph ending in one is
#: not unpunctuated.
UNMARKED_SCRIPT_RE = re.compile(f"[{THAI_LAO}]")
#: Characters that end a sentence or a line legitimately.
TERMINAL = '.!?…:;"”’»)]›' + OTHER_TERMINAL
#: List markers at the start of a line: "-", "*", "•", "1.", "2)", "a)".
BULLET_RE = re.compile(r"^\s*(?:[-–—*•·▪►▸◦●○■□✓✔➤→]|\(?\d{1,3}[.)]|\(?[a-zA-Z][.)](?=\s))\s*")


#: HTML character entities that real text loses the ampersand of ("quot;weekend", "Spain #39;s"): the
#: commonest named ones (none is an English word) and numeric references.
BARE_ENTITY_NAMES = frozenset("quot amp nbsp lt gt apos hellip mdash ndash rsquo lsquo rdquo ldquo laquo raquo".split())
BARE_ENTITY_RE = re.compile(r"(?<![\w&#])(?:" + "|".join(sorted(BARE_ENTITY_NAMES)) + r"|#\d{2,5}|#x[0-9a-fA-F]{2,4});")
#: :data:`BARE_ENTITY_RE` without its lookbehind: it starts with literals, so the search skips ahead.
_BARE_ENTITY_BODY = re.compile(r"(?:" + "|".join(sorted(BARE_ENTITY_NAMES)) + r"|#\d{2,5}|#x[0-9a-fA-F]{2,4});")
_ENTITY_BEFORE = re.compile(r"[\w&#]")


#: Longest match of :data:`_BARE_ENTITY_BODY` ("hellip;", "#12345;", "#x20AC;"): 7 characters.
_BARE_ENTITY_REACH = 7


def bare_entities(text: str) -> list[tuple[int, int]]:
    """The spans of ``BARE_ENTITY_RE.finditer(text)``: the body's matches not preceded by a word
    character, ``&`` or ``#`` (a rejected match never hides a kept one: every character of a match but
    its final ``;`` would fail that test itself).

    The body is searched only in the few characters before each ``;`` (a match ends with its only
    ``;`` and is at most 7 characters long; windows that overlap are searched as one, so the matches
    are those of a search of the whole text)."""
    if ";" not in text:
        return []
    before = _ENTITY_BEFORE.match
    finditer = _BARE_ENTITY_BODY.finditer
    out: list[tuple[int, int]] = []
    find = text.find
    lo = hi = -1
    p = find(";")
    while p >= 0:
        s = p - _BARE_ENTITY_REACH
        if s <= hi:
            hi = p + 1
        else:
            if hi >= 0:
                out += [
                    m.span() for m in finditer(text, max(lo, 0), hi) if not (m.start() and before(text, m.start() - 1))
                ]
            lo, hi = s, p + 1
        p = find(";", p + 1)
    out += [m.span() for m in finditer(text, max(lo, 0), hi) if not (m.start() and before(text, m.start() - 1))]
    return out


def load_json(name: str) -> dict:
    with resources.files("audit").joinpath("data", name).open(encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=1)
def stopwords() -> dict[str, frozenset[str]]:
    data = load_json("stopwords.json")
    return {k: frozenset(v) for k, v in data.items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def boilerplate_lexicon() -> dict[str, list[str]]:
    data = load_json("boilerplate.json")
    return {k: list(v) for k, v in data.items() if not k.startswith("_")}


def guess_language(text: str, candidates: Iterable[str] = ("en", "es", "fr", "de", "pt", "it")) -> tuple[str, float]:
    """A cheap stop-word profile: the language whose stop words cover most tokens.

    Returns ``(language, share)``; ``("und", 0.0)`` when nothing stands out. Used only
    when the language check has not annotated the document.
    """
    return language_of_counts(Counter(words(text.lower())), candidates)


#: The character sets :data:`WORD_RE` reads a character by: a dense-script character, a combining mark, a
#: word character (``[^\W_]``) and an apostrophe (its other sets are made of these).
_WORD_KINDS = (DENSE_RE, re.compile(f"[{MARKS}]"), re.compile(r"[^\W_]"), re.compile("['’]"))


@lru_cache(maxsize=1 << 14)
def _lowers_alike(c: str) -> bool:
    """Does ``str.lower`` turn ``c``, wherever it stands, into one character that :data:`WORD_RE` reads as
    it reads ``c`` (in each of :data:`_WORD_KINDS` or out of it, as ``c`` is)? Capital sigma lower-cases
    by its neighbours (final or not): no."""
    if c == "\u03a3":
        return False
    low = c.lower()
    if low == c:
        return True
    return len(low) == 1 and all((rx.match(c) is None) == (rx.match(low) is None) for rx in _WORD_KINDS)


def document_language(ctx) -> str:
    """``guess_language(ctx.text)[0]``, from the text layer's word counts when lower-casing the text keeps
    its words: when every character of it lower-cases alike (:func:`_lowers_alike`), ``text.lower()`` is
    the text with each character mapped alone, the words of :data:`WORD_RE` in it lie where they lie in
    the text, and each is the lower-cased word of the text (the layer's counts); else the text is
    lower-cased and read again."""
    text = ctx.text
    if all(map(_lowers_alike, set(text))):
        return language_of_counts(ctx.word_counts)[0]
    return guess_language(text)[0]


def language_of_counts(
    counts: Counter, candidates: Iterable[str] = ("en", "es", "fr", "de", "pt", "it")
) -> tuple[str, float]:
    """:func:`guess_language` from the lower-case words of a text with their counts (a document's
    ``DocContext.word_counts``: no second pass over its text)."""
    total = sum(counts.values())
    if total < 4:
        return "und", 0.0
    sw = stopwords()
    present = counts.keys()
    get = counts.__getitem__
    best, best_n, second_n = "und", 0, 0
    for lang in candidates:
        # the stop words the text holds: found by going through the smaller of the two (a passage's few words,
        # or a list of about a hundred stop words), each looked up in the other
        lang_sw = sw[lang]
        n = sum(map(get, lang_sw.intersection(present) if len(present) < len(lang_sw) else present & lang_sw))
        if n > best_n:
            best, best_n, second_n = lang, n, best_n
        elif n > second_n:
            second_n = n
    share = best_n / total
    if share < 0.12 or best_n < max(2, 1.3 * second_n):
        return "und", share
    return best, share


def is_line_start_bullet(line: str) -> bool:
    return bool(BULLET_RE.match(line)) and not re.match(r"^\s*\d{1,3}\.\d", line)


def normalize_line(line: str) -> str:
    """Lower-case, whitespace-collapsed form of a line for hashing and lexicon matching."""
    return " ".join(line.lower().split())


# ---------------------------------------------------------------------------
# Word frequencies (wordfreq ships its lists in the package: nothing is fetched at run time)

#: Languages whose word lists the artefact checks consult; German, Dutch and the Nordic languages
#: form compounds freely, so "two words glued" is never evidence there and they are left out.
WORDFREQ_LANGS = ("en", "es", "fr", "pt", "it")


@lru_cache(maxsize=8)
def _freq_dict(lang: str) -> dict[str, float] | None:
    """wordfreq's "best" list of ``lang`` as a whole dictionary (read by :mod:`audit.language.wordlists`,
    without importing wordfreq). Building it costs 0.07-0.1 CPU s per language: to look words up, use
    :func:`zipf` (one shard of the list at a time); to go through the frequent words,
    :func:`frequent_words`."""
    from audit.language import wordlists

    freqs = _BUILT[lang] = wordlists.frequencies(lang, "best")
    return freqs


#: The dictionaries :func:`_freq_dict` built, by language: :func:`zipf` uses one once it exists.
_BUILT: dict[str, dict[str, float] | None] = {}


def frequent_words(lang: str, min_frequency: float) -> dict[str, float]:
    """``{w: f for w, f in _freq_dict(lang).items() if f >= min_frequency}`` (same order), read from the
    opening of the list only (a few milliseconds for ``min_frequency >= 1e-6``); empty without a list."""
    from audit.language import wordlists

    return wordlists.frequent(lang, "best", min_frequency) or {}


@lru_cache(maxsize=16)
def words_with_zipf(lang: str, min_zipf: float) -> frozenset[str]:
    """The words whose :func:`zipf` in ``lang`` is at least ``min_zipf`` (``lang`` in
    :data:`WORDFREQ_LANGS`), read from the opening of the list: Zipf falls with each frequency band, so
    the bands are read until one falls below. ``{w for w, f in _freq_dict(lang).items() if
    zipf(w, lang) >= min_zipf}`` without the whole dictionary (a few milliseconds)."""
    if lang not in WORDFREQ_LANGS:
        return frozenset()
    # the frequency f of Zipf round(log10(f) + 9, 2) >= min_zipf is above 10 ** (min_zipf - 9.01)
    opening = frequent_words(lang, 10 ** (min_zipf - 9.01))
    # a list's frequencies are its bands' (a few hundred values): the test once per value, not per word
    keep = {f for f in set(opening.values()) if round(math.log10(f) + 9, 2) >= min_zipf}
    return frozenset(compress(opening, map(keep.__contains__, opening.values())))


@lru_cache(maxsize=8)
def _freq_table(lang: str):
    """``lang``'s "best" list for lookups (:func:`audit.language.wordlists.frequency_table`)."""
    from audit.language import wordlists

    return wordlists.frequency_table(lang, "best")


@lru_cache(maxsize=1 << 16)
def zipf(word: str, lang: str) -> float:
    """Zipf frequency (log10 of occurrences per billion words) of a lower-case word; 0.0 when unknown.

    Only for the languages in :data:`WORDFREQ_LANGS` (other languages give 0.0). Looked up in the dictionary
    of :func:`_freq_dict` when something built it, else in the list's shards (same frequencies).
    """
    if lang not in WORDFREQ_LANGS:
        return 0.0
    d = _BUILT.get(lang) or _freq_table(lang)
    if not d:
        return 0.0
    f = d.get(word)
    return round(math.log10(f) + 9, 2) if f else 0.0


#: Languages that form compounds freely but whose lists the glued-word check (ART031) reads for one kind of
#: evidence only: a function word glued to a word ("hattedie", "nachder").
COMPOUND_LANGS = ("de",)


@lru_cache(maxsize=1 << 14)
def list_zipf(word: str, lang: str) -> float:
    """:func:`zipf` for a language of :data:`WORDFREQ_LANGS` or :data:`COMPOUND_LANGS`; 0.0 otherwise."""
    if lang in WORDFREQ_LANGS:
        return zipf(word, lang)
    if lang not in COMPOUND_LANGS:
        return 0.0
    table = _freq_table(lang)
    f = table.get(word) if table else None
    return round(math.log10(f) + 9, 2) if f else 0.0


def has_word_lists() -> bool:
    """Are wordfreq's lists installed (without reading one)? Asked once per process (the installed
    packages do not change while it runs)."""
    if not _HAS_LISTS:
        from audit.language import wordlists

        _HAS_LISTS.append(wordlists.has_frequencies("en"))
    return _HAS_LISTS[0]


_HAS_LISTS: list[bool] = []


_LOWER_WORD = re.compile(r"(?<![^\W\d_])[a-zà-öø-ÿ]{3,}(?![^\W\d_])")


def lists_confirm(
    text: str, lang: str, min_share: float = 0.8, judged: int = 0, langs: tuple[str, ...] = WORDFREQ_LANGS
) -> bool:
    """Do the word lists confirm that ``text`` is in ``lang``? At least ``min_share`` of its lower-case
    words (3+ letters) must be listed words of ``lang``. Guards word-list evidence against a wrong
    language guess (Hungarian taken for Spanish by the stop-word profile makes every word "unknown").
    ``judged`` words of the text are the ones being judged (unlisted by construction, as a glued pair
    is): they are left out of the share. Texts with fewer than 5 other such words are taken as confirmed.
    ``langs``: the languages whose lists may confirm (:data:`COMPOUND_LANGS` too for the glued-word check)."""
    if lang not in langs:
        return False
    ws = _LOWER_WORD.findall(text)
    if len(ws) - judged < 5:
        return True
    known = sum(1 for w in ws if list_zipf(w, lang) > 0)
    return known >= min_share * (len(ws) - judged)


def _per_passage(ctx, compute: Callable[[int, str], Any], outside: Callable[[int], Any]) -> Callable[[int], Any]:
    """``lookup(offset)``: ``compute(offset, passage_text)`` for the passage holding ``offset``, cached per
    passage; ``outside(offset)`` between passages."""
    cache: dict[int, Any] = {}
    passages = ctx.passages
    starts = [p.start for p in passages]
    text = ctx.text

    def lookup(offset: int):
        i = bisect_right(starts, offset) - 1
        if i < 0 or offset >= passages[i].end:
            return outside(offset)
        if i not in cache:
            cache[i] = compute(offset, text[passages[i].start : passages[i].end])
        return cache[i]

    return lookup


def language_lookup(ctx) -> Callable[[int], str]:
    """``lang_of(offset)``: the language of the passage at ``offset``.

    Uses the language check's passage languages when it has run, else the stop-word profile
    of the passage (cached per passage), or of the whole text where the passage's own stands out from
    none (a headline); ``"und"`` when nothing stands out.

    The language check's passages can be finer than the text layer's (a foreign title inside a
    paragraph), so their languages are read at each offset, never cached per layer passage: the answer
    must not depend on which offset of a passage is asked first.
    """
    if ctx.passage_languages:
        return ctx.language_at
    whole: list[str] = []

    def guess(_offset: int, ptext: str) -> str:
        lang = guess_language(ptext)[0]
        if lang == "und":  # a headline or a one-line passage: too few stop words, the document's language
            if not whole:
                whole.append(document_language(ctx))
            lang = whole[0]
        return lang

    return _per_passage(ctx, guess, lambda _offset: "und")


def languages_at(lang_of: Callable[[int], str], offsets: list[int]) -> list[str]:
    """``[lang_of(o) for o in offsets]``; when ``lang_of`` is a context's ``language_at`` (what
    :func:`language_lookup` gives once the language check has run), its passage index is read once for
    all of them (:meth:`audit.rules.DocContext.languages_at`)."""
    from audit.rules import DocContext

    if getattr(lang_of, "__func__", None) is DocContext.language_at:
        return lang_of.__self__.languages_at(offsets)  # type: ignore[attr-defined]
    return list(map(lang_of, offsets))


def confirm_lookup(ctx, lang_of: Callable[[int], str]) -> Callable[[int], bool]:
    """``confirmed(offset)``: do the word lists confirm ``lang_of(offset)`` for the passage there, leaving
    out one word (the candidate at ``offset``, unlisted by construction: in a one-line passage it alone
    would sink the share)? Cached per passage and language (a passage can hold text of two languages, see
    :func:`language_lookup`); meant to be asked only once a candidate is found (it reads the passage)."""
    texts = _per_passage(ctx, lambda _offset, ptext: ptext, lambda _offset: None)
    cache: dict[tuple[str, str], bool] = {}

    def confirmed(offset: int) -> bool:
        ptext = texts(offset)
        if ptext is None:
            return False
        key = (ptext, lang_of(offset))
        if key not in cache:
            cache[key] = lists_confirm(ptext, key[1], judged=1, langs=WORDFREQ_LANGS + COMPOUND_LANGS)
        return cache[key]

    return confirmed


# -- short informal posts -------------------------------------------------------------------------

#: The dashes that lead the attribution line closing a quotation ("-- Mark Twain", "— Oscar Wilde, 1891",
#: "―《论语》": a double dash, an em dash, a quotation dash); a single hyphen or an en dash opens a list item.
#: ART020's signature and ART005's record attributions read the same ones.
ATTRIBUTION_DASHES = ("--", "\u2014", "\u2015")

#: The longest text (characters, stripped) read as one short post: a tweet (280), a caption, a comment.
POST_CHARS = 320
#: A text emoticon: ``:)``, ``;-P``, ``:'(``, ``xD``, ``<3``, ``-.-``, ``^^``, ``(:``, at a token's end (it may
#: be typed against the word before it: ``agusto:(``), a reversed one opening a token (``(: hardest``), and a
#: face of two eyes and a mouth between them (``n_n``, ``u.u``, ``n,n``).
EMOTICON_RE = re.compile(
    r"(?:(?<!\S)[:;=]|(?<=[^\W\d_]):)[-'^o]?[)(\]\[DPpOo3/\\|*]+(?![\w/])"
    r"|(?<!\S)(?:[xX][Dd]+|<3+|-[._]+-|\^[._]?\^|[)(][:;]|([nuUT])[_,.]\1)(?!\w)"
)
#: Laughter written as a reduplicated syllable in any language (``haha``, ``jajaja``, ``hehe``, ``jiji``).
LAUGHTER_RE = re.compile(r"(?<!\w)a?([hjk][aeiou])\1+[hjk]?(?!\w)", re.IGNORECASE)
#: A letter typed three times or more to stretch a word (``sooo``, ``weee``; not ``www``).
STRETCHED_RE = re.compile(r"([a-vyzà-ÿ])\1\1")


def informal_post(text: str) -> bool:
    """Whether a document is one short informal post (a tweet, a chat message, a caption, a comment): at
    most :data:`POST_CHARS` characters on at most four lines, with a mark of informal writing that edited
    text does not use: an @mention, a #hashtag, an emoji or emoticon, written laughter, a stretched word or
    a run of ``!!``/``?!``. Such a text is complete as written: it may end on a word, a laugh or an emoji
    without a full stop."""
    body = text.strip()
    if not body or len(body) > POST_CHARS or body.count("\n") > 3:
        return False
    return bool(
        MENTION_RE.search(body)
        or HASHTAG_RE.search(body)
        or any(pictograph(ch) for ch in body if not ch.isascii())
        or EMOTICON_RE.search(body)
        or LAUGHTER_RE.search(body)
        or STRETCHED_RE.search(body)
        or "!!" in body
        or "?!" in body
        or "!?" in body
    )
