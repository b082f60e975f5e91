"""Whether each claim is attributed, and by what (:func:`decide`).

A claim sentence counts as attributed when any of these holds (the first that applies is recorded
in ``Claim.attributed_by``):

1. in the sentence itself (a reporting verb with a subject, "according to X", "the survey found");
2. by the quote it sits in, when that quote has a speaker;
3. by a neighbour: the sentence that introduces it with a colon (also across a list), or the next
   sentence of the same paragraph when that one is an attribution tag ("the report said.");
4. by continuation of the previous sentence's report in the same paragraph (not when a named subject
   takes over);
5. for table rows: a "Source:" line or an attribution cue in the caption lines or the header.
"""

from __future__ import annotations

import re
from dataclasses import replace

from audit.sourcing.attribution import Attribution
from audit.sourcing.claims import writer_voice
from audit.sourcing.document import Claim
from audit.sourcing.lead import lead_all
from audit.sourcing.lexicon import lexicon
from audit.sourcing.quotes import Quote
from audit.sourcing.sources import written_as_name
from audit.sourcing.speakers import _SENTENCE_OPENERS
from audit.sourcing.tables import Table, has_source_line

_LIST_ITEM = re.compile(r"\s*(?:[-*•·–]\s|\(?\d{1,2}\s?[.)]\s|[a-z]\)\s)")
_CAP_INSIDE = re.compile(r"\s[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+")
_DOC_MENTION = re.compile(
    r"\b(?:the|this|from|of|in|by|el|la|los|las|este|esta|del|de)\s+(?:[\w’'-]+\s+){0,2}"
    r"(?:report|study|survey|poll|audit|analysis|census|data|memo|statement|review|assessment|"
    r"informe|estudio|encuesta|auditoría|análisis|censo|datos|comunicado|sondeo)\b",
    re.I,
)
#: An introduction that presents what follows as a data summary: "Following is a summary of key metrics across 19
#: markets:", "Key figures:", "Highlights of the report:".
_SUMMARY_INTRO = re.compile(
    r"\b(?:summary|overview|breakdown|highlights|key\s+(?:metrics|figures|findings|numbers|statistics|data)|"
    r"resumen|cifras\s+clave|datos\s+clave)\b",
    re.I,
)
_TAG_START = re.compile(
    r"\s*(?:that|this|these|those|the\s+(?:figures?|data|numbers?|estimates?)|such\s+figures|eso|esto|estos|estas|"
    r"las\s+cifras|los\s+datos)\b",
    re.I,
)


#: A sentence that says where the figures before it come from: "The figures come from the Fed's report."
_SOURCE_STATEMENT = re.compile(
    r"\s*(?:the|these|those|such|las|los|estas|estos|esas|esos)\s+(?:\w+\s+)?(?:figures?|data|numbers?|estimates?|"
    r"statistics|results|cifras?|datos|números|estimaciones|estadísticas|resultados)\s+"
    r"(?:\w+\s+)?(?:come|comes|came|are\s+from|were\s+from|are\s+based|were\s+based|were\s+compiled|"
    r"were\s+provided|were\s+published|were\s+released|proceden|provienen|procede|proviene|salen|son\s+de|"
    r"fueron\s+publicad[oa]s|fueron\s+difundid[oa]s)\b",
    re.I,
)
#: Openers that carry on the previous sentence's report.
_CONTINUE_START = re.compile(
    r"\s*(?:that|this|these|those|it|they|also|as\s+a\s+result|the\s+(?:figures?|data|numbers?|estimates?|poll|survey|study|"
    r"report|analysis|researchers|authors|share|rate|total|increase|rise|decline|drop|figure)|"
    r"(?:esa|esta|la)\s+cifra|(?:ese|este|el)\s+(?:dato|aumento|incremento|descenso|informe|estudio|sondeo|"
    r"total|porcentaje)|(?:la|esta)\s+(?:encuesta|tasa|subida|caída|bajada)|los\s+(?:datos|autores|investigadores)|"
    r"también|además|asimismo|eso|esto|ello)\b",
    re.I,
)
#: An opener that points back at the previous sentence's figures: "This compares with…", "That was up…".
_ANAPHORIC_START = re.compile(
    r"\s*(?:this|that|these|it)\s+(?:\w+\s+)?(?:compares?|compared|brings?|brought|was|is|were|are|"
    r"represents?|represented|means?|meant|follows?|followed|reflects?|reflected)\b",
    re.I,
)
#: An agentless finding that reports a study named before it in the paragraph: "A study was conducted… The survey also
#: asked respondents… It was found that 23.8% of people approved…" (the study is the source; with no study named in
#: the paragraph, "it was found that" stays unattributed).
_FOUND_PASSIVE = re.compile(
    r"\s*(?:(?:furthermore|moreover|also|in\s+addition|however|overall),?\s+)?it\s+was\s+(?:also\s+|further\s+)?"
    r"(?:found|shown|estimated|observed|determined|revealed|reported|calculated)\s+that\b",
    re.I,
)
_STUDY_NAMED = re.compile(
    r"(?i)\b(?:study|studies|survey|poll|census|report|analysis|experiment|trial|audit|estudio|encuesta|censo|informe)\b"
)
#: How a previous sentence was attributed for a continuation to inherit its source.
_CARRIES = frozenset({"sentence", "quote", "introduction", "neighbour", "continuation"})


_COORDINATION = re.compile(r"[,;]\s+(?:and|but|while|whereas|y|pero|mientras(?:\s+que)?)\s+", re.I)


