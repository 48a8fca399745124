"""Filters as lexemes of the search vector (docs/benchmarks.md, finding 2).

Each statement's search vector also holds 'stance=…', 'kind=…', 'country=…' (the speaker's) and
'outlet=…' (the article's). A search combined with one of these filters is then answered by the search
index alone (the word AND the filter value), instead of reading every statement with the word to join the
speaker or the article (articles.filters uses them only with a search). A search box can never produce
them: the text parser splits words at '='. They are kept by the triggers: when a statement is written (now
also when its stance or kind changes), when an actor's country or name changes, when an article's outlet or
title changes.
"""

from django.db import migrations

FORWARD = r"""
CREATE FUNCTION parley_statement_filter_lexemes(stance text, kind text, speaker_id bigint, article_id bigint)
RETURNS tsvector LANGUAGE sql STABLE AS $$
    SELECT array_to_tsvector(array_remove(ARRAY[
        'stance=' || stance,
        'kind=' || kind,
        (SELECT 'country=' || a.country FROM articles_actor a WHERE a.id = speaker_id AND a.country <> ''),
        (SELECT 'outlet=' || ar.outlet FROM articles_article ar WHERE ar.id = article_id AND ar.outlet <> '')
    ], NULL))
$$;

CREATE OR REPLACE FUNCTION parley_statement_before_write() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    article_body text;
    article_title text;
BEGIN
    SELECT body, title INTO article_body, article_title FROM articles_article WHERE id = NEW.article_id;
    IF NEW.content_end > char_length(article_body) THEN
        RAISE EXCEPTION 'statement offsets %..% lie outside the article body (% characters)',
            NEW.content_start, NEW.content_end, char_length(article_body)
            USING ERRCODE = 'check_violation';
    END IF;
    IF substr(article_body, NEW.content_start + 1, NEW.content_end - NEW.content_start) <> NEW.content THEN
        RAISE EXCEPTION 'statement content is not the article body at offsets %..%',
            NEW.content_start, NEW.content_end
            USING ERRCODE = 'check_violation';
    END IF;
    NEW.search_vector := parley_statement_search_vector(NEW.content, NEW.speaker_id, article_title)
        || parley_statement_filter_lexemes(NEW.stance, NEW.kind, NEW.speaker_id, NEW.article_id);
    RETURN NEW;
END
$$;

DROP TRIGGER statement_before_write ON articles_statement;
CREATE TRIGGER statement_before_write
    BEFORE INSERT OR UPDATE OF content, content_start, content_end, speaker_id, article_id, stance, kind
    ON articles_statement FOR EACH ROW EXECUTE FUNCTION parley_statement_before_write();

CREATE OR REPLACE FUNCTION parley_actor_names_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    actor_ids bigint[];
BEGIN
    IF TG_TABLE_NAME = 'articles_actor' THEN
        actor_ids := ARRAY[NEW.id];
    ELSIF TG_OP = 'DELETE' THEN
        actor_ids := ARRAY[OLD.actor_id];
    ELSIF TG_OP = 'UPDATE' THEN
        actor_ids := ARRAY[NEW.actor_id, OLD.actor_id];
    ELSE
        actor_ids := ARRAY[NEW.actor_id];
    END IF;
    UPDATE articles_statement s
    SET search_vector = parley_statement_search_vector(s.content, s.speaker_id, ar.title)
        || parley_statement_filter_lexemes(s.stance, s.kind, s.speaker_id, s.article_id)
    FROM articles_article ar
    WHERE ar.id = s.article_id AND s.speaker_id = ANY(actor_ids);
    RETURN NULL;
END
$$;

-- a new country: swap one lexeme in each of the actor's statements (no need to parse their words again)
CREATE FUNCTION parley_actor_country_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE articles_statement s
    SET search_vector = ts_delete(s.search_vector, 'country=' || OLD.country)
        || CASE WHEN NEW.country <> '' THEN array_to_tsvector(ARRAY['country=' || NEW.country])
                ELSE ''::tsvector END
    WHERE s.speaker_id = NEW.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER actor_country_changed AFTER UPDATE OF country ON articles_actor
    FOR EACH ROW WHEN (OLD.country IS DISTINCT FROM NEW.country) EXECUTE FUNCTION parley_actor_country_changed();

CREATE OR REPLACE FUNCTION parley_article_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM articles_statement s WHERE s.article_id = NEW.id
               AND substr(NEW.body, s.content_start + 1, s.content_end - s.content_start) <> s.content) THEN
        RAISE EXCEPTION 'the new body no longer contains this article''s statements at their offsets; re-extract instead'
            USING ERRCODE = 'check_violation';
    END IF;
    IF OLD.title IS DISTINCT FROM NEW.title THEN
        UPDATE articles_statement s
        SET search_vector = parley_statement_search_vector(s.content, s.speaker_id, NEW.title)
            || parley_statement_filter_lexemes(s.stance, s.kind, s.speaker_id, s.article_id)
        WHERE s.article_id = NEW.id;
    END IF;
    RETURN NULL;
END
$$;

-- a new outlet: swap one lexeme in the article's statements, at once (article_changed waits for the commit)
CREATE FUNCTION parley_article_outlet_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE articles_statement s
    SET search_vector = ts_delete(s.search_vector, 'outlet=' || OLD.outlet)
        || CASE WHEN NEW.outlet <> '' THEN array_to_tsvector(ARRAY['outlet=' || NEW.outlet])
                ELSE ''::tsvector END
    WHERE s.article_id = NEW.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER article_outlet_changed AFTER UPDATE OF outlet ON articles_article
    FOR EACH ROW WHEN (OLD.outlet IS DISTINCT FROM NEW.outlet) EXECUTE FUNCTION parley_article_outlet_changed();

-- every statement gains its lexemes; the search index is rebuilt once rather than updated a million times
DROP INDEX statement_search;
UPDATE articles_statement s
SET search_vector = coalesce(s.search_vector, ''::tsvector)
    || parley_statement_filter_lexemes(s.stance, s.kind, s.speaker_id, s.article_id);
CREATE INDEX statement_search ON articles_statement USING gin (search_vector);
"""

