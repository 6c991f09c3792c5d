"""Reading the `chinesecalendar` package (module `chinese_calendar`), which only seeds our table.

The package encodes each year's State Council notice up to its release (1.11.0: 2004–2026) and
raises NotImplementedError beyond; we ask it only about years it says it covers.
"""

import chinese_calendar
from chinese_calendar.constants import Holiday

# The notices' own names for the festivals (the package's Chinese labels drop the 节 of some).
OFFICIAL_NAMES = {
    Holiday.new_years_day.value: "元旦",
    Holiday.spring_festival.value: "春节",
    Holiday.tomb_sweeping_day.value: "清明节",
    Holiday.labour_day.value: "劳动节",
    Holiday.dragon_boat_festival.value: "端午节",
    Holiday.mid_autumn_festival.value: "中秋节",
    Holiday.national_day.value: "国庆节",
}

# State Council notice numbers we have checked; other years are loaded with a blank number.
NOTICE_NUMBERS = {
    2021: "国办发明电〔2020〕27号",
}


def covered_years():
    """The years the installed package has data for (both ends included)."""
    years = {d.year for d in chinese_calendar.holidays}
    return range(min(years), max(years) + 1)


# The 2019 Regulations' first year: earlier years matter to no open case.
FIRST_USEFUL_YEAR = 2019


def default_years():
    """The years a new install loads: from 2019 to the last year the package covers."""
    covered = covered_years()
    return range(max(FIRST_USEFUL_YEAR, covered[0]), covered[-1] + 1)


def festival_name(package_value):
    if package_value in OFFICIAL_NAMES:
        return OFFICIAL_NAMES[package_value]
    by_value = {h.value: h.chinese for h in Holiday}
    return by_value.get(package_value, package_value or "")


def year_days(year):
    """(holidays, make-up working days) of `year` as sorted [(date, name)] lists.

    Make-up days are named after the festival they serve, as notices do ("国庆节调休").
    """
    holidays = sorted((d, festival_name(v)) for d, v in chinese_calendar.holidays.items() if d.year == year)
    workdays = sorted(
        (d, f"{festival_name(v)}调休" if v else "") for d, v in chinese_calendar.workdays.items() if d.year == year
    )
    return holidays, workdays
