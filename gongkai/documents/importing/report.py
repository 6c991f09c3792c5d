"""The import's report, as people read it (Chinese lines) and as machines do (JSON)."""

from django.utils.translation import gettext as _

SKIPPED_SHOWN = 20


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
    skipped = plan.skipped
    for row in skipped[:SKIPPED_SHOWN]:
        lines.append(_("line %(line)d: skipped. %(reason)s") % {"line": row.line, "reason": row.skip_reason})
    if len(skipped) > SKIPPED_SHOWN:  # a second import of a large listing skips every row: say so once
        lines.append(_("… and %(n)d more rows skipped (--json lists them all).") % {"n": len(skipped) - SKIPPED_SHOWN})
    if plan.errors:
        lines.append(_("%(n)d rows have problems; nothing was imported.") % {"n": counts["errors"]})
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
