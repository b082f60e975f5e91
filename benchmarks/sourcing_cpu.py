"""CPU seconds per MB of the sourcing check alone, on real documents.

    python benchmarks/sourcing_cpu.py ../shared/realtext/reuters_dev.jsonl ../shared/realtext/agnews_dev.jsonl \\
        ../shared/realtext/webpages_dev.jsonl:gold_text ../shared/realtext/wikipedia_dev.jsonl --limit 300

Each input is ``PATH`` or ``PATH:FIELD`` (JSON lines; the text field, default ``text``); up to ``--limit``
records of each are read. What the check gets from the rest of the pipeline is computed first and not
counted: the language check (``ctx.language``, passage languages), segmentation, the layout, the shared
text layer's words. Then ``SourcingCheck.check`` runs on every document and its CPU time
(``time.process_time``) is printed per MB of UTF-8 text, with the number of findings (a quick check that
two versions of the code agree); ``--repeat N`` times it N times and keeps the fastest (a shared machine).
``--against CHECKOUT`` times another checkout's sourcing check (its ``audit`` package imported under another
name) and this one document by document, alternating, so both run under the same load, after comparing (in an
untimed pass) their findings, ``stats["sourcing"]`` and whole analyses (``repr`` of each ``DocAnalysis``: every
claim, figure, attribution, quote and speaker). ``--phases`` prints the CPU of each stage of the analysis
(``time.process_time`` around each call, fewer distortions than a profiler's). ``--profile`` prints the top of a cProfile of the timed part (by cumulative time, then by own time).
"""

from __future__ import annotations

import argparse
import cProfile
import importlib
import pstats
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from audit.language.check import LanguageCheck  # noqa: E402
from audit.model import Document  # noqa: E402
from audit.rules import DocContext  # noqa: E402
from audit.sourcing import SourcingCheck  # noqa: E402
from audit.sourcing.lexicon import LEXICON_LANGUAGES, lexicon  # noqa: E402
from benchmarks.realdata import records  # noqa: E402


def _contexts(specs: list[str], limit: int) -> tuple[list[DocContext], int]:
    language = LanguageCheck()
    out: list[DocContext] = []
    size = 0
    for spec in specs:
        for i, rec, text, path in records(spec, limit):
            ctx = DocContext(Document(str(rec.get("id", i)), text, path), len(out))
            list(language.check(ctx))
            _ = (ctx.layer.lower, ctx.layer.sentences, ctx.layer.passages, ctx.layer.lines, ctx.layout, ctx.outlet)
            out.append(ctx)
            size += len(text.encode("utf-8"))
    return out, size


def _other_check(checkout: str, tmp: str):
    """``SourcingCheck`` of another checkout's ``audit`` package, imported under another name (``audit_other``:
    a copy with its own imports renamed) so that both versions run in this process on the same contexts."""
    dest = Path(tmp) / "audit_other"
    shutil.copytree(Path(checkout) / "audit", dest, ignore=shutil.ignore_patterns("__pycache__"))
    for f in dest.rglob("*.py"):
        src = f.read_text(encoding="utf-8")
        src = re.sub(r"\b(from|import) audit\b", r"\1 audit_other", src)
        src = re.sub(r"([\"'])audit\.", r"\1audit_other.", src).replace('files("audit")', 'files("audit_other")')
        f.write_text(src, encoding="utf-8")
    sys.path.insert(0, tmp)
    module = importlib.import_module("audit_other.sourcing.check")
    lexicons = importlib.import_module("audit_other.sourcing.lexicon")
    for lang in lexicons.LEXICON_LANGUAGES:
        lexicons.lexicon(lang)
    return module.SourcingCheck()


def _key(findings) -> list:
    return [(f.rule, f.span.start, f.span.end, f.message, f.severity.value, repr(f.data)) for f in findings]


def _outputs(check, ctx: DocContext) -> tuple:
    """Everything one check computes for ``ctx``: its findings, ``stats["sourcing"]`` and the whole analysis
    (``repr`` of the :class:`DocAnalysis`: every claim with its figures, assessments, attributions, quote and
    decision, every quote with its speaker, every table), captured from the check's module."""
    module = sys.modules[type(check).__module__]
    analyse = module.analyse
    got: list = []

    def capture(*args, **kwargs):
        result = analyse(*args, **kwargs)
        got.append(result)
        return result

    module.analyse = capture
    try:
        ctx.stats.pop("sourcing", None)
        findings = _key(list(check.check(ctx)))
    finally:
        module.analyse = analyse
    return findings, repr(ctx.stats.get("sourcing")), repr(got)


