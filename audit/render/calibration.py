"""The duplicate-detection calibration view of the HTML report, from ``report.json``'s
``duplicates.calibration``: where verified and rejected candidate pairs fall against the similarity
threshold, the banding S-curve of the configured bands x rows (the chance that a pair of a given
similarity becomes a candidate at all), and the least similar accepted pairs side by side, so a user
can judge whether the threshold sits where their corpus needs it."""

from __future__ import annotations

from typing import Any

from audit.model import Report

#: Chart geometry (SVG user units).
WIDTH, HEIGHT, PAD = 520.0, 150.0, 24.0


def _x(similarity: float) -> float:
    return round(PAD + similarity * (WIDTH - 2 * PAD), 2)


def _y(fraction: float) -> float:
    return round(HEIGHT - PAD - fraction * (HEIGHT - 2 * PAD), 2)


def calibration_view(report: Report, excerpt_chars: int = 400) -> dict[str, Any] | None:
    """Geometry and excerpts for the calibration panel; None when the scan ran no near-duplicate check."""
    cal = (report.extra.get("duplicates") or {}).get("calibration")
    if not cal:
        return None
    bins = int(cal.get("bins") or len(cal.get("accepted", ())) or 1)
    accepted, rejected = list(cal.get("accepted", [0] * bins)), list(cal.get("rejected", [0] * bins))
    top = max([a + r for a, r in zip(accepted, rejected, strict=False)] + [1])
    step = (WIDTH - 2 * PAD) / bins
    bars = []
    for i in range(bins):
        a, r = accepted[i], rejected[i]
        h_a, h_r = (HEIGHT - 2 * PAD) * a / top, (HEIGHT - 2 * PAD) * r / top
        lo, hi = i / bins, (i + 1) / bins
        bars.append(
            {
                "x": round(PAD + i * step + 1, 2),
                "w": round(max(step - 2, 1), 2),
                "y_acc": round(HEIGHT - PAD - h_a, 2),
                "h_acc": round(h_a, 2),
                "y_rej": round(HEIGHT - PAD - h_a - h_r, 2),
                "h_rej": round(h_r, 2),
                "label": f"{lo:.2f}-{hi:.2f}: {a} accepted, {r} rejected",
            }
        )
    curve = cal.get("s_curve") or []
    points = " ".join(f"{_x(s)},{_y(p)}" for s, p in curve)
    threshold = float(cal.get("threshold", 0.0))
    pairs = []
    text_of = report.text_of or (lambda _i: None)
    for p in cal.get("least_similar", []):
        kept, member = p.get("kept"), p.get("member")
        pairs.append(
            {
                "kept": kept,
                "member": member,
                "similarity": p.get("similarity"),
                "kept_text": (text_of(kept) or "")[:excerpt_chars],
                "member_text": (text_of(member) or "")[:excerpt_chars],
            }
        )
    return {
        "bars": bars,
        "threshold": threshold,
        "threshold_x": _x(threshold),
        "curve": points,
        "bands": cal.get("bands"),
        "rows": cal.get("rows"),
        "pairs": pairs,
        "accepted": sum(accepted),
        "rejected": sum(rejected),
        "width": WIDTH,
        "height": HEIGHT,
        "pad": PAD,
        "axis_y": HEIGHT - PAD,
        "ticks": [{"x": _x(t / 10), "label": f"{t / 10:.1f}"} for t in range(0, 11, 2)],
    }
