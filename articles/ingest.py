"""From parsed articles and extracted statements to rows: the one place that maps the engine onto models.

Each article is stored in one transaction with its statements. Importing the same article again changes
nothing; re-extracting never overwrites or deletes a statement an editor has reviewed or edited.
"""

from __future__ import annotations

import datetime as dt
import logging
import multiprocessing
from collections import Counter
from itertools import islice
from dataclasses import dataclass, field

from django.db import IntegrityError, connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from articles import extraction
from articles.extraction import gazetteer
from articles.extraction.types import ArticleMeta
from articles.models import (
    Actor, Alias, Article, Channel, Statement, content_hash, normalise_name, unique_slug, unique_slugs,
)
from articles.parsing import ParsedArticle

logger = logging.getLogger(__name__)


class IngestError(Exception):
    """An article that cannot be stored as it is; nothing of it was written."""


@dataclass
class ImportResult:
    status: str  # "imported", "unchanged", "updated"
    article: Article
    statements: int = 0
    new_actors: int = 0
    warnings: list[str] = field(default_factory=list)  # the parser's notes, e.g. "no publication date found"


@dataclass
class ImportSummary:
    counts: Counter = field(default_factory=Counter)
    failures: list[tuple[str, str]] = field(default_factory=list)

    def add(self, result: ImportResult) -> None:
        self.counts[result.status] += 1
        self.counts["statements"] += result.statements
        self.counts["new_actors"] += result.new_actors

    def fail(self, name: str, reason: str) -> None:
        self.counts["failed"] += 1
        self.failures.append((name, reason))

    def line(self) -> str:
        c = self.counts
        return (
            f"{c['imported']} imported, {c['unchanged']} unchanged, {c['updated']} updated, {c['failed']} failed; "
            f"{c['statements']} statements, {c['new_actors']} new actors"
        )


def aware(value: dt.datetime | None) -> dt.datetime | None:
    if value is not None and timezone.is_naive(value):
        return timezone.make_aware(value, dt.timezone.utc)
    return value


def meta_of(article: Article) -> ArticleMeta:
    return ArticleMeta(
        title=article.title, subtitle=article.subtitle, published=article.published, outlet=article.outlet
    )


