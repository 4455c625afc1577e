"""Load test of the real-time checks: wrk against gunicorn on loopback, on the database DATABASE_URL names.

    DATABASE_URL=postgres://... REDIS_URL=redis://... .venv/bin/python bench/check_load.py [--workers 4]

Needs data first (manage.py generate_records --travel-documents 10000000 ...). Runs, 20 s each:
  bare    /bench/bare?number=  one indexed look-up, no auth, no audit: the ceiling
  single  GET /api/v1/check/travel-document  token auth + role + one indexed query + audit insert
  batch   POST /api/v1/check/batch with 1,000 travel documents per call
Queries mix 10 % numbers that are recorded (hits) and 90 % that are not. Prints one line per run.
"""

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
# The per-token rate limit would cap the run; the throttle still runs (its Redis round trips are measured).
os.environ.setdefault("API_RATE_LIMIT", "100000000/min")

from bench.load import gunicorn, wait_until_answering  # noqa: E402 (after the settings above are chosen)


def prepare(sample: int, seed: int) -> tuple[str, list[str]]:
    """A token for a bench NCB officer, and a mix of recorded and unrecorded numbers."""
    import django

    django.setup()
    from django.contrib.auth.models import Group

    from databases.models import TravelDocument
    from ncb.models import Unit, User
    from ncb.services import api_token_create

    user, _created = User.objects.get_or_create(
        username="bench.officer", defaults={"unit": Unit.objects.get(code="ncb-fr")}
    )
    user.groups.set(Group.objects.filter(name="ncb_officer"))
    _token, key = api_token_create(user=user, name="bench")
    rng = random.Random(seed)
    top = TravelDocument.objects.order_by("-id").values_list("id", flat=True).first() or 0
    ids = [rng.randrange(1, top + 1) for _ in range(sample // 10)]
    hits = list(TravelDocument.objects.filter(id__in=ids).values_list("number_normalized", "issuing_country"))
    misses = [(f"Q{rng.randrange(10**8):08d}", "FRA") for _ in range(sample - len(hits))]
    numbers = [f"{n}:{c}" for n, c in hits + misses]
    rng.shuffle(numbers)
    return key, numbers


LUA_GET = """
local paths = {%s}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
"""
LUA_POST = """
local bodies = {%s}
local i = 0
request = function()
  i = i + 1
  return wrk.format("POST", "/api/v1/check/batch", nil, bodies[(i %% #bodies) + 1])
end
"""


def wrk(url: str, script: str, headers: list[str], duration: int, connections: int) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "-s", handle.name, url]
    for header in headers:
        command += ["-H", header]
    output = subprocess.run(command, capture_output=True, text=True, check=False).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1])
    latency = dict(re.findall(r"\s(50|90|99)%\s+([\d.]+\w+)", output))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rate": rate,
        "p50": latency.get("50"),
        "p90": latency.get("90"),
        "p99": latency.get("99"),
        "non_2xx": int(errors[1]) if errors else 0,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--duration", type=int, default=20)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=0, help="gthread workers with this many threads (keep-alive)")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--only", choices=["bare", "single", "batch"], action="append")
    parser.add_argument(
        "--check-service",
        action="store_true",
        help="send the checks to the check service (interpol_portal.wsgi_checks, port + 1), as deployed",
    )
    args = parser.parse_args()
    key, numbers = prepare(4000, 11)
    url = f"http://127.0.0.1:{args.port}"
    check_url = f"http://127.0.0.1:{args.port + 1}" if args.check_service else url
    options = ["--workers", str(args.workers), *(["--threads", str(args.threads)] if args.threads else [])]
    servers = [gunicorn("bench.wsgi_app:application", args.port, options)]
    if args.check_service:
        servers.append(gunicorn("interpol_portal.wsgi_checks:application", args.port + 1, options))
    try:
        # Until gunicorn answers (/healthz would also wait on the Celery workers).
        wait_until_answering(args.port, "/login/")
        if args.check_service:
            wait_until_answering(args.port + 1, "/")
        auth = [f"Authorization: Token {key}"]
        gets = ", ".join(
            f'"/api/v1/check/travel-document?number={n.split(":")[0]}&country={n.split(":")[1]}"' for n in numbers
        )
        bares = ", ".join(f'"/bench/bare?number={n.split(":")[0]}"' for n in numbers)
        bodies = []
        for start in range(0, 4000, 1000):
            items = [
                {"type": "travel-document", "number": n.split(":")[0], "country": n.split(":")[1]}
                for n in numbers[start : start + 1000]
            ]
            bodies.append(json.dumps(json.dumps({"items": items})))
        runs = {
            "bare": (url, LUA_GET % bares, [], 1),
            "single": (check_url, LUA_GET % gets, auth, 1),
            "batch": (check_url, LUA_POST % ", ".join(bodies), [*auth, "Content-Type: application/json"], 1000),
        }
        for name in args.only or runs:
            address, script, headers, per_request = runs[name]
            wrk(address, script, headers, 3, args.connections)  # warm-up: connections, caches
            result = wrk(address, script, headers, args.duration, args.connections)
            print(
                f"{name:7s} {result['rate'] * per_request:10.0f} checks/s  {result['rate']:8.1f} req/s  "
                f"p50 {result['p50']}  p90 {result['p90']}  p99 {result['p99']}  non-2xx {result['non_2xx']}",
                flush=True,
            )
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
