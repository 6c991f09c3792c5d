"""Production refuses to start on unsafe settings (DESIGN.md, house rule 6)."""

from django.conf import settings
from django.core.checks import Error, register


@register("security", deploy=False)
def production_settings(app_configs, **kwargs):
    if not settings.PRODUCTION:
        return []
    errors = []
    if settings.SECRET_KEY == settings.DEVELOPMENT_SECRET_KEY or len(settings.SECRET_KEY) < 40:
        errors.append(Error("GONGKAI_SECRET_KEY must be set to a long random value in production.", id="gongkai.E001"))
    if settings.DEBUG:
        errors.append(Error("GONGKAI_DEBUG must be off in production.", id="gongkai.E002"))
    if "*" in settings.ALLOWED_HOSTS:
        errors.append(Error("GONGKAI_ALLOWED_HOSTS must name the site's hosts in production.", id="gongkai.E003"))
    return errors