class ActorDirectory:
    """Finds or creates the one Actor for a name, honouring every alias stored so far.

    One per import run: it remembers what it has looked up (found or not), asks the database for all the
    names of an article in one query, and writes new aliases in one statement per article.
    """

    def __init__(self):
        self.by_key: dict[str, Actor] = {}
        self.missing: set[str] = set()
        self.pending_aliases: list[Alias] = []
        self.pending_actors: list[Actor] = []
        self.created = 0

    def prefetch(self, names) -> None:
        keys = {normalise_name(n) for n in names} - self.by_key.keys() - self.missing - {""}
        if not keys:
            return
        for alias in Alias.objects.select_related("actor").filter(key__in=keys):
            self.by_key[alias.key] = alias.actor
        self.missing |= keys - self.by_key.keys()

    def find(self, name: str) -> Actor | None:
        key = normalise_name(name)
        if not key:
            return None
        if key not in self.by_key and key not in self.missing:
            self.prefetch([name])
        return self.by_key.get(key)

    def add_alias(self, actor: Actor, name: str) -> None:
        key = normalise_name(name)
        # an alias already claimed by another actor stays theirs: editors decide by merging
        if not key or self.find(name) is not None:
            return
        self.by_key[key] = actor
        self.missing.discard(key)
        self.pending_aliases.append(Alias(actor=actor, name=name.strip()[:300], key=key))

    def flush(self) -> None:
        """Write the actors and aliases met since the last flush: a few statements, however many there are."""
        if self.pending_actors:
            self._make_names_unique(self.pending_actors)
            Actor.objects.bulk_create(self.pending_actors)
            self.pending_actors = []
        Alias.objects.bulk_create(self.pending_aliases, ignore_conflicts=True)
        self.pending_aliases = []

    def trim(self, most: int = 200_000) -> None:
        """Between transactions: an import of millions of articles must not keep every name it met."""
        if len(self.by_key) + len(self.missing) > most and not self.pending_actors and not self.pending_aliases:
            self.by_key.clear()
            self.missing.clear()

    def forget(self) -> None:
        """After a rollback: rows created inside it must not be served from the cache."""
        self.by_key.clear()
        self.missing.clear()
        self.pending_aliases = []
        self.pending_actors = []

    def _make_names_unique(self, actors: list[Actor]) -> None:
        for actor in actors:
            actor.slug = slugify(actor.name)[:80].strip("-") or "actor"
        taken = Actor.objects.filter(Q(name__in=[a.name for a in actors]) | Q(slug__in=[a.slug for a in actors]))
        taken_names, taken_slugs = set(), set()
        for name, slug in taken.values_list("name", "slug"):
            taken_names.add(name)
            taken_slugs.add(slug)
        for actor in actors:
            if actor.name in taken_names:  # same name, not found by alias: an editor's own actor; keep both
                actor.name = self._free_name(actor.name)
            if actor.slug in taken_slugs:
                actor.slug = unique_slug(Actor, actor.name)
            taken_names.add(actor.name)
            taken_slugs.add(actor.slug)

    def resolve(self, name: str, *, kind: str, country: str = "", role: str = "", aliases=()) -> Actor:
        actor = self.find(name)
        if actor is None and kind == "person" and len(name.split()) > 1:
            actor = self._promote_surname_actor(name)
        if actor is None:
            # written by flush(); until then statements can already point at it
            actor = Actor(name=name.strip()[:200], kind=kind, country=country, role=role[:300])
            self.pending_actors.append(actor)
            self.created += 1
        else:
            changed = []
            if country and not actor.country:
                actor.country = country
                changed.append("country")
            if role and not actor.role:
                actor.role = role[:300]
                changed.append("role")
            if changed and actor.pk is not None:
                actor.save(update_fields=changed)
        self.add_alias(actor, name)  # for a new actor, its own name
        for alias in aliases:
            if is_proper_name(alias):
                self.add_alias(actor, alias)
        return actor

    def _promote_surname_actor(self, full_name: str) -> Actor | None:
        """An actor first met only as "Fidan" becomes "Hakan Fidan" when an article names them in full."""
        surname = full_name.split()[-1]
        actor = self.find(surname)
        if actor is None or actor.kind != "person" or normalise_name(actor.name) != normalise_name(surname):
            return None
        if actor.pk is None:
            actor.name = full_name
        elif not Actor.objects.filter(name=full_name).exists():
            actor.name = full_name
            actor.save(update_fields=["name"])
        return actor

    def _free_name(self, name: str) -> str:
        # the canonical name is unique; a clash with an actor not found by alias gets a distinguishing suffix
        candidate, n = name.strip(), 1
        while Actor.objects.filter(name=candidate).exists():
            n += 1
            candidate = f"{name.strip()} ({n})"
        return candidate


PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "who", "this", "that"}
NAME_PARTICLES = {"of", "the", "to", "for", "and", "de", "da", "del", "al", "el", "bin", "ibn", "von", "van", "der", "la", "le"}


def is_proper_name(mention: str) -> bool:
    """Only names become aliases: "Fidan", "the White House"; not "he" nor "the Russian ambassador", which
    would later claim every ambassador for the first one met."""
    words = mention.replace("’", "'").split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if not words or (len(words) == 1 and words[0].lower() in PRONOUNS):
        return False
    return all(w[0].isupper() or w.lower() in NAME_PARTICLES for w in words) and words[0][0].isupper()


class ChannelDirectory:
    def __init__(self, actors: ActorDirectory):
        self.actors = actors
        self.by_key: dict[str, Channel] = {}

    def resolve(self, countries: list[str]) -> Channel | None:
        codes = sorted({c.upper() for c in countries if c})
        if len(codes) < 2:
            return None
        key = "-".join(codes)
        if key not in self.by_key:
            channel = Channel.objects.filter(key=key).first()
            if channel is None:
                channel = Channel.objects.create(
                    key=key, slug=key.lower(), label="–".join(country_label(c) for c in codes)
                )
                parties = [self.country_actor(code) for code in codes]
                self.actors.flush()
                channel.parties.set([p for p in parties if p is not None])
            self.by_key[key] = channel
        return self.by_key[key]

    def country_actor(self, code: str) -> Actor | None:
        if code not in gazetteer.COUNTRY_NAMES:
            return None
        government = gazetteer.government_of(code)
        return self.actors.resolve(government.name, kind=government.kind, country=code, role=government.role)


def country_label(code: str) -> str:
    return gazetteer.COUNTRY_NAMES.get(code, code)


def speaker_names(extracted):
    """Every name the actors of these statements may be stored under: for one lookup query."""
    for st in extracted:
        yield from (st.speaker, st.speaker.split()[-1] if st.speaker else "", st.reported_via, *st.speaker_aliases)


