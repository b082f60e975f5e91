"""Text normalisation used for hashing and comparison (never applied to reported text).

:data:`NORMALIZATION_VERSION` is recorded in persistent indexes: bump it whenever
:func:`normalize` changes what it returns, so old indexes are refused, not mixed.
"""

from __future__ import annotations

import re
import unicodedata

import xxhash

from audit.chars import ADDRESS_TOKEN_RE

NORMALIZATION_VERSION = 1

_PUNCT_MAP = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u2026": "...",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u200b": "",
        "\ufeff": "",
    }
)


def normalize(text: str) -> str:
    """Case-fold, unify quote/dash variants and collapse whitespace (NFKC first).

    By definition ``_WS.sub(" ", unicodedata.normalize("NFKC", text).translate(_PUNCT_MAP).casefold()).strip()``;
    computed by :func:`normalize_fast` (same result, checked by tests/test_text.py; the dict ``translate``
    ran per character)."""
    return normalize_fast(text)


def content_hash(text: str) -> bytes:
    """A 128-bit hash of the normalised text (16 bytes)."""
    return xxhash.xxh3_128_digest(normalize(text).encode("utf-8"))


_REPLACE = tuple((chr(k), v) for k, v in _PUNCT_MAP.items())


def _nfkc(text: str) -> str:
    """NFKC of ``text``, normalising only the lines that need it (most lines of real text are already
    NFKC, and the quick check runs in C). Exact: a newline is a starter that never composes or reorders
    with its neighbours, so NFKC line by line equals NFKC of the whole."""
    if unicodedata.is_normalized("NFKC", text):
        return text
    return "\n".join(
        ln if unicodedata.is_normalized("NFKC", ln) else unicodedata.normalize("NFKC", ln) for ln in text.split("\n")
    )


def normalize_fast(text: str) -> str:
    """:func:`normalize`'s definition without its slow paths (same result).

    ``str.translate`` with a dict table runs per character in Python; a few ``str.replace`` calls on the
    characters actually present run in C, and ASCII text skips NFKC and the table altogether.
    """
    if not text.isascii():
        text = _nfkc(text)
        for src, dst in _REPLACE:
            if src in text:
                text = text.replace(src, dst)
    elif "`" in text:
        text = text.replace("`", "'")
    return " ".join(text.casefold().split())


def key64(normalized: str) -> int:
    """64-bit xxh3 of an already normalised text."""
    return xxhash.xxh3_64_intdigest(normalized.encode("utf-8", "surrogatepass"))


#: Word characters for exact keys (letters and digits; the Latin-1 signs and general punctuation that
#: ``\w`` admits, such as "²" or "‰", are not words).
_KEY_WORD = re.compile(r"[^\W\u0080-\u00bf\u2000-\u207f]+")


#: ASCII bytes that are not :data:`_KEY_WORD` characters, mapped to a space (letters, digits, "_" kept).
_ASCII_KEY_TABLE = bytes(c if chr(c).isascii() and (chr(c).isalnum() or c == 0x5F) else 0x20 for c in range(256))


def exact_key(normalized: str) -> int:
    """64-bit key of a normalised text's word sequence (exact duplicate documents and passages): case,
    white space, quote/dash variants and punctuation-only differences ("... March 31" and "... March 31 .")
    give the same key. A text without word characters is keyed by its normalised characters (so "***"
    and "---" stay different). A text of few words (:func:`few_words`) that carries symbols, emoji or
    emoticons is keyed by its words and those together (:func:`symbol_key`): "@ana 😂" is not "@ana 😡"."""
    if normalized.isascii():  # the same words from one C translate + split (3x faster than the regex)
        words = b" ".join(normalized.encode("ascii").translate(_ASCII_KEY_TABLE).split()).decode("ascii")
    else:
        words = " ".join(_KEY_WORD.findall(normalized))
    if words and few_words(normalized):
        key = symbol_key(normalized)
        if key is not None:
            return key
    return key64(words or "\0" + normalized)


#: A text with fewer words than this, mentions and links set aside, keys its symbols too (a short
#: post is its emoji as much as its words: "@ana 😂" / "@ana 😡"); longer texts are keyed by words only
#: (a page differing in a stray symbol is still an exact copy).
SYMBOL_KEY_WORDS = 5

_TOKEN = re.compile(r"\S+")


def few_words(text: str, limit: int = SYMBOL_KEY_WORDS) -> bool:
    """Has ``text`` fewer than ``limit`` words (those of :func:`exact_key`) outside its mentions
    ("@name") and links? Counted on its normalised tokens, so the answer is the same for a text and
    its :func:`normalize` (the normalised text's tokens are those of the text's tokens, each
    normalised: white space never changes under NFKC); stops at ``limit`` words, so a long text costs
    a few tokens."""
    n = 0
    for m in _TOKEN.finditer(text):
        tok = m.group()
        for t in (tok,) if tok.isascii() else normalize_fast(tok).split():
            if ADDRESS_TOKEN_RE.match(t):  # an @mention or a link
                continue
            n += len(_KEY_WORD.findall(t))
            if n >= limit:
                return False
    return True


#: Emoticons made of punctuation (":)", ";(", "(:", ":/", ":-|"); those with letters (":D", "xD") or a
#: symbol ("=)", "<3", "^^") are in the key already.
_FACE = re.compile(r"[:;=]['\-^]?[()\[\]/\\|*]|[()\[\]/\\|][\-^']?[:;=]")
#: Word runs (:data:`_KEY_WORD`) and the runs between them.
_PIECE = re.compile(r"[^\W\u0080-\u00bf\u2000-\u207f]+|[\W\u0080-\u00bf\u2000-\u207f]+")
#: Emoji presentation selectors: "❤️" and "❤" are one heart.
_SELECTORS = str.maketrans("", "", "\ufe0e\ufe0f")


def _is_mark(run: str) -> bool:
    """A run of non-word characters that is content: a symbol (emoji, "♡", "×", "<", "^", "$") or a
    punctuation emoticon; sentence punctuation, quotes, dashes and brackets alone are not."""
    return any(unicodedata.category(ch)[0] == "S" for ch in run) or _FACE.search(run) is not None


def symbol_key(normalized: str) -> int | None:
    """The key of a normalised text's words and marks (:func:`_is_mark`) in order, each mark run as
    written (without emoji presentation selectors); None when the text has no mark (its key is its
    words'). Salted apart from word keys."""
    items: list[str] = []
    marked = False
    for tok in normalized.split():
        for piece in _PIECE.findall(tok):
            if _KEY_WORD.fullmatch(piece):
                items.append(piece)
            elif _is_mark(piece):
                items.append(piece.translate(_SELECTORS))
                marked = True
    return key64("\x01" + " ".join(items)) if marked else None
