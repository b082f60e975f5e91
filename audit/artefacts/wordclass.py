"""English word classes for the injected-keyword check (ART010): which classes a word *can* take.

Open classes (noun, verb, adjective, adverb, auxiliary) come from the lemma table that the
``lemminflect`` package ships (derived from the NIH SPECIALIST Lexicon, MIT-licensed package, data
bundled in the wheel, nothing downloaded at run time): about 70,000 English word forms, each with the
classes it can take ("store": noun, verb; "cheap": adjective; "already": adverb). Closed classes
(determiners, pronouns, prepositions, conjunctions, modals, forms of "be", "have" and "do") are written
by hand below. The table is read lazily, on the first English keyword frame that needs it (about 0.15 s
and 8 MB once per process); without the package the class frames are skipped.

:func:`class_frame_break` asks whether a keyword inserted between two words can take any of the
readings English gives it there (a noun or adjective before its noun, a head noun after its determiner,
a verb after its subject or auxiliary, an adjective or adverb after a verb or noun); a keyword with no
possible reading breaks the syntax.
"""

from __future__ import annotations

import gzip
import importlib.util
import marshal
import os
import re
from functools import lru_cache

NOUN, VERB, ADJ, ADV = 1, 2, 4, 8
#: verb forms: past tense, past participle, present participle (-ing), third person singular (-s)
PAST, PARTICIPLE, ING, THIRD = 32, 64, 128, 256
PLURAL = 512
#: every open class: what an unknown word may be
ANY = NOUN | VERB | ADJ | ADV | PAST | PARTICIPLE | ING | THIRD | PLURAL
_VERB_FORMS = (PAST, PARTICIPLE, ING, THIRD)


@lru_cache(maxsize=1)
def lexicon() -> dict[str, int] | None:
    """Lower-case word form -> bit set of the classes and forms it can take, or None without ``lemminflect``.

    Read from the package's inflection table (one line per lemma and class: ``store,verb,stored,stored,
    storing,stores``), so each inflected form knows its form too (past tense or participle). The built
    table is kept in the cache folder of the word lists (``audit.language.wordlists.cache_dir``), named by
    the source file's size and time, and read back from there (about 0.02 s instead of 0.1 s)."""
    # the package is located, not imported (its import loads modules this module does not use)
    spec = importlib.util.find_spec("lemminflect")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = os.path.join(list(spec.submodule_search_locations)[0], "resources", "infl_lu.csv.gz")
    try:
        st = os.stat(path)
        cached = _cache_path(st)
        if cached is not None:
            try:
                with open(cached, "rb") as fh:
                    table = marshal.loads(fh.read())  # marshal.load(fh) reads object by object: 10x slower
                if isinstance(table, dict):
                    return table
            except (OSError, EOFError, ValueError, TypeError):
                pass
        with open(path, "rb") as fh:
            raw = fh.read()
    except OSError:
        return None
    table = _parse(raw)
    if cached is not None:
        try:
            os.makedirs(os.path.dirname(cached), exist_ok=True)
            tmp = f"{cached}.{os.getpid()}.tmp"
            with open(tmp, "wb") as fh:
                marshal.dump(table, fh)
            os.replace(tmp, cached)
        except OSError:
            pass
    return table


def _cache_path(st: os.stat_result) -> str | None:
    from audit.language.wordlists import cache_dir

    folder = cache_dir()
    if folder is None:
        return None
    return os.path.join(folder, "lemminflect", f"infl_lu-{st.st_size}-{st.st_mtime_ns}-{_FORMAT}.marshal")


#: The cached table's layout version (bump when the bits or the parsing change).
_FORMAT = 1


