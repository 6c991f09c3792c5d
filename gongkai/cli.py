"""The `gongkai` command: the project's commands, in Chinese, with Django's management commands beside them.

Commands are spelled with hyphens on the command line (`gongkai import-plan`), as users expect, and with
underscores as Python modules (`import_plan.py`). `gongkai`, `gongkai --help` and `gongkai help` list the
project's commands apart from Django's developer ones; `gongkai help import-plan` explains one.

What a newcomer meets is said in one line, never as a traceback: a command that reads the database checks
first that it is set up (gongkai/readiness.py) — without creating an empty SQLite file — and an error a
command reports is printed as 错误：… . A plain `gongkai migrate` runs `gongkai setup`: migrations, then the
official working-day calendar.
"""

import os
import re
import sys

# Project commands that never read the database.
NO_DATABASE = {"foi_fee"}
# Django's commands a newcomer runs on a new install; they read the database too.
DJANGO_DATABASE_COMMANDS = {"createsuperuser", "changepassword"}
# `gongkai migrate` with only these options is the newcomer's set-up step.
PLAIN_MIGRATE = re.compile(r"^(--no-?input|-v\d?|--verbosity(=\d)?|\d)$")


def main(argv=None):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
    args = list(sys.argv[1:] if argv is None else argv)
    if any(arg.startswith(("--settings", "--pythonpath")) for arg in args):
        return _django(args)  # a developer's own settings: Django's own dispatch
    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except ImproperlyConfigured as error:
        # The settings did not load, so neither did the translations: the one line is written in Chinese here.
        sys.stderr.write(f"配置有误：{error}\n")
        sys.exit(1)
    try:
        code = run(args)
    except BrokenPipeError:  # `gongkai export-directory | head`: the reader has gone, nothing is wrong
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 0
    sys.exit(code)


def run(args):
    """Run one command line (without the program name); the exit status."""
    from gongkai import cli_help

    cli_help.translate_argparse()
    if not args or args in (["help"], ["-h"], ["--help"]):
        sys.stdout.write(cli_help.overview())
        return 0
    if args[0] in ("--version", "version"):
        import django

        sys.stdout.write(django.get_version() + "\n")
        return 0
    if args[0] == "help":
        args = [args[1], "--help", *args[2:]]  # gongkai help import-plan
    spelled, options = args[0], args[1:]
    name = spelled.replace("-", "_")
    if name == "migrate" and all(PLAIN_MIGRATE.match(option) for option in options):
        name = "setup"
    command = cli_help.load(name)
    if command is None:
        sys.stderr.write(cli_help.unknown(spelled))
        return 1
    if not {"-h", "--help"} & set(options):
        from gongkai import readiness

        problem = (readiness.database_problem() if needs_database(name, command)
                   else readiness.connection_problem() if name == "setup" else None)
        if problem:
            sys.stderr.write(problem + "\n")
            return 1
    return cli_help.execute(command, spelled, options)


def needs_database(name, command):
    from gongkai import cli_help

    if name in DJANGO_DATABASE_COMMANDS:
        return True
    return cli_help.is_project_command(command) and name not in NO_DATABASE and name != "setup"


def _django(args):
    from django.core.management import execute_from_command_line

    if args and not args[0].startswith("-"):
        args[0] = args[0].replace("-", "_")
    execute_from_command_line(["gongkai", *args])


if __name__ == "__main__":
    main()
