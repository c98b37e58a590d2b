"""SARIF 2.1.0, so that findings show in code-review tools and CI dashboards.

Each finding is a result at the line of its first evidence, with the other
evidence as related locations, its rule's metadata in the driver, and its
fingerprint as a partial fingerprint (review tools track a result across
edits by it). ``info`` maps to SARIF's ``note``. A page or sheet cell, which
SARIF regions cannot express for the published file, goes in the location's
properties.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from budget_audit import __version__
from budget_audit.audit import Reportable
from budget_audit.engine import Rule
from budget_audit.findings import Evidence, Finding

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT = "budgetAudit/v1"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def sarif_log(audits: Sequence[Reportable], lang: str = "zh") -> dict[str, Any]:
    """One SARIF run covering every audited document."""
    rules = _rules(audits)
    index = {rule.id: position for position, rule in enumerate(rules)}
    results = [
        _result(finding, audit.path or audit.document.name, index, lang)
        for audit in audits
        for finding in audit.found
    ]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "budget-audit",
                        "version": __version__,
                        "rules": [_rule(rule, lang) for rule in rules],
                    }
                },
                "results": results,
                "properties": {"hiddenByBaseline": sum(len(a.hidden) for a in audits)},
            }
        ],
    }


def render_sarif(audits: Sequence[Reportable], lang: str = "zh") -> str:
    """The SARIF log as text."""
    return json.dumps(sarif_log(audits, lang), ensure_ascii=False, indent=2) + "\n"


def _rules(audits: Sequence[Reportable]) -> list[Rule]:
    rules: dict[str, Rule] = {}
    for audit in audits:
        for rule in audit.rules:
            rules.setdefault(rule.id, rule)
    return sorted(rules.values(), key=lambda rule: rule.id)


def _rule(rule: Rule, lang: str) -> dict[str, Any]:
    title = rule.title_en if lang == "en" and rule.title_en else rule.title
    return {
        "id": rule.id,
        "name": rule.check,
        "shortDescription": {"text": title},
        "fullDescription": {"text": rule.rationale or title},
        "help": {"text": f"{rule.title}\n\n{rule.rationale}".strip()},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"tags": [rule.family]},
    }


def _location(uri: str, evidence: Evidence) -> dict[str, Any]:
    location: dict[str, Any] = {
        "physicalLocation": {
            "artifactLocation": {"uri": uri},
            "region": {"startLine": evidence.line, "snippet": {"text": evidence.text}},
        }
    }
    extra = {
        key: getattr(evidence, key)
        for key in ("page", "cell")
        if getattr(evidence, key) is not None
    }
    if extra:
        location["properties"] = extra
    return location


def _cited(finding: Finding, lang: str) -> list[tuple[Evidence, str]]:
    """Each number the finding cites with what to say of it; the checks gathered under it
    (one cause, one finding) add theirs, each labelled with its rule and message."""
    cited = [(e, e.value or e.text) for e in finding.evidence]
    for other in finding.related:
        said = f"{other.rule}: {other.message_in(lang)}"
        cited += [(e, said) for e in other.evidence]
    return cited


def _result(finding: Finding, uri: str, index: dict[str, int], lang: str) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "level": _LEVEL[finding.severity],
        "message": {"text": finding.message_in(lang)},
        "locations": [_location(uri, finding.evidence[0])],
        "relatedLocations": [
            {"id": number, **_location(uri, e), "message": {"text": text}}
            for number, (e, text) in enumerate(_cited(finding, lang))
        ],
        "partialFingerprints": {FINGERPRINT: finding.fingerprint},
    }
    if finding.rule in index:
        result["ruleIndex"] = index[finding.rule]
    return result
