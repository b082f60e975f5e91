"""Truncation: passages or documents cut mid-word or mid-sentence, dangling ".." and
quotes opened just before a cut.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, islice
from operator import methodcaller
from typing import Iterable, Iterator

from audit.artefacts.common import (
    ATTRIBUTION_DASHES,
    COMPOUND_LANGS,
    OTHER_TERMINAL,
    POST_CHARS,
    UNMARKED_SCRIPT_RE,
    WORDFREQ_LANGS,
    guess_language,
    has_word_lists,
    informal_post,
    is_line_start_bullet,
    language_of_counts,
    list_zipf,
    lists_confirm,
    stopwords,
    words,
    zipf,
)
from audit.chars import ANSI_RE
from audit.layout import NEVER_FINAL, Paragraph
from audit.model import Category, Finding, Severity, Span
from audit.rules import DocContext, DocumentCheck, Rule
from audit.segment import ABBREVIATIONS, PREFIX_ABBREVIATIONS

ART020 = Rule(
    id="ART020",
    name="truncated-text",
    category=Category.ARTEFACT,
    severity=Severity.WARNING,
    description="A prose passage (or the whole document) stops mid-word or mid-sentence, without final punctuation.",
    flags=(
        "A spokesman said new guidelines were being written and would likely come into effect by the end o",
        "Trump's campaign pledge to oversee mass deportations of immigrants is taking shape,",
    ),
    not_flags=(
        "Consequences for Immigrant Populations and Public Safety in Los Angeles",
        "- Strengthening interagency cooperation to circumvent sanctuary city protections",
        "Los Angeles | Sanctuary City | 27% |",
        "Photo: Protesters outside City Hall on Tuesday",
    ),
)

ART021 = Rule(
    id="ART021",
    name="dangling-double-period",
    category=Category.ARTEFACT,
    severity=Severity.INFO,
    description="A sentence ends in `..` (not an ellipsis) and a new one begins, or a `..` after an abbreviation "
    "stands inside a sentence: a full stop typed twice, or a cut marked with `..`. Info: on real text these are "
    "typos; informal ellipses (before lower case, twice or more in a document, in a reader's comment) and an "
    "abbreviation's dot before the full stop that ends its sentence are not reported.",
    flags=("...and giving rise to civil rights.. Later", "Shares of Nvidia Corp.. rose 9%."),
    not_flags=(
        "He paused... then spoke.",
        "She works for Acme Inc.. All rights reserved.",
        "What was needed.. was not more rules.",
    ),
)


ART022 = Rule(
    id="ART022",
    name="quote-cut",
    category=Category.ARTEFACT,
    severity=Severity.INFO,
    description="A quotation mark opens a name or phrase that stops at a sentence end a few words later and is "
    "never closed: the quoted text was probably cut.",
    flags=("a program known as “Se Communities. A spokesman for Baca said guidelines were being written.",),
    not_flags=(
        "a program known as “Secure Communities.” A spokesman said so.",
        "“We will not comply. We never have,” she said.",
    ),
)

_CREDITS = re.compile(
    r"^[(\[]?(?:Reporting|Additional reporting|Writing|Editing|Compiled|Edited|Produced|Graphics|Photos?|Video|"
    r"Con información de|Información de|Redacción|Edición|Texto|Fotos?|Reportage|Rédaction|Mit Material von)\b",
    re.IGNORECASE,
)
#: What follows the opening word of a credit line ("Reporting by", "Writing and editing by", "Photos: ",
#: "Con información de"): prose that opens with the same word goes on otherwise ("Writing at the Huffington Post
#: about ...", "Video games are ...").
_CREDIT_NEXT = re.compile(r"\s*(?:by\b|and\b|&|[:/,;(]|[-–—]|\s*$)", re.IGNORECASE)


def _credit_line(passage: str) -> bool:
    """The passage is a credit line (:data:`_CREDITS`): its opening word is followed by "by", "and", a colon
    or a separator, or is a phrase of its own ("Con información de", "Mit Material von")."""
    m = _CREDITS.match(passage)
    if m is None:
        return False
    return m.group(0).count(" ") >= 1 or bool(_CREDIT_NEXT.match(passage, m.end()))


_SENT_BOUNDARY = re.compile(r"[.!?…][\"”’»)\]]*\s+[\"“‘«(¿¡]?[A-ZÀ-ÖØ-Þ0-9]")
_LAST_SENT = re.compile(r"[.!?…][\"”’»)\]]*\s+(?=[\"“‘«(¿¡]?[A-ZÀ-ÖØ-Þ0-9])")


def _last_sentence_start(text: str) -> int:
    """Where the last sentence of ``text`` starts (0 when :data:`_LAST_SENT` finds no sentence end in it)."""
    start = 0
    for m in _LAST_SENT.finditer(text):
        start = m.end()
    return start


_DOUBLE_DOT = re.compile(r"(?<=[^\W\d_])\.\.(?![.\w])")
#: :data:`_DOUBLE_DOT` without its lookbehind: a search for the literal ".." (a lookbehind at the start
#: of a pattern is tried at every position); :func:`double_dots` tests the letter before.
_DOTS = re.compile(r"\.\.(?![.\w])")
_LETTER = re.compile(r"[^\W\d_]")


def double_dots(text: str) -> list[re.Match]:
    """The matches of ``_DOUBLE_DOT.finditer(text)`` (same spans): the ".." matches of :data:`_DOTS`
    that follow a letter. No match is lost to one before it: the character after a match's first dot
    is a dot, never the letter another match needs."""
    return [m for m in _DOTS.finditer(text) if m.start() and _LETTER.match(text, m.start() - 1)]


#: A ".." the writer typed (not part of "..."), wherever it stands ("civil rights..", "..where x is", "..:)");
#: :data:`_DOTS_STYLE` of them or more in a document are its punctuation, an informal ellipsis (ART021).
_WRITTEN_DOTS = re.compile(r"(?<!\.)\.\.(?!\.)")
_DOTS_STYLE = 2
#: The most characters between a ".." and the timestamp lines of a thread before and after it, for the ".."
#: to stand in a reader's comment (:func:`_in_comment`); an article between its date line and the first
#: comment is longer.
_COMMENT_CHARS = 2000


def _abbreviation_dot(word: str) -> bool:
    """Does ``word`` (lower case, the letters and dots before a "..") end on an abbreviation's own full stop
    ("Inc..", "Jr..", "etc..", "D.C..", "e.g..")?"""
    return word in ABBREVIATIONS or ("." in word and all(len(part) <= 2 for part in word.split(".")))


def _starts_sentence(text: str, pos: int, figure: bool = True) -> bool:
    """Does a new sentence (or a new line, or the end of the text) follow ``pos``: a capital or (with ``figure``)
    a figure, after opening quotes; after an opening bracket, a word in sentence case ("(The name ...")? A ".."
    before a word in lower case, a bracketed count or credit, an emoticon or a separator does not end its
    sentence ("what was needed.. was not", "How To.. (17)", "..:)", "CUPERTINO, Calif.. (AP)")."""
    rest = text[pos : pos + 12].lstrip(" \t\u00a0")
    if not rest or rest[0] in "\r\n":
        return True
    if rest[0] in "([":
        return rest[1:2].isupper() and rest[2:3].islower()
    head = rest.lstrip("\"'“‘«¿¡")
    return head[:1].isupper() or (figure and head[:1].isdigit())


def _in_comment(passages, stamps: list[int], pos: int) -> bool:
    """Does ``pos`` lie in a reader's comment: between timestamp lines of a thread (``stamps``, passages that
    end on one: :func:`_comment_stamps`), one ending before it and one at or after it, each at most
    :data:`_COMMENT_CHARS` away? Counted in characters, not passages: a comment's buttons ("Recommend?",
    "(3)", "Report", "Share") are passages of their own."""
    before = after = False
    for j in stamps:
        end = passages[j].end
        if end <= pos:
            before = before or pos - end <= _COMMENT_CHARS
        elif passages[j].start - pos <= _COMMENT_CHARS:
            after = True
    return before and after


_QUOTE_ATTRIBUTION = re.compile(r"[,!?][\"”»’]\s+[^\W\d_]")
_QUOTE_OPEN = re.compile("[“«]")
#: A signature line: a double dash, an em dash or a quotation dash ("--", "—", "―"; a single hyphen or an en
#: dash opens a list item) and a capitalised name or source, as the last line of a quotation ("-- Mark Twain").
_SIGNATURE = re.compile(
    r"[ \t]*(?:" + "|".join(map(re.escape, ATTRIBUTION_DASHES)) + r")[ \t]*(?=[^\W\d_])\S[^\n]{0,78}"
)


def _signature_at(text: str) -> int:
    """Where a document's closing signature line starts (:data:`_SIGNATURE`, its last line after some text
    before it), or -1: a quotation signed by its author ends where the author put it."""
    body = text.rstrip()
    k = body.rfind("\n") + 1
    if not k or not body[:k].strip():
        return -1
    m = _SIGNATURE.fullmatch(body, k)
    return (
        k
        if m is not None and body[m.end() - len(m.group(0).lstrip(" \t" + "".join(ATTRIBUTION_DASHES))) :][:1].isupper()
        else -1
    )


_QUOTE_CUT = re.compile(r"[“«]((?:[^\s”»“«.!?]+\s+){0,5}[^\s”»“«.!?]+)\.(?=\s+[A-ZÀ-ÖØ-Þ])")


#: Weekdays and months (and their abbreviations): capitalised, but a sentence ending on one
#: without punctuation is cut, not a caption or a name ("... since Jan", "... about Tuesday").
CALENDAR_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri sat sun "
    "january february march april june july august september october november december jan feb mar apr jun jul "
    "aug sep sept oct nov dec lunes martes miércoles jueves viernes sábado domingo enero febrero marzo abril mayo "
    "junio julio agosto septiembre octubre noviembre diciembre lundi mardi mercredi jeudi vendredi samedi dimanche "
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()
)


#: Reporting verbs that close a sentence ("..., the two groups said"): a sentence ending on one is
#: complete even when its final period is missing, never a cut.
REPORTING_VERBS = frozenset(
    "said says say added adds stated states noted notes wrote writes reported reports explained explains told "
    "argued argues warned warns concluded announced insisted dijo dice añadió agregó afirmó explicó señaló indicó "
    "aseguró declaró a déclaré ajouté disse afferma sagte".split()
)


#: Words that never close a sentence, beyond the articles and prepositions of ``layout.NEVER_FINAL``:
#: prepositions and subordinating conjunctions that always take a complement, and determiners that are
#: never pronouns. A passage that stops on one was cut ("... keep the pause in place until", "... pidió a la
#: Junta durante"). Words that also close a clause are left out: "while", "after", "since", "between",
#: "against" ("voted against"), "en contra", "depuis", demonstratives that stand as pronouns ("prefiero
#: este"), German separable particles.
_DANGLING_WORDS = {
    "en": "until whether because unless among amongst during toward towards including despite whereas although if",
    "es": "cuando donde mientras porque aunque si cuyo cuya cuyos cuyas nuestra nuestros nuestras mis tus durante "
    "tras mediante",
    "fr": "pendant si mais car leur leurs ce cette ces notre votre nos vos mon ma mes dont quand lorsque puisque",
    "pt": "quando onde porque durante até seu sua seus suas nosso nossa mas",
    "it": "quando dove perché se durante mentre suo sua suoi sue nostro nostra ma",
    "de": "dass weil wenn ob obwohl gegen vom beim dieser diese dieses diesen diesem unsere",
}
DANGLING = {k: NEVER_FINAL.get(k, frozenset()) | frozenset(v.split()) for k, v in _DANGLING_WORDS.items()}

#: A clause opened by a subordinating word and cut after its subject: the verb never comes
#: ("... said the case could turn on whether the states", "... avaliam que os cortes", "..., dass die Preise").
#: Comparatives are excluded: "más que el resto" is complete.
_OPEN_CLAUSE = re.compile(
    r"(?:^|(?<=[^\w]))(?:that|whether|because|although|unless|que|porque|aunque|parce qu[e']|dass|weil|obwohl|che|"
    r"perché)\s+(?:the|a|an|its|their|his|her|our|el|la|los|las|un|una|os|le|les|une|des|der|die|das|den|ein|eine|il|"
    r"lo|gli|uno)\s+[^\W\d_]+$",
    re.IGNORECASE,
)
#: Comparatives before "que"/"che": "más que el resto" is complete.
#: Also "other than" and "the same as": "autre chose que la coca", "otra cosa que el dinero", "lo mismo que".
_COMPARATIVE = re.compile(
    r"\b(?:más|menos|mayor|menor|mejor|peor|plus|moins|mais|più|meno|autres?(?:\s+chose)?|otr[oa]s?(?:\s+cosa)?|"
    r"outr[oa]s?(?:\s+coisa)?|altr[oaie](?:\s+cosa)?|mism[oa]s?|même|mesm[oa]s?|stess[oaie])\s+$",
    re.IGNORECASE,
)


#: A quotation closed on a comma and followed only by a name: the attribution lost its verb
#: ("\"This is not the budget we wanted,\" Mayor Darrell Steinberg").
_VERBLESS_ATTRIBUTION = re.compile(r",[\"”»’]\s+(?:[A-ZÀ-Þ][\w’'.-]*\s+){0,4}[A-ZÀ-Þ][\w’'-]+$")
#: A quotation closed on a comma and followed only by its reporting verb: the inverted attribution lost its
#: speaker ('« ... généraliste », a déclaré', '"We will not comply," said', '”, dijo'). After its subject the
#: verb closes the sentence ("..., the two groups said": :data:`REPORTING_VERBS`).
_SUBJECTLESS_ATTRIBUTION = re.compile(r"(?:,[\"”»’]|[\"”»’]\s*,)\s+(?:(?:a|ha|hat|è)\s+)?([^\W\d_]+)$")
#: A reporting verb followed by a bare noun phrase and nothing more: the reported clause was cut
#: ("Coach Darvin Ham said the team's defense"). After a comma the order is inverted and complete
#: ("..., said the company").
_SAID_NP = re.compile(
    r"(?<!,\s)(?<!,)\b(?:said|says)\s+(?:the|a|an|his|her|its|their|our)\s+(?:[^\W\d_]+['’]s\s+)?[^\W\d_]+$"
)


#: An English relative clause that ends on its preposition ("the one I was thinking of", "the people
#: they work with"): a subject pronoun a few words before a final preposition.
_STRANDED = re.compile(
    r"\b(?:(?:I|you|we|they|he|she)\s+(?:[a-z’']+\s+){0,3}|(?:what|who|whom|which|where)\s+(?:[a-z’']+\s+){0,4})"
    r"[a-z]+\s+(?:of|with|to|for|about|on|in|at|from|into)$"
)
#: A sentence that stops on a verb whose complement is never optional: a copula after a noun subject, "include",
#: a condition's "then", "such that" ("... the expected number of comparisons is", "Causes or triggers include",
#: "there are numbers σ and τ such that"): the formula, list or clause that followed was lost. A copula closes
#: a clause after a pronoun ("I think it is") or inside a comparison or a wh-clause ("as it was", "what it is").
_OPEN_VERB = re.compile(r"(?:(?<=\s)(?:is|are|was|were|include|includes)|\bsuch that|,\s+(?:then|where))$")
_CLOSED_COPULA = re.compile(
    r"\b(?:what|who|whom|whoever|whatever|wherever|where|when|how|why|which|as|than|so|way|matter|if|not|it|he|she|"
    r"they|we|you|I|there|here|this|that|these|those|one|all)\s+(?:\S+\s+){0,8}\S+$",
    re.IGNORECASE,
)


def _open_quote(passage: str, lang: str = "und") -> bool:
    """The passage opens a quotation or bracket that it never closes (the quoted words were cut). The last
    mark must open something: a mark followed by a space opens nothing outside French ("Title « Site
    name": a separator), a bracket closed by the other kind is notation ("the interval (a, b]"), and a
    straight quote counts only when the last one stands before a word, after a space."""
    for o, c in (("“", "”"), ("«", "»"), ("(", ")"), ("[", "]")):
        i = passage.rfind(o)
        if (
            i >= 0
            and passage.rfind(c) < i
            and len(passage) - i > 12
            and (not passage[i + 1 : i + 2].isspace() or (o == "«" and lang == "fr"))
            and not (o in "([" and any(x in passage[i:] for x in ")]"))
        ):
            return True
    i = passage.rfind('"')
    return (
        passage.count('"') % 2 == 1
        and len(passage) - i > 12
        and (i == 0 or passage[i - 1].isspace() or passage[i - 1] in "([")
        and passage[i + 1 : i + 2].isalnum()
    )


#: The closing words of a passage that name who said, wrote or took it: a quotation's author after a
#: dash or a finished sentence ("... follow this Pathway.” - Zaid Alaraj", "... every difficulty. Winston
#: Churchill"), a label line ("Photograph: Marco Secchi/Getty Images"), a credit ("Posted by ...", "-via ...").
_LAST_BREAK = re.compile(
    r"(?:[.!?…][\"”’»)\]]*(?:\s+|(?=[-–—~]))|[\"”»]\s+(?=[-–—~]))(?:[-–—~]+\s*)?(?=[\"“‘«(¿¡]?[A-ZÀ-ÖØ-Þ0-9])"
)
_WORD_BEFORE_DOT = re.compile(r"([^\W\d_]+)[.]\S*\s*$")
_NAME_RUN = re.compile(r"^(?:(?:[A-ZÀ-Þ][\w’'.-]*|[A-Z]\.|de|van|von|da|di|del|la|le|of|the|and|&)\s*){1,6}$")
#: Page navigation that ends an article without punctuation ("More on the budget vote", "Read the full
#: report", "Follow us on ...").
_NAVIGATION = re.compile(
    r"^(?:more|read|see|related|watch|click|follow|share|sign|subscribe|also|next|previous|back|continue|view|"
    r"visit|join|contact|learn|find|get|download|listen|tags?|filed|categor\w*|reply|skip|switch|powered|request|"
    r"all rights)\b",
    re.IGNORECASE,
)
_LABEL = re.compile(r"^[^\W\d_]+(?: [^\W\d_]+)?:\s")
_SIGN_OFF = re.compile(r"^(?:posted|written|published|shared|filed|via|source|credit|courtesy|photo|image)\b", re.I)


#: A short note after a finished sentence and a dash: a quotation's source, a credit, a correction
#: ('... their expertise."—Mohammad Rasouli, Archaeological Department', "... -via Flavorwire",
#: "... of 83 mln dlrs. -- Corrects name of purchaser"). The dash follows a closing quote or a space.
_DASH_NOTE = re.compile(
    r"[.!?…](?:[\"”’»)\]]+\s*(?:--|[-–—~])|[\"”’»)\]]*\s+(?:--|[-–—~]))\s*((?:[^\s.!?…]+[ \t\xa0,;&]*){1,12})$"
)


#: A headline or teaser followed by its source after a spaced dash ("Costume ideas for curly hair — Naturally
#: Curly", "... relaxing treats — Glo"): a site or author name, not a cut word.
_SOURCE_AFTER_DASH = re.compile(r"\s[—–]\s+(?:[A-ZÀ-Þ][\w’'.&-]*\s*){1,3}$")


#: A closing line of kisses and a name: a blog's or a letter's sign-off ("x Anna", "xoxo Jane", "xx Sam").
#: A sad or wry face typed at the end of a text (``:(``, ``;-(``, ``:/``, ``agusto:(``): no bracket left open.
_FACE_END = re.compile(r"(?:(?<!\S)[:;=]|(?<=[^\W\d_]):)[-'^o]?[)(\][/\\|]+$")

#: A post cut by its platform: a word (or a word's start) and an ellipsis at the end of the text, or before
#: the link the platform adds (``RT @user: ... the council has decid… https://t.co/x``).
_PLATFORM_CUT = re.compile(r"\w(…|\.\.\.)[ \t]*(https?://\S+)?\s*$")

_KISS_SIGN_OFF = re.compile(r"(?:^|\n)[ \t]*(?:[xX]{1,3}|(?:[xX][oO])+[xX]?)[ \t]+[A-ZÀ-Þ][^\W\d_]*$")


def _signature(passage: str) -> bool:
    tail = passage.rstrip()[-300:]  # a signature is short: its sentence break lies in the last 300 characters
    if _DASH_NOTE.search(tail, max(0, len(tail) - 160)):
        return True
    cut = 0
    for m in reversed(list(_LAST_BREAK.finditer(tail))):
        word = _WORD_BEFORE_DOT.search(tail, max(0, m.start() - 20), m.start() + 1)
        if word and (word.group(1).lower() in ABBREVIATIONS or len(word.group(1)) == 1):
            continue  # "said Prof. Laurence Tr", "Gov. Ron D": an abbreviation's dot, the sentence goes on
        cut = m.end()
        break
    if not cut:
        return False  # one sentence: judged as a whole by the caller
    last = tail[cut:]
    if _NAME_RUN.match(last):
        ws = last.split()
        sw = stopwords()
        opener = ws[0].lower()
        # a name, not a new sentence cut after its first words ("Die Eur", "The Gov")
        return len(ws) >= 2 and len(ws[-1]) >= 3 and not any(opener in v for v in sw.values())
    return bool(_LABEL.match(last) or _SIGN_OFF.match(last) or _CREDITS.match(last))


@lru_cache(maxsize=8)
def _common_words_of(lang: str) -> tuple[str, ...]:
    """Sorted words of one language with a Zipf frequency of at least 3 (empty for a language without a list)."""
    from audit.artefacts.common import frequent_words

    d = frequent_words(lang, 1e-6) if lang in WORDFREQ_LANGS else None
    return tuple(sorted(filter(str.isalpha, d))) if d else ()


def _common_words(lang: str) -> tuple[tuple[str, ...], ...]:
    """The sorted words of ``lang`` and of English with a Zipf frequency of at least 3 (one tuple each;
    English once): the words a cut fragment is checked against ("Musli" begins "muslim", "Romn" begins
    "romney"). Each language's list is sorted once, whatever language it is asked with."""
    return (_common_words_of(lang),) if lang == "en" else (_common_words_of(lang), _common_words_of("en"))


def _common_words_beginning(fragment: str, lang: str) -> Iterator[str]:
    """The common words of ``lang`` and of English that begin with lower-case ``fragment`` (itself included)."""
    for words_ in _common_words(lang):
        i = bisect_left(words_, fragment)
        while i < len(words_) and words_[i].startswith(fragment):
            yield words_[i]
            i += 1


def begins_common_word(fragment: str, lang: str) -> bool:
    """Is lower-case ``fragment`` the start (2+ characters short) of a common word of ``lang`` or English?"""
    return any(len(w) >= len(fragment) + 2 for w in _common_words_beginning(fragment, lang))


def _one_letter_short(fragment: str, lang: str) -> bool:
    """Is lower-case ``fragment`` a common word of ``lang`` or English without its last letter ("confirme" of
    "confirmed", "upcomin" of "upcoming")? :func:`begins_common_word` asks for 2+ more letters."""
    return any(len(w) == len(fragment) + 1 for w in _common_words_beginning(fragment, lang))


#: :func:`is_prose`'s test of a caption or label line ("Photo: ...").
_CAPTION = re.compile(r"^[^\W\d_]+(?: [^\W\d_]+)?:\s")
#: The fewest words :func:`is_prose` accepts, whatever its other arguments (``min_strong`` and
#: ``min(8, min_words)`` as the truncation check passes them).
_PROSE_MIN_WORDS = 4


#: The words a sentence after a label ("Q: ...", "Why: ...", "Update: ...") needs to be judged as prose
#: when it ends on a clear cut; a caption ("Photo: Protesters outside City Hall") is shorter.
_LABELLED_PROSE_WORDS = 8


def _labelled_prose(passage: str, after: int) -> bool:
    """The text after a passage's label (from ``after``) is a sentence of 8 words or more that opens with a
    capital ("Why: All proceeds go to ..."; not a table's note: "Note: 1986 qtr excludes ...")."""
    rest = passage[after : after + 400]
    return rest[:1].isupper() and len(rest.split()) >= _LABELLED_PROSE_WORDS


def _never_prose(passage: str, layer, span) -> bool:
    """Does :func:`is_prose` say no to ``passage`` (at ``span`` of the layer's text) whatever the kind of
    cut: a caption or label line, a pipe or middle-dot menu, or fewer words than it ever accepts (counted
    from the layer: a passage starts and ends next to whitespace, so no word crosses its bounds)? Then
    the truncation check need not ask :func:`cut_kind`."""
    if "|" in passage or passage.count(" · ") >= 2:
        return True
    label = _CAPTION.match(passage)
    if label and not _labelled_prose(passage, label.end()):
        return True
    i, j = layer.word_range(span.start, span.end)
    return j - i < _PROSE_MIN_WORDS


def is_prose(
    passage: str,
    min_words: int = 16,
    strong_cut: bool = False,
    lang: str = "und",
    min_strong: int = 6,
    mid_word: bool = False,
) -> bool:
    """Prose, not a headline, list item, table row or caption.

    A passage that ends mid-word, on a comma or on a function word (``strong_cut``) needs
    8 words in sentence case; one that ends on a whole word needs ``min_words`` words or
    two sentences.
    """
    label = _CAPTION.match(passage)
    if label:
        if not (strong_cut and _labelled_prose(passage, label.end())):
            return False  # "Photo: ..." caption or label line
        passage = passage[label.end() :]  # "Q: Can I move my licence to another c": a sentence after its label
    if "|" in passage or passage.count(" · ") >= 2:
        return False
    ws = words(passage)
    if is_line_start_bullet(passage):
        # a list item; one of 6+ words cut inside a word (2+ letters of it: "Toyota Prius v" is a name) is cut
        # all the same
        found = _final_letters(passage.rstrip()) if mid_word and len(ws) >= 6 else None
        if not found or len(found[1]) < 2:
            return False
    if len(ws) < (min_strong if strong_cut else min(8, min_words)):
        return False
    long_words = [w for w in ws if len(w) > 3]
    if lang == "de":  # German capitalises nouns: judge by lower-case function words instead
        long_words = [w for w in ws if w.lower() in stopwords()["de"]]
    cap_share = sum(w[0].isupper() for w in long_words) / len(long_words) if long_words else 0.0
    if (cap_share > 0.85 or (cap_share > 0.6 and "," not in passage)) and not mid_word:
        return False  # Title Case headline (a headline cut inside a word is still cut)
    if strong_cut or len(ws) >= min_words or _SENT_BOUNDARY.search(passage):
        return True
    return bool(_QUOTE_ATTRIBUTION.search(passage))  # '"…," said Lisa Shalett': a quote is never a headline


#: The patterns :func:`cut_kind` tries at the end of a passage, each written for the passage reversed
#: and matched at its start: a ``$``-anchored search tries every position of the passage (those that
#: start with a letter or ``(?:^|\s)`` at every character), the reversed match reads only the last
#: characters. Each is the reversal of the pattern in its comment (a lookbehind becomes a lookahead,
#: ``^`` the end of the reversed text); a captured group reads reversed.
#: ``[.!?…]\s+[A-Z]{3,}$``
_UPPER_SIGN_OFF_R = re.compile(r"[A-Z]{3,}\s+[.!?…]")
#: ``\d[\d,.%/-]*(?:\s+[a-zµ°]{1,5}){1,2}$``
_UNIT_END_R = re.compile(r"(?:[a-zµ°]{1,5}\s+){1,2}[\d,.%/-]*\d")
#: ``(?:^|\s)by\s+[^\W\d_]+$`` (case ignored)
_BY_NAME_R = re.compile(r"[^\W\d_]+\s+yb(?:\s|\Z)", re.IGNORECASE)
#: ``(?<![^\W\d_])[A-ZÀ-Þ][^\W\d_]*-[A-ZÀ-Þ]$``
_NAME_HYPHEN_CUT_R = re.compile(r"[A-ZÀ-Þ]-[^\W\d_]*[A-ZÀ-Þ](?![^\W\d_])")
#: ``([^\W\d_]+)\s+\S+$``
_WORD_BEFORE_TOKEN_R = re.compile(r"\S+\s+([^\W\d_]+)")
#: ``([^\W\d_]+)\s+[^\W\d_]+$``
_WORD_BEFORE_WORD_R = re.compile(r"[^\W\d_]+\s+([^\W\d_]+)")
_LETTERS = re.compile(r"[^\W\d_]+")
_ALNUM = re.compile(r"\w")
_FINAL_LETTERS = re.compile(r"([^\W\d_]+)$")
_CLOSING = '"”’»)'


#: An e-mail or web address stopped before its domain is whole: no dot after the "@", "www." or "://"
#: ("tips@e", "presse@bmw", "www.bmw", "https://www"). An address names its domain in full; a domain is
#: written in lower case ("Marry@Ebizsubmit" signs a comment).
_CUT_ADDRESS = re.compile(r"^[(\[<\"“']?(?:[\w.+-]+@|(?:https?://)?www\.|https?://)[a-z0-9-]*$")


def _cut_after_figure(after: list[str], lang: str) -> bool:
    """The one or two short words after a figure at the end of a passage are a phrase cut, not its unit: the
    first is a function word ("60% of af", "87,500 a yea", "1.2% to clo") or the last is a fragment the
    word lists do not know as a word that begins a common word ("140 vac", "entro il 31 dic"). Units and
    their abbreviations are words of the lists or begin none ("pct", "mln", "dlrs", "kg", "oz", "min")."""
    if not after:
        return False
    first, last = after[0], after[-1]
    sw = stopwords()
    if len(after) == 2 and (first in sw.get(lang, frozenset()) or first in sw["en"]):
        return True
    if len(last) < 2 or not has_word_lists():
        return False
    langs = [lg for lg in dict.fromkeys((lang, "en")) if lg in WORDFREQ_LANGS]
    return bool(langs) and all(zipf(last, lg) < 3 for lg in langs) and begins_common_word(last, langs[0])


def _dash_after_sentence(tail: str) -> bool:
    """``re.search(r"[.!?…][\"”’»)]*\\s*[-–—]+$", tail)`` for a right-stripped ``tail``, read from its end:
    the dashes, the whitespace, the closing quotes and brackets are disjoint classes, so each run a match
    ends with is the whole run at the end of the text."""
    t = tail.rstrip("-–—")
    if len(t) == len(tail):
        return False
    t = t.rstrip().rstrip(_CLOSING)
    return t[-1:] in (".", "!", "?", "…")


def _final_letters(tail: str) -> tuple[int, str] | None:
    r"""``(start, letters)`` of ``re.search(r"([^\W\d_]+)$", tail)`` for a right-stripped ``tail``: the
    run of letters at its end, found from its last characters (the search tries every letter of the
    text): the run at the start of the last 64 characters reversed. A run that fills them is found by
    the full search."""
    window = tail[-64:]
    m = _LETTERS.match(window[::-1])
    if m is None:
        return None
    n = m.end()
    if n == len(window) and len(tail) > n:
        full = _FINAL_LETTERS.search(tail)  # the run may go on before the window
        return (full.start(), full.group(1)) if full else None
    return len(tail) - n, tail[len(tail) - n :]


@lru_cache(maxsize=64)
def _common_stopwords(lang: str) -> frozenset[str]:
    """The stop words a short final fragment is checked against: ``lang``'s, and English ones too when
    the language is unknown (built once per language, not per passage)."""
    sw = stopwords()
    return sw.get(lang, frozenset()) | (sw["en"] if lang == "und" else frozenset())


#: The Zipf frequency from which a listed word of two letters of a compounding language (German: "je",
#: "ab", "da", "ob", "wo", missing from its stop words) is a word, not the start of a cut one ("st", "co").
_SHORT_WORD_ZIPF = 5.3


def _short_word(frag: str, lang: str, common: frozenset[str], alone: bool) -> bool:
    """Is a lower-case fragment of 1-2 letters a word: a stop word of ``lang`` (``common``) or, standing
    ``alone`` after white space, of English (an English phrase on a page in another language: "powered by", a
    lone "i"; not after an elision: "l'in"), or in a compounding language (:data:`COMPOUND_LANGS`, whose
    stop-word list is short) a very frequent word of its list ("schlanker denn je")?"""
    if frag in common or (alone and frag in stopwords()["en"]):
        return True
    return lang in COMPOUND_LANGS and list_zipf(frag, lang) >= _SHORT_WORD_ZIPF


def cut_kind(
    passage: str, lang: str, vocabulary: Mapping[str, int] | None = None, _prefixed=None, document: str | None = None
) -> str | None:
    """``"mid-word"`` / ``"function-word"`` / ``"mid-sentence"`` when the passage stops without final punctuation.

    ``vocabulary`` (the document's own lower-cased words with their counts) confirms a mid-word
    cut: the last fragment occurs only there but begins another word ("administr" / "administration").
    ``_prefixed(fragment)`` (optional): the words of ``vocabulary`` that start with ``fragment``
    (:class:`_Prefixes`), instead of a pass over all of them. ``document`` (optional): the whole text, where
    a capitalised fragment is looked for as the start of a name (:func:`_name_continued`).
    """
    if "\xad" in passage:
        passage = passage.replace(
            "\xad", ""
        )  # soft hyphens mark where a word may break: "Stel\xadlen\xadan\xadge\xadbo\xadte" is one
    tail = passage.rstrip()
    if not tail:
        return None
    last = tail[-1]
    if last in ".!?…:;\"”’»)]›'*" or last.isdigit() or last in "%°€$£":
        return None
    if not (last.isalpha() or last in ",-–—(“‘«/&"):
        return None
    if last in "([/\\|" and _FACE_END.search(tail, max(0, len(tail) - 8)):
        return None  # ":(" is a face, not a bracket left open
    if _dash_after_sentence(tail):
        return None  # a dash after a finished sentence: a separator or an attribution mark ("… reserved. -")
    last_token = tail.rsplit(None, 1)[-1]
    if _CUT_ADDRESS.match(last_token):
        return "mid-word"  # "write to tips@e", "unter www.bmw": an e-mail or web address without its domain
    if any(c in last_token for c in "/@.#") or _credit_line(passage) or _SIGN_OFF.match(passage):
        return None  # ends with a URL, e-mail, domain or hashtag; or a credits line ("Image courtesy of ...")
    if _KISS_SIGN_OFF.search(tail, max(0, len(tail) - 40)):
        return None  # "... einen schönen Sonntag <3" / "x Anna": a blog's sign-off line, a kiss and a name
    if _SOURCE_AFTER_DASH.search(tail, max(0, len(tail) - 60)):
        return None  # a headline's source after a spaced dash ("... treats — Glo")
    if _signature(tail):
        found = _final_letters(tail) if document is not None else None
        if (
            found
            and document is not None
            and _name_continued(found[1], lang, vocabulary or {}, document, prefixed=_prefixed)
        ):
            return "mid-word"  # "... every difficulty. Winston Church" in a text that writes "Churchill"
        return None  # the author of a quotation, a credit or a label line after a finished sentence
    rev = tail[::-1]  # the patterns of the passage end read it reversed, from its last character
    if _UPPER_SIGN_OFF_R.match(rev):
        return None  # a sign-off or continuation mark after a finished sentence ("... of an ounce. REUTER")
    if any(c.isdigit() for c in last_token) and last_token[-1].isalpha():
        return None  # "at 11:30am", "October 18th", "the 1990s": a figure with its suffix
    if last == "," and any(w.lower().strip(",") in REPORTING_VERBS for w in tail.split()[-6:]):
        return None  # "As the author says in the introduction," -- a quotation follows
    unit = _UNIT_END_R.match(rev)
    if unit and tail.rsplit(None, 1)[-1].lower() not in NEVER_FINAL.get(lang, NEVER_FINAL["en"]):
        if not _cut_after_figure(unit.group(0)[::-1].split()[1:], lang):
            return None  # a figure and its unit end the line ("to 29.93 pct", "of 184,777 dlrs", "40 mln")
    found = _final_letters(tail)
    if found:
        frag_start, frag = found
        common = _common_stopwords(lang)
        before = tail[frag_start - 1] if frag_start else " "
        if (before in "'’" and frag.lower() in ("s", "t", "ts", "ll", "re", "ve", "d", "m")) or before in ":;*=^#@":
            return None  # "Microsoft's", "Can’t", ":O", "*biztag": a contraction, emoticon or tag, not a cut word
        if (len(set(frag.lower())) == 1 and len(frag) >= 2) or frag.lower() in ("x", "xo"):
            return None  # "xx", "x", "xo", "zzz": a sign-off or interjection
        low = frag.lower()
        compound = tail.endswith("-", 0, frag_start)  # "hands-on", "built-in": a whole word
        by_name = _BY_NAME_R.match(rev)  # "mods by aj": a user name
        if (
            frag.islower()
            and len(frag) <= 2
            and not _short_word(frag, lang, common, before.isspace())
            and not compound
            and not by_name
        ):
            return "mid-word"
        if low in DANGLING.get(lang, DANGLING["en"]) and not compound:
            if lang in ("en", "und") and _STRANDED.search(tail, max(0, len(tail) - 60)):
                return "mid-sentence"  # "... not the Four Seasons I was thinking of": a stranded preposition
            return "function-word"
        vocabulary = vocabulary or {}
        if lang == "und" and has_word_lists():
            # no stop-word profile stood out (Spanish and Portuguese share many): the word lists decide
            lang = next((lg for lg in WORDFREQ_LANGS if lists_confirm(passage, lg, 0.9)), lang)
        # whether the lists confirm the passage language (a read of every word of the passage), and the
        # fragment's frequency there (0 when they do not): asked only when a test below comes to them
        known: list = []

        def lists() -> tuple[bool, float]:
            if not known:
                ok = lang in WORDFREQ_LANGS and has_word_lists() and lists_confirm(passage, lang)
                known.extend((ok, zipf(low, lang) if ok else 0.0))
            return known[0], known[1]

        # a fragment the document also writes alone elsewhere is one of its words (a name, a term: "... any
        # environment manager using pip" in a text that names pip throughout), as for the tests below
        alone = vocabulary.get(low, 0) > 1
        if (
            frag.islower()
            and len(frag) >= 5
            and not alone
            and lists()[0]
            and lists()[1] < 2.0
            and zipf(low, "en") < 2.0
            and (begins_common_word(low, lang) or _one_letter_short(low, lang))
        ):
            # a rare fragment that begins a common word ("... is reall", "la medid") or lacks only its last
            # letter ("... confirme", "... upcomin")
            return "mid-word"
        if frag.islower() and len(frag) >= 2 and low not in common and not alone and lists()[0]:
            # not a word of the passage language ("... a restringir el rie"); the lists carry many
            # abbreviations, so a short final fragment must also be a frequent word ("pla", "exp" are cuts;
            # "tax", "fog", "mar" are words)
            # (a longer unknown word is a name, a user name or a typo unless it begins a common word: above)
            # a cut fragment begins a common word ("pla"); "kerc", "lede", the suffix in "App-ily" do not
            need = 3.5 if len(frag) <= 3 else 2.5
            if len(frag) <= 4 and lists()[1] < need and not compound and not by_name and begins_common_word(low, lang):
                return "mid-word"
        # an acronym ends a line in mixed case ("... talk patents with the EFF"): not the start of a longer word
        # the document writes ("effect"), as a fragment of a line in capitals is ("NIGHT OF DEBAT"), unless the
        # document writes a longer acronym that it begins ("... l'application SN" / "SNCF": cut inside it)
        acronym = (
            frag.isupper()
            and len(frag) >= 2
            and not tail.isupper()
            and (document is None or re.search(rf"(?<!\w){re.escape(frag)}[A-ZÀ-Þ0-9]", document) is None)
        )
        if (
            len(frag) >= 2
            and not alone
            and not by_name
            and not acronym
            and any(
                _continues_word(w, low) and not _compound_rest(w[len(low) :], lang)
                for w in (_prefixed(low) if _prefixed else (w for w in vocabulary if w.startswith(low)))
            )
            and lists()[1] < 3.5
            # unconfirmed by the lists (a short line, a German one): a frequent word of the passage language
            # is a whole word ("Digitale Medien" / "Medienwelt": a compound, not a cut)
            and (lists()[0] or list_zipf(low, lang) < 3.5)
        ):
            return "mid-word"
        grammar = _grammar_cut(tail, lang)
        if grammar:
            return grammar
        if _NAME_HYPHEN_CUT_R.match(rev):
            return "mid-word"  # "Jean-P" (not "Chick-fil-A")
        if len(frag) == 1 and frag.isupper() and before.isspace():
            prev = _WORD_BEFORE_TOKEN_R.match(rev)
            if prev and prev.group(1)[::-1].islower():
                return "mid-word"  # "... on M": a cut name, not "Plan B"
        if len(frag) == 2 and document is not None and before.isspace():
            # "... Kardashian was Da" in a text that writes "Dana": two letters of a name after a lower-case
            # word (not a name run, "President Xi", nor a reporting verb, "said Wu")
            prev = _WORD_BEFORE_TOKEN_R.match(rev)
            word = prev.group(1)[::-1] if prev else ""
            if (
                word.islower()
                and word not in REPORTING_VERBS
                and _name_continued(frag, lang, vocabulary, document, shortest=2, prefixed=_prefixed)
            ):
                return "mid-word"
        prev = _WORD_BEFORE_WORD_R.match(rev)
        after_function_word = bool(prev and prev.group(1)[::-1] in NEVER_FINAL.get(lang, NEVER_FINAL["en"]))
        if (
            frag[0].isupper()
            and len(frag) >= 3
            and (frag[1:].islower() or (frag.isupper() and len(frag) >= 4))  # "NIGHT OF DEBAT": a capitals headline
            and zipf(low, "en") < 2.5
            and low not in CALENDAR_WORDS
            and lists()[0]
            and lists()[1] < 2.5
            and begins_common_word(low, lang)
        ):
            return "mid-word"  # "... blaming Musli", "Mitt Romn": an unknown fragment that begins a common word
        if document is not None and _name_continued(frag, lang, vocabulary, document, prefixed=_prefixed):
            return "mid-word"  # "... Mitt Rom" in a text that writes "Romney": a name cut
        if (
            frag[0].isupper()
            and lang != "de"
            and low not in CALENDAR_WORDS
            and not after_function_word
            and not _SENT_BOUNDARY.search(passage)
        ):
            # a one-sentence line ending on a name is more often a caption, credit or heading than a cut;
            # inside a paragraph of several sentences it is not ("... while the Dow Jones Industrial")
            return None
        if low in REPORTING_VERBS:
            return None  # "..., the two groups said": complete, only the period is missing
    return "mid-sentence"


#: The highest Zipf frequency (in the passage language and in English) of a capitalised fragment that
#: :func:`_name_continued` reads as the start of a name: "rom", "sim", "spa", "goo" are strings the lists
#: count often, rarely as the whole capitalised word ("Rom" of "Romney", "Goo" of "Google").
_NAME_FRAGMENT_ZIPF = 4.0


def _name_continued(
    frag: str, lang: str, vocabulary: Mapping[str, int], document: str, shortest: int = 3, prefixed=None
) -> bool:
    """A capitalised fragment of 3+ letters ("Rom") that the document uses only there, begins a capitalised
    word the document writes ("Romney", 2 to 8 more lower-case letters: not an inflection, demonym or
    derivation of a whole word: "Babylon" / "Babylonians") and is no frequent word itself (Zipf under 4 in
    the passage language and English for 3-4 letters, under 3 for a longer one: "Glass" / "Glasslands",
    "Off" / "Office", "Addict" / "Addictive" are whole words). ``shortest``: the fewest letters (2 where the
    caller has other evidence: a lower-case word before the fragment)."""
    low = frag.lower()
    if (
        len(frag) < shortest
        or not frag[1:].islower()
        or vocabulary.get(low, 0) > 1
        or low in CALENDAR_WORDS
        or not has_word_lists()
        or low in _common_stopwords(lang)
        or any(list_zipf(low, lg) >= (_NAME_FRAGMENT_ZIPF if len(frag) <= 4 else 3.0) for lg in _word_langs(lang))
    ):
        return False
    if prefixed is not None and not prefixed.continued(low):
        return False  # no word of the document continues the fragment by 2+ letters (a quick test first)
    # the matches of ``(?<![^\W\d_])FRAG([a-zà-öø-ÿ]{2,8})(?![^\W\d_])``, from a string search for the fragment
    q = document.find(frag)
    while q >= 0:
        if q == 0 or not _LETTER.match(document, q - 1):
            run = _NAME_REST.match(document, q + len(frag))
            if run and not _whole_word_rest(frag, run.group(1)):
                return True
        q = document.find(frag, q + 1)
    return False


_NAME_REST = re.compile(r"([a-zà-öø-ÿ]{2,8})(?![^\W\d_])")


#: A sentence's final mark glued to a capitalised word (no space): where a page's link label was put right after
#: the last sentence of a paragraph ("... the first time around.Continue Reading").
_GLUED_STOP = re.compile(r"(?<=[a-zà-öø-ÿ]{2})[.!?][\"”’»)]*(?=[A-ZÀ-ÖØ-Þ])")
#: The most words of a link label glued to a finished sentence (:func:`_glued_label`).
_GLUED_LABEL_WORDS = 4


def _glued_label(passage: str) -> bool:
    """The passage ends on a link label glued to its finished last sentence: after the last sentence mark
    that a capital follows without a space come at most :data:`_GLUED_LABEL_WORDS` words that each open with
    a capital or a figure, and nothing closes them ("... time around.Continue Reading", "... policy
    here.About Our Reviews"). The lost space is ART030's finding; the sentence before it is whole. A sentence
    cut after such a glue goes on in lower-case words ("... around.The mayor sai")."""
    tail = passage.rstrip()
    ends = [m.end() for m in _GLUED_STOP.finditer(tail, max(0, len(tail) - 80))]
    if not ends:
        return False
    label = tail[ends[-1] :].split()
    return 0 < len(label) <= _GLUED_LABEL_WORDS and all(w[:1].isupper() or w[:1].isdigit() for w in label)


def _pointer_title(passage: str, lang: str) -> bool:
    """A page pointer to another story (one line of one sentence opened by a :data:`_NAVIGATION` word: "Next
    Story ...", "Read more: ...") whose last word is a lower-case word of one or two letters that the lists know
    well (Zipf 4 or more: "ad", "ox"): the title it links to ends on a short word, it is not cut inside one.
    The one- and two-letter fragments that the stop-word lists miss are otherwise read as cuts ("... She re")."""
    line = passage.strip()
    if "\n" in line or not _NAVIGATION.match(line) or _SENT_BOUNDARY.search(line):
        return False
    found = _final_letters(line)
    if (
        found is None
        or not found[1].islower()
        or len(found[1]) > 2
        or found[0] == 0
        or not line[found[0] - 1].isspace()
    ):
        return False
    return max(zipf(found[1], lang), zipf(found[1], "en")) >= _POINTER_WORD_ZIPF


#: The least Zipf frequency of the short last word of a pointer's title (:func:`_pointer_title`).
_POINTER_WORD_ZIPF = 4.0


def _label_sentence(sentence: str) -> bool:
    """A last sentence that is a page pointer or a label, not prose ("Read more", "Reply to this comment",
    "All Rights Reserved", "Powered by Example VIP"). A short sentence in Title Case is not enough: a cut
    sentence full of names looks the same ("Officials met Mayor Ana Romn")."""
    return bool(_NAVIGATION.match(sentence))


#: A time of day ("9:12 am", "12:14pm", "15:28 Uhr", "9h12", "8:37 PM"): a colon between hours and minutes, or
#: a dot or "h" followed by a clock word.
_CLOCK = r"\b\d{1,2}(?::\d{2}(?:\s*[ap]\.?m\b\.?|\s*Uhr\b)?|[.h]\d{2}\s*(?:Uhr\b|h\b)|h\d{2}\b|\s*[ap]\.?m\b\.?)"
#: A date with its year, in any language's order and month names: day, month word and year ("3. März 2018",
#: "3 de junio de 2018", "13. Jul, 2012"), month word, day and year ("June 3, 2018", "July 19th, 2012"), or
#: figures ("03.06.2018", "4/13/1906").
_DATE = (
    r"\b\d{1,2}\.?\s+(?:[^\W\d_]{1,3}\s+)?[^\W\d_]{3,}\.?,?\s+(?:[^\W\d_]{1,3}\s+)?(?:19|20)\d{2}\b"
    r"|\b[^\W\d_]{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}\b"
    r"|\b\d{1,2}[./-]\d{1,2}[./-](?:19|20)?\d{2}\b"
)
_STAMP = re.compile(f"{_DATE}|{_CLOCK}", re.IGNORECASE)
_CLOCK_RE = re.compile(_CLOCK, re.IGNORECASE)
_DIGIT = re.compile(r"\d")
#: The most words of a timestamp line (:func:`_stamp_line`), of its words before the first date or time (a
#: name, "Posted on", "by Jane on") and after the last one (a button: "Reply", "- Antworten", "| Permalink").
_STAMP_WORDS, _STAMP_BEFORE, _STAMP_AFTER = 16, 8, 4


def _stamp_line(line: str) -> tuple[bool, bool]:
    """``(label, clock)``: is ``line`` a timestamp label line -- the date or time of a post or a reader's comment,
    with at most a name before it and a button or two after it ("Jane, 3. März 2018 um 15:28 Uhr - Antworten",
    "June 3, 2018 at 9:12 am Reply", "mtcountrygrl Posted on August 9, 2012 at 12:14pm", "(26 juin 2018 @10h13)")
    -- and does it give a time of day? The words after the last date or time open with a separator or a capital
    (a button, a name), or close the bracket that opens the stamp, not in lower case: "... released on June 3,
    2018 and grossed" is a sentence."""
    # every branch of _STAMP holds a decimal digit (``\d``): a line without one has no stamp (a quicker test
    # than its words or the stamp pattern, and than a Python loop over its characters)
    if _DIGIT.search(line) is None or len(line.split()) > _STAMP_WORDS:
        return False, False
    found = list(_STAMP.finditer(line))
    if not found:
        return False, False
    before, after = line[: found[0].start()], line[found[-1].end() :].strip(" \t.,")
    if len(before.split()) > _STAMP_BEFORE or len(after.split()) > _STAMP_AFTER:
        return False, False
    if after and not (
        after[0] in "-–—|/·•#»(" or after[0].isupper() or (after[0] in ")]" and before.rstrip()[-1:] in "([")
    ):
        return False, False
    return True, bool(_CLOCK_RE.search(line))


#: How far (in passages) a reader's comment lies from its timestamp line, before or after it (a comment
#: opens with its author and date or ends with them and its buttons).
_COMMENT_REACH = 6


#: The fewest timestamp lines without a time of day ("November 12, 2012") that make a thread of comments
#: (:func:`_comment_stamps` with ``dated``): an article's own date lines (published, updated) are fewer.
_DATED_STAMPS = 3


def _stamp_passages(text: str, passages) -> tuple[list[int], list[int]]:
    """``(clock, dated)``: the passages (of 400 characters at most) whose last line is a timestamp line
    (:func:`_stamp_line`) with a time of day, and those whose last line is one with or without it."""
    clock: list[int] = []
    dated: list[int] = []
    digit = _DIGIT.search
    for j, p in enumerate(passages):
        if p.end - p.start > 400 or digit(text, p.start, p.end) is None:
            continue  # a passage without a digit has no timestamp line (:func:`_stamp_line`)
        line = text[p.start : p.end].rstrip().rsplit("\n", 1)[-1]
        label, has_clock = _stamp_line(line)
        if label and has_clock:
            clock.append(j)
        if label:
            dated.append(j)
    return clock, dated


def _comment_stamps(found: tuple[list[int], list[int]], dated: bool = False) -> list[int]:
    """The passages whose last line is a timestamp line with a time of day, when the document holds two of them
    or more: a thread of reader comments. Else none; or, with ``dated``, the passages whose last line is a
    timestamp line with or without a time of day, when the document holds three of them or more, or two with a
    time of day (a thread whose comments give their date only). ``found``: the document's
    :func:`_stamp_passages`."""
    out, days = found
    if dated:
        return days if len(out) >= 2 or len(days) >= _DATED_STAMPS else []
    return out if len(out) >= 2 else []


class _Threads:
    """A document's comment-thread timestamp passages (:func:`_comment_stamps`), each kind computed on first use from
    one :func:`_stamp_passages` pass: ``clock`` (time-of-day lines) and ``dated`` (with date-only lines too)."""

    __slots__ = ("_text", "_passages", "_found", "_clock", "_dated")

    def __init__(self, text: str, passages) -> None:
        self._text, self._passages = text, passages
        self._found: tuple[list[int], list[int]] | None = None
        self._clock: list[int] | None = None
        self._dated: list[int] | None = None

    def _lines(self) -> tuple[list[int], list[int]]:
        if self._found is None:
            self._found = _stamp_passages(self._text, self._passages)
        return self._found

    @property
    def clock(self) -> list[int]:
        if self._clock is None:
            self._clock = _comment_stamps(self._lines())
        return self._clock

    @property
    def dated(self) -> list[int]:
        if self._dated is None:
            self._dated = _comment_stamps(self._lines(), dated=True)
        return self._dated


#: The fewest words of a passage of running prose (two sentences or more) whose last word, a short capitalised
#: fragment, :func:`_short_capital_cut` reads as a cut.
_PROSE_CAPITAL_WORDS = 16
#: The fewest words of a passage of one sentence that :func:`_short_capital_cut` reads as running prose.
_PROSE_CAPITAL_SENTENCE = 20
#: The share of stop words (of the passage language or English) of running prose for :func:`_short_capital_cut`.
_PROSE_STOPWORD_SHARE = 0.2
#: A dash that stands alone or follows a sentence end, then a few words at the end of a passage: the source of a
#: quotation or a note ('... money.” - Clint De Leon', '... respect.—Niall Rudd', "... peace' - Slovakia's PM Fico").
_DASH_SOURCE = re.compile(r"(?:(?<=\s)|(?<=[.!?…\"”’'»)]))[-–—]+\s*(?:\S+\s+){0,5}\S+$")


def _short_capital_cut(passage: str, lang: str, vocabulary: Mapping[str, int] | None) -> bool:
    """A passage of running prose (16+ words in two sentences or more, or 20+ in one; in sentence case: under half
    of its words of 4+ letters capitalised) that ends on a capitalised fragment of 3-4 letters after a space, used
    nowhere else in the document, that is no frequent word (Zipf under 4 in its language and English: "... in
    classical Greek and Rom", "... Guides Simon Wiget and Stef", "... award. Dr Aam"): a name or word cut short,
    though the lists know the letters. Weak evidence (a short rare name ends a sentence so), reported as info; a
    headline or a short line ending on a name is not judged."""
    body = passage.rstrip()
    found = _final_letters(body)
    if not found or not has_word_lists():
        return False
    start, frag = found
    if not (3 <= len(frag) <= 4 and frag[0].isupper() and frag[1:].islower()) or not body[start - 1 : start].isspace():
        return False
    low = frag.lower()
    if (vocabulary or {}).get(low, 0) > 1 or low in CALENDAR_WORDS or low in _common_stopwords(lang):
        return False
    if any(list_zipf(low, lg) >= _NAME_FRAGMENT_ZIPF for lg in _word_langs(lang)):
        return False
    ws = body.split()
    if len(ws) < _PROSE_CAPITAL_WORDS or (len(ws) < _PROSE_CAPITAL_SENTENCE and not _SENT_BOUNDARY.search(body)):
        return False
    if _DASH_SOURCE.search(body, max(0, len(body) - 80)):
        return False  # '... a lot of money.” - Clint De Leon', '... respect.—Niall Rudd': a quotation's source
    long_words = [w for w in ws[:-1] if len(w) > 3 and w[0].isalpha()]
    if 2 * sum(w[0].isupper() for w in long_words) >= len(long_words):
        return False  # a list of names or a Title Case line, not sentence case
    # running prose has its function words (a page's tag cloud, "... unemployment rate Wal Mart", has few)
    common = _common_stopwords(lang) | stopwords()["en"]
    return sum(w.lower() in common for w in ws) >= _PROSE_STOPWORD_SHARE * len(ws)


def _lone_function_word(passage: str, lang: str) -> bool:
    """The passage ends on one function word after a content word ("... logic gate series because"), not on two
    ("... en las a"): the first can introduce a list, the second is a cut."""
    ws = passage.split()
    nf = NEVER_FINAL.get(lang, NEVER_FINAL["en"])
    return len(ws) >= 2 and ws[-2].lower() not in nf and ws[-2].lower() not in DANGLING.get(lang, DANGLING["en"])


def joined_continued(joined: str, fragment: str) -> bool:
    """:meth:`_Prefixes.continued` by a search of the vocabulary ``joined`` a word per line (between line breaks):
    a word that starts with ``fragment`` and 2+ more characters, or holds it after an apostrophe."""
    needle = "\n" + fragment
    i = joined.find(needle)
    while i >= 0:
        e = i + len(needle)
        if "\n" not in joined[e : e + 2]:
            return True
        i = joined.find(needle, e)
    return ("'" + fragment) in joined or ("’" + fragment) in joined


class _Prefixes:
    """``prefixes(fragment)``: the words of a vocabulary (words of the text layer: no line breaks) that
    start with ``fragment``, found by a substring search for the line break and the fragment
    in the words joined a word per line (joined once, on first use)."""

    def __init__(self, vocabulary: Mapping[str, int]) -> None:
        self.vocabulary = vocabulary
        self.joined: str | None = None
        self._elided: frozenset[str] | None = None
        self._after_apostrophe: str | None = None
        self._sorted: list[str] | None = None

    def __call__(self, fragment: str) -> list[str]:
        if self.joined is None:
            self.joined = "\n" + "\n".join(self.vocabulary) + "\n"
        joined = self.joined
        needle = "\n" + fragment
        out = []
        i = joined.find(needle)
        while i >= 0:
            e = joined.find("\n", i + 1)
            if e < 0:
                break  # the final line break (an empty fragment)
            out.append(joined[i + 1 : e])
            i = joined.find(needle, e)
        return out

    def elided(self, word: str) -> bool:
        """Does a word of the vocabulary start with ``word`` and an apostrophe ("who’s" for "who")?"""
        if self._elided is None:
            self._elided = frozenset(_APOSTROPHE.split(w, 1)[0] for w in self.vocabulary if "'" in w or "’" in w)
        return word in self._elided

    def continued(self, fragment: str) -> bool:
        """Does a word of the vocabulary start with ``fragment`` and 2+ more characters, or hold it after an
        apostrophe ("d’évaluation")?"""
        if not fragment or "\n" in fragment:  # (never asked: the quicker tests below assume neither)
            if self.joined is None:
                self.joined = "\n" + "\n".join(self.vocabulary) + "\n"
            return joined_continued(self.joined, fragment)
        # the words that start with the fragment are a run of the sorted vocabulary (sorted once per
        # document, on first use): a bisection instead of a search of the whole vocabulary joined
        if self._sorted is None:
            self._sorted = sorted(self.vocabulary)
        ordered = self._sorted
        k = bisect_left(ordered, fragment)
        need = len(fragment) + 2
        while k < len(ordered) and ordered[k].startswith(fragment):
            if len(ordered[k]) >= need:
                return True
            k += 1
        # ``("'" + fragment) in joined or ("’" + fragment) in joined``: a word holds an apostrophe and the
        # fragment after it, i.e. what follows one of its apostrophes starts with the fragment; searched
        # in those remainders joined a line each (a few words), not in the whole vocabulary (two scans of
        # it per call)
        if self._after_apostrophe is None:
            rests = [w[k + 1 :] for w in self.vocabulary if "'" in w or "’" in w for k in _apostrophes(w)]
            self._after_apostrophe = "\n" + "\n".join(rests) + "\n" if rests else ""
        return ("\n" + fragment) in self._after_apostrophe


def _apostrophes(word: str) -> list[int]:
    """The offsets of the apostrophes (``'`` and ``’``) in ``word``."""
    return [k for k, c in enumerate(word) if c in "'’"]


#: How a passage ends closed for :meth:`TruncationCheck._in_list`.
_CLOSED = '.!?…"”’»)'


#: The most words of a line that :meth:`_PassageEnds.line_item` reads as an item of a list of lines (a link
#: title, a heading, an ingredient); the line judged may be longer (:data:`_LIST_LINE_WORDS`).
_LINE_ITEM_WORDS = 20
_LIST_LINE_WORDS = 30
#: The most words of each line of a paragraph that :meth:`TruncationCheck._list_line` reads as a
#: list laid out a line per item ("3 tablespoons olive oil" / "1 medium yellow onion, sliced thin").
_LIST_BLOCK_WORDS = 8


class _PassageEnds:
    """For each passage of a document, the character it ends with for :meth:`TruncationCheck._in_list`
    (a closing bracket or quote counts only after a sentence end), and the nearest passage before it
    that ends closed or on a colon (-1 when none): computed once per document, where the list test
    walked back through the passages at each call."""

    def __init__(self, text: str, passages) -> None:
        ends = []
        for p in passages:
            last = text[p.end - 1]
            if last in '"”’»)':
                # a bracket or quote closes a line only after a sentence end: "(and which one to avoid)" does not
                tail = text[p.start : p.end].rstrip('"”’»)')
                last = last if tail[-1:] in ".!?…" else tail[-1:] or "."
            ends.append(last)
        stops = []
        stop = -1
        for j, last in enumerate(ends):
            stops.append(stop)
            if last in _CLOSED or last == ":":
                stop = j
        self.ends = ends
        self.stops = stops
        # an edited text closes its paragraphs: of those of 120 characters or more, 3 at least and 80% of the
        # others than the one judged end closed
        long_ends = [e for p, e in zip(passages, ends, strict=True) if p.end - p.start >= 120]
        closed = sum(e in _CLOSED for e in long_ends)
        self.edited = closed >= 3 and closed >= 0.8 * (len(long_ends) - 1)

    def end(self, j: int) -> str:
        return self.ends[j] if 0 <= j < len(self.ends) else "."

    @staticmethod
    def line_item(text: str, passages, j: int, most: int = _LINE_ITEM_WORDS) -> bool:
        """Passage ``j`` is one line of one sentence of ``most`` words at most: a heading, a link title or a
        list item on a page, not a paragraph of prose."""
        p = passages[j]
        passage = text[p.start : p.end]
        return "\n" not in passage.strip() and not _SENT_BOUNDARY.search(passage) and len(passage.split()) <= most


#: The Zipf frequency from which the rest of a longer word (4+ letters) is a word of its own, so that the
#: longer word is a compound of the fragment and that word ("Franzi" / "#franzimoment", "Stellen" /
#: "Stellenangebote"), not the fragment completed ("administr" / "administration", "Romn" / "Romney").
_COMPOUND_REST_ZIPF = 3.5


def _compound_rest(rest: str, lang: str) -> bool:
    """Is ``rest`` (what a longer word of the document adds to a final fragment) a frequent word of ``lang``
    (German too) or English of 4+ letters? Then the fragment is a whole word that the document also
    compounds."""
    return (
        len(rest) >= 4
        and has_word_lists()
        and any(list_zipf(rest, lg) >= _COMPOUND_REST_ZIPF for lg in _word_langs(lang))
    )


def _continues_word(word: str, fragment: str) -> bool:
    """``word`` is ``fragment`` completed ("administr" / "administration"): 2 to 8 more letters, not the
    fragment's own possessive ("Gadkari" / "gadkari's") nor a longer compound ("Cardas" / "cardasphotography")."""
    rest = word[len(fragment) :]
    return (
        word.startswith(fragment)
        and len(rest) >= 2
        and (len(rest) <= 8 or len(fragment) <= 4)  # "Ch" / "Chefvolkswirt": a short fragment, a long compound
        and rest not in ("'s", "’s")
    )


#: How far after a line :func:`copy_cut` looks for the text the line repeats (characters).
_COPY_REACH = 2000
#: The words before a line's last fragment that must repeat, in order, the words before the completed word
#: (all of them in a shorter line): fewer is what a real headline shares with its story.
_COPY_WORDS = (4, 8)
_LETTER_RUN = re.compile(r"[^\W\d_]{2,}")
_APOSTROPHE = re.compile("['’]")


def _letter_runs(layer, i: int, j: int) -> list[str]:
    """The runs of 2+ letters, lower-cased, of the words ``i`` to ``j - 1`` of the text layer: "nebraska's"
    gives "nebraska", "iphone16e" "iphone"; figures and one-letter words are left out (a headline drops
    them: "The 7-2 vote" / "The Vote"). One search over the words' stretch of text."""
    if j <= i:
        return []
    return _LETTER_RUN.findall(layer.text[int(layer.starts[i]) : int(layer.ends[j - 1])].lower())


def copy_cut(layer, start: int, end: int, lang: str, prefixed=None) -> str | None:
    """The completed word when the line ``[start, end)`` repeats the text that follows it word for word
    and stops inside a word of it: a headline or teaser made from the opening of its story and cut
    ("Economists At The Regional University Warned That The Lo" / "Economists at the regional university
    warned that the loss ..."), else None.

    The evidence is the repetition, not the fragment: a cut fragment is often a word itself ("Four" of
    "fourth", "Con" of "contre"), and a complete headline's last word is often the start of a longer word
    of its story ("... Transmission Tech" / "technology", "Side Dish" / "dishes"), so the 4 to 8 words
    before the fragment must precede the completed word there too. A completed word made of the fragment
    and another frequent word that the lists do not know is two words glued on a page ("costumes" +
    "more"), not one cut. ``layer``: the document's :class:`audit.text.TextLayer`; ``prefixed(fragment)``
    (optional): the document's :class:`_Prefixes`, a quick test before the comparison."""
    i, j = layer.word_range(start, end)
    if j - i < _COPY_WORDS[0] + 1:
        return None
    low = layer.lower
    frag = low[j - 1]
    if len(frag) < 2 or not frag.isalpha() or (prefixed is not None and not prefixed.continued(frag)):
        return None  # no word of the document continues the fragment (the quickest test, first)
    line = _letter_runs(layer, max(i, j - _COPY_WORDS[1] - 4), j)
    if len(line) < _COPY_WORDS[0] + 1 or line[-1] != frag:
        return None
    head = line[-1 - min(len(line) - 1, _COPY_WORDS[1]) : -1]
    # the words before the fragment occur again in the document (or as the start of a word with an
    # apostrophe: "nebraska" of "nebraska's"), or the fragment is long enough to be judged alone
    counts = prefixed.vocabulary if prefixed is not None else None
    repeated = counts is None or all(counts.get(w, 2) >= 2 or prefixed.elided(w) for w in head)
    if not repeated and len(frag) < 3:
        return None
    rare = None if repeated else _rare(frag, lang)
    if not repeated and not rare:
        return None
    k, m = layer.word_range(end, end + _COPY_REACH)
    win = _letter_runs(layer, k, m)
    n = len(head)
    found = None
    # the words of the window that start with the fragment, picked without a Python step per word
    starting = compress(range(n, len(win)), map(methodcaller("startswith", frag), islice(win, n, None)))
    for x in starting if repeated else ():
        w = win[x]
        if win[x - n : x] == head:
            if w == frag:
                return None  # the following text repeats the whole line: it is complete
            rest = w[len(frag) :]
            if found is None and len(rest) >= 2 and not _glued(frag, w, lang) and not _inflected(frag, rest, lang):
                found = w
    if rare is None:
        rare = len(frag) >= 3 and _rare(frag, lang)
    if found is None and rare and frag not in win:
        # a headline written apart from its story: its last fragment, a word of neither the line's language
        # nor English, begins a word of the story (a word of the lists: "dressingssalsas" is a page's glued
        # menu) and never stands alone there ("... After Long Deb" / "debate")
        found = next((w for w in win if _continues_word(w, frag) and not _rare(w, lang, 0.01)), None)
    return found


#: Endings that make a whole word of the same stem, not the rest of a cut word: inflections, demonyms and
#: common derivations ("... exports to Japan" / "... exports to Japanese cars", "New York" / "New Yorkers").
_WHOLE_WORD_RESTS = frozenset(
    "es ed ing er ers ly ese ian ians an ans ish ness ment ments al ally ism isim ist ists ity ion ions ive ives ic ics"
    " ery ship hood".split()
)


def _whole_word_rest(frag: str, rest: str) -> bool:
    """Does ``rest`` make a whole ``frag`` a longer word (:data:`_WHOLE_WORD_RESTS`)? A plural in "-es" follows
    only a sibilant or an "o" ("Church" / "Churches", "Hero" / "Heroes"): "Tim" / "Times", "Stat" / "States"
    are cut words."""
    low = rest.lower()
    if low == "es":
        return frag.lower().endswith(("s", "x", "z", "ch", "sh", "o"))
    return low in _WHOLE_WORD_RESTS


#: How a passage's last words read for :func:`phrase_cut`: up to two words and the final run of letters.
_PHRASE_END = re.compile(r"(?:(?<!\S)([^\W\d_]+)\s+)?(?<!\S)([^\W\d_][\w’'-]*?)\s+([^\W\d_]+)$")


_SPACES = re.compile(r"\s+")
_LETTERS_OR_NONE = re.compile(r"[^\W\d_]*")


def _phrase_hits(text: str, context: list[str], frag: str):
    r"""``(start of the fragment, the letters after it)`` for each match of the words of ``context`` and
    ``frag``, separated by white space, the first word not preceded by a letter, in ``text``: the
    non-overlapping matches of ``(?<![^\W\d_])CONTEXT\s+FRAG([^\W\d_]*)`` (the words escaped), found from
    the occurrences of the first word (a string search) instead of a pattern compiled per passage and
    tried at every character of the text."""
    first = context[0]
    q = text.find(first)
    while q >= 0:
        nxt = q + 1
        if q == 0 or not _LETTER.match(text, q - 1):
            pos = q + len(first)
            for word in (*context[1:], frag):
                gap = _SPACES.match(text, pos)
                if gap is None or not text.startswith(word, gap.end()):
                    pos = -1
                    break
                pos = gap.end() + len(word)
            if pos >= 0:
                rest = _LETTERS_OR_NONE.match(text, pos).group(0)  # type: ignore[union-attr]
                yield pos - len(frag), rest
                nxt = pos + len(rest)
        q = text.find(first, nxt)


def phrase_cut(text: str, start: int, end: int, lang: str, prefixed: _Prefixes | None = None) -> str | None:
    """The word the document writes, elsewhere, after the same word (two words when the one before is a
    function word) as the passage ``[start, end)`` ends with, when the passage's last letters are its
    start and never stand alone after those words: "... found Ce" / "Paul Ceglia ... found Ceglia", "...
    the United St" / "the United States", "... spicy Bloody M" / "made Bloody Marys". A name or word the
    text spells out whole is the evidence, where the fragment alone is often a word or an abbreviation
    itself ("St", "Sim", "al"). The context and the fragment match with their case; an inflection or a
    derivation of a whole word ("Japan" / "Japanese", "album" / "albums") does not count, and neither does
    a fragment that the document writes alone after those words. ``prefixed``: the document's
    :class:`_Prefixes` (its words), a quick test before the search of the text."""
    tail = text[max(start, end - 200) : end].rstrip()
    if prefixed is not None:
        # quick test first, from the document's words: a word continues the fragment by 2+ letters (the
        # only matches below that can make an answer)
        final = _final_letters(tail)
        if not final or not prefixed.continued(final[1].lower()):
            return None
    m = _PHRASE_END.search(tail)
    if m is None:
        return None
    first, prev, frag = m.group(1), m.group(2), m.group(3)
    sw = _common_stopwords(lang) | stopwords()["en"]
    context = [prev]
    if len(prev) < 3 or prev.lower() in sw:
        if first is None or first.lower() in sw:
            return None  # "in the Co": too common a context to be evidence
        context = [first, prev]
    found = None
    cut_at = max(start, end - 200) + m.start(3)  # where the passage's own fragment starts
    for at, rest in _phrase_hits(text, context, frag):
        if at == cut_at:
            continue  # the passage's own ending
        if not rest or rest in ("s", "'s", "’s"):
            return None  # the document writes the fragment whole (or its plural) after the same words
        if (
            found is None
            and len(rest) >= 2
            and not _whole_word_rest(frag, rest)
            and not _glued(frag.lower(), (frag + rest).lower(), lang)  # "Costumes" / "CostumesMore": a glued menu
        ):
            found = frag + rest
    if found and len(frag) > 3 and not _rare(frag.lower(), lang):
        return None  # a listed word of 4+ letters that a longer word begins: a compound or derivation ("Face" / "Facebook")
    return found


#: A number of 1 to 3 digits that ends a passage after a word or mark that introduces a year ("in 178",
#: "from 19", "the beginning of 19", "(193", "Nov 06, 2"): read against the years the document writes (:func:`year_cut`).
_YEAR_CUT = re.compile(
    r"(?:(?<![^\W\d_])(?:in|of|from|since|until|till|during|before|after|around|early|late|en|desde|em|im|seit|nel|dal|depuis)\s+|\(|\d,\s+)(\d{1,3})$"
)
_YEAR = re.compile(r"(?<![\d.,])(?:1[5-9]|20)\d\d(?![\d.,]\d)")


def year_cut(passage: str, text: str) -> bool:
    """The passage ends on the first 1 to 3 digits of a year the document writes elsewhere, after a
    preposition of time, an opening bracket or a date's comma ("... in 178" with "1786" elsewhere,
    "(193" with "1935"): a year is written whole; a count or a figure of a table after "in" is not
    cut ("up 12 pct in 3", when no year starts "3")."""
    tail = passage.rstrip()
    m = _YEAR_CUT.search(tail, max(0, len(tail) - 40))
    if m is None:
        return False
    digits = m.group(1)
    return any(y.group(0).startswith(digits) for y in _YEAR.finditer(text))


#: The languages whose word lists tell a whole word from a cut one: those of the word-list tests and the
#: compounding ones (German), whose lists know "Medien", "Schweiz", "Überwachung" as words though the
#: tests that call a fragment "no word" do not read them (a compound is in no list).
_WORD_LANGS = WORDFREQ_LANGS + COMPOUND_LANGS


def _word_langs(lang: str) -> list[str]:
    """``lang`` and English, those of them with a list (:data:`_WORD_LANGS`)."""
    return [lg for lg in dict.fromkeys((lang, "en")) if lg in _WORD_LANGS]


def _rare(word: str, lang: str, below: float = 3.0) -> bool:
    """``word``'s Zipf frequency is under ``below`` in the lists of ``lang`` (German too) and of English (under
    3: not a word in its own right; under 0.01: unknown); False without the lists."""
    langs = _word_langs(lang)
    return bool(langs) and has_word_lists() and all(list_zipf(word, lg) < below for lg in langs)


#: Endings that inflect a whole word (a plural, a past, a participle, a comparative, an adverb).
_INFLECTIONS = frozenset({"es", "ed", "ing", "er", "ers", "ly"})


def _inflected(frag: str, rest: str, lang: str) -> bool:
    """``frag`` + ``rest`` is a frequent word inflected ("dish" + "es", "trend" + "ed"): a headline that
    repeats its story in the singular or another tense, not a cut. Without the lists, never."""
    if rest not in _INFLECTIONS or not has_word_lists():
        return False
    return any(list_zipf(frag, lg) >= 3.5 for lg in _word_langs(lang))


def _glued(frag: str, word: str, lang: str) -> bool:
    """``word`` is ``frag`` and another frequent word glued together ("costumesmore"), not a word of the lists."""
    langs = _word_langs(lang)
    if not langs or not has_word_lists() or any(list_zipf(word, lg) > 0 for lg in langs):
        return False
    rest = word[len(frag) :]
    return max(list_zipf(frag, lg) for lg in langs) >= 3 and max(list_zipf(rest, lg) for lg in langs) >= 3


def _grammar_cut(tail: str, lang: str = "und") -> str | None:
    """``"open-clause"`` when a subordinate clause stops after its subject, ``"open-quote"`` when a quotation
    or bracket opened in the passage is never closed."""
    pos = max(0, len(tail) - 80)  # the last 80 characters, read as part of the text (no word cut at the edge)
    clause = _OPEN_CLAUSE.search(tail, pos)
    if clause and _COMPARATIVE.search(tail, max(0, clause.start() - 20), clause.start()):
        clause = None
    if clause or _VERBLESS_ATTRIBUTION.search(tail, pos) or _SAID_NP.search(tail, pos):
        return "open-clause"
    subjectless = _SUBJECTLESS_ATTRIBUTION.search(tail, pos)
    if subjectless and subjectless.group(1).lower() in REPORTING_VERBS:
        return "open-clause"
    verb = _OPEN_VERB.search(tail, pos) if lang in ("en", "und") else None
    if verb and (
        not verb.group(0)[:1].isalpha() or verb.group(0).startswith("such") or not _CLOSED_COPULA.search(tail, pos)
    ):
        return "open-clause"
    if _open_quote(tail, lang):
        return "open-quote"
    return None


def _long_fragment(passage: str) -> bool:
    """The passage ends on a lower-case fragment or one of 3+ letters (evidence of a cut word, not a lone
    capital: "From A to Z" is a title)."""
    found = _final_letters(passage.rstrip())
    return bool(found and (len(found[1]) >= 3 or found[1].islower()))


#: Function words of any language the layout knows (a line that ends on one runs on into the next).
_ANY_FUNCTION_WORD = frozenset().union(*NEVER_FINAL.values())


#: Particles inside names, where a line may break ("Robert de" / "Niro", "José Ortega y" / "Gasset").
_NAME_PARTICLES = frozenset("de da di del della van von der den du des la le lo los las dos das do y e zu".split())


def _split_foreign_joins(text: str, paragraphs, lang: str) -> tuple[Paragraph, ...]:
    """``paragraphs`` with the lines split apart that the layout joined only because the first ends on a
    function word of another language than the document's: in an English text, a line cut inside a word
    often stops on a letter or two that some language writes as a word ("... Hasen sa" / "Many of the
    problems ...", "... been a good y" / "“Um ...", "... anything that mi"), and the next line starts a new
    paragraph. A break inside a name (a particle after a capitalised word: "Robert de" / "Niro") or one before a
    lower-case line stays joined."""
    own = NEVER_FINAL.get(lang)
    if own is None:
        return tuple(paragraphs)
    out: list[Paragraph] = []
    for para in paragraphs:
        s, e = para.span.start, para.span.end
        if para.lines < 2 or para.kind != "prose":
            out.append(para)
            continue
        start = s
        nl = text.find("\n", s, e)
        while nl >= 0:
            line = text[start:nl].rstrip()
            nxt = text[nl + 1 : e].lstrip()
            ws = line.rsplit(None, 2)
            if (
                len(line) >= 20
                and len(ws) == 3
                and ws[-1].isalpha()
                and ws[-1].islower()
                and ws[-1] in _ANY_FUNCTION_WORD
                and ws[-1] not in own
                and (ws[-2][:1].islower() or ws[-1] not in _NAME_PARTICLES)
                and nxt.lstrip('"“‘«(')[:1].isupper()
            ):
                out.append(Paragraph(Span(start, start + len(line)), "prose", text.count("\n", start, nl) + 1))
                start = nl + 1 + (len(text[nl + 1 : e]) - len(nxt))
            nl = text.find("\n", nl + 1, e)
        out.append(para if start == s else Paragraph(Span(start, e), para.kind, text.count("\n", start, e) + 1))
    return tuple(out)


def _fragment_like(passage: str, lang: str, vocabulary: Mapping[str, int] | None) -> bool:
    """The passage ends on a short lower-case letter run (4 letters at most) that reads as the start of a
    word rather than a word: the document uses it once, it is no frequent word of ``lang`` or English
    (Zipf under 4.5), and a common word begins with it ("... light yea", "... specific signals tha", "...
    aliasing or blu"). A section's closing sentence that lost only its period ends on a word."""
    found = _final_letters(passage.rstrip())
    if not found or not has_word_lists():
        return False
    frag = found[1]
    if len(frag) > 4 or not frag.islower() or (vocabulary or {}).get(frag, 0) > 1:
        return False
    langs = [lg for lg in dict.fromkeys((lang, "en")) if lg in WORDFREQ_LANGS]
    return bool(langs) and all(zipf(frag, lg) < 4.5 for lg in langs) and begins_common_word(frag, langs[0])


def _headline_like(passage: str) -> bool:
    """A line that reads as a title, a label or a sign-off rather than running prose: no sentence end inside
    and under 12 words ("Kunden fordern neues Streaming-Modell"), or a last sentence of under 4 words
    ("... sehr gut verfasst. lg"). A passage of running prose whose last sentence stops inside a word is
    the shape of a cut; a line like this one ends on names, compounds and romanised words as often."""
    body = passage.rstrip()
    last = body[_last_sentence_start(body) :]
    if len(last.split()) < 4:
        return True
    return last == body and len(body.split()) < 12


def _clear_fragment(passage: str, lang: str, vocabulary: Mapping[str, int] | None) -> bool:
    """The passage ends on a lower-case run of 4+ letters that is no word (Zipf under 2 in ``lang`` and in
    English), that the document uses only there, and that begins a common word ("... simpl", "... compan",
    "... upcomin"): the evidence of a cut inside a word is then the fragment itself, so a short line of 4
    words ("To access them, simpl") is judged, where a line that ends on a name or a word needs 6."""
    found = _final_letters(passage.rstrip())
    if not found or not has_word_lists():
        return False
    frag = found[1]
    if len(frag) < 4 or not frag.islower() or (vocabulary or {}).get(frag, 0) > 1:
        return False
    langs = [lg for lg in dict.fromkeys((lang, "en")) if lg in WORDFREQ_LANGS]
    return bool(langs) and all(zipf(frag, lg) < 2.0 for lg in langs) and begins_common_word(frag, langs[0])


def _tables(paragraphs) -> frozenset[int]:
    """The indexes of the paragraphs that belong to a table of figures: a table paragraph of two lines or
    more, or one next to another. A lone line of figures is a date or a byline ("November 06, 2012",
    "Sunday, October 28, 2012 at 12:48 PM"), not a table that the text around it annotates."""
    table = [p.kind == "table" for p in paragraphs]
    n = len(table)
    return frozenset(
        j
        for j, t in enumerate(table)
        if t and (paragraphs[j].lines >= 2 or (j > 0 and table[j - 1]) or (j + 1 < n and table[j + 1]))
    )


#: Kinds of cut with grammatical evidence (reported as warnings); a whole content word without final
#: punctuation (``mid-sentence``) is usually a missing period and is reported as info.
_STRONG = frozenset({"mid-word", "function-word", "open-clause", "open-quote"})

#: How a line of code, a command or markup opens ("$ pip install", "**kwargs", "%formatting", "<div>"): no
#: sentence does, so a sentence stopped on a function word or comma before it goes on in it.
_CODE_START = frozenset("$%*`<{[\\/#~@_=|")
#: Languages that capitalise their nouns: a line that opens with a capitalised word may continue a sentence.
_NOUN_CAPITALS = frozenset({"de"})


#: The widths (columns) at which plain text is hard-wrapped for a terminal or an e-mail (72-80; a line of prose of
#: 60-69 characters before a short sentence is common in any text).
_WRAP_COLUMNS = (70, 80)
#: The most lines of a wrapped sentence :func:`_terminal_wrap` reads on.
_WRAP_LINES = 8
#: A line that ends a sentence: a full stop, question or exclamation mark, then closing quotes or brackets.
_ENDS_SENTENCE = re.compile(r"[.!?…。！？][\"”’»)\]'`）」』]*$")
#: The most words of a heading in Title Case after a paragraph that ends on a comma (:meth:`TruncationCheck._heading_next`).
_HEADING_WORDS = 12
#: Page furniture around a cut (:meth:`TruncationCheck._among_furniture`): the most words of the passage, the
#: most words of a short line around it, how many passages on each side are read, the share of those read that
#: must be short lines (5 of 8) and the fewest short lines.
_RESIDUE_WORDS, _FURNITURE_WORDS, _FURNITURE_REACH = 12, 10, 4
_FURNITURE_SHARE, _FURNITURE_LINES = (5, 8), 4
#: The most words after the ellipsis that marks a quotation's cut as the site's (a read-more link).
_READ_MORE_WORDS = 2


def _chat_letters(passage: str, lang: str) -> bool:
    """The passage ends on two lower-case letters that follow no function word ("... just leave cx", "... to the
    chest ha", "... only one foot el"): in a one-line message these are slang, laughter or another language's
    word, where a cut inside a word leaves its start after an article or preposition ("... a real pain in the
    ne") or a single letter ("... by the end o")."""
    tail = passage.rstrip()
    found = _final_letters(tail)
    if not found or len(found[1]) != 2 or not found[1].islower():
        return False
    prev = _WORD_BEFORE_WORD_R.match(tail[::-1])
    before = prev.group(1)[::-1].lower() if prev else ""
    return before not in NEVER_FINAL.get(lang, NEVER_FINAL["en"]) and before not in NEVER_FINAL["en"]


#: Function words that are also a whole word closing a sentence: an object pronoun ("... just leave her"), or
#: in Spanish and Portuguese the unaccented spelling of a stressed word that informal typing drops the accent
#: of (``si``/``sí``, ``el``/``él``, ``tu``/``tú``, ``mi``/``mí``, ``que``/``qué``, ``como``/``cómo``).
_FINAL_HOMOGRAPHS = {
    "en": frozenset({"her"}),
    "es": frozenset({"si", "el", "tu", "mi", "que", "como"}),
    "pt": frozenset({"que"}),
}
#: The most characters of a one-line record that may end on a whole word without a stop: a text message or a
#: classic post (160, 140), a proverb, a caption.
_MESSAGE_CHARS = 160
#: The Zipf frequency from which the last word of a short record is a word of some listed language.
_RECORD_WORD_ZIPF = 3.5


def _record_complete(passage: str, kind: str, lang: str) -> bool:
    """A one-line short record (a post, a proverb, a caption; not clipped by a tool: see the caller) that
    ends without a stop is complete as written unless its end is a cut's evidence: a function word, a comma, one
    or two capitals, a clear fragment, a word the text completes. Here are the endings that are no such evidence: a whole word
    (``mid-sentence``), a function word that is also a closing pronoun (:data:`_FINAL_HOMOGRAPHS`), and a
    lower-case last word of 3+ letters that a listed language uses often (a code-switched post: "... de la
    cama", "... does the paro"), whatever language the record was judged to be in."""
    tail = passage.rstrip()
    found = _final_letters(tail)
    if kind == "mid-sentence":
        # a final comma stays evidence (the sentence was going on), and so do one or two capitals ("... und der Ch");
        # a whole last word only in a record of a message's size (a longer one-line text is as often the first
        # paragraph of an article, cut)
        return (
            len(tail) <= _MESSAGE_CHARS
            and not tail.endswith(",")
            and not (found and len(found[1]) <= 2 and found[1][0].isupper())
        )
    if not found:
        return False
    frag = found[1]
    if kind == "function-word":
        low = frag.lower()
        return any(low in _FINAL_HOMOGRAPHS.get(lg, ()) for lg in dict.fromkeys((lang, "en", "es")))
    if kind != "mid-word" or len(frag) < 3 or not frag.islower() or not has_word_lists():
        return False
    if lang not in WORDFREQ_LANGS or not lists_confirm(passage, lang):
        return True  # a record in a language the lists do not read (a proverb in Esperanto or Irish)
    return any(zipf(frag, lg) >= _RECORD_WORD_ZIPF for lg in WORDFREQ_LANGS)


def _columns(line: str) -> int:
    """The columns a line takes on a terminal: wide (CJK) characters two, escape sequences
    (:data:`~audit.chars.ANSI_RE`) none."""
    line = ANSI_RE.sub("", line).expandtabs()
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


@lru_cache(maxsize=1)
def _fits_terminal(text: str) -> bool:
    """No line of ``text`` is wider than 80 columns: a text laid out for a terminal (Wikipedia's lines are
    paragraphs). Read once per document, however many of its passages :func:`_terminal_wrap` looks at."""
    return not any(2 * len(line) > _WRAP_COLUMNS[1] and _columns(line) > _WRAP_COLUMNS[1] for line in text.split("\n"))


def _terminal_wrap(text: str, end: int) -> bool:
    """A plain-text record wrapped at a terminal's width, too short (or too mixed) for the layout to see its
    wrap: every line of the text fits in 80 columns, the line that ends at ``end`` takes 70-80
    (:data:`_WRAP_COLUMNS`, wide CJK characters two), and after single line breaks lines of that width, indented
    no further (one space more aligns a quotation), go on until one no wider ends a sentence ("... do what I do:
    Pour a little" / " Lavoris in the toilet.\""; a Chinese or Korean line broken inside a word, "... 初始化进" /
    "程）。")."""
    first = text[text.rfind("\n", 0, end) + 1 : end]
    width = _columns(first)
    if not _WRAP_COLUMNS[0] <= width <= _WRAP_COLUMNS[1] or not _fits_terminal(text):
        return False
    indent = len(first) - len(first.lstrip())
    pos = end
    for _ in range(_WRAP_LINES):
        if not _WRAP_COLUMNS[0] <= width <= _WRAP_COLUMNS[1] or text[pos : pos + 1] != "\n":
            return False
        nl = text.find("\n", pos + 1)
        line = text[pos + 1 : nl if nl >= 0 else len(text)]
        if not line.strip() or len(line) - len(line.lstrip()) > indent + 1:
            return False  # a blank line, or an indented line that opens the next paragraph (one space aligns a quote)
        visible = ANSI_RE.sub("", line).rstrip()
        new = _columns(visible)
        if _ENDS_SENTENCE.search(visible):
            return new <= _WRAP_COLUMNS[1]
        if nl < 0:
            return False
        width, pos = new, nl
    return False


#: A block of verse (:func:`_verse_block`): its fewest lines, and the most characters of each of them.
_VERSE_LINES = 3
_VERSE_LINE_CHARS = 40


def _verse_block(passage: str) -> bool:
    """A passage of :data:`_VERSE_LINES` or more lines of :data:`_VERSE_LINE_CHARS` characters at most, fewer
    than half of them closed by a sentence mark: a stanza (or a list of short lines), laid out line by line and ending without a stop by design ("... will
    will still still" / "hu hu"), whatever its lines begin with (the layout's verse needs capitalised lines;
    German and Russian verse, nursery rhymes and refrains open lines in lower case)."""
    lines = [line.strip() for line in passage.split("\n")]
    lines = [line for line in lines if line]
    return (
        len(lines) >= _VERSE_LINES
        and all(len(line) <= _VERSE_LINE_CHARS for line in lines)
        and 2 * sum(bool(_ENDS_SENTENCE.search(line)) for line in lines) < len(lines)
    )


def _platform_cut(text: str) -> Finding | None:
    """A post cut by its platform: a post-sized text (:data:`POST_CHARS`) that ends on a word and an ellipsis
    typed against it, and is a retweet (``RT @user:``) or has the platform's link after the ellipsis. A
    writer's own trailing ellipsis ("... and then...") has neither."""
    if len(text) > 2 * POST_CHARS or "\n" in text.strip():
        return None
    m = _PLATFORM_CUT.search(text)
    if m is None or len(text.strip()) > POST_CHARS:
        return None
    if not (m.group(2) or text.lstrip().startswith("RT @")):
        return None
    end = m.end(1)
    start = text.rfind(":", 0, m.start(1)) + 1 if text.lstrip().startswith("RT @") else 0
    start += len(text[start:end]) - len(text[start:end].lstrip())
    tail = text[max(start, end - 30) : end]
    return ART020.finding(
        (start, end),
        f"document is cut by its platform: it ends with {tail!r}, an ellipsis typed against a word"
        + (" and a link" if m.group(2) else " in a retweet"),
        data={"scope": "document", "kind": "ellipsis", "ending": tail},
    )


@dataclass(frozen=True)
class TruncationConfig:
    #: Also report quotes that open and are cut a few words later (ART022, info).
    quote_cut: bool = True


class TruncationCheck(DocumentCheck):
    rules = (ART020, ART021, ART022)
    uses = frozenset({"language"})  # passage languages from the language check
    section = "truncation"
    config_class = TruncationConfig
    order = 60

    @staticmethod
    def _continues(text: str, passages, i: int, kind: str, lang: str = "und") -> bool:
        """The sentence goes on in the next paragraph: it starts lower-case (a stray break inside a sentence,
        nothing lost; also after the quotation marks of an e-mail, "> "), or -- after a passage that stops on
        a function word -- it is a short unpunctuated line, the link or label that a page template put after
        its own words ("posted at 6:22 PM in" / "music | streams", "Part of complete coverage on" /
        "Election Center"), a line of code that an extractor put apart from its sentence ("... to convert a" /
        "**kwargs dict from", "Alternately," / "$ poetry new"), or, in a language that capitalises its nouns
        (German), the line after a single line break opens with the noun the function word introduces
        ("... viel Arbeit diese" / "Veranstaltungen in der ...": not a function word, which opens a new
        sentence)."""
        if i + 1 >= len(passages):
            return False
        nxt = text[passages[i + 1].start : passages[i + 1].end].strip()
        if nxt.lstrip("\"“‘«('> ")[:1].islower():
            return True  # also inside a quotation that starts the next line ("reminds us that" / "“tears are")
        end = text[passages[i].end - 1]
        if (kind == "function-word" or end == ",") and nxt[:1] in _CODE_START:
            return True  # "... implementation of" / "%formatting": inline code the extractor put on its own line
        gap = text[passages[i].end : passages[i + 1].start]
        if kind == "function-word" and lang in _NOUN_CAPITALS and gap.count("\n") == 1:
            first = _LETTERS.match(nxt)
            if first and first.group(0)[:1].isupper() and first.group(0).lower() not in stopwords().get(lang, ()):
                return True  # "... Arbeit diese" / "Veranstaltungen in der Eissporthalle ...": the noun follows
        if text[passages[i].end - 1] in ",:" and nxt[:1] in '"“‘«':
            return True  # "I read that as," / "“And that's the story...”": the quotation follows
        if text[passages[i].end - 1] in "“‘«(":
            return True  # a quotation or bracket opened at the line end goes on in the next paragraph
        if gap.count("\n") == 1 and "\n\n" in text and text[passages[i].end - 1] == ",":
            # a line break inside a paragraph of a text whose paragraphs are separated by blank lines
            # ("Previously," / "LaRocco, who is not an attorney, ...")
            return True
        last_word = text[passages[i].start : passages[i].end].rsplit(None, 1)[-1]
        if text[passages[i].end - 1] == "," and len(re.split(r"(?<=[.!?])\s", nxt, maxsplit=1)[0].split()) <= 3:
            return True  # "... when you're in Holland," / "On my costs. To talk ...", or a button ("Reply") after a comment
        if (
            last_word[:1].isupper()
            and len(last_word) >= 2
            and last_word.lower() in NEVER_FINAL.get("en", frozenset())
            and _lone_function_word(text[passages[i].start : passages[i].end], "en")  # not "... station in Nor"
            and nxt[:1].isupper()
            and kind == "function-word"
        ):
            return True  # a break inside a name: "... its affiliate, The" / "Democratic Union"
        if re.match(r"[A-ZÀ-Þ]\.\s", nxt) and re.search(
            r"[A-ZÀ-Þ][^\W\d_]*$", text[passages[i].start : passages[i].end]
        ):
            return True  # a break inside a name: "and Aubrey" / "G. Lanston Co., owned by ..."
        if gap.count("\n") == 1 and _terminal_wrap(text, passages[i].end):
            return True
        return kind == "function-word" and len(nxt.split()) <= 8 and nxt[-1:] not in ".!?…:,;"

    @staticmethod
    def _before_heading(text: str, passages, i: int) -> bool:
        """The next paragraph is a heading: one short line (6 words at most) in sentence or title case that
        ends without punctuation or with a lone full stop (the heading style of extracted wikis), and text
        follows it."""
        if i + 2 >= len(passages):
            return False
        nxt = text[passages[i + 1].start : passages[i + 1].end].strip()
        ws = nxt.split()
        return (
            0 < len(ws) <= 6
            and "\n" not in nxt
            and nxt[:1].isupper()
            and (nxt[-1:].isalnum() or (nxt.endswith(".") and nxt[-2:-1].isalpha() and nxt.count(".") == 1))
        )

    @classmethod
    def _heading_next(cls, text: str, passages, i: int) -> bool:
        """The next paragraph is a heading (:meth:`_before_heading`), or a line of 12 words at most in Title
        Case that ends on a word or a question mark ("Deficit Reduction After He Proposes Cutting Taxes?"), and
        text follows it."""
        if cls._before_heading(text, passages, i):
            return True
        if i + 2 >= len(passages):
            return False
        nxt = text[passages[i + 1].start : passages[i + 1].end].strip()
        ws = nxt.split()
        long_words = [w for w in ws if len(w) > 3]
        return (
            0 < len(ws) <= _HEADING_WORDS
            and "\n" not in nxt
            and (nxt[-1:].isalnum() or nxt.endswith("?"))
            and not _SENT_BOUNDARY.search(nxt)
            and len(long_words) >= 2
            and sum(w[0].isupper() for w in long_words) > 0.6 * len(long_words)
        )

    @staticmethod
    def _among_furniture(text: str, passages, i: int, ends: _PassageEnds) -> bool:
        """The passage (12 words at most) stands among page furniture: 5 of the 8 passages around it (4 on each
        side; near the start or the end of the document, 5/8 of those there and 4 at least) are short (10 words at
        most) and of one sentence, and end open (no period, question or exclamation mark, closing quote): a
        footer's or a menu's links, a sidebar's teasers, a form's options, verse."""
        if len(text[passages[i].start : passages[i].end].split()) > _RESIDUE_WORDS:
            return False
        short = read = 0
        for j in range(max(0, i - _FURNITURE_REACH), min(len(passages), i + _FURNITURE_REACH + 1)):
            if j == i:
                continue
            read += 1
            t = text[passages[j].start : passages[j].end]
            if len(t.split()) <= _FURNITURE_WORDS and ends.end(j) not in _CLOSED and not _SENT_BOUNDARY.search(t):
                short += 1
        return short >= _FURNITURE_LINES and short * _FURNITURE_SHARE[1] >= read * _FURNITURE_SHARE[0]

    @classmethod
    def _residue(cls, text: str, passages, i: int, kind: str, ends: _PassageEnds, threads: list[int]) -> bool:
        """A cut whose place says that the text's prose was not cut, not reported: the passage is page furniture
        (:meth:`_among_furniture`: a footer's "... is a product of" whose logo was an image, a sidebar's
        teasers), a reader's comment between the timestamp lines of a thread (a reader quotes part of another
        comment's sentence: "Et comme nous tous ici portons Brassens dans notre cœur,"), a paragraph that ends
        on a comma before a heading (what the page put there, a list, an embedded post, is missing, not words
        of the sentence), or a quotation whose site marked the cut with an ellipsis and a read-more link
        (:meth:`_ellipsis_quote`: "“Objektives, faktenbegründetes … Weiterlesen"). The page furniture is reported as
        residue by the boilerplate and structure rules; on real web text none of these cuts was a true one."""
        ptext = text[passages[i].start : passages[i].end].rstrip()
        if cls._among_furniture(text, passages, i, ends):
            return True
        if any(0 < i - j <= _COMMENT_REACH for j in threads) and any(0 < j - i <= _COMMENT_REACH for j in threads):
            return True
        if ptext.endswith(",") and cls._heading_next(text, passages, i):
            return True
        return cls._ellipsis_quote(ptext, kind, _READ_MORE_WORDS)

    @staticmethod
    def _ellipsis_quote(ptext: str, kind: str, most_after: int | None = None) -> bool:
        """An open quotation with an ellipsis inside it; with ``most_after``, followed by that many words at most
        (the site's cut mark and its read-more link: "“Objektives, faktenbegründetes … Weiterlesen"). An
        ellipsis further back, the writer's own mark of an omission ("“... not to Karzai ... Karzai and other"),
        is no evidence of the place: such a cut is reported as info."""
        if kind != "open-quote":
            return False
        rest = ptext[max(ptext.rfind(o) for o in '“«(["') :]
        mark = max(rest.rfind("…"), rest.rfind("..."))
        if mark < 0:
            return False
        return most_after is None or len(rest[mark:].lstrip(".… ").split()) <= most_after

    @staticmethod
    def _short_letters(ptext: str, kind: str, lang: str, completed: bool) -> bool:
        """A last fragment of one or two letters in a language whose short words the stop-word lists do not know
        ("... 18.I.1919 г., в"), unless the document writes it ``completed`` elsewhere: reported as info."""
        if kind == "mid-word" and not completed and lang not in stopwords():
            found = _final_letters(ptext.rstrip())
            return bool(found and len(found[1]) <= 2 and found[1].islower())
        return False

    @staticmethod
    def _alternatives(text: str, passages, i: int) -> bool:
        """The passage ends on "or"/"and" as one of a run of items, each a paragraph: a neighbour also ends on
        "or"/"and", a comma or a semicolon, or the run is introduced by a colon."""
        ends = re.compile(r"(?:[,;:]|\b(?:or|and|oder|und|ou|et|o|y|e))$", re.IGNORECASE)

        def tail(j: int) -> str:
            return text[passages[j].start : passages[j].end].rstrip() if 0 <= j < len(passages) else ""

        if not re.search(r"\b(?:or|and|oder|und|ou|et|o|y|e)$", tail(i), re.IGNORECASE):
            return False
        return bool(ends.search(tail(i - 1)) or ends.search(tail(i + 1)))

    @staticmethod
    def _comma_run(text: str, passages, i: int) -> bool:
        """The paragraph before or after also ends on a comma."""
        return any(
            0 <= j < len(passages) and text[passages[j].start : passages[j].end].rstrip()[-1:] == ","
            for j in (i - 1, i + 1)
        )

    @classmethod
    def _comma_item(cls, text: str, passages, i: int, ends: _PassageEnds) -> bool:
        """A line that ends on a whole word and a comma between two lines that end open (no final mark, no
        colon) is an item of a list laid out a line per item ("Venezuela, le pays du pétrole" / "Bolivie, le
        pays de la coca," / "Argentine, ruinée par ..."); after a line that ends on a colon it is not (a
        sentence that introduced a formula the extraction lost: "... preceding remainders,")."""
        return (
            0 < i < len(passages) - 1
            and text[passages[i].end - 1] == ","
            and all(ends.end(j) not in _CLOSED and ends.end(j) not in ":," for j in (i - 1, i + 1))
            and cls._in_list(text, passages, i, ends)
        )

    @staticmethod
    def _short_lines(text: str, passages, i: int) -> bool:
        """The passage and both its neighbours are short lines (10 words at most): verse or a list."""
        return 0 < i < len(passages) - 1 and all(
            len(text[passages[j].start : passages[j].end].split()) <= 10 for j in (i - 1, i, i + 1)
        )

    @staticmethod
    def _in_list(text: str, passages, i: int, ends: _PassageEnds | None = None) -> bool:
        """A run of unpunctuated lines (or one introduced by a colon) is a list, not a cut, unless the passage
        is a paragraph of 20 words or more in several sentences in an edited text (one that closes its long
        paragraphs): web pages put unpunctuated headings around such paragraphs. ``ends``: the
        document's :class:`_PassageEnds`, when the caller keeps them (else computed here)."""
        if ends is None:
            ends = _PassageEnds(text, passages)
        if ends.edited:
            passage = text[passages[i].start : passages[i].end]
            last = _last_sentence_start(passage)
            if last and len(passage.split()) >= 20 and len(passage[last:].split()) >= 10:
                return False  # a paragraph of several sentences among headings, not a list item
        end = ends.end
        j = ends.stops[i]  # the nearest passage before ``i`` that ends closed or on a colon
        if j >= 0 and end(j) == ":" and i - j <= 30:
            return True  # items after "include:"
        return i > 1 and end(i - 1) not in _CLOSED and end(i + 1) not in _CLOSED and i + 1 < len(passages)

    @staticmethod
    def _list_line(text: str, passages, i: int, ends: _PassageEnds, wrapped: bool = False) -> bool:
        """The passage is one of a page's list of lines: one line of one sentence (30 words at most) among
        passages of which 3 of the 4 around it are such lines too (:meth:`_PassageEnds.line_item`), without a
        final period, semicolon, colon or comma: link titles, headings, list items, where one may end on a
        question mark (a news story's paragraphs of one sentence end on a period). Or a paragraph of 3 or more
        short lines none of which ends closed, half of them after the first opening with a capital or a figure:
        a list laid out a line per item ("3 tablespoons olive oil" / "1 medium yellow onion, sliced thin"); not
        in hard-wrapped text, whose lines never end closed, nor a paragraph broken into short lines, whose
        lines go on in lower case. A line of one sentence before the text (a title, a standfirst) is not passed
        over: a cut first paragraph after its title looks the same."""
        lines = text[passages[i].start : passages[i].end].strip().split("\n")
        if (
            not wrapped
            and len(lines) >= 3
            and all(len(line.split()) <= _LIST_BLOCK_WORDS for line in lines)
            and 2 * sum(not line.lstrip()[:1].islower() for line in lines[1:]) >= len(lines) - 1
        ):
            return not any(line.rstrip()[-1:] in _CLOSED for line in lines)  # a list laid out a line per item
        if not ends.line_item(text, passages, i, most=_LIST_LINE_WORDS):
            return False
        near = [j for j in (i - 2, i - 1, i + 1, i + 2) if 0 <= j < len(passages)]
        return sum(ends.line_item(text, passages, j) and ends.end(j) not in ".;:," for j in near) >= 3

    @staticmethod
    def _doc_language(ctx: DocContext) -> str:
        lang = ctx.language
        return language_of_counts(ctx.word_counts)[0] if lang == "und" else lang

    def check(self, ctx: DocContext) -> Iterable[Finding]:
        text = ctx.text
        out: list[Finding] = []
        paragraphs = ctx.layout.paragraphs
        if not ctx.layout.wrapped and any(para.lines > 1 for para in paragraphs):
            paragraphs = _split_foreign_joins(text, paragraphs, self._doc_language(ctx))
        passages = [para.span for para in paragraphs]
        vocab: Counter | None = None
        prefixed: _Prefixes | None = None
        ends: _PassageEnds | None = None
        doc_lang: str | None = None
        tables: frozenset[int] | None = None  # the paragraphs of tables of figures (:func:`_tables`)
        threads = _Threads(text, passages)  # the timestamp lines of the comment threads, on first use
        post = len(text) <= 2 * POST_CHARS and informal_post(text)  # a short informal post (a tweet, a comment)
        short_line = len(text.strip()) <= POST_CHARS and "\n" not in text.strip()  # a one-line short record
        # a record clipped at a length limit between two words keeps the space it was clipped at; a record as
        # written (a post, a proverb) ends on its last character
        clipped = text[-1:] in " \t\xa0"
        signed = _signature_at(text)  # a quotation that ends with its author's line
        # a quotation cut (ART022) opens with “ or «: only the passages that hold one are searched for it
        quoted: set[int] = set()
        judged: set[str] = set()  # the passages judged for ART020 so far
        if self.config.quote_cut and ("“" in text or "«" in text):
            starts = [p.start for p in passages]
            for m in _QUOTE_OPEN.finditer(text):
                k = bisect_right(starts, m.start()) - 1
                if k >= 0 and m.start() < passages[k].end:
                    quoted.add(k)
        for i, p in enumerate(passages):
            # a row of a table of figures ends without punctuation by design; another script's full stop
            # ends a sentence, and Thai and Lao end one with a space and no mark
            last = text[p.end - 1]
            if last.isalpha() and "\x1b" in text[max(p.start, p.end - 16) : p.end]:
                # a terminal's colour code closes the line ("《詩經‧ 國風》\x1b[m"): the last visible character counts
                last = ANSI_RE.sub("", text[p.start : p.end]).rstrip()[-1:] or last
            cut = (
                p.end - p.start >= 20
                and last not in '.!?…:;"”’»)]|》」』）'
                and paragraphs[i].kind not in ("table", "verse")
                and (last.isascii() or (last not in OTHER_TERMINAL and not UNMARKED_SCRIPT_RE.match(last)))
            )
            quotes = i in quoted
            if not cut and not quotes:
                continue
            ptext = text[p.start : p.end]
            copied = None
            if cut:
                lang = ctx.language_at(p.start) if ctx.passage_languages else "und"
                if lang == "und":
                    # a passage the language check left undetermined (a short line: "… Jahr der
                    # Entwicklung"), or no language check: the stop-word profile, else the document's
                    # language, as the check's passages do (``DocContext.language_at``); English word
                    # lists alone would read every German word as rare
                    lang = guess_language(ptext)[0]
                    if lang == "und":
                        if doc_lang is None:
                            doc_lang = ctx.language
                            if doc_lang == "und":
                                doc_lang = language_of_counts(ctx.word_counts)[0]
                        lang = doc_lang
                if vocab is None:
                    vocab = ctx.word_counts  # shared, read only
                    prefixed = _Prefixes(vocab)
                if i + 1 < len(passages) and text[p.end - 1].isalpha() and "\n" not in ptext:
                    copied = copy_cut(ctx.layer, p.start, p.end, lang, prefixed)
            if copied:
                # a line that repeats the opening of the text after it and stops inside a word of it
                scope = "document" if i == len(passages) - 1 else "passage"
                tail = ptext.rstrip()[-30:]
                out.append(
                    ART020.finding(
                        (p.start, p.end),
                        f"{scope} is cut mid word: it ends with {tail!r} and no final punctuation, and the text "
                        f"after it repeats its words up to {copied!r}",
                        data={"scope": scope, "kind": "mid-word", "ending": tail, "completed": copied},
                    )
                )
            elif cut:
                if not quotes and _never_prose(ptext, ctx.layer, p):
                    continue  # what follows reports a cut only where is_prose holds, and it cannot here
                if ptext in judged and not quotes:
                    continue  # a passage written again word for word (a reply quoting a comment): judged once
                judged.add(ptext)
                kind = cut_kind(ptext, lang, vocab, prefixed, text)
                completed = None
                if kind not in _STRONG and text[p.end - 1].isalpha():
                    # the document writes the passage's last word whole after the same words elsewhere
                    completed = phrase_cut(text, p.start, p.end, lang, prefixed)
                    if completed:
                        kind = "mid-word"
                year = kind is None and text[p.end - 1].isdigit() and year_cut(ptext, text)
                if year:
                    kind = "mid-word"  # "... director of the observatory in 178": a year stopped short
                # a short capitalised fragment at the end of running prose ("... in classical Greek and Rom"): a cut,
                # reported as info (the lists know the letters, nothing in the text completes them)
                if (
                    kind
                    and not (completed or year)
                    and post
                    and not (kind == "mid-word" and _clear_fragment(ptext, lang, vocab))
                ):
                    # a short informal post is complete as written: it ends on a word, a laugh, a slang
                    # abbreviation or a comma without a stop; only a word cut to a clear fragment is a cut
                    continue
                if (
                    kind in ("mid-word", "function-word")
                    and not (completed or year)
                    and "\n" in ptext
                    and _verse_block(ptext)
                ):
                    continue  # a stanza ending on a refrain's syllable or a word that closes a line of verse
                if (
                    kind
                    and kind not in _STRONG
                    and not (completed or year)
                    and signed >= 0
                    and (signed <= p.end or not text[p.end : signed].strip())
                ):
                    # the last words before "-- Mark Twain", or the signature in the passage's last line: the
                    # quotation ends where its author signs it
                    continue
                if kind == "mid-word" and not (completed or year) and short_line and _chat_letters(ptext, lang):
                    continue  # "... just leave cx", "... the way ha": a one-line message's slang, not a cut word
                soft = kind in (None, "mid-sentence") and _short_capital_cut(ptext, lang, vocab)
                if (
                    kind
                    and not (completed or year or soft)
                    and short_line
                    and not clipped
                    and _record_complete(ptext, kind, lang)
                ):
                    continue  # a one-line short record without a stop, whose end is no evidence of a cut
                if soft:
                    kind = "mid-word"
                # a final comma, bracket or opening quote is evidence; a final dash is not (an aside or a
                # broken-off sentence in informal writing: "... as distinctively--")
                strong = kind in _STRONG or ptext.rstrip()[-1] in ",(“‘«/&"
                if kind and self._continues(text, passages, i, kind, lang):
                    continue
                if kind == "mid-word" and not (completed or year) and _pointer_title(ptext, lang):
                    continue  # "Next Story The iPhone is ... in Apple's latest ad": a link to a title, whole
                if kind == "mid-sentence" or (kind and not strong):
                    if ends is None:
                        ends = _PassageEnds(text, passages)
                    if not strong and self._in_list(text, passages, i, ends):
                        continue
                    if strong and self._comma_item(text, passages, i, ends):
                        continue  # "Bolivie, le pays de la coca," among items one a line
                # the closing paragraph of an article after a punctuated one is prose, not a headline:
                # 4 words in sentence case suffice there (an edited text does not end on an unpunctuated
                # fragment; page navigation and credit lines excepted)
                # (a separator line between them, "-", "* * *", is passed over)
                k = i - 1
                while (
                    k > 0
                    and passages[k].end - passages[k].start <= 10
                    and not _ALNUM.search(text, passages[k].start, passages[k].end)
                ):
                    k -= 1
                closing = i == len(passages) - 1 and k >= 0 and text[passages[k].end - 1] in '.!?…"”’»)'
                short_closing = closing and not _NAVIGATION.match(ptext) and not _SIGN_OFF.match(ptext)
                if (
                    (
                        ptext.rstrip()[-1] in "-–—:,"
                        or kind == "open-clause"
                        or (kind == "function-word" and _lone_function_word(ptext, lang))
                    )
                    and i + 1 < len(paragraphs)
                    and paragraphs[i + 1].kind in ("table", "list")
                ):
                    continue  # "it expects --" / "Here is the plan," / "... because" introduces the table or list
                if kind == "function-word" and self._alternatives(text, passages, i):
                    continue  # "She got treated but it's not working, or" / "She ...": a list of alternatives
                if kind and ptext.rstrip()[-1] == "," and self._short_lines(text, passages, i):
                    continue  # a line of verse or of a list among short lines ("One equal temper of heroic hearts,")
                if kind and ptext.rstrip()[-1] == "," and self._comma_run(text, passages, i):
                    continue  # one of a run of lines that each end on a comma: a list laid out a line per item
                if kind == "mid-sentence" and not strong:
                    if tables is None:
                        tables = _tables(paragraphs)
                if (
                    kind == "mid-sentence"
                    and not strong
                    and tables
                    and (
                        any(j in tables for j in range(max(0, i - 4), i))
                        or (ptext.lstrip()[:1].isdigit() and any(j < i for j in tables))
                        or i + 1 in tables
                    )
                ):
                    continue  # a note under a table of figures is telegraphic ("Net includes a gain of 2 mln")
                if kind == "mid-sentence" and not strong:
                    assert ends is not None  # set above for every cut without grammatical evidence
                    if self._list_line(text, passages, i, ends, ctx.layout.wrapped):
                        continue  # one of a page's list of link titles or items, one a line
                    if self._before_heading(text, passages, i) and not _fragment_like(ptext, lang, vocab):
                        continue  # a section's closing sentence before the next heading ("…" / "Regions.")
                    if _glued_label(ptext):
                        continue  # "... the first time around.Continue Reading": a link glued to a finished sentence
                    if _NAVIGATION.match(ptext) and not _SENT_BOUNDARY.search(ptext):
                        # "Learn more about ... in the video below", "See Internet in China": a pointer (a
                        # paragraph of several sentences that opens "More than ..." is none)
                        continue
                    if re.search(r"\s[-–—]$", ptext.rstrip()) and i + 1 < len(passages):
                        continue  # "... (previous week's prices in brackets) -": a dash that introduces what follows
                    if _stamp_line(ptext.rstrip().rsplit("\n", 1)[-1])[0]:
                        continue  # "Jane, 3. März 2018 um 15:28 Uhr - Antworten": the date line of a post or comment
                    stamps = threads.clock
                    if (
                        stamps
                        and any(0 < i - j <= _COMMENT_REACH for j in stamps)
                        and any(0 < j - i <= _COMMENT_REACH for j in stamps)
                    ):
                        # a reader's comment between the timestamp lines of a thread that ends its clause without
                        # a period (a text without such lines, Wikipedia's sentences cut before a formula, "...
                        # gives the equation", keeps its findings)
                        continue
                if (
                    kind
                    # an opening line is a title unless it is a paragraph of several sentences
                    and (strong or i > 0 or (len(ptext.split()) >= 16 and _SENT_BOUNDARY.search(ptext)))
                    and is_prose(
                        ptext,
                        min_words=4 if short_closing else 10 if closing else 16,
                        strong_cut=strong,
                        lang=lang,
                        min_strong=4
                        if kind == "function-word"
                        or (kind == "mid-word" and (short_closing or _clear_fragment(ptext, lang, vocab)))
                        else 6,
                        # a headline's last word that the text lengthens elsewhere ("... Beautiful Web App" /
                        # "Web Apple") is a word: the Title Case test holds unless the fragment is none
                        mid_word=year  # a title's year is cut too ('The film "Boys Will Be Boys" (19')
                        or kind == "mid-word"
                        and _long_fragment(ptext)
                        and (not completed or _rare(ptext.rsplit(None, 1)[-1].lower(), lang)),
                    )
                ):
                    start = p.start + _last_sentence_start(ptext)
                    if not strong and start > p.start and _label_sentence(text[start : p.end]):
                        continue  # "... Company, Inc. All Rights Reserved", "... in the world. Read more"
                    scope = "document" if i == len(passages) - 1 else "passage"
                    tail = ptext.rstrip()[-30:]
                    if ends is None:
                        ends = _PassageEnds(text, passages)
                    if self._residue(text, passages, i, kind, ends, threads.dated):
                        continue  # page furniture, a comment in a thread, a comma before a heading: no cut of prose
                    # a sentence that ends on a whole content word without its period is more often a
                    # missing period (or a label) than a cut: reported for review, not as a warning.
                    # So is a passage inside the text whose last word is merely unknown: on real text
                    # (labelled: Wikipedia, web pages, trafilatura's pages) those were headlines and lines
                    # ending on a rare word, a compound, a name or romanised text, none a cut. A clear
                    # fragment ("... simpl", "... OF DEBAT": no word, begins a common one), a fragment the
                    # text itself completes, a year stopped short and a cut at the document's end keep it
                    warn = (
                        strong
                        and not soft
                        and not (
                            kind == "mid-word"
                            and scope == "passage"
                            and not completed
                            and not year
                            and _headline_like(ptext)
                            and not _clear_fragment(ptext.lower() if ptext.isupper() else ptext, lang, vocab)
                        )
                        and not self._short_letters(ptext, kind, lang, bool(completed or year))
                        and not self._ellipsis_quote(ptext, kind)
                    )
                    out.append(
                        ART020.finding(
                            (start, p.end),
                            f"{scope} is cut {kind.replace('-', ' ')}: it ends with {tail!r} and no final punctuation",
                            data={"scope": scope, "kind": kind, "ending": tail}
                            | ({"completed": completed} if completed else {}),
                            severity=None if warn else Severity.INFO,
                        )
                    )
            if quotes:
                for m in _QUOTE_CUT.finditer(ptext):
                    rest = ptext[m.end() :]
                    if "”" in rest[:400] or "»" in rest[:400]:
                        continue
                    out.append(
                        ART022.finding(
                            (p.start + m.start(), p.start + m.end()),
                            f"quotation opened at {m.group(0)!r} stops at a sentence end and is never closed: "
                            "the quoted name was probably cut",
                            data={"quoted": m.group(1)},
                        )
                    )
        platform = _platform_cut(text)
        if platform is not None:
            out.append(platform)
        doubles = double_dots(text) if ".." in text else []
        if doubles and len(_WRITTEN_DOTS.findall(text)) >= _DOTS_STYLE:
            doubles = []  # the writer's own ellipsis ("dependency.. neediness.. irritation..", "..where x is")
        for m in doubles:
            word = re.search(r"[\w.]+$", text[max(0, m.start() - 30) : m.start()])
            w = word.group(0).lower() if word else ""
            if w in REPORTING_VERBS:
                continue  # "he said..": the attribution closes a quotation
            ending = text[max(0, m.start() - 30) : m.end()]
            if _abbreviation_dot(w):
                if w not in PREFIX_ABBREVIATIONS and _starts_sentence(text, m.end(), figure=False):
                    continue  # "Inc.. All rights reserved", "Jr.. On March 30": the abbreviation's dot and the full stop
                # "Inc.. are designing", "Gov.. Ron DeSantis", "Dec.. 24": the sentence goes on after a stray full stop
                after = "abbreviation"
                message = (
                    f"a second full stop after the abbreviation '{word.group(0) if word else w}.' inside the "
                    "sentence: a full stop typed twice"
                )
            else:
                if not _starts_sentence(text, m.end()):
                    continue  # "what was needed.. was not", "nice info.. very good", "..:)", "How To.. (17)"
                if post:
                    continue  # "ok.. See u", "pero fue buen juego..": a short informal post's two-dot trailing-off
                if threads.dated and _in_comment(passages, threads.dated, m.start()):
                    continue  # a reader's comment between the timestamp lines of a thread: an informal ellipsis
                ls = max(text.rfind("\n", 0, m.start()), text.rfind(". ", 0, m.start() - 1) + 1, m.start() - 60, 0)
                after = "sentence"
                message = (
                    f"a sentence ends in '..' after {text[ls : m.start()].strip()[-30:]!r}: a full stop typed twice, "
                    "or a cut marked with '..' (the sentence may be incomplete)"
                )
            out.append(ART021.finding((m.start(), m.end()), message, data={"ending": ending, "after": after}))
        return out