def _parse(raw: bytes) -> dict[str, int]:
    out: dict[str, int] = {}
    get = out.get
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        parts = line.split(",")
        lemma, cls, forms = parts[0], parts[1], parts[2:]
        if cls == "noun":
            out[lemma] = get(lemma, 0) | NOUN
            for f in forms[0].split("/") if forms else ():
                if f:
                    out[f] = get(f, 0) | NOUN | PLURAL
        elif cls == "verb":
            out[lemma] = get(lemma, 0) | VERB
            if len(forms) > 1 and not forms[1]:
                forms = [forms[0], *forms[:1], *forms[2:]]  # an empty participle slot: the same as the past
            for bit, slot in zip(_VERB_FORMS, forms, strict=False):
                for f in slot.split("/"):
                    if f:
                        # a third-person form is also read as a plural noun: most verbs have a noun ("acts"),
                        # and the table misses some nouns
                        if bit == THIRD:
                            bit |= NOUN | PLURAL
                        elif bit == PAST and f.endswith("ed"):
                            bit |= PARTICIPLE  # "learned": the table gives only "learnt" as the participle
                        out[f] = get(f, 0) | VERB | bit
        elif cls in ("adj", "adv"):
            bit = ADJ if cls == "adj" else ADV
            for f in (lemma, *(f for slot in forms for f in slot.split("/"))):
                if f:
                    out[f] = get(f, 0) | bit
    return out


def available() -> bool:
    return lexicon() is not None


# Closed classes, by hand.
ARTICLES = frozenset("the a an".split())
DEMONSTRATIVES = frozenset("this that these those".split())
POSSESSIVES = frozenset("my your his her its our their whose".split())
QUANTIFIERS = frozenset(
    "every each no some any all both another either neither several many few much most more less fewer".split()
)
DETERMINERS = ARTICLES | DEMONSTRATIVES | POSSESSIVES | QUANTIFIERS
SUBJECTS = frozenset("i he she we they".split())
OBJECTS = frozenset("me him us them".split())
PRONOUNS = SUBJECTS | OBJECTS | frozenset("you it".split())
PREPOSITIONS = frozenset(
    "of in on at for with from by into onto about over under after before between during through against without "
    "within among across since until than per via upon toward towards behind beyond despite amid throughout "
    "near along around above below beneath beside besides inside outside unlike like".split()
)
CONJUNCTIONS = frozenset("and or but nor".split())
SUBORDINATORS = frozenset(
    "that which who whom whose when where while whereas because although though if unless whether as once "
    "what why how".split()
)
MODALS = frozenset("will would shall should can could may might must".split())
BE = frozenset("is are was were be been being am".split())
HAVE = frozenset("has have had having".split())
DO = frozenset("do does did".split())
NEGATIONS = frozenset("not never".split())
NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand "
    "million billion trillion".split()
)
CLOSED = (
    DETERMINERS
    | PRONOUNS
    | PREPOSITIONS
    | CONJUNCTIONS
    | SUBORDINATORS
    | MODALS
    | BE
    | HAVE
    | DO
    | NEGATIONS
    | NUMBER_WORDS
    | frozenset({"to", "there", "not"})
)


def classes(word: str) -> int:
    """The open classes a lower-case word can take: ``ANY`` for a word the table does not know (a rare,
    new or misspelt word may be anything), 0 for a closed-class word."""
    low = word.lower()
    if low in CLOSED:
        return 0
    lex = lexicon()
    if lex is None:
        return ANY
    return lex.get(low, ANY)


