"""What `gongkai` prints about its commands: the overview, each command's help, its errors — in Chinese.

argparse writes its own words ("usage:", "error: the following arguments are required") through the
standard gettext module; within the `gongkai` process they go through Django's catalogue instead, where
ARGPARSE_TEXT below has them. Django's options common to every command (--settings, --traceback, …) are
developer tools: the project's commands keep them but do not list them.
"""

import argparse
import difflib
import errno

from django.core.management import get_commands, load_command_class
from django.core.management.base import CommandError, SystemCheckError, handle_default_options
from django.db import connections
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

# argparse's own messages (Python 3.11), as msgids of our catalogue.
ARGPARSE_TEXT = (
    gettext_noop("usage: "), gettext_noop("positional arguments"), gettext_noop("options"),
    gettext_noop("show this help message and exit"), gettext_noop("%(prog)s: error: %(message)s\n"),
    gettext_noop("the following arguments are required: %s"), gettext_noop("unrecognized arguments: %s"),
    gettext_noop("argument %(argument_name)s: %(message)s"), gettext_noop("expected one argument"),
    gettext_noop("invalid choice: %(value)r (choose from %(choices)s)"),
    gettext_noop("invalid %(type)s value: %(value)r"), gettext_noop("not allowed with argument %s"),
    gettext_noop("one of the arguments %s is required"), gettext_noop("expected at least one argument"),
    gettext_noop("ambiguous option: %(option)s could match %(matches)s"),
)
# Django's options of every command that only developers use.
DEVELOPER_OPTIONS = {"settings", "pythonpath", "traceback", "no_color", "force_color", "skip_checks", "version"}
# Django's help of the options the project's commands keep listing.
DJANGO_OPTION_HELP = {
    "verbosity": gettext_noop("how much to print: 0 little, 1 normal (the default), 2 and 3 more"),
}


def _gettext(message):
    return _(message) if message else message  # argparse asks for the translation of None, too


def os_reason(error):
    """Why a file could not be read or written: the common reasons in words, the system's text otherwise."""
    reasons = {errno.ENOENT: _("there is no such file"), errno.EACCES: _("permission denied"),
               errno.EISDIR: _("it is a folder, not a file"), errno.ENOSPC: _("the disk is full")}
    return reasons.get(error.errno) or error.strerror or str(error)


def translate_argparse():
    argparse._ = _gettext
    argparse.ngettext = ngettext


def load(name):
    """The command called `name` (underscored), or None."""
    app = get_commands().get(name)
    if app is None:
        return None
    return app if not isinstance(app, str) else load_command_class(app, name)


def is_project_command(command):
    return type(command).__module__.startswith("gongkai.")


def spelled(name):
    return name.replace("_", "-")


def first_line(text):
    return str(text or "").strip().split("\n")[0]


def overview():
    project, django = [], []
    for name in sorted(get_commands()):
        command = load(name)
        if is_project_command(command):
            project.append((spelled(name), first_line(command.help)))
        else:
            django.append(name)
    width = max(len(name) for name, _help in project) + 2
    lines = [_("gongkai: the command line of the Gongkai transparency platform"), "",
             _("Usage: gongkai COMMAND [options]"), "", _("Commands of Gongkai:")]
    lines += [f"  {name:<{width}}{text}" for name, text in project]
    lines += ["", _("Django's commands for developers and maintenance (as Django documents them):"),
              "  " + "、".join(django), "",
              _("Help on one command: gongkai help COMMAND (for example gongkai help import-plan)."), ""]
    return "\n".join(lines)


def unknown(name):
    close = difflib.get_close_matches(name.replace("_", "-"), [spelled(n) for n in get_commands()], n=1)
    hint = (_("Did you mean gongkai %(command)s? ") % {"command": close[0]}) if close else ""
    return _("Unknown command “%(command)s”. %(hint)sRun gongkai help to list the commands.") % {
        "command": name, "hint": hint} + "\n"


def translate_parser(parser, project):
    """Translate a command's parser in place; a project command hides Django's developer options."""
    if parser.description:
        parser.description = _(str(parser.description))
    for action in parser._actions:
        if project and action.dest in DEVELOPER_OPTIONS:
            action.help = argparse.SUPPRESS
        elif action.dest in DJANGO_OPTION_HELP:
            action.help = _(DJANGO_OPTION_HELP[action.dest])
        elif action.help and action.help is not argparse.SUPPRESS:
            action.help = _(str(action.help))
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                choice.help = _(str(choice.help)) if choice.help else choice.help
            for subparser in action.choices.values():
                translate_parser(subparser, project)


def execute(command, name, options):
    """Run `command` as `gongkai NAME OPTIONS…` would; an error it reports is one line, 错误：…"""
    command._called_from_command_line = True
    parser = command.create_parser("gongkai", name)
    translate_parser(parser, is_project_command(command))
    parsed = parser.parse_args(options)
    values = vars(parsed)
    args = values.pop("args", ())
    handle_default_options(parsed)
    try:
        command.execute(*args, **values)
    except CommandError as error:
        if values.get("traceback"):
            raise
        if isinstance(error, SystemCheckError):
            command.stderr.write(str(error), lambda x: x)
        else:
            command.stderr.write(_("Error: %(message)s") % {"message": error})
        return error.returncode
    finally:
        connections.close_all()
    return 0
