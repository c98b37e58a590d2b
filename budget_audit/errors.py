"""Errors a user can act on.

Every problem with the input becomes an :class:`InputError` with a message
that says what was wrong and where; the CLI turns it into a non-zero exit
without a traceback.
"""


class InputError(Exception):
    """The input cannot be read as a disclosure (wrong encoding, missing file...)."""
