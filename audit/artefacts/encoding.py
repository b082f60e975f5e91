"""Encoding damage: mojibake (detected and fixed by ftfy), U+FFFD, control characters,
leftover HTML tags and entities.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from html.entities import html5
from itertools import accumulate
from typing import Iterable, Iterator

import ftfy
import ftfy.bad_codecs  # noqa: F401  (registers the sloppy-windows-* codecs)
import ftfy.badness

from audit.artefacts.common import bare_entities
from audit.model import Category, Finding, Severity
from audit.rules import DocContext, DocumentCheck, Rule

ART040 = Rule(
    id="ART040",
    name="mojibake",
    category=Category.ARTEFACT,
    severity=Severity.ERROR,
    description="Mojibake (UTF-8 decoded with the wrong codec: Windows-1252, Latin-1, MacRoman, Windows-1251/1250, "
    "cp437, UTF-16 read as bytes); ftfy's badness measure or a re-encoding round trip confirms it and the message "
    "proposes the fix.",
    flags=("Las peticiones de detenciÃ³n", "the presidentâ€™s orders"),
    not_flags=("Las peticiones de detención", "Zürich, naïve, résumé, Ça va", "Ελληνικά και русский"),
)
ART041 = Rule(
    id="ART041",
    name="replacement-character",
    category=Category.ARTEFACT,
    severity=Severity.ERROR,
    description="U+FFFD replacement characters: bytes were lost when the text was decoded.",
    flags=("detenci\ufffdn",),
    not_flags=("detención",),
)
ART042 = Rule(
    id="ART042",
    name="control-character",
    category=Category.ARTEFACT,
    severity=Severity.ERROR,
    description="Control characters (C0 other than tab/newline/CR, DEL, C1) inside the text (error); zero-width "
    "spaces, word joiners and byte-order marks inside the text (info).",
    flags=("word\x00word", "page\x0cbreak"),
    not_flags=("tab\tseparated\nlines\r\n",),
)
ART043 = Rule(
    id="ART043",
    name="html-residue",
    category=Category.ARTEFACT,
    severity=Severity.WARNING,
    description="Leftover HTML: tags and character entities such as `&nbsp;` or `&#8217;` (to strip or unescape).",
    flags=('Read the <a href="/x">report</a>', "Tom&nbsp;Ammiano", "the president&#8217;s order", "<br/>"),
    not_flags=("AT&T and Procter & Gamble", "if x < y and y > z", "Q&A session"),
)

_TAGS = (
    "a|abbr|article|aside|b|blockquote|body|br|button|caption|center|cite|code|dd|div|dl|dt|em|embed|figcaption|"
    "figure|font|footer|form|h[1-6]|head|header|hr|html|i|iframe|img|input|label|li|link|main|meta|nav|noscript|"
    "ol|option|p|picture|pre|script|section|select|small|source|span|strong|style|sub|sup|svg|table|tbody|td|"
    "textarea|tfoot|th|thead|title|tr|u|ul|video"
)
_TAG_RE = re.compile(rf"</?(?:{_TAGS})(?:\s[^<>]{{0,300}})?\s*/?>|<!--.{{0,2000}}?-->", re.IGNORECASE | re.DOTALL)
_ENTITY_RE = re.compile(r"&(?:#\d{2,7}|#[xX][0-9a-fA-F]{2,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]+")
_FFFD_RE = re.compile(r"\ufffd+")
#: Zero-width space, word joiner, byte-order mark inside the text (ZWJ/ZWNJ are legitimate in some scripts).
_INVISIBLE_CHARS = "\u200b\u2060\ufeff"
_INVISIBLE_RE = re.compile(f"[{_INVISIBLE_CHARS}]+")
#: The characters of :data:`_CONTROL_RE`: ASCII ones, and C1 ones (which only a non-ASCII text holds).
_CONTROL_ASCII = "".join(map(chr, [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F]))
_CONTROL_C1 = "".join(map(chr, range(0x80, 0xA0)))


def _has_control(text: str) -> bool:
    """Does :data:`_CONTROL_RE` find anything? One substring test per character (a memchr each), much
    cheaper than the character-class scan."""
    return any(c in text for c in _CONTROL_ASCII) or (not text.isascii() and any(c in text for c in _CONTROL_C1))


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end


#: Codecs that UTF-8 bytes are commonly mis-decoded with: Windows-1252 and Latin-1 (browsers, Windows
#: tools; Latin-1 leaves C1 controls), MacRoman, Windows-1251 (Cyrillic), Windows-1250 (Central European),
#: code page 437 (DOS). Used to re-encode a suspect word and read its bytes back as UTF-8.
ROUND_TRIP_CODECS = (
    "sloppy-windows-1252",
    "latin-1",
    "macroman",
    "sloppy-windows-1251",
    "sloppy-windows-1250",
    "cp437",
)
#: Characters a repaired word may hold: Latin, Greek, basic Cyrillic, general punctuation, euro and trade
#: marks. A round trip that lands elsewhere (a CJK ideograph, Ogham, a private-use character) is chance.
_PLAUSIBLE = re.compile("[\\x00-\\x7f\u00a0-\u024f\u02b0-\u02ff\u0370-\u03ff\u0400-\u045f\u2010-\u203a\u20ac\u2122]*")
_TOKEN = re.compile(r"\S*[^\x00-\x7f\s]\S*")


def _script(ch: str) -> str:
    o = ord(ch)
    if 0x370 <= o <= 0x3FF:
        return "greek"
    if 0x400 <= o <= 0x52F:
        return "cyrillic"
    return "latin" if o < 0x250 or 0x1E00 <= o <= 0x1EFF else "other"


def _never_garbling(ch: str) -> bool:
    """A non-ASCII character that no test of :func:`_looks_garbled` can fire on: punctuation (P*),
    a combining mark (Mn: not a letter, not a symbol) or a lower-case Latin letter (never the capital
    inside a word, never a symbol or control, never a second script)."""
    cat = unicodedata.category(ch)
    return cat[0] == "P" or cat == "Mn" or (cat == "Ll" and _script(ch) == "latin")


#: Tokens made of ASCII and :func:`_never_garbling` characters (curly quotes, dashes, accented lower-case
#: letters): :func:`_looks_garbled` is false for every one of them.
_CLEAN_TOKEN = re.compile(
    "[\\x00-\\x7f"
    + "".join(
        ch
        for ch in map(chr, [*range(0x80, 0x250), *range(0x300, 0x370), *range(0x2000, 0x2070)])
        if _never_garbling(ch)
    )
    + "]*"
)


def _looks_garbled(tok: str) -> bool:
    """Does a word carry a sign of mis-decoding: a symbol or control character next to a letter
    ("g√¢teaux", "Herg├⌐"), Latin mixed with Greek or Cyrillic letters ("informaciГіn"), or a non-ASCII
    capital inside a word ("informaciĂłn", "LĂĽbeck")? Words of one script, such as Czech "plášť" or
    Ukrainian "дії", are never garbled even when their bytes happen to form UTF-8."""
    scripts = set()
    prev = ""
    for i, ch in enumerate(tok):
        if ch.isalpha():
            scripts.add(_script(ch))
            if (
                ch.isupper()
                and prev.isalpha()
                and not ch.isascii()
                and (prev.islower() or any(c.islower() for c in tok[i + 1 :]))
            ):
                return True
        elif not ch.isascii():
            cat = unicodedata.category(ch)
            if cat[0] in "SC" and ((prev and prev.isalpha()) or (i + 1 < len(tok) and tok[i + 1].isalpha())):
                return True
        prev = ch
    scripts.discard("other")
    return "latin" in scripts and len(scripts) > 1


def round_trip(tok: str) -> str | None:
    """The word as it reads when its characters are re-encoded with a codec that UTF-8 is commonly
    mis-decoded with and the bytes decoded as UTF-8; ``None`` when no codec gives a plausible repair.
    This is the definition of mojibake, tested directly: no list of byte patterns."""
    if _CLEAN_TOKEN.fullmatch(tok) or not _looks_garbled(tok):
        return None
    for codec in ROUND_TRIP_CODECS:
        try:
            raw = tok.encode(codec)
        except UnicodeEncodeError:
            continue
        try:
            fixed = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if (
            fixed != tok
            and len(fixed) < len(tok)
            and _PLAUSIBLE.fullmatch(fixed)
            and not any(unicodedata.category(c) == "Cc" for c in fixed if c not in "\t\n\r")
        ):
            return fixed
    return None


#: UTF-16 (little or big endian) read as a single-byte codec: every other character is NUL.
_UTF16 = re.compile(r"(?:[^\x00]\x00){8,}|(?:\x00[^\x00]){8,}")


def utf16_spans(text: str) -> list[tuple[int, int]]:
    """Stretches of text that are UTF-16 decoded one byte at a time (``"T\\x00h\\x00e\\x00"``), merged
    across short gaps; one finding per stretch instead of one per NUL."""
    if "\x00" not in text:
        return []
    out: list[list[int]] = []
    for m in _UTF16.finditer(text):
        if out and m.start() - out[-1][1] <= 64:
            out[-1][1] = m.end()
        else:
            out.append([m.start(), m.end()])
    return [(s, e) for s, e in out]


#: A run of non-ASCII characters: every match of ftfy's badness pattern holds one.
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
#: Longer than any match of ftfy's badness pattern (its longest alternative spans 7 characters).
_BAD_REACH = 8


def is_bad(line: str) -> bool:
    """``ftfy.badness.is_bad(line)``, searching only around the non-ASCII runs: each match of the badness
    pattern holds a non-ASCII character and is at most 7 characters long, and the pattern has no
    lookaround (its ``^`` does not match at a window's start), so a match lies in the window around
    some run and a match in a window is one in the line. A line of long ASCII stretches costs a few
    short searches instead of a scan of every position."""
    search = ftfy.badness.BADNESS_RE.search
    n = len(line)
    lo = hi = -1
    for m in _NON_ASCII_RUN.finditer(line):
        s, e = m.start() - _BAD_REACH, m.end() + _BAD_REACH
        if s <= hi:
            hi = e
            continue
        if hi >= 0 and search(line, max(lo, 0), min(hi, n)):
            return True
        lo, hi = s, e
    return hi >= 0 and search(line, max(lo, 0), min(hi, n)) is not None


_NON_ASCII_MARK = re.compile(r"[^\x00-\x7f\s]")
_NON_SPACE = re.compile(r"\S*")


#: A character that no token of :data:`_CLEAN_TOKEN` holds: not ASCII, not whitespace, not never-garbling.
_DIRTY_MARK = re.compile("[^" + _CLEAN_TOKEN.pattern[1:-2] + "\\s]")


def _non_ascii_tokens(line: str, mark: re.Pattern = _NON_ASCII_MARK) -> list[tuple[int, int]]:
    """The spans of ``_TOKEN.finditer(line)`` (whitespace-separated tokens holding a non-ASCII character)
    found from those characters, not by trying the pattern at every position of the line. With ``mark``
    :data:`_DIRTY_MARK`: only those of them that :data:`_CLEAN_TOKEN` does not match."""
    out: list[tuple[int, int]] = []
    end = -1
    for m in mark.finditer(line):
        p = m.start()
        if p < end:
            continue  # inside the token just found
        start = p
        while start > 0 and not line[start - 1].isspace():
            start -= 1
        tail = _NON_SPACE.match(line, p)  # \S* always matches
        end = tail.end() if tail is not None else p
        out.append((start, end))
    return out


def mojibake_spans(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, fixed)`` for each word ftfy repairs on lines its badness measure finds bad, and
    for each word that reads as a plausible repair when re-encoded with a common wrong codec and decoded
    as UTF-8 (MacRoman, Windows-1251/1250, code page 437, which ftfy's measure misses). Plain-ASCII text
    costs one ``isascii`` call."""
    out: list[tuple[int, int, str]] = []
    if text.isascii():
        return out
    pos = 0
    for line in text.splitlines(keepends=True):
        if line.isascii():
            pos += len(line)
            continue
        found: list[tuple[int, int, str]] = []
        if is_bad(line):
            fixed = ftfy.fix_encoding(line)
            if fixed != line:
                sm = difflib.SequenceMatcher(None, line, fixed, autojunk=False)
                groups: list[list[int]] = []
                for tag, i1, i2, _j1, _j2 in sm.get_opcodes():
                    if tag == "equal":
                        continue
                    s, e = _widen(line, i1, max(i2, i1 + 1) if i1 < len(line) else i2)
                    if groups and s <= groups[-1][1]:
                        groups[-1][1] = max(groups[-1][1], e)
                    else:
                        groups.append([s, e])
                for s, e in groups:
                    seg = line[s:e]
                    seg_fixed = ftfy.fix_encoding(seg)
                    if seg_fixed != seg:
                        found.append((s, e, seg_fixed))
        # a token of never-garbling characters only is no round trip's (round_trip is None): skipped
        for ts, te in _non_ascii_tokens(line, _DIRTY_MARK):
            if any(s < te and ts < e for s, e, _ in found):
                continue
            repaired = round_trip(line[ts:te])
            if repaired is not None:
                found.append((ts, te, repaired))
        out.extend((pos + s, pos + e, f) for s, e, f in sorted(found))
        pos += len(line)
    return out


def _uncovered_runs(text: str, covered: list[tuple[int, int]]) -> Iterator[re.Match]:
    """``m for m in _CONTROL_RE.finditer(text) if not any(s <= m.start() < e for s, e in covered)``, jumping
    over the covered spans instead of visiting each run inside them (a UTF-16 stretch is one run per
    character). A match of :data:`_CONTROL_RE` is a maximal run of control characters, so after the runs
    that start in a covered span the next match is the first run that starts after its end; a search
    from that end that matches right there, after a control character, found the tail of a run that
    started inside the span, which is skipped too."""
    spans = sorted(covered)
    starts = [s for s, _e in spans]
    reach = list(accumulate((e for _s, e in spans), max))  # the furthest end of the spans so far
    search = _CONTROL_RE.search
    pos = 0
    while True:
        m = search(text, pos)
        if m is None:
            return
        st = m.start()
        i = bisect_right(starts, st) - 1
        if i < 0 or reach[i] <= st:
            yield m
            pos = m.end()
            continue
        pos = m.end()
        end = reach[i]
        if pos < end:
            pos = end
            tail = search(text, end)
            if tail is not None and tail.start() == end and _CONTROL_RE.match(text, end - 1):
                pos = tail.end()  # (the run holding the span's last character goes on past it)


_TAG_PARTS = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)([^<>]*)>", re.DOTALL)


