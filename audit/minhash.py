"""Vectorised MinHash signatures over word n-gram shingles, and LSH band keys.

This is the shared hashing mechanism of the duplicates family, the persistent
index and the benchmarks. It never makes one Python call per token or shingle;
a whole batch of texts is hashed with a handful of numpy operations:

1. **Tokens, at byte level.** The texts are UTF-8 encoded into one byte
   buffer and lower-cased there (ASCII, Latin-1, Greek and basic Cyrillic
   capitals; byte lengths never change, so offsets stay exact). A byte belongs to a word when it is
   ``[0-9a-z_]`` or part of a non-ASCII character, except the UTF-8 punctuation
   blocks ``C2 80-BF`` (no-break space, guillemets, inverted marks, ...) and
   ``E2 80-81 xx`` (curly quotes, dashes, ellipsis, ...), which separate words
   like ASCII punctuation does. So quote, dash and whitespace variants never
   change a token.
2. **Token hashes** are polynomial hashes of their bytes mod 2**32, taken from
   one prefix sum of ``byte * P**position`` over the buffer and re-based with
   the modular inverse power of the token's start; with the token length in the
   high half, splitmix64 spreads them over 64 bits.
3. **Shingle hashes** combine ``shingle_size`` consecutive token hashes with a
   second polynomial, for every document of the batch at once (shingles that
   would cross a document boundary are dropped; a document with fewer tokens
   than ``shingle_size`` gives one shingle of all its tokens).
4. **Signatures** use one-permutation hashing with optimal densification
   (Li, Owen & Zhang 2012; Shrivastava 2017): each shingle hash picks one of
   ``num_perm`` bins by its high bits and competes there by its low 32 bits; a
   bin that stays empty borrows the value of the bin its fixed probe sequence
   reaches first. Two signatures agree in a position with probability equal to
   the Jaccard similarity of the shingle sets, as with ``num_perm`` independent
   permutations, at the cost of one hash per shingle instead of ``num_perm``.

:class:`MinHashParams` records everything that changes a signature; a persistent
index stores :meth:`MinHashParams.fingerprint` and refuses to mix others.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from itertools import chain
from typing import Sequence

import numpy as np
import xxhash

from audit.chars import SHINGLE_DENSE
from audit.normalize import NORMALIZATION_VERSION
from audit.tokenhash import (
    _CHUNK_BYTES,
    _MAX32,
    _U64,
    _cumpow,
    _encode,
    _lower_bytes,
    _seed_mix,
    _splitmix64,
    _splitmix64_inplace,
    _token_hashes,
)

_Q = _U64(0x9E3779B97F4A7C15)  # shingle polynomial base


@dataclass(frozen=True)
class MinHashParams:
    """Everything that determines a signature and its band keys."""

    #: Words per shingle.
    shingle_size: int = 5
    #: Signature length (number of bins / hash values).
    num_perm: int = 128
    #: LSH bands x rows; bands * rows must equal num_perm.
    bands: int = 32
    rows: int = 4
    #: Seed of the token hash, the bin values and the densification probes.
    seed: int = 1

    def __post_init__(self) -> None:
        if self.shingle_size < 1:
            raise ValueError("shingle_size must be at least 1")
        if self.num_perm < 1:
            raise ValueError("num_perm must be at least 1")
        if self.bands * self.rows != self.num_perm:
            raise ValueError(f"bands x rows ({self.bands} x {self.rows}) must equal num_perm ({self.num_perm})")

    @property
    def threshold(self) -> float:
        """The Jaccard similarity at which a pair becomes a candidate with probability ~0.5."""
        return (1.0 / self.bands) ** (1.0 / self.rows)

    def candidate_probability(self, jaccard: float) -> float:
        """Probability that a pair with this Jaccard similarity shares at least one band."""
        return 1.0 - (1.0 - jaccard**self.rows) ** self.bands

    def fingerprint(self) -> dict:
        d = asdict(self)
        d["normalization_version"] = NORMALIZATION_VERSION
        d["hash"] = "bytelower-utf8punct-cjkthaichar/poly32len+splitmix64/oph-densified-32"
        return d


def _shingles_in_ranges(th: np.ndarray, t0: np.ndarray, t1: np.ndarray, params: MinHashParams):
    """Shingle hashes of token ranges ``th[t0[i]:t1[i]]``, concatenated, and each range's start in them."""
    counts = t1 - t0
    n = params.shingle_size
    m = len(th)
    with np.errstate(over="ignore"):
        if m >= n:
            count = m - n + 1
            h = th[:count].copy()
            for k in range(1, n):
                h *= _Q
                h += th[k : k + count]
        else:
            h = np.zeros(0, dtype=np.uint64)
        # Valid shingle starts: [t0, t1 - n] of each range.
        n_sh = np.maximum(counts - n + 1, 0)
        short = np.flatnonzero((counts > 0) & (counts < n))
        if not short.size and len(counts) and len(h) and t0[0] == 0 and t1[-1] == m and (t0[1:] == t1[:-1]).all():
            # Back-to-back ranges (whole documents): drop the shingles that cross a boundary.
            mask = np.ones(len(h), dtype=bool)
            bad = (t1[:-1, None] - np.arange(1, n)[None, :]).ravel()
            mask[bad[(bad >= 0) & (bad < len(h))]] = False
            sh_bounds = np.zeros(len(counts) + 1, dtype=np.int64)
            np.cumsum(n_sh, out=sh_bounds[1:])
            out = h[mask]
            out ^= _seed_mix(params.seed, 1)
            return _splitmix64_inplace(out), sh_bounds
        if short.size:
            # Ranges with fewer tokens than a shingle: one shingle of all their tokens.
            n_sh[short] = 1
        sh_bounds = np.zeros(len(counts) + 1, dtype=np.int64)
        np.cumsum(n_sh, out=sh_bounds[1:])
        total = int(sh_bounds[-1])
        if total == 0:
            return np.zeros(0, dtype=np.uint64), sh_bounds
        # Shingle j of range i starts at token t0[i] + (j - sh_bounds[i]).
        idx = np.arange(total, dtype=np.int64)
        idx += np.repeat(t0 - sh_bounds[:-1], n_sh)
        if not short.size:
            out = h.take(idx)
            out ^= _seed_mix(params.seed, 1)
            return _splitmix64_inplace(out), sh_bounds
        out = np.empty(total, dtype=np.uint64)
        normal = np.repeat(counts >= n, n_sh)
        out[normal] = h[idx[normal]]
        for d in short:
            k = int(counts[d])
            s0 = int(t0[d])
            v = th[s0].copy()
            for j in range(1, k):
                v = v * _Q + th[s0 + j]
            out[sh_bounds[d]] = v
        out ^= _seed_mix(params.seed, 1)
        return _splitmix64_inplace(out), sh_bounds


