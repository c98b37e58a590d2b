"""The narrative: sentences joined across wrapped lines, every number keeping its own line."""

from decimal import Decimal

from budget_audit.narrative import Sentence
from tests.conftest import corpus_document


def sentence_with(name: str, text: str) -> Sentence:
    for paragraph in corpus_document(name).narrative:
        for sentence in paragraph.sentences:
            if text in sentence.text:
                return sentence
    raise AssertionError(f"no sentence contains {text!r}")


def test_a_sentence_wrapped_over_lines_keeps_each_numbers_line() -> None:
    # qiaokou lines 1557-1559: "… 584.53 万元。比 2024 年预算减少" / "74.47 万元，降低 11.31%，…"
    sentence = sentence_with("qiaokou-2025", "比 2024 年预算减少")
    numbers = [(n.token.amount.value, n.line) for n in sentence.numbers]
    assert numbers == [(Decimal("2024"), 1557), (Decimal("74.47"), 1559), (Decimal("11.31"), 1559)]
    assert (sentence.first_line, sentence.last_line) == (
        1557,
        1561,
    )  # the sentence ends "支出。" on 1561


def test_numbers_glued_to_words_are_found() -> None:
    # hanyang lines 1966-1968: "…住房公积金(项)2025" / "年预算数23.84万元，比2024年预算减少1.69万元，下降6.62%…"
    sentence = sentence_with("hanyang-2025", "住房公积金(项)")
    numbers = [(n.token.raw, n.line) for n in sentence.numbers]
    assert ("23.84", 1968) in numbers and ("1.69", 1968) in numbers and ("6.62", 1968) in numbers


def test_narrative_is_only_the_explanation_part() -> None:
    document = corpus_document("qingshan-2026")
    part = next(p for p in document.parts if p.name == "情况说明")
    assert all(
        part.first_line <= p.first_line <= p.last_line <= part.last_line for p in document.narrative
    )