def _against(ctxs: list[DocContext], mb: float, other, repeat: int) -> int:
    """Both checks document by document, alternating (the same load for both); their findings, statistics and
    analyses are compared first, in a pass that is not timed."""
    check = SourcingCheck()
    same = True
    for ctx in ctxs:
        theirs_out, mine_out = _outputs(other, ctx), _outputs(check, ctx)
        for what, a, b in zip(("findings", "stats", "analysis"), theirs_out, mine_out, strict=True):
            if a != b:
                same = False
                print(f"{what} differ: {ctx.doc.id}")
    mine = theirs = 0.0
    for _r in range(max(1, repeat)):
        for ctx in ctxs:
            t = time.process_time()
            list(other.check(ctx))
            theirs += time.process_time() - t
            t = time.process_time()
            list(check.check(ctx))
            mine += time.process_time() - t
    n = max(1, repeat)
    print(
        f"documents {len(ctxs)}, {mb:.2f} MB: other checkout {theirs / n / mb:.3f} s/MB, this checkout "
        f"{mine / n / mb:.3f} s/MB ({theirs / mine:.2f}x); findings, stats and analyses {'the same' if same else 'DIFFER'}"
    )
    return 0 if same else 1


#: (module, function) pairs timed by ``--phases``: the stages of ``analyse`` as it calls them, and the inner work of
#: attach_speakers and the cue index. A stage's time includes the stages it calls (find_attributions called by
#: attach_speakers counts in both), so the rows overlap.
_PHASES = [
    ("audit.sourcing.check", "analyse"),
    ("audit.sourcing.analysis", "find_quotes"),
    ("audit.sourcing.analysis", "mask_quotes"),
    ("audit.sourcing.analysis", "attach_speakers"),
    ("audit.sourcing.analysis", "find_tables"),
    ("audit.sourcing.analysis", "company_names"),
    ("audit.sourcing.analysis", "find_figures"),
    ("audit.sourcing.analysis", "assess"),
    ("audit.sourcing.analysis", "find_attributions"),
    ("audit.sourcing.analysis", "_quote_of"),
    ("audit.sourcing.analysis", "decide"),
    ("audit.sourcing.speakers", "find_attributions"),
    ("audit.sourcing.speakers", "_loose_speaker"),
    ("audit.sourcing.check", "sourcing_stats"),
]


def _phases(ctxs: list[DocContext], mb: float) -> None:
    """CPU seconds (``time.process_time``) in each function of :data:`_PHASES` over one run of the check, and the
    number of calls: wrappers replace the names the callers look up, and are removed after the run. Each wrapped
    call costs about a microsecond more, so the total is a little higher than an unwrapped run."""
    check = SourcingCheck()
    spent: dict[str, list[float]] = {}
    saved = []
    for mod_name, name in _PHASES:
        module = importlib.import_module(mod_name)
        func = getattr(module, name)
        label = f"{mod_name.rsplit('.', 1)[-1]}.{name}"
        row = spent.setdefault(label, [0.0, 0])

        def timed(*args, _func=func, _row=row, **kwargs):
            t = time.process_time()
            try:
                return _func(*args, **kwargs)
            finally:
                _row[0] += time.process_time() - t
                _row[1] += 1

        saved.append((module, name, func))
        setattr(module, name, timed)
    try:
        for ctx in ctxs:
            ctx.stats.pop("sourcing", None)
        t = time.process_time()
        for ctx in ctxs:
            list(check.check(ctx))
        total = time.process_time() - t
    finally:
        for module, name, func in saved:
            setattr(module, name, func)
    print(f"documents {len(ctxs)}, {mb:.2f} MB: sourcing check {total:.3f} CPU s (wrapped); in each part (calls):")
    for label, (cpu, calls) in sorted(spent.items(), key=lambda kv: -kv[1][0]):
        print(f"  {label:36s} {cpu:7.3f} s {calls:8d}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--repeat", type=int, default=1, help="time the check this many times, print the fastest")
    ap.add_argument("--against", metavar="CHECKOUT", help="also time another checkout's sourcing check, alternating")
    ap.add_argument("--phases", action="store_true", help="CPU per stage of the analysis (process_time wrappers)")
    args = ap.parse_args(argv)
    for lang in LEXICON_LANGUAGES:
        lexicon(lang)  # compiled once per process: startup, not per-document work
    ctxs, size = _contexts(args.inputs, args.limit)
    if args.phases:
        _phases(ctxs, size / 1e6)
        return 0
    if args.against:
        with tempfile.TemporaryDirectory(prefix="sourcing-against-") as tmp:
            return _against(ctxs, size / 1e6, _other_check(args.against, tmp), args.repeat)
    check = SourcingCheck()
    prof = cProfile.Profile() if args.profile else None
    cpu = float("inf")
    for _ in range(max(1, args.repeat)):
        for ctx in ctxs:
            ctx.stats.pop("sourcing", None)
        t = time.process_time()
        if prof:
            prof.enable()
        findings = sum(len(list(check.check(ctx))) for ctx in ctxs)
        if prof:
            prof.disable()
        cpu = min(cpu, time.process_time() - t)
    mb = size / 1e6
    print(
        f"documents {len(ctxs)}, {mb:.2f} MB, findings {findings}: sourcing check {cpu:.2f} CPU s, {cpu / mb:.3f} s/MB"
    )
    if prof:
        pstats.Stats(prof).sort_stats("cumulative").print_stats(30)
        pstats.Stats(prof).sort_stats("tottime").print_stats(30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
