"""The government gazette (政府公报, 条例 Art 23; Shenyang 2021 plan, item 24: 政府公报数据库, 应登尽登).

Every write is one service function; only the disclosure office writes (`may_write`), every member of
staff reads (`may_read`), the public reads published issues (`public_issues`). A published issue stays
editable for the office: a misprinted page number or a forgotten article is corrected, not re-issued.

应登尽登 (`missing_for_year`) asks: which documents of a year should have been printed and were not?
Required are the public documents published that year (发布日期, Asia/Shanghai) whose genre carries a
validity (Category.has_validity: 规章 and 规范性文件) and
  * for 规章 (the genre named REGULATION_GENRE): whatever unit issued them — only a government makes
    规章, and every one is printed;
  * for the other such genres (规范性文件): issued, alone or jointly, by the city government — the
    Government-kind unit at the top of the directory — or by its general office (the child unit named
    after it with 办公室 or 办公厅, e.g. 沈阳市人民政府办公室: 沈政办发 documents speak for the city
    government). Departments' normative documents are not printed in the city gazette.
A document counts as printed when it is in any issue: a document of late December is printed in January's
issue, so the issues of a later year count too. Withdrawn and unpublished documents are not required.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F, Max, Q, Sum
from django.utils.translation import gettext as _

from gongkai.events.services import record
from gongkai.orgs.models import Unit, UnitKind
from gongkai.uploads import PDF, check_upload

from .models import Document, GazetteArticle, GazetteIssue, GazetteRecipient

REGULATION_GENRE = "规章"
GENERAL_OFFICE_SUFFIXES = ("办公室", "办公厅")
FIRST_YEAR, LAST_YEAR = 1949, 2100
MAX_SMALL = 32767  # PositiveSmallIntegerField
CANDIDATE_LIMIT = 30


# --- who may do what ---------------------------------------------------------------------------------


def may_read(user):
    """Staff read the gazette's working pages: the office and anyone working in a unit."""
    return bool(user is not None and getattr(user, "is_authenticated", False)
                and (user.is_office_admin or user.unit_ids))


def may_write(user):
    return bool(user is not None and getattr(user, "is_authenticated", False) and user.is_office_admin)


def _check(actor):
    # actor None is system work (the demo); a person must be the disclosure office.
    if actor is not None and not may_write(actor):
        raise PermissionDenied(_("Only the disclosure office edits the government gazette."))


def _actor_or_none(actor):
    return actor if actor is not None and actor.is_authenticated else None


# --- queries -----------------------------------------------------------------------------------------


def issues_for(user):
    """The issues a staff page lists: every issue, published or not, for staff; none for anyone else."""
    return GazetteIssue.objects.all() if may_read(user) else GazetteIssue.objects.none()


def public_issues():
    return GazetteIssue.objects.filter(is_published=True)


def years(issues):
    """The years of these issues, newest first."""
    return sorted(set(issues.values_list("year", flat=True)), reverse=True)


def articles(issue):
    """The issue's articles in printed order, each with its document and issuing unit."""
    return list(issue.entries.select_related("document", "document__unit", "document__genre").order_by("order", "id"))


def candidates(issue, query=""):
    """Public documents of the issue's year printed in no issue yet, matching `query` in title or 文号;
    规章 and 规范性文件 first, since they are what the gazette must carry."""
    documents = (Document.objects.public().filter(published_at__year=issue.year)
                 .exclude(gazette_entries__isnull=False).select_related("unit", "genre"))
    query = " ".join((query or "").split())[:100]
    if query:
        documents = documents.filter(Q(title__icontains=query) | Q(number__icontains=query))
    normative_first = F("genre__has_validity").desc(nulls_last=True)
    return list(documents.order_by(normative_first, "-published_at", "-id")[:CANDIDATE_LIMIT])


def city_government_units():
    """The city government (the top Government-kind unit) and its general office (see the module's rule)."""
    governments = list(Unit.objects.filter(kind=UnitKind.GOVERNMENT, parent__isnull=True))
    offices = Unit.objects.filter(parent__in=governments, name__in=[
        government.name + suffix for government in governments for suffix in GENERAL_OFFICE_SUFFIXES])
    return governments + list(offices)


