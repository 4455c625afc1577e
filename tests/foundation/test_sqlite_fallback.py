"""Without PostgreSQL, `make run` falls back to SQLite (DESIGN section 8): every migration must apply there too.

A migration with PostgreSQL-only SQL broke that fall-back unnoticed for several sessions (databases/0005).
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_migration_applies_to_a_fresh_sqlite_database(tmp_path):
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'portal.sqlite3'}",  # an absolute path: four slashes
        "PORTAL_ENV": "development",
        "DJANGO_SETTINGS_MODULE": "interpol_portal.settings",
    }
    done = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input", "-v", "0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert (tmp_path / "portal.sqlite3").stat().st_size > 0
