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
from audit.sourcing.lead import lead_all

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
    flooding destroyed blaze blazes bushfire bushfires incendios incendio inundaciones arrasado vivienda viviendas house houses home homes spent spend gastó
    housing gas groceries food healthcare premiums childcare medicare medicaid
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
    rebounds assists kills holes birdies bogeys sets plays possessions shots saves tackles sacks hits homers
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
#: 5,000", "Indonesia, with 168 mln people", "has about 1,800,000 members", "Florida's 2.8 million residents", "The
#: union represents 40,000 members", "works with 70 organisations to support 11,500 members". A description of the entity (like its
#: population), not a statistic: unless the sentence counts harm or a change to those people ("has 1,850 workers on
#: indefinite layoff", "cut 5,000 jobs from its work force of 107,000"), or it is the size of a whole sector or economy
#: ("The sector employs 240,000 workers nationwide": an economic statistic).
_SIZE_BEFORE = re.compile(
    r"(?i:\b(?:with|has|have|had|having|employs|employed|employing|home\s+to|emplea|empleaba|cuenta\s+con|con|tiene|"
    r"tenía|serves|served|serving|reaches|reached|connects|connected|boasts|boasted|comprising|comprises|comprised|"
    r"consisting\s+of|consists\s+of|marshal(?:l?ed|s)|muster(?:ed|s)|fielded|fields|commanded|commands|led|leading|"
    r"represents|represented|representing|support|supports|supported|supporting|accompanied\s+by)\s+"
    r"(?:(?:a|an|its|their)\s+)?(?:(?:staff|work\s*force|workforce|membership|payroll|plantilla)\s+of\s+)?"
    r"(?:(?:about|around|some|nearly|almost|over|more\s+than|roughly|approximately|just\s+over|unos|unas|más\s+de|"
    r"casi|alrededor\s+de)\s+)?|(?:['’]s|#39;s|\bits|\btheir)\s+(?:(?:about|some|nearly|roughly)\s+)?"
    r"|\b(?:staff|work\s*force|workforce|membership|payroll|strength|plantilla|army|force|garrison|contingent)\s+of\s+"
    r"(?:(?:about|around|some|nearly|almost|over|more\s+than|roughly|approximately)\s+)?"
    # "an Albanian Communist Party of 130 members", "a union of about 4,000 members": the body's size
    r"|\b(?:party|union|association|league|club|society|council|committee|order|congregation|assembly|federation|"
    r"partido|sindicato|asociación)\s+of\s+(?:(?:about|around|some|nearly|almost|over|more\s+than|roughly)\s+)?)$"
)
_STAFF_OF = re.compile(
    r"(?i:staff|work\s*force|workforce|membership|payroll|strength|plantilla|army|force|garrison|contingent)\s+of\b"
)
_MEMBERS = frozenset(
    """people persons workers employees staff members personnel customers subscribers users students pupils
    residents inhabitants followers readers viewers listeners personas trabajadores empleados miembros socios clientes
    usuarios alumnos estudiantes residentes habitantes seguidores lectores""".split()
)
#: The members of an armed force or a crew: "the prince, with 10,000 Khmer troops, took over Vientiane", "the larger
#: ship with 700 volunteers": the size of a force in the story of a campaign, like the size of a firm (harm done to them
#: or a change, "with 300 soldiers killed", stays a claim).
_FORCE_MEMBERS = frozenset(
    """troops soldiers men warriors sailors volunteers knights horsemen cavalry infantry marines crewmen
    tropas soldados hombres guerreros marineros voluntarios""".split()
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
    r"achieved|attained|obtained|scored|cast|"
    r"garnered|gained|gaining|carried|lost|beat|beating|defeated|defeating|ganó|gana|obtuvo|logró|perdió|reelegid[oa]|"
    r"elegid[oa])\b"
)
_VOTES_AFTER = re.compile(
    r"\s*(?:(?:per\s+cent|percent|pct|%|por\s+ciento)\s+)?(?:of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:vote|votes|ballots)\b|"
    r"(?:popular\s+|electoral\s+)?votes\b|(?:de\s+los\s+)?votos\b|del\s+voto\b|-seat\b|\s*seats?\b|escaños\b)",
    re.I,
)
#: A figure in a conditional clause ("if 200 members resign", "unless 40% of voters turn out", "si 300 familias
#: se van") states a hypothesis, not a fact: nothing to source.
_CONDITIONAL = re.compile(r"(?i)\b(?:if|unless|si)\b[^,;:.!?()]*$")
#: A made-up example: "For example, a hypothetical population might include 10 million men", "Suppose that 100 patients".
_EXAMPLE = re.compile(r"(?i)\b(?:hypothetical|hypothetically|suppose|supposing|imagine|hipotétic[oa])\b")
#: A worked example: "For example, if 10% of a group die before their next birthday, then the probability … is 10%".
_WORKED_EXAMPLE = re.compile(r"(?i)\s*(?:for\s+(?:example|instance)|por\s+ejemplo)\s*,?\s*(?:if|si)\b")
#: "Say" opening a worked example: "For example, say a family earns $50,000", "Say the court awards $50,000".
_SAY_EXAMPLE = re.compile(
    r"(?:(?:for\s+(?:example|instance)|por\s+ejemplo)\s*,?\s*(?:say|let's\s+say|let’s\s+say|digamos|supongamos)|"
    r"(?:Say|Let's\s+say|Let’s\s+say|Digamos\s+que|Supongamos\s+que)\s)",
    re.I,
)
#: A sentence that goes on with the example before it: "If the defendant appeals, then…", "Then the plaintiff…",
#: "In that case…", "Si la empresa recurre…", "Entonces…", "En ese caso…".
_EXAMPLE_GOES_ON = re.compile(
    r"\s*(?:If|Then|In\s+(?:that|this|such\s+a)\s+case|Si|Entonces|En\s+(?:ese|este|tal)\s+caso)\b"
)
#: The end of the sentence before (its last full stop, question or exclamation mark before white space).
_SENTENCE_END = re.compile(r"[.!?][\"”’')]?\s")
#: The same result restated: "18,287 votes, or 53 pct".
_RESTATED = re.compile(r"[^\d;:]{0,20}?,?\s+(?:or|o|to|a)\s+(?:[A-Z][\w-]*(?:'s|’s)\s+)?")
#: A tally: "by 66 votes to 44", "after a 738 to 319 vote".
_TALLY = re.compile(
    r"\s+(?:to|-|–)\s+\d[\d,]*\s+(?:vote|votes|decision)\b|\s+votes?\s+(?:to|against)\s+\d|\s+votos\s+(?:a|contra)\s+\d",
    re.I,
)
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
    r"(?i)\b(?:kill|dead|(?<!the\s)(?<!\ba\s)(?<!each\s)(?<!one\s)(?<!first\s)(?<!second\s)(?<!third\s)(?<!this\s)"
    r"(?<!that\s)die\b|die[ds]\b|dying|death|injur|wound|hurt|victim|casualt|fatalit|missing|arrest|detain|kidnap|"
    r"abduct|hostage|homeless|displaced|evacuat|sick|infect|hospitali[sz]|murder|homicide|shooting|(?:were|was|been|being|got|get|fatally|gunmen)\s+shot\b|shot\s+(?:dead|and\s+killed|to\s+death)|overdos|"
    r"suicide|execut(?!ive)|jail|imprison|sentenced|muert|muri|falleci|herid|víctima|desaparecid|detuv|detenid|secuestr|"
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
_SIZE_COMPOUND = re.compile(
    r"-(?:member|seat|strong|man|bed|room|page|acre|mile|story|storey|bit|byte|inch|core|cylinder|track|lane|"
    r"speed|volt|watt|pixel|megapixel|piece|gun|ton|tonne|foot|metre|meter)\b",
    re.I,
)
#: A range of years ago or of age: "dated to 30,000 to 37,000 years ago" (the first figure of a date range).
_YEARS_RANGE = re.compile(r"\s*(?:to|-|–|and|or)\s*[\d.,]*\d\s+(?:years?|yrs?|años)\b", re.I)
#: A venue's capacity: "it only seated 56,000 people", "a stadium that holds 40,000 fans".
_CAPACITY_BEFORE = re.compile(
    r"(?i:\b(?:seat(?:s|ed|ing)?|hold(?:s|ing)?|held|accommodat(?:e|es|ed|ing)|capacity\s+(?:of|for)|(?:will|can|to)\s+house|"
    r"room\s+for|aforo\s+(?:de|para)|capacidad\s+(?:de|para))\s+(?:(?:about|some|nearly|around|up\s+to|only|"
    r"more\s+than|over|just)\s+)*)$"
)
#: One person's pay is a detail of a biography: "his monthly salary was increased from 2000 to 3000 francs".
_PERSONAL_PAY = re.compile(
    r"(?i)\b(?:his|her|su)\s+(?:[\w-]+\s+)?(?:salary|wage|wages|pay|allowance|pension|salario|sueldo)\b"
    r"|\b(?:for|on|at|with)\s+an?\s+(?:[\w-]+\s+)?(?:salary|fee|wage|contract|transfer\s+fee)\s+of\s+(?:(?:about|some|around|"
    r"nearly|over|more\s+than|up\s+to)\s+)?[$€£¥]?\s?$"
)
#: One person's (or one family's) fortune: "possessed a fortune valued at around $30 billion", "a net worth of $2
#: billion", "una fortuna valorada en 3.000 millones": a detail of a life, like a salary.
_FORTUNE_BEFORE = re.compile(
    r"(?i)\b(?:fortune|net\s+worth|personal\s+wealth|fortuna|patrimonio)\s+(?:(?:(?:was|is|has\s+been)\s+)?"
    r"(?:valued|estimated|put|pegged|reckoned|valorad[ao]|estimad[ao]|calculad[ao]|cifrad[ao])\s+(?:at|en)|of|de)\s+"
    r"(?:(?:about|around|some|nearly|almost|over|more\s+than|up\s+to|an\s+estimated|unos|unas|casi|más\s+de|"
    r"cerca\s+de)\s+)*(?:US)?[$€£¥]?\s?$"
)
#: The last age of a list of ages: "aged three and 13", "aged 4, 7 and 11" (the first is an age of figures.py).
_AGE_LIST_BEFORE = re.compile(r"(?i)\b(?:aged|ages)\s+(?:[\w-]+\s*(?:,|and|or|to|y|-|–)\s*){1,4}$")
#: What follows the last age of a list: a verb or the end of the clause ("aged three and 13 died", not "aged four and 15
#: and 30 other people").
_AGE_LIST_AFTER = re.compile(r"\s*(?:[,.;:)]|$|(?:were|was|are|is|have|has|had|remain|remains)\b|[a-z]+ed\b)")
#: A share of one person's pay: "75 per cent of Lee's match pay", "20% of his salary".
_SHARE_OF_PAY = re.compile(
    r"\s*of\s+(?:his|her|[A-Z][\w-]*(?:'s|’s))\s+(?:[\w-]+\s+){0,2}(?:pay|salary|wages?|earnings|fee|income)\b"
)
#: A count of fires (not the area they burn, which the annotated news sets read as a statistic: "The blaze has
#: scorched 4,500 hectares").
_FIRE_NOUNS = ("fire", "blaze", "bushfire", "wildfire", "grassfire", "incendio")
_EVENT_SIZE_AFTER = re.compile(
    r"\s*(?:(?:more|fewer|other|separate|large|small|major)\s+)?(?:" + "|".join(f"{w}s" for w in _FIRE_NOUNS) + r")\b",
    re.I,
)
_FIRE_EVENT = re.compile(r"(?i)\b(?:" + "|".join(f"{w}s?" for w in _FIRE_NOUNS) + r"|burn\w*)\b")
#: A total over a season or a year (not a fire as it burns): "this year", "the fire season", "since 2001".
_SEASON = re.compile(
    r"\b(?:year|years|season|seasons|summer|winter|annual|annually|decade|since|record|año|años|temporada)\b"
)
#: A share of a period of time: "the last half of the ninth century".
_TIME_SPAN = frozenset("century centuries decade decades year years season seasons period month months week".split())
#: A physical unit right after the figure: "18.7 cm long", "a 235.4 m tall tower", "400 MHz", "25,000 light-years",
#: "1.4 bar".
_PHYSICAL_UNIT = re.compile(
    r"(?:\s*(?:and|or|to|-|–)\s*[\d.,]*\d)?"  # "the 400 and 450 MHz bands"
    r"\s?(?:(?:cm|mm|m|km|ft|mi|yd)[23²³]?|in\.|mhz|ghz|khz|hz|kg|mg|g|lb|lbs|oz|°[cf]?|light-years?|kwh|mw|kw|gw|nm|µm|"
    # units written with a space or a period, and the engineer's and chemist's units: "123,000 cu mi", "179 cuin",
    # "6.3 Gcuft", "1745 ppb", "3,000 rpm", "250 hp", "500 cc", "21μs"
    r"(?:sq|cu)\.?\s?(?:mi|km|ft|yd|m|in)\.?|cu\.?\s?in|cuin|[kmgtb]?cu\.?\s?ft|bcf|tcf|bcm|ppm|ppb|ppt|rpm|bhp|hp|cc|psi|"
    r"mpg|knots|kn|kcal|cal|[µμmn]s|db|twh|gwh|mwh|mah|mt|kt|gt|mbps|gbps|kbps|tb|gb|mb|kb|usgal|impgal|gal|"
    # pressures: "the partial pressure of oxygen reaches 1.4 bar" (not "40 bar staff")
    r"kpa|mpa|hpa|atm|mmhg|m?bar(?!\s+(?:staff|owners?|workers|patrons|tabs?|association)))(?![\w-])",
    re.I,
)
#: An offer or a bid for a company: "made a $5 billion offer to purchase Dow Jones", "a $2.1 bln bid for the group".
_DEAL_OFFER = re.compile(
    r"(?i)\s*(?:(?:mln|million|billion|bln|thousand)\s+)?(?:dlrs?\s+)?(?:[\w-]+\s+)?(?:offer|bid|buyout|takeover\s+bid)\s+"
    r"(?:to\s+(?:buy|purchase|acquire|take\s+over)|for)\b"
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
    r"(?i)\b(?:rais(?:e|es|ed|ing)|seek(?:s|ing)?|sought|secur(?:e|es|ed|ing)|backed|closed|led\s+by|behind)\b"
)
#: A price per period or per item: "cost around $7 a month", "a lease at 80 pounds a year", "$62,500 per song". The
#: cost of a thing, unless a social noun before it says it is pay, rent or a benefit ("cut pay to $7.25 an hour").
_PER_PERIOD = re.compile(
    r"\s*(?:(?:mln|million|billion|bln|thousand)\s+)?(?:dlrs?\s+)?(?:[a-z]+\s+for\s+(?:every|each)\s+[a-z]+\b|"
    r"(?:a|an|per|each|every|por|al|a\s+la)\s+"
    r"(?:month|year|quarter|week|day|night|hour|song|ticket|person|visit|seat|session|class|copy|issue|mes|año|semana|día|"
    r"noche|hora)\b)",
    re.I,
)
#: What a buyer pays: "buyers are asked to pay over 10,000 pounds extra for", "will pay the state $750,000",
#: "sells for $12": the price of a thing or a deal.
_PRICE_VERB = re.compile(
    r"(?i:\b(?:pay|pays|paying|paid|cost|costs|costing|priced\s+at|sells?\s+for|sold\s+for|selling\s+for|"
    r"retails?\s+for|charges?|charging|cuesta|cuestan|costó|pagar|paga|pagan|pagó)\s+"
    r"(?:(?:the|a|an|its|their|his|her|el|la|los|las)\s+[\w-]+\s+)?"
    r"(?:(?:over|about|around|nearly|almost|roughly|more\s+than|less\s+than|up\s+to|an\s+extra|another|only|just|"
    r"at\s+least|some|unos|unas|más\s+de|casi)\s+)?)$"
)
#: A legal decision's sums are its public record: "IBM was fined more than $120,000", "ordered Intel to pay a fine of
#: $25.5 million", "was ordered to pay $62,500 per song", "charged with running a scheme that provided $500 million in
#: losses", "agreed to pay a settlement of $12 million".
_LEGAL = re.compile(
    r"(?i)\b(?:fined|fine\s+of|fines|maximum\s+fine|penalt(?:y|ies)|damages|settlements?|settled|ordered\s+(?:[\w-]+\s+){0,3}?"
    r"to\s+pay|awarded|charged\s+(?:\w+\s+)?with|indicted|indictment|convicted|verdict|jury|court|tribunal|lawsuit|sued|"
    r"multad[oa]|multa\s+de|condenad[oa]|indemnizaci[oó]n|tribunal|juez|demanda)\b"
)
#: A gift of an organisation or a state: "Toyota is giving $1 million to the American Red Cross", "has made a $500,000
#: donation", "awarded $5,000 grants", "pledged $130 million in aid": the giver's own transaction, announced by it; a
#: bequest is its testator's ("his grandmother died and bequeathed him £450", "a bequest of £20,000 from H. Hunt").
_GIVE_BEFORE = re.compile(
    r"(?i:\b(?:giv(?:e|es|ing)|gave|given|donat(?:e|es|ed|ing)|contribut(?:e|es|ed|ing)|pledg(?:e|es|ed|ing)|"
    r"promised|promise\s+to\s+provide|don[oó]|donar[aá]?|donaron|bequeath(?:s|ed|ing)?|awards|awarding|grants|granting|"
    r"(?:bequest|legacy|inheritance|endowment)\s+of)\s+"
    r"(?:(?:a|an|another|the|its|their|more\s+than|about|some|over|nearly|almost|an\s+additional|additional|"
    r"them|him|her|us|it|unos|unas|más\s+de)\s+)*(?:U\.?S\.?\s*)?)$"
)
_GIFT_AFTER = re.compile(
    r"\s*(?:(?:mln|million|billion|bln|thousand)\s+)?(?:dlrs?\s+)?(?:[\w-]+\s+)?"
    r"(?:donations?|contributions?|gifts?|grants?|pledges?|donativos?|donaciones?)\b",
    re.I,
)
_CURRENCY_AFTER = re.compile(
    r"\s*(?:(?:mln|million|billion|bln|thousand|millones|mil)\s+)?(?:dlrs?|dollars?|stg|sterling|yen|marks|francs|"
    r"pounds|euros?|pesos|dólares|libras|rubles|roubles|rupees|yuan|lira|lire|kronor|kroner|shillings|dinars|riyals|"
    r"rand|reais|zlotys|forints|guilders|florins|ducats|crowns|gold\s+pieces)\b",
    re.I,
)
#: A threshold of a rule or an offer: "tax cuts for those making less than $250,000 a year", "incomes above $1 million".
_THRESHOLD_BEFORE = re.compile(
    r"(?i:\b(?:making|earning|earn|earns|make|makes|incomes?|income\s+of|earnings\s+of|salaries|assets\s+of|"
    r"ganan|ingresos)\s+(?:of\s+)?(?:less|more|under|over|above|below|menos|más)(?:\s+(?:than|de))?\s+)$"
)
#: A target or a cap is a plan's own term, not a statistic: "the announced target of a 17 per cent reduction".
_TARGET_BEFORE = re.compile(
    r"(?i:\b(?:(?:target|goal|aim|objective|ceiling|cap|limit|minimum|maximum|threshold|quorum|quota|meta|objetivo|"
    r"tope|límite|mínimo|máximo|umbral)\s+(?:of|de|del|is|was|are|were|stands\s+at|stood\s+at|set\s+at|es|era|fue)|"
    r"requisite|required)\s+(?:(?:a|an|the|about|some|nearly|un|una|el|la)\s+)?)$"
    # an aim stated as a verb: "the program strives to bring attention to hunger and raise over £1 million annually"
    r"|(?i:\b(?:aims?|aimed|strives?|seeks?|sought|hopes?|hoped|plans?|planned|pretende|busca)\s+to\s+(?:[\w'’-]+\s+){0,10}?"
    r"(?:raise|collect|reach|recaudar|alcanzar)\s+(?:(?:over|more\s+than|about|some|at\s+least|up\s+to)\s+)?[$€£¥]?\s?)$"
)
#: The sample of a study, a survey or a poll: "a random sample of 574 adult students", "a survey of 1,200 voters" (the
#: study describes itself; its findings are the claims).
_SAMPLE_BEFORE = re.compile(
    r"(?i:\b(?:sample|survey|poll|muestra|encuesta)\s+of\s+(?:(?:about|some|nearly|more\s+than|over|roughly|just\s+over)\s+)?)$"
)
#: The terms of a constitution or an electoral law: "one deputy for every 12,000 people" (not "one doctor for every
#: 5,000 people", a statistic), and a figure named as a threshold after it: "for having fewer than 500 members, the
#: threshold needed for registration".
_REPRESENTATION_BEFORE = re.compile(
    r"(?i:\b(?:one|a|an|un|una)\s+(?:deputy|deputies|representative|seat|member|delegate|senator|councillor|councilor|"
    r"mp|elector|diputado|escaño|representante)\s+(?:for|per|por)\s+(?:every|each|cada)\s+)$"
)
_THRESHOLD_AFTER = re.compile(
    r"(?:\s+[\w'’-]+){0,2},?\s+(?:the|a|el|la)\s+(?:[\w-]+\s+)?(?:threshold|minimum|quorum|requirement|umbral|mínimo)\b",
    re.I,
)
#: Geography and climate: "less than 45% of the planet's surface", "About 80% of the rainfall occurs in the monsoon":
#: the share of an area or of a climate measure is a measurement, not a statistic about society.
_AREA_OF = re.compile(
    r"\s*(?:of|de)\s+(?:the\s+|its\s+|their\s+|la\s+|el\s+)?(?:[\w'’-]+\s+){0,2}?(?:surface|area|land\s+area|"
    r"territory|landmass|rainfall|precipitation|superficie|territorio|lluvia)\b",
    re.I,
)
#: A singular noun after "the" and a bare number names a thing by its number ("the 386 design", "the 747 fleet");
#: a plural noun is counted ("the 300 workers").
_LABEL_NOUN = re.compile(r"\s([a-z][a-z-]*[a-rt-z])\s+(?!of\b)[a-z]")
#: The money of a work: a film's budget and takings, an album's sales, "which was shot for around $7,000": the work's
#: own description in an encyclopaedia or a review, not a statistic about society (an industry's or an economy's
#: money stays one: "the film industry added $2 billion to the economy").
_WORK = re.compile(
    r"(?i)\b(?:film|films|movie|movies|box[\s-]office|grossed|grossing|its\s+release|premiered?|album|albums|"
    r"soundtrack|screenplay|shot\s+for|filming|película|taquilla|rodaje)\b"
    r"|(?i:\b(?:earned|grossed|took\s+in)\s+[^.;]{0,30}?\bworldwide\b)"
)
_ECONOMY = re.compile(r"(?i)\b(?:industry|industries|sector|economy|economic|nationwide|industria|sector|economía)\b")
#: The terms of a tax code or a benefit rule: "The standard deduction for a single taxpayer is $5,700", "the personal
#: exemption is $118", "the minimum wage is $7.25 an hour".
_RULE_AMOUNT_BEFORE = re.compile(
    r"(?i:\b(?:deduction|deductions|exemption|exemptions|allowance|allowances|minimum\s+wage|tax\s+credit|"
    r"deducción|exención|salario\s+mínimo)\b(?:\s+(?:for|of|per|para|por)\s+(?:a|an|the|each|every|un|una|el|la)?\s*"
    r"(?:[\w-]+\s+){0,2}?[\w-]+)?\s+(?:is|was|are|were|of|stands\s+at|es|era|fue|de|"
    r"(?:(?:usually|typically|normally|generally|currently)\s+)?(?:set|fixed|capped|pegged)\s+at|fijad[oa]\s+en)\s+)$"
)
#: The rate a wage law sets, as news of the law gives it: "voted to raise the state's minimum wage by $1 to $8.25 per
#: hour", "California is raising its minimum wage to $9 per hour", "el salario mínimo sube a 1.134 euros".
_WAGE_RULE_BEFORE = re.compile(
    r"(?i:\b(?:minimum\s+wages?|living\s+wages?|salario\s+mínimo(?:\s+interprofesional)?)\b[^.;:!?$€£\d]{0,40}?"
    r"(?:[$€£]\s?[\d.,]*\d\s+(?:to|a|hasta)\s+)?)$"
)
#: A requirement stated as what someone must attain: "parties must attain at least 5 percent of the vote to gain a
#: seat", "As a condition, Intel will have to employ 1,500 more workers": the terms of a rule or a deal.
_REQUIRED_BEFORE = re.compile(
    r"(?i:\b(?:must|(?:will\s+)?(?:have|has|need|needs)\s+to|required\s+to|obliged\s+to|debe|deben|deberá|deberán|"
    r"tendrá\s+que|tendrán\s+que)\s+(?:also\s+)?(?:attain|obtain|win|get|gain|reach|receive|employ|hire|collect|gather|"
    r"secure|hold|keep|maintain|obtener|alcanzar|conseguir|reunir|emplear|contratar)\s+"
    r"(?:(?:at\s+least|a\s+minimum\s+of|more\s+than|over|up\s+to|al\s+menos|un\s+mínimo\s+de|más\s+de)\s+)?)$"
)
#: A minimum that a rule obliges someone to meet, said after the obligation: "World Rugby requires that the hosts must
#: have a venue with a capacity of at least 60,000 spectators", "applicants are required to show at least 500 signatures".
_OBLIGED_MINIMUM = re.compile(
    r"(?i:\b(?:must|required\s+to|obliged\s+to|requires?\s+that)\s+[^,;:.!?]{0,60}?\b(?:at\s+least|a\s+minimum\s+of|"
    r"no\s+(?:fewer|less)\s+than)\s+)$"
)
#: A threshold a procedure sets, in a passive with its agent: "After a motion of censure is approved by at least
#: one-fifth of the Councillors, the Council will vote", "a petition signed by at least 10% of voters triggers a vote".
_PROCEDURE_MINIMUM = re.compile(
    r"(?i:\b(?:is|are|be|been|being|es|sea|sean)\s+(?:approved|supported|signed|requested|backed|endorsed|aprobad[oa]s?|"
    r"firmad[oa]s?|respaldad[oa]s?|solicitad[oa]s?)\s+(?:by|por)\s+(?:at\s+least|a\s+minimum\s+of|no\s+(?:fewer|less)\s+than|"
    r"al\s+menos|un\s+mínimo\s+de)\s+)$"
)
#: The terms of a deal named as the frame of the sentence: "As a condition, ...", "As part of the agreement, ...".
_TERMS_OPENER = re.compile(
    r"(?i:\s*(?:as\s+a\s+condition|as\s+part\s+of\s+the\s+(?:deal|agreement|accord|pact|settlement|contract)|"
    r"under\s+the\s+terms|como\s+condición)\b)"
)
#: The offer of a product page: "5% cash back on up to $1,500 spent", "0% intro APR", "20% off": the terms of a sale.
_OFFER = re.compile(
    r"(?i:\b(?:cash\s*back|cashback|apr|intro(?:ductory)?\s+(?:rate|offer|apr|period)|promo(?:tion(?:al)?)?\s+code|"
    r"coupons?|discount|rewards?\s+points|free\s+shipping|annual\s+fee|sign[- ]?up\s+bonus|bonus\s+(?:cash|points|miles))\b|"
    r"\d\s?%\s+off\b)"
)
#: What a material or a mixture is made of: "a 90% platinum-10% iridium alloy", "gas containing more than 40% oxygen",
#: "43% coal, 42% oil and 15% renewable": a composition, a measurement of a thing.
_MATERIALS = frozenset(
    """platinum iridium gold silver copper zinc tin iron nickel chromium aluminium aluminum titanium tungsten
    cobalt manganese magnesium calcium sodium potassium lithium uranium plutonium mercury carbon nitrogen oxygen
    hydrogen helium argon neon zirconium niobium tantalum vanadium molybdenum beryllium boron arsenic antimony bismuth
    cadmium selenium palladium rhodium gallium germanium indium strontium barium cesium caesium fluorine chlorine
    bromine iodine phosphorus thorium methane ethane propane butane ethanol alcohol sulfur sulphur silicon steel brass bronze
    cotton wool silk polyester nylon leather coal oil gas petroleum diesel nuclear hydro hydroelectric hydropower wind
    solar renewable renewables geothermal biomass water sugar protein fat starch fibre fiber moisture clay sand
    limestone cocoa cacao juice milk gases
    oro plata cobre hierro zinc estaño plomo carbón petróleo agua azúcar algodón""".split()
)
#: The content of a substance: "nitrox with an oxygen content above 21%", "a moisture content of 12%".
_CONTENT_BEFORE = re.compile(
    r"\b([a-z]+)\s+(?:content|concentration|fraction)\s+(?:of\s+)?(?:(?:above|below|over|under|about|around|"
    r"up\s+to|at\s+least|less\s+than|more\s+than|exceeding|near)\s+)?$",
    re.I,
)
#: A class defined by a size: "Localities of 5,000 persons and above have been classified as urban since 1960".
_CLASS_THRESHOLD_AFTER = re.compile(
    r"\s+(?:(?:persons|people|inhabitants|residents|population|employees|workers|members)\s+)?"
    r"(?:and|or)\s+(?:above|more|over|upwards|greater|larger|higher)\b",
    re.I,
)
_CLASSIFIED = re.compile(
    r"(?i)\b(?:classified|classed|defined|designated|considered|counted|qualify|qualifies|qualified)\s+as\b"
)
#: People who attended an event, told as its detail: "1,300 people attended, and several lots exceeded their
#: predicted values", "a symposium was held with 4,000 in attendance" (a protest's crowd stays a claim).
_ATTENDED_AFTER = re.compile(
    r"\s+(?:(?:people|persons|guests|visitors|spectators|delegates|participants)\s+)?(?:attended\s*[,;.]|"
    r"attended\s+(?:and|but)\b|in\s+attendance\b|were\s+in\s+attendance\b)",
    re.I,
)
_COMPOSITION_AFTER = re.compile(r"\s*(?:by\s+(?:weight|volume|mass)|alloy)\b", re.I)
#: The size of a crowd at an event: "joined a crowd of 15,000 people", "a standing ovation from over 3,000 people"
#: (a protest's size is a claim: see :data:`_PROTEST`).
_CROWD_BEFORE = re.compile(
    r"(?i:\b(?:crowds?|audiences?|ovation|congregation|gathering|attended\s+by|in\s+front\s+of|before\s+a\s+crowd|"
    r"attendances?\s+(?:\w+ly\s+)?(?:topping|"
    r"averaging|reaching|exceeding))\s+(?:of|from|by)?\s*"
    r"(?:(?:about|some|nearly|around|over|more\s+than|up\s+to|roughly|an\s+estimated|estimated|almost|perhaps)\s+)*)$"
)
#: An event that draws a crowd: "a charity concert … drawing over 40,000 people to two shows" (a tourist trade's
#: visitors are a statistic: "the islands attracted 12 million visitors").
_DRAWS_BEFORE = re.compile(
    r"(?i:\b(?:drawing|drew|draws|drawn|attracting|attracted|attracts|pulling|pulled|welcomes|welcomed|welcoming)\s+(?:(?:about|some|nearly|around|"
    r"over|more\s+than|up\s+to|roughly|an\s+estimated|almost|a\s+crowd\s+of)\s+)*)$"
)
_EVENT = re.compile(
    r"(?i)\b(?:concerts?|shows?|festivals?|matche?s?|games?|performances?|gigs?|premieres?|tournaments?|fights?|"
    r"exhibitions?|conciertos?|partidos?)\b"
)
_PROTEST = re.compile(
    r"(?i)\b(?:protest\w*|demonstrat\w*|marchers|marched|marching|rall(?:y|ies|ied)|riot\w*|strik\w*|vigil\w*|"
    r"manifestaci\w*|manifestantes|protesta\w*|marcha\w*)\b"
)
#: One person's money: "She also earned $50,000 for each speech", "his father did create a trust of 100,000 pounds":
#: a detail of a life, unless the sentence is about public money (a budget, taxes, aid).
_PERSON_SUBJECT = re.compile(r"\s*(?:He|She|His\s+[\w-]+|Her\s+[\w-]+|Él|Ella)\b")
_PERSON_IN_CLAUSE = re.compile(r"(?i)\b(?:his|her|he|she)\b")
_PAY_WORDS = frozenset(
    "pay made earned compensation bonus salary salaries wage wages spent spend gastó salario sueldo".split()
)
#: "at home", "made up": words that look social here and are not ("10 at home, 10 on the road", "made up 30% of").
_FALSE_SOCIAL = re.compile(
    r"(?i)\b(?:at\s+home|made\s+up|home\s+to|home\s+(?:run|runs|team|game|games|ground|win|wins|port|base))\b"
)
#: A body enlarged to a size: "The assembly was expanded to 99 members in 1997, to 115 members in 2006".
_EXPANDED_TO = re.compile(r"(?i:\b(?:expanded|enlarged)\s+(?:from\s+[\d,]+\s+)?to\s+)$")
_EXPANDED = re.compile(r"(?i)\b(?:expanded|enlarged)\b")
#: What a party is entitled to under a rule or a deal: "Kyrgyzstan has the right to 25% of the water".
_ENTITLED_BEFORE = re.compile(
    r"(?i:\b(?:right|rights|entitled|entitles\s+\w+|entitlement|derecho)\s+(?:to|a)\s+(?:(?:a|an|the|about|some|up\s+to|"
    r"el|la)\s+)?)$"
)
#: How far a piece of work has got: "repairs were halted when they were only 20% complete".
_PROGRESS_AFTER = re.compile(r"\s*(?:complete|completed|finished|done|built|charged|full|efficient)\b", re.I)
#: An organisation named as the subject of its own size: "the workforce is now less than 1,000", "The membership of
#: the council was expanded from 60 to 90 members".
_ORG_SIZE_SUBJECT = re.compile(
    r"(?i)\b(?:the|its|their|['’]s)\s+(?:[\w-]+\s+)?(?:membership|workforce|work\s+force|staff|payroll|headcount|"
    r"plantilla)(?:\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?[\w'’-]+)?\s+(?:is|was|were|are|has|had|stood|numbered|numbers|"
    r"totals|totalled|totaled|expanded|grew|reached|now)\b"
)
#: Orders and production of things named like people: "ordered 19 models and 176 fighters", "8 million cases of wine
#: are produced".
_PRODUCTION = re.compile(
    r"(?i)\b(?:order(?:s|ed)?|buil[dt]s?|building|produc(?:e|es|ed|tion)|manufactur\w*|deliver(?:s|ed|ies)?|"
    r"purchas\w*|bought|acquired|ship(?:s|ped|ments)|sold|sells|export\w*|bottled|fleet|bombers|aircraft|planes)\b"
)
#: The men who joined or fought in an armed force in the story of a war: "about 400,000 Poles joined the underground
#: Polish Home Army", "About 200,000 fought in the Western Front in Polish armed forces" (the force's size; harm done
#: to them stays a claim).
_JOINED_FORCE = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:joined|enlisted\s+in|served\s+in|fought\s+(?:in|for|with|on))\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?"
    r"(?:army|armies|armed\s+forces|forces|resistance|militia|militias|navy|legion|legions|brigades?|front|guerrillas?)\b",
    re.I,
)
#: Men of a force on the move or in garrison in the story of a campaign: "200 Irish troops landed at Carrickfergus", "over
#: 4,000 federal troops … arrived to restore order", "dispatched 325,517 troops to fight", "to keep the 30,000 men
#: garrisoned in New York" (harm done to them stays a claim).
_FORCE_MOVED = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,2}?(?:troops|soldiers|men|warriors|sailors|marines|knights|horsemen|infantry|cavalry)\b"
    r"[^,;:.!?]{0,50}?\b(?:landed|arrived|marched|crossed|sailed|disembarked|advanced|retreated|withdrew|invaded|"
    r"garrisoned|encamped|quartered|besieged)\b",
    re.I,
)
_FORCE_SENT_BEFORE = re.compile(
    r"(?i:\b(?:sent|dispatched|deployed|landed|brought|marched|supplied|contributed|positioned|stationed|lead|leads)\s+"
    r"(?:(?:his|her|their|its)\s+)?(?:(?:some|about|around|over|nearly|almost|roughly|more\s+than|up\s+to)\s+)?"
    r"|\b(?:column|detachment|expedition|flotilla|squadron)\s+of\s+(?:(?:some|about|around|over|nearly|almost|roughly|"
    r"more\s+than|up\s+to)\s+)?)$"
)
#: A force's strength as the story of a campaign tells it: "The army had dwindled to fewer than 5,000 men fit for duty".
_FORCE_SIZE_SUBJECT = re.compile(
    r"(?i)\b(?:the|his|her|its|their|['’]s)\s+(?:[\w-]+\s+)?(?:army|garrison|column|detachment|expedition)\s+"
    r"(?:had\s+)?(?:dwindled|shrunk|shrank|numbered|(?:was|had\s+been)\s+reduced)\b"
)
#: An organisation's own members and their breakdown: "273 of the 1648 members of the Rabbinical Assembly were women",
#: "more than ten percent of its rabbis serve in Israel", "there are now 800 members in eight countries" (the body's
#: description of itself; lay-offs or harm among them stay claims).
_OWN_MEMBERS_AFTER = re.compile(
    r"\s+(?:of\s+(?:the\s+)?[\d,]+\s+members\s+of\b|of\s+(?:its|their)\s+(?:[\w-]+\s+)?(?:members|rabbis|clergy|priests|"
    r"ministers|monks|nuns|congregations|parishes|chapters|branches)\b)",
    re.I,
)
_MEMBERS_OF_NAME = re.compile(r"\s+members\s+of\s+(?:the\s+)?[A-Z]")  # "the 1648 members of the Rabbinical Assembly"
_THERE_ARE_NOW = re.compile(
    r"(?i:\bthere\s+(?:are|were)\s+now\s+(?:(?:about|some|around|nearly|over|more\s+than)\s+)?)$"
)
#: Farm animals and game counted by a figure: "three million cattle", "40,000 sheep" (even when the sentence calls them
#: "residents" or tells of their death: livestock statistics are not about people).
_ANIMALS = frozenset(
    """cattle livestock sheep goats pigs hogs swine horses camels poultry chickens cows bison buffalo deer
    ganado ovejas cabras cerdos caballos vacas""".split()
)
_THINGS_NAMED_LIKE_PEOPLE = frozenset("fighters cases interceptors".split())
#: A cap or a floor set by a plan: "Cap federal spending below twenty percent of the economy".
_CAP_BEFORE = re.compile(
    r"(?i:\b(?:cap|caps|capped|capping|limit|limits|limiting|keep|keeps|hold|holds)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:below|under|at|within|to)\s+(?:(?:about|some|roughly)\s+)?)$"
)
#: A place described by its size: "the Pennsylvania city of 76,000", "a town of 12,000 with a youth unemployment problem".
_PLACE_OF = re.compile(
    r"(?i:\b(?:city|town|village|township|country|nation|island|state|county|province|region|municipality|"
    r"community|suburb|metropolis|ciudad|pueblo|país|localidad|municipio)\s+of\s+"
    r"(?:(?:about|some|nearly|around|roughly|more\s+than|over|just\s+over|almost|only)\s+)?)$"
)
#: "the number of X": the figure counts X ("increasing the number of shares reserved for options to employees to
#: 300,000", "the number of homes for sale declined 28.1%").
_NUMBER_OF = re.compile(r"(?i)\bnumber\s+of\s+((?:[\w'’-]+\s+){0,2}[\w'’-]+)")
#: Plural forms that are function words, not the noun a count counts.
_NOT_PLURAL_NOUN = frozenset(
    """was has is this its his hers ours yours theirs less unless plus thus across perhaps whereas always sometimes
    towards afterwards besides as us yes per times years days weeks months hours minutes seconds decades centuries
    tons tonnes miles acres points pounds dollars dlrs cents cts marks francs yen pesos euros bps lives
    las los dos tres seis más""".split()
)
_DETERMINERS = frozenset("a an the all its their his her our this that these those every each whole total".split())
_PHRASE_END = frozenset(
    "was were is are had has have still would could will did do does of in at on who that which and or but must can may "
    "might should shall".split()
)
_LOWER_WORD = re.compile(r"\s*(?:[(\[]?[-+]?\s*)?([a-z][a-z'’-]*)(?:\s+([a-z][a-z'’-]*))?")
_UNIT_SUFFIX = re.compile(r"\d(?:m|km|cm|mm|kg|g|ft|mi|mph|kph|kmh|ml|mw|kw|kwh|gb|mb|tb|ghz|mhz)$", re.I)
_VERSION_AFTER = re.compile(r"\s*(?:update|version|release|patch|edition|firmware|beta|surround|channel)\b", re.I)
_ON_SCALE = re.compile(r"\s*(?:on|in)\s+the\s+[\w-]+\s+scale\b", re.I)  # 6.25 on the Richter scale
_CLAUSE_BREAK = re.compile(r"[;:]")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_COMPANY_SUBJECT = re.compile(
    r"(?i:\s*(?:(?:the|its|la|el)\s+)?(?:company|company's|firm|bank|group|unit|subsidiary|corporation|utility|"
    r"airline|carrier|concern|partnership|trust|fund|empresa|compañía|firma)\b)"
    r"|\s*(?:[A-Z][\w&.'-]*\s+(?:(?:and|of|&)\s+)?){1,4}(?:Inc|Corp|Co|Ltd|Plc|PLC|LP|AG|NV|SA|SpA|Group|Bancorp|Industries|"
    r"Holdings)\b\.?",
)
#: A results line: "Net 3,660,273 vs 2,437,914", "Revs 57.7 mln vs 55.1 mln", "Shr 81 cts vs 57 cts".
_VERSUS = re.compile(r"\d\s*(?:\S+\s+){0,2}vs\.?\s+(?:\S+\s+)?[\d(]|\bvs\.?\s+(?:profit|loss|credit|debit)\b", re.I)
_VS = re.compile("vs", re.I)


