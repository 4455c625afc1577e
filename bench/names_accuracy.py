"""Accuracy and speed of cross-script name matching (databases/matching/) on the Latin/Arabic development set.

    .venv/bin/python bench/names_accuracy.py [--split held|tune] [--population 200000] [--persons 3000] [--step 0.05]

The split is by a hash of the Arabic string: 80% to tune rules on (--split tune), 20% held out (the default,
the numbers to report). Every Latin token of the file is in the index; a returned Latin token counts as correct
when the file pairs it with the queried Arabic string (several Latin spellings of one name are all correct).
1. Tokens: each held-out Arabic token is looked up in a Latin token index by its blocking keys and the candidates
   are scored; baseline: letter-by-letter transliteration + rapidfuzz ratio against every Latin token.
2. Full names: held-out tokens paired into 'given family' Arabic queries, screened against a synthetic mixed
   population (Latin and Arabic script, names drawn by frequency) that contains the Latin target person, through
   the real blocking keys and person scoring; with and without dates of birth.
3. Speed: person scores per second, and the time of a whole screening (keys, look-up, scoring).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
import zlib
from collections import Counter, defaultdict
from pathlib import Path

from rapidfuzz import fuzz, process

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from databases.matching.blocking import blocking_keys, dated_query_keys, loose_forms, query_keys  # noqa: E402
from databases.matching.dates import DateAgreement, compare_dates, parse_partial_date  # noqa: E402
from databases.matching.frequencies import NO_FREQUENCIES, NameFrequencies  # noqa: E402
from databases.matching.normalize import fold_name, tokens  # noqa: E402
from databases.matching.persons import MATCH_THRESHOLD, Person, prepare, score  # noqa: E402
from databases.matching.phonetic import forget_similarities, token_similarity  # noqa: E402

DATA = Path("/work/shared/data/names/latin-arabic-tokens.tsv")
DATED_KEYS = True  # --no-dated-keys: the look-up of the previous version (name keys only, all years)
MISSES_AT: float | None = None  # --misses-at T: print the targets missed at threshold T, to read why recall stops
TOKEN_THRESHOLDS = [0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95]


def person_thresholds(step: float) -> list[float]:
    """Thresholds of the person curves, from 0.50 to 0.90."""
    return [round(0.5 + i * step, 4) for i in range(round(0.4 / step) + 1)]


PERSON_THRESHOLDS = person_thresholds(0.05)  # main() sets --step's

# Baseline: the letter-for-letter romanisation a generic transliterator (unidecode and the like) produces.
NAIVE = str.maketrans({
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d",
    "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "", "غ": "gh",
    "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ة": "a", "و": "w", "ي": "y", "ى": "a",
    "ء": "", "ؤ": "w", "ئ": "y",
})  # fmt: skip


def canon(text: str) -> str:
    """The comparable form of one dataset token: its normalized tokens joined."""
    return "".join(tokens(text)) or fold_name(text).replace(" ", "")


def load(path: Path) -> list[tuple[str, str, int, str, str]]:
    rows = []
    with path.open(encoding="utf-8") as handle:
        next(handle)
        for line in handle:
            latin, arabic, count = line.rstrip("\n").split("\t")
            lc, ac = canon(latin), canon(arabic)
            if lc and ac:
                rows.append((latin, arabic, int(count), lc, ac))
    return rows


def held_out(arabic_canon: str) -> bool:
    return zlib.crc32(arabic_canon.encode()) % 5 == 0


def curve(hits: Counter, returned: Counter, correct: Counter, n: int, thresholds: list) -> list[tuple]:
    return [(t, hits[t] / n, correct[t] / max(1, returned[t]), returned[t] / n) for t in thresholds]


def print_curve(title: str, rows: list[tuple]) -> None:
    print(f"\n{title}\n  threshold  recall  precision  returned/query")
    for t, recall, precision, per_query in rows:
        print(f"  {t:9.2f}  {recall:6.4f}  {precision:9.4f}  {per_query:14.2f}")


def best(rows: list[tuple], min_precision: float) -> tuple | None:
    ok = [r for r in rows if r[2] >= min_precision]
    return max(ok, key=lambda r: r[1]) if ok else None


def token_eval(rows, queries, gold) -> None:
    latin = sorted({r[3] for r in rows})
    index: dict[str, list[str]] = defaultdict(list)
    for token in latin:
        for form in loose_forms(token):
            index[form].append(token)
    hits, returned, correct = Counter(), Counter(), Counter()
    blocked = candidates = top1 = 0.0
    for arabic in queries:
        found = {c for form in loose_forms(arabic) for c in index.get(form, ())}
        candidates += len(found)
        blocked += bool(found & gold[arabic])
        scored = {c: token_similarity(arabic, c) for c in found}
        if scored:
            top = max(scored.values())
            tied = [c for c, s in scored.items() if s == top]
            top1 += sum(c in gold[arabic] for c in tied) / len(tied)
        for t in TOKEN_THRESHOLDS:
            above = [c for c, s in scored.items() if s >= t]
            returned[t] += len(above)
            good = sum(c in gold[arabic] for c in above)
            correct[t] += good
            hits[t] += good > 0
    n = len(queries)
    print(f"\n== 1. Tokens: {n} Arabic queries against {len(latin)} Latin tokens")
    print(f"  blocking recall {blocked / n:.4f}, candidates per query {candidates / n:.1f}, top-1 {top1 / n:.4f}")
    print_curve("  phonetic keys + token_similarity", curve(hits, returned, correct, n, TOKEN_THRESHOLDS))

    hits, returned, correct = Counter(), Counter(), Counter()
    baseline_top1 = 0.0
    for arabic in queries:
        naive = fold_name(arabic).translate(NAIVE)
        found = process.extract(naive, latin, scorer=fuzz.ratio, score_cutoff=50, limit=None)
        if found:
            top = found[0][1]
            tied = [c for c, s, _ in found if s == top]
            baseline_top1 += sum(c in gold[arabic] for c in tied) / len(tied)
        for t in TOKEN_THRESHOLDS:
            above = [c for c, s, _ in found if s >= t * 100]
            returned[t] += len(above)
            good = sum(c in gold[arabic] for c in above)
            correct[t] += good
            hits[t] += good > 0
    print(f"  baseline top-1 {baseline_top1 / n:.4f}")
    print_curve(
        "  baseline: naive transliteration + rapidfuzz ratio", curve(hits, returned, correct, n, TOKEN_THRESHOLDS)
    )


def make_population(rows, size: int, rng: random.Random) -> list[dict]:
    """Synthetic persons with names drawn by frequency, 30% written in Arabic script, random full birth dates."""
    weights = [r[2] for r in rows]
    draws = rng.choices(rows, weights=weights, k=2 * size)
    people = []
    for i in range(size):
        given, family = draws[2 * i], draws[2 * i + 1]
        arabic = rng.random() < 0.3
        column = 1 if arabic else 0
        people.append(
            {
                "person": Person(family[column], given[column], date_of_birth=random_date(rng)),
                "arabic": arabic,
                "names": (given[4 if arabic else 3], family[4 if arabic else 3]),
            }
        )
    return people


def random_date(rng: random.Random) -> str:
    return f"{rng.randint(1940, 2005)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def name_correct(entry: dict, given: str, family: str, gold) -> bool:
    g, f = entry["names"]
    if entry["arabic"]:
        return {g, f} == {given, family}
    return (g in gold[given] and f in gold[family]) or (g in gold[family] and f in gold[given])


def make_tests(queries, gold, latin_raw, people, n_persons: int, rng: random.Random) -> list[tuple]:
    """Pair Arabic query tokens into 'given family' queries; add each one's Latin target person to `people`."""
    shuffled = queries[:]
    rng.shuffle(shuffled)
    tests = []
    for given, family in zip(shuffled[0 : 2 * n_persons : 2], shuffled[1 : 2 * n_persons : 2], strict=False):
        target_dob = random_date(rng)
        latin_given, latin_family = (latin_raw[rng.choice(sorted(gold[x]))] for x in (given, family))
        tests.append((given, family, len(people), target_dob))
        people.append(
            {
                "person": Person(latin_family, latin_given, date_of_birth=target_dob),
                "arabic": False,
                "names": (canon(latin_given), canon(latin_family)),
            }
        )
    return tests


