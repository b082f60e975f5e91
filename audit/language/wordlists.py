"""wordfreq's word lists, read straight from the files bundled in its wheel (offline), once per process.

The same data as ``wordfreq.get_frequency_dict(lang, "small" or "best")`` and ``wordfreq.top_n_list(lang, n)``
(tests check both, for every language), read faster:

* no ``import wordfreq`` (its tokenisers and ``langcodes`` cost 0.2-0.8 CPU s at start-up);
* :func:`top_words` decompresses only the opening of a list: the 3,000 or 10,000 most frequent words
  of a "large" list (about 0.01 CPU s) instead of the whole list (0.05-0.1 s, kept in memory for good
  by wordfreq's cache);
* :func:`frequencies` builds its dictionary in one ``dict(zip(...))`` call over the bands;
* :func:`frequency_table` answers ``get(word)`` without building any dictionary of the whole list: the
  list is cut once into 512 shards by a hash of the word and stored in a cache file (see
  :func:`cache_dir`); a lookup reads and decodes only its word's shard (about 600 words), so a process
  that asks a few hundred words pays a few milliseconds instead of 0.07-0.1 CPU s per language, and one
  that asks every shard pays about 0.04 s. Where no cache can be written, the table wraps
  :func:`frequencies` (same answers).

The format ("cBpack", described in ``wordfreq.read_cBpack``): a gzipped msgpack list whose first
element is a header ``{"format": "cB", "version": 1}`` and whose element ``i + 1`` lists the words of
frequency ``10 ** (-i / 100)``, most frequent first.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import importlib.util
import mmap
import os
import re
import struct
import sys
import tempfile
import zlib
from array import array
from bisect import bisect_left
from itertools import chain, count, repeat
from typing import Callable, Iterator, Sequence, TypeVar

#: Words wordfreq's ``top_n_list`` leaves out (``wordfreq.numbers.has_digit_sequence``).
_MULTI_DIGIT = re.compile(r"\d[\d.,]+")

_T = TypeVar("_T")  # what a cache file opens as
_B = TypeVar("_B")  # what is built to write one
_K = TypeVar("_K")  # what names one


@functools.cache
def _files() -> dict[tuple[str, str], str]:
    """``(list name, language) -> path`` of every bundled list (``small_en.msgpack.gz`` ...)."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return {}
    out: dict[tuple[str, str], str] = {}
    for folder in spec.submodule_search_locations:
        data = os.path.join(folder, "data")
        if not os.path.isdir(data):
            continue
        for name in sorted(os.listdir(data)):
            if name.startswith("_") or not name.endswith(".msgpack.gz"):
                continue
            kind, _, lang = name.split(".")[0].partition("_")
            out.setdefault((kind, lang), os.path.join(data, name))
    return out


@functools.cache
def available() -> frozenset[str]:
    """Languages with a list (``wordfreq.available_languages()``: "small" or "large")."""
    return frozenset(lang for kind, lang in _files() if kind in ("small", "large"))


def _check_header(header) -> None:
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        raise ValueError(f"unexpected wordfreq list header: {header!r}")


def has_frequencies(lang: str) -> bool:
    """Does ``lang`` have a "small" list (:func:`frequencies` not None), without reading it?"""
    return ("small", lang) in _files()


@functools.cache
def listed_languages() -> frozenset[str]:
    """The languages :func:`has_frequencies` says yes to (one set test per language)."""
    return frozenset(lang for kind, lang in _files() if kind == "small")


@functools.cache
def frequencies(lang: str, wordlist: str = "small") -> dict[str, float] | None:
    """Each word of ``lang``'s list with its frequency (None when there is no list): ``wordlist`` is
    "small" or "best" (the "large" list where there is one, as ``wordfreq.get_frequency_dict``)."""
    path = _list_path(lang, wordlist)
    if path is None:
        return None
    return _band_dict(_read_bands(path))


