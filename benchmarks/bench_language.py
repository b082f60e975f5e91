"""Language identification benchmark: speed and accuracy per backend and for the default.

Run from the repository root::

    python benchmarks/bench_language.py            # full run (about a minute on a busy 2-core box)
    python benchmarks/bench_language.py --docs 60  # quicker
    python benchmarks/bench_language.py --speed ../shared/realtext/wikipedia_dev.jsonl \\
        ../shared/realtext/webpages_dev.jsonl:raw_text ../shared/realtext/agnews_dev.jsonl  # CPU per MB

It prints, for ``fasttext``, ``langdetect`` and the default ``auto``:

* raw accuracy of the backend's top language on sentence-length and short texts
  (benchmarks/data/language_samples.py, 17 languages, written for this project);
* the same through the check's guard (``und`` counted separately, not as an error);
* document language accuracy on monolingual documents of every language;
* on English news documents with inserted foreign passages (known spans): recall of the
  inserted passages, how often their headline is grouped into the same finding, recall of
  single foreign sentences inserted inside English paragraphs, and false LANG001 findings
  per English paragraph;
* passages/s through the whole check (segmentation, cleaning, identification, findings),
  and the default's speed-up over the ``langdetect`` backend alone. That backend runs langdetect's
  profiles through this package's numpy port (``audit/language/ldfast.py``, the same probabilities,
  about twice as fast as the langdetect package); ``benchmarks/bench_scan.py`` compares the whole audit
  with the langdetect package itself.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
sys.path.insert(0, os.path.dirname(__file__))

from data.language_samples import (  # noqa: E402
    ENGLISH_PAGE_LINES,
    ENGLISH_PARAGRAPHS,
    FOREIGN_HEADLINES,
    SENTENCES,
    SHORT,
    SHORT_SENTENCES,
    WORD_PAIRS,
)

from audit.collector import tuned_collector  # noqa: E402
from audit.engine.common import prepare_batch  # noqa: E402
from audit.engine.local import SERIAL_BATCH  # noqa: E402
from audit.language import LanguageCheck, LanguageConfig, LanguageIdentifier  # noqa: E402
from audit.language.backends import clean_for_detection, get_backend  # noqa: E402
from audit.language.short import clear_word_cache  # noqa: E402
from audit.model import Document, Span  # noqa: E402
from audit.rules import DocContext, Settings  # noqa: E402
from benchmarks.realdata import records  # noqa: E402

BACKENDS = ("fasttext", "langdetect", "auto")
OVERRIDES: dict = {}


def config(**kw) -> LanguageConfig:
    return LanguageConfig(**{**OVERRIDES, **kw})


def labelled(samples: dict[str, list[str]]) -> list[tuple[str, str]]:
    return [(lang, t) for lang, texts in samples.items() for t in texts]


def raw_accuracy(backend_name: str, items: list[tuple[str, str]]) -> float:
    """Top-1 accuracy of a backend with no guard (auto: fastText, langdetect when unsure)."""
    if backend_name == "auto":
        ident = LanguageIdentifier(config(min_chars=0, min_confidence=0.0))
        ok = 0
        for lang, text in items:
            units = ident.units(text, [Span(0, len(text))])
            ok += ident.classify(units) == lang
        return ok / len(items)
    backend = get_backend(backend_name)
    preds = backend.predict([clean_for_detection(t) for _, t in items])
    return sum(1 for (lang, _), p in zip(items, preds, strict=False) if p and p[0][0] == lang) / len(items)


def guarded(backend_name: str, items: list[tuple[str, str]]) -> tuple[float, float, float]:
    """(correct, und, wrong) shares through the check's guard, each text a passage alone."""
    ident = LanguageIdentifier(config(backend=backend_name))
    ok = und = 0
    for lang, text in items:
        units = ident.units(text, [Span(0, len(text))])
        got = ident.classify(units)
        ok += got == lang
        und += got == "und"
    n = len(items)
    return ok / n, und / n, (n - ok - und) / n


def monolingual_docs(rng: random.Random) -> list[tuple[str, str]]:
    docs = []
    for lang, sents in SENTENCES.items():
        for _ in range(4):
            picked = rng.sample(sents, 3)
            docs.append((lang, "\n\n".join(picked)))
    return docs


