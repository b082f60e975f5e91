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


def _verb_chain(run: list[str]) -> bool:
    """Are ``run`` (the words between a form of "be"/"have" and the keyword) adverbs and then a participle or
    an -ing form that is no noun or adjective ("also examining", "recently opened")?"""
    *adverbs, last = run
    if not all(_WORD.fullmatch(t) and wc.classes(t.lower()) == wc.ADV for t in adverbs):
        return False
    c = wc.classes(last.lower()) if _WORD.fullmatch(last) else 0
    return c != wc.ANY and bool(c & (wc.ING | wc.PARTICIPLE)) and not c & (wc.NOUN | wc.ADJ)


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
        if i > 0 and tok.lower() in ("that", "which", "who") and wc.classes(before[-i].lower()) & wc.THIRD:
            return False  # "a budget that keeps site the": a relative clause's verb, not "that" and a plural
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
        if i > 0 and tok.lower() in wc.BE | wc.HAVE and _verb_chain(before[len(before) - i :]):
            return False  # "are also examining buy whether": the words after "are" are its verb, no modifiers
        if words > 6 or not _modifier(tok):
            # two modifiers or more without a determiner, or an adjective: the register drops articles
            # (technical text: "with system certificate store with", "from remote site should"); a single
            # noun before the keyword leaves a compound without its determiner ("for service casino in")
            return tok.lower() in ("by", "per") or words > 2 or (words == 2 and _adjective(before[-1]))
    return False


def _plural(low: str) -> bool:
    """A plural noun (a subject that takes a base-form verb): "-s" forms and irregular plurals."""
    return low in _IRREGULAR_PLURALS or (len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is")))


#: Words that open a clause that is a subject itself ("how we shop is changing", "whether they buy is").
_CLAUSE_HEADS = frozenset("how where when why whether whoever".split())


def _relative_head(before: list[str]) -> bool:
    """Can the last token of ``before`` be the head of a relative clause that starts after it (a noun, not
    at a sentence start, or "what", "all", "everything")?"""
    if not before:
        return False
    tok = before[-1]
    low = tok.lower()
    if low in wc.FREE_RELATIVE or low in _CLAUSE_HEADS or low.endswith(("'s", "’s")):
        return True  # "what we buy is", "how we shop is changing", "the store's"
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
        if low in ("who", "that") and prev == low:
            return True  # a relative clause of one verb before the main clause's verb ("those who shop will find")
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
    if pc & wc.THIRD and len(before) > 1 and before[-2].lower() in ("that", "which", "who"):
        return False  # "a budget that keeps site the promises": after a relative pronoun "keeps" is its verb
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


#: A subject pronoun or "there" fused with a verb ("there’s", "it's", "they're"): it opens a clause.
_CONTRACTED_SUBJECT = re.compile(r"(?:there|here|it|that|he|she|we|they|you|i)['’](?:s|re|ve|ll|d|m)")
#: Verbs of saying and thinking that take a clause after them (their third-person and past forms).
_CLAUSE_VERBS = _SAYING | frozenset(
    "say tell add argue note state warn write report think believe insist claim "
    "thinks believes insists claims thought believed insisted claimed".split()
)
#: Words that open a clause as its subject (a bare singular noun cannot stand before them).
_CLAUSE_SUBJECTS = frozenset("he she we they i there".split())
#: Finite forms of "be", "have" and "do": after a base-form verb only the end of a relative clause puts
#: one there ("the goods we buy are"; not "Once we store did").
_FINITE_AUX = frozenset("is are was were has had does did".split())
#: Words that head a clause that is itself a subject ("what we buy is", "how we shop is changing").
_SUBJECT_CLAUSE = wc.FREE_RELATIVE | frozenset("how where when why whether whoever who which that".split())
#: Titles before a person's name: a person's name does not modify a noun ("Mayor Darrell Steinberg casino said").
_TITLES = frozenset(
    "Mayor Gov Governor Sen Senator Rep Representative Dr President Judge Justice Secretary Minister Mr Mrs Ms "
    "Coach Prof Professor Sheriff Commissioner Chancellor Rev Sgt Lt Capt Col Adm Attorney Councilman "
    "Councilwoman Councilmember Superintendent Detective Officer Chairman Chairwoman".split()
)
#: Weekdays and months: a time phrase ("on Friday") that no noun continues.
_TIME_NAMES = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June July August "
    "September October November December".split()
)
_TIME_PREPOSITIONS = frozenset("on by since until till last next this early late".split())
#: Words after "past"/"next" that make them the start of a time span ("the past 12 months", "the next few days").
_SPAN_COUNTS = wc.NUMBER_WORDS | frozenset("few several couple".split())


