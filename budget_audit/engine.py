"""The rule engine: rule packs are data (``rules/*.yaml``), check kinds are Python.

A rule picks a check kind and gives it parameters. Every rule file, shipped,
installed or the user's own, is validated when it is loaded: an unknown check
kind, a missing or misspelt field is an :class:`InputError` naming the file, the
rule and the field. Running the rules collects findings and what could not be
checked; a rule that fails inside becomes a ``not checked`` line, never a
crash of the audit. Nothing in a rule file is evaluated as code.

Third-party rule packs are installed packages that declare an entry point in
the group ``budget_audit.rule_packs`` naming a :class:`RulePack` (or a function
returning one): its YAML files and the check kinds they use.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from importlib.machinery import PathFinder
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from budget_audit.document import Document
from budget_audit.errors import InputError
from budget_audit.findings import SEVERITIES, Finding
from budget_audit.messages import message
from budget_audit.params import ANY, INTEGER, TEXT, Either, ListOf, OneOf, Param, ParamError, Record
from budget_audit.rule import CheckKind, Context, Rule, check_kind
from budget_audit.yaml_files import load_yaml

if TYPE_CHECKING:
    from importlib import metadata

__all__ = [
    "ENTRY_POINT_GROUP",
    "CheckKind",
    "Context",
    "Rule",
    "RulePack",
    "builtin_rules",
    "check_kind",
    "check_kinds",
    "installed_rules",
    "load_rule_file",
    "run_rules",
]

ENTRY_POINT_GROUP = "budget_audit.rule_packs"


@dataclass(frozen=True)
class RulePack:
    """A rule pack a package installs: its YAML rule files and the check kinds they use."""

    name: str
    rule_files: tuple[Traversable | Path, ...]
    kinds: tuple[CheckKind, ...] = ()


_LINES = Either((ListOf(INTEGER), INTEGER))
_FAILING = Either((TEXT, Record({"text": Param(TEXT), "line": Param(_LINES, ())})))
# A rule's fields; its ``params`` are checked against the kind the rule names.
_RULE_FIELDS = Record(
    {
        "id": Param(TEXT),
        "title": Param(TEXT),
        "title_en": Param(TEXT, None),
        "severity": Param(OneOf(SEVERITIES)),
        "check": Param(TEXT),
        "rationale": Param(TEXT, ""),
        "params": Param(ANY, None),
        "examples": Param(
            Record({"pass": Param(ListOf(TEXT), []), "fail": Param(ListOf(_FAILING), [])}), {}
        ),
    }
)


def _rule(entry: object, index: int, family: str, origin: str, kinds: dict[str, CheckKind]) -> Rule:
    """One validated rule of a file; any problem is one line naming the file, the rule and the field."""
    name = (
        f"rule {entry['id']}"
        if isinstance(entry, dict) and "id" in entry
        else f"rule #{index + 1} (no id)"
    )
    if not isinstance(entry, dict):
        raise InputError(f"{origin}: {name}: expected a mapping of rule fields, got {entry!r}")
    try:
        checked = _RULE_FIELDS.check(entry, "")
    except ParamError as error:
        raise InputError(f"{origin}: {name}: {error}") from None
    kind = kinds.get(checked["check"])
    if kind is None:
        known = ", ".join(sorted(kinds))
        raise InputError(
            f"{origin}: {name}: check: unknown check kind {checked['check']!r} (known: {known})"
        )
    try:
        params = kind.params.check(checked["params"], "params")
    except ParamError as error:
        raise InputError(f"{origin}: {name}: {error} (check kind {kind.name})") from None
    failing = [
        f if isinstance(f, dict) else {"text": f, "line": ()} for f in checked["examples"]["fail"]
    ]
    return Rule(
        id=checked["id"],
        title=checked["title"],
        title_en=checked["title_en"],
        severity=checked["severity"],
        check=kind.name,
        family=family,
        rationale=checked["rationale"].strip(),
        params=params,
        passing=tuple(checked["examples"]["pass"]),
        failing=tuple(f["text"] for f in failing),
        failing_lines=tuple(_as_lines(f["line"]) for f in failing),
    )


def _as_lines(value: int | list[int]) -> tuple[int, ...]:
    return (value,) if isinstance(value, int) else tuple(value)


def _rules_of(text: str, origin: str, kinds: dict[str, CheckKind]) -> list[Rule]:
    try:
        data = load_yaml(text)
    except yaml.YAMLError as error:
        raise InputError(f"{origin}: not valid YAML ({error})".replace("\n", " ")) from None
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise InputError(f"{origin}: a rule file is a mapping with a 'rules' list")
    unknown = set(data) - {"family", "rules"}
    if unknown:
        raise InputError(f"{origin}: unknown top-level field(s) {', '.join(sorted(unknown))}")
    family = str(data.get("family", Path(origin).stem))
    return [_rule(entry, index, family, origin, kinds) for index, entry in enumerate(data["rules"])]


def load_rule_file(path: Path) -> list[Rule]:
    """Rules of a user's rule file; a malformed file is an :class:`InputError`."""
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot read rule file ({error})") from error
    return _rules_of(text, str(path), check_kinds())


