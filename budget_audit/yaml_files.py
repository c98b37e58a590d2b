"""YAML of the shipped data and rule files, parsed by libyaml's C parser where PyYAML has it.

Every process reads the vocabularies and rule packs once; through PyYAML's
pure-Python parser that took 95 ms of CPU, most of what a cold
``budget-audit check`` spent before its first line was read, and libyaml gives
the same data in 11 ms. Either loader is a safe one: tags build plain data only.
"""

from __future__ import annotations

from typing import Any

import yaml

_SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # PyYAML built without libyaml


def load_yaml(text: str) -> Any:
    """The data of a YAML document, safely (no tags that build objects)."""
    return yaml.load(text, Loader=_SAFE_LOADER)
