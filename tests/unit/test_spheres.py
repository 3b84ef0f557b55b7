"""Spheres: the bundled table, its checks, and sphere hits of texts, events and articles."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Span, Token

from dyadwatch.coding.spheres import (
    SPHERES,
    SphereHit,
    SphereTable,
    article_spheres,
    load_spheres,
    read_spheres,
    spheres_of_event,
    spheres_of_text,
)
from dyadwatch.dictionaries.codebook import load_codebook
from dyadwatch.errors import DictionaryError, UsageError

HEADER = "# test table\nkind\tkey\tsphere\tnote\n"


@pytest.fixture(scope="module")
def table() -> SphereTable:
    return load_spheres()


def spheres(hits: tuple[SphereHit, ...]) -> list[str]:
    return [h.sphere for h in hits]


def by_sphere(hits: tuple[SphereHit, ...]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for hit in hits:
        found.setdefault(hit.sphere, []).append(hit.evidence)
    return found


# --- the bundled table ---------------------------------------------------------------------

def test_eighteen_distinct_spheres() -> None:
    assert len(SPHERES) == 18 and len(set(SPHERES)) == 18


def test_every_sphere_has_words_and_table_is_large(table: SphereTable) -> None:
    assert len(table) >= 300
    worded = {r.sphere for r in table.rules if r.kind in ("lemma", "phrase")}
    assert worded == set(SPHERES)
    for sphere in SPHERES:
        assert sum(r.sphere == sphere for r in table.rules) >= 10, sphere


def test_code_rules_name_codebook_codes(table: SphereTable) -> None:
    codebook = load_codebook()
    codes = [r.key for r in table.rules if r.kind == "code"]
    assert codes and all(code in codebook for code in codes)


def test_both_spellings_listed(table: SphereTable) -> None:
    keys = {r.key for r in table.rules}
    for pair in (("defence", "defense"), ("labour migration", "labor migration"),
                 ("theatre", "theater"), ("space programme", "space program")):
        assert set(pair) <= keys, pair


def test_load_is_cached() -> None:
    assert load_spheres() is load_spheres()


@pytest.mark.parametrize(("code", "expected"), [
    ("190", ("conflict", "military")),
    ("195", ("conflict", "military")),
    ("1124", ("political", "legal", "conflict")),  # root 11 plus the refinement's own
    ("061", ("economic",)),
    ("062", ("military",)),
    ("0871", ("conflict", "military")),
    ("073", ("humanitarian",)),
    ("057", ("political",)),
    ("042", ("political",)),
    ("174", ("security", "migration")),
    ("010", ()),
    ("060", ()),
])
def test_code_spheres(table: SphereTable, code: str, expected: tuple[str, ...]) -> None:
    assert table.code_spheres(code) == expected


# --- checks of a table -----------------------------------------------------------------------

def write(tmp_path: Path, rows: str) -> Path:
    path = tmp_path / "spheres.tsv"
    path.write_text(HEADER + rows, encoding="utf-8")
    return path


def test_unknown_sphere_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "lemma\toil\tenergy\t\nlemma\tgolf\tleisure\t\n")
    with pytest.raises(DictionaryError) as caught:
        read_spheres(path)
    message = str(caught.value)
    assert "spheres.tsv:4" in message and "'leisure'" in message and "sphere" in message


@pytest.mark.parametrize(("row", "words"), [
    ("term\toil\tenergy\t", "kind"),
    ("lemma\toil field\tenergy\t", "kind phrase"),
    ("phrase\toil\tenergy\t", "kind lemma"),
    ("lemma\tOil\tenergy\t", "lower-case"),
    ("code\t21\tconflict\t", "CAMEO code"),
    ("code\tx19\tconflict\t", "CAMEO code"),
    ("stop\tlast resort\ttourism\t", "empty"),
    ("lemma\toil\tenergy", "4 tab-separated"),
])
def test_bad_rows_are_refused(tmp_path: Path, row: str, words: str) -> None:
    with pytest.raises(DictionaryError, match=words) as caught:
        read_spheres(write(tmp_path, row + "\n"))
    assert "spheres.tsv:3" in str(caught.value)


def test_repeated_row_names_first_line(tmp_path: Path) -> None:
    path = write(tmp_path, "lemma\toil\tenergy\t\nlemma\tgas\tenergy\t\nlemma\toil\tenergy\tx\n")
    with pytest.raises(DictionaryError, match=r"spheres\.tsv:5.*repeats line 3"):
        read_spheres(path)


def test_one_key_may_have_several_spheres(tmp_path: Path, nlp: Language) -> None:
    path = write(tmp_path, "lemma\tasylum\tmigration\t\nlemma\tasylum\thumanitarian\t\n")
    hits = spheres_of_text(nlp("She was granted asylum."), read_spheres(path))
    assert spheres(hits) == ["migration", "humanitarian"]


# --- vocabulary of a text --------------------------------------------------------------------

@pytest.mark.parametrize(("text", "sphere", "evidence"), [
    ("Engineers surveyed the offshore oil and gas fields near Baku.", "energy", "oil and gas"),
    ("Freight along the North-South Transport Corridor doubled.", "transport",
     "Transport Corridor"),
    ("Hundreds of students enrolled at Kazakh universities.", "education", "universities"),
    ("The Orthodox eparchy welcomed the delegation.", "religion", "Orthodox"),
    ("Muslim leaders gathered in Grozny.", "religion", "Muslim"),
    ("The talks covered labour migration and the diaspora.", "migration", "labour migration"),
    ("Millions of Russian tourists visited Antalya.", "tourism", "tourists"),
    ("Tourist flows to Georgia kept growing.", "tourism", "Tourist"),
    ("Exhibitions of national artists and a week of cinema opened in Minsk.", "culture",
     "Exhibitions"),
    ("Belarus will buy weapons and military equipment.", "military", "weapons"),
    ("The fleet held military exercises off Crimea.", "military", "military exercises"),
    ("Ministers praised growing trade volumes and new business delegations.", "economic",
     "trade volumes"),
    ("The company invested heavily in Uzbek factories.", "economic", "company"),
    ("A ceasefire ended weeks of fighting.", "conflict", "ceasefire"),
    ("Analysts warned that the standoff could become a hot war.", "conflict", "hot war"),
    ("Baku and Ankara celebrate their strategic partnership.", "political",
     "strategic partnership"),
    ("Hospitals received a new vaccine against measles.", "health", "Hospitals"),
    ("Nurses vaccinated children in remote villages.", "health", "vaccinated"),
    ("Pollution of the Caspian worsens the climate outlook.", "environment", "Pollution"),
    ("The Olympic team and the football federation met.", "sport", "Olympic"),
    ("Kazakhstan launched a satellite built for nuclear research.", "science_technology",
     "satellite"),
    ("The court refused his extradition.", "legal", "court"),
    ("The convoy brought humanitarian aid to refugees.", "humanitarian", "humanitarian aid"),
    ("Cooperation in the Olympics and in chess was discussed.", "sport", "Olympics"),
])
def test_vocabulary(nlp: Language, table: SphereTable, text: str, sphere: str,
                    evidence: str) -> None:
    found = by_sphere(spheres_of_text(nlp(text), table))
    assert sphere in found, found
    assert evidence in found[sphere], found


def test_plain_sentence_has_no_sphere(nlp: Language, table: SphereTable) -> None:
    assert spheres_of_text(nlp("The ministers met on Tuesday and spoke for an hour."), table) == ()


@pytest.mark.parametrize(("text", "wanted", "unwanted"), [
    ("They stressed energy security in Europe.", "energy", "security"),
    ("Drought threatens food security across the region.", "humanitarian", "security"),
    ("The Security Council met in New York.", "political", "security"),
    ("Greenhouse gas emissions must fall.", "environment", "energy"),
    ("Islamic State fighters fled the town.", "security", "religion"),
    ("Sanctions are a last resort, the minister said.", "economic", "tourism"),
])
def test_phrases_override_their_words(nlp: Language, table: SphereTable, text: str,
                                      wanted: str, unwanted: str) -> None:
    found = spheres(spheres_of_text(nlp(text), table))
    assert wanted in found and unwanted not in found, found


def test_stop_phrase_yields_nothing(nlp: Language, table: SphereTable) -> None:
    assert spheres_of_text(nlp("More agreements are in the pipeline."), table) == ()
    assert spheres(spheres_of_text(nlp("A new pipeline will carry gas."), table)) == ["energy"] * 2


def test_hyphenated_words_match_phrases(nlp: Language, table: SphereTable) -> None:
    doc = nlp("They discussed military-technical cooperation and a visa-free regime.")
    found = by_sphere(spheres_of_text(doc, table))
    assert found["military"] == ["military-technical cooperation"]
    assert found["migration"] == ["visa-free"]


def test_hyphenated_single_token_lemma(nlp: Language, table: SphereTable) -> None:
    found = by_sphere(spheres_of_text(nlp("Turkey received the S-400 despite warnings."), table))
    assert found == {"military": ["S-400"]}


def test_offsets_point_at_evidence(nlp: Language, table: SphereTable) -> None:
    doc = nlp("First sentence. Then Armenian pilgrims crossed into Iran by train and by ferry.")
    hits = spheres_of_text(doc, table)
    assert hits and all(doc.text[h.start:h.end] == h.evidence for h in hits)
    assert [h.start for h in hits] == sorted(h.start for h in hits)


def test_span_hits_use_doc_offsets(nlp: Language, table: SphereTable) -> None:
    doc = nlp("The summit ended. Pilgrims flocked to the mosque.")
    second = list(doc.sents)[1]
    hits = spheres_of_text(second, table)
    assert spheres(hits) == ["religion", "religion"]
    assert all(doc.text[h.start:h.end] == h.evidence for h in hits)
    assert hits[0].start >= second.start_char


# --- events -----------------------------------------------------------------------------------

def event(nlp: Language, text: str, trigger_text: str) -> tuple[Span, Token]:
    doc = nlp(text)
    sent = next(doc.sents)
    trigger = next(t for t in sent if t.text == trigger_text)
    return sent, trigger


def test_event_arguments_give_spheres(nlp: Language, table: SphereTable) -> None:
    sent, trigger = event(nlp, "Azerbaijan and Russia signed 12 documents on cooperation in "
                               "energy and higher education.", "signed")
    hits = spheres_of_event(sent, trigger, "057", table)
    assert hits[0] == SphereHit("political", "CAMEO 057")
    assert spheres(hits) == ["political", "energy", "education"]


def test_subject_is_not_an_argument(nlp: Language, table: SphereTable) -> None:
    sent, trigger = event(nlp, "The Russian defence minister signed an agreement on tourism "
                               "with Azerbaijan.", "signed")
    assert spheres(spheres_of_event(sent, trigger, "057", table)) == ["political", "tourism"]


def test_coordinated_event_is_not_an_argument(nlp: Language, table: SphereTable) -> None:
    sent, trigger = event(nlp, "Georgia will host Armenian students and open a museum in "
                               "Tbilisi.", "host")
    assert spheres(spheres_of_event(sent, trigger, "043", table)) == ["political", "education"]


def test_sentence_vocabulary_when_arguments_add_nothing(nlp: Language, table: SphereTable) -> None:
    sent, trigger = event(nlp, "Russia's defence minister met his Azerbaijani counterpart in "
                               "Baku.", "met")
    hits = spheres_of_event(sent, trigger, "042", table)
    assert spheres(hits) == ["political", "military"]
    assert hits[1].evidence == "defence"


def test_one_hit_per_sphere_first_evidence(nlp: Language, table: SphereTable) -> None:
    sent, trigger = event(nlp, "Turkey shelled Kurdish positions with artillery and tanks in "
                               "a new war.", "shelled")
    hits = spheres_of_event(sent, trigger, "194", table)
    assert spheres(hits) == ["conflict", "military"]
    assert all(h.evidence == "CAMEO 194" for h in hits)


def test_event_without_code_spheres(nlp: Language, table: SphereTable) -> None:
    sent, trigger = event(nlp, "Kazakhstan said it would expand cooperation in space "
                               "exploration and satellite launches.", "said")
    hits = spheres_of_event(sent, trigger, "010", table)
    assert spheres(hits) == ["science_technology"]
    assert hits[0].evidence == "space exploration"


# --- articles ---------------------------------------------------------------------------------

ARTICLE = ("Turkmenistan and China agreed to raise gas exports. The new pipeline will start "
           "next year. Chinese students will also study in Ashgabat. Officials toured a "
           "museum.")


def test_article_spheres_need_two_hits(nlp: Language, table: SphereTable) -> None:
    found = article_spheres(nlp(ARTICLE), table)
    assert found == {"energy": ["gas", "pipeline"]}  # exports, students, museum: one hit each


def test_article_spheres_min_hits_one_orders_by_count(nlp: Language, table: SphereTable) -> None:
    found = article_spheres(nlp(ARTICLE), table, min_hits=1)
    assert next(iter(found)) == "energy"
    assert {"energy", "economic", "education", "culture"} <= set(found)
    counts = [len(v) for v in found.values()]
    assert counts == sorted(counts, reverse=True)


def test_article_spheres_rejects_zero(nlp: Language, table: SphereTable) -> None:
    with pytest.raises(UsageError, match="min_hits"):
        article_spheres(nlp("Oil."), table, min_hits=0)
