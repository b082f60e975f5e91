"""report.md names stories republished across outlets: size, members and sources."""

from __future__ import annotations

import json

from audit.config import Config
from audit.pipeline import scan
from audit.render import markdown
from tests.duplicates.texts import EN, EN_HEADLINE, ES, ES_HEADLINE, article, republish


def test_cross_outlet_clusters_in_markdown(tmp_path):
    recs = [
        {"id": "ap-1", "text": article(EN_HEADLINE, EN), "source": "AP"},
        {"id": "herald-7", "text": republish(EN_HEADLINE, EN, drop=2, seed=1), "source": "Evening Herald"},
        {"id": "efe-1", "text": article(ES_HEADLINE, ES), "source": "EFE"},
        {"id": "efe-2", "text": article(ES_HEADLINE, ES), "source": "EFE"},
    ]
    (tmp_path / "news.jsonl").write_text("\n".join(json.dumps(r) for r in recs), encoding="utf-8")
    report = scan([str(tmp_path)], Config())
    md = markdown.render(report)
    section = md[md.index("### Republished across outlets") : md.index("### Other clusters")]
    row = next(line for line in section.splitlines() if line.startswith("| near-doc-1"))
    assert "| 2 |" in row and "ap-1" in row and "herald-7" in row and "AP, Evening Herald" in row
    assert "efe-2" not in section  # one outlet's own exact copy is not a cross-outlet story
    assert "1 document clusters span more than one source" in md
    data = report.to_dict()
    near = next(c for c in data["clusters"] if c["id"] == "near-doc-1")
    assert near["sources"] == ["AP", "Evening Herald"] and near["kept"]["document"] == "ap-1"
