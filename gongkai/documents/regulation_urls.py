"""Staff pages of each unit's regulations library (规章 and 规范性文件 by validity), in the documents namespace."""

urlpatterns = []
