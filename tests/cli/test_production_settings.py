"""Production settings: a random secret key kept in the data directory, and Django's deployment check clean with
the variables the README documents. Each case starts the command in a fresh process, as a server would."""

import os
import stat
import subprocess
import sys
from pathlib import Path

import sanphalang

SOURCE = str(Path(sanphalang.__file__).resolve().parent.parent)
PRODUCTION = {"SANPHALANG_HTTPS": "1", "SANPHALANG_ALLOWED_HOSTS": "sanphalang.example.org"}


def sanphalang_command(*args: str, data_dir: Path, **variables: str) -> subprocess.CompletedProcess:
    environment = {
        key: value
        for key, value in os.environ.items()
        # DJANGO_ALLOW_ASYNC_UNSAFE is set by the browser tests in the same worker; a deployment never has it
        if not key.startswith("SANPHALANG_")
        and key not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environment.update(PYTHONPATH=SOURCE, SANPHALANG_DATA_DIR=str(data_dir), **variables)
    return subprocess.run(
        [sys.executable, "-m", "sanphalang", *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def secret_key(data_dir: Path) -> str:
    shown = sanphalang_command(
        "shell", "-c", "from django.conf import settings; print(settings.SECRET_KEY)", data_dir=data_dir
    )
    assert shown.returncode == 0, shown.stderr
    return shown.stdout.strip().splitlines()[-1]


def test_without_a_key_a_random_one_is_made_once_and_kept_for_its_owner_only(tmp_path):
    # when the site starts twice with no SANPHALANG_SECRET_KEY, debug off
    first, second = secret_key(tmp_path), secret_key(tmp_path)
    # then both starts use one key, kept in the data directory, readable by its owner only
    key_file = tmp_path / "secret_key"
    assert first == second == key_file.read_text().strip()
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    # and it is no known key: another installation gets another one
    assert len(first) >= 50 and "development" not in first
    assert secret_key(tmp_path / "other") != first


def test_a_key_file_others_can_read_is_refused(tmp_path):
    secret_key(tmp_path)
    (tmp_path / "secret_key").chmod(0o644)
    shown = sanphalang_command("check", data_dir=tmp_path)
    assert shown.returncode != 0 and "chmod 600" in shown.stderr


def test_the_deployment_check_is_clean_with_the_documented_production_variables(tmp_path):
    checked = sanphalang_command(
        "check", "--deploy", "--fail-level", "WARNING", data_dir=tmp_path, **PRODUCTION
    )
    assert checked.returncode == 0, checked.stderr


def test_the_deployment_check_fails_without_https(tmp_path):
    # the demo's settings (plain HTTP on 127.0.0.1) are not a deployment, and the check says so
    checked = sanphalang_command("check", "--deploy", "--fail-level", "WARNING", data_dir=tmp_path)
    assert checked.returncode != 0
    assert "security.W008" in checked.stderr and "security.W012" in checked.stderr


def test_serve_trusts_the_proxy_for_the_clients_address_only_behind_https(settings):
    from sanphalang.ops.management.commands.serve import behind_proxy

    settings.HTTPS = False
    assert behind_proxy() == {}
    settings.HTTPS = True
    trusted = behind_proxy()
    assert trusted["trusted_proxy"] == settings.HTTPS_PROXY_ADDRESS == "127.0.0.1"
    assert trusted["trusted_proxy_headers"] == {"x-forwarded-for", "x-forwarded-proto"}
    assert trusted["clear_untrusted_proxy_headers"] is True
