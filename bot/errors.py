"""Errors whose message is meant for a person (CLI user, API client, shopper)."""


class UserFacingError(Exception):
    """Shown as a one-line message, never as a traceback."""
