"""The `gongkai` command: Django's management commands with Gongkai's settings preset.

Commands are spelled with hyphens on the command line (`gongkai import-plan`), as users expect,
and with underscores as Python modules (`import_plan.py`).
"""

import os
import sys


def main(argv=None):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
    from django.core.management import execute_from_command_line

    args = list(sys.argv[1:] if argv is None else argv)
    if args and not args[0].startswith("-"):
        args[0] = args[0].replace("-", "_")
    execute_from_command_line(["gongkai", *args])


if __name__ == "__main__":
    main()
