from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

urlpatterns = [
    path("", include("gongkai.portal.urls")),
    path("", include("gongkai.portal.public_urls")),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("units/", include("gongkai.orgs.urls")),
    path("plans/", include("gongkai.plans.urls")),
    path("workdays/", include("gongkai.workdays.urls")),
    path("supervision/", include("gongkai.supervision.urls")),
    path("notifications/", include("gongkai.notifications.urls")),
    path("ledger/", include("gongkai.ledger.urls")),
    path("bulletins/", include("gongkai.bulletins.urls")),
    path("assessment/", include("gongkai.assessment.urls")),
    path("review/", include("gongkai.review.urls")),
    path("progress/", include("gongkai.review.public_urls")),
    path("foi/", include("gongkai.foi.urls")),
    path("gk/", include("gongkai.documents.public_urls")),
    path("documents/", include("gongkai.documents.urls")),
    path("topics/", include("gongkai.documents.topic_urls")),
    path("guide/", include("gongkai.documents.public_guide_urls")),
    path("gazette/", include("gongkai.documents.public_gazette_urls")),
    path("regulations/", include("gongkai.documents.public_regulation_urls")),
    path("api/v1/", include("gongkai.api.urls")),
    path("admin/", admin.site.urls),
    # The header's language switch (set_language); it offers only the deployment's LANGUAGES.
    path("i18n/", include("django.conf.urls.i18n")),
]

handler400 = "gongkai.portal.errors.bad_request"
handler403 = "gongkai.portal.errors.permission_denied"
handler404 = "gongkai.portal.errors.not_found"
handler500 = "gongkai.portal.errors.server_error"
