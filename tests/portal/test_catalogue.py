"""The Chinese catalogue is complete: every string the code and templates mark for translation is in it,
translated, and nothing is left fuzzy (Babel compiles fuzzy entries too: a wrong guess would show)."""

import re
from pathlib import Path

from babel.messages.extract import extract
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2] / "gongkai"
CATALOGUE = ROOT / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
TEMPLATE_STRING = re.compile(
    r"""\{%\s*(?:translate|trans)\s+(?:"([^"]+)"|'([^']+)')(?:\s+context\s+(?:"([^"]+)"|'([^']+)'))?""")
KEYWORDS = {"_": None, "gettext": None, "gettext_lazy": None, "ngettext": (1, 2), "ngettext_lazy": (1, 2),
            "pgettext": ((1, "c"), 2), "pgettext_lazy": ((1, "c"), 2)}


def catalogue():
    with CATALOGUE.open("rb") as handle:
        return read_po(handle)


def sources(pattern):
    return [path for path in ROOT.rglob(pattern) if "demo" not in path.relative_to(ROOT).parts]


def test_every_entry_is_translated_and_none_is_fuzzy():
    untranslated = [message.id for message in catalogue() if message.id and (
        message.fuzzy or not all(message.string if isinstance(message.string, tuple) else [message.string]))]
    assert untranslated == []


def known():
    """(context or None, msgid) of every entry."""
    return {(message.context, message.id if isinstance(message.id, str) else message.id[0]) for message in catalogue()}


def test_every_template_string_is_in_the_catalogue():
    used = {(match.group(3) or match.group(4), match.group(1) or match.group(2)) for path in sources("*.html")
            for match in TEMPLATE_STRING.finditer(path.read_text(encoding="utf-8"))}
    assert sorted(used - known(), key=str) == []


def test_every_python_string_is_in_the_catalogue():
    used = set()
    for path in sources("*.py"):
        if "migrations" in path.parts:
            continue
        with path.open("rb") as handle:
            for _line, message, _comments, context in extract("python", handle, keywords=KEYWORDS):
                used.add((context, message if isinstance(message, str) else message[0]))
    assert sorted(used - known(), key=str) == []
