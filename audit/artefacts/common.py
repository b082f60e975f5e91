"""Pure helpers shared by the artefact checks: lexicons, words, a cheap language cue."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Iterable

#: Word tokens (letters, digits, apostrophes inside words).
WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
#: Characters that end a sentence or a line legitimately.
TERMINAL = ".!?…:;\"”’»)]›"
#: List markers at the start of a line: "-", "*", "•", "1.", "2)", "a)".
BULLET_RE = re.compile(r"^\s*(?:[-–—*•·▪►▸◦●○■□✓✔➤→]|\(?\d{1,3}[.)]|\(?[a-zA-Z][.)](?=\s))\s*")


def load_json(name: str) -> dict:
    with resources.files("audit").joinpath("data", name).open(encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=1)
def stopwords() -> dict[str, frozenset[str]]:
    data = load_json("stopwords.json")
    return {k: frozenset(v) for k, v in data.items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def boilerplate_lexicon() -> dict[str, list[str]]:
    data = load_json("boilerplate.json")
    return {k: list(v) for k, v in data.items() if not k.startswith("_")}


def words(text: str) -> list[str]:
    return WORD_RE.findall(text)


def guess_language(text: str, candidates: Iterable[str] = ("en", "es", "fr", "de", "pt", "it")) -> tuple[str, float]:
    """A cheap stop-word profile: the language whose stop words cover most tokens.

    Returns ``(language, share)``; ``("und", 0.0)`` when nothing stands out. Used only
    when the language check has not annotated the document.
    """
    toks = [w.lower() for w in words(text)]
    if len(toks) < 4:
        return "und", 0.0
    sw = stopwords()
    best, best_n, second_n = "und", 0, 0
    for lang in candidates:
        n = sum(1 for t in toks if t in sw[lang])
        if n > best_n:
            best, best_n, second_n = lang, n, best_n
        elif n > second_n:
            second_n = n
    share = best_n / len(toks)
    if share < 0.12 or best_n < max(2, 1.3 * second_n):
        return "und", share
    return best, share


def is_line_start_bullet(line: str) -> bool:
    return bool(BULLET_RE.match(line)) and not re.match(r"^\s*\d{1,3}\.\d", line)


def normalize_line(line: str) -> str:
    """Lower-case, whitespace-collapsed form of a line for hashing and lexicon matching."""
    return " ".join(line.lower().split())
