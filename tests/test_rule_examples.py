"""Every rule's own examples: each passing example raises no error or warning; each failing one
raises this rule's finding on exactly the lines the example names. (A rule whose severity is info
counts its info findings.)

Adding a rule to rules/*.yaml adds its tests here (as sqlfluff does with its fixtures).
A failing example's ``line`` counts the example's own lines (1 is its first).
"""

from __future__ import annotations

import pytest

from budget_audit import parse
from budget_audit.engine import Rule, builtin_rules, run_rules
from budget_audit.findings import Finding
from budget_audit.source import decode

RULES = builtin_rules()
_PARTS_ONE_AND_TWO = "第一部分 示例中心概况\n\n第二部分 示例中心 2026 年部门预算表\n\n"


def wrap(example: str) -> str:
    """A minimal disclosure around an example: the parts it does not bring itself.

    An example is a table part; one that checks the narrative brings its own
    ``第三部分`` line, one that checks the overview its own ``第一部分``.
    """
    text = example
    if "第一部分" not in text:
        text = _PARTS_ONE_AND_TWO + text
    if "第三部分" not in text:
        text += "\n第三部分 示例中心 2026 年部门预算情况说明\n"
    return text


def offset(example: str) -> int:
    """How many lines :func:`wrap` puts before the example."""
    return 0 if "第一部分" in example else _PARTS_ONE_AND_TWO.count("\n")


def findings_of(rule: Rule, example: str) -> list[Finding]:
    document = parse(decode(wrap(example).encode(), f"{rule.id}.txt"))
    found, not_checked = run_rules(document, [rule])
    assert not any("规则运行出错" in line for line in not_checked), not_checked
    return [f for f in found if f.severity != "info" or rule.severity == "info"]


def test_every_rule_has_examples_both_ways() -> None:
    assert RULES
    for rule in RULES:
        assert rule.passing and rule.failing, f"{rule.id} needs a passing and a failing example"
        assert rule.rationale, f"{rule.id} needs a rationale"
        assert all(rule.failing_lines), f"{rule.id}: each failing example names its line"


def test_rule_ids_are_unique() -> None:
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_passing_examples_raise_nothing(rule: Rule) -> None:
    for example in rule.passing:
        assert [f.message for f in findings_of(rule, example)] == []


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_failing_examples_raise_the_rule_on_their_line(rule: Rule) -> None:
    for example, lines in zip(rule.failing, rule.failing_lines, strict=True):
        found = findings_of(rule, example)
        assert found, f"{rule.id} found nothing in its failing example"
        assert {f.rule for f in found} == {rule.id}
        reported = {f.line - offset(example) for f in found}
        assert reported == set(lines), f"{rule.id}: reported lines {sorted(reported)}"