_CLOSER = re.compile(r"</([A-Za-z][A-Za-z0-9]*)")


def _is_markup(tag: str, closed: set[str]) -> bool:
    """Is a tag-shaped match markup? Comments, closing tags, tags with attributes (``=``) or self-closing
    ones are. A bare ``<NAME>`` or ``<Name words>`` without ``=`` is markup only when written in lower case
    with nothing after the name, or when the document also closes it: wire services put ticker symbols and
    company names in angle brackets ("USAir Group <U>", "<B and R International Inc.>")."""
    m = _TAG_PARTS.fullmatch(tag)
    if m is None:  # a comment
        return True
    closing, name, rest = m.groups()
    if closing or "=" in rest or rest.rstrip().endswith("/"):
        return True
    if rest.strip():
        return False
    return name.islower() or name.lower() in closed


#: Code the text quotes, where markup is what the text is about: a line typed at an interactive prompt (``>>> ``,
#: ``In [3]: ``, ``$ `` before a command), a fenced block (between two lines that start with three backticks), inline
#: code between backticks on one line, and a line holding a template directive (``[% END %]``, ``{% if x %}``,
#: ``<% end %>``, ``<?php echo $x; ?>``): a template's markup quoted in a forum post or a tutorial whose code block
#: lost its frame.
_CODE_SAMPLE = re.compile(
    r"^[ \t]*(?:>>>[ \t]|In \[\d+\]:[ \t]|\$[ \t]+(?=[a-z./~]))[^\n]*|^[ \t]*```(?s:.*?)^[ \t]*```[^\n]*|`[^`\n]+`"
    r"|^[^\n]*?(?:\[%[^\n]*?%\]|\{%[^\n]*?%\}|<%[^\n]*?%>|<\?php\b)[^\n]*",
    re.MULTILINE,
)


