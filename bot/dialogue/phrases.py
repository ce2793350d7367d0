"""What shoppers' words mean in a conversation: the phrases the dialogue reads besides the NLU's intent and slots.

The model reads one message alone; these patterns decide what depends on the conversation ("teak?" under
shown patio sets, "forget the budget", "back to the first list", "which is cheaper?"). Each is documented
where the dialogue manager uses it.
"""

from __future__ import annotations

import re

SIMILAR = re.compile(r"\b(like|similar|same (style|kind)|along the (?:same )?lines of|in the same vein as)\b", re.I)
DIFFERENT = re.compile(r"\b(different|something else|other options?|else)\b", re.I)
# "what was that blue lamp again?", "show me that rug from before": a product shown earlier, by description
RECALL = re.compile(r"\b(?:what|which) (?:was|were) (?:that|the|this|those)\s+(.+?)\s+(?:again|from before|from earlier|"
                    r"you (?:showed|suggested|mentioned|recommended))\b"
                    r"|\b(?:show me|back to|go back to|remind me of|what about) (?:that|those)\s+(.+?)\s+(?:again|from before|"
                    r"from earlier|you (?:showed|suggested|mentioned|recommended)(?: me)?(?: before| earlier)?)\b", re.I)
# "add four of the first one", "2x #3", "a couple of them": how many to put in the cart
COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
           "twelve": 12, "a couple": 2, "a pair": 2, "a dozen": 12}
_QUANTITY = re.compile(r"\b(\d{1,2}|" + "|".join(COUNTS) + r")\s*(?:(?:x\s*|×\s*|of\s+|(?:sets?|pairs?|packs?) of\s+)"  # "2 sets of the charcoal one"
                       r"(?=(?:the|that|this|those|these|them|it|number)\b|#)"
                       r"|units?\b|pcs\b|(?:altogether|all together|in total|total)\b)"  # ... "Second one. Two units."
                       # "i need 4 altogether. add them"
                       r"|\b(?:(?:need|want|take|get|have|order)\s+(\d{1,2}|" + "|".join(COUNTS) + r")"
                       r"|(?:add|put|pop|stick|throw)\s+(" + "|".join(COUNTS) + r"))(?:\s+of\s+(?:them|those|these|it))?"  # "add two please" (not "add 2": #2)
                       # "great, put two in the cart"
                       r"(?=\s*(?:altogether|all together|in total|total|please|pls|[.,!]|$|in(?:to)?\s+(?:the\s+|my\s+)?(?:cart|basket|bag)\b))"
                       # "the pink ones are perfect, 2 packs please"
                       r"|\b(\d{1,2}|" + "|".join(COUNTS) + r")\s+(?:sets|packs|pairs|boxes|panels)\b(?=\s*(?:please|pls|plz|[.,!]|$))"
                       # "the navy one x2"
                       r"|\b(?:ones?|it|them)\s*[x×]\s*(\d{1,2})\b(?=\s*(?:please|pls|plz|[.,!]|$))", re.I)


def quantity(text: str) -> tuple[int, re.Match] | None:
    """How many of a product the message asks for, with where it says so; None for one."""
    found = _QUANTITY.search(text or "")
    if not found:
        return None
    if re.search(r"\b(?:compare|comparison|difference|vs|versus|side by side)\b", text, re.I):
        return None  # "compare the two of them": which two, not how many
    word = next(g for g in found.groups() if g).lower()
    said_last = not text[found.end():].strip() and found.group(0).endswith(word)
    if said_last and not found.group(1) and not re.search(r"[x×]\s*\d+$", found.group(0)) and (word.isdigit() or re.match(r"(?:need|want|have)\b", found.group(0), re.I)):
        # "i'll take 2" said last: #2 as much as two of them; "what chairs would go with it? we need six": how many
        # are wanted, no cart yet (not "i'll take two", "i'll take 2.")
        return None
    count = int(word) if word.isdigit() else COUNTS[word]
    return (count, found) if 1 < count <= 50 else None


def bare_count(text: str) -> int | None:
    """The number in "add 2" / "add 2 anyway" said alone (no "#2", "number 2" or "2nd"): a count, when one product is shown."""
    said = re.search(r"\b(?:add|get|take|order)\s+(\d{1,2})\b(?!\s*(?:nd|rd|th|st)\b)(?!\s*(?:of|x)\b)"
                     r"(?!\s*to\b(?!\s+(?:my\s+|the\s+)?(?:cart|basket|bag)\b))", text, re.I)  # ("add 2 to my cart": two)
    return int(said.group(1)) if said and not EXPLICIT_REF.search(text) else None


COMPLETELY_DIFFERENT = re.compile(r"\b(?:completely|totally|entirely|wholly|really|very|radically)\s+different\b"
                                  r"|\bsomething else entirely\b|\bnothing like (?:these|those|this|that|them)\b", re.I)
NO_MEMORY = re.compile(r"\b(don'?t|do not|stop|never)\s+(remember|track|personali[sz]e|store|save|keep|record|log)(ing)?\b"
                       r"(?!\s+(?:the|my|this|that|it)\s+(?:order|cart|basket|address))", re.I)
FURNISHING = re.compile(r"\b(setting up|set up|furnish\w*|redo\w*|redecorat\w*|decorat\w*|doing up|makeover|refresh\w*|"
                        r"renovat\w*|moving into|moved into|moving in|just moved|got the keys|new (?:place|flat|apartment|house|home)|"
                        r"first (?:place|flat|apartment|house|home)|(?:completely|totally|still) empty|signed (?:a|the) lease|"
                        r"(?:have|got|has|had) (?:basically |literally |almost |pretty much )?nothing|need everything|from scratch|"
                        # "i wanna make my room look less boring"
                        r"make (?:my|our|the|his|her|their) (?:\w+ )?(?:room|place|flat|apartment|bedroom|space|home|house|lounge) "
                        r"(?:look|feel) (?:less \w+|more \w+|nicer|better|cosier|cozier|brighter|bigger|homier))\b", re.I)
SHOPPING = re.compile(r"\b(buy|purchase|shop|shopping|looking for|look for|need|want|find|get me|recommend)\b", re.I)
# "max 500 per piece": a budget for each of the things to come
PER_PIECE = re.compile(r"\b(?:per|a|each|every|for each|for every)\s+(?:piece|item|thing)\b|\bapiece\b", re.I)
# "what about a sectional instead": another kind of thing for the same need
INSTEAD = re.compile(r"\binstead\b", re.I)
# "curtains instead, same colour": the colour (style, material) of the request before
SAME_VALUE = re.compile(r"\b(?:same|matching|that)\s+(colou?rs?|styles?|materials?|finish)\b|\bin the same (colou?r|style|material)\b|"
                        r"\bsame\s+[a-z]+\s*(?:and|&|\+|,)\s*(?:the\s+)?(colou?rs?|styles?|materials?)\b", re.I)
# The bed sizes shoppers say, longest first ("twin xl" before "twin", "california king" before "king")
BED_SIZE_WORDS = r"twin xl|twin|full|double|queen|california king|cal king|king"
# "she's got a king bed, not a queen", "our bed is a queen", "her bed in halls is a twin": the bed they have (it
# sizes the bedding or mattress)
OWNS_BED = re.compile(r"\b(?:she|he|they|we|i)(?:'s|'ve|\s+has|\s+have)?\s+(?:got|owns?|sleeps? (?:on|in))?\s*(?:a|an)\s+"
                      r"(?:twin(?: xl)?|full|double|queen|king|california king|cal king)(?:[- ]size[d]?)?\s+bed\b"
                      r"|\b(?:her|his|their|our|my)\s+bed(?:\s+(?:in|at)\s+[\w ]{1,20}?|\s+there)?\s+is\s+(?:a\s+)?(?:twin|full|double|queen|king|california king|cal king)\b"
                      # "a green duvet set for his twin bed"
                      rf"|\bfor\s+(?:his|her|their|my|our)\s+(?:{BED_SIZE_WORDS})(?:[- ]size[d]?)?\s+bed\b", re.I)
# "forget the mirror, he'd use a floor lamp more", "forget pillows, she has loads": the thing let go (a category when
# it names one)
FORGET_THING = re.compile(r"\b(?:forget|scratch|scrap|never ?mind|skip|drop|ditch)\s+(?:about\s+)?(?:(?:the|that|those|this|these|a|an)\s+)?"
                          r"([a-z]+(?:\s[a-z]+)?)", re.I)
# "a lamp around 100": a price said roughly (the range it gave may hold nothing)
AROUND = re.compile(r"\b(?:around|about|approximately|approx|roughly|close to|or so|give or take|ballpark)\b|~\s*\$?\d|\d\s*ish\b", re.I)
# A wish the shopper would do without ("standing desk ideally", "dimmable if possible").
SOFT_WISH = re.compile(r"\b(ideally|preferably|if possible|if you(?: have|'ve got| got) (?:it|them|one|any)|would be nice|nice to have|"
                       r"would be great|would be best|would be better|would be ideal|would be perfect|would be lovely|"
                       r"would be amazing|would be brilliant|"
                       r"would be good|would be handy|would be a plus|a bonus|doesn'?t have to be|not a must|not essential|"
                       r"i'?d (?:really )?love)\b", re.I)
_SOFT_CLAUSE_END = re.compile(r"[,.!?;]+|\s+-+\s+|\s+but\s+", re.I)


def clauses(text: str) -> list[str]:
    """The lower-cased clauses of ``text`` between sentence marks and commas ("velvet chairs? green would be lovely":
    ["velvet chairs", " green would be lovely"]), empty ones left out."""
    return [c for c in re.split(r"[.?!;,]+", text.lower()) if c.strip()]


def soft_clause(text: str) -> str:
    """The clause of ``text`` that says a wish softly ("seats 8, extendable would be a bonus": "extendable would be a
    bonus"); "" when none does."""
    return next((c for c in _SOFT_CLAUSE_END.split(text) if SOFT_WISH.search(c)), "")


# "my sister ... she loves green and anything velvet": someone else's taste, for a gift (a wish that gives way at once)
THEIR_TASTE = re.compile(r"\b(?:she|he|they|(?:my|our)\s+(?:mum|mom|mother|mam|dad|father|sister|sis|brother|bro|wife|husband|"
                         r"partner|gf|bf|girlfriend|boyfriend|friend|best friend|daughter|son|nan|nana|gran|granny|grandma|grandad|"
                         r"grandpa|aunt|auntie|uncle|niece|nephew|boss|colleague|cousin|mother in law|mil|flatmate|roommate))"
                         r"(?:\s+(?:really\s+|just\s+)?(?:loves?|likes?|adores?|prefers?)|(?:\s+is|\s+are|'s|'re)\s+"
                         r"(?:really\s+|totally\s+|so\s+)?(?:into|a fan of|fans of|obsessed with|mad about|crazy about|big on))\b", re.I)
# ... or "boucle maybe", "something durable like performance fabric would be ideal"
SAID_SOFTLY = re.compile(rf"{SOFT_WISH.pattern}|[a-z]\s*-\s*(?:ish|y)\b|{THEIR_TASTE.pattern}|\bi (?:really |just )?(?:love|adore)\b|\bi'?d (?:really )?love\b|\b(?:maybe|perhaps|or something|i guess|if poss(?:ible)?|(?:i )?(?:like|love|prefer) the look of|"
                         rf"partial to|leaning towards|drawn to)\b", re.I)
# "thinking a natural jute one": the natural colour of a material, a wish that gives way when none is natural
NATURAL_MATERIAL = re.compile(r"\bnatural\s+(?:jute|sisal|seagrass|rattan|wicker|linen|cotton|wool|bamboo|cane)\b", re.I)
# "walnut and mustard tones", "a navy and white colour scheme": colours said as the room's palette, a wish
PALETTE = re.compile(r"\b(?:tones?|palette|hues|colou?r scheme|colou?rway)\b"
                     # "something more neutral? pink and mustard aren't really my thing": a direction, not a must
                     r"|\bmore\s+(?:neutral|muted|earthy|natural)\b|\bsomething\s+(?:neutral|muted|earthy)\b"
                     # "my bedroom is all grey and white": the room's colours, a wish that gives way
                     r"|\b(?:room|bedroom|walls?|lounge|kitchen|decor|place|flat|apartment|house)\s+(?:is|are)\s+"
                     r"(?:all|mostly|pretty much|kind of|kinda)\b", re.I)
