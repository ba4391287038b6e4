"""The nlp stage: spaCy's small English pipeline, with line breaks as sentence boundaries."""
from wirewatch.nlp.model import load_model

__all__ = ["load_model"]