def required_for_year(year):
    """The documents of `year` the gazette must carry (应登尽登), as a queryset."""
    city = [unit.pk for unit in city_government_units()]
    issued_by_city = Q(unit_id__in=city) | Q(joint_units__in=city)
    return (Document.objects.public().normative().filter(published_at__year=year)
            .filter(Q(genre__name=REGULATION_GENRE) | issued_by_city).distinct())


@dataclass(frozen=True)
class GazetteCheck:
    year: int
    required: int
    printed: int
    missing: list  # documents, oldest first

    @property
    def complete(self):
        return not self.missing


def missing_for_year(year):
    """应登尽登 for `year`: how many documents are required, how many are printed, and which are missing."""
    required = required_for_year(year)
    missing = list(Document.objects.filter(pk__in=required.values("pk")).exclude(gazette_entries__isnull=False)
                   .select_related("unit", "genre").order_by("published_at", "id"))
    total = required.count()
    return GazetteCheck(year=year, required=total, printed=total - len(missing), missing=missing)


def distribution():
    """The active distribution list and the copies it takes per issue."""
    recipients = GazetteRecipient.objects.filter(is_active=True).order_by("name")
    return list(recipients), recipients.aggregate(total=Sum("copies"))["total"] or 0


def inactive_recipients():
    return list(GazetteRecipient.objects.filter(is_active=False).order_by("name"))


# --- validation --------------------------------------------------------------------------------------


def _whole(value, *, field, message, low, high, optional=False):
    if value in (None, "") and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValidationError({field: message})
    return value


def _clean_issue(*, year, number, overall_number, published_on, copies_printed, issue=None):
    errors = {}
    for name, check in (
        ("year", lambda: _whole(year, field="year", low=FIRST_YEAR, high=LAST_YEAR,
                                message=_("Give the year as four digits, e.g. 2026."))),
        ("number", lambda: _whole(number, field="number", low=1, high=MAX_SMALL,
                                  message=_("Give the issue number (期): a whole number from 1."))),
        ("overall_number", lambda: _whole(overall_number, field="overall_number", low=1, high=2**31 - 1,
                                          optional=True, message=_("The overall number is a whole number from 1."))),
        ("copies_printed", lambda: _whole(copies_printed, field="copies_printed", low=0, high=2**31 - 1,
                                          optional=True, message=_("Copies printed is a whole number."))),
    ):
        try:
            check()
        except ValidationError as error:
            errors[name] = error.message_dict[name]
    if not isinstance(published_on, datetime.date) or isinstance(published_on, datetime.datetime):
        errors["published_on"] = [_("Give the date of issue.")]
    elif "year" not in errors and published_on.year != year:
        errors["published_on"] = [_("The date of issue falls in another year than the issue.")]
    if errors:
        raise ValidationError(errors)
    others = GazetteIssue.objects.exclude(pk=issue.pk) if issue else GazetteIssue.objects.all()
    if others.filter(year=year, number=number).exists():
        errors["number"] = [_("%(year)d年第%(number)d期 exists already.") % {"year": year, "number": number}]
    if overall_number and others.filter(overall_number=overall_number).exists():
        errors["overall_number"] = [_("Another issue has the overall number %(n)d.") % {"n": overall_number}]
    if errors:
        raise ValidationError(errors)


def _store_pdf(issue, upload):
    """Check the upload as document attachments are checked (content sniffed, size limited), store it
    under a name of our making with its sha256."""
    checked = check_upload(upload, allowed=(PDF,), max_bytes=settings.DOCUMENT_ATTACHMENT_MAX_BYTES)
    issue.pdf.save(f"{issue.year}-{issue.number:02d}-{checked.sha256[:16]}.pdf", ContentFile(checked.data), save=False)
    issue.pdf_sha256 = checked.sha256
    return checked


# --- issues ------------------------------------------------------------------------------------------


