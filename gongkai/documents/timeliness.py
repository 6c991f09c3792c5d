"""条例 Art 26: publish within 20 working days of the information being formed (a setting per genre)."""

import datetime

from django.utils import timezone

from gongkai.workdays.calendar import CalendarYearMissing, WorkCalendar

DEFAULT_LIMIT = 20  # working days, when a document has no genre


def publication_deadline(document, *, calendar=None):
    """The last working day the document could be published in time, or None without a 成文日期."""
    if not document.written_on:
        return None
    limit = document.genre.publish_within_workdays if document.genre_id else DEFAULT_LIMIT
    calendar = calendar or WorkCalendar.from_db()
    return calendar.add_workdays(document.written_on, limit)


def late_workdays(document, *, calendar=None):
    """Working days the publication came after its deadline; None when in time or not known.

    A year whose holiday notice is not loaded gives None (not a guess): the flag needs a real calendar.
    """
    if not (document.written_on and document.published_at):
        return None
    calendar = calendar or WorkCalendar.from_db()
    published = document.published_at
    published_on = timezone.localdate(published) if isinstance(published, datetime.datetime) else published
    try:
        deadline = publication_deadline(document, calendar=calendar)
        late = calendar.count_workdays(deadline, published_on)
    except CalendarYearMissing:
        return None
    return late if late > 0 else None
