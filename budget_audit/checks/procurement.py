"""Procurement and assets: the project forms' 项目采购 parts against the 政府采购预算表, the
narrative's 政府采购 total and its 货物/服务/工程 amounts, its new-asset statement, and the
economic classes of the forms' 测算 lines.

Figures of different scope are never held equal: a form lists one project's
purchases, a listing every purchase of the department, so across them only
"the part is not more than the whole" is sure, and a line that could not be
read makes a sum a lower bound, never a total.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from budget_audit.checks.claim_support import claim_evidence, mention_figure
from budget_audit.claims.model import AmountClaim
from budget_audit.document import Document
from budget_audit.facts import Fact
from budget_audit.findings import Evidence
from budget_audit.messages import Items, Term, message
from budget_audit.rule import Context, check_kind
from budget_audit.tables.procurement import (
    FORM_KIND,
    LISTING_KINDS,
    CalculationLine,
    EconomicClass,
    FormProcurement,
    ListingReading,
    bare,
    calculation_classes,
    project_name,
    read_form_procurement,
    read_listing_records,
    vocabulary,
)
from budget_audit.tolerance import Figure, Verdict, compare

PROCUREMENT_LISTING = LISTING_KINDS[0]


@dataclass
class Statement:
    """The narrative's procurement paragraph: its total and the categories stated after it."""

    total: AmountClaim
    categories: dict[str, AmountClaim] = field(default_factory=dict)


def _is_total(subject: str) -> bool:
    words = vocabulary()["total"]
    categories = vocabulary()["category_words"]
    return (
        any(name in subject for name in words["names"])
        and subject.endswith(tuple(words["ends"]))
        and not any(word in subject for word in (*words["excluded"], *categories))
    )


def _category(subject: str) -> str | None:
    words = vocabulary()
    named = [c for w, c in words["category_words"].items() if w in subject]
    excluded = any(word in subject for word in words["total"]["excluded"])
    return named[0] if len(named) == 1 and not excluded else None


def statements(document: Document) -> list[Statement]:
    """Each paragraph's procurement total with the category amounts that follow it there."""
    paragraph_of = {
        id(sentence): index
        for index, paragraph in enumerate(document.narrative)
        for sentence in paragraph.sentences
    }
    found: dict[int, Statement] = {}
    for claim in document.claims.amounts:
        if claim.value.unit not in ("万元", "元"):
            continue
        paragraph = paragraph_of.get(id(claim.sentence))
        if paragraph is None:
            continue
        subject = bare(claim.subject)
        statement = found.get(paragraph)
        if statement is None:
            if _is_total(subject):
                found[paragraph] = Statement(claim)
            continue
        category = _category(subject)
        if category is not None and category not in statement.categories:
            statement.categories[category] = claim
    return list(found.values())


def new_asset_claims(document: Document) -> list[AmountClaim]:
    """The narrative's amounts of this year's new assets (2026 年新增国有资产 0 万元)."""
    subject = re.compile(vocabulary()["new_assets"]["subject"])
    return [
        claim
        for claim in document.claims.amounts
        if claim.value.unit in ("万元", "元") and subject.search(bare(claim.subject))
    ]


def form_parts(context: Context) -> list[FormProcurement]:
    """The 项目采购 part of every project form (memoised on the document)."""
    key = ("procurement", "forms")
    memo = context.document.memo
    if key not in memo:
        source = context.document.source
        parts = (read_form_procurement(source, t) for t in context.document.tables_of(FORM_KIND))
        memo[key] = [part for part in parts if part is not None]
    found = memo[key]
    assert isinstance(found, list)
    return found


BUDGET_COLUMNS = ("项目当年预算", "当年预算", "项目本年预算")


