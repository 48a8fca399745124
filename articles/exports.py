"""The statements page's result set as CSV or JSON, streamed row by row: the whole set, not one page."""

import csv
import json

from django.db import transaction
from django.db.models import F, QuerySet

from articles.display import said_on_iso

# a cell starting with one of these is a formula to a spreadsheet; a leading quote keeps it text
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

EXPORT_FIELDS = [
    "id",
    "speaker",
    "speaker_slug",
    "speaker_country",
    "content",
    "kind",
    "cue",
    "said_on",
    "said_on_precision",
    "reported_via",
    "channel",
    "stance",
    "article_title",
    "article_url",
    "published",
    "url",
]


def export_rows(queryset: QuerySet, statement_url_prefix: str):
    """Dicts with the EXPORT_FIELDS for every statement of the (ordered) queryset, fetched 2,000 at a time."""
    rows = queryset.values(
        "id",
        "content",
        "kind",
        "cue",
        "said_on",
        "said_on_precision",
        "stance",
        speaker_name=F("speaker__name"),
        speaker_slug_=F("speaker__slug"),
        speaker_country_=F("speaker__country"),
        reported_via_name=F("reported_via__name"),
        channel_slug=F("channel__slug"),
        article_title_=F("article__title"),
        article_url_=F("article__url"),
        published_=F("article__published"),
    )
    # Inside a transaction the server-side cursor streams; outside one (autocommit) Django declares it
    # WITH HOLD, and PostgreSQL computes the whole result before sending the first row.
    with transaction.atomic():
        yield from (_export_row(row, statement_url_prefix) for row in rows.iterator(chunk_size=2000))


def _export_row(row: dict, statement_url_prefix: str) -> dict:
    return {
        "id": row["id"],
        "speaker": row["speaker_name"],
        "speaker_slug": row["speaker_slug_"],
        "speaker_country": row["speaker_country_"] or None,
        "content": row["content"],
        "kind": row["kind"],
        "cue": row["cue"],
        "said_on": said_on_iso(row["said_on"], row["said_on_precision"]),
        "said_on_precision": row["said_on_precision"],
        "reported_via": row["reported_via_name"],
        "channel": row["channel_slug"],
        "stance": row["stance"],
        "article_title": row["article_title_"],
        "article_url": row["article_url_"],
        "published": row["published_"].isoformat() if row["published_"] else None,
        "url": f"{statement_url_prefix}{row['id']}/",
    }


class _Echo:
    """csv.writer writes into this; each row comes straight back as a string to stream."""

    def write(self, value):
        return value


def csv_lines(rows):
    writer = csv.writer(_Echo())
    yield writer.writerow(EXPORT_FIELDS)
    for row in rows:
        yield writer.writerow([csv_cell(row[name]) for name in EXPORT_FIELDS])


def csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def json_chunks(count: int, rows):
    yield '{"count": %d, "results": [' % count
    first = True
    for row in rows:
        yield ("" if first else ",\n") + json.dumps(row, ensure_ascii=False)
        first = False
    yield "]}\n"
