"""The site's own error pages (400, 403, 404, CSRF, 500): Chinese, in the site's layout, with a way back.

Django's defaults are bare English pages; these replace them through the handlers in gongkai/urls.py and
CSRF_FAILURE_VIEW. The 500 page renders without the request's context processors, which may be what failed.
"""

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _


def _error_page(request, status, title, message):
    return render(request, "portal/error.html", {"title": title, "message": message}, status=status)


def bad_request(request, exception=None):
    return _error_page(request, 400, _("The request could not be understood"),
                       _("The address or the form sent was incomplete or damaged. Go back and try again."))


def permission_denied(request, exception=None):
    # Services refuse with a sentence written for the person ("Only the handling unit may act …").
    reason = str(exception) if exception is not None and str(exception) else ""
    return _error_page(request, 403, _("You may not open this page or take this step"),
                       reason or _("Your role does not allow it. If you need it, ask your unit's liaison or the "
                                   "disclosure office."))


def not_found(request, exception=None):
    return _error_page(request, 404, _("Page not found"), _("The page does not exist, or you are not allowed to see it."))


def csrf_failure(request, reason=""):
    return _error_page(request, 403, _("The form has expired"),
                       _("The page was open too long or you logged in again elsewhere. Go back, reload the page "
                         "and send the form again."))


def server_error(request):
    return HttpResponseServerError(render_to_string("portal/500.html"))
