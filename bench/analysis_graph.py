"""Link chart expansion time for a node with more than a thousand connections, on the database DATABASE_URL names.

    DATABASE_URL=postgres://... .venv/bin/python bench/analysis_graph.py [--connections 1200] [--runs 20]

Builds (once; found again by reference on the next run) a wanted person "BENCH-AG-HUB" owned by NCB France with:
`connections` travel documents it holds; a fifth as many vehicles it hit (record-against-record hits); a fifth
as many persons born in the same place; a tenth as many items tagged with its modus operandi; a tenth of the
documents restricted away from Spain. Then times analysis.graph.graph_expand (the selector behind the page and the
API, access policy applied) for a CCC duty officer and for a Spanish NCB analyst, at several depths and limits,
and prints p50 / p95 / max in milliseconds with the number of SQL queries of one expansion.

Run it on top of the synthetic data of `manage.py generate_records` (docs/benchmarks.md) for benchmark scale.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interpol_portal.settings")

HUB = "BENCH-AG-HUB"


def build(connections: int) -> int:
    """The hub person's id, creating it and its connections when missing."""
    from django.db import transaction

    from analysis.models import ModusOperandiTag
    from databases.keys import fill_keys
    from databases.models import Hit, Person, TravelDocument, Vehicle
    from ncb.choices import Restriction
    from ncb.models import Country, Unit

    france = Unit.objects.get(code="ncb-fr")
    hub = Person.objects.filter(owner=france, reference=HUB).first()
    if hub is not None:
        return hub.pk
    with transaction.atomic():
        hub = Person(owner=france, reference=HUB, family_name="Hubert", given_names="Benchmark", status="wanted")
        hub.place_of_birth = "Bench-sur-Mer"
        fill_keys(hub)
        hub.save()
        documents = []
        for index in range(connections):
            document = TravelDocument(
                owner=france,
                reference=f"BENCH-AG-TD-{index:05d}",
                number=f"BG{index:07d}",
                issuing_country="FRA",
                status="stolen",
                person=hub,
            )
            if index % 10 == 0:
                document.restriction = Restriction.ALL_EXCEPT
            fill_keys(document)
            documents.append(document)
        documents = TravelDocument.objects.bulk_create(documents, batch_size=1000)
        spain = Country.objects.get(iso2="ES")
        through = TravelDocument.restriction_countries.through
        through.objects.bulk_create(
            [through(traveldocument_id=d.pk, country_id=spain.pk) for d in documents if d.restriction != "all"]
        )
        vehicles = []
        for index in range(connections // 5):
            vehicle = Vehicle(owner=france, reference=f"BENCH-AG-V-{index:05d}", vin=f"VF1BENCH{index:09d}"[:17])
            vehicle.status = "stolen"
            fill_keys(vehicle)
            vehicles.append(vehicle)
        vehicles = Vehicle.objects.bulk_create(vehicles, batch_size=1000)
        Hit.objects.bulk_create(
            Hit(
                database="vehicles",
                record_id=vehicle.pk,
                record_owner=france,
                record_reference=vehicle.reference,
                source_database="persons",
                source_record_id=hub.pk,
                unit=france,
                query_key=f"persons:{hub.pk}",
                rule="bench",
                score=0.9,
            )
            for vehicle in vehicles
        )
        neighbours = []
        for index in range(connections // 5):
            person = Person(owner=france, reference=f"BENCH-AG-P-{index:05d}", family_name=f"Voisin{index}")
            person.place_of_birth, person.status = "Bench-sur-Mer", "wanted"
            fill_keys(person)
            neighbours.append(person)
        neighbours = Person.objects.bulk_create(neighbours, batch_size=1000)
        tags = [ModusOperandiTag(kind="person", object_id=hub.pk, modus_operandi="look_alike")]
        tags += [
            ModusOperandiTag(kind="document", object_id=d.pk, modus_operandi="look_alike")
            for d in documents[1 : connections // 10]
        ]
        ModusOperandiTag.objects.bulk_create(tags)
    return hub.pk


def user(username: str, unit_code: str, role: str):
    from django.contrib.auth.models import Group

    from ncb.models import Unit, User

    account, _created = User.objects.get_or_create(
        username=username, defaults={"unit": Unit.objects.get(code=unit_code)}
    )
    account.groups.set(Group.objects.filter(name=role))
    return User.objects.get(pk=account.pk)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--connections", type=int, default=1200)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation

    from analysis.graph import graph_expand
    from databases.models import Person, TravelDocument

    translation.activate("en")
    started = time.monotonic()
    pk = build(args.connections)
    print(f"hub person {pk} ready in {time.monotonic() - started:.1f} s")
    print(f"persons {Person.objects.count():,}, travel documents {TravelDocument.objects.count():,}")
    viewers = {
        "CCC duty officer": user("bench.ccc", "ccc-lyon", "ccc_duty_officer"),
        "NCB Spain analyst": user("bench.analyst.es", "ncb-es", "criminal_analyst"),
    }
    cases = [
        (1, settings.ANALYSIS_GRAPH_DEFAULT_NODES),
        (2, settings.ANALYSIS_GRAPH_DEFAULT_NODES),
        (1, settings.ANALYSIS_GRAPH_MAX_NODES),
        (2, settings.ANALYSIS_GRAPH_MAX_NODES),
    ]
    print("viewer | depth | limit | items | hubs | edges | truncated | queries | p50 ms | p95 ms | max ms")
    for name, viewer in viewers.items():
        for depth, limit in cases:
            graph_expand(viewer=viewer, kind="person", pk=pk, depth=depth, limit=limit)  # warm caches and roles
            with CaptureQueriesContext(connection) as queries:
                graph = graph_expand(viewer=viewer, kind="person", pk=pk, depth=depth, limit=limit)
            times = []
            for _ in range(args.runs):
                begin = time.perf_counter()
                graph_expand(viewer=viewer, kind="person", pk=pk, depth=depth, limit=limit)
                times.append((time.perf_counter() - begin) * 1000)
            times.sort()
            p95 = times[max(0, int(len(times) * 0.95) - 1)]
            hubs = len(graph.nodes) - graph.item_count
            print(
                f"{name} | {depth} | {limit} | {graph.item_count} | {hubs} | {len(graph.edges)} | {graph.truncated} | "
                f"{len(queries)} | {statistics.median(times):.0f} | {p95:.0f} | {times[-1]:.0f}"
            )


if __name__ == "__main__":
    main()
