from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _ensure_groups(sender, **kwargs):
    from .services import ensure_standard_groups

    ensure_standard_groups(actor=None)


class OrgsConfig(AppConfig):
    name = "gongkai.orgs"
    label = "orgs"
    verbose_name = _("Units and people")

    def ready(self):
        # The collective terms every plan uses exist in every database, including each test database.
        post_migrate.connect(_ensure_groups, sender=self)
