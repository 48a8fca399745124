"""Article pages: the searchable list, and one article with every statement in it marked in its body."""

from django.shortcuts import get_object_or_404, render

from articles.models import Article
from articles.views import _highlight, _queries


@_queries.with_bad_request_page
def article_list(request):
    q = request.GET.get("q", "").strip()
    outlet = request.GET.get("outlet", "").strip()
    published_from = _queries.date_param(request, "published_from")
    published_to = _queries.date_param(request, "published_to")
    articles, by_relevance, capped = _queries.articles_matching(q, outlet, published_from, published_to)
    page = _queries.paginate(request, articles)
    return render(
        request,
        "articles/article_list.html",
        {
            "page": page,
            "by_relevance": by_relevance,
            "capped": capped,
            "count_cap": _queries.COUNT_CAP,
            "rank_limit": _queries.RANK_LIMIT,
            "q": q,
            "outlet": outlet,
            "outlets": _queries.article_outlets(),
            "published_from": published_from,
            "published_to": published_to,
            "filtered": bool(q or outlet or published_from or published_to),
            "page_query": _queries.query_without_page(request),
        },
    )


def article_detail(request, slug):
    article = get_object_or_404(Article.objects.defer("search_vector"), slug=slug)
    statements = list(
        article.statements.select_related("speaker", "channel", "reported_via")
        .defer("search_vector")
        .order_by("content_start", "-content_end", "id")
    )
    return render(
        request,
        "articles/article_detail.html",
        {
            "article": article,
            "paragraphs": _highlight.highlighted_paragraphs(article.body, statements),
            "statements": statements,
        },
    )
