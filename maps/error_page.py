"""The error page a browser gets instead of a JSON problem when a map address is wrong.

A reader who follows a link with a bad value (an inverted date range, a
misspelt event type) or a reporter who types an address should read what is
wrong in their language, with a way back to the map, rather than a raw JSON
answer. The API's clients still get ``application/problem+json`` (see
``api/errors.py``): the page is for requests that ask for HTML.
"""

from __future__ import annotations

from maps._templates import environment
from maps.messages import message


def render_error_page(status: int, detail: str, lang: str, home_url: str) -> str:
    """Render the error page: what went wrong (``detail``, escaped), in ``lang``, and a way back.

    Parameters
    ----------
    status
        The HTTP status of the answer (400, 404 …).
    detail
        What is wrong, naming the bad value (already in ``lang`` where launchmap
        wrote it).
    lang
        The page's language.
    home_url
        The map with no filters.
    """
    kind = "not_found" if status == 404 else "bad_address"
    return (
        environment()
        .get_template("error.html")
        .render(
            lang=lang,
            title=message(f"error.{kind}.title", lang),
            explanation=message(f"error.{kind}.explanation", lang),
            detail=detail,
            home_url=home_url,
            home=message("error.home", lang),
            status_text=message("error.status", lang, status=status),
        )
    )
