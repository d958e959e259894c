"""One table from launchmap's errors to HTTP statuses, answered as problem+json (RFC 9457).

Every error response is ``application/problem+json`` with a ``detail`` that
names the bad value, whichever layer raised it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
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
from maps.errors import MapAssetsError, MapViewError

PROBLEM_MEDIA_TYPE = "application/problem+json"


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


def install_error_handlers(app: FastAPI) -> None:
    """Answer every mapped error, HTTP error and bad parameter as problem+json."""
    for error_type, status in STATUS_BY_ERROR.items():
        app.add_exception_handler(error_type, _handler_for(status))
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _bad_request)


def _handler_for(status: HTTPStatus) -> Callable[[Request, Exception], Awaitable[JSONResponse]]:
    """Return a handler that answers an error with ``status`` and the error's message."""

    async def handle(request: Request, error: Exception) -> JSONResponse:
        return problem(status, str(error), request.url.path)

    return handle


async def _http_error(request: Request, error: Exception) -> JSONResponse:
    """Answer Starlette's HTTP errors (404 for unknown paths, 405 …) as problem+json.

    Their headers go along: a 405 keeps the ``Allow`` header that lists the methods.
    """
    assert isinstance(error, HTTPException)
    return problem(error.status_code, str(error.detail), request.url.path, error.headers)


async def _bad_request(request: Request, error: Exception) -> JSONResponse:
    """Answer invalid parameters with 400, naming each parameter and the value sent."""
    assert isinstance(error, RequestValidationError)
    details = [
        f"{'.'.join(str(part) for part in item['loc'][1:]) or item['loc'][0]}: "
        f"{item['msg']} (got {item.get('input')!r})"
        for item in error.errors()
    ]
    return problem(HTTPStatus.BAD_REQUEST, "; ".join(details), request.url.path)
