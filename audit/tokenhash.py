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
    x = x ^ (x >> _U64(30))
    x *= _U64(0xBF58476D1CE4E5B9)
    x ^= x >> _U64(27)
    x *= _U64(0x94D049BB133111EB)
    x ^= x >> _U64(31)
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
            self.pw = _cumpow(_P, n)
            self.inv = _cumpow(pinv, n)


def _cumpow(base: np.unsignedinteger, n: int) -> np.ndarray:
    """``base**0 .. base**(n-1)`` in ``base``'s unsigned type (wrapping modulo 2**32 or 2**64)."""
    out = np.empty(n, dtype=np.asarray(base).dtype)
    out[0] = 1
    if n > 1:
        out[1:] = base
        np.multiply.accumulate(out, out=out)
    return out


_POWERS = _Powers()


def _word_mask(buf: np.ndarray) -> np.ndarray:
    """Which bytes of a lower-cased UTF-8 buffer belong to words."""
    w = (buf - np.uint8(0x61)) < np.uint8(26)  # a-z (wraps below 0x61)
    w |= (buf - np.uint8(0x30)) < np.uint8(10)  # 0-9
    w |= buf >= np.uint8(0x80)  # non-ASCII
    w |= buf == np.uint8(0x5F)  # _
    if len(buf) < 2:
        return w
    # C2 80-BF: Latin-1 punctuation and symbols (nbsp, « », ¡ ¿, ©, °, ...).
    c2 = np.flatnonzero(buf[:-1] == 0xC2)
    if c2.size:
        w[c2] = False
        w[c2 + 1] = False
    # E2 80 xx / E2 81 xx: general punctuation (quotes, dashes, ellipsis, thin spaces).
    e2 = np.flatnonzero(buf[:-2] == 0xE2) if len(buf) > 2 else np.zeros(0, dtype=np.intp)
    if e2.size:
        e2 = e2[(buf[e2 + 1] == 0x80) | (buf[e2 + 1] == 0x81)]
        w[e2] = False
        w[e2 + 1] = False
        w[e2 + 2] = False
    if len(buf) > 2 and (buf >= 0xE3).any():
        b1, b2 = buf[1:-1], buf[2:]
        lead = buf[:-2]
        # E3 80 xx: CJK symbols and punctuation (U+3000-U+303F: 　、。「」『』【】).
        # EF BC/BD xx: fullwidth punctuation (，！？（）：；［］｛｝｡｢｣､･), not fullwidth letters or digits.
        cjk = (lead == 0xE3) & (b1 == 0x80)
        fw = (lead == 0xEF) & (
            ((b1 == 0xBC) & (((b2 >= 0x80) & (b2 <= 0x8F)) | ((b2 >= 0x9A) & (b2 <= 0xA0)) | (b2 >= 0xBB)))
            | ((b1 == 0xBD) & ((b2 == 0x80) | ((b2 >= 0x9B) & (b2 <= 0xA5))))
        )
        p = np.flatnonzero(cjk | fw)
        if p.size:
            w[p] = False
            w[p + 1] = False
            w[p + 2] = False
    return w


def _token_bounds(buf: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Start and end byte offsets of the word tokens of a lower-cased UTF-8 buffer.

    A token is a maximal run of word bytes, except that every character of the scripts written
    without spaces (Thai, kana and CJK ideographs: U+0E00-U+0E7F, U+3040-U+9FFF) is a token of its own: shingles of
    them are character n-grams, so a Chinese or Japanese article has as many tokens as
    characters, not one per sentence.
    """
    w = _word_mask(buf)
    n = len(buf)
    cut = np.zeros(n + 1, dtype=bool)  # a token boundary before this byte, inside a run of word bytes
    if n > 2 and (buf >= 0xE0).any():
        lead, b1 = buf[:-2], buf[1:-1]
        dense = np.flatnonzero(
            ((lead == 0xE3) & (b1 >= 0x81))
            | ((lead >= 0xE4) & (lead <= 0xE9))
            | ((lead == 0xE0) & ((b1 == 0xB8) | (b1 == 0xB9)))
        )  # Thai, U+0E00-U+0E7F
        if dense.size:
            cut[dense] = True
            cut[dense + 3] = True
    cut = cut[:n]
    prev = np.concatenate(([False], w[:-1]))
    starts = np.flatnonzero(w & (~prev | cut))
    nxt = np.concatenate((w[1:], [False]))
    nxt_cut = np.concatenate((cut[1:], [False]))
    ends = np.flatnonzero(w & (~nxt | nxt_cut)) + 1
    return starts, ends


def _token_hashes(buf: np.ndarray, seed_mix: np.uint64) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(token start and end byte offsets, uint64 token hashes) of a byte buffer that ends with a non-word byte."""
    starts, ends = _token_bounds(buf)
    if starts.size == 0:
        return starts, ends, np.zeros(0, dtype=np.uint64)
    _POWERS.ensure(len(buf) + 1)
    with np.errstate(over="ignore"):
        # Polynomial hash (mod 2**32) of each token from prefix sums of
        # byte * P**position, re-based to the token start with P**-start; a token
        # holds word bytes only. The token length goes into the high 32 bits and
        # splitmix64 spreads both over 64 bits.
        vals = buf.astype(np.uint32)
        vals *= _POWERS.pw[: len(buf)]
        csum = np.empty(len(buf) + 1, dtype=np.uint32)
        csum[0] = 0
        np.cumsum(vals, dtype=np.uint32, out=csum[1:])
        th32 = csum[ends] - csum[starts]
        th32 *= _POWERS.inv[starts]
        th = (ends - starts).astype(np.uint64)
        th <<= _U64(32)
        th |= th32
        th ^= seed_mix
        return starts, ends, _splitmix64(th)


def _lower_bytes(raw: bytes) -> np.ndarray:
    """Lower-case UTF-8 bytes in place of their case: ASCII, Latin-1, Greek and basic Cyrillic letters.

    Every mapping keeps the byte length, so byte offsets stay valid. Other
    scripts' capitals (rare in running text) stay as they are.
    """
    buf = np.frombuffer(bytearray(raw).lower(), dtype=np.uint8)  # ASCII, in C
    if len(buf) < 2 or not (buf[:-1] >= 0xC3).any():
        return buf
    lead, nxt = buf[:-1], buf[1:]
    # À-Þ (C3 80-9E, not × C3 97) -> à-þ: second byte + 0x20.
    i = np.flatnonzero((lead == 0xC3) & (nxt >= 0x80) & (nxt <= 0x9E) & (nxt != 0x97)) + 1
    buf[i] += 0x20
    # Greek Α-Ο (CE 91-9F) -> α-ο (CE B1-BF); Π-Ω (CE A0-A9) -> π-ω (CF 80-89).
    # Cyrillic А-П (D0 90-9F) -> а-п (D0 B0-BF); Р-Я (D0 A0-AF) -> р-я (D1 80-8F).
    for first, hi in ((0xCE, 0xA9), (0xD0, 0xAF)):
        j = np.flatnonzero((lead == first) & (nxt >= 0x90 if first == 0xD0 else nxt >= 0x91) & (nxt <= 0x9F))
        buf[j + 1] += 0x20
        k = np.flatnonzero((lead == first) & (nxt >= 0xA0) & (nxt <= hi))
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