# "5x8 or so", "around 8x10", "queen-ish": a size said roughly
ROUGHLY = re.compile(r"\bor so\b|\bish\b|-ish\b|\b(?:around|roughly|about|approx(?:imately)?|something like)\s+\d", re.I)
YES = re.compile(r"^\s*(?:yes|yeah|yep|yup|ya|sure|ok(?:ay)?|please|go ahead|go on|why not|show me|do it|sounds good|alright)\b"
                 r"(?:[\s,.!]*(?:please|pls|show me|show them|those|then|sure|go ahead|go on|yes)\b)*[\s,.!]*$", re.I)
ANY = re.compile(r"^\s*(any|anything|no (budget|preference|limit)|doesn'?t matter|whatever|not sure|skip)\b", re.I)


# What a shopper can let go of ("any colour", the quick replies of an empty answer) -> the filter fields it clears.
RELAXABLE = {"Any price": ("price_max", "price_min"), "Any colour": ("colors",), "Any material": ("materials",),
             "Any style": ("styles",), "Any size": ("sizes", "dimension_max", "dimension_min"),
             "Any brand": ("brands",), "Any features": ("attributes", "attribute_min")}
# ... and the slots of the same message it voids ("forget the budget, under 300 was too low" keeps no price).
RELAXED_SLOTS = {"Any price": ("price_max", "price_min", "price_relative"), "Any colour": ("color",),
                 "Any material": ("material",), "Any style": ("style",), "Any size": ("size", "dimension_max", "dimension_min"),
                 "Any brand": ("brand",), "Any features": ()}
RELAX = re.compile(r"^\s*(?:(?:ok|okay|fine|alright|sure|well|hmm|then)[,.!]?\s+)?(?:any|all|whatever|every|forget (?:about )?the|"
                   r"drop the|never ?mind the|(?:i )?don'?t care about (?:the )?)\s*(price|budget|colou?r|material|style|size|brand|feature)s?"
                   r"(?:\s+(?:is|are|would be) (?:fine|ok|okay|good))?(?:\s+(?:is )?fine)?(?:,?\s*(?:please|then|instead))?[\s.!?]*$", re.I)
# The same let-go said inside a longer message ("ok forget the budget, I really want wool", "actually any brand is fine").
_KIND = r"(price|budget|limit|colou?r|material|style|size|brand|feature)s?"
RELAX_IN = re.compile(rf"(?:^|[\s,.;!])(?:(?:any|whatever)\s+{_KIND}\s+(?:(?:is|are|would be|'s)\s+"
                      r"(?:fine|ok|okay|good|alright)|then|works|will do)|(?:forget|drop|ignore|scrap|never ?mind|don'?t care about|no need for|"
                      r"not (?:too |that |really |super )?(?:fussed|bothered|picky|fussy|precious)(?: about| by| on)?)\s+"
                      rf"(?:about\s+)?(?:the\s+|my\s+|that\s+|this\s+|those\s+)?(?:\$?\d[\d,.]*k?\s+(?:dollars?\s+|bucks?\s+)?)?{_KIND}(?:\s+range|\s+limit)?"
                      rf"|(?:the\s+)?{_KIND}\s+(?:doesn'?t|does not|don'?t|do not|won'?t)\s+matter"
                      # "washable is the must, size can be whatever"
                      rf"|(?:the\s+)?{_KIND}\s+(?:can|could)\s+be\s+(?:whatever|anything)"
                      # "colour's not important", "ok the size isn't a dealbreaker"
                      rf"|(?:the\s+)?{_KIND}(?:'s|\s+is|\s+are)?\s+(?:not|isn'?t|aren'?t)\s+(?:that\s+|really\s+|so\s+|too\s+)?"
                      r"(?:important|essential|crucial|a must|a dealbreaker|a deal ?breaker|a big deal)"
                      # "fine, any colour, as long as it's velvet"
                      rf"|(?:any|whatever)\s+{_KIND}(?=\s*(?:[,;]|\s+as long as\b|\s+so long as\b))"
                      # "any blackout ones in a darker color then" when none is navy: the colour said before let go
                      rf"|in\s+(?:a\s+)?(?:darker|deeper)\s+{_KIND})\b", re.I)
# "leather is fine after all": an excluded value is allowed again (not required).
FINE = re.compile(r"\b(?:is|are|would be|'s)\s+(?:fine|ok|okay|alright|good)(?:\s+(?:after all|too|as well|actually))?\b", re.I)
# "which of them is the firmest?", "I sit at my desk 8 hours a day, which of these would you pick?"
WHICH = re.compile(r"(?:^|[,.;!?]|\b(?:so|then|but))\s*(?:and |so |ok,? )?which (?:ones?|of (?:them|these|those|the \w+)|is|has|have|would|"
                   r"should|lasts|comes?)\b", re.I)
RELAX_FIELDS = {"price": "Any price", "budget": "Any price", "limit": "Any price", "color": "Any colour", "colour": "Any colour",
                "material": "Any material", "style": "Any style", "size": "Any size", "brand": "Any brand",
                "feature": "Any features"}


CHECKOUT = re.compile(r"\b(check ?out|place (?:the |my |an )?order|pay now|proceed to (?:payment|checkout)|"
                      r"ready to (?:buy|order|pay)|complete (?:my |the )?(?:order|purchase))\b", re.I)
# (not "has to be waterproof, it rains here constantly": a must)
# (not "would be great if it had drawers underneath": a wish)
QUESTION = re.compile(r"^\s*(?:(?:and|so|also|ok|okay|oh|but|hmm+)[,\s]+)?(?:how|what|what's|whats|is|are|does|do|can|could|"
                      r"would(?!\s+be\s+(?:really\s+|so\s+)?(?:great|nice|ideal|perfect|lovely|amazing|brilliant|good|handy|awesome|cool|"
                      r"sick|a plus|a bonus)\b)|will|which|(?:has|have)(?!\s+(?:got\s+)?to\b))\b", re.I)
ABOUT_IT = re.compile(r"\b(it|its|it's|this one|that one|this|that|these|those|they|them)\b", re.I)
ABOUT_THESE = re.compile(r"\b(these|those|they|them|both|each(?!\s+(?!one\b|of\b)[a-z])|all of them|either|which ones)\b", re.I)  # (not "each shelf")
# "we need it by friday the 12th, is that doable?", "will they get here before Christmas?": a delivery date asked about
BY_DATE = re.compile(r"\b(?:it|they|them|this|that|these|those|everything|stuff|the (?:bed|sofa|couch|table|desk|chair|"
                     r"mattress|order|delivery|furniture))\b.{0,25}?\b(?:by|before|in time for)\s+"
                     r"(?:(?:this|next|the|a|our|my|his|her|their)\s+)?(?:\w+day\b|christmas|xmas|thanksgiving|new year|"
                     r"the weekend|\d{1,2}(?:st|nd|rd|th)\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|"
                     r"(?:birthday|wedding|party|move|housewarming|anniversary|holidays?)\b)", re.I)
# "and the second one too" right after something went into the cart: that one as well
ALSO_THAT = re.compile(r"^\W*(?:and|plus|also|oh and)\s+(?:the\s+|#\s*)?\w+(?:\s+one)?\s+(?:too|as well|also)\b", re.I)
# "why'd you pick the last one?", "why did you show me that?": the reasons of a shown product
WHY_SHOWN = re.compile(r"\bwhy\b.{0,12}\b(?:did|'d|d|do|would|are|were)\s+(?:you|u)\s+(?:\w+\s+)?(?:pick|choose|chose|show|showing|"
                       r"recommend|suggest|include|put)\b|\bwhy (?:is|was) (?:that|this|it|#\s*\d|the \w+ one)\b.{0,20}\b(?:on|in) "
                       r"(?:the|your|my) list\b|^\W*why (?:that|this) one\W*$", re.I)
# "what's the catch? why is it so cheap?": the catalog says nothing of why; what it lists
WHY_CHEAP = re.compile(r"\bwhat'?s the catch\b|\bwhy (?:is|are) (?:it|they|this|that|these|those|the \w+ one) (?:so )?"
                       r"(?:cheap|inexpensive|low[- ]priced|affordable)\b|\btoo good to be true\b", re.I)
# "size?", "price?" under shown products: that, for each of them
FIELD_ONLY = re.compile(r"^\W*(?:and\s+)?(?:the\s+)?(?:size|sizes|dimensions|measurements|price|prices|material|materials|colou?rs?|"
                        r"reviews?|ratings?|warranty|weight|brand|brands)\s*\?+\W*$", re.I)
RANKS = re.compile(r"\b(?:\w{3,}est|most|least|more|less|better|worse|best|worst|\w+er than)\b", re.I)  # which is firmest
EXPLICIT_REF = re.compile(r"#\s*\d|\b(first|second|third|fourth|fifth|last|number \d)\b|\b(?:1st|2nd|3rd|4th|5th)\b"
                          r"(?!\s+(?:floor|storey|story|bedroom|home|time|birthday|anniversary|grade))", re.I)
# "which of these would go with it?", "does #2 match": the products shown, pointed at
SHOWN_REFERENCE = re.compile(r"\b(?:these|those|them|of (?:the|your) (?:ones|options))\b|#\s*\d|\b(?:first|second|third|fourth|fifth|last)"
                             r"\s+(?:one|ones|option)\b", re.I)
_ADD = r"(?:add|adding|put|stick|throw|pop|chuck|bung)"
_INTO_CART = r"(?:in|to|into)\s+(?:my\s+|the\s+)?(?:cart|basket|bag)"
ADD_THAT = re.compile(rf"\b{_ADD}\s+(it|that|this|them|that one|this one|the \w+ one|#\s*\d)\b"
                      # "put #1 next to #2", "we'll put it to a vote in the group chat"
                      r"(?!\s+(?:away|back|aside|off|up|down|together|out|next to|beside|alongside|against|to (?:a|the) vote|on hold)\b)"
                      # not "so we can put them in the shed over winter"
                      r"(?!\s+in(?:to)?\s+(?:the|my|our|a|his|her)\s+(?!cart|basket|bag|trolley|order)\w+)"
                      r"|\b(in|into|to) (my|the) (cart|basket|bag)\b", re.I)
# "i need it for my tax return", "it's for work expenses": paperwork for the books (an invoice), not a return
FOR_THE_BOOKS = re.compile(r"\btax(?:es)?\s+returns?\b|\bfor\s+(?:my\s+|our\s+|the\s+)?(?:taxes|tax|accountant|bookkeeping|"
                           r"(?:work\s+)?expenses|expense claim)\b", re.I)
# "ok add it. what's my total now?": an add, whatever else is asked ("what's in my cart" alone is no add)
ADD_IT = re.compile(rf"\b{_ADD}\s+(?:it|that|this|them|one)\b", re.I)
# "perfect, add it. can you gift wrap it too?", "add to cart pls. when would it get here?": a cart command, then a
# question of its own
# ("Alright, I will take it. Can it be sent straight to her halls of residence?")
ADD_THEN_ASK = re.compile(rf"(?:\b{_ADD}(?:\s+(?:it|that|this|them|that one|this one|the \w+(?:\s+\w+)?(?: one)?)(?:\s+{_INTO_CART})?"
                          rf"|\s+{_INTO_CART})|\b(?:i|we)(?:'ll|\s+will)\s+(?:take|have|get)\s+(?:it|that|this|them|that one|this one)"
                          # "ok get him the charcoal one. can it come on a saturday?"
                          r"|^\W*(?:(?:ok(?:ay)?|right|great|perfect|fine|alright)\W+)?(?:get|grab|order)\s+(?:him|her|them|me|us)\s+the\s+\w+(?:\s+\w+)?\s+one"
                          # "good, the cream one then. how do i use the gift card when i pay?"
                          r"|^\W*(?:(?:ok(?:ay)?|good|great|perfect|right|alright|lovely|fine)\W+)?the\s+[a-z][\w -]{1,25}?\s+one\s+then)"
                          r"\s*(?:please|pls|then)?(?:[,.!;]+|\s+and\s+(?=(?:is|are|does|do|can|could|will|would|how|what|when)\b))"
                          # ("ok that one. add to cart and is delivery free?", "great add it. whats the delivery cost")
                          r"\s*(?=\S.*\?|(?:also\s+|and\s+)?(?:how|what|whats|what's|when|where|do|does|can|is|are|will)\b)", re.I)
