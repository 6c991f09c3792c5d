"""The one error type the plan importer raises for bad input."""


class PlanFileError(Exception):
    """A file that cannot be read as a plan; `message` is shown to the user as is."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
