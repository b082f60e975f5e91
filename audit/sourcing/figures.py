"""Statistics in text: percentages, money, counts and increases, but not dates or labels.

:func:`find_figures` returns the figures of a span of text. A number is a *statistic*
when it is a percentage, an amount of money, a large or quantified count, or a word such
as "doubled". It is *not* a statistic when it is a year, a date, a time, an age, a
duration, an ordinal, a list number ("1)"), a label ("Senate Bill 54", "AB4",
"Highway 99", "Day 1") or a phone number or address. Each exclusion is a small rule
below so the decision can be explained.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from operator import attrgetter

from audit.sourcing.lead import lead_all

MONTHS = (
    "jan january feb february mar march apr april may jun june jul july aug august sep sept september "
    "oct october nov november dec december enero febrero marzo abril mayo junio julio agosto septiembre "
    "setiembre octubre noviembre diciembre ene abr ago dic"
).split()
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))

#: A number: "1,200.5", "1.200,5" (Spanish grouping) or "12.5". The first digit is written once outside the
#: alternation (``\\d{1,3}`` = ``\\d\\d{0,2}``, ``\\d+`` = ``\\d\\d*``: the same matches, tried in the same
#: order) so that the pattern starts with a character class and the regex engine skips to the next digit
#: instead of trying every alternative at every character (about 4x faster on prose).
_NUMBER = re.compile(r"\d(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d{0,2}(?:\.\d{3})+(?:,\d+)?(?![\d.])|\d*(?:[.,]\d+)?)")

_PERCENT_AFTER = re.compile(
    r"\s?(?:%|percent\b|per\s?cent\b|pct\b|percentage\s+points?\b|por\s+ciento\b|puntos\s+porcentuales\b)",
    re.IGNORECASE,
)
_RANGE_PERCENT_AFTER = re.compile(r"\s?(?:-|–|to|a)\s?\d+(?:[.,]\d+)?\s?(?:%|percent\b|por\s+ciento\b)", re.I)
_CURRENCY_BEFORE = re.compile(r"(?:[$€£¥₹]|US\$|USD|EUR|MXN|R\$|MX\$|C\$|A\$)\s?$")
_CURRENCY_AFTER = re.compile(
    r"\s?(?:(?:million|billion|trillion|millones|millón|mil\s+millones|billones|mil)\s+(?:de\s+)?)?"
    r"(?:dollars?|dlrs?|dólares|dolares|euros?|pesos|pounds|libras|yen|yuan|rupees|USD|EUR|MXN)\b",
    re.IGNORECASE,
)
_SCALE_AFTER = re.compile(
    r"\s?(?:million|billion|trillion|thousand|millones|millón|millon|mil\s+millones|billones|mil)\b"
    r"|(?:bn|mn|m|k|M|B|K)\b",
)
_TIME_AFTER = re.compile(
    r"(?::\d\d)|\s?(?:a\.\s?m\.|p\.\s?m\.|am\b|pm\b|h\b|hrs\b|GMT\b|UTC\b|ET\b|PT\b|EST\b|PST\b|"
    r"o'clock\b|in\s+the\s+(?:morning|afternoon|evening)\b|de\s+la\s+(?:mañana|tarde|noche)\b)",
    re.I,
)
_DURATION_AFTER = re.compile(
    r"[\s-]?(?:years?|yrs?|months?|weeks?|days?|hours?|minutes?|mins?|seconds?|secs?|decades?|centuries|"
    r"nights?|años|año|meses|mes|semanas?|días|día|horas?|minutos?|segundos?|décadas?|siglos?|noches?)\b",
    re.IGNORECASE,
)
_AGE_AFTER = re.compile(r"-?\s?(?:year-old|years?\s+old|-year-old|años\s+de\s+edad)", re.I)
_AGE_BEFORE = re.compile(
    r"\b(?:aged|age|ages|edad\s+de|de\s+edad)\s*(?:(?:about|around|only|just|nearly|almost|c\.|circa)\s+)?$", re.I
)
_DATE_BEFORE = re.compile(rf"\b(?:{_MONTH})\.?\s*$|[/.-]$", re.I)
#: The year of a date written month, day, year: "El Cid died on June 10, 1099."
_MONTH_DAY_BEFORE = re.compile(rf"\b(?:{_MONTH})\.?\s+\d{{1,2}},\s*$", re.I)
#: A year after a month and a comma: "pope from 31 January, 314 to his death" (not "In March, 300 workers").
_MONTH_COMMA_BEFORE = re.compile(rf"\b(?:{_MONTH}),\s*$", re.I)
#: An age or a time before now in millions of years: "about 42 million years ago".
_YEARS_AGO_AFTER = re.compile(r"\s*years?\s+(?:ago|old|before\s+present)\b", re.I)
#: A span of early years: "between 1059 and 1081", "from 1154 to 1189".
_YEAR_SPAN = re.compile(r"\b(?:between|from|de|entre)\s+$", re.I)
_YEAR_SPAN_AFTER = re.compile(r"\s*(?:and|to|-|–|y|a)\s*1\d{3}(?![\d,.]\d)")
#: A noun after a number: it counts something ("from 1200 to 1500 members"), it is no year.
_SPAN_NOUN_AFTER = re.compile(
    r"\s+(?!(?:and|or|to|when|in|under|during|the|a|an|he|she|it|they|his|her|its|their|y|en|a|el|la)\b)[a-z]"
)
_YEAR_SPAN_BEFORE = re.compile(r"\b(?:between|from|de|entre)\s+1\d{3}\s*(?:and|to|-|–|y|a)\s*$", re.I)
#: A sentence that opens with a span of early years, then a comma: "From about 554 to 788, the house … ruled".
_OPENING_SPAN = re.compile(r"\s*(?:From|Between)\s+(?:(?:about|around|c\.|circa|ca\.)\s*)?$")
_OPENING_SPAN_AFTER = re.compile(r"\s*(?:to|and|-|–)\s*\d{2,4},")
_OPENING_SPAN_END = re.compile(
    r"\s*(?:From|Between)\s+(?:(?:about|around|c\.|circa|ca\.)\s*)?\d{2,4}\s*(?:to|and|-|–)\s*$"
)
#: An age as a bound: "Girls who marry before 18 are at greater risk", "married before 16," (not "before 18 people").
_AGE_BOUND = re.compile(r"\b(?:marry|marries|married|marrying|wed|before|until|till)\s+$", re.I)
_AGE_BOUND_AFTER = re.compile(
    r"\s*(?:[,;.)]|\s(?:are|is|was|were|have|has|had|will|would|can|could|may|might|must|and|or|to|face|tend|run)\b)"
)
_DATE_AFTER = re.compile(rf"^(?:\s?(?:de\s+)?(?:{_MONTH})\b|[/-]\d)|^(?:st|nd|rd|th)\b", re.I)
_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th|º|ª|°|er|ème|o|a|do|da|ro|ra|to|ta|vo|va)\b")
_LABEL_BEFORE = re.compile(
    r"(?:\b(?:no|nos|núm|num|number|número|nº|n\.º|page|pages|p|pp|chapter|section|sec|article|art|bill|"
    r"route|room|flight|line|step|phase|version|v|level|grade|paragraph|item|exhibit|table|figure|fig|"
    r"página|artículo|capítulo|sección|ley|inciso|fracción|versión|paso|fase|nivel|tabla|figura|"
    r"episode|season|part|vol|volume|issue|case|docket|ward|district|precinct|unit|station|class|type|category|model|tier|"
    r"sections|articles|chapters|clauses|paragraphs|"
    r"highway|interstate|road|calle|avenida|suite|apt|box|code|código|order|orden|title|título|amendment|proposition|prop|measure|form|rule|act|sb|ab|hb|hr)\.?|#)\s*$",
    re.IGNORECASE,
)
_NAME_COMMA_BEFORE = re.compile(r"[A-ZÁÉÍÓÚ][\w’'-]+,\s$")
_CAP_WORD_BEFORE = re.compile(r"(?:^|[\s(])([A-ZÁÉÍÓÚÑ][\w.’'-]*) $")
_YEAR_BEFORE = re.compile(
    r"\b(?:in|since|until|till|by|from|before|after|around|circa|c\.|during|of|year|en|desde|hasta|hacia|año)\s+$",
    re.I,
)
#: The second of two early years: "in 62 and 63", "during 410 or 411" (the first is a year by ``_YEAR_BEFORE``).
_EARLY_YEAR_LIST_BEFORE = re.compile(r"\b(?:in|during|en)\s+\d{2,4}\s+(?:and|or|y|o)\s+$", re.I)
_ERA_AFTER = re.compile(r"\s?(?:BCE|BC|CE|AD|a\.\s?C\.|d\.\s?C\.)\b|–\d{2,4}\b|-\d{4}\b")
_LIST_NUMBER = re.compile(r"\s*\(?\d{1,2}\s?[.)]\s")
_PAREN_NUMBER = re.compile(r"\(\s?$")
_STREET_AFTER = re.compile(
    r"\s+(?:[A-Z][\w.]*\s+){1,3}(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Dr|Drive|Lane|Ln|Way|Court|Ct|Place)\b"
)
_QUANT_BEFORE = re.compile(
    r"\b(?:at\s+least|more\s+than|less\s+than|fewer\s+than|nearly|almost|about|around|some|over|under|roughly|"
    r"approximately|up\s+to|by|from|to|of|total\s+of|estimated|just|only|than|al\s+menos|más\s+de|menos\s+de|"
    r"cerca\s+de|unos|unas|alrededor\s+de|casi|hasta|por|de|entre|con|a)\s+$",
    re.IGNORECASE,
)
_WORD_AFTER = re.compile(r"\s+([a-záéíóúñü][\w’'-]*)")
_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty "
    "sixty seventy eighty ninety hundred half dozen several "
    "un uno una dos tres cuatro cinco seis siete ocho nueve diez veinte treinta cuarenta cincuenta cien "
    "ciento media medio"
).split()
_WORD_FIGURE = re.compile(
    rf"\b(?:{'|'.join(_NUMBER_WORDS)})(?:[\s-]+(?:{'|'.join(_NUMBER_WORDS)}))*\s+"
    r"(?:percent|per\s+cent|por\s+ciento|million|billion|trillion|millones|mil\s+millones|billones)\b",
    re.IGNORECASE,
)
_SMALL = "one|two|three|four|five|six|seven|eight|nine|ten|uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez"
_SMALL_WORDS = tuple(_SMALL.split("|"))
#: The letters whose case-insensitive match is not their lower-case form ("ı" matches "i", "ſ" matches "s").
_ODD_CASE = re.compile("[\u0130\u0131\u017f]")
#: What every match of :data:`_RATIO` that starts with a digit holds: a digit, white space, the ratio's words and white
#: space (read with the same flags).
_DIGIT_RATIO = re.compile(r"\d\s+(?:in|out\s+of|of\s+every|de\s+cada)\s", re.IGNORECASE)
_YEAR_DENOMINATOR = re.compile(r"\s(?:1\d{3}|20\d{2})$")
_RATIO = re.compile(
    rf"\b(?:\d{{1,3}}|{_SMALL})\s+(?:in|out\s+of|of\s+every|de\s+cada)\s+(?:\d{{1,4}}|{_SMALL}|hundred|cien)\b",
    re.IGNORECASE,
)
_CHANGE_WORD = re.compile(
    r"\b(?:doubled|tripled|trebled|quadrupled|halved|twice\s+as\s+many|three\s+times\s+as\s+many|"
    r"se\s+duplicó|se\s+triplicó|se\s+cuadruplicó|duplicó|triplicó|se\s+redujo\s+a\s+la\s+mitad|"
    r"(?:to|will|would|could|may|might)\s+(?:more\s+than\s+|nearly\s+|almost\s+)?(?:double|triple|quadruple|halve)(?!\s+(?:down|up|as|back|check))|"
    r"doubles|triples|quadruples|duplicaron|triplicaron|duplicado|triplicado|duplicará|triplicará|"
    r"duplicarán|triplicarán)\b",
    re.IGNORECASE,
)
#: Shares said in words: "half of voters", "two-thirds of adults", "la mitad de los encuestados"
#: (not "the first half of the year").
_FRACTION = re.compile(
    r"(?<!first )(?<!second )(?<!other )(?<!primera )(?<!segunda )(?<!otra )"
    r"\b(?:(?:nearly|almost|about|roughly|more\s+than|less\s+than|over|under|casi|cerca\s+de|más\s+de|menos\s+de)\s+)?"
    r"(?:half|a\s+third|one[-\s]third|two[-\s]thirds|a\s+quarter|one[-\s]quarter|three[-\s]quarters|a\s+fifth|"
    r"one[-\s]fifth|la\s+mitad|un\s+tercio|dos\s+tercios|una\s+cuarta\s+parte|tres\s+cuartas\s+partes|"
    r"la\s+quinta\s+parte)\s+(?:of|de)\s+(?:the\s+|all\s+|los\s+|las\s+|sus\s+|their\s+)?"
    r"(?!the\s+(?:year|season|game|match|decade|century|month|day)|(?:year|season|game|match|decade|century|"
    r"month|día|año|siglo|temporada|partido|mes)\b)[a-záéíóúñ]",
    re.IGNORECASE,
)

_COMMA_SPACE = re.compile(r",\s")
_CENT = re.compile(r"cent|ciento", re.I)
_QUANT_WORDS = frozenset(
    "nearly almost about around some over under more less fewer only just roughly approximately up at least "
    "casi cerca unos unas más menos alrededor solo sólo apenas hasta".split()
)
_NOT_COUNT_NOUNS = frozenset(
    "of and or to the a an in on at for with am pm de del y o en la el los las when while where until after before "
    "as because though although unless since cuando mientras donde hasta during under by from durante including "
    "incluidos incluyendo".split()
)
#: The volume of a law report after the year of its citation: "(2000) 199 CLR 620", "[1959] 101 CLR 298".
_CITATION_YEAR_BEFORE = re.compile(r"[(\[]\d{4}[)\]]\s?$")
#: A decade or century written with an apostrophe: "in the 100's AD", "the 1960's".
_DECADE_AFTER = re.compile(r"['’]s\b")
#: The volume of a law report before its abbreviation and page: "496 U.S. 292", "120 S. Ct. 2326", "410 F.3d 1" (a
#: citation), and a list's name: "the 100 Greatest Britons", "the 50 Best Albums" (part of a title).
_REPORTER_AFTER = re.compile(r"\s(?:U\.\s?S\.|S\.\s?Ct\.|F\.\s?(?:2d|3d|4th|Supp\.)|L\.\s?Ed\.(?:\s?2d)?)\s\d")
_TITLE_LIST_AFTER = re.compile(r"\s(?:Greatest|Best|Top|Worst|Most)\s[A-Z]")


#: The right-hand contexts that make a number no figure, in one pattern (one call instead of seven: each test of
#: :func:`_kind` after the money tests returns None, so they are order-free): a time, a date, a law report's volume
#: ("496 U.S. 292"), a list's name ("the 100 Greatest Britons"), an age, a duration, a street address.
_NOT_FIGURE_AFTER = re.compile(
    "|".join(
        f"(?i:{p.pattern})" if p.flags & re.IGNORECASE else f"(?:{p.pattern})"
        for p in (
            _TIME_AFTER,
            _DATE_AFTER,
            _REPORTER_AFTER,
            _TITLE_LIST_AFTER,
            _AGE_AFTER,
            _DURATION_AFTER,
            _STREET_AFTER,
        )
    )
)


@dataclass(frozen=True, slots=True)
class Figure:
    start: int
    end: int
    kind: str  # percent | money | count | change
    text: str


def _noun_after(after: str, verbs: bool = False) -> bool:
    """A word follows that can be what a number counts; ``verbs``: not an auxiliary or a modal verb either ("1.5 in
    1843 was", "3 in 2020 would be": the number before them is a year, not a ratio's denominator)."""
    w = _WORD_AFTER.match(after)
    if w is None:
        return False
    low = w.group(1).lower()
    return low not in _NOT_COUNT_NOUNS and not (verbs and low in _AUXILIARIES)


#: Auxiliary and modal verbs (EN/ES): no noun a number counts.
_AUXILIARIES = frozenset(
    "is was are were be been being has have had do does did will would shall should can could may might must "
    "es era fue son eran fueron ha han había habían será serán sería serían puede pueden podría podrían".split()
)


def _named_numeral(text: str, start: int, s: int) -> bool:
    """The number at ``s`` follows a capitalised word inside its sentence (``start``: where the sentence starts)
    that is no month and no quantifier: a name's number ("Python 3", "Windows 10", "Highway 99"), as :func:`_kind`
    reads it; not the sentence's first word ("Today 1 in 5 adults…", "Nearly 1 in 3")."""
    before = text[max(start, s - 30) : s]
    cap = _CAP_WORD_BEFORE.search(before, _tails(before)[0])
    if cap is None or not text[start : s - len(before) + cap.start(1)].strip():
        return False
    word = cap.group(1).lower().rstrip(".")
    return word not in MONTHS and word not in _QUANT_WORDS


def _tails(before: str) -> tuple[int, int]:
    """Where to start searching ``before`` with a pattern anchored at its end (``...\\s*$``) whose match
    spans at most one (first offset) or two (second) words, for the same match as a search from 0.

    A match of at most n words separated by whitespace, then whitespace to the end, starts inside the
    n-th last whitespace-free chunk of ``before``, or at the whitespace character just before it (the
    ``[\\s(]`` of :data:`_CAP_WORD_BEFORE`); ``search(before, pos)`` still sees the characters before
    ``pos`` for ``\\b``. Chunks are cut at spaces and newlines only: another whitespace character inside
    a chunk makes it longer and the search start earlier, never later. The patterns' alternations
    are tried at every start position, so a shorter stretch to try is most of their cost."""
    t = before.rstrip()
    j1 = max(t.rfind(" "), t.rfind("\n")) + 1
    u = t[:j1].rstrip()
    j2 = max(u.rfind(" "), u.rfind("\n")) + 1
    return max(0, j1 - 1), max(0, j2 - 1)


#: The characters a match of :data:`_PERCENT_AFTER`, :data:`_RANGE_PERCENT_AFTER` or :data:`_CURRENCY_AFTER` starts
#: with after its optional white space ("%", "percent", "por ciento", "-", "to", "a", "million", "dollars", "euros",
#: "yen", "USD"...), in both cases: none of these letters has another case variant the patterns would read ("ſ", "ı"
#: and "K" stand for s, i and k).
_AFTER_FIRST = frozenset("%pP-–tTaAmMbBdDeEpPlLyYrRuU")
#: The last character of a currency sign or code :data:`_CURRENCY_BEFORE` ends with ("$", "€", "USD", "EUR", "MXN"):
#: a match ends the text or a white space (and a final newline, read by ``$``) before it, so one of them is among the
#: last three characters.
_CURRENCY_LAST = frozenset("$€£¥₹DRN")


def _kind(text: str, s: int, e: int, seg_start: int, cells: bool = False) -> tuple[str | None, int]:
    """Classify the number ``text[s:e]``; returns (kind or None, end of the figure)."""
    before = text[max(seg_start, s - 30) : s]
    after = text[e : e + 40]
    digits = text[s:e]
    prev = text[s - 1] if s > 0 else " "
    nxt = text[e] if e < len(text) else " "
    # Glued to letters: AB4, COVID-19, 5G, 1st, 2ª, 1990s.
    if prev.isalpha() or (prev in "-–" and s >= 2 and text[s - 2].isalpha()):
        return None, e
    if nxt in "-–" and e + 1 < len(text) and text[e + 1].isdigit():
        m = _RANGE_PERCENT_AFTER.match(after)
        if m:
            return "percent", e + m.end()
        return None, e  # scores, ranges, dates "2017-01-05", phone numbers
    # The first character after the number and an optional white space: the three patterns after it can only match
    # when it is one they start with (:data:`_AFTER_FIRST`).
    head = after[1:2] if after[:1].isspace() else after[:1]
    if head in _AFTER_FIRST:
        m = _PERCENT_AFTER.match(after)
        if m:
            return "percent", e + m.end()
        m = _RANGE_PERCENT_AFTER.match(after)
        if m:
            return "percent", e + m.end()
    if not _CURRENCY_LAST.isdisjoint(before[-3:]) and _CURRENCY_BEFORE.search(before, _tails(before)[0]):
        m = _SCALE_AFTER.match(after)
        return "money", e + (m.end() if m else 0)
    if head in _AFTER_FIRST:
        m = _CURRENCY_AFTER.match(after)
        if m:
            return "money", e + m.end()
    # Every test from here to the scale words below returns (None, e) when it holds: they can be tried in any order,
    # and these three cost no pattern (a year, as below; '90s; 2º).
    if (len(digits) == 4 and digits.isdigit() and 1800 <= int(digits) <= 2100) or prev in "’'" or nxt in "º°ª":
        return None, e
    one, two = _tails(before)  # search starts for the end-anchored patterns of one and two words
    if nxt.isalpha():
        if _ORDINAL_AFTER.match(text, e) or not _SCALE_AFTER.match(after):
            return None, e
        if nxt in "BMK" and not _QUANT_BEFORE.search(before, two):
            return None, e  # "cave 13B", "Type 2K": a capital glued to a bare number names a thing (no "$", no "about")
    if nxt in "º°ª":
        return None, e
    if _NOT_FIGURE_AFTER.match(after) or (prev == ":" and s >= 2 and text[s - 2].isdigit()):
        return None, e
    if _DATE_BEFORE.search(before, one) or _MONTH_DAY_BEFORE.search(before, two):
        return None, e
    if digits.isdigit() and len(digits) <= 4 and _MONTH_COMMA_BEFORE.search(before, one) and not _noun_after(after):
        return None, e  # "31 January, 314 to his death": a year
    if len(digits) == 4 and digits[0] == "1" and not _SPAN_NOUN_AFTER.match(after):
        m = _YEAR_SPAN_AFTER.match(after) if _YEAR_SPAN.search(before, one) else None
        if m and not _SPAN_NOUN_AFTER.match(after, m.end()):
            return None, e  # "between 1059 and 1081": the first year of a span
        if _YEAR_SPAN_BEFORE.search(before[-30:]):
            return None, e  # "between 1059 and 1081": the second year
    if prev in "-–" and s >= 2 and text[s - 2].isdigit():
        first = s - 2
        while first > seg_start and (text[first - 1].isdigit() or text[first - 1] in ",."):
            first -= 1
        if _LABEL_BEFORE.search(text[max(seg_start, first - 30) : first]):
            return None, e  # "Sections 205–206": the end of a range of labels
    if (
        digits.isdigit()
        and len(digits) <= 4
        and (
            (_OPENING_SPAN.match(text, seg_start, s) and _OPENING_SPAN_AFTER.match(after))
            or _OPENING_SPAN_END.match(text, seg_start, s)
            and after[:1] == ","
        )
    ):
        return None, e  # "From about 554 to 788, the house … ruled": a sentence opening with a span of years
    if len(digits) == 2 and digits.isdigit() and _AGE_BOUND.search(before, one) and _AGE_BOUND_AFTER.match(after):
        return None, e  # "Girls who marry before 18 are at greater risk": an age
    plain = digits.replace(",", "").replace(".", "")
    if len(digits) == 4 and digits.isdigit() and 1800 <= int(digits) <= 2100:
        return None, e  # a year
    if (
        digits.isdigit()
        and 2 <= len(digits) <= 4
        and (
            _ERA_AFTER.match(after)
            or (_YEAR_BEFORE.search(before, one) and not _noun_after(after) and not _SCALE_AFTER.match(after))
        )
    ):
        return None, e  # an earlier year: "in 1261,", "until 1421", "around 600 BCE" (not "in 300 stores")
    if (
        digits.isdigit()
        and 2 <= len(digits) <= 4
        and _EARLY_YEAR_LIST_BEFORE.search(before[-20:])
        and not _noun_after(after)
        and not _SCALE_AFTER.match(after)
    ):
        return None, e  # "executed a number of people in 62 and 63 including": the second of two early years
    if prev in "’'":
        return None, e  # '90s, ’17
    if _DECADE_AFTER.match(after) and digits.endswith("0"):
        return None, e  # "in the 500's", "the 1960's": a period of time
    if _CITATION_YEAR_BEFORE.search(before):
        return None, e  # "(2000) 199 CLR 620", "496 U.S. 292": the volume of a law report
    if _AGE_BEFORE.search(before, two):
        return None, e
    if _NAME_COMMA_BEFORE.search(before, one) and _COMMA_SPACE.match(after) and len(plain) <= 3:
        return None, e  # "John Smith, 45, of Fresno"
    # Only a line start within 4 characters matters (list numbers), so look no further back.
    line_start = text.rfind("\n", max(0, s - 5), s) + 1
    if line_start == 0 and s > 5:
        line_start = -10
    if _LIST_NUMBER.match(text, line_start) and s < line_start + 4:
        return None, e
    if nxt == ")" or (nxt == "." and s == line_start):
        return None, e  # "1)" list numbers
    if _LABEL_BEFORE.search(before, one):
        return None, e
    cap = _CAP_WORD_BEFORE.search(before, one)
    word = cap.group(1).lower().rstrip(".") if cap else ""
    if cap and word not in MONTHS and word not in _QUANT_WORDS:
        return None, e  # "Senate Bill 54", "Highway 99", "Day 1", "Windows 10"
    m = _SCALE_AFTER.match(after)
    if m:
        if _YEARS_AGO_AFTER.match(after, m.end()):
            return None, e  # "about 42 million years ago": a date in the history of the earth
        return "count", e + m.end()
    # A count: a quantified number, a big number, or a number followed by a noun.
    if _QUANT_BEFORE.search(before, two) and not before.rstrip().endswith(("de", "a", "con", "to", "of")):
        return "count", e
    w = _WORD_AFTER.match(after)
    if w and w.group(1).lower() not in _NOT_COUNT_NOUNS:
        return "count", e
    if "," in digits or (len(plain) >= 3 and plain.isdigit() and not digits.startswith("0")):
        return "count", e
    if _QUANT_BEFORE.search(before, two) or cells:
        return "count", e  # in a table cell every remaining number is a value
    return None, e


_START = attrgetter("start")


def find_figures(text: str, start: int = 0, end: int | None = None, cells: bool = False) -> list[Figure]:
    """The statistics in ``text[start:end]`` (offsets into ``text``); ``cells``: a table row."""
    end = len(text) if end is None else end
    out: list[Figure] = []
    covered = start
    digit = False  # (every digit starts a match of _NUMBER)
    for m in _NUMBER.finditer(text, start, end):
        digit = True
        s, e = m.start(), m.end()
        if s < covered:
            continue
        if s > 0 and (text[s - 1].isdigit() or (text[s - 1] in ".,/" and s >= 2 and text[s - 2].isdigit())):
            continue  # inside a number, or the denominator of a fraction ("1-1/4 pct")
        if e < end and text[e] == "/" and e + 1 < end and text[e + 1].isdigit():
            continue  # the numerator of a fraction or a date (3/4, 12/31): no figure of its own
        kind, fig_end = _kind(text, s, e, start, cells)
        if kind is None:
            continue
        fs = s
        cur = _CURRENCY_BEFORE.search(text[max(start, s - 5) : s]) if kind == "money" else None
        if cur:
            fs = s - (len(text[max(start, s - 5) : s]) - cur.start())
        out.append(Figure(fs, min(fig_end, end), kind, text[fs : min(fig_end, end)].strip()))
        covered = fig_end
    low = text[start:end].lower()
    word_scale = "cent" in low or "ciento" in low or "illion" in low or "illón" in low or "illon" in low
    for m in _WORD_FIGURE.finditer(text, start, end) if word_scale else ():
        kind = "percent" if _CENT.search(m.group(0)) else "count"
        out.append(Figure(m.start(), m.end(), kind, m.group(0)))
    ratio = " in " in low or " out of " in low or " of every " in low or " de cada " in low
    if (
        ratio
        and not any(map(low.__contains__, _SMALL_WORDS))
        and (low.isascii() or not _ODD_CASE.search(text, start, end))
    ):
        # A ratio starts with a number: a digit, or a small number word, which the pattern reads ignoring case,
        # so the word is in the lower-case span unless the span has a letter whose case-insensitive match is
        # not its lower-case form. Without one, the ratio starts with a digit, which its words follow ("1 in 5"):
        # these tests cost less than the pattern's scan.
        ratio = digit and _DIGIT_RATIO.search(text, start, end) is not None
    for m in _RATIO.finditer(text, start, end) if ratio else ():
        if not any(f.start <= m.start() < f.end for f in out):
            if _AGE_BEFORE.search(text, max(start, m.start() - 12), m.start()):
                continue  # "At age 18 in 1928": an age and a year, not a ratio
            if _YEAR_DENOMINATOR.search(m.group(0)) and not _noun_after(text[m.end() : min(end, m.end() + 40)], True):
                continue  # "brightened to magnitude 1.5 in 1843", "Python 3 in 2020 would be": a value and a year
            if m.group(0)[:1].isdigit() and _named_numeral(text, start, m.start()):
                continue  # "Python 3 in 2020", "Windows 10 in 2015": a name's number (a version, a label)
            out = [f for f in out if not (m.start() <= f.start < m.end())]
            out.append(Figure(m.start(), m.end(), "ratio", m.group(0)))
    change = (
        "doubl" in low
        or "tripl" in low
        or "trebl" in low
        or "quadrupl" in low
        or "cuadrupl" in low
        or "halve" in low
        or "as many" in low
        or "duplic" in low
        or "mitad" in low
    )
    for m in _CHANGE_WORD.finditer(text, start, end) if change else ():
        out.append(Figure(m.start(), m.end(), "change", m.group(0)))
    fraction = (
        "half" in low
        or "third" in low
        or "quarter" in low
        or "fifth" in low
        or "mitad" in low
        or "tercio" in low
        or "parte" in low
    )
    for m in _FRACTION.finditer(text, start, end) if fraction else ():
        if not any(f.start < m.end() and m.start() < f.end for f in out):
            out.append(Figure(m.start(), m.end() - 1, "ratio", m.group(0)[:-1].strip()))
    if len(out) > 1:
        out.sort(key=_START)
    return out


# Speed: every pattern above behind a lookahead for its first characters (the same matches; see audit.sourcing.lead).
lead_all(globals())
