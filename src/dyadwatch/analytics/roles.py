"""Third parties in peace-making acts, read across articles.

A sentence can name three signatories of a ceasefire or settlement ("X, Y and Z signed a
statement ending the fighting") without saying who fought. The store often knows: when two of
the three fought each other (QuadClass 4 events, or a declared ceasefire between them) in the
weeks before, the third is the mediator. Its events in that sentence get `role = mediator`,
unless the coder already gave them a role."""

from __future__ import annotations

import pandas as pd

from dyadwatch.analytics.frames import DataFrame, event_columns, event_day

# Peace-making acts: sign a formal agreement, de-escalate, declare a ceasefire, mediate.
PEACE_CODES = ("057", "087", "045", "046")
HOSTILITY_WINDOW = pd.Timedelta(days=90)
MEDIATOR = "mediator"


def mark_mediators(events: DataFrame, *, window: pd.Timedelta = HOSTILITY_WINDOW) -> DataFrame:
    """A copy of `events` where the third party of a three-country peace-making sentence is
    marked as mediator when the other two fought within `window` before it."""
    frame = event_columns(events)
    if frame.empty:
        return frame
    frame = frame.assign(_day=pd.to_datetime(event_day(frame), errors="coerce"))
    fights = _hostile_pairs(frame)
    roles = frame["role"].copy()
    peace = frame[frame["code"].astype(str).str.startswith(PEACE_CODES)]
    for _, group in peace.groupby(["doc_id", "sentence_index"]):
        countries = set(group["source_country"]) | set(group["target_country"])
        countries.discard("")
        if len(countries) != 3:
            continue
        day = group["_day"].min()
        fought = [pair for pair in _pairs(countries)
                  if _fought(fights, pair, day, window)]
        if len(fought) != 1:
            continue
        (third,) = countries - set(fought[0])
        mine = group.index[(group["source_country"] == third) & (group["role"] == "")]
        roles.loc[mine] = MEDIATOR
    return frame.drop(columns="_day").assign(role=roles)


def _hostile_pairs(frame: DataFrame) -> DataFrame:
    hostile = (frame["quad_class"] == 4) | frame["code"].astype(str).str.startswith("0871")
    found = frame[hostile & (frame["source_country"] != "") & (frame["target_country"] != "")]
    return pd.DataFrame({
        "a": found[["source_country", "target_country"]].min(axis=1),
        "b": found[["source_country", "target_country"]].max(axis=1),
        "day": found["_day"],
    })


def _pairs(countries: set[str]) -> list[tuple[str, str]]:
    ordered = sorted(countries)
    return [(x, y) for i, x in enumerate(ordered) for y in ordered[i + 1:]]


def _fought(fights: DataFrame, pair: tuple[str, str], day: pd.Timestamp,
            window: pd.Timedelta) -> bool:
    if pd.isna(day):
        return False
    hits = fights[(fights["a"] == pair[0]) & (fights["b"] == pair[1])
                  & (fights["day"] <= day) & (fights["day"] >= day - window)]
    return not hits.empty
