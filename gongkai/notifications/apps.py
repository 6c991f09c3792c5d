from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    """In-app notifications and the record of what was delivered to whom (at most once per day)."""

    name = "gongkai.notifications"
    label = "notifications"
    verbose_name = _("Notifications")
