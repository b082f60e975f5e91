"""Huge documents in bounded windows: memory and time of the document checks stay bounded per window.

A document whose text is longer than :data:`HUGE_CHARS` (a 60 MB one-line page, a whole book in one
record) is not handed to the document checks whole: every check keeps per-word and per-line state
(offsets, lower-case forms, sentence spans), which costs tens of bytes per character of text.
Instead the text is cut into *windows* of about :data:`WINDOW_CHARS` characters, and each window is
checked as a document of its own, with a margin of :data:`MARGIN_CHARS` characters of the neighbouring
text on each side:

* **Cuts** fall on a paragraph break (blank line) where one lies in the last quarter before the
  target, else on a line break, a sentence end, a space, and only for a quarter-window with no white
  space at all, anywhere (:func:`cuts`). A cut never splits a word unless there is no white space.
* **Findings** keep their offsets into the whole text. A finding belongs to the window its start lies
  in (the core, without the margins): a passage that crosses a cut is checked with the margin's
  context on both sides and is reported once, by the window it starts in; what a check sees at the
  *end* of a margin (a "truncated" last sentence) starts in the next window's core and is dropped.
  A finding that reaches the end of a window's text (margin included) before the end of the document
  is dropped too: it is about where the window stops (a passage "cut" there), and only a passage longer
  than the margin can run into it.
* **Document-level findings** (a span covering the whole window: quality statistics, the document's
  language, a document without sources) are reported once, spanning the whole document, when at least
  half of the windows show them; the message and data are those of the first window that did, and
  ``data["windows"]`` says in how many windows of how many.
* **Annotations**: the document's language is the one covering most characters of the windows; its
  language shares are the windows' shares weighted by window length; passage languages are the
  windows' (in core order). The statistics are merged: counts summed (each window's scaled to its
  core, so the margins are not counted twice), ratios averaged by window length, lists merged; ``stats["windows"]`` gives the number of windows.
* **Duplicates**: the exact key (:func:`exact_key`), the normalised text (:func:`normalized`) and the
  MinHash signature of the whole document (:func:`batch_signatures`) are the same as those computed
  on the whole text whenever the cuts fall on white space (always, unless a quarter-window has no
  white space); the passages are the windows' passages, so a paragraph longer than a window is
  indexed as pieces.

Documents up to :data:`HUGE_CHARS` characters are checked whole, exactly as before.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Any, Sequence

import numpy as np

from audit.model import Finding, Related, Span

#: Documents longer than this are checked in windows.
HUGE_CHARS = 1_500_000
#: Target size of a window (its core, without the margins).
WINDOW_CHARS = 1_000_000
#: Text of the neighbouring windows each window is checked with, on each side.
MARGIN_CHARS = 20_000

#: A passage of a huge document longer than this (a multi-megabyte line, a dump without paragraphs) is
#: not a passage for the duplicates check: aligning two such blocks word by word is what a huge input
#: must never cost. The document's own signature still covers its text.
PASSAGE_CHARS = 50_000

_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s")


def is_huge(text: str, limit: int | None = None) -> bool:
    return len(text) > (HUGE_CHARS if limit is None else limit)


def _boundary(text: str, lo: int, hi: int) -> int:
    """The best cut in ``[lo, hi]`` (the latest of the strongest kind): after a blank line, after a line
    break, after a sentence end, after a space; ``hi`` when the range holds no white space."""
    lo = max(lo, 0)
    hi = min(hi, len(text))
    if hi <= lo:
        return hi
    i = text.rfind("\n\n", lo, hi)
    if i >= 0:
        return i + 2
    i = text.rfind("\n", lo, hi)
    if i >= 0:
        return i + 1
    last = None
    for last in _SENTENCE_END.finditer(text, lo, hi):  # noqa: B007  (the last match is wanted)
        pass
    if last is not None:
        return last.end()
    i = max(text.rfind(" ", lo, hi), text.rfind("\t", lo, hi), text.rfind("\r", lo, hi))
    if i >= 0:
        return i + 1
    return hi


def cuts(text: str, size: int | None = None) -> list[int]:
    """Window boundaries ``[0, c1, ..., len(text)]``: about ``size`` characters apart, on the strongest
    boundary (:func:`_boundary`) in the last quarter before each target."""
    size = size or WINDOW_CHARS
    n = len(text)
    count = max(1, -(-n // size))
    step = n / count
    out = [0]
    for i in range(1, count):
        target = int(round(i * step))
        c = _boundary(text, max(out[-1] + 1, target - int(step) // 4), target)
        if out[-1] < c < n:
            out.append(c)
    out.append(n)
    return out


def contexts(text: str, bounds: Sequence[int], margin: int | None = None) -> list[tuple[int, int]]:
    """The text each window is checked with: its core ``[bounds[i], bounds[i+1])`` widened by about
    ``margin`` characters on each side, the widening ending on a boundary too."""
    margin = MARGIN_CHARS if margin is None else margin
    n = len(text)
    out = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        ca = 0 if a - margin <= 0 else _boundary(text, a - 2 * margin, a - margin)
        cb = n if b + margin >= n else _boundary(text, b + margin, b + 2 * margin)
        out.append((min(ca, a), max(cb, b)))
    return out


# -- document checks -----------------------------------------------------------------------------


def shift(f: Finding, offset: int, doc_id: str) -> Finding:
    """``f`` with its span (and its related places in the same document) moved by ``offset``."""
    if not offset:
        return f
    related = tuple(
        replace(r, start=r.start + offset, end=r.end + offset) if isinstance(r, Related) and r.document == doc_id else r
        for r in f.related
    )
    return replace(f, start=f.start + offset, end=f.end + offset, related=related)


class Merger:
    """Collects what the document checks found in each window and merges it into one document's outcome."""

    def __init__(self, text: str, doc_id: str, windows: int) -> None:
        self.text = text
        self.n_chars = len(text)
        self.doc_id = doc_id
        self.windows = windows
        self.findings: list[Finding] = []
        self.document_level: dict[str, list[Finding]] = {}
        self.language_chars: Counter = Counter()
        self.shares: Counter = Counter()
        self.passage_languages: list[Any] = []
        self.stats: list[tuple[int, dict]] = []
        self.annotations: dict[str, Any] = {}

    def add(self, core: tuple[int, int], ctx_span: tuple[int, int], found: list[Finding], wctx: Any) -> None:
        a, b = core
        ca, cb = ctx_span
        length = cb - ca
        last = b == self.n_chars
        for f in found:
            if f.start == 0 and f.end == length:
                self.document_level.setdefault(f.rule, []).append(f)
                continue
            start = f.start + ca
            if not (a <= start < b or (last and start == b)):
                continue  # another window's
            if cb < self.n_chars and self._at_end(f.end + ca, cb):
                continue  # about where the window's text stops (a "truncated" passage), not the text
            self.findings.append(shift(f, ca, self.doc_id))
        weight = b - a
        self.language_chars[wctx.language] += weight
        for lang, share in wctx.languages.items():
            self.shares[lang] += share * weight
        for span, lang, conf in wctx.passage_languages:
            start = span.start + ca
            if a <= start < b:
                self.passage_languages.append((Span(start, span.end + ca), lang, conf))
        self.stats.append((weight, _scaled(wctx.stats, weight / max(length, 1))))
        for key, value in wctx.annotations.items():
            self.annotations.setdefault(key, value)

    def _at_end(self, end: int, cb: int) -> bool:
        """Does a finding ending at ``end`` reach the end ``cb`` of a window's text (white space aside)?"""
        return cb - end < 64 and not self.text[end:cb].strip()

    def language(self) -> str:
        known = {k: v for k, v in self.language_chars.items() if k not in ("und", "")}
        if not known:
            return "und"
        return max(sorted(known), key=lambda k: known[k])

    def languages(self) -> dict[str, float]:
        total = sum(w for w, _ in self.stats) or 1
        merged = {k: round(v / total, 4) for k, v in self.shares.items() if v > 0}
        return dict(sorted(merged.items(), key=lambda kv: (-kv[1], kv[0])))

    def all_findings(self) -> list[Finding]:
        out = list(self.findings)
        for rule in sorted(self.document_level):
            hits = self.document_level[rule]
            if 2 * len(hits) < self.windows:
                continue
            first = hits[0]
            data = dict(first.data or {})
            data["windows"] = f"{len(hits)} of {self.windows}"
            out.append(replace(first, start=0, end=self.n_chars, data=data))
        out.sort(key=lambda f: (f.start, f.end, f.rule))
        return out

    def merged_stats(self) -> dict[str, Any]:
        out = merge_stats(self.stats)
        out["windows"] = self.windows
        return out


