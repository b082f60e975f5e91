"""Injection harness for the artefact rules: recall per artefact type and false positives.

Takes clean, edited news texts (tests/artefacts/clean/*.txt by default), injects one artefact
at a known span per trial, runs the artefact checks and counts a hit when a finding of the
expected rule(s) overlaps the injected span. Also reports warnings+errors per 20,000
characters on the untouched texts.

    python benchmarks/artefact_injection.py [--trials 20] [--seed 1] [DIR_OR_FILES...]

``--only TYPE`` scores one type (the others still draw their trials, so the scored trials are those of a
full run), ``--by-language`` splits recall by the clean text's language, ``--show-misses TYPE`` prints
each miss in context.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401  (registers the sloppy-windows-1252 codec)

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from audit.artefacts import (  # noqa: E402
    BoilerplateCheck,
    EncodingCheck,
    InjectedKeywordCheck,
    MissingWhitespaceCheck,
    QualityCheck,
    StructureCheck,
    TruncationCheck,
)
from audit.artefacts.common import guess_language  # noqa: E402
from audit.model import Document, Severity  # noqa: E402
from audit.rules import DocContext  # noqa: E402

CHECKS = (
    BoilerplateCheck,
    InjectedKeywordCheck,
    TruncationCheck,
    MissingWhitespaceCheck,
    EncodingCheck,
    StructureCheck,
    QualityCheck,
)


def findings(text: str):
    ctx = DocContext(Document(id="d", text=text, source="d.txt", locator=None, metadata={}, record=None), 0)
    out = []
    for cls in CHECKS:
        out.extend(cls().check(ctx))
    return out


def paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if len(m.group(0).split()) >= 12]


# Each injector returns (new_text, (start, end)) or None when the text offers no place for it.
BOILER = [
    "Read more",
    "Share this article",
    "Related articles",
    "Subscribe to our newsletter",
    "Leer más",
    "Noticias relacionadas",
    "You may also like",
    "Advertisement",
    "Follow us on Twitter",
    "We use cookies to improve your experience on our site. Accept all cookies",
    "© 2024 Example News. All rights reserved.",
    "Tags: politics, economy",
    "Comparte esta noticia",
]


def inj_boilerplate(text, rnd):
    line = rnd.choice(BOILER)
    paras = paragraphs(text)
    s, e = rnd.choice(paras)
    ins = "\n\n" + line + "\n\n"
    return text[:e] + ins + text[e:], (e + 2, e + 2 + len(line))


GLUED = [
    "Advertisement",
    "Story continues below advertisement",
    "RELATED: Council delays vote on housing plan",
    "Read more: Mayor unveils new budget",
    "Share this article",
    "Publicidad",
]


def inj_boilerplate_glued(text, rnd):
    spots = [m.end() for m in re.finditer(r"[a-z]\. (?=[A-Z])", text)]
    if not spots:
        return None
    pos = rnd.choice(spots)
    frag = rnd.choice(GLUED)
    glue = "\n" if frag.startswith(("RELATED", "Read more")) else " "
    return text[:pos] + frag + glue + text[pos:], (pos, pos + len(frag))


def inj_empty_labels(text, rnd):
    tail = "\n\nCategories:\n\nTags:" if rnd.random() < 0.5 else "\n\nEtiquetas:"
    return text.rstrip() + tail, (len(text.rstrip()) + 2, len(text.rstrip()) + len(tail))


def inj_bio(text, rnd):
    bio = rnd.choice(
        [
            "Author Jane Roe My name is Jane Roe and I am a junior at Boston University studying journalism.",
            "About the author Mark Lee is a freelance writer based in Denver who covers energy.",
            "Sobre el autor Luis Gómez es periodista y escribe sobre política desde 2012.",
        ]
    )
    base = text.rstrip() + "\n\n"
    return base + bio, (len(base), len(base) + len(bio))


SPAM = ["order", "site", "online", "store", "buy", "cheap", "shop", "casino"]


def inj_spam_comma(text, rnd):
    spots = [m.end() for m in re.finditer(r"\w, (?=[A-Z][a-z]+)", text)]
    if not spots:
        return None
    pos = rnd.choice(spots)
    kw = rnd.choice(SPAM)
    return text[:pos] + kw + " " + text[pos:], (pos, pos + len(kw))


def inj_spam_list(text, rnd):
    spots = [m.start(1) for m in re.finditer(r"[A-Z]\w+, ([A-Z]\w+)(?: and | y |, )", text)]
    if not spots:
        return None
    pos = rnd.choice(spots)
    kw = rnd.choice(SPAM)
    return text[:pos] + kw + ", " + text[pos:], (pos, pos + len(kw))


_LIST_DET = r"(?:the|his|her|their|its|our|my|your|many|some|all|other|los|las|sus|les|des|ses|os|as|gli|die)"
SPAM_NOUNS = ["order", "site", "store", "shop", "casino", "deal", "loan", "coupon", "outlet", "pharmacy"]


def inj_spam_lower_list(text, rnd):
    """A keyword added as an item of a lower-case coordination of nouns ("many pundits, casino and
    politicians", "his wife, site and his children"); the nouns are plurals or have a determiner."""
    item = rf"(?:{_LIST_DET} [a-z]{{3,}}|[a-z]{{3,}}[^s\W]s)"
    spots = [m.end(1) for m in re.finditer(rf"(?<![\w’'-])({item}) (?:and|or|y|et|e|und) {item}(?![\w’'-])", text)]
    if not spots:
        return None
    pos = rnd.choice(spots)
    kw = rnd.choice(SPAM_NOUNS)
    return text[:pos] + ", " + kw + text[pos:], (pos + 2, pos + 2 + len(kw))


def inj_spam_random(text, rnd):
    spots = [m.start() for m in re.finditer(r"(?<= )[a-z]\w+", text)]
    pos = rnd.choice(spots)
    kw = rnd.choice(SPAM)
    return text[:pos] + kw + " " + text[pos:], (pos, pos + len(kw))


def inj_truncate_doc(text, rnd):
    paras = paragraphs(text)
    s, e = paras[-1] if rnd.random() < 0.5 else rnd.choice(paras)
    words = [m.start() for m in re.finditer(r"\w{4,}", text[s:e])]
    cut = s + rnd.choice(words[len(words) // 3 :]) + rnd.randint(1, 3)
    return text[:cut], (max(0, cut - 1), cut)


def inj_truncate_passage(text, rnd):
    paras = paragraphs(text)
    if len(paras) < 3:
        return None
    s, e = rnd.choice(paras[:-1])
    words = [m.start() for m in re.finditer(r"\w{4,}", text[s:e])]
    cut = s + rnd.choice(words[len(words) // 3 :]) + rnd.randint(1, 3)
    return text[:cut] + text[e:], (max(0, cut - 1), cut)


def inj_double_dot(text, rnd):
    spots = [m.start() for m in re.finditer(r"[a-z]\.(?=\s)", text)]
    pos = rnd.choice(spots) + 1
    return text[:pos] + "." + text[pos:], (pos - 1, pos + 2)


def inj_missing_space(text, rnd):
    spots = [m.start(1) for m in re.finditer(r"[a-z]{2}[,.]( )[A-Za-z]{2}", text)]
    pos = rnd.choice(spots)
    return text[:pos] + text[pos + 1 :], (pos - 2, pos + 2)


def inj_lost_space(text, rnd):
    spots = [m.start(1) for m in re.finditer(r"[a-z]{3}( )[A-Z][a-z]{2}", text)]
    if not spots:
        return None
    pos = rnd.choice(spots)
    return text[:pos] + text[pos + 1 :], (pos - 3, pos + 3)


def inj_mojibake(text, rnd):
    spots = [m.span() for m in re.finditer(r"\S*[’“”—éóáíñü]\S*", text)]
    if not spots:
        return None
    s, e = rnd.choice(spots)
    bad = text[s:e].encode("utf-8").decode("sloppy-windows-1252")  # as browsers and Windows tools decode it
    return text[:s] + bad + text[e:], (s, s + len(bad))


def inj_fffd(text, rnd):
    spots = [m.start() for m in re.finditer(r"[a-z]", text)]
    pos = rnd.choice(spots)
    return text[:pos] + "\ufffd" + text[pos + 1 :], (pos, pos + 1)


def inj_control(text, rnd):
    pos = rnd.choice([m.start() for m in re.finditer(r" ", text)])
    ch = rnd.choice(["\x00", "\x0c", "\x1b", "\x7f", "\x85"])
    return text[:pos] + ch + text[pos:], (pos, pos + 1)


def inj_html(text, rnd):
    pos = rnd.choice([m.start() for m in re.finditer(r" ", text)])
    frag = rnd.choice(["&nbsp;", "<br>", "&#8217;", "</p>", '<span class="x">', "&amp;"])
    return text[:pos] + frag + text[pos:], (pos, pos + len(frag))


def inj_table(text, rnd):
    tbl = "City | Budget | Change |\n---|---|---|\nSacramento | $2.4B | 5% |\nFresno | $1.1B | 3% |"
    s, e = rnd.choice(paragraphs(text))
    return text[:e] + "\n" + tbl + "\n" + text[e:], (e + 1, e + 1 + len(tbl))


def inj_repeat_headline(text, rnd):
    first = text.split("\n", 1)[0]
    if len(first.split()) > 20 or first.rstrip()[-1:] in ".!?":
        return None
    s, e = rnd.choice(paragraphs(text))
    return text[:e] + "\n\n" + first + "\n" + text[e:], (e + 2, e + 2 + len(first))


def inj_bullet(text, rnd):
    s, e = rnd.choice(paragraphs(text))
    return text[:e] + "\n•\n" + text[e:], (e + 1, e + 2)


def inj_glued_lower(text, rnd):
    """A lost space between two lower-case words in running text ("the governorsaid")."""
    spots = [m.start(1) for m in re.finditer(r"(?<![\w’'-])[a-z]{4,}( )[a-z]{3,}(?![\w’'-])", text)]
    if not spots:
        return None
    pos = rnd.choice(spots)
    return text[:pos] + text[pos + 1 :], (pos - 3, pos + 3)


def inj_glued_name_opener(text, rnd):
    """A lost line break or space between a name and a sentence opener ("WashingtonThe")."""
    spots = [
        m.span(1)
        for m in re.finditer(
            r"[A-Z][a-z]{3,}(\.?\s+)(?:The|This|In|But|He|She|They|It|El|La|Los|Le|Il|"
            r"Der|Die) ",
            text,
        )
    ]
    if not spots:
        return None
    pos, end = rnd.choice(spots)
    gap = end - pos
    return text[:pos] + text[pos + gap :], (pos - 3, pos + 3)


def inj_glued_sentence(text, rnd):
    """A lost line break between two sentences or paragraphs ("said.The")."""
    spots = [m.start(1) for m in re.finditer(r"[a-z]{2}\.(\s+)[A-Z][a-z]", text)]
    if not spots:
        return None
    pos = rnd.choice(spots)
    gap = len(re.match(r"\s+", text[pos:]).group(0))
    return text[:pos] + text[pos + gap :], (pos - 3, pos + 3)


def inj_truncate_whole_word(text, rnd):
    """The last sentence cut after a whole content word, without terminal punctuation."""
    paras = paragraphs(text)
    s, e = paras[-1] if rnd.random() < 0.5 else rnd.choice(paras)
    ends = [s + m.end() for m in re.finditer(r"[a-zà-ÿ]{5,}(?=[ ,])", text[s:e])]
    ends = ends[len(ends) // 3 :]
    if not ends:
        return None
    cut = rnd.choice(ends)
    keep_rest = rnd.random() < 0.5 and e < len(text.rstrip())
    new = text[:cut] + (text[e:] if keep_rest else "")
    return new, (cut - 1, cut)


SPAM_PHRASES = [
    "cheap flights",
    "buy viagra online",
    "best casino bonus",
    "cheap hotels",
    "payday loans",
    "replica watches",
    "online casino",
    "buy cheap",
]


def inj_spam_sentence_end(text, rnd):
    """A keyword phrase stuffed after a sentence ("... on Tuesday. cheap flights")."""
    spots = [m.end() for m in re.finditer(r"[a-z]{2}\.(?= [A-Z]|\n|$)", text)]
    if not spots:
        return None
    pos = rnd.choice(spots)
    kw = rnd.choice(SPAM_PHRASES)
    return text[:pos] + " " + kw + text[pos:], (pos + 1, pos + 1 + len(kw))


def inj_spam_repeated(text, rnd):
    """A repeated-keyword string inside or after a paragraph ("cheap flights cheap flights cheap flights")."""
    kw = rnd.choice(SPAM_PHRASES)
    stuffed = " ".join([kw] * rnd.randint(3, 5))
    s, e = rnd.choice(paragraphs(text))
    if rnd.random() < 0.5:
        return text[:e] + "\n" + stuffed + text[e:], (e + 1, e + 1 + len(stuffed))
    return text[:e] + " " + stuffed + text[e:], (e + 1, e + 1 + len(stuffed))


BREADCRUMBS = [
    "Home > News > Politics",
    "Home » World » Europe",
    "Inicio > Noticias > Política",
    "Accueil > Actualités > Société",
    "News › Local › Sacramento",
    "Startseite > Politik > Deutschland",
    "Home / Business / Markets",
]


def inj_breadcrumb(text, rnd):
    crumb = rnd.choice(BREADCRUMBS)
    if rnd.random() < 0.5:
        return crumb + "\n\n" + text, (0, len(crumb))
    s, e = rnd.choice(paragraphs(text))
    return text[:e] + "\n" + crumb + "\n" + text[e:], (e + 1, e + 1 + len(crumb))


COOKIES = [
    "Nous utilisons des cookies pour vous garantir la meilleure expérience sur notre site. Tout accepter",
    "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis bieten zu können. Alle akzeptieren",
    "Utilizziamo i cookie per migliorare la tua esperienza di navigazione. Accetta tutti",
    "Este site utiliza cookies para melhorar a sua experiência. Aceitar",
    "Utilizamos cookies propias y de terceros para mejorar nuestros servicios. Aceptar todas",
    "En poursuivant votre navigation sur ce site, vous acceptez l'utilisation de cookies.",
    "Al continuar navegando, aceptas el uso de cookies.",
    "By continuing to browse the site, you agree to our use of cookies.",
]


def inj_cookie_other(text, rnd):
    line = rnd.choice(COOKIES)
    s, e = rnd.choice(paragraphs(text))
    return text[:e] + "\n\n" + line + "\n\n" + text[e:], (e + 2, e + 2 + len(line))


# --- truncation in capitalised words, short last paragraphs, title case and hard-wrapped text (wire helper)


def inj_truncate_capitalised(text, rnd):
    """A cut inside a capitalised word that is not the first of its sentence ("... blaming Musli")."""
    paras = paragraphs(text)
    s, e = paras[-1] if rnd.random() < 0.5 else rnd.choice(paras)
    spots = [
        s + m.start()
        for m in re.finditer(r"(?<=[a-zà-ÿ,] )[A-ZÀ-Þ][a-zà-ÿ]{4,}", text[s:e])
        if len(text[s : s + m.start()].split()) >= 8
    ]  # inside a sentence under way, not its opening words
    if not spots:
        return None
    start = rnd.choice(spots)
    word_len = re.match(r"\w+", text[start:]).end()
    cut = start + rnd.randint(3, word_len - 2)
    keep_rest = rnd.random() < 0.5 and e < len(text.rstrip())
    return text[:cut] + (text[e:] if keep_rest else ""), (cut - 1, cut)


def inj_truncate_short_last(text, rnd):
    """The document ends with a short paragraph (one sentence begun) cut mid-word."""
    paras = paragraphs(text)
    s, _e = rnd.choice(paras)
    words = list(re.finditer(r"\w{4,}", text[s : s + 200]))
    words = [m for m in words if 5 <= len(text[s : s + m.start()].split()) <= 12]
    if not words:
        return None
    m = rnd.choice(words)
    frag = text[s : s + m.start() + rnd.randint(1, len(m.group(0)) - 1)]
    base = text.rstrip()
    return base + "\n\n" + frag, (len(base) + 2 + len(frag) - 1, len(base) + 2 + len(frag))


def inj_truncate_title_case(text, rnd):
    """A Title Case headline line cut mid-word ("Council Approves Budget After Long Deb")."""
    paras = paragraphs(text)
    s, e = rnd.choice(paras)
    ws = re.findall(r"[^\W\d_]{2,}", text[s:e])[: rnd.randint(7, 11)]
    if len(ws) < 7 or len(ws[-1]) < 5:
        return None
    title = " ".join(w[:1].upper() + w[1:] for w in ws)
    title = title[: len(title) - rnd.randint(2, len(ws[-1]) - 3)]  # 3+ letters of the last word stay
    pos = s
    return text[:pos] + title + "\n\n" + text[pos:], (pos + len(title) - 1, pos + len(title))


def _wire_wrap(paras: list[str], width: int = 65) -> tuple[str, list[tuple[int, int]]]:
    """Lay paragraphs out as wire text: wrapped at ``width``, paragraph starts indented 4 spaces."""
    import textwrap

    out, spans, pos = [], [], 0
    for i, p in enumerate(paras):
        lead = "    " if i else ""
        block = textwrap.fill(p, width=width, initial_indent=lead)
        spans.append((pos + len(lead), pos + len(block)))
        out.append(block)
        pos += len(block) + 1
    return "\n".join(out), spans


def inj_truncate_wrapped(text, rnd):
    """Hard-wrapped wire layout (65 columns, indented paragraph starts) with one paragraph cut mid-word
    or after a function word; the layout itself must not be reported."""
    paras = [text[s:e] for s, e in paragraphs(text)]
    if len(paras) < 2:
        return None
    k = rnd.randrange(len(paras))
    words = list(re.finditer(r"\w{4,}", paras[k]))[len(paras[k].split()) // 3 :]
    if not words:
        return None
    m = rnd.choice(words)
    paras[k] = paras[k][: m.start() + rnd.randint(1, len(m.group(0)) - 1)]
    new, spans = _wire_wrap(paras)
    e = spans[k][1]
    return new, (e - 1, e)


INJECTORS_WIRE = {
    "truncated Capitalised": (inj_truncate_capitalised, {"ART020"}),
    "truncated short last": (inj_truncate_short_last, {"ART020"}),
    "truncated Title Case": (inj_truncate_title_case, {"ART020"}),
    "truncated wrapped text": (inj_truncate_wrapped, {"ART020"}),
}


INJECTORS = {
    "boilerplate line": (inj_boilerplate, {"ART002"}),
    "boilerplate glued": (inj_boilerplate_glued, {"ART002"}),
    "empty labels": (inj_empty_labels, {"ART003"}),
    "author bio": (inj_bio, {"ART004"}),
    "spam: after comma": (inj_spam_comma, {"ART010"}),
    "spam: list item": (inj_spam_list, {"ART010"}),
    "spam: lower-case list": (inj_spam_lower_list, {"ART010"}),
    "spam: random position": (inj_spam_random, {"ART010"}),
    "truncated document": (inj_truncate_doc, {"ART020"}),
    "truncated passage": (inj_truncate_passage, {"ART020"}),
    "dangling ..": (inj_double_dot, {"ART021"}),
    "missing space": (inj_missing_space, {"ART030"}),
    "lost space before Name": (inj_lost_space, {"ART031"}),
    "mojibake": (inj_mojibake, {"ART040"}),
    "U+FFFD": (inj_fffd, {"ART041"}),
    "control char": (inj_control, {"ART042", "ART040"}),
    "HTML residue": (inj_html, {"ART043"}),
    "pipe table": (inj_table, {"ART050"}),
    "repeated headline": (inj_repeat_headline, {"ART052"}),
    "orphan bullet": (inj_bullet, {"ART051"}),
    # real-world forms added in session 2
    "glued lower words": (inj_glued_lower, {"ART031"}),
    "glued Name+Opener": (inj_glued_name_opener, {"ART031", "ART030"}),
    "glued sentences": (inj_glued_sentence, {"ART030", "ART031"}),
    "truncated whole word": (inj_truncate_whole_word, {"ART020"}),
    "spam: sentence end": (inj_spam_sentence_end, {"ART010"}),
    "spam: repeated phrase": (inj_spam_repeated, {"ART010"}),
    "breadcrumb": (inj_breadcrumb, {"ART002"}),
    "cookie (other langs)": (inj_cookie_other, {"ART002"}),
    **INJECTORS_WIRE,
}


def overlaps(f, span) -> bool:
    s, e = span
    return f.start < max(e, s + 1) and s < f.end or (f.start == 0 and f.end >= s)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*", default=["tests/artefacts/clean"])
    ap.add_argument("--trials", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument(
        "--show-misses",
        metavar="TYPE",
        action="append",
        default=[],
        help="print the context of each missed injection of this artefact type (repeatable)",
    )
    ap.add_argument(
        "--only",
        metavar="TYPE",
        action="append",
        default=[],
        help="score only this artefact type (repeatable); the other types still draw their random trials, so "
        "each type gets the same trials as in a full run",
    )
    ap.add_argument(
        "--by-language",
        action="store_true",
        help="also print recall per language of the clean text (its document language)",
    )
    args = ap.parse_args()
    files = []
    for p in map(Path, args.paths):
        files.extend(sorted(p.glob("*.txt")) if p.is_dir() else [p])
    texts = [f.read_text(encoding="utf-8") for f in files]
    text_lang = {t: guess_language(t)[0] for t in texts} if args.by_language else {}
    chars = sum(map(len, texts))
    untouched = sum(1 for t in texts for f in findings(t) if f.severity.rank >= Severity.WARNING.rank)
    print(
        f"{len(texts)} clean texts, {chars} chars; untouched warnings+errors: {untouched} "
        f"({untouched * 20000 / chars:.2f} per 20,000 chars)\n"
    )
    print(f"{'artefact type':24} {'trials':>6} {'recall':>7} {'extra warn/err':>15}")
    rnd = random.Random(args.seed)
    total_hits = total = 0
    misses: list[str] = []
    by_lang: dict[tuple[str, str], list[int]] = {}
    for name, (inj, rules) in INJECTORS.items():
        hits = n = extra = 0
        scored = not args.only or name in args.only
        for _ in range(args.trials):
            text = rnd.choice(texts)
            res = inj(text, rnd)
            if res is None or not scored:
                continue
            new, span = res
            n += 1
            fs = findings(new)
            hit = any(f.rule in rules and overlaps(f, span) for f in fs)
            if hit:
                hits += 1
            elif name in args.show_misses:
                misses.append((f"[{text_lang[text]}] " if text_lang else "") + _miss_context(new, span))
            if text_lang:
                cell = by_lang.setdefault((name, text_lang[text]), [0, 0])
                cell[0] += hit
                cell[1] += 1
            extra += sum(
                1
                for f in fs
                if f.severity.rank >= Severity.WARNING.rank and not overlaps(f, span) and f.rule not in rules
            )
        if not scored:
            continue
        total_hits += hits
        total += n
        print(f"{name:24} {n:6d} {hits / n if n else 0:7.2f} {extra:15d}")
    print(f"{'all':24} {total:6d} {total_hits / total if total else 0:7.2f}")
    if by_lang:
        print(f"\n{'artefact type':24} {'lang':>4} {'trials':>6} {'recall':>7}")
        for (name, lang), (h, k) in sorted(by_lang.items(), key=lambda kv: (list(INJECTORS).index(kv[0][0]), kv[0][1])):
            print(f"{name:24} {lang:>4} {k:6d} {h / k:7.2f}")
    if misses:
        print(f"\nmissed ({len(misses)}):")
        print("\n".join(misses))


def _miss_context(text: str, span: tuple[int, int], reach: int = 50) -> str:
    """One line: the injected span in [[brackets]] with ``reach`` characters on each side."""
    s, e = span
    before, after = text[max(0, s - reach) : s], text[e : e + reach]
    return " ".join(f"{before}[[{text[s:e]}]]{after}".split())


if __name__ == "__main__":
    main()
