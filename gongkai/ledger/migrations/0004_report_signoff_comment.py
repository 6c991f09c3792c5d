from django.db import migrations, models

SIGNOFF_VERBS = ("report.sign_off", "report.return_to_handler")
DECISION_VERBS = ("report.accept", "report.return")


def split_comments(apps, schema_editor):
    """Until now one `comment` held the last word said on a report, so a lead unit's comment replaced
    the unit reviewer's. The event log kept every step's comment: each report gets both back."""
    Event = apps.get_model("events", "Event")
    ProgressReport = apps.get_model("ledger", "ProgressReport")
    said = {}
    events = Event.objects.filter(verb__in=SIGNOFF_VERBS + DECISION_VERBS).order_by("created_at", "id")
    for verb, data in events.values_list("verb", "data").iterator():
        if isinstance(data, dict) and data.get("report"):
            field = "signoff_comment" if verb in SIGNOFF_VERBS else "comment"
            said.setdefault(data["report"], {})[field] = data.get("comment") or ""
    for report in ProgressReport.objects.exclude(comment="").iterator():
        # Without events (rows written outside the services), a report not yet decided has only its reviewer's.
        fields = said.get(report.pk) or (
            {"signoff_comment": report.comment, "comment": ""} if report.decided_by_id is None else {})
        if fields:
            ProgressReport.objects.filter(pk=report.pk).update(**fields)


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0002_initial'),
        ('ledger', '0003_round_opened_by_optional'),
    ]

    operations = [
        migrations.AddField(
            model_name='progressreport',
            name='signoff_comment',
            field=models.TextField(blank=True, verbose_name="unit reviewer's comment"),
        ),
        migrations.AlterField(
            model_name='progressreport',
            name='comment',
            field=models.TextField(blank=True, verbose_name="lead unit's comment"),
        ),
        migrations.RunPython(split_comments, migrations.RunPython.noop),
    ]
