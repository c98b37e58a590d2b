"""Narrative claims checked against the tables and against the narrative's own numbers.

Each check marks the claims it judged (verified or contradicted); what no
check could judge stays "not checkable" and is listed in the report.
"""

from __future__ import annotations

import re
from decimal import Decimal

from budget_audit.checks.forms import FundingRow, funding_groups
from budget_audit.claims.model import AmountClaim, ChangeClaim, ListClaim, Mention
from budget_audit.claims.reader import INCREASE, SAME, common_run
from budget_audit.claims.subjects import Resolution, compact_subject, resolve
from budget_audit.engine import Context, check_kind
from budget_audit.facts import Fact
from budget_audit.findings import Evidence
from budget_audit.narrative import Sentence
from budget_audit.numbers import Interval
from budget_audit.tolerance import Figure, Verdict, compare, exact_share, share_verdict, wan

HUNDRED = Decimal(100)


def mention_figure(mention: Mention) -> Figure:
    """A narrative amount as a 万元 figure with its rounding interval."""
    scale = Decimal("0.0001") if mention.unit == "元" else Decimal(1)
    interval = mention.amount.interval
    return Figure(
        mention.amount.value * scale, Interval(interval.low * scale, interval.high * scale)
    )


def claim_evidence(context: Context, sentence: Sentence, mention: Mention) -> Evidence:
    """The evidence of a narrative number: its line and the text of that line."""
    return Evidence(mention.line, context.document.source.line(mention.line).strip(), mention.raw)


def fact_evidence(context: Context, fact: Fact) -> Evidence:
    return Evidence.of(fact, context.document.source)


def _judge(claim: AmountClaim, resolution: Resolution) -> tuple[Verdict | None, list[Figure]]:
    """How the claimed amount compares with the figures its subject names (the best of them)."""
    stated = mention_figure(claim.value)
    figures = [Figure.of(fact) for fact in resolution.facts if fact.value_wan is not None]
    if resolution.empty_row is not None:
        figures.append(Figure.zero())
    if not figures:
        return None, []
    verdicts = [compare(stated, figure) for figure in figures]
    for wanted in (Verdict.EQUAL, Verdict.ROUNDING):
        if wanted in verdicts:
            return wanted, [figures[verdicts.index(wanted)]]
    return Verdict.MISMATCH, figures


def _list_members(context: Context) -> set[int]:
    return {id(item) for item_list in context.document.claims.lists for item in item_list.items}


@check_kind("claim_amounts")
def claim_amounts(context: Context) -> None:
    """An amount the narrative states for a named subject equals the table's figure."""
    in_lists = _list_members(context)
    for claim in context.document.claims.amounts:
        if id(claim) in in_lists:
            continue
        resolution = resolve(context.document, claim.subject)
        if resolution is not None and not resolution.facts and resolution.empty_row is None:
            stated_there = _overall_current(context, resolution.overall)
            if stated_there is not None:
                resolution = Resolution((stated_there,), "overall")
        if resolution is None or (not resolution.facts and resolution.empty_row is None):
            claim.note = "表中没有可对应的数字"
            continue
        verdict, figures = _judge(claim, resolution)
        if verdict is None:
            continue
        claim.status = "contradicted" if verdict is Verdict.MISMATCH else "verified"
        if verdict is Verdict.MISMATCH:
            _report_amount(context, claim, resolution, figures)


def _report_amount(
    context: Context, claim: AmountClaim, resolution: Resolution, figures: list[Figure]
) -> None:
    evidence = [claim_evidence(context, claim.sentence, claim.value)]
    evidence += [fact_evidence(context, f.fact) for f in figures if f.fact is not None]
    if resolution.empty_row is not None:
        row = resolution.empty_row
        evidence.append(
            Evidence(row.last_line, context.document.source.line(row.last_line).strip(), "")
        )
    table_values = "、".join(wan(f.value) for f in figures)
    where = figures[0].fact.table if figures[0].fact is not None else "表"
    stated = mention_figure(claim.value).value
    context.report(
        f"情况说明称「{claim.subject}」{claim.value.raw} 万元，{where}中为 {table_values} 万元",
        evidence,
        expected=figures[0].value,
        stated=stated,
        difference=stated - figures[0].value,
    )


