"""Demo users for development and the browser tests. Never loaded in production (load_demo refuses)."""

from django.conf import settings
from django.contrib.auth.models import Group

from .models import Unit, User
from .roles import Role

DEMO_COUNTRIES = ("fr", "es", "us", "eg", "ar", "sg", "ke", "th", "ma", "ae")
LANGUAGE_OF = {"fr": "fr", "es": "es", "eg": "ar", "ar": "es", "ma": "fr", "ae": "ar"}
# Names in the script each bureau writes them in, so certificates and messages show real data.
DEMO_NAMES = {
    "eg": (("أحمد", "حسن"), ("منى", "عبد الرحمن")),
    "ae": (("فاطمة", "الزهراء"), ("خالد", "المنصوري")),
    "ma": (("Youssef", "El Amrani"), ("Nadia", "Benali")),
    "fr": (("Camille", "Martin"), ("Julien", "Moreau")),
    "es": (("Lucía", "García"), ("Javier", "Romero")),
    "ar": (("Sofía", "Fernández"), ("Martín", "Gómez")),
    "ke": (("Wanjiru", "Kamau"), ("Otieno", "Odhiambo")),
    "us": (("Emily", "Carter"), ("Michael", "Brooks")),
    "sg": (("Wei Ling", "Tan"), ("Rajesh", "Kumar")),
    "th": (("Somchai", "Prasert"), ("Nattaya", "Wongsa")),
}
TIME_ZONE_OF_CCC = {"lyon": "ccc-lyon", "singapore": "ccc-singapore", "buenosaires": "ccc-buenos-aires"}


def _user(
    username: str,
    *,
    unit: Unit | None,
    roles: tuple[str, ...],
    language: str = "en",
    first: str = "",
    last: str = "",
    superuser: bool = False,
) -> User:
    user, created = User.objects.get_or_create(username=username, defaults={"unit": unit})
    user.unit = unit
    user.preferred_language = language
    user.first_name, user.last_name = first, last
    user.email = f"{username}@demo.invalid"
    user.is_staff = superuser or Role.ADMINISTRATOR in roles
    user.is_superuser = superuser
    if created:
        user.set_password(settings.DEMO_PASSWORD)
    user.save()
    user.groups.set(Group.objects.filter(name__in=roles))
    return user


def load(stdout=None) -> None:
    for cc in DEMO_COUNTRIES:
        ncb = Unit.objects.get(code=f"ncb-{cc}")
        language = LANGUAGE_OF.get(cc, "en")
        officer_name, head_name = DEMO_NAMES.get(cc, (("Officer", cc.upper()), ("Head", cc.upper())))
        _user(
            f"officer.{cc}",
            unit=ncb,
            roles=(Role.NCB_OFFICER,),
            language=language,
            first=officer_name[0],
            last=officer_name[1],
        )
        _user(
            f"head.{cc}",
            unit=ncb,
            roles=(Role.NCB_OFFICER, Role.NCB_HEAD),
            language=language,
            first=head_name[0],
            last=head_name[1],
        )
    for name, code in TIME_ZONE_OF_CCC.items():
        site = Unit.objects.get(code=code)
        language = {"lyon": "fr", "buenosaires": "es"}.get(name, "en")
        _user(
            f"ccc.{name}",
            unit=site,
            roles=(Role.CCC_DUTY_OFFICER, Role.CRIMINAL_ANALYST),
            language=language,
            first="Duty officer",
            last=site.city,
        )
    general_secretariat = Unit.objects.get(code="gs-lyon")
    _user(
        "ccc.supervisor",
        unit=Unit.objects.get(code="ccc-lyon"),
        roles=(Role.CCC_SUPERVISOR, Role.CCC_DUTY_OFFICER, Role.CRIMINAL_ANALYST),
        first="CCC",
        last="Supervisor",
    )
    _user("reviewer", unit=general_secretariat, roles=(Role.NOTICES_REVIEWER,), first="Notices", last="Reviewer")
    _user("trainer", unit=general_secretariat, roles=(Role.TRAINING_COORDINATOR,), first="Training", last="Coordinator")
    _user(
        "admin",
        unit=general_secretariat,
        roles=(Role.ADMINISTRATOR,),
        superuser=True,
        first="Portal",
        last="Administrator",
    )
    if stdout:
        stdout.write(f"  users: {User.objects.count()}")
