"""Attribution cues: who says what, according to whom.

:func:`find_attributions` finds the attribution cues of a span (reporting verbs with their subject,
"according to X", "the survey found", "in the 50-state poll", "Source: X") and the source each names
(see :mod:`audit.sourcing.sources`): a named person or organisation, an outlet, a document, a role
("officials"), a pronoun, or a vague source ("critics", "some") which counts as weasel wording.
Quotes are in :mod:`audit.sourcing.quotes`, tables and headline outlets in :mod:`audit.sourcing.tables`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from audit.sourcing.cues import CueIndex, Keys, headed_keys, open_keys
from audit.sourcing.lead import lead_all
from audit.sourcing.lexicon import Lexicon
from audit.sourcing.sources import (
    _ADJ_PRECEDERS,
    _BOUNDARY,
    _CAME_FROM,
    _CAME_FROM_KEYS,
    _FIGURE_SUBJECT,
    _FRAMED_AFTER,
    _NAME_SEQ,
    _PAREN_SOURCE,
    _PASSIVE_ADVERB_BEFORE,
    _PASSIVE_BEFORE,
    _PREP_SOURCE,
    _PREP_SOURCE_KEYS,
    _QUANTIFIED_SUBJECT,
    _SOURCE_QUALIFIER,
    _UPPER,
    DATED_DOCUMENT,
    NAMED_AFTER,
    ORG_NOUNS,
    ROLE_NOUNS,
    _name_before,
    _name_before_first,
    _np_after,
    _subject_before,
    classify_source,
)


@dataclass(slots=True)
class Attribution:
    start: int  # the cue
    end: int
    cue: str
    kind: str  # verb | cue | evidence | weasel | passive
    source: str | None = None
    source_kind: str | None = None  # named | outlet | document | role | pronoun | subject | vague
    outlet: str | None = None
    extra: dict = field(default_factory=dict)

    @property
    def vague(self) -> bool:
        return self.kind == "weasel" or self.source_kind == "vague"

    @property
    def valid(self) -> bool:
        """Counts as attribution (a source that can be identified or looked up)."""
        return not self.vague and self.kind != "passive" and self.source_kind is not None


#: The CueIndex of the text last read without one (tests and callers outside the analysis).
_LAST_INDEX: list[CueIndex] = []


def _index_of(text: str) -> CueIndex:
    if not _LAST_INDEX or _LAST_INDEX[0].text is not text:
        _LAST_INDEX[:] = [CueIndex(text)]
    return _LAST_INDEX[0]


_PATTERNS: dict[int, tuple[Lexicon, tuple[tuple[re.Pattern, Keys], ...]]] = {}


def _patterns(lex: Lexicon) -> tuple[tuple[re.Pattern, Keys], ...]:
    """The cue patterns read for ``lex`` with the first words of their entries (one tuple per lexicon)."""
    got = _PATTERNS.get(id(lex))
    if got is None or got[0] is not lex:
        got = (lex, _pattern_list(lex))
        _PATTERNS[id(lex)] = got
    return got[1]


def _pattern_list(lex: Lexicon) -> tuple[tuple[re.Pattern, Keys], ...]:
    return (
        (lex.weasel_re, lex.weasel_keys),
        (lex.hidden_passive_re, lex.hidden_passive_keys),
        (lex.cue_re, lex.cue_keys),
        (lex.verb_re, lex.verb_keys),
        (_PREP_SOURCE, _PREP_SOURCE_KEYS),
        (_CAME_FROM, _CAME_FROM_KEYS),
        (lex.evidence_re, lex.evidence_keys),
        (_FRAMING_SOURCE, _FRAMING_SOURCE_KEYS),
    )


class _Found:
    """The cues found so far in a span, and the character ranges they take; ``index``: the document's
    pattern matches."""

    __slots__ = ("out", "taken", "index")

    def __init__(self, index: CueIndex) -> None:
        self.out: list[Attribution] = []
        self.taken: list[tuple[int, int]] = []
        self.index = index

    def free(self, s: int, e: int) -> bool:
        for a, b in self.taken:
            if e > a and s < b:
                return False
        return True


def find_attributions(
    text: str, start: int, end: int, lex: Lexicon, index: CueIndex | None = None
) -> list[Attribution]:
    """Attribution cues in ``text[start:end]`` (``text`` should have its quotes masked).

    Each family of cue is collected in turn (the order matters: a span taken by an earlier cue, a weasel
    phrase say, is not read again as a reporting verb). ``index``: the pattern matches of ``text`` (a
    :class:`CueIndex` of it; made here when not given).
    """
    if index is None or index.text is not text:
        index = _index_of(text)
    collectors = _COLLECTORS
    if not index.any_match(_patterns(lex), start, end):  # (also finds every pattern's matches in one go)
        if lex.language != "es" and text.find("(", start, end) < 0:
            return []  # no cue pattern matches in the span, no parenthesis, no Spanish dropped subject
        collectors = _CUELESS  # the others read only the cue patterns' matches: none here
    found = _Found(index)
    for collect in collectors:
        collect(text, start, end, lex, found)
    found.out.sort(key=lambda a: a.start)
    return found.out


def cue_starts(text: str, lex: Lexicon, index: CueIndex) -> list[int]:
    """Where some cue pattern of ``lex`` matches in ``text`` (``index``: its :class:`CueIndex`), sorted: a span with
    none of these offsets, no parenthesis, in a language other than Spanish, has no attribution
    (:func:`find_attributions` returns ``[]`` for it), so a document's sentences can be tested by bisection."""
    if index.text is not text:
        raise ValueError("the index is not of this text")
    return index.any_starts(_patterns(lex))


def _pro_drop(text: str, start: int, end: int, lex: Lexicon, found: _Found) -> None:
    """Spanish drops the subject pronoun: "Añadió que..."."""
    out = found.out
    taken = found.taken
    pro = _PRO_DROP.match(text, start, end) if lex.language == "es" else None
    if (
        pro
        and (pro.group(1).lower() in lex.reporting_verbs or pro.group(1).lower() in lex.evidence_verbs)
        and (_PRO_DROP_AFTER.match(text, pro.end(), end))
    ):
        # Spanish drops the subject pronoun: "Añadió que...", "También precisó que..." (he/she said).
        out.append(Attribution(pro.start(1), pro.end(1), pro.group(1), "verb", "él/ella", "pronoun"))
        taken.append((pro.start(1), pro.end(1)))


#: Weasel phrases whose last word is a piece of work that can have a named author ("according to estimates by...").
_AUTHORED = frozenset("estimates studies research polls surveys estimaciones cálculos estudios".split())


def _weasels(text: str, start: int, end: int, lex: Lexicon, found: _Found) -> None:
    """Weasel phrases: "critics say", "se dice"."""
    out = found.out
    taken = found.taken
    for m in found.index.matches(lex.weasel_re, lex.weasel_keys, start, end):
        if m.group(0).lower().endswith(("fuentes", "sources")) and _SOURCE_QUALIFIER.match(text, m.end()):
            continue  # "según fuentes policiales": a role, like "police sources"
        if (
            m.group(0).lower().rsplit(None, 1)[-1] in _AUTHORED
            and (named := NAMED_AFTER.match(text, m.end(), end)) is not None
        ):
            # "according to estimates by the US government": the estimates have an author
            np = _np_after(text, named.end() - 1, end)
            src = text[m.end() : np[1] if np else named.end()].strip()
            out.append(Attribution(m.start(), m.end(), m.group(0), "cue", src, "named"))
            taken.append((m.start(), m.end()))
            continue
        e = m.end()
        if m.group(0)[:3].lower() == "it ":
            if _BY_AFTER.match(text, e, end):
                continue  # "It has been reported by Reuters that": the agent is the source (read as a reporting verb)
            if (that := _THAT_END.search(m.group(0))) is not None:
                e = m.start() + that.start()  # "it was reported that": the cue is "it was reported"
        out.append(Attribution(m.start(), e, text[m.start() : e], "weasel", text[m.start() : e], "vague"))
        taken.append((m.start(), e))


