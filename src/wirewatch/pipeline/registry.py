"""Stages register themselves here with what they need and what they provide.

A stage is a function ``run(doc, ctx)`` that reads fields of a
:class:`~wirewatch.document.Document` and adds others. Registering it with
:func:`stage` states its contract, so that :func:`check_order` can refuse a pipeline in
which a stage runs before what it needs exists (as spaCy's ``Language.factory`` with
``requires`` / ``assigns``).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from wirewatch.errors import ConfigError

StageFunc = Callable[[Any, Any], None]


@dataclass(frozen=True)
class StageInfo:
    """A registered stage and its contract."""

    name: str
    func: StageFunc
    requires: tuple[str, ...]
    provides: tuple[str, ...]
    doc: str
    batch: bool = False  # func takes a list of documents instead of one


REGISTRY: dict[str, StageInfo] = {}


def stage(name: str, *, requires: Iterable[str] = (), provides: Iterable[str] = (),
          batch: bool = False) -> Callable[[StageFunc], StageFunc]:
    """Register a stage function under ``name``.

    Args:
        name: the stage's name, used in configuration and error messages.
        requires: document fields that must be provided by earlier stages.
        provides: document fields this stage fills.
        batch: the function takes a list of documents (for speed) instead of one.
    """

    def register(func: StageFunc) -> StageFunc:
        REGISTRY[name] = StageInfo(name, func, tuple(requires), tuple(provides), (func.__doc__ or "").strip(), batch)
        return func

    return register


def check_order(names: Iterable[str], given: Iterable[str] = ("id", "text")) -> list[StageInfo]:
    """The registered stages for ``names``, after checking each one's needs are met in order.

    Raises:
        ConfigError: a name is not registered, or a stage needs a field no earlier stage provides.
    """
    have, out = set(given), []
    for name in names:
        if name not in REGISTRY:
            raise ConfigError(f"unknown stage {name!r} (known: {', '.join(sorted(REGISTRY))})")
        info = REGISTRY[name]
        missing = [r for r in info.requires if r not in have]
        if missing:
            raise ConfigError(f"stage {name!r} needs {', '.join(missing)}, which no earlier stage provides")
        have.update(info.provides)
        out.append(info)
    return out
