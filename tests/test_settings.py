import os
import subprocess
import sys

from django.conf import settings

from tests.conftest import ROOT


def manage(*args, env_extra):
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "PARLEY_PRODUCTION", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    env.update(env_extra)
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True)


def test_debug_is_off_unless_asked_for():
    assert settings.DEBUG is False


def test_production_settings_pass_the_deployment_checks():
    result = manage("check", "--deploy", "--fail-level", "WARNING",
                    env_extra={"PARLEY_PRODUCTION": "1", "SECRET_KEY": "x" * 20 + "-production-key-" + "y" * 40})
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", env_extra={"PARLEY_PRODUCTION": "1"})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_a_database_url_that_is_not_postgresql_is_refused():
    result = manage("check", env_extra={"DATABASE_URL": "sqlite:///db.sqlite3"})
    assert result.returncode != 0 and "PostgreSQL" in result.stderr
