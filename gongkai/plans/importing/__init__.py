"""Importing a work plan (工作要点任务分解表) from a file into a PlanDraft.

Entry point: read_plan_file(). The pieces: decoding (bytes -> text), a reader per format
producing the format-independent RawTable (table.py), and builder.build_plan, which turns any
RawTable into a PlanDraft. The JSON form of a draft (gongkai.plan/v1) can be imported as well.
"""

import json

from django.utils.translation import gettext as _

from .builder import build_plan
from .decoding import decode_text
from .draft import FORMAT, PlanDraft
from .errors import PlanFileError
from .text_reader import read_text_table

__all__ = ["PlanDraft", "PlanFileError", "build_plan", "decode_text", "read_plan_file", "read_text_table"]


def read_plan_file(data: bytes, *, filename: str = "", year: int | None = None, max_bytes: int) -> PlanDraft:
    text = decode_text(data, max_bytes=max_bytes)
    if text.lstrip().startswith("{") or filename.lower().endswith(".json"):
        return _read_json(text)
    return build_plan(read_text_table(text), year=year)


def _read_json(text: str) -> PlanDraft:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise PlanFileError(
            _("The file is not valid JSON (line %(line)d, column %(column)d).")
            % {"line": error.lineno, "column": error.colno}
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise PlanFileError(_("This JSON file is not a Gongkai plan (expected \"format\": \"%(format)s\").")
                            % {"format": FORMAT})
    return PlanDraft.from_json(data)
