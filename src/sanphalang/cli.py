"""The `sanphalang` command: a thin wrapper over Django's management commands."""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sanphalang.settings")
    from django.core.management import execute_from_command_line

    args = list(sys.argv if argv is None else ["sanphalang", *argv])
    execute_from_command_line(args)