def results_curve(results: dict[int, list], tests, people, gold, mode: str, thresholds: list) -> list[tuple]:
    """Recall of the target and precision of what is returned, per threshold, from {test: [(person, score)]}.

    With a date of birth (mode 'full') only the target is correct; names only, any person with the same name.
    """
    hits, returned, correct = Counter(), Counter(), Counter()
    for number, (given, family, target, _dob) in enumerate(tests):
        scored = results.get(number, ())
        for t in thresholds:
            above = [i for i, v in scored if v >= t]
            ok = [i for i in above if (i == target if mode == "full" else name_correct(people[i], given, family, gold))]
            returned[t] += len(above)
            correct[t] += len(ok)
            hits[t] += target in above
    return curve(hits, returned, correct, len(tests), thresholds)


def query_date(dob: str | None, target_dob: str) -> str | None:
    """The date of birth a test's query gives: none, the target's full date ('full') or its year ('year')."""
    return None if dob is None else target_dob if dob == "full" else target_dob[:4]


def engine_results(tests, index, prepared, frequencies, dob: str | None) -> tuple[dict[int, list], list, list, int]:
    """Our engine on each test: blocking-key look-up then scoring; (results, candidates, timings, blocked)."""
    results: dict[int, list] = {}
    n_candidates, timings = [], []
    blocked = 0
    for number, (given, family, target, target_dob) in enumerate(tests):
        date = query_date(dob, target_dob)
        t0 = time.perf_counter()
        query_person = Person(family, given, date_of_birth=date)
        query = prepare(query_person)
        found = {i for key in query_keys(family, given) for i in index.get(key, ())}
        if date is not None and DATED_KEYS:
            # As in production (match_keys.candidate_ids): a date of birth leaves out the dates it rules out,
            # and the single-token keys are looked up among the full dates in reach too (of the same year when
            # the query has no day).
            query_dob = parse_partial_date(date)
            same_year = len(date) < 10
            found |= {
                i
                for key in dated_query_keys(family, given)
                for i in index.get(key, ())
                if not same_year or prepared[i].dob[0] == query_dob[0]  # the population's dates are all full
            }
            found = {i for i in found if compare_dates(query_dob, prepared[i].dob) is not DateAgreement.CONFLICT}
        scored = [(i, score(query, prepared[i], frequencies, explain=False).value) for i in found]
        for i, value in scored:
            if value >= MATCH_THRESHOLD:
                score(query, prepared[i], frequencies)  # the reasons of what would be shown
        timings.append(time.perf_counter() - t0)
        n_candidates.append(len(found))
        blocked += target in found
        results[number] = scored
    return results, n_candidates, timings, blocked


