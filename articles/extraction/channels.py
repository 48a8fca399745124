"""Which line of communication a statement speaks about (its channel), and its stance towards talks.

A channel is given as the sorted country codes of its parties (["RU", "US"]); "EU" stands for the
European Union. Mediators and venues ("talks in Istanbul", "Turkish-brokered talks") are not parties.

Channel, in order of preference:
1. a pair the content names explicitly: "between Russia and Ukraine", "US-Russia dialogue";
2. the counterpart of a contact phrase in the content ("interaction with the US", "negotiate with Kyiv"),
   with the speaker's country as the other party;
3. other countries the content names: two of them form the pair; one of them pairs with the speaker's
   country, or with the addressee when the speaker talks to one side about the other ("reassured Ukraine
   that ... the fight against Russia");
4. when the content names no party (a quote that only says "we" or "the channels"): a pair or a contact
   phrase in the rest of the sentence, then in the paragraph, then in the title and standfirst.
The content must speak about talks or contacts at all, else there is no channel.

Stance: negation and modality decide between the contact stances. Conditions ("until", "before
negotiations", "only if") win; willingness together with refusal ("open to talks, but cannot negotiate
while ...") is a condition too; then calls, refusals (modal: "will not negotiate", "don't need to happen"),
denials (factual: "there have been no negotiations", "hasn't had any interaction") and confirmations.
"""

from __future__ import annotations

import re

from .gazetteer import country_mentions, country_of, is_demonym

# Words that make a statement be about talks or contacts between parties. Grouped by first letter so
# that the regex engine rejects most positions on their first character (these run on every statement).
_TALK_BY_LETTER = {
    "t": r"alk(?:s|ed|ing)?|ruce|able",
    "n": r"egotiat\w*",
    "d": r"ialogue|ialog|iplomac\w*|iscuss\w*|iplomatic\s+(?:solution|settlement|track|efforts?|resolution|"
         r"process|path|means|initiative)",
    "i": r"nteract(?:ion|ions|ing|ed|s)?",
    "c": r"ontacts?|hannels?|ommunicat\w*|easefire|ease-fire",
    "p": r"eace\s+(?:process|deal|plan|agreement|settlement|initiative|conference|summit|proposal|formula|"
         r"negotiations)|hone\s+calls?|olitical\s+(?:settlement|solution|dialogue)|eaceful\s+(?:settlement|"
         r"resolution|solution)",
    "a": r"rmistice",
    "m": r"ediat\w*|eetings?|eet(?:s)?\s+(?:with|between|his|her|their)|et\s+with",
    "b": r"ack-?channel\w*",
    "s": r"ummit|it\s+down|poken?\s+with|peaking\s+with",
    "l": r"ines?\s+of\s+communication",
    "h": r"otline",
    "e": r"ngage(?:ment)?\s+with|xchanges?\s+with",
}
_TALK = "(?:" + "|".join(f"{letter}(?:{rest})" for letter, rest in _TALK_BY_LETTER.items()) + ")"
_TALK_RE = re.compile(r"\b" + _TALK + r"\b")  # on lower-cased text
# Every match of _TALK_RE contains one of these: plain substring checks are much cheaper than the
# regex and turn most statements (not about talks) away before it runs.
_TALK_HINTS = (
    "talk", "truce", "table", "negotiat", "dialog", "diploma", "discuss", "interact", "contact", "channel",
    "communicat", "cease", "peace", "phone", "political", "armistice", "mediat", "meet", "met ", "back",
    "summit", "sit", "spok", "speaking", "line", "hotline", "engage", "exchange",
)


def mentions_talks(lower_text: str) -> bool:
    """Whether lower-cased text speaks about talks or contacts at all."""
    for hint in _TALK_HINTS:
        if hint in lower_text:
            return _TALK_RE.search(lower_text) is not None
    return False

# Unambiguous talk words: a cue alone ("refused", "urged") decides the stance only next to one of these.
_STRONG_TALK_RE = re.compile(
    r"\b(?:talks|negotiat\w*|dialogue|contacts?|channels?|ceasefire|cease-fire|truce|armistice|mediat\w*|"
    r"back-?channel\w*|diplomac\w*|diplomatic\s+\w+|peace\s+\w+|interaction|communications?)\b"
)
# "who we were dealing with": contact with a counterpart, not with a problem.
_DEALING_RE = re.compile(r"\b(?:who|whom)\s+\w+\s+(?:were|are|is|was|will\s+be)\s+dealing\s+with\b", re.IGNORECASE)

