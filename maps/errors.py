"""Errors raised by the ``maps`` package (built-in exceptions refined)."""

from __future__ import annotations


class MapAssetsError(FileNotFoundError):
    """The browser assets a map page loads are not installed with launchmap."""


class MapViewError(ValueError):
    """A map filter, view, caption or image option has a bad value.

    It is raised with the name of a message (``error.*`` in the catalogues)
    and the fields that fill it, so that an error page can say it in the
    reader's language; as a string it is the English message.
    """

    def __init__(self, key: str, **fields: object) -> None:
        from maps.messages import message  # the catalogue module raises this error itself

        self.key = key
        self.fields = fields
        super().__init__(message(key, "en", **fields))

    def translated(self, language: str) -> str:
        """Return the message in ``language``."""
        from maps.messages import message

        return message(self.key, language, **self.fields)
