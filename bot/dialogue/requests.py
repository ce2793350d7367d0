"""Several requests in one message ("where's my order 30417 and do you accept apple pay?", "show me desks
under 300, and do you deliver on saturdays?").

The intent model reads one request per message. A message is split at its clause boundaries and each
clause is read on its own; when they are different service requests, or one product request with a
service request or a question about the products shown, each is answered in turn (see
``Assistant.handle``); anything else is read as one message.
"""

from __future__ import annotations

import re

from bot.models import Reply

# A new request starts after a question mark, a semicolon, "also", or "and"/"plus" followed by a question
# or request opener; "two things:" before the first is dropped.
_BOUNDARY = re.compile(
    r"(?<=\?)\s+|;\s*|\s*[,.]?\s*\b(?:and|plus)\s+(?:also\s+)?(?=(?:do|does|can|could|will|would|where|when|how|what|is|are|"
    r"i (?:want|need|would like|'?d like)|i also|show me)\b)|[,.]?\s+also,?\s+(?=\w)"
    r"|(?<=[.!])\s+(?:oh\s+)?(?:and|also|btw|by the way|plus)\b,?\s*", re.IGNORECASE)  # "... support. oh and my last order ..."
# "Great, I'll go with the second one. How long would delivery usually take?": a question after a choice
_CHOICE = re.compile(r"\b(?:i'?ll|we'?ll|i will|we will) (?:take|go with|go for|have|get) (?:it|that|this|them|th[eo]se|the)\b"
                     # "ok add the cheapest one too. will everything get here by friday??": the cart, then a question
                     r"|^\W*(?:(?:ok(?:ay)?|great|perfect|right|lovely|cool|yes|yeah)\W+)?(?:add|put)\s+(?:it|that|this|them|the)\b"
                     # "ok getting the charcoal one. when would it arrive ...?", "hmm ok take the oval one then. can it be here by friday?"
                     r"|^\W*(?:(?:ok(?:ay)?|hmm+|fine|great|perfect|right|yes|yeah)\W+){0,2}(?:(?:i'?m|we'?re)\s+)?"
                     r"(?:getting|taking|take|get|grab)\s+the\s+[a-z][\w -]{1,25}?\s+one\b"
                     # "ok the honey pine one, add to cart. will it get here before the 20th?"
                     r"|^\W*(?:(?:ok(?:ay)?|fine|great|perfect|right|yes|yeah)\W+)?the\s+[a-z][\w -]{1,25}?\s+one,?\s+(?:add|put)\s+"
                     r"(?:it\s+)?(?:to|in|into)\s+(?:the\s+|my\s+)?(?:cart|basket)\b", re.I)
_ASK_AFTER_CHOICE = re.compile(r"(?<=[.!])\s+(?=(?:how|when|what|do|does|can|could|will|would|is|are)\b)", re.IGNORECASE)
# "I'd rather send it back and pick something else. any charcoal velvet sofas?": a product question after a sentence
# about an order (not "My client refuses anything from IKEA. Show me bookcases.", one request)
_ASK_AFTER_ORDER = re.compile(r"(?<=[.!])\s+(?=(?:any|do you have|have you got|got any|show me)\b)", re.IGNORECASE)
_ORDER_MATTER = re.compile(r"\b(?:send (?:it|them) back|return\w*|refund\w*|cancel\w*|exchang\w*|my order|the order)\b", re.I)
# A clause that asks or requests something (a question, a request opener, an imperative of service).
_REQUEST = re.compile(r"\?|^\s*(?:please|pls|can|could|would|will|do|does|did|is|are|where|when|how|what|why|which|who|"
                      r"i (?:want|need|would like|'?d like|wanna)|i also|cancel|change|track|send|refund|return|help|tell|"
                      r"let me|give|check|update|i'?m (?:looking|trying)|need|show|find|looking|have you|got any|any|put|add)\b"
                      r"|\d{4,}|\b(?:still|yet|hasn'?t|haven'?t|never|says|broken|damaged|missing|wrong)\b"
                      r"|" + _CHOICE.pattern, re.IGNORECASE)
