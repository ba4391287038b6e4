"""The stage registry and the runner that chains stages over batches of documents."""
from wirewatch.pipeline.registry import REGISTRY, StageInfo, check_order, stage
from wirewatch.pipeline.runner import Pipeline, Result

__all__ = ["REGISTRY", "Pipeline", "Result", "StageInfo", "check_order", "stage"]
