"""iCalendar text by hand: folding at 75 octets without splitting Chinese characters, escaping, CRLF."""

import datetime
from zoneinfo import ZoneInfo

from gongkai.supervision.ical import CRLF, calendar_text, escape_text, fold

TASK = ("依托政府网站集中统一发布“十四五”规划及专项规划，做好规划解读，全面准确反映规划编制背景、"
        "目标任务、重点工作；及时公开规划实施情况, 主动回应社会关切; 见附件\\")


def unfold(text):
    return text.replace(CRLF + " ", "")


def test_folding_counts_octets_and_never_splits_a_character():
    line = "SUMMARY:" + escape_text(TASK)
    folded = fold(line)
    physical = folded.split(CRLF)
    assert len(physical) > 3
    for number, chunk in enumerate(physical):
        octets = chunk.encode("utf-8")
        assert len(octets) <= 75
        octets.decode("utf-8")  # a split three-octet character would not decode
        assert (number == 0) != chunk.startswith(" ")
    assert unfold(folded) == line
    # Full chunks use the room: 75 octets for the first line, 74 + the space for the others,
    # give or take the two octets a three-octet character may leave unused.
    assert all(len(chunk.encode()) >= 73 for chunk in physical[:-1])


def test_short_lines_are_left_alone():
    assert fold("VERSION:2.0") == "VERSION:2.0"
    exactly = "X" * 75
    assert fold(exactly) == exactly
    assert fold(exactly + "Y") == exactly + CRLF + " Y"


def test_text_escaping():
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    assert escape_text("甲\r\n乙") == "甲\\n乙"


def test_calendar_text_is_crlf_all_day_and_escaped():
    stamp = datetime.datetime(2021, 7, 5, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
    text = calendar_text(name="沈河区人民政府, deadlines", events=[{
        "uid": "assignment-7@gongkai", "date": datetime.date(2021, 9, 30), "stamp": stamp,
        "summary": f"[1.1] {TASK}", "description": "第一行\n第二行", "url": "http://localhost:8000/ledger/assignments/7/",
    }])
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")  # no bare line feeds
    lines = unfold(text).split(CRLF)
    assert "X-WR-CALNAME:沈河区人民政府\\, deadlines" in lines
    assert "DTSTART;VALUE=DATE:20210930" in lines
    assert "DTEND;VALUE=DATE:20211001" in lines
    assert "DTSTAMP:20210705T013000Z" in lines  # 09:30 in Shanghai is 01:30 UTC
    assert "UID:assignment-7@gongkai" in lines
    assert "DESCRIPTION:第一行\\n第二行" in lines
    summary = next(line for line in lines if line.startswith("SUMMARY:"))
    assert summary == "SUMMARY:[1.1] " + escape_text(TASK)
    assert "\\;" in summary and "\\," in summary and summary.endswith("\\\\")