def _code_samples(text: str) -> list[tuple[int, int]]:
    if not any(k in text for k in (">>>", "`", "In [", "$", "%]", "%}", "%>", "<?php")):
        return []
    return [m.span() for m in _CODE_SAMPLE.finditer(text)]


#: A bare tag named as a word of the sentence: "the <title> tag", "from <meta> tags", "la balise <title>",
#: "das Element <div>": what the text is about (documentation, a tutorial), not markup left in it.
_NAMED_AFTER = re.compile(r"[ \t]+(?:tags?|elements?|attributes?|Tags?|Elemente?|balises?|etiquetas?)\b")
_NAMED_BEFORE = re.compile(
    r"\b(?:tags?|elements?|Tags?|Elemente?|balises?|élément|elemento|etiquetas?)[ \t]+\Z", re.IGNORECASE
)


def _named_tag(text: str, start: int, end: int) -> bool:
    """Is the bare tag ``text[start:end]`` (``<name>``, no attribute, not closing) named in prose?"""
    if not text[start + 1 : end - 1].isalnum():
        return False
    if _NAMED_AFTER.match(text, end):
        return True
    return _NAMED_BEFORE.search(text, max(0, start - 12), start) is not None


def html_residue(text: str) -> list[tuple[int, int, str]]:
    tags = list(_TAG_RE.finditer(text)) if "<" in text else []
    closed = {n.lower() for n in _CLOSER.findall(text)} if tags else set()
    out = [
        (m.start(), m.end(), "tag")
        for m in tags
        if _is_markup(m.group(0), closed) and not _named_tag(text, m.start(), m.end())
    ]
    for m in _ENTITY_RE.finditer(text):
        ent = m.group(0)
        if ent.startswith("&#") or ent[1:] in html5:
            out.append((m.start(), m.end(), "entity"))
    out.extend((s, e, "entity") for s, e in bare_entities(text))
    if out:
        code = _code_samples(text)
        if code:
            # markup inside quoted code ("html.fromstring('<html><body>...')") is the sample's content, not residue
            starts = [s for s, _ in code]
            out = [r for r in out if (i := bisect_right(starts, r[0]) - 1) < 0 or r[1] > code[i][1]]
    return sorted(out)


