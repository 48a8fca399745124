"""The seed articles: every required gold statement found with the right speaker, few wrong ones."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from articles.extraction import ArticleMeta, extract

REPO = Path(__file__).resolve().parents[2]
GOLD_PATH = Path(__file__).resolve().parents[3] / "shared" / "gold" / "seeds.json"
WORD_RE = re.compile(r"\w+")


def _load_gold():
    if not GOLD_PATH.exists():
        pytest.skip(f"gold annotations not found at {GOLD_PATH}")
    return json.loads(GOLD_PATH.read_text(encoding="utf-8"))


def _parse(path: Path):
    """(body, meta) of a seed file, through the project's parser when it is there."""
    text = path.read_text(encoding="utf-8")
    try:
        from articles.parsing import parse_text
    except ImportError:  # parser not written yet: body = everything after the standfirst
        blocks = [b for b in text.split("\n\n") if b.strip()]
        return "\n\n".join(blocks[2:]), ArticleMeta(title=blocks[0].strip(), subtitle=blocks[1].strip())
    parsed = parse_text(text)
    return parsed.body, ArticleMeta(title=parsed.title, subtitle=parsed.subtitle, published=parsed.published)


def _words(text: str) -> list[str]:
    return [w.lower() for w in WORD_RE.findall(text)]


def _overlaps(a: str, b: str) -> bool:
    """Contents match when they share at least half of the shorter one's words."""
    wa, wb = set(_words(a)), set(_words(b))
    shorter = min(len(wa), len(wb))
    return shorter > 0 and len(wa & wb) >= 0.5 * shorter


GOLD = _load_gold() if GOLD_PATH.exists() else {"articles": {}, "statements": []}


@pytest.mark.parametrize("article", sorted(GOLD["articles"]))
def test_seed_article(article):
    body, meta = _parse(REPO / "fixtures" / article)
    statements = extract(body, meta)
    for st in statements:
        assert body[st.content_start:st.content_end] == st.content

    gold = [g for g in GOLD["statements"] if g["article"] == article]
    missing = []
    for g in gold:
        if not g["required"]:
            continue
        hits = [st for st in statements if _overlaps(st.content, g["content"])]
        if not any(st.speaker == g["speaker"] for st in hits):
            got = ", ".join(f"{st.speaker!r} ({st.mention!r})" for st in hits) or "no statement"
            missing.append(f"  - {g['speaker']} {g['cue']}: {g['content'][:70]!r}\n      got: {got}")

    wrong = []
    for st in statements:
        golds = [g for g in gold if _overlaps(st.content, g["content"])]
        if not golds:
            wrong.append(f"  - not a gold statement: {st.speaker!r} {st.cue}: {st.content[:70]!r}")
        elif not any(g["speaker"] == st.speaker for g in golds):
            wrong.append(f"  - wrong speaker {st.speaker!r} (gold {golds[0]['speaker']!r}): {st.content[:60]!r}")

    report = f"{article}: {len(statements)} extracted\nmissing required:\n" + ("\n".join(missing) or "  none")
    report += "\nwrong:\n" + ("\n".join(wrong) or "  none")
    print(report)
    assert not missing, report
    assert len(wrong) <= len(statements) / 10, report
