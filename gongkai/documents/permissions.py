"""Who may take which step on a document, and in which states: the documents role table.

One table serves the services, which refuse, and the pages, which offer only what is allowed
(`allowed_actions`). Roles count in the document's issuing unit; the disclosure office may take every
step for every unit. A viewer reads and acts on nothing; staff of other units only read what is public.

    step            roles of the issuing unit      states
    create          handler, liaison               —
    edit, attach    handler, liaison, reviewer     draft, in review; published: reviewer, liaison (a correction,
                                                   public at once as a new version)
    submit          handler, liaison               draft
    return          reviewer, liaison              in review, scheduled, withdrawn (to correct and publish again)
    publish         reviewer, liaison              in review (保密审查 is the reviewer's), scheduled (publish now)
    withdraw        reviewer, liaison              published, scheduled
    set_validity    handler, liaison, reviewer     published (规章 and 规范性文件 only)
    scan            handler, liaison, reviewer     any state but withdrawn
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.orgs.models import Role

from .models import DocumentState

S = DocumentState
DRAFTERS = frozenset({Role.HANDLER, Role.LIAISON})
STAFF = frozenset({Role.HANDLER, Role.REVIEWER, Role.LIAISON})
REVIEWERS = frozenset({Role.REVIEWER, Role.LIAISON})


@dataclass(frozen=True)
class Step:
    roles: frozenset
    states: frozenset
    refused: str
    wrong_state: str = ""


STEPS = {
    "edit": Step(STAFF, frozenset({S.DRAFT, S.IN_REVIEW, S.PUBLISHED}),
                 gettext_lazy("Only the issuing unit's staff edit its documents."),
                 gettext_lazy("A scheduled or withdrawn document cannot be edited; return it to draft first.")),
    "attach": Step(STAFF, frozenset({S.DRAFT, S.IN_REVIEW, S.PUBLISHED}),
                   gettext_lazy("Only the issuing unit's staff change its attachments."),
                   gettext_lazy("A scheduled or withdrawn document's attachments cannot be changed.")),
    "submit": Step(DRAFTERS, frozenset({S.DRAFT}),
                   gettext_lazy("Only the issuing unit's handlers and liaison submit documents for review."),
                   gettext_lazy("Only a draft is submitted for review.")),
    "return": Step(REVIEWERS, frozenset({S.IN_REVIEW, S.SCHEDULED, S.WITHDRAWN}),
                   gettext_lazy("Only the issuing unit's reviewer returns documents to draft."),
                   gettext_lazy("Only a document in review, scheduled or withdrawn can be returned to draft.")),
    "publish": Step(REVIEWERS, frozenset({S.IN_REVIEW, S.SCHEDULED}),
                    gettext_lazy("Only the issuing unit's reviewer publishes its documents after the "
                                 "confidentiality review."),
                    gettext_lazy("Only a document that passed through review can be published.")),
    "withdraw": Step(REVIEWERS, frozenset({S.PUBLISHED, S.SCHEDULED}),
                     gettext_lazy("Only the issuing unit's reviewer withdraws its documents."),
                     gettext_lazy("Only a published or scheduled document can be withdrawn.")),
    "set_validity": Step(STAFF, frozenset({S.PUBLISHED}),
                         gettext_lazy("Only the issuing unit's staff record the validity of its documents."),
                         gettext_lazy("The validity is recorded on published documents.")),
    "scan": Step(STAFF, frozenset({S.DRAFT, S.IN_REVIEW, S.SCHEDULED, S.PUBLISHED}),
                 gettext_lazy("Only the issuing unit's staff check its documents for personal data.")),
}


def acts(user, step_name, unit_id):
    """Whether `user` holds a role the step names in the unit (or is the office)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    if user.is_office_admin:
        return True
    return any(user.has_role(role, unit_id) for role in STEPS[step_name].roles)


def may_create(user, unit=None):
    """Whether `user` drafts documents (for `unit`, or for some unit when None)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    if user.is_office_admin:
        return True
    return any(role in DRAFTERS and (unit is None or unit_id == unit.pk) for unit_id, role in user.role_pairs)


def drafting_unit_ids(user):
    """The units `user` may draft for (None: every unit, the office)."""
    if user.is_office_admin:
        return None
    return frozenset(unit_id for unit_id, role in user.role_pairs if role in DRAFTERS)


def refusal(user, step_name, document):
    """Why `user` may not take the step on `document` now (who first, then the state), or None."""
    step = STEPS[step_name]
    if not acts(user, step_name, document.unit_id):
        return PermissionDenied(str(step.refused))
    if document.state not in step.states:
        return ValidationError(str(step.wrong_state) or _("This step is not possible while the document is “%(state)s”.")
                               % {"state": document.get_state_display()})
    if (step_name in ("edit", "attach") and document.state == S.PUBLISHED and not user.is_office_admin
            and not any(user.has_role(role, document.unit_id) for role in REVIEWERS)):
        # A correction goes public at once, so it passes the reviewer as publication does.
        return PermissionDenied(_("A published document is corrected by the issuing unit's reviewer."))
    if step_name == "set_validity" and not (document.genre_id and document.genre.has_validity):
        return ValidationError(_("Only 规章 and 规范性文件 carry a validity."))
    return None


def can(user, step_name, document):
    return refusal(user, step_name, document) is None


def check(user, step_name, document):
    error = refusal(user, step_name, document)
    if error is not None:
        raise error


def check_create(user, unit):
    if not may_create(user, unit):
        raise PermissionDenied(_("You can draft documents only for your own unit."))


def allowed_actions(user, document):
    """The steps `user` may take on `document` now, for the page to offer: a frozenset of step names."""
    return frozenset(name for name in STEPS if can(user, name, document))
