from django.core.management.base import BaseCommand
from tqdm import tqdm

from articles.ingest import Importer
from articles.models import Article


class Command(BaseCommand):
    help = "Run the extraction engine again on stored articles. Statements an editor reviewed or edited stay."

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*", metavar="SLUG", help="only these articles (default: all)")

    def handle(self, *args, slugs, **options):
        articles = Article.objects.order_by("pk")
        if slugs:
            articles = articles.filter(slug__in=slugs)
            missing = set(slugs) - set(articles.values_list("slug", flat=True))
            for slug in sorted(missing):
                self.stderr.write(f"no article with slug {slug!r}")
        importer = Importer()
        total = done = 0
        for article in tqdm(articles.iterator(chunk_size=500), unit=" articles", disable=not self.stderr.isatty()):
            total += importer.reextract(article)
            done += 1
        self.stdout.write(f"{done} articles re-extracted; {total} statements written; {importer.actors.created} new actors")
