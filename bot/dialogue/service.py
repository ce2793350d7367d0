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
    standard_delivery_fee: float = 9.95  # below free_shipping_over
    express_delivery_fee: float = 29.95
    cancel_window_hours: int = 24
    cancellation_fee: float = 0.0
    store_pickup: str | None = None  # e.g. "free from our showroom, usually ready in 2 days"; None = not offered
    orders_url: str = "the Orders page of your account"
    support_hours: str = "Monday to Friday, 9:00-18:00"
    payment_methods: str = "Visa, Mastercard, American Express, PayPal and gift cards"
    installments: str | None = None  # e.g. "PayPal Pay in 4 on orders from $30 to $1,500"; None = not offered
    replacements: bool = True  # a faulty or damaged item can be replaced instead of refunded
    promo_codes: str = ("enter it in the 'Promo code' field at checkout, before paying; one code per order, and a code "
                        "may have an end date or exclude sale items")
    price_match: str | None = None  # e.g. "we match a lower price from a major retailer within 14 days"; None = not offered
    old_furniture_removal: str | None = None  # e.g. "$49 per item, booked at checkout"; None = not offered
    in_home_delivery: str | None = None  # e.g. "to the room of your choice with assembly, $79"; None = to the door only
    bulk_orders: str | None = None  # e.g. "10% off 10 or more of one item"; None = no bulk pricing online
    loyalty: str | None = None  # e.g. "5% off every order after your third"; None = no loyalty scheme
    refund_amount: str = ("the full price you paid for the item: there is no restocking fee, and return shipping is free "
                          "with our prepaid label")
    return_packaging: str = "any sturdy packaging that protects the item will do, with the prepaid label on the outside"
    gift_wrap: str | None = None  # e.g. "$5 per item, chosen at checkout, with a card message"; None = not offered
    weekend_delivery: str | None = None  # e.g. "on Saturdays for $15 more, booked at checkout"; None = business days only
    # where a parcel may be left when no one is home ("will the driver just leave it on the doorstep?")
    safe_place: str = "a safe place (a porch, a covered spot, a neighbour)"


def find_order_id(text: str) -> str | None:
    match = ORDER_ID.search(text)
    return match.group(1).upper() if match else None


# What a service message is about beyond its intent: a question about the shop's rules ("how long do I have
# to send it back?") is answered from the policy at once; an order id is asked for only when the shopper
# wants something done to one order ("I want to return my chair", "where is my package").
_POLICY_QUESTION = {
    "return_item": re.compile(
        r"\b(how (long|many days|much time)|within how many days|how many days|what'?s the (return )?(window|deadline|time ?limit)|"
        r"time ?limit (?:for|on|to) return|"
        r"return (policy|window|period|deadline|time ?frame|limit)|returns? policy|policy on returns|"
        r"(is|are) returns? (free|shipping free)|return shipping (free|cost)|free returns?|do you (accept|take|do|allow) returns?|"
        r"can i (still )?(return|send)|is it too late to|until when|by when|deadline|how do (i|you) (return|send)|"
        r"how (does|do) (a |the )?returns? work|what'?s the process|"
        # "do you come pick it up or do I have to drop it off somewhere"
        r"(do|will|would) you (guys )?(come (and )?)?(pick|collect)|do (i|we) (have|need) to (drop|bring|take|post)|"
        # "if we get one and hate it can we send it back?": before buying
        r"if (i|we) (get|buy|order) (one|it|this|them|that|the \w+)\b.{0,40}\b(can|could) (i|we) (return|send))\b",
        re.IGNORECASE,
    ),
    "refund": re.compile(
        r"\b(how (long|quickly|fast|soon) (do|does|will|would) (a |the |my )?refunds? (usually |normally |typically |generally )?"
        r"(take|need|come through|go through|arrive|show up|land|get processed)|"
        r"refund policy|policy on refunds|"
        r"how (long|many days|soon) (until|till|til|'til|before) (i get )?(a |my )?refund|how (do|does) refunds? work|"
        r"how (long|soon) (until|till|til|'til|before) i (get|see|receive|have) (my money|the money|it|that|the difference|"
        r"the charge)( back)?|"
        r"do you (give|offer|do) refunds|can i get a refund if)\b",
        re.IGNORECASE,
    ),
    "cancel_order": re.compile(
        r"\b(cancellation (fee|policy|window|charge)|fee (to|for) cancel\w*|cost to cancel\w*|"
        r"(fee|charge|penalty|cost)s?\b.{0,25}\bcancel\w*|cancel\w*\b.{0,25}\b(fee|charge|penalty|cost)s?|how long (do i have )?to cancel|"
        r"can i (still )?cancel (an|my)? ?order (after|before|once)|until when can i cancel|policy on cancel|"
        r"(?:a|any) (?:fee|charge|penalty) for (?:that|doing that|it)|"
        # "will i be charged anything for cancelling?", "does it cost me something to cancel"
        r"(?:be|get|getting) charged\b.{0,25}\bcancel\w*|cost (?:me |us )?(?:anything|something|extra|money)\b.{0,10}\bcancel\w*)\b",
        re.IGNORECASE,
    ),
    "order_status": re.compile(r"\b(how (do|can) i (track|check)|where (do|can) i (track|see|check))\b", re.IGNORECASE),
    "change_order": re.compile(
        r"\b(how (do|can) (i|you)|how to|where (do|can) i|is it possible|are you able|"
        r"can (i|you|we) (still )?(change|modify|edit|update) (an|my|the) order (after|before|once|if|when)|"
        r"after (it|the order|my order) (has )?(shipped|ships|been shipped)|until when|(policy|rules?) (on|for) (changing|changes))\b",
        re.IGNORECASE,
    ),
    "shipping_address": re.compile(
        r"\b(how (do|can) i|where (do|can) i|is it possible|can i (still )?change (it|the address|my address) (after|before|once)|"
        r"after (it|the order|my order) (has )?(shipped|ships)|add (a )?new (delivery |shipping )?address|address book|"
        r"default address)\b",
        re.IGNORECASE,
    ),
}
_DELIVERY_COST = re.compile(r"\b(how much|costs?|price[ds]?|fees?|charge[ds]?|pay|free)\b", re.IGNORECASE)
# A shopper who says they are unhappy hears an apology first, whatever the request.
_UPSET = re.compile(
    r"\b(not happy|unhappy|disappoint\w*|frustrat\w*|annoy\w*|angry|furious|upset|unacceptable|ridiculous|"
    r"terrible|awful|fed up|sick of|worst|still (not|hasn'?t|haven'?t|no)|never (came|arrived|showed)|(?:was|is) a joke|"
    r"(?:is|was|are|'s) (?:a |such a |an absolute |a total |a complete |an )?(?:mess|shambles|nightmare)|"  # "your payment system is a mess"
    r"rip[- ]?off|scam|not impressed|unbelievable|stress(?:ing|ed)? (?:me )?out|stressful|not acceptable|useless|smh|disgusted|disgusting|appalled|appalling|livid|outrageous|shocking|gutted|"
    # "this is the second time a delivery from you lot has been late tbh"
    r"(?:second|third|2nd|3rd|fourth|nth) time\b.{0,50}\b(?:late|wrong|damaged|broken|missing|cracked|lost|cancell?ed))\b",
    re.IGNORECASE,
)
# "the screws for the shelves are missing", "no screws in the box", "missing the hardware"
_MISSING_PARTS = (r"\b(?:screws?|bolts?|parts?|pieces?|hardware|fittings?|instructions|allen key|legs?|knobs?|handles?|pulls?|"
                  r"casters?|wheels?|feet|shelf|shelves)\b.{0,30}\b(?:is|are|was|were)\s+"
                  r"missing\b|\bmissing\s+(?:the\s+|some\s+|all\s+(?:the\s+)?|half\s+(?:of\s+)?(?:the\s+)?|a\s+)?(?:screws?|bolts?|parts?|pieces?|hardware|"
                  r"fittings?|legs?)\b|\bno (?:screws|bolts|hardware|fittings|instructions) in the box\b")
_DAMAGED = re.compile(
    r"\b(arrived|arrives|arrive|came|comes|delivered|showed up|shows up|show up|got here|turned up|turns up|received|unboxed|"
    r"unpacked|opened the box|"
    r"got (?:my|the|our|it|them)|assembled (?:it|my|the))\b.{0,80}"
    r"\b(broken|broke|damaged|torn|ripped|scratched|dented|cracked|chipped|stained|smashed|defective|faulty|snapped|"
    r"busted|wobbly|split|came apart|fell (off|apart)|"
    r"missing (parts?|pieces?|screws?|legs?)|bent|shattered|(a|an|one|some|two|big|small|huge|large|deep|long)\s+"
    r"(?:\w+\s+)?(tear|hole|rip|scratch(es)?|dent|crack|stain|chip|mark)s?)\b"
    r"|\b(broken|damaged|torn|ripped|scratched|dented|cracked|defective|faulty) on arrival\b"
    # "the lamp from order 663021 has a big dent in it", "the dresser is scratched", "the sofa legs are missing"
    # "the dresser I got on monday has a cracked drawer front"
    r"|\b(?:has|have|had|got) (?:a|an|one|two)\s+(?:cracked|broken|scratched|chipped|dented|split|torn|ripped|damaged|bent|"
    r"snapped|smashed|shattered)\s+\w+"
    r"|\b(?:has|have|had|got) (?:a|an|some|two|big|small|huge|large|deep|long)\s+(?:\w+\s+)?(?:tear|hole|rip|scratch|dent|crack|"
    r"stain|chip)(?:s|es)?\b|\b(?:is|are|was|were|came|arrived) (?:all |badly |completely )?(?:broken|damaged|scratched|dented|"
    r"cracked|chipped|smashed|shattered|torn|ripped)\b|\b(?:legs?|parts?|pieces?|screws?|hardware|cushions?) (?:is |are |was |were )?"
    r"missing\b|\b(?:leg|arm|handle|knob|door|drawer|wheel|caster|foot|feet|back|shelf)\w* (?:has |have |had )?(?:snapped|broke|"
    r"come|came|fallen|fell|ripped) off\b"  # "the leg snapped off one of the dining chairs"
    r"|" + _MISSING_PARTS,
    re.IGNORECASE,
)
_MISSING = re.compile(_MISSING_PARTS, re.IGNORECASE)
# Wear that shows after a while ("one of the legs has started wobbling"): an apology, not "it arrived damaged"
_DEFECT = re.compile(r"\b(?:legs?|frame|seat|it|tables?|chairs?|drawers?|shelf|shelves|seams?)\b.{0,40}\b(?:started |starting |begun |"
                     r"begins? )?(?:wobbl\w*|sagg\w*|peeling|splitting|fraying|coming apart|falling apart|creak\w*|snapped|"
                     r"cracked|(?:won'?t|wont|doesn'?t|does not|will not|don'?t|do not)\s+(?:close|shut|open|slide|lock|stay (?:shut|closed|open))"
                     r"(?:\s+properly|\s+all the way)?)\b", re.IGNORECASE)  # ... "the dining table I bought from you snapped after 3 weeks",
