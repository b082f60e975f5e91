"""Template boilerplate: lexicon lines, empty metadata labels, glued author bios (ART002-ART004), and
the ART005 rule, whose corpus check (lines that recur across the documents of one source) is
:mod:`audit.artefacts.recurring`.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # the regex engine: its own lower case, as case-blind patterns use it
import re
from dataclasses import dataclass
from functools import lru_cache
from re import _parser as _sre_parser  # type: ignore[attr-defined]  # the stdlib's own pattern parser (3.11+)
from re._casefix import _EXTRA_CASES  # type: ignore[import-not-found]  # sre's extra case pairs (3.11+)
from typing import Callable, Iterable

from audit.artefacts.common import boilerplate_lexicon, normalize_line, words
from audit.model import Category, Finding, Severity
from audit.rules import DocContext, DocumentCheck, Rule

ART002 = Rule(
    id="ART002",
    name="boilerplate-line",
    category=Category.ARTEFACT,
    severity=Severity.WARNING,
    description="A whole line is template boilerplate (read more, related articles, share, subscribe, "
    "cookie notice, copyright, navigation, metadata) from the built-in multilingual lexicon.",
    flags=(
        "Read more »",
        "Related articles",
        "Share this article on Facebook",
        "Suscríbete a nuestro boletín",
        "We use cookies to improve your experience. Accept all cookies",
        "Leer más",
        "Tags: immigration, ICE",
    ),
    not_flags=(
        "Read more about the budget in the council's minutes, which were published on Tuesday.",
        "The company said it would share more details in March.",
    ),
)

ART003 = Rule(
    id="ART003",
    name="empty-metadata-label",
    category=Category.ARTEFACT,
    severity=Severity.WARNING,
    description="A template label such as `Categories:` or `Tags:` with no value (the scraper kept the label, "
    "not the links).",
    flags=("...end of the article.\n\nCategories:\n\nTags:", "Etiquetas:"),
    not_flags=("Categories: Politics, Immigration", "The new rules cover three categories: food, fuel and rent."),
)

ART004 = Rule(
    id="ART004",
    name="author-bio",
    category=Category.ARTEFACT,
    severity=Severity.WARNING,
    description='An author byline or biography glued into the article text ("Author Jane Doe My name is ...").',
    flags=(
        "Author Melinda Kukaj My name is Melinda Kukaj and I am a sophomore at the University of Vermont.",
        "Sobre el autor Juan Pérez es periodista y escribe sobre economía.",
    ),
    not_flags=("The author of the report, Jane Doe, said the findings were preliminary.", "By Jane Doe"),
)

ART005 = Rule(
    id="ART005",
    name="recurring-boilerplate-line",
    category=Category.ARTEFACT,
    severity=Severity.WARNING,
    description="A line that recurs in many documents of the same source (template boilerplate found from the "
    "corpus itself); the finding says how many documents carry it.",
    flags=("'Sign up for The Morning Brief, delivered daily' in 40 of 200 documents of example.com",),
    not_flags=("a sentence quoted in two articles of a source with 500 documents",),
)


# ---------------------------------------------------------------------------
# Pure helpers

_LEAD = re.compile(r"^[\s\-–—*•·▪►▸>»›|#\[(]+")
_TRAIL = re.compile(r"[\s.!?…»›>→|\])]+$")
LEXICON_KINDS = (
    "read_more",
    "related",
    "share",
    "subscribe",
    "cookie",
    "copyright",
    "metadata",
    "timestamp",
    "credit",
    "navigation",
)
#: Kinds reported as info: copyright footers, publication timestamps and photo credits are template
#: residue, but syndicated, professionally edited articles carry them too.
INFO_KINDS = frozenset({"copyright", "timestamp", "credit"})


@lru_cache(maxsize=16)
def _compiled(extra: tuple[str, ...] = ()) -> dict[str, re.Pattern]:
    return {kind: _kind_pattern(kind, extra) for kind in LEXICON_KINDS}


@lru_cache(maxsize=64)
def _kind_pattern(kind: str, extra: tuple[str, ...] = ()) -> re.Pattern:
    """The whole-line pattern of one kind: compiled when first asked for (a long line asks only for the
    kinds its hints leave, never for read-more, related or share lines)."""
    pats = list(boilerplate_lexicon().get(kind, ()))
    if kind == "read_more":
        pats.extend(extra)
    return re.compile(r"^(?:" + "|".join(f"(?:{p})" for p in pats) + r")$", re.IGNORECASE)


_CORE_KINDS = ("read_more", "related", "share", "subscribe", "cookie", "copyright")
_COLON_KINDS = ("metadata", "timestamp", "credit")


@lru_cache(maxsize=16)
def _combined(extra: tuple[str, ...] = ()) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The per-kind patterns as three alternations with one named group per kind (kinds in
    :data:`LEXICON_KINDS` order, so the first kind that matches the whole line wins, as in a loop)."""
    pats = _compiled(extra)

    def alt(kinds):
        return re.compile("|".join(f"(?P<{k}>{pats[k].pattern[1:-1]})$" for k in kinds), re.IGNORECASE)

    return alt(_CORE_KINDS), alt(_COLON_KINDS), alt(("navigation",))


