from django.db import migrations, models


def fill(apps, schema_editor):
    from sanphalang.areas.loading import load_official_areas

    load_official_areas(apps.get_model("areas", "Area"))


class Migration(migrations.Migration):
    dependencies = [("areas", "0003_trigram_search")]
    operations = [
        migrations.AddField("area", "path_th", models.CharField(blank=True, editable=False, max_length=400,
                                                                verbose_name="full name (Thai)")),
        migrations.AddField("area", "path_en", models.CharField(blank=True, editable=False, max_length=400,
                                                                verbose_name="full name (English)")),
        migrations.AddField("historicalarea", "path_th", models.CharField(blank=True, editable=False, max_length=400,
                                                                          verbose_name="full name (Thai)")),
        migrations.AddField("historicalarea", "path_en", models.CharField(blank=True, editable=False, max_length=400,
                                                                          verbose_name="full name (English)")),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
