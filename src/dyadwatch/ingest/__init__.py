"""Reading news inputs into Articles: text, HTML, JSON Lines, CSV/TSV, folders and stdin.

`read_inputs(["news/", "extra.jsonl"], ReadOptions())` yields, in input order, an Article for each
news item and a Reject(stage="read") for each thing that could not be read, saying why.
"""

from __future__ import annotations

from dyadwatch.ingest.dates import parse_date
from dyadwatch.ingest.sources import KNOWN_EXTENSIONS, STDIN_ORIGIN, read_inputs

__all__ = ["KNOWN_EXTENSIONS", "STDIN_ORIGIN", "parse_date", "read_inputs"]
