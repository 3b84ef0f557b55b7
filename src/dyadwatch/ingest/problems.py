"""Every way an input can fail to be read, with its stable code and its exact wording.

Each function returns an `InputError`; readers raise it and `sources.read_inputs` turns it into a
`Reject(stage="read")`. Keeping the texts here keeps them consistent and easy to test.
"""

from __future__ import annotations

from dyadwatch.errors import InputError
from dyadwatch.model import Reject

STAGE = "read"
FORMATS_HINT = ".txt, .html, .jsonl or .csv"


def to_reject(origin: str, error: InputError) -> Reject:
    """The Reject that records `error` for the input at `origin`."""
    return Reject(origin=origin, stage=STAGE, code=error.code, reason=error.message)


def missing(path: str) -> InputError:
    return InputError(f"{path}: no such file or directory", "check the path", code="missing")


def unreadable(path: str, error: OSError) -> InputError:
    detail = error.strerror or str(error)
    return InputError(
        f"{path}: cannot read the file ({detail})",
        "check that it exists and that you may read it",
        code="unreadable",
    )


def empty_dir(path: str) -> InputError:
    return InputError(
        f"{path}: no {FORMATS_HINT} files found",
        "point to files or a folder that holds them",
        code="empty-dir",
    )


def unknown_format(path: str, extension: str) -> InputError:
    return InputError(
        f"{path}: unknown file type '{extension}'", f"use {FORMATS_HINT}", code="unknown-format"
    )


def empty(path: str) -> InputError:
    return InputError(f"{path}: file is empty", "nothing to code", code="empty")


def binary(path: str) -> InputError:
    return InputError(
        f"{path}: looks like a binary file, not text",
        "give a text, HTML, JSONL or CSV file",
        code="binary",
    )


def encoding(path: str) -> InputError:
    return InputError(
        f"{path}: cannot decode the text (not UTF-8 and no other encoding recognised)",
        "convert it to UTF-8",
        code="encoding",
    )


def line_encoding(origin: str) -> InputError:
    return InputError(
        f"{origin}: cannot decode the line as UTF-8", "convert the input to UTF-8", code="encoding"
    )


def file_too_large(path: str, size: int, max_chars: int) -> InputError:
    return InputError(
        f"{path}: text of {size / 1_000_000:.1f} MB exceeds the limit of {max_chars:,} characters",
        "split the file or raise --max-chars",
        code="too-large",
    )


def text_too_large(origin: str, length: int, max_chars: int) -> InputError:
    return InputError(
        f"{origin}: text of {length:,} characters exceeds the limit of {max_chars:,} characters",
        "split the text or raise --max-chars",
        code="too-large",
    )


def bad_json(origin: str, detail: str) -> InputError:
    return InputError(
        f"{origin}: not valid JSON ({detail})", "fix or remove the line", code="bad-json"
    )


def not_an_object(origin: str, type_name: str) -> InputError:
    return InputError(
        f"{origin}: expected a JSON object, got {type_name}", "one object per line", code="bad-json"
    )


def no_text_field(origin: str, column: str) -> InputError:
    return InputError(
        f"{origin}: no '{column}' field", "name the text field with --text-column", code="no-text"
    )


def empty_text(origin: str, column: str) -> InputError:
    return InputError(f"{origin}: empty '{column}'", "nothing to code", code="no-text")


def text_not_string(origin: str, column: str, type_name: str) -> InputError:
    return InputError(
        f"{origin}: '{column}' holds {type_name}, not text",
        "give the text as a JSON string",
        code="no-text",
    )


def missing_column(path: str, column: str, columns: list[str], option: str) -> InputError:
    return InputError(
        f"{path}: no column '{column}' (columns: {', '.join(columns)})",
        f"name it with --{option} COLUMN",
        code="missing-column",
    )


def bad_csv(origin: str, detail: str) -> InputError:
    return InputError(
        f"{origin}: cannot parse the CSV ({detail})",
        "fix the quoting from this line on",
        code="bad-csv",
    )


def bad_date(origin: str, value: str) -> InputError:
    return InputError(
        f"{origin}: cannot read the date '{value}'", "use YYYY-MM-DD", code="bad-date"
    )


def date_out_of_range(origin: str, value: str) -> InputError:
    return InputError(
        f"{origin}: the date '{value}' is before 1900 or in the future",
        "check the date or leave it empty",
        code="bad-date",
    )


def html_no_text(path: str) -> InputError:
    return InputError(
        f"{path}: no article text found in the HTML page",
        "check that it is a news article page",
        code="no-text",
    )


def bad_meta(path: str, meta: str, detail: str) -> InputError:
    return InputError(
        f"{path}: cannot read the sidecar {meta}: {detail}",
        "fix the JSON or remove the file",
        code="bad-meta",
    )


def json_type_name(value: object) -> str:
    """The JSON name of a decoded value's type, as a user would call it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def unpaired_surrogate(origin: str) -> InputError:
    return InputError(
        f"{origin}: the text holds an unpaired UTF-16 surrogate (such as a JSON \\ud800 escape)",
        "fix the escape or remove the character", code="bad-text",
    )
