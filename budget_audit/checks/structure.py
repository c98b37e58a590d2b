"""The document's structure: promised tables, tables that say they are empty, units."""

from __future__ import annotations

from budget_audit.engine import Context, check_kind
from budget_audit.findings import Evidence


@check_kind("promised_tables")
def promised_tables(context: Context) -> None:
    """A table the contents page promises is printed in the body."""
    document = context.document
    present = {table.kind.name for table in document.tables}
    reported: set[str] = set()
    for promise in document.promises:
        if promise.kind in present or promise.kind in reported:
            continue
        reported.add(promise.kind)
        evidence = Evidence(promise.line, document.source.line(promise.line).strip(), promise.text)
        if promise.title_only:
            message = (
                f"「{promise.kind}」只有标题，没有表格内容（原件中可能是图片），表中数字无法核对"
            )
        else:
            message = f"目录列有「{promise.kind}」，正文中没有这张表"
        context.report(message, [evidence])


@check_kind("empty_table_with_figures")
def empty_table_with_figures(context: Context) -> None:
    """A table that says it has nothing ("本单位无…") holds no non-zero figure."""
    for table in context.document.tables:
        if table.note is None:
            continue
        nonzero = [fact for fact in table.facts if fact.value != 0]
        if nonzero:
            evidence = [Evidence.of(fact, context.document.source) for fact in nonzero]
            context.report(
                f"{table.id} 说明「{table.note}」，却列有非零数 {nonzero[0].raw}", evidence
            )
