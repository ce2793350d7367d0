"""The protocol every front end (HTTP API, webhooks, UI, client tests) talks to.

``bot.assistant.Assistant`` is the real implementation; front ends accept any
object with these methods so they can be wired to it in one place.
"""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from bot.models import Reply


@runtime_checkable
class AssistantProtocol(Protocol):
    async def handle(self, session_id: str, text: str, *, message_id: str | None = None) -> Reply:
        """One shopper turn. With a ``message_id`` already handled for this
        session, returns the stored reply instead of applying the turn twice."""
        ...

    async def feedback(self, session_id: str, product_id: str, liked: bool) -> Reply:
        """A like / dislike on a shown product card (UI buttons, rich platform buttons)."""
        ...

    async def session_view(self, session_id: str) -> dict[str, Any] | None:
        """State (constraints, shown products, cart...) and live profile; None when unknown."""
        ...

    async def export(self, session_id: str) -> dict[str, Any] | None:
        """Everything stored about this session (state, profile, full turn history)."""
        ...

    async def forget(self, session_id: str) -> bool:
        """Remove every trace of the session. True when something was removed."""
        ...

    async def set_personalization(self, session_id: str, enabled: bool) -> None:
        """Switch profile learning and profile-based ranking on/off for a session."""
        ...

    def readiness(self) -> dict[str, bool]:
        """Which components are loaded (nlu, store, ranker, sessions)."""
        ...

    async def close(self) -> None: ...