def mixed_docs(rng: random.Random, n: int):
    """English news documents, most with an inserted foreign passage or sentence."""
    foreign = [lang for lang in SENTENCES if lang != "en"]
    docs = []
    for i in range(n):
        paras = rng.sample(ENGLISH_PARAGRAPHS, rng.randint(4, 7))
        kind = ("passage", "passage", "sentence", "none")[i % 4]
        lang = rng.choice(foreign)
        inserted = None
        pos = rng.randint(1, len(paras) - 1)
        parts: list[str] = []
        text = ""
        headline = None
        for j, p in enumerate(paras):
            if j == pos and kind == "passage":
                if lang in FOREIGN_HEADLINES and rng.random() < 0.6:
                    headline = rng.choice(FOREIGN_HEADLINES[lang])
                    hs = len(text)
                    text += headline + "\n\n"
                    headline = (hs, hs + len(headline))
                k = rng.randint(1, 3)
                body = " ".join(rng.sample(SENTENCES[lang], k))
                s = len(text)
                text += body + "\n\n"
                inserted = ("passage", lang, s, s + len(body), headline)
            if j == pos and kind == "sentence":
                sentence = rng.choice(SENTENCES[lang])
                cut = p.find(". ") + 2 if ". " in p else len(p)
                s = len(text) + cut
                p = p[:cut] + sentence + " " + p[cut:] if cut < len(p) else p + " " + sentence
                if cut >= len(p) - len(sentence) - 1:
                    s = len(text) + len(p) - len(sentence)
                inserted = ("sentence", lang, s, s + len(sentence), None)
            parts.append(p)
            text += p + "\n\n"
        docs.append((text, inserted, len(paras)))
    return docs


def english_pages(rng: random.Random, n: int) -> list[tuple[str, int]]:
    """English pages: news paragraphs with bylines, captions, tags and titles between them."""
    docs = []
    for _ in range(n):
        paras = rng.sample(ENGLISH_PARAGRAPHS, rng.randint(3, 6))
        lines = rng.sample(ENGLISH_PAGE_LINES, rng.randint(2, 5))
        parts = paras + lines
        rng.shuffle(parts)
        docs.append(("\n\n".join(parts), len(parts)))
    return docs


def timed(check: LanguageCheck, texts: list[str], repeats: int = 3) -> float:
    """Passages per CPU second through the check (best of ``repeats``).

    CPU time of this process, not wall time: the machine is shared, and wall-clock
    ratios between backends timed minutes apart mostly measure the neighbours' load.
    """
    best = float("inf")
    for _ in range(repeats):
        t0 = time.process_time()
        results = run_check(check, texts)
        best = min(best, time.process_time() - t0)
    return sum(len(ctx.passages) for ctx, _ in results) / best


def run_check(check: LanguageCheck, texts: list[str], batched: bool = True):
    """``(context, findings)`` per text, checked as a scan checks them (:func:`check_all`)."""
    ctxs = [DocContext(Document(id=str(i), text=text, source=str(i)), i) for i, text in enumerate(texts)]
    return list(zip(ctxs, check_all(check, ctxs, batched), strict=True))


def check_all(check: LanguageCheck, ctxs: list[DocContext], batched: bool = True) -> list[list]:
    """The findings of each context. ``batched``: as a scan runs the check, in the serial stage's batches
    (``audit.engine.local.SERIAL_BATCH``, a worker's task), ``prepare_batch`` first; else one record at a
    time, as a library caller checking one document."""
    if not batched:
        return [list(check.check(ctx)) for ctx in ctxs]
    docs, chars = SERIAL_BATCH
    out: list[list] = []
    start = 0
    while start < len(ctxs):
        end = size = 0
        for end in range(start, len(ctxs)):  # up to and including the document that reaches a limit
            size += len(ctxs[end].text)
            if end + 1 - start >= docs or size >= chars:
                break
        part = ctxs[start : end + 1]
        prepare_batch([check], part)
        out.extend(list(check.check(ctx)) for ctx in part)
        start = end + 1
    return out


def overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


JUDGED = ("en", "es", "fr", "de", "it", "pt")


