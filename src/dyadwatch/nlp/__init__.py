"""The only place that imports spaCy's loading machinery."""

from dyadwatch.nlp.model import INSTALL_HINT, MODEL_CANDIDATES, load_pipeline

__all__ = ["INSTALL_HINT", "MODEL_CANDIDATES", "load_pipeline"]
