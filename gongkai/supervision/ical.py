"""A unit's deadlines as an iCalendar feed (RFC 5545), written by hand: it is a few lines of text.

What matters and is easy to get wrong: CRLF line endings; content lines folded at 75 octets
(bytes, not characters — a Chinese character is three octets in UTF-8 and must never be split);
TEXT values escape backslash, semicolon, comma and newlines; all-day events use VALUE=DATE with
DTEND the day after; UIDs stay the same across requests so calendar clients update, not duplicate.
"""

import datetime

CRLF = "\r\n"
MAX_OCTETS = 75
PRODID = "-//Gongkai//Supervision deadlines//ZH"


def escape_text(value):
    """RFC 5545 §3.3.11: backslash first, then ; , and newlines."""
    return (str(value).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def fold(line):
    """Split one content line into chunks of at most 75 octets, continuation chunks led by a space."""
    chunks, current, size = [], [], 0
    limit = MAX_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            chunks.append("".join(current))
            current, size = [], 0
            limit = MAX_OCTETS - 1  # the leading space of a continuation line counts
        current.append(char)
        size += width
    chunks.append("".join(current))
    return (CRLF + " ").join(chunks)


def _date(value):
    return value.strftime("%Y%m%d")


def _utc_stamp(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def event_lines(event):
    """The VEVENT of one deadline. `event` has uid, date, summary, description, url, stamp (aware)."""
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event['uid']}",
        f"DTSTAMP:{_utc_stamp(event['stamp'])}",
        f"DTSTART;VALUE=DATE:{_date(event['date'])}",
        f"DTEND;VALUE=DATE:{_date(event['date'] + datetime.timedelta(days=1))}",
        f"SUMMARY:{escape_text(event['summary'])}",
    ]
    if event.get("description"):
        lines.append(f"DESCRIPTION:{escape_text(event['description'])}")
    if event.get("url"):
        lines.append(f"URL:{event['url']}")
    lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    return lines


def calendar_text(*, name, events):
    """The whole feed: VCALENDAR with one VEVENT per event, every line folded, CRLF throughout."""
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}", "X-WR-TIMEZONE:Asia/Shanghai",
    ]
    for event in events:
        lines.extend(event_lines(event))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)
