"""Who may use the pages: NCB staff write their own NCB's records; the CCC and reviewers read."""

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404

from ncb.access import may_edit
from ncb.permissions import role_required
from ncb.roles import CCC_ROLES, NCB_ROLES, Role

from .. import selectors
from ..choices import Database

READ_ROLES = (*NCB_ROLES, *CCC_ROLES, Role.NOTICES_REVIEWER)
reader_required = role_required(*READ_ROLES)
writer_required = role_required(*NCB_ROLES)


def database_or_404(database: str) -> str:
    if database not in Database.values:
        raise Http404
    return database


def record_or_404(request, database: str, pk: int):
    """The record if the viewer may see it; 404 alike for a missing and a restricted record (no hint)."""
    try:
        return selectors.record_get(viewer=request.user, database=database_or_404(database), pk=pk)
    except ObjectDoesNotExist as error:
        raise Http404 from error


def owned_record_or_403(request, database: str, pk: int):
    """A record the viewer's NCB owns (only the owner changes a record); 403 for someone else's."""
    record = record_or_404(request, database, pk)
    if not may_edit(record=record, user=request.user):
        raise PermissionDenied
    return record
