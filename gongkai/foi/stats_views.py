"""The FOI statistics page and its XLSX download: per unit and in total, for a year or a date range.

The office sees every unit with figures and the city total; anybody else the units they belong to.
Both outputs carry aggregates only: no applicant's name, number or address can reach them.
"""

import io
import re
from urllib.parse import quote

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from gongkai.supervision.charts import Bar, bar_chart
from gongkai.workdays.calendar import WorkCalendar

from . import statistics as foi_statistics
from .models import ApplicantType, Application
from .outcomes import CARRIED_IN_LABEL, CARRIED_OUT_LABEL, NEW_APPLICATIONS_LABEL, RESULTS_LABEL, TOTAL_LABEL

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FIRST_YEAR = 2000  # accepted in the query string; the year menu starts with the 2019 Regulations
MENU_FIRST_YEAR = 2019


class PeriodForm(forms.Form):
    """?year=2021, or ?from=2021-01-01&to=2021-06-30 (both days included)."""

    year = forms.IntegerField(min_value=FIRST_YEAR, max_value=2100, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # "from" is a Python keyword, so these two are added here rather than declared above.
        self.fields["from"] = forms.DateField(required=False)
        self.fields["to"] = forms.DateField(required=False)

    def clean(self):
        data = super().clean()
        year, first, last = data.get("year"), data.get("from"), data.get("to")
        if self.errors:
            return data
        if year and (first or last):
            raise forms.ValidationError(_("Choose either a year or a range of dates, not both."))
        if bool(first) != bool(last):
            raise forms.ValidationError(_("Give both the first and the last day of the period."))
        if first and first > last:
            raise forms.ValidationError(_("The period ends before it starts."))
        return data

    def period(self):
        """(first, last) chosen, or None when nothing was asked for."""
        data = self.cleaned_data
        if data.get("year"):
            return foi_statistics.year_period(data["year"])
        if data.get("from"):
            return data["from"], data["to"]
        return None


def chosen_period(request, today):
    """The period from the query string; bad input is said in a message and this year is shown instead."""
    form = PeriodForm(request.GET)
    if form.is_valid():
        return form.period() or foi_statistics.year_period(today.year)
    problems = [str(message) for errors in form.errors.values() for message in errors]
    messages.warning(request, _("The period was not understood (%(problems)s); showing %(year)s instead.")
                     % {"problems": " ".join(problems), "year": today.year})
    return foi_statistics.year_period(today.year)


def scoped(user):
    """(applications, units always listed) the user may see statistics of.

    The office sees everything (visible_to). A unit's people see the applications their units
    *handle*: visible_to would add those they only help with (joint-handling parts) and, with its
    join and DISTINCT, would count an application once per part in the grouped counts.
    """
    if user.is_office_admin:
        return Application.objects.visible_to(user), ()
    return Application.objects.filter(handling_unit_id__in=user.unit_ids), sorted(user.unit_ids)


def compute_for(request):
    today = timezone.localdate()
    first, last = chosen_period(request, today)
    applications, units = scoped(request.user)
    return foi_statistics.compute(applications, first=first, last=last, today=today,
                              calendar=WorkCalendar.from_db(), units=units)


@login_required
def statistics(request):
    stats = compute_for(request)
    if stats.missing_years:
        messages.warning(request, _("The working-day calendar of %(years)s is not loaded: replies touching it are "
                                    "left out of the average.") % {"years": ", ".join(map(str, sorted(stats.missing_years)))})
    return render(request, "foi/statistics.html", {
        "stats": stats, "is_office": request.user.is_office_admin,
        "years": range(stats.today.year, MENU_FIRST_YEAR - 1, -1),
        "chosen_year": stats.first.year if stats.whole_year else None,
        "labels": row_labels(stats), "check": table3_check_cells(stats.total),
        "applicant_types": ApplicantType.choices, "chart": outcome_chart(stats.total),
        "query": request.GET.urlencode(),
    })


def row_labels(stats):
    """Labels of rows 一, 二 and 四 of table 三: the statutory ones for a calendar year; for any other period
    words that do not speak of 本年 and 上年."""
    if stats.whole_year:
        return {"received": NEW_APPLICATIONS_LABEL, "carried_in": CARRIED_IN_LABEL, "carried_out": CARRIED_OUT_LABEL}
    return {"received": _("Received in the period"), "carried_in": _("Carried in from before the period"),
            "carried_out": _("Carried forward at the end of the period")}


def table3_check_cells(figures):
    """The 勾稽关系 row: per column "✓", or "一 + 二 ≠ 三（七） + 四" with the two numbers."""
    return [("✓" if left == right else f"{left} ≠ {right}") for left, right in figures.table3_check()]


def outcome_chart(figures):
    """Bars per block of table 三 (short labels: the block's bracketed note is left to the table)."""
    blocks = figures.by_block()
    peak = max((n for _block, n in blocks), default=0)
    if not peak:
        return None
    scale = -(-peak // 4) * 4  # a multiple of 4, so the five gridlines carry distinct whole numbers
    return bar_chart([Bar(short_block(block), n, block) for block, n in blocks], scale=scale, label_width=150)


def short_block(block):
    """"（二）部分公开（区分处理的，…）" → "（二）部分公开"."""
    cut = block.find("（", 1)
    return block[:cut] if cut > 0 else block


@login_required
def statistics_xlsx(request):
    stats = compute_for(request)
    response = HttpResponse(workbook_bytes(stats, city=request.user.is_office_admin), content_type=XLSX_TYPE)
    name = f"foi-statistics-{stats.first.isoformat()}-{stats.last.isoformat()}.xlsx"
    response["Content-Disposition"] = f"attachment; filename=\"{name}\"; filename*=UTF-8''{quote(name)}"
    return response


# --- the workbook: one sheet per table of the page -------------------------------------------------

BOLD = Font(bold=True)


def workbook_bytes(stats, *, city):
    book = Workbook()
    heading = _("Disclosure applications %(first)s to %(last)s (as of %(today)s)") % {
        "first": stats.first.isoformat(), "last": stats.last.isoformat(), "today": stats.today.isoformat()}
    total_label = _("City total") if city else _("Total")
    _sheet(book, _("Summary"), heading, summary_header(), summary_rows(stats, total_label), first=True)
    _sheet(book, _("Outcomes"), heading, outcome_header(stats), outcome_rows(stats, total_label))
    _sheet(book, _("Table 3"), heading, table3_header(), table3_rows(stats.total, labels=row_labels(stats)))
    _sheet(book, _("Applicant types"), heading, [_("Unit"), *applicant_type_labels(), _("Total")],
           [[u.name, *u.figures.received_per_type(), u.figures.received] for u in stats.units]
           + [[total_label, *stats.total.received_per_type(), stats.total.received]])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def summary_header():
    return [_("Unit"), _("Carried in"), _("Received"), _("Handled"), _("Carried forward"), _("Open now"),
            _("Overdue"), _("Replies served"), _("Average working days to reply")]


def summary_row(name, figures):
    return [name, figures.carried_in, figures.received, figures.handled, figures.carried_out, figures.open_now,
            figures.overdue, figures.replied, figures.average_reply_workdays]


def summary_rows(stats, total_label):
    return [summary_row(u.name, u.figures) for u in stats.units] + [summary_row(total_label, stats.total)]


def outcome_header(stats):
    return [_("Unit"), *(row.label for row, _n in stats.total.by_row()), _("Total")]


def outcome_rows(stats, total_label):
    def row(name, figures):
        counts = [n for _row, n in figures.by_row()]
        return [name, *counts, sum(counts)]

    return [row(u.name, u.figures) for u in stats.units] + [row(total_label, stats.total)]


def applicant_type_labels():
    return [str(label) for label in ApplicantType.labels]


def table3_header():
    return ["", "", *applicant_type_labels(), _("Total")]


def table3_rows(figures, *, labels):
    """Table 三 with the applicant types as columns: rows 一, 二, 三 (by outcome, then （七）总计) and 四, then
    the check that 一 + 二 = 三（七） + 四 in every column."""
    rows = [[labels["received"], "", *figures.received_per_type(), figures.received],
            [labels["carried_in"], "", *figures.carried_in_per_type(), figures.carried_in]]
    for row, per_type, total in figures.table3():
        rows.append([RESULTS_LABEL, f"{row.block} {row.row_label_zh}".strip(), *per_type, total])
    rows.append([RESULTS_LABEL, TOTAL_LABEL, *figures.table3_totals(), figures.outcome_total])
    rows.append([labels["carried_out"], "", *figures.carried_out_per_type(), figures.carried_out])
    rows.append([_("Check: 一 + 二 = 三（七） + 四"), "", *table3_check_cells(figures)])
    return rows


def _sheet(book, title, heading, header, rows, *, first=False):
    sheet = book.active if first else book.create_sheet()
    sheet.title = sheet_title(title)
    sheet.append([heading])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append(header)
    for cell in sheet[2]:
        cell.font, cell.alignment = BOLD, Alignment(wrap_text=True, vertical="top")
    for row in rows:
        sheet.append(row)
    sheet.freeze_panes = "B3"
    sheet.column_dimensions["A"].width = 30
    return sheet


def sheet_title(title):
    """Excel refuses []:*?/\\ in sheet names and more than 31 characters; translations may contain them."""
    return re.sub(r"[\[\]:*?/\\]", " ", str(title))[:31]