# "the dresser I bought from you last week has a drawer that won't close properly"
_DOUBLE_CHARGE = re.compile(
    r"\b(charged|billed|paid|charge|debited|taken|deducted)\b.{0,30}\b(twice|two times|2 times|three times|3 times|thrice|double|again|"
    r"more than once)\b"
    r"|\b(double[- ]?(charged?|billed|payment)|duplicate (charges?|payments?|transactions?)|"
    r"(?:two|2|three|3)\s+(?:pending\s+)?(charges|payments|transactions))\b",
    re.IGNORECASE,
)
_FAILED = re.compile(r"\b(declin\w*|fail\w*|reject\w*|didn'?t go through|won'?t go through|doesn'?t go through)", re.IGNORECASE)
_WRONG_AMOUNT = re.compile(
    r"\b(overcharged|wrong amount|charged (me )?(too much|more than|the wrong)|incorrect (amount|charge)|"
    r"amount (is|was) wrong|charged the full price|didn'?t get the discount|price (was|is) different|"
    r"charged (me )?\$?\d[\d,.]* (more|extra)|more than (the|my) (order )?(price|total)|charged (me )?extra|"
    r"charged (me )?\$?\d[\d,.]*,? (but|when|while|instead of|though)|on sale for|"
    r"(higher|more) than (the )?(price|total|amount)|(bank|statement|card) (shows|says)|said \$?\d[\d,.]* but)\b",
    re.IGNORECASE,
)


_PICKUP = re.compile(r"\b(pick(ing)?\s+(it|them|this|that|the \w+)?\s*up|pickup|pick-up|in[- ]store|click (and|&) collect|"
                     r"collect (it|them|in store|from))\b", re.IGNORECASE)


_INSTALLMENTS = re.compile(r"\b(install?ments?|instal?ments?|pay (?:it )?(?:off )?(?:monthly|over time|in \w+ (?:parts|payments))|"
                           r"monthly payments?|financ\w*|payment plans?|klarna|affirm|afterpay|pay later|buy now,? pay later|"
                           r"spread (?:out )?(?:the )?(?:cost|payments?|paying)|split (?:the )?(?:cost|bill|payments?))\b",
                           re.IGNORECASE)
# "just refund me, I don't want a replacement"
_NO_REPLACEMENT = re.compile(r"\b(?:don'?t|do not|doesn'?t|won'?t|no|not)\s+(?:want|need|interested in)?\s*(?:a |any )?(?:replacement|"
                             r"new one|exchange)\b|\binstead of (?:a |the )?(?:replacement|new one|exchange)\b", re.IGNORECASE)
_REPLACEMENT = re.compile(r"\b(replacement|replace (?:it|them|this|that|the \w+)|exchange (?:it|them|this|that|the \w+|for)|"
                          r"swap (?:it|them|this|that)(?: one)?(?: for)?|(?:get|have) (?:it|them|this|that)(?: one)? swapped|"
                          r"(?:a|send me a) new one( instead)?|not (?:my|the|a) money back|"
                          # "I don't want my money back, I want a dry chair that isn't ruined"
                          r"(?:don'?t|do not) want (?:my|the|a) (?:money back|refund)|"
                          r"(?:send|ship) (?:me )?(?:the|a) (?:right|correct|\w+) one|the (?:right|correct) one (?:sent|shipped))\b",
                          re.IGNORECASE)

# "could you swap it for a firmer one instead?", "can I exchange it for the bigger size?": a different product
_EXCHANGE = re.compile(r"\b(?:swap|exchange|switch|change)\s+(?:it|them|this|that)(?:\s+one)?\s+(?:for|to)\s+(?:a|an|the)\s+"
                       r"(?:\w+er|different|other|another|bigger|smaller|\w+ size|\w+ colou?r|\w+ version)\b", re.IGNORECASE)


_WRONG_ITEM = re.compile(
    r"\b(wrong (item|one|product|colou?r|size|thing|model|rug|chair|order)|not what i ordered|isn'?t what i ordered|"
    r"(?:get|send|sending|receive|have) (?:me |us )?the right (?:one|item|colou?r|size)\b|"  # "how long till I get the right one?"
    r"ordered (?!it\b|them\b|one\b)\w+,? (?:but )?got (?!it\b|them\b)\w+|"  # "ordered navy got beige"
    r"(ordered|bought|paid for) (a |an |the |one )?[\w\s,-]{1,50}?\b(and|but|n|&) (?:this time |instead )?(?:i |we )?(got(?!\s+(?:charged|billed|double|debited|refunded))|received|they sent|you sent|it came|came|was sent|"
    r"what (?:turned up|arrived|came|showed up|got delivered|was delivered))|"
    # not "can it be delivered to my work address instead of home?" (where to, not what came)
    r"(sent|delivered|received|got) (?!(?:it |them )?to\b)(me )?(a |an |the )?[\w\s-]{1,30}?\binstead of(?!\s+(?:a\s+|the\s+)?(?:refund|my money))|"
    r"(ordered|bought) (a |an |the )?[\w\s,()-]{1,60}?\b(?:a |an |the )?[\w-]+ (?:one )?(arrived|came|turned up|showed up) instead|"
    # "the duvet cover that showed up today is MUSTARD, i ordered the emerald one!!"
    r"(?:showed up|arrived|came|turned up|got delivered|was delivered)\b.{0,40}\b(?:i|we) (?:ordered|bought|paid for|wanted)\b|"
    # "I open the box to find a beige rug when I ordered a navy one"
    r"(?:open(?:ed)?|unbox(?:ed)?|unpack(?:ed)?) (?:the |my |our )?(?:box|parcel|package)\b.{0,50}\b(?:when|but|though|and) (?:i|we) "
    r"(?:ordered|bought|paid for|wanted)\b|"
    # "I ordered a navy rug and a beige one showed up??"
    r"(ordered|bought) (a |an |the )?[\w\s,()-]{1,60}?\b(?:and|but) (?:a |an |the )[\w-]+ (?:one )?(?:arrived|came|turned up|showed up|"
    r"got delivered|was delivered))\b",
    re.IGNORECASE,
)
# Shop rules asked about in words of their own, whatever intent the model reads ("do you price match?").
_PROMO = re.compile(r"\b(promo(?:tion(?:al)?)?\s?codes?|discount codes?|coupons?(?: codes?)?|voucher(?: codes?)?|"
                    r"codes?\s+[A-Z0-9]*\d[A-Z0-9]*|[A-Z]{3,}\d{1,3}\b.{0,50}\b(?:code|work|apply|invalid|expired|valid)|"
                    r"(?:the |my |this )?code (?:doesn'?t|does not|isn'?t|won'?t|didn'?t|is not) (?:work|apply|valid)|"
                    # "got a code from your summer clearance email but checkout says its invalid??", "keeps saying invalid code"
                    r"\bcode\b[^?!]{0,60}\b(?:says|saying|said)\s+(?:it'?s\s+|its\s+|it\s+is\s+)?(?:invalid|expired|not valid)\b|"
                    r"\b(?:invalid|expired)\s+(?:promo\s+|discount\s+)?code\b|"
                    # "I've got a 15% off code from your newsletter, where do I put it?"
                    r"\d+\s*(?:%|percent)\s*(?:off\s+)?(?:discount\s+)?code)", re.IGNORECASE)
_PRICE_MATCH = re.compile(r"\b(price[- ]?match\w*|match (?:the|their|a|that|his|her|a lower|their lower) price|"
                          # "I found the Harper lounge chair $40 cheaper on another site, will you match it?"
                          r"(?:will|would|can|could|do) (?:you|u|ya) match (?:it|that|them|this)(?=.{0,5}$)|"
                          r"beat (?:the|their|a|that) price)\b", re.IGNORECASE)
# "I bought it for 900 and now it's cheaper": a price that dropped after the purchase
_PRICE_DROP = re.compile(r"\b(?:i|we) (?:bought|ordered|paid for|purchased|got)\b.{0,80}\b(?:now|since then|later|today)\b.{0,40}"
                         r"\b(?:cheaper|on sale|less|lower|reduced|discounted|dropped|went down)\b|\bprice adjustment\b",
                         re.IGNORECASE)
