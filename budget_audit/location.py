"""Where a number stands in its source.

A small value object rather than a bare ``int`` so that later sources (PDF
page and cell box, XLSX sheet and cell) can add what they know while rules
and reports only pass it on.
"""

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Location:
    """A 1-based line in the text source (counting lines as ``text.split("\\n")``).

    ``start`` is the character offset of the number in the (NFKC-normalised)
    line, so that two equal figures on one line stay distinct.
    """

    line: int
    start: int | None = None

    def __str__(self) -> str:
        return f"line {self.line}"
