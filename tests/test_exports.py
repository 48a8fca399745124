import csv
import io

from articles.exports import csv_cell, csv_lines


def test_a_cell_that_a_spreadsheet_would_run_as_a_formula_stays_text():
    assert csv_cell('=HYPERLINK("http://example.org","click")') == "'=HYPERLINK(\"http://example.org\",\"click\")"
    assert csv_cell("-1 for talks") == "'-1 for talks"
    assert csv_cell("@minister said so") == "'@minister said so"
    assert csv_cell("Talks will resume") == "Talks will resume"
    assert csv_cell(None) == ""
    assert csv_cell(42) == 42


def test_csv_lines_write_a_header_and_one_line_per_row():
    row = {name: None for name in ["id", "speaker", "speaker_slug", "speaker_country", "content", "kind", "cue",
                                   "said_on", "said_on_precision", "reported_via", "channel", "stance",
                                   "article_title", "article_url", "published", "url"]}
    row.update(id=7, speaker="Kremlin", content='=1+1 "quoted"', kind="direct")
    lines = list(csv_lines([row]))
    parsed = list(csv.reader(io.StringIO("".join(lines))))
    assert parsed[0][:3] == ["id", "speaker", "speaker_slug"]
    assert parsed[1][0] == "7" and parsed[1][1] == "Kremlin"
    assert parsed[1][4] == "'=1+1 \"quoted\""
