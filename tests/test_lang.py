"""Finding messages in English (``--lang en``): the catalogue, the rendering, every rule.

A message's Chinese rendering is what every pinned finding compares, so the
model must give it byte for byte; the English one must hold no Chinese of our
own: only the document's text (row names, titles, phrases quoted) may be Chinese.
"""

from __future__ import annotations

import pickle
import re
from decimal import Decimal
from typing import Any

import pytest

from budget_audit import parse
from budget_audit.engine import Rule, builtin_rules, run_rules
from budget_audit.findings import Evidence
from budget_audit.messages import (
    Items,
    Message,
    Note,
    Term,
    _catalogue,
    catalogue,
    message,
    note_in,
    placeholders,
)
from budget_audit.rule import Context
from budget_audit.source import decode
from tests.test_rule_examples import wrap

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
RULES = builtin_rules()
# The rules whose messages were made catalogue messages. A check added since may still build a
# plain string (shown as written in every language); give it a message and add its rule here.
TRANSLATED = {
    *(f"BA10{n}" for n in (1, 2)), *(f"BA20{n}" for n in (1, 2)), *(f"BA30{n}" for n in range(1, 6)),
    *(f"BA40{n}" for n in range(1, 10)), "BA410", "BA411", "BA412", "BA413", *(f"BA41{n}" for n in range(4, 9)), *(f"BA50{n}" for n in (1, 2)),
    *(f"BA60{n}" for n in range(1, 6)), *(f"BA7{n:02}" for n in range(1, 16)),
    *(f"BA80{n}" for n in range(1, 5)), *(f"BA90{n}" for n in range(1, 8)),
}  # fmt: skip


def masked(value: Any) -> Any:
    """The message with the document's own text (its ``str`` parameters) replaced by ``Q``."""
    if isinstance(value, str):
        return "Q"
    if isinstance(value, Message):
        return Message(value.id, tuple((name, masked(v)) for name, v in value.params))
    if isinstance(value, Items):
        return Items(tuple(masked(v) for v in value.values), value.zh, value.en)
    return value


def test_every_message_has_both_languages_with_the_same_placeholders() -> None:
    messages = catalogue()
    assert len(messages) > 50
    for id_, templates in messages.items():
        assert set(templates) == {"zh", "en"}, id_
        assert placeholders(templates["zh"]) == placeholders(templates["en"]), id_
        assert not CJK.search(templates["en"]), f"{id_}: Chinese in the English template"


def test_every_term_has_english_without_chinese() -> None:
    terms = _catalogue()[1]
    assert {"支出总表", "合计", "万元", "增加", "持平@comparison"} <= set(terms)
    for word, english in terms.items():
        assert isinstance(english, str) and english and not CJK.search(english), word


def test_a_comparison_renders_as_before_in_chinese_and_in_english() -> None:
    # the Chinese as Context.compare wrote it before messages were templates (checked by hand)
    text = message(
        "compare.mismatch",
        what=message(
            "figure.cell", table=Term("支出总表"), row="201 一般公共服务支出", column=Term("合计")
        ),
        stated=Decimal("50.170"),
        how=message("how.rows_under", n=2),
        expected=Decimal("50.16"),
        difference=Decimal("0.010"),
        unit=Term("万元"),
    )
    assert text.render("zh") == (
        "支出总表「201 一般公共服务支出」合计：列示 50.17 万元，其下 2 行合计为 50.16 万元，"
        "相差 0.01 万元"
    )
    assert text.render("en") == (
        "expenditure summary table “201 一般公共服务支出” total: stated 50.17 10k yuan, "
        "the sum of the 2 rows under it gives 50.16 10k yuan, a gap of 0.01 10k yuan"
    )
    assert str(text) == text.render("zh")


def test_terms_lists_and_senses() -> None:
    assert Term("项目支出表#2").render("en") == "project expenditure table#2"
    assert Term("某个未知的词").render("en") == "某个未知的词"  # shown as written
    assert Term("持平").render("en") == "no change"
    assert Term("持平", "comparison").render("en") == "equal to"
    assert Term("持平", "comparison").render("zh") == "持平"
    listed = Items((Term("基本支出"), Decimal("2.50"), "水费"))
    assert listed.render("zh") == "基本支出、2.5、水费"
    assert listed.render("en") == "basic expenditure, 2.5, 水费"


def test_an_unknown_message_id_is_an_error_not_a_silent_blank() -> None:
    with pytest.raises(KeyError, match=r"no\.such\.id"):
        message("no.such.id").render("en")


def test_a_plain_string_message_is_kept_as_written_in_every_language() -> None:
    """A check written before the catalogue (or on another branch) still reports."""
    document = parse(decode(wrap("").encode(), "plain.txt"))
    context = Context(document, RULES[0])
    evidence = [Evidence(line=1, text="x", value="1")]
    context.report("某表「合计」列示 1 万元", evidence)
    context.report(message("how.rows_under", n=3), evidence)
    plain, templated = context.findings
    assert plain.template is None
    assert plain.message_in("en") == plain.message == "某表「合计」列示 1 万元"
    assert templated.message == "其下 3 行合计"
    assert templated.message_in("en") == "the sum of the 3 rows under it"
    assert templated.as_json("en")["message_id"] == "how.rows_under"
    assert "message_id" not in plain.as_json("en")


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_every_rule_speaks_english_in_its_own_words(rule: Rule) -> None:
    """Each rule's failing examples: every finding of a translated rule is a catalogue message
    whose English, with the document's text taken out, has no Chinese left."""
    for example in rule.failing:
        document = parse(decode(wrap(example).encode(), f"{rule.id}.txt"))
        found, _ = run_rules(document, [rule])
        assert found, rule.id
        for finding in found:
            if finding.template is None:
                assert rule.id not in TRANSLATED, f"{rule.id} builds a plain string again"
                continue
            assert finding.template.render("zh") == finding.message
            english = masked(finding.template).render("en")
            assert not CJK.search(english), f"{rule.id}: {english}"


def test_a_not_checked_note_is_its_chinese_text_and_survives_a_worker_process() -> None:
    note = Note(message("cross.absent", kind=Term("三公经费支出表")), "BA301: ")
    assert note == "BA301: 文档中没有「三公经费支出表」，与它的比较未做"
    assert (
        note_in(note, "en")
        == 'BA301: the document has no "three public expenses" table, so nothing was compared with it'
    )
    assert note_in("BA999: 纯文本", "en") == "BA999: 纯文本"
    again = pickle.loads(pickle.dumps(note))
    assert again == note and note_in(again, "en") == note_in(note, "en")


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_every_rule_says_in_english_what_it_could_not_check(rule: Rule) -> None:
    """On an empty disclosure most rules have nothing to check: what they say about it is
    a catalogue note without Chinese of our own (a plain string is shown as written)."""
    document = parse(decode(wrap("").encode(), f"{rule.id}.txt"))
    for note in run_rules(document, [rule])[1]:
        if isinstance(note, Note):
            english = masked(note.template).render("en")
            assert not CJK.search(english), f"{rule.id}: {english}"


def test_a_note_quoted_in_a_message_is_rendered_in_its_language() -> None:
    doubt = Note(message("funding.other_money", one=Term("财政拨款"), other=Term("全部")))
    assert doubt == "财政拨款与全部不是同一笔资金"
    quoted = message("claims.unreliable", doubt=doubt)
    assert quoted.render("zh") == "财政拨款与全部不是同一笔资金，不用于核对"
    assert quoted.render("en") == (
        "fiscal appropriations and all funds are not the same money, so it is not used to check"
    )
