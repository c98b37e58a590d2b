"""A project's amount in the 情况说明 against its own form (BA409).

The 情况说明 lists the year's projects with their money ("1.机动经费 12.96 万元，
主要用于…"). With a 项目支出表 those amounts are checked against its rows
(BA701). A disclosure whose tables were printed as pictures still prints
the project forms as text, and each form states its 项目当年预算: that is the
figure the sentence restates. A sentence is compared only when its subject
names one form's 项目名称 unambiguously, and only when the tables did not
already settle it. An amount that equals another money figure of the form
(one of its funding sources) is the sentence choosing that source: no finding.
"""

from __future__ import annotations

from budget_audit.checks.claim_support import claim_evidence, fact_evidence, mention_figure
from budget_audit.claims.model import AmountClaim
from budget_audit.claims.subjects import compact_subject, resolve
from budget_audit.facts import Fact
from budget_audit.messages import Note, Term, message
from budget_audit.rule import Context, check_kind
from budget_audit.tables.forms import project_title
from budget_audit.tables.table import Table
from budget_audit.tolerance import Figure, Verdict, compare

_BUDGET = ("项目当年预算", "当年预算", "项目本年预算")
_SHORTEST_NAME = 4  # a shorter name (经费, 项目) is contained in too many others


def _forms(context: Context) -> list[tuple[str, Table, Fact]]:
    """Each project form with a 项目名称 and a 项目当年预算: (name, form, budget)."""
    found = []
    for table in context.document.tables:
        if table.kind.name != "项目支出绩效目标表":
            continue
        name = project_title(context.document.source, table)
        budget = next((f for f in table.facts if f.column in _BUDGET), None)
        if len(name) >= _SHORTEST_NAME and budget is not None:
            found.append((name, table, budget))
    return found


def _form_of(subject: str, forms: list[tuple[str, Table, Fact]]) -> tuple[str, Table, Fact] | None:
    """The one form whose 项目名称 the subject names (it may carry a heading before the name)."""
    key = compact_subject(subject)
    same = [form for form in forms if form[0] == key]
    if same:
        return same[0] if len(same) == 1 else None
    within = [form for form in forms if form[0] in key]
    return within[0] if len(within) == 1 else None


@check_kind("project_claims")
def project_claims(context: Context) -> None:
    """A project amount the narrative states equals its form's 项目当年预算."""
    forms = _forms(context)
    if not forms:
        return
    for claim in context.document.claims.amounts:
        form = _form_of(claim.subject, forms)
        if form is None:
            continue
        resolution = resolve(
            context.document, claim.subject, sentence=claim.sentence, at=claim.value.start
        )
        if resolution is not None and (resolution.facts or resolution.empty_row is not None):
            continue  # the tables state it: the narrative rules compare it there
        _judge(context, claim, *form)


def _judge(context: Context, claim: AmountClaim, name: str, table: Table, budget: Fact) -> None:
    stated = mention_figure(claim.value)
    verdict = compare(stated, Figure.of(budget))
    if verdict is not Verdict.MISMATCH:
        claim.status = "verified"
        return
    money = [f for f in table.facts if f.unit in ("万元", "元") and f is not budget]
    if any(compare(stated, Figure.of(f)) is not Verdict.MISMATCH for f in money):
        claim.note = Note(message("claims.same_as_other_amount", table=Term(table.id)))
        return
    claim.status = "contradicted"
    context.report(
        message(
            "project_claims.budget",
            name=name,
            stated=claim.value.raw,
            table=Term(table.id),
            budget=budget.raw,
            gap=stated.value - Figure.of(budget).value,
        ),
        [claim_evidence(context, claim.sentence, claim.value), fact_evidence(context, budget)],
        expected=Figure.of(budget).value,
        stated=stated.value,
        difference=stated.value - Figure.of(budget).value,
    )
