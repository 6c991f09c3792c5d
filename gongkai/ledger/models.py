"""The work ledger (工作台账): each task × each responsible unit is an assignment that reports progress.

An assignment's workflow state is stored; whether it is overdue is derived from its due date and
today, so nothing has to flip a flag at midnight. Reports go handler → unit reviewer → lead unit.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.orgs.models import Unit
from gongkai.plans.models import Plan, Task


class AssignmentState(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    SUBMITTED = "submitted", _("Reported")
    RETURNED = "returned", _("Returned")
    DONE = "done", _("Completed")
    DONE_LATE = "done_late", _("Completed late")


OPEN_STATES = [AssignmentState.NOT_STARTED, AssignmentState.IN_PROGRESS, AssignmentState.SUBMITTED,
               AssignmentState.RETURNED]
CLOSED_STATES = [AssignmentState.DONE, AssignmentState.DONE_LATE]
# Not a stored state: what an open assignment past its due date is called (see status_label).
OVERDUE = "overdue"


class AssignmentQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The office sees all; a unit sees its own assignments and every assignment of tasks it leads."""
        if not user.is_authenticated:
            return self.none()
        if user.is_office_admin:
            return self
        units = user.unit_ids
        return self.filter(
            Q(unit_id__in=units) | Q(task__units__role="lead", task__units__unit_id__in=units)
        ).distinct()

    def led_by(self, unit_ids):
        return self.filter(task__units__role="lead", task__units__unit_id__in=unit_ids).distinct()

    def in_plan(self, plan):
        return self.filter(task__item__plan=plan)

    def open(self):
        return self.filter(state__in=OPEN_STATES)

    def closed(self):
        return self.filter(state__in=CLOSED_STATES)

    def overdue(self, today):
        return self.open().filter(due_date__lt=today)

    def due_between(self, first, last):
        return self.open().filter(due_date__gte=first, due_date__lte=last)

    def in_status(self, status, today):
        """Assignments whose state, as people call it today (status_label), is `status`: "overdue",
        or a stored state — an open assignment past its due date counts as overdue, not as its state."""
        if status == OVERDUE:
            return self.overdue(today)
        matching = self.filter(state=status)
        if status in CLOSED_STATES:
            return matching
        return matching.exclude(due_date__lt=today)


class Assignment(models.Model):
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="assignments")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="assignments")
    # Ongoing and recurring tasks have no single due date: they report in rounds instead.
    due_date = models.DateField(_("due date"), null=True, blank=True, db_index=True)
    original_due_date = models.DateField(_("due date in the plan"), null=True, blank=True)
    state = models.CharField(_("state"), max_length=16, choices=AssignmentState.choices,
                             default=AssignmentState.NOT_STARTED, db_index=True)
    percent = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    started_on = models.DateField(_("start date"))
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    returns = models.PositiveSmallIntegerField(_("times returned"), default=0)
    carried_from = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="carried_into", verbose_name=_("carried over from"))
    # Bumped on every change: two people acting at once cannot both win (optimistic locking).
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["task__item__position", "task__position", "unit__name"]
        constraints = [models.UniqueConstraint(fields=["task", "unit"], name="assignment_task_unit_unique")]
        indexes = [models.Index(fields=["unit", "state"]), models.Index(fields=["state", "due_date"])]

    def __str__(self):
        return f"{self.task.item.number}.{self.task.position} · {self.unit.short_name}"

    @property
    def is_open(self):
        return self.state in OPEN_STATES

    def is_overdue(self, today):
        return self.is_open and self.due_date is not None and self.due_date < today

    def status_label(self, today):
        """What people call its state today: 逾期 is an open assignment past its due date."""
        if self.is_overdue(today):
            return _("Overdue")
        return self.get_state_display()


class ReportStatus(models.TextChoices):
    AWAITING_SIGNOFF = "awaiting_signoff", _("Awaiting the unit reviewer")
    RETURNED_BY_REVIEWER = "returned_by_reviewer", _("Returned by the unit reviewer")
    AWAITING_LEAD = "awaiting_lead", _("Awaiting the lead unit")
    ACCEPTED = "accepted", _("Accepted")
    RETURNED = "returned", _("Returned by the lead unit")


