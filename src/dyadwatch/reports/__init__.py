"""Dyad briefs: a verdict, charts, registers and evidence as self-contained HTML or Markdown."""

from __future__ import annotations

from dyadwatch.reports.render import BriefData, render_html, render_markdown, write_brief

__all__ = ["BriefData", "render_html", "render_markdown", "write_brief"]