# "sent back a dresser 2 weeks ago and nothing yet", "returned it last week": a return already made, the story of a
# refund question, not a return asked for
_RETURN_MADE = re.compile(r"\b(?:sent|shipped|mailed|posted|brought|took|dropped)\s+(?:\w+\s+){0,3}?back\b(?!\s+(?:to|again))"
                          r"|\b(?:already\s+)?returned\b", re.IGNORECASE)
# "can i cancel an order? ordered the wrong size bed last night by accident": the shopper's own slip, the story;
# "an invoice for order 33870? need it for my work expenses": why, of the request before
_OWN_MISTAKE = re.compile(r"^\s*(?:i |we )?(?:ordered|bought|picked|chose)\s+(?:the |a )?wrong\b|\b(?:by accident|accidentally|"
                          r"impulse[- ]?(?:bought|buy|purchased|ordered)|"
                          r"by mistake)\b|^\s*(?:i |we )?(?:need|needs|want|wanted)\s+(?:it|them|this|that|one)\s+(?:for|by|before)\b",
                          re.IGNORECASE)
# "can i split it into monthly payments? looking at a sectional but its a lot at once": why, of the question before
_ASKED_WHY = re.compile(r"^\s*(?:i'?m |we'?re |i am |we are |been )?(?:looking at|eyeing|eying|have my eye on|got my eye on)\s+"
                        r"(?:a|an|the|this|that|some)\b.*\b(?:a lot|expensive|pricey|steep|too much|big spend)\b", re.IGNORECASE)
# "do these come with a trial period? I've never bought a mattress online": why they ask, of the question before
_NEVER_DONE = re.compile(r"^\s*(?:i'?ve|i have|we'?ve|we have|i|we)\s+(?:honestly\s+|actually\s+)?never\s+(?:\w+\s+)?"
                         r"(?:bought|ordered|shopped|purchased|done|tried|used|had)\b", re.IGNORECASE)
# "ok it's late": the hour, not a late order
_TIME_OF_DAY = re.compile(r"^\W*(?:(?:ok|okay|so|right|well)\W+)?it'?s\s+(?:(?:really|so|very|super|pretty|quite|getting)\s+)?"
                          r"(?:late|early)(?:\s+(?:here|now|lol|haha))?\W*$", re.IGNORECASE)
# "my mum bought me a mustard velvet armchair for christmas": how a product came to them, the story of what follows
_BOUGHT_STORY = re.compile(r"\b(?:bought|got|ordered|gave|gifted|received|sent)\s+(?:me|us|him|her|them)?\s*(?:a|an|the|this|that|some)\b", re.I)
# "i paid 79 for delivery and i want that back": what was paid, the story of the request after it (not a wish)
_PAID = re.compile(r"^\s*(?:i|we)\s+(?:paid|was charged|were charged|got charged|spent)\b", re.IGNORECASE)
# "can i pay in installments instead? its a $2300 sectional": what the question is about, not a request of its own
_IT_IS_A = re.compile(r"^\s*(?:it'?s|its|it is|it was|they'?re|they are)\s+(?:\$?\d[\d,.]*k?\s+(?:dollars\s+|bucks\s+)?)?"
                      r"(?:a|an|the|for a|for the)\s+[^?]*$"  # ("its 1800 for the sectional")
                      # "the sale sofa is 1100 and january is brutal"
                      r"|^\s*(?:the|my|our|this|that)\s+[a-z][\w ]{1,30}?\s+(?:is|costs|was)\s+\$?\d[\d,.]*k?\b[^?]*$", re.IGNORECASE)
# "can you gift wrap? with a little note?": more of the question before
_GOES_ON = re.compile(r"^\s*(?:with|without|and with)\s+(?:\w+\s*){1,4}\W*$", re.IGNORECASE)
# "add it", "take that", "ok add the white one": a cart command, short as it is
_CART_COMMAND = re.compile(r"(?:(?:ok(?:ay)?|great|perfect|right|alright|lovely|cool|yes|yeah)\W+)?(?:add|take|buy|get)\s+"
                           r"(?:it|that|this|them|that one|this one|the\s+[a-z]+(?:\s+[a-z]+)?\s+ones?)(?:\s+(?:please|pls|then|too))?",
                           re.IGNORECASE)


