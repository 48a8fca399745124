"""Parley's data: articles, the actors in them, what they said, and the channels they spoke about."""

import functools
import hashlib
import re
import unicodedata

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.text import slugify

SEARCH_CONFIG = "english"


@functools.lru_cache(maxsize=65536)
def normalise_name(name: str) -> str:
    """The key two spellings of one name share: 'the Kremlin' ~ 'Kremlin', 'Hakan Fidan' ~ 'hakan fidan'."""
    name = unicodedata.normalize("NFKD", name)
    name = "".join(ch for ch in name if not unicodedata.combining(ch))
    name = name.casefold().replace("\u2019", "'")
    name = re.sub(r"^the\s+", "", name.strip())
    name = re.sub(r"'s$", "", name)
    return re.sub(r"[\W_]+", " ", name).strip()


def content_hash(title: str, body: str) -> str:
    """Two imports of the same article (modulo white space) share this hash."""
    text = " ".join(title.split()) + "\n" + " ".join(body.split())
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def unique_slug(model, text: str, *, max_length: int = 80, exclude_pk=None) -> str:
    return unique_slugs(model, [text], max_length=max_length, exclude_pk=exclude_pk)[0]


def unique_slugs(model, texts, *, max_length: int = 80, exclude_pk=None) -> list[str]:
    """A free slug for each text, distinct from each other: one query unless a slug is taken."""
    others = model.objects.exclude(pk=exclude_pk) if exclude_pk else model.objects.all()
    bases = [slugify(text)[:max_length].strip("-") or model._meta.model_name for text in texts]
    taken = set(others.filter(slug__in=bases).values_list("slug", flat=True))
    slugs = []
    for base in bases:
        slug, n = base, 1
        while slug in taken or (n > 1 and others.filter(slug=slug).exists()):
            n += 1
            slug = f"{base[: max_length - len(str(n)) - 1]}-{n}"
        taken.add(slug)
        slugs.append(slug)
    return slugs


class Actor(models.Model):
    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        GOVERNMENT = "government", "Government or state body"
        ORGANISATION = "organisation", "Organisation"
        MEDIA = "media", "Media outlet"
        OTHER = "other", "Other"

    name = models.CharField("canonical name", max_length=200, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.PERSON)
    country = models.CharField(max_length=2, blank=True, help_text="ISO 3166 alpha-2 code, e.g. RU")
    role = models.CharField(max_length=300, blank=True, help_text="e.g. Kremlin spokesman")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["kind", "country"])]
        constraints = [
            models.CheckConstraint(condition=Q(country="") | Q(country__regex=r"^[A-Z]{2}$"), name="actor_country_iso"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("actor_detail", args=[self.slug])

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Actor, self.name, exclude_pk=self.pk)
        super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "name" not in update_fields:
            return
        # every actor is found by its own name: aliases are the one table name lookups read
        Alias.objects.get_or_create(key=normalise_name(self.name), defaults={"actor": self, "name": self.name})


class Alias(models.Model):
    """Another name of an actor. The key is unique: one name points at one actor across the archive."""

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=300)
    key = models.CharField(max_length=300, unique=True, editable=False)

    class Meta:
        verbose_name_plural = "aliases"
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.key = normalise_name(self.name)
        super().save(*args, **kwargs)


class Channel(models.Model):
    """A line of communication between parties: what negotiations happen over."""

    class Kind(models.TextChoices):
        OFFICIAL = "official", "Official talks"
        BACKCHANNEL = "backchannel", "Back-channel or informal"
        MEDIATED = "mediated", "Mediated"

    key = models.CharField(
        max_length=100, unique=True, help_text="Parties' country codes, sorted, e.g. RU-US; with the kind if not official"
    )
    slug = models.SlugField(max_length=100, unique=True)
    label = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OFFICIAL)
    parties = models.ManyToManyField(Actor, related_name="channels", blank=True)

    class Meta:
        ordering = ["label"]

    def __str__(self):
        return self.label

    def get_absolute_url(self):
        return reverse("channel_detail", args=[self.slug])


