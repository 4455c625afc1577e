"""Synthetic records at benchmark scale: realistic-looking, deterministic (seeded), with their stored keys.

Rows are yielded as tab-separated lines ready for PostgreSQL COPY (generate_records), so 10 million travel
documents are written without building a model instance each.
"""

import bisect
import csv
import datetime as dt
import itertools
import random
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .copy_format import copy_line
from .identifiers.confusables import confusion_key
from .identifiers.vin import vin_check_digit
from .keys import latin, name_key

PREFIX = "GEN-"


def _words(text: str) -> tuple[str, ...]:
    """Names separated by spaces; "_" joins the parts of a compound name ("عبد_الله")."""
    return tuple(word.replace("_", " ") for word in text.split())


LATIN_FAMILY = _words(
    "Garcia Martinez Lopez Sanchez Perez Gomez Martin Jimenez Ruiz Hernandez Dupont Durand Bernard Moreau Laurent "
    "Lefebvre Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Silva Santos Oliveira Souza "
    "Rossi Russo Ferrari Esposito Muller Schmidt Schneider Fischer Weber Kowalski Nowak Ivanov Petrov Okafor Mensah "
    "Kamau Otieno Nguyen Tran Tan Lim Wong Suzuki Tanaka Kim Lee Park Chen Wang Singh Kumar Sharma"
)
LATIN_GIVEN = _words(
    "Maria Jose Juan Carmen Antonio Ana Luis Pedro Sofia Lucia Jean Pierre Marie Claire Luc Sophie John James "
    "Michael Sarah Emma Olivia David Daniel Paolo Giulia Marco Hans Anna Peter Piotr Olga Ivan Chidi Kwame Amina "
    "Wanjiru Minh Linh Wei Mei Hiroshi Yuki Ji-woon Raj Priya Carlos Elena Miguel Isabel"
)
ARABIC_FAMILY = _words(
    "محمد أحمد علي حسن حسين إبراهيم عبد_الله عبد_الرحمن الخطيب الحسيني المصري العلي الشامي الحداد النجار "
    "السيد منصور يوسف خليل سليمان عثمان الزهراني القحطاني العتيبي بن_علي الفاسي البغدادي التونسي الجزائري"
)
ARABIC_GIVEN = _words(
    "محمد أحمد علي عمر خالد يوسف إبراهيم مصطفى حسن حسين فاطمة عائشة مريم خديجة زينب نور ليلى سارة هدى سلمى "
    "عبد_الله عبد_الرحمن طارق سعيد كريم رشيد ياسين أمين حمزة بلال"
)
ISSUERS = (
    "ESP",
    "FRA",
    "USA",
    "EGY",
    "ARG",
    "SGP",
    "KEN",
    "THA",
    "MAR",
    "ARE",
    "DEU",
    "ITA",
    "GBR",
    "BRA",
    "NGA",
    "IND",
    "CHN",
    "TUR",
    "MEX",
    "CAN",
)
DOC_STATUS = ("stolen",) * 6 + ("lost",) * 3 + ("revoked", "stolen_blank")
MAKES = (
    ("Toyota", "Corolla"),
    ("Volkswagen", "Golf"),
    ("Ford", "Focus"),
    ("Renault", "Clio"),
    ("Honda", "Civic"),
    ("Hyundai", "Tucson"),
    ("BMW", "X5"),
    ("Mercedes-Benz", "C 200"),
    ("Nissan", "Patrol"),
    ("Kia", "Sportage"),
)
COLOURS = ("black", "white", "silver", "grey", "blue", "red", "green")
VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"


def _common(rng: random.Random, owners: list[int], reference: str, status: str, today: dt.date) -> list:
    recorded = today - dt.timedelta(days=rng.randrange(0, 4 * 365))
    review_by = (
        recorded.replace(year=recorded.year + 5)
        if not (recorded.month == 2 and recorded.day == 29)
        else recorded.replace(year=recorded.year + 5, day=28)
    )
    stamp = f"{recorded.isoformat()} 12:00:00+00"
    return [rng.choice(owners), "all", reference, status, "", stamp, stamp, None, review_by.isoformat(), None, None]


