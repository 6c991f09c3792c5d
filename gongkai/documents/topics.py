"""Special topics (专题) and their archive (历史专题): every write is one service function.

A topic is run by a unit; the office and the unit's liaison, handlers and reviewers manage it. A topic
gathers documents across units: its managers add documents they can see, and the public topic page
shows only the public ones. Archiving (Shenyang 2021 plan, item 12: finished topics move to 历史专题)
takes the topic out of navigation (Topic.objects.current()); its address keeps working, with a banner.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_slug
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.events.services import record
from gongkai.orgs.models import ACTING_ROLES

from .models import Document, Topic


def may_manage(user, unit_id):
    """Whether `user` creates and manages the topics of the unit (the office: every unit's)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    if user.is_office_admin:
        return True
    return any(role in ACTING_ROLES and unit == unit_id for unit, role in user.role_pairs)


def managing_unit_ids(user):
    """The units whose topics `user` manages (None: every unit, the office)."""
    if user.is_office_admin:
        return None
    return frozenset(unit for unit, role in user.role_pairs if role in ACTING_ROLES)


def topics_for(user):
    """The topics a staff member's topic pages list: every topic for the office, else their units'."""
    unit_ids = managing_unit_ids(user)
    topics = Topic.objects.select_related("unit")
    return topics if unit_ids is None else topics.filter(unit_id__in=unit_ids | user.unit_ids)


def _check(actor, unit_id):
    if actor is not None and not may_manage(actor, unit_id):
        raise PermissionDenied(_("Only the unit running the topic and the disclosure office manage it."))


def _clean(name, slug):
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError(_("Give the topic a name."))
    if len(name) > Topic._meta.get_field("name").max_length:
        raise ValidationError(_("A topic's name has at most 100 characters."))
    slug = (slug or "").strip().lower()
    if not slug:
        raise ValidationError(_("Give the topic an address: letters, digits and hyphens, e.g. covid-2022."))
    try:
        validate_slug(slug)
    except ValidationError:
        raise ValidationError(_("A topic's address may hold only Latin letters, digits, hyphens and "
                                "underscores, e.g. covid-2022.")) from None
    if len(slug) > Topic._meta.get_field("slug").max_length:
        raise ValidationError(_("A topic's address has at most 60 characters."))
    return name, slug


def _locked(topic):
    return Topic.objects.select_for_update().get(pk=topic.pk)


@transaction.atomic
def create_topic(*, actor, unit, name, slug, description=""):
    _check(actor, unit.pk)
    name, slug = _clean(name, slug)
    if Topic.objects.filter(slug=slug).exists():
        raise ValidationError(_("Another topic already has the address “%(slug)s”.") % {"slug": slug})
    topic = Topic.objects.create(unit=unit, name=name, slug=slug, description=(description or "").strip())
    record(actor=actor, verb="documents.topic_created", subject=topic, data={"unit": unit.name, "slug": slug})
    return topic


@transaction.atomic
def edit_topic(*, actor, topic, name, description=""):
    """Rename or describe a topic; its address stays, so links to it keep working."""
    topic = _locked(topic)
    _check(actor, topic.unit_id)
    name, _slug = _clean(name, topic.slug)
    topic.name, topic.description = name, (description or "").strip()
    topic.save(update_fields=["name", "description"])
    record(actor=actor, verb="documents.topic_edited", subject=topic, data={"name": name})
    return topic


@transaction.atomic
def add_documents(*, actor, topic, documents):
    """Put documents into the topic; the actor must be able to see each (their own, or public ones)."""
    topic = _locked(topic)
    _check(actor, topic.unit_id)
    documents = list(documents)
    if not documents:
        raise ValidationError(_("Choose the documents to add to the topic."))
    if actor is not None:
        visible = set(Document.objects.visible_to(actor).filter(pk__in=[d.pk for d in documents])
                      .values_list("pk", flat=True))
        if any(document.pk not in visible for document in documents):
            raise PermissionDenied(_("You can add only documents you can see."))
    already = set(topic.documents.values_list("pk", flat=True))
    added = [document for document in documents if document.pk not in already]
    topic.documents.add(*added)
    if added:
        record(actor=actor, verb="documents.topic_documents_added", subject=topic,
               data={"documents": [document.pk for document in added],
                     "titles": [document.title[:100] for document in added]})
    return added


@transaction.atomic
def remove_document(*, actor, topic, document):
    topic = _locked(topic)
    _check(actor, topic.unit_id)
    if not topic.documents.filter(pk=document.pk).exists():
        raise ValidationError(_("The document is not in this topic."))
    topic.documents.remove(document)
    record(actor=actor, verb="documents.topic_document_removed", subject=topic,
           data={"document": document.pk, "title": document.title[:100]})


@transaction.atomic
def archive_topic(*, actor, topic, now=None):
    """Move a finished topic to 历史专题: out of navigation, still at its address with a banner."""
    topic = _locked(topic)
    _check(actor, topic.unit_id)
    if topic.is_archived:
        raise ValidationError(_("The topic is already archived."))
    topic.archived_at = now or timezone.now()
    topic.archived_by = actor if actor is not None and actor.is_authenticated else None
    topic.save(update_fields=["archived_at", "archived_by"])
    record(actor=actor, verb="documents.topic_archived", subject=topic, data={})
    return topic


@transaction.atomic
def unarchive_topic(*, actor, topic):
    topic = _locked(topic)
    _check(actor, topic.unit_id)
    if not topic.is_archived:
        raise ValidationError(_("The topic is not archived."))
    topic.archived_at, topic.archived_by = None, None
    topic.save(update_fields=["archived_at", "archived_by"])
    record(actor=actor, verb="documents.topic_unarchived", subject=topic, data={})
    return topic


def public_documents(topic):
    """What the public topic page lists: the topic's public documents, newest first."""
    return topic.documents.public().select_related("unit").order_by("-published_at", "-id")
