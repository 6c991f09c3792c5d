"""Staff pages of the government gazette (政府公报), mounted at /documents/gazette/ in the documents namespace."""

urlpatterns = []
