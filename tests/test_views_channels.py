"""The channel list and a channel's page: claims and denials of contact side by side, stance by stance."""

from datetime import date

import pytest

from articles.models import Actor, Article, Channel
from tests.factories import make_statement

pytestmark = pytest.mark.django_db

BODY = (
    "Russia has continued its heavy strikes, and the Kremlin said Wednesday that it hasn’t had any interaction "
    "with the US about the subject of peace talks, according to Russia’s TASS news agency.\n\n"
    "After a few days of silence, Sullivan himself confirmed yesterday that \"the channels to communicate with the "
    "Russian Federation at higher levels\" remained open between Washington and Moscow. He also added that "
    "although Moscow remains \"open\" to talks, it cannot negotiate with Kyiv."
)


@pytest.fixture
def ru_us():
    kremlin = Actor.objects.create(name="Kremlin", kind="government", country="RU")
    sullivan = Actor.objects.create(name="Jake Sullivan", country="US")
    peskov = Actor.objects.create(name="Dmitri Peskov", country="RU")
    russia = Actor.objects.create(name="Russia", kind="government", country="RU")
    usa = Actor.objects.create(name="United States", kind="government", country="US")
    channel = Channel.objects.create(key="RU-US", slug="ru-us", label="Russia–United States")
    channel.parties.set([russia, usa])
    Channel.objects.create(key="RU-UA", slug="ru-ua", label="Russia–Ukraine")
    article = Article.objects.create(title="Still no sign of peace talks", body=BODY)
    make_statement(article, kremlin, "it hasn’t had any interaction with the US about the subject of peace talks",
                  channel=channel, stance="denies_contact")
    make_statement(article, sullivan, "the channels to communicate with the Russian Federation at higher levels",
                  channel=channel, stance="confirms_contact", kind="direct", said_on=date(2022, 11, 7),
                  said_on_precision="day")
    make_statement(article, peskov, "although Moscow remains \"open\" to talks, it cannot negotiate with Kyiv",
                  channel=channel, stance="sets_conditions", said_on=date(2022, 11, 7))
    return channel


def test_channel_list_shows_parties_and_counts(client, ru_us):
    html = client.get("/channels/").content.decode()
    row = html.split('href="/channels/ru-us/"')[1].split("</tr>")[0]
    assert "Russia–United States" in row
    assert 'href="/actors/russia/"' in row and 'href="/actors/united-states/"' in row
    assert '<td class="num">3</td>' in row
    assert 'href="/channels/ru-ua/"' in html


def test_channel_page_puts_denial_beside_confirmation(client, ru_us):
    response = client.get("/channels/ru-us/")
    assert response.status_code == 200
    html = response.content.decode()
    contact = html.split('id="contact-heading"')[1].split('id="others-heading"')[0]
    confirms = contact.split('id="stance-confirms_contact"')[1].split('id="stance-denies_contact"')[0]
    denies = contact.split('id="stance-denies_contact"')[1]
    assert "Jake Sullivan" in confirms and "higher levels" in confirms
    assert "Kremlin" in denies and "any interaction with the US" in denies
    assert "Kremlin" not in confirms
    # the two columns sit in one side-by-side grid
    assert contact.count('class="stance-column"') == 2
    # other stances follow
    assert 'id="stance-sets_conditions"' in html and "cannot negotiate with Kyiv" in html


def test_channel_page_counts_by_month_and_stance(client, ru_us):
    html = client.get("/channels/ru-us/").content.decode()
    table = html.split('class="compact stance-table"')[1].split("</table>")[0]
    assert "Nov 2022" in table
    assert "1 with no known date is not charted" in html  # the Kremlin's undated denial is not silently dropped
    assert "Nov 2022: 1 statement (Confirms contact)" in html  # the chart's bar tooltip


def test_channel_page_links_to_filtered_statements(client, ru_us):
    html = client.get("/channels/ru-us/").content.decode()
    assert 'href="/?channel=ru-us&amp;stance=denies_contact"' in html
    assert 'href="/actors/russia/"' in html


def test_channel_page_without_statements(client, ru_us):
    html = client.get("/channels/ru-ua/").content.decode()
    assert "No statements about this channel yet" in html


def test_unknown_channel_is_404(client):
    assert client.get("/channels/ru-zz/").status_code == 404


def test_channel_pages_run_a_fixed_number_of_queries(client, ru_us, django_assert_max_num_queries):
    article = Article.objects.get()
    speaker = Actor.objects.get(name="Dmitri Peskov")
    for words in ["Russia has continued", "heavy strikes", "After a few days", "remained open", "He also added"]:
        make_statement(article, speaker, words, channel=ru_us, stance="denies_contact", said_on=date(2022, 10, 1))
    for n in range(10):
        Channel.objects.create(key=f"X{n}", slug=f"x{n}", label=f"Channel {n}")
    # channel, parties, two counts, chart start, months, dated and undated latest: fixed, whatever the numbers
    with django_assert_max_num_queries(8):
        assert client.get("/channels/ru-us/").status_code == 200
    # count, page, parties, statement counts
    with django_assert_max_num_queries(4):
        assert client.get("/channels/").status_code == 200


def test_channel_page_shows_only_the_latest_per_stance(client, ru_us, monkeypatch):
    from articles.views import channels as channel_views

    monkeypatch.setattr(channel_views, "PER_STANCE", 1)
    article = Article.objects.get()
    speaker = Actor.objects.get(name="Kremlin")
    make_statement(article, speaker, "Russia has continued its heavy strikes", channel=ru_us, stance="denies_contact",
                  said_on=date(2022, 12, 1))
    html = client.get("/channels/ru-us/").content.decode()
    denies = html.split('id="stance-denies_contact"')[1].split("</section>")[0]
    assert "Russia has continued its heavy strikes" in denies
    assert "any interaction with the US" not in denies  # undated, so older than the December one
    assert "The 1 most recent" in denies and "All of them on the statements page" in denies


def test_channel_list_is_alphabetical_and_paged(client, ru_us):
    html = client.get("/channels/").content.decode()
    assert html.index('href="/channels/ru-ua/"') < html.index('href="/channels/ru-us/"')
    assert '<td class="num">0</td>' in html.split('href="/channels/ru-ua/"')[1].split("</tr>")[0]
    assert client.get("/channels/", {"page": "2"}).status_code == 404
    assert client.get("/channels/", {"page": "last"}).status_code == 400


def test_busy_channel_charts_its_latest_months_only(client, ru_us, monkeypatch):
    from articles.views import _queries

    article = Article.objects.get()
    speaker = Actor.objects.get(name="Kremlin")
    make_statement(article, speaker, "Russia has continued its heavy strikes", channel=ru_us, stance="denies_contact",
                  said_on=date(2022, 12, 1))
    monkeypatch.setattr(_queries, "CHART_WINDOW", 2)
    html = client.get("/channels/ru-us/").content.decode()
    table = html.split('class="compact stance-table"')[1].split("</table>")[0]
    assert "Nov 2022" in table and "Dec 2022" in table  # November counted whole, though only one of it is in the window
    assert "from November 2022" in html
    assert 'said_to=2022-10-31' in html  # earlier months are a link away
    assert "More than 2" in html  # the total stops counting at the window
