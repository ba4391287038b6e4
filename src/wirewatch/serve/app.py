"""The ASGI application: the JSON API, the web page, offline API docs, errors as JSON."""
from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

import wirewatch
from wirewatch.errors import StoreError, WirewatchError
from wirewatch.serve import api, web
from wirewatch.serve.errors import ApiError
from wirewatch.serve.settings import ServeSettings
from wirewatch.serve.state import ServerState
from wirewatch.serve.stories import StoryAPI

HERE = Path(__file__).parent


def create_app(settings: ServeSettings, stories: StoryAPI | None = None, find_stories: bool = True) -> FastAPI:
    """The wirewatch web application for ``settings``.

    Args:
        settings: database, token, limits.
        stories: a story API to use (tests); by default it is looked up in ``wirewatch.stories``.
        find_stories: look up ``wirewatch.stories`` when ``stories`` is None.
    """
    st = ServerState(settings, stories, find_stories)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if settings.preload and settings.writable:
            await st.extractor.preload()
        yield
        st.pool.close_all()

    app = FastAPI(title="wirewatch", version=wirewatch.__version__, lifespan=lifespan,
                  description="News reports in, verifiable event records out (wirewatch/1).",
                  docs_url=None, redoc_url=None)
    app.state.wirewatch = st
    app.include_router(api.router)
    app.include_router(web.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.mount("/docs-assets", StaticFiles(directory=_swagger_assets()), name="docs-assets")
    app.add_api_route("/docs", _docs, include_in_schema=False, response_class=HTMLResponse)
    _error_handlers(app)
    return app


def _swagger_assets() -> Path:
    import fastapi_offline  # ships Swagger UI's JavaScript and CSS, so /docs needs no CDN

    return Path(fastapi_offline.__file__).parent / "static"


def _docs() -> HTMLResponse:
    return get_swagger_ui_html(openapi_url="/openapi.json", title="wirewatch API",
                               swagger_js_url="/docs-assets/swagger-ui-bundle.js",
                               swagger_css_url="/docs-assets/swagger-ui.css",
                               swagger_favicon_url="/docs-assets/favicon.png")


def error_body(status: int, message: str, **extra: Any) -> dict[str, Any]:
    """The JSON of every error answer."""
    return {"error": message, "status": status, **extra}


def _error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(error_body(exc.status, exc.message, **exc.extra), exc.status, headers=exc.headers)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else "request refused"
        if exc.status_code == 404 and exc.detail == "Not Found":
            message = f"no such path: {request.url.path} (the API is under /api, its docs at /docs)"
        return JSONResponse(error_body(exc.status_code, message), exc.status_code, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        parts = ["{}: {}".format(".".join(str(x) for x in e.get("loc", ())), e.get("msg")) for e in exc.errors()]
        return JSONResponse(error_body(422, "invalid request: " + "; ".join(parts),
                                       details=jsonable_encoder(exc.errors(), exclude={"ctx", "input"})), 422)

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> JSONResponse:
        return JSONResponse(error_body(503, f"store unavailable: {exc}"), 503)

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> JSONResponse:
        return JSONResponse(error_body(500, f"internal error ({type(exc).__name__}); see the server log"), 500)

    @app.exception_handler(WirewatchError)
    async def wirewatch_error(request: Request, exc: WirewatchError) -> JSONResponse:
        return JSONResponse(error_body(500, f"{type(exc).__name__}: {exc}"), 500)
