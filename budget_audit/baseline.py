"""Accepted findings: a baseline file a reviewer writes once and the next runs hide.

The file records each accepted finding by its document's name and its
fingerprint (see :mod:`budget_audit.fingerprint`), with the rule and message
for the person reading the file. Hidden findings are counted, never dropped
silently: every report says how many the baseline hid.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from budget_audit.audit import Reportable
from budget_audit.errors import InputError

VERSION = 1
Accepted = frozenset[tuple[str, str]]
_Audited = TypeVar("_Audited", bound=Reportable)


def read_baseline(path: Path) -> Accepted:
    """The (document, fingerprint) pairs accepted in the baseline file at ``path``."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except OSError as error:
        raise InputError(f"{path}: cannot read the baseline ({error.strerror})") from error
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(f"{path}: not a baseline file (not JSON: {error})") from error
    entries = data.get("accepted") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not all(
        isinstance(e, dict)
        and isinstance(e.get("document"), str)
        and isinstance(e.get("fingerprint"), str)
        for e in entries
    ):
        raise InputError(
            f'{path}: not a baseline file (expected {{"accepted": [{{"document", '
            f'"fingerprint"}} …]}}; write one with --write-baseline)'
        )
    return frozenset((e["document"], e["fingerprint"]) for e in entries)


def baseline_json(audits: Sequence[Reportable]) -> dict[str, Any]:
    """The baseline accepting every finding of ``audits`` (those already hidden included)."""
    return {
        "version": VERSION,
        "accepted": [
            {
                "document": audit.document.name,
                "fingerprint": finding.fingerprint,
                "rule": finding.rule,
                "message": finding.message,
            }
            for audit in audits
            for finding in [*audit.found, *audit.hidden]
        ],
    }


def write_baseline(path: Path, audits: Sequence[Reportable]) -> int:
    """Write the baseline of ``audits`` to ``path``; return how many findings it accepts."""
    data = baseline_json(audits)
    try:
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")
    except OSError as error:
        raise InputError(f"{path}: cannot write the baseline ({error.strerror})") from error
    return len(data["accepted"])


def apply_baseline(audit: _Audited, accepted: Accepted) -> _Audited:
    """The audit with the accepted findings moved from ``found`` to ``hidden``."""
    name = audit.document.name
    keep = [f for f in audit.found if (name, f.fingerprint) not in accepted]
    hide = [f for f in audit.found if (name, f.fingerprint) in accepted]
    return replace(audit, found=keep, hidden=[*audit.hidden, *hide])
