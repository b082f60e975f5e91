"""The word lists the language check reads (audit.language.wordlists) are wordfreq's, read faster."""

from __future__ import annotations

import subprocess
import sys

import pytest
import wordfreq

from audit.language import LanguageConfig, wordlists
from audit.language.backends import FastTextBackend
from audit.language.identify import read_short
from audit.language.screen import vocabulary

#: Scripts and list sizes of every kind: Latin with a "large" list, Latin with only a "small" one,
#: Cyrillic, Arabic, CJK (digits and punctuation entries included).
SOME = ("en", "de", "es", "ca", "ru", "ar", "zh", "ja")


@pytest.mark.parametrize("lang", SOME)
def test_frequencies_and_top_words_are_wordfreqs(lang):
    freqs = wordlists.frequencies(lang)
    expected = wordfreq.get_frequency_dict(lang, "small")
    assert freqs == expected and list(freqs) == list(expected)
    best = wordlists.frequencies(lang, "best")
    assert best == wordfreq.get_frequency_dict(lang, "best") and list(best) == list(
        wordfreq.get_frequency_dict(lang, "best")
    )
    for n in (5, 3000, 10000):
        assert list(wordlists.top_words(lang, n)) == wordfreq.top_n_list(lang, n)


def test_every_language_matches_wordfreq():
    assert wordlists.available() == frozenset(wordfreq.available_languages())
    for lang in sorted(wordlists.available()):
        assert wordlists.has_frequencies(lang)
        assert wordlists.frequencies(lang) == wordfreq.get_frequency_dict(lang, "small"), lang
        assert list(wordlists.top_words(lang, 10000)) == wordfreq.top_n_list(lang, 10000), lang


def test_no_list():
    assert not wordlists.has_frequencies("gl")
    assert wordlists.frequencies("gl") is None and wordlists.top_words("gl", 10) is None
    assert vocabulary("gl", 100) is None
    assert vocabulary("zh", 100) is None  # written without spaces: never screened


def test_reading_the_lists_does_not_import_wordfreq():
    code = (
        "import sys\n"
        "from audit.language import wordlists as w\n"
        "assert w.frequencies('en')['the'] > 0.01 and 'the' in w.top_words('en', 10)\n"
        "assert 'wordfreq' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_run_vocabularies_are_read_only_for_a_mix(monkeypatch):
    """A monolingual short text reads only its own language's vocabulary (the clear-language test,
    identify.clearly_one); a mixed one reads both, and its runs still need a word outside the other
    language's most frequent words."""
    asked: list[str] = []
    real = vocabulary.__wrapped__

    def spy(lang, size):
        asked.append(lang)
        return real(lang, size)

    monkeypatch.setattr("audit.language.identify.vocabulary", spy)
    ft = FastTextBackend()
    cfg = LanguageConfig()
    mono = read_short(ft, "The council approved the budget on Tuesday after a long debate", cfg)
    assert mono.lang == "en" and mono.runs == () and asked == ["en"]
    asked.clear()
    mixed = read_short(ft, "I love this song so much, la escucho todo el día con mis amigos", cfg)
    assert {r.lang for r in mixed.runs} == {"en", "es"} and set(asked) == {"en", "es"}
    assert all(r.own >= 1 for r in mixed.runs)


def test_the_artefact_checks_read_wordfreqs_best_lists():
    """The artefact family's frequencies (audit.artefacts.common.zipf) come from the same reader."""
    from audit.artefacts.common import WORDFREQ_LANGS, _freq_dict

    for lang in WORDFREQ_LANGS:
        assert _freq_dict(lang) == wordfreq.get_frequency_dict(lang, "best"), lang
