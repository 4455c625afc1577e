"""PostgreSQL COPY text format, for the bulk writers (generated records, blocking keys, a batch's audit rows)."""

NULL = "\\N"
_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def copy_field(value) -> str:
    """One field: None as NULL, backslashes and the separators escaped."""
    return NULL if value is None else str(value).translate(_ESCAPES)


def copy_line(values) -> str:
    """One row, fields separated by tabs, ending in a newline."""
    return "\t".join(map(copy_field, values)) + "\n"
