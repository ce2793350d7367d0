"""The shop's service side: orders, returns, refunds, delivery, payment, handoff.

Answers come from the shop's policy (``ShopPolicy``, set per shop) and always
end with a clear next step. The bot has no access to live order data, so it
never invents an order's status: it collects the order id and says where the
status can be seen, or hands over to a person.
"""

from __future__ import annotations

import re

from pydantic import BaseModel

ORDER_ID = re.compile(r"(?<![\w-])#?([A-Z]{0,4}-?\d{4,12})(?![\w-])", re.IGNORECASE)

SERVICE_INTENTS = (
    "order_status", "cancel_order", "change_order", "return_item", "refund", "delivery_options",
    "delivery_time", "payment_issue", "shipping_address", "complaint", "contact_human",
    "account_help", "invoice", "payment_methods", "leave_review",
)
HANDOFF_INTENTS = ("contact_human", "complaint")
NEEDS_ORDER_ID = ("order_status", "cancel_order", "change_order", "return_item", "refund", "shipping_address", "invoice")


class ShopPolicy(BaseModel):
    shop_name: str = "the shop"
    return_days: int = 30
    refund_days: str = "5-10 business days"
    standard_delivery: str = "3-5 business days"
    express_delivery: str = "1-2 business days"
    free_shipping_over: float = 50.0
    cancel_window_hours: int = 24
    orders_url: str = "the Orders page of your account"
    support_hours: str = "Monday to Friday, 9:00-18:00"
    payment_methods: str = "Visa, Mastercard, American Express, PayPal and gift cards"


def find_order_id(text: str) -> str | None:
    match = ORDER_ID.search(text)
    return match.group(1).upper() if match else None


def answer(intent: str, order_id: str | None, policy: ShopPolicy) -> tuple[str, list[str]]:
    """(text, quick replies) for a service intent."""
    ref = f"order {order_id}" if order_id else "your order"
    human = "Talk to a person"
    texts = {
        "order_status": (
            f"I can't see live tracking for {ref} from this chat, but {policy.orders_url} shows its current status "
            f"and the carrier's tracking link. If it's late, I can connect you to a person who can check it.",
            [human, "Delivery times"],
        ),
        "cancel_order": (
            f"Orders can be cancelled within {policy.cancel_window_hours} hours of purchase from {policy.orders_url}. "
            f"If {ref} has already shipped, you can return it instead once it arrives.",
            [human, "How do returns work?"],
        ),
        "change_order": (
            f"You can change items or quantities of {ref} from {policy.orders_url} until it ships. "
            "After that, a person from our team can help.",
            [human, "Change the shipping address"],
        ),
        "return_item": (
            f"You can return items within {policy.return_days} days of delivery. Start the return for {ref} from "
            f"{policy.orders_url}; you'll get a prepaid label, and the refund follows once we receive it.",
            ["How long do refunds take?", human],
        ),
        "refund": (
            f"Refunds go back to your original payment method within {policy.refund_days} after we receive the "
            f"return. If a refund for {ref} is overdue, I can connect you to a person.",
            [human, "How do returns work?"],
        ),
        "delivery_options": (
            f"We offer standard delivery ({policy.standard_delivery}) and express delivery ({policy.express_delivery}). "
            f"Standard delivery is free on orders over ${policy.free_shipping_over:,.0f}.",
            ["How long does delivery take?", "Track my order"],
        ),
        "delivery_time": (
            f"Standard delivery takes {policy.standard_delivery}; express takes {policy.express_delivery}. "
            "Large furniture may need an extra few days for scheduling.",
            ["Delivery options", "Track my order"],
        ),
        "payment_issue": (
            "Sorry about the payment trouble. Please check the card details and billing address, or try another "
            "payment method; you are not charged for a failed payment. If it keeps failing, a person can help.",
            [human],
        ),
        "shipping_address": (
            f"You can change the shipping address of {ref} from {policy.orders_url} until it ships. "
            "For an order that has shipped, a person can contact the carrier for you.",
            [human],
        ),
        "account_help": (
            "You can manage your account (password, email, details) from the Account page. "
            "If you can't sign in, use 'Forgot password' on the sign-in page, or ask a person to help.",
            [human],
        ),
        "invoice": (
            f"The invoice for {ref} can be downloaded from {policy.orders_url}. "
            "If you need a corrected invoice, a person can issue one.",
            [human],
        ),
        "payment_methods": (
            f"We accept {policy.payment_methods}. You choose the payment method at checkout.",
            ["Payment problem", human],
        ),
        "leave_review": (
            "Thanks for wanting to share your opinion! You can review a product from its page, or from "
            f"{policy.orders_url} once your order has arrived.",
            ["Continue shopping"],
        ),
        "complaint": (
            "I'm sorry about your experience. I'm passing this conversation to a person from our customer-care team "
            f"({policy.support_hours}), who will get back to you.",
            ["Continue shopping"],
        ),
        "contact_human": (
            f"Sure, I'm connecting you to a person from our team ({policy.support_hours}). "
            "They will see this conversation, so you won't need to repeat yourself.",
            ["Continue shopping"],
        ),
    }
    return texts[intent]


def ask_order_id(intent: str) -> str:
    what = {
        "order_status": "check on",
        "cancel_order": "cancel",
        "change_order": "change",
        "return_item": "return",
        "refund": "check the refund for",
        "shipping_address": "update",
        "invoice": "get the invoice for",
    }[intent]
    return f"Which order would you like to {what}? Please give me the order number (e.g. 123456)."