@transaction.atomic
def create_issue(*, actor, year, number, published_on, overall_number=None, copies_printed=None, pdf=None):
    """A new, unpublished issue; `pdf` is an uploaded file (checked) or None."""
    _check(actor)
    _clean_issue(year=year, number=number, overall_number=overall_number, published_on=published_on,
                 copies_printed=copies_printed)
    issue = GazetteIssue(year=year, number=number, overall_number=overall_number, published_on=published_on,
                         copies_printed=copies_printed, created_by=_actor_or_none(actor))
    checked = _store_pdf(issue, pdf) if pdf is not None else None
    issue.save()
    record(actor=actor, verb="documents.gazette_issue_created", subject=issue,
           data={"pdf_sha256": checked.sha256 if checked else ""})
    return issue


def _locked(issue):
    return GazetteIssue.objects.select_for_update().get(pk=issue.pk)


@transaction.atomic
def edit_issue(*, actor, issue, year, number, published_on, overall_number=None, copies_printed=None, pdf=None):
    """Change an issue's particulars; a new `pdf` replaces the old one (the old file stays in storage)."""
    _check(actor)
    issue = _locked(issue)
    _clean_issue(year=year, number=number, overall_number=overall_number, published_on=published_on,
                 copies_printed=copies_printed, issue=issue)
    if year != issue.year and issue.entries.exists():
        raise ValidationError({"year": _("The issue has articles: remove them before moving it to another year.")})
    issue.year, issue.number, issue.overall_number = year, number, overall_number
    issue.published_on, issue.copies_printed = published_on, copies_printed
    checked = _store_pdf(issue, pdf) if pdf is not None else None
    issue.save()
    record(actor=actor, verb="documents.gazette_issue_edited", subject=issue,
           data={"new_pdf_sha256": checked.sha256 if checked else ""})
    return issue


@transaction.atomic
def publish_issue(*, actor, issue):
    """Put the issue on the public gazette pages; it needs at least one article."""
    _check(actor)
    issue = _locked(issue)
    if issue.is_published:
        raise ValidationError(_("The issue is published already."))
    if not issue.entries.exists():
        raise ValidationError(_("An issue is published with at least one article."))
    issue.is_published = True
    issue.save(update_fields=["is_published"])
    record(actor=actor, verb="documents.gazette_issue_published", subject=issue,
           data={"articles": issue.entries.count()})
    return issue


# --- articles ----------------------------------------------------------------------------------------


def _page(page):
    return _whole(page, field="page", low=1, high=MAX_SMALL, optional=True,
                  message=_("The page is a whole number from 1."))


@transaction.atomic
def add_article(*, actor, issue, document, page=None):
    """Print a published, proactively disclosed document in the issue, after its last article."""
    _check(actor)
    issue = _locked(issue)
    page = _page(page)
    # The document's row is locked too: two issues taking the same document at once would both find it unprinted.
    locked = Document.objects.public().select_for_update(of=("self",)).filter(pk=document.pk)
    if locked.values_list("pk", flat=True).first() is None:
        raise ValidationError(_("Only a published, proactively disclosed document is printed in the gazette."))
    printed = GazetteArticle.objects.filter(document=document).select_related("issue").first()
    if printed is not None:
        raise ValidationError(_("“%(title)s” is printed in %(issue)s already.")
                              % {"title": document.title, "issue": printed.issue})
    last = issue.entries.aggregate(last=Max("order"))["last"]
    article = GazetteArticle.objects.create(issue=issue, document=document, page=page,
                                            order=0 if last is None else last + 1)
    record(actor=actor, verb="documents.gazette_article_added", subject=issue,
           data={"document": document.pk, "title": document.title[:100], "page": page})
    return article


def _renumber(issue):
    for order, article in enumerate(issue.entries.order_by("order", "id")):
        if article.order != order:
            GazetteArticle.objects.filter(pk=article.pk).update(order=order)


@transaction.atomic
def set_article_page(*, actor, article, page):
    _check(actor)
    issue = _locked(article.issue)
    article = issue.entries.get(pk=article.pk)
    article.page = _page(page)
    article.save(update_fields=["page"])
    record(actor=actor, verb="documents.gazette_article_edited", subject=issue,
           data={"document": article.document_id, "page": article.page})
    return article


