"""Baselines: accepted findings, so a CI gate fails only on new problems.

A finding's identity is its rule, its document id, the flagged text and a little
context on each side (within the same line), all normalised; offsets are not part
of it. Editing unrelated text elsewhere in the document therefore keeps the
identity, while changing the flagged text itself makes it a new finding. A
document-level finding (one spanning nearly the whole text) is identified by its
rule, its document and the documents it relates to instead, since any edit
changes its "flagged text".
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import xxhash

from audit.errors import ConfigError
from audit.findings_store import replace as replace_findings
from audit.model import Finding
from audit.normalize import normalize

BASELINE_VERSION = 1
CONTEXT_CHARS = 24
#: Flagged spans longer than this are identified by their head and tail only.
MAX_SPAN_CHARS = 400
#: A finding spanning at least this share of its document is about the document as a whole.
DOCUMENT_SHARE = 0.9


def _context(text: str, start: int, end: int) -> tuple[str, str]:
    """Normalised context on each side of ``[start, end)``, at most CONTEXT_CHARS, within the same line.

    The raw windows are wider than the result so that whitespace or case edits nearby do not shift
    what is kept; they stop at a line break, so editing a neighbouring line or paragraph does not
    change the identity of a finding.
    """
    wide = CONTEXT_CHARS * 4
    before = text[max(0, start - wide) : start]
    after = text[end : end + wide]
    cut = before.rfind("\n")
    if cut >= 0:
        before = before[cut + 1 :]
    cut = after.find("\n")
    if cut >= 0:
        after = after[:cut]
    return normalize(before)[-CONTEXT_CHARS:], normalize(after)[:CONTEXT_CHARS]


def is_document_level(finding: Finding, text: str) -> bool:
    """A finding about the document as a whole (it spans at least DOCUMENT_SHARE of the text)."""
    return finding.start == 0 and (finding.end - finding.start) >= DOCUMENT_SHARE * len(text)


def fingerprint(doc_id: str, finding: Finding, text: str | None) -> str:
    """A stable identity for ``finding`` in document ``doc_id``.

    A span finding is identified by its rule, the document, the flagged text and a little context; a
    document-level finding (empty document, duplicate document, wrong language) by its rule, the
    document and the documents it relates to, so that editing the document keeps its identity.
    """
    if text is not None and is_document_level(finding, text):
        related = ",".join(sorted({r.document for r in finding.related}))
        key = "\x1f".join((finding.rule, doc_id, "<document>", related))
        return xxhash.xxh3_128_hexdigest(key.encode("utf-8"))
    if text is None:
        flagged, before, after = "", "", ""
    else:
        flagged = normalize(text[finding.start : finding.end])
        if len(flagged) > MAX_SPAN_CHARS:
            flagged = flagged[: MAX_SPAN_CHARS // 2] + "\x00" + flagged[-MAX_SPAN_CHARS // 2 :]
        before, after = _context(text, finding.start, finding.end)
    key = "\x1f".join((finding.rule, doc_id, before, flagged, after))
    return xxhash.xxh3_128_hexdigest(key.encode("utf-8"))


@dataclass
class Baseline:
    path: str
    entries: list[dict[str, Any]] = field(default_factory=list)

    def counts(self) -> Counter:
        return Counter(e["fingerprint"] for e in self.entries)


def load_baseline(path: str | Path) -> Baseline:
    """Read a baseline file; any malformed content is a :class:`ConfigError` naming the file and the entry."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"baseline file {p} does not exist (create it with --write-baseline)") from None
    except (OSError, UnicodeDecodeError, ValueError) as err:  # JSONDecodeError, or an integer over the digit limit
        raise ConfigError(f"baseline file {p} is not a readable JSON baseline: {err}") from None
    except RecursionError:
        raise ConfigError(f"baseline file {p} is not a readable JSON baseline: nested too deeply") from None
    version = data.get("baseline_version") if isinstance(data, dict) else None
    if type(version) is not int or version != BASELINE_VERSION:
        raise ConfigError(f"baseline file {p} is not a corpus-audit baseline (version {BASELINE_VERSION})")
    entries = data.get("findings", [])
    if not isinstance(entries, list):
        raise ConfigError(f"baseline file {p}: 'findings' must be a list of entries, not {_json_type(entries)}")
    return Baseline(path=str(path), entries=[_checked_entry(p, i, e) for i, e in enumerate(entries, 1)])


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")


