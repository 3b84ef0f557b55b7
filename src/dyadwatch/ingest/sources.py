"""What the user named, read in order: files by extension, folders recursively, `-` for stdin.

`read_inputs` is the one entry point. It never raises for bad input: everything that cannot be read
becomes a `Reject(stage="read")` with a stable code and a reason that names the file and the fix.
"""

from __future__ import annotations

import itertools
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import BinaryIO

from dyadwatch.config import ReadOptions
from dyadwatch.errors import InputError
from dyadwatch.ingest import problems
from dyadwatch.ingest.decode import BYTES_PER_CHAR, CHUNK_BYTES
from dyadwatch.ingest.html import HTML_EXTENSIONS, read_html_file
from dyadwatch.ingest.records import (
    CSV_EXTENSIONS,
    JSONL_EXTENSIONS,
    TSV_EXTENSIONS,
    read_csv_file,
    read_jsonl_file,
    read_jsonl_lines,
    read_tsv_file,
)
from dyadwatch.ingest.text import META_SUFFIX, TEXT_EXTENSIONS, read_text_bytes, read_text_file
from dyadwatch.model import Article, Reject

STDIN_PATH = "-"
STDIN_ORIGIN = "<stdin>"
Reader = Callable[[str, ReadOptions], Iterator[Article | Reject]]
OnFile = Callable[[str], None]
_BY_FORMAT: tuple[tuple[tuple[str, ...], Reader], ...] = (
    (TEXT_EXTENSIONS, read_text_file),
    (HTML_EXTENSIONS, read_html_file),
    (JSONL_EXTENSIONS, read_jsonl_file),
    (CSV_EXTENSIONS, read_csv_file),
    (TSV_EXTENSIONS, read_tsv_file),
)
READERS: Mapping[str, Reader] = MappingProxyType(
    {extension: reader for extensions, reader in _BY_FORMAT for extension in extensions}
)
KNOWN_EXTENSIONS = frozenset(READERS)


def read_inputs(
    inputs: Sequence[str],
    options: ReadOptions,
    *,
    stdin: BinaryIO | None = None,
    on_file: OnFile | None = None,
) -> Iterator[Article | Reject]:
    """Articles and Rejects from files, folders and `-` (stdin), in the order given.

    Folders are read recursively in path order, skipping hidden entries, sidecars and unknown
    types. `stdin` defaults to the process's standard input; `on_file` is called with each file
    (or "<stdin>") as its reading starts."""
    if isinstance(inputs, str | bytes):
        raise TypeError("read_inputs() takes a sequence of paths, not a single string")
    return _read_all(list(inputs), options, stdin, on_file)


def _read_all(
    inputs: list[str], options: ReadOptions, stdin: BinaryIO | None, on_file: OnFile | None
) -> Iterator[Article | Reject]:
    for given in inputs:
        if given == STDIN_PATH:
            if on_file is not None:
                on_file(STDIN_ORIGIN)
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _guard(STDIN_ORIGIN, read_stdin(stream, options))
        elif os.path.isdir(given):
            yield from _read_dir(given, options, on_file)
        elif not os.path.exists(given):
            yield problems.to_reject(given, problems.missing(given))
        else:
            yield from _read_file(given, options, on_file)


def _guard(origin: str, items: Iterator[Article | Reject]) -> Iterator[Article | Reject]:
    """Pass items on; turn an InputError or OSError that ends the input into a Reject."""
    try:
        yield from items
    except InputError as err:
        yield problems.to_reject(origin, err)
    except OSError as err:
        yield problems.to_reject(origin, problems.unreadable(origin, err))


def _read_file(
    path: str, options: ReadOptions, on_file: OnFile | None
) -> Iterator[Article | Reject]:
    extension = os.path.splitext(path)[1]
    reader = READERS.get(extension.lower())
    if reader is None:
        yield problems.to_reject(path, problems.unknown_format(path, extension))
        return
    if on_file is not None:
        on_file(path)
    yield from _guard(path, reader(path, options))


def _read_dir(
    path: str, options: ReadOptions, on_file: OnFile | None
) -> Iterator[Article | Reject]:
    found = 0
    for item in walk(path):
        if isinstance(item, Reject):
            yield item
            continue
        found += 1
        yield from _read_file(item, options, on_file)
    if not found:
        yield problems.to_reject(path, problems.empty_dir(path))


def is_readable_name(name: str) -> bool:
    """True for a file name a folder walk reads: known type, not hidden, not a sidecar."""
    lowered = name.lower()
    if name.startswith(".") or lowered.endswith(META_SUFFIX):
        return False
    return os.path.splitext(lowered)[1] in KNOWN_EXTENSIONS


def walk(folder: str) -> Iterator[str | Reject]:
    """Files under `folder` with known types, depth first, sorted by name at each level.

    Hidden files and folders are skipped; symlinked folders are not followed (no loops)."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as err:
        yield problems.to_reject(folder, problems.unreadable(folder, err))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from walk(entry.path)
        elif entry.is_file() and is_readable_name(entry.name):
            yield entry.path


def _is_blank(line: bytes) -> bool:
    return not line.removeprefix(b"\xef\xbb\xbf").strip()


def read_stdin(stream: BinaryIO, options: ReadOptions) -> Iterator[Article | Reject]:
    """JSON Lines when the first non-blank character is `{`, else one plain-text article."""
    limit = options.max_chars * BYTES_PER_CHAR
    head: list[bytes] = []
    while line := stream.readline(limit + 1):
        head.append(line)
        if not _is_blank(line):
            break
    start = b"".join(head).removeprefix(b"\xef\xbb\xbf").lstrip()
    if start.startswith(b"{"):
        if not head[-1].endswith(b"\n"):
            head[-1] += stream.readline()  # finish a first line longer than the read limit
        lines = itertools.chain(head, iter(stream.readline, b""))
        yield from read_jsonl_lines(lines, path=STDIN_ORIGIN, options=options)
        return
    data = b"".join(head)
    data += stream.read(max(limit + 1 - len(data), 0))
    if len(data) > limit:
        size = len(data) + _drain(stream)
        raise problems.file_too_large(STDIN_ORIGIN, size, options.max_chars)
    yield read_text_bytes(data, origin=STDIN_ORIGIN, options=options)


def _drain(stream: BinaryIO) -> int:
    """Read the rest of `stream` without keeping it; return how many bytes there were."""
    total = 0
    while chunk := stream.read(CHUNK_BYTES):
        total += len(chunk)
    return total
