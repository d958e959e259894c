"""The one configuration class every part of launchmap agrees on.

Values come from ``LAUNCHMAP_*`` environment variables
when :class:`Settings` is instantiated, never at import; the command line
overrides them with its flags.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from geo.store import default_data_dir


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
    default_limit: int = Field(default=100, ge=1, description="Items per page when none is asked.")
    max_limit: int = Field(default=10_000, ge=1, description="Most items one page may hold.")

    def database_address(self) -> str | None:
        """Return the PostGIS database's address to connect to, or None for the file store."""
        return self.database_url.get_secret_value() if self.database_url else None
