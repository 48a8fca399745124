"""Turn article files into plain article records (standard library only, no Django).

Three input formats:

1. Plain text as scraped from a news page: a title line, an optional standfirst, optional
   byline(s) and date line, the body paragraphs, and perhaps a trailing author bio. Page noise
   (a byline printed twice, a view counter, the title repeated before the body) is dropped.
2. The same with a front-matter block at the very top (``---`` / ``key: value`` lines / ``---``)
   that states the metadata exactly; the body is everything after it.
3. JSON Lines: one JSON object per line, for bulk loads.

Every failure is a ParseError whose message says the reason in plain words.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
from dataclasses import dataclass, field
from itertools import chain, groupby
from typing import IO, Iterable, Iterator

# Limits that match the database columns, so that a bad value is reported here, not at save time.
MAX_TITLE_CHARS = 500
MAX_URL_CHARS = 1000
# A headline longer than this on the first line of a text file is a paragraph, not a title.
MAX_TEXT_TITLE_CHARS = 300
# A standfirst is a sentence or two; anything longer is body.
MAX_STANDFIRST_CHARS = 600
# Articles are small; a huge "article" file is a mistake and must not be read into memory.
MAX_FILE_BYTES = 20 * 1024 * 1024

SOURCE_SUFFIXES = (".txt", ".md", ".jsonl")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
NO_DATE_WARNING = "no publication date found"


@dataclass
class ParsedArticle:
    title: str
    subtitle: str = ""  # standfirst
    body: str = ""  # paragraphs joined by "\n\n"
    authors: list[str] = field(default_factory=list)
    published: dt.datetime | None = None  # naive = as written; aware when the source gave an offset
    url: str = ""
    outlet: str = ""
    language: str = "en"
    warnings: list[str] = field(default_factory=list)


class ParseError(ValueError):
    """The input cannot become an article; the message says why in plain words."""


class _BadDate(ValueError):
    """Text that is clearly a date but not a real one (31 February, month 13)."""


# ---------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
WEEKDAYS = {
    "mon": 0, "monday": 0, "tue": 1, "tues": 1, "tuesday": 1, "wed": 2, "wednesday": 2,
    "thu": 3, "thur": 3, "thurs": 3, "thursday": 3, "fri": 4, "friday": 4,
    "sat": 5, "saturday": 5, "sun": 6, "sunday": 6,
}
# Offsets in minutes. Only abbreviations with one common meaning; "CST" or "IST" stay unknown.
TIMEZONES = {
    "utc": 0, "gmt": 0, "z": 0, "bst": 60, "cet": 60, "cest": 120, "eet": 120, "eest": 180,
    "msk": 180, "est": -300, "edt": -240, "mst": -420, "mdt": -360, "pst": -480, "pdt": -420,
}
DATE_FILLERS = {"at", "on", "of", "the"}

# "Published: ...", "Updated on ...", "Last updated at ..." in front of a date.
DATE_LABEL_RE = re.compile(
    r"^(?P<label>first\s+published|published|posted|last\s+updated|last\s+modified|updated|modified|dated|date)"
    r"(?:\s+(?:on|at))?\s*[:\-–—]?\s*",
    re.IGNORECASE,
)
ISO_RE = re.compile(
    r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$",
    re.IGNORECASE,
)
DATE_TOKEN_RE = re.compile(
    r"""
      (?P<ymd>\d{4})[-/.](?P<ymd_m>\d{1,2})[-/.](?P<ymd_d>\d{1,2})(?!\d)
    | (?P<dmy_d>\d{1,2})(?P<dmy_sep>[./])(?P<dmy_m>\d{1,2})(?P=dmy_sep)(?P<dmy_y>\d{4})(?!\d)
    | (?P<time>(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?)
    | (?P<offset>[+-]\d{1,2}(?::?\d{2})?)(?!\d)
    | (?P<ampm>[ap])\.?m\b\.?
    | (?P<number>\d+)(?:st|nd|rd|th)?\b
    | (?P<word>[^\W\d_]+)\.?
    | (?P<sep>[\s,|·•()/–—-]+)
    """,
    re.VERBOSE | re.IGNORECASE,
)


@dataclass
class _DateLine:
    value: dt.datetime | None  # None when the date is ambiguous (08/11/2022)
    label: str  # "published", "updated" or ""
    warnings: list[str]


def _make_datetime(year, month, day, hour=0, minute=0, second=0, tz=None) -> dt.datetime:
    try:
        return dt.datetime(year, month, day, hour, minute, second, tzinfo=tz)
    except ValueError as error:
        raise _BadDate(str(error)) from None


def _tz_from_minutes(minutes: int) -> dt.tzinfo:
    return dt.timezone.utc if minutes == 0 else dt.timezone(dt.timedelta(minutes=minutes))


def _offset_minutes(text: str) -> int:
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = (digits[:-2], digits[-2:]) if len(digits) > 2 else (digits, "0")
    if int(hours) > 14 or int(minutes) > 59:  # real offsets run from -12:00 to +14:00
        raise _BadDate(f"time zone offset {text}")
    return sign * (int(hours) * 60 + int(minutes))


def parse_date_line(line: str) -> _DateLine | None:
    """Read a line that is nothing but a date, in any of the common written formats.

    Returns None when the line is not a date line (any word that is not part of a date makes it
    so). Raises _BadDate when the line is clearly a date that does not exist.
    """
    text = line.strip()
    label = ""
    match = DATE_LABEL_RE.match(text)
    if match:
        label = "updated" if re.search(r"updated|modified", match["label"], re.I) else "published"
        text = text[match.end():]
    if not text or len(text) > 80 or not any(ch.isdigit() for ch in text):
        return None

    if ISO_RE.match(text):
        try:
            value = dt.datetime.fromisoformat(text.replace(",", "."))
        except ValueError as error:
            raise _BadDate(str(error)) from None
        return _DateLine(value, label, [])

    year = month = day = weekday = None
    hour = minute = second = None
    ampm = None
    tz_minutes = None
    tz_unknown = ""
    ambiguous = ""
    numbers: list[int] = []
    pos = 0
    last_kind = ""
    while pos < len(text):
        token = DATE_TOKEN_RE.match(text, pos)
        if token is None:
            return None
        pos = token.end()
        kind = token.lastgroup
        if token["sep"] is not None:
            continue
        if token["ymd"] is not None:
            if year is not None:
                return None
            year, month, day = int(token["ymd"]), int(token["ymd_m"]), int(token["ymd_d"])
        elif token["dmy_d"] is not None:
            if year is not None:
                return None
            first, second_part, year = int(token["dmy_d"]), int(token["dmy_m"]), int(token["dmy_y"])
            if token["dmy_sep"] == "." or first > 12:  # 08.11.2022 is always day first
                day, month = first, second_part
            elif second_part > 12:
                month, day = first, second_part
            else:
                ambiguous = token.group(0)
                month, day = first, second_part
        elif token["time"] is not None:
            if hour is not None:
                return None
            hour, minute = int(token["hour"]), int(token["minute"])
            second = int(token["second"] or 0)
            kind = "time"
        elif token["offset"] is not None:
            if last_kind not in ("time", "tz") or tz_unknown:
                return None
            tz_minutes = (tz_minutes or 0) + _offset_minutes(token["offset"])
            kind = "offset"
        elif token["ampm"] is not None:
            if last_kind != "time":
                return None
            ampm = token["ampm"].lower()
            kind = "time"
        elif token["number"] is not None:
            numbers.append(int(token["number"]))
            kind = "number"
        else:
            word = token["word"]
            lower = word.lower()
            if lower in MONTHS and month is None:
                month = MONTHS[lower]
            elif lower in WEEKDAYS and weekday is None:
                weekday = WEEKDAYS[lower]
            elif lower in DATE_FILLERS:
                pass
            elif lower in TIMEZONES and hour is not None and tz_minutes is None:
                tz_minutes = TIMEZONES[lower]
                kind = "tz"
            elif hour is not None and word.isupper() and 2 <= len(word) <= 5 and not tz_unknown and tz_minutes is None:
                tz_unknown = word
                kind = "tz"
            else:
                return None
        last_kind = kind

    # Loose numbers: a four-digit year and at most one day of the month.
    for number in numbers:
        if 1000 <= number <= 2999 and year is None:
            year = number
        elif number <= 31 and day is None:
            day = number
        else:
            return None
    if year is None or month is None or day is None:
        return None

    warnings = []
    if ambiguous:
        warnings.append(f"date {ambiguous!r} could be day/month or month/day; left empty")
        return _DateLine(None, label, warnings)
    if hour is not None and ampm:
        if not 1 <= hour <= 12:
            raise _BadDate(f"hour {hour} with {ampm}m")
        hour = hour % 12 + (12 if ampm == "p" else 0)
    tz = None
    if tz_minutes is not None:
        tz = _tz_from_minutes(tz_minutes)
    elif tz_unknown:
        warnings.append(f"time zone {tz_unknown!r} not recognised; time kept as written")
    value = _make_datetime(year, month, day, hour or 0, minute or 0, second or 0, tz)
    if weekday is not None and value.weekday() != weekday:
        warnings.append(f"the weekday in {line.strip()!r} does not match {value.date().isoformat()}")
    return _DateLine(value, label, warnings)


def parse_iso_datetime(value: str, field_name: str = "published") -> dt.datetime:
    """ISO 8601 date or date-time, for metadata that states the date exactly."""
    text = value.strip()
    try:
        if not ISO_RE.match(text):
            raise ValueError
        return dt.datetime.fromisoformat(text.replace(",", "."))
    except ValueError:
        raise ParseError(
            f"field {field_name!r} is not a valid date: {value!r} "
            "(expected ISO 8601, e.g. 2022-11-08 or 2022-11-08T02:30:00+03:00)"
        ) from None


# ---------------------------------------------------------------------------
# Bylines, noise, bios
# ---------------------------------------------------------------------------

BYLINE_PREFIX_RE = re.compile(
    r"^(?:written\s+by|reporting\s+by|story\s+by|words\s+by|by|authors?)\s*[:\-–]?\s+", re.IGNORECASE
)
# Lowercase words that belong inside names: "Ludwig van Beethoven", "Ana de Armas".
NAME_PARTICLES = {"al", "bin", "da", "das", "de", "del", "della", "den", "der", "di", "dos", "du",
                  "el", "la", "le", "ten", "ter", "van", "von", "y"}
# Capitalised words that show a short line is a label or a headline, not somebody's name.
NOT_NAME_WORDS = {
    "a", "an", "and", "are", "as", "at", "for", "from", "has", "his", "her", "home", "in", "is", "it",
    "its", "news", "no", "not", "of", "on", "or", "our", "says", "said", "that", "the", "their",
    "this", "to", "was", "will", "with", "your", "live", "latest", "updates", "breaking", "analysis",
    "opinion", "editorial", "comment", "world", "politics", "business", "europe", "asia", "africa",
    "americas", "war", "talks", "peace", "menu", "search", "share", "print", "email", "read", "more",
    "views", "reads", "comments", "minute", "minutes", "min", "related", "topics", "subscribe",
    "sign", "log", "newsletter", "advertisement", "photo", "video", "getty", "images", "file",
}
NAME_WORD_RE = re.compile(r"^(?:[^\W\d_]\.)+$|^[^\W\d_][^\W\d_'’\-.]*(?:['’\-][^\W\d_]+)*\.?$")
NAME_SPLIT_RE = re.compile(r"\s*(?:,|;|&|\band\b)\s*", re.IGNORECASE)

VIEW_COUNTER_RE = re.compile(
    r"^(?:(?:views?|reads?|comments?)\s*:?\s*\d[\d,. ]*[kKmM]?"
    r"|\d[\d,. ]*[kKmM]?\s+(?:reads?|views?|comments?|shares?|likes?))$",
    re.IGNORECASE,
)
READING_TIME_RE = re.compile(
    r"^(?:reading\s+time\s*:?\s*)?\d+\s*(?:min(?:ute)?s?|m)\.?(?:\s+read(?:ing)?(?:\s+time)?)?$", re.IGNORECASE
)
# Whole lines that are page furniture wherever they appear.
NOISE_LINES = {
    "advertisement", "skip advertisement", "story continues below advertisement", "share",
    "share this", "share this article", "share on facebook", "share on twitter", "tweet", "print",
    "email", "comments", "continue reading", "about the author", "related articles", "read more",
}
URL_LINE_RE = re.compile(r"^(?:(?:source|url|link|original)\s*:\s*)?(?P<url><?https?://\S+?>?)$", re.IGNORECASE)
# A bio names its subject first: "Jane Roe is the Moscow correspondent of ..."
BIO_START_RE = re.compile(
    r"^(?P<name>(?:[^\W\d_][\w'’.\-]*\s+){1,3}[^\W\d_][\w'’.\-]*)\s+"
    r"(?:is|was|has\s+been|covers|reports|writes)\b"
)
# Signs that a paragraph is about the writer, not news: a social handle, "follow her on ...".
BIO_CUE_RE = re.compile(r"(?:^|\s)@\w{2,}|\bfollow\s+(?:him|her|them|me)\b|\bon\s+(?:twitter|x|mastodon|bluesky)\b",
                        re.IGNORECASE)
COPYRIGHT_RE = re.compile(r"^(?:©|\(c\)\s|copyright\b)", re.IGNORECASE)
SENTENCE_END_RE = re.compile(r"[.!?…][\"'”’»)\]]*$")
SECTION_SPLIT_RE = re.compile(r"\s+[|·•—–-]\s+")


def _normalise(text: str) -> str:
    return " ".join(text.split()).casefold()


def _looks_like_name(text: str) -> bool:
    """2-4 capitalised words (plus particles such as "van"), e.g. "Jane Roe"."""
    words = text.split()
    if not 2 <= len(words) <= 6:
        return False
    capitalised = 0
    for index, word in enumerate(words):
        if word.casefold().strip(".") in NOT_NAME_WORDS:
            return False
        if not NAME_WORD_RE.match(word):
            return False
        if word[0].isupper():
            capitalised += 1
        elif word not in NAME_PARTICLES or index in (0, len(words) - 1):
            return False
    return 2 <= capitalised <= 4


def parse_byline(line: str) -> tuple[list[str], str] | None:
    """Names on a byline ("By A and B", "Author: A", or just "A"), and an outlet if one was named.

    Returns None when the line is not a byline.
    """
    text = line.strip()
    prefixed = BYLINE_PREFIX_RE.match(text)
    if prefixed:
        text = text[prefixed.end():]
    if not text or len(text) > 120:
        return None
    # A full stop may end an initial or "Jr.", never a name: "Economic Scene." is a rubric.
    if SENTENCE_END_RE.search(text) and not re.search(r"(?:\b[^\W\d_]|\b[JS]r)\.$", text):
        return None
    parts = [part.strip() for part in NAME_SPLIT_RE.split(text) if part.strip()]
    if not parts:
        return None
    names, outlet = [], ""
    for part in parts:
        if prefixed:
            # "By Jane Roe in Geneva": the place is not part of the name.
            part = re.sub(r"\s+in\s+[A-Z][\w\s.'’-]*$", "", part)
        if _looks_like_name(part):
            names.append(part)
        elif prefixed and len(part.split()) == 1 and part[0].isupper() and part.lower() not in MONTHS | WEEKDAYS:
            outlet = outlet or part  # "By Jane Roe, Reuters" or just "By Reuters"
        else:
            return None
    if not names and outlet:
        names, outlet = [outlet], ""
    return names, outlet


def is_noise_line(line: str) -> bool:
    """Page furniture that is never reporting: view counters, reading times, share buttons."""
    text = line.strip()
    if not text or len(text) > 60:
        return False
    return (
        _normalise(text).strip(":") in NOISE_LINES
        or bool(VIEW_COUNTER_RE.match(text))
        or bool(READING_TIME_RE.match(text))
    )


def _is_bio(paragraph: str, authors: list[str], after_author_line: bool) -> str | None:
    """The writer's name if `paragraph` is a short bio of the writer, else None."""
    if len(paragraph) > 400:
        return None
    start = BIO_START_RE.match(paragraph)
    if not start or not _looks_like_name(start["name"]):
        return None
    name = start["name"]
    known = {_normalise(author) for author in authors}
    if after_author_line or _normalise(name) in known or BIO_CUE_RE.search(paragraph):
        return name
    return None


# ---------------------------------------------------------------------------
# Paragraphs
# ---------------------------------------------------------------------------


def _split_blocks(lines: list[str]) -> list[list[str]]:
    """Groups of consecutive non-blank lines."""
    blocks, current = [], []
    for line in lines:
        if line.strip():
            current.append(line.strip())
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _block_paragraphs(block: list[str]) -> list[str]:
    """Paragraphs of one block: hard-wrapped text is joined, one-paragraph-per-line text is not."""
    if len(block) == 1:
        return block
    wrapped = all(40 <= len(line) <= 100 for line in block[:-1]) and len(block[-1]) <= 100
    return [" ".join(block)] if wrapped else list(block)


def paragraphs_from_text(text: str) -> list[str]:
    paragraphs = []
    for block in _split_blocks(text.split("\n")):
        paragraphs.extend(_block_paragraphs(block))
    return paragraphs


def _clean_text(text: str) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _check_text(text: str) -> None:
    if "\x00" in text:
        raise ParseError(f"binary content, not text (NUL character at position {text.index(chr(0))})")
    if not text.strip():
        raise ParseError("empty: the file contains no text" if not text else "empty: the file contains only whitespace")


# ---------------------------------------------------------------------------
# Metadata fields shared by front matter and JSON Lines
# ---------------------------------------------------------------------------

LANGUAGE_RE = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$", re.IGNORECASE)


def split_authors(value) -> list[str]:
    """Authors from a list or from text: "A, B", "A and B", "[A, B]"."""
    if value is None:
        return []
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("[") and text.endswith("]"):
            text = text[1:-1]
        items = NAME_SPLIT_RE.split(text)
    elif isinstance(value, list):
        items = value
        if not all(isinstance(item, str) for item in items):
            raise ParseError("field 'authors' must be a list of names (text)")
    else:
        raise ParseError("field 'authors' must be a list of names or a comma-separated text")
    authors = []
    for item in items:
        name = _unquote(item.strip())
        if name and name not in authors:
            authors.append(name)
    return authors


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _check_title(title: str) -> str:
    title = " ".join(title.split())
    if not title:
        raise ParseError("no title")
    if len(title) > MAX_TITLE_CHARS:
        raise ParseError(f"title is {len(title)} characters long (the limit is {MAX_TITLE_CHARS})")
    return title


def _check_url(url: str) -> str:
    url = url.strip()
    if url and not re.match(r"^https?://\S+$", url, re.IGNORECASE):
        raise ParseError(f"field 'url' is not a web address: {url!r} (expected http:// or https://...)")
    if len(url) > MAX_URL_CHARS:
        raise ParseError(f"field 'url' is {len(url)} characters long (the limit is {MAX_URL_CHARS})")
    return url


def _check_language(language: str) -> str:
    language = language.strip()
    if not language:
        return "en"
    if not LANGUAGE_RE.match(language) or len(language) > 10:
        raise ParseError(f"field 'language' is not a language code: {language!r} (expected e.g. en, ru, pt-BR)")
    return language.lower()


def _body_from_text(text: str, title: str) -> str:
    """The body of a front-matter or JSON article: everything, apart from a leading repeated title."""
    paragraphs = paragraphs_from_text(text)
    if paragraphs and _normalise(paragraphs[0].lstrip("#").strip()) == _normalise(title):
        paragraphs = paragraphs[1:]
    return "\n\n".join(paragraphs)


# ---------------------------------------------------------------------------
# Front matter
# ---------------------------------------------------------------------------

FRONT_MATTER_KEYS = {"title", "subtitle", "authors", "published", "url", "outlet", "language"}
# Names other tools commonly use for the same fields.
FRONT_MATTER_ALIASES = {"author": "authors", "date": "published", "standfirst": "subtitle", "lang": "language"}


def _is_fence(line: str) -> bool:
    return line.strip() == "---"


def _parse_front_matter(lines: list[str]) -> ParsedArticle:
    fields: dict[str, str | list[str]] = {}
    current_list_key = None
    end = None
    for index in range(1, len(lines)):
        raw = lines[index]
        line = raw.strip()
        if _is_fence(raw):
            end = index
            break
        if not line or line.startswith("#"):
            continue
        if line.startswith("- ") and current_list_key:
            fields[current_list_key].append(line[2:].strip())  # YAML block list item
            continue
        key, colon, value = line.partition(":")
        key = key.strip().lower()
        if not colon or not re.match(r"^[a-z_][a-z0-9_ -]*$", key):
            raise ParseError(
                f"front matter line {index + 1} is not 'key: value': {line[:60]!r} (is the closing '---' missing?)"
            )
        key = FRONT_MATTER_ALIASES.get(key, key)
        if key not in FRONT_MATTER_KEYS:
            raise ParseError(
                f"unknown front matter key {key!r} on line {index + 1} "
                f"(known keys: {', '.join(sorted(FRONT_MATTER_KEYS))})"
            )
        if key in fields:
            raise ParseError(f"front matter key {key!r} is given twice")
        value = value.strip()
        current_list_key = None
        if key == "authors" and not value:
            fields[key] = []
            current_list_key = key
        else:
            fields[key] = _unquote(value)
    if end is None:
        raise ParseError("front matter is not closed: no second '---' line")

    title = fields.get("title", "")
    if not title:
        raise ParseError("no title: the front matter has no 'title'")
    article = ParsedArticle(title=_check_title(title))
    article.subtitle = " ".join(fields.get("subtitle", "").split())
    article.authors = split_authors(fields.get("authors"))
    published = fields.get("published", "")
    if published:
        article.published = parse_iso_datetime(published, "published")
    else:
        article.warnings.append(NO_DATE_WARNING)
    article.url = _check_url(fields.get("url", ""))
    article.outlet = " ".join(fields.get("outlet", "").split())
    article.language = _check_language(fields.get("language", ""))
    article.body = _body_from_text("\n".join(lines[end + 1:]), article.title)
    if not article.body:
        raise ParseError("no body: nothing after the front matter")
    return article


# ---------------------------------------------------------------------------
# Scraped text
# ---------------------------------------------------------------------------


@dataclass
class _Line:
    text: str
    block: int  # index of the blank-line separated block it belongs to


class _Header:
    """What the lines between the title and the body have told us so far."""

    def __init__(self, title: str):
        self.title = title
        self.subtitle = ""
        self.authors: list[str] = []
        self.outlet = ""
        self.url = ""
        self.published: dt.datetime | None = None
        self.published_label = ""
        self.warnings: list[str] = []

    def add_authors(self, names: list[str]) -> None:
        for name in names:
            if _normalise(name) not in {_normalise(author) for author in self.authors}:
                self.authors.append(name)

    def add_date(self, date_line: _DateLine) -> None:
        self.warnings.extend(date_line.warnings)
        if date_line.value is None:
            return
        # A "Published" date beats an unlabelled one, which beats an "Updated" one.
        rank = {"published": 2, "": 1, "updated": 0}
        if self.published is None or rank[date_line.label] > rank[self.published_label]:
            self.published, self.published_label = date_line.value, date_line.label

    def take(self, line: str) -> bool:
        """Use `line` if it is header material (byline, date, noise...); False if it is body."""
        norm = _normalise(line)
        if norm == _normalise(self.title) or (self.subtitle and norm == _normalise(self.subtitle)):
            return True  # the title or standfirst printed again before the body
        if is_noise_line(line):
            return True
        url = URL_LINE_RE.match(line.strip())
        if url:
            self.url = self.url or url["url"].strip("<>")
            return True
        if len(line) > 200:
            return False  # bylines and date lines are short; this is reporting
        return self._take_parts(line)

    def _take_parts(self, line: str) -> bool:
        # "By Jane Roe | 8 November 2022" or "Jane Roe, November 8, 2022 14:05"
        for parts in self._splits(line):
            found = []
            for part in parts:
                kind = self._classify(part)
                if kind is None:
                    break
                found.append(kind)
            else:
                for kind, value in found:
                    if kind == "byline":
                        self.add_authors(value[0])
                        self.outlet = self.outlet or value[1]
                    elif kind == "date":
                        self.add_date(value)
                    elif kind == "bad date":
                        self.warnings.append(f"unreadable date {value!r} ignored")
                return True
        return False

    @staticmethod
    def _splits(line: str) -> Iterator[list[str]]:
        yield [line]
        parts = [part for part in SECTION_SPLIT_RE.split(line) if part.strip()]
        if len(parts) > 1:
            yield parts
        for comma in re.finditer(",", line):
            yield [line[: comma.start()], line[comma.end():]]

    @staticmethod
    def _classify(part: str):
        part = part.strip()
        if not part:
            return None
        if is_noise_line(part):
            return ("noise", None)
        try:
            date_line = parse_date_line(part)
        except _BadDate:
            return ("bad date", part)
        if date_line is not None:
            return ("date", date_line)
        byline = parse_byline(part)
        if byline is not None:
            return ("byline", byline)
        return None


def _title_from_line(line: str) -> str:
    title = line.strip()
    title = re.sub(r"^#{1,6}\s+", "", title)  # a Markdown heading
    title = re.sub(r"^title\s*:\s*", "", title, flags=re.IGNORECASE)
    if len(title) > MAX_TEXT_TITLE_CHARS:
        raise ParseError(
            f"no title: the text starts with a {len(title)}-character paragraph; "
            "put the headline alone on the first line"
        )
    try:
        if parse_date_line(title) is not None:
            raise ParseError(f"no title: the first line is a date ({title!r}); put the headline on the first line")
    except _BadDate:
        raise ParseError(f"no title: the first line is a date ({title!r})") from None
    if is_noise_line(title) or BYLINE_PREFIX_RE.match(title) and parse_byline(title):
        raise ParseError(f"no title: the first line is page furniture or a byline ({title!r})")
    return _check_title(title)


def _parse_scraped(lines: list[str]) -> ParsedArticle:
    items = []
    for block_index, block in enumerate(_split_blocks(lines)):
        items.extend(_Line(text, block_index) for text in block)

    header = _Header(_title_from_line(items[0].text))
    position = 1

    # Standfirst: the lines right after the title, if they end the title's block or start their own,
    # and either header lines (byline, date, noise) follow them or they read like a standfirst
    # (no full stop at the end). A paragraph that ends with a full stop and runs straight into
    # the body stays body.
    def is_header_line(text: str) -> bool:
        return _Header(header.title).take(text)  # a scratch header: only asks, records nothing

    candidate_end = position
    while (
        candidate_end < len(items)
        and items[candidate_end].block == items[position].block
        and not is_header_line(items[candidate_end].text)
    ):
        candidate_end += 1
    if candidate_end > position:
        candidate = " ".join(item.text for item in items[position:candidate_end])
        followed_by_header = candidate_end < len(items) and is_header_line(items[candidate_end].text)
        reads_like_standfirst = (
            len(candidate) <= MAX_TEXT_TITLE_CHARS
            and not SENTENCE_END_RE.search(candidate)
            and not candidate.endswith((":", ";", ",", "-"))  # a lead-in to what follows, not a standfirst
        )
        body_remains = any(not is_header_line(item.text) for item in items[candidate_end:])
        if body_remains and len(candidate) <= MAX_STANDFIRST_CHARS and (followed_by_header or reads_like_standfirst):
            header.subtitle = candidate
            position = candidate_end

    # Header lines: bylines, dates, counters, the title and standfirst repeated.
    while position < len(items) and header.take(items[position].text):
        position += 1

    body_items = [item for item in items[position:] if not is_noise_line(item.text)]

    # Trailing bio: "Author: Jane Roe" and/or "Jane Roe is the ... follow her on Twitter @...".
    tail_authors: list[str] = []
    while body_items:
        last_block = body_items[-1].block
        last = [item.text for item in body_items if item.block == last_block]
        paragraph = " ".join(last)
        byline = parse_byline(paragraph) if BYLINE_PREFIX_RE.match(paragraph) else None
        if byline and byline[0]:
            tail_authors = byline[0] + tail_authors
        elif len(paragraph) <= 200 and COPYRIGHT_RE.match(paragraph):
            pass  # "© 2022 Example News. All rights reserved."
        elif len(last) == 1 and _normalise(paragraph) in {_normalise(a) for a in header.authors}:
            pass  # the byline printed again as a signature
        else:
            preceded_by_author_line = False
            earlier = [item for item in body_items if item.block < last_block]
            if earlier:
                previous_block = [item.text for item in earlier if item.block == earlier[-1].block]
                previous = " ".join(previous_block)
                preceded_by_author_line = bool(BYLINE_PREFIX_RE.match(previous) and parse_byline(previous))
            name = _is_bio(paragraph, header.authors + tail_authors, preceded_by_author_line)
            if name is None:
                break
            tail_authors = [name] + tail_authors
        body_items = [item for item in body_items if item.block != last_block]
    header.add_authors(tail_authors)

    paragraphs = []
    for _, block_items in groupby(body_items, key=lambda item: item.block):
        paragraphs.extend(_block_paragraphs([item.text for item in block_items]))
    if not paragraphs:
        raise ParseError("no body: the text has a title but no paragraphs of reporting")

    article = ParsedArticle(
        title=header.title,
        subtitle=header.subtitle,
        body="\n\n".join(paragraphs),
        authors=header.authors,
        published=header.published,
        url=header.url,
        outlet=header.outlet,
        warnings=header.warnings,
    )
    if article.published is None:
        article.warnings.append(NO_DATE_WARNING)
    return article


# ---------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------


def parse_text(text: str) -> ParsedArticle:
    """Parse one article given as text (scraped format, optionally with front matter)."""
    text = _clean_text(text)
    _check_text(text)
    lines = text.split("\n")
    if _is_fence(lines[0]):
        return _parse_front_matter(lines)
    return _parse_scraped(lines)


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ParseError("the file is UTF-16, not UTF-8; save it as UTF-8")
    start = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    if not data[start:].strip():
        raise ParseError("empty: the file contains no text" if not data[start:] else "empty: the file contains only whitespace")
    if b"\x00" in data:
        raise ParseError(f"binary content, not text (NUL byte at offset {data.index(0)})")
    try:
        return data[start:].decode("utf-8")
    except UnicodeDecodeError as error:
        offset = start + error.start
        raise ParseError(f"not valid UTF-8 (byte 0x{data[offset]:02x} at offset {offset})") from None


def parse_bytes(data: bytes) -> ParsedArticle:
    """Parse one article file's bytes: strict UTF-8 (a BOM is allowed); binary files are refused."""
    return parse_text(_decode(data))


JSON_FIELDS = {"title", "subtitle", "body", "text", "authors", "published", "url", "outlet", "language"}


def _json_text(record: dict, key: str) -> str:
    value = record.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ParseError(f"field {key!r} must be text, not {type(value).__name__}")
    return value


def parse_json_record(record) -> ParsedArticle:
    """One JSON object ({"title", "body" or "text", ...}) as an article."""
    if not isinstance(record, dict):
        raise ParseError(f"expected a JSON object, got {type(record).__name__}")
    title = _json_text(record, "title")
    if not title.strip():
        problem = "the object's 'title' is empty" if "title" in record else "the object has no 'title'"
        raise ParseError(f"no title: {problem}")
    article = ParsedArticle(title=_check_title(title))
    body_key = "body" if record.get("body") not in (None, "") else "text"
    body = _clean_text(_json_text(record, body_key))
    if "\x00" in body:
        raise ParseError("binary content in 'body' (NUL character)")
    article.body = _body_from_text(body, article.title)
    if not article.body:
        raise ParseError("no body: the object has no 'body' or 'text'")
    article.subtitle = " ".join(_json_text(record, "subtitle").split())
    article.authors = split_authors(record.get("authors"))
    published = _json_text(record, "published")
    if published.strip():
        article.published = parse_iso_datetime(published)
    else:
        article.warnings.append(NO_DATE_WARNING)
    article.url = _check_url(_json_text(record, "url"))
    article.outlet = " ".join(_json_text(record, "outlet").split())
    article.language = _check_language(_json_text(record, "language"))
    unknown = sorted(set(record) - JSON_FIELDS)
    if unknown:
        article.warnings.append(f"ignored unknown fields: {', '.join(unknown)}")
    return article


def parse_jsonl(stream: Iterable[str | bytes]) -> Iterator[tuple[int, ParsedArticle | ParseError]]:
    """(line number, article or error) for each non-blank line of a JSON Lines stream."""
    for line_number, line in enumerate(stream, start=1):
        try:
            if isinstance(line, bytes):
                if line_number == 1 and line.startswith(b"\xef\xbb\xbf"):
                    line = line[3:]
                if not line.strip():
                    continue
                if b"\x00" in line:
                    raise ParseError("binary content, not text (NUL byte)")
                try:
                    line = line.decode("utf-8")
                except UnicodeDecodeError as error:
                    raise ParseError(f"not valid UTF-8 (byte 0x{line[error.start]:02x} at column {error.start + 1})") from None
            line = line.lstrip("\ufeff") if line_number == 1 else line
            if not line.strip():
                continue
            try:
                record = json.loads(line.strip())
            except json.JSONDecodeError as error:
                raise ParseError(f"not valid JSON: {error.msg} (column {error.colno})") from None
            yield line_number, parse_json_record(record)
        except ParseError as error:
            yield line_number, error


def _iter_folder(folder: str) -> Iterator[tuple[str, ParseError | None]]:
    """(path, None) for article files under `folder`, recursively and sorted, one listing at a time;
    (folder, error) for a folder that cannot be listed."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        yield folder, ParseError(f"cannot read folder: {error.strerror or error}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue  # .git, editor swap files
        if entry.is_dir(follow_symlinks=False):
            yield from _iter_folder(entry.path)
        elif entry.name.lower().endswith(SOURCE_SUFFIXES) and entry.is_file():
            yield entry.path, None


def _read_file(path: str) -> Iterator[tuple[str, ParsedArticle | ParseError]]:
    try:
        if path.lower().endswith(JSONL_SUFFIXES):
            with open(path, "rb") as handle:
                for line_number, result in parse_jsonl(handle):
                    yield f"{path}:{line_number}", result
            return
        size = os.path.getsize(path)
        if size > MAX_FILE_BYTES:
            raise ParseError(f"file too large ({size / 1e6:.1f} MB; the limit is {MAX_FILE_BYTES / 1e6:.0f} MB)")
        with open(path, "rb") as handle:
            data = handle.read()
        yield path, parse_bytes(data)
    except ParseError as error:
        yield path, error
    except OSError as error:
        yield path, ParseError(f"cannot read file: {error.strerror or error}")


def _read_stdin(stdin) -> Iterator[tuple[str, ParsedArticle | ParseError]]:
    """Standard input holds one article as text, or JSON Lines (first non-blank line starts with '{')."""
    name = "<stdin>"
    stream = getattr(stdin, "buffer", stdin)  # bytes when we can, so invalid UTF-8 is reported
    seen = []
    for line in stream:
        seen.append(line)
        stripped = line.strip().lstrip(b"\xef\xbb\xbf" if isinstance(line, bytes) else "\ufeff")
        if stripped:
            break
    first = seen[-1].strip() if seen else ""
    if isinstance(first, bytes):
        first = first.lstrip(b"\xef\xbb\xbf")
        starts_json = first.startswith(b"{")
    else:
        starts_json = first.lstrip("\ufeff").startswith("{")
    if starts_json:
        for line_number, result in parse_jsonl(chain(seen, stream)):
            yield f"{name}:{line_number}", result
        return
    rest = stream.read() if hasattr(stream, "read") else type(first)().join(stream)
    try:
        if isinstance(first, bytes) or isinstance(rest, bytes):
            yield name, parse_bytes(b"".join(seen) + rest)
        else:
            yield name, parse_text("".join(seen) + rest)
    except ParseError as error:
        yield name, error


def read_sources(paths: Iterable[str], stdin: IO | None = None) -> Iterator[tuple[str, ParsedArticle | ParseError]]:
    """(source name, article or error) for every article in the given files, folders or "-" (stdin).

    Folders are searched recursively for *.txt, *.md and *.jsonl files in sorted order. A JSON Lines
    line is named "path:lineno". Files are read one at a time; nothing here raises for bad input.
    """
    for path in paths:
        if path == "-":
            yield from _read_stdin(stdin if stdin is not None else sys.stdin)
        elif os.path.isdir(path):
            found = False
            for file_path, error in _iter_folder(path):
                found = True
                if error is not None:
                    yield file_path, error
                else:
                    yield from _read_file(file_path)
            if not found:
                yield path, ParseError("folder has no .txt, .md or .jsonl files")
        elif not os.path.exists(path):
            yield path, ParseError("no such file or folder")
        else:
            yield from _read_file(path)
