"""What the narrative claims, each number with its line.

Claims are read from sentences by :mod:`budget_audit.claims.reader` and
judged by the narrative checks; they never look at text again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from budget_audit.narrative import Sentence
from budget_audit.numbers import Amount, at_precision, parse_amount

MONEY_PRECISION = 2  # narrative amounts are 0.01 万元 figures that may drop trailing zeros


@dataclass(frozen=True)
class Mention:
    """A number in a sentence: its amount, its unit (万元, 元, %, 人, 项 ...), its line."""

    amount: Amount
    unit: str
    line: int
    raw: str
    start: int
    end: int


def mention_at(sentence: Sentence, match: re.Match[str], group: str, unit: str) -> Mention:
    """The number a regex group matched in a sentence, with its line (万元 at 0.01)."""
    amount = parse_amount(match.group(group))
    if unit == "万元":
        amount = at_precision(amount, MONEY_PRECISION)
    return Mention(amount, unit, sentence.line_at(match.start(group)), match.group(group),
                   match.start(group), match.end(group))  # fmt: skip


@dataclass
class AmountClaim:
    """``subject`` amounts to ``value`` (``基本支出 624.36 万元``)."""

    subject: str
    value: Mention
    sentence: Sentence
    status: str = "not checkable"
    note: str = ""


@dataclass
class ShareClaim:
    """``part`` is ``share`` percent of ``base`` (``基本支出 463.84 万元，占 52.7%``)."""

    share: Mention
    part: AmountClaim
    base: AmountClaim | None
    sentence: Sentence
    status: str = "not checkable"
    note: str = ""


@dataclass
class ChangeClaim:
    """``current`` changed against year ``year`` by ``delta`` (and ``percent``), in ``direction``."""

    current: AmountClaim | None
    year: int | None
    direction: str  # 增加, 减少 or 持平
    delta: Mention | None
    percent_direction: str | None
    percent: Mention | None
    sentence: Sentence
    status: str = "not checkable"
    note: str = ""
    prior: AmountClaim | None = None  # the prior year's figure, when the sentence states it
    basis: str = ""  # what the prior year's figure is: 预算 (or empty), 执行数, 决算

    @property
    def against_budget(self) -> bool:
        """Whether the change is measured against the prior year's budget, not what was spent."""
        return "执行" not in self.basis and "决算" not in self.basis


@dataclass
class ListClaim:
    """``total`` is made of ``items`` (``公用经费 38.7 万元，主要用于：办公费 2.84 万元、…``)."""

    total: AmountClaim | None
    items: list[AmountClaim]
    sentence: Sentence
    status: str = "not checkable"
    note: str = ""
    # every amount after the trigger when the separators change midway ("A 0 万元；B 5 万元，C 30 万元"):
    # where the list ends is then uncertain, and it may be all of them
    whole: list[AmountClaim] = field(default_factory=list)


@dataclass
class CountClaim:
    """``count`` things of a kind (``共设置 8 项``, ``11 个一级项目``), with the items named after it."""

    count: Mention
    noun: str
    what: str
    listed: list[str] = field(default_factory=list)
    sentence: Sentence | None = None
    status: str = "not checkable"
    note: str = ""


@dataclass
class OutturnClaim:
    """A 决算's budget and outturn: "年初预算为 ``budget`` 万元，支出决算为 ``outturn`` 万元", with the
    completion rate ("完成年初预算的 ``rate``%") and the comparison word ("决算数大于预算数") it states."""

    subject: str
    budget: Mention | None  # None: "因公出国(境)费决算为 B 万元，完成预算的 C%" names no budget
    outturn: Mention
    sentence: Sentence
    rate: Mention | None = None
    comparison: str | None = None  # 大于, 小于 or 等于
    comparison_line: int = 0
    status: str = "not checkable"
    note: str = ""


@dataclass
class Claims:
    """Every claim of a document's narrative."""

    amounts: list[AmountClaim] = field(default_factory=list)
    shares: list[ShareClaim] = field(default_factory=list)
    changes: list[ChangeClaim] = field(default_factory=list)
    lists: list[ListClaim] = field(default_factory=list)
    counts: list[CountClaim] = field(default_factory=list)
    outturns: list[OutturnClaim] = field(default_factory=list)

    def all(
        self,
    ) -> list[AmountClaim | ShareClaim | ChangeClaim | ListClaim | CountClaim | OutturnClaim]:
        """Every claim, in reading order by kind."""
        return [
            *self.amounts,
            *self.shares,
            *self.changes,
            *self.lists,
            *self.counts,
            *self.outturns,
        ]