def _shingles_batch(texts: Sequence[str], params: MinHashParams) -> tuple[np.ndarray, np.ndarray]:
    """uint64 shingle hashes of every text, concatenated, and each text's start index in them."""
    buf, offsets = _encode(texts)
    starts, _ends, th = _token_hashes(buf, _seed_mix(params.seed, 0))
    tok_bounds = np.searchsorted(starts, offsets)
    return _shingles_in_ranges(th, tok_bounds[:-1], tok_bounds[1:], params)


@dataclass
class Batch:
    """Signatures of documents and of spans (passages) inside them, from one tokenisation."""

    doc_sigs: np.ndarray  # uint32, documents x params.num_perm
    doc_words: np.ndarray  # int64, words per document
    span_sigs: np.ndarray  # uint32, spans x span_params.num_perm
    span_words: np.ndarray  # int64, words per span
    span_keys: np.ndarray  # uint64: hash of the span's word sequence (case/punctuation-insensitive)
    #: uint64 key of each document's whole word sequence (as span_keys; :func:`sequence_keys`)
    doc_keys: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint64))


def batch_signatures(
    texts: Sequence[str],
    spans: Sequence[Sequence[tuple[int, int]]],
    params: MinHashParams,
    span_params: MinHashParams,
    min_span_words: int = 0,
) -> Batch:
    """Signatures of whole texts and of character spans inside them (``spans[i]`` for ``texts[i]``).

    Spans with fewer than ``min_span_words`` words get no signature (all bins 0xFFFFFFFF): the
    menu lines and captions of a web page, hundreds per page, never reach the passage index, and their
    nearly empty signatures were most of the densification work.

    Every text is tokenised and its tokens hashed once; document and span
    shingles are both built from those token hashes (the token hash seed is
    ``params.seed``). Span word counts and word-sequence keys come for free.
    """
    buf, offsets = _encode(texts)
    starts, _ends, th = _token_hashes(buf, _seed_mix(params.seed, 0))
    tok_bounds = np.searchsorted(starts, offsets)
    hashes, bounds = _shingles_in_ranges(th, tok_bounds[:-1], tok_bounds[1:], params)
    doc_sigs = signatures_from_hashes(hashes, bounds, params)
    # Span byte ranges in the buffer, for all texts at once: character offsets become byte
    # offsets through the byte position of every character (UTF-8 lead bytes; the case
    # mapping of _lower_bytes keeps lead and continuation bytes where they are).
    counts = np.fromiter((len(sp) for sp in spans), dtype=np.int64, count=len(spans))
    if counts.sum():
        flat = np.fromiter(chain.from_iterable(chain.from_iterable(spans)), dtype=np.int64, count=2 * int(counts.sum()))
        doc_of = np.repeat(np.arange(len(spans), dtype=np.int64), counts)
        byte_of = _CharBytes(buf)
        char_base = byte_of.char_index(offsets[: len(spans)])[doc_of]
        b0 = np.searchsorted(starts, byte_of(char_base + flat[0::2]))
        b1 = np.searchsorted(starts, byte_of(char_base + flat[1::2]))
        span_words = b1 - b0
        keys = _range_keys(th, b0, b1)
        sel = np.flatnonzero(span_words >= min_span_words) if min_span_words > 0 else None
        if sel is None or sel.size == len(span_words):
            sh, sbounds = _shingles_in_ranges(th, b0, b1, span_params)
            span_sigs = signatures_from_hashes(sh, sbounds, span_params)
        else:
            span_sigs = np.full((len(span_words), span_params.num_perm), _MAX32, dtype=np.uint32)
            if sel.size:
                sh, sbounds = _shingles_in_ranges(th, b0[sel], b1[sel], span_params)
                span_sigs[sel] = signatures_from_hashes(sh, sbounds, span_params)
    else:
        span_sigs = np.zeros((0, span_params.num_perm), dtype=np.uint32)
        keys = np.zeros(0, dtype=np.uint64)
        span_words = np.zeros(0, dtype=np.int64)
    doc_keys = _range_keys(th, tok_bounds[:-1], tok_bounds[1:])
    return Batch(doc_sigs, np.diff(tok_bounds), span_sigs, span_words, keys, doc_keys)


