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


_UTF16_32_BOMS = ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),
                  (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"))


def wide_encoding(head: bytes) -> str | None:
    """A reason for text that starts with a UTF-16/32 byte-order mark (not binary, but not UTF-8)."""
    for bom, name in _UTF16_32_BOMS:
        if head.startswith(bom):
            return (f"{name} text (byte-order mark {bom.hex(' ')}); only UTF-8 is read: "
                    f"convert it, e.g. iconv -f {name} -t UTF-8")
    return None
