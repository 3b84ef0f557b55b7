"""Import PETRARCH/TABARI actor and agent dictionaries into the project's own tables.

Actor dictionaries (`*.actors.txt`) become `people.tsv` (entries with dated codes: one line per
code, dated ones first, the undated default last) and `organisations.tsv` (entries whose codes
carry no dates); agent dictionaries (`*.agents.txt`) become `sectors.tsv` (kind `noun`).
Everything that cannot be carried over is counted by reason in the returned reports.

TABARI/PETRARCH conventions followed (PETRARCH documentation and PETRreader.py):
`#`, `;` and `<!-- -->` comments; lines starting with `<` are directives and skipped;
`---STOP---` ends the file; `+PHRASE` is a synonym of the entry above; `[CODE]` on the primary
line or on an indented line is the default code, `[CODE <date]`, `[CODE >date]` and
`[CODE date-date]` are date restrictions (limits included); dates are YYYYMMDD or YYMMDD, with
YY up to 30 read as 20YY and the rest as 19YY; a primary phrase without codes shares the codes
of the entry that follows it; `[---]` is the null code. Agents: `PHRASE {PLURAL} [~CODE]`,
`{}` for no plural, regular plurals made automatically, `!MARKER! = A, B` substitution sets.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from dyadwatch.dictionaries.actors import (
    ACTOR_TABLES,
    NON_STATE_PREFIXES,
    SECTORS,
    is_actor_country,
)
from dyadwatch.dictionaries.petrarch_names import display_names, find_acronyms, known_acronyms
from dyadwatch.errors import DictionaryError

ACTORS, AGENTS = "actors", "agents"
STOP = "---STOP---"
NULL_CODE = "---"
BRACKETS = re.compile(r"\[([^\]]*)\]")
INLINE_XML = re.compile(r"<!--.*?-->")
RESTRICTION = re.compile(
    r"^(?:(?P<op>[<>])\s*(?P<day>\d+)|(?P<first>\d+)\s*-\s*(?P<last>\d+))$"
)
MARKER = re.compile(r"!([^!\s]+)!")
# CAMEO country codes that differ from ISO 3166 alpha-3 (East Timor, Kosovo).
CAMEO_COUNTRIES = {"TMP": "TLS", "KSV": "XKX"}


@dataclass(frozen=True, slots=True)
class TabariCode:
    """One code of an actor entry; no dates = the entry's default code."""

    code: str
    start: date | None = None
    end: date | None = None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass(slots=True)
class ActorEntry:
    line: int
    phrases: list[str]
    codes: list[TabariCode] = field(default_factory=list)
    bracketed: bool = False  # a [...] was seen, even one that could not be read


@dataclass(frozen=True, slots=True)
class AgentEntry:
    line: int
    terms: tuple[str, ...]
    code: str


@dataclass(slots=True)
class ImportReport:
    """What became of one dictionary file: entries read and written, lines per output table,
    entries skipped by reason, parts of entries (codes, phrases, terms) dropped by reason
    (each with the offending text as examples), and notes on what was read generously."""

    path: Path
    kind: str
    read: int = 0
    written: int = 0
    lines: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    dropped: Counter[str] = field(default_factory=Counter)
    examples: dict[str, Counter[str]] = field(default_factory=dict)
    notes: Counter[str] = field(default_factory=Counter)

    def skip(self, reason: str, example: str = "", count: int = 1) -> None:
        """A whole entry (or line) that gave nothing."""
        self.skipped[reason] += count
        self._example(reason, example, count)

    def drop(self, reason: str, example: str = "", count: int = 1) -> None:
        """A code, phrase or term left out of an entry."""
        self.dropped[reason] += count
        self._example(reason, example, count)

    def _example(self, reason: str, example: str, count: int) -> None:
        if example:
            self.examples.setdefault(reason, Counter())[example] += count


# -- reading lines ---------------------------------------------------------------------------
def read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DictionaryError(f"{path}: no such file", "check the path") from None
    except IsADirectoryError:
        raise DictionaryError(f"{path}: is a folder", "give the dictionary files") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")  # older TABARI files are Latin-1


