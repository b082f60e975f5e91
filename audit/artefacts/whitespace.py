"""Missing whitespace: words glued across punctuation or across a lost space."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, filterfalse
from typing import Iterable, cast

import numpy as np

from audit.artefacts import wordclass
from audit.artefacts.common import (
    BARE_ENTITY_NAMES,
    COMPOUND_LANGS,
    WORDFREQ_LANGS,
    confirm_lookup,
    informal_post,
    language_lookup,
    languages_at,
    list_zipf,
    stopwords,
    words_with_zipf,
    zipf,
)
from audit.chars import DENSE_SCRIPT, TIBETAN
from audit.model import Category, Finding, Severity
from audit.rules import DocContext, DocumentCheck, Rule
from audit.segment import ABBREVIATIONS
from audit.text import MARKS

ART030 = Rule(
    id="ART030",
    name="missing-space-after-punctuation",
    category=Category.ARTEFACT,
    severity=Severity.WARNING,
    description="Two words glued across punctuation without the space that should follow it "
    '("Los Angeles,renowned", "enforcement.Officials").',
    flags=(
        "Los Angeles,renowned for its fabric",
        "schools,healthcare facilities,and places",
        "law enforcement.Officials said",
        "she said.“We will",
    ),
    not_flags=(
        "10,000 agents",
        "3.5 percent",
        "the U.S. Department",
        "e.g. schools",
        "Ph.D. student",
        "see https://example.com/a,b",
        "mail info@example.org",
        "visit example.com today",
        "x,y coordinates",
        "Node.js and config.yaml",
        "J.R.R. Tolkien",
    ),
)

ART031 = Rule(
    id="ART031",
    name="glued-words",
    category=Category.ARTEFACT,
    severity=Severity.WARNING,
    description='Two words glued after a lost space: a lower-case word and a capitalised one ("deportationsThe"), '
    'a name and a sentence opener ("WashingtonThe"), or, where the passage language is known, a token that is '
    'not a word but splits into a function word and a frequent word ("the governorsaid", wordfreq lists); names, '
    "brands, compounds and identifiers that are words or recur in the document are left alone or reported as info.",
    flags=(
        "to stop the deportationsThe mayor said",
        "las deportacionesLos alcaldes",
        "the rally in WashingtonThe senator said",
        "the governorsaid on Tuesday that the budget would pass",
    ),
    not_flags=(
        "iPhone and YouTube",
        "McDonald's and DeSantis",
        "JavaScript, PowerPoint",
        "BlackRock and JetBlue",
        "#climatestrike",
        "https://example.com/newsroom",
        "the antivaccine movement",
        "die Bundesregierung und der Wirtschaftsminister",
    ),
)

_GLUE = re.compile(r"(?<=[^\W\d_]{2})([,;:?]|\.)(?=[^\W\d_]{2})")
_QUOTE_GLUE = re.compile(
    r"(?<=[^\W\d_][.,!?])”(?=[^\W\d_]{2})|(?<=[^\W\d_][.,!?])“(?=[^\W\d_])|(?<=[^\W\d_]{2})“(?=[^\W\d_])"
)
#: Letters of scripts written without spaces between words (Thai, Lao, Tibetan, Myanmar, Khmer, kana, CJK): a
#: mark right before or after one is how the script is written ("瑞典“一带一路”研究所"), not a lost space.
_UNSPACED_LETTER = re.compile(f"[{DENSE_SCRIPT}{TIBETAN}]")


def _unspaced_near(tok: str, start: int, end: int) -> bool:
    """Is a letter of a script written without spaces right before ``tok[start:end]`` (past closing marks) or
    right after it?"""
    i = start - 1
    while i >= 0 and tok[i] in ".,!?":
        i -= 1
    return (i >= 0 and _UNSPACED_LETTER.match(tok, i) is not None) or _UNSPACED_LETTER.match(tok, end) is not None


_TLDS = frozenset(
    "com org net gov edu mil int io co uk us es mx ar cl pe fr de it pt br ca au info biz news tv me ly gl be nl ch "
    "at se no dk fi pl ru cn jp in ai app dev html htm php asp aspx js py json xml csv pdf txt md yaml yml doc docx "
    "xls xlsx png jpg jpeg gif svg mp3 mp4 exe zip gz".split()
)
_OPENERS = (
    "The|This|That|These|Those|In|On|At|He|She|It|They|We|But|And|His|Her|Its|Their|However|Meanwhile|"
    "El|La|Los|Las|En|Un|Una|Por|Para|Pero|Este|Esta|Según|Le|Les|Der|Die|Das|Il|Lo|Gli|Os|As|Em"
)
#: The capitalised half may itself be a two-part name ("whileYouTube", "hisSpringHill").
_CAMEL = re.compile(
    rf"(?<![\w’'@#/.\[-])([a-zà-öø-ÿ]{{3,}})({_OPENERS}|[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{{2,}}(?:[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{{2,}})?)"
    rf"(?![\w’'@/-])"
)


#: Two capitalised words glued together ("WealthManagement", "WashingtonThe"); see :func:`find_camel`.
_PASCAL = re.compile(
    r"(?<![\w’'@#/.-])([A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{3,})([A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{1,})(?![\w’'@/]|-[^A-ZÀ-ÖØ-Þ])"
)
#: Sentence openers that end a Pascal join ("WashingtonThe", "MadridLos").
_PASCAL_OPENERS = frozenset(
    "The This That These Those But And His Her Its Their However Meanwhile She They Los Las Una Pero Este Esta "
    "Según Les Der Die Das Gli Une Mais Uma El La Le Il He It In We".split()
)

#: Lower-case words that start lower-camel brands and identifiers ("theStreet", "myFitnessPal", "getName",
#: "isValid", "forEach"): glued to an unknown capitalised word they are a name, not a lost space.
_CAMEL_PREFIXES = frozenset("the my our your you we get set is has on add can for go be do all one new to".split())


def _rare_name(word: str, lang: str) -> bool:
    """A capitalised word that is rare in the word lists of English and ``lang`` (Zipf under 3.0)."""
    low = word.lower()
    return zipf(low, "en") < 3.0 and (lang not in WORDFREQ_LANGS or zipf(low, lang) < 3.0)


#: Particles that open surnames and are written joined to them ("DellaVigna", "VanderLans", "FitzGerald").
_NAME_PARTICLES = frozenset("della delle dello degli dela delos vander vanden vande vonder fitz".split())


def _name_half(word: str, lang: str) -> bool:
    """Is the capitalised ``word`` a name rather than a common word? Not a form of the English word-class
    lexicon (:mod:`audit.artefacts.wordclass`: common nouns, verbs, adjectives and adverbs, no names), and,
    in a passage of another language, not a frequent word of that language (Zipf under 4). False without
    the lexicon."""
    table = wordclass.lexicon()
    low = word.lower()
    return table is not None and low not in table and (lang == "en" or list_zipf(low, lang) < 4.0)


def _brand_prefix(left: str) -> bool:
    """Can ``left`` start a lower-camel brand or identifier? A prefix above, or a short word that is no
    function word: the other function words ("and", "his", "said", "while", "die", "und") start no
    brand, so glued to any capitalised word they are a lost space ("saidKaiann", "dieBundesregierung")."""
    if left in _CAMEL_PREFIXES:
        return True
    return len(left) <= 3 and not any(left in sw for sw in stopwords().values())


#: Lower-camel brand names that are spelled this way on purpose.
_CAMEL_BRANDS = frozenset("easyjet easyhotel easycar wikihow freecodecamp ebookers".split())

#: Prefixes and suffix-like words that form closed compounds freely ("antivaccine", "statewide"): a split
#: there is not evidence of a lost space.
_PREFIXES = frozenset(
    "be anti pre post pro sub super inter intra multi micro macro mega mini semi ultra auto neo pseudo extra contra "
    "sobre hiper hyper cyber ciber télé eco bio geo tele non over under out self vice counter mid tri afro euro narco "
    "infra socio retro trans cross photo video radio electro hydro thermo neuro psycho mono poly para ever never".split()
)
_SUFFIX_WORDS = frozenset(
    "less like wide free based proof friendly ness ship hood ward wards side time man men woman women land work "
    "works way ways made maker makers able ible wise fold style related led driven owned run mente ment ing "
    "some ever self selves where thing body".split()
)
#: English function words that also form closed compounds freely ("upticks", "southeasternmost", "letup",
#: "whereof", "thereby", "outlook"): as one half of a split they are no evidence of a lost space.
_PARTICLES = frozenset(
    "up down out off over under in on by about through after before into some more most all any no one two "
    "other own same such very too so then now here there where when how what why while like just only also "
    "get go know".split()
)
#: Determiners and possessives: a function word glued to one of them is a lost space ("ofthe", "inthe",
#: "isyour") even when both halves are function words ("whereof", "isnot" are not).
_DETERMINERS = frozenset(
    "the a an this that these those his her their its our my your "
    "el la los las un una del al le les des du au un une der die das den dem des ein eine il lo gli della "
    "o os as um uma do da dos das no na".split()
)


_DOMAIN_NEXT = re.compile(r"\.[a-z]{2,}")
#: What follows a word inside a sentence: a lower-case word, after a space or a comma.
_IN_SENTENCE = re.compile(r"(?:[,;]?[ \t]+|[,;])[a-zà-öø-ÿ]")


#: Short function words that are not also word endings: glued to a long content word they mark a lost
#: space ("blowingand"); other short ones ("us", "are", "as", "he") end real and foreign words.
_STRONG_ENDS = frozenset("the and for was has had not but del los las les des une der die das und".split())


@lru_cache(maxsize=16)
def _function_words(lang: str) -> frozenset[str]:
    sw = stopwords().get(lang, frozenset())
    return frozenset(sw - _PARTICLES) if lang == "en" else frozenset(sw)


def lower_join_evidence(left: str, right: str, lang: str, vocab) -> Severity | None:
    """How much a split of a lower-case token into two listed words says about a lost space.

    Real text is full of closed compounds, rare words and typos that split into two words ("nightstands",
    "writedowns", "capcity", "mandrills"); a lost space is told apart by a function word on one side
    ("blowingand", "endof", "isyour", "governorsaid"): a warning. Two function words are a lost space only
    before a determiner ("ofthe", "wherethe"; "whereof", "isnot" are words or styles). Two content words
    are info, and only when both occur on their own in the document (``vocab``: lower-case word counts).
    A join listed in another language ("saladas", "fabriche") is a word of a neighbouring language or a
    listed variant: nothing (looked up last, only for a join the tests above report: each language's
    lookup may read a shard of its list). In English, an inflected form the frequency list is too short
    to hold ("candying": "can dying", "mandrills") is found in the inflection table of the word-class
    lexicon (:mod:`audit.artefacts.wordclass`): nothing either. An info join of two content words one
    typing slip away from a common word is that word misspelt (:func:`_misspelt_word`), and a plural
    of a listed word is a word (:func:`_plural_of_listed`): nothing.
    """
    sev = _join_evidence(left, right, lang, vocab)
    if sev is None:
        return None
    if lang == "en" and _inflected_word(left + right):
        return None
    sw = stopwords().get(lang, frozenset())
    if right not in sw and _plural_of_listed(left + right, lang):
        return None  # (a function word on the right is a lost space: "dansles", though "dansle" is listed)
    if sev is Severity.INFO and left not in sw and right not in sw and len(left + right) >= 7:
        if _misspelt_word(left + right, lang):
            return None  # (a function word glued to a word, "debtfor", "votarcon", is near words too)
    if any(zipf(left + right, other) for other in WORDFREQ_LANGS if other != lang):
        return None
    return sev


def _plural_of_listed(token: str, lang: str) -> bool:
    """Is ``token`` the plural of a listed word ("donatives": "donative" is listed, its plural is too rare
    for the list)? A plural ending ("-s", "-es") on a listed word is no lost space, in every list language."""
    return token.endswith("s") and (zipf(token[:-1], lang) > 0 or (token.endswith("es") and zipf(token[:-2], lang) > 0))


_LETTERS = "abcdefghijklmnopqrstuvwxyzáéíóúàèìòùâêîôûäëïöüçñ"


def _misspelt_word(token: str, lang: str) -> bool:
    """Is ``token`` one typing slip (a letter left out, added, changed, or two swapped) away from a
    common word of ``lang`` (Zipf 3.0 or more)? Then it is that word misspelt ("partnerhip",
    "departmet", "scandel"), not two words ("partner hip", "depart met"): asked only of the joins that
    would be info with two content words, whose halves are all the evidence there is."""
    cut = [(token[:i], token[i:]) for i in range(len(token) + 1)]
    near = {a + b[1:] for a, b in cut if b}
    near.update(a + b[1] + b[0] + b[2:] for a, b in cut if len(b) > 1)
    near.update(a + c + b[1:] for a, b in cut if b for c in _LETTERS if c != b[0])
    near.update(a + c + b for a, b in cut for c in _LETTERS)
    near.discard(token)
    return not near.isdisjoint(_common_words(lang))


@lru_cache(maxsize=8)
def _common_words(lang: str) -> frozenset[str]:
    """The words of Zipf 3.0 and more of ``lang`` (a set lookup for each of the few hundred near forms of
    :func:`_misspelt_word` instead of a list lookup), read from the opening of the list."""
    return words_with_zipf(lang, 3.0)


def _inflected_word(word: str) -> bool:
    """Is ``word`` a form in the English inflection table (False without the ``lemminflect`` package)? The
    table is read on the first English join that reaches here."""
    table = wordclass.lexicon()
    return table is not None and word in table


#: Languages whose adjectives agree in number with their noun and that write no closed compound of two
#: plurals (Spanish, Portuguese, French; Italian plurals end in vowels): two plurals glued are a noun and
#: its adjective that lost a space. English does ("newsrooms", "salesclerks").
_AGREEING_LANGS = frozenset({"es", "pt", "fr"})


def _join_evidence(left: str, right: str, lang: str, vocab) -> Severity | None:
    """:func:`lower_join_evidence` but for the test of the other languages' lists."""
    fw = _function_words(lang)
    sw = stopwords().get(lang, frozenset())
    lf, rf = left in fw, right in fw
    if lf or rf:
        if left in sw and right in sw and right not in _DETERMINERS and zipf(left + right, lang):
            return None  # "whereof", "thereby", "isnot": listed words or styles, not a lost space
        if rf and left not in sw and len(right) <= 3 and (len(left) < 6 or right not in _STRONG_ENDS):
            return Severity.INFO  # "cryptand", "holloware", "teutonicus": a short ending is often a suffix
        return Severity.WARNING
    if vocab and vocab.get(left, 0) >= 1 and vocab.get(right, 0) >= 1:
        return Severity.INFO
    if lang in _AGREEING_LANGS and left.endswith("s") and right.endswith("s") and min(len(left), len(right)) >= 5:
        return Severity.INFO  # a plural noun and its plural adjective ("proyectosvecinales", "parquesinfantiles")
    if min(zipf(left, lang), zipf(right, lang)) >= 3.5 and not zipf(left + right, lang):
        return Severity.INFO
    if _adverb_join(left, right, lang):
        return Severity.INFO  # "alreadyprompting", "joignablegratuitement": no compound holds an adverb
    return None


