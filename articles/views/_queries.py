"""Queries and parameter checks behind the actor, article and channel pages.

Every function here returns a queryset or a fixed number of rows, so that a page runs the same number of
SQL queries whatever the number of items it shows.
"""

import re
from datetime import date, datetime, time, timedelta
from datetime import timezone as dt_timezone
from functools import wraps

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.exceptions import BadRequest
from django.core.paginator import EmptyPage, Paginator
from django.db.models import Count, Exists, F, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import render

from articles import querying
from articles.models import SEARCH_CONFIG, Actor, Alias, Article, Channel, Statement

PAGE_SIZE = 25
# a search on the article list is ordered by relevance when it matches at most this many articles
RANK_LIMIT = 1000
# the article list counts (and pages through) at most this many results
COUNT_CAP = 1000
# a channel's chart covers the whole months of its latest this many dated statements; its counts stop here
CHART_WINDOW = 20_000
# an actor's channels and the actors reported alongside them are counted over their latest this many statements
SAMPLE = 500
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
COUNTRY_CODE = re.compile(r"^[A-Za-z]{2}$")


# --- parameters -------------------------------------------------------------------------------------------


class BadParameter(BadRequest):
    """A GET parameter whose value makes no sense: the 400 page names it, what was given and what it expects."""

    def __init__(self, parameter: str, given: str, problem: str, expected: str):
        super().__init__(f"{parameter}={given!r}: {problem}")
        self.parameter, self.given, self.problem, self.expected = parameter, given, problem, expected

    def as_problem(self) -> dict:
        """In the shape templates/400.html lists."""
        return {"parameter": self.parameter, "given": self.given, "problems": [self.problem], "expected": self.expected}


def choice_param(request, name: str, choices) -> str:
    """A GET parameter that must be one of `choices` (or empty)."""
    value = request.GET.get(name, "").strip()
    if value and value not in choices:
        raise BadParameter(name, value, f"unknown {name}", "one of " + ", ".join(choices))
    return value


def country_param(request, name: str = "country") -> str:
    value = request.GET.get(name, "").strip()
    if value and not COUNTRY_CODE.match(value):
        raise BadParameter(name, value, "not a country code", "a two-letter ISO 3166 code such as RU or US")
    return value.upper()


def date_param(request, name: str) -> date | None:
    value = request.GET.get(name, "").strip()
    if not value:
        return None
    try:
        if not ISO_DATE.match(value):
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise BadParameter(name, value, "not a date", "a date written YYYY-MM-DD, such as 2022-11-07")


def paginate(request, queryset, per_page: int = PAGE_SIZE):
    """The requested page; 400 for a page number that is not a positive whole number, 404 past the end."""
    raw = request.GET.get("page", "").strip() or "1"
    if not raw.isdigit() or int(raw) < 1:
        raise BadParameter("page", raw, "not a page number", "a whole number from 1")
    paginator = Paginator(queryset, per_page)
    try:
        return paginator.page(int(raw))
    except EmptyPage:
        raise Http404(f"There is no page {raw}: the last page is {paginator.num_pages}.")


def query_without_page(request) -> str:
    """The current GET parameters minus `page`, url-encoded, for the pager's links."""
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


# --- actors -----------------------------------------------------------------------------------------------


def actors_matching(q: str = "", kind: str = "", country: str = ""):
    """Actors whose name or one of whose aliases contains `q`, in alphabetical order.

    Not ordered by number of statements: that would count the statements of every actor (a million rows)
    for each page; the page counts those of its own actors with statement_counts().
    """
    actors = Actor.objects.all()
    if q:
        alias_matches = Alias.objects.filter(actor=OuterRef("pk"), name__icontains=q)
        actors = actors.filter(Q(name__icontains=q) | Exists(alias_matches))
    if kind:
        actors = actors.filter(kind=kind)
    if country:
        actors = actors.filter(country=country)
    return actors.order_by("name")


def with_statement_counts(objects, field: str) -> list:
    """Set `statement_count` on each of `objects` (actors by speaker, channels by channel), in one query that
    counts only their statements (an index-only scan)."""
    objects = list(objects)
    counts = dict(
        Statement.objects.filter(**{f"{field}__in": [obj.pk for obj in objects]})
        .order_by()
        .values_list(field)
        .annotate(n=Count("*"))
        .values_list(field, "n")
    )
    for obj in objects:
        obj.statement_count = counts.get(obj.pk, 0)
    return objects


def actor_countries() -> list[str]:
    """The countries of the archive's actors, for the country filter."""
    return list(Actor.objects.exclude(country="").order_by("country").values_list("country", flat=True).distinct())


def statements_with_relations():
    """Statements with everything their list item (templates/includes/statement_item.html) shows, in one query."""
    return querying.for_display(Statement.objects.all())


