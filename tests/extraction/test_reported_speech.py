"""Reported speech the engine must find: subjects of many shapes, words between the subject and the
cue, and inverted attributions that run on after the speaker."""

from __future__ import annotations

from tests.extraction.helpers import extract_checked, one_containing


def test_surname_ending_in_ly_is_a_name_not_an_adverb():
    body = "Senator Maria Kimberly visited Kyiv. Kimberly said the aid package would pass next month."
    st = one_containing(extract_checked(body), "aid package")
    assert st.speaker == "Maria Kimberly"
    assert st.content == "the aid package would pass next month"


def test_words_between_subject_and_cue_are_skipped():
    body = "The foreign minister on Tuesday said that the border crossing would reopen."
    st = one_containing(extract_checked(body), "border crossing")
    assert st.mention == "The foreign minister"
    body = "Ortiz however said the ceasefire was holding."
    assert one_containing(extract_checked(body), "ceasefire").speaker == "Ortiz"
    body = "The governor in a statement said the evacuation was complete."
    assert one_containing(extract_checked(body), "evacuation").mention == "The governor"


def test_inverted_speaker_may_run_on_after_a_quote():
    body = '"We expect a vote by Friday," said a negotiator for one of the delegations, who asked not to be named.'
    st = one_containing(extract_checked(body), "vote by Friday")
    assert "negotiator" in st.mention
    assert st.kind == "direct"


def test_inverted_lowercase_role_before_a_name():
    body = '"The numbers do not add up," said retired general Tomas Lindqvist, asked about the budget.'
    st = one_containing(extract_checked(body), "numbers do not add up")
    assert st.speaker == "Tomas Lindqvist"


def test_speaking_on_condition_of_anonymity_is_no_statement():
    body = '"Talks are stalled," said one diplomat, who spoke on the condition of anonymity.'
    statements = extract_checked(body)
    assert [st.content for st in statements] == ['"Talks are stalled,"']


def test_poll_shares_are_speakers():
    body = "In the survey, two in three said the economy was their main worry."
    st = one_containing(extract_checked(body), "economy")
    assert st.mention == "two in three"
    body = "About four in 10 said they expected prices to rise."
    assert one_containing(extract_checked(body), "prices to rise").mention == "About four in 10"
    body = "In Ohio, 60% of farmers said the tariffs had hurt them."
    assert one_containing(extract_checked(body), "tariffs").mention == "60% of farmers"


def test_subject_with_a_prepositional_modifier():
    body = "Footage from the rally shows that several protesters were detained."
    st = one_containing(extract_checked(body), "protesters")
    assert st.mention == "Footage from the rally"
    body = "A reporter for the local paper called the hearing a farce."
    assert one_containing(extract_checked(body), "farce").mention.startswith("A reporter")


def test_declined_to_comment_is_the_content():
    body = "The ministry was asked about the report. It declined to comment."
    st = one_containing(extract_checked(body), "to comment")
    assert st.content == "to comment"


def test_long_appositive_after_a_full_name():
    body = ("Maria Kovacs, a former trade official who now sits on the board of the Baltic Business Council, "
            "said the tariffs would hurt exporters.")
    st = one_containing(extract_checked(body), "tariffs")
    assert st.speaker == "Maria Kovacs"


def test_participle_with_an_object_after_a_comma():
    body = "Ortiz attacked the proposal, calling it “a gift to smugglers.”"
    statements = extract_checked(body)
    assert one_containing(statements, "proposal").content == "the proposal"
    assert one_containing(statements, "smugglers").cue == "calling"


def test_negated_say_with_a_question_word():
    body = "The spokesman wouldn't say when the delegation would arrive."
    st = one_containing(extract_checked(body), "delegation")
    assert st.content == "when the delegation would arrive"


def test_reminded_and_interjected_report_speech():
    body = "She reminded reporters that the border had been closed for a month."
    assert one_containing(extract_checked(body), "border").cue == "reminded"
    body = 'Haddad interjected: "That is simply not true."'
    assert one_containing(extract_checked(body), "not true").speaker == "Haddad"