# "can you send my order to my mom's house instead": another delivery address
_ELSEWHERE = re.compile(r"\b(?:send|sent|ship|shipped|deliver(?:ed)?|redirect(?:ed)?|rerouted?|(?:it|they|that|this|them)\s+"
                        r"(?:to\s+|needs?\s+to\s+|has\s+to\s+|should\s+|must\s+)?go)\s+"
                        r"(?:straight\s+|directly\s+)?"
                        r"(?:(?:my |the |this |that )?(?:order|package|parcel|it|them|\w+)\s+)?(?:\w+\s+)?to\s+"
                        r"(?:(?:my|our|a|her|his|their)\s+\w+'s|another|a different|the other|a new|her|his|their)\s+"
                        r"(?:house|place|address|home|office|work|flat|apartment|dorm|halls?|college|uni|university)\b"
                        # "I put our home address on order 39218 by mistake"
                        r"|\b(?:put|gave|entered|used|typed)\s+(?:the\s+|our\s+|my\s+)?(?:\w+\s+)?address\b.{0,40}\bby mistake\b"
                        r"|\bwrong\s+(?:delivery\s+|shipping\s+)?address\b"
                        # "can you send it somewhere else? I'm staying at my boyfriend's"
                        r"|\b(?:send|ship|deliver|redirect)\s+(?:it|them|the order|my order)\s+(?:somewhere else|elsewhere|to another address)\b"
                        r"|\b(?:to|at) (?:a|another|a different|the other|"
                        r"my new|a new) address\b"
                        # "can you send it to my office instead? I won't be home today"
                        r"|\b(?:send|ship|deliver|redirect)\s+(?:it|them|the order|my order|the package|the parcel)\s+to\s+"
                        r"(?:my|our)\s+(?:office|work|workplace)\b"
                        # "we're moving next week, can order 38260 go to our new place instead?"
                        r"|\b(?:order\s+#?\w*\d+|it|they|that|this|the order|my order)\s+(?:go|be sent|be delivered|ship)\s+to\s+"
                        r"(?:my|our)\s+new\s+(?:house|place|address|home|flat|apartment)\b"
                        # "we're moving on the 1st. can i change where it's being delivered to?"
                        r"|\b(?:change|update|switch)\s+where\s+(?:it|they|the \w+|my \w+|our \w+)(?:'s|'re|\s+is|\s+are|\s+will be)?\s+"
                        r"(?:being\s+|getting\s+|going\s+to\s+be\s+)?(?:delivered|sent|shipped|going)\b"
                        # "I'll be at my mum's all next week, can you send it there instead?"
                        r"|\b(?:at|to)\s+(?:my|our|her|his)\s+\w+'s\b.{0,60}\b(?:send|ship|deliver|redirect)\s+(?:it|them)\s+there\b",
                        re.IGNORECASE)
_REMOVAL = re.compile(r"\b((?:take|takes|taking|haul|hauling|carry|carrying|cart)\s+(?:\w+\s+){0,3}?(?:away|off)\b.{0,30}\bold\b|"
                      r"(?:take|haul|carry) (?:the |my |our |his |her |their |an? )?(?:old|broken) \w+(?: \w+)? (?:away|off)|"
                      r"(?:take away|haul away|remove|dispose of|get rid of|recycle|pick up) (?:the |my |our )?old\b"
                      r"(?!\s+(?:one\s+)?(?:i|we)\s+made\b)(?!\s+(?:account|email|profile|login))|"
                      r"removal of (?:the |my |our )?old\b|old (?:furniture|mattress|sofa|couch|bed) (?:removal|disposal|pick ?up|recycling))",
                      re.IGNORECASE)
# "Can it be sent straight to her halls of residence?", "can you ship it to my son at college?": another address,
# chosen at checkout
_SEND_THERE = re.compile(r"\b(?:send|sent|ship|shipped|deliver(?:ed)?|post(?:ed)?|go)\s+(?:it\s+|them\s+)?(?:straight\s+|directly\s+)?"
                         r"to\s+(?:(?:her|his|their|my|our)\s+(?:\w+(?:'s)?\s+)?(?:\w+\s+)?|(?:my|our)\s+\w+\s+(?:at|in)\s+(?:the\s+)?)"
                         r"(?:halls?|dorm|dormitory|college|uni|university|school|residence|campus)\b", re.IGNORECASE)
# "can it come on a saturday? i work all week", "any chance of a weekend delivery?": the delivery days
_WEEKEND = re.compile(r"\b(?:weekend|saturday|sunday)s?\s+deliver\w*|\bdeliver\w*\b.{0,30}\b(?:on|at|over)\s+(?:a|the)\s+(?:weekend|saturday|sunday)\b"
                      r"|\bdeliver\w*\b.{0,30}\b(?:on\s+)?(?:weekends|saturdays|sundays)\b"
                      # not "... it's for when the in-laws come on saturday"
                      r"|\b(?:it|they|delivery|order|parcel|driver|courier)\s+(?:\w+\s+){0,2}(?:comes?|arrives?|turns? up|gets? here|be delivered)\s+on\s+(?:a\s+|the\s+)?"
                      r"(?:weekend|saturday|sunday)s?\b",
                      re.IGNORECASE)
# "will the delivery men carry it upstairs?", "will your men set it up for me?": delivery into the home
_IN_HOME = re.compile(r"(?<!i'd )(?<!i'll )(?<!we'd )(?<!we'll )(?<!\bi )(?<!\bwe )"  # (not "i'd bring it inside for the winter")
                      r"(?<!have to )(?<!need to )(?<!got to )"  # (nor "I have to carry it up 3 flights of stairs")
                      r"\b(?:carry|carrying|bring|bringing|take|taking|haul|hauling)\s+(?:it|them|the \w+|an? \w+|things|everything|stuff)\s+(?:up ?stairs|up the stairs|up to|inside|into|"
                      # "and carry it up 3 flights? no elevator in my building"
                      r"up\s+(?:\d+|one|two|three|four|five|a few|several)\s+(?:flights?|floors?)|"
                      r"(?:round|around|through) (?:to )?(?:the )?(?:back|garden|yard|patio|house|room))\b|"
                      # "or is it just to the door?"
                      r"\b(?:just|only) (?:to|at) the (?:front )?door\b|"
                      # "will the delivery guys bring it up or just leave it at the door?"
                      r"\b(?:will|do|can|could|would)\s+(?:you|they|the \w+(?: \w+)?)\s+bring\s+(?:it|them)\s+up\b(?!\s+with)"
                      r"|\b(?:leave|drop) (?:it|them) (?:at|outside) the (?:front )?door\b|"
                      r"\b(?:will|do|can|could|would)\s+(?:you|your|the|they)\b.{0,50}\b(?:assemble|set (?:it|them) up|install|"
                      r"put (?:it|them) together|carry (?:it|them|the \w+) (?:up|in|inside))\b|\bwhite[- ]glove\b|\broom of (?:my|your) choice\b"
                      # "do you deliver upstairs or just to the door?"
                      r"|\bdeliver\w*\s+(?:it\s+|them\s+)?(?:up ?stairs|up the stairs|inside|into the (?:house|flat|apartment|room))\b",
                      re.IGNORECASE)
# "if we order 20 desks in one go, is there a bulk discount?"
_BULK = re.compile(r"\b(?:bulk|volume|wholesale|trade|business|corporate)\s+(?:discounts?|pricing|prices?|rates?|deals?|orders?)\b|"
                   r"\b(?:order|buy|get)\w*\s+\d+\s+\w+.{0,40}\bdiscount|"
                   r"\bdiscount\w*\b.{0,40}\b(?:buy|order|get|take)\w*\s+(?:\d+|two|three|four|five|six|eight|ten|twelve|twenty|"
                   r"several|multiple|a few|lots|a lot|many)\b", re.IGNORECASE)
# "do you deliver to commercial premises?", "do you ship abroad?"
_DELIVER_WHERE = re.compile(r"^\W*(?:hi|hello|hey)?\W*(?:and |also |so )?(?:do|can|will) you (?:deliver|ship)\s+(?:to|outside|abroad|"
                            r"internationally|overseas|out of)\b", re.IGNORECASE)
# "its absolutely pouring here, will the driver just leave it on the doorstep": where a parcel is left
_SAFE_PLACE = re.compile(r"\bleave\s+(?:it|them|the (?:parcel|package|box|order|delivery))\s+(?:on|at|outside|by|behind|round|in)\s+"
                         r"(?:the|my|our)\s+(?:back\s+|front\s+|side\s+)?(?:doorstep|porch|step|steps|stoop|door|gate|garage|shed|carport)\b"
                         r"|\bsafe ?place\b"
                         # "can the driver just leave it round the back if im asleep?"
                         r"|\bleave\s+(?:it|them)\s+(?:round|around|out)\s+(?:the\s+)?back\b"
                         r"|\bleave\s+(?:it|them|the (?:parcel|package|box|order|delivery))\s+(?:with|next door at)\s+(?:my|the|a|our)\s+"
                         r"neighbou?rs?\b", re.IGNORECASE)
# "can they bring it today instead?", "could the driver come on saturday": delivery on another day asked for
ANOTHER_DAY = re.compile(r"\b(?:can|could)\s+(?:they|you|the driver|the courier|you guys)\s+(?:bring|deliver|drop|come)\b"
                         r"(?![^?.]*\b(?:address|office|work|neighbou?rs?)\b)"  # (not "drop it at my office address instead")
                         r"[^?.]{0,25}\b(?:today|tomorrow|instead|another day|a different day)\b"
                         # "can we push it to next week instead", "could you reschedule the delivery"
                         r"|\b(?:push|move|put)\s+(?:it|the delivery|delivery|them)\s+(?:back\s+)?(?:to|till|until|by)\s+(?:next|another|a later|"
                         r"later|the)\b|\b(?:can|could|would|please|i'?d like to|i want to|need to)\s+(?:you\s+|we\s+|i\s+)?(?:reschedule|postpone)\b"
                         # "also can it be delivered after the 29th instead of this friday?"
                         r"|\b(?:deliver(?:ed)?|come|arrive|brought)\s+(?:after|on|next|the)\b[^?.]{0,25}\binstead\b", re.I)
