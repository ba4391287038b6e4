"""Configuration: the commented defaults in ``default.cfg`` with user settings layered over them."""
from __future__ import annotations

import configparser
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from wirewatch.errors import ConfigError


@dataclass(frozen=True)
class Config:
    """The settings wirewatch runs with (see ``default.cfg`` for what each one means)."""

    stages: tuple[str, ...]
    batch_size: int
    model: str
    max_bytes: int
    min_words_for_language: int
    min_english_ratio: float
    db: str
    event_threshold: float
    party_threshold: float
    event_model: str = "linear"  # the trigger model: "linear" or "encoder"
    workers: int = 0  # worker processes; 0 means one per CPU core


def default_text() -> str:
    """The text of the commented default configuration."""
    return resources.files("wirewatch").joinpath("default.cfg").read_text(encoding="utf-8")


def load_config(path: str | Path | None = None) -> Config:
    """The default configuration, with the settings in ``path`` (an INI file) over it.

    Raises:
        ConfigError: the file cannot be read or a value has the wrong type.
    """
    cp = configparser.ConfigParser()
    cp.read_string(default_text())
    if path is not None:
        try:
            extra = Path(path).read_text(encoding="utf-8")
            cp.read_string(extra)
        except (OSError, configparser.Error) as exc:
            raise ConfigError(f"config {path}: {exc}") from exc
    try:
        return Config(
            stages=tuple(cp.get("pipeline", "stages").split()),
            batch_size=cp.getint("pipeline", "batch_size"),
            model=cp.get("pipeline", "model"),
            max_bytes=cp.getint("ingest", "max_bytes"),
            min_words_for_language=cp.getint("ingest", "min_words_for_language"),
            min_english_ratio=cp.getfloat("ingest", "min_english_ratio"),
            db=cp.get("store", "db"),
            event_threshold=cp.getfloat("events", "threshold"),
            party_threshold=cp.getfloat("events", "party_threshold"),
            event_model=_choice(cp.get("events", "model"), ("linear", "encoder"), "events.model"),
            workers=cp.getint("pipeline", "workers"),
        )
    except (ValueError, configparser.Error) as exc:
        raise ConfigError(f"config {path or 'default.cfg'}: {exc}") from exc


def _choice(value: str, allowed: tuple[str, ...], name: str) -> str:
    if value not in allowed:
        raise ValueError(f"{name} = {value!r}: expected one of {', '.join(allowed)}")
    return value
