"""ART005: lines that recur across many documents of one source — template boilerplate found from the
corpus itself (a corpus check: it observes every document, then reports the lines that recur)."""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from typing import Iterable

import numpy as np
import xxhash

from audit.artefacts.boilerplate import ART005
from audit.artefacts.common import ATTRIBUTION_DASHES
from audit.chars import ANSI_RE
from audit.model import Finding
from audit.rules import CorpusCheck, CorpusResult, DocContext


def _three_letters(s: str) -> bool:
    """``sum(ch.isalpha() for ch in s) >= 3``, stopping at the third letter (most lines have it at once)."""
    n = 0
    for ch in s:
        if ch.isalpha():
            n += 1
            if n == 3:
                return True
    return False


def _visible(s: str) -> str:
    """``s`` without terminal control sequences (:data:`~audit.chars.ANSI_RE`: colour codes of console text are
    neither letters nor length)."""
    return ANSI_RE.sub("", s) if "\x1b" in s else s


@dataclass(frozen=True)
class RecurringLineConfig:
    #: A line must occur in at least this many documents of one source ...
    min_documents: int = 3
    #: ... and in at least this share of that source's documents.
    min_share: float = 0.02
    #: Lines shorter than this (characters) or longer than `max_words` words are ignored.
    min_chars: int = 10
    max_words: int = 25
    #: A document in which more than this share of its lines recur is a near copy of others
    #: (the duplicate family's business), not a page carrying template lines: not reported.
    max_document_share: float = 0.6
    #: Copies of one text (an article saved twice, a story and its update) share their body lines: a line
    #: is counted once per group of copies, not once per document. Two documents are copies when each
    #: finds at least `copy_share` of the characters of its `copy_core_lines` longest lines in the other
    #: (both ways, so a page holding only the site's footer is no copy of every page carrying that footer;
    #: by characters, so two articles of one site that share a sidebar of teasers are no copies) ...
    copy_core_lines: int = 32
    copy_share: float = 0.8
    #: ... and a long line found in more documents than this is template, not evidence of copying.
    copy_max_documents: int = 64
    #: A source whose median document has at most this many characters is a collection of short records
    #: (quotations, proverbs, jokes, posts). There a recurring line that closes a record as its attribution
    #: (its last line, led by a double dash, an em dash or a quotation dash: "-- Mark Twain", "   — Proverb")
    #: is the record's content: many records quote one author ...
    attribution_median_chars: int = 1000
    #: ... as long as the lines it closes differ: at least this share of its closing occurrences follow a line
    #: of their own (a template block closing short records repeats its lines before the line too).
    attribution_distinct_share: float = 0.8


