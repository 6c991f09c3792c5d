from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from gongkai.foi import services as foi_services
from gongkai.foi.forms import ThresholdsForm as FoiThresholdsForm
from gongkai.foi.lights import current_yellow, light_counts
from gongkai.foi.models import Application
from gongkai.foi.models import Thresholds as FoiThresholds
from gongkai.ledger.models import Assignment
from gongkai.orgs.access import office_admin_required
from gongkai.plans.exports import attachment
from gongkai.workdays.calendar import WorkCalendar

from . import dashboard, ical, notice_docx, queries, services
from .access import units_visible_to
from .forms import LightSettingsForm
from .links import absolute, assignment_url
from .models import EscalationNotice, Level, LightSettings, UnitFeedToken


def _plan_choice(request):
    """(chosen plan, all plans with a ledger): ?plan=<id>, else the newest. A bad id is said, not a 500."""
    plans = list(queries.plans_with_assignments())
    wanted = request.GET.get("plan")
    if wanted:
        chosen = next((plan for plan in plans if str(plan.pk) == wanted), None)
        if chosen:
            return chosen, plans
        messages.warning(request, _("There is no ledger for the chosen plan; showing the newest one."))
    return (plans[0] if plans else None), plans


def _board_context(request, build, **kwargs):
    plan, plans = _plan_choice(request)
    thresholds = LightSettings.current().thresholds
    board = build(plan=plan, today=timezone.localdate(), calendar=WorkCalendar.from_db(), thresholds=thresholds,
                  **kwargs) if plan else None
    return {"board": board, "plan": plan, "plans": plans, "thresholds": thresholds}


@login_required
def city(request):
    """The city dashboard for the office; anybody else is taken to their unit's dashboard."""
    if not request.user.is_office_admin:
        units = list(units_visible_to(request.user))
        if len(units) == 1:
            return redirect("supervision:unit", pk=units[0].pk)
        if not units and request.user.is_intake:
            return intake_desk(request)
        return render(request, "supervision/my_units.html", {"units": units})
    context = _board_context(request, dashboard.city_dashboard)
    context.update(foi_lights=foi_light_counts(Application.objects.all()), **foi_links())
    return render(request, "supervision/city.html", context)


def intake_desk(request):
    """The city-wide intake desk's dashboard: it is in no unit, its work is the applications it registered."""
    registered = Application.objects.visible_to(request.user)
    return render(request, "supervision/intake.html", {
        "foi_lights": foi_light_counts(registered), "open_count": registered.open().count(),
        "waiting_count": registered.open().filter(receipt_date__isnull=True).count(), **foi_links(),
    })


def foi_light_counts(applications):
    """Disclosure applications by light, beside the ledger's: one dashboard for the office's deadlines."""
    return light_counts(applications, timezone.localdate(), WorkCalendar.from_db(), yellow=current_yellow())


def foi_links(unit=None):
    """The FOI work list (of one unit's applications), and the start of its links filtered by light."""
    url = reverse("foi:list") + (f"?unit={unit.pk}" if unit else "")
    return {"foi_list_url": url, "foi_light_link_base": url + ("&" if unit else "?")}


