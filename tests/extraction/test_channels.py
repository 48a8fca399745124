"""Channel (which parties' line of communication) and stance towards talks."""

import json
import re
from pathlib import Path

import pytest

from articles.extraction.channels import classify_stance, find_channel
from articles.extraction.types import STANCES, ArticleMeta

REPO = Path(__file__).resolve().parents[2]
GOLD = Path(__file__).resolve().parents[3] / "shared" / "gold" / "seeds.json"
NO_META = ArticleMeta()


# --- channel -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content, speaker_country, channel",
    [
        ("it hasn’t had any interaction with the US about the subject of peace talks", "RU", ["RU", "US"]),
        ("there have been no “informal negotiations” between Russia and Ukraine", "RU", ["RU", "UA"]),
        ("he does not rule out negotiating with Russia", "UA", ["RU", "UA"]),
        ("talks between Moscow and Kyiv had stalled", "", ["RU", "UA"]),
        ("the channels to communicate with the Russian Federation remained open", "US", ["RU", "US"]),
        ("we are ready to talk to Beijing at any level", "US", ["CN", "US"]),
        ("the India-Pakistan dialogue had resumed in secret", "GB", ["IN", "PK"]),
        ("Turkish-brokered talks between Russia and Ukraine would resume in Istanbul", "TR", ["RU", "UA"]),
        ("a deal with Tehran was still possible after talks in Vienna", "US", ["IR", "US"]),
        ("Brussels would keep its channels to London open", "", ["EU", "GB"]),
    ],
)
def test_find_channel_parties(content, speaker_country, channel):
    assert find_channel(content, content, speaker_country, content, NO_META) == channel


def test_classify_stance_negated_cue_neither_confirms_nor_denies():
    sentence = "The spokesman did not confirm that talks with Washington had taken place."
    assert classify_stance("talks with Washington had taken place", "confirm", sentence) == "other"
    sentence = "The spokesman confirmed that talks with Washington had taken place."
    assert classify_stance("talks with Washington had taken place", "confirmed", sentence) == "confirms_contact"


def test_find_channel_ignores_people_named_like_countries():
    content = "Mark Cuban knows as much about national security talks as I do"
    assert find_channel(content, content, "US", content, NO_META) == []


def test_find_channel_none_when_statement_is_not_about_talks():
    content = "the United States had an obligation to hold them accountable"
    assert find_channel(content, content, "US", content, NO_META) == []


def test_find_channel_third_party_speaks_to_one_side_about_the_other():
    sentence = ("After the general's call for negotiations, the Biden administration reassured Ukraine that peace "
                "talks don’t need to happen and that they would continue supporting the fight against Russia.")
    content = "peace talks don’t need to happen and that they would continue supporting the fight against Russia"
    assert find_channel(content, sentence, "US", sentence, NO_META) == ["RU", "UA"]


def test_find_channel_falls_back_to_the_title_when_the_quote_names_no_party():
    meta = ArticleMeta(title="Berlin confirms it is holding talks with Beijing")
    content = "We have not described the channels that we have established"
    sentence = f'"{content}," the chancellor said.'
    assert find_channel(content, sentence, "DE", sentence, meta) == ["CN", "DE"]
    # without talk words in the statement the title does not make it a channel statement
    assert find_channel("the weather was fine", "the weather was fine", "DE", "", meta) == []


# --- stance ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content, cue, stance",
    [
        ("it hasn’t had any interaction with the US about the subject of peace talks", "said", "denies_contact"),
        ("there have been no “informal negotiations” between Russia and Ukraine", "said", "denies_contact"),
        ("Informal negotiations are not going on, because Kiev is very stubborn", "told", "denies_contact"),
        ('"the channels to communicate with the Russian Federation" remained open', "confirmed", "confirms_contact"),
        ("the envoy had held confidential talks in recent months with Chinese officials", "revealed", "confirms_contact"),
        ("he does not rule out negotiating with Russia", "repeated", "calls_for_talks"),
        ("Paris was ready for talks with Algiers", "said", "calls_for_talks"),
        ("has voiced support for a diplomatic solution", "has voiced support", "calls_for_talks"),
        ("peace talks don’t need to happen", "reassured", "rejects_talks"),
        ("Seoul will not negotiate with Pyongyang", "said", "rejects_talks"),
        ("he ruled out talks with the rebels", "said", "rejects_talks"),
        ("Russia will continue its operation until Kyiv is ready for talks", "said", "sets_conditions"),
        ("a Russian withdrawal and reparations before negotiations could begin", "demanded", "sets_conditions"),
        ("only genuine negotiations: that they restore Ukraine's borders", "", "sets_conditions"),
        ('although Moscow remains "open" to talks, it cannot negotiate with Kyiv', "added", "sets_conditions"),
        ("declined to comment on the newspaper's revelations", "declined to comment", "other"),
        ("the White House refused to give more details about the communication channels", "stating", "other"),
        ("We have not described the channels that we have established to protect them", "said", "confirms_contact"),
        ("the United States had an obligation to hold them accountable", "noted", "other"),
        ("talks were taking place in Oman", "denied", "denies_contact"),
        ("talks with Iran were not taking place", "said", "denies_contact"),
        ("the meeting with the Chinese envoy never took place", "said", "denies_contact"),
        ("talks with the Kremlin took place last month", "said", "confirms_contact"),
        # talk words used about something else are not a stance on talks
        ("the senator talked about criminal justice reform", "said", "other"),
        ("You can't talk about change if you don't know what we're changing", "said", "other"),
        ("to discuss potential appointees", "refuses", "other"),
        ("the envoy spoke with Iranian officials in Muscat", "said", "confirms_contact"),
        ("Israel to freeze settlement construction in the occupied West Bank", "decided to press", "other"),
        ("one official said, speaking on condition of anonymity to discuss internal deliberations", "said", "other"),
        ("it's too early to discuss strategies for a Senate run", "say", "other"),
    ],
)
def test_classify_stance(content, cue, stance):
    assert classify_stance(content, cue, content) == stance


