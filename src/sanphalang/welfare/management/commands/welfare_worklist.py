"""`sanphalang welfare_worklist`: rebuild the coordinator's worklist from the sources and settlements, for every fund
or one province's (after loading data by other means than the services, or to repair it)."""

from django.core.management.base import BaseCommand

from sanphalang.welfare.services.worklist import worklist_rebuild


class Command(BaseCommand):
    help = "Rebuild the worklist of funds whose sources disagree, for all funds or one province's."

    def add_arguments(self, parser):
        parser.add_argument(
            "--province", default="", help="a province's code, e.g. 57; all provinces if omitted"
        )

    def handle(self, *args, province: str, **options):
        changed = worklist_rebuild(province_code=province.strip() or None)
        self.stdout.write(f"worklist rows changed: {changed}")
