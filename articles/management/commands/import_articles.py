import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles.ingest import Importer, ImportSummary, IngestError
from articles.parsing import ParseError, read_sources


class Command(BaseCommand):
    help = "Import article files (the seed format, front matter, or JSON Lines): files, folders, or - for stdin."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args, paths, **options):
        summary = ImportSummary()
        importer = Importer()
        show_progress = not options["no_progress"] and self.stderr.isatty()
        sources = read_sources(paths, stdin=sys.stdin)
        with tqdm(sources, unit=" articles", disable=not show_progress, file=sys.stderr) as progress:
            for name, parsed in progress:
                if isinstance(parsed, ParseError):
                    self._fail(summary, name, str(parsed), progress)
                    continue
                try:
                    result = importer.import_article(parsed, source_name=name)
                except IngestError as exc:
                    self._fail(summary, name, str(exc), progress)
                    continue
                summary.add(result)
                for warning in parsed.warnings:
                    progress.write(f"{name}: note: {warning}", file=self.stdout)
        self.stdout.write(summary.line())
        if summary.failures:
            raise CommandError(f"{len(summary.failures)} of the inputs failed (see above); the others were imported")

    def _fail(self, summary, name, reason, progress):
        summary.fail(name, reason)
        progress.write(f"{name}: failed: {reason}", file=self.stderr)