def _adverb_join(left: str, right: str, lang: str) -> bool:
    """Does one half of a join of two content words read as an adverb, which no closed compound holds?
    In English, a left half of 5+ letters that the word-class lexicon knows only as an adverb ("already",
    "quickly"; not "early", "daily", which are adjectives too); in French, Spanish, Portuguese and Italian, a right half
    that is an adverb of the regular form (an adjective and "-ment" / "-mente": "gratuitement")."""
    if lang == "en":
        if len(left) < 5:
            return False  # particles the lexicon reads as adverbs are prefixes: "infeasible", "onstream", "bylined"
        table = wordclass.lexicon()
        bits = table.get(left, 0) if table is not None else 0
        return bool(bits & wordclass.ADV) and not bits & (wordclass.NOUN | wordclass.VERB | wordclass.ADJ)
    ending = "ment" if lang == "fr" else "mente" if lang in ("es", "pt", "it") else None
    return ending is not None and right.endswith(ending) and zipf(right[: -len(ending)], lang) > 0


#: Lower-case tokens of 5+ letters that stand alone (not in a URL, e-mail, hashtag, path or code).
#: (A combining mark or a soft hyphen next to the token means it is part of a longer word: "e\u0301quilibre" written
#: with a decomposed accent, "majeu\u00adres" with a hyphenation point.)
_LOWER_TOKEN = re.compile(
    rf"(?<![\w’'@#/.\\`$<\ufffd\u00ad{MARKS}-])[a-zà-öø-ÿ]{{5,}}(?![\w’'@/\\`(=<>\ufffd\u00ad{MARKS}-]|\.[^\W_])"
)


