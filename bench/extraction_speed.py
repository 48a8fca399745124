"""Throughput of the extraction engine alone (no database): articles/s and words/s.

    .venv/bin/python bench/extraction_speed.py [--docs ../shared/bench/polnear-dev.jsonl] [--repeat 3]

Runs `extract` over the benchmark documents and the seed fixtures, a few times over, on one core.
"""

from __future__ import annotations

import argparse
import json
import os
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

    # other jobs on the machine slow this down: say how busy it was
    print("load average (1, 5, 15 min): %.2f %.2f %.2f" % os.getloadavg())
    texts = load_texts(Path(args.docs))
    if not texts:
        print("no documents to run on", file=sys.stderr)
        return 1
    words = sum(len(t.split()) for t, _ in texts)
    for text, meta in texts[:5]:  # warm caches and imports
        extract(text, meta)

    for label, enrich in (("full engine (with enrichment)", True), ("core only (enrich=False)", False)):
        best_wall = best_cpu = None
        statements = 0
        for _ in range(args.repeat):
            wall, cpu = time.perf_counter(), time.process_time()
            statements = 0
            for text, meta in texts:
                statements += len(extract(text, meta, enrich=enrich))
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            best_wall = wall if best_wall is None else min(best_wall, wall)
            best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
        print(f"{label}: {len(texts)} articles, {words} words ({words / len(texts):.0f} per article), "
              f"{statements} statements")
        print(f"  wall, best of {args.repeat}: {best_wall:.3f}s -> {len(texts) / best_wall:.0f} articles/s, "
              f"{words / best_wall:,.0f} words/s")
        print(f"  CPU time of this process: {best_cpu:.3f}s -> {len(texts) / best_cpu:.0f} articles/s per core")
    return 0


if __name__ == "__main__":
    sys.exit(main())
