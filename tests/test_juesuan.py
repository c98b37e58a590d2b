"""The national 决算 template: its tables are read by their headers and held to their sums.

The template prints no figures (XX), so the tests write figures into its
rendered rows, as a department filling it in would.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

import pytest

import budget_audit as ba
from budget_audit.audit import audit_document
from budget_audit.document import Document, parse
from budget_audit.engine import builtin_rules

TEMPLATE = (
    Path(__file__).resolve().parents[2] / "shared" / "corpus-pdf" / "juesuan-template-2024.pdf"
)
pytestmark = pytest.mark.skipif(not TEMPLATE.exists(), reason="../shared/corpus-pdf is not present")


def _filled(rows: dict[str, str]) -> Document:
    """The template with the 收入决算表 rows whose code is a key given those figure cells."""
    template = ba.load(TEMPLATE)
    table = template.tables_of("收入总表")[0]
    lines = list(template.source.lines)
    for number in range(table.first_line, table.last_line + 1):
        cells = lines[number - 1].split("\t")
        if cells[0] in rows:
            lines[number - 1] = "\t".join(cells[:2] + rows[cells[0]].split())
    return parse(dataclasses.replace(template.source, lines=tuple(lines)))


# 本年收入合计 | 财政拨款收入 | 上级补助收入 | 事业收入 | 经营收入 | 附属单位上缴收入 | 其他收入
CONSISTENT = "100.00 60.00 10.00 10.00 10.00 5.00 5.00"  # 60+10+10+10+5+5 = 100
WRONG = "100.00 60.00 10.00 10.00 10.00 5.00 4.00"  # the sources add up to 99.00


def test_the_income_table_is_read_by_its_six_sources() -> None:
    table = _filled({"2050205": CONSISTENT}).tables_of("收入总表")[0]
    assert table.printed is not None
    cells = {f.column: f.value for f in table.facts if f.code == "2050205"}
    assert cells == {
        "合计": Decimal("100.00"),
        "财政拨款收入": Decimal("60.00"),
        "上级补助收入": Decimal("10.00"),
        "事业收入": Decimal("10.00"),
        "事业单位经营收入": Decimal("10.00"),
        "附属单位上缴收入": Decimal("5.00"),
        "其他收入": Decimal("5.00"),
    }
    # Shanghai's four-source sum does not apply where six sources are printed.
    assert [(i.total, len(i.parts)) for i in table.identities] == [("合计", 6)]


def test_sources_that_do_not_add_up_to_the_total_are_an_error() -> None:
    rules = builtin_rules()
    assert not [
        f
        for f in audit_document(_filled({"2050205": CONSISTENT}), rules).found
        if f.rule == "BA102"
    ]
    wrong = [
        f for f in audit_document(_filled({"2050205": WRONG}), rules).found if f.rule == "BA102"
    ]
    assert len(wrong) == 1 and wrong[0].severity == "error"
    assert wrong[0].stated == Decimal("100.00") and wrong[0].expected == Decimal("99.00")
