"""Downloading an attachment: CCC staff any, NCB officers those of their own threads only."""

from django.http import FileResponse

from ncb.permissions import role_required
from ncb.roles import CCC_ROLES, NCB_ROLES
from ncb.services import audit_record

from .. import selectors


@role_required(*CCC_ROLES, *NCB_ROLES)
def attachment_download(request, pk: int):
    attachment = selectors.attachment_for(viewer=request.user, pk=pk)
    audit_record(actor=request.user, action="ccc.attachment.download", target=attachment, request=request)
    response = FileResponse(
        attachment.file.open("rb"), as_attachment=True, filename=attachment.name, content_type=attachment.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
