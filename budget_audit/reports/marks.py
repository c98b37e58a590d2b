"""What every report shows of a finding's evidence: where it stands, and which characters to mark.

A finding cites numbers by their line and text; a reviewer should see the
line with exactly those numbers marked. Evidence of a table cell knows the
number's offset in the normalised line (``start``), so of two equal figures
on one row the cited one is marked; a narrative number without an offset
marks every copy of it on the line.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from budget_audit.audit import Reportable
from budget_audit.findings import Evidence, Finding
from budget_audit.numbers import normalise

Span = tuple[int, int]


@dataclass(frozen=True)
class CitedLine:
    """One line a finding cites: where it is, its text, and the spans of the cited numbers."""

    line: int
    where: str
    text: str
    spans: tuple[Span, ...]
    page: int | None = None


def where(audit: Reportable, evidence: Evidence) -> str:
    """``file:line``, or ``file:p3:line`` when the source has pages (``Evidence.where`` with the file)."""
    local = evidence.where
    return local if evidence.file else f"{audit.document.name}:{local}"


def finding_where(audit: Reportable, finding: Finding) -> str:
    """Where the finding is: the place of its first evidence."""
    return where(audit, finding.evidence[0])


def cited_lines(audit: Reportable, finding: Finding) -> list[CitedLine]:
    """The lines the finding cites, each once, in citing order, with the cited numbers' spans."""
    grouped: dict[int, list[Evidence]] = {}
    for evidence in finding.evidence:
        grouped.setdefault(evidence.line, []).append(evidence)
    result = []
    for line, group in grouped.items():
        text = group[0].text
        spans = sorted({span for e in group for span in number_spans(text, e.value, e.start)})
        result.append(CitedLine(line, where(audit, group[0]), text, tuple(spans), group[0].page))
    return result


def number_spans(text: str, value: str, start: int | None = None) -> list[Span]:
    """Where ``value`` stands in ``text`` as a whole number (not inside a longer one).

    With ``start`` (the offset in the normalised full line) the one copy at or
    just before it; without, every copy.
    """
    if not value.strip():
        return []
    folded, origin = _fold(text)
    pattern = re.compile(r"(?<![\d.,])" + re.escape(normalise(value).strip()) + r"(?!\.?\d)")
    found = [(m.start(), m.end()) for m in pattern.finditer(folded)]
    if not found:
        return []
    spans = [(origin[a], origin[b - 1] + 1) for a, b in found]
    if start is None:
        return spans
    in_normalised = [m.start() for m in pattern.finditer(normalise(text))]
    before = [index for index, position in enumerate(in_normalised) if position <= start]
    index = before[-1] if before else 0
    return [spans[index]] if index < len(spans) else spans


def _fold(text: str) -> tuple[str, list[int]]:
    """``text`` with each character folded by NFKC, and each folded character's original index."""
    folded: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        for piece in unicodedata.normalize("NFKC", char):
            folded.append(piece)
            origin.append(index)
    return "".join(folded), origin