def sequence_keys(texts: Sequence[str], seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """uint64 key of each text's word sequence, and its number of words: equal word sequences (as the
    signatures see them: case of the letters :func:`tokens` lower-cases, punctuation, quotes, dashes
    and white space aside) give equal keys. The same keys as :attr:`Batch.doc_keys` and
    :attr:`Batch.span_keys` for the same token seed (``MinHashParams.seed``)."""
    if not texts:
        return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64)
    buf, offsets = _encode(texts)
    starts, _ends, th = _token_hashes(buf, _seed_mix(seed, 0))
    tok_bounds = np.searchsorted(starts, offsets)
    return _range_keys(th, tok_bounds[:-1], tok_bounds[1:]), np.diff(tok_bounds)


class _CharBytes:
    """Byte offset of a character of a UTF-8 buffer by its index (and back), from the positions of the
    continuation bytes alone: nothing to compute for ASCII, no array the size of the buffer otherwise."""

    def __init__(self, buf: np.ndarray) -> None:
        cont = np.flatnonzero((buf & np.uint8(0xC0)) == np.uint8(0x80))
        self.cont = cont
        # Index of the character each continuation byte belongs to (the j-th one follows j others).
        self.owner = cont - np.arange(1, len(cont) + 1, dtype=np.int64)

    def __call__(self, chars: np.ndarray) -> np.ndarray:
        """Byte offset of each character index (its lead byte)."""
        return chars + np.searchsorted(self.owner, chars)

    def char_index(self, byte_offsets: np.ndarray) -> np.ndarray:
        """Character index of the characters that start at these byte offsets."""
        return byte_offsets - np.searchsorted(self.cont, byte_offsets)


