"""Case files for DUP001-DUP004: corpora a rule must flag and corpora it must not.

Each case: ``docs`` (id -> text, in corpus order), ``flag`` [(rule, doc id, related doc id or None)],
``not_flag`` [(rule, doc id)]. ``None`` as related means "any".
"""

from __future__ import annotations

from tests.duplicates.texts import (
    DE,
    EN,
    EN_HEADLINE,
    EN_QUOTE,
    ES,
    ES_HEADLINE,
    FOOTER,
    HEADER,
    article,
    edit_words,
    filler,
    republish,
)

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

CASES = [
    # ---- DUP001 exact duplicate document
    dict(
        name="exact copy with quote and whitespace variants",
        docs={
            "a": article(EN_HEADLINE, EN + [EN_QUOTE]),
            "b": article(EN_HEADLINE, EN + [EN_QUOTE]).replace("“", '"').replace("”", '"').replace("\n\n", "\n \n\n"),
        },
        flag=[("DUP001", "b", "a")],
        not_flag=[("DUP001", "a"), ("DUP002", "b")],
    ),
    dict(
        name="short exact copies differing only in punctuation",
        docs={
            "a": "Qtly div 12 cts vs 12 cts prior\nPay April 15\nRecord March 31",
            "b": "Qtly div 12 cts vs 12 cts prior\n    Pay April 15\n    Record March 31 .",
            "c": "Qtly div 12 cts vs 12 cts prior\nPay April 15\nRecord March 30",
            "d": "***",
            "e": "---",
        },
        flag=[("DUP001", "b", "a")],
        not_flag=[("DUP001", "a"), ("DUP001", "c"), ("DUP001", "e")],
    ),
    dict(
        name="same headline, different body",
        docs={"a": article(EN_HEADLINE, EN), "b": article(EN_HEADLINE, OTHER)},
        flag=[],
        not_flag=[("DUP001", "b"), ("DUP002", "b"), ("DUP003", "b"), ("DUP004", "b")],
    ),
    # ---- DUP002 near-duplicate document
    dict(
        name="wire story republished by another outlet (English)",
        docs={
            "orig": article(EN_HEADLINE, EN, byline="By Ana Lopez, Morning Courier", header=HEADER, footer=FOOTER),
            "other": article("Unrelated", OTHER, header=HEADER, footer=FOOTER),
            "copy": republish(EN_HEADLINE, EN, drop=4, seed=3),
        },
        flag=[("DUP002", "copy", "orig")],
        not_flag=[("DUP002", "orig"), ("DUP002", "other"), ("DUP001", "copy")],
    ),
    dict(
        name="wire story republished (Spanish)",
        docs={"orig": article(ES_HEADLINE, ES), "copy": republish(ES_HEADLINE, ES, drop=2, seed=5)},
        flag=[("DUP002", "copy", "orig")],
        not_flag=[("DUP002", "orig")],
    ),
    dict(
        name="article and its shortened copy",
        docs={
            "full": article(EN_HEADLINE, EN + [EN_QUOTE]),
            "short": article("Council passes budget", [edit_words(p, 1, i) for i, p in enumerate(EN[:5])]),
        },
        flag=[("DUP002", "short", "full")],
        not_flag=[("DUP002", "full")],
    ),
    dict(
        name="boilerplate-only overlap (same site, different articles)",
        docs={
            "a": article("Rail works", DE, header=HEADER, footer=FOOTER),
            "b": article("Water plan", ES[:3], header=HEADER, footer=FOOTER),
            "c": article("Something else", filler(3, seed=7), header=HEADER, footer=FOOTER),
        },
        flag=[],
        not_flag=[(r, d) for r in ("DUP001", "DUP002", "DUP003", "DUP004") for d in ("a", "b", "c")],
    ),
    dict(
        name="two articles sharing only a quote",
        docs={
            "a": article(EN_HEADLINE, EN[:4] + [EN_QUOTE]),
            "b": article("Transit riders rally", filler(5, seed=11) + [EN_QUOTE]),
        },
        flag=[],
        not_flag=[("DUP001", "b"), ("DUP002", "b"), ("DUP002", "a")],
    ),
    # ---- DUP003 exact duplicate passage
    dict(
        name="paragraph scraped twice into the same page",
        docs={"a": article(EN_HEADLINE, EN[:4] + [EN[1]] + EN[4:])},
        flag=[("DUP003", "a", "a")],
        not_flag=[("DUP001", "a"), ("DUP002", "a")],
    ),
    dict(
        name="paragraph pasted verbatim into an unrelated article",
        docs={"src": article(EN_HEADLINE, EN), "dst": article("Other news", OTHER[:3] + [EN[5]] + OTHER[3:])},
        flag=[("DUP003", "dst", "src"), ("DUP003", "src", "dst")],  # both sides show the reuse
        not_flag=[("DUP002", "dst"), ("DUP002", "src")],
    ),
    dict(
        name="short repeated lines are not passages",
        docs={"a": article("Headline", ["Advertisement"] + DE[:2] + ["Advertisement"] + DE[2:] + ["Read more"])},
        flag=[],
        not_flag=[("DUP003", "a"), ("DUP004", "a")],
    ),
    # ---- DUP004 near-duplicate passage
    dict(
        name="headline and blurb repeated with one injected word",
        docs={
            "a": "\n\n".join(
                [
                    "Rail works announced",
                    DE[0],
                    "Some say the state plan is not enough – CBS",
                    ES[0],
                    "Some say the state plan is not enough – CBS",
                    ES[0].replace("región, después", "región, order después"),
                    DE[1],
                ]
            )
        },
        flag=[("DUP004", "a", "a")],
        not_flag=[("DUP003", "a"), ("DUP001", "a"), ("DUP002", "a")],
    ),
    dict(
        name="paragraph pasted with small edits into another article",
        docs={
            "src": article(ES_HEADLINE, ES),
            "dst": article("Otra noticia", OTHER[:2] + [edit_words(ES[3], 2, 1)] + OTHER[2:]),
        },
        flag=[("DUP004", "dst", "src")],
        not_flag=[("DUP002", "dst"), ("DUP003", "dst")],
    ),
    dict(
        name="paragraph merged into a longer paragraph of another article",
        docs={
            "src": article(EN_HEADLINE, EN),
            "dst": article(
                "Other news", OTHER[:2] + [OTHER[2] + " " + edit_words(EN[2], 1, 4) + " " + OTHER[3]] + OTHER[4:]
            ),
        },
        flag=[("DUP004", "dst", "src")],
        not_flag=[("DUP002", "dst"), ("DUP003", "dst")],
    ),
    dict(
        name="paragraphs on one topic written independently",
        docs={
            "a": article("Budget", [EN[0], EN[3]]),
            "b": article(
                "Budget vote",
                [
                    "On Tuesday night the council approved the budget by seven votes to two, after a dispute of "
                    "several months about transit, road repair and police spending in the next fiscal year.",
                    "The transit agency gets $45 million more, which will bring back night buses on six routes "
                    "cut during the pandemic and pay for roughly 120 additional bus drivers, officials said.",
                ],
            ),
        },
        flag=[],
        not_flag=[(r, d) for r in ("DUP002", "DUP003", "DUP004") for d in ("a", "b")],
    ),
    # ---- DUP005 same template, different facts
    dict(
        name="daily market reports on one template with that day's figures",
        docs={
            "mon": MARKET.format(a="350", b="800", c="750", d="10-7/8", e="10-13/16"),
            "tue": MARKET.format(a="120", b="400", c="450", d="10-3/4", e="10-11/16"),
        },
        flag=[("DUP005", "tue", None)],
        not_flag=[("DUP002", "tue"), ("DUP002", "mon"), ("DUP005", "mon"), ("DUP006", "tue")],
    ),
    dict(
        name="a republished copy that keeps the figures is a copy, not a template",
        docs={"orig": MARKET.format(a="350", b="800", c="750", d="10-7/8", e="10-13/16"),
              "copy": "LONDON MONEY MARKET\n\n" + MARKET.format(a="350", b="800", c="750", d="10-7/8", e="10-13/16")
              + "\n\nReporting by the markets desk."},
        flag=[("DUP002", "copy", "orig")],
        not_flag=[("DUP005", "copy"), ("DUP005", "orig"), ("DUP006", "copy")],
    ),
    # ---- DUP006 altered copy
    dict(
        name="copy with one figure altered",
        docs={"orig": STORY, "copy": "Airline shares jump\n\n" + STORY.replace("rose 22 pct", "rose 27 pct")},
        flag=[("DUP002", "copy", "orig"), ("DUP006", "copy", "orig")],
        not_flag=[("DUP005", "copy"), ("DUP006", "orig")],
    ),
    dict(
        name="copy with a name altered and a word inserted",
        docs={"orig": STORY,
              "copy": STORY.replace("Maria Keller", "Mario Keller").replace("fallen by", "fallen sharply by")},
        flag=[("DUP002", "copy", "orig"), ("DUP006", "copy", "orig")],
        not_flag=[("DUP005", "copy")],
    ),
    dict(
        name="copy changed only in headline, byline and white space",
        docs={"orig": "Airline traffic record\n\n" + STORY,
              "copy": "AIRLINE SHARES JUMP\n\nBy a staff writer\n\n" + STORY.replace("\n\n", "\n \n")},
        flag=[("DUP002", "copy", "orig")],
        not_flag=[("DUP006", "copy"), ("DUP005", "copy")],
    ),
]
