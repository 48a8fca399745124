"""Run the extraction engine over benchmark documents and score the predictions.

    .venv/bin/python bench/extraction_quality.py --docs ../shared/bench/polnear-dev.jsonl --out /tmp/pred.jsonl

Writes one prediction line per document (the benchmark format), then runs the shared scorer
(../shared/bench/score.py relative to the repository root) on them when it exists.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from articles.extraction import predict_document  # noqa: E402

SCORER = ROOT.parent / "shared" / "bench" / "score.py"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", default=str(ROOT.parent / "shared" / "bench" / "polnear-dev.jsonl"))
    parser.add_argument("--out", default="/tmp/pred.jsonl")
    parser.add_argument("--json", action="store_true", help="pass --json to the scorer")
    parser.add_argument("--no-score", action="store_true")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    count = 0
    with open(args.docs, encoding="utf-8") as src, open(args.out, "w", encoding="utf-8") as dst:
        for line in src:
            line = line.strip()
            if not line:
                continue
            doc = json.loads(line)
            dst.write(json.dumps(predict_document(doc), ensure_ascii=False) + "\n")
            count += 1
    elapsed = time.perf_counter() - started
    print(f"{count} documents in {elapsed:.2f}s -> {args.out}", file=sys.stderr)

    if args.no_score:
        return 0
    if not SCORER.exists():
        print(f"scorer not found at {SCORER}; predictions written only", file=sys.stderr)
        return 0
    cmd = [sys.executable, str(SCORER), args.docs, args.out] + (["--json"] if args.json else [])
    return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())