def resolve_statements(article: Article, extracted, actors: ActorDirectory, channels: ChannelDirectory,
                       skip_spans: set[tuple[int, int]] = frozenset()) -> list[tuple]:
    """(article, engine statement, speaker, reported via, channel) for each statement to store; speakers
    may be actors that actors.flush() has yet to write."""
    resolved = []
    taken = set(skip_spans)
    for st in extracted:
        span = (st.content_start, st.content_end)
        if article.body[st.content_start : st.content_end] != st.content:
            raise IngestError(f"the extractor returned offsets {span} that do not hold its text {st.content[:40]!r}")
        if span in taken:
            continue
        taken.add(span)
        speaker = actors.resolve(
            st.speaker, kind=st.speaker_kind, country=st.speaker_country, role=st.speaker_role,
            aliases=[st.mention, *st.speaker_aliases],
        )
        via = None
        if st.reported_via:
            info = gazetteer.lookup_actor(st.reported_via)
            via = actors.resolve(
                info.name if info else st.reported_via, kind="media",
                country=info.country if info else "", role=info.role if info else "",
            )
        resolved.append((article, st, speaker, via, channels.resolve(st.channel)))
    return resolved


def store_statements(article: Article, extracted, actors: ActorDirectory, channels: ChannelDirectory,
                     skip_spans: set[tuple[int, int]] = frozenset()) -> int:
    actors.prefetch(speaker_names(extracted))
    resolved = resolve_statements(article, extracted, actors, channels, skip_spans)
    actors.flush()
    insert_statements(resolved)
    return len(resolved)


STATEMENT_COLUMNS = [
    "article_id", "speaker_id", "mention", "content", "content_start", "content_end", "kind", "cue", "said_on",
    "said_on_precision", "said_on_text", "reported_via_id", "venue", "channel_id", "stance", "confidence",
    "reviewed", "edited", "created_at",
]


def insert_statements(resolved: list[tuple]) -> None:
    """Write new statements with COPY, after actors.flush(): composing model instances and an INSERT took
    Django longer than the database took to store the rows. Their triggers run as for any INSERT."""
    now = timezone.now()
    with connection.cursor() as cursor:
        with cursor.copy(f"COPY {Statement._meta.db_table} ({', '.join(STATEMENT_COLUMNS)}) FROM STDIN") as copy:
            for article, st, speaker, via, channel in resolved:
                copy.write_row((
                    article.pk, speaker.pk, st.mention[:300], st.content, st.content_start, st.content_end,
                    st.kind, st.cue[:100], st.said_on, st.said_on_precision, st.said_on_text[:100],
                    via.pk if via else None, st.venue[:300], channel.pk if channel else None, st.stance,
                    min(max(st.confidence, 0.0), 1.0), False, False, now,
                ))


