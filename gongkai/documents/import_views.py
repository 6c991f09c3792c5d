"""The web import of documents: upload a listing (and a ZIP of its attachments), see what would be
created with each row's problems, then confirm or discard. The office imports for every unit, a
unit's liaison for its own; anyone else gets the site's 403. The rows are never taken from the browser:
the stored upload is checked again at confirmation (documents/importing/staging.py)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from .importing import staging
from .importing.records import HEADERS
from .models import DocumentImportStatus

NEW_ROWS_SHOWN = 200


class ImportForm(forms.Form):
    listing = forms.FileField(label=gettext_lazy("Listing"),
                              help_text=gettext_lazy("A CSV or XLSX listing with the columns above, or a JSON file of one "
                                                     "document a line (the format the import command reads)."))
    files_zip = forms.FileField(label=gettext_lazy("Attachments (ZIP)"), required=False,
                                help_text=gettext_lazy("The files the listing's 附件 column names, in one ZIP."))
    publish = forms.BooleanField(label=gettext_lazy("Publish proactively disclosed documents at their 发布日期"),
                                 required=False,
                                 help_text=gettext_lazy("They were public on the old site already. Without this, "
                                                        "every document becomes a draft."))


def _importer(request):
    if not staging.may_import(request.user):
        raise PermissionDenied(_("Only the disclosure office and units' liaisons import documents."))


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request):
    _importer(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            staged = staging.stage_import(actor=request.user, listing=form.cleaned_data["listing"],
                                          files_zip=form.cleaned_data["files_zip"],
                                          publish=form.cleaned_data["publish"])
        except ValidationError as error:
            for name, errors in error.message_dict.items():
                form.add_error(name if name in form.fields else None, errors)
        else:
            return redirect("documents:import-preview", pk=staged.pk)
    return render(request, "documents/import_upload.html", {
        "form": form, "own_units_only": staging.import_scope(request.user) is not None,
        "headers": list(HEADERS.values()),
    })


@login_required
@require_http_methods(["GET", "POST"])
def import_preview(request, pk):
    _importer(request)
    staged = get_object_or_404(staging.staged_of(request.user), pk=pk)
    if request.method == "POST" and staged.status == DocumentImportStatus.STAGED:
        action = request.POST.get("action")
        try:
            if action == "discard":
                staging.discard_import(actor=request.user, staged=staged)
                messages.info(request, _("The import was discarded; nothing was written."))
                return redirect("documents:import")
            if action == "confirm":
                written, _plan = staging.confirm_import(actor=request.user, staged=staged)
                messages.success(request, _("Imported %(new)d documents: %(published)d published, %(drafts)d drafts; "
                                            "%(skipped)d already imported.") % written.counts)
                return redirect("documents:list")
        except ValidationError as error:
            messages.error(request, "；".join(error.messages))
        staged.refresh_from_db()
    plan, problem = None, None
    if staged.status == DocumentImportStatus.STAGED:
        try:
            plan = staging.plan_of(staged, user=request.user)
        except ValidationError as error:
            problem = "；".join(error.messages)
    new_rows = plan.new if plan else []
    return render(request, "documents/import_preview.html", {
        "staged": staged, "plan": plan, "problem": problem, "counts": plan.counts() if plan else staged.counts,
        "problem_rows": plan.errors + plan.skipped if plan else [],
        "new_rows": new_rows[:NEW_ROWS_SHOWN], "new_rows_hidden": max(0, len(new_rows) - NEW_ROWS_SHOWN),
    })
