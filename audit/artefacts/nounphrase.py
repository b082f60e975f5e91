"""English noun-phrase and verb-chain frames for the injected-keyword check (ART010).

A singular count noun ("site", "store", "shop", "casino") needs something before it that opens its noun
phrase: a determiner ("the store"), a possessive ("Apple's store"), a number with its currency, or
modifiers that themselves follow one ("the new flagship store"). An injected keyword often stands where
no reading of it works: not the head of a noun phrase (nothing opens one), not a verb (the word before
takes no verb: "experts said shop the case", "for service casino in the first quarter"), and it does not
modify the next word (a determiner, a preposition, "who" or a finite verb follows). Two more frames: a
verb keyword after a modal or "to" directly before a verb that is only a verb ("will shop receive", "to
order sue"), and a singular keyword before "are"/"were" after a conjunction ("and buy are expected").

Headlines drop their articles ("Retailer opens flagship store in Ohio"): the noun-phrase frame applies
only inside a sentence that uses an article, an auxiliary or "said" near the keyword. The word classes come from
:mod:`audit.artefacts.wordclass` (the lemma table); closed classes are written by hand there and here.
"""

from __future__ import annotations

import re

from audit.artefacts import wordclass as wc

#: Keywords read as singular count nouns for the noun-phrase frame ("order" is also a mass noun: "restore
#: order in the city"; it joins only after a verb of saying, see :data:`_SAYING`).
#: Only the commercial nouns that are rare in news prose: "deal", "loan" or "coupon" stand bare in
#: finance shorthand ("a 100 mln stg deal", "7-1/4 pct coupon").
_COUNT = frozenset("site store shop casino buy".split())
#: Keywords that can be verbs (base form).
_VERBS = frozenset("order buy shop store site deal loan".split())
#: Verbs of saying and telling: a clause or an object with its own determiner follows them, never a bare
#: "order" ("experts said order the case").
_SAYING = frozenset("said says told tells added argued noted stated warned wrote reported".split())
#: Punctuation of running prose (other symbols before a keyword mark code comments, lists or markup).
_PROSE_MARKS = frozenset({",", ".", "!", "?", ";", ":", '"', "“", "”", "'", "’", "(", ")", "—", "%", "$"})
#: Subordinators after which a subject comes first, never a bare verb ("whether order the states").
_CLAUSE_OPENERS = frozenset("whether if because although though unless whereas while".split())
#: Words after which a noun is the head of its phrase (it cannot modify them): determiners, pronouns,
#: relative words, finite forms of "be"/"have", modals and prepositions.
_HEAD_NEXT = (
    wc.ARTICLES
    | wc.DEMONSTRATIVES
    | wc.POSSESSIVES
    | wc.SUBJECTS
    | wc.OBJECTS
    | wc.MODALS
    | wc.PREPOSITIONS
    | frozenset("who whom whose which whether is are was were has have had to".split())
)


def _head_next(nxt: str) -> bool:
    """Does ``nxt`` show that the noun before it heads its phrase (it cannot modify ``nxt``)? A function
    word of :data:`_HEAD_NEXT`, a number word, or a word that is only an adjective (a noun modifier does not
    stand before an adjective: "in casino recent years")."""
    if nxt in _HEAD_NEXT or nxt in wc.NUMBER_WORDS:
        return True
    return nxt not in wc.CLOSED and wc.classes(nxt) == wc.ADJ


#: Of these, the words a verb keyword cannot take after it ("buy the", "order them" and "shop at" are
#: verbs; "store of", "shop who", "buy were" are not).
_NOT_AFTER_VERB = frozenset("who whom whose of".split())
#: Finite verbs: a verb before one of them ends a relative clause whose subject stands right before it
#: ("the goods we buy are shipped", "what shoppers order has changed").
_FINITE = frozenset("is are was were has have had".split()) | wc.MODALS
#: Tokens that open a noun phrase before its modifiers.
_OPENERS = wc.DETERMINERS | frozenset("one what which whatever whichever".split())
#: Words of running prose that headlines drop: articles, auxiliaries, "said".
_ARTICLE_WORDS = frozenset({"the", "a", "an", "said"}) | wc.BE | wc.HAVE | wc.MODALS
#: Punctuation inside a noun phrase's modifiers (numbers, fractions, quoted words).
_INSIDE_PHRASE = frozenset({"-", "/", '"', "“", "”", "'", "‘", "’", "%"})
#: Tokens after which a capitalised word starts a sentence, a quotation or a clause.
_STARTS = frozenset({".", "!", "?", '"', "“", "‘", "(", ":", ";", "—", "\n"})
_NUMBER = re.compile(r"\d[\d,.]*")
_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
_TOKEN = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*|\d[\d,.]*\d|\d|[^\sA-Za-z\d]")
#: Relative pronouns that can be the subject of a verb right after them ("people who shop").
_RELATIVES = frozenset("who which that what whatever whoever".split())
_IRREGULAR_PLURALS = frozenset("people police data media staff cattle children men women feet teeth".split())
#: Verbs that take a bare infinitive after them ("helped buy", "go shop"), and keywords that do.
_BARE_INF = frozenset("help helps helped helping let lets make makes go come dare".split())


