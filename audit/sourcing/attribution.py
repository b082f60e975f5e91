"""Attribution detection: who says what, according to whom, quoted by whom.

Pure helpers over a document's text and its sentence spans:

* :func:`find_quotes` finds direct quotations (“...”, "...", «...»), including quotes
  that run over several paragraphs (each continued paragraph opens with a quote mark
  and only the last one closes it);
* :func:`find_attributions` finds attribution cues in a span (reporting verbs with their
  subject, "according to X", "the survey found", "Source: X") and extracts the source:
  a named person or organisation, an outlet, a document, a role ("officials"), a pronoun,
  or a vague source ("critics", "some") which counts as weasel wording;
* :func:`find_tables` finds pipe/tab tables with their caption lines;
* :func:`headline_outlet` reads the outlet from "Headline – Outlet" lines.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from audit.sourcing.lexicon import Lexicon

# ---------------------------------------------------------------------------
# Quotes

_OPEN = {"“": "”", "«": "»", '"': '"', "„": "“"}
_CLOSE = {"”", "»", '"'}
_QUOTE_CHAR = re.compile(r'[“”«»"„]')


@dataclass(slots=True)
class Quote:
    start: int  # the opening mark
    end: int  # after the closing mark (or the end of the last paragraph when unclosed)
    words: int
    closed: bool
    paragraphs: int = 1
    speaker: Attribution | None = None

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1 if self.closed else self.end


def _scan_paragraph(text: str, start: int, end: int, open_at: int | None) -> tuple[list[tuple[int, int]], int | None]:
    """Quote spans closed in ``text[start:end]``; ``open_at`` is a quote still open at ``start``.

    Returns the closed spans and the position of a quote left open at the paragraph end.
    """
    spans: list[tuple[int, int]] = []
    cur = open_at
    closer = "”" if open_at is not None else None
    if open_at is not None and text[open_at] in _OPEN:
        closer = _OPEN[text[open_at]]
    for m in _QUOTE_CHAR.finditer(text, start, end):
        i, ch = m.start(), m.group(0)
        if cur is None:
            if ch in _OPEN:
                if ch == '"' and (i + 1 >= end or text[i + 1] in " \t\n") and i > start and not text[i - 1].isspace():
                    continue  # a closing mark with no opening one (5'10", or a quote opened in an earlier paragraph)
                cur, closer = i, _OPEN[ch]
        elif ch == closer or (ch in _CLOSE and closer != '"' and ch != '"'):
            spans.append((cur, i + 1))
            cur, closer = None, None
    return spans, cur


def find_quotes(text: str, passages) -> list[Quote]:
    """Direct quotations in ``text``; ``passages`` are paragraph spans in order."""
    out: list[Quote] = []
    pending: int | None = None  # start of a quote continued from the previous paragraph
    pending_paras = 0
    n = len(passages)
    for idx, p in enumerate(passages):
        para_start = p.start
        if pending is not None:
            first = text[p.start] if p.start < len(text) else ""
            if first in "“«\"":
                # A continued quote: this paragraph re-opens it.
                spans, still_open = _scan_paragraph(text, p.start + 1, p.end, pending)
                pending_paras += 1
                if spans:
                    s0, e0 = spans[0]
                    out.append(_quote(text, pending, e0, True, pending_paras))
                    for s, e in spans[1:]:
                        out.append(_quote(text, s, e, True))
                    pending = None
                    pending_paras = 0
                    if still_open is not None:
                        pending, pending_paras = still_open, 1
                else:
                    pending = pending if still_open is not None else None
                continue
            # The quote never closed: keep it only if it ran over several paragraphs.
            if pending_paras >= 2:
                out.append(_quote(text, pending, passages[idx - 1].end, False, pending_paras))
            pending, pending_paras = None, 0
        spans, still_open = _scan_paragraph(text, para_start, p.end, None)
        for s, e in spans:
            out.append(_quote(text, s, e, True))
        if still_open is not None:
            pending, pending_paras = still_open, 1
    if pending is not None and pending_paras >= 2 and n:
        out.append(_quote(text, pending, passages[-1].end, False, pending_paras))
    out.sort(key=lambda q: q.start)
    return out


def _quote(text: str, start: int, end: int, closed: bool, paragraphs: int = 1) -> Quote:
    inner = text[start + 1 : end - 1 if closed else end]
    return Quote(start, end, len(inner.split()), closed, paragraphs)


def mask_quotes(text: str, quotes: list[Quote]) -> str:
    """``text`` with the inside of every quote blanked (same length, offsets preserved)."""
    if not quotes:
        return text
    parts = []
    pos = 0
    for q in quotes:
        s, e = q.inner
        if s < pos:
            continue
        parts.append(text[pos:s])
        parts.append(re.sub(r"[^\n]", " ", text[s:e]))
        pos = e
    parts.append(text[pos:])
    return "".join(parts)


# ---------------------------------------------------------------------------
# Attributions


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


_UPPER = "A-ZÁÉÍÓÚÑÜ"
_NAME_TOKEN = rf"(?:[{_UPPER}][\w’'.&-]*|[{_UPPER}]{{2,}})"
_CONNECT = r"(?:of|the|for|on|and|&|de|del|la|las|los|el|y|for)"
_NAME_SEQ = re.compile(rf"{_NAME_TOKEN}(?:\s+(?:{_CONNECT}\s+)?{_NAME_TOKEN})*")
_PRONOUNS = frozenset(
    "he she they it we i him her them él ella ellos ellas nosotros usted ustedes".split()
)
_VAGUE_HEADS = frozenset(
    "some many critics experts observers people sources others someone somebody insiders "
    "algunos algunas muchos muchas críticos expertos observadores analistas fuentes otros alguien".split()
)
_DETERMINERS = frozenset(
    "the a an this that these those its their his her our el la los las un una su sus este esta".split()
)
_ADJ_PRECEDERS = _DETERMINERS | frozenset("of in for on with by to from de del en con para por".split())
_SENTENCE_FUNCTION = frozenset(
    "The A An In On At It He She They We This That These Those But And However Yet So Also Then "
    "Many Some Several Most All Other Others Both Each Every Few More Any Its Their His Her Our After Before "
    "While When If Although Though Meanwhile Still Now Today Yesterday Last Next About Around Nearly Almost "
    "Less Over Under Only Just Even Roughly Approximately Up To By From With Without Since Until During "
    "Un Una En Pero Y Sin Embargo Según According As For Muchos Muchas Algunos Algunas Varios Varias "
    "Otros Otras Ambos Cada Su Sus Ayer Hoy Mientras Cuando Aunque".split()
)
_ARTICLES = frozenset("El La Los Las".split())
#: Capitalised words that are never a source on their own (days, months, countries' short forms).
_NOT_NAMES = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday lunes martes miércoles jueves viernes sábado domingo
    january february march april may june july august september october november december enero febrero marzo
    abril mayo junio julio agosto septiembre octubre noviembre diciembre u.s us u.s. uk u.k. eu ee.uu. eeuu
    el la los las""".split()
)
#: Common nouns for groups of people: sentence-initial "Officials said" is a role, not a name.
ROLE_NOUNS = frozenset(
    """officials official authorities police researchers scientists witnesses residents advocates activists
    protesters lawyers attorneys prosecutors investigators economists doctors leaders organizers students parents
    teachers neighbors neighbours analysts experts critics observers sources spokesman spokeswoman spokesperson
    officers agents lawmakers legislators democrats republicans voters workers employees executives
    aides aide staff staffers families family relatives friends colleagues diplomats victims survivors patients
    nurses doctors physicians clergy members candidates judges justices judge analyst economist strategists
    traders bankers dealers investors shareholders customers users owners candidates delegates diplomats
    witnesses inspectors auditors veterans senators representatives councilmembers chief chiefs head heads
    asesores portavoces familiares víctimas sobrevivientes pacientes enfermeras dirigentes diputados senadores
    concejales jueces miembros candidatos delegados inspectores
    funcionarios autoridades policía investigadores científicos testigos residentes vecinos abogados activistas
    manifestantes economistas médicos líderes fiscales agentes legisladores portavoz vocero""".split()
)
_VAGUE_FILLERS = frozenset(
    "some many other others most several even also have has long still y e también incluso otros otras".split()
)
_VAGUE_QUANT = frozenset(
    "some various several many other certain numerous multiple algunas algunos varias varios diversas diversos "
    "otras otros ciertas ciertos numerosas numerosos múltiples".split()
)
_PEOPLE = frozenset("people person persons source sources personas fuentes".split())
_DISCOURSE = frozenset(
    "however though too also meanwhile moreover instead still nonetheless nevertheless in turn for example "
    "sin embargo además también no obstante en tanto por su parte asimismo por ejemplo".split()
)
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|be|being|is|are|get|got|fue|fueron|será|sido|ser)\s+$", re.I)
_FRAMED_AFTER = re.compile(r"\s*(?:[,.:;”\"»]|that\b|que\b|$)")
_BOUNDARY = re.compile(r"[,;:()\[\]“”\"«»—–]")
_TITLE = re.compile(
    r"^(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Sgt|Lt|Col|Capt|Det|Officer|Senator|Representative|Governor|"
    r"President|Mayor|Secretary|Minister|Judge|Justice|Chief|Sheriff|Attorney General|Commissioner|Director|"
    r"Sr|Sra|Dra|Don|Doña|Presidente|Alcalde|Alcaldesa|Gobernador|Ministro|Ministra|Secretario)\.?\s+"
)


