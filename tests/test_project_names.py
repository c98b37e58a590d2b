"""BA418: a project form under another name than its 项目支出表 row, tied by a unique amount."""

from __future__ import annotations

from decimal import Decimal

from budget_audit import parse
from budget_audit.engine import builtin_rules, run_rules
from budget_audit.findings import Finding
from budget_audit.rule import Rule
from budget_audit.source import decode
from tests.conftest import corpus_document

ALIASES = next(r for r in builtin_rules() if r.id == "BA418")
BUDGETS = next(r for r in builtin_rules() if r.id == "BA403")
ZEROS = " 0.00" * 7

HEAD = (
    "表 10.项目支出表\n单位：万元\n"
    "项目编码 项目名称 合计 一般公共预算 政府性基金预算 国有资本经营预算 结转一般 结转基金 结转国资 "
    "财政专户 单位资金\n"
)


def table(*rows: tuple[str, str, str]) -> str:
    """A 项目支出表 of project rows (code, name, 合计 in 万元) under one group and a 合计."""
    total = sum((Decimal(amount) for _, _, amount in rows), Decimal(0))
    text = HEAD + f"合计 {total} {total}{ZEROS}\n31 本级支出项目 {total} {total}{ZEROS}\n"
    for code, name, amount in rows:
        text += f"{code} {name} {amount} {amount}{ZEROS}\n"
    return text


def form(name: str, budget: str, code: str = "") -> str:
    """A project form in 元 stating its 项目当年预算 (and a 项目编码 when given)."""
    coded = f" 项目编码 {code}" if code else ""
    return (
        f"项目申报表\n单位: 元\n项目名称 {name}{coded}\n项目总预算 {budget} 项目当年预算 {budget}\n"
    )


CODE_A, CODE_B = "42010726143T000000100", "42010726143T000000101"


def run(text: str, rule: Rule = ALIASES) -> tuple[list[Finding], list[str]]:
    document = parse(decode(text.encode(), "x.txt"))
    found, skipped = run_rules(document, [rule])
    return found, [str(s) for s in skipped]


def lines(finding: Finding) -> list[int]:
    return [e.line for e in finding.evidence]


def test_a_unique_amount_ties_a_renamed_form_to_its_row() -> None:
    text = table((CODE_A, "平台运维项目", "10.00"), (CODE_B, "网格化管理平台经费", "5.00"))
    text += form("平台运维项目", "100000.00") + form("网格化平台运行经费", "50000.00")
    (finding,) = run(text)[0]
    # 50000.00 元 = 5.00 万元, the only row of 5; both share 网格, 平台. Lines: form name 14,
    # its budget 15, the row 7 (its figure and its name, on one line).
    assert finding.severity == "warning"
    assert lines(finding) == [14, 15, 7, 7]
    assert "网格化管理平台经费" in finding.message and "5.00" in finding.message


def test_rows_of_the_same_amount_leave_the_form_unchecked() -> None:
    text = table((CODE_A, "网格化管理平台经费", "5.00"), (CODE_B, "网格化热线平台经费", "5.00"))
    found, skipped = run(text + form("网格化平台运行经费", "50000.00"))
    assert found == []
    assert any("2 个同额项目" in s for s in skipped)


def test_an_amount_beyond_rounding_ties_nothing() -> None:
    # 50100 元 = 5.01 万元, outside 5.00's [4.995, 5.005]
    text = table((CODE_A, "平台运维项目", "10.00"), (CODE_B, "网格化管理平台经费", "5.00"))
    assert run(text + form("网格化平台运行经费", "50100.00")) == ([], [])


def test_a_zero_budget_ties_nothing() -> None:
    text = table((CODE_A, "平台运维项目", "10.00"), (CODE_B, "网格化管理平台经费", "0.00"))
    assert run(text + form("网格化平台运行经费", "0.00")) == ([], [])


def test_names_sharing_nothing_are_not_tied_without_a_code() -> None:
    text = table((CODE_A, "平台运维项目", "10.00"), (CODE_B, "热线坐席服务", "5.00"))
    found, skipped = run(text + form("网格化平台运行经费", "50000.00"))
    assert found == []
    assert any("无共同字词" in s for s in skipped)


def test_generic_words_alone_tie_nothing() -> None:
    text = table((CODE_A, "平台运维项目", "10.00"), (CODE_B, "热线坐席经费", "5.00"))
    found, _ = run(text + form("网格化巡查经费", "50000.00"))
    assert found == []


def test_agreeing_codes_tie_names_that_share_nothing() -> None:
    text = table((CODE_A, "平台运维项目", "10.00"), (CODE_B, "热线坐席服务", "5.00"))
    (finding,) = run(text + form("网格化巡查经费", "50000.00", CODE_B))[0]
    assert lines(finding) == [10, 11, 7, 7]


def test_differing_codes_leave_the_form_unchecked() -> None:
    text = table((CODE_A, "平台运维项目", "10.00"), (CODE_B, "网格化管理平台经费", "5.00"))
    found, skipped = run(text + form("网格化平台运行经费", "50000.00", CODE_A))
    assert found == []
    assert any("编码" in s for s in skipped)


def test_a_row_another_form_names_is_not_tied() -> None:
    text = table((CODE_A, "平台运维项目", "10.00"), (CODE_B, "网格化管理平台经费", "5.00"))
    text += form("网格化管理平台经费", "50000.00") + form("网格化平台运行经费", "50000.00")
    assert run(text)[0] == []


def test_a_named_form_is_left_to_ba403() -> None:
    # the form names its row: a wrong amount is BA403's error, BA418 says nothing (one cause)
    text = table((CODE_A, "平台运维项目", "10.00"), (CODE_B, "网格化管理平台经费", "5.00"))
    text += form("平台运维项目", "50000.00")
    assert run(text)[0] == []
    assert [f.rule for f in run(text, BUDGETS)[0]] == ["BA403"]


def test_the_corpus_forms_under_other_names() -> None:
    # qiaokou: 68000.00 元 (line 1123) = 6.80 万元 (line 651), row 城运中心工作经费 (646);
    # 1712000 元 (line 1377) = 171.20 万元 (line 659), row 购买服务人员经费 (654). The two rows
    # are the table's only projects, so each amount is one row's.
    found, _ = run_rules(corpus_document("qiaokou-2025"), [ALIASES])
    assert sorted(lines(f) for f in found) == [[1064, 1123, 651, 646], [1322, 1377, 659, 654]]
