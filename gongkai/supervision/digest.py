"""What each person hears about today: one digest per handler and liaison of every unit with matters,
and per person with disclosure applications to see to (their FOI section, foi.reminders).

A unit's matters are its overdue, returned, due-soon and behind-schedule assignments, its missing
reports in current reporting rounds, and the notices issued to it today. Each assignment is listed
once, under its most pressing heading. Lists are cut at MAX_LISTED per heading (with the count of
the rest): a digest is read, not searched — the unit dashboard holds the full list. The text is
composed in Python, each unit's section once however many of its people receive it.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from gongkai.ledger.models import ReportingRound
from gongkai.notifications.models import Channel
from gongkai.notifications.services import Digest
from gongkai.orgs.models import Membership, Role, Unit, User

from . import queries
from .lights import Colour, Why
from .links import absolute, assignment_url, notice_url, unit_dashboard_url

MAX_LISTED = 10
MAX_HANDOFFS = 20  # hand-overs listed in one e-mail; the notifications page has the rest
RECIPIENT_ROLES = (Role.HANDLER, Role.LIAISON)


class Heading:
    OVERDUE = "overdue"
    RETURNED = "returned"
    DUE_SOON = "due_soon"
    BEHIND = "behind"

    ORDER = (OVERDUE, RETURNED, DUE_SOON, BEHIND)


def heading_of(light):
    """The most pressing heading an assignment belongs under, or None if it needs no word today."""
    if light.colour == Colour.RED:
        return Heading.OVERDUE
    if light.has(Why.RETURNED):
        return Heading.RETURNED
    if light.has(Why.DUE_SOON):
        return Heading.DUE_SOON
    if light.behind_schedule:
        return Heading.BEHIND
    return None


@dataclass
class UnitMatters:
    unit_id: int
    lists: dict = field(default_factory=lambda: {heading: [] for heading in Heading.ORDER})
    rounds: list = field(default_factory=list)  # (round, missing count)
    notices: list = field(default_factory=list)

    def __bool__(self):
        return any(self.lists.values()) or bool(self.rounds) or bool(self.notices)


def collect_matters(pairs, *, rounds_missing, notices):
    """{unit id: UnitMatters} from lit open assignments, missing round reports and today's notices
    (given as [(unit id, EscalationNotice)])."""
    matters = {}

    def of(unit_id):
        return matters.setdefault(unit_id, UnitMatters(unit_id))

    for row, light in pairs:
        heading = heading_of(light)
        if heading:
            of(row["unit_id"]).lists[heading].append((row, light))
    for reporting_round, unit_id, missing in rounds_missing:
        of(unit_id).rounds.append((reporting_round, missing))
    for unit_id, notice in notices:
        of(unit_id).notices.append(notice)
    for unit_matters in matters.values():
        _sort(unit_matters.lists)
    return {unit_id: m for unit_id, m in matters.items() if m}


def _sort(lists):
    """Most overdue first, then least time left, then plan order: the order people should act in."""
    for pairs in lists.values():
        pairs.sort(key=lambda pair: queries.position_key(pair[0]))
    lists[Heading.OVERDUE].sort(key=lambda pair: -(pair[1].value_of(Why.OVERDUE) or 0))
    lists[Heading.DUE_SOON].sort(key=lambda pair: pair[1].value_of(Why.DUE_SOON))


def current_rounds(*, today, calendar, thresholds):
    """The latest opened round of each plan, when its deadline is near (yellow_workdays) or past."""
    latest = {}
    for reporting_round in ReportingRound.objects.filter(opened_on__lte=today).order_by("plan_id", "-opened_on", "-id"):
        latest.setdefault(reporting_round.plan_id, reporting_round)
    return [r for r in latest.values() if calendar.count_workdays(today, r.deadline) <= thresholds.yellow_workdays]


def rounds_missing(rounds):
    """[(round, unit id, number of its assignments that have not reported in the round)]."""
    result = []
    for reporting_round in rounds:
        per_unit = reporting_round.missing_assignments().order_by().values("unit_id").annotate(n=Count("id"))
        result.extend((reporting_round, row["unit_id"], row["n"]) for row in per_unit)
    return result


def build_digests(matters, *, today, delivered=None, foi_sections=None, handoffs=None):
    """([Digest], skipped): one Digest per recipient, in the site language.

    Recipients are the handlers and liaisons of units with matters, everyone with a section of
    disclosure applications (`foi_sections`, {user id: foi.reminders.DigestSection}) and everyone
    with work handed to them that no e-mail mentioned yet (`handoffs`, notifications.handoffs.to_email)
    — one e-mail a day whatever it covers. Someone who hears only of applications or hand-overs gets
    the e-mail alone: their in-app notifications already say it, and the in-app digest line never
    repeats a hand-over.

    `delivered` ({user id: {channels}}) names what went out today already; people who have had
    every channel they can receive are skipped (and counted) without composing anything.
    """
    foi_sections, handoffs = foi_sections or {}, handoffs or {}
    everyone = _recipients(matters.keys())
    everyone += _email_only_recipients((set(foi_sections) | set(handoffs)) - {user["id"] for user, _units in everyone})
    if not everyone:
        return [], 0
    recipients = [(user, unit_ids) for user, unit_ids in everyone
                  if not _has_everything(user, (delivered or {}).get(user["id"], ()), bool(unit_ids))]
    skipped = len(everyone) - len(recipients)
    units = dict(Unit.objects.filter(pk__in=list(matters)).values_list("pk", "name"))
    needed = {unit_id for _user, unit_ids in recipients for unit_id in unit_ids}
    listed = {row["id"] for unit_id in needed for pairs in matters[unit_id].lists.values()
              for row, _l in pairs[:MAX_LISTED]}
    labels = queries.assignment_labels(listed)
    with translation.override(settings.LANGUAGE_CODE):
        # A unit's section is the same for all its people: composed once, shared by each digest.
        sections = {unit_id: _unit_section(matters[unit_id], units[unit_id], labels) for unit_id in needed}
        return [_digest(user, [sections[u] for u in sorted(unit_ids, key=units.get)], today,
                        foi_sections.get(user["id"]), handoffs.get(user["id"], ()) if user["email"] else ())
                for user, unit_ids in recipients], skipped


def _email_only_recipients(user_ids):
    """[(user values, no units)] of active people with an e-mail address: the rest have the app notification."""
    rows = User.objects.filter(pk__in=user_ids, is_active=True).exclude(email="").values("id", "email")
    return [({"id": row["id"], "email": row["email"]}, set()) for row in rows.order_by("id")]


def _has_everything(user, channels, in_app=True):
    return (Channel.APP in channels or not in_app) and (Channel.EMAIL in channels or not user["email"])


def _recipients(unit_ids):
    """[(user values, [unit ids])]: active handlers and liaisons, each person once."""
    people = {}
    rows = (Membership.objects.filter(unit_id__in=list(unit_ids), role__in=RECIPIENT_ROLES, user__is_active=True)
            .values_list("user_id", "user__email", "unit_id").order_by("user_id"))
    for user_id, email, unit_id in rows:
        person = people.setdefault(user_id, ({"id": user_id, "email": email}, set()))
        person[1].add(unit_id)
    return list(people.values())


def _unit_section(matters, unit_name, labels):
    """{"unit_id", "counts", "text" (the e-mail section), "summary" (the in-app line)} of one unit.

    Plain text composed in Python: a template per line cost four fifths of a 20,000-assignment tick.
    """
    headings, due_word = heading_labels(), _("due")
    lines = [f"== {unit_name} =="]
    if matters.notices:
        lines += ["", _("Notices issued today") + ":"]
        for notice in matters.notices[:MAX_LISTED]:
            lines += [f"  * {notice_label(notice)}", f"    {absolute(notice_url(notice.pk))}"]
        if len(matters.notices) > MAX_LISTED:
            lines.append("  " + _("… and %(count)s more") % {"count": len(matters.notices) - MAX_LISTED})
    for heading in Heading.ORDER:
        pairs = matters.lists[heading]
        if not pairs:
            continue
        lines += ["", f"{headings[heading]} ({len(pairs)}):"]
        for row, light in pairs[:MAX_LISTED]:
            lines += [_line(row, light, labels[row["id"]], due_word), f"    {absolute(assignment_url(row['id']))}"]
        if len(pairs) > MAX_LISTED:
            lines.append("  " + _("… and %(count)s more") % {"count": len(pairs) - MAX_LISTED})
    for reporting_round, missing in matters.rounds:
        lines += ["", _("Reporting round “%(title)s” (report by %(deadline)s): %(count)s assignments have not "
                        "reported yet.") % {"title": reporting_round.title, "count": missing,
                                             "deadline": reporting_round.deadline.isoformat()}]
    counts = {heading: len(matters.lists[heading]) for heading in Heading.ORDER}
    return {"unit_id": matters.unit_id, "counts": counts, "text": "\n".join(lines),
            "summary": _summary(unit_name, counts, matters)}


def _line(row, light, label, due_word):
    parts = [f"  * {label['item']}.{label['position']} {_shorten(label['text'], 60)}"]
    if row["due_date"]:
        parts.append(f"{due_word} {row['due_date'].isoformat()}")
    if light.reasons:
        parts.append("；".join(str(reason) for reason in light.reasons))
    return " — ".join(parts)


def _shorten(text, length):
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"


def notice_label(notice):
    details = notice.details
    what = notice.number or notice.get_level_display()
    return _("%(what)s: task %(item)s.%(position)s, %(days)s working days overdue") % {
        "what": what, "item": details["item_number"], "position": details["task_position"],
        "days": details["overdue_workdays"]}


def heading_labels():
    return {Heading.OVERDUE: _("Overdue"), Heading.RETURNED: _("Returned for correction"),
            Heading.DUE_SOON: _("Due soon"), Heading.BEHIND: _("Behind schedule")}


def summary_formats():
    return {Heading.OVERDUE: _("%(count)s overdue"), Heading.RETURNED: _("%(count)s returned"),
            Heading.DUE_SOON: _("%(count)s due soon"), Heading.BEHIND: _("%(count)s behind schedule")}


def _summary(unit_name, counts, matters):
    parts = [text % {"count": counts[h]} for h, text in summary_formats().items() if counts[h]]
    parts += [_("%(missing)s reports missing for “%(round)s”") % {"missing": n, "round": r.title}
              for r, n in matters.rounds]
    if matters.notices:
        parts.append(_("%(count)s notices issued today") % {"count": len(matters.notices)})
    return f"{unit_name}: " + ", ".join(parts)


def handoff_section(handoffs):
    """The e-mail's list of work handed over since the last digest: [(notification id, text, url)]."""
    lines = [_("Work handed to you (%(count)s):") % {"count": len(handoffs)}]
    for _pk, text, url in handoffs[:MAX_HANDOFFS]:
        lines += [f"  * {' '.join(text.split())}", f"    {absolute(url)}"]
    if len(handoffs) > MAX_HANDOFFS:
        lines.append("  " + _("… and %(count)s more") % {"count": len(handoffs) - MAX_HANDOFFS})
    return "\n".join(lines)