def read_parts(context: Context) -> list[FormProcurement]:
    """The forms' 项目采购 parts whose purchases can be summed.

    A form whose purchases add up to more than its own 项目当年预算 is not
    summed: the likelier reading is that its 金额 are in another unit than the
    form's (元 under a 万元 form), not that a project buys more than it has.
    """
    tables = {t.id: t for t in context.document.tables_of(FORM_KIND)}
    usable = []
    for part in form_parts(context):
        budget = next((f for f in tables[part.table].facts if f.column in BUDGET_COLUMNS), None)
        bought = _sum([p.amount for p in part.purchases])
        if budget is not None and _exceeds(bought, Figure.of(budget)):
            context.skip(
                message(
                    "procurement.above_budget",
                    form=Term(part.table),
                    listed=bought.value,
                    budget=Figure.of(budget).value,
                )
            )
            continue
        usable.append(part)
    return usable


def listing_readings(context: Context, kind: str) -> list[ListingReading]:
    """The records of every listing of a kind."""
    source = context.document.source
    return [read_listing_records(source, t) for t in context.document.tables_of(kind)]


def _sum(facts: list[Fact]) -> Figure:
    return Figure.total(Figure.of(f) for f in facts)


def _evidence(context: Context, facts: list[Fact]) -> list[Evidence]:
    return [Evidence.of(f, context.document.source) for f in facts]


def _exceeds(part: Figure, whole: Figure) -> bool:
    """Whether a part is more than a whole beyond what rounding allows."""
    return part.interval.low > whole.interval.high


@check_kind("procurement_categories")
def procurement_categories(context: Context) -> None:
    """The narrative's 货物/服务/工程 amounts equal the 政府采购预算表's, by 品目 category.

    Held only where the two speak of one scope: the narrative's total equals the
    listing's, and the listing's categories are printed (一、货物 A) or every
    record's 品目 code was read.
    """
    stated = statements(context.document)
    if not stated:
        return
    for reading in listing_readings(context, PROCUREMENT_LISTING):
        totals = reading.category_totals()
        if totals is None:
            context.skip(message("procurement.listing_unread", table=Term(reading.table.id)))
            continue
        facts = {c: [f] if isinstance(f, Fact) else f for c, f in totals.items()}
        whole = _sum([f for fs in facts.values() for f in fs])
        for statement in stated:
            total = mention_figure(statement.total.value)
            if compare(total, whole) is Verdict.MISMATCH:
                context.skip(
                    message(
                        "procurement.other_scope",
                        table=Term(reading.table.id),
                        stated=total.value,
                        listed=whole.value,
                    )
                )
                continue
            for category, claim in statement.categories.items():
                if category not in facts:
                    continue
                _category_gap(context, reading, category, claim, facts[category])


def _category_gap(
    context: Context, reading: ListingReading, category: str, claim: AmountClaim, facts: list[Fact]
) -> None:
    stated, listed = mention_figure(claim.value), _sum(facts)
    if compare(stated, listed) is not Verdict.MISMATCH:
        return
    evidence = [claim_evidence(context, claim.sentence, claim.value), *_evidence(context, facts)]
    if not facts:
        table = reading.table
        evidence.append(Evidence.at(context.document.source, table.first_line, table.title))
    context.report(
        message(
            "procurement.category",
            subject=claim.subject,
            stated=stated.value,
            table=Term(reading.table.id),
            category=Term(category),
            listed=listed.value,
            n=len(facts),
            difference=stated.value - listed.value,
        ),
        evidence,
        expected=listed.value,
        stated=stated.value,
        difference=stated.value - listed.value,
    )


