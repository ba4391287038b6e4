"""``wirewatch serve``: an HTTP API and a web page over the store, in one ASGI process.

The web layer is thin: the routes call the library (``wirewatch.api`` to extract,
``wirewatch.store`` to store and query) and turn its errors into JSON with a status code.
"""
from wirewatch.serve.app import create_app
from wirewatch.serve.settings import ServeSettings

__all__ = ["ServeSettings", "create_app"]
