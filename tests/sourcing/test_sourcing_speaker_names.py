"""The per-source scorecard data: a capitalised word that opens a sentence is no name unless the document
writes it as one (issue 13: "There", "Hence", "Following", "One" listed as speakers)."""

from __future__ import annotations

from audit.model import Document
from audit.rules import DocContext
from audit.sourcing import SourcingCheck
from audit.sourcing.sources import written_as_name


def _sources(text: str) -> list[str]:
    ctx = DocContext(Document("d", text, "d"), 0)
    list(SourcingCheck().check(ctx))
    return ctx.stats["sourcing"]["sources"]


def _quotes_attributed(text: str) -> int:
    ctx = DocContext(Document("d", text, "d"), 0)
    list(SourcingCheck().check(ctx))
    return ctx.stats["sourcing"]["attributed_quotes"]


OPENERS = (
    "The valley council met twice that winter. Hence the council adopted “a policy of open doors” in 1990. "
    "Following the flood the town adopted “the rule of the river” for its new streets. There was "
    "“a sense of quiet pride” in the old quarter, and there were many who stayed."
)

NAMED = (
    "The motion on the harbour was put by Okonkwo at the spring meeting. Okonkwo called for "
    "“an end to the old quarrels” before the vote. MERCOSUR asked for “a common tariff” in the same year."
)


def test_sentence_initial_words_are_not_listed_as_sources():
    sources = _sources(OPENERS)
    assert not {"Hence", "Following", "There"} & set(sources), sources


def test_sentence_initial_words_still_read_as_the_quotes_subject():
    # The loose reading keeps the quote's speaker (its quality is SRC003's business); only the name goes.
    assert _quotes_attributed(OPENERS) == 3


def test_names_the_document_writes_as_names_stay_sources():
    sources = _sources(NAMED)
    assert "Okonkwo" in sources and "MERCOSUR" in sources, sources


def test_written_as_name():
    text = "Kraepelin wrote. The book by Kraepelin sold. There it was, and there it stays. One day one man. Hence."
    assert written_as_name(text, "Kraepelin")
    assert not written_as_name(text, "There")  # written in lower case elsewhere
    assert not written_as_name(text, "One")
    assert not written_as_name(text, "Hence")  # only ever at the start of a sentence
    assert written_as_name(text, "NASA") and written_as_name(text, "McQuaid")  # acronyms, inner capitals
    assert written_as_name("Roger Ebert liked it.", "Roger", run=True)  # the first word of a run of names
    assert not written_as_name("During the war. It rained during May.", "During", run=True)


def test_whole_word_occurrences_match_the_pattern_they_replace():
    """``_whole_words`` finds what the per-word pattern it replaced found (no pattern compiled per word)."""
    import random
    import re

    from audit.sourcing.sources import _whole_words

    rng = random.Random(5)
    pieces = ["Aa", "aa", "aA", "Aab", "-", "_", "'", "’", " ", ".", "9", "É", "\u0301", "\n", "(", "“"]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
        for core in ("Aa", "Aab"):
            lower = core.lower()
            pattern = r"(?<![\w’'-])(?:" + re.escape(core) + "|" + re.escape(lower) + r")(?![\w-])"
            assert list(_whole_words(text, core, lower)) == [
                (m.start(), m.group(0)) for m in re.finditer(pattern, text)
            ], text
