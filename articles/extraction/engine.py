"""The statement extraction engine: article text in, statements (who said what, where) out.

Steps: lay out the body (paragraphs, quotes, sentences, tokens); find attribution cues in each
sentence and read off the speaker's words and the content next to them; join quote-only
sentences to the statement they continue; resolve speakers (surnames, pronouns, role
descriptions, metonyms) against the names the article itself uses; enrich each statement with
date, outlet, venue, channel and stance from the enrichment modules.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from . import channels, dates, gazetteer, reporting
from . import text as layout
from .cues import (
    ALL_CUES,
    CLAIM_NOUNS,
    EVALUATIVE,
    INFINITIVE,
    PASSIVE_AUX,
    PHRASAL,
    SPEECH,
    SPEECH_PHRASES,
    TELL_VERBS,
    WEAK,
)
from .speakers import (
    BOUNDARY_WORDS,
    FEMALE_GIVEN_NAMES,
    MALE_GIVEN_NAMES,
    DETERMINERS,
    FUNCTION_CAPS,
    NAME_RE,
    NOT_ADVERBS,
    ROLE_NOUNS,
    SKIP_AFTER_NP_STOP,
    SKIP_BEFORE_CUE,
    SUBJECT_PRONOUNS,
    TITLE_WORDS,
    head_role_noun,
    looks_like_person_name,
    np_after,
    np_before,
    split_name,
    strip_possessive,
)
from .text import Sentence, Token
from .types import ArticleMeta, Statement

SINGLE_WORD_CUES = SPEECH | WEAK | INFINITIVE | EVALUATIVE
# a sentence is tokenized only if it has one of these words (or a verb before "that")
ATTITUDE_ADJECTIVES = frozenset("""eager confident concerned skeptical sceptical critical convinced determined
    sure aware hopeful worried opposed angry reluctant proud upset supportive wary happy disappointed keen
    optimistic pessimistic adamant glad certain frustrated unwilling hesitant afraid unsure uncertain""".split())
CUE_WORDS = frozenset(ALL_CUES | {"according"} | {"poll", "polls", "survey", "surveys"} | ATTITUDE_ADJECTIVES
                      | {"decision", "refusal", "criticism", "criticisms", "opposition", "endorsement", "insistence",
                         "condemnation", "rejection", "denial", "embrace", "defense", "proposal", "pledge", "vow"})
COLON_QUOTE_RE = re.compile(r":[ \t]*[“\"]")
QUOTE_THEN_SPEAKER_RE = re.compile(r"[,?!][”\"]\s+(?:[A-Z]|he |she |they )")
VERB_THAT_RE = re.compile(r"[a-z](?:ed|s) that\b")
LOWER_WORD_RE = re.compile(r"[a-z]+")
QUOTE_CHAR_RE = layout.QUOTE_CHAR_RE

# words between a cue and its content that are not content ("said Wednesday that", "said again")
SKIP_AFTER_CUE = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday yesterday today tonight earlier later
    again recently publicly privately flatly repeatedly also simply then now once previously
    separately last this week month year night weekend morning afternoon evening on""".split()
)
QUOTE_TOKENS = frozenset("“”\"")
SENTENCE_END_PUNCT = ".!?;"
# words that end a phrase before a speech verb without being a speaker ("as expected, said")
NOT_SPEAKERS = frozenset("""it this that what which there here also too well so much more less
    time times way day days year years week weeks month months ago now then once""".split())
STRONG_CUES = frozenset("said say says told tells tell added adds wrote writes asked asks".split())
LISTENER_TO_CUES = frozenset("said says say wrote writes write explained explains complained complains".split())
LEADING_PREPOSITIONS = frozenset("on in at during after before while from via through over aboard".split())
AFTER_PREPOSITION = frozenset("for of to in on with by from about against into like".split())
# words through which a subject reaches an infinitive cue: "likely to say", "went on to say"
RAISING_WORDS = frozenset("""likely unlikely more less slightly generally much far on able willing seemed seem seems
    appeared appear appears continued continues continue went goes go going quick quicker careful
    only began begin begins started start starts pivoted""".split())
GROUP_WORDS = frozenset(
    """officials sources aides people experts analysts critics supporters voters democrats republicans
    members leaders diplomats lawmakers observers residents authorities organizers advocates politicians
    reporters editors candidates parents americans economists investors scientists negotiators
    delegates donors activists protesters executives""".split()
)


@dataclass
class Candidate:
    """A statement found in one sentence, before its speaker is resolved."""

    sent_index: int
    cue: str
    cue_start: int
    mention_start: int
    mention_end: int
    content_start: int
    content_end: int
    confidence: float
    coordinated: bool = False
    speaker_override: "Candidate | None" = None  # continuation quote: same speaker as this one
    mention_tokens: list[Token] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# public entry points


def extract(body: str, meta: ArticleMeta | None = None, *, enrich: bool = True) -> list[Statement]:
    """Statements (who said what) in `body`, in document order, with offsets into `body`.

    With enrich=False the date, outlet, venue, channel and stance fields keep their defaults
    (for measuring the core alone).
    """
    meta = meta or ArticleMeta()
    original = body
    body = layout.normalize_quotes(body)  # same length: offsets stay valid for the original
    paras = layout.paragraphs(body)
    quotes = layout.find_quotes(body, paras)
    sents = layout.sentences(body, paras, quotes)
    lower_body = body.lower()
    for sent in sents:
        # only sentences with a cue word or a quotation can hold a statement
        words = LOWER_WORD_RE.findall(lower_body, sent.start, sent.end)
        if not CUE_WORDS.isdisjoint(words) or body.startswith("For ", sent.start) or (
                body[sent.start] in "\"“" and QUOTE_THEN_SPEAKER_RE.search(body, sent.start, sent.end)) or (
                COLON_QUOTE_RE.search(body, sent.start, sent.end)) or ("that" in words and (
                not CLAIM_NOUNS.isdisjoint(words) or VERB_THAT_RE.search(body, sent.start, sent.end))):
            sent.tokens = layout.tokenize(body, sent, quotes)

    candidates: list[Candidate] = []
    for index, sent in enumerate(sents):
        candidates.extend(_attributions_in_sentence(body, sents, index))
    candidates.extend(_layout_attributions(body, paras, sents, quotes))
    candidates = _join_quote_continuations(body, sents, quotes, candidates)
    candidates = _drop_duplicates(candidates)
    candidates = _drop_nested(candidates)
    for cand in candidates:
        _trim_summary_appositive(body, cand, quotes)

    registry = Registry(body, sents)
    statements = []
    cues = []  # where each statement's cue is, for the enrichment window
    resolver = Resolver(body, sents, registry)
    for cand in candidates:
        st = resolver.statement(cand, quotes)
        if st is not None:
            st.content = original[st.content_start:st.content_end]
            st.mention = original[cand.mention_start:cand.mention_end]
            statements.append(st)
            cues.append(cand.cue_start)
    _fill_aliases(statements, registry)
    if enrich:
        _enrich(original, sents, paras, statements, cues, meta)
    return statements


def predict_document(doc: dict) -> dict:
    """One benchmark document in, its predicted statements out (offsets into doc["text"])."""
    text = doc["text"]
    meta = ArticleMeta(title=doc.get("title") or "")
    out = []
    for st in extract(text, meta, enrich=False):  # the benchmark scores who and what only
        out.append({
            "speaker": st.speaker,
            "mention": st.mention,
            "content": st.content,
            "content_start": st.content_start,
            "content_end": st.content_end,
            "cue": st.cue,
            "kind": st.kind,
        })
    return {"doc_id": doc.get("doc_id"), "statements": out}


# ---------------------------------------------------------------------------------------------
# finding attributions in a sentence


def _attributions_in_sentence(body: str, sents: list[Sentence], index: int) -> list[Candidate]:
    sent = sents[index]
    toks = sent.tokens
    found: list[Candidate] = []
    i = 0
    n = len(toks)
    while i < n:
        tok = toks[i]
        low = tok.lower
        if tok.in_quote or low not in LOOP_TRIGGERS:
            i += 1
            continue
        cand = None
        if low == "according" and i + 1 < n and toks[i + 1].lower == "to":
            cand = _according_to(body, sent, index, i)
        elif low in ("reported", "first") and i >= 1 and toks[i - 1].lower == "as" and i + 2 < n \
                and (toks[i + 1].lower == "by" or (low == "first" and toks[i + 1].lower == "reported"
                                                   and toks[i + 2].lower == "by")):
            # "As reported by the Times, ..." / "..., as first reported by the Times."
            at = i if low == "reported" else i + 1
            cand = _according_to(body, sent, index, at, opener=i - 1 == _first_word(toks), cue="reported by")
            if low == "first":
                i += 1
        elif (low in CLAIM_NOUNS and i + 1 < n and toks[i + 1].lower == "that" and i >= 1
              and (toks[i - 1].lower in POSSESSIVE_PRONOUNS or toks[i - 1].text.endswith(("'s", "’s")))):
            cand = _claim_that(body, sent, index, i + 1)  # "his claim that ...", "Ortiz's warning that ..."
            i += 1  # past "that"
        elif low in STANCE_NOUNS and i + 2 < n and toks[i + 1].lower in STANCE_NOUNS[low] and not toks[i + 1].in_quote:
            cand = _possessive_stance(body, sent, index, i)  # "his promise to build a wall", "Trump's attacks on Curiel"
            if cand is None and low in ALL_CUES:
                cand = _verb_cue(body, sent, index, i, found)  # "The candidate plans to ...": a verb after all
        elif low in ("asked", "questioned", "pressed") and i + 2 < n and toks[i + 1].lower == "by":
            cand = _asked_by(body, sent, index, i)  # "Asked by a reporter whether ..., she said"
        elif low in SPEECH and i == _first_word(toks) and tok.text[:1].isupper() and i + 3 < n:
            cand = _verb_first(body, toks, index, i)  # 'Said Comey, "..."'
            if cand is None:
                cand = _verb_cue(body, sent, index, i, found)
        elif low in ATTITUDE_ADJECTIVES and _copula_before(toks, i) is not None:
            cand = _attitude(body, sent, index, i)  # "Some Democrats are concerned that ...", "was eager to ..."
        elif low in ALL_CUES:
            cand = None
            if _colon_ends_sentence(toks, i):
                cand = _colon_to_next_paragraph(body, sents, index, i)
            if cand is None:
                cand = _verb_cue(body, sent, index, i, found)
        elif low == "that" and i >= 2 and not found:
            cand = _any_verb_that(body, sent, index, i)
        if cand is not None:
            found.append(cand)
        i += 1
    # "X said A, and Y said B": the first statement ends where the second clause begins
    for first, second in zip(found, found[1:]):
        if second.coordinated or not (first.content_start < second.mention_start < first.content_end):
            continue
        idx = next((k for k, t in enumerate(toks) if t.start == second.mention_start), None)
        if idx is not None and idx >= 1 and toks[idx - 1].text == "," and second.content_start <= first.cue_start \
                and second.content_end <= second.mention_start:
            # "Clinton kept her lead, Fox found": the inner statement ends before the outer attribution
            first.content_end = _rstrip_end(body, first.content_start, toks[idx - 1].start)
            continue
        if idx is None or idx < 2:
            continue
        before, before2 = toks[idx - 1], toks[idx - 2]
        new_subject = toks[idx].text[:1].isupper() or toks[idx].lower in ("he", "she", "they", "we", "i")
        if before.text == ";" or (before.text == ":" and not before.in_quote and new_subject) or (
                before.lower in ("and", "but", "while", "whereas")
                                  and (before2.text == "," or (new_subject and not before.in_quote))):
            cut = before2.start if before.text not in (";", ":") and before2.text == "," else before.start
            if cut > first.content_start:
                first.content_end = _rstrip_end(body, first.content_start, cut)
    # "according to X" next to a speech verb names the outlet, not a second statement; next to other
    # cues ("Verizon has struck a deal with unions, according to the Labor Department") it is one
    if len(found) > 1:
        verbs = [c for c in found if c.cue not in ("according to", "reported by")]
        if any(c.cue.split()[0].lower() in SPEECH for c in verbs):
            found = [c for c in found if c in verbs or not _names_an_outlet(body, c)]
    if not found and n > 4 and toks[0].in_quote:
        cand = _quote_then_any_verb(body, toks, index)
        if cand is not None:
            found.append(cand)
    if not found and n > 6 and toks[-1].in_quote and not toks[0].in_quote:
        cand = _subject_verb_colon_quote(body, toks, index)
        if cand is not None:
            found.append(cand)
    if not found and n > 6 and toks[0].lower == "for":
        cand = _for_someone(body, toks, index)
        if cand is not None:
            found.append(cand)
    if n > 5 and _names_a_poll(body, sent) and all(c.cue.split()[0].lower() not in SPEECH for c in found):
        # a verb inside the poll's findings ("61 percent backed talks") is dropped later as nested
        cand = _in_a_poll(body, toks, index)
        if cand is not None:
            found.append(cand)
    return found


# nouns of stance whose possessor speaks or intends, with the words that introduce what they are about
STANCE_NOUNS = {
    "decision": ("to",), "plan": ("to",), "plans": ("to",), "refusal": ("to",), "promise": ("to",),
    "pledge": ("to",), "vow": ("to",), "call": ("for", "to"), "calls": ("for", "to"), "attack": ("on",),
    "attacks": ("on",), "criticism": ("of",), "criticisms": ("of",), "support": ("for",), "opposition": ("to",),
    "endorsement": ("of",), "push": ("for", "to"), "proposal": ("to", "for"), "threat": ("to",),
    "demand": ("for",), "demands": ("for",), "insistence": ("on",), "embrace": ("of",), "defense": ("of",),
    "praise": ("for", "of"), "condemnation": ("of",), "rejection": ("of",), "denial": ("of",),
}
# the words at which _attributions_in_sentence looks for an attribution (all others are skipped)
LOOP_TRIGGERS = frozenset(ALL_CUES | CLAIM_NOUNS | set(STANCE_NOUNS) | ATTITUDE_ADJECTIVES | SPEECH
                          | {"according", "reported", "first", "asked", "questioned", "pressed", "that"})
STANCE_STOPS = frozenset("""is was are were has have had will would could can should may might does did
    isn't wasn't hasn't haven't won't wouldn't""".split())


def _possessive_stance(body: str, sent: Sentence, index: int, i: int) -> Candidate | None:
    """'his promise to build a wall', "Trump's strikingly personal attacks on Curiel": the possessor
    (a pronoun or a capitalized name) holds the stance; the content runs to the clause's end."""
    toks = sent.tokens
    n = len(toks)
    # the possessor: right before the noun, or before up to three modifiers ("his harsh attacks on")
    p = i - 1
    while p >= 0 and i - p <= 3 and not toks[p].in_quote and toks[p].text.isalpha() and toks[p].text.islower() \
            and toks[p].lower not in POSSESSIVE_PRONOUNS and toks[p].lower not in DETERMINERS:
        p -= 1
    if p < 0 or toks[p].in_quote:
        return None
    owner = toks[p]
    if owner.lower in ("his", "her", "their"):
        span = (p, p)
    elif owner.text.endswith(("'s", "’s")) and owner.text[:1].isupper() and owner.lower not in ("it's", "that's"):
        first = p
        while first > 0 and toks[first - 1].text[:1].isupper() and toks[first - 1].lower not in FUNCTION_CAPS \
                and not toks[first - 1].in_quote:
            first -= 1
        span = (first, p)
    else:
        return None
    k = i + 2 if toks[i + 1].lower != "to" else i + 1  # "promise to build" keeps "to"
    if k >= n or not toks[k].text[:1].isalnum() and not toks[k].in_quote:
        return None
    end_tok = n - 1
    for x in range(k + 1, n):
        t = toks[x]
        if t.in_quote:
            continue
        if t.text in (",", ";", ":", "—", "–", "(") or t.lower in STANCE_STOPS or (
                t.lower == "and" and x + 1 < n and toks[x + 1].lower in ("his", "her", "their")):
            end_tok = x - 1
            break
    start = toks[k].start
    end = _rstrip_end(body, start, toks[end_tok].end)
    if end <= start or end_tok < k:
        return None
    ms, me = span
    return Candidate(index, toks[i].text, toks[i].start, toks[ms].start, toks[me].end, start, end, 0.4,
                     mention_tokens=toks[ms:me + 1])


ASKED_BY_CONTENT = frozenset("whether if about to why how what who when where which".split())


def _asked_by(body: str, sent: Sentence, index: int, i: int) -> Candidate | None:
    """'Asked by Matt Lauer whether she had practiced, ...': the one who asks speaks; the question is
    what follows the asker, up to the next comma."""
    toks = sent.tokens
    n = len(toks)
    span = np_after(toks, i + 2)
    if span is None:
        return None
    ms, me = span
    # the asker's phrase ends before the question word ("a reporter whether ...", "host John Dickerson about ...")
    for m in range(ms + 1, me + 1):
        if toks[m].lower in ASKED_BY_CONTENT:
            me = m - 1
            break
    k = me + 1
    if k >= n or toks[k].lower not in ASKED_BY_CONTENT or toks[k].in_quote:
        return None
    end_tok = next((m for m in range(k + 1, n) if toks[m].text in (",", ";") and not toks[m].in_quote), n - 1)
    start = toks[k].start
    end = _rstrip_end(body, start, toks[end_tok].end if end_tok == n - 1 else toks[end_tok].start)
    if end <= start or not _plausible_speaker(toks, (ms, me), True):
        return None
    return Candidate(index, "asked", toks[i].start, toks[ms].start, toks[me].end, start, end, 0.6,
                     mention_tokens=toks[ms:me + 1])


def _subject_verb_colon_quote(body: str, toks: list[Token], index: int) -> Candidate | None:
    """'Sanders delivered a snappy retort: "No one is tearing this up."': a name or pronoun, a verb in the past
    or present tense, a few words, a colon and a quotation to the end of the sentence."""
    colon = next((k for k, t in enumerate(toks) if t.text == ":" and not t.in_quote), None)
    if colon is None or colon < 2 or colon > 12 or colon + 1 >= len(toks) or not toks[colon + 1].in_quote:
        return None
    first = _first_word(toks)
    t = toks[first]
    if t.lower in ("he", "she", "they"):
        end = first
    elif t.text[:1].isupper() and t.lower not in FUNCTION_CAPS and t.lower not in OPENER_WORDS:
        end = first
        while end + 1 < colon and toks[end + 1].text[:1].isupper():
            end += 1
        if not looks_like_person_name([x.text for x in toks[first:end + 1] if x.text != "."][-3:]) \
                and _lookup_actor(body[t.start:toks[end].end]) is None:
            return None
    else:
        return None
    verb = toks[end + 1] if end + 1 < colon else None
    if verb is None or not (verb.text.isalpha() and verb.text.islower() and (verb.lower.endswith("ed")
                                                                              or verb.lower.endswith("s"))):
        return None
    start = toks[colon + 1].start
    content_end = _rstrip_end(body, start, toks[-1].end)
    if content_end <= start:
        return None
    return Candidate(index, verb.text, verb.start, t.start, toks[end].end, start, content_end, 0.5,
                     mention_tokens=toks[first:end + 1])


