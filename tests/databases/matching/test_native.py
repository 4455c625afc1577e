"""The matching core compiled by mypyc: used only while built from the present sources, and it answers as they do."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from databases import matching

ROOT = Path(__file__).resolve().parents[3]

# Pairs covering each path of the scoring: scripts, particles, initials, order, aliases, dates, sexes, homonyms.
PAIRS = [
    (("El Khatib", "Mohamed", (), "1975-03-02", "M", ("EGY",)), ("الخطيب", "محمد", (), "1975-03-02", "M", ("EGY",))),
    (("Al-Khateeb", "Muhammad Ali", (), "1975", None, ()), ("Khatib", "", (), None, None, ())),
    (("Ben Youssef", "Omar", (), "1980-04", "M", ()), ("بن يوسف", "عمر", (), "1980-04-12", "F", ())),
    (("Abu Bakr", "Abd al-Rahman", (), None, None, ()), ("Abubakr", "Abdelrahman", (), None, None, ())),
    (("Yusuf", "Abdel Rahman", (), "1990-01-02", None, ()), ("Abdelrahman", "Youssef", (), "1990-02-01", None, ())),
    (("Dupont", "J.", (), None, None, ("FRA",)), ("Dupont", "Jean Pierre", (), "1961", None, ("FRA",))),
    (("Garcia Lopez", "Maria", ("Maria Garcia",), None, "F", ()), ("Garcia", "Maria Jose", (), None, "F", ())),
    (("Hassan", "Ali", (), "1970", None, ()), ("Hussein", "Ali", (), "1985", None, ())),
    (("Jovanović", "Wojciech", (), None, None, ()), ("يوفانوفيتش", "فويتشخ", (), None, None, ())),
]

ORACLE = """
import json, sys
from databases.matching.frequencies import NameFrequencies
from databases.matching.persons import Person, prepare, query_keys, reaches, score
import databases.matching

frequencies = NameFrequencies.from_names(["Mohamed", "Ali", "Maria", "Garcia", "Omar"] * 50 + ["Khatib", "Dupont"])
answers = []
for a, b in json.loads(sys.stdin.read()):
    x, y = (Person(n[0], n[1], tuple(n[2]), n[3], n[4], tuple(n[5])) for n in (a, b))
    result = score(prepare(x), prepare(y), frequencies)
    answers.append({
        "value": result.value,
        "reasons": [[r.code, r.params] for r in result.reasons],
        "reaches": [reaches(prepare(x), prepare(y), frequencies, t) for t in (0.5, 0.75, 0.9)],
        "keys": sorted(query_keys(x.family_name, x.given_names, x.aliases)),
    })
print(json.dumps({"compiled": databases.matching.COMPILED, "answers": answers}, ensure_ascii=False))
"""


def _answers(pure: bool) -> dict:
    env = {key: value for key, value in os.environ.items() if key != "MATCHING_PURE_PYTHON"}
    if pure:
        env["MATCHING_PURE_PYTHON"] = "1"
    result = subprocess.run(
        [sys.executable, "-c", ORACLE], input=json.dumps(PAIRS), cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_build_is_used_only_for_the_sources_it_was_built_from(tmp_path):
    assert not matching.native_is_current(tmp_path), "no build"
    (tmp_path / matching.DIGEST_FILE).write_text("0" * 64)
    assert not matching.native_is_current(tmp_path), "a build of other sources"
    (tmp_path / matching.DIGEST_FILE).write_text(matching.sources_digest() + "\n")
    assert matching.native_is_current(tmp_path)


def test_the_digest_covers_every_compiled_module_and_the_python():
    assert sorted(matching.COMPILED_MODULES) == sorted(
        path.stem for path in matching.SOURCE_DIR.glob("*.py") if path.stem != "__init__"
    )
    assert len(matching.sources_digest()) == 64


def test_the_digest_covers_the_c_source(tmp_path, monkeypatch):
    before = matching.sources_digest()
    for path in matching.SOURCE_DIR.iterdir():
        if path.suffix in (".py", ".c"):
            (tmp_path / path.name).write_bytes(path.read_bytes())
    (tmp_path / matching.C_SOURCE).write_text("/* edited */")
    monkeypatch.setattr(matching, "SOURCE_DIR", tmp_path)
    assert matching.sources_digest() != before


def test_the_compiled_core_answers_as_the_sources_do():
    if not matching.native_is_current():
        pytest.skip("the matching core is not compiled here (make native needs a C compiler)")
    compiled, pure = _answers(pure=False), _answers(pure=True)
    assert compiled["compiled"] and not pure["compiled"]
    assert compiled["answers"] == pure["answers"]
    assert any(answer["value"] >= 0.75 for answer in pure["answers"])
    assert any(answer["value"] < 0.5 for answer in pure["answers"])


def test_the_test_run_uses_the_compiled_core_when_it_is_built():
    if not matching.native_is_current():
        pytest.skip("the matching core is not compiled here (make native needs a C compiler)")
    from databases.matching import names, persons

    assert matching.COMPILED or os.environ.get("MATCHING_PURE_PYTHON")
    if matching.COMPILED:
        assert Path(names.__file__).suffix == ".so" and Path(persons.__file__).suffix == ".so"
