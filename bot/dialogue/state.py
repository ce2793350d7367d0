"""Per-session dialogue state: what the shopper asked for, what was shown, the cart."""

from __future__ import annotations

from pydantic import BaseModel, Field

from bot.dialogue.profile import UserProfile
from retrieval.types import SearchFilter


class CartItem(BaseModel):
    product_id: str
    quantity: int = Field(default=1, ge=1)


class DialogueState(BaseModel):
    session_id: str
    turn: int = 0
    # Hard constraints the shopper stated and did not withdraw: every shown product satisfies them.
    constraints: SearchFilter = Field(default_factory=SearchFilter)
    # Free-text part of the current request ("for a small flat", "with lumbar support").
    query_text: str = ""
    # Products of the last list shown, in order: position 1 is shown[0].
    shown: list[str] = Field(default_factory=list)
    # The list shown before that one: "more like the second one" said of it when the last list is shorter.
    previous_shown: list[str] = Field(default_factory=list)
    # Products shown in this conversation, most recent last (up to 60): "what was that blue lamp again?".
    shown_before: list[str] = Field(default_factory=list)
    # Every product shown for the current request (so "show more" never repeats).
    seen: list[str] = Field(default_factory=list)
    # Positions of the products of the last comparison ("which one is cheaper?" is about them).
    compared: list[int] = Field(default_factory=list)
    # The last product question answered ("and the second?" asks it again about another product).
    last_question: str = ""
    # The product the shopper is talking about ("is it waterproof?").
    focus_id: str | None = None
    # Products a question was answered about, most recent last (up to 20): "the standing desk i asked about earlier".
    asked_about: list[str] = Field(default_factory=list)
    # The filter of the current request as first asked ("back to the first list").
    first_constraints: SearchFilter | None = None
    # Styles said as the look they are going for ("mid century or scandi vibe"): while they are the styles asked
    # for, they show first and give way before the material when nothing has them all.
    look_styles: list[str] = Field(default_factory=list)
    # materials said as a wish, not a must ("boucle maybe", "performance fabric would be ideal"): they give way first
    soft_materials: list[str] = Field(default_factory=list)
    soft_colors: list[str] = Field(default_factory=list)  # ... and colours ("green would be lovely")
    soft_kinds: list[str] = Field(default_factory=list)  # ... and kinds' title words ("maybe a recliner?")
    # listed features said as a must ("waterproof ones only"): a colour asked later gives way to them, not they to it
    firm_features: list[str] = Field(default_factory=list)
    # sizes said roughly ("5x8 or so"): the other sizes when nothing else asked for comes in them
    rough_sizes: list[str] = Field(default_factory=list)
    # the budget was said as a price to aim at ("around 150"): the closest in price when nothing is in the range
    price_around: bool = False
    # The room the shopper is furnishing ("I want to furnish my dining room"): "a table" there is a dining table.
    room: str | None = None
    # The styles said for the whole room ("her bedroom redone, she's obsessed with boho stuff"): each piece asked for
    # in turn comes in them (a style said for that piece wins).
    room_styles: list[str] = Field(default_factory=list)
    # Several things asked for at once ("a queen bed and a mattress, under 1000 together"): their categories and
    # the budget said for all of them, which holds for each in turn.
    bundle: SearchFilter | None = None
    # A budget said for every piece ("max 500 per piece"): it holds for each new kind of product asked for.
    budget_each: float | None = None
    # Earlier requests by their category ("back to the sofas" picks up what was said for sofas).
    earlier: dict[str, SearchFilter] = Field(default_factory=dict)
    # The filter the last complements were found with (their category, budget, colour...), refined by a follow-up.
    complement_filter: SearchFilter | None = None
    # The product the last complements were found for ("suggest a matching rug" after "what goes with it?").
    complement_base_id: str | None = None
    # Products the shopper asked to see more like / less like (Qdrant recommend examples).
    positive_ids: list[str] = Field(default_factory=list)
    negative_ids: list[str] = Field(default_factory=list)
    # The price bound ("price_max" / "price_min") a "cheaper" / "more premium" critique set, with the value it
    # had before (the shopper's own budget, or None): restored when a later constraint leaves nothing within it.
    critique_price_bound: tuple[str, float | None] | None = None
    # Minimum size rank / dimension from "bigger" / "smaller" critiques.
    size_bound: tuple[str, float] | None = None
    cart: list[CartItem] = Field(default_factory=list)
    last_action: str | None = None
    pending: str | None = Field(default=None, description="What the last clarifying question asked: category, budget, order_id.")
    pending_intent: str | None = None
    asked_budget_for: list[str] = Field(default_factory=list)
    order_id: str | None = None
    # The service intent of the last service answer ("how long do I have?" right after a return question).
    last_service_intent: str | None = None
    # The message that asked it: a follow-up giving only an order id is answered on the same topic.
    last_service_text: str = ""
    # Every service intent answered in this conversation, in order ("do I need to keep the box?" after a return and a
    # delivery question: the return).
    service_intents: list[str] = Field(default_factory=list)
    # ... and their topics ("wrong_item", "amount"): "how long till the navy one gets here" two answers after a wrong item
    service_topics: list[str] = Field(default_factory=list)
    # The kind of product a service message was about ("return the mattress I bought"): "a firmer one" next is one.
    service_category: str | None = None
    profile: UserProfile = Field(default_factory=UserProfile)

    def styles_are_look(self, styles: list[str]) -> bool:
        """Whether ``styles`` are the look the shopper said they are going for (not a must for each piece)."""
        return bool(styles) and {s.lower() for s in styles} == {s.lower() for s in self.look_styles}

    def product_at(self, position: int) -> str | None:
        """The id shown at a 1-based position (-1 = the last one), or None."""
        if not self.shown:
            return None
        if position == -1:
            return self.shown[-1]
        if 1 <= position <= len(self.shown):
            return self.shown[position - 1]
        return None
