"""The public page of each document at a stable address, mounted at /gk/ (公开: 政务公开 documents)."""

from django.urls import path

from . import public_views

app_name = "documents-public"

urlpatterns = [
    path("<int:pk>/", public_views.document, name="document"),
    path("<int:pk>/files/<int:attachment_pk>/", public_views.attachment, name="attachment"),
    path("<int:pk>/versions/<int:number>/", public_views.version, name="version"),
]
