from .audit import AuditEntry
from .geography import Country
from .labels import ChoiceLabels
from .notifications import Notification
from .outbox import PendingTask
from .records import OwnedRecord
from .tokens import ApiToken
from .units import Unit
from .users import User

__all__ = [
    "ApiToken",
    "AuditEntry",
    "ChoiceLabels",
    "Country",
    "Notification",
    "OwnedRecord",
    "PendingTask",
    "Unit",
    "User",
]