def _name_before(text: str, start: int, end: int) -> str | None:
    """The last capitalised name in ``text[start:end]`` that is not a sentence opener."""
    best = None
    for m in _NAME_SEQ.finditer(text, start, end):
        name = m.group(0).strip(" .,'’")
        words = name.split()
        while words and (words[0] in _SENTENCE_FUNCTION or (words[0] in _ARTICLES and len(words) > 1
                                                            and words[1].lower() in ROLE_NOUNS)):
            words = words[1:]
        while words and words[-1].lower() in {"of", "the", "and", "de", "del", "la", "y", "for"}:
            words = words[:-1]
        if len(words) == 1 and (words[0].lower() in _NOT_NAMES or words[0].lower() in ROLE_NOUNS
                                or words[0].lower() in _VAGUE_HEADS):
            words = []
        if words:
            best = " ".join(words)
    return best


def _name_before_first(text: str, start: int, end: int) -> str | None:
    """The first capitalised name in ``text[start:end]`` (the main clause's subject)."""
    for m in _NAME_SEQ.finditer(text, start, end):
        name = _name_before(text, m.start(), m.end())
        if name:
            return name
    return None


#: Organisations and groups that speak ("the company said", "el sindicato informó").
ORG_NOUNS = frozenset(
    """company firm agency department group organization organisation union hospital university college school
    district city county state government court council bank team campaign party committee board ministry office
    administration commission police service services network station newspaper outlet institute center centre
    foundation association coalition alliance federation bureau authority authorities army military navy military
    church club league company's industry regulator regulators prosecutor prosecutors lab laboratory clinic
    website site platform brand retailer airline carrier operator utility manufacturer automaker startup charity
    empresa compañía agencia departamento grupo organización sindicato hospital universidad escuela ciudad
    ayuntamiento municipio gobierno tribunal juzgado consejo banco equipo campaña partido comité junta ministerio
    oficina administración comisión policía servicio instituto centro fundación asociación coalición alianza
    federación autoridad autoridades ejército iglesia club liga fiscalía secretaría procuraduría cadena diario
    periódico emisora canal portal plataforma aerolínea compañía organismo entidad institución ente organism
    body agencia firma consultora""".split()
)
_NAME_JOINERS = frozenset("and or of & y o de del e".split())
_PERSON_SUFFIXES = (
    "er", "ers", "or", "ors", "ist", "ists", "ian", "ians", "ent", "ents", "ant", "ants", "man", "men", "woman",
    "women", "person", "people", "ora", "oras", "ores", "ista", "istas", "ante", "antes", "ente", "entes", "ado",
    "ados", "ada", "adas", "ario", "aria", "arios", "ero", "era", "eros", "eras", "ess",
)


