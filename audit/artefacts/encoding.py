"""Encoding damage: mojibake (detected and fixed by ftfy), U+FFFD, control characters,
leftover HTML tags and entities.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from html.entities import html5
from typing import Iterable

import ftfy
import ftfy.badness

from audit.model import Category, Finding, Severity
from audit.rules import DocContext, DocumentCheck, Rule

ART040 = Rule(
    id="ART040",
    name="mojibake",
    category=Category.ARTEFACT,
    severity=Severity.ERROR,
    description="Mojibake (UTF-8 decoded with the wrong codec); ftfy confirms it and the message proposes the fix.",
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
    description="Leftover HTML: tags (warning) and character entities such as `&nbsp;` or `&#8217;` (error).",
    flags=("Read the <a href=\"/x\">report</a>", "Tom&nbsp;Ammiano", "the president&#8217;s order", "<br/>"),
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
_INVISIBLE_RE = re.compile(r"[\u200b\u2060\ufeff]+")


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end


#: A UTF-8 lead byte decoded as Latin-1/cp1252 followed by a continuation byte so decoded: the
#: signature of the commonest mojibake. Lines without it (or C1 controls) skip ftfy's slower test.
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


def mojibake_spans(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, fixed)`` for each word ftfy repairs; only lines ftfy judges bad are examined."""
    out: list[tuple[int, int, str]] = []
    if not _MOJIBAKE_HINT.search(text):
        return out
    pos = 0
    for line in text.splitlines(keepends=True):
        if _MOJIBAKE_HINT.search(line) and ftfy.badness.is_bad(line):
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
                        out.append((pos + s, pos + e, seg_fixed))
        pos += len(line)
    return out


def html_residue(text: str) -> list[tuple[int, int, str]]:
    out = [(m.start(), m.end(), "tag") for m in _TAG_RE.finditer(text)]
    for m in _ENTITY_RE.finditer(text):
        ent = m.group(0)
        if ent.startswith("&#") or ent[1:] in html5:
            out.append((m.start(), m.end(), "entity"))
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
        for s, e, fixed in mojibake_spans(text):
            covered.append((s, e))
            out.append(ART040.finding((s, e), f"mojibake {text[s:e]!r}; ftfy repairs it to {fixed!r}",
                                      data={"text": text[s:e], "fix": fixed}))
        for m in _FFFD_RE.finditer(text):
            out.append(ART041.finding(m.span(), f"{len(m.group(0))} U+FFFD replacement character(s) near "
                                      f"{text[max(0, m.start() - 20):m.end() + 20]!r}: bytes lost in decoding",
                                      data={"count": len(m.group(0))}))
        for m in _CONTROL_RE.finditer(text):
            if any(s <= m.start() < e for s, e in covered):
                continue
            codes = ", ".join(f"U+{ord(c):04X}" for c in dict.fromkeys(m.group(0)))
            out.append(ART042.finding(m.span(), f"control character(s) {codes} in the text",
                                      data={"codepoints": [ord(c) for c in m.group(0)]}))
        for m in _INVISIBLE_RE.finditer(text):
            if m.start() == 0 and m.group(0) == "\ufeff":
                continue  # a leading byte-order mark is an encoding signature, not damage
            codes = ", ".join(f"U+{ord(c):04X}" for c in dict.fromkeys(m.group(0)))
            out.append(ART042.finding(m.span(), f"invisible formatting character(s) {codes} inside the text",
                                      data={"codepoints": [ord(c) for c in m.group(0)]}, severity=Severity.INFO))
        for s, e, kind in html_residue(text):
            if kind == "tag" and not self.config.html_tags:
                continue
            sev = Severity.ERROR if kind == "entity" else Severity.WARNING
            out.append(ART043.finding((s, e), f"leftover HTML {kind} {text[s:e][:60]!r}",
                                      data={"kind": kind}, severity=sev))
        return out
