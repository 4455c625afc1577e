"""Audit rows for reads: every view of a notice or diffusion and every search is recorded (data rules)."""

from ncb.services import audit_record


def notice_view_record(*, record, viewer, request=None) -> None:
    """Record that the viewer opened a notice request or diffusion."""
    audit_record(actor=viewer, action=f"{record._meta.model_name}.view", target=record, request=request)


def notice_search_record(*, viewer, query: dict, count: int, action: str = "notice.search", request=None) -> None:
    """Record a search or list of notices or diffusions, with its filters and the number of results."""
    audit_record(
        actor=viewer,
        action=action,
        request=request,
        outcome=f"{count} result(s)",
        query={key: value for key, value in query.items() if value not in (None, "", [])},
    )
