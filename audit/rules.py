"""Rules, check base classes and the registry that lists them.

A *rule* is a stable id (``DUP001``) with a category, a default severity, a
one-line description and "flags / does not flag" examples. A *check* is the
code that emits findings for one or more rules. There are two kinds of check:

* :class:`DocumentCheck` looks at one document at a time (pure, streamable);
* :class:`CorpusCheck` observes every document, then finishes with findings
  about documents it has seen (duplicates, cross-document boilerplate).

Built-in checks are listed explicitly in :data:`BUILTIN_CHECKS`; third-party
checks arrive through the ``corpus_audit.checks`` entry point group and go
through the same loader.
"""

from __future__ import annotations

import dataclasses
import importlib
import math
import os
from abc import ABC, abstractmethod
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from importlib.metadata import entry_points
from typing import Any, ClassVar, Iterable, Mapping, Sequence

from audit import layout
from audit.errors import ConfigError, UnknownRuleError
from audit.model import Category, Cluster, Document, Finding, Related, Severity, Span


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    category: Category
    severity: Severity
    description: str
    flags: tuple[str, ...] = ()
    not_flags: tuple[str, ...] = ()

    def finding(
        self,
        span: Span | tuple[int, int],
        message: str,
        *,
        related: Iterable[Related] = (),
        data: Mapping[str, Any] | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        start, end = (span.start, span.end) if isinstance(span, Span) else span
        return Finding(
            rule=self.id,
            category=self.category,
            severity=severity or self.severity,
            start=start,
            end=end,
            message=message,
            related=tuple(related),
            data=dict(data) if data else None,
        )


@dataclass(frozen=True)
class Settings:
    """The few settings every family may read (not a god-config: families have their own)."""

    languages: tuple[str, ...] = ()
    source_field: str = "source"
    date_field: str | None = None


class DocContext:
    """Per-document working state shared by the checks that look at one document.

    It caches segmentation and carries annotations that one check publishes for
    the others (the language check publishes passage languages here).
    """

    def __init__(self, doc: Document, ordinal: int) -> None:
        self.doc = doc
        self.ordinal = ordinal
        self.language: str = "und"
        self.languages: dict[str, float] = {}
        # Passage language annotations: list of (Span, language, confidence).
        self.passage_languages: list[tuple[Span, str, float]] = []
        self.annotations: dict[str, Any] = {}
        self.stats: dict[str, Any] = {}
        #: The outlet named by "Headline – Outlet" lines; computed on first use (see :attr:`outlet`).
        self._outlet: str | None | bool = False
        #: What corpus checks' :meth:`CorpusCheck.prepare` gave for this document in a worker process,
        #: by :attr:`CorpusCheck.prepare_key` (empty when the document stage ran in this process).
        self.prepared: dict[str, Any] = {}

    @property
    def text(self) -> str:
        return self.doc.text

    def record_source(self, field: str = "source") -> str | None:
        """The record's own ``field`` as a source name, or None when it holds no usable value."""
        meta = self.doc.metadata.get(field)
        if meta is None:
            return None
        if type(meta) is str:  # the common cases first (no field; a plain string), with the same answer
            return meta.strip() or None
        if isinstance(meta, float) and not math.isfinite(meta):
            return None  # a missing value in a pandas-written Parquet or CSV export, not a source named "nan"
        if isinstance(meta, (str, int, float)) and not isinstance(meta, bool) and str(meta).strip():
            return str(meta).strip()
        return None

    def source(self, field: str = "source") -> str:
        """The document's source, as every part of the tool names it: the record's ``field``
        (``Settings.source_field``) when it holds a value, else what a check annotated (the
        sourcing check: the outlet of a "Headline – Outlet" line), else the input's folder
        (for a file at the top of a scanned folder, that folder's name)."""
        meta = self.record_source(field)
        if meta is not None:
            return meta
        if self.outlet:
            return self.outlet
        return os.path.dirname(self.doc.source) or self.doc.folder or "."

    @property
    def outlet(self) -> str | None:
        """The outlet a page names in its "Headline – Outlet" lines (None when none does).

        Part of the context, not a check's annotation: a document's source must not depend on
        which rules were selected."""
        if self._outlet is False:
            self._outlet = self._headline_outlet()
        return self._outlet  # type: ignore[return-value]

    @outlet.setter
    def outlet(self, value: str | None) -> None:
        self._outlet = value

    def _headline_outlet(self) -> str | None:
        from audit.sourcing.tables import headline_outlet_of_text

        return headline_outlet_of_text(self.doc.text, lambda: self.layer.line_bounds)

    @property
    def layout(self) -> layout.Layout:
        """How the document is laid out (wrap width, logical paragraphs and their kinds: prose, table, list)."""
        return self.layer.layout

    @cached_property
    def layer(self):
        """The document's shared text layer (:class:`audit.text.TextLayer`): words with offsets and
        lower-case forms, lines, sentences, passages and the exact key, each computed once on first use."""
        from audit.text import TextLayer

        return TextLayer(self.doc.text)

    @property
    def passages(self) -> tuple[Span, ...]:
        return self.layer.passages

    @property
    def sentences(self) -> tuple[Span, ...]:
        return self.layer.sentences

    @property
    def lines(self) -> list[Span]:
        return self.layer.lines

    @property
    def word_counts(self) -> Counter:
        """Lower-cased words (:data:`audit.text.WORD_RE`) with their counts, shared by the checks."""
        return self.layer.word_counts

    @property
    def line_word_counts(self) -> tuple[int, ...]:
        """``len(words(line))`` for each of :attr:`lines`, shared by the checks."""
        return self.layer.line_word_counts

    def language_at(self, offset: int) -> str:
        """The language of the passage containing ``offset`` (document language otherwise).

        A bisection over the passages' starts when they are sorted and disjoint (as the language check
        writes them), rebuilt whenever ``passage_languages`` is replaced or grows; a linear scan otherwise.
        """
        pl = self.passage_languages
        index = self.__dict__.get("_pl_index")
        if index is None or index[0] is not pl or index[1] != len(pl):
            firsts = [span.start for span, _lang, _conf in pl]
            ordered = all(pl[i][0].end <= firsts[i + 1] and firsts[i] < firsts[i + 1] for i in range(len(pl) - 1))
            index = (pl, len(pl), firsts if ordered else None)
            self.__dict__["_pl_index"] = index
        starts = index[2]
        if starts is None:
            for span, lang, _conf in pl:
                if span.start <= offset < span.end:
                    return lang
            return self.language
        i = bisect_right(starts, offset) - 1
        if i >= 0 and offset < pl[i][0].end:
            return pl[i][1]
        return self.language

    def languages_at(self, offsets: list[int]) -> list[str]:
        """``[self.language_at(o) for o in offsets]``, with one look at the passage index for them all."""
        if not offsets:
            return []
        self.language_at(offsets[0])  # builds or renews the index
        starts = self.__dict__["_pl_index"][2]
        if starts is None:
            return [self.language_at(o) for o in offsets]
        pl = self.passage_languages
        default = self.language
        out = []
        for o in offsets:
            i = bisect_right(starts, o) - 1
            out.append(pl[i][1] if i >= 0 and o < pl[i][0].end else default)
        return out


@dataclass
class CorpusResult:
    """What a corpus check hands back when it finishes."""

    findings: dict[int, list[Finding]] = field(default_factory=dict)  # by document ordinal
    clusters: list[Cluster] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def add(self, ordinal: int, finding: Finding) -> None:
        self.findings.setdefault(ordinal, []).append(finding)


class _Check:
    #: The rules this check can emit.
    rules: ClassVar[tuple[Rule, ...]] = ()
    #: Config section name (``[duplicates]``) and its dataclass, if any.
    section: ClassVar[str | None] = None
    config_class: ClassVar[type | None] = None
    #: Lower runs first; the language check runs before those that read its annotations.
    order: ClassVar[int] = 50
    #: Annotations this check publishes on the context (``"language"``), and those it reads. A check
    #: that provides what an enabled check uses runs even when none of its own rules is selected (its
    #: findings are dropped), so selecting rules never changes another rule's findings.
    provides: ClassVar[frozenset[str]] = frozenset()
    uses: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, config: Any = None, settings: Settings | None = None) -> None:
        if config is None and self.config_class is not None:
            config = self.config_class()
        self.config = config
        self.settings = settings or Settings()
        self.enabled: frozenset[str] = frozenset(r.id for r in self.rules)

    def wants(self, rule_id: str) -> bool:
        return rule_id in self.enabled

    def preload(self) -> None:
        """Load now what ``check`` (or ``prepare``) would load on its first document: models, word lists,
        lexicons, compiled patterns. The local engine calls it in the main process just before it forks
        worker processes, which then share what it loaded instead of each loading it again; a serial run
        never calls it (a small corpus loads only what its documents need). It must not change results."""


