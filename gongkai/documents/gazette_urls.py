"""Staff pages of the government gazette (政府公报), mounted at /documents/gazette/ in the documents namespace."""

from django.urls import path

from . import gazette_views as views

urlpatterns = [
    path("", views.index, name="gazette"),
    path("new/", views.issue_new, name="gazette-issue-new"),
    path("check/", views.check, name="gazette-check"),
    path("check/add/", views.check_add, name="gazette-check-add"),
    path("recipients/", views.recipients, name="gazette-recipients"),
    path("recipients/<int:pk>/", views.recipient_edit, name="gazette-recipient"),
    path("recipients/<int:pk>/active/", views.recipient_active, name="gazette-recipient-active"),
    path("<int:pk>/", views.issue_detail, name="gazette-issue"),
    path("<int:pk>/edit/", views.issue_edit, name="gazette-issue-edit"),
    path("<int:pk>/pdf/", views.issue_pdf, name="gazette-pdf"),
    path("<int:pk>/publish/", views.issue_publish, name="gazette-issue-publish"),
    path("<int:pk>/articles/", views.article_add, name="gazette-article-add"),
    path("<int:pk>/articles/<int:article_pk>/page/", views.article_page, name="gazette-article-page"),
    path("<int:pk>/articles/<int:article_pk>/move/", views.article_move, name="gazette-article-move"),
    path("<int:pk>/articles/<int:article_pk>/remove/", views.article_remove, name="gazette-article-remove"),
]
