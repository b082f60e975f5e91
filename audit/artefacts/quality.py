"""Document quality signals (Gopher / C4 style) as informational findings with their values.

Defaults come from the literature:

* Gopher (Rae et al. 2021, "Scaling Language Models: Methods, Analysis & Insights from
  Training Gopher", appendix A): keep documents with 50-100,000 words, mean word length
  3-10 characters, symbol-to-word ratio (``#`` and ellipses) at most 0.1, at least 80% of
  words containing a letter, at least two of the stop words *the, be, to, of, and, that,
  have, with*; at most 30% duplicated lines and 20% of characters in duplicated lines.
* C4 (Raffel et al. 2020, "Exploring the Limits of Transfer Learning with a Unified
  Text-to-Text Transformer", section 2.2): keep only lines ending in terminal punctuation and
  pages with at least 5 sentences.

The stop-word test is language-aware: the document's language (from the language check, or a
stop-word profile) selects its stop-word list.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from operator import itemgetter, mul
from typing import Any, Iterable

import numpy as np

from audit.artefacts.common import (
    DENSE_RE,
    OTHER_TERMINAL,
    UNMARKED_SCRIPT_RE,
    informal_post,
    stopwords,
    words,
)
from audit.chars import DENSE_SCRIPT, HANGUL, HASHTAG_RE, MENTION_RE
from audit.model import Category, Finding, Severity
from audit.rules import DocContext, DocumentCheck, Rule
from audit.text import CharClasses, lower_all


def _rule(rid: str, name: str, desc: str, flags: tuple[str, ...], not_flags: tuple[str, ...]) -> Rule:
    return Rule(
        id=rid,
        name=name,
        category=Category.ARTEFACT,
        severity=Severity.INFO,
        description=desc,
        flags=flags,
        not_flags=not_flags,
    )


_ARTICLE = ("A full news article of several hundred words in ordinary sentences.",)
ART060 = _rule(
    "ART060",
    "quality-length",
    "Document longer than the Gopher range (over 100,000 words); with "
    "`report_short`, also shorter than 50 words or fewer than 5 sentences (C4). A short document is "
    "not damage: its length is always in the document's `stats`.",
    ("a document of 120,000 words",),
    ("Breaking: council votes. More soon.",),
)
ART061 = _rule(
    "ART061",
    "quality-word-length",
    "Mean word length outside 3-10 characters (Gopher).",
    ("aaaaaaaaaaaaaaaaaa bbbbbbbbbbbbbbbbbbbbbb ...",),
    _ARTICLE,
)
ART062 = _rule(
    "ART062",
    "quality-stopwords",
    "Too few stop words for the document's language, figures aside (a list of keywords, names or links "
    "rather than sentences): a stop-word share below `min_stopword_share`, or, on `min_gopher_words` words or more, "
    "fewer than 2 of the language's 8 commonest function words (Gopher).",
    ("keyword keyword cheap flights hotels deals ...",),
    _ARTICLE,
)
ART063 = _rule(
    "ART063",
    "quality-symbols",
    "Symbol-to-word ratio above 0.1 (`#`, ellipses) or fewer than 80% of the tokens that are not figures with a "
    "letter (Gopher; a table of figures is document data): markup, entities, hashtags or encoding junk.",
    ("#tag #tag #tag ... ... 123 456",),
    _ARTICLE,
)
ART064 = _rule(
    "ART064",
    "quality-duplicate-lines",
    "More than 30% of lines, or 20% of characters, in duplicated lines (Gopher).",
    ("the same line\nthe same line\nthe same line",),
    _ARTICLE,
)
ART065 = _rule(
    "ART065",
    "quality-unpunctuated-lines",
    "More than `max_unpunctuated_share` of the logical lines are fragments: at most 12 words and no terminal "
    "punctuation (C4 drops every unpunctuated line). Layouts are set aside: hard-wrapped lines are joined; tables of "
    "figures and their label rows, verse, list items, chat transcript lines (`<nick> ...`) and a paragraph's heading "
    "block (headline, byline, date) are not counted. Navigation, link lists, orphan labels or template residue rather than prose.",
    ("Home\nNews\nSports\nContact us",),
    _ARTICLE + ("a news story hard-wrapped at 65 columns",),
)

#: From the first letter of a whitespace token to its end: one match per token that holds a letter
#: (Gopher's "words with an alphabetic character"); no lookbehind, so the search skips to the next letter.
_ALPHA_TOKEN = re.compile(r"[^\W\d_]\S*")
#: A whitespace token without a letter, with the whitespace before it (searched in ``" " + text``): the
#: search skips from one whitespace character to the next, and few tokens match (figures, dashes).
_LETTERLESS = re.compile(r"\s(?:(?!\s)[\W\d_])+(?!\S)")
#: :data:`_LETTERLESS` for ASCII text (the letters of ASCII are A-Z and a-z).
_ASCII_LETTERLESS = re.compile(r"\s[^\sA-Za-z]+(?!\S)")


def alpha_tokens(text: str, n_tokens: int) -> int:
    """``len(_ALPHA_TOKEN.findall(text))`` (whitespace tokens holding a letter) from ``n_tokens``, the
    number of whitespace tokens (``len(text.split())``), less those without a letter."""
    return n_tokens - len((_ASCII_LETTERLESS if text.isascii() else _LETTERLESS).findall(" " + text))


#: Character classes of :func:`token_counts`: whitespace (``\s``), a letter (``[^\W\d_]``), anything else.
_SPACE, _LETTER, _OTHER = 0, 1, 2
_SPACE_RUN = re.compile(r"\s+")
_LETTER_RUN = re.compile(r"[^\W\d_]+")
#: Below this length the two regex passes cost less than the array set-up.
_ARRAY_MIN = 2000


#: :func:`token_counts`' classes, read off the same patterns the regexes use.
_CLASSES = CharClasses(((_SPACE_RUN, _SPACE), (_LETTER_RUN, _LETTER)), _OTHER)


def token_counts(text: str) -> tuple[int, int]:
    """``(len(text.split()), alpha_tokens(text, len(text.split())))``: the whitespace tokens, and those
    holding a letter, from one array pass over the characters' classes (``str.split`` and ``\\s`` split at
    the same characters, ``Py_UNICODE_ISSPACE``). Short texts take the regex."""
    if len(text) < _ARRAY_MIN:
        n = len(text.split())
        return n, alpha_tokens(text, n)
    cls = _CLASSES.of(text)[1]
    space = cls == _SPACE
    starts = ~space  # a token starts at a non-space character after a space or at the text's start
    starts[1:] &= space[:-1]
    # the first letter of a token is the one whose previous space-or-letter character is a space (or none)
    kept = cls[cls != _OTHER]
    first = kept == _LETTER
    first[1:] &= kept[:-1] == _SPACE
    return int(np.count_nonzero(starts)), int(np.count_nonzero(first))


_TERMINAL_END = re.compile(rf"[.!?…][\"'”’»)\]]*$|[\"”’»{OTHER_TERMINAL}]$")
_CLOSERS = "\"'”’»)]"
_LAST_ALONE = '"”’»' + OTHER_TERMINAL


def terminal_end(line: str) -> bool:
    """``_TERMINAL_END.search(line)`` from the line's last characters (the regex scans the whole line):
    a sentence mark followed only by closing quotes and brackets, or a closing quote or another script's
    terminal mark last (``$`` also matches before one final newline)."""
    if line.endswith("\n"):
        line = line[:-1]
    if not line:
        return False
    if line[-1] in _LAST_ALONE or UNMARKED_SCRIPT_RE.match(line[-1]):
        return True  # a mark, or Thai or Lao, whose sentences end without one
    core = line.rstrip(_CLOSERS)
    return bool(core) and core[-1] in ".!?…"


#: Last characters for which :func:`terminal_end` holds whatever precedes them (a sentence mark, a
#: closing quote or another script's terminal mark); a last character outside this set, outside
#: :data:`_CLOSERS` and not whitespace makes it false.
_ENDS_TERMINAL = frozenset(".!?…" + _LAST_ALONE)
_NEEDS_LOOK = frozenset(_CLOSERS) - _ENDS_TERMINAL
_LAST = itemgetter(-1)


def count_unpunctuated(lines: list[str]) -> int:
    """``sum(1 for ln in lines if not terminal_end(ln.rstrip()))``, deciding most lines by their last
    character alone (no call per line): only lines that end in a closing quote or bracket, or in
    whitespace, are read further."""
    if not all(lines):  # an empty line: the plain definition
        return sum(1 for ln in lines if not terminal_end(ln.rstrip()))
    lasts = "".join(map(_LAST, lines))
    ended = sum(map(lasts.count, _ENDS_TERMINAL))
    if not lasts.isascii():
        ended += len(UNMARKED_SCRIPT_RE.findall(lasts))
    look = _NEEDS_LOOK.intersection(lasts)
    if any(c.isspace() for c in set(lasts)):
        rest = [ln for ln in lines if ln[-1] in look or ln[-1].isspace()]
    else:
        rest = [ln for ln in lines if ln[-1] in look] if look else []
    return len(lines) - ended - sum(1 for ln in rest if terminal_end(ln.rstrip()))


#: A whitespace token that is a figure: digits with their separators, led by a sign, a currency or a bracket and
#: closed by a percent sign, a bracket or a punctuation mark ("1,389,000", "(27,900)", "$5.5", "12%", "1985/86,").
#: An HTML entity ("#146;") or a dash is not one.
_FIGURE_TOKEN = re.compile(r"[(\[$£€¥+\-–−]*\d[\d.,:/\-–]*%?[)\]]*[.,;:!?]?")


def figure_tokens(text: str) -> int:
    """The whitespace tokens of ``text`` that are figures (:data:`_FIGURE_TOKEN`): found among the tokens without
    a letter (:data:`_LETTERLESS`), which are few."""
    pattern = _ASCII_LETTERLESS if text.isascii() else _LETTERLESS
    return sum(1 for t in pattern.findall(" " + text) if _FIGURE_TOKEN.fullmatch(t[1:]))


def figure_words(counts: Counter) -> int:
    """The words of ``counts`` (:func:`words`, with their counts) that are figures: "1,389,000" is the three
    words "1", "389" and "000" of no letter."""
    return sum(c for w, c in counts.items() if w.isnumeric())


#: An unpunctuated line of at most this many words is a fragment (a menu entry, a label, a heading, a line of
#: template code); a longer one is a sentence whose full stop is missing (a wire table's note), not page residue.
FRAGMENT_WORDS = 12
#: At most this many fragments right above a paragraph of prose are its heading block (title, byline, date).
HEADING_LINES = 3
#: A paragraph of prose that a heading block heads ends with terminal punctuation and holds this many words.
_HEADED_WORDS = 8


def line_fragments(text: str, rows) -> tuple[int, int]:
    """``(lines, fragments)``: the lines :func:`line_kinds` judges (``P`` and ``F``), and the fragments."""
    kinds = line_kinds(text, rows)
    fragments = kinds.count("F")
    return fragments + kinds.count("P"), fragments


#: :func:`terminal_end` of a line (no final line break) read off its last character where that decides it:
#: True after a sentence mark, a closing quote or another script's terminal mark; False after any other ASCII
#: character but a closing bracket or quote and whitespace. Other last characters (absent) need the line.
_END_BY_LAST = {c: True for c in _ENDS_TERMINAL} | {
    c: False for c in map(chr, range(128)) if c not in _ENDS_TERMINAL and c not in _CLOSERS and not c.isspace()
}


#: A line of a chat transcript: an optional time stamp (``12:04``, ``[12:04:33]``, ``Mar 31 15:20:58``), then the
#: speaker between angle brackets (``<ana>``, ``<@op>``, ``<nick:#channel>``) and a space or the line's end.
_SPEAKER = re.compile(
    r"(?:[\[(]?(?:[A-Z][a-z]{2} [ \d]?\d )?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s+)?<[@+%&~]?([^\s<>/]{1,40})>(?:\s|$)"
)
#: A transcript holds at least this many speaker lines, of two speakers or more (a dialogue).
_CHAT_LINES = 2


def _chat_lines(text: str, rows, kinds: list[str]) -> list[int]:
    """The prose rows that are lines of a chat transcript (IRC, a messenger log): each opens with a speaker tag
    (:data:`_SPEAKER`); chat lines carry no final stop by custom, so they are a layout, not fragments. Only
    where :data:`_CHAT_LINES` or more such lines of two speakers or more occur in a text without closing
    markup tags (``<p> text`` lines of page source are HTML)."""
    if "<" not in text or "</" in text:
        return []
    found = []
    speakers = set()
    for i, row in enumerate(rows):  # (a line of times or short lines may be read as a table or verse)
        m = _SPEAKER.match(text, row[0], row[1])
        if m:
            found.append(i)
            speakers.add(m.group(1))
    if len(found) < _CHAT_LINES or len(speakers) < 2:
        return []
    return [i for i in found if kinds[i] == "P"]


def line_kinds(text: str, rows) -> list[str]:
    """One letter per row of the layout: ``T`` a table, ``S`` set aside, ``P`` a line of prose, ``F`` a
    fragment: a line of prose of at most :data:`FRAGMENT_WORDS` words and no terminal punctuation (``:``
    introduces what follows). Layouts are set aside: tables of figures, verse and list items, the lines of a chat
    transcript (:func:`_chat_lines`), the label rows
    next to two rows of a table ("Year", "Nine mths") and the heading block of a paragraph (a run of at most
    :data:`HEADING_LINES` fragments right above a closed paragraph of :data:`_HEADED_WORDS` words or more:
    headline, byline, date)."""
    n = len(rows)
    # per row: "T" table, "S" set aside, "P" a line of prose, "F" a fragment; prose rows are judged below
    kinds = ["P" if kind == "prose" else "T" if kind == "table" else "S" for _, _, kind, _ in rows]
    for i in _chat_lines(text, rows, kinds):
        kinds[i] = "S"
    closed = [False] * n  # per row: a line of prose that ends with terminal punctuation
    verdict = _END_BY_LAST.get
    for i in [i for i, k in enumerate(kinds) if k == "P"]:
        s, e = rows[i][0], rows[i][1]
        line = text[s:e]
        ended = verdict(line[-1:])
        if ended is None:  # an empty line, a final line break, a closing bracket or quote, a non-ASCII character
            ended = terminal_end(line)
        if not ended and line.endswith(":"):
            # a line ending in ":" introduces what follows it; with nothing after it, or another such line, it
            # is an orphan label (a disambiguation page whose lists were lost)
            ended = i + 1 < n and not text[rows[i + 1][0] : rows[i + 1][1]].endswith(":")
        if ended:
            closed[i] = True
        elif len(line.split(None, FRAGMENT_WORDS)) <= FRAGMENT_WORDS:
            kinds[i] = "F"
    joined = "".join(kinds)
    if "TT" in joined and "F" in joined:
        for i, k in enumerate(kinds):
            # a table's label row ("Year", "Nine mths") above or below two rows of the table
            if k == "F" and (joined[max(i - 2, 0) : i] == "TT" or joined[i + 1 : i + 3] == "TT"):
                kinds[i] = "S"
        joined = "".join(kinds)
    # a closed paragraph right after a fragment (a row turned "S" above stays "S": those tests read only "T")
    i = joined.find("FP") + 1
    while i > 0:
        s, e = rows[i][0], rows[i][1]
        if closed[i] and len(text[s:e].split(None, _HEADED_WORDS)) > _HEADED_WORDS - 1:
            j = i - 1
            while j >= 0 and kinds[j] == "F":
                j -= 1
            if i - 1 - j <= HEADING_LINES:  # a longer run of fragments is a menu or a list of links, no heading
                kinds[j + 1 : i] = ["S"] * (i - 1 - j)
        i = joined.find("FP", i) + 1
    return kinds


#: Hangul: a character is a syllable, so a Korean word of two or three characters is a normal word, and a
#: mean word length counted in characters says nothing (ART061).
_SYLLABIC_RE = re.compile(f"[{HANGUL}]")


#: A sentence end anywhere: a mark of :data:`OTHER_TERMINAL`, or ``.!?…`` before white space or the end.
_SENTENCE_END = re.compile(rf"[.!?…](?:\s|$)|[{OTHER_TERMINAL}]")


#: A character of a dense script (:data:`DENSE_RE`) or of Hangul (:data:`_SYLLABIC_RE`): a text without one
#: needs neither search (one pass over the text instead of two).
_WIDE_RE = re.compile(f"[{DENSE_SCRIPT}{HANGUL}]")


def _wide(text: str) -> bool:
    """Might the text hold a character of a dense script or of Hangul (False: it holds neither)?"""
    return not text.isascii() and _WIDE_RE.search(text) is not None


def _syllabic(text: str, counts: Counter, n: int, wide: bool = True) -> bool:
    """Are at least 30% of the ``n`` words of ``text`` written in Hangul? ``wide``: :func:`_wide` (False
    skips the search)."""
    if not wide or text.isascii() or _SYLLABIC_RE.search(text) is None:
        return False
    return sum(c for w, c in counts.items() if _SYLLABIC_RE.match(w)) >= 0.3 * n


def _dense_words(counts: Counter) -> int:
    """The words of ``counts`` written in a script without spaces (one per character, :func:`words`)."""
    return sum(c for w, c in counts.items() if DENSE_RE.match(w))


def _has_dense(text: str, wide: bool = True) -> bool:
    """Does the text hold a character of a script written without spaces? ``wide``: :func:`_wide` (False
    skips the search)."""
    return wide and not text.isascii() and DENSE_RE.search(text) is not None


@lru_cache(maxsize=64)
def _gopher_words(lang: str) -> frozenset[str]:
    sw = stopwords()
    if lang == "en" or lang not in sw:
        return sw["gopher"]
    return frozenset(list(load_order(lang))[:8])


def load_order(lang: str) -> list[str]:
    from audit.artefacts.common import load_json

    return load_json("stopwords.json")[lang]


def best_stopword_languages(text: str) -> list[str]:
    """The languages whose stop words cover the text best (for documents without a language annotation)."""
    counts = Counter(t.lower() for t in words(text[:20000]))
    n = sum(counts.values())
    if not n:
        return ["en"]
    sw = stopwords()
    shares = {lang: sum(c for w, c in counts.items() if w in sw[lang]) / n for lang in sw if lang != "gopher"}
    best = max(shares.values())
    return [lang for lang, v in sorted(shares.items(), key=lambda kv: -kv[1]) if v >= 0.6 * best][:2]


def words_within(layer, spans) -> Counter:
    """The lower-cased words of the layer that start inside ``spans`` (sorted, disjoint), with their
    counts: ``Counter(lower_all(words("\\n".join(texts of spans))))`` when each span starts and ends next
    to whitespace or the text's ends (a word never holds whitespace), without tokenising again."""
    if not spans:
        return Counter()
    bounds = np.array([(sp.start, sp.end) for sp in spans], dtype=np.int64)
    st = layer.starts
    k = np.searchsorted(bounds[:, 0], st, side="right") - 1
    inside = (k >= 0) & (st < bounds[np.maximum(k, 0), 1])
    return Counter(compress(layer.lower, inside.tolist()))