_R = _U64(0xD6E8FEB86659FD93)  # span-key polynomial base (odd, so invertible mod 2**64)
_R_POWERS: list[np.ndarray] = [np.ones(1, dtype=np.uint64), np.ones(1, dtype=np.uint64)]


def _range_keys(th: np.ndarray, b0: np.ndarray, b1: np.ndarray) -> np.ndarray:
    """uint64 key of each token range ``th[b0[i]:b1[i]]`` (equal token sequences, equal keys).

    A polynomial over the token hashes mod 2**64, for all ranges from one prefix
    sum (re-based with the inverse power of the range start), mixed with the length.
    """
    n = len(th) + 1
    if len(_R_POWERS[0]) < n:
        size = -(-n // (1 << 16)) * (1 << 16)
        _R_POWERS[0] = _cumpow(_R, size, _R_POWERS[0])
        _R_POWERS[1] = _cumpow(_U64(pow(int(_R), -1, 1 << 64)), size, _R_POWERS[1])
    pw, inv = _R_POWERS
    with np.errstate(over="ignore"):
        csum = np.zeros(n, dtype=np.uint64)
        np.cumsum(th * pw[: len(th)], dtype=np.uint64, out=csum[1:])
        key = csum[b1] - csum[b0]
        key *= inv[b0]
        key ^= _splitmix64_inplace((b1 - b0).astype(np.uint64) + _U64(0x632BE59BD9B4E019))
        return _splitmix64_inplace(key)


_PROBES: dict[tuple[int, int], np.ndarray] = {}


def _probe_table(params: MinHashParams) -> np.ndarray:
    """Fixed densification probe order: row t gives, for every bin, the bin it borrows from at try t."""
    key = (params.seed, params.num_perm)
    table = _PROBES.get(key)
    if table is None:
        rng = np.random.default_rng([params.seed, params.num_perm, 7])
        k = params.num_perm
        tries = max(64, 8 * k)
        table = rng.integers(0, k, size=(tries, k), dtype=np.int64)
        _PROBES[key] = table
    return table


def signatures_from_hashes(hashes: np.ndarray, bounds: np.ndarray, params: MinHashParams) -> np.ndarray:
    """Signatures (uint32, ``len(bounds) - 1`` x num_perm) of shingle-hash runs ``hashes[bounds[i]:bounds[i+1]]``."""
    n = len(bounds) - 1
    k = params.num_perm
    sig: np.ndarray = np.full(n * k, _MAX32, dtype=np.uint32)
    if hashes.size:
        doc_of = np.repeat(np.arange(n, dtype=np.int64), np.diff(bounds))
        # Bin from the high bits (multiply-shift onto [0, k)), value from the low 32 bits.
        hi = (hashes >> _U64(32)).astype(np.int64)
        bins = (hi * k) >> 32
        np.minimum.at(sig, doc_of * k + bins, (hashes & _U64(0xFFFFFFFF)).astype(np.uint32))
    sig = sig.reshape(n, k)
    _densify(sig, np.diff(bounds) > 0, params)
    return sig


def _densify(sig: np.ndarray, nonempty: np.ndarray, params: MinHashParams) -> None:
    """Fill empty bins (value 0xFFFFFFFF) of non-empty documents from their probe sequence.

    Each empty bin takes the value of the first bin of its probe sequence that is filled. The tries are
    looked at in blocks of growing size (1, 2, 4, ...), all empty bins of the batch at once: the few
    bins of short texts that need hundreds of tries cost a handful of numpy calls, not one per try.
    """
    empty = sig == _MAX32
    empty &= nonempty[:, None]
    k = sig.shape[1]
    out = sig.reshape(-1)  # a view where sig is C-contiguous (signatures_from_hashes, windows._huge_signature)
    if not np.shares_memory(out, sig):  # else a copy: fill a contiguous copy and write it back
        filled = np.ascontiguousarray(sig)
        _densify(filled, nonempty, params)
        sig[...] = filled
        return
    pos = np.flatnonzero(empty)  # flat positions of the bins to fill
    if pos.size == 0:
        return
    flat = out.copy()  # the values before any bin is filled: donors are read from these
    cols = pos % k
    base = pos - cols
    table = _probe_table(params)
    t, block = 0, 1
    while pos.size and t < len(table):
        if block == 1:  # the first try fills most bins: one gather, no block axis
            vals = flat[base + table[t, cols]]
            hit = vals != _MAX32
            out[pos[hit]] = vals[hit]
        else:
            donors = table[t : t + block, cols]  # block x empty bins
            vals2 = flat[base + donors]
            ok = vals2 != _MAX32
            hit = ok.any(axis=0)
            if hit.any():
                out[pos[hit]] = vals2[ok[:, hit].argmax(axis=0), np.flatnonzero(hit)]
        if hit.any():
            miss = ~hit
            pos, cols, base = pos[miss], cols[miss], base[miss]
        t += block
        block *= 2
    # Extremely unlikely: take the smallest filled value of the document.
    for p in pos.tolist():
        r = p // k
        row = flat[r * k : (r + 1) * k]
        out[p] = row[row != _MAX32].min()


def signatures(texts: Sequence[str], params: MinHashParams | None = None) -> np.ndarray:
    """MinHash signatures of many texts at once: uint32 array ``len(texts) x num_perm``.

    An empty text (no word) gets all bins 0xFFFFFFFF. Texts are processed in
    chunks of about 2 MB, so the temporary memory is bounded.
    """
    params = params or MinHashParams()
    out = np.empty((len(texts), params.num_perm), dtype=np.uint32)
    i = 0
    while i < len(texts):
        j, size = i, 0
        while j < len(texts) and (j == i or size + len(texts[j]) <= _CHUNK_BYTES):
            size += len(texts[j])
            j += 1
        hashes, bounds = _shingles_batch(texts[i:j], params)
        out[i:j] = signatures_from_hashes(hashes, bounds, params)
        i = j
    return out


def signature(text: str, params: MinHashParams | None = None) -> np.ndarray:
    """The MinHash signature (uint32, length num_perm) of one text."""
    return signatures([text], params)[0]


def word_hashes(text: str, seed: int = 1) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The text's word tokens as the signatures see them: (uint64 hashes, char starts, char ends).

    Offsets index ``text`` itself. Used to align two texts word by word without
    building Python strings per word.
    """
    buf = _lower_bytes(text.encode("utf-8", "surrogatepass") + b" ")
    starts, ends, th = _token_hashes(buf, _seed_mix(seed, 0))
    if text.isascii():
        return th, starts, ends
    # Byte offset -> character offset (tokens start and end on character boundaries).
    char_of = _CharBytes(buf).char_index
    return th, char_of(starts), char_of(ends)


def word_hashes_batch(texts: Sequence[str], seed: int = 1) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """:func:`word_hashes` of many texts in one pass (same results, far fewer numpy calls)."""
    if not texts:
        return []
    buf, offsets = _encode(texts)
    starts, ends, th = _token_hashes(buf, _seed_mix(seed, 0))
    # Global character index of the token edges and text starts (separators are one character each;
    # tokens start and end on character boundaries): no index array the size of the buffer.
    char_of = _CharBytes(buf).char_index
    char_start = char_of(offsets[:-1])
    cs = char_of(starts)
    ce = char_of(ends)
    bounds = np.searchsorted(starts, offsets).tolist()
    out = []
    for d in range(len(texts)):
        a, b = bounds[d], bounds[d + 1]
        base = char_start[d]
        out.append((th[a:b], cs[a:b] - base, ce[a:b] - base))
    return out


def band_keys(sig: np.ndarray, params: MinHashParams) -> list[bytes]:
    """One key per band: the band index and its rows, hashed to 8 bytes."""
    rows = params.rows
    raw = np.ascontiguousarray(sig, dtype="<u4").tobytes()
    width = rows * 4
    return [xxhash.xxh3_64_digest(raw[i * width : (i + 1) * width], seed=i) for i in range(params.bands)]


def band_hashes(sigs: np.ndarray, params: MinHashParams) -> np.ndarray:
    """Vectorised band keys: uint64 ``n x bands`` (a hash of each band's rows and the band index).

    Not byte-identical to :func:`band_keys` (which hashes with xxh3); use one or the other.
    """
    sigs = np.asarray(sigs, dtype=np.uint32).reshape(-1, params.bands, params.rows)
    with np.errstate(over="ignore"):
        h = np.broadcast_to(
            _splitmix64(np.arange(params.bands, dtype=np.uint64) + _seed_mix(params.seed, 2)),
            sigs.shape[:2],
        ).copy()
        for r in range(params.rows):
            h ^= sigs[:, :, r].astype(np.uint64)
            h = _splitmix64_inplace(h)
    return h


def estimated_jaccard(sig_a: np.ndarray, sig_b: np.ndarray) -> float:
    return float(np.count_nonzero(sig_a == sig_b)) / float(len(sig_a))


# ---------------------------------------------------------------------------
# Token-level helpers (slow path, for tests, verification and benchmarks)

_WORD_CHARS = (
    r"[^\W\u0080-\u00bf\u2000-\u207f\u0e00-\u0e7f\u3000-\u9fff\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]+"
)
_TOKEN = re.compile(
    f"[{SHINGLE_DENSE}]"  # one token per Thai character, kana or CJK ideograph
    # runs of word characters; a single NUL between two of them joins them (UTF-16 read as bytes)
    rf"|{_WORD_CHARS}(?:\x00{_WORD_CHARS})*"
)


def tokens(text: str) -> list[str]:
    """Word tokens as the hashing sees them: lower-cased runs of word characters.

    Punctuation, quotes, dashes and whitespace variants separate tokens.
    """
    buf = _lower_bytes(text.encode("utf-8", "surrogatepass"))
    return _TOKEN.findall(buf.tobytes().decode("utf-8", "surrogatepass"))


def shingle_hashes(toks: list[str], params: MinHashParams) -> np.ndarray:
    """uint64 hashes of the word n-gram shingles of a token list (a short list gives one shingle)."""
    if not toks:
        return np.zeros(0, dtype=np.uint64)
    hashes, _ = _shingles_batch([" ".join(toks)], params)
    return hashes


def jaccard(toks_a: list[str], toks_b: list[str], params: MinHashParams) -> float:
    """Exact Jaccard similarity of two token lists' shingle sets (for tests and benchmarks)."""
    a = set(shingle_hashes(toks_a, params).tolist())
    b = set(shingle_hashes(toks_b, params).tolist())
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)
