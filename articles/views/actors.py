"""Actor pages: the list with search and filters, and one actor with their statements over time."""

from django.shortcuts import get_object_or_404, render

from articles import display
from articles.models import Actor
from articles.views import _charts, _queries

STATEMENTS_PER_PAGE = 20


@_queries.with_bad_request_page
def actor_list(request):
    q = request.GET.get("q", "").strip()
    kind = _queries.choice_param(request, "kind", Actor.Kind.values)
    country = _queries.country_param(request)
    page = _queries.paginate(request, _queries.actors_matching(q, kind, country))
    page.object_list = _queries.with_statement_counts(page.object_list, "speaker_id")
    return render(
        request,
        "actors/actor_list.html",
        {
            "page": page,
            "q": q,
            "kind": kind,
            "country": country,
            "kinds": Actor.Kind.choices,
            "countries": _queries.actor_countries(),
            "filtered": bool(q or kind or country),
            "page_query": _queries.query_without_page(request),
        },
    )


@_queries.with_bad_request_page
def actor_detail(request, slug):
    actor = get_object_or_404(Actor.objects.prefetch_related("aliases"), slug=slug)
    statements = _queries.statements_with_relations().filter(speaker=actor)
    monthly, undated = _queries.monthly_counts(statements)
    dated = sum(n for _, n in monthly)
    newest_first = _queries.NewestFirst(statements, "said_on", dated, undated)
    page = _queries.paginate(request, newest_first, STATEMENTS_PER_PAGE)
    bars = _charts.bars_over_time({month: {"all": n} for month, n in monthly})
    chart = _charts.svg_bar_chart(
        bars,
        [_charts.Series("all", "Statements", "series-all")],
        title=f"Statements by {actor.name} over time",
        chart_id="actor-chart",
    )
    return render(
        request,
        "actors/actor_detail.html",
        {
            "actor": actor,
            # the canonical name is stored as an alias too; "also known as" lists the others
            "other_names": [alias.name for alias in actor.aliases.all() if alias.name != actor.name],
            "page": page,
            "statements": display.decorate(page.object_list),
            "statement_count": page.paginator.count,
            "bars": bars,
            "chart": chart,
            "undated": undated,
            "channels": _queries.channels_spoken_about(actor),
            "alongside": _queries.reported_alongside(actor),
            "sampled": page.paginator.count > _queries.SAMPLE,
            "sample": _queries.SAMPLE,
            "page_query": _queries.query_without_page(request),
        },
    )
