"""The main jobs as importable functions: code inputs, ingest them into a store, summarise.

The CLI, the HTTP API and scripts call these; they never print."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from itertools import islice
from pathlib import Path
from typing import Any, BinaryIO

from dyadwatch.coder import build_pipeline
from dyadwatch.coding.spheres import SphereTable, load_spheres
from dyadwatch.config import Settings
from dyadwatch.ingest import read_inputs
from dyadwatch.model import Article, Reject
from dyadwatch.pipeline import Work, batched
from dyadwatch.store import Added, Store
from dyadwatch.store.gdelt import read_gdelt_events

SAMPLE_CORPUS = "caucasus_2015_2021.jsonl"


@dataclass(slots=True)
class Tally:
    """Running counts of one job, for progress and the final report."""

    articles: int = 0
    events: int = 0
    skipped: int = 0
    rejects: list[Reject] = field(default_factory=list)
    on_change: Callable[[Tally], None] | None = None

    def changed(self) -> None:
        if self.on_change is not None:
            self.on_change(self)

    @property
    def reject_counts(self) -> Counter[str]:
        return Counter(r.code for r in self.rejects)


def sample_corpus_path() -> Path:
    return Path(str(resources.files("dyadwatch.samples").joinpath(SAMPLE_CORPUS)))


def code_inputs(
    inputs: Sequence[str], settings: Settings, *, stdin: BinaryIO | None = None,
    tally: Tally | None = None, on_file: Callable[[str], None] | None = None,
) -> Iterator[Work]:
    """Read and code; yields coded articles, records rejects in `tally`."""
    tally = tally if tally is not None else Tally()
    pipeline = build_pipeline(settings)
    items = _read(inputs, settings, stdin, on_file)
    for result in pipeline.run(items, batch_size=settings.batch_size):
        if isinstance(result, Reject):
            tally.rejects.append(result)
        else:
            tally.articles += 1
            tally.events += len(result.events)
        tally.changed()
        if isinstance(result, Work):
            yield result


def ingest_inputs(
    inputs: Sequence[str], store: Store, settings: Settings, *, stdin: BinaryIO | None = None,
    tally: Tally | None = None, on_file: Callable[[str], None] | None = None,
) -> Added:
    """Code what the store does not hold yet and store it, one transaction per batch."""
    tally = tally if tally is not None else Tally()
    pipeline = build_pipeline(settings)
    items = _read(inputs, settings, stdin, on_file)
    added = Added()
    for batch in batched(items, settings.batch_size):
        fresh = _drop_known(batch, store, tally)
        results = pipeline.run_batch(fresh) if fresh else []
        works = [r for r in results if isinstance(r, Work)]
        rejects = [r for r in results if isinstance(r, Reject)]
        tally.articles += len(works)
        tally.events += sum(len(w.events) for w in works)
        tally.rejects.extend(rejects)
        added = added + store.add(works, rejects)
        tally.changed()
    return added


def _read(
    inputs: Sequence[str], settings: Settings, stdin: BinaryIO | None,
    on_file: Callable[[str], None] | None,
) -> Iterator[Article | Reject]:
    items = read_inputs(inputs, settings.read, stdin=stdin, on_file=on_file)
    return islice(items, settings.limit) if settings.limit else items


def _drop_known(
    batch: list[Article | Reject], store: Store, tally: Tally
) -> list[Article | Reject]:
    """Skip articles already stored (re-runs and resumed runs do no work twice)."""
    ids = [a.id for a in batch if isinstance(a, Article)]
    known = store.known_articles(ids)
    seen: set[str] = set()
    kept: list[Article | Reject] = []
    for item in batch:
        if isinstance(item, Article):
            if item.id in known or item.id in seen:
                tally.skipped += 1
                continue
            seen.add(item.id)
        kept.append(item)
    return kept


def summarize(store: Store, *, top: int = 10) -> dict[str, Any]:
    """Counts, top dyads and events by root code, for `dyadwatch summary` and the demo."""
    dyads = store.query(
        "SELECT least(source_country, target_country) a,"
        " greatest(source_country, target_country) b, count(*) n, round(avg(goldstein), 2) g"
        " FROM events WHERE source_country <> '' AND target_country <> ''"
        " GROUP BY a, b ORDER BY n DESC, a, b"
        f" LIMIT {int(top)}"
    )
    roots = store.query(
        "SELECT root_code, count(*) n FROM events GROUP BY root_code ORDER BY root_code"
    )
    rejects = store.query("SELECT code, count(*) FROM rejects GROUP BY code ORDER BY 2 DESC")
    ((one_sided,),) = store.query(
        "SELECT count(*) FROM events WHERE source_country = '' OR target_country = ''")
    return {
        "database": str(store.path.resolve()),
        "articles": store.count("articles"),
        "events": store.count("events"),
        "one_sided_events": one_sided,
        "rejects": store.count("rejects"),
        "top_dyads": [{"dyad": f"{a}-{b}", "events": n, "mean_goldstein": g}
                      for a, b, n, g in dyads],
        "by_root": {r: n for r, n in roots},
        "rejects_by_code": {c: n for c, n in rejects},
    }


def import_gdelt(paths: Sequence[Path], store: Store, *, tally: Tally | None = None,
                 on_file: Callable[[str], None] | None = None) -> Added:
    """Store GDELT 1.0/2.0 event files as events and articles, one transaction per batch, so
    GDELT users get dyadwatch's analytics and briefs without its coder. Re-importing a file
    adds nothing (event ids are GDELT's GLOBALEVENTID)."""
    tally = tally if tally is not None else Tally()
    table = load_spheres()
    added = Added()
    for path in paths:
        if on_file is not None:
            on_file(str(path))
        for batch in read_gdelt_events(path):
            tally.events += len(batch.events)
            tally.articles += len(batch.articles)
            tally.rejects.extend(batch.rejects)
            events = _with_code_spheres(batch.events, table)
            added = added + store.add_rows(articles=batch.articles, events=events,
                                           rejects=batch.rejects)
            tally.changed()
    return added


def _with_code_spheres(events: list[dict[str, Any]], table: SphereTable) -> list[dict[str, Any]]:
    """GDELT rows carry no text: their spheres come from the event code alone."""
    out = []
    for event in events:
        spheres = table.code_spheres(str(event.get("code") or ""))
        out.append({**event, "spheres": ",".join(spheres),
                    "sphere_evidence": ";".join(f"{s}:CAMEO {event['code']}" for s in spheres)})
    return out
