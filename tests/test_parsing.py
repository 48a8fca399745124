"""Tests for articles.parsing: scraped text, front matter, JSON Lines, bad input, folders."""

import datetime as dt
import io
import json
import os
from pathlib import Path

import pytest

from articles.parsing import (
    NO_DATE_WARNING,
    ParsedArticle,
    ParseError,
    parse_bytes,
    parse_date_line,
    parse_jsonl,
    parse_text,
    read_sources,
)

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "fixtures"
GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold" / "seeds.json"
DATA = Path(__file__).resolve().parent / "data" / "parsing"

SEED_UNDATED = "000_ef4599ae907ec026.txt"
SEED_SCRAPED = "001_b8fe61adc522b7a7.txt"

# Lines of each seed that are metadata or page noise, not reporting. Every other line of the file
# must come out as a body paragraph, in order.
SEED_NON_BODY_LINES = {
    SEED_UNDATED: {
        "Still No Sign of Peace Talks Despite Increase in US-Russia Dialogue",
        "The Kremlin said Wednesday it's not interacting with the US about potential peace talks",
        "Author: Dave DeCamp",
        "Dave DeCamp is the news editor of Antiwar.com, follow him on Twitter @decampdave.",
    },
    SEED_SCRAPED: {
        "The United States confirms that it is holding talks with the Kremlin",
        "The United States has kept a low profile on possible communications with Russia over the Ukraine "
        "war because it believes that dialogue should be held between Moscow and Kyiv.",
        "Thomas Osborne",
        "08 November 2022 Tuesday 02:30",
        "8 Reads",
    },
}


def parse_seed(name: str) -> ParsedArticle:
    return parse_bytes((FIXTURES / name).read_bytes())


def gold_articles() -> dict:
    if not GOLD.exists():
        pytest.skip(f"gold file not found at {GOLD}")
    return json.loads(GOLD.read_text(encoding="utf-8"))["articles"]


# --- the seeds ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", [SEED_UNDATED, SEED_SCRAPED])
def test_seed_metadata_matches_gold(name):
    gold = gold_articles()[name]
    article = parse_seed(name)
    assert article.title == gold["title"]
    assert article.subtitle == gold["subtitle"]
    assert article.authors == gold["authors"]
    expected_date = dt.datetime.fromisoformat(gold["published"]) if gold["published"] else None
    assert article.published == expected_date


@pytest.mark.parametrize("name", [SEED_UNDATED, SEED_SCRAPED])
def test_seed_noise_is_not_in_body(name):
    article = parse_seed(name)
    for noise in gold_articles()[name]["not_in_body"]:
        assert noise not in article.body


@pytest.mark.parametrize("name", [SEED_UNDATED, SEED_SCRAPED])
def test_seed_keeps_every_reporting_paragraph(name):
    raw_lines = [line.strip() for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines()]
    reporting = [line for line in raw_lines if line and line not in SEED_NON_BODY_LINES[name]]
    assert parse_seed(name).body.split("\n\n") == reporting


def test_undated_seed_says_it_has_no_date():
    article = parse_seed(SEED_UNDATED)
    assert article.published is None
    assert NO_DATE_WARNING in article.warnings


def test_scraped_seed_date_is_naive_as_written_and_body_starts_with_reporting():
    article = parse_seed(SEED_SCRAPED)
    assert article.published == dt.datetime(2022, 11, 8, 2, 30)
    assert article.published.tzinfo is None
    assert article.warnings == []
    assert article.body.startswith("The United States has kept a low profile")
    assert "\n\nThe United States confirms" not in article.body


def test_seed_bio_without_the_author_line_is_still_dropped():
    # The same bio paragraph, but the "Author:" line before it is missing: the social handle gives it away.
    text = (FIXTURES / SEED_UNDATED).read_text(encoding="utf-8").replace("Author: Dave DeCamp\n\n", "")
    article = parse_text(text)
    assert article.authors == ["Dave DeCamp"]
    assert "@decampdave" not in article.body
    assert article.body.endswith("before negotiations could begin.")


