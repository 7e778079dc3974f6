"""An officer's decision on a source record's link was kept in the words of whoever made it ("link confirmed by an
officer", or its Thai); it is now its code, worded when read. Words this cannot place are left as they are."""

from django.db import migrations

CODES = {
    "link confirmed by an officer": "officer_confirmed",
    "เจ้าหน้าที่ยืนยันการเชื่อมโยงแล้ว": "officer_confirmed",
    "merged into this fund by an officer": "officer_merged",
    "เจ้าหน้าที่รวมเข้ากับกองทุนนี้": "officer_merged",
    "split into a fund of its own by an officer": "officer_split",
    "เจ้าหน้าที่แยกออกเป็นกองทุนใหม่": "officer_split",
}
WORDS = {code: words for words, code in CODES.items() if words.isascii()}


def _recode(apps, table: dict) -> None:
    SourceRecord = apps.get_model("welfare", "SourceRecord")
    changed = []
    decided = SourceRecord.objects.filter(link_reasons__0__0="officer").only("pk", "link_reasons")
    for record in decided.iterator(chunk_size=2000):
        reasons = [[table.get(r[0], r[0]), *r[1:]] if r else r for r in record.link_reasons]
        if reasons != record.link_reasons:
            record.link_reasons = reasons
            changed.append(record)
    SourceRecord.objects.bulk_update(changed, ["link_reasons"], batch_size=2000)


def forwards(apps, schema_editor):
    _recode(apps, CODES)


def backwards(apps, schema_editor):
    _recode(apps, WORDS)


class Migration(migrations.Migration):
    dependencies = [("welfare", "0008_worklist")]

    operations = [migrations.RunPython(forwards, backwards)]
