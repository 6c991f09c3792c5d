"""How the staff pages of 主动公开 run a service step: a refusal becomes a message or the form's errors,
never a 500, and the person lands back where they were."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect


def run_step(request, action, done, to):
    """Call `action()`; say `done` on success or the service's reasons on refusal, then go `to` (a URL or
    a URL name)."""
    try:
        action()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return redirect(to)


def put_errors(form, error):
    """A service's ValidationError beside the fields it names (the rest above the form)."""
    if hasattr(error, "error_dict"):
        for name, errors in error.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)