def short_text_accuracy(check: LanguageCheck) -> tuple[float, float, float]:
    """Document language of each sample read as a whole record, ``und`` counted wrong, averaged over
    the six judged languages: (sentences, word pairs, share of word pairs left ``und``)."""

    def per_lang(samples: dict[str, list[str]]) -> tuple[float, float]:
        acc, und = [], []
        for lang in JUDGED:
            results = run_check(check, samples[lang])
            acc.append(sum(ctx.language == lang for ctx, _ in results) / len(results))
            und.append(sum(ctx.language == "und" for ctx, _ in results) / len(results))
        return sum(acc) / len(acc), sum(und) / len(und)

    sentences = {lang: SENTENCES[lang] + SHORT_SENTENCES[lang] for lang in JUDGED}
    sent_acc, _ = per_lang(sentences)
    pair_acc, pair_und = per_lang(WORD_PAIRS)
    return sent_acc, pair_acc, pair_und


def codeswitch(path: str) -> None:
    """Token- and document-level agreement with the gold labels of code-switched tweets (jsonl with
    id, text, label en/es/mixed/other, tokens [{start, end, label}])."""
    import json

    check = LanguageCheck(config(), Settings())
    docs = [json.loads(line) for line in open(path, encoding="utf-8")]
    t0 = time.process_time()
    results = run_check(check, [d["text"] for d in docs])
    cpu = time.process_time() - t0
    tok_ok = tok_n = doc_ok = doc_n = 0
    mixed = mixed_both = mono = mono_both = 0
    lang004 = {"mixed": 0, "mono": 0}
    for d, (ctx, findings) in zip(docs, results, strict=True):
        both = {"en", "es"} <= set(ctx.languages)
        has004 = any(f.rule == "LANG004" for f in findings)
        for t in d["tokens"]:
            if t["label"] in ("en", "es"):
                tok_n += 1
                tok_ok += ctx.language_at(t["start"]) == t["label"]
        if d["label"] in ("en", "es", "mixed"):
            doc_n += 1
            doc_ok += ("mixed" if both else ctx.language) == d["label"]
        if d["label"] == "mixed":
            mixed += 1
            mixed_both += both
            lang004["mixed"] += has004
        elif d["label"] in ("en", "es"):
            mono += 1
            mono_both += both
            lang004["mono"] += has004
    print(f"code-switched tweets ({len(docs)}, {cpu:.1f} CPU-s):")
    print(
        f"  token-level agreement (gold en/es tokens: language of the span holding the token) "
        f"{tok_ok / max(1, tok_n):.3f} of {tok_n}"
    )
    print(f"  document-level agreement (en / es / mixed = both named) {doc_ok / max(1, doc_n):.3f} of {doc_n}")
    print(
        f"  both en and es in documents[].languages: mixed tweets {mixed_both / max(1, mixed):.3f} "
        f"({mixed}), monolingual tweets {mono_both / max(1, mono):.3f} ({mono})"
    )
    print(
        f"  LANG004: mixed tweets {lang004['mixed'] / max(1, mixed):.3f}, monolingual {lang004['mono'] / max(1, mono):.3f}"
    )


def _contexts(texts: list[str]) -> list[DocContext]:
    """Documents with their text layer (passages, sentences, words) computed, as other checks leave it."""
    out = [DocContext(Document(id=str(i), text=t, source="s"), i) for i, t in enumerate(texts)]
    for ctx in out:
        _ = (ctx.layer.passages, ctx.layer.sentences, ctx.layer.words)
    return out


#: --speed: the ways the check is timed, side by side (name, config overrides, batched).
SPEED_MODES = (
    ("batched", {}, True),
    ("one at a time", {}, False),
    ("word pass off", {"short_max_chars": 0}, False),
)


def speed(specs: list[str], limit: int, default_collector: bool = False, warm: int = 1) -> None:
    """CPU of the language check alone on real documents, in steady state: a first pass over the same
    documents loads the models and word lists, the text layer (passages, sentences, words) is computed
    before the timing as in a whole audit, and fastText's answer cache and the word-frequency cache of
    short texts are emptied; best of two passes. Three ways side by side, alternated within each pass (the
    same load): ``batched`` as a scan runs the check (:func:`check_all`: the serial stage's batches,
    ``prepare_batch`` first), ``one at a time`` (a library caller, one document), and ``word pass off``
    (one at a time without the word-by-word reading of short records: ``short_max_chars = 0``). The garbage
    collector runs with a scan's settings (:func:`audit.collector.tuned_collector`), unless
    ``default_collector`` (Python's defaults). ``warm``: passes before the timed ones (the first merges the
    word lists' shards that the documents' words fall in: ``audit.language.short._Lexicon``)."""
    with contextlib.nullcontext() if default_collector else tuned_collector():
        _speed(specs, limit, warm)