def _quote_then_any_verb(body: str, toks: list[Token], index: int) -> Candidate | None:
    """'"Go back to Univision," Trump barked.' / '"..." Toomey fumed on Tuesday.': a sentence that opens
    with a quotation ending in a comma, question or exclamation mark, then a name or pronoun and a verb
    in the past or present tense, reports those words whatever the verb."""
    q = next((k for k, t in enumerate(toks) if not t.in_quote), None)
    if q is None or q < 3 or q + 1 >= len(toks) or toks[q - 1].text not in QUOTE_TOKENS:
        return None
    if toks[q - 2].text not in (",", "?", "!"):
        return None
    first = toks[q]
    if first.lower in ("he", "she", "they"):
        end = q
    elif first.text[:1].isupper() and first.lower not in FUNCTION_CAPS:
        end = q
        while end + 1 < len(toks) and end - q < 3 and toks[end + 1].text[:1].isupper() and not toks[end + 1].in_quote:
            end += 1
    else:
        return None
    if end + 1 >= len(toks):
        return None
    verb = toks[end + 1]
    low = verb.lower
    if not (verb.text.isalpha() and verb.text.islower() and len(low) > 3 and (low.endswith("ed") or low.endswith("s"))
            and not low.endswith("ss") and low not in NOT_THAT_VERBS and low not in PASSIVE_AUX):
        return None
    start = toks[0].start
    content_end = _rstrip_end(body, start, toks[q - 1].end)
    if content_end <= start:
        return None
    return Candidate(index, verb.text, verb.start, first.start, toks[end].end, start, content_end, 0.6,
                     mention_tokens=toks[q:end + 1])


def _verb_first(body: str, toks: list[Token], index: int, i: int) -> Candidate | None:
    """'Said Comey, "The thought ..."' / 'Stated Stone: "..."': the verb opens the sentence, then the speaker
    and the quotation."""
    span = np_after(toks, i + 1)
    if span is None:
        return None
    k = span[1] + 1
    if k + 1 >= len(toks) or toks[k].text not in (",", ":") or not toks[k + 1].in_quote:
        return None
    if not (toks[span[1]].text[:1].isupper() or toks[span[0]].lower in DETERMINERS):
        return None
    start = toks[k + 1].start
    end = _rstrip_end(body, start, toks[-1].end)
    if end <= start:
        return None
    return Candidate(index, toks[i].text, toks[i].start, toks[span[0]].start, toks[span[1]].end, start, end, 0.7,
                     mention_tokens=toks[span[0]:span[1] + 1])


def _for_someone(body: str, toks: list[Token], index: int) -> Candidate | None:
    """'For Ortiz, the talks were a waste of time': a view attributed without a verb, only when a
    person's name (two or more capitalized words, or "Mr./Ms. X") stands between "For" and the comma."""
    comma = next((k for k in range(1, min(len(toks), 6)) if toks[k].text == ","), None)
    if comma is None or comma < 2 or comma + 4 >= len(toks) or any(t.in_quote for t in toks[:comma + 1]):
        return None
    words = [t.text for t in toks[1:comma]]
    titled = words[0].lower().rstrip(".") in ("mr", "mrs", "ms", "dr") and len(words) >= 2
    names = words[1:] if titled else words
    if not (titled or len(names) >= 2) or not looks_like_person_name([w for w in names if w != "."]):
        return None
    start = toks[comma + 1].start
    end = _rstrip_end(body, start, toks[-1].end)
    return Candidate(index, "for", toks[0].start, toks[1].start, toks[comma - 1].end, start, end, 0.4,
                     mention_tokens=toks[1:comma])


def _names_a_poll(body: str, sent: Sentence) -> bool:
    return any(body.find(word, sent.start, sent.end) >= 0 for word in ("poll", "Poll", "survey", "Survey"))


POLL_NOUNS = frozenset("poll polls survey surveys".split())


def _in_a_poll(body: str, toks: list[Token], index: int) -> Candidate | None:
    """'In a Fox News poll released Monday, 48 percent backed the deal' and '... the deal leads by
    four points in the latest Quinnipiac survey': the poll says the rest of the sentence."""
    first = _first_word(toks)
    n = len(toks)
    if toks[first].lower == "in" and not toks[first].in_quote:
        comma = next((k for k in range(first + 1, min(n, first + 16)) if toks[k].text == ","), None)
        if comma is None or comma + 3 >= n or any(t.in_quote for t in toks[first:comma]):
            return None
        if not any(t.lower in POLL_NOUNS for t in toks[first + 1:comma]):
            return None
        start = toks[comma + 1].start
        end = _rstrip_end(body, start, toks[-1].end)
        return Candidate(index, "in", toks[first].start, toks[first + 1].start, toks[comma - 1].end, start, end, 0.6,
                         mention_tokens=toks[first + 1:comma])
    # the poll after the clause: "... leads by four points in the latest Quinnipiac survey (released Monday)"
    m = k = None
    for x in range(4, n - 1):
        if toks[x].lower != "in" or toks[x].in_quote:
            continue
        for y in range(x + 1, min(n, x + 9)):
            t = toks[y]
            if t.in_quote or not (t.text[:1].isalnum() or t.text in "/-’'"):
                break
            if t.lower in POLL_NOUNS:
                after = toks[y + 1] if y + 1 < n else None
                if after is None or after.text in (".", "!", "?", ",") or after.lower in (
                        "released", "conducted", "taken", "published", "out"):
                    m, k = x, y
                break
        if m is not None:
            break
    if m is None:
        return None
    if any(t.in_quote for t in toks[:m]) or not any(_verb_like(t) or t.lower in ("leads", "lead", "trails", "trail")
                                                    or t.lower.endswith("s") and t.text.islower() for t in toks[:m]):
        return None
    start = _sentence_content_start(toks)
    if toks[0].lower in ("but", "and", "yet", "so") and n > 1:
        start = toks[1].start
    end_tok = m - 1
    while end_tok > 0 and toks[end_tok].text in (",", "—", "–"):
        end_tok -= 1
    end = _rstrip_end(body, start, toks[end_tok].end)
    if end <= start:
        return None
    return Candidate(index, "in", toks[m].start, toks[m + 1].start, toks[k].end, start, end, 0.6,
                     mention_tokens=toks[m + 1:k + 1])


BELIEF_VERBS = frozenset("""think thinks thought believe believes believed feel feels felt hope hopes hoped fear fears
    feared expect expects expected doubt doubts doubted suspect suspects suspected know knows knew worry
    worries worried guess guessed assume assumes assumed believing fearing expecting suspecting""".split())
OBJECT_PRONOUNS = frozenset("him her them us me it you this that".split())
FINDING_VERBS = frozenset("show shows showed showing found finds find suggests suggested indicates".split())
SEEING_VERBS = frozenset("see sees saw view views viewed regard regards regarded".split())
EVIDENCE_NOUNS = frozenset("""footage picture pictures clip clips book books film ads ad poll polls survey surveys study studies report reports data analysis research
    investigation review audit results figures numbers memo documents records tally count polling photos
    photo videos video footage images emails transcript transcripts filings disclosures""".split())


SUBORDINATE_OPENERS = frozenset("while although though as if when because since whereas after before".split())


def _evidence_subject(toks: list[Token], j: int) -> tuple[int, int] | None:
    """'A Marquette Law School poll released last week showed ...', 'Polls there show ...': a subject whose
    head is a poll, survey, report or other evidence, with whatever modifies it, ending at token j."""
    m = j
    while m >= 0 and j - m < 16:
        t = toks[m]
        if t.lower in ("this", "last") and m + 1 <= j and toks[m + 1].lower in PERIOD_NOUNS:
            m -= 1  # "A Quinnipiac poll this month found ..."
            continue
        if t.in_quote or t.text in (",", ";", ":", "(", ")", "—", "–") or (
                t.lower in BOUNDARY_WORDS and t.lower not in ("that", "there", "here")):
            return None
        if strip_possessive(t.lower) in EVIDENCE_NOUNS and not (m + 1 <= j and toks[m + 1].text[:1].isupper()):
            start = m
            while start > 0 and not toks[start - 1].in_quote and toks[start - 1].text[:1].isalnum() \
                    and toks[start - 1].lower not in BOUNDARY_WORDS and toks[start - 1].lower not in AFTER_PREPOSITION \
                    and toks[start - 1].lower not in ("in", "at", "on") and m - start < 8:
                start -= 1
                if toks[start].lower in DETERMINERS:
                    break
            return start, j
        m -= 1
    return None


# words after a verb that show it has no object of its own ("which Clinton conceded when ...")
OBJECTLESS_NEXT = frozenset("""when as and but to for by with in on at during after before while last this earlier
    later three two four five several many years months weeks days yesterday today""".split())
PERIOD_UNITS = frozenset("""seconds minutes hours days weeks months years moments minute hour day week month year
    moment decades decade""".split())
PERIOD_NOUNS = frozenset("week weekend month year spring summer fall autumn winter morning evening".split())


def _weak_cue_fits(toks: list[Token], i: int, low: str, content_after: int) -> bool:
    """A weak verb without "that": "the poll showed Smith ahead", "voters see her as honest"."""
    if low in FINDING_VERBS:
        j = _skip(toks, i - 1, SKIP_BEFORE_CUE, -1)
        span = np_before(toks, j) if j >= 0 else None
        if span is None:
            return j >= 0 and _evidence_subject(toks, j) is not None
        words = {strip_possessive(t.lower) for t in toks[span[0]:span[1] + 1]}
        return bool(words & EVIDENCE_NOUNS) or _evidence_subject(toks, j) is not None
    if low in SEEING_VERBS:
        return any(t.lower == "as" for t in toks[content_after:content_after + 8])
    if low in BELIEF_VERBS:
        # "I think the deal is dead", "she believes talks will resume": a clause follows a belief verb
        j = _skip_before_cue(toks, i - 1)
        span = np_before(toks, j) if j >= 0 else None
        head = strip_possessive(toks[j].lower) if j >= 0 else ""
        subject_ok = span is not None and (
            toks[j].lower in ("i", "we", "he", "she", "they", "you")
            or (toks[j].lower == "who" and j >= 1 and toks[j - 1].text == ",")
            or (toks[j].text[:1].isupper() and toks[j].lower not in FUNCTION_CAPS)
            or head in GROUP_WORDS or head in ROLE_NOUNS or head in SPEAKING_NOUNS or _agent_noun(head)
            or head in BELIEVER_NOUNS) or (low.endswith("ing") and toks[i - 1].text == "," and not toks[i - 1].in_quote)
        first = toks[content_after]
        # "believe it would", "expect it to": a pronoun that opens a clause; "believe him": an object
        clause_pronoun = (first.lower in ("it", "this", "that", "you") and content_after + 1 < len(toks)
                          and (toks[content_after + 1].lower in CLAUSE_VERBS or toks[content_after + 1].lower == "to"))
        return (subject_ok and (first.lower not in OBJECT_PRONOUNS or clause_pronoun)
                and first.lower not in ("so", "not", "about", "of", "that")
                and len(toks) - content_after >= 4)
    return False


BELIEVER_NOUNS = frozenset("""allies leadership team camp insiders watchers companies company firms banks investors
    markets conservatives liberals progressives moderates independents evangelicals few many most some others
    both neither all""".split())
CLAUSE_VERBS = frozenset("""is was are were will would could can should might may has had have does did isn't wasn't
    won't wouldn't""".split())


# "WALLACE: But, Governor, ..." (transcripts) and '"..." ― Jane Roe' (quotes signed with a dash)
TRANSCRIPT_RE = re.compile(r"[\"“]?([A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,2}):\s+(?=\S)")
SIGNED_QUOTE_RE = re.compile(r"([\"“][^\"“”]{10,}[\"”])\s*[―—–-]\s*([A-Z][\w.'’\-]+(?: [A-Z][\w.'’\-]+){0,3})")


# a headline that gives its speaker before a colon: "Jane Roe: Talks Must Resume", "Smith camp: ..."
HEADLINE_SPEAKER_RE = re.compile(r"((?:[A-Z][\w.'’\-]+ ){0,3}(?:[A-Z][\w.'’\-]+|camp|campaign)):[ \t]+(?=[A-Z\"“‘'])")
NOT_HEADLINE_SPEAKERS = frozenset(
    """Update Updated Note Related Photo Photos Video Watch Read Editor Correction Source Sources Q A
    Credit Image Caption Listen Subscribe Follow Share Advertisement Breaking Exclusive Analysis Opinion
    Editorial Transcript Live Summary Background Context Timeline Updates Warning Disclaimer Topics Tags
    Contributing Contributors Reporting Editing Additional Writing Sources
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
    August September October November December The This That What Why How When Where Here There""".split()
)


NAME_COLON_QUOTE_RE = re.compile(r"\b([A-Z][\w.'’\-]+(?: (?:[A-Z][\w.'’\-]+|and)){1,6}):[ \t]*([“\"][^“”\"\n]{10,}[”\"])")


def _layout_attributions(body, paras, sents, quotes) -> list[Candidate]:
    """Statements marked by layout rather than by a verb: transcripts and dash-signed quotes."""
    found = []
    sent_starts = [s.start for s in sents]
    for p_start, p_end in paras:
        m = TRANSCRIPT_RE.match(body, p_start, p_end)
        if m and len(m.group(1)) > 2 and m.group(1) not in ("AP", "UPI", "ABSTRACT", "FULL TEXT", "CORRECTION"):
            start = m.end()
            end = _rstrip_end(body, start, p_end)
            index = max(0, bisect.bisect_right(sent_starts, p_start) - 1)
            if end > start and len(body[start:end].split()) >= 3 and "@" not in body[start:end]:
                found.append(Candidate(index, ":", m.end(1), m.start(1), m.end(1), start, end, 0.6))
        m = HEADLINE_SPEAKER_RE.match(body, p_start, p_end)
        if m and not (m.group(1).split()[0] in NOT_HEADLINE_SPEAKERS or m.group(1).isupper()):
            words = m.group(1).split()
            if words[-1] in ("camp", "campaign") or words[-1] in ("Poll", "Survey") \
                    or looks_like_person_name(words) or _lookup_actor(m.group(1)) is not None \
                    or (len(split_name(words)[1]) >= 2 and split_name(words)[0]
                        and looks_like_person_name(split_name(words)[1])):  # "Dr. Jane Roe: ..."
                start = m.end()
                end = _rstrip_end(body, start, p_end)
                if len(body[start:end].split()) >= 4:
                    index = max(0, bisect.bisect_right(sent_starts, p_start) - 1)
                    found.append(Candidate(index, ":", m.end(1), m.start(1), m.end(1), start, end, 0.5))
        if ":" in body[p_start:p_end]:
            for m in NAME_COLON_QUOTE_RE.finditer(body, p_start + 1, p_end):
                # "... in the Midwest - Jane Roe: “We found that ...”": a named author and her words
                names = [part.split() for part in m.group(1).split(" and ")]
                if all(2 <= len(words) <= 3 and looks_like_person_name(words) for words in names) \
                        and body[m.start() - 2:m.start()] in ("- ", "— ", "– ", ". ", ": "):
                    index = max(0, bisect.bisect_right(sent_starts, m.start()) - 1)
                    found.append(Candidate(index, ":", m.end(1), m.start(1), m.end(1), m.start(2), m.end(2), 0.6))
        for m in SIGNED_QUOTE_RE.finditer(body, p_start, p_end):
            index = max(0, bisect.bisect_right(sent_starts, m.start()) - 1)
            found.append(Candidate(index, m.group()[len(m.group(1)):m.start(2) - m.start()].strip(), m.start(2),
                                   m.start(2), m.end(2), m.start(1), m.end(1), 0.6))
    return found


NOT_THAT_VERBS = frozenset("""is was are were has have had does did means meant seems seemed appears appeared
    ensures ensured so such given provided except assumes""".split())


# common nouns that can hold a view of their own: "the campaign maintained that", "the report concluded that"
THAT_SUBJECT_NOUNS = frozenset(
    """campaign administration government ministry committee spokesman spokeswoman spokesperson aide aides
    official officials report poll survey study statement lawsuit letter memo critics supporters advisers
    analysts experts diplomats lawmakers leaders negotiators president minister senator governor ambassador
    envoy""".split()
)


def _any_verb_that(body: str, sent: Sentence, index: int, i: int) -> Candidate | None:
    """'Mr. Smith maintained that ...', 'she conceded that ...': a verb of any kind, then a that-clause,
    after a person's name or a personal pronoun."""
    toks = sent.tokens
    verb = toks[i - 1]
    low = verb.lower
    if verb.in_quote or not verb.text.isalpha() or not verb.text[:1].islower() or low in NOT_THAT_VERBS:
        return None
    if not (low.endswith("ed") or low.endswith("s")) or len(low) < 4 or low.endswith("ss"):
        return None
    j = _skip_before_cue(toks, i - 2)
    if j < 0:
        return None
    subj = np_before(toks, j)
    if subj is None:
        return None
    ms, me = subj
    last = toks[me]
    if not (last.lower in ("he", "she", "they", "we", "i") or (last.text[:1].isupper() and last.lower not in FUNCTION_CAPS)
            or last.lower in THAT_SUBJECT_NOUNS):
        return None
    if ms > 0 and toks[ms - 1].lower in AFTER_PREPOSITION | {"to"}:
        return None
    if i + 1 >= len(toks):
        return None
    start = toks[i + 1].start
    end = _content_end(body, sent, toks)
    if end <= start:
        return None
    return Candidate(index, verb.text, verb.start, toks[ms].start, toks[me].end, start, end, 0.4,
                     mention_tokens=toks[ms:me + 1])


POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it"}


