"""dyadwatch: code news into CAMEO events with evidence and watch dyads sphere by sphere.

`dyadwatch.dyad("AZE", "RUS", db="dyadwatch.duckdb")` gives a relationship's series, verdict and
evidence as data frames (imported on first use: the command line does not need pandas)."""

from importlib.metadata import PackageNotFoundError, version
from typing import Any

try:
    __version__ = version("dyadwatch")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

__all__ = ["__version__", "dyad"]


def __getattr__(name: str) -> Any:
    if name == "dyad":
        from dyadwatch.relationship import dyad

        globals()["dyad"] = dyad
        return dyad
    raise AttributeError(f"module 'dyadwatch' has no attribute {name!r}")