_THAT_END = re.compile(r"\s+that$", re.I)


def _hidden_passives(text: str, start: int, end: int, lex: Lexicon, found: _Found) -> None:
    """Agentless passives: "were told to"."""
    out = found.out
    taken = found.taken
    free = found.free
    for m in found.index.matches(lex.hidden_passive_re, lex.hidden_passive_keys, start, end):
        if free(m.start(), m.end()):
            out.append(Attribution(m.start(), m.end(), m.group(0), "passive"))
            taken.append((m.start(), m.end()))


def _cue_phrases(text: str, start: int, end: int, lex: Lexicon, found: _Found) -> None:
    """Cue phrases with the source after or before them: "according to X", "in a statement"."""
    out = found.out
    taken = found.taken
    free = found.free
    for m in found.index.matches(lex.cue_re, lex.cue_keys, start, end):
        if not free(m.start(), m.end()):
            continue
        cue = m.group(0)
        low = " ".join(cue.lower().split())
        if low.endswith(":"):
            np = _np_after(text, m.end(), end, 10)
        elif low.startswith(("a spokes", "un portavoz", "una portavoz", "un vocero", "una vocera")):
            org = _SPOKESPERSON_OF.match(text[m.end() : end])
            src = org.group(1) if org else None
            out.append(Attribution(m.start(), m.end(), cue, "cue", src, "named" if src else "role"))
            taken.append((m.start(), m.end()))
            continue
        elif low in ("told reporters",) or low.startswith(
            ("in a", "in an", "en un", "en una", "en decl", "en rueda", "en conf")
        ):
            src, kind, outlet = _subject_before(text, start, m.start(), lex)
            a = Attribution(m.start(), m.end(), cue, "cue", src, kind or "role", outlet)
            out.append(a)
            taken.append((m.start(), m.end()))
            continue
        elif low.startswith(("the survey", "the study", "the report", "the data")):
            np = (m.start(), m.start() + len(cue.split()[0]) + 1 + len(cue.split()[1]))
        elif low in ("según", "according to") and _WHICH_AFTER.match(text, m.end(), end):
            # "un informe del Banco de España según el cual...", "a GAO report, according to which...": the
            # source is the noun phrase the relative pronoun stands for.
            last = _LAST_WORDS.search(text[start : m.start()].rstrip(" ,"))
            np = (start + last.start(), start + last.end()) if last else None
        else:
            np = _np_after(text, m.end(), end)
        src = text[np[0] : np[1]] if np else None
        kind, outlet = classify_source(src, lex) if src else (None, None)
        if (
            kind is None
            and src
            and low in _ACCORDING
            and _sourced_thing(src)
            and (not text[start : m.start()].strip() or text[start : m.start()].rstrip().endswith(","))
        ):
            kind = "document"  # "according to results released in January", "según el plan de ajuste"
        if src and np is not None and kind == "named":  # (a source phrase always has its span)
            name = _name_before(text, np[0], np[1])
            src = name or src
        out.append(Attribution(m.start(), m.end(), cue, "cue", src, kind, outlet))
        taken.append((m.start(), m.end()))


def _reporting_verbs(text: str, start: int, end: int, lex: Lexicon, found: _Found) -> None:
    """Reporting verbs with their subject: "the mayor said", "said Smith"."""
    out = found.out
    taken = found.taken
    free = found.free
    for m in found.index.matches(lex.verb_re, lex.verb_keys, start, end):
        if not free(m.start(), m.end()):
            continue
        if _SE_BEFORE.search(text[max(start, m.start() - 4) : m.start()]):
            if m.group(0) not in lex.listed_verbs and not _SPEECH_FRAME.match(text, m.end(), end):
                continue  # a generated form as a passive or a reflexive: "se escriben igual", "la imagen que se proyecta"
            # Impersonal "se estima", "se informó": nobody is named.
            weasel = Attribution(m.start() - 3, m.end(), text[m.start() - 3 : m.end()], "weasel", None, "vague")
            out.append(weasel)
            taken.append((weasel.start, weasel.end))
            continue
        se = _SE_HABER_BEFORE.search(text, max(start, m.start() - 14), m.start()) if lex.language == "es" else None
        if se is not None and not _SPEECH_FRAME.match(text, m.end(), end):
            continue  # a passive: "se ha publicado un libro"
        if se is not None:
            # Impersonal "se ha informado", "se había calculado": nobody is named either.
            weasel = Attribution(se.start(1), m.end(), text[se.start(1) : m.end()], "weasel", None, "vague")
            out.append(weasel)
            taken.append((weasel.start, weasel.end))
            continue
        if any(w.kind == "weasel" and w.end <= m.start() and not text[w.end : m.start()].strip(" ,") for w in out):
            continue  # "Fuentes del sector aseguran": the subject is the weasel phrase itself
        if m.group(0) in _NAMING_PARTICIPLES and _named_study(text, start, end, m):
            continue  # "A study published in Circulation": a document named by its journal (read as a source below)
        a = _verb_attribution(text, start, end, m, lex)
        if (
            a is not None
            and a.source
            and a.source_kind in ("role", None)
            and a.start > 0
            and (_QUANTIFIED_SUBJECT.search(a.source) and text.find(a.source, start, a.start) >= 0)
        ):
            continue  # the subject is the statistic itself: "9,000 patients admitted", "half of voters say"
        if (
            a is not None
            and a.source
            and any(w.kind == "weasel" and w.end <= m.start() and w.cue.lower() in a.source.lower() for w in out)
        ):
            continue  # "Fuentes cercanas a la negociación aseguran": a weasel subject
        if a is not None and a.cue.lower() in _FEAR_ALL and not _named_fear(text, a, end):
            continue  # a fear is a source's claim only when the source is named ("Officials fear that…" stays unsourced)
        if a is not None:
            out.append(a)
            taken.append((m.start(), m.end()))


_AGENT_END = re.compile(r"\s+(?:to|as|for|with|from)\s")
_NAMING_PARTICIPLES = frozenset(("published", "released", "issued", "conducted"))


def _named_study(text: str, start: int, end: int, m: re.Match) -> bool:
    """The participle ``m`` names a study by its journal or its author ("A study published in Circulation", "a survey
    conducted by Gallup"): a match of the prepositional sources that spans it."""
    p = _PREP_SOURCE.search(text, max(start, m.start() - 20), min(end, m.end() + 60))
    return p is not None and p.start() < m.start() and p.end() > m.end()


#: A change told just before "from the 2001 census": "down by 2.9 percentage points", "up 4%", "rose sharply".
_CHANGE_BEFORE = re.compile(
    r"(?i)\b(?:up|down|rose|risen|rising|fell|fallen|falling|increased?|decreased?|increasing|decreasing|dropped|"
    r"declined?|grew|grown|climbed|changed?|compared)\b(?:[^.;:!?]|\.\d){0,40}$"
)


