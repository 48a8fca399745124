"""Bar charts of statements over time, drawn on the server as inline SVG: no JavaScript, readable by screen readers.

A chart is a list of bars (a period and a count per series); several series stack. The SVG has a title and a
description, every bar a tooltip, and the page shows the same numbers in a table for those who cannot see it.
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

MONTH_NAMES = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
# beyond this many months, one bar per year keeps the chart readable on a phone
MAX_MONTH_BARS = 72

MIN_SLOT = 16  # horizontal room per bar, in SVG units
MAX_SLOT = 72
TARGET_PLOT_WIDTH = 560
LABEL_WIDTH = 56
PLOT_HEIGHT = 140
MARGIN_RIGHT = 30
MARGIN_TOP = 12
MARGIN_BOTTOM = 34


@dataclass
class Series:
    key: str
    label: str
    css_class: str


@dataclass
class Bar:
    label: str  # "Nov 2022" or "2022"
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def month_label(month: date) -> str:
    return f"{MONTH_NAMES[month.month - 1]} {month.year}"


def next_month(month: date) -> date:
    return date(month.year + (month.month == 12), month.month % 12 + 1, 1)


def bars_over_time(counts_by_month: dict[date, dict[str, int]]) -> list[Bar]:
    """One bar per month from the first to the last month with statements (empty months included), or per year."""
    if not counts_by_month:
        return []
    first, last = min(counts_by_month), max(counts_by_month)
    span = (last.year - first.year) * 12 + last.month - first.month + 1
    bars: list[Bar] = []
    if span <= MAX_MONTH_BARS:
        month = first
        while month <= last:
            bars.append(Bar(month_label(month), dict(counts_by_month.get(month, {}))))
            month = next_month(month)
        return bars
    for year in range(first.year, last.year + 1):
        totals: dict[str, int] = {}
        for month, counts in counts_by_month.items():
            if month.year == year:
                for key, n in counts.items():
                    totals[key] = totals.get(key, 0) + n
        bars.append(Bar(str(year), totals))
    return bars


def svg_bar_chart(bars: list[Bar], series: list[Series], *, title: str, chart_id: str, unit: str = "statement"):
    """The chart as safe HTML (an <svg> element), or an empty string when there is nothing to draw."""
    if not bars:
        return ""
    peak = max(bar.total for bar in bars) or 1
    # few bars get wide slots so that the chart does not shrink to a sliver; many get narrow ones
    slot = max(MIN_SLOT, min(MAX_SLOT, TARGET_PLOT_WIDTH // len(bars)))
    bar_width = round(slot * 0.7)
    # room on the left for the largest count's digits
    margin_left = 14 + 7 * len(str(peak))
    width = margin_left + len(bars) * slot + MARGIN_RIGHT
    height = MARGIN_TOP + PLOT_HEIGHT + MARGIN_BOTTOM
    baseline = MARGIN_TOP + PLOT_HEIGHT
    # a label takes about LABEL_WIDTH pixels: label every bar when they fit, else every n-th
    label_every = max(1, -(-LABEL_WIDTH // slot))

    shapes = []
    for index, bar in enumerate(bars):
        x = margin_left + index * slot + (slot - bar_width) // 2
        top = baseline
        for one in series:
            n = bar.counts.get(one.key, 0)
            if not n:
                continue
            bar_height = max(1.0, PLOT_HEIGHT * n / peak)
            top -= bar_height
            tooltip = f"{bar.label}: {n} {unit}{'' if n == 1 else 's'}" + (f" ({one.label})" if len(series) > 1 else "")
            # plain f-strings (a chart has hundreds of rects): numbers need no escaping, the text goes through escape()
            shapes.append(
                f'<rect class="bar {escape(one.css_class)}" x="{x}" y="{top:.1f}" width="{bar_width}" '
                f'height="{bar_height:.1f}"><title>{escape(tooltip)}</title></rect>'
            )
        if index % label_every == 0:
            shapes.append(
                f'<text class="axis-label" x="{x + bar_width // 2}" y="{baseline + 16}" text-anchor="middle">'
                f"{escape(bar.label)}</text>"
            )
    axis = format_html(
        '<line class="axis" x1="{l}" y1="{b}" x2="{r}" y2="{b}"/>'
        '<line class="axis" x1="{l}" y1="{t}" x2="{l}" y2="{b}"/>'
        '<text class="axis-label" x="{tx}" y="{b}" text-anchor="end" dy="0.3em">0</text>'
        '<text class="axis-label" x="{tx}" y="{t}" text-anchor="end" dy="0.3em">{peak}</text>',
        l=margin_left, r=width, b=baseline, t=MARGIN_TOP, tx=margin_left - 4, peak=peak,
    )
    total = sum(bar.total for bar in bars)
    description = (
        f"{total} {unit}{'' if total == 1 else 's'} from {bars[0].label} to {bars[-1].label}; "
        f"the most in one period: {peak}. The same numbers are in the table below the chart."
    )
    return format_html(
        '<svg class="chart" id="{id}" role="img" aria-labelledby="{id}-title {id}-desc" viewBox="0 0 {w} {h}" '
        'width="{w}" height="{h}" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>{axis}{shapes}</svg>',
        id=chart_id, w=width, h=height, title=title, desc=description, axis=axis,
        shapes=mark_safe("".join(shapes)),
    )

