"""When a statement was said: resolve time expressions against the article's date."""

from __future__ import annotations

import datetime as dt


def resolve_said_on(
    window: str, published: dt.date | dt.datetime | None, cue_offset: int | None = None
) -> tuple[dt.date | None, str, str]:
    """(date, precision, expression) of the time expression in `window` that dates the speech act.

    precision is one of types.PRECISIONS. Without a publication date relative expressions give
    (None, "unknown", expression); with no expression at all, (None, "unknown", "").
    """
    return None, "unknown", ""