# "next time can the driver knock instead of leaving stuff outside?": a note for the driver
DRIVER_NOTE = re.compile(r"\b(?:driver|courier|delivery (?:guy|man|men|person|people|team)|they|he|she)\b.{0,30}"
                         r"(?:\b(?:knock|ring the (?:bell|doorbell)|buzz)\b|\b(?:call|ring|text|phone)\b(?:\s+(?:me|us))?\s+(?:\d+\s*(?:mins?|minutes?|hours?)\s+)?"
                         r"(?:before|ahead|first|when)\b)|\binstead of (?:just )?(?:leaving|dumping|dropping)\b.{0,25}"
                         r"\b(?:outside|porch|doorstep|door|step|steps|lobby|curb|kerb)\b", re.IGNORECASE)
# "is there any discount for returning customers?"
_LOYALTY = re.compile(r"\bloyal(?:ty)?\b.{0,20}\b(?:discount|program\w*|scheme|rewards?|points|card)|\b(?:discount|deal|rewards?|offer)s?\s+"
                      r"for\s+(?:returning|repeat|regular|loyal|existing|old)\s+customers?\b|\b(?:returning|repeat|regular|existing)\s+"
                      r"customers?\s+(?:discount|deal|rewards?|offer)s?\b"
                      # "do regular customers get any kind of discount? I've ordered like 6 times"
                      r"|\b(?:returning|repeat|regular|loyal|existing)\s+customers?\s+(?:get|have|receive)\b.{0,25}\b"
                      r"(?:discount|deal|rewards?|offer)s?\b"
                      # "what about a discount for regulars, I've ordered from you like 10 times"
                      r"|\b(?:discount|deal|rewards?|offer)s?\s+for\s+(?:regulars|loyal ones|repeat buyers|returning ones)\b", re.IGNORECASE)
# "do you offer gift wrapping?", "can you wrap it as a present?", "will the price be printed on anything in the box?", "can I get a gift receipt?",
# "leave the price off the box"
_GIFT_WRAP = re.compile(r"\bgift[- ]?wrap\w*|\bwrap(?:ped|ping)? (?:it|them|the \w+) (?:up )?(?:as an? (?:gift|present)|for)|"
                        r"\bgift (?:messages?|notes?|box(?:es)?|bags?)\b", re.IGNORECASE)
_GIFT_PRICE = re.compile(r"\bgift receipts?\b|\bprices?\b.{0,40}\b(?:printed|on the (?:packing slip|receipt|box|parcel|paperwork)|"
                         r"in the (?:box|parcel|package)|on anything)|\b(?:hide|leave off|remove) the prices?\b"
                         # "can you leave the price off the box since it's a present?"
                         r"|\b(?:leave|keep|take)\s+(?:the\s+)?(?:prices?|receipts?)\s+(?:off|out)\b", re.IGNORECASE)
# "the instructions make zero sense", "stuck putting the bed frame together": help with assembling an order
_ASSEMBLY_HELP = re.compile(r"\b(?:assembl\w*|put(?:ting)?\s+(?:it|them|the\s+\w+(?:\s+\w+)?)\s+together|instructions?)\b.{0,80}"
                            r"\b(?:make[s]? (?:no|zero|little) sense|confus\w*|can'?t|cannot|unclear|stuck|impossible|"
                            r"don'?t understand|no idea|struggl\w*|nightmare|missing|won'?t fit|doesn'?t fit)\b|"
                            r"\b(?:help|stuck|struggling)\b.{0,30}\b(?:assembl\w*|put(?:ting)? (?:it|them) together)\b", re.IGNORECASE)
_ASSEMBLING_THEIRS = re.compile(r"\b(?:i|we)\s+(?:just\s+)?(?:ordered|bought|got|received)\b|\btrying to\b|"
                                r"\b(?:i'?m|we'?re|i am|we are)\s+(?:assembling|putting|building)\b|\barrived\b|"
                                r"\b(?:my|our|the)\s+(?:\w+\s+)?(?:order|delivery|parcel|instructions?)\b", re.IGNORECASE)
# "do i get the full amount back or do you take off shipping", "is there a restocking fee?": how much comes back
_REFUND_AMOUNT = re.compile(r"(?<!\bpay )(?<!\bpaying )\b(?:full|whole|entire)\s+(?:amount|price|refund|sum)\b|\brestocking\b"
                            r"|\b(?:take|takes|taking)\s+(?:off|out)\s+(?:the\s+|for\s+)?(?:shipping|delivery|postage)\b"
                            r"|\b(?:deduct\w*|minus|subtract\w*|keep)\s+(?:the\s+)?(?:shipping|delivery|postage)\b"
                            r"|\b(?:shipping|delivery|postage)\s+(?:is\s+|gets?\s+)?(?:refunded|deducted|taken off)\b"
                            # "will I get every penny back or does the postage come off?"
                            r"|\b(?:shipping|delivery|postage)\s+(?:cost\s+|fee\s+)?(?:comes?|come)\s+off\b|\bevery\s+(?:penny|cent|dollar)\s+back\b"
                            # "do I have to pay to send it back?", "is return shipping free or do i have to pay for it"
                            r"|\bpay(?:ing)?\s+(?:to|for)\s+(?:(?:send|ship|post|mail)(?:ing)?\s+(?:it|them|(?:the|this|that)\s+(?:\w+\s+)?\w+|(?:[\w-]+\s+){1,3}?)\s*back|(?:the\s+)?return(?:\s+shipping)?)\b"
                            # "will I get the shipping back too or only what I paid for the rug?"
                            r"|\b(?:get|refund)\s+(?:the\s+)?(?:shipping|delivery|postage)(?:\s+(?:cost|fee|charge))?\s+back\b"
                            r"|\breturn\s+(?:shipping|postage)\s+(?:is\s+)?(?:free|cost|charged)\b|\bis\s+return\s+(?:shipping|postage)\s+free\b"
                            r"|\bwho\s+pays\s+(?:for\s+)?(?:the\s+)?return"
                            # "do I have to pay the postage to send the broken one back?"
                            r"|\b(?:pay|paying)\s+(?:for\s+)?(?:the\s+)?(?:postage|shipping|return shipping|courier)\b.{0,40}\b(?:back|return\w*)\b"
                            # "and do you charge for return shipping?"
                            r"|\b(?:charge|fee|cost)s?\s+(?:\w+\s+){0,2}?(?:for\s+|on\s+)?(?:the\s+)?return\s+(?:shipping|postage|label)"
                            # "will I get all my money back or is there some fee taken off?"
                            r"|\b(?:all|every penny of|the whole of)\s+(?:my|the|our)\s+money\s+back\b"
                            r"|\b(?:fee|charge)s?\s+(?:taken\s+off|deducted|kept|knocked off)\b",
                            re.IGNORECASE)
_PAID_DELIVERY = re.compile(r"\b(?:paid|charged|spent)\b.{0,20}\bfor\s+(?:the\s+)?(?:express\s+|next[- ]day\s+|faster\s+)?"
                            r"(?:delivery|shipping|postage)\b", re.IGNORECASE)  # ("i paid 79 extra for express delivery")
# "do I need the original box?", "do i have to pack it back up myself? i already threw the box out"
_PACKAGING = re.compile(r"\boriginal\s+(?:box|boxes|packaging|carton)\b|\bpack(?:ing)?\s+(?:it|them)\s+(?:back\s+)?up\b|\bre-?pack\w*\b"
                        r"|\b(?:keep|kept|need|without|threw (?:out|away)|thrown (?:out|away)|binned|recycled)\s+(?:the|its|their)\s+"
                        r"(?:box|boxes|packaging|carton)\b|\bthrew\s+(?:it|them|the box|the packaging)\s+(?:out|away)\b",
                        re.IGNORECASE)
# "can you just email it to me instead?": sent by email
SEND_IT = re.compile(r"\b(?:e-?mail|send|mail)\s+(?:it|them|me|one|the invoice|a copy)\b|\bto my (?:e-?mail|inbox)\b", re.IGNORECASE)
# ... or "i can't log in to download my invoice": the invoice sent by a person
_INVOICE_SENT = re.compile(rf"{SEND_IT.pattern}"
                           r"|\b(?:can'?t|cannot|can not|unable to|not able to)\s+(?:log|sign)\s*(?:in|on)\b|\blocked out\b", re.IGNORECASE)
# "can it have my company name on it", "I need our VAT number on the invoice": an invoice made out differently
_INVOICE_NAME = re.compile(r"\b(?:company|business|firm|employer|vat|tax id|tax number)\b(?:'?s)?\s*(?:name|number|address|details|id)?\b"
                           r"[^.?!]*\b(?:on (?:it|the invoice|there)|instead)\b|\b(?:in|under|to) (?:my|our|the) (?:company|business|firm)'?s? name\b",
                           re.IGNORECASE)
# "the reset email never shows up", "i've tried like 3 times and checked spam too": the password reset mail not arriving
_RESET_EMAIL = re.compile(r"\b(?:reset|password)\b.{0,40}\b(?:e-?mail|link|mail)\b.{0,30}\b(?:never|not|doesn'?t|didn'?t|hasn'?t|"
                          r"won'?t|isn'?t|nothing)\b|\bchecked (?:the |my |in )?(?:spam|junk)\b|\b(?:spam|junk)\s+(?:folder|too|as well)\b",
                          re.IGNORECASE)
# "there are NO bolts for the table legs", "the tv stand came without the screw pack": a delivery short of parts
_SHORT_OF_PARTS = re.compile(_MISSING_PARTS + r"|\b(?:no|without\s+(?:the|any|its)|didn'?t come with(?:\s+the|\s+any)?)\s+(?:\w+\s+)?"
                             r"(?:bolts|screws|screw\s+pack|hardware(?:\s+bag)?|fittings|allen\s+key|instructions)\b", re.IGNORECASE)
