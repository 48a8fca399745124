import os
import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles.ingest import Importer, ImportSummary, import_sources
from articles.parsing import read_sources


class Command(BaseCommand):
    help = "Import article files (the seed format, front matter, or JSON Lines): files, folders, or - for stdin."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")
        parser.add_argument(
            "--workers", type=int, default=min(os.cpu_count() or 1, 4),
            help="processes running the extraction engine (default: the number of cores, at most 4)",
        )

    def handle(self, *args, paths, **options):
        summary = ImportSummary()
        show_progress = not options["no_progress"] and self.stderr.isatty()
        sources = read_sources(paths, stdin=sys.stdin)
        results = import_sources(sources, Importer(), workers=max(options["workers"], 1))
        # messages go through tqdm, above the progress bar; OutputWrapper would add a line of its own
        with tqdm(results, unit=" articles", disable=not show_progress, file=sys.stderr) as progress:
            for name, result in progress:
                if isinstance(result, Exception):
                    summary.fail(name, str(result))
                    progress.write(f"{name}: failed: {result}", file=self.stderr._out)
                    continue
                summary.add(result)
                for warning in result.warnings:
                    progress.write(f"{name}: note: {warning}", file=self.stdout._out)
        self.stdout.write(summary.line())
        if summary.failures:
            raise CommandError(f"{len(summary.failures)} of the inputs failed (see above); the others were imported")
