"""Reading claims out of the narrative's sentences.

Patterns work on the NFKC-normalised sentence text (``，`` is ``,``, ``％`` is
``%``), so full-width punctuation and digits need no special cases. A change
(``比 2025 年预算减少 11.36 万元，下降 0.71%``) refers to the amount stated
just before it; a share (``占 52.7%``) to the amount before it and to the
total that a ``其中`` opened; an item list to the amount before ``主要用于``,
``其中`` or ``包括``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from budget_audit.claims.model import (
    AmountClaim,
    ChangeClaim,
    Claims,
    CountClaim,
    ListClaim,
    OutturnClaim,
    ShareClaim,
    mention_at,
)
from budget_audit.claims.outturn import read_outturns
from budget_audit.claims.phrases import split_heading
from budget_audit.claims.scope import scope_words
from budget_audit.narrative import Paragraph, Sentence

# Characters written for 元 by slip of the pen or input method (万云, 万圆): after 万 and before a
# clause break they can only be 元, so the amount is read (and BA801 reports the unit).
UNIT_TYPOS = "云圆园原员远源无"
MISSPELT_UNIT = re.compile(
    rf"(?<![\d.])(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>万\s*[{UNIT_TYPOS}])(?=[,;:。、)!?\s]|$)"
)
_AMOUNT = re.compile(
    r"(?<![\d.])(?P<num>\d[\d,]*(?:\.\d+)?)\s*"
    rf"(?P<unit>万元|元|万\s*(?P<typo>[{UNIT_TYPOS}])(?=[,;:。、)!?\s]|$))(?![/每])"
)
_SHARE = re.compile(r"占(?:比)?\s*(?P<num>\d+(?:\.\d+)?)\s*%")
# A share that names its base: "占本年支出合计的 31.45%", "占基本支出预算 81.25%".
_NAMED_SHARE = re.compile(r"占(?P<base>[^\d,;:。%、]{2,24}?)的?\s*(?P<num>\d+(?:\.\d+)?)\s*%")
# What a change is measured against: the prior year's budget (预算, the default), what was
# spent of it (执行数, Shanghai), its final accounts (决算).
_BASIS = r"(?P<basis>预算执行数|预算执行|执行数|预算数|预算|决算数|决算|数)?"
# The prior year's figure a change may state before its direction: "比上年累计支出 433 万元减少 2 万元",
# "较 2024 年的 2190 万元减少 221 万元" (a few words, none of them a direction, then the amount).
_DIRECTION_WORDS = r"增加|减少|增长|下降|降低|持平|上升|[增减](?=\s*\d)"
# The words name what the amount is (的, 累计支出, 预算数), never a movement (增, 减 …), and the
# direction follows the amount at once: "与上年相比增了 2228 万元，增加的原因…" states no prior.
_STATED_PRIOR = (
    r"(?:\s*[^\d,;:。(增减降升长]{0,8}?"
    r"(?P<prior>\d[\d,]*(?:\.\d+)?)\s*(?P<punit>万元|元)?\s*)?"
)
_CHANGE = re.compile(
    r"(?:(?P<by>比|较|与|和|同比)\s*)?(?P<ref>上年|上一年|去年|(?P<year>20\d\d)\s*年|(?<=同比))度?"  # 同比 alone: on last year
    + _BASIS
    # "与 2019 年相比，一般公共预算财政拨款增加…": after 相比, the subject may come before the direction
    + rf"(?:相比\s*,?\s*(?P<named>(?:(?!{_DIRECTION_WORDS})[^\d,;:。%()]){{2,16}}?)(?=(?:{_DIRECTION_WORDS}))"
    + r"|(?:相比)?\s*,?\s*)"
    + f"(?(by){_STATED_PRIOR})"  # only after 比/较: "2025 年预算 100 万元，减少…" states this year's
    + r"(?P<dir>增加|减少|增长|下降|降低|持平|没有变化|无变化|相同|不变|[增减](?=\s*\d))了?"
    r"(?:\s*(?P<delta>\d[\d,]*(?:\.\d+)?)\s*(?P<dunit>万元|元))?"
    r"(?:\s*,\s*(?P<pdir>增长|下降|降低|减少|增加|上升|增幅|降幅|减幅|[增减](?=\s*\d))\s*(?:为|了)?\s*"
    r"(?P<pct>\d+(?:\.\d+)?)\s*%|(?<![\d.])\s*(?P<rate>\d+(?:\.\d+)?)\s*%)?"
)
# "按功能分类科目，…；按经济分类科目，…": one total broken down twice, each a list of its own
_LIST_TRIGGER = re.compile(r"(主要用于|其中|包括|具体为|按[^,;:。\d]{0,6}(?:分类|划分))\s*:?")
_PROJECT_COUNT = re.compile(r"(?P<n>\d+)\s*个\s*(?P<what>(?:一级|二级)?项目支出绩效目标)")
_SET_COUNT = re.compile(r"共设置\s*(?P<n>\d+)\s*项")
_SUBJECT_START = re.compile(r"[,;:。、]|元\(|其中|包括|主要用于|具体为|支出包括|收入包括")
_ENUMERATOR = re.compile(r"^\s*(?:[(]?[一二三四五六七八九十\d]+[)、.]\s*)+")
_YEAR = re.compile(r"(?:截至\s*)?20\d\d\s*年度?")
_SUBJECT_TAIL = re.compile(r"(?:预算数为|预算为|预算数|预算支出为|为|是|共计|合计为|约)\s*$")
_SECTION_HEADING = re.compile(r"^\s*[一二三四五六七八九十]+、")

INCREASE, DECREASE, SAME = "增加", "减少", "持平"
_DIRECTIONS = {"增加": INCREASE, "增长": INCREASE, "上升": INCREASE, "增幅": INCREASE, "增": INCREASE,
               "减少": DECREASE, "下降": DECREASE, "降低": DECREASE, "降幅": DECREASE, "减幅": DECREASE,
               "减": DECREASE}  # fmt: skip


def direction_of(word: str) -> str:
    """增加, 减少 or 持平 for any of the words a narrative uses."""
    return _DIRECTIONS.get(word, SAME)


def subject_before(text: str, position: int) -> str:
    """The words naming an amount: back from it to the previous clause break, less years and filler."""
    breaks = list(_SUBJECT_START.finditer(text, 0, position))
    # "公诉、审判、侦查、执行等检察监督支出": a name enumerating with 、 before 等 is one subject
    while breaks and breaks[-1].group() == "、" and "等" in text[breaks[-1].end() : position]:
        breaks.pop()
    starts = [m.end() for m in breaks]
    subject = text[starts[-1] if starts else 0 : position]
    subject = _ENUMERATOR.sub("", subject)
    subject = _YEAR.sub("", subject).replace("*", "")  # a name masked as ******** is no name
    subject = _SUBJECT_TAIL.sub("", subject.strip())
    return re.sub(r"\s+", "", subject)


def read_claims(paragraphs: list[Paragraph]) -> Claims:
    """Every claim of the narrative."""
    claims = Claims()
    anchor: AmountClaim | None = None  # the total a "其中" opened, for the shares that follow
    outturn: OutturnClaim | None = None  # a 决算 pair whose comparison may open the next paragraph
    for paragraph in paragraphs:
        if _SECTION_HEADING.match(paragraph.text):
            anchor = None
        previous: list[AmountClaim] = []
        for sentence in paragraph.sentences:
            amounts, anchor = _read_sentence(claims, sentence, previous, anchor)
            previous = previous + amounts
        _read_counts(claims, paragraph)
        outturn = read_outturns(claims, paragraph, subject_before, outturn)
    return claims


def _read_sentence(
    claims: Claims, sentence: Sentence, previous: list[AmountClaim], anchor: AmountClaim | None
) -> tuple[list[AmountClaim], AmountClaim | None]:
    text = sentence.text
    changes = list(_CHANGE.finditer(text))
    # a change's own figures (the delta, a prior year it states) are not amounts of a subject
    deltas = {m.start(g) for m in changes for g in ("delta", "prior") if m.group(g)}
    amounts: list[AmountClaim] = []
    if previous and re.match(r"\s*其中", text):
        anchor = previous[-1]
    for match in _AMOUNT.finditer(text):
        if match.start("num") in deltas:
            continue
        unit = "万元" if match.group("typo") else match.group("unit")
        claim = AmountClaim(
            subject_before(text, match.start()), mention_at(sentence, match, "num", unit), sentence
        )
        amounts.append(claim)
        claims.amounts.append(claim)
        if re.match(r"\s*(?:万元|元)?\s*[,:]?\s*其中", text[match.end() :]):
            anchor = claim
    for change in changes:
        if change.group("by") is None and change.start() > 0:
            continue  # "2025 年减少…" counts only at the start of a sentence
        before = [a for a in amounts if a.value.start < change.start()]
        if change.group("named"):
            current = _named_earlier(change.group("named"), previous + before)
            if (
                current is None
                and before
                and common_run(change.group("named"), before[-1].subject) >= 4
            ):
                current = before[-1]  # "预算总计 A 万元，与上年相比收、支预算总计各增加 B 万元"
        elif before:
            current = before[-1]
        else:
            current = _named_earlier(subject_before(text, change.start()), previous)
        prior = _inline_prior(sentence, change, current) or _stated_prior(
            text, change, [a for a in before if a is not current]
        )
        claims.changes.append(_change(sentence, change, current, prior))
    for share in _SHARE.finditer(text):
        before = [a for a in amounts if a.value.start < share.start()]
        if not before:
            continue
        base = anchor if anchor is not None and anchor is not before[-1] else None
        claims.shares.append(
            ShareClaim(mention_at(sentence, share, "num", "%"), before[-1], base, sentence)
        )
    for share in _NAMED_SHARE.finditer(text):
        before = [a for a in amounts if a.value.start < share.start()]
        if not before:
            continue
        named = _named_base(share.group("base"), claims.amounts, before[-1])
        claims.shares.append(
            ShareClaim(mention_at(sentence, share, "num", "%"), before[-1], named, sentence)
        )
    for item_list in _lists(sentence, amounts, previous):
        claims.lists.append(item_list)
    return amounts, anchor


def _named_base(words: str, stated: list[AmountClaim], part: AmountClaim) -> AmountClaim | None:
    """The amount a share's named base is ("占本年支出合计的 31.45%": the amount stated earlier as
    本年支出合计): the latest one whose subject ends with those words, provided every such amount
    states the same value; when two values go by that name, nobody can say which is meant."""
    key = re.sub(r"[“”〝〞\"'\s]", "", words)
    if len(key) < 3:
        return None
    found = [claim for claim in stated if claim is not part and _names(claim.subject, key)]
    if not found or len({claim.value.amount.value for claim in found}) > 1:
        return None
    return found[-1]


def _named_earlier(subject: str, previous: list[AmountClaim]) -> AmountClaim | None:
    """The earlier amount a change without its own amount refers to: the one its subject names
    (one subject holding the other), else, for a change with no subject of its own, the amount of
    the sentence before when that sentence states only one (``2026 年收支总预算 1602.84 万元。比
    2025 年预算减少…``). After a sentence listing several amounts ("其中 A、B、C") nothing says which
    one a bare change is about, nor which an unnamed subject is, so none is taken."""
    key = re.sub(r"[“”〝〞\"']", "", subject)
    for claim in reversed(previous):
        named = re.sub(r"[“”〝〞\"']", "", claim.subject)
        if key and named and min(len(key), len(named)) >= 4 and (named in key or key in named):
            return claim
    if key or not previous:
        return None
    last = [claim for claim in previous if claim.sentence is previous[-1].sentence]
    return last[0] if len(last) == 1 else None


def common_run(a: str, b: str) -> int:
    """The length of the longest run of characters two subjects share (quotes ignored)."""
    a, b = re.sub(r"[“”〝〞\"']", "", a), re.sub(r"[“”〝〞\"']", "", b)
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] in b:
                best = j - i
            else:
                break
    return best


def _stated_prior(
    text: str, change: re.Match[str], candidates: list[AmountClaim]
) -> AmountClaim | None:
    """The prior year's figure the sentence states before the change (Shanghai: "2023年当年预算执行
    数为54.60万元，2024年预算安排53.84万元，比2023年预算执行数减少1.39%"): the latest amount
    whose clause names the change's year and its basis (执行数, 决算, 预算)."""
    if change.group("year") is None:
        return None
    basis = change.group("basis") or "预算"
    word = "执行" if "执行" in basis else "决算" if "决算" in basis else "预算"
    for claim in reversed(candidates):
        clause = text[_clause_start(text, claim.value.start) : claim.value.start]
        year = re.search(r"(20\d\d)\s*年", clause)
        if year and year.group(1) == change.group("year") and word in clause:
            return claim
    return None


