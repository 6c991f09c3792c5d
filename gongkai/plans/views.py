
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from gongkai.events.models import Event
from gongkai.orgs.access import office_admin_required
from gongkai.orgs.models import GroupRule, Unit, UnitGroup
from gongkai.orgs.naming import MATCH_LABELS

from . import exports, services
from .forms import DesignateForm, ItemForm, MapNameForm, PlanUploadForm, StagedPlanForm, TaskFilterForm, TaskForm
from .importing.errors import PlanFileError
from .models import Item, Plan, PlanImport, Task, TaskUnit

UNITS_PREFETCH = Prefetch(
    "units", queryset=TaskUnit.objects.select_related("unit", "group").prefetch_related("designated_units")
)
TASK_PREFETCH = Prefetch("tasks", queryset=Task.objects.prefetch_related(UNITS_PREFETCH))


@login_required
def plan_list(request):
    plans = Plan.objects.visible_to(request.user).annotate(item_count=Count("items", distinct=True))
    return render(request, "plans/plan_list.html", {"plans": plans})


@login_required
def plan_detail(request, pk):
    plan = get_object_or_404(Plan.objects.visible_to(request.user), pk=pk)
    form = TaskFilterForm(request.GET or None, plan=plan)
    context = {"plan": plan, "form": form}
    if form.is_filtering:
        context["tasks"] = filtered_tasks(plan, form.cleaned_data)
    else:
        if request.GET and not form.is_valid():
            messages.warning(request, _("Some filters were not understood and are ignored."))
        items = plan.items.prefetch_related(TASK_PREFETCH).select_related("section")
        context["sections"] = group_by_section(items)
    return render(request, "plans/plan_detail.html", context)


def filtered_tasks(plan, filters):
    tasks = Task.objects.in_plan(plan).select_related("item").prefetch_related(UNITS_PREFETCH)
    if filters.get("unit"):
        tasks = tasks.for_unit(filters["unit"])
    if filters.get("month"):
        tasks = tasks.due_in_month(plan.year, filters["month"]) if plan.year else tasks.none()
    if filters.get("section"):
        tasks = tasks.filter(item__section=filters["section"])
    if filters.get("q"):
        tasks = tasks.matching(filters["q"])
    return tasks.order_by("item__position", "position")


def group_by_section(items):
    sections = []
    for item in items:
        if not sections or sections[-1][0] != item.section:
            sections.append((item.section, []))
        sections[-1][1].append(item)
    return sections


@login_required
def item_detail(request, pk):
    item = get_object_or_404(Item.objects.visible_to(request.user).select_related("plan", "section"), pk=pk)
    tasks = list(item.tasks.prefetch_related(UNITS_PREFETCH))
    editable = set(Task.objects.editable_by(request.user).filter(item=item).values_list("pk", flat=True))
    history = (Event.objects.about(item) | Event.objects.about_any(tasks)).select_related("actor")[:100]
    undesignated = [
        tu for task in tasks for tu in task.units.all()
        if tu.group and tu.group.rule == GroupRule.DESIGNATED and not tu.designated_units.all()
    ]
    return render(request, "plans/item_detail.html", {
        "item": item, "plan": item.plan, "tasks": tasks, "editable": editable, "history": history,
        "undesignated": undesignated if editable else [],
        "can_edit_item": Item.objects.editable_by(request.user).filter(pk=item.pk).exists(),
    })


@login_required
def unit_tasks(request, plan_pk, unit_pk):
    plan = get_object_or_404(Plan.objects.visible_to(request.user), pk=plan_pk)
    unit = get_object_or_404(Unit, pk=unit_pk)
    tasks = Task.objects.in_plan(plan).for_unit(unit).select_related("item").prefetch_related(UNITS_PREFETCH)
    lead_ids = set(tasks.filter(units__role=TaskUnit.Role.LEAD, units__unit=unit).values_list("pk", flat=True))
    return render(request, "plans/unit_tasks.html", {
        "plan": plan, "unit": unit, "tasks": tasks, "lead_ids": lead_ids,
        "groups": UnitGroup.objects.containing(unit),
    })