#: Singular count nouns among the keywords: as the head of a noun phrase they need a determiner, an
#: adjective or a noun before them ("click" and "download" are not: "on click", "after download").
COUNT_KEYWORDS = frozenset("site store shop casino deal loan coupon essay outlet pharmacy promo replica buy".split())
#: Prepositions that take one of these nouns bare in a set phrase ("in order", "on site", "for sale", "on
#: loan", "available for download"), and the ones that take any count noun bare ("sales by store", "per site").
#: ``SET_PHRASES`` are the ones the spam check's own frames allow too.
SET_PHRASES = frozenset(
    {
        ("in", "order"),
        ("on", "order"),
        ("by", "order"),
        ("of", "order"),
        ("on", "site"),
        ("off", "site"),
        ("in", "store"),
        ("in", "shop"),
        ("on", "sale"),
        ("for", "sale"),
    }
)
BARE_OK = SET_PHRASES | {("on", "loan"), ("for", "download")}
_DISTRIBUTIVE = frozenset({"by", "per"})
#: Nouns before "of" that take a bare count noun after it ("the kind of store that ...").
KIND_OF = frozenset("kind kinds type types sort sorts form forms style version manner brand line".split())
#: Verbs that take a bare infinitive ("helped buy the land", "let them shop", "go shop").
_BARE_INF = frozenset("help helps helped helping let lets make makes go come dare rather".split())
#: Determiners that take a plural or mass noun, never a singular count noun ("many casino", "much store");
#: not "hundred", "million" (a quantity before its noun: "a $35 million loan"), nor "less" ("one less site").
_NOT_SINGULAR = frozenset(
    "many several few fewer both these those much various numerous multiple two three four five six seven eight "
    "nine ten eleven twelve twenty thirty forty fifty".split()
)
_MULTIPLIERS = frozenset("hundred thousand million billion trillion".split())
#: Words that stand before a singular count noun: determiners that take one, interrogatives ("which shop").
_SINGULAR_DET = (DETERMINERS - _NOT_SINGULAR) | frozenset("which what whichever whatever one".split())
_POSTPOSITIVE_HEAD = re.compile(r"\w*(?:thing|body|one|where)")
_PARTICIPLE_SUFFIX = re.compile(r"\w{2,}(?:ed|en|ing)")
#: Words after which "he"/"she" takes a base-form verb: a modal or "do" before the subject (a question:
#: "would she buy"), a subjunctive ("demanded that he order"), "let"/"make"/"help" + object... ("let him").
_BASE_VERB_AFTER = MODALS | DO | frozenset("that lest if whether".split())
FREE_RELATIVE = frozenset("what whatever all everything anything something whichever".split())
#: A number after a currency sign or a determiner is a quantity before its noun ("a $500 loan").
_CURRENCY = frozenset("$ £ € ¥".split())
_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
_NUMBER = re.compile(r"\d[\d,.]*")
_YEAR = re.compile(r"1[5-9]\d\d|20\d\d")
#: Tokens after which a capitalised word starts a sentence (or a quotation, a line).
_SENTENCE_START = frozenset({"", ".", "!", "?", '"', "“", "‘", "(", ":", ";", "—", "\n"})


def _participle(word: str) -> bool:
    """A past or present participle, which may modify a noun ("reported cases", "operating costs")."""
    c = classes(word)
    return bool(c & (PARTICIPLE | ING)) or (c == ANY and bool(_PARTICIPLE_SUFFIX.fullmatch(word)))


def _finite_verb(word: str) -> bool:
    """A modal, or a word that can only be a finite verb ("gave", "warn", "said"): no noun, adjective or
    adverb reading, no -ing form, not a participle only ("seen")."""
    if word in MODALS:
        return True
    c = classes(word)
    if c & PARTICIPLE and not c & PAST:
        return False  # "seen", "given": a participle only
    return c != ANY and not c & (NOUN | ADJ | ADV | ING) and bool(c & VERB)


def _nominal(token: str) -> bool:
    """Can ``token`` be (or start) a noun phrase's noun or adjective? True for "" (no token: unknown)."""
    if not token:
        return True
    if not _WORD.fullmatch(token):
        return bool(_NUMBER.fullmatch(token))
    return bool(classes(token) & (NOUN | ADJ | ING))


#: Keywords that start with a vowel sound ("an order", "an online ..."); the others take "a" ("a site").
_VOWEL_KEYWORDS = frozenset("order orders online outlet essay".split())
#: Keywords read letter by letter or otherwise unsure: no article test.
_NO_ARTICLE_TEST = frozenset({"seo"})


#: First letters whose sound is sure: a vowel ("an apple"), a consonant ("a pilot"); "u", "h" and "y" can
#: go either way ("a university", "an hour"), and so can "one", "once", "eu-", "ewe".
_VOWEL_START = re.compile(r"(?!one\b|once\b|eu|ewe)[aeio]")
_CONSONANT_START = frozenset("bcdfgjklmnpqrstvwxz")


