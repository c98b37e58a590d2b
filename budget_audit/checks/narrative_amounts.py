"""Narrative amounts: against the tables (BA701), shares (BA702), 科目 names (BA710), the year (BA709)."""

from __future__ import annotations

import re

from budget_audit.checks.claim_support import (
    TRUNCATED,
    claim_evidence,
    fact_evidence,
    judge,
    mention_figure,
    overall_current,
    report_amount,
    truncated,
)
from budget_audit.claims.model import AmountClaim
from budget_audit.claims.reader import common_run
from budget_audit.claims.subjects import (
    Resolution,
    compact_subject,
    labelled,
    names_known_figure,
    resolve,
)
from budget_audit.facts import Fact
from budget_audit.findings import Evidence
from budget_audit.messages import Note, Term, message
from budget_audit.rule import Context, check_kind
from budget_audit.tolerance import (
    Figure,
    Verdict,
    compare,
    exact_share,
    share_interval,
    share_verdict,
)


def _list_members(context: Context) -> set[int]:
    return {id(item) for item_list in context.document.claims.lists for item in item_list.items}


@check_kind("claim_amounts")
def claim_amounts(context: Context) -> None:
    """An amount the narrative states for a named subject equals the table's figure."""
    in_lists = _list_members(context)
    for claim in context.document.claims.amounts:
        if id(claim) in in_lists:
            continue
        resolution = resolve(
            context.document, claim.subject, sentence=claim.sentence, at=claim.value.start
        )
        if resolution is not None and not resolution.facts and resolution.empty_row is None:
            stated_there = overall_current(context, resolution.overall)
            if stated_there is not None:
                resolution = Resolution((stated_there,), "overall")
        if resolution is None or (not resolution.facts and resolution.empty_row is None):
            claim.note = (resolution.why if resolution else "") or Note(message("claims.no_figure"))
            continue
        verdict, figures = judge(claim, resolution)
        if verdict is None:
            continue
        claim.status = "contradicted" if verdict is Verdict.MISMATCH else "verified"
        if verdict is Verdict.MISMATCH:
            report_amount(context, claim, resolution, figures)


@check_kind("claim_shares")
def claim_shares(context: Context) -> None:
    """A share (占 X%) is the amount before it over the total its sentence opened, at its printed precision."""
    for claim in context.document.claims.shares:
        if claim.base is None:
            claim.note = Note(message("claims.no_base"))
            continue
        part, base = mention_figure(claim.part.value), mention_figure(claim.base.value)
        verdict = share_verdict(claim.share.amount.interval, part, base)
        if verdict is None:
            continue
        claim.status = "contradicted" if verdict is Verdict.MISMATCH else "verified"
        if verdict is Verdict.MISMATCH:
            computed = exact_share(part, base)
            cut = truncated(claim.share, share_interval(part, base))
            context.report(
                message(
                    "narrative.share",
                    part=claim.part.subject,
                    part_value=claim.part.value.raw,
                    part_unit=Term(claim.part.value.unit),
                    base=claim.base.subject,
                    base_value=claim.base.value.raw,
                    base_unit=Term(claim.base.value.unit),
                    computed=computed,
                    share=claim.share.raw,
                    cut=message("narrative.cut", why=Term(TRUNCATED)) if cut else "",
                ),
                [
                    claim_evidence(context, claim.sentence, m)
                    for m in (claim.share, claim.part.value, claim.base.value)
                ],
                "warning" if cut else None,
                expected=computed,
                stated=claim.share.amount.value,
                difference=claim.share.amount.value - computed,
            )


_PATH_TEXT = re.compile(r"(?:[^(),;:。、.．\d\s]+\((?:类|款|项)\))+")


@check_kind("subject_names")
def subject_names(context: Context) -> None:
    """A 科目 or row the narrative names exists in the tables under that name."""
    reported: set[tuple[int, str]] = set()
    for claim in context.document.claims.amounts:
        subject = labelled(claim.subject, claim.sentence, claim.value.start)
        resolution = resolve(context.document, subject, sentence=claim.sentence)
        if resolution is not None and resolution.path_problem:
            reported.add((claim.sentence.first_line, compact_subject(subject)))
            context.report(
                message("narrative.path", subject=subject, problem=resolution.path_problem),
                [claim_evidence(context, claim.sentence, claim.value)],
            )
            continue
        if (
            resolution is None
            and _looks_like_row(claim.subject)
            and not names_known_figure(claim.subject)
        ):
            _similar_row(context, claim)
    _paths_without_amounts(context, reported)


