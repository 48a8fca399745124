"""When a statement was said: resolve the time expression of the speech act against the article's date.

Choices (no invented precision):
- A weekday ("Wednesday", "on Monday evening") is the most recent such day on or before the publication
  date: a Tuesday article saying "Tuesday" means that same day. "last Monday" is strictly before it.
- "last week" / "this week" / "earlier this week" cover several days: when all those days fall in one
  month the result is that month (precision "month"), otherwise no date (precision "unknown"), with the
  expression kept. "last month", "earlier this month", "in September" give precision "month" and the first
  day of the month as the date; "last year", "in 2021" give precision "year" and 1 January.
- Month names without a year ("in September", "on 3 March") are the most recent such month or day not
  after the publication date.
- Relative expressions cannot be resolved without a publication date: (None, "unknown", expression).
  Expressions that carry their own year ("March 3, 2022", "in 2021") are resolved even then.
"""

from __future__ import annotations

import datetime as dt
import re

from .gazetteer import trie_pattern

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = [
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
]
_MONTH_ABBREVIATIONS = {m[:3]: i + 1 for i, m in enumerate(_MONTHS)} | {"sept": 9}

# Capitalised month names only: "march" and "may" in lower case are a verb and a modal.
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"
_YEAR = r"(?:19|20)\d\d"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"

# Named groups tell the resolver which kind of expression matched; the order puts longer forms first.
_EXPRESSION_RE = re.compile(
    r"(?P<iso>\b" + _YEAR + r"-[01]\d-[0-3]\d\b)"
    r"|(?P<dmy>\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+(?P<dmy_year>" + _YEAR + r"))?\b)"
    r"|(?P<mdy>\b" + _MONTH + r"\s+" + _DAY + r"(?![\d:])(?:,?\s+(?P<mdy_year>" + _YEAR + r"))?\b)"
    r"|(?P<month>\b(?:(?:in|In|during|During)\s+)(?:(?:early|mid|late|mid-)\s*)?"
    r"(?P<month_name>" + _MONTH + r")(?:\s+(?P<month_year>" + _YEAR + r"))?\b)"
    r"|(?P<month_year_only>\b(?P<my_name>" + _MONTH + r")\s+(?P<my_year>" + _YEAR + r")\b)"
    r"|(?P<year>\b(?:in|In|during|During)\s+(?P<year_value>" + _YEAR + r")\b)"
    r"|(?P<day_before>\bthe\s+day\s+before\s+yesterday\b)"
    r"|(?P<yesterday>\b(?:[Yy]esterday(?:\s+(?:morning|afternoon|evening))?|late\s+yesterday|"
    r"[Ll]ast\s+night)\b)"
    r"|(?P<today>\b(?:earlier\s+today|[Tt]oday|[Tt]his\s+(?:morning|afternoon|evening)|[Tt]onight|"
    r"[Ee]arlier\s+in\s+the\s+day)\b)"
    r"|(?P<days_ago>\b(?P<days_n>\d+|two|three|four|five|six)\s+days\s+ago\b)"
    r"|(?P<last_weekday>\b(?:[Ll]ast|[Tt]his\s+past)\s+(?P<lw_name>" + _WEEKDAY + r")" + _PART_OF_DAY + r"\b)"
    r"|(?P<weekday>\b(?P<wd_name>" + _WEEKDAY + r")" + _PART_OF_DAY + r"\b)"
    r"|(?P<weekend>\b(?:[Ll]ast|[Tt]his\s+past|[Oo]ver\s+the|[Aa]t\s+the)\s+weekend\b)"
    r"|(?P<last_week>\b(?:[Ll]ast|[Pp]revious)\s+week\b)"
    r"|(?P<this_week>\b(?:(?:[Ee]arlier\s+)?this\s+week|[Tt]his\s+week)\b)"
    r"|(?P<last_month>\b[Ll]ast\s+month\b)"
    r"|(?P<this_month>\b(?:[Ee]arlier\s+)?this\s+month\b)"
    r"|(?P<last_year>\b[Ll]ast\s+year\b)"
    r"|(?P<this_year>\b(?:[Ee]arlier\s+)?this\s+year\b)"
)
# Every expression above contains one of these: a cheap first look that spares most sentences the full regex.
_HINT_RE = re.compile(
    trie_pattern(
        [m.capitalize() for m in _MONTHS] + [m.capitalize()[:3] for m in _MONTHS] + [d.capitalize() for d in _WEEKDAYS]
        + ["esterday", "day", "onight", "night", "morning", "afternoon", "evening", "week", "month", "year", "ago"]
    )
    + r"|(?:19|20)\d\d"
)
# Substrings one of which every hint match contains: month names all start with their three-letter
# abbreviation, weekdays and "yesterday"/"today" end in "day", years start with 19 or 20.
_HINT_SUBSTRINGS = (
    "day", "night", "morning", "afternoon", "evening", "week", "month", "year", "ago", "19", "20",
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
)
_WORD_RE = re.compile(r"\w+")
# The first word of every expression is a number or one of these (lower-cased).
_FIRST_WORDS = frozenset(
    "in during the yesterday late last earlier today this tonight two three four five six over at previous".split()
    + _MONTHS + list(_MONTH_ABBREVIATIONS) + _WEEKDAYS
)
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}

