from django.urls import path

from . import views

app_name = "ledger"
urlpatterns = [
    path("", views.my_work, name="mine"),
    path("plans/<int:pk>/", views.plan_ledger, name="plan"),
    path("plans/<int:pk>/generate/", views.generate, name="generate"),
    path("plans/<int:pk>/rounds/", views.open_round_view, name="open-round"),
    path("plans/<int:pk>/problems/", views.problems, name="problems"),
    path("rounds/<int:pk>/", views.round_detail, name="round"),
    path("assignments/<int:pk>/", views.assignment_detail, name="assignment"),
    path("assignments/<int:pk>/report/", views.report_view, name="report"),
    path("assignments/<int:pk>/due-date/", views.due_date_view, name="due-date"),
    path("reports/<int:pk>/step/", views.step_view, name="step"),
    path("evidence/<int:pk>/", views.evidence_download, name="evidence"),
]
