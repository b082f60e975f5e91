"""Word lookups one shard at a time (audit.language.wordlists.frequency_table) and the opening of a list
(wordlists.frequent): the same frequencies as the whole dictionaries, whatever state the cache is in."""

from __future__ import annotations

import math
import os

import pytest

from audit.language import wordlists

#: A "large" Latin list, a "small" one only, other scripts.
LISTS = [("en", "best"), ("en", "small"), ("es", "best"), ("de", "small"), ("zh", "small"), ("ar", "small")]
ABSENT = ("governorsaid", "zzqqxx", "", "Ünïcödé", "\ud800bad", "the ")


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(wordlists.CACHE_ENV, str(folder))
    wordlists.frequency_table.cache_clear()
    yield folder
    wordlists.frequency_table.cache_clear()


def _same(table, lang, kind):
    freqs = wordlists.frequencies(lang, kind)
    assert all(table.get(w) == f for w, f in freqs.items())
    for w in ABSENT:
        assert table.get(w) is None and table.get(w, 0.5) == 0.5 and w not in table
    w, f = next(iter(freqs.items()))
    assert table[w] == f and w in table
    with pytest.raises(KeyError):
        table["zzqqxx"]


@pytest.mark.parametrize("lang,kind", LISTS)
def test_the_table_answers_as_the_dictionary_cold_and_warm(cache, lang, kind):
    cold = wordlists.frequency_table(lang, kind)  # writes the shard file
    assert [p.name for p in (cache / "wordfreq").iterdir() if not p.name.startswith(".")]
    _same(cold, lang, kind)
    wordlists.frequency_table.cache_clear()
    warm = wordlists.frequency_table(lang, kind)  # reads it
    assert type(warm) is wordlists.FrequencyTable
    _same(warm, lang, kind)


def test_a_warm_table_reads_only_the_shards_asked_and_never_the_list(cache, monkeypatch):
    wordlists.frequency_table("en", "best")
    wordlists.frequency_table.cache_clear()

    def no_list(_path):
        raise AssertionError("the list was read")

    monkeypatch.setattr(wordlists, "_read_bands", no_list)
    table = wordlists.frequency_table("en", "best")
    assert table.shards_read == 0
    asked = ["the", "economy", "said"]
    assert all(table.get(w) for w in asked)
    assert table.shards_read == len({wordlists.shard_of(w) for w in asked})
    table.get("the")
    assert table.shards_read == len({wordlists.shard_of(w) for w in asked})


def test_a_damaged_shard_file_is_written_again(cache):
    wordlists.frequency_table("es", "best")
    (path,) = [p for p in (cache / "wordfreq").iterdir() if not p.name.startswith(".")]
    path.write_bytes(path.read_bytes()[:-10])  # truncated
    wordlists.frequency_table.cache_clear()
    table = wordlists.frequency_table("es", "best")
    _same(table, "es", "best")
    path.write_bytes(b"not a shard file at all, but long enough to hold a header" * 10)
    wordlists.frequency_table.cache_clear()
    _same(wordlists.frequency_table("es", "best"), "es", "best")
    wordlists.frequency_table.cache_clear()
    assert type(wordlists.frequency_table("es", "best")) is wordlists.FrequencyTable  # rewritten


