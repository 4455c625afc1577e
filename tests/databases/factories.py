"""Factories of records, built with their stored keys (databases.keys) as the services would."""

import factory

from databases.identifiers.mrz import check_digit
from databases.keys import fill_keys
from databases.models import Artwork, Firearm, Person, TravelDocument, Vehicle
from ncb.models import Unit


class RecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True
        skip_postgeneration_save = True

    owner = factory.LazyFunction(lambda: Unit.objects.get(code="ncb-es"))
    reference = factory.Sequence(lambda n: f"REF-{n:06d}")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        record = model_class(*args, **kwargs)
        fill_keys(record)
        record.save()
        return record


class PersonFactory(RecordFactory):
    class Meta:
        model = Person

    family_name = factory.Sequence(lambda n: f"Garcia{n}")
    given_names = "Maria"
    date_of_birth = "1980-05-17"
    sex = "F"
    status = "wanted"


class TravelDocumentFactory(RecordFactory):
    class Meta:
        model = TravelDocument

    number = factory.Sequence(lambda n: f"XD{n:07d}")
    issuing_country = "ESP"
    document_type = "passport"
    status = "stolen"


class VehicleFactory(RecordFactory):
    class Meta:
        model = Vehicle

    vin = factory.Sequence(lambda n: f"WVWZZZ1JZ{n:08d}")
    plate = factory.Sequence(lambda n: f"{n:04d} BCD")
    plate_country = "ESP"
    make = "Volkswagen"
    status = "stolen"


class ArtworkFactory(RecordFactory):
    class Meta:
        model = Artwork

    title = factory.Sequence(lambda n: f"Still life {n}")
    artist = "Juan Gris"
    artwork_type = "painting"
    status = "stolen"


class FirearmFactory(RecordFactory):
    class Meta:
        model = Firearm

    make = "Glock GmbH"
    serial_number = factory.Sequence(lambda n: f"ABC{n:05d}")
    firearm_type = "pistol"
    status = "stolen"


def _field(value: str, width: int) -> str:
    return value.ljust(width, "<")[:width]


def td3_mrz(
    *,
    country: str,
    number: str,
    surname: str,
    given: str,
    birth: str = "800517",
    sex: str = "F",
    expiry: str = "300101",
    nationality: str | None = None,
) -> str:
    """A passport's two MRZ lines with correct check digits (ICAO 9303 TD3)."""
    nationality = nationality or country
    top = _field(f"P<{country}{surname.upper()}<<{given.upper().replace(' ', '<')}", 44)
    doc = _field(number, 9)
    personal = "<" * 14
    body = (
        doc
        + check_digit(doc)
        + nationality
        + birth
        + check_digit(birth)
        + sex
        + expiry
        + check_digit(expiry)
        + personal
        + "<"
    )
    composite = body[0:10] + body[13:20] + body[21:43]
    return top + "\n" + body + check_digit(composite)


def records_under_every_restriction(record_factory, closed_status: str) -> list:
    """One record per kind of restriction, each listing France; then a closed one and one past its review date,
    which no look-up may return. For comparing two ways of applying the access policy."""
    import datetime as dt

    from django.utils import timezone

    from ncb.choices import Restriction
    from ncb.models import Country

    france = Country.objects.get(iso2="FR")
    records = []
    for restriction in Restriction.values:
        record = record_factory(restriction=restriction)
        record.restriction_countries.set([france])
        records.append(record)
    records.append(record_factory(status=closed_status))
    records.append(record_factory(review_by=timezone.localdate() - dt.timedelta(days=1)))
    return records
