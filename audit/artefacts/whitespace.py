"""Missing whitespace: words glued across punctuation or across a lost space."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from audit.model import Category, Finding, Severity
from audit.rules import DocContext, DocumentCheck, Rule
from audit.segment import ABBREVIATIONS

ART030 = Rule(
    id="ART030",
    name="missing-space-after-punctuation",
    category=Category.ARTEFACT,
    severity=Severity.WARNING,
    description="Two words glued across punctuation without the space that should follow it "
    "(\"Los Angeles,renowned\", \"enforcement.Officials\").",
    flags=("Los Angeles,renowned for its fabric", "schools,healthcare facilities,and places",
           "law enforcement.Officials said", "she said.“We will"),
    not_flags=("10,000 agents", "3.5 percent", "the U.S. Department", "e.g. schools", "Ph.D. student",
               "see https://example.com/a,b", "mail info@example.org", "visit example.com today",
               "x,y coordinates", "Node.js and config.yaml", "J.R.R. Tolkien"),
)

ART031 = Rule(
    id="ART031",
    name="glued-words",
    category=Category.ARTEFACT,
    severity=Severity.WARNING,
    description="A lower-case word glued to a capitalised word after a lost space (\"deportationsThe\", "
    "\"councilMayor\"); names and identifiers that recur in the document are left alone.",
    flags=("to stop the deportationsThe mayor said", "las deportacionesLos alcaldes"),
    not_flags=("iPhone and YouTube", "McDonald's and DeSantis", "JavaScript, PowerPoint"),
)

_GLUE = re.compile(r"(?<=[^\W\d_]{2})([,;:?]|\.)(?=[^\W\d_]{2})")
_QUOTE_GLUE = re.compile(
    r"(?<=[^\W\d_][.,!?])”(?=[^\W\d_]{2})|(?<=[^\W\d_][.,!?])“(?=[^\W\d_])|(?<=[^\W\d_]{2})“(?=[^\W\d_])"
)
_TLDS = frozenset(
    "com org net gov edu mil int io co uk us es mx ar cl pe fr de it pt br ca au info biz news tv me ly gl be nl ch "
    "at se no dk fi pl ru cn jp in ai app dev html htm php asp aspx js py json xml csv pdf txt md yaml yml doc docx "
    "xls xlsx png jpg jpeg gif svg mp3 mp4 exe zip gz".split()
)
_OPENERS = (
    "The|This|That|These|Those|In|On|At|He|She|It|They|We|But|And|His|Her|Its|Their|However|Meanwhile|"
    "El|La|Los|Las|En|Un|Una|Por|Para|Pero|Este|Esta|Según|Le|Les|Der|Die|Das|Il|Lo|Gli|Os|As|Em"
)
_CAMEL = re.compile(rf"(?<![\w’'@#/.-])([a-zà-öø-ÿ]{{3,}})({_OPENERS}|[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{{2,}})(?![\w’'@/-])")


#: Two capitalised words glued together ("SupremeCourt"); only reported when both halves occur
#: on their own elsewhere in the document, which brand names ("PowerPoint", "BlackRock") rarely do.
_PASCAL = re.compile(r"(?<![\w’'@#/.-])([A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{3,})([A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{3,})(?![\w’'@/-])")


#: Lower-camel brand names that are spelled this way on purpose.
_CAMEL_BRANDS = frozenset("easyjet easyhotel easycar wikihow freecodecamp ebookers".split())


def find_camel(text: str) -> list[tuple[int, int, str, str]]:
    """``(start, end, left, right)`` for lowercase words glued to a capitalised word ("deportationsThe").

    A form that occurs more than once in the document is a name or identifier used on purpose.
    """
    out = []
    for m in _CAMEL.finditer(text):
        token = m.group(0)
        if text.count(token) > 1 or token.lower() in _CAMEL_BRANDS:
            continue
        out.append((m.start(), m.end(), m.group(1), m.group(2)))
    vocab = None
    for m in _PASCAL.finditer(text):
        token = m.group(0)
        if text.count(token) > 1:
            continue
        if vocab is None:
            vocab = {w.lower() for w in re.findall(r"[^\W\d_]+", text)}
        left, right = m.group(1), m.group(2)
        if left.lower() in vocab and right.lower() in vocab:  # both halves are words of this document
            out.append((m.start(), m.end(), left, right))
    return sorted(out)


def _skip_token(tok: str) -> bool:
    low = tok.lower()
    return (
        "://" in tok or "@" in tok or low.startswith("www.") or "/" in tok or "\\" in tok or "=" in tok
        or "_" in tok or "#" in tok or "&" in tok or "{" in tok or "<" in tok or "`" in tok or "()" in tok
    )


_CANDIDATE = re.compile(r"[^\W\d_]{2}(?:[,;:?.]|[.,!?]”|[.,!?]?“)[^\W\d_]")


def _token_at(text: str, pos: int) -> tuple[int, int]:
    s = pos
    while s > 0 and not text[s - 1].isspace():
        s -= 1
    e = pos
    n = len(text)
    while e < n and not text[e].isspace():
        e += 1
    return s, e


def find_glued(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, glue)`` spans of ``word<punct>word`` tokens that lost a space."""
    out = []
    done = -1
    for cm in _CANDIDATE.finditer(text):
        ts, te = _token_at(text, cm.start() + 2)
        if ts <= done:
            continue
        done = ts
        tok = text[ts:te]
        if len(tok) < 5 or _skip_token(tok):
            continue
        for m in _GLUE.finditer(tok):
            p = m.group(1)
            left = re.search(r"[^\W\d_]+$", tok[: m.start()]).group(0)
            right = re.match(r"[^\W\d_]+", tok[m.end() :]).group(0)
            if p == ".":
                if right.lower() in _TLDS or not (right[0].isupper() and right[1:].islower()):
                    continue
                if left.lower() in ABBREVIATIONS or not left[1:].islower() or len(left) + len(right) < 6:
                    continue
            elif p == ":":
                if not left.islower() or left.lower() in ("http", "https", "mailto", "ftp", "tel", "urn"):
                    continue
            elif p == "?":
                if not (right[0].isupper() and right[1:].islower()):
                    continue
            elif not (left.isalpha() and right.isalpha()):
                continue
            out.append((ts + m.start() - len(left), ts + m.end() + len(right), p))
        for m in _QUOTE_GLUE.finditer(tok):
            out.append((ts + max(0, m.start() - 3), ts + min(len(tok), m.end() + 3), m.group(0)))
    return out


@dataclass(frozen=True)
class WhitespaceConfig:
    #: Report sentence openers glued to the previous word (ART031).
    glued_words: bool = True


class MissingWhitespaceCheck(DocumentCheck):
    rules = (ART030, ART031)
    section = "whitespace"
    config_class = WhitespaceConfig
    order = 60

    def check(self, ctx: DocContext) -> Iterable[Finding]:
        text = ctx.text
        out = []
        for s, e, glue in find_glued(text):
            out.append(ART030.finding((s, e), f"missing space after {glue!r} in {text[s:e]!r}",
                                      data={"punctuation": glue, "text": text[s:e]}))
        if self.config.glued_words:
            for s, e, left, right in find_camel(text):
                out.append(ART031.finding((s, e), f"words glued after a lost space: {text[s:e]!r} (→ {left} {right})",
                                          data={"text": text[s:e]}))
        return out
