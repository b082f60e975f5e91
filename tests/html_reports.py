"""Report objects built by hand for the HTML renderer's tests (all four categories, clusters,
related spans, language mix, unreadable inputs, per-source scorecards, hostile documents).

The rule families are built elsewhere; these reports use made-up rule ids so the renderer
is tested against the Report model, not against any family's current behaviour.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from audit.model import (
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

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"

SPANISH = (
    "MADRID — El Gobierno aprobó el martes una reforma de la ley de vivienda que limitará los alquileres "
    "en las zonas tensionadas, según fuentes del Ministerio.\n\n"
    "La medida, que entrará en vigor en enero, afectará a más de dos millones de hogares. "
    "Los expertos creen que los precios bajarán un 20% en el primer año.\n\n"
    "Comparte esta noticia en Facebook Twitter WhatsApp\n\n"
    "El alcalde dijo en una rueda de prensa que la ciudad colaborará con el Gobierno. "
    "Everyone knows the rents have doubled since 2015 and nobody in Madrid can afford a flat any more.\n"
)

HOSTILE = (
    "Breaking <script>alert('xss-script')</script> news\n"
    "<img src=x onerror=\"alert('xss-img')\"> and <a href=\"javascript:alert('xss-link')\">click me</a>\n"
    '<iframe src="https://evil.example/frame"></iframe><link rel=stylesheet href="https://evil.example/s.css">\n'
    "</script><script>alert('xss-close')</script> <!-- comment --> ]]> {{ 7*7 }} ${7*7}\n"
    "Bidi: \u202egnp.exe\u202c and zero\u200bwidth and \ufeffBOM and emoji 😀🎉 then text after emoji.\n"
    "Line separator \u2028 paragraph separator \u2029 end.\n"
    '<style>body{display:none}</style><object data="https://evil.example/o"></object>\n'
    + "x" * 5000
    + " very long line end\n"
)

HOSTILE_ID = "<img src=x onerror=alert('xss-id')>\u202etxt.exe"


def find(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """The span of the ``nth`` occurrence of ``needle`` in ``text`` (code-point offsets)."""
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(needle, pos + 1)
    return pos, pos + len(needle)


def finding(
    rule: str,
    cat: Category,
    sev: Severity,
    span: tuple[int, int],
    message: str,
    related: tuple[Related, ...] = (),
    data: dict[str, Any] | None = None,
) -> Finding:
    return Finding(rule, cat, sev, span[0], span[1], message, related, data)


def make_report(docs: list[dict[str, Any]], clusters=(), unreadable=(), extra=None) -> Report:
    """``docs``: dicts with id, text, and optional source, language, languages, findings, verdict."""
    texts = {d["id"]: d["text"] for d in docs}
    results = []
    for d in docs:
        fs = sorted(d.get("findings", []), key=Finding.sort_key)
        verdict = d.get("verdict")
        if verdict is None:
            worst = max((f.severity.rank for f in fs), default=-1)
            verdict = Verdict.DROP if worst == 2 else Verdict.REVIEW if worst == 1 else Verdict.KEEP
        results.append(
            DocumentResult(
                id=d["id"],
                chars=len(d["text"]),
                source=d.get("source", ""),
                language=d.get("language", "en"),
                languages=d.get("languages", {d.get("language", "en"): 1.0}),
                verdict=verdict,
                findings=fs,
            )
        )
    return Report(
        tool_version="0.test",
        documents=results,
        clusters=list(clusters),
        unreadable=list(unreadable),
        extra=dict(extra or {}),
        text_of=texts.get,
    )


def rich_report() -> Report:
    """The demo corpus plus made-up documents, with findings of every category and shape."""
    corpus = {p.name: p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))}
    names = sorted(corpus)
    t0, t1, t2, t3, t4 = (corpus[n] for n in names)
    docs: list[dict[str, Any]] = []
    D, L, A, S = Category.DUPLICATE, Category.LANGUAGE, Category.ARTEFACT, Category.SOURCING
    INFO, W, E = Severity.INFO, Severity.WARNING, Severity.ERROR

    f0 = [
        finding(
            "SRC001",
            S,
            W,
            find(t0, "The policy shift is already prompting concerns here in California."),
            "claim without attribution: no source, quote or reporting verb in the sentence",
            data={"claim": "prompting concerns", "score": 0.71},
        )
    ]
    docs.append({"id": names[0], "text": t0, "source": "news-a", "findings": f0})

    bio = find(t1, "Author Melinda Kukaj")
    f1 = [
        finding(
            "ART004",
            A,
            W,
            (bio[0], len(t1)),
            "author bio and tag boilerplate at the end of the page",
            data={"kind": "footer"},
        ),
        finding("ART002", A, INFO, find(t1, "Categories:\n\nTags:"), "empty category/tag labels left by the scraper"),
        finding("SRC002", S, INFO, find(t1, "I am passionate about justice"), "first-person opinion, no source"),
    ]
    docs.append({"id": names[1], "text": t1, "source": "news-b", "findings": f1})

    docs.append(
        {
            "id": names[2],
            "text": t2,
            "source": "news-b",
            "findings": [
                finding(
                    "ART005",
                    A,
                    INFO,
                    (0, len(t2)),
                    "line-structured page: one headline per line (listing page)",
                    data={"lines": t2.count("\n") + 1},
                )
            ],
        }
    )

    mon = find(t3, "will be closely monitored in the months ahead")
    f3 = [
        finding("SRC001", S, W, mon, "prediction stated as fact without a source"),
        finding("SRC003", S, INFO, (mon[0] - 60, mon[1]), "vague attribution window (overlaps another claim)"),
    ]
    docs.append({"id": names[3], "text": t3, "source": "generated", "findings": f3})
    docs.append({"id": names[4], "text": t4, "source": "news-a"})

    # exact duplicate of document 0 (whole-document finding) and a near-duplicate passage of t4
    docs.append(
        {
            "id": "mirror/000_copy.txt",
            "text": t0,
            "source": "mirror",
            "findings": [
                finding(
                    "DUP001",
                    D,
                    E,
                    (0, len(t0)),
                    f"exact duplicate of {names[0]}",
                    related=(Related(names[0], 0, len(t0), 1.0),),
                    data={"cluster": "exact-doc-1"},
                )
            ],
        }
    )
    para = t4[: t4.index("\n\n", 200) if "\n\n" in t4[200:] else 600]
    near = para.replace("Wednesday", "Thursday").replace("low-level", "minor")
    near_text = "Syndicated copy.\n\n" + near + "\n\nThis version adds a closing line.\n"
    ns = find(near_text, near)
    docs.append(
        {
            "id": "mirror/004_syndicated.txt",
            "text": near_text,
            "source": "mirror",
            "findings": [
                finding(
                    "DUP002",
                    D,
                    W,
                    ns,
                    f"near-duplicate passage of {names[4]} (similarity 0.93)",
                    related=(Related(names[4], 0, len(para), 0.93),),
                    data={"cluster": "near-pass-1", "similarity": 0.93},
                )
            ],
        }
    )

    es_claim = find(SPANISH, "Los expertos creen que los precios bajarán un 20% en el primer año.")
    en = find(SPANISH, "Everyone knows the rents have doubled since 2015 and nobody in Madrid can afford a flat")
    docs.append(
        {
            "id": "es/vivienda.txt",
            "text": SPANISH,
            "source": "news-es",
            "language": "es",
            "languages": {"es": 0.83, "en": 0.17},
            "findings": [
                finding(
                    "LANG002",
                    L,
                    INFO,
                    en,
                    "English passage inside a Spanish document",
                    data={"language": "en", "confidence": 0.98},
                ),
                finding("SRC001", S, W, en, "sweeping claim without a source"),
                finding("SRC001", S, W, es_claim, "afirmación sin fuente: 'los expertos creen'"),
                finding(
                    "ART003",
                    A,
                    W,
                    find(SPANISH, "Comparte esta noticia en Facebook Twitter WhatsApp"),
                    "social sharing links",
                ),
            ],
        }
    )
    docs.append(
        {
            "id": "empty.txt",
            "text": "",
            "source": "mirror",
            "language": "und",
            "languages": {},
            "findings": [finding("ART001", A, E, (0, 0), "empty document")],
        }
    )

    clusters = [
        Cluster(
            "exact-doc-1",
            "exact",
            "document",
            [Location(names[0], 0, len(t0)), Location("mirror/000_copy.txt", 0, len(t0))],
            1.0,
            Location(names[0], 0, len(t0)),
        ),
        Cluster(
            "near-pass-1",
            "near",
            "passage",
            [Location(names[4], 0, len(para)), Location("mirror/004_syndicated.txt", ns[0], ns[1])],
            0.93,
            Location(names[4], 0, len(para)),
        ),
    ]
    unreadable = [
        Unreadable("broken/data.jsonl", "invalid JSON: Expecting ',' delimiter: line 1 column 18", 17),
        Unreadable("broken/binary.txt", "not UTF-8 text (byte 0xff at offset 3)"),
    ]
    sources = [
        {
            "source": "news-a",
            "documents": 2,
            "duplicate_rate": 0.0,
            "artefact_rate": 0.0,
            "unsourced_claim_density": 0.4,
            "sourcing_score": 0.82,
            "languages": {"en": 2},
        },
        {
            "source": "news-b",
            "documents": 2,
            "duplicate_rate": 0.0,
            "artefact_rate": 1.0,
            "unsourced_claim_density": 0.2,
            "sourcing_score": 0.64,
            "languages": {"en": 2},
        },
        {
            "source": "mirror",
            "documents": 3,
            "duplicate_rate": 0.667,
            "artefact_rate": 0.333,
            "languages": {"en": 2, "und": 1},
        },
        {
            "source": "news-es",
            "documents": 1,
            "duplicate_rate": 0.0,
            "artefact_rate": 1.0,
            "unsourced_claim_density": 2.0,
            "sourcing_score": 0.31,
            "languages": {"es": 1},
            "note": "partial",
        },
        {"source": "generated", "documents": 1, "sourcing_score": None},
    ]
    return make_report(docs, clusters, unreadable, {"sources": sources})


def hostile_report() -> Report:
    """Documents, ids, file names, messages and data that try to run script or load things."""
    text = HOSTILE
    spans = [
        find(text, "<script>alert('xss-script')</script>"),
        find(text, "onerror=\"alert('xss-img')\""),
        find(text, "javascript:alert('xss-link')"),
        find(text, "\u202egnp.exe\u202c"),
        find(text, "😀🎉 then text"),
        find(text, "text after emoji"),
    ]
    fs = [
        finding(
            "ART009",
            Category.ARTEFACT,
            Severity.ERROR,
            spans[0],
            "<b>markup</b> left in text <script>alert('xss-msg')</script>",
            data={"tag": "<script>", "html": "<img src=x onerror=alert('xss-data')>"},
        ),
        finding("ART009", Category.ARTEFACT, Severity.WARNING, spans[1], "event handler attribute"),
        finding(
            "SRC666",
            Category.SOURCING,
            Severity.INFO,
            spans[2],
            "javascript: link",
            related=(Related(HOSTILE_ID, 0, 5, 0.5), Related("javascript:alert('xss-rel')", 0, 1, None)),
        ),
        finding("LANG666", Category.LANGUAGE, Severity.INFO, spans[3], "bidi override \u202e reversed"),
        finding("ART010", Category.ARTEFACT, Severity.INFO, spans[4], "emoji run"),
        finding("SRC667", Category.SOURCING, Severity.WARNING, spans[5], "after astral characters"),
    ]
    docs = [
        {"id": "hostile.txt", "text": text, "source": "<script>alert('xss-src')</script>", "findings": fs},
        {
            "id": HOSTILE_ID,
            "text": "<svg onload=alert('xss-svg')>hi</svg>",
            "source": "javascript:alert(1)",
            "language": "<b>xx</b>",
            "languages": {"<i>zz</i>": 1.0},
            "findings": [
                finding(
                    "DUP001",
                    Category.DUPLICATE,
                    Severity.ERROR,
                    (0, 5),
                    "copy of hostile.txt",
                    related=(Related("hostile.txt", 0, 8, 1.0),),
                )
            ],
        },
    ]
    lone = "lone \ud800 high, lone \udfff low, pair 😀 then end"
    docs.append(
        {
            "id": "surrogates.txt",
            "text": lone,
            "findings": [
                finding("ART011", Category.ARTEFACT, Severity.INFO, find(lone, "\ud800 high"), "lone high surrogate"),
                finding(
                    "ART011", Category.ARTEFACT, Severity.INFO, find(lone, "end"), "after a pair and two lone halves"
                ),
            ],
        }
    )
    clusters = [
        Cluster(
            "<script>alert('xss-cluster')</script>",
            "exact",
            "passage",
            [Location("hostile.txt", 0, 8), Location(HOSTILE_ID, 0, 5)],
            1.0,
            Location("hostile.txt", 0, 8),
        )
    ]
    unreadable = [
        Unreadable(
            "<img src=x onerror=alert('xss-file')>.jsonl", "bad </script><script>alert('xss-reason')</script>", 3
        )
    ]
    extra = {
        "sources": [
            {
                "source": "<script>alert('xss-src2')</script>",
                "documents": 1,
                "languages": {"<img src=x onerror=alert(1)>": 1},
                "<b>key</b>": "<i>v</i>",
            }
        ]
    }
    return make_report(docs, clusters, unreadable, extra)