@lru_cache(maxsize=1)
def _empty_labels() -> frozenset[str]:
    return frozenset(boilerplate_lexicon().get("empty_labels", ()))


#: Words that lead a date line ("Posted ...", "Actualizado ...") in the languages of the lexicon.
_DATE_LEADS = (
    "posted",
    "published",
    "updated",
    "last updated",
    "publicado",
    "actualizado",
    "publié",
    "mis à jour",
    "veröffentlicht",
    "aktualisiert",
    "atualizado",
    "pubblicato",
    "aggiornato",
)

_SUBSCRIBE_HINTS = (
    "subscri",
    "sign up",
    "follow",
    "support",
    "member",
    "you are here",
    "already",
    "get ",
    "join",
    "suscr",
    "síguenos",
    "abonn",
    "inscri",
    "suivez",
    "folgen",
    "assine",
    "inscreva",
    "siga",
    "iscriviti",
    "abbonati",
    "seguici",
    "recibe",
    "email address",
    "required fields",
    "save my name",
    "correo electr",
    "campos obligatorios",
    "adresse",
    "listen to",
    "escuchar",
    "min read",
)
_NAVIGATION_LEADS = ("you are here", "estás en", "estas en", "vous êtes ici", "sie sind hier")
_COPYRIGHT_HINTS = ("©", "(c)", "copyright", "reserv", "vorbehalten", "riservati", "may not be")
_CREDIT_HINTS = ("photo", "foto", "image", "getty", "credit")
_METADATA_LEADS = ("filed", "archived", *_DATE_LEADS)

# ``any(map(s.__contains__, words))``: the substring tests run without a Python frame per word
_LONG_HINTS = {
    "read_more": lambda s: False,
    "related": lambda s: False,
    "share": lambda s: False,
    "subscribe": lambda s: any(map(s.__contains__, _SUBSCRIBE_HINTS)),
    "cookie": lambda s: "cookie" in s or "traceurs" in s,
    "navigation": lambda s: s.startswith(_NAVIGATION_LEADS) or any(map(s.__contains__, (" > ", " » ", " › "))),
    "copyright": lambda s: any(map(s.__contains__, _COPYRIGHT_HINTS)),
    "timestamp": lambda s: s.startswith(_DATE_LEADS),
    "credit": lambda s: any(map(s.__contains__, _CREDIT_HINTS)),
    "metadata": lambda s: ":" in s[:40] or s.startswith(_METADATA_LEADS),
}


def _teaser_title(line: str) -> bool:
    """A short headline-like line (as listed under "Related articles")."""
    n = len(words(line))
    return 2 <= n <= 20 and line.rstrip()[-1:] not in ".:;," and not empty_label(line)