#: People named by their role in one word: "the candidate said", "the nominee told reporters".
_SINGULAR_ROLES = frozenset(
    "nominee incumbent challenger chairman chairwoman chair governor mayor senator congressman congresswoman "
    "president minister secretary sheriff prosecutor commissioner superintendent ceo founder owner director "
    "manager coach candidata candidato alcalde alcaldesa ministra ministro consejera consejero portavoz".split()
)
_FUNCTION_WORDS = frozenset(
    """over under after other either neither whether never ever her per for or nor however together later rather
    further about into onto upon than then there their where were more most such while among between during
    sobre entre para por desde hasta contra según durante mientras""".split()
)


def _personish(word: str, lex: Lexicon) -> bool:
    w = word.strip(".,;:’'")
    return (w in ROLE_NOUNS or w + "s" in ROLE_NOUNS or w in _SINGULAR_ROLES or w in ORG_NOUNS or w in _PEOPLE or w in _PRONOUNS or w in lex.official_nouns
            or w in lex.research_nouns or w in lex.document_nouns or w.endswith(_PERSON_SUFFIXES)
            or w.endswith(("’s", "'s")) or w in _VAGUE_HEADS)


def classify_source(phrase: str, lex: Lexicon) -> tuple[str | None, str | None]:
    """(source_kind, outlet) for a noun phrase naming a source."""
    p = " ".join(phrase.split()).strip(" ,.;:'’\"“”")
    if not p:
        return None, None
    first, _, rest = p.partition(" ")
    if first.lower() in ROLE_NOUNS or first.lower() in _VAGUE_HEADS or first in _SENTENCE_FUNCTION or (
        first in _ARTICLES
    ):
        p = (first.lower() + " " + rest).strip()
    if first.lower() in ("the", "these", "those") and rest and all(w.lower() in _VAGUE_HEADS for w in rest.split()):
        return "role", None  # "the sources said", "the analysts said": the group the story already introduced
    low = p.lower()
    words = low.split()
    bare = " ".join(w for w in words if w not in _DETERMINERS)
    if low in _PRONOUNS or (len(words) == 1 and words[0] in _PRONOUNS):
        return "pronoun", None
    if bare in lex.outlets or low in lex.outlets:
        return "outlet", p
    has_cap = bool(re.search(rf"[{_UPPER}]", p))
    last = words[-1] if words else ""
    if has_cap:
        caps = [w for w in p.split() if w[:1].isupper()]
        if caps and (caps[-1].lower().strip("’'s") in lex.outlet_heads or words[0] in lex.outlet_heads):
            return "outlet", p
        if last in lex.document_nouns:
            return "document", None
        return "named", None
    if last in lex.document_nouns or any(w in lex.document_nouns for w in words[-2:]):
        if words[0] in _VAGUE_QUANT and len(words) <= 3:
            return "vague", None  # "some estimates", "various studies", "algunas estimaciones"
        if words[0] in ("a", "an", "un", "una") and len(words) <= 2:
            return "vague", None  # "a memo", "un informe": which one? ("a 2022 audit" is specific)
        return "document", None
    content = [w for w in words if w not in _DETERMINERS and w not in _VAGUE_FILLERS]
    heads = [w for w in content if w not in lex.stopwords and w not in _FUNCTION_WORDS]
    if heads and not any(_personish(w, lex) for w in heads[:2] + heads[-1:]):
        return None, None  # "citing concerns over safety", "the economy": not a source
    if (content and all(w in _VAGUE_HEADS for w in content)) or (
        not content and any(w in _VAGUE_HEADS for w in words)
    ):
        return "vague", None  # "some", "critics", "many experts" (but "police sources": a role)
    return "role", None


