"""A statement's search vector weighs its speaker's canonical name, not every alias.

Recomputing all of an actor's statements whenever one alias was added made imports slow down as the
archive grew (a prolific speaker gains aliases for a long time). Speaker names are still searchable, and
the speaker filter matches by actor, whatever name the article used.
"""

from django.db import migrations

FORWARD = r"""
DROP TRIGGER alias_changed ON articles_alias;

CREATE OR REPLACE FUNCTION parley_statement_search_vector(content text, speaker_id bigint, article_title text)
RETURNS tsvector LANGUAGE sql STABLE AS $$
    SELECT setweight(to_tsvector('english', coalesce(content, '')), 'A')
        || setweight(to_tsvector('english', coalesce((
            SELECT a.name FROM articles_actor a WHERE a.id = speaker_id), '')), 'B')
        || setweight(to_tsvector('english', coalesce(article_title, '')), 'C')
$$;

UPDATE articles_statement s
SET search_vector = parley_statement_search_vector(s.content, s.speaker_id, ar.title)
FROM articles_article ar WHERE ar.id = s.article_id;
"""

BACKWARD = r"""
CREATE OR REPLACE FUNCTION parley_statement_search_vector(content text, speaker_id bigint, article_title text)
RETURNS tsvector LANGUAGE sql STABLE AS $$
    SELECT setweight(to_tsvector('english', coalesce(content, '')), 'A')
        || setweight(to_tsvector('english', coalesce((
            SELECT a.name || ' ' || coalesce(string_agg(al.name, ' '), '')
            FROM articles_actor a LEFT JOIN articles_alias al ON al.actor_id = a.id
            WHERE a.id = speaker_id GROUP BY a.id), '')), 'B')
        || setweight(to_tsvector('english', coalesce(article_title, '')), 'C')
$$;
CREATE TRIGGER alias_changed AFTER INSERT OR UPDATE OR DELETE ON articles_alias
    FOR EACH ROW EXECUTE FUNCTION parley_actor_names_changed();
"""


class Migration(migrations.Migration):
    dependencies = [("articles", "0003_lookup_indexes")]
    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
