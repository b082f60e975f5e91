"""Synthetic news corpus with planted duplicates (for calibration, benchmarks and tests).

Articles are built from a Zipf-weighted vocabulary of real English function words
and pronounceable content words, in sentences and paragraphs of news length, and
rendered by "outlets" that each add their own navigation header and footer (so
articles of one outlet share boilerplate, as scraped pages do). Planted copies:

* ``exact``: the same page again (quotes and whitespace may differ);
* ``republish``: another outlet runs the story: new headline and byline, its own
  header/footer, one paragraph dropped, 1-3 words changed per paragraph, quotes
  restyled. Word-5-gram Jaccard against the original is typically 0.45-0.65;
* ``shortened``: the first 45-70 % of the paragraphs, lightly edited;
* ``paste``: one paragraph of an article pasted into an unrelated article
  (a passage duplicate, not a document duplicate);
* ``quote``: two unrelated articles quote the same sentence (must not be a
  document duplicate).

Everything is deterministic given the seed.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from typing import Iterator

import numpy as np

FUNCTION_WORDS = (
    "the of and to a in that is for on was with he it as at by from his said be has have are "
    "an not but they this who their were had its been will more after one would also which "
    "about new than year two over when she up into there people some all can could only first "
    "last other her we our may out no most many before while against between under during since "
    "where because because state government officials city police week told percent million"
).split()
SYLLABLES = (
    "ba be bi bo bu ca ce ci co cu da de di do du fa fe fi fo ga ge go la le li lo lu ma me mi mo "
    "mu na ne ni no nu pa pe pi po ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo "
    "an en in on ar er ir or al el il ol as es is os st tr pr gr br ch sh th"
).split()
FIRST = "James Maria Robert Linda Carlos Ana David Sarah Miguel Laura Peter Elena John Rosa Ahmed Mei".split()
LAST = "Smith Garcia Johnson Lopez Brown Martinez Lee Gonzalez Wilson Perez Clark Sanchez Kim Chen".split()
SECTIONS = "Home World Politics Business Tech Science Health Sports Opinion Culture Video Weather".split()


def _make_vocab(rng: random.Random, n: int) -> list[str]:
    seen: set[str] = set(FUNCTION_WORDS)
    out: list[str] = []
    while len(out) < n:
        w = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 2, 3, 3, 4))))
        if w not in seen:
            seen.add(w)
            out.append(w)
    return out


@dataclass
class Article:
    key: int
    headline: str
    paragraphs: list[str]
    quotes: list[str] = field(default_factory=list)


@dataclass
class Outlet:
    name: str
    header: str
    footer: str


class Synth:
    def __init__(self, seed: int = 0, vocab_size: int = 30000, outlets: int = 40) -> None:
        self.rng = random.Random(seed)
        self.np = np.random.default_rng(seed)
        self.vocab = FUNCTION_WORDS + _make_vocab(self.rng, vocab_size)
        nf = len(FUNCTION_WORDS)
        w = np.concatenate([np.full(nf, 0.45 / nf), 1.0 / np.arange(20, vocab_size + 20) ** 1.05])
        w[nf:] *= 0.55 / w[nf:].sum()
        self.cdf = np.cumsum(w / w.sum())
        self.outlets = [self._outlet(i) for i in range(outlets)]
        self._key = 0

    def _outlet(self, i: int) -> Outlet:
        name = f"{self.rng.choice(['Daily', 'Morning', 'Evening', 'National', 'City'])} {self._title(2)} {i}"
        nav = " | ".join(self.rng.sample(SECTIONS, 8))
        footer = (
            f"Copyright 2024 {name}. All rights reserved. This material may not be published, broadcast, "
            f"rewritten or redistributed. Sign up for the {name} newsletter to get the day's top stories "
            f"in your inbox. {self.sentence(14, 22)}"
        )
        return Outlet(name, f"{name}\n{nav}", footer)

    # -- text pieces -----------------------------------------------------------

    def words(self, n: int) -> list[str]:
        idx = np.searchsorted(self.cdf, self.np.random(n))
        v = self.vocab
        return [v[i] for i in idx]

    def _title(self, n: int) -> str:
        return " ".join(w.capitalize() for w in self.words(n))

    def sentence(self, lo: int = 12, hi: int = 30) -> str:
        ws = self.words(self.rng.randint(lo, hi))
        ws[0] = ws[0].capitalize()
        if self.rng.random() < 0.25:
            ws[self.rng.randrange(1, len(ws))] += ","
        return " ".join(ws) + "."

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(2, 4)))

    def article(self, min_chars: int = 1800, max_chars: int = 7200) -> Article:
        self._key += 1
        target = self.rng.randint(min_chars, max_chars)
        paras, size = [], 0
        quotes = []
        while size < target:
            p = self.paragraph()
            if self.rng.random() < 0.15:
                q = self.sentence(14, 28)[:-1]
                quotes.append(q)
                p = f"“{q},” said {self.rng.choice(FIRST)} {self.rng.choice(LAST)}. " + p
            paras.append(p)
            size += len(p) + 2
        return Article(self._key, self._title(self.rng.randint(6, 11)), paras, quotes)

    def byline(self, outlet: Outlet) -> str:
        return f"By {self.rng.choice(FIRST)} {self.rng.choice(LAST)}, {outlet.name}"

    def render(self, art: Article, outlet: Outlet, headline: str | None = None, byline: str | None = None) -> str:
        parts = [outlet.header, headline or art.headline, byline or self.byline(outlet)]
        return "\n\n".join(parts + art.paragraphs + [outlet.footer])

    # -- copy models -----------------------------------------------------------

    def edit_words(self, para: str, changes: int) -> str:
        ws = para.split(" ")
        for _ in range(changes):
            i = self.rng.randrange(len(ws))
            tail = ws[i][-1] if ws[i] and ws[i][-1] in ".,”" else ""
            ws[i] = self.words(1)[0] + tail
        return " ".join(ws)

    def restyle_quotes(self, text: str) -> str:
        return text.replace("“", '"').replace("”", '"') if self.rng.random() < 0.5 else text

    def republish(self, art: Article) -> Article:
        paras = list(art.paragraphs)
        if len(paras) >= 5:
            del paras[self.rng.randrange(1, len(paras))]
        paras = [self.restyle_quotes(self.edit_words(p, self.rng.randint(1, 3))) for p in paras]
        return Article(art.key, self._title(self.rng.randint(6, 11)), paras, art.quotes)

    def shortened(self, art: Article) -> Article:
        keep = max(2, int(len(art.paragraphs) * self.rng.uniform(0.45, 0.7)))
        paras = [self.edit_words(p, self.rng.randint(0, 1)) for p in art.paragraphs[:keep]]
        return Article(art.key, art.headline, paras, art.quotes)


@dataclass
class Planted:
    #: Groups of document ids that are copies of one story (exact or near).
    groups: list[list[str]] = field(default_factory=list)
    #: Passage pastes: (source id, target id, pasted paragraph).
    pastes: list[tuple[str, str, str]] = field(default_factory=list)
    #: Pairs of unrelated documents that share a quote (must not be document duplicates).
    quote_pairs: list[tuple[str, str]] = field(default_factory=list)


def corpus(n: int, seed: int = 0, dup_rate: float = 0.25) -> tuple[Iterator[dict], Planted]:
    """Yield ``n`` records ``{"id", "text", "source", "date"}``; ``Planted`` fills as they are yielded."""
    planted = Planted()

    def gen() -> Iterator[dict]:
        s = Synth(seed)
        rng = s.rng
        made = 0
        recent: list[tuple[Article, str]] = []
        while made < n:
            art = s.article()
            outlet = rng.choice(s.outlets)
            doc_id = f"d{made:07d}"
            text = s.render(art, outlet)
            r = rng.random()
            if r < 0.02 and recent:
                # Paste a paragraph of a recent article into this one.
                src, src_id = rng.choice(recent)
                para = rng.choice(src.paragraphs)
                pos = rng.randrange(1, len(art.paragraphs) + 1)
                art.paragraphs.insert(pos, para)
                text = s.render(art, outlet)
                planted.pastes.append((src_id, doc_id, para))
            elif r < 0.03 and recent:
                src, src_id = rng.choice(recent)
                if src.quotes:
                    q = rng.choice(src.quotes)
                    art.paragraphs[0] = f"“{q},” the statement said. " + art.paragraphs[0]
                    text = s.render(art, outlet)
                    planted.quote_pairs.append((src_id, doc_id))
            yield {"id": doc_id, "text": text, "source": outlet.name, "date": f"2024-01-{1 + made % 28:02d}"}
            made += 1
            recent.append((art, doc_id))
            if len(recent) > 50:
                recent.pop(0)
            if rng.random() < dup_rate:
                group = [doc_id]
                for _ in range(rng.choice((1, 1, 1, 2, 3))):
                    if made >= n:
                        break
                    kind = rng.random()
                    other = rng.choice(s.outlets)
                    if kind < 0.15:
                        copy_text = s.restyle_quotes(text).replace("\n\n", "\n\n\n")
                        src_name = outlet.name
                    elif kind < 0.8:
                        copy_text = s.render(s.republish(art), other)
                        src_name = other.name
                    else:
                        copy_text = s.render(s.shortened(art), other)
                        src_name = other.name
                    cid = f"d{made:07d}"
                    yield {"id": cid, "text": copy_text, "source": src_name, "date": f"2024-01-{1 + made % 28:02d}"}
                    made += 1
                    group.append(cid)
                if len(group) > 1:
                    planted.groups.append(group)

    return gen(), planted


def write_jsonl(path: str, n: int, seed: int = 0) -> Planted:
    records, planted = corpus(n, seed)
    with open(path, "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return planted


def planted_to_json(p: Planted) -> dict:
    return {"groups": p.groups, "pastes": p.pastes, "quote_pairs": p.quote_pairs}