# A complementiser or an opening quote after the cue starts the reported content: dates there belong to
# what was said, not to the saying ("said that talks planned for Friday ...").
_CONTENT_START_RE = re.compile(r"\bthat\b|[\"“]")
# Words between the cue and a later expression that put the expression in the future of what was said:
# "said talks would resume on Friday".
_FUTURE_RE = re.compile(r"\b(?:will|would|shall|'ll|’ll|due\s+to|going\s+to|scheduled|planned|set\s+to|expected\s+to)\b")
# When the caller gives no cue offset, the first common speech verb stands in for it.
_SPEECH_VERB_RE = re.compile(
    r"\b(?:said|says|told|tells|added|stated|announced|confirmed|denied|insisted|claimed|noted|warned|stressed|"
    r"repeated|reiterated|declared|explained|argued|admitted|acknowledged|revealed|assured|reassured|"
    r"declined|refused|wrote|tweeted|posted|according\s+to)\b"
)


def _month_number(token: str) -> int:
    token = token.lower().rstrip(".")
    if token in _MONTHS:
        return _MONTHS.index(token) + 1
    return _MONTH_ABBREVIATIONS[token[:4] if token.startswith("sept") else token[:3]]


def _day_number(token: str) -> int:
    return int(re.match(r"\d+", token).group())


def _month_not_after(month: int, published: dt.date) -> dt.date:
    year = published.year if month <= published.month else published.year - 1
    return dt.date(year, month, 1)


def _day_not_after(month: int, day: int, published: dt.date) -> dt.date | None:
    try:
        candidate = dt.date(published.year, month, day)
        if candidate > published:
            candidate = dt.date(published.year - 1, month, day)
        return candidate
    except ValueError:
        return None


def _span_month(first: dt.date, last: dt.date) -> tuple[dt.date | None, str]:
    """A span of days: its month when the span lies in one month, else no date."""
    if (first.year, first.month) == (last.year, last.month):
        return dt.date(first.year, first.month, 1), "month"
    return None, "unknown"


def _resolve(match: re.Match, published: dt.date | None) -> tuple[dt.date | None, str]:
    kind = next(k for k in _KINDS if match.group(k) is not None)  # the alternatives exclude each other
    if kind == "iso":
        try:
            return dt.date.fromisoformat(match.group("iso")), "day"
        except ValueError:
            return None, "unknown"
    if kind in ("dmy", "mdy"):
        text = match.group(kind)
        month = _month_number(re.search(_MONTH, text).group())
        day = _day_number(re.search(r"\b" + _DAY + r"(?=\b|st|nd|rd|th)", text.replace(",", " ")).group())
        year = match.group(f"{kind}_year")
        if year:
            try:
                return dt.date(int(year), month, day), "day"
            except ValueError:
                return None, "unknown"
        if published is None:
            return None, "unknown"
        resolved = _day_not_after(month, day, published)
        return (resolved, "day") if resolved else (None, "unknown")
    if kind in ("month", "month_year_only"):
        month = _month_number(match.group("month_name" if kind == "month" else "my_name"))
        year = match.group("month_year" if kind == "month" else "my_year")
        if year:
            return dt.date(int(year), month, 1), "month"
        if published is None:
            return None, "unknown"
        return _month_not_after(month, published), "month"
    if kind == "year":
        return dt.date(int(match.group("year_value")), 1, 1), "year"
    if published is None:
        return None, "unknown"
    if kind == "day_before":
        return published - dt.timedelta(days=2), "day"
    if kind == "yesterday":
        return published - dt.timedelta(days=1), "day"
    if kind == "today":
        return published, "day"
    if kind == "days_ago":
        count = match.group("days_n")
        days = _NUMBER_WORDS.get(count.lower()) if not count.isdigit() else int(count)
        return published - dt.timedelta(days=days), "day"
    if kind in ("weekday", "last_weekday"):
        name = match.group("wd_name" if kind == "weekday" else "lw_name").lower()
        delta = (published.weekday() - _WEEKDAYS.index(name)) % 7
        if kind == "last_weekday" and delta == 0:
            delta = 7
        return published - dt.timedelta(days=delta), "day"
    if kind == "weekend":
        sunday = published - dt.timedelta(days=(published.weekday() + 1) % 7)
        return _span_month(sunday - dt.timedelta(days=1), sunday)
    if kind == "last_week":
        monday = published - dt.timedelta(days=published.weekday() + 7)
        return _span_month(monday, monday + dt.timedelta(days=6))
    if kind == "this_week":
        monday = published - dt.timedelta(days=published.weekday())
        return _span_month(monday, published)
    if kind == "last_month":
        first_of_this = published.replace(day=1)
        last_month_end = first_of_this - dt.timedelta(days=1)
        return last_month_end.replace(day=1), "month"
    if kind == "this_month":
        return published.replace(day=1), "month"
    if kind == "last_year":
        return dt.date(published.year - 1, 1, 1), "year"
    if kind == "this_year":
        return dt.date(published.year, 1, 1), "year"
    return None, "unknown"


