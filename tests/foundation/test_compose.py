import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_compose_file_is_valid():
    if shutil.which("docker") is None:
        pytest.skip("no docker client on this machine")
    probe = subprocess.run(["docker", "compose", "version"], capture_output=True, text=True)
    if probe.returncode != 0:
        pytest.skip("the docker client has no compose plugin")
    result = subprocess.run(
        ["docker", "compose", "-f", str(ROOT / "docker-compose.yml"), "config", "--quiet"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "SECRET_KEY": "x", "POSTGRES_PASSWORD": "y"},
    )
    assert result.returncode == 0, result.stderr


def test_compose_file_declares_every_service_with_a_health_check():
    text = (ROOT / "docker-compose.yml").read_text()
    for service in ("web:", "checks:", "worker:", "beat:", "postgres:", "redis:"):
        assert service in text
    assert text.count("healthcheck:") >= 4
