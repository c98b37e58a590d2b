"""Table numbers: the contents page, a list of table titles and the body agree, and the contents
page and the list of titles list the same tables (BA904); no list of tables skips a number
(BA905).

A disclosure numbers its tables up to three times: the contents page
(``十一、政府采购预算表``), sometimes a list of the tables' titles at the head
of the table part (``表 13. 政府购买服务预算表``), and each table's own title.
Each is a *listing*. A table whose number differs between two listings, or a
listing that jumps from 表 10 to 表 12, leaves the reader looking for a table
under the wrong number.

Tables are matched by kind, never by number. A table printed as a bare title
(an image in the original) counts for the body. A number the contents page
gives to a table the body lacks is BA901's finding, not a skip.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from budget_audit.document import Document
from budget_audit.findings import Evidence
from budget_audit.layout import Block
from budget_audit.messages import Items, Term, message
from budget_audit.numbers import normalise
from budget_audit.rule import Context, check_kind

_NUMERALS = "一二三四五六七八九"
_CHINESE_NUMBER = re.compile(r"^[-•\s]*([一二三四五六七八九十]+)[、.]")
_TABLE_NUMBER = re.compile(r"^[-•\s]*(?:附)?表\s*-?\s*(\d+(?:\s*-\s*\d+)?)")
_TITLE_LINES = 4  # a table's number may stand a few lines after its title
# A run of at least this many bare titles, all of tables printed later, is a list of titles.
_INDEX_RUN = 3


@dataclass(frozen=True)
class Entry:
    """One numbered table of a listing: its number (``5``, ``5-1``), kind, line and text."""

    number: tuple[int, ...]
    kind: str
    line: int
    text: str

    @property
    def label(self) -> str:
        """The number as printed: ``5-1``."""
        return "-".join(str(part) for part in self.number)


def chinese_number(text: str) -> int | None:
    """一 … 九十九 as a number (the contents page numbers its entries so)."""
    match = re.fullmatch(f"([{_NUMERALS}]?)(十?)([{_NUMERALS}]?)", text)
    if match is None or not text:
        return None
    tens, ten, ones = match.groups()
    if not ten:
        digit = tens + ones
        return _NUMERALS.index(digit) + 1 if len(digit) == 1 else None
    high = _NUMERALS.index(tens) + 1 if tens else 1
    return high * 10 + (_NUMERALS.index(ones) + 1 if ones else 0)


def parse_number(text: str) -> tuple[int, ...] | None:
    """The number a title or contents entry gives: ``十一、`` → (11,), ``表 5-1.`` → (5, 1)."""
    match = _TABLE_NUMBER.match(text)
    if match:
        return tuple(int(part) for part in re.split(r"\s*-\s*", match.group(1)))
    match = _CHINESE_NUMBER.match(text)
    if match:
        value = chinese_number(match.group(1))
        return (value,) if value is not None else None
    return None


def block_number(block_or_number: Block | str | None) -> tuple[int, ...] | None:
    """A title's number as the layout read it (``5-1``, ``-5-2`` from ``附表-5-2``)."""
    raw = block_or_number.number if isinstance(block_or_number, Block) else block_or_number
    parts = [p for p in (raw or "").split("-") if p]
    return tuple(int(p) for p in parts) if parts and all(p.isdigit() for p in parts) else None


def contents_listing(document: Document) -> list[Entry]:
    """The contents page's numbered entries."""
    entries = []
    for promise in document.promises:
        number = None if promise.title_only else parse_number(promise.text)
        if number is not None:
            entries.append(Entry(number, promise.kind, promise.line, promise.text))
    return entries


def _title_runs(document: Document) -> list[list[Block]]:
    """Bare titles in runs: consecutive, with no printed table between them."""
    starts = sorted(table.first_line for table in document.tables)
    runs: list[list[Block]] = []
    for block in sorted(document.title_only, key=lambda b: b.title_line):
        previous = runs[-1][-1] if runs else None
        between = previous is not None and any(
            previous.title_line < start < block.title_line for start in starts
        )
        if previous is None or between:
            runs.append([block])
        else:
            runs[-1].append(block)
    return runs