def _inline_prior(
    sentence: Sentence, change: re.Match[str], current: AmountClaim | None
) -> AmountClaim | None:
    """The prior year's figure stated inside the change ("比上年累计支出 433 万元减少 2 万元")."""
    if not change.group("prior"):
        return None
    subject = current.subject if current is not None else ""
    # "较上年 2.08 减少 0.03 万元": a prior without its unit is in the change's
    unit = change.group("punit") or change.group("dunit") or "万元"
    return AmountClaim(subject, mention_at(sentence, change, "prior", unit), sentence)


def _names(subject: str, words: str) -> bool:
    """Whether a subject (less a heading joined before it) is ``words`` with nothing before them
    that narrows the money: 一般公共预算财政拨款基本支出 is not the 基本支出 of all funds."""
    own = split_heading(re.sub(r"[“”〝〞\"'\s]", "", subject), None)[1]
    return own.endswith(words) and scope_words().named(own[: len(own) - len(words)]) is None


def _clause_start(text: str, position: int) -> int:
    breaks = [m.end() for m in re.finditer(r"[,;:。]", text[:position])]
    return breaks[-1] if breaks else 0


def _change(
    sentence: Sentence, match: re.Match[str], current: AmountClaim | None, prior: AmountClaim | None
) -> ChangeClaim:
    year = int(match.group("year")) if match.group("year") else None
    delta = (
        mention_at(sentence, match, "delta", match.group("dunit")) if match.group("delta") else None
    )
    rate = "pct" if match.group("pct") else "rate" if match.group("rate") else None
    return ChangeClaim(
        current=current,
        year=year,
        direction=direction_of(match.group("dir")),
        delta=delta,
        percent_direction=direction_of(match.group("pdir")) if match.group("pdir") else None,
        percent=mention_at(sentence, match, rate, "%") if rate else None,
        sentence=sentence,
        prior=prior,
        basis=match.group("basis") or "",
    )