def test_attribution_after_a_quote_ending_in_a_full_stop():
    body = "The envoy spoke in Vienna. “We will not sign anything this week.” Haddad said. Talks resume Monday."
    st = one_containing(extract_checked(body), "sign anything")
    assert st.speaker == "Haddad"
    assert st.kind == "direct"


def test_records_and_polls_after_the_finding():
    body = "The ministry paid the contractor twice in 2021, records show."
    st = one_containing(extract_checked(body), "contractor")
    assert st.mention == "records"
    body = "Most voters oppose the pipeline, a new regional poll has found."
    assert one_containing(extract_checked(body), "pipeline").mention == "a new regional poll"


def test_clause_subject_skips_day_and_dateline():
    body = "On Thursday evening Lena Ortiz addressed the assembly, seeking to calm the markets."
    assert one_containing(extract_checked(body), "calm the markets").speaker == "Lena Ortiz"
    body = "VIENNA (Reuters) - Foreign Minister Omar Haddad met the envoys and said the talks had stalled."
    assert one_containing(extract_checked(body), "stalled").speaker == "Omar Haddad"


def test_participle_speaker_after_an_opening_phrase_with_a_place():
    body = ("At a rally in Dayton, Ohio, Senator Ruth Ames attacked the trade deal, "
            "calling it “a betrayal of workers.”")
    st = one_containing(extract_checked(body), "betrayal")
    assert st.speaker == "Ruth Ames"


def test_participle_speaker_is_a_description():
    body = "In two interviews, the ambassador criticized the sanctions, saying they had failed."
    st = one_containing(extract_checked(body), "had failed")
    assert st.mention == "the ambassador"


def test_relative_clause_declining_to_comment():
    body = "Ortiz, who declined to comment for this article, left for Geneva on Monday."
    st = one_containing(extract_checked(body), "to comment")
    assert st.speaker == "Ortiz"


def test_asked_with_an_object_and_an_infinitive():
    body = "The mayor asked the council to delay the vote."
    st = one_containing(extract_checked(body), "delay the vote")
    assert st.mention == "The mayor"
    body = "The union asked to meet the minister."
    assert one_containing(extract_checked(body), "meet the minister").speaker == "union"


def test_question_before_an_inverted_asked():
    body = '"Who will pay for the wall?" asked the governor, who opposes the plan.'
    st = one_containing(extract_checked(body), "pay for the wall")
    assert st.mention == "the governor"
    assert st.kind == "direct"


def test_asked_by_names_the_one_who_asks():
    body = "Asked by a reporter whether the border would reopen, Ortiz said it would not."
    statements = extract_checked(body)
    question = one_containing(statements, "border would reopen")
    assert question.mention == "a reporter"
    assert question.content == "whether the border would reopen"
    assert one_containing(statements, "would not").speaker == "Ortiz"


def test_belief_verbs_with_group_subjects_and_clause_pronouns():
    body = "Kremlin allies fear the sanctions will deepen the recession."
    assert one_containing(extract_checked(body), "sanctions").mention == "Kremlin allies"
    body = "Many economists believe it would take a decade to recover."
    assert one_containing(extract_checked(body), "decade").mention == "Many economists"
    body = "Ortiz hopes the ceasefire will hold through the winter."
    assert one_containing(extract_checked(body), "ceasefire").speaker == "Ortiz"


def test_belief_verb_in_a_parenthesis_or_after_the_clause():
    body = "Such talks, they believe, will go nowhere without the Europeans."
    assert one_containing(extract_checked(body), "go nowhere").cue == "believe"
    body = "The truce will not survive the summer, many diplomats think."
    st = one_containing(extract_checked(body), "truce")
    assert st.mention == "many diplomats"
    assert st.content == "The truce will not survive the summer"


