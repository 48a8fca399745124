"""Rules on statements that span two tables, kept by the database itself.

- A statement's offsets lie inside its article's body, and its content is exactly that slice of the body.
- Its search vector weighs the statement's words (A), the speaker's names (B) and the article's title (C).
  It is recomputed when a statement is written, and for all of an actor's statements when the actor's
  names change, and for an article's statements when its title changes.
"""

from django.db import migrations

FORWARD = r"""
CREATE FUNCTION parley_statement_search_vector(content text, speaker_id bigint, article_title text)
RETURNS tsvector LANGUAGE sql STABLE AS $$
    SELECT setweight(to_tsvector('english', coalesce(content, '')), 'A')
        || setweight(to_tsvector('english', coalesce((
            SELECT a.name || ' ' || coalesce(string_agg(al.name, ' '), '')
            FROM articles_actor a LEFT JOIN articles_alias al ON al.actor_id = a.id
            WHERE a.id = speaker_id GROUP BY a.id), '')), 'B')
        || setweight(to_tsvector('english', coalesce(article_title, '')), 'C')
$$;

CREATE FUNCTION parley_statement_before_write() RETURNS trigger LANGUAGE plpgsql AS $$
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

CREATE FUNCTION parley_actor_names_changed() RETURNS trigger LANGUAGE plpgsql AS $$
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

CREATE TRIGGER actor_name_changed AFTER UPDATE OF name ON articles_actor
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION parley_actor_names_changed();
CREATE TRIGGER alias_changed AFTER INSERT OR UPDATE OR DELETE ON articles_alias
    FOR EACH ROW EXECUTE FUNCTION parley_actor_names_changed();

CREATE FUNCTION parley_article_changed() RETURNS trigger LANGUAGE plpgsql AS $$
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

-- deferred: an import that changes a body moves the kept statements after it, in the same transaction
CREATE CONSTRAINT TRIGGER article_changed AFTER UPDATE OF title, body ON articles_article
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION parley_article_changed();
"""

BACKWARD = r"""
DROP TRIGGER article_changed ON articles_article;
DROP FUNCTION parley_article_changed();
DROP TRIGGER alias_changed ON articles_alias;
DROP TRIGGER actor_name_changed ON articles_actor;
DROP FUNCTION parley_actor_names_changed();
DROP TRIGGER statement_before_write ON articles_statement;
DROP FUNCTION parley_statement_before_write();
DROP FUNCTION parley_statement_search_vector(text, bigint, text);
"""


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]
    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
