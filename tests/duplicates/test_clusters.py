"""Clustering: no chaining, keep policies, the demo corpus's repeated CBS blurb, determinism."""

from __future__ import annotations

import json

import pytest

from audit.config import Config
from audit.duplicates import DuplicatesConfig
from audit.duplicates.lsh import candidate_pairs, star_clusters
from audit.pipeline import scan
from tests.duplicates.harness import run
from tests.duplicates.texts import EN, EN_HEADLINE, EN_QUOTE, ES, ES_HEADLINE, article, filler, republish

PARAS = filler(12, seed=5)


def test_chain_does_not_merge_unrelated_ends():
    # A shares 6 of 8 paragraphs with B, B shares 6 of 8 with C, A and C share only 4: A~B, B~C, not A~C.
    docs = {"A": article("A", PARAS[0:8]), "B": article("B", PARAS[2:10]), "C": article("C", PARAS[4:12])}
    findings, clusters = run(docs)
    doc_clusters = [c for c in clusters if c.level == "document"]
    assert any({m.document for m in c.members} == {"A", "B"} for c in doc_clusters)
    for c in doc_clusters:
        assert not {"A", "C"} <= {m.document for m in c.members}
    assert not any(r.document == "A" for f in findings["C"] for r in f.related if f.rule == "DUP002")


def test_star_clusters_verify_every_member_against_kept():
    similar = {(1, 2), (2, 3)}
    stars = star_clusters([1, 2, 3], lambda n: (n,), lambda a, b: "ok" if (a, b) in similar else None)
    assert stars == [(1, [(2, "ok")])]  # 3 is only similar to 2, which is taken


def test_candidate_pairs_cap_large_buckets():
    import numpy as np

    sig = np.zeros((10, 4), dtype=np.uint16)  # ten identical signatures
    pairs, est = candidate_pairs(sig, 2, 2, max_bucket=5)
    assert len(pairs) == 0
    pairs, est = candidate_pairs(sig, 2, 2, max_bucket=100)
    assert len(pairs) >= 9 and (est == 1.0).all()


def _story():
    return {
        "short": article(EN_HEADLINE, EN[:6]),
        "long": republish(EN_HEADLINE, EN, drop=7, seed=2) + "\n\n" + "\n\n".join(filler(2, seed=3)),
        "wire": republish(EN_HEADLINE, EN, drop=1, seed=4),
    }


@pytest.mark.parametrize(
    "keep, metadata, kept",
    [
        ("first", {}, "short"),
        ("longest", {}, "long"),
        (
            "earliest",
            {
                "short": {"date": "2024-03-02"},
                "long": {"date": "2024-03-01T10:00:00Z"},
                "wire": {"date": "2024-03-01T09:00:00+00:00"},
            },
            "wire",
        ),
        (
            "source_priority",
            {"short": {"source": "blog"}, "long": {"source": "paper"}, "wire": {"source": "ap"}},
            "wire",
        ),
    ],
)
def test_keep_policy(keep, metadata, kept):
    cfg = DuplicatesConfig(keep=keep, source_priority=("ap", "paper"))
    findings, clusters = run(_story(), cfg, metadata)
    (cluster,) = [c for c in clusters if c.level == "document"]
    assert cluster.kept.document == kept
    assert {m.document for m in cluster.members} == {"short", "long", "wire"}
    assert not [f for f in findings[kept] if f.rule == "DUP002"]
    for other in {"short", "long", "wire"} - {kept}:
        (f,) = [f for f in findings[other] if f.rule == "DUP002"]
        assert f.related[0].document == kept and f.data["kept"] == kept


def test_invalid_keep_policy():
    with pytest.raises(ValueError, match="keep must be one of"):
        DuplicatesConfig(keep="newest")


def test_demo_corpus_cbs_blurb_is_one_passage_cluster(corpus_dir):
    report = scan([str(corpus_dir)], Config())
    doc = "004_0534d495edc3771c.txt"
    text = (corpus_dir / doc).read_text(encoding="utf-8")
    passage = [c for c in report.clusters if c.level == "passage" and c.kept.document == doc]
    assert len(passage) == 1
    (c,) = passage
    assert len(c.members) == 2
    first, second = sorted(c.members, key=lambda m: m.start)
    for m in (first, second):
        span = text[m.start : m.end]
        assert span.startswith("Some Say State AG Harris")  # the headline is part of the copy
        assert span.rstrip().endswith("unrelated crime.")
    assert c.kept == first and c.kind == "near"
    (finding,) = [f for d in report.documents if d.id == doc for f in d.findings if f.rule == "DUP004"]
    assert (finding.start, finding.end) == (second.start, second.end)
    assert finding.related[0].start == first.start and finding.severity.value == "warning"
    # The word changed between the two copies, with both spans (DUP006).
    (alt,) = [f for d in report.documents if d.id == doc for f in d.findings if f.rule == "DUP006"]
    assert first.start <= alt.related[0].start < alt.related[0].end <= first.end
    assert second.start <= alt.start < alt.end <= second.end
    assert (
        (text[alt.related[0].start : alt.related[0].end], text[alt.start : alt.end])
        == (alt.data["kept_text"], alt.data["text"])
        != ("", "")
    )