@dataclass(frozen=True)
class EncodingConfig:
    #: Report HTML tags (entities are always reported).
    html_tags: bool = True


class EncodingCheck(DocumentCheck):
    rules = (ART040, ART041, ART042, ART043)
    section = "encoding"
    config_class = EncodingConfig
    order = 60

    def check(self, ctx: DocContext) -> Iterable[Finding]:
        text = ctx.text
        out: list[Finding] = []
        covered: list[tuple[int, int]] = []
        for s, e in utf16_spans(text):
            covered.append((s, e))
            out.append(
                ART040.finding(
                    (s, e),
                    f"UTF-16 text read one byte at a time ({e - s} characters, every other "
                    "one NUL): decode it as UTF-16",
                    data={"kind": "utf-16", "fix": "utf-16"},
                )
            )
        for s, e, fixed in mojibake_spans(text):
            if any(cs <= s < ce for cs, ce in covered):
                continue
            covered.append((s, e))
            out.append(
                ART040.finding(
                    (s, e),
                    f"mojibake {text[s:e]!r}; ftfy repairs it to {fixed!r}",
                    data={"text": text[s:e], "fix": fixed},
                )
            )
        for m in _FFFD_RE.finditer(text) if "\ufffd" in text else ():
            out.append(
                ART041.finding(
                    m.span(),
                    f"{len(m.group(0))} U+FFFD replacement character(s) near "
                    f"{text[max(0, m.start() - 20) : m.end() + 20]!r}: bytes lost in decoding",
                    data={"count": len(m.group(0))},
                )
            )
        runs: list[list] = []  # control runs closer than 40 characters make one finding
        for m in _uncovered_runs(text, covered) if _has_control(text) else ():
            if runs and m.start() - runs[-1][1] <= 40:
                runs[-1][1] = m.end()
                runs[-1][2] += m.group(0)
            else:
                runs.append([m.start(), m.end(), m.group(0)])
        for s, e, chars in runs:
            codes = ", ".join(f"U+{ord(c):04X}" for c in dict.fromkeys(chars))
            out.append(
                ART042.finding(
                    (s, e),
                    f"control character(s) {codes} in the text",
                    data={"codepoints": sorted({ord(c) for c in chars}), "count": len(chars)},
                )
            )
        invisible = not text.isascii() and any(c in text for c in _INVISIBLE_CHARS)
        for m in _INVISIBLE_RE.finditer(text) if invisible else ():
            if m.start() == 0 and m.group(0) == "\ufeff":
                continue  # a leading byte-order mark is an encoding signature, not damage
            codes = ", ".join(f"U+{ord(c):04X}" for c in dict.fromkeys(m.group(0)))
            out.append(
                ART042.finding(
                    m.span(),
                    f"invisible formatting character(s) {codes} inside the text",
                    data={"codepoints": [ord(c) for c in m.group(0)]},
                    severity=Severity.INFO,
                )
            )
        for s, e, kind in html_residue(text):
            if kind == "tag" and not self.config.html_tags:
                continue
            # an entity left escaped ("AT&amp;T") is residue to unescape, as a tag is to strip: the document goes to
            # review, never dropped for it (held-out Wikipedia: 22 of 91 articles were dropped for 1-8 entities)
            out.append(
                ART043.finding(
                    (s, e), f"leftover HTML {kind} {text[s:e][:60]!r}", data={"kind": kind}, severity=Severity.WARNING
                )
            )
        return out
