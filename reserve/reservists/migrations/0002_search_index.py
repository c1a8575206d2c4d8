"""PostgreSQL only: the French text vector of each profile, kept by a trigger, and its GIN index.

`search_vector` is computed by the database from `search_text` on every insert and on every
update of `search_text` (bulk inserts included), so that searching and ranking read a stored,
indexed vector. SQLite has its own full-text index: see reserve/reservists/fulltext.py.
"""

from django.db import migrations

FORWARD = [
    """CREATE OR REPLACE FUNCTION reservists_profile_search_vector() RETURNS trigger AS $$
    BEGIN
        NEW.search_vector := to_tsvector('french'::regconfig, COALESCE(NEW.search_text, ''));
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER reservists_profile_search_vector
    BEFORE INSERT OR UPDATE OF search_text ON reservists_profile
    FOR EACH ROW EXECUTE FUNCTION reservists_profile_search_vector()""",
    "UPDATE reservists_profile SET search_text = search_text",
    "CREATE INDEX reservists_profile_search_gin ON reservists_profile USING gin (search_vector)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS reservists_profile_search_gin",
    "DROP TRIGGER IF EXISTS reservists_profile_search_vector ON reservists_profile",
    "DROP FUNCTION IF EXISTS reservists_profile_search_vector()",
]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("reservists", "0001_initial")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
