"""Channel pages: every channel with its parties, and one channel's statements stance by stance over time."""

from django.shortcuts import get_object_or_404, render

from articles import querying
from articles.models import Channel, Statement
from articles.views import _charts, _queries

# the most recent statements shown per stance; the rest are a click away on the statements page
PER_STANCE = 10
# the two stances that answer "are they talking?" stand side by side; the others follow
FACING_STANCES = [Statement.Stance.CONFIRMS_CONTACT, Statement.Stance.DENIES_CONTACT]
OTHER_STANCES = [s for s in Statement.Stance if s not in FACING_STANCES]


CHANNELS_PER_PAGE = 50


@_queries.with_bad_request_page
def channel_list(request):
    page = _queries.paginate(request, _queries.channels_in_order(), CHANNELS_PER_PAGE)
    page.object_list = _queries.with_statement_counts(page.object_list, "channel_id")
    return render(
        request, "channels/channel_list.html", {"page": page, "page_query": _queries.query_without_page(request)}
    )


def channel_detail(request, slug):
    channel = get_object_or_404(Channel.objects.prefetch_related("parties"), slug=slug)
    months, by_month, undated = _queries.monthly_counts_by_stance(channel)
    dated: dict[str, int] = {}
    for month_counts in by_month.values():
        for stance, n in month_counts.items():
            dated[stance] = dated.get(stance, 0) + n
    counts = {stance: dated.get(stance, 0) + undated.get(stance, 0) for stance in set(dated) | set(undated)}
    latest = _queries.latest_by_stance(channel, PER_STANCE, dated, undated)

    def column(stance):
        return {
            "stance": stance,
            "label": stance.label,
            "statements": querying.decorate(latest.get(stance.value, [])),
            "count": counts.get(stance.value, 0),
            "more": counts.get(stance.value, 0) > PER_STANCE,
        }

    series = [_charts.Series(s.value, s.label, f"series-{s.value}") for s in Statement.Stance]
    bars = _charts.bars_over_time(by_month)
    used_series = [one for one in series if counts.get(one.key)]
    chart = _charts.svg_bar_chart(
        bars, used_series, title=f"Statements about {channel.label} over time, by stance", chart_id="channel-chart"
    )
    table_rows = [(bar.label, [bar.counts.get(one.key, 0) for one in used_series], bar.total) for bar in bars]
    return render(
        request,
        "channels/channel_detail.html",
        {
            "channel": channel,
            "total": sum(counts.values()),
            "facing": [column(s) for s in FACING_STANCES],
            "others": [column(s) for s in OTHER_STANCES if counts.get(s.value)],
            "per_stance": PER_STANCE,
            "chart": chart,
            "series": used_series,
            "table_rows": table_rows,
            "undated": sum(undated.values()),
            "undated_cells": [undated.get(one.key, 0) for one in used_series],
            "period": "year" if bars and len(bars[0].label) == 4 else "month",
        },
    )
