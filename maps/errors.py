"""Errors raised by the ``maps`` package (built-in exceptions refined)."""

from __future__ import annotations


class MapAssetsError(FileNotFoundError):
    """The browser assets a map page loads are not installed with launchmap."""


class MapViewError(ValueError):
    """A map filter or view (dates, event types, centre, zoom) has a bad value."""
