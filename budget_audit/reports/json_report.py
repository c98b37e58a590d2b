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
from typing import Any

from budget_audit.audit import Audit
from budget_audit.document import Document
from budget_audit.messages import note_in
from budget_audit.tables.table import Table


def audit_json(audit: Audit, lang: str = "zh") -> dict[str, Any]:
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
            "source": audit.document.source.kind,
        },
        "findings": [finding.as_json(lang) for finding in audit.found],
        "summary": audit.summary,
        "hidden": len(audit.hidden),
        "not_checked": [note_in(reason, lang) for reason in audit.not_checked],
        "claims": _claims(audit.claims, lang),
        "tables": [table_json(audit.document, table) for table in audit.document.tables],
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


def table_json(document: Document, table: Table) -> dict[str, Any]:
    """What a reader needs to find a table again: kind, title, where, unit, size."""
    pages = sorted(
        {
            page
            for line in range(table.first_line, table.last_line + 1)
            if (page := document.source.page(line)) is not None
        }
    )
    data: dict[str, Any] = {
        "id": table.id,
        "kind": table.kind.name,
        "title": table.title,
        "first_line": table.first_line,
        "last_line": table.last_line,
        "unit": table.unit,
        "unit_stated": table.unit_stated,
        "rows": len(table.rows),
        "facts": len(table.facts),
    }
    if pages:
        data["pages"] = pages
    return data


def render_json(audits: list[Audit], single: bool, lang: str = "zh") -> str:
    """One report (``single``, a file was audited) or a list of them (a folder)."""
    payload: Any = (
        audit_json(audits[0], lang) if single and audits else [audit_json(a, lang) for a in audits]
    )
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
