"""How much of each reliability run `make test` does, and how much `make reliability` does (its budget is larger)."""

import os

FULL = os.environ.get("PORTAL_RELIABILITY_FULL") == "1"
# Examples per API operation for schemathesis: with a valid token, and with each bad token (expired, revoked,
# missing: every example is three calls).
FUZZ_EXAMPLES = 12 if FULL else 2
FUZZ_EXAMPLES_BAD_TOKEN = 4 if FULL else 1
# schemathesis phases: "coverage" sends every boundary case the schema allows, dozens per operation.
FUZZ_PHASES = ["examples", "coverage", "fuzzing"] if FULL else ["examples", "fuzzing"]
# Form fields tried one at a time with each hostile value (a deterministic sample; the notice form has dozens).
FORM_FIELDS = 1000 if FULL else 10