def _prepositional_sources(text: str, start: int, end: int, lex: Lexicon, found: _Found) -> None:
    """ "in the 50-state poll", "under Missouri law"."""
    out = found.out
    taken = found.taken
    free = found.free
    for m in found.index.matches(_PREP_SOURCE, _PREP_SOURCE_KEYS, start, end):
        if m.group(0)[:4] in ("from", "From") and _CHANGE_BEFORE.search(text, max(start, m.start() - 50), m.start()):
            continue  # "down by 2.9 percentage points from the 2001 Census": the baseline compared with, no source
        if free(m.start(), m.end()):
            # "in the 50-state poll", "en la encuesta del CIS", "under Missouri law": the place the figures are from.
            out.append(Attribution(m.start(), m.end(), m.group(0), "cue", m.group(0), "document"))
            taken.append((m.start(), m.end()))


def _came_from(text: str, start: int, end: int, lex: Lexicon, found: _Found) -> None:
    """ "The figure came from the campaign"."""
    out = found.out
    taken = found.taken
    free = found.free
    for m in found.index.matches(_CAME_FROM, _CAME_FROM_KEYS, start, end):
        if not free(m.start(), m.end()) or not _FIGURE_SUBJECT.search(text, start, m.start()):
            continue
        np = _np_after(text, m.end(), end)
        src = text[np[0] : np[1]] if np else None
        kind, outlet = classify_source(src, lex) if src else (None, None)
        if kind is not None:
            # "The figure came from the campaign", "Las cifras proceden del INE".
            out.append(Attribution(m.start(), m.end(), m.group(0), "cue", src, kind, outlet))
            taken.append((m.start(), m.end()))


def _parenthesised_sources(text: str, start: int, end: int, lex: Lexicon, found: _Found) -> None:
    """An outlet in parentheses after the claim: "(Reuters)"."""
    out = found.out
    taken = found.taken
    free = found.free
    if text.find("(", start, end) < 0:
        return
    for m in _parens_in(text, start, end):
        if not free(m.start(), m.end()) or len(text[start : m.start()].split(None, 2)) < 3:
            continue  # "LONDON (Reuters) -": a dateline names the outlet that writes, not a source
        source = _paren_source(text, m, lex)
        if source is not None:
            inner, kind, outlet = source
            out.append(Attribution(m.start(), m.end(), m.group(0), "cue", inner, kind, outlet))
            taken.append((m.start(), m.end()))


#: The text read last, its parenthesised sources (:func:`_paren_source`) by the parenthesis' span and lexicon, and the
#: matches of ``_PAREN_SOURCE`` in it with their starts and ends (:func:`_parens_in`; None until asked).
_PARENS: list = [None, {}, None]


def _parens_in(text: str, start: int, end: int) -> list[re.Match]:
    """``list(_PAREN_SOURCE.finditer(text, start, end))``, read off the matches in the whole text: a match runs from
    a "(" to the first ")" after it with no other parenthesis between, so the matches inside a span are the matches
    of the whole text that lie inside it."""
    if _PARENS[0] is not text:
        _PARENS[0], _PARENS[1], _PARENS[2] = text, {}, None
    got = _PARENS[2]
    if got is None:
        found = list(_PAREN_SOURCE.finditer(text))
        got = _PARENS[2] = (found, [m.start() for m in found], [m.end() for m in found])
    found, starts, ends = got
    i = bisect.bisect_left(starts, start)
    return found[i : bisect.bisect_right(ends, end, i)]


def _paren_source(text: str, m: re.Match, lex: Lexicon) -> tuple[str, str | None, str | None] | None:
    """(source, kind, outlet) named by the parenthesis ``m`` (a match of ``_PAREN_SOURCE``), or None: a function of
    its text and ``lex``, kept for the document (a parenthesis is read for its sentence and again for the spans
    around the quotes)."""
    if _PARENS[0] is not text:
        _PARENS[0], _PARENS[1], _PARENS[2] = text, {}, None
    key = (m.start(), m.end(), id(lex))
    got = _PARENS[1].get(key)
    if got is not None and got[0] is lex:
        return got[1]
    inner = m.group(1).strip()
    inner = _SOURCE_LABEL.sub("", inner)
    kind, outlet = classify_source(inner, lex)
    source = None
    if (
        kind == "outlet"
        or (kind in ("named", "document") and _SOURCE_WORD.match(m.group(1)))
        or (kind == "document" and DATED_DOCUMENT.fullmatch(inner))  # "(2000 population census)"
        or (kind != "outlet" and _DATED_DATA.fullmatch(inner))  # "(censo de 2011)"
    ):
        source = (inner, "document" if _DATED_DATA.fullmatch(inner) else kind, outlet)
    _PARENS[1][key] = (lex, source)
    return source


