"""Which money a narrative figure speaks of: all funds, 财政拨款, or one fund.

A unit with 事业收入 spends more than its 财政拨款: "财政拨款支出预算 950.12 万元"
is not the 支出总计 of 1212.12, and a 科目's 财政拨款 amount is not its
支出总表 row, which covers every source. The scope of a figure is named by
the words of its own clause (``政府性基金拨款支出预算``), else by the heading
or the introducing sentence it stands under (``财政拨款支出主要内容如下：``).
The words are data (``data/subjects.yaml``), narrowest first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources

from budget_audit.narrative import Paragraph, Sentence
from budget_audit.numbers import normalise
from budget_audit.yaml_files import load_yaml

ALL = "全部"  # every source of money the document budgets

_NUMBERED = (
    (re.compile(r"^第[一二三四五六七八九十]+部分"), 0.0),
    (re.compile(r"^[一二三四五六七八九十]+[、.．]"), 1.0),
    (re.compile(r"^[(（][一二三四五六七八九十]+[)）]"), 2.0),
    (re.compile(r"^\d+[、.．](?!\d)"), 3.0),
    (re.compile(r"^[(（]\d+[)）]"), 4.0),
)
_BODY = 5.0
_TITLE_END = re.compile(r"(?:说明|情况|解释|概况)$")


@dataclass(frozen=True)
class ScopeWords:
    """The words naming each scope (narrowest first) and the words a scope word may carry."""

    scopes: tuple[tuple[str, tuple[str, ...]], ...]
    tails: tuple[str, ...]

    def named(self, text: str) -> str | None:
        """The narrowest scope ``text`` names, if any."""
        for scope, words in self.scopes:
            if any(word in text for word in words):
                return scope
        return None

    def first_named(self, text: str) -> str | None:
        """The scope named first in ``text`` (a heading's topic comes first)."""
        found = [
            (text.find(word), scope)
            for scope, words in self.scopes
            for word in words
            if word in text
        ]
        return min(found)[1] if found else None

    def without(self, text: str) -> str:
        """``text`` without its scope words and what they carry (``一般公共预算拨款收入`` → ``收入``)."""
        return self._carried.sub("", text)

    @cached_property
    def _carried(self) -> re.Pattern[str]:
        """A scope word (longest first) and the tail it may carry; built once per vocabulary."""
        words = sorted((w for _, ws in self.scopes for w in ws), key=len, reverse=True)
        tails = "|".join(map(re.escape, self.tails))
        return re.compile(f"(?:{'|'.join(map(re.escape, words))})(?:{tails})?")


@cache
def scope_words() -> ScopeWords:
    """The scope vocabulary of ``data/subjects.yaml`` (read once)."""
    text = resources.files("budget_audit").joinpath("data/subjects.yaml").read_text("utf-8")
    data = load_yaml(text)
    return ScopeWords(
        scopes=tuple((entry["scope"], tuple(entry["words"])) for entry in data["scopes"]),
        tails=tuple(data.get("scope_tails", [])),
    )


def _level(paragraph: Paragraph, following: Paragraph | None) -> float:
    """How deep a paragraph stands: 0 for 第X部分 … 4 for (1), 5 for body text.

    A body paragraph that ends with a colon introduces what follows, so it
    stands just above the paragraph after it; a short title line without
    punctuation (``2025年部门预算编制说明``) opens a section.
    """
    text = normalise(paragraph.text).strip()
    for pattern, level in _NUMBERED:
        if pattern.match(text):
            return level
    if text.endswith((":", "：")) and following is not None:
        return _level(following, None) - 0.5
    if len(text) <= 30 and _TITLE_END.search(text) and not re.search(r"[,;。]", text):
        return 1.0
    return _BODY


def context_scope(paragraphs: list[Paragraph], sentence: Sentence) -> str | None:
    """The scope the headings and introducing sentences above ``sentence`` name, if any.

    Only paragraphs that stand above it count (its section's heading, the
    ``(一)`` it is an item of, an introducing ``…如下：``), not its siblings;
    the walk ends at a section heading (``一、``) or a title line.
    """
    index = next(
        (i for i, p in enumerate(paragraphs) if any(s is sentence for s in p.sentences)), None
    )
    if index is None:
        return None
    words = scope_words()
    following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
    bound = _level(paragraphs[index], following)
    for position in range(index - 1, -1, -1):
        level = _level(paragraphs[position], paragraphs[position + 1])
        if level >= bound:
            continue
        scope = words.first_named(normalise(paragraphs[position].text))
        if scope is not None or level <= 1:
            return scope
        bound = level
    return None
