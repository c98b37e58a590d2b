"""Cross-table rules compare two figures only when they are sure to be the same thing.

An economic code means different items under different schemes (30212 is
因公出国 in one, 机关事业单位退休人员活动费 in another; 住房公积金 was 30311
before it was 30113), a table may lack the rows a pair needs, and what a rule
could not compare is said once per cause.
"""

from __future__ import annotations

from budget_audit import Document, parse
from budget_audit.audit import audit_document
from budget_audit.engine import builtin_rules
from budget_audit.source import decode

HEAD = "第一部分 示例中心概况\n第二部分 示例中心 2026 年部门预算表\n"
TAIL = "第三部分 示例中心 2026 年部门预算情况说明\n"


def document(tables: str) -> Document:
    return parse(decode((HEAD + tables + TAIL).encode(), "示例.txt"))


def run(rule_id: str, tables: str) -> tuple[list[str], list[str]]:
    """The rule's errors and warnings, and its not-checked lines."""
    rules = [r for r in builtin_rules() if r.id == rule_id]
    audit = audit_document(document(tables), rules)
    found = [f.message for f in audit.found if f.severity != "info"]
    return found, [line for line in audit.not_checked if line.startswith(rule_id)]


def basic_and_three_public(economic_row: str, abroad: str) -> str:
    return f"""表 6.一般公共预算基本支出表
单位：万元
科目编码 科目名称 合计 人员经费 公用经费
合计 0.70 0.00 0.70
302 商品和服务支出 0.70 0.00 0.70
{economic_row}
表 7.一般公共预算“三公”经费支出表
单位：万元
“三公”经费合计 因公出国（境）费 公务用车购置及运行费 公务用车购置费 公务用车运行费 公务接待费
{abroad} {abroad} 0.00 0.00 0.00 0.00
"""


def test_an_economic_code_of_another_item_is_not_compared_with_the_three_public_column() -> None:
    found, skipped = run(
        "BA305", basic_and_three_public("30212 机关事业单位退休人员活动费 0.70 0.00 0.70", "0.00")
    )
    assert found == []
    assert len(skipped) == 1 and "机关事业单位退休人员活动费" in skipped[0]


def test_the_item_named_so_is_compared() -> None:
    # 30212 因公出国（境）费用 0.70 is part of 三公 因公出国（境）费, printed 0.00: 0.70 > 0.
    found, _ = run(
        "BA305", basic_and_three_public("30212 因公出国（境）费用 0.70 0.00 0.70", "0.00")
    )
    assert len(found) == 1 and "因公出国(境)费" in found[0]
    found, _ = run(
        "BA305", basic_and_three_public("30212 因公出国（境）费用 0.70 0.00 0.70", "0.70")
    )
    assert found == []


def pair_tables(economic_rows: str, functional_rows: str) -> str:
    return f"""表 5.一般公共预算支出表
单位：万元
科目编码 科目名称 合计 基本支出 人员经费 公用经费 项目支出
{functional_rows}
表 6.一般公共预算基本支出表
单位：万元
科目编码 科目名称 合计 人员经费 公用经费
{economic_rows}
"""


def test_a_pair_is_not_compared_when_a_table_lacks_its_rows() -> None:
    # The functional side prints 事业单位医疗 under a malformed code (71102), not 2101101/2101102.
    tables = pair_tables(
        "301 工资福利支出 50.37 50.37 0.00\n30110 职工基本医疗保险缴费 50.37 50.37 0.00",
        "210 卫生健康支出 50.37 50.37 50.37 0.00 0.00\n71102 事业单位医疗 50.37 50.37 50.37 0.00 0.00",
    )
    found, skipped = run("BA304", tables)
    assert found == []
    assert len(skipped) == 1 and "一般公共预算支出表中没有相应的行" in skipped[0]


def test_a_pair_with_both_rows_is_compared() -> None:
    rows = "301 工资福利支出 50.37 50.37 0.00\n30110 职工基本医疗保险缴费 50.37 50.37 0.00"
    functional = (
        "210 卫生健康支出 {0} {0} {0} 0.00 0.00\n2101102 事业单位医疗 {0} {0} {0} 0.00 0.00"
    )
    assert run("BA304", pair_tables(rows, functional.format("50.37")))[0] == []
    # 50.37 against 40.00: a gap of 10.37 that rounding cannot explain.
    assert len(run("BA304", pair_tables(rows, functional.format("40.00")))[0]) == 1


def test_the_pair_item_is_found_by_name_under_an_older_code() -> None:
    # Before 2018 住房公积金 was 30311 under 303; 30113 was no such row.
    functional = "221 住房保障支出 {0} {0} {0} 0.00 0.00\n2210201 住房公积金 {0} {0} {0} 0.00 0.00"
    rows = "303 对个人和家庭的补助 784.22 784.22 0.00\n30311 住房公积金 784.22 784.22 0.00"
    assert run("BA303", pair_tables(rows, functional.format("784.22")))[0] == []
    # 784.22 against 700.00 is a mismatch of the same item.
    assert len(run("BA303", pair_tables(rows, functional.format("700.00")))[0]) == 1


def test_one_not_checked_line_per_cause() -> None:
    # 事业收入 makes the 一般公共预算 tables legitimately smaller than the 支出总表: every
    # 科目 and column of BA302 is skipped for that one reason, said once.
    tables = """表 1.收支总表
单位：万元
项 目 预算数 项 目 预算数
一、一般公共预算拨款收入 950.00 一、社会保障和就业支出 1200.00
二、事业收入 250.00
收 入 总 计 1200.00 支 出 总 计 1200.00
表 3.支出总表
单位：万元
科目编码 科目名称 合计 基本支出 项目支出 事业单位经营支出 上缴上级支出 对附属单位补助支出
合计 1200.00 950.00 250.00 0.00 0.00 0.00
208 社会保障和就业支出 1200.00 950.00 250.00 0.00 0.00 0.00
20810 社会福利 1200.00 950.00 250.00 0.00 0.00 0.00
2081005 社会福利事业单位 1200.00 950.00 250.00 0.00 0.00 0.00
表 5.一般公共预算支出表
单位：万元
科目编码 科目名称 合计 基本支出 人员经费 公用经费 项目支出
合计 950.00 950.00 900.00 50.00 0.00
208 社会保障和就业支出 950.00 950.00 900.00 50.00 0.00
20810 社会福利 950.00 950.00 900.00 50.00 0.00
2081005 社会福利事业单位 950.00 950.00 900.00 50.00 0.00
"""
    found, skipped = run("BA302", tables)
    assert found == []
    funding = [line for line in skipped if "一般公共预算拨款收入不等于收入总计" in line]
    assert len(funding) == 1
    assert "项未比较" in funding[0]


def test_a_three_public_table_whose_row_was_not_read_is_not_zero() -> None:
    # The 三公 table's title and header are there but its figures row is not: nothing is
    # compared with it (an empty table says 0 only under a note that the body has none).
    tables = basic_and_three_public("30217 公务接待费 0.70 0.00 0.70", "0.00")
    tables = tables[: tables.rindex("0.00 0.00 0.00 0.00 0.00 0.00")]
    found, skipped = run("BA305", tables)
    assert found == []
    assert any("读不出" in line for line in skipped)
