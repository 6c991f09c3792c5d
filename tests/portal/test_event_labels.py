"""Histories show every event in words: each verb the code records has a label, and an unknown verb still
never shows raw. The verbs are found in the source, so a new `record(verb=...)` without a label fails here."""

import ast
from pathlib import Path

from django.utils import translation

from gongkai.events.labels import FALLBACK_LABEL, VERB_LABELS, label_for
from gongkai.events.models import Event
from gongkai.foi.clock import Kind
from gongkai.ledger.workflow import REPORT_STEPS
from gongkai.supervision.models import Level

ROOT = Path(__file__).resolve().parents[2] / "gongkai"

# Verbs built at run time, with every value their variable part takes. A new f-string verb must be added
# here (the test says which), so its expansions are checked too.
TEMPLATES = {
    "foi.clock.{kind}": [f"foi.clock.{kind}" for kind in Kind],
    "notice.{notice.level}": [f"notice.{level}" for level in Level.values],
    "report.{step}": [f"report.{step}" for step in REPORT_STEPS],
}
# Calls whose verb is a variable passed in by callers that this scan also reads (`_save(app, "foi.x", …)`).
PASS_THROUGH = {("foi/deciding.py", "_save")}
# Functions that take the verb as their argument, and the position of that argument.
VERB_ARGUMENT = {"_save": 1}


def verb_expressions():
    """(file, function, expression) of every verb given to record(), Event(...) or a verb-taking helper."""
    found = []
    for path in ROOT.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in [node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)]:
            for call in [node for node in ast.walk(function) if isinstance(node, ast.Call)]:
                name = getattr(call.func, "id", getattr(call.func, "attr", ""))
                verbs = [k.value for k in call.keywords if k.arg == "verb" and name in ("record", "Event")]
                if name in VERB_ARGUMENT and len(call.args) > VERB_ARGUMENT[name]:
                    verbs.append(call.args[VERB_ARGUMENT[name]])
                found += [(str(path.relative_to(ROOT)), function.name, verb) for verb in verbs]
    return found


def expand(where, expression):
    if isinstance(expression, ast.Constant):
        return [expression.value]
    if isinstance(expression, ast.IfExp):
        return expand(where, expression.body) + expand(where, expression.orelse)
    if isinstance(expression, ast.JoinedStr):
        template = ast.unparse(expression)[2:-1]
        assert template in TEMPLATES, f"{where}: teach this test the values of the verb f\"{template}\""
        return TEMPLATES[template]
    assert where in PASS_THROUGH, f"{where}: a verb this test cannot read: {ast.unparse(expression)}"
    return []


def recorded_verbs():
    verbs = set()
    for path, function, expression in verb_expressions():
        verbs.update(expand((path, function), expression))
    return verbs


def test_the_scan_finds_the_verbs_of_every_pillar():
    verbs = recorded_verbs()
    assert {"plan.imported", "report.accept", "notice.supervision", "foi.decision_drafted", "foi.clock.extended",
            "foi.served", "bulletin.published", "assessment.finalized", "closure.started",
            "progress.unpublished"} <= verbs
    assert len(verbs) > 80


def test_every_recorded_verb_has_a_label():
    assert sorted(recorded_verbs() - set(VERB_LABELS)) == []


def test_every_label_is_translated():
    with translation.override("zh-hans"):
        untranslated = {verb: str(label) for verb, label in VERB_LABELS.items()
                        if str(label).isascii()}
    assert untranslated == {}


def test_an_unknown_verb_is_shown_in_words_not_as_stored():
    with translation.override("zh-hans"):
        assert str(Event(verb="foi.something_renamed").label) == str(FALLBACK_LABEL) == "其他操作记录"
        assert str(label_for("foi.decision_drafted")) == "拟写答复"
