"""Geometry for the server-rendered SVG charts; the templates only place what is computed here.

Charts carry a <title> and <desc> and always sit next to a data table with the same numbers, so a
screen reader (or a printout) loses nothing.
"""

from dataclasses import dataclass

WIDTH = 640


@dataclass(frozen=True)
class Bar:
    label: str
    value: int  # 0..scale
    title: str = ""  # full label for the tooltip (e.g. the official unit name)


def bar_chart(bars, *, scale=100, label_width=170, row_height=22, bar_height=14):
    """A horizontal bar chart: one row per bar, value as a share of `scale` (100 for percentages)."""
    plot = WIDTH - label_width - 50  # room on the right for the value text
    rows = []
    for index, bar in enumerate(bars):
        top = 10 + index * row_height
        length = round(plot * max(0, min(bar.value, scale)) / scale, 1) if scale else 0
        rows.append({
            "label": bar.label, "title": bar.title or bar.label, "value": bar.value,
            "label_x": label_width - 8, "text_y": top + bar_height - 3, "bar_x": label_width, "bar_y": top,
            "bar_width": length, "bar_height": bar_height, "value_x": label_width + length + 6,
        })
    ticks = [{"x": label_width + plot * share // 4, "label": scale * share // 4} for share in range(5)]
    height = 10 + len(bars) * row_height + 24
    return {"width": WIDTH, "height": height, "rows": rows, "ticks": ticks, "axis_y": height - 20,
            "plot_top": 6, "plot_bottom": height - 24}


def column_chart(categories, series, *, height=220, left=36, bottom=28):
    """Grouped columns: `categories` along the x axis, `series` = [(key, label, [values])] side by side."""
    top, plot_height = 12, height - bottom - 12
    peak = max([1, *(v for _key, _label, values in series for v in values)])
    step = _nice_step(peak)
    ceiling = -(-peak // step) * step
    slot = (WIDTH - left - 10) / max(1, len(categories))
    column = min(18, slot / (len(series) + 1))
    groups = []
    for index, category in enumerate(categories):
        x0 = left + index * slot + (slot - column * len(series)) / 2
        columns = []
        for offset, (key, label, values) in enumerate(series):
            value = values[index]
            bar = plot_height * value / ceiling
            columns.append({"key": key, "label": label, "value": value, "x": round(x0 + offset * column, 1),
                            "y": round(top + plot_height - bar, 1), "width": round(column - 2, 1),
                            "height": round(bar, 1)})
        groups.append({"label": category, "x": round(left + index * slot + slot / 2, 1), "columns": columns})
    gridlines = [{"y": round(top + plot_height - plot_height * v / ceiling, 1), "value": v}
                 for v in range(0, ceiling + 1, step)]
    return {"width": WIDTH, "height": height, "groups": groups, "gridlines": gridlines, "left": left,
            "label_y": height - bottom + 16, "baseline": top + plot_height}


def _nice_step(peak):
    """A gridline step of 1, 2 or 5 × 10^n giving at most five lines."""
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            if peak / (factor * magnitude) <= 5:
                return factor * magnitude
        magnitude *= 10
