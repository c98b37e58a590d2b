"""决算 sentences: a budget, its outturn, the completion rate and the comparison word.

The national 决算 template writes "年初预算为 A 万元，支出决算为 B 万元，完成年初预算的
C%。决算数大于（小于）预算数的主要原因：…". The author keeps one of 大于/小于 (or
writes 持平); a sentence that still has both, as the template does, says
nothing and is not read as a comparison.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from budget_audit.claims.model import Claims, OutturnClaim, mention_at
from budget_audit.narrative import Paragraph, Sentence

_NUMBER = r"\d[\d,]*(?:\.\d+)?"
_PAIR = re.compile(
    rf"年初预算(?:数)?(?:为|是)?\s*(?P<budget>{_NUMBER})\s*万元\s*[,;]\s*"
    rf"[^,;。]{{0,12}}?决算(?:数)?(?:为|是)?\s*(?P<outturn>{_NUMBER})\s*万元"
)
# "因公出国（境）费决算为 B 万元，完成预算的 C%": the budget is the table's, not the sentence's.
_RATED = re.compile(
    rf"决算(?:数)?(?:为|是)?\s*(?P<outturn>{_NUMBER})\s*万元\s*[,;]\s*"
    r"完成(?:年初)?预算(?:数)?的\s*(?P<rate>\d+(?:\.\d+)?)\s*%"
)
_RATE = re.compile(r"\s*[,;]\s*完成(?:年初)?预算(?:数)?的\s*(?P<rate>\d+(?:\.\d+)?)\s*%")
_COMPARISON = re.compile(
    r"决算数?\s*(?P<word>大于|小于|等于|高于|低于)\s*(?P<other>\(\s*(?:大于|小于|等于)\s*\))?\s*预算数?"
    r"|决算数?与预算数?(?P<level>持平|相等|一致)|预决算(?P<same>持平)"
)
_WORDS = {"大于": "大于", "高于": "大于", "小于": "小于", "低于": "小于", "等于": "等于"}


def read_outturns(
    claims: Claims,
    paragraph: Paragraph,
    subject_of: Callable[[str, int], str],
    pending: OutturnClaim | None,
) -> OutturnClaim | None:
    """The paragraph's budget-outturn pairs; a comparison word belongs to the pair before it,
    also when it opens the next paragraph. Returns the last pair, for the next paragraph."""
    if pending is not None and not _COMPARISON.match(paragraph.text.lstrip()):
        pending = None
    for sentence in paragraph.sentences:
        text = sentence.text
        position = 0
        for match in _PAIR.finditer(text):
            _compare(pending, sentence, text[position : match.start()], position)
            pending = OutturnClaim(
                subject_of(text, match.start()) or _heading(paragraph, sentence, subject_of),
                mention_at(sentence, match, "budget", "万元"),
                mention_at(sentence, match, "outturn", "万元"),
                sentence,
            )
            rate = _RATE.match(text, match.end())
            if rate:
                pending.rate = mention_at(sentence, rate, "rate", "%")
            claims.outturns.append(pending)
            position = rate.end() if rate else match.end()
        _compare(pending, sentence, text[position:], position)
        _rated(claims, sentence, subject_of)
    return pending


def _rated(claims: Claims, sentence: Sentence, subject_of: Callable[[str, int], str]) -> None:
    """The sentence's 决算 figures with a completion rate and no 年初预算 of their own, outside
    the pairs already read (whose "支出决算为 B 万元，完成年初预算的 C%" looks the same)."""
    text = sentence.text
    taken = [(c.outturn.start, c.outturn.end) for c in claims.outturns if c.sentence is sentence]
    for match in _RATED.finditer(text):
        start, end = match.span("outturn")
        if any(s <= start < e or start <= s < end for s, e in taken):
            continue
        subject = subject_of(text, match.start())
        if not subject:
            continue
        claim = OutturnClaim(
            subject, None, mention_at(sentence, match, "outturn", "万元"), sentence
        )
        claim.rate = mention_at(sentence, match, "rate", "%")
        claims.outturns.append(claim)


def _heading(
    paragraph: Paragraph, sentence: Sentence, subject_of: Callable[[str, int], str]
) -> str:
    """The subject a paragraph's first sentence names ("1、教育支出（类）…（项）。"), when the
    figures stand in a later sentence of their own."""
    first = paragraph.sentences[0]
    if first is sentence:
        return ""
    text = first.text.rstrip("。")
    return subject_of(text, len(text))


def _compare(claim: OutturnClaim | None, sentence: Sentence, text: str, offset: int) -> None:
    """Attach the first comparison word in ``text`` to the pair before it (once)."""
    if claim is None or claim.comparison is not None:
        return
    match = _COMPARISON.search(text)
    if match is None or match.group("other"):
        return  # none, or the template's "大于（小于）" left as is
    word = match.group("word")
    claim.comparison = _WORDS[word] if word else "等于"
    claim.comparison_line = sentence.line_at(offset + match.start())
