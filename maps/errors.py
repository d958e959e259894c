"""Errors raised by the ``maps`` package (built-in exceptions refined)."""

from __future__ import annotations


class MapAssetsError(FileNotFoundError):
    """The browser assets a map page loads are not installed with launchmap."""
