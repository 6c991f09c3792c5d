"""A bulletin as a document: the words, headings and tables both renderers (DOCX, PDF) lay out.

Building the content once keeps the Word file, the PDF and the page saying exactly the same thing.
The layout follows the usual shape of a 通报: 一、总体情况 (with the figures table), 二、存在问题
(units named with their counts), 三、典型做法, 四、下一步工作, the issuer and date, and an annex
with every unit's figures. A section with nothing to say (no good practice chosen, next steps not yet
written) is left out and the others are numbered on, as a person writing the bulletin would; good
practices with the same words are said once, naming each unit.
"""

from dataclasses import dataclass, field

from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

from gongkai.orgs.display import display_names
from gongkai.orgs.models import Unit

from .figures import join_names, long_date, overdue_sentence, percent, returned_sentence


@dataclass
class Paragraph:
    text: str
    lead: str = ""  # a run-in subheading, e.g. "（一）沈河区政府："


@dataclass
class Table:
    caption: str
    header: list
    rows: list
    row_titles: list = field(default_factory=list)  # the official name behind each row's first cell (HTML)

    @property
    def lines(self):
        """(tooltip, first cell, the other cells) per row: the tooltip is the official name where it differs."""
        titles = self.row_titles or [""] * len(self.rows)
        return [(title if title != row[0] else "", row[0], row[1:]) for title, row in zip(titles, self.rows)]


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


ROMAN = (("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1))


def roman_numeral(n):
    """1 → I, 4 → IV, 12 → XII (enough for a bulletin's sections)."""
    text = ""
    for letters, value in ROMAN:
        count, n = divmod(n, value)
        text += letters * count
    return text


def in_chinese():
    return (get_language() or "").startswith("zh")


def ordinal(n):
    return chinese_numeral(n) if in_chinese() else str(n)


def numbered(n, title):
    """A first-level heading: 一、总体情况 (or "I. Overall situation" in English)."""
    number = chinese_numeral(n) if in_chinese() else roman_numeral(n)
    return _("%(number)s. %(title)s") % {"number": number, "title": title}


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
    official = dict(Unit.objects.filter(pk__in=[unit["unit"] for unit in figures["units"]]).values_list("pk", "name"))
    titles = [official.get(unit["unit"], unit["name"]) for unit in figures["units"]]
    return Table(caption="", header=header, rows=rows, row_titles=titles)


def practice_paragraphs(bulletin):
    """One paragraph per distinct practice, each naming its units: the same words are not said twice."""
    practices = list(bulletin.practices.select_related("unit"))
    names = display_names({practice.unit_id: practice.unit.name for practice in practices})
    by_text = {}
    for practice in practices:
        units = by_text.setdefault(" ".join(practice.text.split()), [])
        if names[practice.unit_id] not in units:
            units.append(names[practice.unit_id])
    return [
        Paragraph(text, lead=_("(%(number)s) %(unit)s: ") % {"number": ordinal(i), "unit": join_names(units)})
        for i, (text, units) in enumerate(by_text.items(), start=1)
    ]


def bulletin_content(bulletin):
    figures = bulletin.figures
    cutoff = bulletin.period_end
    sections = [
        (_("Overall situation"), paragraphs(bulletin.summary_text), figures_table(figures)),
        (pgettext("bulletin section", "Problems"),
         [Paragraph(overdue_sentence(bulletin)), Paragraph(returned_sentence(bulletin)),
          *paragraphs(bulletin.problems_text)], None),
        (_("Good practices"), practice_paragraphs(bulletin), None),
        (_("Next steps"), paragraphs(bulletin.next_steps_text), None),
    ]
    written = [(title, body, table) for title, body, table in sections if body or table]
    return Content(
        title=bulletin.title,
        number=bulletin.number,
        sections=[Section(numbered(n, title), body, table=table) for n, (title, body, table) in
                  enumerate(written, start=1)],
        issuer=bulletin.issuer,
        date=long_date(bulletin.issued_on),
        annex=Section(_("Annex: completion by unit, cumulative to %(date)s") % {"date": long_date(cutoff)},
                      table=units_table(figures)),
    )