class Importer:
    """Stores parsed articles; keeps its actor and channel caches across the articles of one run."""

    def __init__(self):
        self.actors = ActorDirectory()
        self.channels = ChannelDirectory(self.actors)

    def import_article(self, parsed: ParsedArticle, *, source: str = Article.Source.FILE,
                       source_name: str = "", extracted=None) -> ImportResult:
        """Store one article and its statements; `extracted` is the engine's output if already computed."""
        digest = content_hash(parsed.title, parsed.body)
        existing = Article.objects.filter(content_hash=digest).first()
        if existing is not None and not new_metadata(existing, parsed, source_name):
            return ImportResult("unchanged", existing, warnings=parsed.warnings)
        previous = existing or self._previous_version(parsed, source_name)
        created_before = self.actors.created
        try:
            with transaction.atomic():
                if previous is None:
                    article = Article(source=source, source_name=source_name)
                    status = "imported"
                else:
                    article = previous
                    status = "updated"
                fill_article(article, parsed)
                if previous is not None:
                    previous.statements.filter(reviewed=False, edited=False).delete()
                article.save()
                locked = set()
                if previous is not None:
                    for kept in article.statements.all():
                        relocate(kept, article.body)
                        locked.add((kept.content_start, kept.content_end))
                if extracted is None:
                    extracted = extraction.extract(article.body, meta_of(article))
                n = store_statements(article, extracted, self.actors, self.channels, skip_spans=locked)
        except IntegrityError as exc:
            self._forget_uncommitted()
            raise IngestError(f"the database refused it: {str(exc).splitlines()[0]}") from exc
        except Exception:
            self._forget_uncommitted()
            raise
        return ImportResult(status, article, n, self.actors.created - created_before, parsed.warnings)

    def reextract(self, article: Article) -> int:
        """Run the engine again; what an editor reviewed or changed stays as it is."""
        try:
            with transaction.atomic():
                article.statements.filter(reviewed=False, edited=False).delete()
                locked = set(article.statements.values_list("content_start", "content_end"))
                extracted = extraction.extract(article.body, meta_of(article))
                return store_statements(article, extracted, self.actors, self.channels, skip_spans=locked)
        except Exception:
            self._forget_uncommitted()
            raise

    def import_batch(self, batch, extracted: dict[int, list], digests: list[str | None] | None = None):
        """Store a batch of (name, ParsedArticle | ParseError) pairs; yields (name, ImportResult | Exception).

        `extracted` holds the engine's output by position in the batch, for the articles that needed it;
        `digests` their content hashes (None for a ParseError), if already computed.
        The new articles of a batch are written together, in one transaction and a few queries; if any of
        them cannot be stored, each is tried again on its own, so that one bad article fails alone.
        Updated files, repeated texts and articles stored before go through import_article one by one.
        """
        if digests is None:
            digests = [content_hash(p.title, p.body) if isinstance(p, ParsedArticle) else None for _, p in batch]
        stored = self._stored_articles(d for d in digests if d)
        previous = self._previous_versions((n, p) for (n, p), d in zip(batch, digests) if d and d not in stored)
        new, seen = {}, set()
        for i, ((name, parsed), digest) in enumerate(zip(batch, digests)):
            source = parsed.url or name if digest else None
            # a text or a source met twice in a batch: the second goes after the first, as an update
            if digest and digest not in stored and source not in previous and not {digest, source} & seen:
                new[i] = (name, parsed, digest, extracted.get(i))
            seen |= {digest, source}
        try:
            results = dict(zip(new, self.import_new(list(new.values())))) if new else {}
        except Exception as exc:
            logger.info("a batch of %d new articles is stored one by one: %s", len(new), exc)
            results = {}
        self.actors.trim()
        for i, ((name, parsed), digest) in enumerate(zip(batch, digests)):
            if digest is None:
                yield name, parsed
            elif i in results:
                yield name, results[i]
            elif digest in stored and not new_metadata(stored[digest], parsed, name):
                yield name, ImportResult("unchanged", stored[digest], warnings=parsed.warnings)
            else:
                try:
                    yield name, self.import_article(parsed, source_name=name, extracted=extracted.get(i))
                except IngestError as exc:
                    yield name, exc
                except Exception as exc:  # a bug met on one article must not stop the others; it is reported
                    yield name, IngestError(f"internal error ({type(exc).__name__}: {exc})")

    def import_new(self, items: list[tuple[str, ParsedArticle, str, list | None]]) -> list[ImportResult]:
        """Store (name, parsed, content hash, statements) of articles not stored before, in one transaction."""
        try:
            with transaction.atomic():
                articles = []
                for name, parsed, digest, _ in items:
                    article = Article(source=Article.Source.FILE, source_name=name, content_hash=digest)
                    fill_article(article, parsed)
                    articles.append(article)
                for article, slug in zip(articles, unique_slugs(Article, [a.title for a in articles])):
                    article.slug = slug
                Article.objects.bulk_create(articles)
                extracted = [
                    statements if statements is not None else extraction.extract(article.body, meta_of(article))
                    for article, (*_, statements) in zip(articles, items)
                ]
                self.actors.prefetch(name for statements in extracted for name in speaker_names(statements))
                rows, results = [], []
                for article, statements, (_, parsed, *_) in zip(articles, extracted, items):
                    created_before = self.actors.created
                    article_rows = resolve_statements(article, statements, self.actors, self.channels)
                    rows += article_rows
                    results.append(ImportResult(
                        "imported", article, len(article_rows), self.actors.created - created_before, parsed.warnings
                    ))
                self.actors.flush()
                insert_statements(rows)
        except Exception:
            self._forget_uncommitted()
            raise
        return results

    def _stored_articles(self, digests) -> dict[str, Article]:
        found = Article.objects.filter(content_hash__in=set(digests)).defer("body", "search_vector")
        return {article.content_hash: article for article in found}

    def _previous_versions(self, named_articles) -> set[str]:
        """The URLs (or, for articles without one, the file names) of these that were stored before."""
        urls, names = set(), set()
        for name, parsed in named_articles:
            (urls if parsed.url else names).add(parsed.url or name)
        names.discard("")
        found = Article.objects.filter(Q(url__in=urls) | Q(source=Article.Source.FILE, source_name__in=names))
        return {url or name for url, name in found.values_list("url", "source_name")} & (urls | names)

    def _previous_version(self, parsed: ParsedArticle, source_name: str) -> Article | None:
        if parsed.url:
            return Article.objects.filter(url=parsed.url).first()
        if source_name:
            return Article.objects.filter(source=Article.Source.FILE, source_name=source_name).first()
        return None

    def _forget_uncommitted(self) -> None:
        # rows created inside a rolled-back transaction must not be served from the caches
        self.actors.forget()
        self.channels.by_key.clear()


