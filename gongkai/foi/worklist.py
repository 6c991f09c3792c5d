"""The staff work list: the applications a person may see, by state, filtered, a page at a time.

By default it lists the open ones. Those still awaiting confirmation of receipt have no clock yet
and are listed apart, oldest first: each needs a call to the applicant. Those on the clock come
soonest deadline first, with their lights. A status filter reaches every other state (served,
closed, archived, under 复议/诉讼, or all at once), most recently finished first; and an exact
tracking code always finds its case, whatever its state and the other filters.

Each row shows the request (shortened in SQL), the applicant as privacy.mask_name masks it, and the
receipt date. The query count does not depend on how many applications there are.
"""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import F, Q
from django.db.models.functions import Left
from django.utils.translation import gettext_lazy as _

from gongkai.orgs.models import Unit

from .lights import current_yellow, due_date_condition, light, light_counts
from .models import ON_THE_CLOCK_STATUSES, OPEN_STATUSES, Application, RemedyCase, Status
from .privacy import mask_name

PAGE_SIZE = 100
WAITING_LIMIT = 100
SUMMARY_LENGTH = 40  # characters of the request shown in a row

# The choices of the status filter besides the states themselves. "" (open) is the default.
OPEN, ALL, REMEDY = "", "all", "remedy"
STATUS_CHOICES = [
    (OPEN, _("Open (not yet served or closed)")),
    (ALL, _("Any state")),
    *Status.choices,
    (REMEDY, _("With a reconsideration or lawsuit recorded")),
]
# Personal data and long texts no row shows: left in the database, so no page of the list can leak them.
NOT_LISTED = ("password_hash", "id_number", "phone", "email", "address", "postcode", "description", "correction",
              "purpose", "fee_standard", "released_attachments", "receipt_note")


@dataclass
class WorkList:
    waiting: list
    waiting_count: int
    page: Page
    rows: list  # (application, colour, working days left or overdue); no light once finished
    lights: dict | None  # {colour: count} under every filter but the light; None where no clock can run
    status: str = OPEN  # the status filter in force: OPEN, ALL, REMEDY or a Status value
    found: object = None  # the application whose tracking code was searched for, in any state

    @property
    def open_only(self):
        return self.status == OPEN

    @property
    def status_label(self):
        return dict(STATUS_CHOICES).get(self.status, "")


def build(user, filters, *, today, calendar, page_number=None):
    """`filters` as cleaned by WorkListFilterForm: q, unit, status, light, mine — each optional."""
    yellow = current_yellow()
    visible = Application.objects.visible_to(user)
    found = find_by_code(visible, filters.get("q"))
    if found is not None:
        return _found(found, today, calendar, yellow)
    status = filters.get("status") or OPEN
    applications = _filtered(visible, user, filters)
    selected = in_status(applications, status)
    lights = light_counts(selected, today, calendar, yellow=yellow) if clock_may_run(status) else None
    listed = selected.filter(receipt_date__isnull=False) if status == OPEN else selected
    if filters.get("light"):
        listed = listed.open().filter(receipt_date__isnull=False).filter(
            due_date_condition(filters["light"], today, calendar, yellow=yellow))
    listed = _for_rows(listed).order_by(*_order(status, filters.get("light")))
    page = Paginator(listed, PAGE_SIZE).get_page(page_number)
    # Only the default view lists the unconfirmed apart; a light asks about the clock, which they lack.
    if status == OPEN and not filters.get("light"):
        waiting = _for_rows(selected.filter(receipt_date__isnull=True)).order_by("arrived_at", "pk")
        waiting_count, waiting = waiting.count(), list(waiting[:WAITING_LIMIT])
    else:
        waiting, waiting_count = [], 0
    rows = [(application, *_light(application, today, calendar, yellow)) for application in page]
    _decorate(waiting + list(page))
    return WorkList(waiting=waiting, waiting_count=waiting_count, page=page, rows=rows, lights=lights,
                    status=status)


def find_by_code(applications, text):
    """The application among `applications` with exactly this tracking code (any case, any state), or None.

    Codes are stored in capitals (intake.ALPHABET), so an equality on the unique index finds it.
    """
    code = (text or "").strip().upper()
    if not code:
        return None
    return _for_rows(applications.filter(tracking_code=code)).first()


def in_status(applications, status):
    if status == OPEN:
        return applications.open()
    if status == ALL:
        return applications
    if status == REMEDY:
        return applications.filter(pk__in=RemedyCase.objects.values("application_id"))
    return applications.filter(status=status)


def clock_may_run(status):
    """Whether applications under this status filter can be on the clock (and so show a light)."""
    return status in (OPEN, ALL) or status in ON_THE_CLOCK_STATUSES


def _found(application, today, calendar, yellow):
    _decorate([application])
    page = Paginator([application], PAGE_SIZE).get_page(1)
    return WorkList(waiting=[], waiting_count=0, page=page, rows=[(application, *_light(application, today, calendar,
                                                                                           yellow))],
                    lights=None, found=application)


def _order(status, by_light):
    if status == OPEN or status in ON_THE_CLOCK_STATUSES or by_light:
        return F("due_date").asc(nulls_last=True), "pk"
    if status == Status.AWAITING_CONFIRMATION:
        return "arrived_at", "pk"
    if status == ALL:
        return ("-pk",)  # the latest registered first, on the primary key: no sort of every application
    return F("closed_on").desc(nulls_last=True), "-pk"  # finished: the latest first


def _light(application, today, calendar, yellow):
    """A light only while the clock runs: a finished case keeps its due date for the record, not a colour."""
    if application.status not in OPEN_STATUSES:
        return None, None
    return light(application.due_date, today, calendar, yellow=yellow)


def _for_rows(applications):
    return applications.select_related("handler").defer(*NOT_LISTED).annotate(
        request_summary=Left("description", SUMMARY_LENGTH + 1))


def _filtered(applications, user, filters):
    if filters.get("unit"):
        applications = applications.filter(handling_unit=filters["unit"])
    if filters.get("mine"):
        applications = applications.filter(handler=user)
    if filters.get("q"):
        text = filters["q"].strip()
        applications = applications.filter(Q(tracking_code__icontains=text) | Q(description__icontains=text))
    return applications


def _decorate(applications):
    """Set on each: unit_short_name (the handling unit as staff say it, for all of them in one query),
    applicant_masked, and finished_on (the day a finished case was served or closed).

    Not a subquery in the page's SELECT: with OFFSET the database would compute it for every
    skipped row too (4,000 times on page 40).
    """
    short = Unit.objects.filter(pk__in={a.handling_unit_id for a in applications}).short_names()
    for application in applications:
        application.unit_short_name = short[application.handling_unit_id]
        application.applicant_masked = mask_name(application.name)
        finished = application.status not in OPEN_STATUSES
        application.finished_on = (application.closed_on or application.served_on) if finished else None
