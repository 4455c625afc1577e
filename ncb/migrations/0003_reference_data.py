"""Load member countries, NCBs, offices, CCC sites and the role groups."""

from django.db import migrations


def forward(apps, schema_editor):
    from ncb.setup import load_reference_data

    load_reference_data(apps)


class Migration(migrations.Migration):
    dependencies = [("ncb", "0002_audit_append_only"), ("auth", "0012_alter_user_first_name_max_length")]
    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
