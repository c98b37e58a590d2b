"""A rule, the check kind it runs, and the context a check works in.

Rules are data (a YAML entry); a check kind is the Python behind them. A check
kind declares the parameters it reads (:mod:`budget_audit.params`), so a rule
file is validated when it is loaded, not when an audit trips over it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from budget_audit.document import Document
from budget_audit.findings import Evidence, Finding
from budget_audit.messages import Message, Note, Term, message
from budget_audit.params import Param, Record
from budget_audit.tolerance import Figure, Verdict, compare


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
    failing_lines: tuple[tuple[int, ...], ...] = ()  # per failing example: the lines it reports
    # for reports in English (--lang en); the title stands in without it
    title_en: str | None = None

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
        text: str | Message,
        evidence: list[Evidence],
        severity: str | None = None,
        expected: Decimal | None = None,
        stated: Decimal | None = None,
        difference: Decimal | None = None,
    ) -> None:
        """Record a finding of this rule; ``text`` is a catalogue :class:`Message` (a plain
        string is kept as written, in every language)."""
        if not evidence:
            raise ValueError(f"{self.rule.id}: a finding needs evidence")
        self.findings.append(
            Finding(
                rule=self.rule.id,
                title=self.rule.title,
                severity=severity or self.rule.severity,
                message=text if isinstance(text, str) else text.render("zh"),
                evidence=tuple(dict.fromkeys(evidence)),
                expected=expected,
                stated=stated,
                difference=difference,
                template=None if isinstance(text, str) else text,
            )
        )

    def compare(
        self,
        stated: Figure,
        expected: Figure,
        parts: list[Figure],
        what: str | Message,
        how: str | Message,
    ) -> None:
        """Report ``stated`` against ``expected`` (computed from ``parts`` as ``how`` says).

        ``what`` names the stated figure and ``how`` the expected one: catalogue fragments,
        or plain strings shown as written."""
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
        text = message(
            "compare.rounding" if verdict is Verdict.ROUNDING else "compare.mismatch",
            what=what,
            stated=stated.value,
            how=how,
            expected=expected.value,
            difference=difference,
            unit=Term(unit),
        )
        if verdict is Verdict.ROUNDING:
            self.report(
                text,
                evidence,
                "info",
                expected=expected.value,
                stated=stated.value,
                difference=difference,
            )
            return
        self.report(
            text, evidence, expected=expected.value, stated=stated.value, difference=difference
        )

    def skip(self, reason: str | Message) -> None:
        """Say what this rule could not check, and why (a catalogue message, or a plain
        string shown as written in every language)."""
        prefix = f"{self.rule.id}: "
        self.not_checked.append(
            prefix + reason if isinstance(reason, str) else Note(reason, prefix)
        )


@dataclass(frozen=True)
class CheckKind:
    """A check kind: the name rule files use, the function, and the parameters it reads."""

    name: str
    run: Callable[[Context], None]
    params: Record = field(default_factory=Record)

    def __call__(self, context: Context) -> None:
        """Run the check on a context."""
        self.run(context)


def check_kind(name: str, **params: Param) -> Callable[[Callable[[Context], None]], CheckKind]:
    """Make a function a check kind called ``name`` that reads ``params``.

    This does not register it: :data:`budget_audit.checks.registry.KINDS` lists the
    built-in kinds, and a rule pack lists its own.
    """

    def make(function: Callable[[Context], None]) -> CheckKind:
        return CheckKind(name, function, Record(params))

    return make