# "do you deliver on weekends? if yes put it in my cart": a cart command that waits on the answer
IF_YES_ADD = re.compile(rf"\bif (?:yes|so|you do|it does|they do|it can|you can|it is|they are)\b[,.!]?\s*(?:then\s+)?(?:please\s+|pls\s+)?"
                        rf"(?:{_ADD}|i'?ll take|i'?ll have|i'?ll get)\b", re.I)
TAKE_IT = re.compile(r"^\s*(?:ok(?:ay)?,?\s*|great,?\s*|then\s*)?(?:i'?ll (?:take|go with|have)\s+)?(?:the\s+)?"
                     r"(?:first|second|third|fourth|fifth|last|#?\d|1st|2nd|3rd|4th|5th)"
                     r"(?:\s+one)?(?:,?\s*(?:please|pls|plz|thanks|thx|then))?[\s.!]*$", re.I)
# "hello, anyone awake? :)", "hiya", "good evening": a greeting opens the message
# "no wait dont cancel it, we still want it": the order kept (a cancellation taken back)
KEEP_THE_ORDER = re.compile(r"\b(?:don'?t|do not|dont)\s+cancel\b|\bwe\s+still\s+want\s+it\b", re.I)
# "1679 for a single mattress?? is that really the only twin one": a price remarked on (no budget, no new request)
# ("whoa 2 grand for a guest bed?? no. under 800 please": the budget after it is one)
PRICE_REMARK = re.compile(r"^\W*(?:(?:whoa+|woah+|wow|omg|yikes|lol|ok|um+|hm+)\W+)?\$?\d[\d,.]*k?\s*(?:bucks|dollars|quid|grand|k)?(?:\s*\?+)?\s+"
                          r"(?:for|on)\s+(?:a|an|one|the|that|this|some)\s+[^?.!]*\?", re.I)
HELLO = re.compile(r"^\s*(?:hi|hello|helo|hey|heya|hiya|howdy|yo|hallo|gm|g'day|morning|good (?:morning|afternoon|evening|day))\b"
                   r"|^\s*mornin'?(?=[\s!.,]|$)"  # "mornin! anyone there this early?"
                   r"|^\s*(?:evening|afternoon)\s*(?:[!.,]|$)", re.I)  # "evening! quick one"
# "yo whats the weather like today": a question after the greeting ("how are you?" is part of it)
ASKS_SOMETHING_ELSE = re.compile(r"\b(?:what|whats|what's|where|when|why|who|which|how)\b(?!\s+(?:are|r)\s+(?:you|u|ya)\b)"
                                 r"(?!'?s it going)(?!(?:'?s|\s+is)\s+(?:your|ur|the)\s+(?:day|morning|afternoon|evening|week|weekend)\b)",
                                 re.I)  # "good morning!! how's your day going?" is part of the greeting
# "just browsing really, no rush": nothing in mind yet
JUST_BROWSING = re.compile(r"\bjust (?:browsing|looking|having a look|looking around|window shopping)\b"
                           # "winding down with a bit of online browsing"
                           r"|\b(?:a bit of|a little|some|bit of)\s+(?:online\s+|window\s+)?(?:browsing|window shopping)\b", re.I)
# "you can review it from the orders page": the shopper's words for a review
REVIEW_WORD = re.compile(r"\b(?:reviews?|rate|rating|stars?|feedback)\b", re.I)
# "i'll think about it", "let me sleep on it": no decision yet
THINK_IT_OVER = re.compile(r"\b(?:i'?ll|i will|let me|gonna|going to|need to|have to|we'?ll|i might)\s+(?:have a\s+)?"
                           r"(?:think|sleep on|mull|talk)\s*(?:about|over|on|it over|to \w+ about)?\s*(?:it|that|this|them)?\b", re.I)
# "I'll talk it over with him tonight and come back", "let me ask my boss if they'll pay for it", "gotta measure the
# room first": the shopper puts the decision off
PUTS_OFF = re.compile(r"\b(?:think (?:about|it over|on)|have a think|sleep on (?:it|that|this)|mull (?:it |this |that )?over|"
                      r"talk (?:it|this|that) (?:over|through)|discuss (?:it|this|that)|we'?ll discuss|"
                      # "ok we need to talk about it, bye!"
                      r"(?:need|have|got|want|going) to talk about (?:it|this|that|them)\b|"
                      r"(?:ask|check with|run it by|talk (?:to|with)) (?:my|the|our) (?:boss|wife|husband|partner|hubby|daughter|son|kids|"
                      r"mum|mom|dad|family|flatmates?|roommates?|landlord|landlady|other half|manager|budget|sister|brother|parents|"
                      r"girlfriend|boyfriend|fianc[eé]e?|wife|mother|father|grandma|grandpa|kids|granddaughter|grandson|grandkids|grandchildren)\b|"
                      r"measure (?:the|my|our) (?:room|space|wall|alcove|hallway|bedroom|lounge|living room|windows?|doorway|stairs)|"
                      r"come back (?:later|tomorrow|to (?:it|this))?|get back to you|decide later|"
                      # "ok saving this for when my husband gets home"
                      r"sav(?:e|ing) (?:this|it|these|them|that|the list) (?:for|till|until|to show)|"
                      # "ugh fine, i'll try paypal later. bye"
                      r"(?:i'?ll|i will|we'?ll|we will|gonna|i'?m gonna)\s+(?:just\s+)?(?:try|do|sort|give)\s+(?:it|that|this|\w+)\s+"
                      r"(?:(?:again|out|a go|a try)\s+)?(?:later|tomorrow|tonight|another time|in the morning|after work)|"
                      # "ok might just wait till spring lol. thanks anyway"
                      r"(?:i'?ll|i will|i might|might|we'?ll|we might|gonna|i'?m gonna|probably)\s+(?:just\s+)?wait\s+"
                      r"(?:till|until|til|'til|for)\s+(?:spring|summer|autumn|fall|winter|next \w+|the sales?|black friday|payday|"
                      r"later|after \w+|january|february|march|april|may|june|july|august|september|october|november|december))\b", re.I)
# "... and come back", "... bye": the chat ends here
COME_BACK = re.compile(r"\bcome back\b|\bget back to you\b"
                       r"|\b(?:try|do it|have a go|look)\s+again\s+(?:tomorrow|later|tonight|in the morning|another day)\b", re.I)  # "i'll try again tomorrow"
# "um hi. what do you actually sell here?", "what kind of stuff do you have?"
WHAT_DO_YOU_SELL = re.compile(r"\bwhat (?:do you|does (?:this|your) (?:shop|store)|kind of (?:stuff|things|products) do you)\s+"
                              r"(?:actually\s+|even\s+|guys\s+)?(?:sell|have|carry|stock|do)\b(?:\s+(?:here|exactly))?\s*[?!.]*\s*$",
                              re.I)
# "what's the weather like tomorrow lol", "tell me a joke": nothing the shop does
OFF_TOPIC = re.compile(r"\b(?:weather|forecast|jokes?|football|soccer|politics|election|recipes?|horoscope|lottery|"
                       r"meaning of life|bitcoin|stock market)\b"
                       # "what's your favourite piece of furniture lol": about the assistant
                       # (not "what's your favourite sofa": a recommendation asked)
                       r"|\byour\s+(?:very\s+)?favou?rite\s+(?:piece|thing|colou?r|food|song|movie|film|show|season|animal|place|day)\b"
                       # "do you think it'll snow on christmas day"
                       r"|\b(?:it'?ll|it will|is it going to|it'?s going to|gonna)\s+(?:snow|rain|be sunny|be cold|be hot|be warm)\b"
                       r"|\b(?:snow|rain) (?:on|at|for|this|tomorrow|tonight)\b"
                       r"|\b(?:supposed|going|meant|likely) to (?:rain|snow|storm)\b"  # "is it supposed to rain this afternoon?"
                       # "lol fair. how do you cope with this heat"
                       r"|\bhow (?:do|are|r) (?:you|u) (?:cope|coping|doing|holding up|surviving|handling|dealing|keeping cool|staying cool)"
                       r"\b.{0,20}\b(?:heat|heatwave|weather|cold|snow|rain|humidity)\b", re.I)
# "how long is the warranty on it?"
WARRANTY_WORD = re.compile(r"\bwarrant(?:y|ies|eed)\b|\bguarantee[ds]?\b", re.I)
# "I got a leather sofa from you back in 2024": something bought here before
BOUGHT_FROM_US = re.compile(r"\b(?:i|we)\s+(?:got|bought|ordered|purchased)\b.{0,60}\b(?:from (?:you|your shop|your store|here)|"
                            r"last (?:year|month|spring|summer|autumn|fall|winter)|in 20\d\d|back in)\b", re.I)
# "bought the charcoal boucle sofa from you last week": bought here, said with or without who bought it
BOUGHT_HERE = re.compile(r"\b(?:bought|got|ordered|purchased)\b.{0,60}\bfrom (?:you|your shop|your store|here)\b", re.I)
# "take it", "ok i'll take that one": the product in focus, into the cart
TAKE_THAT = re.compile(r"^\s*(?:ok(?:ay)?|great|perfect|yes|yep|sure|fine|cool|lovely|nice)?[,!.\s]*(?:i'?ll|ill|we'?ll|i will|we will)?\s*"
                       r"(?:take|buy|get|have)\s+(?:it|that|this|that one|this one|those|them)(?:\s*,?\s*(?:please|pls|plz|thanks|thx))?"
                       r"[\s.!]*$"
                       # "perfect, that one then"
                       r"|^\s*(?:ok(?:ay)?|great|perfect|yes|yep|sure|fine|cool|lovely|nice|sold)[,!.\s]+(?:that|this) one(?:,?\s+(?:then|it is|please|pls))?[\s.!]*$",
                       re.I)
# "aw the green one is cute, i'll take it": a clause about one of them, then "I'll take it"
TAKE_IT_AFTER = re.compile(r"\w[^.!?;]*?[,.;!-]+\s*(?:(?:ok(?:ay)?|so|yeah|yes|then)[,\s]+)?(?:i'?ll|ill|we'?ll|i will|we will|i'?m gonna|gonna)\s+"
                           r"(?:take|buy|get|have|order)\s+(?:it|that|this|that one|this one|them|those)"
                           r"(?:\s*,?\s*(?:please|pls|plz|thanks|thx))?[\s.!]*$", re.I)
SERVICE_FOLLOW_UP = re.compile(r"\b(how much|costs?|price|fees?|charge|free|how long|how many days|when|what about|how about|"
                               r"apply|applies|too|also|as well|same|even|klarna|affirm|paypal|instead|wait|lost|"
                               r"before|in time|should i|what now|what next)\b", re.I)
# A change to an order already placed ("can I add a matching nightstand to order 804417", "the green one instead
# of the black, same order 920114"), not to the cart.
ORDER_CHANGE = re.compile(r"\b(?:add|put|include|change|swap|switch|squeeze|tack)\b.{0,50}\b(?:to|in|on|into|onto)\s+(?:that|my|the|this|an existing|"
                          r"the same|my existing|the existing)\s+order\b(?!\s+(?:for|of)\b)|\b(?:add|put|include|squeeze|tack)\b.{0,50}\b(?:on)?to order\s*#?\w*\d|"
                          r"\binstead\b.{0,40}\bsame order\b|\bsame order\b.{0,40}\binstead\b"
                          r"|\b(?:change|swap|switch)\b.{0,40}\binstead of cancel\w*", re.I)  # "... instead of cancelling?"
# A follow-up on the service topic just answered, in words of its own ("is there a fee for doing that",
# "and can you leave the price off the packing slip").
SAME_TOPIC = re.compile(r"\b(?:that|it|this|them|they|the same)\b|^\s*(?:and|also|plus|oh and)\b"
                        r"|\bhow long (?:have|do) (?:i|we) (?:got|have|get)\b", re.I)  # "how long have i got?" (to return it)
# A message that is only an order number ("28841", "the order was 29904", "it's #A-12345").
JUST_ORDER_ID = re.compile(r"^\s*(?:(?:ok(?:ay)?|fine|sure|right|yes|yeah|yep|sorry|oh|ah|great|cool|perfect|lovely)\b[\s,.!]*){0,2}"  # "fine. the order number is 80215"
                           r"(?:(?:it'?s|it is|that'?s|the|my|order|number|no\.?|was|is|id|#|:)\s*)*#?[A-Z]{0,4}-?\d{4,12}"
                           r"\s*(?:thanks?|thx|pls|please|btw|fyi|by the way|if that helps)?\s*[.!]*\s*$", re.I)
