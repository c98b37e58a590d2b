"""The words of a narrative subject: which vocabulary phrase it names, and what may stand around it.

A subject names a figure only when, besides the phrase, it holds neutral
words alone: 本部门, 安排的 … before it, 预算, 合计 … after it, and the body's
own name (or a short form of it). Anything else narrows the figure to
something the vocabulary does not know (事业收入 is not 收入; a unit's 基本支出
is not the department's), and the subject is left unresolved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from budget_audit.yaml_files import load_yaml

_QUOTES = re.compile(r"[“”〝〞\"'\s]")
_HEADING = re.compile(r"^.*(?:情况说明|情况)")


@dataclass(frozen=True)
class Entry:
    """One named figure of ``data/subjects.yaml``: its phrases, figures, 整体 form rows, scope."""

    phrases: tuple[str, ...]
    figures: tuple[dict[str, Any], ...]
    overall: dict[str, tuple[str, ...]]
    scope: str | None
    bare_scope: bool


@dataclass(frozen=True)
class _Words:
    entries: tuple[Entry, ...]
    before: tuple[str, ...]
    endings: tuple[str, ...]
    after: frozenset[str]


def compact_subject(subject: str) -> str:
    """The subject without quotes and spaces."""
    return _QUOTES.sub("", subject)


@cache
def _words() -> _Words:
    text = resources.files("budget_audit").joinpath("data/subjects.yaml").read_text("utf-8")
    data = load_yaml(text)
    entries = tuple(
        Entry(
            phrases=tuple(compact_subject(p) for p in entry["phrases"]),
            figures=tuple(entry["figures"]),
            overall={k: tuple(v) for k, v in (entry.get("overall") or {}).items()},
            scope=entry.get("scope"),
            bare_scope=bool(entry.get("bare_scope")),
        )
        for entry in data["subjects"]
    )
    return _Words(
        entries=entries,
        before=tuple(sorted(data["neutral_before"], key=len, reverse=True)),
        endings=tuple(data["organisation_endings"]),
        after=frozenset(data["neutral_after"]) | {""},
    )


def vocabulary() -> tuple[Entry, ...]:
    """The named figures of ``data/subjects.yaml``."""
    return _words().entries


def own_name(run: str, department: str | None) -> bool:
    """Whether ``run`` names the body itself: its name, or a short form of it that keeps its
    characters in order and ends like a body's name (省检察院 for 江苏省人民检察院)."""
    if not department or len(run) < 3 or not run.endswith(_words().endings):
        return False
    rest = iter(department)
    return all(character in rest for character in run)


def _neutral_before(text: str, department: str | None) -> bool:
    """Whether ``text`` is only words that do not change what a phrase after it names:
    本部门, 安排的 … and, at the start, the body's own name. Another body's name (a unit
    of a 部门预算) is not neutral: its 基本支出 is not the department's."""
    reachable = {0}
    for start in range(len(text) + 1):
        if start not in reachable:
            continue
        if start == len(text):
            return True
        for word in _words().before:
            if text.startswith(word, start):
                reachable.add(start + len(word))
        if start == 0:
            reachable.update(
                end for end in range(3, len(text) + 1) if own_name(text[:end], department)
            )
    return False


def _phrase_in(core: str, phrase: str, department: str | None) -> bool:
    """Whether ``core`` is ``phrase`` with only neutral words before and after it."""
    after = _words().after
    if not phrase:
        return any(
            _neutral_before(core[:cut], department) and core[cut:] in after
            for cut in range(len(core) + 1)
        )
    start = core.find(phrase)
    while start >= 0:
        if _neutral_before(core[:start], department) and core[start + len(phrase) :] in after:
            return True
        start = core.find(phrase, start + 1)
    return False


@lru_cache(maxsize=4096)
def match_phrase(core: str, scoped: bool, department: str | None) -> tuple[Entry, str] | None:
    """The entry and phrase ``core`` names (the longest phrase that fits), if any.

    Cached: a pure function of its strings over the fixed vocabulary, asked again for the
    same subjects by several rules.
    """
    best: tuple[Entry, str] | None = None
    for entry in _words().entries:
        phrases = entry.phrases + (("",) if entry.bare_scope and scoped else ())
        for phrase in phrases:
            if (best is None or len(phrase) > len(best[1])) and _phrase_in(
                core, phrase, department
            ):
                best = (entry, phrase)
    return best


@lru_cache(maxsize=4096)
def split_heading(key: str, department: str | None) -> tuple[str, str]:
    """A heading joined before the subject's own words, and those words.

    A heading ends with 情况 or 情况说明, or where the body's own name begins
    (``机关运行经费预算`` + ``上海市普陀区商务委员会财政拨款的机关运行经费``).
    Cached: a pure function of its strings, and every resolution of a subject splits it
    again (its search for the body's name is quadratic in the subject's length).
    """
    match = _HEADING.match(key)
    cut = match.end() if match and match.end() < len(key) else 0

    def name_at(start: int) -> bool:
        return any(own_name(key[start:end], department) for end in range(start + 3, len(key) + 1))

    if not name_at(cut):
        cut = next((start for start in range(cut + 1, len(key) - 2) if name_at(start)), cut)
    return key[:cut], key[cut:]
