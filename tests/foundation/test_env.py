import pytest
from django.core.exceptions import ImproperlyConfigured

from interpol_portal.env import env_bool, env_choice, env_int, env_list, parse_database_url


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("1", True),
        ("true", True),
        ("YES", True),
        ("on", True),
        ("0", False),
        ("false", False),
        ("no", False),
        ("", False),
    ],
)
def test_env_bool_reads_the_usual_spellings(monkeypatch, raw, expected):
    monkeypatch.setenv("X_FLAG", raw)
    assert env_bool("X_FLAG") is expected


def test_env_bool_fails_fast_on_a_bad_value(monkeypatch):
    monkeypatch.setenv("X_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="X_FLAG"):
        env_bool("X_FLAG")


def test_env_bool_default_when_unset(monkeypatch):
    monkeypatch.delenv("X_FLAG", raising=False)
    assert env_bool("X_FLAG", True) is True


def test_env_int_rejects_text_and_values_below_minimum(monkeypatch):
    monkeypatch.setenv("X_NUMBER", "ten")
    with pytest.raises(ImproperlyConfigured, match="not an integer"):
        env_int("X_NUMBER", 1)
    monkeypatch.setenv("X_NUMBER", "5")
    with pytest.raises(ImproperlyConfigured, match="minimum"):
        env_int("X_NUMBER", 1, minimum=10)
    assert env_int("X_NUMBER", 1) == 5


def test_env_list_and_choice(monkeypatch):
    monkeypatch.setenv("X_HOSTS", " a.example, b.example ,,")
    assert env_list("X_HOSTS") == ["a.example", "b.example"]
    monkeypatch.setenv("X_MODE", "staging")
    with pytest.raises(ImproperlyConfigured, match="must be one of"):
        env_choice("X_MODE", "development", ("development", "production"))


def test_parse_database_url_postgres_and_sqlite(tmp_path):
    pg = parse_database_url("postgres://portal:s%40cret@127.0.0.1:5433/portal?sslmode=require", base_dir=tmp_path)
    assert pg["ENGINE"] == "django.db.backends.postgresql"
    assert (pg["NAME"], pg["USER"], pg["PASSWORD"], pg["HOST"], pg["PORT"]) == (
        "portal",
        "portal",
        "s@cret",
        "127.0.0.1",
        "5433",
    )
    assert pg["OPTIONS"] == {"sslmode": "require"}
    lite = parse_database_url("sqlite:///.data/x.sqlite3", base_dir=tmp_path)
    assert lite["NAME"] == str(tmp_path / ".data/x.sqlite3")
    assert parse_database_url("sqlite:////var/lib/x.sqlite3", base_dir=tmp_path)["NAME"] == "/var/lib/x.sqlite3"


@pytest.mark.parametrize("url", ["mysql://x@y/z", "postgres://x@y:1/"])
def test_parse_database_url_rejects_unsupported_or_incomplete_urls(tmp_path, url):
    with pytest.raises(ImproperlyConfigured):
        parse_database_url(url, base_dir=tmp_path)
