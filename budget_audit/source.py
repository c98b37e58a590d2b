"""Read a disclosure's bytes into lines of text.

Government files come as UTF-8 (with or without BOM) or GB18030; line
endings as CRLF or LF. Anything else is refused with a clear message rather
than decoded into mojibake that would parse into nonsense.
"""

from dataclasses import dataclass
from pathlib import Path

from budget_audit.errors import InputError

_ENCODINGS = ("utf-8-sig", "gb18030")


@dataclass(frozen=True)
class SourceText:
    """The decoded text of one file, split into lines as ``text.split("\\n")`` does."""

    name: str
    encoding: str
    lines: tuple[str, ...]

    def line(self, number: int) -> str:
        """The text of 1-based line ``number``."""
        return self.lines[number - 1]


def decode(data: bytes, name: str) -> SourceText:
    """Decode ``data`` as UTF-8 or GB18030, or raise :class:`InputError`."""
    if b"\x00" in data:
        raise InputError(f"{name}: contains NUL bytes; this is not a text file")
    for encoding in _ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        return SourceText(
            name=name, encoding=encoding.removesuffix("-sig"), lines=tuple(text.split("\n"))
        )
    raise InputError(f"{name}: not UTF-8 or GB18030 text; convert the file to UTF-8 and try again")


def read_source(path: str | Path) -> SourceText:
    """Read the file at ``path``; raise :class:`InputError` when it cannot be read."""
    file = Path(path)
    if not file.exists():
        raise InputError(f"{file}: no such file")
    if file.is_dir():
        raise InputError(f"{file}: is a folder, not a file")
    try:
        data = file.read_bytes()
    except OSError as error:
        raise InputError(f"{file}: cannot be read ({error.strerror})") from error
    if not data.strip():
        raise InputError(f"{file}: is empty")
    return decode(data, file.name)
