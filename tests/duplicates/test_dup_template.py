"""DUP002 on web pages: a pair of pages is a near copy on its main text, not on its site's page furniture.

Pages of one site share a template (menu, sidebar, footer) that can outweigh the article on naive page
text. Units on ``template_min_pages`` pages of one site, and shared runs that are not prose (menus), are
left out when a verified document pair is judged again (``audit/duplicates/templates.py``).
"""

from __future__ import annotations

import re

import numpy as np
import pytest

from audit.duplicates import DuplicatesConfig
from audit.duplicates.templates import template_units
from tests.duplicates.harness import run
from tests.duplicates.texts import EN, EN_HEADLINE, article, edit_words, filler

SECTIONS = (
    "Home World Politics Business Markets Technology Science Health Sports Football Tennis Golf Culture Books "
    "Music Film Travel Food Opinion Letters Obituaries Weather Traffic Video Photos Podcasts Puzzles Jobs Homes"
).split()
MENU = "Greenfield Gazette\n\n" + "\n\n".join(SECTIONS) + "\n\nSign in\n\nSubscribe"
SIDEBAR = "\n\n".join(
    [
        "Most read",
        "Harbour bridge repairs will close two lanes until the end of October",
        "Local bakery wins regional prize for its rye bread for the third time",
        "School board delays vote on new start times after a long public meeting",
        "Volunteers plant four hundred trees along the river path on Saturday",
        "Museum reopens its east wing with an exhibition of maps from the valley",
        "Farmers market moves to the old rail yard while the square is repaved",
    ]
)
FOOTER = (
    "The Greenfield Gazette is published by Greenfield Media Company, which also runs the weekly shoppers' guide "
    "and the evening radio bulletin for the valley. All material on this site is protected by copyright and may "
    "not be reproduced, distributed, transmitted or otherwise used without the prior written permission of the "
    "publisher, except as permitted by law for private study or review.\n\n"
    "We use cookies and similar tools to understand how readers use the site, to remember your preferences and to "
    "show advertising that pays for our reporting. You can change your choices at any time from the privacy page, "
    "where you will also find how we handle the personal data of subscribers and how to contact our editors."
)


def page(headline: str, body: list[str]) -> str:
    """A page as naive extraction gives it: menu, headline and article, sidebar, footer."""
    return MENU + "\n\n" + headline + "\n\n" + "\n\n".join(body) + "\n\n" + SIDEBAR + "\n\n" + FOOTER


def body(seed: int, n: int = 3) -> list[str]:
    """An article's paragraphs (45 plausible news words each, no figures)."""
    return [re.sub(r" ?\bx\d+\b,?", "", p) for p in filler(n, seed=seed)]


def site_pages(n: int) -> dict[str, str]:
    """``n`` pages of one site, each with its own article (3 paragraphs of 45 words)."""
    return {f"p{i}": page(f"Story of the day by desk {'abcdefgh'[i]}", body(300 + i)) for i in range(n)}


SITE_METADATA = {
    "source field": lambda ids: {d: {"source": "gazette"} for d in ids},
    "url": lambda ids: {d: {"url": f"https://www.gazette.example/news/{d}.html"} for d in ids},
    "no site": lambda ids: {},
}


def dup002(findings: dict) -> dict[str, list]:
    return {
        d: [f for f in fs if f.rule == "DUP002"] for d, fs in findings.items() if any(f.rule == "DUP002" for f in fs)
    }


@pytest.mark.parametrize("how", list(SITE_METADATA))
def test_different_articles_on_one_site_template_are_no_near_copies(how):
    docs = site_pages(5)
    meta = SITE_METADATA[how](docs)
    findings, clusters = run(docs, metadata=meta)
    assert dup002(findings) == {}
    assert not [c for c in clusters if c.level == "document"]
    # Judged on the whole page text (the template test off), the template makes them "copies".
    findings, _ = run(docs, metadata=meta, config=DuplicatesConfig(template_min_pages=0))
    assert len(dup002(findings)) >= 3


@pytest.mark.parametrize("how", list(SITE_METADATA))
def test_the_same_article_saved_twice_on_the_site_is_still_a_near_copy(how):
    docs = site_pages(5)
    paras = EN[:5]
    docs["story"] = page(EN_HEADLINE, paras)
    # Saved again later: one word edited, a line added under the headline.
    docs["story-again"] = page(EN_HEADLINE + "\n\nUpdated at 6 p.m.", [edit_words(paras[0], 1, seed=3)] + paras[1:])
    findings, clusters = run(docs, metadata=SITE_METADATA[how](docs))
    assert list(dup002(findings)) == ["story-again"]
    (f,) = dup002(findings)["story-again"]
    assert f.related[0].document == "story" and f.severity.value == "warning"
    (c,) = [c for c in clusters if c.level == "document"]
    assert sorted(m.document for m in c.members) == ["story", "story-again"]


def test_three_copies_of_one_article_on_the_site_stay_one_cluster():
    # The article's paragraphs are then on three pages too: what is left outside them is too little to
    # judge on, and the pages keep their verdict.
    docs = site_pages(4)
    paras = EN[:5]
    docs["a"] = page(EN_HEADLINE, paras)
    docs["b"] = page(EN_HEADLINE, [edit_words(paras[0], 1, seed=4)] + paras[1:])
    docs["c"] = page(EN_HEADLINE, paras[:2] + [edit_words(paras[2], 1, seed=5)] + paras[3:])
    findings, clusters = run(docs, metadata=SITE_METADATA["source field"](docs))
    assert sorted(dup002(findings)) == ["b", "c"]
    (c,) = [c for c in clusters if c.level == "document"]
    assert sorted(m.document for m in c.members) == ["a", "b", "c"]