def _evidence_verbs(text: str, start: int, end: int, lex: Lexicon, found: _Found) -> None:
    """Evidence verbs whose subject is a document or researchers: "the survey found"."""
    out = found.out
    taken = found.taken
    free = found.free
    for m in found.index.matches(lex.evidence_re, lex.evidence_keys, start, end):
        if not free(m.start(), m.end()):
            continue
        if m.group(0) in lex.document_verbs:
            # "The report explores data showing", "figures showing that": only right after its document.
            src = _document_subject(text, start, m.start(), lex)
            if src is not None and not any(
                not text[b : text.rfind(src, start, m.start())].strip() for _a, b in taken
            ):  # (not the object of a cue just before: "The report explores data showing")
                out.append(Attribution(m.start(), m.end(), m.group(0), "evidence", src, "document"))
                taken.append((m.start(), m.end()))
            continue
        left = text[max(start, m.start() - 80) : m.start()]
        if m.group(0) in _PLURAL_LIKE and not _SPEECH_FRAME.match(text, m.end(), end):
            continue  # "municipalities and states": a plural noun unless it reports ("The 2003 Report reports that")
        if m.group(0) in _PUT_FORMS and not _AT_FIGURE.match(text, m.end(), end):
            continue  # "puts the population at 412,000" reports a figure; "has put together a series" does not
        if m.group(0) in lex.ambiguous:
            prev = left.split()[-1:]
            p = prev[0].lower().strip(",") if prev else ""
            if p in _ADJ_PRECEDERS:
                continue  # "an estimated 135 million", "the reported cases": an adjective, as for reporting verbs
        clause = _CLAUSE_SPLIT.split(left)[-1]
        words = [_plain(w) for w in clause.split()][-7:]
        if not any(w in lex.document_nouns for w in words) and left.rstrip().endswith(","):
            # "The survey of 1,200 voters, conducted by Gallup, found": the subject opens the sentence.
            head = _HEAD_SPLIT.split(text[start : m.start()])[0]
            if len(head.split()) <= 8:
                clause = head
                words = [_plain(w) for w in clause.split()][:7]
        if not any(w in lex.document_nouns or w in lex.research_nouns for w in words):
            # A long noun phrase between the evidence noun and its verb: "A 2014 examination by the state
            # auditor of every county jail found", "New numbers released Tuesday by the Division of
            # Elections show": the subject's head noun is among the first words of the sentence.
            subject = text[start : m.start()]
            if (
                len(subject.split()) <= 30
                and not _CLAUSE_BREAK.search(subject)
                and (m.group(0) not in lex.reporting_verbs or "," not in subject)
            ):  # (a verb the reporting reading turned down: one clause, "Love signed with Virgin Records ..., and
                # initially recorded it" is not the records' account)
                opening = [_plain(w) for w in subject.split()[:5]]
                if any(w in lex.document_nouns for w in opening):
                    clause, words = subject, opening
        if (
            words
            and words[-1] in ("it", "they")
            or words[-2:-1]
            and words[-2] in ("it", "they")
            and words[-1] in ("also", "further", "too")
        ):
            # "It also found": the pronoun stands for the study or report just named.
            out.append(Attribution(m.start(), m.end(), m.group(0), "evidence", "it", "pronoun"))
            taken.append((m.start(), m.end()))
        elif any(w in lex.research_nouns for w in words) and not any(w in lex.document_nouns for w in words):
            name = _name_before(text, m.start() - len(clause), m.start())
            out.append(
                Attribution(
                    m.start(), m.end(), m.group(0), "evidence", name or clause.strip(), "named" if name else "role"
                )
            )
            taken.append((m.start(), m.end()))
        elif any(w in lex.document_nouns for w in words):
            name = _name_before(text, m.start() - len(clause), m.start())
            kind = "document"
            if words and words[0] in ("a", "an", "un", "una") and not name and len(words) <= 2:
                kind = "vague"  # "a memo shows": which memo? ("a 2022 audit", "a Pew survey" are specific)
            out.append(Attribution(m.start(), m.end(), m.group(0), "evidence", name or clause.strip(), kind))
            taken.append((m.start(), m.end()))
        elif (
            _SOURCE_OBJECT.match(text, m.end(), end)
            or (m.group(0).lower() in _COUNTING_VERBS and _FIGURE_OBJECT.match(text, m.end(), end))
        ) and (speaker := _speaking_subject(text, start, m, lex)):
            # A named body or a person that finds, lists or gives figures: "The Viasna Human Rights Centre lists 11
            # political prisoners", "Hilberg gives an estimate of 5.1 million", "Medco Health Solutions found that".
            out.append(Attribution(m.start(), m.end(), m.group(0), "evidence", speaker[0], speaker[1], speaker[2]))
            taken.append((m.start(), m.end()))
        elif _LAST_COMMA_CLAUSE.search(left) and _TAIL_TAG.match(text[m.end() : end]):
            # A trailing tag: "Attacks rose 70% last year, security firm Check Point found in its annual report."
            name = _name_before(text, m.start() - len(clause), m.start())
            if name and len(clause.split()) <= 6:
                name_kind, outlet = classify_source(name, lex)
                out.append(Attribution(m.start(), m.end(), m.group(0), "evidence", name, name_kind or "named", outlet))
                taken.append((m.start(), m.end()))


#: Words that open a document's noun phrase: "the report", "A 2019 study", "their latest analysis".
_NP_DETERMINERS = frozenset(
    "the a an this that these those its their his her our new el la los las un una este esta estos estas su sus "
    "nuevo nueva".split()
)
#: Adverbs between a document and its verb: "The report also explores".
_NP_ADVERBS = frozenset("also further then now too además también".split())
#: Bare plural documents with no determiner name nobody ("studies showing", "there are surveys suggesting").
_BARE_VAGUE = frozenset("studies surveys polls reports research analyses estudios encuestas informes".split())


def _document_subject(text: str, start: int, pos: int, lex: Lexicon) -> str | None:
    """The noun phrase right before ``pos`` (a verb of :attr:`Lexicon.document_verbs`) when it names a document or
    researchers: "The report" (explores), "A 2019 study" (examined), "bank records" (indicating), "the authors"
    (analysed); at most a determiner and three modifiers before the head noun, in the verb's clause, not a passive
    ("records and properties are examined") and not a bare plural of studies ("studies showing")."""
    if _PASSIVE_BEFORE.search(text, max(start, pos - 12), pos) or _PASSIVE_ADVERB_BEFORE.search(
        text, max(start, pos - 30), pos
    ):
        return None
    words = text[max(start, pos - 80) : pos].split()
    while words and words[-1].lower() in _NP_ADVERBS:
        words.pop()
    if not words or _BOUNDARY.search(words[-1]):
        return None
    if words[-1][:1].isupper() and text[start:pos].split()[0] != words[-1]:
        return None  # the end of a name: "the Federal Bureau of Investigation investigated"
    head = _plain(words[-1])
    plural_research = head in lex.research_nouns and head.endswith("s")
    if head not in lex.document_nouns and not plural_research:
        return None
    phrase = [words[-1]]
    for w in reversed(words[-6:-1]):
        low = w.lower()
        if _BOUNDARY.search(w) or low in _NP_ADVERBS:
            break
        if low in _NP_DETERMINERS:
            phrase.insert(0, w)
            if low not in _ARTICLES:
                continue  # "A new report", "the latest"
            break
        if len(phrase) > 3 or not _modifier(w, lex):
            break
        phrase.insert(0, w)
    if len(phrase) == 1 and head in _BARE_VAGUE:
        return None
    return " ".join(phrase)


_ARTICLES = frozenset("the a an el la los las un una".split())
#: Endings of adjectives that modify a document: "annual", "economic", "previous", "latest", "recent", "Bayesian".
_ADJECTIVE_ENDINGS = ("al", "ic", "ous", "ive", "ary", "est", "ent", "ant", "ian", "ish", "ful")


def _modifier(word: str, lex: Lexicon) -> bool:
    """``word`` can modify a document before its head noun: a name or a year ("Gallup", "2019"), a possessive
    ("today's", "the agency's"), a noun that names its kind or its owner ("bank records", "census data", "police
    reports") or an adjective ("annual", "latest"); not a verb ("explores") nor an adverb ("favourably")."""
    if word[:1].isupper() or word[:1].isdigit():
        return True
    low = _plain(word)
    if word.lower().endswith(("'s", "’s")):
        return True
    if low in lex.stopwords or (low.endswith("ly") and len(low) > 4):
        return False
    return (
        low in lex.document_nouns
        or low in lex.official_nouns
        or low in ORG_NOUNS
        or low in lex.research_nouns
        or low.endswith(_ADJECTIVE_ENDINGS)
    )


def _speaking_subject(text: str, start: int, m: re.Match, lex: Lexicon) -> tuple[str, str, str | None] | None:
    """(source, kind, outlet) of the subject right before an evidence verb when it names someone who can be a
    source: a name, an outlet, or an organisation or person named by its role ("the agency", "one scientist");
    not a document (read above) nor a thing ("the storm", "sales")."""
    verb = m.group(0).lower()
    if verb not in _SOURCE_OBJECT_VERBS or _PASSIVE_BEFORE.search(text, max(start, m.start() - 12), m.start()):
        return None  # (not "it was found that")
    if verb in _COUNTING_VERBS and not _FIGURE_OBJECT.match(text, m.end()):
        return None  # "X shows that the Sun emits...": counting verbs source the figure they are followed by
    src, kind, outlet = _subject_before(text, start, m.start(), lex)
    if not src or kind not in ("named", "outlet", "role") or _QUANTIFIED_SUBJECT.search(src):
        return None
    if kind == "role":
        words = [_plain(w) for w in src.split()]
        if not words or not any(_person_or_body(w, lex) for w in words[-2:]):
            return None
    return src, kind, outlet