def _claim_that(body: str, sent: Sentence, index: int, i: int) -> Candidate | None:
    """'his claim that ...', "the minister's warning that ...": the possessor said or believes it."""
    toks = sent.tokens
    noun = toks[i - 1]
    if noun.in_quote or i < 2 or i + 1 >= len(toks):
        return None
    owner = toks[i - 2]
    if owner.in_quote:
        return None
    if owner.lower in POSSESSIVE_PRONOUNS:
        span = (i - 2, i - 2)
    elif owner.text.endswith(("'s", "’s")) and owner.text[:1].isupper():
        first = i - 2  # the owner's name: the capitalized words before the possessive
        while first > 0 and toks[first - 1].text[:1].isupper() and toks[first - 1].lower not in FUNCTION_CAPS \
                and not toks[first - 1].in_quote:
            first -= 1
        span = (first, i - 2)
    else:
        return None
    start = toks[i + 1].start
    end = _content_end(body, sent, toks)
    # the clause ends at the next comma or full stop outside quotes
    for t in toks[i + 1:]:
        if t.text in (",", ";") and not t.in_quote:
            end = _rstrip_end(body, start, t.start)
            break
    if end <= start:
        return None
    ms, me = span
    return Candidate(index, noun.text, noun.start, toks[ms].start, toks[me].end, start, end, 0.5,
                     mention_tokens=toks[ms:me + 1])


def _colon_ends_sentence(toks: list[Token], i: int) -> bool:
    """The cue, perhaps a listener or a time ("told reporters on Monday"), then a colon ends the sentence."""
    last = len(toks) - 1
    return last > i and toks[last].text == ":" and last - i <= 6 and not any(t.in_quote for t in toks[i:last])


def _colon_to_next_paragraph(body: str, sents: list[Sentence], index: int, i: int) -> Candidate | None:
    """'Cruz continued:' closing a paragraph: the next paragraph is what was said."""
    sent = sents[index]
    toks = sent.tokens
    if index + 1 >= len(sents) or sents[index + 1].paragraph != sent.paragraph + 1:
        return None
    j = _skip(toks, i - 1, SKIP_BEFORE_CUE, -1)
    if j >= 0 and toks[j].text == ",":
        subj = _appositive_subject(toks, j)
    else:
        subj = np_before(toks, j) if j >= 0 else None
    if subj is None or not _plausible_speaker(toks, subj, True):
        return None
    nxt = sents[index + 1]
    end = nxt.end
    for later in sents[index + 2:]:
        if later.paragraph != nxt.paragraph:
            break
        end = later.end
    start = nxt.start
    end = _rstrip_end(body, start, end)
    if end <= start:
        return None
    ms, me = subj
    return Candidate(index, toks[i].text, toks[i].start, toks[ms].start, toks[me].end, start, end, 0.6,
                     mention_tokens=toks[ms:me + 1])


TIME_NOUNS = frozenset("week month year night weekend morning afternoon evening day days weeks months years".split())
TIME_OPENERS = frozenset("last this that next on one earlier late early a few several two".split())
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTH_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
MONTHS = frozenset("january february march april june july august september october november december".split())
NEGATIONS = frozenset("not never n't".split()) | frozenset(
    w.replace("'", q) for w in "won't wouldn't didn't doesn't don't can't couldn't".split() for q in "'’")
ASIDE_WORDS = frozenset("however meanwhile though too instead both all".split())
MEDIUM_NOUNS = frozenset("statement interview speech email tweet letter op-ed post video call briefing".split())


def _skip_before_cue(toks: list[Token], j: int) -> int:
    """Back from a cue over what may stand between it and its subject: adverbs, auxiliaries,
    'however', 'on Tuesday', 'last week', 'in a statement' ("Smith on Tuesday said ...")."""
    while True:
        k = _skip(toks, j, SKIP_BEFORE_CUE, -1)
        if k < j and toks[k + 1].text[:1].isupper() and (k < 0 or not toks[k].text[:1].isalnum()):
            k += 1  # "Instead, Will called for ...": a name, not the auxiliary
        j = k
        if j < 1 or toks[j].in_quote:
            return j
        low = toks[j].lower
        if low in ASIDE_WORDS:
            j -= 1
        elif low in ("on", "late", "early") and toks[j + 1].lower in WEEKDAYS:
            j -= 1
        elif low in TIME_NOUNS and toks[j - 1].lower in TIME_OPENERS and not toks[j - 1].in_quote:
            j -= 2
            if j >= 0 and toks[j].lower in ("in", "over", "for") :
                j -= 1
        elif low == "past" and j >= 2 and toks[j - 1].lower == "the" and toks[j - 2].lower == "in":
            j -= 3  # "who has in the past described ..."
        elif low in MEDIUM_NOUNS and j >= 3 and toks[j - 2].lower in ("in", "on") and toks[j - 1].lower in ("a", "an", "the", "his", "her", "their", "its"):
            j -= 3
        else:
            return j


def _skip(toks: list[Token], j: int, words: frozenset, step: int) -> int:
    while 0 <= j < len(toks) and toks[j].lower in words and not toks[j].in_quote:
        j += step
    return j


