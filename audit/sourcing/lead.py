"""Faster scans with the same matches: a pattern led by a lookahead for the characters its matches start with.

Python's regex engine skips ahead quickly only for a pattern that starts with a literal or a character class;
one that starts with a word boundary, a lookbehind or an alternation of words (most of the sourcing patterns:
``\\b(?:half|a\\s+third|...)``) is tried in full at every position of the text. :func:`led` puts a lookahead
for the possible first characters in front (``(?=[acdhlmnortu])\\b(?:half|...)``): the same matches, since a
match must start with one of them, found about twice as fast by ``search``, ``finditer`` and ``findall``.

The first characters are read off the parsed pattern (:func:`first_class`): literals, character classes and
categories (``\\d``, ``\\w``) of the first item that consumes a character, through groups, alternations,
optional and repeated items and zero-width assertions. Anything else (a negated class, ``.``, a group
reference, a group that changes the flags, a pattern that can match the empty string) leaves the pattern as it
is. The lookahead is read with the pattern's own flags, so under ``re.IGNORECASE`` it admits the same case
variants as the pattern's literals ("ſ" for "s").
"""

from __future__ import annotations

import re
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]

_CATEGORIES = {
    C.CATEGORY_DIGIT: r"\d",
    C.CATEGORY_NOT_DIGIT: r"\D",
    C.CATEGORY_SPACE: r"\s",
    C.CATEGORY_NOT_SPACE: r"\S",
    C.CATEGORY_WORD: r"\w",
    C.CATEGORY_NOT_WORD: r"\W",
}


class _Unknown(Exception):
    """The first characters of a pattern cannot be told (the pattern is left as it is)."""


def _char(code: int) -> str:
    return f"\\U{code:08x}"


def _first(items, icase: bool) -> tuple[list[tuple[str, bool]], bool]:
    """The class items a match of the sequence ``items`` can start with (each with whether it is read ignoring
    case), and whether the sequence can match the empty string."""
    out: list[tuple[str, bool]] = []
    for op, av in items:
        got, empty = _first_of(op, av, icase)
        out += got
        if not empty:
            return out, False
    return out, True


def _first_of(op, av, icase: bool) -> tuple[list[tuple[str, bool]], bool]:
    if op is C.LITERAL:
        return [(_char(av), icase)], False
    if op is C.IN:
        got: list[tuple[str, bool]] = []
        for iop, iav in av:
            if iop is C.LITERAL:
                got.append((_char(iav), icase))
            elif iop is C.RANGE:
                got.append((f"{_char(iav[0])}-{_char(iav[1])}", icase))
            elif iop is C.CATEGORY and iav in _CATEGORIES:
                got.append((_CATEGORIES[iav], icase))
            else:
                raise _Unknown  # a negated class, another category
        return got, False
    if op is C.BRANCH:
        out: list[tuple[str, bool]] = []
        empty = False
        for alt in av[1]:
            got, e = _first(alt.data, icase)
            out += got
            empty = empty or e
        return out, empty
    if op is C.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if (add_flags | del_flags) & ~re.IGNORECASE & ~_HARMLESS:
            raise _Unknown  # (?a:...), (?L:...): the categories would read otherwise
        if add_flags & re.IGNORECASE:
            icase = True
        if del_flags & re.IGNORECASE:
            icase = False
        return _first(sub.data, icase)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        lo, _hi, sub = av
        got, empty = _first(sub.data, icase)
        return got, empty or lo == 0
    if op is C.ATOMIC_GROUP:
        return _first(av.data, icase)
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return [], True  # zero-width: the first character comes after
    raise _Unknown  # ".", a negated literal, a group reference, a conditional group


#: Categories of characters found at most positions of a text.
_FREQUENT = frozenset((r"\s", r"\S", r"\w", r"\W", r"\D"))

#: Scoped flags that do not change what a character class matches.
_HARMLESS = re.MULTILINE | re.DOTALL | re.VERBOSE | re.UNICODE

