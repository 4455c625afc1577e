"""Reference data: member countries by region, and the General Secretariat's offices.

Country names are not typed here: they come from pycountry and its ISO 3166 translations (ar, fr, es).
Only membership and the region, which no library records, are listed.
"""

import gettext
from datetime import time

import pycountry

from .choices import Region, UnitKind

MEMBERS_BY_REGION: dict[str, str] = {
    Region.AFRICA: (
        "AO BJ BW BF BI CV CM CF TD KM CG CD CI DJ GQ ER SZ ET GA GM GH GN GW KE LS LR MG MW ML MR MU MZ NA NE NG "
        "RW ST SN SC SL SO ZA SS SD TZ TG UG ZM ZW"
    ),
    Region.MIDDLE_EAST_NORTH_AFRICA: "DZ BH EG IQ JO KW LB LY MA OM PS QA SA SY TN AE YE",
    Region.AMERICAS: (
        "AG AR AW BS BB BZ BO BR CA CL CO CR CU CW DM DO EC SV GD GT GY HT HN JM MX NI PA PY PE KN LC VC SX SR TT "
        "US UY VE"
    ),
    Region.ASIA_PACIFIC: (
        "AF AU BD BT BN KH CN FJ IN ID IR JP KZ KI KP KR KG LA MY MV MH MN MM NR NP NZ PK PW PG PH WS SG SB LK TJ "
        "TH TL TO TM UZ VU VN"
    ),
    Region.EUROPE: (
        "AL AD AM AT AZ BY BE BA BG HR CY CZ DK EE FI FR GE DE GR HU IS IE IL IT LV LI LT LU MT MD MC ME NL MK NO "
        "PL PT RO RU SM RS SK SI ES SE CH TR UA GB VA"
    ),
}

MEMBER_REGION: dict[str, str] = {
    code: str(region) for region, codes in MEMBERS_BY_REGION.items() for code in codes.split()
}

# Cities of the NCBs used by the demo and shown on the unit's page; others default to the capital's name blank.
NCB_CITIES = {
    "FR": "Nanterre",
    "ES": "Madrid",
    "US": "Washington, D.C.",
    "EG": "Cairo",
    "AR": "Buenos Aires",
    "SG": "Singapore",
    "KE": "Nairobi",
    "TH": "Bangkok",
    "MA": "Rabat",
    "AE": "Abu Dhabi",
    "GB": "Manchester",
    "DE": "Wiesbaden",
    "IT": "Rome",
    "BR": "Brasília",
    "CN": "Beijing",
    "IN": "New Delhi",
    "JP": "Tokyo",
    "NG": "Abuja",
    "ZA": "Pretoria",
    "SA": "Riyadh",
    "TR": "Ankara",
    "RU": "Moscow",
    "MX": "Mexico City",
}

# (code, kind, English name, country alpha-2, city, time zone, shift start, shift end)
OFFICES = [
    ("gs-lyon", UnitKind.GENERAL_SECRETARIAT, "General Secretariat", "FR", "Lyon", "Europe/Paris", None, None),
    (
        "gci-singapore",
        UnitKind.INNOVATION_COMPLEX,
        "Global Complex for Innovation",
        "SG",
        "Singapore",
        "Asia/Singapore",
        None,
        None,
    ),
    (
        "ro-argentina",
        UnitKind.REGIONAL_OFFICE,
        "Regional Bureau for South America",
        "AR",
        "Buenos Aires",
        "America/Argentina/Buenos_Aires",
        None,
        None,
    ),
    (
        "ro-cameroon",
        UnitKind.REGIONAL_OFFICE,
        "Regional Bureau for Central Africa",
        "CM",
        "Yaoundé",
        "Africa/Douala",
        None,
        None,
    ),
    (
        "ro-cote-divoire",
        UnitKind.REGIONAL_OFFICE,
        "Regional Bureau for West Africa",
        "CI",
        "Abidjan",
        "Africa/Abidjan",
        None,
        None,
    ),
    (
        "ro-el-salvador",
        UnitKind.REGIONAL_OFFICE,
        "Regional Bureau for Central America",
        "SV",
        "San Salvador",
        "America/El_Salvador",
        None,
        None,
    ),
    (
        "ro-kenya",
        UnitKind.REGIONAL_OFFICE,
        "Regional Bureau for Eastern Africa",
        "KE",
        "Nairobi",
        "Africa/Nairobi",
        None,
        None,
    ),
    ("ro-thailand", UnitKind.REGIONAL_OFFICE, "Liaison Office for Asia", "TH", "Bangkok", "Asia/Bangkok", None, None),
    (
        "ro-zimbabwe",
        UnitKind.REGIONAL_OFFICE,
        "Regional Bureau for Southern Africa",
        "ZW",
        "Harare",
        "Africa/Harare",
        None,
        None,
    ),
    (
        "rep-african-union",
        UnitKind.REPRESENTATIVE_OFFICE,
        "Special Representative to the African Union",
        "ET",
        "Addis Ababa",
        "Africa/Addis_Ababa",
        None,
        None,
    ),
    (
        "rep-european-union",
        UnitKind.REPRESENTATIVE_OFFICE,
        "Special Representative to the European Union",
        "BE",
        "Brussels",
        "Europe/Brussels",
        None,
        None,
    ),
    (
        "rep-united-nations",
        UnitKind.REPRESENTATIVE_OFFICE,
        "Special Representative to the United Nations",
        "US",
        "New York",
        "America/New_York",
        None,
        None,
    ),
    # Follow the sun: three eight-hour shifts in local time that together cover the 24 hours of UTC.
    (
        "ccc-singapore",
        UnitKind.CCC_SITE,
        "Command and Coordination Centre Singapore",
        "SG",
        "Singapore",
        "Asia/Singapore",
        time(8, 0),
        time(16, 0),
    ),
    (
        "ccc-lyon",
        UnitKind.CCC_SITE,
        "Command and Coordination Centre Lyon",
        "FR",
        "Lyon",
        "Europe/Paris",
        time(9, 0),
        time(17, 0),
    ),
    (
        "ccc-buenos-aires",
        UnitKind.CCC_SITE,
        "Command and Coordination Centre Buenos Aires",
        "AR",
        "Buenos Aires",
        "America/Argentina/Buenos_Aires",
        time(13, 0),
        time(21, 0),
    ),
]

