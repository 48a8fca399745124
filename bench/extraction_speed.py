"""Throughput of the extraction engine alone (no database): articles/s and words/s.

    .venv/bin/python bench/extraction_speed.py [--docs ../shared/bench/polnear-dev.jsonl] [--repeat 3]

Runs `extract` over the benchmark documents and the seed fixtures, a few times over, on one core.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from articles.extraction import ArticleMeta, extract  # noqa: E402


def load_texts(docs_path: Path) -> list[tuple[str, ArticleMeta]]:
    texts = []
    if docs_path.exists():
        with open(docs_path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    doc = json.loads(line)
                    texts.append((doc["text"], ArticleMeta(title=doc.get("title") or "")))
    for path in sorted((ROOT / "fixtures").glob("*.txt")):
        texts.append((path.read_text(encoding="utf-8"), ArticleMeta()))
    return texts


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", default=str(ROOT.parent / "shared" / "bench" / "polnear-dev.jsonl"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    texts = load_texts(Path(args.docs))
    if not texts:
        print("no documents to run on", file=sys.stderr)
        return 1
    words = sum(len(t.split()) for t, _ in texts)
    for text, meta in texts[:5]:  # warm caches and imports
        extract(text, meta)

    best = None
    statements = 0
    for _ in range(args.repeat):
        started = time.perf_counter()
        statements = 0
        for text, meta in texts:
            statements += len(extract(text, meta))
        elapsed = time.perf_counter() - started
        best = elapsed if best is None else min(best, elapsed)

    print(f"{len(texts)} articles, {words} words ({words / len(texts):.0f} per article), "
          f"{statements} statements")
    print(f"best of {args.repeat}: {best:.3f}s -> {len(texts) / best:.0f} articles/s, "
          f"{words / best:,.0f} words/s (one core)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
