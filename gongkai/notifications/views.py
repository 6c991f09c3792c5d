from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import services
from .models import Notification

PAGE_SIZE = 50


@login_required
def notification_list(request):
    notifications = Notification.objects.for_user(request.user)
    page = Paginator(notifications, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "notifications/list.html", {
        "page": page, "unread": notifications.unread().count(),
    })


@login_required
@require_POST
def mark_read(request, pk):
    """Mark one read; the "Open" button (open=1) then follows its link, so opening marks it read."""
    services.mark_read(actor=request.user, ids=[pk])
    target = Notification.objects.for_user(request.user).filter(pk=pk).values_list("url", flat=True).first()
    if request.POST.get("open") and target and url_has_allowed_host_and_scheme(target, {request.get_host()}):
        return redirect(target)
    return redirect("notifications:list")


@login_required
@require_POST
def mark_all_read(request):
    changed = services.mark_read(actor=request.user)
    if changed:
        messages.success(request, _("All notifications are marked as read."))
    return redirect("notifications:list")
