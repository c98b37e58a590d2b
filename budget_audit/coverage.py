"""Coverage: how many numbers of the table part were read, and which were not.

An auditor that silently skips what it could not read lies to its user, so
every number in a table's body is accounted for: a fact, an identifier (a
code, a date, a phone number), or listed as not understood with its line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from budget_audit.tables.table import Table


@dataclass(frozen=True)
class Unread:
    """A number that was not read into a fact."""

    line: int
    raw: str
    table: str
    text: str


@dataclass
class Coverage:
    """The account of every number in the table part."""

    numbers: int = 0
    facts: int = 0
    identifiers: int = 0
    in_text: int = 0
    not_understood: list[Unread] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    ambiguous: list[str] = field(default_factory=list)
    promised_missing: list[str] = field(default_factory=list)
    title_only: list[str] = field(default_factory=list)

    @property
    def table_numbers(self) -> int:
        """Numbers standing in table cells: all numbers but those inside descriptive text."""
        return self.numbers - self.in_text

    @property
    def ratio(self) -> float:
        """Share of table numbers read (facts and identifiers); 1.0 when there is nothing to read.

        A float is fine here: this is a statistic of the parse, not money.
        """
        read = self.facts + self.identifiers
        return 1.0 if self.table_numbers == 0 else read / self.table_numbers

    def summary(self) -> str:
        """One line a reviewer can read at a glance."""
        return (
            f"{self.facts + self.identifiers} of {self.table_numbers} numbers in table cells read "
            f"({self.ratio:.1%}): {self.facts} facts, {self.identifiers} identifiers; "
            f"{self.in_text} more inside descriptive text of forms (left to the narrative reader); "
            f"{len(self.not_understood)} not understood, {len(self.unplaced)} facts with no known column, "
            f"{len(self.ambiguous)} rows placed ambiguously"
        )


def measure(tables: list[Table], lines: tuple[str, ...]) -> Coverage:
    """Account for every token of every table."""
    coverage = Coverage()
    for table in tables:
        claimed = {(f.location.line, f.location.start) for f in table.facts}
        coverage.numbers += len(table.tokens)
        for token in table.tokens:
            if token.key in claimed:
                coverage.facts += 1
            elif token.key in table.identifiers:
                coverage.identifiers += 1
            elif token.key in table.in_text:
                coverage.in_text += 1
            else:
                text = lines[token.line - 1].strip()
                coverage.not_understood.append(Unread(token.line, token.token.raw, table.id, text))
        coverage.unplaced.extend(
            f"line {f.location.line}: {f.raw} ({table.id}, row {f.name!r})"
            for f in table.facts
            if f.placement == "unplaced"
        )
        coverage.ambiguous.extend(f"{table.id} {entry}" for entry in table.ambiguous)
    return coverage
