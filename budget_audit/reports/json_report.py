"""The JSON report: the contract of README and design.md, kept stable; extra fields only added.

Contract: ``document``, ``findings`` (``rule``, ``severity``, ``message``,
``evidence`` with ``line``, ``text``, ``value``), ``summary``; ``message`` in the
report's language (Chinese unless ``--lang en``). Added: each finding's
``message_id`` (its catalogue message, data/messages.yaml), the
department and year, each finding's fingerprint, evidence ``where``,
``hidden`` (how many findings a baseline accepted), ``not_checked``,
``claims``, ``coverage``, and ``tables``: every table read, with its kind,
title, lines (and pages when the source has them), unit and row count.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from budget_audit.audit import Reportable, records
from budget_audit.messages import note_in
from budget_audit.record import AuditRecord, TableDigest


def audit_json(audit: AuditRecord, lang: str = "zh") -> dict[str, Any]:
    """The JSON report of one audit, its messages in ``lang``."""
    coverage = audit.document.coverage
    return {
        "document": audit.document.name,
        "department": audit.document.department,
        "year": audit.document.year,
        "kind": {
            "scope": audit.document.kind.scope,
            "stage": audit.document.kind.stage,
            "template": audit.document.kind.template,
            "source": audit.document.source_kind,
        },
        "findings": [finding.as_json(lang) for finding in audit.found],
        "summary": audit.summary,
        "hidden": len(audit.hidden),
        "not_checked": [note_in(reason, lang) for reason in audit.not_checked],
        "claims": _claims(audit.claims, lang),
        "tables": [table_json(table) for table in audit.document.tables],
        "coverage": {
            "table_numbers": coverage.table_numbers,
            "read": coverage.facts + coverage.identifiers,
            "not_understood": [
                {"line": u.line, "value": u.raw, "table": u.table} for u in coverage.not_understood
            ],
            "ambiguous": coverage.ambiguous,
            "without_column": len(coverage.unplaced),
        },
    }


def _claims(claims: dict[str, Any], lang: str) -> dict[str, Any]:
    """The claims' summary with each not-checkable claim's reason in ``lang``."""
    unchecked = [{**c, "why": note_in(c["why"], lang)} for c in claims.get("unchecked", [])]
    return {**claims, "unchecked": unchecked} if "unchecked" in claims else claims


def table_json(table: TableDigest) -> dict[str, Any]:
    """What a reader needs to find a table again: kind, title, where, unit, size."""
    data: dict[str, Any] = {
        "id": table.id,
        "kind": table.kind,
        "title": table.title,
        "first_line": table.first_line,
        "last_line": table.last_line,
        "unit": table.unit,
        "unit_stated": table.unit_stated,
        "rows": table.rows,
        "facts": table.facts,
    }
    if table.pages:
        data["pages"] = list(table.pages)
    return data


def render_json(audits: Sequence[Reportable], single: bool, lang: str = "zh") -> str:
    """One report (``single``, a file was audited) or a list of them (a folder)."""
    reports = records(audits)
    payload: Any = (
        audit_json(reports[0], lang)
        if single and reports
        else [audit_json(a, lang) for a in reports]
    )
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