class DocumentCheck(_Check, ABC):
    """Looks at one document; returns its findings. Never edits or drops it.

    ``check`` is abstract: a subclass that does not define it cannot be instantiated.
    """

    @abstractmethod
    def check(self, ctx: DocContext) -> Iterable[Finding]:
        """The findings of one document."""

    def prepare_batch(self, ctxs: Sequence[DocContext]) -> None:
        """Optional: work on a batch of documents at once, before ``check`` is called on each of them (the
        engines call it on every batch they check: serially, in each worker process, in each Ray task).
        ``check`` gives the same findings whether it was called or not (a library caller checking one
        document never calls it); what it keeps is bounded by one batch (dropped at the next call)."""


_UNPREPARED = object()
#: :attr:`CorpusCheck.prepare_key` of each check class (read twice per document).
_PREPARE_KEYS: dict[type, str] = {}


class CorpusCheck(_Check):
    """Observes every document in order, then finishes with corpus-level findings.

    ``observe`` may also return findings about the document just seen.
    ``text_of(ordinal)`` (given to ``finish``) re-reads a document's text from the
    scan's spill store, so a check need not keep texts in memory.
    """

    #: Parts of the text layer (:class:`audit.text.TextLayer` attribute names, e.g. ``"passages"``) that
    #: ``observe`` reads: computed with the document checks, in the worker processes when those run in
    #: parallel, and handed to ``observe`` on ``ctx.layer``.
    layer_needs: tuple[str, ...] = ()  # a class default; a check may set its own per instance

    def prepare(self, ctx: DocContext) -> Any:
        """Optional: the per-document work of :meth:`observe` that depends only on the document (its text,
        metadata, source, text layer) and this check's configuration, never on what the check has seen.

        When the document stage runs in worker processes, each worker calls it on its own instance of the
        check (built from the same configuration) and the value (picklable, small: hashes, spans, not
        texts) travels back with the document's outcome, so this work runs on every core instead of in the
        main process. ``observe`` reads it with :meth:`prepared`, which calls ``prepare`` itself when no
        worker did (serial runs, the Ray engine): the results are the same either way."""
        return None

    @property
    def prepare_key(self) -> str:
        """Key of this check's value in ``DocContext.prepared``: the class that defines :meth:`prepare`, so
        a subclass that keeps it (the staged duplicates check) reads what the workers' base check
        prepared."""
        cls = type(self)
        key = _PREPARE_KEYS.get(cls)
        if key is None:
            owner = next(c for c in cls.__mro__ if "prepare" in c.__dict__)
            key = _PREPARE_KEYS[cls] = f"{owner.__module__}.{owner.__qualname__}"
        return key

    @classmethod
    def prepares(cls) -> bool:
        """Whether this check defines :meth:`prepare`."""
        return cls.prepare is not CorpusCheck.prepare

    def prepared(self, ctx: DocContext) -> Any:
        """:meth:`prepare`'s value for ``ctx``: the one a worker computed, else computed now."""
        got = ctx.prepared.get(self.prepare_key, _UNPREPARED)
        return self.prepare(ctx) if got is _UNPREPARED else got

    def observe(self, ctx: DocContext) -> Iterable[Finding]:  # pragma: no cover - interface
        return ()

    def finish(self, text_of, ids: list[str]) -> CorpusResult:  # pragma: no cover - interface
        return CorpusResult()


