"""Which rules run: ``[tool.budget-audit]`` in pyproject.toml, then the command line.

Like ruff: ``select`` and ``ignore`` take rule ids or prefixes (``BA1``),
``severity`` overrides a rule's severity, ``rules`` adds rule files.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from budget_audit.engine import Rule, installed_rules, load_rule_file
from budget_audit.errors import InputError
from budget_audit.findings import SEVERITIES


@dataclass
class Settings:
    """The rule selection in force."""

    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    rule_files: list[Path] = field(default_factory=list)


def find_settings(start: Path | None = None) -> Settings:
    """``[tool.budget-audit]`` of the nearest pyproject.toml at or above ``start`` (the working folder)."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file():
            settings = read_settings(pyproject)
            if settings is not None:
                return settings
    return Settings()


def read_settings(pyproject: Path) -> Settings | None:
    """``[tool.budget-audit]`` of this pyproject.toml, or ``None`` when it has no such section."""
    try:
        data = tomllib.loads(pyproject.read_text("utf-8"))
    except OSError as error:
        raise InputError(f"{pyproject}: cannot be read ({error.strerror})") from error
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise InputError(f"{pyproject}: {error}") from error
    section = data.get("tool", {}).get("budget-audit")
    return None if section is None else _settings(section, pyproject.parent, str(pyproject))


def _settings(section: dict[str, Any], base: Path, origin: str) -> Settings:
    severity = {str(k): str(v) for k, v in section.get("severity", {}).items()}
    for rule_id, level in severity.items():
        if level not in SEVERITIES:
            raise InputError(
                f"{origin}: severity of {rule_id} must be one of {', '.join(SEVERITIES)}"
            )
    return Settings(
        select=[str(s) for s in section.get("select", [])],
        ignore=[str(s) for s in section.get("ignore", [])],
        severity=severity,
        rule_files=[base / str(p) for p in section.get("rules", [])],
    )


def _matches(rule_id: str, patterns: Sequence[str]) -> bool:
    return any(rule_id.startswith(pattern) for pattern in patterns)


def selected_rules(settings: Settings) -> list[Rule]:
    """The built-in, installed and user rules, filtered and with severities overridden."""
    rules = installed_rules()
    for path in settings.rule_files:
        rules.extend(load_rule_file(path))
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise InputError(f"rule id {rule.id} is defined twice")
        seen.add(rule.id)
    unknown = [
        p for p in settings.select + settings.ignore if not any(r.id.startswith(p) for r in rules)
    ]
    if unknown:
        raise InputError(f"no rule matches {', '.join(unknown)}; 'budget-audit rules' lists them")
    chosen = [
        rule
        for rule in rules
        if (not settings.select or _matches(rule.id, settings.select))
        and not _matches(rule.id, settings.ignore)
    ]
    return [
        rule.with_severity(settings.severity[rule.id]) if rule.id in settings.severity else rule
        for rule in chosen
    ]