def _verb_cue(body: str, sent: Sentence, index: int, i: int, found: list[Candidate]) -> Candidate | None:
    toks = sent.tokens
    n = len(toks)
    cue_tok = toks[i]
    low = cue_tok.lower
    cue_end_idx = i  # last token of the cue phrase
    particles = PHRASAL.get(low)
    if particles:
        for part in particles:
            words = part.split()
            if all(i + 1 + k < n and toks[i + 1 + k].lower == w for k, w in enumerate(words)):
                cue_end_idx = i + len(words)
                break
    if cue_end_idx == i and low not in SINGLE_WORD_CUES:
        return None  # "talked" without "about" is no cue
    cue_text = body[cue_tok.start:toks[cue_end_idx].end]

    # subject: skip adverbs and auxiliaries backwards ("also", "has", "repeatedly", "angrily")
    j = _skip_before_cue(toks, i - 1)
    while j >= 1 and toks[j].lower.endswith("ly") and len(toks[j].lower) > 4 and not toks[j].in_quote \
            and toks[j].text[:1].islower() and toks[j].lower not in NOT_ADVERBS:
        j = _skip_before_cue(toks, j - 1)
    near = j  # the word right before the cue, for the passive check
    if j >= 2 and toks[j].text in ("—", "–", "-") and not toks[j].in_quote:
        # "Murphy — after a pause — told me ...": the subject is before the opening dash
        dash = toks[j].text
        close = j - 1 if toks[j - 1].text == dash == "-" else j  # "--"
        opening = next((m for m in range(close - 1, max(-1, close - 25), -1)
                        if toks[m].text == dash and not toks[m].in_quote), None)
        if opening is not None and dash == "-" and opening >= 1 and toks[opening - 1].text == "-":
            opening -= 1
        if opening is not None and opening >= 1:
            j = _skip_before_cue(toks, opening - 1)
    if j >= 1 and toks[j].lower == "to" and toks[j - 1].lower in RAISING_WORDS:
        # "voters are more likely to say", "the email goes on to say": the subject is further back
        j = _skip(toks, j - 1, SKIP_BEFORE_CUE | RAISING_WORDS, -1)
    elif j >= 0 and toks[j].lower == "to":
        return None  # "wants to say": the cue is an infinitive
    if j >= 0 and toks[j].lower == "so" and low.startswith("call"):
        return None  # "so-called"
    if i + 1 < n and toks[i + 1].lower == "than":
        return None  # "easier said than done"
    if low in NOUN_VERBS and i >= 1 and not toks[i - 1].in_quote and (
            toks[i - 1].lower in POSSESSIVE_PRONOUNS or toks[i - 1].lower in ("a", "an", "the", "this", "percent", "%")
            or (toks[i - 1].lower.endswith(("'s", "’s")) and toks[i - 1].lower[:-2] not in CONTRACTED_SUBJECTS)):
        return None  # "Trump's support", "20 percent support", "the attacks": nouns
    if low in ("attack", "attacks") and i >= 1 and (toks[i - 1].lower in ATTACK_MODIFIERS or (
            toks[i - 1].text[:1].isupper() and i >= 2 and toks[i - 2].lower in ("the", "a", "an"))):
        return None  # "terrorist attacks", "the Paris attacks": nouns
    if low in ("maintained", "maintains", "felt", "feel", "feels") and i + 1 < n and toks[i + 1].text[:1].islower() \
            and not toks[i + 1].in_quote and toks[i + 1].lower not in ("that", "he", "she", "they", "we", "i", "it", "you") \
            and not (toks[i + 1].lower in DETERMINERS and any(t.lower in CLAUSE_VERBS for t in toks[i + 2:i + 8])):
        return None  # "maintained his lead", "felt blindsided": no reported clause
    if i + 1 < n and toks[i + 1].lower in ("delegate", "delegates") or (
            low == "telling" and i >= 1 and toks[i - 1].lower in ("most", "more", "the", "a", "very")):
        return None  # "271 pledged delegates", "the most telling promise": adjectives
    if i >= 1 and low.endswith("ed") and toks[i - 1].text.endswith(("'s", "’s")) and toks[i - 1].text[:1].isupper() \
            and i + 1 < n and toks[i + 1].text.isalpha() and toks[i + 1].text.islower() \
            and toks[i + 1].lower not in ("that", "to", "he", "she", "they", "it", "we", "the", "a", "an", "his", "her"):
        return None  # "Ortiz's repeated attacks": an adjective
    if cue_end_idx + 2 < n and toks[cue_end_idx].lower == "on" and (
            toks[cue_end_idx + 1].lower in ("condition", "background") or toks[cue_end_idx + 2].lower in ("condition", "background")):
        return None  # "spoke on the condition of anonymity"
    if i + 3 < n and toks[i + 1].lower == "not" and toks[i + 2].lower == "to" and toks[i + 3].lower == "be":
        return None  # "who asked not to be named"
    aux = i - 1
    while aux > near:
        if toks[aux].lower in PASSIVE_AUX and not low.endswith("ing"):
            return _passive_by(body, sent, index, i, cue_end_idx)  # "is said to", "was told"; "was rejected by X"
        aux -= 1
    if j >= 0 and toks[j].lower in PASSIVE_AUX and not low.endswith("ing"):
        return _passive_by(body, sent, index, i, cue_end_idx)

    # where the content after the cue starts
    k = cue_end_idx + 1
    if cue_end_idx > i and toks[i + 1].lower == "to" and toks[cue_end_idx].lower == "comment":
        k = i + 1  # "declined to comment": what was declined is the content
    k = _skip_time(toks, k)
    content_after = None
    that_at = _find_that(toks, k, 8 if low in TELL_VERBS else 6)
    quote_at = _quote_soon(toks, k)
    if that_at is not None and that_at > k and toks[that_at - 1].lower in CLAIM_NOUNS and low not in SPEECH:
        # "rejected his claim that ...": the claim is the object; "his claim that" is its own statement
        that_at = None
        content_after = k
    elif that_at is not None:
        content_after = that_at + 1
    elif k < n and toks[k].lower == "according":
        content_after = None
    elif quote_at is not None:
        content_after = quote_at
    elif k < n:
        nxt = toks[k]
        if nxt.text in (":",) and k + 1 < n:
            content_after = k + 1
        elif nxt.in_quote:
            content_after = k
        elif (nxt.lower in QUANTITY_OPENERS or nxt.lower == "as") and k + 2 < n and (
                toks[k + 1].text[:1].isdigit() or toks[k + 1].lower in NUMBER_WORDS
                or toks[k + 1].lower in ("half", "a", "one", "many", "much", "third", "quarter")) \
                and (low in SPEECH or low in FINDING_VERBS or low in BELIEF_VERBS):
            content_after = k  # "said about half of ...", "polls show as many as 30 percent ..."
        elif nxt.lower in ("in", "at", "on", "during") and low in STRONG_CUES and cue_end_idx == i \
                and _pronoun_clause_after(toks, k) is not None:
            content_after = _pronoun_clause_after(toks, k)  # "wrote in both listings he was ..."
        elif nxt.lower == "when" and low in SPEECH and i >= 1 and toks[i - 1].lower in NEGATIONS:
            content_after = k  # "wouldn't say when the vote will be held"
        elif nxt.text[:1].isalnum() and not (nxt.lower in ("in", "at", "during", "after", "before", "while",
                                                             "when", "as", "of", "about", "by", "with")):
            if low in ASK_VERBS and nxt.lower in QUESTION_WORDS:
                content_after = k  # "asked whether the envoys had met"
            elif low in TELL_VERBS and ((nxt.lower == "to" and low in INFINITIVE) or cue_end_idx > i):
                content_after = k  # "asked to speak to the manager", "warned against ..."
            elif low in TELL_VERBS:
                obj = _listener(toks, k)
                if obj is not None:
                    k2 = _skip_time(toks, obj[1] + 1)
                    # "told CNN, however, that ...": a parenthetical adverb
                    if k2 + 2 < n and toks[k2].text == "," and toks[k2 + 2].text == "," and toks[k2 + 1].text.isalpha():
                        k2 += 3
                    if k2 < n and toks[k2].lower == "that":
                        k2 += 1
                    elif k2 < n and toks[k2].text in (",", ":") and k2 + 1 < n and (
                            toks[k2 + 1].in_quote or toks[k2 + 1].text[:1].isalnum()):
                        k2 += 1  # "told CNN, his policy would ..." / 'told CNN: "..."'
                    if k2 < n and low in ASK_VERBS and toks[k2].lower in QUESTION_WORDS:
                        content_after = k2  # "asked reporters whether ..."
                    elif k2 < n and toks[k2].lower in ("in", "at", "on", "during") \
                            and _pronoun_clause_after(toks, k2) is not None:
                        content_after = _pronoun_clause_after(toks, k2)  # "told reporters in Riga he would ..."
                    elif k2 < n and toks[k2].lower in SUBORDINATORS:
                        pass  # "told his advisers as he worked": no content after the listener
                    elif k2 < n and toks[k2].text[:1].isalnum() or (k2 < n and toks[k2].in_quote):
                        content_after = k2
            else:
                content_after = k
        elif nxt.text == "," and k + 1 < n and toks[k + 1].in_quote:
            content_after = k + 1
        elif nxt.text == "," and not nxt.in_quote and (low in SPEECH or low in BELIEF_VERBS) and (
                (k + 2 < n and toks[k + 1].lower == "that" and not toks[k + 1].in_quote) or (
                k + 4 < n and next((x for x in range(k + 2, min(n - 2, k + 6)) if toks[x].text == ","
                                    and toks[x + 1].lower == "that" and not toks[x + 1].in_quote
                                    and all(t.text[:1].isalnum() for t in toks[k + 1:x])), None) is not None)):
            # "He added, that ...", "She believes, for example, that ..."
            content_after = next(x for x in range(k + 1, n) if toks[x].lower == "that") + 1
        elif (nxt.text == "," and k + 1 < n and (low in SPEECH or low in BELIEF_VERBS) and j >= 1 and toks[j].text[:1].isalnum()
              and _has_words_before_subject(toks, j)):
            content_after = k + 1
        elif (nxt.text == "," and not nxt.in_quote and k + 5 < n and low in SPEECH
              and j >= 0 and toks[j].text[:1].isalnum() and not toks[j].in_quote
              and toks[k + 1].text[:1].isalpha() and not toks[k + 1].in_quote
              and not toks[k + 1].lower.endswith("ing") and toks[k + 1].lower not in CLAUSE_COMMA_STOPS
              and not any(t.text == "," and not t.in_quote for t in toks[max(0, j - 3):j])):
            content_after = k + 1  # "I said, hey, you've got to change the culture", "Rubio says, win or lose, ..."
        elif (nxt.text == "," and k + 2 < n and low in SPEECH and toks[k + 1].lower in ("if", "when", "once", "unless")
              and not toks[k + 1].in_quote):
            content_after = k + 1  # "She said, if elected, she would ..."
    listener_to = content_after is not None and toks[content_after].lower == "to" and low in LISTENER_TO_CUES
    if (content_after is not None and that_at is None and not toks[content_after].in_quote
            and (toks[content_after].lower in LEADING_PREPOSITIONS or toks[content_after - 1].lower in LEADING_PREPOSITIONS
                 or listener_to)):
        comma = next((x for x in range(content_after, min(n, content_after + 12))
                      if toks[x].text == "," and not toks[x].in_quote), None)
        if comma is not None and comma + 1 < n:
            nxt_after = comma + 1
            if toks[nxt_after].lower == "that" and nxt_after + 1 < n:
                nxt_after += 1
            content_after = nxt_after
        elif low in STRONG_CUES and cue_end_idx == i and _pronoun_clause_after(toks, content_after) is not None:
            content_after = _pronoun_clause_after(toks, content_after)
        elif low in STRONG_CUES and cue_end_idx == i and (toks[content_after - 1].lower in LEADING_PREPOSITIONS
                                                          or listener_to):
            content_after = None  # "he said Wednesday on MSNBC.": the content is before
    if content_after is not None and low in WEAK and low not in SPEECH and low not in INFINITIVE:
        # weak verbs need a clause marker or a quote
        if that_at is None and not toks[content_after].in_quote and toks[content_after - 1].text != ":" \
                and not _weak_cue_fits(toks, i, low, content_after):
            content_after = None
    if low in INFINITIVE and low not in SPEECH and content_after is not None and that_at is None \
            and not (low in BELIEF_VERBS and _weak_cue_fits(toks, i, low, content_after)):
        first = toks[content_after].lower
        if not (first in ("to", "for", "on") or toks[content_after].in_quote or cue_end_idx > i):
            if low not in ("called", "calls", "calling", "call", "want", "wants", "wanted", "urged", "urges", "urging",
                           "prefer", "prefers", "preferred",
                           "demanded", "demands", "demanding", "proposed", "proposes", "offered",
                           "recommended", "sought", "seeks", "asked", "asks", "asking"):
                content_after = None

    # the speaker before the cue
    subj = None
    coordinated = False
    if j >= 0:
        prev = toks[j]
        if prev.lower in ("and", "but") and found:
            # "X noted that ... and pledged to ...": same speaker as the previous cue
            coordinated = True
        elif prev.lower in ("and", "but") and content_after is not None and (j == 0 or toks[j - 1].text != ","
                                                                            or low in SPEECH):
            # "He dropped the condition ... but still demanded ...": the clause subject speaks
            subj = _clause_subject(toks, j)
            if subj is not None and toks[subj[0]].in_quote:
                subj = None
        elif prev.text == "," and j >= 3 and toks[j - 1].lower in ASIDE_WORDS and toks[j - 2].text == "," \
                and not prev.in_quote:
            # "Proponents of the bill, however, say ...": the subject before the aside
            subj = np_before(toks, j - 3)
            if subj is not None and subj[0] > 0 and toks[subj[0] - 1].lower in AFTER_PREPOSITION:
                subj = _whole_clause_subject(toks, subj)
            if subj is not None and not _plausible_speaker(toks, subj, True):
                subj = None
        elif prev.text == "%" and j >= 1 and toks[j - 1].text[:1].isdigit():
            subj = (j - 1, j)  # "47% say"
        elif prev.text == "," and not prev.in_quote and j >= 2 and toks[j - 1].text == ")" and low in SPEECH:
            # "Sen. Jane Roe (D-Ohio), said": a comma after the party label
            subj = np_before(toks, j - 1)
            if subj is not None and not _plausible_speaker(toks, subj, True):
                subj = None
        elif prev.text == "," and not prev.in_quote and low in SPEECH and cue_end_idx == i \
                and _inverted_name_after(toks, i + 1):
            subj = None  # "..., whom he has alienated, said Larry Sabato, director of ...": the name speaks
        elif prev.text == "," and not prev.in_quote:
            subj = _appositive_subject(toks, j)
        elif prev.lower in ("who", "which") and j >= 2 and toks[j - 1].text == ",":
            # a relative clause with a speech verb reports speech; "who refused to ..." is background,
            # "who declined to comment" is not
            if low not in ("refused", "refuses", "declined", "declines", "sought", "seeks") or cue_end_idx > i:
                subj = (j, j)
        elif (prev.lower == "who" and j >= 2 and (low in SPEECH or low in BELIEF_VERBS) and that_at is not None
              and toks[j - 1].text[:1].isalnum()):
            subj = (j, j)  # Republicans who believe that the race is lost

        elif low in FINDING_VERBS and _evidence_subject(toks, j) is not None \
                and not strip_possessive(toks[j].lower) in EVIDENCE_NOUNS:
            subj = _evidence_subject(toks, j)  # "A poll released last week showed ..."
        else:
            subj = np_before(toks, j)
            absolute = False
            if subj is not None and low.endswith("ing"):
                # "..., with Sen. Jane Roe calling it a mess": the noun phrase after "with" speaks
                w = next((x for x in range(subj[1] - 1, max(-1, subj[0] - 2), -1) if toks[x].lower == "with"
                          and not toks[x].in_quote), None)
                if w is not None and w + 1 <= subj[1]:
                    subj = (w + 1, subj[1])
                    absolute = True
            if subj is None and j >= 2 and (toks[j].text.isdigit() or toks[j].lower in NUMBER_WORDS) \
                    and toks[j - 1].lower in ("in", "of") and not toks[j - 1].in_quote:
                subj = (j, j)  # "Two in three said", "one in four of them"
            if subj is not None and low in NOUN_VERBS and any(
                    _verb_like(t) and t.lower not in ALL_CUES for t in toks[subj[0] + 1:subj[1] + 1]):
                subj = None  # "Clinton received even stronger support": the noun after a verb
            if subj is not None and any(t.lower in SUBJECT_BREAKING_CUES and not t.in_quote
                                        for t in toks[subj[0] + 1:subj[1] + 1]):
                subj = None  # "Brown plans to continue recruiting captains supporting Cruz": a cue inside
            if subj is not None and not (subj[0] > 0 and toks[subj[0] - 1].lower in AFTER_PREPOSITION) \
                    and not _plausible_speaker(toks, subj, low in STRONG_CUES or (low in SPEECH and low not in WEAK)):
                subj = None
            if subj is not None and subj[0] >= 2 and toks[subj[0] - 1].lower == "of" \
                    and toks[subj[0] - 2].text[:1].isalnum() and not toks[subj[0] - 2].in_quote:
                subj = (subj[0] - 2, subj[1])  # "three-quarters of the voters said"
            if subj is not None and subj[0] > 0 and toks[subj[0] - 1].lower in AFTER_PREPOSITION and not absolute:
                whole = _whole_clause_subject(toks, subj)
                if whole is not None and low not in STRONG_CUES and not _head_can_speak(toks, whole):
                    whole = None
                subj = whole
            if (subj is not None and low.endswith("ing") and strip_possessive(toks[subj[1]].lower) in DOCUMENT_NOUNS
                    and subj[0] > 0):
                # "The group issued a statement saying ...": the group speaks, through its statement
                whole = _clause_subject(toks, subj[0])
                if whole is not None and toks[whole[0]].start < toks[subj[0]].start:
                    subj = whole

    if (found and j >= 1 and j == i - 1 and low.endswith("ing") and content_after is not None and (
            (toks[j].in_quote and toks[j].text in QUOTE_TOKENS and toks[j - 1].text == ",")  # '"corrupt," noting ...'
            or (toks[j].lower == "and" and not toks[j].in_quote and found[-1].cue.split()[0].lower().endswith("ing")))):
        coordinated = True  # "..., stating that ... and chiding the media for ..."
    elif (low.endswith("ing") and content_after is not None and not found and not toks[i].in_quote
          and (j < 0 or (j == 0 and toks[0].lower in OPENING_SUBORDINATORS))):
        # "After saying he was nervous, the man ...", "Despite challenging X, Cruz said ...": the subject of
        # the main clause after the comma speaks
        return _opening_participle(body, toks, index, i, content_after, cue_text)
    elif (j >= 1 and j == i - 1 and low.endswith("ing") and content_after is not None and ((
            not toks[j - 1].in_quote and (toks[j].text in (",", "—", "–") or toks[j].lower in (
                "by", "after", "before", "while", "when", "in", "without")))
            or (not found and toks[j].in_quote and toks[j].text in QUOTE_TOKENS and toks[j - 1].text == ","
                and j >= 2 and toks[j - 1].in_quote))):
        # ", saying that ...", "– saying ...", 'a defense of "New York values," saying ...': the subject of
        # the main clause speaks
        # ", saying that ...": the subject of the main clause speaks
        if found:
            coordinated = True
        else:
            subj_span = _clause_subject(toks, j)
            if subj_span is None:
                return None
            start = toks[content_after].start
            end = _content_end(body, sent, toks)
            if end <= start:
                return None
            ms, me = subj_span
            return Candidate(index, cue_text, cue_tok.start, toks[ms].start, toks[me].end, start, end, 0.6,
                             mention_tokens=toks[ms:me + 1])

    if coordinated:
        base = found[-1]
        outer = next((o for o in found[:-1] if o.content_start <= base.mention_start < o.content_end), None)
        if base.content_end <= base.mention_start:
            outer = None  # '"...," Jones added, saying ...': the inverted attribution's speaker goes on
        if outer is not None and (low.endswith("ing") or (j >= 1 and toks[j - 1].text == "," and not toks[j - 1].in_quote
                                                           and toks[j].lower in ("and", "but"))):
            # "Byrne wrote the agents knew ..., saying ...": Byrne says it; "X said the warning showed he
            # did not know what he was talking about, and accused ...": X accuses
            base = outer
        if content_after is None:
            return None
        # end the previous statement before this coordinated verb
        cut = toks[j].start
        if toks[j].in_quote and toks[j].text in QUOTE_TOKENS:
            cut = toks[j].end  # '... was "corrupt," noting': keep the closing quote
        elif j > 0 and toks[j - 1].text == ",":
            cut = toks[j - 1].start
        if base.content_start < cut < base.content_end:
            base.content_end = _rstrip_end(body, base.content_start, cut)
        start = toks[content_after].start
        end = _content_end(body, sent, toks)
        if end <= start:
            return None
        return Candidate(index, cue_text, cue_tok.start, base.mention_start, base.mention_end, start, end,
                         base.confidence, coordinated=True, speaker_override=base,
                         mention_tokens=base.mention_tokens)

    as_comma = k
    if subj is not None and subj[0] >= 1 and toks[subj[0] - 1].lower == "as" and k < n and toks[k].text != "," \
            and toks[k].lower in LEADING_PREPOSITIONS:
        # "As Smith noted in his memo, ...": a short phrase may follow the cue
        as_comma = next((x for x in range(k, min(n, k + 10)) if toks[x].text == "," or toks[x].in_quote), n)
    opener = _first_word(toks)
    if opener < n and toks[opener].lower in ("but", "and", "yet", "so"):
        opener += 1
    if subj is not None and subj[0] >= 1 and toks[subj[0] - 1].lower == "as" and subj[0] - 1 == opener \
            and as_comma < n and toks[as_comma].text == ",":
        # "As the Post reported, ...": the rest of the sentence is the content
        k = as_comma
        ms, me = subj
        start = toks[k + 1].start if k + 1 < n else None
        end = _content_end(body, sent, toks)
        if start is None or end <= start:
            return None
        return Candidate(index, cue_text, cue_tok.start, toks[ms].start, toks[me].end, start, end, 0.7,
                         mention_tokens=toks[ms:me + 1])

    if subj is not None:
        ms, me = subj
        mention_tokens = toks[ms:me + 1]
        quote_before = _quote_right_before(toks, ms)
        if quote_before and content_after is not None and that_at is None and not toks[content_after].in_quote:
            content_after = None  # '"...," she said months later': the quote is the content
        if content_after is not None and content_after < n:
            start = toks[content_after].start
            end = _content_end(body, sent, toks)
            if toks[ms].lower in ("who", "which") or (
                    ms > 0 and toks[ms - 1].lower in SUBORDINATE_OPENERS and ms - 1 <= _first_word(toks) + 1):
                # "..., who said X, ..." / "While a poll showed X, the race ...": the clause ends at its comma
                comma = next((x for x in range(content_after, n) if (toks[x].text == "," and not toks[x].in_quote) or (
                    # 'who calls Trump a "sociopath," said ...': a comma inside the closing quote ends the clause too
                    toks[x].in_quote and toks[x].text in QUOTE_TOKENS and x >= 1 and toks[x - 1].text == ","
                    and x + 1 < n and toks[x + 1].text.islower() and not toks[x + 1].in_quote
                    and _verb_like(toks[x + 1]))), None)
                if comma is not None:
                    cut = toks[comma].start if toks[comma].text == "," else toks[comma].end
                    end = _rstrip_end(body, start, cut)
            elif (ms > 0 and toks[ms - 1].text == "," and not toks[content_after].in_quote
                  and (toks[content_after - 1].text == "," or _comma_soon(toks, cue_end_idx + 1))):
                # "In 1990, she said, her boss ...": the attribution sits inside the content
                start = _sentence_content_start(toks)
            # a quote split by its attribution: '"A," he said, "B."'
            if quote_before and toks[content_after].in_quote:
                start = _sentence_content_start(toks)
            if that_at is None and low not in SPEECH and not toks[content_after].in_quote and start == toks[content_after].start:
                # an object ends before the next action: "opposed the deal and outstripped ...",
                # "attacking Trump and visiting ...", "defended the city during the debate, speaking ..."
                for x in range(content_after + 1, n - 1):
                    t, nxt = toks[x], toks[x + 1]
                    if t.in_quote or nxt.in_quote or not nxt.text.isalpha() or not nxt.text.islower():
                        continue
                    if (t.text == "," and nxt.lower.endswith("ing") and len(nxt.lower) > 5) or (
                            t.lower == "and" and len(nxt.lower) > 4 and (nxt.lower.endswith("ing") or (
                                nxt.lower.endswith("ed") and toks[x - 1].text[:1].isalnum()))):
                        end = min(end, _rstrip_end(body, start, t.start))
                        break
            if end <= start:
                return None
            conf = 0.8 if low in SPEECH else 0.6
            return Candidate(index, cue_text, cue_tok.start, toks[ms].start, toks[me].end, start, end, conf,
                             mention_tokens=mention_tokens)
        # an object relative: "a victory, which Clinton conceded when the polls closed", "a proposal that
        # Manchin pushed three years ago": the relative pronoun stands for what is conceded or pushed
        after_cue = toks[cue_end_idx + 1] if cue_end_idx + 1 < n else None
        if ms >= 2 and content_after is None and toks[ms - 1].lower in ("which", "that") and not toks[ms - 1].in_quote \
                and toks[ms - 2].lower not in AFTER_PREPOSITION and toks[ms - 2].lower not in ("through", "at", "under") \
                and (toks[ms - 1].lower == "which" or (toks[ms - 2].text[:1].isalpha() and not _verb_like(toks[ms - 2])
                                                        and toks[ms - 2].lower not in ALL_CUES
                                                        and toks[ms - 2].lower not in BOUNDARY_WORDS
                                                        and toks[ms - 2].lower not in SKIP_BEFORE_CUE
                                                        and not toks[ms - 2].lower.endswith("ly"))) \
                and toks[ms].lower not in ("it", "there") and (after_cue is None or (
                    not after_cue.in_quote and (not after_cue.text[:1].isalnum() or after_cue.lower in OBJECTLESS_NEXT
                                                or after_cue.lower in WEEKDAYS))):
            rel = toks[ms - 1]
            return Candidate(index, cue_text, cue_tok.start, toks[ms].start, toks[me].end, rel.start, rel.end, 0.5,
                             mention_tokens=mention_tokens)
        # inverted order: content before the speaker ('..., the minister said.')
        rest = cue_end_idx + 1
        if low in TELL_VERBS:
            obj = _listener(toks, rest)
            if obj is not None:
                rest = obj[1] + 1
        if ms > 1 and toks[ms - 1].text == "," and (low in SPEECH or low in BELIEF_VERBS) and _comma_soon(toks, rest):
            # "These employees, she explained in the hearing, were well paid."
            start = _sentence_content_start(toks)
            end = _content_end(body, sent, toks)
            return Candidate(index, cue_text, cue_tok.start, toks[ms].start, toks[me].end, start, end, 0.7,
                             mention_tokens=mention_tokens)
        put_it = cue_text.lower().endswith(" it") or cue_text.lower() in SPEECH_PHRASES  # "as the memo put it"
        # "..., records show." / "..., a new poll has found."
        evidence = low in FINDING_VERBS and (strip_possessive(toks[me].lower) in EVIDENCE_NOUNS or (
            toks[me].text[:1].isupper() and ms >= 2 and toks[ms - 1].text == "," and _rest_is_empty(toks, rest)))
        # "..., they believe." / "..., many analysts think." / "..., the Daily Caller reports."
        evidence = evidence or ((low in BELIEF_VERBS or low in ("reports", "writes", "notes")) and ms >= 2
                                and toks[ms - 1].text == ",")
        if ms > 0 and (low in SPEECH | WEAK or put_it) and (low in SPEECH or quote_before or put_it or evidence):
            if not quote_before and toks[ms - 1].text.isalpha() and toks[ms - 1].text.islower() \
                    and toks[ms - 1].lower not in ("as", "so", "and", "but", "or", "yet") and not toks[ms - 1].in_quote:
                return None  # "..., a claim the ministry denies": the speaker's object, not an inverted attribution
            if quote_before or _rest_is_empty(toks, rest):
                start = _sentence_content_start(toks)
                end_tok = ms - 1
                while end_tok >= 0 and (toks[end_tok].text in (",", "—", "-", "–") or toks[end_tok].lower == "as") and not toks[end_tok].in_quote:
                    end_tok -= 1
                if end_tok < 0:
                    return None
                end = toks[end_tok].end
                if end <= start or end_tok - _tok_index(toks, start) < 2:
                    return None
                return Candidate(index, cue_text, cue_tok.start, toks[ms].start, toks[me].end, start,
                                 _rstrip_end(body, start, end), 0.8 if low in SPEECH else 0.6,
                                 mention_tokens=mention_tokens)
        return None

    # '"...," said the minister': cue right after the content, speaker after the cue
    if (low in SPEECH or low in WEAK) and (j >= 1 and toks[j].text in (",",) or (j >= 0 and toks[j].in_quote and toks[j].text in QUOTE_TOKENS)):
        if low not in SPEECH and not (toks[j].in_quote or toks[j - 1].in_quote):
            return None
        opening = _opening_name_with_appositive(toks, j)
        if opening is not None and low in SPEECH and cue_end_idx + 3 < n and not toks[cue_end_idx + 1].in_quote:
            # 'Hemsley, the co-author of "Going Viral," said the days when ...': the name before the appositive
            # speaks and the clause after the cue is the content
            ms, me = opening
            start = toks[cue_end_idx + 1].start
            end = _content_end(body, sent, toks)
            if end > start:
                return Candidate(index, cue_text, cue_tok.start, toks[ms].start, toks[me].end, start, end, 0.7,
                                 mention_tokens=toks[ms:me + 1])
        after = np_after(toks, cue_end_idx + 1)
        after_quote = toks[j].in_quote or (toks[j].text == "," and toks[j - 1].in_quote)
        if after is None or low.endswith("ing") or (low in TELL_VERBS and not (after_quote and low in ASK_VERBS)):
            return None  # '"Why now?" asked the senator' is a question; "told", "urged" need a listener
        if not (after_quote or _rest_is_empty(toks, after[1] + 1) or toks[after[1] + 1].text in (",", "(")):
            return None  # '"...," said a strategist for one of the campaigns' may run on; other text may not
        first_word = toks[after[0]]
        if not (first_word.text[:1].isupper() or first_word.lower in DETERMINERS or first_word.lower in SUBJECT_PRONOUNS
                or first_word.lower in ROLE_PREFIX_WORDS
                or after[1] - after[0] < 3
                or (toks[after[1]].text[:1].isupper() and low in SPEECH)):  # "said retired neurosurgeon Ben Carson"
            return None
        end_tok = j
        while end_tok >= 0 and toks[end_tok].text == "," and not toks[end_tok].in_quote:
            end_tok -= 1
        start = _sentence_content_start(toks)
        if end_tok < 0 or toks[end_tok].end <= start:
            return None
        end = toks[end_tok].end
        # an appositive after the speaker ("said Smith, the party's leader") is not content;
        # text after it may be ("said Smith, adding that ...") but we keep the first part
        return Candidate(index, cue_text, cue_tok.start, toks[after[0]].start, toks[after[1]].end, start,
                         _rstrip_end(body, start, end), 0.75, mention_tokens=toks[after[0]:after[1] + 1])
    return None


def _inverted_name_after(toks: list[Token], k: int) -> bool:
    """Is there a person's full name right after the cue, ending the sentence or followed by a comma?"""
    after = np_after(toks, k)
    if after is None or not toks[k].text[:1].isupper():
        return False
    words = [t.text for t in toks[after[0]:after[1] + 1]]
    name = split_name(words)[1]
    return (len(name) >= 2 and looks_like_person_name(name) and all(w[:1].isupper() for w in words)
            and (after[1] + 1 >= len(toks) or toks[after[1] + 1].text in (",", ".")))