def test_modified_poll_subjects_show_and_find():
    body = "A Gallup survey released last week found most voters opposed to the deal."
    st = one_containing(extract_checked(body), "opposed to the deal")
    assert st.mention.startswith("A Gallup survey")
    body = "Polls there show the incumbent trailing by nine points."
    assert one_containing(extract_checked(body), "incumbent").mention == "Polls there"


def test_subordinate_clause_ends_the_content_at_its_comma():
    body = "Although Ortiz said the talks had failed, the envoys met again on Friday."
    st = one_containing(extract_checked(body), "talks had failed")
    assert st.content == "the talks had failed"


def test_party_label_after_a_name():
    body = "Sen. Dana Whitfield, R-Ohio, told reporters that the vote would slip to June."
    st = one_containing(extract_checked(body), "vote would slip")
    assert st.speaker == "Dana Whitfield"


def test_dashes_around_an_aside_before_the_cue():
    body = "Lindqvist -- who was listed as an adviser to the campaign -- told the Herald he had never met the envoy."
    st = one_containing(extract_checked(body), "never met")
    assert st.speaker == "Lindqvist"
    assert st.content == "he had never met the envoy"


def test_as_reported_by():
    body = "As reported by the Baltic Times, the two ministers met twice in May."
    st = one_containing(extract_checked(body), "ministers met")
    assert st.cue == "reported by"
    assert st.mention == "the Baltic Times"
    body = "The two ministers met twice in May, as first reported by the Baltic Times."
    assert one_containing(extract_checked(body), "ministers met").content == "The two ministers met twice in May"


def test_quantifier_pronouns_and_percentages_speak():
    body = "Several said they would boycott the summit. Others say this is just posturing."
    statements = extract_checked(body)
    assert one_containing(statements, "boycott").mention == "Several"
    assert one_containing(statements, "posturing").content == "this is just posturing"
    body = "In the survey, 47% say the sanctions should stay."
    assert one_containing(extract_checked(body), "sanctions").mention == "47%"


def test_aside_between_commas_before_the_cue():
    body = "Critics of the treaty, however, say it would weaken the border controls."
    st = one_containing(extract_checked(body), "border controls")
    assert st.mention == "Critics of the treaty"


def test_relative_clause_appositive_of_any_length():
    body = ("One delegate, who like the others spoke on condition of anonymity to describe the closed meeting, "
            "said the mood was grim.")
    assert one_containing(extract_checked(body), "mood was grim").mention == "One delegate"
    body = "Ortiz, during a press conference in Porto, Portugal, said the fleet would sail on Monday."
    assert one_containing(extract_checked(body), "fleet").speaker == "Ortiz"


def test_evaluative_verbs_with_an_object():
    body = "Ortiz congratulated the new president on his victory."
    assert one_containing(extract_checked(body), "new president").speaker == "Ortiz"


def test_warned_against_and_pointed_out():
    body = "Haddad warned against “hasty conclusions” about the blast."
    assert one_containing(extract_checked(body), "hasty conclusions").cue == "warned against"
    body = "“The border has been quiet for weeks,” the envoy pointed out."
    assert one_containing(extract_checked(body), "border has been quiet").mention == "the envoy"


def test_agent_nouns_ending_in_man_and_capitalized_modal_names():
    body = "The congressman pointed out that the treaty had never been ratified."
    assert one_containing(extract_checked(body), "treaty").mention == "The congressman"
    body = "Instead, Will called for an inquiry into the leak."
    assert one_containing(extract_checked(body), "inquiry").speaker == "Will"


def test_prefer_with_an_object():
    body = "Most young voters prefer the challenger, the survey found."
    statements = extract_checked(body)
    assert any(st.cue in ("prefer", "found") for st in statements)


def test_quote_then_a_name_and_any_verb():
    body = "“Get out of my office,” Haddad snapped, and the aides left."
    st = one_containing(extract_checked(body), "Get out")
    assert st.speaker == "Haddad"
    assert st.cue == "snapped"
    assert st.kind == "direct"


