"""Character ranges and address forms the whole package shares, each defined once.

**Scripts** (strings of ranges, for a regex character class ``f"[{HAN}]"``): Han, kana and Hangul, the
scripts written without spaces between words, and the compositions the checks read. Where two checks
need different extents of one script, both extents are here under their own names, with the reason.

**Posts**: @mentions, #hashtags, links and pictographs: in running text (:data:`MENTION_RE`,
:data:`HASHTAG_RE`, :data:`LINK`, :func:`pictograph`) and as whitespace tokens that are an address
rather than words (:data:`ADDRESS_TOKEN_RE`, :data:`WEB_ADDRESS_PREFIXES`).

This module imports nothing of the package: the text layer (:mod:`audit.text`), the families and the
duplicate keys (:mod:`audit.normalize`) all import from it.
"""

from __future__ import annotations

import re

# -- scripts ------------------------------------------------------------------------------------------

#: Thai (U+0E00-U+0E7F).
THAI = "\u0e00-\u0e7f"
#: Thai and Lao (U+0E00-U+0EFF): their sentences end with a space and no mark.
THAI_LAO = "\u0e00-\u0eff"
#: Tibetan.
TIBETAN = "\u0f00-\u0fff"
#: Myanmar.
MYANMAR = "\u1000-\u109f"
#: Khmer.
KHMER = "\u1780-\u17ff"
#: The Hiragana and Katakana blocks (U+3040-U+30FF).
KANA_BLOCKS = "\u3040-\u30ff"
#: Every kana: :data:`KANA_BLOCKS`, the Katakana Phonetic Extensions and half-width katakana (what the
#: script evidence counts; the word tokens of :data:`DENSE_SCRIPT` take the two main blocks only).
KANA = KANA_BLOCKS + "\u31f0-\u31ff\uff66-\uff9f"
#: CJK Unified Ideographs and Extension A (the ideographs a Chinese or Japanese text is written in).
HAN_UNIFIED = "\u3400-\u4dbf\u4e00-\u9fff"
#: :data:`HAN_UNIFIED` and the CJK Compatibility Ideographs (U+F900-U+FAFF; most of them are unified
#: ideographs again under NFC). The pinyin test (:mod:`audit.language.prose`) reads
#: :data:`HAN_UNIFIED` only.
HAN = HAN_UNIFIED + "\uf900-\ufaff"
#: Precomposed Hangul syllables (U+AC00-U+D7AF).
HANGUL_SYLLABLES = "\uac00-\ud7af"
#: Every Hangul letter: the conjoining jamo, the compatibility jamo and :data:`HANGUL_SYLLABLES`.
HANGUL = "\u1100-\u11ff\u3130-\u318f" + HANGUL_SYLLABLES
#: Scripts written without spaces between words, one word token per character (the text layer's
#: :data:`audit.text.WORD_RE`): Thai, Lao, Myanmar, Khmer, kana, Han. Hangul is written with spaces.
DENSE_SCRIPT = THAI_LAO + MYANMAR + KHMER + KANA_BLOCKS + HAN
#: Letters whose "words" are whole clauses for the language family's vocabulary screen and weights:
#: kana, unified Han, Hangul syllables and Thai (a narrower set than :data:`DENSE_SCRIPT`, with Hangul).
UNSPACED_LETTERS = KANA_BLOCKS + HAN_UNIFIED + HANGUL_SYLLABLES + THAI
#: The scripts the duplicate hashing cuts into one token per character (:mod:`audit.minhash`,
#: :mod:`audit.tokenhash`): Thai and the one contiguous range U+3040-U+9FFF (kana through the
#: unified ideographs), which the byte tokeniser tests on UTF-8 sequences.
SHINGLE_DENSE = THAI + "\u3040-\u9fff"
#: A letter of Chinese, Japanese or Korean: Han, kana or Hangul.
CJK_LETTER_RE = re.compile(f"[{HAN}{KANA}{HANGUL}]")

# -- control sequences -----------------------------------------------------------------------------------

#: A terminal's escape sequence (a colour code ``ESC[33;1m``, ``ESC[m``, a mode ``ESC[?25l``, a two-character
#: escape ``ESC M``): console text's markup, which is neither a letter nor a column of text.
ANSI_RE = re.compile(r"\x1b(?:\[[0-9;:?<=>]*[ -/]*[@-~]|[@-Z\\-_])")

# -- posts: mentions, hashtags, links, pictographs --------------------------------------------------------

#: ``@name`` addressing a user in running text (not an e-mail address: a letter, digit or dot before the ``@``).
MENTION_RE = re.compile(r"(?<![\w.@])@\w{2,}")
#: ``#tag`` in running text (not an entity that lost its ampersand, ``#39;``: a tag opens with a letter).
HASHTAG_RE = re.compile(r"(?<![\w&#])#[^\W\d_]\w*")
#: A web link in running text (regex source): ``http://``, ``https://`` or ``www.`` up to the next white space.
LINK = r"(?:https?://|www\.)\S+"

#: A whitespace token that opens with an address, not words: an @mention, or a link (any URL scheme
#: followed by ``://``, or ``www.``, in any case). The exact key's short-text test
#: (:func:`audit.normalize.few_words`) reads it.
ADDRESS_TOKEN_RE = re.compile(r"@|[a-z][a-z0-9+.-]*://|www\.", re.IGNORECASE)
#: The narrower address tokens of the empty-document check (:mod:`audit.artefacts.empty`): ``@`` or a web
#: link as posts write it, in lower case. Kept apart from :data:`ADDRESS_TOKEN_RE` so that neither check's
#: findings change: a short text of ``FTP://...`` or ``WWW.EXAMPLE.COM`` alone has a word for the empty
#: check and none for the exact key.
WEB_ADDRESS_PREFIXES = ("@", "http://", "https://", "www.")


def pictograph(ch: str) -> bool:
    """Is ``ch`` an emoji or pictograph: U+1F000 and above, or the Miscellaneous Symbols and Dingbats
    (U+2600-U+27BF, the heart suits U+2661 and U+2665 among them)?"""
    o = ord(ch)
    return o >= 0x1F000 or 0x2600 <= o <= 0x27BF