@check_kind("claim_shares")
def claim_shares(context: Context) -> None:
    """A share (占 X%) is the amount before it over the total its sentence opened, at its printed precision."""
    for claim in context.document.claims.shares:
        if claim.base is None:
            claim.note = "找不到占比的基数"
            continue
        part, base = mention_figure(claim.part.value), mention_figure(claim.base.value)
        verdict = share_verdict(claim.share.amount.interval, part, base)
        if verdict is None:
            continue
        claim.status = "contradicted" if verdict is Verdict.MISMATCH else "verified"
        if verdict is Verdict.MISMATCH:
            computed = exact_share(part, base)
            context.report(
                f"「{claim.part.subject}」{claim.part.value.raw} 万元占「{claim.base.subject}」{claim.base.value.raw} 万元"
                f"应为 {computed}%，列示 {claim.share.raw}%",
                [
                    claim_evidence(context, claim.sentence, m)
                    for m in (claim.share, claim.part.value, claim.base.value)
                ],
                expected=computed,
                stated=claim.share.amount.value,
                difference=claim.share.amount.value - computed,
            )


def prior_of(claim: ChangeClaim) -> Figure | None:
    """The prior year implied by a change: current ∓ delta (current for 持平)."""
    if claim.current is None:
        return None
    current = mention_figure(claim.current.value)
    if claim.direction == SAME:
        return current
    if claim.delta is None:
        return None
    delta = mention_figure(claim.delta)
    if claim.direction == INCREASE:
        return Figure(current.value - delta.value, current.interval - delta.interval)
    return Figure(current.value + delta.value, current.interval + delta.interval)


def _rate(numerator: Figure, denominator: Figure) -> tuple[Decimal, Decimal] | None:
    if denominator.interval.low <= 0:
        return None
    low = max(numerator.interval.low, Decimal(0)) / denominator.interval.high * HUNDRED
    high = numerator.interval.high / denominator.interval.low * HUNDRED
    return low, high


def _fits(printed: Interval, possible: tuple[Decimal, Decimal] | None) -> bool:
    return possible is not None and printed.low <= possible[1] and possible[0] <= printed.high


@check_kind("change_percent")
def change_percent(context: Context) -> None:
    """A change's percentage is delta over the prior year (current ∓ delta), at its printed precision;
    when it is not, the usual slip is named."""
    for claim in context.document.claims.changes:
        if claim.percent is None or claim.delta is None or claim.current is None:
            if claim.percent is not None:
                claim.note = "缺少本年数或增减额，无法复核增减率"
            continue
        prior = prior_of(claim)
        assert prior is not None
        current, delta = mention_figure(claim.current.value), mention_figure(claim.delta)
        printed = claim.percent.amount.interval
        if _fits(printed, _rate(delta, prior)):
            claim.status = "verified"
            slip = _exact_slip(claim.percent, current, delta, prior)
            if slip is not None:
                context.report(
                    f"「{claim.current.subject}」增减率列示 {claim.percent.raw}%，在四舍五入范围内，"
                    f"但恰是{slip.removeprefix('误')}的结果；按上年 {wan(prior.value)} 万元计算为 "
                    f"{(delta.value / prior.value * HUNDRED).quantize(Decimal('0.01'))}%",
                    [
                        claim_evidence(context, claim.sentence, m)
                        for m in (claim.percent, claim.delta, claim.current.value)
                    ],
                    "info",
                )
            continue
        claim.status = "contradicted"
        diagnosis, severity = _diagnose(printed, current, delta, prior)
        expected = (
            (delta.value / prior.value * HUNDRED).quantize(Decimal("0.01")) if prior.value else None
        )
        word = "增长" if claim.direction == INCREASE else "下降"
        evidence = [
            claim_evidence(context, claim.sentence, m)
            for m in (claim.percent, claim.delta, claim.current.value)
        ]
        context.report(
            f"「{claim.current.subject}」{claim.current.value.raw} 万元比上年{claim.direction} {claim.delta.raw} 万元，"
            f"上年应为 {wan(prior.value)} 万元，{word}率"
            + (f"应为 {expected}%" if expected is not None else "无从计算")
            + f"，列示 {claim.percent.raw}%：{diagnosis}",
            evidence,
            severity,
            expected=expected,
            stated=claim.percent.amount.value,
            difference=claim.percent.amount.value - expected if expected is not None else None,
        )


