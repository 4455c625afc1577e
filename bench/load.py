"""Mixed load: real-time checks, searches, page views and person screening at once, against gunicorn on loopback.

    DATABASE_URL=postgres://... REDIS_URL=redis://... nice .venv/bin/python bench/load.py [--duration 60]
        [--clients 12] [--rate 30] [--by-kind] [--workers 5] [--threads 1] [--check-workers 2]

Starts gunicorn with the portal's settings (as `make run` does: 5 single-threaded workers) on a free port, warms up,
then runs clients (one process each, a keep-alive connection to each server, its own API token so that the per-token
rate limit is not what is measured) for --duration seconds: closed loop (each as fast as the answers come: the
saturation throughput, and latencies that are mostly queueing) or, with --rate, open loop (requests at random times,
--rate per second in all: the latencies at a given load). Each request is drawn from this mix:

  check      45 %  GET  /api/v1/check/travel-document (10 % recorded numbers, 90 % not)
  screening  15 %  POST /api/v1/screening/persons (names of recorded persons, half of them with a date of birth)
  search     20 %  GET  /api/v1/databases/persons/?q=<family name> and the travel documents page ?q=<number>
  page       20 %  GET  home, the persons list, a person's page, the hits list (an NCB officer's session)

With --by-kind each client sends one kind of request only, the clients shared among the kinds as the mix is (and in
the open loop each kind at its share of --rate): border systems that check documents are not the officers who
screen names and browse pages, and without it a check due while its client waits for a slow screening counts that
wait. With --check-workers N, the checks go to the check service as deployed (README, "Real-time checks"): a second
gunicorn on another free port, interpol_portal.wsgi_checks with N sync workers, while the page pool above runs under
`nice -n 10`; every other kind of request still goes to the page pool.

Prints, per kind and in all: requests, requests/s, p50/p95/p99 and errors (non-2xx or no answer); and the resident
memory (RSS) of each gunicorn worker (of both pools) after the warm-up and at the end. Needs data first: load_demo,
then generate_records. The load generator runs on the same machine and takes CPU from the server.
"""

import argparse
import http.client
import json
import multiprocessing
import os
import random
import re
import socket
import subprocess
import sys
import time
import urllib.parse
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interpol_portal.settings")

MIX = [("check", 45), ("screening", 15), ("search", 20), ("page", 20)]


def prepare(clients: int, seed: int) -> dict:
    """Tokens and a session for a bench officer of ncb-fr, and samples of values to ask for."""
    import django

    django.setup()
    from django.contrib.auth.models import Group
    from django.test import Client

    from databases.models import Person, TravelDocument
    from ncb.models import Unit, User
    from ncb.services import api_token_create

    user, _created = User.objects.get_or_create(
        username="bench.load", defaults={"unit": Unit.objects.get(code="ncb-fr")}
    )
    user.groups.set(Group.objects.filter(name="ncb_officer"))
    tokens = [api_token_create(user=user, name=f"load {n}")[1] for n in range(clients)]
    browser = Client()
    browser.force_login(user)
    rng = random.Random(seed)
    top = TravelDocument.objects.order_by("-id").values_list("id", flat=True).first() or 0
    ids = [rng.randrange(1, top + 1) for _ in range(400)]
    recorded = list(TravelDocument.objects.filter(id__in=ids).values_list("number_normalized", "issuing_country"))
    numbers = recorded + [(f"Q{rng.randrange(10**8):08d}", "FRA") for _ in range(9 * len(recorded))]
    rng.shuffle(numbers)
    top = Person.objects.order_by("-id").values_list("id", flat=True).first() or 0
    ids = [rng.randrange(1, top + 1) for _ in range(600)]
    persons = list(
        Person.objects.filter(id__in=ids).values_list("id", "family_name", "given_names", "date_of_birth")[:400]
    )
    counts = {"travel documents": TravelDocument.objects.count(), "persons": Person.objects.count()}
    django.db.connections.close_all()  # the client processes are forked from this one
    return {
        "tokens": tokens,
        "session": browser.cookies["sessionid"].value,
        "numbers": numbers,
        "persons": persons,
        "counts": counts,
    }


