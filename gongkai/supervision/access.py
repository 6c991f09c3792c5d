"""Who sees which unit's supervision pages: the office every unit, anybody else their own units."""

from gongkai.orgs.models import Unit


def units_visible_to(user):
    if not user.is_authenticated:
        return Unit.objects.none()
    if user.is_office_admin:
        return Unit.objects.all()
    return Unit.objects.filter(pk__in=user.unit_ids)
