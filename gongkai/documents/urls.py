"""Staff pages of proactive disclosure, mounted at /documents/. Each area adds its own patterns."""

from django.urls import include, path

from . import column_views, gazette_urls, guide_views, import_views, regulation_urls, settings_views, topic_views, views

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

# The disclosure guide (公开指南) of each unit; the office's settings and categories.
urlpatterns += [
    path("guide/", guide_views.overview, name="guides"),
    path("guide/<int:unit_id>/", guide_views.edit, name="guide"),
    path("settings/", settings_views.settings_edit, name="settings"),
    path("categories/", settings_views.categories, name="categories"),
    path("categories/<int:pk>/", settings_views.category_edit, name="category"),
    path("categories/<int:pk>/delete/", settings_views.category_delete, name="category-delete"),
]

# Bulk import of documents from an existing site (documents/importing/).
urlpatterns += [
    path("import/", import_views.import_upload, name="import"),
    path("import/<int:pk>/", import_views.import_preview, name="import-preview"),
]

# The disclosure column tree, column freshness (国办 19号) and special topics (columns area).
urlpatterns += [
    path("columns/", column_views.editor, name="columns"),
    path("columns/new/", column_views.column_new, name="column-new"),
    path("columns/freshness/", column_views.freshness_page, name="freshness"),
    path("columns/<int:pk>/edit/", column_views.column_edit, name="column-edit"),
    path("columns/<int:pk>/move/", column_views.column_move, name="column-move"),
    path("columns/<int:pk>/delete/", column_views.column_delete, name="column-delete"),
    path("units/<int:unit_id>/columns/", column_views.unit_columns, name="unit-columns"),
    path("topics/", topic_views.topic_list, name="topics"),
    path("topics/<int:pk>/", topic_views.topic_detail, name="topic"),
    path("topics/<int:pk>/add/", topic_views.topic_add, name="topic-add"),
    path("topics/<int:pk>/remove/", topic_views.topic_remove, name="topic-remove"),
    path("topics/<int:pk>/archive/", topic_views.topic_archive, name="topic-archive"),
]

# The government gazette (政府公报) and each unit's library of 规章 and 规范性文件 (their own modules).
urlpatterns += [
    path("gazette/", include(gazette_urls)),
    path("", include(regulation_urls)),
]