def quality_signals(
    text: str,
    lines: list[str],
    n_sentences: int,
    langs: list[str],
    counts: Counter | None = None,
    wide: bool = True,
) -> dict[str, Any]:
    """The Gopher/C4 statistics of one document; stop words are counted for ``langs`` (one or a mixture).

    ``counts``: the text's lower-cased :func:`words` with their counts, when the caller has them. ``wide``:
    :func:`_wide` of the text, when the caller has it (False: no dense-script character to look for).
    """
    if counts is None:
        counts = Counter(lower_all(words(text)))
    q = word_signals(text, langs, counts)
    n = q["words"]
    line_counts = Counter(lines)
    dup_lines = sum(c - 1 for c in line_counts.values() if c > 1)
    dup_chars = sum(len(ln) * (c - 1) for ln, c in line_counts.items() if c > 1)
    total_chars = sum(map(len, lines)) or 1
    unpunct = count_unpunctuated(lines)
    dense = _dense_words(counts) if _has_dense(text, wide) else 0
    return {
        "words": n,
        "sentences": n_sentences,
        "mean_word_length": q["mean_word_length"],
        "stopword_language": "+".join(langs),
        "stopword_share": q["stopword_share"],
        "gopher_stopwords": q["gopher_stopwords"],
        "symbol_ratio": q["symbol_ratio"],
        "alpha_word_share": q["alpha_word_share"],
        "duplicate_line_share": round(dup_lines / len(lines), 3) if lines else 0.0,
        "duplicate_line_char_share": round(dup_chars / total_chars, 3),
        "unpunctuated_line_share": round(unpunct / len(lines), 3) if lines else 0.0,
        "dense_script_share": round(dense / n, 3) if n else 0.0,
    }


