"""Where each person starts after logging in: their own queue, not the list of plans.

The office watches the whole city (the city dashboard); a unit's people work their unit's
assignments (我的工作); the city-wide intake desk belongs to no unit and follows the applications it
registered (the FOI work list). Someone in no unit yet lands on the dashboard, which says whom to ask.
A login with ?next= goes there instead: Django's LoginView prefers it to LOGIN_REDIRECT_URL ("home").
"""

from django.urls import reverse


def landing_url(user):
    if user.is_office_admin:
        return reverse("supervision:city")
    if user.unit_ids:
        return reverse("ledger:mine")
    if user.is_intake:
        return reverse("foi:list")
    return reverse("supervision:city")
