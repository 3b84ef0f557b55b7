"""GDELT event files → dyadwatch event and article rows (store/gdelt.py)."""

from __future__ import annotations

import math
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import pycountry
import pytest

from dyadwatch.errors import InputError, UsageError
from dyadwatch.model import stable_id
from dyadwatch.store.gdelt import (
    ARTICLE_COLUMNS,
    EVENT_COLUMNS,
    V1_FIELDS,
    V2_FIELDS,
    GdeltBatch,
    detect_version,
    load_fips_countries,
    read_gdelt_events,
)

BAKU = {"ActionGeo_Type": "4", "ActionGeo_FullName": "Baku, Baki, Azerbaijan",
        "ActionGeo_CountryCode": "AJ", "ActionGeo_Lat": "40.3953", "ActionGeo_Long": "49.8822"}


def row(**values: str) -> dict[str, str]:
    """A plausible event: Azerbaijan's government visits Russia's, placed in Baku."""
    base = {
        "GLOBALEVENTID": "900000001", "SQLDATE": "20191023", "MonthYear": "201910",
        "Year": "2019", "FractionDate": "2019.8027",
        "Actor1Code": "AZEGOV", "Actor1Name": "AZERBAIJAN", "Actor1CountryCode": "AZE",
        "Actor1Type1Code": "GOV", "Actor2Code": "RUSGOV", "Actor2Name": "RUSSIA",
        "Actor2CountryCode": "RUS", "Actor2Type1Code": "GOV", "IsRootEvent": "1",
        "EventCode": "042", "EventBaseCode": "042", "EventRootCode": "04", "QuadClass": "1",
        "GoldsteinScale": "1.9", "NumMentions": "2", "NumSources": "1", "NumArticles": "2",
        "AvgTone": "1.5", **BAKU, "DATEADDED": "20191024143000",
        "SOURCEURL": "https://www.example-news.az/politics/talks",
    }
    return {**base, **values}


def v2_line(**values: str) -> str:
    cells = row(**values)
    return "\t".join(cells.get(name, "") for name in V2_FIELDS)


def v1_line(*, with_url: bool = True, **values: str) -> str:
    cells = row(DATEADDED="20130402", **values)
    fields = V1_FIELDS if with_url else V1_FIELDS[:-1]
    return "\t".join(cells.get(name, "") for name in fields)


def write(tmp_path: Path, name: str, lines: list[str]) -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def read_all(path: Path, batch_size: int = 5000) -> GdeltBatch:
    batches = list(read_gdelt_events(path, batch_size=batch_size))
    return GdeltBatch([e for b in batches for e in b.events],
                      [a for b in batches for a in b.articles],
                      [r for b in batches for r in b.rejects])


def by_id(rows: list[dict[str, Any]], key: str = "event_id") -> dict[str, dict[str, Any]]:
    return {r[key]: r for r in rows}


# --- layouts and detection -------------------------------------------------------------------


def test_layouts_put_fields_where_the_gdelt_codebooks_do() -> None:
    assert len(V2_FIELDS) == 61 and len(V1_FIELDS) == 58
    assert V2_FIELDS[26] == V1_FIELDS[26] == "EventCode"
    assert (V2_FIELDS[53], V2_FIELDS[56], V2_FIELDS[59]) == (
        "ActionGeo_CountryCode", "ActionGeo_Lat", "DATEADDED")
    assert (V1_FIELDS[51], V1_FIELDS[53], V1_FIELDS[57]) == (
        "ActionGeo_CountryCode", "ActionGeo_Lat", "SOURCEURL")


@pytest.mark.parametrize(("line", "version"), [
    (v2_line(), 2),
    (v1_line(), 1),
    (v1_line(with_url=False), 1),
    (",".join(V1_FIELDS), 1),
    ("\t".join(V2_FIELDS), 2),
    ('"GLOBALEVENTID","SQLDATE",' + ",".join(f'"{f}"' for f in V1_FIELDS[2:]), 1),
    ("\ufeff" + v2_line() + "\r\n", 2),
])
def test_detect_version(line: str, version: int) -> None:
    assert detect_version(line) == version


@pytest.mark.parametrize("line", [
    "\t".join(["1"] * 16),  # a mentions-file line
    "\t".join(["1"] * 60),
    "The minister flew to Moscow on Tuesday.",
    "GLOBALEVENTID,SQLDATE,EventCode",  # a header missing most fields
])
def test_detect_version_refuses_other_files(line: str) -> None:
    with pytest.raises(InputError) as info:
        detect_version(line)
    assert info.value.code in {"unknown-format", "missing-column"}
    assert " — " in info.value.message


