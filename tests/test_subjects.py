"""Narrative subjects resolve only to figures of the money they speak of.

The document below is a unit with 事业收入: 1212.12 万元 in all, of which
950.12 万元 财政拨款 (all 一般公共预算). Its 支出总表 row 2081005 covers every
source (1212.12), its 一般公共预算支出表 row only the 财政拨款 (950.12). Each
test changes one narrative figure and says which table it must be held to.
"""

from __future__ import annotations

import pytest

import budget_audit.checks  # noqa: F401  (claims.subjects is first imported through the checks)
from budget_audit import Document, parse
from budget_audit.audit import audit_document
from budget_audit.claims.model import AmountClaim
from budget_audit.claims.subjects import resolve
from budget_audit.engine import builtin_rules
from budget_audit.source import decode

TABLES = """第一部分 示例福利院概况
第二部分 示例福利院 2026 年部门预算表
表 1.收支总表
单位：万元
项目\t预算数\t项目\t预算数
一、财政拨款收入\t950.12\t一、社会保障和就业支出\t1212.12
1、一般公共预算资金\t950.12
二、事业收入\t262.00
收入总计\t1212.12\t支出总计\t1212.12
表 3.支出总表
单位：万元
科目编码\t科目名称\t合计\t基本支出\t项目支出
合计\t\t1212.12\t950.12\t262.00
208\t社会保障和就业支出\t1212.12\t950.12\t262.00
20810\t社会福利\t1212.12\t950.12\t262.00
2081005\t社会福利事业单位\t1212.12\t950.12\t262.00
表 4.财政拨款收支总表
单位：万元
项目\t预算数\t项目\t预算数
一、一般公共预算资金\t950.12\t一、社会保障和就业支出\t950.12
收入总计\t950.12\t支出总计\t950.12
表 5.一般公共预算支出表
单位：万元
科目编码\t科目名称\t合计\t基本支出\t项目支出
合计\t\t950.12\t950.12\t
208\t社会保障和就业支出\t950.12\t950.12\t
20810\t社会福利\t950.12\t950.12\t
2081005\t社会福利事业单位\t950.12\t950.12\t
第三部分 示例福利院 2026 年部门预算情况说明
"""
OPENING = (
    "2026年，示例福利院支出预算1212.12万元，其中：财政拨款支出预算{fiscal}万元。"
    "财政拨款支出预算中，一般公共预算拨款支出预算950.12万元；政府性基金拨款支出预算0万元。\n"
)
INTRO = "财政拨款支出主要内容如下：\n"
ITEM = "1.“社会保障和就业支出(类)社会福利(款)社会福利事业单位(项)”{item}万元，主要用于人员经费。\n"
AMOUNT_RULES = [r for r in builtin_rules() if r.id == "BA701"]


def document(fiscal: str = "950.12", item: str = "950.12", intro: str = INTRO) -> Document:
    text = TABLES + OPENING.format(fiscal=fiscal) + intro + ITEM.format(item=item)
    return parse(decode(text.encode(), "示例.txt"))


def claim(doc: Document, start: str) -> AmountClaim:
    return next(c for c in doc.claims.amounts if start in c.subject)


def errors(doc: Document) -> list[int]:
    return [f.line for f in audit_document(doc, AMOUNT_RULES).found if f.severity == "error"]


def test_the_document_as_printed_agrees_with_its_tables() -> None:
    doc = document()
    assert errors(doc) == []
    assert claim(doc, "财政拨款支出预算").status == "verified"
    assert claim(doc, "社会保障和就业支出(类)").status == "verified"


def test_a_fiscal_figure_is_held_to_the_fiscal_table_not_to_the_total() -> None:
    # 1212.12 is the 支出总计 of all funds; the 财政拨款 are 950.12 (财政拨款收支总表).
    doc = document(fiscal="1212.12")
    assert errors(doc) == [doc.source.lines.index(OPENING.format(fiscal="1212.12")[:-1]) + 1]