def _slips(
    current: Figure, delta: Figure, prior: Figure
) -> list[tuple[str, tuple[Decimal, Decimal] | None, Decimal | None]]:
    """The usual wrong computations: (what went wrong, the interval it gives, its exact value)."""

    def exact(numerator: Figure, denominator: Figure) -> Decimal | None:
        return numerator.value / denominator.value * HUNDRED if denominator.value else None

    return [
        ("误以本年数而非上年数为基数计算", _rate(delta, current), exact(delta, current)),
        ("列示的是本年与上年之比，而非增减率", _rate(current, prior), exact(current, prior)),
    ]


def _diagnose(
    printed: Interval, current: Figure, delta: Figure, prior: Figure
) -> tuple[str, str | None]:
    """The usual slip that explains a wrong percentage, and the severity it deserves."""
    if prior.interval.high <= 0 or prior.value == 0:
        if printed.contains(HUNDRED):
            return "上年为 0，增长率无从计算（写成 100% 是常见写法，但不成立）", "warning"
        return "上年为 0，增长率无从计算", None
    slips = _slips(current, delta, prior)
    for what, possible, _ in slips:
        if _fits(printed, possible):
            return what, None
    unit = Decimal(1).scaleb(-printed_places(printed))
    middle = (printed.low + printed.high) / 2
    for what, _, value in slips:
        if value is not None and abs(middle - value) <= unit * Decimal("1.5"):
            return f"{what}（差一个末位）", None
    if abs(middle - delta.value / prior.value * HUNDRED) <= unit * Decimal("1.5"):
        return "常见的计算错误都不能解释这个数，与正确结果差一个末位", None
    return "常见的计算错误都不能解释这个数", None


def _exact_slip(printed: Mention, current: Figure, delta: Figure, prior: Figure) -> str | None:
    """A slip that reproduces the printed percentage exactly when the right computation does not."""
    places = printed.amount.places
    right = (
        (delta.value / prior.value * HUNDRED).quantize(Decimal(1).scaleb(-places))
        if prior.value
        else None
    )
    if right == printed.amount.value:
        return None
    for what, _, value in _slips(current, delta, prior):
        if value is not None and value.quantize(Decimal(1).scaleb(-places)) == printed.amount.value:
            return what
    return None


def printed_places(printed: Interval) -> int:
    """The decimals of a printed percentage, from its rounding interval's width."""
    width = printed.high - printed.low
    places = 0
    while width < 1 and places < 6:
        width *= 10
        places += 1
    return places


@check_kind("change_direction")
def change_direction(context: Context) -> None:
    """A change says one direction: 增加 with 增长, 减少 with 下降; 持平 with no change."""
    for claim in context.document.claims.changes:
        problem = None
        if claim.percent_direction is not None and claim.percent_direction != claim.direction:
            problem = f"金额说{claim.direction}，比率却说{'增长' if claim.percent_direction == INCREASE else '下降'}"
        elif claim.direction == SAME and claim.delta is not None and claim.delta.amount.value != 0:
            problem = f"说持平，却列出变动 {claim.delta.raw} 万元"
        if problem is None:
            continue
        claim.status = "contradicted"
        mentions = [m for m in (claim.delta, claim.percent) if m is not None]
        evidence = [claim_evidence(context, claim.sentence, m) for m in mentions] or [
            Evidence(
                claim.sentence.first_line,
                context.document.source.line(claim.sentence.first_line).strip(),
                "",
            )
        ]
        context.report(f"增减方向自相矛盾：{problem}", evidence)