def _other_clause(text: str, a: Attribution, c: Claim) -> bool:
    """A reporting verb whose subject opens a later coordinated clause says nothing about the figures
    before it: "Remittances hit $63 billion, and economists expect more growth"."""
    if a.kind != "verb" or not a.source:
        return False
    subject = text.rfind(a.source, c.start, a.start)
    last_figure = max(f.end for f in c.figures)
    if subject < 0 or last_figure > subject:
        return False  # inverted ("said Smith") or a figure inside the reported clause
    return bool(_COORDINATION.search(text, last_figure, subject + 1))


#: The last characters that end a sentence, not a heading (:func:`_is_heading`; no white space among them).
_CLOSED = frozenset('.!?:;,"”»)')


def _is_heading(text: str, c: Claim, next_start: int | None) -> bool:
    """A headline or subheading: a short line of its own, no closing punctuation, with body text after it."""
    if c.is_row or next_start is None:
        return False
    if c.end > c.start and text[c.end - 1] in _CLOSED:
        return False  # (the test below on the last character, without the copy: most sentences)
    seg = text[c.start : c.end].rstrip()
    if not seg or seg[-1] in _CLOSED:
        return False
    if c.words > 20 and not (c.words <= 30 and _title_case(seg)):
        return False  # a long line is a heading only in title case ("July Home Prices Up 3% From 2011; ... | Blog")
    if "\n" in seg and any(
        len(line.split()) > 8 or line.rstrip()[-1:] in '.!?:;,"”»' for line in seg.split("\n") if line.strip()
    ):
        return False  # a paragraph, not a dateline over a headline ("July 24, 2012 9:30 AM" / "4 arrests in…")
    before = text[max(0, c.start - 1) : c.start]
    after = text[c.end : next_start]
    return (c.start == 0 or before == "\n") and "\n" in after


def _title_case(seg: str) -> bool:
    """Most words of ``seg`` open with a capital (a page title)."""
    words = [w for w in seg.split() if w[:1].isalpha()]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _list_item(text: str, pos: int) -> bool:
    """``_LIST_ITEM.match(text, pos)``: an upper-case letter opens none of its items (nor is it white space)."""
    return not text[pos : pos + 1].isupper() and _LIST_ITEM.match(text, pos) is not None


def _own_line(text: str, c: Claim) -> bool:
    """``c`` is a line of its own (a one-sentence paragraph)."""
    return (c.start == 0 or text[c.start - 1] == "\n") and text[c.end : c.end + 1] in ("", "\n")


def _is_claim(text: str, c: Claim) -> bool:
    if c.is_row:
        return bool(c.statistics)
    seg = text[c.start : c.end].strip()
    if c.words < 6 or seg.endswith("?") or c.ends_colon:
        return bool(c.statistics) and c.words >= 3
    return bool(c.statistics or c.attributions or c.quote or _CAP_INSIDE.search(seg))


#: The header of a reader's comment on a blog or news page: "bubble trouble says:", "Reply".
_COMMENT_HEADER = re.compile(r"(?im)^[ \t]*(?:[^\n]{1,60}?\s(?:says|said|wrote|dice|escribió):|reply|responder)[ \t]*$")
#: A link in a page's chrome: "Post a job for $295 »", "Read more ›".
_LINK_END = re.compile(r"[»›→]\s*$")


#: How a line of finished prose ends (a truncated teaser "students are technically..." is not finished).
_FINISHED = re.compile(r"(?<!\.\.)[.!?\"”»:;](?:\s*\(\d+\))?$")


