"""The one configuration class every part of launchmap agrees on.

Values come from ``LAUNCHMAP_*`` environment variables
when :class:`Settings` is instantiated, never at import; the command line
overrides them with its flags.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import AnyHttpUrl, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from geo.store import default_data_dir

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
"""The Host names a server answers by default: this machine's own."""


class Settings(BaseSettings):
    """launchmap's settings, read from ``LAUNCHMAP_``-prefixed environment variables."""

    model_config = SettingsConfigDict(env_prefix="LAUNCHMAP_", extra="ignore")

    data_dir: Path = Field(
        default_factory=default_data_dir,
        description="Folder of the embedded GeoPackage store (launchmap.gpkg).",
    )
    database_url: SecretStr | None = Field(
        default=None,
        description="postgresql:// address of a PostGIS database to use instead of the file store "
        "(kept out of logs: it may hold a password).",
    )
    write_tokens: list[SecretStr] = Field(
        default_factory=list,
        description="JSON list of bearer tokens allowed to write; empty means read-only.",
    )
    assets: Literal["local", "cdn"] = Field(
        default="local", description="Serve Leaflet and other browser assets locally or from a CDN."
    )
    online_geocoding: bool = Field(
        default=False,
        description="Ask OpenStreetMap's Nominatim for names the gazetteer lacks (cached, 1/s).",
    )
    seed: bool = Field(
        default=True, description="Fill a newly created store with the bundled sample incidents."
    )
    cors_origins: list[str] = Field(
        default_factory=list,
        description="JSON list of origins allowed to call the API from a browser; none by default.",
    )
    max_body_bytes: int = Field(
        default=5_000_000, ge=1, description="Largest request body accepted, in bytes."
    )
    write_rate_per_minute: int = Field(
        default=600, ge=1, description="Writes and extractions one client may make a minute."
    )
    public_url: AnyHttpUrl | None = Field(
        default=None,
        description="The address readers reach this server at (https://maps.example.org/launchmap):"
        " absolute links, Location headers and embed snippets are built from it.",
    )
    allowed_hosts: list[str] = Field(
        default_factory=lambda: list(LOCAL_HOSTS),
        description="JSON list of Host header names the server answers when public_url is unset;"
        " links are built from the request's Host, so others are refused (400). '*' allows any.",
    )
    forwarded_allow_ips: list[str] = Field(
        default_factory=list,
        description="JSON list of proxy addresses whose X-Forwarded-For/-Proto headers are"
        " trusted; none by default, so no client can claim another address.",
    )
    feed_contact: str | None = Field(
        default=None,
        max_length=200,
        pattern=r"^[^\x00-\x1f()]*$",
        description="An e-mail or web address for feed publishers to reach you, "
        "added to the feed reader's User-Agent.",
    )
    cache_max_age_s: int = Field(
        default=60,
        ge=0,
        description="Seconds a browser or CDN may keep a page, its data or an image before it "
        "asks again (with the ETag: 304 when nothing changed).",
    )
    cache_max_bytes: int = Field(
        default=128_000_000,
        ge=0,
        description="Bytes of built pages, images and hotspots each server process keeps.",
    )
    default_limit: int = Field(default=100, ge=1, description="Items per page when none is asked.")
    max_limit: int = Field(default=10_000, ge=1, description="Most items one page may hold.")

    def database_address(self) -> str | None:
        """Return the PostGIS database's address to connect to, or None for the file store."""
        return self.database_url.get_secret_value() if self.database_url else None
