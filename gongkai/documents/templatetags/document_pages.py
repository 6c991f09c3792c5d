"""Showing a document's body: sanitised again as it is shown, whatever path stored it.

The services sanitise on save; cleaning once more here costs little (nh3) and keeps a body stored by
an older version, a migration or a direct database fix from ever running a script on a page.
"""

from django import template
from django.utils.safestring import mark_safe

from gongkai.documents.sanitising import clean_html

register = template.Library()


@register.filter
def body_html(text):
    return mark_safe(clean_html(text or ""))  # noqa: S308 — clean_html is nh3's allow-list output


@register.filter
def file_size(size):
    """1.2 MB, 35 KB: how people read a file's size."""
    if size is None:
        return ""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, round(size / 1024))} KB"
