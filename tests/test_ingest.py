import datetime as dt

import pytest
from django.contrib.postgres.search import SearchQuery
from django.db import IntegrityError, connection, transaction

from articles import extraction
from articles.ingest import Importer, IngestError, import_sources
from articles.models import Actor, Alias, Article, Statement, merge_actors
from articles.parsing import parse_text

TALKS = """Ceasefire talks resume in Geneva

Envoys met again on Thursday.

Published: 2024-03-14

Turkish Foreign Minister Hakan Fidan said on Wednesday that both delegations had agreed to meet in Istanbul next month.

"We are ready to host the next round," Fidan told reporters. The Kremlin said it had not received any invitation.
"""


def import_text(text, **kwargs):
    return Importer().import_article(parse_text(text), **kwargs)


@pytest.mark.django_db
def test_an_article_is_stored_with_its_statements_speakers_and_aliases():
    result = import_text(TALKS, source_name="talks.txt")
    assert result.status == "imported"
    article = result.article
    assert article.published == dt.datetime(2024, 3, 14, tzinfo=dt.timezone.utc)
    speakers = set(article.statements.values_list("speaker__name", flat=True))
    assert "Hakan Fidan" in speakers
    fidan = Actor.objects.get(name="Hakan Fidan")
    assert fidan.kind == "person"
    assert Alias.objects.filter(actor=fidan, key="fidan").exists()
    for st in article.statements.all():
        assert article.body[st.content_start : st.content_end] == st.content


@pytest.mark.django_db
def test_importing_the_same_article_again_changes_nothing():
    first = import_text(TALKS, source_name="talks.txt")
    counts = (Article.objects.count(), Statement.objects.count(), Actor.objects.count(), Alias.objects.count())
    again = import_text(TALKS, source_name="talks.txt")
    assert again.status == "unchanged" and again.article.pk == first.article.pk
    assert (Article.objects.count(), Statement.objects.count(), Actor.objects.count(), Alias.objects.count()) == counts


@pytest.mark.django_db
def test_an_edited_file_updates_the_article_and_keeps_reviewed_statements():
    article = import_text(TALKS, source_name="talks.txt").article
    kept = article.statements.filter(speaker__name="Hakan Fidan").first()
    kept.reviewed = True
    kept.save()
    changed = TALKS.replace("Envoys met again on Thursday.", "Envoys met again on Thursday in Geneva.")
    changed = changed.replace("The Kremlin said", "Separately, the Kremlin said")
    result = import_text(changed, source_name="talks.txt")
    assert result.status == "updated" and result.article.pk == article.pk
    kept.refresh_from_db()
    assert kept.reviewed and result.article.body[kept.content_start : kept.content_end] == kept.content
    assert Article.objects.count() == 1


@pytest.mark.django_db
def test_reextract_keeps_what_an_editor_changed():
    article = import_text(TALKS).article
    edited = article.statements.first()
    edited.stance = Statement.Stance.CALLS_FOR_TALKS
    edited.edited = True
    edited.save()
    before = article.statements.count()
    Importer().reextract(article)
    edited.refresh_from_db()
    assert edited.stance == Statement.Stance.CALLS_FOR_TALKS
    assert article.statements.count() == before


@pytest.mark.django_db
def test_a_merged_actor_is_found_by_its_old_name_in_later_imports():
    import_text(TALKS)
    fidan = Actor.objects.get(name="Hakan Fidan")
    duplicate = Actor.objects.create(name="H. Fidan", kind="person")
    merge_actors(fidan, [duplicate])
    later = TALKS.replace("Turkish Foreign Minister Hakan Fidan said", "H. Fidan said").replace("talks resume", "talks go on")
    result = import_text(later)
    assert not Actor.objects.filter(name="H. Fidan").exists()
    assert result.article.statements.filter(speaker=fidan).exists()


@pytest.mark.django_db
def test_the_database_refuses_a_statement_outside_its_article():
    article = import_text(TALKS).article
    speaker = Actor.objects.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        Statement.objects.create(article=article, speaker=speaker, content="x" * 10,
                                 content_start=len(article.body) - 2, content_end=len(article.body) + 8)
    with pytest.raises(IntegrityError), transaction.atomic():
        Statement.objects.create(article=article, speaker=speaker, content="not these words",
                                 content_start=0, content_end=15)


@pytest.mark.django_db
def test_statements_are_found_by_speaker_name_in_full_text_search():
    import_text(TALKS)
    found = Statement.objects.filter(search_vector=SearchQuery("Fidan", config="english"))
    assert found.exists()
    Actor.objects.filter(name="Hakan Fidan").update(name="Hakan Fidan Renamed")  # plain UPDATE: trigger keeps up
    assert Statement.objects.filter(search_vector=SearchQuery("renamed", config="english")).exists()


@pytest.mark.django_db
def test_a_failed_article_leaves_no_rows(monkeypatch):
    def broken(body, meta=None):
        raise IngestError("engine exploded")

    monkeypatch.setattr(extraction, "extract", broken)
    with pytest.raises(IngestError):
        import_text(TALKS)
    assert Article.objects.count() == 0 and Statement.objects.count() == 0


SECOND_ROUND = """Envoys meet again in Istanbul

Published: 2024-04-02

Fidan said on Tuesday that the talks had made progress. The Ukrainian foreign minister said Kyiv was ready to continue.
"""


def import_all(named_texts, **kwargs):
    sources = [(name, parse_text(text)) for name, text in named_texts]
    return list(import_sources(sources, Importer(), batch_size=8, **kwargs))