#: The characters of :data:`_LEAD` and :data:`_TRAIL` other than whitespace (``\\s`` is ``str.isspace``).
_LEAD_CHARS = "-–—*•·▪►▸>»›|#[("
_TRAIL_CHARS = ".!?…»›>→|])"


def clean_line(line: str) -> tuple[str, str]:
    """``(with_colon, core)``: the line without list markers/arrows around it; ``core`` also drops a final colon.

    ``_TRAIL.sub("", _LEAD.sub("", line))`` by stripping: the leading and trailing runs of whitespace and
    marker characters (the regexes try every position of the line)."""
    s = line
    while True:
        t = s.lstrip().lstrip(_LEAD_CHARS)
        if t == s:
            break
        s = t
    while True:
        t = s.rstrip().rstrip(_TRAIL_CHARS)
        if t == s:
            break
        s = t
    return s, s.rstrip(": ").strip()


# ---------------------------------------------------------------------------
# Lexicon dispatch: a whole-line pattern can only match a line whose first character it can start with,
# and a pattern that can start anywhere (".{0,120}\\b(we|...) use cookies ...") only a line holding its
# literal words (" cookies"). An ASCII line is matched against the patterns its first character and
# those words leave, in kind order: the same kind as the full alternation, at a fraction of its cost.

_GROUPS = (_CORE_KINDS, _COLON_KINDS, ("navigation",))


def _seq_first(items) -> tuple[frozenset[str] | None, bool]:
    """``(chars, nullable)`` of a parsed sequence: the lower-case ASCII characters its match can start
    with (``None``: any character, or one this analysis does not follow) and whether it can match empty."""
    acc: set[str] = set()
    for op, av in items:
        if str(op) == "AT":
            continue  # \\b, ^: zero width
        first, nullable = _node_first(op, av)
        if first is None:
            return None, False
        acc |= first
        if not nullable:
            return frozenset(acc), False
    return frozenset(acc), True


def _folds(code: int) -> frozenset[str]:
    """The characters whose lower case ``str.lower`` gives (one character; the line's first) for a line
    character that the case-blind pattern character ``code`` matches: sre lower-cases both sides
    (``unicode_tolower``) and adds its extra case pairs (``_casefix``: "σ"/"ς", "µ"/"μ", Cyrillic "в"/"ᲀ",
    ...) to a lower case that has them."""
    lo = _sre.unicode_tolower(code)
    return frozenset(map(chr, (lo, *_EXTRA_CASES.get(lo, ()))))


def _node_first(op, av) -> tuple[frozenset[str] | None, bool]:
    name = str(op)
    if name == "LITERAL":
        return _folds(av), False
    if name == "IN":
        chars: set[str] = set()
        for iop, iav in av:
            kind = str(iop)
            if kind == "LITERAL":
                chars |= _folds(iav)
            elif kind == "RANGE" and iav[1] < 128:
                chars.update(chr(x).lower() for x in range(iav[0], iav[1] + 1))
            else:
                return None, False  # a negated set, a category, a non-ASCII range: any
        return frozenset(chars), False
    if name == "SUBPATTERN":
        return _seq_first(av[-1])
    if name == "BRANCH":
        chars = set()
        nullable = False
        for alt in av[1]:
            first, n = _seq_first(alt)
            if first is None:
                return None, False
            chars |= first
            nullable = nullable or n
        return frozenset(chars), nullable
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        first, n = _seq_first(av[2])
        if first is None:
            return None, False
        return first, av[0] == 0 or n
    return None, False


def _gate(items) -> str | None:
    """The longest run (4+ characters) of literals in a parsed sequence's top level, lower-cased as sre
    lower-cases them: a line the pattern matches holds it in its ``str.lower`` (a literal with extra case
    pairs, such as "σ"/"ς", ends a run)."""
    best, run = "", ""
    for op, av in items:
        lo = _sre.unicode_tolower(av) if str(op) == "LITERAL" else None
        if lo is not None and lo not in _EXTRA_CASES:
            run += chr(lo)
            best = max(best, run, key=len)
        else:
            run = ""
    return best if len(best) >= 4 else None


