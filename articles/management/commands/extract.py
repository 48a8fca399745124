import json
import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles.extraction import ArticleMeta, extract, predict_document
from articles.parsing import ParseError, read_sources


class Command(BaseCommand):
    help = (
        "Parse and extract statements without touching the database. "
        "PATH...: one JSON object per article. --docs: the benchmark format (../shared/bench/README.md)."
    )
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", metavar="PATH")
        parser.add_argument("--format", choices=["jsonl"], default="jsonl")
        parser.add_argument("--docs", help="benchmark documents (JSON Lines) to predict statements for")
        parser.add_argument("--out", help="with --docs: where to write the predictions (default: stdout)")

    def handle(self, *args, paths, **options):
        if options["docs"]:
            return self.predict(options["docs"], options["out"])
        if not paths:
            raise CommandError("give article files or folders, or --docs DOCS.jsonl")
        failed = 0
        for name, parsed in read_sources(paths, stdin=sys.stdin):
            if isinstance(parsed, ParseError):
                self.stderr.write(f"{name}: failed: {parsed}")
                failed += 1
                continue
            meta = ArticleMeta(parsed.title, parsed.subtitle, parsed.published, parsed.outlet)
            record = {
                "path": name,
                "title": parsed.title,
                "subtitle": parsed.subtitle,
                "authors": parsed.authors,
                "published": parsed.published.isoformat(timespec="minutes") if parsed.published else None,
                "outlet": parsed.outlet,
                "statements": [st.to_json() for st in extract(parsed.body, meta)],
            }
            self.stdout.write(json.dumps(record, ensure_ascii=False))
        if failed:
            raise CommandError(f"{failed} of the inputs failed (see above)")

    def predict(self, docs_path, out_path):
        try:
            docs = open(docs_path, encoding="utf-8")
        except OSError as exc:
            raise CommandError(f"{docs_path}: {exc.strerror}") from exc
        out = open(out_path, "w", encoding="utf-8") if out_path else self.stdout
        n = 0
        with docs:
            for lineno, line in enumerate(tqdm(docs, unit=" docs", disable=not sys.stderr.isatty()), 1):
                if not line.strip():
                    continue
                try:
                    doc = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise CommandError(f"{docs_path}:{lineno}: not JSON: {exc}") from exc
                out.write(json.dumps(predict_document(doc), ensure_ascii=False) + "\n")
                n += 1
        if out_path:
            out.close()
            self.stderr.write(f"{n} documents predicted into {out_path}")
