"""One exception tree. Every message says what went wrong and what to do about it.

The library raises these; only the CLI turns them into `Error: ... — ...` lines and exit codes.
"""

from __future__ import annotations


class DyadwatchError(Exception):
    """Base error: `problem` says what went wrong, `hint` what the user can do."""

    def __init__(self, problem: str, hint: str = "") -> None:
        self.problem = problem
        self.hint = hint
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return f"{self.problem} — {self.hint}" if self.hint else self.problem


class InputError(DyadwatchError):
    """An input (file, line, record) could not be read. `code` is a stable machine-readable tag."""

    def __init__(self, problem: str, hint: str = "", *, code: str = "input") -> None:
        self.code = code
        super().__init__(problem, hint)


class ModelNotFoundError(DyadwatchError):
    """No spaCy English pipeline could be loaded."""


class DictionaryError(DyadwatchError):
    """A project table (actors, patterns, codebook) is malformed: names file, line and field."""


class StoreError(DyadwatchError):
    """The DuckDB store could not be opened or written."""


class UsageError(DyadwatchError):
    """The user asked for something that cannot be done as asked (bad option value...)."""