def word_signals(text: str, langs: list[str], counts: Counter) -> dict[str, Any]:
    """The word statistics of :func:`quality_signals` alone (``words``, ``mean_word_length``,
    ``stopword_share``, ``gopher_stopwords``, ``symbol_ratio``, ``alpha_word_share``): what the prose
    around a table of figures is judged by, without its line statistics."""
    n = sum(counts.values())
    n_raw, n_alpha = token_counts(text)
    sw = frozenset().union(*(stopwords().get(lg, frozenset()) for lg in langs)) or stopwords()["en"]
    gopher_hits = max(len(_gopher_words(lg).intersection(counts)) for lg in langs)
    n_stop = sum(map(counts.__getitem__, sw.intersection(counts)))
    total_len = sum(map(mul, map(len, counts), counts.values()))
    symbols = text.count("#") + text.count("...") + text.count("…")
    return {
        "words": n,
        "mean_word_length": round(total_len / n, 3) if n else 0.0,
        "stopword_share": round(n_stop / n, 3) if n else 0.0,
        "gopher_stopwords": gopher_hits,
        "symbol_ratio": round(symbols / n, 3) if n else 0.0,
        "alpha_word_share": round(n_alpha / n_raw, 3) if n_raw else 0.0,
    }


#: A short informal post is stuffed with tags when it holds this many hashtags and mentions or more, and they
#: are at least half of its whitespace tokens (spam: ``#follow #followback #teamfollowback ...``).
POST_STUFFED_TAGS = 5


