"""The public regulations library, mounted at /regulations/: each unit's 现行有效 规章 and 规范性文件; no login."""

app_name = "regulations"

urlpatterns = []
