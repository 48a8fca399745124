"""Queries behind the statements pages: order, count, page, facets, headlines (exports: articles.exports;
how a statement reads: articles.display).

Functions take an already filtered queryset (see articles.filters.StatementFilter), so the home page, the
exports and the feeds share them. The number of SQL queries of the home page is fixed, whatever it shows:
the slug look-ups of the filters, one statement for the facets with no filter of their own (its sample of
the results is also their capped count), one for the facets with an active filter, one for the page's rows
(with their speaker, article and channel joined in).

At a million statements the costly parts are counting, faceting and ranking huge result sets, so all three
are capped: the count stops at RESULT_CAP ("more than 5,000"), the facets count over at most FACET_SAMPLE
matching rows (exact below that, flagged as a sample above it), and past RELEVANCE_CAP matches the page is
ordered newest first instead of by relevance (and says so).
"""

import math
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.postgres.search import SearchHeadline, SearchRank
from django.db import connection
from django.db.models import F, QuerySet
from django.utils.safestring import mark_safe

from articles.display import MARK_START, MARK_STOP, escape_html
from articles.filters import search_query
from articles.models import SEARCH_CONFIG, Statement

PAGE_SIZE = 50
# Counting (and the facets' sample) stops here: "more than 5,000 statements", 100 pages. At a million
# statements on two cores, finding 10,000 matches of a broad filter costs ~2x what 5,000 does.
RESULT_CAP = getattr(settings, "PARLEY_RESULT_CAP", 5_000)
FACET_LIMIT = 10
# one more than RESULT_CAP: the facets' sample of the results then doubles as their capped count
FACET_SAMPLE = RESULT_CAP + 1
# Ranking by relevance scores every match; past this many matches the page shows newest first instead
# (and says so): a common word would otherwise rank hundreds of thousands of rows per page view.
RELEVANCE_CAP = RESULT_CAP

# --- ordering ----------------------------------------------------------------------------------------------

NEWEST = (F("said_on").desc(nulls_last=True), F("article__published").desc(nulls_last=True), F("id").desc())
OLDEST = (F("said_on").asc(nulls_last=True), F("article__published").asc(nulls_last=True), F("id").asc())


def order_statements(queryset: QuerySet, sort: str, search_text: str = "") -> QuerySet:
    """sort is relevance (needs a search), newest or oldest; newest by when said, then when reported."""
    if sort == "relevance" and search_text:
        rank = SearchRank(F("search_vector"), search_query(search_text))
        return queryset.annotate(rank=rank).order_by(F("rank").desc(), *NEWEST)
    if sort == "oldest":
        return queryset.order_by(*OLDEST)
    return queryset.order_by(*NEWEST)


def for_display(queryset: QuerySet) -> QuerySet:
    """Join what a result line shows, and leave out the large columns it does not."""
    return queryset.select_related("speaker", "article", "channel", "reported_via").defer(
        "search_vector", "article__body", "article__search_vector", "article__subtitle"
    )


def add_headlines(statements: list, search_text: str) -> None:
    """Give each statement of one page `headline`: its words with the search terms between the mark
    sentinels. A query of its own for the page's rows: in the page's query, ts_headline would also run for
    every row an OFFSET skips (2,450 of them on page 50)."""
    if not search_text or not statements:
        return
    headlines = dict(
        Statement.objects.filter(pk__in=[statement.pk for statement in statements])
        .order_by()
        .annotate(
            headline=SearchHeadline(
                "content",
                search_query(search_text),
                config=SEARCH_CONFIG,
                start_sel=MARK_START,
                stop_sel=MARK_STOP,
                highlight_all=True,
            )
        )
        .values_list("pk", "headline")
    )
    for statement in statements:
        statement.headline = headlines.get(statement.pk)


# --- counting and pages ------------------------------------------------------------------------------------


def count_upto(queryset: QuerySet, cap: int | None = None) -> int:
    """Count the results, stopping at cap + 1 (default RESULT_CAP): beyond that the page says "more than"."""
    cap = RESULT_CAP if cap is None else cap
    return queryset.order_by()[: cap + 1].count()


class BadPage(ValueError):
    """page=abc: the client's mistake, a 400."""


class PageNotFound(LookupError):
    """A page past the last one: a 404."""


def parse_page(text: str | None) -> int:
    if text is None or text == "":
        return 1
    try:
        number = int(text)
    except ValueError:
        raise BadPage(f"“{text}” is not a page number") from None
    if number < 1:
        raise BadPage(f"“{text}” is not a page number; pages start at 1")
    return number


