"""GDELT event files → dyadwatch event and article rows, so GDELT users can run dyadwatch's
analytics on GDELT's own coding.

Reads GDELT 2.0 exports (61 tab-separated columns), GDELT 1.0 daily files (57 columns, or 58
with SOURCEURL) and CSV exports of either that start with a header naming the GDELT fields (as
BigQuery and R write them). Plain or zipped, as GDELT ships them. A malformed line becomes a
`Reject` with its reason; the rest of the file is imported. Nothing here writes to the store.
"""

from __future__ import annotations

import csv
import math
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

from dyadwatch.dictionaries.codebook import Codebook, load_codebook
from dyadwatch.dictionaries.plover import load_plover
from dyadwatch.dictionaries.tables import data_path, field_error, read_keyed_tsv
from dyadwatch.errors import InputError, UsageError
from dyadwatch.model import Reject, stable_id

STAGE = "gdelt-import"
RULE = "gdelt-import"

EVENT_COLUMNS: tuple[str, ...] = (
    "event_id", "doc_id", "date", "event_date", "date_precision", "date_text",
    "source", "source_country", "source_sector", "source_text",
    "target", "target_country", "target_sector", "target_text",
    "code", "root_code", "name", "goldstein", "quad_class", "modality",
    "sentence_index", "sentence", "char_start", "char_end", "rule", "confidence",
    "planned_code", "trigger", "plover", "plover_mode", "role",
    "place", "place_country", "latitude", "longitude", "spheres", "sphere_evidence", "tone",
)
ARTICLE_COLUMNS: tuple[str, ...] = (
    "id", "external_id", "title", "published", "url", "source", "origin", "text",
    "n_sentences", "n_events", "tone", "spheres", "countries",
)


def _actor_fields(n: int) -> tuple[str, ...]:
    kinds = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
             "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
    return tuple(f"Actor{n}{kind}" for kind in kinds)


def _layout_fields(geo: tuple[str, ...]) -> tuple[str, ...]:
    head = ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
            *_actor_fields(1), *_actor_fields(2), "IsRootEvent", "EventCode", "EventBaseCode",
            "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions", "NumSources",
            "NumArticles", "AvgTone")
    geos = tuple(f"{who}_{part}" for who in ("Actor1Geo", "Actor2Geo", "ActionGeo")
                 for part in geo)
    return (*head, *geos, "DATEADDED", "SOURCEURL")


# GDELT 2.0 added an ADM2 code to each of the three geographies; that is the only difference.
V1_FIELDS = _layout_fields(("Type", "FullName", "CountryCode", "ADM1Code", "Lat", "Long",
                            "FeatureID"))
V2_FIELDS = _layout_fields(("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat",
                            "Long", "FeatureID"))
# Fields the mapping reads; a header that lacks one of them cannot be imported.
REQUIRED = ("GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor1Name", "Actor1CountryCode",
            "Actor1Type1Code", "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
            "EventCode", "EventRootCode", "QuadClass", "GoldsteinScale", "AvgTone",
            "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long",
            "DATEADDED")
_CANONICAL = {name.upper(): name for name in V2_FIELDS}
_SHAPE_HINT = ("a GDELT 2.0 events export has 61 tab-separated columns, a GDELT 1.0 events file "
               "57 or 58 (mentions and GKG files are not event files)")


@dataclass(frozen=True, slots=True)
class GdeltBatch:
    """Rows ready for the store. Articles come whole, in the last batch of a file: one article
    gathers rows from anywhere in the file."""

    events: list[dict[str, Any]]
    articles: list[dict[str, Any]]
    rejects: list[Reject]


@dataclass(frozen=True, slots=True)
class _Layout:
    version: int
    fields: tuple[str, ...]  # column names of a data line, in order
    delimiter: str
    header: bool  # the first line names the columns (CSV exports)


class _BadRow(Exception):
    def __init__(self, code: str, problem: str, hint: str) -> None:
        super().__init__(problem)
        self.code, self.problem, self.hint = code, problem, hint


def detect_version(first_line: str) -> int:
    """1 or 2: the GDELT version of a file, from its first line (data or header)."""
    return _detect(first_line).version


