import datetime
import re
import statistics
import time

import pytest
from django.utils import translation

from gongkai.demo.loader import PLAN_FILE
from gongkai.plans.importing import read_plan_file
from gongkai.plans.importing.builder import build_plan
from gongkai.plans.importing.errors import PlanFileError
from gongkai.plans.importing.text_reader import read_text_table

SAMPLE = PLAN_FILE  # the sample as shipped with the demo
HEADER = "事项名称\t主要任务\t牵头部门\t责任单位\t完成时限"
HEADER_WORDS = ("事项名称", "主要任务", "牵头部门", "责任单位", "完成时限")
CJK = r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef“”‘’]"

TITLES = [
    "全面公开各类规划信息", "强化市场监管规则标准和监管执法信息公开", "深化财政信息公开",
    "做好常态化疫情防控信息公开", "推进政府规章和规范性文件公开到位", "强化重大决策事项公开",
    "完成试点领域信息公开标准建设", "深入推进政务新媒体试点建设", "开展政府网站整合",
    "推进集约化平台建设", "完善政府信息公开专栏", "开展政府网站专栏清理", "完成政府网站IPv6改造",
    "规范政务新媒体开设", "用好新闻发布会平台", "加强线下公开平台建设", "做好重要政策解读",
    "创新政策解读形式", "加强政策咨询服务", "切实增强回应关切效果", "全面做好政务服务信息公开",
    "依法依规办理政府信息公开申请", "提升依申请公开答复质量", "提升政务服务公报服务效果",
    "加强工作指导", "改进工作作风", "狠抓任务落实", "加强考核评估",
]
# Checked by eye against the sample: items 4, 8, 18 and 19 span several rows, 7 too.
TASK_COUNTS = {number: 1 for number in range(1, 29)} | {4: 2, 7: 3, 8: 3, 18: 2, 19: 3}
DEADLINE_MONTHS = {  # month of each one-task item's deadline (9月底 or 12月底)
    1: 9, 2: 12, 3: 12, 5: 12, 6: 12, 9: 9, 10: 12, 11: 9, 12: 12, 13: 9, 14: 12, 15: 12, 16: 12,
    17: 12, 20: 12, 21: 12, 22: 9, 23: 9, 24: 12, 25: 12, 26: 12, 27: 9, 28: 12,
}


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture(scope="module")
def plan():
    with translation.override("en"):
        return read_plan_file(SAMPLE.read_bytes(), filename=SAMPLE.name, max_bytes=20 * 1024 * 1024)


def item(plan, number):
    (found,) = [i for i in plan.items() if i.number == str(number)]
    return found


def dates(it):
    return [task.deadline.date for task in it.tasks]


def D(month, day):
    return datetime.date(2021, month, day)


def test_title_and_year(plan):
    assert plan.title == "沈阳市2021年政务公开工作要点任务分解表"
    assert plan.year == 2021


def test_year_argument_wins(plan):
    other = read_plan_file(SAMPLE.read_bytes(), year=2022, max_bytes=10**7)
    assert other.year == 2022
    assert item(other, 1).tasks[0].deadline.date == datetime.date(2022, 9, 30)


def test_sections(plan):
    assert [(s.number, s.title) for s in plan.sections] == [
        ("一", "加强政务公开标准化规范化建设，夯实一流基础"),
        ("二", "加大政府信息公开平台建设，实现一流管理"),
        ("三", "加强解读回应及答复申请，提供一流服务"),
        ("四", "加强保障落实改进工作作风，建设一流队伍"),
    ]
    assert [[i.number for i in s.items] for s in plan.sections] == [
        [str(n) for n in range(1, 9)], [str(n) for n in range(9, 17)],
        [str(n) for n in range(17, 25)], [str(n) for n in range(25, 29)],
    ]


def test_items_and_titles(plan):
    assert [i.number for i in plan.items()] == [str(n) for n in range(1, 29)]
    assert [i.title for i in plan.items()] == TITLES


def test_task_counts_of_all_items(plan):
    assert {int(i.number): len(i.tasks) for i in plan.items()} == TASK_COUNTS


def test_single_task_deadlines(plan):
    for number, month in DEADLINE_MONTHS.items():
        (task,) = item(plan, number).tasks
        assert task.deadline.kind == "date"
        assert task.deadline.date == (D(9, 30) if month == 9 else D(12, 31)), number


