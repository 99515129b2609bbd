"""The error of a malformed pack."""


class PackError(Exception):
    """A pack on disk is malformed; the message names the file and the fix."""
