"""langdetect's detector with its profiles in one numpy matrix: the same answers, bit for bit, faster.

langdetect (Nakatani Shuyo's n-gram detector) loads its 55 profiles into a dictionary holding one
Python list of 55 floats per n-gram (about 0.3 CPU s), then, for each of 7 trials, multiplies the 55
language probabilities by one randomly drawn n-gram's row at a time in a Python loop, normalising them
every fifth draw. Here:

* the profiles are read into a float64 matrix (a row per n-gram, a column per language, in the order
  langdetect gives the languages: ``os.listdir`` of its profile folder), each value computed as
  ``add_profile`` computes it (``1.0 * count / n_words[len - 1]``); only its non-zero values are kept,
  row by row, and a text's distinct n-grams' rows are made dense when it is read (a dense matrix is
  38 MB per process);
* a trial draws the same n-grams from the same seeded ``random.Random`` (one ``choice`` per update,
  the Gaussian alpha per trial, as langdetect does), and applies the updates between two normalisations
  in one ``np.multiply.accumulate`` over the rows (each language's running product is multiplied in the
  same order as langdetect's loop, so every rounding is the same); the normalisation divides by the
  builtin ``sum`` of the probabilities, as langdetect does.

Text preparation (``append``, ``cleaning_text``, n-gram extraction) is langdetect's own code. A test
compares the probabilities with langdetect's on texts in many languages (``==``, not approximately).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import random
import tempfile
import threading
from itertools import chain
from typing import Any

import numpy as np

_LOCK = threading.Lock()
#: ``random.Random.choice`` draws with ``_randbelow_with_getrandbits`` (CPython's Mersenne Twister).
_CHOICE_IS_GETRANDBITS = getattr(random.Random, "_randbelow", None) is getattr(
    random.Random, "_randbelow_with_getrandbits", object()
)
_PROFILES: Any = None


class _Profiles:
    """langdetect's profiles as a matrix; quacks like its ``DetectorFactory`` for ``Detector(...)``."""

    def __init__(self, folder: str) -> None:
        from langdetect.lang_detect_exception import ErrorCode, LangDetectException

        names = os.listdir(folder)  # langdetect's order (DetectorFactory.load_profile)
        if not names:
            raise LangDetectException(ErrorCode.NeedLoadProfileError, "Not found profile: " + folder)
        cache = _cache_path(folder, names)
        loaded = _read_cache(cache) if cache is not None else None
        if loaded is None:
            langs, index, matrix = _read_profiles(folder, names)
            if cache is not None:
                _write_cache(cache, langs, index, matrix)
            rows, cols = np.nonzero(matrix)
            loaded = langs, index, (rows, cols, matrix[rows, cols])
        self.langlist, self.word_lang_prob_map, (rows, cols, values) = loaded
        # The matrix's non-zero values row by row (most of its 87,000 x 55 values are zero: a dense matrix
        # costs 38 MB and about 0.03 CPU s to fill); a text's rows are made dense when it is read (rows_of).
        self._indptr = np.zeros(len(self.word_lang_prob_map) + 1, dtype=np.int64)
        np.cumsum(np.bincount(rows, minlength=len(self.word_lang_prob_map)), out=self._indptr[1:])
        self._cols = np.asarray(cols, dtype=np.intp)
        self._values = np.asarray(values, dtype=np.float64)
        self.seed = 0

    def rows_of(self, rows: np.ndarray) -> np.ndarray:
        """The dense rows ``rows`` of the matrix (a row per n-gram, a column per language), as float64."""
        out = np.zeros((len(rows), len(self.langlist)), dtype=np.float64)
        first = self._indptr[rows]
        counts = self._indptr[rows + 1] - first
        total = int(counts.sum())
        if total:
            which = np.repeat(np.arange(len(rows)), counts)
            # positions first[i] .. first[i] + counts[i] - 1 of each row, one after the other
            pos = np.arange(total) + np.repeat(first - (np.cumsum(counts) - counts), counts)
            out[which, self._cols[pos]] = self._values[pos]
        return out

    @property
    def matrix(self) -> np.ndarray:
        """The whole matrix, dense (tests; the detector reads :meth:`rows_of`)."""
        return self.rows_of(np.arange(len(self.word_lang_prob_map)))