def test_without_a_usable_cache_the_table_wraps_the_dictionary(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    for value in ("", str(blocker / "sub")):  # turned off; a folder that cannot be made
        monkeypatch.setenv(wordlists.CACHE_ENV, value)
        wordlists.frequency_table.cache_clear()
        table = wordlists.frequency_table("en", "small")
        assert type(table) is not wordlists.FrequencyTable
        _same(table, "en", "small")
    wordlists.frequency_table.cache_clear()


def test_no_list_no_table(cache):
    assert wordlists.frequency_table("gl") is None and wordlists.frequent("gl", "best", 1e-6) is None
    assert not os.path.exists(cache)


def test_cache_folder_defaults(monkeypatch, tmp_path):
    monkeypatch.delenv(wordlists.CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert wordlists.cache_dir() == os.path.join(str(tmp_path), "corpus-audit")
    monkeypatch.setenv(wordlists.CACHE_ENV, "")
    assert wordlists.cache_dir() is None


@pytest.mark.parametrize("lang,kind", LISTS)
@pytest.mark.parametrize("floor", [9e-4, 1e-5, 1e-6, 0.0])
def test_frequent_is_the_opening_of_the_dictionary(lang, kind, floor):
    freqs = wordlists.frequencies(lang, kind)
    expected = {w: f for w, f in freqs.items() if f >= floor}
    got = wordlists.frequent(lang, kind, floor)
    assert got == expected and list(got) == list(expected)


def test_the_artefact_helpers_agree_with_the_dictionaries(cache):
    from audit.artefacts import common

    for lang in common.WORDFREQ_LANGS:
        common._freq_table.cache_clear()
        common.zipf.cache_clear()
        full = common._freq_dict(lang)
        common._BUILT.pop(lang, None)  # look up in the shards
        some = list(full.items())[::997] + [("governorsaid", None)]
        for w, f in some:
            assert common.zipf(w, lang) == (round(math.log10(f) + 9, 2) if f else 0.0)
        assert common.frequent_words(lang, 1e-5) == {w: f for w, f in full.items() if f >= 1e-5}
    common._freq_table.cache_clear()
    common.zipf.cache_clear()


@pytest.mark.parametrize("min_zipf", [6.0, 4.5, 3.0])
def test_words_with_zipf_is_the_filtered_dictionary(min_zipf):
    from audit.artefacts import common

    for lang in common.WORDFREQ_LANGS:
        full = common._freq_dict(lang)
        expected = {w for w, f in full.items() if round(math.log10(f) + 9, 2) >= min_zipf}
        assert common.words_with_zipf(lang, min_zipf) == expected, lang
        assert expected == {w for w in expected if common.zipf(w, lang) >= min_zipf}
    assert common.words_with_zipf("de", 3.0) == frozenset()


def test_the_frequent_word_sets_are_the_whole_dictionary_definitions():
    """The glued-word check's and the truncation check's frequent-word sets, read from the opening of the
    lists, are the sets the whole dictionaries give."""
    from audit.artefacts import common, truncation, whitespace

    def from_full(lang, keep):
        full = common._freq_dict(lang) or {}
        return {w for w, f in full.items() if keep(w, f)}

    z = lambda f: round(math.log10(f) + 9, 2)  # noqa: E731
    assert whitespace._common_en_words() == from_full("en", lambda w, f: f >= 1e-5 and z(f) >= 4.5)
    for lang in common.WORDFREQ_LANGS:
        assert whitespace._top_words(lang) == from_full(lang, lambda w, f: f >= 9e-4 and z(f) >= 6.0), lang
        expected = from_full(lang, lambda w, f: f >= 1e-6 and w.isalpha()) | from_full(
            "en", lambda w, f: f >= 1e-6 and w.isalpha()
        )
        lists = truncation._common_words(lang)
        assert all(list(words) == sorted(words) for words in lists), lang
        assert set().union(*lists) == expected, lang


@pytest.mark.parametrize("decode_after", [0, 1, 10**9])
@pytest.mark.parametrize("lang,kind", [("en", "small"), ("es", "best"), ("zh", "small")])
def test_the_bytes_search_answers_as_the_decoded_shard(cache, monkeypatch, lang, kind, decode_after):
    """A lookup answered by searching the shard's bytes (no dictionary) gives what the decoded shard gives,
    for every word of the list (the first and last of each shard included) and for their neighbours in
    the bytes: prefixes, suffixes and extensions of listed words, two words joined by a NUL."""
    monkeypatch.setattr(wordlists, "_DECODE_AFTER", decode_after)
    wordlists.frequency_table(lang, kind)
    wordlists.frequency_table.cache_clear()
    table = wordlists.frequency_table(lang, kind)
    assert type(table) is wordlists.FrequencyTable
    freqs = wordlists.frequencies(lang, kind)
    words = list(freqs)
    near = [v for w in words[:3000] for v in (w[:-1], w[1:], w + "s", "s" + w)]
    near += [a + "\x00" + b for a, b in zip(words[:200], words[1:201], strict=False)]
    asked = [w for w in words + near + list(ABSENT) if w]  # the empty word is always looked up in the decoded shard
    assert [table.get(w) for w in asked] == [freqs.get(w) for w in asked]
    assert table.shards_read == wordlists.SHARDS
    if decode_after >= 10**9:  # every answer came from a search: no shard decoded
        assert all(shard is None for shard in table._shards)
