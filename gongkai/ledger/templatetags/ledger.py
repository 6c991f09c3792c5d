from django import template

register = template.Library()


@register.filter
def overdue_on(assignment, today):
    return assignment.is_overdue(today)


@register.filter
def status_on(assignment, today):
    return assignment.status_label(today)
