"""Spheres: the fields of life (energy, education, religion, ...) an event or article is about.

A multi-label classification driven by `data/spheres.tsv`: CAMEO codes give spheres of their
own (19 → conflict, military), and words and phrases of the text give the rest ("oil and gas
fields" → energy). Words are matched on lemmas, so plurals and verb forms count; the longest
phrase starting at a token wins and covers its tokens, which lets phrases act as exceptions
("energy security" is energy, not security; "last resort" is nothing).

An event's spheres come from three places, in this order of trust:
1. its CAMEO code;
2. the trigger's arguments — the trigger and its subtree without the subject, coordinated
   verbs (other events) and punctuation: "signed 12 documents on cooperation in energy";
3. the whole sentence, only when the arguments add no sphere beyond the code's.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from dyadwatch.dictionaries.tables import data_path, field_error, read_tsv
from dyadwatch.errors import DictionaryError, UsageError

# The documented order: public affairs first, then the economy and its sectors, then society,
# then the specialised fields. Hits and article summaries use it to break ties.
SPHERES: tuple[str, ...] = (
    "political", "military", "conflict", "economic", "transport", "energy", "tourism",
    "culture", "education", "religion", "migration", "security", "health", "environment",
    "sport", "science_technology", "legal", "humanitarian",
)
KINDS = ("lemma", "phrase", "code", "stop")
COLUMNS = ("kind", "key", "sphere", "note")
TABLE = "spheres.tsv"

# Hyphen tokens are skipped when matching, so "military-technical" matches "military technical".
HYPHENS = frozenset({"-", "‐", "‑"})
# Children of a trigger that are not its arguments: the actor doing it, other coordinated
# events, and clause glue.
NOT_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl", "punct", "cc",
                           "parataxis", "mark", "preconj"})
VERBAL = frozenset({"VERB", "AUX"})


@dataclass(frozen=True, slots=True)
class SphereRule:
    """One row of spheres.tsv."""

    kind: str
    key: str
    sphere: str  # "" for a stop rule
    note: str
    line: int


@dataclass(frozen=True, slots=True)
class SphereHit:
    """A sphere and what showed it: the words as written, or "CAMEO 190" for a code rule."""

    sphere: str
    evidence: str
    start: int = -1  # doc character offsets of the evidence; -1 for code rules
    end: int = -1


@dataclass(frozen=True, slots=True)
class KeyMatch:
    """Tokens [first, last] of a doc matched by a word or phrase key, and its spheres."""

    first: int
    last: int
    spheres: tuple[str, ...]


class SphereTable:
    """Word, phrase and code rules of spheres.tsv, indexed for matching."""

    def __init__(self, rules: Sequence[SphereRule]) -> None:
        self.rules = tuple(rules)
        words: dict[tuple[str, ...], list[str]] = {}
        codes: dict[str, list[str]] = {}
        for rule in self.rules:
            if rule.kind == "code":
                codes.setdefault(rule.key, []).append(rule.sphere)
            else:
                # A lemma is one token even with a hyphen in it ("s-300" stays whole).
                key = (rule.key,) if rule.kind == "lemma" else split_key(rule.key)
                spheres = words.setdefault(key, [])
                if rule.sphere:
                    spheres.append(rule.sphere)
        self._words = {key: tuple(value) for key, value in words.items()}
        self._codes = {key: tuple(value) for key, value in codes.items()}
        self._prefixes = {key[:n] for key in self._words for n in range(1, len(key) + 1)}

    def __len__(self) -> int:
        return len(self.rules)

    def code_spheres(self, code: str) -> tuple[str, ...]:
        """Spheres of a CAMEO code: those of every listed prefix, the root's first."""
        found: list[str] = []
        for end in range(2, len(code) + 1):
            found += [s for s in self._codes.get(code[:end], ()) if s not in found]
        return tuple(found)

    def matches(self, tokens: Sequence[Token]) -> list[KeyMatch]:
        """Greedy left-to-right matches over `tokens`: the longest key starting at each token
        wins and covers its tokens. Stop keys cover tokens and yield nothing."""
        words = [t for t in tokens if t.text not in HYPHENS and not t.is_space]
        forms = [_forms(t) for t in words]
        found: list[KeyMatch] = []
        i = 0
        while i < len(words):
            end, spheres = self._longest_at(forms, i)
            if end > i and spheres:
                found.append(KeyMatch(words[i].i, words[end - 1].i, spheres))
            i = max(end, i + 1)
        return found

    def _longest_at(self, forms: list[tuple[str, ...]], i: int) -> tuple[int, tuple[str, ...]]:
        """(end, spheres) of the longest key starting at word i; (i, ()) when none does."""
        best: tuple[int, tuple[str, ...]] = (i, ())
        frontier: list[tuple[str, ...]] = [()]
        j = i
        while frontier and j < len(forms):
            grown = ((*p, f) for p in frontier for f in forms[j])
            frontier = list(dict.fromkeys(p for p in grown if p in self._prefixes))
            for path in frontier:
                if path in self._words:
                    best = (j + 1, self._words[path])
                    break
            j += 1
        return best


def _forms(token: Token) -> tuple[str, ...]:
    """A token's lower-cased lemma and text: the lemma catches inflection, the text catches
    proper nouns and words the lemmatizer bends ("goods" → "good")."""
    lemma, lower = token.lemma_.lower(), token.lower_
    return (lemma,) if lemma == lower else (lemma, lower)


def split_key(key: str) -> tuple[str, ...]:
    """The words of a table key; spaces and hyphens separate them."""
    return tuple(key.replace("-", " ").split())


