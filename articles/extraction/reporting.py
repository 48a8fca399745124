"""Through which outlet a statement was given or relayed ("told BBC", "according to TASS"), and the venue
where it was made ("evening speech", "UN Security Council")."""

from __future__ import annotations

import re

from .gazetteer import find_outlets, lookup_actor, media_outlet

# Phrases after which the outlet that received or relayed the words follows: "told the BBC",
# "in an interview with CNN", "according to a report from POLITICO", "quoted by Interfax".
_RELAY_BEFORE_RE = re.compile(
    r"\b(?:told|tells|telling|said\s+to|speaking\s+to|spoke\s+to|speaking\s+with|spoke\s+with|"
    r"talking\s+to|talked\s+to|in\s+(?:an?|the|his|her|their)\s+(?:[\w-]+\s+){0,2}?interview\s+(?:with|on|to)|"
    r"interviewed\s+by|in\s+(?:comments|remarks|an?\s+statement|an?\s+op-ed|an?\s+article|an?\s+column)\s+"
    r"(?:to|for|in|published\s+by)|appearing\s+on|speaking\s+on|quoted\s+by|cited\s+by|"
    r"as\s+reported\s+by|reported\s+by|writing\s+in|wrote\s+in|according\s+to)\s+",
    re.IGNORECASE,
)
# What may stand between "according to" and the outlet: "a report from", "reports in", "an article by".
_REPORT_PREFIX_RE = re.compile(
    r"^(?:(?:a|an|the|recent|new|latest)\s+)*(?:report|reports|article|story|interview|transcript|"
    r"readout|dispatch|piece)s?\s+(?:from|by|in|on|published\s+by|carried\s+by|aired\s+by)\s+",
    re.IGNORECASE,
)
# The noun phrase ends at punctuation, a quote or a word that starts another clause.
_PHRASE_END_RE = re.compile(
    r"[,.;:!?\"“”(]|\s(?:that|on|about|in|last|this|during|after|before|when|while|as|and|but|which|who|"
    r"earlier|later|yesterday|today|he|she|they|it|said|says|adding)\b",
)
# Outlets named after the relayed words: ", the BBC reported", "Interfax quoted him as saying".
_RELAY_AFTER_RE = re.compile(
    r"^(?:'s)?\s+(?:reported|reports|has\s+reported|quoted|cited|said\s+in\s+a\s+report|wrote|"
    r"news\s+agency\s+(?:reported|quoted)|newspaper\s+(?:reported|quoted))\b"
)


# Every match of _RELAY_BEFORE_RE contains one of these (in lower case), every match of _RELAY_AFTER_RE
# one of the second set: substring checks are far cheaper than the regexes and rule most sentences out.
_RELAY_BEFORE_HINTS = (
    "told", "tells", "telling", "said to", "speaking", "spoke", "talking", "talked", "interview", "comments",
    "remarks", "statement", "op-ed",
    "article", "column", "appearing", "quoted", "cited", "reported", "writing", "wrote", "according",
)
_RELAY_AFTER_HINTS = ("report", "quoted", "cited", "wrote")


def _has_any(text: str, hints: tuple[str, ...]) -> bool:
    for hint in hints:
        if hint in text:
            return True
    return False


def _outlet_in_phrase(phrase: str) -> str:
    phrase = _REPORT_PREFIX_RE.sub("", phrase.strip())
    end = _PHRASE_END_RE.search(phrase)
    if end:
        phrase = phrase[: end.start()]
    phrase = phrase.strip()
    if not phrase:
        return ""
    known = find_outlets(phrase)
    if known:
        return known[0][2]
    return media_outlet(phrase) or ""


def find_reported_via(sentence: str) -> str:
    """Canonical outlet the statement was given to or relayed by, or "".

    "told BBC", "told the BBC", "in an interview with CNN" -> the outlet it was given to;
    "according to Russia's TASS news agency", "according to a report from POLITICO",
    ", the BBC reported" -> the outlet that relayed it. "told reporters" -> "" (no outlet).
    """
    if not sentence:
        return ""
    if _has_any(sentence.lower(), _RELAY_BEFORE_HINTS):
        for match in _RELAY_BEFORE_RE.finditer(sentence):
            outlet = _outlet_in_phrase(sentence[match.end() : match.end() + 120])
            if outlet:
                return outlet
    if not _has_any(sentence, _RELAY_AFTER_HINTS):
        return ""
    for start, end, name in find_outlets(sentence):
        if _RELAY_AFTER_RE.match(sentence[end : end + 40]):
            return name
    return ""


# --- venues ---------------------------------------------------------------------------------------

_SPEECH_ACTS = (
    r"speech|address|interview|statement|briefing|news conference|press conference|remarks|comments|"
    r"post|tweet|video|video message|message|op-ed|article|column|letter|appearance|"
    r"(?:phone|telephone|video) call|session|debate|hearing|podcast|broadcast|sermon|lecture|readout|"
    r"communiqué|communique|declaration|press release|television appearance"
)
_GATHERINGS = (
    r"news conference|press conference|press briefing|briefing|conference|summit|forum|meeting|event|"
    r"rally|session|ceremony|dinner|hearing|gathering|symposium|panel|debate|reception|convention|"
    r"luncheon|roundtable|round table|plenary|congress"
)
_TIME_WORDS = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|"
    r"July|August|September|October|November|December|the\s+sidelines|behalf|condition|[Tt]hursday)\b"
)
# A capitalised name with inner "of/the/for/and": "the Chicago Council on Global Affairs".
_PROPER_NP = r"(?:the\s+)?[A-Z][\w'.\-]*(?:\s+(?:of\s+the\s+|of\s+|for\s+|and\s+|on\s+|de\s+)?[A-Z0-9][\w'.\-]*)*"
_LOWER_NP = r"(?:the\s+)?[a-z][a-z\-]+(?:\s+(?!that\b|on\b|in\b|and\b|as\b|with\b)[a-z][a-z\-]+)?"

