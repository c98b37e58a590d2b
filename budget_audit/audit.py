"""Auditing a document: parse, run the selected rules, and account for what was not checked."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from budget_audit.claims.model import AmountClaim, ChangeClaim, CountClaim, ListClaim, ShareClaim
from budget_audit.config import Settings, find_settings, selected_rules
from budget_audit.document import Document, load
from budget_audit.engine import Rule, run_rules
from budget_audit.findings import SEVERITIES, Finding, findings_frame

Claim = AmountClaim | ShareClaim | ChangeClaim | ListClaim | CountClaim


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
    def claims(self) -> dict[str, Any]:
        """The narrative's claims: how many were found, verified, contradicted, and which could not be checked."""
        claims = self.document.claims.all()
        unchecked = [
            {"line": _claim_line(c), "claim": _claim_text(c), "why": c.note or "没有可核对的依据"}
            for c in claims
            if c.status == "not checkable"
        ]
        return {
            "found": len(claims),
            "verified": sum(1 for c in claims if c.status == "verified"),
            "contradicted": sum(1 for c in claims if c.status == "contradicted"),
            "not_checkable": len(unchecked),
            "unchecked": unchecked,
        }

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
            "claims": self.claims,
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


def _claim_line(claim: Claim) -> int:
    if isinstance(claim, CountClaim):
        return claim.count.line
    return claim.sentence.first_line


def _claim_text(claim: Claim) -> str:
    if isinstance(claim, AmountClaim):
        return f"{claim.subject} {claim.value.raw}{claim.value.unit}"
    if isinstance(claim, ShareClaim):
        return f"{claim.part.subject} 占 {claim.share.raw}%"
    if isinstance(claim, ChangeClaim):
        return claim.sentence.text[:40]
    if isinstance(claim, ListClaim):
        return f"{claim.total.subject if claim.total else ''} 列举 {len(claim.items)} 项"
    return f"{claim.count.raw}{claim.noun}{claim.what}"


def audit_document(document: Document, rules: list[Rule]) -> Audit:
    """Run ``rules`` on a parsed document."""
    for claim in document.claims.all():
        claim.status, claim.note = "not checkable", ""
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
