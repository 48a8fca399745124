"""The extraction engine on short diplomacy snippets: constructions, speakers and offsets."""

from __future__ import annotations

import datetime as dt

import pytest

from articles.extraction import ArticleMeta, predict_document
from tests.extraction.helpers import extract_checked, one_containing


# --- direct quotes ---------------------------------------------------------------------------


def test_direct_quote_with_trailing_attribution():
    body = "“We are ready to talk to anyone who wants peace,” Foreign Minister Anna Berg said on Monday."
    [st] = extract_checked(body)
    assert st.speaker == "Anna Berg"
    assert st.speaker_role == "Foreign Minister"
    assert st.kind == "direct"
    assert st.cue == "said"
    assert st.content == "“We are ready to talk to anyone who wants peace,”"
    assert st.content_start == 0


def test_straight_quotes_and_inverted_cue():
    body = 'The envoy left Geneva early. "There is no agreement yet," said Omar Haddad, the chief negotiator.'
    [st] = extract_checked(body)
    assert st.speaker == "Omar Haddad"
    assert st.kind == "direct"
    assert st.content.startswith('"There is no agreement yet')


def test_quote_split_by_its_attribution_is_one_statement():
    body = "“The talks were useful,” the minister, Lena Ortiz, said, “but we are not there yet.”"
    statements = extract_checked(body)
    assert len(statements) == 1
    st = statements[0]
    assert st.speaker == "Lena Ortiz"
    assert st.content.startswith("“The talks were useful")
    assert st.content.endswith("not there yet.”")


def test_quote_running_over_two_paragraphs_keeps_its_speaker():
    body = (
        "Ambassador Piet Janssen spoke after the session.\n\n"
        "“We have asked both sides to return to the table. Nobody gains from delay,” Janssen said.\n\n"
        "“The ceasefire must hold before anything else can be discussed.”\n\n"
        "The talks resume next week."
    )
    statements = extract_checked(body)
    assert [st.speaker for st in statements] == ["Piet Janssen", "Piet Janssen"]
    assert statements[1].content.startswith("“The ceasefire must hold")
    assert statements[1].kind == "direct"


def test_quote_only_sentence_continues_the_statement_before_it():
    body = "“We will not sign under pressure,” the spokeswoman, Mira Kovac, said. “Our position is unchanged.”"
    [st] = extract_checked(body)
    assert st.speaker == "Mira Kovac"
    assert st.content.endswith("“Our position is unchanged.”")


def test_colon_introduces_quote():
    body = "Prime Minister Sato Kenji told reporters: “Dialogue is the only way forward.”"
    [st] = extract_checked(body)
    assert st.speaker == "Sato Kenji"
    assert st.content == "“Dialogue is the only way forward.”"
    assert st.kind == "direct"


# --- reported speech -------------------------------------------------------------------------


def test_said_that_with_day():
    body = "Foreign Secretary Helen Marsh said Wednesday that London would host the next round of talks."
    [st] = extract_checked(body)
    assert st.speaker == "Helen Marsh"
    assert st.kind == "indirect"
    assert st.content == "London would host the next round of talks"


def test_said_without_that():
    body = "Defense Minister Karl Weber said the two delegations had agreed on a prisoner exchange."
    [st] = extract_checked(body)
    assert st.content == "the two delegations had agreed on a prisoner exchange"


def test_told_listener_that():
    body = "Deputy Foreign Minister Ivan Orlov told the BBC that contacts with Washington had been frozen."
    [st] = extract_checked(body)
    assert st.speaker == "Ivan Orlov"
    assert st.cue == "told"
    assert st.content == "contacts with Washington had been frozen"


