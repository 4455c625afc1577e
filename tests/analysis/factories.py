"""Helpers of the analysis tests: hits between records, restrictions, tags."""

from analysis.models import ModusOperandiTag
from databases.models import Hit
from ncb.models import Country


def hit_between(record, source, *, unit=None) -> Hit:
    """A record-against-record hit, as the matching engine records it."""
    return Hit.objects.create(
        database=record.DATABASE,
        record_id=record.pk,
        record_owner_id=record.owner_id,
        record_reference=record.reference,
        source_database=source.DATABASE,
        source_record_id=source.pk,
        unit=unit,
        query_key=f"{source.DATABASE}:{source.pk}",
        rule="test",
        score=0.9,
    )


def restrict(record, restriction: str, countries: list[str]):
    record.restriction = restriction
    record.save(update_fields=["restriction"])
    record.restriction_countries.set(Country.objects.filter(iso2__in=[c.upper() for c in countries]))
    return record


def tag(kind: str, item, code: str) -> ModusOperandiTag:
    return ModusOperandiTag.objects.create(kind=kind, object_id=item.pk, modus_operandi=code)
