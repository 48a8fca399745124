"""The extraction engine against the hand-made gold of the seed articles (../shared/gold/seeds.json).

    .venv/bin/python bench/seed_scores.py [--verbose]

Prints, per field, how many gold statements the engine gets right: found with the right speaker (required
ones), said_on (where the gold has a date), reported_via, channel and stance; and how many extracted
statements are wrong (no gold statement, or another speaker).
"""

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from articles.extraction import ArticleMeta, extract  # noqa: E402
from articles.parsing import parse_text  # noqa: E402

GOLD = ROOT.parent / "shared" / "gold" / "seeds.json"
WORD_RE = re.compile(r"\w+")


def words(text: str) -> set[str]:
    return {w.lower() for w in WORD_RE.findall(text)}


def overlaps(a: str, b: str) -> bool:
    """The scorer's rule: they share at least half of the shorter one's words."""
    wa, wb = words(a), words(b)
    shorter = min(len(wa), len(wb))
    return shorter > 0 and len(wa & wb) >= 0.5 * shorter


def similarity(a: str, b: str) -> float:
    wa, wb = words(a), words(b)
    return len(wa & wb) / max(len(wa | wb), 1)


def gold_said_on(value: str | None) -> str | None:
    """The gold's ISO date ('2022-11-07', '2022-09 (month only)'); None for relative or absent dates."""
    if not value:
        return None
    match = re.match(r"\d{4}-\d{2}(-\d{2})?", value)
    return match.group(0) if match else None


def main(verbose: bool) -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    tally = {k: [0, 0] for k in ("speaker (required)", "said_on", "reported_via", "channel", "stance")}
    extracted_total = wrong_total = 0
    for name in sorted(gold["articles"]):
        parsed = parse_text((ROOT / "fixtures" / name).read_text(encoding="utf-8"))
        meta = ArticleMeta(parsed.title, parsed.subtitle, parsed.published, parsed.outlet)
        statements = extract(parsed.body, meta)
        golds = [g for g in gold["statements"] if g["article"] == name]
        extracted_total += len(statements)
        for st in statements:
            matches = [g for g in golds if overlaps(st.content, g["content"])]
            if not any(g["speaker"] == st.speaker for g in matches):
                wrong_total += 1
                if verbose:
                    print(f"wrong: {st.speaker!r}: {st.content[:70]!r}")
        for g in golds:
            candidates = [st for st in statements if overlaps(st.content, g["content"]) and st.speaker == g["speaker"]]
            hit = max(candidates, key=lambda st: similarity(st.content, g["content"]), default=None)
            checks = []
            if g["required"]:
                checks.append(("speaker (required)", hit is not None))
            if hit is None:
                continue
            if gold_said_on(g.get("said_on")):
                checks.append(("said_on", hit.said_on_iso() == gold_said_on(g["said_on"])))
            if g.get("reported_via"):
                checks.append(("reported_via", hit.reported_via.casefold() == g["reported_via"].casefold()))
            if g["required"] and "channel" in g:
                checks.append(("channel", sorted(hit.channel) == sorted(g["channel"])))
            if g["required"]:
                checks.append(("stance", hit.stance == g["stance"]))
            for field, ok in checks:
                tally[field][0] += ok
                tally[field][1] += 1
                if verbose and not ok:
                    print(f"{field} wrong for {g['speaker']}: {g['content'][:60]!r}")
    for field, (ok, n) in tally.items():
        print(f"{field:20} {ok:3d} / {n:3d}")
    print(f"{'wrong extracted':20} {wrong_total:3d} / {extracted_total:3d}")


if __name__ == "__main__":
    main("--verbose" in sys.argv)