def test_according_to_at_sentence_start_and_end():
    body = (
        "According to senior diplomats, the summit could take place in Vienna. "
        "The delegations met twice last week, according to the foreign ministry."
    )
    statements = extract_checked(body)
    first = one_containing(statements, "Vienna")
    assert first.cue == "according to"
    assert first.mention == "senior diplomats"
    assert first.content == "the summit could take place in Vienna"
    second = one_containing(statements, "met twice")
    assert second.content == "The delegations met twice last week"
    assert second.mention == "the foreign ministry"


def test_postposed_attribution_and_added():
    body = "The ceasefire has largely held since Sunday, a senior United Nations official said. Aid convoys are moving again, the official added."
    statements = extract_checked(body)
    assert one_containing(statements, "largely held").cue == "said"
    added = one_containing(statements, "Aid convoys")
    assert added.cue == "added"
    assert added.content == "Aid convoys are moving again"


def test_mixed_statement_is_one_statement():
    body = "Chancellor Eva Lind said the proposal was “a serious basis for negotiations” and should be studied."
    [st] = extract_checked(body)
    assert st.kind == "mixed"
    assert "“a serious basis for negotiations”" in st.content


def test_diplomatic_cues():
    body = (
        "Minister Paul Roux denied that any secret talks had taken place. "
        "Roux insisted that France remained open to mediation. "
        "He warned that the window for diplomacy was closing. "
        "Roux pledged to keep the embassy open."
    )
    statements = extract_checked(body)
    assert [st.cue for st in statements] == ["denied", "insisted", "warned", "pledged"]
    assert {st.speaker for st in statements} == {"Paul Roux"}


def test_declined_to_comment():
    body = "A spokesman for the ministry, Jan Novak, declined to comment on the report."
    [st] = extract_checked(body)
    assert st.cue == "declined to comment"
    assert st.speaker == "Jan Novak"


def test_coordinated_verbs_share_the_speaker_and_split_the_content():
    body = "Envoy Clara Diaz noted that both sides had made concessions and urged them to meet again in May."
    statements = extract_checked(body)
    assert [st.cue for st in statements] == ["noted", "urged"]
    assert statements[0].content == "both sides had made concessions"
    assert statements[1].speaker == "Clara Diaz"


def test_passive_said_is_not_a_statement():
    body = "The agreement is said to include a clause on grain exports."
    assert extract_checked(body) == []


# --- speakers --------------------------------------------------------------------------------


def test_surname_refers_back_to_full_name():
    body = (
        "National Security Adviser Tom Becker met his counterpart in Rome on Friday.\n\n"
        "Becker said the meeting had been constructive."
    )
    [st] = extract_checked(body)
    assert st.speaker == "Tom Becker"
    assert st.mention == "Becker"
    assert "National Security Adviser Tom Becker" in st.speaker_aliases


def test_pronoun_refers_back_to_last_speaker():
    body = (
        "Foreign Minister Marta Silva said Lisbon was ready to mediate. "
        "She added that both capitals had welcomed the offer."
    )
    statements = extract_checked(body)
    second = one_containing(statements, "both capitals")
    assert second.mention == "She"
    assert second.speaker == "Marta Silva"


def test_pronoun_prefers_person_named_after_the_last_statement():
    body = (
        "Ambassador Lukas Brandt said the embassy would stay open.\n\n"
        "President Ana Ruiz has softened her tone on negotiations. "
        "She demanded guarantees before any meeting could take place."
    )
    statements = extract_checked(body)
    assert one_containing(statements, "guarantees").speaker == "Ana Ruiz"


def test_role_description_resolves_to_name_given_later():
    body = (
        "The Russian ambassador to the UK said Tuesday that there had been no secret contacts. "
        "“Nobody is talking to anybody,” Pavel Sorokin told the BBC."
    )
    statements = extract_checked(body)
    first = one_containing(statements, "no secret contacts")
    assert first.speaker == "Pavel Sorokin"
    assert first.mention == "The Russian ambassador to the UK"
    assert first.speaker_country == "RU"