def _has_vs(text: str) -> bool:
    """``_VS.search(text) is not None`` by substring tests (the pattern matches "v" or "V", then "s", "S" or "ſ")."""
    return (
        "vs" in text or "VS" in text or "Vs" in text or "vS" in text or ("ſ" in text and _VS.search(text) is not None)
    )


@dataclass(frozen=True, slots=True)
class FigureClaim:
    """One figure with what it quantifies, and whether it is a claim worth a source."""

    figure: Figure
    quantity: (
        str  # people | society | other | things | price | finance | market | measure | result | hypothetical | ...
    )
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
    before_text = text[max(start, fig.start - 70) : fig.start]
    money = fig.kind == "money" or (fig.kind == "count" and _CURRENCY_AFTER.match(after_text) is not None)
    if fig.start >= 2 and text[fig.start - 1] == ":" and text[fig.start - 2] in '.)]"”?!':
        return "other"  # "…parliamentary time.:136 In 1965": a page number left from a citation
    if _YEARS_RANGE.match(after_text):
        return "other"  # "dated to 30,000 to 37,000 years ago": the first year of a range of dates
    if not money and _REPRESENTATION_BEFORE.search(before_text):
        return "terms"  # "the Chamber of Deputies (with one deputy for every 12,000 people)": a constitution's terms
    if fig.kind == "count" and _CLASS_THRESHOLD_AFTER.match(after_text) and _CLASSIFIED.search(text, start, end):
        return (
            "terms"  # "Localities of 5,000 persons and above have been classified as urban": a definition's threshold
        )
    if _THRESHOLD_AFTER.match(after_text):
        return "plan"  # "for having fewer than 500 members, the threshold needed for registration"
    if fig.kind == "percent" and _AREA_OF.match(after_text):
        return "measure"  # "the mapping of less than 45% of the planet's surface"
    if fig.kind == "count" and _AGE_LIST_BEFORE.search(before_text) and _AGE_LIST_AFTER.match(after_text):
        return "age"  # "two boys aged three and 13 died": the last age of a list of ages
    if fig.kind == "percent" and _SHARE_OF_PAY.match(after_text):
        return "personal"  # "The penalty represents 75 per cent of Lee's match pay": one person's money
    if (
        fig.kind == "count"
        and _EVENT_SIZE_AFTER.match(after_text)
        and _FIRE_EVENT.search(text, start, end)
        and not _SEASON.search(text, start, end)
        and not _HARM.search(text, start, end)
    ):
        # "More than 100 fires are still burning across the state": the count of fires as they burn, from the outlet's
        # situation report (a season's or a year's count, "More than 7,000 fires have burned this year", and the harm
        # fires do stay claims).
        return "event"
    if (
        fig.kind == "count"
        and before_text.endswith("the ")
        and fig.text.isdigit()
        and (label := _LABEL_NOUN.match(after_text)) is not None
        and _category(label.group(1)) is None
        and label.group(1) not in _SCALE_OR_UNIT
        and not _HARM.match(label.group(1))
    ):
        return "label"  # "not to license the 386 design to other manufacturers": a number that names a product
    if fig.kind == "count" and _SAMPLE_BEFORE.search(before_text):
        return "measure"  # "Using a random sample of 574 adult students, a study was conducted": the study's own sample
    if fig.kind == "count" and _CAPACITY_BEFORE.search(before_text) and not _HARM.search(text, start, end):
        return "measure"  # "it only seated 56,000 people": the capacity of a place
    if (
        fig.kind == "count"
        and (
            _CROWD_BEFORE.search(before_text)
            or (_DRAWS_BEFORE.search(before_text) and _EVENT.search(text, start, end) is not None)
        )
        and not _PROTEST.search(text, start, end)
    ):
        return "measure"  # "he joined a crowd of 15,000 people": the size of an event (a protest's is a claim)
    if (
        fig.kind == "count"
        and _ATTENDED_AFTER.match(after_text)
        and not _PROTEST.search(text, start, end)
        and not _HARM.search(text, start, end)
    ):
        return "measure"  # "an auction … was held …; 1,300 people attended,": the size of an event
    if fig.kind in ("percent", "money") and _OFFER.search(text, start, end):
        return "price"  # "5% cash back on up to $1,500 spent": the terms of an offer
    if fig.kind == "percent":
        w = _LOWER_WORD.match(text, fig.end, end)
        if w and w.group(1) in ("of", "other") and w.group(2):
            w = _LOWER_WORD.match(text, w.start(2), end)  # "with 1% of zirconium", "21% oxygen, and 1% other gases"
        content = _CONTENT_BEFORE.search(before_text)
        if (
            (w and w.group(1).rstrip("-") in _MATERIALS)
            or _COMPOSITION_AFTER.match(after_text)
            or (content is not None and content.group(1).lower() in _MATERIALS)
        ):
            return "measure"  # "a 90% platinum-10% iridium alloy", "more than 40% oxygen": a composition
    if money:
        if _PERSONAL_PAY.search(before_text):
            return "other"  # "his monthly salary was increased to 3000 francs": a detail of a life
        if _FORTUNE_BEFORE.search(before_text):
            return "personal"  # "Adelson possessed a fortune valued at around $30 billion": one person's wealth
        if _personal_money(text, fig, start, end):
            return "personal"  # "She also earned $50,000 for each speech": one person's money
        if _LEGAL.search(text, start, end):
            return "record"  # "IBM was fined $120,000", "ordered to pay $62,500 per song": a court's public record
        if _GIVE_BEFORE.search(before_text) or _GIFT_AFTER.match(after_text):
            return "gift"  # "Toyota is giving $1 million to the Red Cross": the giver's own transaction
        if _THRESHOLD_BEFORE.search(before_text):
            return "threshold"  # "tax cuts for those making less than $250,000 a year": a rule's threshold
        if _WORK.search(text, start, end) and not _ECONOMY.search(text, start, end):
            return "work"  # "with a budget of $5 million, it earned $35 million … within ten weeks of its release"
    if (
        _TARGET_BEFORE.search(before_text)
        or _CAP_BEFORE.search(before_text)
        or _REQUIRED_BEFORE.search(before_text)
        or _OBLIGED_MINIMUM.search(before_text)
        or _PROCEDURE_MINIMUM.search(before_text)
        or _ENTITLED_BEFORE.search(before_text)
        or _RULE_AMOUNT_BEFORE.search(before_text)
        or (money and _WAGE_RULE_BEFORE.search(before_text))
    ):
        return "plan"  # "the announced target of a 17 per cent reduction": a plan's own term
    if money and (_PRICE_VERB.search(before_text) or _PER_PERIOD.match(after_text)):
        # "Dialup services cost around $7 a month", "buyers pay over 10,000 pounds extra for the conversion": a price,
        # unless what comes before it or the noun after it is about rent, benefits or people ("families pay $900 a
        # month in rent", "tuition costs $40,000 a year").
        period = _PER_PERIOD.match(after_text)
        noun = (
            None
            if period and " for " in period.group(0)
            else _NOUN_AFTER.match(after_text, period.end() if period else 0)
        )
        clause = max(start, *(text.rfind(ch, start, fig.start) + 1 for ch in ",;:("))
        words = _words(text[clause : fig.start]) + ([noun.group(1).lower()] if noun else [])
        topic = {_category(w) for w in words if w not in _PRICE_WORDS}
        if "people" not in topic and "society" not in topic:
            return "price"
    after_words = _words(_FALSE_SOCIAL.sub(" ", after_text) if _maybe_false_social(after_text) else after_text)
    after = [w for w in after_words[:6] if w not in _SCALE_OR_UNIT and not (fig.kind == "money" and w == "in")][:2]
    if fig.kind == "money" and _OFF_PRICE.match(after_text):
        return "price"  # "shaved about $10.00 off the spot price": a change in a price
    if fig.kind == "money" and _DEAL_OFFER.match(after_text):
        return "finance"  # "made a $5 billion offer to purchase Dow Jones": the price of a deal
    if fig.kind == "money" and _PRIZE_NAME.match(after_text):
        return "other"  # "the $10 million Ansari X Prize": part of a name
    if fig.kind == "money" and _FUNDING_ROUND.match(after_text) and _RAISES.search(text, start, end):
        return "finance"  # "has raised another $27 million in funding": a business's own financing
    if fig.kind == "count" and _UNIT_SUFFIX.search(fig.text):
        return "measure"  # "the women's 800m final", "a 10km run"
    if _VERSION_AFTER.match(after_text):
        return "other"  # "the 11.1 update": a version number
    if fig.kind == "percent" and _PROGRESS_AFTER.match(after_text):
        return "measure"  # "only 20% complete": how far a piece of work has got
    if fig.kind == "count" and (
        _EXPANDED_TO.search(before_text)
        or (before_text.endswith("to ") and _EXPANDED.search(text, start, fig.start) is not None)
    ):
        return "measure"  # "The assembly was expanded to 99 members": the size of a body
    if _ON_SCALE.match(after_text) or _SIZE_COMPOUND.match(after_text) or _PHYSICAL_UNIT.match(after_text):
        return "measure"  # "6.25 on the Richter scale", "a 150-member assembly", "the 512-seat Lower House"
    before = _words(_FALSE_SOCIAL.sub(" ", before_text) if _maybe_false_social(before_text) else before_text)[-6:]
    if fig.kind == "count" and _PLACE_OF.search(before_text) and not any(_category(w) for w in after[:1]):
        return "measure"  # "the Pennsylvania city of 76,000": the size of a place
    if fig.kind in ("count", "ratio") and (c := _counted_noun(text, fig, end)) is not None:
        return c  # "about 24,000 species", "200 short anecdotes": the figure counts things, not people
    number_of = next(reversed(list(_NUMBER_OF.finditer(before_text))), None) if "umber" in before_text else None
    if number_of is not None:
        counted = next((c for c in map(_category, _words(number_of.group(1))) if c is not None), None)
        if counted is not None:
            return counted  # "the number of shares reserved for options to employees to 300,000": shares
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
    if head == "people" and after[0] in _THINGS_NAMED_LIKE_PEOPLE and _PRODUCTION.search(text, start, end):
        return "things"  # "The Air Ministry ordered 176 fighters", "8 million cases of wine are produced": things
    if head == "society" and len(after) > 1 and _category(after[0]) == "society" and _category(after[1]) == "finance":
        head = "finance"  # "100 mln dlrs of mortgage bonds": the last noun of the compound is what is counted
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
        seg = text[start:end]
        topic = {
            _category(w)
            for w in _words(_FALSE_SOCIAL.sub(" ", seg) if _maybe_false_social(seg) else seg)
            if w not in _PLACE_SIZE and w not in _IDIOM
        }
        if "people" in topic:
            return "people"
        # "Parse is backed by $5.5 million in Series A funding": a transaction of a business, not a social figure
        return "society" if "society" in topic and "finance" not in topic else "other"
    return "market" if all(c == "market" for c in found) else next(c for c in found if c != "market")


