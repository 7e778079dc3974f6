"""Households and their members can be imported: the kind of import is one more choice (no SQL)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('imports', '0005_plans_imports'),
    ]

    operations = [
        migrations.AlterField(
            model_name='importbatch',
            name='entity',
            field=models.CharField(choices=[('organisations', 'Organisations'), ('people', 'People'), ('villages', 'Villages and urban communities'), ('agenda', 'Meeting agenda items'), ('attendance', 'Meeting attendance'), ('fund_figures', 'Welfare fund yearly figures'), ('fund_source', 'Welfare fund source'), ('plan_projects', 'Projects of a plan'), ('plan_targets', 'Targets of a plan'), ('plan_target_splits', "Targets of areas (a target's split)"), ('plan_progress', "Progress of a plan's targets"), ('care_households', 'Households and their members')], max_length=20, verbose_name='what is imported'),
        ),
    ]
