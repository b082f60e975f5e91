"""Who speaks a quote: the attribution found around it, in the sentence that introduces it, or in the
sentence that quoted the same speaker just before (:func:`attach_speakers`)."""

from __future__ import annotations

import bisect
import re
from typing import Callable

from audit.sourcing.attribution import Attribution, find_attributions
from audit.sourcing.cues import CueIndex
from audit.sourcing.lexicon import Lexicon
from audit.sourcing.quotes import Quote

_NAME = r"[A-ZÁÉÍÓÚÑ][\w’'.-]+(?:\s+(?:de\s+|del\s+|la\s+|van\s+|von\s+)?[A-ZÁÉÍÓÚÑ][\w’'.-]+)+"
_TAG_AFTER = re.compile(rf"\s*,?\s*([a-záéíóúñ]+(?:ed|ó|ió|aron|ieron))\s+(?:the\s+|el\s+|la\s+)?({_NAME})")
_TAG_BEFORE = re.compile(rf"({_NAME})\s+([a-záéíóúñ]+(?:ed|ó|ió))\s*[:,]\s*$")


def _generic_tag(text: str, q: Quote, lex: Lexicon) -> Attribution | None:
    """Any past-tense verb with a full name right after or before a quote: “…”, lamentó Juan García."""
    if q.closed:
        m = _TAG_AFTER.match(text, q.end, min(len(text), q.end + 120))
        if m:
            return Attribution(m.start(1), m.end(1), m.group(1), "verb", m.group(2), "named")
    m = _TAG_BEFORE.search(text, max(0, q.start - 120), q.start)
    if m:
        return Attribution(m.start(2), m.end(2), m.group(2), "verb", m.group(1), "named")
    return None


def attach_speakers(
    text: str,
    masked: str,
    quotes: list[Quote],
    sentences,
    lex_for: Callable[[int], Lexicon | None],
    cues: CueIndex | None = None,
) -> None:
    """Give each quote the attribution found around it (same sentence, or a neighbour). ``cues``: the
    pattern matches of ``masked`` (:class:`audit.sourcing.cues.CueIndex`)."""
    starts = [s.start for s in sentences]

    def sentence_index(offset: int) -> int:
        return max(0, bisect.bisect_right(starts, offset) - 1)

    for q in quotes:
        lex = lex_for(q.start)
        if lex is None:
            continue
        candidates: list[tuple[int, int]] = []
        i0, i1 = sentence_index(q.start), sentence_index(max(q.start, q.end - 1))
        # Text around the quote in its first and last sentences (quote interiors are masked).
        s0 = sentences[i0]
        candidates.append((s0.start, q.start + 1))
        s1 = sentences[i1]
        candidates.append((q.end - 1, max(q.end, s1.end)))
        # A following short tag sentence ("... ,” she said." split off) or the sentence after.
        if i1 + 1 < len(sentences) and sentences[i1 + 1].start - q.end < 4:
            nxt = sentences[i1 + 1]
            if nxt.end - nxt.start < 80:
                candidates.append((nxt.start, nxt.end))
        speaker = None
        for a, b in candidates:
            if b <= a:
                continue
            found = [x for x in find_attributions(masked, a, b, lex, cues) if x.valid or x.vague]
            if found:
                # Prefer the cue nearest to the quote.
                speaker = min(found, key=lambda x: min(abs(x.start - q.start), abs(x.start - q.end)))
                break
        if speaker is None:
            speaker = _generic_tag(text, q, lex)
        if speaker is None and i0 > 0:
            prev = sentences[i0 - 1]
            prev_text = text[prev.start : prev.end].rstrip()
            if prev_text.endswith(":") or s0.start == q.start and prev_text.endswith(","):
                found = [x for x in find_attributions(masked, prev.start, prev.end, lex, cues) if x.valid or x.vague]
                if found:
                    speaker = found[-1]
        if speaker is None:
            speaker = _context_speaker(text, masked, q, sentences, i0, i1)
        if speaker is None:
            speaker = _previous_speaker(text, masked, q, sentences, i0, lex, cues)
        q.speaker = speaker