def _finite(word: str) -> bool:
    """A word that can only be a finite verb here: a finite form of "be"/"have"/"do", a modal, or a past tense
    that is no noun or adjective ("said", "agreed", "urged")."""
    if word in _FINITE_AUX or word in wc.MODALS:
        return True
    if not _WORD.fullmatch(word):
        return False
    c = wc.classes(word)
    return c != wc.ANY and bool(c & wc.PAST) and not c & (wc.NOUN | wc.ADJ | wc.ADV | wc.ING)


def _name_run(before: list[str]) -> int:
    """How many tokens at the end of ``before`` form a capitalised name (words with a capital, and the full
    stops of abbreviated titles such as "Gov.")."""
    k = 0
    while k < len(before):
        tok = before[-k - 1]
        if tok == "." and k > 0 and before[-k] != "." and len(before) > k + 1 and before[-k - 2] in _TITLES:
            k += 1
            continue
        if not (_WORD.fullmatch(tok) and tok[:1].isupper() and tok.lower() not in wc.CLOSED):
            break
        k += 1
    return k


def person_subject_break(before: list[str], kw: str, nxt: str) -> bool:
    """A keyword between a person's name and its verb ("Mayor Darrell Steinberg casino said"; after a
    quotation: "...," James shop said"): a name with a title, or the speaker right after a quotation, is a
    person, and a person's name modifies no noun (a brand may: "Apple store said" is not judged)."""
    if not _finite(nxt):
        return False
    k = _name_run(before)
    if k == 0:
        return False
    run = before[len(before) - k :]
    rest = before[: len(before) - k]
    if run[-1].endswith(("'s", "’s", "s'", "s’")):
        return False  # a possessive is the keyword's determiner ("Dr. Smith's shop said")
    if run[0] in _TITLES and k >= 2:
        return not rest or rest[-1].lower() not in wc.DETERMINERS
    # the speaker of an attribution: `," Name KW said`
    return k <= 3 and len(rest) >= 2 and rest[-1] in ('"', "”") and rest[-2] in (",", "?", "!") and nxt in _ATTRIBUTION


#: Indefinite pronouns: they take no noun after them ("nobody shop panicked").
_INDEFINITE = frozenset("nobody everybody somebody anybody everyone someone anyone".split())
#: Determiners of plural (or mass) nouns only, never of a bare singular count noun.
_PLURAL_DETERMINERS = frozenset("many several few both most various numerous".split())


def _sentence_subject(before: list[str]) -> bool:
    """Do the tokens of ``before`` since the sentence start form a short noun phrase that ends on a noun
    (the subject: "Analysts", "Emergency managers", "The analysts"), not "something" or "everything", and
    no verb or -ing form among them ("Keeping prices")?"""
    k = len(before)
    while k > 0 and before[k - 1] not in _STARTS:
        k -= 1
    run = before[k:]
    if not run or len(run) > 4 or k == 0 and len(before) >= 20:
        return False
    last = run[-1].lower()
    if not _WORD.fullmatch(run[-1]) or _POSTPOSITIVE_HEAD.fullmatch(last) or last in wc.CLOSED:
        return False
    for i, tok in enumerate(run):
        low = tok.lower()
        if i == 0 and low in wc.DETERMINERS:
            continue
        c = wc.classes(low) if _WORD.fullmatch(tok) else 0
        if c == wc.ANY or not c & (wc.NOUN | wc.ADJ) or c & (wc.ING | wc.PAST):
            return False
    return bool(wc.classes(last) & wc.NOUN)


#: Prepositions and subordinators that a time phrase may be followed by, but no bare count noun.
_AFTER_TIME = frozenset("after before since until during while when because as at from with".split())
#: What may follow the last name of a list of names ("in Nevada and Idaho, ...").
_AFTER_NAME = re.compile(r"\s*(?:[,.;:)]|$)")


