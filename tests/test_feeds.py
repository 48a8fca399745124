"""Atom feeds of statements: the filtered home page's, and one actor's."""

import xml.etree.ElementTree as ET

import pytest
from django.test import Client

from tests.factories import many_statements, talks_archive

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def archive():
    return talks_archive()


@pytest.fixture
def client():
    return Client(raise_request_exception=False)


def entries(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    return feed, feed.findall(f"{ATOM}entry")


def test_feed_lists_newest_statements_with_links_to_their_pages(client, archive):
    feed, items = entries(client.get("/feed/"))
    assert feed.find(f"{ATOM}title").text == "Parley: statements"
    assert len(items) == 7
    first = items[0]
    newest = max(archive["statements"]["denial"].pk, archive["statements"]["conditions"].pk)
    assert first.find(f"{ATOM}link").get("href") == f"http://testserver/statements/{newest}/"
    assert first.find(f"{ATOM}title").text.startswith("Dmitry Peskov: ")
    assert first.find(f"{ATOM}author/{ATOM}name").text == "Dmitry Peskov"


def test_feed_takes_the_home_page_filters(client, archive):
    _, items = entries(client.get("/feed/", {"stance": "denies_contact", "q": "negotiations"}))
    assert len(items) == 1
    summary = items[0].find(f"{ATOM}summary").text
    assert "There are no informal negotiations" in summary and "Denies contact" in summary


def test_feed_keeps_the_newest_fifty(client, archive):
    many_statements(60)
    _, items = entries(client.get("/feed/"))
    assert len(items) == 50


def test_feed_with_a_bad_filter_is_400(client, archive):
    response = client.get("/feed/", {"said_from": "2022-13-45"})
    assert response.status_code == 400
    assert "said_from" in response.content.decode()


def test_actor_feed_has_only_that_actors_statements(client, archive):
    feed, items = entries(client.get("/actors/volodymyr-zelensky/feed/"))
    assert feed.find(f"{ATOM}title").text == "Parley: statements by Volodymyr Zelensky"
    assert {item.find(f"{ATOM}author/{ATOM}name").text for item in items} == {"Volodymyr Zelensky"}
    assert len(items) == 2


def test_actor_feed_of_an_unknown_actor_is_404(client, archive):
    assert client.get("/actors/nobody-at-all/feed/").status_code == 404
