"""Vectorised MinHash signatures over word n-gram shingles, and LSH band keys.

This is the shared hashing mechanism of the duplicates family, the persistent
index and the benchmarks. It avoids one Python call per shingle:

1. the text is normalised (:func:`audit.normalize.normalize`) and split into
   word tokens; each distinct token is hashed once with xxhash (a small cache
   makes repeated words free);
2. n-gram shingle hashes are combined from token hashes with numpy (a
   polynomial over uint64, then a splitmix64 finaliser), all at once;
3. the ``num_perm`` "permutations" are multiply-add-shift hashes
   ``(a*x + b) >> 32`` over uint64 (a 2-universal family), evaluated as one
   ``(shingles x num_perm)`` numpy operation, and the signature is the column
   minimum.

:class:`MinHashParams` records everything that changes a signature; a persistent
index stores :meth:`MinHashParams.fingerprint` and refuses to mix others.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass

import numpy as np
import xxhash

from audit.normalize import NORMALIZATION_VERSION

_TOKEN = re.compile(r"\w+")
_SHIFT = np.uint64(32)
_MAX32 = np.uint32(0xFFFFFFFF)
#: Shingles are processed in blocks of this many rows to bound temporary memory.
_BLOCK = 4096


@dataclass(frozen=True)
class MinHashParams:
    """Everything that determines a signature and its band keys."""

    #: Words per shingle.
    shingle_size: int = 5
    #: Signature length (number of hash functions).
    num_perm: int = 128
    #: LSH bands x rows; bands * rows must equal num_perm.
    bands: int = 32
    rows: int = 4
    #: Seed of the token hash and of the permutation coefficients.
    seed: int = 1

    def __post_init__(self) -> None:
        if self.shingle_size < 1:
            raise ValueError("shingle_size must be at least 1")
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
        d["hash"] = "xxh3_64+poly+splitmix64/multiply-shift-32"
        return d

    @property
    def _coefficients(self) -> tuple[np.ndarray, np.ndarray]:
        key = (self.seed, self.num_perm)
        coef = _COEFFICIENTS.get(key)
        if coef is None:
            rng = np.random.default_rng(self.seed)
            a = rng.integers(1, 2**63, size=self.num_perm, dtype=np.uint64) | np.uint64(1)  # odd multipliers
            b = rng.integers(0, 2**63, size=self.num_perm, dtype=np.uint64)
            coef = _COEFFICIENTS[key] = (a, b)
        return coef


_COEFFICIENTS: dict[tuple[int, int], tuple[np.ndarray, np.ndarray]] = {}


def tokens(text: str) -> list[str]:
    """Word tokens of the text, NFKC-normalised and case-folded.

    Quote, dash and whitespace variants do not matter here: tokens are runs of
    word characters only.
    """
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    return _TOKEN.findall(text.casefold())


class _TokenHasher:
    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.cache: dict[str, int] = {}

    def __call__(self, toks: list[str]) -> np.ndarray:
        cache = self.cache
        if len(cache) > 2_000_000:
            cache.clear()
        seed = self.seed
        out = []
        append = out.append
        for t in toks:
            h = cache.get(t)
            if h is None:
                h = xxhash.xxh3_64_intdigest(t.encode("utf-8", "surrogatepass"), seed)
                cache[t] = h
            append(h)
        return np.fromiter(out, dtype=np.uint64, count=len(out))


_HASHERS: dict[int, _TokenHasher] = {}


def _hasher(seed: int) -> _TokenHasher:
    h = _HASHERS.get(seed)
    if h is None:
        h = _HASHERS[seed] = _TokenHasher(seed)
    return h


def _splitmix64(x: np.ndarray) -> np.ndarray:
    x = x ^ (x >> np.uint64(30))
    x = x * np.uint64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> np.uint64(27))
    x = x * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


_POLY = np.uint64(0x100000001B3)


def shingle_hashes(toks: list[str], params: MinHashParams) -> np.ndarray:
    """uint64 hashes of the word n-gram shingles (a short text gives one shingle)."""
    if not toks:
        return np.zeros(0, dtype=np.uint64)
    th = _hasher(params.seed)(toks)
    n = params.shingle_size
    if len(th) <= n:
        n = len(th)
    count = len(th) - n + 1
    with np.errstate(over="ignore"):
        h = th[:count].copy()
        for k in range(1, n):
            h = h * _POLY + th[k : k + count]
        return _splitmix64(h)


def signature_from_hashes(hashes: np.ndarray, params: MinHashParams) -> np.ndarray:
    """The MinHash signature (uint32, length num_perm) of a set of uint64 shingle hashes."""
    a, b = params._coefficients
    sig = np.full(params.num_perm, _MAX32, dtype=np.uint32)
    if hashes.size == 0:
        return sig
    with np.errstate(over="ignore"):
        for i in range(0, hashes.size, _BLOCK):
            block = hashes[i : i + _BLOCK]
            ph = np.multiply.outer(block, a)  # (shingles x num_perm), wraps mod 2**64
            ph += b
            ph >>= _SHIFT
            np.minimum(sig, ph.min(axis=0).astype(np.uint32), out=sig)
    return sig


def signature(text: str, params: MinHashParams | None = None) -> np.ndarray:
    params = params or MinHashParams()
    return signature_from_hashes(shingle_hashes(tokens(text), params), params)


def band_keys(sig: np.ndarray, params: MinHashParams) -> list[bytes]:
    """One key per band: the band index and its rows, hashed to 8 bytes."""
    rows = params.rows
    raw = sig.astype("<u4").tobytes()
    width = rows * 4
    return [
        xxhash.xxh3_64_digest(raw[i * width : (i + 1) * width], seed=i)
        for i in range(params.bands)
    ]


def estimated_jaccard(sig_a: np.ndarray, sig_b: np.ndarray) -> float:
    return float(np.count_nonzero(sig_a == sig_b)) / float(len(sig_a))


def jaccard(toks_a: list[str], toks_b: list[str], params: MinHashParams) -> float:
    """Exact Jaccard similarity of two token lists' shingle sets (for tests and benchmarks)."""
    a = set(shingle_hashes(toks_a, params).tolist())
    b = set(shingle_hashes(toks_b, params).tolist())
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)