def new_metadata(article: Article, parsed: ParsedArticle, source_name: str) -> bool:
    """Whether the source an article came from now gives it another standfirst, date, byline, outlet...:
    the text is the same (by content hash), but the import must not skip the change."""
    same_source = (parsed.url and parsed.url == article.url) or (
        not parsed.url and source_name and source_name == article.source_name
    )
    if not same_source:
        return False  # the same text from elsewhere: the archive has it already
    given = Article()
    fill_article(given, parsed)
    return any(getattr(given, field) != getattr(article, field) for field in METADATA_FIELDS)


METADATA_FIELDS = ["subtitle", "authors", "outlet", "url", "published", "language"]


def fill_article(article: Article, parsed: ParsedArticle) -> None:
    article.title = parsed.title
    article.subtitle = parsed.subtitle
    article.body = parsed.body
    article.authors = list(parsed.authors)
    article.outlet = parsed.outlet
    article.url = parsed.url
    article.published = aware(parsed.published)
    article.language = parsed.language or "en"


def relocate(statement: Statement, new_body: str) -> None:
    """Move a statement an editor kept to where its words stand in the new body, or refuse the update."""
    if new_body[statement.content_start : statement.content_end] == statement.content:
        return
    start = new_body.find(statement.content)
    if start < 0:
        raise IngestError(
            f"statement {statement.pk}, kept by an editor, is no longer in the new text: {statement.content[:60]!r}"
        )
    statement.content_start, statement.content_end = start, start + len(statement.content)
    statement.save(update_fields=["content_start", "content_end"])


def batched(iterable, size: int):
    iterator = iter(iterable)
    while batch := list(islice(iterator, size)):
        yield batch


def engine_input(parsed: ParsedArticle) -> tuple[str, ArticleMeta]:
    """The engine's arguments for a parsed article, as the importer runs it."""
    return parsed.body, ArticleMeta(parsed.title, parsed.subtitle, aware(parsed.published), parsed.outlet)


def import_sources(sources, importer: Importer, *, workers: int = 1, batch_size: int = 32):
    """Import (name, ParsedArticle | ParseError) pairs; yields (name, ImportResult | Exception) in order.

    The engine is pure Python and the slow part: with workers > 1 it runs in that many processes, on the
    next batch, while this one writes the batch before it to the database. Articles already stored (by
    content hash) are not extracted at all. Input is read a batch at a time, so memory does not grow with
    the number of files.
    """
    pool = None
    with connection.cursor() as cursor:
        # a bulk load need not wait for each commit to reach the disk: a crash can lose only the last
        # moment's articles, never corrupt anything, and importing the same files again restores them
        cursor.execute("SET synchronous_commit TO OFF")
    try:
        waiting = None  # the batch being extracted: (batch, content hashes, positions extracted, engine results)
        for batch in batched(sources, batch_size):
            digests = [content_hash(p.title, p.body) if isinstance(p, ParsedArticle) else None for _, p in batch]
            stored = set(Article.objects.filter(content_hash__in=[d for d in digests if d])
                         .values_list("content_hash", flat=True))
            todo = [i for i, digest in enumerate(digests) if digest and digest not in stored]
            if workers > 1 and pool is None and len(batch) == batch_size:
                pool = multiprocessing.get_context("spawn").Pool(workers)
            jobs = [engine_input(batch[i][1]) for i in todo]
            if pool is not None:
                # workers import only the engine (no Django): it is handed over by name
                running = pool.starmap_async(extraction.extract, jobs, chunksize=4)
            else:
                running = [extraction.extract(*job) for job in jobs]
            if waiting is not None:
                yield from store_extracted(importer, *waiting)
            waiting = (batch, digests, todo, running)
        if waiting is not None:
            yield from store_extracted(importer, *waiting)
    finally:
        if pool is not None:
            pool.terminate()


def store_extracted(importer: Importer, batch, digests, positions: list[int], running):
    extracted = running if isinstance(running, list) else running.get()
    yield from importer.import_batch(batch, dict(zip(positions, extracted)), digests)