def clean_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, text) of the lines that carry content: comments removed, leading
    whitespace kept (it marks date-restriction lines), reading stops at ---STOP---."""
    in_comment = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw
        if in_comment:
            if "-->" not in line:
                continue
            line, in_comment = line.split("-->", 1)[1], False
        line = INLINE_XML.sub("", line)
        if "<!--" in line:
            line, in_comment = line.split("<!--", 1)[0], True
        if line.lstrip().startswith("<"):
            continue
        if line.strip() == STOP:
            break
        line = line.split("#", 1)[0].split(";", 1)[0].rstrip()
        if line.strip():
            yield number, line


def detect_kind(path: Path, text: str) -> str:
    """actors or agents: from the file name, else from the codes' shape."""
    name = path.name.lower()
    if "agent" in name:
        return AGENTS
    if "actor" in name:
        return ACTORS
    codes = [c.strip() for c in BRACKETS.findall(text)]
    agents = sum(1 for c in codes if c.startswith("~") or c.endswith("~"))
    if not codes:
        raise DictionaryError(
            f"{path}: no [CODE] found — is this a PETRARCH/TABARI actors or agents dictionary?",
            "name it NAME.actors.txt or NAME.agents.txt",
        )
    return AGENTS if agents * 2 > len(codes) else ACTORS


# -- dates and codes -------------------------------------------------------------------------
def tabari_date(text: str) -> date:
    """YYYYMMDD, or YYMMDD with YY <= 30 read as 20YY and the rest as 19YY (as in TABARI)."""
    if len(text) == 8:
        year, rest = int(text[:4]), text[4:]
    elif len(text) == 6:
        short = int(text[:2])
        year, rest = (2000 + short if short <= 30 else 1900 + short), text[2:]
    else:
        raise ValueError(f"{text!r} is not YYMMDD or YYYYMMDD")
    return date(year, int(rest[:2]), int(rest[2:]))


def parse_code(text: str) -> TabariCode | str:
    """A bracket's content as a code, or the reason it cannot be read."""
    parts = text.strip().split(None, 1)
    if not parts:
        return "empty code"
    code, restriction = parts[0].upper(), (parts[1].strip() if len(parts) > 1 else "")
    if restriction == "":
        return TabariCode(code)
    match = RESTRICTION.match(restriction)
    if match is None:
        return "date restriction not <date, >date or date-date"
    try:
        if match["op"] == "<":
            return TabariCode(code, end=tabari_date(match["day"]))
        if match["op"] == ">":
            return TabariCode(code, start=tabari_date(match["day"]))
        start, end = tabari_date(match["first"]), tabari_date(match["last"])
    except ValueError:
        return "date is not a valid YYMMDD or YYYYMMDD"
    if end < start:
        return "end date before start date"
    return TabariCode(code, start, end)


def first_sector(role: str) -> str:
    """The first 3-letter part of a role code that is a project sector ("GOVAGR" → GOV)."""
    for i in range(0, len(role), 3):
        if role[i : i + 3] in SECTORS:
            return role[i : i + 3]
    return ""


def split_actor_code(code: str) -> tuple[str, str] | tuple[None, str]:
    """(country, sector), or (None, reason). IGO/NGO/IMG/MNC codes stay whole."""
    if code == NULL_CODE:
        return None, "null code [---]"
    if not re.fullmatch(r"[A-Z]{3}[A-Z0-9]*", code):
        return None, "malformed code"
    if code.startswith(NON_STATE_PREFIXES):
        return code, ""
    country, role = CAMEO_COUNTRIES.get(code[:3], code[:3]), code[3:]
    if not is_actor_country(country):
        if country in SECTORS and not role:
            return None, "code without a country"
        return None, "country not ISO 3166 alpha-3"
    return country, first_sector(role)


# -- actors ----------------------------------------------------------------------------------
def parse_actors(lines: Iterable[tuple[int, str]], report: ImportReport) -> list[ActorEntry]:
    """Entries of an actor dictionary: a primary phrase, its +synonyms and its [codes]."""
    entries: list[ActorEntry] = []
    current: ActorEntry | None = None
    for number, line in lines:
        phrase, codes = _codes_on(line, report)
        text = phrase.strip()
        if text.startswith("+") or not text:  # a synonym, or a line of codes
            if current is None:
                report.drop("synonym or code line before any entry", line.strip())
                continue
            if text[1:].strip():
                current.phrases.append(text[1:].strip())
        elif current is not None and not current.bracketed:
            # PETRARCH: a primary phrase without codes shares the codes that follow it.
            current.phrases.append(text)
            report.notes["code-less phrase joined to the entry after it"] += 1
        else:
            if line[0].isspace():
                report.notes["indented phrase read as a new entry"] += 1
            current = ActorEntry(number, [text])
            entries.append(current)
        current.codes += codes
        current.bracketed = current.bracketed or "[" in line
    return entries


