"""Layout of an article body: paragraphs, quotations, sentences and word tokens, all as offsets.

Everything here works on character offsets into the original body so that statements can point
back at the exact words.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from itertools import repeat
from typing import NamedTuple

from .gazetteer import trie_pattern

PARAGRAPH_RE = re.compile(r"[^\n]+")
# Words that end in a dot without ending the sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr sen rep gov gen lt col sgt capt adm cmdr st jr sr mt no vs inc co corp ltd
    jan feb mar apr jun jul aug sep sept oct nov dec ave prof rev gop maj brig""".split()
)


def _all_casings(word: str) -> set[str]:
    forms = {""}
    for char in word:
        forms = {f + c for f in forms for c in {char.lower(), char.upper()}}
    return forms


# Tokens: abbreviations with inner dots (U.S., U.N.), words with inner apostrophes or hyphens
# (Russia's, back-channel), and single punctuation marks. The abbreviations are one trie-shaped
# alternation (every casing spelled out): the regex engine then follows one branch per character,
# which makes tokenizing about three times faster than a case-insensitive list of words.
TOKEN_RE = re.compile(
    r"(?:[A-Za-z]\.){2,}"
    r"|(?:" + trie_pattern(sorted(set().union(*(_all_casings(w) for w in ABBREVIATIONS)))) + r")\.(?!\w)"
    r"|[A-Z]\.(?!\w)"
    r"|\w+(?:[’'\-]\w+)*"
    r"|[^\w\s]"
)
# A candidate sentence end: terminal punctuation, optional closing quotes/brackets, then blank
# space and something that can start a sentence.
SENTENCE_END_RE = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])")

QUOTE_CHAR_RE = re.compile("[“”\"]")
# after a quote that ends in a full stop, a bare attribution: ' Trump said.', ' Rubio added,'
TRAILING_ATTRIBUTION_RE = re.compile(
    r"\s+(?:(?:[A-Z][\w.'’\-]+ ){1,3}|(?:He|She|They) )"
    r"(?:said|says|added|adds|wrote|writes|tweeted|asked|asks|continued|remarked|explained|insisted|noted|told reporters)[.,]")


class Token(NamedTuple):
    """A word or punctuation mark. A named tuple: a sentence's tokens are built from its regex
    matches by C-level map() calls, with no Python code run per token."""

    text: str
    start: int
    end: int
    lower: str
    in_quote: bool = False


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int
    tokens: list[Token] = field(default_factory=list)


DOUBLE_APOSTROPHE_RE = re.compile(r"''")


def normalize_quotes(body: str) -> str:
    """Same-length copy of `body` where a doubled apostrophe ('') reads as a quotation mark.

    Some outlets write quotes as ''like this''; an opening pair becomes ' "', a closing pair '" '.
    """
    if "''" not in body:
        return body

    def repl(m: re.Match) -> str:
        nxt = body[m.end():m.end() + 1]
        return ' "' if nxt.isalnum() else '" '

    return DOUBLE_APOSTROPHE_RE.sub(repl, body)