#: Finite forms of "be" and "have" that open a verb chain.
_AUXILIARY = frozenset("is are was were has have had".split())
#: Words that take a "to" infinitive ("expected to rule", "going to buy").
_CATENATIVE = frozenset(
    "expected expect expects going able want wants wanted need needs needed plan plans planned agreed hope hopes "
    "hoped tried try likely unlikely due about used ought refused decided continue continued seem seems seemed "
    "appear appears appeared set".split()
)


def _verb_with_object(nxt: str, nxt2: str) -> bool:
    """Is ``nxt`` a participle or an -ing form that is no adjective, followed by its object's determiner or
    pronoun ("cut their yields", "doing the work"): a verb, not a modifier ("store bought cookies", "casino
    gambling and")?"""
    if not _WORD.fullmatch(nxt) or nxt in wc.CLOSED:
        return False
    c = wc.classes(nxt)
    if c == wc.ANY or not c & (wc.PARTICIPLE | wc.ING) or c & wc.ADJ:
        return False
    return nxt2.lower() in wc.DETERMINERS or nxt2.lower() in wc.OBJECTS


#: Adjectives of size, age and quality: by English adjective order they come before a noun modifier ("the
#: new store rules", never "the store new rules"), and "main" ("the main site road"); classifying adjectives may
#: follow one ("the site legal notice").
_CORE_ADJECTIVES = frozenset(
    "new old young big small large great little long short high low good bad huge tiny vast whole entire main".split()
)


def _name_pair(before: list[str], nxt2: str, after: str) -> bool:
    """``before`` ends on a name and the keyword is followed by "and"/"or" and another name that ends the
    phrase ("from Nevada buy and Idaho,", "Nebraska, Missouri shop and Arkansas,"): a noun after a name
    only heads a compound, and the second name heads none. No determiner before the first name ("the Apple
    store and Google's")."""
    k = _name_run(before)
    if k == 0 or k > 3 or not (nxt2[:1].isupper() and _WORD.fullmatch(nxt2)) or nxt2.lower() in wc.CLOSED:
        return False
    rest = before[: len(before) - k]
    if before[-1].endswith(("'s", "’s")):
        return False  # "from Nevada's shop and Idaho's": a possessive determiner
    if not rest or rest[-1] in _STARTS or rest[-1].lower() in wc.DETERMINERS or rest[-1].endswith(("'s", "’s")):
        return False
    i = after.find(nxt2)
    return i >= 0 and _AFTER_NAME.match(after, i + len(nxt2)) is not None


