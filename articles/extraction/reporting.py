"""Through which outlet a statement was given or relayed, and at what venue."""

from __future__ import annotations


def find_reported_via(sentence: str) -> str:
    """Canonical outlet the statement was given to or relayed by ("told BBC" -> "BBC"), or ""."""
    return ""


def find_venue(sentence: str) -> str:
    """Where the statement was made ("in his evening speech" -> "evening speech"), or ""."""
    return ""