def test_role_description_resolves_to_name_given_earlier():
    body = (
        "Ukrainian President Taras Melnyk met European leaders in Brussels.\n\n"
        "The Ukrainian president said Kyiv would not give up any territory."
    )
    [st] = extract_checked(body)
    assert st.speaker == "Taras Melnyk"
    assert st.speaker_country == "UA"


def test_title_before_name_gives_role():
    body = "Kremlin spokesman Oleg Volkov said there were no plans for a summit."
    [st] = extract_checked(body)
    assert st.speaker == "Oleg Volkov"
    assert st.speaker_role == "Kremlin spokesman"
    assert st.speaker_country == "RU"


def test_appositive_role_after_name():
    body = "Igor Petrov, Russia's representative to the UN, said Moscow saw no basis for talks."
    [st] = extract_checked(body)
    assert st.speaker == "Igor Petrov"
    assert st.speaker_role == "Russia's representative to the UN"


@pytest.mark.parametrize(
    "mention, name, country",
    [("The Kremlin", "Kremlin", "RU"), ("The White House", "White House", "US")],
)
def test_government_metonyms(mention, name, country):
    body = f"{mention} said on Thursday that it had no contacts with the other side about talks."
    [st] = extract_checked(body)
    assert st.speaker == name
    assert st.speaker_kind == "government"
    assert st.speaker_country == country


def test_capital_city_as_speaker():
    body = "Moscow has repeatedly said it is open to negotiations without preconditions."
    [st] = extract_checked(body)
    assert st.speaker_kind == "government"
    assert st.speaker_country == "RU"


def test_names_come_from_the_text_only():
    body = "“We are studying the letter,” a senior official said."
    [st] = extract_checked(body)
    assert st.speaker == "senior official"
    assert st.speaker_kind == "person"


# --- enrichment and document API ---------------------------------------------------------------


def test_enrichment_fields_are_filled_types():
    body = "Foreign Minister Ali Demir told Reuters on Wednesday that Ankara was ready to host talks between Russia and Ukraine."
    meta = ArticleMeta(title="Ankara offers to host talks", published=dt.datetime(2024, 3, 8, 9, 0))
    [st] = extract_checked(body, meta)
    assert st.speaker == "Ali Demir"
    assert isinstance(st.channel, list)
    assert st.stance in ("confirms_contact", "denies_contact", "calls_for_talks", "rejects_talks",
                         "sets_conditions", "other")
    assert st.said_on_precision in ("day", "month", "year", "unknown")


def test_predict_document_uses_offsets_into_the_text():
    text = "Talks resume.\n\n“We hope for progress,” said Nadia Karim, the mediator."
    out = predict_document({"doc_id": "d1", "text": text, "title": "Talks resume."})
    assert out["doc_id"] == "d1"
    [st] = out["statements"]
    assert text[st["content_start"]:st["content_end"]] == st["content"]
    assert st["speaker"] == "Nadia Karim"
    assert st["kind"] == "direct"


def test_empty_and_quote_free_text():
    assert extract_checked("") == []
    assert extract_checked("The delegations arrived in Doha on Monday evening.") == []


# --- further constructions ---------------------------------------------------------------------


def test_colon_at_paragraph_end_introduces_next_paragraph():
    body = (
        "The foreign minister, Lars Holm, warned reporters on Monday:\n\n"
        "“If the talks fail this week, there will not be another round before the summer.”"
    )
    statements = extract_checked(body)
    st = one_containing(statements, "another round")
    assert st.speaker == "Lars Holm"
    assert st.kind == "direct"


def test_as_outlet_reported_takes_the_rest_of_the_sentence():
    body = "As Reuters reported, the two sides exchanged drafts of a joint communique on Monday."
    [st] = extract_checked(body)
    assert st.speaker == "Reuters"
    assert st.content == "the two sides exchanged drafts of a joint communique on Monday"


