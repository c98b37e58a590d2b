"""Every error and warning the narrative rules raise on the corpus, each checked by hand.

The arithmetic that makes each one real is written beside it. A new one, or a
real one that stops being found, fails the test until it is checked here.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from budget_audit.audit import audit_document
from budget_audit.engine import builtin_rules
from tests.conftest import DOCUMENTS, corpus_document

NARRATIVE_RULES = [r for r in builtin_rules() if r.family == "narrative"]

# BA712 (reasons): hanyang's "主要是压减了项目预算" agrees with its 整体 form (特定目标类项目支出
# 305 against 977.12 in 2024). jiangxia's 整体 form leaves the 2025 column empty; its two findings
# are pinned below. Line 1361's "。主要是 2026 年项目支出减少" stands in a sentence of its own and
# is not read as the reason of the change before it. The other reasons name policy.
# BA713 and BA714: no corpus document is a 决算, and no paragraph states one subject twice with
# two values (every subject of four or more characters repeated in a paragraph repeats its value).
EXPECTED: dict[str, set[tuple[str, str, tuple[int, ...]]]] = {
    "jiangxia-2026": {
        ("BA708", "error", (82,)),  # 总编制 42 人 but 行政 0 + 事业 23 = 23
        # BA712: "减少 11.36 万元…主要是2026年项目支出减少" (line 1379), while 其他网信事务支出
        # 978.48 (line 1389) is all of 项目支出 978.48 (整体 form line 414; 项目支出表 978.48) and
        # "比2025年预算增加414.74万元…主要是2026年项目支出增加": the document says both.
        ("BA712", "warning", (414, 1379, 1389)),
        # BA712: seven reasons "主要是2026年在职人员减少" (lines 1387, 1393, 1397, 1399, 1401,
        # 1403, 1405), while the 整体 form's 单位在职人员数 (line 447) is 2025 年 20 人 and 当年 23 人
        # (the 人员构成, line 82, also says 在职实有人数 23 人): headcount rose by 3.
        ("BA712", "warning", (447, 1387, 1393, 1397, 1399, 1401, 1403, 1405)),
        # 比上年减少 11.36, 下降 0.71%: prior 1614.20, 11.36/1614.20 = 0.70%; 0.71% = 11.36/1602.84
        ("BA703", "error", (1361,)),
        ("BA703", "error", (1379,)),  # the same sentence, restated under 五
        (
            "BA703",
            "error",
            (1387,),
        ),  # 424.18/910.52 = 46.59%, printed 53.42% ≈ 486.34/910.52 (ratio)
        (
            "BA703",
            "error",
            (1389,),
        ),  # 414.74/563.74 = 73.57%, printed 173.57% = 978.48/563.74 (ratio)
        ("BA703", "warning", (1391,)),  # 7.48 比上年增加 7.48: prior 0, "增长 100%" undefined
        ("BA703", "error", (1393,)),  # 3.06/46.28 = 6.61%, printed 7.08% = 3.06/43.22
        ("BA703", "error", (1397,)),  # 1.53/23.14 = 6.61%, printed 7.08% = 1.53/21.61
        ("BA703", "error", (1401,)),  # 0.68/14.76 = 4.61%, printed 4.83% = 0.68/14.08
        ("BA703", "error", (1403,)),  # 3.39/45.08 = 7.52%, printed 8.13% = 3.39/41.69
        ("BA703", "error", (1405,)),  # 0.69/9.16 = 7.53%, printed 8.15% = 0.69/8.47
        ("BA703", "error", (1465,)),  # 机关运行经费 2.1/40.8 = 5.15%, printed 5.43% = 2.1/38.7
        # 1.46 比上年减少 0.07, 下降 4.79%: 0.07/1.53 = 4.58%, 0.07/1.46 = 4.79% (the current year);
        # rounding allows it (0.075/1.52 = 4.93%), so a warning saying both
        ("BA703", "warning", (1399,)),
        # "三公" 0.36 减少 0.03, 下降 8.33%: 0.03/0.39 = 7.69%, 0.03/0.36 = 8.33%; 0.035/0.39 = 8.97%
        ("BA703", "warning", (1423,)),
        ("BA710", "warning", (1401,)),  # "行政单位医疗(项)": the table's 2101102 is 事业单位医疗
        (
            "BA701",
            "error",
            (199, 1409),
        ),  # "2025年一般公共预算基本支出1602.84": 支出总表 基本支出 624.36
        ("BA709", "warning", (1409,)),  # the same sentence names 2025 in the 2026 budget
        # 公用经费 list: 水费 2.84, 电费 0.24, 邮电费 5.16 are 表6's 办公费, 水费, 电费 (lines 322-324)
        ("BA706", "error", (322, 323, 324, 1419)),
        ("BA706", "error", (1419,)),  # the ten items add to 40.28, not 38.7
        (
            "BA710",
            "warning",
            (392, 1445),
        ),  # "办公场所租金及物业管理费 274.56": 项目支出表 says 办公场所租赁
    },
    "qiaokou-2025": {
        # 比 2024 年减少 74.47, 降低 11.31%: 74.47/659.00 = 11.30% (one unit off in the last digit;
        # even the most favourable rounding of both figures gives at most 11.3013%)
        ("BA703", "error", (1557, 1559)),
        ("BA703", "error", (1588, 1590)),
        (
            "BA710",
            "warning",
            (308, 1602),
        ),  # "其他抚恤支出 2.94": the table's 2080899 is 其他优抚支出 2.94
        (
            "BA710",
            "warning",
            (1610,),
        ),  # "…(类)财政事务(款)": 2010399's 款 is 20103 政府办公厅(室)及相关机构事务
    },
    "qingshan-2026": {
        # 880.84 比 2025 年增加 73.87 implies 2025 = 806.97; the 整体 form (lines 363, 366) states 806.77
        ("BA705", "error", (366, 523)),
        ("BA705", "error", (363, 543, 545)),
    },
    # hanyang's YoY, shares and lists all recompute (e.g. 718.48/1316.82 = 54.56%, 293.34/598.34 = 49.03%);
    # bigdata's too (31.47/1321.47 = 2.4% → "2%"; the 12 listed indicators are 12).
    "hanyang-2025": {
        # lines 2069-2071 of the 2025 budget: "同时，拟对 2025 / 年单位项目支出开展绩效评价": the
        # evaluation is of the finished year, 2024 (jiangxia's 2026 budget says 拟对 2025 年)
        ("BA711", "warning", (2069,)),
    },
    "qingshan-bigdata-2024": set(),
}


@pytest.mark.parametrize("name", DOCUMENTS)
def test_narrative_errors_and_warnings_are_the_real_ones(name: str) -> None:
    found = audit_document(corpus_document(name), NARRATIVE_RULES).found
    reported = {
        (f.rule, f.severity, tuple(sorted({e.line for e in f.evidence})))
        for f in found
        if f.severity != "info"
    }
    assert reported == EXPECTED[name]


def test_the_famous_jiangxia_list_is_reported_as_a_shift_and_a_sum_gap() -> None:
    found = audit_document(corpus_document("jiangxia-2026"), NARRATIVE_RULES).found
    at_1419 = [f for f in found if f.rule == "BA706" and f.line == 1419]
    messages = " ".join(f.message for f in at_1419)
    assert "错位" in messages
    for name, stated, table in (
        ("水费", "2.84", "0.24"),
        ("电费", "0.24", "5.16"),
        ("邮电费", "5.16", "1.26"),
    ):
        assert f"{name} {stated}" in messages and f"{name} {table}" in messages
    gap = next(f for f in at_1419 if "之和" in f.message)
    assert (gap.stated, gap.expected) == (
        Decimal("38.7"),
        Decimal("40.28"),
    )  # 2.84+2.84+0.24+5.16+2+3+2.63+0.36+6+15.21


def test_the_diagnosis_names_the_slip() -> None:
    found = {
        f.line: f.message
        for f in audit_document(corpus_document("jiangxia-2026"), NARRATIVE_RULES).found
    }
    assert "本年数而非上年数" in found[1393]
    assert "本年与上年之比" in found[1389]
    assert "上年为 0" in found[1391]


def test_claims_are_accounted_for() -> None:
    audit = audit_document(corpus_document("hanyang-2025"), NARRATIVE_RULES)
    claims = audit.claims
    assert claims["found"] == claims["verified"] + claims["contradicted"] + claims["not_checkable"]
    assert all(entry["line"] and entry["why"] for entry in claims["unchecked"])
    assert (
        claims["verified"] > 0
    )  # without tables, shares, YoY and the 整体 form still verify claims


def test_a_slip_rounding_could_explain_is_a_warning_saying_both() -> None:
    found = audit_document(corpus_document("jiangxia-2026"), NARRATIVE_RULES).found
    [finding] = [f for f in found if f.rule == "BA703" and f.line == 1399]
    assert finding.severity == "warning"
    assert "4.58%" in finding.message and "本年数而非上年数" in finding.message
    assert "四舍五入" in finding.message
    assert (finding.stated, finding.expected) == (Decimal("4.79"), Decimal("4.58"))
