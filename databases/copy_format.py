"""PostgreSQL COPY text format, for the bulk writers (generated records, blocking keys, a batch's audit rows)."""

from django.db import connection

NULL = "\\N"
_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def copy_field(value) -> str:
    """One field: None as NULL, backslashes and the separators escaped."""
    return NULL if value is None else str(value).translate(_ESCAPES)


def copy_line(values) -> str:
    """One row, fields separated by tabs, ending in a newline."""
    return "\t".join(map(copy_field, values)) + "\n"


def vacuum_analyze(table: str) -> None:
    """After a bulk load: statistics, the visibility map (index-only scans) and the new rows' hint bits, which the
    first readers would otherwise write. VACUUM cannot run inside a caller's transaction (tests): ANALYZE only there."""
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {table}" if connection.in_atomic_block else f"VACUUM (ANALYZE) {table}")