# Money coming back ("how long until I get it back?", "see the difference back on my account").
MONEY_BACK = re.compile(r"\b(?:money|the difference|the (?:extra )?(?:charge|amount|payment)|my \$?\d+)\s+back\b|\brefund|"
                        # "I also expect the delivery fee back for this mess"
                        r"\b(?:delivery|shipping|postage)\s+(?:fee|charge|cost|money)s?\s+back\b|"
                        # "how long until I get it back?", "i want that back" (not "send it back", "pack it back up")
                        r"\b(?:get|getting|gets|got|have|see|receive|receiving|want|need|expect)\s+(?:it|that|this)\s+back\b|"
                        r"\bthe extra (?:one|charge|payment|money|\$\s*\d[\d,.]*)(?!\w).{0,25}\bback\b|"  # "how soon will the extra one come back to me?"
                        r"\$+\s*back\b|\b(?:cash|dough|funds)\s+back\b|"
                        # "how long till i get the duplicate back" after a double charge
                        r"\bthe (?:duplicate|double|second|other) (?:one|charge|payment)?\s*back\b"
                        # "I want every penny back", "how long until I get the extra back?", "when do I see my money again"
                        r"|\b(?:every|each) (?:penny|cent|dollar|pound)\b.{0,10}\bback\b|\bthe extra\s+back\b"
                        # "when will the extra charge disappear from my account"
                        r"|\bthe (?:extra|double|duplicate|second|other) (?:charge|payment|one)\b.{0,30}\b(?:disappear|go away|come off|"
                        r"drop off|be removed|be reversed|vanish|be refunded)"
                        r"|\bsee (?:my|our|the) money\b"
                        # "how long does it usually take to show up on my card" (after a refund question)
                        r"|\b(?:shows?|turns?|showing)\s+up\s+(?:on|in)\s+(?:my|our)\s+(?:card|account|bank|statement)|"
                        r"\b(?:hit|reach|appear on|appear in)\s+(?:my|our)\s+(?:card|account|bank|statement)", re.I)
# An out_of_scope this confident is not a shopping request the model missed ("recommend a pizza place").
SURE_OUT_OF_SCOPE = 0.8
# "if it's not back by wednesday i'm disputing it with my bank": a threat, a complaint whatever it names
THREAT = re.compile(r"\b(?:disput(?:e|ing)|dispute)\s+(?:it|this|the (?:charge|payment))\s+with\s+(?:my|the)\s+(?:bank|card)|\bcharge ?backs?\b|"
                    r"\btrading standards\b|\bsmall claims\b|\b(?:my|a) (?:lawyer|solicitor|attorney)\b|\breport(?:ing)? you\b", re.I)
# "this is the third time I'm writing about my broken dresser and nobody gets back to me": a complaint about service
NO_ONE_ANSWERS = re.compile(r"\b(?:nobody|no one|no-one|noone)\s+(?:ever\s+)?(?:gets?|got|has got|has gotten|is getting)\s+back\b"
                            r"|\b(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th))\s+time\s+(?:that\s+)?(?:i'?m|i am|i have been|i've been|"
                            r"i'?ve|i have)?\s*(?:writing|asking|contacting|messaging|chasing|emailing|calling|written|asked|"
                            r"contacted|messaged|chased|emailed|called)\b"
                            r"|\bstill no (?:reply|response|answer)\b|\b(?:never|nobody|no one|no-one|noone) (?:ever )?(?:replied|responded|"
                            r"answered|answers|replies|responds|calls back|called back|rings back)\b", re.I)
FAREWELL = re.compile(r"\b(bye|goodbye|tsch(?:ü|ue|u)ss|ciao|adi(?:o|ó)s|au revoir|see (?:you|ya)|farewell|auf wiedersehen|"
                      r"cheerio|ta[- ]ra|toodle[- ]?oo|cya|laters|ttyl|brb|take care|have a (?:good|great|nice|lovely) (?:one|day|evening|weekend)(?=\W*$)|stay (?:dry|safe|warm|cool)(?: out there)?|good ?night|g'?night|g'?nite|night night|nite|gn|"
                      r"that'?s all|that is all|that'?ll be all|that will be all|that'?s (?:it|all|everything|plenty|enough) for (?:now|today|tonight|the day|this evening|one (?:morning|day|night|evening|afternoon))|"
                      r"(?:gotta|got to|have to|need to|must) (?:run|go|dash|head off|(?:jump|hop|get) on(?:to)? a (?:call|meeting|zoom))"
                      # (not "they need to go in the washing machine")
                      r"(?!\s+(?:in|into|on|onto|under|with|through|up|down|together|over|behind|against|next|in between)\b)|i'?m off"
                      # "ok we'll have a think. bedtime for the little ones", "off to bed"
                      r"|bedtime for (?:the|my|our) (?:kids|little ones|littles|children|baby|babies|boys|girls|twins)"
                      r"|(?:it'?s|past) (?:my |our )?bedtime|time for bed|(?:off|going|heading) (?:to bed|upstairs to bed)"
                      # "perfect. sleep time 😴"
                      r"|(?:^|[,.!;:]\s*)(?:sleep|nap|bed) ?time\b(?=[\s\W]*$))\b"
                      # "ok good to know. night/morning whatever it is" (not "night stands", "night lights")
                      r"|(?:^|[.!;]\s+)'?ni(?:ght|te)\b(?![\s-]*(?:stand|table|light|lamp|shift|owl|time|mode|vision|sky|club|s\b|'?s\b))"
                      # "ok I'll sleep on it, night!" (not "a lamp to read by at night")
                      r"|(?:^|[^\w\s']\s*)'?ni(?:ght|te)(?:\s+(?:all|everyone|then))?\s*[!.:)x]*\s*$", re.I)  # ("... the husband 😄 night!")
# The parts of a message that only close the chat: an acknowledgement ("ah that's a shame", "brill"), thanks
# ("ta", "appreciate you sorting that out", "thanks anyway") or leaving ("have to run", "going to bed now",
# "will look again tonight", "i'll show my husband tonight and come back").
_ACKNOWLEDGED = (r"(?:ok(?:ay)?|k|ah+|oh+|ugh+|hmm+|lol|lmao|ha(?:ha)+|right|great|perfect|lovely|awesome|cool|sweet|brill(?:iant)?|nice(?: one)?|amazing|"
                 # "nah leave it as it is, sorry for the hassle"
                 r"(?:nah|no)(?:\s+(?:leave it|it'?s fine|all good)(?: as it is)?)?|leave it(?: as it is)?|forget it|it'?s fine|"
                 r"sorry (?:for|about) (?:the|all the) (?:hassle|trouble|bother|fuss|confusion)|"
                 r"fab(?:ulous)?|super|grand|fair enough|no worries|no problem|oh well|never ?mind(?: then)?|nvm|fine|good|sure|alright|whatever|"
                 r"good (?:info|to know)|z+|"  # ("zzz", squeezed to "z")
                 # "ok never mind, we'll squeeze in"
                 r"(?:we|i)'?ll (?:just )?(?:squeeze in|manage|make do|cope|live with it)|"
                 # "no worries, I'll wrap it myself"
                 # "I'll wrap a bow round it myself"
                 r"(?:we|i)'?ll (?:just )?(?:wrap|do|sort|figure|handle|check|ask)(?: [\w']+){1,4}? (?:myself|ourselves)(?: then)?|"
                 # "nah that's enough spending for one day haha"
                 r"(?:that'?s|that is) enough (?:spending|shopping)(?: for (?:one day|the day|today|now|tonight))?|"
                 # "lmao over a grand for a chair": a remark on the price, nothing asked
                 r"(?:lmao |lol |wow |yikes |jeez |blimey )?(?:over|more than|nearly|almost) (?:a grand|\$?\d[\d,.]*k?) for an? [a-z]+|"
                 # "ugh ok, I'll try paypal"
                 r"(?:we|i)'?ll (?:just )?(?:try|use) (?:paypal|apple pay|google pay|(?:another|a different|my other) card|that|it)(?: then| again)?|"
                 r"(?:(?:ah|oh|that'?s|that is|what)\s+)*(?:a\s+)?(?:shame|pity|bummer)|too bad|all good|sounds good|got it|"
                 r"noted|understood|makes sense|well|"
                 # "alright I'll give it a few more days. thanks"
                 r"(?:i|we)'?ll (?:just )?(?:give it|wait) (?:a (?:few|couple)(?: (?:more|of))? (?:days|weeks)|another (?:day|week|few days)|"
                 r"(?:a )?(?:bit|while) longer|till (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|next week|the weekend))|"
                 # "ok thats tomorrow's problem. gnight"
                 r"(?:that'?s|thats|that is) (?:a )?(?:tomorrow'?s|future me'?s|a tomorrow) problem)")
_THANKED = (r"(?:(?:thanks|thank you|thank u|thx|thnx|ty|ta|cheers|many thanks|much appreciated)"
            r"|(?:i\s+|really\s+)*appreciate (?:it|that|you|your help)(?:\s+\w+){0,4})"
            r"(?:\s+(?:so much|a lot|very much|a bunch|anyway|anyways|again|loads|x+|i guess|i suppose|for (?:the |your )?help(?:ing)?"
            r"|for (?:sorting|looking into|checking) (?:it|that|this)(?:\s+out)?|for your time|mate|love|hun|pal|buddy|guys|dear|darling))*")
_LEAVING = (r"(?:(?:i'?m\s+|we'?re\s+)?(?:finally\s+)?(?:(?:going|off|heading|about)\s+to|gonna)\s+(?:bed|sleep|pass out|crash)(?:\s+now)?"
            r"|(?:(?:it'?s|its)\s+)?(?:bed\s*time|time for bed|sleepy time)(?:\s+(?:now|for me))?"
            # "gonna try and get some sleep on the couch lol"
            r"|(?:(?:i'?m|we'?re)\s+)?(?:gonna|going to)\s+(?:try\s+(?:and|to)\s+)?(?:get|catch)\s+(?:some\s+)?sleep"
            r"(?:\s+on the (?:couch|sofa))?(?:\s+(?:now|lol|haha))?"
            r"|(?:(?:i|we)\s*'?(?:ll|will)\s+|will\s+)(?:have (?:a|another) look|look|check|come back|pop back|be back)"
            r"(?:\s+(?:again|later|tonight|tomorrow|another time|at the weekend|in the morning|after work))*"
            r"|(?:(?:i|we)\s*'?(?:ll|will)\s+|(?:i'?m\s+|we'?re\s+)?(?:gonna|going to)\s+|let me\s+|lemme\s+)?"
            r"(?:show|ask|check with|talk to|run (?:it|these|them|this|those) (?:by|past))\s+(?:it\s+to\s+)?"
            # "I'll show the wife tonight", "gonna run it past the others"
            r"(?:(?:my|our)\s+\w+(?:\s+half)?|her|him|them|the\s+(?:wife|husband|missus|missis|hubby|kids|family|boss|"
            r"others|rest of (?:them|the family|the house)|other half|partner|boyfriend|girlfriend|flatmates|housemates|roommates))"
            r"(?:\s+(?:tonight|later|first|tomorrow|when (?:he|she|they)(?:'s|'re| is| are| gets?) (?:up|home|back|in)))?"
            r"(?:\s+and\s+(?:come|get|be|circle)\s+back(?:\s+to you)?)?"
            r"|(?:and\s+)?(?:circle|get) back(?:\s+to you)?(?:\s+(?:later|tomorrow|tonight))?"
            r"|(?:and\s+)?come back(?:\s+(?:later|tomorrow|tonight))?|night(?:\s+night)?|nite"
            # "ill keep looking, thanks"
            r"|(?:(?:i|we)\s*'?(?:ll|will)\s+)?(?:keep|carry on)\s+(?:looking|browsing|searching)(?:\s+(?:then|elsewhere|around))?"
            r"|(?:(?:i|we)\s*'?(?:ll|will)\s+)?(?:look|shop)\s+(?:elsewhere|around)(?:\s+then)?"
            # "perfect, happy new year!" at the end of a chat
            r"|happy new year|merry (?:christmas|xmas)|happy holidays|happy easter"
            # "ok going to measure the stairs first"
            r"|(?:(?:i'?m|we'?re)\s+)?(?:going to|gonna|will|'ll)\s+measure\s+(?:the|our|my)\s+\w+(?:\s+first)?"
            # "gotta run back to work"
            rf"|(?:(?:{FAREWELL.pattern})(?:\s+back)?(?:\s+to\s+(?:work|the office|my desk|class|school|bed|the kids))?))")
