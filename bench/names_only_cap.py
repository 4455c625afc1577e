"""What the candidate cap costs a names-only screening: better candidates left out of the answer.

    DATABASE_URL=postgres://... .venv/bin/python bench/names_only_cap.py [--queries 150] [--reference-cap 5000]

A query without a date of birth scores at most MATCH_MAX_CANDIDATES_WITHOUT_DATE persons: those sharing the most
blocking keys with it. For queries drawn from the stored persons (half of those in Arabic script asked in their
Latin form), this compares the answer's top 20 and top 200 with the answer of a much larger cap (the reference):
a reference candidate is "displaced" when it scores strictly above the lowest score of the capped answer's top
and is missing from it. Prints one line per ordering and cap, with the look-up's time. Needs persons and their keys
(generate_records, rebuild_match_keys); writes nothing.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interpol_portal.settings")

# Tried as an alternative ordering: each shared key weighted by its rarity among the persons that share one.
BY_RARITY = """
    WITH shared AS (SELECT k.person_id, k.key FROM databases_personkey k WHERE k.key = ANY(%(keys)s)),
    weights AS (SELECT key, ln(%(total)s::float8 / count(*)) AS weight FROM shared GROUP BY key)
    SELECT s.person_id FROM shared s JOIN weights w USING (key)
    GROUP BY s.person_id ORDER BY sum(w.weight) DESC, s.person_id LIMIT %(cap)s
"""


def displaced(reference: dict, answer: dict, top: int) -> int:
    scores = sorted(answer.values(), reverse=True)[:top]
    floor = scores[-1] if len(scores) == top else 0.0
    best = sorted(reference.items(), key=lambda item: -item[1])[:top]
    return sum(1 for pk, score in best if score > floor + 1e-9 and pk not in answer)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--queries", type=int, default=150)
    parser.add_argument("--reference-cap", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection

    from databases.matching import persons as core
    from databases.models import Person
    from databases.services.match_keys import CANDIDATES_ANY_DATE, KEY_LENGTH, candidate_rows, name_frequencies
    from databases.services.screening import screening_query

    threshold = settings.MATCH_PERSON_THRESHOLD
    total = Person.objects.count()
    rng = random.Random(args.seed)
    first = Person.objects.order_by("pk").values_list("pk", flat=True).first()
    last = Person.objects.order_by("-pk").values_list("pk", flat=True).first()
    columns = ("family_name", "given_names", "family_name_latin", "given_names_latin")
    samples: list[tuple] = []
    while len(samples) < args.queries:
        ids = [rng.randint(first, last) for _ in range(100)]
        samples.extend(Person.objects.filter(pk__in=ids).values_list(*columns))
    frequencies = name_frequencies()

    def look_up(statement: str, keys: list[str], cap: int) -> tuple[list[int], float]:
        with connection.cursor() as cursor:
            started = time.perf_counter()
            cursor.execute(statement, {"keys": keys, "cap": cap, "total": total})
            return [row[0] for row in cursor.fetchall()], (time.perf_counter() - started) * 1000

    def scored(prepared, ids: list[int]) -> dict[int, float]:
        rows = candidate_rows(ids, unit=None, threshold=threshold)
        return {
            pk: score.value
            for pk, score in core.screen(prepared, [(r.id, r.prepared) for r in rows], frequencies, threshold)
        }

    variants = [
        ("most keys shared", CANDIDATES_ANY_DATE, settings.MATCH_MAX_CANDIDATES_WITHOUT_DATE),
        ("most keys shared", CANDIDATES_ANY_DATE, 250),
        ("rarest keys shared", BY_RARITY, settings.MATCH_MAX_CANDIDATES_WITHOUT_DATE),
        ("rarest keys shared", BY_RARITY, 250),
    ]
    lost20 = dict.fromkeys(variants, 0)
    lost200 = dict.fromkeys(variants, 0)
    capped = dict.fromkeys(variants, 0)
    times: dict = {variant: [] for variant in variants}
    sizes, found = [], 0
    for family, given, latin_family, latin_given in samples[: args.queries]:
        if not family.isascii() and latin_family and rng.random() < 0.5:
            family, given = latin_family, latin_given
        query = screening_query(family_name=family, given_names=given, date_of_birth=None).person
        prepared = core.prepare(query)
        keys = [key[:KEY_LENGTH] for key in core.query_keys(query.family_name, query.given_names, query.aliases)]
        ids, _ms = look_up(CANDIDATES_ANY_DATE, keys, args.reference_cap)
        sizes.append(len(ids))
        reference = scored(prepared, ids)
        found += len(reference)
        for variant in variants:
            ids, ms = look_up(variant[1], keys, variant[2])
            times[variant].append(ms)
            capped[variant] += len(ids) >= variant[2]
            answer = scored(prepared, ids)
            lost20[variant] += displaced(reference, answer, 20)
            lost200[variant] += displaced(reference, answer, 200)
    print(
        f"{args.queries} names-only queries at {total} persons: candidates sharing a key (up to "
        f"{args.reference_cap}) mean {statistics.mean(sizes):.0f}; {found} at or above {threshold} in the reference"
    )
    for variant in variants:
        name, _statement, cap = variant
        print(
            f"{name:18s} cap {cap:4d}: capped {capped[variant]}/{args.queries} queries; better candidates displaced "
            f"from the top 20: {lost20[variant]} ({lost20[variant] / args.queries:.1f} a query), from the top 200: "
            f"{lost200[variant]}; look-up p50 {statistics.median(times[variant]):.1f} ms"
        )


if __name__ == "__main__":
    main()
