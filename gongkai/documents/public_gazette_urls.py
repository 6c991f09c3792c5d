"""The public gazette (政府公报), mounted at /gazette/: issues by year, their articles and PDFs; no login."""

app_name = "gazette"

urlpatterns = []
