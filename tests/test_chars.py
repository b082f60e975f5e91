"""The shared character ranges and address forms of :mod:`audit.chars`, pinned on written examples, and
the modules that read them reading the same objects."""

from __future__ import annotations

import re

import pytest

from audit import chars


def _cls(ranges: str) -> re.Pattern[str]:
    return re.compile(f"[{ranges}]")


# -- scripts: the boundaries of each range --------------------------------------------------------------


@pytest.mark.parametrize(
    ("ranges", "inside", "outside"),
    [
        # Han: the unified ideographs, Extension A and the compatibility ideographs
        (chars.HAN, "一鿿㐀䶿中\uf900﫿", "〇ぁ가\u4dc0ꀀ\ufb00"),
        (chars.HAN_UNIFIED, "一鿿㐀䶿中", "\uf900﫿\u4dc0"),
        # kana: hiragana, katakana, their phonetic extensions, half-width katakana
        (chars.KANA, "\u3040ぁゟ゠ヿㇰㇿｦﾟ", "\u303f\u3100\u31efﾠ\uff65一"),
        (chars.KANA_BLOCKS, "\u3040ぁヿ", "ㇰｦ\u3100"),
        # Hangul: conjoining jamo, compatibility jamo, syllables
        (chars.HANGUL, "ᄀᇿ\u3130ㆎ가힣\ud7af", "\u10ff\u1200\u3190\uabff\ud7b0一"),
        (chars.HANGUL_SYLLABLES, "가힣", "ᄀㄱ"),
        (chars.THAI, "\u0e00กฮ\u0e7f", "\u0e80ລ"),
        (chars.THAI_LAO, "กລ\u0eff", "\u0f00"),
        (chars.TIBETAN, "ༀཀ\u0fff", "\u0eff\u1000"),
        (chars.MYANMAR, "က\u109f", "\u10a0"),
        (chars.KHMER, "ក\u17ff", "\u1800"),
    ],
)
def test_script_ranges(ranges: str, inside: str, outside: str) -> None:
    rx = _cls(ranges)
    assert [c for c in inside if not rx.match(c)] == []
    assert [c for c in outside if rx.match(c)] == []


def test_compositions() -> None:
    dense = _cls(chars.DENSE_SCRIPT)
    # the scripts written without spaces: Thai, Lao, Myanmar, Khmer, the two kana blocks, all of Han ...
    assert all(dense.match(c) for c in "กລကកぁヿ中\uf900")
    # ... not Hangul (written with spaces), half-width katakana or Tibetan
    assert not any(dense.match(c) for c in "가ｦༀ")
    unspaced = _cls(chars.UNSPACED_LETTERS)
    assert all(unspaced.match(c) for c in "ぁ中가ก")
    assert not any(unspaced.match(c) for c in "\uf900ລကកᄀ")
    shingle = _cls(chars.SHINGLE_DENSE)
    assert all(shingle.match(c) for c in "กぁ中\u3100ㄱ\u9fff")  # one range U+3040-U+9FFF
    assert not any(shingle.match(c) for c in "ລ\u303f\uf900가")


def test_readers_share_the_definitions() -> None:
    from audit import text
    from audit.artefacts import common, quality
    from audit.language import backends, prose, screen, script

    assert text.DENSE_SCRIPT is chars.DENSE_SCRIPT
    assert common.MENTION_RE is chars.MENTION_RE and common.HASHTAG_RE is chars.HASHTAG_RE
    assert quality.MENTION_RE is chars.MENTION_RE
    assert script._HAN_RE.pattern == f"[{chars.HAN}]"
    assert prose._HAN.pattern == f"[{chars.HAN_UNIFIED}]"
    assert screen._UNSPACED_LETTERS.pattern == backends._DENSE.pattern == f"[{chars.UNSPACED_LETTERS}]"


# -- posts -------------------------------------------------------------------------------------------------


def test_mentions() -> None:
    find = chars.MENTION_RE.findall
    assert find("thanks @ana_b and @Jo!") == ["@ana_b", "@Jo"]
    assert find("(@user)") == ["@user"]
    # an e-mail address, a lone letter, a doubled @ are no mentions
    assert find("mail ana@example.org") == []
    assert find("@a or @ alone") == []
    assert find("x.@name @@name") == []


def test_hashtags() -> None:
    find = chars.HASHTAG_RE.findall
    assert find("#Election2024 and #café") == ["#Election2024", "#café"]
    # an entity that lost its ampersand, a number, a tag inside a word are no hashtags
    assert find("Spain #39;s") == []
    assert find("room #42") == []
    assert find("C# or a##b") == []


def test_links_in_text() -> None:
    link = re.compile(chars.LINK)
    assert link.findall("see https://example.com/a?b=1, or http://x.y and www.example.org.") == [
        "https://example.com/a?b=1,",
        "http://x.y",
        "www.example.org.",
    ]
    assert link.findall("ftp://files.example.org HTTP://EXAMPLE.COM example.com") == []


@pytest.mark.parametrize(
    ("token", "address", "web"),
    [
        ("@ana", True, True),
        ("@", True, True),
        ("http://x.y", True, True),
        ("https://x.y/z", True, True),
        ("www.x.y", True, True),
        # any scheme and any case are addresses to the exact key, not to the empty check
        ("HTTPS://X.Y", True, False),
        ("ftp://files.x", True, False),
        ("svn+ssh://host/repo", True, False),
        ("WWW.X.Y", True, False),
        # words
        ("mailto:ana@x.y", False, False),
        ("ana@x.y", False, False),
        ("#tag", False, False),
        ("example.com", False, False),
        ("://x", False, False),
    ],
)
def test_address_tokens(token: str, address: bool, web: bool) -> None:
    assert bool(chars.ADDRESS_TOKEN_RE.match(token)) is address
    assert token.startswith(chars.WEB_ADDRESS_PREFIXES) is web


@pytest.mark.parametrize(
    ("ch", "expected"),
    [
        ("😂", True),
        ("🀄", True),  # U+1F004, the first block counted
        ("☀", True),  # U+2600
        ("♡", True),
        ("♥", True),
        ("➿", True),  # U+27BF
        ("⟀", False),  # U+27C0
        ("\u25ff", False),
        ("a", False),
        ("中", False),
        ("\U0001efff", False),
    ],
)
def test_pictograph(ch: str, expected: bool) -> None:
    assert chars.pictograph(ch) is expected


def test_cjk_letters() -> None:
    for ch in "中あアｱ한ᄀ豈":
        assert chars.CJK_LETTER_RE.fullmatch(ch), ch
    for ch in "aéЖ٣ไ।●、":
        assert not chars.CJK_LETTER_RE.fullmatch(ch), ch


@pytest.mark.parametrize(
    ("text", "visible"),
    [
        ("\x1b[33;1m注意\x1b[m", "注意"),
        ("\x1b[0mplain", "plain"),
        ("\x1b[?25lhidden cursor\x1b[?25h", "hidden cursor"),
        ("\x1bMsaved\x1bD", "saved"),
        ("no escape [33m here", "no escape [33m here"),
    ],
)
def test_terminal_escapes_are_no_text(text: str, visible: str) -> None:
    assert chars.ANSI_RE.sub("", text) == visible
