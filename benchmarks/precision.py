"""Precision of every rule on real corpora, from hand labels kept in the repository.

Re-runs the scan on each corpus given by path, matches the current findings against the labels in
``benchmarks/data/precision/<corpus>/<RULE>.jsonl`` and prints, per corpus:

* findings per 20,000 characters by category and severity (warnings are what a user reads first);
* the share of documents sent to review (or dropped) by artefact or language findings alone;
* per rule: how many findings, how many of them are labelled, true / false / debatable, and the
  precision ``true / (true + false)`` with the dates the labels were made.

A label is ``{"record", "rule", "start", "end", "verdict": "true"|"false"|"debatable", "reason",
"labelled"}``; it never holds corpus text. It matches a finding of the same record and rule with the
same span, or else the finding of that record and rule whose span overlaps it most. Labels that match
no current finding (the rule no longer fires there) are counted as ``gone``.

Usage::

    python benchmarks/precision.py ../shared/realtext/reuters_dev.jsonl ../shared/realtext/webpages_dev.jsonl
    python benchmarks/precision.py PATH --markdown            # tables for docs/
    python benchmarks/precision.py PATH... --select artefact,language --table
        # one table per rule, per corpus, per severity (the one in docs/artefacts.md)
    python benchmarks/precision.py PATH --sample ART020 --n 40 --seed 1 > /tmp/sample.jsonl
        # unlabelled findings of a rule with their context, to label by hand (never commit the output)

A file's corpus name comes from its stem (``reuters_dev.jsonl`` -> ``reuters``); ``webpages_dev.jsonl``
is two corpora, ``webpages_raw`` (field ``raw_text``) and ``webpages_gold`` (``gold_text``).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from audit.config import load_config  # noqa: E402
from audit.model import Severity, Verdict  # noqa: E402
from audit.pipeline import scan  # noqa: E402
from audit.policy import Policy  # noqa: E402

LABELS = Path(__file__).resolve().parent / "data" / "precision"

#: File stem -> [(corpus name, text field)].
KNOWN = {
    "reuters_dev": [("reuters", "text")],
    "wikipedia_dev": [("wikipedia", "text")],
    "agnews_dev": [("agnews", "text")],
    "webpages_dev": [("webpages_raw", "raw_text"), ("webpages_gold", "gold_text")],
    "codeswitch_train": [("codeswitch", "text")],
}


def corpora_of(path: Path, text_field: str | None) -> list[tuple[str, str]]:
    stem = path.name.split(".")[0]
    if text_field:
        return [(stem.removesuffix("_dev"), text_field)]
    return KNOWN.get(stem, [(stem.removesuffix("_dev"), "text")])


def load_labels(corpus: str, root: Path = LABELS) -> dict[str, list[dict]]:
    """rule -> labels of one corpus."""
    out: dict[str, list[dict]] = defaultdict(list)
    folder = root / corpus
    if not folder.is_dir():
        return out
    for f in sorted(folder.glob("*.jsonl")):
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                lab = json.loads(line)
                out[lab["rule"]].append(lab)
            except (ValueError, KeyError) as err:
                raise SystemExit(f"{f}:{n}: not a label: {err}") from None
    return out


def match(findings: list[tuple[str, object]], labels: list[dict]) -> tuple[dict[int, dict], int]:
    """Map finding index -> label (exact span first, else largest overlap); count labels matching nothing."""
    by_record: dict[str, list[int]] = defaultdict(list)
    for i, (rec, _f) in enumerate(findings):
        by_record[rec].append(i)
    matched: dict[int, dict] = {}
    gone = 0
    pending = []
    for lab in labels:
        hit = next(
            (
                i
                for i in by_record.get(lab["record"], ())
                if (findings[i][1].start, findings[i][1].end) == (lab["start"], lab["end"])
            ),
            None,
        )
        if hit is not None and hit not in matched:
            matched[hit] = lab
        else:
            pending.append(lab)
    for lab in pending:
        best, best_overlap = None, 0
        for i in by_record.get(lab["record"], ()):
            if i in matched:
                continue
            f = findings[i][1]
            overlap = min(f.end, lab["end"]) - max(f.start, lab["start"])
            if overlap > best_overlap:
                best, best_overlap = i, overlap
        if best is None:
            gone += 1
        else:
            matched[best] = lab
    return matched, gone


def run_corpus(path: Path, corpus: str, field: str, args) -> dict:
    config = load_config(args.config, discover=False)
    config = replace(
        config, text_field=field, jobs=args.jobs, select=tuple(args.select.split(",")) if args.select else config.select
    )
    t0 = time.process_time()
    report = scan([str(path)], config)
    cpu = time.process_time() - t0
    policy = Policy.from_config(config)
    chars = sum(d.chars for d in report.documents) or 1
    per_rule: dict[str, list[tuple[str, object]]] = defaultdict(list)
    sev_cat: Counter = Counter()
    alone = 0
    for d in report.documents:
        for f in d.findings:
            per_rule[f.rule].append((d.id, f))
            sev_cat[(f.category.value, f.severity.value)] += 1
        if d.verdict != Verdict.KEEP:
            rest = [f for f in d.findings if f.category.value not in ("artefact", "language")]
            if policy.verdict(rest) == Verdict.KEEP:
                alone += 1
    return {
        "corpus": corpus,
        "field": field,
        "docs": len(report.documents),
        "chars": chars,
        "cpu": cpu,
        "per_rule": per_rule,
        "sev_cat": sev_cat,
        "alone": alone,
        "report": report,
    }


def per_20k(n: int, chars: int) -> float:
    return n * 20000 / chars


def print_corpus(res: dict, labels: dict[str, list[dict]], markdown: bool) -> None:
    chars, docs = res["chars"], res["docs"]
    print(
        f"\n## {res['corpus']} ({docs} documents, {chars:,} characters, field {res['field']}, "
        f"scan {res['cpu']:.1f} CPU s)\n"
    )
    cats = sorted({c for c, _ in res["sev_cat"]})
    print("| category | warnings+errors / 20k chars | info / 20k chars |")
    print("|---|---:|---:|")
    tot_w = 0
    for c in cats:
        w = res["sev_cat"][(c, "warning")] + res["sev_cat"][(c, "error")]
        tot_w += w
        print(f"| {c} | {per_20k(w, chars):.2f} | {per_20k(res['sev_cat'][(c, 'info')], chars):.2f} |")
    print(
        f"| **all** | {per_20k(tot_w, chars):.2f} | "
        f"{per_20k(sum(v for (c, s), v in res['sev_cat'].items() if s == 'info'), chars):.2f} |"
    )
    print(
        f"\ndocuments sent to review or dropped by artefact/language findings alone: {res['alone']} "
        f"({100 * res['alone'] / max(docs, 1):.1f}%)\n"
    )
    print(
        "| rule | severity | findings | /20k chars | labelled | true | false | debatable | precision | gone | labelled on |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    rules = sorted(set(res["per_rule"]) | set(labels))
    for rule in rules:
        found = res["per_rule"].get(rule, [])
        sevs = Counter(f.severity.value for _, f in found)
        sev = "/".join(s for s in ("error", "warning", "info") if sevs[s]) or "-"
        matched, gone = match(found, labels.get(rule, []))
        verdicts = Counter(lab["verdict"] for lab in matched.values())
        t, fl, d = verdicts["true"], verdicts["false"], verdicts["debatable"]
        prec = f"{t / (t + fl):.2f}" if t + fl else "-"
        dates = sorted({lab.get("labelled", "?") for lab in matched.values()})
        print(
            f"| {rule} | {sev} | {len(found)} | {per_20k(len(found), chars):.2f} | {len(matched)} | {t} | {fl} | "
            f"{d} | {prec} | {gone} | {', '.join(dates) or '-'} |"
        )


def table_rows(res: dict, labels: dict[str, list[dict]]) -> list[tuple]:
    """One row per rule and severity (warning, which counts errors too, and info) of one corpus:
    (rule, corpus, severity, findings, per 20k, labelled, true, false, debatable)."""
    rows = []
    for rule in sorted(res["per_rule"]):
        found = res["per_rule"][rule]
        matched, _gone = match(found, labels.get(rule, []))
        for sev in ("warning", "info"):
            idx = [i for i, (_rec, f) in enumerate(found) if (f.severity.value == "info") == (sev == "info")]
            if not idx:
                continue
            verdicts = Counter(matched[i]["verdict"] for i in idx if i in matched)
            rows.append(
                (
                    rule,
                    res["corpus"],
                    sev,
                    len(idx),
                    per_20k(len(idx), res["chars"]),
                    sum(verdicts.values()),
                    verdicts["true"],
                    verdicts["false"],
                    verdicts["debatable"],
                )
            )
    return rows


def print_table(rows: list[tuple]) -> None:
    """The per-rule, per-corpus precision table (Markdown), warnings and info on separate rows."""
    print("| rule | corpus | severity | findings | /20k chars | labelled | true | false | debatable | precision |")
    print("|---|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for rule, corpus, sev, n, rate, lab, t, fl, d in sorted(rows):
        prec = f"{t / (t + fl):.2f}" if t + fl else "-"
        print(f"| {rule} | {corpus} | {sev} | {n} | {rate:.2f} | {lab} | {t} | {fl} | {d} | {prec} |")


def sample(res: dict, rule: str, n: int, seed: int, labels: dict[str, list[dict]], width: int) -> None:
    """Unlabelled findings of ``rule`` with context, as JSON lines, for labelling by hand."""
    found = res["per_rule"].get(rule, [])
    matched, _ = match(found, labels.get(rule, []))
    todo = [found[i] for i in range(len(found)) if i not in matched]
    random.Random(seed).shuffle(todo)
    report = res["report"]
    for rec, f in todo[:n]:
        text = report.text_of(rec) or ""
        a, b = max(0, f.start - width), min(len(text), f.end + width)
        context = text[a : f.start] + "[[" + text[f.start : f.end] + "]]" + text[f.end : b]
        print(
            json.dumps(
                {
                    "corpus": res["corpus"],
                    "record": rec,
                    "rule": f.rule,
                    "start": f.start,
                    "end": f.end,
                    "severity": f.severity.value,
                    "message": f.message,
                    "context": context,
                },
                ensure_ascii=False,
            )
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--labels", type=Path, default=LABELS, help="label folder (default: benchmarks/data/precision)")
    ap.add_argument("--corpus", help="only this corpus name (e.g. webpages_gold)")
    ap.add_argument("--text-field", help="text field for a file not in the known list")
    ap.add_argument("--select", help="rules to run (comma-separated ids, prefixes or categories)")
    ap.add_argument("--config", help="a corpus-audit.toml to scan with")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--markdown", action="store_true", help="(tables are Markdown in every mode)")
    ap.add_argument(
        "--table",
        action="store_true",
        help="print only one table: per rule, per corpus, per severity (warning/info), for docs/",
    )
    ap.add_argument("--sample", metavar="RULE", help="print unlabelled findings of RULE with context instead")
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--width", type=int, default=160, help="context characters on each side in --sample")
    args = ap.parse_args(argv)
    rows: list[tuple] = []
    for path in args.paths:
        if not path.exists():
            print(f"precision: {path} does not exist", file=sys.stderr)
            return 2
        for corpus, field in corpora_of(path, args.text_field):
            if args.corpus and corpus != args.corpus:
                continue
            labels = load_labels(corpus, args.labels)
            res = run_corpus(path, corpus, field, args)
            if args.sample:
                sample(res, args.sample, args.n, args.seed, labels, args.width)
            elif args.table:
                rows.extend(table_rows(res, labels))
            else:
                print_corpus(res, labels, args.markdown)
    if args.table:
        print_table(rows)
    elif not args.sample:
        print(
            f"\nlabels: {args.labels}; warnings are findings of severity warning or error; precision counts "
            "labelled findings only (debatable ones excluded). Severity: " + ", ".join(s.value for s in Severity)
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
