"""Text that is not prose in any language: program code, Chinese romanisation, bare web addresses.

The models read whatever letters they are given. Script code left in a page's text
(``window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}``) is
English to fastText, pinyin (``Wǒ ài nǐ``, ``wo ai ni``) is Malay or Vietnamese, and a web address
without ``http://`` or ``www.`` (``harvestfortpond.com``) is read as words. None of them says what
language the document is written in, and none of them is a foreign passage:

* :func:`code_like`: a passage of several words where a quarter or more of them are code tokens
  (braces, brackets, ``=``, ``<``/``>``, a call ``name(``, a ``;`` inside a token, a dotted or
  underscored identifier ``django.conf`` / ``max_len``, a camelCase word ``getElementById``; not an
  @handle or #tag).
* :func:`romanised_chinese`: words that are all pinyin syllables (tone marks removed) where a
  fifth of them carry a tone mark only pinyin uses (macron or caron: ``ā``, ``ǎ``; ``ü`` forms),
  or, in a document that holds Chinese characters, words that are each one pinyin syllable.
* :data:`BARE_ADDRESS`: ``name.tld`` with an optional path (the cleaning removes addresses with a
  scheme or ``www.`` only).

:func:`set_aside` applies the first two where they matter (a foreign call, or the document's
language); :meth:`audit.language.identify.LanguageIdentifier.veto_names` reads the third.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Sequence

from audit.chars import HAN_UNIFIED

if TYPE_CHECKING:
    from audit.language.identify import LanguageIdentifier, Unit

#: A web address without a scheme: ``name.tld`` (a lower-case top-level part of 2+ letters after a dot
#: between word characters, so "z.B." and "3.5" are not addresses), with an optional path.
BARE_ADDRESS = re.compile(r"(?<![\w@.])[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:/\S*)?(?!\w)")

_CODE_TOKEN = re.compile(r"[{}\[\]=<>|\\]|\w\(|\(\)|;\S|[A-Za-z][._][a-z]{2}|[a-z][A-Z]")
_CODE_MARKS = tuple("{}[]=<>|\\(;._")
_CAMEL = re.compile(r"[a-z][A-Z]")
_CODE_MARK = re.compile(r"[{}\[\]=<>|\\(;._]|[a-z][A-Z]")
_CODE_MIN_TOKENS = 4
_CODE_MIN_SHARE = 0.25


def code_like(raw: str) -> bool:
    """A quarter or more of the passage's tokens (at least four of them) are code tokens."""
    # Counts first: every code token holds one of these marks or a lower-upper pair, so they bound the
    # code tokens from above (prose stops here: a full stop per sentence, a bracket now and then).
    if len(raw) < 200:  # one regex pass is cheaper on a short line, counts on a long passage
        bound = len(_CODE_MARK.findall(raw))
    else:
        bound = sum(map(raw.count, _CODE_MARKS)) + len(_CAMEL.findall(raw))
    if bound < _CODE_MIN_TOKENS or bound < _CODE_MIN_SHARE * (raw.count(" ") + raw.count("\n") + 1):
        return False
    tokens = raw.split()
    return _enough_code(_code_tokens(tokens), len(tokens))


def _enough_code(code: int, tokens: int) -> bool:
    """``code`` code tokens among ``tokens`` make code: four at least, and a quarter of them."""
    return code >= _CODE_MIN_TOKENS and code >= _CODE_MIN_SHARE * tokens


def _code_tokens(toks: list[str]) -> int:
    # @handles and #tags (camelCase as often as not) are not code; the cleaning removes them anyway
    return sum(1 for t in toks if t[0] not in "@#" and _CODE_TOKEN.search(t))


