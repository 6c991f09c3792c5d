"""Who may do what to an assignment and its reports — the roles behind the transition table."""

from gongkai.orgs.models import Role

# Roles that act for a unit (a viewer only reads).
ACTING_ROLES = (Role.LIAISON, Role.HANDLER, Role.REVIEWER)


def lead_unit_ids(task):
    return {tu.unit_id for tu in task.units.all() if tu.role == "lead" and tu.unit_id}


def reports_for_unit(user, assignment):
    """Handlers and liaisons write their unit's progress reports."""
    return any(user.has_role(role, assignment.unit_id) for role in (Role.HANDLER, Role.LIAISON))


def reviews_for_unit(user, assignment):
    """The unit's reviewer (or its liaison) signs reports off before they go to the lead unit."""
    return any(user.has_role(role, assignment.unit_id) for role in (Role.REVIEWER, Role.LIAISON))


def acts_for_lead(user, assignment):
    """The lead unit's acting staff, and the disclosure office, accept or return reports."""
    if user.is_office_admin:
        return True
    return any(user.has_role(role, unit_id) for unit_id in lead_unit_ids(assignment.task) for role in ACTING_ROLES)


ROLE_CHECKS = {"unit_handler": reports_for_unit, "unit_reviewer": reviews_for_unit, "lead": acts_for_lead}
