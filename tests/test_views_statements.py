"""The home page (search, filters, facets, pages), the exports and the statement page, as users see them."""

import csv
import io
import json
import re

import pytest
from django.test import Client

from tests.factories import many_statements, talks_archive

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive():
    return talks_archive()


@pytest.fixture
def client():
    # errors must come back as pages, as in production, not as exceptions in the test
    return Client(raise_request_exception=False)


def result_ids(response):
    """Statement ids in the order the page lists them (from the links to the statement pages)."""
    html = response.content.decode()
    section = html[html.index('id="results-heading"') :]
    ids = []
    for match in re.finditer(r'href="/statements/(\d+)/"', section):
        if int(match.group(1)) not in ids:
            ids.append(int(match.group(1)))
    return ids


def facet_count(response, parameter, value):
    """The count printed next to one facet option, or None when the option is not listed."""
    html = response.content.decode()
    pattern = (
        rf'name="{parameter}" value="{re.escape(value)}"[^>]*>.*?<span class="count">(\d*)'
    )
    match = re.search(pattern, html, re.S)
    return int(match.group(1)) if match and match.group(1) else None


# --- search --------------------------------------------------------------------------------------------------


def test_phrase_search_ranks_the_matching_statement_first_and_marks_the_words(client, archive):
    response = client.get("/", {"q": '"informal negotiations"'})
    assert response.status_code == 200
    ids = result_ids(response)
    assert ids[0] == archive["statements"]["denial"].pk
    assert ids == [archive["statements"]["denial"].pk]
    html = response.content.decode()
    assert "<mark>informal</mark> <mark>negotiations</mark>" in html


def test_relevance_puts_the_statement_with_the_words_above_those_with_one(client, archive):
    response = client.get("/", {"q": "informal OR negotiations"})
    ids = result_ids(response)
    assert ids[0] == archive["statements"]["denial"].pk
    assert archive["statements"]["ready"].pk in ids


def test_search_supports_or_and_exclusion(client, archive):
    s = archive["statements"]
    either = result_ids(client.get("/", {"q": "informal OR withdraw"}))
    assert set(either) == {s["denial"].pk, s["ready"].pk}
    excluded = result_ids(client.get("/", {"q": "talks -istanbul"}))
    assert s["istanbul"].pk not in excluded
    assert s["no_basis"].pk in excluded


def test_headline_escapes_html_in_the_words(client, archive):
    from tests.factories import make_article, make_statement

    article = make_article(
        "Envoy warns against <script> tags in talks",
        "The envoy said talks <b>would</b> resume & continue in Geneva.",
        slug="envoy-warns",
    )
    make_statement(article, archive["actors"]["erdogan"], "talks <b>would</b> resume & continue in Geneva.")
    html = client.get("/", {"q": "geneva"}).content.decode()
    assert "&lt;b&gt;would&lt;/b&gt; resume &amp; continue in <mark>Geneva</mark>" in html
    assert "<b>would</b>" not in html


# --- filters -------------------------------------------------------------------------------------------------


def test_filters_narrow_and_combine(client, archive):
    s = archive["statements"]
    by_peskov = result_ids(client.get("/", {"speaker": "dmitry-peskov"}))
    assert set(by_peskov) == {s["denial"].pk, s["conditions"].pk, s["no_basis"].pk}
    on_us_ru = result_ids(client.get("/", {"speaker": "dmitry-peskov", "channel": "ru-us"}))
    assert set(on_us_ru) == {s["denial"].pk, s["conditions"].pk}
    denials = result_ids(client.get("/", {"speaker": "dmitry-peskov", "channel": "ru-us", "stance": "denies_contact"}))
    assert denials == [s["denial"].pk]
    two_speakers = result_ids(client.get("/?speaker=white-house&speaker=recep-tayyip-erdogan"))
    assert set(two_speakers) == {s["sullivan"].pk, s["istanbul"].pk}
    by_country = result_ids(client.get("/?country=ua&country=TR"))
    assert set(by_country) == {s["ready"].pk, s["peace"].pk, s["istanbul"].pk}
    direct = result_ids(client.get("/", {"kind": "direct"}))
    assert set(direct) == {s["denial"].pk, s["peace"].pk}
    reuters = result_ids(client.get("/", {"outlet": "Reuters"}))
    assert reuters == [s["istanbul"].pk]
    one_article = result_ids(client.get("/", {"article": "zelensky-sets-out-terms"}))
    assert set(one_article) == {s["ready"].pk, s["peace"].pk, s["no_basis"].pk}


