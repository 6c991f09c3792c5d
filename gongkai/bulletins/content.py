"""A bulletin as a document: the words, headings and tables both renderers (DOCX, PDF) lay out.

Building the content once keeps the Word file, the PDF and the page saying exactly the same thing.
The layout follows the usual shape of a 通报: 一、总体情况 (with the figures table), 二、存在问题
(units named with their counts), 三、典型做法, 四、下一步工作, the issuer and date, and an annex
with every unit's figures.
"""

from dataclasses import dataclass, field

from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

from .figures import long_date, overdue_sentence, percent, returned_sentence


@dataclass
class Paragraph:
    text: str
    lead: str = ""  # a run-in subheading, e.g. "（一）沈河区政府："


@dataclass
class Table:
    caption: str
    header: list
    rows: list


@dataclass
class Section:
    heading: str
    paragraphs: list = field(default_factory=list)
    table: Table | None = None


@dataclass
class Content:
    title: str
    number: str
    sections: list
    issuer: str
    date: str
    annex: Section


CHINESE_DIGITS = "零一二三四五六七八九"


def chinese_numeral(n):
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (1–99: enough for a list of good practices)."""
    tens, ones = divmod(n, 10)
    if not tens:
        return CHINESE_DIGITS[ones]
    return (CHINESE_DIGITS[tens] if tens > 1 else "") + "十" + (CHINESE_DIGITS[ones] if ones else "")


def ordinal(n):
    return chinese_numeral(n) if (get_language() or "").startswith("zh") else str(n)


def paragraphs(text):
    """Each non-empty line of an edited text is one paragraph."""
    return [Paragraph(line.strip()) for line in text.splitlines() if line.strip()]


FIGURE_ROWS = [
    ("due", lambda: _("Assignments due")),
    ("completed_due", lambda: _("Completed (of those due)")),
    ("completed_late", lambda: _("Completed after the due date")),
    ("overdue", lambda: _("Overdue at the end of the period")),
    ("returned", lambda: _("Progress reports returned for correction")),
]


def figures_table(figures):
    period, cumulative = figures["period"], figures["cumulative"]
    rows = [[label(), str(period[key]), str(cumulative[key])] for key, label in FIGURE_ROWS]
    rows.append([_("Completion rate"), percent(period), percent(cumulative)])
    return Table(caption=_("Completion of assignments"), header=[_("Figure"), _("This period"), _("Cumulative")],
                 rows=rows)


def units_table(figures):
    header = [_("Unit"), pgettext("count of assignments", "Due"), _("Completed"), _("Completed late"), _("Overdue"), _("Returned"),
              _("Completion rate")]
    rows = []
    for unit in figures["units"]:
        counts = unit["cumulative"]
        rows.append([unit["name"], *(str(counts[key]) for key in
                                     ("due", "completed_due", "completed_late", "overdue", "returned")),
                     percent(counts)])
    return Table(caption="", header=header, rows=rows)


def practice_paragraphs(bulletin):
    practices = list(bulletin.practices.select_related("unit"))
    if not practices:
        return [Paragraph(_("No good practice was selected for this period."))]
    return [
        Paragraph(practice.text, lead=_("(%(number)s) %(unit)s: ") % {"number": ordinal(i),
                                                                     "unit": practice.unit.short_name})
        for i, practice in enumerate(practices, start=1)
    ]


def bulletin_content(bulletin):
    figures = bulletin.figures
    cutoff = bulletin.period_end
    return Content(
        title=bulletin.title,
        number=bulletin.number,
        sections=[
            Section(_("I. Overall situation"), paragraphs(bulletin.summary_text), table=figures_table(figures)),
            Section(_("II. Problems"), [Paragraph(overdue_sentence(bulletin)), Paragraph(returned_sentence(bulletin)),
                                       *paragraphs(bulletin.problems_text)]),
            Section(_("III. Good practices"), practice_paragraphs(bulletin)),
            Section(_("IV. Next steps"), paragraphs(bulletin.next_steps_text)),
        ],
        issuer=bulletin.issuer,
        date=long_date(bulletin.issued_on),
        annex=Section(_("Annex: completion by unit, cumulative to %(date)s") % {"date": long_date(cutoff)},
                      table=units_table(figures)),
    )
