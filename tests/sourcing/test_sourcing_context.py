"""SRC001 on statistics whose source sits in a neighbouring sentence, a quote's context, a table
caption or a parenthesis, and on statistics whose only "source" is weasel wording or the figure
itself. Texts written for these tests (EN/ES); each "flag" sentence must carry an SRC001 finding,
each "pass" sentence none."""

from __future__ import annotations

import pytest

from tests.sourcing.helpers import flagged as _flagged

# (text, needle of the sentence under test)
PASS = [
    # Not claims under the claim model (docs/sourcing.md): deal terms, a retail or commodity market figure, an
    # amount with no people or society noun in its sentence.
    ("Fuentes cercanas a la negociación aseguran que el acuerdo supera los 200 millones de euros.", "200 millones"),
    ("Retail footfall dropped 4.2% in November. Analysts had forecast a decline of 2%.", "4.2%"),
    ("Demand for lithium is set to triple within a decade.", "to triple"),
    ("The program has drawn criticism for years. “It loses $2 million every single month.”", "$2 million"),
    # continuation of an attributed report in the same paragraph
    (
        "Factory orders rose 1.8% in June, the Commerce Department said. Orders for aircraft surged 9%.",
        "aircraft surged 9%",
    ),
    (
        "Robberies fell 14% last year, according to the sheriff's annual report. Burglaries dropped to 2,310.",
        "dropped to 2,310",
    ),
    ("A YouGov survey found that 38% of renters plan to move. The survey of 2,400 adults ran in May.", "2,400 adults"),
    (
        "El consumo de electricidad cayó un 4% en marzo, según Red Eléctrica. La cifra supone el menor "
        "registro en una década con 19.000 gigavatios hora.",
        "19.000 gigavatios",
    ),
    # a sentence that only says where the figures came from
    ("Wages rose 5.1% over the year. The figures come from the Office for National Statistics.", "Wages rose 5.1%"),
    # wire style: a lede figure sourced by the tag that closes the next figure sentence
    (
        "Jobless claims rose to 243,000 last week. Continuing claims climbed to 1.87 million, the Labor "
        "Department said Thursday.",
        "243,000",
    ),
    # a quote standing as its own sentence: speaker introduced just before, or named just after
    ("Linda Osei has coached the team for a decade. “We won 80 percent of our home games this year.”", "80 percent"),
    (
        "La directora del hospital, Ana Beltrán, hizo balance del verano. “Atendimos a 3.000 pacientes más "
        "que el año pasado.”",
        "3.000 pacientes",
    ),
    (
        "“Ticket sales are up 40 percent since March.” That is what promoter Kevin Hale told investors on Monday.",
        "40 percent",
    ),
    # the subject past a relative clause; an outlet or "source:" in parentheses; "police sources"
    (
        "The airline, which flies 300 routes across Europe, reported a profit of €1.2 billion for the year.",
        "300 routes",
    ),
    ("The automaker will recall 62,000 vehicles over a faulty airbag (Bloomberg).", "62,000"),
    ("Youth unemployment in Greece stands at 26.1% (source: Eurostat).", "26.1%"),
    ("Según fuentes judiciales, la fianza asciende a 300.000 euros.", "300.000 euros"),
    # Spanish drops the subject pronoun: "Añadió que..." reports what the person named before said
    (
        "La consejera de Educación defendió el presupuesto en el pleno. Añadió que se contratarán 1.200 docentes.",
        "1.200 docentes",
    ),
    ("El director del puerto hizo balance del año. También precisó que el tráfico creció un 7%.", "un 7%"),
    # a small counted group is still a speaker
    ("The 12 inspectors said at least 30 buildings were unsafe.", "30 buildings"),
    # a table titled with its source, above or below it
    (
        "Average rents by borough, according to the city's housing agency:\n\nBorough | Rent\nBrooklyn | $3,100\n"
        "Queens | $2,650",
        "Queens | $2,650",
    ),
    # a trailing evidence tag with a named subject
    (
        "Phishing attempts doubled in the spring, security company Proofpoint found in a quarterly review.",
        "Phishing attempts doubled",
    ),
]
FLAG = [
    # an attributed sentence does not carry over into another paragraph
    ("Factory orders rose 1.8% in June, the Commerce Department said.\n\nLayoffs at factories surged 9%.", "surged 9%"),
    # nor over the next sentence's own weasel cue
    ("Exports grew 3% in May, customs data show. Experts say unemployment will fall by 2% next month.", "fall by 2%"),
    # the "speaker" is the statistic itself; weasel and impersonal cues
    ("About 60% of nurses say they plan to quit within two years.", "60% of nurses"),
    ("More than 5,000 patients admitted last winter waited over four hours for a bed.", "5,000 patients"),
    ("Se estima que 12.000 viviendas siguen vacías en la capital.", "12.000 viviendas"),
    ("According to some estimates, flood losses topped $900 million.", "$900 million"),
    ("Industry sources say the strike cost taxpayers $6 billion.", "$6 billion"),
    # the next sentence's speaker opens it: a comment, not a tag for the figure before
    # a reporting verb in a later coordinated clause does not source the figures before it
    ("Rents hit $4,200 in March, and tenants expect them to stay high.", "$4,200"),
    ("Los alquileres subieron un 9% en Valencia, y los inquilinos temen nuevas subidas.", "9%"),
    # shares in words and changes to come are statistics
    ("Two-thirds of small farms now rely on a second income.", "Two-thirds"),
    # a table whose neighbouring prose line names someone is still unsourced
    ("The mayor said the figures were alarming.\nDistrict | Cases\nNorth | 1,204\nSouth | 987", "North | 1,204"),
    # a dateline names the outlet that writes the story, not the source of its figures
    ("LONDON (Reuters) - British house prices rose 1.9% in October.", "1.9%"),
    # a quote with nobody named around it
]


@pytest.mark.parametrize("text,needle", PASS)
def test_not_flagged(text: str, needle: str) -> None:
    assert not _flagged(text, needle), text


@pytest.mark.parametrize("text,needle", FLAG)
def test_flagged(text: str, needle: str) -> None:
    assert _flagged(text, needle), text