# --- mapping ---------------------------------------------------------------------------------


def test_gdelt2_row_maps_to_an_event_with_every_contract_column(tmp_path: Path) -> None:
    path = write(tmp_path, "20191024143000.export.CSV", [v2_line()])
    (event,) = read_all(path).events
    assert tuple(event) == EVENT_COLUMNS
    url = "https://www.example-news.az/politics/talks"
    assert event["event_id"] == "gdelt-900000001" and event["doc_id"] == stable_id(url)
    assert (event["date"], event["event_date"]) == ("2019-10-24", "2019-10-23")
    assert (event["date_precision"], event["date_text"]) == ("day", "")
    assert (event["source"], event["source_country"], event["source_sector"],
            event["source_text"]) == ("AZEGOV", "AZE", "GOV", "AZERBAIJAN")
    assert (event["target"], event["target_country"], event["target_sector"],
            event["target_text"]) == ("RUSGOV", "RUS", "GOV", "RUSSIA")
    assert (event["code"], event["root_code"], event["quad_class"]) == ("042", "04", 1)
    assert (event["name"], event["plover"], event["plover_mode"]) == ("Make a visit", "CONSULT",
                                                                       "visit")
    assert event["goldstein"] == 1.9 and event["tone"] == 1.5
    assert (event["modality"], event["confidence"], event["rule"]) == ("factual", 1.0,
                                                                       "gdelt-import")
    assert (event["sentence_index"], event["char_start"], event["char_end"]) == (-1, -1, -1)
    assert (event["place"], event["place_country"]) == ("Baku, Baki, Azerbaijan", "AZE")
    assert (event["latitude"], event["longitude"]) == (40.3953, 49.8822)


def test_articles_gather_the_rows_of_each_url(tmp_path: Path) -> None:
    first = "https://www.example-news.az/politics/talks"
    second = "http://news.example.ge/a?id=7"
    lines = [
        v2_line(AvgTone="2.0"),
        v2_line(GLOBALEVENTID="900000002", AvgTone="-4.0", Actor2CountryCode="GEO",
                Actor2Code="GEO", ActionGeo_CountryCode="GG", ActionGeo_FullName="Georgia"),
        v2_line(GLOBALEVENTID="900000003", SOURCEURL=second, Actor1CountryCode="TUR",
                Actor1Code="TUR", ActionGeo_CountryCode="TU", ActionGeo_FullName="Turkey"),
        v2_line(GLOBALEVENTID="900000004", SOURCEURL="BBC Monitoring"),
    ]
    path = write(tmp_path, "mixed.export.CSV", lines)
    batch = read_all(path)
    articles = by_id(batch.articles, "id")
    assert len(articles) == 3
    one = articles[stable_id(first)]
    assert tuple(one) == ARTICLE_COLUMNS
    assert (one["external_id"], one["url"], one["source"]) == (first, first, "example-news.az")
    assert (one["n_events"], one["tone"]) == (2, -1.0)
    assert one["countries"] == "AZE,GEO,RUS"
    assert (one["published"], one["origin"], one["title"], one["text"]) == (
        "2019-10-24", "mixed.export.CSV", "", "")
    two = articles[stable_id(second)]
    assert (two["source"], two["n_events"], two["countries"]) == ("news.example.ge", 1,
                                                                  "RUS,TUR")
    assert articles[stable_id("BBC Monitoring")]["source"] == "BBC Monitoring"
    assert {e["doc_id"] for e in batch.events} == set(articles)


def test_batches_stream_and_articles_come_whole_in_the_last(tmp_path: Path) -> None:
    lines = [v2_line(GLOBALEVENTID=str(900000100 + i)) for i in range(7)]
    batches = list(read_gdelt_events(write(tmp_path, "seven.CSV", lines), batch_size=3))
    assert [len(b.events) for b in batches] == [3, 3, 1]
    assert [len(b.articles) for b in batches] == [0, 0, 1]
    assert batches[-1].articles[0]["n_events"] == 7


def test_events_without_actor_countries_or_coordinates_are_kept(tmp_path: Path) -> None:
    lines = [v2_line(Actor2Code="", Actor2Name="", Actor2CountryCode="", Actor2Type1Code="",
                     ActionGeo_Lat="", ActionGeo_Long="", ActionGeo_CountryCode="OS",
                     AvgTone="")]
    batch = read_all(write(tmp_path, "partial.CSV", lines))
    (event,) = batch.events
    assert (event["target"], event["target_country"], event["place_country"]) == ("", "", "")
    assert math.isnan(event["latitude"]) and math.isnan(event["longitude"])
    assert math.isnan(event["tone"]) and math.isnan(batch.articles[0]["tone"])
    assert batch.articles[0]["countries"] == "AZE"