# "my basket is empty?? i had stuff in it this morning": a cart that lost what was in it
_CART_EMPTIED = re.compile(r"\b(?:cart|basket|bag)\b.{0,20}\b(?:is|was|got|went|'s)\s+(?:\w+\s+)?(?:empty|emptied|cleared|wiped|reset|gone)\b"
                           r"|\b(?:lost|emptied|cleared|wiped)\s+(?:my|the|our)\s+(?:cart|basket)\b"
                           r"|\b(?:cart|basket)\b.{0,30}\b(?:disappeared|vanished|gone)\b", re.IGNORECASE)
# In order: the first that matches answers ("gift wrap it and send it straight to her address": the gift wrapping,
# whose answer says how a gift goes to another address, before changing an order's address).
_SHOP_TOPICS = (("promo", _PROMO, "payment_issue"), ("price_match", _PRICE_MATCH, "payment_methods"),
                ("price_drop", _PRICE_DROP, "refund"), ("amount", _REFUND_AMOUNT, "refund"), ("gift_wrap", _GIFT_WRAP, "delivery_options"),
                ("elsewhere", _ELSEWHERE, "shipping_address"),
                ("in_home", _IN_HOME, "delivery_options"), ("bulk", _BULK, "payment_methods"),
                ("deliver_where", _DELIVER_WHERE, "delivery_options"),
                ("gift_price", _GIFT_PRICE, "delivery_options"), ("loyalty", _LOYALTY, "payment_methods"),
                ("removal", _REMOVAL, "delivery_options"), ("weekend", _WEEKEND, "delivery_options"),
                ("safe_place", _SAFE_PLACE, "delivery_options"), ("driver_note", DRIVER_NOTE, "delivery_options"),
                ("another_day", ANOTHER_DAY, "delivery_options"),
                ("send_there", _SEND_THERE, "delivery_options"), ("wrong_item", _WRONG_ITEM, "return_item"),
                ("assembly", _ASSEMBLY_HELP, "complaint"), ("cart_emptied", _CART_EMPTIED, "account_help"),
                ("missing_parts", _SHORT_OF_PARTS, "return_item"))
# Payment methods shoppers name ("do you accept apple pay?"): said back as accepted or not.
_METHODS = re.compile(r"\b(apple pay|google pay|paypal|klarna|afterpay|affirm|venmo|zelle|bitcoin|crypto\w*|cash|cheques?|checks?|"
                      r"visa|mastercard|master card|amex|american express|discover|gift cards?|bank transfer|wire transfer)\b", re.I)


_DELIVERY_WORDS = r"deliver\w*|shipping|ship|shipped|arriv\w*"
_OWN_WORDS = {
    "delivery_time": _DELIVERY_WORDS, "delivery_options": _DELIVERY_WORDS,
    "refund": r"(?:delivery|shipping|postage) (?:fee|charge|cost)s? back|refund\w*|(?:money|penny|cash)(?: \w+){0,4} back|the extra back|see (?:my|our|the) money",
    "return_item": r"return|returns|returning|(?:send|ship|post|mail) (?:it|them) back|exchang\w*|original (?:box|packaging)", "cancel_order": r"cancel\w*",
    "order_status": r"track\w*|where'?s my|where is my", "payment_methods": r"pay|paying|payment methods?|card|paypal|klarna",
    "payment_issue": r"charged?|payment", "invoice": r"invoices?|receipts?", "account_help": r"(?<!bank )(?<!savings )account|password|log ?in|sign ?in|reset (?:email|link)|log(?:s|ged|ging)? (?:me )?out|"
                    r"(?:made|set up|signed up|registered) with my (?:\w+ )?e-?mail",
    "shipping_address": r"address", "change_order": r"change|modify|add|instead|swap",
    "leave_review": r"reviews?|rate|rating", "complaint": r"complain\w*",
}
_ANY_TOPIC = re.compile(r"\b(?:" + "|".join(_OWN_WORDS.values()) + r"|install?ments?|financ\w*|get (?:here|there)|come|when will|pick(?:ing)? (?:it|them) up|pickup|in[- ]store|"
                        r"(?:turn|show)(?:s|ing)? up)\b", re.I)


def names_a_topic(text: str) -> bool:
    """Whether the message names any service topic in words of its own."""
    return bool(_ANY_TOPIC.search(text or ""))


def topic_named(text: str) -> str | None:
    """The service intent whose topic the message names in its own words ("you guys deliver": delivery_time), or None."""
    return next((intent for intent, words in _OWN_WORDS.items()  # (not by words as common as "add", "instead", "rate")
                 if intent not in ("change_order", "leave_review", "complaint") and re.search(rf"\b(?:{words})\b", text or "", re.IGNORECASE)),
                None)


def names_topic(intent: str, text: str) -> bool:
    """Whether the message names the service topic in its own words ("delivery" for delivery times)."""
    words = _OWN_WORDS.get(intent)
    return bool(words and re.search(rf"\b(?:{words})\b", text or "", re.IGNORECASE))


_OWN_MISTAKE = re.compile(r"(?:\b(?:i|we)\s+|^\s*|[.?!,;]\s*)(?:ordered|bought|picked|chose|got)\s+(?:the |a )?wrong\b"
                          r"|\b(?:by accident|accidentally|by mistake)\b", re.IGNORECASE)


def _matches(name: str, pattern: re.Pattern, text: str) -> bool:
    if name == "wrong_item" and _OWN_MISTAKE.search(text):
        return False  # "I ordered the wrong size bed": the shopper's mistake, not a wrong delivery
    if name == "wrong_item" and re.search(r"\b(?:invoice|receipt)\b.{0,25}\bwrong\b|\bwrong\b.{0,30}\bon (?:the|my|our) (?:invoice|receipt)\b",
                                          text, re.IGNORECASE):
        return False  # "the invoice has the wrong product on it": the invoice is wrong, not the delivery
    if name == "promo" and re.search(r"\b(?:not|no|don'?t want|rather than|instead of)\s+(?:a\s+|any\s+)?(?:voucher|coupon|store credit|credit note)s?\b",
                                     text, re.IGNORECASE):
        return False  # "I want a full refund. not a voucher, not a replacement": money back, no code
    if name == "missing_parts" and says_damaged(_SHORT_OF_PARTS.sub(" ", text)):
        return False  # "a cracked drawer front and one of the knobs is missing": damaged, the parts said with it
    if name == "cart_emptied" and re.search(r"\b(?:find|get|show|bring)\s+(?:it|them|that|those)\s+(?:again|back)\b", text, re.IGNORECASE):
        return False  # "my cart is EMPTY. i had the mustard boucle sofa ..., can you find it again": found again
    if name == "assembly" and not _ASSEMBLING_THEIRS.search(text):
        return False  # "is it easy to assemble? i can't use tools well": a question before buying
    return bool(pattern.search(text))


def shop_topic(text: str) -> str | None:
    """The intent of a question about a shop rule named in so many words (promo codes, price matching, taking
    the old furniture away) or of a wrong delivery, or None."""
    return next((owner for name, pattern, owner in _SHOP_TOPICS if _matches(name, pattern, text or "")), None)


_WHAT_IF = re.compile(r"\bwhat (?:happens )?if\b|\bin case\b|\bif (?:something|anything|it|they|one)\b(?! (?:is|was|were|has|have) (?:just )?(?:arrived|come))",
                      re.IGNORECASE)


def topic(intent: str, text: str) -> str:
    """The answer a service message needs: ``policy`` (a question about the rules), ``damaged`` (arrived
    broken), ``wrong_item``, ``replacement``, ``double_charge``, ``wrong_amount``, a shop rule (``promo``,
    ``price_match``, ``removal``), or ``request`` (do something for an order)."""
    text = text or ""
    for name, pattern, owner in _SHOP_TOPICS:
        if intent == owner and _matches(name, pattern, text):
            return name
    if intent == "payment_issue":
        if _DOUBLE_CHARGE.search(text) and not _FAILED.search(text):
            return "double_charge"
        if _WRONG_AMOUNT.search(text):
            return "wrong_amount"
        return "request"
    if intent == "payment_methods" and _INSTALLMENTS.search(text):
        return "installments"
    if intent == "account_help" and _RESET_EMAIL.search(text):
        return "reset_email"
    if intent == "invoice" and _INVOICE_NAME.search(text):
        return "company_name"  # "also can it have my company name on it instead of mine?"
    if intent == "invoice" and _INVOICE_SENT.search(text):
        return "emailed"
    if intent in ("return_item", "refund") and _matches("wrong_item", _WRONG_ITEM, text):
        return "wrong_item"
    if intent == "refund" and _PAID_DELIVERY.search(text):
        return "fee_back"  # "i paid 79 for delivery and i want that back" (after a late delivery)
    if intent in ("return_item", "refund") and _PACKAGING.search(text):
        return "packaging"  # "do i have to pack it back up myself? i already threw the box out"
    if intent == "return_item" and _REFUND_AMOUNT.search(text):
        return "amount"  # "is there a restocking fee on returns?"
    if intent in ("return_item", "refund") and _EXCHANGE.search(text) and not _NO_REPLACEMENT.search(text):
        return "exchange"  # "could you swap it for a firmer one instead?": another product, not the same again
    if intent in ("return_item", "refund") and _REPLACEMENT.search(text) and not _NO_REPLACEMENT.search(text):
        return "replacement"
    if intent == "return_item" and _DAMAGED.search(text) and not _WHAT_IF.search(text):
        return "damaged"  # (not "what happens if something shows up broken?": the policy)
    if intent in ("delivery_options", "delivery_time") and _PICKUP.search(text):
        return "pickup"
    if intent == "delivery_options" and _DELIVERY_COST.search(text):
        return "cost"
    pattern = _POLICY_QUESTION.get(intent)
    if pattern is not None and pattern.search(text):
        return "policy"
    return "request"


