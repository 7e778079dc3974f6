"""About a hundred malformed files through the real upload page and the import command: none may end in a
server error or a traceback, and each refusal is one clear message in Thai."""

import io
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from sanphalang.imports.models import ImportBatch

from .malformed.corpus import corpus

THAI = re.compile(r"[\u0e00-\u0e7f]")
RAW = re.compile(r"Traceback|Exception|Error\b|<class |errno|\bline \d+, in ")
CASES = sorted(corpus())


def _is_clear(message: str) -> bool:
    return bool(THAI.search(message)) and not RAW.search(message)


@pytest.mark.parametrize("case", CASES)
def test_the_upload_page_refuses_or_previews_without_a_server_error(cast, client_for, case):
    filename, data = corpus()[case]
    client = client_for(cast.chiangrai_coordinator)
    # when the file is uploaded
    response = client.post(
        reverse("imports:index"), {"entity": "organisations", "file": SimpleUploadedFile(filename, data)}
    )
    # then it is either refused on the form with a clear message, or kept for preview
    assert response.status_code in (302, 400), response.status_code
    if response.status_code == 400:
        messages = [str(m) for errors in response.context["form"].errors.values() for m in errors]
        assert messages and all(_is_clear(m) for m in messages), messages
    else:
        # and its preview opens
        batch = ImportBatch.objects.get()
        preview = client.get(reverse("imports:preview", args=[batch.pk]))
        assert preview.status_code in (200, 302)


@pytest.mark.parametrize("case", CASES)
def test_the_import_command_refuses_or_checks_without_a_traceback(cast, tmp_path, case):
    filename, data = corpus()[case]
    path = tmp_path / ("upload" + Path(filename).suffix)
    path.write_bytes(data)
    # when the file is checked from the command line, it is refused with a clear message or checked
    with translation.override("th"):
        try:
            call_command("import", "organisations", str(path), dry_run=True, stdout=io.StringIO())
        except CommandError as error:
            assert _is_clear(str(error)), str(error)


def test_the_corpus_has_about_a_hundred_files():
    assert len(CASES) >= 100
