"""The DuckDB store: articles, events and rejects in one file."""

from dyadwatch.store.duck import Added, EventQuery, Store

__all__ = ["Added", "EventQuery", "Store"]