def _person_or_body(word: str, lex: Lexicon) -> bool:
    return (
        word in ROLE_NOUNS
        or word + "s" in ROLE_NOUNS
        or word in ORG_NOUNS
        or word in lex.official_nouns
        or word in lex.research_nouns
        or word.endswith(("ist", "ists", "er", "ers", "or", "ors"))
    )


#: Evidence verbs that a person or a body can be the subject of, with the object that makes them a source.
_SOURCE_OBJECT_VERBS = frozenset(
    "found finds concluded concludes determined determines lists listed counted gives gave puts put "
    "documented recorded records tallied shows showed encontró constató concluyó contabilizó cifra cifró "
    "indicated indicates polled surveyed interviewed sampled encuestó".split()
)
_SOURCE_OBJECT = re.compile(
    r"\s+(?:(?:in|en)\s+\d{4}\s+)?(?:that|que)\b"  # found that, concluded that, constató que, indicated in 2002 that
    # gave Belarus a score of 6.75: a rating body's own score
    r"|\s+(?:[\w'’.-]+\s+){1,3}?an?\s+(?:[\w'’-]+\s+)?(?:score|rating|grade)\s+of\s"
    r"|\s+(?:an?|the|its|his|her|their)\s+(?:[\w'’-]+\s+){0,3}?(?:estimate|figure|total|count|number|tally|toll)s?\s+"
    r"(?:of|at)\s",  # gives an estimate of, puts the death toll at
    re.I,
)
#: Counting verbs take a figure as their object: "The Centre lists 11 political prisoners" (not "Police found 300
#: migrants": finding is an act the story reports, not a count someone gives).
_COUNTING_VERBS = frozenset(
    "lists listed counted tallied documented recorded records shows showed contabilizó cifra cifró "
    "polled surveyed interviewed sampled encuestó".split()  # a pollster that polled 1,500 adults: its own sample
)
_FIGURE_OBJECT = re.compile(
    r"\s+(?:about\s+|some\s+|nearly\s+|more\s+than\s+|at\s+least\s+|over\s+|unos\s+|unas\s+|más\s+de\s+)?\d"
)


#: Patterns compiled once (they were compiled, or looked up in re's cache, on every call).
_SPOKESPERSON_OF = re.compile(r"\s+(?:for|of|de|del)\s+((?:the\s+|la\s+|el\s+)?" + _NAME_SEQ.pattern + ")")
_ACCORDING = frozenset(("according to", "según", "de acuerdo con", "de acuerdo a", "conforme a"))
#: What "according to" can name that is no identifiable source: hearsay and tradition.
_HEARSAY = frozenset(
    """legend legends tradition traditions rumour rumours rumor rumors lore myth myths folklore hearsay some many
    leyenda leyendas tradición tradiciones rumores rumor mito mitos algunos algunas muchos muchas""".split()
)


def _sourced_thing(src: str) -> bool:
    """``src`` (the noun phrase after "according to") names something that can be looked up: a noun phrase of a
    few words, with no figure and no hearsay word ("results released in January", not "legend", "some")."""
    words = [_plain(w) for w in src.split()]
    return (
        0 < len(words) <= 6
        and not any(ch.isdigit() for ch in src)
        and not any(w in _HEARSAY for w in words)
        and words[-1].isalpha()
    )


_LAST_WORDS = re.compile(r"(?:[^\s,;:]+\s+){0,5}[^\s,;:]+$")
_WHICH_AFTER = re.compile(r"\s+(?:(?:el|la|los|las|lo)\s+cual(?:es)?|which|whom)\b", re.I)
_SE_BEFORE = re.compile(r"(?:^|\s)[Ss]e\s+$")
_SE_HABER_BEFORE = re.compile(r"(?:^|\s)([Ss]e\s+(?:ha|han|había|habían|habría|habrían|hubiera|hubieran))\s+$")
_HABER_BEFORE = re.compile(
    r"(?<![\w-])(?:ha|han|había|habían|habría|habrían|haya|hayan|hubiera|hubieran|habiendo|haber)\s+$", re.I
)
_SOURCE_LABEL = re.compile(r"^(?:source|fuente|via|vía)\s*:?\s*", re.I)
#: A dated census or survey named in parentheses after the figures: "(2000 population census)", "(censo de 2011)".
_DATED_DATA = re.compile(
    r"(?:1[89]|20)\d\d\s+(?:[\w-]+\s+){0,2}?(?:census|survey|censo|encuesta|padrón)"
    r"|(?:[\w-]+\s+){0,2}?(?:census|survey|censo|encuesta|padrón)\s+(?:of\s+|de\s+)?(?:1[89]|20)\d\d",
    re.I,
)
_SOURCE_WORD = re.compile(r"(?:source|fuente|via|vía)\b", re.I)
_CLAUSE_SPLIT = re.compile(r"[,;:“”\"«»]")
_HEAD_SPLIT = re.compile(r"(?<!\d),(?!\d)|[;:“”\"«»]")
_LAST_COMMA_CLAUSE = re.compile(r",\s*[^,]+$")
_LEADING_ARTICLE = re.compile(r"^(?:the|el|la)\s+", re.I)
_BY_AFTER = re.compile(r"\s+(?:by|por)\s+")
_CAPITAL_AFTER = re.compile(rf"\s+(?:the\s+|el\s+|la\s+)?[{_UPPER}]")
_AFTER_COMMA_OR_QUOTE = re.compile(r"[,”\"]\s*\w*\s*\w*\s*$")
_OBJECT_NAME = re.compile(rf"\s+((?:the\s+)?{_NAME_SEQ.pattern})")
_INVERTED_NAME = re.compile(rf"\s+((?:the|el|la|los|las)\s+)?({_NAME_SEQ.pattern})")
_QUOTE_BEFORE = re.compile(r"[”\"»]\s*,?\s*$")
_PRONOUN_AFTER = re.compile(r"\s+(he|she|they|él|ella|ellos|ellas)\b", re.I)
_LOWER_NP_AFTER = re.compile(r"\s+(?:the\s+|el\s+|la\s+|los\s+|las\s+|a\s+|an\s+|un\s+|una\s+)?[a-záéíóúñ]")


def _framing_sources(text: str, start: int, end: int, lex: Lexicon, found: _Found) -> None:
    """A source that frames the sentence: "By the department's own count, 780 officers...", "In Gallup's
    estimate", "Para la Organización Mundial de la Salud, el 25%..." (Spanish "para X," = in X's view)."""
    out = found.out
    taken = found.taken
    free = found.free
    for m in found.index.matches(_FRAMING_SOURCE, _FRAMING_SOURCE_KEYS, start, end):
        if not free(m.start(), m.end()):
            continue
        kind: str | None
        outlet: str | None
        if m.group("census") is not None:
            owner, kind, outlet = m.group("census"), "document", None  # "At the 2011 census, ..."
        elif m.group("owner") is not None:
            owner = m.group("owner")
            if owner.lower() in ("its", "their", "his", "her"):
                kind, outlet = "pronoun", None
            else:
                kind, outlet = classify_source(owner, lex)
        else:
            if m.start() > start and text[start : m.start()].strip():
                continue  # "para" opens the sentence: "Para el FMI, ..." (not "un plan para la Comunidad de Madrid,")
            owner = m.group("para")
            kind, outlet = classify_source(owner, lex)
            if kind not in ("named", "outlet", "role") or (
                kind == "role" and owner.split()[-1].lower() not in _PARA_ROLES
            ):
                continue  # "Para los jóvenes, el paro es del 30%": the group the figure is about
        if kind is None or kind == "vague":
            continue
        out.append(Attribution(m.start(), m.end(), m.group(0), "cue", owner, kind, outlet))
        taken.append((m.start(), m.end()))