# --- other scraped layouts ------------------------------------------------------------------------


def test_byline_and_date_on_one_line_with_counters_ads_and_bio():
    article = parse_bytes((DATA / "wire_pipe_byline.txt").read_bytes())
    assert article.title == "Turkey offers to host new round of grain corridor talks"
    assert article.subtitle == ""
    assert article.authors == ["Maria Kovalenko", "James O'Neill"]
    assert article.published == dt.datetime(2022, 11, 8, 14, 5, tzinfo=dt.timezone.utc)
    paragraphs = article.body.split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("Turkish officials said on Tuesday")
    assert paragraphs[2].startswith("A UN spokesman in Geneva declined")
    for noise in ("1,234 views", "Share this article", "Advertisement", "@mkovalenko_news"):
        assert noise not in article.body


def test_markdown_title_hard_wrapped_paragraphs_and_published_beats_updated():
    article = parse_bytes((DATA / "hard_wrapped.md").read_bytes())
    assert article.title == "Geneva consultations end without a joint statement"
    assert article.subtitle == "Diplomats describe two days of closed-door meetings as a test of good faith"
    cet = dt.timezone(dt.timedelta(hours=1))
    assert article.published == dt.datetime(2023, 3, 2, 18, 40, tzinfo=cet)
    paragraphs = article.body.split("\n\n")
    assert len(paragraphs) == 2
    assert "diplomats said, after two days of closed-door consultations" in paragraphs[0]
    assert "Updated" not in article.body


def test_one_sentence_lead_ending_with_full_stop_stays_in_body():
    text = (
        "Envoy says back-channel to Moscow remains open\n\n"
        "The envoy said on Monday that a back-channel with Moscow was still open.\n\n"
        "He declined to say who took part in the contacts or where they took place.\n"
    )
    article = parse_text(text)
    assert article.subtitle == ""
    assert article.body.startswith("The envoy said on Monday")


def test_trailing_copyright_line_is_dropped_and_by_sunday_is_not_a_byline():
    text = (
        "Ceasefire deadline set for the weekend\n"
        "By Sunday\n\n"
        "Mediators said both sides had agreed to respond to the proposal by the weekend.\n\n"
        "© 2022 Example Wire. All rights reserved.\n"
    )
    article = parse_text(text)
    assert article.authors == []
    assert article.subtitle == "By Sunday"  # kept as a standfirst, not taken for a writer's name
    assert article.body == "Mediators said both sides had agreed to respond to the proposal by the weekend."


def test_last_paragraph_about_a_newsmaker_is_not_mistaken_for_a_bio():
    text = (
        "UN chief urges both sides to return to the table\n\n"
        "The UN secretary-general on Friday urged both governments to resume talks.\n\n"
        "Antonio Guterres is the ninth secretary-general of the United Nations and has "
        "repeatedly offered to mediate.\n"
    )
    article = parse_text(text)
    assert article.authors == []
    assert article.body.endswith("has repeatedly offered to mediate.")


def test_byline_section_label_is_not_an_author():
    text = "Ceasefire talks stall in Doha\nWorld News\n\nMediators in Doha said on Sunday that talks had stalled.\n"
    article = parse_text(text)
    assert article.authors == []


def test_rubric_line_ending_with_full_stop_is_not_an_author():
    text = "Economic Scene.\n\nWhy sanctions talks keep stalling\n\nEconomists in Brussels said on Monday that talks had stalled.\n"
    article = parse_text(text)
    assert article.authors == []


def test_impossible_date_line_is_dropped_with_a_warning_not_invented():
    text = "Talks resume in Vienna\nBy Jane Roe\nFebruary 30, 2023 14:05 GMT+99\n\nNegotiators returned to Vienna.\n"
    article = parse_text(text)
    assert article.published is None
    assert any("February 30" in warning for warning in article.warnings)
    assert article.body == "Negotiators returned to Vienna."