def test_author_and_colon_before_a_quote():
    body = "WHY THE POLLS MISSED - Maria Lund and Tomas Berg: “The samples were far too small to catch the late swing.”"
    st = one_containing(extract_checked(body), "samples were")
    assert "Berg" in st.mention


def test_closing_quote_typed_as_an_opening_one():
    body = "“The corridor will stay open for another week,“ said Omar Haddad, the chief negotiator."
    st = one_containing(extract_checked(body), "corridor")
    assert st.speaker == "Omar Haddad"


def test_participle_after_a_comma_inside_a_quote():
    body = 'The minister said the offer was "insulting," adding that no reply would be sent.'
    statements = extract_checked(body)
    assert one_containing(statements, "offer was").content == 'the offer was "insulting,"'
    assert one_containing(statements, "no reply").cue == "adding"


def test_two_speakers_joined_by_and_without_a_comma():
    body = 'Ortiz accuses Moscow of "stalling" and Haddad says the talks are "on life support."'
    statements = extract_checked(body)
    assert one_containing(statements, "stalling").content == 'Moscow of "stalling"'
    assert one_containing(statements, "life support").speaker == "Haddad"


def test_object_content_ends_before_the_next_action():
    body = "She opposed the pipeline deal and outstripped the party on climate pledges."
    assert one_containing(extract_checked(body), "pipeline").content == "the pipeline deal"


def test_summary_appositive_is_not_content():
    body = "Officials told the Herald that the envoy had met the rebels twice, a claim the ministry denies."
    st = one_containing(extract_checked(body), "envoy had met")
    assert st.content == "the envoy had met the rebels twice"


def test_said_then_a_conditional_clause():
    body = "She said, if elected, she would reopen the embassy in Kyiv."
    st = one_containing(extract_checked(body), "reopen the embassy")
    assert st.content.startswith("if elected")


def test_possessor_of_a_stance_noun():
    body = "Ortiz's repeated attacks on the central bank have unsettled investors."
    st = one_containing(extract_checked(body), "central bank")
    assert st.speaker == "Ortiz"
    assert st.content == "the central bank"
    body = "Her promise to reopen the border crossing was welcomed in Narva."
    assert one_containing(extract_checked(body), "reopen").content == "to reopen the border crossing"


def test_outlet_finding_after_the_clause_and_the_inner_statement():
    body = "The president said the deal was dead, Reuters found."
    statements = extract_checked(body)
    outer = [st for st in statements if st.cue == "found"]
    inner = [st for st in statements if st.cue == "said"]
    assert outer and outer[0].content == "The president said the deal was dead"
    assert inner and inner[0].content == "the deal was dead"


def test_respond_to_mention_and_consider():
    body = "The embassy did not respond to requests for comment."
    assert one_containing(extract_checked(body), "requests for comment").cue == "respond to"
    body = "Haddad did not mention the sanctions in his speech."
    assert one_containing(extract_checked(body), "sanctions").speaker == "Haddad"
    body = "Ortiz considers the treaty a dead letter."
    assert one_containing(extract_checked(body), "dead letter").cue == "considers"


def test_quote_after_an_aside_continues_the_quote():
    body = ('"They will not sign," Haddad said, referring to the rebel delegation. '
            '"Nobody in Geneva expects them to."')
    statements = extract_checked(body)
    quote = one_containing(statements, "will not sign")
    assert quote.content.endswith('expects them to."')
    assert any(st.content == "the rebel delegation" and st.cue == "referring to" for st in statements)


def test_that_after_a_city_and_state():
    body = "Ortiz told reporters in Dayton, Ohio, that the tariffs would stay."
    assert one_containing(extract_checked(body), "tariffs").content == "the tariffs would stay"


def test_verb_first_attribution():
    body = 'Lena Ortiz spoke last. Said Ortiz, "We will not be intimidated by threats."'
    st = one_containing(extract_checked(body), "intimidated")
    assert st.speaker == "Lena Ortiz"
    assert st.kind == "direct"


