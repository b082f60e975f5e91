"""Scraping artefacts: damage that extraction, templates and spam leave in text.

Pure helpers first, then one small check class per rule group.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from audit.artefacts.common import DENSE_RE
from audit.model import Category, Finding, Severity
from audit.rules import DocContext, DocumentCheck, Rule

ART001 = Rule(
    id="ART001",
    name="empty-document",
    category=Category.ARTEFACT,
    severity=Severity.ERROR,
    description="Document is empty or nearly empty (fewer than `min_words` words).",
    flags=("", "   \n  ", "Read more"),
    not_flags=("The council approved the budget on Tuesday after a two-hour debate.",),
)


def word_count(text: str) -> int:
    """Whitespace-separated tokens with at least one letter or digit (each character of a script written
    without spaces counts as one)."""
    n = 0
    for tok in text.split():
        # ``tok.isalnum()`` settles most tokens in one C call; the rest have punctuation.
        if tok.isalnum() or any(ch.isalnum() for ch in tok):
            # Scripts without spaces (Chinese, Japanese, Thai...): each character is a word.
            n += 1 if tok.isascii() else max(1, len(DENSE_RE.findall(tok)))
    return n


@dataclass(frozen=True)
class EmptyConfig:
    #: Documents with fewer words than this are flagged.
    min_words: int = 5


class EmptyDocumentCheck(DocumentCheck):
    rules = (ART001,)
    section = "empty"
    config_class = EmptyConfig

    def check(self, ctx: DocContext) -> Iterable[Finding]:
        # Words never cross whitespace, so the first tokens alone settle a document that is long enough.
        head = ctx.text.split(None, 2 * self.config.min_words)
        if len(head) > 2 * self.config.min_words and word_count(" ".join(head[:-1])) >= self.config.min_words:
            return ()
        words = word_count(ctx.text)
        if words >= self.config.min_words:
            return ()
        what = "empty" if not ctx.text.strip() else f"nearly empty ({words} word{'s' if words != 1 else ''})"
        return (
            ART001.finding(
                (0, len(ctx.text)),
                f"document is {what}; at least {self.config.min_words} words expected",
                data={"words": words, "chars": len(ctx.text)},
            ),
        )
