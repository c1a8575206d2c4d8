"""SQLite's full-text index of the pool (FTS5), kept in step with the profile table by triggers.

PostgreSQL has its own (a GIN index on the French text vector, migration 0002). On SQLite, an FTS5
table indexes `search_text` (already lowercase and accent-free); triggers keep it in step with
every insert, update and delete, bulk inserts included. `install` runs after every `migrate`,
because SQLite rebuilds a table (dropping its triggers) whenever a migration alters it.
"""

TABLE = "reservists_profile_fts"
STATEMENTS = [
    f"""CREATE TRIGGER IF NOT EXISTS {TABLE}_ai AFTER INSERT ON reservists_profile BEGIN
        INSERT INTO {TABLE}(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS {TABLE}_ad AFTER DELETE ON reservists_profile BEGIN
        INSERT INTO {TABLE}({TABLE}, rowid, search_text) VALUES ('delete', old.id, old.search_text);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS {TABLE}_au AFTER UPDATE OF search_text ON reservists_profile
    BEGIN
        INSERT INTO {TABLE}({TABLE}, rowid, search_text) VALUES ('delete', old.id, old.search_text);
        INSERT INTO {TABLE}(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
]


def install(connection) -> None:
    """Create the FTS table and its triggers if missing, then (re)build it from the profiles."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        if "reservists_profile" not in tables:
            return
        cursor.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s",
            [f"{TABLE}_a_"],
        )
        if TABLE in tables and cursor.fetchone()[0] == len(STATEMENTS):
            return
        cursor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5(search_text, "
            "content='reservists_profile', content_rowid='id', "
            "tokenize='unicode61 remove_diacritics 2')"
        )
        for statement in STATEMENTS:
            cursor.execute(statement)
        cursor.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')")


def match_expression(words: list[str]) -> str:
    """Every word (letters and digits only), as a prefix: "design" also finds "designer"."""
    return " ".join(f'"{word}"*' for word in words)


SUBQUERY = f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s"