_CLOSING_PART = re.compile(rf"^\s*(?:(?:and|but|so)\s+)?(?:{_ACKNOWLEDGED}|{_THANKED}|{_LEAVING}|[^\w\s]+)(?:\s+(?:{_ACKNOWLEDGED}|{_THANKED}|{_LEAVING}))*"
                           r"[\s\W]*$", re.I)
_LEAVING_PART = re.compile(rf"^\s*(?:(?:and|but|so)\s+)?(?:(?:{_ACKNOWLEDGED}|{_THANKED})\s+)*{_LEAVING}", re.I)


_HOLIDAY_WISH = re.compile(r"\b(?:happy new year|merry (?:christmas|xmas)|happy holidays|happy easter)\b", re.I)


def closing(text: str) -> str | None:
    """ "goodbye" when every clause of ``text`` only closes the chat and one says the shopper is leaving ("ok
    thanks, have to run, will look again tonight"), "thanks" when they only thank and acknowledge ("ah that's a
    shame. ok thanks anyway", "brill ta"), None when any clause says more."""
    parts = clauses(re.sub(r"[^\w\s.?!;,']", " ", text))
    if not parts or not all(_CLOSING_PART.match(c) for c in parts):
        return None
    leaving = [c for c in parts if _LEAVING_PART.match(c)]
    wishes = [c for c in leaving if _HOLIDAY_WISH.search(c)]
    if leaving and not (wishes == leaving and any(re.search(rf"\b{_THANKED}", c, re.I) for c in parts)):
        return "goodbye"  # (not "thx ur the best. merry christmas!! 🎄": thanks, with a wish)
    if any(re.search(rf"\b{_THANKED}", c, re.I) for c in parts):
        return "thanks"
    # "ok good to know 👍" after an answer: taken in, as thanks
    return "thanks" if any(re.search(r"\b(?:good (?:info|to know)|noted|got it|understood|makes sense)\b", c, re.I) for c in parts) else None


def closing_said_last(text: str) -> tuple[str, str] | None:
    """The closing said after something else ("figured. cash in a card it is 😂 thanks anyway, bye"): the
    closing's kind ("goodbye" or "thanks") and the words before it; None when the message ends otherwise or is
    only a closing."""
    parts = clauses(re.sub(r"[^\w\s.?!;,']", ".", text))
    for i in range(1, len(parts)):
        kind = closing(",".join(parts[i:]))
        if kind:
            return (kind, ",".join(parts[:i])) if closing(",".join(parts[:i])) is None else None
    return None


# Said to the assistant itself: "you're pretty good at this" (thanks), "are you a bot?" (what it is).
COMPLIMENT = re.compile(r"\byou(?:'re| are|r| re|'ve been| have been|ve been)\s+(?:\w+\s+)?(?:good|great|helpful|awesome|amazing|smart|brilliant|clever|"
                        r"the best|a star|a lifesaver|a legend)\b|\b(?:good|great|nice|clever) (?:bot|job|work)\b", re.I)
ARE_YOU_A_BOT = re.compile(r"\b(?:is (?:this|it|that)|am i talking to) (?:a |an )?(?:real |actual |live )?(?:person|human|bot|robot|ai|machine)"
                           r"(?: or (?:a |an )?(?:real |actual )?(?:person|human|bot|robot|ai|machine))?"
                           r"(?:\s+(?:i'?m|i am|we'?re|here)(?:\s+(?:talking|chatting|speaking)\s+(?:to|with))?)?\s*(?:\?|$)"
                           r"|\b(?:i'?m|im|i am)\s+(?:\w+\s+)?(?:talking|chatting)\s+(?:to|with)\s+(?:a|an)\s+(?:\w+\s+)?(?:bot|robot|ai|machine|chatbot)\b"
                           r"|\b(?:are|r) (?:you|u) (?:even |actually |really )?(?:a |an )?(?:real|human|bot|robot|person|ai|machine|computer|chatbot|"
                           r"live (?:person|agent)|actual person)\b|\bam i (?:talking|chatting|speaking) (?:to|with) a\b"
                           r"|\b(?:you|u) (?:are|r) (?:a |an )?(?:human|bot|robot|computer|machine|real person|person)\b.*\?"
                           # "morning! you a real person or a bot?"
                           r"|(?:^|[.!?,]\s*)(?:you|u|ur)\s+(?:a |an )?(?:real (?:person|human)|human|bot|robot|person)"
                           r"(?:\s+or\s+(?:a |an )?(?:real (?:person|human)|human|bot|robot|person|ai))?\s*\?", re.I)
# "a sofa, a coffee table and a rug": several things listed in one request
LIST_OF_THINGS = re.compile(r"\b(?:a|an|some|two|2)\s+[\w -]{2,30}?(?:(?:,|\s+and|\s+plus|\s+\+)\s+(?:a|an|some|two|2|then)\b"
                            r"|\s*[+&]\s*[a-z]"  # ("need a desk + chair for my first apartment")
                            r"|\s+and\s+(?:pink|blue|green|grey|gray|white|black|red|navy|beige|cream|yellow|matching)\s+[a-z]+s\b)",
                            re.I)  # ("a pink rug and pink curtains")
# "the chair first", "ok, the desk first": which of several things to start with
THING_FIRST = re.compile(r"^\s*(?:ok(?:ay)?|so|let'?s do|let'?s start with|start with)?[,\s]*(?:the |a )?[a-z][\w -]{1,30}?\s+first\b", re.I)
BACK_TO = re.compile(r"\b(?:back to|go back to|return to|again)\b", re.I)
BACK_TO_FIRST = re.compile(r"\b(?:back to|go back to|return to|show me again)\s+(?:the\s+|my\s+)?(?:first|original|earlier|"
                           r"previous|initial|old)\s+(?:list|results|ones|search|options|selection|suggestions)\b"
                           r"|\b(?:see|show(?: me)?|have)\s+(?:the\s+)?(?:first|earlier|previous|original)\s+(?:ones|few|results|options|"
                           r"list)\s+again\b", re.I)
# "what's in my cart?", "how many things are in my basket", "remind me what's in the cart", "cart total?"
CART_VIEW = re.compile(r"\b(?:what'?s|what is|what do i have|what have i got|what(?:'ve| have) (?:i|we) got|show(?: me)?|list|view|see|check|remind me(?: of)?(?: what'?s)?|"
                       r"how many (?:things|items|products|pieces)(?: are| do i have)?|how much is)\s+(?:in |on )?(?:my |our |the )?"
                       r"(?:cart|basket|shopping bag)\b|\b(?:cart|basket) (?:total|contents|so far)\b"
                       r"|\bwhat'?s (?:the |my |our )?total\b|\bhow much (?:is|does|do|would|will) (?:it|that|everything|all that|it all|"
                       r"(?:my|the|our) (?:cart|basket|total)) (?:come to|add up to)\b"  # "how much does my cart come to?"
                       r"|\bhow much (?:is|does|do|would|will) (?:my|the|our) (?:cart|basket) cost\b"
                       # "how much is that all together?"
                       r"|\bhow much (?:is|'s|would be|will be|does) (?:that|it|everything|all that|it all|this)\s+(?:all\s+)?"
                       r"(?:together|altogether|in total|total|come to)\b"
                       # "how much is that coming to altogether?"
                       r"|\bhow much (?:is|'s) (?:that|it|everything|all that|it all|this)\s+(?:all\s+)?(?:coming|adding up) to\b"
                       # "whats left in my cart?", "remind me what I've got in the cart?"
                       r"|\bwhat(?:'?s| is| have i got| i'?ve got| i have| do i have| did i put| is there)\s+(?:left\s+|still\s+|now\s+)?"
                       r"(?:in|on)\s+(?:my|the|our)\s+(?:cart|basket|shopping bag)\b"
                       r"|\bwhat (?:does|do|would|will) (?:(?:the|my|our) (?:total|cart|basket)|that|it|everything|it all|all that|this)"
                       r"(?:\s+all)?\s+(?:come to|add up to)\b"  # "what does the total come to?", "what does that come to in total?"
                       r"|\bwhat (?:does|do|would|will) (?:that|it|this) (?:bring|take|make) (?:my|the|our) (?:total|cart|basket)\b",
                       re.I)
# "take the rug out of my cart", "remove the lamp from the basket", "delete #2 from my cart", "take it out"
CART_REMOVE = re.compile(r"\b(?:remove|take|delete|drop|get rid of)\b(?P<what>.{0,40}?)\b(?:out of|from|off)\s+(?:my |the )?"
                         r"(?:cart|basket|bag|order)\b|\b(?:remove|delete)\s+(?P<what2>(?:the |that |#\s*)?[\w -]{1,30}?)\s*$"
                         # "wait actually take it out, i should ask my partner first"
                         r"|\b(?:take|put)\s+(?P<what3>it|that|that one|this one|them|those)\s+(?:back\s+)?out\b(?!\s+(?:of|for|to|on|in|with)\b)",
                         re.I)
# "actually make that four", "change it to 3", "make it two chairs": how many of what was just added
CART_COUNT = re.compile(r"\b(?:make|change)\s+(?:that|it|them|the (?:quantity|number))\s+(?:to\s+|into\s+)?"
                        r"(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b"
                        # "wait, only need one actually, we kept the old one on his side"
                        r"|\b(?:only|just)\s+(?:need|want)\s+(\d{1,2}|one|two|three|four|five|six)\b(?!\s+(?:more|of\s+(?:the|those)))", re.I)
# "I'd rather have the second one instead of the first", "swap it for #3": another shown product in place of one added
CART_SWAP = re.compile(r"\b(?:rather have|swap (?:it|that|this|the \w+(?: one)?) for|switch (?:it|that|this|to)|exchange it for|"
                       r"replace (?:it|that|the \w+(?: one)?) with)\b", re.I)
CART_WORD = re.compile(r"\b(cart|basket|bag|buy|take|order|checkout|check out|purchase|add|adding)\b", re.I)
# "I'm buying an armchair for my dad", "we need a sofa": a product wanted, whatever else the message says
SHOPPING_OPENER = re.compile(r"\b(?:i'?m|we'?re|i am|we are)\s+(?:buying|looking for|after|shopping for|searching for|getting)\b|"
                             r"\b(?:i|we)\s+(?:need|want|would like|'d like)\s+(?:a|an|some|new|two|three|four)\b", re.I)
# "one of our dining chairs cracked. can i buy just one?": buying, whatever happened to their own
WANTS_TO_BUY = re.compile(r"\b(?:can|could|may)\s+(?:i|we)\s+(?:buy|order|get|purchase)\s+(?:just\s+|only\s+)?(?:one|a|an|1|single|"
                          r"another|a new|a replacement)\b|\b(?:i|we)\s+(?:want|need|would like|'d like)\s+to\s+buy\b|"
                          r"\bdo you (?:sell|do|have)\s+(?:them|it|those|these|that)\s+(?:on (?:its|their) own|singly|separately|individually)\b",
                          re.I)
# the shopper's order or delivery: not their own furniture at home
ORDER_WORDS = re.compile(r"\b(?:arrived|arriving|delivered|delivery|ordered|came|shipped|parcel|package)\b|"
                         r"\b(?:my|our|the|this|that|last)\s+order\b", re.I)
# "do any of these come with cushions?", "are any of them foldable?": a question answered for each one shown
ANY_OF_THESE = re.compile(r"^\s*(?:(?:so|and|ok|okay|shame|hmm+|oh|ah|right|cool|nice|great|lovely)[,.!]*\s+)*"  # "shame. do any of ..."
                          r"(?:do|does|are|r|is|have|has|can|will)\s+any\s+of\s+(?:these|those|them|the \w+)\b", re.I)
# "foldable ones?", "any waterproof ones?": only the shown kind with that feature
FEATURE_ONES = re.compile(r"^\s*(?:and |ok,? |so )?(?:any |got any |what about |how about )?([a-z][\w -]{2,30}?)\s+ones\s*\??\s*$", re.I)
# "we need a bed delivered by friday the 12th, possible?", "can you get a mattress to me by friday?": when it can be
# here, whatever the product
DELIVERED_BY = re.compile(r"\b(?:deliver\w*|arriv\w*|get here|here|shipped"  # "can you get a mattress to me by friday?"
                          r"|(?:get|bring|send)\s+(?:it|them|one|(?:a|an|the|my|our)\s+[a-z]+)\s+to\s+(?:me|us|my place|our place))"
                          r"\s+(?:by|before|in time for)\s+(?:(?:this|next|the|a|our|"
                          r"my)\s+)?(?:\w+day\b|christmas|xmas|thanksgiving|new year|the weekend|\d{1,2}(?:st|nd|rd|th)\b|"
                          r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)", re.I)
