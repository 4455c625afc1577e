"""Baselines for the full-name benchmark of bench/names_accuracy.py: splink and rapidfuzz on transliterated names.

Both get the same population and the same Arabic queries as our engine, and the best transliteration we have
(databases.matching.transliterate, name-aware: 'عبد الرحمن' -> 'abd al rahman'), applied to every name in Arabic
script; Latin names are folded the same way. Each returns, per threshold, the Arabic test queries' results as
{test index: [(population index, score), ...]} so that names_accuracy scores all methods with one rule.

- rapidfuzz: token_sort_ratio of the whole transliterated name against every person (no blocking: the most
  generous recall a plain fuzzy match can have); with a date of birth in the query, the person's must be equal.
- splink (DuckDB): link_only between the queries and the population; family and given names compared with
  Jaro-Winkler (NameComparison: exact, 0.92, 0.88, 0.7) with term-frequency adjustments, date of birth with
  DateOfBirthComparison; u by random sampling, m by EM (one session blocked on date of birth for the names,
  one blocked on the family name for the date). Prediction blocks on the first two letters of the family name
  and the first letter of the given name, or the reverse, or an equal date of birth.
"""

from __future__ import annotations

import logging
import time
from functools import lru_cache

from rapidfuzz import fuzz, process

from databases.matching.normalize import tokens
from databases.matching.transliterate import transliterate

RAPIDFUZZ_THRESHOLDS = list(range(60, 101, 2))
# splink match weights (log2 of the odds, the prior of one match per population included): the probabilities of
# names-only pairs all sit near 0 against a prior of one in a million, the weights still order them.
SPLINK_THRESHOLDS = [-10, -6, -4, -2, 0, 2, 4, 6, 8, 10, 12, 14, 16, 20]
# Pairs below this weight are not kept from splink's predict (the lowest threshold of the curve).
SPLINK_FLOOR = min(SPLINK_THRESHOLDS)


@lru_cache(maxsize=200_000)
def latin_name(name: str) -> str:
    """A name in any script as folded Latin words, compound tokens kept whole ('abd al rahman' -> 'abdalrahman')."""
    return " ".join(transliterate(token).replace(" ", "") for token in tokens(name))


def _sorted(name: str) -> str:
    return " ".join(sorted(name.split()))


def rapidfuzz_results(people: list[dict], queries: list[tuple[str, str]]) -> dict[int, list]:
    """For each query (family, given): [(person index, token_sort_ratio)] from the lowest threshold up."""
    started = time.perf_counter()
    # token_sort_ratio is ratio on the sorted tokens: sort the population once, not once per query, and score
    # each distinct name once (names repeat in a population drawn by frequency).
    by_name: dict[str, list[int]] = {}
    for i, p in enumerate(people):
        name = _sorted(f"{latin_name(p['person'].family_name)} {latin_name(p['person'].given_names)}")
        by_name.setdefault(name, []).append(i)
    choices = list(by_name)
    results: dict[int, list] = {}
    for number, (family, given) in enumerate(queries):
        text = _sorted(f"{latin_name(family)} {latin_name(given)}")
        found = process.extract(text, choices, scorer=fuzz.ratio, score_cutoff=min(RAPIDFUZZ_THRESHOLDS), limit=None)
        results[number] = [(i, value) for name, value, _key in found for i in by_name[name]]
    print(
        f"  rapidfuzz: {len(queries)} queries against {len(people)} persons ({len(choices)} distinct names) "
        f"in {time.perf_counter() - started:.0f} s"
    )
    return results


def with_date(results: dict[int, list], people: list[dict], dates: list[str]) -> dict[int, list]:
    """The rapidfuzz results of queries with a date of birth: only persons born that day are kept."""
    return {
        number: [(i, v) for i, v in found if people[i]["person"].date_of_birth == dates[number]]
        for number, found in results.items()
    }


def splink_results(people: list[dict], queries: list[tuple[str, str, str | None]]) -> dict[str, dict[int, list]]:
    """splink's match weights, trained by EM on queries with dates of birth; {"full": ..., "names": ...}.

    The model is trained once (queries with their dates of birth) and predicts twice: with the dates, and with
    the queries' dates removed (names only).
    """
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    logging.getLogger("splink").setLevel(logging.WARNING)
    started = time.perf_counter()
    population = {
        "unique_id": list(range(len(people))),
        "family": [latin_name(p["person"].family_name) or None for p in people],
        "given": [latin_name(p["person"].given_names) or None for p in people],
        "dob": [p["person"].date_of_birth for p in people],
    }

    def query_table(with_dob: bool) -> dict:
        return {
            "unique_id": list(range(len(queries))),
            "family": [latin_name(family) or None for family, _given, _dob in queries],
            "given": [latin_name(given) or None for _family, given, _dob in queries],
            "dob": [dob if with_dob else None for _family, _given, dob in queries],
        }

    prediction_rules = [
        block_on("substr(family, 1, 2)", "substr(given, 1, 1)"),
        block_on("substr(given, 1, 2)", "substr(family, 1, 1)"),
        block_on("dob"),
    ]
    settings = SettingsCreator(
        link_type="link_only",
        comparisons=[
            cl.NameComparison("family").configure(term_frequency_adjustments=True),
            cl.NameComparison("given").configure(term_frequency_adjustments=True),
            cl.DateOfBirthComparison("dob", input_is_string=True),
        ],
        blocking_rules_to_generate_predictions=prediction_rules,
        # One true match per query among the population: the prior only shifts probabilities monotonically,
        # and the thresholds are swept anyway.
        probability_two_random_records_match=1 / len(people),
        retain_intermediate_calculation_columns=False,
    )
    db_api = DuckDBAPI()
    trained = None
    out: dict[str, dict[int, list]] = {}
    for mode, with_dob in (("full", True), ("names", False)):
        tables = [
            db_api.register(population, table_name=f"population_{mode}"),
            db_api.register(query_table(with_dob), table_name=f"queries_{mode}"),
        ]
        linker = Linker(tables, trained or settings, log_level=None)
        if trained is None:
            linker.training.estimate_u_using_random_sampling(max_pairs=2_000_000, seed=1)
            linker.training.estimate_parameters_using_expectation_maximisation(block_on("dob"))
            linker.training.estimate_parameters_using_expectation_maximisation(block_on("substr(family, 1, 3)"))
            trained = linker.misc.save_model_to_json()
            print(f"  splink: trained in {time.perf_counter() - started:.0f} s")
        predicted = linker.inference.predict(threshold_match_weight=SPLINK_FLOOR)
        rows = predicted.as_duckdbpyrelation().fetchall()
        columns = [c.unquote().name for c in predicted.columns]
        left, right = columns.index("unique_id_l"), columns.index("unique_id_r")
        weight, source = columns.index("match_weight"), columns.index("source_dataset_l")
        results: dict[int, list] = {}
        for row in rows:
            # link_only puts either table on the left; name the sides by the source of the left record.
            if str(row[source]).startswith("queries"):
                query, person = row[left], row[right]
            else:
                query, person = row[right], row[left]
            results.setdefault(int(query), []).append((int(person), float(row[weight])))
        out[mode] = results
        print(f"  splink [{mode}]: {len(rows)} pairs above {SPLINK_FLOOR}, {time.perf_counter() - started:.0f} s")
    return out
