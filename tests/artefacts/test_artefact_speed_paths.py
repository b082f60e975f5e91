"""Second round of the artefact checks' fast paths: each gives exactly what the definition it replaces
gives (the definitions are written out here), on texts written to hit the edges."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from audit.artefacts import quality
from audit.model import Document
from audit.rules import DocContext
from audit.text import lower_all, words


def _random_texts(alphabet: str, n: int, seed: int, longest: int = 30) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, longest))) for _ in range(n)]


def _ctx(text: str) -> DocContext:
    return DocContext(Document(id="d", text=text, source="x/d.txt", locator=None, metadata={}, record=None), 0)


# -- quality -------------------------------------------------------------------------------------


def _unpunctuated_slow(lines):
    return sum(1 for ln in lines if not quality.terminal_end(ln.rstrip()))


def test_count_unpunctuated_is_the_definition():
    fixed = ["The end.", "no end", 'said "yes."', "(see above)", "x)", "item'", "list]", "北京。", "a.  ", "b \t", ""]
    assert quality.count_unpunctuated(fixed) == _unpunctuated_slow(fixed)
    lines = _random_texts(".!?…\"'”’»)]。」 ab\t\u2028\x1c", 6000, seed=11, longest=6)
    for k in range(0, len(lines), 7):
        chunk = lines[k : k + 7]
        assert quality.count_unpunctuated(chunk) == _unpunctuated_slow(chunk), chunk
    nonempty = [ln for ln in lines if ln]
    assert quality.count_unpunctuated(nonempty) == _unpunctuated_slow(nonempty)
    assert quality.count_unpunctuated([]) == 0


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_alpha_tokens_is_the_findall(seed):
    texts = [
        "12 345 abc 6x7 -- é½ _ __a 1987. (c) ½ ² ª º",
        "Net 21.8 mln vs 19.1 mln\nShr 1.10 dlrs vs 95 cts",
        " leading and trailing ",
        "",
        *_random_texts("a1_ .\n-é½²\u00a0\x1c\u2028Z9ß", 4000, seed=seed),
        *_random_texts("a1_ .\n-Z9", 4000, seed=seed + 10),  # ASCII
    ]
    for text in texts:
        assert quality.alpha_tokens(text, len(text.split())) == len(quality._ALPHA_TOKEN.findall(text)), repr(text)


TABLE_DOC = (
    "Quarterly results of the company were mixed, the chairman told shareholders.\n\n"
    "Shr 1.10 dlrs vs 95 cts\nNet 21.8 mln vs 19.1 mln\nRevs 310.4 mln vs 290.0 mln\n\n"
    "ΟΔΟΣ ΣΟΦΟΚΛΕΟΥΣ and l’eau d'été are words too; 北京市 has three.\n\n"
    "| Year | Sales |\n| 1986 | 12.5 |\n| 1987 | 14.0 |\n\n"
    "The company said it expects profits to rise in 1988."
)


def test_prose_words_from_the_layer_are_the_joined_prose_words():
    for text in (TABLE_DOC, TABLE_DOC.replace("北京市", "Beijing").replace("ΟΔΟΣ ΣΟΦΟΚΛΕΟΥΣ", "Odos"), "Net 1 vs 2"):
        ctx = _ctx(text)
        paragraphs = [p for p in ctx.layout.paragraphs if p.kind != "table"]
        assert any(p.kind == "table" for p in ctx.layout.paragraphs)
        logical = [text[p.span.start : p.span.end] for p in paragraphs]
        prose = "\n".join(logical)
        fast = quality.words_within(ctx.layer, [p.span for p in paragraphs])
        assert fast == Counter(lower_all(words(prose)))
        assert quality.quality_signals(prose, logical, 3, ["en"], fast) == quality.quality_signals(
            prose, logical, 3, ["en"]
        )


def test_quality_stats_of_a_table_document_are_those_of_its_prose():
    ctx = _ctx(TABLE_DOC)
    list(quality.QualityCheck().check(ctx))
    stats = ctx.stats["quality"]
    prose_words = sum(
        1 for p in ctx.layout.paragraphs if p.kind != "table" for _ in words(TABLE_DOC[p.span.start : p.span.end])
    )
    assert stats["prose_words"] == prose_words
    assert stats["words"] == len(words(TABLE_DOC))


# -- encoding ------------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [5, 6])
def test_bare_entities_searched_before_each_semicolon_are_the_regex(seed):
    from audit.artefacts import common

    fixed = [
        "quot;weekend quot;",
        "Spain #39;s and #x20AC;5 and #12345;",
        "&amp;quot; xamp; #39;#39; hellip;hellip;",
        ";;;quot;;amp;",
        "ampampamp;",
        "no semicolon",
        "nbsp;",
    ]
    pieces = ["quot", "amp", "#39", "#x2", "0AC", "hellip", ";", ";", " ", "a", "&", "#", "1", "nbsp", "lt", "\n"]
    rnd = random.Random(seed)
    texts = fixed + ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 25))) for _ in range(4000)]
    for text in texts:
        assert common.bare_entities(text) == [m.span() for m in common.BARE_ENTITY_RE.finditer(text)], repr(text)


def test_clean_tokens_never_look_garbled():
    from audit.artefacts import encoding

    chars = [c for c in encoding._CLEAN_TOKEN.pattern[1:-2] if ord(c) > 0x7F]
    assert "é" in chars and "“" in chars and "—" in chars
    assert "Ã" not in chars and "©" not in chars and "√" not in chars and "\u0440" not in chars
    rnd = random.Random(9)
    pool = chars + list("aZ1.-'\"")
    for _ in range(3000):
        tok = "".join(rnd.choice(pool) for _ in range(rnd.randint(1, 8)))
        assert encoding._CLEAN_TOKEN.fullmatch(tok) and not encoding._looks_garbled(tok), repr(tok)
    for tok in ("cafÃ©", "informaciĂłn", "g√¢teaux", "informaciГіn", "Â©"):
        assert not encoding._CLEAN_TOKEN.fullmatch(tok) and encoding._looks_garbled(tok)


# -- boilerplate ---------------------------------------------------------------------------------