def test_inverted_says_with_a_lowercase_role_before_the_name():
    body = "Even India has more influence through its films, says political scientist Dana Ospanova in Almaty."
    st = one_containing(extract_checked(body), "India")
    assert st.speaker == "Dana Ospanova"


def test_those_opens_a_speaker_phrase():
    body = "In a polarized race, those Democrats argued, turnout would decide the result."
    assert one_containing(extract_checked(body), "turnout").mention == "those Democrats"


def test_as_someone_noted_with_a_phrase_before_the_comma():
    body = "But as Ortiz noted in her memo to the cabinet, the corridor has never been fully closed."
    st = one_containing(extract_checked(body), "corridor")
    assert st.speaker == "Ortiz"
    assert st.content == "the corridor has never been fully closed"


def test_participle_subject_in_the_clause_after_but():
    body = "It was a long shot, but Ortiz was in Tallinn on Monday, urging the allies to hold firm."
    assert one_containing(extract_checked(body), "hold firm").speaker == "Ortiz"


def test_participle_after_a_nested_statement_belongs_to_the_outer_speaker():
    body = "Lindqvist also wrote the envoys knew the risks, saying, “Nobody went in blind.”"
    assert one_containing(extract_checked(body), "went in blind").speaker == "Lindqvist"


def test_description_with_of_and_an_all_caps_dateline():
    body = "The former secretary of State began her speech by slamming the blockade."
    assert one_containing(extract_checked(body), "blockade").mention == "The former secretary of State"
    body = "VIENNA — Foreign Minister Omar Haddad on Monday met the envoys and said the talks would resume."
    assert one_containing(extract_checked(body), "talks would resume").speaker == "Omar Haddad"


def test_outlet_reports_after_the_clause():
    body = "The pipeline deal was signed in secret, the Baltic Times reports."
    assert one_containing(extract_checked(body), "pipeline").mention == "the Baltic Times"


def test_name_verb_colon_quote():
    body = 'Haddad delivered a blunt reply: "Nobody is leaving the table."'
    st = one_containing(extract_checked(body), "leaving the table")
    assert st.speaker == "Haddad"
    assert st.kind == "direct"


def test_that_inside_the_reported_clause_is_not_the_cues():
    body = "Ortiz said the delay was proof that the ministry had lost control of the port."
    assert one_containing(extract_checked(body), "delay").content == "the delay was proof that the ministry had lost control of the port"


def test_full_name_before_a_relative_clause_with_a_place_in_it():
    body = ("Marta Lindqvist, who lost her brother in the floods in Dresden, Germany, in 2013, "
            "said that the relief fund had been mismanaged.")
    assert one_containing(extract_checked(body), "relief fund").speaker == "Marta Lindqvist"
    body = ("Pavel Novak, the editor of the city's oldest weekly, the Courier, said "
            "every mayor was both a builder and a politician.")
    assert one_containing(extract_checked(body), "every mayor").speaker == "Pavel Novak"


def test_ever_is_no_speaker():
    body = "It is the first time the two unions have ever agreed to hold joint talks with the ministry."
    assert all(st.mention.lower() != "ever" for st in extract_checked(body))


def test_comma_and_after_a_nested_clause_belongs_to_the_outer_speaker():
    body = ("Haddad said the memo showed the envoy did not know what he was talking about, "
            "and accused the ministry of leaking it.")
    st = one_containing(extract_checked(body), "leaking")
    assert st.speaker == "Haddad"
    assert st.content == "the ministry of leaking it"
    assert "accused" not in one_containing(extract_checked(body), "memo").content


def test_opening_participle_belongs_to_the_subject_after_the_comma():
    body = "After saying the talks had stalled, the envoy left the room without another word."
    st = one_containing(extract_checked(body), "talks had stalled")
    assert st.mention == "the envoy"
    body = "Despite criticizing the mayor's budget, Ortiz said he would vote for it."
    assert one_containing(extract_checked(body), "mayor's budget").speaker == "Ortiz"


