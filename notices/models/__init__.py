from .diffusion import Diffusion
from .extract import PublicExtract
from .history import ControlNumber, NoticeEvent, NoticeHit
from .notice import Notice

__all__ = ["ControlNumber", "Diffusion", "Notice", "NoticeEvent", "NoticeHit", "PublicExtract"]
