"""Settings come from LAUNCHMAP_ variables when instantiated, never at import."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from api.settings import Settings
from geo.store import default_data_dir


def test_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DATA_DIR", "DATABASE_URL", "WRITE_TOKENS", "ASSETS", "SEED"):
        monkeypatch.delenv(f"LAUNCHMAP_{name}", raising=False)
    settings = Settings()
    assert settings.data_dir == default_data_dir()
    assert settings.database_url is None
    assert settings.write_tokens == []
    assert settings.assets == "local"
    assert settings.seed is True


def test_environment_is_read_when_settings_are_made(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("LAUNCHMAP_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("LAUNCHMAP_WRITE_TOKENS", '["alpha", "beta"]')
    monkeypatch.setenv("LAUNCHMAP_ASSETS", "cdn")
    monkeypatch.setenv("LAUNCHMAP_SEED", "false")
    settings = Settings()
    assert settings.data_dir == tmp_path
    assert [token.get_secret_value() for token in settings.write_tokens] == ["alpha", "beta"]
    assert "alpha" not in repr(settings)  # tokens never show in logs
    assert settings.assets == "cdn" and settings.seed is False


def test_the_database_address_is_read_and_kept_out_of_logs(monkeypatch: pytest.MonkeyPatch) -> None:
    url = "postgresql://launchmap:pa55word@db.example:5432/launchmap"
    monkeypatch.setenv("LAUNCHMAP_DATABASE_URL", url)
    settings = Settings()
    assert settings.database_address() == url
    assert "pa55word" not in repr(settings) and "pa55word" not in str(settings.model_dump())


@pytest.mark.parametrize(
    ("name", "value"), [("ASSETS", "ftp"), ("WRITE_TOKENS", "not-json"), ("SEED", "perhaps")]
)
def test_bad_values_are_refused_naming_the_setting(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    monkeypatch.setenv(f"LAUNCHMAP_{name}", value)
    with pytest.raises((ValidationError, ValueError)) as raised:
        Settings()
    assert name.lower() in str(raised.value).lower()


def test_importing_the_app_reads_no_environment(tmp_path: Path) -> None:
    code = "import api.app, api.cli; print('ok')"
    env = {"LAUNCHMAP_ASSETS": "not-a-mode", "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