def _post_junk(text: str, q: dict[str, Any], c: QualityConfig) -> bool:
    """Is a short informal post (:func:`~audit.artefacts.common.informal_post`) junk by Gopher's statistics?
    Its hashtags, mentions, emoji and emoticons are its content and its register is speech (``u``, ``nd``,
    ``lol``, no article): the word-length, stop-word and symbol statistics of a document of 50 words or more
    describe the way people post, not damage. It is junk when it is stuffed with tags
    (:data:`POST_STUFFED_TAGS`, half of its tokens or more) or its words are no words (a mean word length over
    ``max_mean_word_length``: an encoded blob, run-together words)."""
    tags = len(HASHTAG_RE.findall(text)) + len(MENTION_RE.findall(text))
    stuffed = tags >= POST_STUFFED_TAGS and 2 * tags >= len(text.split())
    return stuffed or q["mean_word_length"] > c.max_mean_word_length


@dataclass(frozen=True)
class QualityConfig:
    min_words: int = 50  # Gopher
    max_words: int = 100_000  # Gopher
    min_sentences: int = 5  # C4
    min_mean_word_length: float = 3.0  # Gopher
    max_mean_word_length: float = 10.0  # Gopher
    min_gopher_stopwords: int = 2  # Gopher
    #: Our own calibration: edited EN/ES news has 35-50% stop words with our lists.
    min_stopword_share: float = 0.15
    max_symbol_ratio: float = 0.1  # Gopher
    min_alpha_word_share: float = 0.8  # Gopher
    max_duplicate_line_share: float = 0.3  # Gopher
    max_duplicate_line_char_share: float = 0.2  # Gopher
    #: C4 drops each line without terminal punctuation; we report documents where more than this share of the
    #: judged lines are fragments without it (:func:`line_fragments`).
    max_unpunctuated_share: float = 0.4
    #: ART065 judges a share of at least this many lines (3 for a text without any sentence end: a menu).
    min_fragment_lines: int = 5
    #: Gopher's "2 of the 8 stop words" is tested on texts of this many words (figures aside) or more: on the
    #: development corpora 1-7% of ordinary prose items of 25-100 words (stop-word share 0.25 or more) lack a
    #: second one, none of 2,024 longer ones.
    min_gopher_words: int = 100
    #: Also report documents shorter than ``min_words`` or with fewer than ``min_sentences`` (ART060). Off by
    #: default: on real news most such documents are complete short items; the figures stay in ``stats``.
    report_short: bool = False


