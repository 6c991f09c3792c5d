from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpResponse
from django.shortcuts import redirect, render

from gongkai.conventions import CONVENTIONS

from .home import home_context
from .landing import landing_url


def home(request):
    """The public start page; staff (and every login without ?next=) go on to their own queue."""
    if request.user.is_authenticated:
        return redirect(landing_url(request.user))
    return render(request, "portal/home.html", home_context())


def healthz(request):
    """For load balancers and the demo script: the process is up and the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


@login_required
def conventions(request):
    """The open conventions of rules.md and how this deployment settles them: staff should know
    which reading their deadlines and fees follow."""
    rows = [{"convention": convention, "default": convention.describe(convention.default),
             "value": convention.describe(convention.value()), "changed": convention.value() != convention.default}
            for convention in CONVENTIONS]
    return render(request, "portal/conventions.html", {"rows": rows})