@dataclass
class ResultPage:
    number: int
    count: int  # capped at RESULT_CAP + 1
    items: list = field(default_factory=list)
    page_size: int = PAGE_SIZE

    @property
    def count_is_capped(self) -> bool:
        return self.count > RESULT_CAP

    @property
    def num_pages(self) -> int:
        return max(1, math.ceil(min(self.count, RESULT_CAP) / self.page_size))

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def start_index(self) -> int:
        return (self.number - 1) * self.page_size + 1 if self.items else 0

    @property
    def end_index(self) -> int:
        return (self.number - 1) * self.page_size + len(self.items)


def result_page(queryset: QuerySet, number: int, page_size: int = PAGE_SIZE, *, count=None) -> ResultPage:
    """One page of an ordered queryset; PageNotFound past the last page (page 1 always exists).
    count: count_upto() of the results if already known."""
    if count is None:
        count = count_upto(queryset)
    page = ResultPage(number=number, count=count, page_size=page_size)
    if number > page.num_pages:
        raise PageNotFound(number)
    offset = (number - 1) * page_size
    page.items = list(queryset[offset : offset + page_size])
    return page


# --- facets ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FacetSpec:
    parameter: str  # the URL parameter it sets
    legend: str
    value: str  # the lookup whose value goes into the URL
    label: str  # the lookup shown to people
    multiple: bool = False  # the parameter may repeat (checkboxes) or not (radio buttons)
    choices: dict | None = None  # labels of fixed choices


FACETS = [
    FacetSpec("speaker", "Speaker", "speaker__slug", "speaker__name", multiple=True),
    FacetSpec("country", "Speaker's country", "speaker__country", "speaker__country", multiple=True),
    FacetSpec("channel", "Channel", "channel__slug", "channel__label"),
    FacetSpec("stance", "Stance", "stance", "stance", choices=dict(Statement.Stance.choices)),
    FacetSpec("kind", "Kind", "kind", "kind", choices=dict(Statement.Kind.choices)),
    FacetSpec("outlet", "Outlet", "article__outlet", "article__outlet"),
]


@dataclass
class FacetOption:
    value: str
    label: str
    count: int | None  # None: selected, but not among the counted rows
    selected: bool


@dataclass
class Facet:
    spec: FacetSpec
    options: list
    sampled: bool  # counted over the first FACET_SAMPLE matches only

    @property
    def parameter(self):
        return self.spec.parameter

    def options_html(self) -> str:
        """The facet's options as the list items of statements/list.html: "Any" for a single-choice facet,
        then a checkbox or radio button per option with its count. Built here rather than by the template:
        some sixty options a page cost ~15 ms of template rendering (the page's own markup is unchanged)."""
        e = escape_html
        name, multiple = e(self.spec.parameter), self.spec.multiple
        parts = []
        if not multiple:
            any_checked = "" if self.options and self.options[0].selected else " checked"
            parts.append(
                f'\n          <li><span><input type="radio" id="f-{name}-any" name="{name}" value=""{any_checked}>'
                f'<label for="f-{name}-any">Any</label></span></li>\n          '
            )
        parts.append("\n          ")
        kind = "checkbox" if multiple else "radio"
        for number, option in enumerate(self.options, start=1):
            count = ""
            if option.count is not None:
                count = f'{e(option.count)}<span class="visually-hidden"> statements</span>'
            checked = " checked" if option.selected else ""
            parts.append(
                f'\n          <li><span><input type="{kind}" id="f-{name}-{number}" name="{name}" value="{e(option.value)}"'
                f'{checked}><label for="f-{name}-{number}">{e(option.label)}</label></span>\n'
                f'            <span class="count">{count}</span></li>\n          '
            )
        return mark_safe("".join(parts))


# Each facet's counts from the sample of matching statements, as (value, label, n); "sample" is the CTE.
FACET_SQL = {
    "speaker": """SELECT a.slug AS value, a.name AS label, b.n
        FROM (SELECT speaker_id, count(*) AS n FROM sample GROUP BY speaker_id) b
        JOIN articles_actor a ON a.id = b.speaker_id""",
    "country": """SELECT a.country AS value, a.country AS label, sum(b.n)::bigint AS n
        FROM (SELECT speaker_id, count(*) AS n FROM sample GROUP BY speaker_id) b
        JOIN articles_actor a ON a.id = b.speaker_id WHERE a.country <> '' GROUP BY a.country""",
    "channel": """SELECT c.slug AS value, c.label AS label, b.n
        FROM (SELECT channel_id, count(*) AS n FROM sample WHERE channel_id IS NOT NULL GROUP BY channel_id) b
        JOIN articles_channel c ON c.id = b.channel_id""",
    "stance": "SELECT stance AS value, stance AS label, count(*) AS n FROM sample GROUP BY stance",
    "kind": "SELECT kind AS value, kind AS label, count(*) AS n FROM sample GROUP BY kind",
    # the outlet looked up once per article by its index (OFFSET 0 keeps it so): as a plain join PostgreSQL
    # hashes all the articles (~50 ms at 100,000), as a scalar subquery it probes up to three times per article
    "outlet": """SELECT ar.outlet AS value, ar.outlet AS label, sum(b.n)::bigint AS n
        FROM (SELECT article_id, count(*) AS n FROM sample GROUP BY article_id) b
        CROSS JOIN LATERAL (SELECT outlet FROM articles_article WHERE id = b.article_id OFFSET 0) ar
        WHERE ar.outlet <> '' GROUP BY ar.outlet""",
}


