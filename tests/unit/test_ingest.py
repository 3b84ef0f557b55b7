"""dyadwatch.ingest: every input format, and every way an input can fail, with exact reasons."""

from __future__ import annotations

import io
import json
import socket
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from dyadwatch.config import ReadOptions
from dyadwatch.errors import InputError
from dyadwatch.ingest import parse_date, read_inputs
from dyadwatch.model import Article, Reject, content_id

TEXT = "Russia and Azerbaijan signed a trade agreement in Baku on Friday."
OTHER = "Armenian and Azerbaijani ministers met in Moscow for talks."
DAI_HEADER = "article_id,publish_date,article_source_link,title,subtitle,text\n"
NEWS_PAGE = """<!DOCTYPE html>
<html><head><title>Talks in Baku | Example News</title>
<meta property="og:title" content="Talks in Baku">
<meta property="article:published_time" content="2017-01-13T10:00:00+04:00">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Talks in Baku</h1>
<p>Moscow is optimistic about the future of its relations with neighbouring Azerbaijan and
believes they will keep on growing, the Russian Foreign Ministry said on Friday.</p>
<p>"Russian-Azerbaijani relations will continue to develop in 2017," spokeswoman Maria Zakharova
said, commenting on prospects for bilateral relations between the two countries.</p>
</article>
<div class="comments" id="comments"><p>Reader comment: what a great article, thanks a lot.</p></div>
<footer>Copyright Example News</footer>
</body></html>
"""


def read(*inputs: str | Path, options: ReadOptions | None = None, **kwargs: Any) -> list[Any]:
    return list(read_inputs([str(i) for i in inputs], options or ReadOptions(), **kwargs))


def articles(items: list[Any]) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def rejects(items: list[Any]) -> list[Reject]:
    return [item for item in items if isinstance(item, Reject)]


def only_reject(items: list[Any]) -> Reject:
    assert len(items) == 1, items
    assert isinstance(items[0], Reject), items
    assert items[0].stage == "read"
    return items[0]


def write_jsonl(path: Path, *records: object) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# --- plain text -------------------------------------------------------------------------------


def test_text_file_becomes_one_article_with_stem_as_id(tmp_path: Path) -> None:
    path = tmp_path / "baku.txt"
    path.write_text(f"\n  {TEXT}\r\n\r\n{OTHER}\n", encoding="utf-8")
    (article,) = read(path)
    assert article.text == f"{TEXT}\n\n{OTHER}"
    assert article.id == content_id(article.text)
    assert article.origin == str(path)
    assert article.external_id == "baku"
    assert (article.published, article.title, article.url, article.source) == (None, "", "", "")


