"""Check kinds: the Python behind the rules in ``rules/*.yaml``, one module per family.

:data:`budget_audit.checks.registry.KINDS` lists the built-in kinds. Importing
this package imports none of them, so a module the checks use (``access``)
can be imported on its own.
"""
