"""Which files of a folder are disclosures to audit.

The suffixes are the source adapters' own list (``sources.SUPPORTED_SUFFIXES``),
so a new adapter extends folder audits without an edit here. A folder's
``README`` is its documentation, not a disclosure, and is left out.
"""

from __future__ import annotations

from pathlib import Path

from budget_audit.errors import InputError
from budget_audit.sources import SUPPORTED_SUFFIXES


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
