"""Demo cases for development and the browser tests: every status, all three sites, messages in four languages.

Idempotent: cases are looked up by summary and created once, so running `load_demo` again changes nothing.
"""

from datetime import timedelta

from django.utils import timezone

from ncb.models import Unit, User

from .choices import CasePriority as P
from .choices import CaseSource, CaseStatus
from .deadlines import first_reply_deadline
from .models import Case, HandOver, Message, Thread

# (site, priority, status, claimed by, hours ago, language, summary, NCBs, messages: (ncb, from CCC, language, text))
CASES = [
    (
        "ccc-lyon",
        P.URGENT,
        CaseStatus.NEW,
        None,
        1,
        "fr",
        "Passeport volé utilisé à Roissy-CDG : voyageur retenu à la frontière",
        ["fr"],
        [
            (
                "fr",
                False,
                "fr",
                "Le voyageur est retenu au poste frontière du terminal 2E. Merci de confirmer le "
                "signalement du passeport et la conduite à tenir.",
            )
        ],
    ),
    (
        "ccc-singapore",
        P.STANDARD,
        CaseStatus.CLAIMED,
        "ccc.singapore",
        3,
        "en",
        "Vehicle reported stolen in Spain located at the Port of Singapore",
        ["es", "sg"],
        [
            ("es", True, "es", "Buenos días: ¿pueden confirmar que el vehículo sigue buscado por su NCB?"),
            ("es", False, "es", "Confirmado, la denuncia sigue vigente. Enviamos el atestado adjunto por separado."),
            (
                "sg",
                True,
                "en",
                "The container has been held by customs at our request; please keep it until further notice.",
            ),
        ],
    ),
    (
        "ccc-buenos-aires",
        P.URGENT,
        CaseStatus.WAITING_FOR_NCB,
        "ccc.buenosaires",
        5,
        "es",
        "Menor desaparecida que podría viajar hacia Buenos Aires",
        ["ar", "es"],
        [
            ("ar", True, "es", "¿Pueden verificar las listas de pasajeros del vuelo IB6845 de esta noche?"),
            ("es", True, "es", "Solicitamos fotografía reciente y datos del documento de viaje de la menor."),
        ],
    ),
    (
        "ccc-lyon",
        P.STANDARD,
        CaseStatus.RESOLVED,
        "ccc.lyon",
        30,
        "fr",
        "Œuvre d'art volée proposée à la vente en ligne",
        ["fr", "eg"],
        [
            ("eg", True, "ar", "يرجى تأكيد ما إذا كانت القطعة المعروضة مطابقة للسجل المسروق."),
            ("eg", False, "ar", "نعم، القطعة مطابقة. تم إبلاغ الجهات المختصة."),
            ("fr", True, "fr", "L'NCB Égypte confirme la correspondance ; l'annonce a été retirée."),
        ],
    ),
    (
        "ccc-singapore",
        P.STANDARD,
        CaseStatus.CLOSED,
        "ccc.singapore",
        72,
        "en",
        "Firearm serial number check requested by the Thai NCB",
        ["th"],
        [
            ("th", False, "en", "Please check serial number TZ-4471-B against the firearms database."),
            ("th", True, "en", "No match in the firearms database; the result is on file."),
        ],
    ),
    (
        "ccc-buenos-aires",
        P.STANDARD,
        CaseStatus.NEW,
        None,
        9,
        "en",
        "Fraud suspect subject of a notice seen in Nairobi",
        ["ke", "ae"],
        [
            ("ke", False, "en", "Subject seen at a hotel in Westlands this morning; we can arrange surveillance."),
            ("ae", False, "ar", "نرجو إبلاغنا بأي تحركات للمشتبه به نحو دبي."),
        ],
    ),
    (
        "ccc-lyon",
        P.URGENT,
        CaseStatus.NEW,
        None,
        7.5,
        "ar",
        "بلاغ عاجل: تطابق في قاعدة بيانات الأشخاص يتطلب التحقق",
        ["ma"],
        [("ma", False, "fr", "Correspondance sur une personne recherchée ; merci de nous rappeler d'urgence.")],
    ),
]


def _ncb(cc: str) -> Unit:
    return Unit.objects.get(code=f"ncb-{cc}")


def _case(now, site_code, priority, status, claimant, hours_ago, language, summary) -> tuple[Case, bool]:
    opened_at = now - timedelta(hours=hours_ago)
    claimed_by = User.objects.filter(username=claimant).first() if claimant else None
    if status == CaseStatus.CLAIMED and claimed_by is None:
        status = CaseStatus.NEW
    return Case.objects.get_or_create(
        summary=summary,
        defaults={
            "source": CaseSource.NCB_REQUEST if status != CaseStatus.CLOSED else CaseSource.STAFF,
            "priority": priority,
            "status": status,
            "language": language,
            "site": Unit.objects.get(code=site_code),
            "opened_at": opened_at,
            "deadline": first_reply_deadline(priority=priority, opened_at=opened_at),
            "claimed_by": claimed_by,
            "claimed_at": opened_at + timedelta(minutes=20) if claimed_by else None,
            "resolved_at": now - timedelta(hours=2) if status in (CaseStatus.RESOLVED, CaseStatus.CLOSED) else None,
            "resolution": "Confirmed with the NCBs concerned."
            if status in (CaseStatus.RESOLVED, CaseStatus.CLOSED)
            else "",
            "closed_at": now - timedelta(hours=1) if status == CaseStatus.CLOSED else None,
            "escalated_at": now if hours_ago >= 7 and priority == P.URGENT else None,
        },
    )


def load(stdout=None) -> None:
    now = timezone.now()
    for site_code, priority, status, claimant, hours_ago, language, summary, ncbs, messages in CASES:
        case, created = _case(now, site_code, priority, status, claimant, hours_ago, language, summary)
        threads = {cc: Thread.objects.get_or_create(case=case, ncb=_ncb(cc))[0] for cc in ncbs}
        for minutes, (cc, from_ccc, message_language, body) in enumerate(messages, start=1):
            sent = case.opened_at + timedelta(minutes=15 * minutes)
            author = User.objects.filter(username=claimant if from_ccc else f"officer.{cc}").first()
            Message.objects.get_or_create(
                thread=threads[cc],
                body=body,
                defaults={"from_ccc": from_ccc, "language": message_language, "created_at": sent, "author": author},
            )
            if from_ccc and created and case.first_reply_at is None:
                case.first_reply_at = sent
                case.save(update_fields=["first_reply_at"])
        if created and site_code == "ccc-buenos-aires" and status == CaseStatus.NEW:
            handover = HandOver.objects.create(
                from_site=Unit.objects.get(code="ccc-singapore"),
                to_site=case.site,
                at=now - timedelta(hours=1),
                note="Kenya NCB offers surveillance; UAE asks to be told of any travel to Dubai.",
                case_count=1,
            )
            case.handover, case.handover_pending = handover, True
            case.handover_note = "Call the Nairobi duty officer before 18:00 local time."
            case.save(update_fields=["handover", "handover_pending", "handover_note"])
    if stdout:
        stdout.write(f"  CCC cases: {Case.objects.count()}")
