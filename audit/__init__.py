"""corpus-audit: audit text corpora for duplicates, languages, artefacts and sourcing.

The package is a library first; the ``corpus-audit`` command is a thin layer over
:func:`audit.pipeline.scan`.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
