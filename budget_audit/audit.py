"""Auditing a document: parse, run the selected rules, and account for what was not checked.

An :class:`Audit` is a value: it keeps what its own run found, including the
narrative claims' verdicts, so auditing the same document again (with other
rules) leaves an earlier audit as it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from budget_audit.causes import gather_by_cell
from budget_audit.claims.model import (
    AmountClaim,
    ChangeClaim,
    CountClaim,
    ListClaim,
    OutturnClaim,
    ShareClaim,
)
from budget_audit.config import Settings, read_settings, selected_rules
from budget_audit.document import Document, load
from budget_audit.engine import Rule, run_rules
from budget_audit.errors import InputError
from budget_audit.findings import Finding, severity_counts
from budget_audit.fingerprint import fingerprints
from budget_audit.messages import Note, message
from budget_audit.record import BARE, AuditRecord, Keep, digest

if TYPE_CHECKING:
    import pandas as pd

Claim = AmountClaim | ShareClaim | ChangeClaim | ListClaim | CountClaim | OutturnClaim


@dataclass
class Audit:
    """The findings of one document, what could not be checked, and the rules that ran.

    ``found`` holds one finding per cause: the table checks that failed over one printed
    cell are gathered under one of them (its ``related``; ``every_finding`` lists them all).
    ``hidden`` holds the findings a baseline accepted: reports count them.
    ``path`` is the file as the user named it (reports link to it).
    """

    document: Document
    found: list[Finding]
    not_checked: list[str]
    claims: dict[str, Any] = field(default_factory=dict)
    rules: tuple[Rule, ...] = ()
    hidden: list[Finding] = field(default_factory=list)
    path: str | None = None

    def record(self, keep: Keep = BARE) -> AuditRecord:
        """What the reports need of this audit, without the parsed document (and, as ``keep``
        asks, with its text or its tables' cells)."""
        return AuditRecord(
            digest(self.document, keep), self.found, self.not_checked, self.claims,
            self.rules, self.hidden, self.path,
        )  # fmt: skip

    @property
    def every_finding(self) -> list[Finding]:
        """Each finding and those gathered under it, in report order."""
        return [each for finding in self.found for each in finding.with_related]

    @property
    def findings(self) -> pd.DataFrame:
        """The findings as a DataFrame: one row each, typed columns (see ``reports.frame``)."""
        from budget_audit.reports.frame import findings_frame

        return findings_frame([self])

    def to_frame(self, lang: str = "zh") -> pd.DataFrame:
        """The findings as a DataFrame with titles and messages in ``lang`` (``zh`` or ``en``)."""
        from budget_audit.reports.frame import findings_frame

        return findings_frame([self], lang)

    @property
    def summary(self) -> dict[str, int]:
        """How many findings of each severity (hidden ones not counted)."""
        return severity_counts(self.found)

    def to_json(self, lang: str = "zh") -> str:
        """The JSON report (the contract of README and design.md), messages in ``lang``."""
        from budget_audit.reports.json_report import render_json

        return render_json([self], single=True, lang=lang)

    def to_sarif(self, lang: str = "zh") -> str:
        """The SARIF 2.1.0 log of this audit, messages in ``lang``."""
        from budget_audit.reports.sarif import render_sarif

        return render_sarif([self], lang)

    def to_html(self, lang: str = "zh") -> str:
        """A self-contained HTML page: findings, the document map and the text, cited lines marked."""
        from budget_audit.reports.html_report import render_html

        return render_html([self], lang=lang)

    def to_markdown(self, lang: str = "zh") -> str:
        """Markdown for an issue or an article draft."""
        from budget_audit.reports.markdown import render_markdown

        return render_markdown([self], lang=lang)

    def _repr_html_(self) -> str:
        from budget_audit.reports.html_report import audit_fragment

        return audit_fragment(self)

    def __repr__(self) -> str:
        words = {"error": "errors", "warning": "warnings", "info": "info"}
        counts = ", ".join(f"{n} {words[severity]}" for severity, n in self.summary.items())
        hidden = f", {len(self.hidden)} hidden by the baseline" if self.hidden else ""
        return f"<Audit {self.document.name}: {counts}{hidden}>"


@dataclass
class Audits:
    """The audits of a folder, in file order, and the files that could not be read."""

    audits: list[Audit]
    errors: list[str] = field(default_factory=list)

    def __iter__(self) -> Any:
        return iter(self.audits)

    def __len__(self) -> int:
        return len(self.audits)

    def __getitem__(self, index: int) -> Audit:
        return self.audits[index]

    @property
    def findings(self) -> pd.DataFrame:
        """Every document's findings in one DataFrame (its ``document`` column tells them apart)."""
        from budget_audit.reports.frame import findings_frame

        return findings_frame(self.audits)

    def to_frame(self, lang: str = "zh") -> pd.DataFrame:
        """The findings as a DataFrame with titles and messages in ``lang`` (``zh`` or ``en``)."""
        from budget_audit.reports.frame import findings_frame

        return findings_frame(self.audits, lang)

    def to_json(self, lang: str = "zh") -> str:
        """A JSON list with one report per document, messages in ``lang``."""
        from budget_audit.reports.json_report import render_json

        return render_json(self.audits, single=False, lang=lang)

    def to_sarif(self, lang: str = "zh") -> str:
        """One SARIF run covering every document, messages in ``lang``."""
        from budget_audit.reports.sarif import render_sarif

        return render_sarif(self.audits, lang)

    def to_html(self, lang: str = "zh") -> str:
        """One HTML page with a section per document."""
        from budget_audit.reports.html_report import render_html

        return render_html(self.audits, lang=lang)

    def to_markdown(self, lang: str = "zh") -> str:
        """Markdown with a section per document."""
        from budget_audit.reports.markdown import render_markdown

        return render_markdown(self.audits, lang=lang)

    def _repr_html_(self) -> str:
        from budget_audit.reports.html_report import audit_fragment

        return "".join(audit_fragment(a) for a in self.audits)

    def __repr__(self) -> str:
        errors = f", {len(self.errors)} unreadable" if self.errors else ""
        return f"<Audits of {len(self.audits)} documents{errors}>"


Reportable = Audit | AuditRecord


def records(audits: Sequence[Reportable], keep: Keep = BARE) -> list[AuditRecord]:
    """The reports' view of each audit: a record as it is, an :class:`Audit` made into one."""
    return [a.record(keep) if isinstance(a, Audit) else a for a in audits]


def claims_summary(document: Document) -> dict[str, Any]:
    """The narrative's claims as the last audit judged them: counts, and those not checkable."""
    claims = document.claims.all()
    unchecked = [
        {
            "line": _claim_line(c),
            "claim": _claim_text(c),
            "why": c.note or Note(message("claims.no_basis")),
        }
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
    if isinstance(claim, OutturnClaim):  # hook for the 决算 claims (rules branch)
        budget = f"年初预算 {claim.budget.raw} 万元、" if claim.budget is not None else ""
        return f"{claim.subject} {budget}决算 {claim.outturn.raw} 万元"
    return f"{claim.count.raw}{claim.noun}{claim.what}"


def audit_document(document: Document, rules: list[Rule], path: str | None = None) -> Audit:
    """Run ``rules`` on a parsed document.

    The checks record each claim's verdict on the document's claims (reset
    here first); the audit keeps its own summary of them.
    """
    for claim in document.claims.all():
        claim.status, claim.note = "not checkable", ""
    found, not_checked = run_rules(document, rules)
    found = gather_by_cell(found)
    found = [replace(f, fingerprint=key) for f, key in zip(found, fingerprints(found), strict=True)]
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
    return Audit(document, found, not_checked, claims_summary(document), tuple(rules), path=path)


def rules_from(config: Settings | str | Path | None) -> list[Rule]:
    """The rules a configuration selects: every built-in rule when ``config`` is ``None``;
    a ``pyproject.toml`` (or a folder holding one) is read for its ``[tool.budget-audit]``."""
    if config is None or isinstance(config, Settings):
        return selected_rules(config or Settings())
    pyproject = Path(config)
    if pyproject.is_dir():
        pyproject = pyproject / "pyproject.toml"
    if not pyproject.is_file():
        raise InputError(f"{pyproject}: no such configuration file")
    settings = read_settings(pyproject)
    if settings is None:
        raise InputError(f"{pyproject}: has no [tool.budget-audit] section")
    return selected_rules(settings)


def audit(
    target: str | Path | Document,
    config: Settings | str | Path | None = None,
    jobs: int = 1,
) -> Audit | Audits:
    """Audit a disclosure file, a loaded :class:`Document`, or every disclosure in a folder.

    Configuration is read only from ``config`` (never from the working folder,
    which in a notebook is wherever Jupyter started). A folder gives
    :class:`Audits`; ``jobs`` processes share its files.
    """
    rules = rules_from(config)
    if isinstance(target, Document):
        return audit_document(target, rules)
    path = Path(target)
    if path.is_dir():
        from budget_audit.inputs import supported_files
        from budget_audit.runner import audit_files

        outcomes = audit_files(supported_files(path), rules, jobs)
        return Audits(
            [o for o in outcomes if isinstance(o, Audit)],
            [o for o in outcomes if isinstance(o, str)],
        )
    return audit_document(load(path), rules, path=str(target))
