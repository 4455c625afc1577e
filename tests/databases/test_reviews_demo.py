"""Review reminders, the demo data and the synthetic generator."""

import datetime as dt
import random
from collections import Counter

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from databases import demo, synthetic
from databases.models import Person, TravelDocument, Vehicle
from databases.services import record_review_remind
from databases.tasks import record_review_remind_task
from ncb.models import Notification
from tests.databases.factories import TravelDocumentFactory

pytestmark = pytest.mark.django_db


def test_owner_is_reminded_once_of_records_due_for_review(ncb_es):
    today = timezone.localdate()
    TravelDocumentFactory.create_batch(3, review_by=today + dt.timedelta(days=100))
    TravelDocumentFactory(review_by=today + dt.timedelta(days=400))
    assert record_review_remind() == 1
    note = Notification.objects.get(unit=ncb_es, kind="review_due")
    assert note.params["count"] == 3
    assert record_review_remind_task.delay().get() == 0


def test_new_records_are_due_for_review_in_five_years():
    document = TravelDocumentFactory()
    assert document.review_by.year == timezone.localdate().year + 5


def test_demo_data_loads_twice_without_duplicates():
    demo.load()
    counts = [m.objects.count() for m in (Person, TravelDocument, Vehicle)]
    demo.load()
    assert [m.objects.count() for m in (Person, TravelDocument, Vehicle)] == counts
    assert TravelDocument.objects.filter(owner__code="ncb-es", issuing_country="ESP", status="stolen").exists()
    assert Person.objects.filter(family_name_latin__icontains="abd").exists()
    assert TravelDocument.objects.exclude(restriction="all").exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="COPY needs PostgreSQL")
def test_generate_records_writes_rows_with_keys(capsys):
    call_command("generate_records", "--travel-documents", "300", "--persons", "50", "--vehicles", "40")
    assert TravelDocument.objects.filter(reference__startswith="GEN-").count() == 300
    document = TravelDocument.objects.filter(reference__startswith="GEN-").first()
    assert document.ocr_key and document.number_normalized == document.number
    assert Person.objects.filter(reference__startswith="GEN-", nationalities__isnull=False).count() == 50
    call_command("generate_records", "--travel-documents", "300")
    assert TravelDocument.objects.filter(reference__startswith="GEN-").count() == 300


NAMES_TSV = "latin\tarabic\tcount\nmohamed\tمحمد\t90\nkhatib\tالخطيب\t9\nsmith\tسميث\t1\n"


def test_a_name_pool_draws_names_by_how_often_they_are_carried(tmp_path):
    path = tmp_path / "names.tsv"
    path.write_text(NAMES_TSV, encoding="utf-8")
    pool = synthetic.NamePool.from_tsv(path)
    rng = random.Random(3)
    latin = Counter(pool.draw(rng, arabic=False) for _ in range(5000))
    assert set(latin) == {"Mohamed", "Khatib", "Smith"}
    assert latin["Mohamed"] > 8 * latin["Khatib"] > 8 * latin["Smith"] > 0
    assert {pool.draw(rng, arabic=True) for _ in range(500)} == {"محمد", "الخطيب", "سميث"}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="COPY needs PostgreSQL")
def test_generate_records_takes_names_from_a_list_and_refuses_a_bad_one(tmp_path):
    path = tmp_path / "names.tsv"
    path.write_text(NAMES_TSV, encoding="utf-8")
    call_command("generate_records", "--persons", "60", "--names", str(path))
    tokens = {
        token
        for family, given in Person.objects.filter(reference__startswith="GEN-").values_list(
            "family_name", "given_names"
        )
        for token in f"{family} {given}".split()
    }
    assert tokens <= {"Mohamed", "Khatib", "Smith", "محمد", "الخطيب", "سميث"} and "Mohamed" in tokens
    (tmp_path / "bad.tsv").write_text("name\n", encoding="utf-8")
    with pytest.raises(CommandError, match="--names"):
        call_command("generate_records", "--persons", "5", "--names", str(tmp_path / "bad.tsv"))
    with pytest.raises(CommandError, match="--names"):
        call_command("generate_records", "--persons", "5", "--names", str(tmp_path / "missing.tsv"))