# ---------------------------------------------------------------------------
# Registry

#: The built-in checks, in the order they run (``module:Class``).
BUILTIN_CHECKS: tuple[str, ...] = (
    "audit.language:LanguageCheck",
    "audit.artefacts:EmptyDocumentCheck",
    "audit.artefacts:BoilerplateCheck",
    "audit.artefacts:RecurringLineCheck",
    "audit.artefacts:InjectedKeywordCheck",
    "audit.artefacts:TruncationCheck",
    "audit.artefacts:MissingWhitespaceCheck",
    "audit.artefacts:EncodingCheck",
    "audit.artefacts:StructureCheck",
    "audit.artefacts:QualityCheck",
    "audit.duplicates:DuplicateCheck",
    "audit.index:IndexCheck",
    "audit.sourcing:SourcingCheck",
)

ENTRY_POINT_GROUP = "corpus_audit.checks"


def _load(spec: str) -> type[_Check]:
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)


#: Rule-id prefix and category of the built-in checks, known without importing their modules, so a run
#: that selects some families imports only those (startup of ``--select duplicate``). Every rule of a
#: listed check starts with its prefix and has its category (tests/test_rules_registry.py checks it); a
#: check not listed here is always imported.
BUILTIN_SCOPE: dict[str, tuple[str, str]] = {
    "audit.language:LanguageCheck": ("LANG", "language"),
    **{spec: ("ART", "artefact") for spec in BUILTIN_CHECKS if spec.startswith("audit.artefacts:")},
    "audit.duplicates:DuplicateCheck": ("DUP", "duplicate"),
    "audit.index:IndexCheck": ("DUP", "duplicate"),
    "audit.sourcing:SourcingCheck": ("SRC", "sourcing"),
}


