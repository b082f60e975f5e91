"""Hand-written news-like texts for the duplicates tests (English, Spanish, German).

Builders below turn them into the copies a scraper meets: republished with a
new headline/byline/footer and light edits, shortened, pasted, repeated.
"""

from __future__ import annotations

import random

EN_HEADLINE = "City council approves new budget after months of debate"
EN = [
    "The city council voted 7-2 on Tuesday night to approve a $1.2 billion budget for the coming fiscal year, "
    "ending a months-long dispute over how much money should go to public transit, road repairs and the police "
    "department.",
    "Council members who supported the plan said it struck a careful balance between rising costs and the "
    "demands of residents who packed public hearings throughout the spring to ask for better bus service and "
    "safer streets.",
    "The two members who voted against it argued that the budget relied too heavily on one-time federal funds "
    "and would leave the city exposed to a deficit within two years if the economy slowed down as some "
    "economists expect.",
    "Under the approved plan, the transit agency will receive an additional $45 million, enough to restore "
    "late-night service on six bus routes that were cut during the pandemic and to hire about 120 new drivers.",
    "Road maintenance will grow by 12 percent, with most of the new money set aside for repaving streets in "
    "neighborhoods on the east side that residents say have been neglected for more than a decade.",
    "The police department's budget stays roughly flat, although the council moved $3 million into a new "
    "program that sends mental health workers instead of officers to some emergency calls involving people in "
    "crisis.",
    "Mayor Linda Ortiz, who proposed the original version of the budget in March, praised the council for "
    "reaching an agreement before the July deadline and said she would sign the measure later this week.",
    "The budget also includes a modest increase in property taxes for commercial buildings, a change that "
    "business groups opposed but that supporters said was necessary to pay for the expanded services without "
    "cutting elsewhere.",
]
EN_QUOTE = (
    "“We cannot keep asking families to wait another year for buses that actually show up on time, and this "
    "budget finally puts real money behind that promise,” said council member Rosa Delgado."
)

ES_HEADLINE = "El Gobierno aprueba un plan para reducir el consumo de agua en la región"
ES = [
    "El Consejo de Ministros aprobó este martes un plan de emergencia para reducir el consumo de agua en la "
    "región, después de tres años consecutivos de lluvias por debajo de la media y con los embalses al 25 por "
    "ciento de su capacidad.",
    "El plan prevé restricciones para el riego de jardines y el llenado de piscinas privadas, así como ayudas "
    "de hasta 300 millones de euros para que los agricultores modernicen sus sistemas de regadío durante los "
    "próximos dos años.",
    "Según el ministerio, las medidas permitirán ahorrar alrededor de 80 hectómetros cúbicos al año, una "
    "cantidad equivalente al consumo anual de una ciudad de un millón de habitantes, aunque los ecologistas "
    "consideran que no es suficiente.",
    "Las asociaciones agrarias recibieron el anuncio con cautela y pidieron que las ayudas lleguen a tiempo, "
    "porque muchas explotaciones pequeñas no pueden adelantar el dinero necesario para cambiar sus "
    "instalaciones antes de la próxima campaña.",
    "Los ayuntamientos tendrán que presentar en un plazo de seis meses sus propios planes de ahorro, que "
    "incluirán la reparación de fugas en las redes de distribución, responsables de perder casi una quinta "
    "parte del agua potable.",
    "La ministra de Transición Ecológica aseguró en rueda de prensa que el abastecimiento a los hogares está "
    "garantizado y que las restricciones se revisarán cada tres meses en función de la evolución de las "
    "reservas.",
]

DE = [
    "Die Bahn will in den kommenden fünf Jahren rund 40 Milliarden Euro in die Sanierung ihres Schienennetzes "
    "investieren, wie der Vorstand am Mittwoch in Berlin mitteilte, und dabei vor allem stark befahrene "
    "Strecken erneuern.",
    "Besonders betroffen sind die Verbindungen zwischen Hamburg und Berlin sowie zwischen Frankfurt und "
    "Mannheim, die für mehrere Monate vollständig gesperrt werden sollen, damit Gleise, Weichen und "
    "Stellwerke gleichzeitig erneuert werden können.",
    "Fahrgastverbände kritisierten die langen Sperrungen und forderten bessere Ersatzverkehre mit Bussen, "
    "da viele Pendler auf die Verbindungen angewiesen seien und keine Alternative hätten, um rechtzeitig zur "
    "Arbeit zu kommen.",
    "Der Bund hatte zuvor zugesagt, einen großen Teil der Kosten zu übernehmen, nachdem Verspätungen und "
    "Zugausfälle im vergangenen Jahr einen neuen Höchststand erreicht hatten und die Kritik an der Bahn "
    "deutlich zugenommen hatte.",
]

