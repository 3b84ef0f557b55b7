"""Render a dyad brief as one self-contained HTML file or as Markdown (with SVG files beside it).

`BriefData` is the contract with the analytics that fill it: plain pandas frames with the columns
named below. Rendering only formats; it computes no statistics of its own.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import pandas as pd
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from dyadwatch.errors import DyadwatchError, InputError, UsageError
from dyadwatch.reports import charts
from dyadwatch.reports.charts import Chart, period_label


@dataclass(frozen=True)
class BriefData:
    """Everything a brief shows about the dyad `a`–`b` over `since`..`until` (ISO dates).

    series: index = period start; coop_index (−1..1, NaN without events), events, q1..q4, tone
        (NaN allowed), articles, volume. change_points: period, before, after, shift, kind,
        events (short text). spheres: sphere, events, share (0..1), coop_index, direction,
        confidence. agreements: date, parties, kind, subject, count, period, status, evidence,
        outlet, url. key_events: sphere, date, code, name, source, target, modality, role,
        evidence, outlet, url. actors: side (country code), actor, name, events. places: place,
        country, latitude, longitude, events. coverage: the keys of COVERAGE_LABELS (any other key
        is listed too); `excluded` maps reason → count, `notes` is a string or list of strings.
    """

    a: str
    b: str
    a_name: str
    b_name: str
    since: str
    until: str
    freq: str
    verdict: str
    direction: str
    confidence: float
    series: pd.DataFrame
    change_points: pd.DataFrame
    spheres: pd.DataFrame
    agreements: pd.DataFrame
    key_events: pd.DataFrame
    actors: pd.DataFrame
    places: pd.DataFrame
    coverage: Mapping[str, object]


COLUMNS: dict[str, tuple[str, ...]] = {
    "series": ("coop_index", "events", "q1", "q2", "q3", "q4", "tone", "articles", "volume"),
    "change_points": ("period", "before", "after", "shift", "kind", "events"),
    "spheres": ("sphere", "events", "share", "coop_index", "direction", "confidence"),
    "agreements": ("date", "parties", "kind", "subject", "count", "period", "status", "evidence",
                   "outlet", "url"),
    "key_events": ("sphere", "date", "code", "name", "source", "target", "modality", "role",
                   "evidence", "outlet", "url"),
    "actors": ("side", "actor", "name", "events"),
    "places": ("place", "country", "latitude", "longitude", "events"),
}

COVERAGE_LABELS: dict[str, str] = {
    "origin": "Data origin",
    "articles": "Articles",
    "sources": "Sources (outlets)",
    "events": "Events",
    "merged_reports": "Reports merged as duplicates",
    "first_date": "Earliest date",
    "last_date": "Latest date",
}
FREQ_NAMES = {"D": "day", "W": "week", "M": "month", "Q": "quarter"}
TOP_ACTORS = 10


def validate(brief: BriefData) -> None:
    """Raise InputError when a non-empty frame lacks a contract column or `freq` is unknown."""
    if brief.freq not in FREQ_NAMES:
        raise InputError(f"brief frequency {brief.freq!r} is not one of D, W, M, Q",
                         "build the BriefData with freq 'D', 'W', 'M' or 'Q'", code="brief_data")
    for name, columns in COLUMNS.items():
        frame: pd.DataFrame = getattr(brief, name)
        missing = [c for c in columns if c not in frame.columns]
        if len(frame) and missing:
            raise InputError(f"BriefData.{name} lacks column(s) {', '.join(missing)}",
                             f"give it the columns {', '.join(columns)}", code="brief_data")


def build_charts(brief: BriefData) -> list[Chart]:
    """The five charts of a brief, in the order the report shows them."""
    dyad = f"{brief.a_name}–{brief.b_name}"
    labels = [period_label(p, brief.freq) for p in brief.series.index]
    return [
        charts.index_chart(brief.series, brief.change_points, dyad=dyad, freq=brief.freq),
        charts.quadclass_chart(brief.series, labels),
        charts.spheres_chart(brief.spheres),
        charts.tone_chart(brief.series),
        charts.places_chart(brief.places),
    ]


def render_html(brief: BriefData) -> str:
    """One self-contained HTML page: inline CSS and SVG, no scripts, fonts or remote resources."""
    validate(brief)
    context = _context(brief)
    context["charts"] = {c.key: Markup(c.inline()) for c in build_charts(brief)}
    return _environment(markdown=False).get_template("brief.html.j2").render(context)


def render_markdown(brief: BriefData, *, assets_dir: Path | None = None) -> str:
    """Markdown brief. With `assets_dir`, the charts are written there as SVG files and linked
    as `<assets_dir name>/<chart>.svg` (so write the Markdown into assets_dir's parent);
    without it the brief holds tables only, including the per-period series."""
    validate(brief)
    context = _context(brief)
    images: dict[str, Markup] = {}
    if assets_dir is not None:
        _mkdir(assets_dir)
        for chart in build_charts(brief):
            path = assets_dir / f"{chart.key}.svg"
            _write_text(path, chart.svg)
            target = quote(f"{assets_dir.name}/{path.name}")
            images[chart.key] = Markup(f"![{_md_escape(chart.title)}](<{target}>)")
    context["images"] = images
    return _environment(markdown=True).get_template("brief.md.j2").render(context)


def write_brief(brief: BriefData, out: Path) -> Path:
    """Write the brief to `out`, HTML for .html/.htm and Markdown for .md; returns `out`."""
    suffix = out.suffix.lower()
    if suffix in (".html", ".htm"):
        text = render_html(brief)
    elif suffix == ".md":
        text = render_markdown(brief, assets_dir=out.parent / f"{out.stem}-charts")
    else:
        raise UsageError(f"{out}: cannot tell the brief format from {out.suffix or 'no suffix'!r}",
                         "name the output file with .html, .htm or .md")
    _mkdir(out.parent)
    _write_text(out, text)
    return out


def _write_text(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise DyadwatchError(f"{path}: cannot write the brief ({exc.strerror})",
                             "check that the folder is writable") from exc


def _mkdir(path: Path) -> None:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DyadwatchError(f"{path}: cannot create the folder ({exc.strerror})",
                             "choose an output path in a writable folder") from exc


def _environment(*, markdown: bool) -> Environment:
    env = Environment(
        loader=PackageLoader("dyadwatch.reports", "templates"),
        autoescape=not markdown,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_md_finalize if markdown else None,
    )
    env.filters["link"] = _md_link if markdown else _html_link
    return env


# ---------------------------------------------------------------- context for both templates


def _context(brief: BriefData) -> dict[str, Any]:
    return {
        "a": brief.a, "b": brief.b, "a_name": brief.a_name, "b_name": brief.b_name,
        "since": brief.since, "until": brief.until, "freq_name": FREQ_NAMES[brief.freq],
        "verdict": brief.verdict, "direction": brief.direction,
        "confidence": _pct(brief.confidence),
        "periods": _period_rows(brief),
        "change_points": _rows(brief.change_points.sort_values("period")
                               if len(brief.change_points) else brief.change_points,
                               _change_point_row, brief.freq),
        "spheres": _rows(brief.spheres, _sphere_row, brief.freq),
        "agreements": _rows(brief.agreements, _agreement_row, brief.freq),
        "key_events": _key_events(brief),
        "actors": _actors(brief),
        "places": _rows(_sorted(brief.places, "events"), _place_row, brief.freq),
        "coverage": _coverage(brief.coverage),
    }


def _rows(frame: pd.DataFrame, make: Callable[[Any, str], dict[str, str]],
          freq: str) -> list[dict[str, str]]:
    return [make(row, freq) for row in frame.itertuples(index=False)] if len(frame) else []


def _sorted(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    # Stable sort so ties keep the order the analytics chose.
    return frame.sort_values(column, ascending=False, kind="stable") if len(frame) else frame


def _period_rows(brief: BriefData) -> list[dict[str, str]]:
    rows = []
    for start, row in brief.series.iterrows():
        rows.append({
            "period": period_label(start, brief.freq), "index": _signed(row.get("coop_index")),
            "events": _int(row.get("events")), "q1": _int(row.get("q1")),
            "q2": _int(row.get("q2")), "q3": _int(row.get("q3")), "q4": _int(row.get("q4")),
            "tone": _signed(row.get("tone")), "articles": _int(row.get("articles")),
        })
    return rows


def _change_point_row(row: Any, freq: str) -> dict[str, str]:
    return {"period": period_label(row.period, freq), "before": _signed(row.before),
            "after": _signed(row.after), "shift": _signed(row.shift), "kind": _text(row.kind),
            "events": _text(row.events)}


def _sphere_row(row: Any, freq: str) -> dict[str, str]:
    return {"sphere": _text(row.sphere), "events": _int(row.events), "share": _pct(row.share),
            "index": _signed(row.coop_index), "direction": _text(row.direction),
            "confidence": _pct(row.confidence)}


def _agreement_row(row: Any, freq: str) -> dict[str, str]:
    return {"date": _date(row.date), "parties": _text(row.parties), "kind": _text(row.kind),
            "subject": _text(row.subject), "count": _int(row.count), "period": _text(row.period),
            "status": _text(row.status), "evidence": _text(row.evidence),
            "outlet": _text(row.outlet), "url": safe_url(row.url)}


def _event_row(row: Any, freq: str) -> dict[str, str]:
    return {"date": _date(row.date), "code": _text(row.code), "name": _text(row.name),
            "source": _text(row.source), "target": _text(row.target),
            "modality": _text(row.modality), "role": _text(row.role),
            "evidence": _text(row.evidence), "outlet": _text(row.outlet),
            "url": safe_url(row.url)}


def _place_row(row: Any, freq: str) -> dict[str, str]:
    located = _number(row.latitude) is not None and _number(row.longitude) is not None
    where = f"{float(row.latitude):.2f}, {float(row.longitude):.2f}" if located else "not located"
    return {"place": _text(row.place), "country": _text(row.country), "where": where,
            "events": _int(row.events)}


def _key_events(brief: BriefData) -> list[dict[str, Any]]:
    """Key events grouped by sphere: spheres in the spheres table's order, then any others."""
    frame = brief.key_events
    if not len(frame):
        return []
    known = [str(s) for s in brief.spheres["sphere"]] if len(brief.spheres) else []
    present = [str(s) for s in frame["sphere"].drop_duplicates()]
    order = [s for s in known if s in present] + sorted(s for s in present if s not in known)
    return [{"sphere": sphere,
             "events": _rows(frame[frame["sphere"].astype(str) == sphere], _event_row, brief.freq)}
            for sphere in order]


def _actors(brief: BriefData) -> list[dict[str, Any]]:
    """The most active actors per side: a, then b, then any other side the frame names."""
    frame = brief.actors
    if not len(frame):
        return []
    names = {brief.a: brief.a_name, brief.b: brief.b_name}
    sides = [brief.a, brief.b, *sorted({str(s) for s in frame["side"]} - {brief.a, brief.b})]
    groups = []
    for side in sides:
        rows = _sorted(frame[frame["side"].astype(str) == side], "events").head(TOP_ACTORS)
        groups.append({"side": side, "name": names.get(side, side), "actors": [
            {"actor": _text(r.actor), "name": _text(r.name), "events": _int(r.events)}
            for r in rows.itertuples(index=False)]})
    return groups


def _coverage(coverage: Mapping[str, object]) -> dict[str, Any]:
    facts = [(label, _text(coverage[key])) for key, label in COVERAGE_LABELS.items()
             if key in coverage]
    skip = {*COVERAGE_LABELS, "excluded", "notes"}
    facts += [(key.replace("_", " ").capitalize(), _text(value))
              for key, value in coverage.items() if key not in skip]
    excluded = coverage.get("excluded") or {}
    reasons = (sorted((str(k), _int(v)) for k, v in excluded.items())
               if isinstance(excluded, Mapping) else [("excluded", _text(excluded))])
    notes = coverage.get("notes") or []
    notes_list = [notes] if isinstance(notes, str) else [_text(n) for n in _iterable(notes)]
    return {"facts": facts, "excluded": reasons, "notes": [str(n) for n in notes_list]}


def _iterable(value: object) -> Iterable[object]:
    return value if isinstance(value, Iterable) else [value]


# ---------------------------------------------------------------- formatting


def safe_url(value: object) -> str:
    """The URL when it is http(s), else '' — a `javascript:` link in a brief would run code."""
    text = _text(value).strip()
    parts = urlsplit(text)
    return text if parts.scheme.lower() in ("http", "https") and parts.netloc else ""


def _number(value: object) -> float | None:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _signed(value: object) -> str:
    number = _number(value)
    return "–" if number is None else f"{number:+.2f}"


def _int(value: object) -> str:
    number = _number(value)
    return "0" if number is None else f"{round(number):,}"


def _pct(value: object) -> str:
    number = _number(value)
    return "–" if number is None else f"{number * 100:.0f}%"


def _date(value: object) -> str:
    if isinstance(value, datetime | date | pd.Timestamp):
        return "" if pd.isna(value) else f"{value:%Y-%m-%d}"
    return _text(value)


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return ""
    if isinstance(value, datetime | date | pd.Timestamp):
        return _date(value)
    if isinstance(value, list | tuple | set | frozenset):
        return " – ".join(_text(v) for v in value)
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return str(value)


# ---------------------------------------------------------------- escaping


def _html_link(text: str, url: str) -> Markup:
    """An <a href> to an http(s) article URL (checked by safe_url), else the plain text."""
    if not url:
        return Markup.escape(text)
    return Markup('<a href="{}" rel="noopener noreferrer">{}</a>').format(url, text or url)


_MD_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_[]|#"} |
                            {"<": "&lt;", ">": "&gt;", "&": "&amp;", "\n": " ", "\r": " "})


def _md_escape(value: object) -> str:
    """Text that Markdown shows literally: no emphasis, links, raw HTML or broken table cells."""
    return str(value).translate(_MD_SPECIAL)


def _md_finalize(value: object) -> str:
    # Every {{ }} in the Markdown template passes here; pre-built Markup is trusted as is.
    if value is None:
        return ""
    return str(value) if isinstance(value, Markup) else _md_escape(value)


def _md_link(text: str, url: str) -> Markup:
    if not url:
        return Markup(_md_escape(text))
    target = quote(url, safe=":/?#[]@!$&'()*+,;=%~")
    return Markup(f"[{_md_escape(text or url)}](<{target}>)")