def _checked_entry(path: Path, number: int, entry: Any) -> dict[str, Any]:
    """A baseline entry with the four known keys, each a string (``rule``, ``document``, ``text`` may be absent)."""
    where = f"baseline file {path}: entry {number} of 'findings'"
    if not isinstance(entry, dict):
        raise ConfigError(f"{where} is {_json_type(entry)}, not an object")
    if not isinstance(entry.get("fingerprint"), str):
        what = (
            "has no 'fingerprint'"
            if "fingerprint" not in entry
            else f"has a 'fingerprint' that is {_json_type(entry['fingerprint'])}, not a string"
        )
        raise ConfigError(f"{where} {what}")
    for key in ("rule", "document", "text"):
        if entry.get(key) is not None and not isinstance(entry[key], str):
            raise ConfigError(f"{where} has a {key!r} that is {_json_type(entry[key])}, not a string")
    return {
        "fingerprint": entry["fingerprint"],
        "rule": entry.get("rule") or "",
        "document": entry.get("document") or "",
        "text": entry.get("text") or "",
    }


def _entry(doc_id: str, f, text: str | None, fp: str | None = None) -> dict[str, Any]:
    snippet = text[f.start : f.end][:80] if text is not None else ""
    return {"fingerprint": fp or fingerprint(doc_id, f, text), "rule": f.rule, "document": doc_id, "text": snippet}


def baseline_entries(documents, text_of, also: Iterable[dict[str, Any]] = ()) -> list[dict[str, Any]]:
    """Entries for every finding of ``documents`` (DocumentResult list), plus ``also``, sorted."""
    entries = list(also)
    for doc in documents:
        text = text_of(doc.id) if text_of else None
        for f in doc.findings:
            entries.append(_entry(doc.id, f, text))
    entries.sort(key=lambda e: (e["document"], e["rule"], e["fingerprint"]))
    return entries


def write_baseline(path: str | Path, documents, text_of, also: Iterable[dict[str, Any]] = ()) -> int:
    """Record every current finding as accepted: ``documents``' findings plus ``also`` (the
    entries of findings an applied ``--baseline`` suppressed, so that refreshing a baseline
    in place keeps what it accepted)."""
    entries = baseline_entries(documents, text_of, also)
    payload = {"baseline_version": BASELINE_VERSION, "tool": "corpus-audit", "findings": entries}
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)  # like --out and --keep
    tmp = p.with_name(f".{p.name}.tmp")
    tmp.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    tmp.replace(p)
    return len(entries)


def apply_baseline(
    documents,
    text_of,
    baseline: Baseline,
    suppressed_out: list[dict[str, Any]] | None = None,
    enabled: frozenset[str] | None = None,
) -> dict[str, Any]:
    """Remove baselined findings from ``documents`` in place; return what happened.

    ``suppressed_out`` receives a baseline entry for each suppressed finding. Entries of
    rules outside ``enabled`` (deselected in this run) were not checked, so they are not
    stale; they are counted as ``not_checked`` (and also go to ``suppressed_out``, so that
    refreshing a baseline with ``--select`` keeps them).
    """
    remaining = baseline.counts()
    suppressed = 0
    for doc in documents:
        text = text_of(doc.id) if text_of else None
        kept = []
        for f in doc.findings:
            fp = fingerprint(doc.id, f, text)
            if remaining[fp] > 0:
                remaining[fp] -= 1
                suppressed += 1
                if suppressed_out is not None:
                    suppressed_out.append(_entry(doc.id, f, text, fp))
            else:
                kept.append(f)
        doc.findings = replace_findings(doc.findings, kept)  # spilled again if it was spilled
    stale = []
    not_checked = 0
    left = +remaining
    for e in baseline.entries:
        if left[e["fingerprint"]] > 0:
            left[e["fingerprint"]] -= 1
            if enabled is not None and e.get("rule") not in enabled:
                not_checked += 1
                if suppressed_out is not None:  # a refreshed baseline keeps what this run did not check
                    suppressed_out.append({k: e.get(k) for k in ("fingerprint", "rule", "document", "text")})
                continue
            stale.append({k: e.get(k) for k in ("rule", "document", "text", "fingerprint")})
    info: dict[str, Any] = {"file": Path(baseline.path).name, "suppressed": suppressed, "stale": stale}
    if not_checked:
        info["not_checked"] = not_checked
    return info