# "it needs adjustable shelves", "they have to be white": a wish for the kind being shown
# "hmm we really need washable. anything like that?": a must of the shopper's, said before a question
WE_NEED = re.compile(r"^\s*(?:(?:hmm+|ok(?:ay)?|well|so|but|ah)[,.!]*\s+)*(?:we|i)\s+(?:really\s+|do\s+|definitely\s+|absolutely\s+)?"
                     r"(?:need|must have|have to have)\b(?!\s+to\b)", re.I)
IT_NEEDS = re.compile(r"^\s*(?:and |but |also |oh,? )?(?:it|they|the \w+)\s+(?:needs?|has to|have to|must|should)\b", re.I)
# "I've got about 2000 to spend on everything": a budget for the whole room, not for each piece
TOTAL_BUDGET = re.compile(r"\b(?:on|for)\s+(?:everything|all of it|the whole (?:thing|room|lot|project)|it all)\b|\b(?:in total|altogether|"
                          r"all in|total budget)\b", re.I)
# "is possible to make it longer?", "can the first one be extended?": whether a product can grow, a question about it
CAN_IT_GROW = re.compile(r"\b(?:possible|able|can (?:i|you|we)|could (?:i|you|we)|is there a way) to (?:make|extend|expand|pull out) "
                         r"(?:it|this|that|them|the (?:table|first|second|third|last)(?: one)?)\b"
                         r"|\bcan (?:it|this|that|the \w+(?: one)?) (?:be )?(?:extend|expand|made longer|made bigger)", re.I)
GOES_WITH = re.compile(r"\b(go(es)? (well |nicely )?(with|next to|under|beside)|to match|matching|match(es)? (it|this|that|the)|"
                       r"complement|pair(s)? (well )?with|(look|looks|work|works|sit|sits) (nice|nicely|good|great|well|best)? ?"
                       r"(with|on|next to|against))\b", re.I)
NOT_THAT = re.compile(r"\b(?:not (?:that|this|the same)|another|other|a different|different|some other)\s+(brand|colou?r|material|style)s?\b",
                      re.I)
CHEAP = re.compile(r"\b(?:cheap|cheapish|cheap-ish|inexpensive|affordable|low[- ]cost|budget[- ]friendly|not (?:too |that |very )?"
                   r"(?:expensive|pricey|dear)|on the cheap)\b(?!\s+(?:looking|quality|materials?))", re.I)
# "hmm too expensive, anything under 300?", "that's out of my budget": the price matters more than the rest now
TOO_DEAR = re.compile(r"\btoo (?:expensive|pricey|dear|steep|spendy|rich for)\b|\bout of (?:my|our) (?:budget|price range|league)\b"
                      r"|\bover (?:my|our) budget\b|\bcan'?t afford\b|\b(?:any|anything|something)\s+(?:under|below|less than|cheaper)\b", re.I)
# "the mustard ones are way too pricey", "they're all too expensive": cheaper than every one shown, not than the middle
ALL_TOO_DEAR = re.compile(r"\b(?:they|these|those|the(?:se|y)? (?:[a-z]+ )?ones|all of (?:them|these|those)|them all)\s*(?:are|'re|r)\s+"
                          r"(?:all\s+)?(?:way |far |much |a bit |a little |bit |just |all )?(?:too|so|very|really|crazy|super|kinda|pretty|quite)\s+"
                          r"(?:expensive|pricey|dear|steep|spendy|out of (?:my|our) (?:budget|price range|league))\b"
                          # "omg the prices 😳 anything cheaper": all of them
                          r"|^\W*(?:(?:omg|wow|yikes|whoa|woah|ouch|oof|jeez|geez|god|lol)\W+)*(?:the|these|those)\s+prices\b(?!\s+(?:of|for|on)\b)",
                          re.I)
SUPERLATIVE = re.compile(r"\b(cheapest|least expensive|lowest price[d]?|best[- ]rated|highest[- ]rated|top[- ]rated|"
                         r"most popular|most reviewed|biggest|largest|smallest)\b", re.I)
FORGET_VALUE = re.compile(r"\b(?:forget|drop|ignore|scrap|never ?mind|no more)\s+(?:about\s+)?(?:the\s+)?([a-z][a-z&' -]{1,30}?)"
                          r"(?:\s+(?:bit|part|one|thing|idea|filter|look|vibe|feel))?(?=\s*(?:[,.;!?]|$|\band\b|\bthen\b))", re.I)
# A value the shopper has gone off ("changed my mind about grey - white please", "not feeling mid-century",
# "I'm not fussed about walnut anymore"): let go of; a value of the same kind said with it takes its place
MIND_CHANGED = re.compile(r"\b(?:changed? my mind (?:about|on)|not (?:that |so |too |really )?(?:fussed|bothered) (?:about|with|by)|"
                          r"(?:do not|don'?t) (?:really )?care (?:about|for)|not (?:really )?feeling(?: the)?|not (?:really )?into|"
                          r"not (?:so |that |too )?keen on|gone off|"
                          # "anything better rated? doesnt have to be velvet"
                          r"(?:doesn'?t|does not|don'?t|do not|needn'?t)\s+(?:have|need)\s+to\s+be)\s+(?:the\s+)?([a-z][a-z -]{1,25}?)"
                          r"(?=\s*(?:[,.;!?]|\s-\s|$|\band\b|\bthen\b|\banymore\b|\bany ?more\b|\bafter all\b|\bnow\b|\bones?\b|\bthough\b))", re.I)
# "fine, mid century doesnt matter. 6 drawers and not grey?": that value let go of
VALUE_NO_MATTER = re.compile(r"(?:^|[,.;!?]\s*|\b(?:fine|ok|okay|ah well)\W+)(?:the\s+)?([a-z][a-z -]{1,25}?)\s+(?:really\s+|honestly\s+)?"
                             r"(?:doesn'?t|does not|don'?t|do not|dont|doesnt)\s+(?:really\s+)?matter\b", re.I)
# "back to the wicker ones", "the white ones were nicer, show me those again": that value wanted again
BACK_TO_VALUE = re.compile(r"\b(?:back to|go back to|return to|switch back to)\s+(?:the\s+|those\s+)?([a-z][a-z -]{1,25}?)\s+ones?\b"
                           r"|\bthe ([a-z][a-z -]{1,25}?) ones? (?:were|was|looked|are) (?:nicer|better|prettier|lovelier|the best|"
                           r"more my style)", re.I)
SAME_BUDGET = re.compile(r"\b(same|that|my|the) (budget|price( range)?|max(imum)?|limit)\b|"
                         r"\bsame\s+[a-z]+\s*(?:and|&|\+|,)\s*(?:the\s+)?(?:budget|price)\b", re.I)
MORE = re.compile(r"\b(show( me)? more|more of (those|these|them|the)|any more|other ones|others)\b", re.I)
# "do you sell bathroom vanities?": the thing asked for, up to a price, a purpose or the end
DO_YOU_SELL_THING = re.compile(r"\b(?:do|does) (?:you|the shop|your shop|u)(?: guys)? (?:sell|carry|stock|have|offer)\s+"
                               r"(?:any\s+|a\s+|an\s+|some\s+)?([a-z][a-z -]{2,40}?)\s*(?=\b(?:for|under|in|with|that|at|too|as well|by any chance|by chance|anymore|please|pls|lol|tho|though)\b|[?.!,]|$)",
                               re.I)
# What a shop has that is no product ("do you have a store in Boston?", "do you have a sale on?").
SHOP_FEATURE = re.compile(r"\b(stores?|shops?|showrooms?|locations?|branch(?:es)?|sales?|discounts?|deals?|offers?|warrant(?:y|ies)|"
                          r"coupons?|codes?|apps?|website|site|hours|phone|number|email|catalog(?:ue)?|financing|plans?|"
                          r"gift ?cards?|vouchers?|samples?|swatch(?:es)?|assembly|installation|service)\b", re.I)
DO_YOU_SELL = re.compile(r"\b(sell|have|carry|stock|got|offer)\b", re.I)
SERVICE_WORDS = re.compile(r"\b(orders?|return\w*|refund\w*|deliver\w*|shipping|shipped|ship|package|parcel|cancel\w*|"
                           r"charged?|card|payment|paid|account|password|invoice|arrived|broken|damaged|tracking)\b", re.I)
# "... if I order today?" asks delivery times, not about an order
_NOT_IF_I_ORDER = r"(?!.*\bif (?:i|we) (?:order|buy|get|purchase))"
MY_ORDER_ARRIVING = re.compile(r"\b(?:when|where)\b.{0,20}\b(?:my|our) (?:\w+ )?(?:order|package|parcel|delivery|\w+)\s+"
                               r"(?:arriv(?:e|ing)|get(?:ting)? here|be delivered|come|coming|show(?:ing)? up|turn(?:ing)? up)\b" +
                               _NOT_IF_I_ORDER + r"|"
                               # "and when will the navy one actually come?" (the right one of a wrong delivery)
                               r"\bwhen (?:will|does|is)\s+the (?!(?:first|second|third|fourth|fifth|last|other|cheaper)\b)(?:\w+ ){1,2}one\s+"
                               r"(?:actually\s+|finally\s+)?(?:arrive|get here|be delivered|come|show up|turn up)\b" +
                               _NOT_IF_I_ORDER + r"|"
                               # "how long until the right one gets here?" (after a wrong delivery)
                               r"\bhow long (?:until|till|til|before)\s+(?:the|my)\s+(?:right|correct|new|replacement|proper)\s+(?:one|\w+)\s+"
                               r"(?:gets here|arrives|comes|shows up|turns up|is here)\b|"
                               # "and will it still get there before friday?"
                               r"(?:^\s*|[.,;!?]\s*|\band\s+)will (?:it|they) still (?:get there|get here|arrive|make it)\s+(?:before|by|in time)\b" + _NOT_IF_I_ORDER + r"|"
                               # "and realistically when do you think it'll turn up?" (of the order talked about)
                               r"\bwhen\b.{0,25}\b(?:it'?ll|it will|they'?ll|they will)\s+(?:actually\s+|finally\s+)?"
                               r"(?:arrive|get here|be delivered|come|show up|turn up)\b" + _NOT_IF_I_ORDER + r"|"
                               # "I ordered a chest of drawers ten days ago ... when will it be arriving?"
                               r"(?<!\bif )\b(?:i|we)\s+(?:ordered|bought|purchased)\b(?!.*\bif (?:i|we) (?:order|buy))"
                               r".{0,160}\bwhen\b.{0,25}\b(?:it|they)\b.{0,15}\b(?:arriv\w*|get here|be delivered|com(?:e|ing)|"
                               r"show up|turn up)\b", re.I)
# "Is there a charge for bringing it to my house?": what delivery costs
DELIVERY_FEE = re.compile(r"\b(?:charge|cost|fee|pay|extra)\w*\b.{0,30}\b(?:bring|bringing|deliver|delivering|getting|get|send|sending|"
                          r"ship|shipping)\s+(?:it|them|this|that|the \w+)\s+(?:round\s+|over\s+)?to\s+(?:my|our|the|her|his)\s+"
                          r"(?:house|home|place|flat|apartment|door|address)\b"
                          # "how much would delivery be for two beds?"
                          r"|\bhow much (?:would|will|is|does|do)\s+(?:the\s+)?(?:delivery|shipping)\s+(?:be|cost|come to)\b", re.I)
A_PERSON = re.compile(r"\b(person|human|agent|someone|somebody|representative|manager|supervisor|real people)\b", re.I)
_STAFF = (r"(?:a |an |the |your |some |one of your |a real |a live |an actual |a proper )?(?:person|human being|human|agent|someone|somebody|representative|rep|"
          r"manager|supervisor|member of (?:your |the )?(?:staff|team)|staff member|staff|real people|customer service|"
          r"support team|customer care|operator)")
