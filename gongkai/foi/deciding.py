"""Deciding, approving, serving and archiving a reply; ratings and remedy cases afterwards.

The flow, written down (who may take each step in brackets):
  in_handling ──draft (handler)──▶ awaiting_approval ──approve (unit reviewer, not the drafter)──▶ approved
        ▲                                 │                                                        │
        └──────────return (reviewer)──────┘                                         serve (handler)│
                                                                                                   ▼
                         closed (abandoned: no correction / fee unpaid) ◀── close ──  served ──archive──▶ archived
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.events.services import record
from gongkai.workdays.calendar import CalendarYearMissing, WorkCalendar

from . import clocking, handoffs, outcomes, permissions
from .models import (
    Application,
    ClockEvent,
    Decision,
    DecisionStatus,
    Rating,
    RemedyCase,
    ServiceMethod,
    Status,
)
from .services import Conflict  # one conflict error for the whole app


def _locked(application, actor, step):
    """The application re-read under a row lock, once `actor` may take `step` on it now (foi.permissions)."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    permissions.check(actor, step, application)
    return application


def _save(application, verb, actor, data, **fields):
    for name, value in fields.items():
        setattr(application, name, value)
    application.version += 1
    application.save()
    record(actor=actor, verb=verb, subject=application, data=data)


@transaction.atomic
def draft_decision(*, actor, application, closure_code, reason_detail="", reasons="", grounds=(),
                   how_to_obtain="", document_number=""):
    application = _locked(application, actor, "draft")
    problems = outcomes.outcome_problems(closure_code, reason_detail)
    if not problems:
        if outcomes.needs_reasons(closure_code) and (not reasons.strip() or not grounds):
            problems.append(_("A refusal, in whole or in part, must give its reasons and legal basis."))
        if outcomes.ClosureCode(closure_code) in outcomes.NEEDS_HOW_TO_OBTAIN and not how_to_obtain.strip():
            problems.append(_("Say how, where and when the applicant obtains the information."))
    if problems:
        raise ValidationError(problems)
    decision = Decision.objects.create(
        application=application, closure_code=closure_code, reason_detail=reason_detail, reasons=reasons.strip(),
        grounds=list(grounds), how_to_obtain=how_to_obtain.strip(), document_number=document_number.strip(),
        drafted_by=actor,
    )
    _save(application, "foi.decision_drafted", actor, {"code": closure_code, "decision": decision.pk},
          status=Status.AWAITING_APPROVAL)
    handoffs.decision_drafted(actor=actor, decision=decision)
    return decision


@transaction.atomic
def review_decision(*, actor, decision, approve, comment=""):
    """审核: the unit's reviewer approves the draft or returns it; never the person who drafted it."""
    application = Application.objects.select_for_update().get(pk=decision.application_id)
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    permissions.check_who(actor, "review", application, decision=decision)  # never the drafter
    if decision.status != DecisionStatus.AWAITING_APPROVAL:
        raise Conflict(_("This reply was already reviewed by someone else. Reload the page."))
    permissions.check(actor, "review", application, decision=decision)
    if not approve and not comment.strip():
        raise ValidationError(_("Say what must be changed."))
    decision.status = DecisionStatus.APPROVED if approve else DecisionStatus.RETURNED
    decision.reviewed_by, decision.reviewed_at, decision.review_comment = actor, timezone.now(), comment.strip()
    decision.save()
    _save(application, "foi.decision_approved" if approve else "foi.decision_returned", actor,
          {"decision": decision.pk, "comment": comment.strip()},
          status=Status.APPROVED if approve else Status.IN_HANDLING)
    handoffs.decision_reviewed(actor=actor, decision=decision)
    return decision