def _line_of(text: str, pos: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    return a, len(text) if b < 0 else b


def _link_line(text: str, c: Claim) -> bool:
    """``c`` ends a short line of its own, unfinished ("The Way of the Dodo - How to Sell 10,000 iPad Cases at $60
    Each (and Other Lessons Learned)", "Tony Baldasaro just unfollowed 5,000 people on Twitter (4)"), set apart by
    blank lines, next to another such line ("149 Comments", "By: jamesmpratt (Diary)"): a list of links in a
    page's chrome (headlines of other posts, teasers), not the page's text."""
    a, b = _line_of(text, c.start)
    if text[c.end : b].strip() or b - a > 300:
        return False  # the claim does not end its line, or the line is a paragraph of prose
    line = text[a:b].strip()
    if not (a <= 1 or text[a - 2 : a] == "\n\n") or text[b : b + 2] not in ("\n\n", "\n", ""):
        return _headline_run(text, a, b)  # not a paragraph of its own: only a line in a run of headlines
    prev = _prev_paragraph_line(text, a)
    nxt = _next_paragraph_line(text, b)
    if _FINISHED.search(line) or len(line.split()) > 25:
        # A finished one-sentence teaser between link lines: a link before it and two after it ("The Forbes 400:
        # The Richest People In America" / the teaser / "The 2012 Investment Guide" / "see photos").
        if c.start != a + (len(text[a:b]) - len(text[a:b].lstrip())) or not _chrome_line(text, prev):
            return False
        return _chrome_line(text, nxt) and _chrome_line(
            text, _next_paragraph_line(text, nxt[1]) if nxt[0] >= 0 else nxt
        )
    return _chrome_line(text, prev) or _chrome_line(text, nxt)


def _headline_run(text: str, a: int, b: int) -> bool:
    """The unfinished line ``text[a:b]`` sits in a run of headlines, one a line with no blank line between them (naive
    page text: "Heavy rainfall floods streets, causes mudslides" / "At least 31 dead, nearly 1k stranded as rain
    rages on - 3 FEET of rainfall in 24 hours (UPDATE)" / "Man mauled to death by own dog"): the two lines before it
    and the two after it are short, unfinished and open with a capital or a digit, as a list of links to other
    stories is written (hard-wrapped prose does not open five lines in a row so, nor leaves them all unfinished)."""
    if _FINISHED.search(text[a:b].strip()):
        return False
    spans = []
    x, y = a, b
    for _ in range(2):
        if x < 2 or text[x - 1] != "\n" or text[x - 2] == "\n":
            return False
        x, y0 = _line_of(text, x - 2)
        spans.append((x, y0))
    x, y = a, b
    for _ in range(2):
        if y + 1 >= len(text) or text[y] != "\n" or text[y + 1] == "\n":
            return False
        x0, y = _line_of(text, y + 1)
        spans.append((x0, y))
    for s, e in spans:
        line = text[s:e].strip()
        if not (_chrome_line(text, (s, e)) and (line[:1].isupper() or line[:1].isdigit())):
            return False
    return True


def _question(text: str, c: Claim) -> bool:
    """``c`` is a question (it ends with a question mark, before any closing quote or bracket)."""
    return text[c.start : c.end].rstrip().rstrip("\"”’')»").endswith("?")


def _chrome_line(text: str, span: tuple[int, int]) -> bool:
    """The line at ``span`` is short and unfinished (a link, a heading, "149 Comments")."""
    if span[0] < 0:
        return False
    line = text[span[0] : span[1]].strip()
    return bool(line) and len(line.split()) <= 20 and not _FINISHED.search(line)


def _prev_paragraph_line(text: str, a: int) -> tuple[int, int]:
    """The last line of the paragraph before the line at ``a`` (after a blank line), or (-1, -1)."""
    j = a - 1
    while j > 0 and text[j - 1] in "\n \t\xa0":
        j -= 1
    if j <= 0:
        return -1, -1
    return _line_of(text, j - 1)


def _next_paragraph_line(text: str, b: int) -> tuple[int, int]:
    """The first line of the paragraph after the line ending at ``b``, or (-1, -1)."""
    j = b
    while j < len(text) and text[j] in "\n \t\xa0":
        j += 1
    if j >= len(text):
        return -1, -1
    return _line_of(text, j)


def comments_start(text: str) -> int:
    """Offset where a page's reader comments begin (two or more comment headers: "Ana says:", "Reply"), or the
    length of the text when there are none. Figures in comments are each commenter's own account."""
    if "says:" not in text and "Reply" not in text and "wrote:" not in text and "dice:" not in text:
        return len(text)
    headers = [m.start() for m in _COMMENT_HEADER.finditer(text)]
    return headers[0] if len(headers) >= 2 else len(text)


def decide(text: str, claims: list[Claim], tables: list[Table], wire: bool = False) -> None:
    """Set ``attributed_by`` and ``via`` of every claim. ``wire``: the document is in the wire layout (one
    sentence a paragraph, indented), where a report runs on over paragraph breaks."""
    table_sourced: dict[int, Attribution | bool] = {}
    for t in tables:
        sourced = False
        for a, b in t.captions + ([t.header] if t.header else []):
            if has_source_line(text[a:b]):
                sourced = True
        if not sourced and t.captions and t.rows:
            sourced = any(_caption_attributed(text, x, t) for x in claims if not x.is_row)
        table_sourced[id(t)] = sourced
    comments = comments_start(text) if claims else len(text)
    for i, c in enumerate(claims):
        assessed = c.assessed  # (empty for most sentences: no figure, no statistics)
        if (
            assessed
            and c.statistics
            and not c.is_row
            and (c.start >= comments or _LINK_END.search(text, c.start, c.end) or _link_line(text, c))
        ):
            # A reader's comment is its writer's own account; a line that ends in a link arrow, or a short unfinished
            # line in a list of such lines, is page chrome.
            c.assessed = [replace(a, claim=False) for a in c.assessed]
        if _is_heading(text, c, claims[i + 1].start if i + 1 < len(claims) else None):
            c.claim = False
            c.attributed_by = "heading"  # a headline's claim is the article's: judged in the body
            continue
        if assessed and not c.is_row and c.statistics and (_writer_speaks(text, c) or _question(text, c)):
            # The writer's own account or a hypothetical for the reader: the writer is its source; a question
            # ("1,000 people signing up for previous editions?") asks about its figures and asserts none.
            c.assessed = [replace(a, claim=False) for a in c.assessed]
        c.claim = _is_claim(text, c)
        if c.is_row:
            if table_sourced.get(id(c.table)):
                c.attributed_by = "caption"
            elif has_source_line(text[c.start : c.end]):
                c.attributed_by = "sentence"
            continue
        valid = c.valid_attributions
        if valid:
            c.attributed_by, c.via = "sentence", valid[0]
            continue
        if c.quote is not None and c.quote.speaker is not None and c.quote.speaker.valid:
            c.attributed_by, c.via = "quote", c.quote.speaker
            continue
        if i > 0 and claims[i - 1].quote is not None and (q := _quote_runs_on(text, claims[i - 1], c)) is not None:
            c.attributed_by, c.via = "quote", q.speaker
            continue
        # Introduced with a colon, possibly across list items.
        j = i - 1
        while j >= 0 and _list_item(text, claims[j].start) and not claims[j].ends_colon:
            j -= 1
        if j >= 0 and claims[j].ends_colon and (j == i - 1 or _list_item(text, c.start)):
            intro = claims[j]
            if intro.valid_attributions:
                c.attributed_by, c.via = "introduction", intro.valid_attributions[0]
                continue
            if _DOC_MENTION.search(text, intro.start, intro.end) or _SUMMARY_INTRO.search(text, intro.start, intro.end):
                c.attributed_by = "introduction"  # "Key findings from the report:"
                continue
        if (
            i > 0
            and c.figures
            and claims[i - 1].attributed_by == "introduction"
            and claims[i - 1].figures
            and 1 <= text.count("\n", claims[i - 1].end, c.start) <= 2
            and not text[claims[i - 1].end : c.start].strip()
            and _own_line(text, c)
        ):
            # The summary runs on, one line of figures after another ("Home prices rose 3.2%." then "The number of
            # homes for sale declined 28.1%.") until a line without figures or a heading ends it.
            c.attributed_by, c.via = "introduction", claims[i - 1].via
            continue
        # The next sentence of the same paragraph is an attribution tag.
        if i + 1 < len(claims) and ((nxt := claims[i + 1]).attributions or c.figures):
            # (each test below needs a valid attribution of the next sentence or a figure of this one)
            same_para = "\n" not in text[c.end : nxt.start]
            if (
                same_para
                and nxt.valid_attributions
                and (_TAG_START.match(text, nxt.start) or (nxt.words <= 8 and _is_tag(text, nxt)))
            ):
                c.attributed_by, c.via = "neighbour", nxt.valid_attributions[0]
                continue
            if same_para and c.figures and (via := _source_statement(text, nxt)) is not None:
                c.attributed_by, c.via = "neighbour", via
                continue
            if same_para and c.figures and nxt.figures and (via := _trailing_tag(text, nxt)) is not None:
                # Wire style: a lede figure, then more figures closed by the tag that sources both
                # ("Rates climbed to 7.1%. The 15-year rate rose to 6.4%, Freddie Mac said Thursday.").
                c.attributed_by, c.via = "neighbour", via
                continue
        if c.figures and _FOUND_PASSIVE.match(text, c.start):
            para = text.rfind("\n", 0, c.start) + 1
            if _STUDY_NAMED.search(text, para, c.start):
                c.attributed_by = "continuation"  # "The survey also asked… It was found that 23.8% approved"
                continue
        # A continuation: the previous sentence of the same paragraph is attributed and this one
        # carries on its report, with more figures ("Shootings fell 22%, according to the police
        # report. Homicides dropped to 573.") or an anaphoric opener ("That was up 31%", "It also
        # found", "La cifra supone..."). Its own weasel or agentless cue keeps it unattributed.
        if i > 0 and c.figures and not any(a.vague or a.kind == "passive" for a in c.attributions):
            prev = claims[i - 1]
            if i > 1 and _number_aside(text, prev) and _data_run(claims[i - 2]):
                # "The median age was 36 years." (a number but no figure) inside a census run: read past it.
                prev = claims[i - 2]
            # A data source's run: a census or survey paragraph hands its source on to the next paragraph
            # of figures ("As of the census of 2010, there were…" then "There were 31,380 households…"),
            # and so on while each paragraph goes on with figures and no heading comes between.
            data_run = (
                _data_run(prev)
                and text.count("\n", prev.end, c.start) == 1
                and not c.valid_attributions
                and not _new_years(text, claims, i, prev)
            )
            # Wire style: a paragraph in which an outlet or a document reports ("The newspaper said the blast
            # destroyed four buildings.", "The agency's statement said...") hands its source on to the figures of
            # the next paragraph. A person's remarks ("He also said meetings should be avoided.") do not: the
            # figures after them are the reporter's own background.
            wire_report = (
                wire
                and prev.attributed_by == "sentence"
                and prev.via is not None
                and prev.via.kind == "verb"
                and _institution_reports(prev, text)
            )
            if (
                prev.attributed_by in _CARRIES
                and (
                    "\n" not in text[prev.end : c.start]
                    or (wire and (prev.figures or wire_report) and text.count("\n", prev.end, c.start) == 1)
                    or data_run
                    # wire style, one sentence a paragraph: "This compares with a 1.1 pct fall in 1985."
                    or (
                        prev.figures
                        and text.count("\n", prev.end, c.start) <= 2
                        and _ANAPHORIC_START.match(text, c.start)
                    )
                )
                and (prev.figures or wire_report or _CONTINUE_START.match(text, c.start))
                and (c.quote is None or c.quote is prev.quote)
                and not _subject_changed(text, prev, c, _data_run(prev))
                and (wire or _continues_account(text, prev, c))
            ):
                c.attributed_by, c.via = "continuation", prev.via
                continue
        if c.quote is None and ((c.assessed and c.statistics) or c.vague_attributions):
            # News style: the figure first, its source in the next sentence or the one after ("More than 100 fires
            # are burning." then "The Rural Fire Service says…").
            via = _source_ahead(text, claims, i)
            if via is not None:
                c.attributed_by, c.via = "ahead", via


def _quote_runs_on(text: str, prev: Claim, c: Claim) -> Quote | None:
    """The quote of a named speaker that ``c`` goes on with: a quotation over paragraphs opens each paragraph with a
    quotation mark and closes only the last one (\u201c"Let the two countries move towards peace.  "However, the 140
    million people of Pakistan are prepared."\u201d), so the mark that opens ``c`` was read as the end of the quote
    before it and ``c``, a whole quoted sentence, was left outside any quote. The speaker is the source."""
    q = prev.quote
    if c.quote is not None or q is None or q.speaker is None or not q.speaker.valid or q.end != c.start + 1:
        return None
    if text[c.start] not in '"“' or text[c.start : c.end].rstrip()[-1:] not in ('"', "”"):
        return None
    return q


#: A word of a sentence's topic: four letters or more ("fires", "children", "Ansett's").
_TOPIC_WORD = re.compile(r"[^\W\d_][\w’'-]{3,}")
#: Words of any topic: function words, reporting verbs, time and number words (English and Spanish).
_NOT_TOPIC = frozenset(
    """about above after again against also although among another around because been before being below between
    both could does doing down during each either even every from further have having here into just least less
    like many more most much must near nearly next only other over same should since some still such than that
    their them then there these they this those though through under until upon very were what when where which
    while whom whose will with within without would your almost already another across along
    said says saying told tells added adds according announced reported reports stated noted believes
    year years month months week weeks today yesterday tomorrow morning night time times last first second third
    cent percent million millions billion billions thousand thousands hundred hundreds dozen number numbers total
    people persons country countries nation nations state states world region city area part government
    monday tuesday wednesday thursday friday saturday sunday january february march april june july august
    september october november december
    como para pero porque desde hasta entre sobre según dijo dice dicen también sido será están este esta estos estas
    años ellos ellas todos todas cuando donde había tiene tienen millones""".split()
)
#: The sources that can tell the figure before them: a person, a role, an outlet, a document (not "he", not the
#: sentence subject that speaks a quote).
_AHEAD_SOURCE_KINDS = frozenset({"named", "outlet", "document", "role"})
#: How far ahead the figure's source may be: the next sentence or the one after, in the same paragraph.
_AHEAD = 2


def _topic(text: str, start: int, end: int) -> dict[str, bool]:
    """The topic words of ``text[start:end]`` in lower case without a plural or possessive "s" ("fires" and "Fire"
    -> "fire", "Ansett's" -> "ansett"), with whether any occurrence is written in lower case."""
    out: dict[str, bool] = {}
    for w in _TOPIC_WORD.findall(text, start, end):
        low = w.lower().removesuffix("’s").removesuffix("'s")
        if low in _NOT_TOPIC:
            continue
        if len(low) > 4 and low[-1] == "s" and low[-2] != "s":
            low = low[:-1]
        out[low] = out.get(low, False) or w[0].islower()
    return out


def _told(text: str, nxt: Claim, a: Attribution) -> tuple[int, int, bool]:
    """What the attribution ``a`` of the sentence ``nxt`` says, and whether ``a`` is a tag at its end: the words
    before a closing tag ("[The students will collect information…], NASA said.") or else the words after the cue
    ("The Rural Fire Service says [the change may allow it…]"); the source's own name is not what it says."""
    comma = text.rfind(",", nxt.start, a.start)
    if comma >= 0 and len(text[comma : nxt.end].split()) <= 8:
        return nxt.start, comma, True  # ", NASA said.", ", said the fire service on Tuesday.", ", according to X."
    return a.end, nxt.end, False


def _shares_topic(topic: dict[str, bool], other: dict[str, bool]) -> bool:
    """One common word written in lower case (a thing: "fires", "children"), or two names ("Palestinian", "Israel")."""
    common = [w for w in topic if w in other]
    return len(common) >= 2 or any(topic[w] or other[w] for w in common)


def _source_ahead(text: str, claims: list[Claim], i: int) -> Attribution | None:
    """The source named after the claim ``claims[i]``: the next sentence of its paragraph, or the one after, is an
    attribution that tells of what the figure counts ("More than 300 families were evacuated." then "The emergency
    agency says the families will stay in school halls"; "Up to 12 per cent of children are obese." then "Professor
    Britt says … the prevalence of obesity among children"). What the figure counts is read from the sentence's
    opening words and the words after each figure (after a vague cue of a report, "reportedly", the words after it).

    Not a sentence with figures of its own (a new claim with its own source), not one on another topic (an unrelated
    quote of someone else), not one that opens a new account ("Similarly, a survey found…", "But the manager
    says…"), not "According to X, …" or "A study found that …" leading a sentence (a new claim of its own: they
    source what comes before only as a closing tag), and not across a sentence that has a source or a quote of its
    own or that leaves the sentence's topic."""
    c = claims[i]
    vague = c.vague_attributions
    if vague and not all(a.kind == "passive" or _reported_cue(a.cue) for a in vague):
        return None  # "some claimed", "studies show": an unnamed crowd, which a source named after it does not name
    if i + 1 < len(claims) and (same := _same_document(text, c, claims[i + 1])) is not None:
        return same
    stats = c.statistics
    after = [f.end for f in stats] or [v.end for v in vague]
    topic = _topic(text, c.start, min(c.end, c.start + _TOPIC_OPENING))
    for at in after:
        topic.update(_topic(text, at, min(c.end, at + _TOPIC_AFTER)))
    if not topic:
        return None
    whole: dict[str, bool] | None = None
    end = c.end
    for k in range(i + 1, min(len(claims), i + 1 + _AHEAD)):
        nxt = claims[k]
        if nxt.is_row or "\n" in text[end : nxt.start] or _NEW_ACCOUNT.match(text, nxt.start):
            return None
        end = nxt.end
        found = [
            a
            for a in nxt.valid_attributions
            if a.source_kind in _AHEAD_SOURCE_KINDS and (a.kind in ("cue", "evidence") or a.cue.lower() in _AHEAD_VERBS)
        ]
        if found and not nxt.figures:
            for a in found:
                start, stop, tag = _told(text, nxt, a)
                if a.kind == "verb" or tag:
                    return a if _shares_topic(topic, _topic(text, start, stop)) else None
            return None
        if whole is None:
            whole = _topic(text, c.start, c.end)
        if nxt.attributions or nxt.quote is not None or not _shares_topic(whole, _topic(text, nxt.start, nxt.end)):
            return None  # a source or a quote of its own, or another topic: the claim's account has ended
    return None


#: A sentence that names its document as the one just used: "The same 2012 study indicated that…", "El mismo informe
#: señala…" (so the figures before it were that document's).
_SAME_DOCUMENT = re.compile(
    r"\s*(?:the|this|that|el|la|este|esta|ese|esa)\s+(?:same|mism[oa])\s+(?:[\w-]+\s+){0,2}?(?:study|survey|report|poll|"
    r"census|analysis|review|audit|data|figures|estudio|encuesta|informe|sondeo|censo|análisis|datos|cifras)\b",
    re.I,
)


def _same_document(text: str, c: Claim, nxt: Claim) -> Attribution | None:
    """The next sentence of ``c``'s paragraph opens with "The same study" and that study is its source: ``c``'s
    figures, just before, were the study's too (the writer names it once the second time)."""
    if nxt.is_row or "\n" in text[c.end : nxt.start] or not _SAME_DOCUMENT.match(text, nxt.start):
        return None
    head = _SAME_DOCUMENT.match(text, nxt.start)
    for a in nxt.valid_attributions:
        if head is not None and a.start >= head.end() and a.kind in ("evidence", "verb") and a.start - head.end() < 40:
            return a
    return None


#: Vague cues that say only that a report exists: the report may be named next ("Hamas has reportedly shifted its
#: focus." then "A senior defence official has told army radio…").
_REPORTED_CUES = frozenset(
    {"reportedly", "it is reported", "it has been reported", "it is widely reported", "al parecer", "supuestamente"}
    | {"trascendió", "it was reported", "it was widely reported", "it had been reported", "it was also reported"}
    | {"it is also reported", "it has also been reported"}
)


def _reported_cue(cue: str) -> bool:
    """``cue`` says that something was reported, by nobody named ("reportedly", "it was reported that")."""
    return " ".join(cue.lower().split()).removesuffix(" that") in _REPORTED_CUES


#: How much of the claim tells what it is about: its opening words, and the words after each figure.
_TOPIC_OPENING = 40
_TOPIC_AFTER = 60
#: An opener that sets the sentence beside or against the one before: a new account, not the source of the last.
_NEW_ACCOUNT = re.compile(
    r"\s*(?:however|but|yet|still|despite|although|though|while|whereas|similarly|likewise|meanwhile|also|"
    r"in\s+(?:contrast|addition|comparison)|by\s+contrast|on\s+the\s+other\s+hand|other|another|"
    r"sin\s+embargo|pero|mientras|en\s+cambio|además|asimismo|otro|otra|otros|otras)\b",
    re.I,
)


#: The verbs of a source that tells what came before: "says", "told", "announced", "confirmed" (not "recorded": a
#: place that "recorded three deaths" goes on with the tally; not the -s forms that are mostly plural nouns,
#: "states", "reports", "estimates": "one of seven states that levy a tax").
_AHEAD_VERBS = frozenset(
    "said says say saying told tells telling reported announced announces confirmed confirms estimated "
    "revealed reveals added adds explained explains stated according dijo dice dicen informó informa "
    "señaló agregó añadió explicó indicó afirmó precisó declaró confirmó anunció estimó calculó".split()
)


#: A subject pronoun that refers back to the previous sentence's speaker: "She expects 150 more by June."
_PRONOUN_START = re.compile(r"\s*(?:he|she|they|we|i|él|ella|ellos|ellas|nosotros)\b", re.I)
_SUBJECT_WORD = re.compile(r"[\w’'-]+")
_NOT_SUBJECT = frozenset("the a an its their his her our this that these those el la los las su sus un una".split())


def _continues_account(text: str, prev: Claim, c: Claim) -> bool:
    """Whether ``c`` goes on with the account of the speaker who frames ``prev``'s figures.

    When ``prev`` opens with its speaker and the figures sit in what that speaker says ("The union says
    4,000 teachers will walk out."), the report ends with the sentence: the next one continues it only with
    a subject that points back (a pronoun, "It added", "The figures", "also") or the speaker itself again
    ("The group also hired 400 nurses."). A new subject stating a new figure ("Enrollment has fallen 11
    percent since 2019.", "Its chief executive made $19.3 million.") is the writer's own background. A
    trailing tag ("Orders rose 1.8%, the Commerce Department said."), "according to" or an evidence subject
    ("The census of 2000 showed…", "A study found…") sources a data report whose further figures may
    follow without a tag."""
    a = prev.via
    if prev.attributed_by != "sentence" or a is None or a.kind != "verb" or not prev.figures:
        return True  # "according to", "the census showed", "a study found": a data source, read on
    source_words = [w.lower() for w in _SUBJECT_WORD.findall(a.source or "")]
    if a.source_kind == "document" or any(w in _document_nouns(prev.lang) for w in source_words):
        return True  # "Recent polling in the state reports that 30 percent…": the poll's further figures follow
    if not (prev.start <= a.start and a.end <= min(f.start for f in prev.figures)):
        return True  # the figures come before the cue: a trailing tag
    if _CONTINUE_START.match(text, c.start) or _ANAPHORIC_START.match(text, c.start):
        return True
    if _PRONOUN_START.match(text, c.start):
        return True
    source = {w.removesuffix("’s").removesuffix("'s") for w in source_words}
    opening = [w.lower() for w in _SUBJECT_WORD.findall(text, c.start, min(c.end, c.start + 60))[:4]]
    return any(w in source for w in opening if w not in _NOT_SUBJECT and len(w) > 2)


def _document_nouns(lang: str) -> frozenset[str]:
    return lexicon(lang if lang in ("en", "es") else "en").document_nouns


_OPENING_NAME = re.compile(r"\s*([A-ZÁÉÍÓÚÑ][\w’'.-]+)(?:\s+([A-ZÁÉÍÓÚÑ][\w’'.-]+))?")
_TITLES = frozenset(
    "governor gov gov. senator sen sen. mayor president representative rep rep. secretary minister judge "
    "sheriff chief commissioner councilman councilwoman candidate dr dr. mr mr. mrs mrs. ms ms. "
    "gobernador gobernadora alcalde alcaldesa presidente presidenta ministro ministra senador senadora".split()
)


_TITLE_ALT = "|".join(re.escape(t) for t in sorted(_TITLES, key=len, reverse=True))


def _data_run(c: Claim) -> bool:
    """``c`` gives figures from a document (a census, a survey, a report), first-hand or carried on."""
    a = c.via
    return (
        bool(c.figures)
        and c.attributed_by in ("sentence", "continuation")
        and a is not None
        and a.source_kind == "document"
        and not _RANKING.search(a.source or "")
    )


#: An index or a ranking: its figures are its places and scores, told in its own paragraph; it hands no run of
#: figures on to the next paragraph as a census does ("… the Press Freedom Index published by Reporters Without
#: Borders, where the country ranks 157th." then "Over 70% of the population lives in towns." is the writer's).
_RANKING = re.compile(r"(?i)\b(?:index|indices|ranking|rankings|índice|clasificación)\b")


_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b")


def _new_years(text: str, claims: list[Claim], i: int, prev: Claim) -> bool:
    """``claims[i]`` dates its figures by a year the sentence that names ``prev``'s source does not ("As of
    2004, …" after "According to the 2010 Census, …"): other data, not the run of that source."""
    years = set(_YEAR.findall(text, claims[i].start, claims[i].end))
    if not years or prev.via is None:
        return False
    at = prev.via.start
    j = i - 1
    while j > 0 and claims[j].start > at:
        j -= 1
    return not years <= set(_YEAR.findall(text, claims[j].start, claims[j].end))


def _number_aside(text: str, c: Claim) -> bool:
    """A sentence that states a number the figure model does not count (an age, a size) and is neither a claim
    nor sourced itself: "The median age was 36 years." It does not end the report it sits in."""
    return (
        not c.figures
        and not c.claim
        and not c.attributions
        and c.attributed_by is None
        and c.quote is None
        and any(ch.isdigit() for ch in text[c.start : c.end])
    )


#: A share of the population a census breaks down by group ("Hispanic or Latino of any race were 5.8% of the population").
_BREAKDOWN = re.compile(
    r"(?i)\bof\s+(?:the\s+|[\w’'-]+['’]s\s+)?(?:total\s+)?population\b|\bof\s+any\s+race\b|\bde\s+la\s+población\b"
)


_OPENING_PREPOSITIONS = frozenset(
    "By From Since During Until Through Between Among Throughout Desde Hasta Durante".split()
)


def _subject_changed(text: str, prev: Claim, c: Claim, data_run: bool = False) -> bool:
    """``c`` opens with a named subject other than the source of ``prev`` ("Unemployment fell to 4.1%, the Labor
    Department said. Governor Hale won reelection with 58%."): its figures are not part of that report.
    ``data_run``: ``prev`` gives a document's figures (a census); a group it already names ("Hispanic or
    Latino of any race were 5.1%." then "Non-Hispanic Whites were 8.9%.") is still that document's subject."""
    m = _OPENING_NAME.match(text, c.start, c.end)
    if not m:
        return False
    first, second = m.group(1), m.group(2)
    if first in _SENTENCE_OPENERS or first in _OPENING_PREPOSITIONS:
        return False  # "By June 2007 China's broadband users had reached 122 million": a date opens it, not a name
    titled = first.lower() in _TITLES and second is not None
    two_names = second is not None and not titled
    # A single capitalised word is a name when the text also writes it capitalised inside a sentence; two are
    # unless the text writes neither the pair inside a sentence ("… said New World") nor the first word but in
    # lower case ("Broadband DSL represents about 56% of …" after "Broadband Internet access is growing, …
    # according to INDOTEL" goes on with the same statistics).
    phrase = first if second is None else f"{first} {second}"
    proper = (
        titled
        or re.search(rf"[a-z,] {re.escape(phrase)}\b", text) is not None
        or (two_names and written_as_name(text, first, run=True))
    )
    if not proper:
        return False
    name = second if titled else first
    source = (prev.via.source if prev.via is not None and prev.via.source else "") or ""
    if data_run and not titled:
        # A category built on one the data names ("Non-Hispanic Whites" after "Hispanic or Latino"), not the
        # same entity again as a new subject ("Niger also has…" then "Niger has the 11th highest…").
        named = text[prev.start : prev.end]
        phrase = m.group(0).strip()
        if phrase not in named and any(
            len(w) > 2 and re.search(rf"\b{re.escape(w)}\b", named) for w in re.split(r"[-\s]+", phrase)
        ):
            return False
        if _BREAKDOWN.search(text, c.start, c.end):
            return (
                False  # "Hispanic or Latino of any race were 5.8% of the population": a breakdown of the data's people
            )
        via = prev.via
        if via is not None and re.match(rf"\s*,\s*{re.escape(name)}\b", text[via.end : via.end + len(name) + 8]):
            # The place the census frames as its subject ("As of 2001 India census, Ajaigarh had a population of
            # 13,979.") is still the census's subject ("Ajaigarh has an average literacy rate of 59%.").
            return False
    return name not in source


_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,5}")


