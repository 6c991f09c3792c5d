"""The public pages of special topics, mounted at /topics/: stable addresses that archiving never breaks."""

from django.urls import path

from . import topic_views

app_name = "topics"

urlpatterns = [
    path("", topic_views.public_index, name="index"),
    path("archive/", topic_views.public_archive, name="archive"),
    path("<slug:slug>/", topic_views.public_topic, name="topic"),
]
