"""What a server runs with: database, write token, request limits; read from flags and environment."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from wirewatch.config import Config
from wirewatch.errors import ConfigError

TOKEN_ENV = "WIREWATCH_TOKEN"


@dataclass(frozen=True)
class ServeSettings:
    """Settings of one server process.

    Attributes:
        db: the store (a SQLite path, or a URL the store accepts).
        token: the bearer token that allows writes; None makes the server read-only.
        max_request_bytes: largest POST body accepted (413 above it).
        max_documents: most documents in one POST (422 above it).
        preload: load the extraction pipeline at start-up rather than on the first POST.
        config: the pipeline's configuration (None: the defaults).
    """

    db: str
    token: str | None = None
    max_request_bytes: int = 5_000_000
    max_documents: int = 100
    preload: bool = False
    config: Config | None = None

    @property
    def writable(self) -> bool:
        """Whether writes are possible at all (a token is configured)."""
        return bool(self.token)


def load_token(token_file: str | None = None) -> str | None:
    """The write token: the first line of ``token_file`` if given, else ``$WIREWATCH_TOKEN``, else None.

    Raises:
        ConfigError: the token file cannot be read or is empty.
    """
    if token_file:
        try:
            lines = Path(token_file).read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise ConfigError(f"token file {token_file}: cannot be read ({exc.strerror or exc})") from exc
        token = lines[0].strip() if lines else ""
        if not token:
            raise ConfigError(f"token file {token_file}: empty (put the token on its first line)")
        return token
    token = os.environ.get(TOKEN_ENV, "").strip()
    return token or None
