from django.utils import timezone

from gongkai.workdays.status import missing_next_year_warning


def admin_banners(request):
    """Banners only the disclosure office sees, such as next year's missing holiday notice."""
    user = getattr(request, "user", None)
    if not (user and user.is_authenticated and user.is_office_admin):
        return {}
    warning = missing_next_year_warning(timezone.localdate())
    return {"admin_banners": [warning] if warning else []}