def _opening_name_with_appositive(toks: list[Token], j: int) -> tuple[int, int] | None:
    """'Hemsley, the co-author of "Going Viral," ...' / 'Humphrey, who calls Trump a "sociopath," ...': a
    sentence that opens with a name (or 'One former employee') and an appositive running to token j."""
    first = _first_word(toks)
    if first >= len(toks) or toks[first].in_quote:
        return None
    comma = next((x for x in range(first + 1, min(j, first + 6)) if toks[x].text == "," and not toks[x].in_quote), None)
    if comma is None or comma + 1 >= j or toks[comma + 1].in_quote:
        return None
    words = [t.text for t in toks[first:comma]]
    name = split_name(words)[1]
    nxt = toks[comma + 1].lower
    if not (nxt in ("who", "whose") or nxt in DETERMINERS or nxt.endswith("ing")):
        return None
    if all(w[:1].isupper() for w in words) and name and looks_like_person_name(name):
        return first, comma - 1
    head = strip_possessive(toks[comma - 1].lower)
    if toks[first].lower in ("one", "a", "an", "the") and (head in ROLE_NOUNS or _agent_noun(head) or head in GROUP_WORDS
                                                           or head in ("employee", "official", "aide")):
        return first, comma - 1
    return None


def _pronoun_clause_after(toks: list[Token], k: int) -> int | None:
    """'in both listings he was ...': the subject pronoun that opens a clause after a short phrase at k."""
    n = len(toks)
    for x in range(k + 1, min(n - 2, k + 7)):
        t = toks[x]
        if t.in_quote or t.text in (",", ":", ";", "(", "—", "–") or t.lower in BOUNDARY_WORDS:
            return None
        if t.lower in ("he", "she", "they", "we", "i") and toks[x + 1].text.isalpha() and toks[x + 1].text.islower() \
                and not toks[x + 1].in_quote:
            return x
    return None


COPULAS = frozenset("""is are was were be been being remain remains remained seem seems seemed appear appears appeared
    feel feels felt grew become became isn't aren't wasn't weren't""".split())
DEGREE_WORDS = frozenset("""very so too more less most quite particularly especially increasingly deeply both all also
    not n't still never always already even clearly openly publicly fully equally""".split())
CONTRACTED_COPULA_RE = re.compile(r"^(he|she|they|we|i|you|it)[’'](s|re|m)$")
CONTRACTED_PRONOUN_RE = re.compile(r"^(he|she|they|we|i|you|it)[’'](ll|d|ve)$", re.IGNORECASE)


def _copula_before(toks: list[Token], i: int) -> int | None:
    """Index of the copula before an adjective ("are deeply skeptical"), or of a contracted one ("they're")."""
    m = i - 1
    while m >= 0 and not toks[m].in_quote and (toks[m].lower in DEGREE_WORDS or (
            toks[m].lower.endswith("ly") and len(toks[m].lower) > 4 and toks[m].text.islower())):
        m -= 1
    if m >= 1 and not toks[m].in_quote and (toks[m].lower in COPULAS or CONTRACTED_COPULA_RE.match(toks[m].lower)):
        return m
    return None


def _attitude(body: str, sent: Sentence, index: int, i: int) -> Candidate | None:
    """'Some Democrats are concerned that ...', 'Republicans have been critical of ...', 'they're hopeful
    that ...': a copula and an adjective of attitude work as a cue."""
    toks = sent.tokens
    n = len(toks)
    if i + 2 >= n:
        return None
    cop = _copula_before(toks, i)
    nxt = toks[i + 1]
    if nxt.in_quote:
        return None
    if nxt.lower == "that":
        k = i + 2
    elif nxt.lower == "to":
        if toks[i].lower in ("sure", "certain"):
            return None  # "the bill is sure to pass"
        k = i + 1 if toks[i + 2].text.islower() and toks[i + 2].lower not in ("the", "a", "an", "his", "her", "their") \
            and not toks[i + 2].lower.endswith("ing") else i + 2  # "eager to jab", "opposed to (electing) ..."
    elif nxt.lower in ("about", "of", "with", "by", "over"):
        k = i + 2
    elif nxt.lower in ("he", "she", "they", "we", "i", "it") and toks[i + 2].text.isalpha() and toks[i + 2].text.islower():
        k = i + 1  # "convinced he would win"
    else:
        return None
    if k >= n or toks[k].text in (".", ",", ";", ":"):
        return None
    contracted = CONTRACTED_COPULA_RE.match(toks[cop].lower)
    if contracted:
        ms = me = cop
    else:
        j = _skip_before_cue(toks, cop - 1)
        if j < 0:
            return None
        if toks[j].lower in ("who", "which") and j >= 1:
            span = (j, j)
        else:
            span = np_before(toks, j)
            if span is None or not _plausible_speaker(toks, span, True) or toks[span[1]].lower in NOT_SPEAKERS:
                return None
            if any(t.lower in SUBJECT_BREAKING_CUES or t.in_quote for t in toks[span[0]:span[1] + 1]):
                return None
        ms, me = span
    start = toks[k].start
    end = _content_end(body, sent, toks)
    if toks[ms].lower in ("who", "which"):
        comma = next((x for x in range(k, n) if toks[x].text == "," and not toks[x].in_quote), None)
        if comma is not None:
            end = _rstrip_end(body, start, toks[comma].start)
    if end <= start:
        return None
    cue_text = body[toks[i].start:toks[i + 1].end] if nxt.lower in ("about", "of", "with", "by", "over", "to") \
        else toks[i].text
    contracted = contracted or (ms == me and CONTRACTED_PRONOUN_RE.match(toks[ms].text))
    mention_end = toks[ms].start + len(contracted.group(1)) if contracted else toks[me].end  # "they're": "they"
    return Candidate(index, cue_text, toks[i].start, toks[ms].start, mention_end, start, end, 0.6,
                     mention_tokens=toks[ms:me + 1])


def _passive_by(body: str, sent: Sentence, index: int, i: int, cue_end_idx: int) -> Candidate | None:
    """'The plan was rejected by the committee', 'The move was first reported by MSNBC': the agent after
    "by" holds the view; the subject before the auxiliary is the content."""
    toks = sent.tokens
    n = len(toks)
    low = toks[i].lower
    if not (low in EVALUATIVE or low in SPEECH) or low.endswith("ing") or cue_end_idx != i:
        return None
    b = i + 1
    while b < n and (toks[b].lower in ("first", "also", "strongly", "widely", "publicly", "quickly", "roundly")
                     or toks[b].lower in WEEKDAYS):
        b += 1
    if b + 1 >= n or toks[b].lower != "by" or toks[b].in_quote:
        return None
    agent = np_after(toks, b + 1)
    if agent is None:
        return None
    verb = next((x for x in range(agent[0] + 1, agent[1] + 1) if _verb_like(toks[x])), None)
    if verb is not None:
        agent = (agent[0], verb - 1)
    first = toks[agent[0]]
    head = strip_possessive(toks[agent[1]].lower)
    if not (first.text[:1].isupper() or first.lower in DETERMINERS or first.lower in SUBJECT_PRONOUNS
            or toks[agent[1]].text[:1].isupper() or head in GROUP_WORDS or _agent_noun(head)) \
            or toks[agent[1]].lower in NOT_SPEAKERS or not _plausible_speaker(toks, agent, True):
        return None
    aux = next((x for x in range(i - 1, max(-1, i - 5), -1) if toks[x].lower in PASSIVE_AUX), None)
    if aux is None:
        return None
    j = _skip_before_cue(toks, aux - 1)
    while j >= 0 and toks[j].lower in PASSIVE_AUX | {"has", "have", "had", "will", "would", "not"}:
        j -= 1
    if j < 0 or toks[j].in_quote or not toks[j].text[:1].isalnum():
        return None
    subj = np_before(toks, j)
    if subj is None or toks[subj[1]].lower in NOT_SPEAKERS or toks[subj[0]].lower in ("who", "which", "that"):
        return None
    start, end = toks[subj[0]].start, _rstrip_end(body, toks[subj[0]].start, toks[subj[1]].end)
    if end <= start:
        return None
    ms, me = agent
    return Candidate(index, body[toks[i].start:toks[b].end], toks[i].start, toks[ms].start, toks[me].end,
                     start, end, 0.5, mention_tokens=toks[ms:me + 1])


OPENING_SUBORDINATORS = frozenset("after before despite while when since without upon in by besides".split())


def _opening_participle(body: str, toks: list[Token], index: int, i: int, content_after: int,
                        cue_text: str) -> Candidate | None:
    n = len(toks)
    comma = next((x for x in range(content_after + 1, min(n, content_after + 40))
                  if toks[x].text == "," and not toks[x].in_quote), None)
    if comma is None or comma + 2 >= n:
        return None
    subj = np_after(toks, comma + 1)
    if subj is None:
        return None
    verb = next((x for x in range(subj[0] + 1, subj[1] + 1) if _verb_like(toks[x]) or toks[x].lower in SKIP_BEFORE_CUE), None)
    if verb is not None:
        subj = (subj[0], verb - 1)  # "the man ended up ...": the subject ends before its verb
    first = toks[subj[0]]
    if not (first.text[:1].isupper() or first.lower in DETERMINERS or first.lower in SUBJECT_PRONOUNS) \
            or (first.lower in FUNCTION_CAPS and first.lower not in DETERMINERS) \
            or toks[subj[1]].lower in ("it", "there", "which", "who"):
        return None
    if subj[1] + 1 >= n or not toks[subj[1] + 1].text[:1].isalpha() or not _plausible_speaker(toks, subj, True):
        return None
    start = toks[content_after].start
    end = _rstrip_end(body, start, toks[comma].start)
    if end <= start:
        return None
    ms, me = subj
    return Candidate(index, cue_text, toks[i].start, toks[ms].start, toks[me].end, start, end, 0.6,
                     mention_tokens=toks[ms:me + 1])


# words after "said," that do not open the reported clause
CLAUSE_COMMA_STOPS = frozenset("""according as who which whose and but or while although though because since
    referring adding noting citing before after during in on at for with without to of by from""".split())
# finite cue verbs that cannot sit inside the subject of another cue
SUBJECT_BREAKING_CUES = frozenset("""said says say told tells plans plan wants want believes believe thinks think
    argued argues insisted insists claimed warned warns noted notes added adds wrote writes announced
    vowed vows pledged pledges promised promises urged urges hopes hope fears fear""".split())
ATTACK_MODIFIERS = frozenset("""terror terrorist terrorism suicide cyber military air missile drone personal verbal
    blistering recent deadly coordinated rocket knife gun bomb chemical""".split())
# cue words that are as often nouns: after a possessive, an article or "percent" they are nouns
NOUN_VERBS = frozenset("""support supports attack attacks call calls plan plans push pushes demand demands claim
    claims praise vow vows pledge pledges promise promises hope hopes fear fears view views comment comments
    report reports offer offers estimate estimates""".split())
CONTRACTED_SUBJECTS = frozenset("he she it that who what there here where let".split())


DOCUMENT_NOUNS = frozenset("statement statements letter tweet tweets email post video message release memo ad".split())


def _clause_subject(toks: list[Token], limit: int) -> tuple[int, int] | None:
    """The subject at the start of a clause: a pronoun, a capitalized name or a description ("the
    justice") in its first words, after any dateline and opening adverbial ("In a speech in Salem,
    N.H., Trump ...")."""
    i = 0
    # a dateline: "ORLANDO, Fla. (Reuters) - President ..." / "MYRTLE BEACH, S.C. - Sen. ..."
    for m in range(min(limit, 12) - 1):
        if (toks[m].text.endswith((")", ".")) or (toks[m].text.isupper() and len(toks[m].text) > 2)) \
                and toks[m + 1].text in ("-", "—", "–") and not toks[m].in_quote \
                and all(not t.text[:1].islower() for t in toks[:m]):
            i = m + 2  # "WASHINGTON — Sen. Jane Roe ..."
            break
    # the clause after ", but" / ", and" / ";" is the one the participle belongs to
    for m in range(limit - 1, i + 1, -1):
        if toks[m].in_quote:
            continue
        if (toks[m].lower in ("but", "and", "yet", "while") and toks[m - 1].text == "," and not toks[m - 1].in_quote) \
                or toks[m].text == ";":
            if m + 1 < limit and (toks[m + 1].text[:1].isupper() or toks[m + 1].lower in ("he", "she", "they", "we", "i")):
                i = m + 1
            break
    while i < limit and toks[i].lower in ("but", "and", "yet", "so", "still", "then"):
        i += 1
    # "Hours later, Trump ...", "A few minutes later they ...": a time phrase before the subject
    later = next((m for m in range(i + 1, min(limit, i + 5)) if toks[m].lower in ("later", "earlier", "ago", "afterward")
                  and toks[m - 1].lower in PERIOD_UNITS), None)
    if later is not None and all(t.text[:1].isalnum() and not t.in_quote for t in toks[i:later]):
        i = later + 1
        if i < limit and toks[i].text == ",":
            i += 1
    for _ in range(3):
        if not (i < limit and _opens_adverbial(toks, i, limit)):
            break
        # skip the opening adverbial to its comma, and a "City, State," inside it
        comma = next((m for m in range(i, min(limit, i + 16)) if toks[m].text == "," and not toks[m].in_quote), None)
        if comma is None:
            break
        i = comma + 1
        while True:
            nxt = next((m for m in range(i, min(limit, i + 4)) if toks[m].text == ","), None)
            if nxt is None or nxt == i or not all(t.text[:1].isupper() or t.text == "." for t in toks[i:nxt]) \
                    or not _is_place(toks[i:nxt]):
                break
            i = nxt + 1
    for m in range(i, min(limit, i + 8)):
        t = toks[m]
        if t.in_quote:
            return None
        if t.lower in ("he", "she", "they", "we", "i", "it"):
            return m, m
        if t.lower in WEEKDAYS or t.lower in MONTHS or t.lower.rstrip(".") in MONTH_ABBREVIATIONS:
            continue  # "On Thursday evening Clinton ...", "On the morning of Feb. 28 Trump ..."
        if t.text[:1].isupper() and t.lower not in FUNCTION_CAPS:
            e = m
            while e + 1 < limit and toks[e + 1].text[:1].isupper() and not toks[e + 1].in_quote:
                e += 1
            s0 = m - 1 if m > i and toks[m - 1].lower in DETERMINERS else m
            return s0, e
        if m == i and t.lower in ("the", "a", "an", "his", "her", "their", "its") and m + 1 < limit:
            # "the justice sounded off ...": a description up to its verb or preposition
            e = m + 1
            while e + 1 < limit and e - m < 6 and toks[e + 1].text[:1].isalnum() and not toks[e + 1].in_quote \
                    and (toks[e + 1].lower not in NP_STOP or (toks[e + 1].lower == "of" and e + 2 < limit
                                                           and toks[e + 2].text[:1].isupper())) \
                    and not _verb_like(toks[e + 1]):
                e += 1  # "The former secretary of State began ..."
            if (toks[e].text[:1].isupper() and not any(t.lower == "of" for t in toks[m:e])) \
                    or _verb_like(toks[e]) or toks[e].lower in NP_STOP:
                continue
            return m, e
    return None


OPENER_WORDS = frozenset("""here there beyond besides behind outside inside against
    in at on during after before while when since as with without despite amid following
    speaking asked unlike like for by from under over through throughout among upon within earlier later last
    meanwhile however still now today yesterday tonight also already instead once""".split())
NP_STOP = frozenset("of for to at with from in on by who which that and but or as".split()) | SKIP_BEFORE_CUE


def _opens_adverbial(toks: list[Token], i: int, limit: int) -> bool:
    """Does the clause open with an adverbial ("In a speech,", "Speaking in Ohio,", "The day before,")?"""
    low = toks[i].lower
    if low in OPENER_WORDS or low in WEEKDAYS or (low.endswith("ing") and toks[i].text[:1].isupper()) \
            or (low.endswith("ly") and len(low) > 4):
        return True
    # "The day before, ...", "Last week, ...": a short time phrase
    for m in range(i, min(limit, i + 4)):
        if toks[m].text == ",":
            return any(t.lower in TIME_NOUNS for t in toks[i:m])
    return False


def _is_place(words: list[Token]) -> bool:
    """'Tex.', 'New Hampshire', 'S.C.': a state or country after a city."""
    text = " ".join(t.text for t in words).replace(" .", ".")
    return len(words) <= 3 and (text.endswith(".") or bool(_country_of(text)) or text in US_STATES)


US_STATES = frozenset("""Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia
    Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota
    Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah
    Vermont Virginia Washington Wisconsin Wyoming""".split()) | {
    "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Rhode Island",
    "South Carolina", "South Dakota", "West Virginia"}


IRREGULAR_PAST = frozenset("""left made took gave went came got put set held kept ran began brought felt saw stood
    spoke wrote won lost met sent led drew threw struck broke sat paid fought sought taught chose rose fell""".split())


def _verb_like(tok: Token) -> bool:
    low = tok.lower
    return tok.text[:1].islower() and (low.endswith("ed") or low in SKIP_AFTER_NP_STOP or low in ALL_CUES
                                       or low in IRREGULAR_PAST
                                       or low in ("is", "are", "was", "were", "has", "have", "had"))


def _quote_right_before(toks: list[Token], ms: int) -> bool:
    """True when a quotation ends just before the speaker phrase starting at token ms.

    Allows a short role phrase before an appositive name: '"...," the minister, Lena Ortiz, said'.
    """
    if not toks[0].in_quote:
        return False  # 'On "Meet the Press," Smith said ...': the quote is a title, not the content
    if ms >= 1 and toks[ms - 1].in_quote:
        return True
    if ms >= 2 and toks[ms - 1].text == "," and toks[ms - 2].in_quote:
        return True
    if ms >= 2 and toks[ms - 1].text == ",":
        p = ms - 2
        while p >= 0 and not toks[p].in_quote and toks[p].text not in (",", ".", ";") and ms - p < 10:
            p -= 1
        between = toks[p + 1:ms - 1]
        if not between or not (between[0].lower in DETERMINERS or head_role_noun([t.text for t in between])):
            return False  # only a role phrase may stand between: '"...," the minister, Lena Ortiz, said'
        return p >= 0 and (toks[p].in_quote or (p >= 1 and toks[p].text == "," and toks[p - 1].in_quote))
    return False