# Asking for a person in so many words, whatever else the message says ("... and I want to speak to a manager NOW").
TALK_TO_PERSON = re.compile(
    rf"\b(?:talk|speak|chat|discuss (?:this|it|that|the matter)|be put through|be connected|be transferred)\s+(?:\w+\s+){{0,3}}?"
    rf"(?:to|with)\s+{_STAFF}\b"
    rf"|\b(?:connect|transfer|put) me (?:through )?(?:to|with)\s+{_STAFF}\b"
    rf"|\bcan (?:a|an|some) (?:real\s+|actual\s+)?(?:human|person|human being)\s+(?:sort|fix|help|look|deal|check)\b"  # "can a human sort it out?"
    # "can someone from your team sort it out for me tomorrow?"
    r"|\b(?:can|could)\s+(?:someone|somebody|one of you|a person)\s+(?:from|on|in)\s+(?:your|the)\s+(?:team|staff|support|end)\s+"
    r"(?:sort|fix|help|look|deal|check|call|ring|email|get back)\b"
    # "i'd rather call someone about it tomorrow morning. what's your number"
    r"|\b(?:call|phone|ring)\s+(?:someone|somebody|a person|a human|your team|customer service)\b"
    r"|\bwhat'?s\s+(?:your|the)\s+(?:phone\s+|contact\s+)?number\b|\byour\s+(?:phone|telephone|contact)\s+number\b"
    r"|\bover the phone with (?:someone|somebody|a person)\b"
    # "i'd rather sort this out with one of your staff directly"
    rf"|\b(?:sort|sorting|deal|dealing|handle|handling|go|going|get|getting)\s+(?:this|it|that|things)\s+(?:out\s+|over\s+|through\s+|sorted\s+)?"
    rf"(?:with|by)\s+{_STAFF}\b"
    r"|\b(?:i (?:still |really |just )?(?:want|need)|i'?d (?:still |really |just )?like|get me|give me|can i (?:have|get))\s+(?:a |an |the |your )?(?:manager|human|supervisor|"
    r"real person|live agent|human agent|actual person|actual human|real human)\b"
    # "I'd rather go through this with someone from your accounts team, can you put me through?"
    r"|\b(?:can|could|would) you (?:please )?put me through\b|\bwith (?:someone|somebody|a person) from your \w+ (?:team|department)\b"
    rf"|\b(?:can|could|will|would|please have|have)\s+{_STAFF}\s+(?:from (?:your|the) (?:staff|team|shop|store)\s+)?(?:(?:please|actually|just|maybe|quickly)\s+)?"
    r"(?:call|ring|phone|contact|email|get in touch with)"
    r"\s+me\b"  # "can someone call me about it", "Could somebody from your staff ring me please?"
    # "can a real person check this please", "could someone look into it"
    rf"|\b(?:can|could|will|would)\s+{_STAFF}\s+(?:please\s+|just\s+)?(?:check|look at|look into|sort out|handle|deal with|review|"
    r"reset|fix|unlock|change|do)\s+(?:this|that|it|my)\b", re.I)  # "can a human just reset it for me please"
# "how do I leave a review for the chairs I bought from you last summer?"
LEAVE_A_REVIEW = re.compile(r"\b(?:leave|write|post|give|submit|add)\s+(?:(?:them|him|her|it|you|the \w+)\s+)?(?:a|my|an)\s+"
                            r"(?:review|rating)\b", re.I)  # not "how many people give review?"
# "I am not very good with computers ... How do I place an order?"
HOW_TO_ORDER = re.compile(r"\bhow (?:do|can|would) (?:i|we|you) (?:place an order|make an order|order|buy|check ?out|pay)\b"
                          r"(?!\s+(?:status|number|tracking))|\bhow to (?:place an order|order|buy)\b", re.I)
COMPARE_WORD = re.compile(r"\b(compare|comparison|vs\.?|versus|difference|better|against|side by side|head[- ]to[- ]head|"
                          r"how (?:do|does|would) (?:[#\w]+\s+){1,4}(?:stack|measure) up)\b", re.I)  # "how do #1 and #2 stack up?"
# Slots that say something about the products wanted (a message with one of them is a product wish).
PRODUCT_SLOTS = ("color", "material", "style", "brand", "size", "price_max", "price_min", "exclude_brand", "exclude_size",
                 "exclude_color", "exclude_material", "exclude_style", "exclude_category", "in_stock", "exclude_word")
# A kind of product left out by a word of its name ("not the gaming ones", "no ladder ones").
NOT_THE_ONES = re.compile(r"\b(?:not|no|without|none of)\s+(?:the\s+|any\s+|those\s+|these\s+|an?\s+)?([a-z][a-z-]{2,}(?:\s+[a-z][a-z-]{2,})?)\s+"
                          r"(?:ones?|kind|type|models?|versions?|chairs?|sofas?|tables?|desks?|lamps?|beds?|rugs?|mirrors?)\b", re.I)
# "those are egg chairs 😂 i need normal chairs the kids can sit on": the kind shown, refused
THOSE_ARE_KIND = re.compile(r"\b(?:those|these|they|them|all of them)\s*(?:are|'re|r)\s+(?:all\s+)?(?:just\s+)?([a-z][a-z-]{2,}(?:\s+[a-z][a-z-]{2,})?)\s+"
                            r"(?:chairs?|ones|sofas?|tables?|desks?|lamps?|beds?|rugs?|mirrors?)\b"
                            r"(?=.{0,60}\b(?:normal|regular|ordinary|plain|proper|actual|standard|real)\b)", re.I)
# "no bar stools though" under dining chairs: a kind among them, by its head word
NOT_THAT_KIND = re.compile(r"\b(?:not|no|without|(?:i\s+)?(?:don'?t|do not)\s+(?:really\s+)?(?:love|like|want))\s+(?:the\s+|any\s+)?(?:[a-z-]+\s+)?"
                           r"(stool|bench|ottoman|pouf|rocker|recliner|futon|floating)"
                           r"(?:s|es)?\b", re.I)
# Products of the brand just shown ("and armchairs from them?", "same brand").
SAME_BRAND = re.compile(r"\b(?:from (?:them|that brand|the same brand|this brand|that company|those guys)|(?:the )?same brand|"
                        r"by them|do they (?:make|have|do|sell)|of theirs)\b", re.I)
# Only what can ship now ("it has to be in stock", "only ones that are actually in stock please").
IN_STOCK = re.compile(r"\b(in[- ]stock|available (?:right )?now|ready to ship|ships? (?:now|today|right away|immediately)|"
                      r"(?:could|can) (?:actually |really |still )?(?:get|have|buy) (?:it |one |them )?(?:right )?(?:now|today|away|asap)|"
                      r"not (?:out of stock|sold out|back-?ordered))\b", re.I)


# A request for other products phrased as a question ("do you have any that are waterproof?").
WANTS_OTHERS = re.compile(r"\b(do you have|have you got|got any|show me|i want|i need|looking for|something|anything|"
                          r"any (?:ones?|others?)|ones? (?:that|which|with)|(?:how|what) about an? \w+(?: \w+)? one|instead)\b", re.I)
# Starting the search afresh ("start over", the quick reply; "forget all that, let's start over").
START_OVER = re.compile(r"^\s*(?:(?:ok|okay|hmm|um|actually|right|fine)[,.!]?\s+)?(?:forget (?:all )?(?:that|this|it all|everything)[,.!]?\s+)?"
                        r"(?:let'?s\s+|can we\s+|please\s+|i want to\s+|i'?d like to\s+)?"
                        r"(?:start (?:over|again|afresh|from scratch)|reset(?: everything)?|new search|clear (?:everything|it all|all|the search))"
                        r"(?:\s+please)?[\s.!?]*$", re.I)
# No budget ("money is no object", "price doesn't matter"): the budget question is not asked.
NO_BUDGET = re.compile(r"\b(money is no object|no budget|(?:price|budget|cost|money) (?:doesn'?t|does not|is no) (?:matter|object|issue)|"
                       r"whatever it costs|any price|price is no object|sky'?s the limit|no price limit|budget is not an issue)\b", re.I)
# A requirement, not a question ("it has to be washable, babies are messy").
# "the white one looks nice", "the oak one is lovely": a shown product liked
LOOKS_GOOD = re.compile(r"\bthe\s+[\w -]{2,30}?\s+one\s+(?:looks|is|seems)\s+(?:really\s+|so\s+|very\s+|quite\s+|pretty\s+)?"
                        r"(?:nice|good|great|lovely|gorgeous|perfect|beautiful|cute|amazing|stunning|ideal)\b", re.I)
# "ok the solid wood one please": the one of those shown that the words describe, chosen
PICK_ONE = re.compile(r"^\W*(?:(?:ok(?:ay)?|right|great|perfect|cool|fine|yes|yeah|then)\W+)?(?:i'?ll\s+(?:take|have|get|go with)\s+)?"
                      # ... "fine, the black one then"
                      r"the\s+[a-z][\w -]{1,30}?\s+one(?:(?:\s+then)?[\s,]*(?:please|pls|plz)|\s+then)[\s.!]*$", re.I)
# "ok add the grey linen one": that one into the cart (the model may read the description as a filter)
ADD_THE_ONE = re.compile(rf"^\W*(?:(?:ok(?:ay)?|right|great|perfect|cool|fine|yes|yeah|then|alright|lovely)\W+)*{_ADD}\s+the\s+"
                         rf"[a-z][\w -]{{1,30}}?\s+one(?:\s+(?:then|please|pls|plz|{_INTO_CART}))*[\s.!]*$", re.I)
# "no worries. the first one then please", "going with the first", "i'll go for the second": that one, chosen
PICK_NTH = re.compile(r"^\W*(?:(?:ok(?:ay)?|right|great|perfect|cool|fine|yes|yeah|then|hmm+|alright|no worries|no problem|fair enough|"
                      r"nice|lovely|lol|sweet|awesome|"
                      r"in that case)\W+)*(?:(?:(?:i'?ll|i will|we'?ll|we will|i'?m|we'?re|i'?d)\s+)?(?:(?:going|go|gonna go)\s+(?:with|for)|take|"
                      r"have|get|like)\s+)?(?:the\s+)?(first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th|#\d|number \d)"
                      # "nice, the second one pls", "lol ok the first one. thanks robot"
                      r"(?:\s+one)?(?:\s+then)?[\s,.!]*((?:please|pls|plz|thanks|thx|ty|thank you)(?:\s+(?:so much|robot|bot|mate))?)?[\s.!]*$",
                      re.I)
# "glass top with a toddler running around? nope. i'll go with the marble one": the one chosen, by description
GO_WITH_THE_ONE = re.compile(r"\b(?:i'?ll|we'?ll|i will|we will|let'?s|i'?m gonna|gonna|i'?d like to)\s+(?:go with|take|have|get|go for)\s+"
                             r"the\s+[a-z][\w -]{1,30}?\s+one\b", re.I)
_CHOICE_VERB = re.compile(r"\b(?:going with|go with|go for|going for|take|have|get|like)\b", re.I)


def picks_nth(text: str) -> bool:
    """Whether the message only chooses a shown product by its place, with a choosing word or "please"."""
    said = PICK_NTH.match(text)
    return bool(said and (said.group(2) or _CHOICE_VERB.search(text)))


# "what's included in the box with it?", "does it come with screws?": what is in the parcel, not what goes with it
IN_THE_BOX = re.compile(r"\b(?:included|includes|in the box|in the package|in the parcel|comes? with)\b", re.I)
# "can I send it back?", "could we return it if ...": a question about returning, whatever it is about
SEND_IT_BACK = re.compile(r"\b(?:can|could|may)\s+(?:i|we)\s+(?:send\s+(?:it|them)\s+back|return\s+(?:it|them))\b", re.I)
# "It needs to seat four people.", "it has to fit under the window": a requirement said as what it must do
NEEDS_TO = re.compile(r"\b(?:it|they|one|the \w+)\s+(?:needs?|has|have|must|should)\s+to\s+(?!be\b)\w+", re.I)
MUST_HAVE = re.compile(r"\b(?:it|they|that|this|the \w+|one)\s*(?:'d|'ll|would|will)?\s+(?:has|have|needs?|must|should)\s+(?:to\s+)?(?:be|go|survive|handle|cope|take|hold|stand up to|fit)\b|\bmust be\b"
                       r"|\b(?:is|'s)\s+(?:the|a)\s+must\b|\bis\s+(?:essential|non[- ]negotiable|a dealbreaker)\b", re.I)  # "pet friendly is the must"
