"""Every error and warning on the PDF disclosures of ../shared/corpus-pdf/, each checked by hand.

Each real one is pinned with the arithmetic that makes it real, recomputed from
the figures as printed (the line numbers are those of the rendered PDF text:
``ba.load(path).source.lines``). Some findings that remain are not mistakes
of the document but of reading it (a listing's levels summed together).
They are counted per rule in ``NOT_MISTAKES`` with what goes wrong, so that a
fix shows here; everything else reported on a document fails this test until
it is checked.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

import budget_audit as ba
from budget_audit.audit import audit_document
from budget_audit.engine import builtin_rules
from budget_audit.findings import Finding

PDFS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus-pdf"
RULES = builtin_rules()

# (rule, severity, evidence lines) -> (stated, expected) as the finding computes them.
# A rate that is the right one cut off at its last printed place instead of rounded (36.586%
# printed 36.58%) is a real but minor slip: a warning saying so, not an error.
TRUNCATED = "warning"
Pinned = dict[tuple[str, str, tuple[int, ...]], tuple[Decimal | None, Decimal | None]]
D = Decimal

REAL: dict[str, Pinned] = {
    "jiangsu-jianchayuan-2017-yusuan": {
        # 432-435: 公共安全(类)支出 13656.34, 与上年相比增加 309.03, 增长 2.31%: the prior year is
        # 13656.34 - 309.03 = 13347.31 and 309.03 / 13347.31 = 2.3153%, which rounds to 2.32%.
        # 2.31 is 2.3153 cut off, not rounded: a warning (TRUNCATED below).
        ("BA703", TRUNCATED, (432, 434, 435)): (D("2.31"), D("2.32")),
        # 437: 基本支出预算数为 12323.46; the 支出总表 (line 229) prints 12,323.48, as do the
        # 收支总表 (line 185) and the narrative itself on line 453. A 0.02 gap at 0.01 precision.
        ("BA701", "error", (229, 437)): (D("12323.46"), D("12323.48")),
        # 513-514: 机关运行经费 6032.55, 比 2016 年增加 3401.59, 增长 129.97%: the prior year is
        # 2630.96 and 3401.59 / 2630.96 = 129.29%, not 129.97%.
        ("BA703", "error", (513, 514)): (D("129.97"), D("129.29")),
    },
    "jiangsu-jianchayuan-2018-yusuan": {
        # 554-556: 社会保障和就业支出 1,836.22, 减少 184.96, 降幅 9.1%: prior 2021.18,
        # 184.96 / 2021.18 = 9.151%, which is 9.2% at the one decimal printed (9.1 cut off).
        ("BA703", TRUNCATED, (554, 556)): (D("9.1"), D("9.15")),
        # 580-588: of 本年收入/支出预算合计 21,955.35: 其他资金 14.39 is 0.0655% (prints 0.06%,
        # rounds to 0.07%); 基本支出 13,994.31 is 63.7399% (prints 63.75%); 单位预留机动经费
        # 2,388.04 is 10.8768% (prints 10.87%). Even the widest rounding of the amounts
        # (13,994.305 / 21,955.355 … 13,994.315 / 21,955.345) stays within 63.7398-63.7399%.
        # 0.0655 printed 0.06 and 10.8768 printed 10.87 are cut off (warnings); 63.75 for 63.7399
        # is no rounding nor cutting of it (an error).
        ("BA702", TRUNCATED, (580, 583)): (D("0.06"), D("0.07")),
        ("BA702", "error", (585, 586)): (D("63.75"), D("63.74")),
        ("BA702", TRUNCATED, (585, 588)): (D("10.87"), D("10.88")),
        # 606-607: 行政运行 10,883.36, 增加 2,915.22: prior 7968.14, 2915.22 / 7968.14 = 36.586%,
        # printed 36.58% (cut off).
        ("BA703", TRUNCATED, (606, 607)): (D("36.58"), D("36.59")),
        # 610-611: 一般行政管理事务 3,666, 增加 21.8: prior 3644.2, 21.8 / 3644.2 = 0.598%,
        # printed 0.06% (a slipped decimal point).
        ("BA703", "error", (610, 611)): (D("0.06"), D("0.60")),
        # 613-614: 公诉、审判、侦查、执行等检察监督支出 1,895, 减少 134: prior 2029,
        # 134 / 2029 = 6.604%, printed 0.66% (a slipped decimal point).
        ("BA703", "error", (613, 614)): (D("0.66"), D("6.60")),
        # 540-541 and 648: 一般公共预算 21,940.96 is stated twice as an increase on 2017: by
        # 3,959.28 (income) and by 3,958.98 (spending). 21,940.96 - 3,959.28 = 17,981.68, the
        # 2017 一般公共预算 that the 2017 disclosure prints for both income and spending;
        # 21,940.96 - 3,958.98 = 17,981.98 is not it: the 3,958.98 is wrong by 0.30.
        # The 财政拨款 paragraph (597-599) states the same 3,958.98 for the same 21,940.96.
        ("BA705", "error", (540, 541, 648)): (D("17981.98"), D("17981.68")),
        # 529-531: 收入、支出预算总计 21,955.35, 与上年相比各增加 3,958.67, 增长 21.95%: the prior
        # year is 17,996.68 and 3,958.67 / 17,996.68 = 21.9966%, which rounds to 22.00%.
        ("BA703", "error", (530, 531)): (D("21.95"), D("22.00")),
        ("BA705", "error", (540, 541, 597, 599)): (D("17981.98"), D("17981.68")),
        # 619: the 项 2080504 is 未归口管理的行政单位离退休 in the tables (line 393); the text
        # names it 未归口管理行政单位离退休费(项).
        ("BA710", "warning", (619,)): (None, None),
    },
    "jiangsu-jianchayuan-2019-yusuan": {
        # 516-517: 收支预算总计 24,169.74, 增加 2214.39, 增长 10.06%: prior 21,955.35 (the 2018
        # total), 2214.39 / 21,955.35 = 10.0858%, which rounds to 10.09%.
        ("BA703", "error", (516, 517)): (D("10.06"), D("10.09")),
        # 520-521 and 622-623: 一般公共预算 24,169.74, 增加 2228.78: prior 21940.96 (the 2018
        # figure), 2228.78 / 21940.96 = 10.158%, printed 10.15% three times (cut off); 565-567 is
        # "与上年相比，财政拨款支出增加 2228.78 万元，增长 10.15 %" of the 24,169.74 of line 565.
        ("BA703", TRUNCATED, (520, 521)): (D("10.15"), D("10.16")),
        ("BA703", TRUNCATED, (565, 566, 567)): (D("10.15"), D("10.16")),
        ("BA703", TRUNCATED, (623,)): (D("10.15"), D("10.16")),
        # 543-544: 项目支出 4335.3, "与上年相比减少了 1237.7 万元，减少 13.22 %": prior
        # 4335.3 + 1237.7 = 5573.0 and 1237.7 / 5573.0 = 22.209%, printed 13.22% (the rate the
        # 基本支出 sentence just before, line 541, states).
        ("BA703", "error", (543, 544)): (D("13.22"), D("22.21")),
        # 555-556: 基本支出 15,844.04 of 24,169.74 is 65.5532%, printed 65.56%.
        ("BA702", "error", (555, 556)): (D("65.56"), D("65.55")),
        # 573-574: 一般行政管理事务 2354.4, 减少 1311.6: prior 3666, 1311.6 / 3666 = 35.777%,
        # printed 35.77% (cut off).
        ("BA703", TRUNCATED, (573, 574)): (D("35.77"), D("35.78")),
        # 593-595: 未归口管理的行政单位离退休 400.02, 增加 28.1: prior 371.92,
        # 28.1 / 371.92 = 7.555%, printed 7.57%.
        ("BA703", "error", (593, 594, 595)): (D("7.57"), D("7.56")),
        # 604-605: 住房公积金 1442.74, 增加 368.97: prior 1073.77, 368.97 / 1073.77 = 34.362%,
        # printed 34.38%.
        ("BA703", "error", (604, 605)): (D("34.38"), D("34.36")),
        # 607-608: 提租补贴 4243.61, 增加 1657: prior 2586.61, 1657 / 2586.61 = 64.061%,
        # printed 64.07%.
        ("BA703", "error", (607, 608)): (D("64.07"), D("64.06")),
        # 597-598 and 600-601: the 项 2080505 and 2080506 are 机关事业单位基本养老保险缴费支出
        # and 机关事业单位职业年金缴费支出 in the tables (lines 386-387); the text names them
        # 机关事业单位基本养老保险费(项) and 机关事业单位职业年金(项).
        ("BA710", "warning", (598,)): (None, None),
        ("BA710", "warning", (601,)): (None, None),
    },
    "juesuan-template-2024": {
        # The 决算 writing template is unfilled: "上海市 XX 局" and the like on lines 1, 4, 7,
        # 17, 30, 35, 37 and 39-41 (the first ten places cited).
        ("BA802", "warning", (1, 4, 7, 17, 30, 35, 37, 39, 40, 41)): (None, None),
    },
    "shanghai-putuo-shangwuwei-2025-bumen-yusuan": {},
    "shanghai-putuo-shangwuwei-2025-danwei-yusuan": {},
    "shanghai-putuo-shehuifuliyuan-2024-danwei-yusuan": {
        # 56: the 财政拨款 item “社会保障和就业支出(类)社会福利(款)社会福利事业单位(项)” 738.66;
        # the 一般公共预算支出表 (line 137) prints 2081005 as 6,964,796 元 = 696.48 万元. (The
        # 支出总表's 958.48 includes 262 of 事业收入.) The listed items then add to 991.59,
        # not the 财政拨款 950.12 of line 42; with 696.48 and the unlisted 2080599 0.70 they do.
        ("BA701", "error", (56, 137)): (D("738.66"), D("696.4796")),
        # 58: “医疗卫生与计划生育支出(类)…”: the 类 210 is 卫生健康支出 in the 收入/支出总表
        # and the 一般公共预算支出表 (lines 89, 109, 138); the text names it as it was before 2018.
        ("BA710", "warning", (58,)): (None, None),
        # 111 (p9) and 140 (p11): the 项 row 事业单位医疗 is printed “7 11 02” (read 71102) under
        # 210 卫生健康支出 / 21011 行政事业单位医疗 (lines 109-110, 138-139); every other 款 row of
        # both tables has its 类 printed (20805, 20810 under 208; 22102 under 221), and no 类 711
        # exists anywhere. The code should be 2101102, as 社会福利院's 30110 医疗保险 implies.
        ("BA103", "warning", (109, 111)): (None, None),
        ("BA103", "warning", (138, 140)): (None, None),
    },
}

# Findings that are not mistakes of the document, counted per rule, with why.
NOT_MISTAKES: dict[str, dict[str, int]] = {
    # (Line 371's 政府采购支出预算表 lists 品目大类, 专项 and 物品 rows, each level adding up to the
    # one above; its 合计 2,889.80 is now compared with the top level only, so no BA501 stands.)
    "jiangsu-jianchayuan-2017-yusuan": {},
    "jiangsu-jianchayuan-2018-yusuan": {},
    "jiangsu-jianchayuan-2019-yusuan": {},
    "juesuan-template-2024": {},
    "shanghai-putuo-shangwuwei-2025-bumen-yusuan": {},
    "shanghai-putuo-shangwuwei-2025-danwei-yusuan": {},
    "shanghai-putuo-shehuifuliyuan-2024-danwei-yusuan": {},
}

_loaded: dict[str, ba.Document] = {}


def document(name: str) -> ba.Document:
    if name not in _loaded:
        _loaded[name] = ba.load(PDFS / f"{name}.pdf")
    return _loaded[name]


def key(finding: Finding) -> tuple[str, str, tuple[int, ...]]:
    return finding.rule, finding.severity, tuple(sorted({e.line for e in finding.evidence}))


def test_every_pdf_of_the_folder_is_pinned() -> None:
    assert sorted(p.stem for p in PDFS.glob("*.pdf")) == sorted(REAL)


@pytest.mark.parametrize("name", sorted(REAL))
def test_errors_and_warnings_on_the_pdfs_are_the_checked_ones(name: str) -> None:
    found = [f for f in audit_document(document(name), RULES).found if f.severity != "info"]
    real = {key(f): (f.stated, f.expected) for f in found if key(f) in REAL[name]}
    assert real == REAL[name]
    others = Counter(f.rule for f in found if key(f) not in REAL[name])
    assert dict(others) == NOT_MISTAKES[name]


@pytest.mark.parametrize(
    ("name", "line"),
    [
        # "政府性基金拨款支出预算0万元" and "国有资本经营预算拨款支出预算0万元" speak of one fund
        # each, never of the 支出总计 371,514,655.00 元 (line 150); "财政拨款支出预算950.12"
        # (社会福利院) is the 财政拨款 9,501,164 元, not the 12,121,164 of all funds.
        ("shanghai-putuo-shangwuwei-2025-bumen-yusuan", 112),
        ("shanghai-putuo-shangwuwei-2025-bumen-yusuan", 113),
        ("shanghai-putuo-shehuifuliyuan-2024-danwei-yusuan", 42),
        ("shanghai-putuo-shehuifuliyuan-2024-danwei-yusuan", 43),
    ],
)
def test_a_fund_or_fiscal_figure_is_never_held_to_the_total(name: str, line: int) -> None:
    doc = document(name)
    audit_document(doc, [r for r in RULES if r.id == "BA701"])
    on_line = [c for c in doc.claims.amounts if c.value.line == line]
    assert on_line and all(c.status != "contradicted" for c in on_line)


def test_the_three_public_table_of_the_welfare_home_is_read_as_printed() -> None:
    # Line 196 "6.4 0 0 6.4 [empty] 6.4 0" under 合计 | 因公出国(境)费 | 公务接待费 |
    # 公务用车购置及运行费 (小计, 购置费, 运行费) | 机关运行经费.
    doc = document("shanghai-putuo-shehuifuliyuan-2024-danwei-yusuan")
    table = next(t for t in doc.tables if t.kind.name == "三公经费支出表")
    cells = {c: str(f.value) for c, f in table.rows[0].cells.items()}
    assert cells == {
        "合计": "6.4",
        "因公出国(境)费": "0",
        "公务接待费": "0",
        "公务用车购置及运行费": "6.4",
        "公务用车运行费": "6.4",
        "机关运行经费": "0",
    }
    audit_document(doc, RULES)  # 购置费 and 运行费 (line 201-202) are a list's items (BA706)
    # 199-203: 6.40, 因公出国 0.00, 购置及运行 6.40, 购置 0.00, 运行 6.40, 接待 0.00 all agree.
    three_public = [c for c in doc.claims.amounts if 199 <= c.value.line <= 203]
    assert len(three_public) == 6
    assert all(c.status == "verified" for c in three_public)
