"""The import's report, as people read it (Chinese lines) and as machines do (JSON)."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def row_json(row):
    return {"line": row.line, "status": row.status, "title": row.title, "unit": row.unit_name,
            "problems": [{"column": column, "message": message} for column, message in row.problems],
            **({"skipped": row.skip_reason} if row.skip_reason else {})}


def plan_json(plan, *, written, dry_run):
    return {"format": plan.format_name, "dry_run": dry_run, "written": written, **plan.counts(),
            "warnings": plan.warnings,
            "rows": [row_json(row) for row in plan.rows if row.status != "new"]}


def report_lines(plan, *, written, dry_run):
    counts = plan.counts()
    lines = [_("%(format)s listing: %(rows)d documents") % {"format": plan.format_name, "rows": counts["rows"]}]
    lines += [_("Warning: %(message)s") % {"message": warning} for warning in plan.warnings]
    for row in plan.errors:
        for column, message in row.problems:
            where = _("line %(line)d") % {"line": row.line}
            lines.append(f"{where}{_('(%(column)s)') % {'column': column} if column else ''}：{message}")
    for row in plan.skipped:
        lines.append(_("line %(line)d: skipped. %(reason)s") % {"line": row.line, "reason": row.skip_reason})
    if plan.errors:
        lines.append(ngettext("%(n)d row has problems; nothing was imported.",
                              "%(n)d rows have problems; nothing was imported.", counts["errors"]) % {"n": counts["errors"]})
        return lines
    if written:
        lines.append(_("Imported %(new)d documents: %(published)d published, %(drafts)d drafts, %(attachments)d "
                       "attachments; %(skipped)d already imported.") % counts)
    elif dry_run:
        lines.append(_("Dry run: %(new)d documents would be imported (%(published)d published, %(drafts)d drafts, "
                       "%(attachments)d attachments); %(skipped)d already imported. Nothing was written.") % counts)
    else:
        lines.append(_("Nothing new to import: %(skipped)d documents were imported before.") % counts)
    return lines