def test_date_range_is_inclusive_and_leaves_out_undated(client, archive):
    s = archive["statements"]
    november = result_ids(client.get("/", {"said_from": "2022-11-01", "said_to": "2022-11-09"}))
    # the two of 9 Nov, the one of "Nov 2022", and the one dated only "2022", which may have been in November
    assert set(november) == {s["denial"].pk, s["conditions"].pk, s["sullivan"].pk, s["no_basis"].pk}
    since_september = result_ids(client.get("/", {"said_from": "2022-09-14"}))
    assert s["istanbul"].pk in since_september
    assert s["ready"].pk not in since_september  # said "Tuesday" in an undated article


def test_newest_first_by_default_and_oldest_on_request(client, archive):
    s = archive["statements"]
    newest = result_ids(client.get("/"))
    assert newest[:2] == sorted([s["denial"].pk, s["conditions"].pk], reverse=True)
    assert newest.index(s["sullivan"].pk) < newest.index(s["istanbul"].pk) < newest.index(s["no_basis"].pk)
    # undated statements come last
    assert set(newest[-2:]) == {s["ready"].pk, s["peace"].pk}
    oldest = result_ids(client.get("/", {"sort": "oldest"}))
    assert oldest[0] == s["no_basis"].pk


def test_each_active_filter_has_a_link_that_removes_it(client, archive):
    response = client.get("/?speaker=dmitry-peskov&stance=denies_contact&q=negotiations&page=1")
    html = response.content.decode()
    assert 'href="?stance=denies_contact&amp;q=negotiations"' in html  # speaker removed
    assert 'href="?speaker=dmitry-peskov&amp;q=negotiations"' in html  # stance removed
    assert 'href="?speaker=dmitry-peskov&amp;stance=denies_contact"' in html  # search removed
    assert "Speaker: Dmitry Peskov" in html and "Stance: Denies contact" in html