def _read_bands(path: str) -> list[list[str]]:
    """The words of the list at ``path``, per frequency band (band ``i``: ``10 ** (-i / 100)``)."""
    import msgpack  # type: ignore[import-untyped]  # a dependency of wordfreq, declared in pyproject

    with gzip.open(path, "rb") as fh:
        data = msgpack.load(fh, raw=False)
    _check_header(data[0])
    return data[1:]


@contextlib.contextmanager
def _bands_in_order(path: str) -> Iterator[Iterator[list[str]]]:
    """The bands of the list at ``path`` (as :func:`_read_bands`), most frequent first, unpacked one at
    a time as they are asked for: readers of the opening of a list stop early."""
    import msgpack

    with gzip.open(path, "rb") as fh:
        unpacker = msgpack.Unpacker(fh, raw=False)
        size = unpacker.read_array_header()
        if size:
            _check_header(unpacker.unpack())
        yield (unpacker.unpack() for _ in range(size - 1))


def _band_freq(index: int) -> float:
    """The frequency of band ``index`` (``wordfreq.cB_to_freq(-index)``)."""
    return 10 ** (-index / 100)


#: The frequency of a list's band ``index`` (what :func:`frequencies` and :func:`frequency_table` give its words).
band_frequency = _band_freq


#: :func:`_band_freq` of the bands seen so far (extended as shards name higher bands).
_BAND_FREQS: list[float] = []


def _band_dict(bands: list[list[str]]) -> dict[str, float]:
    """``{word: frequency}`` of the bands, most frequent first: what a ``dict.update`` per band gives
    (a word listed twice keeps its first place and its last band), in one ``dict(zip(...))`` call."""
    freqs = chain.from_iterable(repeat(_band_freq(i), len(b)) for i, b in enumerate(bands) if b)
    return dict(zip(chain.from_iterable(bands), freqs, strict=True))


def word_bands(lang: str) -> tuple[list[str], list[int]] | None:
    """Every word of ``lang``'s "small" list with the index of its band (frequency ``10 ** (-i / 100)``,
    the last band of a word listed twice, as in :func:`frequencies`), in the list's order; None when
    there is no list. Not cached: callers keep what they build from it."""
    path = _list_path(lang, "small")
    if path is None:
        return None
    bands = _read_bands(path)
    index = chain.from_iterable(repeat(i, len(b)) for i, b in enumerate(bands) if b)
    table = dict(zip(chain.from_iterable(bands), index, strict=True))
    return list(table), list(table.values())


@functools.cache
def top_words(lang: str, n: int) -> tuple[str, ...] | None:
    """The ``n`` most frequent words of ``lang``'s best list ("large" where there is one), in
    wordfreq's order and without its multi-digit entries; None when there is no list."""
    path = _list_path(lang, "best")
    if path is None:
        return None
    out: list[str] = []
    with _bands_in_order(path) as bands:
        for band in bands:
            for word in band:
                if not _MULTI_DIGIT.match(word):
                    out.append(word)
                    if len(out) >= n:
                        return tuple(out)
    return tuple(out)


# ---------------------------------------------------------------------------
# Sharded lookups (frequency_table): a cache file per list, read one shard at a time

#: Shards per list (a power of two): about 600 words each in the "large" lists, 60 in the "small" ones.
SHARDS = 512
_MAGIC = b"CAWFREQ1"
_HEADER = struct.Struct("<8sII")  # magic, shards, words
_BIG_ENDIAN = sys.byteorder == "big"  # the file is little-endian
_U16 = struct.Struct("<H")
#: Lookups a shard answers by a bytes search before it is decoded into a dictionary.
_DECODE_AFTER = 4
#: The cache folder's environment variable; an empty value turns the cache off.
CACHE_ENV = "CORPUS_AUDIT_CACHE_DIR"


def cache_dir() -> str | None:
    """Where the shard files live: ``$CORPUS_AUDIT_CACHE_DIR`` (empty: no cache), else
    ``$XDG_CACHE_HOME/corpus-audit``, else ``~/.cache/corpus-audit``."""
    env = os.environ.get(CACHE_ENV)
    if env is not None:
        return env or None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "corpus-audit")


