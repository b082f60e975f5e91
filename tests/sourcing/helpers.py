"""What the sourcing tests share."""

from __future__ import annotations

from audit.model import Document
from audit.rules import DocContext
from audit.sourcing import SourcingCheck


def src001(text: str) -> list:
    """The SRC001 findings of one document made of ``text``."""
    ctx = DocContext(Document("d", text, "d"), 0)
    return [f for f in SourcingCheck().check(ctx) if f.rule == "SRC001"]