@lru_cache(maxsize=1)
def _dispatch() -> tuple[list[list[tuple[str, list[tuple[str, frozenset[str] | None, str | None]]]]], tuple[str, ...]]:
    """Per group, per kind: each lexicon pattern with its first characters and its gate; all gates."""
    lex = boilerplate_lexicon()
    groups = []
    gates: set[str] = set()
    for kinds in _GROUPS:
        entries = []
        for kind in kinds:
            info = []
            for pat in lex.get(kind, ()):
                try:
                    parsed = list(_sre_parser.parse(pat, re.IGNORECASE))
                    first, nullable = _seq_first(parsed)
                    gate = _gate(parsed) if first is None or nullable else None
                    if nullable:
                        first = None
                except Exception:  # pragma: no cover - a pattern this analysis cannot read: always tried
                    first, gate = None, None
                if gate:
                    gates.add(gate)
                info.append((pat, first, gate))
            entries.append((kind, info))
        groups.append(entries)
    return groups, tuple(sorted(gates))


@lru_cache(maxsize=512)
def _bucket(group: int, first: str) -> re.Pattern | None:
    """The alternation of :func:`_combined` for one group, cut to the patterns a line starting with
    ``first`` can match, less those a gate guards (:func:`_gated`); ``None`` when none is left."""
    parts = []
    for kind, info in _dispatch()[0][group]:
        sel = [pat for pat, chars, gate in info if (first in chars if chars is not None else gate is None)]
        if sel:
            parts.append(f"(?P<{kind}>(?:" + "|".join(f"(?:{p})" for p in sel) + "))$")
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


@lru_cache(maxsize=8)
def _gated(group: int) -> tuple[tuple[int, str, str, re.Pattern], ...]:
    """``(kind index, kind, gate, whole-line pattern)`` of the group's patterns that can start anywhere
    but need their gate, in kind order: tried alone, only on a line that holds the gate."""
    out = []
    for ki, (kind, info) in enumerate(_dispatch()[0][group]):
        for pat, chars, gate in info:
            if chars is None and gate is not None:
                out.append((ki, kind, gate, re.compile(f"(?:{pat})$", re.IGNORECASE)))
    return tuple(out)


@lru_cache(maxsize=8)
def _any_gate(group: int) -> Callable[[str], re.Match | None] | None:
    """The ``search`` of one pattern holding every gate of the group's :func:`_gated` patterns: a line
    without a match (most lines) needs none of them tried; ``None`` when the group has none."""
    gates = sorted({gate for _ki, _kind, gate, _prx in _gated(group)})
    return re.compile("|".join(map(re.escape, gates))).search if gates else None


#: The four non-ASCII characters that match ASCII letters when the case is ignored ("İ", "ı", "ſ" and
#: the Kelvin sign). A line without them can be dispatched by its first character and its gates, as
#: an ASCII line is: its other non-ASCII characters never match an ASCII character of a pattern, and
#: ``str.lower`` keeps their number (only "İ" lower-cases to two characters).
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


@lru_cache(maxsize=1 << 15)
def _short_kind(core: str, with_colon: str, extra: tuple[str, ...]) -> str | None:
    """Kind of a short line: one match per pattern group; cached, since menus and widgets repeat."""
    if extra or (not with_colon.isascii() and _FOLDS_TO_ASCII.search(with_colon)):
        for rx, target in zip(_combined(extra), (core, with_colon, core), strict=True):
            m = rx.match(target)
            if m:
                return m.lastgroup
        return None
    # core is with_colon less its end: the same first character, and no gate that with_colon lacks
    low = with_colon.lower()
    for gi, target in enumerate((core, with_colon, core)):
        bucket = _bucket(gi, low[0])
        m = bucket.match(target) if bucket is not None else None
        found = m.lastgroup if m else None
        gate_search = _any_gate(gi)
        if gate_search is not None and gate_search(low):  # else no gated pattern can match the line
            rank = _GROUPS[gi].index(found) if found else len(_GROUPS[gi])
            for ki, kind, gate, prx in _gated(gi):
                if ki >= rank:
                    break  # the first kind that matches wins, as in the full alternation
                if gate in low and prx.match(target):
                    found = kind
                    break
        if found:
            return found
    return None


