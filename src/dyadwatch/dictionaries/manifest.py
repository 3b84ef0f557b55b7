"""MANIFEST.json of the bundled tables: name, version, source, licence and checksum per file.

`python -m dyadwatch.dictionaries.manifest` rewrites the checksums after a table changes (and
bumps the version of each changed table); the test suite fails while they disagree."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from dyadwatch.dictionaries.tables import data_path

MANIFEST = "MANIFEST.json"


def checksum(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_manifest(folder: Path | None = None) -> dict[str, Any]:
    folder = folder or data_path(MANIFEST).parent
    loaded: dict[str, Any] = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    return loaded


def stale_entries(folder: Path | None = None) -> list[str]:
    """Tables whose checksum differs from the manifest, and files the manifest does not list."""
    folder = folder or data_path(MANIFEST).parent
    tables = read_manifest(folder)["tables"]
    problems = [name for name, entry in tables.items()
                if not (folder / name).exists() or checksum(folder / name) != entry["sha256"]]
    listed = set(tables) | {MANIFEST}
    problems += [p.name for p in sorted(folder.iterdir()) if p.is_file() and p.name not in listed]
    return problems


def refresh(folder: Path | None = None) -> list[str]:
    """Update checksums in place, bumping the patch version of each changed table."""
    folder = folder or data_path(MANIFEST).parent
    manifest = read_manifest(folder)
    changed = []
    for name, entry in manifest["tables"].items():
        digest = checksum(folder / name)
        if digest != entry["sha256"]:
            if entry["sha256"]:  # a new table (no checksum yet) keeps its first version
                major, minor, patch = (int(x) for x in entry["version"].split("."))
                entry["version"] = f"{major}.{minor}.{patch + 1}"
            entry["sha256"] = digest
            changed.append(name)
    text = json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"
    (folder / MANIFEST).write_text(text, encoding="utf-8")
    return changed


if __name__ == "__main__":
    print("updated:", ", ".join(refresh()) or "nothing")
