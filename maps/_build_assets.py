"""Hatchling build hook: install the map pages' browser assets from npm.

Leaflet and the other browser libraries are never committed to the repository.
They are pinned in ``maps/assets/package.json`` (exact versions, with
``package-lock.json``) and installed from the npm registry when a wheel or an
editable install is built, so the server can serve them itself and the pages
work without internet access.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class VendorAssetsBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    """Run ``npm ci`` in ``maps/assets`` unless its packages are already installed."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Install the pinned npm packages before the wheel's files are collected."""
        install_locked_packages(Path(self.root) / "maps" / "assets", "building launchmap")


def install_locked_packages(folder: Path, purpose: str) -> None:
    """Run ``npm ci`` in ``folder`` unless what its lock file pins is installed already.

    ``purpose`` names what needs the packages, for the error when npm is
    missing. Install scripts are never run: the packages are files to serve.
    """
    if _installed_matches_lock(folder):
        return
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError(
            f"{purpose} needs npm (Node.js) to install the browser assets pinned in "
            f"{folder / 'package-lock.json'}; install Node.js and npm, then retry"
        )
    subprocess.run(
        [npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--omit=dev"],
        cwd=folder,
        check=True,
    )


def _installed_matches_lock(assets_dir: Path) -> bool:
    """Tell whether ``node_modules`` already holds what the lock file pins.

    npm writes ``node_modules/.package-lock.json`` after an install; when it is
    newer than ``package-lock.json`` the install is current and is not redone.
    """
    lock = assets_dir / "package-lock.json"
    installed = assets_dir / "node_modules" / ".package-lock.json"
    return installed.is_file() and installed.stat().st_mtime >= lock.stat().st_mtime
