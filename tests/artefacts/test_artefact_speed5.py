"""Fifth round of the artefact checks' fast paths (issue 15, session 12): each gives exactly what the
definition it replaces gives, on texts written to hit the edges."""

from __future__ import annotations

import random

from audit.artefacts import boilerplate
from tests.artefacts.test_artefact_fastpaths import _kinds_match_the_full_alternation

# -- boilerplate: lines of other scripts dispatched by their first character ---------------------------


#: Words of the lexicon's patterns in other scripts, cased variants, and characters that sre's case-blind
#: match pairs with others ("ᲀ" with "в", "ς" with "σ", "µ" with "μ"), at a line's start and inside it.
_SCRIPT_WORDS = (
    "続きを読む もっと見る 関連記事 シェア ツイート 分享到微信 공유하기 로그인 회원 가입 और पढ़ें शेयर करें "
    "читать далее Читать Полностью ПОДРОБНЕЕ подробнее поделиться Поделиться войти ᲀойти ВОЙТИ регистрация "
    "ᲃсылка политика конфиᲁенциальности все права защищены Все Права Защищены اقرأ المزيد شارك على فيسبوك "
    "سياسة الخصوصية 版权所有 無断転載を禁じます 무단 전재 및 재배포 금지 сайт Σ σ ς µ μ ΜΕΝΟΥ © (c) "
    "catégories: Étiquettes: ÉTIQUETTES: mots-clés: nous utilisons des cookies ce site utilise des traceurs "
    "home > news » read more don’t miss Read the full story ſhare K ı İ ﬅ ﬆ"
).split()


def test_lines_of_other_scripts_get_the_kind_of_the_full_alternation():
    rnd = random.Random(51)
    lines = [" ".join(rnd.choice(_SCRIPT_WORDS) for _ in range(rnd.randint(1, 5))) for _ in range(8000)]
    lines += [ln.upper() for ln in lines[:600]] + [ln.lower() for ln in lines[600:1200]]
    lines += ["ᲀойти", "Войти", "Все права защищены", "© 2024 Пример. Все права защищены.", "Поделиться"]
    lines += ["続きを読む", "シェアする", "ツイート", "Catégories:", "ÉTIQUETTES : a, b", "ςσ", "µ", "μ"]
    kinds = _kinds_match_the_full_alternation(lines)
    assert {"read_more", "share", "subscribe", "copyright", "metadata", "related", None} <= kinds


def test_first_characters_of_a_case_blind_literal_include_sre_case_pairs():
    assert boilerplate._folds(ord("в")) == frozenset("вᲀ")
    assert boilerplate._folds(ord("В")) == frozenset("вᲀ")
    assert boilerplate._folds(ord("Σ")) == frozenset("σς")
    assert boilerplate._folds(ord("続")) == frozenset("続")


def test_gates_skip_characters_with_case_pairs():
    from re import _parser

    def gate(p):
        return boilerplate._gate(list(_parser.parse(p)))

    # "в", "с" and "т" have case pairs in sre ("ᲀ", "ᲃ", "ᲄ"): the runs between them
    assert gate(".{0,80}все права защищены") == "а защищены"
    assert gate(".{0,80}Все Права") == "е пра"
    assert gate(".{0,80}무단 전재") == "무단 전재"
    assert gate(".{0,80}σοφία") is None
    assert gate(".{0,9}ABCD") == "abcd"


# -- truncation: common words of a language and English, each list sorted once ------------------------


def _begins_slow(fragment: str, words: tuple[str, ...], more: int | None) -> bool:
    """The walk of one merged sorted list (the definition before the lists were kept apart)."""
    from bisect import bisect_left

    i = bisect_left(words, fragment)
    while i < len(words) and words[i].startswith(fragment):
        n = len(words[i]) - len(fragment)
        if (n >= 2) if more is None else (n == more):
            return True
        i += 1
    return False


def test_prefix_tests_over_two_lists_are_the_merged_list():
    from audit.artefacts import truncation
    from audit.artefacts.common import WORDFREQ_LANGS

    rnd = random.Random(52)
    for lang in (*WORDFREQ_LANGS, "de", "und"):
        lists = truncation._common_words(lang)
        merged = tuple(sorted(set().union(*lists)))
        pool = [w for words in lists for w in rnd.sample(words, min(300, len(words)))]
        frags = {w[: rnd.randint(1, len(w))] for w in pool} | {"zzq", "qu", "a", "ab", "confirme", "upcomin"}
        for frag in frags:
            assert truncation.begins_common_word(frag, lang) == _begins_slow(frag, merged, None), (lang, frag)
            assert truncation._one_letter_short(frag, lang) == _begins_slow(frag, merged, 1), (lang, frag)


# -- common: words of a Zipf frequency or more, tested once per band -----------------------------------


def test_words_with_zipf_is_the_test_of_each_word():
    import math

    from audit.artefacts import common

    for lang in common.WORDFREQ_LANGS:
        for min_zipf in (3.0, 4.5, 5.25, 6.0):
            common.words_with_zipf.cache_clear()
            opening = common.frequent_words(lang, 10 ** (min_zipf - 9.01))
            expected = {w for w, f in opening.items() if round(math.log10(f) + 9, 2) >= min_zipf}
            assert common.words_with_zipf(lang, min_zipf) == expected, (lang, min_zipf)
    common.words_with_zipf.cache_clear()