def parse_rule(path: Path, number: int, row: dict[str, str]) -> SphereRule:
    """One checked row of spheres.tsv."""
    kind, key, sphere = row["kind"], row["key"], row["sphere"]
    if kind not in KINDS:
        raise field_error(path, number, "kind", f"must be one of {', '.join(KINDS)}, got {kind!r}")
    if kind == "stop":
        if sphere:
            raise field_error(path, number, "sphere", "must be empty for a stop rule")
    elif sphere not in SPHERES:
        raise field_error(path, number, "sphere", f"is not a sphere: {sphere!r} (one of "
                          f"{', '.join(SPHERES)})")
    _check_key(path, number, kind, key)
    return SphereRule(kind, key, sphere, row["note"], number)


def _check_key(path: Path, number: int, kind: str, key: str) -> None:
    if kind == "code":
        if not (key.isdigit() and 2 <= len(key) <= 4 and 1 <= int(key[:2]) <= 20):
            raise field_error(path, number, "key", f"must be a CAMEO code or root like 19 or 057, "
                              f"got {key!r}")
        return
    words = split_key(key)
    if not words or key != key.lower():
        raise field_error(path, number, "key", f"must be lower-case words, got {key!r}")
    if kind == "lemma" and len(key.split()) != 1:
        raise field_error(path, number, "key", f"a lemma is one word; use kind phrase for {key!r}")
    if kind == "phrase" and len(words) < 2:
        raise field_error(path, number, "key", f"a phrase has several words; use kind lemma for "
                          f"{key!r}")


def read_spheres(path: Path) -> SphereTable:
    """Read and check a spheres table; a repeated (kind, key, sphere) names its line."""
    rules: list[SphereRule] = []
    seen: dict[tuple[str, str, str], int] = {}
    for number, row in read_tsv(path, COLUMNS):
        rule = parse_rule(path, number, row)
        ident = (rule.kind, rule.key, rule.sphere)
        if ident in seen:
            raise field_error(path, number, "key", f"repeats line {seen[ident]} "
                              f"({rule.kind} {rule.key!r} → {rule.sphere or 'stop'})")
        seen[ident] = number
        rules.append(rule)
    if not rules:
        raise DictionaryError(f"{path.name}: no rules", "add at least one row under the header")
    return SphereTable(rules)


@lru_cache(maxsize=1)
def load_spheres() -> SphereTable:
    """The bundled table (read once per process)."""
    return read_spheres(data_path(TABLE))


def _hit(doc: Doc, match: KeyMatch, sphere: str) -> SphereHit:
    start = doc[match.first].idx
    end = doc[match.last].idx + len(doc[match.last].text)
    # The span's own text: spaCy rebuilds Doc.text from every token on each access.
    return SphereHit(sphere, doc[match.first : match.last + 1].text, start, end)


def _hits(doc: Doc, found: Iterable[KeyMatch]) -> list[SphereHit]:
    return [_hit(doc, m, sphere) for m in found for sphere in m.spheres]


def spheres_of_text(span: Span | Doc, table: SphereTable) -> tuple[SphereHit, ...]:
    """Every word and phrase hit in a sentence or a whole article, in text order (a phrase
    with several spheres gives one hit per sphere)."""
    doc = span if isinstance(span, Doc) else span.doc
    return tuple(_hits(doc, table.matches(list(span))))


def argument_tokens(trigger: Token) -> set[int]:
    """Indices of the trigger and its arguments: its subtree without the subject, clause glue
    and coordinated verbs (those are other events)."""
    keep = {trigger.i}
    stack = [c for c in trigger.children if _is_argument(c)]
    while stack:
        token = stack.pop()
        keep.add(token.i)
        stack.extend(c for c in token.children if c.dep_ != "punct")
    return keep


def _is_argument(child: Token) -> bool:
    if child.dep_ in NOT_ARGUMENTS:
        return False
    return not (child.dep_ == "conj" and child.pos_ in VERBAL)


def spheres_of_event(sent: Span, trigger: Token, code: str,
                     table: SphereTable) -> tuple[SphereHit, ...]:
    """One hit per sphere (its first evidence): code rules first, then the trigger's arguments
    in text order, then — only when the arguments add no sphere beyond the code's — the rest of
    the sentence in text order."""
    from_code = [SphereHit(s, f"CAMEO {code}") for s in table.code_spheres(code)]
    matches = table.matches(list(sent))
    arguments = argument_tokens(trigger)
    in_args = [m for m in matches if m.first in arguments and m.last in arguments]
    from_args = _hits(sent.doc, in_args)
    hits = from_code + from_args
    code_spheres = {h.sphere for h in from_code}
    if not {h.sphere for h in from_args} - code_spheres:
        hits += _hits(sent.doc, matches)
    return _first_per_sphere(hits)


def _first_per_sphere(hits: Iterable[SphereHit]) -> tuple[SphereHit, ...]:
    chosen: dict[str, SphereHit] = {}
    for hit in hits:
        chosen.setdefault(hit.sphere, hit)
    return tuple(chosen.values())


def article_spheres(doc: Doc, table: SphereTable, *, min_hits: int = 2) -> dict[str, list[str]]:
    """Sphere → the evidence of each of its hits in the article (repeats kept, text order),
    for spheres with at least `min_hits` hits. One passing mention is noise in a long article,
    so the default asks for two; pass min_hits=1 for a title or a short text. Spheres come by
    number of hits, most first, ties in SPHERES order."""
    if min_hits < 1:
        raise UsageError(f"min_hits must be at least 1, got {min_hits}", "pass 1 or more")
    evidence: dict[str, list[str]] = {}
    for hit in spheres_of_text(doc, table):
        evidence.setdefault(hit.sphere, []).append(hit.evidence)
    kept = [(s, words) for s, words in evidence.items() if len(words) >= min_hits]
    kept.sort(key=lambda item: (-len(item[1]), SPHERES.index(item[0])))
    return dict(kept)
