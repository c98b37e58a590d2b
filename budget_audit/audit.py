"""Auditing a document: parse, run the selected rules, and account for what was not checked."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from budget_audit.config import Settings, find_settings, selected_rules
from budget_audit.document import Document, load
from budget_audit.engine import Rule, run_rules
from budget_audit.findings import SEVERITIES, Finding, findings_frame


@dataclass
class Audit:
    """The findings of one document, and what could not be checked."""

    document: Document
    found: list[Finding]
    not_checked: list[str]

    @property
    def findings(self) -> pd.DataFrame:
        """The findings as a DataFrame (one row each, evidence lines in ``lines``)."""
        return findings_frame(self.found)

    @property
    def summary(self) -> dict[str, int]:
        """How many findings of each severity."""
        return {
            severity: sum(1 for f in self.found if f.severity == severity)
            for severity in SEVERITIES
        }

    def as_json(self) -> dict[str, Any]:
        """The JSON contract: document, findings, summary; plus coverage and what was not checked."""
        coverage = self.document.coverage
        return {
            "document": self.document.name,
            "department": self.document.department,
            "year": self.document.year,
            "findings": [finding.as_json() for finding in self.found],
            "summary": self.summary,
            "not_checked": self.not_checked,
            "coverage": {
                "table_numbers": coverage.table_numbers,
                "read": coverage.facts + coverage.identifiers,
                "not_understood": [
                    {"line": u.line, "value": u.raw, "table": u.table}
                    for u in coverage.not_understood
                ],
                "ambiguous": coverage.ambiguous,
                "without_column": len(coverage.unplaced),
            },
        }


def audit_document(document: Document, rules: list[Rule]) -> Audit:
    """Run ``rules`` on a parsed document."""
    found, not_checked = run_rules(document, rules)
    coverage = document.coverage
    not_checked = [
        *not_checked,
        *(
            f"line {u.line}: {u.raw} ({u.table}) not understood, so no rule checked it"
            for u in coverage.not_understood
        ),
        *(
            f"{entry}: column guessed, sums involving it are uncertain"
            for entry in coverage.ambiguous
        ),
    ]
    return Audit(document, found, not_checked)


def audit(path: str | Path, settings: Settings | None = None) -> Audit:
    """Load and audit the disclosure at ``path`` with the rules in force (pyproject settings by default)."""
    rules = selected_rules(settings if settings is not None else find_settings())
    return audit_document(load(path), rules)
