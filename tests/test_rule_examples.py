"""Every rule's own examples: each passing example raises no error or warning, each failing one does.

Adding a rule to rules/*.yaml adds its tests here (as sqlfluff does with its fixtures).
"""

from __future__ import annotations

import pytest

from budget_audit import parse
from budget_audit.engine import Rule, builtin_rules, run_rules
from budget_audit.source import decode

RULES = builtin_rules()


def wrap(example: str) -> str:
    """A minimal disclosure around an example: the parts it does not bring itself.

    An example is a table part; one that checks the narrative brings its own
    ``第三部分`` line, one that checks the overview its own ``第一部分``.
    """
    text = example
    if "第一部分" not in text:
        text = "第一部分 示例中心概况\n\n第二部分 示例中心 2026 年部门预算表\n\n" + text
    if "第三部分" not in text:
        text += "\n第三部分 示例中心 2026 年部门预算情况说明\n"
    return text


def findings_of(rule: Rule, example: str) -> list[str]:
    document = parse(decode(wrap(example).encode(), f"{rule.id}.txt"))
    found, _ = run_rules(document, [rule])
    return [f.message for f in found if f.severity != "info"]


def test_every_rule_has_examples_both_ways() -> None:
    assert RULES
    for rule in RULES:
        assert rule.passing and rule.failing, f"{rule.id} needs a passing and a failing example"
        assert rule.rationale, f"{rule.id} needs a rationale"


def test_rule_ids_are_unique() -> None:
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_passing_examples_raise_nothing(rule: Rule) -> None:
    for example in rule.passing:
        assert findings_of(rule, example) == []


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_failing_examples_raise_the_rule(rule: Rule) -> None:
    for example in rule.failing:
        assert findings_of(rule, example), f"{rule.id} found nothing in its failing example"
