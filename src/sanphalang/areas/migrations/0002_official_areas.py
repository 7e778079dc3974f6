"""Kept for the migration graph: the official areas are loaded by 0004, once every column they fill exists."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("areas", "0001_initial")]
    operations = []