def shard_of(word: str) -> int:
    """The shard holding ``word`` (CRC-32 of its UTF-8 bytes: the same in every process)."""
    return zlib.crc32(word.encode("utf-8", "surrogatepass")) & (SHARDS - 1)


def _write_shards(path: str, bands: list[list[str]]) -> None:
    """Write ``bands`` (a list's words per frequency band) as a shard file at ``path`` (atomically).

    Layout: the header, then ``2 * SHARDS + 1`` little-endian uint32 offsets into the data that follows;
    shard ``s`` is its words joined by NUL (UTF-8) at ``[o[2s], o[2s+1])`` and their band indices
    (uint16) at ``[o[2s+1], o[2s+2])``. Raises ValueError for a list this layout cannot hold."""
    words: list[list[str]] = [[] for _ in range(SHARDS)]
    idx: list[list[int]] = [[] for _ in range(SHARDS)]
    seen: dict[str, int] = {}
    for i, band in enumerate(bands):
        for w in band:
            seen[w] = i  # the last band of a word listed twice, as in frequencies()
    if len(bands) > 0xFFFF or any("\x00" in w for w in seen):
        raise ValueError("list not storable as shards")
    for w, i in seen.items():
        s = shard_of(w)
        words[s].append(w)
        idx[s].append(i)
    blobs: list[bytes] = []
    for s in range(SHARDS):
        blobs.append("\x00".join(words[s]).encode("utf-8", "surrogatepass"))
        band_idx = array("H", idx[s])
        if _BIG_ENDIAN:
            band_idx.byteswap()
        blobs.append(band_idx.tobytes())
    offsets = [0]
    for b in blobs:
        offsets.append(offsets[-1] + len(b))
    _write_atomic(path, [_HEADER.pack(_MAGIC, SHARDS, len(seen)), struct.pack(f"<{len(offsets)}I", *offsets), *blobs])