def _np_after(text: str, pos: int, end: int, max_words: int = 8) -> tuple[int, int] | None:
    m = re.compile(r"\s*").match(text, pos)
    s = m.end() if m else pos
    stop = _BOUNDARY.search(text, s, end)
    e = stop.start() if stop else end
    seg = text[s:e]
    # Stop at a clause verb or "that".
    cut = re.search(r"\s(?:that|who|which|que|quien|when|cuando|on|in|at|last|this|el pasado|ayer)\s", " " + seg + " ")
    if cut:
        seg = seg[: max(0, cut.start())]
    words = seg.split()[:max_words]
    if not words:
        return None
    seg = " ".join(words).rstrip(".")
    idx = text.find(words[0], s)
    return idx, idx + len(seg)


_RELATIVE = re.compile(r"\s*(?:which|who|whose|whom|where|que|quien|quienes|cuyo|cuya|cuyos|cuyas|donde)\s", re.I)
#: The "speaker" is the statistic itself: "9,000 patients admitted", "Nearly half of voters say".
_QUANTIFIED_SUBJECT = re.compile(
    r"\d\s?%|\d{1,3}(?:[.,]\d{3})+|\d{3,}|"
    r"\b(?:half|third|thirds|quarter|quarters|fifth|majority|percent|mitad|tercio|tercios|mayoría|por\s+ciento)\b",
    re.I,
)  # a share, or a count of hundreds or more ("The 12 officials said" is a group of speakers)
#: Institutional qualifiers that make "fuentes"/"sources" a role, not a weasel: "fuentes policiales".
_SOURCE_QUALIFIER = re.compile(
    r"\s+(?:policiales|judiciales|oficiales|gubernamentales|militares|diplomáticas|sanitarias|municipales|"
    r"ministeriales|parlamentarias|penitenciarias|aeroportuarias|portuarias|"
    r"(?:de|del|de\s+la|de\s+los)\s+[A-ZÁÉÍÓÚÑ])"
)
#: A source named by a preposition: "in the 50-state poll", "in this survey", "en la encuesta", "under Missouri law".
_PREP_SOURCE = re.compile(
    r"(?<![\w’'-])(?:[Ii]n|[Ff]rom|[Ee]n|[Ss]egún)\s+(?:the|this|that|these|its|their|his|her|el|la|los|las|este|esta|ese|"
    r"esa|su|sus)\s+(?:[\w'’.-]+\s+){0,3}?(?:poll|polls|survey|surveys|study|studies|report|analysis|census|audit|"
    r"review|data|dataset|sondeo|encuesta|estudio|informe|análisis|censo|auditoría|datos)(?![\w’'-])"
    r"(?!\s+(?:center|centre|centers|centres|breach|entry|card))"
    r"|(?<![\w’'-])(?:[Uu]nder|[Ss]egún\s+la)\s+(?:[\w'’.-]+\s+){0,3}?(?:law|laws|statute|statutes|regulations|ley|"
    r"normativa)(?![\w’'-])"
)
#: "The figure came from the campaign": where a number comes from, said in the sentence itself.
_CAME_FROM = re.compile(
    r"(?<![\w’'-])(?:came|comes|come|coming|proceden?|provienen?|procedía)\s+(?:from|de|del)(?![\w’'-])", re.I
)
_FIGURE_SUBJECT = re.compile(
    r"\b(?:figures?|numbers?|estimates?|data|statistics?|count|tally|total|cifras?|datos|estimaciones?)\b", re.I
)
#: An outlet in parentheses after the claim: "... cut 14,000 jobs (Reuters)."
_PAREN_SOURCE = re.compile(r"\(([^()\n]{2,40})\)")