def _has_words_before_subject(toks: list[Token], j: int) -> bool:
    """True when some clause text precedes the subject ending at token j ('Later, he said, ...')."""
    span = np_before(toks, j)
    if span is None or span[0] < 2:
        return False
    return toks[span[0] - 1].text == ","


def _quote_soon(toks: list[Token], k: int) -> int | None:
    """'said last week in Tel Aviv, "..."': index of a quote opening a few words after the cue."""
    n = len(toks)
    for m in range(k, min(n, k + 12)):
        t = toks[m]
        if t.in_quote:
            if m > k and toks[m - 1].text in (",", ":"):
                return m
            return None
        if t.text in (".", ";", "!", "?") or t.lower in ALL_CUES or t.lower == "that":
            return None
    return None


def _whole_clause_subject(toks: list[Token], span: tuple[int, int]) -> tuple[int, int] | None:
    """'People briefed on the move said': a subject with a modifier runs from the clause start."""
    start = span[0] - 1
    while start > 0 and span[1] - start < 16:
        prev = toks[start - 1]
        if prev.in_quote or prev.text in (",", ";", ":", "(", "—", "–") or prev.lower in BOUNDARY_WORDS:
            break
        start -= 1
    if span[1] - start >= 16:
        return None
    first = toks[start]
    if first.lower in QUANTITY_OPENERS or first.text[:1].isdigit():
        return start, span[1]  # "About four in 10 said", "85% of Democrats said"
    if first.lower in AFTER_PREPOSITION or first.lower in BOUNDARY_WORDS:
        return None
    if not (first.text[:1].isupper() or first.lower in DETERMINERS):
        return None
    return start, span[1]


NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten dozen hundred".split())
QUANTITY_OPENERS = frozenset("about only nearly almost roughly just over more fewer less around half".split())


def _head_can_speak(toks: list[Token], span: tuple[int, int]) -> bool:
    """'A reporter for Agence France-Presse', 'Footage from the game': the words before the first
    preposition of a subject name someone or something that can say or show things."""
    head_end = span[0]
    while head_end < span[1] and toks[head_end + 1].lower not in AFTER_PREPOSITION:
        head_end += 1
    first = toks[span[0]]
    if first.lower in QUANTITY_OPENERS or first.text[:1].isdigit():
        return True
    last = toks[head_end]
    low = strip_possessive(last.lower)
    if last.text[:1].isupper() and low not in FUNCTION_CAPS:
        return True
    return (low in ROLE_NOUNS or low in GROUP_WORDS or low in SPEAKING_NOUNS or low in EVIDENCE_NOUNS
            or _agent_noun(low) or low in PRONOUN_LIKE_WORDS)


PRONOUN_LIKE_WORDS = frozenset("one two three four five six seven eight nine ten some many most few none all each both half".split())


def _agent_noun(low: str) -> bool:
    """'advisers', 'insiders', 'strategist', 'economists': nouns for people by what they do."""
    if low.endswith("s") and (low[:-1] in ROLE_NOUNS or low[:-1] in SPEAKING_NOUNS):
        return True
    if low.endswith(("man", "men", "woman", "women")) and len(low) > 5 and low not in NOT_AGENT_NOUNS:
        return True  # "radioman", "congressmen", "businesswoman"
    stem = low[:-1] if low.endswith(("ists", "ers", "ors", "ians", "ants", "ents")) else low
    return len(stem) > 4 and stem.endswith(("ist", "er", "or", "ian", "ant", "ent")) and stem not in NOT_AGENT_NOUNS


NOT_AGENT_NOUNS = frozenset("""after over under never ever other another either neither whether rather
    together however number order border letter matter water paper summer winter power center
    percent moment comment government statement movement agreement department
    event content intent extent patient ancient recent current different significant important
    major minor mirror error terror horror color favor labor honor rumor humor floor door
    poster filter cluster chapter character quarter corner manner dinner german roman human""".split())


ASK_VERBS = frozenset("asked asks asking ask wondered wonders questioned".split())
QUESTION_WORDS = frozenset("if whether why how what who when where which".split())
SUBORDINATORS = frozenset("as when while after before during in at on because since until if".split())
LISTENER_WORDS = frozenset("him them us me you reporters journalists supporters voters".split())


def _listener(toks: list[Token], k: int) -> tuple[int, int] | None:
    """The listener after "told": "him", "her", "reporters", "the BBC", "his closest advisers"."""
    if k >= len(toks):
        return None
    t = toks[k]
    if t.lower in LISTENER_WORDS:
        return k, k
    if t.lower == "her" and (k + 1 >= len(toks) or not toks[k + 1].text[:1].isalnum()
                             or toks[k + 1].lower in SUBORDINATORS | {"that", "to"}):
        return k, k
    span = np_after(toks, k)
    if span is not None:
        # "asked the congregation to stand": the listener ends before a to-infinitive
        for m in range(span[0] + 1, span[1] + 1):
            if toks[m].lower == "to" and m + 1 < len(toks) and toks[m + 1].text[:1].islower() \
                    and toks[m + 1].lower not in DETERMINERS:
                return span[0], m - 1
            if CONTRACTION_RE.split(toks[m].lower)[0] in ("he", "she", "they", "we", "i", "it", "you", "there"):
                return span[0], m - 1  # "told The Huffington Post he's not planning ..."
    return span


def _comma_soon(toks: list[Token], k: int) -> bool:
    """A short phrase after the cue closes with a comma: ', she said in an interview, ...'."""
    for m in range(k, min(len(toks), k + 8)):
        t = toks[m]
        if t.text == ",":
            return m > k and toks[k].lower in LEADING_PREPOSITIONS | SKIP_AFTER_CUE
        if t.in_quote or t.text in (".", ";", ":") or t.lower == "that":
            return False
    return False


def _first_word(toks: list[Token]) -> int:
    """Index of the first token that is a word (skipping opening punctuation)."""
    for idx, t in enumerate(toks):
        if t.text[:1].isalnum():
            return idx
    return 0


def _tok_index(toks: list[Token], char_pos: int) -> int:
    for idx, t in enumerate(toks):
        if t.start >= char_pos:
            return idx
    return len(toks)


def _skip_time(toks: list[Token], k: int) -> int:
    n = len(toks)
    while k < n and not toks[k].in_quote:
        low = toks[k].lower
        if low in ("this", "last") and not (k + 1 < n and (toks[k + 1].lower in SKIP_AFTER_CUE
                                                         or toks[k + 1].lower in TIME_NOUNS)):
            break  # "say this is a rough patch" (but "said this week")
        if low in SKIP_AFTER_CUE:
            k += 1
        elif low in LEADING_PREPOSITIONS and _find_that(toks, k + 1, 10) is not None:
            return _find_that(toks, k + 1, 10)
        else:
            break
    return k


def _find_that(toks: list[Token], k: int, limit: int) -> int | None:
    """Index of a complementizer "that" within `limit` tokens, not across a comma or quote."""
    n = len(toks)
    for m in range(k, min(n, k + limit)):
        t = toks[m]
        if t.text == "," and not t.in_quote and m > k and m + 1 < n and toks[m - 1].text[:1].isupper() \
                and toks[m + 1].text[:1].isupper() and _is_place(
                    [toks[m + 1]] if m + 2 >= n or not toks[m + 2].text[:1].isupper() else toks[m + 1:m + 3]):
            continue  # "told a town hall in Salem, New Hampshire on Monday that ..."
        if t.text == "," and not t.in_quote and m > k and m + 1 < n and toks[m + 1].lower == "that" \
                and _is_place([toks[m - 1]]):
            continue  # "told reporters in Dayton, Ohio, that ..."
        if t.in_quote or t.text in (",", ";", ":", ".", "—", "–", "-"):
            return None
        if t.lower == "that":
            return m
        if t.lower in BOUNDARY_WORDS and t.lower != "that":
            return None
        if t.lower in CLAUSE_VERBS and m > k:
            return None  # "said the warning was indicative that ...": the "that" is the inner clause's
    return None


def _rest_is_empty(toks: list[Token], k: int) -> bool:
    """True when only punctuation, time words or a short prepositional phrase follows the cue."""
    n = len(toks)
    if k >= n:
        return True
    t = toks[k]
    if t.text in SENTENCE_END_PUNCT or t.text in (",", "—", "–", "-"):
        return True
    k2 = _skip_time(toks, k)
    if k2 >= n or toks[k2].text in SENTENCE_END_PUNCT or toks[k2].text == ",":
        return True
    return t.lower in ("in", "at", "during", "on", "after", "before", "while", "when", "to", "of", "about",
                       "with", "from", "by", "as", "through", "via", "over")


def _appositive_subject(toks: list[Token], comma: int) -> tuple[int, int] | None:
    """'Smith, the party's leader, said': the name before the appositive (or the name in it)."""
    # "Jane Roe, who lost her son in Aurora, Colorado, in 2012, said" / "John Doe, the editor of the
    # paper, the Courier, said": a full name opening the clause, then a relative clause or a description
    # with commas of its own
    opener = _first_word(toks)
    if opener < len(toks) and toks[opener].lower in ("but", "and", "yet", "so"):
        opener += 1
    for k in range(comma - 1, max(opener, comma - 40), -1):
        t = toks[k]
        if t.in_quote or t.text in (";", ":", "(", ")"):
            break
        if t.text != "," or k + 1 >= comma:
            continue
        span = np_before(toks, k - 1)
        if span is None or span[0] != opener:
            continue
        first = toks[k + 1]
        words = [x.text for x in toks[span[0]:span[1] + 1]]
        if (first.lower in ("who", "whose") or first.lower in DETERMINERS) \
                and any(x.text == "," for x in toks[k + 1:comma]) \
                and len(split_name(words)[1]) >= 2 and looks_like_person_name(split_name(words)[1][-3:]):
            return span
        if first.lower in ("who", "whose") and any(x.text == "," for x in toks[k + 1:comma]) \
                and toks[span[1]].text[:1].isupper() and toks[span[1]].lower not in FUNCTION_CAPS \
                and span[1] > span[0] and toks[span[0]].lower.rstrip(".") in TITLE_WORDS:
            return span  # "Mr. Slinker, whose start-up, Paradata, uses ..., said"
        break
    found = _one_appositive(toks, comma)
    if found is not None:
        return found
    # a longer description with commas of its own: "Jane Roe, 67, a nurse in Allentown, Pa., said"
    commas = [k for k in range(comma - 1, max(-1, comma - 30), -1) if toks[k].text == "," and not toks[k].in_quote]
    for k in commas[1:4]:
        span = np_before(toks, k - 1)
        if span is None or any(t.in_quote or t.text in (";", ":") for t in toks[k:comma]):
            continue
        words = [t.text for t in toks[span[0]:span[1] + 1]]
        if len(split_name(words)[1]) >= 2 and looks_like_person_name(split_name(words)[1][-3:]):
            return span
        if span[0] == _first_word(toks) and toks[span[1]].text[:1].isupper() and toks[k + 1].text[:1].islower() \
                and toks[span[1]].lower not in FUNCTION_CAPS:
            return span  # "Clinton, during a town hall in Columbus, Ohio, said"
    return None


def _one_appositive(toks: list[Token], comma: int) -> tuple[int, int] | None:
    """'Smith, the party's leader, said': the name before the appositive."""
    m = comma - 1
    limit = max(0, comma - 32)
    while m >= limit:
        t = toks[m]
        if t.in_quote:
            return None
        if t.text == ",":
            break
        if t.text in (";", ":", "(", ")"):
            return None
        m -= 1
    else:
        return None
    if m < 1 or m == comma - 1:
        return None
    if toks[m - 1].text.isdigit() and m >= 3 and toks[m - 2].text == ",":
        m -= 2  # skip an age
    first = toks[m + 1]
    inner = toks[m + 1:comma]
    if m >= 3 and toks[m - 1].lower in ASIDE_WORDS and toks[m - 2].text == ",":
        m -= 2  # "Sanders, meanwhile, who has no such endorsements, said"
    named = np_before(toks, m - 1)
    if named is not None and first.lower in ("who", "whose") and toks[named[1]].lower not in SUBJECT_PRONOUNS:
        # "One attendee, who like others spoke on condition of anonymity, said"
        return named if _plausible_speaker(toks, named, True) else None
    if len(inner) > 14:
        if named is None:
            return None
        if first.lower in ("who", "which", "whose") or first.lower.endswith("ing") or first.lower == "during":
            # "Trump, who previously questioned whether ..., said": a relative or participle clause
            return named if _plausible_speaker(toks, named, True) else None
        # a long description ("a former official who also sits on the board of ...") only after a full name
        if not ((first.lower in DETERMINERS or first.text[:1].islower())
                and len(split_name([t.text for t in toks[named[0]:named[1] + 1]])[1]) >= 2):
            return None
        return named
    if named is not None and len(inner) <= 12 and toks[named[1]].text[:1].isupper() \
            and len(split_name([t.text for t in toks[named[0]:named[1] + 1]])[1]) >= 2 \
            and not looks_like_person_name([t.text for t in inner if t.text != "."]):
        return named
    if PARTY_LABEL_RE.match(inner[0].text) and len(inner) <= 2 and named is not None:
        return named  # "Sen. Rand Paul, R-Ky., said"
    name_words = split_name([t.text for t in inner])[1]
    if 2 <= len(inner) <= 6 and inner[-1].text[:1].isupper() and len(name_words) >= 2 \
            and looks_like_person_name([w for w in name_words if w != "."]):
        # "the minister, Lena Ortiz, said": the name in the appositive is the speaker
        before = np_before(toks, m - 1)
        if before is not None and (not toks[before[0]].text[:1].isupper() or toks[before[0]].lower in DETERMINERS
                                   or head_role_noun([t.text for t in toks[before[0]:before[1] + 1]])):
            return m + 1, comma - 1
    # the appositive must look like a description or a relative clause
    if not (first.lower in DETERMINERS or first.lower in ("who", "which") or first.text[:1].islower()
            or first.text.isdigit()
            or first.text.endswith(("’s", "'s")) or first.lower in TITLE_WORDS
            or (first.text[:1].isupper() and any(x.lower in ROLE_NOUNS for x in toks[m + 1:comma]))):
        return None
    span = np_before(toks, m - 1)
    if span is None or not _plausible_speaker(toks, span):
        return None
    return span


CONTRACTION_RE = re.compile(r"[’']")
PARTY_LABEL_RE = re.compile(r"[RDI]-[A-Z][a-z]*$")


def _plausible_speaker(toks: list[Token], span: tuple[int, int], strong: bool = False) -> bool:
    """Can this phrase speak? With a strong speech verb any noun phrase with a determiner can."""
    words = toks[span[0]:span[1] + 1]
    if words[-1].text == ")":
        while len(words) > 1 and words[-1].text != "(":
            words = words[:-1]
        words = words[:-1] or words
    last = words[-1]
    if last.lower in SUBJECT_PRONOUNS:
        return last.lower not in ("which",) or True
    if last.text[:1].isupper():
        return True
    low = strip_possessive(last.lower)
    if low in ROLE_NOUNS or low in GROUP_WORDS:
        return True
    if strong and len(words) <= 8 and not low.endswith("ly") and low not in NOT_SPEAKERS:
        return True
    # common nouns that can speak: a report, the poll, the campaign, the statement
    if low in EVIDENCE_NOUNS or _agent_noun(low):
        return True
    if words[0].lower in DETERMINERS and any(strip_possessive(w.lower) in SPEAKING_NOUNS | ROLE_NOUNS for w in words[1:-1]):
        return True  # "The website fivethirtyeight noted"
    agent = low[:-1] if low.endswith(("ists", "ers", "ors", "ians", "ants", "ents")) else low  # "the authors"
    return low in SPEAKING_NOUNS or agent.endswith(("ist", "er", "or", "ian", "ant", "ent")) and len(words) <= 6


SPEAKING_NOUNS = frozenset(
    """report poll polls survey surveys study studies statement campaign government administration
    ministry department committee newspaper paper magazine agency source sources spokesman spokeswoman
    spokesperson aide aides official officials people group groups team staff office website
    network channel station memo letter document documents data analysis article editorial
    email emails message tweet post filing lawsuit complaint court judge jury panel board
    council party parties movement organization organisation union family friends allies
    critics supporters voters democrats republicans conservatives liberals embassy consulate mission community
    palace police military army navy prosecutors""".split()
)


def _sentence_content_start(toks: list[Token]) -> int:
    return toks[0].start if toks else 0


def _content_end(body: str, sent: Sentence, toks: list[Token]) -> int:
    end = sent.end
    return _rstrip_end(body, sent.start, end)


def _rstrip_end(body: str, start: int, end: int) -> int:
    """Drop blanks, commas and a final full stop outside quotes from the end of a span."""
    while end > start and (body[end - 1].isspace() or body[end - 1] in ",;:—–-."):
        if body[end - 1] == "." and end - 2 >= start and body[end - 2] in "”\"":
            break
        end -= 1
    return end


def _according_to(body: str, sent: Sentence, index: int, i: int, opener: bool | None = None,
                  cue: str = "according to") -> Candidate | None:
    """'According to X, ...' and '..., according to X' (also 'as reported by X': the cue's two words
    at i and i + 1, the source after them; `opener` says whether the phrase opens the sentence)."""
    toks = sent.tokens
    n = len(toks)
    k = i + 2
    # the speaker: everything up to the next comma or the sentence end
    m = k
    while m < n and toks[m].text not in (",", ";", ":", ".", "!", "?") and not toks[m].in_quote and m - k < 30:
        m += 1
    if m == k:
        return None
    ms, me = k, m - 1
    first_word = _skip(toks, i - 1, SKIP_BEFORE_CUE, -1)
    short_opener = 0 < i <= 4 and toks[i - 1].text == "," and not any(t.in_quote for t in toks[:i])
    if opener is True or (opener is None and (
            first_word < 0 or (first_word == 0 and toks[0].lower in ("but", "and", "yet")) or short_opener)):
        # "According to X, content."
        if m >= n or toks[m].text != ",":
            return None
        start = toks[m + 1].start if m + 1 < n else None
        if start is None:
            return None
        end = _content_end(body, sent, toks)
    else:
        # "content, according to X."
        start = _sentence_content_start(toks)
        end_tok = i - 1
        if opener is False:
            end_tok = i - 2 if toks[i - 1].lower == "as" else i - 3  # before "as (first) reported by"
        while end_tok >= 0 and toks[end_tok].text in (",", "—", "–", "(") and not toks[end_tok].in_quote:
            end_tok -= 1
        if end_tok < 0:
            return None
        end = _rstrip_end(body, start, toks[end_tok].end)
    if end <= start:
        return None
    return Candidate(index, cue, toks[i].start, toks[ms].start, toks[me].end, start, end, 0.7,
                     mention_tokens=toks[ms:me + 1])