_IN_SPEECH_RE = re.compile(
    r"\b(?:in|during|In|During)\s+(?:his|her|their|its|a|an|the|one\s+of\s+(?:his|her|their)|a\s+joint)\s+"
    r"(?P<venue>(?:(?!that\b|which\b)[\w-]+\s+){0,3}?(?:" + _SPEECH_ACTS + r")(?:\s+(?:" + _SPEECH_ACTS + r"))?)\b"
    r"(?P<tail>\s+(?:to|at|before|on)\s+(?!" + _TIME_WORDS + r")(?:" + _PROPER_NP + r"|" + _LOWER_NP + r"))?"
)
_AT_GATHERING_RE = re.compile(
    r"\b(?:at|during|At|During)\s+(?:a|an|the|his|her|this|last\s+week's|this\s+week's)\s+"
    r"(?P<venue>(?:(?!that\b)[\w-]+\s+){0,3}?(?:" + _GATHERINGS + r"))\b"
    r"(?P<tail>\s+(?:at|of|in|on|with|hosted\s+by|organi[sz]ed\s+by)\s+(?!" + _TIME_WORDS + r")" + _PROPER_NP + r")?"
)
# "at the UN Security Council", "told the UN General Assembly", "addressing the Bundestag"; not "to" or
# "in", which attach roles and places ("representative to the UN", "in the Security Council's view").
_AT_BODY_RE = re.compile(
    r"\b(?:at|before|addressing|addressed|told|At|Before|Addressing)\s+(?P<venue>" + _PROPER_NP + r")"
)
_BODY_WORDS_RE = re.compile(
    r"(?:Council|Assembly|Forum|Summit|Conference|Club|Parliament|Duma|Congress|Senate|Commons|Lords|"
    r"Bundestag|Knesset|Rada|Committee|Institute|University|Dialogue)$"
)
_CALL_RE = re.compile(
    r"\b(?:on|during|in)\s+(?:a|an|the|his|her|their|its)\s+(?P<venue>(?:daily\s+|weekly\s+|regular\s+)?"
    r"(?:conference|phone|video|telephone)\s+call)\b"
)
_PLATFORM_RE = re.compile(
    r"\b(?:on|via)\s+(?P<venue>Twitter|Telegram|Facebook|Instagram|YouTube|TikTok|Truth Social|Weibo|"
    r"WeChat|VKontakte|LinkedIn|Threads|(?:state|national|local|Russian|Ukrainian|public)\s+(?:television|TV|radio)|"
    r"television|TV|radio)\b"
)


# The words the speech, gathering and call patterns end in, and the platforms: substring checks that
# spare most sentences those regexes.
_VENUE_NOUN_HINTS = tuple(
    {word.split()[-1].replace("é", "") for word in (_SPEECH_ACTS + "|" + _GATHERINGS).replace("(?:phone|telephone|video) call", "call").split("|")}
)
_PLATFORM_HINTS = (
    "Twitter", "Telegram", "Facebook", "Instagram", "YouTube", "TikTok", "Truth Social", "Weibo", "WeChat",
    "VKontakte", "LinkedIn", "Threads", "television", "TV", "radio",
)
_AT_BODY_HINT_RE = re.compile(r"(?:at|before|addressing|addressed|told|At|Before|Addressing)\s+(?:the\s+)?[A-Z]")


def _clean_venue(text: str) -> str:
    text = " ".join(text.split()).strip(" ,.")
    return re.sub(r"^(?:the|a|an)\s+", "", text)


def find_venue(sentence: str) -> str:
    """Where the statement was made, or "".

    "in his evening speech" -> "evening speech"; "during an event at the Chicago Council on Global Affairs" ->
    "event at the Chicago Council on Global Affairs"; "at the UN Security Council" -> "UN Security Council";
    "at a news conference" -> "news conference"; "on Twitter" -> "Twitter"; "in a speech to parliament"
    -> "speech to parliament". The earliest venue in the sentence wins.
    """
    if not sentence:
        return ""
    found: list[tuple[int, str]] = []
    if _has_any(sentence, _VENUE_NOUN_HINTS):
        for pattern in (_IN_SPEECH_RE, _AT_GATHERING_RE):
            match = pattern.search(sentence)
            if match:
                venue = match.group("venue") + (match.group("tail") or "")
                found.append((match.start(), _clean_venue(venue)))
        match = _CALL_RE.search(sentence) if "call" in sentence else None
        if match:
            found.append((match.start(), match.group("venue")))
    body_matches = _AT_BODY_RE.finditer(sentence) if _AT_BODY_HINT_RE.search(sentence) else ()
    for match in body_matches:
        name = _clean_venue(match.group("venue"))
        info = lookup_actor(name)
        if _BODY_WORDS_RE.search(name) or (info is not None and info.kind == "organisation"):
            if media_outlet(name) is None:
                found.append((match.start(), info.name if info is not None and info.kind == "organisation" else name))
                break
    match = _PLATFORM_RE.search(sentence) if _has_any(sentence, _PLATFORM_HINTS) else None
    if match:
        found.append((match.start(), match.group("venue")))
    if not found:
        return ""
    return min(found)[1]
