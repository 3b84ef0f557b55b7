"""The HTML brief in a real browser: Debian's chromium, headless, driven by Playwright.

Every chart must be visible with a non-zero box, and the page must log no console error and make
no request beyond its own file (its Content-Security-Policy would turn one into an error).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from dyadwatch.reports import BriefData, write_brief


def brief(*, empty: bool = False) -> BriefData:
    """A quarter-by-quarter brief: falling relations with one change point, two places."""
    index = pd.date_range("2020-01-01", periods=8, freq="QS")
    coop = np.array([0.5, 0.45, 0.4, -0.1, -0.2, np.nan, -0.3, -0.35])
    events = np.array([12, 10, 9, 14, 11, 0, 8, 7], dtype=float)
    series = pd.DataFrame({"coop_index": coop, "events": events, "q1": events // 2,
                           "q2": events // 4, "q3": events // 6, "q4": events // 8,
                           "tone": coop / 3, "articles": events, "volume": events}, index=index)
    nothing = pd.DataFrame()
    return BriefData(
        a="ARM", b="TUR", a_name="Armenia", b_name="Türkiye", since="2020-01-01",
        until="2021-12-31", freq="Q",
        verdict="Armenia–Türkiye relations worsened over 2020–2021 (falling, confidence 74%).",
        direction="falling", confidence=0.74,
        series=nothing if empty else series,
        change_points=nothing if empty else pd.DataFrame({
            "period": [pd.Timestamp("2020-10-01")], "before": [0.45], "after": [-0.22],
            "shift": [-0.67], "kind": ["level"], "events": ["border incidents <reported>"]}),
        spheres=nothing if empty else pd.DataFrame({
            "sphere": ["security", "trade"], "events": [50, 21], "share": [0.7, 0.3],
            "coop_index": [-0.4, 0.2], "direction": ["falling", "stable"],
            "confidence": [0.8, 0.3]}),
        agreements=nothing,
        key_events=nothing if empty else pd.DataFrame({
            "sphere": ["security"], "date": ["2020-10-12"], "code": ["173"],
            "name": ["Arrest, detain"], "source": ["TURCOP"], "target": ["ARM"],
            "modality": ["factual"], "role": [""],
            "evidence": ["Turkish police detained two Armenian citizens & questioned them."],
            "outlet": ["Anadolu"], "url": ["https://example.com/story?id=7"]}),
        actors=nothing,
        places=nothing if empty else pd.DataFrame({
            "place": ["Yerevan", "Kars"], "country": ["ARM", "TUR"],
            "latitude": [40.18, 40.6], "longitude": [44.51, 43.1], "events": [9, 4]}),
        coverage={"origin": "GDELT import", "articles": 71, "events": 71},
    )


@pytest.mark.parametrize("empty", [False, True], ids=["with-data", "empty"])
def test_chromium_renders_every_chart_without_errors(tmp_path: Path, empty: bool,
                                                     render_brief: Any) -> None:
    page_path = write_brief(brief(empty=empty), tmp_path / "brief.html")
    seen = render_brief(page_path)
    assert len(seen["charts"]) == 5
    for box in seen["charts"]:
        assert box is not None and box["width"] > 100 and box["height"] > 50, box
    assert seen["verdict"][0].strip().endswith("confidence 74%).")
    assert seen["errors"] == []
    assert seen["failed"] == []
    assert seen["foreign"] == []
    shot = seen["screenshot"]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