def needs_order_id(intent: str, text: str = "") -> bool:
    """Whether to ask for the order number before answering: only when the shopper wants something done
    to (or checked on) one order, never for a question about the shop's rules."""
    if intent not in ("order_status", "cancel_order", "change_order", "return_item", "refund", "shipping_address"):
        return False
    return topic(intent, text) not in ("policy", "replacement", "exchange", "price_drop", "amount", "packaging", "fee_back", "wrong_item")


def answer(intent: str, order_id: str | None, policy: ShopPolicy, text: str = "") -> tuple[str, list[str]]:
    """(text, quick replies) for a service intent; ``text`` (the shopper's message) picks the variant
    (a policy question, a damaged delivery, a double charge) where one intent covers several needs."""
    ref = f"order {order_id}" if order_id else "your order"
    human = "Talk to a person"
    kind = topic(intent, text)
    if kind == "policy" and order_id and find_order_id(text) and intent in NEEDS_ORDER_ID:
        kind = "request"  # "can I send it back? my order number is 20577": do it for that order
    if intent == "payment_methods" and kind == "request" and _METHODS.search(text or ""):
        return _named_methods(text, policy, human)
    variant = _VARIANTS.get((intent, kind))
    reply_text, quick = variant(ref, policy, human) if variant is not None else _by_intent(intent, ref, policy, human)
    if (intent, kind) == ("delivery_options", "in_home") and _REMOVAL.search(text or ""):
        # "can the delivery guys bring it inside and take our old couch away?": both answered
        removal_text, removal_quick = _removal(ref, policy, human)
        reply_text, quick = f"{reply_text} {removal_text}", list(dict.fromkeys([*quick, *removal_quick]))
    if order_id and order_id not in reply_text and find_order_id(text) == order_id:
        reply_text = f"About {ref}. {reply_text}"  # the order the shopper just gave, said back
    return _sorry_first(reply_text, text), quick


def asks_installments(text: str) -> bool:
    """Whether the message asks to pay in instalments ("can I split the payment into instalments?") and names no
    payment that failed or went wrong."""
    return bool(_INSTALLMENTS.search(text or "")) and not _FAILED.search(text or "") and not _DOUBLE_CHARGE.search(text or "")


def says_damaged(text: str) -> bool:
    """Whether the message says something arrived or became damaged ("my last order arrived with a broken leg")."""
    return bool(_DAMAGED.search(text or "") or _DEFECT.search(text or ""))


# "your delivery guys scratched the wall all the way up my hallway": the shopper's home damaged, not the item
_HOME_DAMAGED = re.compile(r"\b(?:scratch\w*|damag\w*|dent\w*|scuff\w*|chipp?\w*|gouge\w*|broke|smash\w*|crack\w*|marked)\s+(?:up\s+)?"
                           r"(?:the|my|our)\s+(?:wall|walls|floor|floors|flooring|door|doors|doorway|door ?frame|hallway|hall|stairs|"
                           r"staircase|banisters?|bannisters?|paint|paintwork|skirting(?: boards?)?|carpet|lift|gate|fence)\b", re.IGNORECASE)


# "your delivery guys left my dresser outside in the snow. The box is soaked through": the delivery mishandled it
_LEFT_OUT = re.compile(r"\b(?:left|dumped|threw|thrown|dropped|abandoned|chucked)\s+(?:it|them|my|our|the)\b[^.?!]{0,40}?"
                       r"\b(?:outside|out in the|in the (?:snow|rain)|on the (?:street|pavement|sidewalk|curb|kerb|lawn|driveway|porch|"
                       r"doorstep|step|steps))\b"
                       r"|\b(?:box|boxes|parcel|package|packaging)\s+(?:is|was|were|are|got|came)\s+(?:\w+\s+)?"
                       r"(?:soaked|soaking|sodden|drenched|waterlogged|wet)\b", re.IGNORECASE)


def delivery_mishandled(text: str) -> bool:
    """Whether the message says the delivery left the order out in the weather or it came soaked (a complaint)."""
    return bool(_LEFT_OUT.search(text or ""))


def damaged_their_home(text: str) -> bool:
    """Whether the message says the delivery damaged the shopper's home (a complaint, not a return)."""
    return bool(_HOME_DAMAGED.search(text or ""))


def is_upset(text: str) -> bool:
    """Whether the shopper says they are unhappy ("that's pretty annoying honestly")."""
    return bool(_UPSET.search(text or ""))


def _sorry_first(answer_text: str, message: str) -> str:
    """An apology before the answer when the shopper is upset or something arrived damaged, and the answer
    does not apologise already."""
    unhappy = _UPSET.search(message or "") or says_damaged(message) or _WRONG_ITEM.search(message or "")
    if unhappy and not re.search(r"\b(sorry|apolog)", answer_text, re.IGNORECASE):
        return "I'm sorry about that. " + answer_text
    return answer_text


def _by_intent(intent: str, ref: str, policy: ShopPolicy, human: str) -> tuple[str, list[str]]:
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
            f"We offer standard delivery ({policy.standard_delivery}, ${policy.standard_delivery_fee:,.2f}) and express "
            f"delivery ({policy.express_delivery}, ${policy.express_delivery_fee:,.2f}). "
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
            f"I'm sorry about your experience{' with ' + ref if ref != 'your order' else ''}. "
            "I'm passing this conversation to a person from our customer-care team "
            f"({policy.support_hours}), who will get back to you.",
            ["Continue shopping"],
        ),
        "contact_human": (
            f"Sure, I'm connecting you to a person from our team ({policy.support_hours}). "
            + (f"They will see this conversation and {ref}, so you won't need to repeat yourself." if ref != "your order" else
               "They will see this conversation, so you won't need to repeat yourself."),
            ["Continue shopping"],
        ),
    }
    return texts[intent]


# "still no refund. how long does it normally take?": how long, asked with the story of one order
_HOW_LONG = re.compile(r"\b(?:how long|how many (?:days|weeks)|how much longer)\b", re.IGNORECASE)


def ask_order_id(intent: str, text: str = "", policy: ShopPolicy | None = None) -> str:
    """Which order the request is about; a refund's usual time first when the shopper asks how long it takes."""
    asked = _ask_order_id(intent, text)
    if intent == "refund" and policy is not None and _HOW_LONG.search(text or ""):
        timing = (f"Refunds usually reach your original payment method within {policy.refund_days} after we receive "
                  "the return.")
        sorry = "I'm sorry about that. "
        return (sorry + timing + " " + asked[len(sorry):] if asked.startswith(sorry) else timing + " " + asked)
    return asked


def _ask_order_id(intent: str, text: str = "") -> str:
    what = {
        "order_status": "check on",
        "cancel_order": "cancel",
        "change_order": "change",
        "return_item": "return",
        "refund": "check the refund for",
        "shipping_address": "update the delivery address of",
        "invoice": "get the invoice for",
    }[intent]
    if topic(intent, text) in ("damaged", "missing_parts") and _SHORT_OF_PARTS.search(text):
        # "has a cracked drawer front and one of the knobs is missing": both said
        what_happened = ("it arrived damaged and with parts missing" if says_damaged(_SHORT_OF_PARTS.sub(" ", text))
                         else "some parts are missing")
        return (f"I'm sorry {what_happened}. Which order is it? Please give me the order number (e.g. 123456) and "
                "I'll pass it to our team to sort it out; or you can send it back if you'd rather.")
    if topic(intent, text) == "damaged":
        return f"I'm sorry it arrived damaged. Which order would you like to {what}? Please give me the order number (e.g. 123456)."
    return _sorry_first(f"Which order would you like to {what}? Please give me the order number (e.g. 123456).", text)


def _return_policy(ref: str, policy: ShopPolicy, human: str) -> tuple[str, list[str]]:
    return (
        f"You have {policy.return_days} days from delivery to send an item back. To start a return, open "
        f"{policy.orders_url} (or give me the order number); you'll get a prepaid label, and the refund reaches "
        f"your original payment method within {policy.refund_days} after we receive the item.",
        ["Start a return", "How long do refunds take?", human],
    )


def _damaged(ref: str, policy: ShopPolicy, human: str) -> tuple[str, list[str]]:
    return (
        f"I'm sorry it arrived damaged. You can send it back within {policy.return_days} days of delivery: start "
        f"the return for {ref} from {policy.orders_url} and you'll get a prepaid label; the refund follows within "
        f"{policy.refund_days} once we receive it. If you'd rather have it sorted out by a person, I can connect you.",
        [human, "Start a return"],
    )


def _refund_policy(ref: str, policy: ShopPolicy, human: str) -> tuple[str, list[str]]:
    return (
        f"Refunds go back to your original payment method within {policy.refund_days} after we receive the "
        f"returned item. Items can be returned within {policy.return_days} days of delivery.",
        ["How do returns work?", human],
    )


def _cancel_policy(ref: str, policy: ShopPolicy, human: str) -> tuple[str, list[str]]:
    return (
        f"Orders can be cancelled within {policy.cancel_window_hours} hours of purchase, from "
        f"{policy.orders_url}, " + ("free of charge (no cancellation fee)" if not policy.cancellation_fee
                                   else f"for a ${policy.cancellation_fee:,.2f} cancellation fee")
        + f". After it has shipped, you can return it instead within {policy.return_days} days "
        "of delivery.",
        ["Cancel my order", human],
    )


def _tracking(ref: str, policy: ShopPolicy, human: str) -> tuple[str, list[str]]:
    return (
        f"You can follow every order from {policy.orders_url}: it shows the current status and the carrier's "
        "tracking link once the order has shipped.",
        ["Delivery times", human],
    )


def _double_charge(ref: str, policy: ShopPolicy, human: str) -> tuple[str, list[str]]:
    return (
        f"Sorry about the double charge on {ref}. A second charge is often a pending card authorization that "
        "disappears by itself within a few business days. If both charges have gone through, we refund the "
        f"duplicate to your original payment method within {policy.refund_days}. A person from our team can "
        "check the charges and start that refund now.",
        [human],
    )