class RecurringLineCheck(CorpusCheck):
    """Counts line hashes (not texts) per source; re-reads only documents that carry a recurring line."""

    rules = (ART005,)
    section = "recurring_lines"
    config_class = RecurringLineConfig
    order = 60

    def __init__(self, config=None, settings=None) -> None:
        super().__init__(config, settings)
        self._keys = array("Q")
        self._ords = array("I")
        self._core_keys = array("Q")  # the hashes of each document's longest lines (copy evidence)
        self._core_ords = array("I")
        self._core_lens = array("I")
        self._doc_source = array("I")  # by ordinal
        self._sources: dict[str, int] = {}
        self._source_docs: list[int] = []
        self._source_chars: list[array] = []  # characters of each counted document, by source
        self._seen_docs: set[int] = set()

    def _line_keys(self, text: str, source: str, lines) -> dict[int, tuple[int, int]]:
        out: dict[int, tuple[int, int]] = {}
        cfg = self.config
        prefix = source + "\x00"
        min_chars, max_words = cfg.min_chars, cfg.max_words
        digest = xxhash.xxh64_intdigest
        for span in lines:
            if span.end - span.start < min_chars:
                continue
            raw = text[span.start : span.end]
            if "\x1b" in raw:  # colour codes of console text are no letters
                raw = _visible(raw)
                if len(raw.strip()) < min_chars:
                    continue
            # (split at most max_words times: a multi-megabyte line is never split into all its words; a
            # line with more words than spaces, split by other whitespace, is caught below)
            if raw.count(" ") >= max_words and len(raw.split(None, max_words)) > max_words:
                continue  # a paragraph, not a template line: skip before normalising it
            parts = raw.lower().split()  # normalize_line, keeping its words
            if len(parts) > max_words:
                continue
            norm = " ".join(parts)
            if not ((len(norm) >= 3 and norm[:3].isalpha()) or _three_letters(norm)):  # (most open with 3 letters)
                continue
            if len(parts) < 5 and norm.endswith(".") and not norm.endswith(("..", "…")):
                continue  # a section heading closed by a full stop ("Demographics."), shared by articles, not template
            key = digest((prefix + norm).encode("utf-8", "surrogatepass"))
            out.setdefault(key, (span.start, span.end))
        return out

    def _core_keys_of(self, text: str, source: str, lines) -> tuple[array, array]:
        """Hashes (keyed as :meth:`_line_keys` keys them) and lengths of the document's ``copy_core_lines`` longest
        lines of ``min_chars`` or more: its body, which a copy of the document shares and another article of
        the same site does not."""
        cfg = self.config
        spans = [s for s in lines if s.end - s.start >= cfg.min_chars]
        if len(spans) > cfg.copy_core_lines:
            spans = sorted(spans, key=lambda s: s.start - s.end)[: cfg.copy_core_lines]
        prefix = source + "\x00"
        digest = xxhash.xxh64_intdigest
        core: dict[int, int] = {}
        for s in spans:
            key = digest((prefix + " ".join(text[s.start : s.end].lower().split())).encode("utf-8", "surrogatepass"))
            core[key] = max(core.get(key, 0), s.end - s.start)
        return array("Q", core), array("I", core.values())

    def prepare(self, ctx: DocContext) -> tuple[str, int, array | None, tuple[array, array] | None]:
        """Source, document hash, line keys and core keys (in a worker process when the document stage runs
        there). ``None`` for the keys when the document is an exact copy of one seen before (known only here)."""
        source = ctx.source(self.settings.source_field)
        doc_key = xxhash.xxh64_intdigest(ctx.text.encode("utf-8", "surrogatepass"))
        if doc_key in self._seen_docs:  # serial: no need to hash the lines of a copy
            return source, doc_key, None, None
        return (
            source,
            doc_key,
            array("Q", self._line_keys(ctx.text, source, ctx.lines)),
            self._core_keys_of(ctx.text, source, ctx.lines),
        )

    def observe(self, ctx: DocContext) -> Iterable[Finding]:
        source, doc_key, keys, core = self.prepared(ctx)
        sid = self._sources.setdefault(source, len(self._sources))
        if sid == len(self._source_docs):
            self._source_docs.append(0)
            self._source_chars.append(array("I"))
        while len(self._doc_source) <= ctx.ordinal:
            self._doc_source.append(0)
        self._doc_source[ctx.ordinal] = sid
        if doc_key in self._seen_docs:  # exact copies are the duplicate family's business
            return ()
        self._seen_docs.add(doc_key)
        self._source_docs[sid] += 1
        self._source_chars[sid].append(min(len(ctx.text), 0xFFFFFFFF))
        if keys:
            self._keys.extend(keys)
            self._ords.extend(array("I", [ctx.ordinal]) * len(keys))
        if core and core[0]:
            self._core_keys.extend(core[0])
            self._core_lens.extend(core[1])
            self._core_ords.extend(array("I", [ctx.ordinal]) * len(core[0]))
        return ()

    def _copy_groups(self, keys: np.ndarray, ords: np.ndarray) -> dict[int, int] | None:
        """The group of copies of each document that has copies (ordinal -> smallest ordinal of its group), or
        ``None`` when no two documents are copies (see :class:`RecurringLineConfig`)."""
        cfg = self.config
        if not self._core_keys:
            return None
        ckeys = np.frombuffer(self._core_keys, dtype=np.uint64)
        cords = np.frombuffer(self._core_ords, dtype=np.uint32)
        # every (key, document) once: a core line is usually among the document's line keys too
        allk = np.concatenate([keys, ckeys])
        allo = np.concatenate([ords, cords])
        order = np.lexsort((allo, allk))
        allk, allo = allk[order], allo[order]
        keep = np.ones(len(allk), dtype=bool)
        keep[1:] = (allk[1:] != allk[:-1]) | (allo[1:] != allo[:-1])
        allk, allo = allk[keep], allo[keep]
        uniq, first, counts = np.unique(allk, return_index=True, return_counts=True)
        shared = (counts >= 2) & (counts <= cfg.copy_max_documents)
        if not shared.any():
            return None
        # only the core lines that another document (and not too many) also holds are evidence: numpy
        # narrows the corpus's core lines to those before any Python loop
        clens = np.frombuffer(self._core_lens, dtype=np.uint32)
        evidence = np.isin(ckeys, uniq[shared])
        if not evidence.any():
            return None
        holders: dict[int, list[int]] = {}
        for i in np.flatnonzero(shared & np.isin(uniq, ckeys[evidence])).tolist():
            holders[int(uniq[i])] = allo[first[i] : first[i] + counts[i]].tolist()
        core_size = np.bincount(cords, weights=clens)  # characters of each document's core lines, by ordinal
        found: dict[tuple[int, int], int] = {}  # characters of a's core lines found in b
        for k, o, n in zip(ckeys[evidence].tolist(), cords[evidence].tolist(), clens[evidence].tolist(), strict=True):
            for other in holders[k]:
                if other != o:
                    found[(o, other)] = found.get((o, other), 0) + n
        parent: dict[int, int] = {}

        def root(o: int) -> int:
            while parent.get(o, o) != o:
                o = parent[o]
            return o

        for (a, b), n in found.items():
            if a < b and n >= cfg.copy_share * core_size[a] and found.get((b, a), 0) >= cfg.copy_share * core_size[b]:
                ra, rb = root(a), root(b)
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
        if not parent:
            return None
        return {o: root(o) for o in parent}

    @staticmethod
    def _attribution(text: str, doc_lines, recurring) -> tuple[int, int] | None:
        """The key of the recurring line that closes the document as an attribution, and the hash of the
        line before it: the last visible line, led by a double dash, an em dash or a quotation dash (as ART020's
        signature), after a line of text. ``None`` when the document does not close so."""
        visible = [s for s in doc_lines if _visible(text[s.start : s.end]).strip()]
        if len(visible) < 2:
            return None
        last, before = visible[-1], visible[-2]
        key = next((k for k, start, end, _, _ in recurring if start == last.start and end == last.end), None)
        if key is None:
            return None
        line = _visible(text[last.start : last.end]).lstrip()
        if not line.startswith(ATTRIBUTION_DASHES) or not line.lstrip("".join(ATTRIBUTION_DASHES) + " \t"):
            return None  # no attribution dash (a single hyphen or an en dash opens a list item), or a rule of dashes
        prev = " ".join(_visible(text[before.start : before.end]).lower().split())
        return key, xxhash.xxh64_intdigest(prev.encode("utf-8", "surrogatepass"))

    def finish(self, text_of, ids: list[str]) -> CorpusResult:
        result = CorpusResult()
        if not self._keys:
            return result
        keys = np.frombuffer(self._keys, dtype=np.uint64)
        ords = np.frombuffer(self._ords, dtype=np.uint32)
        uniq, inverse, counts = np.unique(keys, return_inverse=True, return_counts=True)
        src_docs = np.asarray(self._source_docs, dtype=np.float64)
        doc_src = np.frombuffer(self._doc_source, dtype=np.uint32)
        entry_docs = src_docs[doc_src[ords]]
        entry_counts = counts[inverse]
        mask = (entry_counts >= self.config.min_documents) & (entry_counts >= self.config.min_share * entry_docs)
        if not mask.any():
            return result
        hot = {int(k): int(c) for k, c in zip(uniq, counts, strict=True) if c >= self.config.min_documents}
        groups = self._copy_groups(keys, ords)
        distinct = hot
        if groups:
            # a line counts once per group of copies: the documents that carry it only because they copy
            # one text are the duplicate family's business, not a template's
            order = np.argsort(keys, kind="stable")
            starts = np.searchsorted(keys[order], uniq)
            distinct = {}
            for i in np.flatnonzero(counts >= self.config.min_documents).tolist():
                docs = ords[order[starts[i] : starts[i] + counts[i]]].tolist()
                distinct[int(uniq[i])] = len({groups.get(o, o) for o in docs})
        names = {v: k for k, v in self._sources.items()}
        from audit import segment

        cfg = self.config
        short_sources: dict[int, bool] = {}
        # first the recurring lines of each document, and the line before each one that closes a record of a
        # collection of short records as its attribution; then the findings
        per_doc: list[tuple[int, str, int, list[tuple[int, int, int, int, int]]]] = []
        closing: dict[tuple[int, int], int] = {}  # (document, key) -> hash of the line before it
        closers: dict[int, list[int]] = {}  # key -> hashes of the lines before its closing occurrences
        for ordinal in np.unique(ords[mask]).tolist():
            text = text_of(ordinal)
            sid = int(doc_src[ordinal])
            source, n_docs = names[sid], self._source_docs[sid]
            doc_lines = segment.lines(text)
            recurring = []
            for key, (start, end) in sorted(self._line_keys(text, source, doc_lines).items(), key=lambda kv: kv[1]):
                count = hot.get(key)
                if count is None or count < cfg.min_share * n_docs:
                    continue
                texts = distinct[key]
                if texts < cfg.min_documents or texts < cfg.min_share * n_docs:
                    continue
                recurring.append((key, start, end, count, texts))
            if len(recurring) > cfg.max_document_share * len(doc_lines):
                continue
            per_doc.append((ordinal, source, n_docs, recurring))
            if sid not in short_sources:
                short_sources[sid] = bool(np.median(self._source_chars[sid]) <= cfg.attribution_median_chars)
            if short_sources[sid]:
                found = self._attribution(text, doc_lines, recurring)
                if found is not None:
                    key, before = found
                    closing[(ordinal, key)] = before
                    closers.setdefault(key, []).append(before)
        attributions = {
            key for key, before in closers.items() if len(set(before)) >= cfg.attribution_distinct_share * len(before)
        }
        for ordinal, source, n_docs, recurring in per_doc:
            for key, start, end, count, texts in recurring:
                if key in attributions and (ordinal, key) in closing:
                    continue  # a record's attribution: its content, however many records quote one author
                data = {
                    "documents": count,
                    "source_documents": n_docs,
                    "share": round(count / n_docs, 4),
                    "source": source,
                    "line_hash": f"{key:016x}",
                }
                copies = ""
                if texts != count:
                    data["distinct_texts"] = texts
                    copies = f" ({texts} once copies of one text count once)"
                result.add(
                    ordinal,
                    ART005.finding(
                        (start, end),
                        f"line recurs in {count} of {n_docs} documents{copies} from source {source!r}: "
                        "template boilerplate",
                        data=data,
                    ),
                )
        return result
