"""The public gazette (政府公报) at /gazette/: published issues by year, an issue's articles linking to each
document's public page, and the issue PDF. An unpublished issue is the site's 404, as is its PDF; an article
whose document is no longer public (withdrawn since) is left out: withdrawn documents stay on the staff side."""

from django.shortcuts import get_object_or_404, render

from . import gazette
from .gazette_views import pdf_response
from .models import Document


def _published(year, number):
    return get_object_or_404(gazette.public_issues(), year=year, number=number)


def index(request):
    by_year = {}
    for issue in gazette.public_issues().order_by("-year", "-number"):
        by_year.setdefault(issue.year, []).append(issue)
    return render(request, "documents/public/gazette_index.html", {"by_year": by_year.items()})


def issue(request, year, number):
    issue = _published(year, number)
    entries = gazette.articles(issue)
    public = set(Document.objects.public().filter(pk__in=[entry.document_id for entry in entries])
                 .values_list("pk", flat=True))
    return render(request, "documents/public/gazette_issue.html", {
        "issue": issue, "articles": [entry for entry in entries if entry.document_id in public],
    })


def pdf(request, year, number):
    return pdf_response(_published(year, number))
