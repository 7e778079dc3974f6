"""A household with neither house number nor address has an empty search key: the keys may be blank (no SQL)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('care', '0002_trigram_search'),
    ]

    operations = [
        migrations.AlterField(
            model_name='historicalhousehold',
            name='search_key',
            field=models.TextField(blank=True, default='', editable=False),
        ),
        migrations.AlterField(
            model_name='historicalmember',
            name='search_key',
            field=models.TextField(blank=True, default='', editable=False),
        ),
        migrations.AlterField(
            model_name='historicalmember',
            name='sort_key',
            field=models.CharField(blank=True, default='', editable=False, max_length=256),
        ),
        migrations.AlterField(
            model_name='household',
            name='search_key',
            field=models.TextField(blank=True, default='', editable=False),
        ),
        migrations.AlterField(
            model_name='member',
            name='search_key',
            field=models.TextField(blank=True, default='', editable=False),
        ),
        migrations.AlterField(
            model_name='member',
            name='sort_key',
            field=models.CharField(blank=True, default='', editable=False, max_length=256),
        ),
    ]
