"""The audit trail: append-only in the database, read-only in the admin, searchable and exportable by heads."""

import pytest
from django.db import DatabaseError, connection, transaction

from ncb.models import AuditEntry
from ncb.services import audit_record

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger is PostgreSQL's")
def test_update_and_delete_of_an_audit_row_fail_on_postgresql(officer_fr):
    entry = audit_record(actor=officer_fr, action="record.view", outcome="ok")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).update(outcome="tampered")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).delete()
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE ncb_auditentry SET action = 'x' WHERE id = %s", [entry.pk])
    entry.refresh_from_db()
    assert entry.outcome == "ok"


def test_admin_cannot_add_change_or_delete_audit_rows(admin_client, officer_fr):
    entry = audit_record(actor=officer_fr, action="record.view")
    assert admin_client.get("/en/admin/ncb/auditentry/").status_code == 200
    assert admin_client.get("/en/admin/ncb/auditentry/add/").status_code == 403
    assert admin_client.post(f"/en/admin/ncb/auditentry/{entry.pk}/delete/").status_code == 403
    page = admin_client.get(f"/en/admin/ncb/auditentry/{entry.pk}/change/").content.decode()
    assert 'name="_save"' not in page


def test_head_searches_and_exports_only_their_own_ncbs_trail(client, head_fr, officer_fr, officer_es):
    audit_record(actor=officer_fr, action="check.travel_document", outcome="no hit")
    audit_record(actor=officer_es, action="check.travel_document", outcome="secret-es")
    client.force_login(head_fr)
    page = client.get("/en/ncb/audit/?action=check").content.decode()
    assert officer_fr.username in page
    assert "secret-es" not in page
    export = client.get("/en/ncb/audit/export.csv?action=check")
    body = b"".join(export.streaming_content).decode()
    assert export["Content-Type"].startswith("text/csv")
    assert officer_fr.username in body and "secret-es" not in body
    assert AuditEntry.objects.filter(action="audit.export", actor=head_fr).exists()


def test_an_officer_who_is_not_head_cannot_see_the_trail(client, officer_fr):
    client.force_login(officer_fr)
    assert client.get("/en/ncb/audit/").status_code == 403
    assert client.get("/en/ncb/audit/export.csv").status_code == 403


def test_audit_trail_list_has_a_constant_query_count(client, head_fr, officer_fr, django_assert_max_num_queries):
    client.force_login(head_fr)
    for i in range(3):
        audit_record(actor=officer_fr, action=f"record.view.{i}")
    client.get("/en/ncb/audit/")
    for i in range(30):
        audit_record(actor=officer_fr, action=f"record.view.{i}")
    with django_assert_max_num_queries(12):
        client.get("/en/ncb/audit/")


def test_a_trail_longer_than_the_cap_is_counted_up_to_it_and_says_so(client, head_fr, officer_fr, monkeypatch):
    from ncb.pagination import CappedPaginator

    monkeypatch.setattr(CappedPaginator, "cap", 60)
    for i in range(70):
        audit_record(actor=officer_fr, action=f"record.view.{i}")
    client.force_login(head_fr)
    page = client.get("/en/ncb/audit/").content.decode()
    assert "More than 60 entries: narrow the search to see them all." in page and "Page 1 of 2" in page
    assert "More than" not in client.get("/en/ncb/audit/?action=record.view.1").content.decode()
