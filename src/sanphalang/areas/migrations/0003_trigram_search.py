"""On PostgreSQL, a trigram index serves substring search of area and directory names at national scale."""

from django.db import migrations


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS areas_area_search_trgm ON areas_area USING gin (search_key gin_trgm_ops)")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS areas_area_search_trgm")


class Migration(migrations.Migration):
    dependencies = [("areas", "0002_official_areas")]
    operations = [migrations.RunPython(create, drop)]
