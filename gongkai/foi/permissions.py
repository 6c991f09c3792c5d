"""Who may take which step on a disclosure application, and in which states: the FOI role table.

One table serves both the services, which refuse, and the application page, which offers only what
is allowed (`allowed_actions`), as the ledger's workflow does for progress reports. Each step names
the roles of the unit concerned — the handling unit, or for a joint-handling part the unit asked —
and the application statuses it may be taken in. The disclosure office may take every step for
every unit (for 审核 too, but never on its own draft). A viewer (read-only), the city-wide intake
desk (which only registers) and every role a step does not name are refused.

    step                   roles of the unit        statuses
    register               handler, liaison (+ the intake desk for every unit)   —
    confirm_receipt        handler, liaison          awaiting confirmation
    assign_handler         handler, reviewer, liaison  open
    transfer, ask_part     handler, liaison          before a reply is drafted
    answer_part            the asked unit's handler, reviewer, liaison   open
    clock_step, fee_notice handler, liaison          on the clock, no reply drafted
    extend                 the office only           on the clock, no reply drafted
    draft                  handler, liaison          in handling, consulting, awaiting payment
    review (审核)           reviewer, liaison — never the drafter   awaiting approval
    edit_letter            handler, reviewer, liaison  awaiting approval
    serve                  handler, liaison          approved
    close_abandoned        handler, liaison          awaiting correction or payment
    archive                handler, reviewer, liaison  served, closed
    reopen                 the office only           archived
    answer_rating, record_remedy  handler, reviewer, liaison   served, archived
    reveal_personal_data   handler, reviewer, liaison  any
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.orgs.models import Role

from .models import OPEN_STATUSES, Status

S = Status
HANDLERS = frozenset({Role.HANDLER, Role.LIAISON})
STAFF = frozenset({Role.HANDLER, Role.REVIEWER, Role.LIAISON})  # the unit's acting people; never a viewer
REVIEWERS = frozenset({Role.REVIEWER, Role.LIAISON})
OFFICE_ONLY = frozenset()

OPEN = frozenset(OPEN_STATUSES)
BEFORE_REPLY = frozenset({S.AWAITING_CONFIRMATION, S.IN_HANDLING, S.AWAITING_CORRECTION, S.CONSULTING,
                          S.AWAITING_PAYMENT})
ON_THE_CLOCK = BEFORE_REPLY - {S.AWAITING_CONFIRMATION}  # a clock step while a reply is drafted would undo it
AFTER_SERVICE = frozenset({S.SERVED, S.ARCHIVED})
ANY = frozenset(Status)


@dataclass(frozen=True)
class Step:
    roles: frozenset  # roles in the unit concerned; the office may always act
    states: frozenset  # the application statuses the step may be taken in
    refused: str  # why anyone else is refused (PermissionDenied)
    wrong_state: str = ""  # why the step is refused in another status (ValidationError); generic if empty
    intake: bool = False  # the city-wide intake desk may take it for any unit
    part: bool = False  # the roles count in the unit asked for a joint-handling part, not the handling unit


STEPS = {
    "register": Step(HANDLERS, ANY, gettext_lazy("You can register applications only for your own unit."),
                     intake=True),
    "confirm_receipt": Step(HANDLERS, frozenset({S.AWAITING_CONFIRMATION}),
                            gettext_lazy("Only the handling unit's handlers and liaison confirm receipt."),
                            gettext_lazy("The receipt of this application is already confirmed.")),
    "assign_handler": Step(STAFF, OPEN, gettext_lazy("Only the handling unit assigns its handlers.")),
    "transfer": Step(HANDLERS, BEFORE_REPLY,
                     gettext_lazy("Only the handling unit's handlers and liaison transfer an application."),
                     gettext_lazy("Once a reply is drafted the application can no longer be transferred.")),
    "ask_part": Step(HANDLERS, BEFORE_REPLY,
                     gettext_lazy("Only the handling unit's handlers and liaison ask other units for a part."),
                     gettext_lazy("Once a reply is drafted no other unit can be asked for a part.")),
    "answer_part": Step(STAFF, OPEN, gettext_lazy("Only the unit asked answers its part."),
                        gettext_lazy("The application is closed: the part can no longer be answered."), part=True),
    "clock_step": Step(HANDLERS, ON_THE_CLOCK,
                       gettext_lazy("Only the handling unit's handlers and liaison record steps of the clock."),
                       gettext_lazy("Steps of the clock are recorded while the application is in handling, "
                                    "before a reply is drafted.")),
    "extend": Step(OFFICE_ONLY, ON_THE_CLOCK, gettext_lazy("An extension must be approved by the disclosure office."),
                   gettext_lazy("Steps of the clock are recorded while the application is in handling, "
                                "before a reply is drafted.")),
    "fee_notice": Step(HANDLERS, ON_THE_CLOCK,
                       gettext_lazy("Only the handling unit's handlers and liaison send fee notices."),
                       gettext_lazy("Steps of the clock are recorded while the application is in handling, "
                                    "before a reply is drafted.")),
    "draft": Step(HANDLERS, frozenset({S.IN_HANDLING, S.CONSULTING, S.AWAITING_PAYMENT}),
                  gettext_lazy("Only the handling unit's handlers draft the reply."),
                  gettext_lazy("A reply can be drafted only while the application is in handling.")),
    "review": Step(REVIEWERS, frozenset({S.AWAITING_APPROVAL}),
                   gettext_lazy("Only the handling unit's reviewer approves replies."),
                   gettext_lazy("No reply of this application awaits approval.")),
    "edit_letter": Step(STAFF, frozenset({S.AWAITING_APPROVAL}), gettext_lazy("Only the handling unit edits its letters."),
                        gettext_lazy("Only a reply awaiting approval can be edited; approved letters are final.")),
    "serve": Step(HANDLERS, frozenset({S.APPROVED}), gettext_lazy("Only the handling unit serves its replies."),
                  gettext_lazy("Only an approved reply can be served.")),
    "close_abandoned": Step(HANDLERS, frozenset({S.AWAITING_CORRECTION, S.AWAITING_PAYMENT}),
                            gettext_lazy("Only the handling unit closes its applications."),
                            gettext_lazy("Only an application waiting for a correction or a payment closes as "
                                         "abandoned.")),
    "archive": Step(STAFF, frozenset({S.SERVED, S.CLOSED}), gettext_lazy("Only the handling unit archives its applications."),
                    gettext_lazy("Only served or closed applications are archived.")),
    "reopen": Step(OFFICE_ONLY, frozenset({S.ARCHIVED}),
                   gettext_lazy("Only the disclosure office reopens an archived application."),
                   gettext_lazy("Only an archived application is reopened.")),
    "answer_rating": Step(STAFF, AFTER_SERVICE, gettext_lazy("Only the handling unit answers its ratings."),
                          gettext_lazy("A rating is answered once the reply has been served.")),
    "record_remedy": Step(STAFF, AFTER_SERVICE, gettext_lazy("Only the handling unit or the office records remedy cases."),
                          gettext_lazy("A remedy case is filed after the reply was served.")),
    "reveal_personal_data": Step(
        STAFF, ANY, gettext_lazy("Only the handling unit's handlers, reviewers and liaison and the disclosure office "
                                 "see an applicant's full identity number, phone and address.")),
}

# Steps on the application itself, as the application page offers them (answer_part is per part).
APPLICATION_STEPS = tuple(name for name, step in STEPS.items() if name != "register" and not step.part)


def acts(user, step_name, unit_id):
    """Whether `user` holds a role the step names in the unit `unit_id` (or is the office)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    step = STEPS[step_name]
    if user.is_office_admin or (step.intake and user.is_intake):
        return True
    return any(user.has_role(role, unit_id) for role in step.roles)


