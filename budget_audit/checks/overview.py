"""The overview (概况): staffing figures add up."""

from __future__ import annotations

import re
from decimal import Decimal

from budget_audit.findings import Evidence
from budget_audit.messages import Items, message
from budget_audit.rule import Context, check_kind

_TOTAL = re.compile(r"(?P<label>总编制人数|编制人数|在职实有人数)\s*(?P<n>\d+)\s*人")
_PART = re.compile(
    r"(?P<label>行政编制|事业编制|工勤编制|行政在职|事业在职|工勤在职|行政|事业|工勤)\s*(?P<n>\d+)\s*人"
)


@check_kind("staffing")
def staffing(context: Context) -> None:
    """总编制 and 在职实有 equal the sum of their kinds (行政, 事业, 工勤); 在职 does not exceed 编制."""
    totals: dict[str, tuple[int, int, str]] = {}
    for paragraph in context.document.overview:
        for sentence in paragraph.sentences:
            text = re.sub(
                r"\([^()]*\)", lambda m: " " * len(m.group()), sentence.text
            )  # (其中：参公 0 人) is a subset
            for match in _TOTAL.finditer(text):
                end = text.find("。", match.end())
                stretch = text[match.end() : end if end >= 0 else len(text)]
                stretch = (
                    stretch.split("在职实有人数")[0]
                    if match.group("label") != "在职实有人数"
                    else stretch
                )
                parts = [(p.group("label"), int(p.group("n"))) for p in _PART.finditer(stretch)]
                stated = int(match.group("n"))
                line = sentence.line_at(match.start("n"))
                kind = "在职" if match.group("label") == "在职实有人数" else "编制"
                totals[kind] = (stated, line, match.group("n"))
                if parts and sum(n for _, n in parts) != stated:
                    listed = Items(
                        tuple(message("overview.people", label=label, n=n) for label, n in parts)
                    )
                    evidence = [Evidence.at(context.document.source, line, match.group("n"))]
                    context.report(
                        message(
                            "overview.staff_sum",
                            label=match.group("label"),
                            stated=stated,
                            listed=listed,
                            total=sum(n for _, n in parts),
                        ),
                        evidence,
                        expected=Decimal(sum(n for _, n in parts)),
                        stated=Decimal(stated),
                        difference=Decimal(stated - sum(n for _, n in parts)),
                    )
    if "编制" in totals and "在职" in totals and totals["在职"][0] > totals["编制"][0]:
        evidence = [
            Evidence.at(context.document.source, line, raw) for _, line, raw in totals.values()
        ]
        context.report(
            message("overview.staff_above", staff=totals["在职"][0], posts=totals["编制"][0]),
            evidence,
            "warning",
        )