def _subject_before(text: str, sent_start: int, pos: int, lex: Lexicon) -> tuple[str | None, str | None, str | None]:
    """(source phrase, kind, outlet) of the subject left of a reporting verb at ``pos``."""
    window_start = max(sent_start, pos - 160)
    chunk_text = text[window_start:pos]
    parts = [m for m in re.finditer(r"[^,;:()\[\]“”\"«»—–]+", chunk_text)]
    if not parts:
        return None, None, None
    while len(parts) > 1 and (
        not parts[-1].group(0).strip()
        or parts[-1].group(0).strip().lower() in _DISCOURSE
        or _RELATIVE.match(parts[-1].group(0))
    ):
        parts = parts[:-1]  # "The chain, which runs 182 hospitals, reported": the subject is "The chain"
    last = parts[-1]
    phrase = last.group(0).strip()
    if not phrase or phrase.lower() in _DISCOURSE:
        return None, None, None
    coordinated = re.match(r"(?:and|but|while|whereas|y|pero|mientras)\s+", phrase, re.I)
    if coordinated:
        # ", and economists expect": a new clause whose subject follows the conjunction (no appositive).
        phrase = phrase[coordinated.end() :]
        parts = parts[-1:]
    words = phrase.split()
    if len(words) > 10:
        words = words[-10:]
        phrase = " ".join(words)
    low = [w.lower() for w in words]
    if low and low[-1] in _PRONOUNS:
        return low[-1], "pronoun", None
    abs_start = window_start + last.start()
    name = _name_before(text, abs_start, window_start + last.end())
    rest = phrase[len(name):].split() if name and phrase.startswith(name) else []
    if (name and " " not in name and rest and rest[0].islower() and rest[0] not in _NAME_JOINERS
            and not text[sent_start:abs_start].strip()):
        name = None  # "Community advocates and local leaders warn": a common noun capitalised as the first word
    if name:
        kind, outlet = classify_source(_with_det(phrase, name), lex)
        tail = phrase[phrase.find(name) + len(name):].split() if name in phrase else []
        if kind == "named" and 0 < len(tail) <= 2 and all(w.islower() for w in tail):
            # "the Trump administration", "Berkeley officials": the group named by the phrase.
            name = name + " " + " ".join(tail)
        return name, kind, outlet
    kind, outlet = classify_source(phrase, lex)
    if kind in ("role", None) and len(parts) >= 2:
        # Appositive: "Sgt. Amar Gandhi, a sheriff's spokesperson, said".
        prev = parts[-2]
        name = _name_before(text, window_start + prev.start(), window_start + prev.end())
        if name:
            return name, "named", None
    if kind == "role" and not any(w in lex.official_nouns or w in ROLE_NOUNS or w in _PEOPLE
                                  or w.endswith(("man", "woman", "person")) for w in low):
        # "The economy added", "Sales rose": not a speaker.
        if len(words) > 5:
            return None, None, None
    return phrase, kind, outlet


def _with_det(phrase: str, name: str) -> str:
    i = phrase.find(name)
    if i > 0:
        before = phrase[:i].split()
        if before and before[-1].lower() in _DETERMINERS:
            return before[-1] + " " + name
    return name


# Keyed by id(): hashing a compiled pattern hashes its whole compiled code every time, which
# for the lexicon alternations cost more than the matching. The entry holds the pattern, so
# its id cannot be reused while the entry lives.
_MATCH_CACHE: dict[int, tuple[re.Pattern, str, list[int], list[int], list[re.Match]]] = {}


def _matches(pattern: re.Pattern, text: str, start: int, end: int) -> list[re.Match]:
    """``pattern.finditer(text, start, end)``, scanning each text once and slicing by offsets."""
    hit = _MATCH_CACHE.get(id(pattern))
    if hit is None or hit[1] is not text or hit[0] is not pattern:
        found = list(pattern.finditer(text))
        hit = (pattern, text, [m.start() for m in found], [m.end() for m in found], found)
        _MATCH_CACHE[id(pattern)] = hit
    _p, _t, starts, ends, found = hit
    if not found:
        return []
    i = bisect.bisect_left(starts, start)
    # finditer matches do not overlap, so their ends are sorted too: the run of matches from
    # ``i`` that end by ``end`` stops at the first end past it.
    return found[i : bisect.bisect_right(ends, end, i)]


