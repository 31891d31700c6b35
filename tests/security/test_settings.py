"""Production settings: what RightsLens runs with when RIGHTSLENS_DEBUG=0."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NAMES = [
    "DEBUG",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "X_FRAME_OPTIONS",
]


def _settings_with(env: dict[str, str], tmp_path: Path) -> dict[str, object]:
    """Import the settings module in a fresh interpreter with this environment."""
    script = (
        "import json, rightslens.settings as s; "
        f"print(json.dumps({{n: getattr(s, n, None) for n in {NAMES!r}}}))"
    )
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("RIGHTSLENS_") and k != "DATABASE_URL"
    }
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=clean | {"RIGHTSLENS_VAR_DIR": str(tmp_path)} | env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_cookies_are_secure_only_and_https_is_enforced(tmp_path):
    prod = _settings_with({"RIGHTSLENS_DEBUG": "0"}, tmp_path)
    assert prod["DEBUG"] is False
    assert prod["SESSION_COOKIE_SECURE"] is True
    assert prod["CSRF_COOKIE_SECURE"] is True
    assert prod["SESSION_COOKIE_HTTPONLY"] is True
    assert prod["SECURE_SSL_REDIRECT"] is True
    assert prod["SECURE_HSTS_SECONDS"] >= 31536000
    assert prod["SECURE_CONTENT_TYPE_NOSNIFF"] is True
    assert prod["X_FRAME_OPTIONS"] == "DENY"


def test_debug_is_off_unless_asked_for(tmp_path):
    assert _settings_with({}, tmp_path)["DEBUG"] is False


def test_debug_stays_on_plain_http_for_local_work(tmp_path):
    dev = _settings_with({"RIGHTSLENS_DEBUG": "1"}, tmp_path)
    assert dev["DEBUG"] is True
    assert not dev["SECURE_SSL_REDIRECT"]


def test_make_run_turns_debug_on():
    makefile = (ROOT / "Makefile").read_text()
    assert "run: export RIGHTSLENS_DEBUG = 1" in makefile


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    # Browser tests in the same run set DJANGO_ALLOW_ASYNC_UNSAFE; a deployment never would.
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("RIGHTSLENS_") and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    env = clean | {
        "RIGHTSLENS_VAR_DIR": str(tmp_path),
        "RIGHTSLENS_ALLOWED_HOSTS": "rightslens.example.org",
        "DJANGO_SETTINGS_MODULE": "rightslens.settings",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_the_sqlite_file_is_created_private(tmp_path):
    _settings_with({}, tmp_path)
    assert (tmp_path / "rightslens.sqlite3").stat().st_mode & 0o077 == 0


def test_a_missing_secret_key_is_generated_privately_not_hard_coded(tmp_path):
    _settings_with({"RIGHTSLENS_DEBUG": "0"}, tmp_path)
    key_file = tmp_path / "secret_key"
    assert len(key_file.read_text().strip()) >= 50
    assert key_file.stat().st_mode & 0o077 == 0
