"""Indexes the link chart reads by, on tables of the databases app (created here so that app stays untouched).

Hits are looked up by their source record as well as by the record they matched (databases has the latter),
and persons by place of birth compared as the chart compares places. Plain SQL that PostgreSQL and SQLite share.
"""

from django.db import migrations

INDEXES = {
    "analysis_hit_source": "databases_hit (source_database, source_record_id)",
    "analysis_person_place": "databases_person (lower(trim(place_of_birth)))",
}


class Migration(migrations.Migration):
    dependencies = [
        ("analysis", "0001_initial"),
        ("databases", "0002_matching_engine"),
    ]

    operations = [
        migrations.RunSQL(
            sql=f"CREATE INDEX IF NOT EXISTS {name} ON {target}",
            reverse_sql=f"DROP INDEX IF EXISTS {name}",
        )
        for name, target in INDEXES.items()
    ]