def _scaled(stats: dict, share: float) -> dict:
    """A window's counts scaled to its core (``share`` of its text): the margins are counted by the
    neighbouring windows."""
    out: dict[str, Any] = {}
    for k, v in stats.items():
        if isinstance(v, dict):
            out[k] = _scaled(v, share)
        elif isinstance(v, int) and not isinstance(v, bool) and k not in _MAX_KEYS:
            out[k] = round(v * share)
        else:
            out[k] = v
    return out


#: Statistics that are not summed over windows but take the largest window value (a wrap width, the
#: number of the eight commonest function words present).
_MAX_KEYS = frozenset({"width", "gopher_stopwords"})


def merge_stats(parts: list[tuple[int, dict]], key: str = "") -> dict[str, Any]:
    """Merge per-window statistics (``(window length, stats)``): integers summed (:data:`_MAX_KEYS`:
    the largest), floats averaged by window length, booleans or-ed, lists merged (distinct values, no
    longer than the longest window list), strings and the rest: the first window's."""
    keys: list[str] = []
    for _, d in parts:
        keys.extend(k for k in d if k not in keys)
    out: dict[str, Any] = {}
    for k in keys:
        vals = [(w, d[k]) for w, d in parts if k in d]
        first = vals[0][1]
        if isinstance(first, bool):
            out[k] = any(bool(v) for _, v in vals)
        elif isinstance(first, dict):
            out[k] = merge_stats([(w, v) for w, v in vals if isinstance(v, dict)], k)
        elif isinstance(first, (int, float)) and all(
            isinstance(v, (int, float)) and not isinstance(v, bool) for _, v in vals
        ):
            if k in _MAX_KEYS:
                out[k] = max(v for _, v in vals)
            elif all(isinstance(v, int) for _, v in vals):
                out[k] = sum(v for _, v in vals)
            else:
                total = sum(w for w, _ in vals) or 1
                out[k] = round(sum(w * v for w, v in vals) / total, 4)
        elif isinstance(first, list):
            cap = max(len(v) for _, v in vals if isinstance(v, list))
            merged: list[Any] = []
            for _, v in vals:
                for item in v if isinstance(v, list) else ():
                    if item not in merged and len(merged) < cap:
                        merged.append(item)
            out[k] = merged
        else:
            out[k] = next((v for _, v in vals if v is not None), first)
    return out