def tokens_before(text: str, start: int, reach: int = 80) -> list[str]:
    """The tokens (words, numbers, punctuation marks) that end before ``start``, nearest last; the first
    token of the window is dropped (it may be the end of a word cut by the window)."""
    lo = max(0, start - reach)
    toks = _TOKEN.findall(text, lo, start)
    return toks[1:] if lo > 0 else toks


def _modifier(tok: str) -> bool:
    """Can ``tok`` be a modifier inside a noun phrase before its head (an adjective, a noun, a participle,
    an adverb of degree, a number, a hyphenated or unknown word)?"""
    if _NUMBER.fullmatch(tok):
        return True
    if not _WORD.fullmatch(tok):
        return "-" in tok and tok[0].isalpha()  # "data-center", "long-term"
    low = tok.lower()
    if low in wc.NUMBER_WORDS:
        return True
    if low in wc.CLOSED:
        return False
    return bool(wc.classes(low) & (wc.NOUN | wc.ADJ | wc.PARTICIPLE | wc.ING | wc.ADV))


def _adjective(tok: str) -> bool:
    """Can ``tok`` be an adjective (or a participle used as one)?"""
    return bool(wc.classes(tok.lower()) & (wc.ADJ | wc.PARTICIPLE)) if _WORD.fullmatch(tok) else "-" in tok


def _verb_form(tok: str) -> bool:
    """A past tense or participle that is not also a noun or an adjective ("said", "opened", "given")."""
    if not _WORD.fullmatch(tok):
        return False
    c = wc.classes(tok.lower())
    return c != wc.ANY and bool(c & (wc.PAST | wc.PARTICIPLE)) and not c & (wc.NOUN | wc.ADJ)


def _opener(tok: str) -> bool:
    low = tok.lower()
    return low in _OPENERS or low.endswith(("'s", "’s")) or tok in ("$", "£", "€", "¥", "'", "’")


def noun_licensed(before: list[str], kw: str) -> bool:
    """Can ``kw``, after the tokens ``before``, head a noun phrase? Yes after a determiner or possessive
    (through up to three modifiers), a name, a conjunction or a preposition that takes a bare noun."""
    if not before:
        return True
    prev = before[-1]
    low = prev.lower()
    if _opener(prev) or (low, kw) in wc.BARE_OK or low in ("by", "per", "and", "or", "nor", "both", "either"):
        return True
    if low == "of" and len(before) > 1 and before[-2].lower() in wc.KIND_OF:
        return True  # "the kind of store that sells everything"
    words = 0
    for i, tok in enumerate(reversed(before)):  # i == 0: the token right before the keyword
        if tok in _INSIDE_PHRASE:
            continue  # "a 7-1/4 pct coupon", "the \"blowtorch\" outlet"
        if tok == "," or tok.lower() in wc.CONJUNCTIONS:
            # an apposition takes a bare noun ("Tapa, site of the worst damage"), a conjunct is licensed
            # with the first one ("omit PYTHONPATH and user site")
            return True
        if i > 0 and _opener(tok) or (tok == "s" and i < len(before) - 1 and before[-i - 2] in ("'", "’", ";")):
            return True
        if _verb_form(tok):
            # a participle modifies a noun only after its own determiner ("the recently opened store"); a past
            # verb is no modifier at all ("experts said order the case")
            k = len(before) - i - 2
            while k >= 0 and _WORD.fullmatch(before[k]) and wc.classes(before[k].lower()) == wc.ADV:
                k -= 1
            name = k > 0 and before[k][:1].isupper() and before[k - 1] not in _STARTS  # "the AWS AppConfig hosted"
            return k >= 0 and (_opener(before[k]) or name)
        if tok[:1].isupper() and _WORD.fullmatch(tok) and i < len(before) - 1 and before[-i - 2] not in _STARTS:
            return True  # a name among the modifiers ("the Wynn casino", "Apple's flagship store")
        words += 1
        if words > 6 or not _modifier(tok):
            # two modifiers or more without a determiner, or an adjective: the register drops articles
            # (technical text: "with system certificate store with", "from remote site should"); a single
            # noun before the keyword leaves a compound without its determiner ("for service casino in")
            return tok.lower() in ("by", "per") or words > 2 or (words == 2 and _adjective(before[-1]))
    return False


