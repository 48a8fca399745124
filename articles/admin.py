import logging

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.views.main import ChangeList
from django.contrib.postgres.search import SearchQuery
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.template.response import TemplateResponse
from django.utils.functional import cached_property

from articles.ingest import Importer, relocate
from articles.models import SEARCH_CONFIG, Actor, Alias, Article, Channel, Statement, content_hash, merge_actors

logger = logging.getLogger(__name__)

admin.site.site_header = "Parley administration"
admin.site.site_title = "Parley admin"


class CappedPaginator(Paginator):
    """Counts at most cap + 1 rows: an exact count of a common word's matches takes a second at a million
    statements. Beyond the cap the list says "more than 10,000" (templates/admin/articles/)."""

    cap = 10_000

    @cached_property
    def count(self):
        return self.object_list.order_by()[: self.cap + 1].count()  # any cap + 1 rows: no need to sort them

    @property
    def capped(self) -> bool:
        return self.count > self.cap


class LeanChangeList(ChangeList):
    """The list columns never show a search vector or an article's body: don't fetch them."""

    def get_queryset(self, request, exclude_parameters=None):
        queryset = super().get_queryset(request, exclude_parameters)
        return queryset.defer(*self.model_admin.list_deferred)


class LargeTableMixin:
    """For the tables with millions of rows: capped counts, lean rows."""

    paginator = CappedPaginator
    show_full_result_count = False
    list_per_page = 50  # rendering a row of the changelist costs more than finding it
    list_deferred = ["search_vector"]

    def get_changelist(self, request, **kwargs):
        return LeanChangeList


class FullTextSearchMixin:
    """Admin search over the stored search vector: fast on millions of rows, and phrases/OR/-word work."""

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        query = SearchQuery(search_term, search_type="websearch", config=SEARCH_CONFIG)
        return queryset.filter(search_vector=query), False


class AliasInline(admin.TabularInline):
    model = Alias
    extra = 1
    fields = ["name"]


