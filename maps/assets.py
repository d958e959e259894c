"""The browser assets map pages load, served locally, from a CDN, or inlined.

Leaflet and any other browser library are npm packages pinned in
``maps/assets/package.json`` and installed into ``maps/assets/node_modules``
when launchmap is built (see ``maps/_build_assets.py``). A page can load them:

- ``local``: from the launchmap server itself (``/assets/vendor/...``), so it
  works with no internet access;
- ``cdn``: from unpkg.com, at the same pinned versions;
- ``inline``: copied into the page, for a standalone HTML file.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path

from maps.errors import MapAssetsError

ASSETS_DIR = Path(__file__).resolve().parent / "assets"
VENDOR_DIR = ASSETS_DIR / "node_modules"
LOCAL_PREFIX = "/assets/vendor"
CDN_ROOT = "https://unpkg.com"
_CLOSING_TAG = re.compile(r"</(script|style)", re.IGNORECASE)
_CSS_IMAGE = re.compile(r"""url\(['"]?((?:images/)?[A-Za-z0-9_.-]+\.(png|svg))['"]?\)""")
_IMAGE_TYPES = {"png": "image/png", "svg": "image/svg+xml"}


class AssetMode(StrEnum):
    """Where a page loads its browser assets from."""

    LOCAL = "local"
    CDN = "cdn"
    INLINE = "inline"


@dataclass(frozen=True)
class VendorFile:
    """One file of an npm package that map pages load."""

    package: str
    path: str

    @property
    def kind(self) -> str:
        """Return ``"js"`` or ``"css"``, from the file's suffix."""
        return self.path.rsplit(".", 1)[-1]


CORE_FILES = (
    VendorFile("leaflet", "dist/leaflet.css"),
    VendorFile("leaflet", "dist/leaflet.js"),
    VendorFile("supercluster", "dist/supercluster.min.js"),
)
"""What every map page loads before its script, in loading order (Leaflet first)."""
PLUGINS: dict[str, tuple[VendorFile, VendorFile]] = {
    "fullscreen": (
        VendorFile("leaflet.fullscreen", "Control.FullScreen.css"),
        VendorFile("leaflet.fullscreen", "Control.FullScreen.js"),
    ),
    "minimap": (
        VendorFile("leaflet-minimap", "dist/Control.MiniMap.min.css"),
        VendorFile("leaflet-minimap", "dist/Control.MiniMap.min.js"),
    ),
}
"""Leaflet plugins (styles, script) a page loads only once it is drawn, and only if it uses them."""
PLUGIN_FILES = tuple(file for files in PLUGINS.values() for file in files)
PAGE_FILES = CORE_FILES + PLUGIN_FILES
"""Every browser file a map page may load (Leaflet before its plugins)."""
API_DOCS_FILES = (
    VendorFile("swagger-ui-dist", "swagger-ui-bundle.js"),
    VendorFile("swagger-ui-dist", "swagger-ui.css"),
    VendorFile("swagger-ui-dist", "favicon-32x32.png"),
)
"""The files of the API's interactive documentation page (Swagger UI), served locally."""


@cache
def pinned_versions() -> dict[str, str]:
    """Return the exact npm versions the map pages are built and tested with."""
    manifest = json.loads((ASSETS_DIR / "package.json").read_text(encoding="utf-8"))
    return dict(manifest["dependencies"])


def vendor_file_path(file: VendorFile) -> Path:
    """Return the installed path of a vendor file.

    Raises
    ------
    MapAssetsError
        When the npm packages were not installed with launchmap.
    """
    path = VENDOR_DIR / file.package / file.path
    if not path.is_file():
        raise MapAssetsError(
            f"map asset {file.package}/{file.path} is not installed (looked in {VENDOR_DIR}); "
            "reinstall launchmap with npm available, or use CDN assets"
        )
    return path


def asset_url(file: VendorFile, mode: AssetMode, prefix: str = LOCAL_PREFIX) -> str:
    """Return the address a page loads ``file`` from, in ``local`` or ``cdn`` mode."""
    if mode is AssetMode.CDN:
        return f"{CDN_ROOT}/{file.package}@{pinned_versions()[file.package]}/{file.path}"
    return f"{prefix.rstrip('/')}/{file.package}/{file.path}"


@cache
def integrity(file: VendorFile) -> str:
    """Return the Subresource Integrity value of a vendor file (``sha384-…``).

    The CDN serves the npm package's own files, byte for byte the ones
    installed here, so a page that loads them from the CDN can pin them.
    """
    digest = hashlib.sha384(vendor_file_path(file).read_bytes()).digest()
    return "sha384-" + base64.b64encode(digest).decode("ascii")


def inline_text(file: VendorFile) -> str:
    r"""Return a vendor file's text for inlining in a page, made safe for its element.

    CSS images become data: URIs (the page has no folder beside it), and any
    ``</script`` or ``</style`` is broken up so the text cannot end its element
    early (``<\/`` means the same inside JavaScript and CSS strings).
    """
    path = vendor_file_path(file)
    text = path.read_text(encoding="utf-8")
    if file.kind == "css":
        text = _CSS_IMAGE.sub(
            lambda match: f'url("{_data_uri(path.parent / match[1], match[2])}")', text
        )
    return safe_in_element(text)


def safe_in_element(text: str) -> str:
    r"""Break up any ``</script`` or ``</style`` in JavaScript or CSS text (as ``<\/``).

    ``<\/`` means the same inside JavaScript and CSS strings, and the text can
    no longer end the element it is inlined in.
    """
    return _CLOSING_TAG.sub(r"<\\/\1", text)


def vendor_copies() -> list[tuple[Path, str]]:
    """Return every vendor file a page needs beside it: (installed path, path under the prefix).

    The page files and the images their styles refer to, for a folder that
    serves them itself (a static publish).
    """
    copies = []
    for file in PAGE_FILES:
        path = vendor_file_path(file)
        copies.append((path, f"{file.package}/{file.path}"))
        if file.kind == "css":
            folder = file.path.rpartition("/")[0]
            for match in _CSS_IMAGE.finditer(path.read_text(encoding="utf-8")):
                relative = f"{folder}/{match[1]}" if folder else match[1]
                copies.append((path.parent / match[1], f"{file.package}/{relative}"))
    return sorted(set(copies))


def _data_uri(image: Path, suffix: str) -> str:
    """Encode a PNG or SVG file as a data: URI."""
    encoded = base64.b64encode(image.read_bytes()).decode("ascii")
    return f"data:{_IMAGE_TYPES[suffix]};base64,{encoded}"