def test_empty_result_says_what_to_loosen(client, archive):
    response = client.get("/", {"speaker": "white-house", "stance": "denies_contact"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "No statements match all of these filters" in html
    assert "Remove “Stance: Denies contact”" in html
    assert 'href="?speaker=white-house"' in html


# --- facets --------------------------------------------------------------------------------------------------


def test_facet_counts_cover_the_whole_result_set(client, archive):
    response = client.get("/")
    assert facet_count(response, "speaker", "dmitry-peskov") == 3
    assert facet_count(response, "speaker", "volodymyr-zelensky") == 2
    assert facet_count(response, "country", "RU") == 3
    assert facet_count(response, "channel", "ru-ua") == 4
    assert facet_count(response, "stance", "calls_for_talks") == 2
    assert facet_count(response, "kind", "direct") == 2
    assert facet_count(response, "outlet", "Antiwar.com") == 3


def test_each_facet_is_counted_with_the_other_filters(client, archive):
    response = client.get("/", {"stance": "denies_contact"})
    # the other facets count only the denial
    assert facet_count(response, "speaker", "dmitry-peskov") == 1
    assert facet_count(response, "speaker", "volodymyr-zelensky") is None
    assert facet_count(response, "channel", "ru-us") == 1
    # the stance facet ignores its own filter, so the other stances stay one click away
    assert facet_count(response, "stance", "calls_for_talks") == 2
    assert facet_count(response, "stance", "denies_contact") == 1
    assert re.search(r'name="stance" value="denies_contact" checked', response.content.decode())


def test_facets_list_the_top_ten_options(client, archive):
    many_statements(14)
    response = client.get("/")
    html = response.content.decode()
    speaker_options = re.findall(r'name="speaker" value="([^"]+)"', html)
    assert len(speaker_options) == 10
    assert speaker_options[0] == "dmitry-peskov"  # three statements, the most


# --- pages ---------------------------------------------------------------------------------------------------


def test_fifty_per_page_and_404_past_the_end(client, archive):
    many_statements(60)
    first = client.get("/")
    assert len(result_ids(first)) == 50
    assert "67 statements" in first.content.decode()
    assert 'href="?page=2"' in first.content.decode()
    second = client.get("/", {"page": "2"})
    assert len(result_ids(second)) == 17
    assert set(result_ids(first)).isdisjoint(result_ids(second))
    past = client.get("/", {"page": "3"})
    assert past.status_code == 404
    assert "There is no page 3 of these results." in past.content.decode()


def test_number_of_queries_does_not_grow_with_the_results(client, django_assert_max_num_queries, archive):
    filters = {"q": "talks", "stance": "calls_for_talks", "speaker": ["dmitry-peskov", "recep-tayyip-erdogan"]}
    many_statements(5, prefix="few")
    filters.pop("speaker")
    with django_assert_max_num_queries(12) as few:
        response = client.get("/", filters)
    assert len(result_ids(response)) == 6  # five envoys and the Istanbul offer
    many_statements(60, prefix="many")
    with django_assert_max_num_queries(len(few.captured_queries)) as many:
        response = client.get("/", filters)
    assert len(result_ids(response)) == 50
    assert len(many.captured_queries) == len(few.captured_queries)


# --- exports -------------------------------------------------------------------------------------------------


def streamed_text(response):
    return b"".join(response.streaming_content).decode()


def test_json_export_has_the_whole_filtered_set_with_its_fields(client, archive):
    many_statements(60)
    response = client.get("/statements.json", {"channel": "ru-us"})
    assert response.status_code == 200
    data = json.loads(streamed_text(response))
    assert data["count"] == 3
    by_id = {row["id"]: row for row in data["results"]}
    denial = by_id[archive["statements"]["denial"].pk]
    assert denial == {
        "id": archive["statements"]["denial"].pk,
        "speaker": "Dmitry Peskov",
        "speaker_slug": "dmitry-peskov",
        "speaker_country": "RU",
        "content": "There are no informal negotiations between Moscow and Washington,",
        "kind": "direct",
        "cue": "told",
        "said_on": "2022-11-09",
        "said_on_precision": "day",
        "reported_via": "TASS",
        "channel": "ru-us",
        "stance": "denies_contact",
        "article_title": "Kremlin denies secret US-Russia talks on Ukraine",
        "article_url": archive["articles"]["denial"].url,
        "published": "2022-11-10T17:00:00+00:00",
        "url": f"http://testserver/statements/{archive['statements']['denial'].pk}/",
    }
    assert by_id[archive["statements"]["sullivan"].pk]["said_on"] == "2022-11"

    everything = json.loads(streamed_text(client.get("/statements.json")))
    assert everything["count"] == 67 == len(everything["results"])  # not one page of 50
    assert next(r for r in everything["results"] if r["id"] == archive["statements"]["no_basis"].pk)["said_on"] == "2022"


def test_csv_export_has_a_header_and_every_row(client, archive):
    many_statements(60)
    response = client.get("/statements.csv", {"q": "talks"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(streamed_text(response))))
    # the envoys; conditions, no_basis, istanbul by their words; denial and sullivan by their article's title
    assert len(rows) == 60 + 5
    assert list(rows[0].keys())[:4] == ["id", "speaker", "speaker_slug", "speaker_country"]
    peace = [row for row in rows if row["speaker_slug"] == "recep-tayyip-erdogan"][0]
    assert peace["channel"] == "ru-ua" and peace["said_on"] == "2022-09-14"


def test_home_page_links_to_exports_with_the_current_filters(client, archive):
    html = client.get("/?speaker=dmitry-peskov&page=1").content.decode()
    assert 'href="/statements.csv?speaker=dmitry-peskov"' in html
    assert 'href="/statements.json?speaker=dmitry-peskov"' in html


# --- bad input -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query, parameter, expected",
    [
        ("said_from=2022-13-45", "said_from", "YYYY-MM-DD"),
        ("said_to=yesterday", "said_to", "YYYY-MM-DD"),
        ("page=abc", "page", "whole number"),
        ("page=0", "page", "whole number"),
        ("stance=agrees", "stance", "denies_contact"),
        ("kind=rumour", "kind", "indirect"),
        ("sort=loudest", "sort", "relevance"),
        ("country=xyz", "country", "two-letter"),
        ("speaker=nobody-at-all", "speaker", "no actor with slug “nobody-at-all”"),
        ("channel=moon-mars", "channel", "no channel with slug “moon-mars”"),
        ("article=no-such-article", "article", "no article with slug “no-such-article”"),
        ("said_from=2022-12-01&said_to=2022-11-01", "said_to", "before said_from"),
    ],
)
def test_malformed_values_answer_400_naming_the_parameter(client, archive, query, parameter, expected):
    response = client.get("/?" + query)
    assert response.status_code == 400
    html = response.content.decode()
    assert f"<code>{parameter}</code>" in html
    assert expected in html
    if parameter != "page":  # the exports and the feed have no pages
        for export in ("/statements.csv?", "/statements.json?", "/feed/?"):
            assert client.get(export + query).status_code == 400


def test_json_export_explains_a_bad_value_in_json(client, archive):
    response = client.get("/statements.json?stance=agrees")
    assert response.status_code == 400
    assert response.json()["errors"][0]["parameter"] == "stance"


# --- the statement page --------------------------------------------------------------------------------------


def test_statement_page_shows_the_paragraph_with_the_words_marked(client, archive):
    statement = archive["statements"]["conditions"]
    response = client.get(f"/statements/{statement.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        f'Peskov said <mark id="s{statement.pk}">the Kremlin remained open to talks, but only on terms that took '
        "into account the new realities on the ground.</mark>" in html
    )
    # only its paragraph, not the whole article
    assert "Dave DeCamp is the news editor" not in html
    assert "Kremlin spokesman" in html  # speaker card
    assert "9 Nov 2022" in html and "10 Nov 2022" in html  # said vs reported
    # the other statement by the same speaker on the same channel, not the one on another channel
    assert f'href="/statements/{archive["statements"]["denial"].pk}/"' in html
    assert f'href="/statements/{archive["statements"]["no_basis"].pk}/"' not in html


def test_statement_page_shows_reported_via_venue_and_undated_said(client, archive):
    html = client.get(f"/statements/{archive['statements']['denial'].pk}/").content.decode()
    assert "TASS" in html and "briefing for reporters" in html and "Denies contact" in html
    html = client.get(f"/statements/{archive['statements']['ready'].pk}/").content.decode()
    assert "Tuesday (article undated)" in html


def test_result_lines_show_date_precision(client, archive):
    html = client.get("/").content.decode()
    assert "Nov 2022" in html  # the month-precise statement
    assert "Tuesday (article undated)" in html
    assert f'href="/articles/kremlin-denies-secret-talks/#s{archive["statements"]["denial"].pk}"' in html


def test_unknown_statement_is_404(client, archive):
    assert client.get("/statements/999999/").status_code == 404


# --- at scale: caps on counting and ranking ----------------------------------------------------------------


def test_past_the_caps_the_page_says_more_than_and_ranks_newest_first(client, archive, monkeypatch):
    from articles import querying

    monkeypatch.setattr(querying, "RESULT_CAP", 3)
    monkeypatch.setattr(querying, "FACET_SAMPLE", 4)
    monkeypatch.setattr(querying, "RELEVANCE_CAP", 3)
    response = client.get("/", {"q": "talks OR negotiations"})
    html = response.content.decode()
    assert "More than 3 statements" in html
    assert "Too many matches to rank by relevance: newest first" in html
    assert "Counted over the first 3 matches" in html
    ids = result_ids(response)
    assert ids[:2] == sorted([archive["statements"]["denial"].pk, archive["statements"]["conditions"].pk], reverse=True)
    assert client.get("/", {"q": "talks OR negotiations", "page": "2"}).status_code == 404  # pages stop at the cap
    # exports are not capped
    exported = json.loads(streamed_text(client.get("/statements.json", {"q": "talks OR negotiations"})))
    assert exported["count"] == len(ids) == 7


def test_nul_characters_and_overlong_values_are_400_not_500(client, archive):
    for query in ("q=%00", "channel=%00", "article=a%00b", "outlet=%00", "q=" + "x" * 600, "page=1.5"):
        assert client.get("/?" + query).status_code == 400, query


def test_error_pages_render_with_debug_off(rf):
    from django.views.defaults import bad_request, server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
    response = bad_request(rf.get("/"), Exception("nonsense"))
    assert response.status_code == 400
    assert "cannot read" in response.content.decode()


def test_a_selected_speaker_with_no_count_keeps_its_name_and_can_be_unticked(client, archive):
    response = client.get("/", {"speaker": "white-house", "stance": "denies_contact"})
    html = response.content.decode()
    assert re.search(r'name="speaker" value="white-house" checked><label [^>]*>White House</label>', html)


def test_several_active_facets_each_count_with_the_others(client, archive):
    response = client.get("/", {"speaker": "dmitry-peskov", "channel": "ru-us", "stance": "denies_contact"})
    # stance, with the speaker and channel applied: Peskov on US–Russia denied once and set conditions once
    assert facet_count(response, "stance", "denies_contact") == 1
    assert facet_count(response, "stance", "sets_conditions") == 1
    assert facet_count(response, "stance", "rejects_talks") is None  # that one was on Russia–Ukraine
    # channel, with speaker and stance applied
    assert facet_count(response, "channel", "ru-us") == 1
    assert facet_count(response, "channel", "ru-ua") is None
    # speaker, with channel and stance applied: nobody else denied contact on US–Russia
    assert facet_count(response, "speaker", "dmitry-peskov") == 1
    assert facet_count(response, "speaker", "white-house") is None
    # a facet with no filter of its own counts the results
    assert facet_count(response, "country", "RU") == 1
    # with a speaker and a channel only, the stance facet shows Peskov's two stances on US–Russia
    response = client.get("/", {"speaker": "dmitry-peskov", "channel": "ru-us"})
    assert facet_count(response, "stance", "denies_contact") == 1
    assert facet_count(response, "speaker", "white-house") == 1  # on US–Russia, whatever the speaker


@pytest.mark.django_db
def test_a_search_typed_on_the_home_page_is_ranked_by_relevance(client):
    """The one form carries the sort select: left at its default it must not pin "newest" onto a new search."""
    home = client.get("/").content.decode()
    assert '<option value="" selected>' in home
    response = client.get("/", {"q": "talks", "sort": ""})
    assert response.status_code == 200
    assert response.context["sort"] == "relevance"