def test_parenthetical_attribution_inside_content():
    body = "The ceasefire, the envoy said in an interview on Sunday, was holding in most of the region."
    [st] = extract_checked(body)
    assert st.mention == "the envoy"
    assert st.content.startswith("The ceasefire")
    assert st.content.endswith("most of the region")


def test_name_with_age_and_description():
    body = "Marta Lind, 54, a retired diplomat from Oslo, said the mediators had been too cautious."
    [st] = extract_checked(body)
    assert st.speaker == "Marta Lind"
    assert st.content == "the mediators had been too cautious"


def test_transcript_lines_are_statements_of_their_speaker():
    body = "MODERATOR: Will you meet the other side before the vote?\n\nOKAFOR: We are ready to meet them tomorrow."
    statements = extract_checked(body)
    assert [st.mention for st in statements] == ["MODERATOR", "OKAFOR"]
    assert statements[1].content == "We are ready to meet them tomorrow"


def test_newspaper_description_resolves_to_the_outlet_named_before():
    body = (
        "The Wall Street Journal reported on Sunday that envoys had met in Oman.\n\n"
        "The newspaper said the meetings had been kept secret for months."
    )
    statements = extract_checked(body)
    st = one_containing(statements, "kept secret")
    assert st.speaker_kind == "media"
    assert "Wall Street Journal" in st.speaker


def test_easier_said_than_done_is_not_a_statement():
    assert extract_checked("A lasting settlement is easier said than done.") == []


def test_later_words_of_a_speaker_share_the_date_of_the_first():
    body = (
        "Foreign Minister Rui Costa said on Monday that Lisbon would host the talks. "
        "“We are ready,” he added."
    )
    meta = ArticleMeta(published=dt.datetime(2024, 5, 8, 10, 0))  # a Wednesday
    statements = extract_checked(body, meta)
    assert [st.said_on for st in statements] == [dt.date(2024, 5, 6), dt.date(2024, 5, 6)]
    assert statements[1].said_on_precision == "day"


def test_role_keeps_the_articles_words_without_honorific():
    body = "Chairman of the Joint Chiefs of Staff Gen. Ana Ferreira said a ceasefire was possible."
    [st] = extract_checked(body)
    assert st.speaker == "Ana Ferreira"
    assert st.speaker_role == "Chairman of the Joint Chiefs of Staff"


def test_pronoun_agrees_with_gender_from_titles():
    body = (
        "Mr. Tomas Berg met Mrs. Lina Holt in Geneva on Monday. "
        "Mrs. Holt said the talks had been useful. "
        "He added that a second round was planned for June."
    )
    statements = extract_checked(body)
    assert one_containing(statements, "second round").speaker == "Tomas Berg"


def test_quote_left_open_at_paragraph_end_continues_as_one_statement():
    body = (
        "Foreign Minister Eva Noor told the assembly: “We will not walk away from the table.\n\n"
        "“We will keep talking until there is a ceasefire.”\n\n"
        "The session ended at noon."
    )
    statements = extract_checked(body)
    assert len(statements) == 1
    st = statements[0]
    assert st.speaker == "Eva Noor"
    assert st.content.startswith("“We will not walk away")
    assert st.content.endswith("until there is a ceasefire.”")
    assert st.kind == "direct"


def test_long_description_with_commas_after_the_name():
    body = "Jan Holm, the mayor of Bergen, Norway, said the mediators would return in the spring."
    [st] = extract_checked(body)
    assert st.speaker == "Jan Holm"
    assert st.content == "the mediators would return in the spring"


def test_unresolved_pronoun_gets_lower_confidence_than_a_name():
    [unresolved] = extract_checked("“We will see what the other side brings,” he said.")
    [named] = extract_checked("“We will see what the other side brings,” Minister Ida Strand said.")
    assert unresolved.speaker == "he"
    assert unresolved.confidence < named.confidence


# --- roles, outlets and venues across sentences --------------------------------------------------


