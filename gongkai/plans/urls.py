from django.urls import path

from . import views

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="list"),
    path("import/", views.import_upload, name="import"),
    path("import/<int:pk>/", views.import_preview, name="import-preview"),
    path("import/<int:pk>/draft.json", views.import_draft_json, name="import-json"),
    path("import/<int:pk>/tasks/<int:item_index>/<int:task_index>/", views.import_task_edit, name="import-task-edit"),
    path("<int:pk>/", views.plan_detail, name="detail"),
    path("<int:pk>/export.xlsx", views.export_xlsx, name="export-xlsx"),
    path("<int:pk>/export.json", views.export_json, name="export-json"),
    path("<int:plan_pk>/units/<int:unit_pk>/", views.unit_tasks, name="unit-tasks"),
    path("items/<int:pk>/", views.item_detail, name="item"),
    path("items/<int:pk>/edit/", views.item_edit, name="item-edit"),
    path("tasks/<int:pk>/edit/", views.task_edit, name="task-edit"),
    path("task-units/<int:pk>/designate/", views.designate_units, name="designate"),
]