_PRICE_WORDS = frozenset("pay pays paying paid cost costs".split())
_OFF_PRICE = re.compile(
    r"\s*(?:off|from|to|onto|on)\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+)?(?:price|prices|value)\b", re.I
)


def _maybe_false_social(seg: str) -> bool:
    return "home" in seg or "made" in seg or "Home" in seg or "Made" in seg


def _personal_money(text: str, fig: Figure, start: int, end: int) -> bool:
    """``fig`` is one person's money: the sentence's subject is "He", "She" or "His/Her X" (after an opening
    adverbial), or "his"/"her" opens the clause of the figure ("however his father did create a trust of 100,000
    pounds"), and nothing in the sentence is public money (a budget, taxes, aid, spending by a state)."""
    adverbial = _OPENING_ADVERBIAL.match(text, start)
    person = _PERSON_SUBJECT.match(text, adverbial.end() if adverbial else start) is not None
    if not person:
        clause = max(start, *(text.rfind(ch, start, fig.start) + 1 for ch in ",;:("))
        person = _PERSON_IN_CLAUSE.search(text, clause, fig.start) is not None
    if not person:
        return False
    return not any(w in _SOCIETY and w not in _PAY_WORDS for w in _words(text[start:end]))


_NOUN_AFTER = re.compile(
    r"\s*(?:(?:mln|million|billion|bln|thousand|dlrs?)\s+)?(?:(?:in|for|on|of|en|de)\s+)?([^\W\d_][\w'’-]*)"
)


