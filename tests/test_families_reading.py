"""Read right: unit codes, phone numbers, postal codes and the years of document numbers are
identifiers, never amounts."""

from __future__ import annotations

import pytest

from budget_audit import parse
from budget_audit.source import decode
from budget_audit.tables.tokens import identifier_reason, line_tokens


def reason(text: str, raw: str, label: str = "") -> str | None:
    token = next(t for t in line_tokens(1, text) if t.token.raw == raw)
    return identifier_reason(token, label)


@pytest.mark.parametrize(
    ("text", "raw", "label", "expected"),
    [
        # the phone number stands after its own cell, on a row labelled by another field
        ("填报人\t陈剑荣\t联系电话\t81810066", "81810066", "填报人", "联系电话 field"),
        # the page cut 邮政编码 to 邮政编
        ("单位地址\t科创广场\t邮政编\t430200", "430200", "邮政编", "邮政编 field"),
        ("硚办文〔2024〕31 号区委办公室的通知", "2024", "硚办文〔", "code in brackets"),
        ("区长办公会会议纪要 2007（14）号。", "2007", "议纪要", "document number"),
        ("[256001]武汉市江夏区城市运行管理中心", "256001", "", "code in brackets"),
    ],
)
def test_identifiers(text: str, raw: str, label: str, expected: str) -> None:
    assert reason(text, raw, label) == expected


@pytest.mark.parametrize(
    ("text", "raw", "label"),
    [
        ("项目编码\tX1\t项目当年预算\t15", "15", ""),  # the cell before is 项目当年预算
        ("项目\t2024", "2024", "项目"),  # 项目 is too short to be a cut 项目编码
        ("租金 2024 万元，合计 2024 万元。", "2024", "测算"),  # no 号 after: an amount
        ("一、一般公共预算拨款收入\t584.53", "584.53", "一、一般公共预算拨款收入"),
    ],
)
def test_amounts_stay_amounts(text: str, raw: str, label: str) -> None:
    assert reason(text, raw, label) is None


def test_a_unit_code_in_a_two_column_subtitle_is_no_fact() -> None:
    text = (
        "第二部分 示例中心 2026 年部门预算表\n表 1\n收支总表\n"
        "[256001]示例中心\n单位：万元\n"
        "一、一般公共预算拨款收入 30.00 一、一般公共服务支出 30.00\n"
        "收入总计 30.00 支出总计 30.00\n"
    )
    document = parse(decode(text.encode(), "example.txt"))
    (table,) = document.tables
    assert "256001" not in {fact.raw for fact in table.facts}
    assert {fact.raw for fact in table.facts} == {"30.00"}
    assert table.identifiers.get((4, 1)) == "code in brackets"  # line 4, after the [
