"""BA908: section numbers of the text parts run in order (budget_audit/checks/enumeration.py)."""

from __future__ import annotations

from budget_audit import parse
from budget_audit.audit import audit_document
from budget_audit.checks.enumeration import Numbered, chinese_number, chinese_numeral, slips
from budget_audit.engine import builtin_rules
from budget_audit.source import decode
from tests.conftest import corpus_document

RULE = [r for r in builtin_rules() if r.id == "BA908"]


def lines_of(text: str) -> list[tuple[int, str]]:
    audit = audit_document(parse(decode(text.encode(), "示例.txt")), RULE)
    return [(f.line, f.message) for f in audit.found]


def test_chinese_numerals_both_ways() -> None:
    assert [chinese_number(t) for t in ("一", "九", "十", "十二", "二十", "二十一", "九十九")] == [
        1, 9, 10, 12, 20, 21, 99,
    ]  # fmt: skip
    assert chinese_number("十十") is None and chinese_number("百") is None
    assert all(chinese_number(chinese_numeral(n)) == n for n in range(1, 100))


def test_a_gap_and_a_repeat_are_slips_a_restart_is_not() -> None:
    def at(line: int, level: int, number: int) -> Numbered:
        return Numbered(line, level, number, str(number))

    numbered = [at(1, 1, 1), at(2, 1, 2), at(3, 1, 4), at(4, 0, 2), at(5, 1, 1), at(6, 1, 1)]
    # (一)(二)(四): 四 skips 三; under 二、 the count starts again; (一) again is a new list
    assert [(p.line, i.line) for p, i in slips(numbered)] == [(2, 3)]
    assert [(p.line, i.line) for p, i in slips([at(1, 1, 3), at(2, 1, 2)])] == [(1, 2)]


def test_a_heading_after_a_line_that_does_not_end_its_sentence_is_still_there() -> None:
    # 四、 follows "…占 0.78 %" (no full stop), so it does not begin a paragraph by the rule's
    # reading; it is printed all the same, and 三、 to 五、 skips nothing.
    text = (
        "第三部分 情况说明\n三、支出预算情况说明\n支出合计 100 万元，其中：\n"
        "机动经费 1 万元,占 1 %\n四、财政拨款收支预算总表情况说明\n收支总预算 99 万元。\n"
        "五、财政拨款支出预算表情况说明\n支出 99 万元。\n"
    )
    assert lines_of(text) == []


def test_qingshan_2026_glossary_jumps_from_five_to_twelve() -> None:
    # 名词解释: (一)…(四) 本部门使用的主要支出功能分类科目, (五) “三公”经费 (line 631), then
    # (十二) 机关运行经费 (line 635) and (十三) 其他专用名词: (六) to (十一) are nowhere.
    audit = audit_document(corpus_document("qingshan-2026"), RULE)
    assert [(f.line, tuple(e.line for e in f.evidence)) for f in audit.found] == [(635, (635, 631))]


def test_the_other_corpus_texts_number_their_sections_in_order() -> None:
    for name in ("hanyang-2025", "jiangxia-2026", "qiaokou-2025", "qingshan-bigdata-2024"):
        assert audit_document(corpus_document(name), RULE).found == [], name