@login_required
@require_http_methods(["GET", "POST"])
def task_edit(request, pk):
    task = get_object_or_404(Task.objects.editable_by(request.user).select_related("item__plan"), pk=pk)
    snapshot = services.task_snapshot(task)
    initial = {
        "text": task.text, "deadline": task.deadline_text,
        "lead_units": " ".join(snapshot["lead_units"]), "responsible_units": " ".join(snapshot["responsible_units"]),
    }
    form = TaskForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.update_task(
                actor=request.user, task=task, text=data["text"], deadline_text=data["deadline"],
                lead_units=services.split_unit_names(data["lead_units"]),
                responsible_units=services.split_unit_names(data["responsible_units"]),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The task was saved."))
            return redirect("plans:item", pk=task.item_id)
    return form_page(request, form, _("Edit task"), back=task.item,
                     subheading=_("Task %(number)s.%(position)s") % {"number": task.item.number, "position": task.position})


@login_required
@require_http_methods(["GET", "POST"])
def item_edit(request, pk):
    item = get_object_or_404(Item.objects.editable_by(request.user).select_related("plan"), pk=pk)
    form = ItemForm(request.POST or None, initial={"number": item.number, "title": item.title})
    if request.method == "POST" and form.is_valid():
        try:
            services.update_item(actor=request.user, item=item, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The item was saved."))
            return redirect("plans:item", pk=item.pk)
    return form_page(request, form, _("Edit item"), back=item)


@login_required
@require_http_methods(["GET", "POST"])
def designate_units(request, pk):
    task_unit = get_object_or_404(
        TaskUnit.objects.filter(task__in=Task.objects.editable_by(request.user)).select_related("task__item", "group"),
        pk=pk,
    )
    form = DesignateForm(request.POST or None, initial={"units": task_unit.designated_units.all()})
    if request.method == "POST" and form.is_valid():
        try:
            services.designate_units(actor=request.user, task_unit=task_unit, units=form.cleaned_data["units"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The designated departments were saved."))
            return redirect("plans:item", pk=task_unit.task.item_id)
    return render(request, "plans/designate.html", {"task_unit": task_unit, "item": task_unit.task.item, "form": form})


@office_admin_required
@require_http_methods(["GET", "POST"])
def import_upload(request):
    form = PlanUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            staged = services.stage_import(
                actor=request.user, data=upload.read(), filename=upload.name, year=form.cleaned_data["year"]
            )
        except PlanFileError as error:
            form.add_error("file", error.message)
        else:
            return redirect("plans:import-preview", pk=staged.pk)
    return render(request, "plans/import_upload.html", {"form": form})


@office_admin_required
@require_http_methods(["GET", "POST"])
def import_preview(request, pk):
    staged = get_object_or_404(PlanImport, pk=pk)
    draft = staged.draft
    duplicate = services.find_duplicate(sha256=staged.sha256, title=draft["title"], year=draft["year"])
    if request.method == "POST" and staged.status == PlanImport.Status.PENDING:
        action = request.POST.get("action")
        if action == "discard":
            services.discard_import(actor=request.user, staged=staged)
            messages.info(request, _("The import was discarded; nothing was saved."))
            return redirect("plans:list")
        if action == "map":
            return map_name_in_import(request, staged)
        if action == "retitle":
            return retitle_import(request, staged)
        if action == "confirm":
            try:
                plan = services.confirm_import(
                    actor=request.user, staged=staged, new_version=request.POST.get("new_version") == "1"
                )
            except services.DuplicatePlan as dup:
                messages.error(request, _("This plan was imported before as “%(plan)s”. Tick “Import as a new version” to keep both.") % {"plan": dup.existing})
            except (PlanFileError, ValidationError) as error:
                messages.error(request, getattr(error, "message", None) or "; ".join(error.messages))
            else:
                messages.success(request, _("The plan was saved."))
                return redirect("plans:detail", pk=plan.pk)
    return render(request, "plans/import_preview.html", {
        "staged": staged, "draft": draft, "duplicate": duplicate,
        "unresolved": [u for u in draft["units"] if u["resolved"] is None],
        "unit_names": [{**u, "how": MATCH_LABELS[u["match"]]} for u in draft["units"]],
        "units": Unit.objects.active().order_by("kind", "name"),
        "title_form": StagedPlanForm(initial={"title": draft["title"], "year": draft["year"]}),
        "sections": indexed_sections(draft),
    })


def indexed_sections(draft):
    """[(section, [(item_index, item)])]: items numbered across sections, as correction URLs count them."""
    counter, result = 0, []
    for section in draft["sections"]:
        indexed = []
        for item in section["items"]:
            indexed.append((counter, item))
            counter += 1
        result.append((section, indexed))
    return result


@office_admin_required
def import_draft_json(request, pk):
    staged = get_object_or_404(PlanImport, pk=pk)
    response = JsonResponse(staged.draft, json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Content-Disposition"] = exports.attachment(f"{staged.draft['title']}.json")
    return response


def retitle_import(request, staged):
    form = StagedPlanForm(request.POST)
    if form.is_valid():
        try:
            services.correct_staged_plan(actor=request.user, staged=staged, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, "; ".join(error.messages))
    else:
        messages.error(request, _("Check the title and year."))
    return redirect("plans:import-preview", pk=staged.pk)


@office_admin_required
@require_http_methods(["GET", "POST"])
def import_task_edit(request, pk, item_index, task_index):
    staged = get_object_or_404(PlanImport.objects.filter(status=PlanImport.Status.PENDING), pk=pk)
    items = [item for section in staged.draft["sections"] for item in section["items"]]
    if item_index >= len(items) or task_index >= len(items[item_index]["tasks"]):
        raise Http404
    item, task = items[item_index], items[item_index]["tasks"][task_index]
    form = TaskForm(request.POST or None, initial={
        "text": task["text"], "deadline": task["deadline"]["text"],
        "lead_units": " ".join(task["lead_units"]), "responsible_units": " ".join(task["responsible_units"]),
    })
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.correct_staged_task(
                actor=request.user, staged=staged, item_index=item_index, task_index=task_index,
                text=data["text"], deadline_text=data["deadline"],
                lead_units=services.split_unit_names(data["lead_units"]),
                responsible_units=services.split_unit_names(data["responsible_units"]),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The task was corrected. It is saved with the plan when you confirm."))
            return redirect(f"{reverse('plans:import-preview', args=[staged.pk])}#draft-{item_index}-{task_index}")
    return form_page(
        request, form, _("Correct a task before saving"), subheading=f"{item['number']}. {item['title']}",
        back_url=reverse("plans:import-preview", args=[staged.pk]), back_label=_("Review the import"),
    )


def form_page(request, form, heading, *, back=None, back_url=None, back_label=None, subheading=""):
    """One page layout for every correction form: heading, the form, and the way back."""
    if back is not None:
        back_url, back_label = reverse("plans:item", args=[back.pk]), str(back)
    return render(request, "form_page.html", {
        "form": form, "heading": heading, "subheading": subheading, "back_url": back_url, "back_label": back_label,
    })


def map_name_in_import(request, staged):
    form = MapNameForm(request.POST)
    if form.is_valid():
        try:
            services.map_name(actor=request.user, name=form.cleaned_data["name"], unit=form.cleaned_data["unit"], staged=staged)
        except ValidationError as error:
            messages.error(request, "; ".join(error.messages))
        else:
            messages.success(request, _("“%(name)s” now means %(unit)s.") % {"name": form.cleaned_data["name"], "unit": form.cleaned_data["unit"]})
    else:
        messages.error(request, _("Choose the unit the name stands for."))
    return redirect("plans:import-preview", pk=staged.pk)


@login_required
def export_xlsx(request, pk):
    plan = get_object_or_404(Plan.objects.visible_to(request.user), pk=pk)
    response = HttpResponse(exports.plan_xlsx(plan), content_type=exports.XLSX_TYPE)
    response["Content-Disposition"] = exports.attachment(f"{plan.title}.xlsx")
    return response


@login_required
def export_json(request, pk):
    plan = get_object_or_404(Plan.objects.visible_to(request.user), pk=pk)
    response = JsonResponse(exports.plan_json(plan), json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Content-Disposition"] = exports.attachment(f"{plan.title}.json")
    return response
