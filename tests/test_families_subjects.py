"""BA715: 科目 paths of the 概况 and the 名词解释 against the document's functional tables."""

from __future__ import annotations

from budget_audit import parse
from budget_audit.engine import builtin_rules, run_rules
from budget_audit.findings import Finding
from budget_audit.source import decode

RULE = next(r for r in builtin_rules() if r.id == "BA715")

# 201 has one 款, 20103, with two 项; 210 has 21011 with 2101102 and 2101103.
TABLE = """第一部分 示例中心概况
{overview}
第二部分 示例中心 2026 年部门预算表
表 3.支出总表
单位：万元
科目编码 科目名称 合计 基本支出 项目支出 事业单位经营支出 上缴上级支出 对附属单位补助支出
合计 60.00 60.00 0.00 0.00 0.00 0.00
201 一般公共服务支出 30.00 30.00 0.00 0.00 0.00 0.00
20103 政府办公厅(室)及相关机构事务 30.00 30.00 0.00 0.00 0.00 0.00
2010350 事业运行 20.00 20.00 0.00 0.00 0.00 0.00
2010399 其他政府办公厅(室)及相关机构事务支出 10.00 10.00 0.00 0.00 0.00 0.00
210 卫生健康支出 30.00 30.00 0.00 0.00 0.00 0.00
21011 行政事业单位医疗 30.00 30.00 0.00 0.00 0.00 0.00
2101102 事业单位医疗 20.00 20.00 0.00 0.00 0.00 0.00
2101103 公务员医疗补助 10.00 10.00 0.00 0.00 0.00 0.00
第三部分 示例中心 2026 年部门预算情况说明
{narrative}
第四部分 名词解释
{glossary}
"""
GLOSSARY_LINE = 19  # the line {glossary} starts on (TABLE counted: 第四部分 is line 18)


def findings(glossary: str = "", overview: str = "", narrative: str = "") -> list[Finding]:
    text = TABLE.format(glossary=glossary, overview=overview, narrative=narrative)
    document = parse(decode(text.encode(), "example.txt"))
    found, _ = run_rules(document, [RULE])
    return found


def test_names_the_tables_print_raise_nothing() -> None:
    glossary = (
        "1.一般公共服务（类）政府办公厅及相关机构事务（款）事业运行、"
        "其他政府办公厅（室）及相关机构事务支出（项）。\n"
        "2.卫生健康支出 (类) 行政事业单位医疗 (款) 事业单位医疗、公务员医疗补助(项)。"
    )
    # 一般公共服务 lacks the 支出 and 政府办公厅 its (室): the same rows, as texts often write them
    assert findings(glossary) == []


def test_a_wrong_item_of_a_list_is_reported_at_its_own_line() -> None:
    glossary = "1.卫生健康支出(类)行政事业单位医疗(款)事业单位医疗、\n其他医疗保障支出(项)。"
    (finding,) = findings(glossary)
    assert finding.line == GLOSSARY_LINE + 1  # 其他医疗保障支出 stands on the second line
    assert "「其他医疗保障支出」" in finding.message
    assert "2101102 事业单位医疗、2101103 公务员医疗补助" in finding.message
    # the 款's row is cited beside the text: line 13 of TABLE is 21011
    assert [e.line for e in finding.evidence] == [GLOSSARY_LINE + 1, 13]


def test_a_wrong_kuan_is_one_finding_and_its_items_are_not_checked() -> None:
    # 宣传事务 is not a 款 of these tables: the 项 under it cannot be tied to rows
    glossary = "1、一般公共服务(类)宣传事务(款)事业运行、其他宣传事务支出(项)"
    (finding,) = findings(glossary)
    assert "款级科目「宣传事务」" in finding.message
    assert "20103 政府办公厅(室)及相关机构事务" in finding.message


def test_an_old_class_name_is_reported() -> None:
    glossary = "2、医疗卫生与计划生育支出(类)医疗保障(款)事业单位医疗(项)"
    (finding,) = findings(glossary)
    assert "类级科目「医疗卫生与计划生育支出」" in finding.message


def test_the_overview_is_read_too() -> None:
    overview = "本部门使用的科目：卫生健康支出(类)行政事业单位医疗(款)行政单位医疗(项)。"
    (finding,) = findings(overview=overview)
    assert finding.line == 2 and "概况所列" in finding.message


def test_the_narrative_is_left_to_ba710() -> None:
    narrative = "卫生健康支出(类)行政事业单位医疗(款)行政单位医疗(项)2026年预算为20万元。"
    assert findings(narrative=narrative) == []


def test_a_name_holding_a_list_mark_is_one_item() -> None:
    text = TABLE.replace("2010399 其他政府办公厅(室)及相关机构事务支出", "2010399 公诉、审判支出")
    glossary = "1.一般公共服务支出(类)政府办公厅(室)及相关机构事务(款)事业运行、公诉、审判支出(项)"
    document = parse(
        decode(text.format(glossary=glossary, overview="", narrative="").encode(), "example.txt")
    )
    assert run_rules(document, [RULE])[0] == []


def test_a_level_the_tables_do_not_detail_is_not_checked() -> None:
    # the tables stop at the 类 210: no 款 under it to hold a 医疗保障 or not
    text = "\n".join(line for line in TABLE.split("\n") if not line.startswith("21011"))
    glossary = "1.卫生健康支出(类)医疗保障(款)其他医疗保障支出(项)"
    document = parse(
        decode(text.format(glossary=glossary, overview="", narrative="").encode(), "example.txt")
    )
    found, not_checked = run_rules(document, [RULE])
    assert found == []
    assert any("医疗保障(款)" in line for line in not_checked)


def test_without_functional_tables_nothing_is_checked() -> None:
    text = (
        "第三部分 情况说明\n基本支出 20 万元。\n第四部分 名词解释\n1.卫生健康支出(类)医疗保障(款)\n"
    )
    found, not_checked = run_rules(parse(decode(text.encode(), "example.txt")), [RULE])
    assert found == [] and any("BA715" in line for line in not_checked)


def test_a_class_alone_is_a_general_term() -> None:
    # 教育支出(类) is no 类 of these tables, but a 类 on its own may be the glossary's general
    # term; with prose run into its name (主要用于…) the 类 of the tables still matches
    glossary = (
        "1.教育支出(类)：反映政府教育事务支出。\n2.主要用于卫生健康支出(类)行政事业单位医疗(款)。"
    )
    text = TABLE.format(glossary=glossary, overview="", narrative="")
    found, not_checked = run_rules(parse(decode(text.encode(), "example.txt")), [RULE])
    assert found == []
    assert any("教育支出(类)" in line for line in not_checked)
