"""Language map: the language of every document and passage; mixed-language text flagged.

* :mod:`audit.language.backends` -- the models (fastText, langdetect) and text clean-up;
* :mod:`audit.language.wordlists` -- wordfreq's word lists (read from its wheel, once per process);
* :mod:`audit.language.screen` -- the cheap first reading (a sample, then a vocabulary test);
* :mod:`audit.language.short` -- short and code-switched texts read word by word;
* :mod:`audit.language.identify` -- spans identified with the backends, the document language;
* :mod:`audit.language.check` -- the rules and the check that publishes the language annotations.
"""

from audit.language.backends import Backend, Candidates, clean_for_detection, evidence_chars, get_backend
from audit.language.check import LANG001, LANG002, LANG003, LANG004, LANGUAGE_NAMES, LanguageCheck, language_name
from audit.language.identify import (
    UND,
    LanguageConfig,
    LanguageIdentifier,
    Unit,
    combine,
    dominant,
    prob_of,
    shares,
)

__all__ = [
    "LANG001",
    "LANG002",
    "LANG003",
    "LANG004",
    "LANGUAGE_NAMES",
    "UND",
    "Backend",
    "Candidates",
    "LanguageCheck",
    "LanguageConfig",
    "LanguageIdentifier",
    "Unit",
    "clean_for_detection",
    "combine",
    "dominant",
    "evidence_chars",
    "get_backend",
    "language_name",
    "prob_of",
    "shares",
]