def person_eval(rows, queries, tune_queries, gold, latin_raw, size: int, n_persons: int, n_tune: int, rng) -> None:
    people = make_population(rows, size, rng)
    tests = make_tests(queries, gold, latin_raw, people, n_persons, rng)
    tune_tests = make_tests(tune_queries, gold, latin_raw, people, n_tune, rng) if n_tune else []
    started = time.perf_counter()
    index: dict[str, list[int]] = defaultdict(list)
    key_count = 0
    for ident, entry in enumerate(people):
        person = entry["person"]
        keys = blocking_keys(person.family_name, person.given_names)
        key_count += len(keys)
        for key in keys:
            index[key].append(ident)
    prepared = [prepare(entry["person"]) for entry in people]
    frequencies = NameFrequencies.from_names(
        n for e in people for n in (e["person"].family_name, e["person"].given_names)
    )
    build = time.perf_counter() - started
    print(f"\n== 2. Full names: {len(tests)} Arabic 'given family' queries, population {len(people)} (30% Arabic)")
    print(f"  index: {key_count / len(people):.1f} keys per person, {len(index)} distinct keys, built in {build:.0f} s")
    for kind, label in (("pqro", "name keys (p:, q:, r:, o:)"), ("n", "single-token keys (n:, one-name queries)")):
        sizes = sorted((len(v) for k, v in index.items() if k[0] in kind), reverse=True)
        above_1 = sum(s > len(people) / 100 for s in sizes)
        above_01 = sum(s > len(people) / 1000 for s in sizes)
        print(
            f"  {label}: largest holds {sizes[0] / len(people):.3%} of the population, "
            f"{above_1} keys above 1%, {above_01} above 0.1%"
        )

    modes = {"names only": None, "full date of birth": "full", "query with year of birth only": "year"}
    ours: dict[str, tuple] = {}
    for mode, dob in modes.items():
        results, n_candidates, timings, blocked = engine_results(tests, index, prepared, frequencies, dob)
        n = len(tests)
        print(
            f"\n  [{mode}] blocking recall {blocked / n:.4f}, "
            f"candidates per query mean {statistics.mean(n_candidates):.1f}"
            f" p99 {sorted(n_candidates)[int(0.99 * n)]}; screening time p50 {statistics.median(timings) * 1000:.2f} ms"
            f" p99 {sorted(timings)[int(0.99 * n)] * 1000:.2f} ms"
        )
        rows_curve = results_curve(results, tests, people, gold, "full" if dob else "names", PERSON_THRESHOLDS)
        print_curve(
            f"  recall of the target person; precision = {'the target only' if dob else 'same name'}", rows_curve
        )
        for floor in (0.95, 0.9):
            chosen = best(rows_curve, floor)
            if chosen:
                print(
                    f"  best recall at precision >= {floor}: threshold {chosen[0]}, recall {chosen[1]:.4f}, "
                    f"precision {chosen[2]:.4f}"
                )
        if chosen := best(rows_curve, 0.95):
            print_swapped(tests, people, frequencies, dob, (chosen[0], MATCH_THRESHOLD))
        if MISSES_AT is not None:
            print_misses(results, tests, people, MISSES_AT)
        if tune_tests and dob != "year":
            tune_results = engine_results(tune_tests, index, prepared, frequencies, dob)[0]
            ours["full" if dob else "names"] = (results, tune_results)
    if tune_tests:
        compare_baselines(people, tests, tune_tests, gold, ours)


