from django.db import migrations


def seed(apps, schema_editor):
    from sanphalang.directory.seeds import NATIONAL_ISSUE_AREAS
    from sanphalang.thai.collation import thai_sort_key

    IssueArea = apps.get_model("directory", "IssueArea")
    for slug, name_th, name_en in NATIONAL_ISSUE_AREAS:
        IssueArea.objects.update_or_create(
            slug=slug, province=None,
            defaults={"name_th": name_th, "name_en": name_en, "sort_key": thai_sort_key(name_th)})


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
