"""Demo records of every database, owned by the demo NCBs, in Latin and Arabic script (idempotent)."""

import datetime as dt

from django.utils import timezone

from ncb.choices import Restriction
from ncb.models import Country, Unit

from .keys import fill_keys
from .models import Artwork, Firearm, GlobalRecord, Person, TravelDocument, Vehicle
from .services.match_keys import person_keys_refresh
from .services.records import alias_rows

PERSONS = [
    # owner, reference, family, given, date of birth, sex, nationalities, aliases, status
    ("es", "ES-P-001", "García Pérez", "Antonio", "1978-04-12", "M", ["ES"], ["Toni Garcia"], "wanted"),
    ("es", "ES-P-002", "Fernández", "Lucía", "1991-11", "F", ["ES", "AR"], [], "missing"),
    ("fr", "FR-P-001", "Dubois", "Jean-Marc", "1969-07-30", "M", ["FR"], ["JM Dubois", "Le Marquis"], "wanted"),
    ("fr", "FR-P-002", "Benali", "Karim", "1983", "M", ["FR", "DZ"], ["Abu Karim"], "wanted"),
    ("us", "US-P-001", "Miller", "Jonathan Robert", "1975-02-03", "M", ["US"], ["Johnny Miles"], "wanted"),
    ("us", "US-P-002", "Rodriguez", "Ana Maria", "2006-09-18", "F", ["US", "MX"], [], "missing"),
    ("eg", "EG-P-001", "عبد الرحمن", "محمد أحمد", "1980-01-15", "M", ["EG"], ["محمد عبدالرحمن", "Abu Ahmed"], "wanted"),
    ("eg", "EG-P-002", "حسن", "فاطمة", "1995-06", "F", ["EG"], [], "missing"),
    ("eg", "EG-P-003", "الشامي", "خالد", "1972", "M", ["EG", "SY"], ["Khaled El Shami"], "wanted"),
    ("ma", "MA-P-001", "الفاسي", "يوسف", "1988-03-21", "M", ["MA"], ["Youssef El Fassi"], "wanted"),
    ("ma", "MA-P-002", "Benjelloun", "Salma", "1999-12-01", "F", ["MA", "FR"], [], "missing"),
    ("ae", "AE-P-001", "القحطاني", "سعيد", "1985-08-08", "M", ["AE", "SA"], ["Saeed Al Qahtani"], "wanted"),
    ("ar", "AR-P-001", "Gómez", "Martín", "1981-05-25", "M", ["AR"], ["El Flaco"], "wanted"),
    ("sg", "SG-P-001", "Tan", "Wei Ming", "1979-10-10", "M", ["SG", "MY"], [], "wanted"),
    ("ke", "KE-P-001", "Otieno", "Brian", "1990-04", "M", ["KE"], ["Bryo"], "wanted"),
    ("th", "TH-P-001", "Srisuk", "Somchai", "1977", "M", ["TH"], [], "wanted"),
]
DOCUMENTS = [
    # owner, reference, type, number, issuing country, holder family, holder given, status
    ("es", "ES-TD-001", "passport", "PAB123456", "ESP", "Martínez", "Elena", "stolen"),
    ("es", "ES-TD-002", "passport", "XDA987654", "ESP", "", "", "stolen_blank"),
    ("es", "ES-TD-003", "identity_card", "12345678Z", "ESP", "Ruiz", "Pablo", "lost"),
    ("fr", "FR-TD-001", "passport", "19FR12345", "FRA", "Lefebvre", "Claire", "stolen"),
    ("fr", "FR-TD-002", "identity_card", "X4RTBPFW4", "FRA", "Moreau", "Luc", "lost"),
    ("us", "US-TD-001", "passport", "561234987", "USA", "Miller", "Jonathan", "revoked"),
    ("us", "US-TD-002", "passport", "A12345678", "USA", "Johnson", "Emily", "stolen"),
    ("eg", "EG-TD-001", "passport", "A23456789", "EGY", "عبد الرحمن", "محمد", "stolen"),
    ("eg", "EG-TD-002", "passport", "A34567890", "EGY", "حسن", "علي", "lost"),
    ("ar", "AR-TD-001", "passport", "AAA123456", "ARG", "Gómez", "Martín", "stolen"),
    ("sg", "SG-TD-001", "passport", "E1234567N", "SGP", "Lim", "Mei", "stolen"),
    ("ke", "KE-TD-001", "passport", "AK0123456", "KEN", "Wanjiru", "Grace", "lost"),
    ("th", "TH-TD-001", "passport", "AA1234567", "THA", "Srisuk", "Somchai", "stolen"),
    ("ma", "MA-TD-001", "passport", "UZ1234567", "MAR", "الفاسي", "يوسف", "stolen"),
    ("ae", "AE-TD-001", "passport", "P12345678", "ARE", "القحطاني", "سعيد", "revoked"),
]
VEHICLES = [
    # owner, reference, VIN, plate, plate country, make, model, colour, year
    ("es", "ES-V-001", "VSSZZZ6JZ9R012345", "1234 BCD", "ESP", "SEAT", "Ibiza", "red", 2019),
    ("es", "ES-V-002", "", "5678 FGH", "ESP", "Toyota", "Land Cruiser", "white", 2021),
    ("fr", "FR-V-001", "VF1RFB00X62123456", "AB-123-CD", "FRA", "Renault", "Clio", "grey", 2020),
    ("us", "US-V-001", "1HGCM82633A004352", "7ABC123", "USA", "Honda", "Accord", "black", 2003),
    ("us", "US-V-002", "1FTFW1ET5DFC10312", "", "", "Ford", "F-150", "blue", 2013),
    ("eg", "EG-V-001", "JTMHV05J604123456", "1234 SAD", "EGY", "Toyota", "Land Cruiser", "white", 2018),
    ("ar", "AR-V-001", "8AJFR22G504123456", "AB123CD", "ARG", "Toyota", "Hilux", "silver", 2022),
    ("sg", "SG-V-001", "", "SGX1234A", "SGP", "BMW", "X5", "black", 2021),
    ("ke", "KE-V-001", "", "KDA 123A", "KEN", "Toyota", "Prado", "green", 2016),
    ("th", "TH-V-001", "MR0FZ29G701234567", "", "", "Toyota", "Hilux", "white", 2017),
    ("ae", "AE-V-001", "WDD2220821A123456", "D 12345", "ARE", "Mercedes-Benz", "S 500", "black", 2022),
    ("ma", "MA-V-001", "", "12345-A-6", "MAR", "Dacia", "Logan", "grey", 2015),
]
ARTWORKS = [
    # owner, reference, titles (en, fr, es, ar), artist, type, materials, date stolen, place, status
    (
        "fr",
        "FR-A-001",
        ("The Pigeon with Peas", "Le Pigeon aux petits pois", "La paloma con guisantes", ""),
        "Pablo Picasso",
        "painting",
        "oil on canvas",
        "2010-05-20",
        "Musée d'Art Moderne, Paris",
        "stolen",
    ),
    (
        "fr",
        "FR-A-002",
        ("Olive Tree near l'Estaque", "L'Olivier près de l'Estaque", "", ""),
        "Georges Braque",
        "painting",
        "oil on canvas",
        "2010-05-20",
        "Musée d'Art Moderne, Paris",
        "stolen",
    ),
    (
        "es",
        "ES-A-001",
        ("Codex Calixtinus", "Codex Calixtinus", "Códice Calixtino", ""),
        "",
        "manuscript",
        "parchment",
        "2011-07-05",
        "Santiago de Compostela Cathedral",
        "recovered",
    ),
    (
        "eg",
        "EG-A-001",
        ("Poppy Flowers", "Coquelicots", "Amapolas", "زهور الخشخاش"),
        "Vincent van Gogh",
        "painting",
        "oil on canvas",
        "2010-08-21",
        "Mohamed Mahmoud Khalil Museum, Cairo",
        "stolen",
    ),
    (
        "eg",
        "EG-A-002",
        ("Statuette of Bastet", "Statuette de Bastet", "Estatuilla de Bastet", "تمثال باستت"),
        "",
        "archaeological",
        "bronze",
        "2013-08-14",
        "Mallawi Museum, Minya",
        "stolen",
    ),
    (
        "us",
        "US-A-001",
        ("The Concert", "Le Concert", "El concierto", ""),
        "Johannes Vermeer",
        "painting",
        "oil on canvas",
        "1990-03-18",
        "Isabella Stewart Gardner Museum, Boston",
        "stolen",
    ),
    (
        "ar",
        "AR-A-001",
        ("Portrait of a Gaucho", "Portrait d'un gaucho", "Retrato de un gaucho", ""),
        "Prilidiano Pueyrredón",
        "painting",
        "oil on canvas",
        "2015-02-11",
        "Buenos Aires",
        "stolen",
    ),
    (
        "th",
        "TH-A-001",
        ("Seated Buddha", "Bouddha assis", "Buda sentado", ""),
        "",
        "sculpture",
        "bronze, gilt",
        "2018-01-09",
        "Ayutthaya",
        "stolen",
    ),
]
FIREARMS = [
    # owner, reference, make, model, serial, calibre, type, country of manufacture, status
    ("es", "ES-F-001", "Star Bonifacio Echeverría S.A.", "Model B", "1234567", "9 mm", "pistol", "ESP", "stolen"),
    ("fr", "FR-F-001", "MAS", "MAS 49/56", "F-12345", "7.5 mm", "rifle", "FRA", "stolen"),
    ("us", "US-F-001", "Glock GmbH", "G19", "BXYZ123", "9 mm", "pistol", "AUT", "stolen"),
    ("us", "US-F-002", "Smith & Wesson", "Model 686", "CAT1234", ".357 Magnum", "revolver", "USA", "lost"),
    ("eg", "EG-F-001", "Helwan", "Helwan 920", "H-0098765", "9 mm", "pistol", "EGY", "stolen"),
    ("ar", "AR-F-001", "Bersa S.A.", "Thunder 380", "A12345", ".380 ACP", "pistol", "ARG", "stolen"),
    ("ke", "KE-F-001", "Kalashnikov Concern", "AK-47", "1976-54321", "7.62x39", "rifle", "RUS", "missing"),
    ("th", "TH-F-001", "Heckler & Koch GmbH", "MP5", "HK-778899", "9 mm", "submachine_gun", "DEU", "stolen"),
    ("ma", "MA-F-001", "Beretta S.p.A.", "92FS", "BER123456Z", "9 mm", "pistol", "ITA", "stolen"),
    ("ae", "AE-F-001", "Caracal International LLC", "Caracal F", "CAR-000123", "9 mm", "pistol", "ARE", "stolen"),
]
# Records restricted by their owner: reference -> (restriction, countries).
RESTRICTED = {
    "EG-P-003": (Restriction.ALL_EXCEPT, ["FR"]),
    "ES-TD-002": (Restriction.ALL_EXCEPT, ["MA"]),
    "US-P-001": (Restriction.ONLY, ["FR", "ES", "AR"]),
    "AE-F-001": (Restriction.ONLY, ["EG", "MA", "SG"]),
}


