"""dyadwatch: code news into CAMEO events with evidence and watch dyads sphere by sphere."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("dyadwatch")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

__all__ = ["__version__"]
