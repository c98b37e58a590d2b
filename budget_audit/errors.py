"""Errors a user can act on.

Every problem with the input becomes an :class:`InputError` with a message
that says what was wrong and where; the CLI turns it into a non-zero exit
without a traceback.
"""


class InputError(Exception):
    """The input cannot be read as a disclosure (wrong encoding, missing file...)."""


class NotADisclosure(InputError):
    """The file was read but holds nothing a disclosure holds (no table, no 情况说明): in a
    folder, a notes or documentation file beside the disclosures, which may be skipped."""
