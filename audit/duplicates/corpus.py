"""What the duplicates check knows about the observed corpus when it finishes.

:class:`Corpus` holds the per-document facts gathered by ``observe`` (lengths,
dates, sources, exact groups), the keep policy that orders copies, the document
clusters found so far, and bounded access to the texts: ``finish`` re-reads only
the texts it needs through ``text_of``, behind one small LRU cache.
"""

from __future__ import annotations

import math
from array import array
from collections import OrderedDict
from typing import Any, Callable, Generic, Hashable, Iterable, TypeVar

import numpy as np

from audit.duplicates import align as al
from audit.duplicates.config import DuplicatesConfig

#: Texts (and their word tokens) held at once while verifying candidates.
CACHE_SIZE = 256
#: Passages (their words, their normalised text) held at once while verifying passage candidates.
SPAN_CACHE_SIZE = 8192
#: ... and at most about this many characters of them (each of the two span caches). A passage's words
#: take about 60 bytes each (10 a character): 2 MiB of passages held 20 MB, 256 KiB hold under 3 MB.
SPAN_CACHE_CHARS = 1 << 18

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class LRU(Generic[K, V]):
    """A least-recently-used map holding at most ``size`` items (``trim`` may allow more for a while) and,
    when ``chars`` is given, items whose weights (``put(..., weight=)``, e.g. a passage's length) sum to at
    most ``chars``: a cache of passages bounded by count alone grows with the corpus's passage length."""

    def __init__(self, size: int, chars: int | None = None) -> None:
        self.size = size
        self.chars = chars
        self._items: OrderedDict[K, V] = OrderedDict()
        self._weight: dict[K, int] = {}
        self._total = 0

    def get(self, key: K) -> V | None:
        hit = self._items.get(key)
        if hit is not None:
            self._items.move_to_end(key)
        return hit

    def put(self, key: K, value: V, size: int | None = None, weight: int = 0) -> None:
        items = self._items
        if self.chars is not None:  # weights count only against a bound on them
            self._total += weight - self._weight.get(key, 0)
            self._weight[key] = weight
        if key in items:
            items.move_to_end(key)
        items[key] = value  # a new key goes last
        limit = self.size if size is None or size <= self.size else size
        if len(items) > limit or (self.chars is not None and self._total > self.chars):
            self.trim(limit)

    def trim(self, size: int) -> None:
        items = self._items
        while len(items) > size or (self.chars is not None and self._total > self.chars and len(items) > 1):
            key, _ = items.popitem(last=False)
            self._total -= self._weight.pop(key, 0)

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def __len__(self) -> int:
        return len(self._items)

    def clear(self) -> None:
        self._items.clear()
        self._weight.clear()
        self._total = 0


