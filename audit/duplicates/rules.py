"""The duplicates family's rules (DUP001-DUP004)."""

from __future__ import annotations

from audit.model import Category, Severity
from audit.rules import Rule

DUP001 = Rule(
    id="DUP001",
    name="exact-duplicate-document",
    category=Category.DUPLICATE,
    severity=Severity.ERROR,
    description="Document is identical to an earlier one after case, whitespace, punctuation and quote/dash "
    "normalisation.",
    flags=(
        "'The vote is on Tuesday.' after 'the  vote is on “Tuesday”.'",
        "'Record March 31 .' after 'Record March 31'",
    ),
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
    severity=Severity.WARNING,
    description="Passage repeats another passage (same or other document) after case, whitespace and quote normalisation.",
    flags=(
        "A paragraph scraped twice into the same page.",
        "A paragraph pasted verbatim into another article (both articles carry the finding).",
    ),
    not_flags=(
        "Short repeated lines such as 'Advertisement' (below the passage minimum).",
        "A menu or footer on three or more pages of one site (a page template).",
        "A short quotation in quotation marks shared by two articles (reported as info).",
    ),
)
DUP004 = Rule(
    id="DUP004",
    name="near-duplicate-passage",
    category=Category.DUPLICATE,
    severity=Severity.WARNING,
    description="Passage is a copy of another passage with small edits (verified with rapidfuzz).",
    flags=(
        "A headline and blurb repeated in one page with one word changed.",
        "A paragraph pasted with small edits into another article, or merged into a longer paragraph.",
    ),
    not_flags=(
        "Two paragraphs on the same topic written independently.",
        "One sentence of a daily report in two other stories with that day's figures ('three' / 'seven' grain "
        "ships, 'averaged 6.21 pct on Monday' / '6.09 pct on Friday'): DUP005.",
    ),
)
DUP005 = Rule(
    id="DUP005",
    name="same-template-different-facts",
    category=Category.DUPLICATE,
    severity=Severity.INFO,
    description="Document or passage follows another's template but reports different figures or names a "
    "different subject: not a copy; the differing facts are listed side by side.",
    flags=(
        "Two wire stories 'deficit forecast at 350 mln stg' / 'at 800 mln stg', the rest of the wording equal.",
        "A daily market report with that day's figures on yesterday's wording.",
        "Another company's contract on the same wording ('Pride Refining Co ... is being awarded' / 'Puerto Rico "
        "Sun Oil Co is being awarded').",
    ),
    not_flags=(
        "A republished copy that keeps the original's figures (a near copy, DUP002).",
        "The same story updated with a new figure or paragraph, about the same company (DUP002).",
        "Two stories on one topic written independently.",
    ),
)
DUP006 = Rule(
    id="DUP006",
    name="altered-copy",
    category=Category.DUPLICATE,
    severity=Severity.INFO,
    description="A copy differs from the copy it duplicates in a fact (figure, date, name) or carries inserted "
    "words; both spans are given.",
    flags=(
        "The kept copy says 22%, this copy says 27%, the rest identical.",
        "A headline and blurb repeated with one word changed.",
    ),
    not_flags=(
        "A republished copy whose only changes are a new headline, byline and footer.",
        "Copies that differ only in punctuation, case or white space.",
    ),
)
