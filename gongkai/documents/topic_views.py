"""Pages of special topics (专题): the staff's management pages and the public topic pages.

    /documents/topics/              staff: the topics of their units (the office: all), a new topic
    /documents/topics/<pk>/         staff: the topic's documents, add (search) and remove, archive
    /topics/                        public: current topics (navigation)
    /topics/archive/                public: 历史专题, the archived topics
    /topics/<slug>/                 public: a topic's public documents; archived ones with a banner
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.orgs.models import Unit

from . import topics
from .column_forms import TopicEditForm, TopicForm
from .column_views import staff_document_url
from .models import Document, Topic
from .steps import run_step

SEARCH_LIMIT = 20


def public_document_url(pk):
    """The public page of a document; empty while that page is not installed."""
    try:
        return reverse("documents-public:document", args=[pk])
    except NoReverseMatch:
        return ""


def _managed_units(user):
    unit_ids = topics.managing_unit_ids(user)
    units = Unit.objects.active().order_by("name")
    return list(units if unit_ids is None else units.filter(pk__in=unit_ids))


@login_required
@require_http_methods(["GET", "POST"])
def topic_list(request):
    units = _managed_units(request.user)
    form = TopicForm(request.POST or None, units=units) if units else None
    if request.method == "POST":
        if form is None:
            messages.error(request, _("Only the staff of a unit and the disclosure office create topics."))
            return redirect("documents:topics")
        if form.is_valid():
            data = form.cleaned_data
            try:
                topic = topics.create_topic(actor=request.user, unit=form.chosen_unit(), name=data["name"],
                                            slug=data["slug"], description=data["description"])
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The topic “%(name)s” was created.") % {"name": topic.name})
                return redirect("documents:topic", pk=topic.pk)
    listed = topics.topics_for(request.user)
    return render(request, "documents/topics/list.html", {
        "current": listed.current(), "archived": listed.archived(), "form": form,
    }, status=400 if form is not None and form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def topic_detail(request, pk):
    topic = get_object_or_404(topics.topics_for(request.user), pk=pk)
    may_manage = topics.may_manage(request.user, topic.unit_id)
    edit_form = TopicEditForm(request.POST or None, initial={"name": topic.name, "description": topic.description})
    if request.method == "POST":
        if not may_manage:
            messages.error(request, _("Only the unit running the topic and the disclosure office manage it."))
            return redirect("documents:topic", pk=topic.pk)
        if edit_form.is_valid():
            try:
                topics.edit_topic(actor=request.user, topic=topic, name=edit_form.cleaned_data["name"],
                                  description=edit_form.cleaned_data["description"])
            except ValidationError as error:
                edit_form.add_error(None, error)
            else:
                messages.success(request, _("The topic was saved."))
                return redirect("documents:topic", pk=topic.pk)
    in_topic = Document.objects.visible_to(request.user).filter(topics=topic).select_related("unit")
    query = " ".join(request.GET.get("q", "").split())[:100]
    found = []
    if query and may_manage:
        found = list(Document.objects.visible_to(request.user).filter(title__icontains=query)
                     .exclude(topics=topic).select_related("unit").order_by("-published_at", "-id")[:SEARCH_LIMIT])
    return render(request, "documents/topics/detail.html", {
        "topic": topic, "may_manage": may_manage, "edit_form": edit_form, "query": query, "found": found,
        "documents": [{"document": d, "url": staff_document_url(d.pk)} for d in in_topic.order_by("-published_at")],
        "hidden_count": topic.documents.exclude(pk__in=in_topic.values("pk")).count(),
        "public_url": reverse("topics:topic", args=[topic.slug]),
    }, status=400 if edit_form.errors else 200)


def _managed_topic(request, pk):
    topic = get_object_or_404(topics.topics_for(request.user), pk=pk)
    return topic


def _run(request, topic, action, done):
    return run_step(request, action, done, reverse("documents:topic", args=[topic.pk]))


@login_required
@require_POST
def topic_add(request, pk):
    topic = _managed_topic(request, pk)
    ids = [value for value in request.POST.getlist("document") if value.isdigit()]
    documents = list(Document.objects.visible_to(request.user).filter(pk__in=ids))
    return _run(request, topic, lambda: topics.add_documents(actor=request.user, topic=topic, documents=documents),
                _("The documents were added to the topic."))


@login_required
@require_POST
def topic_remove(request, pk):
    topic = _managed_topic(request, pk)
    value = request.POST.get("document", "")
    document = Document.objects.visible_to(request.user).filter(pk=value).first() if value.isdigit() else None
    if document is None:
        messages.error(request, _("Choose a document of the topic to remove."))
        return redirect("documents:topic", pk=topic.pk)
    return _run(request, topic, lambda: topics.remove_document(actor=request.user, topic=topic, document=document),
                _("The document was removed from the topic."))


@login_required
@require_POST
def topic_archive(request, pk):
    topic = _managed_topic(request, pk)
    if request.POST.get("action") == "unarchive":
        return _run(request, topic, lambda: topics.unarchive_topic(actor=request.user, topic=topic),
                    _("The topic is back in navigation."))
    return _run(request, topic, lambda: topics.archive_topic(actor=request.user, topic=topic),
                _("The topic was archived: it left navigation and stays at its address under 历史专题."))


# --- public pages ------------------------------------------------------------------------------------


def public_index(request):
    return render(request, "documents/topics/public_index.html", {
        "topics": Topic.objects.current().select_related("unit"), "archive": False,
    })


def public_archive(request):
    return render(request, "documents/topics/public_index.html", {
        "topics": Topic.objects.archived().select_related("unit").order_by("-archived_at"), "archive": True,
    })


def public_topic(request, slug):
    topic = get_object_or_404(Topic.objects.select_related("unit"), slug=slug)
    return render(request, "documents/topics/public_topic.html", {
        "topic": topic,
        "documents": [{"document": d, "url": public_document_url(d.pk)} for d in topics.public_documents(topic)],
    })
