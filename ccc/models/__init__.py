from .cases import Case
from .handover import HandOver
from .messages import Attachment, Message, Thread

__all__ = ["Attachment", "Case", "HandOver", "Message", "Thread"]
