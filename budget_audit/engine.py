"""The rule engine: rules are data (``rules/*.yaml``), check kinds are Python.

A rule picks a check kind and gives it parameters; the engine runs every
selected rule over a document and collects findings and what could not be
checked. Nothing in a rule file is evaluated as code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from budget_audit.document import Document
from budget_audit.errors import InputError
from budget_audit.findings import SEVERITIES, Evidence, Finding
from budget_audit.tolerance import Figure, Verdict, compare, wan


@dataclass(frozen=True)
class Rule:
    """One rule: a stable id, what it checks, why, and examples that must pass and fail."""

    id: str
    title: str
    severity: str
    check: str
    family: str
    rationale: str
    params: dict[str, Any] = field(default_factory=dict)
    passing: tuple[str, ...] = ()
    failing: tuple[str, ...] = ()
    title_en: str | None = (
        None  # for reports in English (--lang en); the title stands in without it
    )

    def with_severity(self, severity: str) -> Rule:
        """The same rule at another severity (a user's override)."""
        return replace(self, severity=severity)


@dataclass
class Context:
    """What a check works with, and where it puts its findings and its skips."""

    document: Document
    rule: Rule
    findings: list[Finding] = field(default_factory=list)
    not_checked: list[str] = field(default_factory=list)

    def evidence(self, figure: Figure) -> tuple[Evidence, ...]:
        """The evidence of a figure that came from a fact (empty cells cite nothing)."""
        return () if figure.fact is None else (Evidence.of(figure.fact, self.document.source),)

    def report(
        self,
        message: str,
        evidence: list[Evidence],
        severity: str | None = None,
        expected: Decimal | None = None,
        stated: Decimal | None = None,
        difference: Decimal | None = None,
    ) -> None:
        """Record a finding of this rule."""
        if not evidence:
            raise ValueError(f"{self.rule.id}: a finding needs evidence")
        self.findings.append(
            Finding(
                rule=self.rule.id,
                title=self.rule.title,
                severity=severity or self.rule.severity,
                message=message,
                evidence=tuple(dict.fromkeys(evidence)),
                expected=expected,
                stated=stated,
                difference=difference,
            )
        )

    def compare(
        self, stated: Figure, expected: Figure, parts: list[Figure], what: str, how: str
    ) -> None:
        """Report ``stated`` against ``expected`` (computed from ``parts`` as ``how`` says)."""
        verdict = compare(stated, expected)
        if verdict is Verdict.EQUAL:
            return
        evidence = [*self.evidence(stated), *(e for p in parts for e in self.evidence(p))]
        if not evidence:
            return
        difference = stated.value - expected.value
        unit = (
            stated.fact.unit
            if stated.fact is not None and stated.fact.unit not in ("万元", "元")
            else "万元"
        )
        if verdict is Verdict.ROUNDING:
            message = f"{what}：列示 {wan(stated.value)} {unit}，{how}为 {wan(expected.value)} {unit}，相差 {wan(difference)}，在四舍五入范围内（尾差）"
            self.report(
                message,
                evidence,
                "info",
                expected=expected.value,
                stated=stated.value,
                difference=difference,
            )
            return
        message = f"{what}：列示 {wan(stated.value)} {unit}，{how}为 {wan(expected.value)} {unit}，相差 {wan(difference)} {unit}"
        self.report(
            message, evidence, expected=expected.value, stated=stated.value, difference=difference
        )

    def skip(self, reason: str) -> None:
        """Say what this rule could not check, and why."""
        self.not_checked.append(f"{self.rule.id}: {reason}")


CheckKind = Callable[[Context], None]
CHECK_KINDS: dict[str, CheckKind] = {}


def check_kind(name: str) -> Callable[[CheckKind], CheckKind]:
    """Register a check kind under the name rule files use."""

    def register(function: CheckKind) -> CheckKind:
        CHECK_KINDS[name] = function
        return function

    return register


def _rules_of(data: dict[str, Any], origin: str) -> Iterator[Rule]:
    family = data.get("family", Path(origin).stem)
    for entry in data.get("rules", []):
        try:
            severity = entry["severity"]
            if severity not in SEVERITIES:
                raise InputError(
                    f"{origin}: rule {entry.get('id')}: severity must be one of {SEVERITIES}"
                )
            examples = entry.get("examples", {})
            yield Rule(
                id=str(entry["id"]),
                title=entry["title"],
                severity=severity,
                check=entry["check"],
                family=family,
                rationale=entry.get("rationale", "").strip(),
                params=entry.get("params", {}) or {},
                passing=tuple(examples.get("pass", [])),
                failing=tuple(examples.get("fail", [])),
                title_en=entry.get("title_en"),
            )
        except KeyError as missing:
            raise InputError(f"{origin}: a rule lacks the field {missing}") from None


def load_rule_file(path: Path) -> list[Rule]:
    """Rules of a user's rule file; a malformed file is an :class:`InputError`."""
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise InputError(f"{path}: cannot read rule file ({error})") from error
    if not isinstance(data, dict):
        raise InputError(f"{path}: a rule file is a mapping with a 'rules' list")
    rules = list(_rules_of(data, str(path)))
    for rule in rules:
        if rule.check not in CHECK_KINDS:
            known = ", ".join(sorted(CHECK_KINDS))
            raise InputError(
                f"{path}: rule {rule.id} uses unknown check kind {rule.check!r} (known: {known})"
            )
    return rules


def builtin_rules() -> list[Rule]:
    """The rule packs shipped in ``rules/``."""
    import budget_audit.checks  # noqa: F401  (registers the check kinds)

    rules: list[Rule] = []
    packs = resources.files("budget_audit.rule_packs")
    for pack in sorted(packs.iterdir(), key=lambda p: p.name):
        if pack.name.endswith(".yaml"):
            rules.extend(_rules_of(yaml.safe_load(pack.read_text("utf-8")), pack.name))
    return sorted(rules, key=lambda rule: rule.id)


def run_rules(document: Document, rules: list[Rule]) -> tuple[list[Finding], list[str]]:
    """Every finding of the rules on the document, and what they could not check."""
    import budget_audit.checks  # noqa: F401

    findings: list[Finding] = []
    not_checked: list[str] = []
    for rule in rules:
        context = Context(document, rule)
        CHECK_KINDS[rule.check](context)
        findings.extend(context.findings)
        not_checked.extend(context.not_checked)
    order = {severity: index for index, severity in enumerate(SEVERITIES)}
    findings.sort(key=lambda f: (order[f.severity], f.line, f.rule))
    return findings, not_checked
