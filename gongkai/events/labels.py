"""What people read in histories. A verb missing here is shown as it is stored."""

from django.utils.translation import gettext_lazy as _

VERB_LABELS = {
    # plans
    "plan.imported": _("Plan imported"),
    "plan_import.staged": _("File read for review"),
    "plan_import.corrected": _("Corrected before saving"),
    "plan_import.discarded": _("Import discarded"),
    "item.updated": _("Item changed"),
    "task.updated": _("Task changed"),
    "task.units_designated": _("Departments designated"),
    "task.unit_resolved": _("Unit name mapped"),
    # ledger
    "ledger.assignments_generated": _("Assignments created"),
    "assignment.due_changed": _("Due date changed"),
    "report.submitted": _("Progress reported"),
    "report.sign_off": _("Signed off by the unit"),
    "report.return_to_handler": _("Returned to the handler"),
    "report.accept": _("Accepted by the lead unit"),
    "report.return": _("Returned by the lead unit"),
    "round.opened": _("Reporting round opened"),
    "problem.recorded": _("Problem recorded and assigned"),
    "notice.reminder": _("Reminder sent"),
    "notice.warning": _("Warning sent"),
    "notice.supervision": _("Supervision notice issued"),
    # year-end review and publication
    "closure.started": _("Year-end review started"),
    "closure.carried_over": _("Carried over to next year"),
    "closure.dropped": _("Not carried over"),
    "closure.decision_withdrawn": _("Carry-over decision withdrawn"),
    "assignment.carried_over": _("Carried over to next year"),
    "assignment.dropped": _("Not carried over"),
    "plan.closed": _("Plan closed"),
    "plan.created_for_carry_over": _("Plan created for carried-over work"),
    "progress.published": _("Progress page published or withdrawn"),
    # bulletins and assessment
    "bulletin.generated": _("Bulletin drafted"),
    "bulletin.updated": _("Bulletin edited"),
    "bulletin.published": _("Bulletin published"),
    "bulletin.discarded": _("Bulletin discarded"),
    "assessment.scheme_created": _("Assessment scheme created"),
    "assessment.finalized": _("Assessment finalized"),
    "assessment.adjustment_added": _("Score adjusted"),
    "assessment.bonus_added": _("Bonus points added"),
    # directory, calendar, accounts
    "unit.created": _("Unit added"),
    "unit.updated": _("Unit changed"),
    "unit.alias_added": _("Short name added"),
    "group.created": _("Unit group added"),
    "person.created": _("Person added"),
    "calendar.year_loaded": _("Working-day calendar loaded"),
    "api_token.created": _("API token created"),
    "api_token.revoked": _("API token revoked"),
    "feed_token.created": _("Calendar feed link created"),
    "feed_token.revoked": _("Calendar feed link revoked"),
}