def title_list(document: Document) -> list[Entry]:
    """A list of the tables' titles ahead of the tables: a run of bare titles, each of a table
    the body prints later (bare titles of tables the body lacks are images, not a list)."""
    printed = {table.kind.name: table.first_line for table in document.tables}
    for run in _title_runs(document):
        if len(run) < _INDEX_RUN:
            continue
        if all(b.kind is not None and printed.get(b.kind.name, 0) > b.title_line for b in run):
            return [
                Entry(number, b.kind.name, b.title_line, b.title)
                for b in run
                if b.kind is not None and (number := block_number(b)) is not None
            ]
    return []


def body_listing(document: Document) -> list[Entry]:
    """The numbers the body gives: each printed table's, and each bare title of a table the
    body does not print (an image in the original)."""
    printed = {table.kind.name for table in document.tables}
    entries = [
        _numbered(document, number, table.kind.name, table.first_line, table.title)
        for table in document.tables
        if (number := block_number(table.number)) is not None
    ]
    entries += [
        Entry(number, block.kind.name, block.title_line, block.title)
        for block in document.title_only
        if block.kind is not None
        and block.kind.name not in printed
        and (number := block_number(block)) is not None
    ]
    return sorted(entries, key=lambda e: e.line)


def _numbered(
    document: Document, number: tuple[int, ...], kind: str, line: int, title: str
) -> Entry:
    """The entry of a printed table, on the line that prints its number when that is not the
    title's (``政府采购预算表`` / ``表 12``)."""
    if parse_number(normalise(document.source.line(line)).strip()) == number:
        return Entry(number, kind, line, title)
    for other in range(line + 1, min(line + _TITLE_LINES, len(document.source.lines)) + 1):
        text = normalise(document.source.line(other)).strip()
        if parse_number(text) == number:
            return Entry(number, kind, other, text)
    return Entry(number, kind, line, title)


def _agrees(listed: tuple[int, ...], printed: tuple[int, ...]) -> bool:
    """``5`` agrees with ``5-1`` (one entry for a table in parts); ``5-1`` only with ``5-1``."""
    return listed == printed if len(listed) > 1 else listed[0] == printed[0]


@check_kind("numbers_agree")
def numbers_agree(context: Context) -> None:
    """Each listing (contents page, list of titles) numbers a table as the body does.

    One listing's disagreements are one finding: they usually share a cause
    (tables inserted or reordered in one place and not the other).
    """
    document = context.document
    body = body_listing(document)
    source = document.source
    for name, listing in (("目录", contents_listing(document)), ("表题清单", title_list(document))):
        differing: list[tuple[Entry, Entry]] = []
        for entry in listing:
            printed = [e for e in body if e.kind == entry.kind]
            if printed and not any(_agrees(entry.number, e.number) for e in printed):
                differing.append((entry, printed[0]))
        if not differing:
            continue
        said = Items(
            tuple(
                message(
                    "numbering.differs",
                    kind=Term(listed.kind),
                    listing=Term(name),
                    listed=listed.label,
                    printed=printed.label,
                )
                for listed, printed in differing
            ),
            "；",
            "; ",
        )
        evidence = [Evidence.at(source, e.line, e.text) for pair in differing for e in pair]
        context.report(message("numbering.disagree", listing=Term(name), said=said), evidence)
    _listings_differ(context)


