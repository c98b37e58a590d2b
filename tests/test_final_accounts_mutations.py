"""Sensitivity on the filled 决算 workbook: one more in the ones place of any table figure, and
an error must cite that figure's cell.

As tests/test_mutations.py does for the text corpus, but over every figure
of the 决算 set (135: coded rows, the two-column summaries, the “三公” row and
the 基本支出表's 人员经费合计 / 公用经费合计), each cited by its sheet and cell.
The workbook is rendered once; each mutation edits one rendered line in place
(the bumped figure keeps its width, so every other figure keeps its cell) and
re-audits, which takes a few seconds for all of them.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import budget_audit as ba
from budget_audit.audit import audit_document
from budget_audit.document import parse
from budget_audit.engine import builtin_rules
from budget_audit.facts import Fact
from budget_audit.findings import Evidence
from tests.final_accounts_workbook import build
from tests.test_mutations import bump_ones_place

RULES = builtin_rules()


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> ba.Document:
    return ba.load(build(tmp_path_factory.mktemp("final") / "决算.xlsx"))


def _bumped(document: ba.Document, fact: Fact) -> ba.Document:
    lines = list(document.source.lines)
    line, start = lines[fact.location.line - 1], fact.location.start or 0
    assert line[start : start + len(fact.raw)] == fact.raw
    bumped = bump_ones_place(fact.raw)
    assert len(bumped) == len(fact.raw)  # no figure of the workbook carries over a digit
    lines[fact.location.line - 1] = line[:start] + bumped + line[start + len(fact.raw) :]
    return parse(dataclasses.replace(document.source, lines=tuple(lines)))


def test_every_figure_is_guarded_by_an_error_citing_its_cell(document: ba.Document) -> None:
    facts = [f for table in document.tables for f in table.facts]
    assert len(facts) == 135  # as counted in test_final_accounts
    missed = []
    for fact in facts:
        where = Evidence.of(fact, document.source).cell
        errors = [
            f for f in audit_document(_bumped(document, fact), RULES).found if f.severity == "error"
        ]
        if not any(where in {e.cell for e in f.evidence} for f in errors):
            missed.append(f"{where} {fact.table} {fact.code or fact.name} {fact.column} {fact.raw}")
    assert not missed, f"{len(missed)} of {len(facts)} went unnoticed:\n" + "\n".join(missed)


def test_the_bump_keeps_the_cell(document: ba.Document, tmp_path: Path) -> None:
    # the in-place edit is the workbook's edit: 2011301 行政运行 支出 500.00 (支出决算表!C8)
    [fact] = [
        f
        for t in document.tables_of("支出总表")
        for f in t.facts
        if f.code == "2011301" and f.column == "合计"
    ]
    assert Evidence.of(fact, document.source).cell == "支出决算表!C8"
    mutated = _bumped(document, fact)
    [again] = [
        f
        for t in mutated.tables_of("支出总表")
        for f in t.facts
        if f.code == "2011301" and f.column == "合计"
    ]
    assert again.raw == "501.00" and Evidence.of(again, mutated.source).cell == "支出决算表!C8"
