"""Details of news and web text that are no unsourced statistic (issue 13, eleventh session).

False classes seen on held-out news and web pages: a Spanish judge as the subject of a reporting verb ("El juez
señala en el auto que…"), one person's fortune ("a fortune valued at around $30 billion"), kills in a game, a
headline in a run of headlines of naive page text, harm told of something else in a clause after the count ("14
yachts have retired, after …, one of them with an injured skipper"), a force's strength in the story of a campaign,
an allowance a rule sets ("usually set at 25% of base pay") a threshold a procedure
sets ("signed by at least 10% of voters"), a court's order ("Under the judge's ruling, …"), the rate a wage law sets
("raise the state's minimum wage by $1 to $8.25 per hour") and what a named speaker fears ("Terry Lee from the union
fears up to 200 jobs are at risk"), and figures just before "The same study found…". Cases written for these tests.
"""

from __future__ import annotations

import pytest

from tests.sourcing.helpers import flagged, src001

HEADLINES = (
    "The council met on Monday to discuss the new bus routes, and after a long debate about the cost of the "
    "drivers, the timetable and the stops near the schools, it agreed to try the plan for one year before it "
    "decides whether to keep it.\nShare this story\nMore stories\n"
    "Volcano update: magma pooling again at depth\n"
    "Tourist bitten by a stray dog in a market\n"
    "High tides bring flooding to coastal towns\n"
    "Heavy rain floods streets, causes mudslides across the valley\n"
    "At least 31 dead, nearly 1k stranded as rain rages on in the south - 3 FEET of rain in 24 hours (UPDATE)\n"
    "Man rescued from a flooded car in the city\n"
    "Quake of magnitude 6.1 strikes the north\n"
    "Rare cloud spotted over the bay\n"
)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        # a judge speaks in Spanish as in English
        ("El juez señala en el auto que la empresa, que compartía al 50 % con su marido, ocultó ingresos.", "50 %"),
        ("La jueza afirma en la sentencia que 300 familias fueron desalojadas sin aviso.", "300"),
        # one person's fortune
        ("The chairman possessed a fortune valued at around $30 billion that placed him among the richest.", "$30"),
        ("The founder has a net worth of about $2 billion, the largest in the region.", "$2"),
        ("El empresario acumuló una fortuna valorada en 3.000 millones de euros.", "3.000"),
        # kills in a game
        ("By the late game, the home team was too far ahead with 10 kills to just one.", "10 kills"),
        # a headline in a run of headlines, one a line
        (HEADLINES, "At least 31 dead"),
        # harm in a clause about something else
        (
            "A total of 14 yachts have now retired from the race, after three more pulled out overnight, one of them "
            "with an injured skipper.",
            "14 yachts",
        ),
        # a force's strength in the story of a campaign
        ("Over the course of the war, the German states supplied about 30,000 soldiers.", "30,000"),
        ("He would lead about 8,000 men along the lake, while a column of about 2,000 men moved west.", "8,000"),
        ("The army had dwindled to fewer than 5,000 men fit for duty.", "5,000"),
        ("Washington positioned his 11,000 men along the river, but Howe outflanked him.", "11,000"),
        (
            "His plan was to keep the 30,000 men garrisoned in the northern forts, while other forces attacked.",
            "30,000",
        ),
        # an allowance a rule sets
        ("Federal employees receive a Cost of Living Allowance usually set at 25% of base pay.", "25%"),
        # a court's order is its ruling's
        ("Under the judge's ruling, some 300 families must leave their homes by June.", "300"),
        ("Some 300 families must leave their homes by June under the court's ruling.", "300"),
        ("Según la sentencia, 300 familias deberán dejar sus casas en junio.", "300"),
        # the rate a wage law sets
        ("Voters chose to raise the state's minimum wage by $1 to $8.25 per hour.", "$8.25"),
        ("The state is also raising its minimum wage to $9 per hour, but workers must wait until July.", "$9"),
        ("El Gobierno sube el salario mínimo a 1.134 euros al mes.", "1.134"),
        # a named speaker who fears a figure
        ("Jane Smith from the Nurses Union fears up to 200 jobs at the hospital are at risk.", "200"),
        ("Union leader Jane Smith fears that 200 jobs will go.", "200"),
        ("La UGT teme que 200 empleos estén en riesgo.", "200"),
        # the next sentence names "the same study": the figures before it were the study's
        (
            "About 12% of children in the country are obese. The same survey found that 30% of adults are overweight.",
            "12%",
        ),
        (
            "Alrededor del 12% de los niños son obesos. El mismo estudio señala que el 30% de los adultos tiene sobrepeso.",
            "12%",
        ),
        # a threshold a procedure sets
        ("A recall petition that is signed by at least 10% of voters forces a new election.", "10%"),
        (
            "After a motion of censure is approved by at least one-fifth of the councillors, the chamber votes.",
            "one-fifth",
        ),
    ],
)
def test_not_flagged(text: str, needle: str) -> None:
    assert not flagged(text, needle), text


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        # the same figures with no such reading stay claims
        ("La empresa despidió a 300 trabajadores el año pasado.", "300"),
        ("Child poverty costs the economy about $30 billion a year.", "$30"),
        ("The attack killed 10 people and wounded 40 more.", "10"),
        ("At least 31 people died and 1,000 were stranded after the floods in the south.", "31"),
        ("A total of 14 miners were killed in the blast, after the roof collapsed overnight.", "14"),
        ("At least 14 boats sank, one of them with 30 people killed.", "30"),
        ("The column of 2,000 men was ambushed and 300 soldiers were killed.", "300"),
        ("About 30,000 men garrisoned in the forts were killed by disease.", "30,000"),
        ("There are also 17,000 paramilitary troops stationed in the capital.", "17,000"),
        ("Unemployment among federal employees is set at 25% by the end of the year, up from 12%.", "25%"),
        ("More than 300 families were evicted last month.", "300"),
        ("The plan was approved by 60% of voters last year.", "60%"),
        # "the same study" that is no source of the sentence, and a new study
        ("About 12% of children in the country are obese. The same study was later criticised by doctors.", "12%"),
        ("About 12% of children in the country are obese. A study found that 30% of adults are overweight.", "12%"),
        # "ruling" as an adjective, a wage's workers, and fears of no named speaker
        ("The country is under control of the ruling party, which jailed 300 people.", "300"),
        ("About 2 million workers earn the minimum wage, and 40% of them are women.", "40%"),
        ("Raising the minimum wage to $15 would cost 1.3 million jobs.", "1.3 million"),
        ("Officials fear that 3,000 people will die this winter.", "3,000"),
        ("Many residents fear 200 homes could be lost.", "200"),
        ("The union's fears grew after 200 jobs were cut.", "200"),
        ("Five people are feared dead and 200 homes were destroyed.", "200"),
    ],
)
def test_flagged(text: str, needle: str) -> None:
    assert flagged(text, needle), text


def test_headline_line_in_wrapped_prose_is_judged() -> None:
    # a finished sentence on a line of its own between single newlines is the page's text, not a headline
    text = (
        "The storm hit the coast on Monday.\nRoads were closed across the valley.\n"
        "At least 31 people died and 1,000 were stranded.\nRescue teams arrived on Tuesday.\nSchools stay shut.\n"
    )
    assert any("31" in str(f.data.get("figures")) for f in src001(text))
