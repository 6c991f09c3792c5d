"""Who is told at once when a progress report moves (called by ledger.services inside each step).

  submitted         → the unit's reviewers (its liaisons where it has none): they sign it off or return it
  sign_off          → the lead units' acting staff (the office where no lead unit has any): accept or return
  return_to_handler → the person who reported: correct it and report again
  return            → the person who reported: correct it and report again
  accept            → the person who reported: their report stands (a final one completes the task)

Where the person who reported has left the unit or was deactivated, the unit's handlers (else its
liaisons) hear instead. The person acting is never told of their own step. Each step settles the
hand-over it answers (a sign-off settles every reviewer's "please sign off"; a new report settles
the "returned" of the one before), so no badge keeps asking for work already done.
"""

from django.urls import reverse
from django.utils.translation import gettext as _

from gongkai.notifications.handoffs import first_staffed, hand_over, shorten, site_language, still_acting
from gongkai.orgs.models import Role

from .models import ReportStatus
from .permissions import ACTING_ROLES, lead_unit_ids


def report_submitted(*, actor, report):
    assignment = report.assignment
    people = first_staffed([assignment.unit_id], (Role.REVIEWER,), (Role.LIAISON,), exclude=actor)
    with site_language():
        if report.is_final:
            text = _("%(unit)s reported task %(task)s “%(title)s” completed. Check the evidence, then sign the "
                     "report off or return it.") % _names(report)
        else:
            text = _("%(unit)s reported progress on task %(task)s “%(title)s” (%(percent)s%%). Sign the report "
                     "off or return it.") % _names(report)
    earlier = assignment.reports.exclude(pk=report.pk).filter(
        status__in=(ReportStatus.RETURNED, ReportStatus.RETURNED_BY_REVIEWER)).values_list("pk", flat=True)
    hand_over(user_ids=people, key=f"ledger-report:{report.pk}:submitted", text=text, url=report_url(report),
              settles=[f"ledger-report:{pk}:{step}" for pk in earlier for step in ("return", "return_to_handler")])


def report_step(*, actor, report, step):
    """After `step` (a key of workflow.REPORT_STEPS) was taken on `report` by `actor`."""
    if step == "sign_off":
        assignment = report.assignment
        people = first_staffed(lead_unit_ids(assignment.task), ACTING_ROLES, exclude=actor)
    else:
        people = [pk for pk in _reporters(report) if pk != actor.pk]
    with site_language():
        text = STEP_TEXTS[step](report) % {**_names(report), "person": actor, "comment": report_comment(report, step)}
    hand_over(user_ids=people, key=f"ledger-report:{report.pk}:{step}", text=text, url=report_url(report),
              settles=[f"ledger-report:{report.pk}:{SETTLES[step]}"])


# The hand-over each step deals with: once signed off, nobody needs to be asked to sign off any more.
SETTLES = {"sign_off": "submitted", "return_to_handler": "submitted", "accept": "sign_off", "return": "sign_off"}


STEP_TEXTS = {
    "sign_off": lambda report: _(
        "%(unit)s signed off its report on task %(task)s “%(title)s” (%(percent)s%%). As the lead unit, accept "
        "it or return it with comments."),
    "return_to_handler": lambda report: _(
        "Your unit's reviewer %(person)s returned the report on task %(task)s “%(title)s”: %(comment)s Correct "
        "it and report again."),
    "return": lambda report: _(
        "The lead unit (%(person)s) returned the report of %(unit)s on task %(task)s “%(title)s”: %(comment)s "
        "Correct it and report again."),
    "accept": lambda report: _(
        "%(person)s accepted the report of %(unit)s on task %(task)s “%(title)s”: the task is completed.")
    if report.is_final else _(
        "%(person)s accepted the report of %(unit)s on task %(task)s “%(title)s” (%(percent)s%%)."),
}


def report_comment(report, step):
    """The comment of this step, without its closing stop (the sentence around it has one)."""
    comment = report.signoff_comment if step == "return_to_handler" else report.comment
    return comment.rstrip("。.．！!；; ")


def _reporters(report):
    """The person who reported, while they still report for the unit; else the unit's handlers or liaisons."""
    unit_id = report.assignment.unit_id
    if still_acting(report.author, unit_id, (Role.HANDLER, Role.LIAISON)):
        return [report.author.pk]
    return first_staffed([unit_id], (Role.HANDLER,), (Role.LIAISON,))


def _names(report):
    task = report.assignment.task
    return {"unit": report.assignment.unit.name, "task": f"{task.item.number}.{task.position}",
            "title": shorten(task.item.title), "percent": report.percent}


def report_url(report):
    return reverse("ledger:assignment", args=[report.assignment_id]) + f"#report-{report.pk}"