def test_title_abbreviation_is_not_part_of_the_role():
    body = ("Chief of the Defence Staff Adm. Tomas Varga said on Monday that the ceasefire talks would go on.\n\n"
            "Ohio Sen. Jane Moore said the Senate backed the talks.")
    statements = extract_checked(body)
    admiral = one_containing(statements, "ceasefire talks")
    assert admiral.speaker == "Tomas Varga"
    assert admiral.speaker_role == "Chief of the Defence Staff"
    senator = one_containing(statements, "Senate backed")
    assert senator.speaker == "Jane Moore"
    assert senator.speaker_role == ""  # "Ohio" is a place, not an office


def test_bare_honorific_is_no_role():
    body = "Mr. Anton Weiss said that the envoys had met twice in Vienna."
    st = one_containing(extract_checked(body), "envoys had met")
    assert st.speaker == "Anton Weiss"
    assert st.speaker_role == ""


def test_outlet_and_venue_of_the_next_sentence_carry_back_to_the_same_remarks():
    body = ("Foreign Minister Lena Ortiz confirmed on Monday that the channels with Caracas remained open. "
            "\"We talk when we must,\" she said at the Geneva Security Forum, according to the BBC.\n\n"
            "Ortiz later said that no deal was near.")
    statements = extract_checked(body, ArticleMeta(published=dt.date(2024, 3, 6)))
    confirmed = one_containing(statements, "channels with Caracas")
    assert confirmed.reported_via == "BBC"
    assert confirmed.venue == "Geneva Security Forum"
    later = one_containing(statements, "no deal was near")  # another paragraph: another occasion
    assert later.reported_via == ""
    assert later.venue == ""


def test_outlet_does_not_carry_back_to_another_speaker():
    body = ("The Kremlin said on Monday that the talks had stalled. "
            "\"We are still ready,\" Lena Ortiz told the BBC.")
    statements = extract_checked(body)
    kremlin = one_containing(statements, "talks had stalled")
    assert kremlin.speaker == "Kremlin"
    assert kremlin.reported_via == ""
    assert one_containing(statements, "still ready").reported_via == "BBC"


# --- polls, statements and relative pronouns --------------------------------------------------------


def test_poll_opening_the_sentence_says_the_rest():
    body = "In a Gallup poll released Monday, 61 percent of Germans backed talks with Moscow."
    st = one_containing(extract_checked(body), "61 percent")
    assert st.content == "61 percent of Germans backed talks with Moscow"
    assert "poll" in st.speaker.lower()


def test_poll_closing_the_sentence_says_what_comes_before():
    body = "Support for a ceasefire rose to 48 percent in the latest Kyiv International Institute survey."
    st = one_containing(extract_checked(body), "ceasefire")
    assert st.content == "Support for a ceasefire rose to 48 percent"
    assert "survey" in st.speaker.lower()


def test_group_speaks_through_its_statement():
    body = "Greenpeace issued a statement saying the grain corridor talks must resume."
    st = one_containing(extract_checked(body), "grain corridor")
    assert st.speaker == "Greenpeace"


def test_relative_which_without_comma_names_the_body_before_it():
    body = "It was the security council which said the envoys should meet again in Geneva."
    st = one_containing(extract_checked(body), "envoys should meet")
    assert st.speaker.lower() != "which"
    assert "council" in st.speaker.lower()


def test_inverted_speaker_starting_with_a_role_word():
    body = "\"The channel to Tehran is still open,\" said former national security adviser Paul Brandt."
    st = one_containing(extract_checked(body), "channel to Tehran")
    assert st.speaker == "Paul Brandt"


def test_plural_agent_nouns_can_find():
    body = "The researchers found that back-channel contacts preceded every ceasefire since 2014."
    st = one_containing(extract_checked(body), "back-channel contacts")
    assert st.mention == "The researchers"