#: How the patterns that may gain begin: a word boundary, a group or an assertion (the others start with a literal
#: or a class, or with an escape such as ``\\s``, and are left as they are without being parsed).
_MAY_GAIN = ("\\b", "(")

#: Global inline flags at the start of a pattern ("(?i)"): the lookahead goes after them.
_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")


def first_class(pattern: re.Pattern, parsed=None) -> str | None:
    """A lookahead body (``[...]``, or ``[...]|(?i:[...])`` when parts of the pattern ignore case and others do not)
    for the characters a match of ``pattern`` can start with, or None. ``parsed``: its parsed items, when at hand."""
    if not isinstance(pattern.pattern, str) or pattern.flags & (re.VERBOSE | re.ASCII | re.LOCALE):
        return None
    icase = bool(pattern.flags & re.IGNORECASE)
    try:
        if parsed is None:
            parsed = P.parse(pattern.pattern, pattern.flags).data
        items, empty = _first(parsed, icase)
    except _Unknown:
        return None
    if empty or not items:
        return None  # the pattern can match the empty string: it may start anywhere
    if any(t in _FREQUENT for t, _i in items):
        return None  # most positions pass such a lookahead: it would cost more than it saves
    same = "".join(dict.fromkeys(t for t, i in items if i == icase))
    other = "".join(dict.fromkeys(t for t, i in items if i != icase))
    parts = [f"[{same}]"] if same else []
    if other:
        parts.append(f"(?{'-' if icase else ''}i:[{other}])")
    return "|".join(parts)


def _head(items):
    """The first item of a sequence, through groups that keep the flags."""
    while items:
        op, av = items[0]
        if op is C.SUBPATTERN and not (av[1] or av[2]):
            items = av[3].data
            continue
        return op, av
    return None, None


def _prefixed(items, icase: bool) -> bool:
    """The engine already skips to the pattern's first characters: it starts with a literal or a class, or (read
    with case) with an alternation of literals."""
    op, av = _head(items)
    if op in (C.LITERAL, C.IN):
        return True
    return op is C.BRANCH and not icase and all(_head(alt.data)[0] is C.LITERAL for alt in av[1])


#: Each led pattern made by :func:`led` -> the pattern it leads (read by the tests, which compare the two).
ORIGINAL: dict[re.Pattern, re.Pattern] = {}


def led(pattern: re.Pattern) -> re.Pattern:
    """``pattern`` behind a lookahead for its first characters (the same matches and groups), or ``pattern``
    itself when they cannot be told or it already starts with a literal or a class (nothing to gain)."""
    if not isinstance(pattern.pattern, str) or not pattern.pattern.startswith(_MAY_GAIN):
        return pattern  # (a literal, a class or an escape first: the engine skips ahead already; not parsed)
    try:  # re's parser is private: a Python whose parser differs leaves every pattern as it is (only slower)
        parsed = P.parse(pattern.pattern, pattern.flags).data  # (parsed once: this runs at import, for every pattern)
        if _prefixed(parsed, bool(pattern.flags & re.IGNORECASE)):
            return pattern
        cls = first_class(pattern, parsed)
    except Exception:
        return pattern
    if cls is None:
        return pattern
    source = pattern.pattern
    head = _GLOBAL_FLAGS.match(source)
    cut = head.end() if head else 0
    try:
        out = re.compile(f"{source[:cut]}(?={cls}){source[cut:]}", pattern.flags)
    except re.error:
        return pattern
    ORIGINAL[out] = pattern
    return out


def lead_all(namespace: dict, names=None) -> None:
    """Replace the compiled patterns of a module's ``namespace`` (``globals()``; only ``names`` when given) with
    their :func:`led` forms: the same matches everywhere they are used (``search``, ``match``, ``finditer``, ...)."""
    for name in list(namespace) if names is None else names:
        value = namespace[name]
        if isinstance(value, re.Pattern):
            namespace[name] = led(value)
