"""Stand-ins wired through settings in the screening tests: a CCC attention handler and screening engines."""

CALLS: list[dict] = []


def record_attention(*, notice_id: int, reason: str, hit_ids: list[int]) -> None:
    CALLS.append({"notice_id": notice_id, "reason": reason, "hit_ids": hit_ids})


def person_screen(*, query: dict, viewer) -> dict:
    """Answers like the screening API of DESIGN section 6; one candidate per family name given."""
    CALLS.append({"query": query, "viewer": viewer.username})
    return {
        "candidates": [
            {
                "id": 41,
                "database": "persons",
                "score": 0.93,
                "reasons": ["family name match"],
                "summary": "DUPONT Jean",
            },
            {"id": 7, "database": "persons", "score": 0.99, "reasons": ["exact"], "summary": "own record"},
        ]
    }