# ---------------------------------------------------------------------------------------------
# quote continuations and clean-up


def _join_quote_continuations(body, sents, quotes, candidates):
    """A sentence that is nothing but a quote continues the statement just before it."""
    by_sentence: dict[int, list[Candidate]] = {}
    for c in candidates:
        by_sentence.setdefault(c.sent_index, []).append(c)
    result = list(candidates)
    last_direct: Candidate | None = None
    last_direct_sent = -10
    for index, sent in enumerate(sents):
        if index in by_sentence:
            cands = by_sentence[index]
            last = cands[-1]
            # a quote in the next paragraph usually carries on the last speaker, whatever the kind
            last_direct, last_direct_sent = last, index
            continue
        if not _is_quote_only(body, sent, quotes):
            if sents[index].paragraph != (sents[last_direct_sent].paragraph if last_direct_sent >= 0 else -1):
                last_direct = None
            continue
        if last_direct is None:
            continue
        prev_sent = sents[last_direct_sent]
        if sent.paragraph == prev_sent.paragraph and index == last_direct_sent + 1 \
                and last_direct.cue.split()[0].lower() in PARTICIPLE_ASIDES and last_direct.speaker_override is not None \
                and _overlaps_quote(last_direct.speaker_override.content_start, last_direct.speaker_override.content_end, quotes):
            # '"A," Black said, referring to the RNC. "B."': A and B are one quotation, the aside stays apart
            base = last_direct.speaker_override
            base.content_end = _rstrip_end(body, base.content_start, sent.end)
            last_direct, last_direct_sent = base, index
        elif sent.paragraph == prev_sent.paragraph and index == last_direct_sent + 1:
            # same paragraph: one statement from the first quote to the end of this one
            last_direct.content_end = _rstrip_end(body, last_direct.content_start, sent.end)
            last_direct_sent = index
        elif (sent.paragraph == prev_sent.paragraph + 1 and _paragraph_starts_with(sents, index)
              and _overlaps_quote(last_direct.content_start, last_direct.content_end, quotes)
              and body[last_direct.content_end:sent.start].strip(" \n\t,.\"”") == ""):
            # the quote goes on in the next paragraph right after the last one: one statement
            last_direct.content_end = _rstrip_end(body, last_direct.content_start, sent.end)
            last_direct_sent = index
        elif sent.paragraph == prev_sent.paragraph + 1 and _paragraph_starts_with(sents, index):
            cont = Candidate(index, last_direct.cue, last_direct.cue_start, last_direct.mention_start,
                             last_direct.mention_end, sent.start, _rstrip_end(body, sent.start, sent.end),
                             0.5, speaker_override=last_direct, mention_tokens=last_direct.mention_tokens)
            result.append(cont)
            last_direct, last_direct_sent = cont, index
    result.sort(key=lambda c: (c.content_start, c.content_end))
    return result


PARTICIPLE_ASIDES = frozenset("referring describing recalling explaining noting citing pointing".split())


def _paragraph_starts_with(sents, index):
    return index == 0 or sents[index - 1].paragraph != sents[index].paragraph


def _is_quote_only(body: str, sent: Sentence, quotes) -> bool:
    """True when the whole sentence (three words or more) lies inside one quotation."""
    k = bisect.bisect_right(quotes, (sent.start, len(body) + 1)) - 1
    if k < 0:
        return False
    qs, qe = quotes[k]
    if not (qs <= sent.start and sent.end <= qe + 1):
        return False
    return len(body[sent.start:sent.end].split()) >= 3


def _overlaps_quote(start, end, quotes):
    for qs, qe in quotes:
        if qs < end and start < qe:
            return True
    return False


# speech verbs that keep their own statement inside another one's content ("X said Y told Z ...")
NESTABLE_CUES = SPEECH - INFINITIVE - {"agreed", "agrees", "agree", "declined", "refused"}


# ", a claim the ministry denies": the writer's summary of what came before, not part of it
SUMMARY_APPOSITIVE_RE = re.compile(
    r",\s+(?:a|an)\s+(?:claim|charge|point|view|position|assertion|allegation|argument|notion|contention|sentiment"
    r"|remark|accusation|suggestion|prediction|reference|stance|theory|message)\b")


def _trim_summary_appositive(body: str, cand: Candidate, quotes) -> None:
    m = SUMMARY_APPOSITIVE_RE.search(body, cand.content_start, cand.content_end)
    if m is None or m.start() - cand.content_start < 20:
        return
    k = bisect.bisect_right(quotes, (m.start(), len(body) + 1)) - 1
    if k >= 0 and quotes[k][0] <= m.start() < quotes[k][1]:
        return  # inside a quotation: the speaker's own words
    cand.content_end = _rstrip_end(body, cand.content_start, m.start())


def _drop_nested(candidates):
    """Drop a non-speech cue whose speaker sits inside another statement's content."""
    by_sentence: dict[int, list[Candidate]] = {}
    for c in candidates:
        by_sentence.setdefault(c.sent_index, []).append(c)
    kept = []
    for c in candidates:
        word = c.cue.split()[0].lower()
        if word not in NESTABLE_CUES and not (c.coordinated and word in PARTICIPLE_ASIDES):
            # of two that hold each other's speakers ("Most voters oppose it, a poll found") the one whose
            # content comes first reports the other
            if any(o is not c and o.content_start <= c.mention_start and c.mention_end <= o.content_end
                   and not (c.content_start < o.content_start
                            and c.content_start <= o.mention_start and o.mention_end <= c.content_end)
                   for o in by_sentence[c.sent_index]):
                continue
        kept.append(c)
    return kept


def _drop_duplicates(candidates):
    kept = []
    seen = {}
    for c in candidates:
        key = (c.content_start, c.content_end)
        if key in seen:
            other = seen[key]
            if c.confidence > other.confidence:
                kept[kept.index(other)] = c
                seen[key] = c
            continue
        seen[key] = c
        kept.append(c)
    return kept


# ---------------------------------------------------------------------------------------------
# who is who: names, surnames, roles


@dataclass
class Person:
    name: str
    first_pos: int
    roles: list[str] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)  # other spellings in the article
    country: str = ""


FRONT_FUNCTION = frozenset("""the a an but and so yet however meanwhile still after before when while in on at by
    outside inside across near around among beyond""".split())
PLACE_PREPOSITIONS = frozenset("in at from near outside inside across around via".split())
GENDER_TITLES = {"mr.": "m", "mr": "m", "sir": "m", "mrs.": "f", "mrs": "f", "ms.": "f", "ms": "f", "miss": "f",
                 "lady": "f", "dame": "f"}
PRONOUN_GENDER = {"he": "m", "she": "f"}
# he, his, him, himself, she, her, hers, herself as words; the look-behind after the first letter lets the
# regex engine skip quickly to the next h or s
GENDERED_PRONOUN_RE = re.compile(r"[Hh](?<!\w[Hh])(?:e|is|im|imself|er|ers|erself)\b|[Ss](?<!\w[Ss])he\b")
FEMININE_PRONOUNS = frozenset("she her hers herself".split())


LEADING_VERBS = frozenset("said says stated added asked wrote told recalled noted explained".split())  # 'Said Comey, "..."'


def _parse_name_run(run: str) -> tuple[int, list[str], list[str]] | None:
    """(characters skipped at the front, role words, name words) of a capitalized run naming a person."""
    words = run.split()
    skipped = 0
    while words and (words[0].lower() in FRONT_FUNCTION or words[0].lower() in LEADING_VERBS):
        skipped += len(words[0]) + 1
        words = words[1:]
    if len(words) < 2:
        return None
    role_words, name_words = split_name(words)
    if len(name_words) < 2:
        return None
    if name_words[-1].endswith(("’s", "'s")):
        name_words = name_words[:-1] + [strip_possessive(name_words[-1])]
    if not looks_like_person_name(name_words) or _is_place_or_org(" ".join(name_words)):
        return None
    return skipped, role_words, name_words


class Registry:
    """People the article names in full, with their surnames and the roles it gives them."""

    def __init__(self, body: str, sents: list[Sentence]):
        self.body = body
        self.persons: dict[str, Person] = {}
        self.by_surname: dict[str, str] = {}
        self.positions: list[int] = []  # where a person is named (full name or surname), sorted
        self.position_names: list[str] = []
        self.gender: dict[str, str] = {}  # from "Mr."/"Mrs."/"Ms." before the name
        parsed: dict[str, tuple | None] = {}  # the same capitalized run recurs: parse it once
        not_place: set[str] = set()  # names used at least once other than "in X", "from X"
        seen_count: dict[str, int] = {}
        for m in NAME_RE.finditer(body):
            run = m.group()
            if run in parsed:
                hit = parsed[run]
            else:
                hit = parsed[run] = _parse_name_run(run)
            if hit is None:
                continue
            skipped, role_words, name_words = hit
            offset = m.start() + skipped
            name = " ".join(name_words)
            prev_word = body[max(0, offset - 8):offset].split()[-1:] or [""]
            if prev_word[0].lower() not in PLACE_PREPOSITIONS:
                not_place.add(name)
            seen_count[name] = seen_count.get(name, 0) + 1
            if seen_count[name] > 3:
                continue  # roles and appositives come with the first mentions
            surname = name_words[-1]
            if surname.lower() in ("jr", "jr.", "sr", "sr.", "ii", "iii") and len(name_words) > 2:
                surname = name_words[-2]
            person = self.persons.get(name)
            if person is None:
                person = Person(name, offset)
                self.persons[name] = person
                self.by_surname.setdefault(surname, name)
            name_start = m.start() + m.group().find(name_words[0]) if role_words else offset
            role = _role_before(body, name_start, role_words)
            if role and role not in person.roles:
                person.roles.append(role)
            full_mention = ""
            if role:
                # the exact words of the article, from the role's first word to the end of the name
                raw_start = body.rfind(role.split()[0], max(0, name_start - 100), name_start)
                name_end = body.find(name_words[-1], name_start) + len(name_words[-1])
                if raw_start >= 0 and name_end > name_start:
                    full_mention = body[raw_start:name_end]
            if full_mention and full_mention not in person.forms:
                person.forms.append(full_mention)
            appos = _appositive_after(body, m.end())
            if appos and appos not in person.roles:
                person.roles.append(appos)
        for name in [n for n in self.persons if n not in not_place]:
            del self.persons[name]  # "in Boca Raton", "from Puerto Rico": a place
        self.by_surname = {k: v for k, v in self.by_surname.items() if v in self.persons}
        self.heads = set()
        # the full pattern tries every capitalized word: look for its fixed words first
        head_matches = HEAD_OF_GOVERNMENT_RE.finditer(body) if HEAD_OF_GOVERNMENT_HINT_RE.search(body) else ()
        for m in head_matches:
            words = (m.group(1) or m.group(2)).split()
            _, name_words = split_name(words)
            if name_words:
                full = self.canonical(name_words)
                if full:
                    self.heads.add(full)
        for person in self.persons.values():
            for role in person.roles:
                described = _describe_role(role)
                if described and described[1]:
                    person.country = described[1]
                    break
        # every place a known person is named, for pronoun resolution
        if self.by_surname:
            # the surname as written, with or without a possessive ("Berg", "Berg's", "Berg’")
            by_form = {}
            for surname, full in self.by_surname.items():
                for ending in ("", "'s", "’s", "'", "’"):
                    by_form.setdefault(surname + ending, full)
            self.gender: dict[str, str] = {}
            # find each surname with str.find (fast) rather than every capitalized word with a regex
            found: dict[int, str] = {}
            for surname in self.by_surname:
                at = body.find(surname)
                while at >= 0:
                    if _starts_capitalized_word(body, at):
                        m = CAPITALIZED_WORD_RE.match(body, at)
                        full = by_form.get(m.group()) if m else None
                        if full is not None:
                            found[at] = full
                    at = body.find(surname, at + 1)
            for at in sorted(found):
                full = found[at]
                title = body[max(0, at - 6):at].split()[-1:]
                if title and title[0].lower() in GENDER_TITLES:
                    self.gender.setdefault(full, GENDER_TITLES[title[0].lower()])
                self.positions.append(at)
                self.position_names.append(full)
        self.pronoun_genders_done = False  # computed on the first he/she to resolve

    def gender_from_pronouns(self) -> None:
        """'Berg said her ministry ...': the first personal pronoun after a person's name, before anyone
        else is named, most often refers to that person. A clear majority of such pronouns gives a
        gender to people the article gives no "Mr."/"Mrs." to."""
        if self.pronoun_genders_done:
            return
        self.pronoun_genders_done = True
        votes: dict[str, list[int]] = {}
        positions, names, body = self.positions, self.position_names, self.body
        # one scan of the body for the pronouns, then the first one after each name
        pronouns = [(m.start(), m.group().lower() in FEMININE_PRONOUNS) for m in GENDERED_PRONOUN_RE.finditer(body)]
        pronoun_starts = [p for p, _ in pronouns]
        for k, at in enumerate(positions):
            end = positions[k + 1] if k + 1 < len(positions) else len(body)
            end = min(end, at + 150)
            newline = body.find("\n", at, end)
            if newline >= 0:
                end = newline
            q = bisect.bisect_left(pronoun_starts, at)
            if q < len(pronouns) and pronouns[q][0] < end:
                tally = votes.setdefault(names[k], [0, 0])
                tally[pronouns[q][1]] += 1
        for name, (male, female) in votes.items():
            if name in self.gender:
                continue
            if male >= 2 and male >= 3 * female:
                self.gender[name] = "m"
            elif female >= 2 and female >= 3 * male:
                self.gender[name] = "f"

    def canonical(self, words: list[str]) -> str | None:
        """Full name for a mention's name words ("Berg" -> "Tomas Berg")."""
        if not words:
            return None
        name = " ".join(words)
        if name in self.persons:
            return name
        last = strip_possessive(words[-1])
        full = self.by_surname.get(last)
        if full and (len(words) == 1 or words[0] == full.split()[0]):
            return full
        if len(words) == 1:
            return None
        return name if looks_like_person_name(words) else None

    def by_role(self, description: str, position: int) -> str | None:
        """The person the article gives this role to ("the Ukrainian president")."""
        words = description.split()
        head = head_role_noun(words)
        if not head:
            return None
        country = ""
        for w in words:
            c = _country_of(strip_possessive(w))
            if c:
                country = c
                break
        best = None
        best_distance = None
        for person in self.persons.values():
            for role in person.roles:
                role_words = [strip_possessive(w.lower()) for w in role.split()]
                if head not in role_words:
                    continue
                if country:
                    role_country = ""
                    for w in role.split():
                        role_country = _country_of(strip_possessive(w)) or role_country
                        if role_country:
                            break
                    if role_country and role_country != country:
                        continue
                    if not role_country and person.country and person.country != country:
                        continue
                    if not role_country and not person.country:
                        continue
                distance = abs(person.first_pos - position)
                if best is None or distance < best_distance:
                    best, best_distance = person.name, distance
        if best is None and head in HEAD_ROLES:
            # "the Ukrainian president" when the article only says "X's government"
            unknown = [p for p in self.heads if p in self.persons and not self.persons[p].roles]
            if len(unknown) == 1:
                best = unknown[0]
        return best


HEAD_OF_GOVERNMENT_RE = re.compile(
    r"\b([A-Z][\w\-]+(?: [A-Z][\w\-]+){0,2})[’']s (?:government|administration|regime|cabinet)\b"
    r"|\bthe (?:government|administration|regime) of ([A-Z][\w\-]+(?: [A-Z][\w\-]+){0,3})")
HEAD_OF_GOVERNMENT_HINT_RE = re.compile(r"[’']s (?:government|administration|regime|cabinet)\b"
                                        r"|the (?:government|administration|regime) of [A-Z]")
CAPITALIZED_WORD_RE = re.compile(r"[A-Z][\w’'\-]*")  # at a word start
WORD_CHAR_RE = re.compile(r"\w")
RUN_CHAR_RE = re.compile(r"[\w’'\-]")


def _starts_capitalized_word(body: str, at: int) -> bool:
    """Whether a left-to-right scan for capitalized words (CAPITALIZED_WORD_RE at word boundaries)
    starts one at `at`: not when "at" lies inside an earlier one ("Glass-Steagall", "O'Brien")."""
    if at > 0 and WORD_CHAR_RE.match(body, at - 1):
        return False
    i = at
    while i > 0 and RUN_CHAR_RE.match(body, i - 1):
        i -= 1
        if "A" <= body[i] <= "Z" and (i == 0 or not WORD_CHAR_RE.match(body, i - 1)):
            return False
    return True
HEAD_ROLES = frozenset("president leader premier chancellor prime".split())


ROLE_PREFIX_WORDS = frozenset(
    """spokesman spokeswoman spokesperson adviser advisor aide envoy minister secretary ambassador
    president chairman chief director leader official representative senator governor candidate
    nominee frontrunner front-runner manager strategist counterpart deputy foreign national security
    defense defence press presidential former acting vice prime campaign top senior special
    general""".split()
)


ROLE_MARKERS = ROLE_PREFIX_WORDS | ROLE_NOUNS | {t.rstrip(".") for t in TITLE_WORDS}


def _role_before(body: str, name_start: int, role_words: list[str]) -> str:
    """Role words just before a name: 'Kremlin spokesman' in 'Kremlin spokesman Oleg Volkov'."""
    window = body[max(0, name_start - 80):name_start]
    words = window.split()
    picked: list[str] = []
    for k in range(len(words) - 1, -1, -1):
        w = words[k]
        low = w.lower()
        clean = w.strip(",.;:()“”\"")
        if clean != w and low not in HONORIFICS:
            break
        if low == "the" and k > 0 and words[k - 1].lower() in ("of", "to", "for") and picked:
            picked.append(w)  # "Chairman of the Joint Chiefs"
            continue
        if low in ("the", "a", "an") or low in FRONT_FUNCTION:
            break
        if low in ROLE_PREFIX_WORDS or (w[:1].isupper() and low not in FRONT_FUNCTION) or low in ("of", "to", "for"):
            picked.append(w)
            continue
        break
    while picked and picked[-1].lower() in ("of", "to", "for", "the"):
        picked.pop()
    picked.reverse()
    # role words at the front of the name's capitalized run ("Ukrainian President")
    role = " ".join(picked)
    # keep only if a role noun is in there
    joined = (role + " " + " ".join(role_words)).strip() if role_words and not role.endswith(" ".join(role_words)) else role
    if not joined:
        return ""
    lows = {strip_possessive(w.lower()).rstrip(".") for w in joined.split()}
    if not lows & ROLE_MARKERS:
        return ""
    return _clean_role(joined)