def _organisation_name(text: str, name: str) -> bool:
    """A one-word source that names an organisation, not a person: an acronym ("CNN", "OPEC"), or a name the
    document never writes after a first name or a title ("Eurostat said", "Nasdaq said"; a person is introduced
    as "Jim Billington" or "Mr Billington" before "Billington said")."""
    if _ACRONYM.fullmatch(name):
        return True
    if not re.fullmatch(r"[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+", name):
        return False
    return re.search(rf"(?:[A-ZÁÉÍÓÚÑ][\w.’'-]*|\b(?:{_TITLE_ALT}))\s+{re.escape(name)}\b", text) is None


def _institution_reports(c: Claim, text: str = "") -> bool:
    """The source of ``c``'s attribution is an outlet, a document or an organisation named by "it" ("the official
    China Legal News", "The newspaper", "A YPF statement", "It said"), not a person or a role ("he", "officials",
    "Murdani")."""
    a = c.via
    if a is None:
        return False
    if a.source_kind in ("outlet", "document"):
        return True
    if a.source_kind == "pronoun" and (a.source or "").lower() == "it":
        return True  # "It said income rose 2.5 pct": "it" is never a person; the company or agency reports
    words = (a.source or "").lower().split()
    lex = lexicon(c.lang if c.lang in ("en", "es") else "en")
    if words and (words[-1] in lex.document_nouns or words[-1] in lex.outlet_heads):
        return True
    names = [w for w in (a.source or "").split() if w[:1].isupper() and w.lower() not in _NOT_SUBJECT]
    return (
        bool(text)
        and a.source_kind == "named"
        and len(names) == 1
        # the name is the verb's subject ("CNN also said", "said CNN"), not a word somewhere before it
        and (
            text[max(0, a.start - 80) : a.start].rstrip().endswith(a.source or "")
            or text[a.end : a.end + 80].lstrip().startswith(a.source or "")
        )
        and _organisation_name(text, names[0])
    )


