from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CccConfig(AppConfig):
    name = "ccc"
    verbose_name = _("Command and Coordination Centre")
