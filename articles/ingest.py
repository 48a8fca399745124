"""From parsed articles and extracted statements to rows: the one place that maps the engine onto models.

Each article is stored in one transaction with its statements. Importing the same article again changes
nothing; re-extracting never overwrites or deletes a statement an editor has reviewed or edited.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone

from articles import extraction
from articles.extraction import gazetteer
from articles.extraction.types import ArticleMeta
from articles.models import Actor, Alias, Article, Channel, Statement, content_hash, normalise_name
from articles.parsing import ParsedArticle


class IngestError(Exception):
    """An article that cannot be stored as it is; nothing of it was written."""


@dataclass
class ImportResult:
    status: str  # "imported", "unchanged", "updated"
    article: Article
    statements: int = 0
    new_actors: int = 0


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

    One per import run: it caches what it has seen so that a thousand statements by the same speaker cost
    one query.
    """

    def __init__(self):
        self.by_key: dict[str, Actor] = {}
        self.created = 0

    def find(self, name: str) -> Actor | None:
        key = normalise_name(name)
        if not key:
            return None
        if key not in self.by_key:
            alias = Alias.objects.select_related("actor").filter(key=key).first()
            if alias is None:
                return None
            self.by_key[key] = alias.actor
        return self.by_key[key]

    def add_alias(self, actor: Actor, name: str) -> None:
        key = normalise_name(name)
        if not key or key in self.by_key:
            return
        # an alias already claimed by another actor stays theirs: editors decide by merging
        _, created = Alias.objects.get_or_create(key=key, defaults={"actor": actor, "name": name.strip()})
        if created:
            self.by_key[key] = actor

    def resolve(self, name: str, *, kind: str, country: str = "", role: str = "", aliases=()) -> Actor:
        actor = self.find(name)
        if actor is None and kind == "person" and len(name.split()) > 1:
            actor = self._promote_surname_actor(name)
        if actor is None:
            actor = Actor.objects.create(name=self._free_name(name), kind=kind, country=country, role=role)
            self.created += 1
        else:
            changed = []
            if country and not actor.country:
                actor.country = country
                changed.append("country")
            if role and not actor.role:
                actor.role = role
                changed.append("role")
            if changed:
                actor.save(update_fields=changed)
        self.add_alias(actor, name)
        if actor.name != name:
            self.add_alias(actor, actor.name)
        for alias in aliases:
            if is_proper_name(alias):
                self.add_alias(actor, alias)
        return actor

    def _promote_surname_actor(self, full_name: str) -> Actor | None:
        """An actor first met only as "Sullivan" becomes "Jake Sullivan" when an article names them in full."""
        surname = full_name.split()[-1]
        actor = self.find(surname)
        if actor is not None and actor.kind == "person" and normalise_name(actor.name) == normalise_name(surname):
            if not Actor.objects.filter(name=full_name).exists():
                actor.name = full_name
                actor.save(update_fields=["name"])
            return actor
        return None

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
    """Only names become aliases: "Peskov", "the White House"; not "he" nor "the Russian ambassador", which
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


def store_statements(article: Article, extracted, actors: ActorDirectory, channels: ChannelDirectory,
                     skip_spans: set[tuple[int, int]] = frozenset()) -> int:
    rows = []
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
        rows.append(
            Statement(
                article=article, speaker=speaker, mention=st.mention[:300], content=st.content,
                content_start=st.content_start, content_end=st.content_end, kind=st.kind, cue=st.cue[:100],
                said_on=st.said_on, said_on_precision=st.said_on_precision, said_on_text=st.said_on_text[:100],
                reported_via=via, venue=st.venue[:300], channel=channels.resolve(st.channel),
                stance=st.stance, confidence=min(max(st.confidence, 0.0), 1.0),
            )
        )
    Statement.objects.bulk_create(rows)
    return len(rows)


class Importer:
    """Stores parsed articles; keeps its actor and channel caches across the articles of one run."""

    def __init__(self):
        self.actors = ActorDirectory()
        self.channels = ChannelDirectory(self.actors)

    def import_article(self, parsed: ParsedArticle, *, source: str = Article.Source.FILE,
                       source_name: str = "") -> ImportResult:
        digest = content_hash(parsed.title, parsed.body)
        existing = Article.objects.filter(content_hash=digest).first()
        if existing is not None:
            return ImportResult("unchanged", existing)
        previous = self._previous_version(parsed, source_name)
        created_before = self.actors.created
        try:
            with transaction.atomic():
                if previous is None:
                    article = Article(source=source, source_name=source_name)
                    status = "imported"
                else:
                    article = previous
                    status = "updated"
                article.title = parsed.title
                article.subtitle = parsed.subtitle
                article.body = parsed.body
                article.authors = list(parsed.authors)
                article.outlet = parsed.outlet
                article.url = parsed.url
                article.published = aware(parsed.published)
                article.language = parsed.language or "en"
                if previous is not None:
                    previous.statements.filter(reviewed=False, edited=False).delete()
                article.save()
                if previous is not None:
                    for kept in article.statements.all():
                        relocate(kept, article.body)
                n = self.extract_into(article)
        except IntegrityError as exc:
            self._forget_uncommitted()
            raise IngestError(f"the database refused it: {str(exc).splitlines()[0]}") from exc
        except Exception:
            self._forget_uncommitted()
            raise
        return ImportResult(status, article, n, self.actors.created - created_before)

    def extract_into(self, article: Article) -> int:
        locked = set(article.statements.values_list("content_start", "content_end")) if article.pk else set()
        extracted = extraction.extract(article.body, meta_of(article))
        return store_statements(article, extracted, self.actors, self.channels, skip_spans=locked)

    def reextract(self, article: Article) -> int:
        """Run the engine again; what an editor reviewed or changed stays as it is."""
        with transaction.atomic():
            article.statements.filter(reviewed=False, edited=False).delete()
            return self.extract_into(article)

    def _previous_version(self, parsed: ParsedArticle, source_name: str) -> Article | None:
        if parsed.url:
            return Article.objects.filter(url=parsed.url).first()
        if source_name:
            return Article.objects.filter(source=Article.Source.FILE, source_name=source_name).first()
        return None

    def _forget_uncommitted(self) -> None:
        # rows created inside a rolled-back transaction must not be served from the caches
        self.actors.by_key.clear()
        self.channels.by_key.clear()


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
