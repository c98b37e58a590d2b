"""Reasons against the document's own figures (BA712).

"比上年减少 11.36 万元，主要是项目支出减少": the reason names a figure and a
direction. When the document itself states that figure for both years (the
部门整体支出绩效目标表's 当年金额 and its 近两年 column), the figure must have
moved that way. Both years are read from the one form, so they cover the same
money; a reason about policy (压减经费) or anything the document gives no
two-year figure for is not checked.

Two other statements of the document count as its own figures:

* a change the document reports for the line that holds all of the named
  money this year (其他网信事务支出 978.48 万元 = all of 项目支出 978.48 万元),
  explained by that money moving the other way ("增加 414.74 万元，主要是项目支出
  增加"): the document then says both that the money fell and that it rose;
* the 整体 form's headcount indicator (单位在职人员数 2025 年 20 人, 当年 23 人)
  for a reason about headcount ("主要是在职人员减少"), when the 人员构成 does
  not give another current headcount.

The reasons one figure contradicts are one finding (one cause, one finding).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from budget_audit.checks.claim_support import overall_fact
from budget_audit.claims.model import ChangeClaim
from budget_audit.claims.reader import DECREASE, INCREASE
from budget_audit.claims.subjects import resolve
from budget_audit.document import Document
from budget_audit.facts import Fact
from budget_audit.findings import Evidence
from budget_audit.messages import Note, Term, message
from budget_audit.params import TEXT, ListOf, Param, Record
from budget_audit.rule import Context, check_kind
from budget_audit.tolerance import Figure, Verdict, compare

_REASON = re.compile(r"(?:主要|原因)(?:原因)?(?:是|系|由于|因为|为)")
_UP = "增加|增长|上升|新增|提高"
_DOWN = "减少|下降|降低|压减|缩减|削减|调减"
_STAFF_STATED = re.compile(r"在职实有人数\s*(\d+)\s*人")


@dataclass(frozen=True)
class Reason:
    """A change's reason: the figure it names, its direction word, and where the word stands."""

    claim: ChangeClaim
    subject: str
    word: str
    start: int

    @property
    def direction(self) -> str:
        """增加 or 减少, as the word says."""
        return INCREASE if re.fullmatch(_UP, self.word) else DECREASE

    def evidence(self, context: Context) -> Evidence:
        """The reason's direction word, on its line."""
        sentence = self.claim.sentence
        return Evidence.at(context.document.source, sentence.line_at(self.start), self.word)


@check_kind(
    "change_reasons",
    components=Param(
        ListOf(Record({"words": Param(ListOf(TEXT)), "subject": Param(TEXT)})),
        help="how a reason names a figure, and the subject (data/subjects.yaml) that figure is",
    ),
    staff_words=Param(
        ListOf(TEXT), help="how a reason names the headcount (在职人员); empty: not checked"
    ),
    staff_rows=Param(
        ListOf(TEXT), help="the 整体 form's indicator rows that state the headcount (在职人员数)"
    ),
)
def change_reasons(context: Context) -> None:
    """A change's reason ("主要是项目支出减少") agrees with how that figure moved in the document."""
    unchecked: list[Reason] = []
    for claim in context.document.claims.changes:
        reason = _reason(claim, context.rule.params["components"])
        if reason is not None and claim.current is not None and not _against_form(context, reason):
            unchecked.append(reason)
    _against_own_lines(context, unchecked)
    _against_headcount(context)


def _against_form(context: Context, reason: Reason) -> bool:
    """Check a reason against the 整体 form's two years; False when the form lacks them."""
    claim, subject = reason.claim, reason.subject
    assert claim.current is not None
    own = resolve(context.document, claim.current.subject)
    resolution = resolve(context.document, subject)
    if resolution is None or not resolution.overall:
        return True
    if own is not None and own.overall == resolution.overall:
        return True  # the figure's change explained by itself: nothing to compare
    year = _year(context, claim)
    current = overall_fact(context, resolution.overall, "当年金额")
    prior = overall_fact(context, resolution.overall, f"{year}年")
    if current is None or prior is None:
        claim.note = claim.note or Note(message("claims.no_two_years", subject=subject))
        return False
    verdict = compare(Figure.of(current), Figure.of(prior))
    moved = (
        "持平" if verdict is not Verdict.MISMATCH
        else INCREASE if current.value > prior.value else DECREASE
    )  # fmt: skip
    if moved == reason.direction:
        return True
    source = context.document.source
    context.report(
        message(
            "reasons.moved_otherwise",
            direction=Term(claim.direction),
            subject=subject,
            word=reason.word,
            table=Term(current.table),
            year=year,
            prior=Figure.of(prior).value,
            current=Figure.of(current).value,
            moved=Term(moved),
        ),
        [reason.evidence(context), Evidence.of(current, source), Evidence.of(prior, source)],
    )
    return True


