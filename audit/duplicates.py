"""Duplicates: exact and near-duplicate documents and passages.

Pure helpers first, then the check classes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from audit.model import Category, Cluster, Finding, Location, Related, Severity
from audit.normalize import content_hash
from audit.rules import CorpusCheck, CorpusResult, DocContext, Rule

DUP001 = Rule(
    id="DUP001",
    name="exact-duplicate-document",
    category=Category.DUPLICATE,
    severity=Severity.ERROR,
    description="Document is identical to an earlier one after case, whitespace and quote/dash normalisation.",
    flags=("'The vote is on Tuesday.' after 'the  vote is on “Tuesday”.'",),
    not_flags=("Two articles that share a headline but not their bodies.",),
)


@dataclass(frozen=True)
class ExactConfig:
    #: Documents with fewer normalised characters than this are not clustered (empty ones are ART001's).
    min_chars: int = 1


class ExactDocumentCheck(CorpusCheck):
    rules = (DUP001,)
    section = "exact"
    config_class = ExactConfig

    def __init__(self, config=None, settings=None) -> None:
        super().__init__(config, settings)
        self._first: dict[bytes, int] = {}
        self._groups: dict[int, list[int]] = {}
        self._lengths: dict[int, int] = {}

    def observe(self, ctx: DocContext) -> Iterable[Finding]:
        if len(ctx.text.strip()) < self.config.min_chars:
            return ()
        key = content_hash(ctx.text)
        first = self._first.setdefault(key, ctx.ordinal)
        self._lengths[ctx.ordinal] = len(ctx.text)
        if first != ctx.ordinal:
            self._groups.setdefault(first, [first]).append(ctx.ordinal)
        return ()

    def finish(self, text_of, ids: list[str]) -> CorpusResult:
        result = CorpusResult()
        for n, (kept, members) in enumerate(sorted(self._groups.items()), start=1):
            kept_loc = Location(ids[kept], 0, self._lengths[kept])
            result.clusters.append(
                Cluster(
                    id=f"exact-doc-{n}",
                    kind="exact",
                    level="document",
                    members=[Location(ids[m], 0, self._lengths[m]) for m in members],
                    similarity_min=1.0,
                    kept=kept_loc,
                )
            )
            for m in members[1:]:
                result.add(
                    m,
                    DUP001.finding(
                        (0, self._lengths[m]),
                        f"exact duplicate of {ids[kept]} (identical after normalisation)",
                        related=[Related(ids[kept], 0, self._lengths[kept], 1.0)],
                        data={"cluster": f"exact-doc-{n}", "kept": ids[kept]},
                    ),
                )
        return result