_EU_RE = re.compile(r"\b(?:European Union|EU|E\.U\.|Brussels)\b")
_MOVEMENTS = {"Hamas": "PS", "Hezbollah": "LB", "Hizbollah": "LB", "Taliban": "AF", "Houthis": "YE", "Houthi": "YE"}
_MOVEMENT_RE = re.compile(r"\b(?:" + "|".join(_MOVEMENTS) + r")\b")
# Mediators, hosts and brokers are not parties: "through Egyptian mediators", "talks hosted by Turkey".
_MEDIATOR_AFTER_RE = re.compile(
    r"^(?:'s|’s)?\s+(?:\w+\s+)?(?:mediators?|mediation|brokers?|intermediar\w+|facilitators?|hosts?)\b", re.IGNORECASE
)
_MEDIATOR_BEFORE_RE = re.compile(
    r"\b(?:through|via|mediated\s+by|brokered\s+by|hosted\s+by|facilitated\s+by|with\s+the\s+help\s+of)\s+"
    r"(?:the\s+)?(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
_WE_RE = re.compile(r"\b(?:we|us|our|We|Us|Our)\b")
# A country named as a place, a conflict or a broker is not a party: "talks in Istanbul",
# "the Ukraine war", "Turkish-brokered talks".
_LOCATIVE_BEFORE_RE = re.compile(r"\b(?:in|at|In|At)\s+(?:the\s+)?$")
_NOT_PARTY_AFTER_RE = re.compile(
    r"^(?:'s|’s)?[\s-]+(?:war|conflict|crisis|brokered|mediated|hosted|backed|sponsored)\b", re.IGNORECASE
)
_CONTACT_BEFORE_RE = re.compile(
    r"\b" + _TALK + r"(?:[\s,]+(?:[\w'’\"“”-]+)){0,6}?\s+(?:with|to|toward|towards)\s+(?:the\s+)?"
    r"(?:[\w'’-]+\s+){0,3}$",
    re.IGNORECASE,
)
_DEALING_WITH_BEFORE_RE = re.compile(
    r"\b(?:deal(?:s|t|ing)?|spoken?|speak(?:s|ing)?|met|meet(?:s|ing)?|engage(?:d|s|ment)?|exchanges?)\s+with\s+"
    r"(?:both\s+)?(?:the\s+)?(?:[\w'’-]+\s+){0,3}$",
    re.IGNORECASE,
)
_COORDINATED_RE = re.compile(r"^(?:'s|’s)?\s*(?:,|,?\s+and|&)\s+(?:the\s+)?$")
_BETWEEN_RE = re.compile(r"\bbetween\s+(?:the\s+)?$", re.IGNORECASE)
_AND_RE = re.compile(r"^(?:'s|’s)?\s*(?:,|and|&)\s+(?:the\s+)?$")
_DASH_RE = re.compile(r"^\s*[-–—/]\s*$")
_AND_THEN_TALK_RE = re.compile(r"^\s+(?:have\s+|had\s+|will\s+|to\s+|could\s+)?(?:\w+\s+){0,2}?" + _TALK, re.IGNORECASE)
_ADDRESSEE_VERB_RE = re.compile(
    r"\b(?:told|tells|assured|assures|reassured|reassures|warned|warns|urged|urges|informed|informs|"
    r"promised|promises|reminded|reminds|pledged\s+to|wrote\s+to)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _parties(text: str, speaker: str = "", with_pronouns: bool = False) -> list[tuple[int, int, str]]:
    """Party mentions in `text`: (start, end, code), countries' names, demonyms, capitals and seats,
    the EU, and armed movements counted with their country (Hamas as PS, the Taliban as AF)."""
    found = []
    candidates = country_mentions(text)
    candidates += [(m.start(), m.end(), "EU") for m in _EU_RE.finditer(text)]
    candidates += [(m.start(), m.end(), _MOVEMENTS[m.group(0)]) for m in _MOVEMENT_RE.finditer(text)]
    for start, end, code in candidates:
        if (
            _LOCATIVE_BEFORE_RE.search(text[max(0, start - 8) : start])
            and not is_demonym(text[start:end])
            and not re.match(r"\s*[-–—]", text[end : end + 2])
        ):
            continue  # "talks in Istanbul", "at the Kremlin": a place (but "in Russian hands" is a party)
        if _NOT_PARTY_AFTER_RE.match(text[end : end + 14]) or _MEDIATOR_AFTER_RE.match(text[end : end + 30]):
            continue
        if _MEDIATOR_BEFORE_RE.search(text[max(0, start - 40) : start]):
            continue
        found.append((start, end, code))
    if with_pronouns and speaker:
        for match in _WE_RE.finditer(text):
            found.append((match.start(), match.end(), speaker))
    found.sort()
    return found


def _explicit_pairs(text: str, mentions: list[tuple[int, int, str]]) -> list[list[str]]:
    """Pairs named as such: "between Russia and Ukraine", "US-Russia talks", "Moscow and Kyiv held talks"."""
    pairs = []
    for (s1, e1, c1), (s2, e2, c2) in zip(mentions, mentions[1:]):
        if c1 == c2:
            continue
        between = text[e1:s2]
        if (
            (_AND_RE.match(between) and _BETWEEN_RE.search(text[max(0, s1 - 14) : s1]))
            or _DASH_RE.match(between)
            or (_AND_RE.match(between) and _AND_THEN_TALK_RE.match(text[e2 : e2 + 40]))
        ):
            pairs.append(sorted({c1, c2}))
    return pairs


def _explicit_pair(text: str, mentions: list[tuple[int, int, str]]) -> list[str]:
    pairs = _explicit_pairs(text, mentions)
    return pairs[0] if pairs else []


def _counterparts(text: str, mentions: list[tuple[int, int, str]]) -> list[str]:
    """Parties named as the other side of a contact: "interaction with the US", "negotiate with Kyiv"."""
    codes = []
    previous_end = -1
    for start, end, code in mentions:
        before = text[max(0, start - 90) : start]
        if (
            _CONTACT_BEFORE_RE.search(before)
            or _DEALING_WITH_BEFORE_RE.search(before)
            or (previous_end >= 0 and _COORDINATED_RE.match(text[previous_end:start]))  # "with Moscow and Kyiv"
        ):
            codes.append(code)
            previous_end = end
        else:
            previous_end = -1
    return codes


def _addressee(sentence: str, content: str) -> str:
    """The country the speaker addressed, when it stands right before the content: "reassured Ukraine that"."""
    index = sentence.find(content[:40]) if content else -1
    if index <= 0:
        return ""
    before = re.sub(r"(?:\s+that)?[\s,:]*$", "", sentence[:index])
    mentions = _parties(before)
    if not mentions or mentions[-1][1] != len(before):
        return ""
    start, _end, code = mentions[-1]
    return code if _ADDRESSEE_VERB_RE.search(before[:start]) else ""


def _outside(sentence: str, content: str) -> str:
    """The sentence without the content (the attribution part)."""
    if content and content in sentence:
        return sentence.replace(content, " ")
    return sentence


def _from_context(text: str, speaker: str, settlement: bool = False) -> list[str]:
    """A channel read from surrounding text. A channel the speaker is party to comes first (a pair with
    the speaker, or a counterpart of a contact phrase), then any explicitly named pair. When the
    statement is about settling a conflict ("a diplomatic solution", "a ceasefire"), a pair named with
    peace talks or a war comes first: those are the sides of the conflict."""
    mentions = _parties(text)
    pairs = _explicit_pairs(text, mentions)
    if settlement and len({tuple(p) for p in pairs}) > 1:
        for (s1, _e1, c1), (s2, _e2, c2) in zip(mentions, mentions[1:]):
            if c1 != c2 and sorted({c1, c2}) in pairs and _PEACE_BEFORE_RE.search(text[max(0, s1 - 40) : s1]):
                return sorted({c1, c2})
    for pair in pairs:
        if speaker in pair:
            return pair
    for code in _counterparts(text, mentions):
        if speaker and code != speaker:
            return sorted({speaker, code})
    return pairs[0] if pairs else []


# Statements about settling a conflict, and the words that name a pair as its sides.
_SETTLEMENT_RE = re.compile(
    r"\b(?:peace|ceasefire|cease-fire|truce|armistice|(?:diplomatic|political|peaceful|negotiated)\s+"
    r"(?:solution|settlement|resolution|end))\b"
)
_PEACE_BEFORE_RE = re.compile(r"\b(?:peace|ceasefire|cease-fire|truce|war|conflict)\b[\w\s-]{0,25}$", re.IGNORECASE)


def find_channel(content: str, sentence: str, speaker_country: str, paragraph: str, meta, lead: str = "") -> list[str]:
    """Sorted party country codes of the channel the statement speaks about, or [] if none.

    `sentence` is the sentence around the content, `paragraph` its paragraph, `lead` the article's
    lead paragraph, `meta` a types.ArticleMeta whose title and subtitle come last. `speaker_country` (ISO code or "") is
    one party when the content names only the other ("interaction with the US").
    """
    if not content or not (mentions_talks(content.lower()) or ("dealing" in content and _DEALING_RE.search(content))):
        return []
    speaker = (speaker_country or "").upper()
    mentions = _parties(content, speaker, with_pronouns=True)
    pair = _explicit_pair(content, mentions)
    if pair:
        return pair
    counterparts = [code for code in _counterparts(content, mentions) if code != speaker]
    others: list[str] = []
    for _start, _end, code in mentions:
        if code != speaker and code not in others:
            others.append(code)
    if counterparts and speaker:
        return sorted({speaker, counterparts[0]})
    if len(others) >= 2:
        if counterparts:
            rest = [code for code in others if code != counterparts[0]]
            return sorted({counterparts[0], rest[0]})
        return sorted(others[:2])
    if len(others) == 1:
        other = others[0]
        speaker_named = speaker and any(code == speaker for _s, _e, code in mentions)
        addressee = _addressee(sentence or "", content)
        if addressee and addressee not in (other, speaker) and not speaker_named:
            return sorted({other, addressee})
        if speaker:
            return sorted({speaker, other})
        rest = [code for _s, _e, code in _parties(_outside(sentence or "", content)) if code != other]
        return sorted({other, rest[0]}) if rest else []
    # The content names no other party: look around it.
    outside = _outside(sentence or "", content)
    channel = _from_context(outside, speaker)
    if channel:
        return channel
    if speaker:
        single = [code for _s, _e, code in _parties(outside) if code != speaker]
        if len(set(single)) == 1:
            return sorted({speaker, single[0]})
    # then the paragraph, the article's lead paragraph, and last the title and standfirst
    settlement = bool(_SETTLEMENT_RE.search(content.lower()))
    headline = f"{getattr(meta, 'title', '') or ''}. {getattr(meta, 'subtitle', '') or ''}"
    for text in (paragraph or "", lead or "", headline):
        channel = _from_context(text, speaker, settlement)
        if channel:
            return channel
    return []


# ---------------------------------------------------------------------------------------------
# Stance

_NEGATION = {"no", "not", "never", "n't", "without", "neither", "nor", "none", "nobody"}
# Words that may stand between a negation and the contact word without changing what is negated:
# "hasn't had any interaction", "no “informal negotiations”", "not been holding direct talks".
_LIGHT_WORDS = {
    "any", "had", "have", "has", "been", "be", "being", "held", "holding", "hold", "engaged", "engaging",
    "in", "involved", "direct", "formal", "informal", "official", "secret", "real", "serious", "meaningful",
    "substantive", "such", "the", "a", "an", "ever", "yet", "currently", "further", "more", "new", "fresh",
    "peace", "ongoing", "back-channel", "backchannel", "bilateral", "high-level", "so-called", "diplomatic",
    "public", "private", "confidential", "kind", "of", "sort", "plans", "plan", "planned", "immediate",
    "contact", "contacts", "talks", "political", "working", "there", "at", "all", "even", "actually",
    "conducting", "conducted", "having", "made", "making", "active", "regular", "significant", "for",
    "single", "or", "indirect", "form", "current", "existing",
}
# Contact nouns that a negation reaches: "no plans for a meeting".
_CONTACT_NOUNS = {"meeting", "meetings", "consultations", "discussions", "conversations", "exchanges", "calls"}
_TOKEN_RE = re.compile(r"\w+(?=n't)|n't|[\w-]+")

_CONDITION_RES = [
    re.compile(r"\buntil\b[^.;]{0,200}?\b" + _TALK),
    re.compile(r"\buntil\b[^.;]{0,150}?\b(?:is|are)\s+ready\b"),
    re.compile(r"\bbefore\s+(?:any\s+|the\s+|formal\s+|peace\s+)*(?:talks|negotiations|dialogue)\b"),
    re.compile(r"\b(?:only\s+(?:if|when|after|once)|unless|provided\s+(?:that\s+)?|on\s+(?:the\s+)?condition|"
               r"as\s+long\s+as|so\s+long\s+as)\b[^.;]{0,150}?\b" + _TALK),
    re.compile(_TALK + r"\b[^.;]{0,80}?\b(?:only\s+(?:if|when|after|once)|unless|provided\s+(?:that)?|"
               r"on\s+(?:the\s+)?condition|as\s+long\s+as|so\s+long\s+as)\b"),
    re.compile(r"\b(?:pre-?conditions?|conditions?|prerequisites?)\b[^.;]{0,80}?\b" + _TALK),
    re.compile(_TALK + r"\b[^.;]{0,60}?\b(?:pre-?conditions?|conditions|prerequisites?)\b"),
    re.compile(r"\bonly\s+(?:[\"“”]?[\w-]+[\"“”]?\s+){0,2}(?:talks|negotiations|dialogue)\b"),
    re.compile(r"\bonly\s+(?:be\s+(?:ready|willing|prepared)\s+to\s+)?(?:negotiat\w*|talk\s+(?:to|with)|hold\s+talks|meet|"
               r"engage|sit\s+down)\b"),
    re.compile(_TALK + r"\s+(?:must|should|would\s+have\s+to|will\s+have\s+to|has\s+to|have\s+to|can\s+only|could\s+only)"
               r"\s+(?:be\s+based\s+on|include|start\s+with|begin\s+with|involve|respect|be\s+held|begin|start|"
               r"happen|take\s+place|resume)\b(?!\s+(?:soon|now|immediately))"),
    re.compile(r"\b(?:must|has\s+to|have\s+to|needs?\s+to)\s+(?:first\s+)?(?:withdraw|leave|pull\s+out|"
               r"stop|cease|accept|recogni[sz]e|restore|return)\b[^.;]{0,100}?\b" + _TALK),
]
_CONDITION_CUES = re.compile(r"^(?:demand|insist|condition|stipulat|set\s+(?:out\s+)?conditions)", re.IGNORECASE)

_NOT_RULE_OUT_RE = re.compile(r"\b(?:not|n't|never)\s+(?:\w+\s+)?(?:rul(?:e|es|ed|ing)\s+out|exclud\w+)\b")
_CALL_RES = [
    re.compile(r"\b(?:open|ready|willing|prepared|eager|keen|available)\b[\"”']?\s+(?:for|to)\b[^.;]{0,40}?\b" + _TALK),
    re.compile(r"\b(?:call(?:s|ed|ing)?\s+for|urg(?:e|es|ed|ing)|press(?:es|ed|ing)?\s+for|push(?:es|ed|ing)?\s+for|"
               r"support(?:s|ed|ing)?|back(?:s|ed|ing)?|propos(?:e|es|ed|ing|al)|offer(?:s|ed|ing)?|"
               r"invit(?:e|es|ed|ing|ation)|seek(?:s|ing)?|sought|favou?r(?:s|ed)?|advocat\w+|encourag\w+|"
               r"appeal(?:s|ed)?\s+for|want(?:s|ed)?)\b[^.;]{0,40}?\b" + _TALK),
    re.compile(r"\b(?:should|must|ought\s+to|needs?\s+to|has\s+to|have\s+to)\s+(?:\w+\s+){0,2}?(?:negotiate|talk|"
               r"hold\s+talks|sit\s+down|return\s+to\s+(?:the\s+)?(?:negotiating\s+)?table|resume\s+talks|"
               r"start\s+talks|begin\s+talks|engage)\b"),
    re.compile(_TALK + r"\s+(?:should|must|needs?\s+to|ought\s+to)\s+(?:be\s+)?(?:held|resume|start|begin|happen|"
               r"take\s+place)\b"),
    re.compile(r"\b(?:time|chance|opportunity|window)\s+(?:for|to)\s+[^.;]{0,20}?\b" + _TALK),
    re.compile(r"\b(?:call(?:s|ed|ing)?\s+on|urg\w+|press\w*|encourag\w+|ask\w*|invit\w+)\s+[^.;]{0,60}?\bto\s+"
               r"(?:\w+\s+){0,2}?(?:negotiat\w*|talk|return\s+to\s+(?:the\s+)?(?:negotiating\s+)?table|"
               r"resume\s+(?:talks|negotiations|dialogue)|hold\s+talks|engage|sit\s+down|start\s+talks|begin\s+talks|"
               r"enter\s+(?:into\s+)?(?:talks|negotiations))"),
    re.compile(r"\breturn\s+to\s+(?:the\s+)?(?:negotiating\s+)?table\b"),
    re.compile(r"\bno\s+alternative\s+to\s+(?:[\w-]+\s+)?" + _TALK),
    re.compile(r"\bonly\s+(?:way|path|solution|option|answer)\b[^.;]{0,60}?\b(?:dialogue|negotiat\w*|talks|diplomac\w*|"
               r"diplomatic)"),
]
_CALL_CUES = re.compile(r"^(?:urg|call(?:ed|s)?\s+for|propos|offer|appeal|invit|voic\w*\s+support|support)", re.IGNORECASE)

_TALK_VERBS = (
    r"(?:negotiat\w*|talk(?:s|ed|ing)?\s+(?:to|with)|hold\s+talks|engage\s+with|sit\s+down|meet\s+with|"
    r"deal\s+with|interact)"
)
_REJECT_RES = [
    re.compile(r"\b(?:will|would|can|could|shall|wo|ca|do|does|did)(?:\s*not|n't|\s+never)\s+(?:\w+\s+){0,2}?"
               + _TALK_VERBS + r"\b"),
    re.compile(r"\bcannot\s+(?:\w+\s+){0,2}?" + _TALK_VERBS + r"\b"),
    re.compile(r"\bnever\s+(?:\w+\s+){0,1}?" + _TALK_VERBS + r"\b"),
    re.compile(_TALK + r"\s+(?:do|does|did|need)\s*(?:not|n't)\s+(?:need\s+to\s+)?(?:happen|take\s+place|be\s+held)\b"),
    re.compile(_TALK + r"\s+(?:are|is|were|was)\s*(?:not|n't)\s+(?:needed|necessary|possible|on\s+the\s+table|"
               r"an\s+option|the\s+answer)\b"),
    re.compile(r"\bno\s+(?:need|point|place|room|reason|sense|use)\s+(?:for|to|in)\b[^.;]{0,25}?\b" + _TALK),
    re.compile(_TALK + r"\b[^.;]{0,30}?\b(?:pointless|futile|meaningless|impossible|out\s+of\s+the\s+question|"
               r"off\s+the\s+table|a\s+waste)\b"),
    re.compile(r"\brefus(?:e|es|ed|ing|al)\b(?:\s+of\s+[^.;]{0,60}?)?\s+to\s+(?:\w+\s+){0,1}?" + _TALK_VERBS + r"\b"),
    re.compile(r"\b(?:reject\w*|dismiss\w*|spurn\w*|turn(?:s|ed)?\s+down|rebuff\w*|refus(?:e|es|ed|ing))\s+(?:the\s+|any\s+|all\s+|an?\s+)?"
               r"(?:[\w'-]+\s+){0,2}?(?:offers?\s+(?:of|for)\s+|calls?\s+for\s+|proposals?\s+(?:of|for)\s+|idea\s+of\s+)?"
               r"(?:\w+\s+)?" + _TALK),
    re.compile(r"\b(?:too\s+(?:early|soon)|premature)\s+(?:to|for)\b[^.;]{0,30}?\b(?:talks|negotiat\w*|ceasefire|"
               r"cease-fire|truce|peace|dialogue)"),
    re.compile(r"\b(?:can|could|will|would|should|must)\s+be\s+no\s+(?:[\w-]+\s+){0,2}?" + _TALK),
    re.compile(r"\bno\s+(?:intention|desire|interest|willingness|wish)\s+(?:of|to|in|for)\s+(?:\w+\s+)?"
               r"(?:negotiat\w*|talk\w*|meet\w*|engag\w*|sit\w*\s+down|hold\w*\s+talks|dialogue)\b"),
    re.compile(r"\b(?:suspend\w*|halt\w*|freez\w*|froze|broke\s+off|break\w*\s+off|end(?:s|ed|ing)?|cut\s+off|sever\w*|"
               r"pull\w*\s+out\s+of|walk\w*\s+out\s+of|withdr[ae]w\w*\s+from|quit\w*)\s+(?:the\s+|all\s+|any\s+|its\s+|their\s+)?"
               r"(?:[\w-]+\s+){0,2}?" + _TALK),
    re.compile(r"(?<!not\s)(?<!n't\s)\brul(?:e|es|ed|ing)\s+out\s+(?:any\s+|the\s+)?(?:\w+\s+){0,2}?" + _TALK),
]
_REJECT_CUES = re.compile(r"^(?:reject|rul\w*\s+out|refus|dismiss)", re.IGNORECASE)

_DENY_RES = [
    re.compile(_TALK + r"(?:\s+[\w-]+){0,3}?\s+(?:are|is|were|was|have|has|had)\s*(?:not|n't)\s+(?:been\s+)?"
               r"(?:going\s+on|taking\s+place|taken\s+place|happening|under\s?way|held|ongoing|occurring|planned|scheduled|"
               r"in\s+progress)\b"),
    re.compile(_TALK + r"(?:\s+[\w-]+){0,5}?\s+(?:never|did\s+not|didn't)\s+(?:take\s+place|took\s+place|"
               r"happen(?:ed)?|occur(?:red)?)\b"),
    re.compile(r"\bden(?:y|ies|ied|ying)\b[^.;]{0,40}?\b" + _TALK),
    re.compile(_TALK + r"\b(?:\s+[\w-]+){0,4}?\s+(?:had|have|has|were|was|are|is)\s+(?:been\s+)?(?:frozen|suspended|halted|"
               r"severed|broken\s+off|cut\s+off|cut|ended|over|dead|non-existent|nonexistent)\b"),
    re.compile(r"\b(?:reports?|claims?|rumou?rs?|allegations?|speculation|stories|articles)\b[^.;]{0,80}?\b" + _TALK
               + r"\b[^.;]{0,60}?\b(?:false|untrue|fake|baseless|groundless|nonsense|not\s+true|unfounded|lies?|fiction|"
               r"fabricat\w+|speculation|(?:do|does)\s*(?:not|n't)\s+correspond)"),
    re.compile(r"\bno\s+truth\s+(?:to|in)\b[^.;]{0,60}?\b" + _TALK),
]
_DENY_CUES = re.compile(r"^(?:den(?:y|ies|ied)|dismiss|refut|contradict)", re.IGNORECASE)

_CONFIRM_RES = [
    re.compile(r"\b(?:for|during|after|following)\s+(?:[\w-]+\s+){0,2}?(?:talks|negotiations|consultations)\b"),
    re.compile(r"\bin\s+(?:[\w-]+\s+){0,2}?(?:talks|negotiations|contact|touch|discussions)\s+(?:with|between)\b"),
    re.compile(r"\b(?:productive|useful|constructive|fruitful|positive|frank|substantive|successful|cordial|candid|"
               r"detailed|lengthy|intense|good|warm)\s+(?:and\s+\w+\s+)?(?:talks|negotiations|dialogue|meetings?|"
               r"discussions|conversations?|exchanges?|phone\s+calls?|calls?)\b"),
    re.compile(_TALK + r"\b[^.;]{0,60}?\b(?:had|have|has)\s+been\s+(?:very\s+|extremely\s+|quite\s+)?(?:productive|useful|"
               r"constructive|fruitful|positive|frank|substantive|successful|cordial|candid|good)\b"),
    re.compile(r"\b(?:agreed|agree|agrees|decided|decide|plan|plans|planned|arranged)\s+to\s+(?:hold|resume|start|begin|"
               r"open|launch|continue|restart|meet)\b"),
    re.compile(r"\b(?:held|hold|holds|holding|had\s+(?:had\s+)?|have\s+had|has\s+had|conducted|conducting|engaged\s+in|"
               r"maintain\w*|established|kept|resumed|began|started|continu\w+|opened)\s+(?:[\w-]+\s+){0,2}?"
               + _TALK),
    re.compile(r"\bchannels?\b[^.;]{0,110}?\b(?:remain\w*|are|is|were|stay\w*|kept|keep|still)\s+open\b"),
    re.compile(r"\b(?:channels?|contacts?|talks|dialogue|lines?\s+of\s+communication)\s+(?:that|which)?\s*"
               r"(?:\w+\s+){0,2}?(?:have\s+|has\s+|had\s+)?(?:established|set\s+up|opened|maintained|held|used)\b"),
    re.compile(r"\b(?:communicat(?:ed|es|ing)|interacted|negotiated|(?:talked|spoke|spoken|discussed|met)"
               r"(?:\s+[\w-]+){0,3}?\s+with|"
               r"been\s+in\s+(?:touch|contact)|in\s+(?:touch|contact)|conversations?\s+with|phone\s+calls?\s+with|"
               r"exchanges?\s+with)\b"),
    re.compile(r"\b(?:talks|negotiations|contacts|dialogue|meetings?)\s+(?:[\w-]+\s+){0,3}?(?:are|is|were|was|have\s+been|"
               r"has\s+been|had\s+been)\s+(?:under\s?way|ongoing|taking\s+place|going\s+on|continuing|held|happening|"
               r"in\s+progress)\b"),
    re.compile(r"\b(?:talks|negotiations|contacts|meetings?)\s+(?:[\w-]+\s+){0,3}?(?:took|have\s+taken|has\s+taken|"
               r"had\s+taken)\s+place\b"),
]
_CONFIRM_CUES = re.compile(r"^(?:confirm|reveal|acknowledg|admit|disclos)", re.IGNORECASE)
# "speaking on condition of anonymity to discuss ..." is about the source, not about talks.
_ANONYMITY_RE = re.compile(r"\b(?:on|under)\s+(?:the\s+)?conditions?\s+(?:of|that)\s+(?:\w+\s+){0,5}?anonym\w*"
                           r"(?:\s+to\s+discuss)?")
_NEGATED_BEFORE_RE = re.compile(r"\b(?:not|n't|never|no\s+longer)\s+(?:[\w-]+\s+)?$")
_NO_PRECONDITIONS_RE = re.compile(r"\bwithout\s+(?:any\s+)?(?:pre-?conditions?|conditions?)\b")
# After a call or a refusal, these make it conditional.
_CONDITION_WORD_RE = re.compile(r"\b(?:if|unless|while|once|provided|as\s+soon\s+as|as\s+long\s+as|so\s+long\s+as|"
                                r"on\s+condition|only\s+when|until)\b")
# on lower-cased text
_NO_COMMENT_RE = re.compile(r"\b(?:declin\w*|refus\w*|would\s+not|wouldn't|did\s+not|didn't)\s+(?:to\s+)?comment\b|"
                            r"\bno\s+comment\b")


def _normalise(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"[\"“”]", "", text)


def _negated_contact(text: str) -> bool:
    """A negation that reaches a contact word over light words only: "hasn't had any interaction"."""
    tokens = [t.lower() for t in _TOKEN_RE.findall(text)]
    for index, token in enumerate(tokens):
        if token not in _NEGATION:
            continue
        for position in range(index + 1, min(index + 6, len(tokens))):
            follower = tokens[position]
            if follower in {"talk", "talked", "talking", "discuss", "discussed", "discussing"}:
                # the verb counts with a counterpart only: "can't talk about change" is no denial
                if position + 1 < len(tokens) and tokens[position + 1] in {"to", "with"}:
                    return True
                break
            if (_TALK_RE.fullmatch(follower) and follower not in {"table", "summit", "settle"}) or (
                follower in _CONTACT_NOUNS
            ):
                return True
            if follower not in _LIGHT_WORDS and not _is_country_word(follower):
                break
    return False


def _is_country_word(token: str) -> bool:
    """ "russian", "us-china": country words may qualify the contact ("no US-Russia talks")."""
    return all(part in ("us", "uk") or country_of(part) for part in token.split("-") if part)


def _spans(patterns: list[re.Pattern], text: str) -> list[tuple[int, int]]:
    spans = []
    for pattern in patterns:
        match = pattern.search(text)
        if match:
            spans.append(match.span())
    return spans


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _cue_negated(cue: str, sentence: str) -> bool:
    """The cue stands negated in its sentence: "did not confirm", "would not say"."""
    if not cue:
        return False
    index = sentence.find(cue)
    if index < 0:
        return False
    return bool(_NEGATED_BEFORE_RE.search(_normalise(sentence[max(0, index - 25) : index]).lower()))


def _any(patterns: list[re.Pattern], text: str) -> bool:
    return any(pattern.search(text) for pattern in patterns)


def classify_stance(content: str, cue: str, sentence: str) -> str:
    """One of types.STANCES: the statement's stance towards talks on its channel.

    confirms_contact / denies_contact (that contact exists), calls_for_talks / rejects_talks (whether it
    should), sets_conditions (on what terms), other (not about talks, or no position: "declined to comment").
    """
    cue = (cue or "").strip()
    lower_content = (content or "").lower()
    if not mentions_talks(lower_content):
        return "other"  # cheap first look: quotes and apostrophes do not make a talk word
    if _NO_COMMENT_RE.search(cue.lower()) or _NO_COMMENT_RE.search(lower_content):
        return "other"
    text = _ANONYMITY_RE.sub(" ", _normalise(content or "").lower())
    if not _TALK_RE.search(text):
        return "other"
    # "without preconditions" is an offer, not a condition
    text = _NO_PRECONDITIONS_RE.sub(" unconditionally ", text)
    if _any(_CONDITION_RES, text) or _CONDITION_CUES.match(cue):
        return "sets_conditions"
    reject_spans = [] if _NOT_RULE_OUT_RE.search(text) else _spans(_REJECT_RES, text)
    rejects = bool(reject_spans)
    # an offer that was rejected is no call: "rejected Seoul's offer of dialogue"
    unrejected = _blank(text, reject_spans)
    call_spans = ([] if not _NOT_RULE_OUT_RE.search(text) else [_NOT_RULE_OUT_RE.search(text).span()]) + _spans(
        _CALL_RES, unrejected
    )
    # a negated call is a refusal ("was not seeking negotiations"), a negated refusal a call
    # ("has never refused dialogue")
    negated_calls = [span for span in call_spans if _NEGATED_BEFORE_RE.search(text[max(0, span[0] - 25) : span[0]])]
    negated_rejects = [span for span in reject_spans if _NEGATED_BEFORE_RE.search(text[max(0, span[0] - 25) : span[0]])]
    call_spans = [span for span in call_spans if span not in negated_calls] + negated_rejects
    reject_spans = [span for span in reject_spans if span not in negated_rejects] + negated_calls
    calls, rejects = bool(call_spans), bool(reject_spans)
    denies = _any(_DENY_RES, text) or _negated_contact(text)
    if calls and (rejects or denies):
        return "sets_conditions"  # open to talks, but not now or not with them: a conditional position
    if rejects and any(_CONDITION_WORD_RE.search(text, end) for _start, end in reject_spans):
        return "sets_conditions"  # "will never negotiate while troops occupy its territory"
    if calls and any(_CONDITION_WORD_RE.search(text, end) for _start, end in call_spans):
        return "sets_conditions"  # "open to dialogue if sanctions are lifted"
    if calls:
        return "calls_for_talks"
    if rejects:
        return "rejects_talks"
    if denies:
        return "denies_contact"
    if _any(_CONFIRM_RES, text):
        if _DENY_CUES.match(cue):
            return "denies_contact"  # "denied that talks were taking place"
        if _cue_negated(cue, sentence or ""):
            return "other"  # "did not confirm that talks had taken place": neither confirmed nor denied
        return "confirms_contact"
    if not _STRONG_TALK_RE.search(text) or _cue_negated(cue, sentence or ""):
        return "other"
    if _DENY_CUES.match(cue):
        return "denies_contact"
    if _CALL_CUES.match(cue):
        return "calls_for_talks"
    if _REJECT_CUES.match(cue):
        return "rejects_talks"
    if _CONFIRM_CUES.match(cue):
        return "confirms_contact"
    return "other"
