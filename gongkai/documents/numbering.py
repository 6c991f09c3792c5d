"""索引号: the index number every published document carries, made per unit by the office's pattern."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .indexing import validate_index_pattern
from .models import Document, DocumentSettings, IndexCounter


def format_index_number(pattern, *, unit, year, seq):
    """The pattern with its fields filled; ValidationError for a pattern that cannot be formatted."""
    try:
        return pattern.format(code=unit.code or str(unit.pk), year=year, seq=seq)
    except (KeyError, IndexError, ValueError, AttributeError) as error:
        raise ValidationError(_("The index number pattern “%(pattern)s” cannot be used; the disclosure office "
                                "corrects it on the settings page.") % {"pattern": pattern}) from error


def next_index_number(*, unit, year):
    """The unit's next free number of `year`, taken under a row lock (call inside a transaction).

    A number already used (an imported document kept its old site's 索引号) is skipped, not repeated.
    """
    pattern = DocumentSettings.current().index_pattern
    # The settings page stores only patterns that pass this check; one written by other means (the admin,
    # a database edit) stops publishing with the settings page's own message, not a database error.
    validate_index_pattern(pattern)
    IndexCounter.objects.get_or_create(unit=unit, year=year)
    counter = IndexCounter.objects.select_for_update().get(unit=unit, year=year)
    while True:
        counter.last += 1
        number = format_index_number(pattern, unit=unit, year=year, seq=counter.last)
        if not Document.objects.filter(index_number=number).exists():
            break
    counter.save(update_fields=["last"])
    return number