def _may_match(spec: str, patterns: list[str]) -> bool:
    """Could any of ``patterns`` (rule ids, id prefixes, categories) name a rule of the check ``spec``?"""
    scope = BUILTIN_SCOPE.get(spec)
    if scope is None:
        return True
    prefix, category = scope
    for raw in patterns:
        pat = raw.strip().upper()
        if pat and (pat.lower() == category or pat.startswith(prefix) or prefix.startswith(pat)):
            return True
    return False


_PLUGIN_EPS: list[Any] = []


def _plugin_entry_points() -> list[Any]:
    """The ``corpus_audit.checks`` entry points by name, looked up once per process (reading every installed
    distribution's metadata costs about 20 ms, and a run asks for the check classes three times)."""
    if not _PLUGIN_EPS:
        _PLUGIN_EPS.append(sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name))
    return _PLUGIN_EPS[0]


def check_classes(include_plugins: bool = True, select: Iterable[str] | None = None) -> list[type[_Check]]:
    """The check classes, sorted by ``order``. With ``select`` (rule ids, prefixes or categories), the
    built-in checks none of whose rules those patterns can name are not imported, unless a selected check
    uses what only they may provide (then every built-in check is loaded)."""
    patterns = [p for p in select or () if p.strip()]
    if patterns:
        classes = [_load(spec) for spec in BUILTIN_CHECKS if _may_match(spec, patterns)]
        provided = frozenset().union(*(c.provides for c in classes))
        if any(c.uses - provided for c in classes):
            classes = [_load(spec) for spec in BUILTIN_CHECKS]
    else:
        classes = [_load(spec) for spec in BUILTIN_CHECKS]
    if include_plugins:
        for ep in _plugin_entry_points():
            cls = ep.load()
            if cls not in classes:
                classes.append(cls)
    classes.sort(key=lambda c: c.order)
    return classes


def all_rules(classes: Iterable[type[_Check]] | None = None) -> list[Rule]:
    seen: dict[str, Rule] = {}
    for cls in classes if classes is not None else check_classes():
        for rule in cls.rules:
            if rule.id in seen and seen[rule.id] is not rule:
                raise ConfigError(f"rule id {rule.id} is defined twice")
            seen[rule.id] = rule
    return sorted(seen.values(), key=lambda r: r.id)


def family_sections(classes: Iterable[type[_Check]] | None = None) -> dict[str, type]:
    """Config section name -> config dataclass, for every check that has one."""
    out: dict[str, type] = {}
    for cls in classes if classes is not None else check_classes():
        if cls.section and cls.config_class:
            out[cls.section] = cls.config_class
    return out


def resolve_patterns(patterns: Iterable[str], rules: list[Rule], option: str) -> set[str]:
    """Expand rule ids, id prefixes (``DUP``) and categories (``language``) to rule ids."""
    ids: set[str] = set()
    for raw in patterns:
        pat = raw.strip()
        if not pat:
            continue
        low = pat.lower()
        hit = {r.id for r in rules if r.id.upper().startswith(pat.upper()) or r.category.value == low}
        if not hit:
            valid = ", ".join(r.id for r in rules)
            cats = ", ".join(c.value for c in Category)
            raise UnknownRuleError(f"{option}: {pat!r} matches no rule. Valid rule ids: {valid}; categories: {cats}")
        ids |= hit
    return ids


def build_config(cls: type, values: Mapping[str, Any] | None, where: str) -> Any:
    """Instantiate a family's config dataclass, naming any unknown key."""
    values = dict(values or {})
    names = {f.name: f for f in dataclasses.fields(cls)}
    for key in values:
        if key.replace("-", "_") not in names:
            raise ConfigError(f"unknown key {key!r} in [{where}]; valid keys: {', '.join(sorted(names))}")
    kwargs = {}
    for key, value in values.items():
        name = key.replace("-", "_")
        default = getattr(cls(), name)
        if isinstance(default, tuple):
            if not isinstance(value, (list, tuple)):
                raise ConfigError(f"[{where}] {key} must be a list, not {value!r}")
            value = tuple(value)
        if isinstance(default, str) and not isinstance(value, str):
            raise ConfigError(f"[{where}] {key} must be a string, not {value!r}")
        if isinstance(default, bool) and not isinstance(value, bool):
            raise ConfigError(f"[{where}] {key} must be true or false, not {value!r}")
        if isinstance(default, (int, float)) and not isinstance(default, bool):
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ConfigError(f"[{where}] {key} must be a number, not {value!r}")
        kwargs[name] = value
    try:
        return cls(**kwargs)
    except (TypeError, ValueError) as err:
        raise ConfigError(f"[{where}]: {err}") from None
