"""Brief rendering: sections, inline charts, escaping, no network loads, determinism, Markdown."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from dyadwatch.errors import InputError, UsageError
from dyadwatch.reports import BriefData, charts, render_html, render_markdown, write_brief
from dyadwatch.reports.charts import period_label
from dyadwatch.reports.render import build_charts, safe_url

HOSTILE = '<script>alert("x")</script> Baku & Moscow | "agreed" *fully*'
SECTIONS = ("verdict", "index", "quadclass", "spheres", "tone", "agreements", "key-events",
            "actors", "places", "method")


def _series() -> pd.DataFrame:
    """Two years by month: conflictual, then a thaw from July 2016, then cooperation from April
    2017 — two level shifts on a rising trend, one month without events."""
    index = pd.date_range("2016-01-01", periods=24, freq="MS")
    level = np.where(index < "2016-07-01", -0.4, np.where(index < "2017-04-01", 0.1, 0.5))
    coop = level + np.linspace(0, 0.1, 24)
    events = np.array([6 + (i % 4) for i in range(24)], dtype=float)
    coop[9], events[9] = np.nan, 0
    share_coop = np.nan_to_num((coop + 1) / 2)
    frame = pd.DataFrame({
        "coop_index": coop, "events": events,
        "q1": np.round(events * share_coop * 0.6), "q2": np.round(events * share_coop * 0.4),
        "q3": np.round(events * (1 - share_coop) * 0.7),
        "q4": np.round(events * (1 - share_coop) * 0.3),
        "tone": coop * 0.3, "articles": events + 2, "volume": events / 10,
    }, index=index)
    frame.loc[index[3], "tone"] = np.nan
    return frame


def make_brief() -> BriefData:
    return BriefData(
        a="AZE", b="RUS", a_name="Azerbaijan", b_name="Russia",
        since="2016-01-01", until="2017-12-31", freq="M",
        verdict="Relations between Azerbaijan and Russia became more cooperative from 2016 to "
                "2017 (rising, confidence 82%).",
        direction="rising", confidence=0.82, series=_series(),
        change_points=pd.DataFrame({
            "period": pd.to_datetime(["2017-04-01", "2016-07-01"]),
            "before": [0.12, -0.38], "after": [0.55, 0.13], "shift": [0.43, 0.51],
            "kind": ["level", "level"],
            "events": ["gas supply deal signed", "presidents met in Baku"],
        }),
        spheres=pd.DataFrame({
            "sphere": ["security", "economy", "energy", "diplomacy"],
            "events": [40, 30, 20, 60], "share": [0.27, 0.2, 0.13, 0.4],
            "coop_index": [-0.2, 0.4, 0.6, np.nan], "direction": ["falling", "rising", "stable",
                                                                  "rising"],
            "confidence": [0.7, 0.9, 0.4, 0.6],
        }),
        agreements=pd.DataFrame({
            "date": pd.to_datetime(["2016-08-08", "2017-05-02"]),
            "parties": [("AZE", "RUS"), ("AZE", "RUS")], "kind": ["treaty", "memorandum"],
            "subject": ["strategic partnership", "gas transit"], "count": [3, 1],
            "period": ["", "2017–2022"], "status": ["signed", "planned"],
            "evidence": [HOSTILE, "The two ministries will sign a memorandum on transit."],
            "outlet": ["Trend", "Interfax"],
            "url": ["https://example.org/news/1?a=1&b=2", "javascript:alert(1)"],
        }),
        key_events=pd.DataFrame({
            "sphere": ["energy", "diplomacy", "culture", "diplomacy"],
            "date": ["2017-05-02", "2016-08-08", "2017-01-10", "2016-07-15"],
            "code": ["057", "042", "043", "036"],
            "name": ["Sign formal agreement", "Make a visit", "Host a visit", "Express intent"],
            "source": ["AZEGOV", "RUSGOV", "AZE", "AZEGOV"], "target": ["RUSGOV", "AZEGOV",
                                                                       "RUS", "RUSGOV"],
            "modality": ["factual", "factual", "factual", "intended"],
            "role": ["", "", "", "main"],
            "evidence": ["Baku and Moscow signed a gas transit memorandum on Tuesday.",
                         "Putin arrived in Baku for talks with Aliyev.",
                         "A Russian theatre troupe performed in Ganja.",
                         "Aliyev said he would travel to Moscow next month."],
            "outlet": ["APA", "TASS", "", "Reuters"],
            "url": ["https://example.org/a", "https://example.org/b", "", "http://example.org/d"],
        }),
        actors=pd.DataFrame({
            "side": ["RUS", "AZE", "AZE", "RUS"],
            "actor": ["RUSGOV", "AZEGOV", "AZEMIL", "RUSBUS"],
            "name": ["Kremlin", "President Ilham Aliyev", "Azerbaijani army", "Gazprom"],
            "events": [50, 70, 5, 12],
        }),
        places=pd.DataFrame({
            "place": ["Baku", "Moscow", "Ganja", "Site $5 $6", "Somewhere"],
            "country": ["AZE", "RUS", "AZE", "AZE", ""],
            "latitude": [40.41, 55.75, 40.68, 40.0, np.nan],
            "longitude": [49.87, 37.62, 46.36, 47.5, np.nan], "events": [40, 25, 6, 1, 2],
        }),
        coverage={"origin": "dyadwatch coder", "articles": 412, "sources": 9, "events": 150,
                  "merged_reports": 31, "first_date": "2016-01-03", "last_date": "2017-12-29",
                  "excluded": {"not English": 4, "no dyad actor": 57},
                  "notes": ["Events with confidence below 0.5 are left out.", "Weekly volume."],
                  "dictionary_version": "2024.1"},
    )


def empty_brief() -> BriefData:
    nothing = pd.DataFrame()
    return replace(make_brief(), series=nothing, change_points=nothing, spheres=nothing,
                   agreements=nothing, key_events=nothing, actors=nothing, places=nothing,
                   coverage={}, verdict="No events between Azerbaijan and Russia in 2016.",
                   direction="stable", confidence=0.0)


@pytest.fixture(scope="module")
def html() -> str:
    return render_html(make_brief())


def test_html_has_every_section_with_the_verdict_first(html: str) -> None:
    for section in SECTIONS:
        assert f'id="{section}"' in html, section
    assert html.index("more cooperative from 2016 to 2017") < html.index("<svg")
    assert "confidence 82%" in html
    for heading in ("Agreements register", "Key events by sphere", "Most active actors",
                    "Where it happened", "Method and data coverage"):
        assert f"<h2>{heading}</h2>" in html


def test_html_embeds_five_accessible_inline_svg_charts_with_unique_ids(html: str) -> None:
    svgs = re.findall(r"<svg [^>]*>", html)
    assert len(svgs) == 5
    for tag in svgs:
        assert 'role="img"' in tag and "aria-label=" in tag
    assert html.count("<title>") == 6  # the page's own and one per chart
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    for ref in re.findall(r'href="#([^"]+)"', html):
        assert ref in ids, ref


def test_html_loads_nothing_from_the_network(html: str) -> None:
    lowered = html.lower()
    for token in ("<script", "<link", "@import", "src=", "<img", "<iframe", "url(http"):
        assert token not in lowered, token
    assert "Content-Security-Policy" in html
    # The only URLs left are the article links.
    without_links = re.sub(r'<a href="https?://[^"]*"[^>]*>.*?</a>', "", html)
    assert re.search(r"https?:|//[a-z]", without_links, flags=re.I) is None
    assert '<a href="https://example.org/news/1?a=1&amp;b=2"' in html


def test_html_escapes_evidence_and_drops_unsafe_links(html: str) -> None:
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; Baku &amp; Moscow" in html
    assert "javascript:" not in html
    assert "<td>Interfax</td>" in html  # the outlet stays, unlinked


def test_html_shows_change_points_key_events_actors_and_coverage(html: str) -> None:
    assert html.index("<td>2016-07</td>") < html.index("<td>2017-04</td>")
    assert "+0.51" in html and "presidents met in Baku" in html
    # Key events follow the spheres table's order; a sphere it lacks comes last.
    positions = [html.index(f"<h3>{s}</h3>") for s in ("energy", "diplomacy", "culture")]
    assert positions == sorted(positions)
    assert html.index("Putin arrived in Baku") < html.index("Aliyev said he would travel")
    assert "<i>intended</i>" in html
    assert html.index("Azerbaijan (AZE)") < html.index("Russia (RUS)")
    assert html.index("President Ilham Aliyev") < html.index("Azerbaijani army")
    assert "not located" in html and "Site $5 $6" in html
    for text in ("412", "dyadwatch coder", "no dyad actor", "Dictionary version", "2024.1",
                 "Events with confidence below 0.5 are left out."):
        assert text in html, text


def test_same_data_gives_the_same_bytes() -> None:
    assert render_html(make_brief()) == render_html(make_brief())
    first = [c.svg for c in build_charts(make_brief())]
    assert first == [c.svg for c in build_charts(make_brief())]
    assert len(set(first)) == 5


def test_standalone_charts_are_valid_svg_with_titles() -> None:
    for chart in build_charts(make_brief()):
        root = ET.fromstring(chart.svg.encode("utf-8"))
        title = root.find("{http://www.w3.org/2000/svg}title")
        assert title is not None and title.text and title.text.startswith(chart.title)
        assert root.get("aria-label") == title.text


def test_index_chart_marks_change_points_and_places_chart_skips_unlocated() -> None:
    brief = make_brief()
    index = charts.index_chart(brief.series, brief.change_points, dyad="AZE–RUS")
    assert "23 periods with events; 2 change points" in index.svg
    without = charts.index_chart(brief.series, brief.change_points.iloc[:0], dyad="AZE–RUS")
    assert "0 change points" in without.svg and len(without.svg) < len(index.svg)
    assert "4 located places" in charts.places_chart(brief.places).svg


def test_empty_data_gives_charts_that_say_so() -> None:
    brief = empty_brief()
    html = render_html(brief)
    assert html.count(f"{charts.NO_DATA}</title>") == 5
    for note in ("No change point was found", "No agreement was reported", "No events in this",
                 "No actors in this period", "Nothing was excluded"):
        assert note in html, note
    markdown = render_markdown(brief)
    assert "No data for this period." in markdown and "No events in this period." in markdown


def test_markdown_without_assets_has_tables_only() -> None:
    markdown = render_markdown(make_brief())
    assert markdown.startswith("# Azerbaijan – Russia: state of relations\n")
    assert "![" not in markdown
    assert "### Data by period" in markdown
    table = markdown.split("### Data by period")[1].split("## Events by QuadClass")[0]
    assert len(re.findall(r"^\| 201[67]-\d\d \|", table, flags=re.M)) == 24
    for heading in ("## Agreements register", "## Key events by sphere", "## Most active actors",
                    "## Where it happened", "## Method and data coverage"):
        assert heading in markdown
    assert "&lt;script&gt;" in markdown and "<script>" not in markdown
    assert r"Moscow \| " in markdown and r"\*fully\*" in markdown
    assert "[Trend](<https://example.org/news/1?a=1&b=2>)" in markdown
    assert "javascript:" not in markdown
    # Every table row has the header's number of cells despite the '|' in the evidence.
    for line in markdown.splitlines():
        if line.startswith("| 2016-08-08 |"):
            assert len(re.findall(r"(?<!\\)\|", line)) == 9


def test_markdown_with_assets_writes_and_links_svg_files(tmp_path: Path) -> None:
    assets = tmp_path / "brief-charts"
    markdown = render_markdown(make_brief(), assets_dir=assets)
    files = sorted(p.name for p in assets.iterdir())
    assert files == ["index.svg", "places.svg", "quadclass.svg", "spheres.svg", "tone.svg"]
    for name in files:
        assert f"](<brief-charts/{name}>)" in markdown
        assert (assets / name).read_text(encoding="utf-8").startswith("<?xml")
    assert "### Data by period" not in markdown


def test_write_brief_chooses_the_format_by_suffix(tmp_path: Path) -> None:
    brief = make_brief()
    html_path = write_brief(brief, tmp_path / "out" / "brief.HTM")
    assert html_path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    md_path = write_brief(brief, tmp_path / "aze-rus.md")
    assert md_path.read_text(encoding="utf-8").startswith("# Azerbaijan")
    assert (tmp_path / "aze-rus-charts" / "index.svg").is_file()
    with pytest.raises(UsageError, match=r"'\.pdf' — name the output file with \.html"):
        write_brief(brief, tmp_path / "brief.pdf")


def test_contract_violations_raise_clear_errors() -> None:
    brief = make_brief()
    broken = replace(brief, spheres=brief.spheres.drop(columns=["share"]))
    with pytest.raises(InputError, match=r"BriefData.spheres lacks column\(s\) share — give"):
        render_html(broken)
    with pytest.raises(InputError, match="frequency 'Y'"):
        render_markdown(replace(brief, freq="Y"))


@pytest.mark.parametrize(("freq", "label"), [("M", "2016-03"), ("Q", "2016Q1"),
                                             ("W", "2016-03-07"), ("D", "2016-03-07")])
def test_period_labels(freq: str, label: str) -> None:
    assert period_label(pd.Timestamp("2016-03-07"), freq) == label


@pytest.mark.parametrize(("url", "kept"), [
    ("https://www.example.com/a?b=1", True), ("HTTP://example.com", True),
    ("javascript:alert(1)", False), ("data:text/html,hi", False), ("//example.com/x", False),
    ("file:///etc/passwd", False), ("", False), (None, False),
])
def test_only_http_urls_become_links(url: str | None, kept: bool) -> None:
    assert (safe_url(url) != "") is kept