def find_attributions(text: str, start: int, end: int, lex: Lexicon) -> list[Attribution]:
    """Attribution cues in ``text[start:end]`` (``text`` should have its quotes masked)."""
    out: list[Attribution] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    pro = _PRO_DROP.match(text, start, end) if lex.language == "es" else None
    if pro and (pro.group(1).lower() in lex.reporting_verbs or pro.group(1).lower() in lex.evidence_verbs) and (
        _PRO_DROP_AFTER.match(text, pro.end(), end)
    ):
        # Spanish drops the subject pronoun: "Añadió que...", "También precisó que..." (he/she said).
        out.append(Attribution(pro.start(1), pro.end(1), pro.group(1), "verb", "él/ella", "pronoun"))
        taken.append((pro.start(1), pro.end(1)))
    for m in _matches(lex.weasel_re, text, start, end):
        if m.group(0).lower().endswith(("fuentes", "sources")) and _SOURCE_QUALIFIER.match(text, m.end()):
            continue  # "según fuentes policiales": a role, like "police sources"
        out.append(Attribution(m.start(), m.end(), m.group(0), "weasel", m.group(0), "vague"))
        taken.append((m.start(), m.end()))
    for m in _matches(lex.hidden_passive_re, text, start, end):
        if free(m.start(), m.end()):
            out.append(Attribution(m.start(), m.end(), m.group(0), "passive"))
            taken.append((m.start(), m.end()))
    for m in _matches(lex.cue_re, text, start, end):
        if not free(m.start(), m.end()):
            continue
        cue = m.group(0)
        low = " ".join(cue.lower().split())
        if low.endswith(":"):
            np = _np_after(text, m.end(), end, 10)
        elif low.startswith(("a spokes", "un portavoz", "una portavoz", "un vocero", "una vocera")):
            org = re.match(r"\s+(?:for|of|de|del)\s+((?:the\s+|la\s+|el\s+)?" + _NAME_SEQ.pattern + ")",
                           text[m.end() : end])
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
        if src and kind == "named":
            name = _name_before(text, np[0], np[1])
            src = name or src
        out.append(Attribution(m.start(), m.end(), cue, "cue", src, kind, outlet))
        taken.append((m.start(), m.end()))
    for m in _matches(lex.verb_re, text, start, end):
        if not free(m.start(), m.end()):
            continue
        if re.search(r"(?:^|\s)[Ss]e\s+$", text[max(start, m.start() - 4) : m.start()]):
            # Impersonal "se estima", "se informó": nobody is named.
            a = Attribution(m.start() - 3, m.end(), text[m.start() - 3 : m.end()], "weasel", None, "vague")
            out.append(a)
            taken.append((a.start, a.end))
            continue
        if any(w.kind == "weasel" and w.end <= m.start() and not text[w.end : m.start()].strip(" ,") for w in out):
            continue  # "Fuentes del sector aseguran": the subject is the weasel phrase itself
        a = _verb_attribution(text, start, end, m, lex)
        if a is not None and a.source and a.source_kind in ("role", None) and a.start > 0 and (
            _QUANTIFIED_SUBJECT.search(a.source) and text.find(a.source, start, a.start) >= 0
        ):
            continue  # the subject is the statistic itself: "9,000 patients admitted", "half of voters say"
        if a is not None and a.source and any(
            w.kind == "weasel" and w.end <= m.start() and w.cue.lower() in a.source.lower() for w in out
        ):
            continue  # "Fuentes cercanas a la negociación aseguran": a weasel subject
        if a is not None:
            out.append(a)
            taken.append((m.start(), m.end()))
    for m in _matches(_PREP_SOURCE, text, start, end):
        if free(m.start(), m.end()):
            # "in the 50-state poll", "en la encuesta del CIS", "under Missouri law": the place the figures are from.
            out.append(Attribution(m.start(), m.end(), m.group(0), "cue", m.group(0), "document"))
            taken.append((m.start(), m.end()))
    for m in _matches(_CAME_FROM, text, start, end):
        if not free(m.start(), m.end()) or not _FIGURE_SUBJECT.search(text, start, m.start()):
            continue
        np = _np_after(text, m.end(), end)
        src = text[np[0] : np[1]] if np else None
        kind, outlet = classify_source(src, lex) if src else (None, None)
        if kind is not None:
            # "The figure came from the campaign", "Las cifras proceden del INE".
            out.append(Attribution(m.start(), m.end(), m.group(0), "cue", src, kind, outlet))
            taken.append((m.start(), m.end()))
    for m in _PAREN_SOURCE.finditer(text, start, end):
        if not free(m.start(), m.end()) or len(text[start : m.start()].split()) < 3:
            continue  # "LONDON (Reuters) -": a dateline names the outlet that writes, not a source
        inner = m.group(1).strip()
        inner = re.sub(r"^(?:source|fuente|via|vía)\s*:?\s*", "", inner, flags=re.I)
        kind, outlet = classify_source(inner, lex)
        if kind == "outlet" or (kind in ("named", "document") and re.match(r"(?:source|fuente|via|vía)\b", m.group(1), re.I)):
            out.append(Attribution(m.start(), m.end(), m.group(0), "cue", inner, kind, outlet))
            taken.append((m.start(), m.end()))
    for m in _matches(lex.evidence_re, text, start, end):
        if not free(m.start(), m.end()):
            continue
        left = text[max(start, m.start() - 80) : m.start()]
        clause = re.split(r"[,;:“”\"«»]", left)[-1]
        words = [_plain(w) for w in clause.split()][-7:]
        if not any(w in lex.document_nouns for w in words) and left.rstrip().endswith(","):
            # "The survey of 1,200 voters, conducted by Gallup, found": the subject opens the sentence.
            head = re.split(r"(?<!\d),(?!\d)|[;:“”\"«»]", text[start : m.start()])[0]
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
        if words and words[-1] in ("it", "they") or words[-2:-1] and words[-2] in ("it", "they") and words[-1] in (
            "also", "further", "too"
        ):
            # "It also found": the pronoun stands for the study or report just named.
            out.append(Attribution(m.start(), m.end(), m.group(0), "evidence", "it", "pronoun"))
            taken.append((m.start(), m.end()))
        elif any(w in lex.research_nouns for w in words) and not any(w in lex.document_nouns for w in words):
            name = _name_before(text, m.start() - len(clause), m.start())
            out.append(Attribution(m.start(), m.end(), m.group(0), "evidence", name or clause.strip(),
                                   "named" if name else "role"))
            taken.append((m.start(), m.end()))
        elif any(w in lex.document_nouns for w in words):
            name = _name_before(text, m.start() - len(clause), m.start())
            kind = "document"
            if words and words[0] in ("a", "an", "un", "una") and not name and len(words) <= 2:
                kind = "vague"  # "a memo shows": which memo? ("a 2022 audit", "a Pew survey" are specific)
            out.append(Attribution(m.start(), m.end(), m.group(0), "evidence", name or clause.strip(), kind))
            taken.append((m.start(), m.end()))
        elif re.search(r",\s*[^,]+$", left) and _TAIL_TAG.match(
            text[m.end() : end]
        ):
            # A trailing tag: "Attacks rose 70% last year, security firm Check Point found in its annual report."
            name = _name_before(text, m.start() - len(clause), m.start())
            if name and len(clause.split()) <= 6:
                kind, outlet = classify_source(name, lex)
                out.append(Attribution(m.start(), m.end(), m.group(0), "evidence", name, kind or "named", outlet))
                taken.append((m.start(), m.end()))
    out.sort(key=lambda a: a.start)
    return out