def paragraphs(body: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty line, stripped of surrounding blanks."""
    spans = []
    for m in PARAGRAPH_RE.finditer(body):
        text = m.group()
        left = len(text) - len(text.lstrip())
        right = len(text.rstrip())
        if right > left:
            spans.append((m.start() + left, m.start() + right))
    return spans


def find_quotes(body: str, paras: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of quoted passages, quote marks included.

    A quote left open at the end of a paragraph runs to that paragraph's end (news style: the
    next paragraph reopens it).
    """
    quotes = []
    for p_start, p_end in paras:
        open_at = -1
        for qm in QUOTE_CHAR_RE.finditer(body, p_start, p_end):
            i = qm.start()
            ch = body[i]
            if open_at < 0:
                if ch == "”":
                    continue  # stray closing mark
                open_at = i
            elif ch == "“":
                if body[i - 1] in ",.?!" and (i + 1 >= p_end or body[i + 1].isspace()):
                    quotes.append((open_at, i + 1))  # '“... here,“ said': a closing mark typed as an opening one
                    open_at = -1
                    continue
                # a second opening mark: the first one was never closed; restart here
                open_at = i
            else:
                if ch == '"' and i + 1 < p_end and body[i + 1].isalnum() and body[i - 1] in " (":
                    # looks like an opening straight quote: the previous one was never closed
                    open_at = i
                    continue
                quotes.append((open_at, i + 1))
                open_at = -1
        if open_at >= 0 and p_end - open_at > 1:
            quotes.append((open_at, p_end))
    return quotes


def sentences(body: str, paras: list[tuple[int, int]], quotes: list[tuple[int, int]]) -> list[Sentence]:
    """Split paragraphs into sentences, never inside a quotation."""
    result = []
    q_index = 0
    for p_no, (p_start, p_end) in enumerate(paras):
        cut_points = [p_start]
        for m in SENTENCE_END_RE.finditer(body, p_start, p_end):
            end = m.end()
            # not inside a quote (a quote may end exactly here)
            while q_index < len(quotes) and quotes[q_index][1] <= m.start():
                q_index += 1
            inside = False
            for qs, qe in quotes[q_index:q_index + 3]:
                if qs < m.start() and end < qe:
                    inside = True
                    break
                if qs > end:
                    break
            if inside:
                continue
            if m.group()[-1] in "\"”" and TRAILING_ATTRIBUTION_RE.match(body, end):
                continue  # '"... are missing." Trump said.': the attribution belongs to the quote
            word = _word_before(body, m.start())
            if m.group()[0] == "." and (word.lower() in ABBREVIATIONS or (len(word) == 1 and word.isupper())):
                continue
            cut_points.append(end)
        cut_points.append(p_end)
        for a, b in zip(cut_points, cut_points[1:]):
            while a < b and body[a].isspace():
                a += 1
            if b > a:
                result.append(Sentence(a, b, p_no))
    return result


def _word_before(body: str, pos: int) -> str:
    i = pos
    while i > 0 and (body[i - 1].isalnum() or body[i - 1] == "."):
        i -= 1
    return body[i:pos].rstrip(".").split(".")[-1]


_MATCH = type(re.match("", ""))
_MATCH_GROUP, _MATCH_START, _MATCH_END = _MATCH.group, _MATCH.start, _MATCH.end
_NEW_TUPLE = tuple.__new__


def tokenize(body: str, sent: Sentence, quotes: list[tuple[int, int]]) -> list[Token]:
    """Word and punctuation tokens of a sentence, each marked when it lies inside a quotation."""
    k = bisect.bisect_left(quotes, (sent.start, -1))
    if k > 0 and quotes[k - 1][1] > sent.start:
        k -= 1
    relevant = []
    while k < len(quotes) and quotes[k][0] < sent.end:
        if quotes[k][1] > sent.start:
            relevant.append(quotes[k])
        k += 1
    if not relevant:
        matches = list(TOKEN_RE.finditer(body, sent.start, sent.end))
        texts = list(map(_MATCH_GROUP, matches))
        return list(map(_NEW_TUPLE, repeat(Token), zip(texts, map(_MATCH_START, matches), map(_MATCH_END, matches),
                                                          map(str.lower, texts), repeat(False))))
    tokens = []
    append = tokens.append
    # quotes as sorted (start, end); a token is inside one when it lies within its bounds
    q_iter = iter(relevant)
    q_start, q_end = next(q_iter)
    for m in TOKEN_RE.finditer(body, sent.start, sent.end):
        start, end = m.span()
        while start >= q_end:
            nxt = next(q_iter, None)
            if nxt is None:
                q_start = q_end = len(body) + 1
                break
            q_start, q_end = nxt
        text = m.group()
        append(_NEW_TUPLE(Token, (text, start, end, text.lower(), q_start <= start and end <= q_end)))
    return tokens
