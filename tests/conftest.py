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


CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="session")
def chromium() -> str:
    """$DYADWATCH_CHROMIUM or Debian's /usr/bin/chromium; skip locally, fail on CI, if absent."""
    import shutil

    configured = os.environ.get("DYADWATCH_CHROMIUM", "/usr/bin/chromium")
    found = shutil.which(configured)
    if found is None:
        message = (f"{configured}: chromium not found — install Debian's chromium package "
                   "(apt-get install chromium) or set DYADWATCH_CHROMIUM")
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return found


@pytest.fixture()
def render_brief(chromium: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A callable: an HTML brief's path → what headless Chromium saw: the size of every chart,
    console errors, failed and non-file requests, and a full-page screenshot's path."""
    sync_api = pytest.importorskip("playwright.sync_api")

    def render(page_path: Path) -> dict[str, object]:
        seen: dict[str, list[object]] = {"errors": [], "failed": [], "foreign": [], "charts": []}
        shot = tmp_path / f"{page_path.stem}.png"
        with sync_api.sync_playwright() as playwright:
            context = playwright.chromium.launch_persistent_context(
                str(tmp_path / f"profile-{page_path.stem}"), executable_path=chromium,
                headless=True, args=CHROMIUM_ARGS)
            try:
                page = context.new_page()
                page.on("console", lambda m: seen["errors"].append(m.text)
                        if m.type == "error" else None)
                page.on("pageerror", lambda e: seen["errors"].append(str(e)))
                page.on("requestfailed", lambda r: seen["failed"].append(r.url))
                page.on("request", lambda r: None if r.url.startswith("file:")
                        else seen["foreign"].append(r.url))
                page.goto(page_path.resolve().as_uri(), wait_until="load")
                charts = page.locator("svg.chart, img")
                for i in range(charts.count()):
                    chart = charts.nth(i)
                    seen["charts"].append(chart.bounding_box() if chart.is_visible() else None)
                seen["verdict"] = [page.locator("#verdict").inner_text()]
                page.screenshot(path=str(shot), full_page=True)
            finally:
                context.close()
        return {**seen, "screenshot": shot}

    return render