def test_code_missing_from_our_codebook_keeps_its_plover_root(tmp_path: Path) -> None:
    batch = read_all(write(tmp_path, "odd.CSV", [v2_line(EventCode="0439")]))
    (event,) = batch.events
    assert (event["code"], event["name"], event["plover"]) == ("0439", "", "CONSULT")


def test_gdelt1_rows_date_by_sqldate(tmp_path: Path) -> None:
    lines = [v1_line(SQLDATE="20130401", Actor1CountryCode="GEO", Actor1Code="GEOMIL",
                     Actor1Type1Code="MIL", ActionGeo_CountryCode="GG")]
    batch = read_all(write(tmp_path, "20130402.export.CSV", lines))
    (event,) = batch.events
    assert (event["date"], event["event_date"], event["source_sector"]) == (
        "2013-04-01", "2013-04-01", "MIL")
    assert event["place_country"] == "GEO"
    assert batch.articles[0]["published"] == "2013-04-02"


def test_gdelt1_rows_without_urls_each_stand_for_a_document(tmp_path: Path) -> None:
    lines = [v1_line(with_url=False), v1_line(with_url=False, GLOBALEVENTID="900000009")]
    batch = read_all(write(tmp_path, "2012.csv", lines))
    assert len({e["doc_id"] for e in batch.events}) == 2
    assert {a["url"] for a in batch.articles} == {""}
    assert {a["external_id"] for a in batch.articles} == {"gdelt-900000001", "gdelt-900000009"}


def test_csv_export_with_header_row_numbers_and_na(tmp_path: Path) -> None:
    header = ",".join(f'"{name}"' for name in V1_FIELDS)

    def data(number: int, **values: str) -> str:  # as R's write.csv: row number, NA, quotes
        cells = row(DATEADDED="20130403", **values)
        quoted = (f'"{cells[n]}"' if cells.get(n) else "NA" for n in V1_FIELDS)
        return f'"{number}",' + ",".join(quoted)

    lines = [header,
             data(1, Actor2CountryCode="", Actor2Code=" ARM", Actor2Name="Armenia, Yerevan"),
             data(2, GLOBALEVENTID="900000002")]
    batch = read_all(write(tmp_path, "export.csv", lines))
    assert not batch.rejects and len(batch.articles) == 1
    first, second = batch.events
    assert (first["target"], first["target_country"], first["target_text"]) == (
        "ARM", "", "Armenia, Yerevan")
    assert (first["date"], first["event_date"]) == ("2019-10-23", "2019-10-23")
    assert second["event_id"] == "gdelt-900000002" and math.isnan(second["latitude"]) is False
    assert batch.articles[0]["published"] == "2013-04-03"


# --- bad lines and bad files -----------------------------------------------------------------


def test_malformed_lines_become_rejects_and_the_rest_is_imported(tmp_path: Path) -> None:
    good = [v2_line(GLOBALEVENTID="1"), v2_line(GLOBALEVENTID="7")]
    bad = {
        2: ("\t".join(v2_line().split("\t")[:40]), "bad-columns", "40 columns"),
        3: (v2_line(SQLDATE="20191399"), "bad-date", "SQLDATE"),
        4: (v2_line(GoldsteinScale="strong"), "bad-number", "GoldsteinScale"),
        5: (v2_line(QuadClass="5"), "bad-number", "QuadClass"),
        6: (v2_line(EventCode="--"), "bad-code", "EventCode"),
        7: (v2_line(ActionGeo_Lat="123.0"), "bad-number", "ActionGeo_Lat"),
        8: (v2_line(DATEADDED="2019-10-24"), "bad-date", "DATEADDED"),
    }
    lines = [good[0], *(line for line, _, _ in bad.values()), good[1]]
    path = write(tmp_path, "dirty.CSV", lines)
    path.write_bytes(path.read_bytes() + b"\xff\xfe broken\n")
    batch = read_all(path)
    assert [e["event_id"] for e in batch.events] == ["gdelt-1", "gdelt-7"]
    rejects = {r.origin: r for r in batch.rejects}
    assert set(rejects) == {f"dirty.CSV:{n}" for n in [*bad, 10]}
    for number, (_, code, words) in bad.items():
        reject = rejects[f"dirty.CSV:{number}"]
        assert (reject.stage, reject.code) == ("gdelt-import", code)
        assert words in reject.reason and " — " in reject.reason
    assert rejects["dirty.CSV:10"].code == "encoding"
    assert len({r.id for r in batch.rejects}) == len(batch.rejects)


