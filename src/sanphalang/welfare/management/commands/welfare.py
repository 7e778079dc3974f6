"""`sanphalang welfare reconcile`: link the welfare-fund records of several files and write which are one fund."""

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from rich.console import Console
from rich.progress import Progress

from sanphalang.imports.tabular import TableError, read_table, write_table
from sanphalang.welfare.linkage.clusters import link_records, summarise
from sanphalang.welfare.linkage.records import check_mapping, fund_record, recognise_mapping, row_values
from sanphalang.welfare.linkage.scoring import FundRecord


def _columns(headings: list[str], mapping: dict[str, str] | None, source: str) -> dict[str, int]:
    try:
        return check_mapping(mapping if mapping is not None else recognise_mapping(headings), headings)
    except ValidationError as error:
        message = " ".join(error.messages)
        if mapping is None:
            message += " " + _("Give a mapping: --source %(name)s=FILE:MAPPING.json") % {"name": source}
        raise CommandError(_("Source %(name)s: %(message)s") % {"name": source, "message": message}) from None


def read_source(name: str, path: Path, mapping: dict[str, str] | None = None) -> list[FundRecord]:
    """The records of one file; row is the record's 1-based data row, as links.csv reports it."""
    try:
        table = read_table(path.read_bytes(), path.name)
    except OSError as exc:
        raise CommandError(f"Source {name}: cannot read {path}: {exc.strerror}") from None
    except TableError as exc:
        raise CommandError(f"Source {name}: {exc.message}") from None
    columns = _columns(table.headings, mapping, name)
    return [
        fund_record(name, row, row_values(cells, columns))
        for row, (_line, cells) in enumerate(table.rows, start=1)
    ]


def parse_source_argument(argument: str) -> tuple[str, Path, dict[str, str] | None]:
    """ "program=data/program.xlsx:program.json" → ("program", Path(...), {...})."""
    name, sep, rest = argument.partition("=")
    if not sep or not name or not rest:
        raise CommandError(f"--source {argument!r}: write it as NAME=FILE or NAME=FILE:MAPPING.json")
    file_part, mapping = rest, None
    if rest.lower().endswith(".json") and ":" in rest:
        file_part, _sep, mapping_path = rest.rpartition(":")
        try:
            mapping = json.loads(Path(mapping_path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise CommandError(f"--source {name}: cannot read the mapping {mapping_path}: {exc}") from None
        if not isinstance(mapping, dict):
            raise CommandError(
                f"--source {name}: the mapping must be a JSON object of field → column heading"
            )
    return name, Path(file_part), mapping


def reconcile(sources: list[str], out: Path) -> dict:
    """Read, link and write links.csv; returns the summary that the command prints."""
    records: list[FundRecord] = []
    names = []
    for argument in sources:
        name, path, mapping = parse_source_argument(argument)
        if name in names:
            raise CommandError(f"--source {name} is given twice")
        names.append(name)
        records.extend(read_source(name, path, mapping))
    with Progress(transient=True, console=Console(stderr=True)) as progress:
        tasks = {}

        def report(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = progress.add_task(stage, total=max(total, 1))
            progress.update(tasks[stage], completed=done, total=max(total, 1))

        result = link_records(records, progress=report)
    rows = ([record.source, record.row, result.cluster_of[record.ref]] for record in records)
    out.write_bytes(write_table(["source", "row", "cluster"], rows, fmt="csv"))
    summary = summarise(result, names)
    return {
        "records": len(records),
        "funds": summary.funds,
        "in_all_sources": summary.in_all_sources,
        "in_one_source": summary.in_one_source,
        "in_source_duplicates": summary.in_source_duplicates,
        "review": summary.review,
        "disagreements": summary.disagreements,
    }


class Command(BaseCommand):
    help = "Welfare funds: `reconcile` links the records of several sources that are the same fund."
    # it reads files and writes one: the system checks would load every URL and view first, seconds of start-up
    requires_system_checks = []

    def add_arguments(self, parser):
        subcommands = parser.add_subparsers(dest="action", required=True)
        reconcile_parser = subcommands.add_parser("reconcile", help="link the records of several sources")
        reconcile_parser.add_argument(
            "--source", action="append", required=True, metavar="NAME=FILE[:MAPPING.json]"
        )
        reconcile_parser.add_argument("--out", required=True, metavar="links.csv")
        registry_parser = subcommands.add_parser(
            "reconcile-registry",
            help="reconcile the imported sources into the registry, for every province the user may change",
        )
        registry_parser.add_argument("--user", required=True, metavar="USERNAME")
        registry_parser.add_argument(
            "--province", action="append", metavar="CODE", help="only these provinces"
        )

    def handle(self, *args, **options):
        if options["action"] == "reconcile-registry":
            return self._reconcile_registry(options["user"], options["province"])
        summary = reconcile(options["source"], Path(options["out"]))
        write = self.stdout.write
        write(f"{summary['records']} records → {summary['funds']} funds")
        write(f"  found in all sources: {summary['in_all_sources']}")
        write(f"  found in one source only: {summary['in_one_source']}")
        write(f"  in-source duplicates: {summary['in_source_duplicates']}")
        write(f"  uncertain links for review: {summary['review']}")
        write(
            "  funds whose sources disagree: "
            + ", ".join(f"{field} {count}" for field, count in summary["disagreements"].items())
        )
        write(f"Links written to {options['out']}")

    def _reconcile_registry(self, username: str, provinces: list[str] | None) -> None:
        """What the whole-country job does, run here: the same service, so the two take the same time."""
        from sanphalang.accounts.models import User
        from sanphalang.errors import AccessDenied
        from sanphalang.welfare.selectors.reconcile import reconcilable_provinces
        from sanphalang.welfare.services.reconcile import reconcile_all

        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(_("No active user is called %(name)s.") % {"name": username})
        codes = provinces or reconcilable_provinces(user=user)
        try:
            summary = reconcile_all(by=user, provinces=codes)
        except (AccessDenied, ValidationError) as error:
            raise CommandError(" ".join(getattr(error, "messages", [str(error)]))) from None
        self.stdout.write(
            _(
                "%(provinces)s provinces: %(records)s records linked into %(funds)s funds (%(created)s new); "
                "%(review)s links wait for review."
            )
            % summary
        )