def test_simple_rows(plan):
    (first,) = item(plan, 1).tasks
    assert first.text.startswith("主动公开国民经济和社会发展第十四个五年规划纲要")
    assert first.text.endswith("市政府各部门公开本系统规划信息。")
    assert first.lead_units == ["市发展改革委", "市自然资源局", "市政府办公室"]
    assert first.responsible_units == ["区县（市）政府", "区政府各部门"]
    assert item(plan, 2).tasks[0].responsible_units == ["区县（市）政府", "市政府有关部门", "市市场监管局"]
    assert item(plan, 21).tasks[0].lead_units == ["市工商局"]  # never mapped to another unit
    assert item(plan, 13).tasks[0].text.startswith("全市政府网站群全部支持互联网协议第6版")


def test_item_4_shifted_first_row(plan):
    first, second = item(plan, 4).tasks
    assert first.text.startswith("切实增强新冠肺炎疫情防控信息发布及时性针对性")
    assert first.text.endswith("扎实做好疫苗接种信息舆论引导工作。")
    assert first.lead_units == ["市卫健委", "市市场监管局", "市文旅局", "市交通局"]
    assert first.responsible_units == ["区县（市）政府", "市政府各部门"]
    assert first.deadline.date == D(12, 31)
    assert second.text.startswith("提高新冠肺炎疫情防控信息发布规范化水平")
    assert second.lead_units == ["市卫健委"]
    assert second.responsible_units == ["区县（市）政府", "市政府各部门"]
    assert item(plan, 3).tasks[0].text.startswith("稳步扩大预算公开范围")


def test_item_7_merged_lead_and_shifted_units(plan):
    tasks = item(plan, 7).tasks
    assert [t.text[:8] for t in tasks] == ["细化国家26个试", "编制完成重大建设", "持续推进试点工作"]
    assert tasks[0].text == ("细化国家26个试点领域基层政务公开标准指引，进一步丰富公开事项，"
                             "同时对应标准目录做好相关信息公开工作。")
    assert "全省共性公开事项项目录及信息公开标准" in tasks[1].text
    assert dates(item(plan, 7)) == [D(9, 30), D(11, 30), D(11, 30)]
    assert [t.lead_units for t in tasks] == [["市政府办公室", "沈河区政府"]] * 3
    assert tasks[0].responsible_units == ["区县（市）政府", "市政府有关部门"]
    assert tasks[1].responsible_units == ["市发展改革委", "市自然资源局", "沈阳公共资源交易交易中心", "沈河区政府"]
    assert tasks[2].responsible_units == ["区县（市）政府", "市政府有关部门"]


def test_item_8_inherits_lead_and_deadline(plan):
    it = item(plan, 8)
    assert it.title == "深入推进政务新媒体试点建设"
    assert [t.text[:6] for t in it.tasks] == ["制定政府系统", "根据不同平台", "严格审核发布"]
    assert "解读回应、政民互动" in it.tasks[1].text
    assert dates(it) == [D(9, 30), D(12, 31), D(12, 31)]
    assert it.tasks[2].deadline.text == "12月底"
    assert [t.lead_units for t in it.tasks] == [["市政府办公室", "市信息中心"]] * 3
    assert [t.responsible_units for t in it.tasks] == [["区县（市）政府", "市政府各部门"]] * 3


def test_item_9(plan):
    (task,) = item(plan, 9).tasks
    assert task.lead_units == ["市政府办公室"] and task.responsible_units == ["市政府有关部门"]
    assert "信息内容包括政府信息公开指南" in task.text


def test_item_18_second_row_inherits_units(plan):
    first, second = item(plan, 18).tasks
    assert first.text.startswith("继续做好“六稳”“六保”专题栏目信息发布和政策解读工作。")
    assert second.text.startswith("充分运用新闻发布会、访谈、简明问答、H5、动漫动画等形式")
    assert first.lead_units == second.lead_units == ["区政府办公室"]
    assert first.responsible_units == second.responsible_units == ["区县（市）政府", "市政府各部门"]
    assert dates(item(plan, 18)) == [D(12, 31), D(12, 31)]