@login_required
def unit(request, pk):
    unit = get_object_or_404(units_visible_to(request.user), pk=pk)
    context = _board_context(request, dashboard.unit_dashboard, unit=unit)
    context.update(unit=unit, can_manage_feed=services.manages_feed(request.user, unit),
                   foi_lights=foi_light_counts(Application.objects.filter(handling_unit=unit)), **foi_links(unit),
                   notices=EscalationNotice.objects.filter(assignment__unit=unit)[:20])
    return render(request, "supervision/unit.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def feed(request, pk):
    """A unit's private calendar URL: shown to, created and revoked by its liaison or the office."""
    unit = get_object_or_404(units_visible_to(request.user), pk=pk)
    if not services.manages_feed(request.user, unit):
        raise PermissionDenied
    if request.method == "POST":
        try:
            if request.POST.get("action") == "revoke":
                services.revoke_feed_token(actor=request.user, unit=unit)
                messages.success(request, _("The calendar URL was revoked: calendars using it stop updating."))
            else:
                services.create_feed_token(actor=request.user, unit=unit)
                messages.success(request, _("A new calendar URL was created. Any earlier URL no longer works."))
        except ValidationError as error:
            messages.error(request, "; ".join(error.messages))
        return redirect("supervision:feed", pk=unit.pk)
    live = UnitFeedToken.objects.live().filter(unit=unit).first()
    return render(request, "supervision/feed.html", {
        "unit": unit, "live": live, "tokens": UnitFeedToken.objects.filter(unit=unit).select_related("created_by")[:20],
        "feed_url": request.build_absolute_uri(reverse("supervision:ical", args=[live.token])) if live else "",
    })


def ical_feed(request, token):
    """The unit's open deadlines as iCalendar. No login: the token is the key; unknown or revoked → 404."""
    feed_token = UnitFeedToken.objects.live().select_related("unit").filter(token=token).first()
    if feed_token is None:
        raise Http404
    rows = (Assignment.objects.filter(unit=feed_token.unit).open().filter(due_date__isnull=False)
            .order_by("due_date", "id")
            .values("id", "due_date", "updated_at", "state", "task__item__number", "task__position", "task__text",
                    "task__item__plan__title"))
    unit_name = feed_token.unit.name
    events = [_deadline_event(row, unit_name) for row in rows]
    text = ical.calendar_text(name=_("%(unit)s · deadlines") % {"unit": unit_name}, events=events)
    response = HttpResponse(text.encode("utf-8"), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="deadlines.ics"'
    response["Cache-Control"] = "private, max-age=300"
    return response


def _deadline_event(row, unit_name):
    number = f"{row['task__item__number']}.{row['task__position']}"
    return {
        "uid": f"assignment-{row['id']}@gongkai", "date": row["due_date"], "stamp": row["updated_at"],
        "summary": f"[{number}] {' '.join(row['task__text'].split())}",
        "description": "\n".join([row["task__item__plan__title"], unit_name, row["task__text"]]),
        "url": absolute(assignment_url(row["id"])),
    }


@login_required
def notice_list(request):
    notices = EscalationNotice.objects.visible_to(request.user).select_related("assignment__unit")
    level = request.GET.get("level")
    if level in Level.values:
        notices = notices.filter(level=level)
    return render(request, "supervision/notice_list.html", {
        "notices": notices[:200], "levels": Level.choices, "level": level,
    })


@login_required
def notice(request, pk):
    notice = get_object_or_404(EscalationNotice.objects.visible_to(request.user), pk=pk)
    return render(request, "supervision/notice.html", {
        "notice": notice, "body": notice_docx.body_paragraphs(notice.details),
        "date": notice_docx.official_date(notice.sent_on), "assignment_url": assignment_url(notice.assignment_id),
    })


@login_required
def notice_document(request, pk):
    notice = get_object_or_404(EscalationNotice.objects.visible_to(request.user).supervision(), pk=pk)
    response = HttpResponse(notice_docx.render(notice), content_type=notice_docx.DOCX_TYPE)
    response["Content-Disposition"] = attachment(f"{notice.number}.docx")
    return response


@office_admin_required
@require_http_methods(["GET", "POST"])
def settings_edit(request):
    current = LightSettings.current()
    form = LightSettingsForm(request.POST or None, instance=current)
    foi_form = FoiThresholdsForm(request.POST or None, instance=FoiThresholds.current())
    if request.method == "POST" and form.is_valid() and foi_form.is_valid():
        try:
            with transaction.atomic():  # both or neither
                services.update_settings(actor=request.user, **form.cleaned_data)
                foi_services.update_thresholds(actor=request.user, **foi_form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The thresholds were saved. Lights use them from now on."))
            return redirect("supervision:settings")
    return render(request, "supervision/settings.html", {"form": form, "foi_form": foi_form},
                  status=400 if form.errors or foi_form.errors else 200)