def duplicate_back(order_id: str | None, policy: ShopPolicy) -> tuple[str, list[str]]:
    """ "how long until the extra one is back on my card?" after a double charge: when the duplicate comes back."""
    ref = f"order {order_id}" if order_id else "your order"
    return (f"A pending duplicate on {ref} drops off by itself within a few business days; a duplicate that went "
            f"through is refunded to your original payment method within {policy.refund_days} of our refund. If it "
            "hasn't come back by then, a person from our team can check it.", ["Talk to a person"])


def _wrong_amount(ref: str, policy: ShopPolicy, human: str) -> tuple[str, list[str]]:
    return (
        f"Sorry about that. If you were charged more than the price of {ref}, we refund the difference to your "
        f"original payment method within {policy.refund_days}. A person from our team can check the charge "
        "against your order and start that refund.",
        [human],
    )


def _pickup(ref: str, policy: ShopPolicy, human: str) -> tuple[str, list[str]]:
    if policy.store_pickup:
        return f"Yes, you can pick up your order: {policy.store_pickup}. Choose pickup at checkout.", ["Delivery options", human]
    return (
        f"We don't offer in-store pickup at the moment, sorry. Delivery is standard ({policy.standard_delivery}) "
        f"or express ({policy.express_delivery}), and standard delivery is free on orders over "
        f"${policy.free_shipping_over:,.0f}.",
        ["Delivery options", human],
    )


def _delivery_cost(ref: str, policy: ShopPolicy, human: str) -> tuple[str, list[str]]:
    return (
        f"Standard delivery ({policy.standard_delivery}) costs ${policy.standard_delivery_fee:,.2f} and is free on "
        f"orders over ${policy.free_shipping_over:,.0f}; express delivery ({policy.express_delivery}) costs "
        f"${policy.express_delivery_fee:,.2f}. You choose at checkout.",
        ["How long does delivery take?", human],
    )


def _address_policy(ref: str, policy: ShopPolicy, human: str) -> tuple[str, list[str]]:
    return (
        f"You can change the shipping address of an order from {policy.orders_url} until it ships, and manage "
        "your saved addresses on the Account page. For an order that has shipped, a person can contact the "
        "carrier for you.",
        [human],
    )


def _installments(ref: str, policy: ShopPolicy, human: str) -> tuple[str, list[str]]:
    if policy.installments:
        return f"Yes, you can pay in installments: {policy.installments}. Choose it at checkout.", ["Payment methods", human]
    return (f"We don't offer installments or financing at the moment, sorry; we accept {policy.payment_methods}, "
            "paid in full at checkout.", ["Payment methods", human])


def _replacement(ref: str, policy: ShopPolicy, human: str) -> tuple[str, list[str]]:
    if not policy.replacements:
        return (f"We don't send replacements, sorry: you can return {ref} within {policy.return_days} days of delivery "
                f"from {policy.orders_url} for a refund, and order the item again.", ["Start a return", human])
    return (
        f"Yes, you can have a replacement instead of a refund: start the return for {ref} from {policy.orders_url} "
        "and choose 'replacement'; we send the new one as soon as the return is booked. If you'd rather have a "
        "person arrange it, I can connect you.",
        [human, "Start a return"],
    )


def _named_methods(text: str, policy: ShopPolicy, human: str) -> tuple[str, list[str]]:
    """ "do you accept apple pay?": yes or no for each method named, then what the shop accepts."""
    return _yes_or_no_methods(text, policy) + f" We accept {policy.payment_methods}, chosen at checkout.", ["Payment problem", human]


def _yes_or_no_methods(text: str, policy: ShopPolicy) -> str:
    """ "Yes, we accept PayPal." / "Sorry, we don't accept Apple Pay." for each payment method the text names."""
    accepted = policy.payment_methods.lower().replace("master card", "mastercard")
    named = list(dict.fromkeys(m.group(0).lower() for m in _METHODS.finditer(text)))
    yes = [m for m in named if m.rstrip("s") in accepted or {"amex": "american express"}.get(m, "~") in accepted]
    no = [m for m in named if m not in yes]
    said = []
    if yes:
        said.append(f"Yes, we accept {' and '.join(_method_name(m) for m in yes)}.")
    if no:
        said.append(f"Sorry, we don't accept {' or '.join(_method_name(m) for m in no)}.")
    return " ".join(said)


_ALSO_PAY_WITH = re.compile(r"\b(?:do|does|can|will)\s+(?:you|u|ya|y'?all)\s+(?:guys\s+)?(?:take|accept)\b[^.?!]*", re.IGNORECASE)


def _method_asked(text: str) -> str | None:
    """The words that ask whether a named payment method is taken ("do you take apple pay"), or None."""
    asked = _ALSO_PAY_WITH.search(text or "")
    return asked.group(0) if asked and _METHODS.search(asked.group(0)) else None


def asks_payment_method(text: str) -> bool:
    """Whether the message asks if a named payment method is taken ("do you take apple pay? might order a rug later")."""
    return _method_asked(text) is not None


def also_asks_payment(text: str, policy: ShopPolicy) -> str | None:
    """The answer to a payment method asked beside another matter ("has order 55190 shipped yet? also do you take
    amex"), or None."""
    asked = _method_asked(text)
    return _yes_or_no_methods(asked, policy) if asked else None


def _method_name(method: str) -> str:
    return {"paypal": "PayPal", "apple pay": "Apple Pay", "google pay": "Google Pay", "amex": "American Express",
            "american express": "American Express", "mastercard": "Mastercard", "visa": "Visa",
            "gift card": "gift cards", "check": "checks", "cheque": "cheques"}.get(method, method)


# "and how long till the navy one actually gets here" after a wrong item: when the right one comes
RIGHT_ONE_WHEN = re.compile(r"\b(?:how long|when|how soon)\b.{0,30}\b(?:the|my)\s+(?:right|correct|proper|new|other|\w+)\s+one\b"
                            r".{0,25}\b(?:get|gets|arrive|arrives|come|comes|turn up|turns up|show up|shows up|here|be here)\b"
                            r"|\b(?:how long|when|how soon)\b.{0,25}\b(?:get|receive)\s+the\s+(?:right|correct|\w+)\s+one\b", re.IGNORECASE)


def right_one_arrives(order_id: str | None, policy: ShopPolicy, *, replacement: bool = False) -> tuple[str, list[str]]:
    """When the right item comes after a wrong one was delivered (``replacement``: a new one for a damaged one)."""
    ref = f"order {order_id}" if order_id else "your order"
    item = "damaged item" if replacement else "wrong item"
    if not policy.replacements:
        return (f"We don't send replacements: once the {item} for {ref} is back, the refund follows within "
                f"{policy.refund_days}, and you can order {'a new one' if replacement else 'the right one'} again.",
                ["Start a return", "Talk to a person"])
    return (f"{'The replacement' if replacement else 'The right one'} is sent as soon as the return for {ref} is booked "
            f"('{'replacement' if replacement else 'wrong item'}' on {policy.orders_url}), with standard delivery: "
            f"{policy.standard_delivery}.", ["Start a return", "Talk to a person"])


def parts_arrive(order_id: str | None, policy: ShopPolicy) -> tuple[str, list[str]]:
    """When missing parts come, after a delivery short of them."""
    ref = f"order {order_id}" if order_id else "your order"
    return (f"A person from our team sends the missing parts for {ref} once they have checked the order "
            f"({policy.support_hours}); from then on it's standard delivery: {policy.standard_delivery}.",
            ["Talk to a person"])


# "how long would that take?" after asking for a replacement
HOW_LONG_THAT = re.compile(r"^\W*(?:(?:and|so|ok|okay|right)\W+)?how\s+(?:long|soon|quickly)\s+(?:would|will|does|is|could)\s+"
                           r"(?:that|it|this)\s+(?:take|be)\b", re.IGNORECASE)


def _wrong_item(ref: str, policy: ShopPolicy, human: str) -> tuple[str, list[str]]:
    right = (f"we send the right one as soon as the return is booked (standard delivery, {policy.standard_delivery})"
             if policy.replacements
             else f"the refund follows within {policy.refund_days} once we receive it")
    return (
        f"I'm sorry you received the wrong item. Start a return for {ref} from {policy.orders_url} and choose "
        f"'wrong item': the prepaid label is free, and {right}. If you'd rather have a person sort it out, I can "
        "connect you.",
        [human, "Start a return"],
    )


def _promo(ref: str, policy: ShopPolicy, human: str) -> tuple[str, list[str]]:
    return (f"To use a promo code, {policy.promo_codes}. If a valid code is refused, a person from our team can check "
            "it and apply the discount.", [human])


def _offered(value: str | None, yes: str, no: str, yes_quick: list[str], no_quick: list[str] | None = None) -> tuple[str, list[str]]:
    """The answer about a service the shop may or may not offer (a ``ShopPolicy`` setting, None = not offered)."""
    return (yes.format(value), yes_quick) if value else (no, no_quick if no_quick is not None else yes_quick)


def _price_match(ref: str, policy: ShopPolicy, human: str) -> tuple[str, list[str]]:
    return _offered(policy.price_match, "Yes, we price match: {}. A person from our team can check the offer.",
                    "We don't price match, sorry: our prices are the same for everyone. Sale prices and promo codes are "
                    "shown on the product pages and at checkout.", [human], [human, "Continue shopping"])


def _price_drop(ref: str, policy: ShopPolicy, human: str) -> tuple[str, list[str]]:
    return _offered(policy.price_match, "Sorry about that. We adjust prices after purchase as part of our price promise: {}. "
                    "A person from our team can check the new price and refund the difference.",
                    f"Sorry about that: we don't adjust prices after purchase. While {ref} is within the {policy.return_days}-day "
                    "return window you can return it and buy it again at the new price; a person from our team can also "
                    "check it with you.", [human], [human, "Start a return"])