_ANAPHORIC_OPENER = re.compile(
    r"\s*(?:that|this|those|these|such|so|thus|eso|esto|esas?|esos?|así|con\s+(?:esas|estas)\s+palabras)\b", re.I
)
_PRONOUN_SUBJECT = re.compile(r"\b(?:he|she|él|ella)\b", re.I)


def _context_speaker(text: str, masked: str, q: Quote, sentences, i0: int, i1: int) -> Attribution | None:
    """The speaker of a quote that stands as its own sentence, introduced by the sentence before it
    (“Dr. Ana Ruiz has run the clinic since 2010. “We see 40 patients a day.”) or named by an anaphoric
    sentence right after it (“...” That was how Mayor Lee opened the meeting.), in the same paragraph."""
    s0, s1 = sentences[i0], sentences[i1]
    if i0 > 0 and not text[s0.start : q.start].strip():
        prev = sentences[i0 - 1]
        if "\n" not in text[prev.end : q.start]:
            who = _person_in(masked, prev.start, prev.end)
            if who is not None:
                return who
    if q.closed and not text[q.end : s1.end].strip(" .,;!?\t") and i1 + 1 < len(sentences):
        nxt = sentences[i1 + 1]
        if "\n" not in text[q.end : nxt.start] and _ANAPHORIC_OPENER.match(text, nxt.start):
            return _person_in(masked, nxt.start, nxt.end, pronoun=False)
    return None


def _previous_speaker(
    text: str, masked: str, q: Quote, sentences, i0: int, lex: Lexicon, cues: CueIndex | None = None
) -> Attribution | None:
    """A quote that opens its sentence right after a sentence that quoted or reported someone, in the same
    paragraph or the next one (wire style: '"...," Cohn said.' then '"The real issue is..."'): the same
    speaker goes on."""
    s0 = sentences[i0]
    if i0 == 0 or text[s0.start : q.start].strip():
        return None
    prev = sentences[i0 - 1]
    if text.count("\n", prev.end, q.start) > 2:
        return None
    found = [
        a
        for a in find_attributions(masked, prev.start, prev.end, lex, cues)
        if a.valid and a.kind in ("verb", "cue") and a.source_kind in ("named", "pronoun", "role")
    ]
    return found[-1] if found else None


def _person_in(text: str, start: int, end: int, pronoun: bool = True) -> Attribution | None:
    """A person named in ``text[start:end]`` (two or more capitalised words past the first word), or a
    he/she subject."""
    for m in re.finditer(r"[A-ZÁÉÍÓÚÑ][\w’'.-]*(?:\s+(?:de\s+|del\s+|la\s+)?[A-ZÁÉÍÓÚÑ][\w’'.-]*)+", text[start:end]):
        name = m.group(0)
        words = name.split()
        if m.start() == 0 and words[0] in _OPENERS:
            words = words[1:]
        if len(words) >= 2:
            return Attribution(start + m.start(), start + m.end(), "context", "context", " ".join(words), "named")
    if pronoun:
        p = _PRONOUN_SUBJECT.search(text, start, end)
        if p:
            return Attribution(p.start(), p.end(), "context", "context", p.group(0).lower(), "pronoun")
    return None


_SENTENCE_OPENERS = frozenset(
    "The A An In On At It This That These Those But And However So Then When While After Before Last Its Their "
    "His Her Our Some Many Most More About Nearly Almost Over Under Only Also Still Yet Even El La Los Las Un Una "
    "En Pero Y Cuando Tras Según Más Casi".split()
)
_OPENERS = frozenset(
    "The A An In On At It This That But And However So Then When While After Before Last El La Los Las Un Una "
    "En Pero Y Cuando Tras Después Antes".split()
)
