"""Bulk import of records from CSV or JSON Lines files: command line (import_records) and upload page (Celery)."""
