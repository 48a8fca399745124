"""What the extraction engine takes and gives: plain data, no Django."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

KINDS = ("direct", "indirect", "mixed")
STANCES = ("confirms_contact", "denies_contact", "calls_for_talks", "rejects_talks", "sets_conditions", "other")
PRECISIONS = ("day", "month", "year", "unknown")
ACTOR_KINDS = ("person", "government", "organisation", "media", "other")


@dataclass
class ArticleMeta:
    """What the engine may know about an article besides its body."""

    title: str = ""
    subtitle: str = ""
    published: dt.datetime | dt.date | None = None
    outlet: str = ""


@dataclass
class Statement:
    """One thing an actor said, as the article reports it.

    Offsets index the article body: body[content_start:content_end] == content.
    """

    speaker: str  # resolved canonical name: "Tom Reyes", "Kremlin"
    mention: str  # the words in the text that name the speaker here: "he", "the Kremlin"
    content: str
    content_start: int
    content_end: int
    kind: str = "indirect"  # one of KINDS
    cue: str = ""  # "said", "told", "according to"
    speaker_kind: str = "person"  # one of ACTOR_KINDS
    speaker_country: str = ""  # ISO 3166 alpha-2, "" when unknown
    speaker_role: str = ""  # "Kremlin spokesman"
    speaker_aliases: list[str] = field(default_factory=list)  # other names the article uses for the speaker
    said_on: dt.date | None = None
    said_on_precision: str = "unknown"  # one of PRECISIONS
    said_on_text: str = ""  # the expression in the text: "Wednesday", "in September"
    reported_via: str = ""  # canonical outlet name: "BBC", "TASS"
    venue: str = ""  # "evening speech", "UN Security Council"
    channel: list[str] = field(default_factory=list)  # sorted party country codes: ["RU", "US"]
    stance: str = "other"  # one of STANCES
    confidence: float = 0.5

    @property
    def direct(self) -> bool:
        return self.kind == "direct"

    def said_on_iso(self) -> str | None:
        if self.said_on is None:
            return None
        if self.said_on_precision == "year":
            return f"{self.said_on.year:04d}"
        if self.said_on_precision == "month":
            return f"{self.said_on.year:04d}-{self.said_on.month:02d}"
        return self.said_on.isoformat()

    def to_json(self) -> dict:
        """The fields of `manage.py extract --format jsonl`."""
        data = asdict(self)
        data["direct"] = self.direct
        data["said_on"] = self.said_on_iso()
        return data