def test_a_fund_the_tables_do_not_print_is_not_checkable_never_the_total() -> None:
    doc = document()
    audit_document(doc, AMOUNT_RULES)
    fund = claim(doc, "政府性基金拨款支出预算")
    assert fund.status == "not checkable"
    assert "政府性基金" in fund.note


def test_a_subject_item_of_fiscal_spending_is_its_general_budget_row() -> None:
    # Under 财政拨款支出主要内容如下 the 科目 amount is 财政拨款: the 支出总表's 1212.12
    # covers 事业收入 too and is not what the sentence speaks of.
    doc = document(item="1212.12")
    assert len(errors(doc)) == 1
    resolution = resolve(
        doc, claim(doc, "社会保障").subject, sentence=claim(doc, "社会保障").sentence
    )
    assert resolution is not None
    assert {f.table for f in resolution.facts} == {"一般公共预算支出表"}


def test_a_subject_item_whose_money_is_not_said_is_not_checkable_when_tables_differ() -> None:
    doc = document(item="1212.12", intro="")
    assert errors(doc) == []
    audit_document(doc, AMOUNT_RULES)
    item = claim(doc, "社会保障")
    assert item.status == "not checkable"
    assert "支出总表" in item.note and "一般公共预算支出表" in item.note


@pytest.mark.parametrize(
    ("subject", "resolves"),
    [
        ("示例福利院基本支出", True),  # the body's own name
        ("本单位基本支出", True),
        ("示例中心基本支出", False),  # another body's name: a unit of a 部门预算
        ("事业收入", True),  # its own row (below), never 收入 of all funds
        ("上年结转支出预算", False),
    ],
)
def test_only_neutral_words_may_stand_before_a_phrase(subject: str, resolves: bool) -> None:
    resolution = resolve(document(), subject)
    assert (resolution is not None and bool(resolution.facts)) is resolves


def test_an_income_source_is_its_own_row_not_the_income_total() -> None:
    resolution = resolve(document(), "事业收入")
    assert resolution is not None
    # the 收支总表's 二、事业收入 262.00, not 收入 of all funds (950.12 + 262.00 = 1212.12)
    assert [(f.name, str(f.value)) for f in resolution.facts] == [("事业收入", "262.00")]


def narrative_scope(text: str, start: str) -> str | None:
    from budget_audit.claims.scope import context_scope

    doc = parse(decode((TABLES + text).encode(), "示例.txt"))
    return context_scope(doc.narrative, claim(doc, start).sentence)


def test_the_heading_above_an_item_says_its_money_a_sibling_heading_does_not() -> None:
    text = (
        "一、一般公共预算支出情况说明\n"
        "(一)财政拨款收入情况\n"
        "财政拨款收入950.12万元。\n"
        "(二)基本支出情况\n"
        "1.办公费2.84万元。\n"
        "二、支出情况说明\n"
        "基本支出950.12万元。\n"
    )
    # 办公费 stands under (二), which names no money, under 一、 which names 一般公共预算;
    # the sibling (一) naming 财政拨款 says nothing about it.
    assert narrative_scope(text, "办公费") == "一般公共预算"
    # Under 二、, which names no money, nothing above says: the walk stops at 二、.
    assert narrative_scope(text, "基本支出") is None


BASIC = """表 6.一般公共预算基本支出表
单位：万元
科目编码\t科目名称\t合计\t人员经费\t公用经费
合计\t\t{total}\t9710.42\t
301\t工资福利支出\t9710.42\t9710.42\t
"""


@pytest.mark.parametrize(
    ("total", "status"),
    [
        ("9710.42", "contradicted"),  # the row adds up: 9000 is not its 人员经费 9710.42
        ("", "not checkable"),  # 合计 empty but 人员经费 9710.42: the row was not read as printed
    ],
)
def test_a_row_that_does_not_add_up_neither_confirms_nor_contradicts(
    total: str, status: str
) -> None:
    text = (
        TABLES.replace("第三部分", BASIC.format(total=total) + "第三部分")
        + "（一）一般公共预算基本支出情况\n人员经费9000.00万元。\n"
    )
    doc = parse(decode(text.encode(), "示例.txt"))
    audit_document(doc, AMOUNT_RULES)
    assert claim(doc, "人员经费").status == status


