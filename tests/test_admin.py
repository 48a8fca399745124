import pytest
from django.contrib.auth import get_user_model

from articles.models import Actor, Alias, Article, Statement

PASTED_BODY = (
    "Qatar has offered to host a new round of talks between Israel and Hamas, officials said.\n\n"
    '"We are ready to bring both sides back to the table," Qatari Prime Minister Mohammed bin Abdulrahman '
    'Al Thani told reporters in Doha on Monday.\n\n'
    "Egyptian Foreign Minister Badr Abdelatty said Cairo would keep working with Doha on a ceasefire."
)


@pytest.fixture
def editor(client, db):
    user = get_user_model().objects.create_superuser("editor", "", "a-long-editor-password")
    client.force_login(user)
    return user


def inline_management(prefix="statements", total=0):
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}


def test_the_admin_is_behind_a_login(client, db):
    response = client.get("/admin/articles/article/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_pasting_an_article_stores_it_with_its_extracted_statements(client, editor):
    response = client.post("/admin/articles/article/add/", {
        "title": "Qatar offers to host new talks", "subtitle": "", "body": PASTED_BODY, "authors": "[]",
        "outlet": "Example Wire", "url": "", "published_0": "2024-05-07", "published_1": "09:00",
        "language": "en", **inline_management(),
    })
    assert response.status_code == 302, response.content.decode()[:3000]
    article = Article.objects.get(title="Qatar offers to host new talks")
    assert article.source == "admin"
    assert article.statements.exists()
    page = client.get(f"/admin/articles/article/{article.pk}/change/")
    assert page.status_code == 200
    first = article.statements.first()
    assert first.content[:30] in page.content.decode()


def test_pasting_the_same_article_twice_is_refused_with_a_message(client, editor):
    data = {"title": "Qatar offers to host new talks", "subtitle": "", "body": PASTED_BODY, "authors": "[]",
            "outlet": "", "url": "", "published_0": "", "published_1": "", "language": "en", **inline_management()}
    assert client.post("/admin/articles/article/add/", data).status_code == 302
    again = client.post("/admin/articles/article/add/", data)
    assert again.status_code == 200
    assert "already in the archive" in again.content.decode()
    assert Article.objects.count() == 1


def test_merging_two_actors_moves_statements_and_keeps_the_old_name_as_alias(client, editor):
    article = Article.objects.create(title="Talks", body="The envoy said talks were possible.")
    keep = Actor.objects.create(name="Hakan Fidan")
    dupe = Actor.objects.create(name="Fidan")
    Statement.objects.create(article=article, speaker=dupe, content="talks were possible",
                             content_start=15, content_end=34)
    response = client.post("/admin/articles/actor/", {
        "action": "merge_selected", "_selected_action": [keep.pk, dupe.pk], "keep": keep.pk,
    })
    assert response.status_code == 302
    assert not Actor.objects.filter(pk=dupe.pk).exists()
    assert Statement.objects.get().speaker == keep
    assert Alias.objects.get(key="fidan").actor == keep


def test_editing_a_statement_in_the_admin_protects_it_from_reextraction(client, editor):
    article = Article.objects.create(title="Talks", body="The envoy said talks were possible.")
    speaker = Actor.objects.create(name="The envoy")
    st = Statement.objects.create(article=article, speaker=speaker, content="talks were possible",
                                  content_start=15, content_end=34)
    response = client.post(f"/admin/articles/statement/{st.pk}/change/", {
        "speaker": speaker.pk, "mention": "The envoy", "content": "talks were possible", "kind": "indirect",
        "cue": "said", "said_on": "", "said_on_precision": "unknown", "said_on_text": "", "reported_via": "",
        "venue": "", "channel": "", "stance": "calls_for_talks", "confidence": "0.9",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    st.refresh_from_db()
    assert st.edited and st.stance == "calls_for_talks"


def test_a_statement_whose_words_are_not_in_the_article_is_refused(client, editor):
    article = Article.objects.create(title="Talks", body="The envoy said talks were possible.")
    speaker = Actor.objects.create(name="The envoy")
    st = Statement.objects.create(article=article, speaker=speaker, content="talks were possible",
                                  content_start=15, content_end=34)
    response = client.post(f"/admin/articles/statement/{st.pk}/change/", {
        "speaker": speaker.pk, "content": "talks were impossible", "kind": "indirect", "said_on_precision": "unknown",
        "stance": "other", "confidence": "0.5",
    })
    assert response.status_code == 200
    assert "not in the article" in response.content.decode()


def test_lists_of_many_rows_stop_counting_and_say_so(client, editor, monkeypatch):
    from articles.admin import CappedPaginator
    from tests.factories import make_actor, make_article, make_statement

    envoy = make_actor("Majed al-Ansari", country="QA")
    for n in range(4):
        body = f"The envoy said round {n} of the ceasefire talks would open in Doha."
        make_statement(make_article(f"Round {n}", body), envoy, f"round {n} of the ceasefire talks would open in Doha")
    monkeypatch.setattr(CappedPaginator, "cap", 3)
    page = client.get("/admin/articles/statement/").content.decode()
    assert "more than 3 statements" in page and "Select all matching statements" in page
    page = client.get("/admin/articles/article/?q=ceasefire").content.decode()
    assert "more than 3 results" in page and "Round 2" in page
    monkeypatch.setattr(CappedPaginator, "cap", 10)
    page = client.get("/admin/articles/article/?q=ceasefire").content.decode()
    assert "4 results" in page and "more than" not in page


def test_the_article_list_filters_by_date_published(client, editor):
    from tests.factories import make_article

    make_article("Talks resume", "The envoy said talks would resume.")
    page = client.get("/admin/articles/article/?published__isnull=True").content.decode()
    assert "Talks resume" in page
    page = client.get("/admin/articles/article/?published__isnull=False").content.decode()
    assert "Talks resume" not in page


def test_reviewing_statements_on_the_article_page_marks_the_changed_one_edited(client, editor):
    response = client.post("/admin/articles/article/add/", {
        "title": "Qatar offers to host new talks", "subtitle": "", "body": PASTED_BODY, "authors": "[]",
        "outlet": "", "url": "", "published_0": "", "published_1": "", "language": "en", **inline_management(),
    })
    assert response.status_code == 302
    article = Article.objects.get(title="Qatar offers to host new talks")
    statements = list(article.statements.order_by("pk"))
    assert len(statements) >= 2
    page = client.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    # the review fields are there; the rest is on each statement's own page
    assert 'name="statements-0-stance"' in page and 'name="statements-0-venue"' not in page
    data = {
        "title": article.title, "subtitle": "", "body": article.body, "authors": "[]", "outlet": "", "url": "",
        "published_0": "", "published_1": "", "language": "en",
        **inline_management(total=len(statements)), "statements-INITIAL_FORMS": str(len(statements)),
    }
    for i, st in enumerate(statements):
        data.update({
            f"statements-{i}-id": st.pk, f"statements-{i}-article": article.pk, f"statements-{i}-speaker": st.speaker_id,
            f"statements-{i}-content": st.content, f"statements-{i}-kind": st.kind, f"statements-{i}-said_on": "",
            f"statements-{i}-channel": st.channel_id or "", f"statements-{i}-stance": st.stance,
        })
    new_stance = "rejects_talks" if statements[0].stance != "rejects_talks" else "other"
    data["statements-0-stance"] = new_stance
    data["statements-1-reviewed"] = "on"
    response = client.post(f"/admin/articles/article/{article.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    first, second = (Statement.objects.get(pk=st.pk) for st in statements[:2])
    assert first.stance == new_stance and first.edited
    assert second.reviewed and not second.edited
    # both survive a re-extraction, as an editor's statements do
    from articles.ingest import Importer

    Importer().reextract(article)
    assert Statement.objects.filter(pk__in=[first.pk, second.pk]).count() == 2
