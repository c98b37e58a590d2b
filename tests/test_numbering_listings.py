"""The contents page against the list of table titles (BA904): a table in one and not the other."""

from __future__ import annotations

from budget_audit import parse
from budget_audit.engine import builtin_rules, run_rules
from budget_audit.findings import Finding
from budget_audit.source import decode
from tests.conftest import corpus_document

BA904 = next(rule for rule in builtin_rules() if rule.id == "BA904")

_TABLES = """表 1.一般公共预算支出表
单位：万元
科目编码 科目名称 合计 基本支出 人员经费 公用经费 项目支出
合计 8.00 8.00 8.00 0.00 0.00
2080505 机关事业单位基本养老保险缴费支出 8.00 8.00 8.00 0.00 0.00
表 2.一般公共预算基本支出表
单位：万元
科目编码 科目名称 合计 人员经费 公用经费
合计 8.00 8.00 0.00
30108 机关事业单位基本养老保险缴费 8.00 8.00 0.00
表 3.项目支出表
单位：万元
项目编码 项目名称 合计 一般公共预算 政府性基金预算 国有资本经营预算 结转一般 结转基金 结转国资 财政专户 单位资金
合计 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00
"""
_TITLES = "表 1.一般公共预算支出表\n表 2.一般公共预算基本支出表\n表 3.项目支出表\n"


def _listing_findings(contents: str, titles: str = _TITLES) -> list[Finding]:
    text = (
        f"第二部分 示例中心 2026 年部门预算表\n{contents}第一部分 示例中心概况\n"
        f"第二部分 示例中心 2026 年部门预算表\n{titles}{_TABLES}"
        "第三部分 示例中心 2026 年部门预算情况说明\n"
    )
    found, _ = run_rules(parse(decode(text.encode(), "x.txt")), [BA904])
    return _listings(found)


def _listings(found: list[Finding]) -> list[Finding]:
    return [
        f for f in found if f.template is not None and f.template.id == "numbering.listings_differ"
    ]


def test_a_table_the_contents_page_lacks_is_found_citing_both() -> None:
    found = _listing_findings("一、一般公共预算支出表\n二、一般公共预算基本支出表\n")
    assert len(found) == 1
    assert "表 3「项目支出表」目录未列" in found[0].message
    assert [e.line for e in found[0].evidence] == [2, 3, 8]


def test_the_same_tables_in_both_listings_raise_nothing() -> None:
    contents = "一、一般公共预算支出表\n二、一般公共预算基本支出表\n三、项目支出表\n"
    assert _listing_findings(contents) == []


def test_no_list_of_titles_nothing_to_compare() -> None:
    assert (
        _listing_findings("一、一般公共预算支出表\n二、一般公共预算基本支出表\n", titles="") == []
    )


def test_jiangxia_contents_page_omits_tables_13_and_14() -> None:
    # Contents (lines 21-32) stop at 十二、项目支出绩效目标表; the list of titles has 表 13
    # 政府购买服务预算表 (line 132) and 表 14 政府采购预算表 (line 134), both printed in the body.
    document = corpus_document("jiangxia-2026")
    found = _listings(run_rules(document, [BA904])[0])
    assert len(found) == 1
    assert [e.line for e in found[0].evidence] == [21, 32, 132, 134]
    assert "政府购买服务预算表" in found[0].message and "政府采购预算表" in found[0].message
    assert "整体支出绩效目标表" not in found[0].message  # BA905 says it (表 10 → 表 12-1)
