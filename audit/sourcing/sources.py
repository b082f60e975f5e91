"""Who a source is: names, roles, organisations, outlets and documents in the words around a cue.

:func:`classify_source` tells what kind of source a noun phrase names (``named``, ``outlet``,
``document``, ``role``, ``pronoun`` or ``vague``); :func:`subject_before` finds the subject left of a
reporting verb and :func:`np_after` the noun phrase after a cue. The patterns of cues that name a
source by their form (a preposition, "came from", an outlet in parentheses) live here too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from heapq import merge

from audit.sourcing.cues import headed_keys, open_keys
from audit.sourcing.lead import lead_all
from audit.sourcing.lexicon import Lexicon
from audit.sourcing.tables import _UPPER

_NAME_TOKEN = rf"(?:[{_UPPER}][\w’'.&-]*|[{_UPPER}]{{2,}})"
_CONNECT = r"(?:of|the|for|on|and|&|de|del|la|las|los|el|y|for)"
_NAME_SEQ = re.compile(rf"{_NAME_TOKEN}(?:\s+(?:{_CONNECT}\s+)?{_NAME_TOKEN})*")
_PRONOUNS = frozenset("he she they it we i him her them él ella ellos ellas nosotros usted ustedes".split())
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
#: A passive's auxiliary and an adverb: "are collectively estimated by CPRP officials".
_PASSIVE_ADVERB_BEFORE = re.compile(r"\b(?:was|were|been|be|being|is|are)\s+[a-z]+ly\s+$", re.I)
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
        while words and (
            words[0] in _SENTENCE_FUNCTION
            or (words[0] in _ARTICLES and len(words) > 1 and words[1].lower() in ROLE_NOUNS)
        ):
            words = words[1:]
        while words and words[-1].lower() in {"of", "the", "and", "de", "del", "la", "y", "for"}:
            words = words[:-1]
        if len(words) == 1 and (
            words[0].lower() in _NOT_NAMES or words[0].lower() in ROLE_NOUNS or words[0].lower() in _VAGUE_HEADS
        ):
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
    "er",
    "ers",
    "or",
    "ors",
    "ist",
    "ists",
    "ian",
    "ians",
    "ent",
    "ents",
    "ant",
    "ants",
    "man",
    "men",
    "woman",
    "women",
    "person",
    "people",
    "ora",
    "oras",
    "ores",
    "ista",
    "istas",
    "ante",
    "antes",
    "ente",
    "entes",
    "ado",
    "ados",
    "ada",
    "adas",
    "ario",
    "aria",
    "arios",
    "ero",
    "era",
    "eros",
    "eras",
    "ess",
)


#: People named by their role in one word: "the candidate said", "the nominee told reporters".
_SINGULAR_ROLES = frozenset(
    "nominee incumbent challenger chairman chairwoman chair governor mayor senator congressman congresswoman "
    "president minister secretary sheriff prosecutor commissioner superintendent ceo founder owner director "
    "manager coach candidata candidato alcalde alcaldesa ministra ministro consejera consejero portavoz juez jueza".split()
)
_FUNCTION_WORDS = frozenset(
    """over under after other either neither whether never ever her per for or nor however together later rather
    further about into onto upon than then there their where were more most such while among between during
    sobre entre para por desde hasta contra según durante mientras""".split()
)


def _org_plural(w: str) -> bool:
    """The plural of an organisation noun: "unions", "agencies", "churches", "sindicatos", "universidades",
    "asociaciones" (a group of organisations speaks as one)."""
    if len(w) < 5 or not w.endswith("s"):
        return False
    return (
        w[:-1] in ORG_NOUNS
        or (w.endswith("es") and w[:-2] in ORG_NOUNS)
        or (w.endswith("ies") and w[:-3] + "y" in ORG_NOUNS)
        or (w.endswith("iones") and w[:-5] + "ión" in ORG_NOUNS)
    )


def _personish(word: str, lex: Lexicon) -> bool:
    w = word.strip(".,;:’'")
    return (
        w in ROLE_NOUNS
        or w + "s" in ROLE_NOUNS
        or w in _SINGULAR_ROLES
        or w in ORG_NOUNS
        or _org_plural(w)
        or w in _PEOPLE
        or w in _PRONOUNS
        or w in lex.official_nouns
        or w in lex.research_nouns
        or w in lex.document_nouns
        or w.endswith(_PERSON_SUFFIXES)
        or w.endswith(("’s", "'s"))
        or w in _VAGUE_HEADS
    )


def classify_source(phrase: str, lex: Lexicon) -> tuple[str | None, str | None]:
    """(source_kind, outlet) for a noun phrase naming a source."""
    p = " ".join(phrase.split()).strip(" ,.;:'’\"“”")
    if not p:
        return None, None
    first, _, rest = p.partition(" ")
    if (
        first.lower() in ROLE_NOUNS
        or first.lower() in _VAGUE_HEADS
        or first in _SENTENCE_FUNCTION
        or (first in _ARTICLES)
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
    has_cap = _HAS_UPPER.search(p) is not None
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
    if (content and all(w in _VAGUE_HEADS for w in content)) or (not content and any(w in _VAGUE_HEADS for w in words)):
        return "vague", None  # "some", "critics", "many experts" (but "police sources": a role)
    return "role", None


#: Precompiled for :func:`_np_after`, :func:`_subject_before` and :func:`classify_source` (read for every cue).
_SPACES = re.compile(r"\s*")
_NP_CUT = re.compile(r"\s(?:that|who|which|que|quien|when|cuando|on|in|at|last|this|el pasado|ayer)\s")
_PART = re.compile(r"[^,;:()\[\]“”\"«»—–]+")
_COORDINATED = re.compile(r"(?:and|but|while|whereas|y|pero|mientras)\s+", re.I)
_HAS_UPPER = re.compile(rf"[{_UPPER}]")


def _np_after(text: str, pos: int, end: int, max_words: int = 8) -> tuple[int, int] | None:
    m = _SPACES.match(text, pos)
    s = m.end() if m else pos
    stop = _BOUNDARY.search(text, s, end)
    e = stop.start() if stop else end
    seg = text[s:e]
    # Stop at a clause verb or "that".
    cut = _NP_CUT.search(" " + seg + " ")
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
#: A vague phrase completed by whose it is: "according to estimates by the US government", "según estimaciones del
#: Ministerio de Sanidad" (not "by some experts").
NAMED_AFTER = re.compile(
    r"\s+(?:by|from|of|del|de\s+la|de\s+los|de)\s+(?:(?:the|its|la|el|los|las)\s+)?[A-ZÁÉÍÓÚÑ]"
    r"|\s+(?:by|from|of)\s+the\s+(?:state|federal|national|city|county|health|finance|interior|defense|labor|"
    r"education|environment|agriculture)\b"
)
#: A source named by a preposition: "in the 50-state poll", "in this survey", "en la encuesta", "under Missouri law";
#: the terms of an agreement are the agreement's: "Under the pact, 4,600 members will receive...", and a court's order
#: is its ruling's: "Under the judge's ruling, some 300 families must leave".
_PREP_SOURCE = re.compile(
    r"(?<![\w’'-])(?:[Ii]n|[Ff]rom|[Ee]n|[Ss]egún|[Aa]s\s+of)\s+(?:the|this|that|these|its|their|his|her|a|an|el|la|los|las|"
    r"una|un|este|esta|ese|"
    r"esa|su|sus)\s+(?:[\w'’.-]+\s+){0,3}?(?i:poll|polls|survey|surveys|study|studies|report|analysis|census|audit|"
    r"review|data|dataset|sondeo|encuesta|estudio|informe|análisis|censo|auditoría|datos)(?![\w’'-])"
    r"(?!\s+(?i:center|centre|centers|centres|breach|entry|card))"
    r"|(?<![\w’'-])(?:[Uu]nder|[Ss]egún\s+la)\s+(?:[\w'’.-]+\s+){0,4}?(?:law|laws|statute|statutes|regulations|rules|"
    r"guidelines|guidance|standards|criteria|definition|ley|leyes|normativa|normas|reglas|directrices|criterios|"
    r"pact|agreement|accord|contract|deal|settlement|treaty|letter\s+of\s+intent|terms|acuerdo|pacto|contrato|"
    r"convenio|tratado|verdict|judgment|judgement|decree|sentencia|resolución|decreto|"
    r"rulings?(?=\s*[,.;:)]|\s*$|\s+(?:of|by|in|on|that|which|from|issued|handed)\b))"
    r"(?![\w’'-])"
    # a census named as the frame of the sentence: "At the 2010 census, 34.5% of residents were under 18"
    r"|(?<![\w’'-])(?:[Aa]t|[Bb]y)\s+the\s+(?:[\w'’.-]+\s+){0,2}?(?i:census|censo)(?![\w’'-])"
    # with its year and no article: "As of 2001 India census, Ajaigarh had a population of 13,979"
    r"|(?<![\w’'-])(?:[Aa]s\s+of|[Ii]n|[Aa]t|[Bb]y|[Ss]egún(?:\s+el)?)\s+(?:1[89]|20)\d\d\s+(?:[A-Z][\w'’.-]*\s+){0,2}?"
    r"(?i:census|censo)(?![\w’'-])"
    # a study named by the journal that published it or the body that carried it out: "A study published in "The BMJ"
    # that followed more than 45,000 men had similar results", "a survey conducted by the Pew Research Center"
    # (also an index or a ranking, and after a comma: "The Global Cities Index 2013, published by MasterCard, ranks…")
    r"|(?<![\w’'-])(?i:study|survey|report|paper|analysis|poll|review|audit|census|index|ranking|rankings)"
    r"(?:\s+(?:1[89]|20)\d\d)?\s*,?\s+(?:(?:was|were)\s+)?"
    r"(?:(?:published|released|issued)\s+(?:in|by)|(?:carried\s+out|conducted)\s+by)\s+"
    r"(?:(?:the\s+)?(?:journal\s+)?(?!(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b)[A-Z][\w'’.&-]*(?:\s+(?:of\s+|and\s+|&\s+|for\s+)?[A-Z][\w'’.&-]*){0,4}|(?=(?:the\s+)?(?:journal\s+)?[\"“]))"
    # a publisher releasing its index or report: "MasterCard has released its Global Destination Cities Index 2013, in
    # which…", "el INE publicó su encuesta de 2019, según la cual…"
    r"|(?<![\w’'-])(?:(?:has|have|had|ha|han|había)\s+)?(?:released|published|issued|releases|publishes|publicó|publica|"
    r"publicado|presentó|presentado)\s+(?:(?:its|their|the|a|an|his|her|su|sus|el|la|un|una)\s+)?(?:[\w'’.&-]+\s+){0,4}?"
    r"(?i:index|report|survey|ranking|rankings|study|census|índice|informe|encuesta|estudio|censo)"
    r"(?:\s+(?:1[89]|20)\d\d)?(?![\w’'-])"
    # the results of a survey or a study named as such: "The results of a survey of 5,700 teachers from 14 countries
    # were presented in 2008" (then "Lebanon and Senegal had 62% to 81% of creationist teachers" is the survey's)
    r"|(?<![\w’'-])(?:[Rr]esults|[Ff]indings|[Rr]esultados)\s+(?:of|from|de|del)\s+(?:(?:the|this|that|a|an|its|their|la|el|"
    r"una|un|esta|este)\s+)?(?:[\w'’.-]+\s+){0,3}?(?:poll|survey|study|census|sondeo|encuesta|estudio|censo)(?![\w’'-])"
    # "Based on the Asia-Pacific Advisory Committee on Influenza, ...", "based on census data", "con base en datos del INE"
    r"|(?<![\w’'-])(?:[Bb]ased\s+on|[Cc]on\s+base\s+en)\s+(?:(?:the|a|an|its|their|los|las|el|la)\s+)?"
    r"(?:[A-ZÁÉÍÓÚÑ]|(?:[\w'’.-]+\s+){0,3}?(?:data|figures|statistics|census|survey|surveys|study|studies|report|"
    r"estimates|records|datos|cifras|censo|encuesta|estudio|informe|estimaciones)(?![\w’'-]))"
)
#: A census or survey named with its year in parentheses after the figures: "Tajik 79.9%, Uzbek 16.5% (2000 population
#: census)", "(census 2011)", "(2009 survey)": the document the figures are from.
DATED_DOCUMENT = re.compile(
    r"(?i:(?:(?:1[89]|20)\d\d\s+(?:[\w-]+\s+)?(?:census|survey|censo|encuesta)|(?:census|censo)\s+(?:of\s+|de\s+)?(?:1[89]|20)\d\d))"
)
#: "The figure came from the campaign": where a number comes from, said in the sentence itself.
#: The words a match of :data:`_PREP_SOURCE` starts with (lower case; see :mod:`audit.sourcing.cues`).
_PREP_SOURCE_KEYS = headed_keys(
    open_keys(
        ["in", "from", "en", "según", "under", "as", "at", "by", "based", "con", "results", "findings", "resultados"]
        + "study survey report paper analysis poll review audit census index ranking rankings".split()
        + "has have had ha han había released published issued releases publishes publicó publica publicado".split()
        + "presentó presentado".split()
    ),
    # (a match that starts with one of these words names the source with one of the heads below: the nouns that end
    # the first four branches; between them only words, white space, apostrophes, dots and hyphens)
    ["in", "from", "en", "según", "under", "as", "at", "by"]
    + "has have had ha han había released published issued releases publishes publicó publica publicado".split()
    + "presentó presentado".split(),
    """index ranking rankings índice informe encuesta estudio censo poll polls survey surveys study studies report analysis census audit review data dataset sondeo encuesta estudio
    informe análisis censo auditoría datos law laws statute statutes regulations rules guidelines guidance standards
    criteria definition ley leyes normativa normas reglas directrices criterios pact agreement accord contract deal
    settlement treaty letter terms acuerdo pacto contrato convenio tratado ruling rulings verdict judgment judgement
    decree sentencia resolución decreto""".split(),
    re.compile(r"[^\w'’.\s-]"),
)
_CAME_FROM = re.compile(
    r"(?<![\w’'-])(?:came|comes|come|coming|proceden?|provienen?|procedía)\s+(?:from|de|del)(?![\w’'-])", re.I
)
_CAME_FROM_KEYS = open_keys("came comes come coming procede proceden proviene provienen procedía".split())
_FIGURE_SUBJECT = re.compile(
    r"\b(?:figures?|numbers?|estimates?|data|statistics?|count|tally|total|cifras?|datos?|estimaci(?:ón|ones)|"
    r"recuento|balance)\b",
    re.I,
)
#: An outlet in parentheses after the claim: "... cut 14,000 jobs (Reuters)."
_PAREN_SOURCE = re.compile(r"\(([^()\n]{2,40})\)")


def _subject_before(text: str, sent_start: int, pos: int, lex: Lexicon) -> tuple[str | None, str | None, str | None]:
    """(source phrase, kind, outlet) of the subject left of a reporting verb at ``pos``."""
    window_start = max(sent_start, pos - 160)
    chunk_text = text[window_start:pos]
    parts = list(_PART.finditer(chunk_text))
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
    coordinated = _COORDINATED.match(phrase)
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
    rest = phrase[len(name) :].split() if name and phrase.startswith(name) else []
    if (
        name
        and " " not in name
        and rest
        and rest[0].islower()
        and rest[0] not in _NAME_JOINERS
        and not text[sent_start:abs_start].strip()
    ):
        name = None  # "Community advocates and local leaders warn": a common noun capitalised as the first word
    if name:
        kind, outlet = classify_source(_with_det(phrase, name), lex)
        tail = phrase[phrase.find(name) + len(name) :].split() if name in phrase else []
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
    if kind == "role" and not any(
        w in lex.official_nouns or w in ROLE_NOUNS or w in _PEOPLE or w.endswith(("man", "woman", "person"))
        for w in low
    ):
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


_NAME_MEMO: dict[tuple[int, str], tuple[str, bool]] = {}


def written_as_name(text: str, word: str, run: bool = False) -> bool:
    """Whether ``word``, met capitalised at the start of a sentence, is a name as the document writes it: an
    acronym or a word with a capital inside ("SELA", "McQuaid", "PAIGC"), or a word the document also writes
    capitalised where it does not open a sentence and never in lower case ("Kraepelin"; not "There", "One",
    "Hence", "Interestingly", "Following", which the text writes in lower case or only sentence-initially).
    ``run``: the first word of a run of capitalised words ("Roger Ebert", "During World War II"), a name unless
    the document writes it in lower case ("during")."""
    core = word.rstrip(".,;:").removesuffix("’s").removesuffix("'s")
    if len(core) < 2 or any(ch.isupper() for ch in core[1:]):
        return True
    key = (id(text), core + " " * run)
    hit = _NAME_MEMO.get(key)
    if hit is not None and hit[0] is text:
        return hit[1]
    if len(_NAME_MEMO) > 4096:
        _NAME_MEMO.clear()
    named = False
    lower = core.lower()
    for start, form in _whole_words(text, core, lower):
        if form == lower:
            named = False
            break
        if run:
            named = True
        elif not named:
            k = start - 1
            while k >= 0 and text[k] in " \t\"“‘'([":
                k -= 1
            named = k >= 0 and text[k] not in ".!?:;\n"
    _NAME_MEMO[key] = (text, named)
    return named


def _whole_words(text: str, *forms: str) -> Iterator[tuple[int, str]]:
    r"""(offset, form) of every whole-word occurrence of ``forms`` (of one length) in ``text``, in text order: not
    preceded by a word character, an apostrophe or a hyphen, not followed by a word character or a hyphen. What
    ``re.finditer(r"(?<![\w’'-])(?:A|B)(?![\w-])")`` finds, without compiling a pattern per word, one occurrence at
    a time (a reader that stops at the first occurrence it needs does not look for the others: the occurrences of
    each form, merged by offset; two different forms of one length never start at the same offset)."""
    return merge(*(_form_at(text, form) for form in dict.fromkeys(forms)))


def _form_at(text: str, form: str) -> Iterator[tuple[int, str]]:
    n = len(form)
    size = len(text)
    i = text.find(form)
    while i >= 0:
        before = text[i - 1] if i else " "
        after = text[i + n] if i + n < size else " "
        if not (before.isalnum() or before in "_’'-") and not (after.isalnum() or after in "_-"):
            yield i, form
        i = text.find(form, i + 1)


# Speed: every pattern above behind a lookahead for its first characters (the same matches; see audit.sourcing.lead).
lead_all(globals())