def _lists(
    sentence: Sentence, amounts: list[AmountClaim], previous: list[AmountClaim]
) -> Iterator[ListClaim]:
    """Item lists: two or more amounts after 主要用于/其中/包括, with the amount before as their total."""
    triggers = list(_LIST_TRIGGER.finditer(sentence.text))
    outer: AmountClaim | None = None  # the total a breakdown (按…分类) details
    for index, trigger in enumerate(triggers):
        end = triggers[index + 1].start() if index + 1 < len(triggers) else len(sentence.text)
        before = [a for a in amounts if a.value.start < trigger.start()]
        total = before[-1] if before else None
        if (
            total is None
            and trigger.start() == 0
            and trigger.group(1) in ("其中", "包括")
            and previous
        ):
            total = previous[-1]
        if trigger.group(1).startswith("按"):
            total = outer
        else:
            outer = total
        candidates = [a for a in amounts if trigger.end() <= a.value.start < end]
        items = _same_list(sentence.text, candidates)
        whole = [c for c in candidates if not _in_parentheses(sentence.text, c.value.start)]
        if len(items) < 2:
            continue
        yield ListClaim(total, items, sentence, whole=whole if len(whole) > len(items) else [])


def _same_list(text: str, candidates: list[AmountClaim]) -> list[AmountClaim]:
    """The items of one list: a ; ends a list of items joined by 、 or , but joins one whose
    items are themselves separated by ; (``货物类 0.6 万元；服务类 424.56 万元；工程类 0 万元``).
    Amounts in parentheses detail the item before them and are left out."""
    candidates = [c for c in candidates if not _in_parentheses(text, c.value.start)]
    if len(candidates) < 2:
        return candidates

    def gap(a: AmountClaim, b: AmountClaim) -> bool:
        return ";" in text[a.value.end : b.value.start]

    by_semicolon = gap(candidates[0], candidates[1])
    items = [candidates[0]]
    for previous, item in itertools.pairwise(candidates):
        if gap(previous, item) != by_semicolon:
            break
        items.append(item)
    return items


