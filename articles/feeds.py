"""Atom feeds: /feed/?<any filters of the home page> and /actors/<slug>/feed/ (newest 50 each)."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed

from articles import display, querying
from articles.models import Actor, Statement
from articles.views.statements import InvalidParameters, bad_request, validated_filters

FEED_SIZE = 50


class StatementFeed(Feed):
    """The newest statements matching the same filters as the home page."""

    feed_type = Atom1Feed
    subtitle = "Who said what about negotiations, newest first."

    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except InvalidParameters as error:
            return bad_request(request, error.problems)

    def get_object(self, request, *args, **kwargs):
        filterset, _ = validated_filters(request)
        return filterset

    def title(self, filterset):
        chosen = [str(value) for value in filterset.form.cleaned_data.values() if value not in (None, "", [])]
        return "Parley: statements" + (" (filtered)" if chosen else "")

    def link(self, filterset):
        # the feed instance serves every request: the query comes from the filterset, not from self
        query = filterset.data.urlencode()
        return "/" + ("?" + query if query else "")

    def statements(self, queryset):
        ordered = querying.order_statements(queryset, "newest")
        return display.decorate(querying.for_display(ordered)[:FEED_SIZE])

    def items(self, filterset):
        return self.statements(filterset.qs)

    def item_title(self, statement: Statement):
        words = statement.content if len(statement.content) <= 90 else statement.content[:89].rstrip() + "…"
        return f"{statement.speaker.name}: {words}"

    def item_description(self, statement: Statement):
        parts = [f"“{statement.content}”", f"{statement.speaker.name} {statement.cue or 'said'}"]
        if statement.said:
            parts.append(f"said {statement.said}")
        if statement.channel:
            parts.append(f"channel: {statement.channel.label}")
        parts.append(f"stance: {statement.get_stance_display()}")
        parts.append(f"in “{statement.article.title}”" + (f" ({statement.article.outlet})" if statement.article.outlet else ""))
        return " — ".join(parts)

    def item_link(self, statement: Statement):
        return statement.get_absolute_url()

    def item_pubdate(self, statement: Statement):
        return statement.article.published

    def item_updateddate(self, statement: Statement):
        return statement.article.published or statement.created_at

    def item_author_name(self, statement: Statement):
        return statement.speaker.name

    def item_categories(self, statement: Statement):
        categories = [statement.get_stance_display()]
        if statement.channel:
            categories.append(statement.channel.label)
        return categories


class ActorFeed(StatementFeed):
    """One actor's statements, newest first; an unknown slug is a 404."""

    def get_object(self, request, slug):
        return get_object_or_404(Actor, slug=slug)

    def title(self, actor):
        return f"Parley: statements by {actor.name}"

    def subtitle(self, actor):
        return actor.role or f"What {actor.name} said about negotiations."

    def link(self, actor):
        return actor.get_absolute_url()

    def items(self, actor):
        return self.statements(Statement.objects.filter(speaker=actor))
