"""Several service requests in one message ("where's my order 30417 and do you accept apple pay?").

The intent model reads one request per message. A message that asks two service questions is split at
its clause boundaries, each clause is read on its own, and when they are different service requests each
is answered in turn (see ``Assistant.handle``); anything else is read as one message.
"""

from __future__ import annotations

import re

from bot.models import Reply

# A new request starts after a question mark, a semicolon, "also", or "and"/"plus" followed by a question
# or request opener; "two things:" before the first is dropped.
_BOUNDARY = re.compile(
    r"(?<=\?)\s+|;\s*|\s*[,.]?\s*\b(?:and|plus)\s+(?:also\s+)?(?=(?:do|does|can|could|will|would|where|when|how|what|is|are|"
    r"i (?:want|need|would like|'?d like)|i also)\b)|[,.]?\s+also,?\s+(?=\w)", re.IGNORECASE)
# A clause that asks or requests something (a question, a request opener, an imperative of service).
_REQUEST = re.compile(r"\?|^\s*(?:please|pls|can|could|would|will|do|does|did|is|are|where|when|how|what|why|which|who|"
                      r"i (?:want|need|would like|'?d like|wanna)|i also|cancel|change|track|send|refund|return|help|tell|"
                      r"let me|give|check|update|i'?m (?:looking|trying)|need)\b"
                      r"|\d{4,}|\b(?:still|yet|hasn'?t|haven'?t|never|says|broken|damaged|missing|wrong)\b", re.IGNORECASE)
_PREAMBLE = re.compile(r"^\s*(?:hi|hello|hey)?[,!]?\s*(?:(?:two|2|a couple of|couple|few) (?:things|questions)[:,.]?)?\s*", re.IGNORECASE)


def split_requests(text: str) -> list[str]:
    """The clauses of a message that may each be a request (at most three; one when it does not split)."""
    body = _PREAMBLE.sub("", text, count=1) or text
    parts = [re.sub(r"^(?:also|and|plus)\s+", "", p.strip(" ,."), flags=re.IGNORECASE) for p in _BOUNDARY.split(body)]
    parts = [p for p in parts if len(p.split()) >= 3]
    if not all(_REQUEST.search(p) for p in parts):
        return [text]  # "where is my refund?? returned the chair 3 weeks ago": the second part only tells the story
    return parts if 2 <= len(parts) <= 3 else [text]


def merge_replies(replies: list[Reply]) -> Reply:
    """One reply answering each request in order: the texts joined, a handoff when any hands off."""
    handoff = next((r for r in replies if r.action == "handoff"), None)
    first = replies[0]
    action = "handoff" if handoff is not None else first.action
    slots: dict = {}
    for r in replies:
        slots.update({k: v for k, v in r.slots.items() if k not in slots})
    quick = list(dict.fromkeys(q for r in replies for q in r.quick_replies))[:4]
    return first.model_copy(update={"text": "\n\n".join(r.text for r in replies), "action": action, "slots": slots,
                                    "quick_replies": quick, "intent": (handoff or first).intent})