@pytest.mark.parametrize(
    "date_line, expected",
    [
        ("08 November 2022 Tuesday 02:30", dt.datetime(2022, 11, 8, 2, 30)),
        ("November 8, 2022", dt.datetime(2022, 11, 8)),
        ("2022-11-08T02:30:00Z", dt.datetime(2022, 11, 8, 2, 30, tzinfo=dt.timezone.utc)),
        ("Tue, 8 Nov 2022 14:05 GMT", dt.datetime(2022, 11, 8, 14, 5, tzinfo=dt.timezone.utc)),
        ("Published: 8 November 2022", dt.datetime(2022, 11, 8)),
        ("Published on Nov. 8, 2022 at 2:30 p.m.", dt.datetime(2022, 11, 8, 14, 30)),
        ("Tuesday, November 8th, 2022", dt.datetime(2022, 11, 8)),
        ("08.11.2022 14:05", dt.datetime(2022, 11, 8, 14, 5)),
        ("2022-11-08 17:05 +03:00", dt.datetime(2022, 11, 8, 17, 5, tzinfo=dt.timezone(dt.timedelta(hours=3)))),
        ("8 November 2022, 17:05 MSK", dt.datetime(2022, 11, 8, 17, 5, tzinfo=dt.timezone(dt.timedelta(hours=3)))),
    ],
)
def test_date_line_formats_in_an_article(date_line, expected):
    text = (
        "Ankara offers to mediate between Moscow and Kyiv\n\n"
        "By Jane Roe\n"
        f"{date_line}\n\n"
        "Turkey's foreign minister said on Tuesday that Ankara was ready to host talks.\n"
    )
    article = parse_text(text)
    assert article.published == expected
    assert article.authors == ["Jane Roe"]
    assert article.body == "Turkey's foreign minister said on Tuesday that Ankara was ready to host talks."
    assert NO_DATE_WARNING not in article.warnings


@pytest.mark.parametrize(
    "line", ["8 Reads", "Thomas Osborne", "November 2022", "The talks began on May 5, 2023 in Istanbul"]
)
def test_lines_that_are_not_dates(line):
    assert parse_date_line(line) is None


def test_ambiguous_numeric_date_is_left_empty_with_a_warning():
    text = "Talks resume in Vienna\n08/11/2022\n\nNegotiators returned to Vienna on Tuesday.\n"
    article = parse_text(text)
    assert article.published is None
    assert any("day/month" in warning for warning in article.warnings)
    assert "08/11/2022" not in article.body


# --- front matter --------------------------------------------------------------------------------


