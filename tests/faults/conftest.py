"""Processes that fault tests start, break and start again: Celery workers, Redis, PostgreSQL, gunicorn.

Every server listens on a free loopback port and belongs to the test that started it. Each process runs in a
session of its own, so that a SIGKILL takes the whole worker (main process and pool children), as when a machine
or a container dies.
"""

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings

from tests.ports import free_port

ROOT = Path(__file__).resolve().parents[2]


def pytest_configure(config):
    config.addinivalue_line("markers", "faults: breaks a worker, Redis or PostgreSQL on purpose (tests/faults)")


def wait_for(condition, timeout=30.0, interval=0.1, message="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"{message}: not met within {timeout} s")


def database_url(database=None) -> str:
    database = database or settings.DATABASES["default"]
    return f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}"


def _log_dir(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("PORTAL_TEST_DATA_DIR", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class Service:
    """A child process with its log; `kill()` sends SIGKILL to its whole process group."""

    def __init__(self, name: str, args: list[str], env: dict, log_path: Path):
        self.name, self.args, self.env, self.log_path = name, args, env, log_path
        self.process: subprocess.Popen | None = None

    def start(self) -> "Service":
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                self.args, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        return self

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def kill(self) -> None:
        if self.process is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self, timeout: float = 10) -> None:
        if self.running():
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.kill()
            except ProcessLookupError:
                pass


def app_env(*, database: str | None = None, redis: str | None = None) -> dict:
    env = dict(os.environ)
    env.update(
        {
            "DATABASE_URL": database or database_url(),
            "REDIS_URL": redis or settings.REDIS_URL,
            "CELERY_TASK_ALWAYS_EAGER": "0",
            "DJANGO_SETTINGS_MODULE": "interpol_portal.settings",
            "PYTHONUNBUFFERED": "1",
        }
    )
    return env


@pytest.fixture
def services(tmp_path, transactional_db):
    """Start services for the test; all are stopped (killed if need be) at the end. Tasks that the test sends
    go through Redis (not run in-process)."""
    from interpol_portal.celery import app

    if not settings.REDIS_URL or settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        pytest.skip("needs PostgreSQL and Redis (make test starts them)")
    started: list[Service] = []

    class Factory:
        def worker(self, *, redis: str | None = None, name: str = "worker", concurrency: int = 1) -> Service:
            log = _log_dir(tmp_path) / f"{name}-{os.getpid()}-{time.time_ns()}.log"
            args = [sys.executable, "-m", "celery", "-A", "interpol_portal", "worker", "-Q", "realtime,batch,default"]
            args += ["--concurrency", str(concurrency), "--pool", "prefork", "--loglevel", "INFO"]
            args += ["-n", f"{name}-{time.time_ns()}@%h", "--without-gossip", "--without-mingle", "--without-heartbeat"]
            service = Service(name, args, app_env(redis=redis), log).start()
            started.append(service)
            wait_for(
                lambda: " ready." in service.log() or not service.running(), 60, 0.2, f"{name} ready\n{service.log()}"
            )
            assert service.running(), service.log()[-3000:]
            return service

        def web(
            self,
            *,
            database: str | None = None,
            redis: str | None = None,
            workers: int = 1,
            application: str = "interpol_portal.wsgi",
        ) -> Service:
            port = free_port()
            log = _log_dir(tmp_path) / f"web-{os.getpid()}-{time.time_ns()}.log"
            args = [sys.executable, "-m", "gunicorn", application, "--bind", f"127.0.0.1:{port}"]
            args += ["--workers", str(workers), "--threads", "2", "--timeout", "60", "--log-level", "warning"]
            service = Service("web", args, app_env(database=database, redis=redis), log).start()
            service.url = f"http://127.0.0.1:{port}"
            started.append(service)
            wait_for(lambda: _answers(service.url + "/healthz") or not service.running(), 60, 0.2, "web up")
            assert service.running(), service.log()[-3000:]
            return service

        def redis(self) -> "RedisServer":
            server = RedisServer(tmp_path / f"redis-{time.time_ns()}").start()
            started.append(server)
            return server

        def postgres(self) -> "PostgresServer":
            # Under the data folder of make test (mode 755): the postgres user cannot enter pytest's tmp_path.
            server = PostgresServer(_log_dir(tmp_path) / f"pg-{time.time_ns()}").start()
            started.append(server)
            return server

    app.conf.task_always_eager = False
    try:
        yield Factory()
    finally:
        app.conf.task_always_eager = True
        for service in reversed(started):
            service.stop()


def _answers(url: str) -> bool:
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=5):
            return True
    except urllib.error.HTTPError:  # it answers (503 while no worker is up, for /healthz)
        return True
    except OSError:
        return False