def clause_break(before: list[str], kw: str, nxt: str, nxt2: str, after: str = "") -> bool:
    """Frames in which a keyword splits a clause at a point that only a parse of the words around it shows
    (the cases each have a must-flag and a must-not-flag test in ``tests/cases/ART010.json``):

    * a bare count noun after a verb of saying, before the subject of the reported clause ("Casillas says
      shop there's", "said store they");
    * a bare noun after a comma before "who" ("The Celtics, shop who entered"), or "casino" before a
      determiner (", casino this indiscriminate enforcement");
    * inside "up to" before an amount ("up buy to $10,000");
    * between a determiner and "past"/"next" that open a time span ("over the buy past 12 months");
    * a bare verb after "we"/"they"/"I"/"you" before a finite auxiliary, outside a relative clause ("Once we
      store did");
    * a verb keyword after a modal and a verb, before an object ("can e-mail store the team");
    * a keyword after a time phrase ("on Friday"), before a finite verb ("The Supreme Court on Friday
      online agreed");
    * a keyword between a person's name and its verb (:func:`person_subject_break`);
    * a bare noun after a comma (or a comma and a closing quotation mark) before a subject pronoun ("the
      city," site he said)."""
    if not before:
        return False
    prev = before[-1]
    low = prev.lower()
    if low in _CLAUSE_VERBS and prev == low and kw in _COUNT | {"order"}:
        if nxt in _CLAUSE_SUBJECTS or _CONTRACTED_SUBJECT.fullmatch(nxt):
            return True
    if prev == "," and nxt in ("who", "whom") and kw in _COUNT | {"order"}:
        return True
    if prev == "," and kw == "casino" and nxt in wc.ARTICLES | wc.DEMONSTRATIVES | wc.POSSESSIVES:
        return True
    if low == "up" and nxt == "to" and (nxt2 in ("$", "£", "€") or _NUMBER.fullmatch(nxt2) or nxt2 in wc.NUMBER_WORDS):
        return True
    if nxt in ("past", "next") and _opener(prev) and (_NUMBER.fullmatch(nxt2) or nxt2 in _SPAN_COUNTS):
        return True
    if low in ("we", "they", "i", "you") and kw in _VERBS and nxt in _FINITE_AUX:
        p2 = before[-2] if len(before) > 1 else ""
        relative = p2.lower() in _SUBJECT_CLAUSE or (
            _WORD.fullmatch(p2) is not None and p2.lower() not in wc.CLOSED and bool(wc.classes(p2) & wc.NOUN)
        )
        if not relative:
            return True
    if (
        kw in _VERBS
        and len(before) > 1
        and before[-2] in wc.MODALS
        and (nxt in wc.DETERMINERS or nxt in wc.OBJECTS)
        and low == prev
        and low not in wc.CLOSED
        and low not in _BARE_INF
        and (_WORD.fullmatch(prev) or "-" in prev)
    ):
        c = wc.classes(low)
        if c != wc.ANY and c & wc.VERB and not c & wc.ADV:
            return True
    if kw in _COUNT and _opener(prev) and prev not in ("'", "’") and nxt in _CORE_ADJECTIVES:
        c2 = wc.classes(nxt2.lower()) if _WORD.fullmatch(nxt2) and nxt2.islower() else 0
        if c2 != wc.ANY and c2 & wc.NOUN and not c2 & (wc.ADJ | wc.VERB):
            return True  # "the store new directives": a noun modifier stands after these adjectives, not before
    if kw in _COUNT | {"order"} and low in _INDEFINITE and _finite(nxt):
        return True  # "Nobody shop panicked": "nobody" takes no noun after it, and "shop" is no past verb
    # a closing quotation mark after a comma ends the same clause ("... the city," site he said)
    comma = prev == "," or (prev in ('"', "”") and len(before) > 1 and before[-2] == ",")
    if comma and kw in _COUNT | {"order"} and nxt in wc.SUBJECTS:
        return True  # "In a note to clients, shop they said": no noun phrase ends on a bare noun there
    if kw in _COUNT and low in _PLURAL_DETERMINERS and prev == low and _head_next(nxt) and nxt != "of":
        # "the most buy since", "many casino in": a determiner of plural nouns before a bare singular one; "most
        # shop online" is a verb after "most" (most people), unless a determiner makes "most" an adverb
        if kw == "casino" or (len(before) > 1 and before[-2].lower() in wc.DETERMINERS):
            return True
    if kw == "cheap" and _finite(nxt) and _sentence_subject(before):
        return True  # "Analysts cheap were cautious": an adjective after the subject's noun, before its verb
    if prev in _TIME_NAMES and len(before) > 1 and before[-2].lower() in _TIME_PREPOSITIONS:
        if _finite(nxt):
            return True
        # "rose 9.1% on Thursday buy after the company": a bare noun after a time phrase inside the sentence
        if kw in _COUNT and nxt in _AFTER_TIME and len(before) > 2 and before[-3] not in _STARTS:
            return True
    if kw in _COUNT and low in _AUXILIARY and prev == low and _verb_with_object(nxt, nxt2):
        return True  # "has site cut their yields", "are buy doing": only an adverb splits the verb chain
    if kw in ("casino", "cheap") and low == "to" and len(before) > 1 and before[-2].lower() in _CATENATIVE:
        return True  # "are expected to casino rule": an infinitive's "to" takes a verb
    if kw == "order" and low in wc.BE and prev == low and nxt == "to":
        return True  # "Our goal is order to have": "in order to" without its "in"
    if kw == "cheap" and prev == "," and nxt in wc.ARTICLES | wc.DEMONSTRATIVES | wc.POSSESSIVES:
        return True  # "on record, cheap the Carrington Event": an adjective that no noun follows
    if kw in _COUNT and nxt in ("and", "or") and _name_pair(before, nxt2, after):
        return True
    return person_subject_break(before, kw, nxt)


