"""The append-only event log: every write in Gongkai leaves one row here."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _

from .labels import label_for


class EventQuerySet(models.QuerySet):
    def about(self, obj):
        """Events whose subject is `obj`, newest first."""
        return self.filter(
            subject_type=ContentType.objects.get_for_model(obj), subject_id=str(obj.pk)
        ).order_by("-created_at", "-id")

    def about_any(self, objects):
        """Events about any of `objects` (all of one model), newest first."""
        objects = list(objects)
        if not objects:
            return self.none()
        return self.filter(
            subject_type=ContentType.objects.get_for_model(objects[0]),
            subject_id__in=[str(o.pk) for o in objects],
        ).order_by("-created_at", "-id")


class Event(models.Model):
    """Who did what to which object, with the changed values. Never updated or deleted."""

    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("actor"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    verb = models.CharField(_("action"), max_length=64, db_index=True)
    subject_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    subject_id = models.CharField(max_length=64)
    # A readable description of the subject at the time, so history survives deletions.
    subject_label = models.CharField(max_length=255, blank=True)
    data = models.JSONField(default=dict, blank=True, encoder=DjangoJSONEncoder)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["subject_type", "subject_id", "created_at"])]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.verb} {self.subject_label}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Events are append-only")
        super().save(*args, **kwargs)

    @property
    def label(self):
        return label_for(self.verb)