class FrequencyTable:
    """``word -> frequency`` of one list: ``get``, ``[]`` and ``in`` as on :func:`frequencies`' dictionary.

    Reads the list's shard file (memory-mapped). The first :data:`_DECODE_AFTER` lookups in a shard search
    its bytes for the word (no decoding, no dictionary: most shards are asked one or two words); the next
    one decodes the shard into a dictionary that answers the rest. :attr:`shards_read` counts the shards
    read either way."""

    def __init__(self, mapped: mmap.mmap) -> None:
        magic, shards, _n = _HEADER.unpack_from(mapped, 0)
        if magic != _MAGIC or shards != SHARDS:
            raise ValueError("not a shard file of this version")
        base = _HEADER.size + (2 * SHARDS + 1) * 4
        self._offsets = [base + o for o in struct.unpack_from(f"<{2 * SHARDS + 1}I", mapped, _HEADER.size)]
        if self._offsets[-1] != len(mapped):
            raise ValueError("truncated shard file")
        self._mapped = mapped
        self._shards: list[dict[str, float] | None] = [None] * SHARDS
        self._asked = [0] * SHARDS  # lookups answered by a search in each shard not yet decoded
        self.shards_read = 0

    def raw_shard(self, s: int) -> tuple[list[bytes], array]:
        """Shard ``s``'s words (UTF-8, not decoded) and their band indices."""
        o = self._offsets
        raw = self._mapped[o[2 * s] : o[2 * s + 1]]
        return (raw.split(b"\x00") if raw else []), _array("H", self._mapped[o[2 * s + 1] : o[2 * s + 2]])

    def _load(self, s: int) -> dict[str, float]:
        o = self._offsets
        raw = self._mapped[o[2 * s] : o[2 * s + 1]]
        ws = raw.decode("utf-8", "surrogatepass").split("\x00") if raw else []
        bands = array("H", self._mapped[o[2 * s + 1] : o[2 * s + 2]])
        if _BIG_ENDIAN:
            bands.byteswap()
        if bands and max(bands) >= len(_BAND_FREQS):
            _BAND_FREQS.extend(map(_band_freq, range(len(_BAND_FREQS), max(bands) + 1)))
        shard = self._shards[s] = dict(zip(ws, map(_BAND_FREQS.__getitem__, bands), strict=True))
        if not self._asked[s]:
            self.shards_read += 1
        self._asked[s] = _DECODE_AFTER
        return shard

    def _search(self, s: int, wb: bytes):
        """The frequency of the word ``wb`` (UTF-8, no NUL, not empty) in shard ``s``, or None, found by a
        bytes search in the shard's NUL-joined words (its index is the count of NULs before it), without
        decoding the shard."""
        o = self._offsets
        start, end = o[2 * s], o[2 * s + 1]
        raw = self._mapped[start:end]
        n = len(wb)
        if raw[:n] == wb and (len(raw) == n or raw[n] == 0):
            i = 0
        else:
            at = raw.find(b"\x00" + wb + b"\x00")
            if at < 0:
                if not raw.endswith(b"\x00" + wb):
                    return None
                at = len(raw) - n - 1
            i = raw.count(b"\x00", 0, at + 1)
        (band,) = _U16.unpack_from(self._mapped, o[2 * s + 1] + 2 * i)
        if band >= len(_BAND_FREQS):
            _BAND_FREQS.extend(map(_band_freq, range(len(_BAND_FREQS), band + 1)))
        return _BAND_FREQS[band]

    def get(self, word: str, default=None):
        wb = word.encode("utf-8", "surrogatepass")
        s = zlib.crc32(wb) & (SHARDS - 1)
        shard = self._shards[s]
        if shard is not None:
            return shard.get(word, default)
        asked = self._asked[s]
        if asked >= _DECODE_AFTER or not wb:
            return self._load(s).get(word, default)
        if not asked:
            self.shards_read += 1
        self._asked[s] = asked + 1
        f = self._search(s, wb) if b"\x00" not in wb else None  # no listed word holds a NUL
        return default if f is None else f

    def __getitem__(self, word: str) -> float:
        f = self.get(word)
        if f is None:
            raise KeyError(word)
        return f

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word) is not None


class _DictTable(FrequencyTable):
    """A :class:`FrequencyTable` over :func:`frequencies`' dictionary (no cache file available)."""

    def __init__(self, freqs: dict[str, float]) -> None:  # noqa: D107 - no shard file to read
        self._freqs = freqs
        self.shards_read = 0
        self.get = freqs.get  # type: ignore[method-assign,assignment]


def _list_path(lang: str, wordlist: str) -> str | None:
    """The file of ``lang``'s list: "best" is the "large" list where there is one, else "small"."""
    files = _files()
    path = files.get(("large", lang)) if wordlist == "best" else None
    return path or files.get(("small", lang))


def _shard_path(source: str) -> str | None:
    """The cache file of the list at ``source``: named by the list's file name, size and modification
    time, so another wordfreq release gets its own files."""
    folder = cache_dir()
    if folder is None:
        return None
    st = os.stat(source)
    name = os.path.basename(source).split(".")[0]
    return os.path.join(folder, "wordfreq", f"{name}-{st.st_size}-{st.st_mtime_ns}-{SHARDS}.shards")


def _open_table(path: str) -> FrequencyTable:
    with open(path, "rb") as fh:
        mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    return FrequencyTable(mapped)


@functools.cache
def frequency_table(lang: str, wordlist: str = "small") -> FrequencyTable | None:
    """``lang``'s list (``wordlist`` as in :func:`frequencies`) for lookups one word at a time: the same
    answers as ``frequencies(lang, wordlist).get``, without building the whole dictionary (see the
    module's notes). The first call in a fresh cache folder reads the list and writes its shard file;
    None when there is no list."""
    source = _list_path(lang, wordlist)
    if source is None:
        return None
    path = _cache_path(_shard_path, source)
    if path is None:
        freqs = frequencies(lang, wordlist)
        return _DictTable(freqs) if freqs is not None else None
    # a read-only or full disk: the whole dictionary
    return _through_cache(
        path, _open_table, lambda: _read_bands(source), _write_shards, lambda bands: _DictTable(_band_dict(bands))
    )


