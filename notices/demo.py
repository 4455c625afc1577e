"""Demo notices and diffusions of the demo NCBs, in every state (idempotent: run it as often as you like).

Created directly in their final state, as a fixture would be, with the dates, control numbers, history and
public extracts the workflow would have left. Names and cases are invented.
"""

import datetime as dt
import io
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from ncb.choices import Restriction
from ncb.models import Country, Unit, User

from .choices import ChecklistItem, DiffusionStatus, NoticeAction, NoticeStatus, NoticeType
from .dates import add_years
from .models import Diffusion, Notice, NoticeEvent
from .services.extracts import public_extract_build
from .services.review import control_number_next

ALL_CLEAR = dict.fromkeys(ChecklistItem.values, True)


@dataclass
class DemoNotice:
    cc: str
    notice_type: str
    status: str
    language: str
    values: dict
    texts: dict
    nationalities: tuple[str, ...] = ()
    public: bool = False
    photo: bool = False
    # Days since the step that matters for the state: publication, entry into review, submission.
    age_days: int = 30
    translations: dict = field(default_factory=dict)


def _red(name, given, dob, sex, facts_place, law, months, warrant, **extra) -> dict:
    return {
        "family_name": name,
        "given_names": given,
        "date_of_birth": dob,
        "sex": sex,
        "facts_place": facts_place,
        "facts_date": dt.date(2023, 11, 4),
        "law": law,
        "judicial_basis": "prosecution",
        "maximum_penalty_months": months,
        "warrant_reference": warrant,
        "warrant_issued_on": dt.date(2024, 1, 15),
        "warrant_authority": extra.pop("authority", "Investigating judge"),
        "height_cm": extra.pop("height", 178),
        "weight_kg": extra.pop("weight", 75),
        **extra,
    }


