"""The package's templates: one Jinja2 environment (every value escaped) and their raw text."""

from __future__ import annotations

from functools import cache
from importlib import resources

from jinja2 import Environment, PackageLoader, select_autoescape


@cache
def environment() -> Environment:
    """Return the template environment: every value is HTML-escaped unless marked safe."""
    return Environment(
        loader=PackageLoader("maps", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


@cache
def template_text(name: str) -> str:
    """Read one of the package's template files (a script or styles served or inlined as is)."""
    return resources.files("maps").joinpath("templates", name).read_text("utf-8")
