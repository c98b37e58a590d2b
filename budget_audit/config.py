"""Which rules run and what a PDF may cost: ``[tool.budget-audit]`` in pyproject.toml, then
the command line.

Like ruff: ``select`` and ``ignore`` take rule ids or prefixes (``BA1``),
``severity`` overrides a rule's severity, ``rules`` adds rule files.
``max-pages`` and ``seconds-per-page`` bound a PDF (a file beyond them is
refused, not half-read); unset, the defaults of :class:`PdfSettings` hold.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from budget_audit.engine import Rule, installed_rules, load_rule_file
from budget_audit.errors import InputError
from budget_audit.findings import SEVERITIES
from budget_audit.sources.pdf import PdfSettings


@dataclass
class Settings:
    """The rule selection in force."""

    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    rule_files: list[Path] = field(default_factory=list)
    max_pages: int | None = None
    seconds_per_page: float | None = None

    def pdf(
        self, max_pages: int | None = None, seconds_per_page: float | None = None
    ) -> PdfSettings:
        """The PDF limits in force: the options given here, else the configured ones, else the
        defaults."""
        defaults = PdfSettings()
        pages = max_pages if max_pages is not None else self.max_pages
        seconds = seconds_per_page if seconds_per_page is not None else self.seconds_per_page
        return PdfSettings(
            max_pages=pages if pages is not None else defaults.max_pages,
            seconds_per_page=seconds if seconds is not None else defaults.seconds_per_page,
        )


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
    import tomllib  # a run outside any project reads no TOML: not imported at every start

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
    pages = _positive(section, "max-pages", origin, whole=True)
    return Settings(
        select=[str(s) for s in section.get("select", [])],
        ignore=[str(s) for s in section.get("ignore", [])],
        severity=severity,
        rule_files=[base / str(p) for p in section.get("rules", [])],
        max_pages=None if pages is None else int(pages),
        seconds_per_page=_positive(section, "seconds-per-page", origin, whole=False),
    )


def _positive(section: dict[str, Any], key: str, origin: str, whole: bool) -> float | None:
    """``section[key]`` when it is a positive number (a whole one if ``whole``), ``None`` when
    absent; anything else is refused with one line."""
    value = section.get(key)
    if value is None:
        return None
    kinds = (int,) if whole else (int, float)
    if isinstance(value, bool) or not isinstance(value, kinds) or value <= 0:
        what = "a whole number" if whole else "a number"
        raise InputError(f"{origin}: {key} must be {what} above 0, not {value!r}")
    return float(value)


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