class Corpus:
    """Per-document facts, the keep policy and cached text access for one ``finish``."""

    def __init__(
        self,
        config: DuplicatesConfig,
        ids: list[str],
        text_of: Callable[[int], str],
        lengths: array,
        dates: array,
        sources: array,
        source_names: dict[str, int],
        groups: dict[int, list[int]],
        sites: array | None = None,
        wants: Callable[[str], bool] | None = None,
    ) -> None:
        self.config = config
        #: Is a rule enabled (the check's selection)?
        self.wants: Callable[[str], bool] = wants or (lambda rule_id: True)
        self.ids = ids
        self._text_of = text_of
        self.lengths = lengths
        self.dates = dates
        self.sources = sources
        self.source_names = source_names
        #: first ordinal of an exact group -> all ordinals with that content
        self.groups = groups
        #: site id of each document for page templates (-1: unknown)
        self.sites = sites if sites is not None else array("i", [-1]) * len(lengths)
        prio = config.source_priority
        self._source_rank = {sid: prio.index(name) for name, sid in source_names.items() if name in prio}
        self._names = {v: k for k, v in source_names.items()}
        #: first ordinal of an exact group -> its kept ordinal
        self.rep_kept: dict[int, int] = {}
        self._first_of: dict[int, int] = {}
        #: ordinal -> cluster number (any document cluster; exact clusters negative)
        self.doc_cluster: dict[int, int] = {}
        #: non-kept members of document clusters
        self.copies: set[int] = set()
        #: (verified similarity, accepted) of every verified document candidate pair
        self.calibration: list[tuple[float, bool]] = []
        #: (smaller, larger) ordinals of documents reported as one template with different facts
        self.template_pairs: set[tuple[int, int]] = set()
        self._texts: LRU[int, str] = LRU(CACHE_SIZE)
        self._words: LRU[int, tuple[str, al.Words]] = LRU(CACHE_SIZE)
        self._derived: LRU[tuple[str, int], Any] = LRU(CACHE_SIZE)
        self._pairs: dict[tuple[str, int, int], Any] = {}
        #: (ordinal, start, end) rows of every document's passage units, sorted by ordinal (:meth:`set_units`)
        self.units: Any = None
        self._unit_rows: np.ndarray | None = None  # row where each ordinal's units start (len(lengths) + 1)
        #: word-sequence key of each row of ``units`` (page templates, :mod:`.templates`); None: not recorded
        self.unit_keys: np.ndarray | None = None
        self._span_words: LRU[tuple[int, int, int], al.Words] = LRU(SPAN_CACHE_SIZE, SPAN_CACHE_CHARS)
        self._span_norm: LRU[tuple[int, int, int], str] = LRU(SPAN_CACHE_SIZE, SPAN_CACHE_CHARS)
        #: (document a, document b, passage offset) -> runs of matching passages found by verification
        #: (:func:`audit.duplicates.passages.verify_passages`): first and last passage of a, and the region
        self.passage_runs: dict[tuple[int, int, int], list[tuple[int, int, Any]]] = {}

    # -- keep policy -----------------------------------------------------------

    def priority(self, ordinal: int) -> tuple:
        """Sort key of a copy under the keep policy: the smallest is kept."""
        keep = self.config.keep
        if keep == "longest":
            return (-self.lengths[ordinal], ordinal)
        if keep == "earliest":
            d = self.dates[ordinal]
            return (math.isnan(d), 0.0 if math.isnan(d) else d, ordinal)
        if keep == "source_priority":
            return (self._source_rank.get(self.sources[ordinal], len(self.config.source_priority)), ordinal)
        return (ordinal,)

    def first_of(self, kept: int) -> int:
        """The first ordinal of the exact group whose kept copy is ``kept`` (itself if none); the inverse of
        ``rep_kept``, built once rather than per cluster."""
        if len(self._first_of) != len(self.rep_kept):
            self._first_of = {k: first for first, k in self.rep_kept.items()}
        return self._first_of.get(kept, kept)

    def sources_of(self, ordinals: Iterable[int]) -> list[str]:
        return sorted({self._names[self.sources[o]] for o in ordinals if self.sources[o] in self._names})

    def same_source(self, a: int, b: int) -> bool:
        """Different pages of one source (a page template repeats only within a site)."""
        return a != b and self.sources[a] == self.sources[b]

    # -- texts -------------------------------------------------------------------

    def raw(self, ordinal: int) -> str:
        hit = self._texts.get(ordinal)
        if hit is None:
            hit = self._text_of(ordinal) or ""
            self._texts.put(ordinal, hit)
        return hit

    def words(self, ordinal: int) -> tuple[str, al.Words]:
        hit = self._words.get(ordinal)
        if hit is None:
            text = self.raw(ordinal)
            hit = (text, al.words(text))
            self._words.put(ordinal, hit)
        return hit

    def derived(self, kind: str, ordinal: int, compute: Callable[[str], V]) -> V:
        """``compute(text)`` of a document, cached with its text (e.g. its passage units)."""
        key = (kind, ordinal)
        hit = self._derived.get(key)
        if hit is None:
            hit = compute(self.raw(ordinal))
            self._derived.put(key, hit)
        return hit

    def derived_pair(self, kind: str, a: int, b: int, compute: Callable[[str, str], V]) -> V:
        """``compute(text_a, text_b)`` of two documents, cached (unordered pair)."""
        key = (kind, min(a, b), max(a, b))
        hit = self._pairs.get(key)
        if hit is None:
            hit = compute(self.raw(min(a, b)), self.raw(max(a, b)))
            self._pairs[key] = hit
        return hit

    def prefetch(self, ordinals: set[int]) -> None:
        """Tokenise the documents a chunk of candidate pairs needs in one batch (into the cache)."""
        need = sorted(o for o in ordinals if o not in self._words)
        if not need:
            return
        texts = [self.raw(o) for o in need]
        for o, text, w in zip(need, texts, al.words_batch(texts), strict=True):
            self._words.put(o, (text, w), size=len(ordinals))

    # -- passage units and passages ---------------------------------------------

    def set_units(self, table: np.ndarray) -> None:
        """The (ordinal, start, end) rows of every document's passage units, sorted by ordinal."""
        self.units = table
        n = max(len(self.lengths), int(table[-1, 0]) + 1 if len(table) else 0)
        self._unit_rows = np.searchsorted(table[:, 0], np.arange(n + 1))

    def units_of(self, ordinal: int) -> list[tuple[int, int]] | None:
        """The passage units the check recorded for a document (None: none recorded)."""
        columns = self.unit_columns(ordinal)
        return None if columns is None else list(zip(*columns, strict=True))

    def unit_columns(self, ordinal: int) -> tuple[list[int], list[int]] | None:
        """:meth:`units_of` as two lists, the units' starts and their ends (None: none recorded)."""
        rows = self._unit_rows
        if rows is None or ordinal + 1 >= len(rows):
            return None
        lo, hi = rows[ordinal : ordinal + 2].tolist()
        if hi <= lo:
            return None
        rows = self.units[lo:hi]
        return rows[:, 1].tolist(), rows[:, 2].tolist()

    def span_words(self, ordinal: int, start: int, end: int) -> al.Words:
        """Word tokens of ``raw(ordinal)[start:end]`` (offsets relative to ``start``), cached."""
        key = (ordinal, start, end)
        hit = self._span_words.get(key)
        if hit is None:
            hit = al.words(self.raw(ordinal)[start:end])
            self._span_words.put(key, hit, weight=end - start)
        return hit

    def prefetch_spans(self, spans: Iterable[tuple[int, int, int]]) -> None:
        """Tokenise many passages ``(ordinal, start, end)`` in one batch (into the :meth:`span_words` cache)."""
        need = sorted({s for s in spans if s not in self._span_words})
        if not need:
            return
        texts = [self.raw(o)[a:b] for o, a, b in need]
        for key, w in zip(need, al.words_batch(texts), strict=True):
            self._span_words.put(key, w, size=len(need), weight=key[2] - key[1])

    def span_normalized(self, ordinal: int, start: int, end: int) -> str:
        """:func:`audit.normalize.normalize_fast` of ``raw(ordinal)[start:end]``, cached."""
        key = (ordinal, start, end)
        hit = self._span_norm.get(key)
        if hit is None:
            hit = al.normalize_fast(self.raw(ordinal)[start:end])
            self._span_norm.put(key, hit, weight=end - start)
        return hit

    def clear(self) -> None:
        self._texts.clear()
        self._words.clear()
        self._derived.clear()
        self._pairs.clear()
        self._span_words.clear()
        self._span_norm.clear()
        self.passage_runs.clear()