def _pack_of(entry_point: metadata.EntryPoint) -> RulePack:
    """The rule pack an entry point names; a broken one is an :class:`InputError`."""
    where = f"rule pack {entry_point.name!r} ({entry_point.value})"
    try:
        loaded: Any = entry_point.load()
        pack = loaded if isinstance(loaded, RulePack) else loaded()
    except Exception as error:  # a third-party package: any failure to load is its input error
        raise InputError(f"{where}: cannot be loaded ({type(error).__name__}: {error})") from None
    if not isinstance(pack, RulePack):
        raise InputError(f"{where}: is not a budget_audit.engine.RulePack")
    return pack


@cache
def installed_packs() -> tuple[RulePack, ...]:
    """The rule packs installed packages declare (entry point group ``budget_audit.rule_packs``)."""
    if not _may_declare_packs():
        return ()
    from importlib import metadata

    entry_points = sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name)
    return tuple(_pack_of(entry_point) for entry_point in entry_points)


def _may_declare_packs() -> bool:
    """False only when no installed distribution can declare a rule pack: none of the
    ``entry_points.txt`` that importlib.metadata would read names the group.

    importlib.metadata and what it imports (email, csv, zipfile...) cost a cold start
    about 15 ms, for an answer that is almost always "none". This reads the same
    files without it, and says "maybe" (so importlib.metadata decides) whenever the
    places are not plain folders of ``*.dist-info``/``*.egg-info``: a zip or egg on
    ``sys.path``, or an import hook that lists distributions of its own.
    """
    finders = [f for f in sys.meta_path if hasattr(f, "find_distributions")]
    if any(finder is not PathFinder for finder in finders):
        return True
    for entry in sys.path:
        try:
            children = list(os.scandir(entry or "."))
        except NotADirectoryError:  # a zip on sys.path
            return True
        except OSError:  # not there: importlib.metadata finds nothing there either
            continue
        for child in children:
            name = child.name.lower()
            if name.endswith(".egg"):
                return True
            if name.endswith((".dist-info", ".egg-info")) and _names_the_group(child.path):
                return True
    return False


def _names_the_group(info: str) -> bool:
    try:
        with open(os.path.join(info, "entry_points.txt"), encoding="utf-8") as file:
            return ENTRY_POINT_GROUP in file.read()
    except (NotADirectoryError, FileNotFoundError):  # an .egg-info file, or no entry points
        return False
    except (OSError, UnicodeDecodeError):
        return True


def check_kinds() -> dict[str, CheckKind]:
    """Every check kind by name: the built-in ones, then those of installed packs."""
    from budget_audit.checks.registry import KINDS

    kinds: dict[str, CheckKind] = {}
    for origin, kind in [("budget_audit", k) for k in KINDS] + [
        (pack.name, k) for pack in installed_packs() for k in pack.kinds
    ]:
        if kind.name in kinds:
            raise InputError(f"{origin}: check kind {kind.name!r} is defined twice")
        kinds[kind.name] = kind
    return kinds


def _read_files(files: Iterable[Traversable | Path], kinds: dict[str, CheckKind]) -> list[Rule]:
    rules: list[Rule] = []
    for file in sorted(files, key=lambda f: f.name):
        if file.name.endswith((".yaml", ".yml")):
            rules.extend(_rules_of(file.read_text("utf-8"), file.name, kinds))
    return rules


def builtin_rules() -> list[Rule]:
    """The rule packs shipped in ``rules/`` (a new list; the files are read once a process)."""
    return list(_builtin_rules())


@cache
def _builtin_rules() -> tuple[Rule, ...]:
    """Read once: ``ba.audit`` selects its rules at every call, and parsing the shipped packs
    each time cost 64 ms of CPU, a third of auditing a corpus document."""
    packs = resources.files("budget_audit.rule_packs")
    rules = _read_files(packs.iterdir(), check_kinds())
    return tuple(sorted(rules, key=lambda rule: rule.id))


def installed_rules() -> list[Rule]:
    """The shipped rules and those of every installed rule pack."""
    kinds = check_kinds()
    rules = builtin_rules()
    for pack in installed_packs():
        rules.extend(_read_files(pack.rule_files, kinds))
    return sorted(rules, key=lambda rule: rule.id)


def run_rules(document: Document, rules: list[Rule]) -> tuple[list[Finding], list[str]]:
    """Every finding of the rules on the document, and what they could not check.

    A rule that raises stops there: what it found before stands, and the
    failure is listed as not checked, so one broken rule cannot hide the others.
    """
    kinds = check_kinds()
    findings: list[Finding] = []
    not_checked: list[str] = []
    for rule in rules:
        context = Context(document, rule)
        run: Callable[[Context], None] = kinds[rule.check]
        try:
            run(context)
        except Exception as error:  # a rule's bug must not end the audit of every other rule
            context.skip(message("engine.rule_failed", error=f"{type(error).__name__}: {error}"))
        findings.extend(context.findings)
        not_checked.extend(context.not_checked)
    order = {severity: index for index, severity in enumerate(SEVERITIES)}
    findings.sort(key=lambda f: (order[f.severity], f.line, f.rule))
    return findings, not_checked
