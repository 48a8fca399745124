"""General world knowledge for the extraction engine: countries, capitals, bodies, outlets, roles.

No people's names live here, only general knowledge.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ActorInfo:
    """A non-person actor the gazetteer knows: canonical name, kind, ISO country, role."""

    name: str
    kind: str  # one of types.ACTOR_KINDS
    country: str  # ISO 3166 alpha-2, "" for international bodies
    role: str


def lookup_actor(text: str) -> ActorInfo | None:
    """The non-person actor `text` names ("the Kremlin", "NATO", "TASS"), or None."""
    return None


def country_of(text: str) -> str | None:
    """ISO 3166 alpha-2 code for a country name, demonym, possessive or capital, or None."""
    return None


def describe_role(text: str) -> tuple[str, str] | None:
    """(role description, country code) for a role phrase such as "the Russian ambassador to the UK"."""
    return None


def media_outlet(text: str) -> str | None:
    """Canonical outlet name if `text` names a media outlet ("Tass" -> "TASS"), else None."""
    return None