def requests_of(kind: str, data: dict, rng: random.Random) -> tuple[str, str, str | None]:
    """(method, path, JSON body) of one request of a kind."""
    if kind == "check":
        number, country = rng.choice(data["numbers"])
        return (
            "GET",
            "/api/v1/check/travel-document?" + urllib.parse.urlencode({"number": number, "country": country}),
            None,
        )
    person_id, family, given, born = rng.choice(data["persons"])
    if kind == "screening":
        body = {"family_name": family, "given_names": given}
        if born and rng.random() < 0.5:
            body["date_of_birth"] = born
        return "POST", "/api/v1/screening/persons", json.dumps(body)
    if kind == "search":
        if rng.random() < 0.5:
            return "GET", "/api/v1/databases/persons/?" + urllib.parse.urlencode({"q": family}), None
        number, _country = rng.choice(data["numbers"])
        return "GET", "/en/databases/travel-documents/?" + urllib.parse.urlencode({"q": number}), None
    return (
        "GET",
        rng.choice(["/en/", "/en/databases/persons/", f"/en/databases/persons/{person_id}/", "/en/databases/hits/"]),
        None,
    )


def route_of(path: str) -> str:
    """A path without its query and with its ids as {id}: the route a request took ('/en/databases/persons/{id}/')."""
    return re.sub(r"/\d+/", "/{id}/", path.split("?")[0])


IDLE_CLOSED = (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError)


def client(index: int, ports: dict, data: dict, start_at: float, stop_at: float, results) -> None:
    """One client: closed loop (a request, wait for the answer, the next) or, with data["rate"], open loop (requests
    at random times, rate / clients per second on average); records (kind, seconds, error or None, route, when due
    in seconds from start_at) of the requests due from start_at. `ports`: the server of each kind of request
    (ports["check"], ports["page"]...).

    In the open loop a request's time runs from when it was due, not when it could be sent: a client held up by a
    slow answer counts the wait in the next requests' times, as a user would see it.
    """
    rng = random.Random(index)
    own = data["client_kinds"][index] if data["client_kinds"] else data["kinds"]
    mix = [(kind, weight) for kind, weight in MIX if kind in own]
    kinds, weights = zip(*mix, strict=True)
    api = {"Authorization": f"Token {data['tokens'][index]}", "Accept": "application/json"}
    browser = {"Cookie": f"sessionid={data['session']}", "Accept": "text/html"}
    connections = {}  # one keep-alive connection to each server
    per_second = data["client_rates"][index] if data["rate"] else 0.0
    due = time.monotonic()
    samples = []
    while True:
        if per_second:
            due += rng.expovariate(per_second)
            time.sleep(max(0.0, due - time.monotonic()))
        else:
            due = time.monotonic()
        if due >= stop_at:
            break
        kind = rng.choices(kinds, weights)[0]
        method, path, body = requests_of(kind, data, rng)
        headers = dict(browser if path.startswith("/en/") else api)
        if body is not None:
            headers["Content-Type"] = "application/json"
        port = ports[kind]
        for attempt in (1, 2):
            if port not in connections:
                connections[port] = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection = connections[port]
            try:
                connection.request(method, path, body=body, headers=headers)
                response = connection.getresponse()
                response.read()
                error = None if 200 <= response.status < 300 else str(response.status)
                break
            except (OSError, http.client.HTTPException) as failure:
                error = type(failure).__name__
                connections.pop(port).close()
                # The server closes a connection idle for longer than its keep-alive (2 s for gunicorn): a client
                # sends again on a new one, as browsers and HTTP libraries do.
                if attempt == 2 or not isinstance(failure, IDLE_CLOSED):
                    break
        if due >= start_at:
            samples.append((kind, time.monotonic() - due, error, route_of(path), due - start_at))
    results.put(samples)


def rss_of_workers(master: int, field: str = "VmRSS") -> dict[int, int]:
    """RSS in MiB of each child (worker) of a master process (gunicorn, Celery); VmHWM for the peak."""
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    sizes = {}
    for pid in children:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                sizes[int(pid)] = int(line.split()[1]) // 1024
    return sizes