def _half_ok(word: str, lang: str) -> float:
    """Zipf frequency of ``word`` when it is frequent enough to count as one half of a glued pair, else 0."""
    z = zipf(word, lang)
    need = 5.5 if len(word) == 2 else 4.0 if len(word) == 3 else 3.0 if len(word) < 6 else 2.5
    return z if z >= need else 0.0


def split_glued(token: str, lang: str) -> tuple[str, str, float] | None:
    """``(left, right, min_zipf)`` when a lower-case token is not a word of ``lang`` but splits into two
    frequent words ("governorsaid" → governor said, "wherethe" → where the); ``None`` otherwise.

    The word lists carry common typos too ("ofthe" has Zipf 3.3): a token listed with Zipf ≥ 1.5 is a
    word ("ballgame", "sunroof"), except that a join with two very frequent halves (Zipf ≥ 6: "of",
    "the", "where") must be no more than 3.5 Zipf rarer than them ("within", "without" are words,
    "ofthe", "inthe" are not). Tokens under 7 letters need two very frequent halves (Zipf ≥ 5).
    """
    if lang not in WORDFREQ_LANGS:
        return None
    return _split_glued(token, lang)


@lru_cache(maxsize=65536)
def _split_glued(token: str, lang: str) -> tuple[str, str, float] | None:
    known = max(zipf(token, lang), zipf(token, "en"))
    if known >= 4.5:
        return None  # a common word: no glued pair is rarer than 3.5 Zipf below its halves
    if known >= 1.5 and not _top_split(token, lang):
        return None  # a listed word splits only into two very frequent halves (below): none here
    best = None
    for i in range(2, len(token) - 1):
        left, right = token[:i], token[i:]
        if (left in _PREFIXES and right not in stopwords().get(lang, ())) or (
            right in _SUFFIX_WORDS and left not in _function_words(lang)
        ):
            continue  # "antivaccine", "statewide"; but "sobrelas" is "sobre las", "wouldship" "would ship"
        zl = _half_ok(left, lang)
        zr = zl and _half_ok(right, lang)
        if zl and zr and (best is None or min(zl, zr) > best[2]):
            best = (left, right, min(zl, zr))
    if best is None or (len(token) < 7 and best[2] < 5.0):
        return None
    if known >= (best[2] - 3.5 if best[2] >= 6.0 else 1.5):
        return None
    return best


#: German function words that end no German word as a suffix does (3+ letters: "er", "es", "in", "an" end
#: many; "ist" ends nouns, "man" and "ich" adjectives and nouns).
_DE_ENDS = frozenset(w for w in stopwords().get("de", frozenset()) if len(w) >= 3) - {"ist", "man", "ich"}
#: German articles and the reflexive pronoun: glued after a verb or a preposition they are a lost space.
_DE_ARTICLES = frozenset("die der das den dem des ein eine einer einen einem eines sich".split())


@lru_cache(maxsize=4096)
def split_glued_compound(token: str, lang: str) -> tuple[str, str, Severity] | None:
    """``(left, right, severity)`` when a lower-case token of a language that forms compounds freely
    (:data:`audit.artefacts.common.COMPOUND_LANGS`: German) is no listed word but a word glued to a
    following function word ("hattedie", "sprachvon", "nachder", "abernoch"); ``None`` otherwise.

    Two content words, or a function word before a content word ("mitnehmen", "nachzuvollziehen": a
    separable prefix), are how German writes words, so only a function word of :data:`_DE_ENDS` on the
    right counts, after a function word or a frequent word of 4+ letters (Zipf 3.0 or more); a token
    listed in German or English ("hermit", "submit") is a word. An article or ``sich`` on the right, or a
    function word on the left, is a warning; a content word before another function word is info.
    """
    if lang not in COMPOUND_LANGS or list_zipf(token, lang) or zipf(token, "en"):
        return None
    fw = stopwords().get(lang, frozenset())
    best = None
    for i in range(2, len(token) - 2):
        left, right = token[:i], token[i:]
        if right not in _DE_ENDS:
            continue
        z = 7.0 if left in fw else list_zipf(left, lang) if len(left) >= 4 else 0.0
        if z >= 3.0 and (best is None or z > best[2]):
            best = (left, right, z)
    if best is None:
        return None
    left, right, _z = best
    sev = Severity.WARNING if right in _DE_ARTICLES or left in fw else Severity.INFO
    return left, right, sev


