from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LedgerConfig(AppConfig):
    name = "gongkai.ledger"
    label = "ledger"
    verbose_name = _("Work ledger")

    def ready(self):
        from gongkai.plans.services import units_designated

        from .services import assign_designated_units

        units_designated.connect(assign_designated_units, dispatch_uid="ledger.assign_designated_units")