def _read_profiles(folder: str, names: list[str]) -> tuple[list[str], dict[str, int], np.ndarray]:
    """langdetect's profile files as ``DetectorFactory.load_profile`` reads them: the languages in
    ``names``' order, a row per n-gram (the row order does not matter: the map is only looked up),
    ``add_profile``'s value per n-gram and language."""
    from langdetect.lang_detect_exception import ErrorCode, LangDetectException

    langlist: list[str] = []
    profiles: list[tuple[dict, list]] = []
    for filename in names:
        if filename.startswith("."):
            continue
        path = os.path.join(folder, filename)
        if not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
        lang, freq, n_words = data.get("name"), data.get("freq") or {}, data.get("n_words") or [0, 0, 0]
        if lang in langlist:
            raise LangDetectException(ErrorCode.DuplicateLangError, "Duplicate the same language profile.")
        langlist.append(lang)
        profiles.append((freq, n_words))
    words = dict.fromkeys(chain.from_iterable(freq for freq, _n in profiles))
    index = dict(zip(words, range(len(words)), strict=True))
    matrix = np.zeros((len(index), len(langlist)), dtype=np.float64)
    for col, (freq, n_words) in enumerate(profiles):
        if not freq:
            continue
        lengths = np.fromiter(map(len, freq), dtype=np.intp, count=len(freq))
        counts = np.fromiter(freq.values(), dtype=np.float64, count=len(freq))
        rows = np.fromiter(map(index.__getitem__, freq), dtype=np.intp, count=len(freq))
        short = (lengths >= 1) & (lengths <= 3)  # add_profile leaves longer n-grams at 0
        totals = np.array([float(x) for x in n_words[:3]] + [1.0] * (3 - len(n_words[:3])), dtype=np.float64)
        # add_profile: 1.0 * count / n_words[len(word) - 1] (both exact in float64, one division)
        matrix[rows[short], col] = counts[short] / totals[lengths[short] - 1]
    return langlist, index, matrix


# --------------------------------------------------------------------------- the cache file
# Parsing the 55 JSON profiles is most of their load time (about 0.15 CPU s); the matrix's non-zero
# values, the n-grams and the languages are kept in one .npz file (about 3 MB) in the cache folder of
# audit.language.wordlists, named by the profile files' names (in listing order), sizes and times.


def _cache_path(folder: str, names: list[str]) -> str | None:
    from audit.language.wordlists import cache_dir

    base = cache_dir()
    if base is None:
        return None
    digest = hashlib.sha1(folder.encode("utf-8", "surrogatepass"))
    try:
        for name in names:
            st = os.stat(os.path.join(folder, name))
            digest.update(f"\0{name}\0{st.st_size}\0{st.st_mtime_ns}".encode("utf-8", "surrogatepass"))
    except OSError:
        return None
    return os.path.join(base, "langdetect", f"profiles-{digest.hexdigest()[:20]}.npz")


def _read_cache(path: str) -> tuple[list[str], dict[str, int], tuple[np.ndarray, np.ndarray, np.ndarray]] | None:
    """The languages, the n-grams' rows and the matrix's non-zero values (rows, columns, values, by row)."""
    try:
        with np.load(path, allow_pickle=False) as data:
            langs = str(data["langs"]).split("\0")
            words = str(data["words"]).split("\0")
            rows, cols, values = data["rows"], data["cols"], data["values"]
            shape = tuple(int(x) for x in data["shape"])
    except (OSError, KeyError, ValueError, TypeError):
        return None
    index = dict(zip(words, range(len(words)), strict=True))
    if shape != (len(words), len(langs)) or len(index) != len(words):
        return None  # not a file this code wrote (or numpy dropped a trailing empty n-gram): read the profiles
    if not (len(rows) == len(cols) == len(values)) or values.dtype != np.float64:
        return None
    if len(rows):
        ordered = bool((rows[1:] >= rows[:-1]).all()) and _cols_ascend(rows, cols)
        if (
            not ordered
            or int(rows[0]) < 0
            or int(rows[-1]) >= shape[0]
            or int(cols.min()) < 0
            or int(cols.max()) >= shape[1]
        ):
            return None  # the file is written row by row (np.nonzero), each value once
    return langs, index, (rows.astype(np.intp), cols.astype(np.intp), values)