@lru_cache(maxsize=8)
def _top_words(lang: str) -> frozenset[str]:
    """The words of Zipf 6.0 and more (a hundred or so; Zipf 6 is a frequency of about 10^-3), read from
    the opening of the list (no whole dictionary)."""
    return words_with_zipf(lang, 6.0)


@lru_cache(maxsize=8)
def _top_pair(lang: str) -> re.Pattern:
    """A token that is two words of :func:`_top_words` of 2+ letters each, as one pattern: its
    ``fullmatch`` tries every split of the token (the engine backtracks through the alternatives)."""
    alt = "|".join(re.escape(w) for w in sorted(_top_words(lang), key=lambda w: (-len(w), w)) if len(w) >= 2)
    return re.compile(f"(?:{alt})(?:{alt})") if alt else re.compile("(?!)")


def _top_split(token: str, lang: str) -> bool:
    """Does ``token`` split into two words of Zipf 6.0+? A listed token (Zipf 1.5+) is reported only then:
    :func:`_split_glued` keeps a split of a listed token only when its rarer half has Zipf 6.0 or more.

    ``any(token[:i] in top and token[i:] in top for i in range(2, len(token) - 1))`` as one
    ``fullmatch`` of :func:`_top_pair` (both halves 2+ letters long)."""
    return _top_pair(lang).fullmatch(token) is not None


#: A lower-case letter followed by a capital: every camel or Pascal join holds one.
_JUNCTION = re.compile("[a-zà-öø-ÿ][A-ZÀ-ÖØ-Þ]")


#: The characters that bound the windows of :func:`_junction_lines`: whitespace, never inside a match.
_WINDOW_END = re.compile("[ \t\n]")


