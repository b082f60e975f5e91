"""How big report.html gets and how fast it becomes usable, on a synthetic N-document report.

    python benchmarks/html_report.py --docs 10000           # default text budget vs everything embedded
    python benchmarks/html_report.py --docs 10000 --keep    # also leave the pages in benchmarks/out/

Builds a Report by hand (news-like texts of ~3,500 characters in English and Spanish, 60% of
documents with 1-8 findings of all four categories, ~4% exact duplicates, passage clusters,
20 sources with scorecards), renders it, then opens it from disk in headless Chromium (the
system browser, via Playwright) and measures, each as the median of --runs page loads:

- ready: navigation start -> the script has parsed the data and drawn the page (data-ready);
- list: clicking "Documents" -> the first page of the filtered, sorted list is drawn;
- filter: choosing a category in the filter -> list redrawn;
- search: a text query over the embedded text -> list redrawn;
- doc: opening the worst document with its highlights.

Prints the figures side by side for the default text budget and for "embed every text".
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from audit.model import (  # noqa: E402
    Category,
    Cluster,
    DocumentResult,
    Finding,
    Location,
    Related,
    Report,
    Severity,
    Unreadable,
    Verdict,
)
from audit.render.html import HtmlConfig, render  # noqa: E402

EN = (
    "the council said on Tuesday that the new policy would affect thousands of residents across the region "
    "officials confirmed budget increase report according to data published ministry local government schools "
    "police immigration agents federal court ruling judge decision election campaign voters percent"
).split()
ES = (
    "el gobierno aprobó el martes una reforma que según fuentes del ministerio afectará a miles de hogares "
    "en la región los expertos creen que los precios bajarán durante el próximo año alcalde ciudad"
).split()
CATS = list(Category)
RULES = {
    Category.DUPLICATE: ["DUP002", "DUP003"],
    Category.LANGUAGE: ["LANG001", "LANG002"],
    Category.ARTEFACT: ["ART002", "ART003", "ART004"],
    Category.SOURCING: ["SRC001", "SRC002"],
}


def make_text(rng: random.Random, words: list[str], chars: int) -> str:
    out, n = [], 0
    while n < chars:
        sentence = " ".join(rng.choice(words) for _ in range(rng.randint(8, 24))).capitalize() + "."
        out.append(sentence)
        n += len(sentence) + 1
        if rng.random() < 0.2:
            out.append("\n\n")
    return " ".join(out).replace(" \n\n ", "\n\n")


def synthetic_report(n: int, seed: int = 7) -> Report:
    rng = random.Random(seed)
    texts: dict[str, str] = {}
    docs: list[DocumentResult] = []
    clusters: list[Cluster] = []
    for i in range(n):
        doc_id = f"shard-{i % 37:02d}/doc-{i:06d}.txt"
        spanish = rng.random() < 0.25
        if i > 10 and rng.random() < 0.04:  # exact duplicate of an earlier document
            j = rng.randrange(i)
            src_id = docs[j].id
            text = texts[src_id]
            findings = [
                Finding(
                    "DUP001",
                    Category.DUPLICATE,
                    Severity.ERROR,
                    0,
                    len(text),
                    f"exact duplicate of {src_id}",
                    (Related(src_id, 0, len(text), 1.0),),
                    {"cluster": f"exact-doc-{i}"},
                )
            ]
            clusters.append(
                Cluster(
                    f"exact-doc-{i}",
                    "exact",
                    "document",
                    [Location(src_id, 0, len(text)), Location(doc_id, 0, len(text))],
                    1.0,
                    Location(src_id, 0, len(text)),
                )
            )
        else:
            text = make_text(rng, ES if spanish else EN, rng.randint(1500, 6000))
            findings = []
            if rng.random() < 0.6:
                for _ in range(rng.randint(1, 8)):
                    cat = rng.choice(CATS)
                    s = rng.randrange(max(1, len(text) - 200))
                    e = min(len(text), s + rng.randint(10, 300))
                    sev = rng.choice([Severity.INFO, Severity.INFO, Severity.WARNING, Severity.ERROR])
                    related = ()
                    if cat is Category.DUPLICATE and i > 0:
                        other = docs[rng.randrange(i)]
                        related = (Related(other.id, 0, min(other.chars, e - s), round(rng.uniform(0.8, 1), 3)),)
                    findings.append(
                        Finding(
                            rng.choice(RULES[cat]),
                            cat,
                            sev,
                            s,
                            e,
                            f"synthetic {cat.value} finding number {len(findings) + 1}",
                            related,
                            {"score": round(rng.random(), 3)},
                        )
                    )
        texts[doc_id] = text
        worst = max((f.severity.rank for f in findings), default=-1)
        langs = {"es": 0.9, "en": 0.1} if spanish else {"en": 1.0}
        docs.append(
            DocumentResult(
                id=doc_id,
                chars=len(text),
                source=f"source-{i % 20:02d}",
                language="es" if spanish else "en",
                languages=langs,
                findings=sorted(findings, key=Finding.sort_key),
                verdict=Verdict.DROP if worst == 2 else Verdict.REVIEW if worst == 1 else Verdict.KEEP,
            )
        )
    sources = [
        {
            "source": f"source-{k:02d}",
            "documents": n // 20,
            "duplicate_rate": round(rng.random() / 10, 3),
            "artefact_rate": round(rng.random() / 3, 3),
            "unsourced_claim_density": round(rng.random(), 3),
            "sourcing_score": round(rng.random(), 3),
            "languages": {"en": 3 * n // 80, "es": n // 80},
        }
        for k in range(20)
    ]
    unreadable = [Unreadable(f"broken/part-{k}.jsonl", "invalid JSON: Expecting value", k + 1) for k in range(12)]
    return Report("bench", docs, clusters, unreadable, extra={"sources": sources}, text_of=texts.get)


def measure(path: Path, runs: int) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    args = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ]
    figures: dict[str, list[float]] = {k: [] for k in ("ready", "list", "filter", "search", "doc")}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            errors: list[str] = []
            page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
            page.goto(path.as_uri(), timeout=120_000)
            page.wait_for_selector("html[data-ready]", timeout=120_000)
            figures["ready"].append(page.evaluate("window.__auditReady"))

            def timed(action: str, done: str, page=page) -> float:
                return page.evaluate(f"""() => new Promise(res => {{
                    const t0 = performance.now();
                    {action};
                    const check = () => ({done}) ? requestAnimationFrame(() => res(performance.now() - t0))
                                                 : setTimeout(check, 1);
                    check();
                }})""")

            figures["list"].append(
                timed(
                    "document.querySelector('.tabs a[data-view=docs]').click()",
                    "document.querySelectorAll('#doclist tbody tr').length > 0",
                )
            )
            figures["filter"].append(
                timed(
                    "const s = document.getElementById('f-cat'); s.value = '3';"
                    "s.dispatchEvent(new Event('input', {bubbles: true}))",
                    "location.hash.includes('cat=3')",
                )
            )
            figures["search"].append(
                timed(
                    "const q = document.getElementById('f-q'); q.value = 'budget increase';"
                    "q.dispatchEvent(new Event('input', {bubbles: true}))",
                    "location.hash.includes('q=budget')",
                )
            )
            figures["doc"].append(
                timed(
                    "location.hash = '#doc/' + document.querySelector('#doclist tbody tr').dataset.doc",
                    "document.getElementById('doctext') || document.querySelector('#view-doc .notice')",
                )
            )
            if errors:
                raise SystemExit(f"page errors: {errors}")
            page.close()
        browser.close()
    return {k: statistics.median(v) for k, v in figures.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--keep", action="store_true", help="write the pages to benchmarks/out/")
    opts = ap.parse_args()

    t = time.perf_counter()
    report = synthetic_report(opts.docs)
    total_chars = sum(d.chars for d in report.documents)
    print(
        f"synthetic report: {opts.docs:,} documents, {total_chars / 1e6:.1f} M characters, "
        f"{sum(len(d.findings) for d in report.documents):,} findings, {len(report.clusters):,} clusters "
        f"(built in {time.perf_counter() - t:.1f} s)"
    )
    configs = {
        "default budget": HtmlConfig(),
        "embed every text": HtmlConfig(max_text_chars=10**12, max_document_chars=10**12, clean_text_chars=10**12),
    }
    out_dir = ROOT / "benchmarks" / "out" if opts.keep else Path(tempfile.mkdtemp())
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = {}
    for name, config in configs.items():
        t = time.perf_counter()
        page = render(report, config)
        render_s = time.perf_counter() - t
        path = out_dir / f"report-{opts.docs}-{name.replace(' ', '-')}.html"
        path.write_text(page, encoding="utf-8")
        size = path.stat().st_size
        rows[name] = {"size_mb": size / 1e6, "render_s": render_s, **measure(path, opts.runs)}
        print(f"  {name}: rendered in {render_s:.2f} s, {size / 1e6:.1f} MB -> {path}", flush=True)
    keys = [
        ("size_mb", "file size (MB)"),
        ("render_s", "render in Python (s)"),
        ("ready", "page usable (ms)"),
        ("list", "documents list (ms)"),
        ("filter", "category filter (ms)"),
        ("search", "text search (ms)"),
        ("doc", "open worst document (ms)"),
    ]
    a, b = list(rows)
    print(f"\n{'':28}{a:>18}{b:>20}{'ratio':>10}")
    for key, label in keys:
        x, y = rows[a][key], rows[b][key]
        print(f"{label:28}{x:18.2f}{y:20.2f}{(y / x if x else float('nan')):10.2f}")


if __name__ == "__main__":
    main()