class ProgressReport(models.Model):
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="reports")
    round = models.ForeignKey("ReportingRound", null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="reports", verbose_name=_("reporting round"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    text = models.TextField(_("progress"))
    percent = models.PositiveSmallIntegerField(_("progress (%)"))
    milestone = models.CharField(_("milestone reached"), max_length=200, blank=True)
    links = models.JSONField(_("links"), default=list, blank=True)
    is_final = models.BooleanField(_("reports completion"), default=False)
    status = models.CharField(max_length=24, choices=ReportStatus.choices, default=ReportStatus.AWAITING_SIGNOFF)
    signed_off_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                      on_delete=models.PROTECT, related_name="+")
    signed_off_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    # The unit reviewer's word (sign-off or return) and the lead unit's are kept apart: a lead unit's
    # comment must not overwrite what the reviewer said.
    signoff_comment = models.TextField(_("unit reviewer's comment"), blank=True)
    comment = models.TextField(_("lead unit's comment"), blank=True)

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.assignment} · {self.created_at:%Y-%m-%d}"


def evidence_path(instance, filename):
    """A safe stored name from the content hash; the original name is kept in the row, not on disk."""
    return f"evidence/{timezone.localdate():%Y/%m}/{instance.sha256[:32]}{instance.extension}"


class Evidence(models.Model):
    """A file proving progress. Checked by content, stored under a safe name, original name kept."""

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(upload_to=evidence_path)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    extension = models.CharField(max_length=10)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")

    def __str__(self):
        return self.original_name


class ReportingRoundQuerySet(models.QuerySet):
    def current(self, plan, today):
        """The round of `plan` whose deadline comes next (reports are filed into it)."""
        return self.filter(plan=plan, deadline__gte=today).order_by("deadline").first()


class ReportingRound(models.Model):
    """The office asks every unit with open assignments to report by a deadline (monthly, quarterly, ad hoc)."""

    class Kind(models.TextChoices):
        MONTHLY = "monthly", _("Monthly")
        QUARTERLY = "quarterly", _("Quarterly")
        AD_HOC = "ad_hoc", _("Ad hoc")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="rounds")
    title = models.CharField(_("title"), max_length=100)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    opened_on = models.DateField(_("opened on"))
    deadline = models.DateField(_("report by"))
    # Empty for the rounds `gongkai tick` opens by itself for ongoing and recurring tasks.
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="+")

    objects = ReportingRoundQuerySet.as_manager()

    class Meta:
        verbose_name = _("reporting round")
        verbose_name_plural = _("reporting rounds")
        ordering = ["-deadline"]

    def __str__(self):
        return self.title

    def expected_assignments(self):
        """Assignments that must report in this round: open when it was opened, in its plan."""
        return Assignment.objects.in_plan(self.plan).open()

    def missing_assignments(self):
        return self.expected_assignments().exclude(reports__round=self)


class ProblemSource(models.TextChoices):
    ONLINE_CHECK = "online_check", _("Online check")
    SITE_INSPECTION = "site_inspection", _("On-site inspection")
    PUBLIC_FEEDBACK = "public_feedback", _("Public feedback")
    THIRD_PARTY = "third_party", _("Third-party assessment")
    OTHER = "other", _("Other")


class Problem(models.Model):
    """A problem found in an inspection (plan item 25: 发现、识别、转办、解决、反馈).

    It is tracked as a task of its plan, in a section of its own, led by the disclosure office and
    carried out by the unit: the same assignments, reports, lights and escalation as any task.
    """

    task = models.OneToOneField(Task, on_delete=models.CASCADE, related_name="problem")
    source = models.CharField(_("found by"), max_length=20, choices=ProblemSource.choices)
    found_on = models.DateField(_("found on"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("problem")
        verbose_name_plural = _("problems")
        ordering = ["-found_on", "-id"]

    def __str__(self):
        return self.task.item.title