def lexicon_kind(line: str, extra: tuple[str, ...] = ()) -> str | None:
    """The boilerplate kind a whole line belongs to, or ``None``."""
    return _lexicon_kind(line, tuple(extra))


@lru_cache(maxsize=1 << 15)
def _lexicon_kind(line: str, extra: tuple[str, ...]) -> str | None:
    """:func:`lexicon_kind`, cached by line: menus, share bars and footers repeat within a page and across
    the pages of a site."""
    with_colon, core = clean_line(line)
    if not core or len(core) > 400:
        return None
    long = len(core) > 60
    if not long:
        return _short_kind(core, with_colon, tuple(extra))
    low = core.lower()
    for kind in LEXICON_KINDS:
        if long and not extra and not _LONG_HINTS[kind](low):
            continue  # long lines can only be cookie, copyright or metadata lines
        target = with_colon if kind in ("metadata", "timestamp", "credit") else core
        if _kind_pattern(kind, extra).match(target):
            return kind
    return None


#: Kinds whose lines are buttons, menu items or widget headers: never closed by a full stop.
_LINK_KINDS = frozenset({"share", "navigation", "related", "subscribe"})
_CONT_END = re.compile(r"[^\W_][,;]?$")


def continues_sentence(text: str, prev, span) -> bool:
    """Does the line at ``span`` continue the sentence of the line just above it (hard-wrapped text)? It
    starts with a lower-case letter right after a line break, and the line above ends inside a sentence
    (a word, a figure or a comma)."""
    first = text[span.start : span.start + 1]
    if not first.islower() or text[prev.end : span.start].count("\n") != 1:
        return False
    return bool(_CONT_END.search(text[max(prev.start, prev.end - 3) : prev.end].rstrip()))


def _closed_heading(line: str) -> bool:
    s = line.strip()
    return s.endswith(".") and not s.endswith(("..", "…")) and len(s.split()) <= 4


def empty_label(line: str) -> bool:
    """Is the line only a metadata label with a colon (``Tags:``)?"""
    s = line.strip()
    return s.endswith(":") and normalize_line(s[:-1]).strip(" -–*•") in _empty_labels()


_NAME = r"(?:[A-ZÀ-ÖØ-Þ][\w'’.-]+\s+){0,3}[A-ZÀ-ÖØ-Þ][\w'’.-]+"
_FIRST_PERSON = (
    r"(?:My name is|I am|I['’]m|I have|I was|Mi nombre es|Me llamo|Soy|Je m['’]appelle|Je suis|"
    r"Mein Name ist|Ich bin|Meu nome é|Sou|Mi chiamo|Sono)"
)
_THIRD_PERSON = r"(?:is|has been|was born|writes|covers|es|ha sido|escribe|est|ist|é|è)"
#: "About the author NAME is ..." (any verb), or a bare byline prefix ("Author", "By", "Por") glued to
#: a first-person bio ("Author Melinda Kukaj My name is ..."): "Author J.K. Rowling is ..." is a news lede.
_BIO_GLUED = re.compile(
    r"^(?:(?:About the author|About the writer|Sobre (?:el|la) autora?|Acerca del autor|À propos de l['’]auteur|"
    r"Über (?:den|die) Autor(?:in)?|Sobre o autor|Sobre a autora|Sull['’]autore)\s*:?\s+("
    + _NAME
    + r")\s+(?:"
    + _FIRST_PERSON
    + "|"
    + _THIRD_PERSON
    + r")"
    r"|(?:Author|Written by|Posted by|By|Autora?|Escrito por|Publicado por|Por|Auteure?|Par|Von|Di|L['’]autore)"
    r"\s*:?\s+(" + _NAME + r")\s+" + _FIRST_PERSON + r")(?=\s)",
)
_BIO_FIRST_PERSON = re.compile(
    r"^(?:My name is|Hi,? I['’]m|Mi nombre es|Me llamo|Je m['’]appelle|Mein Name ist|Meu nome é|Mi chiamo)\s+"
    + _NAME
    + r"\s*(?:,|and|y|et|und|e)\s+(?:I|I['’]m|soy|je|ich|sou|sono)\b",
)