def who_refusal(user, step_name, application, *, part=None, decision=None):
    """A PermissionDenied when `user` may not take the step on `application` in any status; else None."""
    step = STEPS[step_name]
    unit_id = part.unit_id if step.part else application.handling_unit_id
    if not acts(user, step_name, unit_id):
        return PermissionDenied(str(step.refused))
    if decision is not None and decision.drafted_by_id == user.pk:
        return PermissionDenied(_("A reply must be approved by someone other than its drafter."))
    return None


def state_refusal(step_name, application):
    """A ValidationError when the step is not taken in the application's present status; else None."""
    step = STEPS[step_name]
    if application.status in step.states:
        return None
    if application.status == S.ARCHIVED:
        return ValidationError(_("This application is archived and read-only."))
    return ValidationError(str(step.wrong_state) or _("This step is not possible while the application is “%(status)s”.")
                           % {"status": application.get_status_display()})


def refusal(user, step_name, application, *, part=None, decision=None):
    """Why `user` may not take the step now (who first, then the status), or None when allowed."""
    return (who_refusal(user, step_name, application, part=part, decision=decision)
            or state_refusal(step_name, application))


def check(user, step_name, application, *, part=None, decision=None):
    """Raise PermissionDenied or ValidationError unless `user` may take the step on `application` now."""
    error = refusal(user, step_name, application, part=part, decision=decision)
    if error is not None:
        raise error


def check_who(user, step_name, application, *, part=None, decision=None):
    """Raise PermissionDenied unless `user` may take the step at all (the service checks the status after)."""
    error = who_refusal(user, step_name, application, part=part, decision=decision)
    if error is not None:
        raise error


def check_register(user, unit):
    """Registering creates the application: the roles count in the unit it is addressed to."""
    if not acts(user, "register", unit.pk):
        raise PermissionDenied(str(STEPS["register"].refused))


def may_register(user):
    """Whether `user` registers applications for some unit (the register link and page)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return user.is_office_admin or user.is_intake or any(
        role in STEPS["register"].roles for _unit, role in user.role_pairs)


def pending_decision(decisions):
    """The decision awaiting approval among `decisions` (already read), or None."""
    return next((d for d in decisions if d.status == "awaiting_approval"), None)


def allowed_actions(user, application, *, decisions=()):
    """The steps `user` may take on `application` now, for the page to offer: a frozenset of step names.

    `decisions` are the application's decisions as the page reads them; 审核 is offered only on the one
    awaiting approval and never to its drafter.
    """
    pending = pending_decision(decisions)
    allowed = set()
    for name in APPLICATION_STEPS:
        decision = pending if name == "review" else None
        if name == "review" and pending is None:
            continue
        if refusal(user, name, application, decision=decision) is None:
            allowed.add(name)
    return frozenset(allowed)


def answerable_parts(user, application, parts):
    """The joint-handling parts `user` may answer now (unanswered, their unit asked, the application open)."""
    return {part.pk for part in parts
            if not part.answered_at and refusal(user, "answer_part", application, part=part) is None}
