"""What the engine's tests share: run it with its promises checked, and pick a statement by its words."""

from __future__ import annotations

from articles.extraction import ArticleMeta, Statement, extract


def extract_checked(body: str, meta: ArticleMeta | None = None) -> list[Statement]:
    """extract(), asserting what every statement promises: its offsets hold its words, its confidence is 0-1."""
    statements = extract(body, meta)
    for st in statements:
        assert body[st.content_start:st.content_end] == st.content
        assert 0.0 <= st.confidence <= 1.0
    return statements


def one_containing(statements: list[Statement], needle: str) -> Statement:
    """The one statement whose content holds `needle` (fails when there are none or several)."""
    hits = [st for st in statements if needle in st.content]
    assert len(hits) == 1, f"{needle!r} in {[(s.speaker, s.content) for s in statements]}"
    return hits[0]
