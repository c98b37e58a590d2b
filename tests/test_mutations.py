"""Sensitivity: change any amount of any coded table row by one in its ones place, and an error must cite it.

Runs over every amount of every coded row of every corpus document (no
sample). Each mutation edits the text, re-parses and re-audits the whole
document, exactly as a reviewer's run would.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from budget_audit import Document, parse
from budget_audit.audit import audit_document
from budget_audit.engine import builtin_rules
from budget_audit.facts import Fact
from budget_audit.numbers import normalise
from budget_audit.source import SourceText
from tests.conftest import DOCUMENTS, corpus_document

RULES = builtin_rules()


def coded_row_amounts(document: Document) -> list[Fact]:
    """Every amount printed in a coded row of a grid table."""
    return [
        f for t in document.tables if t.kind.layout == "grid" for f in t.facts if f.code is not None
    ]


def bump_ones_place(raw: str) -> str:
    """``290.19`` → ``291.19``, ``1,602.84`` → ``1,603.84``: one more in the ones place, same printing."""
    value = Decimal(raw.replace(",", "")) + 1
    places = len(raw.partition(".")[2])
    text = f"{value:,.{places}f}" if "," in raw else f"{value:.{places}f}"
    return text


def mutate(source: SourceText, fact: Fact) -> SourceText:
    """The source with ``fact``'s number bumped, on its own line and at its own place."""
    raw_line = source.line(fact.location.line)
    pattern = re.compile(rf"(?<![\d.,]){re.escape(fact.raw)}(?![\d])")
    starts = [m.start() for m in pattern.finditer(normalise(raw_line))]
    occurrence = starts.index(fact.location.start or 0)
    match = list(pattern.finditer(raw_line))[occurrence]
    edited = raw_line[: match.start()] + bump_ones_place(fact.raw) + raw_line[match.end() :]
    lines = list(source.lines)
    lines[fact.location.line - 1] = edited
    return SourceText(source.name, source.encoding, tuple(lines))


def error_keys(document: Document) -> set[tuple[str, str]]:
    return {
        (f.rule, f.message) for f in audit_document(document, RULES).found if f.severity == "error"
    }


def test_bump_keeps_the_printing() -> None:
    assert bump_ones_place("290.19") == "291.19"
    assert bump_ones_place("1,602.84") == "1,603.84"
    assert bump_ones_place("178") == "179"
    assert bump_ones_place("0.00") == "1.00"


@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_coded_amount_is_guarded_by_an_error(name: str) -> None:
    original = corpus_document(name)
    baseline = error_keys(original)
    missed = []
    amounts = coded_row_amounts(original)
    for fact in amounts:
        mutated = parse(mutate(original.source, fact))
        new_errors = [
            f
            for f in audit_document(mutated, RULES).found
            if f.severity == "error" and (f.rule, f.message) not in baseline
        ]
        if not any(fact.location.line in {e.line for e in f.evidence} for f in new_errors):
            missed.append(
                f"line {fact.location.line} {fact.table} {fact.code} {fact.column} {fact.raw}"
            )
    if name == "hanyang-2025":
        assert amounts == []  # its tables 1-10 are images: no coded rows to mutate
    assert not missed, f"{len(missed)} of {len(amounts)} mutations went unnoticed:\n" + "\n".join(
        missed[:40]
    )