# "add it, and a nightstand to match for his bed": the cart, then another wish
_CART_AND_A = re.compile(r"^(\W*" + _CART_COMMAND.pattern + r")\s*,?\s*(?:and|&|\+)\s+(?=(?:a|an|some)\s+\w)", re.IGNORECASE)


# "white one it is. add it - and how much is delivery to 55408?", "meh ok fine add it anyway. how long is delivery
# right now?", "the cream velvet one, 2 of them. can you gift wrap it?": the cart said first, then a question or a wish
_CART_THEN_ASK = re.compile(r"^(.*?\b(?:(?:add|put)\s+(?:it|that|this|them|that one|this one)(?:\s+(?:anyway|then|too|as well))?"
                            r"(?:\s+(?:in|to|into)\s+(?:the\s+|my\s+)?(?:cart|basket))?(?:\s+(?:please|pls))?"
                            r"|(?:ordering|buying|taking|getting)\s+(?:it|that one|this one))"  # "omg ok ordering it. does it come tomorrow?"
                            r"|\W*the\s+[a-z][\w -]{1,25}?\s+ones?,?\s+(?:\d{1,2}|two|three|four)\s+of\s+(?:them|those|it))"
                            r"\s*(?:[.!,]|\s-|\s–)+\s*(?:(?:and|also|oh and|plus)\s+)?"
                            r"(?=(?:how|when|what|do|does|can|could|will|would|is|are|i need|we need|i also need)\b)", re.IGNORECASE)


def cart_said_first(text: str) -> bool:
    """Whether a message puts a product in the cart, then asks or wishes something else ("meh ok fine add it
    anyway. how long is delivery right now?")."""
    said = _CART_THEN_ASK.match(_PREAMBLE.sub("", text, count=1) or text)
    return said is not None and "?" not in said.group(1)


def is_cart_command(part: str) -> bool:
    """Whether a clause is only a cart command ("ok add the cheaper one", "take it")."""
    return _CART_COMMAND.fullmatch(part.strip(" ,.!")) is not None


_PREAMBLE = re.compile(r"^\s*(?:(?:hi|hello|hey)(?: there)?)?[,!]?\s*(?:(?:(?:two|2|a couple of|couple|few) (?:things|questions)|"
                       r"quick (?:ones?|questions?|q))[:,.]?)?\s*", re.IGNORECASE)


_ASKS_ABOUT = re.compile(r"\?|^\s*(?:how|what|what'?s|which|where|when|why|who)\b|^\s*(?:is|are|does|do|did|can|could|will|would|has|have)\s+"
                         r"(?:it|they|this|that|these|those|the|any|either|each|both|#|there|one|all|you)\b", re.IGNORECASE)


def asks_about_them(part: str) -> bool:
    """Whether a clause asks a question ("does the first one fold?", "how wide is it"), not one that only goes on
    with the wish before it ("... a patio set that seats 6 | and is waterproof")."""
    return bool(_ASKS_ABOUT.search(part))


# "order number 44518", "it's order #A-1234": only the order a message is about
_ONLY_ORDER_NUMBER = re.compile(r"\W*(?:(?:my|the|it'?s|its)\s+)?(?:order\s*(?:number|no\.?|#)?|number)\s*(?:is\s*)?#?\s*[A-Z]{0,4}-?\d{4,12}\W*",
                                re.IGNORECASE)