BACKWARD = r"""
DROP TRIGGER article_outlet_changed ON articles_article;
DROP FUNCTION parley_article_outlet_changed();
CREATE OR REPLACE FUNCTION parley_article_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM articles_statement s WHERE s.article_id = NEW.id
               AND substr(NEW.body, s.content_start + 1, s.content_end - s.content_start) <> s.content) THEN
        RAISE EXCEPTION 'the new body no longer contains this article''s statements at their offsets; re-extract instead'
            USING ERRCODE = 'check_violation';
    END IF;
    IF OLD.title IS DISTINCT FROM NEW.title THEN
        UPDATE articles_statement s
        SET search_vector = parley_statement_search_vector(s.content, s.speaker_id, NEW.title)
        WHERE s.article_id = NEW.id;
    END IF;
    RETURN NULL;
END
$$;

DROP TRIGGER actor_country_changed ON articles_actor;
DROP FUNCTION parley_actor_country_changed();

CREATE OR REPLACE FUNCTION parley_actor_names_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    actor_ids bigint[];
BEGIN
    IF TG_TABLE_NAME = 'articles_actor' THEN
        actor_ids := ARRAY[NEW.id];
    ELSIF TG_OP = 'DELETE' THEN
        actor_ids := ARRAY[OLD.actor_id];
    ELSIF TG_OP = 'UPDATE' THEN
        actor_ids := ARRAY[NEW.actor_id, OLD.actor_id];
    ELSE
        actor_ids := ARRAY[NEW.actor_id];
    END IF;
    UPDATE articles_statement s
    SET search_vector = parley_statement_search_vector(s.content, s.speaker_id, ar.title)
    FROM articles_article ar
    WHERE ar.id = s.article_id AND s.speaker_id = ANY(actor_ids);
    RETURN NULL;
END
$$;

DROP TRIGGER statement_before_write ON articles_statement;
CREATE OR REPLACE FUNCTION parley_statement_before_write() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    article_body text;
    article_title text;
BEGIN
    SELECT body, title INTO article_body, article_title FROM articles_article WHERE id = NEW.article_id;
    IF NEW.content_end > char_length(article_body) THEN
        RAISE EXCEPTION 'statement offsets %..% lie outside the article body (% characters)',
            NEW.content_start, NEW.content_end, char_length(article_body)
            USING ERRCODE = 'check_violation';
    END IF;
    IF substr(article_body, NEW.content_start + 1, NEW.content_end - NEW.content_start) <> NEW.content THEN
        RAISE EXCEPTION 'statement content is not the article body at offsets %..%',
            NEW.content_start, NEW.content_end
            USING ERRCODE = 'check_violation';
    END IF;
    NEW.search_vector := parley_statement_search_vector(NEW.content, NEW.speaker_id, article_title);
    RETURN NEW;
END
$$;
CREATE TRIGGER statement_before_write
    BEFORE INSERT OR UPDATE OF content, content_start, content_end, speaker_id, article_id
    ON articles_statement FOR EACH ROW EXECUTE FUNCTION parley_statement_before_write();

DROP FUNCTION parley_statement_filter_lexemes(text, text, bigint, bigint);
UPDATE articles_statement s
SET search_vector = parley_statement_search_vector(s.content, s.speaker_id, ar.title)
FROM articles_article ar WHERE ar.id = s.article_id;
"""


class Migration(migrations.Migration):
    dependencies = [("articles", "0005_statement_newest")]
    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