@check_kind("forms_within_total")
def forms_within_total(context: Context) -> None:
    """What the project forms list under 项目采购 is not more than the narrative's 政府采购 total,
    nor, category by category, more than its 货物/服务/工程 amounts.

    A purchase line that could not be read leaves the forms' sum a lower bound,
    which is all this needs: a lower bound above the total is still above it.
    """
    readable = read_parts(context)
    stated = statements(context.document)
    for part in readable if stated else []:
        for line in part.unread:
            context.skip(message("procurement.unread_line", form=Term(part.table), line=line))
    parts = [part for part in readable if part.purchases]
    if not parts or not stated:
        return
    statement = stated[0]
    purchases = [p for part in parts for p in part.purchases]
    over = [
        (facts, claim, category)
        for category, claim in statement.categories.items()
        if (facts := [p.amount for p in purchases if p.category == category])
        and _excess(facts, claim) is not None
    ]
    whole = [p.amount for p in purchases]
    total_excess = _excess(whole, statement.total)
    # One cause, one finding: when one category is over by just what the total is over by,
    # the gap is in that category, and the total's finding would say the same thing again.
    if total_excess is not None and not (
        len(over) == 1 and _excess(over[0][0], over[0][1]) == total_excess
    ):
        _report_above(context, whole, statement.total, len(parts), None)
    for facts, claim, category in over:
        _report_above(context, facts, claim, len(parts), category)


def _excess(facts: list[Fact], claim: AmountClaim) -> Decimal | None:
    """How much the facts add up to above the claim's amount, if certainly above it."""
    listed, stated = _sum(facts), mention_figure(claim.value)
    return listed.value - stated.value if _exceeds(listed, stated) else None


def _report_above(
    context: Context, facts: list[Fact], claim: AmountClaim, forms: int, category: str | None
) -> None:
    listed, stated = _sum(facts), mention_figure(claim.value)
    context.report(
        message(
            "procurement.forms_above" if category is None else "procurement.forms_category_above",
            forms=forms,
            n=len(facts),
            listed=listed.value,
            subject=claim.subject,
            stated=stated.value,
            category=Term(category or ""),
            difference=listed.value - stated.value,
        ),
        [claim_evidence(context, claim.sentence, claim.value), *_evidence(context, facts)],
        expected=stated.value,
        stated=listed.value,
        difference=listed.value - stated.value,
    )


@check_kind("forms_vs_listing")
def forms_vs_listing(context: Context) -> None:
    """A project's 项目采购 part and its records in the 政府采购预算表 agree: the form does not say
    无 where the listing lists purchases, the two sums are equal, and a form's purchases are
    in the listing under the project's name (or, under another name, at least with the same sum).
    """
    parts = [part for part in read_parts(context) if part.project]
    for reading in listing_readings(context, PROCUREMENT_LISTING):
        if not reading.records:
            continue
        by_project: dict[str, list[Fact]] = {}
        for record in reading.records:
            by_project.setdefault(record.project, []).append(record.amount)
        named = {part.project for part in parts}
        unmatched = [_sum(facts) for name, facts in by_project.items() if name not in named]
        for part in parts:
            records = by_project.get(part.project)
            if records is not None:
                _against_records(context, reading, part, records)
            elif part.purchases and part.complete and reading.complete:
                listed = _sum([p.amount for p in part.purchases])
                if not any(compare(listed, other) is not Verdict.MISMATCH for other in unmatched):
                    _missing(context, reading, part, listed)


def _against_records(
    context: Context, reading: ListingReading, part: FormProcurement, records: list[Fact]
) -> None:
    listed = _sum(records)
    table = Term(reading.table.id)
    source = context.document.source
    if part.stated_none and listed.value > 0:
        evidence = [
            Evidence.at(source, part.heading_line, "项目采购"),
            *_evidence(context, records),
        ]
        context.report(
            message(
                "procurement.form_none",
                form=Term(part.table),
                project=part.project,
                table=table,
                n=len(records),
                listed=listed.value,
            ),
            evidence,
            expected=listed.value,
            stated=Decimal(0),
            difference=-listed.value,
        )
        return
    if not part.purchases or not part.complete:
        return
    stated = _sum([p.amount for p in part.purchases])
    if compare(stated, listed) is not Verdict.MISMATCH:
        return
    context.report(
        message(
            "procurement.form_listing_sum",
            form=Term(part.table),
            project=part.project,
            stated=stated.value,
            table=table,
            n=len(records),
            listed=listed.value,
            difference=stated.value - listed.value,
        ),
        [*_evidence(context, [p.amount for p in part.purchases]), *_evidence(context, records)],
        expected=listed.value,
        stated=stated.value,
        difference=stated.value - listed.value,
    )


