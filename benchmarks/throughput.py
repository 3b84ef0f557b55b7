"""Throughput of the coding pipeline as a ratio to raw spaCy on the same texts, same process.

    python benchmarks/throughput.py [INPUT ...] [--limit N]

Default input: ../shared/corpora/dai2017/NewsArticles_Dai2017_region_subset.csv when present
(read with the Dai column names), else the bundled sample corpus. Prints words/second for
both and the ratio (1.0 = no overhead beyond parsing); timings on shared machines are noisy,
the ratio much less so."""

from __future__ import annotations

import argparse
import time
from itertools import islice
from pathlib import Path

from dyadwatch.coder import build_pipeline
from dyadwatch.config import ReadOptions, Settings
from dyadwatch.ingest import read_inputs
from dyadwatch.jobs import sample_corpus_path
from dyadwatch.model import Article
from dyadwatch.nlp.model import load_pipeline

DAI = Path(__file__).resolve().parents[1].parent / "shared/corpora/dai2017"
DAI_OPTIONS = ReadOptions(id_column="article_id", date_column="publish_date",
                          url_column="article_source_link")


def _articles(inputs: list[str], limit: int) -> list[Article]:
    if inputs:
        paths, options = inputs, ReadOptions()
    elif (DAI / "NewsArticles_Dai2017_region_subset.csv").exists():
        paths, options = [str(DAI / "NewsArticles_Dai2017_region_subset.csv")], DAI_OPTIONS
    else:
        paths, options = [str(sample_corpus_path())], ReadOptions()
    items = (a for a in read_inputs(paths, options) if isinstance(a, Article))
    return list(islice(items, limit))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*")
    parser.add_argument("--limit", type=int, default=200, help="articles to time (default 200)")
    args = parser.parse_args()
    articles = _articles(args.inputs, args.limit)
    words = sum(len(a.text.split()) for a in articles)
    settings = Settings()
    nlp = load_pipeline(settings.model_name)
    pipeline = build_pipeline(settings)
    list(pipeline.run(articles[:5]))  # warm up tables and matchers

    start = time.perf_counter()
    for _ in nlp.pipe([a.text for a in articles], batch_size=settings.batch_size):
        pass
    baseline = time.perf_counter() - start

    start = time.perf_counter()
    events = sum(len(getattr(r, "events", ())) for r in pipeline.run(articles))
    coded = time.perf_counter() - start

    print(f"articles: {len(articles)}, words: {words:,}, events: {events:,}")
    print(f"spaCy alone:    {words / baseline:10,.0f} words/s ({baseline:.1f} s)")
    print(f"dyadwatch code: {words / coded:10,.0f} words/s ({coded:.1f} s)")
    print(f"throughput ratio (dyadwatch / spaCy): {baseline / coded:.2f}")


if __name__ == "__main__":
    main()
