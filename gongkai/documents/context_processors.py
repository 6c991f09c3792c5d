from .navigation import links_for


def documents_navigation(request):
    """`documents_links` on the staff pages of the documents namespace (base.html shows them under the
    header); nothing elsewhere."""
    match = getattr(request, "resolver_match", None)
    user = getattr(request, "user", None)
    if not (match and match.namespace == "documents" and user and user.is_authenticated):
        return {}
    return {"documents_links": links_for(user, match.url_name)}
