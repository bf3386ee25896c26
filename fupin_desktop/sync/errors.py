"""Sync failures a person can act on; ``str()`` is always one Chinese sentence."""

from fupin_desktop.services.errors import ServiceError


class SyncError(ServiceError):
    pass


class BundleRefused(SyncError):
    """The file was refused by the pre-checks; nothing was written."""


class AlreadyImported(BundleRefused):
    """The bundle (or its device sequence number) is in the import log already (已导入过)."""


class KeyProblem(SyncError):
    """A key is missing, wrong, or the passphrase does not open it."""


class PassphraseNeeded(KeyProblem):
    """An operation needs a passphrase that was not given."""


class ConfirmationNeeded(SyncError):
    """An import was not confirmed (command line without ``--yes`` and no terminal to ask)."""
