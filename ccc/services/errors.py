"""Refusals of the CCC services, with a message for the person who asked."""


class CaseActionError(Exception):
    """The action is not possible on the case in its current state, or not for this person."""


class CaseAlreadyClaimed(CaseActionError):
    """Someone else claimed the case first."""
