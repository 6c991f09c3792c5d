"""The names units are shown by where they are compared side by side: charts, rankings, bulletins.

A unit is shown by its short name (its first alias, what documents write: 市发展改革委) unless that
could be taken for another unit: 沈河区政府 (the district government) beside 沈河区政府办 (its general
office) reads as one body spelt twice, or as a body and a part of it, to anyone who does not know the
convention. So when one unit's short name begins another's, both are shown by their official names —
沈河区人民政府 and 沈河区人民政府办公室 — which say what each is. The decision is taken over the whole
directory, not over the units one list happens to show, so a unit keeps one name in every chart,
ranking and bulletin. Pages put the official name in a tooltip where the short name is shown.
"""

from bisect import bisect_left

from .models import Unit, short_names


def display_names(names):
    """{pk: the name to show} for {pk: official name}; three queries, whatever the number of units."""
    everyone = short_names(dict(Unit.objects.values_list("pk", "name")))
    clashing = clashing_units(everyone)
    return {pk: name if pk in clashing else everyone.get(pk, name) for pk, name in names.items()}


def clashing_units(short):
    """The pks of {pk: short name} whose short name begins another's, or is begun by one (or is equal)."""
    spelled = sorted((name, pk) for pk, name in short.items())
    keys = [name for name, _pk in spelled]
    clashing = set()
    for name, pk in spelled:
        # The names that begin with `name` sort right after it, in one run.
        index = bisect_left(keys, name)
        while index < len(keys) and keys[index].startswith(name):
            if spelled[index][1] != pk:
                clashing.update((pk, spelled[index][1]))
            index += 1
    return clashing
