"""A plan as people and machines take it away: XLSX laid out like the original table, and JSON."""

import io
from urllib.parse import quote

from .importing.draft import Deadline, ItemDraft, PlanDraft, SectionDraft, TaskDraft
from .importing.draft import Warning as DraftWarning
from .models import TaskUnit

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADER = ["事项名称", "主要任务", "牵头部门", "责任单位", "完成时限"]


def attachment(filename):
    """A Content-Disposition that keeps Chinese file names intact in every browser (RFC 6266)."""
    return f"attachment; filename=\"plan{filename[filename.rfind('.'):]}\"; filename*=UTF-8''{quote(filename)}"


def plan_draft(plan):
    """The saved plan in the importer's model, so the JSON export and the import share one format."""
    sections = []
    items = plan.items.select_related("section").prefetch_related("tasks__units")
    by_section = {}
    for item in items:
        if item.section_id not in by_section:
            by_section[item.section_id] = SectionDraft(
                number=(item.section.number or None) if item.section else None,
                title=(item.section.title or None) if item.section else None, items=[],
            )
            sections.append(by_section[item.section_id])
        by_section[item.section_id].items.append(ItemDraft(
            number=item.number or None, title=item.title,
            tasks=[_task_draft(task) for task in item.tasks.all()],
        ))
    return PlanDraft(title=plan.title, year=plan.year, sections=sections, warnings=plan_warnings(plan))


def plan_warnings(plan):
    return [DraftWarning(where=w["where"], message=w["message"]) for w in plan.import_warnings]


def _task_draft(task):
    units = sorted(task.units.all(), key=lambda u: (u.role, u.position))
    return TaskDraft(
        text=task.text,
        lead_units=[u.name for u in units if u.role == TaskUnit.Role.LEAD],
        responsible_units=[u.name for u in units if u.role == TaskUnit.Role.RESPONSIBLE],
        deadline=Deadline(
            text=task.deadline_text, kind=task.deadline_kind, date=task.deadline_date,
            rule=task.deadline_rule or None,
        ),
    )


def plan_json(plan):
    units = {}
    for task_unit in TaskUnit.objects.filter(task__item__plan=plan).select_related("unit", "group"):
        units.setdefault(task_unit.name, task_unit)

    def resolve(name):
        task_unit = units.get(name)
        if task_unit is None or not task_unit.is_resolved:
            return {"resolved": None, "match": "unresolved", "suggestions": []}
        if task_unit.group:
            return {"resolved": task_unit.group.name, "match": "group", "suggestions": []}
        match = "exact" if task_unit.unit.name == name else "alias"
        return {"resolved": task_unit.unit.name, "match": match, "suggestions": []}

    return plan_draft(plan).to_json(resolve=resolve)


def plan_xlsx(plan):
    """One row per task; item, unit and deadline cells merged over runs of equal values, as printed plans do."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    draft = plan_draft(plan)
    book = Workbook()
    sheet = book.active
    sheet.title = "任务分解表"[:31]
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="center")
    sheet.append([plan.title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=5)
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.append(HEADER)
    for cell in sheet[2]:
        cell.font, cell.border = Font(bold=True), border
    for section in draft.sections:
        if section.title:
            sheet.append([f"{section.number}、{section.title}" if section.number else section.title])
            row = sheet.max_row
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=5)
            sheet.cell(row, 1).font = Font(bold=True)
        for item in section.items:
            first = sheet.max_row + 1
            for task in item.tasks:
                sheet.append([
                    f"{item.number}. {item.title}" if item.number else item.title, task.text,
                    " ".join(task.lead_units), " ".join(task.responsible_units), task.deadline.text,
                ])
            _merge_runs(sheet, first, sheet.max_row)
    for row in sheet.iter_rows(min_row=3):
        for cell in row:
            cell.alignment, cell.border = wrap, border
    for column, width in zip("ABCDE", (24, 70, 24, 28, 12)):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _merge_runs(sheet, first, last):
    """Merge the item column over the whole item, and other columns over runs of equal values."""
    if last > first:
        sheet.merge_cells(start_row=first, start_column=1, end_row=last, end_column=1)
    for column in (3, 4, 5):
        start = first
        for row in range(first + 1, last + 2):
            if row > last or sheet.cell(row, column).value != sheet.cell(start, column).value:
                if row - 1 > start:
                    sheet.merge_cells(start_row=start, start_column=column, end_row=row - 1, end_column=column)
                start = row
