"""Script evidence for the East Asian languages: what the letters themselves say.

The models read Han characters poorly when nothing else is there: fastText's compressed model gives a
line of Chinese characters Japanese at 0.9 or more ("冻结的财产经查明与案件无关的，应当在查明后三日内解除冻结"),
now and then German, Khmer or Serbian, and langdetect often gives it Korean. The script says more:

* Japanese prose is written with kana (hiragana, katakana) between its kanji; a passage of Han
  characters with no kana (under :data:`KANA_MIN_SHARE` of its CJK letters) is no evidence of Japanese;
* Korean is written in Hangul; a passage without it (under :data:`HANGUL_MIN_SHARE`) is no evidence of Korean;
* a passage of Han characters alone is Chinese, or the document's language when that is written with Han
  characters too (a kanji-only headline in a Japanese page is Japanese);
* a passage whose letters are mostly CJK is in none of the languages written in other scripts.

:func:`script_language` reads a text's letters; :func:`contradicts` says when a model's call is
inconsistent with them. Only passages whose letters are mostly CJK (Han, kana, Hangul) are judged;
any other text is left to the models.
"""

from __future__ import annotations

import re

from audit.chars import CJK_LETTER_RE, HAN, HANGUL, KANA

_KANA_RE = re.compile(f"[{KANA}]")
_HAN_RE = re.compile(f"[{HAN}]")
_HANGUL_RE = re.compile(f"[{HANGUL}]")

#: Kana a text of CJK letters needs to be evidence of Japanese: a share of its CJK letters (Japanese prose
#: is 30-70% kana; a headline of kanji and one particle, "東京五輪、来年７月開幕で決定", has 1 in 13).
KANA_MIN_SHARE = 0.05
#: Hangul a text of CJK letters needs to be evidence of Korean (Korean with Hanja is mostly Hangul).
HANGUL_MIN_SHARE = 0.2
#: Languages written with Han characters alone (the models' yue and wuu are folded into zh).
HAN_LANGUAGES = frozenset({"zh"})
#: Languages whose prose uses Han characters (a line of them alone may be in the document's language).
HAN_WRITERS = frozenset({"zh", "ja"})


def script_language(text: str) -> str | None:
    """The language the CJK letters of ``text`` point to, when they are most of its letters: ``ko`` (Hangul),
    ``ja`` (kana), ``zh`` (Han alone); None for any other text (the models decide)."""
    if text.isascii():
        return None
    cjk = len(CJK_LETTER_RE.findall(text))
    if not cjk or 2 * cjk < sum(map(str.isalpha, text)):
        return None
    hangul = len(_HANGUL_RE.findall(text))
    if hangul >= HANGUL_MIN_SHARE * cjk:
        return "ko"
    if len(_KANA_RE.findall(text)) >= max(1.0, KANA_MIN_SHARE * cjk):
        return "ja"
    return "zh" if _HAN_RE.search(text) else None


def contradicts(lang: str, script: str | None) -> bool:
    """Do the letters (``script``: :func:`script_language`) rule out the model's call ``lang``?"""
    if script is None:
        return False
    return lang not in HAN_LANGUAGES if script == "zh" else lang != script


def by_script(script: str, doc_lang: str) -> str:
    """The language a passage whose call its letters ruled out is given: a text of Han characters alone is
    in the document's language when that is written with them, else Chinese; kana is Japanese, Hangul Korean."""
    if script == "zh" and doc_lang in HAN_WRITERS:
        return doc_lang
    return script