def _digest(user, sections, today, foi=None, handoffs=()):
    """The digest of one person: work handed to them (`handoffs`), their units' sections, then their
    disclosure applications (`foi`)."""
    url = unit_dashboard_url(sections[0]["unit_id"]) if sections else reverse(
        "foi:list" if foi or not handoffs else "notifications:list")
    parts = [handoff_section(handoffs)] if handoffs else []
    parts += [section["text"] for section in sections]
    if foi:
        parts.append(foi.text + "\n" + _("Work list of disclosure applications: %(url)s") % {
            "url": absolute(reverse("foi:list"))})
    if sections:
        parts.append(_("Your unit's dashboard: %(url)s") % {"url": absolute(url)})
    body = "\n\n".join([
        _("Gongkai daily digest for %(date)s") % {"date": today.isoformat()},
        *parts,
        _("This digest is sent once a day by Gongkai. Notifications are also listed in the app."),
    ]) + "\n"
    overdue = sum(section["counts"][Heading.OVERDUE] for section in sections)
    attention = sum(sum(section["counts"].values()) for section in sections) - overdue
    if foi:
        overdue, attention = overdue + foi.overdue, attention + foi.attention
    subject = _("Gongkai %(date)s: %(overdue)s overdue, %(attention)s need attention") % {
        "date": today.isoformat(), "overdue": overdue, "attention": attention + len(handoffs)}
    return Digest(user_id=user["id"], email=user["email"], subject=subject, body=body,
                  summary="\n".join(section["summary"] for section in sections), url=url, app=bool(sections),
                  handoff_ids=tuple(pk for pk, _text, _url in handoffs))