@admin.register(Actor)
class ActorAdmin(LargeTableMixin, admin.ModelAdmin):
    list_display = ["name", "kind", "country", "role"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "aliases__name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [AliasInline]
    actions = ["merge_selected"]
    list_deferred = []

    @admin.action(description="Merge selected actors into one")
    def merge_selected(self, request, queryset):
        actors = list(queryset.annotate(n=Count("statements")).order_by("-n", "pk"))
        if len(actors) < 2:
            self.message_user(request, "Select at least two actors to merge.", messages.WARNING)
            return None
        keep_id = request.POST.get("keep")
        if keep_id:
            keep = next((a for a in actors if str(a.pk) == keep_id), None)
            if keep is None:
                self.message_user(request, "Choose one of the selected actors to keep.", messages.ERROR)
                return None
            merged = merge_actors(keep, [a for a in actors if a.pk != keep.pk])
            self.message_user(request, f"Merged {merged} actors into {keep.name}; their names are now its aliases.")
            return None
        return TemplateResponse(
            request,
            "admin/articles/actor/merge_confirmation.html",
            {**self.admin_site.each_context(request), "title": "Merge actors", "actors": actors,
             "opts": self.model._meta, "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME},
        )


@admin.register(Channel)
class ChannelAdmin(admin.ModelAdmin):
    list_display = ["label", "key", "kind"]
    list_filter = ["kind"]
    search_fields = ["label", "key"]
    autocomplete_fields = ["parties"]
    prepopulated_fields = {"slug": ["key"]}


class StatementForm(forms.ModelForm):
    """An editor may correct the words of a statement: they must still be words of the article."""

    class Meta:
        model = Statement
        fields = [
            "speaker", "mention", "content", "kind", "cue", "said_on", "said_on_precision", "said_on_text",
            "reported_via", "venue", "channel", "stance", "confidence", "reviewed",
        ]
        widgets = {"content": forms.Textarea(attrs={"rows": 3, "cols": 60})}

    def clean(self):
        cleaned = super().clean()
        article = self.instance.article if self.instance.article_id else None
        content = cleaned.get("content")
        if article is None or not content or "content" not in self.changed_data:
            return cleaned
        start = article.body.find(content)
        if start < 0:
            raise forms.ValidationError({"content": "These words are not in the article's body; copy them from it."})
        self.instance.content_start, self.instance.content_end = start, start + len(content)
        return cleaned


def edits(statement_form) -> bool:
    """Whether an editor changed what a statement says (ticking "reviewed" alone is no edit)."""
    return bool(set(statement_form.changed_data) - {"reviewed"})


class StatementInline(admin.StackedInline):
    model = Statement
    form = StatementForm
    fk_name = "article"
    extra = 0
    # what a review needs; the rest is on each statement's own page (its change link): an article has a
    # dozen statements, and every widget is rendered for each
    fields = ["speaker", "content", "kind", "said_on", "channel", "stance", "reviewed", "edited"]
    autocomplete_fields = ["speaker", "channel"]
    readonly_fields = ["edited"]
    show_change_link = True
    classes = ["collapse"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("speaker", "reported_via", "channel")


class ArticleForm(forms.ModelForm):
    url = forms.URLField(max_length=1000, required=False, assume_scheme="https")

    class Meta:
        model = Article
        fields = ["title", "subtitle", "body", "authors", "outlet", "url", "published", "language"]
        widgets = {"body": forms.Textarea(attrs={"rows": 20, "cols": 90})}

    def clean(self):
        cleaned = super().clean()
        title, body = cleaned.get("title"), cleaned.get("body")
        if not title or not body:
            return cleaned
        body = body.replace("\r\n", "\n")
        cleaned["body"] = body
        same = Article.objects.filter(content_hash=content_hash(title, body)).exclude(pk=self.instance.pk).first()
        if same is not None:
            raise forms.ValidationError(f"This article is already in the archive: “{same.title}” ({same.slug}).")
        if self.instance.pk and "body" in self.changed_data:
            for kept in self.instance.statements.filter(Q(reviewed=True) | Q(edited=True)):
                if kept.content not in body:
                    raise forms.ValidationError(
                        {"body": f"An editor's statement is no longer in the text: “{kept.content[:80]}”. "
                                 "Keep its words, or delete the statement first."}
                    )
        return cleaned


@admin.register(Article)
class ArticleAdmin(LargeTableMixin, FullTextSearchMixin, admin.ModelAdmin):
    form = ArticleForm
    list_display = ["title", "outlet", "published", "source", "imported_at"]
    # a date hierarchy or a filter of all languages would read every matching row to list their values
    list_filter = ["source", ("published", admin.DateFieldListFilter)]
    list_deferred = ["body", "search_vector"]
    search_help_text = 'Full-text search: words, "a phrase", OR, -word'
    search_fields = ["title"]  # shows the box; FullTextSearchMixin does the searching
    readonly_fields = ["slug", "content_hash", "source", "source_name", "imported_at", "updated_at"]
    inlines = [StatementInline]
    actions = ["reextract_selected"]

    def get_fields(self, request, obj=None):
        fields = list(ArticleForm.Meta.fields)
        return fields if obj is None else fields + self.readonly_fields

    def save_model(self, request, obj, form, change):
        if not change:
            obj.source = Article.Source.ADMIN
        obj.save()

    def save_formset(self, request, form, formset, change):
        if formset.model is Statement:
            for statement_form in formset.forms:
                if statement_form.instance.pk and edits(statement_form):
                    statement_form.instance.edited = True
        super().save_formset(request, form, formset, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        article = form.instance
        if change and "body" not in form.changed_data and "title" not in form.changed_data:
            return
        try:
            for kept in article.statements.filter(Q(reviewed=True) | Q(edited=True)):
                relocate(kept, article.body)
            n = Importer().reextract(article)
        except Exception as exc:  # the article is saved; an engine failure must not lose the editor's text
            logger.exception("extraction failed for article %s", article.pk)
            self.message_user(request, f"The article is saved, but statements were not extracted: {exc}", messages.ERROR)
            return
        self.message_user(request, f"{n} statements extracted; review them below.", messages.SUCCESS)

    @admin.action(description="Re-extract statements (keeps reviewed and edited ones)")
    def reextract_selected(self, request, queryset):
        importer = Importer()
        total = sum(importer.reextract(article) for article in queryset)
        self.message_user(request, f"Re-extracted {queryset.count()} articles: {total} statements written.")


@admin.register(Statement)
class StatementAdmin(LargeTableMixin, FullTextSearchMixin, admin.ModelAdmin):
    form = StatementForm
    list_display = ["short_content", "speaker", "stance", "kind", "said_on", "channel", "reviewed"]
    list_filter = ["stance", "kind", "reviewed", "edited", "said_on_precision"]
    list_select_related = ["speaker", "channel"]
    search_fields = ["content"]
    search_help_text = 'Full-text search over words, speaker names and article titles: "a phrase", OR, -word'
    autocomplete_fields = ["speaker", "reported_via", "channel"]
    readonly_fields = ["article", "content_start", "content_end", "edited"]
    actions = ["mark_reviewed"]

    @admin.display(description="statement")
    def short_content(self, obj):
        return obj.content[:100] + ("…" if len(obj.content) > 100 else "")

    def save_model(self, request, obj, form, change):
        if change and edits(form):
            obj.edited = True
        obj.save()

    @admin.action(description="Mark as reviewed")
    def mark_reviewed(self, request, queryset):
        n = queryset.update(reviewed=True)
        self.message_user(request, f"{n} statements marked as reviewed.")