#: Boilerplate glued inside prose: an interstitial ("Advertisement", "Story continues below") between
#: two sentences, or an upper-case promo label ("RELATED:", "READ MORE:") with its teaser up to the line end.
#: The sentence end before it is consumed as a literal prefix (group ``b`` is the boilerplate): a
#: lookbehind at every position ran 4x slower for the same matches.
_INLINE_LABELS = (
    r"(?:RELATED|READ MORE|READ ALSO|SEE ALSO|MORE|WATCH|LISTEN|LEA TAMBIÉN|LEA MÁS|LEER MÁS|"
    r"TE PUEDE INTERESAR|VEA TAMBIÉN|LIRE AUSSI|À LIRE AUSSI|LESEN SIE AUCH|LEIA TAMBÉM|LEGGI ANCHE)"
    r"\s*:[^\n]*"
)
_INLINE = re.compile(
    r"[.!?”\"’] (?P<b>(?:ADVERTISEMENT|Advertisement|Skip Advertisement|Story continues below(?: advertisement)?|"
    r"Continue reading (?:below|the main story)|Article continues below(?: advertisement)?|Publicidad|PUBLICIDAD|"
    r"Sigue leyendo|Anzeige|Werbung|Publicité)(?= [A-Z“\"¿¡])"
    r"|(?:Share this (?:article|story|post)|Share on (?:Facebook|Twitter|X|WhatsApp|LinkedIn)|"
    r"(?:Subscribe|Sign up) (?:to|for) our (?:free )?newsletters?|Click here to (?:subscribe|read more|sign up)|"
    r"Continue reading|Comparte esta (?:noticia|nota)|Suscr[ií]bete a nuestro bolet[ií]n|Leer m[aá]s|"
    r"Abonnez-vous à notre newsletter|Lire la suite)(?=[ \t]*(?:\n|$)|[ \t]+[A-Z“\"¿¡])"
    r"|(?:Read more|Read also|See also|Related|Leer m[aá]s|Lee tambi[eé]n|Lea tambi[eé]n|Lire aussi|"
    r"Lesen Sie auch|Leia tamb[eé]m|Leggi anche)\s*:\s*[A-ZÀ-Þ“\"¿¡][^\n]*"
    r"|" + _INLINE_LABELS + ")"
)
_INLINE_LINE = re.compile(r"^(?P<b>" + _INLINE_LABELS + ")", re.MULTILINE)
#: :data:`_INLINE_LINE` in two parts: at the text's start, and after a newline (a literal the search
#: jumps to, where ``^`` is tried at every position).
_INLINE_LINE_FIRST = re.compile(r"(?P<b>" + _INLINE_LABELS + ")")
_INLINE_LINE_NEXT = re.compile(r"\n(?P<b>" + _INLINE_LABELS + ")")


def _line_labels(text: str) -> list[tuple[int, int]]:
    """The spans of ``_INLINE_LINE.finditer(text)`` (group ``b``): a match at the start, then the
    matches after a newline from its end on (``^`` matches exactly there; a match may span lines)."""
    first = _INLINE_LINE_FIRST.match(text)
    out = [first.span("b")] if first else []
    out += [m.span("b") for m in _INLINE_LINE_NEXT.finditer(text, first.end() if first else 0)]
    return out


