"""StatementFilter: which values it accepts, what it makes of them, and what it says about bad ones."""

import datetime as dt

import pytest
from django.http import QueryDict

from articles.filters import StatementFilter
from articles.models import Statement
from tests.factories import talks_archive

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive():
    return talks_archive()


def bound(query: str) -> StatementFilter:
    return StatementFilter(QueryDict(query), queryset=Statement.objects.all())


def test_empty_query_is_valid_and_keeps_everything(archive):
    filterset = bound("")
    assert filterset.is_valid()
    assert filterset.qs.count() == 7
    assert filterset.sort_order == "newest"


def test_search_makes_relevance_the_default_order(archive):
    assert bound("q=talks").sort_order == "relevance"
    assert bound("q=talks&sort=oldest").sort_order == "oldest"
    # relevance without a search means nothing: newest instead
    assert bound("sort=relevance").sort_order == "newest"


def test_country_codes_are_case_insensitive_and_may_repeat(archive):
    filterset = bound("country=ru&country=UA&country=RU")
    assert filterset.is_valid()
    assert filterset.form.cleaned_data["country"] == ["RU", "UA"]
    assert filterset.qs.count() == 5


def test_speakers_clean_to_actors_in_url_order(archive):
    filterset = bound("speaker=white-house&speaker=dmitry-peskov")
    assert filterset.is_valid()
    assert [actor.name for actor in filterset.form.cleaned_data["speaker"]] == ["White House", "Dmitry Peskov"]


def test_every_unknown_speaker_is_named(archive):
    filterset = bound("speaker=dmitry-peskov&speaker=nobody&speaker=no-one-else")
    assert not filterset.is_valid()
    problems = filterset.errors_by_parameter()
    assert problems[0]["parameter"] == "speaker"
    assert problems[0]["problems"] == ["no actor with slug “nobody”", "no actor with slug “no-one-else”"]


def test_dates_must_be_iso(archive):
    assert bound("said_from=2022-11-01").form.is_valid()
    for bad in ("2022-13-45", "01/11/2022", "2022-11", "Wednesday"):
        filterset = bound(f"said_from={bad}")
        assert not filterset.is_valid(), bad
        problem = filterset.errors_by_parameter()[0]
        assert problem["parameter"] == "said_from" and problem["given"] == bad
        assert "YYYY-MM-DD" in problem["expected"]


def test_queryset_without_drops_only_the_named_filter(archive):
    filterset = bound("stance=denies_contact&speaker=dmitry-peskov")
    assert filterset.is_valid()
    assert filterset.qs.count() == 1
    assert filterset.queryset_without("stance").count() == 3  # Peskov's three
    assert filterset.queryset_without("speaker").count() == 1  # the one denial


def test_a_search_of_common_words_only_finds_nothing_rather_than_failing(archive):
    filterset = bound("q=the")
    assert filterset.is_valid()
    assert filterset.qs.count() == 0


def test_search_syntax_never_raises(archive):
    for text in ('"unclosed phrase', "OR OR", "-", "talks & | ! ( :*", "'quote"):
        filterset = bound("q=" + text.replace("&", "%26"))
        assert filterset.is_valid()
        filterset.qs.count()


def test_said_to_is_inclusive(archive):
    filterset = bound("said_to=2022-11-09&said_from=2022-11-09")
    day_precise = [statement for statement in filterset.qs if statement.said_on_precision == "day"]
    assert {statement.said_on for statement in day_precise} == {dt.date(2022, 11, 9)}
    assert len(day_precise) == 2
    # and the ones dated only to November 2022 or to 2022, which may have been that day
    assert filterset.qs.count() == 4


def test_speaker_slugs_are_case_insensitive(archive):
    filterset = bound("speaker=White-House")
    assert filterset.is_valid()
    assert filterset.qs.count() == 1


def test_said_from_keeps_statements_dated_only_to_a_month_or_year_that_reaches_it(archive):
    statements = archive["statements"]
    # "sullivan" is dated Nov 2022 (month), "no_basis" 2022 (year)
    mid_november = {s.pk for s in bound("said_from=2022-11-15").qs}
    assert statements["sullivan"].pk in mid_november
    assert statements["no_basis"].pk in mid_november
    assert statements["denial"].pk not in mid_november  # 9 Nov, a day: before the 15th
    december = {s.pk for s in bound("said_from=2022-12-01").qs}
    assert statements["sullivan"].pk not in december
    assert statements["no_basis"].pk in december
    assert not {s.pk for s in bound("said_from=2023-01-01").qs} & set(s.pk for s in statements.values())