def article_mismatch(article: str, kw: str, nxt: str) -> bool:
    """Does the indefinite article disagree with the keyword after it while it fits the word after the
    keyword ("a order pilot program", "an casino important")? Edited English writes "an" before a vowel
    sound and "a" before a consonant: an injected keyword keeps the article written for the next word (a
    mismatch that fits neither word is a plain slip, "an replica of")."""
    if kw in _NO_ARTICLE_TEST or not nxt or nxt in CLOSED:
        return False  # the article was written for a content word ("an replica of": a slip, not an insertion)
    if article == "a":
        return kw in _VOWEL_KEYWORDS and nxt[0] in _CONSONANT_START
    if article == "an":
        return kw not in _VOWEL_KEYWORDS and bool(_VOWEL_START.match(nxt))
    return False


def comma_frame_break(kw: str, nxt: str) -> bool:
    """Is the singular keyword ``kw``, right after a comma, the subject of a plural verb (", store are
    becoming", ", order were")? A singular noun does not take "are", "were" or "have"; informal text may
    drop the determiner (", site is down"), so a singular verb is no evidence."""
    return nxt in ("are", "were", "have") and (kw in COUNT_KEYWORDS or kw == "order")


def class_frame_break(prev2: str, prev: str, kw: str, nxt: str, nxt2: str) -> bool:
    """Can the English keyword ``kw`` take none of its readings between the tokens ``prev`` and ``nxt``?
    ``prev2`` and ``nxt2`` are the tokens beyond them (words, numbers or punctuation; "" where unknown);
    ``prev`` keeps its case.

    Readings: a modifier of the next word (a noun or adjective before a noun or adjective, or before a
    participle that modifies its own noun: "casino workers", "cheap imported steel"); a head noun after a
    determiner, adjective, noun or a participle with its determiner, or bare where a count noun may stand
    bare ("in store", "by site", "kind of shop"); a verb after a subject, a modal, "to", an adverb or a
    conjunction, not before a finite verb; an adjective or adverb after a verb, an adverb, an adjective
    ("available online") or a noun ("land cheap"), but before a finite verb only after its head
    ("something cheap will", "users online said")."""
    low = prev.lower()
    start = prev2 in _SENTENCE_START
    if (prev == low or (start and prev in ("A", "An"))) and article_mismatch(low, kw, nxt):
        return True  # "a order pilot program", "A online large contingent" (a sentence's first word)
    lex = lexicon()
    if lex is None:
        return False
    if not prev:
        return False
    if prev != low and not (start and (low in CLOSED or low in lex)):
        return False  # a name: no class to judge by (a sentence's first word is read in lower case)
    if nxt in CONJUNCTIONS:
        return False  # a coordination ("a cheap and quick way")
    nc = classes(nxt)
    kc = classes(kw)
    p2 = prev2.lower()
    noun_kw = bool(kc & NOUN) and not kc & ADJ
    if low in ("he", "she") and kc & VERB and not kc & ADV and not kw.endswith("s") and p2 not in _BASE_VERB_AFTER:
        return True  # "she shop said", "he order the": a third-person subject takes "shops", "orders"
    if (
        low in MODALS
        and prev == low
        and nxt in ("be", "have")
        and not kc & ADV
        and not start
        and p2 not in SUBORDINATORS
    ):
        return True  # "investors should store be careful": only an adverb stands there (not a question's subject,
        # "when will order be restored")
    if (low in HAVE or low in BE) and prev == low and nc & PARTICIPLE and not nc & (PAST | NOUN | ADJ | ADV):
        # only an adverb stands between "have"/"be" and a participle that is nothing else ("have store seen",
        # "was casino given")
        if not kc & ADV:
            return True
    if nc & (NOUN | ING) or nxt in NUMBER_WORDS:
        return False  # a modifier of the next word ("casino workers", "cheap flights", "casino gambling")
    if nc & ADJ and (not noun_kw or _nominal(nxt2)):
        return False  # before an adjective and its noun ("store legal authority"), or an adjective's adverb
    if _participle(nxt) and _nominal(nxt2):
        return False  # a modifier of a participle before its noun ("cheap imported steel")
    number = bool(_NUMBER.fullmatch(prev))
    pc = 0 if number else classes(low)
    # a capitalised word (not an acronym: "TV rights deal") that is no function word is a name: no adjective or
    # adverb, and the subject of an -s form after it ("Senator Hill says site the", "The Navy operates casino
    # only": a verb, not a plural noun)
    name2 = bool(_WORD.fullmatch(prev2)) and prev2 != p2 and p2 not in CLOSED and prev2[1:] == p2[1:]
    if p2 in MODALS or p2 in SUBJECTS:
        pc &= VERB | ADV | PAST | THIRD  # after "will" or "she" a verb or an adverb follows, not a noun
    elif not (
        p2 in DETERMINERS
        or _NUMBER.fullmatch(prev2)
        or (_WORD.fullmatch(prev2) and not name2 and classes(p2) & (ADJ | ADV))
    ):
        pc &= ~(PARTICIPLE | ING)  # a participle before a noun needs its own determiner ("an indicated coupon")
    if name2 and pc & THIRD:
        pc &= ~(NOUN | PLURAL)
    if kc & NOUN:
        if kw not in COUNT_KEYWORDS:
            return False  # a mass or plural noun stands bare
        if (
            pc & (NOUN | ADJ | PARTICIPLE | ING)
            or low in _SINGULAR_DET
            or low in _MULTIPLIERS
            or (number and (prev in ("1", "0") or _YEAR.fullmatch(prev) or p2 in _CURRENCY or p2 in DETERMINERS))
            # a number after a capitalised word that is no function word ends a name ("Launch Complex 39
            # site", "Route 66 store"), which modifies the noun after it
            or (number and prev2[:1].isupper() and p2 not in CLOSED)
            or (low in CONJUNCTIONS and not start)
            or low in _DISTRIBUTIVE
            or (low, kw) in BARE_OK
            or (low == "of" and p2 in KIND_OF)
            or low.endswith(("'s", "’s"))
            or (nxt in PREPOSITIONS | {"to"} and nxt2 == kw)  # "from store to store"
        ):
            return False
    # a verb before a finite verb only ends a relative clause whose head stands before its subject ("the
    # goods we order arrive", "what they buy matters")
    relative = _nominal(prev2) or p2 in FREE_RELATIVE
    if kc & VERB and not (_finite_verb(nxt) and not _nominal(nxt2) and not relative):
        if (
            pc & (NOUN | ADV)
            or low in MODALS
            or low in PRONOUNS
            or low in DO
            or low in NEGATIONS
            or low in CONJUNCTIONS
            or low in SUBORDINATORS
            or low in _BARE_INF
            or low in ("to", "please")
        ):
            return False
    if kc & (ADJ | ADV):
        if _finite_verb(nxt) and not (low in BE and classes(nxt) & PARTICIPLE):
            # after "be" a past form is a participle, not a finite verb ("prices are cheap compared with"); an
            # adjective before a finite verb follows the head it describes ("something cheap will", "users
            # online said"); "online" is also an adverb after a noun
            return not (_POSTPOSITIVE_HEAD.fullmatch(low) or (kw == "online" and (pc & NOUN or low in PRONOUNS)))
        if pc & (VERB | ADV | ADJ | NOUN) or low in PRONOUNS or low in BE or low in HAVE or low in NEGATIONS:
            return False
        if low in ("as", "so", "too", "how", "that", "to"):
            return False
        if kw == "online" and low in PREPOSITIONS:
            return False  # "from online to in-store": "online" as a noun
    return True


#: A singular noun keyword right after a comma, before a lower-case word (see :func:`comma_frame_break`).
COMMA_FRAME_RE = re.compile(
    r"(?<=[a-z\d)],[ \t])(?P<kw>"
    + "|".join(sorted(COUNT_KEYWORDS | {"order"}, key=len, reverse=True))
    + r")[ \t]+(?P<next>[a-z]+)\b"
)
_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|\d[\d,.]*\d|\d|[^\sA-Za-z\d]")


def token_before(text: str, start: int, reach: int = 40) -> str:
    """The token (word, number or punctuation mark) that ends right before ``start``, "" at the text start."""
    toks = _TOKEN.findall(text, max(0, start - reach), start)
    return toks[-1] if toks else ""


def token_after(text: str, end: int, reach: int = 40) -> str:
    """The token that starts after ``end`` (spaces skipped), "" at the text end."""
    m = _TOKEN.search(text, end, end + reach)
    return m.group(0) if m else ""