COMMON_COLUMNS = (
    "owner_id",
    "restriction",
    "reference",
    "status",
    "remarks",
    "recorded_at",
    "updated_at",
    "reviewed_at",
    "review_by",
    "review_reminded_at",
    "created_by_id",
)
TRAVEL_DOCUMENT_COLUMNS = (
    *COMMON_COLUMNS,
    "document_type",
    "number",
    "number_normalized",
    "ocr_key",
    "issuing_country",
    "holder_family_name",
    "holder_given_names",
    "holder_date_of_birth",
    "holder_nationality",
    "date_of_issue",
    "date_of_expiry",
    "date_of_event",
    "person_id",
)


def document_number(index: int, issuer: str) -> str:
    """A distinct number per index and issuer: two letters then seven digits, as many passports have."""
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
    return f"{letters[index % 23]}{letters[(index // 23) % 23]}{index // 529:07d}"


def _date_pool(today: dt.date) -> list[tuple[str, str]]:
    """(recorded_at, review_by) for every day of the last four years: looked up, not computed, per row."""
    pool = []
    for days in range(4 * 365):
        recorded = today - dt.timedelta(days=days)
        try:
            review_by = recorded.replace(year=recorded.year + 5)
        except ValueError:
            review_by = recorded.replace(year=recorded.year + 5, day=28)
        pool.append((f"{recorded.isoformat()} 12:00:00+00", review_by.isoformat()))
    return pool


def travel_documents(n: int, owners: list[int], seed: int, today: dt.date) -> Iterator[str]:
    """Tab-separated rows in TRAVEL_DOCUMENT_COLUMNS order (the hot loop of a 10-million-row load)."""
    rng = random.Random(seed)
    dates = _date_pool(today)
    expiries = [(today + dt.timedelta(days=d)).isoformat() for d in range(-900, 3000, 7)]
    random_, choice = rng.random, rng.choice
    for i in range(n):
        issuer = ISSUERS[i % len(ISSUERS)]
        number = document_number(i, issuer)
        stamp, review_by = dates[int(random_() * len(dates))]
        kind = "passport" if random_() < 0.8 else "identity_card"
        yield (
            f"{choice(owners)}\tall\t{PREFIX}TD-{i:09d}\t{choice(DOC_STATUS)}\t\t{stamp}\t{stamp}\t\\N\t"
            f"{review_by}\t\\N\t\\N\t{kind}\t{number}\t{number}\t{confusion_key(number)}\t{issuer}\t"
            f"{choice(LATIN_FAMILY)}\t{choice(LATIN_GIVEN)}\t{1940 + int(random_() * 70)}\t{issuer}\t\\N\t"
            f"{choice(expiries)}\t\\N\t\\N\n"
        )


PERSON_COLUMNS = (
    "id",
    *COMMON_COLUMNS,
    "family_name",
    "given_names",
    "family_name_latin",
    "given_names_latin",
    "name_key",
    "date_of_birth",
    "birth_year",
    "place_of_birth",
    "sex",
)


@lru_cache(maxsize=262_144)
def _latin(name: str) -> str:
    return latin(name)


@lru_cache(maxsize=262_144)
def _key(family: str, given: str) -> str:
    return name_key(family, given)