def _counted_noun(text: str, fig: Figure, end: int) -> str | None:
    """``"other"`` when the word after a count (or after one adjective) is a plural noun of no quantity class: "about
    24,000 species", "4,000 characters", "200 short anecdotes". The figure counts those things, not people or
    society, unless the sentence counts harm ("40 miners were killed"; see :func:`assess`)."""
    m = _LOWER_WORD.match(text, fig.end, end)
    if m is None:
        return None
    if fig.kind == "ratio":
        # "almost half of the room still needed": the noun after a share, when it ends its phrase, is what is shared
        first, nxt = m.groups()
        if first in _TIME_SPAN or nxt in _TIME_SPAN:
            return "other"  # "the last half of the ninth century": a span of time
        if _category(first) is None and first not in _SCALE_OR_UNIT and first not in _DETERMINERS:
            if nxt is None or nxt in _PHRASE_END:
                return "other"
        return None
    for w in m.groups():
        if w is None:
            return None
        if w in _ANIMALS:
            return "things"  # "Over three million cattle are residents of the province": animals, not people
        if _category(w) is not None or w in _SCALE_OR_UNIT:
            return None
        if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")) and w not in _NOT_PLURAL_NOUN:
            return "other"
    return None


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
    versus = len(_VERSUS.findall(seg)) if _has_vs(seg) else 0  # (every match has "vs": most lines have none)
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
#: The terms of an instrument stated by its subject: "The bill would allow farmers to receive 92 pct of deficiency
#: payments", "The plan calls for cutting 2,000 jobs", "The agreement gives each member 30 pct": the instrument (a
#: bill, a plan, a treaty) is named as the source of its own terms.
_TERMS_SUBJECT = re.compile(
    r"(?i:\s*(?:the|this|that|its|their|a|an|el|la|este|esta)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:bill|law|measure|plan|proposal|agreement|accord|pact|treaty|contract|budget|offer|deal|program|programme|"
    r"legislation|amendment|regulation|directive|scheme|package|ruling|decree|ley|proyecto|plan|acuerdo|tratado|"
    r"contrato|presupuesto|decreto|propuesta)\s+"
    r"(?:(?:would|will|could|is\s+to|are\s+to)\s+(?:also\s+)?(?:allow|let|give|grant|provide|require|set|cap|limit|"
    r"pay|offer|extend|fund|include|exempt|entitle|guarantee|authori[sz]e|allocate|raise\s+the)|calls\s+for|"
    r"provides?\s+for|requires|allows|gives|sets|includes|proposes|envisages|caps|limits|establece|prevé|incluye|"
    r"permite|contempla|propone)\b)"
)
_MARGIN_BEFORE = re.compile(
    r"(?i:\b(?:margin|majority|ventaja|mayoría)\s+(?:of|de)\s+(?:(?:about|some|nearly|just|only|more\s+than|over|under|less\s+than|almost|around|roughly)\s+)?)$"
)
#: A vote count: "9,000 more votes than four years ago", "won the state by 61,000 votes" (a poll is not a count of votes).
#: A margin written after the figure: "won the November election with a 53–46 percent margin".
_MARGIN_AFTER = re.compile(
    r"\s*(?:(?:per\s+cent|percent|pct|%|percentage\s+points?|points?)\s+)?(?:margin|majority)\b", re.I
)
#: The next result of a list that runs on over a year: "between 7 and 31 per cent of the vote in 2001, and between 1 and
#: 4 per cent in 2004".
_RESULT_LIST = re.compile(r"[^;:.]{0,60}?\s(?:and|y)\s+(?:between\s+\d{1,2}\s+and\s+)?")
#: A court's or a chamber's split and a party's share of the vote named before the figure: "the Supreme Court ruled 5–4
#: that…", "receiving a Legislative Council vote tally of only 0.83%" (results on the public record).
_RULING_BEFORE = re.compile(r"(?i:\b(?:ruled|voted|decided|upheld|held|ruling|decision)\s+\d{1,3}\s*[–-]\s*)$")
_VOTE_SHARE_BEFORE = re.compile(
    r"(?i:\b(?:vote|votes|electoral)\s+(?:tally|share|count|total)\s+of\s+(?:(?:only|just|about|some|nearly|around)\s+)?)$"
)
_RESULT_COMMA = re.compile(r"[^\d;:.()]{0,25},\s+")
_RESULT_WORD = re.compile(r"(?i)\b(?:result|results|resultado|resultados)\b")
_RESULT_PAREN = re.compile(r"(?i)\b(?:result|results|resultado|resultados)\s+(?:(?:in|en)\s+\d{4}\s+)?\($")
#: A split of the vote in percent: "defeating John McCain 49% to 48%", "by a 55%-to-45% margin", "57-40%"; and a
#: count of members who voted for or against someone ("Of the 374 MPs eligible to vote, 314 voted for Thatcher").
_PERCENT_TALLY = re.compile(
    r"\s*(?:%|percent|per\s+cent)?\s*(?:-|–|to|-to-)\s*\d{1,2}(?:[.,]\d+)?\s*(?:%|percent\b|per\s+cent\b)", re.I
)
_VOTED_FOR = re.compile(r"(?i)\s+(?:[\w-]+\s+)?voted\s+(?:for|against)\b|\s+(?:[\w-]+\s+){0,3}eligible\s+to\s+vote\b")
#: Voters deciding a referendum and an election's results named as such: "when 54.9% of voters accepted a referendum
#: modifying the Constitution", "The results were 55.9% for "no"", "180 mandates of which the CSU won 101" (a poll's
#: share of voters who back a measure stays a claim).
_VOTERS_DECIDED = re.compile(
    r"\s+of\s+(?:the\s+)?(?:[\w-]+\s+)?(?:voters|electorate|votes\s+cast|those\s+voting)\s+(?:accepted|approved|rejected|"
    r"endorsed)\b",
    re.I,
)
_RESULTS_WERE = re.compile(r"(?i:\bresults?\s+(?:were|was)\s+(?:(?:about|some|nearly|just|only)\s+)?)$")
#: The result of a named, dated election on the public record (encyclopaedic text): "at the 2006 state election, the
#: party was reduced to 1.7 per cent of the vote", "In the parliamentary election, 2012, 105 of the 110 members elected",
#: "In a referendum in November 1994, 52.3 percent of participants voted in favour. Voter turnout was high, 83.3
#: percent", "Turnout in 2014 stood at 42.54%" after a sentence about the elections. News of a coming or current vote
#: names no year ("Turnout was 61 percent, up from 48 percent in the last midterm" stays a claim), and a count of the
#: people who voted stays one ("In the 2020 election, 158 million Americans cast ballots").
_ELECTION = re.compile(
    r"(?i)\b(?:elections?|by-elections?|referendums?|referenda|plebiscites?|elecci[oó]n|elecciones|refer[eé]ndum|"
    r"plebiscito)\b"
)
_DATED = re.compile(r"\b(?:1[6-9]\d\d|20\d\d)\b")
#: The words of a result said of the figure: a share of the vote, turnout, seats, members elected (not "40% of voters
#: were women", a breakdown of the electorate).
_VOTE_NEAR_PERCENT = re.compile(
    r"(?i)\b(?:votes?|voted|vot(?:os?|aron)|turnout|participaci[oó]n|in\s+favou?r|"
    r"seats|escaños|elected|elegidos)\b"
)
_VOTE_AFTER_COUNT = re.compile(
    r"(?i)(?:\s+of\s+(?:the\s+)?\d[\d,]*)?[^\d;:.]{0,30}?\b(?:votes|seats|mandates|escaños|votos|"
    r"(?:members|deputies|candidates)\s+elected)\b"
)
#: A body's vote tally: "The Plenum's vote was 180 to 4", "a vote of 12 to 3".
_VOTE_WAS_BEFORE = re.compile(r"(?i:\bvote\s+(?:was|of|stood\s+at)\s+)$")
_CLAUSE_END = re.compile(r"[,;:]")
#: The group a share is of: a breakdown of a group's vote ("39% of union members voted for Labour") is a survey's
#: estimate, not the count of the election, which is of the voters, the participants or the votes.
_OF_GROUP = re.compile(
    r"(?i)\s*(?:per\s+cent|percent|pct|%|por\s+ciento)?\s+(?:of|de)\s+((?:[\w'’-]+\s+){0,3}[\w'’-]+)"
)
_ELECTORATE = frozenset(
    """voters voter electorate electors participants votes vote ballots turnout votantes electores participantes votos
    voto""".split()
)
_TO_COUNT = re.compile(r"\s*(?:to|-|–)\s*\d")
_SEATS_WON_BEFORE = re.compile(r"(?i:\b(?:won|took|gained|secured|captured|obtained)\s+)$")
_SEATS = re.compile(r"(?i)\b(?:seats|mandates|electoral\s+votes|escaños)\b")
_MORE_VOTES = re.compile(r"\s*(?:(?:more|fewer|additional|extra|más|menos)\s+)?(?:votes|votos)\b", re.I)
#: Work lost, stopped or found: the people a count of a trade ("20,000 miners") counts are news here.
_LABOUR = re.compile(
    r"(?i)\b(?:strik\w*|walk(?:ed|ing|s)?\s+(?:out|off)|walkouts?|lay(?:s|ing)?\s*-?\s*offs?|laid\s+off|sack\w*|"
    r"fired|dismiss\w*|furlough\w*|redundan\w*|jobless|unemploy\w*|hir(?:e|es|ed|ing)|recruit\w*|despid\w*|"
    r"huelga\w*|paro|contrat(?:ó|aron|ará))\b"
)
_POLL = re.compile(
    r"(?i)\b(?:poll|polls|polling|survey|sondeo|encuesta|forecast|projected|expected|would|needs?|needed)\b"
)
#: A note under a table of results: "NOTE: 1986 net includes a charge of ...".
_NOTE = re.compile(r"\s*(?:note|nota)\s*[-:]", re.I)
_TICKER = re.compile(r"<([A-Z][A-Z.]{0,7})>")
_OPENING_WORD = re.compile(r"\s*([A-Z][\w&.'-]*?)(?:’s|'s)?\b")


