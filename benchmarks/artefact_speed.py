"""CPU cost of each artefact check on real documents, net of the shared text layer and the language check.

    python benchmarks/artefact_speed.py /work/shared/realtext/reuters_dev.jsonl \\
        /work/shared/realtext/wikipedia_dev.jsonl /work/shared/realtext/webpages_dev.jsonl:raw_text --limit 100

Each input is ``PATH`` or ``PATH:FIELD`` (the record field holding the text; default ``text``), JSON lines;
without inputs the clean test texts and the demo corpus are used. Every check of the artefact family is
built as a ``scan --select artefact`` run builds it (with the language check it uses). For each document
the language check runs first and the parts of the text layer the checks share (words, lines, sentences,
passages, layout) are computed, then each artefact check runs on it in turn; the ``recurring`` corpus
check observes every document and finishes at the end. Printed: CPU seconds per MB (``time.process_time``)
for each check, for the family's own checks together, and for the shared parts (the layer and the language
check, which other families pay too), plus the one-time word-list loads: the five languages' whole
dictionaries (built first, as the glued-word and truncation checks build them, so each check's figure is
net of them), and for comparison a lookup table of each (``wordlists.frequency_table``) with every shard
read, from a fresh cache folder (written once) and from the written files.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from audit.artefacts.common import WORDFREQ_LANGS, _freq_dict, zipf  # noqa: E402
from audit.config import Config  # noqa: E402
from audit.engine.common import build_checks  # noqa: E402
from audit.language import wordlists  # noqa: E402
from audit.model import Document  # noqa: E402
from audit.policy import Policy  # noqa: E402
from audit.rules import CorpusCheck, DocContext  # noqa: E402
from benchmarks.realdata import records  # noqa: E402


def read_inputs(specs: list[str], limit: int) -> list[str]:
    texts: list[str] = []
    for spec in specs:
        texts += [text for _, _, text, _ in records(spec, limit)]
    return texts


def demo_texts() -> list[str]:
    root = Path(__file__).resolve().parents[1]
    base = [p.read_text(encoding="utf-8") for p in sorted((root / "tests/artefacts/clean").glob("*.txt"))]
    return base + [p.read_text(encoding="utf-8") for p in sorted((root / "corpus").glob("*.txt"))]


def _shard_costs() -> tuple[float, float]:
    """CPU seconds to read every shard of the five lookup tables: written into a fresh cache folder,
    then read back from it."""
    import os
    import tempfile

    out = []
    with tempfile.TemporaryDirectory() as folder:
        old = os.environ.get(wordlists.CACHE_ENV)
        os.environ[wordlists.CACHE_ENV] = folder
        try:
            for _ in range(2):
                wordlists.frequency_table.cache_clear()
                t0 = time.process_time()
                for lang in WORDFREQ_LANGS:
                    table = wordlists.frequency_table(lang, "best")
                    if type(table) is wordlists.FrequencyTable:  # else the whole dictionary is in memory
                        for s in range(wordlists.SHARDS):
                            table._load(s)
                out.append(time.process_time() - t0)
        finally:
            wordlists.frequency_table.cache_clear()
            if old is None:
                os.environ.pop(wordlists.CACHE_ENV, None)
            else:
                os.environ[wordlists.CACHE_ENV] = old
    return out[0], out[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("inputs", nargs="*", help="PATH or PATH:FIELD of JSON lines")
    ap.add_argument("--limit", type=int, default=100, help="records read from each input")
    args = ap.parse_args()
    texts = read_inputs(args.inputs, args.limit) if args.inputs else demo_texts()
    mb = sum(len(t.encode()) for t in texts) / 1e6

    config = Config()
    config.select = ["artefact"]
    checks = build_checks(config, Policy.from_config(config))
    art = [c for c in checks if type(c).__module__.startswith("audit.artefacts")]
    shared = [c for c in checks if c not in art]
    t0 = time.process_time()
    for lang in WORDFREQ_LANGS:
        _freq_dict(lang)
        zipf("the", lang)
    lists = time.process_time() - t0
    shards = _shard_costs()

    cost: dict[str, float] = {c.__class__.__name__: 0.0 for c in art}
    cost_layer = cost_shared = 0.0
    for i, text in enumerate(texts):
        ctx = DocContext(Document(id=str(i), text=text, source="b/x.jsonl", locator=None, metadata={}, record=None), i)
        t0 = time.process_time()
        for c in shared:
            list(c.check(ctx))
        t1 = time.process_time()
        lay = ctx.layer
        lay.words, lay.lower, lay.lines, lay.line_word_counts, lay.passages, lay.sentences, ctx.layout  # noqa: B018
        t2 = time.process_time()
        cost_shared += t1 - t0
        cost_layer += t2 - t1
        for c in art:
            t0 = time.process_time()
            if isinstance(c, CorpusCheck):
                list(c.observe(ctx))
            else:
                list(c.check(ctx))
            cost[c.__class__.__name__] += time.process_time() - t0
    for c in art:
        if isinstance(c, CorpusCheck):
            t0 = time.process_time()
            c.finish(lambda j: texts[j], [str(j) for j in range(len(texts))])
            cost[c.__class__.__name__] += time.process_time() - t0

    print(f"{len(texts)} documents, {mb:.2f} MB; CPU seconds per MB (process_time)\n")
    print(f"{'(word lists, once)':28} {lists:8.2f} s  whole dictionaries, {len(WORDFREQ_LANGS)} languages")
    print(f"{'(lookup tables, once)':28} {shards[0]:8.2f} s  every shard, cache written ({shards[1]:.2f} s read back)")
    print(f"{'shared: text layer':28} {cost_layer / mb:8.3f}")
    print(f"{'shared: ' + ', '.join(c.__class__.__name__ for c in shared):28} {cost_shared / mb:8.3f}")
    for name, sec in cost.items():
        print(f"{name:28} {sec / mb:8.3f}")
    print(f"{'artefact checks together':28} {sum(cost.values()) / mb:8.3f}")


if __name__ == "__main__":
    main()
