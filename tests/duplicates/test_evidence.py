"""Evidence on every duplicate finding and cluster; the kept -> copies map; suspicious clusters."""

from __future__ import annotations

import json

import jsonschema

from audit.config import Config
from audit.duplicates import DuplicateCheck, DuplicatesConfig
from audit.model import Document
from audit.pipeline import scan
from audit.rules import DocContext
from tests.conftest import LOCAL_SCHEMA
from tests.duplicates.texts import EN, EN_HEADLINE, OTHER, article, republish


def _finish(docs: dict[str, str], cfg: DuplicatesConfig | None = None):
    check = DuplicateCheck(cfg or DuplicatesConfig())
    texts = list(docs.values())
    for o, (doc_id, text) in enumerate(docs.items()):
        check.observe(DocContext(Document(doc_id, text), o))
    return check.finish(texts.__getitem__, list(docs))


DOCS = {
    "orig": article(EN_HEADLINE, EN),
    "exact": article(EN_HEADLINE, EN).upper(),
    "copy": republish(EN_HEADLINE, EN, drop=4, seed=3),
    "paste": article("Other news", OTHER[:3] + [EN[5]] + OTHER[3:]),
}


def test_every_duplicate_finding_carries_its_evidence():
    result = _finish(DOCS)
    ids = list(DOCS)
    seen = set()
    for o, findings in result.findings.items():
        for f in findings:
            if f.rule not in ("DUP001", "DUP002", "DUP003", "DUP004"):
                continue
            seen.add(f.rule)
            d = f.data
            assert d["cluster"] and d["kept"] in DOCS and d["cluster_size"] >= 2
            assert len(d["kept_span"]) == 2 and 0 < d["similarity"] <= 1.0
            assert f.related and f.related[0].similarity is not None
            if f.rule == "DUP002":
                assert 0 < d["estimated_jaccard"] <= 1.0
            assert ids[o] in DOCS
    assert seen == {"DUP001", "DUP002", "DUP003"}


def test_report_maps_each_kept_copy_to_its_duplicates():
    result = _finish(DOCS)
    assert result.extra["kept_copies"] == {"orig": ["copy", "exact"]}


def test_suspicious_clusters_are_marked():
    result = _finish(DOCS, DuplicatesConfig(suspicious_similarity=0.99))
    (near,) = [c for c in result.clusters if c.id.startswith("near-doc")]
    assert "suspicious" in near.data and "similarity" in near.data["suspicious"][0]
    assert result.extra["duplicates"]["suspicious_clusters"] >= 1
    result = _finish(DOCS)
    assert not [c for c in result.clusters if "suspicious" in c.data]
    result = _finish(DOCS, DuplicatesConfig(suspicious_cluster_size=1))
    assert all("suspicious" in c.data for c in result.clusters)


def test_report_with_the_new_fields_still_validates(tmp_path):
    for name, text in DOCS.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    report = scan([str(tmp_path)], Config())
    data = json.loads(json.dumps(report.to_dict()))
    jsonschema.validate(data, json.loads(LOCAL_SCHEMA.read_text(encoding="utf-8")))
    # Files are read in name order: copy.txt is kept, exact.txt is the kept copy of the exact group
    # {exact, orig} and itself a near copy of copy.txt, so both map to copy.txt.
    assert data["kept_copies"] == {"copy.txt": ["exact.txt", "orig.txt"]}


def test_a_pasted_paragraph_fails_the_default_warning_gate_and_a_short_quote_does_not(tmp_path):
    from typer.testing import CliRunner

    from audit.cli import app
    from tests.duplicates.texts import EN_QUOTE, filler

    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(article(EN_HEADLINE, EN), encoding="utf-8")
    (corpus / "b.txt").write_text(article("Other news", OTHER[:3] + [EN[5]] + OTHER[3:]), encoding="utf-8")
    args = [
        "scan",
        str(corpus),
        "--select",
        "duplicate",
        "--out",
        str(tmp_path / "r"),
        "--format",
        "json",
        "--fail-on",
        "warning",
    ]
    assert CliRunner().invoke(app, args).exit_code == 1
    (corpus / "b.txt").write_text(article("Riders rally", filler(5, seed=11) + [EN_QUOTE]), encoding="utf-8")
    (corpus / "a.txt").write_text(article(EN_HEADLINE, EN[:4] + [EN_QUOTE]), encoding="utf-8")
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output


def test_calibration_data_for_the_similarity_threshold():
    docs = dict(DOCS)
    docs["half"] = article("Half", EN[:3] + OTHER[:5])  # a candidate that verification rejects
    cal = _finish(docs).extra["duplicates"]["calibration"]
    assert cal["threshold"] == 0.55 and len(cal["accepted"]) == len(cal["rejected"]) == cal["bins"] == 20
    assert sum(cal["accepted"]) >= 1 and sum(cal["accepted"][: int(0.55 * 20)]) == 0  # none under the threshold
    assert (cal["bands"], cal["rows"]) == (60, 2)
    ps = [p for _, p in cal["s_curve"]]
    assert ps[0] == 0.0 and ps[-1] == 1.0 and list(ps) == sorted(ps)
    sims = [p["similarity"] for p in cal["least_similar"]]
    assert sims == sorted(sims) and sims[0] >= 0.55 and {"kept", "member"} <= set(cal["least_similar"][0])