def _paths_without_amounts(context: Context, reported: set[tuple[int, str]]) -> None:
    """科目 paths the narrative names as headings, with no amount of their own (``1、一般公共服务支出(类)财政事务(款)``)."""
    for paragraph in context.document.narrative:
        for sentence in paragraph.sentences:
            for match in _PATH_TEXT.finditer(sentence.text):
                path = compact_subject(match.group())
                if any(
                    line == sentence.first_line and path in subject for line, subject in reported
                ):
                    continue
                resolution = resolve(context.document, path)
                if resolution is None or not resolution.path_problem:
                    continue
                line = sentence.line_at(match.start())
                context.report(
                    message(
                        "narrative.path", subject=match.group(), problem=resolution.path_problem
                    ),
                    [Evidence.at(context.document.source, line, match.group())],
                )


def _shared_characters(a: str, b: str) -> int:
    """How many characters two names share, counted with repeats (其他抚恤支出 ~ 其他优抚支出: 5)."""
    pool = list(b)
    shared = 0
    for character in a:
        if character in pool:
            pool.remove(character)
            shared += 1
    return shared


_ROW_ENDINGS = ("支出", "缴费", "经费", "补助", "费")


def _looks_like_row(subject: str) -> bool:
    return 2 <= len(subject) <= 20 and subject.endswith(_ROW_ENDINGS)


def _stem(name: str) -> str:
    """A row name without the word that ends so many names (支出, 费 …): two names that share
    only that word (基本支出, 一般公共服务支出) are not alike."""
    for ending in _ROW_ENDINGS:
        if name.endswith(ending):
            return name[: -len(ending)]
    return name


def _similar_row(context: Context, claim: AmountClaim) -> None:
    stated = mention_figure(claim.value)
    best: tuple[int, Fact] | None = None
    for table in context.document.tables:
        if table.kind.layout != "grid":
            continue
        for row in table.rows:
            fact = row.cells.get("合计")
            if fact is None or not row.name or compare(stated, Figure.of(fact)) is Verdict.MISMATCH:
                continue
            shared = _shared_characters(claim.subject, row.name)
            alike = common_run(_stem(claim.subject), _stem(row.name)) >= 2
            if alike and (best is None or shared > best[0]):
                best = (shared, fact)
    if best is not None and stated.value != 0:
        fact = best[1]
        project = fact.kind == "项目支出表"  # a project's name, not a 科目's
        context.report(
            message(
                "narrative.similar_project" if project else "narrative.similar_row",
                subject=claim.subject,
                stated=claim.value.raw,
                row=f"{fact.code or ''} {fact.name}".strip(),
            ),
            [claim_evidence(context, claim.sentence, claim.value), fact_evidence(context, fact)],
        )


_NOT_CURRENT = (
    "截至",
    "比",
    "较",
    "相比",
    "上年",
    "执行",
    "完成",
    "决算",
    "评价",
    "实际",
    "达标",
    "自评",
)


@check_kind("claim_year")
def claim_year(context: Context) -> None:
    """A clause stating a current budget figure names the document's budget year."""
    year = context.document.year
    if year is None:
        context.skip(message("narrative.no_year"))
        return
    if context.document.kind.stage == "决算":
        # a 决算 sets the year's outturn beside the prior year's ("2016年度支出合计 628 万元")
        context.skip(message("narrative.final_years_side_by_side"))
        return
    seen: set[int] = set()
    for claim in context.document.claims.amounts:
        sentence = claim.sentence
        if id(sentence) in seen or any(word in sentence.text for word in _NOT_CURRENT):
            continue
        clause = sentence.text[clause_start(sentence.text, claim.value.start) : claim.value.start]
        match = re.search(r"(20\d\d)\s*年", clause)
        resolution = resolve(
            context.document, claim.subject, sentence=sentence, at=claim.value.start
        )
        if match is None or int(match.group(1)) == year or resolution is None:
            continue
        if not resolution.how.startswith("vocabulary"):
            continue
        seen.add(id(sentence))
        line = sentence.line_at(clause_start(sentence.text, claim.value.start) + match.start(1))
        context.report(
            message("narrative.year", year=year, named=match.group(1), text=sentence.text[:40]),
            [Evidence.at(context.document.source, line, match.group(1))],
        )


def clause_start(text: str, position: int) -> int:
    """Where the clause holding ``position`` begins (after the last , ; : 。 or 、 before it)."""
    breaks = [m.end() for m in re.finditer(r"[,;:。、]", text[:position])]
    return breaks[-1] if breaks else 0
