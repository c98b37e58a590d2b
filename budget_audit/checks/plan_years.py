"""Years in plans and dates (BA711, BA407).

A budget is written before its year begins and speaks of three years: the
year before (finished: evaluated, its assets counted at 12 月 31 日), the
budget year (planned), and the years after. A plan dated in the past, an
evaluation of a year that has not ended, a stock counted at the end of a
year that has not come: each is a year copied from last year's document or
typed wrong. Which year each phrase must name is data (``patterns`` in the
rule); the checks only compare.
"""

from __future__ import annotations

import re

from budget_audit.checks.document_kind import own_kind
from budget_audit.checks.passages import passages
from budget_audit.findings import Evidence
from budget_audit.messages import Term, message
from budget_audit.numbers import normalise
from budget_audit.params import INTEGER, PATTERN, TEXT, ListOf, OneOf, Param, Record
from budget_audit.rule import Context, check_kind

_RELATIONS = ("equal", "not_before", "not_after")  # each a message plan_years.<relation>


def _holds(year: int, relation: str, wanted: int) -> bool:
    if relation == "equal":
        return year == wanted
    return year >= wanted if relation == "not_before" else year <= wanted


@check_kind(
    "plan_years",
    patterns=Param(
        ListOf(
            Record(
                {
                    "pattern": Param(PATTERN, help="a phrase with a (?P<year>…) group"),
                    "relation": Param(OneOf(_RELATIONS)),
                    "offset": Param(INTEGER, 0, "the year wanted: the budget year plus this"),
                    "why": Param(TEXT, help="why the phrase names that year"),
                }
            )
        ),
        help="phrases that name a year, and the year each must name",
    ),
)
def plan_years(context: Context) -> None:
    """Each phrase names the year it must, relative to the budget year."""
    year = context.document.year
    if year is None or _final_accounts(context):
        return
    for text in passages(context.document):
        for entry in context.rule.params["patterns"]:
            for match in entry["pattern"].finditer(text.text):
                named = int(match.group("year"))
                wanted = year + entry["offset"]
                if _holds(named, entry["relation"], wanted):
                    continue
                line = text.line_at(match.start("year"))
                context.report(
                    message(
                        f"plan_years.{entry['relation']}",
                        phrase=match.group(),
                        year=year,
                        wanted=wanted,
                        why=Term(entry["why"]),
                        named=named,
                    ),
                    [Evidence.at(context.document.source, line, match.group("year"))],
                )


def _final_accounts(context: Context) -> bool:
    """Whether the rule cannot judge: the year is unknown, or the document is a 决算, written after
    its year (its 截至 date is that year's end); says why."""
    if context.document.year is None:
        context.skip(message("plan_years.no_year"))
        return True
    named = own_kind(context.document)
    stage = context.document.kind.stage or (named[-2:] if named else None)
    if stage == "决算":
        context.skip(message("plan_years.final_accounts"))
        return True
    return False


_START = re.compile(r"(?:起始年度|开始年度)\s*[:：]?\s*(20\d\d)")
_END = re.compile(r"(?:终止年度|结束年度)\s*[:：]?\s*(20\d\d)")
_SPAN = re.compile(r"起止(?:日期|时间|年度)\s*[:：]?\s*(20\d\d)[\d.\-/年月日\s]*?[至~-]\s*(20\d\d)")


@check_kind("project_years")
def project_years(context: Context) -> None:
    """A project form of the budget year's budget runs in that year: 起始年度 ≤ year ≤ 终止年度."""
    document = context.document
    year = document.year
    if year is None or _final_accounts(context):
        return
    for table in (t for t in document.tables if t.kind.name == "项目支出绩效目标表"):
        start: tuple[int, int] | None = None
        end: tuple[int, int] | None = None
        for number in range(table.first_line, table.last_line + 1):
            text = normalise(document.source.line(number))
            span = _SPAN.search(text)
            found_start, found_end = _START.search(text), _END.search(text)
            if span:
                start, end = (int(span.group(1)), number), (int(span.group(2)), number)
            start = (int(found_start.group(1)), number) if found_start else start
            end = (int(found_end.group(1)), number) if found_end else end
        problems = []
        if start is not None and start[0] > year:
            problems.append((start, message("plan_years.starts_after", start=start[0], year=year)))
        if end is not None and end[0] < year:
            problems.append((end, message("plan_years.ends_before", end=end[0], year=year)))
        for (value, line), problem in problems:
            context.report(
                message("plan_years.outside", table=Term(table.id), problem=problem, year=year),
                [Evidence.at(document.source, line, str(value))],
            )
