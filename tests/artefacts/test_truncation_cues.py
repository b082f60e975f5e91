"""ART020's grammatical cut cues, one ending at a time (``cut_kind``): what counts as evidence of a cut
(a clause stopped after its subject, a quotation never closed, an attribution without its verb) and the
look-alikes on real text that are complete (comparatives, inverted attributions, notation, a quotation's
author, credits). The pipeline-level cases are in tests/cases/ART020.json."""

from __future__ import annotations

import pytest

from audit.artefacts.truncation import cut_kind

STRONG = {"mid-word", "function-word", "open-clause", "open-quote"}


@pytest.mark.parametrize(
    "text,lang,kind",
    [
        ("The council met. Legal experts said the ruling could turn on whether the plaintiffs", "en", "open-clause"),
        ("The council met. The mayor argued that the agency", "en", "open-clause"),
        ("El pleno se reunió. Los analistas creen que los precios", "es", "open-clause"),
        ("Der Rat tagte. Die Ökonomen erwarten, dass die Preise", "de", "open-clause"),
        ('The council met. "We cannot wait another year for this," Councilmember Ana Ortiz', "en", "open-clause"),
        ("The council met. After the loss, the head coach said the team's offence", "en", "open-clause"),
        ("The council met. “If we cut the parks budget now, our children and our neighbours", "en", "open-quote"),
        ('The council met. "If we cut the parks budget now, our children and our neighbours', "en", "open-quote"),
        ("Le conseil a voté. « Nous demandons aux voyageurs de reporter leurs déplacements", "fr", "open-quote"),
        ("This page uses material from the documents of the (Background Notes", "en", "open-quote"),
        ("The agency will keep the freeze on rent increases in place until", "en", "function-word"),
        ("La alcaldesa pidió a la Junta que revisara el plan durante", "es", "function-word"),
    ],
)
def test_cut_cues(text, lang, kind):
    assert cut_kind(text, lang) == kind


@pytest.mark.parametrize(
    "text,lang",
    [
        ("La inflación de enero fue alta. Fue mayor que el año", "es"),  # a comparative, not a clause
        ("The plan will save the city money, said the company", "en"),  # inverted attribution, complete
        ('The probability that "X" lies in the interval ("a", "b"], where "a" < "b", is therefore', "en"),
        ('A class of instruments unrelated to "percussion" in the more common sense', "en"),
        ("Day 1: Double your output while working fewer hours « Ana Ortiz", "en"),  # a title separator
        ("It teaches skills that pay well in the real world.” - Daniel Okafor", "en"),
        ("It evokes a very special blend of liking and respect.—Niall Rudd", "en"),
        ("Carry your own weather with you wherever you travel. Marta Quiroga", "en"),
        ("Crowds gathered outside the hall to watch the floats. Photograph: Ana Ruiz/City Press", "en"),
        ("Click the map and explore the trails! Posted by Lena Fisch, Product Manager, Trail Maps", "en"),
        ("Image courtesy of the city archive, Lena Fisch", "en"),
        ("Fans lined up for hours to buy sandwiches from Chick-fil-A", "en"),
        ("Nice thing to use with the renders, thanks. awesum", "en"),  # a typo is not a cut word
        ("Clipping nails, going barefoot and other office don'ts", "en"),
        ("Context helps, but that is not the hotel I was thinking of", "en"),  # a stranded preposition
        ("These are the people they work with", "en"),
        ("The senators voted against", "en"),
        (
            "Personal Finance Notes - Copyright 2012 by Example Media. All rights reserved. -",
            "en",
        ),  # "against" closes a clause: left out of the dangling words
        ("Los diputados de la oposición votaron en contra", "es"),
    ],
)
def test_complete_endings_are_not_grammatical_cuts(text, lang):
    assert cut_kind(text, lang) not in STRONG


@pytest.mark.parametrize(
    "text,lang",
    [
        ('"People keep asking whether this is a bubble," said Prof. Laurence Tr', "en"),  # an abbreviation's dot
        ("He spoke with Florida Gov. Ron D", "en"),
        ("L'opposition a dénoncé un plan « sans ambition ». P", "fr"),
        ("Le plan prévoit une hausse des aides à l'in", "fr"),  # a French elision is not a contraction
    ],
)
def test_cuts_that_look_like_signatures_are_still_cuts(text, lang):
    assert cut_kind(text, lang) is not None