def split_requests(text: str, wish_first: bool = False) -> list[str]:
    """The clauses of a message that may each be a request (at most three; one when it does not split). With
    ``wish_first`` (the message reads as a product request) the first clause may state the wish without
    asking ("grey sofa under 900 that's good with pets, and can I pay in installments?")."""
    body = _PREAMBLE.sub("", text, count=1) or text
    if cart_said_first(body):
        cart_first = _CART_THEN_ASK.match(body)
        return [cart_first.group(1).strip(), body[cart_first.end():].strip()]
    cart_and = _CART_AND_A.match(body)
    if cart_and:
        body = f"{body[:cart_and.end(1)]}. and {body[cart_and.end():]}"
    pieces = [q for p in _BOUNDARY.split(body) for q in (_ASK_AFTER_ORDER.split(p) if _ORDER_MATTER.search(p) else [p])]
    pieces = [q for p in pieces for q in (_ASK_AFTER_CHOICE.split(p) if _CHOICE.search(p) else [p])]
    parts = [re.sub(r"^(?:also|and|plus)\s+", "", p.strip(" ,."), flags=re.IGNORECASE) for p in pieces]
    parts = [p for p in parts if len(p.split()) >= 3  # ... or a budget: "under 700, and can you deliver this weekend?"
             or len(p.split()) == 2 and re.match(r"(?:under|below|max|over|up to|upto|around|about)\s+\$?\d", p, re.I)
             # ... or the cart: "add it. and a rug for next to her bed, pink if you have it"
             or _CART_COMMAND.fullmatch(p)]
    parts = [p for p in parts if not _TIME_OF_DAY.match(p)] or parts  # "ok it's late and I want a velvet armchair"
    if len(parts) >= 3 and parts[-2].endswith("?") and not _REQUEST.search(parts[-1]):
        # "ok getting the charcoal one. when would it arrive if i order today? her party is july 5th": why, of the question
        parts = [*parts[:-2], f"{parts[-2]} {parts[-1]}"]
    if len(parts) >= 2 and any(_GOES_ON.match(p) for p in parts[1:]):
        return [text]  # "aw cute. can you gift wrap? with a little note?": one question
    if any(_ONLY_ORDER_NUMBER.fullmatch(p) for p in parts[1:]):
        return [text]  # "... still no refund?? order number 44518": the order the first part is about
    if (len(parts) >= 2 and _BOUGHT_STORY.search(parts[0])
            and any(_ORDER_MATTER.search(p) and re.search(r"\b(?:it|them|this|that)\b", p, re.I) for p in parts[1:])):
        return [text]  # "my mum bought me a mustard velvet armchair for christmas and i want to send it back": one matter
    wish_first = wish_first and not (parts and _PAID.search(parts[0]))
    after_cart = bool(parts) and _CART_COMMAND.fullmatch(re.sub(r"[^\w']+$", "", parts[0])) is not None  # ("ok add it 🙏")
    if not all((after_cart and (not i or re.match(r"(?:a|an|some)\s+\w", p, re.I)  # "add it. and a rug for ..., pink if you have it"
                                or re.match(r"[a-z]+s\s+to\s+(?:go with|match)\b", p, re.I)))  # "... and chairs to go with it, 8 of them"
               or (_REQUEST.search(p) and not (i and (_RETURN_MADE.search(p) or _OWN_MISTAKE.search(p) or _ASKED_WHY.search(p)
                                                        or _NEVER_DONE.search(p) or _IT_IS_A.match(p))
                                            and "?" not in p))
               or (wish_first and i == 0) for i, p in enumerate(parts)):
        return [text]  # "where is my refund?? returned the chair 3 weeks ago": the second part only tells the story
    return parts if 2 <= len(parts) <= 3 else [text]


def merge_replies(replies: list[Reply]) -> Reply:
    """One reply answering each request in order: the texts joined, a handoff when any hands off; the products
    (and the action that showed them) of the last request that showed any."""
    handoff = next((r for r in replies if r.action == "handoff"), None)
    first = replies[0]
    shown = next((r for r in reversed(replies) if r.products), None)
    action = "handoff" if handoff is not None else shown.action if shown is not None else first.action
    slots: dict = {}
    for r in replies:
        slots.update({k: v for k, v in r.slots.items() if k not in slots})
    quick = list(dict.fromkeys(q for r in replies for q in r.quick_replies))[:4]
    texts = list(dict.fromkeys(r.text for r in replies))  # two questions the catalog answers alike: said once
    return first.model_copy(update={"text": "\n\n".join(texts), "action": action, "slots": slots,
                                    "quick_replies": quick, "intent": (handoff or first).intent,
                                    "products": shown.products if shown is not None else first.products})
