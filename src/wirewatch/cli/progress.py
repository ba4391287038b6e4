"""A progress bar on stderr for long runs, only when stderr is a terminal."""
from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def progress(items: Iterable[T], quiet: bool = False) -> Iterator[T]:
    """Yield ``items``, drawing a documents-per-second bar on stderr if it is a terminal."""
    if quiet or not sys.stderr.isatty():
        yield from items
        return
    from tqdm import tqdm

    with tqdm(items, unit="doc", file=sys.stderr, dynamic_ncols=True, leave=False) as bar:
        yield from bar