def test_item_19_three_tasks(plan):
    tasks = item(plan, 19).tasks
    assert tasks[0].text == "政策制定机关要积极解答政策执行机关和社会公众的咨询，精准传达政策意图。"
    assert "依托12345政务服务便民热线" in tasks[1].text
    assert tasks[2].text == "按照国家统一部署，做好与国务院政策问答平台协同联动、对接共享工作。"
    assert dates(item(plan, 19)) == [D(9, 30), D(9, 30), D(12, 31)]
    assert [t.lead_units for t in tasks] == [["市政府办公室", "市工商局"]] * 3
    assert [t.responsible_units for t in tasks] == [["区县（市）政府", "市政府各部门"]] * 3
    assert item(plan, 18).tasks[-1].text.startswith("充分运用")  # row 40 stayed with item 18


def test_paragraph_cells_are_one_clean_task(plan):
    (task,) = item(plan, 23).tasks
    assert task.text.startswith("推进依申请公开标准化规范化建设")
    assert "严格依法依规办理。加强业务培训和案例指导" in task.text
    assert task.text.endswith("确保依法及时规范办理。")


def test_texts_are_clean(plan):
    strings = [plan.title] + [s.title for s in plan.sections]
    strings += [i.title for i in plan.items()] + [t.text for i in plan.items() for t in i.tasks]
    units = [u for i in plan.items() for t in i.tasks for u in t.lead_units + t.responsible_units]
    for text in strings + units:
        assert not any(word in text for word in HEADER_WORDS), text
        assert "<" not in text and ">" not in text, text
        assert not re.search(rf"(?<={CJK})\s|\s(?={CJK})", text), text
        assert text == text.strip() and text
    assert all(re.fullmatch(r"\S+", unit) for unit in units)


def test_all_deadlines_are_dated(plan):
    for it in plan.items():
        for task in it.tasks:
            assert task.deadline.kind == "date" and task.deadline.date.year == 2021
            assert task.deadline.text in ("9月底", "11月底", "12月底")


def test_units_in_document_order(plan):
    names = [u["name"] for u in plan.to_json()["units"]]
    assert names[:5] == ["市发展改革委", "市自然资源局", "市政府办公室", "区县（市）政府", "区政府各部门"]
    assert len(names) == len(set(names))
    assert {"沈阳公共资源交易交易中心", "市工商局", "市营商局", "市营商环境局", "市委网信办"} <= set(names)


def test_warnings(plan):
    found = [(w.where, w.message) for w in plan.warnings]
    assert [where for where, _ in found] == [
        "Item 4, row 1 (line 12)", "Item 4, row 1 (line 12)",
        "Item 7, row 1 (line 18)", "Item 7, row 1 (line 18)", "Item 7, row 1 (line 18)",
        "Item 7, row 2 (line 19)", "Item 7, row 3 (line 20)",
        "Item 8, row 1 (line 21)", "Item 8, row 1 (line 21)",
        "Item 8, row 3 (line 23)", "Item 8, row 3 (line 23)",
        "Item 18, row 2 (line 40)", "Item 18, row 2 (line 40)",
        "Item 19, row 1 (line 43)", "Item 19, row 1 (line 43)",
        "Item 19, row 2 (line 44)", "Item 19, row 2 (line 44)",
    ]
    messages = dict.fromkeys(m for _, m in found)
    text = "\n".join(messages)
    assert "do not line up with the header" in found[0][1]
    assert "item 4 below it" in found[1][1] and "item 3" in found[1][1]
    assert any("read as responsible units" in m and "区县（市）政府 市政府有关部门" in m for _, m in found[2:5])
    assert "“沈阳公共资源交易交易中心” as one unit name" in found[5][1]
    assert found[10][1] == "Empty deadline cell: taken from row 2 of this item (a merged cell): 12月底."
    assert "holds a sentence" in found[13][1] and "item 19 below it" in found[14][1]
    assert "Empty lead units cell" in text and "市政府办公室 市工商局" in found[15][1]


def test_parse_is_fast():
    data = SAMPLE.read_bytes()
    timings = []
    for _ in range(5):
        start = time.perf_counter()
        read_plan_file(data, max_bytes=10**7)
        timings.append(time.perf_counter() - start)
    assert statistics.median(timings) < 0.1


# --- small synthetic tables ---------------------------------------------------------------------


def parse(text, **kwargs):
    return read_plan_file(text.encode(), max_bytes=10**6, **kwargs)


