"""A serial run builds each document's text layer once: the corpus checks' ``prepare`` (duplicate passages,
recurring lines) runs on the context the document checks used, not on a fresh one."""

from __future__ import annotations

from audit import text as text_layer
from audit.config import Config
from audit.engine.common import build_checks
from audit.model import Document
from audit.pipeline import run_checks
from audit.policy import Policy

WIRE = (
    "  The company said on Tuesday that net profit for the first quarter rose\n"
    "to 12.5 mln dlrs from 9.8 mln a year earlier, helped by lower costs and\n"
    "higher sales of its main products in Europe and in North America.\n"
    "  It said it expected the second quarter to show a similar gain.\n"
)
WEB = "Home | News | Contact\nPrices rose sharply in March, the bureau said.\nAll rights reserved.\n"


def _docs(n: int) -> list[Document]:
    return [Document(id=f"d{i}", text=(WIRE if i % 2 else WEB) + f"Story number {i} ends here.\n") for i in range(n)]


def test_serial_run_builds_each_layout_once(monkeypatch):
    built: list[int] = []
    real = text_layer.build_layout

    def counting(text, bounds=None):
        built.append(len(text))
        return real(text, bounds)

    monkeypatch.setattr(text_layer, "build_layout", counting)
    config = Config()
    policy = Policy.from_config(config)
    checks = build_checks(config, policy)
    docs = _docs(6)
    state, _ = run_checks(iter(docs), checks, settings=config.settings())
    assert [r.id for r in state.results] == [d.id for d in docs]
    assert len(built) == len(docs)


def test_cli_main_raises_the_collector_threshold_from_the_start(monkeypatch):
    import gc

    from audit import cli
    from audit.collector import GC_YOUNG

    old = gc.get_threshold()
    seen = []
    monkeypatch.setattr(cli, "app", lambda: seen.append(gc.get_threshold()[0]))
    try:
        gc.set_threshold(700, *old[1:])
        cli.main()
    finally:
        gc.set_threshold(*old)
    assert seen == [GC_YOUNG]
