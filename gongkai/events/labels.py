"""What people read in histories: one label per verb the code records.

tests/portal/test_event_labels.py finds every verb the services record and fails on one missing here;
a verb stored by an older version and since renamed still never shows raw (FALLBACK_LABEL).
"""

from django.utils.translation import gettext_lazy as _

FALLBACK_LABEL = _("Other recorded step")

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
    "supervision.settings_changed": _("Light thresholds changed"),
    "supervision.tick": _("Daily check run"),
    "notification.read": _("Notifications read"),
    # year-end review and publication
    "closure.started": _("Year-end review started"),
    "closure.carried_over": _("Carried over to next year"),
    "closure.dropped": _("Not carried over"),
    "closure.decision_withdrawn": _("Carry-over decision withdrawn"),
    "assignment.carried_over": _("Carried over to next year"),
    "assignment.dropped": _("Not carried over"),
    "plan.closed": _("Plan closed"),
    "plan.created_for_carry_over": _("Plan created for carried-over work"),
    "progress.published": _("Progress page published"),
    "progress.unpublished": _("Progress page withdrawn"),
    # bulletins and assessment
    "assessment.scheme_created": _("Assessment created"),
    "assessment.scheme_updated": _("Assessment edited"),
    "assessment.indicator_added": _("Indicator added"),
    "assessment.indicator_removed": _("Indicator removed"),
    "assessment.bonus_added": _("Bonus points added"),
    "assessment.bonus_removed": _("Bonus points removed"),
    "assessment.adjustment_added": _("Score adjusted by hand"),
    "assessment.adjustment_removed": _("Adjustment removed"),
    "assessment.finalized": _("Assessment finalised"),
    "bulletin.generated": _("Bulletin generated from the ledger"),
    "bulletin.updated": _("Bulletin edited"),
    "bulletin.practice_added": _("Good practice added"),
    "bulletin.practice_updated": _("Good practice edited"),
    "bulletin.practice_removed": _("Good practice removed"),
    "bulletin.practice_moved": _("Good practices reordered"),
    "bulletin.published": _("Bulletin published"),
    "bulletin.discarded": _("Draft bulletin discarded"),
    # disclosure applications
    "foi.received": _("Application received"),
    "foi.receipt_confirmed": _("Receipt confirmed with the applicant"),
    "foi.handler_assigned": _("Handler assigned"),
    "foi.transferred": _("Transferred to another unit"),
    "foi.part_requested": _("Another unit asked to answer a part"),
    "foi.part_answered": _("Part answered by the other unit"),
    "foi.thresholds_changed": _("Disclosure application light thresholds changed"),
    "foi.correction_received": _("Correction received from the applicant"),
    "foi.fee_noticed": _("Fee notice sent"),
    "foi.letter_edited": _("Reply letter edited"),
    "foi.decision_drafted": _("Reply drafted"),
    "foi.decision_approved": _("Reply approved"),
    "foi.decision_returned": _("Reply returned for changes"),
    "foi.served": _("Reply served"),
    "foi.closed_abandoned": _("Closed: no correction or fee received"),
    "foi.archived": _("Archived"),
    "foi.archive_reopened": _("Reopened from the archive"),
    "foi.rated": _("Rated by the applicant"),
    "foi.rating_answered": _("Rating answered"),
    "foi.remedy_recorded": _("Reconsideration or litigation recorded"),
    # clock steps (gongkai/foi/clock.py Kind), recorded as foi.clock.<kind>
    "foi.clock.received": _("Receipt confirmed with the applicant"),
    "foi.clock.correction_requested": _("Correction requested (补正)"),
    "foi.clock.correction_received": _("Correction received from the applicant"),
    "foi.clock.consultation_sent": _("Consultation sent to a third party or agency"),
    "foi.clock.consultation_answered": _("Consultation answered"),
    "foi.clock.consultation_lapsed": _("Consultation lapsed without an answer"),
    "foi.clock.extended": _("Reply period extended"),
    "foi.clock.fee_notice_sent": _("Fee notice sent"),
    "foi.clock.fee_paid": _("Fee paid"),
    "foi.clock.deadline_set": _("Later deadline set (Art. 35)"),
    "foi.clock.replied": _("Reply served"),
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


def label_for(verb):
    return VERB_LABELS.get(verb, FALLBACK_LABEL)
