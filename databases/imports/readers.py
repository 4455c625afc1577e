"""Reading import files: CSV (header row of field names) or JSON Lines (one object per line), with line numbers."""

import codecs
import csv
import json
from collections.abc import Iterator
from typing import IO

from django.utils.translation import gettext as _


class ImportFileError(ValueError):
    """The file as a whole cannot be read (wrong format, unknown columns); no row is imported."""


def file_kind(name: str) -> str:
    """ "csv" or "jsonl" from the file name; ImportFileError for anything else."""
    lowered = name.lower()
    if lowered.endswith(".csv"):
        return "csv"
    if lowered.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    raise ImportFileError(_("The file must be .csv or .jsonl."))


def text_check(stream: IO[bytes], name: str) -> None:
    """ImportFileError unless the file opens as UTF-8 text: a spreadsheet, an archive or an image renamed .csv is
    refused at once, with the reason, rather than read as thousands of bad rows."""
    head = stream.read(64 * 1024)
    stream.seek(0)
    try:
        # A multi-byte character cut at the end of the sample is fine.
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        head = b"\x00"
    if b"\x00" in head:
        raise ImportFileError(_("{name} is not UTF-8 text: save it as CSV (UTF-8) or JSON Lines.").format(name=name))


def _list(value) -> list[str]:
    """Lists arrive as "a; b; c" in CSV and as JSON arrays in JSON Lines."""
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [part.strip() for part in str(value or "").split(";") if part.strip()]


def read_rows(stream: IO[bytes], kind: str, list_fields: frozenset[str]) -> Iterator[tuple[int, dict]]:
    """Yield (line number, row) with list fields as lists; other values as stripped text (JSON: as given)."""
    text = codecs.getreader("utf-8-sig")(stream, errors="replace")
    if kind == "csv":
        reader = csv.DictReader(text)
        for row in reader:
            cleaned = {k.strip(): (v or "").strip() for k, v in row.items() if k is not None}
            yield reader.line_num, {k: _list(v) if k in list_fields else v for k, v in cleaned.items()}
        return
    for number, line in enumerate(text, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            yield number, {"__error__": _("This line is not valid JSON.")}
            continue
        if not isinstance(row, dict):
            yield number, {"__error__": _("Each line must be a JSON object.")}
            continue
        yield number, {k: _list(v) if k in list_fields else ("" if v is None else v) for k, v in row.items()}


def count_rows(stream: IO[bytes], kind: str) -> int:
    """Data rows in the file, for the progress bar (CSV: lines minus the header; good enough for a bar)."""
    lines = sum(1 for line in stream if line.strip())
    stream.seek(0)
    return max(lines - 1, 0) if kind == "csv" else lines
