"""Unit tests for the pure sourcing helpers: figures, quotes, attributions, tables, outlets."""

from __future__ import annotations

import pytest

from audit import segment
from audit.model import Document
from audit.rules import DocContext
from audit.sourcing import SourcingCheck, SourcingConfig
from audit.sourcing.attribution import find_attributions
from audit.sourcing.figures import find_figures
from audit.sourcing.lexicon import guess_language, lexicon
from audit.sourcing.quotes import find_quotes, mask_quotes
from audit.sourcing.tables import headline_outlet


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Deportations rose 27% last year", [("percent", "27%")]),
        ("an increase in agents by 10,000.", [("count", "10,000")]),
        ("The city spent $5.2 million", [("money", "$5.2 million")]),
        ("costó 3 millones de dólares", [("money", "3 millones de dólares")]),
        ("un aumento del 15 por ciento", [("percent", "15 por ciento")]),
        ("prices doubled last year", [("change", "doubled")]),
        ("Nearly 3 million people lost power", [("count", "3 million")]),
        ("rose 20-30% in a year", [("percent", "20-30%")]),
    ],
)
def test_figures_found(text, expected):
    assert [(f.kind, f.text) for f in find_figures(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "state Senate Bill 54 by engaging",
        "passed in October 2017",
        "(AB4) que busca",
        "24 horas después",
        "The president’s Day 1 actions",
        "John Smith, 45, of Fresno",
        "a 45-year-old man",
        "at 10:30 a.m. on Jan. 5",
        "el 5 de enero de 2020",
        "COVID-19 cases",
        "the 1990s",
        "Call 555-1234",
        "He lives at 123 Main St.",
        "the 21st century",
        "Title 42 expulsions",
        "Executive Order 13768",
        "he served 10 years",
        "es el 2º",
        "1) Review the policy",
        "Page 5 of the report",
    ],
)
def test_not_statistics(text):
    assert find_figures(text) == []


def test_table_cells_are_values():
    assert [f.text for f in find_figures("North\t1,204\t33", cells=True)] == ["1,204", "33"]


def test_multi_paragraph_quote_is_one_quote():
    text = "She said:\n\n“First part of it.\n\n“Second part here.\n\n“Last part.”\n\nAfter."
    quotes = find_quotes(text, segment.passages(text))
    assert len(quotes) == 1 and quotes[0].paragraphs == 3
    assert text[quotes[0].start] == "“" and text[quotes[0].end - 1] == "”"
    masked = mask_quotes(text, quotes)
    assert len(masked) == len(text) and "Second" not in masked


def test_unclosed_single_paragraph_quote_is_ignored():
    text = "The program known as “Se Communities. A spokesman said the guidelines would change."
    assert [q for q in find_quotes(text, segment.passages(text)) if q.closed] == []


@pytest.mark.parametrize(
    "text,source,kind",
    [
        ("“It is wrong,” said Carmen Iguina with the ACLU.", "Carmen Iguina", "named"),
        ("The Sacramento Bee wrote that the plan failed.", "Sacramento Bee", "outlet"),
        ("SPD said its officers would not act, according to the Sacramento Bee.", "SPD", "named"),
        ("On Thursday, Sgt. Amar Gandhi, a sheriff’s spokesperson stated, “We comply.”", "Sgt. Amar Gandhi", "named"),
        ("Police say 23 people were arrested.", "Police", "role"),
        ("Critics argue the plan will fail.", "Critics argue", "vague"),
        (
            "El desempleo subió, informó el Instituto Nacional de Estadística.",
            "Instituto Nacional de Estadística",
            "named",
        ),
    ],
)
def test_attribution_sources(text, source, kind):
    lang = "es" if "informó" in text else "en"
    found = find_attributions(text, 0, len(text), lexicon(lang))
    assert any(a.source == source and a.source_kind == kind for a in found), found


def test_headline_outlet_most_frequent_then_first():
    text = (
        "A story about the sheriff – CBS\n\nBody.\n\nOther story on the sheriff – La Opinion\n\n"
        "Third story about the sheriff – La Opinion\n"
    )
    assert headline_outlet(text, segment.lines(text)) == "La Opinion"
    tie = "A story about the sheriff – CBS\n\nOther story on the sheriff – La Opinion\n"
    assert headline_outlet(tie, segment.lines(tie)) == "CBS"
    assert (
        headline_outlet("SACRAMENTO, CA – The Sacramento Police Department joined other cities.", [segment.Span(0, 70)])
        is None
    )


def test_guess_language():
    assert guess_language("El gobierno anunció que la medida es para los trabajadores de la ciudad.") == "es"
    assert guess_language("The government announced that the measure is for the workers of the city.") == "en"


def test_other_languages_are_skipped_when_the_language_is_known():
    text = "Die Arbeitslosigkeit stieg im März auf 12 Prozent, und die Preise stiegen um 27%."
    ctx = DocContext(Document("de", text, "de"), 0)
    ctx.language = "de"
    assert list(SourcingCheck().check(ctx)) == []


def test_table_findings_are_capped():
    rows = "\n".join(f"City {i} | {i + 10}%" for i in range(30))
    text = "City | Change\n---|---\n" + rows
    ctx = DocContext(Document("t", text, "t"), 0)
    found = [f for f in SourcingCheck(SourcingConfig(max_table_rows=5)).check(ctx) if f.rule == "SRC001"]
    assert len(found) == 5
    assert found[-1].data["rows_not_listed"] == 25


def test_stats_published_for_report():
    text = "Deportations rose 27% last year, according to ICE. “We will continue,” said Mayor Karen Bass."
    ctx = DocContext(Document("s", text, "s"), 0)
    list(SourcingCheck().check(ctx))
    st = ctx.stats["sourcing"]
    assert st["claims"] == 2 and st["attributed"] == 2 and st["score"] == 1.0
    assert st["sources"] == ["ICE", "Mayor Karen Bass"]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("He was crowned co-emperor in 1261, after the recapture.", []),
        ("King Amminadab II reigned around 600 BCE.", []),
        ("The plant cut 500 jobs by 2020.", [("count", "500")]),
        ("Exports rose by 300 million last year.", [("count", "300 million")]),
    ],
)
def test_earlier_years_are_not_figures(text, expected):
    assert [(f.kind, f.text) for f in find_figures(text)] == expected
