"""On PostgreSQL, trigram indexes serve the substring search of members' names and households' addresses at
national scale (a million households): `search_key LIKE '%fragment%'` is answered from the index."""

from django.db import migrations

INDEXES = {
    "care_member_search_trgm": "care_member",
    "care_household_search_trgm": "care_household",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (search_key gin_trgm_ops)")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("care", "0001_initial"), ("areas", "0003_trigram_search")]
    operations = [migrations.RunPython(create, drop)]