def company_names(text: str) -> Companies:
    """First words of the companies the document names by their legal form or ticker (and whether the document is
    a results report: see :class:`Companies`)."""
    names = set()
    for m in _LEGAL_FORM.finditer(text):
        name = _NAME_BEFORE.search(text, max(0, m.start() - 60), m.start())
        if name:
            # "Eastman Kodak Co": the story may call it "Eastman" or "Kodak"
            words = name.group(0).split()
            names.add(words[0])
            names.update(w for w in words[1:] if len(w) > 2 and w not in _NOT_COMPANY and w not in _GENERIC_NAME)
    names.update(m.group(1).split(".")[0] for m in _TICKER.finditer(text))  # "<GM>": the company is also "GM"
    out = Companies(names)
    # (every match of _VERSUS has "vs": most documents have none, and the pattern tries every position)
    out.results = _has_vs(text) and len(_VERSUS.findall(text)) >= 2
    out.subject = _organisation_subject(text)
    return out


#: An encyclopaedic article's defining first sentence: "The European Parliament (EP) is the directly elected
#: parliamentary institution of …", "Rovi Corporation is a company based in …": its subject and the head of its
#: predicate noun phrase.
_DEFINING = re.compile(
    r"\s*(?:The\s+)?((?:[A-Z][\w&.'’-]*)(?:\s+(?:(?:of|and|for|the|on|&)\s+)?[A-Z][\w&.'’-]*){0,6})\s*(?:\([^)]*\)\s*)?,?"
    r"\s+(?:is|was|are|were)\s+(?:a|an|the|one\s+of\s+the)\s+([^,.;:()\n]{0,80}?)(?=\s+(?:of|in|on|at|for|from|with|that|"
    r"which|who|whose|based|founded|located|headquartered|by|to|and|or|where|since)\b|[,.;:(]|$)"
)
#: Head nouns of an organisation that reports its own figures (not a place or a government: a country's or a city's
#: statistics are claims).
_ORGANISATION_HEADS = frozenset(
    """company corporation firm manufacturer publisher conglomerate retailer airline brand charity foundation
    organization organisation institution association society club team party union league federation network
    committee council parliament assembly congress movement congregation order university college school hospital
    museum orchestra band fund trust bank agency""".split()
)