def _listings_differ(context: Context) -> None:
    """The contents page and the list of titles list the same tables.

    A table in the list of titles the contents page lacks sends a reader of the
    contents page past it. The other way round is reported only when no other
    rule says it: a contents entry the body does not print is BA901's, and a
    number the list of titles skips is BA905's (which names the contents entry).
    A contents page with a number we could not read (a gap in its own
    numbering) may list the table under a title we do not know: not compared.
    """
    document = context.document
    contents = contents_listing(document)
    titles = title_list(document)
    if not contents or not titles or _gaps(contents):
        return
    listed = {entry.kind for entry in contents}
    titled = {entry.kind for entry in titles}
    printed = {table.kind.name for table in document.tables}
    skipped = {n[0] for _, _, gap in _gaps(titles) for n in gap if len(n) == 1}
    only_titles = _first_of_kinds(e for e in titles if e.kind not in listed)
    only_contents = _first_of_kinds(
        e
        for e in contents
        if e.kind not in titled and e.kind in printed and e.number[0] not in skipped
    )
    if not only_titles and not only_contents:
        return
    said = Items(
        (
            *(
                message("numbering.not_in_contents", number=e.label, kind=Term(e.kind))
                for e in only_titles
            ),
            *(
                message("numbering.not_in_titles", number=e.number[0], kind=Term(e.kind))
                for e in only_contents
            ),
        ),
        "；",
        "; ",
    )
    cited = [contents[0], contents[-1], *only_contents, *only_titles]
    evidence = [
        Evidence.at(document.source, e.line, e.text)
        for e in sorted({e.line: e for e in cited}.values(), key=lambda e: e.line)
    ]
    context.report(message("numbering.listings_differ", said=said), evidence)


def _first_of_kinds(entries: Iterable[Entry]) -> list[Entry]:
    """Each kind's first entry (表 12-1 … 12-11 are one table kind, named once)."""
    first: dict[str, Entry] = {}
    for entry in entries:
        first.setdefault(entry.kind, entry)
    return list(first.values())


@check_kind("numbers_continuous")
def numbers_continuous(context: Context) -> None:
    """No listing of tables skips a number (表 10 then 表 12), nor a part number (5-1, 5-3).

    A number the contents page gives to a table the body does not print is
    left to BA901 (one cause, one finding).
    """
    document = context.document
    present = {table.kind.name for table in document.tables}
    missing = {entry.number[0] for entry in contents_listing(document) if entry.kind not in present}
    contents = {entry.number[0]: entry for entry in contents_listing(document)}
    # A table printed with no number we could read (its number a line apart from its title,
    # with other text between) cannot show that the body skipped its number.
    unnumbered = {table.kind.name for table in document.tables if table.number is None}
    unread = {n for n, entry in contents.items() if entry.kind in unnumbered}
    for name, listing in (
        ("目录", contents_listing(document)),
        ("表题清单", title_list(document)),
        ("正文", body_listing(document)),
    ):
        for before, after, found in _gaps(listing):
            gap = [
                n
                for n in found
                if name == "目录"
                or len(n) > 1
                or (n[0] not in missing and (name != "正文" or n[0] not in unread))
            ]
            if not gap:
                continue
            skipped = Items(
                tuple(message("numbering.table", number="-".join(map(str, n))) for n in gap)
            )
            promised = [contents[n[0]] for n in gap if len(n) == 1 and n[0] in contents]
            hint = Items(
                tuple(
                    message("numbering.contents_item", number=p.number[0], kind=Term(p.kind))
                    for p in promised
                ),
                "",
                "",
            )
            context.report(
                message(
                    "numbering.skips",
                    listing=Term(name),
                    before=before.label,
                    after=after.label,
                    skipped=skipped,
                    hint=hint,
                ),
                [
                    Evidence.at(document.source, before.line, before.text),
                    Evidence.at(document.source, after.line, after.text),
                ],
            )


def _gaps(listing: list[Entry]) -> list[tuple[Entry, Entry, list[tuple[int, ...]]]]:
    """Numbers a listing skips between two of its entries: (before, after, skipped numbers).

    Between 表 10 and 表 12 it skips 表 11; between 表 4 and 表 5-2 it skips 表 5-1;
    between 表 5-1 and 表 5-3, 表 5-2.
    """
    found: list[tuple[Entry, Entry, list[tuple[int, ...]]]] = []
    ordered = sorted({e.number: e for e in listing}.values(), key=lambda e: e.number)
    for before, after in itertools.pairwise(ordered):
        gap: list[tuple[int, ...]] = [(n,) for n in range(before.number[0] + 1, after.number[0])]
        if len(after.number) > 1:
            same_major = after.number[0] == before.number[0] and len(before.number) > 1
            low = before.number[1] if same_major else 0
            gap += [(after.number[0], n) for n in range(low + 1, after.number[1])]
        if gap:
            found.append((before, after, gap))
    return found
