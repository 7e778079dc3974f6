"""Load every official province, district and subdistrict, so each new database knows all of Thailand."""

from django.db import migrations


def load(apps, schema_editor):
    from sanphalang.areas.loading import load_official_areas

    load_official_areas(apps.get_model("areas", "Area"))


class Migration(migrations.Migration):
    dependencies = [("areas", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop, elidable=False)]