def _organisation_subject(text: str) -> frozenset[str]:
    """The distinctive words of the name of the organisation an article is about, from its defining first sentence
    ("The European Parliament … is the … institution of the European Union" -> "Parliament"): a sentence that opens
    with it ("The Parliament is composed of 751 members") gives the organisation's own figures, as a company's."""
    m = _DEFINING.match(text, 0, min(len(text), 400))
    if m is None:
        return frozenset()
    head = m.group(2).split()
    if not head or head[-1].lower() not in _ORGANISATION_HEADS:
        return frozenset()
    # The name's head (before "of": "Bank of America" -> "Bank", "Committee on Petitions" -> "Committee") and its last
    # distinctive word ("Rovi Corporation" -> "Rovi", "Harbour Light Trust" -> "Light" and "Trust"), not an
    # adjective before the head ("European" of "European Parliament").
    words = re.split(r"\s+(?:of|for|on|and|&)\s+", m.group(1))[0].split()
    out = {words[-1]} if words else set()
    while words and (words[-1] in _GENERIC_NAME or words[-1] in ("Corporation", "Company", "Limited")):
        words.pop()
    out.update(words[-1:])
    return frozenset(w for w in out if len(w) > 2 and w not in _NOT_COMPANY)


def company_subject(text: str, start: int, companies: frozenset[str] = frozenset()) -> bool:
    """The sentence opens with a company speaking of itself: "The company lost…", "Acme Corp has…", or a
    company the document names elsewhere with its legal form ("Alden earned…", "GM's Buick division…")."""
    adverbial = _OPENING_ADVERBIAL.match(text, start)
    for at in (start, adverbial.end()) if adverbial else (start,):
        if _COMPANY_SUBJECT.match(text, at):
            return True
        m = _OPENING_WORD.match(text, at)
        if m and m.group(1) in companies and m.group(1) not in _NOT_COMPANY:
            return True
        subject = getattr(companies, "subject", ())
        if subject:
            m = _OPENING_NAME_WORDS.match(text, at)
            if m and any(w in subject for w in m.group(1).split()):
                return True  # "The Parliament is composed of 751 members" in the article on the European Parliament
    return False


