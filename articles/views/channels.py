"""Channel pages: every channel with its parties, and one channel's statements stance by stance over time."""

from datetime import timedelta

from django.shortcuts import get_object_or_404, render

from articles import display
from articles.models import Channel, Statement
from articles.views import _charts, _queries

# the most recent statements shown per stance (fewer for the stances below the two facing columns);
# the rest are a click away on the statements page
PER_STANCE = 10
PER_OTHER_STANCE = 5
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
    statements = Statement.objects.filter(channel=channel)
    # counts and chart stay within CHART_WINDOW statements, so that a channel with a million costs the same
    window = _queries.CHART_WINDOW
    total = _queries.count_upto(statements, window)
    undated = _queries.count_upto(statements.filter(said_on__isnull=True), window)
    since = _queries.chart_start(statements, window)
    by_month = _queries.counts_by_month_and_stance(statements, since)

    shown = {s.value: PER_STANCE if s in FACING_STANCES else PER_OTHER_STANCE for s in Statement.Stance}
    latest = _queries.latest_by_stance(channel, shown)

    def column(stance):
        statements_shown = latest.get(stance.value, [])
        return {
            "stance": stance,
            "label": stance.label,
            "statements": display.decorate(statements_shown),
            "shown": len(statements_shown),
            # as many as asked for: there may be more
            "more": len(statements_shown) == shown[stance.value],
        }

    charted = {stance for counts in by_month.values() for stance in counts}
    series = [_charts.Series(s.value, s.label, f"series-{s.value}") for s in Statement.Stance if s.value in charted]
    bars = _charts.bars_over_time(by_month)
    chart = _charts.svg_bar_chart(
        bars, series, title=f"Statements about {channel.label} over time, by stance", chart_id="channel-chart"
    )
    table_rows = [(bar.label, [bar.counts.get(one.key, 0) for one in series], bar.total) for bar in bars]
    return render(
        request,
        "channels/channel_detail.html",
        {
            "channel": channel,
            "total": total,
            "total_capped": total > window,
            "window": window,
            "facing": [column(s) for s in FACING_STANCES],
            "others": [column(s) for s in OTHER_STANCES if s.value in latest],
            "chart": chart,
            "since": since,
            "before_since": since - timedelta(days=1) if since else None,
            "series": series,
            "table_rows": table_rows,
            "undated": undated,
            "undated_capped": undated > window,
            "period": "year" if bars and len(bars[0].label) == 4 else "month",
        },
    )
