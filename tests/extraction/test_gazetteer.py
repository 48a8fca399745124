"""The gazetteer: which actors, countries, roles and outlets a phrase names."""

import pytest

from articles.extraction.gazetteer import ActorInfo, country_of, describe_role, lookup_actor, media_outlet


@pytest.mark.parametrize(
    "text, name, kind, country",
    [
        ("the Kremlin", "Kremlin", "government", "RU"),
        ("The White House", "White House", "government", "US"),
        ("the Biden administration", "Biden administration", "government", "US"),
        ("the Trump administration", "Trump administration", "government", "US"),
        ("Moscow", "Russian government", "government", "RU"),
        ("Russia", "Russian government", "government", "RU"),
        ("Kiev", "Ukrainian government", "government", "UA"),
        ("Kyiv", "Ukrainian government", "government", "UA"),
        ("Washington", "US government", "government", "US"),
        ("the United States", "US government", "government", "US"),
        ("Downing Street", "Downing Street", "government", "GB"),
        ("the Élysée", "Élysée Palace", "government", "FR"),
        ("Brussels", "European Union", "organisation", ""),
        ("the UN Security Council", "UN Security Council", "organisation", ""),
        ("NATO", "NATO", "organisation", ""),
        ("the IAEA", "IAEA", "organisation", ""),
        ("the State Department", "State Department", "government", "US"),
        ("the Russian Foreign Ministry", "Russian Foreign Ministry", "government", "RU"),
        ("Ukraine's Defence Ministry", "Ukrainian Defence Ministry", "government", "UA"),
        ("Russia's TASS news agency", "TASS", "media", "RU"),
        ("the BBC", "BBC", "media", "GB"),
        ("the Associated Press", "Associated Press", "media", "US"),
    ],
)
def test_lookup_actor_names_bodies_seats_and_outlets(text, name, kind, country):
    info = lookup_actor(text)
    assert isinstance(info, ActorInfo)
    assert (info.name, info.kind, info.country) == (name, kind, country)


def test_lookup_actor_kremlin_role_matches_gold():
    assert lookup_actor("the Kremlin") == ActorInfo("Kremlin", "government", "RU", "Russian presidential administration")
    assert lookup_actor("the Biden administration").role == "US executive branch"


@pytest.mark.parametrize("text", ["Andrey Kelin", "he", "us", "who", "the talks", "Russian", ""])
def test_lookup_actor_rejects_people_pronouns_and_words(text):
    assert lookup_actor(text) is None


@pytest.mark.parametrize(
    "text, code",
    [
        ("Russian", "RU"),
        ("Russia's", "RU"),
        ("Russia’s", "RU"),
        ("the US", "US"),
        ("U.S.", "US"),
        ("American", "US"),
        ("the UK", "GB"),
        ("British", "GB"),
        ("Ukrainian", "UA"),
        ("Kiev", "UA"),
        ("Kyiv", "UA"),
        ("Chinese", "CN"),
        ("Beijing", "CN"),
        ("Tehran", "IR"),
        ("Jerusalem", "IL"),
        ("Ankara", "TR"),
        ("Türkiye", "TR"),
        ("the Netherlands", "NL"),
        ("Ivorian", "CI"),
        ("the Russian Federation", "RU"),
        ("North Korea", "KP"),
        ("South Korean", "KR"),
    ],
)
def test_country_of_names_demonyms_possessives_capitals(text, code):
    assert country_of(text) == code


@pytest.mark.parametrize("text", ["us", "the talks", "chad", "", "Economic Club"])
def test_country_of_none_for_words_that_are_not_countries(text):
    assert country_of(text) is None


