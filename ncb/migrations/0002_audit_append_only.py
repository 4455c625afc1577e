"""On PostgreSQL, refuse UPDATE and DELETE on the audit trail, whoever asks (the app, the admin, psql)."""

from django.db import migrations

FORWARD = """
CREATE OR REPLACE FUNCTION ncb_audit_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER ncb_auditentry_append_only
    BEFORE UPDATE OR DELETE ON ncb_auditentry
    FOR EACH ROW EXECUTE FUNCTION ncb_audit_append_only();
"""
BACKWARD = """
DROP TRIGGER IF EXISTS ncb_auditentry_append_only ON ncb_auditentry;
DROP FUNCTION IF EXISTS ncb_audit_append_only();
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD, params=None)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD, params=None)


class Migration(migrations.Migration):
    dependencies = [("ncb", "0001_initial")]
    operations = [migrations.RunPython(forward, backward)]
