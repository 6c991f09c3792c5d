"""Staff pages of the government gazette (政府公报), mounted at /documents/gazette/.

    gazette/                         the issues by year; a new issue (office)
    gazette/new/                     a new issue (office)
    gazette/<pk>/                    an issue: articles in order, add (search), page, move, remove, publish
    gazette/<pk>/edit/               the issue's particulars and PDF (office)
    gazette/<pk>/pdf/                the issue PDF
    gazette/check/?year=             应登尽登: the year's documents that no issue printed, each with a way in
    gazette/recipients/              the distribution list (受赠单位) and the copies it takes

Staff read (gazette.may_read; anyone else gets the site's 404), the office writes (gazette.may_write):
the pages offer writing only to the office, and a write by anyone else is the site's 403.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from . import gazette
from .gazette_forms import ArticleAddForm, IssueForm, PageForm, RecipientForm
from .models import Document, GazetteIssue, GazetteRecipient
from .steps import put_errors, run_step


def _reader(request):
    if not gazette.may_read(request.user):
        raise Http404
    return request.user


def _writer(request):
    _reader(request)
    if not gazette.may_write(request.user):
        raise PermissionDenied(_("Only the disclosure office edits the government gazette."))
    return request.user


def _issue(request, pk):
    return get_object_or_404(gazette.issues_for(_reader(request)), pk=pk)


def pdf_response(issue):
    if not issue.pdf:
        raise Http404
    try:
        handle = issue.pdf.open("rb")
    except (FileNotFoundError, ValueError) as missing:
        raise Http404 from missing
    return FileResponse(handle, as_attachment=True, filename=f"{issue}.pdf", content_type="application/pdf")


@login_required
def index(request):
    issues = gazette.issues_for(_reader(request))
    by_year = {}
    for issue in issues.order_by("-year", "-number"):
        by_year.setdefault(issue.year, []).append(issue)
    return render(request, "documents/gazette/index.html", {
        "by_year": by_year.items(), "may_write": gazette.may_write(request.user),
        "this_year": timezone.localdate().year,
    })


@login_required
@require_http_methods(["GET", "POST"])
def issue_new(request):
    _writer(request)
    form = IssueForm(request.POST or None, request.FILES or None,
                     initial={"year": timezone.localdate().year, "published_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            issue = gazette.create_issue(actor=request.user, pdf=form.cleaned_data["pdf"], **form.service_fields())
        except ValidationError as error:
            put_errors(form, error)
        else:
            messages.success(request, _("%(issue)s was created; now add its articles.") % {"issue": issue})
            return redirect("documents:gazette-issue", pk=issue.pk)
    return render(request, "documents/gazette/issue_form.html", {"form": form, "issue": None},
                  status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def issue_edit(request, pk):
    issue = _issue(request, pk)
    _writer(request)
    form = IssueForm(request.POST or None, request.FILES or None, initial=IssueForm.initial_for(issue))
    if request.method == "POST" and form.is_valid():
        try:
            gazette.edit_issue(actor=request.user, issue=issue, pdf=form.cleaned_data["pdf"], **form.service_fields())
        except ValidationError as error:
            put_errors(form, error)
        else:
            messages.success(request, _("The issue was saved."))
            return redirect("documents:gazette-issue", pk=issue.pk)
    return render(request, "documents/gazette/issue_form.html", {"form": form, "issue": issue},
                  status=400 if form.errors else 200)


@login_required
def issue_detail(request, pk):
    issue = _issue(request, pk)
    may_write = gazette.may_write(request.user)
    query = " ".join(request.GET.get("q", "").split())[:100]
    return render(request, "documents/gazette/issue.html", {
        "issue": issue, "articles": gazette.articles(issue), "may_write": may_write, "query": query,
        "candidates": gazette.candidates(issue, query) if may_write else [],
    })


@login_required
def issue_pdf(request, pk):
    return pdf_response(_issue(request, pk))


@login_required
@require_POST
def issue_publish(request, pk):
    issue = _issue(request, pk)
    _writer(request)
    return run_step(request, lambda: gazette.publish_issue(actor=request.user, issue=issue),
                    _("%(issue)s is published on the public gazette pages.") % {"issue": issue},
                    issue_url(issue))


def issue_url(issue):
    return reverse("documents:gazette-issue", args=[issue.pk])


def _document(request, value):
    """The document named by a form's id, among those the person can see; None for anything else."""
    return Document.objects.visible_to(request.user).filter(pk=value).first() if str(value).isdigit() else None


def _add(request, issue, form, to):
    if not form.is_valid():
        messages.error(request, _("Choose a document and give the page as a whole number, or leave it empty."))
        return redirect(to)
    document = _document(request, form.cleaned_data["document"])
    if document is None:
        messages.error(request, _("Choose a document from the list."))
        return redirect(to)
    return run_step(request, lambda: gazette.add_article(actor=request.user, issue=issue, document=document,
                                                         page=form.cleaned_data["page"]),
                    _("“%(title)s” was added to %(issue)s.") % {"title": document.title, "issue": issue}, to)