# --- with a search, stance, kind, country and outlet are matched through the search vector (outlet always) --


def found(query: str) -> set[int]:
    filterset = bound(query)
    assert filterset.is_valid(), filterset.errors
    return set(filterset.qs.values_list("pk", flat=True))


def test_filters_with_a_search_find_what_they_find_without_one(archive):
    talks = found("q=talks OR negotiations OR terms OR round OR spoken")
    assert len(talks) >= 4
    for query in (
        "country=RU",
        "country=UA&country=TR",
        "stance=sets_conditions",
        "kind=direct",
        "outlet=Reuters",
        "outlet=Kyiv Independent",
        "country=RU&stance=denies_contact&outlet=Antiwar.com",
    ):
        with_search = found(f"q=talks OR negotiations OR terms OR round OR spoken&{query}")
        assert with_search == found(query) & talks, query


def test_a_search_cannot_match_a_filter_value_as_words(archive):
    assert found("q=country=RU") == set()
    assert found('q="stance=denies_contact"') == set()


def test_an_outlet_with_quotes_and_backslashes_is_matched_exactly(archive):
    from tests.factories import make_article, make_statement

    article = make_article(
        "Envoys meet again", "The envoys said the talks would resume next week.", outlet="Rock 'n' Roll \\ Times"
    )
    statement = make_statement(article, archive["actors"]["erdogan"], "the talks would resume next week")
    assert found("q=talks&outlet=Rock 'n' Roll \\ Times") == {statement.pk}
    assert found("q=talks&outlet=Rock 'n' Roll") == set()


def test_a_search_with_a_filter_follows_later_edits(archive):
    """The filter values live in the statements' search vectors, kept by database triggers."""
    s, actors = archive["statements"], archive["actors"]
    search = "q=talks OR negotiations OR terms OR round OR spoken"
    # the actor's country changes: his statements move to the new country
    assert s["istanbul"].pk in found(f"{search}&country=TR")
    actors["erdogan"].country = "GR"
    actors["erdogan"].save()
    assert s["istanbul"].pk not in found(f"{search}&country=TR")
    assert s["istanbul"].pk in found(f"{search}&country=GR")
    # the article's outlet changes
    article = s["istanbul"].article
    article.outlet = "Associated Press"
    article.save()
    assert s["istanbul"].pk not in found(f"{search}&outlet=Reuters")
    assert s["istanbul"].pk in found(f"{search}&outlet=Associated Press")
    # an editor changes the stance or the kind
    Statement.objects.filter(pk=s["istanbul"].pk).update(stance=Statement.Stance.OTHER, kind=Statement.Kind.MIXED)
    assert s["istanbul"].pk in found(f"{search}&stance=other&kind=mixed")
    assert s["istanbul"].pk not in found(f"{search}&stance=calls_for_talks")
    # the speaker's name changes: the vector is rebuilt, the filter values stay
    actors["erdogan"].name = "R. T. Erdogan"
    actors["erdogan"].save()
    assert s["istanbul"].pk in found(f"{search}&country=GR&outlet=Associated Press&stance=other")
    # an actor's country removed
    actors["erdogan"].country = ""
    actors["erdogan"].save()
    assert s["istanbul"].pk not in found(f"{search}&country=GR")


def test_the_outlet_filter_finds_the_statements_of_that_outlets_articles(archive):
    """Matched through the search vector even without a search: it must follow the articles' outlet."""
    for outlet in ("Reuters", "Kyiv Independent", "Antiwar.com"):
        expected = set(Statement.objects.filter(article__outlet=outlet).values_list("pk", flat=True))
        assert expected and found(f"outlet={outlet}") == expected
    article = archive["statements"]["istanbul"].article
    article.outlet = "Associated Press"
    article.save()
    assert found("outlet=Reuters") == set()
    assert found("outlet=Associated Press") == set(article.statements.values_list("pk", flat=True))
