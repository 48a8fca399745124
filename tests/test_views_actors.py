"""The actor list (search by name or alias, filters) and an actor's page (chart, channels, co-speakers)."""

from datetime import date

import pytest

from articles.models import Actor, Alias, Article, Channel
from tests.factories import make_statement

pytestmark = pytest.mark.django_db

SULLIVAN_BODY = (
    "After a few days of silence, Sullivan himself confirmed yesterday that \"the channels to communicate with the "
    "Russian Federation at higher levels\" remained open between Washington and Moscow.\n\n"
    "Prior to Sullivan's confirmation, Kremlin spokesman Dmitri Peskov yesterday declined to comment on the "
    "newspaper's revelations. \"Again I repeat that there are some truthful articles, but for the most part they "
    "are articles that are pure speculation,\" he noted.\n\n"
    "\"We have not described the channels that we have established to protect them and I am afraid that I cannot "
    "go further,\" Sullivan said according to Tass."
)


@pytest.fixture
def archive():
    sullivan = Actor.objects.create(name="Jake Sullivan", country="US", role="US National Security Adviser")
    Alias.objects.create(actor=sullivan, name="Sullivan")
    Alias.objects.create(actor=sullivan, name="US National Security Adviser Jake Sullivan")
    peskov = Actor.objects.create(name="Dmitri Peskov", country="RU", role="Kremlin spokesman")
    Alias.objects.create(actor=peskov, name="Kremlin spokesman Dmitri Peskov")
    kremlin = Actor.objects.create(name="Kremlin", kind="government", country="RU")
    ru_us = Channel.objects.create(key="RU-US", slug="ru-us", label="Russia–United States")
    article = Article.objects.create(title="The United States confirms that it is holding talks with the Kremlin",
                                     body=SULLIVAN_BODY, outlet="Atalayar")
    make_statement(article, sullivan, "the channels to communicate with the Russian Federation at higher levels",
                  channel=ru_us, stance="confirms_contact", said_on=date(2022, 11, 7), said_on_precision="day")
    make_statement(article, peskov, "Again I repeat that there are some truthful articles, but for the most part "
                  "they are articles that are pure speculation,", kind="direct", said_on=date(2022, 11, 7))
    make_statement(article, sullivan, "We have not described the channels that we have established to protect them "
                  "and I am afraid that I cannot go further,", kind="direct", channel=ru_us,
                  said_on=date(2022, 9, 20))
    return {"sullivan": sullivan, "peskov": peskov, "kremlin": kremlin, "ru_us": ru_us, "article": article}


def test_actor_search_finds_by_alias_case_insensitively(client, archive):
    html = client.get("/actors/", {"q": "national security adviser"}).content.decode()
    assert "Jake Sullivan" in html and "Dmitri Peskov" not in html
    html = client.get("/actors/", {"q": "PESKOV"}).content.decode()
    assert "Dmitri Peskov" in html and "Jake Sullivan" not in html


def test_actor_list_shows_statement_counts_and_filters_by_kind_and_country(client, archive):
    html = client.get("/actors/").content.decode()
    assert "3 actors" in html
    row = html.split('href="/actors/jake-sullivan/"')[1].split("</tr>")[0]
    assert '<td class="num">2</td>' in row
    html = client.get("/actors/", {"kind": "government"}).content.decode()
    assert "Kremlin" in html and "Jake Sullivan" not in html
    html = client.get("/actors/", {"country": "ru"}).content.decode()
    assert "Dmitri Peskov" in html and "Jake Sullivan" not in html


@pytest.mark.parametrize("params", [{"kind": "wizard"}, {"page": "-1"}, {"page": "two"}, {"country": "Russia"}])
def test_actor_list_rejects_bad_values_with_400(client, archive, params):
    response = client.get("/actors/", params)
    assert response.status_code == 400
    html = response.content.decode()
    name, value = next(iter(params.items()))
    assert f"<code>{name}</code>" in html and value in html  # says which parameter and what was given


def test_actor_list_past_the_end_is_404(client, archive):
    assert client.get("/actors/", {"page": "3"}).status_code == 404


def test_actor_page_shows_profile_chart_channels_and_statements(client, archive):
    response = client.get("/actors/jake-sullivan/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "US National Security Adviser" in html
    also_known_as = html.split("<dt>Also known as</dt><dd>")[1].split("</dd>")[0].split("; ")
    assert also_known_as == ["Sullivan", "US National Security Adviser Jake Sullivan"]  # not the name itself
    # a chart per month from September to November 2022, empty October included
    assert '<svg class="chart"' in html and 'role="img"' in html
    assert "Sep 2022: 1 statement" in html and "Nov 2022: 1 statement" in html
    assert "<th scope=\"row\">Oct 2022</th><td class=\"num\">0</td>" in html
    # the channel they speak about, linked, with a count
    assert 'href="/channels/ru-us/"' in html
    # newest first: the November statement before the September one
    assert html.index("the channels to communicate") < html.index("We have not described the channels")
    assert 'href="/?speaker=jake-sullivan"' in html
    assert 'href="/actors/jake-sullivan/feed/"' in html


def test_actor_page_lists_who_is_reported_alongside(client, archive):
    html = client.get("/actors/jake-sullivan/").content.decode()
    alongside = html.split('id="alongside-heading"')[1].split("</section>")[0]
    assert 'href="/actors/dmitri-peskov/"' in alongside
    assert "Jake Sullivan</a>" not in alongside  # not themselves
    assert "Kremlin" not in alongside  # not quoted in these articles


def test_actor_without_dated_statements_says_so(client, archive):
    html = client.get("/actors/kremlin/").content.decode()
    assert "No statements yet" in html
    assert "<svg" not in html


def test_unknown_actor_is_404(client):
    assert client.get("/actors/nobody-at-all/").status_code == 404


def test_actor_pages_run_a_fixed_number_of_queries(client, archive, django_assert_max_num_queries):
    sullivan, article = archive["sullivan"], archive["article"]
    for words in ["After a few days of silence", "remained open between Washington and Moscow", "declined to comment"]:
        make_statement(article, sullivan, words, said_on=date(2022, 11, 7))
    for n in range(20):
        Actor.objects.create(name=f"Official number {n}")
    with django_assert_max_num_queries(8):
        assert client.get("/actors/jake-sullivan/").status_code == 200
    with django_assert_max_num_queries(4):
        response = client.get("/actors/")
    assert response.content.decode().count("<tr>") == 1 + 23
