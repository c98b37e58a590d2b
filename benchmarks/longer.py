"""A disclosure made N times longer the way a large department's is: more projects.

A department with hundreds of projects prints one 项目支出表 row and one
项目支出绩效目标申报表 per project, so those are what grow: each copy repeats
every project row of the 项目支出表 and every project form, its project codes
renumbered (``42010726143T000000100`` → ``…T000001100``) so the copies are new
projects, not the same project printed twice. Used by ``bench.py`` to see
whether the audit's time grows in proportion to the document.
"""

from __future__ import annotations

import math
import re

FORM = "部门项目支出绩效目标申报表"
PROJECT_CODE = re.compile(r"(\d{6,}[A-Z])(\d{6,})")
PROJECT_ROW = re.compile(r"^\d{6,}[A-Z]\d{6,}\t")


def lengthened(text: str, factor: int) -> str:
    """``text`` with its projects copied until it has about ``factor`` times the lines."""
    lines = text.split("\n")
    forms = [i for i, line in enumerate(lines) if line.strip() == FORM]
    if not forms:
        raise ValueError(f"no {FORM} to repeat")
    first = forms[0]
    end = next(i for i in range(first, len(lines)) if lines[i].startswith("第三部分"))
    rows = [i for i in range(first) if PROJECT_ROW.match(lines[i])]
    copies = math.ceil((factor - 1) * len(lines) / (end - first + len(rows)))
    grown: list[str] = []
    for index, line in enumerate(lines[:end]):
        grown.append(line)
        if index in rows:
            grown.extend(_renumbered(line, copy) for copy in range(1, copies + 1))
    for copy in range(1, copies + 1):
        grown.extend(_renumbered(line, copy) for line in lines[first:end])
    return "\n".join(grown + lines[end:])


def _renumbered(line: str, copy: int) -> str:
    return PROJECT_CODE.sub(lambda m: m[1] + str(int(m[2]) + 1000 * copy).zfill(len(m[2])), line)