NOTICES = [
    DemoNotice(
        "fr",
        NoticeType.RED,
        NoticeStatus.PUBLISHED,
        "fr",
        _red(
            "LEFEVRE",
            "Marc Antoine",
            dt.date(1979, 2, 14),
            "M",
            "Marseille",
            "Code pénal, art. 222-34",
            360,
            "JI-MRS-2024-0113",
            languages_spoken=["FRE", "ENG"],
        ),
        {
            "summary_of_facts": "Direction d'un réseau de trafic de cocaïne entre l'Amérique du Sud et Marseille.",
            "charges": "Trafic de stupéfiants en bande organisée",
            "physical_description": "Cheveux bruns, yeux verts.",
            "distinguishing_marks": "Tatouage d'ancre sur l'avant-bras droit.",
        },
        ("FR",),
        public=True,
        photo=True,
        age_days=400,
        translations={"en": {"charges": "Drug trafficking as part of an organized gang"}},
    ),
    DemoNotice(
        "es",
        NoticeType.RED,
        NoticeStatus.PUBLISHED,
        "es",
        _red(
            "GARRIDO",
            "Lucía",
            dt.date(1986, 7, 2),
            "F",
            "Valencia",
            "Código Penal, art. 250",
            72,
            "AN-2024-5521",
            authority="Audiencia Nacional",
            height=165,
            weight=58,
        ),
        {
            "summary_of_facts": "Estafa piramidal a más de 3.000 inversores.",
            "charges": "Estafa agravada",
            "physical_description": "Cabello castaño, 1,65 m.",
        },
        ("ES", "AR"),
        public=True,
        photo=True,
        age_days=90,
    ),
    DemoNotice(
        "us",
        NoticeType.RED,
        NoticeStatus.UNDER_REVIEW,
        "en",
        _red(
            "HOLLOWAY",
            "Derek James",
            dt.date(1974, 11, 30),
            "M",
            "Miami, Florida",
            "18 U.S.C. § 1956",
            240,
            "1:24-cr-20417",
            authority="U.S. District Court, S.D. Florida",
        ),
        {
            "summary_of_facts": "Laundering of USD 40 million through shell companies.",
            "charges": "Money laundering conspiracy",
            "physical_description": "Grey hair, glasses.",
        },
        ("US",),
        public=True,
        age_days=2,
    ),
    DemoNotice(
        "eg",
        NoticeType.RED,
        NoticeStatus.SUBMITTED,
        "ar",
        _red(
            "الحسيني",
            "كريم",
            dt.date(1990, 4, 9),
            "M",
            "الإسكندرية",
            "قانون العقوبات، المادة 234",
            300,
            "2024/771",
            aliases="EL HOSSEINY Karim",
        ),
        {
            "summary_of_facts": "قتل عمد في الإسكندرية.",
            "charges": "القتل العمد",
            "physical_description": "شعر أسود، طوله 180 سم.",
        },
        ("EG",),
        age_days=1,
    ),
    DemoNotice(
        "ar",
        NoticeType.RED,
        NoticeStatus.DRAFT,
        "es",
        {"family_name": "BENÍTEZ", "given_names": "Ramón", "sex": "M", "facts_place": "Rosario"},
        {"summary_of_facts": "Secuestro extorsivo (borrador)."},
        ("AR",),
        age_days=0,
    ),
    DemoNotice(
        "sg",
        NoticeType.RED,
        NoticeStatus.REFUSED,
        "en",
        _red("TAN", "Wei Ming", dt.date(1968, 1, 5), "M", "Singapore", "Sedition Act, s. 4", 36, "SG-2024-88"),
        {
            "summary_of_facts": "Publication of articles critical of the government.",
            "charges": "Sedition",
            "physical_description": "Short, slim.",
        },
        ("SG",),
        age_days=20,
    ),
    DemoNotice(
        "ke",
        NoticeType.RED,
        NoticeStatus.PUBLISHED,
        "en",
        _red(
            "MWANGI", "Peter Kamau", dt.date(1983, 9, 21), "M", "Nairobi", "Penal Code, s. 296", 1200, "CR-NRB-2019-44"
        ),
        {
            "summary_of_facts": "Armed robbery of a bank in Nairobi in 2019.",
            "charges": "Robbery with violence",
            "physical_description": "Athletic build.",
        },
        ("KE",),
        age_days=5 * 365 - 120,
    ),
    DemoNotice(
        "th",
        NoticeType.RED,
        NoticeStatus.EXPIRED,
        "en",
        _red("SOMCHAI", "Prasert", dt.date(1960, 3, 3), "M", "Bangkok", "Criminal Code, s. 341", 60, "BKK-2018-12"),
        {"summary_of_facts": "Land sale fraud.", "charges": "Fraud", "physical_description": "Bald."},
        ("TH",),
        age_days=5 * 365 + 30,
    ),
    DemoNotice(
        "ma",
        NoticeType.RED,
        NoticeStatus.CANCELLED,
        "fr",
        _red(
            "BENJELLOUN",
            "Youssef",
            dt.date(1988, 12, 12),
            "M",
            "Casablanca",
            "Code pénal, art. 505",
            60,
            "CAS-2023-901",
        ),
        {
            "summary_of_facts": "Vol qualifié (personne arrêtée en Espagne).",
            "charges": "Vol qualifié",
            "physical_description": "Barbe courte.",
        },
        ("MA",),
        age_days=60,
    ),
    DemoNotice(
        "es",
        NoticeType.YELLOW,
        NoticeStatus.PUBLISHED,
        "es",
        {
            "family_name": "ORTEGA",
            "given_names": "Sofía",
            "sex": "F",
            "date_of_birth": dt.date(2010, 5, 19),
            "facts_date": dt.date(2025, 6, 1),
            "facts_place": "Málaga",
            "height_cm": 150,
            "weight_kg": 42,
        },
        {
            "summary_of_facts": "Desaparecida a la salida del colegio.",
            "physical_description": "Cabello largo negro, mochila roja.",
        },
        ("ES",),
        public=True,
        photo=True,
        age_days=40,
    ),
    DemoNotice(
        "ae",
        NoticeType.YELLOW,
        NoticeStatus.UNDER_REVIEW,
        "ar",
        {"sex": "M", "facts_date": dt.date(2025, 9, 2), "facts_place": "دبي", "height_cm": 172},
        {"summary_of_facts": "رجل عُثر عليه فاقدًا للذاكرة في دبي.", "physical_description": "في الخمسينات."},
        age_days=3,
    ),
    DemoNotice(
        "ke",
        NoticeType.YELLOW,
        NoticeStatus.PUBLISHED,
        "en",
        {
            "family_name": "WANJIRU",
            "given_names": "Grace",
            "sex": "F",
            "date_of_birth": dt.date(2001, 2, 8),
            "facts_date": dt.date(2025, 2, 20),
            "facts_place": "Mombasa",
        },
        {"summary_of_facts": "Missing since leaving for work.", "physical_description": "Slim, short hair."},
        ("KE",),
        public=True,
        age_days=200,
    ),
    DemoNotice(
        "th",
        NoticeType.BLUE,
        NoticeStatus.PUBLISHED,
        "en",
        {"family_name": "NGUYEN", "given_names": "Van An", "sex": "M", "facts_place": "Pattaya"},
        {"summary_of_facts": "Location sought; suspected of running online scam centres."},
        ("VN",),
        age_days=70,
    ),
    DemoNotice(
        "fr",
        NoticeType.BLUE,
        NoticeStatus.DRAFT,
        "fr",
        {"family_name": "INCONNU", "given_names": "", "facts_place": "Lille"},
        {"summary_of_facts": "Identité réelle d'un homme utilisant plusieurs passeports."},
        age_days=0,
    ),
    DemoNotice(
        "sg",
        NoticeType.BLACK,
        NoticeStatus.PUBLISHED,
        "en",
        {"sex": "M", "height_cm": 170, "facts_date": dt.date(2025, 8, 14), "facts_place": "Pulau Ubin"},
        {
            "summary_of_facts": "Body found on the shore.",
            "physical_description": "Male, 30-40 years old.",
            "distinguishing_marks": "Dragon tattoo on the back.",
        },
        age_days=50,
    ),
    DemoNotice(
        "us",
        NoticeType.BLACK,
        NoticeStatus.UNDER_REVIEW,
        "en",
        {"sex": "F", "facts_date": dt.date(2025, 10, 1), "facts_place": "Tucson, Arizona"},
        {"summary_of_facts": "Remains found in the desert.", "physical_description": "Female, about 25."},
        age_days=2,
    ),
    DemoNotice(
        "us",
        NoticeType.GREEN,
        NoticeStatus.PUBLISHED,
        "en",
        {"family_name": "CARVER", "given_names": "Neil", "sex": "M", "date_of_birth": dt.date(1970, 6, 6)},
        {"summary_of_facts": "Convicted child sex offender who travels often to South-East Asia."},
        ("US",),
        age_days=300,
    ),
    DemoNotice(
        "ma",
        NoticeType.GREEN,
        NoticeStatus.SUBMITTED,
        "fr",
        {"family_name": "ALAMI", "given_names": "Rachid", "sex": "M"},
        {"summary_of_facts": "Faussaire de documents de voyage, actif dans plusieurs pays."},
        ("MA",),
        age_days=1,
    ),
    DemoNotice(
        "ae",
        NoticeType.ORANGE,
        NoticeStatus.PUBLISHED,
        "en",
        {"facts_date": dt.date(2025, 10, 20), "facts_place": "Gulf ports"},
        {
            "summary_of_facts": "Parcel bombs disguised as printer cartridges.",
            "physical_description": "Toner cartridges with wiring visible under the label.",
        },
        age_days=10,
    ),
    DemoNotice(
        "fr",
        NoticeType.ORANGE,
        NoticeStatus.UNDER_REVIEW,
        "fr",
        {"family_name": "VIDAL", "given_names": "Hugo", "facts_date": dt.date(2025, 11, 1)},
        {"summary_of_facts": "Menace d'attentat contre un événement sportif."},
        ("FR",),
        age_days=1,
    ),
    DemoNotice(
        "th",
        NoticeType.PURPLE,
        NoticeStatus.PUBLISHED,
        "en",
        {"facts_place": "Bangkok airport"},
        {
            "summary_of_facts": "Methamphetamine hidden in tea packaging.",
            "physical_description": "Green tea bags, vacuum sealed, 1 kg each.",
        },
        age_days=150,
    ),
    DemoNotice(
        "ar",
        NoticeType.PURPLE,
        NoticeStatus.REFUSED,
        "es",
        {"facts_place": "Buenos Aires"},
        {"summary_of_facts": "Método de fraude con tarjetas.", "physical_description": "Lectores ocultos."},
        age_days=15,
    ),
    DemoNotice(
        "us",
        NoticeType.UN,
        NoticeStatus.PUBLISHED,
        "en",
        {
            "family_name": "AL-RASHID",
            "given_names": "Omar",
            "sex": "M",
            "date_of_birth": dt.date(1975, 1, 1),
            "un_reference": "QDi.999",
            "un_committee": "1267/1989/2253 ISIL (Da'esh) and Al-Qaida",
        },
        {"summary_of_facts": "Listed for financing terrorist acts; assets freeze and travel ban."},
        ("IQ",),
        public=True,
        age_days=500,
    ),
    DemoNotice(
        "fr",
        NoticeType.UN,
        NoticeStatus.UNDER_REVIEW,
        "fr",
        {"family_name": "KOROV", "given_names": "Ivan", "un_reference": "KPi.998", "un_committee": "1718"},
        {"summary_of_facts": "Intermédiaire d'achats pour un programme sanctionné."},
        ("RU",),
        age_days=2,
    ),
]


