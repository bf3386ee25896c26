"""Failures a caller can act on. ``str(error)`` is always a Chinese sentence for the person."""


class ServiceError(Exception):
    pass


class NotFoundError(ServiceError):
    pass


class ValidationError(ServiceError):
    """Refused input. ``problems`` lists what is wrong; nothing was written."""

    def __init__(self, message: str, problems=()):
        super().__init__(message)
        self.problems = list(problems)


class WarningsNeedNoteError(ValidationError):
    """Only warnings remain: saving is allowed when the person gives a note accepting them."""
