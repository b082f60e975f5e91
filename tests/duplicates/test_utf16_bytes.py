"""UTF-16 text read one byte at a time (a NUL after every ASCII character): the dedup tokeniser and the
verification's words join letters separated by single NULs into words, so different comment headers of
such a page are not near copies of each other, while a comment printed twice still is."""

from __future__ import annotations

from audit import minhash
from audit.duplicates import align
from tests.duplicates.harness import run


def _as_bytes(text: str) -> str:
    """``text`` written as UTF-16-LE with a byte-order mark and read back as Latin-1, one character per byte."""
    return (b"\xff\xfe" + text.encode("utf-16-le")).decode("latin-1")


_HEADERS = [
    ("Margot", "July 18th, 2012, 4:15 pm"),
    ("Tobi", "July 18th, 2012, 4:22 pm"),
    ("Hana K.", "July 18th, 2012, 5:47 pm"),
    ("Lucien", "July 18th, 2012, 6:20 pm"),
    ("Greta", "July 19th, 2012, 9:33 am"),
    ("R-Chan", "July 19th, 2012, 9:58 am"),
    ("Ines", "July 19th, 2012, 11:05 am"),
    ("Owen P.", "July 19th, 2012, 2:41 pm"),
]

_BODIES = [
    "I tried the sourdough method you describe and the crust finally came out crisp instead of leathery.",
    "Does the overnight proof work in a cold kitchen too, or should the dough sit somewhere warmer?",
    "My grandmother always added a spoon of honey to the starter and swore it made the crumb more open.",
    "Thanks for the clear photos of each fold, they helped more than any video I have watched so far.",
    "I would love a follow up post on rye flour, my loaves keep collapsing when I use more than a third.",
    "We baked two loaves on Sunday with the kids and both vanished before the evening meal was ready.",
    "Is a cast iron pot really necessary or will a heavy baking tray with a pan of water do the same job?",
    "The tip about weighing the water rather than measuring it by volume fixed my sticky dough problem.",
]

_REPEATED = (
    "I have been baking bread every weekend for eleven years and this is the first recipe that explains "
    "why the dough needs to rest before shaping, so thank you for taking the time to write it all down."
)

_ARTICLE = (
    "Baking a reliable country loaf at home takes patience more than skill. Mix the flour and water first "
    "and leave them to rest for an hour, then add the starter and the salt and fold the dough every half "
    "hour for the next three hours. Shape it gently, let it rise overnight in the refrigerator, and bake it "
    "in a very hot covered pot for the first twenty minutes before removing the lid to brown the crust."
)


def _page(repeat: bool) -> str:
    parts = [_ARTICLE, "", "8 Responses to Country loaf", ""]
    for k, ((name, when), body) in enumerate(zip(_HEADERS, _BODIES, strict=True)):
        parts += [f"{name} \u2014 {when} ", " ", body if not (repeat and k in (2, 6)) else _REPEATED, " "]
    return "\n".join(parts)


def test_letters_separated_by_nul_form_one_word_with_offsets_into_the_text():
    text = _as_bytes(" \nComment by Anna, posted twice\n \n")
    hashes, starts, ends = minhash.word_hashes(text)
    words = [text[s:e] for s, e in zip(starts.tolist(), ends.tolist(), strict=True)]
    assert [w.replace("\x00", "") for w in words] == ["ÿþ", "Comment", "by", "Anna", "posted", "twice"]
    # a NUL next to white space or punctuation separates: no token is or ends with a NUL
    assert all(w.strip("\x00") == w for w in words)
    assert minhash.tokens(text) == [w.lower() for w in words]
    # the same word gives the same hash wherever it stands
    again = _as_bytes("posted by Anna")
    h2, s2, e2 = minhash.word_hashes(again)
    assert h2.tolist()[-1] == hashes.tolist()[3]
    assert align.words(text).tokens == hashes.tolist()


def test_a_nul_between_letters_joins_but_double_nuls_and_spaces_separate():
    text = "ab\x00cd \x00 \x00ef\x00\x00gh \x00x\x00"
    _h, starts, ends = minhash.word_hashes(text)
    assert [text[s:e] for s, e in zip(starts.tolist(), ends.tolist(), strict=True)] == ["ab\x00cd", "ef", "gh", "x"]
    batch = minhash.word_hashes_batch([text, "plain text"])
    assert batch[0][1].tolist() == starts.tolist() and batch[0][2].tolist() == ends.tolist()


def test_text_without_nul_keeps_its_words():
    text = "Grain shipments rose 4.5 pct, the board said -- «quoted» text"
    _h, starts, ends = minhash.word_hashes(text)
    assert [text[s:e] for s, e in zip(starts.tolist(), ends.tolist(), strict=True)] == [
        "Grain", "shipments", "rose", "4", "5", "pct", "the", "board", "said", "quoted", "text",
    ]  # fmt: skip


def _dup_spans(text: str) -> list[tuple[str, int, int]]:
    findings, _clusters = run({"page": text, "other": _as_bytes("An unrelated short note about the weather.")})
    return [(f.rule, f.start, f.end) for f in findings["page"] if f.rule in ("DUP003", "DUP004")]


def test_different_comment_headers_of_utf16_bytes_text_are_not_near_copies():
    assert _dup_spans(_as_bytes(_page(repeat=False))) == []


def test_a_comment_printed_twice_in_utf16_bytes_text_is_still_found():
    text = _as_bytes(_page(repeat=True))
    found = _dup_spans(text)
    first = text.index(_as_bytes(_REPEATED)[2:])
    second = text.index(_as_bytes(_REPEATED)[2:], first + 1)
    assert found, "the repeated comment must be reported"
    # every finding is about the repeated comment (one of its two places), none about a header alone
    for _rule, s, e in found:
        assert s < second + len(_REPEATED) * 2 and e > first, (s, e)
        assert any(s < p + len(_REPEATED) * 2 and e > p for p in (first, second)), (s, e)
