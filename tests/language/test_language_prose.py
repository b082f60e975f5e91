"""Code, pinyin and bare web addresses are not prose (audit/language/prose.py)."""

from __future__ import annotations

import pytest

from audit.language.prose import BARE_ADDRESS, code_like, romanised_chinese


@pytest.mark.parametrize(
    "text",
    [
        'window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag("js", new Date());',
        'var x = 1; if (x > 0) { console.log("ok"); }',
        "from app.models import user_profile from app.views import render_page from app.forms import LoginForm",
    ],
)
def test_code_is_code(text: str) -> None:
    assert code_like(text)


@pytest.mark.parametrize(
    "text",
    [
        "Current hotel properties include Hotel Sofia in Barcelona, Spain; Royal Palms Resort in Phoenix; The Grand.",
        "Two or three lightning talks (30 mins), a discussion (1 hour) and presentations (15 mins).",
        "Wir kaufen z.B. Brot, Milch u.a. beim Bäcker, d.h. im Ort, und zahlen 3.5 Euro.",
        "Hoes be thirsty for follows!!! Lol #MyGenerationIsStupid #WhenWillItEnd #KillIt #KillItNow",
        "The iPhone and eBay are brands, and McDonald runs a shop.",
    ],
)
def test_prose_is_not_code(text: str) -> None:
    assert not code_like(text)


def test_pinyin() -> None:
    assert romanised_chinese("wǒ měi tiān zǎo shang dōu qù gōng yuán sàn bù", han_document=False)
    assert romanised_chinese("Nǐ hǎo, wǒ shì Zhāng Wěi, hěn gāoxìng rènshi nǐ", han_document=False)
    # without tone marks: only in a document with Chinese characters, and one syllable per word
    assert romanised_chinese("wo mei tian zao shang dou qu gong yuan san bu", han_document=True)
    assert not romanised_chinese("wo mei tian zao shang dou qu gong yuan san bu", han_document=False)
    assert not romanised_chinese("saya tidak tahu apa yang dia mahu", han_document=True)
    assert not romanised_chinese("he is a good man and she is there", han_document=True)
    # macrons of other orthographies
    assert not romanised_chinese("Latvijas Republikas Saeimas vēlēšanas notiks rīt", han_document=False)
    assert not romanised_chinese("Ko te reo Māori te reo taketake o Aotearoa", han_document=False)


def test_bare_address() -> None:
    assert BARE_ADDRESS.findall('Harbor Grill / "best chowder" /harborgrill.com') == ["harborgrill.com"]
    assert BARE_ADDRESS.findall("see example.co.uk/menu and shop.de.") == ["example.co.uk/menu", "shop.de"]
    assert BARE_ADDRESS.findall("z.B. 3.5 Mio. usw. e.g. i.e.") == []


def _lines(text: str) -> list:
    from audit.language.identify import Unit
    from audit.model import Span

    units, start = [], 0
    for line in text.split("\n"):
        units.append(Unit.lazy(Span(start, start + len(line)), line, 2000))
        start += len(line) + 1
    return units


def test_code_blocks_read_a_listing_one_statement_a_line() -> None:
    from audit.language.prose import code_blocks

    text = (
        "We first read the queue and write each item to the database, as below.\n"
        "import sqlite3\n"
        "conn = sqlite3.connect('items.db')\n"
        "def consume(q):\n"
        "while True:\n"
        "item = q.get_nowait()\n"
        "cursor.execute('INSERT INTO items VALUES (?)', (item,))\n"
        "return\n"
        "The cleanup code is mixed with the logic, which makes it hard to read."
    )
    units = _lines(text)
    code = code_blocks(text, units)
    assert [i for i, u in enumerate(units) if id(u) in code] == list(range(1, 8))
    # a line of prose with one dotted name, between prose lines, stays prose
    prose = "He said the site was down.\nRead the notes on example.org before you vote on it.\nThen we left."
    assert code_blocks(prose, _lines(prose)) == set()
    # a column of short lines with a single code token is no listing
    menu = "Home\nNews\nSports\nContact us\nexample.org\nAbout"
    assert code_blocks(menu, _lines(menu)) == set()
