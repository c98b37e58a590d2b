"""A filled 部门决算 (the national 决算 set, in a workbook): read in full, clean when consistent,
and each 决算 identity caught, citing its cells, when one figure is changed.

The workbook and the arithmetic behind each of its figures are in
:mod:`tests.final_accounts_workbook`; the expected figures below restate
that arithmetic. Cells: each table sheet has its title in row 1, its caption
in row 2 and its header from row 3 (the 收入支出决算总表 one row lower, under
the part heading).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import budget_audit as ba
from budget_audit.findings import Evidence, Finding
from tests.final_accounts_workbook import NARRATIVE, build, build_fund_table


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("final") / "决算.xlsx")


@pytest.fixture(scope="module")
def document(workbook: Path) -> ba.Document:
    return ba.load(workbook)


def _errors(path: Path) -> list[Finding]:
    return [f for f in ba.audit(path).every_finding if f.severity in ("error", "warning")]


def _cells(finding: Finding) -> list[str | None]:
    return [e.cell for e in finding.evidence]


def _cell_of(document: ba.Document, table: str, column: str, *, code: str | None = None,
             name: str | None = None, side: str | None = None) -> tuple[Decimal, str | None]:  # fmt: skip
    """The value and cited cell of one fact, by row code or row name (and side)."""
    [fact] = [
        f
        for t in document.tables_of(table)
        for f in t.facts
        if f.column == column
        and (code is None or f.code == code)
        and (name is None or f.name == name)
        and (side is None or f.section == side)
    ]
    return fact.value, Evidence.of(fact, document.source).cell


def test_the_consistent_document_is_clean(workbook: Path) -> None:
    result = ba.audit(workbook)
    assert [f.message for f in result.found if f.severity in ("error", "warning")] == []
    assert result.claims["contradicted"] == 0


def test_every_table_number_is_read(document: ba.Document) -> None:
    kinds = [t.kind.name for t in document.tables]
    assert kinds == [
        "收支总表", "收入总表", "支出总表", "财政拨款收支总表", "一般公共预算支出表",
        "一般公共预算基本支出表", "三公经费支出表", "政府性基金预算支出表", "国有资本经营预算支出表",
    ]  # fmt: skip
    assert document.kind.stage == "决算"
    coverage = document.coverage
    assert coverage.not_understood == [] and coverage.ambiguous == []
    # facts: 收支总表 6 income + 7 spending = 13; 收入决算表 4 rows × 3 + 7 rows × 2 = 26;
    # 支出决算表 3 × 3 + 8 × 2 = 25; 财政拨款总表 5 income + 6 rows × 2 spending = 17;
    # 一般公共预算表 3 × 3 + 8 × 2 = 25; 基本支出表 15 codes + 2 合计 rows = 17; 三公 12.
    assert [len(t.facts) for t in document.tables] == [13, 26, 25, 17, 25, 17, 12, 0, 0]
    # identifiers: the codes, 10 + 10 + 10 functional and 7 + 8 economic
    assert coverage.facts == 135 and coverage.identifiers == 45
    assert coverage.ratio == 1.0


def test_summary_rows_are_read_on_their_side(document: ba.Document) -> None:
    # 年末结转和结余 (right-hand label column) is the spending side though its label names no 支出
    assert _cell_of(document, "收支总表", "预算数", name="年末结转和结余") == (
        Decimal("20.00"), "收入支出决算总表!D32",
    )  # fmt: skip
    assert _cell_of(document, "收支总表", "预算数", name="年初结转和结余") == (
        Decimal("50.00"), "收入支出决算总表!B32",
    )  # fmt: skip
    total = _cell_of(document, "收支总表", "预算数", name="总计", side="支出")
    assert total == (Decimal("920.00"), "收入支出决算总表!D33")
    # the 财政拨款 总表's fund column beside the 合计: 本年支出合计 860.00 | 一般公共预算 860.00
    assert _cell_of(document, "财政拨款收支总表", "一般公共预算", name="本年支出合计") == (
        Decimal("860.00"),
        "财政拨款收入支出决算总表!E29",
    )


def test_grid_cells_are_read_in_their_columns(document: ba.Document) -> None:
    assert _cell_of(document, "收入总表", "其他收入", code="2011301") == (
        Decimal("30.00"), "收入决算表!I8",
    )  # fmt: skip
    assert _cell_of(document, "支出总表", "项目支出", code="2011308") == (
        Decimal("300.00"), "支出决算表!E9",
    )  # fmt: skip
    # the 基本支出表's right half: 30212 因公出国(境)费用 in column F
    assert _cell_of(document, "一般公共预算基本支出表", "合计", code="30212") == (
        Decimal("10.00"), "基本支出决算表!F7",
    )  # fmt: skip


def test_three_public_budget_and_outturn_are_different_columns(document: ba.Document) -> None:
    [table] = document.tables_of("三公经费支出表")
    figures = {f.column: (f.value, Evidence.of(f, document.source).cell) for f in table.facts}
    assert figures["合计(预算数)"] == (Decimal("40.00"), "三公经费!A7")
    assert figures["合计"] == (Decimal("30.00"), "三公经费!B7")  # the 决算数
    assert figures["公务用车运行费(预算数)"] == (Decimal("20.00"), "三公经费!I7")
    assert figures["公务用车运行费"] == (Decimal("15.00"), "三公经费!J7")
    # 40 = 12 + 20 + 8 and 30 = 10 + 15 + 5: one identity per group
    totals = {(i.total, i.parts[0]) for i in table.identities}
    assert ("合计", "因公出国(境)费") in totals
    assert ("合计(预算数)", "因公出国(境)费(预算数)") in totals


@pytest.mark.parametrize(
    ("change", "rule", "cells"),
    [
        # 年末结转和结余 20 → 25: 总计 920 ≠ 900 + 0 + 25 = 925 (the 本年 pair is not compared:
        # 870 ≠ 900 in a 决算, by the carry-over)
        ((("收入支出决算总表", "D32"), "25.00"), "BA201", "收入支出决算总表!D32"),
        # 年初结转和结余 50 → 55: 总计 920 ≠ 870 + 0 + 55 = 925
        ((("收入支出决算总表", "B32"), "55.00"), "BA201", "收入支出决算总表!B32"),
        # 一般公共预算 column of 本年支出合计 860 → 861: its items 760 + 60 + 40 = 860 (BA201),
        # its row's 合计 860 ≠ 861 + 0 + 0 (BA602), 总计 870 ≠ 861 + 10 (BA201)
        ((("财政拨款收入支出决算总表", "E29"), "861.00"), "BA201", "财政拨款收入支出决算总表!E29"),
        # 一般公共服务支出 一般公共预算 760 → 750: 合计 760 ≠ 750 + 0 + 0 (BA602, its row) and
        # 本年支出合计 一般公共预算 860 ≠ 750 + 60 + 40 = 850 (BA201, its column)
        ((("财政拨款收入支出决算总表", "E5"), "750.00"), "BA602", "财政拨款收入支出决算总表!E5"),
        # 因公出国(境)费 预算数 12 → 13: 合计(预算数) 40 ≠ 13 + 20 + 8 = 41
        ((("三公经费", "C7"), "13.00"), "BA102", "三公经费!C7"),
        # 公务接待费 决算数 5 → 6: 合计 30 ≠ 10 + 15 + 6 = 31
        ((("三公经费", "L7"), "6.00"), "BA102", "三公经费!L7"),
        # 人员经费合计 470 → 471: 301 工资福利支出 410 + 303 对个人和家庭的补助 60 = 470
        ((("基本支出决算表", "C12"), "471.00"), "BA604", "基本支出决算表!C12"),
        # 公用经费合计 90 → 91: 302 商品和服务支出 80 + 310 资本性支出 10 = 90
        ((("基本支出决算表", "F12"), "91.00"), "BA604", "基本支出决算表!F12"),
    ],
)
def test_a_changed_figure_is_an_error_citing_its_cell(
    tmp_path: Path, change: tuple[tuple[str, str], str], rule: str, cells: str
) -> None:
    where, value = change
    found = _errors(build(tmp_path / "决算.xlsx", {where: Decimal(value)}))
    assert rule in {f.rule for f in found}
    # one finding per identity the cell stands in, each citing it: an item's row and column;
    # a 本年支出合计 cell also the 总计 = 本年 + 年末结转 below it
    assert all(f.severity == "error" and cells in _cells(f) for f in found)
    assert len(found) <= 3


def test_income_totals_are_compared_with_each_other_not_with_spending(tmp_path: Path) -> None:
    # 收入决算表 合计 row: 870 → 880 in 本年收入合计 (C5) and 财政拨款收入 (D5) together, so the
    # row still adds up (880 = 850 + 30) and only the 总表's 本年收入合计 870 disagrees;
    # the children 770 + 60 + 40 = 870 ≠ 880 (BA101) and BA601: 870 vs 880.
    changes = {("收入决算表", "C5"): Decimal("880.00"), ("收入决算表", "D5"): Decimal("850.00")}
    found = _errors(build(tmp_path / "决算.xlsx", changes))
    rules = sorted(f.rule for f in found)
    assert "BA601" in rules and "BA301" not in rules
    [cross] = [f for f in found if f.rule == "BA601"]
    assert cross.stated == Decimal("870") and cross.expected == Decimal("880")
    assert "收入支出决算总表!B30" in _cells(cross) and "收入决算表!C5" in _cells(cross)


@pytest.mark.parametrize(
    ("old", "new", "stated", "table", "cell"),
    [
        # “三公” 年初预算 40 → 42: the table's 预算数 合计 is 40.00 (A7)
        ("年初预算为40.00万元，支出决算为30.00万元", "年初预算为42.00万元，支出决算为30.00万元",
         Decimal("42.00"), Decimal("40.00"), "三公经费!A7"),
        # 招商引资 决算 300 → 310: the 一般公共预算表's 2011308 row is 300.00 (C8)
        ("年初预算为250.00万元，支出决算为300.00万元", "年初预算为250.00万元，支出决算为310.00万元",
         Decimal("310.00"), Decimal("300.00"), "一般公共预算财政拨款支出决算表!C8"),
    ],
)  # fmt: skip
def test_outturn_sentences_are_held_to_the_tables(
    tmp_path: Path, old: str, new: str, stated: Decimal, table: Decimal, cell: str
) -> None:
    assert old in NARRATIVE
    found = _errors(build(tmp_path / "决算.xlsx", narrative=NARRATIVE.replace(old, new)))
    [finding] = [f for f in found if f.rule == "BA603"]
    assert finding.stated == stated and finding.expected == table
    assert cell in _cells(finding)


def test_the_outturn_sentence_budget_is_not_compared_with_an_outturn(tmp_path: Path) -> None:
    # 行政运行: 年初预算 450, 决算 460; no table prints its 年初预算, so 450 ≠ 460 is no finding
    # (and a 年初预算 of 455 is not checked either).
    narrative = NARRATIVE.replace("年初预算为450.00万元", "年初预算为455.00万元")
    assert narrative != NARRATIVE
    assert not [f for f in _errors(build(tmp_path / "决算.xlsx", narrative=narrative))]


@pytest.mark.parametrize(
    ("old", "new", "cell"),
    [
        # 收入支出总计 is the 总表's 总计 (920 = 50 + 870 = 900 + 20), B33
        ("收入支出总计920.00万元", "收入支出总计930.00万元", "收入支出决算总表!B33"),
        # 财政拨款收入支出总计 is the 财政拨款 总表's 总计 (870 = 30 + 840 = 860 + 10), B34
        ("财政拨款收入支出总计870.00万元", "财政拨款收入支出总计880.00万元",
         "财政拨款收入支出决算总表!B34"),
        # 本年收入合计 is the income side's 本年 total 870 (B30), not the spending 900
        ("本年收入合计870.00万元", "本年收入合计880.00万元", "收入支出决算总表!B30"),
    ],
)  # fmt: skip
def test_narrative_totals_are_the_summary_tables_totals(
    tmp_path: Path, old: str, new: str, cell: str
) -> None:
    assert old in NARRATIVE
    narrative = NARRATIVE.replace(old, new, 1)
    found = _errors(build(tmp_path / "决算.xlsx", narrative=narrative))
    [amount] = [f for f in found if f.rule == "BA701"]
    assert cell in _cells(amount)


def test_a_filled_fund_table_is_read_by_its_two_header_rows(tmp_path: Path) -> None:
    path = build_fund_table(tmp_path / "基金.xlsx")
    document = ba.load(path)
    [table] = document.tables_of("政府性基金预算支出表")
    assert document.coverage.not_understood == []
    row = next(r for r in table.rows if r.code == "2120899")
    assert {c: str(f.value) for c, f in row.cells.items()} == {
        "年初结转和结余": "10.00", "本年收入": "50.00", "合计": "55.00", "项目支出": "55.00",
        "年末结转和结余": "5.00",
    }  # fmt: skip
    assert Evidence.of(row.cells["年末结转和结余"], document.source).cell == "政府性基金!H8"
    assert _errors(path) == []


def test_a_fund_rows_flow_must_balance(tmp_path: Path) -> None:
    # 2120899: 年末 5 → 6: 10 + 50 = 60 ≠ 55 + 6 = 61 (and 21208 above it says 5, BA101)
    found = _errors(build_fund_table(tmp_path / "基金.xlsx", {"H8": Decimal("6.00")}))
    [flow] = [f for f in found if f.rule == "BA605"]
    assert flow.stated == Decimal("61") and flow.expected == Decimal("60")
    assert all("政府性基金!H8" in _cells(f) for f in found)


def test_a_three_public_items_rate_is_held_to_the_tables_budget(tmp_path: Path) -> None:
    # "因公出国（境）费决算为10.00万元，完成预算的83.33%": no budget in the sentence, so the
    # rate is 10.00 ÷ the table's 预算数 12.00 (C7) = 83.33%; printed 88.33% is an error.
    old, new = "完成预算的83.33%", "完成预算的88.33%"
    assert old in NARRATIVE
    found = _errors(build(tmp_path / "决算.xlsx", narrative=NARRATIVE.replace(old, new)))
    [rate] = found
    assert rate.rule == "BA603"
    assert rate.stated == Decimal("88.33") and rate.expected == Decimal("83.33")
    assert "三公经费!C7" in _cells(rate)


def test_a_summary_consistent_in_itself_is_compared_with_the_spending_table(
    tmp_path: Path,
) -> None:
    # 总表 spending 一般公共服务支出 800 → 801, 本年支出合计 900 → 901, 总计 920 → 921 (901 + 0 + 20),
    # and on the left 使用非财政拨款结余 0 → 1, 总计 921 (870 + 1 + 50): the 总表 adds up (the
    # 使用非财政拨款结余 counts towards 总计), but the 支出决算表 says 800 and 900.
    changes = {
        ("收入支出决算总表", "D6"): Decimal("801.00"),
        ("收入支出决算总表", "D30"): Decimal("901.00"),
        ("收入支出决算总表", "D33"): Decimal("921.00"),
        ("收入支出决算总表", "B31"): Decimal("1.00"),
        ("收入支出决算总表", "B33"): Decimal("921.00"),
    }
    found = _errors(build(tmp_path / "决算.xlsx", changes))
    tables = sorted((f.rule, tuple(_cells(f))) for f in found if f.rule.startswith("BA3"))
    assert tables == [
        ("BA301", ("收入支出决算总表!D30", "支出决算表!C5")),
        ("BA302", ("收入支出决算总表!D6", "支出决算表!C6")),
    ]
    # the narrative's 920 and 900 now disagree with the 总表 (BA701), nothing else
    assert sorted(f.rule for f in found) == ["BA301", "BA302", "BA701", "BA701"]
