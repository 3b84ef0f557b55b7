"""One Settings object, built once from defaults, environment and CLI flags. No module state."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_DB = Path("dyadwatch.duckdb")
MODEL_ENV = "DYADWATCH_MODEL"
# spaCy's own default limit; longer texts need much memory in the parser.
DEFAULT_MAX_CHARS = 1_000_000


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How records are read: which columns/keys hold what, and the size limit."""

    id_column: str = "id"
    date_column: str = "date"
    text_column: str = "text"
    title_column: str = "title"
    url_column: str = "url"
    source_column: str = "source"
    max_chars: int = DEFAULT_MAX_CHARS


@dataclass(frozen=True, slots=True)
class Settings:
    db_path: Path = DEFAULT_DB
    model: str | None = None
    batch_size: int = 32
    limit: int | None = None  # read at most this many records (articles or rejects)
    read: ReadOptions = field(default_factory=ReadOptions)

    @property
    def model_name(self) -> str | None:
        """The explicitly requested model: --model wins over DYADWATCH_MODEL; None means auto."""
        return self.model or os.environ.get(MODEL_ENV) or None
