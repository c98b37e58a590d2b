"""Item lists (BA706, shifts and sums) and counts (BA707)."""

from __future__ import annotations

from decimal import Decimal

from budget_audit.checks.claim_support import (
    claim_evidence,
    fact_evidence,
    mention_figure,
    report_amount,
    whole_units_figure,
)
from budget_audit.claims.model import AmountClaim, ListClaim
from budget_audit.claims.subjects import Resolution, resolve
from budget_audit.findings import Evidence
from budget_audit.messages import Items, Note, Term, message
from budget_audit.rule import Context, check_kind
from budget_audit.tolerance import Figure, Verdict, compare


@check_kind("claim_lists")
def claim_lists(context: Context) -> None:
    """Each listed item equals its table row, a shift by one place is named as such, and the items add up."""
    for item_list in context.document.claims.lists:
        _check_items(context, item_list)
        _check_sum(context, item_list)


def _check_items(context: Context, item_list: ListClaim) -> None:
    resolved: list[tuple[AmountClaim, list[Figure]]] = []
    for item in item_list.items:
        resolution = resolve(context.document, item.subject, rows_first=True)
        figures = (
            [Figure.of(f) for f in resolution.facts if f.value_wan is not None]
            if resolution
            else []
        )
        if resolution is not None and resolution.empty_row is not None:
            figures.append(Figure.zero())
        resolved.append((item, figures))
    stated = [mention_figure(item.value) for item, _ in resolved]
    matches = [
        bool(figs) and any(compare(s, f) is not Verdict.MISMATCH for f in figs)
        for s, (_, figs) in zip(stated, resolved, strict=True)
    ]
    shifted = _shift_run(stated, resolved, matches)
    for index, ((item, figures), ok) in enumerate(zip(resolved, matches, strict=True)):
        if not figures:
            item.note = Note(message("claims.no_figure"))
            continue
        item.status = "verified" if ok else "contradicted"
        if not ok and index not in shifted:
            report_amount(
                context,
                item,
                Resolution(tuple(f.fact for f in figures if f.fact is not None), "name"),
                figures,
            )
    if shifted:
        names = [resolved[i][0].subject for i in shifted]
        said = Items(tuple(message("lists.item", subject=resolved[i][0].subject, value=resolved[i][0].value.raw) for i in shifted))  # fmt: skip
        table = Items(tuple(message("lists.item_amount", subject=resolved[i][0].subject, value=resolved[i][1][0].value) for i in shifted))  # fmt: skip
        evidence = [
            claim_evidence(context, resolved[i][0].sentence, resolved[i][0].value) for i in shifted
        ]
        evidence += [
            fact_evidence(context, f.fact)
            for i in shifted
            for f in resolved[i][1][:1]
            if f.fact is not None
        ]
        context.report(
            message("lists.shifted", said=said, table=table, names=Items(tuple(names))),
            evidence,
        )


def _shift_run(
    stated: list[Figure], resolved: list[tuple[AmountClaim, list[Figure]]], matches: list[bool]
) -> list[int]:
    """The items whose stated amount is the table amount of the item before them (a run of two or more)."""
    run: list[int] = []
    best: list[int] = []
    for index in range(1, len(stated)):
        previous_figures = resolved[index - 1][1]
        moved = (
            not matches[index]
            and bool(resolved[index][1])  # an item with no figure of its own is not checked
            and any(compare(stated[index], f) is not Verdict.MISMATCH for f in previous_figures)
        )
        if moved:
            run.append(index)
            if len(run) > len(best):
                best = list(run)
        else:
            run = []
    return best if len(best) >= 2 else []


def _whole_units(item_list: ListClaim) -> bool:
    """Whether the total and every item are printed without decimals."""
    assert item_list.total is not None
    return all(
        "." not in m.raw for m in (item_list.total.value, *(i.value for i in item_list.items))
    )


def _adds_up(total: Figure, items: list[AmountClaim]) -> bool:
    """Whether ``items`` add up to ``total`` within rounding."""
    summed = Figure.total(mention_figure(item.value) for item in items)
    return compare(total, summed) is not Verdict.MISMATCH


def _check_sum(context: Context, item_list: ListClaim) -> None:
    if item_list.total is None:
        return
    total = mention_figure(item_list.total.value)
    parts = [mention_figure(item.value) for item in item_list.items]
    verdict = compare(total, Figure.total(parts))
    evidence = [claim_evidence(context, item_list.sentence, item_list.total.value)]
    evidence += [claim_evidence(context, item.sentence, item.value) for item in item_list.items]
    summed = Figure.total(parts).value
    if verdict is Verdict.EQUAL:
        item_list.status = "verified"
        return
    if verdict is Verdict.MISMATCH and item_list.whole:
        # the separators change midway: the list may run on, and where it ends is uncertain
        if _adds_up(total, item_list.whole):
            item_list.status = "verified"
        else:
            item_list.note = Note(message("claims.list_end_unclear"))
        return
    if verdict is Verdict.MISMATCH and _whole_units(item_list):
        # every figure printed in whole units: each is rounded to the unit, and so may the sum be
        rounded = [whole_units_figure(item.value) for item in item_list.items]
        verdict = compare(whole_units_figure(item_list.total.value), Figure.total(rounded))
    severity = "info" if verdict is Verdict.ROUNDING else None
    item_list.status = "verified" if severity else "contradicted"
    unit = item_list.total.value.unit  # the sentence's unit (元 or 万元); figures are in 万元
    scale = Decimal(10000) if unit == "元" else Decimal(1)
    context.report(
        message(
            "lists.sum_rounding" if severity else "lists.sum",
            subject=item_list.total.subject,
            stated=item_list.total.value.raw,
            unit=Term(unit),
            n=len(parts),
            summed=summed * scale,
            gap=(total.value - summed) * scale,
        ),
        evidence,
        severity,
        expected=summed,
        stated=total.value,
        difference=total.value - summed,
    )


@check_kind("claim_counts")
def claim_counts(context: Context) -> None:
    """A count the narrative states equals what it counts: project forms, or the items it lists."""
    document = context.document
    forms = [t for t in document.tables if t.kind.name == "项目支出绩效目标表"]
    for claim in document.claims.counts:
        stated = int(claim.count.amount.value)
        if claim.what.endswith("项目支出绩效目标"):
            if not forms:
                claim.note = Note(message("claims.no_project_forms"))
                continue
            actual, what, severity = len(forms), "份项目支出绩效目标表", None
        elif claim.listed:
            actual, what, severity = len(claim.listed), "项（其后逐项列出）", "warning"
        else:
            continue
        claim.status = "verified" if actual == stated else "contradicted"
        if actual != stated:
            evidence = (
                [claim_evidence(context, claim.sentence, claim.count)] if claim.sentence else []
            )
            evidence += (
                [Evidence.at(document.source, t.first_line, t.title) for t in forms[:1]]
                if forms and severity is None
                else []
            )
            context.report(message("lists.count", stated=stated, noun=claim.noun, what=claim.what, actual=actual, counted=Term(what)), evidence, severity,
                           expected=Decimal(actual), stated=Decimal(stated), difference=Decimal(stated - actual))  # fmt: skip
