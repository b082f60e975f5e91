"""ART005: lines that recur across many documents of one source — template boilerplate found from the
corpus itself (a corpus check: it observes every document, then reports the lines that recur)."""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from typing import Iterable

import numpy as np
import xxhash

from audit.artefacts.boilerplate import ART005
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
        self._doc_source = array("I")  # by ordinal
        self._sources: dict[str, int] = {}
        self._source_docs: list[int] = []
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

    def prepare(self, ctx: DocContext) -> tuple[str, int, array | None]:
        """Source, document hash and line keys (in a worker process when the document stage runs there).
        ``None`` for the keys when the document is an exact copy of one seen before (known only here)."""
        source = ctx.source(self.settings.source_field)
        doc_key = xxhash.xxh64_intdigest(ctx.text.encode("utf-8", "surrogatepass"))
        if doc_key in self._seen_docs:  # serial: no need to hash the lines of a copy
            return source, doc_key, None
        return source, doc_key, array("Q", self._line_keys(ctx.text, source, ctx.lines))

    def observe(self, ctx: DocContext) -> Iterable[Finding]:
        source, doc_key, keys = self.prepared(ctx)
        sid = self._sources.setdefault(source, len(self._sources))
        if sid == len(self._source_docs):
            self._source_docs.append(0)
        while len(self._doc_source) <= ctx.ordinal:
            self._doc_source.append(0)
        self._doc_source[ctx.ordinal] = sid
        if doc_key in self._seen_docs:  # exact copies are the duplicate family's business
            return ()
        self._seen_docs.add(doc_key)
        self._source_docs[sid] += 1
        if keys:
            self._keys.extend(keys)
            self._ords.extend(array("I", [ctx.ordinal]) * len(keys))
        return ()

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
        names = {v: k for k, v in self._sources.items()}
        from audit import segment

        for ordinal in np.unique(ords[mask]).tolist():
            text = text_of(ordinal)
            sid = int(doc_src[ordinal])
            source, n_docs = names[sid], self._source_docs[sid]
            doc_lines = segment.lines(text)
            recurring = []
            for key, (start, end) in sorted(self._line_keys(text, source, doc_lines).items(), key=lambda kv: kv[1]):
                count = hot.get(key)
                if count is None or count < self.config.min_share * n_docs:
                    continue
                recurring.append((key, start, end, count))
            if len(recurring) > self.config.max_document_share * len(doc_lines):
                continue
            for key, start, end, count in recurring:
                result.add(
                    ordinal,
                    ART005.finding(
                        (start, end),
                        f"line recurs in {count} of {n_docs} documents from source {source!r}: template boilerplate",
                        data={
                            "documents": count,
                            "source_documents": n_docs,
                            "share": round(count / n_docs, 4),
                            "source": source,
                            "line_hash": f"{key:016x}",
                        },
                    ),
                )
        return result