def _speed(specs: list[str], limit: int, warm: int) -> None:
    names = [name for name, _kw, _b in SPEED_MODES]
    print(f"{'corpus':<28}{'docs':>6}{'MB':>6}{'CPU s':>7}{'s/MB':>7}  ms/doc: " + " / ".join(names))
    for spec in specs:
        texts = [text for _, _, text, _ in records(spec, limit)]
        mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        checks = [(LanguageCheck(config(**kw), Settings()), batched) for _name, kw, batched in SPEED_MODES]
        for _ in range(max(1, warm)):
            for check, batched in checks:
                check_all(check, _contexts(texts), batched)
        best = [float("inf")] * len(checks)
        for _ in range(2):
            for k, (check, batched) in enumerate(checks):
                fasttext = check.identifier.fasttext
                if fasttext is not None:
                    fasttext.clear_cache()
                clear_word_cache()
                ctxs = _contexts(texts)
                t0 = time.process_time()
                check_all(check, ctxs, batched)
                best[k] = min(best[k], time.process_time() - t0)
        name = os.path.basename(spec)[-28:]
        per_doc = " / ".join(f"{1000 * b / max(1, len(texts)):.3f}" for b in best)
        print(f"{name:<28}{len(texts):>6}{mb:>6.2f}{best[0]:>7.2f}{best[0] / max(mb, 1e-9):>7.3f}  {per_doc}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=200, help="mixed documents to generate")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="override a [language] config key for every backend, e.g. --set min_chars=30",
    )
    ap.add_argument(
        "--codeswitch", metavar="PATH", help="only measure agreement on code-switched tweets with token labels (jsonl)"
    )
    ap.add_argument(
        "--speed",
        nargs="+",
        metavar="PATH[:FIELD]",
        help="only measure the check's steady-state CPU per MB and per document on these JSON-lines corpora",
    )
    ap.add_argument("--limit", type=int, default=300, help="records per --speed corpus (default 300)")
    ap.add_argument("--warm", type=int, default=1, help="--speed passes before the timed ones (default 1)")
    ap.add_argument(
        "--default-collector",
        action="store_true",
        help="--speed with Python's garbage-collector thresholds, not a scan's (audit.collector)",
    )
    args = ap.parse_args()
    for item in args.set:
        key, _, value = item.partition("=")
        OVERRIDES[key] = type(getattr(LanguageConfig(), key))(value)
    if args.codeswitch:
        codeswitch(args.codeswitch)
        return
    if args.speed:
        speed(args.speed, args.limit, args.default_collector, args.warm)
        return
    rng = random.Random(args.seed)

    sentences = labelled(SENTENCES)
    short = labelled(SHORT)
    mono = monolingual_docs(rng)
    mixed = mixed_docs(rng, args.docs)
    pages = english_pages(rng, args.docs // 2)
    page_passages = sum(n for _, n in pages)
    langs = len(SENTENCES)
    print(
        f"labelled set: {len(sentences)} sentence-length texts and {len(short)} short texts "
        f"in {langs} languages; {len(mono)} monolingual documents; {len(mixed)} English documents "
        f"with insertions ({sum(1 for d in mixed if d[1] and d[1][0] == 'passage')} passages, "
        f"{sum(1 for d in mixed if d[1] and d[1][0] == 'sentence')} sentences)"
    )
    print(f"load average: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores\n")

    rows = {}
    for name in BACKENDS:
        get = LanguageCheck(config(backend=name), Settings())
        _ = get.identifier  # load models outside the timings
        run_check(get, [mixed[0][0]])  # warm-up: lazy loading is not timed
        texts = [d[0] for d in mixed]
        results = run_check(get, texts)
        # langdetect alone is timed on a subset (it is slow); rates are per passage.
        cut = 40 if name == "langdetect" else None
        pps_pages = timed(get, [t for t, _ in pages][:cut])
        pps_mono = timed(get, [t for _, t in mono][:cut])
        pps_mixed = timed(get, texts[:cut])
        pages_result = run_check(get, [t for t, _ in pages])
        page_false = sum(1 for _, fs in pages_result for f in fs if f.rule == "LANG001")
        # Recall / false findings.
        found = headline_grouped = with_headline = 0
        sent_found = n_pass = n_sent = 0
        false = 0
        en_paras = 0
        doc_ok = 0
        for (_text, ins, n_en), (ctx, fs) in zip(mixed, results, strict=False):
            en_paras += n_en
            doc_ok += ctx.language == "en"
            lang001 = [f for f in fs if f.rule == "LANG001"]
            hit = []
            if ins:
                kind, lang, s, e, head = ins
                hit = [
                    f for f in lang001 if overlap(f.start, f.end, s, e) >= 0.5 * (e - s) and f.data["language"] == lang
                ]
                if kind == "passage":
                    n_pass += 1
                    found += bool(hit)
                    if head:
                        with_headline += 1
                        headline_grouped += any(f.start <= head[0] and f.end >= e for f in hit)
                else:
                    n_sent += 1
                    sent_found += bool(hit)
            false += sum(1 for f in lang001 if f not in hit)
        mono_check = run_check(get, [t for _, t in mono])
        mono_ok = sum(ctx.language == lang for (lang, _), (ctx, _) in zip(mono, mono_check, strict=False))
        rows[name] = {
            "pps_pages": pps_pages,
            "pps_mono": pps_mono,
            "pps_mixed": pps_mixed,
            "page_false": page_false / page_passages,
            "raw_sent": raw_accuracy(name, sentences),
            "raw_short": raw_accuracy(name, short),
            "g_sent": guarded(name, sentences),
            "g_short": guarded(name, short),
            "short_text": short_text_accuracy(get),
            "mono": mono_ok / len(mono),
            "doc_en": doc_ok / len(mixed),
            "recall": found / max(1, n_pass),
            "headline": headline_grouped / max(1, with_headline),
            "sent_recall": sent_found / max(1, n_sent),
            "false_rate": false / max(1, en_paras),
            "false": false,
            "en_paras": en_paras,
        }

    def line(label, fmt, key):
        print(f"{label:<46}" + "".join(f"{fmt(rows[b][key]):>16}" for b in BACKENDS))

    print(f"{'':<46}" + "".join(f"{b:>16}" for b in BACKENDS))
    line("passages/CPU-s, English news pages", lambda v: f"{v:,.0f}", "pps_pages")
    line("passages/CPU-s, monolingual docs (17 langs)", lambda v: f"{v:,.0f}", "pps_mono")
    line("passages/CPU-s, English pages + insertions", lambda v: f"{v:,.0f}", "pps_mixed")
    line("raw top-1 accuracy, sentence-length", lambda v: f"{v:.3f}", "raw_sent")
    line("raw top-1 accuracy, short (1-4 words)", lambda v: f"{v:.3f}", "raw_short")
    line("guarded sentence: correct / und / wrong", lambda v: "/".join(f"{x:.2f}" for x in v), "g_sent")
    line("guarded short: correct / und / wrong", lambda v: "/".join(f"{x:.2f}" for x in v), "g_short")
    line("records: sentence / word-pair acc (und wrong)", lambda v: f"{v[0]:.2f}/{v[1]:.2f}", "short_text")
    line("records: word pairs left und", lambda v: f"{v[2]:.2f}", "short_text")
    line("document language accuracy (monolingual)", lambda v: f"{v:.3f}", "mono")
    line("document language = en (mixed English docs)", lambda v: f"{v:.3f}", "doc_en")
    line("recall of inserted foreign passages", lambda v: f"{v:.3f}", "recall")
    line("  ... with their headline in the same finding", lambda v: f"{v:.3f}", "headline")
    line("recall of foreign sentences inside paragraphs", lambda v: f"{v:.3f}", "sent_recall")
    line("false LANG001 per English paragraph", lambda v: f"{v:.4f}", "false_rate")
    line("false LANG001 per passage, English pages", lambda v: f"{v:.4f}", "page_false")
    print("\nfalse LANG001 findings: " + ", ".join(f"{b} {rows[b]['false']}/{rows[b]['en_paras']}" for b in BACKENDS))
    for key, what in (
        ("pps_pages", "English pages"),
        ("pps_mono", "monolingual docs"),
        ("pps_mixed", "pages with insertions"),
    ):
        print(
            f"speed-up over the langdetect backend (numpy port) alone on {what}: auto {rows['auto'][key] / rows['langdetect'][key]:.1f}x, "
            f"fasttext {rows['fasttext'][key] / rows['langdetect'][key]:.1f}x"
        )


if __name__ == "__main__":
    main()