def _junction_lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the space-delimited tokens that hold a lower-to-upper junction (disjoint, in text
    order): the join regexes (which start with a lookbehind, slow at every position) run only there.

    A match of :data:`_CAMEL` or :data:`_PASCAL` holds a junction and is a whole run of word characters
    (its lookbehind and lookahead exclude a word character on either side), so it lies in such a token,
    and a search from the token's start finds it as a search from the text's start does: each run is
    matched from its own start or not at all. A window ends before a space, tab or newline (which the
    lookahead rejects as it would the end of the text). After a hit the search resumes at that end."""
    out: list[tuple[int, int]] = []
    end_at = _WINDOW_END.search
    rfind = text.rfind
    lo = 0  # the end of the previous window (a space, tab or newline): the backward searches stop there
    for j in _junctions(text):
        if j < lo:
            continue  # inside the window just taken (a search resumes at its end)
        ws = max(rfind(" ", lo, j), rfind("\t", lo, j), rfind("\n", lo, j)) + 1
        e = end_at(text, j + 2)
        if e is None:
            out.append((ws, len(text)))
            break
        lo = e.start()
        out.append((ws, lo))
    return out


#: Below this length :func:`_junctions` searches with the regex (the array set-up costs more).
_ARRAY_MIN = 2000


def _junctions(text: str) -> list[int]:
    """The start of every match of :data:`_JUNCTION` (a lower-case letter before a capital; matches
    never overlap, as no character is both), in order; from the code points for a long text."""
    if len(text) < _ARRAY_MIN:
        return [m.start() for m in _JUNCTION.finditer(text)]
    if text.isascii():
        cp = np.frombuffer(text.encode("ascii"), dtype=np.uint8)
        lower = (cp >= 0x61) & (cp <= 0x7A)
        upper = (cp >= 0x41) & (cp <= 0x5A)
    else:
        cp = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        # [a-zà-öø-ÿ] and [A-ZÀ-ÖØ-Þ]: a-z, U+00E0-00F6, U+00F8-00FF; A-Z, U+00C0-00D6, U+00D8-00DE
        lower = ((cp >= 0x61) & (cp <= 0x7A)) | ((cp >= 0xE0) & (cp <= 0xFF) & (cp != 0xF7))
        upper = ((cp >= 0x41) & (cp <= 0x5A)) | ((cp >= 0xC0) & (cp <= 0xDE) & (cp != 0xD7))
    return np.flatnonzero(lower[:-1] & upper[1:]).tolist()


#: A whole word of lower-case letters, as :data:`_LOWER_TOKEN` takes them.
_LOWER_WORD = re.compile("[a-zà-öø-ÿ]{5,}")
#: :data:`_LOWER_WORD` as whole lines of a text that holds one word per line.
_LOWER_LINES = re.compile("^[a-zà-öø-ÿ]{5,}$", re.MULTILINE)
#: Combining marks (inside a word of the text layer, not of :data:`_LOWER_TOKEN`).
_MARK = re.compile(f"[{MARKS}]")


def _lower_tokens(text: str, vocab, layer=None) -> list[tuple[int, str]]:
    """``(offset, token)`` of the :data:`_LOWER_TOKEN` matches that occur at most once as a word of the
    document (``vocab``) and are not common English words, in text order: the tokens a split is tried on.

    Without combining marks in the text, every such match is a word of the text layer (both are bounded
    by characters that are neither letters, digits nor apostrophes), so the filters run once per distinct
    word and the token regex only confirms the words left; with marks, the regex scans the text."""
    found, confirmed = _lower_candidates(text, vocab, layer)
    return found if confirmed else [(pos, token) for pos, token in found if _is_lower_token(text, pos, token)]


def _is_lower_token(text: str, pos: int, token: str) -> bool:
    """Is the word ``token`` at ``pos`` a match of :data:`_LOWER_TOKEN` (its lookbehind and lookahead)?"""
    hit = _LOWER_TOKEN.match(text, pos)
    return hit is not None and hit.end() == pos + len(token)


def _lower_candidates(text: str, vocab, layer=None) -> tuple[list[tuple[int, str]], bool]:
    """:func:`_lower_tokens` less, when the second value is False, the regex's confirmation of each
    token (:func:`_is_lower_token`), which a caller may run only on the tokens its other tests keep."""
    # the layer's words came from the characters' classes (``plain``): the text holds no combining mark
    if layer is None or (not (layer.words and layer.plain) and not text.isascii() and _MARK.search(text)):
        out = []
        for m in _LOWER_TOKEN.finditer(text):
            token = m.group(0)
            if vocab.get(token, 0) <= 1 and not _common_en(token):
                out.append((m.start(), token))
        return out, True
    words = layer.words
    if vocab is layer.word_counts:
        # The layer's own counts: a kept token occurs once among the words, so one pass finds its index;
        # the repeated words leave first by their counts, the words that are not lower-case letters by one
        # multi-line search of the rest joined a word per line (a word holds no line break), the common
        # English words last (no Python call per word).
        once = compress(vocab.keys(), map((1).__eq__, vocab.values()))
        keep = list(filterfalse(_common_en_words().__contains__, _LOWER_LINES.findall("\n".join(once))))
        if not keep:
            return [], True
        # their places: a kept word occurs once among the lower-case forms, so at most once as written
        found = list(compress(range(len(words)), map(frozenset(keep).__contains__, words)))
    else:
        full = _LOWER_WORD.fullmatch
        get = vocab.get
        kept = {w for w in set(words) if full(w) and get(w, 0) <= 1 and not _common_en(w)}
        found = [i for i, w in enumerate(words) if w in kept]
    if not found:
        return [], True
    return list(zip(layer.starts[found].tolist(), map(words.__getitem__, found), strict=True)), False


@lru_cache(maxsize=1 << 16)
def _common_en(token: str) -> bool:
    """A common English word (Zipf ≥ 4.5) never splits, whatever the passage language (see split_glued)."""
    return zipf(token, "en") >= 4.5


@lru_cache(maxsize=1)
def _common_en_words() -> frozenset[str]:
    """Every word for which :func:`_common_en` holds (a few thousand; Zipf 4.5 is a frequency of
    10^-4.5), read from the opening of the list (no whole dictionary)."""
    return words_with_zipf("en", 4.5)


def find_camel(
    text: str, lang_of=None, vocab=None, confirmed=None, layer=None, doc_lang: str = "und"
) -> list[tuple[int, int, str, str, Severity]]:
    """``(start, end, left, right, severity)`` for words glued after a lost space.

    * a lower-case word glued to a capitalised one ("deportationsThe", "governorSmith"): warning; info
      when the lower-case half is a short or brand-starting word before a listed word ("theRevolution",
      "dubStudio"); nothing before an unknown word ("theSkimm": a brand), nor when neither half is a word
      ("prescIence": a capital typed inside a word);
    * two capitalised words ("WashingtonThe", "WealthManagement"): warning when the right half is a
      sentence opener; info when both halves occur on their own in the document or the word lists
      confirm them (names, hashtags and brands are spelled so), or when a given name is glued to a name
      inside a sentence ("Gov. TinaKotek declared"; see :func:`_name_half`);
    * two lower-case words ("governorsaid"), only where ``lang_of`` knows the passage language and it
      is one of :data:`WORDFREQ_LANGS`: see :func:`lower_join_evidence` (a function word on one side:
      warning; two content words that both occur alone in the document, or two plurals in a language
      whose adjectives agree with their noun: info; else nothing); in German (:data:`COMPOUND_LANGS`),
      only a word glued to a following function word (:func:`split_glued_compound`). A token that is
      the whole of a quotation is a word being named ('the term "werehyenas"'): nothing;
    * a word glued to a web address ("unterwww.bmwk.de"): warning.

    Identifiers of script code in page text (a call, a line of code: :func:`_in_code`) are not joins.

    A form that occurs more than once in the document, or is itself a word of the word lists, is a
    name or identifier used on purpose. ``confirmed(offset)`` (optional) must confirm the passage
    language before word-list evidence counts. ``layer`` (optional): the text's
    :class:`audit.text.TextLayer`, whose words save a scan of the text. ``doc_lang``: the document's
    language, for a passage whose own is undetermined (a short line): German writes gender-inclusive
    nouns with a capital I ("LehrerInnen", "AstronautIn"), which are not a noun glued to "In".
    """
    out = []
    if vocab is None:
        vocab = {}
        for w in re.findall(r"[^\W\d_]+", text):
            vocab[w.lower()] = vocab.get(w.lower(), 0) + 1

    def vocab_has(word: str) -> bool:  # the capitalised word occurs on its own elsewhere in the document
        return vocab.get(word.lower(), 0) >= 1 and text.count(word) > 1

    windows = _junction_lines(text)
    for m in (m for ls, le in windows for m in _CAMEL.finditer(text, ls, le)):
        token = m.group(0)
        left, right = m.group(1), m.group(2)
        if text.count(token) > 1 or token.lower() in _CAMEL_BRANDS or _in_code(text, m.start(), m.end()):
            continue
        lang = lang_of(m.start()) if lang_of else "en"
        sev = Severity.WARNING
        if right not in _PASCAL_OPENERS and _brand_prefix(left):
            known = vocab_has(right) or max(zipf(right.lower(), "en"), zipf(right.lower(), lang)) > 0
            if not known or _DOMAIN_NEXT.match(text, m.end()):
                continue  # "theResumator", "theStreet.com": a brand, not a lost space before a word
            sev = Severity.INFO  # "theRevolution, LLC", "dubStudio": brands join a word to a prefix too
        elif len(left) < 8 and not any(zipf(h, "en") or list_zipf(h, lang) for h in (left, right.lower())):
            continue  # neither half is a word ("prescIence"): a capital typed inside a word, not a lost space
            # (a long left half may be a run of glued words: "saladdressingspizzaArtisan")
        elif (
            len(left) < 8
            and _alone_on_line(text, m.start(), m.end())
            and not (zipf(left, "en") or list_zipf(left, lang))
        ):
            continue  # "laredWeb" as a line of its own, a menu entry or one of a list of names: a lower-camel
            # brand whose lower-case half is no word; a lost space glues a word to the next one
        out.append((m.start(), m.end(), left, right, sev))
    for m in (m for ls, le in windows for m in _PASCAL.finditer(text, ls, le)):
        token = m.group(0)
        left, right = m.group(1), m.group(2)
        if text.count(token) > 1 or _in_code(text, m.start(), m.end()):
            continue
        low = token.lower()
        lang = lang_of(m.start()) if lang_of else "und"
        if zipf(low, "en") or list_zipf(low, lang):
            continue  # a known name or brand ("BlackRock", "JetBlue")
        if right == "Innen" or (right == "In" and (doc_lang if lang == "und" else lang) in COMPOUND_LANGS):
            continue  # German gender-inclusive forms ("LehrerInnen", "AstronautIn"): a writing convention
        in_doc = vocab.get(left.lower(), 0) >= 1 and vocab.get(right.lower(), 0) >= 1
        if right in _PASCAL_OPENERS and len(left) >= (5 if len(right) == 2 else 4):
            out.append((m.start(), m.end(), left, right, Severity.WARNING))
        elif len(right) >= 4 and in_doc:
            # "SandyRelief", "LittleMonsters": names, hashtags and brands are joined so on purpose
            out.append((m.start(), m.end(), left, right, Severity.INFO))
        elif len(right) >= 3 and any(vocab_has(h) and _rare_name(h, lang) for h in (left, right)):
            # one half is a name that no word list knows, used on its own elsewhere ("CarmenIguina" ...
            # "Iguina said"): a name glued to the next one. Brands join words ("MediaTemple", "ScaleBar"),
            # and their words recur on their own, so only a rare half counts; info, as brands are joined
            # so too
            out.append((m.start(), m.end(), left, right, Severity.INFO))
        elif (
            len(right) >= 4
            and (lang in WORDFREQ_LANGS or lang in COMPOUND_LANGS)
            and all(list_zipf(h.lower(), lang) >= 3.0 or vocab.get(h.lower(), 0) >= 1 for h in (left, right))
            and (confirmed is None or confirmed(m.start()))
        ):
            # two words (German writes its compounds closed, "Zentralbank", never "ZentralBank")
            out.append((m.start(), m.end(), left, right, Severity.INFO))
        elif (
            len(right) >= 3
            and _name_half(right, lang)
            and _name_half(left, lang)
            and left.lower() not in _NAME_PARTICLES
            and max(zipf(left.lower(), "en"), list_zipf(left.lower(), lang)) >= 2.5
            and _IN_SENTENCE.match(text, m.end())
        ):
            # a given name glued to a name inside a sentence ("Gov. TinaKotek declared", "ChristopheFanichet,
            # sur"): brands join common words ("PowerPoint", "JetBlue", "SpringHill") or made-up ones, and
            # user names stand before a date, a number or a capitalised line ("Reply JaneRoe June 3"); info,
            # as names are joined so too
            out.append((m.start(), m.end(), left, right, Severity.INFO))
    if lang_of is not None:
        tokens, matched = _lower_candidates(text, vocab, layer)
        langs = languages_at(lang_of, [start for start, _token in tokens])
        wordfreq_langs = frozenset(WORDFREQ_LANGS)
        for (start, token), lang in zip(tokens, langs, strict=True):
            if lang not in wordfreq_langs:
                if lang in COMPOUND_LANGS:
                    split3 = split_glued_compound(token, lang)
                    if (
                        split3
                        and (matched or _is_lower_token(text, start, token))
                        and not _quoted(text, start, start + len(token))
                        and (confirmed is None or confirmed(start))
                    ):
                        out.append((start, start + len(token), *split3))
                continue
            split = _split_glued(token, lang)  # split_glued less its test of the language, done above
            if not split or not (matched or _is_lower_token(text, start, token)):
                continue  # (the token regex confirms only the few tokens that split)
            left, right, _z = split
            evidence = lower_join_evidence(left, right, lang, vocab)
            if evidence is None or _quoted(text, start, start + len(token)):
                continue  # (a word being named: 'These "werehyenas" are', 'the word "doone"', coined or old)
            if confirmed is None or confirmed(start):
                out.append((start, start + len(token), left, right, evidence))
    if "www." in text:
        for m in _WWW_GLUE.finditer(text):
            left = m.group(1)
            lang = lang_of(m.start()) if lang_of else "en"
            if zipf(left, "en") or list_zipf(left, lang):
                out.append((m.start(), m.end(2), left, "www", Severity.WARNING))
    return sorted(out, key=lambda t: t[:2])


def _alone_on_line(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` the whole of its line (spaces aside)?"""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    return not text[ls:start].strip() and not text[end : le if le >= 0 else len(text)].strip()