def test_comma_before_that_after_the_cue():
    body = "The minister added, that the border would stay open."
    assert one_containing(extract_checked(body), "border").content == "the border would stay open"
    body = "Haddad believes, for example, that the sanctions should be lifted."
    assert one_containing(extract_checked(body), "sanctions").speaker == "Haddad"


def test_a_description_before_a_speech_verb_speaks():
    body = "The envoy noted Latvia and Estonia have tightened their border controls."
    assert one_containing(extract_checked(body), "border controls").mention == "The envoy"


def test_pledged_delegates_and_the_most_telling_are_no_cues():
    body = "Ortiz leads Haddad by 271 pledged delegates after the vote in the capital."
    assert extract_checked(body) == []
    body = "The most telling moment came when the minister left the hall."
    assert extract_checked(body) == []


def test_title_and_surname_before_a_whose_clause():
    body = "Mr. Kalnins, whose latest firm, Baltdata, sells shipping records, said the port would be sold."
    assert one_containing(extract_checked(body), "port would be sold").speaker == "Kalnins"


def test_participle_after_an_inverted_attribution_keeps_its_speaker():
    body = '"The minister cannot decide that," Lindqvist added, saying it was up to the parliament.'
    assert one_containing(extract_checked(body), "up to the parliament").speaker == "Lindqvist"


def test_quantities_open_the_content():
    body = "The statistics office said about half of the new jobs were in the capital."
    assert one_containing(extract_checked(body), "new jobs").content == "about half of the new jobs were in the capital"
    body = "Polls show as many as 40 percent of voters remain undecided."
    assert one_containing(extract_checked(body), "undecided").mention == "Polls"


def test_a_poll_with_a_time_phrase_finds():
    body = "A Delfi poll this month found Ortiz about even with Haddad in the capital."
    assert one_containing(extract_checked(body), "about even").mention == "A Delfi poll"


def test_plans_as_a_verb_after_a_description():
    body = "The opposition candidate plans to visit the border towns later this week."
    st = one_containing(extract_checked(body), "border towns")
    assert st.mention == "The opposition candidate"
    assert st.content == "to visit the border towns later this week"


def test_nouns_that_look_like_cues():
    body = "In Riga, a June poll found Ortiz winning 20 percent support among younger voters."
    assert [st.cue for st in extract_checked(body)] == ["found"]
    body = "Haddad received even stronger support from voters in the north."
    assert extract_checked(body) == []


def test_a_clause_after_said_and_a_comma():
    body = "I said, look, you have to change the culture in this ministry."
    assert one_containing(extract_checked(body), "change the culture").content == "look, you have to change the culture in this ministry"
    body = "Haddad says, win or lose on Sunday, he is staying in the race."
    assert one_containing(extract_checked(body), "staying in the race").speaker == "Haddad"


def test_a_pronoun_clause_after_a_short_phrase():
    body = "Ortiz told reporters in Riga he would not resign."
    assert one_containing(extract_checked(body), "resign").content == "he would not resign"
    body = "Lindqvist wrote in both letters she was proud of the staff."
    assert one_containing(extract_checked(body), "proud").content == "she was proud of the staff"


def test_a_subject_holding_another_cue_is_no_subject():
    body = "Pastor Jane Roe plans to keep recruiting volunteers supporting the mayor in every district."
    assert all(st.cue != "supporting" for st in extract_checked(body))


def test_attacks_after_a_modifier_or_a_named_place_are_nouns():
    body = "The recent terror attacks changed the tone of the campaign."
    assert extract_checked(body) == []
    body = "Ortiz attacks Haddad over the port deal."
    assert one_containing(extract_checked(body), "port deal").speaker == "Ortiz"


