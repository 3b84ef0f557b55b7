"""`dyadwatch.dyad(...)` over a real DuckDB store of hand-made events (relationship.py), and the
brief made from its view (reports/build.py).

Two made-up relationships over 24 months (January 2018 – December 2019):

- Kazakhstan–Uzbekistan warms step by step: visits grow from 1 to 8 a month while criticisms
  shrink from 8 to 1. One signing is reported by two articles (merged), one event is a
  mediation (three parties), one agreement is in the register.
- Armenia–Azerbaijan holds a low level of criticism with fighting in April and May 2019, no
  article in July 2018, a recap of the 1992 war (historical) and a denied shelling (negated).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import dyadwatch
from dyadwatch.dictionaries.codebook import load_codebook
from dyadwatch.errors import DyadwatchError, UsageError
from dyadwatch.model import Agreement, Event, stable_id
from dyadwatch.relationship import EVENT_COLUMNS, DyadView, country_name
from dyadwatch.reports.build import brief_data, write_dyad_brief
from dyadwatch.reports.render import write_brief
from dyadwatch.store import Store

MONTHS = [date(2018 + i // 12, i % 12 + 1, 1) for i in range(24)]
SPIKE = (15, 16)  # April and May 2019
QUIET = 6  # July 2018: no Armenia–Azerbaijan article at all
SIGNING_MONTH, MEDIATION_MONTH = 14, 20  # March and September 2019

NAMES = {"KAZGOV": "the Kazakh government", "UZBGOV": "Tashkent", "UZBMIL": "the Uzbek army",
         "ARMGOV": "Yerevan", "AZEGOV": "Baku", "ARMMIL": "Armenian forces",
         "AZEMIL": "Azerbaijani troops", "TJKGOV": "Dushanbe", "TURGOV": "Ankara",
         "KORGOV": "Seoul", "RUSGOV": "Moscow"}
TASHKENT = ("Tashkent", "UZB", 41.2995, 69.2401)
ASTANA = ("Nur-Sultan", "KAZ", 51.1694, 71.4491)
KARABAKH = ("Nagorno-Karabakh", "AZE", 39.8265, 46.7656)
SIGNING = ("Kazakhstan and Uzbekistan signed 12 documents on water sharing and trade in "
           "Tashkent on 14 March.")
MEDIATION = ("Kazakhstan offered to mediate between Uzbekistan and Tajikistan in their dispute "
             "over the Farkhad reservoir.")


@dataclass
class Corpus:
    """Articles, events and agreements written by hand, and what a reader expects of them."""

    articles: list[dict[str, Any]] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)

    def article(self, doc_id: str, published: date, outlet: str, countries: str) -> str:
        self.articles.append({
            "id": doc_id, "external_id": doc_id, "title": f"News {doc_id}",
            "published": published, "url": f"https://{outlet}/{doc_id}", "source": outlet,
            "origin": "test", "text": f"text of {doc_id}", "n_sentences": 10, "n_events": 0,
            "tone": None, "spheres": "", "countries": countries})
        return doc_id

    def event(self, doc_id: str, src: str, tgt: str, code: str, day: date, *,
              modality: str = "factual", role: str = "", spheres: str = "",
              place: tuple[str, str, float, float] | None = None, sentence: str = "",
              event_date: str | None = None, precision: str = "day") -> Event:
        entry = load_codebook().get(code)
        index = sum(e.doc_id == doc_id for e in self.events)
        name, country, lat, lon = place or ("", "", None, None)
        made = Event(
            event_id=stable_id(doc_id, index, src, tgt, code), doc_id=doc_id,
            date=self._published(doc_id).isoformat(),
            source=src, source_country=src[:3], source_sector=src[3:], source_text=NAMES[src],
            target=tgt, target_country=tgt[:3], target_sector=tgt[3:], target_text=NAMES[tgt],
            code=code, root_code=code[:2], name=entry.name, goldstein=entry.goldstein,
            quad_class=entry.quad_class, modality=modality, sentence_index=index,
            sentence=sentence or f"{NAMES[src]} — {entry.name.lower()} — {NAMES[tgt]}.",
            char_start=0, char_end=80, rule="test", confidence=0.8, plover=entry.plover,
            role=role, event_date=day.isoformat() if event_date is None else event_date,
            date_precision=precision, place=name, place_country=country, latitude=lat,
            longitude=lon, spheres=spheres, tone=1.0 if entry.goldstein > 0 else -3.0)
        self.events.append(made)
        return made

    def _published(self, doc_id: str) -> date:
        published: date = next(a["published"] for a in self.articles if a["id"] == doc_id)
        return published

    def store(self, path: Path) -> Path:
        with Store(path) as store:
            store.add_rows(articles=self.articles, events=[e.to_record() for e in self.events],
                           agreements=[a.to_record() for a in self.agreements])
        return path


def rising(corpus: Corpus) -> None:
    """Kazakhstan–Uzbekistan: month i has 1 + i//3 visits and 8 − i//3 criticisms."""
    for i, month in enumerate(MONTHS):
        doc = corpus.article(f"kz-{i}", month.replace(day=20), "kazinform.example", "KAZ,UZB")
        for k in range(1 + i // 3):
            pair = ("KAZGOV", "UZBGOV") if k % 2 == 0 else ("UZBGOV", "KAZGOV")
            place = TASHKENT if (i, k) == (3, 0) else None
            corpus.event(doc, *pair, "042", month.replace(day=k + 1), spheres="political",
                         place=place)
        for k in range(8 - i // 3):
            pair = ("UZBMIL", "KAZGOV") if k % 2 == 0 else ("KAZGOV", "UZBGOV")
            corpus.event(doc, *pair, "111", month.replace(day=10 + k))
    signed_on = date(2019, 3, 14)
    first = corpus.event(f"kz-{SIGNING_MONTH}", "KAZGOV", "UZBGOV", "057", signed_on,
                         spheres="political,economic", place=TASHKENT, sentence=SIGNING)
    # The same signing in a second outlet, a day later: one happening, two reports.
    other = corpus.article("uz-extra", date(2019, 3, 21), "gazeta.example", "KAZ,UZB")
    corpus.event(other, "KAZGOV", "UZBGOV", "057", signed_on, spheres="political,economic",
                 place=TASHKENT, sentence="Tashkent and Astana signed a package of accords.")
    doc = f"kz-{MEDIATION_MONTH}"
    for target in ("UZBGOV", "TJKGOV"):
        corpus.event(doc, "KAZGOV", target, "045", date(2019, 9, 9), role="mediator",
                     spheres="political", place=ASTANA, sentence=MEDIATION)
    corpus.agreements.append(Agreement(
        agreement_id="agr-kaz-uzb", doc_id=first.doc_id, sentence_index=first.sentence_index,
        parties="KAZ,UZB", kind="document", subject="water sharing and trade",
        spheres="economic", count=12.0, count_unit="documents", count_qualifier="",
        period_start="2019", period_end="2023", status="signed", date="2019-03-14",
        date_precision="day", date_text="on 14 March", evidence=SIGNING, char_start=0,
        char_end=len(SIGNING), event_id=first.event_id))


def spike(corpus: Corpus) -> None:
    """Armenia–Azerbaijan: criticism every month, fighting in April and May 2019."""
    for i, month in enumerate(MONTHS):
        if i == QUIET:
            continue
        doc = corpus.article(f"am-{i}", month.replace(day=12), "news.example.am", "ARM,AZE")
        corpus.event(doc, "ARMGOV", "AZEGOV", "111", month.replace(day=3))
        corpus.event(doc, "AZEGOV", "ARMGOV", "036", month.replace(day=5), spheres="political")
        if i % 2:
            corpus.event(doc, "AZEGOV", "ARMGOV", "111", month.replace(day=7))
        if i in SPIKE:
            for day in (2, 4, 6):
                corpus.event(doc, "AZEMIL", "ARMMIL", "190", month.replace(day=day),
                             spheres="military,conflict", place=KARABAKH)
                corpus.event(doc, "ARMMIL", "AZEMIL", "193", month.replace(day=day + 1),
                             spheres="military,conflict", place=KARABAKH)
    # A recap of the 1992 war: dated to its own time, it would stretch the series to 1992.
    corpus.event("am-7", "ARMMIL", "AZEMIL", "190", date(1992, 5, 1), modality="historical",
                 event_date="1992-05-01", precision="month",
                 sentence="In May 1992 Armenian forces took Shusha.")
    # A denied shelling: counted, it would make a third conflict peak in October 2018.
    for _ in range(3):
        corpus.event("am-9", "AZEMIL", "ARMMIL", "190", date(2018, 10, 1), modality="negated",
                     event_date="", precision="publication",
                     sentence="Baku denied that its troops had shelled Armenian villages.")
    corpus.event("am-9", "ARMGOV", "TURGOV", "057", date(2018, 10, 1), modality="negated",
                 sentence="Armenia has not signed the protocols with Turkey.")


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    built = Corpus()
    rising(built)
    spike(built)
    return built


@pytest.fixture(scope="module")
def db(corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return corpus.store(tmp_path_factory.mktemp("relationship") / "store.duckdb")


@pytest.fixture(scope="module")
def warming(db: Path) -> DyadView:
    return dyadwatch.dyad("kaz", "uzb", db=db, n_boot=200)


@pytest.fixture(scope="module")
def fighting(db: Path) -> DyadView:
    return dyadwatch.dyad("AZE", "ARM", db=str(db), n_boot=200)


def factual(corpus: Corpus, a: str, b: str) -> list[Event]:
    return [e for e in corpus.events if {e.source_country, e.target_country} == {a, b}
            and e.modality == "factual"]


# --- the series and the verdict -----------------------------------------------------------------


def test_the_series_has_every_month_even_a_quiet_one(warming: DyadView,
                                                     fighting: DyadView) -> None:
    months = pd.DatetimeIndex([pd.Timestamp(m) for m in MONTHS])
    for view in (warming, fighting):
        assert list(view.series.index) == list(months)
        assert view.freq == "M"
    quiet = fighting.series.loc[pd.Timestamp(MONTHS[QUIET])]
    assert quiet["events"] == 0 and math.isnan(quiet["coop_index"])
    assert warming.series["events"].gt(0).all()
    # Happenings, not reports: the two reports of the signing count once.
    assert int(warming.series["events"].sum()) == len(warming.events)
    assert int(warming.series["reports"].sum()) == len(warming.events) + 1


def test_the_series_counts_per_month_what_was_written(corpus: Corpus,
                                                      fighting: DyadView) -> None:
    expected = Counter(pd.Timestamp(e.event_date).to_period("M").start_time
                       for e in factual(corpus, "ARM", "AZE"))
    got = fighting.series["events"]
    assert {k: int(v) for k, v in got[got > 0].items()} == dict(expected)
    april = fighting.series.loc[pd.Timestamp(MONTHS[SPIKE[0]])]
    assert april["q4"] == 6 and april["conflict_mass"] == pytest.approx(64.0)


def test_the_rising_dyad_is_called_rising_with_confidence_and_period(warming: DyadView) -> None:
    trend = warming.analysis.trend
    assert trend.direction == "rising"
    assert trend.confidence > 0.99 and 0 < trend.slope_low <= trend.slope <= trend.slope_high
    assert re.match(r"Relations between Kazakhstan and Uzbekistan were rising from January 2018 "
                    r"to December 2019 \(Mann–Kendall p = 0\.\d\d, \d+% confidence; Sen's "
                    r"slope \+0\.\d{3} per month", warming.verdict), warming.verdict
    assert (warming.a, warming.b, warming.a_name, warming.b_name) == (
        "KAZ", "UZB", "Kazakhstan", "Uzbekistan")
    first, last = warming.series["coop_index"].iloc[[0, -1]]
    assert first < -0.7 and last > 0.7


def test_the_steady_dyad_is_not_called_rising(fighting: DyadView) -> None:
    assert fighting.analysis.trend.direction != "rising"
    assert fighting.verdict.startswith("Relations between Azerbaijan and Armenia ")
    assert "January 2018" in fighting.verdict and "December 2019" in fighting.verdict


def test_change_points_land_on_the_fighting(fighting: DyadView) -> None:
    table = fighting.change_points
    assert list(table.columns) == ["period", "before", "after", "shift", "kind", "until",
                                   "events"]
    assert list(table["period"]) == [pd.Timestamp(MONTHS[SPIKE[0]]),
                                     pd.Timestamp(MONTHS[SPIKE[1] + 1])]
    assert list(table["kind"]) == ["escalation", "de-escalation"]
    assert table["until"].iloc[0] == pd.Timestamp(MONTHS[SPIKE[1]])
    assert table["shift"].iloc[0] > 0 > table["shift"].iloc[1]
    assert "AZEMIL→ARMMIL 190 Use conventional military force" in table["events"].iloc[0]
    assert "denied" not in table["events"].iloc[0]


def test_other_frequencies_and_a_window(db: Path) -> None:
    quarters = dyadwatch.dyad("KAZ", "UZB", db=db, freq="quarter", n_boot=200)
    assert quarters.freq == "Q"
    assert list(quarters.series.index) == list(pd.date_range("2018-01-01", periods=8,
                                                             freq="QS"))
    assert "from 2018 Q1 to 2019 Q4" in quarters.verdict
    window = dyadwatch.dyad("KAZ", "UZB", db=db, since=date(2019, 1, 1),
                            until=date(2019, 6, 30), n_boot=200)
    assert list(window.series.index) == list(pd.date_range("2019-01-01", periods=6, freq="MS"))
    assert "from January 2019 to June 2019" in window.verdict
    assert window.events["event_date"].between("2019-01-01", "2019-06-30").all()


# --- evidence: events, key events, actors, places, agreements ---------------------------------


def test_reports_of_one_signing_merge(warming: DyadView) -> None:
    signing = warming.events[warming.events["code"] == "057"]
    assert len(signing) == 1
    row = signing.iloc[0]
    assert row["n_reports"] == 2 and row["n_articles"] == 2
    assert row["doc_ids"].split(",") == [f"kz-{SIGNING_MONTH}", "uz-extra"]
    assert row["sentence"] == SIGNING  # the earliest report's evidence is kept


def test_historical_and_negated_events_are_left_out(fighting: DyadView) -> None:
    assert set(fighting.events["modality"]) == {"factual"}
    assert not fighting.events["sentence"].str.contains("1992|denied").any()
    assert fighting.series.loc[pd.Timestamp("2018-10-01"), "q4"] == 0


def test_key_events_put_the_mediation_first_in_its_sphere(warming: DyadView) -> None:
    table = warming.key_events
    assert list(table.columns) == list(EVENT_COLUMNS)
    political = table[table["sphere"] == "political"]
    assert len(political) == 3
    first = political.iloc[0]
    assert (first["code"], first["role"], first["source"], first["target"]) == (
        "045", "mediator", "KAZGOV", "UZBGOV")
    assert first["evidence"] == MEDIATION and first["date"] == "2019-09-09"
    # Next: the happening reported most often, with the earliest report's outlet and link.
    second = political.iloc[1]
    assert (second["code"], second["date"], second["outlet"]) == (
        "057", "2019-03-14", "kazinform.example")
    assert second["url"] == f"https://kazinform.example/kz-{SIGNING_MONTH}"
    economic = table[table["sphere"] == "economic"]
    assert list(economic["code"]) == ["057"]
    assert set(table["sphere"]) == {"political", "economic", "unclassified"}


def test_key_events_of_the_fighting_are_the_strongest(fighting: DyadView) -> None:
    military = fighting.key_events[fighting.key_events["sphere"] == "military"]
    assert len(military) == 3 and set(military["code"]) <= {"190", "193"}
    assert (military["modality"] == "factual").all()


def test_actors_are_counted_per_side(warming: DyadView) -> None:
    actors = warming.actors
    assert list(actors.columns) == ["side", "actor", "name", "events"]
    assert set(actors["side"]) == {"KAZ", "UZB"}
    for side in ("KAZ", "UZB"):  # every happening has one actor on each side
        assert actors.loc[actors["side"] == side, "events"].sum() == len(warming.events)
    uzbek = actors[actors["side"] == "UZB"]
    assert list(uzbek["actor"]) == ["UZBGOV", "UZBMIL"]  # most events first
    assert list(uzbek["name"]) == ["Tashkent", "the Uzbek army"]
    kazakh = actors[actors["side"] == "KAZ"]
    assert list(kazakh["actor"]) == ["KAZGOV"] and kazakh["name"].iloc[0] == NAMES["KAZGOV"]


def test_places_are_counted_once_per_happening(warming: DyadView, fighting: DyadView) -> None:
    places = warming.places
    assert list(places.columns) == ["place", "country", "latitude", "longitude", "events"]
    assert list(places["place"]) == ["Tashkent", "Nur-Sultan"]
    assert list(places["events"]) == [2, 1]  # the signing's second report adds nothing
    assert places.iloc[0]["latitude"] == pytest.approx(TASHKENT[2])
    karabakh = fighting.places.set_index("place").loc["Nagorno-Karabakh"]
    assert (karabakh["country"], karabakh["events"]) == ("AZE", 12)


def test_the_agreements_register_of_the_pair(warming: DyadView, fighting: DyadView) -> None:
    register = warming.agreements
    assert len(register) == 1
    row = register.iloc[0]
    assert (row["kind"], row["count"], row["status"], row["parties"]) == (
        "document", 12.0, "signed", "KAZ,UZB")
    assert row["outlet"] == "kazinform.example"
    assert fighting.agreements.empty


# --- coverage -----------------------------------------------------------------------------------


def test_coverage_of_the_warming(corpus: Corpus, warming: DyadView) -> None:
    cover = warming.coverage
    reports = factual(corpus, "KAZ", "UZB")
    assert cover["origin"] == "dyadwatch coder"
    assert cover["events"] == len(reports) - 1 == len(warming.events)
    assert cover["merged_reports"] == 1
    assert cover["excluded"] == {}
    assert (cover["first_date"], cover["last_date"]) == ("2018-01-20", "2019-12-20")
    # 24 monthly articles plus the second outlet's report of the signing.
    assert cover["articles"] == 25
    assert cover["sources"] == 2
    assert cover["notes"]


def test_coverage_counts_what_was_left_out(corpus: Corpus, fighting: DyadView) -> None:
    cover = fighting.coverage
    assert cover["events"] == len(factual(corpus, "ARM", "AZE"))
    assert cover["merged_reports"] == 0
    assert cover["excluded"] == {"historical": 1, "negated": 3}
    assert cover["articles"] == 23 and cover["sources"] == 1


# --- errors -------------------------------------------------------------------------------------


def test_the_same_country_twice_is_a_usage_error(db: Path) -> None:
    with pytest.raises(UsageError) as caught:
        dyadwatch.dyad("kaz", "KAZ", db=db)
    assert caught.value.message == ("a dyad needs two different countries, got KAZ twice — "
                                    "name two countries, e.g. AZE RUS")


def test_a_missing_database_is_not_created(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.duckdb"
    with pytest.raises(DyadwatchError) as caught:
        dyadwatch.dyad("KAZ", "UZB", db=path)
    assert caught.value.message == (f"database {path} does not exist — run `dyadwatch ingest` "
                                    "or `dyadwatch import-gdelt` first")
    assert not path.exists()


@pytest.mark.parametrize("pair", [("KAZ", "ARM"), ("ARM", "TUR"), ("IRN", "IRQ")])
def test_a_pair_without_usable_events(db: Path, pair: tuple[str, str]) -> None:
    """KAZ–ARM never met; ARM–TUR has only a negated event; IRN–IRQ are not in the store."""
    with pytest.raises(DyadwatchError) as caught:
        dyadwatch.dyad(*pair, db=db)
    a, b = pair
    assert caught.value.message == (f"no events between {a} and {b} in the store — check the "
                                    "codes (ISO alpha-3, e.g. AZE RUS), widen --since/--until, "
                                    "or ingest more news")


def test_a_period_without_events_is_named_and_a_reversed_period_is_a_usage_error(
    db: Path,
) -> None:
    from datetime import date

    with pytest.raises(DyadwatchError, match="from 2030-01-01 to the end"):
        dyadwatch.dyad("KAZ", "UZB", db=db, since=date(2030, 1, 1))
    with pytest.raises(UsageError, match=r"ends \(2018-01-01\) before it starts"):
        dyadwatch.dyad("KAZ", "UZB", db=db, since=date(2019, 1, 1), until=date(2018, 1, 1))


def test_an_unknown_frequency_is_a_usage_error(db: Path) -> None:
    with pytest.raises(UsageError, match="unknown series frequency 'fortnight'"):
        dyadwatch.dyad("KAZ", "UZB", db=db, freq="fortnight")


@pytest.mark.parametrize(("code", "name"), [
    ("RUS", "Russia"), ("IRN", "Iran"), ("KOR", "South Korea"), ("COD", "DR Congo"),
    ("AZE", "Azerbaijan"), ("xyz", "XYZ")])
def test_country_names_are_the_common_ones(code: str, name: str) -> None:
    assert country_name(code) == name


@pytest.mark.parametrize("pair", [("COD", "COG"), ("VGB", "VIR"), ("KOR", "PRK"),
                                  ("NER", "NGA"), ("GNB", "GIN"), ("DOM", "DMA")])
def test_two_countries_never_share_a_name(pair: tuple[str, str]) -> None:
    assert country_name(pair[0]) != country_name(pair[1])


def test_the_verdict_uses_the_common_names(tmp_path: Path) -> None:
    """Russia, not 'Russian Federation': the verdict is read as a sentence."""
    moscow = Corpus()
    doc = moscow.article("ru-1", date(2019, 6, 3), "tass.example", "KOR,RUS")
    for day in (1, 2):
        moscow.event(doc, "KORGOV", "RUSGOV", "042", date(2019, 6, day))
    view = dyadwatch.dyad("KOR", "RUS", db=moscow.store(tmp_path / "ru.duckdb"), n_boot=200)
    assert (view.a_name, view.b_name) == ("South Korea", "Russia")
    assert view.verdict.startswith("Relations between South Korea and Russia ")


# --- the brief ----------------------------------------------------------------------------------


def test_brief_data_of_the_view(warming: DyadView) -> None:
    data = brief_data(warming)
    assert (data.a, data.b, data.a_name, data.b_name) == ("KAZ", "UZB", "Kazakhstan",
                                                         "Uzbekistan")
    assert (data.since, data.until, data.freq) == ("2018-01-01", "2019-12-01", "M")
    assert data.direction == "rising" and data.verdict == warming.verdict
    assert data.confidence == pytest.approx(warming.analysis.trend.confidence)
    row = data.agreements.iloc[0]
    assert (row["count"], row["period"], row["status"]) == ("12 documents", "2019–2023",
                                                            "signed")
    assert row["url"] == f"https://kazinform.example/kz-{SIGNING_MONTH}"


def test_the_brief_as_html_and_markdown(warming: DyadView, fighting: DyadView,
                                        tmp_path: Path) -> None:
    page = write_brief(brief_data(warming), tmp_path / "kaz-uzb.html")
    html = page.read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html")
    for text in ("Kazakhstan", "Uzbekistan", "12 documents", "Farkhad reservoir",
                 "kazinform.example", "Nur-Sultan"):
        assert text in html, text
    md = write_dyad_brief(fighting, tmp_path / "out" / "arm-aze.md")
    text = md.read_text(encoding="utf-8")
    assert fighting.verdict in text
    assert "Nagorno-Karabakh" in text and "escalation" in text
    charts = list((tmp_path / "out" / "arm-aze-charts").glob("*.svg"))
    assert charts and all(c.stat().st_size > 0 for c in charts)
    for chart in charts:
        assert chart.name in text


def test_an_unknown_brief_suffix_is_a_usage_error(warming: DyadView, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="cannot tell the brief format"):
        write_dyad_brief(warming, tmp_path / "brief.pdf")
    assert not (tmp_path / "brief.pdf").exists()