def test_a_subject_sharing_only_the_word_zhichu_with_a_row_is_not_that_row() -> None:
    # "示例中心运行支出 1212.12": another body's spending, unresolved; the 支出总表's
    # 208 社会保障和就业支出 prints the same 1212.12 but shares only 支出 with it.
    text = TABLES + "（一）其他情况。\n示例中心运行支出1212.12万元。\n"
    doc = parse(decode(text.encode(), "示例.txt"))
    names = [r for r in builtin_rules() if r.id == "BA710"]
    assert audit_document(doc, names).found == []
    # A name alike beyond 支出 is still told: 社会福利事业 ~ 社会福利事业单位.
    text = TABLES + "（一）其他情况。\n社会福利事业支出1212.12万元。\n"
    found = audit_document(parse(decode(text.encode(), "示例.txt")), names).found
    assert [f.severity for f in found] == ["warning"] and "社会福利事业单位" in found[0].message


def test_a_subject_item_of_unsaid_money_is_not_held_to_narrower_tables_alone() -> None:
    # Without the 支出总表, only the 一般公共预算支出表 prints 2081005 (950.12 of 财政拨款);
    # with 262 of 事业收入 in this budget, a 科目 amount that does not say its money may be
    # the 1212.12 of all funds: not checkable, never an error against 950.12.
    start, end = TABLES.index("表 3.支出总表"), TABLES.index("表 4.财政拨款收支总表")
    text = TABLES[:start] + TABLES[end:] + OPENING.format(fiscal="950.12")
    text += ITEM.format(item="1212.12")
    doc = parse(decode(text.encode(), "示例.txt"))
    assert errors(doc) == []
    assert "不是全部资金口径" in claim(doc, "社会保障").note


def test_an_item_with_no_figure_of_its_own_is_not_part_of_a_shift() -> None:
    # 水费 1.00 is 办公费's table amount (a shift); 未知费 has no row at all, and its 2.00
    # equalling 水费's 2.00 makes no run of two: reported item by item, and no crash.
    basic = (
        "表 6.一般公共预算基本支出表\n单位：万元\n科目编码\t科目名称\t合计\t人员经费\t公用经费\n"
        "合计\t\t3.00\t\t3.00\n302\t商品和服务支出\t3.00\t\t3.00\n"
        "30201\t办公费\t1.00\t\t1.00\n30205\t水费\t2.00\t\t2.00\n"
    )
    text = TABLES.replace("第三部分", basic + "第三部分")
    text += "（一）一般公共预算基本支出情况\n公用经费3.00万元，主要用于：办公费5.00万元、水费1.00万元、未知费2.00万元。\n"
    doc = parse(decode(text.encode(), "示例.txt"))
    lists = [r for r in builtin_rules() if r.id == "BA706"]
    found = audit_document(doc, lists).found
    assert not any("错位" in f.message for f in found)


def test_a_name_holding_an_enumeration_comma_is_found_from_the_cut_subject() -> None:
    # The subject reader ends a subject at 、: "公诉、审判、执行等检察监督支出(项)" reaches the
    # path as "执行等检察监督支出(项)", the tail of the table's name: not a misnamed 科目.
    functional = (
        "表 5.一般公共预算支出表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
        "合计\t\t1895.00\t\t1895.00\n204\t公共安全支出\t1895.00\t\t1895.00\n"
        "20404\t检察\t1895.00\t\t1895.00\n"
        "2040405\t公诉、审判、执行等检察监督支出\t1895.00\t\t1895.00\n"
    )
    text = (
        "第一部分 示例院概况\n第二部分 示例院 2026 年部门预算表\n" + functional
        + "第三部分 示例院 2026 年部门预算情况说明\n"
        + "一般公共预算支出情况：\n1.公诉、审判、执行等检察监督支出(项)1895万元。\n"
    )  # fmt: skip
    doc = parse(decode(text.encode(), "示例.txt"))
    rules = [r for r in builtin_rules() if r.id in ("BA701", "BA710")]
    assert audit_document(doc, rules).found == []
    assert claim(doc, "检察监督").status == "verified"
