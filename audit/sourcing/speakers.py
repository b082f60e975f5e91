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
from audit.sourcing.sources import _NOT_NAMES, ORG_NOUNS, ROLE_NOUNS, written_as_name

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


#: The attributions of the spans read for the quotes of the current document: the same sentence is often
#: read for two quotes, or by two rules for one quote (find_attributions is a function of its arguments).
_MEMO: dict[tuple[int, int, int, int], tuple[str, list[Attribution]]] = {}


def _attributions(masked: str, a: int, b: int, lex: Lexicon, cues: CueIndex | None) -> list[Attribution]:
    key = (id(masked), a, b, id(lex))
    hit = _MEMO.get(key)
    if hit is None or hit[0] is not masked:
        hit = (masked, find_attributions(masked, a, b, lex, cues))
        _MEMO[key] = hit
    return hit[1]


def attach_speakers(
    text: str,
    masked: str,
    quotes: list[Quote],
    sentences,
    lex_for: Callable[[int], Lexicon | None],
    cues: CueIndex | None = None,
    passages=(),
    wire: bool = False,
) -> None:
    """Give each quote the attribution found around it (same sentence, or a neighbour). ``cues``: the
    pattern matches of ``masked`` (:class:`audit.sourcing.cues.CueIndex`); ``passages``: the paragraphs
    (a speaker carries over at most one paragraph break); ``wire``: the wire layout (one sentence a paragraph).

    When none of the strict cues names a speaker, the looser reading of news quoting applies
    (:func:`_loose_speaker`): any reporting verb next to the quote, whatever its subject ("the brief
    said", "an arbitrageur said", "speculated one arbitrager"), a pronoun subject, or the speaker of the
    sentence before or of the quote that follows."""
    starts = [s.start for s in sentences]
    para_starts = [p.start for p in passages]
    overlaps: _Overlaps | None = None
    _MEMO.clear()

    def paragraph(offset: int) -> int:
        return bisect.bisect_right(para_starts, offset) - 1

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
            found = [x for x in _attributions(masked, a, b, lex, cues) if x.valid or x.vague]
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
                found = [x for x in _attributions(masked, prev.start, prev.end, lex, cues) if x.valid or x.vague]
                if found:
                    speaker = found[-1]
        if speaker is None:
            speaker = _context_speaker(text, masked, q, sentences, i0, i1)
        if speaker is None:
            speaker = _previous_speaker(text, masked, q, sentences, i0, lex, cues)
        if speaker is None:
            if overlaps is None:
                overlaps = _Overlaps(quotes)
            speaker = _loose_speaker(
                text, masked, q, quotes, sentences, i0, i1, lex, cues, candidates, paragraph, wire, overlaps
            )
        q.speaker = speaker
    _following_speakers(text, quotes, paragraph)
    _MEMO.clear()


class _Overlaps:
    """Which quote of a document comes last, in list order, among those that start before a given quote and overlap
    a span (:meth:`last`). The quotes are in order of their starts (as :func:`audit.sourcing.quotes.find_quotes`
    gives them): the candidates end at a bisection of the starts, and the search stops once no earlier quote reaches
    the span (the running maximum of their ends); a scan of every quote per quote was quadratic on pages with
    hundreds of quoted titles."""

    __slots__ = ("quotes", "starts", "reach", "ordered")

    def __init__(self, quotes: list[Quote]) -> None:
        self.quotes = quotes
        self.starts = [q.start for q in quotes]
        self.ordered = all(a <= b for a, b in zip(self.starts, self.starts[1:], strict=False))
        reach: list[int] = []
        m = -1
        for q in quotes:
            m = max(m, q.end)
            reach.append(m)
        self.reach = reach

    def last(self, q: Quote, a: int, b: int) -> Quote | None:
        """The last quote ``o`` of the list with ``o.start < b``, ``o.end > a``, ``o.start < q.start``, ``o is not q``."""
        quotes = self.quotes
        if not self.ordered:
            for o in reversed(quotes):
                if o.start < b and o.end > a and o is not q and o.start < q.start:
                    return o
            return None
        reach = self.reach
        j = bisect.bisect_left(self.starts, min(b, q.start)) - 1  # quotes[: j + 1] start before b and q
        while j >= 0 and reach[j] > a:
            o = quotes[j]
            if o.end > a and o is not q:
                return o
            j -= 1
        return None