_OPENING_NAME_WORDS = re.compile(r"\s*(?:The\s+)?((?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*)(?:’s|'s)?\b")


_NOT_COMPANY = frozenset("The A An In On At It This That But And U.S. New First".split())
#: Words of a company's name that name no company alone ("American Express Co" is not "American").
_GENERIC_NAME = frozenset(
    """American National General United International Federal Central Western Eastern Northern Southern Pacific
    Atlantic Group Bank Trust Savings Financial Capital Holdings Industries Systems Power Light Energy Oil Gas
    Electric Motors Steel Mining Resources Communications Services Securities Insurance Investment Partners
    Associates Corp Co Inc Ltd""".split()
)
#: An opening adverbial before the subject: "During 1986, the company cut…", "Last year, Acme Corp earned…".
_OPENING_ADVERBIAL = re.compile(
    r"\s*(?:(?:In|During|On|At|For|By|Since|After|Before|Until|Through|Throughout|Over|Last|This|Earlier|Later|Also|"
    r"Meanwhile|However|Separately|Overall|En|Durante|Desde|Tras|Además)\b[^,.;:!?\n]{0,40},\s*)"
)


class Companies(frozenset):
    """:func:`company_names` of a document, and whether the document is a company's results report (lines of
    figures compared with the year before: "Net 3,660,273 vs 2,437,914"): there every figure that is not about
    people is the company's own."""

    results: bool = False
    subject: frozenset[str] = frozenset()  # the name of the organisation an encyclopaedic article is about


def _own_members(text: str, f: Figure, end: int) -> bool:
    """``f`` counts the members of an organisation: its employees, workers, customers, subscribers."""
    after = [w for w in _words(text[f.end : min(end, f.end + 40)])[:4] if w not in _SCALE_OR_UNIT]
    return any(w in _MEMBERS for w in after[:2])


#: A clause set off after a comma that tells of something else: "14 yachts have now retired, after three more pulled
#: out overnight, one of them with an injured skipper" (the harm is the skipper's, not the yachts').
_SUBORDINATE_AFTER = re.compile(
    r",\s+(?:after|before|when|while|whereas|since|because|although|though|one\s+of\s+them|tras|cuando|mientras|"
    r"aunque|uno\s+de\s+ellos|una\s+de\s+ellas)\b",
    re.I,
)


def _harm_of(text: str, f: Figure, start: int, end: int) -> bool:
    """The sentence tells of harm done to what ``f`` counts: the harm comes after the figure, in its clause ("40 miners
    were killed", not "14 yachts have retired, after three more pulled out, one with an injured skipper") or just before it ("killing at least 40 miners"), not in another clause before it ("published one
    year after her death, the collection included 28 poems")."""
    clause = _SUBORDINATE_AFTER.search(text, f.end, end)
    if _HARM.search(text, f.end, clause.start() if clause else end):
        return True
    a = max(start, f.start - 30, *(text.rfind(ch, start, f.start) + 1 for ch in ",;:("))
    return _HARM.search(text, a, f.start) is not None


def _org_size(text: str, f: Figure, start: int) -> bool:
    """``f`` is the size of an organisation named as the subject before it: "the workforce is now less than 1,000",
    "The membership of the council was expanded from 60 to 90 members" (not a change by it: "fell by 5,000")."""
    if f.kind != "count":
        return False
    a = max(start, f.start - 100)
    if _FORCE_SIZE_SUBJECT.search(text, a, f.start) is not None:
        return True  # "The army had dwindled to fewer than 5,000 men fit for duty"
    if _ORG_SIZE_SUBJECT.search(text, a, f.start) is None:
        return False
    return not text[a : f.start].rstrip().lower().endswith(" by")


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
    if "support" in m.group(0).lower():
        return "members" in after[:2]  # "to support 11,500 members" (not "supports 200,000 students": a programme's)
    if after[:1] == ["of"] and after[1:2] and after[1] in ("their", "his", "her", "its"):
        after = after[2:]  # "accompanied by 50,000 of their men"
    # "1,700 workers", "1,850 hourly workers", "with 10,000 Khmer troops", "The union represents 40,000 members"
    return any(w in _MEMBERS or w in _FORCE_MEMBERS for w in after[:2])


#: The writer speaking in the first or second person: "I doubled down and burned through our capital", "we did 20
#: reps", "If you earn $250,000". Lower-case "us" only ("US" is the country); "I" is checked in :func:`writer_voice`.
_PERSON_EN = re.compile(r"\b(?:[Ww]e|[Oo]urs?|us|[Mm]y|me|[Yy]ou|[Yy]ours?|I)\b")
_PERSON_ES = re.compile(r"(?i)\b(?:yo|nosotr[oa]s|nuestr[oa]s?|mis?|usted|ustedes|tú|tus?|vosotr[oa]s|vuestr[oa]s?)\b")
_I_AFTER = re.compile(r"(?:['’](?:m|ve|d|ll)\b|\s+[a-z])")


def _example_goes_on(text: str, start: int) -> bool:
    """The sentence at ``start`` goes on with a worked example the sentence before it (in the same paragraph) sets
    up: "For example, suppose the judge ordered the defendant to pay $50,000. If the defendant appeals, then the
    plaintiff might ask for $200,000." A sentence that opens otherwise ("In 2019, 40% of adults…") is a claim again."""
    if not _EXAMPLE_GOES_ON.match(text, start):
        return False
    para = text.rfind("\n", max(0, start - 400), start) + 1
    before = text[para:start].rstrip()
    if not before:
        return False
    cut = 0
    for m in _SENTENCE_END.finditer(before):
        cut = m.end()
    prev = before[cut:]
    return bool(_EXAMPLE.search(prev) or _WORKED_EXAMPLE.match(prev) or _SAY_EXAMPLE.match(prev))


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


#: A look ahead (lower case: "May" is a month).
_FUTURE = re.compile(r"\b(?:will|shall|could|might|may|upcoming|next|coming|this\s+year|Will)\b")


