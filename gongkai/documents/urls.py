"""Staff pages of proactive disclosure, mounted at /documents/. Each area adds its own patterns."""

from django.urls import path  # noqa: F401  (the areas' patterns below)

app_name = "documents"

urlpatterns = []
