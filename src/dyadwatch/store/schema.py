"""Table definitions. Primary keys are content hashes, so inserting the same rows twice is a
no-op (ON CONFLICT DO NOTHING).

Version 2 added the event columns plover, plover_mode and role; version 3 the context of
events (date, place, spheres, tone) and articles (tone, spheres, countries) and the tables
agreements, amounts and dyad_tones. Files made by older versions get the new columns when
opened (see ADDED_COLUMNS); rows stored before have them empty."""

SCHEMA_VERSION = 3

ARTICLES = """
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY,
    external_id VARCHAR,
    title VARCHAR,
    published DATE,
    url VARCHAR,
    source VARCHAR,
    origin VARCHAR,
    text VARCHAR NOT NULL,
    n_sentences INTEGER,
    n_events INTEGER,
    tone DOUBLE, spheres VARCHAR, countries VARCHAR,
    coded_at TIMESTAMP DEFAULT current_timestamp
)"""

EVENTS = """
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY,
    doc_id VARCHAR NOT NULL,
    date VARCHAR,
    source VARCHAR, source_country VARCHAR, source_sector VARCHAR, source_text VARCHAR,
    target VARCHAR, target_country VARCHAR, target_sector VARCHAR, target_text VARCHAR,
    code VARCHAR, root_code VARCHAR, name VARCHAR, goldstein DOUBLE, quad_class INTEGER,
    modality VARCHAR, sentence_index INTEGER, sentence VARCHAR,
    char_start INTEGER, char_end INTEGER, rule VARCHAR, confidence DOUBLE,
    planned_code VARCHAR, trigger VARCHAR,
    plover VARCHAR, plover_mode VARCHAR, role VARCHAR,
    event_date VARCHAR, date_precision VARCHAR, date_text VARCHAR,
    place VARCHAR, place_country VARCHAR, latitude DOUBLE, longitude DOUBLE,
    spheres VARCHAR, sphere_evidence VARCHAR, tone DOUBLE
)"""

# Columns added after version 1, in table order: (table, name, type, version that added it).
# Opening an older file adds them (existing rows get '' or NULL); see Store._upgrade.
ADDED_COLUMNS: tuple[tuple[str, str, str, int], ...] = (
    ("events", "plover", "VARCHAR", 2),
    ("events", "plover_mode", "VARCHAR", 2),
    ("events", "role", "VARCHAR", 2),
    *(("events", name, type_, 3) for name, type_ in (
        ("event_date", "VARCHAR"), ("date_precision", "VARCHAR"), ("date_text", "VARCHAR"),
        ("place", "VARCHAR"), ("place_country", "VARCHAR"), ("latitude", "DOUBLE"),
        ("longitude", "DOUBLE"), ("spheres", "VARCHAR"), ("sphere_evidence", "VARCHAR"),
        ("tone", "DOUBLE"))),
    ("articles", "tone", "DOUBLE", 3),
    ("articles", "spheres", "VARCHAR", 3),
    ("articles", "countries", "VARCHAR", 3),
)

AGREEMENTS = """
CREATE TABLE IF NOT EXISTS agreements (
    agreement_id VARCHAR PRIMARY KEY,
    doc_id VARCHAR NOT NULL, sentence_index INTEGER,
    parties VARCHAR, kind VARCHAR, subject VARCHAR, spheres VARCHAR,
    count DOUBLE, count_unit VARCHAR, count_qualifier VARCHAR,
    period_start VARCHAR, period_end VARCHAR, status VARCHAR,
    date VARCHAR, date_precision VARCHAR, date_text VARCHAR,
    evidence VARCHAR, char_start INTEGER, char_end INTEGER, event_id VARCHAR
)"""

AMOUNTS = """
CREATE TABLE IF NOT EXISTS amounts (
    amount_id VARCHAR PRIMARY KEY,
    doc_id VARCHAR NOT NULL, sentence_index INTEGER,
    kind VARCHAR, value DOUBLE, unit VARCHAR, qualifier VARCHAR, text VARCHAR,
    char_start INTEGER, char_end INTEGER, event_id VARCHAR, agreement_id VARCHAR
)"""

DYAD_TONES = """
CREATE TABLE IF NOT EXISTS dyad_tones (
    doc_id VARCHAR NOT NULL, country_a VARCHAR NOT NULL, country_b VARCHAR NOT NULL,
    tone DOUBLE, sentences INTEGER,
    PRIMARY KEY (doc_id, country_a, country_b)
)"""

REJECTS = """
CREATE TABLE IF NOT EXISTS rejects (
    id VARCHAR PRIMARY KEY,
    origin VARCHAR, stage VARCHAR, code VARCHAR, reason VARCHAR, article_id VARCHAR,
    seen_at TIMESTAMP DEFAULT current_timestamp
)"""

META = "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)"

ALL = (ARTICLES, EVENTS, REJECTS, META, AGREEMENTS, AMOUNTS, DYAD_TONES)