def _against_own_lines(context: Context, reasons: list[Reason]) -> None:
    """Reasons the 整体 form cannot check, against the document's change of the line that holds
    all of the named money this year, explained by that money moving the other way."""
    changes = context.document.claims.changes
    for subject in dict.fromkeys(r.subject for r in reasons):
        resolution = resolve(context.document, subject)
        whole = overall_fact(context, resolution.overall, "当年金额") if resolution else None
        if whole is None:
            continue
        for direction in (INCREASE, DECREASE):
            said = [r for r in reasons if r.subject == subject and r.direction == direction]
            years = {_year(context, r.claim) for r in said}
            other = next(
                (
                    (claim, found)
                    for claim in changes
                    if claim.current is not None
                    and claim.direction not in (direction, "持平")
                    and _year(context, claim) in years
                    and compare(Figure.of(whole), _figure(claim)) is not Verdict.MISMATCH
                    and (found := _reason(claim, context.rule.params["components"])) is not None
                    and found.subject == subject
                    and found.direction == claim.direction
                ),
                None,
            )
            if not said or other is None:
                continue
            claim, found = other
            assert claim.current is not None
            said = [r for r in said if _year(context, r.claim) == _year(context, claim)]
            for reason in said:
                reason.claim.note = ""
            _report_own_line(context, said, claim, found, whole)


def _report_own_line(
    context: Context, said: list[Reason], claim: ChangeClaim, found: Reason, whole: Fact
) -> None:
    """One finding: every reason the document's own line contradicts, then that line."""
    assert claim.current is not None and claim.delta is not None
    source = context.document.source
    context.report(
        message(
            "reasons.own_line_otherwise",
            subject=found.subject,
            word=said[0].word,
            count=len(said),
            item=claim.current.subject,
            current=claim.current.value.amount.value,
            whole=Figure.of(whole).value,
            year=_year(context, claim),
            moved=Term(claim.direction),
            delta=claim.delta.amount.value,
            other=found.word,
        ),
        [
            *(r.evidence(context) for r in said),
            Evidence.at(source, claim.current.value.line, claim.current.value.raw),
            Evidence.at(source, claim.delta.line, claim.delta.raw),
            found.evidence(context),
            Evidence.of(whole, source),
        ],
    )


def _against_headcount(context: Context) -> None:
    """Reasons about headcount ("在职人员减少") against the 整体 form's headcount indicator of the
    same two years; flat or unreadable headcounts, or a 人员构成 that states another current
    headcount than the form's, are not checked."""
    words = context.rule.params.get("staff_words") or []
    rows = context.rule.params.get("staff_rows") or []
    if not words or not rows:
        return
    staff = [{"words": words, "subject": "在职人员"}]
    reasons = [
        r for claim in context.document.claims.changes if (r := _reason(claim, staff)) is not None
    ]
    stated = _stated_staff(context.document)
    for year in dict.fromkeys(_year(context, r.claim) for r in reasons):
        prior, current = _headcount(context.document, rows, f"{year}年")
        if prior is None or current is None or prior.value == current.value:
            continue
        if stated and current.value not in stated:
            continue
        moved = INCREASE if current.value > prior.value else DECREASE
        said = [r for r in reasons if _year(context, r.claim) == year and r.direction != moved]
        if not said:
            continue
        source = context.document.source
        context.report(
            message(
                "reasons.headcount_otherwise",
                word=said[0].word,
                count=len(said),
                row=prior.name,
                year=year,
                prior=prior.value,
                current=current.value,
                moved=Term(moved),
            ),
            [
                *(r.evidence(context) for r in said),
                Evidence.of(prior, source),
                Evidence.of(current, source),
            ],
        )


def _headcount(
    document: Document, rows: Iterable[str], column: str
) -> tuple[Fact | None, Fact | None]:
    """The 整体 form's headcount in ``column`` (the prior year) and in its 当年 column, from the
    first indicator row naming the headcount that states both (in 人)."""
    facts = [
        fact
        for table in document.tables_of("部门整体支出绩效目标表")
        for fact in table.facts
        if fact.unit == "人" and any(word in fact.name for word in rows)
    ]
    for name in dict.fromkeys(fact.name for fact in facts):
        prior = next((f for f in facts if f.name == name and f.column == column), None)
        current = next((f for f in facts if f.name == name and f.column.startswith("当年")), None)
        if prior is not None and current is not None:
            return prior, current
    return None, None


def _stated_staff(document: Document) -> set[Decimal]:
    """The current headcounts the 人员构成 states (在职实有人数 23 人)."""
    return {
        Decimal(match.group(1))
        for line in document.source.lines
        for match in _STAFF_STATED.finditer(line)
    }


def _figure(claim: ChangeClaim) -> Figure:
    """The change's current amount (万元) as a figure."""
    assert claim.current is not None
    amount = claim.current.value.amount
    return Figure(amount.value, amount.interval)


def _year(context: Context, claim: ChangeClaim) -> int | None:
    """The year a change is measured against (the year before the document's, unless stated)."""
    return claim.year or (context.document.year - 1 if context.document.year else None)


def _reason(claim: ChangeClaim, components: list[dict[str, Any]]) -> Reason | None:
    """The figure and direction the change's reason names."""
    mentions = [m for m in (claim.delta, claim.percent) if m is not None]
    if not mentions:
        return None
    text = claim.sentence.text
    after = max(m.end for m in mentions)
    opening = _REASON.search(text, after)
    if opening is None or re.search(r"[。;]", text[after : opening.start()]):
        return None
    clause = re.split(r"[。;,]", text[opening.end() :])[0]
    for component in components:
        words = "|".join(re.escape(word) for word in component["words"])
        match = re.search(
            rf"(?P<before>{_UP}|{_DOWN})了?(?:{words})|(?:{words})的?(?P<after>{_UP}|{_DOWN})",
            clause,
        )
        if match:
            word = match.group("before") or match.group("after")
            return Reason(claim, str(component["subject"]), word, opening.end() + match.start())
    return None
