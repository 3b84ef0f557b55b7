"""Event gold files, read into one shape.

Three formats are understood, told apart by their content:

- **Sentence gold** (`dai2017_gold_*.jsonl`): one sentence a line with `id, article_id, date,
  text, events[]`; each event has `source, target, code, alt_codes[], modality, context`.
  Consecutive lines of one article are the article's first sentences, in order.
- **PETRARCH validation** (`validation.jsonl`): one record a line with `set, id, date
  (YYYYMMDD), text, expected[]`; each expected event has `source, target, code`. Only the
  records of one `set` are read (default `petr2_gsr`, the real-news records).
- **Five-class sentences** (ConfliBERT's `*.tsv`): `sentence<TAB>class`, class 0 statement or
  appeal, 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from dyadwatch.dictionaries.actors import read_igos
from dyadwatch.dictionaries.tables import data_path, read_jsonl
from dyadwatch.errors import InputError

SENTENCES = "sentences"  # sentence gold
VALIDATION = "validation"  # PETRARCH validation records
FIVE_CLASS = "five-class"  # ConfliBERT's labelled sentences
DEFAULT_SET = "petr2_gsr"

# Organisations the sentence gold writes as IGO:<name>, and their CAMEO-style codes.
IGO_NAMES = {"EU": "IGOEEC", "UN": "IGOUNO", "NATO": "IGONAT", "OSCE": "IGOSCE",
             "AU": "IGOAFU", "ARAB LEAGUE": "IGOARL", "CIS": "IGOCIS", "OPEC": "IGOOPC",
             "CSTO": "IGOCTO", "SCO": "IGOSCO"}


@dataclass(frozen=True, slots=True)
class GoldEvent:
    source: str
    target: str
    code: str
    alt_codes: tuple[str, ...] = ()
    modality: str = ""
    context: bool = False  # an actor comes from the previous sentence: optional for recall

    @property
    def roots(self) -> frozenset[str]:
        return frozenset(c[:2] for c in (self.code, *self.alt_codes))

    @property
    def codes(self) -> frozenset[str]:
        return frozenset((self.code, *self.alt_codes))


@dataclass(frozen=True, slots=True)
class GoldRecord:
    """One gold sentence. `article` groups consecutive sentences of one article (coded
    together, in order, so the previous sentence can lend an actor); `label` is the five-class
    label of five-class gold."""

    id: str
    text: str
    published: date | None
    events: tuple[GoldEvent, ...] = ()
    article: str = ""
    label: int | None = None


@dataclass(frozen=True, slots=True)
class Gold:
    kind: str
    path: Path
    records: tuple[GoldRecord, ...]


def read_gold(path: Path, *, set_name: str = DEFAULT_SET) -> Gold:
    """Read a gold file of any known format; InputError naming the line when it is malformed."""
    if not path.is_file():
        raise InputError(f"gold file {path} does not exist", "give the path of a gold file",
                         code="gold")
    if path.suffix.lower() in (".tsv", ".txt"):
        return Gold(FIVE_CLASS, path, tuple(_five_class(path)))
    rows = list(read_jsonl(path, _bad))
    if not rows:
        raise InputError(f"{path} holds no records", "give a non-empty gold file", code="gold")
    if "expected" in rows[0][1]:
        records = [_validation(n, row, path) for n, row in rows if row.get("set") == set_name]
        if not records:
            sets = sorted({str(row.get("set")) for _, row in rows})
            raise InputError(f"{path} has no records of set {set_name!r}",
                             f"choose one of: {', '.join(sets)}", code="gold")
        return Gold(VALIDATION, path, tuple(records))
    return Gold(SENTENCES, path, tuple(_sentence(n, row, path) for n, row in rows))


def _bad(path: Path, number: int, problem: str) -> InputError:
    return InputError(f"{path.name}:{number}: {problem}",
                      "expected dyadwatch sentence gold, PETRARCH validation JSONL or "
                      "sentence<TAB>class TSV", code="gold")


def _sentence(number: int, row: dict[str, Any], path: Path) -> GoldRecord:
    try:
        events = tuple(
            GoldEvent(actor_code(e["source"]), actor_code(e["target"]), str(e["code"]),
                      tuple(str(c) for c in e.get("alt_codes") or ()),
                      str(e.get("modality") or ""), bool(e.get("context")))
            for e in row["events"])
        return GoldRecord(str(row["id"]), str(row["text"]), _day(row.get("date")), events,
                          str(row.get("article_id") or row["id"]))
    except (KeyError, TypeError, AttributeError) as error:
        raise _bad(path, number, f"missing or malformed field {error}") from None


def _validation(number: int, row: dict[str, Any], path: Path) -> GoldRecord:
    try:
        events = tuple(GoldEvent(actor_code(e["source"]), actor_code(e["target"]),
                                 str(e["code"])) for e in row["expected"])
        return GoldRecord(str(row["id"]), str(row["text"]), _day(row.get("date")), events,
                          str(row["id"]))
    except (KeyError, TypeError, AttributeError) as error:
        raise _bad(path, number, f"missing or malformed field {error}") from None


def _five_class(path: Path) -> Iterable[GoldRecord]:
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE),
                                     start=1):
            if not row or not "".join(row).strip():
                continue
            if len(row) != 2 or row[1].strip() not in {"0", "1", "2", "3", "4"}:
                raise _bad(path, number, "expected sentence<TAB>class with class 0-4")
            ident = f"{path.stem}:{number}"
            yield GoldRecord(ident, row[0], None, (), ident, int(row[1]))


def actor_code(value: object) -> str:
    """A gold actor code in the form the scorer compares: upper case, IGO:<name> as its CAMEO
    code where known, IMG:<name> (a transnational militant group) as IMG."""
    code = str(value).strip().upper()
    head, colon, name = code.partition(":")
    if not colon:
        return code
    if head == "IGO" and name in IGO_NAMES:
        return IGO_NAMES[name]
    if head == "IGO" and name in _igo_codes_by_name():
        return _igo_codes_by_name()[name]  # "IGO:EAEU" → the project's code for the EAEU
    return "IMG" if head == "IMG" else code


@lru_cache(maxsize=1)
def _igo_codes_by_name() -> dict[str, str]:
    """Upper-case names and abbreviations of the project's IGO table, each with its code."""
    return {igo.term.upper(): igo.country for igo in read_igos(data_path("igos.tsv"))}


def _day(value: object) -> date | None:
    """YYYY-MM-DD or YYYYMMDD; None for anything else (a date is context, not required)."""
    text = str(value or "").strip()
    if len(text) == 8 and text.isdigit():
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None
