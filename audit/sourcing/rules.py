"""The sourcing rules SRC001-SRC005 (what each flags and does not flag; see docs/sourcing.md)."""

from __future__ import annotations

from audit.model import Category, Severity
from audit.rules import Rule

SRC001 = Rule(
    id="SRC001",
    name="unsourced-statistic",
    category=Category.SOURCING,
    severity=Severity.INFO,
    description="Sentence states a statistic about people or society (deaths, voters, crime, budgets), or a table row "
    "a figure, with no attribution in it, its neighbours or the table caption (warning for rows of an unsourced "
    "table).",
    flags=(
        "Deportations rose 27% in Los Angeles last year.",
        "City | Increase\n---|---\nLos Angeles | 27%",
        "El desempleo subió al 12 por ciento en marzo.",
    ),
    not_flags=(
        "Deportations rose 27% last year, according to ICE data.",
        "“Deportations rose 27%,” said Mayor Karen Bass.",
        "El desempleo subió al 12 por ciento, informó el INEGI.",
        "Senate Bill 54 was signed in October 2017.",
    ),
)
SRC002 = Rule(
    id="SRC002",
    name="unattributed-quote",
    category=Category.SOURCING,
    severity=Severity.INFO,
    description="A direct quotation of `min_quote_words` words or more has no speaker around it (off by default: "
    "`unattributed_quotes = true` in [sourcing]).",
    flags=("“We will not cooperate with federal agents under any circumstances,” the statement ends.",),
    not_flags=(
        "“We will not cooperate with federal agents under any circumstances,” said Sheriff Lee Baca.",
        "The program known as “Secure Communities” is voluntary.",
    ),
)
SRC003 = Rule(
    id="SRC003",
    name="vague-attribution",
    category=Category.SOURCING,
    severity=Severity.INFO,
    description="Weasel attribution: a claim credited to no identifiable source "
    "(“some say”, “critics argue”, “experts believe”, “a memo asserts”, “se dice”, “según expertos”).",
    flags=(
        "Critics argue the policy will backfire.",
        "Se dice que el alcalde renunciará.",
        "A memo asserts that officials must comply.",
    ),
    not_flags=("Critics of the plan, including Mayor Karen Bass, said it would backfire.",),
)
SRC004 = Rule(
    id="SRC004",
    name="hidden-agent-claim",
    category=Category.SOURCING,
    severity=Severity.INFO,
    description="A claim about what officials or agencies were told, ordered or instructed to do, with no "
    "source for it (agentless passive, no attribution nearby).",
    flags=("U.S. attorneys' offices were told to investigate any official who defies federal enforcement.",),
    not_flags=("U.S. attorneys' offices were told to investigate officials, according to a Justice Department memo.",),
)
SRC005 = Rule(
    id="SRC005",
    name="document-without-sources",
    category=Category.SOURCING,
    severity=Severity.INFO,
    description="The document makes `min_claims` factual claims or more but cites no source at all "
    "(no attributed statement, quote, outlet or document; off by default: `sourceless_documents = true` in "
    "[sourcing]).",
    flags=("A page of several factual teasers with figures and no 'said', 'according to' or quoted speaker.",),
    not_flags=("An article built on 'according to the Sacramento Bee' and quotes with speakers.",),
)

RULES = (SRC001, SRC002, SRC003, SRC004, SRC005)
