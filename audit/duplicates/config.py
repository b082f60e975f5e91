"""``[duplicates]`` configuration and the keep-policy helpers."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from audit import minhash

KEEP_POLICIES = ("first", "longest", "earliest", "source_priority")


@dataclass(frozen=True)
class DuplicatesConfig:
    """``[duplicates]``: every threshold, with the value chosen by measurement (docs/duplicates.md)."""

    #: Documents shorter than this (normalised characters) are not clustered at all.
    min_chars: int = 1
    #: Which copy of a cluster is kept: first | longest | earliest | source_priority.
    keep: str = "first"
    #: Sources in order of preference for keep = "source_priority" (others rank after, first seen wins).
    source_priority: tuple[str, ...] = ()
    #: Metadata field with the publication date for keep = "earliest" (default: settings' date_field, else "date").
    date_field: str = ""
    # -- near-duplicate documents (DUP002)
    #: Words per shingle.
    shingle_size: int = 5
    #: MinHash signature length; bands x rows must equal it.
    num_perm: int = 120
    bands: int = 60
    rows: int = 2
    seed: int = 1
    #: Documents with fewer words are only compared exactly.
    min_words: int = 30
    #: Candidates whose estimated Jaccard similarity is below this are not verified.
    min_estimate: float = 0.15
    #: Equal word runs shorter than this do not count as copied text.
    min_run: int = 6
    #: A pair is a near duplicate when this share of both texts' words lies in shared runs ...
    doc_similarity: float = 0.55
    #: ... or when this share of the shorter text does (a shortened copy) ...
    doc_containment: float = 0.8
    #: ... and the shared runs also cover this share of the longer text.
    doc_min_other_coverage: float = 0.3
    #: LSH buckets with more items than this are skipped (boilerplate-only signatures).
    max_bucket: int = 1000
    #: Document candidate search: "numpy" (banding over the signature matrix, default) or
    #: "datasketch" (the same bands x rows in datasketch's MinHashLSH; slower, same clusters).
    lsh: str = "numpy"
    # -- evidence
    #: Clusters with more members than this are marked suspicious (data.suspicious) for a look ...
    suspicious_cluster_size: int = 50
    #: ... and so are document clusters with a member below this verified similarity to the kept copy.
    suspicious_similarity: float = 0.6
    # -- facts (DUP005, DUP006)
    #: Two near copies that each carry at least this many figures ...
    template_min_figures: int = 3
    #: ... and share less than this share of them are one template with different facts (DUP005),
    #: not copies; otherwise their differing facts and inserted words are alterations (DUP006).
    template_max_fact_share: float = 0.5
    #: Alterations reported per copy at most.
    max_alterations: int = 10
    # -- passages (DUP003, DUP004)
    passages: bool = True
    #: Passages with fewer words are not indexed (they can still extend a matched region).
    passage_min_words: int = 20
    #: Blocks longer than this many words (documents without blank-line paragraphs, such as
    #: hard-wrapped wire stories) are cut at indented paragraph starts, then into windows of whole
    #: sentences of about half this size; 0 keeps every block whole.
    passage_window_words: int = 120
    passage_shingle_size: int = 4
    #: Passage signatures: one-row bands, so a passage merged into a longer one (Jaccard 0.15-0.3)
    #: is still a candidate.
    passage_num_perm: int = 24
    passage_bands: int = 24
    passage_rows: int = 1
    #: (3 of 24 values equal)
    passage_min_estimate: float = 0.125
    #: rapidfuzz ratio (0-1, normalised text) from which two passages are copies.
    passage_similarity: float = 0.85
    #: Otherwise: share of the shorter passage's words in shared runs (>= min_run words) from which
    #: part of it counts as copied into the other ...
    passage_containment: float = 0.5
    #: ... when those runs hold at least this many words.
    passage_min_copied_words: int = 15
    #: A passage found in more documents than this is boilerplate, not a copy; it is not reported.
    passage_max_copies: int = 50
    #: Work cap for one group of passages that verified pairs join together: at most this many
    #: verifications per passage of the group when cutting it into clusters (keeps many documents
    #: sharing many sentences near-linear). A group that hits it is counted in the report's
    #: duplicates.passage_groups_capped; 0: no cap.
    passage_group_work: int = 8
    #: A passage found on this many different pages of one source is that source's page template
    #: (menu, footer, sign-up box), not a copy. The source is the record's source field, else its URL's
    #: host; a folder name is not a source for this decision. 0 never treats a passage as a template.
    template_min_pages: int = 3
    #: A copied passage inside quotation marks with at most this many words is a quotation (info), not
    #: pasted prose (warning).
    quote_max_words: int = 60

    def __post_init__(self) -> None:
        if self.lsh not in ("numpy", "datasketch"):
            raise ValueError(f"lsh must be numpy or datasketch, not {self.lsh!r}")
        if self.keep not in KEEP_POLICIES:
            raise ValueError(f"keep must be one of {', '.join(KEEP_POLICIES)}, not {self.keep!r}")
        self.doc_params()  # validates bands x rows
        self.passage_params()
        for name in (
            "doc_similarity",
            "doc_containment",
            "doc_min_other_coverage",
            "min_estimate",
            "passage_min_estimate",
            "passage_similarity",
            "passage_containment",
            "template_max_fact_share",
            "suspicious_similarity",
        ):
            v = getattr(self, name)
            if not 0.0 <= v <= 1.0:
                raise ValueError(f"{name} must be between 0 and 1, not {v!r}")

    def doc_params(self) -> minhash.MinHashParams:
        return minhash.MinHashParams(self.shingle_size, self.num_perm, self.bands, self.rows, self.seed)

    def passage_params(self) -> minhash.MinHashParams:
        return minhash.MinHashParams(
            self.passage_shingle_size, self.passage_num_perm, self.passage_bands, self.passage_rows, self.seed
        )


def parse_date(value: Any) -> float:
    """A sortable timestamp from a metadata value (ISO date/datetime or epoch number); NaN if unknown."""
    if value is None or value == "":
        return math.nan
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, date):
        dt = datetime(value.year, value.month, value.day)
    else:
        try:
            dt = datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
        except ValueError:
            return math.nan
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.timestamp()
