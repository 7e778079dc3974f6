from django.db import migrations


def seed(apps, schema_editor):
    from sanphalang.directory.seeds import seed_national_issue_areas

    seed_national_issue_areas(apps.get_model("directory", "IssueArea"))


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