#: A Spanish reporting verb opening its sentence with no subject, then "que": "Añadió que...".
_PRO_DROP = re.compile(
    r"\s*(?:(?:también|además|asimismo|luego|después|por\s+otra\s+parte)\s*,?\s*)?([^\W\d_]+)", re.I
)
_PRO_DROP_AFTER = re.compile(r"\s*(?:,\s*)?(?:(?:además|también|asimismo|luego)\s*,?\s*)?(?:que|:)", re.I)

#: What may follow a trailing evidence tag: nothing, or a short phrase saying where or when.
_TAIL_TAG = re.compile(r"(?:\s+(?:in|on|last|this|earlier|en|el|la|este|esta)\b[^,;:“”\"]{0,60})?\s*[.!]?\s*$", re.I)


_CLAUSE_BREAK = re.compile(r"[;:“”\"«»]|\s(?:and|but|while|which|who|that)\s+\w+\s+(?:said|says|found|showed)\b")
_GERUND = re.compile(r"(?:ing|ando|iendo)$")
#: What follows a reporting verb that could be a noun: "claims that", "warn:", "puts the cost at $4 billion".
_THAT_AFTER = re.compile(
    r"\s*(?:that\b|:)|\s+(?:the|its|their|his|her|a|an)\s+(?:[\w'’-]+\s+){0,4}(?:at|in)\s+(?:about\s+|nearly\s+)?[$€£\d]",
    re.I,
)
_NUMERAL = re.compile(r"[\d.,%$€£]+")
#: A progressive form: "officials are expecting", "Democrats were touting" (a finite verb, subject before it).
_PROGRESSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|been|be|am|’s|'s|’re|'re|está|están|estaba|estaban)\s+$", re.I)


def _display_outlet(name: str) -> str:
    return re.sub(r"^(?:the|el|la)\s+", "", name.strip(), flags=re.I)


