"""The 主动公开 panel of the supervision dashboards, as a tag its template include calls.

The city and unit dashboards show it through one include (documents/_disclosure_panel.html), so the
dashboards' views and other panels stay untouched; the figures come from documents.metrics.panel,
a fixed number of queries whatever the number of documents.
"""

from django import template
from django.utils import timezone

from gongkai.documents import metrics

register = template.Library()


@register.simple_tag
def disclosure_panel(unit=None):
    """The panel for one unit's dashboard, or the city's when no unit is given."""
    return metrics.panel(today=timezone.localdate(), unit=unit or None)
