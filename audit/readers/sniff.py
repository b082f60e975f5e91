"""Sniffing: which format a file name says, and whether its bytes are UTF-8 text at all."""

from __future__ import annotations

from pathlib import Path

TEXT_SUFFIXES = (".txt", ".md")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
COMPRESSIONS = ("", ".gz", ".zst")
RECORD_SUFFIXES = tuple(s + c for s in JSONL_SUFFIXES for c in COMPRESSIONS) + (".parquet", ".csv")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + RECORD_SUFFIXES

#: How many leading bytes are looked at to tell binary data from text.
BINARY_SNIFF = 8192


def suffix_of(path: Path) -> str:
    name = path.name.lower()
    for suffix in sorted(SUPPORTED_SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix):
            return suffix
    return path.suffix.lower()


def decode_error_line(data: bytes, err: UnicodeDecodeError) -> tuple[int, str]:
    line = data.count(b"\n", 0, err.start) + 1
    bad = data[err.start : err.start + 4].hex(" ")
    return line, f"invalid UTF-8 at byte {err.start} (bytes {bad}): {err.reason}"


def looks_binary(head: bytes) -> bool:
    return b"\x00" in head


_UTF16_32_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def wide_encoding(head: bytes) -> str | None:
    """A reason for text in UTF-16/32 (not binary, but not UTF-8): a byte-order mark, or without one,
    the NUL byte of every second (fourth) byte that Latin-script text has in those encodings."""
    for bom, name in _UTF16_32_BOMS:
        if head.startswith(bom):
            return (
                f"{name} text (byte-order mark {bom.hex(' ')}); only UTF-8 is read: "
                f"convert it, e.g. iconv -f {name} -t UTF-8"
            )
    guess = _wide_without_bom(head[:BINARY_SNIFF])
    if guess is not None:
        return (
            f"looks like {guess} text without a byte-order mark; only UTF-8 is read: "
            f"convert it, e.g. iconv -f {guess} -t UTF-8"
        )
    return None


def _wide_without_bom(head: bytes) -> str | None:
    n = len(head) - len(head) % 4
    if n < 8 or b"\x00" not in head:
        return None
    head = head[:n]
    lanes = [head[i::4].count(0) / (n // 4) for i in range(4)]  # share of NUL bytes at each position mod 4
    full, empty = [x >= 0.95 for x in lanes], [x <= 0.05 for x in lanes]
    if full == [False, True, True, True] and empty[0]:
        return "UTF-32LE"
    if full == [True, True, True, False] and empty[3]:
        return "UTF-32BE"
    if full[1] and full[3] and empty[0] and empty[2]:
        return "UTF-16LE"
    if full[0] and full[2] and empty[1] and empty[3]:
        return "UTF-16BE"
    return None