_TONES = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ", "aaaaeeeeiiiioooouuuuüüüü")
#: Tone marks pinyin uses and other Latin orthographies of prose rarely do (not ``é``, ``à``: French,
#: Italian), and the ``ü`` forms with a tone.
_PINYIN_MARKS = frozenset("āǎēěīǐōǒūǔǖǘǚǜ")
_INITIAL = "(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
_FINAL = "(?:iang|iong|uang|ueng|ang|eng|ong|ing|ian|iao|uai|uan|üan|ai|ei|ao|ou|an|en|er|ia|ie|iu|in|ua|uo|ui|un|üe|ue|ün|a|o|e|i|u|ü)"
_SYLLABLE = re.compile(f"{_INITIAL}{_FINAL}r?")
_SYLLABLES = re.compile(f"(?:{_INITIAL}{_FINAL}r?)+")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_MARKED = re.compile(f"[{''.join(sorted(_PINYIN_MARKS))}]")
#: Han characters that make a passage Chinese writing, not pinyin: the unified ideographs
#: (:data:`~audit.chars.HAN_UNIFIED`, as this test has always read them; not the compatibility ideographs).
_HAN = re.compile(f"[{HAN_UNIFIED}]")
_PINYIN_MIN_WORDS = 4
_PINYIN_MIN_SHARE = 0.9
_PINYIN_MIN_MARKED = 0.2


def romanised_chinese(raw: str, han_document: bool) -> bool:
    """The passage's words are pinyin (``han_document``: the document holds Chinese characters)."""
    words = [w.lower() for w in _WORD.findall(raw)]
    if len(words) < _PINYIN_MIN_WORDS or _HAN.search(raw):
        return False
    plain = [w.translate(_TONES).replace("'", "").replace("’", "") for w in words]
    marked = sum(1 for w in words if any(ch in _PINYIN_MARKS for ch in w))
    need = _PINYIN_MIN_SHARE * len(words)
    if marked >= _PINYIN_MIN_MARKED * len(words):
        return sum(1 for w in plain if _SYLLABLES.fullmatch(w)) >= need
    return han_document and sum(1 for w in plain if _SYLLABLE.fullmatch(w)) >= need


#: A line of a listing without a code token ("import json", "return", "if not data:", "try:") has at most
#: this many tokens; it neither breaks nor makes a block of code lines (:func:`code_blocks`).
_CODE_LINE_MAX_TOKENS = 3


def code_blocks(text: str, units: Sequence[Unit]) -> set[int]:
    """Ids of the ``units`` (a document's passages, in order) inside a run of consecutive passages that is
    code as a whole (:func:`code_like`'s test on their tokens together): each holds a code token, or is a
    short ASCII line (``_CODE_LINE_MAX_TOKENS`` tokens at most).

    A listing set one statement a line ("handler = pymongo.MongoClient().test.data", "stack.callback(add_ts)",
    "with contextlib.ExitStack() as stack:") has too few tokens per line for :func:`code_like`; its lines are
    read together, with the short lines between them that hold no code token ("import json", "return"). A
    line of prose holding one dotted name stays prose: the prose lines around it break the run."""
    out: set[int] = set()
    block: list[Unit] = []
    code = tokens = 0
    for u in units:
        raw = u._raw or text[u.span.start : u.span.end]
        toks: list[str] | None = None
        found = 0
        if _CODE_TOKEN.search(raw):
            toks = raw.split()
            found = _code_tokens(toks)
        elif len(raw) <= 80 and raw.isascii():
            toks = raw.split()
        if found or (toks and len(toks) <= _CODE_LINE_MAX_TOKENS and raw.isascii()):
            assert toks is not None
            block.append(u)
            code += found
            tokens += len(toks)
            continue
        if _enough_code(code, tokens):
            out.update(map(id, block))
        block.clear()
        code = tokens = 0
    if _enough_code(code, tokens):
        out.update(map(id, block))
    return out