def _detect(first_line: str) -> _Layout:
    line = first_line.lstrip("\ufeff").rstrip("\r\n")
    delimiter = "\t" if "\t" in line else ","
    # GDELT's own tab files quote nothing (a name may hold a stray '"'): split them plainly.
    split = line.split("\t") if delimiter == "\t" else next(csv.reader([line]), [])
    cells = [c.strip().strip('"') for c in split]
    if any(c.upper() == "GLOBALEVENTID" for c in cells[:2]):
        return _header_layout(cells, delimiter)
    if delimiter == "\t" and len(cells) in (57, 58, 61):
        fields = V2_FIELDS if len(cells) == 61 else V1_FIELDS[: len(cells)]
        return _Layout(2 if len(cells) == 61 else 1, fields, "\t", header=False)
    shape = f"{len(cells)} tab-separated columns" if delimiter == "\t" else "no tabs and no header"
    raise InputError(f"not a GDELT events file: the first line has {shape}", _SHAPE_HINT,
                     code="unknown-format")


def _header_layout(cells: list[str], delimiter: str) -> _Layout:
    fields = tuple(_CANONICAL.get(c.upper(), c) for c in cells)
    missing = [name for name in REQUIRED if name not in fields]
    if missing:
        raise InputError(f"the header lacks the GDELT field(s) {', '.join(missing)}",
                         "export every column of the GDELT events table", code="missing-column")
    version = 2 if "ActionGeo_ADM2Code" in fields else 1
    return _Layout(version, fields, delimiter, header=True)


@lru_cache(maxsize=1)
def load_fips_countries() -> dict[str, str]:
    """FIPS 10-4 country code → ISO 3166 alpha-3, from the bundled fips_countries.tsv."""
    def parse(path: Path, number: int, row: dict[str, str]) -> tuple[str, str]:
        fips, iso3 = row["fips"], row["iso3"]
        if not (len(fips) == 2 and fips.isalpha() and fips.isupper()):
            raise field_error(path, number, "fips", f"must be two capital letters, got {fips!r}")
        if not (len(iso3) == 3 and iso3.isalpha() and iso3.isupper()):
            raise field_error(path, number, "iso3", f"must be three capital letters, got {iso3!r}")
        return fips, iso3

    path = data_path("fips_countries.tsv")
    columns = ("fips", "iso3", "name", "note")
    return dict(read_keyed_tsv(path, columns, parse, lambda e: e[0], "fips").values())


# --- reading -------------------------------------------------------------------------------


def read_gdelt_events(path: Path, *, batch_size: int = 5000) -> Iterator[GdeltBatch]:
    """Stream a GDELT events file as batches of at most `batch_size` lines' rows.

    Raises InputError when the file is missing, unreadable or not a GDELT events file."""
    if batch_size < 1:
        raise UsageError(f"batch size must be at least 1, got {batch_size}", "pass a positive size")
    with _open_binary(path) as handle:
        lines = enumerate(handle, start=1)
        number, first = _first_line(path, lines)
        try:
            layout = _detect(first)
        except InputError as exc:
            raise InputError(f"{path}: {exc.problem}", exc.hint, code=exc.code) from None
        mapper = _Mapper(layout, path.name)
        if not layout.header:
            mapper.take(number, first)
        for number, raw in lines:
            mapper.take_bytes(number, raw)
            if mapper.pending >= batch_size:
                yield mapper.flush(final=False)
        yield mapper.flush(final=True)


@contextmanager
def _open_binary(path: Path) -> Iterator[IO[bytes]]:
    if not path.exists():
        raise InputError(f"{path}: no such file or directory", "check the path", code="missing")
    if path.is_dir():
        raise InputError(f"{path}: is a folder", "pass one GDELT events file", code="unreadable")
    try:
        if path.suffix.lower() == ".zip" or zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive, archive.open(_member(path, archive)) as handle:
                yield handle
        else:
            with path.open("rb") as handle:
                yield handle
    except zipfile.BadZipFile as exc:
        raise InputError(f"{path}: not a readable zip archive ({exc})",
                         "download the file again or unzip it yourself",
                         code="unreadable") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read the file ({exc.strerror or exc})",
                         "check that it exists and that you may read it",
                         code="unreadable") from None


def _member(path: Path, archive: zipfile.ZipFile) -> zipfile.ZipInfo:
    """The one events file in a GDELT zip (they hold exactly one)."""
    files = [info for info in archive.infolist() if not info.is_dir()]
    if len(files) > 1:
        files = [info for info in files if info.filename.lower().endswith((".csv", ".tsv"))]
    if len(files) != 1:
        raise InputError(f"{path}: the zip holds {len(files)} candidate files, expected one",
                         "unzip it and import the events file", code="unknown-format")
    return files[0]


def _first_line(path: Path, lines: Iterator[tuple[int, bytes]]) -> tuple[int, str]:
    for number, raw in lines:
        if not raw.strip():
            continue
        if b"\x00" in raw:
            raise InputError(f"{path}: binary data, not a GDELT events file", _SHAPE_HINT,
                             code="binary")
        try:
            return number, raw.decode("utf-8")
        except UnicodeDecodeError:
            raise InputError(f"{path}: the first line is not UTF-8 text",
                             "pass a GDELT events file (.CSV or .zip)", code="encoding") from None
    raise InputError(f"{path}: file is empty", "nothing to import", code="empty")


