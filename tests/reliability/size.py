"""How much of each reliability run `make test` does, and how much `make reliability` does (its budget is larger)."""

import os

FULL = os.environ.get("PORTAL_RELIABILITY_FULL") == "1"
# Examples per API operation and token kind for schemathesis.
FUZZ_EXAMPLES = 25 if FULL else 4
FUZZ_EXAMPLES_BAD_TOKEN = 10 if FULL else 2
# Form fields tried one at a time with each hostile value (a deterministic sample; the notice form has dozens).
FORM_FIELDS = 1000 if FULL else 10
