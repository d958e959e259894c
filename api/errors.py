"""One table from launchmap's errors to HTTP statuses, answered as problem+json (RFC 9457).

Every error response is ``application/problem+json`` with a ``detail`` that
names the bad value, whichever layer raised it; except that a browser asking
for HTML on a reporter's or reader's page (the map, the embed, its builder
and snippet, the images) gets an error page saying the same in the page's
language (``?lang=``, else ``Accept-Language``), with a link back to the map.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.exceptions import HTTPException

from geo.errors import (
    BundledDataError,
    IncidentNotFoundError,
    InvalidClusterParamsError,
    InvalidIncidentError,
    InvalidPlaceQueryError,
    InvalidQueryError,
    StoreError,
    UnsupportedFormatError,
)
from maps.error_page import render_error_page
from maps.errors import MapAssetsError, MapViewError
from maps.messages import LANGUAGES, choose_language

PROBLEM_MEDIA_TYPE = "application/problem+json"
PAGE_PATHS = frozenset(
    {"/map", "/embed", "/embed/builder", "/embed/snippet", "/map.png", "/chart.png"}
)
"""Paths whose errors a browser asking for HTML reads as a page."""


class UnknownCollectionError(LookupError):
    """A collection id the API does not serve."""


class BadBodyError(ValueError):
    """A request body that is not the document the endpoint takes."""


class ConflictingIncidentError(ValueError):
    """A create whose id is stored already with other content (answered 409: use PUT)."""


class NotAuthenticatedError(PermissionError):
    """A write without a valid bearer token (answered 401 with a Bearer challenge)."""


class ReadOnlyError(PermissionError):
    """A write to an API that has no write tokens configured (answered 403)."""


STATUS_BY_ERROR: dict[type[Exception], HTTPStatus] = {
    UnknownCollectionError: HTTPStatus.NOT_FOUND,
    BadBodyError: HTTPStatus.BAD_REQUEST,
    ConflictingIncidentError: HTTPStatus.CONFLICT,
    NotAuthenticatedError: HTTPStatus.UNAUTHORIZED,
    ReadOnlyError: HTTPStatus.FORBIDDEN,
    InvalidQueryError: HTTPStatus.BAD_REQUEST,
    InvalidClusterParamsError: HTTPStatus.BAD_REQUEST,
    InvalidPlaceQueryError: HTTPStatus.BAD_REQUEST,
    UnsupportedFormatError: HTTPStatus.BAD_REQUEST,
    InvalidIncidentError: HTTPStatus.UNPROCESSABLE_ENTITY,
    IncidentNotFoundError: HTTPStatus.NOT_FOUND,
    StoreError: HTTPStatus.SERVICE_UNAVAILABLE,
    BundledDataError: HTTPStatus.INTERNAL_SERVER_ERROR,
    MapAssetsError: HTTPStatus.INTERNAL_SERVER_ERROR,
    MapViewError: HTTPStatus.BAD_REQUEST,
}


def problem(
    status: HTTPStatus | int,
    detail: str,
    instance: str,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    """Build an ``application/problem+json`` response (with a Bearer challenge on 401).

    ``headers`` are added to the response, e.g. the ``Allow`` header of a 405.
    """
    status = HTTPStatus(status)
    body = {"type": "about:blank", "title": status.phrase, "status": status.value}
    body |= {"detail": detail, "instance": instance}
    headers = dict(headers or {})
    if status == 401:
        headers["WWW-Authenticate"] = 'Bearer realm="launchmap"'
    return JSONResponse(
        body, status_code=status.value, media_type=PROBLEM_MEDIA_TYPE, headers=headers
    )


def answer_error(
    request: Request,
    status: HTTPStatus | int,
    detail: str,
    error: Exception | None = None,
    headers: Mapping[str, str] | None = None,
) -> HTMLResponse | JSONResponse:
    """Answer an error as problem+json, or as an error page to a browser on a map page.

    A :class:`~maps.errors.MapViewError` is said in the page's language;
    other details as they are.
    """
    if not _wants_page(request):
        return problem(status, detail, request.url.path, headers)
    asked = request.query_params.get("lang")
    lang = choose_language(
        asked if asked in LANGUAGES else None, request.headers.get("accept-language")
    )
    said = error.translated(lang) if isinstance(error, MapViewError) else detail
    root = request.scope.get("root_path", "")
    page = render_error_page(int(status), said, lang, f"{root}/map")
    return HTMLResponse(page, status_code=int(status), headers=dict(headers or {}))


def _wants_page(request: Request) -> bool:
    """Tell whether the request is a browser's for a map page (it accepts HTML, JSON not first)."""
    root = request.scope.get("root_path", "")
    path = request.url.path.removeprefix(root) if root else request.url.path
    accept = request.headers.get("accept", "")
    return path in PAGE_PATHS and "text/html" in accept and not accept.startswith("application/")


def install_error_handlers(app: FastAPI) -> None:
    """Answer every mapped error, HTTP error and bad parameter as problem+json."""
    for error_type, status in STATUS_BY_ERROR.items():
        app.add_exception_handler(error_type, _handler_for(status))
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _bad_request)


def _handler_for(
    status: HTTPStatus,
) -> Callable[[Request, Exception], Awaitable[HTMLResponse | JSONResponse]]:
    """Return a handler that answers an error with ``status`` and the error's message."""

    async def handle(request: Request, error: Exception) -> HTMLResponse | JSONResponse:
        return answer_error(request, status, str(error), error)

    return handle


async def _http_error(request: Request, error: Exception) -> HTMLResponse | JSONResponse:
    """Answer Starlette's HTTP errors (404 for unknown paths, 405 …) as problem+json.

    Their headers go along: a 405 keeps the ``Allow`` header that lists the methods.
    """
    assert isinstance(error, HTTPException)
    return answer_error(request, error.status_code, str(error.detail), error, error.headers)


async def _bad_request(request: Request, error: Exception) -> HTMLResponse | JSONResponse:
    """Answer invalid parameters with 400, naming each parameter and the value sent."""
    assert isinstance(error, RequestValidationError)
    details = [
        f"{'.'.join(str(part) for part in item['loc'][1:]) or item['loc'][0]}: "
        f"{item['msg']} (got {item.get('input')!r})"
        for item in error.errors()
    ]
    return answer_error(request, HTTPStatus.BAD_REQUEST, "; ".join(details), error)