@pytest.mark.parametrize("how", ["source field", "url"])
def test_a_page_of_nothing_but_template_is_no_copy_of_an_article(how):
    docs = site_pages(4)
    docs["empty"] = page("Page not found", [])
    findings, _ = run(docs, metadata=SITE_METADATA[how](docs))
    assert dup002(findings) == {}


LONG_MENU = MENU + "\n\n" + "\n\n".join(f"{s} archive" for s in SECTIONS) + "\n\n" + "\n\n".join(SECTIONS)


def test_without_a_site_a_page_of_nothing_but_menus_and_links_is_no_copy_of_an_article():
    # Pages of unknown site are one pool, where only short units (menu lines, links) count as template: a
    # paragraph on three such pages may be one story copied three times.
    docs = {
        f"p{i}": LONG_MENU + f"\n\nStory of the day by desk {'abcd'[i]}\n\n" + "\n\n".join(body(320 + i))
        for i in range(4)
    }
    docs = {d: t + "\n\n" + SIDEBAR for d, t in docs.items()}
    docs["empty"] = LONG_MENU + "\n\nPage not found\n\n" + SIDEBAR
    findings, _ = run(docs)
    assert dup002(findings) == {}
    findings, _ = run(docs, config=DuplicatesConfig(template_min_pages=0))
    assert dup002(findings)


def test_without_a_site_copies_overlapping_in_a_chain_keep_their_shared_paragraphs():
    # Long paragraphs on three pages of unknown site are no template: A~B and B~C stay near copies.
    paras = body(330, 12)
    docs = {"A": article("A", paras[0:8]), "B": article("B", paras[2:10]), "C": article("C", paras[4:12])}
    findings, _ = run(docs)
    assert list(dup002(findings)) == ["B"]  # (C joins no star: A is B's kept copy, and C is no copy of A)
    (f,) = dup002(findings)["B"]
    assert f.related[0].document == "A"


def test_two_pages_sharing_only_a_menu_of_short_lines_are_no_near_copies():
    # Only two pages of the site: no unit is on three pages, but the shared menu is not prose.
    long_menu = LONG_MENU
    docs = {
        "x": long_menu + "\n\n" + "\n\n".join(body(41, 2)),
        "y": long_menu + "\n\n" + "\n\n".join(body(42, 2)),
    }
    findings, _ = run(docs)
    assert dup002(findings) == {}
    findings, _ = run(docs, config=DuplicatesConfig(template_min_pages=0))
    assert list(dup002(findings)) == ["y"]


def test_two_copies_of_one_article_without_template_are_unchanged():
    paras = EN[:6]
    docs = {"a": article(EN_HEADLINE, paras), "b": article(EN_HEADLINE, [edit_words(paras[0], 2, seed=8)] + paras[1:])}
    for cfg in (DuplicatesConfig(), DuplicatesConfig(template_min_pages=0)):
        findings, _ = run(docs, config=cfg)
        (f,) = dup002(findings)["b"]
        assert f.related[0].document == "a"


def test_stats_count_the_pairs_dropped():
    from audit.duplicates import DuplicateCheck
    from audit.model import Document
    from audit.rules import DocContext

    docs = site_pages(4)
    check = DuplicateCheck(DuplicatesConfig())
    ids = list(docs)
    for o, d in enumerate(ids):
        check.observe(DocContext(Document(d, docs[d], source=f"{d}.txt", metadata={"source": "gazette"}), o))
    result = check.finish(lambda o: docs[ids[o]], ids)
    stats = result.extra["duplicates"]
    assert stats["document_pairs_template_only"] >= 3
    assert stats["near_document_clusters"] == 0


def test_template_units_counts_distinct_pages_per_site():
    # rows (ordinal, start, end); unit keys; the site of each ordinal
    units = np.array([[0, 0, 5], [0, 6, 9], [1, 0, 5], [2, 0, 5], [3, 0, 5], [3, 6, 9], [3, 10, 12]], dtype=np.int32)
    keys = np.array([7, 8, 7, 7, 7, 8, 8], dtype=np.uint64)
    sites = np.array([0, 0, 0, 1], dtype=np.int32)
    # key 7: pages 0, 1, 2 of site 0 (template) and page 3 of site 1 (one page: not); key 8: pages 0 and 3
    # (different sites), twice on page 3 (one page).
    assert template_units(units, keys, sites, 3).tolist() == [True, False, True, True, False, False, False]
    assert (
        template_units(units, keys, np.zeros(4, dtype=np.int32), 3).tolist()
        == [True] + [False] + [True] * 3 + [False] * 2
    )
    assert not template_units(units, keys, sites, 0).any()


def test_run_words_left_counts_words_outside_either_template():
    from audit.duplicates.templates import _run_words_left

    runs = ((0, 2, 3), (5, 6, 2))
    ma = np.array([False, True, False, False, False, True, True])  # a: word 1 and the second run
    mb = np.array([False, False, False, False, True, False, False, False])  # b: word 4 (a's word 2)
    assert _run_words_left(runs, ma, mb) == ([1, 0], [2, 0], [2, 2])
    assert _run_words_left(runs, None, None) == ([3, 2], [3, 2], [3, 2])
