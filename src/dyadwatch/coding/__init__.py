"""Coding stages: actors and events (later: modality, dates, places, spheres, agreements)."""
