"""The default pipeline, assembled from settings: parse → actors, events and their context."""

from __future__ import annotations

from dyadwatch.coding.context import ContextResources
from dyadwatch.coding.stage import EventStage
from dyadwatch.config import Settings
from dyadwatch.dictionaries.actors import load_actor_tables
from dyadwatch.dictionaries.codebook import load_codebook
from dyadwatch.dictionaries.patterns import load_patterns
from dyadwatch.nlp.model import load_pipeline
from dyadwatch.nlp.parse import ParseStage
from dyadwatch.pipeline import Pipeline


def build_pipeline(settings: Settings) -> Pipeline:
    nlp = load_pipeline(settings.model_name)
    tables = load_actor_tables(settings.actor_folders)
    stage = EventStage(nlp, tables, load_patterns(), load_codebook(),
                       context=ContextResources())
    return Pipeline([ParseStage(nlp), stage])

