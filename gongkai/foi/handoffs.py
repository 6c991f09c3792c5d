"""Who is told at once when a disclosure application is handed to someone (called inside each step).

  handler assigned   → the handler (unless they assigned themselves)
  reply drafted      → the handling unit's reviewers (its liaisons where it has none) — never the drafter
  reply returned     → the drafter: change the draft and send it for approval again
  reply approved     → the drafter: serve it
  transferred        → the receiving unit's handlers and liaisons: assign a handler
  part asked         → the asked unit's handlers and liaisons: answer by the internal deadline
  part answered      → the application's handler (else the unit's handlers): the answer is in

Where nobody in the unit can act (or the drafter has left), the application's handler, the unit's
handlers or, last, the disclosure office hear instead. Each step settles the hand-overs it answers
(the review settles every reviewer's "approve it"; a new draft settles the "returned"). Texts name tracking codes, units and dates:
never the applicant's personal data (as foi.reminders). The daily digest e-mails what is still unread.
"""

from django.urls import reverse
from django.utils.translation import gettext as _

from gongkai.notifications.handoffs import first_staffed, hand_over, settle, site_language, still_acting
from gongkai.orgs.models import Role

from .models import DecisionStatus

HANDLERS = (Role.HANDLER, Role.LIAISON)


def handler_assigned(*, actor, application):
    handler = application.handler
    if handler is None or handler.pk == actor.pk:
        settle([f"foi-transfer:{application.pk}:"])  # taking it on answers the transfer
        return
    with site_language():
        text = _("%(person)s assigned disclosure application %(code)s (%(unit)s) to you. %(due)s") % {
            **_names(application), "person": actor, "due": _due(application)}
    hand_over(user_ids=[handler.pk], key=f"foi-handler:{application.pk}:{application.version}", text=text,
              url=_url(application), settles=[f"foi-transfer:{application.pk}:"])


def decision_drafted(*, actor, decision):
    application = decision.application
    people = first_staffed([application.handling_unit_id], (Role.REVIEWER,), (Role.LIAISON,), exclude=actor)
    with site_language():
        text = _("%(person)s drafted the reply to disclosure application %(code)s (%(unit)s): approve it or "
                 "return it. %(due)s") % {**_names(application), "person": actor, "due": _due(application)}
    hand_over(user_ids=people, key=f"foi-drafted:{application.pk}:{decision.pk}", text=text, url=_url(application),
              settles=[f"foi-returned:{application.pk}:"])


def decision_reviewed(*, actor, decision):
    """After 审核: the drafter hears that the draft was approved (serve it) or returned (change it)."""
    application = decision.application
    people = [pk for pk in _drafters(decision) if pk != actor.pk]
    values = {**_names(application), "person": actor, "comment": decision.review_comment.rstrip("。.．！!；; ")}
    with site_language():
        if decision.status == DecisionStatus.APPROVED:
            text = _("%(person)s approved the reply to disclosure application %(code)s (%(unit)s): serve it on "
                     "the applicant.") % values
        else:
            text = _("%(person)s returned the draft reply to disclosure application %(code)s (%(unit)s): "
                     "%(comment)s. Change it and send it for approval again.") % values
    hand_over(user_ids=people, key=f"foi-{decision.status}:{application.pk}:{decision.pk}", text=text,
              url=_url(application), settles=[f"foi-drafted:{application.pk}:"])


def transferred(*, actor, application, from_unit):
    people = first_staffed([application.handling_unit_id], HANDLERS, exclude=actor)
    with site_language():
        text = _("%(from)s transferred disclosure application %(code)s to %(unit)s: assign a handler. %(due)s") % {
            **_names(application), "from": from_unit.name, "due": _due(application)}
    hand_over(user_ids=people, key=f"foi-transfer:{application.pk}:{application.version}", text=text,
              url=_url(application), settles=[f"foi-handler:{application.pk}:", f"foi-transfer:{application.pk}:"])


def part_requested(*, actor, part):
    application = part.application
    people = first_staffed([part.unit_id], HANDLERS, exclude=actor)
    with site_language():
        text = _("%(unit)s asks %(asked)s to answer part of disclosure application %(code)s by %(date)s.") % {
            **_names(application), "asked": part.unit.name, "date": part.due_date.isoformat()}
    hand_over(user_ids=people, key=f"foi-part:{application.pk}:{part.pk}", text=text, url=_url(application))


def part_answered(*, actor, part):
    """The handling unit's handler (else its handlers) hears the part came back; the request is settled."""
    application = part.application
    unit_id = application.handling_unit_id
    people = [application.handler_id] if still_acting(application.handler, unit_id, HANDLERS) else first_staffed(
        [unit_id], (Role.HANDLER,), (Role.LIAISON,))
    with site_language():
        text = _("%(asked)s answered its part of disclosure application %(code)s (%(unit)s).") % {
            **_names(application), "asked": part.unit.name}
    hand_over(user_ids=[pk for pk in people if pk != actor.pk], key=f"foi-part-answered:{application.pk}:{part.pk}",
              text=text, url=_url(application), settles=[f"foi-part:{application.pk}:{part.pk}"])


def _drafters(decision):
    """The drafter while they still handle for the unit; else the application's handler; else the unit's handlers."""
    application = decision.application
    unit_id = application.handling_unit_id
    for person in (decision.drafted_by, application.handler):
        if still_acting(person, unit_id, HANDLERS):
            return [person.pk]
    return first_staffed([unit_id], (Role.HANDLER,), (Role.LIAISON,))


def _names(application):
    return {"code": application.tracking_code, "unit": application.handling_unit.name}


def _due(application):
    if application.due_date is None:
        return _("Receipt is not confirmed yet.")
    return _("The reply is due on %(date)s.") % {"date": application.due_date.isoformat()}


def _url(application):
    return reverse("foi:detail", args=[application.pk])