def _vote_near(text: str, f: Figure, start: int, end: int) -> bool:
    """A word of a result is said of the percent ``f``: up to 40 characters before it ("Voter turnout was high, 83.3
    percent") or in its own clause after it ("1.7 per cent of the Legislative Council (upper house) vote")."""
    if _VOTE_NEAR_PERCENT.search(text, max(start, f.start - 40), f.start):
        return True
    stop = min(end, f.end + 60)
    m = _CLAUSE_END.search(text, f.end, stop)
    stop = m.start() if m else stop
    g = _OF_GROUP.match(text, f.end, stop)
    if g and any(_category(w) == "people" and w not in _ELECTORATE for w in _words(g.group(1))):
        return False  # "39% of union members voted for Labour": a group's vote, estimated by someone
    return _VOTE_NEAR_PERCENT.search(text, f.end, stop) is not None


def _dated_election(text: str, start: int, end: int) -> bool:
    """The sentence ``text[start:end]`` tells the outcome of a named, dated election: an election or a referendum is
    named in it or earlier in its paragraph, with its year there or in the sentence, and nothing looks ahead."""
    lo = max(start - 400, text.rfind("\n", max(0, start - 400), start) + 1)
    if _FUTURE.search(text, start, end):
        return False
    year_in_sentence = _DATED.search(text, start, end) is not None
    for m in _ELECTION.finditer(text, lo, end):
        if year_in_sentence or _DATED.search(text, max(lo, m.start() - 40), min(end, m.end() + 40)):
            return True
    return False


def _data_cell(text: str, f: Figure, start: int, end: int) -> bool:
    """The figure fills most of its table cell ("27%", "$3,100", "1,204 cases"), as in a table of data."""
    a = max(text.rfind("|", start, f.start), text.rfind("\t", start, f.start)) + 1 or start
    b_pipe, b_tab = text.find("|", f.end, end), text.find("\t", f.end, end)
    b = min(x for x in (b_pipe, b_tab, end) if x >= 0)
    cell = text[max(a, start) : b].strip()
    return bool(cell) and len(f.text) >= 0.5 * len(cell)


#: A share of a span of time after a ratio: "three quarters of a century", "half a decade", "a third of the year".
_SPAN_OF_TIME = re.compile(
    r"(?i)\s*(?:of\s+)?\b(?:a|an|the|one|that|this)\s+(?:(?:whole|full|single|past|previous|last|next)\s+)?"
    r"(?:century|decade|millennium|year|month|week|day|night|hour|minute|lifetime|season|generation|siglo|década|año|"
    r"mes|semana|día|hora)\b"
)


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
    own = not is_row and (
        company_subject(text, start, companies) or getattr(companies, "results", False)
    )  # a results report: the company's own figures
    terms = not is_row and (
        _TERMS_SUBJECT.match(text, start) is not None or _TERMS_OPENER.match(text, start) is not None
    )
    poll: bool | None = None
    labour: bool | None = None  # does the sentence tell of strikes, lay-offs, hiring
    change: bool | None = None  # does the sentence count harm or a change to people (lay-offs, strikes)
    result: bool | None = None  # does the sentence report an election result (won, elected, came third)
    harm: bool | None = None  # does the sentence count harm done to people (computed when a small count needs it)
    record: bool | None = None  # does the sentence tell the outcome of a named, dated election
    out: list[FigureClaim] = []
    for f in figures:
        q = quantity(text, f, start, end)
        if f.kind == "ratio" and _SPAN_OF_TIME.match(text, f.end, end):
            q = "measure"  # "for three quarters of a century", "half a decade": a duration, not a share of anything
        if (
            q == "other"
            and out
            and out[-1].quantity != "other"
            and not _CLAUSE_BREAK.search(text, out[-1].figure.end, f.start)
            and not (f.kind in ("count", "ratio") and _counted_noun(text, f, end) is not None)
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
                or (
                    f.kind == out[-1].figure.kind == "percent"
                    and q in CLAIM_QUANTITIES
                    and _RESULT_LIST.fullmatch(text, out[-1].figure.end, f.start)
                    and not any(_category(w) == "people" for w in _words(text[f.end : min(end, f.end + 30)])[:3])
                )
                # compared with another result: "a vote tally of only 0.83%, less than half of the party's result in
                # 2002 (1.79 per cent)"
                or _RESULT_WORD.search(text, f.end, min(end, f.end + 40)) is not None
                or _RESULT_PAREN.search(text, max(start, f.start - 30), f.start) is not None
                or (f.kind == out[-1].figure.kind and _RESULT_COMMA.fullmatch(text, out[-1].figure.end, f.start))
            )
        ):
            q = "result"  # "won with 18,287 votes, or 53 pct"
        elif not is_row and q in CLAIM_QUANTITIES and _TALLY.match(text, f.end, end):
            q = "result"  # "a 738 to 319 vote"
        elif (
            not is_row
            and q in CLAIM_QUANTITIES
            and (
                (
                    f.kind == "percent"
                    and (_VOTERS_DECIDED.match(text, f.end, end) or _RESULTS_WERE.search(text, start, f.start))
                )
                or (
                    f.kind == "count"
                    and _SEATS_WON_BEFORE.search(text, max(start, f.start - 12), f.start)
                    and _SEATS.search(text, start, end)
                )
            )
        ):
            if poll is None:
                poll = _POLL.search(text, start, end) is not None
            if not poll:
                q = "result"  # "54.9% of voters accepted a referendum", "180 mandates of which the CSU won 101"
        elif (
            not is_row
            and q in CLAIM_QUANTITIES
            and (
                (f.kind == "percent" and _PERCENT_TALLY.match(text, f.end, end))
                or (f.kind == "count" and _VOTED_FOR.match(text, f.end, end))
            )
        ):
            if result is None:
                result = _RESULT_VERB.search(text, start, end) is not None
            if poll is None:
                poll = _POLL.search(text, start, end) is not None
            if (result or f.kind == "count") and not poll:
                q = "result"  # "defeating John McCain 49% to 48%", "314 voted for Thatcher and 33 for Meyer"
        elif not is_row and q in CLAIM_QUANTITIES and _RULING_BEFORE.search(text, max(start, f.start - 30), f.start):
            q = "result"  # "the Supreme Court ruled 5–4 that police are allowed to…"
        elif (
            not is_row and q in CLAIM_QUANTITIES and _VOTE_SHARE_BEFORE.search(text, max(start, f.start - 50), f.start)
        ):
            if poll is None:
                poll = _POLL.search(text, start, end) is not None
            if not poll:
                q = "result"  # "receiving a Legislative Council vote tally of only 0.83%"
        elif (
            not is_row
            and q in CLAIM_QUANTITIES
            and (
                _MARGIN_BEFORE.search(text, max(start, f.start - 40), f.start) or _MARGIN_AFTER.match(text, f.end, end)
            )
        ):
            if result is None:
                result = _RESULT_VERB.search(text, start, end) is not None
            if result:
                q = "result"  # "won the state's electoral votes by a margin of 33 percentage points"
        elif not is_row and f.kind == "count" and _MORE_VOTES.match(text, f.end, end):
            if poll is None:
                poll = _POLL.search(text, start, end) is not None
            if not poll:
                q = "result"  # "scrounged up almost 9,000 more votes than four years ago": a count of an election
        elif not is_row and q in ("people", "society") and _VOTES_AFTER.match(text, f.end, end):
            if result is None:
                result = _RESULT_VERB.search(text, start, end) is not None
            if result:
                q = "result"  # "won with 18,287 votes", "the 512-seat Lower House"
        if not is_row and q in CLAIM_QUANTITIES and f.kind in ("percent", "count"):
            if _VOTE_WAS_BEFORE.search(text, max(start, f.start - 30), f.start) and _TO_COUNT.match(text, f.end, end):
                q = "result"  # "The Plenum's vote was 180 to 4": a body's tally is its public record
            elif (f.kind == "percent" and _vote_near(text, f, start, end)) or (
                f.kind == "count" and _VOTE_AFTER_COUNT.match(text, f.end, end) is not None
            ):
                if record is None:
                    record = _dated_election(text, start, end)
                if poll is None:
                    poll = _POLL.search(text, start, end) is not None
                if record and not poll:
                    q = "result"  # "at the 2006 state election, … reduced to 1.7 per cent of the … vote"
        if not is_row and (
            (
                q == "people"
                and (
                    _entity_size(text, f, start, end)
                    or _org_size(text, f, start)
                    or _OWN_MEMBERS_AFTER.match(text, f.end, end) is not None
                    or _MEMBERS_OF_NAME.match(text, f.end, end) is not None
                    or (_THERE_ARE_NOW.search(text, start, f.start) is not None and _own_members(text, f, end))
                )
            )
            or (q in SOCIAL and f.kind == "count" and _JOINED_FORCE.match(text, f.end, end) is not None)
            or (
                q in SOCIAL
                and f.kind == "count"
                and (
                    _FORCE_MOVED.match(text, f.end, end) is not None
                    or (
                        _FORCE_SENT_BEFORE.search(text, max(start, f.start - 40), f.start) is not None
                        and any(w in _FORCE_MEMBERS for w in _words(text[f.end : min(end, f.end + 30)])[:3])
                    )
                )
            )
        ):
            if change is None:
                change = _CHANGE.search(text, start, end) is not None or _HARM.search(text, start, end) is not None
            if not change:
                q = "measure"  # "Toshin Steel, with 1,700 workers": the size of the firm
        if q == "other" and not is_row and f.kind in ("count", "ratio") and _counted_noun(text, f, end):
            if labour is None:
                labour = _LABOUR.search(text, start, end) is not None
            if labour or _harm_of(text, f, start, end):
                q = "people"  # "40 miners were killed", "300 pilots walked out": people counted by their trade
        if own and q == "people" and not is_row and _own_members(text, f, end):
            if harm is None:
                harm = _HARM.search(text, start, end) is not None
            if labour is None:
                labour = _LABOUR.search(text, start, end) is not None
            if not (harm or labour):
                q = "measure"  # "Kodak paid its wage dividend to about 85,000 employees": the company of itself
        if terms and q in CLAIM_QUANTITIES:
            q = "terms"  # "The bill would allow farmers to receive 92 pct": the bill's own terms
        if (
            not is_row
            and q in CLAIM_QUANTITIES
            and (
                _CONDITIONAL.search(text, max(start, f.start - 120), f.start)
                or _EXAMPLE.search(text, start, end)
                or _WORKED_EXAMPLE.match(text, start)
                or _SAY_EXAMPLE.match(text, start)
                or _example_goes_on(text, start)
            )
        ):
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


# Speed: every pattern above behind a lookahead for its first characters (the same matches; see audit.sourcing.lead).
lead_all(globals())
