"""The runner: chains the registered stages over batches of documents.

Documents flow in batches (so the nlp stage can use ``nlp.pipe``); every stage runs under an
error handler, so one bad document is reported with its id and the failing stage, and the
rest of the batch goes on (as spaCy's ``Language.pipe`` with an error handler).
"""
from __future__ import annotations

import gc
import importlib
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from wirewatch.config import Config, load_config
from wirewatch.document import Document
from wirewatch.errors import ConfigError, InputError, StageError, WirewatchError
from wirewatch.pipeline.registry import StageInfo, check_order

# Modules whose import registers the built-in stages.
STAGE_MODULES = (
    "wirewatch.ingest.stage", "wirewatch.nlp.stage", "wirewatch.entities.stage", "wirewatch.places.stage",
    "wirewatch.times.stage", "wirewatch.claims.stage", "wirewatch.events.stage", "wirewatch.record.stage",
)


@dataclass
class Result:
    """One document's outcome: its record, or the error that stopped it."""

    origin: str
    doc: Document | None = None
    error: WirewatchError | None = None

    @property
    def ok(self) -> bool:
        """Whether the document went through every stage."""
        return self.error is None


class Context:
    """Resources shared by the stages, each loaded once, on first use."""

    RESOURCES = ("nlp", "kb", "gazetteer", "event_models")

    def __init__(self, config: Config) -> None:
        self.config = config
        self.startup_seconds = 0.0

    def load_all(self) -> None:
        """Load every resource now (timed as start-up), rather than in the first document's stages."""
        t0 = time.perf_counter()
        for name in self.RESOURCES:
            try:
                getattr(self, name)
            except WirewatchError:
                raise
            except Exception as exc:
                raise ConfigError(f"could not load the {name} ({type(exc).__name__}: {exc}); "
                                  "reinstall wirewatch with its data files") from exc
        # The gazetteer and knowledge base are hundreds of thousands of long-lived objects; keep
        # the cyclic garbage collector from walking them again at every full collection.
        gc.collect()
        gc.freeze()
        self.startup_seconds += time.perf_counter() - t0

    @cached_property
    def nlp(self) -> Any:
        """The spaCy pipeline."""
        from wirewatch.nlp.model import load_model

        return load_model(self.config.model)

    @cached_property
    def kb(self) -> Any:
        """The actor knowledge base."""
        from wirewatch.entities.kb import KnowledgeBase

        return KnowledgeBase.load()

    @cached_property
    def gazetteer(self) -> Any:
        """The place gazetteer."""
        from wirewatch.places.gazetteer import Gazetteer

        return Gazetteer.load()

    @cached_property
    def event_models(self) -> Any:
        """The trained event models (with ``events.model = encoder``, the encoder too), so that a
        missing one is reported once, at start-up; None when no events stage is configured."""
        if "events" not in self.config.stages:
            return None
        from wirewatch.events.stage import load_models

        return load_models(self.config.event_model)


class Pipeline:
    """The configured stages, run over documents in batches.

    Example:
        >>> pipe = Pipeline()                       # doctest: +SKIP
        >>> result = next(pipe.run([Document(id="a", text="...")]))  # doctest: +SKIP
    """

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or load_config()
        for module in STAGE_MODULES:
            importlib.import_module(module)
        self.stages: list[StageInfo] = check_order(self.config.stages)
        self.ctx = Context(self.config)
        self.timings: dict[str, float] = {info.name: 0.0 for info in self.stages}  # seconds per stage

    def run(self, items: Iterable[Document | InputError]) -> Iterator[Result]:
        """Results in input order; input errors pass through as failed results."""
        batch: list[Document | InputError] = []
        for item in items:
            batch.append(item)
            if len(batch) >= self.config.batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def process(self, doc: Document) -> Document:
        """Run every stage on one document; raise the first error."""
        result = next(self.run([doc]))
        if result.error is not None:
            raise result.error
        assert result.doc is not None
        return result.doc

    def _run_batch(self, items: list[Document | InputError]) -> list[Result]:
        results = [Result(origin=i.origin, error=i) if isinstance(i, InputError) else Result(origin=i.origin, doc=i)
                   for i in items]
        for info in self.stages:
            live = [r for r in results if r.ok]
            if not live:
                break
            t0 = time.perf_counter()
            if info.batch:
                self._batch_stage(info, live)
            else:
                for r in live:
                    self._one(info, r)
            self.timings[info.name] += time.perf_counter() - t0
        return results

    def _batch_stage(self, info: StageInfo, live: list[Result]) -> None:
        try:
            info.func([r.doc for r in live], self.ctx)
            for r in live:
                r.doc.done.append(info.name)  # type: ignore[union-attr]
        except Exception:  # one document broke the batch: redo them one by one to find it
            for r in live:
                self._one(info, r, as_batch=True)

    def _one(self, info: StageInfo, r: Result, as_batch: bool = False) -> None:
        doc = r.doc
        assert doc is not None
        try:
            info.func([doc] if as_batch else doc, self.ctx)
            doc.done.append(info.name)
        except InputError as err:
            r.error = err
        except WirewatchError as err:
            r.error = StageError(doc.id, doc.origin, info.name, err)
        except Exception as exc:  # noqa: BLE001 - isolate any failure to its document
            r.error = StageError(doc.id, doc.origin, info.name, exc)
            r.error.__cause__ = exc
        if r.error is not None:
            r.doc = None