#: A collector adds the cues it finds in ``text[start:end]`` to ``found``.
_Collector = Callable[[str, int, int, Lexicon, "_Found"], None]

_COLLECTORS: tuple[_Collector, ...] = (
    _pro_drop,
    _weasels,
    _hidden_passives,
    _cue_phrases,
    _framing_sources,
    _reporting_verbs,
    _prepositional_sources,
    _came_from,
    _parenthesised_sources,
    _evidence_verbs,
)
#: The collectors that read the text itself, not only the matches of the cue patterns (:data:`_patterns`), in the
#: order of :data:`_COLLECTORS`: all a span without a cue match needs (a new collector that does not read
#: ``found.index.matches`` belongs here too; ``tests/sourcing/test_sourcing_speed.py`` checks the two agree).
_CUELESS: tuple[_Collector, ...] = (_pro_drop, _parenthesised_sources)

#: "By the department's own count", "By its estimate", "In Gallup's reckoning", "Per the agency's figures"
#: (group ``owner``: whose count); "Para la OMS," opening a Spanish sentence (group ``para``: a name or a role).
_FRAMING_SOURCE = re.compile(
    r"(?<![\w’'-])(?:[Bb]y|[Pp]er|[Ii]n)\s+(?P<owner>its|their|his|her|(?:the\s+)?(?:[\w.&-]+\s+){0,4}?[\w.&-]+(?=[’']s\s))"
    r"(?:[’']s)?\s+(?:own\s+)?(?:latest\s+|new\s+|preliminary\s+|official\s+|rough\s+)?"
    r"(?:count|counts|tally|estimate|estimates|estimation|reckoning|calculations?|figures|data|records|numbers)"
    r"(?![\w’'-])"
    r"|(?<![\w’'-])Para\s+(?P<para>(?:el|la|los|las)\s+[^\W\d_][\w.-]*(?:\s+(?:de|del|de\s+la|y)?\s*[^\W\d_][\w.-]*){0,6}?"
    r"|[A-ZÁÉÍÓÚÑ][\w.-]*(?:\s+(?:de|del|de\s+la|y)?\s*[A-ZÁÉÍÓÚÑ][\w.-]*){0,6}?)\s*,"
    r"|(?<![\w’'-])(?:[Aa]t|[Bb]ased\s+on|[Cc]on\s+base\s+en|[Ss]egún)\s+(?P<census>(?:the|el|la|los|las|a|an)\s+"
    r"(?:(?:1[89]|20)\d\d\s+)?(?:[\w-]+\s+){0,2}?(?i:census|censuses|count|tally|survey|data|figures|records|estimates|"
    r"censo|padrón|recuento|encuesta|datos|cifras|registros|estimaciones)(?:\s+(?:of|de|del)\s+(?:1[89]|20)\d\d)?)"
    r"(?![\w’'-])(?!\s+(?:of|from|by|de|del)\s+[^\d\s])"
)
_FRAMING_SOURCE_KEYS = headed_keys(
    open_keys(["by", "per", "in", "para", "at", "based", "con", "según"]),
    # (every branch but "Para" ends with one of these nouns; between them only words, white space, apostrophes, dots,
    # ampersands and hyphens)
    ["by", "per", "in", "at", "based", "con", "según"],
    """count counts tally estimate estimates estimation reckoning calculation calculations figures data records numbers
    census censuses survey censo padrón recuento encuesta datos cifras registros estimaciones""".split(),
    re.compile(r"[^\w.&\s’'-]"),
)
#: Roles that give a view with Spanish "para": "Para el ministro, ...", "Para la patronal, ...".
_PARA_ROLES = frozenset(
    """ministro ministra presidente presidenta alcalde alcaldesa gobernador gobernadora director directora
    secretario secretaria portavoz experto experta economista analista sindicato sindicatos gobierno ministerio
    ayuntamiento patronal oposición fiscalía policía organización asociación fundación instituto banco
    consejero consejera juez jueza fiscal defensor defensora""".split()
)


#: A Spanish reporting verb opening its sentence with no subject, then "que": "Añadió que...".
_PRO_DROP = re.compile(r"\s*(?:(?:también|además|asimismo|luego|después|por\s+otra\s+parte)\s*,?\s*)?([^\W\d_]+)", re.I)
_PRO_DROP_AFTER = re.compile(r"\s*(?:,\s*)?(?:(?:además|también|asimismo|luego)\s*,?\s*)?(?:que|:)", re.I)

#: What may follow a trailing evidence tag: nothing, or a short phrase saying where or when.
_TAIL_TAG = re.compile(r"(?:\s+(?:in|on|last|this|earlier|en|el|la|este|esta)\b[^,;:“”\"]{0,60})?\s*[.!]?\s*$", re.I)


_CLAUSE_BREAK = re.compile(r"[;:“”\"«»]|\s(?:and|but|while|which|who|that)\s+\w+\s+(?:said|says|found|showed)\b")
_GERUND = re.compile(r"(?:ing|ando|iendo)$")
#: What follows a reporting verb that could be a noun: "claims that", "warn:", "puts the cost at $4 billion".
_THAT_AFTER = re.compile(
    r"\s*(?:that\b|que\b|:)|\s+(?:the|its|their|his|her|a|an)\s+(?:[\w'’-]+\s+){0,14}(?:at|in)\s+"
    r"(?:about\s+|nearly\s+|roughly\s+|around\s+|some\s+|more\s+than\s+|at\s+least\s+)?[$€£\d]"
    r"|\s+en\s+(?:unos\s+|unas\s+|más\s+de\s+|casi\s+)?[$€£\d]",
    re.I,
)
#: "fears" reports what its subject fears without "that" when a figure follows: "Terry Lee from the union fears up to
#: 200 jobs are at risk" (the noun takes no figure after it: "the union's fears").
_FEAR_FORMS = frozenset(("fear", "fears"))
_FEAR_ALL = frozenset("fear fears feared fearing teme temen temió temieron temía temían".split())
_FEARED_FIGURE = re.compile(
    r"\s+(?:(?:up\s+to|as\s+many\s+as|about|around|more\s+than|at\s+least|some|nearly|over)\s+)?[$€£]?\d"
)
_NUMERAL = re.compile(r"[\d.,%$€£]+")


def _named_fear(text: str, a: Attribution, end: int) -> bool:
    """A verb of fear reports for its subject only when a name ends right before it ("Terry Lee from the Australian
    Workers Union fears up to 200 jobs…", "La UGT teme que…") and a figure or "that" follows it."""
    if a.source_kind not in ("named", "outlet") or not a.source:
        return False
    last = a.source.split()[-1]
    if not last[:1].isupper() or not text[max(0, a.start - len(last) - 1) : a.start].strip().endswith(last):
        return False
    return bool(_FEARED_FIGURE.match(text, a.end, end) or _SPEECH_FRAME.match(text, a.end, end))