def _in_code(text: str, start: int, end: int) -> bool:
    """Is the identifier ``text[start:end]`` script code in page text (``trackEvent('click')``, ``var
    dataLayer = []; setTimeout(loadComments, 200);``)? A call (an opening bracket right after it), or a line
    that holds a semicolon, an opening bracket and a brace or an equals sign (prose has the first two)."""
    if text[end : end + 1] == "(":
        return True
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    line = text[ls : le if le >= 0 else len(text)]
    return "(" in line and ";" in line and ("=" in line or "{" in line)


#: A word glued to a web address ("unterwww.bmwk.de", "sitewww.sante.gouv.fr"): no word ends in "www".
_WWW_GLUE = re.compile(r"(?<![\w’'@#/.:-])([a-zà-öø-ÿ]{2,})(www)\.[a-z0-9-]+\.[a-z]{2,}")

_QUOTES = "\"“”„«»‘’'"


def _quoted(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` the whole of a quotation (a word being named: a term, a coinage)?"""
    return 0 < start and end < len(text) and text[start - 1] in _QUOTES and text[end] in _QUOTES


def _skip_token(tok: str) -> bool:
    low = tok.lower()
    return (
        (":" in tok and ";" in tok)  # a style declaration ("font-size:95%;clear:both;")
        or "://" in tok
        or "@" in tok
        or low.startswith("www.")
        or "/" in tok
        or "\\" in tok
        or "=" in tok
        or "_" in tok
        or "#" in tok
        or "&" in tok
        or "{" in tok
        or "<" in tok
        or "`" in tok
        or "()" in tok
    )


_CANDIDATE = re.compile(r"[^\W\d_]{2}(?:[,;:?.]|[.,!?]”|[.,!?]?“)[^\W\d_]")


def _token_at(text: str, pos: int) -> tuple[int, int]:
    s = pos
    while s > 0 and not text[s - 1].isspace():
        s -= 1
    e = pos
    n = len(text)
    while e < n and not text[e].isspace():
        e += 1
    return s, e


def _any_stopword(word: str) -> bool:
    low = word.lower()
    return any(low in sw for sw in stopwords().values())


#: A mark that can end a glue of :data:`_CANDIDATE` right before a letter; it starts with a character
#: class, so the search skips ahead without trying the pattern at every position.
_GLUE_END = re.compile(r"[,;:?.!”“][^\W\d_]")
_TWO_LETTERS = re.compile(r"[^\W\d_]{2}")


def _candidates(text: str) -> list[int]:
    """Offsets inside every token that holds a :data:`_CANDIDATE` match (at least one per such token, in
    text order): each mark right before a letter, kept when the glue it ends follows two letters."""
    out = []
    two = _TWO_LETTERS.match
    for m in _GLUE_END.finditer(text):
        p = m.start()
        c = text[p]
        if c in ",;:?." and p >= 2 and two(text, p - 2):
            out.append(p)
        elif c in "”“" and p >= 3 and text[p - 1] in ".,!?" and two(text, p - 3):
            out.append(p)
        elif c == "“" and p >= 2 and two(text, p - 2):
            out.append(p)
    return out


#: The end of a web or e-mail address glued to the next sentence's first word ("cnmc.es.En redes",
#: "apple.com/newsroom.YouTube said"): a capitalised word after the address's last dot (addresses are
#: written in lower case), then at most closing punctuation.
_ADDRESS_TAIL = re.compile(r"(?<=[a-z]{2})\.([A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+(?:[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+)?)[.,;:!?)\]”\"']*$")
#: What marks a token as a web or e-mail address (see :func:`_skip_token`), and what marks it as code.
_ADDRESS = re.compile(r"://|@|^www\.|/")
_CODE = re.compile(r"[\\=_#&{<`]|\(\)")


