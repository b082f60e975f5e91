"""English word classes for the injected-keyword rule (audit/artefacts/wordclass.py): the lexicon read from
lemminflect's table, the frames where a keyword can take none of its readings, and the normal uses right
beside each break that must stay quiet."""

from __future__ import annotations

import os

import pytest

from audit.artefacts import wordclass as W
from audit.artefacts.spam import find_injections


@pytest.fixture
def fresh_lexicon(tmp_path, monkeypatch):
    """An empty lexicon cache and a fresh cache folder; the process-wide table is restored afterwards."""
    monkeypatch.setenv("CORPUS_AUDIT_CACHE_DIR", str(tmp_path))
    W.lexicon.cache_clear()
    yield tmp_path
    W.lexicon.cache_clear()


@pytest.mark.parametrize(
    "word,has,lacks",
    [
        ("store", W.NOUN | W.VERB, W.ADJ),
        ("cheap", W.ADJ, W.NOUN | W.VERB),
        ("already", W.ADV, W.NOUN | W.VERB | W.ADJ),
        ("said", W.VERB | W.PAST | W.PARTICIPLE, W.NOUN | W.ADJ),
        ("gave", W.VERB | W.PAST, W.PARTICIPLE | W.NOUN),
        ("learned", W.PARTICIPLE, 0),  # the table lists only "learnt" as the participle
        ("acts", W.NOUN | W.VERB, 0),  # a third-person form is also read as a plural noun
        ("gambling", W.ING, 0),
    ],
)
def test_classes(word, has, lacks):
    c = W.classes(word)
    assert c & has == has and not c & lacks


def test_closed_and_unknown_words():
    assert W.classes("the") == 0 and W.classes("would") == 0
    assert W.classes("qzxvbrt") == W.ANY  # a word the table does not know may be anything


@pytest.mark.parametrize(
    "prev2,prev,kw,nxt,nxt2",
    [
        ("too", "heavily", "casino", "on", "borrowed"),  # a bare count noun after an adverb
        ("mayor", "said", "casino", "the", "budget"),  # after a finite verb, before an article
        (".", "Tenants", "cheap", "could", "lose"),  # an adjective between its noun and a modal
        (".", "He", "shop", "said", "the"),  # a verb before a finite verb, no relative clause
        ("closed", "several", "shop", "in", "the"),  # a singular count noun after a plural quantifier
        ("bought", "12", "casino", "in", "two"),  # after a number above one
        (",", "who", "casino", "entered", "the"),  # a noun where a relative clause needs its verb
        ("should", "be", "buy", "careful", "."),  # a noun before an adjective that ends the phrase
        ("approved", "a", "order", "pilot", "program"),  # "a" before a vowel sound, kept for "pilot"
        ("for", "an", "casino", "independent", "agency"),
        ("they", "have", "store", "seen", "worse"),  # only an adverb stands before a pure participle
        (".", "She", "order", "the", "players"),  # a base-form verb after "she"
        ("investors", "should", "store", "be", "careful"),  # only an adverb stands between a modal and "be"
    ],
)
def test_class_frame_breaks(prev2, prev, kw, nxt, nxt2):
    assert W.class_frame_break(prev2, prev, kw, nxt, nxt2)


@pytest.mark.parametrize(
    "prev2,prev,kw,nxt,nxt2",
    [
        ("the", "shares", "cheap", "on", "Monday"),  # a secondary predicate after the object
        ("hotel", "and", "casino", "said", "it"),  # a coordination shares the determiner
        ("are", "available", "online", "through", "the"),  # an adverb after an adjective
        ("down", "by", "store", "in", "the"),  # distributive "by"
        ("kind", "of", "store", "that", "sells"),
        ("an", "indicated", "coupon", "of", "five"),  # a participle with its determiner
        ("$", "400", "deal", "with", "the"),  # a quantity after a currency sign
        ("400", "million", "deal", "with", "the"),
        ("goods", "we", "order", "arrive", "within"),  # the verb ends a relative clause
        ("say", "what", "they", "buy", "matters"),
        ("", "Users", "online", "said", "the"),  # a name-like capitalised word: no class to judge by
        (".", "Users", "online", "said", "the"),  # "online" after its noun
        ("consequences", "of", "casino", "gambling", "outweigh"),  # a noun before a gerund
        ("mills", "had", "cheap", "imported", "steel"),  # a modifier of a participle before its noun
        ("the", "Apple", "store", "was", "closed"),  # a name before the keyword
        ("carve", "an", "replica", "of", "his"),  # an article slip that fits neither word
        ("One", "less", "site", "to", "follow"),
        ("where", "to", "store", "undo", "files"),  # a verb before a noun the table lacks
        ("failure", "to", "download", "occurred", ","),  # "download" is not a count noun
        ("that", "he", "order", "a", "recount"),  # a subjunctive
        ("did", "he", "order", "the", "strike"),  # a question
        ("readers", "have", "online", "seen", "the"),  # "online" is also an adverb
        ("when", "will", "order", "be", "restored"),  # a question: the keyword is the subject
    ],
)
def test_class_frame_keeps_normal_uses(prev2, prev, kw, nxt, nxt2):
    assert not W.class_frame_break(prev2, prev, kw, nxt, nxt2)


def test_comma_frame():
    assert W.comma_frame_break("store", "are")
    assert W.comma_frame_break("order", "were")
    assert not W.comma_frame_break("site", "is")  # informal text drops the determiner (", site is down")
    assert not W.comma_frame_break("orders", "were")  # a plural
    assert not W.comma_frame_break("online", "are")


def test_article_mismatch_needs_the_next_word_to_fit():
    assert W.article_mismatch("a", "order", "pilot")
    assert W.article_mismatch("an", "site", "important")
    assert not W.article_mismatch("an", "order", "pilot")
    assert not W.article_mismatch("a", "site", "visit")
    assert not W.article_mismatch("an", "replica", "of")  # the article fits neither word: a slip
    assert not W.article_mismatch("a", "order", "university")  # "u" may sound either way


def _english(offset: int) -> str:
    return "en"


def test_lexicon_loads_only_for_a_keyword_frame(fresh_lexicon):
    find_injections("The council approved the budget on Tuesday after a long debate.", _english)
    assert W.lexicon.cache_info().currsize == 0
    found = find_injections("The mayor said casino the budget was balanced.", _english)
    assert W.lexicon.cache_info().currsize == 1
    assert [(kw, cue) for _, _, kw, cue in found] == [("casino", "grammar")]


def test_lexicon_cache_file_is_written_and_read_back(fresh_lexicon):
    table = W.lexicon()
    files = list((fresh_lexicon / "lemminflect").iterdir())
    assert len(files) == 1 and files[0].suffix == ".marshal"
    W.lexicon.cache_clear()
    assert W.lexicon() == table
    files[0].write_bytes(b"not a table")  # a damaged cache file is rebuilt from the package
    W.lexicon.cache_clear()
    assert W.lexicon() == table


def test_without_the_package_the_class_frames_are_skipped(fresh_lexicon, monkeypatch):
    real = W.importlib.util.find_spec
    monkeypatch.setattr(
        W.importlib.util, "find_spec", lambda name, *a: None if name == "lemminflect" else real(name, *a)
    )
    assert W.lexicon() is None and not W.available()
    assert W.classes("store") == W.ANY
    assert not W.class_frame_break("mayor", "said", "casino", "the", "budget")
    assert W.class_frame_break("approved", "a", "order", "pilot", "program")  # the article needs no table
    assert not os.listdir(fresh_lexicon)
