"""Staff pages of proactive disclosure, mounted at /documents/. Each area adds its own patterns."""

from django.urls import path  # noqa: F401  (the areas' patterns below)

from . import views

app_name = "documents"

urlpatterns = []

# The staff side of documents: the list, the form, the document page and its workflow steps.
urlpatterns += [
    path("", views.document_list, name="list"),
    path("new/", views.document_new, name="new"),
    path("<int:pk>/", views.document_detail, name="detail"),
    path("<int:pk>/edit/", views.document_edit, name="edit"),
    path("<int:pk>/submit/", views.submit_view, name="submit"),
    path("<int:pk>/return/", views.return_view, name="return"),
    path("<int:pk>/publish/", views.publish_view, name="publish"),
    path("<int:pk>/withdraw/", views.withdraw_view, name="withdraw"),
    path("<int:pk>/validity/", views.validity_view, name="validity"),
    path("<int:pk>/scan/", views.scan_view, name="scan"),
    path("<int:pk>/mask/", views.mask_view, name="mask"),
    path("<int:pk>/attachments/", views.attachments_add, name="attach"),
    path("<int:pk>/attachments/<int:attachment_pk>/", views.attachment_download, name="attachment"),
    path("<int:pk>/attachments/<int:attachment_pk>/remove/", views.attachment_remove, name="attachment-remove"),
    path("<int:pk>/versions/<int:number>/", views.version_view, name="version"),
]

# Bulk import of documents from an existing site (documents/importing/).
from . import import_views  # noqa: E402

urlpatterns += [
    path("import/", import_views.import_upload, name="import"),
    path("import/<int:pk>/", import_views.import_preview, name="import-preview"),
]