def _cols_ascend(rows: np.ndarray, cols: np.ndarray) -> bool:
    """Within each row, strictly ascending columns (no value given twice)."""
    same = rows[1:] == rows[:-1]
    return bool((cols[1:][same] > cols[:-1][same]).all())


def _write_cache(path: str, langs: list[str], index: dict[str, int], matrix: np.ndarray) -> None:
    words = list(index)
    if any("\0" in w for w in words) or any("\0" in lang for lang in langs):
        return
    rows, cols = np.nonzero(matrix)
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".tmp-", suffix=".npz")
        try:
            with os.fdopen(fd, "wb") as out:
                np.savez(
                    out,
                    langs=np.array("\0".join(langs)),
                    words=np.array("\0".join(words)),
                    rows=rows.astype(np.int32),
                    cols=cols.astype(np.int16),
                    values=matrix[rows, cols],
                    shape=np.array(matrix.shape, dtype=np.int64),
                )
            os.replace(tmp, path)  # concurrent writers: the last complete file wins
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError:
        pass  # a read-only or full disk: the profiles are read from their files next time too


def profiles(folder: str) -> _Profiles:
    """The profiles in ``folder`` (langdetect's ``profiles``), read once per process."""
    global _PROFILES
    if _PROFILES is None:
        with _LOCK:
            if _PROFILES is None:
                _PROFILES = _Profiles(folder)
    return _PROFILES


def probabilities(prof: _Profiles, text: str, max_text_length: int, seed: int = 0) -> list:
    """``Detector.get_probabilities()`` of ``text`` (langdetect's ``Language`` objects, best first) for a
    detector made by a factory seeded with ``seed``, with ``set_max_text_length(max_text_length)``.
    Raises langdetect's ``LangDetectException`` where it does (no n-gram in the text)."""
    from langdetect.detector import Detector
    from langdetect.lang_detect_exception import ErrorCode, LangDetectException

    detector = Detector(prof)
    detector.seed = seed
    detector.set_max_text_length(max_text_length)
    detector.append(text)
    detector.cleaning_text()
    ngrams = detector._extract_ngrams()
    if not ngrams:
        raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
    index = prof.word_lang_prob_map
    # The text's distinct n-grams' rows, dense (``matrix`` row ``rows[j]`` is the matrix's row of n-gram j).
    distinct, rows = np.unique(np.array([index[w] for w in ngrams], dtype=np.intp), return_inverse=True)
    matrix = prof.rows_of(distinct)
    n = len(prof.langlist)
    langprob = np.zeros(n, dtype=np.float64)
    rnd = detector.random
    rnd.seed(detector.seed)
    limit = detector.ITERATION_LIMIT
    conv = detector.CONV_THRESHOLD
    n_trial = detector.n_trial
    block = _FACTOR_BLOCK
    multiply_accumulate = np.multiply.accumulate
    divide = np.divide
    for _ in range(n_trial):
        prob = np.array(detector._init_probability(), dtype=np.float64)
        alpha = detector.alpha + rnd.gauss(0.0, 1.0) * detector.ALPHA_WIDTH
        weight = alpha / detector.BASE_FREQ
        draws = _Draws(rnd, len(rows))
        # langdetect: for i = 0, 1, 2, ...: update with a drawn n-gram; at i % 5 == 0 normalise and stop
        # when the best probability exceeds CONV_THRESHOLD or i >= ITERATION_LIMIT.
        # ``factors`` row r + 1 holds ``weight + lang_prob_map`` of the block's draw r (a block of draws at
        # a time, the first of them draw ``used`` when the block was filled); before each stretch of updates
        # the row above its first factor (row 0, or a factor already applied) holds the probabilities, and
        # one running product gives them updated.
        # The normalised probabilities stay in the factors' row they were computed in (``prob`` is a view of
        # it), which is the row above the next stretch: no copy between stretches, only at a new block.
        factors = np.empty((block + 1, n), dtype=np.float64)
        filled = 0  # draws in the current block
        i = 0
        k = 1
        used = 0
        row = 1
        while True:
            if row + k > filled + 1:  # this stretch is not in the block: a new block from draw ``used``
                prob = prob.copy()  # (a view of a row the new block overwrites)
                row = 1
                filled = block
                np.add(matrix[rows[draws.take(used, block)]], weight, out=factors[1:])
                factors[0] = prob
            stretch = factors[row - 1 : row + k]
            multiply_accumulate(stretch, axis=0, out=stretch)
            used += k
            row += k
            prob = stretch[k]
            values = prob.tolist()
            total = sum(values)
            if total == 0.0:
                raise ZeroDivisionError("float division by zero")  # as langdetect's _normalize_prob
            divide(prob, total, out=prob)
            # max(p / total) is max(p) / total: a correctly rounded division by a positive number keeps the order
            if max(values) / total > conv or i >= limit:
                break
            i += 5
            k = 5
        draws.finish(used)
        langprob += prob / n_trial
    return detector._sort_probability(langprob.tolist())


