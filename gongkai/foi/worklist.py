"""The staff work list: the open applications a person may see, filtered, a page at a time.

Applications still awaiting confirmation of receipt have no clock yet and are listed apart, oldest
first: each needs a call to the applicant. Those on the clock come soonest deadline first, with
their lights. The query count does not depend on how many applications there are.
"""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import F, Q

from gongkai.orgs.models import Unit

from .lights import current_yellow, due_date_condition, light, light_counts
from .models import Application

PAGE_SIZE = 100
WAITING_LIMIT = 100


@dataclass
class WorkList:
    waiting: list
    waiting_count: int
    page: Page
    rows: list  # (application, colour, working days left or overdue)
    lights: dict  # {colour: count} under every filter but the light


def build(user, filters, *, today, calendar, page_number=None):
    """`filters` as cleaned by WorkListFilterForm: q, unit, status, light, mine — each optional."""
    yellow = current_yellow()
    applications = _filtered(Application.objects.visible_to(user).open(), user, filters)
    running = applications.filter(receipt_date__isnull=False)
    if filters.get("status"):
        running = running.filter(status=filters["status"])
    lights = light_counts(running, today, calendar, yellow=yellow)
    if filters.get("light"):
        running = running.filter(due_date_condition(filters["light"], today, calendar, yellow=yellow))
    running = running.select_related("handler").order_by(F("due_date").asc(nulls_last=True), "pk")
    page = Paginator(running, PAGE_SIZE).get_page(page_number)
    # A status or light filter asks about the clock: the unconfirmed applications are then beside the point.
    if filters.get("status") or filters.get("light"):
        waiting, waiting_count = [], 0
    else:
        waiting = applications.filter(receipt_date__isnull=True).order_by("arrived_at")
        waiting_count, waiting = waiting.count(), list(waiting[:WAITING_LIMIT])
    rows = [(application, *light(application.due_date, today, calendar, yellow=yellow)) for application in page]
    _name_units(waiting + list(page))
    return WorkList(waiting=waiting, waiting_count=waiting_count, page=page, rows=rows, lights=lights)


def _filtered(applications, user, filters):
    if filters.get("unit"):
        applications = applications.filter(handling_unit=filters["unit"])
    if filters.get("mine"):
        applications = applications.filter(handler=user)
    if filters.get("q"):
        text = filters["q"].strip()
        applications = applications.filter(Q(tracking_code__icontains=text) | Q(description__icontains=text))
    return applications


def _name_units(applications):
    """Set unit_short_name on each: the handling unit as staff say it, for all of them in two queries.

    Not a subquery in the page's SELECT: with OFFSET the database would compute it for every
    skipped row too (4,000 times on page 40).
    """
    short = Unit.objects.filter(pk__in={a.handling_unit_id for a in applications}).short_names()
    for application in applications:
        application.unit_short_name = short[application.handling_unit_id]


def query_without(query, *names):
    """The request's query string without `names`, ready for one more parameter: '?' or '?a=1&'."""
    query = query.copy()
    for name in names:
        query.pop(name, None)
    encoded = query.urlencode()
    return f"?{encoded}&" if encoded else "?"