@check_kind("change_prior_year")
def change_prior_year(context: Context) -> None:
    """The prior year a change implies equals the one stated elsewhere: the 整体绩效目标表's
    近两年 columns, and any other sentence's change for the same figure and year."""
    overall = next(
        (t for t in context.document.tables if t.kind.name == "部门整体支出绩效目标表"), None
    )
    groups = funding_groups(overall) if overall is not None else []
    if overall is None:
        context.skip("没有部门整体支出绩效目标表，上年数只在情况说明内部核对")
    earlier: dict[tuple[object, int | None], tuple[ChangeClaim, Figure]] = {}
    for claim in context.document.claims.changes:
        implied = prior_of(claim)
        if implied is None or claim.current is None:
            continue
        resolution = resolve(context.document, claim.current.subject)
        if resolution is None:
            continue
        year = claim.year or (context.document.year - 1 if context.document.year else None)
        stated = (
            _overall_prior(groups, resolution.overall, f"{year}年") if resolution.overall else None
        )
        if stated is not None:
            _compare_prior(context, claim, implied, year, Figure.of(stated), [fact_evidence(context, stated)],
                           f"整体绩效目标表列 {year} 年为 {stated.raw} 万元")  # fmt: skip
        key = (resolution.overall or resolution.how, year)
        if key in earlier:
            other, other_prior = earlier[key]
            _compare_prior(context, claim, implied, year, other_prior, _change_evidence(context, other),
                           f"第 {other.sentence.first_line} 行同一数字推得 {year} 年为 {wan(other_prior.value)} 万元")  # fmt: skip
        else:
            earlier[key] = (claim, implied)


def _change_evidence(context: Context, claim: ChangeClaim) -> list[Evidence]:
    mentions = [
        m for m in (claim.current.value if claim.current else None, claim.delta) if m is not None
    ]
    return [claim_evidence(context, claim.sentence, m) for m in mentions]


def _compare_prior(
    context: Context,
    claim: ChangeClaim,
    implied: Figure,
    year: int | None,
    stated: Figure,
    stated_evidence: list[Evidence],
    stated_where: str,
) -> None:
    assert claim.current is not None
    if compare(implied, stated) is not Verdict.MISMATCH:
        if claim.status == "not checkable":
            claim.status = "verified"
        return
    claim.status = "contradicted"
    context.report(
        f"按「{claim.current.subject} {claim.current.value.raw} 万元，比 {year} 年{claim.direction}"
        f"{' ' + claim.delta.raw + ' 万元' if claim.delta else ''}」推得 {year} 年为 {wan(implied.value)} 万元，"
        f"而{stated_where}",
        _change_evidence(context, claim) + stated_evidence,
        expected=stated.value,
        stated=implied.value,
        difference=implied.value - stated.value,
    )


def _overall_current(context: Context, rows: tuple[str, ...]) -> Fact | None:
    """The 整体 form's current amount for a figure the tables do not print.

    Totals (合计, 财政拨款) always compare. A use of money (基本支出, 项目支出,
    人员类 ...) compares only when all money is 财政拨款: otherwise a narrative
    section about 一般公共预算 legitimately states a smaller figure than the
    form's, which covers every source.
    """
    fact = overall_fact(context, rows, "当年金额")
    if fact is None or fact.name in ("合计", "财政拨款"):
        return fact
    other_sources = [
        overall_fact(context, (name,), "当年金额")
        for name in ("财政专户管理资金", "单位资金", "其他资金")
    ]
    if any(f is not None and f.value != 0 for f in other_sources):
        return None
    return fact


def overall_fact(context: Context, rows: tuple[str, ...], column: str) -> Fact | None:
    """The 整体绩效目标表's figure for one of ``rows`` in ``column`` (a 合计 is the income side's)."""
    if not rows:
        return None
    overall = next(
        (t for t in context.document.tables if t.kind.name == "部门整体支出绩效目标表"), None
    )
    return _overall_prior(funding_groups(overall), rows, column) if overall is not None else None


