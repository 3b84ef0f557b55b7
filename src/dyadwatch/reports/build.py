"""From a `DyadView` (dyadwatch.relationship) to the brief's data, and the brief file itself."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pandas as pd

from dyadwatch.relationship import DyadView
from dyadwatch.reports.render import COLUMNS, BriefData, write_brief


def brief_data(view: DyadView) -> BriefData:
    series = view.series
    trend = view.analysis.trend
    first = series.index.min() if len(series) else None
    last = series.index.max() if len(series) else None
    return BriefData(
        a=view.a, b=view.b, a_name=view.a_name, b_name=view.b_name,
        since=first.date().isoformat() if first is not None else "",
        until=last.date().isoformat() if last is not None else "",
        freq=view.freq, verdict=view.verdict, direction=trend.direction,
        confidence=float(trend.confidence), series=series,
        change_points=view.change_points, spheres=view.spheres,
        agreements=_agreements(view.agreements), key_events=view.key_events,
        actors=view.actors, places=view.places, coverage=view.coverage,
    )


def _agreements(register: pd.DataFrame) -> pd.DataFrame:
    if register.empty:
        return pd.DataFrame(columns=list(COLUMNS["agreements"]))
    rows = [{"date": r["date"], "parties": r["parties"], "kind": r["kind"],
             "subject": r["subject"], "count": _count(r), "period": _period(r),
             "status": r["status"], "evidence": r["evidence"], "outlet": r.get("outlet") or "",
             "url": r.get("url") or ""} for _, r in register.iterrows()]
    return pd.DataFrame(rows, columns=list(COLUMNS["agreements"]))


def _count(row: Any) -> str:
    value = row.get("count")
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"
    return " ".join(p for p in (row.get("count_qualifier") or "", number,
                                row.get("count_unit") or "") if p)


def _period(row: Any) -> str:
    start, end = row.get("period_start") or "", row.get("period_end") or ""
    return f"{start}–{end}" if start and end and start != end else start or end


def write_dyad_brief(view: DyadView, out: Path) -> Path:
    """Write the brief of `view` to `out` (.html self-contained, or .md with its charts)."""
    return write_brief(brief_data(view), out)
