"""The statement filters shared by the home page, the exports and the feed, and their validation.

Every filter is a URL parameter (links get shared, so the names are fixed). A value that makes no sense is
a form error naming the parameter and what it expects; the views answer those with 400, never 500.
An unknown speaker, channel or article slug is an error too ("no actor with slug …"): a shared link whose
actor has been merged away should say so rather than silently show nothing.
"""

import re

import django_filters
from django import forms
from django.contrib.postgres.search import SearchQuery, SearchQueryField
from django.db.models import Func, Q, Value

from articles.models import SEARCH_CONFIG, Actor, Article, Channel, Statement

SORT_CHOICES = [
    ("relevance", "Relevance"),
    ("newest", "Newest first"),
    ("oldest", "Oldest first"),
]
MAX_QUERY_LENGTH = 500
MAX_REPEATS = 20  # speaker=…&speaker=…: more than this is not a person using the page
COUNTRY_CODE = re.compile(r"^[A-Za-z]{2}$")
SLUG = re.compile(r"^[-a-zA-Z0-9_]+$")

# What each parameter expects, for the 400 page.
EXPECTED = {
    "q": f"search words (phrases in quotes, OR, -word), at most {MAX_QUERY_LENGTH} characters",
    "speaker": "an actor's slug, as in /actors/<slug>/ (may repeat)",
    "country": "a two-letter ISO 3166 country code such as RU or US (may repeat)",
    "channel": "a channel's slug, as in /channels/<slug>/",
    "stance": "one of " + ", ".join(value for value, _ in Statement.Stance.choices),
    "kind": "one of " + ", ".join(value for value, _ in Statement.Kind.choices),
    "said_from": "a date as YYYY-MM-DD",
    "said_to": "a date as YYYY-MM-DD",
    "outlet": "an outlet's name as shown on the page",
    "article": "an article's slug, as in /articles/<slug>/",
    "sort": "one of " + ", ".join(value for value, _ in SORT_CHOICES),
    "page": "a page number: a whole number from 1",
}


def search_query(text: str) -> SearchQuery:
    """Web-search syntax: "exact phrase", either OR other, -excluded."""
    return SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)


class FilterLexemes(SearchQuery):
    """Matches statements with one of the filter lexemes 'stance=…', 'kind=…', 'country=…', 'outlet=…' that
    the database keeps in their search vector (migration 0006), e.g. 'country=RU' | 'country=US'. With a
    search, `search_vector @@ words AND search_vector @@ this` is one scan of the search index, instead of
    reading every statement that has the words to join its speaker or article (docs/benchmarks.md, 2)."""

    template = "%(expressions)s::tsquery"

    def __init__(self, name: str, values):
        # tsquery syntax: each lexeme quoted, a quote doubled and a backslash escaped inside
        quoted = ("'" + f"{name}={value}".replace("\\", "\\\\").replace("'", "''") + "'" for value in values)
        Func.__init__(self, Value(" | ".join(quoted)), output_field=SearchQueryField())
        self.config, self.invert = None, False


class MultipleValueField(forms.Field):
    """A parameter that may repeat (?country=RU&country=US); cleans to a list of distinct strings."""

    widget = forms.MultipleHiddenInput

    def __init__(self, *, pattern=None, normalise=str, invalid_message="", **kwargs):
        self.pattern = pattern
        self.normalise = normalise
        self.invalid_message = invalid_message
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value):
        if not value:
            return []
        if isinstance(value, str):
            value = [value]
        values = []
        for item in value:
            item = item.strip()
            if not item:
                continue
            if self.pattern and not self.pattern.match(item):
                raise forms.ValidationError(self.invalid_message, params={"value": item})
            item = self.normalise(item)
            if item not in values:
                values.append(item)
        if len(values) > MAX_REPEATS:
            raise forms.ValidationError(f"at most {MAX_REPEATS} values")
        return values


class ActorSlugsField(MultipleValueField):
    """Speaker slugs, checked against the archive in one query; cleans to a list of Actors in URL order."""

    def to_python(self, value):
        slugs = super().to_python(value)
        if not slugs:
            return []
        found = {actor.slug: actor for actor in Actor.objects.filter(slug__in=slugs)}
        missing = [slug for slug in slugs if slug not in found]
        if missing:
            raise forms.ValidationError(
                [forms.ValidationError("no actor with slug “%(value)s”", params={"value": slug}) for slug in missing]
            )
        return [found[slug] for slug in slugs]


class MultipleValueFilter(django_filters.Filter):
    field_class = MultipleValueField


class ActorSlugsFilter(django_filters.Filter):
    field_class = ActorSlugsField


class StatementFilterForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        said_from, said_to = cleaned.get("said_from"), cleaned.get("said_to")
        if said_from and said_to and said_from > said_to:
            self.add_error("said_to", "said_to is before said_from; swap them")
        return cleaned


def slug_model_filter(model, noun):
    return django_filters.ModelChoiceFilter(
        queryset=model.objects.all(),
        to_field_name="slug",
        method="filter_by_object",
        error_messages={"invalid_choice": f"no {noun} with slug “%(value)s”"},
    )


class StatementFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_search", max_length=MAX_QUERY_LENGTH, strip=True)
    speaker = ActorSlugsFilter(
        method="filter_speaker",
        pattern=SLUG,
        normalise=str.lower,  # slugs are lower case; a hand-typed ?speaker=White-House still works
        invalid_message="“%(value)s” is not an actor slug",
    )
    country = MultipleValueFilter(
        method="filter_country",
        pattern=COUNTRY_CODE,
        normalise=str.upper,
        invalid_message="“%(value)s” is not a two-letter country code",
    )
    channel = slug_model_filter(Channel, "channel")
    stance = django_filters.ChoiceFilter(
        choices=Statement.Stance.choices,
        method="filter_by_value",
        error_messages={"invalid_choice": "“%(value)s” is not a stance"},
    )
    kind = django_filters.ChoiceFilter(
        choices=Statement.Kind.choices,
        method="filter_by_value",
        error_messages={"invalid_choice": "“%(value)s” is not a kind of statement"},
    )
    said_from = django_filters.DateFilter(
        field_name="said_on",
        method="filter_said_from",
        input_formats=["%Y-%m-%d"],
        error_messages={"invalid": "not a date"},
    )
    said_to = django_filters.DateFilter(
        field_name="said_on",
        lookup_expr="lte",
        input_formats=["%Y-%m-%d"],
        error_messages={"invalid": "not a date"},
    )
    outlet = django_filters.CharFilter(method="filter_outlet", max_length=200, strip=True)
    article = slug_model_filter(Article, "article")
    # sort only orders the results (articles.querying.order_statements); here it is validated
    sort = django_filters.ChoiceFilter(
        choices=SORT_CHOICES,
        method="keep",
        error_messages={"invalid_choice": "“%(value)s” is not a sort order"},
    )

    class Meta:
        model = Statement
        fields = []
        form = StatementFilterForm

    # --- filtering -----------------------------------------------------------------------------------------

    def filter_search(self, queryset, name, value):
        return queryset.filter(search_vector=search_query(value))

    def filter_said_from(self, queryset, name, day):
        """Said on or after `day`, counting a statement dated only to a month or a year when that period
        reaches `day` ("Nov 2022" still matches said_from=2022-11-15). Such dates are stored as the 1st of
        the month and 1 January, so each is one value of the said_on index, not a range to scan."""
        said = Q(said_on__gte=day)
        first_of_month, first_of_year = day.replace(day=1), day.replace(month=1, day=1)
        if first_of_month < day:
            said |= Q(said_on=first_of_month, said_on_precision=Statement.Precision.MONTH)
        if first_of_year < day:
            said |= Q(said_on=first_of_year, said_on_precision=Statement.Precision.YEAR)
            # implied by the above, but a plain lower bound that PostgreSQL pairs with said_to's upper bound to
            # estimate the range; inside the OR it multiplies the two as if independent and expects ~10x more
            # rows than match, which made it join all the articles to sort a few hundred statements
            said &= Q(said_on__gte=first_of_year)
        return queryset.filter(said)

    def filter_speaker(self, queryset, name, actors):
        return queryset.filter(speaker_id__in=[actor.id for actor in actors]) if actors else queryset

    # Stance, kind and country: with a search, as lexemes of the search vector (FilterLexemes), which the
    # search index answers together with the words; without one, as columns, which the newest-first index
    # walk filters as it goes. The outlet: always as a lexeme.

    @property
    def with_search(self) -> bool:
        return bool(self.form.cleaned_data.get("q"))

    def filter_by_value(self, queryset, name, value):
        if self.with_search:
            return queryset.filter(search_vector=FilterLexemes(name, [value]))
        return queryset.filter(**{name: value})

    def filter_country(self, queryset, name, codes):
        if not codes:
            return queryset
        if self.with_search:
            return queryset.filter(search_vector=FilterLexemes("country", codes))
        return queryset.filter(speaker__country__in=codes)

    def filter_outlet(self, queryset, name, outlet):
        # always as a lexeme: the column is the article's, and without a search the join cost more than the
        # search index's bitmap of the outlet (?outlet=Reuters at 1M statements: 86 -> 71 ms p50)
        return queryset.filter(search_vector=FilterLexemes("outlet", [outlet]))

    def filter_by_object(self, queryset, name, obj):
        return queryset.filter(**{f"{name}_id": obj.pk})

    def keep(self, queryset, name, value):
        return queryset

    # --- what the views need ---------------------------------------------------------------------------------

    def errors_by_parameter(self) -> list[dict]:
        """[{"parameter": "said_from", "problems": ["not a date"], "given": "2022-13-45", "expected": "..."}]"""
        problems = []
        for name, messages in self.form.errors.items():
            given = self.data.getlist(name) if hasattr(self.data, "getlist") else [self.data.get(name)]
            problems.append(
                {
                    "parameter": name,
                    "problems": list(messages),
                    "given": ", ".join(str(value) for value in given if value is not None),
                    "expected": EXPECTED.get(name, ""),
                }
            )
        return problems

    def queryset_without(self, *names):
        """The results with every filter applied except `names`: what a facet counts over."""
        queryset = self.queryset.all()
        for name, value in self.form.cleaned_data.items():
            if name not in names:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    @property
    def search_text(self) -> str:
        self.is_valid()  # validates once; cleaned_data exists from then on
        return self.form.cleaned_data.get("q") or ""

    @property
    def sort_order(self) -> str:
        """The requested order, or the default: relevance with a search, newest otherwise."""
        search_text = self.search_text
        sort = self.form.cleaned_data.get("sort") or ""
        if sort == "relevance" and not search_text:
            return "newest"
        return sort or ("relevance" if search_text else "newest")
