"""The same figure in every table that states it, and economic codes that mirror functional ones."""

from __future__ import annotations

from typing import Any

from budget_audit.checks.access import cell, row_by_code, select_row, tables
from budget_audit.checks.funding import general_budget_only
from budget_audit.document import Document
from budget_audit.facts import Row
from budget_audit.findings import Evidence
from budget_audit.params import INTEGER, TEXT, ListOf, OneOf, Param, Record
from budget_audit.rule import Context, check_kind
from budget_audit.tables.table import Table
from budget_audit.tolerance import Figure, Verdict, compare, wan

_SIDE = Param(OneOf(("收入", "支出")), None, "the side of a two-column table")
_REQUIRES = Param(
    OneOf(("general_budget_only",)), None, "compare only when all money is 一般公共预算"
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
    """The row a source of a rule names (``row``: 合计, a code or a name; ``side`` in two-column tables)."""
    return select_row(table, str(source["row"]), source.get("side"))


def _requirement_met(context: Context, source: dict[str, Any], what: str) -> bool:
    if source.get("requires") != "general_budget_only":
        return True
    only, why = general_budget_only(context.document)
    if not only:
        context.skip(f"{what} 未与「{source['table']}」比较：{why}")
    return bool(only)


def _figure(document: Document, source: dict[str, Any]) -> tuple[Figure, str] | None:
    for table in tables(document, source["table"]):
        row = _source_row(table, source)
        column = source["column"]
        if row is not None and column in row.cells:
            name = row.name if row.code is None else f"{row.code} {row.name}"
            return cell(
                row, column
            ), f"{table.id}「{name}」{column if table.kind.layout == 'grid' else ''}"
    return None


def _absent_tables(context: Context, sources: list[dict[str, Any]]) -> set[str]:
    """The source tables the document lacks, said once per rule."""
    present = {table.kind.name for table in context.document.tables}
    absent = {source["table"] for source in sources} - present
    for kind in sorted(absent):
        note = f"{context.rule.id}: 文档中没有「{kind}」，与它的比较未做"
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
    for figure in context.rule.params["figures"]:
        _same(context, figure["name"], figure["sources"])


def _same(context: Context, name: str, sources: list[dict[str, Any]]) -> None:
    absent = _absent_tables(context, sources)
    stated: list[tuple[Figure, str]] = []
    for source in sources:
        if source["table"] in absent:
            continue
        found = _figure(context.document, source)
        if found is None:
            context.skip(f"{name}：「{source['table']}」中找不到这一行（{source['row']}），未比较")
            continue
        if _requirement_met(context, source, name):
            stated.append(found)
    if len(stated) < 2:
        return
    reference, where = stated[0]
    for other, other_where in stated[1:]:
        context.compare(other, reference, [reference], f"{name}：{other_where}", where)


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
                _same(context, f"{row.code} {row.name} {column}", sources)


@check_kind(
    "code_pair",
    pairs=Param(
        ListOf(Record({"economic": Param(TEXT), "functional": Param(ListOf(TEXT))})),
        help="an economic code and the functional codes that are the same money",
    ),
)
def code_pair(context: Context) -> None:
    """An economic code equals the functional code that is its mirror (30108 = 2080505 ...)."""
    economic_kind, functional_kind = "一般公共预算基本支出表", "一般公共预算支出表"
    economic_tables, functional_tables = (
        tables(context.document, economic_kind),
        tables(context.document, functional_kind),
    )
    if not economic_tables or not functional_tables:
        context.skip(f"缺少{economic_kind}或{functional_kind}")
        return
    for pair in context.rule.params["pairs"]:
        economic = row_by_code(economic_tables[0], str(pair["economic"]))
        functional_rows = [
            row_by_code(functional_tables[0], str(code)) for code in pair["functional"]
        ]
        present = [row for row in functional_rows if row is not None]
        if economic is None and not present:
            continue
        stated = cell(economic, "合计") if economic is not None else Figure.zero()
        parts = [
            cell(row, "基本支出") if "基本支出" in row.cells else cell(row, "合计")
            for row in present
        ]
        codes = "+".join(str(code) for code in pair["functional"])
        context.compare(
            stated, Figure.total(parts), parts,
            f"{economic_kind}「{pair['economic']} {economic.name if economic else ''}」",
            f"{functional_kind}「{codes}」",
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
    """A figure that includes another is not smaller (三公 公务接待费 ≥ 基本支出表 30217 公务接待费)."""
    for pair in context.rule.params["pairs"]:
        whole_table = next(iter(tables(context.document, pair["whole"]["table"])), None)
        part_table = next(iter(tables(context.document, pair["part"]["table"])), None)
        if whole_table is None or part_table is None:
            continue
        whole_row, part_row = (
            _source_row(whole_table, pair["whole"]),
            _source_row(part_table, pair["part"]),
        )
        if part_row is None:
            continue
        part = cell(part_row, pair["part"]["column"])
        whole = cell(whole_row, pair["whole"]["column"]) if whole_row is not None else Figure.zero()
        if whole.fact is None and not whole_table.knows(pair["whole"]["column"]):
            context.skip(
                f"{pair['whole']['table']}「{pair['whole']['column']}」未读出（表中有未读懂的数字或"
                "没有这一列），未与其中的分项比较"
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
            f"{pair['whole']['table']}「{pair['whole']['column']}」为 {wan(whole.value)}，"
            f"小于其中的{pair['part']['table']}「{part_row.code} {part_row.name}」{wan(part.value)}",
            evidence,
            expected=part.value,
            stated=whole.value,
            difference=whole.value - part.value,
        )