@pytest.mark.parametrize(
    "content, cue, speaker_country, stance, channel",
    [
        ("Beijing was willing to host talks between Moscow and Kyiv", "said", "CN", "calls_for_talks", ["RU", "UA"]),
        ("there were no plans for a meeting between the two presidents", "said", "RU", "denies_contact", []),
        ("Washington had not been in contact with Tehran since the election", "said", "US", "denies_contact", ["IR", "US"]),
        ("the two sides had agreed to resume negotiations next month", "said", "", "confirms_contact", []),
        ("Israel and Hamas were holding indirect talks through Egyptian mediators", "said", "", "confirms_contact",
         ["IL", "PS"]),
        ("Kyiv would never negotiate with Moscow while Russian troops occupied its territory", "said", "UA",
         "sets_conditions", ["RU", "UA"]),
        ("any talks must be based on the withdrawal of all Russian forces", "said", "UA", "sets_conditions", ["RU", "UA"]),
        ("Pyongyang had rejected Seoul's offer of dialogue", "said", "KR", "rejects_talks", ["KP", "KR"]),
        ("the United States is ready to talk to North Korea without preconditions", "said", "US", "calls_for_talks",
         ["KP", "US"]),
        ("we have maintained contacts with the Taliban", "said", "CN", "confirms_contact", ["AF", "CN"]),
        ("he called on Armenia and Azerbaijan to return to the negotiating table", "said", "FR", "calls_for_talks",
         ["AM", "AZ"]),
        ("there is no alternative to dialogue between India and Pakistan", "said", "", "calls_for_talks", ["IN", "PK"]),
        ("Serbia will not recognise Kosovo and sees no point in further EU-mediated talks", "said", "RS",
         "rejects_talks", ["RS", "XK"]),
        ("Moscow denied that any negotiations with Washington were under way", "", "RU", "denies_contact", ["RU", "US"]),
        ("the prime minister held a phone call with his Japanese counterpart", "said", "CN", "confirms_contact",
         ["CN", "JP"]),
        ("Venezuela was open to dialogue with the opposition if sanctions were lifted", "said", "VE", "sets_conditions", []),
        ("it was too early to talk about a ceasefire", "said", "UA", "rejects_talks", []),
        ("talks with Iran on reviving the nuclear deal had stalled", "said", "US", "other", ["IR", "US"]),
        ("Russia has repeatedly said it is open to negotiations", "said", "RU", "calls_for_talks", []),
        ("Tokyo and Beijing have kept lines of communication open despite the dispute", "said", "JP",
         "confirms_contact", ["CN", "JP"]),
        ("no talks with the Kremlin are planned", "said", "US", "denies_contact", ["RU", "US"]),
        ("the president has no intention of meeting his Russian counterpart", "said", "UA", "rejects_talks", ["RU", "UA"]),
        ("Moscow was not seeking negotiations with the West", "said", "RU", "rejects_talks", []),
        ("Saudi Arabia and Iran agreed to restore diplomatic ties after talks in Beijing", "said", "", "confirms_contact",
         ["IR", "SA"]),
        ("there can be no negotiations with terrorists", "said", "IL", "rejects_talks", []),
        ("Ukraine will only negotiate once Russian troops have left its territory", "said", "UA", "sets_conditions",
         ["RU", "UA"]),
        ("diplomatic contacts between London and Moscow had been frozen", "said", "GB", "denies_contact", ["GB", "RU"]),
        ("the envoy had secretly travelled to Tehran for talks with Iranian officials", "reported", "US",
         "confirms_contact", ["IR", "US"]),
        ("Turkey is ready to mediate between Russia and Ukraine", "said", "TR", "calls_for_talks", ["RU", "UA"]),
        ("we urge both sides to show restraint and to resume dialogue", "said", "CN", "calls_for_talks", []),
        ("the Chinese side has never refused dialogue with the United States", "said", "CN", "calls_for_talks",
         ["CN", "US"]),
        ("reports of secret negotiations with Kyiv were false", "said", "RU", "denies_contact", ["RU", "UA"]),
        ("the meeting with the Iranian foreign minister had been productive", "said", "FR", "confirms_contact",
         ["FR", "IR"]),
        ("Germany stands ready to support any diplomatic initiative", "said", "DE", "calls_for_talks", []),
    ],
)
def test_stance_and_channel_on_other_diplomacy(content, cue, speaker_country, stance, channel):
    assert classify_stance(content, cue, content) == stance
    assert find_channel(content, content, speaker_country, content, NO_META) == channel


