"""Property: a consistent table printed with its empty cells dropped is read back into its columns.

Hypothesis builds 一般公共预算基本支出表s whose rows add up (类 = Σ 款, 合计 =
人员经费 + 公用经费), prints them as PDF text does (space-separated, empty
cells dropped), and parses them. Every number must land in the column it came
from, unless the parser reports that row as ambiguous; and no rule may raise
an error on a table that adds up.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from budget_audit import parse
from budget_audit.audit import audit_document
from budget_audit.engine import builtin_rules
from budget_audit.source import decode

SUMS = [r for r in builtin_rules() if r.family == "sums"]
CENT = Decimal("0.01")

amount = st.integers(min_value=0, max_value=500_000).map(lambda cents: Decimal(cents) * CENT)
leaf = st.tuples(amount, amount, st.sampled_from(["people", "public", "both"])).map(
    lambda t: (
        (t[0], Decimal(0))
        if t[2] == "people"
        else (Decimal(0), t[1])
        if t[2] == "public"
        else (t[0], t[1])
    )
)
group = st.lists(leaf, min_size=1, max_size=4)


def render(
    groups: list[list[tuple[Decimal, Decimal]]],
) -> tuple[str, dict[str, tuple[Decimal, Decimal]]]:
    """The table's text and the expected (人员经费, 公用经费) of each row by code."""
    expected: dict[str, tuple[Decimal, Decimal]] = {}
    rows = []
    for index, children in enumerate(groups):
        parent = f"30{index + 1}"
        people = sum((c[0] for c in children), Decimal(0))
        public = sum((c[1] for c in children), Decimal(0))
        expected[parent] = (people, public)
        rows.append((parent, f"类{index + 1}", people, public))
        for number, (child_people, child_public) in enumerate(children):
            code = f"{parent}{number + 1:02d}"
            expected[code] = (child_people, child_public)
            rows.append((code, f"款{index + 1}{number + 1}", child_people, child_public))
    total_people = sum((v[0] for k, v in expected.items() if len(k) == 3), Decimal(0))
    total_public = sum((v[1] for k, v in expected.items() if len(k) == 3), Decimal(0))
    lines = [
        "表 6.一般公共预算基本支出表",
        "单位：万元",
        "科目编码 科目名称 合计 人员经费 公用经费",
    ]
    lines.append(
        " ".join(
            [
                "合计",
                *(
                    f"{v:.2f}"
                    for v in (total_people + total_public, total_people, total_public)
                    if v
                ),
            ]
        )
    )
    for code, name, people, public in rows:
        cells = [f"{v:.2f}" for v in (people + public, people, public) if v]
        lines.append(" ".join([code, name, *cells]))
    text = (
        "第一部分 测试中心概况\n第二部分 测试中心 2026 年部门预算表\n"
        + "\n".join(lines)
        + "\n第三部分 情况说明\n"
    )
    return text, expected


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(group, min_size=1, max_size=4))
def test_dropped_cells_are_placed_back_or_reported(
    groups: list[list[tuple[Decimal, Decimal]]],
) -> None:
    text, expected = render(groups)
    document = parse(decode(text.encode(), "generated.txt"))
    table = document.tables_of("一般公共预算基本支出表")[0]
    ambiguous_lines = {int(entry.split("line ")[1].split(":")[0]) for entry in table.ambiguous}
    for row in table.rows:
        if row.code is None or row.last_line in ambiguous_lines:
            continue
        people, public = expected[row.code]
        read = (row.cells["人员经费"].value if "人员经费" in row.cells else Decimal(0),
                row.cells["公用经费"].value if "公用经费" in row.cells else Decimal(0))  # fmt: skip
        assert read == (people, public), (row.code, read, (people, public), text)
    errors = [f for f in audit_document(document, SUMS).found if f.severity == "error"]
    assert errors == [] or ambiguous_lines, [f.message for f in errors]