@pytest.mark.django_db
def test_articles_imported_together_share_their_actors():
    results = dict(import_all([("talks.txt", TALKS), ("round-two.txt", SECOND_ROUND)]))
    assert [r.status for r in results.values()] == ["imported", "imported"]
    fidan = Actor.objects.get(name="Hakan Fidan")
    # the surname alone, in the second article of the same batch, is the person named in the first
    assert results["round-two.txt"].article.statements.filter(speaker=fidan).exists()
    assert sum(r.new_actors for r in results.values()) == Actor.objects.count()
    assert sum(r.statements for r in results.values()) == Statement.objects.count()
    for st in Statement.objects.select_related("article"):
        assert st.article.body[st.content_start : st.content_end] == st.content
    assert Statement.objects.filter(search_vector=SearchQuery("Fidan", config="english")).count() >= 2


@pytest.mark.django_db
def test_one_bad_article_in_a_batch_fails_alone(monkeypatch):
    real_extract = extraction.extract

    def extract_with_a_bug(body, meta=None):
        statements = real_extract(body, meta)
        if "Istanbul next month" in body:  # an engine bug: offsets that do not hold the text
            statements[0].content_start += 1
        return statements

    monkeypatch.setattr(extraction, "extract", extract_with_a_bug)
    results = dict(import_all([("talks.txt", TALKS), ("round-two.txt", SECOND_ROUND)]))
    assert isinstance(results["talks.txt"], IngestError)
    assert "offsets" in str(results["talks.txt"])
    assert results["round-two.txt"].status == "imported"
    assert list(Article.objects.values_list("source_name", flat=True)) == ["round-two.txt"]
    assert not Statement.objects.exclude(article__source_name="round-two.txt").exists()


@pytest.mark.django_db
def test_a_batch_with_a_repeated_text_and_an_edited_file():
    import_all([("talks.txt", TALKS)])
    edited = TALKS.replace("The Kremlin said", "Separately, the Kremlin said")
    results = import_all([("talks.txt", edited), ("a.txt", SECOND_ROUND), ("b.txt", SECOND_ROUND)])
    assert [(name, r.status) for name, r in results] == [
        ("talks.txt", "updated"), ("a.txt", "imported"), ("b.txt", "unchanged"),
    ]
    assert Article.objects.count() == 2
    assert results[2][1].article.pk == results[1][1].article.pk


@pytest.mark.django_db
def test_articles_with_the_same_title_get_their_own_addresses():
    other = TALKS.replace("The Kremlin said", "Separately, the Kremlin said")
    results = import_all([("a.txt", TALKS), ("b.txt", other)])
    slugs = [r.article.slug for _, r in results]
    assert slugs == ["ceasefire-talks-resume-in-geneva", "ceasefire-talks-resume-in-geneva-2"]


@pytest.mark.django_db
def test_statements_are_written_with_the_vector_the_update_triggers_compute():
    import_all([("talks.txt", TALKS.replace("Published: 2024-03-14", "Published: 2024-03-14\n\nBy Reuters"))])
    Actor.objects.filter(name="Hakan Fidan").update(country="TR")
    with connection.cursor() as cursor:
        cursor.execute("""
            SELECT count(*), count(*) FILTER (WHERE s.search_vector IS DISTINCT FROM
                parley_statement_search_vector(s.content, s.speaker_id, ar.title)
                || parley_statement_filter_lexemes(s.stance, s.kind, s.speaker_id, s.article_id))
            FROM articles_statement s JOIN articles_article ar ON ar.id = s.article_id
        """)
        total, different = cursor.fetchone()
    assert total >= 3 and different == 0


@pytest.mark.django_db
def test_one_file_name_twice_in_a_batch_is_one_article():
    edited = TALKS.replace("The Kremlin said", "Separately, the Kremlin said")
    results = import_all([("talks.txt", TALKS), ("talks.txt", edited)])
    assert [r.status for _, r in results] == ["imported", "updated"]
    assert Article.objects.count() == 1


@pytest.mark.django_db
def test_a_file_with_a_new_date_and_the_same_text_updates_its_article():
    import_all([("talks.txt", TALKS)])
    redated = TALKS.replace("Published: 2024-03-14", "Published: 2024-03-21")
    [(_, result)] = import_all([("talks.txt", redated)])
    assert result.status == "updated"
    result.article.refresh_from_db()
    assert result.article.published == dt.datetime(2024, 3, 21, tzinfo=dt.timezone.utc)
    # extracted again: "on Wednesday" is now the day before the new date
    said_on = set(result.article.statements.exclude(said_on=None).values_list("said_on", flat=True))
    assert said_on == {dt.date(2024, 3, 20)}
    # the same text from another file is the article the archive has
    [(_, again)] = import_all([("copy-of-talks.txt", redated)])
    assert again.status == "unchanged" and Article.objects.count() == 1


def test_the_import_writes_every_column_of_a_statement():
    from articles.ingest import STATEMENT_COLUMNS

    columns = {f.column for f in Statement._meta.concrete_fields} - {"id", "search_vector"}
    assert sorted(STATEMENT_COLUMNS) == sorted(columns)


@pytest.mark.django_db
def test_the_importer_forgets_names_past_a_limit_and_still_finds_actors(monkeypatch):
    importer = Importer()
    list(import_sources([("talks.txt", parse_text(TALKS))], importer))
    assert importer.actors.by_key
    importer.actors.trim(most=1)
    assert not importer.actors.by_key and not importer.actors.missing
    [(_, result)] = list(import_sources([("round-two.txt", parse_text(SECOND_ROUND))], importer))
    assert result.article.statements.filter(speaker__name="Hakan Fidan").exists()
    assert Actor.objects.filter(name="Hakan Fidan").count() == 1