def test_no_header_is_an_error():
    with pytest.raises(PlanFileError) as caught:
        parse("沈阳市2021年工作要点\n\n一、加强工作\n1. 公开信息\t做好公开。\t市政府办公室\n")
    assert caught.value.message.startswith("No plan table found")
    assert "事项名称 / 主要任务 / 牵头部门 / 责任单位 / 完成时限" in caught.value.message


def test_header_without_rows_is_an_error():
    with pytest.raises(PlanFileError) as caught:
        parse(f"2021年表\n{HEADER}\n一、第一部分\t\t\t\t\n{HEADER}\n")
    assert "no items" in caught.value.message


def test_header_variants_in_another_order():
    text = (
        "某市2022年政务公开工作要点\n"
        "序号\t工作事项\t完成时间\t具体任务\t牵头单位\t责任部门\n"
        "1\t公开规划\t6月底\t做好规划公开。\t市发展改革委\t区县（市）政府\n"
        "2\t公开预算\t持续推进\t做好预算公开。\t市财政局\t市政府各部门\n"
    )
    plan = parse(text)
    assert plan.year == 2022
    first, second = plan.items()
    assert (first.number, first.title, second.title) == ("1", "公开规划", "公开预算")
    assert first.tasks[0].text == "做好规划公开。"
    assert first.tasks[0].lead_units == ["市发展改革委"]
    assert first.tasks[0].responsible_units == ["区县（市）政府"]
    assert first.tasks[0].deadline.date == datetime.date(2022, 6, 30)
    assert second.tasks[0].deadline.kind == "ongoing"
    assert plan.warnings == []


def test_unrecognised_deadline_is_kept_with_a_warning():
    plan = parse(f"2021年表\n{HEADER}\n1. 公开\t做好公开。\t市政府办公室\t市政府各部门\t另行通知\n")
    deadline = plan.items()[0].tasks[0].deadline
    assert (deadline.text, deadline.kind, deadline.date) == ("另行通知", "none", None)
    assert [w.message for w in plan.warnings] == [
        "Deadline “另行通知” not understood; kept as text without a date."]


def test_missing_year_is_warned():
    plan = parse(f"工作要点\n{HEADER}\n1. 公开\t做好公开。\t市政府办公室\t市政府各部门\t9月底\n")
    assert plan.year is None
    assert plan.items()[0].tasks[0].deadline.kind == "date"
    assert plan.items()[0].tasks[0].deadline.date is None
    assert "No year" in plan.warnings[0].message


def test_task_broken_by_a_page_break_is_joined():
    text = (f"2021年表\n{HEADER}\n1. 公开\t做好规划信息的\t市政府办公室\t市政府各部门\t9月底\n\n"
            f"{HEADER}\n\t公开工作。\t\t\t\n2. 解读\t做好解读。\t市政府办公室\t市政府各部门\t9月底\n")
    plan = parse(text)
    assert [len(i.tasks) for i in plan.items()] == [1, 1]
    assert plan.items()[0].tasks[0].text == "做好规划信息的公开工作。"
    assert "page break" in plan.warnings[0].message


def test_unnumbered_items():
    text = (f"2021年表\n{HEADER}\n公开规划\t做好规划公开。\t市政府办公室\t市政府各部门\t9月底\n"
            "\t做好历史规划整理。\t\t\t12月底\n公开预算\t做好预算公开。\t市财政局\t市政府各部门\t年底前\n")
    plan = parse(text)
    assert [(i.number, i.title, len(i.tasks)) for i in plan.items()] == [(None, "公开规划", 2), (None, "公开预算", 1)]
    assert plan.items()[0].tasks[1].lead_units == ["市政府办公室"]


def test_item_number_gaps_are_warned():
    plan = parse(f"2021年表\n{HEADER}\n1. 甲\t做甲。\t市政府办公室\t市政府各部门\t9月底\n"
                 "3. 丙\t做丙。\t市政府办公室\t市政府各部门\t9月底\n")
    assert [w.message for w in plan.warnings] == ["Item numbers jump from 1 to 3."]


def test_reader_marks_row_kinds():
    table = read_text_table(SAMPLE.read_text(encoding="utf-8"))
    kinds = [row.kind for row in table.rows]
    assert kinds.count("header") == 8 and kinds.count("section") == 4 and kinds.count("title") == 1
    assert kinds.count("data") == 35
    assert table.rows[4].line == 5 and table.rows[4].merged_from_above is None
    assert build_plan(table).title == table.title == "沈阳市2021年政务公开工作要点任务分解表"
