"""Recording events. Called from inside other apps' service functions, in their transaction."""

from django.contrib.contenttypes.models import ContentType

from .models import Event


def record(*, actor, verb, subject, data=None):
    """Append one event about `subject`. `actor` may be None for system work (imports, tick)."""
    return Event.objects.create(
        actor=actor if (actor is not None and actor.is_authenticated) else None,
        verb=verb,
        subject_type=ContentType.objects.get_for_model(subject),
        subject_id=str(subject.pk),
        subject_label=str(subject)[:255],
        data=data or {},
    )
