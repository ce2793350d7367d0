"""Errors of the session stores (both mean: retry shortly)."""


class SessionBusyError(TimeoutError):
    """A session's lock could not be taken in time (another turn of it is still running)."""


class StoreClosedError(ConnectionError):
    """The store was closed (the process is shutting down)."""
