"""The article list (search, outlet, dates) and the article page with its statements marked in the body."""

import re
from datetime import datetime, timezone
from html.parser import HTMLParser

import pytest

from articles.models import Actor, Article, Channel
from tests.factories import make_statement

pytestmark = pytest.mark.django_db

KELIN_BODY = (
    "While back-channel talks are always possible, the Russian ambassador to the UK said Tuesday that there have "
    "been no “informal negotiations” between Russia and Ukraine. “Informal negotiations are not going on, because "
    "Kiev is very stubborn,” Andrey Kelin told BBC.\n\n"
    "Zelensky recently softened his public stance on negotiations with Russia after pressure from the US. He still "
    "demanded a Russian withdrawal, reparations, and war crimes trials <before> talks & more."
)


@pytest.fixture
def kelin_article():
    article = Article.objects.create(
        title="Still No Sign of Peace Talks Despite Increase in US-Russia Dialogue",
        subtitle="The Kremlin said Wednesday it's not interacting with the US about potential peace talks",
        body=KELIN_BODY,
        authors=["Dave DeCamp"],
        outlet="Antiwar.com",
        source_name="fixtures/000_ef4599ae907ec026.txt",
    )
    kelin = Actor.objects.create(name="Andrey Kelin", country="RU", role="Russian ambassador to the UK")
    zelensky = Actor.objects.create(name="Volodymyr Zelensky", country="UA", role="President of Ukraine")
    ru_ua = Channel.objects.create(key="RU-UA", slug="ru-ua", label="Russia–Ukraine")
    make_statement(article, kelin, "there have been no “informal negotiations” between Russia and Ukraine",
                  stance="denies_contact", channel=ru_ua)
    make_statement(article, kelin, "Informal negotiations are not going on, because Kiev is very stubborn,",
                  kind="direct", stance="denies_contact", channel=ru_ua)
    make_statement(article, zelensky, "a Russian withdrawal, reparations, and war crimes trials <before> talks & more",
                  stance="sets_conditions", channel=ru_ua)
    return article


class TagBalance(HTMLParser):
    """Fails on any closing tag that does not close the element opened last."""

    VOID = {"br", "img", "input", "meta", "link", "hr", "source", "col", "area", "base", "wbr", "path", "rect", "line"}

    def __init__(self):
        super().__init__()
        self.open: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, f"</{tag}> closes {self.open[-1:]}"
        self.open.pop()


def assert_well_formed(html: str):
    checker = TagBalance()
    checker.feed(html)
    assert checker.open == [], f"left open: {checker.open}"