def test_sidecar_meta_fills_fields(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    meta = {
        "id": "ext-7",
        "title": "Trade deal",
        "published": "2017-01-13T01:30:00+04:00",
        "source": "AzerNews",
        "url": "https://example.org/a",
    }
    (tmp_path / "a.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    (article,) = read(tmp_path / "a.txt")
    assert article.external_id == "ext-7"
    assert article.title == "Trade deal"
    assert article.published == date(2017, 1, 13)  # the local date as written, not UTC
    assert (article.source, article.url) == ("AzerNews", "https://example.org/a")


def test_md_and_text_extensions_are_plain_text(tmp_path: Path) -> None:
    (tmp_path / "a.MD").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.text").write_text(OTHER, encoding="utf-8")
    assert [a.text for a in read(tmp_path / "a.MD", tmp_path / "b.text")] == [TEXT, OTHER]


def test_same_text_twice_gives_same_id(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text("  " + TEXT.replace(" ", "\n", 3) + "\n", encoding="utf-8")
    write_jsonl(tmp_path / "c.jsonl", {"text": TEXT, "id": "x"})
    first, second, third = read(tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.jsonl")
    assert first.id == second.id == third.id == content_id(TEXT)
    assert first.origin != second.origin


def test_latin1_file_decodes(tmp_path: Path) -> None:
    text = "Le président français a rencontré son homologue à Genève. Café, naïve, über."
    (tmp_path / "fr.txt").write_bytes(text.encode("latin-1"))
    (article,) = read(tmp_path / "fr.txt")
    assert article.text == text


def test_latin1_csv_is_decoded_whole_and_keeps_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "fr.csv"
    rows = 'id,text\n1,"Réunion à Genève."\n2,"Café\nnaïve"\n3,"Übermorgen in Zürich."\n'
    path.write_bytes(rows.encode("latin-1"))
    items = read(path)
    assert [a.text for a in items] == ["Réunion à Genève.", "Café\nnaïve", "Übermorgen in Zürich."]
    assert [a.origin for a in items] == [f"{path}:2", f"{path}:3", f"{path}:5"]


def test_utf8_bom_is_removed(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    (tmp_path / "bom.csv").write_bytes(b"\xef\xbb\xbfid,text\n1," + TEXT.encode("utf-8") + b"\n")
    write_jsonl(tmp_path / "bom.jsonl", {"text": TEXT})
    jsonl = tmp_path / "bom.jsonl"
    jsonl.write_bytes(b"\xef\xbb\xbf" + jsonl.read_bytes())
    items = read(tmp_path / "bom.txt", tmp_path / "bom.csv", jsonl)
    assert [a.text for a in items] == [TEXT, TEXT, TEXT]
    assert items[1].external_id == "1"  # the header's first column is "id", not "\ufeffid"


def test_utf16_with_bom_is_text_not_binary(tmp_path: Path) -> None:
    (tmp_path / "u16.txt").write_bytes(TEXT.encode("utf-16"))
    (article,) = read(tmp_path / "u16.txt")
    assert article.text == TEXT


# --- HTML -------------------------------------------------------------------------------------


def test_html_main_text_title_and_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("ingest must not touch the network")

    monkeypatch.setattr(socket, "socket", no_network)
    (tmp_path / "page.html").write_text(NEWS_PAGE, encoding="utf-8")
    (article,) = read(tmp_path / "page.html")
    assert "Moscow is optimistic" in article.text
    assert "Zakharova" in article.text
    assert "Reader comment" not in article.text
    assert "Copyright" not in article.text
    assert article.title == "Talks in Baku"
    assert article.published == date(2017, 1, 13)
    assert article.external_id == "page"


def test_html_fragment_is_read(tmp_path: Path) -> None:
    (tmp_path / "frag.htm").write_text(f"<p>{TEXT} {OTHER}</p>", encoding="utf-8")
    (article,) = read(tmp_path / "frag.htm")
    assert article.text == f"{TEXT} {OTHER}"


def test_html_without_text_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text("<html><head><title>x</title></head><body></body></html>", encoding="utf-8")
    reject = only_reject(read(path))
    assert reject.code == "no-text"
    assert reject.reason == (
        f"{path}: no article text found in the HTML page — check that it is a news article page"
    )


# --- JSON Lines -------------------------------------------------------------------------------


def test_jsonl_fields_and_line_origins(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "news.ndjson",
        {"id": 17, "text": TEXT, "date": "2017/2/7", "title": "T", "url": "u", "source": "s"},
        "",
        {"text": OTHER},
    )
    first, second = read(path)
    assert (first.origin, first.external_id, first.published) == (
        f"{path}:1",
        "17",
        date(2017, 2, 7),
    )
    assert (first.title, first.url, first.source) == ("T", "u", "s")
    assert (second.origin, second.external_id, second.published) == (f"{path}:3", f"{path}:3", None)


def test_jsonl_broken_line_is_one_reject_and_reading_goes_on(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", {"text": TEXT}, '{"text": "cut off', {"text": OTHER})
    items = read(path)
    assert [type(i).__name__ for i in items] == ["Article", "Reject", "Article"]
    assert items[1].code == "bad-json"
    assert items[1].origin == f"{path}:2"
    assert items[1].reason == (
        f"{path}:2: not valid JSON (Unterminated string starting at: column 10)"
        " — fix or remove the line"
    )
    assert items[2].text == OTHER


def test_jsonl_line_that_is_not_an_object(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [1, 2])
    reject = only_reject(read(path))
    assert reject.code == "bad-json"
    assert reject.reason == f"{path}:1: expected a JSON object, got an array — one object per line"


def test_record_without_text_field(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", {"body": TEXT})
    reject = only_reject(read(path))
    assert reject.code == "no-text"
    assert reject.reason == f"{path}:1: no 'text' field — name the text field with --text-column"


def test_record_with_blank_text(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", {"text": " \n "})
    reject = only_reject(read(path))
    assert reject.code == "no-text"
    assert reject.reason == f"{path}:1: empty 'text' — nothing to code"


def test_text_column_option_applies_to_jsonl(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", {"body": TEXT, "doc": "d1"})
    (article,) = read(path, options=ReadOptions(text_column="body", id_column="doc"))
    assert (article.text, article.external_id) == (TEXT, "d1")


def test_record_with_unparseable_date(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", {"text": TEXT, "date": "next blue moon"})
    reject = only_reject(read(path))
    assert reject.code == "bad-date"
    assert reject.reason == f"{path}:1: cannot read the date 'next blue moon' — use YYYY-MM-DD"


def test_record_text_over_limit(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", {"text": "x" * 2001}, {"text": TEXT})
    items = read(path, options=ReadOptions(max_chars=2000))
    assert items[0].code == "too-large"
    assert items[0].reason == (
        f"{path}:1: text of 2,001 characters exceeds the limit of 2,000 characters"
        " — split the text or raise --max-chars"
    )
    assert items[1].text == TEXT


# --- CSV / TSV --------------------------------------------------------------------------------


def test_csv_with_dai_columns_mapped(tmp_path: Path) -> None:
    path = tmp_path / "dai.csv"
    path.write_text(
        DAI_HEADER
        + f'4,2017/2/7,http://example.com/a,Talks,,"{TEXT}"\n'
        + f'9,2017/2/8,http://example.com/b,More,,"{OTHER}\nSecond line."\n'
        + f'11,,http://example.com/c,Last,,"{TEXT} Again."\n',
        encoding="utf-8",
    )
    options = ReadOptions(
        id_column="article_id", date_column="publish_date", url_column="article_source_link"
    )
    first, second, third = read(path, options=options)
    assert (first.external_id, first.published, first.url, first.title) == (
        "4",
        date(2017, 2, 7),
        "http://example.com/a",
        "Talks",
    )
    assert (first.origin, second.origin, third.origin) == (f"{path}:2", f"{path}:3", f"{path}:5")
    assert second.text == f"{OTHER}\nSecond line."
    assert third.published is None


def test_csv_default_id_and_date_columns_may_be_absent(tmp_path: Path) -> None:
    path = tmp_path / "plain.csv"
    path.write_text(f'headline,text\nH,"{TEXT}"\n', encoding="utf-8")
    (article,) = read(path)
    assert (article.external_id, article.published) == (f"{path}:2", None)


def test_csv_without_text_column_is_one_reject(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("a,b,c\n1,2,3\n4,5,6\n", encoding="utf-8")
    reject = only_reject(read(path))
    assert reject.code == "missing-column"
    assert reject.origin == str(path)
    assert reject.reason == (
        f"{path}: no column 'text' (columns: a, b, c) — name it with --text-column COLUMN"
    )


@pytest.mark.parametrize(
    ("options", "column", "option"),
    [
        (ReadOptions(id_column="article_id"), "article_id", "id-column"),
        (ReadOptions(date_column="publish_date"), "publish_date", "date-column"),
    ],
)
def test_csv_without_a_column_the_user_named(
    tmp_path: Path, options: ReadOptions, column: str, option: str
) -> None:
    path = tmp_path / "a.csv"
    path.write_text(f'id,date,text\n1,2017-01-01,"{TEXT}"\n', encoding="utf-8")
    reject = only_reject(read(path, options=options))
    assert reject.code == "missing-column"
    assert reject.reason == (
        f"{path}: no column '{column}' (columns: id, date, text) — name it with --{option} COLUMN"
    )


def test_csv_blank_text_and_blank_rows(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(f'id,text\n1,"  "\n\n,\n2,"{TEXT}"\n', encoding="utf-8")
    items = read(path)
    assert [type(i).__name__ for i in items] == ["Reject", "Article"]
    assert items[0].reason == f"{path}:2: empty 'text' — nothing to code"
    assert items[1].origin == f"{path}:5"


def test_csv_field_larger_than_csv_default_limit(tmp_path: Path) -> None:
    big = "word " * 40_000  # 200 kB, above csv's default field limit of 128 KiB
    path = tmp_path / "big.csv"
    path.write_text(f'text\n"{big}"\n', encoding="utf-8")
    (article,) = read(path)
    assert article.text == big.strip()


def test_tsv_uses_tabs(tmp_path: Path) -> None:
    path = tmp_path / "a.TSV"
    path.write_text(f"id\ttext\nt1\t{TEXT}\n", encoding="utf-8")
    (article,) = read(path)
    assert (article.external_id, article.text, article.origin) == ("t1", TEXT, f"{path}:2")


# --- folders, missing paths, formats ----------------------------------------------------------


def test_directory_recursion_and_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "inner").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "c.txt").write_text("c text", encoding="utf-8")
    (tmp_path / "a.txt").write_text("a text", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"title": "A"}', encoding="utf-8")
    (tmp_path / "b" / "z.txt").write_text("bz text", encoding="utf-8")
    (tmp_path / "b" / "inner" / "y.jsonl").write_text('{"text": "by text"}\n', encoding="utf-8")
    (tmp_path / ".hidden" / "h.txt").write_text("hidden", encoding="utf-8")
    (tmp_path / ".dot.txt").write_text("hidden", encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    seen: list[str] = []
    items = read(tmp_path, on_file=seen.append)
    assert [a.text for a in items] == ["a text", "by text", "bz text", "c text"]
    assert items[0].title == "A"
    expected = ["a.txt", "b/inner/y.jsonl", "b/z.txt", "c.txt"]
    assert seen == [str(tmp_path / name) for name in expected]
    assert items[1].origin == f"{tmp_path / 'b/inner/y.jsonl'}:1"


def test_inputs_keep_their_order(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(OTHER, encoding="utf-8")
    items = read(tmp_path / "b.txt", tmp_path / "nope.txt", tmp_path / "a.txt")
    assert [type(i).__name__ for i in items] == ["Article", "Reject", "Article"]
    assert [items[0].text, items[2].text] == [OTHER, TEXT]


def test_missing_path() -> None:
    reject = only_reject(read("no/such/file.txt"))
    assert reject.code == "missing"
    assert reject.origin == "no/such/file.txt"
    assert reject.reason == "no/such/file.txt: no such file or directory — check the path"


def test_directory_without_readable_files(tmp_path: Path) -> None:
    (tmp_path / "notes.docx").write_bytes(b"PK")
    (tmp_path / "x.meta.json").write_text("{}", encoding="utf-8")
    reject = only_reject(read(tmp_path))
    assert reject.code == "empty-dir"
    assert reject.reason == (
        f"{tmp_path}: no .txt, .html, .jsonl or .csv files found"
        " — point to files or a folder that holds them"
    )


def test_unknown_extension_given_explicitly(tmp_path: Path) -> None:
    path = tmp_path / "data.xyz"
    path.write_text(TEXT, encoding="utf-8")
    reject = only_reject(read(path))
    assert reject.code == "unknown-format"
    assert reject.reason == f"{path}: unknown file type '.xyz' — use .txt, .html, .jsonl or .csv"


@pytest.mark.parametrize("name", ["e.txt", "e.html", "e.jsonl", "e.csv"])
@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n  \n"])
def test_empty_or_whitespace_file(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    reject = only_reject(read(path))
    assert reject.code == "empty"
    assert reject.reason == f"{path}: file is empty — nothing to code"


@pytest.mark.parametrize("name", ["b.txt", "b.html", "b.jsonl", "b.csv"])
def test_binary_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    reject = only_reject(read(path))
    assert reject.code == "binary"
    assert reject.reason == (
        f"{path}: looks like a binary file, not text — give a text, HTML, JSONL or CSV file"
    )


def test_control_bytes_without_nul_are_binary(tmp_path: Path) -> None:
    path = tmp_path / "b.txt"
    path.write_bytes(bytes(range(1, 32)) * 50)
    assert only_reject(read(path)).code == "binary"


def test_undecodable_text(tmp_path: Path) -> None:
    path = tmp_path / "garbled.txt"
    path.write_bytes(bytes((0x80 + (i * 37) % 128) for i in range(2000)))
    reject = only_reject(read(path))
    assert reject.code == "encoding"
    assert reject.reason == (
        f"{path}: cannot decode the text (not UTF-8 and no other encoding recognised)"
        " — convert it to UTF-8"
    )


def test_file_too_large_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"\x00" * 400_001)  # binary too, but the size check comes first
    reject = only_reject(read(path, options=ReadOptions(max_chars=100_000)))
    assert reject.code == "too-large"
    assert reject.reason == (
        f"{path}: text of 0.4 MB exceeds the limit of 100,000 characters"
        " — split the file or raise --max-chars"
    )


def test_text_too_large_after_decoding(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("a" * 1500, encoding="utf-8")
    reject = only_reject(read(path, options=ReadOptions(max_chars=1000)))
    assert reject.code == "too-large"
    assert reject.reason == (
        f"{path}: text of 1,500 characters exceeds the limit of 1,000 characters"
        " — split the text or raise --max-chars"
    )


def test_bad_sidecar(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    meta = tmp_path / "a.meta.json"
    meta.write_text("{title: 1}", encoding="utf-8")
    reject = only_reject(read(path))
    assert reject.code == "bad-meta"
    assert reject.reason == (
        f"{path}: cannot read the sidecar {meta}: Expecting property name enclosed in double"
        " quotes: line 1 column 2 (char 1) — fix the JSON or remove the file"
    )


def test_bad_date_in_sidecar(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"published": "13/13/13/13"}', encoding="utf-8")
    reject = only_reject(read(path))
    assert reject.code == "bad-date"
    assert reject.reason == f"{path}: cannot read the date '13/13/13/13' — use YYYY-MM-DD"


# --- stdin ------------------------------------------------------------------------------------


def test_stdin_plain_text() -> None:
    seen: list[str] = []
    (article,) = read("-", stdin=io.BytesIO(f"\n\n{TEXT}\n".encode()), on_file=seen.append)
    assert (article.text, article.origin, article.id) == (TEXT, "<stdin>", content_id(TEXT))
    assert seen == ["<stdin>"]


def test_stdin_jsonl() -> None:
    data = "\n" + json.dumps({"text": TEXT, "id": "s1"}) + "\nnot json\n"
    data += json.dumps({"text": OTHER}) + "\n"
    items = read("-", stdin=io.BytesIO(b"\xef\xbb\xbf" + data.encode()))
    assert [type(i).__name__ for i in items] == ["Article", "Reject", "Article"]
    assert (items[0].origin, items[0].external_id) == ("<stdin>:2", "s1")
    assert items[1].origin == "<stdin>:3"
    assert items[1].code == "bad-json"
    assert items[2].text == OTHER


def test_stdin_empty_and_too_large() -> None:
    assert only_reject(read("-", stdin=io.BytesIO(b" \n"))).code == "empty"
    reject = only_reject(
        read("-", stdin=io.BytesIO(b"a" * 5000), options=ReadOptions(max_chars=10))
    )
    assert reject.reason == (
        "<stdin>: text of 0.0 MB exceeds the limit of 10 characters"
        " — split the file or raise --max-chars"
    )


def test_a_single_string_is_a_programming_error() -> None:
    with pytest.raises(TypeError):
        read_inputs("news.txt", ReadOptions())


# --- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2017-01-13", date(2017, 1, 13)),
        ("2017-01-13T01:30:00+04:00", date(2017, 1, 13)),  # the 12th in UTC
        ("2017-01-13T23:30:00-05:00", date(2017, 1, 13)),  # the 14th in UTC
        ("2017-01-13 17:21:00", date(2017, 1, 13)),
        ("2017/2/7", date(2017, 2, 7)),
        ("13 January 2017", date(2017, 1, 13)),
        ("Jan 13, 2017", date(2017, 1, 13)),
        ("Friday, January 13, 2017 5:21 PM", date(2017, 1, 13)),
        ("Tue, 07 Feb 2017 10:00:00 +0400", date(2017, 2, 7)),
        (20170207, date(2017, 2, 7)),
        ("", None),
        (None, None),
    ],
)
def test_parse_date_accepts(value: object, expected: date | None) -> None:
    assert parse_date(value, origin="x") == expected


@pytest.mark.parametrize("value", ["soon", "5", "2017-13-45", "1850-01-01", ["2017"]])
def test_parse_date_rejects(value: object) -> None:
    with pytest.raises(InputError) as caught:
        parse_date(value, origin="f.jsonl:3")
    assert caught.value.code == "bad-date"
    assert caught.value.message.startswith("f.jsonl:3: ")


def test_parse_date_future_limit() -> None:
    today = date(2020, 5, 1)
    assert parse_date("2020-05-02", origin="x", today=today) == date(2020, 5, 2)
    with pytest.raises(InputError, match="before 1900 or in the future"):
        parse_date((today + timedelta(days=2)).isoformat(), origin="x", today=today)


# --- the shared seed ------------------------------------------------------------------------


def test_seed_text_and_meta(shared_dir: Path) -> None:
    seed = shared_dir / "seed" / "000_ec2a5f488c0add38.txt"
    meta = json.loads(seed.with_name(seed.stem + ".meta.json").read_text(encoding="utf-8"))
    (article,) = read(seed)
    assert article.external_id == meta["id"]
    assert article.title == meta["title"]
    assert article.source == meta["source"]
    assert article.published == date(2017, 1, 13)
    assert article.text.startswith("Baku-Moscow friendship")
    assert article.id == content_id(seed.read_text(encoding="utf-8"))


def test_a_lone_surrogate_rejects_that_record_only(tmp_path: Path) -> None:
    path = tmp_path / "sur.jsonl"
    good = '{"id": "a", "text": "Russia criticised Georgia."}'
    bad = '{"id": "b", "text": "Georgia \\ud800 replied.", "title": "t \\udc00"}'
    path.write_text(good + "\n" + bad + "\n", encoding="utf-8")
    items = list(read_inputs([str(path)], ReadOptions()))
    assert isinstance(items[0], Article)
    reject = items[1]
    assert isinstance(reject, Reject) and reject.code == "bad-text"
    assert reject.reason == (f"{path}:2: the text holds an unpaired UTF-16 surrogate (such as a "
                             "JSON \\ud800 escape) — fix the escape or remove the character")