def test_maintained_and_felt_need_a_clause():
    body = "Ortiz maintained his double-digit lead in the capital."
    assert extract_checked(body) == []
    body = "The ministry has long maintained the documents were not classified."
    assert one_containing(extract_checked(body), "documents").mention == "The ministry"
    body = "Haddad felt blindsided by the demand."
    assert extract_checked(body) == []


def test_base_forms_after_plural_subjects_and_continue_to():
    body = "Critics describe the pipeline deal as a giveaway to the energy lobby."
    assert one_containing(extract_checked(body), "giveaway").mention == "Critics"
    body = "Ortiz continued to question the minister's judgment."
    assert one_containing(extract_checked(body), "judgment").speaker == "Ortiz"
    body = "I continue to believe that the next government will be chosen on jobs."
    assert one_containing(extract_checked(body), "next government").content == "the next government will be chosen on jobs"


def test_agreed_with_and_voted_against():
    body = "In 2010, Haddad voted against a measure to extend the fishing quotas."
    assert one_containing(extract_checked(body), "fishing quotas").cue == "voted against"
    body = "The former minister Jane Roe agreed with the analysis."
    assert one_containing(extract_checked(body), "analysis").cue == "agreed with"


def test_participles_of_belief_and_comparison():
    body = "Ortiz voted for the bill, fearing the port would close without it."
    assert one_containing(extract_checked(body), "port would close").speaker == "Ortiz"
    body = "Haddad spoke for an hour, comparing the mayor to an absentee landlord."
    assert one_containing(extract_checked(body), "absentee landlord").speaker == "Haddad"


def test_a_poll_after_the_clause_with_a_participle():
    body = "But Ortiz fell to 10 percent in the latest Delfi poll released Wednesday."
    st = one_containing(extract_checked(body), "10 percent")
    assert st.mention == "the latest Delfi poll"
    assert st.content == "Ortiz fell to 10 percent"


def test_adjectives_of_attitude_after_a_copula():
    body = "Some Democrats are concerned that the merger could split the coalition."
    st = one_containing(extract_checked(body), "merger")
    assert st.mention == "Some Democrats"
    assert st.content == "the merger could split the coalition"
    body = "Conservatives have been sharply critical of the ministry's handling of the strike."
    assert one_containing(extract_checked(body), "handling").mention == "Conservatives"
    body = "This year, however, they're hopeful that the harbour will reopen."
    assert one_containing(extract_checked(body), "harbour").mention == "they"
    body = "The Riga office was eager to settle the dispute before the election."
    assert one_containing(extract_checked(body), "settle").content.startswith("to settle")
    body = "Some voters are so firmly opposed to expanding the airport that they marched."
    assert one_containing(extract_checked(body), "airport").content.startswith("expanding")
    body = "The bill is sure to pass."
    assert extract_checked(body) == []


def test_passive_with_an_agent():
    body = "The harbour plan was rejected by the city council."
    st = one_containing(extract_checked(body), "harbour plan")
    assert st.mention == "the city council"
    assert st.content == "The harbour plan"
    body = "Haddad's resignation was first reported by Delfi."
    assert one_containing(extract_checked(body), "resignation").speaker == "Delfi"
    body = "He is said to be ill."
    assert extract_checked(body) == []


def test_more_phrasal_cues():
    body = "Many residents worry about the new checkpoints on the coast road."
    assert one_containing(extract_checked(body), "checkpoints").cue == "worry about"
    body = "Ortiz laid out stark differences between his budget and the mayor's."
    assert one_containing(extract_checked(body), "stark differences").speaker == "Ortiz"
    body = "Closing the port also carries risks, as the shipping unions point out."
    assert one_containing(extract_checked(body), "carries risks").mention == "the shipping unions"


def test_a_time_phrase_before_the_clause_subject():
    body = "Hours later, Ortiz returned the compliment, telling Delfi, “He is an honest man.”"
    assert one_containing(extract_checked(body), "honest man").speaker == "Ortiz"
    body = "A few minutes later they reopened the hall and said the count would go on."
    assert one_containing(extract_checked(body), "count would go on").mention == "they"