# A must said without naming what must ("has to be grey", "needs to match his desk", "only black ones", "must be
# washable"): with a category shown or suggested, a must for it. MUST_HAVE above needs its subject ("it has to fit").
A_MUST = re.compile(r"\b(?:has|have|needs?|must)\s+(?:to\s+)?(?:be|match|go with)\b|^\s*(?:only|must|needs?)\b", re.I)
NEWSLETTER = re.compile(r"\b(newsletters?|mailing list|subscribe|unsubscribe|marketing emails?|promo emails?|"
                        r"sign (?:me|us) up (?:for|to) (?:your |the )?(?:e-?mails?|e-?mail list|offers|deals|emails or whatever))\b", re.I)
# "any of those with storage drawers?", "any that fold flat?", "do any of these have removable covers?": only those
ANY_WITH = re.compile(r"^\s*(?:(?:ok|so|and|hm+|no|nah)[,.!]*\s+){0,2}(?:do |are |is )?(?:any|anything|any ones?|any of (?:these|those|them|the \w+))\s+"
                      r"(?:with|that|which|have|has|come|comes|got|are|is|work|works|need|needs|fit|fits)\b", re.I)


def any_with(text: str) -> re.Match | None:
    """ANY_WITH at the start of the message or of its last clause ("we both sleep hot too, any of those with
    cooling?")."""
    last = re.split(r"(?<=[,.;!])\s+", text.strip())[-1]
    return ANY_WITH.match(text) or ANY_WITH.match(last)


# "smth w headrest?", "is there a standing desk in that price": a wish about what is shown, not a question about one
SOMETHING_WITH = re.compile(r"^\s*(?:(?:ok|so|and|hmm|but),?\s+)?(?:(?:i'?d|i would|we'?d)\s+(?:want|like|prefer|need)\s+|(?:i|we)\s+(?:want|need)\s+)?"
                            r"(?:(?:smth|sth|something|anything|one|ones)\s+(?:with|w|that|which|(?:i|we|u|you)\s+can)|"
                            r"(?:is there|are there|do you have|have you got|got)\s+(?:a|an|any|some|one)?)\b", re.I)
THANKS = re.compile(r"\b(thanks|thank you|thank u|thx|thnx|ty|cheers|much appreciated|appreciate it)\b", re.I)
# Occasions a gift is for ("secret santa at work"): no product the shop lacks
OCCASION = re.compile(r"\b(?:secret santa|santa|christmas|xmas|birthday|wedding|anniversary|housewarming|baby shower|"
                      r"graduation|retirement|thanksgiving|hanukkah|valentine'?s?|mother'?s day|father'?s day|party|stocking)\b", re.I)
# words the model may tag as a category that name no kind of product
VAGUE_THING = re.compile(r"(?:some|any|every)?(?:thing|things|one|ones|stuff|items?|products?|gifts?|presents?|pieces?)", re.I)
# "and the beige one?" right after a product question: the same question, about the one described
SAME_FOR_DESCRIBED = re.compile(r"^\s*(?:and|what about|how about|same for|and what about)\s+(?:for |of |on |with )?"
                                r"the\s+[a-z][a-z -]{1,30}?\s+one\s*\??\s*$", re.I)
# "and the second?", "what about #3?", "and of the last one?": the last question, about another product
SAME_FOR = re.compile(r"^\s*(?:and|what about|how about|same for|and what about)\s+(?:for |of |on |with )?(?:the )?"
                      r"(?:#\s*\d|\d|first|second|third|fourth|fifth|last|other)(?:\s+one)?\s*\??\s*$", re.I)


def is_question(text: str) -> bool:
    """A question by its first word ("what's ...", "could it ...") or by its question mark ("my tv is 65 inch, ok?")."""
    # ... or a sentence of it asks: "nice. and would it survive the rain? we're in seattle lol"
    # ... or plainly asks in a later sentence without the mark: "sweet. whats the trial like, how many nights"
    return (bool(QUESTION.match(text)) or text.rstrip().endswith("?")
            or any(QUESTION.match(s) and (s.rstrip().endswith("?") or re.match(
                r"\s*(?:whats|what'?s|what is|how (?:many|much|long|big|wide|tall|deep|heavy))\b", s, re.I))
                   for s in re.split(r"(?<=[.!?])\s+", text)[1:]))

# A style said as the room's look ("going for a coastal look", "mid century or scandi vibe"), not a must for each piece.
LOOK_OF = re.compile(r"\b(?P<style>[a-z-]+(?:\s+[a-z-]+)?(?:\s+(?:or|and|/)\s+[a-z-]+(?:\s+[a-z-]+)?)?)\s+"
                     r"(?:look|vibe|vibes|feel|aesthetic|theme)\b", re.I)
# ... or roughly: "black, modern-ish"
STYLE_ISH = re.compile(r"\b(?P<style>[a-z]+(?:\s+[a-z]+)?)\s*-\s*ish\b", re.I)
# ... or as the room's: "dining chairs for a modern dining room", "for our boho bedroom"
ROOM_LOOK = re.compile(r"\b(?:for|in|into|to suit|to match)\s+(?:a|an|my|our|the|their|his|her)\s+(?:new\s+|small\s+|little\s+)?"
                       r"(?P<style>[a-z-]+(?:\s+[a-z-]+)?)\s+(?:living room|dining room|bedroom|guest room|lounge|kitchen|"
                       r"office|home office|study|nursery|hallway|flat|apartment|home|house|space|room)\b", re.I)


# "nah, show me the sofas again": products wanted again, not a return
SHOW_AGAIN = re.compile(r"\b(?:show|see)\s+(?:me\s+|us\s+)?(?:the|those|these)\s+[a-z][\w -]*?\s+again\b|"
                        r"\b(?:go\s+)?back\s+to\s+(?:the|those)\s+[a-z]", re.I)

# "add the cheapest of those", "I'll take the best rated one": the shown product the superlative picks, into the cart
# ... or "the cheaper of the two": the one of two a comparative picks
_PICKED = (r"(?:the\s+)?(?:" + SUPERLATIVE.pattern + r"|(cheaper|less expensive|lower[- ]priced|bigger|larger|smaller|better[- ]rated)"
           r"(?=\s+(?:one\s+)?of\s+(?:the|those|these|them)\s+(?:two|2)\b))(?:\s+one)?"
           r"(?:\s+of\s+(?:those|these|them|the\s+(?:two|2)|(?:those|these)\s+(?:two|2)))?")
ADD_SUPERLATIVE = re.compile(r"^\s*(?:(?:ok(?:ay)?|great|then|so|fine|alright|right|yes|yeah|sure|cool|lovely|perfect)[,.!]?\s*)?(?:just\s+)?(?:please\s+|pls\s+)?"
                             r"(?:add|put|(?:i|we)'?ll\s+(?:take|have|go\s+with|go\s+for|get)|get\s+me|give\s+me|grab(?:\s+me)?"
                             # "going with the cheaper one of those two"
                             r"|(?:(?:i'?m|we'?re|i am|we are)\s+)?(?:going|gonna\s+go)\s+(?:with|for))\s+" + _PICKED + r"\b"
                             # "cheapest one's fine, add it"
                             r"|^\s*" + _PICKED + r"(?:'s|\s+is)?(?:\s+(?:fine|good|ok|okay|great|perfect))?[\s.,;!-]+(?:then\s+)?(?:checkout|check\s+out|"
                             r"add\s+(?:it|that)|(?:in)?to\s+(?:my\s+|the\s+)?(?:cart|basket)|i'?ll\s+take\s+it)\b"
                             # "the cheapest one of those too" (after adding another), "the cheaper of the two please"
                             # (not "the cheapest one please": the cheapest of all that match, shown)
                             # ("sweet, the cheapest of those too pls, student budget 😅")
                             r"|^\s*(?:(?:ok(?:ay)?|great|sweet|cool|nice|perfect|lovely|right|and)[,.!]?\s*)?" + _PICKED
                             + r"\s+(?:too|as well)(?:\s+(?:pls|please|plz))?(?:[\s.!]*$|[,;]\s+[^?]*$)"
                             r"|^\s*(?=(?:the\s+)?[a-z-]+(?:\s+[a-z-]+)?\s+(?:one\s+)?of\s+(?:the|those|these)\s+(?:two|2)\b)" + _PICKED
                             + r"\s*(?:please|pls|then)?[\s.!]*$"
                             # "ok we'll go with whichever is cheaper" (of the two compared)
                             r"|^\s*(?:(?:ok(?:ay)?|fine|alright|right|so|then|hmm+)[,.!]?\s*)?(?:i'?ll|we'?ll|i will|we will|let'?s)\s+(?:go\s+with|go\s+for|take|have|get)\s+whichever\s+(?:one\s+)?"
                             r"(?:is\s+|'s\s+)?(cheaper|less expensive|lower[- ]priced|bigger|larger|smaller|better[- ]rated|cheapest)\b", re.I)

# "cheap", "cheap ones pls" said alone under a list: cheaper than those shown
CHEAP_ALONE = re.compile(r"^\s*(?:and\s+|but\s+|more\s+|something\s+|sth\s+|any\s+)?(?:cheap|cheaper|inexpensive|budget|affordable)"
                         r"(?:\s+ones?)?(?:\s+(?:pls|please|plz|thx|thanks|then))?\s*[.!?]*\s*$", re.I)

# "to match my shelves", "to go with our sofa": a thing the shopper owns, matched, not bought
TO_MATCH_MINE = re.compile(r"\b(?:to match|matching|match|to go with|go with|goes with|same as|like)\s+(?:my|our|the|his|her|their)\s+[a-z]", re.I)

# "is delivery free over a certain amount?": what delivery costs
DELIVERY_WORD = re.compile(r"\b(?:deliver\w*|shipping|postage|ship)\b", re.I)
COST_WORD = re.compile(r"\b(?:how much|costs?|fees?|charge[ds]?|free)\b", re.I)
# "do I need to keep the box for when it gets picked up?", "will someone collect the broken one or do i have to drop it
# off somewhere": how a return goes back
RETURN_PICKUP = re.compile(r"\b(?:keep|need|have|throw|threw|thrown|recycl\w*|still got|kept)\b.{0,30}\b(?:box|boxes|packaging|packing)\b"
                           r"|\b(?:collect|collected|collecting|pick(?:ed|s)? (?:it |them |the \w+ (?:one )?)?up|pickup|drop (?:it |them )?off|"
                           r"return label|prepaid label)\b"
                           # "how many days have I got to do it?": the return window
                           r"|\bhow (?:many days|long|much time)\s+(?:have|do)\s+(?:i|we)\s+(?:got|have|get)\b"
                           # "order number is 33907, how do i get it started"
                           r"|\bhow\s+(?:do|can|should)\s+(?:i|we)\s+(?:get\s+(?:it|this|that|the return|things)\s+(?:started|going)|"
                           r"start(?:\s+(?:it|the return))?|begin|kick\s+(?:it|this)\s+off)\b", re.I)
# "can you at least tell me whether it has left your warehouse?", "which courier has it so i can chase them": where
# an order is now
ORDER_WHEREABOUTS = re.compile(r"\b(?:left (?:your|the) (?:warehouse|depot)|(?:been |it )(?:shipped|dispatched|sent out)|shipped yet|"
                               r"dispatched yet|(?:which|what) (?:courier|carrier|delivery company)|the (?:courier|carrier)'?s? "
                               r"(?:name|number|details)|tracking (?:number|link|code|info\w*))\b", re.I)
# "the new one is 22 Birch Lane, apt 4B": an address given
STREET_ADDRESS = re.compile(r"\b\d{1,5}\s+(?:[a-z]+\s+){1,3}(?:lane|ln|street|st|road|rd|avenue|ave|drive|dr|close|way|court|ct|place|pl|"
                            r"boulevard|blvd|terrace|crescent|square|sq|parkway|pkwy|highway|hwy)\b|\b(?:apt|apartment|flat|unit|suite)\s*#?\s*\d+\w*\b"
                            # "it's Maple Hall, room 214": a hall of residence and a room
                            r"|\b[A-Z][a-z]+\s+(?:Hall|House|Court|Halls)\b.{0,20}\broom\s*#?\s*\d+\b",
                            re.I)
# "actually could you just swap it for the white version instead" (of cancelling the order)
SWAP_IT = re.compile(r"\b(?:swap|switch|change|exchange)\s+(?:it|that|them|the order|my order)\s+(?:for|to|with)\b", re.I)