def _codes_on(line: str, report: ImportReport) -> tuple[str, list[TabariCode]]:
    """The text outside brackets, and the codes inside them (bad ones counted)."""
    codes: list[TabariCode] = []
    for content in BRACKETS.findall(line):
        parsed = parse_code(content)
        if isinstance(parsed, str):
            report.drop(parsed, content.strip())
        else:
            codes.append(parsed)
    text = BRACKETS.sub(" ", line)
    if "[" in text:
        report.drop("unclosed [", line.strip())
        text = text.split("[", 1)[0]
    return text.rstrip(), codes


@dataclass(slots=True)
class ActorRows:
    people: list[tuple[str, ...]] = field(default_factory=list)
    organisations: list[tuple[str, ...]] = field(default_factory=list)


def _names(entry: ActorEntry, acronyms: set[str], report: ImportReport) -> list[str]:
    names: dict[str, None] = {}
    for phrase in entry.phrases:
        if "\ufffd" in phrase:
            report.drop("phrase with an unreadable character", phrase)
            continue
        for name in display_names(phrase, acronyms):
            names.setdefault(name, None)
    return list(names)


def _resolved(entry: ActorEntry, report: ImportReport) -> list[tuple[TabariCode, str, str]]:
    """Usable codes as (code, country, sector): dated ones first, then one default."""
    usable: list[tuple[TabariCode, str, str]] = []
    for code in entry.codes:
        country, sector = split_actor_code(code.code)
        if country is None:
            report.drop(sector, code.code)
        else:
            usable.append((code, country, sector))
    dated = [u for u in usable if u[0].dated]
    defaults = [u for u in usable if not u[0].dated]
    if len(defaults) > 1:
        report.drop("second default code (the first one is kept)", defaults[1][0].code,
                    len(defaults) - 1)
    return dated + defaults[:1]


def actor_rows(entries: list[ActorEntry], acronyms: set[str], report: ImportReport) -> ActorRows:
    rows = ActorRows()
    for entry in entries:
        report.read += 1
        names = _names(entry, acronyms, report)
        codes = _resolved(entry, report)
        if not entry.bracketed:
            report.skip("no [code]", entry.phrases[0])
        elif not codes:
            report.skip("no usable code", entry.phrases[0])
        elif not names:
            report.skip("no readable name", entry.phrases[0])
        if not names or not codes:
            continue
        report.written += 1
        name, aliases = names[0], "|".join(names[1:])
        if not any(code.dated for code, _, _ in codes):
            _, country, sector = codes[0]
            rows.organisations.append((name, aliases, country, sector))
            continue
        for code, country, sector in codes:
            start = code.start.isoformat() if code.start else ""
            end = code.end.isoformat() if code.end else ""
            rows.people.append((name, aliases, country, sector, code.code, start, end))
    report.lines["people.tsv"] += len(rows.people)
    report.lines["organisations.tsv"] += len(rows.organisations)
    return rows


def import_actors(path: Path, text: str, known: frozenset[str]) -> tuple[ActorRows, ImportReport]:
    report = ImportReport(path, ACTORS)
    entries = parse_actors(clean_lines(text), report)
    acronyms = find_acronyms((e.phrases for e in entries), known)
    return actor_rows(entries, acronyms, report), report


# -- agents ----------------------------------------------------------------------------------
def _plural(term: str) -> str:
    """Regular English plural of the last word (PETRARCH adds S, ES or IES)."""
    if term.endswith(("s", "x", "z", "ch", "sh")):
        return term + "es"
    if term.endswith("y") and term[-2:-1] not in ("a", "e", "i", "o", "u"):
        return term[:-1] + "ies"
    return term + "s"


def agent_term(phrase: str) -> str:
    return " ".join(phrase.replace("_", " ").split()).lower()


def _expand(phrase: str, markers: dict[str, list[str]]) -> list[str] | None:
    """Every substitution of the !MARKER! in a phrase; None if the marker is not defined."""
    match = MARKER.search(phrase)
    if match is None:
        return [phrase]
    values = markers.get(match[1].upper())
    if values is None:
        return None
    found: list[str] = []
    for value in values:
        expanded = _expand(phrase[: match.start()] + value + phrase[match.end() :], markers)
        found += expanded or []
    return found


