"""The duplicates family's rules (DUP001-DUP004)."""

from __future__ import annotations

from audit.model import Category, Severity
from audit.rules import Rule

DUP001 = Rule(
    id="DUP001",
    name="exact-duplicate-document",
    category=Category.DUPLICATE,
    severity=Severity.ERROR,
    description="Document is identical to an earlier one after case, whitespace and quote/dash normalisation.",
    flags=("'The vote is on Tuesday.' after 'the  vote is on “Tuesday”.'",),
    not_flags=("Two articles that share a headline but not their bodies.",),
)
DUP002 = Rule(
    id="DUP002",
    name="near-duplicate-document",
    category=Category.DUPLICATE,
    severity=Severity.WARNING,
    description="Document is a near copy of another (verified word alignment): a republished or shortened copy.",
    flags=(
        "A wire story republished with a new headline, byline and footer, a paragraph dropped, a few words changed.",
        "The first half of an article published on its own.",
    ),
    not_flags=(
        "Two different articles from one site that share only navigation and footer boilerplate.",
        "Two different articles that quote the same statement.",
    ),
)
DUP003 = Rule(
    id="DUP003",
    name="exact-duplicate-passage",
    category=Category.DUPLICATE,
    severity=Severity.INFO,
    description="Passage repeats another passage (same or other document) after case, whitespace and quote normalisation.",
    flags=("A paragraph scraped twice into the same page (warning).", "A paragraph pasted verbatim into another article."),
    not_flags=("Short repeated lines such as 'Advertisement' (below the passage minimum).",),
)
DUP004 = Rule(
    id="DUP004",
    name="near-duplicate-passage",
    category=Category.DUPLICATE,
    severity=Severity.INFO,
    description="Passage is a copy of another passage with small edits (verified with rapidfuzz).",
    flags=("A headline and blurb repeated in one page with one word changed (warning).",),
    not_flags=("Two paragraphs on the same topic written independently.",),
)