#: What reading or writing a cache file may raise (missing, unreadable, stale, a full or read-only disk).
_CACHE_ERRORS = (OSError, ValueError, struct.error)


def _cache_path(path_of: Callable[[_K], str | None], key: _K) -> str | None:
    """``path_of(key)``, or None where no cache folder can be made."""
    try:
        return path_of(key)
    except OSError:
        return None


def _through_cache(
    path: str | None,
    open_: Callable[[str], _T],
    build: Callable[[], _B],
    write: Callable[[str, _B], None],
    in_memory: Callable[[_B], _T],
) -> _T:
    """``open_(path)`` of the cache file at ``path``; when it is missing, unreadable or stale, ``build()``
    it, ``write`` it and open it again; where it cannot be written (or ``path`` is None), ``in_memory`` of
    what was built."""
    if path is not None:
        with contextlib.suppress(*_CACHE_ERRORS):
            return open_(path)
    built = build()
    if path is not None:
        with contextlib.suppress(*_CACHE_ERRORS):
            write(path, built)
            return open_(path)
    return in_memory(built)


@functools.cache
def frequent(lang: str, wordlist: str, min_frequency: float) -> dict[str, float] | None:
    """The words of ``frequencies(lang, wordlist)`` with a frequency of at least ``min_frequency``, in its
    order: ``{w: f for w, f in frequencies(lang, wordlist).items() if f >= min_frequency}``, reading only the
    opening of the list (its most frequent bands). None when there is no list."""
    path = _list_path(lang, wordlist)
    if path is None:
        return None
    opening: list[list[str]] = []
    with _bands_in_order(path) as bands:
        for i, band in enumerate(bands):
            if _band_freq(i) < min_frequency:
                break
            opening.append(band)
    return _band_dict(opening)


# ---------------------------------------------------------------------------
# Merged lists (merged_lists): every language's band of a word with one lookup

_MERGED_MAGIC = b"CAWMERG1"
_MERGED_HEADER = struct.Struct("<8sII")  # magic, shards, length of the languages' names
_U32 = struct.Struct("<II")


def _array(code: str, data) -> array:
    out = array(code, data)
    if _BIG_ENDIAN:
        out.byteswap()
    return out


def _merged_parts(langs: Sequence[str]) -> list[bytes]:
    """The "small" lists of ``langs`` merged, in the layout :class:`MergedLists` reads, as parts to join.

    Header: magic, ``SHARDS``, the length of ``langs`` joined by NUL (padded to 4 bytes; then that
    text), then ``SHARDS + 1`` uint32 offsets of the shards' blocks (from the end of the offsets). A
    block (4-byte aligned): ``n`` (words) and ``e`` (entries), then ``n`` keys (``crc32(word) >> 9``:
    the shard is ``crc32 & 511``), ascending; ``n + 1`` offsets of the words in the block's text;
    ``n + 1`` offsets of their entries; ``e`` bands (uint16) and ``e`` language numbers (uint8, index
    in ``langs``), a word's entries in the order of ``langs``; the words' UTF-8 text. A word listed
    twice in a list has its last band (as :func:`frequencies`).

    Read shard by shard from the lists' shard files (:func:`frequency_table`, written first where
    missing): about 0.5 CPU s for the 42 lists, little memory. Without shard files the lists are read
    whole and cut here (a few CPU s)."""
    if len(langs) > 255 or any("\x00" in lang or not lang.isascii() for lang in langs):
        raise ValueError("languages not storable")
    tables = [frequency_table(lang) for lang in langs]
    if all(type(t) is FrequencyTable for t in tables):
        files: list[FrequencyTable] = tables  # type: ignore[assignment]

        def pieces(s: int) -> list[tuple[list[bytes], array]]:
            return [t.raw_shard(s) for t in files]

    else:  # no shard files: cut the lists here
        cut: list[list[tuple[list[bytes], array]]] = []
        for lang in langs:
            parts: list[tuple[list[bytes], array]] = [([], array("H")) for _ in range(SHARDS)]
            listed = word_bands(lang)
            for w, band in zip(*(listed or ([], [])), strict=True):
                wb = w.encode("utf-8", "surrogatepass")
                ws, bs = parts[zlib.crc32(wb) & (SHARDS - 1)]
                ws.append(wb)
                bs.append(min(band, 0xFFFF))
            cut.append(parts)

        def pieces(s: int) -> list[tuple[list[bytes], array]]:
            return [parts[s] for parts in cut]

    blocks = [_merged_block(pieces(s)) for s in range(SHARDS)]
    names = "\x00".join(langs).encode("ascii")
    names += bytes(-len(names) % 4)
    offsets = [0]
    for block in blocks:
        offsets.append(offsets[-1] + len(block))
    head = _MERGED_HEADER.pack(_MERGED_MAGIC, SHARDS, len(names)) + names + _array("I", offsets).tobytes()
    return [head, *blocks]