_PUT_FORMS = frozenset(("put", "puts"))
_PLURAL_LIKE = frozenset(("states", "reports", "estimates", "projects"))
#: The object of "put": a noun phrase and the figure it is put at ("puts the population at 412,000").
_AT_FIGURE = re.compile(
    r"\s+(?:[\w'’-]+\s+){1,14}?(?:at|in)\s+(?:about\s+|nearly\s+|roughly\s+|around\s+|some\s+|more\s+than\s+|"
    r"at\s+least\s+|less\s+than\s+|fewer\s+than\s+)?[$€£\d]"
)
_SEGUN_HA = re.compile(r"(?:^|[\s,])(?:según|como)\s+(?:lo\s+)?(?:ha|han|había|habían)\s+$", re.I)
#: A progressive form: "officials are expecting", "Democrats were touting" (a finite verb, subject before it).
_PROGRESSIVE_BEFORE = re.compile(
    r"(?:\b(?:is|are|was|were|been|be|am|está|están|estaba|estaban)|’s|'s|’re|'re|n’t|n't)\s+"
    r"(?:(?:not|now|still|already|also|increasingly|openly|quietly|publicly|privately|repeatedly|[a-z]+ly)\s+)?$",
    re.I,
)  # (one adverb may come between: "is now predicting", "were openly boasting", "aren't expecting")


def _display_outlet(name: str) -> str:
    return _LEADING_ARTICLE.sub("", name.strip())


def _plain(word: str) -> str:
    w = word.lower().strip(".,;:()")
    return w.removesuffix("’s").removesuffix("'s")


_PERSONS = ("named", "pronoun", "role")


def _participle_attribution(
    text: str, start: int, end: int, m: re.Match, lex: Lexicon
) -> Attribution | None | Literal[True]:
    """A Spanish participle (:attr:`Lexicon.perfect_only`, :attr:`Lexicon.agent_only`): True when it is a finite
    verb after "haber" ("ha asegurado": read on as any reporting verb); its agent after "por" ("fue difundida por
    la OMS", "cifras facilitadas por el ministerio"); None otherwise ("la anunciada rebaja", "el dato publicado")."""
    verb = m.group(0)
    if verb in lex.perfect_only and _HABER_BEFORE.search(text, max(start, m.start() - 12), m.start()):
        return True
    by = _BY_AFTER.match(text, m.end(), end)
    if not by:
        return None
    np = _np_after(text, by.end(), end)
    src = text[np[0] : np[1]] if np else None
    kind, outlet = classify_source(src, lex) if src else (None, None)
    if kind is None:
        return None
    return Attribution(m.start(), m.end(), verb, "verb", src, kind, outlet)


def _verb_attribution(text: str, start: int, end: int, m: re.Match, lex: Lexicon) -> Attribution | None:
    verb = m.group(0)
    if verb in lex.perfect_only or verb in lex.agent_only:
        got = _participle_attribution(text, start, end, m, lex)
        if got is not True:
            return got
    aux = _PROGRESSIVE_BEFORE.search(text, max(start, m.start() - 30), m.start()) if _GERUND.search(verb) else None
    progressive = aux is not None
    subject_end = m.start() if aux is None else aux.start()  # "The public defender is now predicting"
    participle = (
        verb in lex.progressive_only
        and not progressive
        and text[max(start, m.start() - 2) : m.start()].rstrip().endswith(",")
        and _THAT_AFTER.match(text, m.end(), end) is not None
    )  # "Jones compared the two reigns, noting that Claudius executed around 35 senators"
    if verb in lex.progressive_only and not progressive and not participle:
        return None  # "crime reporting", "maintaining trust": only "officials are expecting" reports
    if _GERUND.search(verb) and verb not in ("according",) and not progressive:
        # "..., saying:" takes the subject of the main clause: the first name of the sentence.
        name = _name_before_first(text, start, m.start())
        if name is None:
            return None
        if participle and text.find(name, start, m.start()) - start > 25:
            return (
                None  # the subject of ", noting that" opens the sentence ("Some wondered about Paul Ryan, suggesting")
            )
        kind, outlet = classify_source(name, lex)
        return Attribution(m.start(), m.end(), verb, "verb", name, kind, outlet)
    before = text[max(start, m.start() - 40) : m.start()]
    after = text[m.end() : min(end, m.end() + 80)]
    prev_words = before.split()
    prev = prev_words[-1].lower().strip(",") if prev_words else ""
    closing = (verb in lex.framed_only or verb in _SUBJECT_NOTED) and _closing_tag(text, start, end, m, lex)
    if (
        verb in lex.framed_only
        and not _THAT_AFTER.match(after)
        and not closing
        and not (verb in _FEAR_FORMS and _FEARED_FIGURE.match(after))
    ):
        return None  # "asylum claims", "any state or local officials": a noun unless it introduces a report
    if verb in lex.ambiguous and (
        not prev_words
        or prev in _ADJ_PRECEDERS
        or _NUMERAL.fullmatch(prev)
        or (
            prev.endswith("ly")
            and len(prev) > 4
            and not (_PASSIVE_ADVERB_BEFORE.search(before) and _BY_AFTER.match(after))
        )
    ):
        return None  # "the reported cases", "Reported crimes rose", "1,200 pledged delegates", "politically charged"
    if (_PASSIVE_BEFORE.search(before) or (_PASSIVE_ADVERB_BEFORE.search(before) and _BY_AFTER.match(after))) and (
        not progressive
    ):
        by = _BY_AFTER.match(after)
        if not by:
            return None
        np = _np_after(text, m.end() + by.end(), end)
        src = text[np[0] : np[1]] if np else None
        adverb = not _PASSIVE_BEFORE.search(before)
        if adverb and src:
            src = _AGENT_END.split(src, 1)[0]  # "estimated by CPRP officials to cover …": the agent ends before "to"
        kind, outlet = classify_source(src, lex) if src else (None, None)
        if adverb and not (
            kind in ("named", "outlet")
            or (kind == "role" and any(w in ROLE_NOUNS for w in (src or "").lower().split()))
        ):
            return None  # after an adverb only a speaker ("are collectively estimated by CPRP officials"), not a
            # means ("are customarily described by an approximately correct figure")
        return Attribution(m.start(), m.end(), verb, "verb", src, kind, outlet)
    if (
        verb in ("added", "adds", "agregó", "añadió", "noted", "notes")
        and not _FRAMED_AFTER.match(after)
        and not closing
    ):
        if not _CAPITAL_AFTER.match(after) and not _AFTER_COMMA_OR_QUOTE.search(before):
            if verb not in ("noted", "notes") or _subject_before(text, start, m.start(), lex)[1] not in _PERSONS:
                return None  # "the economy added 200,000 jobs" (but "Dr. Ross noted 50 to 75 children a year...")
    if verb in ("told", "tells", "tell", "telling") and not _PASSIVE_BEFORE.search(before):
        obj = _OBJECT_NAME.match(after)
        if obj and classify_source(obj.group(1), lex)[0] == "outlet":
            src, kind, _ = _subject_before(text, start, m.start(), lex)
            return Attribution(
                m.start(), m.end(), verb, "verb", src or obj.group(1), kind or "role", _display_outlet(obj.group(1))
            )
    # Inverted: "said Carmen Iguina", "wrote the Bee", "dijo el ministro".
    inv = _INVERTED_NAME.match(after)
    after_quote = (
        bool(_QUOTE_BEFORE.search(before))
        or not prev_words
        or " ".join(prev_words).lower() in ("so", "thus", "or so", "así", "así lo")  # "So says the census."
        or bool(_SEGUN_HA.search(before))  # "Según ha explicado el alcalde, ...", "como ha señalado la OMS"
    )
    inverted_ok = after_quote
    if not after_quote and before.rstrip().endswith(","):
        # "..., said Smith" unless a named subject sits left: "The memo, first reported by X, stated".
        left_src, left_kind, _ = _subject_before(text, start, m.start(), lex)
        inverted_ok = left_kind not in ("named", "outlet", "document", "pronoun")
    if inv and inverted_ok:
        name = inv.group(2).strip(" .,")
        phrase = (inv.group(1) or "") + name
        kind, outlet = classify_source(phrase, lex)
        return Attribution(m.start(), m.end(), verb, "verb", name, kind, outlet)
    pro = _PRONOUN_AFTER.match(after)
    if pro and inverted_ok:
        return Attribution(m.start(), m.end(), verb, "verb", pro.group(1).lower(), "pronoun")
    if inverted_ok and _LOWER_NP_AFTER.match(after):
        np = _np_after(text, m.end(), end, 6)
        if np:
            src = text[np[0] : np[1]]
            kind, outlet = classify_source(src, lex)
            if kind is not None:
                return Attribution(m.start(), m.end(), verb, "verb", src, kind, outlet)
    src, kind, outlet = _subject_before(text, start, subject_end, lex)
    if kind is None and (insert := _INSERT_BEFORE.search(text, start, subject_end)) is not None:
        # "Officials at the health department, speaking on condition of anonymity, said": the subject is before the
        # inserted phrase.
        i_src, i_kind, i_outlet = _subject_before(text, start, insert.start(), lex)
        if i_kind is not None:
            src, kind, outlet = i_src, i_kind, i_outlet
    if kind is None:
        head = _RELATIVE_SUBJECT.match(text, start, subject_end)
        if head is not None and len(head.group(1).split()) <= 8:
            # "A member of the board which regulates the farm credit system said": the head before the relative
            # clause is the subject.
            h_kind, h_outlet = classify_source(head.group(1), lex)
            if h_kind is not None:
                src, kind, outlet = head.group(1), h_kind, h_outlet
    if (
        kind is None
        and src
        and verb not in _INFERENTIAL
        and _SPEECH_FRAME.match(after)
        and _collective_subject(src, lex)
    ):
        # A speech verb that introduces what is reported, with a definite noun phrase as its subject: the group
        # or body it names speaks ("La patronal calcula que...", "The industry estimates that...").
        kind = "role"
    if src is None:
        return None
    if verb not in lex.listed_verbs and (
        src.lower().strip(" ,") in _FUNCTION_SUBJECTS or (lex.language == "es" and prev in _FUNCTION_SUBJECTS)
    ):
        return None  # "..., pero recuerda q...": an imperative after a conjunction, no subject
    return Attribution(m.start(), m.end(), verb, "verb", src, kind, outlet)


