"""An amount a project form's prose assigns to an item against that item's 测算 line (BA416).

A project form explains its money twice: in prose (立项依据, 实施方案: "上述工作
预计印刷费 0.94万，办公费 0.5万…") and in the 项目支出明细测算 block, one line an
item ("印刷费 9400"). The two are written at different times, and an item
updated in one and not the other leaves the form saying two things.

Only the same item is compared: the prose names it right before its amount
(after words such as 预计, 约, 需), and exactly one 测算 line bears that name
(or that name and 支出: 其他商品和服务 / 其他商品和服务支出). A name stated
twice with different amounts, a rate (万元/年, 每…, 单价, 人均) or a generic
name (预算, 经费, 合计: the rule's lists) is not compared. 元 and 万元 are converted and each figure is an interval: a
gap rounding explains is no finding. A warning, since prose may give an
estimate the 测算 then refined.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from budget_audit.facts import Fact
from budget_audit.findings import Evidence
from budget_audit.messages import Term, message
from budget_audit.numbers import Interval, find_numbers, normalise
from budget_audit.params import TEXT, ListOf, Param
from budget_audit.rule import Context, check_kind
from budget_audit.tables.forms import CALCULATION, FACTOR
from budget_audit.tables.table import Table
from budget_audit.tables.tokens import without_spaces
from budget_audit.tolerance import Figure, Verdict, compare

# the title of the 测算 block, where the form's prose ends
_CALCULATION_TITLE = re.compile(r"^(?:项目支出)?(?:明细测算|预算及测算|项目支出明细测算)")
# a name, filler words, an amount and its unit (not a rate: 万元/年, 元/平方米)
_MENTION = re.compile(
    r"(?P<name>[\u4e00-\u9fff()（）]{2,30}?)\s*(?:预计|约|需要|需|为|共计|计)*\s*"
    r"(?P<amount>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>万元(?!\s*/)|万(?![\u4e00-\u9fff/])|元(?![\u4e00-\u9fff/]))"
)
_ENUMERATOR = re.compile(r"^\d+[.、．]")


@dataclass(frozen=True)
class _Mention:
    """An item's amount in the form's prose, in 万元."""

    name: str
    figure: Figure
    line: int
    raw: str


def _key(label: str) -> str:
    """A 测算 line's item name: spaces, a leading number and what follows a colon dropped."""
    text = _ENUMERATOR.sub("", without_spaces(label))
    return re.split(r"[:：]", text)[0].replace("（", "(").replace("）", ")")


def _calculation_items(table: Table, generic: tuple[str, ...]) -> dict[str, list[Fact]]:
    """The 测算 lines' money figures by item name; a generic name (预算, 经费, 合计 …), which
    any sentence may end with, is left out."""
    items: dict[str, list[Fact]] = {}
    for fact in table.facts:
        if fact.section != CALCULATION or fact.column == FACTOR or fact.unit not in ("万元", "元"):
            continue
        key = _key(fact.name)
        if len(key.removesuffix("支出")) >= 2 and key.removesuffix("支出") not in generic:
            items.setdefault(key, []).append(fact)
    return items


def _prose(context: Context, table: Table) -> list[tuple[int, str]]:
    """The form's lines before its 测算 block, wrapped PDF lines joined into one run (with the
    line each character comes from)."""
    source = context.document.source
    runs: list[tuple[int, str]] = []
    for number in range(table.first_line, table.last_line + 1):
        text = normalise(source.line(number))
        if _CALCULATION_TITLE.match(without_spaces(text)):
            break
        runs.append((number, text))
    return runs


def _other_time(text: str, year: int | None, past: re.Pattern[str]) -> bool:
    """Whether a sentence speaks of another year (2024 年…, 上年, 原…) than the budget's."""
    years = {int(y) for y in re.findall(r"20\d\d", text)}
    return bool(past.search(text)) or any(y != year for y in years)


def _mentions(
    runs: list[tuple[int, str]], year: int | None, rates: re.Pattern[str], past: re.Pattern[str]
) -> list[_Mention]:
    joined, starts = "", []
    for number, text in runs:
        starts.append((len(joined), number))
        joined += text.strip() + ("\n" if "\t" in text else "")
    found = []
    for match in _MENTION.finditer(joined):
        token = next(find_numbers(match["amount"]), None)
        if token is None or rates.search(match["name"]):
            continue
        sentence_start = max(joined.rfind(mark, 0, match.start()) for mark in "。；;\n") + 1
        if _other_time(joined[sentence_start : match.end()], year, past):
            continue
        scale = Decimal(10000) if match["unit"] == "元" else Decimal(1)
        interval = token.amount.interval
        figure = Figure(
            token.amount.value / scale, Interval(interval.low / scale, interval.high / scale)
        )
        line = max(n for start, n in starts if start <= match.start("amount"))
        name = match["name"].replace("（", "(").replace("）", ")")
        found.append(_Mention(name, figure, line, match["amount"]))
    return found


def _item_of(name: str, items: dict[str, list[Fact]]) -> Fact | None:
    """The one 测算 line the prose's name ends with (the longest such name; ``None`` when two
    lines share it)."""
    fitting = [
        key
        for key in items
        if name.endswith(key) or (key.endswith("支出") and name.endswith(key[: -len("支出")]))
    ]
    fitting = [k for k in fitting if len(k.removesuffix("支出")) >= 2]
    if not fitting:
        return None
    longest = max(fitting, key=len)
    facts = items[longest]
    return facts[0] if len(facts) == 1 else None


@check_kind(
    "basis_items",
    generic=Param(ListOf(TEXT), help="测算 item names too general to name one item"),
    rates=Param(ListOf(TEXT), help="words that make a prose amount a rate or a unit's"),
    past=Param(ListOf(TEXT), help="words that put a sentence in another year"),
)
def basis_items(context: Context) -> None:
    """An item's amount in a project form's prose equals its 测算 line."""
    params = context.rule.params
    generic = tuple(params["generic"])
    rates = re.compile("|".join(re.escape(w) for w in params["rates"]))
    past = re.compile("|".join(re.escape(w) for w in params["past"]))
    source = context.document.source
    for table in context.document.tables:
        if table.kind.name != "项目支出绩效目标表":
            continue
        items = _calculation_items(table, generic)
        if not items:
            continue
        paired: dict[int, list[tuple[_Mention, Fact]]] = {}
        for mention in _mentions(_prose(context, table), context.document.year, rates, past):
            fact = _item_of(mention.name, items)
            if fact is not None:
                paired.setdefault(id(fact), []).append((mention, fact))
        for pairs in paired.values():
            if len({p[0].figure.value for p in pairs}) != 1:
                continue  # the prose gives the item two amounts: which is meant cannot be told
            mention, fact = pairs[0]
            line = Figure.of(fact)
            if compare(mention.figure, line) is not Verdict.MISMATCH:
                continue
            context.report(
                message(
                    "form_basis.item",
                    table=Term(table.id),
                    item=_key(fact.name),
                    stated=mention.figure.value,
                    calculated=line.value,
                ),
                [Evidence.at(source, mention.line, mention.raw), Evidence.of(fact, source)],
                expected=line.value,
                stated=mention.figure.value,
                difference=mention.figure.value - line.value,
            )
