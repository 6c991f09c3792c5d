from django.urls import path

from . import views

app_name = "assessment"
urlpatterns = [
    path("", views.scheme_list, name="list"),
    path("new/", views.scheme_new, name="new"),
    path("<int:pk>/", views.scheme_detail, name="detail"),
    path("<int:pk>/edit/", views.scheme_edit, name="edit"),
    path("<int:pk>/indicators/add/", views.indicator_add, name="indicator-add"),
    path("<int:pk>/indicators/remove/", views.indicator_remove, name="indicator-remove"),
    path("<int:pk>/bonuses/add/", views.bonus_add, name="bonus-add"),
    path("<int:pk>/bonuses/remove/", views.bonus_remove, name="bonus-remove"),
    path("<int:pk>/adjustments/add/", views.adjustment_add, name="adjustment-add"),
    path("<int:pk>/adjustments/remove/", views.adjustment_remove, name="adjustment-remove"),
    path("<int:pk>/finalize/", views.scheme_finalize, name="finalize"),
    path("<int:pk>/ranking.xlsx", views.ranking_xlsx, name="xlsx"),
]
