"""Procurement and assets against the project forms (BA503-BA507), and the reader behind them.

What is true on the corpus, each checked by hand against the text:

- jiangxia-2026: the narrative's 货物类 0.6 / 服务类 424.56 / 工程类 0 (line 1469) are the
  政府采购预算表's records by 品目 letter (A: 6000 元; C: 700000 + 2745600 + 800000 =
  4245600 元; no B), so BA503 finds nothing. Two forms print 无 under 项目采购 while the
  listing lists their projects (BA505 ×2); the 机房 form's four purchases (70 万元, all
  marked 新增资产) are not in the listing (BA505) and contradict "新增国有资产 0 万元"
  (BA506).
- qingshan-2026: the forms' purchases (178.95 万元; services 173) exceed the narrative's
  政府采购 合计 173.95 and 服务类 168 (BA504 ×2); the asset listing charges the 网上群众
  project's purchases to 办公费 and 其他商品和服务支出, which its 测算 (劳务费, 维修(护)费)
  does not provide for (BA507 ×2).
- hanyang-2025: the forms list C23990000 7.45 + 240 + 7.38 = 254.83 万元, the narrative's
  合计 and 服务类 254.83: nothing. qiaokou-2025: form 1 lists 21000 + 10000 元 = 3.1 万元,
  the narrative's 3.1; form 2's "派遣人员经费 1712000" has one number under a 数量/金额
  header, so its column is unknown and it is left out (a lower bound only): nothing.
  qingshan-bigdata-2024: its listing is space-separated (columns unknown): BA503 says it
  did not check it.
- The PDFs: Jiangsu's listings print a row per category (一、货物 A 334.00, 三、服务 C
  2,555.80 in 2017), equal to the narrative's 拟购买货物 334 and 拟购买服务 2555.8 (2018:
  服务 2828.24; 2019: 303.4 and 2441.44): nothing, but a changed figure is found. No PDF
  has a 项目采购 part.

False findings this family must not make: a listing of another scope (its total is not
the narrative's), a project named differently in form and listing (办公场所租赁 against
办公场所租赁服务), a purchase line whose numbers have no known column, a form in 元
against a listing in 元 (converted exactly).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import budget_audit as ba
from budget_audit import parse
from budget_audit.engine import builtin_rules, run_rules
from budget_audit.findings import Finding
from budget_audit.source import SourceText, decode
from budget_audit.tables.procurement import (
    EconomicClass,
    calculation_classes,
    category_of_name,
    economic_class,
    read_form_procurement,
    read_listing_records,
)
from tests.conftest import corpus_document

RULES = {r.id: r for r in builtin_rules() if r.id in ("BA503", "BA504", "BA505", "BA506", "BA507")}
PDFS = Path("/work/shared/corpus-pdf")
PARTS = "第二部分 示例中心 2026 年部门预算表\n"


def document(text: str) -> ba.Document:
    return parse(decode((PARTS + text).encode(), "x.txt"))


def found(doc: ba.Document, *ids: str) -> tuple[list[Finding], list[str]]:
    findings, skipped = run_rules(doc, [RULES[i] for i in ids or RULES])
    return findings, [str(s) for s in skipped]


def form(body: str, unit: str = "万元", name: str = "机房升级") -> str:
    return (
        f"项目支出绩效目标申报表\n单位：{unit}\n项目名称\t{name}\n{body}项目绩效总目标\t保障运转\n"
    )


def test_none_on_the_heading_line_states_no_purchase() -> None:
    doc = document(form("项目采购\t无\n"))
    part = read_form_procurement(doc.source, doc.tables_of("项目支出绩效目标表")[0])
    assert part is not None and part.stated_none and part.purchases == []


# The reader --------------------------------------------------------------------------------


def test_a_tab_part_reads_name_amount_and_the_new_asset_mark_under_its_header() -> None:
    doc = document(
        form(
            "项目采购\t品名\t数量\t金额（元）\t是否属新增资产配置预算\n\tUPS 电池\t176\t250000\t是\n"
        )
    )
    part = read_form_procurement(doc.source, doc.tables_of("项目支出绩效目标表")[0])
    assert part is not None and part.project == "机房升级" and part.complete
    [purchase] = part.purchases
    assert (purchase.name, purchase.amount.raw, purchase.amount.unit) == ("UPS电池", "250000", "元")
    assert purchase.new_asset is True and purchase.category is None
    assert purchase.amount.location.line == 6  # 第二部分, title, 单位, 项目名称, heading, then it


def test_a_space_part_takes_quantity_then_amount_and_a_code_gives_the_category() -> None:
    doc = document(form("项目采购\n品名 数量 金额\nC23990000 1 7.45\nA02010105 2 1.3\n"))
    part = read_form_procurement(doc.source, doc.tables_of("项目支出绩效目标表")[0])
    assert part is not None
    assert [(p.category, p.amount.raw) for p in part.purchases] == [
        ("服务", "7.45"),
        ("货物", "1.3"),
    ]


def test_a_line_whose_numbers_have_no_known_column_is_unread_not_guessed() -> None:
    doc = document(form("项目采购\n品名 数量 金额\n派遣人员经费 1712000\n", unit="元"))
    part = read_form_procurement(doc.source, doc.tables_of("项目支出绩效目标表")[0])
    assert part is not None and part.purchases == [] and part.unread == [7] and not part.complete
    assert not part.stated_none


@pytest.mark.parametrize("under", ["\t无\t\t\n", ""])
def test_a_part_with_none_or_nothing_under_its_header_states_no_purchase(under: str) -> None:
    doc = document(form("项目采购\t品名\t数量\t金额\n" + under))
    part = read_form_procurement(doc.source, doc.tables_of("项目支出绩效目标表")[0])
    assert part is not None and part.stated_none and part.purchases == []


@pytest.mark.parametrize(
    ("name", "category"),
    [
        ("[A05049900] 其他办公用品", "货物"),
        ("B07000000", "工程"),
        ("C16990000", "服务"),
        ("基础电信服务", "服务"),
        ("办公楼维修工程", "工程"),
        ("台式计算机", None),  # a good by its name, but nothing in the name says so for sure
        ("服务器", None),
    ],
)
def test_the_category_of_a_code_or_name(name: str, category: str | None) -> None:
    assert category_of_name(name) == category


def test_economic_classes_as_printed() -> None:
    assert economic_class("[30201]办公费") == EconomicClass("30201", "办公费")
    assert economic_class("30226-劳务费") == EconomicClass("30226", "劳务费")
    assert economic_class("维修（护）费") == EconomicClass(None, "维修(护)费")
    assert economic_class("[2010399]其他政府办公厅") is None  # a 功能科目, not an economic class
    assert economic_class("195") is None
    assert EconomicClass(None, "维修(护)费").same(EconomicClass("30213", "维修（护）费"))


def test_the_calculation_block_gives_its_classes_only_when_every_line_names_one() -> None:
    head = "项目支出明细测算\n项目活动\t活动内容表述\t支出经济分类\t金额\t测算依据及说明\n"
    whole = document(
        form(
            head
            + "运转\t人员\t劳务费\t195\t需要\n运转\t维护\t维修（护）费\t138.2\t需要\n项目采购\n"
        )
    )
    table = whole.tables_of("项目支出绩效目标表")[0]
    assert [(c.economic.name, c.line) for c in calculation_classes(whole.source, table) or []] == [
        ("劳务费", 7),
        ("维修(护)费", 8),
    ]  # 第二部分, title, 单位, 项目名称, 测算 heading, its header, then the two lines
    gap = document(
        form(head + "运转\t人员\t劳务费\t195\t需要\n运转\t维护\t\t138.2\t需要\n项目采购\n")
    )
    assert calculation_classes(gap.source, gap.tables_of("项目支出绩效目标表")[0]) is None


def test_listing_records_take_project_category_class_and_amount_from_their_cells() -> None:
    doc = document(
        "政府采购预算表\n单位：元\n单位代码\t单位名称\t项目\t政府采购品目\t部门支出经济分类\t采购数量\t采购金额合计(元)\n"
        "\t合计\t\t\t\t2\t706000\n"
        "001\t本级\t日常公用支出\t[A05049900] 其他办公用品\t[30201]办公费\t1\t6000\n"
        "001\t本级\t专线服务\t[C16990000] 其他信息技术服务\t[30214]租赁费\t1\t700000\n"
    )
    reading = read_listing_records(doc.source, doc.tables_of("政府采购预算表")[0])
    assert reading.complete
    assert [(r.project, r.category, r.economic, r.amount.raw) for r in reading.records] == [
        ("日常公用支出", "货物", EconomicClass("30201", "办公费"), "6000"),
        ("专线服务", "服务", EconomicClass("30214", "租赁费"), "700000"),
    ]  # the 合计 row names no project: a summary, not a record


# The rules on small documents ---------------------------------------------------------------


def test_a_form_in_yuan_against_a_listing_in_yuan_is_converted_exactly() -> None:
    listing = (
        "政府采购预算表\n单位：元\n单位代码\t单位名称\t项目\t政府采购品目\t采购数量\t采购金额合计(元)\n"
        "001\t本级\t机房升级\t[A02010105] 台式计算机\t3\t21000\n"
    )
    same = form("项目采购\t品名\t数量\t金额\n\t台式计算机\t3\t21000\n", unit="元") + listing
    assert found(document(same), "BA505") == ([], [])
    other = form("项目采购\t品名\t数量\t金额\n\t台式计算机\t3\t2.1\n") + listing  # 2.1 万元
    assert found(document(other), "BA505") == ([], [])
    off = form("项目采购\t品名\t数量\t金额\n\t台式计算机\t3\t2.2\n") + listing
    [finding] = found(document(off), "BA505")[0]
    assert (finding.stated, finding.expected, finding.difference) == (
        Decimal("2.2"),
        Decimal("2.1"),
        Decimal("0.1"),
    )


def test_a_project_named_otherwise_in_the_listing_with_the_same_sum_is_not_missing() -> None:
    listing = (
        "政府采购预算表\n单位：元\n单位代码\t单位名称\t项目\t政府采购品目\t采购数量\t采购金额合计(元)\n"
        "001\t本级\t机房设备升级项目\t[A02010105] 台式计算机\t3\t21000\n"
    )
    text = form("项目采购\t品名\t数量\t金额\n\t台式计算机\t3\t2.1\n") + listing
    assert found(document(text), "BA505") == ([], [])


NARRATIVE = (
    "第三部分 示例中心 2026 年部门预算情况说明\n(二) 政府采购预算情况\n"
    "2026 年部门政府采购预算支出合计 {total} 万元。包括：货物类 {goods} 万元；服务类 {services} 万元；工程类 0 万元。\n"
)
LISTING = (
    "政府采购预算表\n单位：元\n单位代码\t单位名称\t项目\t政府采购品目\t采购数量\t采购金额合计(元)\n"
    "001\t本级\t日常公用支出\t[A05049900] 其他办公用品\t1\t6000\n"
    "001\t本级\t网络服务\t[C16990000] 其他信息技术服务\t1\t1000000\n"
)


def test_categories_are_held_only_where_the_totals_agree() -> None:
    other_scope = LISTING + NARRATIVE.format(total="150", goods="50", services="100")
    findings, skipped = found(document(other_scope), "BA503")
    assert findings == [] and any("口径不同" in s for s in skipped)
    wrong = LISTING + NARRATIVE.format(total="100.6", goods="1.6", services="99")
    findings = found(document(wrong), "BA503")[0]
    # 货物: 6000 元 = 0.6 万元 against 1.6; 服务: 1000000 元 = 100 万元 against 99
    assert sorted((f.severity, f.stated, f.expected) for f in findings) == [
        ("error", Decimal("1.6"), Decimal("0.6")),
        ("error", Decimal("99"), Decimal("100")),
    ]


def test_a_category_within_rounding_is_no_error() -> None:
    listing = LISTING.replace("\t6000\n", "\t6040\n")  # 0.604 万元, printed 0.6
    text = listing + NARRATIVE.format(total="100.6", goods="0.6", services="100")
    assert [f.severity for f in found(document(text), "BA503")[0]] == []


def test_forms_below_the_total_are_no_finding_and_an_unread_line_adds_nothing() -> None:
    forms = form("项目采购\n品名 数量 金额\n台式计算机 3 2.1\n派遣人员经费 171.2\n")
    text = forms + NARRATIVE.format(total="3.1", goods="3.1", services="0")
    findings, skipped = found(document(text), "BA504")
    assert findings == []  # 2.1 <= 3.1; 171.2 alone on its line may be a quantity
    assert skipped == [
        "BA504: 项目支出绩效目标表：「项目采购」第 8 行的数字列不明，未计入（各表采购合计只作下限）"
    ]


def test_purchases_above_the_project_budget_are_not_summed_their_unit_is_in_doubt() -> None:
    body = "项目总预算\t6.8\t项目当年预算\t6.8\n项目采购\n品名 数量 金额\n台式计算机 3 21000\n"
    text = form(body) + NARRATIVE.format(total="3.1", goods="3.1", services="0")
    findings, skipped = found(document(text), "BA504")
    assert findings == []  # 21000 read as 万元 would be 21000 > 3.1; it is 21000 元 = 2.1 万元
    assert skipped == [
        "BA504: 项目支出绩效目标表：「项目采购」合计 21000 万元超过项目当年预算 6.8 万元，金额单位存疑，未计入"
    ]


# The corpus ---------------------------------------------------------------------------------


def pinned(name: str) -> set[tuple[str, str, tuple[int, ...], str | None, str | None]]:
    findings, _ = found(corpus_document(name))
    return {
        (
            f.rule,
            f.severity,
            tuple(sorted({e.line for e in f.evidence})),
            None if f.stated is None else f"{f.stated.normalize():f}",
            None if f.expected is None else f"{f.expected.normalize():f}",
        )
        for f in findings
    }


def test_jiangxia() -> None:
    assert pinned("jiangxia-2026") == {
        # 项目采购 无 (line 1044) against 700000 元 = 70 万元 (line 1351)
        ("BA505", "warning", (1044, 1351), "0", "70"),
        # 项目采购 无 (line 1200) against 800000 元 = 80 万元 (line 1353)
        ("BA505", "warning", (1200, 1353), "0", "80"),
        # 25 + 33 + 2 + 10 = 70 万元 (lines 1123-1126); no record of the project in the listing
        ("BA505", "warning", (1123, 1124, 1125, 1126, 1338), "70", None),
        # "新增国有资产 0 万元" (line 1475) against the 70 万元 marked 是
        ("BA506", "warning", (1123, 1124, 1125, 1126, 1475), "0", "70"),
    }


def test_qingshan() -> None:
    assert pinned("qingshan-2026") == {
        # 95 + 0.5 + 0.3 + 0.65 + 4 + 0.5 + 78 = 178.95 > 173.95 (line 593) by 5, and
        # 其他商务服务 95 + 基础电信服务 78 = 173 > 服务类 168 by the same 5 (goods 5.95 = 5.95):
        # one gap, reported once, as the services'.
        ("BA504", "warning", (443, 494, 593), "173", "168"),
        # 0.3 + 0.65 + 4 + 0.5 = 5.45 to [30201]办公费 and 30 to [30299], 35.45 in all; 测算:
        # 劳务费, 维修(护)费 only. One project's 测算, one finding.
        ("BA507", "warning", (345, 346, 347, 348, 349, 438, 439), "35.45", None),
    }


@pytest.mark.parametrize("name", ["hanyang-2025", "qiaokou-2025", "qingshan-bigdata-2024"])
def test_the_other_texts_have_nothing(name: str) -> None:
    assert pinned(name) == set()


def test_qiaokou_one_number_line_is_left_out_and_said_so() -> None:
    """ "派遣人员经费 1712000" (line 1414) under 品名 数量 金额: quantity or amount, unknown."""
    findings, skipped = found(corpus_document("qiaokou-2025"), "BA504")
    assert findings == []  # form 1: 21000 + 10000 元 = 3.1 万元, the narrative's 3.1 (line 1707)
    assert skipped == [
        "BA504: 项目支出绩效目标表#2：「项目采购」第 1414 行的数字列不明，未计入（各表采购合计只作下限）"
    ]


def test_the_space_separated_listing_is_said_to_be_unchecked() -> None:
    _, skipped = found(corpus_document("qingshan-bigdata-2024"), "BA503")
    assert skipped == [
        "BA503: 政府采购预算表：未能读出每条记录的品目类别和金额，未按货物、服务、工程核对"
    ]


def changed(doc: ba.Document, line: int, old: str, new: str) -> ba.Document:
    lines = list(doc.source.lines)
    assert old in lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(old, new)
    return parse(SourceText(doc.source.name, "utf-8", tuple(lines)))


def test_jiangxia_categories_are_checked() -> None:
    """货物类 0.6 → 1.6 and 服务类 424.56 → 423.56 keep the total 425.16: both are errors."""
    doc = changed(corpus_document("jiangxia-2026"), 1469, "货物类 0.6", "货物类 1.6")
    doc = changed(doc, 1469, "服务类 424.56", "服务类 423.56")
    findings, _ = found(doc, "BA503")
    assert sorted((f.stated, f.expected) for f in findings) == [
        (Decimal("1.6"), Decimal("0.6")),
        (Decimal("423.56"), Decimal("424.56")),
    ]


@pytest.mark.skipif(not PDFS.exists(), reason="the PDF corpus is not here")
def test_the_pdfs_have_nothing_and_jiangsu_categories_are_checked() -> None:
    for path in sorted(PDFS.glob("*.pdf")):
        assert found(ba.load(path))[0] == [], path.name
    doc = ba.load(PDFS / "jiangsu-jianchayuan-2017-yusuan.pdf")
    # 拟购买货物 334 (line 545) against 一、货物 A 334.00 (line 372): changed to 335
    findings, _ = found(changed(doc, 545, "货物 334", "货物 335"), "BA503")
    assert [(f.stated, f.expected, f.severity) for f in findings] == [
        (Decimal("335"), Decimal("334.00"), "error")
    ]