def test_according_to_next_to_other_cues():
    body = ("The Baltic Growth Fund, which supported Ortiz, spent at least $345,000 on television ads, "
            "according to the Riga Transparency Center.")
    st = one_containing(extract_checked(body), "television ads")
    assert st.mention == "the Riga Transparency Center"
    body = "Haddad said the deal was dead, according to two people who attended the meeting."
    sts = extract_checked(body)
    assert {st.mention for st in sts} == {"Haddad", "two people who attended the meeting"}


def test_inverted_full_name_after_a_comma_clause():
    body = ("Ortiz also lacks support from his colleagues in parliament, whom he has alienated with his "
            "rhetoric, said Jane Roe, director of the Riga Center for Politics.")
    st = one_containing(extract_checked(body), "lacks support")
    assert st.speaker == "Jane Roe"
    assert st.content.endswith("with his rhetoric")


def test_absolute_participle_after_with():
    body = "Several ministers were irritated by the lack of detail, with Sen. Jane Roe calling the plan a wish list."
    st = one_containing(extract_checked(body), "wish list")
    assert st.speaker == "Jane Roe"
    assert st.content == "the plan a wish list"


def test_participle_after_a_dash_or_a_closing_quote():
    body = "Ortiz changed his vote on the spot – saying he had been persuaded by the fishermen."
    assert one_containing(extract_checked(body), "persuaded").speaker == "Ortiz"
    body = "Haddad delivered a long defense of “Riga values,” saying the city embodied the spirit of the country."
    assert one_containing(extract_checked(body), "spirit of the country").speaker == "Haddad"


def test_contributor_lines_are_no_statements():
    body = "The port reopened on Monday.\n\nContributing: Jane Roe, Baltic News Service."
    assert extract_checked(body) == []


def test_headline_speaker_with_a_title():
    body = "Dr. Jane Roe: Port Deal ‘Not Fit For The City.’\n\nThe deal was signed on Monday."
    assert one_containing(extract_checked(body), "Not Fit").speaker == "Jane Roe"


def test_object_relative_and_passive_agent_descriptions():
    body = "Ortiz's victory, which Haddad conceded when the polls closed, surprised the capital."
    st = one_containing(extract_checked(body), "which")
    assert st.speaker == "Haddad"
    assert st.content == "which"
    body = "The move was hotly criticized by left-leaning economists."
    assert one_containing(extract_checked(body), "move").mention == "left-leaning economists"


def test_no_object_relative_after_a_preposition_or_with_an_object():
    body = "The lens through which voters view the candidates is divided along party lines."
    assert all(st.content != "which" for st in extract_checked(body))
    body = "It preserves the possibility that future lawmakers could find another way to pay for it."
    assert all(st.content != "that" for st in extract_checked(body))


def test_opening_name_with_an_appositive_holding_a_quote():
    body = 'Lindqvist, the author of "Open Waters," about the fishing quotas, said the old rules are gone.'
    st = one_containing(extract_checked(body), "old rules")
    assert st.speaker == "Lindqvist"
    assert st.content == "the old rules are gone"
    body = "One former ministry employee, speaking on condition of anonymity, said Haddad signed the order."
    assert one_containing(extract_checked(body), "signed the order").mention == "One former ministry employee"


def test_relative_clause_ends_at_a_quote_closed_by_its_comma():
    body = "Haddad, who calls the mayor a “menace,” said the vote would be close."
    assert one_containing(extract_checked(body), "mayor").content == "the mayor a “menace,”"


def test_base_forms_of_evaluative_verbs_in_headlines():
    body = "Harbour workers blast the port deal.\n\nThe deal was signed on Monday."
    assert one_containing(extract_checked(body), "port deal").mention == "Harbour workers"


def test_opening_participle_after_besides():
    body = "Besides attacking the former mayor, Ortiz asserted that the budget was balanced."
    assert one_containing(extract_checked(body), "former mayor").speaker == "Ortiz"
