"""The wordfreq-backed helpers: offline loading, language confirmation, glued-word splits."""

from __future__ import annotations

import socket

import pytest

from audit.artefacts import common
from audit.artefacts.whitespace import split_glued


def test_word_lists_load_without_network(monkeypatch):
    def no_network(*_a, **_k):
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    common._freq_dict.cache_clear()
    try:
        assert common.zipf("said", "en") > 5
        assert common.zipf("dijo", "es") > 4
        assert common.zipf("governorsaid", "en") == 0.0
    finally:
        common._freq_dict.cache_clear()


def test_zipf_only_for_listed_languages():
    assert common.zipf("haus", "de") == 0.0  # German is deliberately not consulted (compounds)
    assert common.zipf("the", "und") == 0.0


@pytest.mark.parametrize(
    "text,lang,ok",
    [
        ("The council approved the budget on Tuesday after a long debate about housing.", "en", True),
        ("El ayuntamiento aprobó el presupuesto el martes tras un largo debate sobre vivienda.", "es", True),
        # Hungarian taken for Spanish by a stop-word profile: the Spanish list knows almost none of it
        (
            "A Balaton északi partján fekvő falu lakói szerint a nyár idén csendes volt, hallani sem lehetett.",
            "es",
            False,
        ),
        ("Die Bundesregierung beschloss am Mittwoch ein Entlastungspaket.", "de", False),
    ],
)
def test_lists_confirm(text, lang, ok):
    assert common.lists_confirm(text, lang) is ok


@pytest.mark.parametrize(
    "token,lang,split",
    [
        ("governorsaid", "en", ("governor", "said")),
        ("wherethe", "en", ("where", "the")),
        ("ofthe", "en", ("of", "the")),
        ("antesdel", "es", ("antes", "del")),
        ("sobrelas", "es", ("sobre", "las")),
        ("nesera", "fr", ("ne", "sera")),
        ("ballgame", "en", None),  # a listed compound
        ("within", "en", None),  # a word, though "with"+"in" are frequent
        ("antivaccine", "en", None),  # prefix compound
        ("statewide", "en", None),  # suffix-like half
        ("superspreader", "en", None),
        ("governorsaid", "de", None),  # German: no word-list evidence
    ],
)
def test_split_glued(token, lang, split):
    got = split_glued(token, lang)
    assert (got[:2] if got else None) == split


def _ctx(text: str, lang: str):
    from audit.model import Document, Span
    from audit.rules import DocContext

    ctx = DocContext(Document(id="d", text=text, source="d.txt", locator=None, metadata={}, record=None), 0)
    ctx.passage_languages = [(Span(0, len(text)), lang, 0.9)]
    return ctx


def test_glued_words_need_the_lists_to_confirm_the_language():
    from audit.artefacts import MissingWhitespaceCheck

    hu = (
        "A Balaton északi partján fekvő falu lakói szerint a nyár idén csendes volt, hallani sem lehetett "
        "a turistákat, mondta a polgármester."
    )
    en = "The governorsaid on Tuesday that the budget would pass before the summer recess, aides said."
    assert not [f for f in MissingWhitespaceCheck().check(_ctx(hu, "es")) if f.rule == "ART031"]
    assert [f for f in MissingWhitespaceCheck().check(_ctx(en, "en")) if f.rule == "ART031"]


def test_language_lookup_reads_each_offset_of_a_mixed_paragraph():
    """The language check's passages can be finer than the layer's paragraph (an Italian title inside an
    English paragraph): the lookup answers each offset with its own language, whichever offset of the
    paragraph is asked first, and the word-list confirmation is kept per language."""
    from audit.model import Span

    en = "The museum holds a first edition of "
    it = "Le fabbriche della città vecchia sotto la pioggia"
    text = en + it + ", the catalogue said on Tuesday."
    ctx = _ctx(text, "en")
    ctx.passage_languages = [
        (Span(0, len(en)), "en", 0.9),
        (Span(len(en), len(en) + len(it)), "it", 0.9),
        (Span(len(en) + len(it), len(text)), "en", 0.9),
    ]
    assert len(ctx.passages) == 1  # one layer paragraph holds both languages
    for order in ([0, len(en) + 3], [len(en) + 3, 0]):
        lang_of = common.language_lookup(ctx)
        assert {o: lang_of(o) for o in order} == {0: "en", len(en) + 3: "it"}
        confirmed = common.confirm_lookup(ctx, lang_of)
        got = {o: confirmed(o) for o in order}
        assert got == {
            0: common.lists_confirm(text, "en"),
            len(en) + 3: common.lists_confirm(text, "it"),
        }
