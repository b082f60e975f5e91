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
