"""Pages of the notices app, one module per area; notices/urls.py maps them."""