@login_required
@require_POST
def article_add(request, pk):
    issue = _issue(request, pk)
    _writer(request)
    return _add(request, issue, ArticleAddForm(request.POST), issue_url(issue))


@login_required
@require_POST
def check_add(request):
    """From the 应登尽登 page: print a missing document in the issue chosen beside it, back to the same year."""
    _writer(request)
    value = request.POST.get("issue", "")
    issue = GazetteIssue.objects.filter(pk=value).first() if value.isdigit() else None
    if issue is None:
        messages.error(request, _("Choose an issue."))
        return redirect(_check_url())
    document = _document(request, request.POST.get("document", ""))
    year = timezone.localtime(document.published_at).year if document is not None and document.published_at \
        else issue.year
    return _add(request, issue, ArticleAddForm(request.POST), f"{_check_url()}?year={year}")


def _check_url():
    return reverse("documents:gazette-check")


def _article(issue, article_pk):
    return get_object_or_404(issue.entries.select_related("document", "issue"), pk=article_pk)


@login_required
@require_POST
def article_page(request, pk, article_pk):
    issue = _issue(request, pk)
    _writer(request)
    article = _article(issue, article_pk)
    form = PageForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The page is a whole number from 1."))
        return redirect(issue_url(issue))
    return run_step(request, lambda: gazette.set_article_page(actor=request.user, article=article,
                                                              page=form.cleaned_data["page"]),
                    _("The page was saved."), issue_url(issue))


@login_required
@require_POST
def article_move(request, pk, article_pk):
    issue = _issue(request, pk)
    _writer(request)
    article = _article(issue, article_pk)
    up = request.POST.get("direction") != "down"
    return run_step(request, lambda: gazette.move_article(actor=request.user, article=article, up=up),
                    _("The order was changed."), f"{issue_url(issue)}#article-{article.pk}")


@login_required
@require_POST
def article_remove(request, pk, article_pk):
    issue = _issue(request, pk)
    _writer(request)
    article = _article(issue, article_pk)
    return run_step(request, lambda: gazette.remove_article(actor=request.user, article=article),
                    _("“%(title)s” was removed from the issue.") % {"title": article.document.title}, issue_url(issue))


@login_required
def check(request):
    """应登尽登 for a year (?year=, default this year); a year that is not one is said and replaced."""
    _reader(request)
    this_year = timezone.localdate().year
    asked = request.GET.get("year", "")
    year = int(asked) if asked.isdigit() and gazette.FIRST_YEAR <= int(asked) <= gazette.LAST_YEAR else this_year
    if asked and str(year) != asked:
        messages.warning(request, _("“%(asked)s” is not a year; this is %(year)d.") % {"asked": asked[:10], "year": year})
    result = gazette.missing_for_year(year)
    issues = list(GazetteIssue.objects.filter(year__in=(year, year + 1)).order_by("year", "number"))
    known_years = set(gazette.years(GazetteIssue.objects.all())) | {this_year}
    return render(request, "documents/gazette/check.html", {
        "check": result, "issues": issues, "may_write": gazette.may_write(request.user),
        "years": sorted(known_years, reverse=True),
    })


@login_required
@require_http_methods(["GET", "POST"])
def recipients(request):
    _reader(request)
    may_write = gazette.may_write(request.user)
    form = RecipientForm(request.POST or None) if may_write else None
    if request.method == "POST":
        _writer(request)
        if form.is_valid():
            data = form.cleaned_data
            try:
                recipient = gazette.add_recipient(actor=request.user, name=data["name"], address=data["address"],
                                                  copies=data["copies"])
            except ValidationError as error:
                put_errors(form, error)
            else:
                messages.success(request, _("“%(name)s” was added to the distribution list.") % {"name": recipient})
                return redirect("documents:gazette-recipients")
    active, total = gazette.distribution()
    return render(request, "documents/gazette/recipients.html", {
        "active": active, "total": total, "inactive": gazette.inactive_recipients(), "form": form,
        "may_write": may_write,
    }, status=400 if form is not None and form.errors else 200)


@login_required
@require_POST
def recipient_edit(request, pk):
    _writer(request)
    recipient = get_object_or_404(GazetteRecipient, pk=pk)
    form = RecipientForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Name the receiving body and give its copies as a whole number from 1."))
        return redirect("documents:gazette-recipients")
    data = form.cleaned_data
    return run_step(request, lambda: gazette.edit_recipient(actor=request.user, recipient=recipient, name=data["name"],
                                                            address=data["address"], copies=data["copies"]),
                    _("“%(name)s” was saved.") % {"name": data["name"]}, "documents:gazette-recipients")


@login_required
@require_POST
def recipient_active(request, pk):
    _writer(request)
    recipient = get_object_or_404(GazetteRecipient, pk=pk)
    active = request.POST.get("active") == "1"
    done = (_("“%(name)s” is back on the distribution list.") if active
            else _("“%(name)s” was taken off the distribution list.")) % {"name": recipient.name}
    return run_step(request, lambda: gazette.set_recipient_active(actor=request.user, recipient=recipient, active=active),
                    done, "documents:gazette-recipients")
