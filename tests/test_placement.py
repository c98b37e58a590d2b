"""Column placement of space-separated rows whose empty cells were dropped (small made-up tables)."""

from __future__ import annotations

from decimal import Decimal

from budget_audit import parse
from budget_audit.audit import audit_document
from budget_audit.engine import builtin_rules
from budget_audit.source import decode

D = Decimal


def document(body: str) -> str:
    return (
        f"第一部分 测试中心概况\n\n第二部分 测试中心 2026 年部门预算表\n{body}\n第三部分 情况说明\n"
    )


BASIC = """
表 6.一般公共预算基本支出表
单位：万元
科目编码 科目名称 合计 人员经费 公用经费
合计 {total} {people} {public}
301 工资福利支出 {people} {people}
30101 基本工资 {people} {people}
302 商品和服务支出 {public} {public}
30201 办公费 {office} {office}
30299 其他商品和服务支出 {other} {other}
"""


def basic_table(**figures: str) -> dict[str, list[object]]:
    source = decode(document(BASIC.format(**figures)).encode(), "t.txt")
    frame = parse(source).table("一般公共预算基本支出表")
    return {str(r["name"]): [r["合计"], r["人员经费"], r["公用经费"]] for _, r in frame.iterrows()}


def test_same_shape_rows_land_in_different_columns_by_the_sums() -> None:
    rows = basic_table(total="30.00", people="20.00", public="10.00", office="4.00", other="6.00")
    assert rows["工资福利支出"] == [D("20.00"), D("20.00"), None]
    assert rows["基本工资"] == [D("20.00"), D("20.00"), None]
    assert rows["商品和服务支出"] == [D("10.00"), None, D("10.00")]
    assert rows["办公费"] == [D("4.00"), None, D("4.00")]


def test_rows_that_no_sum_can_decide_are_reported_as_ambiguous() -> None:
    # 人员 and 公用 are equal: every child fits either column, and the sums cannot tell.
    source = decode(
        document(
            BASIC.format(total="20.00", people="10.00", public="10.00", office="5.00", other="5.00")
        ).encode(),
        "t.txt",
    )
    parsed = parse(source)
    assert parsed.coverage.ambiguous, "equal columns must be reported, not silently guessed"
    assert all("placements fit" in entry for entry in parsed.coverage.ambiguous)


def test_a_row_that_breaks_its_identity_is_placed_and_reported() -> None:
    # 合计 5.00 with one part 4.00 fits no placement: it is placed on the usual columns,
    # flagged in the coverage report, and the row identity rule reports it.
    body = "表 6.一般公共预算基本支出表\n单位：万元\n科目编码 科目名称 合计 人员经费 公用经费\n合计 5.00 4.00\n"
    parsed = parse(decode(document(body).encode(), "t.txt"))
    assert [f.placement for f in parsed.all_facts] == ["forced", "forced"]
    assert any("no placement keeps" in entry for entry in parsed.coverage.ambiguous)
    findings = audit_document(parsed, [r for r in builtin_rules() if r.id == "BA102"]).found
    assert [(f.rule, f.severity, f.line) for f in findings] == [("BA102", "error", 7)]
