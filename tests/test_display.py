"""articles.display: a result line's HTML built in Python is the HTML the list template used to render."""

import pytest
from django.template import Context, Template

from articles import display, querying
from articles.models import Statement
from tests.factories import make_actor, make_article, make_statement, talks_archive

pytestmark = pytest.mark.django_db

# templates/includes/statement_item.html, before its markup moved into display.item_html
TEMPLATE_PER_ROW = """{# One statement in a list. #}
<article class="statement" aria-labelledby="st{{ statement.pk }}-who">
  <blockquote class="quote"{% if statement.article.url %} cite="{{ statement.article.url }}"{% endif %}><p>{{ statement.words_html }}</p></blockquote>
  <p id="st{{ statement.pk }}-who">{% if show_speaker is not False %}<a class="who" href="{{ statement.speaker_url }}">{{ statement.speaker.name }}</a>{% if statement.speaker.role %}, <span class="muted">{{ statement.speaker.role }}</span>{% endif %}{% endif %}
    {% if statement.cue %}<span class="muted">{% if show_speaker is not False %}· {% endif %}{{ statement.cue }}</span>{% endif %}</p>
  <ul class="meta">
    <li>Said: {{ statement.said|default:"date unknown" }}</li>
    {% if statement.reported_differs %}<li>Reported: {{ statement.reported }}</li>{% endif %}
    {% if statement.channel_url %}<li>Channel: <a href="{{ statement.channel_url }}">{{ statement.channel.label }}</a></li>{% endif %}
    <li><span class="badge stance-{{ statement.stance }}">{{ statement.stance_label }}</span></li>
    <li>{{ statement.kind_label }}</li>
  </ul>
  <ul class="meta">
    <li>In <a href="{{ statement.article_place_url }}">{{ statement.article.title }}</a>{% if statement.article.outlet %} <span class="muted">({{ statement.article.outlet }})</span>{% endif %}</li>
    <li><a href="{{ statement.url }}">Statement details<span class="visually-hidden"> for {{ statement.speaker.name }}, {{ statement.said|default:"date unknown" }}</span></a></li>
  </ul>
</article>
"""


def shown(statements, **search):
    rows = list(querying.for_display(Statement.objects.filter(pk__in=[s.pk for s in statements]).order_by("pk")))
    querying.add_headlines(rows, search.get("q", ""))
    return display.decorate(rows)


def test_item_html_is_what_the_template_rendered_for_every_kind_of_line():
    archive = talks_archive()
    # markup in every field a line shows: it must come out escaped, as the template escaped it
    odd = make_actor('Anna <b>"Odd"</b> & Co', country="FR", role="envoy <i>ad interim</i>")
    article = make_article(
        "Talks & <script>alert(1)</script>",
        'Envoy Anna said the "talks" <b>would</b> resume & continue on Monday.',
        outlet="Le <Monde>",
        url="https://example.org/a?x=1&y=2",
    )
    odd_statement = make_statement(article, odd, 'the "talks" <b>would</b> resume & continue', cue="said <x>")
    statements = [*archive["statements"].values(), odd_statement]
    template = Template(TEMPLATE_PER_ROW)
    for rows in (shown(statements), shown(statements, q="talks OR negotiations")):
        assert len(rows) == len(statements)
        for statement in rows:
            for show_speaker in (True, False):
                expected = template.render(Context({"statement": statement, "show_speaker": show_speaker}))
                assert display.item_html(statement, show_speaker=show_speaker) == expected
    assert "&lt;b&gt;&quot;Odd&quot;&lt;/b&gt; &amp; Co" in display.item_html(shown([odd_statement])[0])