def test_zipped_file_reads_like_the_plain_one(tmp_path: Path) -> None:
    lines = [v2_line(), v2_line(GLOBALEVENTID="900000002", EventCode="190", EventRootCode="19",
                                QuadClass="4", GoldsteinScale="-10.0")]
    plain = write(tmp_path, "20191024143000.export.CSV", lines)
    archive = tmp_path / "20191024143000.export.CSV.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.write(plain, plain.name)
    zipped, unzipped = read_all(archive), read_all(plain)
    assert zipped.events == unzipped.events
    assert [a["origin"] for a in zipped.articles] == [archive.name]


def test_bad_files_raise_input_errors(tmp_path: Path) -> None:
    two = tmp_path / "two.zip"
    with zipfile.ZipFile(two, "w") as out:
        out.writestr("a.CSV", v2_line())
        out.writestr("b.CSV", v2_line())
    cases = {
        tmp_path / "absent.CSV": "missing",
        write(tmp_path, "empty.CSV", [""]): "empty",
        write(tmp_path, "mentions.CSV", ["\t".join(["x"] * 16)]): "unknown-format",
        two: "unknown-format",
        tmp_path: "unreadable",
    }
    (tmp_path / "broken.zip").write_bytes(b"PK\x03\x04 not really a zip")
    cases[tmp_path / "broken.zip"] = "unreadable"
    (tmp_path / "image.bin").write_bytes(b"\x89PNG\x00\x00\x00\rIHDR")
    cases[tmp_path / "image.bin"] = "binary"
    for path, code in cases.items():
        with pytest.raises(InputError) as info:
            list(read_gdelt_events(path))
        assert info.value.code == code, path
        assert str(path) in info.value.problem and info.value.hint


def test_batch_size_must_be_positive(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        list(read_gdelt_events(write(tmp_path, "one.CSV", [v2_line()]), batch_size=0))


# --- the FIPS table --------------------------------------------------------------------------


def test_fips_codes_map_to_iso_alpha3() -> None:
    fips = load_fips_countries()
    assert {k: fips[k] for k in ("GM", "UK", "AJ", "RS", "GG", "AM", "KV", "WE", "GZ", "SF")} == {
        "GM": "DEU", "UK": "GBR", "AJ": "AZE", "RS": "RUS", "GG": "GEO", "AM": "ARM",
        "KV": "XKX", "WE": "PSE", "GZ": "PSE", "SF": "ZAF"}
    assert "OS" not in fips and len(fips) > 240
    unknown = {iso3 for iso3 in fips.values() if pycountry.countries.get(alpha_3=iso3) is None}
    assert unknown <= {"XKX", "ANT", "SCG"}


# --- the real shared files -------------------------------------------------------------------


def dyads(events: list[dict[str, Any]]) -> Counter[tuple[str, str]]:
    pairs = ((e["source_country"], e["target_country"]) for e in events)
    return Counter((min(a, b), max(a, b)) for a, b in pairs if a and b and a != b)


def test_real_gdelt2_export(shared_dir: Path) -> None:
    path = shared_dir / "reference" / "gdelt" / "gdelt2_events_20191024143000.export.CSV"
    batch = read_all(path, batch_size=1000)
    assert (len(batch.events), len(batch.articles), len(batch.rejects)) == (2111, 425, 0)
    assert sum(a["n_events"] for a in batch.articles) == 2111
    assert {e["date"] for e in batch.events} == {"2019-10-24"}
    assert dyads(batch.events).most_common(4) == [
        (("JPN", "TKM"), 18), (("NOR", "RUS"), 17), (("GBR", "USA"), 15), (("SYR", "USA"), 14)]
    assert Counter(e["place_country"] for e in batch.events).most_common(1) == [("USA", 705)]
    assert read_all(path).events == batch.events  # stable ids: a re-import adds nothing


def test_real_gdelt1_csv_export(shared_dir: Path) -> None:
    path = shared_dir / "reference" / "gdelt" / "gdelt1_georgia_caucasus_2013-04.csv"
    batch = read_all(path)
    assert (len(batch.events), len(batch.articles), len(batch.rejects)) == (3542, 255, 0)
    assert {e["place_country"] for e in batch.events} == {"GEO"}
    assert dyads(batch.events)[("RUS", "USA")] == 34