def _plain(word: str) -> str:
    w = word.lower().strip(".,;:()")
    return w.removesuffix("’s").removesuffix("'s")


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
        by = re.match(r"\s+(?:by|por)\s+", after)
        if not by:
            return None
        np = _np_after(text, m.end() + by.end(), end)
        src = text[np[0] : np[1]] if np else None
        kind, outlet = classify_source(src, lex) if src else (None, None)
        return Attribution(m.start(), m.end(), verb, "verb", src, kind, outlet)
    if verb in ("added", "adds", "agregó", "añadió", "noted", "notes") and not _FRAMED_AFTER.match(after):
        if not re.match(rf"\s+(?:the\s+|el\s+|la\s+)?[{_UPPER}]", after) and not re.search(
            r"[,”\"]\s*\w*\s*\w*\s*$", before
        ):
            return None  # "the economy added 200,000 jobs"
    if verb in ("told", "tells", "tell", "telling") and not _PASSIVE_BEFORE.search(before):
        obj = re.match(rf"\s+((?:the\s+)?{_NAME_SEQ.pattern})", after)
        if obj and classify_source(obj.group(1), lex)[0] == "outlet":
            src, kind, _ = _subject_before(text, start, m.start(), lex)
            return Attribution(m.start(), m.end(), verb, "verb", src or obj.group(1), kind or "role",
                               _display_outlet(obj.group(1)))
    # Inverted: "said Carmen Iguina", "wrote the Bee", "dijo el ministro".
    inv = re.match(rf"\s+((?:the|el|la|los|las)\s+)?({_NAME_SEQ.pattern})", after)
    after_quote = bool(re.search(r"[”\"»]\s*,?\s*$", before)) or not prev_words
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
    pro = re.match(r"\s+(he|she|they|él|ella|ellos|ellas)\b", after, re.I)
    if pro and inverted_ok:
        return Attribution(m.start(), m.end(), verb, "verb", pro.group(1).lower(), "pronoun")
    if inverted_ok and re.match(r"\s+(?:the\s+|el\s+|la\s+|los\s+|las\s+|a\s+|an\s+|un\s+|una\s+)?[a-záéíóúñ]", after):
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


# ---------------------------------------------------------------------------
# Tables


@dataclass(slots=True)
class Table:
    rows: list[tuple[int, int]]  # line spans, header first
    header: tuple[int, int] | None
    captions: list[tuple[int, int]]  # the line before and the line after


_SEPARATOR_ROW = re.compile(r"^[\s|:+\-–—=]+$")


def _is_row(line: str) -> bool:
    return line.count("|") >= 1 or line.count("\t") >= 1


def _cells(line: str) -> int:
    return max(line.count("|"), line.count("\t"))


def find_tables(text: str, lines) -> list[Table]:
    """Pipe- or tab-separated tables: runs of at least two consecutive row lines."""
    out: list[Table] = []
    i, n = 0, len(lines)
    while i < n:
        if not _is_row(text[lines[i].start : lines[i].end]):
            i += 1
            continue
        j = i
        while j < n and _is_row(text[lines[j].start : lines[j].end]):
            if j > i and text.count("\n", lines[j - 1].end, lines[j].start) > 2:
                break
            j += 1
        run = [text[lines[k].start : lines[k].end] for k in range(i, j)]
        tabular = any(_SEPARATOR_ROW.match(r) and "-" in r for r in run) or all(_cells(r) >= 2 for r in run) or (
            len(run) >= 3 and len({_cells(r) for r in run}) == 1
        )
        if j - i >= 2 and tabular:
            rows = [(lines[k].start, lines[k].end) for k in range(i, j)]
            body = [r for r in rows if not _SEPARATOR_ROW.match(text[r[0] : r[1]])]
            header = body[0] if body else None
            captions = []
            if i > 0:
                captions.append((lines[i - 1].start, lines[i - 1].end))
            if j < n:
                captions.append((lines[j].start, lines[j].end))
            out.append(Table([r for r in body], header, captions))
        i = max(j, i + 1)
    return out


_SOURCE_LINE = re.compile(r"\b(?:source|sources|data|fuente|fuentes|datos|credit|crédito)s?\s*:", re.I)


def has_source_line(line: str) -> bool:
    return bool(_SOURCE_LINE.search(line))


# ---------------------------------------------------------------------------
# Outlet of a page: "Headline – Outlet"

_HEADLINE_OUTLET = re.compile(
    rf"^(?P<head>\S.{{10,}}?)\s+[–—|-]\s+(?P<outlet>(?:[{_UPPER}0-9][\w.&’'!-]*)(?:\s+(?:[{_UPPER}0-9][\w.&’'!-]*|de|del|la|el|the|of|y|&)){{0,4}})\s*$"
)


def headline_outlets(text: str, lines) -> list[str]:
    """Outlets named at the end of short "Headline – Outlet" lines, in order."""
    out = []
    for sp in lines:
        if sp.end - sp.start > 220:
            continue
        line = text[sp.start : sp.end]
        if line.count("|") > 1 or line.rstrip().endswith((".", ",", ";", ":")):
            continue
        m = _HEADLINE_OUTLET.match(line)
        if not m:
            continue
        head, outlet = m.group("head"), m.group("outlet")
        if len(head.split()) < 3 or outlet.lower() in ("the", "el", "la"):
            continue
        out.append(outlet.strip())
    return out


def headline_outlet(text: str, lines) -> str | None:
    """The most frequent headline outlet (ties: the first seen), or None."""
    names = headline_outlets(text, lines)
    if not names:
        return None
    counts = Counter(names)
    top = max(counts.values())
    return next(n for n in names if counts[n] == top)