# Office names in the other official languages (the General Secretariat's own wording, not a library's).
OFFICE_NAMES = {
    "General Secretariat": ("الأمانة العامة", "Secrétariat général", "Secretaría General"),
    "Global Complex for Innovation": (
        "المجمع العالمي للابتكار",
        "Complexe mondial pour l'innovation",
        "Complejo Mundial para la Innovación",
    ),
    "Regional Bureau for South America": (
        "المكتب الإقليمي لأمريكا الجنوبية",
        "Bureau régional pour l'Amérique du Sud",
        "Oficina Regional para América del Sur",
    ),
    "Regional Bureau for Central Africa": (
        "المكتب الإقليمي لأفريقيا الوسطى",
        "Bureau régional pour l'Afrique centrale",
        "Oficina Regional para África Central",
    ),
    "Regional Bureau for West Africa": (
        "المكتب الإقليمي لغرب أفريقيا",
        "Bureau régional pour l'Afrique de l'Ouest",
        "Oficina Regional para África Occidental",
    ),
    "Regional Bureau for Central America": (
        "المكتب الإقليمي لأمريكا الوسطى",
        "Bureau régional pour l'Amérique centrale",
        "Oficina Regional para América Central",
    ),
    "Regional Bureau for Eastern Africa": (
        "المكتب الإقليمي لشرق أفريقيا",
        "Bureau régional pour l'Afrique de l'Est",
        "Oficina Regional para África Oriental",
    ),
    "Liaison Office for Asia": ("مكتب الاتصال لآسيا", "Bureau de liaison pour l'Asie", "Oficina de Enlace para Asia"),
    "Regional Bureau for Southern Africa": (
        "المكتب الإقليمي للجنوب الأفريقي",
        "Bureau régional pour l'Afrique australe",
        "Oficina Regional para África Meridional",
    ),
    "Special Representative to the African Union": (
        "الممثل الخاص لدى الاتحاد الأفريقي",
        "Représentant spécial auprès de l'Union africaine",
        "Representante Especial ante la Unión Africana",
    ),
    "Special Representative to the European Union": (
        "الممثل الخاص لدى الاتحاد الأوروبي",
        "Représentant spécial auprès de l'Union européenne",
        "Representante Especial ante la Unión Europea",
    ),
    "Special Representative to the United Nations": (
        "الممثل الخاص لدى الأمم المتحدة",
        "Représentant spécial auprès des Nations Unies",
        "Representante Especial ante las Naciones Unidas",
    ),
    "Command and Coordination Centre Singapore": (
        "مركز القيادة والتنسيق في سنغافورة",
        "Centre de commandement et de coordination de Singapour",
        "Centro de Mando y Coordinación de Singapur",
    ),
    "Command and Coordination Centre Lyon": (
        "مركز القيادة والتنسيق في ليون",
        "Centre de commandement et de coordination de Lyon",
        "Centro de Mando y Coordinación de Lyon",
    ),
    "Command and Coordination Centre Buenos Aires": (
        "مركز القيادة والتنسيق في بوينس آيرس",
        "Centre de commandement et de coordination de Buenos Aires",
        "Centro de Mando y Coordinación de Buenos Aires",
    ),
}

NCB_NAME = {
    "en": "NCB {country}",
    "ar": "المكتب المركزي الوطني - {country}",
    "fr": "BCN {country}",
    "es": "OCN {country}",
}


def country_names(alpha2: str) -> dict[str, str]:
    """The country's common name in the four official languages, from pycountry's ISO 3166 catalogues."""
    country = pycountry.countries.get(alpha_2=alpha2)
    english = getattr(country, "common_name", None) or country.name
    names = {"en": english}
    for language in ("ar", "fr", "es"):
        catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True)
        translated = catalogue.gettext(english)
        names[language] = translated if translated != english else catalogue.gettext(country.name)
    return names
