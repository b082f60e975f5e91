"""News style: the figure first, its source in the next sentence or the one after; figures of a quoted speaker's
quotation over paragraphs; figures that are details of the story, not claims (issue 13, tenth session)."""

from __future__ import annotations

from audit.model import Document
from audit.rules import DocContext
from audit.sourcing import SourcingCheck
from tests.sourcing.helpers import flagged


def _rules(text: str, rule: str) -> list:
    ctx = DocContext(Document("d", text, "d"), 0)
    return [f for f in SourcingCheck().check(ctx) if f.rule == rule]


# -- class 1: the source is in the next sentence or the one after


def test_the_next_sentence_names_the_source_of_the_same_topic():
    text = (
        "Heavy rain has reached the valley. More than 300 families were evacuated from the river towns overnight. "
        "The state emergency agency says the families will stay in school halls until the water falls."
    )
    assert not flagged(text, "300 families")


def test_a_tag_at_the_end_of_the_next_sentence_on_the_same_topic():
    text = (
        "The probe reached orbit on Monday. More than 20,000 pupils from 40 countries will follow the probe for a "
        "year. The pupils will measure how fast its orbit decays, the space agency said."
    )
    assert not flagged(text, "20,000 pupils")


def test_the_source_two_sentences_on_after_a_sentence_of_the_same_topic():
    text = (
        "The mill's receivers are confident of paying the wages owed to almost 2,000 workers laid off in March. "
        "About 1,500 workers have received their wages already and the rest will be paid this month. "
        "Receiver Anna Kowal says the mill's buyer will decide how many of the laid off workers it hires back."
    )
    assert not flagged(text, "almost 2,000 workers")
    assert not flagged(text, "About 1,500 workers")


def test_an_unrelated_quote_of_someone_else_does_not_source_the_figure():
    text = (
        "The storm moved north overnight. About 2,400 people die from heat stroke in the region each year. "
        '"We have asked for more buses on the coastal line," Mayor Ruth Olsen said.'
    )
    assert flagged(text, "2,400 people")


def test_a_next_sentence_about_another_topic_does_not_source_the_figure():
    text = (
        "Talks went on at the commission after more than 3,000 nurses voted to reject the wage offer. "
        "The secretary of the Nurses and Midwives Union, Jo Park, says the union has done everything it can to "
        "settle the dispute."
    )
    assert flagged(text, "3,000 nurses")


def test_a_next_sentence_with_its_own_statistic_and_source_is_a_new_claim():
    text = (
        "More than 400 patients waited over a day for a bed. The health department says 90 nurses were hired "
        "to shorten the wait for patients."
    )
    assert flagged(text, "400 patients")


def test_the_look_ahead_stops_at_a_paragraph_break():
    text = (
        "More than 300 families were evacuated from the river towns overnight.\n\n"
        "The state emergency agency says the families will stay in school halls."
    )
    assert flagged(text, "300 families")


def test_the_look_ahead_stops_at_a_sentence_with_a_source_of_its_own():
    text = (
        "More than 300 families were evacuated from the river towns overnight. The mayor said the roads were "
        "closed at dusk. The state emergency agency says the families will stay in school halls."
    )
    assert flagged(text, "300 families")


def test_a_place_that_recorded_more_of_the_tally_is_no_source():
    text = (
        "The holiday road toll stands at 45. 20 people have died on the state's roads, with eight fatalities in "
        "the north. The capital and the islands have each recorded three deaths on the roads."
    )
    assert flagged(text, "20 people have died")


def test_reportedly_credited_to_a_named_official_in_the_next_sentence():
    text = (
        "The rebel group has reportedly moved its fighters toward the northern border. A senior army officer has "
        "told state radio the rebel group is now moving its fighters in small units."
    )
    assert not _rules(text, "SRC003")


def test_reportedly_with_no_source_after_it_stays_vague():
    text = (
        "The rebel group has reportedly moved its fighters toward the northern border. The harvest in the south "
        "was good this year."
    )
    assert _rules(text, "SRC003")


# -- class 3: a quotation of a named speaker over paragraphs


def test_a_quotation_over_paragraphs_is_its_speakers():
    text = (
        'The president says the country is ready. "We want peace, we want calm," he said. "Let the two nations '
        'talk.  "However, the 90 million people of the country are fully prepared to face any attack."  '
        "The president said he had the support of all parties."
    )
    assert not flagged(text, "90 million people")


def test_a_quoted_sentence_with_no_speaker_before_it_is_still_flagged():
    text = (
        "The country is ready for a long winter. "
        '"The 90 million people of the country are prepared and 40,000 reservists have been called up." '
        "The roads are closed."
    )
    assert flagged(text, "90 million people")


# -- class 2: not a claim worth a source


def test_the_last_age_of_a_list_of_ages_is_no_count():
    text = "The raid went wrong. The gunman escaped, but two girls aged four and 15 died in the car."
    assert not flagged(text, "aged four and 15")


def test_a_count_of_victims_after_a_list_of_ages_is_a_claim():
    text = "The raid went wrong. Two girls aged four and 15 and 30 other people died in the fire."
    assert flagged(text, "30 other people")


def test_a_share_of_one_persons_pay_is_the_fine_arithmetic():
    text = "The striker was fined $9,000 for the outburst. The fine is 60 per cent of Smith's weekly pay."
    assert not flagged(text, "60 per cent")


def test_a_share_of_a_workforce_pay_is_a_claim():
    text = "Wages fell in the mines. The cut is 60 per cent of the miners' pay in the region."
    assert flagged(text, "60 per cent")


def test_the_count_of_fires_as_they_burn_is_the_situation_report():
    text = "Crews worked through the night. More than 80 fires are still burning across the state."
    assert not flagged(text, "80 fires")
    text = "As more than 120 blazes burn across the state, crews were sent to a new fire at the dam."
    assert not flagged(text, "120 blazes")


def test_a_seasons_fire_count_the_area_burnt_and_the_harm_of_a_fire_stay_claims():
    assert flagged("Dry weeks came early. More than 7,000 fires have burned in the state this year.", "7,000 fires")
    assert flagged("Winds eased at dawn. The fires have burned more than 900 hectares in three days.", "900 hectares")
    text = "The blaze has scorched 3,500 hectares and forced 1,400 residents to evacuate."
    assert flagged(text, "3,500 hectares")


def test_spanish_the_next_sentence_names_the_source_of_the_same_topic():
    lead = "Llovió toda la noche en el valle. Más de 300 familias fueron evacuadas de los pueblos del río. "
    text = lead + "La agencia estatal de emergencias dijo que las familias se quedarán en las escuelas."
    assert not flagged(text, "300 familias")
    text = lead + "El alcalde Juan Pérez dijo que la feria de verano se celebrará en agosto."
    assert flagged(text, "300 familias")


def test_a_plural_noun_read_as_a_verb_is_no_source_ahead():
    # "states" here is the noun ("one of seven states that tax food"), not a verb of telling.
    text = (
        "Taxes on food vary a lot. About 40% of households in the region pay more tax on food than on fuel. "
        "Arkansas is one of seven states that tax food at the full rate paid by households."
    )
    assert flagged(text, "About 40%")
