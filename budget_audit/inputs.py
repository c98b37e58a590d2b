"""Which files of a folder are disclosures to audit.

The suffixes are the source adapters' own list (``sources.SUPPORTED_SUFFIXES``),
so a new adapter extends folder audits without an edit here. A folder's
``README`` is its documentation, not a disclosure, and is left out. Other notes
beside the disclosures (``NOTES.md``, ``说明.txt``) cannot be told by name: they
are read, and one in a text format that holds no table and no 情况说明 is
skipped (:func:`skippable`) rather than failing the folder's audit.
"""

from __future__ import annotations

from pathlib import Path

from budget_audit.errors import InputError
from budget_audit.sources import SUPPORTED_SUFFIXES

NOTE_SUFFIXES = (".md", ".txt", ".html", ".htm")
"""Formats that notes and documentation are written in, beside the disclosures of a folder."""


def skippable(path: Path) -> bool:
    """Whether a file of a folder that turns out to be no disclosure may be skipped: a text
    format notes are written in, not a PDF or workbook, which someone put there as a
    disclosure (one the reader does not recognise is a failure to say, not to skip)."""
    return path.suffix.lower() in NOTE_SUFFIXES


def supported_files(path: Path) -> list[Path]:
    """``path`` itself when it is a file, else every supported file under it, sorted by path.

    A file is returned whatever its suffix (the reader says if it cannot read it);
    a folder without any supported file is an :class:`InputError`.
    """
    if path.is_dir():
        files = sorted(
            p
            for p in path.rglob("*")
            if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES and p.stem.lower() != "readme"
        )
        if not files:
            raise InputError(
                f"{path}: no disclosures in this folder (looked for {', '.join(SUPPORTED_SUFFIXES)})"
            )
        return files
    if not path.exists():
        raise InputError(f"{path}: no such file")
    return [path]