def _photo(name: str) -> ContentFile:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (240, 300), (206, 212, 218))
    draw = ImageDraw.Draw(image)
    draw.ellipse((80, 50, 160, 140), fill=(134, 142, 150))
    draw.rounded_rectangle((50, 150, 190, 300), radius=40, fill=(134, 142, 150))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return ContentFile(buffer.getvalue(), name=f"{name}.png")


def _dates(status: str, age_days: int, now) -> dict:
    start = now - dt.timedelta(days=age_days)
    dates = {
        "submitted_at": None,
        "review_started_at": None,
        "decided_at": None,
        "published_at": None,
        "expires_at": None,
        "closed_at": None,
    }
    if status != NoticeStatus.DRAFT:
        dates["submitted_at"] = start - dt.timedelta(hours=6)
    if status not in (NoticeStatus.DRAFT, NoticeStatus.SUBMITTED):
        dates["review_started_at"] = start - dt.timedelta(hours=2)
    if status in (NoticeStatus.PUBLISHED, NoticeStatus.EXPIRED, NoticeStatus.CANCELLED):
        dates.update(decided_at=start, published_at=start, expires_at=add_years(start, 5))
    if status == NoticeStatus.REFUSED:
        dates.update(decided_at=start, closed_at=start)
    if status in (NoticeStatus.EXPIRED, NoticeStatus.CANCELLED):
        dates["closed_at"] = now - dt.timedelta(days=1)
    return dates


