"""A project form's indicator whose value cannot be in its unit.

Two cases only, where the indicator's own name says what unit it needs:

* a share of a whole (合格率, 及时率, 覆盖率, 满意度…) given above 100%: no more
  than all of the items can pass, arrive on time or be satisfied. A bare
  完成率 is left out: a plan can be over-fulfilled (超额完成);
* a duration (…时间, …时长, …时限, …天数) given as a percentage: a time is
  counted in 天, 小时 or 工作日, and a percentage there is the value of another
  indicator copied into the wrong row.
"""

from __future__ import annotations

import re
from decimal import Decimal

from budget_audit.findings import Evidence
from budget_audit.messages import Term, message
from budget_audit.rule import Context, check_kind

_SHARE = re.compile(
    r"(合格率|及时率|覆盖率|满意度|满意率|知晓率|达标率|准确率|到位率|按时完成率|完好率|正确率|通过率)$"
)
_DURATION = re.compile(r"(时间|时长|时限|天数)$")
_NOT_DURATION = re.compile(r"率|比|占|度|缩短|压缩|减少|提高|提升")
_HUNDRED = Decimal(100)


@check_kind("indicator_unit")
def indicator_unit(context: Context) -> None:
    """Each project form's rate is at most 100% and no duration is given in %."""
    source = context.document.source
    for table in context.document.tables:
        if table.kind.name != "项目支出绩效目标表":
            continue
        for fact in table.facts:
            if fact.unit != "%":
                continue
            name = re.sub(r"\s+", "", fact.name)
            if _SHARE.search(name) and fact.value > _HUNDRED:
                key = "form_units.share_above_hundred"
            elif _DURATION.search(name) and not _NOT_DURATION.search(name):
                key = "form_units.duration_in_percent"
            else:
                continue
            context.report(
                message(key, table=Term(table.id), row=name, value=fact.value),
                [Evidence.of(fact, source)],
            )
