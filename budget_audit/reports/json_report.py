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
import textwrap
from collections.abc import Callable, Sequence
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
    if single and audits:
        report = audit_json(records(audits[:1])[0], lang)
        return json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    chunks: list[str] = []
    writer = JsonListWriter(chunks.append, lang)
    for audit in audits:
        writer.add(audit)
    writer.close()
    return "".join(chunks)


class JsonListWriter:
    """A folder's JSON report written one audit at a time, so that a thousand files' reports
    need not be held at once: the text :func:`render_json` gives, in pieces, to ``write``."""

    def __init__(self, write: Callable[[str], None], lang: str = "zh") -> None:
        self._write = write
        self._lang = lang
        self._count = 0

    def add(self, audit: Reportable) -> None:
        """Write one more audit's report into the list."""
        text = json.dumps(audit_json(records([audit])[0], self._lang), ensure_ascii=False, indent=2)
        self._write(("[\n" if self._count == 0 else ",\n") + textwrap.indent(text, "  "))
        self._count += 1

    def close(self) -> None:
        """End the list (``json.dumps`` writes an empty one as ``[]``)."""
        self._write("\n]\n" if self._count else "[]\n")
