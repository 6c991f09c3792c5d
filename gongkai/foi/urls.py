from django.urls import path

from . import public_views, stats_views, views

app_name = "foi"
urlpatterns = [
    path("apply/", public_views.apply, name="apply"),
    path("status/", public_views.status, name="status"),
    path("status/letter.<str:fmt>", public_views.status_letter, name="status-letter"),
    path("ratings/", public_views.ratings, name="ratings"),
    path("", views.work_list, name="list"),
    path("register/", views.register_view, name="register"),
    path("statistics/", stats_views.statistics, name="statistics"),
    path("statistics.xlsx", stats_views.statistics_xlsx, name="statistics-xlsx"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/confirm-receipt/", views.confirm_receipt_view, name="confirm-receipt"),
    path("<int:pk>/personal-data/", views.personal_data, name="personal-data"),
    path("<int:pk>/transfer/", views.transfer_view, name="transfer"),
    path("<int:pk>/handler/", views.handler_view, name="handler"),
    path("<int:pk>/clock/", views.clock_step_view, name="clock-step"),
    path("<int:pk>/decision/", views.decision_view, name="decide"),
    path("<int:pk>/decisions/<int:decision_pk>/review/", views.review_view, name="review"),
    path("<int:pk>/decisions/<int:decision_pk>/letter.<str:fmt>", views.letter_view, name="letter"),
    path("<int:pk>/decisions/<int:decision_pk>/letter/", views.letter_edit, name="letter-edit"),
    path("<int:pk>/notices/<int:event_pk>/notice.<str:fmt>", views.notice_view, name="notice"),
    path("<int:pk>/fee/", views.fee_notice_view, name="fee"),
    path("<int:pk>/serve/", views.serve_view, name="serve"),
    path("<int:pk>/archive/", views.archive_view, name="archive"),
    path("<int:pk>/reopen/", views.reopen_view, name="reopen"),
    path("<int:pk>/remedies/", views.remedy_view, name="remedy"),
    path("<int:pk>/parts/", views.ask_part_view, name="ask-part"),
    path("<int:pk>/parts/<int:part_pk>/answer/", views.answer_part_view, name="answer-part"),
]