def test_article_page_marks_each_statement_and_links_its_speaker(client, kelin_article):
    response = client.get(kelin_article.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    for statement in kelin_article.statements.all():
        mark = re.search(rf'<mark id="s{statement.pk}"[^>]*>(.*?)</mark>', html, re.S)
        assert mark, f"statement {statement.pk} is not marked"
        # the marked words are exactly the statement, escaped once
        assert mark.group(1) == statement.content.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        assert f'href="/statements/{statement.pk}/"' in html
    assert html.count('href="/actors/andrey-kelin/"') >= 2
    assert 'href="/actors/volodymyr-zelensky/"' in html
    # the raw "<before>" in the body is shown as text, never as a tag
    assert "<before>" not in html and "&lt;before&gt;" in html
    assert_well_formed(html)


def test_article_page_shows_metadata_and_paragraphs(client, kelin_article):
    html = client.get(kelin_article.get_absolute_url()).content.decode()
    assert "Still No Sign of Peace Talks" in html
    assert "not interacting with the US" in html  # standfirst
    assert "Dave DeCamp" in html and "Antiwar.com" in html
    assert "Undated" in html  # no invented date
    assert "fixtures/000_ef4599ae907ec026.txt" in html
    body = html.split('id="body-heading"')[1]
    assert body.count('<p class="para">') == 2  # two paragraphs, split on the blank line


def test_overlapping_and_adjacent_statements_stay_well_formed(client, kelin_article):
    kelin = Actor.objects.get(slug="andrey-kelin")
    # nested in the first statement, crossing the second, and adjacent to the third
    make_statement(kelin_article, kelin, "informal negotiations", occurrence=0)
    crossing = make_statement(kelin_article, kelin, "between Russia and Ukraine. “Informal negotiations")
    make_statement(kelin_article, kelin, "Zelensky recently softened")
    make_statement(kelin_article, kelin, " his public stance")
    response = client.get(kelin_article.get_absolute_url())
    html = response.content.decode()
    assert_well_formed(html)
    for statement in kelin_article.statements.all():
        assert html.count(f'id="s{statement.pk}"') == 1
    # a crossing statement is split into pieces, all of which carry its number
    assert html.count(f'data-statement="{crossing.pk}"') >= 2
    text = re.sub(r"<[^>]+>", "", html.split('id="body-heading"')[1].split("</section>")[0])
    assert "Kiev is very stubborn" in text


def test_article_page_runs_a_fixed_number_of_queries(client, kelin_article, django_assert_max_num_queries):
    zelensky = Actor.objects.get(slug="volodymyr-zelensky")
    for word in ["softened", "public stance", "negotiations with Russia", "after pressure from the US"]:
        make_statement(kelin_article, zelensky, word)
    with django_assert_max_num_queries(4):
        assert client.get(kelin_article.get_absolute_url()).status_code == 200


def test_unknown_article_is_404(client):
    assert client.get("/articles/no-such-article/").status_code == 404


@pytest.fixture
def two_articles(kelin_article):
    other = Article.objects.create(
        title="The United States confirms that it is holding talks with the Kremlin",
        body="Sullivan himself confirmed yesterday that the channels to communicate with Moscow remained open.",
        outlet="Atalayar",
        published=datetime(2022, 11, 8, 2, 30, tzinfo=timezone.utc),
    )
    return kelin_article, other


def test_article_search_uses_web_search_syntax(client, two_articles):
    kelin_article, sullivan_article = two_articles
    html = client.get("/articles/", {"q": '"informal negotiations"'}).content.decode()
    assert kelin_article.title in html and sullivan_article.title not in html
    html = client.get("/articles/", {"q": "stubborn OR communicate"}).content.decode()
    assert kelin_article.title in html and sullivan_article.title in html
    html = client.get("/articles/", {"q": "talks -stubborn"}).content.decode()
    assert kelin_article.title not in html and sullivan_article.title in html


def test_article_list_filters_by_outlet_and_published_dates(client, two_articles):
    kelin_article, sullivan_article = two_articles
    html = client.get("/articles/", {"outlet": "Atalayar"}).content.decode()
    assert sullivan_article.title in html and kelin_article.title not in html
    html = client.get("/articles/", {"published_from": "2022-11-08", "published_to": "2022-11-08"}).content.decode()
    assert sullivan_article.title in html and kelin_article.title not in html  # undated is not "on 8 November"
    html = client.get("/articles/", {"published_to": "2022-11-07"}).content.decode()
    assert "0 articles" in html


@pytest.mark.parametrize(
    "params",
    [{"published_from": "08/11/2022"}, {"published_to": "2022-13-01"}, {"published_from": "yesterday"}, {"page": "x"}, {"page": "0"}],
)
def test_article_list_rejects_malformed_values_with_400(client, two_articles, params):
    response = client.get("/articles/", params)
    assert response.status_code == 400
    assert "Expected" in response.content.decode()


def test_article_list_past_the_last_page_is_404(client, two_articles):
    assert client.get("/articles/", {"page": "2"}).status_code == 404


def test_article_list_queries_do_not_grow_with_the_page(client, django_assert_max_num_queries):
    for n in range(30):
        Article.objects.create(title=f"Talks update {n}", body=f"Officials met for round {n} of talks.")
    with django_assert_max_num_queries(4):
        response = client.get("/articles/", {"q": "talks"})
    assert response.status_code == 200
    assert response.content.decode().count('class="article-item"') == 25


def test_statement_across_a_paragraph_break_is_marked_in_both_paragraphs(client, kelin_article):
    kelin = Actor.objects.get(slug="andrey-kelin")
    spanning = make_statement(kelin_article, kelin, "Andrey Kelin told BBC.\n\nZelensky recently softened")
    html = client.get(kelin_article.get_absolute_url()).content.decode()
    assert_well_formed(html)
    paragraphs = html.split('<p class="para">')[1:]
    assert f'id="s{spanning.pk}"' in paragraphs[0]
    assert f'data-statement="{spanning.pk}"' in paragraphs[1]  # continued, without a second id
    assert html.count(f'id="s{spanning.pk}"') == 1


def test_article_list_is_newest_first_with_undated_last(client, two_articles):
    kelin_article, sullivan_article = two_articles
    html = client.get("/articles/").content.decode()
    assert html.index(sullivan_article.title) < html.index(kelin_article.title)
    assert "undated articles last" in html


def test_broad_search_falls_back_to_newest_first(client, two_articles, monkeypatch):
    from articles.views import _queries

    kelin_article, sullivan_article = two_articles
    monkeypatch.setattr(_queries, "RANK_LIMIT", 1)
    html = client.get("/articles/", {"q": "talks"}).content.decode()
    assert html.index(sullivan_article.title) < html.index(kelin_article.title)
    assert "too many to rank" in html
    monkeypatch.setattr(_queries, "RANK_LIMIT", 100)
    assert "Most relevant first" in client.get("/articles/", {"q": "talks"}).content.decode()


def test_article_list_count_stops_at_the_cap(client, two_articles, monkeypatch):
    from articles.views import _queries

    kelin_article, sullivan_article = two_articles
    monkeypatch.setattr(_queries, "COUNT_CAP", 1)
    monkeypatch.setattr(_queries, "RANK_LIMIT", 0)
    html = client.get("/articles/", {"q": "talks"}).content.decode()
    assert "More than 1 articles found; here are the newest 1" in html
    assert sullivan_article.title in html and kelin_article.title not in html