# --- mapping -------------------------------------------------------------------------------


@dataclass(slots=True)
class _Tally:
    """What an article row needs from all the event rows that cite its URL."""

    external_id: str
    url: str
    published: str
    n_events: int = 0
    tones: list[float] = field(default_factory=list)
    countries: set[str] = field(default_factory=set)


class _Mapper:
    """Turns lines into event rows and rejects, and tallies the articles as it goes."""

    def __init__(self, layout: _Layout, origin: str) -> None:
        self.layout = layout
        self.origin = origin
        self.codebook: Codebook = load_codebook()
        self.fips = load_fips_countries()
        self.events: list[dict[str, Any]] = []
        self.rejects: list[Reject] = []
        self.tallies: dict[str, _Tally] = {}
        self.pending = 0  # lines taken since the last flush

    def take_bytes(self, number: int, raw: bytes) -> None:
        if not raw.strip():
            return
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            self._reject(number, _BadRow("encoding", "the line is not UTF-8 text",
                                         "convert the file to UTF-8"))
            return
        self.take(number, line)

    def take(self, number: int, line: str) -> None:
        self.pending += 1
        try:
            record = self._record(line)
            event = self._event(record)
        except _BadRow as bad:
            self._reject(number, bad)
            return
        self.events.append(event)
        self._tally(record, event)

    def flush(self, *, final: bool) -> GdeltBatch:
        articles = [self._article(doc_id, t) for doc_id, t in self.tallies.items()] if final else []
        batch = GdeltBatch(self.events, articles, self.rejects)
        self.events, self.rejects, self.pending = [], [], 0
        return batch

    def _reject(self, number: int, bad: _BadRow) -> None:
        where = f"{self.origin}:{number}"
        reason = f"{where}: {bad.problem} — {bad.hint}"
        self.rejects.append(Reject(origin=where, stage=STAGE, code=bad.code, reason=reason))

    def _record(self, line: str) -> dict[str, str]:
        layout, line = self.layout, line.rstrip("\r\n")
        # GDELT's own files are plain tab-separated, quotes and all; only exports quote fields.
        cells = _split_quoted(line, layout.delimiter) if layout.header else line.split("\t")
        if layout.header and len(cells) == len(layout.fields) + 1:
            cells = cells[1:]  # a row-number column, as R's write.csv adds
        if len(cells) != len(layout.fields):
            raise _BadRow("bad-columns", f"{len(cells)} columns, expected {len(layout.fields)} "
                          f"as in GDELT {layout.version}", "fix or remove the line")
        values = (v.strip() for v in cells)
        if layout.header:  # R and some tools write NA for an empty field
            values = ("" if v == "NA" else v for v in values)
        return dict(zip(layout.fields, values, strict=True))

    def _event(self, rec: dict[str, str]) -> dict[str, Any]:
        gid = rec["GLOBALEVENTID"]
        if not gid.isdigit():
            raise _BadRow("bad-number", f"GLOBALEVENTID is not a whole number: {gid!r}",
                          "fix or remove the line")
        event_day = _day(rec["SQLDATE"], "SQLDATE")
        added = _day(rec["DATEADDED"], "DATEADDED")
        code, root = _cameo(rec["EventCode"], rec["EventRootCode"])
        place_country = self.fips.get(rec["ActionGeo_CountryCode"].upper(), "")
        name, plover, mode = self._describe(code)
        return {
            "event_id": f"gdelt-{gid}", "doc_id": _doc_id(rec),
            "date": added if self.layout.version == 2 else event_day,
            "event_date": event_day, "date_precision": "day", "date_text": "",
            **_actor(rec, "Actor1", "source"), **_actor(rec, "Actor2", "target"),
            "code": code, "root_code": root, "name": name,
            "goldstein": _number(rec["GoldsteinScale"], "GoldsteinScale", -10, 10),
            "quad_class": _quad_class(rec["QuadClass"]), "modality": "factual",
            "sentence_index": -1, "sentence": "", "char_start": -1, "char_end": -1,
            "rule": RULE, "confidence": 1.0, "planned_code": "", "trigger": "",
            "plover": plover, "plover_mode": mode, "role": "",
            "place": rec["ActionGeo_FullName"], "place_country": place_country,
            "latitude": _optional(rec["ActionGeo_Lat"], "ActionGeo_Lat", -90, 90),
            "longitude": _optional(rec["ActionGeo_Long"], "ActionGeo_Long", -180, 180),
            "spheres": "", "sphere_evidence": "",
            "tone": _optional(rec["AvgTone"], "AvgTone", -100, 100),
        }

    def _describe(self, code: str) -> tuple[str, str, str]:
        """Name, PLOVER category and mode of a code; GDELT may use codes our codebook lacks."""
        if code in self.codebook:
            entry = self.codebook.get(code)
            return entry.name, entry.plover, entry.plover_mode
        category, mode = load_plover().category(code)
        return "", category, mode

    def _tally(self, rec: dict[str, str], event: dict[str, Any]) -> None:
        url = rec.get("SOURCEURL", "")
        tally = self.tallies.get(event["doc_id"])
        if tally is None:
            external = url or event["event_id"]
            tally = self.tallies[event["doc_id"]] = _Tally(external, url, "")
        day = _day(rec["DATEADDED"], "DATEADDED")
        tally.published = min(tally.published, day) if tally.published else day
        tally.n_events += 1
        if not math.isnan(event["tone"]):
            tally.tones.append(event["tone"])
        keys = ("source_country", "target_country", "place_country")
        tally.countries.update(event[k] for k in keys if event[k])

    def _article(self, doc_id: str, tally: _Tally) -> dict[str, Any]:
        tone = sum(tally.tones) / len(tally.tones) if tally.tones else math.nan
        return {
            "id": doc_id, "external_id": tally.external_id, "title": "",
            "published": tally.published, "url": tally.url, "source": _outlet(tally.url),
            "origin": self.origin, "text": "", "n_sentences": 0, "n_events": tally.n_events,
            "tone": tone, "spheres": "", "countries": ",".join(sorted(tally.countries)),
        }


