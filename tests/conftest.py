"""Shared fixtures."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The project's ../shared folder (seed texts, corpora): $DYADWATCH_SHARED or next to the repo.

    Skips when absent locally; fails on CI (CI=true), where it must be present."""
    configured = os.environ.get("DYADWATCH_SHARED")
    path = Path(configured) if configured else Path(__file__).resolve().parents[1].parent / "shared"
    if not path.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path}: shared folder not found — set DYADWATCH_SHARED on CI")
        pytest.skip("../shared not found")
    return path


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The real spaCy English pipeline (installed by `make install`)."""
    from dyadwatch.nlp.model import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def coder(nlp):  # type: ignore[no-untyped-def]
    """A callable: text (and optional date) → list of coded Events, with the bundled tables."""
    from datetime import date

    from dyadwatch.coder import build_pipeline
    from dyadwatch.config import Settings
    from dyadwatch.model import Article
    from dyadwatch.pipeline import Work

    pipeline = build_pipeline(Settings())

    def code(text: str, published: date | None = date(2020, 1, 15)):  # type: ignore[no-untyped-def]
        (result,) = pipeline.run_batch([Article.from_text(text, published=published)])
        assert isinstance(result, Work), result
        return list(result.events)

    return code
