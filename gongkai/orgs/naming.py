"""Resolving unit names as documents write them to units or unit groups.

A name resolves by exact official name, alias or group name. Anything else stays unresolved with
ranked suggestions: a person decides, and the decision is remembered as an alias. Nothing is guessed.
"""

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from django.utils.translation import gettext_lazy as _

from .models import Unit, UnitAlias, UnitGroup

_SPACE = re.compile(r"\s+")
# Full-width and half-width brackets are both common in unit names: 区县（市）政府 / 区县(市)政府.
_BRACKETS = str.maketrans({"(": "（", ")": "）"})

# How a name resolved, as people read it (the codes are those of the gongkai.plan/v1 format).
MATCH_LABELS = {
    "exact": _("official name"),
    "alias": _("short name"),
    "group": _("unit group"),
    "suggested": _("not found: see suggestions"),
    "unresolved": _("not found"),
}

SUGGESTION_LIMIT = 5
SUGGESTION_MIN_SCORE = 0.6


def normalize_name(name):
    """The comparable form of a unit name: no whitespace (PDF line wraps), full-width brackets."""
    return _SPACE.sub("", name or "").translate(_BRACKETS)


@dataclass
class Resolution:
    name: str
    match: str  # exact | alias | group | suggested | unresolved
    unit: Unit | None = None
    group: UnitGroup | None = None
    suggestions: list = field(default_factory=list)  # official unit names, best first

    @property
    def resolved_name(self):
        if self.unit:
            return self.unit.name
        if self.group:
            return self.group.name
        return None

    def as_json(self):
        return {"resolved": self.resolved_name, "match": self.match, "suggestions": self.suggestions}


class NameResolver:
    """Loads the directory once, then resolves many names (an import names ~40 distinct units)."""

    def __init__(self):
        units = list(Unit.objects.active())
        self.by_name = {normalize_name(u.name): u for u in units}
        self.by_alias = {
            normalize_name(a.name): a.unit for a in UnitAlias.objects.select_related("unit") if a.unit.is_active
        }
        self.groups = {}
        for group in UnitGroup.objects.all():
            for spelling in [group.name, *group.aliases]:
                self.groups[normalize_name(spelling)] = group
        # Every spelling a suggestion can be found by, pointing at the unit it names.
        self.spellings = [(key, unit) for key, unit in [*self.by_name.items(), *self.by_alias.items()]]

    def resolve(self, name):
        key = normalize_name(name)
        if key in self.by_name:
            return Resolution(name, "exact", unit=self.by_name[key])
        if key in self.by_alias:
            return Resolution(name, "alias", unit=self.by_alias[key])
        if key in self.groups:
            return Resolution(name, "group", group=self.groups[key])
        suggestions = self.suggest(key)
        return Resolution(name, "suggested" if suggestions else "unresolved", suggestions=suggestions)

    def suggest(self, key):
        best = {}
        for spelling, unit in self.spellings:
            score = similarity(key, spelling)
            if score >= SUGGESTION_MIN_SCORE and score > best.get(unit.name, 0):
                best[unit.name] = score
        ranked = sorted(best.items(), key=lambda pair: (-pair[1], pair[0]))
        return [name for name, _score in ranked[:SUGGESTION_LIMIT]]


def similarity(a, b):
    """Ratio of matching characters; a containment (a shortened or padded name) counts high too."""
    ratio = SequenceMatcher(None, a, b, autojunk=False).ratio()
    if a and b and (a in b or b in a):
        ratio = max(ratio, 0.8)
    return ratio


def resolve_name(name):
    return NameResolver().resolve(name)
