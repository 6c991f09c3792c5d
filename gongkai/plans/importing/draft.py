"""The structured plan draft and its JSON form (format "gongkai.plan/v1")."""

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .deadlines import KINDS, Deadline
from .errors import PlanFileError

FORMAT = "gongkai.plan/v1"
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
MATCHES = ("exact", "alias", "group", "suggested", "unresolved")


@dataclass
class Warning:  # shadows the builtin inside this module only; the name is part of the interface
    where: str
    message: str


@dataclass
class TaskDraft:
    text: str
    lead_units: list[str]
    responsible_units: list[str]
    deadline: Deadline


@dataclass
class ItemDraft:
    number: str | None
    title: str
    tasks: list[TaskDraft] = field(default_factory=list)


@dataclass
class SectionDraft:
    number: str | None
    title: str | None
    items: list[ItemDraft] = field(default_factory=list)


@dataclass
class PlanDraft:
    title: str
    year: int | None
    sections: list[SectionDraft]
    warnings: list[Warning] = field(default_factory=list)

    def items(self) -> list[ItemDraft]:
        return [item for section in self.sections for item in section.items]

    def unit_names(self) -> list[str]:
        """Every distinct unit name, in document order."""
        names: dict[str, None] = {}
        for item in self.items():
            for task in item.tasks:
                names.update(dict.fromkeys(task.lead_units + task.responsible_units))
        return list(names)

    def to_json(self, resolve: Callable[[str], dict] | None = None) -> dict:
        return {
            "format": FORMAT,
            "title": self.title,
            "year": self.year,
            "sections": [_section_json(section) for section in self.sections],
            "units": [_unit_json(name, resolve) for name in self.unit_names()],
            "warnings": [{"where": w.where, "message": w.message} for w in self.warnings],
        }

    @classmethod
    def from_json(cls, data: dict) -> "PlanDraft":
        return _Reader().plan(data)


def _deadline_json(deadline: Deadline) -> dict:
    result = {
        "text": deadline.text,
        "kind": deadline.kind,
        "date": deadline.date.isoformat() if deadline.date else None,
    }
    if deadline.kind == "recurring":
        result["rule"] = deadline.rule
    return result


def _section_json(section: SectionDraft) -> dict:
    return {
        "number": section.number,
        "title": section.title,
        "items": [
            {
                "number": item.number,
                "title": item.title,
                "tasks": [
                    {
                        "text": task.text,
                        "lead_units": list(task.lead_units),
                        "responsible_units": list(task.responsible_units),
                        "deadline": _deadline_json(task.deadline),
                    }
                    for task in item.tasks
                ],
            }
            for item in section.items
        ],
    }


def _unit_json(name: str, resolve: Callable[[str], dict] | None) -> dict:
    found = resolve(name) if resolve else {}
    if found.get("match", "unresolved") not in MATCHES:
        raise ValueError(f"resolve() returned an unknown match kind for {name!r}: {found!r}")
    return {
        "name": name,
        "resolved": found.get("resolved"),
        "match": found.get("match", "unresolved"),
        "suggestions": list(found.get("suggestions", [])),
    }


class _Reader:
    """Validates the JSON form; every error names the path of the bad value."""

    def fail(self, path: str, problem: str):
        raise PlanFileError(
            _("Invalid plan file: %(path)s %(problem)s.") % {"path": path, "problem": problem}
        )

    def get(self, data: dict, key: str, types: type | tuple, path: str, *, null: bool = False):
        if not isinstance(data, dict):
            self.fail(path or "top level", _("must be an object"))
        if key not in data:
            self.fail(f"{path}.{key}" if path else key, _("is missing"))
        value = data[key]
        if value is None and null:
            return None
        # bool is an int in Python; a JSON true is never a valid year or number.
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in _tuple(types)):
            self.fail(f"{path}.{key}" if path else key, _("has the wrong type"))
        return value

    def plan(self, data: dict) -> PlanDraft:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            self.fail("format", _("must be \"%(format)s\"") % {"format": FORMAT})
        sections = self.get(data, "sections", list, "")
        warnings = data.get("warnings", [])
        if not isinstance(warnings, list):
            self.fail("warnings", _("has the wrong type"))
        return PlanDraft(
            title=self.get(data, "title", str, ""),
            year=self.get(data, "year", int, "", null=True),
            sections=[self.section(s, f"sections[{i}]") for i, s in enumerate(sections)],
            warnings=[
                Warning(self.get(w, "where", str, f"warnings[{i}]"),
                        self.get(w, "message", str, f"warnings[{i}]"))
                for i, w in enumerate(warnings)
            ],
        )

    def section(self, data: dict, path: str) -> SectionDraft:
        items = self.get(data, "items", list, path)
        return SectionDraft(
            number=self.get(data, "number", str, path, null=True),
            title=self.get(data, "title", str, path, null=True),
            items=[self.item(item, f"{path}.items[{i}]") for i, item in enumerate(items)],
        )

    def item(self, data: dict, path: str) -> ItemDraft:
        tasks = self.get(data, "tasks", list, path)
        return ItemDraft(
            number=self.get(data, "number", str, path, null=True),
            title=self.get(data, "title", str, path),
            tasks=[self.task(task, f"{path}.tasks[{i}]") for i, task in enumerate(tasks)],
        )

    def task(self, data: dict, path: str) -> TaskDraft:
        return TaskDraft(
            text=self.get(data, "text", str, path),
            lead_units=self.names(data, "lead_units", path),
            responsible_units=self.names(data, "responsible_units", path),
            deadline=self.deadline(self.get(data, "deadline", dict, path), f"{path}.deadline"),
        )

    def names(self, data: dict, key: str, path: str) -> list[str]:
        names = self.get(data, key, list, path)
        if not all(isinstance(name, str) and name for name in names):
            self.fail(f"{path}.{key}", _("must be a list of unit names"))
        return names

    def deadline(self, data: dict, path: str) -> Deadline:
        kind = self.get(data, "kind", str, path)
        if kind not in KINDS:
            self.fail(f"{path}.kind", _("must be one of %(kinds)s") % {"kinds": ", ".join(KINDS)})
        text = self.get(data, "text", str, path)
        date = self.get(data, "date", str, path, null=True)
        if date is not None:
            if kind != "date":
                self.fail(f"{path}.date", _("must be null unless kind is \"date\""))
            try:
                if not _ISO_DATE.fullmatch(date):
                    raise ValueError(date)
                date = datetime.date.fromisoformat(date)
            except ValueError:
                self.fail(f"{path}.date", _("must be a date written YYYY-MM-DD"))
        rule = data.get("rule") if kind == "recurring" else None
        if kind == "recurring" and rule not in ("monthly", "quarterly", "half-yearly", "yearly"):
            self.fail(f"{path}.rule", _("must be monthly, quarterly, half-yearly or yearly"))
        return Deadline(text=text, kind=kind, date=date, rule=rule)


def _tuple(types: type | tuple) -> tuple:
    return types if isinstance(types, tuple) else (types,)
