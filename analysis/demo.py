"""Demo data of the analysis app: a national analyst and a small network to chart (idempotent).

"Le Marquis" (FR-P-001, Jean-Marc Dubois) and Marc Antoine Lefevre: stolen and lost documents, a cloned van, a
pistol reported twice, the two paintings of the Paris museum burglary, a Red Notice, a CCC case opened by a hit,
and a hit from an Egyptian record France is excluded from (shown to CCC staff, never to analyst.fr).
"""

import datetime as dt

from django.conf import settings
from django.contrib.auth.models import Group
from django.utils import timezone

from ccc.intake import case_open_from_hit
from databases.keys import fill_keys
from databases.models import Artwork, Firearm, GlobalRecord, Hit, Person, TravelDocument, Vehicle
from ncb.models import Unit, User
from ncb.roles import Role
from notices.models import Notice

from .choices import ModusOperandi, NodeKind
from .models import ModusOperandiTag

DOCUMENTS = [
    # owner, reference, type, number, country, holder family, holder given, status, days ago
    ("fr", "FR-AN-TD-01", "passport", "18FR44521", "FRA", "Dubois", "Jean-Marc", "stolen", 200),
    ("es", "ES-AN-TD-01", "identity_card", "DN7781234", "ESP", "Durand", "Marc", "lost", 120),
    ("fr", "FR-AN-TD-02", "passport", "17FR90210", "FRA", "Lefevre", "Marc Antoine", "stolen", 60),
]


def _ncb(cc: str) -> Unit:
    return Unit.objects.get(code=f"ncb-{cc}")


def _record(model: type[GlobalRecord], owner: str, reference: str, values: dict, days_ago: int = 30) -> GlobalRecord:
    record = model.objects.filter(owner__code=f"ncb-{owner}", reference=reference).first() or model(
        owner=_ncb(owner), reference=reference, recorded_at=timezone.now() - dt.timedelta(days=days_ago)
    )
    for name, value in values.items():
        setattr(record, name, value)
    fill_keys(record)
    record.save()
    return record


def _hit(record: GlobalRecord, *, source: GlobalRecord | None = None, unit: Unit | None = None, rule: str) -> Hit:
    query_key = f"{source.DATABASE}:{source.pk}" if source is not None else f"demo:{record.reference}"
    hit, _created = Hit.objects.get_or_create(
        database=record.DATABASE,
        record_id=record.pk,
        unit=unit,
        query_key=query_key,
        defaults={
            "record_owner_id": record.owner_id,
            "record_reference": record.reference,
            "source_database": source.DATABASE if source is not None else "",
            "source_record_id": source.pk if source is not None else None,
            "rule": rule,
            "score": 0.93 if source is not None else 1.0,
            "priority": 4,
        },
    )
    return hit


def _analyst() -> User:
    user, created = User.objects.get_or_create(username="analyst.fr", defaults={"unit": _ncb("fr")})
    user.unit, user.preferred_language = _ncb("fr"), "fr"
    user.first_name, user.last_name, user.email = "Inès", "Lambert", "analyst.fr@demo.invalid"
    if created:
        user.set_password(settings.DEMO_PASSWORD)
    user.save()
    user.groups.set(Group.objects.filter(name=Role.CRIMINAL_ANALYST))
    return user


def load(stdout=None) -> None:
    analyst = _analyst()
    dubois = Person.objects.get(owner__code="ncb-fr", reference="FR-P-001")
    lefevre = _record(
        Person,
        "fr",
        "FR-AN-P-01",
        {
            "family_name": "Lefevre",
            "given_names": "Marc Antoine",
            "date_of_birth": "1979-02-14",
            "place_of_birth": "Marseille",
            "sex": "M",
            "status": "wanted",
        },
        days_ago=90,
    )
    documents = {}
    for owner, ref, kind, number, country, family, given, status, days in DOCUMENTS:
        values = {
            "document_type": kind,
            "number": number,
            "issuing_country": country,
            "holder_family_name": family,
            "holder_given_names": given,
            "status": status,
        }
        documents[ref] = _record(TravelDocument, owner, ref, values, days_ago=days)
    TravelDocument.objects.filter(pk=documents["FR-AN-TD-01"].pk).update(person=dubois)
    TravelDocument.objects.filter(pk=documents["FR-AN-TD-02"].pk).update(person=lefevre)
    # Dubois's genuine Spanish identity card carries the number of the one Spain reported lost.
    dubois.documents.get_or_create(
        number_normalized="DN7781234",
        issuing_country="ESP",
        defaults={"document_type": "identity_card", "number": "DN7781234"},
    )
    van = _record(
        Vehicle,
        "fr",
        "FR-AN-V-01",
        {"plate": "GH-456-JK", "plate_country": "FRA", "make": "Renault", "model": "Master", "status": "stolen"},
        days_ago=150,
    )
    clone = _record(
        Vehicle,
        "es",
        "ES-AN-V-01",
        {"plate": "GH-456-JK", "plate_country": "FRA", "make": "Renault", "model": "Trafic", "status": "stolen"},
        days_ago=20,
    )
    pistol = _record(
        Firearm,
        "fr",
        "FR-AN-F-01",
        {"make": "Beretta S.p.A.", "model": "92FS", "serial_number": "BER123456Z", "firearm_type": "pistol"}
        | {"calibre": "9 mm", "country_of_manufacture": "ITA", "status": "stolen"},
        days_ago=45,
    )
    _hit(dubois, source=documents["ES-AN-TD-01"], rule="holder name and date of birth")
    restricted = Person.objects.filter(owner__code="ncb-eg", reference="EG-P-003").first()
    if restricted is not None:
        _hit(dubois, source=restricted, rule="alias transliteration")
    case_hit = _hit(documents["FR-AN-TD-01"], unit=_ncb("es"), rule="document number")
    case_open_from_hit(case_hit.pk)
    Notice.objects.filter(owner__code="ncb-fr", family_name="LEFEVRE", subject_record__isnull=True).update(
        subject_record=lefevre
    )
    burglary = [
        (NodeKind.PERSON, dubois),
        (NodeKind.PERSON, lefevre),
        (NodeKind.VEHICLE, van),
        (NodeKind.FIREARM, pistol),
        *((NodeKind.ARTWORK, art) for art in Artwork.objects.filter(reference__in=["FR-A-001", "FR-A-002"])),
    ]
    for kind, item in burglary:
        ModusOperandiTag.objects.get_or_create(
            kind=kind,
            object_id=item.pk,
            modus_operandi=ModusOperandi.MUSEUM_NIGHT_BURGLARY,
            defaults={"created_by": analyst},
        )
    for vehicle in (van, clone):
        ModusOperandiTag.objects.get_or_create(
            kind=NodeKind.VEHICLE,
            object_id=vehicle.pk,
            modus_operandi=ModusOperandi.VEHICLE_CLONING,
            defaults={"created_by": analyst},
        )
    if stdout:
        stdout.write(f"  analysis: {ModusOperandiTag.objects.count()} modus operandi tags, analyst.fr")
