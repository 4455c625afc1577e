from .audit import AuditEntry
from .geography import Country
from .notifications import Notification
from .records import OwnedRecord
from .tokens import ApiToken
from .units import Unit
from .users import User

__all__ = ["ApiToken", "AuditEntry", "Country", "Notification", "OwnedRecord", "Unit", "User"]
