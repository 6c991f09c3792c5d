from django.urls import path

from . import views

app_name = "review"
urlpatterns = [
    path("", views.index, name="index"),
    path("plans/<int:pk>/", views.plan_review, name="plan"),
    path("plans/<int:pk>/start/", views.start, name="start"),
    path("plans/<int:pk>/decide/", views.decide, name="decide"),
    path("plans/<int:pk>/carry-over-plan/", views.create_carry_plan, name="carry-over-plan"),
    path("plans/<int:pk>/close/", views.close, name="close"),
    path("plans/<int:pk>/publication/", views.publication, name="publication"),
    path("plans/<int:pk>/report/", views.report, name="report"),
    path("plans/<int:pk>/report.docx", views.report_docx, name="report-docx"),
    path("decisions/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
]
