"""Bearer-token authorisation for writes: reads stay public.

Tokens come from ``LAUNCHMAP_WRITE_TOKENS`` (a JSON list). A request that
writes must carry ``Authorization: Bearer <token>``; the token is compared
with every configured one in constant time, so timing tells nothing about it.
With no tokens configured the API is read-only.
"""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from api.deps import get_settings
from api.errors import NotAuthenticatedError, ReadOnlyError
from api.settings import Settings

BEARER = HTTPBearer(
    auto_error=False,
    scheme_name="writeToken",
    description="One of the tokens of LAUNCHMAP_WRITE_TOKENS; only writes need one.",
)
"""Declares the bearer scheme in the OpenAPI document; require_writer does the checking."""


def require_writer(
    request: Request,
    settings: Annotated[Settings, Depends(get_settings)],
    _credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(BEARER)],
) -> None:
    """Let the request through only with a configured bearer token.

    Raises
    ------
    ReadOnlyError
        When no write tokens are configured (403).
    NotAuthenticatedError
        When the header is missing, not a bearer token, or not a configured one (401).
    """
    if not settings.write_tokens:
        raise ReadOnlyError("this API is read-only: no write tokens are configured")
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise NotAuthenticatedError("writing needs an 'Authorization: Bearer <token>' header")
    offered = token.strip().encode()
    matches = [
        hmac.compare_digest(offered, known.get_secret_value().encode())
        for known in settings.write_tokens
    ]
    if not any(matches):
        raise NotAuthenticatedError("the bearer token is not one allowed to write")


Writer = Annotated[None, Depends(require_writer)]
"""A route parameter that makes the route need a write token."""