class RedisServer:
    """A Redis of the test's own, without persistence: stopping it loses what it held, as a crash would."""

    def __init__(self, folder: Path):
        self.folder, self.port = folder, free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.folder.mkdir(parents=True)
        self.process: subprocess.Popen | None = None

    def start(self) -> "RedisServer":
        args = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        args += ["--dir", str(self.folder)]
        with open(self.folder / "redis.log", "ab") as log:
            self.process = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        wait_for(self._ping, 10, 0.05, "redis up")
        return self

    def _ping(self) -> bool:
        import redis

        try:
            return redis.Redis.from_url(self.url, socket_connect_timeout=0.5).ping()
        except redis.RedisError:
            return False

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


def _as_postgres(args: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


class PostgresServer:
    """A PostgreSQL cluster of the test's own (initdb + pg_ctl, as scripts/services.sh), holding a copy of the test
    database; restart() stops and starts it on the same port."""

    def __init__(self, folder: Path):
        bins = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda path: int(path.parent.name))
        if not bins:
            pytest.skip("PostgreSQL server binaries are not installed")
        self.bin, self.folder, self.port = bins[-1], folder, free_port()
        self.data, self.run = folder / "pg", folder / "run"
        self.url = f"postgres://portal@127.0.0.1:{self.port}/portal"

    def _pg_ctl(self, *args: str) -> None:
        subprocess.run(
            _as_postgres([str(self.bin / "pg_ctl"), "-D", str(self.data), *args]), check=True, stdout=subprocess.DEVNULL
        )

    def start(self) -> "PostgresServer":
        if not self.data.exists():
            self.data.mkdir(parents=True)
            self.run.mkdir(parents=True)
            self.folder.chmod(0o755)
            if os.geteuid() == 0:
                shutil.chown(self.folder, "postgres", "postgres")
                for path in (self.data, self.run):
                    shutil.chown(path, "postgres", "postgres")
            initdb = [str(self.bin / "initdb"), "-D", str(self.data), "-U", "portal", "--auth=trust", "-E", "UTF8"]
            done = subprocess.run(_as_postgres([*initdb, "--locale=C.UTF-8", "-N"]), capture_output=True, text=True)
            assert done.returncode == 0, done.stdout + done.stderr
        options = f"-p {self.port} -k {self.run} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
        self._pg_ctl("-o", options, "-l", str(self.run / "postgresql.log"), "-w", "-t", "60", "start")
        return self

    def copy_database(self, source) -> None:
        """Create database `portal` as a copy (schema and rows) of `source` (a DATABASES entry)."""
        psql = ["psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "portal", "-v", "ON_ERROR_STOP=1", "-q"]
        subprocess.run([*psql, "-d", "postgres", "-c", "CREATE DATABASE portal"], check=True)
        dump = subprocess.Popen(
            ["pg_dump", "-h", source["HOST"], "-p", str(source["PORT"]), "-U", source["USER"], source["NAME"]],
            stdout=subprocess.PIPE,
        )
        subprocess.run([*psql, "-d", "portal"], stdin=dump.stdout, check=True, stdout=subprocess.DEVNULL)
        assert dump.wait() == 0

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._pg_ctl("-m", "fast", "-w", "stop")

    def restart(self) -> None:
        self.stop()
        self.start()


class Response:
    def __init__(self, status_code: int, body: bytes):
        self.status_code, self.content = status_code, body

    @property
    def text(self) -> str:
        return self.content.decode(errors="replace")

    def json(self):
        return json.loads(self.content)


class ApiClient:
    """A small HTTP client for the live server (urllib; no extra package), with the token of an NCB officer."""

    def __init__(self, token: str):
        self.headers = {"Authorization": f"Token {token}", "Accept": "application/json"}

    def request(self, method: str, url: str, *, params=None, json_body=None, timeout: float = 10) -> Response:
        import urllib.error
        import urllib.parse
        import urllib.request

        if params:
            url = f"{url}?{urllib.parse.urlencode(params)}"
        data = None if json_body is None else json.dumps(json_body).encode()
        headers = dict(self.headers, **({"Content-Type": "application/json"} if data is not None else {}))
        request = urllib.request.Request(url, data=data, headers=headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return Response(response.status, response.read())
        except urllib.error.HTTPError as error:
            return Response(error.code, error.read())

    def get(self, url: str, params=None, timeout: float = 10) -> Response:
        return self.request("GET", url, params=params, timeout=timeout)

    def post(self, url: str, json=None, timeout: float = 10) -> Response:
        return self.request("POST", url, json_body=json, timeout=timeout)
