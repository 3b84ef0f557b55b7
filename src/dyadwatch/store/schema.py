"""Table definitions. Primary keys are content hashes, so inserting the same rows twice is a
no-op (ON CONFLICT DO NOTHING)."""

SCHEMA_VERSION = 1

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
    planned_code VARCHAR, trigger VARCHAR
)"""

REJECTS = """
CREATE TABLE IF NOT EXISTS rejects (
    id VARCHAR PRIMARY KEY,
    origin VARCHAR, stage VARCHAR, code VARCHAR, reason VARCHAR, article_id VARCHAR,
    seen_at TIMESTAMP DEFAULT current_timestamp
)"""

META = "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)"

ALL = (ARTICLES, EVENTS, REJECTS, META)
