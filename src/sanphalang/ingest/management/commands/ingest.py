"""sanphalang ingest FILE... [--json]: read Thai reports and print the draft of what each says ("-" reads pasted
text from standard input)."""

import datetime as dt
import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from sanphalang.thai.dates import format_be_date

from ...errors import IngestError
from ...extract.gazetteer import directory_organisations
from ...labels import EVENT_KINDS, UNITS
from ...services.drafts import draft_from_file, draft_from_text


class Command(BaseCommand):
    help = "Read Thai reports (.txt, .docx, text .pdf) and print a draft of what each says."

    def add_arguments(self, parser):
        parser.add_argument(
            "files", nargs="+", metavar="FILE", help='A report file, or "-" for text from standard input.'
        )
        parser.add_argument(
            "--json", action="store_true", help="Print one JSON object per file, keyed by the file's path."
        )
        parser.add_argument(
            "--no-directory",
            action="store_true",
            help="Match organisations by prefixes and the shipped list only.",
        )

    def handle(self, *args, files, **options):
        results, failed = {}, 0
        known = () if options["no_directory"] else directory_organisations()  # read once for the whole batch
        for path in files:
            try:
                if path == "-":
                    draft = draft_from_text(sys.stdin.read(), name="-", known=known)
                else:
                    draft = draft_from_file(path, known=known)
                results[path] = draft.as_json()
            except IngestError as error:
                failed += 1
                results[path] = {"error": {"code": error.code, "message": error.message()}}
                if not options["json"]:
                    self.stderr.write(f"{path}: {error.message()}")
        if options["json"]:
            self.stdout.write(json.dumps(results, ensure_ascii=False, indent=2))
        else:
            for path, result in results.items():
                if "error" not in result:
                    self._write_summary(path, result)
        if failed:
            raise CommandError(
                _("%(count)s of %(total)s reports could not be read.")
                % {"count": failed, "total": len(files)}
            )

    def _write_summary(self, path: str, result: dict) -> None:
        self.stdout.write(path)
        labels = {
            "event_kind": _("Kind of event"),
            "event_date": _("Date"),
            "province": _("Province"),
            "meeting_number": _("Meeting number"),
            "venue": _("Venue"),
            "participant_count": _("Participants"),
        }
        shown = {**result, "event_kind": EVENT_KINDS[result["event_kind"]]}
        if result["event_date"]:
            shown["event_date"] = format_be_date(dt.date.fromisoformat(result["event_date"]))
        for key, label in labels.items():
            if shown[key] is not None:
                self.stdout.write(f"  {label}: {shown[key]}")
        if result["chair"]:
            chair = result["chair"]
            label = _("Chair")
            self.stdout.write(f"  {label}: {chair['title']}{chair['name']} {chair['position']}".rstrip())
        if result["organisations"]:
            label = _("Organisations")
            self.stdout.write(f"  {label}: {', '.join(result['organisations'])}")
        label = _("Figure")
        for figure in result["figures"]:
            self.stdout.write(f"  {label}: {figure['value']} {UNITS[figure['unit']]} ({figure['about']})")
