"""The short cuts taken for speed (issue 12) give what the long way gave.

Each cache or early exit of the audit's hot paths is held here to the plain
computation it replaced: a cached result handed out must not be shared mutable
state, a check asked once for two labels must answer as two calls did, and a
sentence skipped before it is read must be one the reading would find nothing in.
"""

from decimal import Decimal

from budget_audit.checks.subject_names import _paths
from budget_audit.narrative import Sentence
from budget_audit.numbers import Interval, find_numbers
from budget_audit.tables.tokens import identifier_reason, line_tokens
from tests.conftest import CORPUS, corpus_document


def test_line_tokens_hands_out_a_fresh_list_each_time() -> None:
    first = line_tokens(7, "合计\t12.5\t3")
    first.pop()
    again = line_tokens(7, "合计\t12.5\t3")
    assert [t.token.raw for t in again] == ["12.5", "3"]
    assert [t.line for t in again] == [7, 7]


def test_find_numbers_is_an_iterator_that_can_be_read_again() -> None:
    numbers = find_numbers("预算数 23.84 万元，比上年增加 1.5 万元")
    assert next(numbers).raw == "23.84"
    assert [t.raw for t in find_numbers("预算数 23.84 万元，比上年增加 1.5 万元")] == [
        "23.84",
        "1.5",
    ]


def test_the_column_is_asked_after_the_row_label() -> None:
    # 2024 in a row labelled 项目: neither its line nor its label makes it an identifier
    year = next(t for t in line_tokens(1, "项目\t2024\t15") if t.token.raw == "2024")
    assert identifier_reason(year, "项目") is None
    assert identifier_reason(year, "项目", "2024年度") == "date or year"
    assert identifier_reason(year, "项目", "联系电话") == "联系电话 field"
    assert identifier_reason(year, "项目", "项目") is None
    # the row label's own reason wins over the column's
    assert identifier_reason(year, "联系电话", "2024年度") == "联系电话 field"


def test_one_call_with_the_column_is_the_two_calls_it_replaced() -> None:
    labels = ["", "项目", "联系电话", "2024年度", "邮政编", "年度目标", "金额(万元)"]
    lines = (CORPUS / "jiangxia-2026.txt").read_text("utf-8").splitlines()
    tokens = [
        t for number, text in enumerate(lines, 1) if "\t" in text for t in line_tokens(number, text)
    ]
    assert len(tokens) > 1000
    for token in tokens:
        for label in labels:
            for column in labels:
                two_calls = identifier_reason(token, label) or identifier_reason(token, column)
                assert identifier_reason(token, label, column) == two_calls, (token, label, column)


def test_a_total_of_intervals_sums_each_bound() -> None:
    parts = [Interval(Decimal("1.15"), Decimal("1.25")), Interval(Decimal("2.05"), Decimal("2.15"))]
    assert Interval.total(parts) == Interval(Decimal("3.20"), Decimal("3.40"))
    assert Interval.total([]) == Interval(Decimal(0), Decimal(0))


def _sentence(text: str) -> Sentence:
    return Sentence(text, 1, 1, ())


def test_a_path_with_spaces_in_its_level_marks_is_still_read() -> None:
    # PDF text breaks "行政运行 (项)" and "( 类 )": the marks are read with the spaces taken out
    paths = _paths(_sentence("一般公共服务支出( 类 )政府办公厅(室)及相关机构事务(款)行政运行 (项)"))
    assert [[(level.name, level.level) for level in path.levels] for path in paths] == [
        [("一般公共服务支出", "类"), ("政府办公厅(室)及相关机构事务", "款"), ("行政运行", "项")]
    ]
    assert _paths(_sentence("本部门 2025 年收入预算 1,212.12 万元。")) == []


def test_what_a_document_remembers_is_worked_out_once() -> None:
    document = corpus_document("qingshan-2026")
    document.memo.pop("answer", None)
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return 42

    assert document.remembered("answer", compute) == 42
    assert document.remembered("answer", compute) == 42
    sentence = _sentence("一")
    assert document.remembered_for(sentence, "answer", compute) == 42
    assert document.remembered_for(sentence, "answer", compute) == 42
    assert document.remembered_for(_sentence("二"), "answer", compute) == 42
    assert len(calls) == 3  # once for the document, once for each sentence
