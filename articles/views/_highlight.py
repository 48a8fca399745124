"""An article's body as HTML paragraphs with every statement marked and linked.

Each statement becomes `<mark id="s<id>">` around body[content_start:content_end], followed by a small link
to its speaker and its statement page. Statements may nest or cross one another and may run over a paragraph
break; the marks always stay well nested: a mark that must close while another one is still open inside it
closes that one too and reopens it as a continuation (without the id, which stays unique).
"""

import re
from dataclasses import dataclass

from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")


@dataclass
class Paragraph:
    start: int
    end: int


def paragraphs(body: str) -> list[Paragraph]:
    """Paragraph spans of the body, split on blank lines, leading and trailing white space left out."""
    spans, start = [], 0
    for match in PARAGRAPH_BREAK.finditer(body):
        spans.append(Paragraph(start, match.start()))
        start = match.end()
    spans.append(Paragraph(start, len(body)))
    result = []
    for span in spans:
        text = body[span.start : span.end]
        stripped = text.strip()
        if stripped:
            lead = len(text) - len(text.lstrip())
            result.append(Paragraph(span.start + lead, span.start + lead + len(stripped)))
    return result


def _visible_span(start: int, end: int, spans: list[Paragraph]) -> tuple[int, int] | None:
    """The statement's span trimmed to paragraph text: white space between paragraphs is never marked."""
    if not spans or start >= end:
        return None
    for paragraph in spans:
        if start < paragraph.end:
            start = max(start, paragraph.start)
            break
    else:
        return None
    for paragraph in reversed(spans):
        if end > paragraph.start:
            end = min(end, paragraph.end)
            break
    else:
        return None
    return (start, end) if start < end else None


def _open_tag(statement, first: bool) -> str:
    label = f"{statement.get_stance_display()}, {statement.get_kind_display().lower()}"
    if first:
        return format_html(
            '<mark id="s{}" class="stmt" data-stance="{}" data-statement="{}" title="{}: {}">',
            statement.pk, statement.stance, statement.pk, statement.speaker.name, label,
        )
    return format_html(
        '<mark class="stmt stmt-continued" data-stance="{}" data-statement="{}">', statement.stance, statement.pk
    )


def _tag_after(statement) -> str:
    """What follows a statement's last character: who said it, and where to read more about it."""
    return format_html(
        '<span class="stmt-tag">'
        '<a class="speaker-link" href="{}">{}</a> '
        '<a class="stmt-link" href="{}" aria-label="Statement by {}: details">details</a>'
        "</span>",
        statement.speaker.get_absolute_url(), statement.speaker.name,
        reverse("statement_detail", args=[statement.pk]), statement.speaker.name,
    )


def highlighted_paragraphs(body: str, statements) -> list[SafeString]:
    """The body's paragraphs as safe HTML (the inside of each <p>), with the statements marked."""
    spans = paragraphs(body)
    visible = []
    for statement in statements:
        span = _visible_span(statement.content_start, statement.content_end, spans)
        if span:
            visible.append((span, statement))
    visible.sort(key=lambda item: (item[0][0], -item[0][1], item[1].pk))
    # positions where a statement opens or closes, in body order
    starts: dict[int, list] = {}
    ends: dict[int, list] = {}
    for (start, end), statement in visible:
        starts.setdefault(start, []).append(statement)
        ends.setdefault(end, []).append(statement)

    opened_once: set[int] = set()
    stack: list = []  # the marks open now, outermost first
    html_paragraphs = []
    for paragraph in spans:
        parts: list[str] = []
        # statements still open from the previous paragraph continue here
        for statement in stack:
            parts.append(_open_tag(statement, first=False))
        cuts = sorted(
            {paragraph.start, paragraph.end}
            | {p for p in starts if paragraph.start < p < paragraph.end}
            | {p for p in ends if paragraph.start < p <= paragraph.end}
        )
        position = paragraph.start
        for cut in cuts:
            if cut > position:
                parts.append(escape(body[position:cut]))
                position = cut
            # close what ends here, innermost first; a mark above one that ends closes and reopens
            closing = {s.pk for s in ends.get(cut, [])}
            if closing & {s.pk for s in stack}:
                reopen = []
                while closing & {s.pk for s in stack}:
                    top = stack.pop()
                    parts.append("</mark>")
                    if top.pk in closing:
                        parts.append(_tag_after(top))
                    else:
                        reopen.append(top)
                for statement in reversed(reopen):
                    parts.append(_open_tag(statement, first=False))
                    stack.append(statement)
            if cut < paragraph.end:
                for statement in starts.get(cut, []):
                    parts.append(_open_tag(statement, first=statement.pk not in opened_once))
                    opened_once.add(statement.pk)
                    stack.append(statement)
        # a paragraph closes every mark still open; they reopen in the next one
        parts.extend("</mark>" for _ in stack)
        html_paragraphs.append(mark_safe("".join(parts)))
    return html_paragraphs
