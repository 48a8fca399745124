"""A statement's search vector is made from values the row trigger reads once, not by nested lookups.

The search vector and the rule on offsets stay as they were (0002, 0004, 0006). The row trigger used to
call two SQL functions that each looked up the speaker and the article again; written per row of an
import, that cost more than storing the statement. Now the trigger reads the article and the speaker
once and hands the values to two pure functions, which the other triggers reach through the old
functions, so the vector is defined in one place.
"""

from django.db import migrations

FORWARD = r"""
CREATE FUNCTION parley_statement_words(content text, speaker_name text, article_title text)
RETURNS tsvector LANGUAGE sql IMMUTABLE AS $$
    SELECT setweight(to_tsvector('english', coalesce(content, '')), 'A')
        || setweight(to_tsvector('english', coalesce(speaker_name, '')), 'B')
        || setweight(to_tsvector('english', coalesce(article_title, '')), 'C')
$$;

CREATE FUNCTION parley_statement_filters(stance text, kind text, speaker_country text, article_outlet text)
RETURNS tsvector LANGUAGE sql IMMUTABLE AS $$
    SELECT array_to_tsvector(array_remove(ARRAY[
        'stance=' || stance,
        'kind=' || kind,
        CASE WHEN speaker_country <> '' THEN 'country=' || speaker_country END,
        CASE WHEN article_outlet <> '' THEN 'outlet=' || article_outlet END
    ], NULL))
$$;

CREATE OR REPLACE FUNCTION parley_statement_search_vector(content text, speaker_id bigint, article_title text)
RETURNS tsvector LANGUAGE sql STABLE AS $$
    SELECT parley_statement_words(content, (SELECT a.name FROM articles_actor a WHERE a.id = speaker_id), article_title)
$$;

CREATE OR REPLACE FUNCTION parley_statement_filter_lexemes(stance text, kind text, speaker_id bigint, article_id bigint)
RETURNS tsvector LANGUAGE sql STABLE AS $$
    SELECT parley_statement_filters(stance, kind,
        (SELECT a.country FROM articles_actor a WHERE a.id = speaker_id),
        (SELECT ar.outlet FROM articles_article ar WHERE ar.id = article_id))
$$;

CREATE OR REPLACE FUNCTION parley_statement_before_write() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    article record;
    speaker record;
BEGIN
    SELECT body, title, outlet INTO article FROM articles_article WHERE id = NEW.article_id;
    SELECT name, country INTO speaker FROM articles_actor WHERE id = NEW.speaker_id;
    IF substr(article.body, NEW.content_start + 1, NEW.content_end - NEW.content_start) <> NEW.content THEN
        RAISE EXCEPTION 'statement content is not the article body at offsets %..% (the body has % characters)',
            NEW.content_start, NEW.content_end, char_length(article.body)
            USING ERRCODE = 'check_violation';
    END IF;
    NEW.search_vector := parley_statement_words(NEW.content, speaker.name, article.title)
        || parley_statement_filters(NEW.stance, NEW.kind, speaker.country, article.outlet);
    RETURN NEW;
END
$$;
"""

BACKWARD = r"""
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

CREATE OR REPLACE FUNCTION parley_statement_filter_lexemes(stance text, kind text, speaker_id bigint, article_id bigint)
RETURNS tsvector LANGUAGE sql STABLE AS $$
    SELECT array_to_tsvector(array_remove(ARRAY[
        'stance=' || stance,
        'kind=' || kind,
        (SELECT 'country=' || a.country FROM articles_actor a WHERE a.id = speaker_id AND a.country <> ''),
        (SELECT 'outlet=' || ar.outlet FROM articles_article ar WHERE ar.id = article_id AND ar.outlet <> '')
    ], NULL))
$$;

CREATE OR REPLACE FUNCTION parley_statement_search_vector(content text, speaker_id bigint, article_title text)
RETURNS tsvector LANGUAGE sql STABLE AS $$
    SELECT setweight(to_tsvector('english', coalesce(content, '')), 'A')
        || setweight(to_tsvector('english', coalesce((
            SELECT a.name FROM articles_actor a WHERE a.id = speaker_id), '')), 'B')
        || setweight(to_tsvector('english', coalesce(article_title, '')), 'C')
$$;

DROP FUNCTION parley_statement_filters(text, text, text, text);
DROP FUNCTION parley_statement_words(text, text, text);
"""


class Migration(migrations.Migration):
    dependencies = [("articles", "0007_channel_chart_index")]
    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
