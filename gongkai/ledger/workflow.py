"""The report workflow written down: which step moves a report from which status to which, and who may take it.

handler ──submit──▶ awaiting_signoff ──sign_off (unit reviewer)──▶ awaiting_lead ──accept (lead)──▶ accepted
                          │                                              │
                          └─return_to_handler──▶ returned_by_reviewer     └─return (lead)──▶ returned
"""

from dataclasses import dataclass

from .models import AssignmentState, ReportStatus


@dataclass(frozen=True)
class Step:
    source: str
    target: str
    who: str  # a key of permissions.ROLE_CHECKS


REPORT_STEPS = {
    "sign_off": Step(ReportStatus.AWAITING_SIGNOFF, ReportStatus.AWAITING_LEAD, "unit_reviewer"),
    "return_to_handler": Step(ReportStatus.AWAITING_SIGNOFF, ReportStatus.RETURNED_BY_REVIEWER, "unit_reviewer"),
    "accept": Step(ReportStatus.AWAITING_LEAD, ReportStatus.ACCEPTED, "lead"),
    "return": Step(ReportStatus.AWAITING_LEAD, ReportStatus.RETURNED, "lead"),
}

# A new report may be written while the assignment is open and no earlier report is still in review.
PENDING_REPORT_STATUSES = {ReportStatus.AWAITING_SIGNOFF, ReportStatus.AWAITING_LEAD}

# What the assignment becomes after each step (accept depends on whether the report was final).
ASSIGNMENT_AFTER = {
    "submit": AssignmentState.IN_PROGRESS,
    "sign_off": AssignmentState.SUBMITTED,
    "return_to_handler": AssignmentState.IN_PROGRESS,
    "return": AssignmentState.RETURNED,
    "accept": AssignmentState.IN_PROGRESS,
}
