"""The home page (statements with search and facets), its CSV and JSON exports, and the statement page."""

from django.http import Http404, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe

from articles import display, exports, querying
from articles.filters import EXPECTED, SORT_CHOICES, StatementFilter
from articles.models import Statement

# --- validation shared by the page, the exports and the feed ---------------------------------------------


class InvalidParameters(Exception):
    def __init__(self, problems):
        super().__init__("; ".join(f"{p['parameter']}: {', '.join(p['problems'])}" for p in problems))
        self.problems = problems


def validated_filters(request, *, with_page=False):
    """The bound StatementFilter (and the page number), or InvalidParameters listing what is wrong."""
    filterset = StatementFilter(request.GET, queryset=Statement.objects.all())
    problems = [] if filterset.is_valid() else filterset.errors_by_parameter()
    page_number = 1
    if with_page:
        try:
            page_number = querying.parse_page(request.GET.get("page"))
        except querying.BadPage as error:
            given = request.GET.get("page")
            problems.append({"parameter": "page", "problems": [str(error)], "given": given, "expected": EXPECTED["page"]})
    if problems:
        raise InvalidParameters(problems)
    return filterset, page_number


def bad_request(request, problems):
    return render(request, "400.html", {"problems": problems}, status=400)


def effective_sort(filterset, count: int) -> str:
    """The requested order, except relevance past RELEVANCE_CAP matches: newest then, as the page says."""
    sort = filterset.sort_order
    if sort == "relevance" and count > querying.RELEVANCE_CAP:
        return "newest"
    return sort


# --- the home page -----------------------------------------------------------------------------------------


def url_without(query, parameter, value=None) -> str:
    """The current URL's query string without one filter value (or the whole parameter), and back on page 1."""
    query = query.copy()
    query.pop("page", None)
    if value is None:
        query.pop(parameter, None)
    else:
        # case-insensitive: the URL may say country=ru for RU
        kept = [item for item in query.getlist(parameter) if item.strip().casefold() != value.casefold()]
        query.setlist(parameter, kept)
    encoded = query.urlencode()
    return "?" + encoded if encoded else "/"


def active_filters(request, filterset) -> list[dict]:
    """One chip per active filter value: what it is, and the link that removes it."""
    cleaned, query = filterset.form.cleaned_data, request.GET
    chips = []
    if cleaned.get("q"):
        chips.append({"label": f"Search: {cleaned['q']}", "remove": url_without(query, "q")})
    for actor in cleaned.get("speaker") or []:
        chips.append({"label": f"Speaker: {actor.name}", "remove": url_without(query, "speaker", actor.slug)})
    for code in cleaned.get("country") or []:
        chips.append({"label": f"Country: {code}", "remove": url_without(query, "country", code)})
    if cleaned.get("channel"):
        chips.append({"label": f"Channel: {cleaned['channel'].label}", "remove": url_without(query, "channel")})
    if cleaned.get("stance"):
        label = Statement.Stance(cleaned["stance"]).label
        chips.append({"label": f"Stance: {label}", "remove": url_without(query, "stance")})
    if cleaned.get("kind"):
        label = Statement.Kind(cleaned["kind"]).label
        chips.append({"label": f"Kind: {label}", "remove": url_without(query, "kind")})
    if cleaned.get("said_from"):
        chips.append({"label": f"Said from {cleaned['said_from']:%Y-%m-%d}", "remove": url_without(query, "said_from")})
    if cleaned.get("said_to"):
        chips.append({"label": f"Said until {cleaned['said_to']:%Y-%m-%d}", "remove": url_without(query, "said_to")})
    if cleaned.get("outlet"):
        chips.append({"label": f"Outlet: {cleaned['outlet']}", "remove": url_without(query, "outlet")})
    if cleaned.get("article"):
        chips.append({"label": f"Article: {cleaned['article'].title}", "remove": url_without(query, "article")})
    return chips