def clients_of(kinds: list[str], clients: int, rate: float, by_kind: bool) -> tuple[list, list[float]]:
    """The kinds each client sends (empty: all of them, drawn from the mix) and its open-loop rate.

    By kind, the clients are shared in proportion to the mix (at least one per kind, largest remainders first) and
    the clients of a kind share that kind's part of the rate.
    """
    if not by_kind:
        return [], [rate / clients] * clients
    weights = {kind: weight for kind, weight in MIX if kind in kinds}
    if clients < len(weights):
        raise SystemExit(f"--by-kind needs at least {len(weights)} clients")
    total = sum(weights.values())
    shares = {kind: clients * weight / total for kind, weight in weights.items()}
    counts = {kind: max(1, int(share)) for kind, share in shares.items()}
    for kind in sorted(shares, key=lambda kind: counts[kind] - shares[kind]):
        if sum(counts.values()) >= clients:
            break
        counts[kind] += 1
    assigned = [[kind] for kind, count in counts.items() for _ in range(count)]
    rates = [rate * weights[own[0]] / total / counts[own[0]] for own in assigned]
    return assigned, rates


def rss_of_pools(pools: dict[str, subprocess.Popen]) -> dict[str, dict[int, int]]:
    return {name: rss_of_workers(master.pid) for name, master in pools.items()}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def gunicorn(module: str, port: int, options: list[str], nice: bool = False) -> subprocess.Popen:
    """A gunicorn master serving `module` on `port`; with `nice`, at a lower CPU priority (its pid stays the
    master's: nice replaces itself with gunicorn)."""
    command = [sys.executable, "-m", "gunicorn", module, "--bind", f"127.0.0.1:{port}", *options]
    command += ["--timeout", "60", "--log-level", "warning"]
    return subprocess.Popen(["nice", "-n", "10", *command] if nice else command, cwd=ROOT, env=os.environ.copy())


def wait_until_answering(port: int, path: str) -> None:
    for _ in range(150):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", path)
            connection.getresponse().read()
            return
        except OSError:
            time.sleep(0.2)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else float("nan")


def report(samples: list, duration: float) -> str:
    lines = ["| kind | requests | per second | p50 | p95 | p99 | errors |", "|---|---|---|---|---|---|---|"]
    for kind in sorted({s[0] for s in samples}, key=[name for name, _weight in MIX].index) + ["all"]:
        chosen = [s for s in samples if kind in ("all", s[0])]
        times = [s[1] * 1000 for s in chosen]
        errors = sum(1 for s in chosen if s[2])
        lines.append(
            f"| {kind} | {len(chosen)} | {len(chosen) / duration:.1f} | {percentile(times, 0.5):.0f} ms | "
            f"{percentile(times, 0.95):.0f} ms | {percentile(times, 0.99):.0f} ms | {errors} |"
        )
    reasons = Counter(f"{kind} {error}" for kind, _seconds, error, _route, _due in samples if error)
    if reasons:
        lines.append("\nerrors: " + ", ".join(f"{reason} x{count}" for reason, count in reasons.most_common()))
    lines += ["", "| kind | route | requests | p50 | p99 |", "|---|---|---|---|---|"]
    order = [name for name, _weight in MIX]
    for kind, route in sorted({(s[0], s[3]) for s in samples}, key=lambda pair: (order.index(pair[0]), pair[1])):
        times = [s[1] * 1000 for s in samples if (s[0], s[3]) == (kind, route)]
        lines.append(
            f"| {kind} | {route} | {len(times)} | {percentile(times, 0.5):.0f} ms | {percentile(times, 0.99):.0f} ms |"
        )
    return "\n".join(lines)


