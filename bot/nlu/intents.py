"""The intent inventory of shopbot's NLU.

Names are a contract with the dialogue layer: do not rename. Each intent
belongs to one group (shopping, service, conversation). ``docs/intents.md``
shows examples for every intent.
"""

from __future__ import annotations

SHOPPING_INTENTS: tuple[str, ...] = (
    "search_product",  # "a grey sofa under $800"
    "refine",  # critiques: "cheaper", "not IKEA", "in blue", "bigger", "more like #2", "something different"
    "show_more",  # "show me more", "next"
    "compare",  # "compare the first two"
    "product_question",  # "is the second one waterproof?"
    "feedback_like",  # "I love the first one"
    "feedback_dislike",  # "I don't like #2"
    "add_to_cart",  # "add the third one to my cart", "how do I check out"
    "complement_request",  # "what goes well with it?"
)

SERVICE_INTENTS: tuple[str, ...] = (
    "order_status",
    "cancel_order",
    "change_order",
    "return_item",
    "refund",
    "delivery_options",
    "delivery_time",
    "payment_issue",
    "shipping_address",
    "complaint",
    "contact_human",
    # additions beyond the list (real shoppers ask for these often):
    "account_help",  # sign up, log in, password, delete/edit account
    "invoice",  # get / find an invoice or receipt
    "payment_methods",  # "do you take PayPal?"
    "leave_review",  # "I want to leave a review about your service"
)

CONVERSATION_INTENTS: tuple[str, ...] = ("greet", "thanks", "goodbye", "out_of_scope")

INTENTS: tuple[str, ...] = SHOPPING_INTENTS + SERVICE_INTENTS + CONVERSATION_INTENTS

OUT_OF_SCOPE = "out_of_scope"

INTENT_GROUP: dict[str, str] = {
    **{name: "shopping" for name in SHOPPING_INTENTS},
    **{name: "service" for name in SERVICE_INTENTS},
    **{name: "conversation" for name in CONVERSATION_INTENTS},
}

# Slot types tagged by the model (BIO). Normalized extra keys (price_relative,
# size_relative) come from rules, not from tags.
SLOT_TYPES: tuple[str, ...] = (
    "category",
    "brand",
    "color",
    "material",
    "style",
    "size",
    "price_min",
    "price_max",
    "price",  # a price phrase whose direction is read by normalization ("around 500", "between 50 and 80")
    "item_ref",
    "order_id",
    "exclude_brand",
    "exclude_color",
    "exclude_material",
    "exclude_category",
)


def bio_labels() -> list[str]:
    """All BIO tags: ``O`` then ``B-x``/``I-x`` for every slot type."""
    labels = ["O"]
    for slot in SLOT_TYPES:
        labels += [f"B-{slot}", f"I-{slot}"]
    return labels


def group_of(intent: str) -> str:
    """``shopping`` | ``service`` | ``conversation`` (``conversation`` for unknown names)."""
    return INTENT_GROUP.get(intent, "conversation")