def print_swapped(tests, people, frequencies, dob: str | None, thresholds: tuple[float, ...]) -> None:
    """Recall of the same targets recorded with their names swapped (the given names in the family field).

    The tests record every target in place; a swap costs names.ORDER_SWAP_COST of the evidence, and this says what
    that cost takes from the persons whose records swap the two fields.
    """
    found = Counter()
    for given, family, target, target_dob in tests:
        person = people[target]["person"]
        swapped = Person(person.given_names, person.family_name, date_of_birth=person.date_of_birth)
        keys = set(query_keys(family, given))
        date = query_date(dob, target_dob)
        if date is not None and DATED_KEYS:
            keys.update(dated_query_keys(family, given))
        if keys.isdisjoint(blocking_keys(swapped.family_name, swapped.given_names)):
            continue
        query = prepare(Person(family, given, date_of_birth=date))
        value = score(query, prepare(swapped), frequencies, explain=False).value
        for t in thresholds:
            found[t] += value >= t
    recalls = ", ".join(f"{found[t] / len(tests):.4f} at {t}" for t in thresholds)
    print(f"  the same targets recorded with the names swapped: recall {recalls}")


def print_misses(results: dict[int, list], tests, people, threshold: float) -> None:
    """The targets scored below `threshold` (or not found): query, target and the target's score.

    Read them to tell the spellings the engine misses from the pairs of the file that are no spelling of each other
    (a translation, another name), which no name matching can find.
    """
    missed = []
    for number, (given, family, target, _dob) in enumerate(tests):
        value = dict(results.get(number, ())).get(target)
        if value is None or value < threshold:
            missed.append((given, family, people[target]["person"], value))
    print(f"  {len(missed)} targets missed at threshold {threshold}:")
    for given, family, person, value in missed:
        found = "not found" if value is None else f"{value:.3f}"
        print(f"    {given} {family}  ->  {person.given_names} {person.family_name}  ({found})")


def compare_baselines(people, tests, tune_tests, gold, ours: dict[str, tuple]) -> None:
    """Our engine, splink and rapidfuzz on the same tests; each threshold chosen on the tune-split tests."""
    from bench.baselines import RAPIDFUZZ_THRESHOLDS, SPLINK_THRESHOLDS, rapidfuzz_results, splink_results, with_date

    every = tests + tune_tests
    print(f"\n== 2b. Baselines: {len(tests)} held-out queries, thresholds chosen on {len(tune_tests)} tune queries")
    methods: dict[str, dict[str, tuple]] = {"ours": {}, "splink": {}, "rapidfuzz": {}}
    for mode in ("names", "full"):
        methods["ours"][mode] = (*ours[mode], PERSON_THRESHOLDS)
    found = rapidfuzz_results(people, [(family, given) for given, family, _target, _dob in every])
    dated = with_date(found, people, [dob for _given, _family, _target, dob in every])
    for mode, results in (("names", found), ("full", dated)):
        held = {i: results.get(i, []) for i in range(len(tests))}
        tune = {i: results.get(len(tests) + i, []) for i in range(len(tune_tests))}
        methods["rapidfuzz"][mode] = (held, tune, RAPIDFUZZ_THRESHOLDS)
    queries = [(family, given, dob) for given, family, _target, dob in every]
    by_mode = splink_results(people, queries)
    for mode, found in by_mode.items():
        held = {i: found.get(i, []) for i in range(len(tests))}
        tune = {i: found.get(len(tests) + i, []) for i in range(len(tune_tests))}
        methods["splink"][mode] = (held, tune, SPLINK_THRESHOLDS)
    for mode in ("full", "names"):
        for name in ("splink", "rapidfuzz"):
            held, _tune, thresholds = methods[name][mode]
            print_curve(f"  {name} [{mode}], held-out", results_curve(held, tests, people, gold, mode, thresholds))
    print(
        "\n  | query | method | threshold (tuned) | recall | precision | "
        "best recall at precision >= 0.95 on held-out (threshold) |"
    )
    print("  |---|---|---|---|---|---|")
    for mode, label in (("full", "names + full date of birth"), ("names", "names only")):
        for name, per_mode in methods.items():
            held, tune, thresholds = per_mode[mode]
            tuned_curve = results_curve(tune, tune_tests, people, gold, mode, thresholds)
            chosen = best(tuned_curve, 0.95) or max(tuned_curve, key=lambda r: r[2])
            held_curve = results_curve(held, tests, people, gold, mode, thresholds)
            at = next(r for r in held_curve if r[0] == chosen[0])
            oracle = best(held_curve, 0.95)
            oracle_text = f"{oracle[1]:.4f} ({oracle[0]})" if oracle else "none reaches 0.95"
            print(f"  | {label} | {name} | {chosen[0]} | {at[1]:.4f} | {at[2]:.4f} | {oracle_text} |")


