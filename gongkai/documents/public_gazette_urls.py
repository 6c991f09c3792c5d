"""The public gazette (政府公报), mounted at /gazette/: issues by year, their articles and PDFs; no login."""

from django.urls import path

from . import public_gazette_views as views

app_name = "gazette"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:year>/<int:number>/", views.issue, name="issue"),
    path("<int:year>/<int:number>/pdf/", views.pdf, name="pdf"),
]
