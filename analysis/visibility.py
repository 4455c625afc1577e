"""What the viewer may see of each kind of node, as querysets: the owning apps' rules, never copies of them.

Records follow ncb.access, notices notices.selectors, cases the CCC's rule (CCC staff and units that process
every record see every case, an NCB the cases it is a party to). Every query of the link chart starts here.
"""

from django.db.models import Q, QuerySet

from ccc.models import Case
from ccc.selectors import ncb_cases
from databases.choices import Database
from databases.models import Hit
from databases.registry import model_of
from ncb.access import viewer_unit, visible_to
from ncb.roles import CCC_ROLES, has_role
from notices.selectors import notices_visible_to

from .choices import NodeKind

DATABASE_OF = {
    NodeKind.PERSON: Database.PERSONS,
    NodeKind.DOCUMENT: Database.TRAVEL_DOCUMENTS,
    NodeKind.VEHICLE: Database.VEHICLES,
    NodeKind.FIREARM: Database.FIREARMS,
    NodeKind.ARTWORK: Database.ARTWORKS,
}
KIND_OF_DATABASE = {database: kind for kind, database in DATABASE_OF.items()}
RECORD_KINDS = tuple(DATABASE_OF)


def visible(kind: str, viewer) -> QuerySet:
    """Every item of `kind` the viewer may see (unordered)."""
    if kind in DATABASE_OF:
        return visible_to(model_of(DATABASE_OF[kind]).objects.all(), viewer)
    if kind == NodeKind.NOTICE:
        return notices_visible_to(viewer)
    if kind == NodeKind.CASE:
        return cases_visible(viewer)
    raise ValueError(kind)


def cases_visible(viewer) -> QuerySet[Case]:
    unit = viewer_unit(viewer)
    if viewer.is_superuser or has_role(viewer, *CCC_ROLES) or (unit is not None and unit.sees_all_records):
        return Case.objects.all()
    return Case.objects.filter(pk__in=ncb_cases(viewer=viewer).values("pk"))


def hits_visible(viewer) -> QuerySet[Hit]:
    """Hits as the databases app shows them: to the owner of the record and to the unit whose query hit it."""
    unit = viewer_unit(viewer)
    if viewer.is_superuser or (unit is not None and unit.sees_all_records):
        return Hit.objects.all()
    if unit is None:
        return Hit.objects.none()
    return Hit.objects.filter(Q(record_owner_id=unit.pk) | Q(unit_id=unit.pk))
