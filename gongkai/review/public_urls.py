from django.urls import path

from . import public_views

app_name = "progress"
urlpatterns = [
    path("", public_views.progress_index, name="index"),
    path("<int:plan_pk>/", public_views.progress_page, name="plan"),
]