def test_comma_after_a_party_label():
    body = "Sen. Jane Roe (D-Ohio), said on Tuesday that she had not read the envoy's report."
    st = one_containing(extract_checked(body), "envoy's report")
    assert st.speaker == "Jane Roe"


# --- pronouns: gender from the article and from given names ------------------------------------------


def test_pronouns_after_a_name_give_it_a_gender():
    body = ("Tomas Berg met Alex Moreau in Vienna on Monday. Moreau said her delegation was ready. "
            "Moreau added that her government wanted a ceasefire.\n\n"
            "Berg spoke to reporters afterwards.\n\n"
            "She said the talks would resume in March.")
    st = one_containing(extract_checked(body), "resume in March")
    assert st.mention == "She"
    assert st.speaker == "Alex Moreau"


def test_common_given_name_decides_between_two_candidates():
    body = ("Maria Lindqvist, the Swedish envoy, met Peter Hallberg in Oslo.\n\n"
            "Hallberg said the channel to Tehran stayed open.\n\n"
            "She said that no date had been set for the next round.")
    st = one_containing(extract_checked(body), "no date had been set")
    assert st.speaker == "Maria Lindqvist"


# --- more cues: "made clear", "shot back", claim nouns --------------------------------------------------


def test_made_clear_reports_what_was_said():
    st = one_containing(extract_checked("Foreign Minister Lena Ortiz made it clear that the ceasefire would not be extended."),
              "ceasefire")
    assert st.speaker == "Lena Ortiz"
    assert st.content == "the ceasefire would not be extended"


def test_shot_back_after_a_quote():
    st = one_containing(extract_checked('"We never asked for a meeting," Ortiz shot back.'), "never asked")
    assert st.speaker == "Ortiz"
    assert st.cue == "shot back"


def test_possessor_of_a_claim_is_its_speaker():
    body = ("Peter Hallberg spoke in Oslo on Monday. "
            "The ministry later rejected his claim that secret talks had taken place in Oman.")
    statements = extract_checked(body)
    claim = next(st for st in statements if st.cue == "claim")
    assert claim.content == "secret talks had taken place in Oman"
    assert claim.mention == "his"
    assert claim.speaker == "Peter Hallberg"
    rejected = next(st for st in statements if st.cue == "rejected")
    assert rejected.content.startswith("his claim that")


def test_named_possessor_of_a_warning():
    body = "The ministry dismissed Foreign Minister Lena Ortiz's warning that the truce would collapse."
    warning = next(st for st in extract_checked(body) if st.cue == "warning")
    assert warning.speaker == "Lena Ortiz"
    assert warning.content == "the truce would collapse"


def test_asked_whether_is_the_question():
    st = one_containing(extract_checked("Ortiz asked reporters whether the envoys had met in Muscat."), "envoys had met")
    assert st.speaker == "Ortiz"
    assert st.content == "whether the envoys had met in Muscat"


def test_decisions_and_votes_are_intentions():
    statements = extract_checked("The Rada voted to suspend the talks. Ortiz decided to recall the ambassador.")
    assert one_containing(statements, "suspend the talks").cue == "voted"
    assert one_containing(statements, "recall the ambassador").speaker == "Ortiz"


def test_headline_speaker_before_a_colon():
    body = ("Lena Ortiz: Talks With Caracas Must Resume Before the Summit.\n\n"
            "Update: the ministry later published the full text.")
    statements = extract_checked(body)
    st = one_containing(statements, "Talks With Caracas")
    assert st.speaker == "Lena Ortiz"
    assert not [s for s in statements if s.speaker.startswith("Update")]


def test_for_a_named_person_gives_their_view():
    statements = extract_checked("For Mr. Hallberg, the channel to Tehran mattered more than the summit.\n\n"
                          "For now, the envoys will stay in Muscat until the spring.")
    st = one_containing(statements, "channel to Tehran")
    assert st.speaker == "Hallberg"
    assert not [s for s in statements if "Muscat" in s.content]  # "For now," names nobody
