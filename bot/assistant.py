"""``Assistant``: the shopping assistant behind every front end.

``await Assistant.create(settings)`` loads (or builds) everything on embedded
defaults: the product index, the NLU model (trained on first use), the
re-ranker and the session store. ``await assistant.handle(session_id, text)``
runs one turn and returns a ``Reply``.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from typing import Any, Callable

import numpy as np

from bot.batching import MicroBatcher
from bot.config import Settings
from bot.dialogue.grounding import category_matches
from bot.dialogue.manager import DialogueManager, Services
from bot.dialogue.phrases import A_PERSON, GO_WITH_THE_ONE, KEEP_THE_ORDER, PRICE_REMARK
from bot.dialogue.search import blocking
from bot.dialogue.profile import forget_preferences
from bot.dialogue.requests import asks_about_them, cart_said_first, is_cart_command, merge_replies, split_requests
from bot.dialogue.service import ShopPolicy, names_topic, says_damaged, shop_topic
from bot.dialogue.state import DialogueState
from bot.models import IntentInfo, Reply
from bot.nlu.intents import group_of
from bot.nlu.types import NLUResult
from bot.sessions.base import SessionStore
from bot.stages import record_stage

log = logging.getLogger(__name__)

MAX_TEXT = 2000


_WANTED_BY = re.compile(r"\b(?:by|before|in time for)\s+(?:the\s+|next\s+|this\s+)?(?:\d{1,2}(?:st|nd|rd|th)|\w+day|christmas|xmas|"
                        r"the weekend)\b|\b(?:here|delivered|there)\s+(?:asap|a\.s\.a\.p|quickly|fast|soon|urgently)\b", re.IGNORECASE)  # "need a desk here asap"


def _kind(intent: str) -> str | None:
    """What part of a message with several requests a clause can be: a service request, a question about
    the products shown, a product request; None for anything else."""
    if group_of(intent) == "service":
        return "service"
    return {"product_question": "question", "search_product": "shopping", "refine": "shopping",
            "complement_request": "shopping", "add_to_cart": "cart"}.get(intent)


class Assistant:
    def __init__(
        self,
        settings: Settings,
        *,
        nlu: Any,
        retriever: Any,
        reranker: Any,
        sessions: SessionStore,
        policy: ShopPolicy | None = None,
        use_profile: bool = True,
    ) -> None:
        from ranking.diversity import diversify

        self.settings = settings
        self.nlu = nlu
        self.retriever = retriever
        self.reranker = reranker
        self.sessions = sessions
        self.on_stage: Callable[[str, float], None] = record_stage
        self._nlu_batcher: MicroBatcher[str, NLUResult] = MicroBatcher(nlu.predict_batch, max_batch=64, name="nlu")
        # no wait for company: queries arriving while a batch runs form the next one
        self._embed_batcher: MicroBatcher[str, np.ndarray] = MicroBatcher(
            retriever.embedder.embed_queries, max_batch=64, max_wait_s=0.0, name="embedding")
        self._known_words: set[str] | None = None
        self.manager = DialogueManager(Services(
            retriever=retriever,
            rerank=reranker.rerank,
            diversify=lambda scored, vectors, k: diversify(scored, vectors, k),
            policy=policy or ShopPolicy(),
            use_profile=use_profile,
            stage=lambda name, seconds: self.on_stage(name, seconds),
            embed=self.embed_query,
        ))

    # -- construction -------------------------------------------------------------------
    @classmethod
    async def create(cls, settings: Settings | None = None, *, progress: bool = True, **kwargs) -> "Assistant":
        """Open the index (building it if needed), the NLU (training it if missing), the re-ranker and sessions."""
        settings = settings or Settings.from_env()
        return await blocking(cls.create_blocking, settings, progress=progress, **kwargs)

    @classmethod
    def create_blocking(cls, settings: Settings, *, progress: bool = True, sessions: SessionStore | None = None, **kwargs) -> "Assistant":
        from bot.nlu.predictor import ensure_nlu
        from bot.sessions import open_session_store
        from ranking.reranker import Reranker
        from ranking.worker import BatchingReranker
        from retrieval.retriever import Retriever

        settings.home.mkdir(parents=True, exist_ok=True)
        retriever = Retriever.open(settings, settings.catalog, settings.catalog_format)
        nlu = ensure_nlu(settings, list(retriever.products.values()), progress=progress)
        reranker = BatchingReranker(Reranker.load(settings))
        store = sessions or open_session_store(settings)
        return cls(settings, nlu=nlu, retriever=retriever, reranker=reranker, sessions=store, **kwargs)

    # -- turns ----------------------------------------------------------------------------
    async def parse(self, text: str) -> NLUResult:
        started = time.perf_counter()
        result = await self._nlu_batcher.submit(text)
        self.on_stage("nlu", time.perf_counter() - started)
        return result

    async def embed_query(self, text: str) -> np.ndarray:
        """A search text's embedding: from the query cache, else from the model in a batch shared with the
        other sessions' searches."""
        cached = self.retriever.embedder.cached_query(text)
        return cached if cached is not None else await self._embed_batcher.submit(text)

    def _readable(self, text: str) -> str:
        """The message as the NLU reads it: emphasis-stretched words restored ("sooooofa" -> "sofa") and common
        misspellings of service and product words fixed ("cancle my oder", "cofee table")."""
        from bot.nlu.normalize import fix_shop_typos, squeeze_repeats

        if self._known_words is None:
            tokenizer = getattr(self.nlu, "tokenizer", None)
            self._known_words = set(tokenizer.get_vocab()) if tokenizer is not None else set()
        return fix_shop_typos(squeeze_repeats(text, self._known_words.__contains__))

    async def _load(self, session_id: str) -> DialogueState:
        raw = await self.sessions.load(session_id)
        if raw:
            return DialogueState.model_validate(raw)
        return DialogueState(session_id=session_id, profile={"personalization": self.settings.personalization})

    async def _commit(self, state: DialogueState, text: str, reply: Reply, message_id: str | None) -> None:
        turn = {
            "message_id": message_id,
            "text": text,
            "at": time.time(),
            "intent": reply.intent.name,
            "action": reply.action,
            "reply": reply.model_dump(mode="json"),
        }
        await self.sessions.commit_turn(state.session_id, state.model_dump(mode="json"), turn)

    def _simple(self, session_id: str, text: str, action: str = "clarify", intent: str = "out_of_scope") -> Reply:
        return Reply(session_id=session_id, text=text, intent=IntentInfo(name=intent, confidence=1.0), action=action)

    async def handle(self, session_id: str, text: str, *, message_id: str | None = None) -> Reply:
        started = time.perf_counter()
        text = (text or "").replace("\x00", "").strip()
        if not text:
            return self._simple(session_id, "I didn't catch that. What are you looking for?")
        if len(text) > MAX_TEXT:
            return self._simple(session_id, f"That message is too long for me (over {MAX_TEXT} characters). Could you say it in a few words?")
        async with self.sessions.lock(session_id):
            if message_id:
                previous = await self.sessions.find_turn(session_id, message_id)
                if previous is not None:  # a retried delivery: answer it again, apply it once
                    return Reply.model_validate(previous["reply"])
            state = await self._load(session_id)
            try:
                understood = self._readable(text)
                nlu = await self.parse(understood)
                reply = await self._several_requests(state, understood, nlu) or await self.manager.turn(state, understood, nlu)
            except Exception:
                log.exception("turn failed (session hidden)")
                self.on_stage("error", 0.0)
                return self._simple(session_id, "Sorry, something went wrong on my side. Please try again in a moment.",
                                    action="out_of_scope")
            await self._commit(state, text, reply, message_id)
        self.on_stage("turn", time.perf_counter() - started)
        if log.isEnabledFor(logging.DEBUG):
            log.debug("turn session=%s text=%r -> %s", session_id, text, reply.action)
        return reply

    async def _several_requests(self, state: DialogueState, text: str, nlu: NLUResult) -> Reply | None:
        """Each request of a message that asks several answered in turn, in one reply: different service requests
        ("where's my order 30417 and do you accept apple pay?"), or one product request with a service request or
        a question about the products shown ("show me desks under 300, and do you deliver on saturdays?"); None
        when the message is one request."""
        whole = _kind(shop_topic(text) or nlu.intent)
        chosen = GO_WITH_THE_ONE.search(text) if state.shown else None
        # (an unsure whole reading may still be several sure ones: "add it. and a rug for next to her bed, pink if you have it")
        if (whole is None and nlu.confidence >= 0.6) or (chosen and len(text[chosen.end():].split()) <= 2):
            return None  # (not "glass top ...? nope. | i'll go with the marble one": a choice said last, read whole)
        if KEEP_THE_ORDER.search(text):
            return None  # "no wait dont cancel it, we still want it. but ... i want to file a complaint": one matter
        if state.shown and PRICE_REMARK.match(text):
            return None  # "1679 for a single mattress?? is that really the only twin one": one question about it
        # "white bookcase for my home office under 250, and how long does delivery usually take?": read as delivery
        # whole, but a product is named first
        parts = split_requests(text, wish_first=whole == "shopping" or bool(nlu.slots.get("category"))
                               or nlu.slots.get("price_max") is not None)  # "under 700, and can you deliver this weekend?"
        if len(parts) < 2:
            return None
        readings = await asyncio.gather(*(self.parse(p) for p in parts))
        # "can you gift wrap it", "my last order arrived with a broken leg": a shop rule or damage, whatever the model reads
        ruled = [shop_topic(p) or ("return_item" if says_damaged(p) else None)
                 or ("add_to_cart" if i == 0 and (is_cart_command(p) or cart_said_first(text)) else None)  # "ok add the cheaper one"
                 for i, p in enumerate(parts)]
        intents = [rule or r.intent for rule, r in zip(ruled, readings)]
        kinds = [_kind(i) for i in intents]
        # (an unsure reading counts when its clause names its topic: "how much is delivery to 60614")
        if None in kinds or any(r.confidence < 0.6 and not rule and not names_topic(r.intent, p)
                                # (a product named after the cart: "add it, and a nightstand to match for his bed")
                                and not (i and ruled[0] == "add_to_cart" and kinds[i] == "shopping" and r.slots.get("category"))
                                for i, (rule, r, p) in enumerate(zip(ruled, readings, parts))):
            return None
        categories = self.retriever.vocabulary.get("categories", [])
        if "question" in kinds and any(k == "shopping" and set(r.slots) <= {"category"}
                                       and not category_matches(str(r.slots.get("category") or ""), categories, typos=False)
                                       for k, r in zip(kinds, readings)):
            return None  # "do either of them have storage drawers? | need somewhere for their suitcases": the reason
        if any(k == "question" and not asks_about_them(p) for k, p in zip(kinds, parts)):
            return None  # "need a patio set that seats at least 6 | and is waterproof. budget is 1k": one request
        if any(i == "contact_human" and not A_PERSON.search(p) for i, p in zip(intents, parts)):
            return None  # "Do your drivers also take away the old bed | when they deliver the new one?": one question
        if set(kinds) == {"service"}:
            if len(set(intents)) < len(intents):
                return None
        elif len(set(kinds)) < len(kinds) or any(k == "shopping" and _WANTED_BY.search(p) for k, p in zip(kinds, parts)):
            # two product requests ("a sofa and do you have it in grey?"): one request, read whole; "do you have
            # express delivery? need a desk here before the 18th": a delivery question about what they will buy
            return None
        readings = [r.model_copy(update={"intent": i}) for r, i in zip(readings, intents)]
        return merge_replies([await self.manager.turn(state, p, r) for p, r in zip(parts, readings)])

    async def feedback(self, session_id: str, product_id: str, liked: bool) -> Reply:
        async with self.sessions.lock(session_id):
            state = await self._load(session_id)
            reply = await self.manager.feedback_on(state, product_id, liked)
            await self._commit(state, f"[{'like' if liked else 'dislike'} {product_id}]", reply, None)
        return reply

    # -- sessions -------------------------------------------------------------------------
    async def session_view(self, session_id: str) -> dict[str, Any] | None:
        raw = await self.sessions.load(session_id)
        if raw is None:
            return None
        state = DialogueState.model_validate(raw)
        view = state.model_dump(mode="json")
        profile = view["profile"]
        profile["liked_embeddings"] = len(profile["liked_embeddings"])
        profile["rejected_embeddings"] = len(profile["rejected_embeddings"])
        view["cart_total"] = round(sum(
            (self.retriever.products[c.product_id].price or 0) * c.quantity
            for c in state.cart if c.product_id in self.retriever.products
        ), 2)
        return view

    async def export(self, session_id: str) -> dict[str, Any] | None:
        raw = await self.sessions.load(session_id)
        history = await self.sessions.history(session_id)
        if raw is None and not history:
            return None
        return {"session_id": session_id, "state": raw, "history": history}

    async def forget(self, session_id: str) -> bool:
        async with self.sessions.lock(session_id):
            return await self.sessions.delete(session_id)

    async def set_personalization(self, session_id: str, enabled: bool) -> None:
        async with self.sessions.lock(session_id):
            state = await self._load(session_id)
            state.profile.personalization = enabled
            if not enabled:
                forget_preferences(state.profile)
            reply = self._simple(session_id, f"Personalization {'on' if enabled else 'off'}.", action="smalltalk", intent="settings")
            await self._commit(state, f"[personalization {'on' if enabled else 'off'}]", reply, None)

    def readiness(self) -> dict[str, bool]:
        return {"nlu": self.nlu is not None, "store": self.retriever is not None,
                "ranker": self.reranker is not None, "sessions": self.sessions is not None}

    async def close(self) -> None:
        await self._nlu_batcher.close()
        await self._embed_batcher.close()
        await self.reranker.aclose()
        await self.sessions.close()
        await blocking(self.retriever.close)