# The same facets over the sample's rows after other facets' filters apply to them. Speakers and channels
# are filtered and grouped by id and named after grouping; country and outlet need a join per sample row,
# made only when one of them is active. parameter -> (column the filter compares, its SQL array type).
ROW_FILTER_COLUMNS = {
    "speaker": ("speaker_id", "bigint[]"),
    "country": ("country", "text[]"),
    "channel": ("channel_id", "bigint[]"),
    "stance": ("stance", "text[]"),
    "kind": ("kind", "text[]"),
    "outlet": ("outlet", "text[]"),
}
ROW_FACET_SQL = {
    "speaker": """SELECT a.slug AS value, a.name AS label, g.n
        FROM (SELECT speaker_id, count(*) AS n FROM rows WHERE {conditions} GROUP BY speaker_id) g
        JOIN articles_actor a ON a.id = g.speaker_id""",
    "channel": """SELECT c.slug AS value, c.label AS label, g.n
        FROM (SELECT channel_id, count(*) AS n FROM rows WHERE channel_id IS NOT NULL AND {conditions}
              GROUP BY channel_id) g
        JOIN articles_channel c ON c.id = g.channel_id""",
    "country": """SELECT country AS value, country AS label, count(*) AS n FROM rows
        WHERE country <> '' AND {conditions} GROUP BY country""",
    "stance": "SELECT stance AS value, stance AS label, count(*) AS n FROM rows WHERE {conditions} GROUP BY stance",
    "kind": "SELECT kind AS value, kind AS label, count(*) AS n FROM rows WHERE {conditions} GROUP BY kind",
    "outlet": """SELECT outlet AS value, outlet AS label, count(*) AS n FROM rows
        WHERE outlet <> '' AND {conditions} GROUP BY outlet""",
}


def _sample_sql(queryset: QuerySet):
    sample = queryset.order_by().values("speaker_id", "channel_id", "stance", "kind", "article_id")[:FACET_SAMPLE]
    return sample.query.sql_with_params()


def _run_facets(ctes_sql: str, params: list, parts: list, selected: dict, limit: int, labels: dict):
    """Run one statement: the CTEs, then per facet its top rows (selected values first), then the sample's
    size. parts: [(spec, SQL giving value, label, n, its params)]. Returns ({parameter: Facet}, sample size)."""
    params = list(params)
    selects = []
    for spec, facet_sql, facet_params in parts:
        chosen = selected.get(spec.parameter, [])
        selects.append(
            f"""(SELECT %s::text AS facet, value::text, label::text, n::bigint FROM ({facet_sql}) f
                ORDER BY coalesce(value = ANY(%s::text[]), false) DESC, n DESC, label LIMIT %s)"""
        )
        params += [spec.parameter, *facet_params, list(chosen), limit + len(chosen)]
    selects.append("(SELECT 'sample size', NULL, NULL, count(*) FROM sample)")
    with connection.cursor() as cursor:
        cursor.execute(ctes_sql + "\n" + "\nUNION ALL\n".join(selects), params)
        rows = cursor.fetchall()
    sample_size = next(n for facet, _, _, n in rows if facet == "sample size")
    facets = {}
    for spec, _, _ in parts:
        chosen = selected.get(spec.parameter, [])
        options = [
            FacetOption(
                value=value,
                label=spec.choices.get(value, value) if spec.choices else label,
                count=n,
                selected=value in chosen,
            )
            for facet, value, label, n in rows
            if facet == spec.parameter
        ]
        # the selected values stay visible (and can be unticked) even when not counted here
        counted = {option.value for option in options}
        known = spec.choices or labels.get(spec.parameter, {})
        missing = [
            FacetOption(value=value, label=known.get(value, value), count=None, selected=True)
            for value in chosen
            if value not in counted
        ]
        picked = [option for option in options if option.selected] + missing
        others = [option for option in options if not option.selected][:limit]
        facets[spec.parameter] = Facet(spec=spec, options=picked + others, sampled=sample_size >= FACET_SAMPLE)
    return facets, sample_size