def inline_boilerplate(text: str) -> list[tuple[int, int]]:
    """Spans of boilerplate glued into prose lines."""
    spans = [m.span("b") for m in _INLINE.finditer(text)]
    spans += _line_labels(text)
    return sorted(spans)


def find_bio(passage: str, is_last: bool) -> str | None:
    """``"glued"`` for a byline glued to a bio, ``"first-person"`` for a closing first-person bio."""
    if _BIO_GLUED.match(passage):
        return "glued"
    if is_last and _BIO_FIRST_PERSON.match(passage):
        return "first-person"
    return None


# ---------------------------------------------------------------------------
# Checks


@dataclass(frozen=True)
class BoilerplateConfig:
    #: Lines with more words than this are never lexicon boilerplate.
    max_words: int = 40
    #: Extra whole-line regular expressions (case-insensitive) treated as boilerplate.
    extra_patterns: tuple[str, ...] = ()


class BoilerplateCheck(DocumentCheck):
    rules = (ART002, ART003, ART004)
    section = "boilerplate"
    config_class = BoilerplateConfig
    order = 60

    def preload(self) -> None:
        _compiled()
        for group in range(len(_GROUPS)):
            _any_gate(group)

    def check(self, ctx: DocContext) -> Iterable[Finding]:
        text = ctx.text
        out: list[Finding] = []
        lines = ctx.lines
        block_end = 0
        word_counts = ctx.line_word_counts
        max_words = self.config.max_words
        for i, span in enumerate(lines):
            if word_counts[i] > max_words or span.end - span.start > 2000:
                continue
            line = text[span.start : span.end]
            # lines are stripped: only one ending in ":" can be a label; only one starting in lower
            # case can continue the sentence above (the tests of empty_label and continues_sentence)
            if line[-1] == ":" and empty_label(line):
                nxt = [text[s.start : s.end] for s in lines[i + 1 : i + 2]]
                if not nxt or empty_label(nxt[0]) or lexicon_kind(nxt[0]):
                    out.append(
                        ART003.finding(
                            span,
                            f"empty metadata label {line.strip()!r}: the template label was kept without its value",
                            data={"label": line.strip()},
                        )
                    )
                    continue
            if i < block_end:
                continue
            if i and line[0].islower() and continues_sentence(text, lines[i - 1], span):
                continue  # the end of a hard-wrapped sentence ("... 1.53 dlrs a\nshare."), not a template line
            kind = lexicon_kind(line, self.config.extra_patterns)
            if kind in _LINK_KINDS and _closed_heading(line):
                continue  # "Print." / "See also." closed by a full stop: a heading, not a button or menu item
            if kind:
                end = span.end
                if kind in ("related", "read_more"):  # the teaser titles listed under the header
                    k = i + 1
                    while k < len(lines) and k <= i + 8 and _teaser_title(text[lines[k].start : lines[k].end]):
                        end = lines[k].end
                        k += 1
                    block_end = k
                out.append(
                    ART002.finding(
                        (span.start, end),
                        f"template boilerplate ({kind.replace('_', ' ')}): {line[:80]!r}"
                        + (f" and {block_end - i - 1} teaser title(s)" if end > span.end else ""),
                        data={"kind": kind},
                        severity=Severity.INFO if kind in INFO_KINDS else None,
                    )
                )
        flagged = {f.start for f in out}
        for s, e in inline_boilerplate(text):
            if s not in flagged:
                out.append(
                    ART002.finding(
                        (s, e), f"template boilerplate glued into the text: {text[s:e][:80]!r}", data={"kind": "inline"}
                    )
                )
        passages = ctx.passages
        for j, p in enumerate(passages):
            ptext = text[p.start : p.end]
            how = find_bio(ptext, is_last=j >= len(passages) - 2)
            if how:
                msg = (
                    "author byline and biography glued into the article text"
                    if how == "glued"
                    else "first-person author biography at the end of the article"
                )
                out.append(ART004.finding(p, msg, data={"kind": how}))
        return out
