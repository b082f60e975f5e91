"""Scraping artefacts: damage that extraction, templates and spam leave in text.

One module per artefact kind (pure helpers at the top, small check classes below):

* :mod:`~audit.artefacts.empty` ART001 empty document
* :mod:`~audit.artefacts.boilerplate` ART002-ART005 template boilerplate (lexicon, labels, bios);
  :mod:`~audit.artefacts.recurring` the ART005 corpus check (recurring lines)
* :mod:`~audit.artefacts.spam` ART010 injected SEO/spam keywords
* :mod:`~audit.artefacts.truncation` ART020-ART022 truncated text
* :mod:`~audit.artefacts.whitespace` ART030-ART031 missing whitespace
* :mod:`~audit.artefacts.encoding` ART040-ART043 encoding damage and HTML residue
* :mod:`~audit.artefacts.structure` ART050-ART053 structure residue
* :mod:`~audit.artefacts.quality` ART060-ART065 Gopher/C4 quality signals (info)
"""

from audit.artefacts.boilerplate import BoilerplateCheck
from audit.artefacts.empty import EmptyDocumentCheck, word_count
from audit.artefacts.encoding import EncodingCheck
from audit.artefacts.quality import QualityCheck
from audit.artefacts.recurring import RecurringLineCheck
from audit.artefacts.spam import InjectedKeywordCheck
from audit.artefacts.structure import StructureCheck
from audit.artefacts.truncation import TruncationCheck
from audit.artefacts.whitespace import MissingWhitespaceCheck

__all__ = [
    "BoilerplateCheck",
    "EmptyDocumentCheck",
    "EncodingCheck",
    "InjectedKeywordCheck",
    "MissingWhitespaceCheck",
    "QualityCheck",
    "RecurringLineCheck",
    "StructureCheck",
    "TruncationCheck",
    "word_count",
]
