"""SARIF 2.1.0 output, so that findings show up in code-review tools and CI dashboards.

Each finding is a result at the line of its first evidence; the other evidence
lines are related locations. ``info`` maps to SARIF's ``note``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from budget_audit import __version__
from budget_audit.audit import Audit
from budget_audit.engine import Rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def to_sarif(audits: list[Audit], rules: list[Rule], paths: list[Path]) -> dict[str, Any]:
    """One SARIF run covering every audited document."""
    uris = {audit.document.name: path.as_posix() for audit, path in zip(audits, paths, strict=True)}
    results = [_result(finding_json, uris[audit.document.name]) for audit in audits for finding_json in
               (f.as_json() for f in audit.found)]  # fmt: skip
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "budget-audit",
                        "version": __version__,
                        "rules": [_rule(rule) for rule in rules],
                    }
                },
                "results": results,
            }
        ],
    }


def _rule(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "name": rule.check,
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.rationale or rule.title},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
    }


def _location(uri: str, line: int, text: str) -> dict[str, Any]:
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": uri},
            "region": {"startLine": line, "snippet": {"text": text}},
        }
    }


def _result(finding: dict[str, Any], uri: str) -> dict[str, Any]:
    evidence = finding["evidence"]
    first = min(evidence, key=lambda e: e["line"])
    return {
        "ruleId": finding["rule"],
        "level": _LEVEL[finding["severity"]],
        "message": {"text": finding["message"]},
        "locations": [_location(uri, first["line"], first["text"])],
        "relatedLocations": [
            {
                "id": index,
                **_location(uri, e["line"], e["text"]),
                "message": {"text": f"{e['value']}"},
            }
            for index, e in enumerate(evidence)
        ],
    }