def _overall_prior(groups: list[list[FundingRow]], rows: tuple[str, ...], year: str) -> Fact | None:
    for group_index, group in enumerate(groups[:2]):
        for row in group:
            wanted = row.name in rows and not (
                row.name == "合计" and group_index == 1 and "合计" in rows
            )
            if wanted and year in row.cells:
                fact: Fact = row.cells[year]
                return fact
    return None


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
            item.note = "表中没有可对应的数字"
            continue
        item.status = "verified" if ok else "contradicted"
        if not ok and index not in shifted:
            _report_amount(
                context,
                item,
                Resolution(tuple(f.fact for f in figures if f.fact is not None), "name"),
                figures,
            )
    if shifted:
        names = [resolved[i][0].subject for i in shifted]
        said = "、".join(f"{resolved[i][0].subject} {resolved[i][0].value.raw}" for i in shifted)
        table = "、".join(
            f"{resolved[i][0].subject} {wan(resolved[i][1][0].value)}" for i in shifted
        )
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
            f"所列金额错位一位：{said}（各为前一项的金额），表中为 {table}；{'、'.join(names)} 的数都要改",
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
        moved = (not matches[index]) and any(
            compare(stated[index], f) is not Verdict.MISMATCH for f in previous_figures
        )
        if moved:
            run.append(index)
            if len(run) > len(best):
                best = list(run)
        else:
            run = []
    return best if len(best) >= 2 else []


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
    severity = "info" if verdict is Verdict.ROUNDING else None
    item_list.status = "verified" if severity else "contradicted"
    context.report(
        f"「{item_list.total.subject}」{item_list.total.value.raw} 万元，所列 {len(parts)} 项之和为 {wan(summed)} 万元，"
        f"相差 {wan(total.value - summed)}" + ("，在四舍五入范围内（尾差）" if severity else ""),
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
                claim.note = "文档中没有项目支出绩效目标表"
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
                [
                    Evidence(t.first_line, document.source.line(t.first_line).strip(), t.title)
                    for t in forms[:1]
                ]
                if forms and severity is None
                else []
            )
            context.report(f"情况说明称{stated}{claim.noun}{claim.what}，实际为 {actual} {what}", evidence, severity,
                           expected=Decimal(actual), stated=Decimal(stated), difference=Decimal(stated - actual))  # fmt: skip


_PATH_TEXT = re.compile(r"(?:[^(),;:。、\d\s]+\((?:类|款|项)\))+")


@check_kind("subject_names")
def subject_names(context: Context) -> None:
    """A 科目 or row the narrative names exists in the tables under that name."""
    reported: set[tuple[int, str]] = set()
    for claim in context.document.claims.amounts:
        resolution = resolve(context.document, claim.subject)
        if resolution is not None and resolution.path_problem:
            reported.add((claim.sentence.first_line, compact_subject(claim.subject)))
            context.report(
                f"「{claim.subject}」：{resolution.path_problem}",
                [claim_evidence(context, claim.sentence, claim.value)],
            )
            continue
        if resolution is None and _looks_like_row(claim.subject):
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
                    f"「{match.group()}」：{resolution.path_problem}",
                    [Evidence(line, context.document.source.line(line).strip(), match.group())],
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


def _looks_like_row(subject: str) -> bool:
    return 2 <= len(subject) <= 20 and subject.endswith(("支出", "费", "经费", "补助", "缴费"))


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
            if common_run(claim.subject, row.name) >= 2 and (best is None or shared > best[0]):
                best = (shared, fact)
    if best is not None and stated.value != 0:
        fact = best[1]
        context.report(
            f"情况说明的「{claim.subject}」{claim.value.raw} 万元，表中同额的科目名为「{fact.code or ''} {fact.name}」",
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
        context.skip("文档预算年度未知")
        return
    seen: set[int] = set()
    for claim in context.document.claims.amounts:
        sentence = claim.sentence
        if id(sentence) in seen or any(word in sentence.text for word in _NOT_CURRENT):
            continue
        clause = sentence.text[clause_start(sentence.text, claim.value.start) : claim.value.start]
        match = re.search(r"(20\d\d)\s*年", clause)
        resolution = resolve(context.document, claim.subject)
        if match is None or int(match.group(1)) == year or resolution is None:
            continue
        if not resolution.how.startswith("vocabulary"):
            continue
        seen.add(id(sentence))
        line = sentence.line_at(clause_start(sentence.text, claim.value.start) + match.start(1))
        context.report(
            f"{year} 年预算的说明写成了 {match.group(1)} 年：「{sentence.text[:40]}」",
            [Evidence(line, context.document.source.line(line).strip(), match.group(1))],
        )


def clause_start(text: str, position: int) -> int:
    """Where the clause holding ``position`` begins (after the last , ; : 。 or 、 before it)."""
    breaks = [m.end() for m in re.finditer(r"[,;:。、]", text[:position])]
    return breaks[-1] if breaks else 0
