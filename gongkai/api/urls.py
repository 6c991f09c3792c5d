from django.urls import path
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.plumbing import build_bearer_security_scheme_object
from drf_spectacular.views import SpectacularAPIView

from gongkai.foi import api as foi

from . import documents_views as documents
from . import views


class ApiTokenScheme(OpenApiAuthenticationExtension):
    """Documents `Authorization: Bearer <key>` in the OpenAPI document (registered on import)."""

    target_class = "gongkai.api.authentication.ApiTokenAuthentication"
    name = "bearerAuth"

    def get_security_definition(self, auto_schema):
        return build_bearer_security_scheme_object(header_name="Authorization", token_prefix="Bearer")


app_name = "api"
urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("units/", views.UnitList.as_view(), name="units"),
    path("units/<int:pk>/", views.UnitDetail.as_view(), name="unit"),
    path("plans/", views.PlanList.as_view(), name="plans"),
    path("plans/<int:pk>/", views.PlanDetail.as_view(), name="plan"),
    path("foi/applications/", foi.ApplicationList.as_view(), name="foi-applications"),
    path("foi/applications/<int:pk>/", foi.ApplicationDetail.as_view(), name="foi-application"),
    path("foi/applications/<int:pk>/confirm-receipt/", foi.ConfirmReceipt.as_view(), name="foi-confirm-receipt"),
    path("foi/applications/<int:pk>/clock-steps/", foi.ClockStep.as_view(), name="foi-clock-step"),
    path("foi/applications/<int:pk>/transfer/", foi.Transfer.as_view(), name="foi-transfer"),
    path("foi/applications/<int:pk>/decisions/", foi.DraftDecision.as_view(), name="foi-decisions"),
    path("foi/applications/<int:pk>/decisions/<int:decision_id>/review/", foi.ReviewDecision.as_view(),
         name="foi-review"),
    path("foi/applications/<int:pk>/serve/", foi.Serve.as_view(), name="foi-serve"),
    path("foi/status/", foi.StatusLookup.as_view(), name="foi-status"),
    path("documents/", documents.DocumentList.as_view(), name="documents"),
    path("documents/<int:pk>/", documents.DocumentDetail.as_view(), name="document"),
    path("documents/<int:pk>/attachments/", documents.Attachments.as_view(), name="document-attachments"),
    path("documents/<int:pk>/submit/", documents.Submit.as_view(), name="document-submit"),
    path("documents/<int:pk>/publish/", documents.Publish.as_view(), name="document-publish"),
    path("documents/<int:pk>/withdraw/", documents.Withdraw.as_view(), name="document-withdraw"),
    path("documents/<int:pk>/return/", documents.ReturnToDraft.as_view(), name="document-return"),
]