def _agent_terms(phrase: str, markers: dict[str, list[str]], report: ImportReport,
                 ) -> tuple[str, ...] | None:
    """The terms of one agent phrase: singular and plural forms, or substitutions."""
    if "!" in phrase:
        expanded = _expand(phrase, markers)
        if expanded is None:
            report.skip("substitution marker not defined", phrase.strip())
            return None
        return tuple(agent_term(p) for p in expanded)
    plural: str | None = None
    if "{" in phrase:
        if "}" not in phrase:
            report.skip("missing }", phrase.strip())
            return None
        phrase, rest = phrase.split("{", 1)
        plural = rest.split("}", 1)[0]
    singular = agent_term(phrase.rstrip("_ "))
    plural_term = _plural(singular) if plural is None else agent_term(plural)
    return tuple(t for t in (singular, plural_term) if t)


def parse_agents(lines: Iterable[tuple[int, str]], report: ImportReport) -> list[AgentEntry]:
    markers: dict[str, list[str]] = {}
    entries: list[AgentEntry] = []
    for number, line in lines:
        if "!" in line and "=" in line and "[" not in line:
            name, _, values = line.partition("=")
            markers[name.strip().strip("!").upper()] = [v.strip() for v in values.split(",")]
            continue
        report.read += 1
        if "[" not in line or "]" not in line:
            report.skip("agent without a [code]", line.strip())
            continue
        phrase, _, rest = line.partition("[")
        terms = _agent_terms(phrase, markers, report)
        if terms:
            entries.append(AgentEntry(number, terms, rest.split("]", 1)[0].strip()))
    return entries


def agent_rows(entries: list[AgentEntry], seen: set[str], report: ImportReport,
               ) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for entry in entries:
        code = entry.code.replace(" ", "").upper()
        sector = first_sector(code.strip("~"))
        if not sector:
            report.skip("agent code not among the project's sectors", code.strip("~"))
            continue
        fresh = [t for t in entry.terms if t not in seen]
        if len(fresh) < len(entry.terms):
            report.drop("term already listed", count=len(entry.terms) - len(fresh))
        if not fresh:
            report.skip("all its terms already listed", entry.terms[0])
            continue
        report.written += 1
        seen.update(fresh)
        rows += [(term, sector, "noun") for term in fresh]
    report.lines["sectors.tsv"] += len(rows)
    return rows


def import_agents(path: Path, text: str, seen: set[str]) -> tuple[list[tuple[str, ...]],
                                                                  ImportReport]:
    report = ImportReport(path, AGENTS)
    entries = parse_agents(clean_lines(text), report)
    return agent_rows(entries, seen, report), report


# -- the whole import ------------------------------------------------------------------------
def write_table(folder: Path, name: str, rows: list[tuple[str, ...]], sources: list[Path],
                ) -> None:
    """One table in the built-in format: header, a comment naming the sources, the rows."""
    lines = ["\t".join(ACTOR_TABLES[name])]
    lines += [f"# imported from {s.name} by `dyadwatch dict import-petrarch`" for s in sources]
    lines += ["\t".join(row) for row in rows]
    (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


def import_petrarch(paths: list[Path], output: Path) -> list[ImportReport]:
    """Convert actor and agent dictionaries into tables in `output` (created if needed):
    people.tsv and organisations.tsv when actor files are given, sectors.tsv for agents.
    Every file is read before anything is written."""
    if output.exists() and not output.is_dir():
        raise DictionaryError(f"{output}: is a file", "give a folder for the tables with -o")
    texts = [(path, read_text(path)) for path in paths]
    known = known_acronyms()
    actors = ActorRows()
    sectors: list[tuple[str, ...]] = []
    seen_terms: set[str] = set()
    reports: list[ImportReport] = []
    for path, text in texts:
        if detect_kind(path, text) == ACTORS:
            rows, report = import_actors(path, text, known)
            actors.people += rows.people
            actors.organisations += rows.organisations
        else:
            agent_lines, report = import_agents(path, text, seen_terms)
            sectors += agent_lines
        reports.append(report)
    output.mkdir(parents=True, exist_ok=True)
    actor_files = [r.path for r in reports if r.kind == ACTORS]
    agent_files = [r.path for r in reports if r.kind == AGENTS]
    if actor_files:
        write_table(output, "people.tsv", actors.people, actor_files)
        write_table(output, "organisations.tsv", actors.organisations, actor_files)
    if agent_files:
        write_table(output, "sectors.tsv", sectors, agent_files)
    return reports
