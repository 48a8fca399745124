import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from articles.ingest import Importer, IngestError
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
    from django.contrib.postgres.search import SearchQuery

    import_text(TALKS)
    found = Statement.objects.filter(search_vector=SearchQuery("Fidan", config="english"))
    assert found.exists()
    Actor.objects.filter(name="Hakan Fidan").update(name="Hakan Fidan Renamed")  # plain UPDATE: trigger keeps up
    assert Statement.objects.filter(search_vector=SearchQuery("renamed", config="english")).exists()


@pytest.mark.django_db
def test_a_failed_article_leaves_no_rows(monkeypatch):
    from articles import extraction

    def broken(body, meta=None):
        raise IngestError("engine exploded")

    monkeypatch.setattr(extraction, "extract", broken)
    with pytest.raises(IngestError):
        import_text(TALKS)
    assert Article.objects.count() == 0 and Statement.objects.count() == 0
