"""The syntax frames of the injected-keyword rule (ART010): where a keyword breaks the grammar of an
English clause (:func:`frame_break`) or of a passage in another language (:func:`foreign_frame`), and the
normal uses right beside each break that must stay quiet."""

from __future__ import annotations

import pytest

from audit.artefacts.spam import find_injections, foreign_frame, frame_break


@pytest.mark.parametrize(
    "prev,kw,nxt,lang",
    [
        ("les", "site", "syndicats", "fr"),  # plural article, singular noun
        ("delle", "casino", "zone", "it"),
        ("200", "site", "millones", "es"),  # a number above one
        ("aprobó", "casino", "el", "es"),  # a bare noun before an article
        ("con", "online", "la", "es"),  # online after a preposition, before an article
        ("une", "online", "liste", "fr"),  # online between an article and its noun
        ("la", "shop", "emancipación", "es"),  # a noun stacked before an abstract noun
        ("A", "shop", "decisão", "pt"),
        ("Rate", "cheap", "noch", "de"),  # German has no lower-case English adjective
        ("", "site", "noch", "de"),
    ],
)
def test_foreign_frame_breaks(prev, kw, nxt, lang):
    assert foreign_frame(prev, kw, nxt, lang)


@pytest.mark.parametrize(
    "prev,kw,nxt,lang",
    [
        ("1", "casino", "en", "es"),  # "1 casino": one
        ("en", "casino", "el", "es"),  # "se convirtió en casino el año pasado": a time phrase
        ("el", "casino", "la", "es"),  # a determined noun before a time phrase ("en el casino la gente")
        ("du", "casino", "le", "fr"),  # a superlative ("du casino le plus grand")
        ("votar", "online", "la", "es"),  # an adverb after a verb
        ("nuevo", "casino", "municipal", "es"),  # an adjective after the noun
        ("le", "site", "officiel", "fr"),
        ("ist", "online", "auf", "de"),  # German's own "online"
        ("les", "orders", "de", "fr"),  # a plural keyword
        ("el", "casino", "Bellagio", "es"),  # a name follows: no judgement
        ("la", "store", "vénitienne", "xx"),  # no closed classes for the language
    ],
)
def test_foreign_frame_normal_uses(prev, kw, nxt, lang):
    assert not foreign_frame(prev, kw, nxt, lang)


@pytest.mark.parametrize(
    "prev,kw,nxt,expected",
    [
        ("had", "store", "leaned", True),  # between "have" and its participle
        ("has", "site", "moved", True),
        ("had", "store", "brands", False),  # a noun modifier after "had"
        ("snarls", "shop", "are", True),  # a singular word before a plural verb
        ("we", "order", "are", True),
        ("this", "site", "are", False),  # "items on this site are": the subject is further back
        ("prices", "online", "are", False),  # "online" is no subject
        ("process", "order", "are", False),  # not a plural noun
        ("she", "buy", "the", False),  # "Should she buy the house": an inverted conditional
        ("had", "cheap", "imported", False),  # "had cheap imported steel"
        ("and", "casino", "the", True),  # a bare noun before a new noun phrase
        ("and", "store", "the", False),  # "and store the data": a verb
        ("revenue", "online", "of", True),
        ("the", "online", "of", True),  # (an older rule: after a determiner)
        ("went", "online", "to", False),
    ],
)
def test_english_frames(prev, kw, nxt, expected):
    assert frame_break(prev, kw, nxt) is expected


def test_foreign_quotations():
    """A quotation that opens right at the keyword may be an English slogan: only a syntax break counts
    there; inside a longer quotation of the passage language the keyword is judged as in running text."""
    slogan = "La campaña municipal usa el lema «buy local» para animar a los vecinos del barrio."
    speech = "«Queremos que el mercado buy funcione mejor», dijo la presidenta del organismo en Madrid."
    broken = "«Hemos recibido 300 site solicitudes en una semana», dijo la alcaldesa en Madrid."
    assert not find_injections(slogan, lambda _o: "es")
    assert [f[2] for f in find_injections(speech, lambda _o: "es")] == ["buy"]
    assert [f[2] for f in find_injections(broken, lambda _o: "es")] == ["site"]


def test_romance_verbs_are_not_nouns():
    # Spanish "sale" (from "salir") and French "sale" ("dirty") before an article or a noun
    assert not foreign_frame("onde", "sale", "el", "es")
    assert not foreign_frame("la", "sale", "situation", "fr")
    assert foreign_frame("onde", "site", "el", "es")


@pytest.mark.parametrize(
    "prev,kw,nxt,lang,expected",
    [
        ("se", "casino", "centra", "es", True),  # a clitic: a verb must follow
        ("ne", "order", "doit", "fr", True),
        ("se", "casino", "centra", "it", False),  # Italian "se" is also "if"
        ("a", "casino", "baissé", "fr", True),  # between an auxiliary and its participle
        ("ha", "site", "subido", "es", True),
        ("a", "casino", "réputé", "xx", False),
        ("est", "site", "classé", "fr", False),  # a bare predicate noun after "be"
        ("tem", "casino", "licenciado", "pt", False),  # Portuguese "ter" is also "own"
        ("otros", "casino", "sectores", "es", True),  # a plural quantifier
        ("de", "online", "reparto", "es", True),  # online before its noun
        ("forma", "online", "hasta", "es", False),
        ("voto", "online", "aprobado", "es", False),
        ("la", "casino", "transparencia", "es", True),  # an abstract noun (-ncia) after the keyword
    ],
)
def test_more_foreign_frames(prev, kw, nxt, lang, expected):
    assert foreign_frame(prev, kw, nxt, lang) is expected


@pytest.mark.parametrize(
    "prev,kw,nxt,lang,guarded",
    [
        ("todos", "online", "esta", "es", False),  # "estamos todos online esta noche": an adverb
        ("de", "online", "banking", "es", False),  # a borrowed English phrase
        ("la", "online", "reputation", "it", False),
        ("2019", "online", "ventas", "es", False),  # a year is not a count
        ("ha", "online", "publicado", "es", False),  # an adverb may split "have" and its participle
        ("das", "cheap", "Gefühl", "de", True),  # German lexical test left out inside a short quotation
    ],
)
def test_foreign_frame_precision_guards(prev, kw, nxt, lang, guarded):
    assert not foreign_frame(prev, kw, nxt, lang, guarded)


def test_german_syntax_inside_a_short_quotation():
    assert foreign_frame("auf", "online", "seiner", "de", True)
    assert foreign_frame("das", "cheap", "Gefühl", "de", False)