def non_prose(
    text: str, units: Sequence[Unit], han: bool | None = None, context: Sequence[Unit] | None = None
) -> list[Unit]:
    """The ``units`` of ``text`` that are code or romanised Chinese. ``han``: does the document hold
    Chinese characters (None: looked up in ``text`` once, when needed). ``context``: all the document's
    passages in order: a line of a listing is code when its run of code lines is (:func:`code_blocks`,
    computed once some unit holds a code token)."""
    out: list[Unit] = []
    blocks: set[int] = set()
    if context is not None and any(_CODE_TOKEN.search(u._raw or text[u.span.start : u.span.end]) for u in units):
        blocks = code_blocks(text, context)
    for u in units:
        if id(u) in blocks:
            out.append(u)
            continue
        if u.chars < 16:  # a menu item, a tag: too little text to matter either way
            continue
        raw = u._raw or text[u.span.start : u.span.end]
        if raw.count(" ") + raw.count("\n") < 3:  # four tokens or words at least
            continue
        if code_like(raw):
            out.append(u)
            continue
        marked = not raw.isascii() and _MARKED.search(raw) is not None
        if not marked and han is None:
            han = _HAN.search(text) is not None
        if (marked or han) and romanised_chinese(raw, bool(han)):
            out.append(u)
    return out


def _no_evidence(u: Unit) -> None:
    """``u`` is ``und`` with no text for a model and no evidence: nothing reads it again."""
    u.lang, u.conf, u.ft, u.ld, u.screened = "und", 0.0, None, None, True
    u._clean, u._evidence = "", 0


def prose_rest(text: str, rest: list[Unit], total: int, units: Sequence[Unit] | None = None) -> tuple[list[Unit], int]:
    """The unclassified units of a page of short lines that are read together, without code and pinyin
    (a German page whose script code is most of its text is not English), and ``total`` (the characters
    of the units that count) less theirs. ``units``: all the document's passages, in order, when
    :func:`set_aside` found code or pinyin among them (then the short lines of a listing are left out too)."""
    odd = non_prose(text, rest, context=units)
    if not odd:
        return rest, total
    for u in odd:
        _no_evidence(u)  # nor do they join a foreign passage next to them
    drop = {id(u): u.chars for u in odd}
    return [u for u in rest if id(u) not in drop], total - sum(drop.values())


def set_aside(ident: LanguageIdentifier, text: str, units: Sequence[Unit], doc_lang: str) -> tuple[str, frozenset[int]]:
    """Classified units that are code or romanised Chinese, set aside where they matter.

    A foreign call on such a unit is dropped (it is not a passage in another language). When the
    document's language was chosen by them (the units left give another language most characters),
    they are all set aside and the document is read again against the language of the others (a
    German page whose script code outweighs its text, Chinese lyrics with their pinyin). A unit set
    aside is ``und`` and has no evidence left (no model reads it again, it joins no finding). Returns
    the document's language and the ids of the units set aside (empty in ordinary documents)."""
    from audit.language.identify import UND, dominant  # identify imports this module

    # A unit in the document's language matters only where another language is there to take its place.
    langs = {u.lang for u in units}
    other = bool(langs - {UND, doc_lang})
    if not other:
        return doc_lang, frozenset()  # no foreign call to drop, no other language to take the document's place
    # Pinyin without tone marks is told by the Chinese passages around it.
    odd = non_prose(text, [u for u in units if u.lang != UND], "zh" in langs, units)
    if not odd:
        return doc_lang, frozenset()
    aside = {id(u) for u in odd}
    weights: dict[str, float] = {}
    for u in units:
        if u.lang != UND and id(u) not in aside:
            weights[u.lang] = weights.get(u.lang, 0.0) + u.chars
    new = dominant(weights) if weights else doc_lang
    if new == doc_lang:
        odd = [u for u in odd if u.lang != doc_lang]
    for u in odd:
        _no_evidence(u)
    if new != doc_lang:
        doc_lang = ident.classify(units, doc_lang=new)
    return doc_lang, frozenset(id(u) for u in odd)