#: A past-tense verb and a noun phrase after a quote: “...,” speculated one arbitrager / warned the minister.
_LOOSE_TAG_AFTER = re.compile(
    r"\s*,?\s*([a-záéíóúñ]+(?:ed|ó|ió))\s+((?:the|a|an|one|another|el|la|un|una|otro|otra)\s+[\w’'-]+)"
)
#: A noun phrase and a reporting verb after a quote: “...,” the report states / one banker noted.
_LOOSE_TAG_NP_VERB = re.compile(
    r"\s*,?\s*((?:the|a|an|one|another|el|la|un|una|otro|otra)\s+[\w’'-]+(?:\s+[\w’'-]+){0,2}?)\s+([a-záéíóúñ]+)\b"
    r"(?=\s*[.,;]|\s*$)",
    re.I,
)
#: A signature after a quote: a dash and a name, on the same line or the next ("” – Oprah Winfrey", "- R.J.").
_SIGNATURE = re.compile(r"[ \t]*\n?[ \t]*[-–—]+[ \t]*([A-ZÁÉÍÓÚÑ][\w’'.-]*(?:[ \t]+[A-ZÁÉÍÓÚÑ][\w’'.-]*){0,3})")
_PRONOUN_OPENER = re.compile(r"\s*(he|she|they|él|ella|ellos|ellas)\b", re.I)


def _loose_speaker(
    text: str,
    masked: str,
    q: Quote,
    quotes: list[Quote],
    sentences,
    i0: int,
    i1: int,
    lex: Lexicon,
    cues: CueIndex | None,
    candidates: list[tuple[int, int]],
    paragraph: Callable[[int], int],
    wire: bool = False,
    overlaps: _Overlaps | None = None,
) -> Attribution | None:
    """A speaker as news writing gives one, when the strict cues found none (each a general reading):

    1. a reporting verb around the quote with any subject: the subject is the speaker, whether or not it
       names an identifiable source ("the brief said", "The trust said", "one said": the source's quality
       is SRC003's business, not SRC002's);
    2. a reporting verb before the quote in its sentence, whatever its subject ("The minister did not
       specify ... but said that from 1992 “...”", "described the decision as “...”"), or in the sentence
       that introduces it with a colon ("adding:"); or a person named in that introduction ("Martin Sheen
       is not a fan of the plan: “...”");
    3. a tag after the quote with a past-tense verb and a noun phrase (“...,” speculated one arbitrager), or
       a noun phrase and any reporting verb (“...,” the report states), or a signature: a dash and a name
       (“...” – Oprah Winfrey; a testimonial with "- Hans M." on the line below);
    4. a pronoun or a capitalised name opening the quote's sentence as its subject ("He applauded the
       decision to drop Inco, “a super stock ...”", "SELA called for efforts to break “the vicious circle
       ...”");
    5. the speaker of the sentence before it, in the same paragraph or the one before: a quote with a
       speaker, or a reporting verb with a subject (wire style: “...,” Speakes said. / “And that's why...”),
       or, for a quote that opens its sentence, a pronoun or a name as that sentence's subject ("She spends
       less than 7 dlrs a day on food." / “For lunch I buy...”).
    """
    for a, b in candidates:
        if b <= a:
            continue
        found = [
            x for x in _attributions(masked, a, b, lex, cues) if x.kind in ("verb", "cue", "evidence") and x.source
        ]
        if found:
            return min(found, key=lambda x: min(abs(x.start - q.start), abs(x.start - q.end)))
    s0 = sentences[i0]
    spans = [(s0.start, q.start)]
    if i0 > 0:
        prev = sentences[i0 - 1]
        if text[prev.start : prev.end].rstrip().endswith(":") and not text[s0.start : q.start].strip():
            spans.append((prev.start, prev.end))  # the sentence that introduces the quote with a colon
    for a, b in spans:
        verb = _reporting_verb(masked, a, b, lex, cues)
        if verb is not None:
            return verb
    for a, b in spans:
        if masked[a:b].rstrip().endswith(":"):
            who = _person_in(masked, a, b, pronoun=False)  # "Martin Sheen is not a fan of the plan: “...”"
            if who is not None:
                return who
    if q.closed:
        m = _SIGNATURE.match(text, q.end, min(len(text), q.end + 80))
        if m:  # “The greatest discovery ...” – Oprah Winfrey; a testimonial signed "- Hans M." below it
            return Attribution(m.start(1), m.end(1), "signature", "context", m.group(1), "named")
        m = _LOOSE_TAG_AFTER.match(text, q.end, min(len(text), q.end + 80))
        if m:
            return Attribution(m.start(1), m.end(1), m.group(1), "verb", m.group(2), None)
        m = _LOOSE_TAG_NP_VERB.match(text, q.end, min(len(text), q.end + 80))
        if m and m.group(2) in lex.reporting_verbs:
            return Attribution(m.start(2), m.end(2), m.group(2), "verb", m.group(1), None)
    p = _PRONOUN_OPENER.match(text, s0.start, q.start)
    if p:
        return Attribution(p.start(1), p.end(1), "context", "context", p.group(1).lower(), "pronoun")
    if len(text[s0.start : q.start].split()) >= 3:
        who = _subject_name(text, s0.start, q.start)  # "SELA called for new efforts to break “the vicious circle...”"
        if who is not None:
            return who
    if i0 > 0:
        prev = sentences[i0 - 1]
        if paragraph(q.start) - paragraph(prev.start) <= 1:
            o = (overlaps or _Overlaps(quotes)).last(q, prev.start, prev.end)
            if o is not None and o.speaker is not None:
                return o.speaker  # the last quote before this one in the sentence before
            found = [
                x
                for x in _attributions(masked, prev.start, prev.end, lex, cues)
                if x.kind in ("verb", "cue") and x.source and not x.vague
            ]
            if found:
                return found[-1]
            if not text[s0.start : q.start].strip() and (wire or paragraph(q.start) == paragraph(prev.start)):
                # A quote opening its sentence after one whose subject is a person or a pronoun, in its paragraph
                # (or the paragraph before in the wire layout, one sentence a paragraph): "She spends less than
                # 7 dlrs a day on food." / “For lunch I buy...”
                p = _PRONOUN_OPENER.match(text, prev.start, prev.end)
                if p:
                    return Attribution(p.start(1), p.end(1), "context", "context", p.group(1).lower(), "pronoun")
                return _subject_name(text, prev.start, prev.end)
    return None


