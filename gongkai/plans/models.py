"""A work plan (工作要点任务分解表): sections → items → tasks, each task naming its units."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gongkai.orgs.models import Unit, UnitGroup


class PlanQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Staff see every plan: plans are the city's shared programme. The public sees none (yet)."""
        if not user.is_authenticated:
            return self.none()
        return self


class Plan(models.Model):
    title = models.CharField(_("title"), max_length=200)
    year = models.PositiveIntegerField(_("year"), null=True, blank=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    document_number = models.CharField(_("document number"), max_length=60, blank=True)
    source_name = models.CharField(_("source file"), max_length=255, blank=True)
    source_sha256 = models.CharField(max_length=64, blank=True, db_index=True)
    import_warnings = models.JSONField(_("import warnings"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("work plan")
        verbose_name_plural = _("work plans")
        ordering = ["-year", "title", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["title", "year", "version"], name="plan_version_unique"),
        ]

    def __str__(self):
        if self.version > 1:
            return f"{self.title}（{self.version}）"
        return self.title


class Section(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="sections")
    number = models.CharField(_("number"), max_length=16, blank=True)
    title = models.CharField(_("title"), max_length=300, blank=True)
    position = models.PositiveIntegerField()

    class Meta:
        ordering = ["plan", "position"]

    def __str__(self):
        return f"{self.number}、{self.title}" if self.number else self.title


class ItemQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(plan__in=Plan.objects.visible_to(user))

    def led_by(self, unit_ids):
        return self.filter(
            tasks__units__role=TaskUnit.Role.LEAD, tasks__units__unit_id__in=unit_ids
        ).distinct()

    def editable_by(self, user):
        """Office administrators edit every item; a unit's acting people (not its viewers) the items it leads."""
        if not user.is_authenticated:
            return self.none()
        if user.is_office_admin:
            return self
        return self.led_by(user.acting_unit_ids)


class Item(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="items")
    section = models.ForeignKey(Section, null=True, blank=True, on_delete=models.SET_NULL, related_name="items")
    number = models.CharField(_("number"), max_length=16, blank=True)
    title = models.CharField(_("title"), max_length=300)
    position = models.PositiveIntegerField()

    objects = ItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("item")
        verbose_name_plural = _("items")
        ordering = ["plan", "position"]

    def __str__(self):
        return f"{self.number}. {self.title}" if self.number else self.title

    def distinct_units(self, role):
        """The units of all its tasks in `role`, each name once, in order (uses prefetched tasks)."""
        seen = {}
        for task in self.tasks.all():
            for task_unit in task.units.all():
                if task_unit.role == role:
                    seen.setdefault(task_unit.name, task_unit)
        return list(seen.values())

    @property
    def lead_units(self):
        return self.distinct_units(TaskUnit.Role.LEAD)

    @property
    def responsible_units(self):
        return self.distinct_units(TaskUnit.Role.RESPONSIBLE)


class DeadlineKind(models.TextChoices):
    DATE = "date", _("By a date")
    ONGOING = "ongoing", _("Ongoing")
    RECURRING = "recurring", _("Recurring")
    NONE = "none", _("No deadline")


class TaskQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(item__plan__in=Plan.objects.visible_to(user))

    def in_plan(self, plan):
        return self.filter(item__plan=plan)

    def for_unit(self, unit):
        """Tasks naming `unit` as lead or responsible, directly, through a group, or designated."""
        group_ids = [g.pk for g in UnitGroup.objects.containing(unit)]
        return self.filter(
            Q(units__unit=unit) | Q(units__group_id__in=group_ids) | Q(units__designated_units=unit)
        ).distinct()

    def led_by_any(self, unit_ids):
        return self.filter(units__role=TaskUnit.Role.LEAD, units__unit_id__in=unit_ids).distinct()

    def due_in_month(self, year, month):
        return self.filter(deadline_date__year=year, deadline_date__month=month)

    def matching(self, text):
        return self.filter(Q(text__icontains=text) | Q(item__title__icontains=text))

    def editable_by(self, user):
        """Office administrators edit every task; a unit's acting people (not its viewers) the tasks it leads."""
        if not user.is_authenticated:
            return self.none()
        if user.is_office_admin:
            return self
        return self.led_by_any(user.acting_unit_ids)


class Task(models.Model):
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="tasks")
    position = models.PositiveIntegerField()
    text = models.TextField(_("task"))
    deadline_text = models.CharField(_("deadline as written"), max_length=60, blank=True)
    deadline_kind = models.CharField(
        _("deadline kind"), max_length=16, choices=DeadlineKind.choices, default=DeadlineKind.NONE
    )
    deadline_date = models.DateField(_("deadline"), null=True, blank=True, db_index=True)
    deadline_rule = models.CharField(_("recurrence"), max_length=20, blank=True)

    objects = TaskQuerySet.as_manager()

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["item__position", "position"]

    def __str__(self):
        return f"{self.item.number}.{self.position} {self.text[:30]}"

    def units_in_role(self, role):
        return [u for u in self.units.all() if u.role == role]

    @property
    def lead_units(self):
        return self.units_in_role(TaskUnit.Role.LEAD)

    @property
    def responsible_units(self):
        return self.units_in_role(TaskUnit.Role.RESPONSIBLE)


class TaskUnit(models.Model):
    """A unit name as the plan writes it, and what it resolved to: a unit, a group, or nothing yet."""

    class Role(models.TextChoices):
        LEAD = "lead", _("Lead department")
        RESPONSIBLE = "responsible", _("Responsible unit")

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="units")
    role = models.CharField(max_length=16, choices=Role.choices)
    position = models.PositiveIntegerField()
    name = models.CharField(_("name as written"), max_length=120)
    unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="task_roles")
    group = models.ForeignKey(UnitGroup, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    # For a DESIGNATED group (市政府有关部门): the units the lead unit named.
    designated_units = models.ManyToManyField(Unit, blank=True, related_name="designations")

    class Meta:
        ordering = ["task", "role", "position"]
        constraints = [
            models.CheckConstraint(
                condition=~(Q(unit__isnull=False) & Q(group__isnull=False)), name="taskunit_unit_or_group"
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_resolved(self):
        return self.unit_id is not None or self.group_id is not None



class PlanImport(models.Model):
    """A parsed plan file waiting for a person to review its warnings and confirm it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        CONFIRMED = "confirmed", _("Saved as a plan")
        DISCARDED = "discarded", _("Discarded")

    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    filename = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64)
    draft = models.JSONField(help_text="The plan in gongkai.plan/v1 format, as parsed and corrected")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    plan = models.ForeignKey(Plan, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.filename} ({self.get_status_display()})"
