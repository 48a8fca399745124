import json
import shutil

import pytest
from django.core.management import CommandError

from articles.models import Actor, Alias, Article, Channel, Statement
from tests.conftest import FIXTURES, SHARED, run_command


def row_counts():
    return [m.objects.count() for m in (Article, Statement, Actor, Alias, Channel)]


@pytest.mark.django_db
def test_import_fixtures_twice_reports_everything_unchanged():
    out, _ = run_command("import_articles", str(FIXTURES), "--no-progress")
    assert "2 imported" in out and "0 failed" in out
    counts = row_counts()
    out, _ = run_command("import_articles", str(FIXTURES), "--no-progress")
    assert "0 imported, 2 unchanged, 0 updated, 0 failed" in out
    assert row_counts() == counts


@pytest.mark.django_db
def test_a_bad_file_among_good_ones_fails_alone(tmp_path):
    for seed in FIXTURES.glob("*.txt"):
        shutil.copy(seed, tmp_path / seed.name)
    (tmp_path / "broken.txt").write_bytes(b"\xff\xfe\x00binary junk")
    (tmp_path / "empty.txt").write_text("")
    with pytest.raises(CommandError, match="2 of the inputs failed"):
        run_command("import_articles", str(tmp_path), "--no-progress")
    assert Article.objects.count() == 2


@pytest.mark.django_db
def test_failures_name_the_file_and_the_reason(tmp_path, capsys):
    bad = tmp_path / "bad-date.txt"
    bad.write_text("---\ntitle: Talks\npublished: 2022-13-45\n---\nThe minister said talks would resume.\n")
    from io import StringIO

    from django.core.management import call_command

    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_articles", str(bad), "--no-progress", stdout=StringIO(), stderr=err)
    assert "bad-date.txt" in err.getvalue() and "2022-13-45" in err.getvalue()
    assert Article.objects.count() == 0


def test_extract_prints_the_gold_metadata_of_the_seeds():
    gold_path = SHARED / "gold" / "seeds.json"
    if not gold_path.exists():
        pytest.skip("../shared/gold/seeds.json is not beside the project")
    gold = json.loads(gold_path.read_text())["articles"]
    out, _ = run_command("extract", *sorted(str(p) for p in FIXTURES.glob("*.txt")), "--format", "jsonl")
    records = {json.loads(line)["path"].rsplit("/", 1)[-1]: json.loads(line) for line in out.splitlines()}
    assert set(records) == set(gold)
    for name, expected in gold.items():
        got = records[name]
        assert got["title"] == expected["title"]
        assert got["subtitle"] == expected["subtitle"]
        assert got["authors"] == expected["authors"]
        assert got["published"] == expected["published"]
        assert got["statements"], f"no statements extracted from {name}"
        for st in got["statements"]:
            assert {"speaker", "content", "content_start", "content_end", "said_on", "channel", "stance"} <= set(st)


def test_extract_writes_benchmark_predictions(tmp_path):
    docs = tmp_path / "docs.jsonl"
    text = 'Talks on the border resumed. "We will not give up," the foreign minister said on Monday.'
    docs.write_text(json.dumps({"doc_id": "d1", "title": "Talks", "text": text}) + "\n")
    out_path = tmp_path / "pred.jsonl"
    run_command("extract", "--docs", str(docs), "--out", str(out_path))
    pred = json.loads(out_path.read_text())
    assert pred["doc_id"] == "d1"
    assert any("We will not give up" in st["content"] for st in pred["statements"])


@pytest.mark.django_db
def test_many_files_are_imported_with_engine_worker_processes(tmp_path):
    for n in range(40):
        (tmp_path / f"talks-{n:02d}.txt").write_text(
            f"---\ntitle: Envoys meet for round {n}\npublished: 2024-03-{n % 28 + 1:02d}\n---\n"
            f"The Turkish foreign minister said on Monday that round {n} of the talks would open in Istanbul.\n"
        )
    out, _ = run_command("import_articles", str(tmp_path), "--no-progress", "--workers", "2")
    assert "40 imported" in out and "0 failed" in out
    assert Article.objects.count() == 40
    assert Statement.objects.filter(cue="said").count() >= 40


@pytest.mark.django_db
def test_ensure_admin_makes_one_login_and_says_where_to_use_it():
    from django.contrib.auth import get_user_model

    out, _ = run_command("ensure_admin", "--site", "http://127.0.0.1:8765")
    assert "http://127.0.0.1:8765/admin/ as admin with password " in out
    password = out.split("with password ")[1].split()[0]
    assert get_user_model().objects.get(username="admin").check_password(password)
    out, _ = run_command("ensure_admin")
    assert "http://127.0.0.1:8000/admin/ as admin" in out and "password " not in out.split("(")[0]
    assert get_user_model().objects.filter(is_superuser=True).count() == 1
