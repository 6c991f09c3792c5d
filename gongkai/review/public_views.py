"""The public progress pages: no login, only plans the office published, only facts about items."""

from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from .models import PublicationSetting
from .progress import plan_progress, published_plans


def progress_index(request):
    return render(request, "review/public_index.html", {"plans": published_plans()})


def progress_page(request, plan_pk):
    setting = get_object_or_404(PublicationSetting.objects.published().select_related("plan"), plan_id=plan_pk)
    today = timezone.localdate()
    return render(request, "review/public_progress.html", {
        "plan": setting.plan, "published_at": setting.published_at, "progress": plan_progress(setting.plan, today),
    })