_FUNCTION_SUBJECTS = frozenset("pero y o que q si no ni and or but so if not then".split())

#: Reporting verbs whose subject must otherwise be a person ("Dr. Ross noted 50 children", not "the guidelines noted").
_SUBJECT_NOTED = frozenset(("noted", "notes", "note"))
#: The subject of a closing tag: a comma, then a short noun phrase with no figure up to the verb ("…, the paper
#: states.", "…, the authors note.", "…, Smith notes.").
_TAG_SUBJECT = re.compile(r",\s+((?:[^\W\d_][\w’'.&-]*\s+){0,5}[^\W\d_][\w’'.&-]*)\s+$")
_TAG_CONJUNCTION = re.compile(r"\s(?:and|or|y|e|o|u|&)\s", re.I)


def _closing_tag(text: str, start: int, end: int, m: re.Match, lex: Lexicon) -> bool:
    """The verb ``m`` (a form that is also a noun: "states", "notes", "claims") closes its sentence as a reporting
    tag after a comma, its subject a document, an outlet, a pronoun, a name or researchers: "…, the paper states.",
    "…, the study notes.", "…, Smith notes in his report.", "…, the authors note." (a long quotation or clause may
    come before). Not a noun phrase that ends a list or names places or things ("…, France and other member
    states.", "…, mainly the Gulf states.", "…, the company records.")."""
    if not _TAIL_TAG.match(text, m.end(), end):
        return False
    subject = _TAG_SUBJECT.search(text, max(start, m.start() - 60), m.start())
    if subject is None or _TAG_CONJUNCTION.search(subject.group(0)):
        return False
    phrase = subject.group(1)
    words = phrase.split()
    if not all(w.lower() in _NP_DETERMINERS or _modifier(w, lex) for w in words[:-1]) or (
        len(words) > 1 and not (words[0].lower() in _NP_DETERMINERS or words[0][:1].isupper())
    ):
        return False  # a clause, not a noun phrase: "…, affected the group's total order figures."
    kind = _subject_before(text, subject.start(1), m.start(), lex)[1]
    if kind in ("document", "outlet", "pronoun"):
        return True
    if kind == "named":
        return all(w[:1].isupper() for w in phrase.split())  # "Smith notes", not "the Baltic states", "mainly in …"
    last = phrase.split()[-1].lower()
    return kind == "role" and last in lex.research_nouns and last.endswith("s")  # "the authors note"


#: A sentence opening with a noun phrase and a relative clause, up to the verb: "A member of the board which
#: regulates the farm credit system" (group 1: the head noun phrase).
_RELATIVE_SUBJECT = re.compile(
    r"\s*((?:the|a|an|el|la|los|las|un|una)\s+[^,;:()\d“”\"«»]{1,60}?)\s+(?:which|who|that|que|quien|quienes)\s+"
    r"[^,;:()\d“”\"«»]{1,80}$",
    re.I,
)
#: A phrase inserted between the subject and its verb: ", speaking on condition of anonymity,", ", in a statement,".
_INSERT_BEFORE = re.compile(
    r",\s*(?:[a-z]+ing|in|on|at|during|after|before|like|as|for|with|en|durante|tras|como|con)\s[^,;:“”\"«»]{0,80},\s*$"
)
#: What follows a verb that reports: "that", "que", a colon.
_SPEECH_FRAME = re.compile(r"\s*(?:,\s*)?(?:that\b|que\b|:)", re.I)
_DEFINITE = frozenset("the its their el la los las su sus".split())


def _collective_subject(src: str, lex: Lexicon) -> bool:
    """``src`` is a short definite noun phrase without figures: "La patronal", "the industry", "el sector"."""
    words = src.split()
    return (
        1 < len(words) <= 6
        and words[0].lower() in _DEFINITE
        and not any(ch.isdigit() for ch in src)
        and words[-1].isalpha()
        and words[-1].lower() not in lex.stopwords
    )


def _inferential_forms() -> frozenset[str]:
    """Verb forms that infer rather than report ("the rise suggests that", "el aumento refleja que"): a subject
    that is not a document, a person or an organisation does not become a source with them."""
    from audit.sourcing.lexicon import inflections, inflections_es

    out: set[str] = set()
    english = "suggest indicate reveal show confirm mean imply reflect highlight underline prove demonstrate find"
    spanish = "sugerir indicar revelar mostrar confirmar reflejar demostrar evidenciar suponer significar"
    for lemma in english.split():
        out.add(lemma)
        out.update(inflections(lemma))
    for lemma in spanish.split():
        present, past, participles = inflections_es(lemma)
        out.update(present + past + participles)
    return frozenset(out | {"shown", "found", "meant"})


_INFERENTIAL = _inferential_forms()


# Speed: every pattern above behind a lookahead for its first characters (the same matches; see audit.sourcing.lead).
lead_all(globals())