def _address_tail(tok: str) -> tuple[int, int] | None:
    """``(start, end)`` in ``tok`` of the glue at the end of an address token ("cnmc.es.En": "es.En"), or
    None: the token must be an address (no code), its last label must be lower case, and the word after
    it capitalised with lower case letters (a file name or a class name has no such ending)."""
    if not _ADDRESS.search(tok) or _CODE.search(tok):
        return None
    m = _ADDRESS_TAIL.search(tok)
    if m is None:
        return None
    label = re.search(r"[^\W\d_]+$", tok[: m.start()])
    if label is None or not label.group(0).islower() or tok[: label.start()].endswith("@"):
        return None  # a capitalised path or file name ("/docs/Report.Final"), a user name ("info@Foo.Bar")
    return label.start(), m.end(1)


#: CSS pseudo-classes and pseudo-elements (written in lower case): after a colon they make a selector of
#: style code in page text ("a:hover", "li:before"), not two words of prose ("far and wide:After the").
_CSS_PSEUDO = frozenset(
    "hover focus active visited link before after checked disabled enabled empty root target first last "
    "nth not placeholder selection".split()
)


#: The halves of a glue of :data:`_GLUE` in its token: the letters before the mark and after it, with the soft
#: hyphens (U+00AD, hyphenation points) between them ("pickers,pu\xadlled": the right half is "pulled").
_LEFT_WORD = re.compile(r"(?:[^\W\d_]+\u00ad)*[^\W\d_]+$")
_RIGHT_WORD = re.compile(r"[^\W\d_]+(?:\u00ad[^\W\d_]+)*")

#: CSS properties (the common ones of the CSS specifications): a token ``property:value`` (no space after the
#: colon, a lower-case value, a figure or a colour) is a style declaration shown as page text ("display:none",
#: "text-align:center", "color:#333"), not two words. Several declarations with their semicolons are code
#: already (:func:`_skip_token`).
_CSS_PROPERTIES = frozenset(
    "display color background background-color background-image border border-top border-bottom border-left "
    "border-right border-color border-width border-style border-radius margin margin-top margin-bottom "
    "margin-left margin-right padding padding-top padding-bottom padding-left padding-right width height "
    "min-width max-width min-height max-height float clear position top bottom left right overflow "
    "overflow-x overflow-y visibility opacity cursor content font font-size font-weight font-family font-style "
    "line-height text-align text-decoration text-transform text-indent vertical-align white-space "
    "word-wrap word-break letter-spacing z-index list-style list-style-type box-shadow box-sizing outline "
    "transition transform zoom direction filter flex flex-direction justify-content align-items".split()
)
#: CSS keyword values (and the basic colour names): with a figure and its unit or a hex colour, what a declaration's
#: value is ("his position:the best" has a word of prose there).
_CSS_KEYWORDS = frozenset(
    "none block inline inline-block flex grid table hidden visible auto inherit initial unset center left right "
    "top bottom middle justify bold bolder lighter normal italic underline uppercase lowercase capitalize nowrap "
    "pre absolute relative fixed static sticky solid dashed dotted transparent pointer default both collapse "
    "scroll contain cover black white red blue green gray grey silver yellow orange".split()
)
_CSS_DECLARATION = re.compile(
    r"([a-z]+(?:-[a-z]+)*):([a-z]+(?:-[a-z]+)*|#[0-9a-f]{3,8}|-?[0-9.]+[a-z%]*)(?:!important)?;?"
)


def _css_declaration(tok: str) -> bool:
    """Is the token a CSS declaration, a property of :data:`_CSS_PROPERTIES` and a value (a keyword of
    :data:`_CSS_KEYWORDS`, a figure, a hex colour): ``display:none``, ``text-align:center``?"""
    m = _CSS_DECLARATION.fullmatch(tok.strip("\"'()[]{},"))
    if m is None or m.group(1) not in _CSS_PROPERTIES:
        return False
    value = m.group(2)
    return not value[0].isalpha() or value in _CSS_KEYWORDS


def _used_again(text: str, name: str, context: int = 12) -> bool:
    """``name`` occurs twice or more in ``text`` in different places: the words around two of its occurrences
    differ. A passage the page prints twice ("...den Alpen Österreichs.Begegnung mit der Natur" in a teaser and
    again in a list) repeats its glued words with their context; a name spelled with its mark ("One.Tel said",
    "shares of One.Tel") is used again in new sentences."""
    seen: set[tuple[str, str]] = set()
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        seen.add((text[max(0, at - context) : at], text[end : end + context]))
        if len(seen) > 1:
            return True
        at = text.find(name, end)
    return False


def _in_argument_list(text: str, pos: int, reach: int = 200) -> bool:
    """Is ``text[pos]`` inside the brackets of a call or a declaration on one line, opened right after an
    identifier (``LoadMaze(TMaze *maze,char *fname)``, ``f(a,b)``)? Code writes no space after the commas of an
    argument list by choice; prose puts a space before a bracket ("the rule (see below)")."""
    ls = max(text.rfind("\n", 0, pos) + 1, pos - reach)
    depth = 0
    o = pos - 1
    while o >= ls:
        c = text[o]
        if c == ")":
            depth += 1
        elif c == "(":
            if not depth:
                break
            depth -= 1
        o -= 1
    if o < ls or o == 0 or not (text[o - 1].isascii() and (text[o - 1].isalnum() or text[o - 1] == "_")):
        return False
    depth = 0
    for i in range(pos, min(len(text), pos + reach)):
        c = text[i]
        if c == "\n":
            return False
        if c == "(":
            depth += 1
        elif c == ")":
            if not depth:
                return True
            depth -= 1
    return False


