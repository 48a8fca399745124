"""The actor, article and channel pages in a browser: marks and links, phones, no JavaScript, keyboard."""

import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import screenshot_path

pytestmark = pytest.mark.browser

SEED_TITLE = "Still No Sign of Peace Talks Despite Increase in US-Russia Dialogue"


def test_article_page_marks_statements_and_links_their_speakers(page, seeded):
    page.goto("/articles/")
    page.get_by_role("link", name=SEED_TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(SEED_TITLE)
    marks = page.locator("mark.stmt[id]")
    assert marks.count() >= 3
    kelin = page.locator("mark.stmt", has_text="informal negotiations").first
    expect(kelin).to_be_visible()
    # the speaker's link follows the marked words
    page.locator(".stmt-tag a.speaker-link", has_text="Andrey Kelin").first.click()
    assert urlparse(page.url).path == "/actors/andrey-kelin/"
    expect(page.get_by_role("heading", level=1)).to_have_text("Andrey Kelin")


def test_statement_list_on_the_article_page_jumps_to_the_mark(page, seeded):
    page.goto("/articles/")
    page.get_by_role("link", name=SEED_TITLE).click()
    first = page.locator(".article-statements li").first
    target = first.locator("a[href^='#s']").get_attribute("href")
    first.locator("a[href^='#s']").click()
    assert page.url.endswith(target)
    expect(page.locator(f"mark{target}")).to_be_in_viewport()


def test_pages_fit_a_phone_and_work_without_javascript(phone_page, seeded, request):
    page = phone_page
    page.goto("/actors/")
    # the search form works without scripts: a plain GET
    page.get_by_label("Name or alias").fill("zelensky")
    page.get_by_role("button", name="Search").click()
    assert "q=zelensky" in page.url
    page.get_by_role("link", name="Volodymyr Zelensky").click()
    visited = [page.url]
    page.goto("/articles/")
    page.get_by_role("link", name=SEED_TITLE).click()
    visited.append(page.url)
    page.goto("/channels/")
    channel_links = page.locator("table.channel-table th a")
    if channel_links.count():
        channel_links.first.click()
        visited.append(page.url)
    for n, url in enumerate(visited):
        page.goto(url)
        page.screenshot(path=screenshot_path(request, f"-{n}"), full_page=True)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{url} is {overflow}px wider than the phone"


def test_keyboard_user_can_skip_to_content_and_reach_the_filters(page, seeded):
    page.goto("/actors/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    # from the main landmark, the next stops are the search form's fields, each with a label
    page.keyboard.press("Tab")
    expect(page.get_by_label("Name or alias")).to_be_focused()
    page.keyboard.type("kelin")
    page.keyboard.press("Enter")
    expect(page.get_by_role("link", name="Andrey Kelin")).to_be_visible()
    assert re.search(r"[?&]q=kelin", page.url)


def test_channel_list_and_page_show_parties(page, seeded):
    page.goto("/channels/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Channels")
    links = page.locator("table.channel-table th a")
    assert links.count() >= 1, "the seeds produced no channel"
    links.first.click()
    expect(page.get_by_role("heading", name="Is there contact?")).to_be_visible()
    expect(page.locator("section.stance-column")).not_to_have_count(0)


A11Y_CHECKS = """() => {
  const problems = [];
  const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(h => +h.tagName[1]);
  if (headings.filter(level => level === 1).length !== 1) problems.push('not exactly one h1');
  headings.forEach((level, i) => {
    if (i > 0 && level > headings[i - 1] + 1) problems.push(`heading h${level} after h${headings[i - 1]}`);
  });
  for (const field of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
    if (!(field.labels && field.labels.length) && !field.getAttribute('aria-label')) problems.push(`unlabelled ${field.name}`);
  }
  for (const link of document.querySelectorAll('a[href]')) {
    if (!(link.textContent.trim() || link.getAttribute('aria-label'))) problems.push(`empty link ${link.href}`);
  }
  for (const svg of document.querySelectorAll('svg')) {
    const ids = (svg.getAttribute('aria-labelledby') || '').split(' ').filter(Boolean);
    if (svg.getAttribute('role') !== 'img' || !ids.length || ids.some(id => !document.getElementById(id))) problems.push('svg without a name');
  }
  const ids = [...document.querySelectorAll('[id]')].map(el => el.id);
  const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (dupes.length) problems.push(`duplicate ids ${dupes}`);
  for (const landmark of ['header', 'nav', 'main', 'footer']) {
    if (!document.querySelector(landmark)) problems.push(`no <${landmark}>`);
  }
  if (!document.documentElement.lang) problems.push('no lang');
  return problems;
}"""


def test_pages_have_one_h1_ordered_headings_labels_and_named_charts(page, seeded, request):
    urls = ["/actors/", "/actors/volodymyr-zelensky/", "/articles/", "/channels/", "/actors/?q=zz&kind=person"]
    page.goto("/articles/")
    urls.append(page.get_by_role("link", name=SEED_TITLE).get_attribute("href"))
    page.goto("/channels/")
    urls += page.locator("table.channel-table th a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    for url in urls:
        page.goto(url)
        assert page.evaluate(A11Y_CHECKS) == [], url