def slowest(samples: list, count: int) -> str:
    """The slowest requests and when they were due: at start-up, in a burst, or spread over the run?"""
    lines = [f"The {count} slowest requests:", "| due at | kind | route | time |", "|---|---|---|---|"]
    for kind, seconds, _error, route, due in sorted(samples, key=lambda sample: -sample[1])[:count]:
        lines.append(f"| {due:.1f} s | {kind} | {route} | {seconds * 1000:.0f} ms |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--rss-every", type=float, default=15, help="seconds between two samples of the workers' RSS")
    parser.add_argument("--warmup", type=int, default=8)
    parser.add_argument("--clients", type=int, default=12)
    parser.add_argument("--rate", type=float, default=0, help="open loop: requests/s in all (0: closed loop)")
    parser.add_argument("--by-kind", action="store_true", help="each client sends one kind of request only")
    parser.add_argument("--workers", type=int, default=5)
    parser.add_argument("--threads", type=int, default=1, help="more than 1: gthread workers")
    parser.add_argument(
        "--check-workers", type=int, default=0, help="the checks to a check service of N sync workers (0: none)"
    )
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--slowest", type=int, default=0, help="list the N slowest requests and when they were due")
    parser.add_argument("--only", action="append", choices=[kind for kind, _weight in MIX], help="a kind (repeatable)")
    args = parser.parse_args()
    data = prepare(args.clients, args.seed)
    data["kinds"] = args.only or [kind for kind, _weight in MIX]
    data["rate"] = args.rate
    data["client_kinds"], data["client_rates"] = clients_of(data["kinds"], args.clients, args.rate, args.by_kind)
    port = free_port()
    ports = {kind: port for kind, _weight in MIX}
    pools = {}
    try:
        options = ["--workers", str(args.workers), "--threads", str(args.threads)]
        pools["page pool"] = gunicorn("interpol_portal.wsgi", port, options, nice=args.check_workers > 0)
        if args.check_workers:
            ports["check"] = free_port()
            options = ["--workers", str(args.check_workers)]
            pools["check service"] = gunicorn("interpol_portal.wsgi_checks", ports["check"], options)
            # Its 404 for any other path touches neither the database nor Celery (/healthz waits on the workers).
            wait_until_answering(ports["check"], "/")
        wait_until_answering(port, "/en/")
        results = multiprocessing.Queue()
        begin = time.monotonic() + 1.0
        start_at, stop_at = begin + args.warmup, begin + args.warmup + args.duration
        processes = [
            multiprocessing.Process(target=client, args=(n, ports, data, start_at, stop_at, results))
            for n in range(args.clients)
        ]
        for process in processes:
            process.start()
        time.sleep(max(0.0, start_at - time.monotonic()))

        rss_start = rss_of_pools(pools)
        rss_over_time = [rss_start]  # every --rss-every seconds: does memory level off?
        while (left := stop_at - time.monotonic()) > 0:
            time.sleep(min(args.rss_every, left))
            rss_over_time.append(rss_of_pools(pools))
        samples = [sample for _ in processes for sample in results.get(timeout=args.duration + args.warmup + 120)]
        rss_end = rss_of_pools(pools)
        for process in processes:
            process.join()
    finally:
        for server in pools.values():
            server.terminate()
        for server in pools.values():
            server.wait(timeout=30)
    loop = f"open loop at {args.rate:g} requests/s" if args.rate else "closed loop"
    servers = f"gunicorn {args.workers} workers x {args.threads} threads"
    if args.check_workers:
        servers += f" under nice -n 10, the checks to a check service of {args.check_workers} sync workers"
    print(f"data: {data['counts']}; {args.clients} clients, {loop}, {servers}")
    print(f"kinds: {', '.join(data['kinds'])}" + (", each client one kind" if args.by_kind else ""))
    print(f"{args.duration} s measured after a {args.warmup} s warm-up\n")
    print(report(samples, args.duration))
    if args.slowest:
        print("\n" + slowest(samples, args.slowest))
    for name in pools:
        print(f"\nRSS of the {name}'s gunicorn workers (MiB), after the warm-up -> at the end:")
        for pid in sorted(rss_start[name]):
            print(f"  worker {pid}: {rss_start[name][pid]} -> {rss_end[name].get(pid, 'gone')}")
        print(f"RSS every {args.rss_every} s (MiB):")
        for pid in sorted(rss_start[name]):
            print(f"  worker {pid}: " + " ".join(str(sample[name].get(pid, "-")) for sample in rss_over_time))
    print("\nLoad average at the end:", " ".join(Path("/proc/loadavg").read_text().split()[:3]))


if __name__ == "__main__":
    main()
