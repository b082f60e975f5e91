"""langdetect's detector on a matrix (audit.language.ldfast): the same probabilities as langdetect's own
``Detector``, compared with ``==``, and the batched ``random.choice`` draws leave the generator where
``choice`` would."""

from __future__ import annotations

import os
import random

import numpy as np
import pytest
from langdetect.detector_factory import DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

from audit.language import ldfast
from audit.language.backends import LangdetectBackend, _langdetect_profiles, fold_code

TEXTS = [
    "The council approved the budget on Tuesday after a two-hour debate about road repairs.",
    "El ayuntamiento aprobó el presupuesto el martes tras un debate de dos horas sobre las calles.",
    "Le conseil municipal a approuvé le budget mardi après un long débat sur les routes.",
    "Der Stadtrat hat am Dienstag nach langer Debatte den Haushalt beschlossen.",
    "Il consiglio comunale ha approvato il bilancio martedì dopo un lungo dibattito.",
    "O conselho aprovou o orçamento na terça-feira depois de um longo debate.",
    "Городской совет утвердил бюджет во вторник после долгих споров о ремонте дорог.",
    "市议会在周二经过两个小时的辩论后批准了预算。",
    "مجلس المدينة وافق على الميزانية يوم الثلاثاء بعد نقاش طويل",
    "titan daher",
    "ok",
    "Posted in Politics, Local News, Noticias en Español",
    "no puedo believe que ya es friday otra vez lol",
    "a " * 400 + "b",
    "Sign up for our daily newsletter and get the top stories in your inbox every morning. " * 12,
]


@pytest.fixture(scope="module")
def factory():
    f = DetectorFactory()
    f.load_profile(_langdetect_profiles())
    f.seed = 0
    return f


def _reference(factory, text: str, max_len: int = 1000):
    detector = factory.create()
    detector.set_max_text_length(max_len)
    detector.append(text)
    try:
        return [(x.lang, x.prob) for x in detector.get_probabilities()]
    except LangDetectException:
        return None


def _fast(text: str, max_len: int = 1000):
    try:
        return [(x.lang, x.prob) for x in ldfast.probabilities(ldfast.profiles(_langdetect_profiles()), text, max_len)]
    except LangDetectException:
        return None


@pytest.mark.parametrize("text", TEXTS)
def test_probabilities_equal_langdetect(factory, text):
    assert _fast(text) == _reference(factory, text)


def test_no_features_raises_like_langdetect(factory):
    assert _reference(factory, "12345 678") is None
    assert _fast("12345 678") is None


def test_profiles_hold_langdetects_values(factory):
    prof = ldfast.profiles(_langdetect_profiles())
    assert prof.langlist == factory.langlist
    for word in ("e", "th", "the", "ción", "ñ", "ий"):
        if word in factory.word_lang_prob_map:
            assert prof.matrix[prof.word_lang_prob_map[word]].tolist() == factory.word_lang_prob_map[word]
        else:
            assert word not in prof.word_lang_prob_map
    assert len(prof.word_lang_prob_map) == len(factory.word_lang_prob_map)


def test_backend_answers_as_before(factory):
    """The backend's candidates are langdetect's top 3 folded to ISO codes, probabilities and all."""
    backend = LangdetectBackend()
    for text, cands in zip(TEXTS, backend.predict(TEXTS, k=3), strict=True):
        ref = _reference(factory, text) or []
        expected: dict[str, float] = {}
        for lang, p in ref[:3]:
            code = fold_code(lang)
            expected[code] = min(1.0, expected.get(code, 0.0) + p)
        assert cands == sorted(expected.items(), key=lambda kv: -kv[1])


@pytest.mark.parametrize("n", [1, 2, 3, 7, 100, 1000, 65537])
def test_draws_equal_random_choice(n):
    seq = list(range(n))
    a = random.Random(5)
    b = random.Random(5)
    draws = ldfast._Draws(b, n)
    assert draws.fast
    expected = [a.choice(seq) for _ in range(300)]
    got = draws.take(0, 1).tolist() + draws.take(1, 299).tolist()
    assert got == expected
    draws.finish(300)
    assert b.getstate() == a.getstate()
    assert b.random() == a.random()


def test_draws_of_a_subclass_call_choice():
    class Mine(random.Random):
        pass

    a, b = random.Random(3), Mine(3)
    draws = ldfast._Draws(b, 10)
    assert not draws.fast
    assert draws.take(0, 50).tolist() == [a.choice(range(10)) for _ in range(50)]
    draws.finish(50)
    assert b.random() == a.random()


def test_profiles_cache_file_gives_the_same_matrix(tmp_path, monkeypatch):
    """The cache file (written on the first load, read on the next) holds the profiles exactly; without
    a cache folder the profiles are read from langdetect's files."""
    folder = _langdetect_profiles()
    names = os.listdir(folder)
    monkeypatch.setenv("CORPUS_AUDIT_CACHE_DIR", "")
    assert ldfast._cache_path(folder, names) is None
    plain = ldfast._Profiles(folder)
    monkeypatch.setenv("CORPUS_AUDIT_CACHE_DIR", str(tmp_path))
    path = ldfast._cache_path(folder, names)
    written = ldfast._Profiles(folder)
    assert path is not None and (tmp_path / "langdetect").is_dir()
    cached = ldfast._read_cache(path)
    assert cached is not None
    again = ldfast._Profiles(folder)
    for prof in (written, again):
        assert prof.langlist == plain.langlist
        assert prof.word_lang_prob_map == plain.word_lang_prob_map
        assert prof.matrix.tobytes() == plain.matrix.tobytes()
    (tmp_path / "langdetect" / os.path.basename(path)).write_bytes(b"not a cache file")
    assert ldfast._read_cache(path) is None
    broken = ldfast._Profiles(folder)  # rewritten
    assert broken.matrix.tobytes() == plain.matrix.tobytes()
    assert ldfast._read_cache(path) is not None


def test_rows_of_are_the_dense_matrix_rows():
    prof = ldfast.profiles(_langdetect_profiles())
    dense = prof.matrix
    rng = np.random.default_rng(3)
    for rows in (np.array([], dtype=np.intp), np.array([0]), rng.integers(0, dense.shape[0], 500)):
        assert prof.rows_of(rows).tobytes() == dense[rows].tobytes()
