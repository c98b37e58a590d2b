"""Findings: what a rule reports, with the evidence a reviewer needs to act in a minute.

A finding without evidence is not a finding: every number a check used is
cited with its line and the text of that line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from budget_audit.facts import Fact
from budget_audit.messages import Message
from budget_audit.source import Box, SourceText

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Evidence:
    """One number a check used: where it stands and what it says.

    ``line`` is a line of the document's text (for a PDF or workbook, of its
    text rendering); ``file``, ``page``, ``box`` and ``cell`` say where that is
    in the published file when the source knows it.
    """

    line: int
    text: str
    value: str
    table: str | None = None
    row: str | None = None
    column: str | None = None
    file: str | None = None
    page: int | None = None
    box: Box | None = None
    cell: str | None = None
    start: int | None = field(default=None, compare=False)  # offset in the normalised line

    @staticmethod
    def at(
        source: SourceText,
        line: int,
        value: str,
        start: int | None = None,
        *,
        table: str | None = None,
        row: str | None = None,
        column: str | None = None,
    ) -> Evidence:
        """The evidence of ``value`` on 1-based ``line`` (at character ``start``) of ``source``."""
        place = source.place(line)
        cell = place.cell_at(start) if place is not None else None
        return Evidence(
            line=line,
            text=source.line(line).strip(),
            value=value,
            table=table,
            row=row,
            column=column,
            file=place.file if place is not None and place.file != source.name else None,
            page=place.page if place is not None else None,
            box=cell.box if cell is not None else None,
            cell=(
                f"{place.sheet}!{cell.ref}" if place and place.sheet and cell and cell.ref else None
            ),
            start=start,
        )

    @staticmethod
    def of(fact: Fact, source: SourceText) -> Evidence:
        """The evidence of a table fact."""
        return Evidence.at(
            source,
            fact.location.line,
            fact.raw,
            fact.location.start,
            table=fact.table,
            row=" ".join(part for part in (fact.code, fact.name) if part) or None,
            column=fact.column,
        )

    @property
    def where(self) -> str:
        """``file:page:line`` as a reviewer reads it (the page only when the source has pages)."""
        parts = [self.file] if self.file else []
        if self.page is not None:
            parts.append(f"p{self.page}")
        parts.append(str(self.line))
        return ":".join(parts)

    def as_json(self) -> dict[str, Any]:
        """The JSON form of the contract (``line``, ``text``, ``value``) plus where in the table."""
        data: dict[str, Any] = {"line": self.line, "text": self.text, "value": self.value}
        for key in ("table", "row", "column", "file", "page", "cell"):
            if getattr(self, key) is not None:
                data[key] = getattr(self, key)
        if self.box is not None:
            data["bbox"] = [round(c, 1) for c in self.box]
        return data


@dataclass(frozen=True)
class Finding:
    """A rule's verdict on some figures of the document."""

    rule: str
    title: str
    severity: str
    message: str
    evidence: tuple[Evidence, ...]
    expected: Decimal | None = None
    stated: Decimal | None = None
    difference: Decimal | None = None
    fingerprint: str = field(default="", compare=False)  # set by the audit, see fingerprint.py
    # the message as a catalogue id and parameters, for reports in another language;
    # ``message`` is its Chinese rendering (None: a check that wrote a plain string)
    template: Message | None = field(default=None, compare=False)
    # one cause, one finding (causes.py): the other table checks that failed over the same
    # printed cell, and that cell
    related: tuple[Finding, ...] = field(default=(), compare=False)
    suspect: Evidence | None = field(default=None, compare=False)

    @property
    def with_related(self) -> tuple[Finding, ...]:
        """This finding and those gathered under it (one cause, one finding: causes.py)."""
        return (self, *self.related)

    def message_in(self, lang: str) -> str:
        """The message in ``lang``: rendered from its template, or the plain string as written."""
        return self.message if self.template is None else self.template.render(lang)

    @property
    def line(self) -> int:
        """The line of the first evidence: the stated figure the finding is about."""
        return self.evidence[0].line

    def as_json(self, lang: str = "zh") -> dict[str, Any]:
        """The JSON contract of ``budget-audit check --format json`` (``message`` in ``lang``;
        ``message_id`` names the catalogue message when the check used one)."""
        data: dict[str, Any] = {
            "rule": self.rule,
            "title": self.title,
            "severity": self.severity,
            "message": self.message_in(lang),
            "line": self.line,
            "evidence": [e.as_json() for e in self.evidence],
        }
        if self.template is not None:
            data["message_id"] = self.template.id
        if self.fingerprint:
            data["fingerprint"] = self.fingerprint
        for key in ("expected", "stated", "difference"):
            value = getattr(self, key)
            if value is not None:
                data[key] = f"{value:f}"
        if self.related:
            data["related"] = [other.as_json(lang) for other in self.related]
        if self.suspect is not None:
            data["suspect"] = self.suspect.as_json()
        return data


def severity_counts(found: list[Finding]) -> dict[str, int]:
    """How many of the findings have each severity, every severity listed."""
    return {severity: sum(1 for f in found if f.severity == severity) for severity in SEVERITIES}
