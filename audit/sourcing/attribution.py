"""Attribution cues: who says what, according to whom.

:func:`find_attributions` finds the attribution cues of a span (reporting verbs with their subject,
"according to X", "the survey found", "in the 50-state poll", "Source: X") and the source each names
(see :mod:`audit.sourcing.sources`): a named person or organisation, an outlet, a document, a role
("officials"), a pronoun, or a vague source ("critics", "some") which counts as weasel wording.
Quotes are in :mod:`audit.sourcing.quotes`, tables and headline outlets in :mod:`audit.sourcing.tables`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from audit.sourcing.cues import CueIndex, Keys
from audit.sourcing.lexicon import Lexicon
from audit.sourcing.sources import (
    _ADJ_PRECEDERS,
    _CAME_FROM,
    _CAME_FROM_KEYS,
    _FIGURE_SUBJECT,
    _FRAMED_AFTER,
    _NAME_SEQ,
    _PAREN_SOURCE,
    _PASSIVE_BEFORE,
    _PREP_SOURCE,
    _PREP_SOURCE_KEYS,
    _QUANTIFIED_SUBJECT,
    _SOURCE_QUALIFIER,
    _UPPER,
    DATED_DOCUMENT,
    NAMED_AFTER,
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
    source_kind: str | None = None  # named | outlet | document | role | pronoun | vague
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
        return all(e <= a or s >= b for a, b in self.taken)


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
        out.append(Attribution(m.start(), m.end(), m.group(0), "weasel", m.group(0), "vague"))
        taken.append((m.start(), m.end()))


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
        else:
            np = _np_after(text, m.end(), end)
        src = text[np[0] : np[1]] if np else None
        kind, outlet = classify_source(src, lex) if src else (None, None)
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
            # Impersonal "se estima", "se informó": nobody is named.
            weasel = Attribution(m.start() - 3, m.end(), text[m.start() - 3 : m.end()], "weasel", None, "vague")
            out.append(weasel)
            taken.append((weasel.start, weasel.end))
            continue
        if any(w.kind == "weasel" and w.end <= m.start() and not text[w.end : m.start()].strip(" ,") for w in out):
            continue  # "Fuentes del sector aseguran": the subject is the weasel phrase itself
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
        if a is not None:
            out.append(a)
            taken.append((m.start(), m.end()))


def _prepositional_sources(text: str, start: int, end: int, lex: Lexicon, found: _Found) -> None:
    """ "in the 50-state poll", "under Missouri law"."""
    out = found.out
    taken = found.taken
    free = found.free
    for m in found.index.matches(_PREP_SOURCE, _PREP_SOURCE_KEYS, start, end):
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
    for m in _PAREN_SOURCE.finditer(text, start, end):
        if not free(m.start(), m.end()) or len(text[start : m.start()].split()) < 3:
            continue  # "LONDON (Reuters) -": a dateline names the outlet that writes, not a source
        inner = m.group(1).strip()
        inner = _SOURCE_LABEL.sub("", inner)
        kind, outlet = classify_source(inner, lex)
        if (
            kind == "outlet"
            or (kind in ("named", "document") and _SOURCE_WORD.match(m.group(1)))
            or (kind == "document" and DATED_DOCUMENT.fullmatch(inner))  # "(2000 population census)"
        ):
            out.append(Attribution(m.start(), m.end(), m.group(0), "cue", inner, kind, outlet))
            taken.append((m.start(), m.end()))


def _evidence_verbs(text: str, start: int, end: int, lex: Lexicon, found: _Found) -> None:
    """Evidence verbs whose subject is a document or researchers: "the survey found"."""
    out = found.out
    taken = found.taken
    free = found.free
    for m in found.index.matches(lex.evidence_re, lex.evidence_keys, start, end):
        if not free(m.start(), m.end()):
            continue
        left = text[max(start, m.start() - 80) : m.start()]
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
            if len(subject.split()) <= 30 and not _CLAUSE_BREAK.search(subject):
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
        elif _LAST_COMMA_CLAUSE.search(left) and _TAIL_TAG.match(text[m.end() : end]):
            # A trailing tag: "Attacks rose 70% last year, security firm Check Point found in its annual report."
            name = _name_before(text, m.start() - len(clause), m.start())
            if name and len(clause.split()) <= 6:
                name_kind, outlet = classify_source(name, lex)
                out.append(Attribution(m.start(), m.end(), m.group(0), "evidence", name, name_kind or "named", outlet))
                taken.append((m.start(), m.end()))


#: Patterns compiled once (they were compiled, or looked up in re's cache, on every call).
_SPOKESPERSON_OF = re.compile(r"\s+(?:for|of|de|del)\s+((?:the\s+|la\s+|el\s+)?" + _NAME_SEQ.pattern + ")")
_SE_BEFORE = re.compile(r"(?:^|\s)[Ss]e\s+$")
_SOURCE_LABEL = re.compile(r"^(?:source|fuente|via|vía)\s*:?\s*", re.I)
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


_COLLECTORS = (
    _pro_drop,
    _weasels,
    _hidden_passives,
    _cue_phrases,
    _reporting_verbs,
    _prepositional_sources,
    _came_from,
    _parenthesised_sources,
    _evidence_verbs,
)
#: The collectors that read the text itself, not only the matches of the cue patterns (:data:`_patterns`), in the
#: order of :data:`_COLLECTORS`: all a span without a cue match needs (a new collector that does not read
#: ``found.index.matches`` belongs here too; ``tests/sourcing/test_sourcing_speed.py`` checks the two agree).
_CUELESS = (_pro_drop, _parenthesised_sources)


#: A Spanish reporting verb opening its sentence with no subject, then "que": "Añadió que...".
_PRO_DROP = re.compile(r"\s*(?:(?:también|además|asimismo|luego|después|por\s+otra\s+parte)\s*,?\s*)?([^\W\d_]+)", re.I)
_PRO_DROP_AFTER = re.compile(r"\s*(?:,\s*)?(?:(?:además|también|asimismo|luego)\s*,?\s*)?(?:que|:)", re.I)

#: What may follow a trailing evidence tag: nothing, or a short phrase saying where or when.
_TAIL_TAG = re.compile(r"(?:\s+(?:in|on|last|this|earlier|en|el|la|este|esta)\b[^,;:“”\"]{0,60})?\s*[.!]?\s*$", re.I)


_CLAUSE_BREAK = re.compile(r"[;:“”\"«»]|\s(?:and|but|while|which|who|that)\s+\w+\s+(?:said|says|found|showed)\b")
_GERUND = re.compile(r"(?:ing|ando|iendo)$")
#: What follows a reporting verb that could be a noun: "claims that", "warn:", "puts the cost at $4 billion".
_THAT_AFTER = re.compile(
    r"\s*(?:that\b|que\b|:)|\s+(?:the|its|their|his|her|a|an)\s+(?:[\w'’-]+\s+){0,4}(?:at|in)\s+(?:about\s+|nearly\s+)?[$€£\d]"
    r"|\s+en\s+(?:unos\s+|unas\s+|más\s+de\s+|casi\s+)?[$€£\d]",
    re.I,
)
_NUMERAL = re.compile(r"[\d.,%$€£]+")
#: A progressive form: "officials are expecting", "Democrats were touting" (a finite verb, subject before it).
_PROGRESSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|been|be|am|’s|'s|’re|'re|está|están|estaba|estaban)\s+$", re.I)


def _display_outlet(name: str) -> str:
    return _LEADING_ARTICLE.sub("", name.strip())


def _plain(word: str) -> str:
    w = word.lower().strip(".,;:()")
    return w.removesuffix("’s").removesuffix("'s")


_PERSONS = ("named", "pronoun", "role")


def _verb_attribution(text: str, start: int, end: int, m: re.Match, lex: Lexicon) -> Attribution | None:
    verb = m.group(0)
    progressive = bool(_GERUND.search(verb)) and bool(
        _PROGRESSIVE_BEFORE.search(text, max(start, m.start() - 12), m.start())
    )
    if verb in lex.progressive_only and not progressive:
        return None  # "crime reporting", "maintaining trust": only "officials are expecting" reports
    if _GERUND.search(verb) and verb not in ("according",) and not progressive:
        # "..., saying:" takes the subject of the main clause: the first name of the sentence.
        name = _name_before_first(text, start, m.start())
        if name is None:
            return None
        kind, outlet = classify_source(name, lex)
        return Attribution(m.start(), m.end(), verb, "verb", name, kind, outlet)
    before = text[max(start, m.start() - 40) : m.start()]
    after = text[m.end() : min(end, m.end() + 80)]
    prev_words = before.split()
    prev = prev_words[-1].lower().strip(",") if prev_words else ""
    if verb in lex.framed_only and not _THAT_AFTER.match(after):
        return None  # "asylum claims", "any state or local officials": a noun unless it introduces a report
    if verb in lex.ambiguous and (
        not prev_words or prev in _ADJ_PRECEDERS or _NUMERAL.fullmatch(prev) or (prev.endswith("ly") and len(prev) > 4)
    ):
        return None  # "the reported cases", "Reported crimes rose", "1,200 pledged delegates", "politically charged"
    if _PASSIVE_BEFORE.search(before) and not progressive:
        by = _BY_AFTER.match(after)
        if not by:
            return None
        np = _np_after(text, m.end() + by.end(), end)
        src = text[np[0] : np[1]] if np else None
        kind, outlet = classify_source(src, lex) if src else (None, None)
        return Attribution(m.start(), m.end(), verb, "verb", src, kind, outlet)
    if verb in ("added", "adds", "agregó", "añadió", "noted", "notes") and not _FRAMED_AFTER.match(after):
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
    after_quote = bool(_QUOTE_BEFORE.search(before)) or not prev_words
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
    src, kind, outlet = _subject_before(text, start, m.start(), lex)
    if src is None:
        return None
    return Attribution(m.start(), m.end(), verb, "verb", src, kind, outlet)
