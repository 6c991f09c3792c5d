from django.urls import path

from . import views

app_name = "supervision"
urlpatterns = [
    path("", views.city, name="city"),
    path("units/<int:pk>/", views.unit, name="unit"),
    path("units/<int:pk>/calendar-feed/", views.feed, name="feed"),
    path("ical/<str:token>.ics", views.ical_feed, name="ical"),
    path("notices/", views.notice_list, name="notices"),
    path("notices/<int:pk>/", views.notice, name="notice"),
    path("notices/<int:pk>/document.docx", views.notice_document, name="notice-docx"),
    path("settings/", views.settings_edit, name="settings"),
]