def test_front_matter_states_metadata_exactly():
    article = parse_bytes((DATA / "front_matter.md").read_bytes())
    assert article.title == "Kremlin: no contacts with Washington on a ceasefire"
    assert article.subtitle == "Moscow denies a newspaper report of a new back-channel"
    assert article.authors == ["Maria Kovalenko", "James O'Neill"]
    assert article.published == dt.datetime(2023, 3, 2, 9, 15, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    assert article.url == "https://example.org/news/kremlin-no-contacts"
    assert article.outlet == "Example Wire"
    assert article.language == "en"
    assert article.warnings == []
    # The repeated "# title" heading is not body; everything after it is.
    paragraphs = article.body.split("\n\n")
    assert paragraphs[0].startswith("The Kremlin said on Thursday")
    assert paragraphs[1].startswith("A Kremlin spokesman told reporters")


def test_front_matter_yaml_block_list_and_date_only():
    text = (
        "---\n"
        "title: Black Sea grain deal extended\n"
        "authors:\n"
        "  - Jane Roe\n"
        "  - John Smith\n"
        "published: 2022-11-17\n"
        "language: EN\n"
        "---\n"
        "The grain export deal was extended by 120 days, Turkey's president said.\n"
    )
    article = parse_text(text)
    assert article.authors == ["Jane Roe", "John Smith"]
    assert article.published == dt.datetime(2022, 11, 17)
    assert article.language == "en"


def test_front_matter_bad_date_names_field_and_value():
    with pytest.raises(ParseError, match=r"'published'.*'2022-13-45'"):
        parse_bytes((DATA / "front_matter_bad_date.md").read_bytes())


def test_front_matter_unknown_key_is_an_error_naming_the_key():
    text = "---\ntitle: Talks in Riyadh\nauthros: Jane Roe\n---\nDelegations met in Riyadh on Sunday.\n"
    with pytest.raises(ParseError, match="'authros'"):
        parse_text(text)


def test_front_matter_without_closing_fence_or_title_or_body():
    with pytest.raises(ParseError, match="closing '---'"):
        parse_text("---\ntitle: Talks in Riyadh\nDelegations met in Riyadh on Sunday.\n")
    with pytest.raises(ParseError, match="no title"):
        parse_text("---\noutlet: Example Wire\n---\nDelegations met in Riyadh on Sunday.\n")
    with pytest.raises(ParseError, match="no body"):
        parse_text("---\ntitle: Talks in Riyadh\n---\n\n")


def test_front_matter_undated_article_warns():
    article = parse_text("---\ntitle: Talks in Riyadh\n---\nDelegations met in Riyadh on Sunday.\n")
    assert article.published is None
    assert article.warnings == [NO_DATE_WARNING]


# --- JSON Lines ----------------------------------------------------------------------------------


def test_jsonl_good_and_bad_lines_are_reported_separately():
    with open(DATA / "bulk.jsonl", "rb") as handle:
        results = dict(parse_jsonl(handle))
    assert sorted(results) == [1, 3, 4, 5, 6, 7]  # line 2 is blank

    first = results[1]
    assert isinstance(first, ParsedArticle)
    assert first.title == "NATO allies split over timing of talks"
    assert first.body.split("\n\n")[1] == 'One diplomat said there was "no consensus" on when talks should begin.'
    assert first.published == dt.datetime(2022, 11, 9, 18, 0, tzinfo=dt.timezone.utc)
    assert first.authors == ["Jane Roe"]

    second = results[3]
    assert second.body.startswith("The UN envoy arrived in Moscow")  # "text" works as well as "body"
    assert second.authors == ["Jane Roe", "John Smith"]

    assert isinstance(results[4], ParseError) and "no body" in str(results[4])
    assert isinstance(results[5], ParseError) and "not valid JSON" in str(results[5])
    assert isinstance(results[6], ParseError) and "'2022-02-30'" in str(results[6])
    assert isinstance(results[7], ParsedArticle) and NO_DATE_WARNING in results[7].warnings


def test_jsonl_accepts_text_lines_and_rejects_non_objects_and_missing_title():
    lines = [
        '["not", "an", "object"]\n',
        '{"body": "A body without a headline."}\n',
        '{"title": "Envoy in Tehran", "body": "The envoy met officials.", "authors": 3}\n',
        b'{"title": "Envoy in Tehran", "body": "Bad byte \xff here"}\n',
        '{"title": " ", "body": "A headline of spaces."}\n',
    ]
    results = dict(parse_jsonl(lines))
    assert "JSON object" in str(results[1])
    assert "has no 'title'" in str(results[2])
    assert "authors" in str(results[3])
    assert "not valid UTF-8" in str(results[4])
    assert "'title' is empty" in str(results[5])


# --- malformed files -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty"),
        (b"  \n\n\t\n", "only whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"Talks in Doha\n\nMediators said talks \xffstalled.", r"not valid UTF-8 \(byte 0xff at offset 36\)"),
        (b"November 8, 2022\n\nMediators said talks had stalled.", "no title"),
        (
            b"Mediators from Qatar and Egypt said on Sunday that the latest round of ceasefire talks had stalled "
            b"over the sequencing of prisoner releases, with both delegations leaving Doha without agreeing a date "
            b"to return, and diplomats briefed on the talks said the gap on the withdrawal timetable remained wide "
            b"despite a week of shuttle diplomacy.\n\nA further meeting is expected next month.",
            "no title",
        ),
        (b"Talks in Doha\n\n8 Reads\n", "no body"),
    ],
)
def test_malformed_files_raise_a_clear_parse_error(data, reason):
    with pytest.raises(ParseError, match=reason):
        parse_bytes(data)


