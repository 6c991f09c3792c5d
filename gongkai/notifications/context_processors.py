from django.utils.functional import SimpleLazyObject

from .models import Notification


def unread_notifications(request):
    """`unread_notifications` for the header; counted only if a template uses it."""
    user = getattr(request, "user", None)
    if not (user and user.is_authenticated):
        return {}
    return {"unread_notifications": SimpleLazyObject(lambda: Notification.objects.for_user(user).unread().count())}
