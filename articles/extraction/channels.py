"""Which line of communication a statement speaks about, and its stance towards talks on it."""

from __future__ import annotations


def find_channel(content: str, sentence: str, speaker_country: str, paragraph: str, meta) -> list[str]:
    """Sorted party country codes of the channel the statement speaks about, or [] if none.

    `meta` is a types.ArticleMeta; its title and subtitle can break ties.
    """
    return []


def classify_stance(content: str, cue: str, sentence: str) -> str:
    """One of types.STANCES: the statement's stance towards talks."""
    return "other"
