"""The public regulations library, mounted at /regulations/: each unit's 现行有效 规章 and 规范性文件; no login."""

from django.urls import path

from . import public_regulation_views

app_name = "regulations"

urlpatterns = [
    path("", public_regulation_views.index, name="index"),
    path("<int:unit_id>/", public_regulation_views.unit, name="unit"),
]
