"""Where a real-time check's time goes: each part of the check path timed alone, in a loop, in-process.

    DATABASE_URL=postgres://... REDIS_URL=redis://... .venv/bin/python bench/check_parts.py [--repeat 500]

Needs load_demo (the officer.fr account); prints milliseconds per call. Adds audit rows and a token for officer.fr.
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interpol_portal.settings")


def timed(label: str, call, repeat: int) -> None:
    call()
    start = time.perf_counter()
    for _ in range(repeat):
        call()
    print(f"{label:58s} {(time.perf_counter() - start) / repeat * 1000:6.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=500)
    repeat = parser.parse_args().repeat
    import django

    django.setup()
    import redis
    from django.conf import settings
    from django.db import connection

    from databases.models import TravelDocument
    from databases.services.checks import (
        _audit_rows,
        _audit_values,
        _check_candidates,
        _matching_ids,
        _matching_ids_or_audit,
        check,
    )
    from databases.services.lookups import parse_check
    from ncb.api.authentication import cached_token
    from ncb.api.throttling import _increment
    from ncb.models import ApiToken, User
    from ncb.services import api_token_create, audit_record

    user = User.objects.get(username="officer.fr")
    _token, key = api_token_create(user=user, name="bench parts")
    digest = ApiToken.digest_of(key)
    data = {"number": "ZZ1234567", "country": "FR"}
    lookup = parse_check("travel-document", data)
    raw_redis = redis.Redis.from_url(settings.REDIS_URL)

    def select_one():
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")

    timed("Redis round trip (raw GET)", lambda: raw_redis.get("bench"), repeat)
    timed("PostgreSQL round trip (SELECT 1 through Django)", select_one, repeat)
    timed("token authentication from the cache", lambda: cached_token(digest), repeat)
    timed("rate limit (pipelined INCR + EXPIRE)", lambda: _increment("throttle:bench:1", 61), repeat)
    timed("parsing the request", lambda: parse_check("travel-document", data), repeat)
    timed("the look-up (one indexed statement)", lambda: _matching_ids(lookup), repeat)
    timed(
        "the look-up and a miss's audit row (one prepared statement)",
        lambda: _matching_ids_or_audit(lookup, _audit_values(user, "127.0.0.1", "check.bench", data, "no hit", None)),
        repeat,
    )
    recorded = list(TravelDocument.objects.order_by("pk").values_list("pk", flat=True)[:1])
    timed(
        "a hit's record with owner and policy (compiled, prepared)",
        lambda: _check_candidates(TravelDocument, recorded, user),
        repeat,
    )
    timed(
        "audit row through the ORM",
        lambda: audit_record(actor=user, action="check.bench", query=data, outcome="no hit"),
        repeat,
    )
    timed(
        "audit row through its prepared insert",
        lambda: _audit_rows(user=user, ip="127.0.0.1", action="check.bench", rows=[(data, "no hit", None)]),
        repeat,
    )
    timed(
        "check() as a whole (look-up, answer, audit)",
        lambda: check(check_type="travel-document", data=data, user=user),
        repeat,
    )


if __name__ == "__main__":
    main()
