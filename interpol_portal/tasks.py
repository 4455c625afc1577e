"""Project-level tasks: a ping that proves a worker is consuming and can reach the database."""

from celery import shared_task
from django.db import connection


@shared_task(name="interpol_portal.tasks.ping_task")
def ping_task(token: str) -> dict:
    """Answer with the token and the database the worker sees, for health checks and the integration test."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"token": token, "database": connection.settings_dict["NAME"]}