def test_cluster_ids_unique_and_deterministic():
    docs = {
        "es": article(ES_HEADLINE, ES),
        "es2": republish(ES_HEADLINE, ES, drop=1, seed=1),
        "en": article(EN_HEADLINE, EN + [ES[2]]),
        "en2": article(EN_HEADLINE, EN + [ES[2]]),
        "en3": republish(EN_HEADLINE, EN, drop=2, seed=9),
    }
    f1, c1 = run(docs)
    f2, c2 = run(docs)
    ids = [c.id for c in c1]
    assert len(ids) == len(set(ids)) and len(ids) >= 3
    assert json.dumps([c.to_dict() for c in c1]) == json.dumps([c.to_dict() for c in c2])


def test_page_template_is_a_pattern_of_three_pages_of_one_site_not_a_shared_edge():
    ending = ES[4]
    docs = {name: article(name, filler(4, seed=21 + i) + [ending]) for i, name in enumerate("abc")}
    # Three pages of one site end with the same paragraph: that site's footer, not a copy.
    site = {d: {"source": "site"} for d in docs}
    findings, _ = run(docs, metadata=site)
    assert not any(f.rule in ("DUP003", "DUP004") for fs in findings.values() for f in fs)
    # The same three pages known only by their URLs (one host): the same decision.
    urls = {d: {"url": f"https://www.site.example/news/{d}.html"} for d in docs}
    findings, _ = run(docs, metadata=urls)
    assert not any(f.rule in ("DUP003", "DUP004") for fs in findings.values() for f in fs)
    findings, _ = run(docs, metadata=site, config=DuplicatesConfig(template_min_pages=0))
    assert [f for f in findings["b"] if f.rule == "DUP003"]


def test_two_pages_sharing_an_edge_paragraph_are_a_copy_even_on_one_site():
    ending = ES[4]
    docs = {"a": article("Uno", filler(4, seed=21) + [ending]), "b": article("Dos", filler(4, seed=22) + [ending])}
    for metadata in (
        {"a": {"source": "site"}, "b": {"source": "site"}},
        {"a": {"source": "site"}, "b": {"source": "other"}},
        {},
    ):
        findings, _ = run(docs, metadata=metadata)
        (f,) = [f for f in findings["b"] if f.rule == "DUP003"]
        assert docs["b"][f.start : f.end] == ending and f.related[0].document == "a"
        assert f.severity.value == "warning"
        (k,) = [f for f in findings["a"] if f.rule == "DUP003"]  # the kept side names the other page
        assert docs["a"][k.start : k.end] == ending and k.related[0].document == "b" and k.data["role"] == "kept"


def test_pasted_paragraph_is_a_warning_and_a_short_quotation_is_info():
    docs = {
        "a": article(EN_HEADLINE, EN[:4] + [EN_QUOTE]),
        "b": article("Transit riders rally", filler(5, seed=11) + [EN_QUOTE]),
        "c": article("Other news", filler(3, seed=12) + [EN[3]] + filler(2, seed=13)),
    }
    findings, _ = run(docs)
    quote = [f for f in findings["b"] if f.rule == "DUP003"]
    assert quote and all(f.severity.value == "info" for f in quote)
    assert docs["b"][quote[0].start : quote[0].end] == EN_QUOTE
    pasted = [f for f in findings["c"] if f.rule == "DUP003"]
    assert pasted and all(f.severity.value == "warning" for f in pasted)
    # A long passage in quotation marks is pasted prose, not a short quotation.
    findings, _ = run(docs, config=DuplicatesConfig(quote_max_words=10))
    assert all(f.severity.value == "warning" for f in findings["b"] if f.rule == "DUP003")


def test_texts_are_not_kept_after_hashing():
    docs = {f"d{i}": article(EN_HEADLINE, EN[i % 3 :] + filler(2, seed=i)) for i in range(30)}
    from audit.duplicates import DuplicateCheck
    from audit.model import Document
    from audit.rules import DocContext

    check = DuplicateCheck(DuplicatesConfig())
    for o, (doc_id, text) in enumerate(docs.items()):
        check.observe(DocContext(Document(doc_id, text), o))
    check._flush()
    held = [v for v in vars(check).values() if isinstance(v, str) and len(v) > 100]
    assert not held and not check._pending
    assert check.state_bytes() < 2000 * len(docs)