#: Draws whose factors are gathered at once (a trial on the short lines langdetect is asked about takes about
#: 120 draws: one block, seldom two).
_FACTOR_BLOCK = 120


class _Draws:
    """``random.choice(seq)`` for a sequence of ``n`` items, drawn many at a time: the indices ``choice``
    would return, one after the other, and the generator left where those calls would leave it.

    ``choice`` takes ``getrandbits(k)`` (``k = n.bit_length()``) until a value under ``n`` comes; for
    ``k <= 32`` each call uses one 32-bit output of the Mersenne Twister and keeps its top ``k`` bits.
    So the indices are the outputs (``getrandbits(32 * m)`` gives ``m`` of them, the first in the
    lowest bits) shifted right by ``32 - k``, without those ``>= n``. The generator's state is saved
    first and, at :meth:`finish`, restored and advanced by the outputs the calls used. Where any of this
    does not hold (a subclass of ``random.Random``, ``n`` of 2**32 or more), ``choice`` itself is called."""

    _BLOCK = 256  # generator outputs drawn at a time (one getrandbits call)

    def __init__(self, rnd, n: int) -> None:
        self.rnd = rnd
        self.n = n
        self.fast = type(rnd) is random.Random and 0 < n < 2**32 and _CHOICE_IS_GETRANDBITS
        self.state = rnd.getstate() if self.fast else None
        self.values = np.zeros(0, dtype=np.intp)  # accepted indices so far
        self.outputs = np.zeros(0, dtype=np.intp)  # per accepted index: outputs used up to and including it
        self.drawn = 0  # outputs drawn so far

    def take(self, start: int, count: int) -> np.ndarray:
        """The indices of draws ``start .. start + count - 1``."""
        if not self.fast:
            return np.array([self.rnd._randbelow(self.n) for _ in range(count)], dtype=np.intp)
        while len(self.values) < start + count:
            m = self._BLOCK
            raw = self.rnd.getrandbits(32 * m).to_bytes(4 * m, "little")
            words = np.frombuffer(raw, dtype="<u4").astype(np.intp) >> (32 - self.n.bit_length())
            keep = np.flatnonzero(words < self.n)
            self.values = np.concatenate([self.values, words[keep]])
            self.outputs = np.concatenate([self.outputs, self.drawn + keep + 1])
            self.drawn += m
        return self.values[start : start + count]

    def finish(self, used: int) -> None:
        """Leave the generator as ``used`` calls of ``choice`` would have."""
        if not self.fast:
            return
        self.rnd.setstate(self.state)
        if used:
            self.rnd.getrandbits(32 * int(self.outputs[used - 1]))
