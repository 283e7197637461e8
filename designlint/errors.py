"""Errors that end a run with exit code 2 and one clear line (never a traceback)."""


class DesignlintError(Exception):
    """A usage, configuration or rule error. The message is shown as it is."""