def test_partial_copy_reports_the_copied_words_only():
    from tests.duplicates.texts import OTHER

    merged = OTHER[2] + " " + EN[2] + " " + OTHER[3]
    docs = {"src": article(EN_HEADLINE, EN), "dst": article("Other", OTHER[:2] + [merged] + OTHER[4:])}
    findings, _ = run(docs)
    (f,) = [f for f in findings["dst"] if f.rule == "DUP004"]
    assert docs["dst"][f.start : f.end] == EN[2].rstrip(".")  # the aligned span: the pasted paragraph's words
    assert f.data["copied_words"] >= 30 and f.severity.value == "warning"  # 30+ words of prose: pasted
    assert docs["src"][f.related[0].start : f.related[0].end] == EN[2].rstrip(".")
    (k,) = [f for f in findings["src"] if f.rule == "DUP004"]
    assert k.data["role"] == "kept" and k.related[0].document == "dst"


def test_paragraph_pasted_many_times_is_one_finding_with_every_copy_in_the_cluster():
    from tests.duplicates.harness import run

    x = (
        "The committee will meet again next week to review the proposal and hear from residents who oppose "
        "the new road through the park."
    )
    y = (
        "Opponents say the road would destroy old oak trees and bring heavy traffic past two primary schools "
        "on the north side of town."
    )
    intro = "Intro paragraph about the council meeting that happened yesterday in the town hall with many residents."
    z = (
        "Supporters of the plan answered that the road would cut travel times to the hospital by ten minutes "
        "for most families in the valley."
    )
    docs = {
        "one": "\n\n".join([intro] + [x] * 300),
        "pairs": "\n\n".join([intro] + [z, y] * 40 + ["The end of it all."]),
    }
    findings, clusters = run(docs)
    (f,) = findings["one"]
    assert f.rule == "DUP003" and f.data["copies"] == 299 and f.data["same_document"]
    assert docs["one"][f.start : f.end] == "\n\n".join([x] * 299)
    assert f.related[0].start == len(intro) + 2 and f.related[0].end == len(intro) + 2 + len(x)
    (one,) = [c for c in clusters if c.members[0].document == "one"]
    assert len(one.members) == 300
    # A pair of paragraphs repeated: the copies of the pair, one finding, no overlapping spans.
    (g,) = findings["pairs"]
    assert g.data["copies"] == 39
    assert docs["pairs"][g.related[0].start : g.related[0].end] == z + "\n\n" + y
    assert docs["pairs"][g.start : g.end] == "\n\n".join([z, y] * 39)


def test_chinese_and_japanese_near_copies_are_found():
    """Scripts without spaces are shingled by character: a republished Chinese article (new headline,
    a paragraph dropped, a few characters changed) is a near copy; an unrelated one is not."""
    from pathlib import Path

    from tests.duplicates.harness import run

    data = Path(__file__).resolve().parent.parent / "data" / "scripts"
    zh = (data / "zh.txt").read_text(encoding="utf-8")
    ja = (data / "ja.txt").read_text(encoding="utf-8")
    paras = zh.strip().split("\n\n")
    copy = (
        "\n\n".join(
            ["【本报讯】北京地铁将新增三条线路"]
            + [paras[0].replace("周二", "本周二"), paras[1], paras[3].replace("九十", "约九十")]
        )
        + "\n\n（记者 王磊）"
    )
    jpa = ja.strip().split("\n\n")
    ja_copy = "\n\n".join(["給食費無償化へ 東京都"] + [jpa[0], jpa[1].replace("話した", "述べた"), jpa[3]])
    findings, clusters = run(
        {
            "zh": zh,
            "zh-copy": copy,
            "ja": ja,
            "ja-copy": ja_copy,
            "other": (data / "th.txt").read_text(encoding="utf-8"),
        }
    )
    near = {f.rule: f for f in findings["zh-copy"]}
    assert "DUP002" in near and near["DUP002"].related[0].document == "zh"
    assert any(f.rule == "DUP002" and f.related[0].document == "ja" for f in findings["ja-copy"])
    assert findings["zh"] == [] and findings["ja"] == [] and findings["other"] == []
    assert sum(c.level == "document" for c in clusters) == 2


def test_verify_pair_decides_like_the_scan():
    from audit.duplicates import verify_pair

    orig, copy, other = article(EN_HEADLINE, EN), republish(EN_HEADLINE, EN, drop=4, seed=3), article("x", PARAS)
    v = verify_pair(orig, copy)
    assert v.duplicate and 0.55 <= v.similarity < 1.0
    findings, _ = run({"orig": orig, "copy": copy})
    (f,) = [f for f in findings["copy"] if f.rule == "DUP002"]
    assert f.data["similarity"] == round(v.similarity, 4)
    assert not verify_pair(orig, other).duplicate
    assert verify_pair(orig, orig.upper()).similarity == 1.0
    assert not verify_pair(orig, copy, DuplicatesConfig(doc_similarity=0.99, doc_containment=0.99)).duplicate