# -- duplicates: the whole document's keys, computed window by window ----------------------------


def normalized(text: str, bounds: Sequence[int]) -> str:
    """:func:`audit.normalize.normalize_fast` of ``text``, window by window (equal to the whole text's
    when the cuts fall on white space)."""
    from audit.normalize import normalize_fast

    parts = [normalize_fast(text[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
    return " ".join(p for p in parts if p)


def exact_key(text: str, bounds: Sequence[int]) -> int:
    """:func:`audit.normalize.exact_key` of the normalised text, hashed window by window (the same key
    when the cuts fall on white space; xxh3 streaming gives the one-shot digest)."""
    import xxhash

    from audit import normalize as nz

    if nz.few_words(text):  # (stops after a few words: a huge text of few words is all links or mentions)
        return nz.exact_key(nz.normalize_fast(text))
    words_hash = xxhash.xxh3_64()
    chars_hash = xxhash.xxh3_64()
    chars_hash.update(b"\0")
    any_words = any_chars = False
    for a, b in zip(bounds, bounds[1:], strict=False):
        norm = nz.normalize_fast(text[a:b])
        if not norm:
            continue
        if norm.isascii():
            words = b" ".join(norm.encode("ascii").translate(nz._ASCII_KEY_TABLE).split())
        else:
            words = " ".join(nz._KEY_WORD.findall(norm)).encode("utf-8", "surrogatepass")
        if words:
            words_hash.update(b" " + words if any_words else words)
            any_words = True
        chars = norm.encode("utf-8", "surrogatepass")
        chars_hash.update(b" " + chars if any_chars else chars)
        any_chars = True
    return (words_hash if any_words else chars_hash).intdigest()


def passages(text: str, bounds: Sequence[int]) -> tuple[Span, ...]:
    """The passages of each window (:func:`audit.segment.passages`), with offsets into the whole text,
    but none longer than :data:`PASSAGE_CHARS`."""
    from audit import segment

    out: list[Span] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        out.extend(Span(p.start + a, p.end + a) for p in segment.passages(text[a:b]) if len(p) <= PASSAGE_CHARS)
    return tuple(out)


def layer_part(text: str, name: str, bounds: Sequence[int], layer: Any = None) -> Any:
    """A text-layer part (``CorpusCheck.layer_needs``) of a huge document, computed window by window
    where the parts are known (the exact key, the normalised text, the passages); the others whole
    (from ``layer`` when given)."""
    if layer is not None and name in layer.__dict__:
        return layer.__dict__[name]
    if name == "exact_key":
        return exact_key(text, bounds)
    if name == "normalized":
        return normalized(text, bounds)
    if name == "passages":
        return passages(text, bounds)
    from audit.text import TextLayer

    return getattr(layer if layer is not None else TextLayer(text), name)


def batch_signatures(
    texts: Sequence[str],
    spans: Sequence[Sequence[tuple[int, int]]],
    params: Any,
    span_params: Any,
    min_span_words: int = 0,
) -> Any:
    """:func:`audit.minhash.batch_signatures` with a huge text hashed window by window: the same
    document signature and word count (shingles across a cut are hashed from the tokens on both sides;
    the signature's bins are the minima over all windows, densified once), the same word-sequence key
    (its polynomial sum accumulated window by window), the same span signatures
    (each span lies inside one window). Memory: one window's tokens at a time, not the whole text's."""
    from audit import minhash

    huge = [i for i, t in enumerate(texts) if is_huge(t)]
    if not huge:
        return minhash.batch_signatures(texts, spans, params, span_params, min_span_words)
    parts = []
    i = 0
    for h in [*huge, len(texts)]:
        if i < h:
            parts.append(minhash.batch_signatures(texts[i:h], spans[i:h], params, span_params, min_span_words))
        if h < len(texts):
            parts.append(_huge_signature(texts[h], spans[h], params, span_params, min_span_words))
        i = h + 1
    return minhash.Batch(
        np.concatenate([p.doc_sigs for p in parts]),
        np.concatenate([p.doc_words for p in parts]),
        np.concatenate([p.span_sigs for p in parts]),
        np.concatenate([p.span_words for p in parts]),
        np.concatenate([p.span_keys for p in parts]),
        np.concatenate([p.doc_keys for p in parts]),
    )


def _huge_signature(text: str, spans: Sequence[tuple[int, int]], params: Any, span_params: Any, min_span_words: int):
    from audit import minhash, tokenhash

    k = params.num_perm
    n = params.shingle_size
    raw = np.full(k, minhash._MAX32, dtype=np.uint32)
    tail = np.zeros(0, dtype=np.uint64)  # the last n-1 token hashes of the windows before
    words = 0
    key_sum = np.uint64(0)
    span_arr = np.asarray(spans, dtype=np.int64).reshape(-1, 2)
    span_parts = []
    bounds = cuts(text)
    seed = tokenhash._seed_mix(params.seed, 0)
    for a, b in zip(bounds, bounds[1:], strict=False):
        window = text[a:b]
        buf, _offsets = tokenhash._encode([window])
        _starts, _ends, th = tokenhash._token_hashes(buf, seed)
        del buf
        with np.errstate(over="ignore"):  # the word-sequence key: sum of th[i] * R**i over the text
            part_sum = np.sum(th * tokenhash._cumpow(minhash._R, len(th)), dtype=np.uint64)
            key_sum = np.uint64(key_sum + part_sum * np.uint64(pow(int(minhash._R), words, 1 << 64)))
        words += len(th)
        ext = np.concatenate((tail, th)) if len(tail) else th
        if len(ext) >= n:
            hashes, _b = minhash._shingles_in_ranges(
                ext, np.zeros(1, dtype=np.int64), np.array([len(ext)], dtype=np.int64), params
            )
            hi = (hashes >> np.uint64(32)).astype(np.int64)
            bins = (hi * k) >> 32
            np.minimum.at(raw, bins, (hashes & np.uint64(0xFFFFFFFF)).astype(np.uint32))
            del hashes, hi, bins
        tail = ext[-(n - 1) :] if n > 1 else ext[:0]
        inside = span_arr[(span_arr[:, 0] >= a) & (span_arr[:, 0] < b)] if len(span_arr) else span_arr
        if len(inside):
            local = [(int(s) - a, min(int(e), b) - a) for s, e in inside]
            part = minhash.batch_signatures([window], [local], params, span_params, min_span_words)
            span_parts.append(part)
    if 0 < words < n:  # fewer tokens than a shingle: one shingle of them all, as the whole text would
        return minhash.batch_signatures(
            [text], [[(int(s), int(e)) for s, e in span_arr.tolist()]], params, span_params, min_span_words
        )
    sig = raw.reshape(1, k)
    minhash._densify(sig, np.array([words > 0]), params)
    m = span_params.num_perm
    with np.errstate(over="ignore"):  # as minhash._range_keys finishes a key
        key = np.array([key_sum], dtype=np.uint64)
        key ^= minhash._splitmix64_inplace(np.array([words], dtype=np.uint64) + minhash._U64(0x632BE59BD9B4E019))
        key = minhash._splitmix64_inplace(key)
    return minhash.Batch(
        sig,
        np.array([words], dtype=np.int64),
        np.concatenate([p.span_sigs for p in span_parts]) if span_parts else np.zeros((0, m), dtype=np.uint32),
        np.concatenate([p.span_words for p in span_parts]) if span_parts else np.zeros(0, dtype=np.int64),
        np.concatenate([p.span_keys for p in span_parts]) if span_parts else np.zeros(0, dtype=np.uint64),
        key,
    )