def test_bom_and_windows_line_endings_are_accepted():
    data = b"\xef\xbb\xbfTalks in Doha\r\n\r\nMediators said on Sunday that talks had stalled.\r\n"
    article = parse_bytes(data)
    assert article.title == "Talks in Doha"
    assert article.body == "Mediators said on Sunday that talks had stalled."


# --- reading files and folders ---------------------------------------------------------------------


def test_read_sources_over_a_folder_reports_good_and_bad_files(tmp_path):
    (tmp_path / "a_good.txt").write_bytes((FIXTURES / SEED_SCRAPED).read_bytes())
    (tmp_path / "b_bad.txt").write_bytes(b"Talks in Doha\n\nBad \xff byte.")
    nested = tmp_path / "more"
    nested.mkdir()
    (nested / "bulk.jsonl").write_bytes((DATA / "bulk.jsonl").read_bytes())
    (tmp_path / "notes.html").write_text("<p>not an article file</p>")

    results = list(read_sources([str(tmp_path)]))
    names = [name for name, _ in results]
    assert names[:2] == [str(tmp_path / "a_good.txt"), str(tmp_path / "b_bad.txt")]
    assert names[2] == f"{nested / 'bulk.jsonl'}:1"
    assert not any("notes.html" in name for name in names)

    good, bad = results[0][1], results[1][1]
    assert isinstance(good, ParsedArticle) and good.authors == ["Thomas Osborne"]
    assert isinstance(bad, ParseError) and "not valid UTF-8" in str(bad)


def test_read_sources_missing_path_and_empty_folder_do_not_crash(tmp_path):
    missing = str(tmp_path / "nope.txt")
    results = dict(read_sources([missing, str(tmp_path)]))
    assert "no such file" in str(results[missing])
    assert "no .txt, .md or .jsonl files" in str(results[str(tmp_path)])


def test_read_sources_reads_one_file_at_a_time(tmp_path):
    (tmp_path / "a.txt").write_text("Talks in Doha\n\nMediators said on Sunday that talks had stalled.\n")
    (tmp_path / "b.txt").write_text("Talks in Cairo\n\nMediators said on Monday that talks would resume.\n")
    sources = read_sources([str(tmp_path)])
    first_name, first = next(sources)
    assert first.title == "Talks in Doha"
    # b.txt has not been read yet: if it goes away now, it is reported, not a crash.
    os.remove(tmp_path / "b.txt")
    second_name, second = next(sources)
    assert second_name == str(tmp_path / "b.txt")
    assert isinstance(second, ParseError) and "cannot read" in str(second)


def test_read_sources_stdin_text_and_jsonl():
    text_stdin = io.StringIO("Talks in Doha\n\nMediators said on Sunday that talks had stalled.\n")
    [(name, article)] = list(read_sources(["-"], stdin=text_stdin))
    assert name == "<stdin>" and article.title == "Talks in Doha"

    jsonl_stdin = io.BytesIO(
        b'\n{"title": "Talks in Cairo", "body": "Mediators met in Cairo."}\n{"title": "No body"}\n'
    )
    results = list(read_sources(["-"], stdin=jsonl_stdin))
    assert [name for name, _ in results] == ["<stdin>:2", "<stdin>:3"]
    assert results[0][1].title == "Talks in Cairo"
    assert isinstance(results[1][1], ParseError)
