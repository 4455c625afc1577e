"""Pages of the global databases (thin: parse, call one selector or service, render)."""
