"""The public disclosure guides (公开指南), mounted at /guide/: no login, read-only."""

from django.urls import path

from . import guide_views

app_name = "guide"

urlpatterns = [
    path("", guide_views.public_index, name="index"),
    path("<int:unit_id>/", guide_views.public_guide, name="unit"),
]
