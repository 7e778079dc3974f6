"""A source covers an area (a province, Thailand or a region) and has a kind; each record knows its province; a
fund keeps where each of its values came from. Existing sources keep their province as their area."""

import django.db.models.deletion
from django.db import migrations, models

import sanphalang.welfare.errors

# The kinds of existing sources, told by the words their names have (the demo's and the offices' names do).
KIND_WORDS = (("program", "โปรแกรม"), ("matching", "สมทบ"), ("survey", "สำรวจ"))


def keep_existing_sources(apps, schema_editor):
    Source = apps.get_model("welfare", "Source")
    SourceRecord = apps.get_model("welfare", "SourceRecord")
    for source in Source.objects.all():
        kind = next((kind for kind, word in KIND_WORDS if word in source.name), "other")
        Source.objects.filter(pk=source.pk).update(kind=kind)
        SourceRecord.objects.filter(source_id=source.pk).update(province_id=source.area_id)


class Migration(migrations.Migration):
    dependencies = [
        ("areas", "0005_versions_of_edited_records"),
        ("welfare", "0006_versions_of_edited_records"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="source", name="unique_source_name"),
        migrations.RenameField(model_name="source", old_name="province", new_name="area"),
        migrations.AlterField(
            model_name="source",
            name="area",
            field=models.ForeignKey(
                blank=True,
                help_text="A province, or Thailand for a national source",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="fund_sources",
                to="areas.area",
                verbose_name="covers",
            ),
        ),
        migrations.AddField(
            model_name="source",
            name="region",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="fund_sources",
                to="areas.region",
                verbose_name="region covered",
            ),
        ),
        migrations.AddField(
            model_name="source",
            name="kind",
            field=models.CharField(
                choices=[
                    ("program", "Fund-management program"),
                    ("matching", "Approved-for-matching list"),
                    ("survey", "Network survey"),
                    ("other", "Other"),
                ],
                default="other",
                max_length=12,
                verbose_name="kind",
            ),
        ),
        migrations.AddField(
            model_name="sourcerecord",
            name="province",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="areas.area",
            ),
        ),
        migrations.AddField(
            model_name="fund",
            name="field_sources",
            field=models.JSONField(blank=True, default=dict, editable=False, verbose_name="where the values came from"),
        ),
        migrations.AddField(
            model_name="historicalfund",
            name="field_sources",
            field=models.JSONField(blank=True, default=dict, editable=False, verbose_name="where the values came from"),
        ),
        migrations.RunPython(keep_existing_sources, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="source",
            constraint=models.UniqueConstraint(
                fields=("area", "name"),
                name="unique_source_name",
                violation_error_code=sanphalang.welfare.errors.WelfareError.SOURCE_NAME_TAKEN.code,
                violation_error_message=sanphalang.welfare.errors.WelfareError.SOURCE_NAME_TAKEN.lazy_message,
            ),
        ),
        migrations.AddConstraint(
            model_name="source",
            constraint=models.UniqueConstraint(
                fields=("region", "name"),
                name="unique_source_name_in_region",
                violation_error_code=sanphalang.welfare.errors.WelfareError.SOURCE_NAME_TAKEN.code,
                violation_error_message=sanphalang.welfare.errors.WelfareError.SOURCE_NAME_TAKEN.lazy_message,
            ),
        ),
        migrations.AddConstraint(
            model_name="source",
            constraint=models.CheckConstraint(
                condition=models.Q(("area__isnull", False), ("region__isnull", True))
                | models.Q(("area__isnull", True), ("region__isnull", False)),
                name="source_covers_one_area",
                violation_error_code=sanphalang.welfare.errors.WelfareError.SOURCE_AREA_MISSING.code,
                violation_error_message=sanphalang.welfare.errors.WelfareError.SOURCE_AREA_MISSING.lazy_message,
            ),
        ),
    ]