def find_glued(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, glue)`` spans of ``word<punct>word`` tokens that lost a space.

    Not a lost space: notation (``(Fe,Mn)``, ``TL;DR``), code (a call ``javascript:void(0)``, a CSS
    selector ``a:hover``), a name written with its mark and used so more than once in the document
    (``One.Tel``), a user name or label alone on its line (``uno,ino``), marks beside letters of scripts
    written without spaces."""
    out = []
    done = -1
    for cpos in _candidates(text):
        ts, te = _token_at(text, cpos)
        if ts <= done:
            continue
        done = ts
        tok = text[ts:te]
        if len(tok) < 5:
            continue
        if _skip_token(tok):
            tail = _address_tail(tok)
            if tail is not None:
                out.append((ts + tail[0], ts + tail[1], "."))
            continue
        if '"' in tok and '="' in text[max(0, ts - 60) : ts]:
            continue  # inside a quoted attribute value (face="verdana,MS Sans Serif,arial")
        unspaced = not tok.isascii() and _UNSPACED_LETTER.search(tok) is not None
        for m in _GLUE.finditer(tok):
            if unspaced and _unspaced_near(tok, m.start(), m.end()):
                continue  # Chinese, Japanese, Thai...: no space is written around marks
            p = m.group(1)
            # _GLUE requires a letter on each side of the mark, so both searches match; a soft hyphen (a
            # hyphenation point, U+00AD) inside a half is part of its word: the span takes the whole word
            left_raw = cast("re.Match[str]", _LEFT_WORD.search(tok, 0, m.start())).group(0)
            right_raw = cast("re.Match[str]", _RIGHT_WORD.match(tok, m.end())).group(0)
            left, right = left_raw.replace("\xad", ""), right_raw.replace("\xad", "")
            if (
                (len(left) <= 3 and len(right) <= 3 and not (_any_stopword(left) or _any_stopword(right)))
                or (p == ":" and len(left) <= 2)
                or (len(left) <= 2 and len(right) <= 2 and left.istitle())
            ):
                continue  # element lists "(Fe,Mn)", "max,min", "TL;DR", "re:Invent": notation ("now,and" is prose)
            after = m.end() + len(right_raw)
            if tok.startswith("(", after) or (p == ":" and (right in _CSS_PSEUDO or _css_declaration(tok))):
                continue  # code: a call ("javascript:void(0)"), a selector ("a.nav:hover"), a style ("display:none")
            if left[0].isupper() and right[0].isupper() and _used_again(text, tok[m.start() - len(left_raw) : after]):
                continue  # a name spelled with its mark, used so again ("One.Tel", "Mul.Apin")
            if p == "," and text[ts - 1 : ts] in ("", "\n") and text[te : te + 1] in ("", "\n") and tok[-1].isalpha():
                continue  # a token alone on its line, unpunctuated, is a user name or a label ("uno,ino")
            if p == "," and "(" in text[max(0, ts - 200) : ts + m.start()] and _in_argument_list(text, ts + m.start()):
                continue  # the parameters of a call or a declaration ("LoadMaze(TMaze *maze,char *fname)")
            if (
                p == ":"
                and unspaced
                and tok[m.start() - 1].isascii()
                and tok[m.end()].isascii()
                and tok[m.end()].islower()
            ):
                continue  # a qualified name or a scheme in CJK text ("要素sm:activationSpec", "・about:home")
            if p == ".":
                if not (right[0].isupper() and right[1:].islower()):
                    continue
                ls = m.start() - len(left_raw)
                if left.islower() and ls >= 2 and tok[ls - 1] == "." and tok[ls - 2].isalnum():
                    continue  # a part of a dotted name ("java.util.Map", "org.example.Config"): one identifier
                if right.lower() in _TLDS and not (len(right) == 2 and _any_stopword(right) and tok.count(".") == 1):
                    continue  # "Amazon.Com"; but "Bitcoin.In order", "herds.At a meeting" open a sentence
                if left.lower() in ABBREVIATIONS or not left[1:].islower() or len(left) + len(right) < 6:
                    continue
            elif p == ";" and left.lower() in BARE_ENTITY_NAMES:
                continue  # an entity that lost its ampersand ("quot;weekend"): ART043 reports it
            elif p == ":":
                if not left.islower() or left.lower() in ("http", "https", "mailto", "ftp", "tel", "urn"):
                    continue
            elif p == "?":
                if not (right[0].isupper() and right[1:].islower()):
                    continue
            elif not (left.isalpha() and right.isalpha()):
                continue
            out.append((ts + m.start() - len(left_raw), ts + m.end() + len(right_raw), p))
        for m in _QUOTE_GLUE.finditer(tok):
            if unspaced and _unspaced_near(tok, m.start(), m.end()):
                continue
            out.append((ts + max(0, m.start() - 3), ts + min(len(tok), m.end() + 3), m.group(0)))
    return out


#: Object, indirect-object and reflexive pronouns that Spanish, Italian and Portuguese write attached to
#: the end of an infinitive, a gerund or an imperative ("explicarlo", "dándole", "farlo", "dámelo").
_CLITICS = frozenset("me te se nos os vos lo la le los las les mi ti si ci vi li gli ne lhe lhes".split())
#: The verb forms those pronouns attach to: an infinitive (``-ar``, ``-er``, ``-ir``: "adicionar", "far"), a gerund
#: ("convirtiendo", "facendo"), or a form whose stress the attached pronouns moved (an accent: "dá", "explíca").
_CLITIC_HOST = re.compile(r"(?:[^\W\d_]+[aeiáéí]r|[^\W\d_]+ndo|[^\W\d_]*[áéíóú][^\W\d_]*)")


def clitic_verb(token: str) -> bool:
    """A lower-case token that is a Romance verb form with one or two pronouns attached ("memorizarlas",
    "adicionarlo", "convirtiendote", "dámelo", "explicármelo"): one word, not two glued. The stem must not be
    a function word ("porlas", "sobrelas", "paralos" stay two words glued)."""
    if not token.islower():
        return False
    sw = stopwords()
    rest = token
    for _ in range(2):
        for n in (4, 3, 2):
            if len(rest) > n + 1 and rest[-n:] in _CLITICS:
                rest = rest[:-n]
                break
        else:
            break
        if _CLITIC_HOST.fullmatch(rest) and not any(rest in sw.get(lg, ()) for lg in ("es", "it", "pt")):
            return True
    return False


@dataclass(frozen=True)
class WhitespaceConfig:
    #: Report sentence openers glued to the previous word (ART031).
    glued_words: bool = True
    #: Use the word lists (wordfreq) to confirm lower-case and capitalised joins in known languages.
    word_lists: bool = True


class MissingWhitespaceCheck(DocumentCheck):
    rules = (ART030, ART031)
    uses = frozenset({"language"})  # passage languages from the language check
    section = "whitespace"
    config_class = WhitespaceConfig
    order = 60

    def check(self, ctx: DocContext) -> Iterable[Finding]:
        text = ctx.text
        out = []
        for s, e, glue in find_glued(text):
            out.append(
                ART030.finding(
                    (s, e),
                    f"missing space after {glue!r} in {text[s:e]!r}",
                    data={"punctuation": glue, "text": text[s:e]},
                )
            )
        if self.config.glued_words:
            lang_of = language_lookup(ctx) if self.config.word_lists else None
            confirmed = confirm_lookup(ctx, lang_of) if lang_of else None
            found = find_camel(text, lang_of, ctx.word_counts, confirmed, ctx.layer, ctx.language)
            post = None
            for s, e, left, right, sev in found:
                if clitic_verb(text[s:e]):
                    continue  # a Romance verb with its pronouns attached is one word ("adicionarlo")
                if sev is Severity.INFO and left[:1].isupper():
                    if post is None:
                        post = informal_post(text)
                    if post:
                        continue  # two capitalised words in a short informal post: a name or tag typed so
                if sev is Severity.WARNING:
                    why = ""
                elif left[0].isupper():
                    why = " (both halves are words, but names and brands are joined so too)"
                else:
                    why = " (both halves are words, but it may be a compound or a new word)"
                out.append(
                    ART031.finding(
                        (s, e),
                        f"words glued after a lost space: {text[s:e]!r} (→ {left} {right})" + why,
                        data={"text": text[s:e], "left": left, "right": right},
                        severity=sev,
                    )
                )
        return out
