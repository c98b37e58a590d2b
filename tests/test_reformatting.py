"""Reformatting a number without changing its value changes no finding.

Every amount of every table row in a corpus document is rewritten at once
(thousands separators; full-width digits) and the document re-audited.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from budget_audit import Document, parse
from budget_audit.audit import audit_document
from budget_audit.engine import builtin_rules
from budget_audit.numbers import normalise
from budget_audit.source import SourceText
from tests.conftest import DOCUMENTS, corpus_document

RULES = builtin_rules()
FULL_WIDTH = str.maketrans("0123456789.,", "０１２３４５６７８９．，")


def with_separators(raw: str) -> str:
    places = len(raw.partition(".")[2])
    return f"{Decimal(raw.replace(',', '')):,.{places}f}"


def full_width(raw: str) -> str:
    return raw.translate(FULL_WIDTH)


def rewrite_all(document: Document, style: str) -> SourceText:
    """Every table amount of the document rewritten in ``style``, right to left on each line."""
    rewrite = with_separators if style == "separators" else full_width
    lines = list(document.source.lines)
    by_line: dict[int, list[tuple[int, str]]] = {}
    for table in document.tables:
        if table.kind.layout in ("grid", "two_column"):
            for fact in table.facts:
                by_line.setdefault(fact.location.line, []).append(
                    (fact.location.start or 0, fact.raw)
                )
    for number, spots in by_line.items():
        text = lines[number - 1]
        assert len(normalise(text)) == len(text), (
            "offsets in the normalised line are offsets in the raw line"
        )
        for start, raw in sorted(spots, reverse=True):
            assert re.match(re.escape(raw), text[start:]), (number, raw)
            text = text[:start] + rewrite(raw) + text[start + len(raw) :]
        lines[number - 1] = text
    return SourceText(document.source.name, document.source.encoding, tuple(lines))


def finding_keys(document: Document) -> list[tuple[str, str, str]]:
    return sorted((f.rule, f.severity, f.message) for f in audit_document(document, RULES).found)


@pytest.mark.parametrize("style", ["separators", "full-width"])
@pytest.mark.parametrize("name", DOCUMENTS)
def test_reformatted_numbers_give_the_same_findings(name: str, style: str) -> None:
    original = corpus_document(name)
    rewritten = parse(rewrite_all(original, style))
    assert len(rewritten.all_facts) == len(original.all_facts)
    assert finding_keys(rewritten) == finding_keys(original)