@dataclass(frozen=True)
class NamePool:
    """Name tokens drawn by how often people carry them, each with its Latin and Arabic spelling.

    The built-in lists are short (a few dozen names per script: every name is carried by thousands of persons
    in a million); `from_tsv` reads a list of real names with their frequencies (columns latin, arabic, count,
    like the development set of the matching engine), for a population whose homonyms are as common as in life.
    """

    latin: tuple[str, ...]
    arabic: tuple[str, ...]
    cumulative: tuple[int, ...]

    @classmethod
    def from_tsv(cls, path: str | Path) -> "NamePool":
        latin, arabic, counts = [], [], []
        with open(path, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                if row.get("latin") and row.get("arabic") and (row.get("count") or "1").isdigit():
                    latin.append(row["latin"].strip().title())
                    arabic.append(row["arabic"].strip())
                    counts.append(max(int(row.get("count") or 1), 1))
        if not latin:
            raise ValueError(f"{path}: no rows with the columns latin, arabic, count")
        return cls(tuple(latin), tuple(arabic), tuple(itertools.accumulate(counts)))

    def draw(self, rng: random.Random, arabic: bool) -> str:
        index = bisect.bisect_right(self.cumulative, rng.random() * self.cumulative[-1])
        index = min(index, len(self.latin) - 1)
        return self.arabic[index] if arabic else self.latin[index]


def _built_in_names(rng: random.Random, arabic: bool) -> tuple[str, str, str]:
    family = rng.choice(ARABIC_FAMILY if arabic else LATIN_FAMILY)
    given = rng.choice(ARABIC_GIVEN if arabic else LATIN_GIVEN)
    if rng.random() < 0.5:
        given = f"{given} {rng.choice(ARABIC_GIVEN if arabic else LATIN_GIVEN)}"
    alias = f"{rng.choice(LATIN_FAMILY)} {rng.choice(LATIN_GIVEN)}"
    return family, given, alias


def _pool_names(pool: NamePool, rng: random.Random, arabic: bool) -> tuple[str, str, str]:
    family = pool.draw(rng, arabic)
    given = pool.draw(rng, arabic)
    if rng.random() < 0.5:
        given = f"{given} {pool.draw(rng, arabic)}"
    alias = f"{pool.draw(rng, False)} {pool.draw(rng, False)}"
    return family, given, alias


def persons(
    n: int,
    first_id: int,
    owners: list[int],
    countries: list[int],
    seed: int,
    today: dt.date,
    names: NamePool | None = None,
):
    """Yield (person line, [nationality lines], [alias lines]); 40 % of the names are in Arabic script."""
    rng = random.Random(seed + 1)
    for i in range(n):
        pk = first_id + i
        arabic = rng.random() < 0.4
        family, given, alias = _pool_names(names, rng, arabic) if names else _built_in_names(rng, arabic)
        year = rng.randrange(1940, 2010)
        precision = rng.random()
        dob = (
            f"{year}"
            if precision < 0.1
            else (
                f"{year}-{rng.randrange(1, 13):02d}"
                if precision < 0.2
                else f"{year}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
            )
        )
        family_latin, given_latin = _latin(family), _latin(given)
        row = [pk, *_common(rng, owners, f"{PREFIX}P-{i:09d}", "wanted" if rng.random() < 0.7 else "missing", today)]
        row += [
            family,
            given,
            family_latin,
            given_latin,
            _key(family_latin, given_latin),
            dob,
            year,
            "",
            rng.choice("MF"),
        ]
        nationality = [copy_line([pk, rng.choice(countries)])]
        aliases = []
        if rng.random() < 0.2:
            aliases.append(copy_line([pk, alias, alias, _key(alias, "")]))
        yield copy_line(row), nationality, aliases


VEHICLE_COLUMNS = (
    *COMMON_COLUMNS,
    "vin",
    "vin_key",
    "plate",
    "plate_normalized",
    "plate_key",
    "plate_country",
    "make",
    "model",
    "colour",
    "year",
    "date_of_event",
)


def vin(rng: random.Random) -> str:
    """A North American-style VIN with a correct check digit."""
    body = "1" + "".join(rng.choice(VIN_CHARS) for _ in range(16))
    return body[:8] + vin_check_digit(body[:8] + "0" + body[9:]) + body[9:]


def vehicles(n: int, owners: list[int], seed: int, today: dt.date) -> Iterator[str]:
    rng = random.Random(seed + 2)
    for i in range(n):
        number = vin(rng)
        country = ISSUERS[i % len(ISSUERS)]
        plate = f"{i % 10000:04d}{''.join(rng.choice('BCDFGHJKLMNPRSTVWXYZ') for _ in range(3))}"
        make, model = rng.choice(MAKES)
        row = _common(rng, owners, f"{PREFIX}V-{i:09d}", "stolen", today)
        row += [
            number,
            confusion_key(number),
            plate,
            plate,
            confusion_key(plate),
            country,
            make,
            model,
            rng.choice(COLOURS),
            rng.randrange(1995, 2026),
            None,
        ]
        yield copy_line(row)
