"""How a statement reads on a page: its dates, labels and links, and the HTML of its line in a list.

The lists' lines are built here in Python rather than by a template per row: rendering 50 rows through the
template engine took 40-60 ms of every statements page at scale (docs/benchmarks.md, finding 4).
"""

import functools
import html

from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe

from articles.models import Statement

# ts_headline marks the matches with these; we escape the text, then turn them into <mark>.
# Private-use code points never occur in article text.
MARK_START = "\ue000"
MARK_STOP = "\ue001"


def marked_html(text: str) -> str:
    """HTML-escape a ts_headline result, then turn its sentinels into <mark> elements."""
    return mark_safe(escape(text).replace(MARK_START, "<mark>").replace(MARK_STOP, "</mark>"))


# --- how a statement's dates read --------------------------------------------------------------------------


def said_label(statement: Statement) -> str:
    """When it was said, at its precision: "7 Nov 2022", "Nov 2022", "2022", "Wednesday (article undated)"."""
    said_on, precision = statement.said_on, statement.said_on_precision
    if said_on is not None:
        if precision == Statement.Precision.MONTH:
            return said_on.strftime("%b %Y")
        if precision == Statement.Precision.YEAR:
            return said_on.strftime("%Y")
        return f"{said_on.day} {said_on.strftime('%b %Y')}"
    if statement.said_on_text:
        if statement.article.published is None:
            return f"{statement.said_on_text} (article undated)"
        return statement.said_on_text
    return ""


def reported_label(statement: Statement) -> str:
    """When the article was published, as a day; "" when undated."""
    published = statement.article.published
    if published is None:
        return ""
    return f"{published.day} {published.strftime('%b %Y')}"


def said_differs_from_reported(statement: Statement) -> bool:
    published = statement.article.published
    if published is None:
        return False
    if statement.said_on is None:
        return True
    if statement.said_on_precision == Statement.Precision.MONTH:
        return (statement.said_on.year, statement.said_on.month) != (published.year, published.month)
    if statement.said_on_precision == Statement.Precision.YEAR:
        return statement.said_on.year != published.year
    return statement.said_on != published.date()


def said_on_iso(said_on, precision: str) -> str | None:
    """ISO date at its precision: "2022-11-07", "2022-09", "2022"."""
    if said_on is None:
        return None
    if precision == Statement.Precision.MONTH:
        return said_on.strftime("%Y-%m")
    if precision == Statement.Precision.YEAR:
        return said_on.strftime("%Y")
    return said_on.isoformat()


URL_ARGUMENT = "9999999999"  # stands for the slug or id in a reversed URL, replaced per row


@functools.cache
def url_pattern(name: str) -> str:
    """reverse() once per URL name; the 50 rows of a page then fill in their slug or id."""
    return reverse(name, args=[URL_ARGUMENT])


def url_for(name: str, argument) -> str:
    return url_pattern(name).replace(URL_ARGUMENT, str(argument))


STANCE_LABELS = dict(Statement.Stance.choices)
KIND_LABELS = dict(Statement.Kind.choices)


def decorate(statements) -> list:
    """Give each statement of one page what a result line shows (Python work for one page only): words_html
    (search terms marked after add_headlines), said, reported, reported_differs, stance_label,
    kind_label, the links (url, speaker_url, article_place_url, channel_url), and the line's HTML:
    item_html() and item_html_without_speaker() (see item_html). Needs speaker, article and channel loaded
    (for_display)."""
    statements = list(statements)
    for statement in statements:
        headline = getattr(statement, "headline", None)
        statement.words_html = marked_html(headline) if headline else escape(statement.content)
        statement.said = said_label(statement)
        statement.reported = reported_label(statement)
        statement.reported_differs = said_differs_from_reported(statement)
        statement.stance_label = STANCE_LABELS.get(statement.stance, statement.stance)
        statement.kind_label = KIND_LABELS.get(statement.kind, statement.kind)
        statement.url = url_for("statement_detail", statement.pk)
        statement.speaker_url = url_for("actor_detail", statement.speaker.slug)
        statement.article_place_url = f"{url_for('article_detail', statement.article.slug)}#s{statement.pk}"
        statement.channel_url = url_for("channel_detail", statement.channel.slug) if statement.channel_id else ""
        # callables: a template calls the one it shows, when it shows it
        statement.item_html = functools.partial(item_html, statement)
        statement.item_html_without_speaker = functools.partial(item_html, statement, show_speaker=False)
    return statements


def escape_html(value) -> str:
    """conditional_escape() without its lazy-string wrapper, which cost more than the escaping itself
    (~1,000 values a page): HTML as is, anything else escaped exactly as django.utils.html.escape does."""
    return value.__html__() if hasattr(value, "__html__") else html.escape(str(value))


def item_html(statement: Statement, show_speaker: bool = True) -> str:
    """One statement in a list, as HTML (templates/includes/statement_item.html shows it). Built here rather
    than by a template per row: rendering 50 rows through the template engine took 40-60 ms of every
    statements page at scale (docs/benchmarks.md, finding 4). Needs a statement passed through decorate()."""
    e = escape_html
    speaker, article = statement.speaker, statement.article
    said = e(statement.said or "date unknown")
    cite = f' cite="{e(article.url)}"' if article.url else ""
    who = ""
    if show_speaker:
        who = f'<a class="who" href="{e(statement.speaker_url)}">{e(speaker.name)}</a>'
        if speaker.role:
            who += f', <span class="muted">{e(speaker.role)}</span>'
    cue = ""
    if statement.cue:
        cue = f'<span class="muted">{"· " if show_speaker else ""}{e(statement.cue)}</span>'
    reported = f"<li>Reported: {e(statement.reported)}</li>" if statement.reported_differs else ""
    channel = ""
    if statement.channel_url:
        channel = f'<li>Channel: <a href="{e(statement.channel_url)}">{e(statement.channel.label)}</a></li>'
    outlet = f' <span class="muted">({e(article.outlet)})</span>' if article.outlet else ""
    return mark_safe(
        f"""
<article class="statement" aria-labelledby="st{statement.pk}-who">
  <blockquote class="quote"{cite}><p>{e(statement.words_html)}</p></blockquote>
  <p id="st{statement.pk}-who">{who}
    {cue}</p>
  <ul class="meta">
    <li>Said: {said}</li>
    {reported}
    {channel}
    <li><span class="badge stance-{e(statement.stance)}">{e(statement.stance_label)}</span></li>
    <li>{e(statement.kind_label)}</li>
  </ul>
  <ul class="meta">
    <li>In <a href="{e(statement.article_place_url)}">{e(article.title)}</a>{outlet}</li>
    <li><a href="{e(statement.url)}">Statement details<span class="visually-hidden"> for {e(speaker.name)}, {said}</span></a></li>
  </ul>
</article>
"""
    )


# --- the statement page ------------------------------------------------------------------------------------


def paragraph_around(body: str, start: int, end: int) -> tuple[str, str, str]:
    """The paragraph(s) of body holding body[start:end], split into before, the words, after."""
    para_start = body.rfind("\n", 0, start) + 1
    para_end = body.find("\n", end)
    if para_end == -1:
        para_end = len(body)
    return body[para_start:start], body[start:end], body[end:para_end]