def _in_home(ref: str, policy: ShopPolicy, human: str) -> tuple[str, list[str]]:
    return _offered(policy.in_home_delivery, "Yes: we offer in-home delivery, {}. You can choose it at checkout.",
                    "Our delivery is to your door: the drivers don't carry items upstairs or assemble them, sorry. Each "
                    "product page says whether assembly is needed and how heavy the parcel is.", ["Delivery options", human])


def _bulk(ref: str, policy: ShopPolicy, human: str) -> tuple[str, list[str]]:
    return _offered(policy.bulk_orders, "Yes: {}. A person from our team can put a larger order together with you.",
                    "We don't have bulk pricing online, sorry: every item costs the same however many you order. For a "
                    "large order a person from our team can check what's possible.", [human], [human, "Continue shopping"])


_GIFT_SENT = ("A gift can go straight to the recipient: give their address at checkout, and an order sent to a "
              "different address has no prices on the packing slip.")


def _loyalty(ref: str, policy: ShopPolicy, human: str) -> tuple[str, list[str]]:
    return _offered(policy.loyalty, "Yes, returning customers get {}.",
                    "We don't have a loyalty scheme, sorry: prices are the same for everyone. Promo codes, when there "
                    "are any, go in the 'Promo code' field at checkout.", [human], ["Continue shopping", human])


def _gift_wrap(ref: str, policy: ShopPolicy, human: str) -> tuple[str, list[str]]:
    return _offered(policy.gift_wrap, "Yes, we gift wrap: {}. " + _GIFT_SENT,
                    "We don't offer gift wrapping, sorry. " + _GIFT_SENT, ["Delivery options", human])


def _gift_price(ref: str, policy: ShopPolicy, human: str) -> tuple[str, list[str]]:
    return ("No prices go in the box: an order sent to a different address as a gift has no prices on the packing "
            f"slip, and its invoice stays with you on {policy.orders_url}.", ["Delivery options", human])


def _elsewhere(ref: str, policy: ShopPolicy, human: str) -> tuple[str, list[str]]:
    return (f"You can change the delivery address of {ref} from {policy.orders_url} until it ships; a gift is sent without "
            "prices on the packing slip. If it has already shipped, a person from our team can ask the carrier to "
            "redirect it.", [human, "Track my order"])


def _reset_email(ref: str, policy: ShopPolicy, human: str) -> tuple[str, list[str]]:
    return ("Sorry the reset email isn't getting through. It can take a few minutes; please check the spam or junk folder, "
            "and that it's the email address your account uses. If it still doesn't come, a person from our team can reset "
            "the password for you.", [human])


def _missing_parts(ref: str, policy: ShopPolicy, human: str) -> tuple[str, list[str]]:
    return (f"Sorry, {ref} arrived with parts missing. You don't have to send it all back for that: a person from our team "
            f"can send the missing parts ({policy.support_hours}); I can connect you, and they will see this conversation. "
            f"If you'd rather return it, you can within {policy.return_days} days of delivery from {policy.orders_url}.",
            [human, "Start a return"])


def _cart_emptied(ref: str, policy: ShopPolicy, human: str) -> tuple[str, list[str]]:
    return ("Sorry, your cart lost what was in it. Tell me what you had (the kind of product, its colour, size or price) and "
            "I'll find it again so you can add it back.", ["Continue shopping", human])


def _fee_back(ref: str, policy: ShopPolicy, human: str) -> tuple[str, list[str]]:
    return (f"Sorry about that. Whether the delivery charge on {ref} comes back is for a person from our team to decide "
            f"({policy.support_hours}). I can connect you; they will see this conversation, so you won't need to repeat "
            "yourself.", [human])


def _packaging(ref: str, policy: ShopPolicy, human: str) -> tuple[str, list[str]]:
    return (f"You don't need the original box: {policy.return_packaging}. The return for {ref} starts from "
            f"{policy.orders_url}, where you get the label.", ["How do returns work?", human])


def _invoice_sent(ref: str, policy: ShopPolicy, human: str) -> tuple[str, list[str]]:
    return (f"I can't send emails from this chat, but a person from our team ({policy.support_hours}) can email you "
            f"the invoice for {ref}. Once you can sign in, it's also on {policy.orders_url}.", [human])


def _invoice_name(ref: str, policy: ShopPolicy, human: str) -> tuple[str, list[str]]:
    return (f"Yes: a person from our team ({policy.support_hours}) can issue the invoice for {ref} in your company's name, "
            "with its address and VAT or tax number if you need them. Send them the details and they'll email it to you.",
            [human])


def _removal(ref: str, policy: ShopPolicy, human: str) -> tuple[str, list[str]]:
    return _offered(policy.old_furniture_removal, "Yes, we can take your old furniture away when we deliver: {}.",
                    "We don't take old furniture away at delivery, sorry; your local council or a recycling service can "
                    "usually collect it.", ["Delivery options", human])


def _send_there(ref: str, policy: ShopPolicy, human: str) -> tuple[str, list[str]]:
    return (f"Yes: give that address as the delivery address at checkout and we deliver it there (standard delivery, "
            f"{policy.standard_delivery}). A gift sent there has no prices on the packing slip.", ["Delivery options", human])


def _exchange(ref: str, policy: ShopPolicy, human: str) -> tuple[str, list[str]]:
    return (f"To swap it for a different one, start a return for {ref} from {policy.orders_url} (free, within "
            f"{policy.return_days} days of delivery) and order the one you'd like instead; the refund for the first "
            f"follows within {policy.refund_days} once we receive it.", ["How do returns work?", human])


def _weekend(ref: str, policy: ShopPolicy, human: str) -> tuple[str, list[str]]:
    return _offered(policy.weekend_delivery, "Yes, we deliver at the weekend: {}.",
                    f"Sorry, we deliver on business days only (standard {policy.standard_delivery}, express "
                    f"{policy.express_delivery}), not at the weekend. If no one is home on weekdays, you can give your work "
                    "address, or a neighbour's, at checkout.", ["Delivery options", human])


def _safe_place(ref: str, policy: ShopPolicy, human: str) -> tuple[str, list[str]]:
    return (f"You can name {policy.safe_place} in the delivery instructions on {policy.orders_url} until the order "
            f"ships, and the driver leaves it there. If {ref} is already out for delivery, a person from our team "
            f"({policy.support_hours}) can pass a note to the carrier.", ["Delivery options", human])


def _another_day(ref: str, policy: ShopPolicy, human: str) -> tuple[str, list[str]]:
    return (f"You can move the delivery of {ref} to another day on {policy.orders_url} until it ships. Once it's with "
            f"the carrier, a person from our team ({policy.support_hours}) can rebook it with them.", ["Delivery options", human])


def _driver_note(ref: str, policy: ShopPolicy, human: str) -> tuple[str, list[str]]:
    return (f"You can add a note for the driver (call ahead, knock or ring, don't leave it outside) in the delivery "
            f"instructions on {policy.orders_url} before an order ships. For an order already on its way, a person from "
            f"our team ({policy.support_hours}) can pass the note to the carrier.", ["Delivery options", human])


def _refund_amount(ref: str, policy: ShopPolicy, human: str) -> tuple[str, list[str]]:
    return (f"You get back {policy.refund_amount}. The refund goes to your original payment method within "
            f"{policy.refund_days} after we receive the return.", ["How do returns work?", human])


def _assembly(ref: str, policy: ShopPolicy, human: str) -> tuple[str, list[str]]:
    return (f"Sorry the assembly is giving you trouble! I'm passing this conversation to a person from our team "
            f"({policy.support_hours}): they can walk you through it, or send a part that is missing or damaged.",
            ["Continue shopping"])


_VARIANTS = {
    ("account_help", "reset_email"): _reset_email,
    ("account_help", "cart_emptied"): _cart_emptied,
    ("return_item", "missing_parts"): _missing_parts,
    ("invoice", "emailed"): _invoice_sent,
    ("invoice", "company_name"): _invoice_name,
    ("return_item", "packaging"): _packaging,
    ("refund", "fee_back"): _fee_back,
    ("refund", "packaging"): _packaging,
    ("complaint", "assembly"): _assembly,
    ("return_item", "wrong_item"): _wrong_item,
    ("refund", "wrong_item"): _wrong_item,
    ("payment_issue", "promo"): _promo,
    ("payment_methods", "price_match"): _price_match,
    ("delivery_options", "removal"): _removal,
    ("delivery_options", "weekend"): _weekend,
    ("delivery_options", "send_there"): _send_there,
    ("delivery_options", "safe_place"): _safe_place,
    ("delivery_options", "driver_note"): _driver_note,
    ("delivery_options", "another_day"): _another_day,
    ("refund", "price_drop"): _price_drop,
    ("refund", "amount"): _refund_amount,
    ("return_item", "amount"): _refund_amount,
    ("shipping_address", "elsewhere"): _elsewhere,
    ("delivery_options", "in_home"): _in_home,
    ("delivery_options", "gift_wrap"): _gift_wrap,
    ("payment_methods", "loyalty"): _loyalty,
    ("delivery_options", "gift_price"): _gift_price,
    ("payment_methods", "bulk"): _bulk,
    ("payment_methods", "installments"): _installments,
    ("return_item", "replacement"): _replacement,
    ("return_item", "exchange"): _exchange,
    ("refund", "exchange"): _exchange,
    ("refund", "replacement"): _replacement,
    ("delivery_options", "cost"): _delivery_cost,
    ("shipping_address", "policy"): _address_policy,
    ("delivery_options", "pickup"): _pickup,
    ("delivery_time", "pickup"): _pickup,
    ("return_item", "policy"): _return_policy,
    ("return_item", "damaged"): _damaged,
    ("refund", "policy"): _refund_policy,
    ("cancel_order", "policy"): _cancel_policy,
    ("order_status", "policy"): _tracking,
    ("payment_issue", "double_charge"): _double_charge,
    ("payment_issue", "wrong_amount"): _wrong_amount,
}
