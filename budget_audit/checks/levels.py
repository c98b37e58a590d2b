"""A definition that names another level of government than the department's own.

The 名词解释 defines each kind of appropriation as money of "区级财政" (or 市级,
省级…): the level the department belongs to. A district department whose
glossary says 区级财政 twice and 市级财政 once copied that definition from a
city template. Only the glossary is read (project forms name 省级/市级/区级
funds as sources, rightly), and only when the department's name shows its
level and the other definitions agree with it.
"""

from __future__ import annotations

import re
from collections import Counter

from budget_audit.findings import Evidence
from budget_audit.messages import message
from budget_audit.numbers import normalise
from budget_audit.params import TEXT, ListOf, Param
from budget_audit.rule import Context, check_kind

_LEVEL = re.compile(r"(?P<level>[省市区县])级财政")
_AGREEING = 2  # definitions that must name the department's level before another is a slip


_PLACE = re.compile(r"[\u4e00-\u9fff]{2,4}?(?P<level>[省市区县])")


def department_level(name: str) -> str | None:
    """The lowest level the places at the head of a department's name show: 武汉市江夏区城市运行
    管理中心 → 区, 江苏省人民检察院 → 省; a name that starts with no place (市场监督管理局)
    shows none. Only the head is read: 城市 inside 城市运行 is no place."""
    level, position = None, 0
    while match := _PLACE.match(name, position):
        level, position = match.group("level"), match.end()
    return level


@check_kind(
    "glossary_level",
    parts=Param(ListOf(TEXT), ["名词解释"], "the parts whose definitions are read"),
)
def glossary_level(context: Context) -> None:
    """Every 'X级财政' in the glossary names the department's own level."""
    level = department_level(context.document.department or "")
    if level is None:
        return
    source = context.document.source
    mentions: list[tuple[int, re.Match[str]]] = [
        (line, match)
        for part in context.document.parts
        if part.name in context.rule.params["parts"]
        for line in range(part.first_line, part.last_line + 1)
        for match in _LEVEL.finditer(normalise(source.line(line)))
    ]
    counts = Counter(match.group("level") for _, match in mentions)
    if counts[level] < _AGREEING:
        return
    agreeing = next(line for line, match in mentions if match.group("level") == level)
    for line, match in mentions:
        if match.group("level") == level:
            continue
        context.report(
            message("levels.other_level", found=match.group(), own=f"{level}级财政"),
            [
                Evidence.at(source, line, match.group(), match.start()),
                Evidence.at(source, agreeing, f"{level}级财政"),
            ],
        )
