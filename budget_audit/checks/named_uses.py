"""The uses the 情况说明 names for basic spending against the rows the 基本支出表 prints.

"公用经费 28.8 万元。主要用于：办公费、印刷费、邮电费、差旅费…" names economic 款 of
the 部门预算支出经济分类. A 基本支出表 that itemises a 类 (prints its 款 rows) and
has no row for a named 款 budgets nothing for it: the list was
copied from the template or another year, and tells the reader of money that
is not there. Only names of the classification count (from the rule's data,
so 在职人员基本工资 or 其他对个人和家庭补助支出 are left alone), only for a
类 the table itemises, and only where the passage speaks of the money the
table shows (一般公共预算 or 财政拨款).
"""

from __future__ import annotations

import re

from budget_audit.facts import Row
from budget_audit.findings import Evidence
from budget_audit.messages import Items, message
from budget_audit.numbers import normalise
from budget_audit.params import TEXT, ListOf, Param
from budget_audit.rule import Context, check_kind

# "主要用于：…" says where this year's money goes; "主要包括：…" is also the templates' wording
# for what 人员经费 or 公用经费 means in general (Jiangsu lists every 款 there), so not read.
_USES = re.compile(r"用于\s*[:：]\s*(?P<items>[^。;；]+)")
_SECTION = re.compile(r"^\s*[一二三四五六七八九十]+、")
_SEPARATORS = re.compile(r"[、，,]")
_BRACKETS = re.compile(r"[()（）\s]")
_FURTHEST_HEADING = 80  # lines back to the section heading that names the passage's money


def _key(name: str) -> str:
    """A name as compared: NFKC, no brackets or spaces, no trailing 等."""
    return _BRACKETS.sub("", normalise(name)).removesuffix("等")


def _classification(entries: list[str]) -> dict[str, tuple[str, frozenset[str]]]:
    """``"30202 印刷费"`` entries (aliases after ``|``) as name key → (款 code, all its keys)."""
    names: dict[str, tuple[str, frozenset[str]]] = {}
    for entry in entries:
        code, _, words = entry.partition(" ")
        keys = frozenset(_key(word) for word in words.split("|"))
        names.update((key, (code, keys)) for key in keys)
    return names


def _basic_rows(context: Context, kinds: list[str]) -> list[Row]:
    return [
        row
        for table in context.document.tables
        if table.kind.name in kinds
        for row in table.rows
        if row.code and row.code.isdigit() and len(row.code) == 5
    ]


@check_kind(
    "named_uses",
    classification=Param(ListOf(TEXT), help="economic 款: code, a space, names joined by |"),
    tables=Param(ListOf(TEXT), help="the kinds of the basic spending tables"),
    scope=Param(ListOf(TEXT), help="words that say the passage speaks of the tables' money"),
)
def named_uses(context: Context) -> None:
    """Every economic 款 a 主要用于 list names has a row in the basic spending table."""
    names = _classification(context.rule.params["classification"])
    rows = _basic_rows(context, context.rule.params["tables"])
    if not rows:
        return
    # Rows are matched by name: codes moved between versions of the classification (住房公积金
    # was 30311 before 2018, 30113 since), names did not. A 类 is itemised by its rows' codes.
    printed = {_key(row.name) for row in rows}
    codes = {row.code or "" for row in rows}
    itemised = {code[:3] for code in codes}  # a 类 with a 款 row printed shows that level
    source, scope = context.document.source, tuple(context.rule.params["scope"])
    for paragraph in context.document.narrative:
        for sentence in paragraph.sentences:
            match = _USES.search(sentence.text)
            if match is None:
                continue
            named = [
                (item.strip(), *names[_key(item)])
                for item in _SEPARATORS.split(match.group("items"))
                if _key(item) in names
            ]
            missing = [
                (item, code)
                for item, code, keys in named
                if not keys & printed and code[:3] in itemised
            ]
            if not missing or not _about_the_tables_money(context, sentence.first_line, scope):
                continue
            classes = sorted({code[:3] for _, code in missing})
            shown = [row for row in rows if row.code and row.code[:3] in classes]
            context.report(
                message(
                    "named_uses.no_row",
                    items=Items(tuple(item for item, _ in missing), "、", ", "),
                    n=len(missing),
                    printed=Items(tuple(f"{r.code} {r.name}" for r in shown), "、", ", "),
                ),
                [
                    Evidence.at(source, sentence.line_at(sentence.text.find(item)), item)
                    for item, _ in missing
                ]
                + [Evidence.at(source, row.first_line, row.code or "") for row in shown],
            )


def _about_the_tables_money(context: Context, line: int, scope: tuple[str, ...]) -> bool:
    """Whether the section the sentence stands in, from its heading (六、一般公共预算基本支出
    情况) to the sentence, names the money the basic spending tables show."""
    source = context.document.source
    for number in range(line, max(0, line - _FURTHEST_HEADING), -1):
        text = normalise(source.line(number))
        if any(word in text for word in scope):
            return True
        if _SECTION.match(text):
            return False
    return False
