"""The byte-level tokeniser behind MinHash signatures and word hashes: texts are lower-cased as UTF-8
bytes (one buffer per batch), cut into word tokens (letters, digits; each CJK or Thai character a token)
and hashed with a 32-bit polynomial, then mixed with splitmix64. Vectorised with numpy; no per-token
Python objects. Changing anything here changes every signature: bump the hash scheme named in
:meth:`audit.minhash.MinHashParams.fingerprint`, so stored indexes are refused, not mixed.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
import xxhash

_MAX32 = np.uint32(0xFFFFFFFF)
#: Texts are hashed in chunks of about this many UTF-8 bytes to bound temporary memory.
_CHUNK_BYTES = 1 << 21
_U64 = np.uint64
_P = np.uint32(0x01000193)  # token polynomial base (odd, so invertible mod 2**32)


def _splitmix64(x: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser of every element (a new array; ``x`` is left as it is)."""
    return _splitmix64_inplace(x.copy())


def _splitmix64_inplace(x: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser of every element, written over ``x`` (one scratch array, no temporaries)."""
    tmp = np.empty_like(x)
    np.right_shift(x, _U64(30), out=tmp)
    x ^= tmp
    x *= _U64(0xBF58476D1CE4E5B9)
    np.right_shift(x, _U64(27), out=tmp)
    x ^= tmp
    x *= _U64(0x94D049BB133111EB)
    np.right_shift(x, _U64(31), out=tmp)
    x ^= tmp
    return x


def _seed_mix(seed: int, salt: int) -> np.uint64:
    return _U64(xxhash.xxh3_64_intdigest(salt.to_bytes(8, "little"), seed))


class _Powers:
    """P**i and P**-i mod 2**32, grown on demand."""

    def __init__(self) -> None:
        self.pw = np.ones(1, dtype=np.uint32)
        self.inv = np.ones(1, dtype=np.uint32)

    def ensure(self, n: int) -> None:
        if len(self.pw) >= n:
            return
        n = -(-n // (1 << 18)) * (1 << 18)  # round up to 256 Ki entries (1 MB each table)
        pinv = np.uint32(pow(int(_P), -1, 1 << 32))
        with np.errstate(over="ignore"):
            # grown from the powers already computed (a batch longer than the last one extends the tables)
            self.pw = _cumpow(_P, n, self.pw)
            self.inv = _cumpow(pinv, n, self.inv)


def _cumpow(base: np.unsignedinteger, n: int, head: np.ndarray | None = None) -> np.ndarray:
    """``base**0 .. base**(n-1)`` in ``base``'s unsigned type (wrapping modulo 2**32 or 2**64), by doubling:
    the next ``k`` powers are the first ``k`` times ``base**k`` (about log2(n) vector products instead of
    ``multiply.accumulate``'s n dependent steps; the same values, products modulo 2**w being exact).
    ``head``: the first powers, already computed (an earlier, shorter table), copied and continued."""
    dtype = np.asarray(base).dtype
    out = np.empty(n, dtype=dtype)
    if n < 1:
        return out
    if head is not None and 1 < len(head) <= n:
        k = len(head)
        out[:k] = head
        with np.errstate(over="ignore"):
            step = head[k - 1] * dtype.type(base)  # base**k
    else:
        out[0] = 1
        step = dtype.type(base)  # base**k for the k powers already written
        k = 1
    with np.errstate(over="ignore"):
        while k < n:
            m = min(k, n - k)
            np.multiply(out[:m], step, out=out[k : k + m])
            k += m
            if k < n:
                step = step * step
    return out


_POWERS = _Powers()


def _high(buf: np.ndarray) -> np.ndarray:
    """Positions of the bytes that lead a character of two or more bytes (``>= 0xC2``; few in most text).

    Lower-casing (:func:`_lower_bytes`) never moves them: it changes continuation bytes, and lead bytes
    only from CE to CF or D0 to D1."""
    return np.flatnonzero(buf >= np.uint8(0xC2))


def _after(buf: np.ndarray, pos: np.ndarray, k: int) -> np.ndarray:
    """``buf[pos + k]``, the last byte where that runs past the end (callers bound ``pos`` themselves)."""
    return buf.take(pos + k, mode="clip")


def _word_mask(buf: np.ndarray, high: np.ndarray | None = None) -> np.ndarray:
    """Which bytes of a lower-cased UTF-8 buffer belong to words (``high``: :func:`_high` of ``buf``).

    The ASCII classes take four passes over the buffer; the UTF-8 punctuation blocks are looked up at
    the multi-byte characters only.
    """
    w = (buf - np.uint8(0x61)) < np.uint8(26)  # a-z (wraps below 0x61)
    w |= (buf - np.uint8(0x30)) < np.uint8(10)  # 0-9
    w |= buf >= np.uint8(0x80)  # non-ASCII
    w |= buf == np.uint8(0x5F)  # _
    n = len(buf)
    if n < 2:
        return w
    if high is None:
        high = _high(buf)
    if high.size:
        _punctuation_not_words(buf, high, w)
    if n > 2 and buf.min() == 0:  # all that text without NUL pays: one vectorised pass
        _join_nul(buf, w)
    return w


def _join_nul(buf: np.ndarray, w: np.ndarray) -> None:
    """Mark as word bytes the NULs that sit between two word bytes.

    UTF-16 text decoded one byte at a time puts a NUL after every ASCII character
    (``c<NUL>o<NUL>m<NUL>m<NUL>e<NUL>n<NUL>t``): a NUL between two word characters joins them into one
    word, so such a page has words, not one token per letter; a NUL next to white space or punctuation
    stays a separator (``" <NUL> <NUL>"`` never makes a NUL-only token). The token hash includes the NULs, so the word matches the
    same word of other NUL-separated text, not the plain word.
    """
    z = np.flatnonzero(buf[1:-1] == 0) + 1
    if z.size:
        z = z[w[z - 1] & w[z + 1]]
        w[z] = True


def _punctuation_not_words(buf: np.ndarray, high: np.ndarray, w: np.ndarray) -> None:
    """Clear ``w`` at the UTF-8 punctuation characters (``high``: the multi-byte lead bytes of ``buf``)."""
    n = len(buf)
    b0, b1, b2 = buf[high], _after(buf, high, 1), _after(buf, high, 2)
    # C2 80-BF: Latin-1 punctuation and symbols (nbsp, « », ¡ ¿, ©, °, ...).
    c2 = high[(b0 == 0xC2) & (high < n - 1)]
    w[c2] = False
    w[c2 + 1] = False
    # E2 80 xx / E2 81 xx: general punctuation (quotes, dashes, ellipsis, thin spaces).
    # E3 80 xx: CJK symbols and punctuation (U+3000-U+303F: 　、。「」『』【】).
    # EF BC/BD xx: fullwidth punctuation (，！？（）：；［］｛｝｡｢｣､･), not fullwidth letters or digits.
    three = (
        ((b0 == 0xE2) & ((b1 == 0x80) | (b1 == 0x81)))
        | ((b0 == 0xE3) & (b1 == 0x80))
        | (
            (b0 == 0xEF)
            & (
                ((b1 == 0xBC) & (((b2 >= 0x80) & (b2 <= 0x8F)) | ((b2 >= 0x9A) & (b2 <= 0xA0)) | (b2 >= 0xBB)))
                | ((b1 == 0xBD) & ((b2 == 0x80) | ((b2 >= 0x9B) & (b2 <= 0xA5))))
            )
        )
    )
    p = high[three & (high < n - 2)]
    w[p] = False
    w[p + 1] = False
    w[p + 2] = False


def _token_bounds(buf: np.ndarray, high: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Start and end byte offsets of the word tokens of a lower-cased UTF-8 buffer.

    A token is a maximal run of word bytes, except that every character of the scripts written
    without spaces (Thai, kana and CJK ideographs: U+0E00-U+0E7F, U+3040-U+9FFF) is a token of its own: shingles of
    them are character n-grams, so a Chinese or Japanese article has as many tokens as
    characters, not one per sentence.
    """
    if high is None:
        high = _high(buf)
    w = _word_mask(buf, high)
    n = len(buf)
    # Runs of word bytes: their edges are where the mask changes (padded with non-word bytes).
    padded = np.zeros(n + 2, dtype=bool)
    padded[1 : n + 1] = w
    edges = np.flatnonzero(padded[1:] != padded[:-1])
    starts, ends = edges[0::2], edges[1::2]
    if n > 2 and high.size:
        b0, b1 = buf[high], _after(buf, high, 1)
        dense = high[
            (high < n - 2)
            & (
                ((b0 == 0xE3) & (b1 >= 0x81))
                | ((b0 >= 0xE4) & (b0 <= 0xE9))
                | ((b0 == 0xE0) & ((b1 == 0xB8) | (b1 == 0xB9)))  # Thai, U+0E00-U+0E7F
            )
        ]
        if dense.size:
            # A boundary before and after each such character, where it falls inside a run of word bytes.
            # (dense is sorted, so is dense + 3; a cut inside a run is neither a start nor an end yet.)
            cut = np.unique(np.concatenate((dense, dense + 3)))
            cut = cut[(cut >= 1) & (cut < n)]
            cut = cut[w[cut] & w[cut - 1]]
            if cut.size:
                starts = np.insert(starts, np.searchsorted(starts, cut), cut)
                ends = np.insert(ends, np.searchsorted(ends, cut), cut)
    return starts, ends


def _token_hashes(buf: np.ndarray, seed_mix: np.uint64) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(token start and end byte offsets, uint64 token hashes) of a byte buffer that ends with a non-word byte."""
    starts, ends = _token_bounds(buf, _high(buf))
    if starts.size == 0:
        return starts, ends, np.zeros(0, dtype=np.uint64)
    _POWERS.ensure(len(buf) + 1)
    with np.errstate(over="ignore"):
        # Polynomial hash (mod 2**32) of each token from prefix sums of
        # byte * P**position, re-based to the token start with P**-start; a token
        # holds word bytes only. The token length goes into the high 32 bits and
        # splitmix64 spreads both over 64 bits.
        csum = np.empty(len(buf) + 1, dtype=np.uint32)
        csum[0] = 0
        vals = csum[1:]  # byte * P**position, summed in place
        np.multiply(buf, _POWERS.pw[: len(buf)], out=vals, dtype=np.uint32)
        np.cumsum(vals, dtype=np.uint32, out=vals)
        th32 = csum[ends]
        th32 -= csum[starts]
        th32 *= _POWERS.inv[starts]
        th = (ends - starts).view(np.uint64)
        th <<= _U64(32)
        th |= th32
        th ^= seed_mix
        return starts, ends, _splitmix64_inplace(th)


def _lower_bytes(raw: bytes) -> np.ndarray:
    """Lower-case UTF-8 bytes in place of their case: ASCII, Latin-1, Greek and basic Cyrillic letters.

    Every mapping keeps the byte length, so byte offsets stay valid. Other
    scripts' capitals (rare in running text) stay as they are.
    """
    buf = np.frombuffer(bytearray(raw).lower(), dtype=np.uint8)  # ASCII, in C
    n = len(buf)
    if n < 2:
        return buf
    high = _high(buf)
    lead = high[high < n - 1]
    if not lead.size:
        return buf
    b0, b1 = buf[lead], buf[lead + 1]
    # À-Þ (C3 80-9E, not × C3 97) -> à-þ: second byte + 0x20.
    i = lead[(b0 == 0xC3) & (b1 >= 0x80) & (b1 <= 0x9E) & (b1 != 0x97)] + 1
    buf[i] += 0x20
    # Greek Α-Ο (CE 91-9F) -> α-ο (CE B1-BF); Π-Ω (CE A0-A9) -> π-ω (CF 80-89).
    # Cyrillic А-П (D0 90-9F) -> а-п (D0 B0-BF); Р-Я (D0 A0-AF) -> р-я (D1 80-8F).
    # (Each case reads bytes no other case writes, so all are found before any is written.)
    moves = []
    for first, lo, hi in ((0xCE, 0x91, 0xA9), (0xD0, 0x90, 0xAF)):
        j = lead[(b0 == first) & (b1 >= lo) & (b1 <= 0x9F)]
        k = lead[(b0 == first) & (b1 >= 0xA0) & (b1 <= hi)]
        moves.append((j, k))
    for j, k in moves:
        buf[j + 1] += 0x20
        buf[k] += 1
        buf[k + 1] -= 0x20
    return buf


def _encode(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """One lower-cased UTF-8 buffer (texts separated by a space) and each text's byte start."""
    parts = [t.encode("utf-8", "surrogatepass") for t in texts]
    lengths = np.fromiter((len(p) + 1 for p in parts), dtype=np.int64, count=len(parts))
    offsets = np.zeros(len(parts) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    return _lower_bytes(b" ".join(parts) + b" "), offsets
