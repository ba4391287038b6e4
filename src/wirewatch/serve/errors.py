"""The error the routes raise: an HTTP status and one message, answered as JSON."""
from __future__ import annotations

from typing import Any


class ApiError(Exception):
    """A request the server refuses, with the status code and a message saying what to do.

    Attributes:
        status: the HTTP status code.
        message: what was wrong.
        headers: extra response headers (``WWW-Authenticate`` for 401).
        extra: more fields of the JSON answer (the per-document errors of a refused POST).
    """

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None,
                 extra: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.headers, self.extra = status, message, headers or {}, extra or {}