def _plural(low: str) -> bool:
    """A plural noun (a subject that takes a base-form verb): "-s" forms and irregular plurals."""
    return low in _IRREGULAR_PLURALS or (len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is")))


def _relative_head(before: list[str]) -> bool:
    """Can the last token of ``before`` be the head of a relative clause that starts after it (a noun, not
    at a sentence start, or "what", "all", "everything")?"""
    if not before:
        return False
    tok = before[-1]
    low = tok.lower()
    if low in wc.FREE_RELATIVE or low.endswith(("'s", "’s")):
        return True
    if not _WORD.fullmatch(tok) or low in wc.CLOSED or (len(before) > 1 and before[-2] in _STARTS):
        return False
    return bool(wc.classes(low) & wc.NOUN)


def verb_possible(before: list[str], kw: str, nxt: str) -> bool:
    """Can ``kw`` be a verb after the tokens ``before`` and before ``nxt``? A base-form verb follows a
    subject pronoun, a plural noun, a modal, "to", "do", a negation, an adverb, a conjunction, a relative
    pronoun, a verb that takes a bare infinitive, or a clause boundary (an imperative); not a singular
    noun ("the council store that") or another verb ("said shop the")."""
    if kw not in _VERBS or nxt in _NOT_AFTER_VERB:
        return False
    if not before:
        return True
    prev = before[-1]
    low = prev.lower()
    if low == "to":
        return True  # an infinitive, also before a finite verb ("the best place to shop is")
    if nxt in _FINITE:
        # a relative clause: its head noun stands before the subject ("the goods we buy are", "the goods
        # consumers buy have"); not a sentence's first words ("Short sellers site have")
        subject = low in wc.PRONOUNS or low in ("you", "i") or (_WORD.fullmatch(prev) is not None and _plural(low))
        return subject and _relative_head(before[:-1])
    if not _WORD.fullmatch(prev):
        return prev in (",", ";", ":", "(", '"', "“", "—", "-", ".", "!", "?")  # a clause or an imperative
    if low in wc.MODALS or low in wc.PRONOUNS or low in wc.DO or low in wc.NEGATIONS or low in wc.CONJUNCTIONS:
        return True
    if low in _RELATIVES or low in _BARE_INF or low in ("to", "please", "you", "i"):
        return True
    pc = wc.classes(low)
    coordinated = any(t.lower() in ("and", "or") for t in before[-4:-1])  # "X and Y store the input"
    return (
        bool(pc & wc.ADV)
        or (bool(pc & wc.NOUN) and (_plural(low) or coordinated))
        or (prev != low and before[-2:-1] != ["."])
    )


def _article_near(before: list[str], after: str) -> bool:
    """Is the sentence running prose (an article, an auxiliary or "said" among the tokens before the keyword
    since the last sentence end, or in the text right after)? Headlines and captions drop them."""
    for tok in reversed(before):
        if tok in (".", "!", "?", "\n"):
            break
        if tok.lower() in _ARTICLE_WORDS:
            return True
    return any(w.lower() in _ARTICLE_WORDS for w in _WORD.findall(after))


def bare_noun_break(before: list[str], kw: str, nxt: str, nxt2: str, after: str) -> bool:
    """A singular count-noun keyword that heads nothing: no determiner opens its noun phrase, it cannot be
    a verb there, and it does not modify the next word (see the module doc). ``before``: the tokens before
    the keyword (nearest last); ``nxt``, ``nxt2``: the next two tokens; ``after``: some text after it."""
    low_prev = before[-1].lower() if before else ""
    count = kw in _COUNT or (
        kw == "order"
        and (
            nxt in ("who", "whom", "whose")
            or (low_prev in wc.BE and wc.classes(nxt) == wc.ADJ)
            or ((low_prev in _SAYING or low_prev in _CLAUSE_OPENERS) and nxt in wc.DETERMINERS | wc.PRONOUNS)
        )
    )
    if not count or not _head_next(nxt):
        return False
    if (
        before
        and not _WORD.fullmatch(before[-1])
        and not _NUMBER.fullmatch(before[-1])
        and before[-1] not in _PROSE_MARKS
    ):
        return False  # after "#", "*", "|", "=": a comment, a list or markup, whose register drops articles
    if before and before[-1][:1].isupper() and len(before) > 1 and before[-2] not in _STARTS:
        return False  # a name before it: no class to judge by ("Wynn casino")
    if nxt in ("is", "was", "has") and not before:
        return False
    if noun_licensed(before, kw) or verb_possible(before, kw, nxt):
        return False
    return _article_near(before, after)


_POSTPOSITIVE_HEAD = re.compile(r"\w*(?:thing|body|one|where)")
#: Verbs of an attribution after a quotation ("...," said Smith).
_ATTRIBUTION = frozenset("said says added asked told wrote explained continued replied recalled".split())


def attribution_break(before: list[str], nxt: str) -> bool:
    """A lower-case keyword between a quotation's closing mark and its attribution verb (\"...," store
    said Smith): only the speaker, a name or a noun phrase with its determiner, stands there."""
    return len(before) > 1 and before[-1] in ('"', "”") and before[-2] in (",", ".", "?", "!") and nxt in _ATTRIBUTION


#: Words after "cheap" that make it the head of a phrase ("cheap enough", "cheap for its size").
_ADJ_COMPLEMENT = frozenset("for to enough as than".split())


def postposed_adjective_break(before: list[str], kw: str, nxt: str) -> bool:
    """ "cheap" after a noun phrase that no verb governs, before a function word ("At a meeting cheap in the
    hall", "above flood stage cheap by Tuesday"): English puts an adjective after its noun only as the
    complement of a verb ("bought the land cheap in 1950") or with a complement of its own ("cheap enough")."""
    if kw != "cheap" or len(before) < 2 or nxt in _ADJ_COMPLEMENT:
        return False
    if not (nxt in wc.PREPOSITIONS or nxt in wc.DETERMINERS or nxt in wc.SUBJECTS or nxt in wc.OBJECTS):
        return False
    prev = before[-1]
    low = prev.lower()
    if prev != low or not _WORD.fullmatch(prev) or low in wc.CLOSED or _POSTPOSITIVE_HEAD.fullmatch(low):
        return False
    pc = wc.classes(low)
    if not pc & wc.NOUN:
        return False
    if pc & wc.VERB:
        # a verb may stand there ("they sell cheap in bulk"): a determiner or an adjective before it makes
        # it a noun ("a meeting", "the first time")
        p2 = before[-2].lower()
        if not (
            _opener(before[-2]) or (p2 not in wc.CLOSED and wc.classes(p2) & (wc.ADJ | wc.NOUN | wc.VERB) == wc.ADJ)
        ):
            return False
    rest = before[:-1]
    while rest and (rest[-1] in _INSIDE_PHRASE or (_modifier(rest[-1]) and not _opener(rest[-1]))):
        rest = rest[:-1]  # the modifiers before the noun
        if len(before) - len(rest) > 4:
            return False
    if rest and _opener(rest[-1]):
        rest = rest[:-1]
    governor = rest[-1].lower() if rest else ""
    return (
        governor in _STARTS or governor == "," or (governor in wc.PREPOSITIONS and governor not in ("with", "without"))
    )


#: Words that stand before every adjective and noun modifier of a noun phrase, right after its determiner
#: ("the first time", "their last seven games", "the same day"); a keyword between them ("the online
#: second half", "their cheap last seven games") is out of place. Not "next" ("the site next door"), "only"
#: ("online only"), "own", nor a number ("the store two doors down").
_PRE_MODIFIERS = frozenset(
    "first second third fourth fifth sixth seventh eighth ninth tenth last same such other".split()
)
#: Verbs with two objects: "gave the store first place" puts the keyword's phrase before another one.
_DITRANSITIVE = frozenset(
    "give gives gave given giving offer offers offered grant grants granted award awards awarded hand handed "
    "send sends sent show shows showed make makes made call calls called name names named".split()
)


def premodifier_break(before: list[str], kw: str, nxt: str) -> bool:
    """A keyword between a determiner and a word that comes first among a noun's modifiers ("in the online
    second half", "six of their cheap last seven games", "the order first time")."""
    if nxt not in _PRE_MODIFIERS or len(before) < 2 or not _opener(before[-1]) or before[-1] in ("'", "’"):
        return False
    gov = before[-2].lower()
    return gov not in _DITRANSITIVE and not gov.endswith(("'s", "’s"))


def verb_chain_break(before: list[str], kw: str, nxt: str) -> bool:
    """A verb keyword after a modal or "to" directly before a word that is only a base-form verb ("will
    shop receive", "to order sue"): English does not chain two bare verbs there (bar "help", "go")."""
    if kw not in _VERBS or not before or before[-1] not in wc.MODALS | {"to"}:
        return False
    if nxt in wc.CLOSED or nxt in _BARE_INF:
        return False
    return wc.classes(nxt) == wc.VERB