_SUBJECT_NAME = re.compile(
    r"\s*([A-ZÁÉÍÓÚÑ][\w’'.&-]*(?:\s+[A-ZÁÉÍÓÚÑ][\w’'.&-]*){0,3})\s+(?:[a-z]+ly\s+)?[a-záéíóúñ]+"
)


def _subject_name(text: str, start: int, end: int) -> Attribution | None:
    """The capitalised name that opens a sentence as its subject, followed by a lower-case verb ("SELA called
    for", "Burry previously had"); not a sentence opener ("The", "But") nor a day or a month, nor a word that
    is capitalised only because it opens the sentence ("There were", "Hence", "Following the war")."""
    m = _SUBJECT_NAME.match(text, start, end)
    if m is None:
        return None
    words = m.group(1).split()
    if words[0] in _SENTENCE_OPENERS or words[0] in _OPENERS or words[0].lower() in _NOT_NAMES:
        return None
    kind = "named" if written_as_name(text, words[0], run=len(words) > 1) else "subject"
    if len(words) == 1 and (words[0].lower() in ROLE_NOUNS or words[0].lower() in ORG_NOUNS):
        return None  # "Workers left town.", "Police said": a common noun opening the sentence
    return Attribution(m.start(1), m.end(1), "context", "context", m.group(1), kind)


_INTRODUCES = re.compile(r"\s*(?::|,\s*$|that\b|que\b|$)")


def _reporting_verb(masked: str, start: int, end: int, lex: Lexicon, cues: CueIndex | None) -> Attribution | None:
    """The last reporting verb in ``masked[start:end]`` that is not an adjective or a noun ("said", "adding",
    "described"; not "the reported cases", "asylum claims")."""
    if cues is None or cues.text is not masked:
        cues = CueIndex(masked)
    for m in reversed(cues.matches(lex.verb_re, lex.verb_keys, start, end)):
        verb = m.group(0)
        if verb in lex.progressive_only and _INTRODUCES.match(masked, m.end(), end):
            pass  # "..., adding:", "saying that": a gerund that introduces what is said
        elif verb in lex.framed_only or verb in lex.ambiguous or verb in lex.progressive_only:
            continue
        return Attribution(m.start(), m.end(), verb, "verb", None, None)
    return None


def _following_speakers(text: str, quotes: list[Quote], paragraph) -> None:
    """A quote with no speaker takes the speaker of the quote right after it (only white space between),
    in the same paragraph or the next (“For 1987 early indications point to...” / “Growth in the non-oil sector is
    low...,” the report states.)."""
    for k in range(len(quotes) - 2, -1, -1):
        q, nxt = quotes[k], quotes[k + 1]
        if q.speaker is not None or nxt.speaker is None or not q.closed:
            continue
        if not text[q.end : nxt.start].strip() and paragraph(nxt.start) - paragraph(q.start) <= 1:
            q.speaker = nxt.speaker


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
        for a in _attributions(masked, prev.start, prev.end, lex, cues)
        if a.valid and a.kind in ("verb", "cue") and a.source_kind in ("named", "pronoun", "role")
    ]
    return found[-1] if found else None


_CAPITALISED_RUN = re.compile(r"[A-ZÁÉÍÓÚÑ][\w’'.-]*(?:\s+(?:de\s+|del\s+|la\s+)?[A-ZÁÉÍÓÚÑ][\w’'.-]*)+")


def _person_in(text: str, start: int, end: int, pronoun: bool = True) -> Attribution | None:
    """A person named in ``text[start:end]`` (two or more capitalised words past the first word), or a
    he/she subject."""
    for m in _CAPITALISED_RUN.finditer(text[start:end]):
        name = m.group(0)
        words = name.split()
        if m.start() == 0 and words[0] in _OPENERS:
            words = words[1:]
        kind = "named"
        if m.start() == 0 and len(words) == len(name.split()) and not written_as_name(text, words[0], run=True):
            # "One Armenian musicologist", "During World War II": the subject still speaks the quote, but the
            # sentence's capitalised first word names nobody for the scorecards
            kind = "subject"
        if len(words) >= 2:
            return Attribution(start + m.start(), start + m.end(), "context", "context", " ".join(words), kind)
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
