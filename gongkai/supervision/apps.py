from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupervisionConfig(AppConfig):
    """督查督办: red/yellow/green lights, escalation notices, `gongkai tick`, feeds and dashboards."""

    name = "gongkai.supervision"
    label = "supervision"
    verbose_name = _("Supervision")
