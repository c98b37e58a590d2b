"""Findings as a pandas DataFrame a notebook user can filter, sort and join.

Columns are typed: ``line`` is an integer column, ``page`` a nullable integer
(text sources have no pages), money stays ``Decimal`` (object columns), never
float. ``table``, ``row`` and ``column`` are those of the first table figure
the finding cites (a narrative finding's first evidence is its sentence).
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from budget_audit.audit import Reportable
from budget_audit.findings import Evidence, Finding
from budget_audit.reports.labels import rule_title

COLUMNS = [
    "document", "rule", "severity", "title", "message", "page", "line", "lines",
    "table", "row", "column", "stated", "expected", "difference", "fingerprint",
]  # fmt: skip


def findings_frame(audits: Sequence[Reportable], lang: str = "zh") -> pd.DataFrame:
    """One row per finding of every audit, in report order (titles and messages in ``lang``)."""
    records = [finding_record(audit, finding, lang) for audit in audits for finding in audit.found]
    frame = pd.DataFrame(records, columns=COLUMNS, dtype=object)
    frame["line"] = frame["line"].astype("int64")
    frame["page"] = frame["page"].astype("Int64")
    for column in ("document", "rule", "severity", "title", "message", "fingerprint"):
        frame[column] = frame[column].astype("string")
    return frame


def finding_record(audit: Reportable, finding: Finding, lang: str = "zh") -> dict[str, object]:
    """The finding's row: the values of :data:`COLUMNS` (title and message in ``lang``)."""
    cell = _first_table_evidence(finding)
    return {
        "document": audit.document.name,
        "rule": finding.rule,
        "severity": finding.severity,
        "title": rule_title(finding, audit.rules, lang),
        "message": finding.message_in(lang),
        "page": finding.evidence[0].page,
        "line": finding.line,
        "lines": finding_lines(finding),
        "table": cell.table if cell else None,
        "row": cell.row if cell else None,
        "column": cell.column if cell else None,
        "stated": finding.stated,
        "expected": finding.expected,
        "difference": finding.difference,
        "fingerprint": finding.fingerprint,
    }


def finding_lines(finding: Finding) -> list[int]:
    """Every line the finding cites, in order."""
    return sorted({e.line for e in finding.evidence})


def _first_table_evidence(finding: Finding) -> Evidence | None:
    return next((e for e in finding.evidence if e.table is not None), None)
