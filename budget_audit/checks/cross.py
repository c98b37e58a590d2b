"""The same figure in every table that states it, and economic codes that mirror functional ones."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from budget_audit.checks.access import cell, row_by_code, select_row, tables, unreliable
from budget_audit.checks.funding import general_budget_only, row_aliases
from budget_audit.document import Document
from budget_audit.facts import Row
from budget_audit.findings import Evidence
from budget_audit.messages import Items, Message, Note, Term, message
from budget_audit.params import INTEGER, TEXT, ListOf, OneOf, Param, Record
from budget_audit.rule import Context, check_kind
from budget_audit.tables.kinds import compact
from budget_audit.tables.table import Table
from budget_audit.tolerance import Figure, Verdict, compare

_ITEM_SUFFIX = re.compile(r"(?:费用|经费|费)$")
_SIDE = Param(OneOf(("收入", "支出")), None, "the side of a two-column table")
_REQUIRES = Param(
    OneOf(("general_budget_only", "budget", "final_accounts")),
    None,
    "compare only when all money is 一般公共预算; only in a 预算; only in a 决算",
)
# A figure a table states: its table kind, row (合计, a code or a name) and column.
SOURCE = Record(
    {
        "table": Param(TEXT),
        "row": Param(TEXT, "合计"),
        "column": Param(TEXT, "预算数"),
        "side": _SIDE,
        "requires": _REQUIRES,
    }
)
# Another table that restates a reference table row by row.
_OTHER = Record({"table": Param(TEXT), "side": _SIDE, "requires": _REQUIRES})


def _source_row(table: Table, source: dict[str, Any]) -> Row | None:
    """The row a source of a rule names (``row``: 合计, a code or a name; ``side`` in two-column
    tables), under any name publishers give it (``一般公共预算资金`` for ``一般公共预算拨款收入``)."""
    for name in row_aliases(str(source.get("row", "合计"))):
        row = select_row(table, name, source.get("side"))
        if row is not None:
            return row
    return None


@dataclass
class _Skips:
    """What a rule could not compare, said once per cause (a funding that cannot be told, a
    row a table lacks), with how many comparisons it stopped: a missing table is one
    cause, not one line per row and column of the tables it would have been compared with."""

    causes: dict[Message, list[Message]] = field(default_factory=dict)

    def add(self, cause: Message, what: Message) -> None:
        """Record that ``what`` was not compared because of ``cause``."""
        items = self.causes.setdefault(cause, [])
        if what not in items:
            items.append(what)

    def report(self, context: Context) -> None:
        """One not-checked line per cause."""
        for cause, items in self.causes.items():
            more = message("cross.and_more") if len(items) > 3 else ""
            shown = Items(tuple(items[:3]))
            context.skip(
                message("cross.skipped", cause=cause, n=len(items), shown=shown, more=more)
            )


def _requirement_met(
    context: Context, source: dict[str, Any], what: str | Message, skips: _Skips
) -> bool:
    """Whether the source applies to this document. A 决算's income is not its spending
    (the two differ by the carry-over), so a 预算's income total, which equals the
    spending total, is compared as such only in a 预算; a 决算-only source is
    simply not there in a 预算."""
    final = context.document.kind.stage == "决算"
    if source.get("requires") == "final_accounts":
        return final
    if source.get("requires") == "budget":
        if final:
            skips.add(
                message("cross.final_income_not_spending"),
                message("cross.item_table", what=what, table=Term(source["table"])),
            )
        return not final
    if source.get("requires") != "general_budget_only":
        return True
    only, why = general_budget_only(context.document)
    if not only:
        skips.add(
            message("cross.not_general", why=why),
            message("cross.item_table", what=what, table=Term(source["table"])),
        )
    return bool(only)


def _figure(document: Document, source: dict[str, Any]) -> tuple[Figure, Message] | None:
    for table in tables(document, source["table"]):
        row = _source_row(table, source)
        column = source.get("column", "预算数")
        if row is not None and column in row.cells:
            name = row.name if row.code is None else f"{row.code} {row.name}"
            named = (
                message("figure.cell", table=Term(table.id), row=name, column=Term(column))
                if table.kind.layout == "grid"
                else message("figure.row", table=Term(table.id), row=name)
            )
            return cell(row, column), named
    return None


def _absent_tables(context: Context, sources: list[dict[str, Any]]) -> set[str]:
    """The source tables the document lacks, said once per rule."""
    present = {table.kind.name for table in context.document.tables}
    absent = {source["table"] for source in sources} - present
    for kind in sorted(absent):
        note = Note(message("cross.absent", kind=Term(kind)), f"{context.rule.id}: ")
        if note not in context.not_checked:
            context.not_checked.append(note)
    return absent


@check_kind(
    "same_figure",
    figures=Param(
        ListOf(Record({"name": Param(TEXT), "sources": Param(ListOf(SOURCE))})),
        help="each figure's name and the tables that state it",
    ),
)
def same_figure(context: Context) -> None:
    """Each figure named in ``params.figures`` is stated alike by every table that states it."""
    skips = _Skips()
    for figure in context.rule.params["figures"]:
        _same(context, message("term", term=Term(figure["name"])), figure["sources"], skips)
    skips.report(context)


def _same(
    context: Context, name: str | Message, sources: list[dict[str, Any]], skips: _Skips
) -> None:
    absent = _absent_tables(context, sources)
    stated: list[tuple[Figure, Message]] = []
    for source in sources:
        if source["table"] in absent:
            continue
        if not _requirement_met(context, source, name, skips):
            continue
        found = _figure(context.document, source)
        if found is None:
            skips.add(
                message("cross.no_row", table=Term(source["table"])),
                message("cross.item_row", name=name, row=str(source.get("row", "合计"))),
            )
            continue
        stated.append(found)
    if len(stated) < 2:
        return
    reference, where = stated[0]
    for other, other_where in stated[1:]:
        what = message("figure.named", name=name, figure=other_where)
        context.compare(other, reference, [reference], what, where)


@check_kind(
    "same_by_code",
    reference=Param(TEXT, help="the table whose coded rows the others restate"),
    code_lengths=Param(ListOf(INTEGER), [3], "the code lengths compared (3/5/7: 类/款/项)"),
    columns=Param(ListOf(TEXT), ["合计"], "the columns compared"),
    others=Param(ListOf(_OTHER), [], "tables that restate every coded row by code"),
    by_name=Param(ListOf(_OTHER), [], "tables that restate each 类 total by name"),
)
def same_by_code(context: Context) -> None:
    """Every coded row of the reference table is stated alike by the others (by code; 类 rows also by name)."""
    params = context.rule.params
    skips = _Skips()
    reference_kind = params["reference"]
    lengths = set(params["code_lengths"])
    for reference in tables(context.document, reference_kind)[:1]:
        for row in reference.rows:
            if row.code is None or len(row.code) not in lengths:
                continue
            for column in params["columns"]:
                if column not in row.cells or (row.cells[column].value == 0 and column != "合计"):
                    continue
                sources: list[dict[str, Any]] = [
                    {"table": reference_kind, "row": row.code, "column": column}
                ]
                sources += [
                    {**other, "row": row.code, "column": column} for other in params["others"]
                ]
                if len(row.code) == 3 and column == "合计":
                    sources += [
                        {**other, "row": row.name, "column": "预算数"}
                        for other in params["by_name"]
                    ]
                what = message(
                    "figure.code_column", code=row.code, name=row.name, column=Term(column)
                )
                _same(context, what, sources, skips)
    skips.report(context)


def _named(name: str, expected: str) -> bool:
    """Whether a row's printed name is the expected item (``因公出国（境）费用`` is 因公出国(境)):
    code schemes differ between templates and years (30212 is 因公出国 in one, 退休人员活动费
    in another), so a code alone does not say what a row is."""
    return compact(expected) in compact(name)


def _row_named(table: Table, code: str, expected: str | None) -> Row | None:
    """The row ``code`` if its name is the expected item, else the row that bears that name."""
    row = row_by_code(table, code)
    if expected is None or (row is not None and _named(row.name, expected)):
        return row
    return next((r for r in table.rows if r.code and _named(r.name, expected)), None)


def _not_the_item(table: str, printed: Row) -> Message:
    if not printed.name:
        return message("cross.name_unread", table=Term(table), code=printed.code)
    return message("cross.other_item", table=Term(table), code=printed.code, name=printed.name)


@check_kind(
    "code_pair",
    pairs=Param(
        ListOf(
            Record(
                {
                    "economic": Param(TEXT),
                    "functional": Param(ListOf(TEXT)),
                    "name": Param(TEXT, None, "the item: the economic row's name must hold it"),
                }
            )
        ),
        help="an economic code and the functional codes that are the same money",
    ),
)
def code_pair(context: Context) -> None:
    """An economic code equals the functional code that is its mirror (30108 = 2080505 ...).

    Compared only when both tables print the rows and the economic row's name is the
    item the pair is about (``name``); otherwise the rule says what it could not compare.
    """
    economic_kind, functional_kind = "一般公共预算基本支出表", "一般公共预算支出表"
    economic_tables, functional_tables = (
        tables(context.document, economic_kind),
        tables(context.document, functional_kind),
    )
    if not economic_tables or not functional_tables:
        context.skip(
            message("cross.missing_tables", one=Term(economic_kind), other=Term(functional_kind))
        )
        return
    for pair in context.rule.params["pairs"]:
        expected = pair.get("name")
        economic = _row_named(economic_tables[0], str(pair["economic"]), expected)
        present = [
            row
            for code in pair["functional"]
            if (row := row_by_code(functional_tables[0], str(code))) is not None
        ]
        codes = "+".join(str(code) for code in pair["functional"])
        named = message("cross.pair_name", name=expected) if expected else ""
        what = message("cross.pair", economic=str(pair["economic"]), name=named, codes=codes)
        if economic is None or not present:
            printed = row_by_code(economic_tables[0], str(pair["economic"]))
            if economic is None and printed is not None:
                reason = _not_the_item(economic_kind, printed)
                context.skip(message("cross.not_compared", what=what, reason=reason))
            elif economic is not None or present:
                missing = economic_kind if economic is None else functional_kind
                reason = message("cross.no_matching_row", table=Term(missing))
                context.skip(message("cross.not_compared", what=what, reason=reason))
            continue
        doubt = unreliable(economic_tables[0], economic) or next(
            (d for row in present if (d := unreliable(functional_tables[0], row))), None
        )
        if doubt is not None:
            context.skip(message("cross.not_compared", what=what, reason=doubt))
            continue
        stated = cell(economic, "合计")
        parts = [
            cell(row, "基本支出") if "基本支出" in row.cells else cell(row, "合计")
            for row in present
        ]
        context.compare(
            stated, Figure.total(parts), parts,
            message("figure.row", table=Term(economic_kind), row=f"{economic.code} {economic.name}"),
            message("figure.row", table=Term(functional_kind), row=codes),
        )  # fmt: skip


@check_kind(
    "not_less_than",
    pairs=Param(
        ListOf(
            Record(
                {
                    "part": Param(
                        Record(
                            {
                                "table": Param(TEXT),
                                "row": Param(TEXT, "合计"),
                                "column": Param(TEXT, "合计"),
                            }
                        )
                    ),
                    "whole": Param(
                        Record(
                            {
                                "table": Param(TEXT),
                                "row": Param(TEXT, "合计"),
                                "column": Param(TEXT),
                            }
                        )
                    ),
                }
            )
        ),
        help="a figure (part) that another (whole) includes",
    ),
)
def not_less_than(context: Context) -> None:
    """A figure that includes another is not smaller (三公 公务接待费 ≥ 基本支出表 30217 公务接待费).

    The part's row must bear the name of the whole's column (30217 公务接待费 for 公务接待费);
    a row of another name under that code is another item, and is not compared.
    """
    for pair in context.rule.params["pairs"]:
        whole_table = next(iter(tables(context.document, pair["whole"]["table"])), None)
        part_table = next(iter(tables(context.document, pair["part"]["table"])), None)
        if whole_table is None or part_table is None:
            continue
        column = pair["whole"]["column"]
        item_name = _ITEM_SUFFIX.sub("", compact(column))
        whole_row = _source_row(whole_table, pair["whole"])
        part_row = _row_named(part_table, str(pair["part"]["row"]), item_name)
        if part_row is None:
            printed = _source_row(part_table, pair["part"])
            if printed is not None:
                reason = _not_the_item(part_table.id, printed)
                context.skip(message("cross.not_compared", what=Term(column), reason=reason))
            continue
        # a table printed empty under its note states 0; one whose row was not read says nothing
        if whole_row is None and (whole_table.rows or not whole_table.note):
            reason = message(
                "cross.row_unread", table=Term(whole_table.id), row=str(pair["whole"]["row"])
            )
            context.skip(message("cross.not_compared", what=Term(column), reason=reason))
            continue
        doubt = unreliable(part_table, part_row) or (
            unreliable(whole_table, whole_row) if whole_row is not None else None
        )
        if doubt is not None:
            row = f"{part_row.code} {part_row.name}"
            context.skip(
                message("cross.not_compared_with", column=Term(column), row=row, reason=doubt)
            )
            continue
        part = cell(part_row, pair["part"]["column"])
        whole = cell(whole_row, column) if whole_row is not None else Figure.zero()
        if whole_row is not None and whole.fact is None and not whole_table.knows(column):
            context.skip(
                message(
                    "cross.column_unread", table=Term(pair["whole"]["table"]), column=Term(column)
                )
            )
            continue
        if (
            part.fact is None
            or part.value <= whole.value
            or compare(part, whole) is not Verdict.MISMATCH
        ):
            continue
        # the whole is the figure in question: it comes first (its line is the finding's)
        evidence = list(context.evidence(whole))
        if whole.fact is None and whole_row is not None:
            evidence += [Evidence.at(context.document.source, whole_row.last_line, "")]
        evidence += context.evidence(part)
        context.report(
            message(
                "cross.whole_below_part",
                whole_table=Term(pair["whole"]["table"]),
                column=Term(column),
                whole=whole.value,
                part_table=Term(pair["part"]["table"]),
                part_row=f"{part_row.code} {part_row.name}",
                part=part.value,
            ),
            evidence,
            expected=part.value,
            stated=whole.value,
            difference=whole.value - part.value,
        )
