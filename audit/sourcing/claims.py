"""What a claim is: which figures of a sentence are statistics a reader would want sourced.

:func:`audit.sourcing.figures.find_figures` finds the numbers that are quantities (not dates,
ages, labels). Not every quantity is a claim worth a source. This module decides with a small
model of four facts about a figure and its sentence:

1. **the figure's kind** (percent, money, count, ratio, change: from ``find_figures``);
2. **what it quantifies** (:func:`quantity`): the noun or unit next to it and the nouns it is
   said of. ``people`` (jobs, voters, deaths, 40% of adults), ``society`` (crime, poverty,
   unemployment, spending, a budget) and ``other`` (nothing recognised) are claims;
   ``price`` (1,265 sterling a tonne, 25 dlrs a share, 150 yen), ``finance`` (a company's net,
   revenues, assets, a tranche, a stake of 3.1% of the shares), ``market`` (an index, a yield,
   a coupon, output and trade figures of a market report) and ``measure`` (35,000 ounces,
   6.25 on the Richter scale) are the routine figures of business and market reporting, not
   claims;
3. **the sentence's subject** (:func:`company_subject`): a company speaking of itself ("The
   company lost 658,000 dlrs", "Acme Corp has 1,200 employees") reports its own figures;
4. **the layout** (:func:`results_line`): a short line of a results table ("Net 3,660,273 vs
   2,437,914", "Shr 81 cts vs 57 cts") is a measurement in a table of results.

A figure that is part of a name ("Boeing 747", "Group of Seven") or an identifier never
reaches this module: ``find_figures`` drops it. Pipe and tab tables of the document (rows with
explicit cells) keep their own rule: a row is a claim when one of its figures is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from audit.sourcing.figures import Figure

#: Quantities that are claims worth a source.
CLAIM_QUANTITIES = frozenset({"people", "society", "other"})
#: Statistics about people or society: claims even in a story that attributes most of its figures.
SOCIAL = frozenset({"people", "society"})

_PEOPLE = frozenset(
    """people persons person workers jobs job employees staff residents voters deaths dead died killed injured wounded
    children kids students pupils patients immigrants migrants refugees members troops soldiers victims cases
    arrests arrested homeless families households adults women men americans citizens inhabitants unemployed
    teenagers teens youths seniors retirees veterans prisoners inmates detainees deportations deported
    respondents attendance spectators fans viewers audience ridership visitors passengers subscribers births abortions infections hospitalizations overdoses shootings homicides murders
    crimes robberies burglaries thefts assaults evictions layoffs protesters marchers officers police nurses doctors teachers farmers users
    delegates casualties fatalities toll participants personnel fighters militants rebels civilians demonstrators strikers
    volunteers applicants recipients beneficiaries homeowners renters tenants evacuees displaced hostages survivors infants
    babies elderly smokers drivers donors enrollment enrolment births hospitalisations
    personas trabajadores empleos empleados residentes votantes muertos muertes fallecidos heridos niños
    estudiantes alumnos pacientes inmigrantes migrantes refugiados miembros soldados víctimas casos detenidos
    familias hogares adultos mujeres hombres ciudadanos habitantes desempleados jóvenes presos reclusos
    deportados encuestados contagios homicidios asesinatos delitos robos hurtos crímenes desalojos despidos
    delegados manifestantes desplazados evacuados afectados damnificados inquilinos agentes policías""".split()
)
_SOCIETY = frozenset(
    """unemployment jobless poverty crime homelessness inflation wages wage salary salaries
    budget spending deficit taxpayers taxpayer welfare benefits aid funding subsidies subsidy tuition rent
    rents turnout votes ballots approval population mortality literacy vaccination vaccinated insured uninsured
    emissions mortgage mortgages wildfire wildfires wildfire fires flood floods
    flooding burned scorched destroyed incendios incendio inundaciones arrasado vivienda viviendas house houses home homes spent spend gastó housing gas groceries food healthcare premiums childcare medicare medicaid
    desempleo paro pobreza delincuencia inflación salarios salario sueldo pensiones presupuesto gasto déficit
    impuestos subsidios ayudas alquiler alquileres población mortalidad participación aprobación
    vote schools hospitals clinics shelters pensions violence accidents suicides hate obesity healthcare
    infrastructure bridges roads permits pay made earned compensation bonus farms
    escuelas hospitales violencia accidentes suicidios natalidad matrícula abandono salud""".split()
)
_FINANCE = frozenset(
    """net revs revenue revenues sales profit profits loss losses earnings shr shrs share shares dividend dividends
    div divs assets liabilities debt debts loan loans credit credits debit debits tranche tranches offering issue
    notes debentures bonds bond stake capital equity bid offer acquisition purchase takeover merger deal contract
    orders backlog writedown writeoff charge charges provision provisions reserves deposits turnover operating
    oper pretax pre-tax avg qtr quarter mths stock stockholders shareholders shareholder cts cents payout
    fees fee concession underwriting spread spreads basis owned outstanding
    financing refinancing borrowings borrowing lending receivables euroloan euroloans denominations
    paper companies corporations firms banks purchases worth gain gains proceeds inventories cash flow eurobond facility warrants coupon
    donation donations contribution contributions series investors investor backers backer venture sponsorship
    ventas beneficio beneficios pérdidas ganancias ingresos acciones dividendo activos deuda préstamo capital
    facturación""".split()
)
_MARKET = frozenset(
    """index indices indexes yield yields rate rates dollar dollars yen mark marks franc francs sterling pound
    pounds lira guilders currency futures contract contracts lots points point prices price priced traded
    trading closed quoted output production exports imports export import trade surplus shipments gdp gnp
    supply m-1 m-2 m-3 m1 m2 m3 growth economy balance current account reserves stocks inventory crop harvest
    plantings acreage tender auction bills yields discount prime interbank libor repurchase funds
    índice bolsa precio precios tipo tipos exportaciones importaciones producción cosecha""".split()
)
_MEASURE = frozenset(
    """tonnes tonne tons ton ounces ounce barrels barrel bushels bushel bales bale head acres acre hectares hectare
    miles mile km kilometres kilometers kilometre kilometer metres meters metre meter feet foot inches degrees
    richter mph kph kg kilos kilograms lb lbs pounds light-years gallons gallon litres liters cubic sq square bpd megawatts mw ha
    kilowatts kwh carats cwt seats units vehicles
    yards yard carries runs overs wickets innings goals laps races games matches strikeouts passes touchdowns
    rebounds assists holes birdies bogeys sets plays possessions shots saves tackles sacks hits homers
    interceptions under-par over-par points ppp wins victories defeats titles medals cars trucks aircraft planes ships vessels wells rigs
    toneladas onzas barriles hectáreas kilómetros metros grados kilos litros""".split()
)
#: A price: "1,265 sterling a tonne", "25 dlrs a share", "5.75 pct ... priced at 99-3/4".
_PER_UNIT = re.compile(
    r"\s*(?:(?:mln|million|billion|bln|trillion|thousand)\s+)?(?:dlrs?|dollars?|cts|cents|sterling|stg|yen|marks|"
    r"francs|pounds|euros?|pesos|dólares)?\s*(?:a|an|per|por|the)\s+(?:share|tonne|ton|barrel|ounce|bushel|pound|lb|"
    r"gallon|kilo|unit|head|litre|liter|cwt|dozen|bale|troy|acción|tonelada|barril|onza|litro)\b",
    re.I,
)
_SCALE_OR_UNIT = frozenset(
    "mln million billion bln trillion thousand dlrs dlr dollars dollar pct percent per cent por ciento millones "
    "mil de of a an the some about nearly almost stg sterling lire marks francs yen".split()
)
#: The size of a place's population is a measure of the place (a reference fact), not a statistic about people;
#: shares of a population ("6.3% of the population") stay claims.
_PLACE_SIZE = frozenset("population populations inhabitants población habitantes".split())
#: The size of an organisation or place: "Toshin Steel, with 1,700 workers,", "Acme employs 3,000 people", "a staff of
#: 5,000", "Indonesia, with 168 mln people", "has about 1,800,000 members", "Florida's 2.8 million residents". A description of the entity (like its
#: population), not a statistic: unless the sentence counts harm or a change to those people ("has 1,850 workers on
#: indefinite layoff", "cut 5,000 jobs from its work force of 107,000"), or it is the size of a whole sector or economy
#: ("The sector employs 240,000 workers nationwide": an economic statistic).
_SIZE_BEFORE = re.compile(
    r"(?i:\b(?:with|has|have|had|having|employs|employed|employing|home\s+to|emplea|empleaba|cuenta\s+con|con|tiene|"
    r"tenía)\s+"
    r"(?:(?:a|an|its|their)\s+)?(?:(?:staff|work\s*force|workforce|membership|payroll|plantilla)\s+of\s+)?"
    r"(?:(?:about|around|some|nearly|almost|over|more\s+than|roughly|approximately|just\s+over|unos|unas|más\s+de|"
    r"casi|alrededor\s+de)\s+)?|(?:['’]s|#39;s|\bits|\btheir)\s+(?:(?:about|some|nearly|roughly)\s+)?"
    r"|\b(?:staff|work\s*force|workforce|membership|payroll|strength|plantilla)\s+of\s+"
    r"(?:(?:about|around|some|nearly|almost|over|more\s+than|roughly|approximately)\s+)?)$"
)
_STAFF_OF = re.compile(r"(?i:staff|work\s*force|workforce|membership|payroll|strength|plantilla)\s+of\b")
_MEMBERS = frozenset(
    """people persons workers employees staff members personnel customers subscribers users students pupils
    residents inhabitants personas trabajadores empleados miembros socios clientes usuarios alumnos estudiantes
    residentes habitantes""".split()
)
_CHANGE = re.compile(
    r"(?i)\b(?:lay(?:s|ing)?\s*-?\s*offs?|laid\s+off|cut|cuts|cutting|slash|eliminat|jobless|unemploy|strik|walk(?:ed|ing)?"
    r"\s+(?:out|off)|sack|fired|dismiss|furlough|hire[sd]?\b|hiring|recruit|refugee|migrant|poor|poverty|despid|huelga|"
    r"contrat|paro\b|sector|industry|industries|economy|economía|nationwide|statewide|across\s+the\s+(?:country|nation|state)|"
    r"(?:en\s+)?todo\s+el\s+país)"
)
#: An election result: "won with 18,287 votes, or 53 pct", "came third with 3,852 votes", "was reelected with 67 per
#: cent of the vote": the count of an election is a public record, not a statistic that needs a source (a poll's
#: figures or a forecast of the vote are not results and stay claims).
_RESULT_VERB = re.compile(
    r"(?i)\b(?:won|wins|win|winning|elected|reelected|re-elected|came|finished|took|captured|secured|received|polled|"
    r"garnered|gained|gaining|carried|lost|beat|defeated|ganó|gana|obtuvo|logró|perdió|reelegid[oa]|elegid[oa])\b"
)
_VOTES_AFTER = re.compile(
    r"\s*(?:(?:per\s+cent|percent|pct|%|por\s+ciento)\s+)?(?:of\s+the\s+(?:[\w-]+\s+){0,3}?(?:vote|votes|ballots)\b|"
    r"(?:popular\s+|electoral\s+)?votes\b|(?:de\s+los\s+)?votos\b|del\s+voto\b|-seat\b|\s*seats?\b|escaños\b)",
    re.I,
)
#: A figure in a conditional clause ("if 200 members resign", "unless 40% of voters turn out", "si 300 familias
#: se van") states a hypothesis, not a fact: nothing to source.
_CONDITIONAL = re.compile(r"(?i)\b(?:if|unless|si)\b[^,;:.!?()]*$")
#: The same result restated: "18,287 votes, or 53 pct".
_RESTATED = re.compile(r"[^\d;:]{0,20}?,?\s+(?:or|o|to|a)\s+")
#: A tally: "by 66 votes to 44", "after a 738 to 319 vote".
_TALLY = re.compile(r"\s+(?:to|-|–)\s+\d[\d,]*\s+(?:vote|votes|decision)\b", re.I)
#: The next result of the same kind in one account: "45% of the vote in the first round and 80% in the second".
_AND_NEXT = re.compile(r"[^\d;:]{0,40}?\s(?:and|y)\s+")
#: Words that name no quantity when they are only the sentence's topic: "did a good job of drawing fouls".
_IDIOM = frozenset({"job"})
_YEARLIKE = re.compile(r"1\d{3}|20\d{2}")
_YEAR_BEFORE = re.compile(r"(?i)\b(?:in|since|by|until|till|circa|before|after|during|around|en|desde|hasta)\s+$")
_YEAR_LIST_BEFORE = re.compile(r"\b(?:1\d{3}|20\d{2})\s*(?:and|or|to|,|-|–)\s*$")
#: A count below 100 is a detail of the story ("the 26 nations meeting here", "a team of 6", "the 14 members of
#: the cabinet"), not a statistic, unless it counts harm done to people: "At least 14 people were injured".
_SMALL_COUNT = 100
_HARM = re.compile(
    r"(?i)\b(?:kill|dead|die[ds]?\b|dying|death|injur|wound|hurt|victim|casualt|fatalit|missing|arrest|detain|kidnap|"
    r"abduct|hostage|homeless|displaced|evacuat|sick|infect|hospitali[sz]|murder|homicide|shooting|shot\b|overdos|"
    r"suicide|execut|jail|imprison|sentenced|muert|muri|falleci|herid|víctima|desaparecid|detuv|detenid|secuestr|"
    r"desplazad|evacuad|asesina|contagiad|hospitalizad|encarcelad)"
)
_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
}


def _small_count(fig: Figure) -> bool:
    t = fig.text.lower().replace(",", "")
    if t in _NUMBER_WORDS:
        return True
    return t.isdigit() and int(t) < _SMALL_COUNT


_PUBLIC_DEBT = re.compile(r"(?i:\b(?:public|national|federal|government)\s+debt\b|\bdeuda\s+p[úu]blica\b)")
_SIZE_COMPOUND = re.compile(r"-(?:member|seat|strong|man|bed|room|page|acre|mile|story|storey)\b", re.I)
#: A physical unit right after the figure: "18.7 cm long", "a 235.4 m tall tower", "400 MHz", "25,000 light-years".
_PHYSICAL_UNIT = re.compile(
    r"(?:\s*(?:and|or|to|-|–)\s*[\d.,]*\d)?"  # "the 400 and 450 MHz bands"
    r"\s?(?:cm|mm|m|km|ft|mi|in\.|mhz|ghz|khz|hz|kg|mg|g|lb|lbs|oz|°[cf]?|light-years?|kwh|mw|kw|gw|nm|µm)(?![\w-])",
    re.I,
)
_PRIZE_NAME = re.compile(
    r"\s+(?:[A-Z][\w'’.-]*\s+){1,4}(?:Prize|Award|Awards|Challenge|Cup|Trophy|Stakes|Classic|Open|Grant|Fellowship)\b"
)
#: A financing round: "raised $27 million in funding", "is seeking $30,000 in funding", "backed by $5.5 million in
#: Series A funding".
_FUNDING_ROUND = re.compile(
    r"\s*(?:(?:mln|million|billion|bln)\s+)?(?:in\s+)?(?:(?:new|additional|fresh|seed|venture|series\s+\w|round\s+of)\s+)*"
    r"(?:funding|financing|venture\s+capital|investment)\b",
    re.I,
)
_RAISES = re.compile(
    r"(?i)\b(?:rais(?:e|es|ed|ing)|seek(?:s|ing)?|sought|secur(?:e|es|ed|ing)|backed|closed|led\s+by)\b"
)
_UNIT_SUFFIX = re.compile(r"\d(?:m|km|cm|mm|kg|g|ft|mi|mph|kph|kmh|ml|mw|kw|kwh|gb|mb|tb|ghz|mhz)$", re.I)
_VERSION_AFTER = re.compile(r"\s*(?:update|version|release|patch|edition|firmware|beta)\b", re.I)
_ON_SCALE = re.compile(r"\s*(?:on|in)\s+the\s+[\w-]+\s+scale\b", re.I)  # 6.25 on the Richter scale
_CLAUSE_BREAK = re.compile(r"[;:]")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_COMPANY_SUBJECT = re.compile(
    r"(?i:\s*(?:(?:the|its|la|el)\s+)?(?:company|company's|firm|bank|group|unit|subsidiary|corporation|utility|"
    r"airline|carrier|concern|partnership|trust|fund|empresa|compañía|firma)\b)"
    r"|\s*(?:[A-Z][\w&.'-]*\s+){1,4}(?:Inc|Corp|Co|Ltd|Plc|PLC|LP|AG|NV|SA|SpA|Group|Bancorp|Industries|"
    r"Holdings)\b\.?",
)
#: A results line: "Net 3,660,273 vs 2,437,914", "Revs 57.7 mln vs 55.1 mln", "Shr 81 cts vs 57 cts".
_VERSUS = re.compile(r"\d\s*(?:\S+\s+){0,2}vs\.?\s+(?:\S+\s+)?[\d(]|\bvs\.?\s+(?:profit|loss|credit|debit)\b", re.I)


@dataclass(frozen=True, slots=True)
class FigureClaim:
    """One figure with what it quantifies, and whether it is a claim worth a source."""

    figure: Figure
    quantity: str  # people | society | other | price | finance | market | measure | result | hypothetical
    claim: bool
    own: bool = False  # said by a company of itself ("The company wants to shed 2,000 jobs")


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def quantity(text: str, fig: Figure, start: int, end: int) -> str:
    """What ``fig`` quantifies, from the words next to it in the sentence ``text[start:end]``."""
    after_text = text[fig.end : min(end, fig.end + 60)]
    if fig.kind == "money" and _PER_UNIT.match(after_text):
        return "price"
    if _PER_UNIT.match(after_text) and fig.kind in ("count", "money"):
        return "price"
    if _YEARLIKE.fullmatch(fig.text) and _YEAR_BEFORE.search(text, max(start, fig.start - 12), fig.start):
        return "other"  # "A treaty signed in 1752": a year the date rules did not catch
    if _YEARLIKE.fullmatch(fig.text) and _YEAR_LIST_BEFORE.search(text, max(start, fig.start - 16), fig.start):
        return "other"  # "the floods of 1170 and 1173 locals built": the second year of a list of years
    after = [w for w in _words(after_text)[:6] if w not in _SCALE_OR_UNIT][:2]
    if fig.kind == "money" and _PRIZE_NAME.match(after_text):
        return "other"  # "the $10 million Ansari X Prize": part of a name
    if fig.kind == "money" and _FUNDING_ROUND.match(after_text) and _RAISES.search(text, start, end):
        return "finance"  # "has raised another $27 million in funding": a business's own financing
    if fig.kind == "count" and _UNIT_SUFFIX.search(fig.text):
        return "measure"  # "the women's 800m final", "a 10km run"
    if _VERSION_AFTER.match(after_text):
        return "other"  # "the 11.1 update": a version number
    if _ON_SCALE.match(after_text) or _SIZE_COMPOUND.match(after_text) or _PHYSICAL_UNIT.match(after_text):
        return "measure"  # "6.25 on the Richter scale", "a 150-member assembly", "the 512-seat Lower House"
    before = _words(text[max(start, fig.start - 70) : fig.start])[-6:]
    if fig.kind == "count" and (
        (after and after[0] in _PLACE_SIZE)
        or next((w in _PLACE_SIZE for w in reversed(before) if w in _PLACE_SIZE or _category(w)), False)
    ):
        # "a population of 205,400", "its population in 1955 was 21.5 million", "5,000 inhabitants": the size
        # of a place, like its area (the nearest quantity word before the figure is the population).
        return "measure"
    if fig.kind == "percent":
        # "40 pct of adults", "3.1 pct of the firm's shares", "110% of GDP" (then: of what comes before).
        of = re.match(
            r"\s*(?:of|de|del)\s+(?:the\s+|its\s+|los\s+|las\s+|la\s+|el\s+)?((?:[\w'’-]+[\s,.]*){0,4})",
            text[fig.end : min(end, fig.end + 60)],
            re.I,
        )
        tail = _words(of.group(1)) if of else []
        for group, name in ((_PEOPLE, "people"), (_SOCIETY, "society"), (_FINANCE, "finance")):
            if any(w in group for w in tail):
                return name
    head = next((c for c in map(_category, after) if c is not None), None)
    if head == "people":
        return "people"
    near = [_category(w) for w in reversed(before)]  # the nearest word first
    if head == "society" or "society" in near or _PUBLIC_DEBT.search(text, start, fig.start):
        return "society"  # "public debt", "home prices", "wildfires burned 1.2 million acres"
    if head is not None:
        return head  # the unit named after the figure: "farmers planted 113 mln acres" is a measure
    if "people" in near:
        return "people"
    found = [c for c in near if c is not None]
    if not found:
        # Nothing next to the figure: the sentence's topic decides ("Ridership on the subway has recovered to 70%
        # of pre-pandemic levels" is about people; "The purchase brings orders to 439 from 16 airlines" is not).
        if _YEARLIKE.fullmatch(fig.text):
            return "other"  # "the floods of 1170 and 1173": a year the date rules did not catch, not a quantity
        topic = {_category(w) for w in _words(text[start:end]) if w not in _PLACE_SIZE and w not in _IDIOM}
        if "people" in topic:
            return "people"
        # "Parse is backed by $5.5 million in Series A funding": a transaction of a business, not a social figure
        return "society" if "society" in topic and "finance" not in topic else "other"
    return "market" if all(c == "market" for c in found) else next(c for c in found if c != "market")


def _category(word: str) -> str | None:
    for group, name in _GROUPS:
        if word in group:
            return name
    return None


_GROUPS = (
    (_PEOPLE, "people"),
    (_SOCIETY, "society"),
    (_MEASURE, "measure"),
    (_FINANCE, "finance"),
    (_MARKET, "market"),
)


_NUMERIC_TOKEN = re.compile(r"(?<!\S)[-+(]?[\d.,/]*\d[\d.,/]*%?\)?(?!\S)")


def results_line(text: str, start: int, end: int) -> bool:
    """A line (or run of lines) of a table of figures: a figure compared with another ("Net 2.1 mln vs
    1.6 mln", twice or more in a longer run), or a row of bare numbers ("North America 354 389 353")."""
    seg = text[start:end]
    versus = len(_VERSUS.findall(seg))
    if versus >= 2 or (versus and len(seg) <= 160):
        return True
    tokens = len(seg.split())
    numbers = len(_NUMERIC_TOKEN.findall(seg))
    return numbers >= 3 and numbers >= 0.4 * tokens


def headline_caps(text: str, start: int, end: int) -> bool:
    """A wire headline in capitals ("ACME TO CUT 500 JOBS - OFFICIAL"): the story's claim, judged in its body."""
    seg = text[start : min(end, start + 300)]
    n = sum(map(str.isalpha, seg))  # counted in C, not character by character in Python
    return n >= 8 and sum(map(str.isupper, filter(str.isalpha, seg))) >= 0.8 * n


#: Companies the document names with a legal form or a ticker: "Alden Electronics Inc", "Kodak <EK>". The legal
#: form is found first (a literal alternation the regex engine scans fast), then the name before it.
_LEGAL_FORM = re.compile(
    r"\s(?:Inc|Corp|Co|Ltd|Plc|PLC|LP|AG|NV|SA|SpA|Group|Bancorp|Industries|Holdings|Cos)\b|\s<[A-Z]"
)
_NAME_BEFORE = re.compile(r"([A-Z][\w&.'-]*)(?:\s+[A-Z][\w&.'-]*){0,3}$")
#: A note under a table of results: "NOTE: 1986 net includes a charge of ...".
_NOTE = re.compile(r"\s*(?:note|nota)\s*[-:]", re.I)
_TICKER = re.compile(r"<([A-Z][A-Z.]{0,7})>")
_OPENING_WORD = re.compile(r"\s*([A-Z][\w&.'-]*?)(?:’s|'s)?\b")


def company_names(text: str) -> frozenset[str]:
    """First words of the companies the document names by their legal form or ticker."""
    names = set()
    for m in _LEGAL_FORM.finditer(text):
        name = _NAME_BEFORE.search(text, max(0, m.start() - 60), m.start())
        if name:
            names.add(name.group(1))
    names.update(m.group(1).split(".")[0] for m in _TICKER.finditer(text))  # "<GM>": the company is also "GM"
    return frozenset(names)


def company_subject(text: str, start: int, companies: frozenset[str] = frozenset()) -> bool:
    """The sentence opens with a company speaking of itself: "The company lost…", "Acme Corp has…", or a
    company the document names elsewhere with its legal form ("Alden earned…", "GM's Buick division…")."""
    if _COMPANY_SUBJECT.match(text, start):
        return True
    m = _OPENING_WORD.match(text, start)
    return bool(m and m.group(1) in companies and m.group(1) not in _NOT_COMPANY)


_NOT_COMPANY = frozenset("The A An In On At It This That But And U.S. New First".split())


def _entity_size(text: str, f: Figure, start: int, end: int) -> bool:
    """``f`` counts the members of an organisation or place after "with", "has", "employs" or "a staff of"."""
    if f.kind != "count":
        return False
    m = _SIZE_BEFORE.search(text[max(start, f.start - 60) : f.start].rstrip() + " ")
    if m is None:
        return False
    if _STAFF_OF.search(m.group(0)):
        return True  # "a staff of 5,000", "its work force of 107,000"
    after = [w for w in _words(text[f.end : min(end, f.end + 40)])[:4] if w not in _SCALE_OR_UNIT]
    return any(w in _MEMBERS for w in after[:2])  # "1,700 workers", "1,850 hourly workers"


#: The writer speaking in the first or second person: "I doubled down and burned through our capital", "we did 20
#: reps", "If you earn $250,000". Lower-case "us" only ("US" is the country); "I" is checked in :func:`writer_voice`.
_PERSON_EN = re.compile(r"\b(?:[Ww]e|[Oo]urs?|us|[Mm]y|me|[Yy]ou|[Yy]ours?|I)\b")
_PERSON_ES = re.compile(r"(?i)\b(?:yo|nosotr[oa]s|nuestr[oa]s?|mis?|usted|ustedes|tú|tus?|vosotr[oa]s|vuestr[oa]s?)\b")
_I_AFTER = re.compile(r"(?:['’](?:m|ve|d|ll)\b|\s+[a-z])")


def writer_voice(text: str, start: int, end: int, lang: str = "en") -> bool:
    """The writer speaks in the first or second person in ``text[start:end]`` (quotes already cut out): the
    figures are the writer's own account ("Out of 500 people I meet, maybe 400 will be customers", "My dad
    brought home $600 a month") or a hypothetical addressed to the reader ("If you earn less than $250,000"),
    whose source is the writer: a blog post, a how-to or a product page, not a report of facts that needs one."""
    if lang == "es":
        return _PERSON_ES.search(text, start, end) is not None
    for m in _PERSON_EN.finditer(text, start, end):
        if m.group(0) != "I":
            return True
        # "I" as the pronoun ("I meet", "I'm"), not a numeral ("World War I", "Phase I was", "Henry I")
        if not _I_AFTER.match(text, m.end(), end):
            continue
        before = text[max(start, m.start() - 20) : m.start()].split()
        if before and before[-1][:1].isupper() and not before[-1].endswith((".", "!", "?", ":", ",", ";", '"', "”")):
            continue
        return True
    return False


def _data_cell(text: str, f: Figure, start: int, end: int) -> bool:
    """The figure fills most of its table cell ("27%", "$3,100", "1,204 cases"), as in a table of data."""
    a = max(text.rfind("|", start, f.start), text.rfind("\t", start, f.start)) + 1 or start
    b_pipe, b_tab = text.find("|", f.end, end), text.find("\t", f.end, end)
    b = min(x for x in (b_pipe, b_tab, end) if x >= 0)
    cell = text[max(a, start) : b].strip()
    return bool(cell) and len(f.text) >= 0.5 * len(cell)


def assess(
    text: str, figures: list[Figure], start: int, end: int, is_row: bool, companies: frozenset[str] = frozenset()
) -> list[FigureClaim]:
    """Each figure of the sentence (or table row) ``text[start:end]`` with its quantity and claim status;
    ``companies``: :func:`company_names` of the document."""
    if not figures:
        return []
    layout_results = not is_row and (
        results_line(text, start, end) or headline_caps(text, start, end) or _NOTE.match(text, start) is not None
    )
    own = not is_row and company_subject(text, start, companies)
    change: bool | None = None  # does the sentence count harm or a change to people (lay-offs, strikes)
    result: bool | None = None  # does the sentence report an election result (won, elected, came third)
    harm: bool | None = None  # does the sentence count harm done to people (computed when a small count needs it)
    out: list[FigureClaim] = []
    for f in figures:
        q = quantity(text, f, start, end)
        if (
            q == "other"
            and out
            and out[-1].quantity != "other"
            and not _CLAUSE_BREAK.search(text, out[-1].figure.end, f.start)
        ):
            q = out[-1].quantity  # a list of figures of one quantity: "rose to 34,585 from 31,730 trucks"
        if (
            not is_row
            and out
            and out[-1].quantity == "result"
            and not _CLAUSE_BREAK.search(text, out[-1].figure.end, f.start)
            and (
                _RESTATED.fullmatch(text, out[-1].figure.end, f.start)
                or (f.kind == out[-1].figure.kind and _AND_NEXT.fullmatch(text, out[-1].figure.end, f.start))
            )
        ):
            q = "result"  # "won with 18,287 votes, or 53 pct"
        elif not is_row and q in CLAIM_QUANTITIES and _TALLY.match(text, f.end, end):
            q = "result"  # "a 738 to 319 vote"
        elif not is_row and q in ("people", "society") and _VOTES_AFTER.match(text, f.end, end):
            if result is None:
                result = _RESULT_VERB.search(text, start, end) is not None
            if result:
                q = "result"  # "won with 18,287 votes", "the 512-seat Lower House"
        if not is_row and q == "people" and _entity_size(text, f, start, end):
            if change is None:
                change = _CHANGE.search(text, start, end) is not None or _HARM.search(text, start, end) is not None
            if not change:
                q = "measure"  # "Toshin Steel, with 1,700 workers": the size of the firm
        if not is_row and q in CLAIM_QUANTITIES and _CONDITIONAL.search(text, max(start, f.start - 120), f.start):
            q = "hypothetical"  # "only possible if the 200 opposition members resign", "if you earn $250,000"
        # A company's own figures are not claims, unless they are about people or society ("cut 1,500 jobs").
        claim = q in CLAIM_QUANTITIES and not layout_results and not (own and q in ("other", "society"))
        if claim and not is_row and f.kind == "count" and _small_count(f):
            if harm is None:
                harm = _HARM.search(text, start, end) is not None
            claim = harm
        if is_row and not _data_cell(text, f, start, end):
            claim = False  # "10 things I've learned | Michael White": a menu line, not a cell of figures
        out.append(FigureClaim(f, q, claim, own))
    return out