class Counted:
    """A queryset whose number of rows is already known, so that the Paginator does not count it again."""

    def __init__(self, queryset, count: int):
        self.queryset, self.count_known = queryset, count

    def __len__(self) -> int:
        return self.count_known

    def __getitem__(self, index):
        return list(self.queryset[index])


class NewestFirst:
    """Rows newest first by a nullable date column, those without a date after them (latest stored first),
    as a sequence a Paginator can slice.

    Ordering by "<date> DESC NULLS LAST" in one query makes PostgreSQL sort every matching row: a b-tree index
    on the date, walked backwards, gives NULLS FIRST. So the dated and the undated rows are two index-friendly
    queries, and a slice takes from the one or both it covers. The caller supplies both counts (often known
    already, e.g. from a chart's query).
    """

    def __init__(self, queryset, field: str, dated_count: int, undated_count: int):
        self.dated = queryset.filter(**{f"{field}__isnull": False}).order_by(F(field).desc(), F("id").desc())
        self.undated = queryset.filter(**{f"{field}__isnull": True}).order_by(F("id").desc())
        self.dated_count, self.undated_count = dated_count, undated_count

    def __len__(self) -> int:
        return self.dated_count + self.undated_count

    def __getitem__(self, index):
        if not isinstance(index, slice) or index.step not in (None, 1):
            raise TypeError("NewestFirst only supports plain slices")
        start = max(0, index.start or 0)
        stop = len(self) if index.stop is None else min(index.stop, len(self))
        if stop <= start:
            return []
        items = []
        if start < self.dated_count:
            items += list(self.dated[start : min(stop, self.dated_count)])
        if stop > self.dated_count:
            items += list(self.undated[max(0, start - self.dated_count) : stop - self.dated_count])
        return items


def monthly_counts(statements) -> tuple[list[tuple[date, int]], int]:
    """(month, number of statements said that month) in date order, and how many have no known date.

    Counted per day in SQL and folded into months here: COUNT(*) grouped by said_on alone is an index-only
    scan of (speaker, said_on), about 20 ms for an actor with 50,000 statements; date_trunc or COUNT(id)
    would read every row from the table instead.
    """
    rows = statements.order_by().values_list("said_on").annotate(n=Count("*")).values_list("said_on", "n")
    by_month: dict[date, int] = {}
    undated = 0
    for said_on, n in rows:
        if said_on is None:
            undated += n
        else:
            month = said_on.replace(day=1)
            by_month[month] = by_month.get(month, 0) + n
    return sorted(by_month.items()), undated


def channels_spoken_about(actor: Actor, recent: int = SAMPLE, limit: int = 15):
    """The channels an actor's statements are about, with how many of their statements are about each:
    over their `recent` latest stored statements, so that the busiest actors cost no more than others."""
    latest = Statement.objects.filter(speaker=actor).order_by("-id").values("id")[:recent]
    return (
        Channel.objects.filter(statements__id__in=latest)
        .annotate(statement_count=Count("*"))
        .order_by("-statement_count", "label")[:limit]
    )


def reported_alongside(actor: Actor, limit: int = 10, recent: int = SAMPLE):
    """Other speakers in the articles where `actor` speaks, with how many statements they have there.

    Over the articles of the actor's `recent` latest stored statements: for the busiest actors (tens of
    thousands of articles) counting everything would take seconds, and the recent company is what users ask.
    """
    articles = Statement.objects.filter(speaker=actor).order_by("-id").values("article_id")[:recent]
    return (
        Actor.objects.filter(statements__article_id__in=articles)
        .exclude(pk=actor.pk)
        .annotate(statement_count=Count("statements"))
        .order_by("-statement_count", "name")[:limit]
    )


# --- articles ---------------------------------------------------------------------------------------------


def count_upto(queryset, cap: int) -> int:
    """The number of rows, counting no further than cap + 1 (a common word matches most of the archive)."""
    return queryset.order_by().values("pk")[: cap + 1].count()