@transaction.atomic
def move_article(*, actor, article, up):
    """Swap the article with the one before it (`up`) or after it in the printed order."""
    _check(actor)
    issue = _locked(article.issue)
    _renumber(issue)
    ordered = list(issue.entries.order_by("order", "id"))
    index = next(i for i, entry in enumerate(ordered) if entry.pk == article.pk)
    other = index - 1 if up else index + 1
    if not 0 <= other < len(ordered):
        raise ValidationError(_("The article is first already.") if up else _("The article is last already."))
    first, second = ordered[index], ordered[other]
    GazetteArticle.objects.filter(pk=first.pk).update(order=second.order)
    GazetteArticle.objects.filter(pk=second.pk).update(order=first.order)
    record(actor=actor, verb="documents.gazette_article_moved", subject=issue,
           data={"document": first.document_id, "to": other + 1})


@transaction.atomic
def remove_article(*, actor, article):
    _check(actor)
    issue = _locked(article.issue)
    article = issue.entries.select_related("document").get(pk=article.pk)
    document = article.document
    article.delete()
    _renumber(issue)
    record(actor=actor, verb="documents.gazette_article_removed", subject=issue,
           data={"document": document.pk, "title": document.title[:100]})


# --- the distribution list (受赠单位) ------------------------------------------------------------------


def _clean_recipient(*, name, address, copies, recipient=None):
    errors = {}
    name = " ".join((name or "").split())
    address = " ".join((address or "").split())
    if not name:
        errors["name"] = [_("Name the receiving body.")]
    elif len(name) > GazetteRecipient._meta.get_field("name").max_length:
        errors["name"] = [_("A receiving body's name has at most 120 characters.")]
    if len(address) > GazetteRecipient._meta.get_field("address").max_length:
        errors["address"] = [_("An address has at most 200 characters.")]
    try:
        _whole(copies, field="copies", low=1, high=MAX_SMALL, message=_("Copies per issue is a whole number from 1."))
    except ValidationError as error:
        errors.update(error.message_dict)
    if not errors:
        others = GazetteRecipient.objects.exclude(pk=recipient.pk) if recipient else GazetteRecipient.objects.all()
        if others.filter(name=name).exists():
            errors["name"] = [_("“%(name)s” is on the list already.") % {"name": name}]
    if errors:
        raise ValidationError(errors)
    return name, address


@transaction.atomic
def add_recipient(*, actor, name, address="", copies=1):
    _check(actor)
    name, address = _clean_recipient(name=name, address=address, copies=copies)
    recipient = GazetteRecipient.objects.create(name=name, address=address, copies=copies)
    record(actor=actor, verb="documents.gazette_recipient_added", subject=recipient, data={"copies": copies})
    return recipient


@transaction.atomic
def edit_recipient(*, actor, recipient, name, address, copies):
    _check(actor)
    recipient = GazetteRecipient.objects.select_for_update().get(pk=recipient.pk)
    name, address = _clean_recipient(name=name, address=address, copies=copies, recipient=recipient)
    recipient.name, recipient.address, recipient.copies = name, address, copies
    recipient.save()
    record(actor=actor, verb="documents.gazette_recipient_edited", subject=recipient, data={"copies": copies})
    return recipient


@transaction.atomic
def set_recipient_active(*, actor, recipient, active):
    """Take a body off the list (it stays on record) or put it back on."""
    _check(actor)
    recipient = GazetteRecipient.objects.select_for_update().get(pk=recipient.pk)
    if recipient.is_active == active:
        raise ValidationError(_("“%(name)s” is on the list already.") % {"name": recipient.name} if active
                              else _("“%(name)s” is off the list already.") % {"name": recipient.name})
    recipient.is_active = active
    recipient.save(update_fields=["is_active"])
    record(actor=actor, verb="documents.gazette_recipient_reactivated" if active
           else "documents.gazette_recipient_deactivated", subject=recipient, data={})
    return recipient
