"""What both engines share: building the checks of a run, what the document checks found about one
document (:class:`DocOutcome`), and grouping reader events into shards."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

from audit import windows
from audit.collector import GC_YOUNG, tune_collector, tuned_collector  # noqa: F401 (re-exported)
from audit.config import Config
from audit.model import Document, Finding
from audit.policy import Policy
from audit.rules import DocContext, check_classes


def build_checks(config: Config, policy: Policy | frozenset[str], extra: Iterable[Any] = ()) -> list[Any]:
    """Instantiate every check that has at least one enabled rule (``policy`` or a set of rule ids)."""
    settings = config.settings()
    wanted = policy.enabled if isinstance(policy, Policy) else policy
    classes = check_classes(select=sorted(wanted)) if wanted else check_classes()
    selected = [cls for cls in classes if {r.id for r in cls.rules} & wanted]
    needed = frozenset().union(*(cls.uses for cls in selected), *(getattr(c, "uses", ()) for c in extra))
    checks = []
    for cls in classes:
        enabled = {r.id for r in cls.rules} & wanted
        if not enabled and not cls.provides & needed:
            continue
        section = config.section(cls.section, cls.config_class) if cls.section and cls.config_class else None
        check = cls(section, settings)
        check.enabled = frozenset(enabled)  # empty for an annotator run only for what it provides
        checks.append(check)
    checks.extend(extra)
    return checks


@dataclass
class DocOutcome:
    """What the document checks found about one document, and what they annotated."""

    findings: list[Finding]
    language: str = "und"
    languages: dict[str, float] = field(default_factory=dict)
    passage_languages: list[Any] = field(default_factory=list)
    annotations: dict[str, Any] = field(default_factory=dict)
    stats: dict[str, Any] = field(default_factory=dict)
    #: The context's outlet; ``False`` when nobody needed it (it stays lazy).
    outlet: str | None | bool = False
    #: Parts of the text layer the corpus checks read (``CorpusCheck.layer_needs``), computed with the
    #: document checks: in a worker process when the document stage runs in parallel.
    layer: dict[str, Any] = field(default_factory=dict)
    #: What the corpus checks' ``prepare`` gave (computed in a worker process), by ``prepare_key``.
    prepared: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def compute(
        cls,
        ctx: DocContext,
        doc_checks: list[Any],
        layer_needs: tuple[str, ...] = (),
        source_field: str = "source",
        preparers: tuple[Any, ...] = (),
    ) -> DocOutcome:
        if windows.is_huge(ctx.text):
            return cls._windowed(ctx, doc_checks, layer_needs, source_field, preparers)
        found: list[Finding] = []
        for check in doc_checks:
            found.extend(f for f in check.check(ctx) if check.wants(f.rule))
        if ctx.record_source(source_field) is None:
            ctx.outlet  # noqa: B018  (the report's source needs it: computed here, in the worker)
        layer = {name: getattr(ctx.layer, name) for name in layer_needs}
        prepared = {c.prepare_key: c.prepare(ctx) for c in preparers}
        return cls(
            found,
            ctx.language,
            ctx.languages,
            ctx.passage_languages,
            ctx.annotations,
            ctx.stats,
            ctx._outlet,
            layer,
            prepared,
        )

    @classmethod
    def _windowed(
        cls,
        ctx: DocContext,
        doc_checks: list[Any],
        layer_needs: tuple[str, ...],
        source_field: str,
        preparers: tuple[Any, ...] = (),
    ) -> DocOutcome:
        """A huge document checked in bounded windows (:mod:`audit.windows`): the findings, annotations
        and statistics of its windows merged, the corpus checks' layer parts computed window by window."""
        text = ctx.text
        bounds = windows.cuts(text)
        spans = windows.contexts(text, bounds)
        merger = windows.Merger(text, ctx.doc.id, len(spans))
        outlet: str | None | bool = False
        for i, (core, (ca, cb)) in enumerate(zip(zip(bounds, bounds[1:], strict=False), spans, strict=True)):
            wctx = DocContext(dataclasses.replace(ctx.doc, text=text[ca:cb]), ctx.ordinal)
            if i:  # the outlet is named at the top of a page: the first window's
                wctx._outlet = outlet
            found = [f for check in doc_checks for f in check.check(wctx) if check.wants(f.rule)]
            if not i:
                outlet = wctx.outlet if ctx.record_source(source_field) is None else wctx._outlet
            merger.add(core, (ca, cb), found, wctx)
        # The corpus checks' parts and preparation see the windows' passages and the first window's
        # outlet, never a layout of the whole text.
        ctx.layer.__dict__["passages"] = windows.passages(text, bounds)
        if outlet is not False:
            ctx._outlet = outlet
        layer = {name: windows.layer_part(text, name, bounds, ctx.layer) for name in layer_needs}
        # Always handed back: a corpus check preparing the document in the main process (the serial
        # stage) reads the windows' passages from the restored layer too.
        layer["passages"] = ctx.layer.__dict__["passages"]
        prepared = {c.prepare_key: c.prepare(ctx) for c in preparers}
        return cls(
            merger.all_findings(),
            merger.language(),
            merger.languages(),
            merger.passage_languages,
            merger.annotations,
            merger.merged_stats(),
            outlet,
            layer,
            prepared,
        )

    def apply(self, ctx: DocContext) -> list[Finding]:
        """Restore the annotations on a fresh context (for corpus checks); return a copy of the findings."""
        ctx.language = self.language
        ctx.languages = self.languages
        ctx.passage_languages = self.passage_languages
        ctx.annotations = self.annotations
        ctx.stats = self.stats
        ctx._outlet = self.outlet
        if self.layer:
            ctx.layer.__dict__.update(self.layer)
        if self.prepared:
            ctx.prepared = self.prepared
        return list(self.findings)


def prepare_batch(doc_checks: list[Any], ctxs: list[DocContext]) -> None:
    """The document checks' optional batch step (``DocumentCheck.prepare_batch``) on a batch of contexts,
    before ``check`` runs on each."""
    if ctxs:
        for check in doc_checks:
            hook = getattr(check, "prepare_batch", None)
            if hook is not None:
                hook(ctxs)


def shards(events: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Reader events in groups holding ``size`` documents each (unreadable and skipped inputs ride along
    in their place, so results come back in input order)."""
    batch: list[Any] = []
    docs = 0
    for event in events:
        batch.append(event)
        docs += isinstance(event, Document)
        if docs >= size:
            yield batch
            batch, docs = [], 0
    if batch:
        yield batch