def _merged_block(pieces: Sequence[tuple[list[bytes], array]]) -> bytes:
    """One shard's block of :func:`_merged_parts` from each list's words (UTF-8) and bands there."""
    import numpy as np  # a dependency of the language check, which alone reads merged lists

    words = list(chain.from_iterable(ws for ws, _ in pieces))
    if not words:
        return _U32.pack(0, 0)
    number = dict(zip(dict.fromkeys(words), count()))  # each distinct word, in order of first listing
    distinct = list(number)
    row = np.fromiter(map(number.__getitem__, words), dtype=np.int64, count=len(words))
    key = np.fromiter(map(zlib.crc32, distinct), dtype=np.int64, count=len(distinct)) >> 9
    order = np.argsort(key, kind="stable")
    rank = np.empty(len(distinct), dtype=np.int64)
    rank[order] = np.arange(len(distinct))
    entry_rank = rank[row]
    entry_order = np.argsort(entry_rank, kind="stable")  # by word, each word's lists in their order
    bands = np.concatenate([np.asarray(bs, dtype=np.int64) for _, bs in pieces])
    numbers = np.repeat(np.arange(len(pieces), dtype=np.uint8), [len(ws) for ws, _ in pieces])
    lengths = np.fromiter(map(len, distinct), dtype=np.int64, count=len(distinct))[order]
    block = b"".join(
        (
            _U32.pack(len(distinct), len(words)),
            key[order].astype("<u4").tobytes(),
            np.concatenate(([0], np.cumsum(lengths))).astype("<u4").tobytes(),
            np.concatenate(([0], np.cumsum(np.bincount(entry_rank, minlength=len(distinct))))).astype("<u4").tobytes(),
            np.minimum(bands, 0xFFFF).astype("<u2")[entry_order].tobytes(),
            numbers[entry_order].tobytes(),
            b"".join(map(distinct.__getitem__, order.tolist())),
        )
    )
    return block + bytes(-len(block) % 4)  # each block starts 4-byte aligned