@transaction.atomic
def serve(*, actor, application, method, day, postal_tracking="", attachments=""):
    """The reply reaches the applicant. By post the legal date is the day it is handed to China Post."""
    application = _locked(application, actor, "serve")
    if method not in ServiceMethod.values:
        raise ValidationError(_("Choose how the reply was delivered."))
    if method == ServiceMethod.POST and not postal_tracking.strip():
        raise ValidationError(_("A reply by post needs the China Post tracking number."))
    decision = application.decisions.get(status=DecisionStatus.APPROVED)
    ClockEvent.objects.create(application=application, kind="replied", day=day, actor=actor,
                              note=ServiceMethod(method).label)
    state = clocking.state_of(application, today=day)
    _save(application, "foi.served", actor, {"method": method, "day": day, "late": state.late},
          status=Status.SERVED, service_method=method, served_on=day, postal_tracking=postal_tracking.strip(),
          released_attachments=attachments.strip(), closure_code=decision.closure_code,
          reason_detail=decision.reason_detail, closed_on=day,
          reply_workdays=reply_workdays(application.receipt_date, day, WorkCalendar.from_db()))
    return state


def reply_workdays(received, served, calendar):
    """Working days from receipt to service (served before receipt is a data error: 0); None if a year is missing."""
    try:
        return max(calendar.count_workdays(received, served), 0)
    except CalendarYearMissing:
        return None


@transaction.atomic
def close_abandoned(*, actor, application, today=None):
    """No correction or no payment in time: the case closes as 其他处理 row 1 or 2 (rules.md §2.8)."""
    application = _locked(application, actor, "close_abandoned")
    today = today or timezone.localdate()
    state = clocking.state_of(application, today=today)
    if not state.abandoned_as:
        raise ValidationError(_("The applicant's deadline has not passed: the case cannot be closed as abandoned."))
    code = outcomes.ClosureCode[state.abandoned_as]  # the clock names the code (OTHER_NO_CORRECTION, …)
    _save(application, "foi.closed_abandoned", actor, {"code": code},
          status=Status.CLOSED, closure_code=code, closed_on=today)


@transaction.atomic
def archive(*, actor, application):
    application = _locked(application, actor, "archive")
    _save(application, "foi.archived", actor, {}, status=Status.ARCHIVED, archived_at=timezone.now())


@transaction.atomic
def reopen_archive(*, actor, application, reason):
    """Archived files are read-only; the office may reopen one, with a recorded reason."""
    application = _locked(application, actor, "reopen")
    if not reason.strip():
        raise ValidationError(_("Give the reason for reopening an archived application."))
    previous = Status.SERVED if application.served_on else Status.CLOSED
    _save(application, "foi.archive_reopened", actor, {"reason": reason.strip()}, status=previous, archived_at=None)


@transaction.atomic
def rate(*, application, score, comment=""):
    """The applicant (identified by tracking code and password) rates the served reply once."""
    if application.status not in (Status.SERVED, Status.ARCHIVED):
        raise ValidationError(_("A reply can be rated once it has been served."))
    if not 1 <= int(score) <= 5:
        raise ValidationError(_("Choose a rating from 1 to 5."))
    if Rating.objects.filter(application=application).exists():
        raise ValidationError(_("This reply was already rated."))
    rating = Rating.objects.create(application=application, score=int(score), comment=comment.strip()[:2000])
    record(actor=None, verb="foi.rated", subject=application, data={"score": rating.score})
    return rating


@transaction.atomic
def answer_rating(*, actor, rating, answer):
    permissions.check(actor, "answer_rating", rating.application)
    application = rating.application
    if not answer.strip():
        raise ValidationError(_("The answer is empty."))
    rating.answer, rating.answered_at = answer.strip(), timezone.now()
    rating.save()
    record(actor=actor, verb="foi.rating_answered", subject=application, data={})
    return rating


@transaction.atomic
def record_remedy(*, actor, application, kind, filed_on, result="pending", decided_on=None, note=""):
    """A 行政复议 or 行政诉讼 against the reply, for annual-report table 四."""
    application = _locked(application, actor, "record_remedy")
    if application.served_on is None or filed_on < application.served_on:
        raise ValidationError(_("A remedy case is filed after the reply was served."))
    if result != "pending" and decided_on is None:
        raise ValidationError(_("A concluded case needs its decision date."))
    case = RemedyCase.objects.create(application=application, kind=kind, filed_on=filed_on, result=result,
                                     decided_on=decided_on, note=note.strip(), recorded_by=actor)
    record(actor=actor, verb="foi.remedy_recorded", subject=application, data={"kind": kind, "result": result})
    return case