def _split_quoted(line: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error as exc:
        raise _BadRow("bad-csv", f"cannot split the line ({exc})", "fix its quotes") from None


def _doc_id(rec: dict[str, str]) -> str:
    """A hash of the URL; events of a GDELT 1.0 file without URLs each stand for a document."""
    url = rec.get("SOURCEURL", "")
    return stable_id(url) if url else stable_id("gdelt-event", rec["GLOBALEVENTID"])


def _actor(rec: dict[str, str], prefix: str, role: str) -> dict[str, str]:
    return {
        role: rec[f"{prefix}Code"],
        f"{role}_country": rec[f"{prefix}CountryCode"],
        f"{role}_sector": rec[f"{prefix}Type1Code"],
        f"{role}_text": rec[f"{prefix}Name"],
    }


def _outlet(url: str) -> str:
    """The URL's host without 'www.'; values that are not URLs ('BBC Monitoring') as they are."""
    host = (urlsplit(url).hostname or "") if "://" in url else ""
    if not host:
        return url
    return host[4:] if host.startswith("www.") else host


def _day(value: str, name: str) -> str:
    """ISO day of YYYYMMDD or YYYYMMDDHHMMSS."""
    formats = {8: "%Y%m%d", 14: "%Y%m%d%H%M%S"}
    try:
        if not value.isdigit() or len(value) not in formats:
            raise ValueError
        parsed: date = datetime.strptime(value, formats[len(value)]).date()
    except ValueError:
        raise _BadRow("bad-date", f"{name} is not a date (YYYYMMDD or YYYYMMDDHHMMSS): {value!r}",
                      "fix or remove the line") from None
    return parsed.isoformat()


def _cameo(code: str, root: str) -> tuple[str, str]:
    if not (code.isdigit() and 2 <= len(code) <= 4):
        raise _BadRow("bad-code", f"EventCode is not a CAMEO code: {code!r}",
                      "fix or remove the line")
    root = root or code[:2]
    if root != code[:2]:
        raise _BadRow("bad-code", f"EventRootCode {root!r} is not the root of EventCode {code!r}",
                      "fix or remove the line")
    return code, root


def _number(value: str, name: str, low: float, high: float) -> float:
    try:
        number = float(value)
    except ValueError:
        raise _BadRow("bad-number", f"{name} is not a number: {value!r}",
                      "fix or remove the line") from None
    if not low <= number <= high:  # also refuses NaN
        raise _BadRow("bad-number", f"{name} {value} lies outside {low:g}..{high:g}",
                      "fix or remove the line")
    return number


def _optional(value: str, name: str, low: float, high: float) -> float:
    return _number(value, name, low, high) if value else math.nan


def _quad_class(value: str) -> int:
    if value not in {"1", "2", "3", "4"}:
        raise _BadRow("bad-number", f"QuadClass must be 1, 2, 3 or 4, got {value!r}",
                      "fix or remove the line")
    return int(value)