def _writer_speaks(text: str, c: Claim) -> bool:
    """The sentence, outside any quote in it, is in the writer's first or second person (see
    :func:`audit.sourcing.claims.writer_voice`)."""
    q = c.quote
    if q is None or q.end <= c.start or q.start >= c.end:
        return writer_voice(text, c.start, c.end, c.lang)
    return writer_voice(text, c.start, max(c.start, q.start), c.lang) or writer_voice(
        text, min(c.end, q.end), c.end, c.lang
    )


def _caption_attributed(text: str, c: Claim, t: Table) -> bool:
    """``c`` is the table's title or note line and names its source ("Median prices, according to
    Zillow:" just above the table, or "Figures from the Census Bureau." just below it)."""
    if not c.valid_attributions or c.words > 25:
        return False
    # The line must be this one sentence (a title or note), not the tail of a prose paragraph.
    above = any(a == c.start and c.end >= b - 1 for a, b in t.captions if b <= t.rows[0][0])
    below = any(a == c.start and c.end >= b - 1 for a, b in t.captions if a >= t.rows[-1][1])
    if above:
        return c.ends_colon or any(x.kind in ("cue", "evidence") for x in c.valid_attributions)
    return below and any(x.kind == "cue" for x in c.valid_attributions)


def _trailing_tag(text: str, c: Claim) -> Attribution | None:
    """The attribution that closes ``c`` as a tag: "…, Freddie Mac said Thursday." (not "Economists
    had expected 104.", whose speaker opens the sentence)."""
    if not c.valid_attributions:
        return None
    a = c.valid_attributions[-1]
    if a.kind not in ("verb", "evidence") or a.cue.lower() not in _TAG_VERBS or a.source_kind == "pronoun":
        return None
    if len(text[a.end : c.end].split()) > 3:
        return None
    head = text[c.start : a.start]
    comma = head.rfind(",")
    if comma < 0 or len(head[comma + 1 :].split()) > 6:
        return None
    return a


