from django.urls import path

from . import views

app_name = "orgs"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("export.<str:fmt>", views.export_directory, name="export"),
    path("import/", views.import_directory_view, name="import"),
    path("names/", views.unresolved_names, name="names"),
    path("<int:pk>/", views.unit_detail, name="unit"),
]
