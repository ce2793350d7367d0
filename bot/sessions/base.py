"""The session-store protocol every backend implements."""

from __future__ import annotations

from typing import Any, AsyncContextManager, Protocol, runtime_checkable


@runtime_checkable
class SessionStore(Protocol):
    """Persists each session's state (a JSON-able dict) and its turn history.

    ``commit_turn`` stores the new state and appends the turn atomically, so a
    crash loses at most the turn in flight. ``lock`` serialises the turns of one
    session; different sessions never wait on each other.
    """

    async def load(self, session_id: str) -> dict[str, Any] | None: ...

    async def commit_turn(self, session_id: str, state: dict[str, Any], turn: dict[str, Any]) -> None: ...

    async def history(self, session_id: str) -> list[dict[str, Any]]: ...

    async def find_turn(self, session_id: str, message_id: str) -> dict[str, Any] | None:
        """The stored turn with this idempotency key (a retried delivery), or None."""
        ...

    async def delete(self, session_id: str) -> bool: ...

    def lock(self, session_id: str) -> AsyncContextManager[None]: ...

    async def close(self) -> None: ...
