"""Idempotent loading of reference data, usable from a migration (historical models) or a command."""

from .choices import UnitKind
from .reference import MEMBER_REGION, NCB_CITIES, NCB_NAME, OFFICE_NAMES, OFFICES, country_names
from .roles import Role

LANGUAGES = ("en", "ar", "fr", "es")


def _translated(field: str, values: dict[str, str]) -> dict[str, str]:
    fields = {f"{field}_{language}": values[language] for language in LANGUAGES}
    fields[field] = values["en"]
    return fields


def load_reference_data(apps=None) -> None:
    import pycountry

    if apps is None:
        from django.apps import apps as global_apps

        apps = global_apps
    Country = apps.get_model("ncb", "Country")
    Unit = apps.get_model("ncb", "Unit")
    Group = apps.get_model("auth", "Group")

    if not Country.objects.exists():
        _bulk_load(apps)
        return
    countries = {}
    for record in pycountry.countries:
        names = country_names(record.alpha_2)
        countries[record.alpha_2], _created = Country.objects.update_or_create(
            iso2=record.alpha_2,
            defaults={
                "iso3": record.alpha_3,
                "numeric": record.numeric,
                "region": MEMBER_REGION.get(record.alpha_2, ""),
                "is_member": record.alpha_2 in MEMBER_REGION,
                **_translated("name", names),
            },
        )

    for alpha2 in MEMBER_REGION:
        country = countries[alpha2]
        names = {
            language: NCB_NAME[language].format(country=getattr(country, f"name_{language}")) for language in LANGUAGES
        }
        Unit.objects.update_or_create(
            code=f"ncb-{alpha2.lower()}",
            defaults={
                "kind": UnitKind.NCB,
                "country": country,
                "city": NCB_CITIES.get(alpha2, ""),
                "time_zone": _country_time_zone(alpha2),
                **_translated("name", names),
            },
        )

    for code, kind, english, alpha2, city, zone, start, end in OFFICES:
        arabic, french, spanish = OFFICE_NAMES[english]
        names = {"en": english, "ar": arabic, "fr": french, "es": spanish}
        Unit.objects.update_or_create(
            code=code,
            defaults={
                "kind": kind,
                "country": countries[alpha2],
                "city": city,
                "time_zone": zone,
                "shift_start": start,
                "shift_end": end,
                **_translated("name", names),
            },
        )

    for role in Role:
        Group.objects.get_or_create(name=role.value)


def _bulk_load(apps) -> None:
    """First load into empty tables (a new database, or a test database after a flush): one insert per table."""
    import pycountry

    Country = apps.get_model("ncb", "Country")
    Unit = apps.get_model("ncb", "Unit")
    Group = apps.get_model("auth", "Group")
    Country.objects.bulk_create(
        Country(
            iso2=record.alpha_2,
            iso3=record.alpha_3,
            numeric=record.numeric,
            region=MEMBER_REGION.get(record.alpha_2, ""),
            is_member=record.alpha_2 in MEMBER_REGION,
            **_translated("name", country_names(record.alpha_2)),
        )
        for record in pycountry.countries
    )
    countries = {country.iso2: country for country in Country.objects.all()}
    units = []
    for alpha2 in MEMBER_REGION:
        country = countries[alpha2]
        names = {
            language: NCB_NAME[language].format(country=getattr(country, f"name_{language}")) for language in LANGUAGES
        }
        units.append(
            Unit(
                code=f"ncb-{alpha2.lower()}",
                kind=UnitKind.NCB,
                country=country,
                city=NCB_CITIES.get(alpha2, ""),
                time_zone=_country_time_zone(alpha2),
                **_translated("name", names),
            )
        )
    for code, kind, english, alpha2, city, zone, start, end in OFFICES:
        arabic, french, spanish = OFFICE_NAMES[english]
        names = {"en": english, "ar": arabic, "fr": french, "es": spanish}
        units.append(
            Unit(
                code=code,
                kind=kind,
                country=countries[alpha2],
                city=city,
                time_zone=zone,
                shift_start=start,
                shift_end=end,
                **_translated("name", names),
            )
        )
    Unit.objects.bulk_create(units)
    Group.objects.bulk_create([Group(name=role.value) for role in Role], ignore_conflicts=True)


def reference_data_present() -> bool:
    from .models import Country, Unit

    return Country.objects.exists() and Unit.objects.filter(code="ccc-lyon").exists()


def _country_time_zone(alpha2: str) -> str:
    """The first IANA zone listed for the country (the capital's, for most), or UTC."""
    import zoneinfo

    zones = _COUNTRY_ZONES.get(alpha2)
    if zones is None:
        _COUNTRY_ZONES.update(_read_zone_tab())
        zones = _COUNTRY_ZONES.get(alpha2, ["UTC"])
    zone = zones[0]
    if not _AVAILABLE_ZONES:
        _AVAILABLE_ZONES.update(zoneinfo.available_timezones())  # walks the zone folder: once per process
    return zone if zone in _AVAILABLE_ZONES else "UTC"


_COUNTRY_ZONES: dict[str, list[str]] = {}
_AVAILABLE_ZONES: set[str] = set()


def _read_zone_tab() -> dict[str, list[str]]:
    """Country to zones from the system's zone1970/zone.tab (tzdata), which every Debian machine has."""
    import os

    result: dict[str, list[str]] = {}
    for path in ("/usr/share/zoneinfo/zone.tab", "/usr/share/zoneinfo/zone1970.tab"):
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("#"):
                    continue
                parts = line.rstrip("\n").split("\t")
                if len(parts) >= 3:
                    for code in parts[0].split(","):
                        result.setdefault(code, []).append(parts[2])
        if result:
            break
    return result
