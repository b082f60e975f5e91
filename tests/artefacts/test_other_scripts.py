"""News text in scripts other than Latin (Chinese, Japanese, Thai written without spaces; Arabic, Russian,
Hindi) runs through every rule without false artefact warnings: a Chinese article is not "empty"."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.artefacts.empty import word_count
from audit.config import Config
from audit.pipeline import scan

DIR = Path(__file__).resolve().parent.parent / "data" / "scripts"
LANGS = {"zh.txt": "zh", "ja.txt": "ja", "th.txt": "th", "ar.txt": "ar", "ru.txt": "ru", "hi.txt": "hi"}


@pytest.fixture(scope="module")
def report():
    return scan([str(DIR)], Config())


@pytest.mark.parametrize("name", sorted(LANGS))
def test_no_artefact_warnings_and_the_right_language(report, name):
    (doc,) = [d for d in report.documents if d.id == name]
    assert doc.language == LANGS[name]
    bad = [
        (f.rule, f.severity.value, f.message)
        for f in doc.findings
        if f.category.value == "artefact" and f.severity.value != "info"
    ]
    assert bad == []
    assert not any(f.rule in ("ART001", "ART061") for f in doc.findings)


def test_characters_of_scripts_without_spaces_count_as_words():
    assert word_count("北京市政府周二宣布") == 9
    assert word_count("東京都は火曜日、発表した。") == 11
    assert word_count("The council met 北京 today") == 6
    assert word_count("Read more") == 2
    from audit.artefacts.common import words

    assert words("केंद्र सरकार ने मंगलवार") == ["केंद्र", "सरकार", "ने", "मंगलवार"]  # vowel signs stay in the word
    assert words("can't l’homme naïve 北京") == ["can't", "l’homme", "naïve", "北", "京"]


@pytest.mark.parametrize(("name", "lang"), [("my.txt", "my"), ("th_paragraphs.txt", "th"), ("zh_quotes.txt", "zh")])
def test_how_a_script_is_written_is_no_artefact(report, name, lang):
    """Burmese ends sentences with "။", Thai with a space and no mark, Chinese sets full-width quotation
    marks without spaces: none of these is an unpunctuated line (ART065) or a lost space (ART030); a Korean
    word is two or three syllable characters, no short word (ART061)."""
    (doc,) = [d for d in report.documents if d.id == name]
    assert doc.language == lang
    assert [f.rule for f in doc.findings if f.rule in ("ART030", "ART061", "ART065")] == []