#: Keywords that are only nouns ("casino", "pharmacy"): never a verb, adjective or adverb.
_NOUN_ONLY = frozenset("casino pharmacy coupon promo outlet replica essay viagra cialis".split())
#: Adverbs that stand between a form of "be" and its participle ("is now estimated", "are often used").
_CHAIN_ADVERBS = frozenset("now often usually always also still already later".split())
#: Adverbs of degree that take an adjective or an adverb after them, never a noun or a verb ("very
#: effective"); after a determiner "very" is an adjective ("the very site"), which the frame leaves out.
_DEGREE_ONLY = frozenset("very extremely fairly highly somewhat increasingly".split())
#: Object pronouns (not "her", also a possessive): a noun or an adjective does not stand before one.
_OBJECT_PRONOUNS = frozenset("him them us me".split())
#: Finite auxiliaries and modals after a subject ("it is", "it will").
_SUBJECT_VERBS = _FINITE_AUX | wc.MODALS


def _participle_only(word: str) -> bool:
    """A past participle or past tense that is no noun, adjective or adverb ("dominated", "called")."""
    if not _WORD.fullmatch(word) or word in wc.CLOSED:
        return False
    c = wc.classes(word)
    return c != wc.ANY and bool(c & wc.PARTICIPLE) and not c & (wc.NOUN | wc.ADJ | wc.ADV)


def _be_before(before: list[str]) -> bool:
    """Do the tokens ``before`` end on a lower-case form of "be", directly or before one adverb of
    :data:`_CHAIN_ADVERBS` ("is", "was also")?"""
    if before[-1] in wc.BE:
        return True
    return len(before) > 1 and before[-1] in _CHAIN_ADVERBS and before[-2] in wc.BE


def _adverb(word: str) -> bool:
    """An adverb that splits a verb chain: one of :data:`_CHAIN_ADVERBS`, or a word that is only an adverb
    ("reportedly", "later")."""
    if word in _CHAIN_ADVERBS:
        return True
    return _WORD.fullmatch(word) is not None and word not in wc.CLOSED and wc.classes(word) == wc.ADV


def function_word_break(before: list[str], kw: str, nxt: str, nxt2: str) -> bool:
    """Frames in which the function words around a keyword leave it no reading (each has a must-flag and a
    must-not-flag case in ``tests/cases/ART010.json``):

    * a bare noun between a form of "be" (or "be" and an adverb) and a participle that is only a verb form,
      directly or after an adverb ("is order dominated by", "were order called", "is site now estimated",
      "was also store known as"), and "cheap" there when an adverb follows it ("was cheap reportedly
      built"): only an adverb splits the passive;
    * a bare noun between a form of "be" and an -ing form with its object ("are order monitoring the count");
    * a noun or base-form verb after the subject "it" before a finite auxiliary or modal ("than it order is",
      "says it buy is"), and an adjective after a sentence's first word "It" ("It cheap was shown"): "it"
      takes "orders", and no noun or adjective follows it;
    * a noun or verb after an adverb of degree ("is very order effective");
    * a noun-only keyword or an adjective before an object pronoun ("stopped casino him");
    * any keyword before "ago", which follows only its time span ("5,400 years buy ago")."""
    if nxt == "ago":
        return True
    if not before:
        return False
    prev = before[-1]
    low = prev.lower()
    start = len(before) < 2 or before[-2] in _STARTS
    if prev != low and not (start and low == "it"):
        return False  # a name: no class to judge by
    noun = kw in _COUNT or kw == "order"
    if _be_before(before) and (noun or kw == "cheap"):
        if noun and _participle_only(nxt):
            return True
        if _adverb(nxt) and _participle_only(nxt2):
            return True
        if (
            noun
            and nxt.endswith("ing")
            and nxt not in wc.CLOSED
            and (nxt2 in wc.DETERMINERS or nxt2 in _OBJECT_PRONOUNS)
        ):
            c = wc.classes(nxt)
            if c != wc.ANY and c & wc.ING:
                return True
    if (
        low == "it"
        and nxt in _SUBJECT_VERBS
        and (noun or kw in _NOUN_ONLY or (prev == "It" and kw in ("cheap", "online")))
    ):
        return True
    if low in _DEGREE_ONLY and (noun or kw in _NOUN_ONLY):
        p2 = before[-2].lower() if len(before) > 1 else ""
        if p2 not in wc.DETERMINERS and not p2.endswith(("'s", "’s")):
            return True
    return nxt in _OBJECT_PRONOUNS and (kw in _NOUN_ONLY or kw in ("cheap", "online"))