def facets_over(
    queryset: QuerySet, specs: list, selected: dict, limit: int = FACET_LIMIT, labels: dict | None = None
) -> tuple[dict, int]:
    """The top `limit` values of each facet in `specs` over `queryset`, with counts, selected values first:
    ({parameter: Facet}, how many rows were counted). One SQL statement: a sample of at most FACET_SAMPLE
    matching rows (exact below that), grouped once per facet; names are joined in after grouping, so only
    the groups are looked up. labels: {parameter: {value: label}} for selected values that are not counted."""
    sample_sql, params = _sample_sql(queryset)
    parts = [(spec, FACET_SQL[spec.parameter], []) for spec in specs]
    return _run_facets(f"WITH sample AS MATERIALIZED ({sample_sql})", params, parts, selected, limit, labels or {})


def active_facets_over(
    queryset: QuerySet,
    specs: list,
    selected: dict,
    filter_values: dict,
    limit: int = FACET_LIMIT,
    labels: dict | None = None,
) -> tuple[dict, int]:
    """Facets that have a filter of their own, each counted with the *other* filters: `queryset` has none of
    these facets' filters, and each facet applies the others' to one shared sample of it. One SQL statement
    however many facets are active. Exact while the sample holds all of `queryset`.
    filter_values: {parameter: values as compared in SQL} (ids for speaker and channel)."""
    sample_sql, params = _sample_sql(queryset)
    active = {spec.parameter for spec in specs}
    columns, joins = ["sample.speaker_id", "sample.channel_id", "sample.stance", "sample.kind"], []
    if "country" in active:
        columns.append("a.country")
        joins.append("JOIN articles_actor a ON a.id = sample.speaker_id")
    if "outlet" in active:
        # a probe of the article's index per row; a join would hash all the articles (50 ms at 100,000)
        columns.append("(SELECT ar.outlet FROM articles_article ar WHERE ar.id = sample.article_id) AS outlet")
    rows_sql = f"rows AS MATERIALIZED (SELECT {', '.join(columns)} FROM sample {' '.join(joins)})"
    parts = []
    for spec in specs:
        conditions, condition_params = ["true"], []
        for other in specs:
            if other is not spec:
                column, array_type = ROW_FILTER_COLUMNS[other.parameter]
                conditions.append(f"{column} = ANY(%s::{array_type})")
                condition_params.append(list(filter_values[other.parameter]))
        facet_sql = ROW_FACET_SQL[spec.parameter].format(conditions=" AND ".join(conditions))
        parts.append((spec, facet_sql, condition_params))
    ctes = f"WITH sample AS MATERIALIZED ({sample_sql}),\n{rows_sql}"
    return _run_facets(ctes, params, parts, selected, limit, labels or {})


def facet_counts(filterset) -> tuple[list, int | None]:
    """All facets of the home page, each counted with the *other* filters applied, in two SQL statements at
    most, whatever the page shows: the facets with no active filter over the results; the facets with one
    over the results without any facet filter, each applying the other facets' filters to that sample.
    Also returns count_upto() of the results when that came for free (the first statement's sample)."""
    selected = {spec.parameter: selected_values(filterset, spec.parameter) for spec in FACETS}
    cleaned = filterset.form.cleaned_data
    labels = {
        "speaker": {actor.slug: actor.name for actor in cleaned.get("speaker") or []},
        "channel": {cleaned["channel"].slug: cleaned["channel"].label} if cleaned.get("channel") else {},
    }
    idle = [spec for spec in FACETS if not selected[spec.parameter]]
    active = [spec for spec in FACETS if selected[spec.parameter]]
    facets, result_count = {}, None
    if idle:
        facets, result_count = facets_over(filterset.qs, idle, selected, labels=labels)
    if active:
        filter_values = dict(selected)
        filter_values["speaker"] = [actor.pk for actor in cleaned.get("speaker") or []]
        filter_values["channel"] = [cleaned["channel"].pk] if cleaned.get("channel") else []
        without = filterset.queryset_without(*(spec.parameter for spec in active))
        facets.update(active_facets_over(without, active, selected, filter_values, labels=labels)[0])
    return [facets[spec.parameter] for spec in FACETS], result_count


def selected_values(filterset, parameter) -> list[str]:
    """The values of one facet's parameter in the URL, as the facet lists them."""
    value = filterset.form.cleaned_data.get(parameter)
    if not value:
        return []
    if parameter == "speaker":
        return [actor.slug for actor in value]
    if parameter == "channel":
        return [value.slug]
    if isinstance(value, list):
        return value
    return [value]
