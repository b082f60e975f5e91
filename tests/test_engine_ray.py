"""The Ray engine gives the same results as the local engine (scan and filter), on a local Ray instance
that these tests start; a missing Ray and a failing shard are clear errors, never silent loss.

Ray is the `ray` extra; `scripts/test.sh` installs it. Without it these tests fail under CI and are
skipped on a developer machine."""

from __future__ import annotations

import json
import random
from dataclasses import replace
from pathlib import Path

import pytest

from audit.config import Config, EngineConfig
from audit.pipeline import scan

WORDS = (
    "council budget river school market energy water housing museum transport election festival storm "
    "hospital bridge library harvest factory tourism airport"
).split()


def _story(rng: random.Random, n: int) -> str:
    sents = []
    for _ in range(n):
        w = rng.sample(WORDS, 6)
        sents.append(
            f"The {w[0]} and the {w[1]} were discussed near the {w[2]} on Tuesday, "
            f"while the {w[3]} plan for the {w[4]} waited for the {w[5]} vote."
        )
    return " ".join(sents)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """120 news-like records with exact and near copies, an empty one and a Spanish one."""
    rng = random.Random(7)
    d = tmp_path_factory.mktemp("raycorpus")
    rows = []
    for i in range(110):
        rows.append({"id": f"d{i}", "text": _story(rng, 6)})
    for i in range(5):
        rows.append({"id": f"copy{i}", "text": rows[i]["text"]})
        rows.append({"id": f"near{i}", "text": rows[10 + i]["text"].replace("Tuesday", "Monday", 1)})
    rows.append({"id": "empty", "text": ""})
    rows.append(
        {"id": "es", "text": "El ayuntamiento aprobó ayer el presupuesto para el próximo año tras un largo debate."}
    )
    (d / "batch.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return d


def _comparable(report) -> dict:
    from audit.render.json_report import render

    data = json.loads(render(report))
    data.pop("run", None)  # which engine ran, and with how many workers
    return data


def test_scan_on_ray_equals_the_local_engine(ray_instance, corpus):
    config = replace(Config(), jobs=1)
    local = scan([str(corpus)], config)
    on_ray = scan([str(corpus)], replace(config, engine=EngineConfig(kind="ray", workers=2)))
    assert local.extra["run"] == {"engine": "local", "workers": 1}
    assert on_ray.extra["run"] == {"engine": "ray", "workers": 2}
    assert sum(len(d.findings) for d in local.documents) > 0 and local.clusters
    assert _comparable(on_ray) == _comparable(local)


def test_filter_on_ray_keeps_and_rejects_the_same_records(ray_instance, corpus, tmp_path):
    from audit.filter import filter_paths

    outs = {}
    for kind in ("local", "ray"):
        config = replace(Config(), jobs=1, engine=EngineConfig(kind=kind, workers=2))
        keep, reject = tmp_path / f"{kind}-keep.jsonl", tmp_path / f"{kind}-reject.jsonl"
        filter_paths([str(corpus)], config, keep, reject)
        outs[kind] = (keep.read_text(encoding="utf-8"), reject.read_text(encoding="utf-8"))
    assert outs["ray"] == outs["local"]
    assert outs["local"][1].count("\n") >= 6  # the copies and the empty record were rejected


def _poisoned_shard(config, enabled, docs):
    if any(d.id == "d40" for d in docs):
        raise ValueError("boom")
    from audit.engine.ray import _run_shard as real

    return real(config, enabled, docs)


def test_a_failing_shard_fails_the_run_naming_the_shard(ray_instance, corpus, monkeypatch):
    import audit.engine.ray as engine

    monkeypatch.setattr(engine, "_run_shard", _poisoned_shard)
    config = replace(Config(), engine=EngineConfig(kind="ray", workers=2))
    with pytest.raises(engine.EngineError, match=r"Ray task for the shard of 32 documents from 'd32' .* failed"):
        scan([str(corpus)], config)


def test_without_ray_the_engine_is_a_clear_usage_error(monkeypatch, corpus, tmp_path):
    import sys

    from typer.testing import CliRunner

    from audit.cli import app

    monkeypatch.setitem(sys.modules, "ray", None)  # import ray -> ImportError
    result = CliRunner().invoke(app, ["scan", str(corpus), "--engine", "ray", "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "pip install 'corpus-audit[ray]'" in result.stderr
    bad = CliRunner().invoke(app, ["scan", str(corpus), "--engine", "spark", "--out", str(tmp_path / "o")])
    assert bad.exit_code == 2 and "--engine must be local or ray" in bad.stderr


def test_engine_config_table(tmp_path):
    from audit.config import load_config
    from audit.errors import ConfigError

    cfg = tmp_path / "corpus-audit.toml"
    cfg.write_text('[engine]\nkind = "ray"\nworkers = 4\naddress = "auto"\n', encoding="utf-8")
    assert load_config(cfg).engine == EngineConfig(kind="ray", workers=4, address="auto")
    cfg.write_text('[engine]\nkind = "spark"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="kind must be 'local' or 'ray'"):
        load_config(cfg)
