"""wordfreq's word lists, read straight from the files bundled in its wheel (offline), once per process.

The same data as ``wordfreq.get_frequency_dict(lang, "small" or "best")`` and ``wordfreq.top_n_list(lang, n)``
(tests check both, for every language), read faster:

* no ``import wordfreq`` (its tokenisers and ``langcodes`` cost 0.2-0.8 CPU s at start-up);
* :func:`top_words` decompresses only the opening of a list: the 3,000 or 10,000 most frequent words
  of a "large" list (about 0.01 CPU s) instead of the whole list (0.05-0.1 s, kept in memory for good
  by wordfreq's cache);
* :func:`frequencies` builds its dictionary one frequency band at a time (``dict.fromkeys``).

The format ("cBpack", described in ``wordfreq.read_cBpack``): a gzipped msgpack list whose first
element is a header ``{"format": "cB", "version": 1}`` and whose element ``i + 1`` lists the words of
frequency ``10 ** (-i / 100)``, most frequent first.
"""

from __future__ import annotations

import functools
import gzip
import importlib.util
import os
import re

#: Words wordfreq's ``top_n_list`` leaves out (``wordfreq.numbers.has_digit_sequence``).
_MULTI_DIGIT = re.compile(r"\d[\d.,]+")


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
def frequencies(lang: str, wordlist: str = "small") -> dict[str, float] | None:
    """Each word of ``lang``'s list with its frequency (None when there is no list): ``wordlist`` is
    "small" or "best" (the "large" list where there is one, as ``wordfreq.get_frequency_dict``)."""
    files = _files()
    path = files.get(("large", lang)) if wordlist == "best" else None
    path = path or files.get(("small", lang))
    if path is None:
        return None
    import msgpack  # type: ignore[import-untyped]  # a dependency of wordfreq, declared in pyproject

    with gzip.open(path, "rb") as fh:
        data = msgpack.load(fh, raw=False)
    _check_header(data[0])
    out: dict[str, float] = {}
    for index, bucket in enumerate(data[1:]):
        if bucket:
            out.update(dict.fromkeys(bucket, 10 ** (-index / 100)))  # wordfreq.cB_to_freq(-index)
    return out


@functools.cache
def top_words(lang: str, n: int) -> tuple[str, ...] | None:
    """The ``n`` most frequent words of ``lang``'s best list ("large" where there is one), in
    wordfreq's order and without its multi-digit entries; None when there is no list."""
    files = _files()
    path = files.get(("large", lang)) or files.get(("small", lang))
    if path is None:
        return None
    import msgpack

    out: list[str] = []
    with gzip.open(path, "rb") as fh:
        unpacker = msgpack.Unpacker(fh, raw=False)
        size = unpacker.read_array_header()
        if size:
            _check_header(unpacker.unpack())
        for _ in range(size - 1):
            if len(out) >= n:
                break
            for word in unpacker.unpack():
                if not _MULTI_DIGIT.match(word):
                    out.append(word)
                    if len(out) >= n:
                        break
    return tuple(out)