def _history(notice: Notice, demo: DemoNotice, requester: User, head: User, reviewer: User) -> None:
    steps = [(NoticeAction.CREATE, requester, NoticeStatus.DRAFT, "", {})]
    if notice.submitted_at:
        steps.append((NoticeAction.SUBMIT, requester, NoticeStatus.SUBMITTED, "", {}))
    if notice.review_started_at:
        steps.append((NoticeAction.APPROVE, head, NoticeStatus.UNDER_REVIEW, "", {}))
    if notice.published_at:
        steps.append((NoticeAction.PUBLISH, reviewer, NoticeStatus.PUBLISHED, "", ALL_CLEAR))
    if demo.status == NoticeStatus.REFUSED:
        reasons = "Predominantly political character (Article 3 of the Constitution)."
        steps.append((NoticeAction.REFUSE, reviewer, NoticeStatus.REFUSED, reasons, {**ALL_CLEAR, "article_3": False}))
    if demo.status == NoticeStatus.CANCELLED:
        steps.append((NoticeAction.CANCEL, requester, NoticeStatus.CANCELLED, "Arrested and extradited.", {}))
    if demo.status == NoticeStatus.EXPIRED:
        steps.append((NoticeAction.EXPIRE, None, NoticeStatus.EXPIRED, "", {}))
    NoticeEvent.objects.bulk_create(
        NoticeEvent(notice=notice, actor=actor, action=action, status=status, reasons=reasons, checklist=checklist)
        for action, actor, status, reasons, checklist in steps
    )


