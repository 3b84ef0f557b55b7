"""One Settings object, built once from defaults, environment and CLI flags. No module state."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_DB = Path("dyadwatch.duckdb")
MODEL_ENV = "DYADWATCH_MODEL"
# Folders of the user's own actor tables, separated by os.pathsep (":" on Unix, ";" on Windows).
ACTORS_ENV = "DYADWATCH_ACTORS"
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
    actors: tuple[Path, ...] = ()  # folders of the user's actor tables, added to the built-in

    @property
    def model_name(self) -> str | None:
        """The explicitly requested model: --model wins over DYADWATCH_MODEL; None means auto."""
        return self.model or os.environ.get(MODEL_ENV) or None

    @property
    def actor_folders(self) -> tuple[Path, ...]:
        """The user's actor-table folders: --actors wins over DYADWATCH_ACTORS."""
        if self.actors:
            return self.actors
        value = os.environ.get(ACTORS_ENV, "")
        return tuple(Path(p.strip()) for p in value.split(os.pathsep) if p.strip())