def articles_matching(
    q: str = "", outlet: str = "", published_from: date | None = None, published_to: date | None = None
) -> tuple[object, bool, bool]:
    """Articles matching a web-search style query (phrases in quotes, OR, -exclusion) and filters, as a
    sequence for the Paginator; whether it is ordered by relevance; whether it was cut at COUNT_CAP.

    Matching and ranking cost time per matching article (about 10 ms per thousand), so the count stops at
    COUNT_CAP (the list then shows the newest COUNT_CAP), and a search with more than RANK_LIMIT matches is
    ordered newest first instead of by relevance.
    """
    articles = Article.objects.defer("body", "search_vector")
    if q:
        query = SearchQuery(q, search_type="websearch", config=SEARCH_CONFIG)
        articles = articles.filter(search_vector=query)
    if outlet:
        articles = articles.filter(outlet=outlet)
    # whole days in UTC, as bounds on the column itself so that its index serves them
    if published_from:
        articles = articles.filter(published__gte=datetime.combine(published_from, time.min, dt_timezone.utc))
    if published_to:
        articles = articles.filter(published__lt=datetime.combine(published_to + timedelta(days=1), time.min, dt_timezone.utc))
    total = count_upto(articles, COUNT_CAP)
    capped = total > COUNT_CAP
    articles = articles.annotate(statement_count=statement_count_of_article())
    if q and total <= RANK_LIMIT:
        ranked = articles.annotate(rank=SearchRank(F("search_vector"), query)).order_by(
            "-rank", F("published").desc(nulls_last=True), "-id"
        )
        return Counted(ranked, total), True, False
    # undated articles are few: counting them is cheap, and the dated ones are the rest
    undated = 0 if (published_from or published_to) else count_upto(articles.filter(published__isnull=True), COUNT_CAP)
    if capped:
        dated = count_upto(articles.filter(published__isnull=False), COUNT_CAP)
        dated = min(dated, COUNT_CAP)
        undated = min(undated, COUNT_CAP - dated)
    else:
        dated = total - undated
    return NewestFirst(articles, "published", dated, undated), False, capped


def statement_count_of_article():
    """Each article's number of statements, as a subquery: computed for the rows of one page only, and left
    out of the pager's COUNT, unlike a JOIN with GROUP BY over the whole result set."""
    counts = (
        Statement.objects.filter(article=OuterRef("pk")).order_by().values("article").annotate(n=Count("id")).values("n")
    )
    return Coalesce(Subquery(counts, output_field=IntegerField()), 0)


def article_outlets() -> list[str]:
    return list(Article.objects.exclude(outlet="").order_by("outlet").values_list("outlet", flat=True).distinct())


# --- channels ---------------------------------------------------------------------------------------------


def channels_in_order():
    """Channels with their parties, by label (their statements are counted per page, see with_statement_counts)."""
    return Channel.objects.prefetch_related("parties").order_by("label")


def latest_by_stance(channel: Channel, per_stance: dict[str, int]) -> dict[str, list[Statement]]:
    """For each stance, the channel's per_stance[stance] most recently said statements, in the order said
    (those with no known date last, and only when there are too few dated ones).

    Two queries whatever the number of statements: a UNION of one index walk per stance for the dated ones
    (backwards along (channel, said_on), stopping early), and one for the undated ones the short stances need.
    """

    def union(parts):
        parts = list(parts)
        return list(parts[0].union(*parts[1:], all=True)) if parts else []

    statements = statements_with_relations().filter(channel=channel)
    grouped: dict[str, list[Statement]] = {stance: [] for stance in per_stance}
    dated = (
        statements.filter(stance=stance, said_on__isnull=False).order_by(F("said_on").desc(), F("id").desc())[:wanted]
        for stance, wanted in per_stance.items()
    )
    for statement in union(dated):
        grouped[statement.stance].append(statement)
    short = {stance: wanted - len(grouped[stance]) for stance, wanted in per_stance.items() if len(grouped[stance]) < wanted}
    undated = (
        statements.filter(stance=stance, said_on__isnull=True).order_by(F("id").desc())[:missing]
        for stance, missing in short.items()
    )
    for statement in union(undated):
        grouped[statement.stance].append(statement)
    return {stance: sorted(found, key=said_order) for stance, found in grouped.items() if found}


def said_order(statement: Statement):
    """Sort key: in the order said; statements with no known date last, in the order stored."""
    return (statement.said_on is None, statement.said_on or date.min, statement.pk)


def chart_start(statements, window: int) -> date | None:
    """The first month a chart of these statements shows: None (all months) when at most `window` have a
    date, else the month of the window-th latest dated statement, counted whole (an index-only scan)."""
    oldest_in_window = list(
        statements.filter(said_on__isnull=False).order_by(F("said_on").desc()).values_list("said_on", flat=True)[
            window : window + 1
        ]
    )
    if not oldest_in_window:
        return None
    return oldest_in_window[0].replace(day=1)


def counts_by_month_and_stance(statements, since: date | None) -> dict[date, dict[str, int]]:
    """{month: {stance: number of statements said that month}}, from `since` on (all months when None)."""
    dated = statements.filter(said_on__isnull=False)
    if since:
        dated = dated.filter(said_on__gte=since)
    rows = dated.order_by().values_list("said_on", "stance").annotate(n=Count("*")).values_list("said_on", "stance", "n")
    by_month: dict[date, dict[str, int]] = {}
    for said_on, stance, n in rows:
        counts = by_month.setdefault(said_on.replace(day=1), {})
        counts[stance] = counts.get(stance, 0) + n
    return by_month


# --- bad requests -----------------------------------------------------------------------------------------


def with_bad_request_page(view):
    """Turn a BadParameter raised while reading the parameters into the 400 page that says what was wrong."""
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except BadParameter as problem:
            return render(request, "400.html", {"problems": [problem.as_problem()]}, status=400)

    return wrapper
