"""Removing a file kept with a meeting: the access log names who, the stored file goes, the viewer is refused."""

import pytest
from django.core.files.base import ContentFile

from sanphalang.accounts.models import AccessLog
from sanphalang.errors import AccessDenied
from sanphalang.meetings.models import Attachment
from sanphalang.meetings.services.attachments import attachment_add, attachment_remove


class TestAttachments:
    def test_removing_an_attachment_logs_who_and_deletes_the_file(
        self, cast, s1, settings, tmp_path, django_capture_on_commit_callbacks
    ):
        settings.MEDIA_ROOT = tmp_path
        attachment = attachment_add(
            by=cast.chiangrai_coordinator,
            meeting=s1.meeting,
            file=ContentFile(b"signed minutes", name="minutes.txt"),
        )
        stored, pk = attachment.file.path, attachment.pk
        assert (tmp_path / stored).exists()
        with django_capture_on_commit_callbacks(execute=True):
            attachment_remove(by=cast.chiangrai_coordinator, attachment=attachment)
        assert not Attachment.objects.exists()
        log = AccessLog.objects.get(model="meetings.attachment", object_id=str(pk))
        assert (log.action, log.user) == ("delete", cast.chiangrai_coordinator)
        assert not (tmp_path / stored).exists()

    def test_the_viewer_cannot_remove_an_attachment(self, cast, s1, settings, tmp_path):
        settings.MEDIA_ROOT = tmp_path
        attachment = attachment_add(
            by=cast.chiangrai_coordinator, meeting=s1.meeting, file=ContentFile(b"x", name="x.txt")
        )
        with pytest.raises(AccessDenied):
            attachment_remove(by=cast.chiangrai_viewer, attachment=attachment)
        assert Attachment.objects.filter(pk=attachment.pk).exists()
        assert not AccessLog.objects.filter(model="meetings.attachment").exists()
