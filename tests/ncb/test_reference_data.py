import pytest
from django.utils import translation

from ncb.models import Country, Unit

pytestmark = pytest.mark.django_db


def test_all_196_member_countries_have_an_ncb():
    assert Country.objects.filter(is_member=True).count() == 196
    assert Unit.objects.filter(kind="ncb").count() == 196
    assert not Country.objects.filter(is_member=True, units__isnull=True).exists()


def test_country_names_come_translated_from_the_iso_catalogues():
    egypt = Country.objects.get(iso2="EG")
    assert egypt.iso3 == "EGY"
    with translation.override("fr"):
        assert Country.objects.get(iso2="EG").name == "Égypte"
    with translation.override("ar"):
        assert Country.objects.get(iso2="EG").name == "مصر"
    with translation.override("es"):
        assert Country.objects.get(iso2="EG").name == "Egipto"


def test_offices_and_ccc_sites_exist_with_their_time_zones():
    sites = dict(Unit.objects.filter(kind="ccc").values_list("code", "time_zone"))
    assert sites == {
        "ccc-lyon": "Europe/Paris",
        "ccc-singapore": "Asia/Singapore",
        "ccc-buenos-aires": "America/Argentina/Buenos_Aires",
    }
    assert Unit.objects.filter(kind="regional").count() == 7
    assert Unit.objects.filter(kind="representative").count() == 3
    assert Unit.objects.get(kind="gs").city == "Lyon"


def test_reference_data_reload_is_idempotent():
    from ncb.setup import load_reference_data

    before = (Country.objects.count(), Unit.objects.count())
    load_reference_data()
    assert (Country.objects.count(), Unit.objects.count()) == before


def test_demo_users_are_created_with_their_languages_and_refused_in_production(settings):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    from ncb.models import User

    call_command("load_demo", verbosity=0)
    assert User.objects.get(username="officer.eg").preferred_language == "ar"
    assert User.objects.get(username="officer.es").preferred_language == "es"
    assert User.objects.get(username="officer.fr").preferred_language == "fr"
    assert User.objects.get(username="admin").is_superuser
    settings.PRODUCTION = True
    with pytest.raises(CommandError):
        call_command("load_demo", verbosity=0)