def speed(rows, rng: random.Random) -> None:
    people = make_population(rows, 4000, rng)
    prepared = [prepare(e["person"]) for e in people]
    pairs = [(rng.choice(prepared), rng.choice(prepared)) for _ in range(40000)]
    for a, b in pairs:  # warm the token caches as a running screening service would have them
        score(a, b, explain=False)
    # Remembered alignments would make the second pass a dictionary look-up: time the alignments themselves.
    NO_FREQUENCIES.alignments.clear()
    t0 = time.perf_counter()
    for a, b in pairs:
        score(a, b, explain=False)
    warm = time.perf_counter() - t0
    forget_similarities()
    NO_FREQUENCIES.alignments.clear()
    t0 = time.perf_counter()
    for a, b in pairs[:10000]:
        score(a, b, explain=False)
    cold = time.perf_counter() - t0
    print(
        f"\n== 3. Speed: {len(pairs) / warm:,.0f} person scores/s with warm caches "
        f"({warm / len(pairs) * 1e6:.1f} µs each), {10000 / cold:,.0f}/s with cold token-pair cache"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--split", choices=("held", "tune"), default="held")
    parser.add_argument("--population", type=int, default=200_000)
    parser.add_argument("--persons", type=int, default=3000)
    parser.add_argument("--skip-tokens", action="store_true", help="only the full-name and speed sections")
    parser.add_argument(
        "--baselines",
        type=int,
        default=0,
        metavar="N",
        help="also run splink and rapidfuzz (pip install -e '.[bench]'), thresholds tuned on N tune-split queries",
    )
    parser.add_argument("--no-dated-keys", action="store_true", help="look up name keys only, whatever the year")
    parser.add_argument("--misses-at", type=float, metavar="T", help="print the targets missed at threshold T")
    parser.add_argument(
        "--step", type=float, default=0.05, help="person thresholds from 0.50 to 0.90 in these steps (0.05)"
    )
    args = parser.parse_args()
    global DATED_KEYS, MISSES_AT, PERSON_THRESHOLDS
    DATED_KEYS = not args.no_dated_keys
    MISSES_AT = args.misses_at
    PERSON_THRESHOLDS = person_thresholds(args.step)
    rng = random.Random(20240601)
    rows = load(args.data)
    gold: dict[str, set[str]] = defaultdict(set)
    latin_raw: dict[str, str] = {}
    for latin, _arabic, _count, lc, ac in rows:
        gold[ac].add(lc)
        latin_raw.setdefault(lc, latin)
    queries = sorted(a for a in gold if held_out(a) == (args.split == "held"))
    tune_queries = sorted(a for a in gold if not held_out(a))
    print(f"{len(rows)} pairs, split '{args.split}': {len(queries)} distinct Arabic query tokens")
    if not args.skip_tokens:
        token_eval(rows, queries, gold)
    person_eval(rows, queries, tune_queries, gold, latin_raw, args.population, args.persons, args.baselines, rng)
    speed(rows, rng)


if __name__ == "__main__":
    main()