_KINDS = [
    "iso", "dmy", "mdy", "month", "month_year_only", "year", "day_before", "yesterday", "today", "days_ago",
    "last_weekday", "weekday", "weekend", "last_week", "this_week", "last_month", "this_month", "last_year", "this_year",
]


def _expression_text(match: re.Match) -> str:
    """The words as the text has them, without a leading "on": "Wednesday", "in September"."""
    return match.group(0).strip()


# A capitalised word right before, not starting a sentence: "Russia Today", "USA Today", "Fox News Sunday".
_WORD_BEFORE_RE = re.compile(r"([A-Z][\w.]*)\s$")
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?\"“:]\s*)$")
_PROGRAMME_AFTER_RE = re.compile(r"^\s+(?:programme|program|show|newspaper)\b")
_TIME_WORDS_BEFORE = {"On", "Late", "Early", "Last", "This", "By", "Since", "Until", "Before", "After", "Through"}


def _in_a_name(match: re.Match, window: str) -> bool:
    """The weekday or "Today" belongs to a name or a programme title, not to the time of speaking."""
    if not (match.group("weekday") or match.group("today")):
        return False
    if _PROGRAMME_AFTER_RE.match(window[match.end() : match.end() + 12]):
        return True
    word = _WORD_BEFORE_RE.search(window, max(0, match.start() - 40), match.start())
    if word is None or word.group(1) in _TIME_WORDS_BEFORE:
        return False
    return not _SENTENCE_START_RE.search(window, max(0, word.start(1) - 3), word.start(1))


def _expressions(window: str) -> list[re.Match]:
    """Time expressions in `window`, looked for only around the hint words (much faster than scanning
    the whole window with the full regex)."""
    found: dict[int, re.Match] = {}
    scanned_to = 0
    for hint in _HINT_RE.finditer(window):
        start = max(scanned_to, hint.start() - 30)
        end = min(len(window), hint.end() + 25)
        # every expression starts with a word: try the full regex at word starts only (what finditer
        # would find, without trying it at every character)
        resume = start
        for word in _WORD_RE.finditer(window, start, end):
            if word.start() < resume:
                continue
            first = word.group()
            if not (first[0].isdigit() or first.lower() in _FIRST_WORDS):
                continue
            match = _EXPRESSION_RE.match(window, word.start(), end)
            if match is None:
                continue
            resume = match.end()
            if match.start() not in found or len(match.group(0)) > len(found[match.start()].group(0)):
                found[match.start()] = match
        scanned_to = max(scanned_to, hint.start())
    matches = sorted((m for m in found.values() if not _in_a_name(m, window)), key=lambda m: m.start())
    # drop a shorter match that lies inside a longer one ("March 3" inside "March 3, 2022")
    kept: list[re.Match] = []
    for match in matches:
        if kept and match.start() < kept[-1].end():
            if match.end() - match.start() > kept[-1].end() - kept[-1].start():
                kept[-1] = match
            continue
        kept.append(match)
    return kept


def _pick(matches: list[re.Match], window: str, cue_offset: int | None) -> re.Match | None:
    if not matches:
        return None
    if cue_offset is None:
        verb = _SPEECH_VERB_RE.search(window)
        if verb is None:
            return matches[0]
        cue_offset = verb.start()
    content_start = _CONTENT_START_RE.search(window, cue_offset)
    candidates = []
    for match in matches:
        if content_start and match.start() >= content_start.start() and match.start() > cue_offset:
            continue  # inside what was said
        if match.start() > cue_offset and _FUTURE_RE.search(window, cue_offset, match.start()):
            continue  # "said talks would resume on Friday": the date of the talks, not of the saying
        if match.start() <= cue_offset <= match.end():
            distance = 0
        else:
            distance = min(abs(match.start() - cue_offset), abs(match.end() - cue_offset))
        candidates.append((distance, match.start(), match))
    if not candidates:
        return None
    return min(candidates, key=lambda item: (item[0], item[1]))[2]


def resolve_said_on(
    window: str, published: dt.date | dt.datetime | None, cue_offset: int | None = None
) -> tuple[dt.date | None, str, str]:
    """(date, precision, expression) of the time expression in `window` that dates the speech act.

    `window` is the text around the cue (usually its sentence); `cue_offset`, when given, is the cue's
    character offset in `window`, and the expression nearest to it wins, skipping those inside the reported
    content after it. precision is one of types.PRECISIONS ("day", "month", "year", "unknown").
    Without a publication date relative expressions give (None, "unknown", expression); with no expression
    at all the result is (None, "unknown", "").
    """
    if not window:
        return None, "unknown", ""
    if isinstance(published, dt.datetime):
        published = published.date()
    for hint in _HINT_SUBSTRINGS:
        if hint in window:
            break
    else:
        return None, "unknown", ""  # no time word at all: spare the regexes
    match = _pick(_expressions(window), window, cue_offset)
    if match is None:
        return None, "unknown", ""
    resolved, precision = _resolve(match, published)
    return resolved, precision, _expression_text(match)