class MergedLists:
    """The "small" lists of several languages merged (:func:`merged_lists`): :meth:`entries` gives a
    word's (language number, band) in every list that holds it, with one lookup.

    Reads one shard (:func:`shard_of`) at a time, when a word of it is first asked: its arrays and its
    words' text, as views of the memory-mapped file: no object per word, and only the pages the lookups
    touch are read (about 70 KB a shard for 42 lists)."""

    def __init__(self, data) -> None:
        magic, shards, size = _MERGED_HEADER.unpack_from(data, 0)
        if magic != _MERGED_MAGIC or shards != SHARDS:
            raise ValueError("not a merged file of this version")
        at = _MERGED_HEADER.size
        self.langs = bytes(data[at : at + size]).decode("ascii").rstrip("\x00").split("\x00") if size else []
        at += size
        offsets = _array("I", data[at : at + 4 * (SHARDS + 1)])
        base = at + 4 * (SHARDS + 1)
        if base + offsets[-1] != len(data):
            raise ValueError("truncated merged file")
        self._data = data
        self._view = memoryview(data)
        self._bounds = [(base + offsets[s], base + offsets[s + 1]) for s in range(SHARDS)]
        self._shards: list[tuple | None] = [None] * SHARDS

    def _ints(self, code: str, start: int, end: int):
        """The little-endian integers at ``[start, end)``: a view of the data (a copy on a big-endian
        machine)."""
        if _BIG_ENDIAN:
            return _array(code, self._view[start:end])
        return self._view[start:end].cast(code)  # type: ignore[call-overload]  # "I" or "H"

    def _shard(self, s: int) -> tuple:
        """Shard ``s``'s arrays, as views of the data (nothing copied: a shard costs only the pages
        its lookups touch)."""
        start, end = self._bounds[s]
        n, e = _U32.unpack_from(self._data, start)
        at = start + _U32.size
        keys = self._ints("I", at, at + 4 * n)
        at += 4 * n
        word_off = self._ints("I", at, at + 4 * (n + 1))
        at += 4 * (n + 1)
        ent_off = self._ints("I", at, at + 4 * (n + 1))
        at += 4 * (n + 1)
        bands = self._ints("H", at, at + 2 * e)
        at += 2 * e
        numbers = self._view[at : at + e]
        text = self._view[at + e : end]
        shard = self._shards[s] = (keys, word_off, ent_off, bands, numbers, text)
        return shard

    def entries(self, word: str) -> tuple[Sequence[int], Sequence[int]] | None:
        """The language numbers (indices in :attr:`langs`) of the lists holding ``word`` and its band
        in each, in the order of :attr:`langs`; None when no list holds it."""
        wb = word.encode("utf-8", "surrogatepass")
        c = zlib.crc32(wb)
        s = c & (SHARDS - 1)
        shard = self._shards[s]
        if shard is None:
            shard = self._shard(s)
        keys, word_off, ent_off, bands, numbers, text = shard
        key = c >> 9
        i = bisect_left(keys, key)
        n = len(keys)
        while i < n and keys[i] == key:
            if text[word_off[i] : word_off[i + 1]] == wb:
                return numbers[ent_off[i] : ent_off[i + 1]], bands[ent_off[i] : ent_off[i + 1]]
            i += 1
        return None


def _merged_path(langs: Sequence[str]) -> str | None:
    """The cache file of the merged lists of ``langs``: named by a checksum of the lists' file names,
    sizes and modification times (another wordfreq release gets its own file)."""
    folder = cache_dir()
    if folder is None:
        return None
    described = []
    for lang in langs:
        source = _list_path(lang, "small")
        if source is not None:
            st = os.stat(source)
            described.append(f"{lang}:{os.path.basename(source)}:{st.st_size}:{st.st_mtime_ns}")
    digest = zlib.crc32("\n".join(described).encode("utf-8"))
    return os.path.join(folder, "wordfreq", f"merged-{len(langs)}-{digest:08x}-{SHARDS}.shards")


@functools.cache
def merged_lists(langs: tuple[str, ...]) -> MergedLists:
    """The "small" lists of ``langs`` merged (:class:`MergedLists`), from a cache file written on first
    use (about 2-3 CPU s for the 42 lists, once per cache folder; see :func:`cache_dir`), or built in
    memory where no cache can be written."""
    return _through_cache(
        _cache_path(_merged_path, langs),
        _open_merged,
        lambda: _merged_parts(langs),
        _write_atomic,
        lambda parts: MergedLists(b"".join(parts)),
    )


def _open_merged(path: str) -> MergedLists:
    with open(path, "rb") as fh:
        mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    return MergedLists(mapped)


def _write_atomic(path: str, parts: Sequence[bytes]) -> None:
    folder = os.path.dirname(path)
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".shards")
    try:
        with os.fdopen(fd, "wb") as out:
            for part in parts:
                out.write(part)
        os.replace(tmp, path)  # concurrent writers: the last complete file wins
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