HONORIFICS = frozenset("gen. gen sen. sen rep. rep mr. mr mrs. mrs ms. ms dr. dr adm. adm lt. col. sgt. capt. gov. gov prof.".split())


def _clean_role(role: str) -> str:
    """'Chairman of the Joint Chiefs of Staff Gen.' -> 'Chairman of the Joint Chiefs of Staff'."""
    words = LEADING_ARTICLE_RE.sub("", role.strip()).split()
    while words and words[-1].lower() in HONORIFICS:
        words.pop()
    while words and words[0].lower() in HONORIFICS:
        words.pop(0)
    # what is left must name an office: "Texas" (from "Texas Sen."), "former", "Republican" do not
    if not any(strip_possessive(w.lower()).strip(",.;:") in ROLE_HEAD_WORDS for w in words):
        return ""
    return " ".join(words)


# nouns that make a phrase a role: "Kremlin spokesman", "Chairman of the Joint Chiefs of Staff"
ROLE_HEAD_WORDS = ROLE_NOUNS | frozenset(
    """front-runner nominee adviser advisor aide envoy secretary chairman chairwoman speaker representative
    senator governor mayor congressman congresswoman director chief officer commander general admiral
    colonel spokesman spokeswoman spokesperson counsel counselor counsellor strategist pollster
    ambassador minister president premier chancellor treasurer comptroller sheriff superintendent
    commissioner delegate whip""".split()
)


APPOSITIVE_RE = re.compile(r",\s+((?:the|a|an|[A-Z][\w]*[’']s|[A-Z][a-z]+n|[a-z]+)\b[^,;.\n“”\"]{2,80}?),")


def _appositive_after(body: str, end: int) -> str:
    """'Igor Petrov, Russia's representative to the UN, said': the description after a name."""
    m = APPOSITIVE_RE.match(body, end)
    if not m:
        return ""
    phrase = m.group(1).strip()
    words = [strip_possessive(w.lower()) for w in phrase.split()]
    if words[0] in ("who", "which", "said", "says", "and", "but"):
        return ""
    if not any(w in ROLE_NOUNS or w in ROLE_PREFIX_WORDS for w in words):
        return ""
    if len(words) > 12:
        return ""
    return LEADING_ARTICLE_RE.sub("", phrase)


@lru_cache(maxsize=4096)
def _lookup_actor(text: str):
    return gazetteer.lookup_actor(text)


@lru_cache(maxsize=4096)
def _country_of(word: str) -> str:
    return gazetteer.country_of(word) or ""


@lru_cache(maxsize=2048)
def _describe_role(text: str):
    return gazetteer.describe_role(text)


def _is_place_or_org(name: str) -> bool:
    return bool(_country_of(name)) or _lookup_actor(name) is not None




# ---------------------------------------------------------------------------------------------
# resolving mentions to speakers


def _names_an_outlet(body: str, cand: Candidate) -> bool:
    """Does the source of "according to X" name a news outlet or a report ("a report from POLITICO")?"""
    words = [t.lower for t in cand.mention_tokens]
    if any(strip_possessive(w) in MEDIA_NOUNS or w in ("report", "reports", "reported", "reporting", "story")
           for w in words):
        return True
    for m in OUTLET_RE.finditer(body, cand.mention_start, cand.mention_end):
        info = _lookup_actor(m.group())
        if info is not None and info.kind == "media":
            return True
    return False


MEDIA_NOUNS = frozenset("newspaper paper daily agency outlet broadcaster network magazine channel".split())
OUTLET_RE = re.compile(r"\b(?:The |the )?[A-Z][\w&.\-]*(?: [A-Z][\w&.\-]*){0,4}")
LEADING_ARTICLE_RE = re.compile(r"^(?:the|a|an)\s+", re.I)
def _confidence(cand: Candidate, speaker: "Speaker") -> float:
    """How sure we are: the cue's strength, lowered when the speaker stayed a pronoun or a bare description."""
    value = cand.confidence
    if speaker.name.lower() in SUBJECT_PRONOUNS:
        value *= 0.5  # a pronoun we could not resolve
    elif speaker.kind == "other" or (speaker.kind == "person" and " " not in speaker.name and not speaker.name[:1].isupper()):
        value *= 0.8  # "officials", "a senior official"
    return round(max(0.05, min(1.0, value)), 2)


PARENTHESIS_RE = re.compile(r"\s*\([^)]*\)")


@dataclass
class Speaker:
    name: str
    kind: str = "person"
    country: str = ""
    role: str = ""


class Resolver:
    def __init__(self, body: str, sents: list[Sentence], registry: Registry):
        self.body = body
        self.sents = sents
        self.registry = registry
        self.history: list[tuple[int, Speaker]] = []  # (position, speaker) of resolved statements
        self.content_ends: list[int] = []
        self.done: dict[int, Speaker] = {}

    def statement(self, cand: Candidate, quotes) -> Statement | None:
        body = self.body
        mention = body[cand.mention_start:cand.mention_end]
        if cand.speaker_override is not None and id(cand.speaker_override) in self.done:
            speaker = self.done[id(cand.speaker_override)]
        else:
            speaker = self.resolve(mention, cand)
        if speaker is None:
            return None
        self.done[id(cand)] = speaker
        self.history.append((cand.mention_start, speaker))
        self.content_ends.append(cand.content_end)
        start, end = cand.content_start, cand.content_end
        content = body[start:end]
        return Statement(
            speaker=speaker.name,
            mention=mention,
            content=content,
            content_start=start,
            content_end=end,
            kind=_kind(body, start, end, quotes),
            cue=cand.cue,
            speaker_kind=speaker.kind,
            speaker_country=speaker.country,
            speaker_role=speaker.role,
            confidence=_confidence(cand, speaker),
        )

    def resolve(self, mention: str, cand: Candidate) -> Speaker | None:
        mention = PARENTHESIS_RE.sub("", mention).strip()  # "Rep. Jane Roe (D-Ohio)"
        words = mention.split()
        low = mention.lower()
        if low in SUBJECT_PRONOUNS:
            return self._pronoun(low, cand)
        if low in POSSESSIVE_PRONOUNS:  # "his claim that ..."
            return self._pronoun(POSSESSIVE_PRONOUNS[low], cand)
        info = _lookup_actor(mention)
        if info is not None:
            return Speaker(info.name, info.kind, info.country, info.role)
        role_words, name_words = split_name(words)
        if name_words and name_words[-1].endswith(("’s", "'s")):
            name_words = name_words[:-1] + [strip_possessive(name_words[-1])]
        if name_words and not (name_words[-1].isupper() and len(name_words) == 1 and len(name_words[0]) > 4):
            full = self.registry.canonical(name_words)
            if full:
                person = self.registry.persons.get(full)
                role = _clean_role(" ".join(role_words))
                if person and not role and person.roles:
                    role = person.roles[0]
                country = person.country if person else ""
                if not country and role:
                    described = _describe_role(role)
                    country = described[1] if described else ""
                return Speaker(full, "person", country, role)
        bare_title = bool(role_words) and all(w.lower() in HONORIFICS for w in role_words)  # "Mr. Hallberg"
        if (len(name_words) == len(words) or bare_title) and name_words:
            # a capitalized name the article never gives in full: a surname, an organisation
            info = _lookup_actor(" ".join(name_words))
            if info is not None:
                return Speaker(info.name, info.kind, info.country, info.role)
            kind = "person" if len(name_words) <= 3 and looks_like_person_name(name_words) else "organisation"
            return Speaker(" ".join(name_words), kind, "", "")
        # a description: "the Russian ambassador to the UK", "officials"
        if strip_possessive(words[-1].lower()) in MEDIA_NOUNS and words[0].lower() == "the":
            outlet = self._last_outlet(cand.mention_start, strip_possessive(words[-1].lower()))
            if outlet is not None:
                return Speaker(outlet.name, outlet.kind, outlet.country, outlet.role)
        head = head_role_noun(words)
        if head and head not in GROUP_WORDS and not head.endswith("s"):
            named = self.registry.by_role(mention, cand.mention_start)
            if named is None:
                named = self._named_nearby(cand)
            if named:
                person = self.registry.persons.get(named)
                role = LEADING_ARTICLE_RE.sub("", mention)
                if person is not None and role not in person.roles:
                    person.roles.append(role)
                    if mention not in person.forms:
                        person.forms.append(mention)
                country = (person.country if person else "") or (_describe_role(mention) or ("", ""))[1]
                return Speaker(named, "person", country, role)
        described = _describe_role(mention)
        canonical = LEADING_ARTICLE_RE.sub("", mention)
        if described:
            return Speaker(canonical, "person" if head else "other", described[1], described[0])
        kind = "person" if head and not head.endswith("s") else "other"
        return Speaker(canonical, kind, "", "")

    def _last_outlet(self, position: int, noun: str):
        """The media outlet named last before `position` ("The Wall Street Journal ... the newspaper"),
        preferring one whose description has the same noun (a newspaper, an agency)."""
        found = fitting = None
        for m in OUTLET_RE.finditer(self.body, 0, position):
            info = _lookup_actor(m.group())
            if info is not None and info.kind == "media":
                found = info
                if noun in info.role.lower():
                    fitting = info
        return fitting or found

    def _named_nearby(self, cand: Candidate) -> str | None:
        """A role speaker named a little later in the same paragraph ('... Sorokin told the BBC')."""
        sent = self.sents[cand.sent_index]
        end = sent.end
        for s in self.sents[cand.sent_index + 1:cand.sent_index + 4]:
            if s.paragraph != sent.paragraph:
                break
            end = s.end
        window = self.body[sent.end:end]
        for m in NAME_RE.finditer(window):
            words = m.group().split()
            _, name_words = split_name(words)
            full = self.registry.canonical(name_words) if name_words else None
            if full and full in self.registry.persons:
                after = window[m.end():m.end() + 40].lower()
                if any(v in after.split()[:3] for v in ("said", "told", "added", "says", "insisted", "noted")):
                    return full
        return None

    def _pronoun(self, pronoun: str, cand: Candidate) -> Speaker | None:
        pos = cand.mention_start
        if pronoun in ("who", "which"):
            # the noun phrase before ", who"
            toks = self.sents[cand.sent_index].tokens
            idx = next((k for k, t in enumerate(toks) if t.start == pos), None)
            if idx is not None and idx >= 1:
                # ", who" after a noun phrase, or "the council which" without a comma
                span = np_before(toks, idx - 2 if toks[idx - 1].text == "," else idx - 1)
                if span:
                    return self.resolve(self.body[toks[span[0]].start:toks[span[1]].end], cand)
            return Speaker(pronoun, "other")
        if pronoun in ("he", "she"):
            # the latest person speaker or the latest person named, whichever is closer
            wanted = PRONOUN_GENDER[pronoun]
            self.registry.gender_from_pronouns()
            gender = self.registry.gender

            def known(name: str) -> str:
                return gender.get(name) or _given_name_gender(name)

            def fits(name: str) -> bool:
                return (known(name) or wanted) == wanted

            last_speaker = None
            last_end = 0
            for (p, sp), c_end in zip(reversed(self.history), reversed(self.content_ends)):
                if sp.kind == "person" and p < pos and fits(sp.name) and sp.name not in SUBJECT_PRONOUNS:
                    last_speaker = (p, sp)
                    last_end = c_end
                    break
            k = bisect.bisect_left(self.registry.positions, pos) - 1
            last_named = None
            while k >= 0 and pos - self.registry.positions[k] < 3000:
                name = self.registry.position_names[k]
                if fits(name):
                    last_named = (self.registry.positions[k], name)
                    break
                k -= 1
            # a person named after the last statement ended is the fresher antecedent
            if last_speaker and (not last_named or last_named[0] < max(last_end, last_speaker[0])
                                 or last_speaker[1].name == last_named[1]
                                 # a speaker known to be a "she" beats a fresher name of unknown gender
                                 or (known(last_speaker[1].name) == wanted and not known(last_named[1]))):
                # ...but a bare description ("ministry") loses to a name known to fit
                if not (last_named and known(last_named[1]) == wanted and not known(last_speaker[1].name)
                        and last_speaker[1].name[:1].islower()):
                    return last_speaker[1]
            if last_named:
                person = self.registry.persons.get(last_named[1])
                return Speaker(last_named[1], "person", person.country if person else "",
                               person.roles[0] if person and person.roles else "")
            return Speaker(pronoun, "person")
        if pronoun in ("it", "they"):
            for p, sp in reversed(self.history):
                if sp.kind != "person" and p < pos:
                    return sp
            toks = self.sents[cand.sent_index].tokens
            subj = _clause_subject(toks, len(toks))
            if subj is not None and toks[subj[0]].start < pos:
                info = _lookup_actor(self.body[toks[subj[0]].start:toks[subj[1]].end])
                if info is not None:
                    return Speaker(info.name, info.kind, info.country, info.role)
            return Speaker(pronoun, "other")
        return Speaker(pronoun, "person")


def _given_name_gender(name: str) -> str:
    """ "m" or "f" when the first word of a full name is a common given name of men or women."""
    words = name.split()
    if len(words) < 2:
        return ""
    first = words[0].lower()
    if first in FEMALE_GIVEN_NAMES:
        return "f"
    if first in MALE_GIVEN_NAMES:
        return "m"
    return ""


def _kind(body: str, start: int, end: int, quotes) -> str:
    covered = 0
    touched = False
    # quotes are sorted and do not overlap: start from the first one that may reach the span
    k = bisect.bisect_left(quotes, (start, -1))
    if k > 0:
        k -= 1
    for qs, qe in quotes[k:]:
        if qs >= end:
            break
        if qe <= start:
            continue
        touched = True
        covered += min(qe, end) - max(qs, start)
    if not touched:
        return "indirect"
    if covered / max(1, end - start) >= 0.8:
        return "direct"
    return "mixed"


def _fill_aliases(statements: list[Statement], registry: Registry) -> None:
    forms: dict[str, set[str]] = {}
    for st in statements:
        forms.setdefault(st.speaker, set()).add(st.mention)
    # how often each person is named by surname alone, beyond the full-name mentions
    named_alone = Counter(registry.position_names)
    full_mentions = {name: registry.body.count(name) for name in forms if name in registry.persons}
    cache: dict[str, list[str]] = {}
    for st in statements:
        if st.speaker in cache:
            st.speaker_aliases = list(cache[st.speaker])
            continue
        aliases = set(forms.get(st.speaker, ()))
        person = registry.persons.get(st.speaker)
        if person is not None:
            aliases.update(person.forms)
            surname = st.speaker.split()[-1]
            if registry.by_surname.get(surname) == st.speaker and named_alone[st.speaker] > full_mentions.get(st.speaker, 0):
                aliases.add(surname)
        aliases = {a for a in aliases if a and a != st.speaker and a.lower() not in SUBJECT_PRONOUNS}
        cache[st.speaker] = sorted(aliases)
        st.speaker_aliases = list(cache[st.speaker])


def _enrich(body, sents, paras, statements, cues, meta) -> None:
    """Date, outlet, venue, channel and stance of each statement, from the enrichment modules."""
    published = meta.published
    sent_starts = [s.start for s in sents]
    # the body's lead paragraph (its first with a dozen words): what the article is about
    lead = next((body[a:b] for a, b in paras if body.count(" ", a, b) >= 11), "")
    last_date: dict[str, tuple] = {}  # speaker -> (paragraph, date, precision, expression)
    per_window: dict[tuple[int, int], tuple[str, str]] = {}  # (start, end) -> (reported via, venue)
    places = []  # (paragraph, sentence index) of each statement's cue
    for st, cue_start in zip(statements, cues):
        k = max(bisect.bisect_right(sent_starts, cue_start) - 1, 0)
        sent = sents[k]
        places.append((sent.paragraph, k))
        # the sentence that holds the cue, stretched to cover the content
        w_start = min(sent.start, st.content_start)
        w_end = max(sent.end, st.content_end)
        window = body[w_start:w_end]
        para = paras[sent.paragraph]
        paragraph = body[para[0]:para[1]]
        said_on, precision, expression = dates.resolve_said_on(window, published, cue_start - w_start)
        if not expression:
            # "... Berg confirmed yesterday ... he added": a speaker's later words in the same
            # passage share the date of the first ones
            earlier = last_date.get(st.speaker)
            if earlier and sent.paragraph - earlier[0] <= 2:
                said_on, precision, expression = earlier[1:]
        elif said_on is not None or expression:
            last_date[st.speaker] = (sent.paragraph, said_on, precision, expression)
        st.said_on, st.said_on_precision, st.said_on_text = said_on, precision, expression
        if (w_start, w_end) not in per_window:  # statements of one sentence share its window
            per_window[(w_start, w_end)] = (reporting.find_reported_via(window), reporting.find_venue(window))
        st.reported_via, st.venue = per_window[(w_start, w_end)]
        if channels.mentions_talks(st.content.lower()) or "dealing" in st.content:
            st.channel = channels.find_channel(st.content, window, st.speaker_country, paragraph, meta, lead)
            st.stance = channels.classify_stance(st.content, st.cue, window)
        else:  # not about talks at all (most statements): no channel, no stance
            st.channel, st.stance = [], "other"
    _carry_back_outlet_and_venue(statements, places)


def _carry_back_outlet_and_venue(statements: list[Statement], places: list[tuple[int, int]]) -> None:
    """'Berg confirmed that ... "We did it," he said at the forum, according to the BBC': the next
    sentence continues the same remarks by the same speaker, so its outlet and venue are the first
    one's too. Only the sentence right before, in the same paragraph, at no other date."""
    own = [(st.reported_via, st.venue) for st in statements]
    for later in range(1, len(statements)):
        via, venue = own[later]
        if not via and not venue:
            continue
        para, sent_index = places[later]
        for earlier in range(later - 1, -1, -1):
            e_para, e_sent = places[earlier]
            if e_para != para or e_sent < sent_index - 1:
                break
            first, second = statements[earlier], statements[later]
            if e_sent == sent_index or first.speaker != second.speaker:
                continue
            if first.said_on_text and second.said_on_text and first.said_on_text != second.said_on_text:
                continue
            if via and not own[earlier][0]:
                first.reported_via = via
            if venue and not own[earlier][1]:
                first.venue = venue
