"""Staff pages of each unit's regulations library (规章 and 规范性文件 by validity), in the documents namespace."""

from django.urls import path

from . import regulation_views

urlpatterns = [
    path("regulations/", regulation_views.overview, name="regulations-overview"),
    path("units/<int:unit_id>/regulations/", regulation_views.unit_library, name="regulations"),
    path("units/<int:unit_id>/regulations/current.xlsx", regulation_views.unit_xlsx, name="regulations-xlsx"),
]
