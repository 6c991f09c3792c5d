import copy
import datetime
import json

import pytest
from django.utils import translation

from gongkai.demo.loader import PLAN_FILE
from gongkai.plans.importing import read_plan_file
from gongkai.plans.importing.deadlines import Deadline
from gongkai.plans.importing.draft import ItemDraft, PlanDraft, SectionDraft, TaskDraft, Warning
from gongkai.plans.importing.errors import PlanFileError

SAMPLE = PLAN_FILE  # the sample as shipped with the demo


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture(scope="module")
def sample_json():
    with translation.override("en"):
        return read_plan_file(SAMPLE.read_bytes(), max_bytes=10**7).to_json()


def small_plan():
    return PlanDraft(
        title="测试计划", year=2021,
        sections=[SectionDraft("一", "第一部分", [ItemDraft("1", "公开", [
            TaskDraft("做好公开。", ["市政府办公室"], ["市政府各部门", "市工商局"],
                      Deadline("9月底", "date", datetime.date(2021, 9, 30))),
            TaskDraft("每月更新。", ["市工商局"], [], Deadline("每月", "recurring", rule="monthly")),
            TaskDraft("长期坚持。", [], [], Deadline("持续推进", "ongoing")),
        ])])],
        warnings=[Warning("Item 1, row 1 (line 3)", "A note.")],
    )


def test_exact_json_shape():
    assert small_plan().to_json() == {
        "format": "gongkai.plan/v1", "title": "测试计划", "year": 2021,
        "sections": [{"number": "一", "title": "第一部分", "items": [{"number": "1", "title": "公开", "tasks": [
            {"text": "做好公开。", "lead_units": ["市政府办公室"], "responsible_units": ["市政府各部门", "市工商局"],
             "deadline": {"text": "9月底", "kind": "date", "date": "2021-09-30"}},
            {"text": "每月更新。", "lead_units": ["市工商局"], "responsible_units": [],
             "deadline": {"text": "每月", "kind": "recurring", "date": None, "rule": "monthly"}},
            {"text": "长期坚持。", "lead_units": [], "responsible_units": [],
             "deadline": {"text": "持续推进", "kind": "ongoing", "date": None}},
        ]}]}],
        "units": [
            {"name": "市政府办公室", "resolved": None, "match": "unresolved", "suggestions": []},
            {"name": "市政府各部门", "resolved": None, "match": "unresolved", "suggestions": []},
            {"name": "市工商局", "resolved": None, "match": "unresolved", "suggestions": []},
        ],
        "warnings": [{"where": "Item 1, row 1 (line 3)", "message": "A note."}],
    }


def test_resolve_callable_fills_units():
    def resolve(name):
        if name == "市工商局":
            return {"resolved": None, "match": "suggested", "suggestions": ["沈阳市营商环境建设局"]}
        return {"resolved": "沈阳市" + name[1:], "match": "exact", "suggestions": []}

    units = small_plan().to_json(resolve=resolve)["units"]
    assert units[0] == {"name": "市政府办公室", "resolved": "沈阳市政府办公室", "match": "exact", "suggestions": []}
    assert units[2] == {"name": "市工商局", "resolved": None, "match": "suggested",
                        "suggestions": ["沈阳市营商环境建设局"]}


def test_sample_json_is_serialisable_and_has_all_items(sample_json):
    text = json.dumps(sample_json, ensure_ascii=False)
    assert json.loads(text) == sample_json
    assert sample_json["format"] == "gongkai.plan/v1" and sample_json["year"] == 2021
    assert sum(len(s["items"]) for s in sample_json["sections"]) == 28
    assert len(sample_json["warnings"]) == 17
    assert all(u["match"] == "unresolved" for u in sample_json["units"])


def test_round_trip(sample_json):
    again = PlanDraft.from_json(copy.deepcopy(sample_json))
    assert again.to_json() == sample_json
    assert small_plan().to_json() == PlanDraft.from_json(small_plan().to_json()).to_json()
    assert PlanDraft.from_json(small_plan().to_json()).items()[0].tasks[0].deadline.date == datetime.date(2021, 9, 30)


def test_read_plan_file_accepts_json(sample_json):
    data = json.dumps(sample_json, ensure_ascii=False).encode()
    assert read_plan_file(data, filename="plan.json", max_bytes=10**7).to_json() == sample_json


def bad(mutate):
    data = small_plan().to_json()
    mutate(data)
    with pytest.raises(PlanFileError) as caught:
        PlanDraft.from_json(data)
    return caught.value.message


def first_task(data):
    return data["sections"][0]["items"][0]["tasks"][0]


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d.update(format="other/v2"), "Invalid plan file: format must be"),
        (lambda d: d.pop("title"), "title is missing"),
        (lambda d: d.update(year="2021"), "year has the wrong type"),
        (lambda d: d.update(year=True), "year has the wrong type"),
        (lambda d: d.update(sections={}), "sections has the wrong type"),
        (lambda d: d["sections"][0].update(items=None), "sections[0].items has the wrong type"),
        (lambda d: d["sections"][0]["items"][0].pop("title"), "sections[0].items[0].title is missing"),
        (lambda d: first_task(d).update(lead_units=[1]), "sections[0].items[0].tasks[0].lead_units must be a list"),
        (lambda d: first_task(d)["deadline"].update(kind="text"), "deadline.kind must be one of date, ongoing"),
        (lambda d: first_task(d)["deadline"].update(date="30/09/2021"), "deadline.date must be a date"),
        (lambda d: first_task(d)["deadline"].update(date="2021-02-30"), "deadline.date must be a date"),
        (lambda d: first_task(d)["deadline"].update(kind="ongoing"), "deadline.date must be null"),
        (lambda d: d["sections"][0]["items"][0]["tasks"][1]["deadline"].pop("rule"), "tasks[1].deadline.rule"),
        (lambda d: d["warnings"].append({"where": 1, "message": "x"}), "warnings[1].where has the wrong type"),
        (lambda d: d["sections"].append("x"), "sections[1] must be an object"),
    ],
)
def test_bad_structures_are_explained(mutate, expected):
    assert expected in bad(mutate)


def test_not_an_object():
    with pytest.raises(PlanFileError):
        PlanDraft.from_json([])


def test_invalid_json_text():
    with pytest.raises(PlanFileError) as caught:
        read_plan_file(b'{"format": "gongkai.plan/v1",', max_bytes=1000)
    assert "not valid JSON (line 1" in caught.value.message


def test_json_of_another_kind():
    with pytest.raises(PlanFileError) as caught:
        read_plan_file(b'{"hello": 1}', max_bytes=1000)
    assert "not a Gongkai plan" in caught.value.message
