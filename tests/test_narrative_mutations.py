"""Sensitivity of the narrative checks: bump any checked narrative number by one in its ones place.

Every amount that restates a table figure, every share and every change
percentage of every corpus document is bumped in the text; the document is
re-parsed and re-audited, and a new error must cite that line.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from budget_audit import Document, parse
from budget_audit.audit import audit_document
from budget_audit.claims.model import Mention
from budget_audit.engine import builtin_rules
from budget_audit.narrative import Sentence
from budget_audit.numbers import normalise
from budget_audit.source import SourceText
from tests.conftest import DOCUMENTS, corpus_document
from tests.test_mutations import bump_ones_place

RULES = builtin_rules()


@dataclass(frozen=True)
class Spot:
    """Where a narrative number stands in the source: line and offset in the raw line."""

    line: int
    start: int
    raw: str


def spot(document: Document, sentence: Sentence, mention: Mention) -> Spot:
    """Map a number's offset in its joined sentence back to its source line."""
    begins = max(
        offset
        for offset, line in sentence.breaks
        if offset <= mention.start and line == mention.line
    )
    raw_line = document.source.line(mention.line)
    start = len(raw_line) - len(raw_line.lstrip()) + mention.start - begins
    assert normalise(raw_line[start : start + len(mention.raw)]) == mention.raw, (
        mention.line,
        mention.raw,
    )
    return Spot(mention.line, start, raw_line[start : start + len(mention.raw)])


def checked_numbers(document: Document) -> list[Spot]:
    """The narrative numbers the rules check against something: tables, shares' bases, prior years."""
    audit_document(document, RULES)  # sets each claim's status
    claims = document.claims
    spots = [
        spot(document, c.sentence, c.value) for c in claims.amounts if c.status != "not checkable"
    ]
    spots += [spot(document, c.sentence, c.share) for c in claims.shares if c.base is not None]
    spots += [
        spot(document, c.sentence, c.percent)
        for c in claims.changes
        if c.percent is not None and c.delta is not None and c.current is not None
    ]
    return sorted(set(spots), key=lambda s: (s.line, s.start))


def bumped(source: SourceText, where: Spot) -> SourceText:
    lines = list(source.lines)
    text = lines[where.line - 1]
    lines[where.line - 1] = (
        text[: where.start] + bump_ones_place(where.raw) + text[where.start + len(where.raw) :]
    )
    return SourceText(source.name, source.encoding, tuple(lines))


@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_checked_narrative_number_is_guarded_by_an_error(name: str) -> None:
    original = corpus_document(name)
    baseline = {
        (f.rule, f.message) for f in audit_document(original, RULES).found if f.severity == "error"
    }
    spots = checked_numbers(original)
    assert spots, "every corpus narrative has checked numbers"
    missed = []
    for where in spots:
        mutated = parse(bumped(original.source, where))
        new_errors = [
            f for f in audit_document(mutated, RULES).found
            if f.severity == "error" and (f.rule, f.message) not in baseline
        ]  # fmt: skip
        if not any(where.line in {e.line for e in f.evidence} for f in new_errors):
            missed.append(
                f"line {where.line}: {where.raw} | {original.source.line(where.line).strip()[:50]}"
            )
    assert not missed, f"{len(missed)} of {len(spots)} bumps went unnoticed:\n" + "\n".join(missed)
