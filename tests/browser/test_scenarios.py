"""The issue's "done when" scenarios, clicked through in a real browser on the two imported seed articles."""

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def result_speakers(page) -> list[str]:
    """The speaker's name of each result on the statements page, top to bottom."""
    return [name.strip() for name in page.locator("ol.results > li a.who").all_inner_texts()]


def query_of(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def test_search_informal_negotiations_lists_kelin_first(page, seeded):
    page.goto("/")
    page.get_by_label("Search the statements").fill("informal negotiations")
    page.get_by_role("button", name="Search").click()
    expect(page.locator("ol.results > li").first).to_be_visible()
    assert query_of(page)["q"] == ["informal negotiations"]
    speakers = result_speakers(page)
    assert speakers[0] == "Andrey Kelin", speakers
    # all of Kelin's matching statements come before anybody else's
    kelin = [i for i, name in enumerate(speakers) if name == "Andrey Kelin"]
    assert kelin == list(range(len(kelin)))


def test_filter_by_speaker_then_by_day_said(page, seeded):
    page.goto("/")
    everything = page.locator("ol.results > li").count()
    page.get_by_label("Jake Sullivan", exact=True).check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator("#results-heading")).to_be_visible()
    assert query_of(page).get("speaker") == ["jake-sullivan"]
    sullivan_only = result_speakers(page)
    assert sullivan_only and set(sullivan_only) == {"Jake Sullivan"}
    assert len(sullivan_only) < everything

    page.get_by_label("From").fill("2022-11-07")
    page.get_by_label("To", exact=True).fill("2022-11-07")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator("#results-heading")).to_be_visible()
    query = query_of(page)
    assert query.get("speaker") == ["jake-sullivan"]
    assert query.get("said_from") == ["2022-11-07"] and query.get("said_to") == ["2022-11-07"]
    on_the_day = result_speakers(page)
    assert on_the_day and set(on_the_day) == {"Jake Sullivan"}
    assert len(on_the_day) < len(sullivan_only)  # his September statement is gone
    for said in page.locator("ol.results > li .meta li", has_text="Said:").all_inner_texts():
        assert "7 Nov" in said or "November 7" in said or "2022-11-07" in said, said


def test_zelensky_page_shows_statements_from_both_seed_articles(page, seeded):
    page.goto("/actors/volodymyr-zelensky/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Volodymyr Zelensky")
    statements = page.locator("section[aria-labelledby='statements-heading']")
    expect(statements.get_by_role("link", name="Still No Sign of Peace Talks Despite Increase in US-Russia Dialogue").first).to_be_visible()
    expect(statements.get_by_role("link", name="The United States confirms that it is holding talks with the Kremlin").first).to_be_visible()
    expect(page.locator("svg.chart")).to_be_visible()


def test_ru_us_channel_shows_kremlin_denial_beside_sullivan_confirmation(page, seeded):
    page.goto("/channels/")
    # the label names both sides: "Russia–United States", or at least their codes
    page.get_by_role("link", name=re.compile(r"^(Russia|RU)\W+(United States|US)$")).first.click()
    assert urlparse(page.url).path == "/channels/ru-us/"
    confirms = page.locator("section.stance-column", has=page.locator("#stance-confirms_contact"))
    denies = page.locator("section.stance-column", has=page.locator("#stance-denies_contact"))
    expect(confirms.locator("a.who", has_text="Jake Sullivan").first).to_be_visible()
    expect(denies.locator("a.who", has_text="Kremlin").first).to_be_visible()
    # side by side on a desktop screen: same row, denial to the right of the confirmation
    left, right = confirms.bounding_box(), denies.bounding_box()
    assert abs(left["y"] - right["y"]) < 2 and right["x"] > left["x"] + left["width"] / 2


def test_article_added_in_the_admin_is_found_by_search(page, seeded, django_user_model):
    django_user_model.objects.create_superuser("editor", "editor@example.org", "a long test password 42")
    page.goto("/admin/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("a long test password 42")
    page.get_by_role("button", name="Log in").click()
    page.locator("tr.model-article th a").click()
    page.get_by_role("link", name=re.compile("Add article")).click()
    page.get_by_label("Title").fill("Swiss offer to host Armenia-Azerbaijan talks in Geneva")
    page.get_by_label("Body").fill(
        "Switzerland has offered to host a new round of peace talks between Armenia and Azerbaijan.\n\n"
        "\"We are ready to welcome both delegations in Geneva as soon as next month,\" Swiss Foreign Minister "
        "Ignazio Cassis told reporters on Monday.\n\n"
        "Azerbaijani President Ilham Aliyev said the talks could only begin once Armenia accepted his conditions."
    )
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")

    page.goto("/")
    page.get_by_label("Search the statements").fill("Geneva delegations")
    page.get_by_role("button", name="Search").click()
    results = page.locator("ol.results > li")
    expect(results.first).to_be_visible()
    expect(results.first).to_contain_text("Swiss offer to host Armenia-Azerbaijan talks in Geneva")
