"""The README and CHANGELOG stay true to the command line."""

from __future__ import annotations

from pathlib import Path

from dyadwatch.cli.app import app

ROOT = Path(__file__).resolve().parents[2]


def _commands() -> list[str]:
    return sorted(c.name or c.callback.__name__ for c in app.registered_commands if c.callback)


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [name for name in _commands() if f"dyadwatch {name}" not in readme
               and f"make {name}" not in readme]
    assert missing == []


def test_readme_shows_the_two_setup_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme


def test_changelog_mentions_the_current_version() -> None:
    from dyadwatch import __version__

    assert f"[{__version__}]" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