def _source_statement(text: str, c: Claim) -> Attribution | None:
    """ "The figures come from the Office for National Statistics.": the source of the sentence before."""
    m = _SOURCE_STATEMENT.match(text, c.start, c.end)
    if not m:
        return None
    if c.valid_attributions:
        return c.valid_attributions[0]
    rest = text[m.end() : c.end]
    src = rest.strip(" .;:").removeprefix("from ").removeprefix("de ").removeprefix("del ").strip()
    if not re.search(r"[A-ZÁÉÍÓÚÑ]", src) and not _DOC_MENTION.search(" " + rest):
        return None  # "The figures are from last year."
    return Attribution(m.start(), m.end(), m.group(0).strip(), "cue", src[:80], "named")


def _is_tag(text: str, c: Claim) -> bool:
    """A short sentence that is only an attribution: "the agency said.", "So says the census." """
    a = c.valid_attributions[-1]
    if a.kind == "verb" and a.cue.lower() not in _TAG_VERBS:
        return False  # "Police Chief Eric Long credited new patrols." comments, it does not source
    if re.match(r"\s*(?:,\s*)?(?:(?:además|también|also)\s+)?(?:that|que)\b", text[a.end : c.end], re.I):
        return False  # "Añadió que 300 familias...": it reports its own content
    after = text[a.end : c.end]
    if len(after.split()) <= 2:
        return True
    # "So says the census.", "Said the report's author, Jane Doe.": the source follows the verb (not "Officials said
    # they would add patrols.", a sentence of its own after a one-word subject).
    return len(text[c.start : a.start].split()) <= 1 and (a.kind != "verb" or bool(a.source and a.source in after))


_TAG_VERBS = frozenset(
    "said says say told reported reports wrote writes added adds noted notes stated explained according "
    "dijo dice dicen informó informa señaló agregó añadió explicó indicó afirmó precisó declaró".split()
)


# Speed: every pattern above behind a lookahead for its first characters (the same matches; see audit.sourcing.lead).
lead_all(globals())