class QualityCheck(DocumentCheck):
    rules = (ART060, ART061, ART062, ART063, ART064, ART065)
    uses = frozenset({"language"})  # passage languages from the language check
    section = "quality"
    config_class = QualityConfig
    order = 60

    def check(self, ctx: DocContext) -> Iterable[Finding]:
        text = ctx.text
        if not text.strip():
            return ()
        sw = stopwords()
        langs = [lg for lg, share in sorted(ctx.languages.items(), key=lambda kv: -kv[1]) if share >= 0.1 and lg in sw]
        if not langs:
            langs = [ctx.language] if ctx.language in sw else best_stopword_languages(text)
        lang = "+".join(langs)
        lines = [text[s.start : s.end] for s in ctx.lines]
        wide = _wide(text)
        q = quality_signals(text, lines, len(ctx.sentences), langs, ctx.word_counts, wide)
        lay = ctx.layout
        tables = [p.span for p in lay.paragraphs if p.kind == "table"]
        # The layout's logical lines: a hard-wrapped paragraph is one line; table rows are layout, not text
        logical = [text[p.span.start : p.span.end] for p in lay.paragraphs if p.kind != "table"]
        if lay.wrapped or tables:
            q["unpunctuated_line_share"] = round(count_unpunctuated(logical) / len(logical), 3) if logical else 0.0
        pcounts = ctx.word_counts
        prose = text
        if tables:
            # word statistics of the prose around a table of figures (figures are not words)
            prose = "\n".join(logical)
            spans = [p.span for p in lay.paragraphs if p.kind != "table"]
            pcounts = words_within(ctx.layer, spans)
            pq = word_signals(prose, langs, pcounts)
            for key in ("mean_word_length", "stopword_share", "gopher_stopwords", "symbol_ratio", "alpha_word_share"):
                q[key] = pq[key]
            q["prose_words"] = pq["words"]
        n_lines, n_fragments = line_fragments(text, lay.rows)
        q["fragment_line_share"] = round(n_fragments / n_lines, 3) if n_lines else 0.0
        q["layout"] = lay.as_stats()
        ctx.stats["quality"] = q
        c = self.config
        span = (0, len(text))
        out = []

        def add(rule: Rule, why: str, keys: tuple[str, ...]):
            out.append(rule.finding(span, why, data={k: q[k] for k in keys}))

        short = q["words"] < c.min_words or q["sentences"] < c.min_sentences
        if q["words"] > c.max_words or (c.report_short and short):
            add(
                ART060,
                f"{q['words']} words, {q['sentences']} sentences (Gopher keeps {c.min_words}-{c.max_words} "
                f"words; C4 needs {c.min_sentences}+ sentences)",
                ("words", "sentences"),
            )
        # Gopher's word and line statistics are defined on documents of min_words words or more: on less prose
        # (a two-sentence news summary, a wire story that is a table of results with a one-line note) they
        # describe the length, not damage. Figures are no words of prose ("1,389,000" is three word tokens): the
        # words counted are those with a letter. A short text without a table and without any sentence end is
        # still judged when it is a column of lines (a menu), a run of 20 words or more (keywords, an encoded
        # blob) or full of symbols (hashtags): it is no prose at all. One line of a few words (a wire flash, a
        # headline as the body) is not. The figures stay in ``stats``.
        n_prose = q.get("prose_words", q["words"])
        unended = _SENTENCE_END.search(text) is None
        special = (
            not tables
            and q["words"] >= 5
            and (len(lines) >= 3 or q["words"] >= 20 or q["symbol_ratio"] > c.max_symbol_ratio)
            and unended
            and (not informal_post(text) or _post_junk(text, q, c))
        )
        letters: list[int] = []  # the prose words with a letter, counted on first use

        def letter_words() -> int:
            if not letters:
                letters.append(n_prose - figure_words(pcounts))
                q["letter_words"] = letters[0]
            return letters[0]

        def judged() -> bool:
            return special or (n_prose >= c.min_words and letter_words() >= c.min_words)

        # Word length means nothing where every character is a token (Chinese, Japanese, Thai).
        dense = q["dense_script_share"] >= 0.3 or _syllabic(text, ctx.word_counts, q["words"], wide)
        if not dense and not c.min_mean_word_length <= q["mean_word_length"] <= c.max_mean_word_length and judged():
            add(
                ART061,
                f"mean word length {q['mean_word_length']} outside {c.min_mean_word_length}-"
                f"{c.max_mean_word_length}: these are not words of prose (an encoded blob, text decoded with the "
                "wrong encoding, letters split by spaces, run-together words)",
                ("mean_word_length",),
            )
        unsupported = ctx.language not in ("und", "") and ctx.language not in sw  # e.g. ru, zh: no stop-word list
        if (
            not unsupported
            and (q["gopher_stopwords"] < c.min_gopher_stopwords or q["stopword_share"] < c.min_stopword_share)
            and judged()
        ):
            # the share over the words with a letter; Gopher's count of its 8 stop words only on a text of
            # min_gopher_words words or more (ordinary shorter prose lacks a second one too often)
            n_letters = letter_words()
            share = round(q["stopword_share"] * n_prose / n_letters, 3) if n_letters else 0.0
            q["letter_stopword_share"] = share
            few = q["gopher_stopwords"] < c.min_gopher_stopwords and n_letters >= c.min_gopher_words
            if few or share < c.min_stopword_share:
                add(
                    ART062,
                    f"stop words ({lang}): {share:.0%} of {n_letters} words, {q['gopher_stopwords']} of the 8 "
                    "commonest; prose has more: a list of keywords, names or links rather than sentences",
                    ("stopword_language", "letter_stopword_share", "gopher_stopwords"),
                )
        symbols = q["symbol_ratio"] > c.max_symbol_ratio
        # Gopher counts tokens between spaces: a paragraph of Chinese or Japanese is one token, so a few
        # list dashes outweigh it. Every character of a script written without spaces is a word of the text
        # (:func:`words`), and a token with a letter here.
        n_dense = _dense_words(pcounts) if q["dense_script_share"] else 0
        alpha_share = q["alpha_word_share"]
        if n_dense:
            n_raw, n_alpha = token_counts(prose)
            alpha_share = (n_alpha + n_dense) / (n_raw + n_dense)
        if (symbols or alpha_share < c.min_alpha_word_share) and judged():
            # tokens without a letter, figures aside: a table of figures or a story of prices is document data
            n_raw, n_alpha = token_counts(prose)
            n_raw, n_alpha = n_raw + n_dense, n_alpha + n_dense
            rest = n_raw - figure_tokens(prose)
            q["alpha_share_without_figures"] = round(n_alpha / rest, 3) if rest else 1.0
            if symbols or q["alpha_share_without_figures"] < c.min_alpha_word_share:
                add(
                    ART063,
                    f"symbol ratio {q['symbol_ratio']}, {q['alpha_share_without_figures']:.0%} of the tokens "
                    "that are not figures hold a letter: markup, entities, hashtags or encoding junk rather "
                    "than prose",
                    ("symbol_ratio", "alpha_word_share", "alpha_share_without_figures"),
                )
        if (
            q["duplicate_line_share"] > c.max_duplicate_line_share
            or q["duplicate_line_char_share"] > c.max_duplicate_line_char_share
        ):
            add(
                ART064,
                f"{q['duplicate_line_share']:.0%} of lines and {q['duplicate_line_char_share']:.0%} of "
                "characters are in duplicated lines: repeated boilerplate, a text extracted twice or template "
                "residue",
                ("duplicate_line_share", "duplicate_line_char_share"),
            )
        # a share of lines means something over min_fragment_lines lines (one line moves a share of 3 by a
        # third); a text with no sentence end at all is judged from 3 (a menu)
        enough = n_lines >= (3 if unended else c.min_fragment_lines)
        if q["fragment_line_share"] > c.max_unpunctuated_share and enough and judged():
            add(
                ART065,
                f"{n_fragments} of {n_lines} lines ({q['fragment_line_share']:.0%}) are fragments without "
                "terminal punctuation (headings, tables, verse and lists aside): navigation, link lists, labels "
                "or template residue rather than prose",
                ("unpunctuated_line_share", "fragment_line_share"),
            )
        return out