def _in_parentheses(text: str, position: int) -> bool:
    """Whether ``position`` is inside ( ): a sub-item of the item before it, not an item of the list."""
    return text.count("(", 0, position) > text.count(")", 0, position)


def _read_counts(claims: Claims, paragraph: Paragraph) -> None:
    """``N 个一级项目支出绩效目标`` and ``共设置 N 项 … 具体为：a；b；…``."""
    for sentence in paragraph.sentences:
        for match in _PROJECT_COUNT.finditer(sentence.text):
            claims.counts.append(
                CountClaim(
                    mention_at(sentence, match, "n", "个"), "个", match.group("what"), [], sentence
                )
            )
        for match in _SET_COUNT.finditer(sentence.text):
            listed = _listed_after(paragraph, sentence, match.end())
            claims.counts.append(
                CountClaim(
                    mention_at(sentence, match, "n", "项"), "项", "绩效指标", listed, sentence
                )
            )


def _listed_after(paragraph: Paragraph, sentence: Sentence, position: int) -> list[str]:
    """The items named after 具体为: in the rest of the paragraph, split at ; and ,."""
    text = sentence.text[position:]
    start = text.find("具体为")
    if start < 0:
        return []
    rest = text[start + len("具体为") :].lstrip(":")
    following = paragraph.sentences[paragraph.sentences.index(sentence) + 1 :]
    rest += "".join(s.text for s in following)
    return [part.strip(" 。.") for part in re.split(r"[;,]", rest) if part.strip(" 。.")]