def _missing(
    context: Context, reading: ListingReading, part: FormProcurement, listed: Figure
) -> None:
    table = reading.table
    context.report(
        message(
            "procurement.not_in_listing",
            form=Term(part.table),
            project=part.project,
            n=len(part.purchases),
            stated=listed.value,
            table=Term(table.id),
        ),
        [
            *_evidence(context, [p.amount for p in part.purchases]),
            Evidence.at(context.document.source, table.first_line, table.title),
        ],
        stated=listed.value,
    )


@check_kind("new_assets")
def new_assets(context: Context) -> None:
    """The narrative's new assets are not less than what the project forms mark as new assets
    (是否属新增资产配置预算: 是): "新增国有资产 0 万元" beside forms buying new assets is a contradiction."""
    marked = [
        p.amount for part in read_parts(context) for p in part.purchases if p.new_asset is True
    ]
    if not marked:
        return
    listed = _sum(marked)
    for claim in new_asset_claims(context.document):
        stated = mention_figure(claim.value)
        if not _exceeds(listed, stated):
            continue
        forms = len({f.table for f in marked})
        context.report(
            message(
                "procurement.new_assets",
                subject=claim.subject,
                stated=stated.value,
                forms=forms,
                n=len(marked),
                listed=listed.value,
                difference=listed.value - stated.value,
            ),
            [claim_evidence(context, claim.sentence, claim.value), *_evidence(context, marked)],
            expected=listed.value,
            stated=stated.value,
            difference=stated.value - listed.value,
        )


@check_kind("procurement_economic_class")
def procurement_economic_class(context: Context) -> None:
    """A project's purchases in a procurement or asset listing are charged to an economic class
    its form's 测算 provides for: a 测算 of 劳务费 and 维修费 does not fund 办公费 purchases."""
    source = context.document.source
    tables = {t.id: t for t in context.document.tables_of(FORM_KIND)}
    forms = {name: t.id for t in tables.values() if (name := project_name(source, t))}
    classes: dict[str, list[CalculationLine] | None] = {}
    for kind in LISTING_KINDS:
        for reading in listing_readings(context, kind):
            groups: dict[tuple[str, EconomicClass], list[Fact]] = {}
            for record in reading.records:
                if record.project in forms and record.economic is not None:
                    groups.setdefault((record.project, record.economic), []).append(record.amount)
            # One cause, one finding: a project's 测算 that lacks the classes of its purchases
            # is one slip, however many classes the listing charges.
            unprovided: dict[str, list[tuple[EconomicClass, list[Fact]]]] = {}
            for (project, economic), facts in groups.items():
                form = forms[project]
                if form not in classes:
                    classes[form] = calculation_classes(source, tables[form])
                provided = classes[form]
                if provided is None or any(economic.same(c.economic) for c in provided):
                    continue
                unprovided.setdefault(project, []).append((economic, facts))
            for project, charged in unprovided.items():
                form = forms[project]
                _unprovided(context, reading, form, project, charged, classes[form] or [])


def _unprovided(
    context: Context,
    reading: ListingReading,
    form: str,
    project: str,
    charged: list[tuple[EconomicClass, list[Fact]]],
    provided: list[CalculationLine],
) -> None:
    facts = [fact for _, group in charged for fact in group]
    listed = _sum(facts)
    name = "、".join(
        re.sub(r"\s+", "", f"[{e.code}]{e.name}" if e.code else e.name) for e, _ in charged
    )
    names = tuple(dict.fromkeys(c.economic.name or str(c.economic.code) for c in provided))
    source = context.document.source
    lines = [Evidence.at(source, c.line, c.economic.name or str(c.economic.code)) for c in provided]
    context.report(
        message(
            "procurement.economic_class",
            table=Term(reading.table.id),
            project=project,
            n=len(facts),
            listed=listed.value,
            economic=name,
            form=Term(form),
            provided=Items(names),
        ),
        [*_evidence(context, facts), *lines],
        stated=listed.value,
    )