def _ncb(cc: str) -> Unit:
    return Unit.objects.get(code=f"ncb-{cc}")


def _save(model: type[GlobalRecord], owner: str, reference: str, values: dict) -> GlobalRecord:
    record = model.objects.filter(owner__code=f"ncb-{owner}", reference=reference).first() or model(
        owner=_ncb(owner), reference=reference, recorded_at=timezone.now() - dt.timedelta(days=30)
    )
    for name, value in values.items():
        setattr(record, name, value)
    fill_keys(record)
    record.save()
    restriction, countries = RESTRICTED.get(reference, (Restriction.ALL, []))
    if record.restriction != restriction:
        record.restriction = restriction
        record.save(update_fields=["restriction"])
    record.restriction_countries.set(Country.objects.filter(iso2__in=countries))
    return record


def load(stdout=None) -> None:
    person_ids = []
    for owner, ref, family, given, dob, sex, nationalities, aliases, status in PERSONS:
        person = _save(
            Person,
            owner,
            ref,
            {
                "family_name": family,
                "given_names": given,
                "date_of_birth": dob,
                "sex": sex,
                "status": status,
                "family_name_latin": "",
                "given_names_latin": "",
            },
        )
        person.nationalities.set(Country.objects.filter(iso2__in=nationalities))
        person.aliases.all().delete()
        person.aliases.bulk_create(alias_rows(person, aliases))
        person_ids.append(person.pk)
    # The screening's blocking keys, so that the demo persons can be found by name in any script.
    person_keys_refresh(person_ids=person_ids)
    for owner, ref, kind, number, country, family, given, status in DOCUMENTS:
        _save(
            TravelDocument,
            owner,
            ref,
            {
                "document_type": kind,
                "number": number,
                "issuing_country": country,
                "holder_family_name": family,
                "holder_given_names": given,
                "status": status,
                "date_of_event": dt.date(2025, 3, 14),
            },
        )
    for owner, ref, vin, plate, country, make, model, colour, year in VEHICLES:
        _save(
            Vehicle,
            owner,
            ref,
            {
                "vin": vin,
                "plate": plate,
                "plate_country": country,
                "make": make,
                "model": model,
                "colour": colour,
                "year": year,
                "status": "stolen",
            },
        )
    for owner, ref, titles, artist, kind, materials, stolen, place, status in ARTWORKS:
        values = {f"title_{code}": title for code, title in zip(("en", "fr", "es", "ar"), titles, strict=True)}
        values.update(
            {
                "artist": artist,
                "artwork_type": kind,
                "materials": materials,
                "date_stolen": dt.date.fromisoformat(stolen),
                "place_stolen": place,
                "status": status,
                "country_stolen": _ncb(owner).country,
            }
        )
        _save(Artwork, owner, ref, values)
    for owner, ref, make, model, serial, calibre, kind, made_in, status in FIREARMS:
        _save(
            Firearm,
            owner,
            ref,
            {
                "make": make,
                "model": model,
                "serial_number": serial,
                "calibre": calibre,
                "firearm_type": kind,
                "country_of_manufacture": made_in,
                "status": status,
            },
        )
    if stdout:
        total = sum(m.objects.count() for m in (Person, TravelDocument, Vehicle, Artwork, Firearm))
        stdout.write(f"  database records: {total}")