def statement_list(request):
    try:
        filterset, page_number = validated_filters(request, with_page=True)
    except InvalidParameters as error:
        return bad_request(request, error.problems)

    search_text = filterset.search_text
    # the facets first: their sample of the results is also the results' (capped) count
    facets, count = querying.facet_counts(filterset)
    if count is None:
        count = querying.count_upto(filterset.qs)
    sort = effective_sort(filterset, count)
    too_many_to_rank = sort != filterset.sort_order
    ordered = querying.order_statements(filterset.qs, sort, search_text)
    try:
        page = querying.result_page(querying.for_display(ordered), page_number, count=count)
    except querying.PageNotFound:
        raise Http404(f"There is no page {page_number} of these results.") from None
    items = list(page.items)
    querying.add_headlines(items, search_text)
    statements = display.decorate(items)

    cleaned = filterset.form.cleaned_data
    export_query = request.GET.copy()
    export_query.pop("page", None)
    export_query = export_query.urlencode()

    def page_url(number):
        query = request.GET.copy()
        query["page"] = number
        return "?" + query.urlencode()

    context = {
        "page": page,
        "statements": statements,
        "facets": facets,
        "chips": active_filters(request, filterset),
        "search_text": search_text,
        "said_from": request.GET.get("said_from", ""),
        "said_to": request.GET.get("said_to", ""),
        "sort": sort,
        # the select keeps "default" unless the URL chose an order, so a new search is ranked by relevance
        "sort_requested": filterset.form.cleaned_data.get("sort") or "",
        "too_many_to_rank": too_many_to_rank,
        "sort_choices": SORT_CHOICES,
        "article": cleaned.get("article"),
        "export_query": ("?" + export_query) if export_query else "",
        "previous_url": page_url(page.previous_page_number) if page.has_previous else "",
        "next_url": page_url(page.next_page_number) if page.has_next else "",
        "facet_sample": f"{querying.RESULT_CAP:,}",
        "result_cap": f"{querying.RESULT_CAP:,}",
    }
    return render(request, "statements/list.html", context)


# --- exports -----------------------------------------------------------------------------------------------


def export_response(request, kind):
    try:
        filterset, _ = validated_filters(request)
    except InvalidParameters as error:
        if kind == "json":
            return JsonResponse({"errors": error.problems}, status=400)
        return bad_request(request, error.problems)
    # the same order as the page: ranking a huge result set would delay the first byte by seconds
    if kind == "json":
        count = filterset.qs.count()
    elif filterset.sort_order == "relevance":
        count = querying.count_upto(filterset.qs, querying.RELEVANCE_CAP)
    else:
        count = 0  # not needed
    results = querying.order_statements(filterset.qs, effective_sort(filterset, count), filterset.search_text)
    # "https://host/statements/": each row's url is this plus its id and a slash
    statement_url_prefix = request.build_absolute_uri(reverse("statement_detail", args=[0])).removesuffix("0/")
    rows = exports.export_rows(results, statement_url_prefix)
    if kind == "json":
        response = StreamingHttpResponse(exports.json_chunks(count, rows), content_type="application/json")
    else:
        response = StreamingHttpResponse(exports.csv_lines(rows), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="parley-statements.csv"'
    return response


def statement_export_csv(request):
    return export_response(request, "csv")


def statement_export_json(request):
    return export_response(request, "json")


# --- one statement -----------------------------------------------------------------------------------------


def statement_detail(request, pk):
    statement = get_object_or_404(
        Statement.objects.select_related("speaker", "article", "channel", "reported_via"), pk=pk
    )
    display.decorate([statement])
    before, words, after = display.paragraph_around(
        statement.article.body, statement.content_start, statement.content_end
    )
    paragraph_html = mark_safe(
        escape(before) + f'<mark id="s{statement.pk}">' + escape(words) + "</mark>" + escape(after)
    )
    others = Statement.objects.filter(speaker_id=statement.speaker_id, channel_id=statement.channel_id).exclude(
        pk=statement.pk
    )
    others = display.decorate(querying.for_display(querying.order_statements(others, "newest"))[:20])
    return render(
        request,
        "statements/detail.html",
        {"statement": statement, "paragraph_html": paragraph_html, "others": others},
    )
