"""Table definitions. Primary keys are content hashes, so inserting the same rows twice is a
no-op (ON CONFLICT DO NOTHING).

Version 2 added the event columns plover, plover_mode and role; files made by version 1 get
them when opened (see ADDED_EVENT_COLUMNS)."""

SCHEMA_VERSION = 2

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
    plover VARCHAR, plover_mode VARCHAR, role VARCHAR
)"""

# Event columns added after version 1, in table order: (name, type, version that added it).
# Opening an older file adds them (existing rows get '') and fills in plover and plover_mode.
ADDED_EVENT_COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("plover", "VARCHAR", 2),
    ("plover_mode", "VARCHAR", 2),
    ("role", "VARCHAR", 2),
)

REJECTS = """
CREATE TABLE IF NOT EXISTS rejects (
    id VARCHAR PRIMARY KEY,
    origin VARCHAR, stage VARCHAR, code VARCHAR, reason VARCHAR, article_id VARCHAR,
    seen_at TIMESTAMP DEFAULT current_timestamp
)"""

META = "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)"

ALL = (ARTICLES, EVENTS, REJECTS, META)