def _notice(demo: DemoNotice, reviewer: User, now) -> bool:
    owner = Unit.objects.get(code=f"ncb-{demo.cc}")
    requester, head = User.objects.get(username=f"officer.{demo.cc}"), User.objects.get(username=f"head.{demo.cc}")
    key = {
        "owner": owner,
        "notice_type": demo.notice_type,
        "family_name": demo.values.get("family_name", ""),
        "facts_place": demo.values.get("facts_place", ""),
    }
    notice = Notice.objects.filter(**key).first()
    created = notice is None
    if created:
        notice = Notice(**key, created_by=requester, language=demo.language, status=demo.status)
    values = {name: value for name, value in demo.values.items() if name not in key}
    for name, value in {**values, **_dates(demo.status, demo.age_days, now)}.items():
        setattr(notice, name, value)
    notice.status, notice.public_consent = demo.status, demo.public
    if demo.notice_type == NoticeType.RED:
        notice.warrant_country = Country.objects.get(iso2=demo.cc.upper())
    for name, text in demo.texts.items():
        setattr(notice, f"{name}_{demo.language}", text)
    for language, texts in demo.translations.items():
        for name, text in texts.items():
            setattr(notice, f"{name}_{language}", text)
    if notice.published_at and not notice.entity_id:
        notice.entity_id = control_number_next(notice.published_at.year)
    if demo.photo and not notice.photo:
        notice.photo = _photo(f"demo-{demo.cc}-{demo.notice_type}")
    notice.save()
    notice.nationalities.set(Country.objects.filter(iso2__in=demo.nationalities))
    if created:
        _history(notice, demo, requester, head, reviewer)
    public_extract_build(notice)
    return created


DIFFUSIONS = [
    (
        "fr",
        NoticeType.BLUE,
        ("ES", "MA"),
        DiffusionStatus.CIRCULATING,
        False,
        {"family_name": "ROUSSEL", "given_names": "Damien", "sex": "M"},
        "Suspect d'escroqueries aux faux ordres de virement, probablement en Espagne ou au Maroc.",
    ),
    (
        "us",
        NoticeType.RED,
        None,
        DiffusionStatus.CIRCULATING,
        True,
        {"family_name": "BRANDT", "given_names": "Kyle", "sex": "M", "warrant_reference": "2:25-mj-0031"},
        "Wanted for wire fraud; arrest warrant issued by the U.S. District Court.",
    ),
    (
        "eg",
        NoticeType.YELLOW,
        ("AE", "MA"),
        DiffusionStatus.WITHDRAWN,
        True,
        {"family_name": "MANSOUR", "given_names": "Laila", "sex": "F"},
        "Adult who left her family voluntarily.",
    ),
    (
        "sg",
        NoticeType.GREEN,
        ("TH", "KE"),
        DiffusionStatus.CIRCULATING,
        False,
        {"family_name": "LIM", "given_names": "Boon Keng", "sex": "M"},
        "Known smuggler of protected wildlife travelling through the region.",
    ),
]


def _diffusion(row, reviewer: User) -> bool:
    cc, kind, countries, status, reviewed, values, summary = row
    owner = Unit.objects.get(code=f"ncb-{cc}")
    diffusion, created = Diffusion.objects.update_or_create(
        owner=owner,
        diffusion_type=kind,
        family_name=values["family_name"],
        defaults={
            **values,
            "sent_by": User.objects.get(username=f"officer.{cc}"),
            "language": "en",
            "summary_of_facts_en": summary,
            "status": status,
            "restriction": Restriction.ALL if countries is None else Restriction.ONLY,
            "reviewed_by": reviewer if reviewed else None,
            "reviewed_at": timezone.now() if reviewed else None,
            "review_checklist": ALL_CLEAR if reviewed and status == DiffusionStatus.CIRCULATING else {},
            "withdrawal_reasons": "Not a police matter: the person left of her own will."
            if status == DiffusionStatus.WITHDRAWN
            else "",
        },
    )
    diffusion.restriction_countries.set(Country.objects.filter(iso2__in=countries or ()))
    return created


def load(stdout=None) -> None:
    reviewer = User.objects.get(username="reviewer")
    now = timezone.now()
    with transaction.atomic():
        created = sum(_notice(demo, reviewer, now) for demo in NOTICES)
        sent = sum(_diffusion(row, reviewer) for row in DIFFUSIONS)
    if stdout:
        stdout.write(
            f"  notices: {Notice.objects.count()} ({created} new), diffusions: {Diffusion.objects.count()} ({sent} new)"
        )
