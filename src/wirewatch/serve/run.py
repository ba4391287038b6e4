"""Start the server: uvicorn on one loopback port by default, the app built from the settings."""
from __future__ import annotations

import sys

from wirewatch.serve.access import open_store
from wirewatch.serve.app import create_app
from wirewatch.serve.settings import ServeSettings


def describe(settings: ServeSettings, host: str, port: int) -> str:
    """One line telling what is served where, and whether writes are possible."""
    with open_store(settings.db) as store:
        docs = store.count("documents") if hasattr(store, "count") else "?"
    mode = "writes need the bearer token" if settings.writable else "read-only (no WIREWATCH_TOKEN or --token-file)"
    return f"wirewatch: serving {settings.db} ({docs} documents) on http://{host}:{port}/ ; {mode}"


def serve(settings: ServeSettings, host: str = "127.0.0.1", port: int = 8000, log_level: str = "info") -> None:
    """Run the server until interrupted.

    Raises:
        wirewatch.errors.StoreError: the database cannot be opened.
    """
    import uvicorn

    print(describe(settings, host, port), file=sys.stderr, flush=True)
    uvicorn.run(create_app(settings), host=host, port=port, log_level=log_level, server_header=False)