class Article(models.Model):
    class Source(models.TextChoices):
        FILE = "file", "File"
        ADMIN = "admin", "Admin"
        API = "api", "API"

    title = models.CharField(max_length=500)
    slug = models.SlugField(max_length=100, unique=True)
    subtitle = models.TextField("standfirst", blank=True)
    body = models.TextField()
    authors = models.JSONField(default=list, blank=True, help_text='A list of names, e.g. ["Jane Roe", "John Smith"]')
    outlet = models.CharField(max_length=200, blank=True, db_index=True)
    url = models.URLField(max_length=1000, blank=True, db_index=True)
    published = models.DateTimeField(null=True, blank=True, db_index=True, help_text="Empty when the article is undated")
    language = models.CharField(max_length=10, default="en")
    content_hash = models.CharField(max_length=64, unique=True, editable=False)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.FILE)
    source_name = models.CharField(
        max_length=1000, blank=True, db_index=True, help_text="The file it was imported from"
    )
    imported_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    search_vector = models.GeneratedField(
        expression=SearchVector("title", weight="A", config=SEARCH_CONFIG)
        + SearchVector("subtitle", weight="B", config=SEARCH_CONFIG)
        + SearchVector("body", weight="C", config=SEARCH_CONFIG),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    class Meta:
        ordering = [F("published").desc(nulls_last=True), "-id"]
        indexes = [
            GinIndex(fields=["search_vector"], name="article_search"),
            # the default order: lists (and the admin's) read the newest 50 from it instead of sorting all
            models.Index(F("published").desc(nulls_last=True), F("id").desc(), name="article_newest"),
            # the outlet facet looks up the outlet of each article in its sample: from the index alone
            models.Index(fields=["id"], include=["outlet"], name="article_outlet"),
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(title=""), name="article_has_title"),
            models.CheckConstraint(condition=~Q(body=""), name="article_has_body"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("article_detail", args=[self.slug])

    def save(self, *args, **kwargs):
        self.content_hash = content_hash(self.title, self.body)
        if not self.slug:
            self.slug = unique_slug(Article, self.title, exclude_pk=self.pk)
        super().save(*args, **kwargs)


class Statement(models.Model):
    class Kind(models.TextChoices):
        DIRECT = "direct", "Direct quote"
        INDIRECT = "indirect", "Indirect"
        MIXED = "mixed", "Mixed"

    class Stance(models.TextChoices):
        CONFIRMS_CONTACT = "confirms_contact", "Confirms contact"
        DENIES_CONTACT = "denies_contact", "Denies contact"
        CALLS_FOR_TALKS = "calls_for_talks", "Calls for talks"
        REJECTS_TALKS = "rejects_talks", "Rejects talks"
        SETS_CONDITIONS = "sets_conditions", "Sets conditions"
        OTHER = "other", "Other"

    class Precision(models.TextChoices):
        DAY = "day", "Day"
        MONTH = "month", "Month"
        YEAR = "year", "Year"
        UNKNOWN = "unknown", "Unknown"

    # no index of their own for article, speaker and channel: statement_unique_span, statement_speaker and the
    # channel index below start with them, and every index is written again for each imported statement
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="statements", db_index=False)
    speaker = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="statements", db_index=False)
    mention = models.CharField(max_length=300, blank=True, help_text="The words naming the speaker here")
    content = models.TextField()
    content_start = models.PositiveIntegerField()
    content_end = models.PositiveIntegerField()
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.INDIRECT)
    cue = models.CharField(max_length=100, blank=True)
    said_on = models.DateField(null=True, blank=True)
    said_on_precision = models.CharField(max_length=10, choices=Precision.choices, default=Precision.UNKNOWN)
    said_on_text = models.CharField(max_length=100, blank=True, help_text='As the article puts it: "Wednesday"')
    reported_via = models.ForeignKey(
        Actor, null=True, blank=True, on_delete=models.SET_NULL, related_name="relayed_statements"
    )
    venue = models.CharField(max_length=300, blank=True)
    channel = models.ForeignKey(
        Channel, null=True, blank=True, on_delete=models.SET_NULL, related_name="statements", db_index=False
    )
    stance = models.CharField(max_length=20, choices=Stance.choices, default=Stance.OTHER)
    confidence = models.FloatField(default=0.5)
    reviewed = models.BooleanField(default=False, help_text="An editor checked it; re-extraction leaves it alone")
    edited = models.BooleanField(default=False, editable=False, help_text="Changed by an editor")
    created_at = models.DateTimeField(auto_now_add=True)
    # statement words (A), speaker's name (B), article title (C), and the filter lexemes 'stance=…', 'kind=…',
    # 'country=…', 'outlet=…': kept by database triggers (migrations 0002, 0004, 0006)
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        ordering = ["article_id", "content_start"]
        indexes = [
            GinIndex(fields=["search_vector"], name="statement_search"),
            # the newest-first order of the lists (querying.NEWEST): read in order, stop after a page
            models.Index(F("said_on").desc(nulls_last=True), F("id").desc(), name="statement_newest"),
            # with the facets' columns: a busy speaker's sample for the facets (speaker=X&stance=Y) is read
            # from the index alone, 8 ms instead of 80 ms for a bitmap of 95,000 rows AND 118,000 (finding 3)
            models.Index(
                fields=["speaker", "said_on"],
                include=["stance", "kind", "channel", "article"],
                name="statement_speaker",
            ),
            # stance too: the channel page's chart counts by day and stance from the index alone (finding 6)
            models.Index(fields=["channel", "said_on", "stance"]),
            models.Index(fields=["said_on"]),
            models.Index(fields=["stance"]),
            models.Index(fields=["kind"]),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(content_end__gt=F("content_start")), name="statement_offsets_ordered"),
            models.CheckConstraint(
                condition=Q(confidence__gte=0) & Q(confidence__lte=1), name="statement_confidence_range"
            ),
            models.UniqueConstraint(fields=["article", "content_start", "content_end"], name="statement_unique_span"),
        ]

    def __str__(self):
        return f"{self.speaker}: {self.content[:60]}"

    def get_absolute_url(self):
        return reverse("statement_detail", args=[self.pk])

    @property
    def is_locked(self) -> bool:
        """Re-extraction must not touch what an editor has reviewed or changed."""
        return self.reviewed or self.edited


def merge_actors(keep: Actor, others) -> int:
    """Fold duplicate actors into `keep`: their statements, channels and names move over, and every name
    they went by becomes an alias of `keep`, so later imports find `keep`. Returns how many were merged."""
    from django.db import transaction

    merged = 0
    with transaction.atomic():
        for other in others:
            if other.pk == keep.pk:
                continue
            Statement.objects.filter(speaker=other).update(speaker=keep)
            Statement.objects.filter(reported_via=other).update(reported_via=keep)
            for channel in other.channels.all():
                channel.parties.add(keep)
            names = [other.name, *other.aliases.values_list("name", flat=True)]
            other.delete()
            for name in names:
                Alias.objects.get_or_create(key=normalise_name(name), defaults={"actor": keep, "name": name})
            for field in ("country", "role"):
                if not getattr(keep, field) and getattr(other, field):
                    setattr(keep, field, getattr(other, field))
            keep.save()
            merged += 1
    return merged