@pytest.mark.parametrize(
    "text, role, code",
    [
        ("the Russian ambassador to the UK", "Russian ambassador to the UK", "RU"),
        ("Kremlin spokesman", "Kremlin spokesman", "RU"),
        ("US National Security Adviser", "US National Security Adviser", "US"),
        ("the Ukrainian president", "President of Ukraine", "UA"),
        ("The Ukrainian president", "President of Ukraine", "UA"),
        ("Russian President Vladimir Putin", "President of Russia", "RU"),
        ("Russia's representative to the UN", "Russia's representative to the UN", "RU"),
        ("Chairman of the Joint Chiefs of Staff", "Chairman of the Joint Chiefs of Staff", "US"),
        ("Chairman of the Joint Chiefs of Staff Gen. Mark Milley", "Chairman of the Joint Chiefs of Staff", "US"),
        ("Kremlin aide", "Kremlin aide", "RU"),
        ("Russian Security Council Secretary", "Russian Security Council Secretary", "RU"),
        ("Secretary of State", "Secretary of State", "US"),
        ("the US ambassador to Russia", "US ambassador to Russia", "US"),
        ("foreign minister", "foreign minister", ""),
        ("British Foreign Secretary", "British Foreign Secretary", "GB"),
    ],
)
def test_describe_role(text, role, code):
    assert describe_role(text) == (role, code)


@pytest.mark.parametrize("text", ["Andrey Kelin", "the Kremlin", "he", "the talks in Geneva", ""])
def test_describe_role_none_when_not_a_role(text):
    assert describe_role(text) is None


@pytest.mark.parametrize(
    "text, outlet",
    [
        ("Tass", "TASS"),
        ("Russia's TASS news agency", "TASS"),
        ("The Russian news agency Tass", "TASS"),
        ("the BBC", "BBC"),
        ("Politico", "POLITICO"),
        ("WSJ", "The Wall Street Journal"),
        ("The Wall Street Journal", "The Wall Street Journal"),
        ("the New York Times", "The New York Times"),
        ("AP", "Associated Press"),
        ("Al Jazeera", "Al Jazeera"),
        ("the Kyiv Independent", "Kyiv Independent"),
        ("the Vedomosti newspaper", "Vedomosti"),
    ],
)
def test_media_outlet_aliases_map_to_one_name(text, outlet):
    assert media_outlet(text) == outlet


@pytest.mark.parametrize("text", ["reporters", "the Kremlin", "The New York newspaper", "ap", "journalists", ""])
def test_media_outlet_none_for_non_outlets(text):
    assert media_outlet(text) is None


def test_names_that_are_ordinary_words_count_only_capitalised():
    assert lookup_actor("the Guardian").name == "The Guardian"
    assert lookup_actor("a guardian") is None
    assert lookup_actor("the times") is None
    assert lookup_actor("pentagon") is None
    assert media_outlet("the Times") == "The Times"


@pytest.mark.parametrize(
    "text, role, code",
    [
        ("the spokesman for the Russian Foreign Ministry", "spokesman for the Russian Foreign Ministry", "RU"),
        ("an adviser to Russian President Vladimir Putin", "adviser to Russian President", "RU"),
        ("the ambassador to Russia", "ambassador to Russia", ""),
        ("Chinese Foreign Ministry spokesman Wang Wenbin", "Chinese Foreign Ministry spokesman", "CN"),
        ("the Pentagon press secretary", "Pentagon press secretary", "US"),
    ],
)
def test_describe_role_affiliation_versus_destination(text, role, code):
    assert describe_role(text) == (role, code)


def test_national_security_council_with_a_country_is_that_country_s_body():
    info = lookup_actor("the Russian Security Council")
    assert (info.name, info.country) == ("Russian Security Council", "RU")
    assert lookup_actor("the UN Security Council").country == ""


@pytest.mark.parametrize(
    "text, name, country",
    [
        ("the Ministry of Foreign Affairs of Ukraine", "Ukrainian Foreign Ministry", "UA"),
        ("the US administration", "US government", "US"),
        ("the Russian side", "Russian government", "RU"),
        ("Ukrainian authorities", "Ukrainian government", "UA"),
        ("the Russian Embassy in London", "Russian Embassy", "RU"),
        ("Tass news agency", "TASS", "RU"),
        ("state news agency RIA Novosti", "RIA Novosti", "RU"),
        ("CNN's State of the Union", "CNN", "US"),
    ],
)
def test_lookup_actor_descriptions(text, name, country):
    info = lookup_actor(text)
    assert (info.name, info.country) == (name, country)