# --- the seed gold -----------------------------------------------------------------------------

_SENTENCE_END = re.compile(r'(?<=[.!?])["”]?\s+(?=["“A-Z])|\n')


def _context(text: str, content: str) -> tuple[str, str] | None:
    """The sentence(s) and the paragraph around `content` in `text`."""
    start = text.find(content)
    if start < 0:
        return None
    end = start + len(content)
    para_start = text.rfind("\n\n", 0, start) + 1 if "\n\n" in text[:start] else 0
    para_end = text.find("\n\n", end)
    paragraph = text[para_start : para_end if para_end >= 0 else len(text)].strip()
    boundaries = [m.end() for m in _SENTENCE_END.finditer(text)]
    sent_start = max([b for b in boundaries if b <= start], default=0)
    sent_end = min([b for b in boundaries if b >= end], default=len(text))
    return text[sent_start:sent_end].strip(), paragraph


def _gold_cases(required_only: bool):
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    countries = {actor["name"]: actor["country"] for actor in gold["actors"]}
    cases = []
    for statement in gold["statements"]:
        if required_only and not statement.get("required"):
            continue
        article = gold["articles"][statement["article"]]
        text = (REPO / "fixtures" / statement["article"]).read_text(encoding="utf-8")
        context = _context(text, statement["content"])
        assert context is not None, f"gold content not in the seed: {statement['content'][:60]}"
        sentence, paragraph = context
        meta = ArticleMeta(title=article["title"], subtitle=article["subtitle"])
        cases.append((statement, sentence, paragraph, meta, countries.get(statement["speaker"], "")))
    return cases


def _score(required_only: bool):
    channel_right, stance_right, misses = 0, 0, []
    cases = _gold_cases(required_only)
    for statement, sentence, paragraph, meta, country in cases:
        expected_channel = sorted(statement.get("channel", []))
        channel = find_channel(statement["content"], sentence, country, paragraph, meta)
        stance = classify_stance(statement["content"], statement["cue"] or "", sentence)
        assert stance in STANCES
        channel_right += channel == expected_channel
        stance_right += stance == statement["stance"]
        if channel != expected_channel or stance != statement["stance"]:
            misses.append(f"{statement['speaker']} [{statement['cue']}] {statement['content'][:60]!r}: "
                          f"channel {channel} (gold {expected_channel}), stance {stance} (gold {statement['stance']})")
    return len(cases), channel_right, stance_right, misses


@pytest.mark.skipif(not GOLD.exists(), reason="gold annotations not available")
def test_seed_gold_channel_and_stance_at_least_80_percent():
    total, channel_right, stance_right, misses = _score(required_only=True)
    print(f"\nrequired: channel {channel_right}/{total}, stance {stance_right}/{total}")
    all_total, all_channel, all_stance, all_misses = _score(required_only=False)
    print(f"all: channel {all_channel}/{all_total}, stance {all_stance}/{all_total}")
    print("misses:\n  " + "\n  ".join(all_misses))
    assert channel_right >= 0.8 * total, misses
    assert stance_right >= 0.8 * total, misses


def test_settlement_without_parties_takes_the_sides_of_the_conflict_from_the_lead():
    lead = ("Despite more dialogue between the US and Russia, there is still no sign of peace talks "
            "between Russia and Ukraine.")
    paragraph = "The general has voiced support for a diplomatic solution."
    meta = ArticleMeta(title="More US-Russia dialogue")
    channel = find_channel("support for a diplomatic solution", paragraph, "US", paragraph, meta, lead)
    assert channel == ["RU", "UA"]


def test_contact_without_parties_takes_the_speakers_pair_from_the_lead():
    lead = "Washington has kept a low profile on its contacts with Russia over the war."
    paragraph = "The adviser said the channels remained open."
    meta = ArticleMeta(title="Talks between Moscow and Kyiv stall")
    assert find_channel("the channels remained open", paragraph, "US", paragraph, meta, lead) == ["RU", "US"]


def test_headline_is_the_last_resort_for_a_channel():
    meta = ArticleMeta(title="Russia and Ukraine hold talks in Istanbul")
    assert find_channel("the talks were useful", "He said the talks were useful.", "", "", meta, "") == ["RU", "UA"]
