"""Dyad analytics: pure functions over pandas DataFrames of the store's events and articles.

- frames: column defaults, periods, `merge_reports` and `usable_events`;
- series: `cooperation_index`, `dyad_series` (counts, masses, index, tone, news volume);
- trend: `trend_test` (Mann–Kendall, Sen's slope, block bootstrap) and `verdict`;
- changepoints: `change_points` (ruptures PELT) and `events_around`;
- compare: `analyse_dyad`, `compare_dyads`, `sphere_table`, `rank_partners`.
"""

from dyadwatch.analytics.changepoints import ChangePoint, change_points, events_around, spikes
from dyadwatch.analytics.compare import (
    DyadAnalysis,
    analyse_dyad,
    compare_dyads,
    rank_partners,
    sphere_table,
)
from dyadwatch.analytics.frames import merge_reports, period_label, usable_events
from dyadwatch.analytics.series import (
    conflict_intensity,
    cooperation_index,
    dyad_events,
    dyad_series,
    news_volume,
)
from dyadwatch.analytics.trend import Trend, trend_test, verdict

__all__ = [
    "ChangePoint",
    "DyadAnalysis",
    "Trend",
    "analyse_dyad",
    "change_points",
    "compare_dyads",
    "conflict_intensity",
    "cooperation_index",
    "dyad_events",
    "dyad_series",
    "events_around",
    "merge_reports",
    "news_volume",
    "period_label",
    "rank_partners",
    "sphere_table",
    "spikes",
    "trend_test",
    "usable_events",
    "verdict",
]
