"""The second round of short cuts (issue 12) gives what the long way gave.

BA802's joined prefilter must find a blank exactly where one of its patterns
would, and must refuse to join patterns whose meaning joining would change;
the passages and self-names kept in a document's memo are that document's alone.
"""

import re

import pytest

from budget_audit.checks.document_kind import document_self_names, self_names
from budget_audit.checks.passages import passages
from budget_audit.checks.wording import _any_of
from budget_audit.engine import builtin_rules
from tests.conftest import corpus_document

_PLACEHOLDERS = next(r for r in builtin_rules() if r.check == "placeholders").params["patterns"]


@pytest.mark.parametrize(
    "text",
    [
        "项目支出 XX 万元，主要用于 XXXX 项目。",  # XX
        "××单位于 X 年 X 月完成公开。",  # ×× and X年X月
        "公开网址 www.example.gov.cn/xxgk/，采购 UPS 电池 2 组，X 光机 1 台。",  # none
        "成本控制 ≤15 万元，满意度 ≥90%。",  # a sign with its figure: none
        "成本控制 ≤ 万元",  # a sign and unit without a figure
        "根据本部门使用的其他专用名词补充解释。",  # the template's instruction
        "联系人：某某，电话 ____",  # 某某 and a blank line
        "",
    ],
)
def test_the_joined_prefilter_finds_a_blank_exactly_where_a_pattern_does(text: str) -> None:
    joined = _any_of(tuple(_PLACEHOLDERS))
    assert joined is not None  # the shipped patterns join safely
    assert (joined.search(text) is not None) == any(p.search(text) for p in _PLACEHOLDERS)


def test_the_shipped_patterns_find_some_of_the_texts_above() -> None:
    # the parametrised test above would pass vacuously if nothing ever matched
    assert re.compile("|".join(p.pattern for p in _PLACEHOLDERS)).search("项目支出 XX 万元")


@pytest.mark.parametrize(
    "patterns",
    [
        (re.compile("a"), re.compile(r"(x)\1")),  # \1 would mean the first pattern's group
        (re.compile("a"), re.compile("(?P<y>x)(?P=y)")),  # a reference by name
        (re.compile("a"), re.compile("b", re.IGNORECASE)),  # different flags
        (re.compile("(?P<y>a)"), re.compile("(?P<y>b)")),  # one group name twice
        (re.compile("(?i)a"), re.compile("b", re.I)),  # an inline flag, not at the joined start
        (),
    ],
)
def test_patterns_that_cannot_be_joined_safely_get_no_prefilter(
    patterns: tuple[re.Pattern[str], ...],
) -> None:
    assert _any_of(patterns) is None


def test_passages_and_self_names_are_each_documents_own() -> None:
    first, second = corpus_document("hanyang-2025"), corpus_document("qingshan-2026")
    assert passages(first) is passages(first)  # read once per document
    assert passages(second) is not passages(first)
    assert passages(second) and passages(second) != passages(first)
    assert document_self_names(second) == self_names(second.source)
    assert document_self_names(first) == self_names(first.source)
