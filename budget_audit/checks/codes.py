"""A 科目 code that stands outside the hierarchy its table prints.

A functional table prints each 项 (7 digits) under its 款 (5) and each 款 under
its 类 (3); an economic table prints each 款 (5) under its 类 (3). When a table
does this for every other row of a level and one row's parent code is printed
nowhere, that row's code was mistyped (``7 11 02`` printed where ``210 11 02``
belongs) or its parent row was dropped. Either way the hierarchy sums and every
comparison by code pass that row by, so it is reported on its own, citing the
row and the parent it stands under by position.

A table that prints a level without its parents (a flat list of 项) shows no
hierarchy to hold a row to, and is passed by: the rule needs at least two other
rows of the same level printed under their parents.
"""

from __future__ import annotations

from budget_audit.facts import Row
from budget_audit.findings import Evidence
from budget_audit.messages import Term, message
from budget_audit.params import TEXT, ListOf, Param
from budget_audit.rule import Context, check_kind

_LEVELS = (3, 5, 7)  # 类, 款, 项 digits in both classifications
_MIN_PARENTED_SIBLINGS = 2


def _parent_length(length: int, lengths: set[int]) -> int | None:
    """The next shorter code length the table prints (5 → 3, 7 → 5)."""
    shorter = [level for level in _LEVELS if level < length and level in lengths]
    return shorter[-1] if shorter else None


def orphans(rows: list[Row]) -> list[tuple[Row, str, Row | None]]:
    """Each row whose parent code is printed nowhere in a table that prints the parents of
    every other row of that level: the row, its missing parent code, and the row of the
    parent level it follows (where it stands by position)."""
    coded = [row for row in rows if row.code and row.code.isdigit() and len(row.code) in _LEVELS]
    printed = {row.code for row in coded}
    lengths = {len(row.code or "") for row in coded}
    found: list[tuple[Row, str, Row | None]] = []
    for length in sorted(lengths):
        parent_length = _parent_length(length, lengths)
        if parent_length is None:
            continue
        level = [row for row in coded if len(row.code or "") == length]
        lacking = [row for row in level if (row.code or "")[:parent_length] not in printed]
        if len(level) - len(lacking) < _MIN_PARENTED_SIBLINGS or len(lacking) != 1:
            continue  # no hierarchy to hold it to, or more than a slip: a table of its own kind
        orphan = lacking[0]
        above = [
            row
            for row in coded
            if row.index < orphan.index and len(row.code or "") == parent_length
        ]
        found.append((orphan, (orphan.code or "")[:parent_length], above[-1] if above else None))
    return found


@check_kind(
    "code_hierarchy",
    kinds=Param(ListOf(TEXT), [], "only tables of these kinds (all grid tables when empty)"),
)
def code_hierarchy(context: Context) -> None:
    """Every coded row's parent code is printed in its table."""
    kinds = set(context.rule.params["kinds"])
    source = context.document.source
    for table in context.document.tables:
        if table.kind.layout != "grid" or (kinds and table.kind.name not in kinds):
            continue
        for row, parent, above in orphans(table.rows):
            code = row.code or ""
            text = source.line(row.first_line)
            start = text.find(code)
            evidence = [
                Evidence.at(
                    source, row.first_line, code, start if start >= 0 else None,
                    table=table.id, row=f"{code} {row.name}".strip(),
                )
            ]  # fmt: skip
            if above is not None:
                above_code = above.code or ""
                above_start = source.line(above.first_line).find(above_code)
                evidence.append(
                    Evidence.at(
                        source, above.first_line, above_code,
                        above_start if above_start >= 0 else None,
                        table=table.id, row=f"{above_code} {above.name}".strip(),
                    )
                )  # fmt: skip
            context.report(
                message(
                    "codes.orphan" if above is None else "codes.orphan_under",
                    table=Term(table.id),
                    code=code,
                    name=row.name,
                    parent=parent,
                    above=(above.code or "") if above is not None else "",
                    above_name=above.name if above is not None else "",
                ),
                evidence,
            )