HEADER = (
    "Morning Courier\nHome | World | Politics | Business | Tech | Science | Health | Sports | Opinion | Video\n"
    "Subscribe now and get unlimited access to award-winning journalism for just $1 a week for your first year."
)
FOOTER = (
    "Copyright 2024 Morning Courier. All rights reserved. This material may not be published, broadcast, "
    "rewritten or redistributed without permission. Sign up for our newsletter to get the day's top stories "
    "delivered to your inbox every morning, and follow us on social media for breaking news alerts."
)

_WORDS = (
    "the of and to in a is that for on was with as by at from his her their said year new people state "
    "government city police week told percent million officials report plan group company workers market "
    "school health court water energy prices vote election council minister region project money service "
    "local national public private early late major small large second third former current"
).split()


def article(headline: str, paragraphs: list[str], *, byline: str = "", header: str = "", footer: str = "") -> str:
    parts = [p for p in (header, headline, byline) if p] + list(paragraphs) + ([footer] if footer else [])
    return "\n\n".join(parts)


def edit_words(paragraph: str, changes: int, seed: int) -> str:
    """Replace ``changes`` words of a paragraph (as a copy editor would)."""
    rng = random.Random(seed)
    words = paragraph.split(" ")
    for _ in range(changes):
        i = rng.randrange(1, len(words) - 1)
        words[i] = rng.choice(["reportedly", "roughly", "nearly", "also", "then", "still", "recently"])
    return " ".join(words)


def republish(headline: str, paragraphs: list[str], drop: int, seed: int = 0) -> str:
    """Another outlet's copy: new headline, byline and footer, one paragraph dropped, 1-3 words changed each."""
    rng = random.Random(seed)
    paras = [p for i, p in enumerate(paragraphs) if i != drop]
    paras = [edit_words(p, rng.randint(1, 3), seed + i) for i, p in enumerate(paras)]
    paras = [p.replace("“", '"').replace("”", '"') for p in paras]
    return article(
        "UPDATED: " + headline.upper(),
        paras,
        byline="By Staff Writer, Evening Herald",
        footer="Reporting by the Evening Herald news desk; editing by M. Chen. Contact us with corrections.",
    )


def filler(n_paragraphs: int, seed: int, words: int = 45) -> list[str]:
    """Unrelated paragraphs of plausible news words (for chains and fillers)."""
    rng = random.Random(seed)
    out = []
    for _ in range(n_paragraphs):
        ws = [rng.choice(_WORDS) + ("" if rng.random() > 0.1 else ",") for _ in range(words)]
        ws += [f"x{rng.randrange(10**6)}" for _ in range(6)]
        rng.shuffle(ws)
        out.append(" ".join(ws).capitalize() + ".")
    return out


# Texts shared by several duplicate tests (the rule case files are tests/cases/DUP*.json).
OTHER = filler(7, seed=99)  # an unrelated article body

# A daily money-market report: the same wording every day, that day's figures.
MARKET = (
    "The Bank of England said it had provided the money market with {a} mln stg of assistance during the "
    "morning session, after revising its forecast of the system's shortage to around {b} mln stg from {c} mln "
    "earlier in the day.\n\nThe central bank bought bills outright in band one at {d} pct and in band two at {e} "
    "pct, dealers said, adding that further help was expected later in the afternoon before the market closed "
    "for the weekend and that rates were steady."
)
STORY = (
    "Shares of the regional airline rose 22 pct on Monday after the company said its passenger numbers for March "
    "reached 1.4 mln, the highest monthly total in its history, and that it would add 12 routes this summer.\n\n"
    "The chief executive, Maria Keller, told reporters in Lisbon that fuel costs had fallen by about 8 pct since "
    "January and that the airline expected to return to profit in the second half of the year, helped by strong "
    "bookings on its routes to Madrid and Paris."
)
