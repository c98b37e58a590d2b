"""Typed parameters of check kinds, validated when a rule file is loaded.

A rule file is data a user writes. A missing or misspelt parameter must stop
the load with one line naming the field, not end in a ``KeyError`` during an
audit, nor (worse) leave a rule that silently checks nothing. Each check kind
declares its parameters with these specs; :func:`validate` returns the
parameters with their defaults filled in, so checks never guess.
"""

from __future__ import annotations

import difflib
import re
from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any


class ParamError(Exception):
    """A parameter is wrong: ``path`` names it (``params.figures[0].sources[1].colum``)."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


class Spec(ABC):
    """A type a parameter value must have."""

    def describe(self) -> str:
        """What the value must be, for an error message."""
        return "a value"

    @abstractmethod
    def check(self, value: object, path: str) -> Any:
        """The value, normalised, or :class:`ParamError`."""


class _Text(Spec):
    """A string; a bare number is accepted as its text (a code written ``30217`` unquoted)."""

    def describe(self) -> str:
        return "a string"

    def check(self, value: object, path: str) -> Any:
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise ParamError(path, f"expected {self.describe()}, got {value!r}")
        return str(value)


class _Integer(Spec):
    def describe(self) -> str:
        return "a whole number"

    def check(self, value: object, path: str) -> Any:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ParamError(path, f"expected {self.describe()}, got {value!r}")
        return value


class _Number(Spec):
    """A number, kept exact as a Decimal (``2``, ``1.5``, ``"0.01"``)."""

    def describe(self) -> str:
        return "a number"

    def check(self, value: object, path: str) -> Any:
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise ParamError(path, f"expected {self.describe()}, got {value!r}")
        try:
            return Decimal(str(value))
        except InvalidOperation:
            raise ParamError(path, f"expected {self.describe()}, got {value!r}") from None


class _Anything(Spec):
    """Any value, checked elsewhere (a rule's ``params``, checked against the kind it names)."""

    def check(self, value: object, path: str) -> Any:
        return value


class _Pattern(Spec):
    """A regular expression, compiled (a bad one is an error of the rule file, not of the audit)."""

    def describe(self) -> str:
        return "a regular expression"

    def check(self, value: object, path: str) -> Any:
        if not isinstance(value, str):
            raise ParamError(path, f"expected {self.describe()}, got {value!r}")
        try:
            return re.compile(value)
        except re.error as error:
            raise ParamError(path, f"not a valid regular expression ({error})") from None


ANY: Spec = _Anything()
PATTERN: Spec = _Pattern()
TEXT: Spec = _Text()
INTEGER: Spec = _Integer()
NUMBER: Spec = _Number()


@dataclass(frozen=True)
class ListOf(Spec):
    """A list whose items are all ``item``; ``length`` fixes how many (a pair is 2)."""

    item: Spec
    length: int | None = None

    def describe(self) -> str:
        count = f"{self.length} " if self.length else ""
        return f"a list of {count}{self.item.describe()}"

    def check(self, value: object, path: str) -> Any:
        if not isinstance(value, list):
            raise ParamError(path, f"expected {self.describe()}, got {value!r}")
        if self.length is not None and len(value) != self.length:
            raise ParamError(path, f"expected {self.length} items, got {len(value)}")
        return [self.item.check(item, f"{path}[{index}]") for index, item in enumerate(value)]


@dataclass(frozen=True)
class MapOf(Spec):
    """A mapping from names to values of one spec (``{基本支出: 基本支出}``)."""

    value: Spec

    def describe(self) -> str:
        return f"a mapping of names to {self.value.describe()}"

    def check(self, value: object, path: str) -> Any:
        if not isinstance(value, dict):
            raise ParamError(path, f"expected {self.describe()}, got {value!r}")
        return {str(key): self.value.check(item, f"{path}.{key}") for key, item in value.items()}


@dataclass(frozen=True)
class OneOf(Spec):
    """One of a fixed set of words."""

    choices: tuple[str, ...]

    def describe(self) -> str:
        return "one of " + ", ".join(self.choices)

    def check(self, value: object, path: str) -> Any:
        if value not in self.choices:
            raise ParamError(path, f"expected {self.describe()}, got {value!r}")
        return value


@dataclass(frozen=True)
class Either(Spec):
    """A value of the first spec that accepts it (an example is a text or a text with its line)."""

    specs: tuple[Spec, ...]

    def describe(self) -> str:
        return " or ".join(spec.describe() for spec in self.specs)

    def check(self, value: object, path: str) -> Any:
        for spec in self.specs:
            try:
                return spec.check(value, path)
            except ParamError:
                continue
        raise ParamError(path, f"expected {self.describe()}, got {value!r}")


_REQUIRED = object()


@dataclass(frozen=True)
class Param:
    """One field: its spec, and its default (none: the field is required)."""

    spec: Spec
    default: Any = _REQUIRED
    help: str = ""

    @property
    def required(self) -> bool:
        """Whether a rule must give this field."""
        return self.default is _REQUIRED


@dataclass(frozen=True)
class Record(Spec):
    """A mapping with named fields: unknown fields and missing required ones are errors."""

    fields: Mapping[str, Param] = field(default_factory=dict)

    def describe(self) -> str:
        return "a mapping with " + (", ".join(self.fields) or "no fields")

    def check(self, value: object, path: str) -> Any:
        if value is None:
            value = {}
        if not isinstance(value, dict):
            raise ParamError(path, f"expected {self.describe()}, got {value!r}")
        for key in value:
            if key not in self.fields:
                raise ParamError(_join(path, str(key)), _unknown(str(key), list(self.fields)))
        result: dict[str, Any] = {}
        for name, param in self.fields.items():
            where = _join(path, name)
            if name in value:
                result[name] = param.spec.check(value[name], where)
            elif param.required:
                raise ParamError(where, f"missing ({param.spec.describe()} is required)")
            elif isinstance(param.spec, Record):  # an omitted group still gets its fields' defaults
                result[name] = param.spec.check(param.default, where)
            else:
                result[name] = param.default
        return result


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _unknown(key: str, known: list[str]) -> str:
    close = difflib.get_close_matches(key, known, n=1)
    hint = f"did you mean '{close[0]}'?" if close else "known: " + (", ".join(known) or "none")
    return f"unknown field ({hint})"


def validate(spec: Record, value: object, path: str = "params") -> dict[str, Any]:
    """``value`` checked against ``spec``, with defaults filled in; :class:`ParamError` if not."""
    checked: dict[str, Any] = spec.check(value, path)
    return checked
