"""The dialogue manager: one shopper turn from NLU result to ``Reply``.

It updates the dialogue state and the live profile, picks the action (the
policy), runs retrieval and re-ranking for product actions, and composes the
reply. Every product it shows satisfies the shopper's stated constraints.
"""

from __future__ import annotations

import re
import statistics
import time
from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable

import numpy as np

from bot import reply as replies
from bot.dialogue import compare as comparing
from bot.dialogue import phrases, product_qa, service
from bot.dialogue.complements import complement_categories, in_catalog
from bot.dialogue.kinds import KINDS, carried, kinds_named, soft_kind
from bot.dialogue.problems import problem_in
from bot.dialogue.grounding import (bed_size_name, category_matches, family_member_by_purpose, goes_under_furniture, ground, member_by_purpose,
                                   mentioned_categories, names_idiom, rug_under_furniture, slot_values, unnegated_exclusions, wished_text)
from bot.nlu.data import _pluralize as pluralize  # (the training data's plural rule; data.py is left as it is: it keys the model)
from bot.nlu.normalize import parse_item_refs
from bot.nlu.synonyms import is_room, lexicon, singular_word
from bot.dialogue.constraints import (apply_slots, asked_attributes, attribute_label, describe, either, is_new_request,
                                     reference_price, singular, size_value)
from bot.dialogue.dimensions import measure_label
from bot.dialogue.references import THE_ONE_WITH, described_positions, recalled
from bot.dialogue.search import (SHOW, ProductSearch, blocking, leading_number, let_go, superlative_order, wished_label,
                                 without_features)
from bot.dialogue.profile import forget_preferences, learn_from_product, next_turn, state_budget, state_preference
from bot.dialogue.state import CartItem, DialogueState
from bot.models import IntentInfo, Reply
from bot.nlu.types import NLUResult
from ranking.types import RankRequest, ScoredProduct
from retrieval.filters import dimensions, matches, measure, meets_attribute
from retrieval.product import Product
from retrieval.types import Candidate, SearchFilter

# "one with cable management, ...", "something with drawers pls": a listed feature wished for
_ONE_WITH = re.compile(r"^\W*(?:(?:ok|so|and|hmm+|but|pref(?:erably)?|ideally)\W+)?(?:one|ones|something|anything|any)\s+"
                       r"(?:with|that has|that have|w|that goes|that can|that)\b", re.I)  # ... "one that goes up and down would be sick"
# "I'll go with the swivel chair" (one of those shown): a choice, not something to go with it
_GO_WITH_CHOICE = re.compile(r"\b(?:i'?ll|we'?ll|i will|we will|let'?s|i'?m gonna|gonna|i'?m going to|we'?re going to)\s+go\s+(?:with|for)\s+"
                             r"the\b", re.I)
# "tax refund landed overnight", "refund came in", "the refund isn't THAT big": the shopper's money, not ours to give back
_REFUND_OF_THEIRS = re.compile(r"\b(?:tax|irs|hmrc|state|federal)\s+(?:refund|rebate)s?\b|\brefund\s+(?:came|has come|landed|arrived|hit|is in|"
                               r"just hit|cleared|went in)\b|\b(?:the|my|our)\s+refund\s+(?:isn'?t|is not|wasn'?t|was not|ain'?t)\s+"
                               r"(?:that|so|very|too)\b|\bspend(?:ing)?\s+(?:my|our|the)\s+(?:tax\s+)?refund\b", re.I)
# "show me ones where they do come off", "any that do?": the ones with the feature just asked about
_ONES_THAT_DO = re.compile(r"\b(?:ones?|any|those)\s+(?:where|that|which)\s+(?:they\s+|it\s+)?(?:do|does|can|are|is)\b(?!\s*n'?t)(?!\s+not\b)"
                           # "ok just show me the ones that include it then" after "do any of these come with the insert?"
                           r"|\b(?:ones?|any|those)\s+(?:that|which)\s+(?:include|includes|have|has|come with|comes with|got)\s+"
                           r"(?:it|them|one|that|those)\b", re.I)
# "ugh. which of the queen ones under 500 DONT need one" after asking about a box spring: the feature asked, reversed
_ONES_THAT_DONT = re.compile(r"\b(?:ones?|any|those|which)\b[^.?!]{0,40}?\b(?:do ?n'?t|do not|doesn'?t|does not)\s+"
                             r"(?:need|have|require|come with)\s+(?:one|it|them|any)\b", re.I)
# "just waterproof, not hanging, under 150": a word of some shown products' titles, refused (see ``_read_kinds``)
_NOT_A_WORD = re.compile(r"(?:^|[,.;:!]\s*|\band\s+|\bjust\s+)(?:not|no)\s+(?!(?:sure|yet|really|much|quite|exactly|now|today|"
                         r"anymore|again|that|this|those|these|them|it|one|ones|thanks|worries|problem|way|rush|idea|clue|"
                         r"kidding|joke|bad|big|too)\b)([a-z][a-z-]{3,})(?=\s*(?:[,.;!?]|$))", re.I)
# "which is cooler to sleep on", "which one's the comfiest": a comparison among the products shown
_WHICH_IS_MORE = re.compile(r"(?:^|[,.;!?]\s*)which\s+(?:one\s+|ones\s+|of (?:them|these|those)\s+)?(?:is|are|'s|would be|feels?|sleeps?)\s+"
                            r"(?:the\s+)?(?:(?:more|most|less|least)\s+[a-z]+|[a-z]{3,}(?:er|est))\b", re.I)
# "meh ok. take it", "add the cream ones", "ok we'll take it": a shown product into the cart
_TAKE_IT = re.compile(r"^\W*(?:(?:ok(?:ay)?|meh|fine|yes|yeah|great|perfect|alright|sure|cool)\W+){0,3}"
                      r"(?:that'?s\s+(?:it|the one)\W+)?(?:(?:i|we)(?:'ll| will)\s+)?"  # ("yes that's it!! add it back pls")
                      # "ok cool thats the one, checkout"
                      r"(?:(?:that'?s|thats)\s+the\s+one\W+(?:checkout|check out|in the cart|cart)\W*$|"
                      r"(?:take|add|buy|get)\s+(?:it|that|this|them|that one|this one|the\s+[a-z][\w -]{1,25}?\s+ones?)"
                      r"(?:\s+back)?(?:\s+(?:please|pls|then|too))?\W*$)", re.I)
# "lol not blowing 1049 on a desk. the other one, add it": a pick said last, into the cart
_ADD_IT_LAST = re.compile(r"[.!,;]\s*(?:(?:ok(?:ay)?|fine|so)\W+)?(?:the\s+[a-z][\w -]{1,25}?\s+one,?\s+)?(?:add|take)\s+"
                          r"(?:it|that one|this one)(?:\s+(?:please|pls|then|too))?\W*$", re.I)
# Words before a thing's name that describe it or who it is for, not another thing ("folding chairs", "a narrower
# dresser", "kids beds"): the thing is still one the shop may sell
_DESCRIBING_WORD = re.compile(r"(?:er|ing|able|ible|ed|ish|ful|less|ous|ive|al|y)$|^(?:kids?|child|children|baby|babies|toddlers?|"
                              r"teens?|guests?|spare|students?|dogs?|cats?|pets?|home|work|family|garden|patio|balcony|"
                              r"outdoor|indoor|house|dorm|apartment|flat|studio|king|queen|twin|full|single|double)$", re.I)
# "how's your morning going", "how are u": asked of the assistant, small talk
_HOW_ARE_YOU = re.compile(r"\bhow(?:'?s| is| are| r)\s+(?:your|ur|you|u|ya|things|it)\b(?:\s+(?:morning|day|afternoon|evening|night|"
                          r"week|weekend))?(?:\s+(?:going|doing|been))?\W*(?:lol|haha)?\W*$", re.I)
# "is it gonna stay this hot?", "why is everything so expensive lmao": the weather or prices talked about, nothing asked for
_SMALL_TALK_ASKED = re.compile(r"\b(?:is it|it'?s|its)\s+(?:gonna|going to)\s+(?:stay|be|rain|storm|snow|get|keep)\b.{0,20}\b(?:hot|cold|"
                               r"warm|rain\w*|storm\w*|snow\w*|sunny|nice|like this)\b|\b(?:gonna|going to)\s+(?:rain|storm|snow)\b"
                               # "gonna be another sticky one, 32 degrees they said"
                               r"|\b(?:gonna|going to)\s+be\s+(?:another|a(?:\s+real)?)\s+(?:hot|sticky|scorcher|warm|cold|humid|muggy|freezing|wet|rainy)\b"
                               # "is it just me or is the fog unreal today"
                               r"|\b(?:is|isn'?t)\s+(?:the|this)\s+(?:fog|snow|rain|wind|heat|weather|humidity|storm)\s+(?:\w+\s+)?(?:unreal|crazy|insane|"
                               r"mad|wild|awful|brutal|something|nuts)\b"
                               r"|\bwhy\s+(?:is|are)\s+(?:everything|it all|all (?:this|your stuff)|stuff)\s+so\s+"
                               r"(?:expensive|pricey|dear|much)\b", re.I)
# "your checkout page just spins and then says 'something went wrong'": paying does not work
_CHECKOUT_BROKEN = re.compile(r"\b(?:check ?out|payment page|pay(?:ment)? button)\b(?:\s+page)?\s+(?:(?:just|still|keeps?)\s+){0,2}"
                              r"(?:spins|spinning|hangs|freezes|crashe[sd]|errors?|fails|failing|broke|is broken|isn'?t working|"
                              r"is not working|won'?t load|doesn'?t work|not working|says)\b", re.I)
# "is it just me or is everyone buying garden stuff today??", "is it weird to shop for furniture at 5am": a remark
# about shopping, nothing asked for yet
_REMARK_ON_SHOPPING = re.compile(r"\bis it (?:just me|weird|strange|odd|bad|sad|normal|crazy)\b[^.?!]{0,60}?\b(?:everyone|everybody|"
                                 r"shop(?:ping)?|buy(?:ing)?|brows(?:e|ing))\b", re.I)
# "hiya, are you even open this early 😅": the chat's hours, asked in greeting
_OPEN_THIS_EARLY = re.compile(r"\bare\s+(?:you|u|y'?all)\s+(?:guys\s+)?(?:even\s+|still\s+)?open\s+(?:(?:this|so)\s+(?:early|late)|today|now|tonight)\b",
                              re.I)
# "is ur store open tmrw, want to pick up a cofee table in person": picking up in person
_PICK_UP_IN_PERSON = re.compile(r"\b(?:store|shop|showroom)\s+open\b|\bpick\s+(?:it\s+|them\s+)?up\b[^.?!]{0,30}\bin\s+(?:person|store)\b"
                                r"|\bclick\s*(?:and|&|n|'n')\s*collect\b", re.I)  # ("is click and collect a thing now?")
# "just the curtains for now" of "a pink rug and pink curtains": one of the kinds asked for together
_JUST_THE_KIND = re.compile(r"\W*(?:(?:ok|okay|actually|hmm+)\W+)?(?:just|only)\s+the\s+\w+(?:\s+\w+)?\s+(?:for now|first|then|please|pls)\b", re.I)
# "doesn't have to be a runner tbh": a title word let go
_NEED_NOT_BE = re.compile(r"\b(?:doesn'?t|does not|don'?t|do not|dont|doesnt|needn'?t)\s+(?:have|need)\s+to\s+be\s+(?:a|an)\s+([a-z]+)\b", re.I)
# "the charcoal one", "the natural oak one": the words that say which shown one is meant
_THE_X_ONE = re.compile(r"\bthe\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+one\b", re.I)
# "what rug would go with it?": the kind wanted for the product talked about
_WHAT_GOES_WITH = re.compile(r"\bwhat\s+(?:kind of\s+|sort of\s+|type of\s+|colou?r\s+)?([a-z]+(?:\s+(?!would\b|will\b|could\b|might\b)[a-z]+)?)\s+"
                             r"(?:would|will|could|might|goes|go)\s+"
                             r"(?:go|look good|look nice|work|match)?\s*(?:with|under|next to|beside|on)\s+(?:it|that|this|them)\b", re.I)
# "the natural oak one please, not the black": the one chosen
_THE_ONE_PLEASE = re.compile(r"\W*(?:(?:ok(?:ay)?|yes|yeah|right|fine|perfect)\W+)?(the\s+[a-z][\w -]{1,25}?\s+one)\s*,?\s*(?:please|pls|plz)\b"
                             r"(?:\s*,?\s*(?:not|rather than|instead of)\s+the\s+[a-z][\w -]{1,25}?(?:\s+one)?)?\W*$", re.I)
# "which of these swivels?": which of the shown ones has a detail
_WHICH_OF_THESE = re.compile(r"^\W*(?:so\s+|and\s+|ok\s+)?which\s+(?:of\s+(?:these|them|those)|ones?)\s+(\w+)", re.I)
# "my husband is grilling and i'm hiding inside shopping lmao", "car is covered in frost so im stuck inside browsing
# till it melts": browsing told as news, no product asked for
_BROWSING_AS_NEWS = re.compile(r"\b(?:i'?m|im|i am|we'?re|were)\s+(?:\w+\s+){0,3}(?:browsing|shopping)\b", re.I)
# "... how many panels is that", "what's it made of?": a question about the one just described, said last
_ASKS_OF_IT = re.compile(r"(?:^|[.,!;]\s*|\s)(?:how|what|what'?s|whats|is|does|do|can|will)\b[^.?!]*\b(?:that|it|this one|that one)\s*\?*\s*$", re.I)
# "is it the weather thing?", "is that because of the strike?": why an order is late
_DELAY_CAUSE = re.compile(r"\b(?:is it|is that|was it|because of|due to)\s+(?:the\s+|that\s+)?(?:weather|snow|storm|strike|fog|cold|ice|rain|"
                          r"holidays?|traffic)\b", re.I)
# "1679 for a single mattress?? is that really the only twin one", "is this the only one you have?"
_THE_ONLY_ONE = re.compile(r"\b(?:is|are|was)\s+(?:that|this|it|those|these|they)\s+(?:really\s+|honestly\s+|seriously\s+|actually\s+|"
                           r"literally\s+)?(?:the\s+)?only\b", re.I)
# "does it have removable covers?" ... "oh no thats a dealbreaker with the dog. which ones do have them?": the feature asked
_WHICH_DO_HAVE = re.compile(r"\bwhich\s+(?:ones?\s+|of\s+(?:them|those)\s+)?(?:do|does)\s+(?:have|come\s+with|get)\s+(?:them|it|those|that|one)\b", re.I)
# "my patio set order is going to the old flat!!": the delivery address to change
_TO_THE_OLD_ADDRESS = re.compile(r"\b(?:going|being sent|being delivered|shipping|headed|coming)\s+to\s+(?:the|my|our)\s+(?:old|previous|wrong)\s+"
                                 r"(?:flat|address|house|place|apartment|home)\b|\b(?:wrong|old)\s+address\b", re.I)
# "i ordered a queen mattress this afternoon but we actually need the king": the order to change
_ORDERED_THE_WRONG_ONE = re.compile(r"\b(?:i|we)\s+(?:just\s+)?ordered\s+(?:a|an|the|two|2)\s+.{1,50}?\bbut\s+(?:we|i)\s+(?:actually\s+|really\s+)?"
                                    r"(?:need|needed|want|wanted|meant)\b", re.I)
# "and a cushion to go in it", "a rug to put under it": another kind of thing, for the one shown
_A_THING_FOR_IT = re.compile(r"\b(?:a|an|some)\s+([a-z]+(?:\s[a-z]+)?)\s+(?:to\s+(?:go|put|sit|use)\s+)?(?:in|with|on|under|next to|for)\s+"
                             r"(?:it|them|that|this)\b", re.I)
# "i don't have the order number, it's on her account", "no order number, it was a gift"
_NO_ORDER_NUMBER = re.compile(r"\b(?:don'?t|do not|dont|doesn'?t|didn'?t)\s+(?:have|know|remember|get)\s+(?:the|my|an|her|his|their|any)?\s*"
                              r"order\s*(?:number|no\.?|#|id)\b|\bno\s+order\s*(?:number|no\.?|#|id)\b"
                              r"|\b(?:lost|can'?t find)\s+(?:the|my)\s+order\s*(?:number|no\.?|#|id)\b", re.I)
# "oh and a washable runner for the hallway", "now a lamp for her desk": another thing, after one was added
_ANOTHER_THING = re.compile(r"^\W*(?:(?:oh|ok(?:ay)?|great|perfect|right|cool|lovely)\W+)*(?:and|also|plus|now)\s+(?:a|an|some|another)\b", re.I)
# "company is Brightwater Design Ltd if that helps": the name an invoice goes to
_COMPANY_NAMED = re.compile(r"\b(?:company|business|firm|employer)(?:'s)?\s+(?:name\s+)?(?:is|=|:)|\b(?:ltd|llc|inc|gmbh|plc|limited|co\.)\W*(?:$|\s)",
                            re.I)
# "can anything get here by tomorrow??", "would it arrive before friday": whether things come in time
_ARRIVES_IN_TIME = re.compile(r"\b(?:can|could|will|would)\s+(?:anything|something|stuff|things|it|they)\s+(?:get|be|arrive|come)\s+"
                              r"(?:here\s+|delivered\s+|to me\s+)?(?:by|before|for|in time for)\s+(?:tomorrow|tonight|today|the weekend|"
                              r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|christmas|xmas|the \w+)\b", re.I)
# "can you just send it to her new flat instead", "deliver it to my work address instead": the order's address changed
_SEND_IT_ELSEWHERE = re.compile(r"\b(?:(?:send|ship|deliver|take|bring|redirect)\s+(?:it|them|the order|my order|the \w+)"
                                # "can it go to the new house instead?"
                                r"|(?:can|could)\s+(?:it|they|the order|my order)\s+(?:go|come|be sent|be delivered))\s+to\s+(?:her|his|my|our|their|the|a)\s+"
                                r"(?:new|other|work|office|mum'?s|mom'?s|dad'?s|parents'?)\s*(?:flat|address|place|house|apartment|home|office)?\b"
                                r"(?:[^.?!]*\binstead\b)?", re.I)
# "an armchair to go next to it", "a rug to go with it": what goes with the product just named
_GOES_WITH_IT = re.compile(r"\b(?:go|goes|sit|sits|put|place|stand)\s+(?:right\s+)?(?:next\s+to|with|beside|by|alongside)\s+(?:it|that|this)\b"
                          r"|\bto\s+match\s+(?:it|that)\b", re.I)
# "and an umbrella? its gonna be 98 in the shade": one more thing asked for, named alone
_AND_A_THING = re.compile(r"^\W*(?:and|also|plus|oh and|what about|how about)\s+(?:a|an|some)\s+([a-z]+)\s*\?", re.I)
# "... and my mom loves it ❤️", "we're so happy with it": a happy customer
_LOVES_IT = re.compile(r"\b(?:loves?|loving|adores?|happy with|delighted with|thrilled with|pleased with|obsessed with)\s+(?:it|them|the \w+)\b"
                       r"|(?<![\d/])\b10\s*/\s*10\b", re.I)  # "my uncle has been asleep on the sofa we got from you since 2pm. 10/10"
# "what about express then", "is there a faster option?": a quicker delivery
_FASTER_DELIVERY = re.compile(r"\b(?:express|next[- ]day|same[- ]day|rush(?:ed)?|expedited|priority|faster|quicker)\b", re.I)
# "can the driver call 30 mins before?", "can the driver just leave it round the back if im asleep?", "can the driver come
# on a saturday": how it is delivered
_DRIVER_ASKED = re.compile(r"\b(?:can|could|will|would|does|do)\s+(?:the\s+)?(?:driver|courier|delivery\s+(?:guy|man|person|people|team|driver)|"
                           r"they)\s+(?:just\s+|please\s+)?(?:call|ring|text|phone|leave|drop|deliver|come(?=\s+(?:on|at|before|after|early|later?|between)\b))\b"
                           r"(?!\s+(?:me\s+)?(?:back|about)\b)", re.I)  # (not "do they come in dark green")
# "can i add a note for the driver to leave it at reception?": a delivery instruction
_NOTE_FOR_DRIVER = re.compile(r"\b(?:note|message|instructions?)\s+(?:for|to)\s+the\s+(?:driver|courier|delivery\s+\w+)\b", re.I)
# "can i order tonight and still have it ship friday?", "if i order today when would it come": an order to be placed
_ORDER_NOT_YET_PLACED = re.compile(r"\b(?:if|can|could|should|when)\s+(?:i|we)\s+(?:place\s+(?:an|the|my)\s+)?order\b(?!\s+(?:number|#|no\b))"
                                   r".{0,60}\b(?:ship|shipped|arrive|come|get here|delivered|deliver|here)\b", re.I)
# "can you show me a smaller sofa then", "do you have any in navy": products asked to be shown
_SHOW_ME = re.compile(r"\b(?:(?:can|could) (?:you|u) )?show (?:me|us)\b|\bdo (?:you|u) have\b|\bhave (?:you|u) got\b|\bgot any\b", re.I)
# "my dresser is supposed to be delivered today but its blowing a gale here, will the driver still come?": an order on its way
_DUE_TO_COME = re.compile(r"\b(?:supposed|meant|due|scheduled|booked|set)\s+to\s+(?:be\s+delivered|arrive|come|turn\s+up|get\s+here|be\s+here)\b"
                          r"|\bwill\s+the\s+(?:driver|delivery|courier|van)\s+still\s+(?:come|turn\s+up|be\s+coming|deliver)\b", re.I)
# "and the order itself did go through right?", "did my order go through?"
_WENT_THROUGH = re.compile(r"\b(?:did|has|have)\s+(?:the|my|our)\s+order\s+(?:itself\s+|even\s+|actually\s+|really\s+)?(?:go|gone|went)\s+through\b"
                           r"|\border\s+(?:itself\s+)?(?:did|has|actually)\s+(?:go|gone|went)\s+through\b", re.I)
# "this is ridiculous, your service is terrible", "i'm furious": anger (not only a late delivery)
_ANGRY = re.compile(r"\b(?:ridiculous|terrible|furious|unacceptable|fuming|livid|disgrace\w*|appalling|outrageous|awful|not cool|"
                    r"fed up|sick of|a joke|shambles|useless)\b", re.I)
# "i want the delivery fee back at the very least", "can you refund the shipping?"
_FEE_BACK = re.compile(r"\b(?:delivery|shipping|postage)\s+(?:fee|charge|cost|money)s?\s+back\b|\brefund\s+(?:the|my|our)\s+(?:delivery|shipping|postage)\b",
                       re.I)
# "third delivery date missed for my bed frame", "missed our delivery slot again": a delivery that failed
_DELIVERY_MISSED = re.compile(r"\b(?:delivery|date|slot|window)\s+(?:date\s+|slot\s+)?missed\b|\bmissed\s+(?:the\s+|my\s+|our\s+|another\s+)?"
                              r"delivery\b|\bpromised\s+(?:for|by|on)\b.{0,40}\b(?:never|didn'?t|did not|hasn'?t)\b", re.I)
# "bought a queen duvet cover for my mum ... turns out she has a king bed 🤦‍♀️ can i swap it": an exchange
_SWAP_IT = re.compile(r"\b(?:can|could|may)\s+(?:i|we)\s+(?:swap|exchange|change)\s+(?:it|them|that|this)\b(?!\s+(?:for|to)\s+(?:a|an|the)\s+\w+\s+(?:one|colou?r)\b)", re.I)
# "the matching side table from the same order never came": a delivery still awaited, not a return
_NEVER_CAME = re.compile(r"\b(?:never|still\s+(?:hasn'?t|has\s+not|haven'?t|not))\s+(?:came|come|arrived|arrive|turned\s+up|shown\s+up|"
                         r"showed\s+up|been\s+delivered|got\s+here)\b|\b(?:hasn'?t|has\s+not|haven'?t|didn'?t|did\s+not)\s+"
                         r"(?:come|arrive|turn\s+up|show\s+up|been\s+delivered|get\s+here)\b", re.I)
_SENDS_BACK = re.compile(r"\b(?:return|returning|send\s+(?:it|them|\w+)\s+back|send\s+back|refund|money\s+back|damaged|broken|wrong|"
                         r"faulty|defective)\b", re.I)
# "where's my order 81244": that order's whereabouts
_WHERE_IS_MY_ORDER = re.compile(r"\bwhere(?:'?s| is| are)\s+(?:my|our)\s+(?:order|package|parcel|stuff|delivery)\b", re.I)
# "and what if it's already been shipped?" (after asking to cancel)
_IF_SHIPPED = re.compile(r"\b(?:what if|what happens if|and if|if)\b.{0,25}\b(?:shipped|dispatched|sent out|on its way|left)\b", re.I)
# "oh and the round table too", "and the standing desk i asked about earlier too": another one shown before, as well
_THE_ONE_TOO = re.compile(r"^\W*(?:(?:oh|ah|ok|okay)\W+)?(?:and|also|plus)\s+(?:the|that)\s+([a-z][\w -]{1,40}?)"
                          r"(?:\s+(?:i|we)\s+(?:asked|looked|saw|was looking)\s+(?:about|at)?\s*(?:earlier|before)?)?"
                          r"\s+(?:too|as well|also)(?:\s+(?:please|pls|plz))?\W*$", re.I)  # ("and the bed frame too please")
# "they have to work at a normal table": the table sat at, no table wanted
_AT_A_TABLE = re.compile(r"\b(?:at|around|under|with)\s+(?:a|an|the|our|my)\s+(?:normal|regular|standard|dining|kitchen|proper|\w+)?\s*"
                         r"(?:height\s+)?table\b", re.I)
# "are they rattan?", "is it real wood?", "and is boucle ok with a dog that sheds like crazy?": asked of what is shown
_ARE_THEY = re.compile(r"^\W*(?:(?:and|so|ok|okay|hmm+|wait)\W+)?(?:are|is)\s+(?:they|these|those|it|both|(?:the\s+)?[a-z]+\s+"
                       r"(?:(?:ok|okay|good|fine|safe|alright|easy)\s+(?:with|for|to)\b|(?:scratchy|itchy|rough|soft|comfy|comfortable|"
                       r"durable|sturdy|heavy|warm|hot|cool|cold|stain[- ]resistant|easy to clean)\b))", re.I)  # ("is jute scratchy?")
# "do either have soft close drawers?", "does either of them recline?"
_DO_EITHER = re.compile(r"^\W*(?:(?:and|so|ok|okay|hmm+)\W+)?(?:do|does|can|could|will|would|are|is)\s+either\b", re.I)
_ANY_OF_THEM = re.compile(r"^\W*(?:(?:and|so|ok|okay|hmm+)\W+)?(?:do|does|can|could|will|would|are|is)\s+any\s+(?:of\s+)?"
                          r"(?:them|these|those|the\s+\w+)\b", re.I)


def _asks_about_shown(state: DialogueState, text: str, intent: str) -> bool:
    """"do any of them recline?", "can any of these go outside?": a question about the products shown, which
    the model, reading the message alone, may take for a service matter."""
    return bool(intent in service.SERVICE_INTENTS and intent not in service.HANDOFF_INTENTS and state.shown
                and _ANY_OF_THEM.match(text) and not service.names_a_topic(text) and not service.shop_topic(text))


# "how long does that take to come through?": money reaching the shopper's account
_COMES_THROUGH = re.compile(r"\b(?:come|comes|coming|go|goes|clear|clears)\s+through\b", re.I)
# "and something round for the bathroom?": another of the kind being chosen, described by a word of its titles
_SOMETHING_KIND_FOR = re.compile(r"\W*(?:(?:and|also|oh and|plus|now)\s+)?(?:something|one|a|an)\s+([a-z-]{3,})\s+for\s+"
                                 r"(?:the|my|our|his|her|their)\s+", re.I)
# "ew the last one looks like a carpet sample lol": disgust first
_YUCK = re.compile(r"^\W*(?:e+w+|ugh+|urgh+|yuck|blech|bleh)\b", re.I)
# "ok we're getting the blue one": the one described, bought
_GETTING_THE_ONE = re.compile(r"(?:\b(?:we'?re|i'?m|we are|i am|gonna|going to)\s+(?:get|getting|take|taking|buy|buying|order|ordering)"
                              # "going with the mesh one", "ok we'll go with the oak one"
                              r"|^\W*(?:(?:ok(?:ay)?|right|alright|cool|great|perfect|hmm+|yeah|yes)\W+)?(?:(?:i|we)(?:'?ll|'?m|'?re| will| are| am)\s+)?"
                              r"(?:go|going)\s+with"
                              # "the green one!! matches my walls. add to cart", "ok the white one. how do i check out?"
                              r"|^\W*(?:(?:ok(?:ay)?|right|alright|cool|great|perfect|yeah|yes)\W+)?(?=the\s+[a-z][\w -]{1,25}?\s+(?:one|set)\b.*\b"
                              r"(?:(?:add(?:\s+(?:it|that|them))?\s+to|(?:of\s+(?:those|them|these|it)\s+)?(?:in|into))\s+(?:my\s+|the\s+)?"
                              r"(?:cart|basket|bag)|add it|add (?:pls|please|plz)|check\s?out|buy it|order it)\b)"
                              # "the leather ones, 2 sets pls"
                              r"|^\W*(?:(?:ok(?:ay)?|right|alright|cool|great|perfect|yeah|yes|sweet)\W+)?(?=the\s+[a-z][\w -]{1,25}?\s+ones?(?:\s+then)?\W+"
                              r"(?:\d{1,2}|two|three|four|a couple of)\s*(?:(?:sets?|pairs?|packs?|of (?:them|those|each))\b|(?:pls|please)\b|\W*$))"
                              # "grab me 2 sets of the charcoal one"
                              r"|^\W*(?:(?:ok|great|perfect|lovely)\W+)?(?:grab|get|give|put)\s+me\s+(?:\d{1,2}|two|three|four|five|six)?\s*"
                              r"(?:sets?\s+of|pairs?\s+of|of)?"
                              # "perfect, 2 of the linen one please", "fine, 2 of the rust ones then"
                              r"|^\W*(?:(?:ok|okay|great|perfect|lovely|cool|yes|yeah|fine|alright|right|ugh)\W+)?(?:\d{1,2}|two|three|four)\s+of"
                              r"(?=\s+the\s)"
                              # "love the grey rattan ones, add 2 sets of those"
                              r"|^\W*(?:(?:ok(?:ay)?|omg|ooh|oh|i)\W+)?(?:love|loving|like)\s+(?=the\s+[a-z][\w -]{1,25}?\s+ones?\W+"
                              r"(?:add|get|grab|i'?ll take)\s+(?:\d{1,2}|two|three|four)\s+(?:sets?\s+of\s+|pairs?\s+of\s+|of\s+)?"
                              r"(?:those|them|these)\b)"
                              # "the cream one then, 2 of those"
                              r"|^\W*(?:(?:ok|okay|great|perfect|lovely|cool|yes|yeah)\W+)?(?=the\s+[a-z][\w -]{1,25}?\s+ones?(?:\s+then)?\W+"
                              r"(?:\d{1,2}|two|three|four)\s+of\s+(?:those|them|these)\b)"
                              r")\s*\bthe\s+[a-z][\w -]{1,25}?\s+(?:ones?|sets?)\b", re.I)
# "ok what about one that seats 8": another one wished for, not a question about the one in focus
_WHAT_ABOUT_ONE = re.compile(r"^\W*(?:(?:ok(?:ay)?|so|and|hmm+|right)\W+)?(?:what|how) about\s+(?:one|ones|something|an?\s+\w+\s+one)\s+"
                             r"(?:that|which|with|in|for)\b", re.I)
# "whats popular right now?", "what are your best sellers?": the shop's most popular products
_POPULAR_NOW = re.compile(r"\bwhat(?:'?s| is| are)\s+(?:popular|trending|hot|selling (?:well|best)|flying off)\b|\bbest ?sell(?:ers?|ing)\b|"
                          r"\b(?:most|really) popular\b|\btop sellers\b|\bpopular (?:products|items|stuff|things|right now|at the moment)\b|"
                          r"\bwhat (?:do|are) (?:most )?(?:people|others|customers|shoppers) (?:buying|buy|getting|get)\b", re.I)
# "even if it doesn't extend", "it doesn't have to fold": a feature asked before, let go
_FEATURE_GIVEN_UP = re.compile(r"\b(?:even if (?:it|they) (?:doesn'?t|don'?t|isn'?t|aren'?t|can'?t|won'?t)|(?:it|they) (?:doesn'?t|don'?t) "
                               r"(?:have|need) to|no need for (?:it|them) to|(?:doesn'?t|don'?t) (?:matter|care) if (?:it|they) "
                               r"(?:doesn'?t|don'?t|isn'?t|aren'?t|can'?t))\s+(?:be\s+)?([a-z]{4,})"
                               # "ok fine, no drawers then" when none had them
                               r"|^\W*(?:(?:ok(?:ay)?|fine|alright|right|hmm+|ugh)\W+){1,3}no\s+([a-z]{4,})\s+then\b", re.I)
# "forget the rug, what else have you got", "scrap the lamp. anything else?": the kind let go, the rest of the wish kept
_KIND_DROPPED = re.compile(r"\b(?:forget|scrap|skip|never ?mind|nvm|drop)\s+(?:about\s+)?(?:the|a|that)\s+([a-z]+?)s?\b[\s,.!;-]*"
                           r"(?:then\W+)?(?:what\s+else|anything\s+else|something\s+else|other\s+(?:ideas|things|stuff)|"
                           r"what\s+(?:other|about)|show\s+me\s+(?:other|something))\b", re.I)
# "add it to my cart. what rug would go with it?", "lets go with the velvet one then. what coffee table would go with it?"
_CHOSEN_THEN_MATCH = re.compile(r"^\W*(?:(?:ok(?:ay)?|eh|right|alright|great|perfect|yes|yeah)\W+)?(?:(?:add|put)\s+(?:it|that|this|that one|this one)"
                                r"\s+(?:in|to|into)\s+(?:my\s+|the\s+)?(?:cart|basket|bag)|(?:let'?s|i'?ll|we'?ll)\s+(?:go with|take|get)\s+"
                                r"(the\s+[a-z][\w -]{1,25}?\s+one)(?:\s+then)?)\s*[.!,;]+\s*(?:and\s+|also\s+)?(?:what|do you have (?:a|an|any|some))\s+([a-z ]{2,30}?)\s+(?:to go with (?:it|that|this)\b|"
                                r"(?:would|will|could|goes|go)\s+(?:go\s+)?(?:well\s+)?with\s+(?:it|that|this)\b)", re.I)
# "put it in the cart. now sheets for it, something warm": into the cart, then things for it
_ADDED_THEN_FOR_IT = re.compile(r"^\W*(?:(?:ok(?:ay)?|great|perfect|yes|yeah)\W+)?(?:add|put)\s+(?:it|that|this|that one|this one)\s+(?:in|to|into)\s+"
                                r"(?:my\s+|the\s+)?(?:cart|basket|bag)()\s*[.!,;]+\s*(?:and\s+)?now\s+(?:some\s+|a\s+|an\s+)?([a-z &]{2,30}?)\s+"
                                r"(?:for|to go with)\s+(?:it|that|this)\b", re.I)
# "the navy one is a steal. love it", "the grey velvet one looks cosy ❤️": that one, liked
_LIKED_IT = re.compile(r"\b(?:love (?:it|this|that)|i'?m obsessed|obsessed with it|looks? (?:so\s+|really\s+)?"
                       r"(?:cosy|cozy|lovely|gorgeous|amazing|perfect|great|stunning))\b|❤️|😍", re.I)
# "the sofa we got last month is amazing": praise for what they bought
_PRAISED = re.compile(r"\b(?:is|are|was|were|has been|have been|looks?)\s+(?:so\s+|really\s+|absolutely\s+|just\s+|honestly\s+)?"
                      r"(?:amazing|great|perfect|lovely|fantastic|brilliant|awesome|gorgeous|comfy|comfortable|beautiful|stunning)\b", re.I)
# "we just moved in and have nothing. where do we even start": a home to furnish, no piece named yet
_WHERE_TO_START = re.compile(r"\bwhere (?:do|should|would|can) (?:we|i|you) (?:even )?(?:start|begin)\b|\bwhere to (?:even )?(?:start|begin)\b", re.I)
# "I run hot", "it gets so sweaty in this heat": why leather is refused
_HOT = re.compile(r"\b(?:run|runs|running|sleep|sleeps|get|gets|getting)\s+(?:so\s+|really\s+|very\s+)?(?:hot|sweaty|sticky)\b|"
                  r"\bsweat\w*|\bsticky\b|\bin (?:this|the) heat\b|\btoo hot for\b", re.I)  # ("its way too hot for leather rn")
# "the rust one looks fun. removable covers? the dog…": a product pointed at, then a question about it
_THE_ONE_THEN_ASKED = re.compile(r"^\W*(?:(?:ok|oh|ooh|hmm+)\W+)?(?:what about\s+|and\s+)?(the\s+[a-z][\w -]{1,20}?\s+(?:one|[a-z]{4,}(?!\s+ones?\b)))\b"
                                 r"(?:\s+[-–—:]|[^?]*?[.!,;](?!\d)|(?=\s+(?:says|said)\b))\s*"  # ("the boucle one - do the cushion covers come off?")
                                 r"([^.?!]+\?|(?:how|what|whats|what'?s|is|does|do|can|will)\b[^.?!]*$)",
                                 re.I)  # (and "the rust runner, can it go outside on the porch too?", "..., how much was it again")
# "sweet, 2 packs pls", "ok 3 of them please": that many of the one in focus, into the cart
_SO_MANY_OF_IT = re.compile(r"^\W*(?:(?:ok(?:ay)?|sweet|great|perfect|cool|lovely|yes|yeah|nice)\W+)?(?:\d{1,2}|two|three|four|five|six)\s+"
                            r"(?:packs?|sets?|pairs?|of (?:them|those|it|that one|these))\s*(?:then|pls|please|plz)?\W*$", re.I)
# "its been 21", "it's been three weeks", "says 5-7 business days": how long they have waited
_STILL_WAITING_DAYS = re.compile(r"\b(?:it'?s|its|it has)\s+been\s+(?:over\s+|almost\s+|nearly\s+|like\s+)?(?:\d+|a|one|two|three|four|"
                                 r"five|six|ten)\b|\bbusiness days\b|\bworking days\b", re.I)
# "fine, it can hang on the wall then": a wish given up, said as what will do
_WILL_DO_THEN = re.compile(r"\s*(?:fine|ok(?:ay)?|alright|oh well|i guess|meh)\b[^?]*\bthen[\s.!]*$", re.I)
# "I'll talk to my sister and order tonight": buying put off, nothing for the cart now
_ORDER_LATER = re.compile(r"\b(?:order|buy)\s+(?:it\s+|them\s+|one\s+)?(?:tonight|later|tomorrow|at the weekend|this weekend|"
                          r"next week|after (?:work|payday))\b", re.I)
# "it has to be at least 55 inches wide, he wants two monitors" under desks: what goes on it, the reason for the size
_FITS_THEIR_THINGS = re.compile(r"\b(?:i|we|he|she|they)\s+(?:has|have|wants?|needs?|uses?)\s+(?:to (?:fit|put|use)\s+)?"
                                r"(?:two|2|three|3|dual|multiple|both|his|her|their)\s+(?:\w+\s+)?$", re.I)
# "a king won't fit lol. queen instead", "instead a full": the size wanted now
_SIZE_INSTEAD = re.compile(rf"\b({phrases.BED_SIZE_WORDS})(?:[- ]size)?\s+instead\b"
                           rf"|\binstead\s+(?:a\s+|get\s+a\s+)?({phrases.BED_SIZE_WORDS})\b", re.I)
# "I have two monitors", "got a second monitor for my bday": a thing of theirs before its name, not one wanted
_THEIRS = r"(?:\b(?:i|we)\s*|(?:^|[.?!,;]\s*)(?:just\s+)?)(?:have|'ve got|got|own|use|run)\s+(?!(?:you|u|ya|any)\b)(?:\w+\s+){0,2}"
# "whats the trick to keep burgers from falling apart", "any tips for getting wine out of a rug": advice asked
_TIPS_ASKED = re.compile(r"\b(?:what'?s|whats|what is)\s+the\s+(?:trick|secret|best way|knack)\b|\bany\s+(?:tips|tricks)\b"
                         r"|\bhow\s+(?:do|can|should)\s+(?:i|you|we)\s+(?:keep|stop|get|make|cook|clean)\b"
                         # "also random q but whats a good temp to set the ac at night lol"
                         r"|\brandom\s+(?:q|question|qs)\b.{0,20}\b(?:what'?s|whats|what is|how)\b|\bgood\s+temp(?:erature)?\s+to\s+set\b"
                         # "how long do i cook a 14 lb turkey"
                         r"|\bhow\s+long\s+(?:do|should|does|would)\s+(?:i|you|we|it)\s+(?:cook|roast|bake|boil|grill|fry|rest|defrost|thaw)\b", re.I)
# "ugh this fog, can't even see my neighbours house": the weather talked about
_WEATHER_TALK = re.compile(r"\b(?:fog|foggy|mist|misty|rain|raining|rainy|drizzle|drizzly|pouring|snow|snowing|snowy|sleet|hail|storm|"
                           r"stormy|thunder|lightning|wind|windy|gale|heat ?wave|humid|humidity|sweltering|scorching|boiling out|"
                           r"freezing out|freezing outside|icy roads|weather)\b", re.I)
# "another grey drizzly sunday": the day's colour, no product's
_DAYS_GREY = re.compile(r"\b(?:grey|gray|dark|white)\s+(?:\w+\s+)?(?:day|sky|skies|morning|afternoon|evening|sunday|monday|tuesday|"
                        r"wednesday|thursday|friday|saturday|weekend|drizzly|rainy|wet|miserable|dreary)\b", re.I)
# "is this wind ever going to stop?": a question about the weather
_WEATHER_ASKED = re.compile(r"\b(?:is|will|when will|when is|when's)\s+(?:this|the|it)\s+(?:\w+\s+)?(?:ever\s+)?(?:going to\s+|gonna\s+)?"
                            r"(?:stop|end|clear|ease|let up|be over|warm up|cool down)\b", re.I)
# "miserable grey day out there isn't it": the weather, not a colour
_GREY_DAY = re.compile(r"\bgr[ae]y\s+(?:day|morning|afternoon|evening|sky|skies|weather|out there|outside)\b", re.I)
# "absolutely bucketing down here", "it's pouring down": rain, not down filling
_RAINING_DOWN = re.compile(r"\b(?:bucketing|pouring|chucking it|lashing|tipping it|hammering|belting|raining|teeming|coming)\s+(?:it\s+)?down\b", re.I)
# "my desk is a wobbly folding table and I need something proper": the thing they have stands in for the one wanted
_MAKESHIFT = re.compile(r"\b(?:my|our)\s+([a-z]+(?:\s[a-z]+)?)\s+is\s+(?:a|an|just|basically|literally|only|currently)\b"
                        r"(?=.*\b(?:need|want)\s+(?:something|one|a)\s+(?:proper|decent|real|better|new|sturdier|sturdy)\b)", re.I)
# "tell me a joke", "entertain me with something funny", "make me laugh": small talk, whatever else is said
_ENTERTAIN_ME = re.compile(r"\b(?:tell|give)\s+(?:me|us)\s+(?:a\s+|some\s+|another\s+)?(?:good\s+|funny\s+)?jokes?\b|\bentertain\s+(?:me|us)\b"
                           r"|\bmake\s+me\s+laugh\b|\b(?:say|tell me)\s+something\s+funny\b|\b(?:know|got)\s+any\s+(?:good\s+)?jokes\b", re.I)
# "so waterproof ones only", "it HAS to be washable", "only the ones with a drawer": a listed feature as a must
_FIRMLY = re.compile(r"\bones\s+only\b|\bonly\s+(?:the\s+)?(?:ones|those)\b|\b(?:has|have|needs?)\s+to\s+(?:be|have)\b", re.I)
# "does either of them have a drawer?", "are both of those solid wood?": the two compared last
_EITHER_OF_THEM = re.compile(r"\b(?:either|neither|both)\s+(?:of\s+)?(?:them|those|these|the two)\b|\b(?:either|both)\s+one\b"
                             r"|\bwhich\s+(?:one\s+)?of\s+(?:them|those|these|the two)\b", re.I)  # "which of them has the longer warranty"
# "would a round rug work under it?", "what chairs would go with it?": another thing for the one shown
_WITH_IT = re.compile(r"\b(?:work|go|look|fit)\s+(?:well\s+|nice\s+|good\s+)?(?:under|with|next to|beside|on top of|alongside)\s+"
                      r"(?:it|this|that|this one|that one|them)\b", re.I)
# "it would stand on the floor": where a lamp goes (a floor lamp)
_ON_THE_FLOOR = re.compile(r"\b(?:stand|stands|go|goes|sit|sits|be)\s+on\s+the\s+floor\b|\bfloor[- ]standing\b", re.I)
# "do u take afterpay or klarna?", "can you do payment plans": a question about paying, whatever it is for
_ASKS_TO_PAY_LATER = re.compile(r"\b(?:do|does|can|could|will|would)\s+(?:u|you|ya|y'?all|they)\s+(?:guys\s+)?"
                                r"(?:take|accept|do|offer|have|allow|support|work with)\b"
                                r"|\b(?:can|could|may)\s+(?:i|we)\s+(?:spread|split|pay)\b", re.I)  # "can I spread the cost over a few months?"
_POSTCODE = re.compile(r"\b(?:ship\w*|deliver\w*|send\w*|post\w*|bring\w*|brought|tak(?:e|ing))\s+"
                       r"(?:(?:costs?|fees?|charges?|prices?|rates?)\s+)?(?:it\s+|them\s+|(?:for\s+)?(?:a|an|the|my|our)\s+\w+(?:\s+\w+)?\s+)?"
                       # "how much is delivery for a sofa to 94110?", "what would you charge to bring a sectional out to 10023?"
                       r"(?:to|into|out to)\s+(?:zip\s+(?:code\s+)?)?"
                       r"\d{5}\b|\b(?:zip|post)\s*code\b"
                       r"|\bdeliver\w*\b[^.?!\d]{0,30}\b(?:to|into)\s+\d{5}\b"  # "how long does delivery usually take to 30309"
                       r"|\b(?:get|arrive|come|go)\s+(?:here\s+|there\s+|out\s+)?(?:to|in)\s+\d{5}\b"  # "take to get to 30301?"
                       r"|\b(?:i'?m|i am|we'?re|we are|(?:i|we) live|located|based)\s+(?:in|at|near)\s+\d{5}\b"  # "i'm in 60614"
                       # "They live in Tucson, 85719"
                       r"|\b(?:live|lives|living|located|based|am|are|is|'m|'re|'s)\s+in\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?,?\s+(?:[A-Z]{2}\s+)?\d{5}\b"
                       # "it's 14 Maple Ct, Dayton OH 45402": an address
                       r"|\b\d{1,5}\s+[a-z]+(?:\s+[a-z]+)?\s+(?:st|street|ave|avenue|rd|road|ct|court|ln|lane|dr|drive|blvd|way|pl|place)\b.{0,40}\b\d{5}\b",
                       re.I)
EXPENSIVE = 500.0  # median price above which the first list asks for a budget too


# "green would go with the walls": what the room has, not a product to go with
_GOES_WITH_THE_ROOM = re.compile(r"\b(?:go(?:es)?|goes well|work|works|match|matches|look good|looks good)\s+(?:well\s+|nicely\s+)?"
                                 r"(?:with\s+)?(?:the|my|our|his|her|their|your)\s+(?:\w+\s+)?(?:walls?|paint|decor|floors?|flooring|colou?r scheme|"
                                 r"rest of (?:the|my|our) (?:room|stuff|things|furniture|decor|place|house|flat)|room|stuff|things|"
                                 r"bedroom|living room|lounge|kitchen|hallway|office|nursery|dining room)\b", re.I)  # "to go with her bedroom"
# "hmm any standing desks for that kind of money?": products of the kind being chosen with a feature, asked for
_ANY_KIND = re.compile(r"^\W*(?:(?:hmm+|ok|okay|so|and|but|well|ah)\W+)?(?:do you have |have you got |got )?any\s+"
                       r"(?:[a-z-]+\s+){1,2}?([a-z-]+s)\b", re.I)


# "foldable ones? storage is tight", "any washable ones? we have a dog": shown products' kind with a feature
# "foldable ones?", "hmm we got a puppy last month, any pet friendly ones?" (the question opens the message or a clause)
_FEATURE_ONES = re.compile(r"(?:^|[,.;!]\s*)\W*(?:(?:ok|so|and|hmm+|but)\W+)?(?:any\s+)?((?:[a-z-]+\s+){0,1}[a-z-]+)\s+ones\s*\?",
                           re.I)


# between two kinds offered as alternatives: "bistro set or a couple of outdoor chairs", "a rug, or maybe a runner"
_OR_BETWEEN = re.compile(r"\s*,?\s*or\s+(?:maybe\s+|perhaps\s+|even\s+)?(?:an?\s+|some\s+|a\s+couple\s+(?:of\s+)?|"
                         r"two\s+|2\s+|a\s+pair\s+of\s+)?(?:(?:small|little|big|large|nice|cheap)\s+)?", re.I)


def _in_room(room: str, level: str) -> bool:
    """Whether a category level belongs to the room the shopper named: "Dining Room" in "Dining Room", "home
    office" in "Office" (the room's last word, unless it is only "room" or "area")."""
    words = room.lower().split()
    said = {"".join(words)} | ({words[-1]} if words and words[-1] not in ("room", "area", "space", "corner") else set())
    return any(word and word in level.lower().replace(" ", "") for word in said)


# "thats me done. happy spring cleaning to me 😅", "ok that's all for today": the chat ends
_ALL_DONE = re.compile(r"^\W*(?:(?:ok(?:ay)?|right|great|perfect|cool)\W+)?(?:that'?s|thats)\s+(?:me|us)\s+(?:all\s+)?done\b"
                       r"|^\W*(?:(?:ok(?:ay)?|right|great|perfect|cool)\W+)?(?:that'?s|thats)\s+all\s+(?:for\s+(?:now|today|tonight)|i\s+needed)\b", re.I)
# "whatever, i'll deal w it tomorrow", "ok i'll try again later": putting it off, the chat ends
_LATER_THEN = re.compile(r"\b(?:i'?ll|i will|we'?ll|gonna)\s+(?:just\s+)?(?:deal\s+w(?:ith|/)?\s+it|sort\s+it(?:\s+out)?|figure\s+it\s+out|"
                         r"try\s+(?:(?:the|my|it|that)\s+(?:\w+\s+)?)?again|look\s+(?:again|into it))\s+(?:tomorrow|later|in the morning|another time|after work)"
                         r"(?:\W+(?:then\W+)?(?:bye|byee+|cya|ttyl|laters|thanks|thx|ty))?\W*$", re.I)  # "i'll try the card again later. bye"
# "merry xmas to u robot", "happy new year!!": a season's wish, a greeting
_SEASON_WISHES = re.compile(r"\b(?:merry\s+(?:xmas|x-mas|christmas|chrimbo)|happy\s+(?:new\s+year|holidays|thanksgiving|easter|"
                            r"hanukkah|chanukah|diwali|eid|lunar\s+new\s+year|4th|fourth)|season'?s\s+greetings|happy\s+hols"
                            # "happy memorial day weekend!! 🇺🇸", "happy labor day"
                            r"|happy\s+(?:[a-z']+\s+){0,2}(?:day|weekend|holiday|holidays|long weekend|bank holiday|friday|monday))\b", re.I)
# "thanks anyway!", "ty tho": thanks that close a message
_THANKS_ANYWAY = re.compile(r"\b(?:thanks?|thx|ty|cheers)\s+(?:anyway|anyways|though|tho)\W*$", re.I)
# the shop's broadest categories: naming one of them names no kind of product
_GENERIC_CATEGORIES = frozenset({"furniture", "home", "decor", "home decor"})


def _generic_category(slots: dict[str, Any]) -> bool:
    """Whether the message names no category, or only the shop's broadest ("furniture", "home decor")."""
    return all(str(value).lower() in _GENERIC_CATEGORIES for value in slot_values(slots, "category"))


def _has_colour(product: Product, colour: str) -> bool:
    """Whether the product is of that colour, by its listed colour or its title ("the green one")."""
    return colour.lower() in (product.color or "").lower() or colour.lower() in product.title.lower()


def _words_re(value: str) -> str:
    """A value as a pattern its words match however they are joined ("mid-century": "mid century", "midcentury")."""
    return r"[\s-]*".join(re.escape(w) for w in re.split(r"[\s-]+", value))


def _as_read(nlu: NLUResult, intent: str, slots: dict[str, Any]) -> NLUResult:
    """The message's reading with its intent and slots as the context decided them."""
    return nlu.model_copy(update={"intent": intent, "slots": slots})


# "ok thanks, ...", "thank you dear, ...": a message that starts by thanking
_THANKS_FIRST = re.compile(r"\s*(?:ok(?:ay)?[,.!]*\s+)?(?:(?:cool|great|perfect|nice|lovely|awesome|brill|sweet)[,.!]*\s+)?"
                          r"(?:thanks|thank you|thank u|thx|ty|ta|cheers)\b", re.I)  # ("ok cool, thx for being up this early")
# "hmm she'd prefer green I think, the velvet bit doesn't matter": that value let go
_VALUE_BIT = re.compile(r"\b(?:the\s+)?([a-z]+(?:\s[a-z]+)?)\s+(?:bit|part|thing)\s+(?:doesn'?t|does not|don'?t|won'?t)\s+matter\b", re.I)
# "actually forget the cats thing, they sleep on everything anyway": the feature the pets (kids) asked for
_REASON_BIT = re.compile(r"\b(?:forget|never ?mind|drop|scrap|ignore)\s+(?:about\s+)?the\s+(?:cats?|dogs?|pets?|puppy|kitten|kids?|"
                         r"toddlers?|baby)\s+(?:thing|bit|part|stuff)\b", re.I)
# "is the black one low pile?", "does the oak one come apart?": a question about one shown product, by description
_ASKS_OF_THE_ONE = re.compile(r"^\W*(?:(?:so|and|ok(?:ay)?|hmm+|right|oh)\W+)?(?:(?:is|are|does|do|has|can|will|would|how)\s+"
                              r"the\s+[a-z][\w -]{1,30}?\s+one\b[^.!?]*\?"
                              # "the ikea one, is it down? i'm a bit allergic to feathers"
                              r"|the\s+[a-z][\w -]{1,30}?\s+one\s*[,-]+\s*(?:is|does|has|can|will)\s+it\b[^.!?]*\?"
                              # "the cream velvet one is cute but will velvet survive my toddler"
                              r"|the\s+[a-z][\w -]{1,30}?\s+one\s+(?:is|looks|seems)\s+(?:\w+\s+)?\w+\s+but\s+(?:will|would|does|is|can|could)\s+"
                              r"(?:it|that|[a-z]+)\s+(?:survive|last|hold up|handle|cope|stain|scratch|work|fit|be)\b)", re.I)
# "your delivery drivers left my sofa outside", "the courier": the shop's people, said of what they did
_SHOP_PEOPLE = re.compile(r"\b(?:your|the)\s+(?:delivery\s+)?(?:drivers?|couriers?|delivery (?:guys|men|people|team|crew)|movers|"
                          r"installers?|staff|customer service)\b", re.I)
# "Let's have the cheaper of the two then.", "go with the less expensive of the two": that one, into the cart
_TAKE_THE_CHEAPER = re.compile(r"^\W*(?:(?:ok(?:ay)?|so|right|fine|alright|then)[,.!\s]+)*(?:let'?s (?:have|get|go with|take|do)|"
                               r"(?:i'?ll|we'?ll|i will|we will|i'?d|we'?d) (?:have|take|get|go with|go for|like)|go with|go for|take|"
                               r"get me|give me)\s+(?:the|whichever(?: one)? is|whichever'?s)\s+"
                               r"(?:cheaper|cheapest|less expensive|least expensive|lower[- ]priced)\b", re.I)
# "stick it in my cart", "pop that in the basket"
_INTO_THE_CART = re.compile(r"\b(?:stick|put|pop|throw|chuck|add)\s+(?:it|that|this|them|one)\s+(?:in|into|to|on)\s+(?:my|the|our)\s+"
                            r"(?:cart|basket|bag)\b"
                            # "ok that one's going in my cart"
                            r"|\b(?:it|that|this|that one|this one|they|those)\s*(?:'s|'re|is|are)\s+going\s+(?:in|into)\s+(?:my|the|our)\s+"
                            r"(?:cart|basket|bag)\b", re.I)
# "the 2nd one looks better to me tbh": a liking, not a comparison
_LOOKS_BETTER = re.compile(r"\b(?:looks?|seems?)\s+(?:much\s+|way\s+|a lot\s+)?(?:better|nicer|best|lovelier)\b|\bi (?:prefer|like)\b", re.I)


# "dang. show me the emerald ones then" when offered the emerald sofas in other materials
_SHOW_THE_ONES = re.compile(r"^\W*(?:[a-z]+[.!,]+\s+)?(?:ok(?:ay)?\s+|fine\s+|then\s+|yes\s+|yeah\s+)?(?:show me|let'?s see|go on,? show me|what about|how about)"
                            r"\s+(?:the|those)\s+([a-z][a-z -]{1,25}?)\s+ones?(?:\s+(?:you|u)\s+(?:do\s+)?(?:have|got))?"  # ("... you do have")
                            r"(?:\s+then)?(?:\s+(?:pls|please))?\W*(?:[,;]\s*(.+))?$", re.I)


def _takes_offer(state: DialogueState, text: str) -> bool:
    """ "show me the emerald ones then" after "I do have emerald sofas in other materials: shall I show you those?":
    a yes, when the ones named are the ones offered (their value kept, another let go)."""
    said = _SHOW_THE_ONES.match(text)
    if not said or state.pending_intent not in phrases.RELAXABLE:
        return False
    relaxed = phrases.RELAXABLE[state.pending_intent]
    kept = [v for name in ("colors", "materials", "styles", "brands", "sizes") if name not in relaxed
            for v in getattr(state.constraints, name)]
    return any(_spaced(v) == _spaced(said.group(1)) for v in kept)


def _more_with_the_offer(text: str) -> bool:
    """ "fine, show me the queen ones then, nothing over 150": the offer taken with a further wish after it."""
    said = _SHOW_THE_ONES.match(text)
    return bool(said and said.group(2))


def _spaced(value: str) -> str:
    """A value as words, lower-cased: "mid-century" and "mid century" alike."""
    return value.lower().replace("-", " ")


# Words before a thing's name that say nothing about what it is ("cheap frames", "nice lamps")
_PLAIN_ADJECTIVES = {"cheap", "new", "nice", "good", "big", "small", "little", "large", "decent", "pretty", "cute", "any",
                     "some", "more", "other", "affordable", "budget", "quality", "great", "lovely", "tall", "short", "wide"}


def _order_id_only(slots: dict[str, Any]) -> dict[str, Any]:
    """The slots a service reading keeps: the order number, nothing of products."""
    return {k: v for k, v in slots.items() if k == "order_id"}


def _note_soft_values(state: DialogueState, nlu: NLUResult) -> None:
    """Remember the materials and colours said as a wish ("a cosy armchair for reading, boucle maybe", "green would be
    lovely") and the sizes said roughly ("5x8 or so"); said plainly, a must again."""
    clauses = phrases.clauses(nlu.text)
    for name, soft in (("material", state.soft_materials), ("color", state.soft_colors)):
        for value in slot_values(nlu.slots, name):
            # the wish word in the value's own clause: "velvet dining chairs? green would be lovely" (green only)
            own = [c for c in clauses if value.lower() in c] or clauses
            if any(phrases.SAID_SOFTLY.search(c) or name == "color" and (phrases.PALETTE.search(c) or value.lower() == "natural"
                                                                          and phrases.NATURAL_MATERIAL.search(c)) for c in own):
                soft[:] = list(dict.fromkeys([*soft, value]))
            else:
                soft[:] = [v for v in soft if v != value]
    if words := [str(w).lower() for w in nlu.slots.get("title_words") or []]:
        said = [m.group(0).lower() for _, m in kinds_named(nlu.text)]  # "a sofa bed" for the sleeper sofas
        own = [c for c in clauses if any(re.search(rf"\b{re.escape(w)}", c) for w in [*words, *said])]
        # "needs a comfy armchair she can get out of easily. Maybe a recliner?": the recliners give way when none fits
        state.soft_kinds = words if any(phrases.SAID_SOFTLY.search(c) for c in own) else []
    if sizes := slot_values(nlu.slots, "size"):  # (called once the request holds the sizes as the catalog writes them)
        def said_in(clause: str, size: str) -> bool:  # "5' x 8'" said as "5x8"
            numbers = re.findall(r"\d+", size)
            return size.lower() in clause or bool(numbers) and bool(
                re.search(r"\D{0,8}".join(re.escape(n) for n in numbers), clause))

        own = [c for c in clauses if any(said_in(c, str(v)) for v in sizes)]
        # "5x8 or so"; "5x8 if poss", "queen ideally": a size said as a wish gives way like one said roughly (in
        # its own clause: "a queen, budget around 800" says the budget roughly, not the size)
        rough = (any(phrases.ROUGHLY.search(c) or phrases.SAID_SOFTLY.search(c) for c in own) if own
                 else phrases.ROUGHLY.search(nlu.text))
        state.rough_sizes = list(state.constraints.sizes) if rough else []


_BED_SIZES = ("Twin", "Twin XL", "Full", "Queen", "King", "California King")


def _outside_the_address(slots: dict, text: str) -> dict:
    """The order number of a message giving an address, not a number of the address ("Maple Hall, room 214")."""
    kept = _order_id_only(slots)
    address = " ".join(m.group(0) for m in phrases.STREET_ADDRESS.finditer(text))
    if kept.get("order_id") and re.search(rf"\b{re.escape(str(kept['order_id']))}\b", address):
        kept.pop("order_id")
    return kept


def _item_refs_only(slots: dict) -> dict:
    """The slots of a message that only say which shown product ("perfect, add it. can you gift wrap it?")."""
    return {k: v for k, v in slots.items() if k == "item_ref"}


def _said_ish(value: str, text: str) -> bool:
    """Whether the message says the value roughly ("walnut-ish", "firm ish")."""
    return re.search(rf"\b{re.escape(value)}\s*-?\s*ish\b", text, re.I) is not None


def _bed_size(said: str) -> str:
    """A bed size as the catalog writes it ("twin xl" -> "Twin XL", "double" -> "Full", "cal king" -> "California King")."""
    said = bed_size_name(said)
    return {"double": "Full"}.get(said, said.title().replace("Xl", "XL"))
# What a like or dislike may say besides which product ("I don't like #1, and nothing from CB2").
_FEEDBACK_CONSTRAINTS = ("exclude_brand", "exclude_color", "exclude_material", "exclude_style", "exclude_category",
                         "price_max", "price_min")


def _first_few(candidates: list[Candidate], one: str, several: str, plain: SearchFilter) -> str:
    """ "The first is a gaming chair; the others are the closest office chairs:", "The first 2 are coastal; ..."."""
    first = f"The first is {one}" if len(candidates) == 1 else f"The first {len(candidates)} are {several}"
    return f"{first}; the others are the closest {describe(plain)}:"


def _after(lead: str, text: str) -> str:
    """``text`` after a leading phrase ("From the list before the last: here's how they compare")."""
    return f"{lead}{text[:1].lower()}{text[1:]}" if lead else text


def _title_key(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def _lower_all(values: list[str]) -> set[str]:
    return {v.lower() for v in values}


@dataclass
class Services:
    """What a turn needs from the rest of the system."""

    retriever: Any  # retrieval.retriever.Retriever
    rerank: Callable[[RankRequest], Awaitable[list[ScoredProduct]]]
    diversify: Callable[[list[ScoredProduct], np.ndarray, int], list[ScoredProduct]]
    policy: service.ShopPolicy = field(default_factory=service.ShopPolicy)
    use_profile: bool = True
    stage: Callable[[str, float], None] = lambda name, seconds: None
    # a query's embedding, batched across sessions (None: embedded by the search itself)
    embed: Callable[[str], Awaitable[np.ndarray]] | None = None


class DialogueManager:
    def __init__(self, services: Services) -> None:
        self.s = services
        self.search = ProductSearch(services)
        self._category_prices: dict[str, float] | None = None
        self._titles: dict[str, str] | None = None
        self._by_name: dict[str, list[tuple[str, set[str]]]] | None = None  # a title's name word -> (id, title words)
        self._parents_of: dict[str, tuple[str, ...]] | None = None
        self._by_category: dict[str, list[Product]] | None = None  # up to 40 products of each leaf category
        self._attr_words: set[str] | None = None  # words of the catalog's attribute names
        self._title_words: set[str] | None = None  # words of the product titles (singular)
        self._catalog_words: set[str] | None = None  # words of the product titles and descriptions (singular)
        self._asked_for: tuple | None = None  # the last message's asked attributes (see _asked)
        self._kinds_carried: dict[str, tuple] = {}  # kind name -> (title words, categories) in this catalog
        self._built_for: object = None  # the catalog vocabulary the caches above were built from

    # -- helpers -----------------------------------------------------------------------
    @property
    def products(self) -> dict[str, Product]:
        return self.s.retriever.products

    def _fresh_caches(self) -> None:
        """Drop the catalog-derived caches after a live catalog update (the retriever then has a new vocabulary)."""
        vocabulary = self.s.retriever.vocabulary
        if vocabulary is not self._built_for:
            self._category_prices, self._titles, self._parents_of, self._built_for = None, None, None, vocabulary
            self._by_name = None
            self._by_category, self._attr_words, self._title_words, self._asked_for = None, None, None, None
            self._catalog_words = None
            self._kinds_carried = {}

    def named_product(self, text: str) -> Product | None:
        """The product whose full title the message names ("how wide is the Harper Sofa in Charcoal Boucle?")."""
        self._fresh_caches()
        if self._titles is None:
            self._titles = {}
            heads: dict[str, set[str]] = {}
            for p in self.products.values():
                key = _title_key(p.title)
                if len(key.split()) >= 3:
                    self._titles.setdefault(key, p.id)
                head = _title_key(re.split(r",| – | - | in ", p.title)[0])  # "Aria Metal Round Mirror, Natural Oak"
                if len(head.split()) >= 3 and head != key:
                    heads.setdefault(head, set()).add(p.id)
            for head, ids in heads.items():
                if len(ids) == 1:
                    self._titles.setdefault(head, next(iter(ids)))
        words = _title_key(text).split()
        for n in range(min(len(words), 16), 2, -1):
            for i in range(len(words) - n + 1):
                pid = self._titles.get(" ".join(words[i:i + n]))
                if pid is not None:
                    return self.products.get(pid)
        return None

    def described_product(self, text: str) -> Product | None:
        """The one product a message names by its name and what it is ("that blue jute rug, the Tova one", "the Aria
        sleeper sofa in rust cotton"): its name word and two more words of its title, and no other product so."""
        self._fresh_caches()
        if self._by_name is None:
            self._by_name = {}
            plain = _lower_all([*self.s.retriever.vocabulary.get("styles", []), *self.s.retriever.vocabulary.get("colors", [])])
            for p in self.products.values():
                words = _title_key(p.title).split()
                after_dash = _title_key(p.title.split("–")[-1]).split()[-1:] if "–" in p.title else []
                for name in {w for w in words[:1] + after_dash if w not in plain and len(w) >= 3}:
                    self._by_name.setdefault(name, []).append((p.id, set(words) - {name}))
        said = set(_title_key(text).split())
        found = {pid for name in said for pid, words in self._by_name.get(name, ()) if len(words & said) >= 2}
        return self.products.get(next(iter(found))) if len(found) == 1 else None

    def _named_in_colour(self, text: str) -> Product | None:
        """The one product a message names by its name word and its colour ("it's the terracotta Ellis one")."""
        said = set(_title_key(text).split())
        lowered = text.lower()
        found = [p for p in self.products.values() if p.color and re.search(rf"\b{re.escape(p.color.lower())}\b", lowered)
                 and (_title_key(p.title).split() or [""])[0] in said]
        return found[0] if len(found) == 1 else None

    def _product(self, pid: str | None) -> Product | None:
        return self.products.get(pid) if pid else None

    def category_price(self, category: str) -> float | None:
        """Median price of a category (any level of the path), from the catalog."""
        self._fresh_caches()
        if self._category_prices is None:
            by_cat: dict[str, list[float]] = {}
            for p in self.products.values():
                if p.price is None:
                    continue
                for level in p.category:
                    by_cat.setdefault(level.lower(), []).append(p.price)
            self._category_prices = {k: statistics.median(v) for k, v in by_cat.items()}
        return self._category_prices.get(category.lower())

    def _budget_options(self, category: str) -> list[str]:
        prices = sorted(
            p.price for p in self.products.values()
            if p.price is not None and category.lower() in (c.lower() for c in p.category)
        )
        if len(prices) < 4:
            return []
        q1, q3 = prices[len(prices) // 4], prices[3 * len(prices) // 4]

        def r(x: float) -> int:
            step = 50 if x < 1000 else 100
            return int(round(x / step) * step) or step

        return [f"Under ${r(q1):,}", f"${r(q1):,} to ${r(q3):,}", f"Over ${r(q3):,}", "No budget"]

    def _resolve(self, state: DialogueState, slots: dict) -> tuple[list[str], str | None]:
        """Product ids the message refers to, or an error text when a reference is out of range."""
        refs = slots.get("item_ref") or []
        ids = []
        for pos in refs:
            pid = state.product_at(int(pos))
            earlier = state.previous_shown[int(pos) - 1] if 1 <= int(pos) <= len(state.previous_shown) else None
            if pid is None and earlier in state.shown:
                pid = earlier  # "ok adding the second one" when the list narrowed to the one that was second: that one
            if pid is None:
                n = len(state.shown)
                if n == 0:
                    return [], "I haven't shown you any products yet. What are you looking for?"
                return [], f"I only showed {n} product{'s' if n != 1 else ''}; which one do you mean (1 to {n})?"
            ids.append(pid)
        if not ids and state.focus_id:
            ids = [state.focus_id]
        elif not ids and len(state.shown) == 1:
            ids = [state.shown[0]]
        return ids, None

    def _reply(self, state: DialogueState, nlu: NLUResult, action: str, text: str, **kw) -> Reply:
        state.last_action = action
        shown = [card.id for card in kw.get("products") or []]
        if shown:  # for "what was that blue lamp again?" later
            state.shown_before = [i for i in state.shown_before if i not in shown][-(60 - len(shown)):] + shown
        return Reply(
            session_id=state.session_id,
            text=text,
            intent=IntentInfo(name=nlu.intent, confidence=round(float(nlu.confidence), 4)),
            slots=nlu.slots,
            action=action,
            **kw,
        )

    # -- the turn -----------------------------------------------------------------------
    async def turn(self, state: DialogueState, text: str, nlu: NLUResult) -> Reply:
        state.turn += 1
        profile = state.profile
        if profile.personalization:
            next_turn(profile)
        if phrases.NO_MEMORY.search(text):
            profile.personalization = False
            forget_preferences(profile)
            nlu = nlu.model_copy(update={"intent": "account_help"})  # a request about the shopper's data
            return self._reply(state, nlu, "smalltalk", "Understood: I won't remember your preferences in this conversation. "
                               "Your stated filters still apply to this search.", quick_replies=["Start over"])
        shopping = (nlu.intent in ("search_product", "refine", "greet", "out_of_scope", "show_more") or state.pending == "category"
                    or (nlu.intent == "add_to_cart" and not phrases.CART_WORD.search(text))  # "start with the sofa"
                    # "it has to fit in a 45 inch gap next to the bed": a must for what is shown
                    or (nlu.intent == "product_question" and state.shown and phrases.MUST_HAVE.search(text)
                        and not phrases.is_question(text)))
        said_category = nlu.slots.get("category")
        nlu = nlu.model_copy(update={"slots": ground(nlu.slots, text, self.s.retriever.vocabulary, shopping=shopping)})
        if (nlu.intent == "refine" and said_category is None and nlu.slots.get("category") and state.constraints.categories
                and self._only_theirs(text, slot_values(nlu.slots, "category"))):
            # "ugh. king then, we're upgrading the bed anyway" under sheets: king sheets, the bed is theirs
            nlu = nlu.model_copy(update={"slots": {k: v for k, v in nlu.slots.items() if k != "category"}})
        elif (nlu.intent == "search_product" and state.shown and state.constraints.categories and nlu.slots.get("category")
              and not set(slot_values(nlu.slots, "category")) & set(state.constraints.categories)
              and any(nlu.slots.get(k) for k in ("color", "material", "style", "exclude_color", "exclude_material", "exclude_style"))
              and (phrases.A_MUST.search(text) or re.match(r"\W*(?:(?:ok|so|hmm+|and)\W+)?(?:something|anything|any|ones?)\s+"
                                                             r"(?:in|with)\b", text, re.I)
                   # "not rust please, we already have a rust rug down there" under sectionals
                   or re.match(r"\W*(?:not|no)\s+\w+", text, re.I))
              and self._only_theirs(text, slot_values(nlu.slots, "category"))):
            # "has to be grey or charcoal, we've got a grey rug in there" under sofas: grey or charcoal sofas; "only black
            # ones please, it has to match his desk" under gaming chairs; "something in blue maybe? the sofa is navy"
            # under rugs
            nlu = _as_read(nlu, "refine", {k: v for k, v in nlu.slots.items() if k != "category"})
        elif (nlu.intent == "search_product" and state.shown and state.constraints.categories and nlu.slots.get("category")
              and not set(slot_values(nlu.slots, "category")) & set(state.constraints.categories)
              and self._only_theirs(text, slot_values(nlu.slots, "category"))
              and any(self._asked(text, state.constraints.categories))):
            # "no box spring pls, i just have a foam mattress on the floor rn" under beds: beds without one; the foam
            # mattress is theirs
            owned = [g for g, _ in mentioned_categories(text, slot_values(nlu.slots, "category"))]
            said_of_it = {k for k in ("color", "material", "style") for v in slot_values(nlu.slots, k)
                          if any(re.search(rf"\b{re.escape(v)}\s+(?:\w+\s+)?{re.escape(g)}\b", text, re.I) for g in owned)}
            nlu = _as_read(nlu, "refine", {k: v for k, v in nlu.slots.items() if k != "category" and k not in said_of_it})
        if (nlu.intent in ("search_product", "refine") and slot_values(nlu.slots, "category") == ["Beds"] and state.shown
                and state.constraints.categories and "Beds" not in state.constraints.categories and phrases.OWNS_BED.search(text)):
            # "oh wait, she's got a king bed, not a queen" under duvets: king duvets, the bed is hers
            nlu = _as_read(nlu, "refine", {k: v for k, v in nlu.slots.items() if k != "category"})
        owned_bed = phrases.OWNS_BED.search(text)
        if (owned_bed and not nlu.slots.get("size") and nlu.intent in ("search_product", "refine")
                and any(re.search(r"bedding|sheet|duvet|mattress|pillow|comforter|quilt", str(c), re.I)
                        for c in slot_values(nlu.slots, "category") or state.constraints.categories)):
            # "Bedding first. Her bed is a twin.": twin bedding
            said = re.search(phrases.BED_SIZE_WORDS, owned_bed.group(0), re.I).group(0).lower()
            size = _bed_size(said)
            if size in _BED_SIZES:
                nlu = _as_read(nlu, nlu.intent, {**nlu.slots, "size": size})
        if (state.constraints.categories in (["Lighting"], ["Floor Lamps"]) and not nlu.slots.get("item_ref") and _ON_THE_FLOOR.search(text)
                and nlu.intent in ("product_question", "refine", "search_product", "out_of_scope")):
            # "It would stand on the floor, there is no table there." under lamps: floor lamps
            nlu = _as_read(nlu, "refine", {**nlu.slots, "category": "Floor Lamps"})
        either_kind = self._either_kinds(nlu) if nlu.intent == "search_product" else None
        if either_kind:  # "small bistro set or a couple of outdoor chairs": both kinds
            nlu = nlu.model_copy(update={"slots": {**nlu.slots, "category": either_kind}})
        if nlu.intent != "feedback_dislike":
            nlu = nlu.model_copy(update={"slots": unnegated_exclusions(nlu.slots, text)})
        remark = phrases.PRICE_REMARK.match(text) if state.shown and state.constraints.categories else None
        remarked = {c for _, names in mentioned_categories(remark.group(0), self.s.retriever.vocabulary.get("categories", []))
                    for c in names} if remark else set()
        if (remark and nlu.intent in ("search_product", "out_of_scope", "refine")
                and set(slot_values(nlu.slots, "category")) <= remarked | set(state.constraints.categories)):
            # "whoa 2 grand for a guest bed?? no. under 800 please" under mattresses: the mattress for the guest bed,
            # cheaper; "1.7k for a kids mattress?? no way. anything under 400?": cheaper mattresses
            nlu = _as_read(nlu, "refine", {k: v for k, v in nlu.slots.items() if k != "category"})
            rest = text[remark.end():]
            if (re.search(r"\b(?:never ?mind|forget it|thanks? anyway|i'?ll pass|pass)\b", rest, re.I)
                    and not phrases.WANTS_OTHERS.search(rest) and not re.search(r"\d", rest)):
                # "1679?? for a kids mattress?? nope. nevermind, thanks anyway": no budget, no search, the chat closing
                nlu = _as_read(nlu, "goodbye" if phrases.FAREWELL.search(rest) else "thanks", {})
        if (len(state.shown) == 1 and _THE_ONLY_ONE.search(text) and nlu.intent not in service.SERVICE_INTENTS
                and state.constraints.categories and state.shown[0] in self.products):
            # "1679 for a single mattress?? is that really the only twin one": how many the catalog has, said honestly
            # (the amount is the price remarked on, no budget)
            others = [p for p in self.products.values() if p.id != state.shown[0] and matches(p, state.constraints)]
            only = self.products[state.shown[0]]
            if not others:
                asked = _as_read(nlu, "product_question", {"item_ref": [1]})
                return self._reply(state, asked, "answer_question",
                                   f"Yes: the {only.title} is the only one of the {describe(state.constraints)} in the catalog. "
                                   "Say what you'd change (a budget, a size, a material) and I'll look wider.",
                                   products=[replies.card(only)], quick_replies=["Show more", "Something different"])
        asked = nlu
        read = await self._read_in_context(state, text, nlu, said_category)
        if isinstance(read, Reply):
            return read
        if ((asked.intent == "add_to_cart" or asked.intent == read.intent or asked.intent in service.SERVICE_INTENTS)
                and read.intent in service.SERVICE_INTENTS
                and read.intent not in service.HANDOFF_INTENTS and state.shown and phrases.ADD_THEN_ASK.search(text)):
            # "perfect, add it. can you gift wrap it too?": added, and the question answered ("the charcoal boucle one, add
            # to cart. also do u deliver on sundays": that one)
            refs = _item_refs_only(asked.slots)
            if not refs:
                picked = described_positions(text.split(".")[0], self._shown_products(state))
                refs = {"item_ref": picked} if picked else {}
            added = await self._on_cart(state, _as_read(asked, "add_to_cart", refs))
            if added.action == "add_to_cart":
                answered = self._service(state, read, read.intent)  # (the last action: that answer)
                return added.model_copy(update={"text": f"{added.text} {answered.text}", "quick_replies": answered.quick_replies})
        if (read.intent == "product_question" and asked.intent in ("add_to_cart", "product_question") and state.shown
                and phrases.ADD_THEN_ASK.search(text) and re.match(r"\W*(?:(?:ok|okay|great|perfect|cool)\W+)?(?:add|put)\b", text, re.I)):
            # "ok add the gaming one. what's the warranty on it?": into the cart, then the question about it
            refs = _item_refs_only(asked.slots)
            if not refs:
                picked = described_positions(text.split(".")[0], self._shown_products(state))
                refs = {"item_ref": picked} if picked else {}
            added = await self._on_cart(state, _as_read(asked, "add_to_cart", refs))
            if added.action == "add_to_cart" and state.focus_id in self.products:
                question = re.split(r"[.!;]\s+", text, maxsplit=1)[-1]
                answered = self._answer_about(state, _as_read(read, "product_question", {}), self.products[state.focus_id], question)
                return added.model_copy(update={"text": f"{added.text} {answered.text}"})
        chosen = (_CHOSEN_THEN_MATCH.search(text) or _ADDED_THEN_FOR_IT.search(text)) if state.shown else None
        wanted = (slot_values(read.slots, "category") or category_matches(chosen.group(2), self.s.retriever.vocabulary.get("categories", []),
                                                                          typos=False)[:1]) if chosen else []
        if chosen and read.intent in ("add_to_cart", "complement_request", "refine", "search_product") and wanted:
            # "add it to my cart. what rug would go with it?", "eh lets go with the velvet one then. what coffee table
            # would go with it?": into the cart, then what goes with it
            picked = (described_positions(chosen.group(1), self._shown_products(state)) if chosen.group(1) else []) or \
                _item_refs_only(asked.slots).get("item_ref", [])
            added = await self._on_cart(state, _as_read(asked, "add_to_cart", {"item_ref": picked} if picked else {}))
            if added.action == "add_to_cart":
                asked_for = {k: read.slots[k] for k in ("color", "material", "style", "price_max") if read.slots.get(k)}
                matched = await self._on_complements(state, _as_read(read, "complement_request",
                                                                     {"category": wanted if len(wanted) > 1 else wanted[0], **asked_for}))
                return matched.model_copy(update={"text": f"{added.text} {matched.text}"})
            return added
        if (read.intent in service.SERVICE_INTENTS and read.intent not in service.HANDOFF_INTENTS and state.shown
                and phrases.IF_YES_ADD.search(text)):
            # "do you deliver on weekends? if yes put it in my cart": the answer, then the cart as it says
            answered = self._service(state, read, read.intent)
            if re.match(r"(?:Sorry|No\b|We don'?t|We do not)", answered.text):
                return answered.model_copy(update={"text": f"{answered.text} So I haven't added it to your cart; say \"add it\" "
                                                           "if you'd like it anyway."})
            added = await self._on_cart(state, _as_read(asked, "add_to_cart", _item_refs_only(asked.slots)))
            if added.action == "add_to_cart":
                return added.model_copy(update={"text": f"{answered.text} {added.text}"})
            return answered
        nlu = read
        intent, slots = nlu.intent, nlu.slots
        refused = {k: slots[k] for k in ("exclude_color", "exclude_material", "exclude_brand") if slots.get(k)}
        wish = re.split(r"[.;!?]\s+|\band\s+(?=(?:are|is|do|does|can|will|would)\b)", text)[0]
        if (intent == "product_question" and state.shown and refused and not slots.get("item_ref") and phrases.is_question(text)
                and wish.strip() != text.strip() and "?" not in wish
                and all(re.search(rf"\b{re.escape(v.split()[-1])}\b", wish, re.I) for k in refused for v in slot_values(slots, k))):
            # "not pink or mustard pls. and are they machine washable?": the list without them, then the question
            # answered about the ones left (not "does it have a non-slip backing?")
            refined = await self._on_refine(state, _as_read(nlu, "refine", refused).model_copy(update={"text": wish}))
            if refined.products:
                answered = await self._on_question(state, _as_read(nlu, "product_question",
                                                                   {k: v for k, v in slots.items() if k not in refused}))
                return refined.model_copy(update={"text": f"{refined.text}\n{answered.text}"})
            return refined

        if phrases.START_OVER.match(text):
            return self._start_over(state, nlu)
        # Answers to the bot's own last question come first.
        pending = await self._answer_pending(state, text, nlu)
        if isinstance(pending, Reply):
            return pending
        intent = pending
        state.pending = None
        if (phrases.CART_VIEW.search(text) and not slots.get("item_ref") and not slots.get("order_id")
                and not phrases.ADD_IT.search(text)):
            return self._show_cart(state, nlu)
        if state.cart and (intent not in service.SERVICE_INTENTS
                           # "actually take the rug back out of my cart, my partner vetoed it": the cart, no order
                           or intent in ("cancel_order", "change_order", "return_item") and phrases.CART_REMOVE.search(text)
                           and phrases.CART_WORD.search(text)
                           # "ugh actually take it out, ill decide when im sober 😂" after asking about delivery
                           or (removed := phrases.CART_REMOVE.search(text)) is not None and removed.group("what3")
                           and not slots.get("order_id")):
            edited = await self._edit_cart(state, nlu)
            if edited is not None:
                return edited
        if (state.last_action == "add_to_cart" and intent in ("refine", "search_product") and slots.get("category")
                and set(slot_values(slots, "category")) <= set(state.constraints.categories)
                and _ANOTHER_THING.match(text) and not phrases.GOES_WITH.search(text)):
            # "oh and a washable runner for the hallway" after adding a wool rug: another rug, asked afresh
            state.constraints = SearchFilter(exclude_brands=state.constraints.exclude_brands)
            return await self._on_search(state, _as_read(nlu, "search_product", slots))
        if (state.shown and phrases.quantity(text) and intent not in (*service.SERVICE_INTENTS, "add_to_cart")
                and not any(slots.get(k) for k in phrases.PRODUCT_SLOTS if k != "size")
                # (not "now dining chairs to go with it, we need 6" after a table: six chairs wanted, none added)
                and not (slots.get("category") and not set(slot_values(slots, "category")) & set(state.constraints.categories)
                         and (phrases.GOES_WITH.search(text) or intent == "complement_request"))
                # (nor "we need chairs too, 8 of them. what would match?" after a table)
                and (slots.get("item_ref") or parse_item_refs(text) or phrases.ABOUT_IT.search(text))
                # (nor "twin size then, two of them": twin ones wanted first, no cart named)
                and not (isinstance(slots.get("size"), str) and not slots.get("item_ref") and not phrases.CART_WORD.search(text))):
            # "two of the first one please": into the cart, two of them
            return await self._on_cart(state, nlu.model_copy(update={"intent": "add_to_cart"}))
        if (state.shown and intent in ("refine", "feedback_like", "search_product") and not slots.get("category")
                and phrases.quantity(text) and re.search(r"\bthe\s+[a-z][\w -]*?\s+ones?\b", text, re.I)):
            picked = self._described_shown(state, text)
            if len(picked) == 1:  # "ok 2 sets of the cream ones please", "the pink ones are perfect, 2 packs please"
                return await self._on_cart(state, nlu.model_copy(update={"intent": "add_to_cart", "slots": {"item_ref": picked}}))
        if intent in service.SERVICE_INTENTS and slots.get("item_ref") and state.shown:
            # "how long is the trial on the first one?" asks about a shown product, not the shop's delivery
            ids, _ = self._resolve(state, slots)
            if ids and product_qa.asks_about(text, self.products[ids[0]]):
                return self._answer_about(state, nlu.model_copy(update={"intent": "product_question"}),
                                          self.products[ids[0]])
        asks_it = (state.shown and phrases.is_question(text) and phrases.ABOUT_IT.search(text)
                   and not (phrases.WHICH.search(text) and phrases.RANKS.search(text))  # "which of them is the firmest?"
                   and not (intent in service.SERVICE_INTENTS and service.shop_topic(text))  # "carry it up to her flat?"
                   # "if it turns out too firm, can I send it back?": the return policy
                   and not (intent in service.SERVICE_INTENTS and phrases.SEND_IT_BACK.search(text))
                   and not slots.get("category") and not phrases.ADD_THAT.search(text)
                   and not (intent == "compare" and phrases.COMPARE_WORD.search(text))  # "how do those two stack up against each other?"
                   and not (intent == "refine" and (phrases.any_with(text) or phrases.SOMETHING_WITH.match(text)
                                                    or _ANY_KIND.match(text) or phrases.WE_NEED.match(text)
                                                    # "round won't fit our room tbh. any rectangular ones that seat 6?"
                                                    or _ANY_KIND.match(re.split(r"(?<=[.;!])\s+", text.strip())[-1])
                                                    or _WHAT_ABOUT_ONE.match(text))))
        if asks_it and (intent in (*service.SERVICE_INTENTS, "search_product", "complement_request", "feedback_like",
                                   "feedback_dislike", "compare")
                        or (intent == "refine" and not any(slots.get(k) for k in phrases.PRODUCT_SLOTS if k != "size"))):
            # "could it go outside on the porch?", "how many nights can I try it for?" about the product in focus
            ids, _ = self._resolve(state, slots)
            about = self.products.get(ids[0] if ids else state.shown[0])
            if about is not None and product_qa.asks_about(text, about):
                question = nlu.model_copy(update={"intent": "product_question"})
                # one product in focus: answered; several shown and none named: "which one do you mean?"
                return self._answer_about(state, question, about) if ids else await self._on_question(state, question)
        goes = _WHAT_GOES_WITH.search(text) if intent in ("search_product", "product_question", "feedback_like", "refine") else None
        goes_kinds = category_matches(goes.group(1), self.s.retriever.vocabulary.get("categories", [])) if goes else []
        if (len(goes_kinds) == 1 and goes_kinds[0] not in slot_values(slots, "category")
                and (self.named_product(text) or state.shown)):
            # "just got the Harper sofa in charcoal boucle from you guys (love it). what rug would go with it?": rugs for it
            return await self._on_complements(state, _as_read(nlu, "complement_request", {"category": goes_kinds[0]}))
        if (intent in ("cancel_order", "order_status", "complaint") and not slots.get("order_id") and phrases.is_question(text)
                and re.search(r"\bis\s+(?:the|this|that)\b[^?]{3,60}?\b(?:actually\s+|really\s+|even\s+|still\s+)?in[- ]stock\b", text, re.I)
                and self.named_product(text) is not None):
            # "your site shows 'in stock' on everything and then cancels orders. is the Harper upholstered bed in natural
            # oak actually in stock??": a question about that product
            intent, slots = "product_question", {k: v for k, v in slots.items() if k in phrases.PRODUCT_SLOTS or k == "category"}
            nlu = _as_read(nlu, intent, slots)
        if intent in ("search_product", "product_question") and phrases.is_question(text):
            named = self.named_product(text)
            if named is None:  # "That blue jute rug from your newsletter, the Tova one I think. What size is it?"
                described = self.described_product(text)
                asked = described is not None and (product_qa.asks_field(text) or product_qa.asks_about(text, described))
                named = described if asked else None
            if named is not None and product_qa.asks_if_sold(text) and not product_qa.asks_about(text, named):
                # "do you still sell the Wren velvet counter stool in grey?": yes, and here it is
                state.shown, state.compared = [named.id], []
                state.seen = list(dict.fromkeys([*state.seen, named.id]))
                reply = self._answer_about(state, nlu.model_copy(update={"intent": "search_product"}), named)
                return reply.model_copy(update={"action": "recommend"})
            if named is not None:  # a question about one product: report it as such
                return self._answer_about(state, nlu.model_copy(update={"intent": "product_question"}), named)
        if phrases.WHICH.search(text) and state.shown and intent not in service.SERVICE_INTENTS:
            _, beyond = self._resolve(state, slots)
            if beyond and len(slots.get("item_ref") or []) >= 2 and len(state.shown) >= 2:
                # "which is taller, the first or the third?" of two
                return self._reply(state, nlu, "clarify", beyond)
            refs = [int(r) for r in slots.get("item_ref") or [] if 1 <= int(r) <= len(state.shown)]
            positions = refs if len(refs) >= 2 else state.compared or list(range(1, len(state.shown) + 1))
            ids = [pid for pid in (state.product_at(p) for p in positions) if pid in self.products]
            if slots.get("in_stock") and phrases.ABOUT_THESE.search(text) and ids:
                return self._which_in_stock(state, nlu, ids, positions)  # "which of these are actually in stock?"
            answer = product_qa.which(text, [self.products[i] for i in ids], positions)
            if answer:
                winner = product_qa.winner_of(answer)
                # "which has the best reviews?" then "does it have adjustable armrests?": the one named
                state.focus_id = state.product_at(winner) if winner else None
                # "which is better, #1 or #2?" compares; "which one is good with pets?" asks a question of each
                # ("which of those two would you pick, and why?" compares the two)
                comparing = intent == "compare" and bool(phrases.COMPARE_WORD.search(text) or len(refs) >= 2 or re.search(
                    r"\b(?:those|these|the|them|of)\s+(?:two|2|three|3)\b|\bboth\b", text, re.I))
                action = "compare" if comparing else "answer_question"
                if not comparing:
                    nlu = nlu.model_copy(update={"intent": "product_question"})
                picked = None if comparing else product_qa.which_have(text, [self.products[i] for i in ids])
                if picked:  # "which ones come with inserts?": those that do are shown (the list keeps its numbers)
                    ids = [ids[i] for i in picked]
                return self._reply(state, nlu, action, answer, products=[replies.card(self.products[i]) for i in ids],
                                   quick_replies=[f"Add #{positions[0]} to cart", "Show more"])
            if intent == "out_of_scope" and phrases.RANKS.search(text) and ids and not slots:
                # "my dad's 78 with a dodgy hip, which would be easiest for him to get in and out of?": nothing the
                # catalog lists answers it; said so, with what it does list of each
                listed = "\n".join(f"#{p}: the {self.products[i].title}, {self.products[i].size or 'size not listed'}"
                                   + "".join(f"; {k} {v}" for k, v in list((self.products[i].attributes or {}).items())[:3])
                                   for p, i in zip(positions, ids))
                return self._reply(state, nlu.model_copy(update={"intent": "product_question"}), "answer_question",
                                   "The catalog doesn't say that, and I won't guess. Here is what it lists for each:\n" + listed,
                                   products=[replies.card(self.products[i]) for i in ids], quick_replies=["Talk to a person", "Show more"])
        refs = [int(r) for r in slots.get("item_ref") or [] if 1 <= int(r) <= len(state.shown)]
        if len(refs) == 2 and intent not in service.SERVICE_INTENTS and not phrases.COMPARE_WORD.search(text):
            ids = [pid for pid in (state.product_at(p) for p in refs) if pid in self.products]
            answer = product_qa.is_more_than(text, [self.products[i] for i in ids], refs) if len(ids) == 2 else None
            if answer:  # "is the first one wider than the second?"
                return self._reply(state, nlu.model_copy(update={"intent": "product_question"}), "answer_question", answer,
                                   products=[replies.card(self.products[i]) for i in ids],
                                   quick_replies=[f"Add #{refs[0]} to cart", f"Add #{refs[1]} to cart"])
        if phrases.BACK_TO_FIRST.search(text) and state.first_constraints is not None and intent not in service.SERVICE_INTENTS:
            # "nah, back to the first list": the request as first asked
            state.constraints = state.first_constraints.model_copy(deep=True)
            state.seen = []
            return await self._search(state, nlu.model_copy(update={"intent": "refine"}), action="refine")
        relax = phrases.RELAX.match(text)
        if relax and (state.shown or state.last_action == "clarify") and intent not in service.SERVICE_INTENTS:
            return await self._relax(state, nlu, phrases.RELAX_FIELDS[relax.group(1).lower()], exclusions=True)
        released = list(phrases.RELAX_IN.finditer(nlu.text))
        words = [next(g for g in m.groups() if g) for m in released]
        for m in _VALUE_BIT.finditer(nlu.text):  # "the velvet bit doesn't matter": the kind of that value
            kind = self._kind_of_value(m.group(1))
            if kind:
                released.append(m)
                words.append(kind)
        for m in _REASON_BIT.finditer(nlu.text):
            if state.constraints.attributes or state.constraints.attribute_min:
                released.append(m)
                words.append("feature")
        if words and (state.shown or state.last_action == "clarify") and intent not in service.SERVICE_INTENTS:
            # "forget the budget, I want linen ones": let go of the budget, then apply what else was said
            for word in words:
                let_go(state, phrases.RELAX_FIELDS[word.lower()], exclusions=True)
            gone = {name for word in words for name in phrases.RELAXED_SLOTS[phrases.RELAX_FIELDS[word.lower()]]}
            # ... what the same message says anew outside the let-go words still holds ("I'll spend at least 1000")
            for span in nlu.spans:
                if not any(m.start() <= span.start < m.end() for m in released):
                    gone -= {"price_min", "price_max"} if span.name.startswith("price") else {span.name}
            rest = {k: v for k, v in slots.items() if k not in gone}
            nlu = nlu.model_copy(update={"slots": rest, "intent": "refine"})
            if any(rest.get(k) is not None for k in (*phrases.PRODUCT_SLOTS, "title_words", "price_relative")):
                # "brand doesn't matter after all - do you have a tripod one?", "anything cheaper? ... size can be whatever"
                return await self._on_refine(state, nlu)
            # "colour doesn't matter, but it has to be extendable"
            self._apply_asked_attributes(state, phrases.RELAX_IN.sub(" ", nlu.text))
            state.seen = []
            return await self._search(state, nlu, action="refine")

        handler = {
            "search_product": self._on_search,
            "refine": self._on_refine,
            "show_more": self._on_show_more,
            "compare": self._on_compare,
            "product_question": self._on_question,
            "feedback_like": self._on_like,
            "feedback_dislike": self._on_dislike,
            "add_to_cart": self._on_cart,
            "complement_request": self._on_complements,
            "greet": self._on_greet,
            "thanks": self._on_thanks,
            "goodbye": self._on_goodbye,
        }.get(intent)
        if handler is not None:
            return await handler(state, nlu)
        if intent in service.SERVICE_INTENTS:
            return self._on_service(state, nlu, intent)
        if phrases.SHOPPING.search(text) and not (intent == "out_of_scope" and nlu.confidence >= phrases.SURE_OUT_OF_SCOPE):
            # a shopping request the model could not place: ask what they need ("recommend a pizza place" is not one)
            return self._ask_category(state, nlu)
        return self._on_out_of_scope(state, nlu)

    async def _read_in_context(self, state: DialogueState, text: str, nlu: NLUResult,
                               said_category: object) -> NLUResult | Reply:
        """What the message means given the conversation so far: the model reads one message alone, so its
        intent is corrected where the context decides ("teak?" under shown patio sets is a refinement,
        "how much does it cost" after a delivery answer is about delivery). A reply when the context alone
        answers ("do you sell refrigerators?")."""
        if (nlu.intent in ("search_product", "refine", "product_question", "show_more", "out_of_scope", "complaint")
                and phrases.OFF_TOPIC.search(text) and not (nlu.intent == "complaint" and service.is_upset(text))
                and (phrases.is_question(text) or re.search(r"\bhow (?:do|are|r) (?:you|u)\b", text, re.I))
                and not phrases.SHOPPING_OPENER.search(text) and not phrases.WANTS_TO_BUY.search(text)
                and not (state.shown and (phrases.any_with(text) or _asks_about_shown(state, text, nlu.intent)
                                          or re.match(r"\W*(?:are|is|do|does|will|would|can)\s+(?:any|either|all|both)\s+"
                                                      r"(?:of\s+)?(?:these|those|them|the\s+\w+)\b", text, re.I)))
                and not any(nlu.slots.get(k) for k in ("price_max", "price_min", "item_ref", "color", "material", "brand"))
                and not self._asks_why_late(state, text)):
            # (not "are any of these waterproof? the afternoon storms here are no joke": about the ones shown)
            # "is it supposed to rain this afternoon? trying to decide whether to bring the patio cushions in": small talk
            return self._on_out_of_scope(state, _as_read(nlu, "out_of_scope", {}))
        weather = ("material" if _RAINING_DOWN.search(text) and str(nlu.slots.get("material", "")).lower() == "down"
                   else "color" if _GREY_DAY.search(text) and str(nlu.slots.get("color", "")).lower() in ("grey", "gray") else None)
        if weather:
            # "good morning! absolutely bucketing down here 🌧": the weather, no down pillows; "miserable grey day out
            # there isn't it": no grey products
            slots = {k: v for k, v in nlu.slots.items() if k != weather}
            if not any(slots.get(k) for k in (*phrases.PRODUCT_SLOTS, "category")):
                return (await self._on_greet(state, _as_read(nlu, "greet", {})) if phrases.HELLO.match(text)
                        else self._on_out_of_scope(state, _as_read(nlu, "out_of_scope", {})))
            nlu = _as_read(nlu, nlu.intent, slots)
        makeshift = _MAKESHIFT.search(text)
        if makeshift and nlu.intent in ("search_product", "out_of_scope", "refine"):
            # "my desk is a wobbly folding table and I need something proper": a desk (the table stands in for one)
            named = [names for _, names in mentioned_categories(makeshift.group(1), self.s.retriever.vocabulary.get("categories", []))]
            if len(named) == 1 and len(named[0]) == 1:
                nlu = _as_read(nlu, "search_product", {**nlu.slots, "category": named[0][0]})
        owned = slot_values(nlu.slots, "category")
        if (nlu.intent == "complement_request" and len(owned) == 1 and phrases.BOUGHT_HERE.search(text)
                and not (state.shown and phrases.SHOWN_REFERENCE.search(text))):
            mentions = mentioned_categories(text, self.s.retriever.vocabulary.get("categories", []))
            others = [names[0] for _, names in mentions if len(names) == 1 and names[0] != owned[0]]
            bought = any(owned[0] in names and re.search(rf"\b(?:bought|got|ordered|purchased)\s+(?:the|a|an|my|our)\s+(?:[\w-]+\s+){{0,3}}"
                                                        rf"{re.escape(gram)}\b", text, re.I) for gram, names in mentions)
            if others and bought:  # (not "a nightstand to match the walnut bed I bought from you": the nightstand asked for)
                # "bought the charcoal boucle sofa from you last week, what rug would go with it?": rugs (the colour and
                # material are the sofa's)
                nlu = _as_read(nlu, "search_product", {k: v for k, v in nlu.slots.items()
                                                       if k not in ("color", "material", "style")} | {"category": others[0]})
        if (_ENTERTAIN_ME.search(text) and not nlu.slots.get("order_id") and not phrases.SHOPPING_OPENER.search(text)
                and not phrases.WANTS_TO_BUY.search(text) and nlu.intent not in ("contact_human", "goodbye")):
            # "too hot to sleep. tell me a joke", "hey. can't sleep. entertain me with something funny": small talk
            return self._on_out_of_scope(state, _as_read(nlu, "out_of_scope", {}))
        if (state.last_action in ("service", "handoff") and state.last_service_intent in ("shipping_address", "change_order")
                and phrases.STREET_ADDRESS.search(text) and nlu.intent not in ("contact_human", "cancel_order")):
            return _as_read(nlu, "shipping_address", _outside_the_address(nlu.slots, text))  # "it should go to 22 Birch Lane, not Maple Road"
        reading = (self._puts_off(text, nlu) or self._warranty_of_owned(state, text, nlu)
                   or self._read_shown_references(state, text, nlu))
        if isinstance(reading, NLUResult):
            reading = self._read_request_kind(state, text, reading)
        if isinstance(reading, NLUResult):
            reading = self._read_category(state, text, reading, said_category)
        if isinstance(reading, NLUResult):
            reading = self._read_problem(state, text, reading)
        if isinstance(reading, NLUResult):
            reading = self._read_kinds(state, text, reading)
        if isinstance(reading, NLUResult):
            reading = await self._read_wishes(state, text, reading)
        if isinstance(reading, NLUResult):
            reading = self._read_conversation(state, text, reading)
        return reading

    @staticmethod
    def _puts_off(text: str, nlu: NLUResult) -> NLUResult | None:
        """"ok I need to think about it, gotta measure the room first. bye", "I'll sleep on it haha", "Thanks, I'll
        talk it over with him tonight and come back": no decision yet, the chat ends for now (no question, no
        product, no order in it)."""
        slots = nlu.slots
        if ((closing := phrases.closing(text)) and nlu.intent != closing  # (not "ok thanks, gotta jump on a call": no person asked for)
                and (nlu.intent != "contact_human" or not (phrases.TALK_TO_PERSON.search(text) or phrases.A_PERSON.search(text)))):
            return _as_read(nlu, closing, {})  # "ok thanks, have to run, will look again tonight", "brill ta"
        # ("ok will measure the wall tonight and come back. thanks!": no question, the "I" left out)
        said_plainly = re.match(r"^\W*(?:(?:ok(?:ay)?|alright|right|cool)\W+)?will\s+(?!(?:you|it|they|that|this|the|these|those|u)\b)", text, re.I)
        if (not phrases.PUTS_OFF.search(text) or phrases.is_question(text) and not (said_plainly and phrases.COME_BACK.search(text)) or "?" in text or len(text.split()) > 25
                or slots.get("category") or slots.get("order_id") or any(slots.get(k) for k in phrases.PRODUCT_SLOTS)
                or phrases.CART_WORD.search(_ORDER_LATER.sub("", text))):  # (not "I'll talk to my sister and order tonight")
            return None
        leaving = (phrases.FAREWELL.search(text) or phrases.COME_BACK.search(text)
                   or re.search(r"\b(?:gonna|going to|i'?ll|we'?ll|will)\s+sleep on (?:it|that|this)\b", text, re.I))  # "ok nvm gonna sleep on it"
        return _as_read(nlu, "goodbye" if leaving else "thanks", {})

    def _warranty_of_owned(self, state: DialogueState, text: str, nlu: NLUResult) -> Reply | None:
        """ "I got a leather sofa from you back in 2024, how long is the warranty on it?": the warranties the catalog
        lists for that kind, and which one they bought asked for (no list of sofas to buy)."""
        categories = slot_values(nlu.slots, "category")
        if (nlu.intent not in ("search_product", "product_question", "out_of_scope") or not categories
                or not phrases.WARRANTY_WORD.search(text) or not phrases.BOUGHT_FROM_US.search(text)):
            return None
        material = (slot_values(nlu.slots, "material") or [None])[0]
        kind = [p for p in self._sample(categories) if material is None or (p.material or "").lower() == material.lower()]
        listed = sorted({str(v) for p in kind for k, v in (p.attributes or {}).items() if "warrant" in k.lower()},
                        key=lambda v: (v.lower() == "lifetime", leading_number(v)))
        what = f"{material + ' ' if material else ''}{categories[0].lower()}"
        if not listed:
            return None
        span = f"a {listed[0]} warranty" if len(listed) == 1 else f"warranties from {listed[0]} to {listed[-1]}"
        read = _as_read(nlu, "product_question", {k: v for k, v in nlu.slots.items() if k in ("category", "material")})
        return self._reply(state, read, "clarify",
                           f"The warranty depends on the model: our {what} have {span}, as listed on each product "
                           "page. Which one did you buy? Tell me its name, or the order number, and I'll look it up.",
                           quick_replies=["Talk to a person"])

    def _read_shown_references(self, state: DialogueState, text: str, nlu: NLUResult) -> NLUResult | Reply:
        """Messages about the products on screen: "and the second?", "is the first one a standing desk?",
        "the cheaper one", "any of those with storage drawers?", "anti-tip?"."""
        intent, slots = nlu.intent, nlu.slots
        take_cheaper = _TAKE_THE_CHEAPER.match(text)
        into_the_cart = _INTO_THE_CART.search(text) and not slots.get("order_id")  # (whatever the model read: "going in my cart")
        if (state.shown and intent not in ("add_to_cart", "contact_human")
                and (intent not in service.SERVICE_INTENTS or into_the_cart and not service.names_a_topic(text))
                and (take_cheaper or into_the_cart)):
            # "Let's have the cheaper of the two then.", "the cheapest lamp is fine, stick it in my cart"
            cheaper = take_cheaper or re.search(r"\b(?:cheaper|cheapest|less expensive|least expensive)\b", text, re.I)
            slots = {**{k: v for k, v in slots.items() if k not in ("category", "item_ref", "price_relative")},
                     **({"price_relative": "lower"} if cheaper else {}),
                     **({"item_ref": slots["item_ref"]} if slots.get("item_ref") and not cheaper else {})}
            intent = "add_to_cart"
            nlu = _as_read(nlu, intent, slots)
        if (intent == "compare" and len(slots.get("item_ref") or []) == 1 and _LOOKS_BETTER.search(text)
                and not re.search(r"\b(?:compare|comparison|vs\.?|versus|difference|side by side|than)\b", text, re.I)):
            intent = "feedback_like"  # "the 2nd one looks better to me tbh"
            nlu = _as_read(nlu, intent, slots)
        refs = ([r for r in parse_item_refs(text) if 1 <= r <= len(state.shown)]
                if intent == "product_question" and not slots.get("item_ref") and phrases.EXPLICIT_REF.search(text) else [])
        if refs:
            # "ok anyway the second bed you showed, whats it made of": the second of those shown
            slots = {**{k: v for k, v in slots.items() if k != "category" or v not in state.constraints.categories},
                     "item_ref": refs}
            nlu = _as_read(nlu, intent, slots)
        beyond = [r for r in slots.get("item_ref") or [] if not state.product_at(int(r))]
        if beyond and slots.get("category") and not phrases.EXPLICIT_REF.search(text):
            # "and some dining chairs to go with it, we need 6": how many, not the sixth product
            slots = {k: v for k, v in slots.items() if k != "item_ref"}
            nlu = _as_read(nlu, intent, slots)
        too = _THE_ONE_TOO.match(text) if state.last_action == "add_to_cart" and state.shown_before else None
        if too and intent not in service.SERVICE_INTENTS:
            # "oh and the round table too", "oh and the standing desk i asked about earlier too" after adding chairs:
            # the one shown before that fits, into the cart as well
            in_cart = {c.product_id for c in state.cart}
            earlier = [p for p in self._shown_before(state) if p.id not in in_cart]
            fits = list({p.id: p for p in recalled(too.group(1), earlier)}.values())
            if len(fits) != 1:
                # "the round table" of two round ones (or of a round one not called so): the one of that kind a
                # question was last asked about
                head = singular_word(too.group(1).split()[-1].lower())
                kinds = category_matches(too.group(1), self.s.retriever.vocabulary.get("categories", []))
                asked = [p for p in earlier if p.id in state.asked_about  # ("the bed frame": the bed asked about)
                         and (head in {singular_word(w) for w in re.findall(r"[a-z]+", p.title.lower())} or p.leaf_category in kinds)]
                fits = [max(asked, key=lambda p: state.asked_about.index(p.id))] if asked else fits
            if len(fits) == 1:
                state.shown, state.compared, state.focus_id = [fits[0].id], [], fits[0].id
                intent, slots = "add_to_cart", {"item_ref": [1]}
                nlu = _as_read(nlu, intent, slots)
        recall = phrases.RECALL.search(text) if intent not in service.SERVICE_INTENTS else None
        if recall and state.shown_before:
            # "what was that blue lamp again?": the products shown before that fit the description
            earlier = self._shown_before(state)
            fits = sorted(recalled(recall.group(1) or recall.group(2), earlier)[:SHOW], key=lambda p: state.shown_before.index(p.id))
            if fits:
                state.shown, state.compared = [p.id for p in fits], []
                state.focus_id = fits[0].id if len(fits) == 1 else None
                lead = f"That was the {fits[0].title}:" if len(fits) == 1 else "These are the ones I showed you:"
                return self._reply(state, _as_read(nlu, "search_product", {}), "recommend",
                                   replies.product_list_text(lead, fits, [[] for _ in fits]),
                                   products=[replies.card(p) for p in fits],
                                   quick_replies=["Add #1 to cart", "Show more"])
        if (state.focus_id and slots.get("item_ref") == [1] and not phrases.EXPLICIT_REF.search(text)
                and not re.search(r"\b(?:one|1)\b(?!\s*$)", re.sub(r"\b(?:that|this|the same)\s+one\b", "", text, flags=re.I), re.I)):
            # "put ten of that one in the cart" after "which has the best reviews?": the one named, not #1
            slots = {k: v for k, v in slots.items() if k != "item_ref"}
        if state.last_action == "answer_question" and state.last_question and phrases.SAME_FOR.match(text):
            refs = slots.get("item_ref") or parse_item_refs(text)
            pid = state.product_at(int(refs[0])) if refs else None
            if pid in self.products:  # "and the second?" right after "how wide is the first one?"
                intent, slots = "product_question", {**slots, "item_ref": refs[:1]}
                return self._answer_about(state, _as_read(nlu, intent, slots), self.products[pid], question=state.last_question)
        if (state.last_action == "answer_question" and state.last_question and state.shown and _WHICH_DO_HAVE.search(text)
                and intent not in service.SERVICE_INTENTS):
            # "which ones do have them?" after "does it have removable covers?": the ones with that feature
            return _as_read(nlu, "refine", {})
        if state.shown and (phrases.WHY_SHOWN.search(text) or phrases.WHY_CHEAP.search(text)) and intent not in service.SERVICE_INTENTS:
            refs = [r for r in (slots.get("item_ref") or parse_item_refs(text)) if state.product_at(int(r))]
            pid = (state.product_at(int(refs[0])) if refs else state.focus_id or (state.shown[0] if len(state.shown) == 1 else None))
            product = self._product(pid)
            if product is not None:
                state.focus_id = product.id
                asked = _as_read(nlu, "product_question", {"item_ref": refs[:1]} if refs else {})
                return self._reply(state, asked, "answer_question", self._why_shown(state, product, phrases.WHY_CHEAP.search(text)),
                                   products=[replies.card(product)], quick_replies=["Add to cart", "Show more", "Something different"])
        if state.shown and phrases.FIELD_ONLY.match(text) and intent not in service.SERVICE_INTENTS:
            # "size?" under a list: the size of each shown (or of the one talked about)
            return _as_read(nlu, "product_question", _item_refs_only(slots))
        if (state.last_action == "answer_question" and state.last_question and state.shown
                and phrases.SAME_FOR_DESCRIBED.match(text)):
            shown = self._shown_products(state)
            picked = described_positions(text, shown)
            if len(picked) == 1:  # "and the beige one?" right after "does the Lund loveseat have removable covers?"
                intent, slots = "product_question", {"item_ref": picked}
                return self._answer_about(state, _as_read(nlu, intent, slots), shown[picked[0] - 1], question=state.last_question)
        if (intent == "out_of_scope" and state.shown and phrases.EXPLICIT_REF.search(text) and slots.get("item_ref")
                and phrases.ADD_THAT.search(text)):
            intent = "add_to_cart"  # "2nd one in the basket pls"
        if intent in ("search_product", "refine") and state.shown and phrases.EXPLICIT_REF.search(text) \
                and (slots.get("item_ref") or parse_item_refs(text)):
            slots = {**slots, "item_ref": slots.get("item_ref") or parse_item_refs(text)}
            if phrases.ADD_THAT.search(text):
                intent = "add_to_cart"  # "add the first dresser to my cart"
            elif (phrases.is_question(text) and (not (slots.get("price_relative") or slots.get("size_relative"))
                                                 or phrases.CAN_IT_GROW.search(text))
                  and not re.search(r"\bbut (?:in|with|made of|from)\b", text, re.I)  # "the 2nd one but in blue?" refines
                  # "I like #2, anything similar in blue though?"
                  and not re.search(r"\b(?:anything|something|any|one|ones)\s+(?:similar|like (?:it|that|this))\b", text, re.I)):
                # "is the first one a standing desk?", "will the first one fit my TV?" (not "something cheaper than the first one?")
                intent = "product_question"
            if intent not in ("search_product", "refine"):
                slots = {k: v for k, v in slots.items() if k not in ("category", "size", "price_max", "price_min")}
        if slots.get("category") and slots.get("item_ref") == [1] and phrases.THING_FIRST.match(text) and any(
                re.search(rf"\b{re.escape(gram)}s?\s+first\b", text, re.I)
                for gram, _ in mentioned_categories(text, self.s.retriever.vocabulary.get("categories", []))):
            intent, slots = "search_product", {k: v for k, v in slots.items() if k != "item_ref"}  # "the chair first"
        if (intent in service.SERVICE_INTENTS and intent not in service.HANDOFF_INTENTS and state.shown
                and state.last_action != "service" and not phrases.SERVICE_WORDS.search(text) and phrases.is_question(text)
                and any(product_qa.asks_about(text, p) for p in (self._product(i) for i in state.shown) if p)):
            intent = "product_question"  # "how many trial nights?" about the mattresses shown, not delivery times
        if (slots.get("item_ref") == [1] and state.shown and not phrases.EXPLICIT_REF.search(text)
                and re.search(r"\bthe\s+[a-z$\d][\w -]*?\s+one\b", text, re.I)):
            # "add 2 of the cream one": the "one" of a description, not the first product; the description picks
            # ("the 229 one has a 365 night trial?? no brainer, add it": by its price, no order number)
            picked = self._described_shown(state, text)
            if len(picked) == 1:
                slots = {**{k: v for k, v in slots.items() if k != "order_id"}, "item_ref": picked}
        if state.shown and not slots.get("item_ref") and (
                intent in ("add_to_cart", "product_question", "feedback_dislike", "complement_request", "compare", "out_of_scope")
                or (intent in ("refine", "feedback_like") and phrases.SIMILAR.search(text))):
            picked = self._described_among_compared(state, text)
            if picked:  # "I'll take the Asher", "how thick is the firm one?", "add the cheaper one"
                slots = {**slots, "item_ref": picked}
        if (state.shown and intent in ("refine", "feedback_like") and not slots.get("item_ref") and phrases.LOOKS_GOOD.search(text)
                and not phrases.is_question(text)):
            picked = self._described_shown(state, text)
            if len(picked) == 1:  # "the white one looks nice": that one is liked, not a filter to white
                intent, slots = "feedback_like", {"item_ref": picked}
        if (state.shown and intent == "refine" and not slots.get("item_ref")
                and (phrases.PICK_ONE.match(text) or phrases.ADD_THE_ONE.match(text))
                and not phrases.SUPERLATIVE.search(text)):  # "the cheapest one please" shows the cheapest
            picked = self._described_shown(state, text)
            if len(picked) == 1:  # "ok the solid wood one please": that one into the cart, not a filter to solid wood
                intent, slots = "add_to_cart", {"item_ref": picked}
        if (intent in ("out_of_scope", "show_more", "search_product") and state.shown and phrases.SIMILAR.search(text)
                and slots.get("item_ref") and all(1 <= int(r) <= len(state.shown) for r in slots["item_ref"])
                and not slots.get("category") and phrases.EXPLICIT_REF.search(text)):
            intent = "refine"  # "anything else along the lines of the second one?": more like #2
        chosen = phrases.GO_WITH_THE_ONE.search(text) if state.shown and intent not in service.SERVICE_INTENTS else None
        if chosen:
            picked = self._described_among_compared(state, chosen.group(0))
            if len(picked) == 1:  # "glass top with a toddler running around? nope. i'll go with the marble one"
                intent, slots = "add_to_cart", {"item_ref": picked}
        if (state.shown and intent in ("refine", "search_product", "show_more") and not slots.get("item_ref")
                and _ASKS_OF_THE_ONE.match(text)):
            picked = self._described_shown(state, text)
            if len(picked) == 1:  # "is the black one low pile? shaggy ones and dog hair do not mix": asked of that one
                intent, slots = "product_question", {"item_ref": picked}
        if (state.constraints.categories and isinstance(slots.get("size"), str) and not slots.get("category")
                and re.fullmatch(r"\s*\d{2,3}\s*(?:\"|inch(?:es)?|in)\s*", slots["size"], re.I)
                and any("tv" in k.split() or "tvs" in k.split() for k in self._asked(text, state.constraints.categories)[1])):
            # "it's a 65 inch if that matters" under TV stands: the TV's screen, not the stand's size
            slots = {k: v for k, v in slots.items() if k != "size"}
            intent = "refine" if intent in ("search_product", "out_of_scope", "product_question") else intent
        if (intent in ("out_of_scope", "search_product", "product_question") and state.shown and state.constraints.categories
                and not slots.get("item_ref") and not phrases.is_question(text)
                and not slots.get("category") and (slots.get("dimension_max") or slots.get("dimension_min"))
                and not phrases.SHOPPING_OPENER.search(text)):
            # "actually wait, it has to fit in a 50 inch gap between the radiator and the window", "needs to be at
            # least 50 inches wide, I've got two monitors": a measure for what is shown
            intent = "refine"
        if state.shown and intent != "add_to_cart" and phrases.picks_nth(text):
            # "no worries. the first one then please" (after a gift-wrap answer), "going with the first"
            ref = self._described_shown(state, text) or slots.get("item_ref")
            if ref and len(ref) == 1 and ref[0] <= len(state.shown):
                intent, slots = "add_to_cart", {"item_ref": ref}
        if ((intent == "product_question" or (intent in service.SERVICE_INTENTS and intent not in service.HANDOFF_INTENTS
                                                and not phrases.SERVICE_WORDS.search(text)))
                and state.constraints.categories and not slots.get("item_ref")
                and (not phrases.is_question(text) and (phrases.MUST_HAVE.search(text) or phrases.SOFT_WISH.search(text))
                     or phrases.WE_NEED.match(text))
                and any(self._asked(text, state.constraints.categories))):
            # "it has to be washable, babies are messy", "ideally machine washable, she gets jam on literally
            # everything", "hmm we really need washable. anything like that?": a requirement for what is shown
            intent = "refine"
        elif (intent in (*service.HANDOFF_INTENTS, "out_of_scope", "search_product", "feedback_dislike", "feedback_like")
              and state.shown and state.constraints.categories
              and not slots.get("item_ref") and not slots.get("category")  # ("something with storage underneath" under beds)
              and _ONE_WITH.match(text) and any(self._asked(text, state.constraints.categories))
              and not phrases.TALK_TO_PERSON.search(text)):
            intent = "refine"  # "one with cable management, the wires drive me mad": a wish for what is shown
        kind = _ANY_KIND.match(text)
        if (state.shown and state.constraints.categories and not slots.get("item_ref")
                and (phrases.any_with(text) or kind and self._covers_or_is(kind.group(1), state.constraints.categories))
                and intent not in service.SERVICE_INTENTS and any(self._asked(text, state.constraints.categories))):
            # "any of those with storage drawers?": only those, or a plain no; "hmm any standing desks for that kind
            # of money?" (after a question about one desk): the standing ones
            intent, slots = "refine", {k: v for k, v in slots.items() if k != "category"}
        elif (state.shown and intent in ("refine", "search_product", "out_of_scope", "leave_review", "show_more",
                                       "feedback_like", "feedback_dislike")
                and (not slots.get("category") or phrases.ABOUT_THESE.search(text)
                     or self._covers(slots["category"], state.constraints.categories)
                     or slots["category"] in state.constraints.categories)
                and (phrases.is_question(text) or re.match(r"\s*how (many|much)\b", text, re.I))
                and not phrases.WANTS_OTHERS.search(text) and not any(slots.get(k) for k in phrases.PRODUCT_SLOTS if k != "size")
                and not phrases.WE_NEED.match(text)
                and not slots.get("price_relative") and not slots.get("size_relative")
                and not (intent == "leave_review" and phrases.LEAVE_A_REVIEW.search(text))  # "where can I leave them a review?"
                and (any(product_qa.asks_about(text, p) for p in (self._product(i) for i in state.shown) if p)
                     or (intent in ("leave_review", "out_of_scope") and product_qa.asks_field(text)))):
            # "anti-tip?", "how many shelves", "do any of these have removable cushion covers?",
            # "how much it cost and how many people give review?"
            intent, slots = "product_question", {k: v for k, v in slots.items() if k != "category"}
        return _as_read(nlu, intent, slots)

    def _read_request_kind(self, state: DialogueState, text: str, nlu: NLUResult) -> NLUResult:
        """Which kind of request the message makes: back to an earlier category, more of these, a farewell,
        the cart or another product, complements, "not that brand", refining suggested complements."""
        intent, slots = nlu.intent, nlu.slots
        said = slots.get("category")
        if isinstance(said, str) and state.shown and intent in ("search_product", "refine"):
            # "something cheaper, under 100 a chair" with dining chairs shown: the kind of chair shown
            categories = self.s.retriever.vocabulary.get("categories", [])
            several = [names for _, names in mentioned_categories(text, categories) if said in names and len(names) > 1]
            kinds = {p.leaf_category for p in map(self._product, state.shown) if p is not None}
            here = [c for c in several[0] if c in kinds] if len(several) == 1 else []
            if len(here) == 1 and here[0] != said and member_by_purpose(several[0], text) is None:
                slots = {**slots, "category": here[0]}
        if (intent == "complement_request" and state.shown and not slots.get("item_ref")
                and all(is_room(c) for c in slot_values(slots, "category"))
                and any(slots.get(k) for k in ("color", "material", "style")) and _GOES_WITH_THE_ROOM.search(text)):
            intent = "refine"  # "green would go with the walls" under curtains: green curtains, not things to go with them
            slots = {k: v for k, v in slots.items() if k != "category"}
            nlu = _as_read(nlu, intent, slots)
        refs = slots.get("item_ref") or []
        if (intent in ("refine", "search_product", "show_more") and refs and max(refs) > len(state.shown)
                and re.search(r"\b(?:both|all)\b", text, re.I) and not phrases.EXPLICIT_REF.search(text)):
            # "ok ikea is fine after all, show me both again" with one shown: both kinds, not products #1 and #2
            slots = {k: v for k, v in slots.items() if k != "item_ref"}
            nlu = _as_read(nlu, intent, slots)
        if (intent == "complement_request" and refs and max(refs) > len(state.shown) and not phrases.EXPLICIT_REF.search(text)
                and re.search(r"\b(?:need|want|seat|for|get)\s+(?:\d{1,2}|two|three|four|five|six|seven|eight|ten|twelve)\b", text, re.I)):
            # "what chairs would go with it? we need six": how many, not product #6
            slots = {k: v for k, v in slots.items() if k != "item_ref"}
            nlu = _as_read(nlu, intent, slots)
        if (intent in ("return_item", "delivery_time", "delivery_options", "order_status") and slots.get("category")
                and not service.names_topic(intent, text) and not service.shop_topic(text) and not slots.get("order_id")
                and ((phrases.SHOPPING_OPENER.search(text) or phrases.SHOW_AGAIN.search(text)) and not service.says_damaged(text)
                     or phrases.WANTS_TO_BUY.search(text) and not phrases.ORDER_WORDS.search(text))):
            # "I'm buying an armchair for my dad. It has to arrive ready to use", "nah, show me the sofas again",
            # "one of our dining chairs cracked at the back. can i buy just one?": a product wanted, not an order's matter
            intent = "search_product"
            nlu = _as_read(nlu, intent, slots)
        if (intent in ("return_item", "complaint", "order_status") and not slots.get("order_id")
                and not service.names_topic(intent, text) and not service.shop_topic(text) and not service.says_damaged(text)
                and phrases.FURNISHING.search(text) and not phrases.ORDER_WORDS.search(text)):
            # "the guest room has literally nothing in it except a mattress on the floor": a room to furnish
            intent = "search_product"
            nlu = _as_read(nlu, intent, slots)
        if (intent == "order_status" and not slots.get("order_id") and state.last_action in ("service", "handoff")
                and re.search(r"\b(?:i'?ll|we'?ll|i will|we will|gonna)\s+(?:just\s+)?(?:send|ship|post)\s+(?:it|them)\s+back\b", text, re.I)
                and re.search(r"\bhow (?:does|do|would|will) (?:that|it|this|returns?) work\b|\bhow do i\b|\?", text, re.I)):
            # "the app says it shipped already. guess i'll send them back when they show up, how does that work?"
            intent = "return_item"
            nlu = _as_read(nlu, intent, slots)
        if intent == "product_question" and phrases.SEND_IT_BACK.search(text):
            intent = "return_item"  # "if it turns out too firm, can I send it back?": the return policy, not its firmness
            slots = _order_id_only(slots)
            nlu = _as_read(nlu, intent, slots)
        if (intent in ("search_product", "refine", "out_of_scope") and service.says_damaged(text)
                and (phrases.ORDER_WORDS.search(text) or phrases.BOUGHT_FROM_US.search(text))
                and not phrases.SHOPPING_OPENER.search(text) and not phrases.WANTS_TO_BUY.search(text) and not slots.get("price_max")):
            # "The sofa came today with a broken leg and we've got people over tomorrow. What now??": a damaged delivery
            intent, slots = "return_item", {k: v for k, v in slots.items() if k in ("order_id", "category")}
            nlu = _as_read(nlu, intent, slots)
        if (intent in ("search_product", "refine", "out_of_scope") and service.is_upset(text) and _SHOP_PEOPLE.search(text)
                and not phrases.SHOPPING_OPENER.search(text) and not phrases.WANTS_TO_BUY.search(text)):
            # "your delivery drivers left my brand new sofa OUTSIDE IN THE RAIN. absolutely unacceptable"
            intent, slots = "complaint", _order_id_only(slots)
            nlu = _as_read(nlu, intent, slots)
        rugs = [c for c in state.constraints.categories if "rug" in c.lower()]
        if (rugs and intent in ("search_product", "refine") and slots.get("category") and goes_under_furniture(text)
                and not any("rug" in v.lower() for v in slot_values(slots, "category")) and re.search(r"\b(?:one|it|something)\b", text)):
            # "i need one big enough to go under a queen bed" under rugs: a rug, at least 5 feet wide (the queen is the bed's)
            # ("5x8 or bigger, it goes under the dining table": the rug's own sizes stay)
            rug_sizes = [v for v in slot_values(slots, "size") if re.search(r"\d\s*'?\s*x\s*\d|\bround\b", str(v), re.I)]
            intent, slots = "refine", {**{k: v for k, v in slots.items() if k not in ("category", "size")}, "category": rugs[0],
                                       **({"size": rug_sizes[0] if len(rug_sizes) == 1 else rug_sizes} if rug_sizes else {})}
            rug_under_furniture(slots, text)
            nlu = _as_read(nlu, intent, slots)
        grams = ([gram for gram, names in mentioned_categories(text, self.s.retriever.vocabulary.get("categories", []))]
                 if intent == "search_product" and state.shown and slots.get("category") and not is_new_request(state.constraints, slots)
                 else [])
        if grams and all(re.search(rf"\b(?:\d{{1,2}}\s*\+?|adjustable|removable|extra|more|fixed|deep|deeper)\s+{re.escape(gram)}\b", text, re.I)
                         for gram in grams):
            # "at least 5 shelves and not more than 300", "must have adjustable shelves" under bookcases: the shelves are
            # a feature of the same request
            intent = "refine"
            nlu = _as_read(nlu, intent, slots)
        matched = phrases.TO_MATCH_MINE.search(text)
        if (matched and state.shown and state.constraints.categories and not slots.get("item_ref")
                and intent in ("complement_request", "search_product", "out_of_scope")
                and not mentioned_categories(text[:matched.start()], self.s.retriever.vocabulary.get("categories", []))
                and slots.get("category") and not set(slot_values(slots, "category")) & set(state.constraints.categories)
                and any(slots.get(k) for k in ("color", "material", "style"))):
            # "any in espresso? to match my shelves" under desks: espresso desks (the shelves are theirs); "we'd like
            # it in rust or green to go with the rug" under sectionals: rust or green sectionals (not "and a rug in
            # green to go with the sofa?")
            intent, slots = "refine", {k: v for k, v in slots.items() if k != "category"}
            nlu = _as_read(nlu, intent, slots)
        if state.shown and intent in ("refine", "search_product", "show_more", "complement_request") and phrases.ANY_OF_THESE.match(text) \
                and not any(slots.get(k) for k in ("price_max", "price_min", "brand", "category", "color")):
            # "do any of these come with cushions?": answered for each one shown (not "any of those with cushions?")
            intent, slots = "product_question", {k: v for k, v in slots.items() if k != "item_ref"}
            nlu = _as_read(nlu, intent, slots)
        if (state.shown and phrases.FEATURE_ONES.match(text) and intent in ("product_question", "search_product", "refine", "show_more")
                and any(self._asked(text, state.constraints.categories))):
            # "foldable ones?" under outdoor chairs: only the foldable ones
            intent, slots = "refine", {k: v for k, v in slots.items() if k != "item_ref"}
            nlu = _as_read(nlu, intent, slots)
        if (intent in ("search_product", "out_of_scope", "complaint") and state.shown and not slots.get("order_id")
                and (phrases.IT_NEEDS.match(text) or (intent == "search_product" and phrases.SOFT_WISH.search(text)
                                                      and any(self._asked(text, state.constraints.categories))))
                and (not slots.get("category") or slots.get("category") in state.constraints.categories)):
            # "it needs adjustable shelves" under bookcases, "adjustable shelves would be great, white or natural oak":
            # a wish for these, not a new search
            intent, slots = "refine", {k: v for k, v in slots.items() if k != "category"}
            nlu = _as_read(nlu, intent, slots)
        if (phrases.SIMILAR.search(text) and (state.shown or state.focus_id) and not state.constraints.categories
                and not slots.get("category") and intent in ("show_more", "refine", "search_product", "out_of_scope")):
            # "ok anything similar I could get now?" after "do you have the Asher Rolled-arm Linen Sofa in stock?"
            about = self._product(state.focus_id) or self._product(state.shown[0])
            if about is not None and about.leaf_category:
                if not state.shown:
                    state.shown = [about.id]  # the product asked about by name, its card shown with the answer
                position = state.shown.index(about.id) + 1 if about.id in state.shown else 1
                intent, slots = "refine", {**slots, "category": about.leaf_category, "item_ref": [position],
                                           **({"in_stock": True} if phrases.IN_STOCK.search(text) else {})}
                nlu = _as_read(nlu, intent, slots)
        if (phrases.BACK_TO.search(text) and (state.earlier or state.shown) and intent not in service.SERVICE_INTENTS
                and intent not in ("complement_request", "product_question", "compare", "add_to_cart", "feedback_like",
                                   "feedback_dislike") and not phrases.GOES_WITH.search(text)):
            said = slots.get("category")
            options = ([said] if isinstance(said, str) else list(said or [])) or [
                name for _, names in mentioned_categories(text, self.s.retriever.vocabulary.get("categories", [])) for name in names]
            # "back to the tables": the tables looked at before, among every kind of table
            named = options[0] if len(options) == 1 else next(
                (c for c in options if c in state.earlier or c in state.constraints.categories), None)
            current = named in state.constraints.categories
            if isinstance(named, str) and (named in state.earlier or current) and not (current and phrases.MORE.search(text)):
                # "no, go back to the sofas please", "back to the coffee tables, show me those again" (not "any more?")
                intent, slots = "refine" if current else "search_product", {**slots, "category": named}
        if intent == "show_more" and any(slots.get(k) for k in phrases.PRODUCT_SLOTS):
            intent = "refine"  # "jute if possible"
        if (intent == "search_product" and state.shown and not any(slots.get(k) for k in (*phrases.PRODUCT_SLOTS, "category"))
                and phrases.is_question(text) and re.search(r"\b(?:it|they|them|this one|that one)\b", text, re.I)
                and not phrases.SHOPPING.search(text) and not phrases.MORE.search(text)):
            intent = "product_question"  # "will it go up a narrow staircase?" asks about what is shown
        if intent == "compare" and not state.shown and slots.get("category"):
            intent = "search_product"  # "what's the difference between a sectional and a sofa?" before any is shown
        if intent == "add_to_cart" and state.shown and re.search(r"\bside by side\b|\bhead[- ]to[- ]head\b", text, re.I):
            intent = "compare"  # "put #1 and #2 side by side", "put the first two head to head for me"
        if (state.shown and phrases.CHEAP_ALONE.match(text) and not slots.get("price_relative")
                and intent in ("refine", "search_product", "show_more", "out_of_scope")):
            intent, slots = "refine", {**slots, "price_relative": "lower"}  # "cheap" said alone under a list: cheaper ones
        elif (state.shown and not slots.get("price_relative")
              and re.search(r"\bthe cheaper the better\b|\bas cheap as (?:possible|you(?:'ve| have)? got)\b", text, re.I)
              and intent in ("refine", "search_product", "out_of_scope")
              and (not slots.get("category") or _generic_category(slots) or set(slot_values(slots, "category")) & {
                  *state.constraints.categories, *(p.leaf_category for p in self._shown_products(state))})):
            # "the cheaper the better for the chairs tbh, guests are buying them" under chairs suggested: cheaper ones
            intent = "refine"
            slots = {**{k: v for k, v in slots.items() if k not in ("category", "item_ref")}, "price_relative": "lower"}
            if state.last_action == "suggest_complements":
                intent, slots = self._onto_complements(state, intent, slots, text)
        if (state.shown and slots.get("price_max") is not None and not slots.get("price_relative")
                and re.search(r"\b(?:cheaper|less expensive|more affordable)\b", text, re.I)
                and any(p is not None and p.price and abs(p.price - float(slots["price_max"])) <= max(1.0, 0.02 * p.price)
                        for p in (self._product(i) for i in state.shown))):
            # "the navy one is nice but 139 feels like a lot to ask guests for? anything a bit cheaper": cheaper than it
            slots = {**slots, "price_relative": "lower"}
        said_price = slots.get("price_max") if slots.get("price_max") is not None else slots.get("price_min")
        if (state.shown and said_price is not None and slots.get("price_relative") == "lower"
                and intent in ("refine", "search_product", "out_of_scope", "feedback_dislike")
                and any(p is not None and p.price and abs(p.price - float(said_price)) <= max(1.0, 0.02 * p.price)
                        for p in (self._product(i) for i in state.shown))):
            # "$1300 for a chair?!? no way, cheaper": about the ones shown (a chair is one of them), under that price
            intent = "refine"
        if slots.get("price_relative") == "lower" and phrases.SUPERLATIVE.search(text) and intent in ("refine", "search_product"):
            # "ok whats the cheapest one then": the cheapest of what matches, not cheaper than what was shown
            slots = {k: v for k, v in slots.items() if k != "price_relative"}
        if (intent in ("greet", "out_of_scope", "thanks") or (intent in ("show_more", "refine", "search_product", "add_to_cart")
                                                            and not phrases.CART_WORD.search(text)
                                                            and not any(slots.get(k) for k in (*phrases.PRODUCT_SLOTS, "category"))
                                                            and not phrases.MORE.search(text))) and phrases.FAREWELL.search(text):
            intent = "goodbye"  # "ok danke, tschüss", "That will be all for today, thank you for your patience."
        if (slot_values(slots, "category") == ["Beds"] and phrases.FAREWELL.search(text)
                and len(re.findall(r"\bbeds?\b", text, re.I)) == len(re.findall(r"\b(?:off|go|going|heading|get|time)\s+to\s+bed\b", text, re.I))):
            # "ok off to bed, will decide tomorrow. night!": no beds asked for
            slots = {k: v for k, v in slots.items() if k != "category"}
            intent = "goodbye"
        parts = phrases.clauses(text)
        if (intent not in ("goodbye", "contact_human") and len(parts) > 1 and phrases.closing(parts[-1]) == "goodbye"
                and not slots.get("category") and not phrases.CART_WORD.search(text) and not phrases.is_question(parts[-1])
                and re.search(r"\b(?:nope|nah|no way|no thanks|no chance|forget it|not for me|too (?:much|expensive|pricey|dear))\b", text, re.I)):
            intent, slots = "goodbye", {}  # "389 in a heatwave?? nope. goodnight": a price refused, then leaving
        said_last = (intent not in ("goodbye", "thanks", "contact_human") and "?" not in text and not slots.get("order_id")
                     and re.search(r"\b(?:anyway|anyways|bye|keep (?:looking|browsing|searching)|elsewhere|around|night|gnight|goodnight|nite)\b",
                                   text[-40:], re.I))
        last = phrases.closing_said_last(text) if said_last else None  # (read only where a closing word ends the message)
        if (last
                and not (phrases.CART_WORD.search(text) and not re.search(r"\b(?:i'?ll|ill|i will|we'?ll)\s+just\s+(?:buy|get)\b", text, re.I))
                and not re.search(r"\b(?:show|need|want|looking for|any|anything|something|can you|could you|cheaper|bigger|smaller)\b",
                                  last[1], re.I)):
            # "figured. cash in a card it is 😂 thanks anyway, bye", "shag under a dining table is a nightmare with crumbs 😬
            # ill keep looking, thanks": a remark, then the chat closed
            intent, slots = last[0], {}
        if (intent == "add_to_cart" and state.shown and not phrases.CART_WORD.search(text) and phrases.is_question(text)
                and any(product_qa.asks_about(text, p) for p in (self._product(i) for i in state.shown) if p)):
            intent = "product_question"  # "can I throw it in the washing machine?" asks about it, adds nothing
        needs = phrases.NEEDS_TO.search(text) and not phrases.EXPLICIT_REF.search(text)
        if (intent in ("product_question", "add_to_cart", "out_of_scope") and state.shown and state.constraints.categories
                and (not slots.get("item_ref") or needs) and not phrases.CART_WORD.search(text)
                and (phrases.SOMETHING_WITH.match(text)
                     or ((phrases.SOFT_WISH.search(text) or phrases.NEEDS_TO.search(text)) and not phrases.is_question(text)))
                # (not "Is there storage underneath?" with one bed shown: a question about it)
                and not (len(state.shown) == 1 and re.match(r"\W*is there\b", text, re.I))
                and any(self._asked(text, state.constraints.categories))):
            # "smth w headrest?", "washable would be ideal", "stackable would be nice so i can put them away",
            # "It needs to seat four people." (four is no product number)
            intent = "refine"
            if needs:
                slots = {k: v for k, v in slots.items() if k != "item_ref"}
        if intent == "add_to_cart" and not phrases.CART_WORD.search(text) and not (
                state.shown and slots.get("item_ref") and _GO_WITH_CHOICE.search(text)) and not (
                state.shown and _GETTING_THE_ONE.search(text)) and not (
                state.last_action == "add_to_cart" and _THE_ONE_TOO.match(text)) and (  # ("grab me 2 sets of the charcoal one")
                slots.get("category") or mentioned_categories(text, self.s.retriever.vocabulary.get("categories", []))):
            # "now a rug to go next to it" names another product and no cart: never add something unasked
            intent = "complement_request" if phrases.GOES_WITH.search(text) else "search_product"
        if (intent == "add_to_cart" and state.shown and isinstance(slots.get("size"), str) and not slots.get("item_ref")
                and not phrases.CART_WORD.search(text) and not parse_item_refs(text) and re.search(r"\bsize\b", text, re.I)):
            intent = "refine"  # "twin size then, two of them": twin ones, two wanted
        if intent == "complement_request" and slots.get("category") and re.search(
                r"\b(?:\w+ )?more (?:of (?:them|those|the same) )?to match\b|\bsame ones? again\b"
                r"|\b(?:let'?s|lets|i'?ll|we'?ll|i want to|we want to|wanna|gonna)\s+start\s+with\b"
                r"|^\W*(?:(?:ok(?:ay)?|right|so|first)\W+)?start(?:ing)?\s+with\b", text, re.I):
            # "let's start with bedding, queen size" (a room being done): the first thing asked for
            intent = "search_product"  # "I bought two Sienna chairs in charcoal last spring, I want two more to match"
        if (intent == "feedback_dislike" and any(slots.get(k) for k in ("color", "material", "style", "brand"))
                and re.search(r"\bnot what i (?:asked|wanted|meant|said)\b|\bi (?:wanted|asked for|said)\b", text, re.I)):
            intent = "refine"  # "that's not what I asked, I wanted one with a marble top"
            slots = {k: v for k, v in slots.items() if k != "item_ref"}
        if (intent == "complement_request" and state.shown and isinstance(slots.get("category"), str)
                and slots["category"] not in state.constraints.categories
                and re.search(r"\b(?:pair|set|couple|two|2|three|3|four|4)\s+(?:of\s+)?matching\s+[a-z]+s\b(?!\s+(?:for|to|with)\b)", text, re.I)):
            intent = "search_product"  # "ok forget bedding for now. 2 matching nightstands, white": matching each other
        if intent == "complement_request" and not state.shown and not state.cart and slots.get("category") and (
                not phrases.GOES_WITH.search(text)
                # "a pair of matching nightstands": matching each other
                or re.search(r"\b(?:pair|set|couple|two|2|three|3|four|4)\s+(?:of\s+)?matching\b", text, re.I)
                # "need 2 more lounge chairs for the patio to match ours, black": more of what they have
                or re.search(r"\bto match (?:ours|mine|theirs|the ones (?:we|i) (?:have|got|own))\b", text, re.I)
                or (re.search(r"\bwith (?:it|them|that|this)\b", text, re.I)
                    and not re.search(r"\b(?:bought|have|got|own|ordered)\s+(?:a|an|the|my|our|some)\b", text, re.I))):
            # "velvet throw pillows that come with the insert", "white nightstands to go with it" (a bed frame ordered
            # before): nothing shown to match, the named kind is the request
            intent = "search_product"
        if (intent == "complement_request" and state.shown and not slots.get("category")
                and any(slots.get(k) for k in ("color", "material", "style"))
                and re.search(r"\bmatch(?:es)?\s+(?:the|my|our)\s+(?:floors?|flooring|walls?|paint|curtains|decor|room|kitchen|"
                              r"cabinets|trim|woodwork|furniture|(?:picture |photo )?frames|fixtures|fittings|hardware|handles|"
                              r"taps|accents|accessories)\b", text, re.I)):
            intent = "refine"  # "natural oak would match the floor better" under mirrors: oak mirrors, not floor lamps
        if (intent == "complement_request" and state.shown and not slots.get("category") and not phrases.GOES_WITH.search(text)
                and any(slots.get(k) for k in ("color", "material", "style", "brand"))):
            intent = "refine"  # "performance fabric would be best with the dogs": a wish for these, nothing to go with them
        if (intent == "complement_request" and state.shown and not slots.get("category") and not phrases.GOES_WITH.search(text)
                and state.constraints.categories and any(self._asked(text, state.constraints.categories))):
            intent = "refine"  # "extendable would be a nice bonus" under dining tables: a listed feature of these
        if (intent == "search_product" and phrases.GOES_WITH.search(text) and state.shown and phrases.ABOUT_IT.search(text)
                and not (_GOES_WITH_THE_ROOM.search(text) and not slots.get("category"))  # not "in terracotta to go with her bedroom"
                and not phrases.BOUGHT_HERE.search(text)):  # nor "bought the walnut bed from you, what nightstand goes with it?"
            intent = "complement_request"  # "and an office chair to go with it, navy"
        thing_for_it = _A_THING_FOR_IT.search(text) if state.shown and not slots.get("category") else None
        if thing_for_it and intent in ("refine", "search_product", "out_of_scope"):
            named = [names for gram, names in mentioned_categories(thing_for_it.group(1), self.s.retriever.vocabulary.get("categories", []))
                     if not is_room(gram)]
            if named and not set(named[0]) & set(state.constraints.categories):
                # "and a cushion to go in it, something rust or mustard?" under egg chairs: throw pillows for it
                intent, slots = "complement_request", {**slots, "category": named[0][0] if len(named[0]) == 1 else named[0]}
        if (intent == "complement_request" and state.shown and not slots.get("category") and phrases.IN_THE_BOX.search(text)
                and not phrases.GOES_WITH.search(text)):
            intent = "product_question"  # "what's included in the box with it? are screws and tools in there"
        if (slot_values(slots, "color") == ["natural"] and slots.get("material")
                and re.search(r"\bsomething natural\b|\bnatural (?:materials?|fib(?:re|er)s?|fabrics?)\b", text, re.I)):
            # "anything in linen? i want something natural": a natural material, no colour
            slots = {k: v for k, v in slots.items() if k != "color"}
        refused = slot_values(slots, "exclude_material")
        if "vegan" in [v.lower() for v in refused] and re.search(r"\b(?:is|'s|are|'re|went|gone|being|turned)\s+(?:a\s+)?vegan\b", text, re.I):
            # "no leather, my mother in law is vegan lol": a person who is vegan, no material refused
            rest = [v for v in refused if v.lower() != "vegan"]
            slots = {**{k: v for k, v in slots.items() if k != "exclude_material"},
                     **({"exclude_material": rest[0] if len(rest) == 1 else rest} if rest else {})}
        that = phrases.NOT_THAT.search(text)
        if that and not that.group(0).lower().startswith("not") and (
                slots.get("item_ref") or re.search(r"\b(?:come|comes|available|made)\b", text, re.I)):
            that = None  # "does the 2nd come in another colour?" asks about a product
        if that and state.shown:
            # "actually not that brand, the reviews put me off"
            field = {"colour": "color"}.get(that.group(1).lower(), that.group(1).lower())
            named = [s for s in nlu.spans if s.name == field]
            if slots.get(field) and named and all(s.end <= that.start() for s in named):
                # "hmm rust is a lot. other colours in linen?": rust is the one left out
                said = slots[field]
                slots = {k: v for k, v in slots.items() if k != field}
                intent, slots = "refine", {f"exclude_{field}": said, **slots}
            else:
                intent, slots = "refine", {f"exclude_{field}": "that", **slots}  # "not the ikea ones, other brands": IKEA
        intent, slots = self._onto_complements(state, intent, slots, text)
        if (intent in ("out_of_scope", "product_question", "complement_request") and state.shown
                and not slots.get("category") and phrases.is_question(text)
                and not (intent == "complement_request" and phrases.GOES_WITH.search(text))):  # "what chairs would go with the extendable one?"
            refs = [state.product_at(int(r)) for r in slots.get("item_ref") or []]
            about = (self._product(refs[0]) if refs else
                     self._product(state.focus_id) or (self._product(state.shown[0]) if len(state.shown) == 1 else None))
            if about is not None and product_qa.asks_about(text, about):
                # "what's the thread count?", "and the warranty on #2?", "what comes in the set with the second one?"
                intent = "product_question"
        if (intent == "refine" and len(state.shown) == 1 and phrases.is_question(text) and re.search(r"\w \bor\b \w", text)
                and len(text.split()) <= 6 and self._names_attribute_value(text, self._product(state.shown[0]))):
            intent = "product_question"  # "round or rectangular?" with one table shown: which one it is
        return _as_read(nlu, intent, slots)

    def _onto_complements(self, state: DialogueState, intent: str, slots: dict, text: str = "") -> tuple[str, dict]:
        """ "leather" under suggested office chairs, "cheaper, under 100 a chair" under suggested dining chairs:
        refining the suggestions, a request of their category (the request becomes theirs)."""
        shown = {self.products[i].leaf_category for i in state.shown if i in self.products}
        said = slots.get("category")
        if (len(shown) == 1 and None not in shown and isinstance(said, str) and said not in shown
                and set(said.lower().split()) < set(next(iter(shown)).lower().split())):
            # "pillows under 30 pls, not paying 100 for a cushion" under throw pillows: those pillows
            slots = {**slots, "category": next(iter(shown))}
            intent = "refine" if intent == "search_product" else intent
        if (state.last_action == "suggest_complements" and len(shown) == 1 and None not in shown
                and (intent == "out_of_scope" or intent == "complement_request" and not slots.get("category"))
                and (phrases.A_MUST.search(text) or phrases.SOFT_WISH.search(text))
                and any(self._asked(text, sorted(shown)))):
            # "has to be washable, we have a very muddy dog" under suggested rugs: washable rugs; "stackable would be
            # handy for storing the extras" under suggested dining chairs
            intent = "refine"
        if (state.last_action == "suggest_complements" and len(shown) == 1 and None not in shown
                and intent == "complement_request" and not slots.get("category")
                and any(slots.get(k) for k in ("color", "material", "style"))
                and re.search(r"\b(?:just|only)\s+(?:the\s+)?[a-z]+\s+ones?\b", text, re.I)):
            intent = "refine"  # "grey would go with the bed right? just grey ones" under suggested nightstands
        if not (state.last_action == "suggest_complements" and intent in ("refine", "search_product", "feedback_dislike")
                and (not slots.get("category") or {str(slots["category"])} == shown and (
                    intent == "refine" or any(slots.get(k) is not None for k in ("price_max", "price_min"))))):
            return intent, slots  # ("his dad says 150 max for the desk" under suggested desks: the suggestions, cheaper)
        slots = {k: v for k, v in slots.items() if k != "category"}
        asked = set(state.complement_filter.categories) if state.complement_filter else set()
        parents = self._parents()
        if asked and not shown & asked and not any(asked & set(parents.get(c, ())) for c in shown if c):
            # "a desk chair to go with it, also under 100" found none (the desks still on screen), then "fine, up to 150
            # then": the chairs asked for
            shown = asked
        within = asked and all(c in asked or asked & set(parents.get(c, ())) for c in shown if c)
        if None not in shown and (len(shown) == 1 or within):  # "a lamp to go with it", then "something not black"
            base = state.complement_filter or SearchFilter(exclude_brands=state.constraints.exclude_brands,
                                                           exclude_colors=state.constraints.exclude_colors,
                                                           exclude_materials=state.constraints.exclude_materials)
            state.constraints = base.model_copy(update={"categories": sorted(shown), "exclude_ids": []})
            state.query_text = " ".join(sorted(shown))
            intent = "refine" if intent != "feedback_dislike" else intent
        return intent, slots

    def _read_category(self, state: DialogueState, text: str, nlu: NLUResult, said_category: object) -> NLUResult | Reply:
        """The category the message names against the one being shopped: a feature of the current products,
        the same family, or a thing the shop does not sell (the reply says so)."""
        intent, slots = nlu.intent, nlu.slots
        if intent == "refine" and not state.shown and not state.constraints.categories:
            intent = "search_product"  # "anything by herman miller?" opens a request
        if (intent == "search_product" and state.shown and state.constraints.categories and slots.get("category")
                and not set(slot_values(slots, "category")) & set(state.constraints.categories)
                and (grams := [g for g, _ in mentioned_categories(text, self.s.retriever.vocabulary.get("categories", []))])
                and all(re.search(rf"\b(?:room|space|enough\s+space)\s+(?:for|to\s+put)\s+(?:a|an|the|her|his|my|our|some)?\s*(?:\w+\s+)?"
                                  rf"{re.escape(gram)}\b", text, re.I) for gram in grams)):
            # "a bit bigger? she wants room for a lamp and all her books" under nightstands: bigger nightstands
            return _as_read(nlu, "refine", {k: v for k, v in slots.items() if k != "category"})
        if intent == "search_product" and slots.get("category") and _GOES_WITH_IT.search(text):
            named = self.named_product(text) or self.described_product(text) or self._named_in_colour(text)
            if named is not None and named.leaf_category not in slot_values(slots, "category"):
                # "it's the terracotta Ellis one. thinking about an armchair to go next to it": armchairs for that sofa
                # (terracotta is the sofa's)
                return _as_read(nlu, "complement_request", {k: v for k, v in slots.items() if k not in ("color", "material", "style")})
        if (intent in ("search_product", "refine") and set(slots) == {"room"} and state.shown
                and len(state.constraints.categories) > 1):
            there = member_by_purpose(state.constraints.categories, text)
            if there:  # "for outside on the patio" under stackable chairs of every kind: the outdoor chairs
                intent, slots = "refine", {**slots, "category": there}
        forget = phrases.FORGET_THING.search(text)
        categories = self.s.retriever.vocabulary.get("categories", [])
        if forget and intent in ("search_product", "refine", "out_of_scope") and mentioned_categories(forget.group(0), categories):
            rest = text[:forget.start()] + " , " + text[forget.end():]
            others = [names for gram, names in mentioned_categories(rest, categories) if not is_room(gram)]
            if others:  # "forget the mirror, he'd use a floor lamp more": the floor lamp, not the mirror
                slots = {**slots, "category": others[-1][0] if len(others[-1]) == 1 else others[-1]}
                intent = "search_product"
        if (slots.get("category") == "Armchairs" and re.search(r"\bchairs?\b", text, re.I)
                and not re.search(r"\b(?:arm|accent|lounge|reading|club|wingback|swivel|comfy|cosy|cozy)\s*chairs?\b", text, re.I)):
            # "ok now a chair under 120" after desks: a chair for the desk
            around = {*state.constraints.categories, *(p.leaf_category for p in self._shown_products(state))}
            sits_at = {"Desks": "Office Chairs", "Dining Tables": "Dining Chairs"}
            # ... and "any cheaper white ones? that's a lot for one chair" under outdoor chairs: those chairs
            chair = next((c for c in state.constraints.categories if c != "Armchairs" and c.endswith("Chairs")), None) \
                or next((sits_at[c] for c in around if c in sits_at and sits_at[c] in categories), None)
            if chair:
                slots = {**slots, "category": chair}
        mentioned = mentioned_categories(text, categories) if re.search(r"\bfirst\b", text, re.I) else []
        named = [names for gram, names in mentioned if not is_room(gram)]
        first = [names for gram, names in mentioned if re.search(rf"\b{re.escape(gram)}s?\s+first\b", text, re.I)]
        if first and len(named) >= 2 and intent in ("search_product", "refine", "out_of_scope", "add_to_cart"):
            # "armchair plus a floor lamp. chair first": the armchair (the one named of the chairs), then the lamp
            wanted = next((names for names in named if len(names) == 1 and names[0] in first[0]), first[0])
            slots = {k: v for k, v in slots.items() if k != "item_ref"}
            slots["category"] = wanted[0] if len(wanted) == 1 else wanted
            intent = "search_product"
        if (intent in ("search_product", "refine") and not slots.get("category") and not state.constraints.categories and not state.shown
                and state.service_category and (re.search(r"\b(?:a|an|another|the same|new|\w+er) one\b", text, re.I)
                                                or isinstance(slots.get("size"), str)
                                                and any(p.size == slots["size"] for p in self._sample([state.service_category])))):
            # "I'd like a firmer one instead" after returning a mattress; "what i actually need is a king" after
            # cancelling the wrong size bed
            slots = {**slots, "category": state.service_category}
        broad = slots.get("category")
        if isinstance(broad, str) and broad not in self._parents():
            # "cute little lamp for my bedside table" (Lighting): the table lamps; "some nice bedding. a queen duvet
            # cover set" (Bedding): the one kind of bedding named
            leaves = [leaf for leaf, levels in self._parents().items() if broad in levels]
            named = {names[0] for _, names in mentioned_categories(text, leaves) if len(names) == 1}
            member = named.pop() if len(named) == 1 else None if named else member_by_purpose(leaves, text)
            if member:
                slots = {**slots, "category": member}
        said = slots.get("category")
        current = state.constraints.categories
        asking = slots.get("item_ref") or phrases.is_question(text)
        features = self._asked(text, current) if (said and current and state.shown) else ({}, {})
        feature_words = " ".join([*features[0], *features[1]]).lower()
        if (said and current and isinstance(said, str) and said not in current and state.shown and not asking
                and any(features)
                and not [g for g, _ in mentioned_categories(text, [said]) if g.lower() not in feature_words]):
            # "one with removable cushion covers" under sofas: a feature of the sofas, not throw pillows
            slots = {k: v for k, v in slots.items() if k != "category"}
            intent = "refine"
        family = slots.get("category")
        if (intent == "search_product" and state.shown and family and set(slot_values(slots, "category")) == set(current)
                and not phrases.SHOPPING_OPENER.search(text) and not phrases.MORE.search(text) and any(self._asked(text, current))):
            intent = "refine"  # "actually it has to be a standing desk" under desks: a feature of the desks being chosen
        if self._covers(family, state.constraints.categories):
            # "show me more of those stands" under TV stands, "nothing bohemian for the lamp" under floor lamps
            slots = {k: v for k, v in slots.items() if k != "category"}
            if intent == "search_product" and phrases.MORE.search(text) and state.shown:
                intent = "show_more"
        elif (intent == "search_product" and state.shown and family and set(slot_values(slots, "category")) == set(current)
              and slots.get("price_relative") == "lower" and not phrases.SHOPPING_OPENER.search(text)):
            # "bit pricey for a tv stand. anything cheaper?" under tv stands: cheaper ones of those
            intent, slots = "refine", {k: v for k, v in slots.items() if k != "category"}
        if (intent == "search_product" and not slots.get("category") and not state.shown
                and (isinstance(said_category, str) or _DAYS_GREY.search(text) and set(slots) <= {"color", "room"})
                and _WEATHER_TALK.search(text) and (not phrases.is_question(text) or _WEATHER_ASKED.search(text))
                and not phrases.WANTS_OTHERS.search(text) and not phrases.SHOPPING_OPENER.search(text) and not phrases.DO_YOU_SELL.search(text)):
            # "morning! wind just knocked my neighbours bins over lol 🌬️" (no bins asked for), "ugh another grey drizzly
            # sunday ☔ is it ever gonna stop raining?" (the day's grey): weather talk
            return _as_read(nlu, "greet" if phrases.HELLO.search(text) else "out_of_scope", {})
        if (intent == "search_product" and isinstance(said_category, str) and not slots.get("category")
                and not is_room(said_category) and not slots.get("room") and len(said_category) >= 3
                and (phrases.DO_YOU_SELL.search(text) or not state.constraints.categories)
                and not phrases.VAGUE_THING.fullmatch(said_category.strip()) and not phrases.OCCASION.search(said_category)
                and not said_category.strip().lower().endswith("ing")  # "she loves reading": a pastime, not a product
                # "been up since 5 making pie crust lol": what they are doing, not a product asked for
                and not re.search(rf"\b(?:making|baking|cooking|eating|watching|building|painting|fixing|doing|playing)\s+(?:\w+\s+)?"
                                  rf"{re.escape(said_category.strip().split()[0])}\b", text, re.I)
                and not re.search(rf"{_THEIRS}{re.escape(said_category.strip().split()[-1])}\b", text, re.I)
                # ("something a bit bigger? I have two monitors": theirs, the reason; "about 30 inches of wall free":
                # the space there is)
                and not re.search(rf"\b(?:inch(?:es)?|in|cm|ft|feet|foot|metres?|meters?|m)\s+of\s+(?:\w+\s+)?"
                                  rf"{re.escape(said_category.strip().split()[0])}\b", text, re.I)
                and not service.shop_topic(text)  # "do you gift wrap?": a service of the shop
                and not _TIPS_ASKED.search(text)  # "whats the trick to keep burgers from falling apart on the grill lol"
                and not _THANKS_ANYWAY.search(text)  # "nvm i'll grab a candle at the petrol station lol. thanks tho"
                and problem_in(text) is None  # "the street light outside my new room is SO bright": a trouble, curtains help
                # ("the courier texted that they're switching to evening slots now??": delivery, nothing to buy)
                and not re.search(r"\b(?:courier|driver|delivery|slots?)\b", text, re.I)
                and not set(said_category.lower().split()) & self._attribute_words()
                and not self._in_titles(self._thing_named(said_category, text)) and self.named_product(text) is None
                and not mentioned_categories(text, self.s.retriever.vocabulary.get("categories", []))):
            # "do you sell refrigerators?", "fluffy white bath towels": say so, never show something else as if it were one
            return self._not_sold(state, _as_read(nlu, intent, slots), self._thing_named(said_category, text))
        asked = phrases.DO_YOU_SELL_THING.search(text)
        head = singular_word(asked.group(1).lower().split()[-1]) if asked else ""
        if (asked and intent in ("search_product", "out_of_scope", "greet") and slots.get("category")
                and (len(head) >= 4 or len(head) == 3 and not self._known_modifier([head, head]))  # ("desk fan", not "hampton bay")
                and len(asked.group(1).split()) > 1 and not service.shop_topic(text) and not phrases.SERVICE_WORDS.search(text)
                and not re.match(r"(?:that|which|who|with|for|from|in|on|at|to|them|it)\b", asked.group(1), re.I)
                and not phrases.VAGUE_THING.fullmatch(head) and not phrases.SHOP_FEATURE.search(head) and not is_room(head)
                and not mentioned_categories(head, self.s.retriever.vocabulary.get("categories", []))
                # (the category read from a word of the thing asked: "outdoor" of "outdoor paint")
                and mentioned_categories(asked.group(1), self.s.retriever.vocabulary.get("categories", []))
                and not self._in_titles(head) and head not in self._attribute_words() and self.named_product(text) is None):
            # "do you sell outdoor paint": paint, whatever "outdoor" names (not outdoor chairs); "a desk fan or any kind
            # of fan": desk fans
            thing = re.sub(r"\s+or\s+(?:any|some)\s+(?:kind|sort|type)s?\s+of\s+[a-z]+$", "", asked.group(1).lower())
            return self._not_sold(state, _as_read(nlu, intent, {}), thing if thing == asked.group(1).lower() else pluralize(thing))
        if (asked and intent in ("search_product", "out_of_scope", "greet") and not slots.get("category")
                and not service.shop_topic(text) and not phrases.SERVICE_WORDS.search(text)
                and not phrases.SHOP_FEATURE.search(asked.group(1))
                and not any(slots.get(k) for k in ("brand", "color", "material", "style")) and self.named_product(text) is None
                and not mentioned_categories(text, self.s.retriever.vocabulary.get("categories", []))):
            thing = " ".join(w for w in asked.group(1).lower().split() if not is_room(w))
            words = [singular_word(w) for w in re.findall(r"[a-z]+", thing)]
            if words and not phrases.VAGUE_THING.fullmatch(words[-1]) and not (self._in_titles(thing) and self._known_modifier(words)) \
                    and words[-1] not in self._attribute_words():
                # "do you sell bathroom vanities?": a thing no product is, said so (the room alone is no answer)
                return self._not_sold(state, _as_read(nlu, intent, slots), asked.group(1).lower())
        said = [singular_word(w) for w in re.findall(r"[a-z]+", asked.group(1).lower())] if asked else []
        if (asked and intent in ("search_product", "out_of_scope") and slots.get("category") and len(said) == 2
                and (self._in_titles(asked.group(1)) or mentioned_categories(said[-1], self.s.retriever.vocabulary.get("categories", [])))
                and not self._known_modifier(said) and not _DESCRIBING_WORD.search(said[0])
                and not any(slots.get(k) for k in ("brand", "color", "material", "style", "size"))
                and not service.shop_topic(text) and self.named_product(text) is None and not kinds_named(text)):
            # (a kind the shop knows of, "bunk beds", is said so below, with the beds shown)
            # "yo do u sell lava lamps": lamps are sold, lava lamps are not; "halloween decorations" neither: said so
            return self._not_sold(state, _as_read(nlu, intent, {}), asked.group(1).lower())
        also = _AND_A_THING.match(text)
        words = [singular_word(w) for w in re.findall(r"[a-z]+", also.group(1).lower())] if also else []
        if (also and state.shown and intent in ("search_product", "refine", "out_of_scope", "complement_request")
                and not slots.get("category") and not mentioned_categories(also.group(1), self.s.retriever.vocabulary.get("categories", []))
                and not phrases.VAGUE_THING.fullmatch(words[-1]) and not self._in_titles(also.group(1).lower())
                and words[-1] not in self._attribute_words() and self.named_product(text) is None):
            # "and an umbrella? its gonna be 98 in the shade" under patio sets: none sold, said so
            return self._not_sold(state, _as_read(nlu, "search_product", {}), pluralize(also.group(1).lower()))
        return _as_read(nlu, intent, slots)

    def _read_problem(self, state: DialogueState, text: str, nlu: NLUResult) -> NLUResult:
        """A trouble at home said instead of a product ("I wake up with a sore neck", "the cat keeps scratching the
        sofa"): a search for what helps, with the features that matter where the catalog lists them (``problems``)."""
        intent, slots = nlu.intent, nlu.slots
        if slots.get("item_ref") or intent not in ("search_product", "out_of_scope", "complaint", "return_item", "smalltalk",
                                                   "greet", "feedback_dislike", "refine", "complement_request"):
            return nlu
        loose = problem_in(text)  # the trouble whatever kind is named (read once: each rule below asks it)
        if (state.shown and phrases.is_question(text) and intent != "product_question" and loose is not None
                and re.search(r"\bwhich\s+(?:one\s+|ones\s+|of\s+(?:them|these|those)\s+)?(?:is|are|would|has|feels)\b", text, re.I)):
            # "my mother in law has a bad back, which one is firmer?": a question about the ones shown
            return _as_read(nlu, "product_question", {})
        if (intent == "complaint" and state.shown and state.constraints.categories and not slots.get("order_id")
                and not phrases.SERVICE_WORDS.search(text) and self._asked(text, state.constraints.categories)[0]):
            # "with cable management pls, the wires are a disaster" under tv stands: a feature wished, no complaint
            return _as_read(nlu, "refine", {k: v for k, v in slots.items() if k != "category"})
        if (loose is not None and state.shown and state.constraints.categories
                and not category_matches(loose.category, state.constraints.categories, typos=False)
                and self._asked(text, state.constraints.categories)[0]):
            # "has to be a standing one tbh, my back is wrecked" under desks: a feature of the desks, the back the reason
            return _as_read(nlu, "refine", {k: v for k, v in slots.items() if k != "category"})
        if intent == "refine" and state.shown:
            if not (loose and state.constraints.categories and re.search(r"\b(?:need|want|get)\b", text, re.I)
                    and not category_matches(loose.category, state.constraints.categories, typos=False)):
                return nlu
            # "oh and my pillow is flat as a pancake, need a firm one too" under mattresses: a pillow search
            intent, nlu = "search_product", _as_read(nlu, "search_product", slots)
        categories = self.s.retriever.vocabulary.get("categories", [])
        tagged = slots.get("category") if isinstance(slots.get("category"), str) else None
        problem = problem_in(text, tagged) if tagged is not None else loose
        if (problem and not tagged and slots.get("room") and phrases.FURNISHING.search(text)
                and not (problem.category == "bookcase" or problem.features)):
            # "i want to redo my bedroom, it's so dark and gloomy in there": the room's project, asked about (not
            # "books everywhere in my new flat, literally stacked on the floor": a bookcase, wherever they live)
            return nlu
        if intent == "complement_request" and not (problem and tagged and singular(tagged).lower() in problem.replaces):
            # "something to sit on at that desk too, my lower back kills me": the desk is the place, the chair the
            # wish; otherwise things to go with what is shown
            return nlu
        room = slots.get("room") if isinstance(slots.get("room"), str) else state.room
        if (problem is None and tagged and singular(tagged).lower() not in text.lower()
                and (room is None or _in_room(room, "Office"))):
            # "mostly need a chair. my back is killing me after a full day on the laptop" (in a home office): the
            # generic "chair" read as armchairs; the problem's office chair is the chair meant
            if loose and singular(tagged).lower().endswith(loose.category.split()[-1]):
                problem = loose
        found = category_matches(problem.category, categories, typos=False) if problem else []
        if not found:
            return nlu
        sample = self._sample(found[:1])
        features = {k: v for k, v in problem.features.items()  # (only where the catalog lists them: "firmer", "lumbar support")
                    if any(meets_attribute(p, k, v) for p in sample)}
        return _as_read(nlu, "search_product", {**slots, "category": found[0], "problem_note": problem.note,
                                                **({"problem_features": features} if features else {})})

    def _read_kinds(self, state: DialogueState, text: str, nlu: NLUResult) -> NLUResult | Reply:
        """A kind of product named by more than its category word ("a sofa bed", "bunk beds", "a recliner"):
        the products whose titles name it, or, when the catalog has none, the reply says so (see ``kinds``)."""
        intent, slots = nlu.intent, nlu.slots
        if _asks_about_shown(state, text, intent):
            intent = "refine"  # "do any of them recline?" under armchairs: the recliners among them
        if intent not in ("search_product", "refine", "out_of_scope", "greet", "complement_request") or slots.get("item_ref"):
            return nlu
        if _THANKS_ANYWAY.search(text) and not phrases.is_question(text):
            return nlu  # "nvm i'll grab a candle at the petrol station lol. thanks tho": no candle asked for
        let_go = [m.span() for m in phrases.FORGET_THING.finditer(text)]
        named = [(kind, said) for kind, said in kinds_named(text)  # not "... bigger? I have two monitors": theirs
                 # nor "actually scrap the sofa bed, a proper queen bed would be better": the kind let go
                 if not any(start <= said.start() < end for start, end in let_go)
                 and not (state.constraints.categories and _FITS_THEIR_THINGS.search(text[:said.start()]))
                 and not re.search(rf"{_THEIRS}$"
                                  # "we're sleeping on an air mattress": how they manage now, not the wish
                                  # ("... and we're on the air mattress lol")
                                  r"|\b(?:sleeping|sleep|sitting|sat|living|eating|working|we'?re|were|i'?m|we are|i am|stuck)\s+"
                                  r"(?:on|in|at|off)\s+(?:an?|the|our|my|some)\s+(?:\w+\s+)?$",
                                  text[:said.start()], re.I)]
        if not named or self.named_product(text) is not None:
            return nlu
        self._fresh_caches()
        have, missing = [], []
        for kind, said in named:
            if kind.name not in self._kinds_carried:
                self._kinds_carried[kind.name] = carried(kind, self.products.values())
            words, categories = self._kinds_carried[kind.name]
            (have if words else missing).append((kind, said, words, categories))
        if have:
            kind, said, words, categories = have[0]
            tagged = slots.get("category")
            # "a round coffee table": the coffee tables titled round (not the category most round things are in)
            current = [c for c in state.constraints.categories if categories.get(c)] if not tagged else []
            # ... and "a round one?" under wall mirrors: the mirrors titled round
            category = (tagged if isinstance(tagged, str) and categories.get(tagged) else current[0] if current
                        else categories.most_common(1)[0][0])
            if any(str(v).lower() in words for p in self._sample([category]) for v in (p.attributes or {}).values()):
                return nlu  # "do you have round ones?" under dining tables, which list their shape: the shape listed
            slots = {**slots, "category": category, "title_words": words}
            same = category in state.constraints.categories and bool(state.shown)
            intent = ("search_product" if intent in ("out_of_scope", "greet")
                      # "actually a recliner would be ideal for him" under armchairs: recliners, nothing to go with them
                      or intent == "complement_request" and category in state.constraints.categories and not phrases.GOES_WITH.search(text)
                      else intent)
            if intent in ("search_product", "complement_request") and same and not phrases.GOES_WITH.search(text):
                intent = "refine"  # ... the kind among those being chosen: "actually it has to be a standing desk" under desks
        if missing:
            names = [kind.name for kind, *_ in missing]
            rest = text
            for _, said, *_ in missing:
                rest = rest.replace(said.group(0), " ")
            heads = {singular(name.split()[-1]).lower() for name in names}
            others = [m for m in mentioned_categories(rest, self.s.retriever.vocabulary.get("categories", [])) if not is_room(m[0])
                      # (not "desk fan, ceiling fan, anything": a desk fan is a fan)
                      and not any(re.search(rf"\b{re.escape(m[0])}\s+{re.escape(h)}s?\b", rest, re.I) for h in heads)]
            if not have and not others and not any(kind.broader for kind, *_ in missing):
                # "do you have computer monitors or a printer stand?": nothing of the kind, and no stand is one
                return self._not_sold(state, _as_read(nlu, intent, {k: v for k, v in slots.items() if k != "category"}),
                                      " or ".join(names))
            slots = {**slots, "missing_kind": " or ".join(names)}
            intent = "search_product"
        return _as_read(nlu, intent, slots)

    async def _read_wishes(self, state: DialogueState, text: str, nlu: NLUResult) -> NLUResult | Reply:
        """Wishes said as feedback or in service words ("not metal please"), and values the shopper takes back
        ("forget the green")."""
        intent, slots = nlu.intent, nlu.slots
        colours = [str(c).lower() for c in slot_values(slots, "color")]
        # (not "only white or cream please")
        only = (re.search(r"\b(?:only\s+(?:in\s+)?([a-z]+)\b(?!\s*(?:or|and|/|,|&)\s)|(?<!or )(?<!and )(?<!, )([a-z]+)\s+(?:ones\s+)?only)\b",
                          text, re.I) if len(colours) > 1 else None)
        said_only = next((g.lower() for g in only.groups() if g), None) if only else None
        if said_only in colours:
            slots = {**slots, "color": next(c for c in slot_values(slots, "color") if str(c).lower() == said_only)}
            # "black only please, it's going in a black and white office": black (white is the room's)
        none_in = re.search(r"\b(?:none|nothing|no\s+\w+)\s+in\s+([a-z]+(?:\s[a-z]+)?)\s*\?", text, re.I)
        if none_in and [str(v).lower() for v in slot_values(slots, "exclude_color")] == [none_in.group(1).lower()]:
            # "none in mustard?": asks for mustard ones, excludes nothing
            slots = {**{k: v for k, v in slots.items() if k != "exclude_color"}, "color": none_in.group(1).lower()}
            intent = "refine" if state.shown else intent
        instead = _SIZE_INSTEAD.search(text)
        if instead and intent in ("refine", "search_product") and state.constraints.sizes:
            # "actually we measured and a king won't fit lol. queen instead": the queen, not the king named
            said = next(g for g in instead.groups() if g).lower()
            slots = {**slots, "size": _bed_size(said)}
        only_in_stock = re.search(r"\b(?:only|just)\b.{0,30}\bin[- ]stock\b|\bin[- ]stock\s+(?:only|ones only)\b", text, re.I)
        asks_stock = re.search(r"\b(?:is|are)\s+(?:it|they|this|that|these|those|the \w+(?: one)?)\s+(?:\w+\s+)?(?:in[- ]stock|available)",
                               text, re.I)  # "is it in stock?" asks about a product; "got one that's in stock?" filters
        if (phrases.IN_STOCK.search(text) and not slots.get("item_ref") and not (phrases.is_question(text) and asks_stock)
                and (intent in ("search_product", "refine", "show_more", "out_of_scope", "product_question")
                     or (only_in_stock and intent in ("delivery_time", "delivery_options") and state.constraints.categories
                         and not slots.get("order_id")))):
            # "only what's in stock please, I need it before the 4th of July": the filter; the date is theirs
            # "only ones that are actually in stock please": a filter, not a question about one product's stock
            slots = {**slots, "in_stock": True}
            if intent not in ("search_product", "refine"):
                intent = "refine" if state.shown or state.constraints.categories else "search_product"
        kind = phrases.NOT_THE_ONES.search(text) or phrases.NOT_THAT_KIND.search(text) or _NOT_A_WORD.search(text)
        those = phrases.THOSE_ARE_KIND.search(text) if state.shown else None
        if those and any(re.search(rf"\b{re.escape(those.group(1))}", p.title, re.I) for p in self._shown_products(state)):
            # "those are egg chairs 😂 i need normal chairs": that kind let go and left out
            kind, state.constraints.title_words = those, []
            slots = {k: v for k, v in slots.items() if k not in ("material", "title_words")
                     or not re.search(rf"\b{re.escape(those.group(1))}\b", str(v), re.I)}
            if intent == "complement_request":
                intent = "refine"
        # (the kind of what is shown: "no bar stools lol, actual chairs" under chairs suggested for a table)
        kinds_shown = list(dict.fromkeys([*state.constraints.categories, *(
            p.leaf_category for i in state.shown if (p := self._product(i)) is not None and p.leaf_category)]))
        current = {c.lower() for c in kinds_shown}
        named = {v.lower() for v in slot_values(slots, "category")}
        if _AT_A_TABLE.search(text):  # "no bar stools tho, they have to work at a normal table": the table they sit at
            named = {c for c in named if "table" not in c}
        if (kind and state.shown and intent not in service.SERVICE_INTENTS
                and not any(slots.get(k) for k in phrases.PRODUCT_SLOTS
                            if k not in ("category", "exclude_category", "price_max", "price_min", "size"))
                and (named <= current or current & named)  # ("actual chairs": every kind)
                and {v.lower() for v in slot_values(slots, "exclude_category")} <= current
                and any(re.search(rf"\b{re.escape(kind.group(1).lower())}", p.title.lower())
                        for p in [*(self._product(i) for i in state.shown), *self._sample(kinds_shown)] if p)):
            # "not the gaming ones", "not a swivel chair though" under armchairs (no armchairs at all would leave
            # nothing; "not patio chairs" under every kind of chair is the category); "keep it under 300 and no
            # gaming chairs pls" under office chairs (the budget too)
            intent = "refine"
            slots = {**{k: v for k, v in slots.items() if k not in ("category", "exclude_category", "title_words")},
                     "exclude_word": kind.group(1).lower()}
            # "I don't love the recliners": no longer asked for either ("maybe a recliner" before)
            refused = kind.group(1).lower()
            before = state.constraints.title_words
            state.constraints.title_words = [w for w in before if not w.lower().startswith(refused)]
            gone = [w.lower() for w in before if w not in state.constraints.title_words]
            group = next((k for k in KINDS if set(gone) & set(k.titled)), None) if gone else None
            if group is not None:  # "not hanging" when the hanging egg chairs were asked about: the egg ones go too
                state.constraints.title_words = [w for w in state.constraints.title_words if w.lower() not in group.titled]
            if state.last_action == "suggest_complements":  # of the chairs suggested for the table, not the tables
                intent, slots = self._onto_complements(state, intent, slots)
        elif (kind and intent == "search_product" and slot_values(slots, "category")
              and {v.lower() for v in slot_values(slots, "category")} == {v.lower() for v in slot_values(slots, "exclude_category")}
              and any(re.search(rf"\b{re.escape(kind.group(1).lower())}", p.title.lower())
                      for p in self._sample(slot_values(slots, "category")))):
            # "a queen bed frame, nothing over 400, and please no canopy beds": beds, not the canopy ones
            slots = {**{k: v for k, v in slots.items() if k != "exclude_category"}, "exclude_word": kind.group(1).lower()}
        if (intent in ("product_question", "search_product", "out_of_scope") and state.shown and state.constraints.categories
                and slots.get("category")
                and not set(slot_values(slots, "category")) & set(state.constraints.categories)
                and _WITH_IT.search(text) and not phrases.BOUGHT_HERE.search(text)):
            # (not "bought the walnut bed from you, what nightstand would go with it?": it is the bed)
            # "would a round rug work under it? show me a few", "what kind of rug would go under it?": for the one shown
            intent = "complement_request"
        if (intent == "refine" and state.shown and set(slots) == {"size"} and phrases.is_question(text)
                and re.fullmatch(r"\s*\d{2,3}\s*(?:\"|”|-?\s*inch(?:es)?|in)\s*", str(slots["size"]), re.I)
                and re.search(r"\b(?:it|this one|that one)\s+(?:\w+\s+)?(?:takes?|fits?|holds?|hold|take|fit)\b", text, re.I)):
            intent = "product_question"  # "and it definitely takes a 75 inch?" about the TV stand shown
        if (intent == "feedback_dislike" and state.shown and not slots.get("item_ref")
                and (slots.get("price_relative") or slots.get("size_relative"))
                and not any(slots.get(k) for k in ("color", "material", "style", "brand"))):  # (not "the mustard ones are ...")
            intent = "refine"  # "hmm those are a bit pricey": cheaper ones (no one product disliked)
        title_word = (self._refused_title_word(state, slots)  # ("under 350 and no canopy ones, my MIL would find it ridiculous")
                      if intent in ("refine", "search_product", "feedback_dislike", "out_of_scope")
                      or intent == "complaint" and state.shown else None)
        if title_word:  # "nothing too shaggy" under rugs: no shag rugs (a word of their titles, not a material)
            intent = "search_product" if intent == "search_product" and slots.get("category") else "refine"
            slots = {**{k: v for k, v in slots.items() if k not in ("exclude_material", "exclude_style", "refused_word")},
                     "exclude_word": title_word}
        slots = {k: v for k, v in slots.items() if k != "refused_word"}
        if (phrases.SAME_BRAND.search(text) and not slots.get("brand") and intent in ("search_product", "refine")
                and not slots.get("exclude_brand")  # (not "not polywood, our last ones from them faded in a year")
                and (state.constraints.brands or state.shown)):
            # "and armchairs from them?": the brand asked for, or the one of the product just shown
            shown = {self.products[i].brand for i in state.shown[:1] if i in self.products and self.products[i].brand}
            brands = state.constraints.brands or sorted(shown)
            if brands:
                slots = {**slots, "brand": brands if len(brands) > 1 else brands[0]}
        if (state.shown and slots.get("item_ref") and intent in ("search_product", "refine", "out_of_scope", "product_question")
                and _YUCK.match(text) and not phrases.is_question(text)):
            # "ew the last one looks like a carpet sample lol": that one, disliked
            intent, slots = "feedback_dislike", {"item_ref": slots["item_ref"]}
        if ((intent in ("feedback_like", "feedback_dislike", "refine")
             or intent in ("out_of_scope", "search_product", "product_question", "complement_request")
             and (_GETTING_THE_ONE.search(text) or _LIKED_IT.search(text) and not phrases.is_question(text)
                  and intent != "complement_request")) and state.shown
                and (not slots.get("item_ref") or _GETTING_THE_ONE.search(text) and not phrases.EXPLICIT_REF.search(text))
                and re.search(r"\bthe\s+[a-z][\w -]{1,25}?\s+(?:ones?|set)\b", text, re.I)):  # ("the beige quilt set ... add it")
            picked = described_positions(text, self._shown_products(state))
            if len(picked) == 1 and 1 <= picked[0] <= len(state.shown):
                if _GETTING_THE_ONE.search(text) and intent != "feedback_dislike":
                    intent = "add_to_cart"  # "ok we're getting the blue one": into the cart
                    slots = {"item_ref": picked}
                elif intent != "refine" and (re.search(r"\b(?:love|loving|like|adore|fancy|prefer|hate|dislike)\b", text, re.I)
                                             or intent == "feedback_like" and _LIKED_IT.search(text)):
                    # "hmm ok. I really love the boucle one", "omg the pink one 😍": that one, liked
                    slots = {"item_ref": picked}
                elif intent in ("refine", "search_product", "out_of_scope") and _LIKED_IT.search(text) and not phrases.is_question(text):
                    intent, slots = "feedback_like", {"item_ref": picked}  # "the navy one is a steal. love it"
        focus_at = state.shown.index(state.focus_id) + 1 if state.focus_id in state.shown else (1 if len(state.shown) == 1 else 0)
        if focus_at and _SO_MANY_OF_IT.match(text) and intent not in service.SERVICE_INTENTS:
            intent, slots = "add_to_cart", {"item_ref": [focus_at]}  # "sweet, 2 packs pls" after asking about one
        if (intent in (*service.SERVICE_INTENTS, "feedback_like", "feedback_dislike") and intent != "contact_human"
                and (state.shown or state.constraints.categories) and not slots.get("item_ref")
                and any(slots.get(k) for k in phrases.PRODUCT_SLOTS) and not phrases.SERVICE_WORDS.search(text)):
            # "not metal please, my partner says metal frames squeak", "she's really into velvet",
            # "i don't like the grey colour": a wish about the products being chosen
            if intent == "feedback_dislike":  # (not a value asked at the end: "... im not a pink person. green?")
                slots = {(f"exclude_{k}" if k in ("color", "material", "style", "brand") and not (
                    isinstance(v, str) and re.search(rf"\b{re.escape(v)}\s*\?+\s*$", text, re.I)) else k): v for k, v in slots.items()}
            # "one with good lumbar support please, my back is already complaining" under suggested office chairs
            intent, slots = self._onto_complements(state, "refine", slots)
        if (intent == "product_question" and state.shown and "?" not in text
                and (not slots.get("item_ref") and re.match(r"\s*(?:a|an|one|ones|some|something)\b", text, re.I)
                     or _WILL_DO_THEN.match(text))  # not "r they machine washable"; "fine, it can hang on the wall then"
                and not phrases.is_question(text) and state.constraints.categories
                and any(self._asked(text, state.constraints.categories))):
            intent = "refine"  # "a big one i can lean against the wall" under mirrors: a wish, not a question about them
            slots = {k: v for k, v in slots.items() if k != "item_ref"}
        if (intent in ("search_product", "out_of_scope") and not slots.get("category") and state.constraints.categories
                and (state.shown or state.last_action == "clarify")
                and (intent == "search_product" or any(self._asked(text, state.constraints.categories)))
                and (any(slots.get(k) for k in (*phrases.PRODUCT_SLOTS, "size_relative", "price_relative"))
                     or any(self._asked(text, state.constraints.categories)))):
            # "my partner wants something green" while armchairs are shown; "ok fabric then";
            # "something bigger, it's for the main bedroom" under dressers; "ideally one i can stand at tho" (read as
            # nothing the shop does)
            intent = "refine"
        wanted_again = self._values_named(phrases.BACK_TO_VALUE, text) if state.shown or state.earlier else {}
        if wanted_again and intent not in service.SERVICE_INTENTS and not slots.get("category"):
            # "back to the wicker ones", "the white ones were nicer": that value again, in place of the one since
            said = {v.lower() for v in wanted_again.values()}
            slots = {k: v for k, v in slots.items() if k != "item_ref" and not (
                k.startswith("exclude_") and isinstance(v, str) and any(v.lower() in w or w in v.lower() for w in said))}
            slots.update(wanted_again)
            intent = "refine"
        forgotten = self._forget_values(state, text)
        # ... and "my boyfriend wants white. forget the wood look": nor a value of this message
        named = {_spaced(m.group(1)) for m in [*phrases.FORGET_VALUE.finditer(text), *phrases.VALUE_NO_MATTER.finditer(text)]}
        if named & {_spaced(v) for k in ("color", "material", "style") for v in slot_values(slots, k)}:
            forgotten |= named
        if forgotten and intent not in service.SERVICE_INTENTS:
            # "forget the green, do you have one in leather?": that value no longer applies
            gone = {_spaced(v) for v in forgotten}
            slots = {k: v for k, v in slots.items() if not (isinstance(v, str) and _spaced(v) in gone)}
            if phrases.MIND_CHANGED.search(text):  # "changed my mind about grey - white please": white takes its place
                slots.update({k: v for k, v in self._values_in(text, forgotten).items() if k not in slots})
            intent = "refine"
            # (not "forget wool then, anything pet friendly thats at least 8 feet long?": those wishes read too)
            if (not any(slots.get(k) for k in (*phrases.PRODUCT_SLOTS, "dimension_min", "dimension_max", "min_rating", "price_relative"))
                    and not any(self._asked(text, state.constraints.categories))):
                self._apply_asked_attributes(state, text)  # ("show me ones where they do come off, doesnt have to be velvet")
                state.seen = []
                return await self._search(state, _as_read(nlu, intent, slots), action="refine")
        return _as_read(nlu, intent, slots)

    def _read_conversation(self, state: DialogueState, text: str, nlu: NLUResult) -> NLUResult | Reply:
        """The conversation and service readings: a person asked for, thanks and compliments, "are you a bot?",
        a product request inside small talk, a service follow-up that keeps its topic. One topic reader after
        another; the order matters, as each reads the intent the ones before it decided."""
        for reader in (self._read_service_follow_up, self._read_small_talk, self._read_wish_under_shown,
                       self._read_service_topic, self._read_person_or_closing, self._read_short_replies,
                       self._read_shown_requests, self._read_service_last, self._read_plain_words):
            reading = reader(state, text, nlu)
            if isinstance(reading, Reply):
                return reading
            nlu = reading
        return nlu

    def _read_service_follow_up(self, state: DialogueState, text: str, nlu: NLUResult) -> NLUResult | Reply:
        """A service question the model read as something else: a delivery fee, a note for the driver, another day, a
        refund still waited for, a log-in problem, a threat or an unanswered complaint, an invoice or a code follow-up,
        when an order arrives, how to leave a review."""
        intent, slots = nlu.intent, nlu.slots
        if (state.last_action in ("service", "handoff") and state.last_service_intent in ("order_status", "delivery_time")
                and intent in ("out_of_scope", "search_product", "complaint") and not slots.get("category")
                and re.search(r"\b(?:is|was)\s+(?:it|that|this)\s+(?:\w+\s+)?because\s+of\b|\bdue to the\b", text, re.I)):
            # "is it because of the storm? there are trees down all over our road": why that order is late
            intent, slots = state.last_service_intent, {}
            nlu = _as_read(nlu, intent, slots)
        if (state.last_action == "service" and state.last_service_intent == "invoice" and not slots.get("order_id")
                and _COMPANY_NAMED.search(text)):
            # "company is Brightwater Design Ltd if that helps" after asking for an invoice: the same matter
            intent, slots = "invoice", {}
            nlu = _as_read(nlu, intent, slots)
        if (state.last_action == "service" and state.last_service_intent in service.NEEDS_ORDER_ID and not slots.get("order_id")
                and _NO_ORDER_NUMBER.search(text)):
            # "i don't have the order number, it's on her account": the same matter, and how to find the number
            return self._reply(state, _as_read(nlu, state.last_service_intent, {}), "service",
                               "No problem. The order number is in the order confirmation email and on the Orders page of the "
                               "account the order was placed from. If you can't get it, a person from our team can look the "
                               "order up for you.", quick_replies=["Talk to a person"])
        if (intent in ("search_product", "refine", "out_of_scope") and slots.get("order_id")
                and re.search(r"\bon order\b|\b(?:i|we)\s+(?:ordered|bought)\b|\bmy order\b", text, re.I) and not phrases.SHOPPING_OPENER.search(text)):
            # "is your warehouse ok with the storm? i've got a dining table on order, A-20931": that order
            intent, slots = "order_status", _order_id_only(slots)
            nlu = _as_read(nlu, intent, slots)
        if (intent == "return_item" and not slots.get("order_id") and re.search(r"\bif (?:i|we) (?:order|buy|get)\b", text, re.I)
                and re.search(r"\b(?:come|arrive|get here|be delivered|deliver)\b", text, re.I)):
            # "our sofa is ruined ... if i order a sofa today can it come at the weekend?": delivery, no return
            intent, slots = "delivery_time", {}
            nlu = _as_read(nlu, intent, slots)
        if (intent == "out_of_scope" and not slots.get("order_id")
                and re.search(r"\b(?:will|do|does|would)\s+(?:orders?|things|stuff|deliveries|parcels)\s+(?:still\s+)?(?:ship|go out|"
                              r"be (?:shipped|delivered)|get delivered|arrive)\b", text, re.I)):
            intent = "delivery_time"  # "are you guys working on memorial day? like will orders still ship monday"
            nlu = _as_read(nlu, intent, slots)
        if intent in ("payment_methods", "delivery_options") and slots.get("order_id") and _WHERE_IS_MY_ORDER.search(text):
            # "also where's my order 81244, and do you take paypal?": that order (the payment question answered with it)
            intent = "order_status"
            nlu = _as_read(nlu, intent, slots)
        said = str(slots.get("order_id") or "")
        if (said and intent in ("payment_issue", "refund", "complaint") and said.isdigit()
                and re.search(rf"\b{said}\s+instead\s+of\s+\$?\d|\b(?:charged|billed|paid|debited)\s+(?:me\s+|us\s+)?\$?{said}\b", text, re.I)):
            # "got charged TWICE. 1138 instead of 569": amounts, no order number ("... 479 instead of 429 for the bed 😤 order
            # 33905": the number said after "order")
            slots = {k: v for k, v in slots.items() if k != "order_id"}
            named = re.search(r"\border\s*(?:number|no\.?|#)?\s*(?:is\s*)?#?\s*(\d{4,12})\b", text, re.I)
            if named and named.group(1) != said:
                slots["order_id"] = named.group(1)
            nlu = _as_read(nlu, intent, slots)
        if (phrases.DELIVERY_FEE.search(text) and not slots.get("order_id")
                and intent in (*service.SERVICE_INTENTS, "product_question", "out_of_scope")
                and intent not in ("delivery_options", "delivery_time", *service.HANDOFF_INTENTS)):
            intent, slots = "delivery_options", {}  # "Is there a charge for bringing it to my house?"
            nlu = _as_read(nlu, intent, slots)
        if (state.last_action in ("service", "handoff") and state.last_service_intent == "refund"
                and intent in ("delivery_time", "delivery_options", "order_status", "out_of_scope") and not slots.get("order_id")
                and _STILL_WAITING_DAYS.search(text) and not re.search(r"\b(?:deliver\w*|arriv\w*|ship\w*|parcel|package)\b", text, re.I)):
            intent, slots = "refund", {}  # "your site literally says 5-7 business days. its been 21" about a refund
            nlu = _as_read(nlu, intent, slots)
        if (intent in ("out_of_scope", "refund", "return_item", "order_status", "complaint", "delivery_time")
                and service.DRIVER_NOTE.search(text) and not slots.get("category") and not phrases.TALK_TO_PERSON.search(text)):
            intent, slots = "delivery_options", {}  # "also next time can the driver knock instead of leaving stuff outside?"
            nlu = _as_read(nlu, intent, slots)
        if (state.last_action in ("service", "handoff")
                and state.last_service_intent in ("order_status", "delivery_time", "shipping_address", "change_order")
                and intent in ("out_of_scope", "order_status", "delivery_time", "change_order", "return_item", "shipping_address")
                and not slots.get("order_id") and service.ANOTHER_DAY.search(text)):
            intent, slots = "delivery_options", {}  # "can they bring it today instead? we're home all day, it's saturday"
            nlu = _as_read(nlu, intent, slots)
        if (intent == "order_status" and not slots.get("order_id")
                and re.search(r"\blog(?:s|ged|ging)?\s+(?:me\s+)?out\b|\b(?:can'?t|cannot|unable to)\s+(?:log|sign)\s*(?:in|on)\b|"
                              r"\bpassword\b|\blocked out\b", text, re.I)):
            intent, slots = "account_help", {}  # "your website keeps logging me out and I can't see my orders"
            nlu = _as_read(nlu, intent, slots)
        if (state.last_action == "service" and state.last_service_intent in ("order_status", "delivery_time")
                and intent in ("out_of_scope", "search_product") and not slots and not phrases.is_question(text)
                and (service.is_upset(text) or re.search(r"!!|😤|😡|🤬|\btook (?:the|a|two|2|three|3) (?:whole )?days? off\b|\bwaited (?:all|the whole) day\b"
                                                         r"|\b(?:second|third|2nd|3rd|fourth) time\b.{0,30}\b(?:pushed back|delayed|moved|rescheduled|cancell?ed|late)\b"
                                                         r"|\bneighbou?rs? (?:don'?t|do not|didn'?t) have it\b", text, re.I))):
            intent = "complaint"  # "i took the whole day off work for this!!" after a delivery that never came
            nlu = _as_read(nlu, intent, slots)
        if (intent == "refund" and re.search(r"\btax (?:refund|return)s?\b|\brefund (?:finally |just )?(?:hit|came|arrived|landed)\b", text, re.I)
                and not slots.get("order_id") and (phrases.FURNISHING.search(text) or phrases.SHOPPING.search(text) or _WHERE_TO_START.search(text))):
            # "tax refund finally hit 💸 and we want to redo our bedroom, no idea where to start": money to spend, no refund asked
            intent, slots = "search_product", {k: v for k, v in slots.items() if k != "order_id"}
            nlu = _as_read(nlu, intent, slots)
        if (state.last_action in ("service", "handoff") and state.last_service_intent == "order_status" and state.order_id
                and intent in ("return_item", "search_product", "out_of_scope", "refine") and not slots.get("order_id")
                and re.match(r"\W*(?:it'?s|it is|its)\s+(?:the|a|my|our)\s+[a-z]+", text, re.I) and not phrases.is_question(text)):
            intent, slots = "order_status", {}  # "it's the bed frame. we've been sleeping on the mattress on the floor for a week"
            nlu = _as_read(nlu, intent, slots)
        if (state.last_action in ("service", "handoff") and "invoice" in state.service_intents[-2:]
                and intent in ("account_help", "out_of_scope", "change_order", "shipping_address", "order_status")
                and not slots.get("order_id")
                and re.search(r"\b(?:company|business|vat|tax|name|address)\b[^.?!]*\b(?:on (?:it|the invoice|there)|instead)\b", text, re.I)):
            intent, slots = "invoice", {}  # "also can it have my company name on it instead of mine?" about the invoice
            nlu = _as_read(nlu, intent, slots)
        if (state.last_action in ("service", "handoff") and state.last_service_intent in ("payment_issue", "payment_methods")
                and intent in ("out_of_scope", "refund") and nlu.confidence < 0.5
                and (not slots or set(slots) <= {"category", "exclude_brand"} and re.search(r"\bfull price\b", text, re.I))
                and (intent == "out_of_scope" or not phrases.MONEY_BACK.search(text))
                and re.search(r"\b(?:code|promo|coupon|discount|voucher|sale|instagram|facebook|newsletter|email|advert|ad|"
                              r"full price|caps|browser)\b", text, re.I)):
            # "its literally on your instagram for the spring sale 🙄" about a code refused; "tried caps, no caps, different
            # browser, nothing. i really dont want to pay full price"
            intent, slots = "payment_issue", {}
            nlu = _as_read(nlu, intent, slots)
        if intent in ("search_product", "refine", "out_of_scope") and slots.get("order_id") and service.is_upset(text):
            # "I've been waiting THREE WEEKS for a sofa, order 60415 ... this is ridiculous": a complaint about that order
            intent, slots = "complaint", _order_id_only(slots)
            nlu = _as_read(nlu, intent, slots)
        if (state.last_action in ("service", "handoff")
                and intent in (*service.SERVICE_INTENTS, "product_question", "out_of_scope", "search_product", "refine")
                and intent not in ("order_status", *service.HANDOFF_INTENTS)
                and (intent != "delivery_time" or state.last_service_intent == "return_item"
                     or state.last_service_intent == "shipping_address" and state.order_id)  # "will it still get there before friday?"
                and phrases.MY_ORDER_ARRIVING.search(text) and not phrases.MONEY_BACK.search(text)):
            # "and when will the navy one actually come?", "how long until the right one gets here?" after a return
            intent, slots = "order_status", _order_id_only(slots)
            nlu = _as_read(nlu, intent, slots)
        if (intent == "order_status" and not slots.get("order_id") and not state.order_id
                and re.search(r"\bif (?:i|we) (?:order|ordered|buy|bought|got|get)\b", text, re.I)):
            intent, slots = "delivery_time", {}  # "if i ordered a bed today when would it actually arrive? im in 30318"
            nlu = _as_read(nlu, intent, slots)
        if phrases.THREAT.search(text) and intent not in ("contact_human", "complaint") and not phrases.is_question(text):
            intent, slots = "complaint", _order_id_only(slots)  # "fine. if it's not back by wednesday i'm disputing it with my bank"
            nlu = _as_read(nlu, intent, slots)
        if (phrases.NO_ONE_ANSWERS.search(text) and (intent not in service.SERVICE_INTENTS or intent == "return_item"
                                                     and not service.names_topic(intent, text) and not service.says_damaged(text))
                and intent not in ("contact_human", "complaint")):
            # "this is the third time I'm writing about my broken dresser and nobody gets back to me" (read as a
            # dresser search); "the replacement legs you sent don't fit ... nobody answers my emails" (read as a
            # return); "third time asking, my refund ... STILL hasn't shown up" stays a refund question
            intent, slots = "complaint", _order_id_only(slots)
            nlu = _as_read(nlu, intent, slots)
        if (intent == "account_help" and slots.get("order_id")
                and re.search(r"\b(?:check|track|see|find|look up)\s+(?:on\s+)?(?:my|the|an|our)\s+order\b", text, re.I)):
            intent = "order_status"  # "can i at least check my order without logging in? its 39921"
            nlu = _as_read(nlu, intent, slots)
        if intent == "payment_issue" and service.asks_installments(text):
            intent = "payment_methods"  # "and can I split the payment into instalments?": a way to pay, no trouble
            nlu = _as_read(nlu, intent, slots)
        if phrases.LEAVE_A_REVIEW.search(text) and intent not in ("contact_human",):
            intent, slots = "leave_review", {}  # "also how do I leave a review for the chairs I bought from you last summer?"
            nlu = _as_read(nlu, intent, slots)
        return _as_read(nlu, intent, slots)

    def _read_small_talk(self, state: DialogueState, text: str, nlu: NLUResult) -> NLUResult | Reply:
        """Small talk that looks like a request: "is it just me or ...", "where do we even start", "thanks anyway",
        "is this the furniture shop?", what is popular, what the shop sells, how to order, hellos and apologies."""
        intent, slots = nlu.intent, nlu.slots
        if (intent in ("out_of_scope", "smalltalk") and not slots and not phrases.is_question(text)
                and _SEASON_WISHES.search(text) and not phrases.FAREWELL.search(text)):
            intent = "greet"  # "merry xmas to u robot 🎄🍷"
            nlu = _as_read(nlu, intent, slots)
        if (intent == "complaint" and not slots and state.last_action not in ("service", "handoff")
                and not phrases.SERVICE_WORDS.search(text) and not service.names_a_topic(text) and not phrases.TALK_TO_PERSON.search(text)
                and not re.search(r"\byour\b|\b(?:you|u) guys\b|\bthis (?:shop|store|site|website|company|app)\b", text, re.I)
                and re.search(r"\b(?:monday|day|week|month|year|life|weather|christmas|xmas|holidays?|bills?|rent|everything)\b", text, re.I)):
            intent = "out_of_scope"  # "this monday was rough, everything is so expensive after christmas": venting, no complaint to us
            nlu = _as_read(nlu, intent, slots)
        if (phrases.HELLO.search(text) and not phrases.ASKS_SOMETHING_ELSE.search(re.sub(r"\bor what\W*$", "", text)) and not state.shown
                and (intent in ("feedback_dislike", "feedback_like", "complaint", "out_of_scope") and not slots
                     # "hello!! gorgeous day isn't it ☀️": no goodbye
                     or intent == "goodbye" and not slots and not re.search(r"\b(?:bye|byee+|cya|ttyl|night|goodnight|gn)\b", text, re.I)
                     # "good evening 🍷 friday night and i'm shopping for furniture, tragic or what": nothing named yet
                     or intent == "search_product" and set(slots) == {"category"} and _generic_category(slots))):
            intent, slots = "greet", {}  # "morning! grim out there isn't it ☔"
            nlu = _as_read(nlu, intent, slots)
        if (intent in ("search_product", "refine", "feedback_like", "out_of_scope", "greet") and phrases.BOUGHT_HERE.search(text)
                and _LOVES_IT.search(text) and not phrases.is_question(text) and not slots.get("order_id")
                and not phrases.WANTS_OTHERS.search(text[_LOVES_IT.search(text).end():])):
            # "good evening! just wanted to say the couch we got from you arrived today and my mom loves it ❤️": thanks
            intent, slots = "thanks", {}
            nlu = _as_read(nlu, intent, slots)
        if (intent in ("search_product", "delivery_time") and set(slots) <= {"size"} and _TIPS_ASKED.search(text)
                and not phrases.SERVICE_WORDS.search(text)
                and not phrases.SHOPPING_OPENER.search(text)):
            # "whats the trick to keep burgers from falling apart on the grill lol", "how long do i cook a 14 lb turkey":
            # not ours to answer
            return self._on_out_of_scope(state, _as_read(nlu, "out_of_scope", {}))
        if (intent in ("search_product", "out_of_scope") and slots and set(slots) <= {"category"} and _generic_category(slots)
                and phrases.OFF_TOPIC.search(text)):
            intent, slots = "out_of_scope", {}  # "tell me a furniture joke then": a joke, no furniture shown
            nlu = _as_read(nlu, intent, slots)
        if (intent == "search_product" and set(slots) <= {"room"} and not phrases.WANTS_OTHERS.search(text)
                and (_WEATHER_TALK.search(text) and (not phrases.is_question(text) or _WEATHER_ASKED.search(text))
                     or names_idiom(text) and not slots and not phrases.is_question(text))
                and not phrases.SHOPPING_OPENER.search(text) and not phrases.SERVICE_WORDS.search(text)):
            # "ugh this fog, can't even see my neighbours house. creepy", "your chat thing popped up while i was eating my
            # sad desk salad": chat, no product asked for
            intent = "out_of_scope"
            nlu = _as_read(nlu, intent, slots)
        if (_ALL_DONE.match(text) and not phrases.is_question(text) and not slots.get("order_id")
                and intent in ("out_of_scope", "smalltalk", "thanks", "greet", "feedback_like", "search_product", "refine")
                and not any(slots.get(k) for k in (*phrases.PRODUCT_SLOTS, "category"))):
            intent, slots = "goodbye", {}  # "thats me done. happy spring cleaning to me 😅"
            nlu = _as_read(nlu, intent, slots)
        if (_LATER_THEN.search(text) and not phrases.is_question(text) and not slots.get("order_id")
                and intent not in ("contact_human", "complaint") and not any(slots.get(k) for k in (*phrases.PRODUCT_SLOTS, "category"))):
            intent, slots = "goodbye", {}  # "whatever, i'll deal w it tomorrow": the chat ends for now
            nlu = _as_read(nlu, intent, slots)
        if (intent in service.SERVICE_INTENTS and intent not in service.HANDOFF_INTENTS and nlu.confidence < 0.5
                and not slots.get("order_id") and state.last_action not in ("service", "handoff")
                and re.search(r"\b(?:bye|byee+|cya|ttyl|laters)\W*$", text, re.I) and not phrases.is_question(text)
                and not service.names_topic(intent, text) and not service.names_a_topic(text)):
            intent, slots = "goodbye", {}  # "ok gonna send it to my mom lol bye": the link for mum, no return
            nlu = _as_read(nlu, intent, slots)
        if (intent == "search_product" and set(slots) <= {"category"} and not state.shown
                and _generic_category(slots)
                and re.search(r"\bis it just me\b|\b(?:everyone|everybody)\s+(?:is\s+|seems\s+to\s+be\s+)?(?:buying|shopping|getting)\b", text, re.I)):
            intent, slots = "out_of_scope", {}  # "is it just me or is everyone buying furniture before the holidays lol"
            nlu = _as_read(nlu, intent, slots)
        if (_WHERE_TO_START.search(text) and not state.shown and _generic_category(slots)
                and not any(slots.get(k) for k in ("order_id", "room", "style", "color", "material", "price_max"))
                and intent in ("out_of_scope", "greet", "search_product", "show_more", "smalltalk")):
            # "we just moved in ... and we have literally nothing. where do we even start"
            top = self._top_categories(4)
            return self._ask_category(state, _as_read(nlu, "search_product", {}), "Congratulations on the new place! Most "
                                      "people start with what they use every day: " + ", ".join(c.lower() for c in top)
                                      + ". Which room or piece would you like to start with?")
        family = slots.get("category") if isinstance(slots.get("category"), str) else None
        if (_WHERE_TO_START.search(text) and not state.shown and family and self._room_categories(family)
                and intent in ("out_of_scope", "search_product", "show_more")
                and not any(slots.get(k) for k in ("order_id", "style", "color", "material", "price_max"))):
            # "want to make our backyard nicer for summer, no idea where to start tbh": which outdoor piece first
            top = self._room_categories(family)[:4]
            place = slots["room"] if isinstance(slots.get("room"), str) else family.lower()
            state.pending, state.room = "category", family
            return self._reply(state, _as_read(nlu, "search_product", slots), "clarify",
                               f"Nice project! What would you like for your {place}? For example: "
                               + ", ".join(c.lower() for c in top) + ".", quick_replies=top)
        if intent in ("out_of_scope", "greet", "search_product", "show_more") and not slots:
            if _THANKS_ANYWAY.search(text):
                intent = "thanks"  # "haha ok. just browsing, nothing specific today. thanks anyway!"
                nlu = _as_read(nlu, intent, slots)
            elif intent == "out_of_scope" and re.search(r"\b(?:anyway|anyways|oh and|btw)\W+(?:good (?:morning|afternoon|evening)|hello|hi|hey)"
                                                       r"(?: there)?\W*$", text, re.I):
                intent = "greet"  # "omg the snow is so pretty this morning ❄️ anyway good morning!"
                nlu = _as_read(nlu, intent, slots)
        if (intent == "search_product" and set(slots) <= {"category"} and not state.shown
                and _generic_category(slots)
                and re.search(r"\bis this (?:the|a|your) (?:\w+\s+)?(?:shop|store|website|site)\b", text, re.I)):
            intent, slots = "greet", {}  # "hello? is this the furniture shop? my granddaughter said I can type my questions in here"
            nlu = _as_read(nlu, intent, slots)
        if (_THANKS_FIRST.match(text) and intent not in ("goodbye", "thanks") and not slots.get("order_id")
                and not phrases.is_question(text)
                and re.search(r"\b(?:sorted|all set|that'?s (?:me|it|all)|gotta (?:go|run|do)|got to (?:go|run)|have to (?:go|run)|"
                              r"off to|school run)\b", text, re.I)):
            # "cool thanks, that's me sorted till my student loan comes in", "thanks, gotta do the school run"
            intent, slots = ("thanks" if re.search(r"\b(?:sorted|all set|that'?s (?:me|it|all))\b", text, re.I) else "goodbye"), {}
            nlu = _as_read(nlu, intent, slots)
        if re.fullmatch(r"\W*(?:👍|👌|🙏|✅|👍🏻|👍🏼|👍🏽|👍🏾|👍🏿)+\W*", text):
            intent, slots = "thanks", {}  # "👍": got it, thanks
            nlu = _as_read(nlu, intent, slots)
        if (intent == "complaint" and phrases.THANKS.search(text) and not phrases.is_question(text) and not slots.get("order_id")
                and not service.is_upset(text) and not phrases.TALK_TO_PERSON.search(text)
                and re.search(r"\bthanks?\s+(?:for|so much|a lot)\b|\bthank (?:you|u)\b", text, re.I)):
            intent, slots = "thanks", {}  # "phew ok. thanks for being nicer than my partner lol" after a cancellation
            nlu = _as_read(nlu, intent, slots)
        if (intent == "leave_review" and not re.search(r"\b(?:reviews?|rate|rating|feedback|stars?|survey)\b", text, re.I)
                and (phrases.FAREWELL.search(text) or phrases.THANKS.search(text))):
            # "haha ok. you've been more helpful than the last shop tbh. have a good night": a compliment and a goodbye
            intent, slots = ("goodbye" if phrases.FAREWELL.search(text) else "thanks"), {}
            nlu = _as_read(nlu, intent, slots)
        if (intent == "out_of_scope" and not slots and phrases.THANKS.search(text) and not phrases.is_question(text)
                and state.last_action in ("service", "handoff", "add_to_cart", "answer_question")):
            intent = "thanks"  # "phew. ok thanks, never drunk shopping again lol" after the order was cancelled
            nlu = _as_read(nlu, intent, slots)
        if (intent == "add_to_cart" and not phrases.CART_WORD.search(text) and not slots.get("item_ref") and not parse_item_refs(text)
                and not re.search(r"\b(?:put|pop|stick|throw|chuck|bung)\s+(?:it|that|this|them|one)\s+(?:in|into|on)\b", text, re.I)
                and re.search(r"\b(?:thanks?|thx|ty|cheers)\b(?:\s+(?:anyway|anyways|though|tho|so much|a lot))?\W*$", text, re.I)):
            # "figured 😅 ok nvm, we'll sit on the coolers. thanks anyway", "ok we'll put it to a vote in the group chat 😂
            # thanks!": nothing chosen, the chat ends with thanks
            intent, slots = "thanks", {}
            nlu = _as_read(nlu, intent, slots)
        if (intent in ("refine", "search_product", "show_more", "out_of_scope") and state.shown
                and _THANKS_ANYWAY.search(text) and not phrases.is_question(text)
                and not any(slots.get(k) for k in (*phrases.PRODUCT_SLOTS, "category", "item_ref"))):
            intent, slots = "thanks", {}  # "bit small for what i want. thanks anyway": no wish left, the chat ends
            nlu = _as_read(nlu, intent, slots)
        if (_POPULAR_NOW.search(text) and intent in ("out_of_scope", "search_product", "greet", "show_more")
                and not slots.get("category") and not state.constraints.categories and not slots.get("order_id")):
            return self._popular(state, _as_read(nlu, "search_product", {}))  # "just browsing honestly, whats popular right now?"
        if phrases.WHAT_DO_YOU_SELL.search(text) and not slots.get("category") and not slots.get("order_id"):
            # "um hi. what do you actually sell here?": what the shop has, and what they are looking for
            return self._ask_category(state, _as_read(nlu, "search_product", {}), "We sell furniture and home goods: "
                                      + ", ".join(c.lower() for c in self._top_categories(8)) + " and more. What are you looking for?")
        if (phrases.HOW_TO_ORDER.search(text) and not slots.get("category") and not state.shown
                and intent in ("out_of_scope", "greet", "search_product", "payment_methods")):
            # "I am not very good with computers, my daughter usually does this for me. How do I place an order?"
            return self._reply(state, _as_read(nlu, "account_help", {}), "smalltalk",
                               "It's easy: tell me what you're looking for and I'll show you some products. Say \"add the "
                               "first one to my cart\" for the one you like, then \"checkout\" to pay. If "
                               "you'd rather do it with a person, just say so.", quick_replies=["Find a sofa", "Talk to a person"])
        if (intent == "out_of_scope" and phrases.HELLO.match(text) and not slots and "?" not in text
                and re.search(r"\bhappy\b|\bhope (?:you|everyone|y'?all)\b|\bhave a (?:good|great|nice|lovely)\b", text, re.I)):
            intent = "greet"  # "good morning! happy mother's day to all the mums working there today 💐"
        if (intent in ("out_of_scope", "search_product") and phrases.HELLO.match(text) and "?" not in text
                and (not slots or set(slots) <= {"category", "room"} and self._only_theirs(text, slot_values(slots, "category")))
                and not phrases.SHOPPING.search(text) and not phrases.WANTS_TO_BUY.search(text)
                and re.search(r"\b(?:rough|long|busy|crazy|slow|quiet) (?:day|week|morning|shift)\b|\bchaos\b|\bbored\b|\bexhausted\b", text, re.I)):
            # "hey there! rough day, first week of school is chaos 😅", "hiya 👋 bored at my desk, half the office didn't
            # make it in": a hello and a chat (the desk is theirs)
            intent, slots = "greet", {}
            nlu = _as_read(nlu, intent, slots)
        if (intent in ("search_product", "out_of_scope", "show_more") and phrases.HELLO.match(text) and not slots
                and not state.shown and re.search(r"\bjust\s+(?:having\s+)?(?:a\s+)?(?:little\s+|quick\s+)?(?:browse|browsing|look|looking)"
                                                  r"(?:\s+around)?\b", text, re.I)):
            intent = "greet"  # "good morning!! up early with my coffee, just having a little browse"
        if re.fullmatch(r"\W*(?:(?:hey|hi|hello|yo)\W+)?(?:are\s+)?(?:u|you|r\s+u|ru|anyone|any\s*one|anybody)\s+(?:still\s+)?"
                        r"(?:up|awake|there|around|online|about)\W*(?:lol|haha|lmao)?\W*", text, re.I):
            intent, slots = "greet", {}  # "u still up? lol"
            nlu = _as_read(nlu, intent, slots)
        if re.fullmatch(r"\W*(?:(?:hey|hi|hello|evening|morning|good (?:morning|evening|afternoon))\W+)?(?:so\s+)?(?:sorry|apologies)\s+"
                        r"(?:to|for)\s+(?:bother|disturb|trouble|bug|message|messag)\w*(?:\s+you)?(?:\s+(?:this|so)\s+(?:late|early))?"
                        r"(?:\s+(?:at night|on a \w+))?\W*", text, re.I):
            intent, slots = "greet", {}  # "hi sorry to bother you this late": a greeting, no complaint
            nlu = _as_read(nlu, intent, slots)
        if (intent == "search_product" and phrases.HELLO.match(text) and set(slots) == {"category"}
                and _generic_category(slots)
                and not phrases.SHOPPING.search(text) and not phrases.is_question(text)):
            intent, slots = "greet", {}  # "hi, first time buying furniture online, kinda nervous lol"
            nlu = _as_read(nlu, intent, slots)
        if (intent in ("goodbye", "thanks") and phrases.HELLO.match(text) and not phrases.FAREWELL.search(text)
                and not phrases.THANKS.search(text) and len(text.split()) <= 4):
            intent, slots = "greet", {}  # "hey again 👋", "good morning :)"
            nlu = _as_read(nlu, intent, slots)
        return _as_read(nlu, intent, slots)

    def _read_wish_under_shown(self, state: DialogueState, text: str, nlu: NLUResult) -> NLUResult | Reply:
        """A wish about the products shown that the model read as something else: a kind dropped, "the rust one ...
        removable covers?", "add it, back to work", a feature or budget under a service word, "do any come in leather?"."""
        intent, slots = nlu.intent, nlu.slots
        described = re.match(r"\W*(?:(?:ok|omg|ooh|oh|hmm+)\W+)?the\s+([a-z]+)\s+ones?\b", text, re.I)
        colours = [s for s in nlu.spans if s.name == "color"]
        if (intent == "refine" and state.shown and described and len(colours) >= 2 and slot_values(slots, "color")
                and colours[0].text.lower() == described.group(1).lower() and colours[-1].start > described.end()):
            # "the rust one is cute. anything in green?": green ones (rust says which one was cute)
            later = colours[-1].text.lower()
            value = next((c for c in self.s.retriever.vocabulary.get("colors", []) if c.lower() == later), None)
            if value:
                slots = {**slots, "color": value}
                nlu = _as_read(nlu, intent, slots)
        if (intent == "complement_request" and state.shown and not slots.get("category") and slots.get("color")
                and re.match(r"\W*(?:(?:and|ok|okay|hmm+|maybe|or)\W+)?(?:any(?:thing)?\s+|got\s+any\s+|something\s+|one\s+)?in\s+[a-z]+\b",
                             text, re.I)):
            intent = "refine"  # "in white? to match the tablecloths" under outdoor chairs: white ones (the tablecloths are theirs)
            nlu = _as_read(nlu, intent, slots)
        if (intent in ("feedback_dislike", "feedback_like") and not slots.get("item_ref") and not any(slots.get(k) for k in phrases.PRODUCT_SLOTS)
                and re.search(r"(?:^|[,.!;]\s*)(?:ok(?:ay)?\W+|fine\W+)*(?:good ?night|night|bye|goodbye|cya)\W*$", text, re.I)):
            intent, slots = "goodbye", {}  # "ugh only one. fine, goodnight": the chat ends, nothing disliked
            nlu = _as_read(nlu, intent, slots)
        if (intent in ("goodbye", "thanks") and state.shown and any(slots.get(k) for k in phrases.PRODUCT_SLOTS)
                and not phrases.FAREWELL.search(text) and not phrases.THANKS.search(text)):
            intent = "refine"  # "ugh fine, he wins. glass it is": the glass ones
            nlu = _as_read(nlu, intent, slots)
        dropped = _KIND_DROPPED.search(text)
        kind = next((c for c in state.constraints.categories if dropped and singular(c.split()[-1]).lower()
                     == singular(dropped.group(1)).lower()), None)
        if kind and len(state.constraints.categories) == 1 and not slots.get("order_id"):
            # "nah then. forget the rug, what else have you got for her": the same wish, of other kinds
            intent, slots = "refine", {"exclude_category": kind}
            nlu = _as_read(nlu, intent, slots)
        pointed = _THE_ONE_THEN_ASKED.match(text) if intent in ("refine", "search_product", "out_of_scope") and state.shown else None
        if pointed and re.search(r"(?:^|[,.;]\s*)(?:anything|something|any\s+(?:others?|ones?|other)|others)\b", pointed.group(2).strip(), re.I):
            pointed = None  # "the green swivel one is nice but 3.2 stars is a bit worrying, anything better rated?": others wanted
        if pointed:
            picked = described_positions(pointed.group(1), self._shown_products(state))
            about = self._product(state.product_at(picked[0])) if len(picked) == 1 else None
            before = [p for p in map(self._product, state.previous_shown) if p is not None]
            if not picked and before and len(described_positions(pointed.group(1), before)) == 1:
                # "the black one, what's the pile like?" when the black ones were in the list before this one
                picked = described_positions(pointed.group(1), before)
                about = before[picked[0] - 1]
                if product_qa.asks_about(pointed.group(2), about):
                    state.shown, state.compared = [p.id for p in before], []
            if about is not None and (product_qa.asks_about(pointed.group(2), about) or product_qa.asks_field(pointed.group(2))):
                # "the rust one looks fun. removable covers? the dog…": a question about that one
                intent, slots = "product_question", {"item_ref": picked}
                nlu = _as_read(nlu, intent, slots)
        if (state.shown and (intent in ("goodbye", "thanks") or intent == "contact_human" and not phrases.A_PERSON.search(text)
                             and not phrases.TALK_TO_PERSON.search(text))
                and re.match(r"\W*(?:(?:ok|okay|great|perfect|cool)\W+)?(?:add|adding|put)\s+(?:it|that|this|that one|this one|"
                             r"the\s+[a-z]+(?:\s+[a-z]+)?\s+one|#\s?\d)\b", text, re.I)):
            # "add it, back to work 😮‍💨", "adding it 🛒 thanks", "ok add the first one, gotta get back to a meeting": into the
            # cart first
            intent = "add_to_cart"
            nlu = _as_read(nlu, intent, _item_refs_only(slots))
        if (intent in service.SERVICE_INTENTS and intent not in service.HANDOFF_INTENTS and state.shown and state.constraints.categories
                and not slots.get("order_id") and not service.names_a_topic(text) and not service.shop_topic(text)
                and any(self._asked(text, state.constraints.categories))):
            intent = "refine"  # "with cable management pls, it's spaghetti back there" under TV stands
            nlu = _as_read(nlu, intent, slots)
        if (intent in ("payment_issue", "payment_methods") and state.shown and not slots.get("order_id")
                and (slots.get("price_max") is not None or slots.get("price_min") is not None)
                and not service.names_topic(intent, text) and not service.asks_installments(text)):
            intent = "refine"  # "under 600 please, we just paid for the car": a budget for what is shown
            nlu = _as_read(nlu, intent, slots)
        if (intent == "product_question" and state.shown and phrases.any_with(text) and re.search(r"\bcomes? in\b", text, re.I)
                and any(slots.get(k) for k in ("color", "material", "style")) and not slots.get("item_ref")):
            intent = "refine"  # "do any of them come in leather?": the leather ones
            nlu = _as_read(nlu, intent, slots)
        return _as_read(nlu, intent, slots)

    def _read_service_topic(self, state: DialogueState, text: str, nlu: NLUResult) -> NLUResult | Reply:
        """The service topic a message names or continues: a postcode, one of the shop's rules (price match, codes,
        instalments), a date, an order change, and the follow-ups of the last service answer (an order number, a
        return's pickup, money back, the address, a safe place); a few product readings that a service word hid."""
        intent, slots = nlu.intent, nlu.slots
        if (intent == "complaint" and not slots.get("order_id") and not _ANGRY.search(text) and not state.order_id
                and (_SMALL_TALK_ASKED.search(text) or _OPEN_THIS_EARLY.search(text))):
            # "lol is it just me or is this storm insane. are you guys even open today": small talk, no complaint
            return _as_read(nlu, "greet" if phrases.HELLO.match(text) else "out_of_scope", {})
        if (intent in ("order_status", "delivery_time", "add_to_cart") and state.order_id and state.last_action in ("service", "handoff")
                and re.search(r"\b(?:can|could)\s+(?:it|they|the order|my order)\s+(?:go|be sent|be delivered)\s+to\b", text, re.I)
                and _SEND_IT_ELSEWHERE.search(text)):
            return _as_read(nlu, "shipping_address", _order_id_only(slots))  # "ok well can it go to the new house instead? 14 ..."
        if (intent in service.SERVICE_INTENTS and intent not in service.HANDOFF_INTENTS and slots.get("category")
                and not slots.get("order_id") and not _generic_category(slots) and _SHOW_ME.search(text)
                and not phrases.BOUGHT_HERE.search(text)):
            # "ok. can you show me a smaller sofa then, under 1000?" after a refund answer: a product request
            return _as_read(nlu, "search_product", slots)
        if intent == "refund" and _REFUND_OF_THEIRS.search(text) and not slots.get("order_id"):
            # "tax refund landed so the saggy old couch is finally getting replaced, thinking velvet": money of theirs
            named = [names for gram, names in mentioned_categories(text, self.s.retriever.vocabulary.get("categories", []))
                     if not is_room(gram)]
            if named and not slots.get("category"):
                slots = {**slots, "category": named[-1][0] if len(named[-1]) == 1 else named[-1]}
            room = next((m.group(0) for m in re.finditer(r"\b(?:bedroom|living room|dining room|office|nursery|hallway|kitchen)\b",
                                                         text, re.I)), None)
            if room and not slots.get("room"):
                slots = {**slots, "room": room}
            wishes = slots.get("category") or any(slots.get(k) for k in (*phrases.PRODUCT_SLOTS, "price_max", "price_min", "room"))
            intent = ("refine" if wishes and state.shown and not slots.get("category") else
                      "search_product" if wishes or phrases.WANTS_OTHERS.search(text) else "out_of_scope")
            return _as_read(nlu, intent, slots)
        postcode = _POSTCODE.search(text)
        code = re.search(r"\d{5}", postcode.group(0)) if postcode else None
        as_price = code is not None and any(slots.get(k) is not None and float(slots[k]) == float(code.group(0))
                                            for k in ("price_max", "price_min"))
        if postcode and (slots.get("order_id") or as_price):
            # "how much is shipping to 90210 (for a sectional)?": a postcode, not an order number nor a budget
            slots = {k: v for k, v in slots.items() if k not in ("order_id", "price_max", "price_min")}
            how_long = re.search(r"\bhow (?:long|soon|quickly|fast)\b|\bhow many (?:days|weeks)\b"
                                 r"|\bwhen (?:would|will|could|can|do|does) (?:it|they|that|the \w+|i get it)\b", text, re.I)
            # "how long does it take to get a sofa delivered to 10025?": the delivery time there
            intent = ("delivery_time" if how_long and intent in ("delivery_time", "delivery_options", "out_of_scope", "order_status") else
                      "delivery_options" if intent in ("order_status", "delivery_time", "out_of_scope", "search_product", "refine")
                      # "fine i'll just order without it. how much is shipping to 11222?": no cancelling named
                      or intent in ("cancel_order", "payment_issue", "payment_methods", "refund")
                      and not service.names_topic(intent, text) and phrases.DELIVERY_WORD.search(text)
                      else intent)
            nlu = _as_read(nlu, intent, slots)
        elif ((intent == "out_of_scope" or intent in ("cancel_order", "payment_issue", "refund") and not slots.get("order_id")
               and not service.names_topic(intent, text))
              and phrases.DELIVERY_WORD.search(text) and phrases.COST_WORD.search(text)):
            intent = "delivery_options"  # "btw is delivery free over a certain amount?", "is there a delivery charge on top of that?"
            nlu = _as_read(nlu, intent, slots)
        if intent in ("refund", "payment_issue", "payment_methods", "cancel_order", "out_of_scope") and _WENT_THROUGH.search(text):
            intent = "order_status"  # "ok. and the order itself did go through right?" after a double charge: the order's state
            nlu = _as_read(nlu, intent, _order_id_only(slots))
        if intent in ("delivery_options", "delivery_time", "order_status", "out_of_scope") and _FEE_BACK.search(text):
            intent = "refund"  # "i want the delivery fee back at the very least": money back
            nlu = _as_read(nlu, intent, _order_id_only(slots))
        if (intent in ("search_product", "refine", "out_of_scope") and _ANGRY.search(text)
                and (_NEVER_CAME.search(text) or _DELIVERY_MISSED.search(text)) and not phrases.WANTS_OTHERS.search(text)):
            # "third delivery date missed for my bed frame. this is ridiculous, your service is terrible": a complaint
            intent = "complaint"
            nlu = _as_read(nlu, intent, _order_id_only(slots))
        elif intent == "cancel_order" and phrases.KEEP_THE_ORDER.search(text) and re.search(r"\bcomplain\w*|\bpoor\b", text, re.I):
            # "no wait dont cancel it, we still want it. but honestly this is really poor, i want to file a complaint"
            intent = "complaint"
            nlu = _as_read(nlu, intent, _order_id_only(slots))
        if (intent in ("return_item", "out_of_scope", "search_product") and _DUE_TO_COME.search(text) and not _SENDS_BACK.search(text)
                and not any(slots.get(k) for k in phrases.PRODUCT_SLOTS)):
            intent = "order_status"  # "my dresser is supposed to be delivered today but ... will the driver still come?"
            nlu = _as_read(nlu, intent, _order_id_only(slots))
        elif (intent in ("search_product", "refine", "out_of_scope") and _SWAP_IT.search(text) and not state.shown
                and re.search(r"\b(?:bought|ordered|got|purchased)\b", text, re.I)):
            intent = "return_item"  # "bought a queen duvet cover for my mum ... can i swap it": an exchange of what they have
            nlu = _as_read(nlu, intent, _order_id_only(slots))
        if ((state.shown or state.focus_id) and intent in service.SERVICE_INTENTS and not slots.get("order_id")
                and re.match(r"\W*(?:(?:fine|ok|okay|alright|sold|great|right|perfect)\W+){0,2}(?:add|take|buy)\s+(?:it|that|this)\s*[.!,]",
                             text, re.I)):
            return _as_read(nlu, "add_to_cart", {})  # "fine, add it. if this gets cancelled too i'm never shopping here again lol"
        if ((state.shown or state.focus_id) and intent in service.SERVICE_INTENTS and not slots.get("order_id")
                and re.search(r"\b(?:out of stock|sold out)\b", text, re.I)
                and re.search(r"\b(?:anything|something|any)\s+(?:similar|else|like (?:it|that|this))\b", text, re.I)):
            # "it says out of stock?? anything similar i can actually get before next weekend": others, in stock
            return _as_read(nlu, "refine", {"in_stock": True})
        if (intent == "payment_issue" and re.search(r"\bback ?order\w*|\bawaiting stock\b|\bnow (?:it'?s|its) (?:delayed|late)\b", text, re.I)
                and service.topic("payment_issue", text) == "request"):
            # "ordered an armchair your site showed in stock, got charged, now it's 'backordered 6 weeks'": the order late
            return _as_read(nlu, "complaint" if service.is_upset(text) or _ANGRY.search(text) else "order_status", _order_id_only(slots))
        if intent == "return_item" and _NEVER_CAME.search(text) and not _SENDS_BACK.search(text):
            intent = "order_status"  # "the matching side table from the same order never came, order #39015"
            nlu = _as_read(nlu, intent, slots)
        if (intent == "delivery_time" and phrases.DELIVERY_WORD.search(text) and phrases.COST_WORD.search(text)
                and not re.search(r"\bhow (?:long|soon|quickly|fast)\b|\bwhen\b|\b(?:days?|weeks?)\b", text, re.I)):
            intent = "delivery_options"  # "quick one before work, how much is delivery on a sofa?": its cost
            nlu = _as_read(nlu, intent, slots)
        elif (intent not in ("contact_human", "complaint", "cancel_order", "delivery_options", "shipping_address")
              and _DRIVER_ASKED.search(text) and not phrases.TALK_TO_PERSON.search(text) and not slots.get("category")
              # (not "drop it at my office address instead", "can they drop it to my work?"; but "weekdays im at work")
              and not re.search(r"\baddress\b|\b(?:to|at)\s+(?:my|the|our)\s+(?:office|work)\b", text, re.I)):
            intent = "delivery_options"  # "can the driver call 30 mins before?", "can the driver just leave it round the back?"
            nlu = _as_read(nlu, intent, slots)
        elif (intent in ("cancel_order", "order_status", "search_product", "refine", "out_of_scope") and _SEND_IT_ELSEWHERE.search(text)
              and (slots.get("order_id") or state.last_action == "service")):
            # "actually no, dont cancel. can you just send it to her new flat instead, 14 Elm Street apt 3": a new address
            intent, slots = "shipping_address", _order_id_only(slots)
            nlu = _as_read(nlu, intent, slots)
        elif (intent in ("order_status", "search_product", "refine", "delivery_time") and slots.get("order_id")
              and _TO_THE_OLD_ADDRESS.search(text)):
            intent, slots = "shipping_address", _order_id_only(slots)  # "my patio set order is going to the old flat!! order 61207"
            nlu = _as_read(nlu, intent, slots)
        elif intent in ("order_status", "search_product", "refine") and slots.get("order_id") and _ORDERED_THE_WRONG_ONE.search(text):
            intent, slots = "change_order", _order_id_only(slots)  # "i ordered a queen mattress ... but we actually need the king, order 80415"
            nlu = _as_read(nlu, intent, slots)
        elif (intent in ("search_product", "refine", "out_of_scope") and not slots.get("order_id") and state.last_action == "service"
              and state.last_service_intent in ("delivery_time", "delivery_options") and _FASTER_DELIVERY.search(text)):
            # "do you deliver on monday?", then "what about express then, i need a patio set here before our bbq next
            # saturday": the delivery options, no patio sets yet
            intent, slots = "delivery_options", {}
            nlu = _as_read(nlu, intent, slots)
        elif (intent in ("search_product", "out_of_scope") and not slots.get("order_id") and _ARRIVES_IN_TIME.search(text)
              and not any(slots.get(k) for k in ("category", *phrases.PRODUCT_SLOTS))):
            intent, slots = "delivery_time", {}  # "can anything get here by tomorrow??": how soon things come
            nlu = _as_read(nlu, intent, slots)
        elif (intent in ("out_of_scope", "search_product") and phrases.is_question(text) and not slots.get("category")
              and re.search(r"\b(?:my|our|the)\s+(?:delivery|order|parcel|package)\b", text, re.I)):
            intent = "order_status"  # "power's back 🎉 will the power cut mess up my delivery tomorrow?"
            nlu = _as_read(nlu, intent, _order_id_only(slots))
        elif (state.last_action in ("service", "handoff") and state.last_service_intent in ("order_status", "delivery_time")
              and intent in ("search_product", "refine", "out_of_scope")
              and re.search(r"\b(?:can|could|will)\s+(?:it|they)\s+(?:come|arrive|be delivered|get here)\b", text, re.I)):
            # "can it come today? ... its a dresser so someone has to be in" after a late delivery: that order
            intent, slots = "order_status", {}
            nlu = _as_read(nlu, intent, slots)
        elif intent == "order_status" and not slots.get("order_id") and _ORDER_NOT_YET_PLACED.search(text):
            intent = "delivery_time"  # "can i order tonight and still have it ship friday?": an order not placed yet
            nlu = _as_read(nlu, intent, slots)
        rule = service.shop_topic(text)
        if (rule is None and service.asks_installments(text)
                and (intent in ("search_product", "refine", "out_of_scope") and (
                    _ASKS_TO_PAY_LATER.search(text)  # ... or nothing else asked: "and klarna or some kind of pay in 4?"
                    or not slots.get("category") and not any(slots.get(k) for k in phrases.PRODUCT_SLOTS))
                     or intent in ("delivery_options", "delivery_time", "order_status"))):
            # "do u take afterpay or klarna? want to spread out paying for a new mattress", "is there any way to
            # spread the cost over a few months?"
            rule = "payment_methods"
        if rule == "return_item" and intent in ("cancel_order", "refund") and service.names_topic(intent, text):
            rule = None  # "i need to cancel my order, got the wrong size rug": a cancellation, said so
        if rule and not phrases.TALK_TO_PERSON.search(text):
            # "do you price match? the same chair is $40 cheaper elsewhere", "my code WEEKEND20 doesn't work"
            intent, slots = rule, _order_id_only(slots)
        elif ((phrases.BY_DATE.search(text) and (not slots.get("category") or state.last_action == "service")
               or phrases.DELIVERED_BY.search(text) and re.search(r"\?|\b(?:possible|doable|can you|could you)\b", text, re.I))
              and intent not in service.SERVICE_INTENTS and intent != "contact_human" and not slots.get("in_stock")
              # (not "it was like 840 dollars, kinda need that back before xmas shopping" after a refund question)
              and not (phrases.MONEY_BACK.search(text) and state.last_service_intent in ("refund", "cancel_order", "payment_issue"))):
            # "only what's in stock, I need it by the 4th" filters; "we need a bed delivered by friday the 12th, possible?" asks
            intent = "delivery_time"  # "we need it by friday the 12th, is that doable?"
            slots = _order_id_only(slots)
        elif (phrases.ORDER_CHANGE.search(text) and intent not in ("contact_human", "payment_issue", "complaint")
              and not service.names_topic("shipping_address", text)
              and not (state.shown and (slots.get("item_ref") or parse_item_refs(text)) and not slots.get("order_id"))
              # "That will do nicely. Please add it to my order." of the lamp just shown: the cart
              and not (state.shown and state.last_action not in ("service", "handoff") and not slots.get("order_id")
                       and re.search(r"\b(?:add|put)\s+(?:it|that|this|this one|that one|them)\s+(?:to|in|on|into)\s+my\s+order\b", text, re.I)
                       and not re.search(r"\b(?:existing|already|placed|yesterday|last week|previous|other)\b", text, re.I))):
            intent, slots = "change_order", _order_id_only(slots)  # not the cart
        elif state.last_action in ("service", "handoff") and state.last_service_intent and (
                phrases.JUST_ORDER_ID.match(text)
                or (not state.shown and state.last_service_intent in ("return_item", "complaint")
                    and re.search(r"\bsend\b.{0,30}\binstead\b", text, re.I))  # "can u just send the navy one instead"
                or (not state.shown and intent in ("add_to_cart", "product_question", "compare", "feedback_like", "feedback_dislike")
                    and not slots.get("category") and self.named_product(text) is None
                    and not mentioned_categories(text, self.s.retriever.vocabulary.get("categories", [])))):
            # "the order was 29904" after a complaint; "can you just send the navy one?" after a wrong delivery
            intent = state.last_service_intent
            if intent == "refund" and "return_item" in state.service_intents and phrases.RETURN_PICKUP.search(text):
                intent = "return_item"  # "and do you come pick it up or do I have to drop it off somewhere"
        elif (state.last_action in ("service", "handoff") and intent in ("out_of_scope", "search_product", "refine", "delivery_options",
                                                                       "delivery_time", "order_status", "refund")
              and state.last_service_intent in ("return_item", "refund", "complaint", "delivery_time", "delivery_options")
              and "return_item" in state.service_intents and phrases.RETURN_PICKUP.search(text) and not slots.get("category")
              and not phrases.MONEY_BACK.search(text)):
            intent, slots = "return_item", _order_id_only(slots)  # "do I need to keep the box?"
        elif (state.last_action in ("service", "handoff") and state.last_service_intent in ("order_status", "delivery_time",
                                                                                          "delivery_options", "complaint")
              and "order_status" in state.service_intents and intent in ("out_of_scope", "delivery_time", "delivery_options",
                                                                         "order_status")
              and phrases.ORDER_WHEREABOUTS.search(text) and not slots.get("category")):
            intent = "order_status"  # "can you at least tell me whether it has left your warehouse?" about that order
        elif (state.last_action in ("service", "handoff") and state.last_service_intent in ("order_status", "delivery_time")
              and state.order_id and intent in ("search_product", "out_of_scope") and service.is_upset(text)
              and not phrases.SHOPPING_OPENER.search(text) and not phrases.WANTS_TO_BUY.search(text)
              and not any(slots.get(k) for k in (*phrases.PRODUCT_SLOTS, "category"))):
            # "this is really stressing me out, my parents arrive tuesday and they need somewhere to sleep" about the
            # late order
            intent, slots = "complaint", _order_id_only(slots)
        elif (state.last_action in ("service", "handoff")
              and state.last_service_intent in ("order_status", "delivery_time", "complaint", "return_item", "cancel_order")
              and intent in ("search_product", "refine", "out_of_scope")
              and re.match(r"\W*(?:it'?s|its|it is|it was|they'?re|they are)\s+(?:a|an|the|two|some)\s+", text, re.I)
              and not phrases.SHOPPING_OPENER.search(text) and not phrases.is_question(text)
              and (not slots.get("price_max") or state.last_service_intent in ("return_item", "cancel_order"))):
            # "its a dresser and my in-laws are staying next weekend so we kind of need it" about the late order; "its a
            # rug, the colour is nothing like the photo" about a return; "it's the velvet armchair, 1400 bucks, what was
            # i thinking" about a cancellation
            intent, slots = state.last_service_intent, _order_id_only(slots)
        elif (state.last_action in ("service", "handoff") and state.last_service_intent in ("shipping_address", "change_order")
              and phrases.STREET_ADDRESS.search(text) and intent not in ("contact_human", "cancel_order")):
            intent, slots = state.last_service_intent, _outside_the_address(slots, text)  # "the new one is 22 Birch Lane"
        elif (state.last_action in ("service", "handoff") and state.last_service_intent in ("cancel_order", "change_order")
              and phrases.SWAP_IT.search(text) and intent not in ("contact_human",)):
            intent, slots = "change_order", _order_id_only(slots)  # "swap it for the white version instead"
        elif (state.last_action in ("service", "handoff") and state.last_service_intent in ("return_item", "refund")
              and phrases.SWAP_IT.search(text) and intent not in ("contact_human",)
              # (not "... swap it for a different one. do you have round mirrors?": that asks for products)
              and not re.search(r"\b(?:do|does) (?:you|u) (?:have|sell|do|stock|carry)\b|\bhave you got\b|\bgot any\b|\bshow me\b",
                                text, re.I)):
            intent, slots = "return_item", _order_id_only(slots)  # "or could you swap it for a firmer one instead?": an exchange
        elif ((state.last_service_intent in ("payment_issue", "refund", "return_item", "cancel_order", "complaint")
               and state.last_action in ("service", "handoff")
               and intent in (*service.SERVICE_INTENTS, "out_of_scope", "search_product", "refine"))
              and (phrases.MONEY_BACK.search(text)
                   # "how long does that take to come through?" after "I just want my money back"
                   or state.last_service_intent in ("refund", "cancel_order", "payment_issue") and _COMES_THROUGH.search(text)
                   and not _WENT_THROUGH.search(text))  # (not "and the order itself did go through right?")
              and intent not in service.HANDOFF_INTENTS
              and not any(slots.get(k) for k in (*phrases.PRODUCT_SLOTS, "category") if k not in ("price_max", "price_min"))):
            # "how long until I get it back?" after a double charge, "and when do I see my money again" after a
            # cancellation, "I want every penny back" after a complaint, "when will the extra $429 be back?" (no budget)
            intent, slots = "refund", _order_id_only(slots)
        elif (state.order_id and state.last_action in ("service", "handoff") and not slots.get("category")
              and state.last_service_intent in ("order_status", "shipping_address", "change_order", "delivery_time")
              and re.search(r"\bleave\s+(?:it|them|the (?:parcel|package|order|box))\s+(?:with|at|by|behind|in|next door)\b"
                            r"|\b(?:in|at) a safe ?place\b", text, re.I)  # (not "nothing at my door or with the neighbours")
              and service.topic("delivery_options", text) != "safe_place"):  # (nor "leave it by the back door": a safe place)
            # "can the driver leave it with my neighbour at number 12": where that order is delivered
            intent, slots = "shipping_address", _order_id_only(slots)
        elif (state.order_id and state.last_action in ("service", "handoff")
              and state.last_service_intent in ("order_status", "shipping_address", "change_order")
              and intent in ("delivery_options", "delivery_time", "shipping_address", "change_order", "out_of_scope")
              and not slots.get("order_id") and not phrases.STREET_ADDRESS.search(text)
              and (phrases.BY_DATE.search(text) or re.search(r"\bdelivery (?:window|slot|date|time)\b|\btime ?slot\b|\beta\b"
                                                              r"|\bnew\s+(?:delivery\s+)?(?:date|day|window|slot)\b", text, re.I))
              # (not "whats the usual delivery window anyway, morning or afternoon?": the shop's rule)
              and not re.search(r"\b(?:usual|usually|normally|generally|in general|typical|typically)\b", text, re.I)):
            # "can you at least give me a delivery window" about a late order; "will it still get to me by friday?"
            # after changing its address: that order
            intent = "order_status"
        elif (state.last_action == "service" and state.last_service_intent
              and (intent in service.SERVICE_INTENTS or (intent == "out_of_scope" and phrases.is_question(text)))
              and intent != state.last_service_intent and intent not in service.HANDOFF_INTENTS
              and not {intent, state.last_service_intent} <= {"delivery_time", "delivery_options"}
              and not service.names_a_topic(text) and len(text.split()) <= 12 and not phrases.THANKS.search(text)
              and phrases.SAME_TOPIC.search(text) and not phrases.OFF_TOPIC.search(text)
              and not (intent == "delivery_options" and _DRIVER_ASKED.search(text))  # ("can the driver call 30 mins before?")
              # (not "is it going to take another 3 weeks tho" after a replacement: how long delivery takes)
              and not (intent == "delivery_time" and state.last_service_intent == "return_item"
                       and re.search(r"\b(?:another|again)\b.{0,12}\b(?:days?|weeks?|months?)\b", text, re.I))
              # (not "can't you just email it over?" after an invoice, then a log-in problem: the invoice)
              and not ("invoice" in state.service_intents[-2:] and service.SEND_IT.search(text))):
            # "is there a fee for doing that" after cancelling, "and can you leave the price off the packing slip",
            # "can it show my company name" after an invoice
            intent = state.last_service_intent
        elif (state.last_action == "service" and state.last_service_intent and intent == "out_of_scope"
              and state.last_service_intent not in service.HANDOFF_INTENTS and phrases.is_question(text)
              and len(text.split()) <= 12 and not slots.get("category") and not any(slots.get(k) for k in phrases.PRODUCT_SLOTS)
              and not phrases.ARE_YOU_A_BOT.search(text) and not phrases.FAREWELL.search(text)
              and not phrases.OFF_TOPIC.search(text)  # not "what's the weather like tomorrow lol"
              # nor "thanks. random but did you see the game last night?"
              and not re.search(r"\b(?:random|unrelated|off[- ]topic)\b", text, re.I)):
            # "Do I need to keep the original box?" after how to return; "whats the latest time in the evening you guys
            # deliver?" after an address change: the topic it names
            named_topic = service.topic_named(text)
            if state.last_service_intent == "cancel_order" and _IF_SHIPPED.search(text):
                named_topic = None  # "and what if it already shipped?" after asking to cancel: the cancelling rule
            intent = named_topic if named_topic and not service.names_topic(state.last_service_intent, text) else state.last_service_intent
        elif (state.last_action == "service" and state.last_service_intent and intent in ("out_of_scope", "change_order")
              and state.last_service_intent not in service.HANDOFF_INTENTS
              and (service.names_topic(state.last_service_intent, text)
                   or state.last_service_intent == "return_item" and re.search(r"\boriginal\s+(?:box|packaging)\b", text, re.I))
              and not service.names_topic(intent, text)
              and not slots.get("category")):
            # ("do i have to pack it in the original box?" after a return)
            intent = state.last_service_intent  # "and the reset email never arrives either" after a log-in problem
        elif (state.last_action == "service" and state.last_service_intent == "account_help" and intent in ("complaint", "out_of_scope")
              and not service.is_upset(text) and service.topic("account_help", text) == "reset_email"):
            intent = "account_help"  # "i've tried like 3 times and checked spam too" after the reset email did not come
        elif (state.last_service_intent == "cancel_order" and intent in ("order_status", "delivery_time", "delivery_options")
              and not slots.get("order_id")
              and _IF_SHIPPED.search(text)):
            intent = "cancel_order"  # "and what if it's already been shipped?" after asking to cancel: the cancelling rule
        elif (intent in service.SERVICE_INTENTS and intent not in service.HANDOFF_INTENTS and state.shown
              and state.constraints.categories and not slots.get("order_id") and not service.names_a_topic(text)
              and not service.shop_topic(text) and not phrases.ORDER_WORDS.search(text)
              and any(any(self._asked(clause, state.constraints.categories)) for clause in phrases.clauses(text)
                      if phrases.A_MUST.search(clause) or _FIRMLY.search(clause))):
            intent = "refine"  # "it has to be round, the dining room is pretty square" under dining tables: a wish
        elif (intent == "feedback_dislike" and state.shown
              and re.search(r"\b(?:is|looks|'s)\s+(?:actually\s+|so\s+|well\s+|pretty\s+|really\s+|kinda\s+)?(?:sick|fire|dope|lit|mint|"
                            r"banging|bangin|ace|class|peng)\b", text, re.I)
              and not re.search(r"\b(?:not|isn'?t|aint|ain'?t)\b", text, re.I)):
            intent = "feedback_like"  # "the second one is actually sick": slang praise
        elif (state.last_service_intent == "complaint" and state.last_action in ("service", "handoff")
              and intent in ("out_of_scope", "search_product", "thanks") and not slots.get("category")
              and (service.is_upset(text) or re.search(r"\b(?:put (?:it|this|that) right|sort (?:it|this|that) out|make (?:it|this) right|"
                                                        r"fob(?:bed)? (?:me )?off|not good enough|compensat\w*)\b", text, re.I))):
            intent = "complaint"  # "and don't just fob me off with a sorry, I want it put right"
        elif _asks_about_shown(state, text, intent):
            # "do any of them have storage?" under armchairs: about the ones shown ("recline": see ``_read_kinds``)
            intent = "product_question"
        elif intent in ("return_item", "refund", "out_of_scope") and service.damaged_their_home(text):
            intent = "complaint"  # "your delivery guys scratched the wall all the way up my hallway": their home, not the item
        elif (intent in ("search_product", "out_of_scope", "order_status") and service.delivery_mishandled(text)
              and not phrases.is_question(text)):
            intent, slots = "complaint", _order_id_only(slots)  # "your delivery guys left my dresser outside in the snow"
        elif (("invoice" in state.service_intents[-2:])
              and intent in ("account_help", "out_of_scope", "complaint", "shipping_address", "delivery_options", "delivery_time",
                             "order_status", "leave_review")
              and service.SEND_IT.search(text) and not phrases.TALK_TO_PERSON.search(text)):
            intent = "invoice"  # "can't find where to download it. can you just email it to me?" after an invoice question
        return _as_read(nlu, intent, slots)

    def _read_person_or_closing(self, state: DialogueState, text: str, nlu: NLUResult) -> NLUResult | Reply:
        """A person asked for; a refund that is an invoice or an exchange, express delivery, that order's arrival; or a
        closing: praise, a greeting, thanks, "are you a bot?"."""
        intent, slots = nlu.intent, nlu.slots
        if intent != "contact_human" and (phrases.TALK_TO_PERSON.search(text)
                                          or (intent == "complaint" and phrases.A_PERSON.search(text))) and not (
                # "can someone just email me the invoice for order 40288?": the invoice, sent
                intent == "invoice" and re.search(r"\b(?:email|e-mail|send|mail)\s+(?:it\s+)?(?:to\s+)?(?:me|us)?\s*(?:the|my|an|a|our)\s+"
                                                  r"(?:invoice|receipt)\b", text, re.I)
                # "i was charged twice for my order 49930, can someone look at this": that charge, looked at
                or (intent == "payment_issue" and slots.get("order_id")
                    and not re.search(r"\b(?:person|human|agent|representative|manager|supervisor|staff|team)\b", text, re.I))):
            intent = "contact_human"  # "now get me a real person about that order", "... I want to speak to a manager"
        elif (intent == "refund" and (service.names_topic("invoice", text) or phrases.FOR_THE_BOOKS.search(text))
              and not service.names_topic("refund", text)):
            # "need a receipt for order 33971 for my work reimbursement", "it's for order 77120, i need it for my tax
            # return" after asking for an invoice
            intent = "invoice"
        elif intent == "refund" and (service.topic(intent, text) in ("replacement", "wrong_item") or (
                service.names_topic("return_item", text) and not service.names_topic("refund", text))):
            intent = "return_item"  # "I want a replacement, not my money back", "can I send it back to you?"
        elif (intent in ("payment_methods", "payment_issue", "out_of_scope") and not slots.get("order_id")
              and re.search(r"\b(?:faster|quicker|express|sooner|speedier|rush|next[- ]day)\b", text, re.I)
              and (phrases.DELIVERY_WORD.search(text) or state.last_service_intent in ("delivery_time", "delivery_options"))):
            intent = "delivery_options"  # "is there a faster option if I pay extra?" after delivery questions: express
        elif intent in ("delivery_time", "delivery_options") and (slots.get("order_id") or phrases.MY_ORDER_ARRIVING.search(text)):
            intent = "order_status"  # "and when will my sofa arrive? order #70021"
        elif (intent in ("delivery_time", "delivery_options") and service.says_damaged(text)
              and service.shop_topic(text) is None):
            # "and what happens if something shows up broken?": what a damaged delivery gets (not "would you take
            # our old table away? it's falling apart")
            intent = "return_item"
        elif intent in ("feedback_like", "out_of_scope", "greet") and not slots.get("item_ref") and phrases.COMPLIMENT.search(text):
            intent = "thanks"  # "lol you're pretty good at this"
        elif ((intent in ("out_of_scope", "smalltalk") or intent in ("refine", "show_more", "search_product") and not state.shown)
              and not slots and (len(text.split()) <= 10 or len(text.split()) <= 20 and phrases.JUST_BROWSING.search(text))
              and (phrases.HELLO.match(text) or phrases.JUST_BROWSING.search(text)) and not phrases.SHOPPING.search(text)
              and not phrases.FURNISHING.search(text)  # not "hiii i wanna make my room look less boring"
              # nor "haha ok. just browsing, nothing specific today. thanks anyway!": a closing
              and not re.search(r"\b(?:thanks?|thx|ty|cheers)(?:\s+(?:anyway|anyways|though|tho|again))?\W*$", text, re.I)
              and not phrases.ASKS_SOMETHING_ELSE.search(text)):  # not "yo whats the weather like today"
            # "hello, anyone awake? :)", "hi there, just browsing really, no rush", "morning!! quick one before my train"
            # (nothing shown yet to refine)
            intent = "greet"
        elif (intent in ("search_product", "refine", "feedback_like", "out_of_scope") and (phrases.THANKS.search(text) or _PRAISED.search(text))
              and phrases.BOUGHT_FROM_US.search(text) and not phrases.SHOPPING.search(text) and not phrases.is_question(text)
              and not service.names_a_topic(text) and not service.is_upset(text) and not service.says_damaged(text)):
            intent, slots = "thanks", {}  # "just wanted to say the bookcase we got last month looks great in the hallway, thank you"
        elif (intent == "leave_review" and phrases.THANKS.search(text) and not phrases.REVIEW_WORD.search(text)):
            intent = "thanks"  # "just wanted to say thanks, the sofa we ordered last month is lovely"
        elif intent == "feedback_like" and not slots.get("item_ref") and phrases.THINK_IT_OVER.search(text):
            intent = "thanks"  # "hmm ok, i'll think about it. thanks!": no like, no choice yet
        elif (intent == "feedback_like" and (state.focus_id or len(state.shown) == 1) and phrases.CHECKOUT.search(text)
              and not state.cart):
            intent = "add_to_cart"  # "that's the one. checkout" after liking it: into the cart, then how to pay
        elif (((intent in ("refine", "search_product", "out_of_scope", "greet", "show_more"))
               or (intent in service.SERVICE_INTENTS and not service.names_a_topic(text) and not service.shop_topic(text)))
              and phrases.THANKS.search(text)
              and len(text.split()) <= 8 and not phrases.MORE.search(text) and not phrases.SHOPPING.search(text)
              and (not slots or set(slots) <= {"item_ref"} and re.search(r"\bthanks? (?:anyway|anyways|though|tho)\b", text, re.I))):
            # "ok never mind, thanks", "worth a try lol. thanks anyway", "ok good to know, thx", "Thanks, I'll think it over.",
            # "hmm only 3. ok thanks anyway" (a count, no product)
            intent = "thanks"
        elif intent in ("contact_human", "out_of_scope", "greet") and phrases.ARE_YOU_A_BOT.search(text) \
                and not phrases.TALK_TO_PERSON.search(text):
            intent = "out_of_scope"  # a question about the assistant, not a request for a person
            return self._reply(state, _as_read(nlu, intent, slots), "smalltalk",
                               "I'm the shop's virtual assistant, not a person. I can find products, compare them and help "
                               "with orders, returns and delivery; if you'd rather talk to a person, just say so.",
                               quick_replies=["Talk to a person", "Find a sofa", "Track my order"])
        return _as_read(nlu, intent, slots)

    def _read_short_replies(self, state: DialogueState, text: str, nlu: NLUResult) -> NLUResult | Reply:
        """Short replies to the last answer: thanks or a complaint after a service answer, "sorry for the hassle",
        thanks that end the chat, "what else would go with it", a site problem, a payment method, a question about
        the product talked about."""
        intent, slots = nlu.intent, nlu.slots
        if (state.last_action == "service" and intent in service.SERVICE_INTENTS and intent not in service.HANDOFF_INTENTS
                and len(text.split()) <= 16 and not phrases.is_question(text) and not slots.get("order_id")):
            if (phrases.THANKS.search(text) and len(text.split()) <= 10
                    and not re.search(r"\b(?:cancel|return|refund|exchange|swap)\s+(?:it|them|that|the order|my order)\b", text, re.I)):
                intent = "thanks"  # "ok good. thanks for sorting it" (not "nah just cancel it, thanks")
            elif (service.is_upset(text) and service.topic(intent, text) != "reset_email"  # ("still no reset email")
                  and (not phrases.SERVICE_WORDS.search(text) and len(text.split()) <= 10
                                             or (intent == state.last_service_intent or re.search(
                                                 r"\b(?:happened before|again|every time|your (?:\w+ )?(?:system|service|company|website|site|app))\b",
                                                 text, re.I)) and not phrases.THANKS.search(text))):
                # "that's pretty annoying honestly"; "this has happened before too, honestly your payment system is a
                # mess" after the payment answer
                intent = "complaint"
        if (_THANKS_FIRST.match(text) and phrases.COMPLIMENT.search(text) and intent not in ("contact_human",)
                and not slots.get("order_id") and not service.names_a_topic(text) and not phrases.is_question(text)):
            intent, slots = "thanks", {}  # "ok thank you, you've been more helpful than my bank today"
            nlu = _as_read(nlu, intent, slots)
        if (re.match(r"\s*(?:ok(?:ay)?[,.!]*\s+)?(?:(?:good|great|perfect|lovely)[,.!]*\s+)?sorry (?:for|about) (?:the|all the) "
                     r"(?:hassle|trouble|bother|fuss|confusion)\W*$", text, re.I)
                and not service.is_upset(text) and intent not in ("contact_human",)):
            intent, slots = "thanks", {}  # "ok good. sorry for the hassle!"
            nlu = _as_read(nlu, intent, slots)
        elif ((_THANKS_FIRST.match(text) or phrases.THANKS.search(text) and not phrases.ADD_THAT.search(text))
              and intent == "add_to_cart" and phrases.PUTS_OFF.search(text)):  # ("ok i'll wait till march to buy but thank you!!")
            intent, slots = "thanks", {}  # "Thank you dear, I'll ask my daughter to order it tonight."
            nlu = _as_read(nlu, intent, slots)
        elif (_THANKS_FIRST.match(text)
              # (not "thanks. random but did you see the game last night?": a question of another kind)
              and not (intent == "out_of_scope" and phrases.is_question(rest := text[_THANKS_FIRST.match(text).end():])
                       and len(rest.split()) >= 5)
              and (intent in ("out_of_scope", "greet", "refine", "search_product", "feedback_like")
                   or (intent == "leave_review" and not phrases.REVIEW_WORD.search(text))  # not "thanks. I'd also like to write a review"
                   or (intent == "contact_human" and state.last_action == "handoff" and len(text.split()) <= 6)
                   # "Thank you, dear. You have been very patient with me. Goodbye.": no person asked for
                   or (intent == "contact_human" and phrases.FAREWELL.search(text) and not phrases.TALK_TO_PERSON.search(text)
                       and not phrases.A_PERSON.search(text))
                   # "thank you. sorry for shouting, its been a long week", "ok. thanks for sorting it"
                   or (intent == "complaint" and not service.is_upset(text) and not re.search(r"\bfor nothing\b", text, re.I)
                       and not phrases.A_PERSON.search(text))
                   or (intent == "add_to_cart" and state.last_action in ("handoff", "service") and not phrases.CART_WORD.search(text)))
              and not any(slots.get(k) for k in phrases.PRODUCT_SLOTS) and not slots.get("category")
              and not phrases.SERVICE_WORDS.search(text)):
            # "thanks, I need to think about it and talk to my partner"; "ok thanks, that's it for tonight, night!" ends the chat
            intent = "goodbye" if phrases.FAREWELL.search(text) else "thanks"
        elif (intent in ("out_of_scope", "search_product") and (state.shown or state.cart) and not slots.get("category")
              and re.match(r"\W*(?:(?:so|and|ok|okay|hmm+)\W+)?what else\b.{0,30}\b(?:would|could|should|do (?:i|we) need|go|goes|"
                           r"make|finish|complete|add)\b", text, re.I)):
            intent = "complement_request"  # "what else would make the nook feel cosy?" after a floor lamp
        elif (intent == "out_of_scope" and service.topic_named(text) == "account_help" and not slots.get("category")
              and re.search(r"\b(?:your|the) (?:site|website|app|checkout)\b", text, re.I)):
            intent, slots = "account_help", {}  # "your site kept logging me out right in the middle of checkout"
        elif (intent in ("add_to_cart", "search_product", "out_of_scope") and not slots.get("category")
              and not slots.get("item_ref") and service.asks_payment_method(text)):
            intent, slots = "payment_methods", {}  # "oh and do you take apple pay? might order a rug later"
        elif (intent == "out_of_scope" and not slots.get("category")
              and re.search(r"\b(?:your|the) (?:site|website|app|checkout|page)\b.{0,30}\b(?:crash\w*|broken|froze|freez\w*|"
                            r"glitch\w*|not working|doesn'?t work|won'?t load|error)", text, re.I)):
            intent, slots = "complaint", {}  # "your website keeps crashing at checkout, I've lost my cart 3 times tonight"
        elif (intent == "out_of_scope" and nlu.ranking and nlu.ranking[0][0] in service.SERVICE_INTENTS
              and nlu.ranking[0][0] not in service.HANDOFF_INTENTS and service.names_topic(nlu.ranking[0][0], text)):
            # the model's best guess, unsure, and the message names its topic: "lol we still can't agree. if we get
            # one and hate it can we send it back?"
            intent, slots = nlu.ranking[0][0], _order_id_only(slots)
            if intent in ("delivery_time", "delivery_options") and slots.get("order_id"):
                intent = "order_status"  # "has order 55190 shipped yet? also do you take amex": that order
        elif (intent == "out_of_scope" and state.shown and phrases.is_question(text)
              and re.search(r"\b(it|they|this one|that one)\b|^\W*which (?:of|one of) (?:these|those|them)\b", text, re.I)
              and not phrases.OFF_TOPIC.search(text)
              and (state.focus_id or len(state.shown) == 1 or state.last_action == "answer_question"
                   or (re.search(r"\b(?:they|these|those|them)\b", text, re.I) and state.last_action in ("recommend", "refine", "show_more")))):
            intent = "product_question"  # "does it hang with grommets?" about the product talked about: answered honestly
        elif (intent in ("out_of_scope", "refine") and state.shown and not slots.get("category")
              and _WHICH_IS_MORE.search(text) and not phrases.OFF_TOPIC.search(text)):
            intent = "product_question"  # "which is cooler to sleep on", "the latex ones, which is cooler?": among those shown
        elif (intent == "out_of_scope" and state.shown and (state.focus_id or len(state.shown) == 1)
              and re.search(r"\bout of stock\b|\bback in stock\b|\bwhen'?s it back\b|\bwhen (?:will|is) it back\b|\brestock\w*", text, re.I)):
            intent = "product_question"  # "out of stock?? ugh when's it back": about the one talked about
        elif (intent == "out_of_scope" and state.shown and phrases.is_question(text) and len(text.split()) <= 8
              and not slots and (first := self._product(state.shown[0])) is not None and product_qa.asks_about(text, first)):
            intent = "product_question"  # "whats the pile like" under shown rugs: a listed detail of theirs
        return _as_read(nlu, intent, slots)

    def _read_shown_requests(self, state: DialogueState, text: str, nlu: NLUResult) -> NLUResult | Reply:
        """What a message asks of the shop's products: a product named in small talk, a pick into the cart ("the
        second one too", "add the cheapest", "take it"), a comparison, a superlative, a kind or feature of the kind
        shown ("something round for the bathroom", "any standing ones?"), the same service topic continued."""
        intent, slots = nlu.intent, nlu.slots
        if (intent == "refine" and state.shown and re.match(r"\W*which (?:of|one of) (?:these|those|them)\b", text, re.I)
                and not slots.get("category") and not any(slots.get(k) for k in phrases.PRODUCT_SLOTS)):
            intent = "product_question"  # "which of these sleeps cooler? my husband runs like a radiator"
            nlu = _as_read(nlu, intent, slots)
        if (intent == "refine" and state.shown and _ARE_THEY.match(text) and "?" in text
                and not slots.get("category") and slots.get("price_max") is None and slots.get("price_min") is None):
            intent = "product_question"  # "are they rattan? going for a boho look", "and is boucle ok with a dog that sheds?"
            nlu = _as_read(nlu, intent, slots)
        if (intent == "refine" and len(state.shown) >= 2 and _DO_EITHER.match(text)
                and not slots.get("category") and slots.get("price_max") is None and slots.get("price_min") is None):
            intent = "product_question"  # "do either have soft close drawers?": asked of the ones shown
            nlu = _as_read(nlu, intent, slots)
        if intent == "out_of_scope" and (slots.get("category") and not self._chat_about_furniture(text, slots) or (phrases.FURNISHING.search(text) and (
                slots.get("room") or re.search(r"\b(?:flat|apartment|apt|house|place|home|condo|studio)\b", text, re.I)))):
            # "lol ok. show me some throw pillows then": a message naming what the shop sells is a product request;
            # "I'm setting up a reading nook", "just signed a lease on a 1 bed flat and have basically nothing": one for
            # a room or a home (the bot asks what it needs)
            intent = "search_product"
        elif (intent in ("out_of_scope", "refine", "search_product", "feedback_like") and state.shown
              and state.last_action == "add_to_cart" and phrases.ALSO_THAT.match(text) and parse_item_refs(text)
              and not any(slots.get(k) for k in phrases.PRODUCT_SLOTS)):
            intent = "add_to_cart"  # "and the second one too, need a pair of different ones" after adding the first
            slots = {**slots, "item_ref": parse_item_refs(text)}
        elif (intent in ("out_of_scope", "refine", "search_product", "feedback_like", "add_to_cart") and state.shown
              and (picked := phrases.ADD_SUPERLATIVE.match(text))
              and (shown := self._shown_products(state))):
            # "add the cheapest of those": the one of those shown the superlative picks ("whichever is cheaper" after
            # comparing two: of those two)
            word = next(g for g in picked.groups() if g)
            compared = [p for p in shown if state.shown.index(p.id) + 1 in state.compared]
            best = min(compared if len(compared) == 2 and word.lower().endswith("er") else shown, key=superlative_order(word))
            intent, slots = "add_to_cart", {"item_ref": [state.shown.index(best.id) + 1]}
        elif intent in ("out_of_scope", "refine") and state.shown and phrases.TAKE_IT.match(text) and (slots.get("item_ref") or parse_item_refs(text)):
            # "ok, the first one please" under shown products: that one, into the cart
            intent = "add_to_cart"
            slots = {**slots, "item_ref": slots.get("item_ref") or parse_item_refs(text)}
        elif intent in ("goodbye", "thanks", "out_of_scope", "feedback_like", "refine") and state.shown and (
                phrases.TAKE_THAT.match(text) or phrases.TAKE_IT_AFTER.match(text)):
            # "take it" after a product shown: into the cart (which one, when several, is asked); "aw the green one
            # is cute, i'll take it": the one described
            intent = "add_to_cart"
        elif ((intent in ("compare", "feedback_like", "refine", "out_of_scope", "thanks")
               # "ok adding it before i change my mind": the cart, no order to change
               or intent == "change_order" and not slots.get("order_id") and not re.search(r"\border", text, re.I))
              and state.shown and phrases.ADD_THAT.search(text) and not re.search(r"\bcompare\b|\bside by side\b", text, re.I)):
            # "#2 looks better, add that one": the one named first goes into the cart ("ok add it, I'm done suffering")
            refs = slots.get("item_ref") or parse_item_refs(text)
            intent = "add_to_cart"
            slots = {**slots, "item_ref": refs[:1]} if refs else {k: v for k, v in slots.items() if k != "item_ref"}
        elif (intent == "add_to_cart" and state.shown and (slots.get("price_max") is not None or slots.get("price_min") is not None)
              and re.search(r"\bshow\s+(?:me|us)\b", text, re.I)):
            # "ok whatever, I'll get one anyway. show me the ones under 200": the cheaper ones shown, nothing added yet
            intent, slots = "refine", {k: v for k, v in slots.items() if k != "item_ref"}
        elif (intent == "refine" and state.shown and len(slots.get("item_ref") or []) == 1
              and not any(slots.get(k) for k in (*phrases.PRODUCT_SLOTS, "category"))
              and re.match(r"^\s*(?:nah|no|nope|hmm+|ugh)[,.!]*\s+not\s+(?:#\s*\d|the\s+\w+(?:\s+one)?|that\s+one|number\s+\d)\b", text, re.I)):
            intent = "feedback_dislike"  # "nah not #2, looks like something from a dentist's waiting room"
        elif (intent in ("complement_request", "product_question") and len(state.shown) > 1 and len(slots.get("item_ref") or []) >= 2
              and not slots.get("category") and re.search(r"\b(?:stack|measure) up\b", text, re.I) and phrases.COMPARE_WORD.search(text)):
            intent = "compare"  # "how do #1 and #2 stack up?"
        elif intent == "compare" and len(slots.get("item_ref") or []) == 1 and not phrases.COMPARE_WORD.search(text):
            # "the second is round or square?", "#2 wall or floor?": a question about one product
            intent = "product_question"
        elif intent == "out_of_scope" and state.constraints.categories and phrases.SUPERLATIVE.search(text):
            intent = "refine"  # "ok what's the biggest one you have"
        elif intent == "out_of_scope" and any(slots.get(k) is not None for k in phrases.PRODUCT_SLOTS):
            # "teak?" under shown patio sets: a product attribute alone narrows what is shown
            intent = "refine" if state.shown else "search_product"
        elif (state.last_action == "service" and state.last_service_intent and not slots.get("item_ref")
              and intent in ("product_question", "out_of_scope", "search_product", "refine", "add_to_cart", "show_more")
              and not slots.get("category") and not any(slots.get(k) for k in phrases.PRODUCT_SLOTS if not k.startswith("price"))
              # not "ok. anything under 1500?" of the sectionals being chosen
              and not (state.constraints.categories and (slots.get("price_max") is not None or slots.get("price_min") is not None)
                       and not phrases.SERVICE_WORDS.search(text))
              and ((len(text.split()) <= 12 and phrases.SERVICE_FOLLOW_UP.search(text))
                   or slots.get("order_id") or service.find_order_id(text))):
            # "how much does it cost" right after "do you do express shipping?", "what about mexico?",
            # "order 50773 if that helps": the same service topic
            intent = state.last_service_intent
        another = _SOMETHING_KIND_FOR.match(text)
        if (another and state.shown and len(state.constraints.categories) == 1 and intent in ("search_product", "out_of_scope")
                and not slots.get("category") and self._kind_in_titles(another.group(1), state.constraints.categories)):
            # "and something round for the bathroom? hanging is fine for that one" after gold mirrors: round mirrors
            old = state.constraints  # a new piece: what was said of the last one stays with it (budget and dislikes kept)
            state.constraints = SearchFilter(categories=list(old.categories), exclude_brands=list(old.exclude_brands),
                                             price_min=old.price_min, price_max=old.price_max)
            intent = "search_product"
            slots = {**slots, "category": old.categories[0], "title_words": [another.group(1).lower()]}
            nlu = _as_read(nlu, intent, slots)
        ones = _FEATURE_ONES.search(text)
        if (ones and state.shown and state.constraints.categories and intent in ("product_question", "search_product", "out_of_scope")
                and not slots.get("category") and not phrases.is_question(text[ones.end():])):
            if self._asked(ones.group(1), state.constraints.categories)[0]:
                intent = "refine"  # "foldable ones? storage is tight": those with the feature; the rest says why
            elif kinds := self._kind_in_titles(ones.group(1), state.constraints.categories):
                # "any standing ones?" under desks: standing desks
                intent = "refine"
                nlu = nlu.model_copy(update={"text": text[:ones.end(1)] + " " + kinds + "?" + text[ones.end():]})
        return _as_read(nlu, intent, slots)

    def _read_service_last(self, state: DialogueState, text: str, nlu: NLUResult) -> NLUResult | Reply:
        """Read last, after the follow-up rules that keep the older service topic: express delivery asked about a late
        order, the newsletter."""
        intent, slots = nlu.intent, nlu.slots
        if (intent in ("order_status", "delivery_time") and state.last_action == "service"
                and re.search(r"\b(?:express|faster|quicker|next[- ]day|same[- ]day|speed (?:it|things) up)\b", text, re.I)
                and not slots.get("order_id") and not phrases.MY_ORDER_ARRIVING.search(text)):
            intent = "delivery_options"  # "can it be sent faster somehow? do you have express?" about a late order
        if phrases.NEWSLETTER.search(text) and intent in (*service.SERVICE_INTENTS, "out_of_scope", "search_product") \
                and intent not in service.HANDOFF_INTENTS and service.shop_topic(text) is None \
                and not (intent == "account_help" and re.search(r"\b(?:delete|close|cancel|remove)\s+(?:my|the|our)\s+account\b", text, re.I)):
            # (not "a code from your newsletter", nor "how do i delete my account, im sick of the marketing emails")
            intent, slots = "out_of_scope", {}  # "also subscribe me to the newsletter": not something the assistant does
        return _as_read(nlu, intent, slots)

    def _read_plain_words(self, state: DialogueState, text: str, nlu: NLUResult) -> NLUResult | Reply:
        """Read last: plain words the model took for something else. "meh ok. take it" and "add the cream ones" put
        a shown product in the cart; "which of these swivels?" asks a listed detail; chat before anything is shown
        ("lol am i the only one awake in this whole building") and browsing told as news ("car is covered in frost so
        im stuck inside browsing till it melts") ask for no product; "nvm found the password. gn" ends the chat."""
        intent, slots = nlu.intent, nlu.slots
        if ((state.focus_id or len(state.shown) == 1) and intent in ("refine", "search_product") and not slots.get("category")
                and re.match(r"\W*(?:(?:and|so|ok|but)\W+)*(?:is|are)?\s*(?:it|its|it'?s|they|that one|this one)\s+"
                             r"(?:actually\s+|really\s+|even\s+)?in[- ]stock\b", text, re.I)):
            return _as_read(nlu, "product_question", {})  # "and its actually in stock? dont need another disappointment today"
        about = self._product(state.focus_id) if state.focus_id else (self._product(state.shown[0]) if len(state.shown) == 1 else None)
        if (about is not None and state.last_action == "answer_question" and intent in ("refine", "search_product", "out_of_scope")
                and not slots.get("category") and re.match(r"\W*(?:and|also)\s+(?!.*\b(?:ones?|instead)\b)[a-z][\w -]{2,30}\?", text, re.I)
                and product_qa.asks_about(text.split("?")[0], about)):
            return _as_read(nlu, "product_question", {})  # "is it washable?", then "and pet friendly? we have a very fluffy cat"
        if state.shown and intent in ("goodbye", "refine", "feedback_like", "out_of_scope") and _TAKE_IT.search(text) \
                and not phrases.is_question(text) and not slots.get("category"):
            intent = "add_to_cart"  # "meh ok. take it", "add the cream ones"
        elif (state.shown and intent not in service.SERVICE_INTENTS and str(slots.get("order_id") or "").isdigit()
              and any(p.price == float(slots["order_id"]) for p in self._shown_products(state) if p.price is not None)):
            slots = {k: v for k, v in slots.items() if k != "order_id"}  # "629?? for a rug??": a shown price, no order
        elif (intent in ("search_product", "refine") and (state.focus_id or len(state.shown) == 1)
              and re.match(r"\W*(?:(?:ok|and|so|but)\W+){0,2}(?:is|are)\s+(?:it|they|this|that)\s+(?:a\s+|an\s+)?(\w+(?:\s+\w+)?)\s+or\s+"
                           r"(?:a\s+|an\s+)?\w+", text, re.I)):
            intent, slots = "product_question", {}  # "ok and is it a full or a queen" of the bed asked about
        elif (state.shown and intent in ("out_of_scope", "search_product", "product_question", "feedback_dislike")
              and re.match(r"\W*(?:(?:any|got any|ok|hmm+)\s+)?cheaper(?:\s+(?:ones?|options?|stuff|models?))?\s*\?", text, re.I)):
            intent, slots = "refine", {"price_relative": "lower"}  # "cheaper ones? i'm a student lol"
        elif (state.shown and intent in ("feedback_dislike", "out_of_scope") and phrases.COMPLETELY_DIFFERENT.search(text)
              and re.search(r"\b(?:these|those|they|them)\s+(?:are\s+|'re\s+)?(?:all\b|look\b|seem\b)", text, re.I)):
            intent, slots = "refine", {}  # "hmm these are all a bit boring, show me something completely different"
        elif (intent == "out_of_scope" and not state.shown and slots.get("room")
              and re.search(r"\bwhere (?:do|should|would) (?:i|we|you) (?:even )?(?:start|begin)\b", text, re.I)):
            intent = "search_product"  # "the guest room is literally empty. where do i even start": the room's things asked
        elif (intent in ("out_of_scope", "search_product", "greet") and not slots.get("category")
              and re.search(r"\bis it (?:too )?late to (?:order|get|buy)\b", text, re.I)):
            intent, slots = "delivery_time", {}  # "is it too late to order something for mother's day?": how soon it comes
        elif (intent in ("order_status", "out_of_scope", "account_help") and not slots.get("order_id")
              and re.search(r"\b(?:website|site|app)\s+(?:has\s+been|'s\s+been|is|was|been)\s+down\s+(?:for|all)\b", text, re.I)):
            intent, slots = "complaint", {}  # "your website has been down for TWO HOURS ... and now what"
        elif (intent in ("goodbye", "thanks") and state.shown and not phrases.is_question(text)
              and (cart := re.match(r"\W*(?:(?:nice|ok(?:ay)?|great|perfect|lovely|sold|cool|fine)\W+)*(?:add|take)\s+(?:it|that one|this one)"
                                    r"(?:\s+(?:please|pls))?\s*[.!,]+", text, re.I))
              and phrases.closing(text[cart.end():])):
            intent, slots = "add_to_cart", {}  # "nice, add it. that's all, night night!": into the cart, then leaving
        elif ((state.shown or state.focus_id) and intent in ("refine", "search_product")
              and re.search(r"\bwhat'?s\s+the\s+brand\b|\bwhich\s+brand\s+is\s+(?:it|that|this)\b|\bwho\s+makes\s+(?:it|that|this)\b", text, re.I)):
            intent, slots = "product_question", {}  # "and whats the brand, casper?": asked of the one talked about
        elif (state.shown and intent not in ("add_to_cart", *service.SERVICE_INTENTS)
              and re.match(r"\W*(?:(?:lovely|ok(?:ay)?|great|perfect|fine|yes|yeah|cool|nice)\W+)*(?:just\s+)?(?:1|one)\s+of\s+"
                           r"(?:those|them|these|that|it)\s*(?:please|pls|plz|then|thanks)?\W*$", text, re.I)):
            intent, slots = "add_to_cart", {}  # "lovely, 1 of those pls": one of the one talked about
        elif (intent in ("search_product", "out_of_scope", "refine") and not slots.get("category")
              and re.search(r"\b(?:evening|morning|afternoon|weekend|delivery|time)\s+slots?\b", text, re.I)):
            intent, slots = "delivery_options", _order_id_only(slots)  # "the courier ... switching to evening slots now??"
        elif (intent == "contact_human" and re.search(r"\b(?:receipt|invoice)\b", text, re.I)
              and re.search(r"\b(?:email|send|e-mail)\s+(?:me|us)\b", text, re.I)):
            intent, slots = "invoice", _order_id_only(slots)  # "can someone email me a receipt for the return?"
        elif (intent in ("search_product", "refine") and not state.shown
              and re.search(r"\b(?:swap|exchange|switch)\s+(?:it|them)\s+for\b", text, re.I)
              and re.search(r"\b(?:we|i)\s+(?:got|bought|ordered|received)\b", text, re.I)):
            intent, slots = "return_item", _order_id_only(slots)  # "the mattress we got 2 weeks ago is way too soft, can we swap it"
        elif intent not in ("delivery_options", "contact_human") and _NOTE_FOR_DRIVER.search(text):
            intent, slots = "delivery_options", _order_id_only(slots)  # "can i add a note for the driver to leave it at reception?"
        elif (intent in ("add_to_cart", "goodbye", "thanks") and phrases.FAREWELL.search(text) and not phrases.CART_WORD.search(text)
              and re.search(r"\b(?:order|ordering|buy|buying|get|getting)\s+(?:it|that|them|one)\s+(?:tomorrow|later|next week|at the weekend|"
                            r"on payday|after payday|when)\b", text, re.I)):
            intent, slots = "goodbye", {}  # "ok ordering it tomorrow when im a functioning human. gnight": not yet
        elif (intent == "add_to_cart" and state.last_action in ("service", "handoff") and not slots.get("item_ref")
              and re.search(r"\b(?:i'?ll|we'?ll|i will|we will|will)\s+do\s+(?:that|so|just that)\b", text, re.I)
              and not re.search(r"\b(?:add|cart|basket|buy|take|order)\b", text, re.I)):
            intent, slots = "thanks", {}  # "great, i'll do that. thank you!" after the refund answer: the advice taken
        elif (intent == "feedback_dislike" and state.shown and state.constraints.categories and not slots.get("item_ref")
              and re.search(r"\b(?:not|no)\s+(?:the\s+|any\s+)?[a-z]+\s+(?:kind|type|sort|ones?)\b", text, re.I)
              and self._asked(text, state.constraints.categories)[0]):
            intent, slots = "refine", {k: v for k, v in slots.items() if k != "item_ref"}  # "not the stackable kind, those ..."
        elif (intent == "product_question" and state.shown and slots.get("min_rating")
              and re.search(r"\b(?:better|higher)[- ]rated\b|\banything\s+(?:with\s+)?(?:better|higher)\s+(?:rated|ratings?|reviews?)\b", text, re.I)):
            # "the green swivel one is nice but 3.2 stars is a bit worrying, anything better rated?": better-rated ones
            intent, slots = "refine", {k: v for k, v in slots.items() if k not in ("item_ref", "color", "material")}
        elif (state.shown and intent == "add_to_cart" and not slots.get("item_ref") and state.constraints.categories
              and re.search(r"\b(?:\d{1,2}|two|three|four|five|six|seven|eight)\s+(?:seats?|seater|people|drawers|shelves)\s+"
                            r"(?:works|will do|is fine|is ok|would work|would do)\b", text, re.I)
              and any(self._asked(text, state.constraints.categories))):
            intent = "refine"  # "ok fine, 5 seats works, we'll squeeze the kids on the bench": five seats will do
        elif (state.shown and intent in ("thanks", "goodbye", "feedback_like") and not phrases.is_question(text)
              and re.search(r"(?:^|[.,!]\s*)(?:(?:ah well|oh well|ok|fine)\W+)?(?:taking|getting|buying|ordering)\s+(?:it|that one|this one)"
                            r"(?:\s+anyway)?\b", text, re.I)
              and (state.focus_id or len(state.shown) == 1)):
            intent, slots = "add_to_cart", {}  # "ah well, taking it anyway. thx!"
        elif (state.shown and intent in ("out_of_scope", "search_product", "refine") and slots.get("item_ref")
              and _ADD_IT_LAST.search(text) and not phrases.is_question(text)
              and str(slots.get("category") or state.constraints.categories[:1] or "") in state.constraints.categories):
            intent, slots = "add_to_cart", _item_refs_only(slots)  # "lol not blowing 1049 on a desk. the other one, add it"
        elif (state.shown and intent in ("thanks", "feedback_like", "goodbye") and slots.get("item_ref")
              and re.match(r"\W*(?:#\s?\d{1,2}|number\s+\d{1,2}|no\.?\s?\d{1,2})\s+(?:please|pls|plz)\b", text, re.I)):
            intent = "add_to_cart"  # "#1 please. thank you so much, you saved my morning": that one, taken
        elif (state.shown and intent in ("refine", "feedback_like") and (one := _THE_ONE_PLEASE.match(text))
              and not phrases.SUPERLATIVE.search(text)  # (not "the cheapest one please": the cheapest of what matches)
              and len(picked := self._described_shown(state, one.group(1))) == 1):
            intent, slots = "add_to_cart", {"item_ref": picked}  # "the natural oak one please, not the black": that one
        elif (state.shown and intent in ("search_product", "refine", "out_of_scope")
              and re.search(r"\b(?:does|do)\s+['\"‘’]?[^?]{2,30}?['\"‘’]?\s+mean\b", text, re.I)):
            # "wait does 'set of 4' mean i get 4 chairs for that price?": about the product talked about
            intent, slots = "product_question", {k: v for k, v in slots.items() if k == "item_ref"}
        elif (state.shown and intent == "compare" and not slots.get("item_ref") and (which := _WHICH_OF_THESE.match(text))
              and not phrases.COMPARE_WORD.search(text) and (first := self._product(state.shown[0])) is not None):
            word = re.sub(r"(?<=[^s])s$", "", which.group(1).lower())
            titled = [p for p in self._shown_products(state) if re.search(rf"\b{re.escape(word)}", p.title, re.I)]
            of_kind = [p for p in self._sample(state.constraints.categories) if re.search(rf"\b{re.escape(word)}", p.title, re.I)]
            if len(word) >= 4 and of_kind and len(titled) < len(state.shown):  # "which of these swivels?": the swivel ones
                intent, slots = "refine", {**slots, "title_words": [word]}
            elif product_qa.asks_about(text, first):
                intent = "product_question"  # "which of these recline?": each one's listed detail
        elif (intent in ("search_product", "refine", "out_of_scope", "greet") and (remark := _REMARK_ON_SHOPPING.search(text))
              and not phrases.WANTS_TO_BUY.search(text) and not slots.get("price_max") and not slots.get("order_id")
              and not re.search(r"\b(?:show|recommend\w*|suggest\w*|need|wants?|looking|anything|any|ones?)\b", text, re.I)
              # (not "is it weird to buy garden chairs in december lol? my mum wants new ones for spring")
              and not mentioned_categories(([*re.split(r"[.?!]", text[remark.end():], maxsplit=1), ""])[1],
                                           self.s.retriever.vocabulary.get("categories", []))):
            # "is it just me or is everyone buying garden stuff today?? 😂", "is it weird to shop for furniture at 5am"
            intent, slots = ("greet" if phrases.HELLO.match(text) else "out_of_scope"), {}
        elif intent not in service.SERVICE_INTENTS and _PICK_UP_IN_PERSON.search(text) and not slots.get("order_id"):
            # "helo is ur store open tmrw, want to pick up a cofee table in persn": picking up, a delivery question
            intent, slots = "delivery_options", {}
        elif (intent not in service.SERVICE_INTENTS and not state.shown and _OPEN_THIS_EARLY.search(text)
              and not slots.get("category")):
            intent, slots = "greet", {}  # "hiya, are you even open this early 😅": the chat is, a greeting
        elif (not state.shown and not state.focus_id and intent in ("product_question", "show_more", "compare", "search_product")
              and not any(slots.get(k) for k in (*phrases.PRODUCT_SLOTS, "category", "price_max", "price_min", "order_id"))
              # (not "is the third one in stock?", "what's the warranty on the Asher sofa?": products meant)
              and not re.search(r"#\s?\d|\b(?:first|second|third|fourth|fifth|last|\d(?:st|nd|rd|th))\s+(?:one|item|option)\b", text, re.I)
              and not mentioned_categories(text, self.s.retriever.vocabulary.get("categories", []))
              and self.named_product(text) is None
              and not phrases.SHOPPING_OPENER.search(text) and not phrases.WANTS_TO_BUY.search(text)
              and (intent != "search_product" or _BROWSING_AS_NEWS.search(text)
                   # "gm ☕ it's -6 out and the radiator in my new place is dead. how's your morning going lol"
                   or (phrases.HELLO.match(text) and _HOW_ARE_YOU.search(text))
                   # "lol ok. its like 27 degrees here, is it gonna stay this hot?", "why is everything so expensive lmao"
                   or _SMALL_TALK_ASKED.search(text))
              and not re.search(r"\b(?:show|more|options?|products?|items?|recommend\w*|suggest\w*|need|want|looking)\b", text, re.I)):
            # "lol am i the only one awake in this whole building", "tell me something nice, its been a long day",
            # "my husband is grilling and i'm hiding inside shopping lmao": nothing asked for yet
            intent, slots = ("greet" if phrases.HELLO.match(text) else "out_of_scope"), {}
        elif (intent in service.SERVICE_INTENTS and intent not in service.HANDOFF_INTENTS and phrases.FAREWELL.search(text)
              and re.search(r"^\W*(?:nvm|never ?mind|no worries|all good|sorted|got it)\b|\bfound (?:it|the \w+)\b", text, re.I)
              and not phrases.is_question(text) and not slots.get("order_id")):
            intent, slots = "goodbye", {}  # "nvm found the password. gn 🌙"
        elif (intent == "out_of_scope" and not slots.get("category")
              and re.search(r"\btell (?:your|the) (?:drivers?|couriers?|delivery (?:guys|men|people|team|drivers?))\b", text, re.I)):
            # "can you tell your drivers not to leave stuff outside when it's pouring??": how things are delivered
            intent, slots = "delivery_options", _order_id_only(slots)
        elif (state.last_action in ("service", "handoff") and state.last_service_intent == "return_item"
              and intent in ("order_status", "delivery_time", "out_of_scope")
              and re.search(r"\b(?:hasn'?t|has not|havent|haven'?t|have not|not)\s+(?:even\s+|yet\s+)?(?:shipped|been (?:shipped|sent)|"
                            r"left (?:the|your) warehouse|gone out)\b", text, re.I)):
            # "how do i return it", then "it hasn't even shipped yet": no return needed, the order can be cancelled
            intent, slots = "cancel_order", _order_id_only(slots)
        elif (intent == "complement_request" and state.shown and slots.get("color") and not slots.get("category")
              and not slots.get("item_ref") and re.search(r"\b(?:would|will|could|has to|have to|needs? to|must)\s+match\s+"
                                                          r"(?:the\s+rest\s+of\s+)?(?:the|my|our)\s+\w+", text, re.I)):
            # "black would match the railing" under balcony chairs: black ones (no railings sold); "are any of them black
            # or white? has to match the rest of the office"
            intent = "refine"
        elif (state.shown and intent in ("refine", "feedback_like") and (ask := _ASKS_OF_IT.search(text))
              and not any(slots.get(k) for k in ("price_max", "price_min", "category", "exclude_color", "exclude_material"))
              and len(picked := self._described_shown(state, text[:ask.start()])) == 1):
            # "fine the mustard one, we'll call it festive 😅 how many panels is that": a question about the one described
            intent, slots = "product_question", {"item_ref": picked}
        elif (intent in ("payment_methods", "out_of_scope", "search_product") and re.search(r"\bgift ?cards?\b", text, re.I)
              and re.search(r"\b(?:never|didn'?t|did not|hasn'?t|has not|haven'?t|not)\s+(?:got|get|gotten|received?|arrived?|come|came|"
                            r"show(?:n|ed)? up)\b", text, re.I)):
            intent, slots = "order_status", _order_id_only(slots)  # "i bought a $200 gift card ... she never got the email"
        elif (intent in ("search_product", "refine") and slots.get("order_id") and state.last_action in ("service", "handoff")
              and state.last_service_intent in ("complaint", "order_status", "delivery_time")
              and not phrases.SHOPPING_OPENER.search(text) and not phrases.WANTS_OTHERS.search(text)):
            # "order #57702. we're sleeping on an air mattress in our new place" after a late mattress: that order
            intent, slots = state.last_service_intent, _order_id_only(slots)
        elif (intent == "refine" and state.shown and set(slots) == {"material"} and isinstance(slots["material"], str)
              and re.search(r"\b(?:just|only)\b", text, re.I)
              and len(said := [c for c in state.constraints.colors if slots["material"].lower() in c.lower().split()]) == 1
              and len(state.constraints.colors) > 1):
            slots = {"color": said[0]}  # "ok show me just the oak ones" among black or natural oak tables: natural oak
        elif intent == "out_of_scope" and self._asks_why_late(state, text):
            intent = "order_status"  # "is it the weather thing?" about the late order: that order
        elif (intent == "product_question" and state.shown and state.constraints.categories and not phrases.is_question(text)
              and re.match(r"\W*(?:(?:ok|and|but|maybe|hmm+)\W+)?(?:one|ones|something|anything)\s+(?:i|we|you|that|which)\b", text, re.I)
              and self._asked(text, state.constraints.categories)[0]):
            intent, slots = "refine", {k: v for k, v in slots.items() if k != "item_ref"}  # "one i can lean on the floor, not hang"
        elif (state.last_action in ("service", "handoff") and {"return_item", "refund"} & set(state.service_intents[-3:])
              and intent in ("change_order", "out_of_scope", "order_status", "shipping_address", "cancel_order", "delivery_time")
              and re.search(r"\b(?:original\s+)?(?:box|boxes|packaging|packing|wrapping)\b", text, re.I)):
            intent = "return_item"  # "do i need the original box? already binned it" about sending it back
        elif (intent == "search_product" and state.shown and isinstance(slots.get("category"), str)
              and state.constraints.categories == [slots["category"]] and set(slots) <= {"category", "price_max", "price_min"}
              and (slots.get("price_max") is not None or slots.get("price_min") is not None)
              and re.match(r"\W*(?:under|below|max|less than|up to|nothing over|no more than)\b", text, re.I)):
            intent = "refine"  # "under 320 tho, not paying 1600 for a chair she'll spill coke on" under gaming chairs
        elif (state.last_action == "add_to_cart" and intent in ("refine", "search_product")
              and (before := re.match(r"\W*(?:and|also|plus|oh and)\s+(the\s+[a-z][\w -]{1,30}?)\s+(?:from before|from earlier|"
                                      r"you showed (?:me )?(?:before|earlier))\s*(?:too|as well|also)?\W*$", text, re.I))
              and len(earlier := [i for i in dict.fromkeys(reversed(state.shown_before))
                                  if (p := self._product(i)) and described_positions(before.group(1), [p])]) >= 1):
            # "and the white desk from before too" after adding a chair: that desk, into the cart as well
            state.focus_id, intent, slots = earlier[0], "add_to_cart", {}
        elif (intent not in service.HANDOFF_INTENTS and not slots.get("order_id")
              and re.search(r"\b(?:order|buy)\s+(?:it\s+|them\s+|one\s+)?(?:through|via|with|from)\s+(?:you|u|the chat|this chat)\b"
                            r"|\border\s+(?:it\s+)?(?:here|in (?:the|this) chat)\b", text, re.I)
              and (named := self.named_product(text)) is not None):
            # "checkout is broken for me. can i just order through you? the oslo canopy bed in charcoal": into the cart
            state.focus_id, intent, slots = named.id, "add_to_cart", {}
        elif (intent in ("return_item", "refund", "out_of_scope") and state.last_action in ("service", "handoff")
              and state.last_service_intent == "return_item"
              and (state.service_topics[-1:] in (["replacement"], ["missing_parts"], ["exchange"])
                   or re.search(r"\b(?:replacement|new one|parts|screws|bolts)\b", text, re.I))
              and re.match(r"\W*(?:(?:and|so|ok|okay|hmm+)\W+)?how long (?:would|will|does|is|'?ll)\s+(?:that|it|the replacement|the new one|"
                           r"they|the parts|the screws|a replacement)\b", text, re.I)):
            intent = "delivery_time"  # "how long would the replacement take with all this snow": the delivery
        elif (intent in ("return_item", "refund", "order_status", "delivery_time") and not slots.get("order_id")
              and (none := re.search(r"\b(?:room|place|flat|house|apartment|dorm)\s+(?:has|have|got)\s+no\s+([a-z]+(?:\s+[a-z]+)?)\b", text, re.I))
              and (named := mentioned_categories(none.group(1), self.s.retriever.vocabulary.get("categories", [])))
              and not phrases.MY_ORDER_ARRIVING.search(text) and not service.shop_topic(text)):
            # "the spare room has no bed! nothing too pricey, 400 at most": a bed wanted
            names = named[0][1]
            intent, slots = "search_product", {**{k: v for k, v in slots.items() if k in ("price_max", "price_min", "size", "color")},
                                               "category": names[0] if len(names) == 1 else names}
        elif (intent == "out_of_scope" and state.last_action in ("service", "handoff") and not slots.get("category")
              and state.last_service_intent in ("order_status", "delivery_time", "complaint")
              and re.search(r"\b(?:day off|days off|took off work|taken off work|twice now|three times now|(?:waited|waiting) (?:in|at home|all day)|"
                            r"wasted|ridiculous|unacceptable|a joke)\b", text, re.I)):
            intent = "complaint"  # "i've taken a day off work for this twice now" about a late order
        elif (intent in ("search_product", "refine") and slots.get("order_id")
              and re.search(r"\bout for delivery\b|\b(?:still|never)\s+(?:not\s+)?(?:here|arrived|delivered|came|shipped)\b|"
                            r"\b(?:hasn'?t|has not|haven'?t|not)\s+(?:been\s+)?(?:arrived|delivered|come|shown up|turned up)\b", text, re.I)):
            # "third day my sofa has been 'out for delivery' and now you're blaming FOG?? order 55123": that order
            intent, slots = ("complaint" if service.is_upset(text) else "order_status"), _order_id_only(slots)
        elif (intent == "out_of_scope" and not state.shown and not slots and state.turn <= 1 and not phrases.is_question(text)
              and (phrases.HELLO.match(text) and not phrases.ASKS_SOMETHING_ELSE.search(text)
                   # "hope you all had a lovely easter!! 🐣🌷"
                   or re.match(r"\W*(?:hope|hoping)\s+(?:you|u|y'?all|everyone)\s+(?:all\s+)?(?:had|have|are having|'re having)\s+"
                               r"(?:a\s+)?(?:lovely|nice|good|great|wonderful|happy|fab|restful)\b", text, re.I))):
            intent = "greet"  # "hey 👋 up way too early bc of this humidity ugh"
        elif (intent in service.SERVICE_INTENTS and intent not in service.HANDOFF_INTENTS and not slots.get("order_id")
              and _SMALL_TALK_ASKED.search(text) and not phrases.DELIVERY_WORD.search(text)):
            intent, slots = "out_of_scope", {}  # "do u know if its gonna storm later?"
        elif (intent == "return_item" and state.last_action in ("service", "handoff")
              and state.last_service_intent in ("order_status", "delivery_time")
              and not service.names_topic("return_item", text) and not service.says_damaged(text)
              # (not "can you just send the bed out again and the driver takes the desk box back?", nor a box asked
              # about after asking for a replacement)
              and not re.search(r"\b(?:back|again|swap\w*|replac\w*|pick\w*\s+(?:\w+\s+)?up|collect\w*|box|boxes|packaging)\b",
                                text, re.I)
              and not {"return_item", "refund"} & set(state.service_intents[-3:])
              and service.topic("return_item", text) not in ("wrong_item", "damaged", "replacement", "exchange", "missing_parts")):
            # "i heard your van broke down on the highway?? so my sofa is just sitting on the side of the road" about a late
            # order: still that order, nothing to send back
            intent = state.last_service_intent
        elif (intent in ("return_item", "refund", "complaint") and state.shown and not slots.get("order_id")
              and re.search(r"\brecall(?:ed|s)?\b", text, re.I)
              and (one := re.search(r"\b(?:is|was)\s+(the\s+[a-z][\w -]{1,25}?\s+one)\b", text, re.I))
              and len(picked := self._described_shown(state, one.group(1))) == 1):
            # "wait is the tripod one the lamp that got recalled??" about a lamp shown: a question about that one
            intent, slots = "product_question", {"item_ref": picked}
        elif (intent == "order_status" and not slots.get("order_id")
              and re.search(r"\b(?:haven'?t|have not|havent|didn'?t|did not|not)\s+(?:even\s+|yet\s+)?(?:ordered|bought|placed)\b", text, re.I)
              and re.search(r"\b(?:get|arrive|deliver\w*|here|ship\w*)\b.{0,30}\b(?:by|before|in time|until)\b", text, re.I)):
            intent = "delivery_time"  # "i still haven't ordered a bed frame 🙃 could anything get to me by monday?": no order yet
        elif (intent in ("greet", "out_of_scope", "thanks", "order_status") and _CHECKOUT_BROKEN.search(text)
              and not slots.get("category") and not slots.get("order_id")):
            intent, slots = "payment_issue", _order_id_only(slots)  # "morning. your checkout page just spins ..."
        elif (intent == "contact_human" and nlu.confidence < 0.6 and re.match(r"\W*(?:thank|thanks|ty|cheers)\b", text, re.I)
              and not phrases.A_PERSON.search(text) and not phrases.TALK_TO_PERSON.search(text)):
            intent, slots = "thanks", {}  # "Thank you, you've been very patient with an old man"
        pointed = re.match(r"\W*(?:(?:ok|so|and|hmm+)\W+)?(the\s+[a-z][\w -]{1,25}?\s+one)\s*[.,!:;-]", text, re.I)
        if pointed and intent in service.SERVICE_INTENTS and state.shown:
            picked = self._described_shown(state, pointed.group(1))
            if len(picked) == 1 and state.product_at(picked[0]):
                state.focus_id = state.product_at(picked[0])  # "the black arc one. can it be here by friday?", then "add it"
        parents = self._parents()
        refused = slot_values(slots, "exclude_category")
        holding = [c for c in refused if any(c in parents.get(k, ()) for k in slot_values(slots, "category"))]
        if holding:  # "my dining room lighting is awful. want a floor lamp": floor lamps are lighting
            kept = [c for c in refused if c not in holding]
            slots = {k: v for k, v in slots.items() if k != "exclude_category"} | ({"exclude_category": kept} if kept else {})
        said_kinds = slot_values(slots, "category") if intent in ("search_product", "refine") and state.bundle else []
        in_bundle = [c for c in (state.bundle.categories if state.bundle else [])
                     if c in said_kinds or any(k in parents.get(c, ()) for k in said_kinds)]
        if said_kinds and len(in_bundle) == 1 and [in_bundle[0]] != said_kinds:
            # "an armchair and a floor lamp", then "lamp first" (the floor lamp) and "now the chair" (the armchair)
            slots = {**slots, "category": in_bundle[0]}
        if in_bundle and _JUST_THE_KIND.match(text):
            intent = "refine"  # "just the curtains for now. under 50" of "a pink rug and pink curtains": the request narrowed
        kinds = slot_values(slots, "category") if intent == "search_product" else []
        near = [k for k in kinds if any(set(parents.get(k, ())[-1:]) & set(parents.get(c, ())[-1:]) for c in state.constraints.categories)]
        if len(kinds) > 1 and len(near) == 1:
            slots = {**slots, "category": near[0]}  # "a couple of chairs would do then" after patio sets: outdoor chairs
        return _as_read(nlu, intent, slots)

    @staticmethod
    def _asks_why_late(state: DialogueState, text: str) -> bool:
        """ "is it the weather thing?" right after asking about a late order: why that order is late, no small talk."""
        return bool(state.last_action in ("service", "handoff") and state.order_id
                    and state.last_service_intent in ("order_status", "delivery_time", "complaint") and _DELAY_CAUSE.search(text))

    def _either_kinds(self, nlu: NLUResult) -> list[str] | None:
        """Two kinds of product the message offers as alternatives ("a bistro set or a couple of outdoor chairs"):
        their categories, each named by one category alone; None otherwise."""
        spans = sorted((s for s in nlu.spans if s.name == "category"), key=lambda s: s.start)
        categories = self.s.retriever.vocabulary.get("categories", [])
        for first, second in zip(spans, spans[1:]):
            if not _OR_BETWEEN.fullmatch(nlu.text[first.end:second.start]):
                continue
            found = [category_matches(s.text, categories) for s in (first, second)]
            if all(len(f) == 1 for f in found) and found[0] != found[1]:
                return [found[0][0], found[1][0]]
        return None

    def _kind_in_titles(self, word: str, categories: list[str]) -> str | None:
        """ "standing" of desks: the category's noun ("desks") when some, not all, of its products are titled with the
        word before it ("Asher Standing Desk"); None otherwise."""
        for category in categories:
            titles = [p.title.lower() for p in self.products.values() if p.leaf_category == category]
            noun = category.lower().split()[-1]
            pattern = re.compile(rf"\b{re.escape(word.lower())}\s+{re.escape(singular_word(noun))}")
            if titles and 0 < sum(bool(pattern.search(t)) for t in titles) < len(titles):
                return noun
        return None

    def _kind_of_value(self, value: str) -> str | None:
        """The kind ("material", "colour", "style") a catalog value belongs to ("velvet": material), or None."""
        vocabulary = self.s.retriever.vocabulary
        for key, kind in (("materials", "material"), ("colors", "colour"), ("styles", "style")):
            if value.strip().lower() in {v.lower() for v in vocabulary.get(key, [])}:
                return kind
        return None

    @staticmethod
    def _thing_named(said: str, text: str) -> str:
        """The words of the message that name a thing the model tagged in part ("wall" -> "wall paint")."""
        # not "recliner finally" of "his old recliner finally gave out"
        thing = re.search(rf"\b{re.escape(said)}(?:\s+(?!and\b|or\b|for\b|in\b|with\b|under\b|to\b|if\b|by\b|at\b|[a-z]+ly\b|"  # "gold frame if you have one"
                          rf"(?:is|was|has|had|gave|broke|died|just|got|went|keeps?|he|she|they|it|i|we|you|that|which|who)\b)"
                          rf"[a-z]+s?\b)?", text, re.I)  # not "recliner he" of "a recliner he can nap in"
        return (thing.group(0) if thing else said).lower()

    def _in_titles(self, thing: str) -> bool:
        """Whether product titles name the thing ("recliner": the shop sells recliners among its armchairs)."""
        self._fresh_caches()
        if self._title_words is None:
            self._title_words = {singular_word(w) for p in self.products.values() for w in re.findall(r"[a-z]+", p.title.lower())}
        words = [singular_word(w) for w in re.findall(r"[a-z]+", thing.lower())]
        return bool(words) and words[-1] in self._title_words

    def _known_modifier(self, words: list[str]) -> bool:
        """Whether the word before the thing's last is one the catalog knows (in a title or a description) or a plain
        adjective: "computer desks" are sold, "picture frames" are not (only bed frames are)."""
        if len(words) < 2 or words[-2] in _PLAIN_ADJECTIVES:
            return True
        self._fresh_caches()
        if self._catalog_words is None:
            self._catalog_words = {singular_word(w) for p in self.products.values()
                                   for w in re.findall(r"[a-z]+", f"{p.title} {p.description or ''}".lower())}
        return singular_word(words[-2]) in self._catalog_words or words[-2] in self._attribute_words()

    def _attribute_words(self) -> set[str]:
        """Words of the catalog's attribute names ("drawers", "covers"): features of products, not products."""
        self._fresh_caches()
        if self._attr_words is None:
            words = {w for p in self.products.values() for k in (p.attributes or {}) for w in re.findall(r"[a-z]+", k.lower())}
            self._attr_words = words | {w.rstrip("s") for w in words}
        return self._attr_words

    def _names_attribute_value(self, text: str, product: Product | None) -> bool:
        """Whether the message names a value of one of the product's listed attributes, its own or one that
        products of its category have ("round or rectangular?" about a table's shape)."""
        if product is None:
            return False
        said = set(re.findall(r"[a-z]+", text.lower()))
        for other in [product, *self._sample([product.leaf_category] if product.leaf_category else [])]:
            for value in (other.attributes or {}).values():
                words = set(re.findall(r"[a-z]+", str(value).lower())) - {"yes", "no", "or", "and"}
                if words and words <= said:
                    return True
        return False

    # -- shopping ---------------------------------------------------------------------------
    def _learn_slots(self, state: DialogueState, slots: dict, text: str = "") -> None:
        if slots.get("price_min") is not None or slots.get("price_max") is not None:
            # "something for the couple, around 150?": a price to aim at, the closest in price when nothing is in range
            state.price_around = (slots.get("price_min") is not None and slots.get("price_max") is not None
                                  and bool(phrases.AROUND.search(text)))
        profile = state.profile
        for name in ("brand", "color", "material", "style", "category"):
            for key, positive in ((name, True), (f"exclude_{name}", False)):
                values = slots.get(key) or []
                for value in values if isinstance(values, list) else [values]:
                    state_preference(profile, name, str(value), positive=positive)
        state_budget(profile, slots.get("price_min"), slots.get("price_max"))

    async def _on_search(self, state: DialogueState, nlu: NLUResult) -> Reply:
        slots = nlu.slots
        if phrases.TOTAL_BUDGET.search(nlu.text) and slots.get("price_min") is not None and slots.get("price_max") is not None:
            # "got about 2000 to spend on everything": a ceiling for the whole room, no floor for each piece
            slots = {**slots, "price_max": round((slots["price_min"] + slots["price_max"]) / 2, 2)}
            slots.pop("price_min")
            nlu = nlu.model_copy(update={"slots": slots})
        if slots.get("room") and not slots.get("category"):
            mentioned = [m for m in mentioned_categories(nlu.text, self.s.retriever.vocabulary.get("categories", []))
                         if not is_room(m[0])]
            if mentioned:
                # "hanging egg chairs for my balcony": the product word names a family of categories
                slots = {**slots, "category": mentioned[-1][1] if len(mentioned[-1][1]) > 1 else mentioned[-1][1][0]}
                family_member_by_purpose(slots, nlu.text)  # "... for the garden": outdoor chairs
                nlu = nlu.model_copy(update={"slots": slots})
            elif not any(slots.get(k) for k in ("brand", "color", "material", "style", "price_max", "price_min")):
                return self._ask_for_room(state, nlu, str(slots["room"]))
        elif (not slots.get("category") and not state.constraints.categories and phrases.FURNISHING.search(nlu.text)
              and not any(slots.get(k) for k in ("brand", "color", "material", "style", "price_max", "price_min"))):
            # "just signed a lease on a 1 bed flat and have basically nothing": where to start, asked
            return self._ask_category(state, nlu, "Nice project! What would you like to start with? For example: "
                                      + ", ".join(c.lower() for c in self._top_categories(4)) + ".")
        if slots.get("room") and isinstance(slots["room"], str):
            state.room = slots["room"]
        family = slots.get("category")
        if isinstance(family, list) and (state.room or state.constraints.categories):
            # "a table first" after "I want to furnish my dining room": the dining table; "and four chairs for it"
            # after dining tables: the dining chairs (the room of the request before)
            rooms = [state.room] if state.room else []
            rooms += [level for c in state.constraints.categories[:1] for level in self._parents().get(c, ())[1:]]
            for room in rooms:
                there = [c for c in family if any(_in_room(room, level) for level in self._parents().get(c, ()))]
                if len(there) == 1:
                    slots = {**slots, "category": there[0]}
                    nlu = nlu.model_copy(update={"slots": slots})
                    break
        intro = None
        wished = wished_text(nlu.text)  # not "our old white linen sofa got destroyed ... one of the cushions"
        several = self._listed_kinds(wished)
        if len({tuple(n) for _, n in several}) >= 2 and not phrases.GOES_WITH.search(nlu.text):
            # "a sofa, a coffee table and a rug for the living room": one at a time, the first named first
            first, rest = several[0], [gram for gram, names in several[1:] if names != several[0][1]]
            state.bundle = SearchFilter(categories=list(dict.fromkeys(c for _, names in several for c in names)),
                                        price_max=slots.get("price_max"), price_min=slots.get("price_min"))
            colours = slot_values(slots, "color")
            if colours and all(len(re.findall(rf"\b{re.escape(c.split()[-1])}\b", wished, re.I)) >= len(several) for c in colours):
                state.bundle.colors = list(colours)  # "a pink rug and pink curtains": pink for each
            slots = {**slots, "category": first[1][0] if len(first[1]) == 1 else first[1]}
            family_member_by_purpose(slots, nlu.text)
            nlu = nlu.model_copy(update={"slots": slots})
            intro = f"Let's start with the {first[0]}; then the " + " and the ".join(dict.fromkeys(rest)) + ". For the " + first[0] + ":"
        if is_new_request(state.constraints, slots) or (slots.get("category") and not state.constraints.categories):
            # A new request: keep brand exclusions (a shopper's general dislikes), drop the rest; keep the budget
            # for the same kind of product ("so a floor lamp" after table lamps) or when told ("same budget").
            old = state.constraints
            keep = SearchFilter(exclude_brands=old.exclude_brands)
            new_categories = [c for c in (slots.get("category") if isinstance(slots.get("category"), list)
                                          else [slots.get("category")]) if c]
            if phrases.SAME_BUDGET.search(nlu.text) or self._siblings(old.categories, new_categories):
                keep.price_min, keep.price_max = old.price_min, old.price_max
            elif phrases.INSTEAD.search(nlu.text) and self._same_room(old.categories, new_categories):
                # "NOT white, under 1000" for a couch, then "what about a sectional instead": the same limits
                keep.price_min, keep.price_max = old.price_min, old.price_max
                keep.exclude_colors, keep.exclude_materials = list(old.exclude_colors), list(old.exclude_materials)
                keep.exclude_styles = list(old.exclude_styles)
            elif state.budget_each is not None:
                keep.price_max = state.budget_each  # "max 500 per piece", then "and finally a bed frame"
            elif state.last_action == "clarify" and not state.shown:
                # "secret santa, 30 dollar limit, for a desk or a couch?" (nothing shown), then "throw pillows maybe"
                keep.price_min, keep.price_max = old.price_min, old.price_max
            bundle = state.bundle
            if bundle is not None and new_categories and set(new_categories) <= set(bundle.categories):
                keep.price_min, keep.price_max = bundle.price_min, bundle.price_max  # "under 1000 together"
                keep.colors = list(bundle.colors)  # "a pink rug and pink curtains", then "just the curtains for now"
            for said in phrases.SAME_VALUE.finditer(nlu.text):  # "let's do curtains instead, same colour"
                word = next(g for g in said.groups() if g).lower()
                name = "colors" if word.startswith("colo") or word == "finish" else "styles" if word.startswith("style") else "materials"
                setattr(keep, name, list(getattr(old, name)))
                if name == "styles":
                    state.look_styles = []  # "floor lamps in that style": the style asked for now, not only a look
            if state.room_styles and not keep.styles and not slots.get("style") and not slots.get("room"):
                keep.styles = list(state.room_styles)  # the room's style for each piece: "and a little lamp for next to her bed?"
            if old.sizes and any(p.size in old.sizes for p in self._sample(new_categories)):
                keep.sizes = list(old.sizes)  # "a queen bed" then "the mattress": the same bed size
                if not slots.get("size"):  # ... not said again: it gives way to what is asked now ("soft ones please")
                    state.rough_sizes = list(old.sizes)
            if old.categories:
                state.earlier[old.categories[0]] = old.model_copy(update={"exclude_ids": []})
            earlier = state.earlier.get(new_categories[0]) if len(new_categories) == 1 else None
            if earlier is not None and phrases.BACK_TO.search(nlu.text):
                keep = earlier.model_copy(deep=True)  # "back to the sofas": what was said for sofas holds again
                keep.exclude_brands = list(dict.fromkeys([*keep.exclude_brands, *old.exclude_brands]))
            if not old.categories and state.last_action not in ("suggest_complements", "answer_question", "add_to_cart"):
                keep = old.model_copy(deep=True)  # "a gift under 80" then "maybe a lamp": the request is being completed
            elif self._narrows(old.categories, new_categories):
                # "nothing too modern" under lighting, then "it would stand on the floor": floor lamps, nothing too modern
                keep = old.model_copy(deep=True, update={"categories": [], "exclude_ids": []})
            state.constraints = keep
            state.seen, state.positive_ids, state.negative_ids, state.size_bound = [], [], [], None
            state.critique_price_bound = None
        if slots.get("price_max") is not None and phrases.PER_PIECE.search(nlu.text):
            state.budget_each = float(slots["price_max"])
        state.query_text = nlu.text if not state.query_text or slots.get("category") or not state.shown else f"{state.query_text} {nlu.text}"
        new_request = is_new_request(state.constraints, slots) or not state.constraints.categories
        state.constraints = apply_slots(state.constraints, slots, vocabulary=self.s.retriever.vocabulary)
        _note_soft_values(state, nlu)
        self._apply_asked_attributes(state, nlu.text)
        features = slots.get("problem_features") or {}
        if features:  # "my back hurts after a day at the desk": lumbar support, where a few have it
            # ("way too soft and i sleep hot": firm and cooling; when too few have both, any firm grade and cooling,
            # then the first trouble's feature alone)
            graded = {k: {"firm": "firmer", "soft": "softer"}.get(v, v) for k, v in features.items()}
            first = dict(list(features.items())[:1])
            for tried in dict.fromkeys(tuple(wish.items()) for wish in (features, graded, first)):  # each once, in order
                wished = state.constraints.model_copy(update={"attributes": {**state.constraints.attributes, **dict(tried)}})
                # (a direction of a grade, "way too soft": firmer ones, however few; and the trouble said of the
                # products being chosen: "she wants them to actually block the light" under pink curtains)
                enough = 1 if {v for _, v in tried} & {"firmer", "softer"} or (state.shown and not new_request) else 3
                if len(await self.search.retrieve(state, state.query_text or nlu.text, wished)) >= enough:
                    state.constraints = wished
                    features = {k: v for k, v in features.items() if k not in dict(tried)}
                    break
        if new_request or state.first_constraints is None:
            state.first_constraints = state.constraints.model_copy(deep=True)
        self._learn_slots(state, slots, nlu.text)
        state.seen = []
        # "furnishing a dining room, farmhouse style": farmhouse things for the dining room
        within = self._room_categories(state.room) if state.room and not state.constraints.categories else None
        if within or (not state.constraints.categories and state.constraints.styles and phrases.FURNISHING.search(nlu.text)):
            # ("wants to redo her whole room ... all boho style": that room's look too)
            state.room_styles = list(state.constraints.styles)
        elif new_request and slots.get("room"):
            state.room_styles = []  # another room, another look
        reply = await self._search(state, nlu, action="recommend", intro=intro, within=within or None)
        name = slots.get("unknown_brand")
        if name and not any(self._in_titles(w) for w in str(name).split()):
            # "do you have any Restoration Hardware sofas?": say so, then what there is ("the Asher sofa" names a product)
            reply = reply.model_copy(update={"text": f"Sorry, we don't carry {slots['unknown_brand']}. {reply.text}"})
        if slots.get("problem_note") and reply.products:
            note = slots["problem_note"]
            shown = self._shown_products(state)
            if features and not any(all(meets_attribute(p, k, str(v)) for k, v in features.items()) for p in shown):
                # too few have it to insist on it: said so ("...keep the early light out; none of these is listed as blackout")
                note = f"{note.rstrip('.')}, but none of these is listed as {' and '.join(attribute_label(k, str(v)) for k, v in features.items())}."
            reply = reply.model_copy(update={"text": f"{note} {reply.text}"})
        if slots.get("missing_kind"):
            # "bunk beds for the grandkids?": none here, said so; then the beds there are
            reply = reply.model_copy(update={"text": f"Sorry, we don't have {slots['missing_kind']}. {reply.text.removeprefix('Sure! ')}"})
        return reply

    async def _on_refine(self, state: DialogueState, nlu: NLUResult) -> Reply:
        slots = dict(nlu.slots)
        for said in _NEED_NOT_BE.finditer(nlu.text):  # "anything washable under 250? doesn't have to be a runner tbh"
            word = singular_word(said.group(1).lower())
            if word in (w.lower() for w in state.constraints.title_words):
                state.constraints.title_words = [w for w in state.constraints.title_words if w.lower() != word]
                slots["title_words"] = [w for w in slot_values(slots, "title_words") if w.lower() != word]
                if not slots["title_words"]:
                    slots.pop("title_words")
        shown = [p for p in (self._product(i) for i in state.shown) if p]
        refs, error = self._resolve(state, slots) if slots.get("item_ref") else ([], None)
        earlier = state.previous_shown
        if error and phrases.SIMILAR.search(nlu.text) and state.shown and all(
                1 <= int(p) <= len(earlier) for p in slots["item_ref"]):
            # "more like the second one" when the last list held one: the second of the list before it
            refs, error = [earlier[int(p) - 1] for p in slots["item_ref"]], None
        if error:
            return self._reply(state, nlu, "clarify", error, quick_replies=["Show more", "Start over"])
        ref_products = [self.products[i] for i in refs if i in self.products]
        # "not that brand" / "not that colour": the value comes from the product talked about.
        for slot in ("exclude_brand", "exclude_color", "exclude_material"):
            if slots.get(slot) in ("", "that", "this", True):
                source = ref_products[0] if ref_products else self._product(state.focus_id) or (shown[0] if shown else None)
                value = getattr(source, slot.split("_", 1)[1]) if source else None
                asked = {"exclude_brand": state.constraints.brands, "exclude_color": state.constraints.colors,
                         "exclude_material": state.constraints.materials}[slot]
                if asked and not ref_products:
                    value = list(asked)  # "any from another brand?" after asking for Pottery Barn: not that one
                if value:
                    slots[slot] = value
                else:
                    slots.pop(slot)
        if ref_products and phrases.SIMILAR.search(nlu.text):
            # "more like the black one but cheaper?": black says which one it is like, not the colour wished
            pointers = " ".join(m.group(1) for m in _THE_X_ONE.finditer(nlu.text))
            slots = {k: v for k, v in slots.items() if not (k in ("color", "material", "brand") and isinstance(v, str)
                                                            and re.search(rf"\b{re.escape(v.lower())}\b", pointers.lower()))}
        if slots.get("size_relative") and slots.get("size") and re.search(r"\b(?:is|'s|are)\s+(?:only|just)\s+(?:a\s+)?\d", nlu.text, re.I):
            slots = {k: v for k, v in slots.items() if k != "size"}  # "the ivory one is only 4x6 tho, way too small": its size
        if (slots.get("price_relative") or slots.get("size_relative")) and not ref_products and len(shown) > 1:
            # "ooh the charcoal one is nice but can we go cheaper?", "anything cheaper than the beige one?": that one's price;
            # "the ivory one is only 4x6 tho ... anything bigger?": bigger than it
            said = [m.group(1) for m in _THE_X_ONE.finditer(nlu.text)]
            picked = self._described_shown(state, f"the {said[0]} one") if len(said) == 1 else []
            # ... "something more like the black ones but cheaper?": cheaper than the cheapest of them
            several = re.search(r"\bmore\s+like\s+the\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+ones\b", nlu.text, re.I)
            if several and not said:
                said = [several.group(1)]
                picked = [n for n, p in enumerate(shown, 1)
                          if all(_has_colour(p, w) or re.search(rf"\b{re.escape(w)}\b", p.title, re.I) for w in said[0].lower().split())]
            if (len(picked) == 1 or several and picked) and all(1 <= n <= len(shown) for n in picked):
                ref_products = sorted((shown[n - 1] for n in picked), key=lambda p: p.price if p.price is not None else 0)
                slots = {k: v for k, v in slots.items() if not (k in ("color", "material") and isinstance(v, str)
                                                                and v.lower() in said[0].lower())}
        ref_price = None
        if slots.get("price_relative"):
            ref_price = ref_products[0].price if ref_products else reference_price(shown)
            quoted = [p.price for p in shown if p.price is not None and p.price >= 10
                      and re.search(rf"(?<![\d.,])\$?{p.price:g}(?![\d.,]\d)", nlu.text)]
            if not ref_products and len(set(quoted)) == 1:
                ref_price = quoted[0]  # "629?? for a rug?? anything cheaper?": cheaper than the one whose price is quoted
            if not ref_products and slots["price_relative"] == "lower" and phrases.ALL_TOO_DEAR.search(nlu.text):
                ref_price = min((p.price for p in shown if p.price is not None), default=ref_price)
        if slots.get("size_relative"):
            basis = ref_products[0] if ref_products else (shown[0] if shown else None)
            value = size_value(basis) if basis else None
            if value is not None:
                state.size_bound = (slots["size_relative"], value)
        if slots.get("category") and is_new_request(state.constraints, slots):
            narrowed = (state.bundle is not None and set(slot_values(slots, "category")) <= set(state.bundle.categories)
                        and _JUST_THE_KIND.match(nlu.text))  # ("just the curtains for now": the request narrowed)
            return await self._on_search(state, nlu.model_copy(update={"intent": "refine" if narrowed else "search_product"}))  # "and pillows?"
        slots = self._withdrawn_exclusions(state, slots, nlu.text)
        self._replace_wood_or_metal(state, slots)
        before = state.constraints
        state.constraints = apply_slots(state.constraints, slots, reference_price=ref_price,
                                        vocabulary=self.s.retriever.vocabulary)
        _note_soft_values(state, nlu)
        if slots.get("price_max") is not None or slots.get("price_min") is not None:
            state.critique_price_bound = None  # an amount said replaces a critique's bound
        elif slots.get("price_relative") and ref_price is not None:
            field = "price_max" if slots["price_relative"] == "lower" else "price_min"
            earlier = state.critique_price_bound[1] if state.critique_price_bound else getattr(before, field)
            state.critique_price_bound = (field, earlier)  # "even cheaper" keeps the budget said first
        if not (slots.get("item_ref") and phrases.is_question(nlu.text)):
            self._apply_asked_attributes(state, nlu.text)  # not "does the second one have removable covers?"
        self._learn_slots(state, slots, nlu.text)
        if ref_products and phrases.SIMILAR.search(nlu.text):
            for p in ref_products:  # "more like #2"
                if p.id not in state.positive_ids:
                    state.positive_ids.append(p.id)
                vec = (await blocking(self.s.retriever.vectors, [p.id]))[0]
                learn_from_product(state.profile, p, vec.tolist(), liked=True, strength=0.5)
        elif phrases.DIFFERENT.search(nlu.text) and not any(k in slots for k in ("price_max", "price_min", "color", "brand", "material", "category",
                                                                               "exclude_color", "exclude_brand", "exclude_material",
                                                                               "exclude_style", "exclude_category")):
            state.negative_ids = list(dict.fromkeys([*state.negative_ids, *state.shown]))
            c = state.constraints
            if phrases.COMPLETELY_DIFFERENT.search(nlu.text) and (c.colors or c.materials or c.styles):
                # "something completely different": the look let go (colour, material, style), the rest kept
                look = describe(c.model_copy(update={"exclude_ids": []}))
                c.colors, c.materials, c.styles = [], [], []
                reply = await self._search(state, nlu, action="refine", exclude_seen=True,
                                           intro=f"Something completely different from the {look}:")
            else:
                reply = await self._search(state, nlu, action="refine", exclude_seen=True)
            if not reply.products and state.size_bound and phrases.COMPLETELY_DIFFERENT.search(nlu.text):
                # "bigger than those", then "something completely different" when every bigger one was shown
                state.size_bound = None
                state.seen = list(dict.fromkeys([*state.seen, *state.previous_shown, *state.shown]))  # none shown before
                reply = await self._search(state, nlu, action="refine", exclude_seen=True,
                                           intro=f"Those were all the bigger {describe(c.model_copy(update={'exclude_ids': []}))}; "
                                                 "here are different ones:")
            return reply
        if not state.query_text:
            state.query_text = nlu.text
        state.seen = []
        return await self._search(state, nlu, action="refine" if state.shown else "recommend")

    def _listed_kinds(self, text: str) -> list[tuple[str, list[str]]]:
        """The kinds of product a sentence lists ("a sofa, a coffee table and a rug for the living room"), each with
        its categories; [] when none lists two ("two kids and a dog ..., so the sofa takes a beating. Looking for a
        big sectional": one thing)."""
        categories = self.s.retriever.vocabulary.get("categories", [])
        for sentence in re.split(r"[.!?;]+", text):
            if not phrases.LIST_OF_THINGS.search(sentence):
                continue
            sentence = re.sub(r"\s*[+&]\s*(?=[a-z])", " and a ", sentence, flags=re.I)  # "a desk + chair": two things
            named = [(gram, names) for gram, names in mentioned_categories(sentence, categories) if not is_room(gram)]
            if len({tuple(n) for _, n in named}) >= 2:
                return named
        return []

    def _withdrawn_exclusions(self, state: DialogueState, slots: dict, text: str) -> dict:
        """ "ok leather is fine after all": a value the shopper had excluded is allowed again, not required."""
        if not phrases.FINE.search(text):
            return slots
        slots = dict(slots)
        c = state.constraints
        for name, excluded in (("brand", c.exclude_brands), ("color", c.exclude_colors),
                               ("material", c.exclude_materials), ("style", c.exclude_styles)):
            value = slots.get(name)
            if isinstance(value, str) and value.lower() in {e.lower() for e in excluded}:
                excluded[:] = [e for e in excluded if e.lower() != value.lower()]
                slots.pop(name)
        return slots

    def _replace_wood_or_metal(self, state: DialogueState, slots: dict) -> None:
        """A value the catalog has as a colour and as a material ("walnut") was the wood asked for: a new
        material ("what about in oak instead") replaces it, as a new colour replaces a material such value."""
        vocabulary = self.s.retriever.vocabulary
        colors = {v.lower() for v in vocabulary.get("colors", [])}
        materials = {v.lower() for v in vocabulary.get("materials", [])}
        c = state.constraints
        if slots.get("material") and c.colors and all(v.lower() in materials for v in c.colors):
            c.colors = []
        if slots.get("color") and c.materials and all(v.lower() in colors for v in c.materials):
            c.materials = []

    def _siblings(self, old: list[str], new: list[str]) -> bool:
        """Whether every new category is the same kind of thing as an old one under the same parent (Table Lamps
        and Floor Lamps; not Nightstands and Dressers) or lies under one (Lighting -> Floor Lamps)."""
        parents = self._parents()
        if not old or not new:
            return False

        def kind(category: str) -> str:
            return singular_word(category.split()[-1].lower())

        return all(any(parents.get(c) == parents.get(o) and kind(c) == kind(o) for o in old) or self._narrows(old, [c])
                   for c in new)

    def _refused_title_word(self, state: DialogueState, slots: dict) -> str | None:
        """A refused material or style the catalog does not list as one ("shaggy") whose stem names some of the
        products being chosen in their titles ("Shag Rug"): that title word."""
        known = set(self.s.retriever.vocabulary.get("categories", []))
        # the kind asked for now ("need a pet friendly rug ..., nothing shaggy pls"), or the one being chosen
        categories = [c for c in slot_values(slots, "category") if c in known] or state.constraints.categories
        if not categories:
            return None
        vocabulary = self.s.retriever.vocabulary
        listed = {v.lower() for k in ("materials", "styles", "brands") for v in vocabulary.get(k, [])}
        # ("NOT a tripod one" read as a brand refused: no brand is called that)
        for value in (*slot_values(slots, "exclude_material"), *slot_values(slots, "exclude_style"), *slot_values(slots, "refused_word")):
            word = value.lower().strip()
            if " " in word or word in listed or len(word) < 5:
                continue
            stem = re.sub(r"(\w)\1$", r"\1", re.sub(r"(?:y|ish|ed)$", "", word))  # shaggy -> shag, frilly -> fril
            for said in (word, stem):  # ("canopy" as titles say it, not "canop")
                if any(re.search(rf"\b{re.escape(said)}", p.title.lower()) for p in self._sample(categories)):
                    return said
        return None

    def _same_room(self, old: list[str], new: list[str]) -> bool:
        """Whether every new category sits in the same room (parent) as an old one (Sofas and Sectionals)."""
        parents = self._parents()
        return bool(old and new) and all(parents.get(c) and any(parents.get(c) == parents.get(o) for o in old) for c in new)

    def _narrows(self, old: list[str], new: list[str]) -> bool:
        """Whether every new category lies under an old one (Lighting -> Floor Lamps): the same request, narrower."""
        parents = self._parents()
        return bool(old and new) and all(set(old) & set(parents.get(c, ())) for c in new)

    def _covers_or_is(self, word: str, current: list[str]) -> bool:
        """Whether a product word ("desks", "lamps") names the categories being chosen or a family holding them."""
        named = [names for _, names in mentioned_categories(word, self.s.retriever.vocabulary.get("categories", []))]
        return any(set(names) & set(current) or self._covers(names, current) for names in named)

    def _covers(self, broader: object, current: list[str]) -> bool:
        """Whether a category word said now covers the current categories ("the lamp" under floor lamps,
        "those stands" under TV stands): then it names what is being chosen, not a new request."""
        if not current or not broader:
            return False
        names = set(broader) if isinstance(broader, list) else {broader}
        parents = self._parents()
        return all(c in names or names & set(parents.get(c, ())) for c in current) and not set(current) >= names

    def _parents(self) -> dict[str, tuple[str, ...]]:
        self._fresh_caches()
        if self._parents_of is None:
            self._parents_of = {}
            for p in self.products.values():
                if p.leaf_category and len(p.category) > 1:
                    self._parents_of.setdefault(p.leaf_category, tuple(p.category[:-1]))
        return self._parents_of

    def _top_categories(self, n: int) -> list[str]:
        counts: dict[str, int] = {}
        for p in self.products.values():
            if p.leaf_category:
                counts[p.leaf_category] = counts.get(p.leaf_category, 0) + 1
        return sorted(counts, key=lambda c: -counts[c])[:n]

    def _forget_values(self, state: DialogueState, text: str) -> set[str]:
        """Values of the current filter the shopper lets go of by name ("forget the green", "never mind the IKEA
        bit"): removed from the filter; returns them (lower-cased)."""
        c = state.constraints
        gone: set[str] = set()
        for match in [*phrases.FORGET_VALUE.finditer(text), *phrases.MIND_CHANGED.finditer(text), *phrases.VALUE_NO_MATTER.finditer(text)]:
            said = _spaced(match.group(1))  # "forget the mid century idea": mid-century
            for name in ("colors", "materials", "brands", "styles", "exclude_colors", "exclude_materials",
                         "exclude_brands", "exclude_styles"):
                values = getattr(c, name)
                hit = [v for v in values if _spaced(v) == said or v.lower() in said.split()
                       or set(said.split()) <= set(_spaced(v).split())]  # "the fabric thing": performance fabric
                if hit:
                    setattr(c, name, [v for v in values if v not in hit])
                    gone |= {v.lower() for v in hit}
            # "ok forget dimmable then", "never mind the waterproof bit": a listed feature let go
            features = [k for k, v in c.attributes.items()
                        if said in (k.lower(), v.lower(), attribute_label(k, v).lower()) or said == f"{v} {k}".lower()]
            if features:
                c.attributes = {k: v for k, v in c.attributes.items() if k not in features}
                state.firm_features = [k for k in state.firm_features if k not in features]
                gone.add(said)
        return gone

    def _why_shown(self, state: DialogueState, product: Product, about_price: bool) -> str:
        """Why a shown product is on the list, from what was asked and what the catalog lists; for "what's the
        catch?", that the catalog says nothing of why, and what it does list."""
        if about_price:
            return ("The catalog doesn't say why it's priced as it is, and I won't guess. Here is what it lists: "
                    + product_qa.overview(product))
        scored = ScoredProduct(candidate=Candidate(product=product, score=0.0), score=0.0)
        reasons = [r.replace(", as you asked", "") for r in replies.reasons_for(scored, state.constraints, state.profile, max_reasons=6)
                   if r.endswith("as you asked") or r.endswith("budget")]
        reasons += [attribute_label(k, v) for k, v in state.constraints.attributes.items()  # "waterproof", "foldable"
                    if matches(product, SearchFilter(attributes={k: v}))]
        text = (f"I showed the {product.title} because it matches what you asked: {', '.join(reasons)}."
                if reasons else f"The {product.title} was among the closest matches to what you wrote.")
        if product.rating is not None:
            text += f" It is rated {product.rating:.1f}★" + (f" from {product.review_count:,} reviews." if product.review_count else ".")
        return text + " I rank what matches by how well it fits your words and what you liked or passed over."

    def _values_named(self, pattern: re.Pattern, text: str) -> dict[str, str]:
        """The colour, material, style or brand (a slot each) that the pattern's captured words name ("back to the
        wicker ones"), as the catalog spells it."""
        found: dict[str, str] = {}
        for match in pattern.finditer(text):
            found.update(self._values_in(next(g for g in match.groups() if g), taken=set(found)))
        return found

    def _values_in(self, words: str, skip: set[str] = frozenset(), taken: set[str] = frozenset()) -> dict[str, str]:
        """The colour, material, style or brand (a slot each, not those ``taken``) the words name, as the catalog
        spells it, leaving out the values in ``skip``; one word names a longer value only when nothing is named
        exactly ("wicker" -> "all-weather wicker")."""
        vocabulary = self.s.retriever.vocabulary
        said = " " + re.sub(r"[^a-z0-9&' -]+", " ", words.lower()) + " "
        names = {slot: sorted((v for v in vocabulary.get(key, []) if v.lower() not in skip), key=len, reverse=True)
                 for slot, key in (("color", "colors"), ("material", "materials"), ("style", "styles"), ("brand", "brands"))
                 if slot not in taken}
        exact = {slot: hit for slot, values in names.items()
                 if (hit := next((v for v in values if f" {v.lower()} " in said), None)) is not None}
        if exact or len(said.split()) != 1:
            return exact
        loose = next(((slot, v) for slot, values in names.items() for v in values if said.strip() in v.lower().split()), None)
        return dict([loose]) if loose else {}

    def _asked(self, text: str, categories: list[str]) -> tuple[dict[str, str], dict[str, float]]:
        """``asked_attributes`` of the message for these categories, read once per message (several context
        rules and the handler ask)."""
        self._fresh_caches()
        key = (text, tuple(categories))
        if self._asked_for is None or self._asked_for[0] != key:
            self._asked_for = (key, asked_attributes(wished_text(text), self._sample(categories)))
        said, least = self._asked_for[1]
        return dict(said), dict(least)

    def _sample(self, categories: list[str]) -> list[Product]:
        """Up to 40 products of each category (what their attributes are)."""
        self._fresh_caches()
        if self._by_category is None:
            self._by_category = {}
            for p in self.products.values():
                if p.leaf_category and len(self._by_category.setdefault(p.leaf_category, [])) < 40:
                    self._by_category[p.leaf_category].append(p)
        sample = [p for c in categories for p in self._by_category.get(c, [])]
        broader = [c for c in categories if c not in self._by_category]  # "Outdoor", "Lighting": their leaves' products
        if broader:
            wanted = {c.lower() for c in broader}
            sample += [p for leaf, ps in self._by_category.items() for p in ps[:10]
                       if wanted & {level.lower() for level in self._parents().get(leaf, ())}]
        return sample

    def _apply_asked_attributes(self, state: DialogueState, text: str) -> None:
        """ "a dimmable floor lamp", "a table for 6 people": listed attributes of the request's categories the
        message asks for become hard constraints."""
        if "leather" in _lower_all(state.constraints.exclude_materials) and _HOT.search(text):
            # "not leather please, I run hot": vegan and faux leather are as hot, so every leather is refused (a plain
            # "no leather" may be a vegan's, who would take vegan leather)
            leathers = [m for m in self.s.retriever.vocabulary.get("materials", []) if re.search(r"\bleather\b", m, re.I)]
            state.constraints.exclude_materials = list(dict.fromkeys([*state.constraints.exclude_materials, *leathers]))
        categories = state.constraints.categories
        if not categories:
            return
        required, least = self._asked(phrases.FORGET_VALUE.sub(" ", text), categories)  # not "ok forget dimmable then"
        if not required and state.last_question and (_ONES_THAT_DO.search(text) or _WHICH_DO_HAVE.search(text)):
            # "do the cushion covers come off?", then "ugh. show me ones where they do come off": the feature asked about
            asked, _ = self._asked(state.last_question, categories)
            required = {k: v for k, v in asked.items() if v == "yes"}
        elif not required and state.last_question and _ONES_THAT_DONT.search(text):
            # "does that bed need a box spring?", then "ugh. which of the queen ones under 500 DONT need one": those
            # listed without it
            question = state.last_question.lower()
            keys = {k for p in self._sample(categories) for k, v in (p.attributes or {}).items() if str(v).lower() in ("yes", "no")}
            required = {k: "no" for k in keys
                        if all(re.search(rf"\b{re.escape(w[:-1] if w.endswith('s') else w)}", question)
                               for w in k.lower().split() if w not in ("required", "included"))}
        more = re.search(r"\bmore\s+(shelves|drawers|seats|doors)\b", text, re.I)
        focus = self._product(state.focus_id) if state.focus_id else (self._product(state.shown[0]) if len(state.shown) == 1 else None)
        if more and focus is not None and more.group(1).lower() not in least:
            had = focus.attributes.get(more.group(1).lower())
            try:  # "how many shelves does that one have" ... "anything with more shelves?": more than it has
                least[more.group(1).lower()] = float(had) + 1
            except (TypeError, ValueError):
                pass
        given_up = _FEATURE_GIVEN_UP.search(text)
        if given_up:  # "anything darker that seats 8, even if it doesn't extend?": that feature let go
            word = (given_up.group(1) or given_up.group(2)).lower()[:5]
            gone = {k for k in [*required, *state.constraints.attributes] if any(w.startswith(word) for w in k.lower().split())}
            required = {k: v for k, v in required.items() if k not in gone}
            state.constraints.attributes = {k: v for k, v in state.constraints.attributes.items() if k not in gone}
        if required or least:
            state.constraints = state.constraints.model_copy(update={
                "attributes": {**state.constraints.attributes, **required},
                "attribute_min": {**state.constraints.attribute_min, **least}})
            if required and (_FIRMLY.search(text) or phrases.A_MUST.search(text)):
                must = phrases.A_MUST.search(text) or _FIRMLY.search(text)
                said_so = [k for k in required if must and re.search(  # "... 2 dogs so it has to be pet friendly": that one
                    rf"\b{re.escape(k.split()[0][:5])}", text[must.end():must.end() + 40], re.I)]
                state.firm_features = list(dict.fromkeys([*state.firm_features, *(said_so or required)]))  # "waterproof ones only"


    async def _offered_filter(self, state: DialogueState, label: str, text: str) -> SearchFilter | None:
        """The filter an offer made when nothing matched stands for, found again: "Other shades" (emerald and teal
        for green), "Any size" under a measure (the bound widened just enough); None for a plain let-go."""
        f = state.constraints
        if label == "Other shades":
            offer = await self.search.other_shades(state, text, f)
            return offer[1] if offer is not None else None
        if label == "Any size" and (f.dimension_max or f.dimension_min):
            return (await self.search.closest_in_size(state, text, f))[1]
        return None

    async def _relax(self, state: DialogueState, nlu: NLUResult, label: str, exclusions: bool = False) -> Reply:
        """Drop one kind of hard constraint ("any colour") and search again."""
        let_go(state, label, exclusions)
        state.seen = []
        return await self._search(state, nlu, action="refine")

    async def _on_show_more(self, state: DialogueState, nlu: NLUResult) -> Reply:
        if state.last_action == "suggest_complements":  # "show me a few more" of the chairs suggested for the table
            seen = list(state.seen)
            self._onto_complements(state, "refine", {}, nlu.text)
            state.seen = list(dict.fromkeys([*seen, *state.shown]))
        if not state.query_text and not state.constraints.categories:
            return self._ask_category(state, nlu)
        return await self._search(state, nlu, action="show_more", exclude_seen=True)

    async def _answer_pending(self, state: DialogueState, text: str, nlu: NLUResult) -> str | Reply:
        """The message as an answer to the bot's own last question (which order, which one, a budget, the offer
        of other materials, a category): a reply, or the intent to handle the message with."""
        intent, slots = nlu.intent, nlu.slots
        if state.pending == "order_id":
            order_id = slots.get("order_id") or service.find_order_id(text)
            if (order_id and not slots.get("order_id") and intent in ("search_product", "refine") and slots.get("category")
                    and any(slots.get(k) is not None and float(slots[k]) == float(re.sub(r"\D", "", order_id) or -1)
                            for k in ("price_max", "price_min"))):
                # "ok. can you show me a smaller sofa then, under 1000?" after "which order?": a budget, no order number
                order_id, state.pending = None, None
                return intent
            asked = state.pending_intent or "order_status"
            if not order_id and service.topic(asked, text) == "policy":
                # "how long do I have?" after "which order?": a question about the rules of what they asked
                state.pending = None
                if (asked == "return_item" and phrases.MONEY_BACK.search(text)
                        and not service.names_topic("return_item", text)):
                    asked = "refund"  # "how long til i get my $$ back" after "which order would you like to return?"
                return self._service(state, nlu.model_copy(update={"intent": asked}), asked)
            if order_id and intent in service.SERVICE_INTENTS and intent != asked and service.names_topic(intent, text):
                asked = intent  # "also I need an invoice for order 81236" after "which order?" about a log-in problem
            if order_id and phrases.TALK_TO_PERSON.search(text):
                state.order_id, state.pending = order_id, None
                return "contact_human"  # "order 55120. and I want a manager NOW": a person, with the order number
            if order_id:
                state.order_id = order_id
                state.pending = None
                # "it's 12345" answers the bot's question: report the intent it was asked for.
                return self._service(state, nlu.model_copy(update={"intent": asked}), asked)
        if (state.pending == "which" and state.last_question and state.shown and len(text.split()) <= 6
                and intent not in ("compare", "add_to_cart") and not phrases.COMPARE_WORD.search(text)):
            # "the first one" / "the boucle one" after "which one do you mean?": the question asked about that one
            refs = slots.get("item_ref") or parse_item_refs(text) or self._described_shown(state, text)
            pid = state.product_at(int(refs[0])) if len(refs) == 1 else None
            if pid in self.products:
                state.pending = None
                asked = nlu.model_copy(update={"intent": "product_question", "slots": {**slots, "item_ref": list(refs[:1])}})
                return self._answer_about(state, asked, self.products[pid], question=state.last_question)
        if (state.pending == "cart" and state.shown and len(text.split()) <= 6 and intent not in service.SERVICE_INTENTS
                and intent not in ("compare", "product_question", "search_product") and not phrases.is_question(text)):
            # "the second" after "which one should I add?": that one, into the cart
            refs = slots.get("item_ref") or (parse_item_refs(text) if phrases.EXPLICIT_REF.search(text) else self._described_shown(state, text))
            if len(refs) >= 1:
                state.pending = None
                count = int(state.pending_intent or 1)
                return await self._on_cart(state, nlu.model_copy(update={
                    "intent": "add_to_cart", "slots": {**slots, "item_ref": list(refs)},
                    "text": nlu.text if count == 1 else f"{count} of {nlu.text}"}))
        if (state.pending == "relax" and state.pending_intent in phrases.RELAXABLE and _takes_offer(state, text)
                and _more_with_the_offer(text)):
            # "fine, show me the queen ones then, nothing over 150" after "I do have queen sheets in other materials":
            # the material let go, the budget read as a refinement
            let_go(state, state.pending_intent)
            state.pending = None
        elif state.pending == "relax" and (phrases.YES.match(text) or _takes_offer(state, text)) \
                and state.pending_intent in (*phrases.RELAXABLE, "Other shades"):
            state.pending = None  # "yes" to "I do have green throw pillows in other materials: shall I show you those?"
            offered = await self._offered_filter(state, state.pending_intent, state.query_text or text)
            if offered is not None:  # the filter the offer named: shades of the colour, a measure widened just enough
                state.constraints, state.seen = offered, []
                return await self._search(state, nlu.model_copy(update={"intent": "refine"}), action="refine")
            if state.pending_intent in phrases.RELAXABLE:
                return await self._relax(state, nlu.model_copy(update={"intent": "refine"}), state.pending_intent)
        if (state.pending in ("budget", "relax") and state.constraints.categories and not state.shown
                and (slots.get("item_ref") or state.pending == "budget")
                and intent in ("product_question", "feedback_like", "feedback_dislike", "add_to_cart", "compare")):
            # "does #1 include cushions?" when the bot asked for a budget, or offered other materials, and showed
            # nothing yet: show them first (what was offered), then answer about the one pointed at
            if state.pending == "relax" and state.pending_intent in phrases.RELAXABLE:
                let_go(state, state.pending_intent)
            state.pending, state.shown = None, []
            shown = await self._search(state, nlu, action="recommend",
                                       intro=f"I haven't shown you any {describe(state.constraints)} yet; here are some:")
            refs = slots.get("item_ref") or []
            pid = state.product_at(int(refs[0])) if refs and state.shown else None
            if pid in self.products:
                state.focus_id = pid  # "and is it UV resistant?" next is about the one they pointed at
                if intent == "product_question":
                    said, _ = product_qa.answer(text, self.products[pid])
                    shown = shown.model_copy(update={"text": f"{shown.text}\n\nAbout #{refs[0]}: {said}"})
            return shown
        if state.pending == "budget" and intent not in service.SERVICE_INTENTS:
            relax = phrases.RELAX.match(text)
            wishes = any(slots.get(k) for k in ("price_max", "price_min", "color", "material", "style", "brand", "category",
                                                 "exclude_color", "exclude_material", "exclude_style", "exclude_brand",
                                                 "price_relative", "size_relative"))  # not "anything cheaper?"
            if (phrases.ANY.search(text) and not wishes
                    and not (relax and phrases.RELAX_FIELDS[relax.group(1).lower()] != "Any price")):
                # "no budget", "whatever" (not "anything under 500?", not "anything in charcoal?", not "any size is fine")
                state.pending = None
                return await self._search(state, nlu, action="recommend")
            if slots.get("price_max") is not None or slots.get("price_min") is not None:
                intent = "refine"
        if state.pending == "category" and slots.get("category") and intent not in service.SERVICE_INTENTS:
            intent = "search_product"
        return intent

    def _start_over(self, state: DialogueState, nlu: NLUResult) -> Reply:
        """ "start over": the search and what was said for it are dropped; the cart and the liked products stay."""
        state.constraints, state.first_constraints, state.query_text = SearchFilter(), None, ""
        state.shown, state.seen, state.compared, state.earlier = [], [], [], {}
        state.positive_ids, state.negative_ids, state.size_bound, state.critique_price_bound = [], [], None, None
        state.bundle = state.complement_filter = state.room = state.focus_id = state.budget_each = None
        state.asked_budget_for, state.last_question = [], ""
        state.profile.budget_min = state.profile.budget_max = None
        state.profile.budget_explicit = False
        return self._ask_category(state, nlu, "Sure, let's start over. What are you looking for? For example: "
                                  + ", ".join(self._top_categories(4)).lower() + ".")

    def _room_categories(self, room: str) -> list[str]:
        """The catalog's categories of a room ("Dining Room": dining tables, dining chairs...), most products first."""
        counts: dict[str, int] = {}
        for p in self.products.values():
            if p.leaf_category and any(_in_room(room, level) for level in p.category[:-1]):
                counts[p.leaf_category] = counts.get(p.leaf_category, 0) + 1
        return sorted(counts, key=lambda c: -counts[c])

    def _ask_for_room(self, state: DialogueState, nlu: NLUResult, room: str) -> Reply:
        """ "I want to redo my bedroom": ask what for it, with the catalog's categories of that room."""
        top = self._room_categories(room)[:4]
        if not top:
            return self._ask_category(state, nlu)
        state.pending, state.room = "category", room
        return self._reply(state, nlu, "clarify", f"Nice project! What would you like for your {room.lower()}? "
                           "For example: " + ", ".join(c.lower() for c in top) + ".", quick_replies=top)

    def _not_sold(self, state: DialogueState, nlu: NLUResult, thing: str) -> Reply:
        """ "do you sell refrigerators?": said so, with what the shop does sell, and what they want asked."""
        return self._ask_category(state, nlu, f"Sorry, we don't sell {thing}. We have furniture and home goods, for example: "
                                  + ", ".join(self._top_categories(4)).lower() + ".")

    def _popular(self, state: DialogueState, nlu: NLUResult) -> Reply:
        """The most reviewed products in stock, one of each kind ("whats popular right now?" with nothing in mind)."""
        picked: list[Product] = []
        for product in sorted(self.products.values(), key=lambda p: (-(p.review_count or 0), -(p.rating or 0), p.id)):
            kind = product.category[-1] if product.category else ""
            if product.in_stock is not False and kind not in {p.category[-1] if p.category else "" for p in picked}:
                picked.append(product)
            if len(picked) == SHOW:
                break
        top = [ScoredProduct(candidate=Candidate(product=p, score=1.0), score=1.0) for p in picked]
        return self._show(state, nlu, "recommend", SearchFilter(), top,
                          intro="Our most popular products right now (the most reviewed, one of each kind):")

    def _ask_category(self, state: DialogueState, nlu: NLUResult, text: str | None = None) -> Reply:
        top = self._top_categories(4)
        state.pending = "category"
        return self._reply(
            state, nlu, "clarify", text or "What kind of product are you looking for? For example: " + ", ".join(c.lower() for c in top) + ".",
            quick_replies=top,
        )

    async def _search(self, state: DialogueState, nlu: NLUResult, *, action: str, exclude_seen: bool = False,
                      intro: str | None = None, within: list[str] | None = None) -> Reply:
        """Retrieve, re-rank and show products for the current request (``within``: categories to
        keep to when the shopper stated none)."""
        f = state.constraints.model_copy(deep=True)
        if self._said_as_look(nlu, f, self.s.retriever.vocabulary.get("styles", []),
                              self.s.retriever.vocabulary.get("categories", [])):
            state.look_styles = list(f.styles)
        if within and not f.categories:
            f.categories = within
        f.exclude_ids = list(dict.fromkeys([*state.profile.rejected_ids, *(state.seen if exclude_seen else [])]))
        text = state.query_text or describe(f)
        found = await self.search.find(state, nlu, f, text, action=action, exclude_seen=exclude_seen, intro=intro)
        candidates, f, intro = found.candidates, found.filter, found.intro
        if found.none_with:
            return self._none_with(state, nlu, f)
        if found.nothing_further:  # "nothing cheaper?" under the only twin mattress: said so, the list stays
            state.seen = list(dict.fromkeys([*state.seen, *state.shown]))
            higher = nlu.slots.get("price_relative") == "higher"
            return self._reply(state, nlu, "refine", f"Nothing {'pricier' if higher else 'cheaper'} fits: the ones shown are "
                               f"already the {'most' if higher else 'least'} expensive {describe(f)}.",
                               quick_replies=["Something different", "Start over"])
        if not candidates and found.offer is not None and found.offer[2] == "Any style" and action != "show_more":
            # "a rust boho rug" and no bohemian one: a style is a look, not a spec. Said so, then the closest in
            # other styles; the style stays asked for ("I can stretch to 800" may bring a farmhouse bed in)
            candidates, f, _ = found.offer
            intro = f"I couldn't find any {describe(found.filter)}; here are {describe(f)} in other styles:"
        if not candidates:
            return self._no_results(state, nlu, f, action, found.offer)
        # Too vague: no category, and what matched spreads over many categories.
        if not f.categories and not state.positive_ids and action == "recommend":
            leaves = {c.product.leaf_category for c in candidates[:10] if c.product.leaf_category}
            if len(leaves) >= 5 and not any(nlu.slots.get(k) for k in ("brand", "color", "material", "style")):
                return self._ask_category(state, nlu, "Happy to help! What kind of product are you looking for? "
                                          + "For example: " + ", ".join(sorted(leaves)[:4]).lower() + ".")
        # Expensive category and nothing but the category: shown at once, and a budget asked for once.
        budget_note = None
        if action == "recommend" and len(f.categories) == 1 and f.price_max is None and f.price_min is None:
            category = f.categories[0]
            median = self.category_price(category)
            only_category = not any(nlu.slots.get(k) for k in ("brand", "color", "material", "style", "size", "exclude_brand",
                                                                "exclude_color", "exclude_material", "exclude_style"))
            if (median and median >= EXPENSIVE and only_category and category.lower() not in state.asked_budget_for
                    and not phrases.NO_BUDGET.search(nlu.text) and not phrases.SUPERLATIVE.search(nlu.text)):
                state.asked_budget_for.append(category.lower())
                budget_note = (category, median)
        plain = (self._without_soft_wishes(state, nlu, action, f)
                 if len(candidates) == 1 and (f.attributes or f.attribute_min) and action != "show_more" else None)
        if plain is not None:
            # "a desk, standing desk ideally" and only one has it: that one first, then the closest without it;
            # "a dining table that seats 8, extendable would be a bonus" (then "something in wood"): the extendable
            # one first, then the closest others for 8+
            wished = f.model_copy(update={"attributes": {k: v for k, v in f.attributes.items() if k not in plain.attributes},
                                          "attribute_min": {k: v for k, v in f.attribute_min.items()
                                                            if k not in plain.attribute_min}})
            shown = await self._first_then_closest(state, nlu, action, text, candidates, plain,
                                                   intro or f"The first is listed as {wished_label(wished)}; the others "
                                                             f"are the closest {describe(plain)}:")
            if shown is not None:
                return shown
        kind = soft_kind(f.title_words)
        if kind is not None and len(candidates) < 3 and action != "show_more" and not kinds_named(nlu.text):
            # "gaming chair under 300" then "no leather" and one gaming chair fits: it first, then the closest other
            # chairs ("do you have a tripod one?" asks for those alone)
            plain = f.model_copy(update={"title_words": []})
            shown = await self._first_then_closest(state, nlu, action, text, candidates, plain,
                                                   intro or _first_few(candidates, f"a {kind.name[:-1]}", kind.name, plain))
            if shown is not None:
                return shown
        if (state.styles_are_look(f.styles) and len(candidates) < 3
                and (action == "recommend" or action == "refine" and not nlu.slots.get("style"))):
            # "going for a coastal look, a rug in blue" and one blue rug is coastal: it first, then the closest others
            plain = f.model_copy(update={"styles": []})
            style = " or ".join(f.styles).lower()
            shown = await self._first_then_closest(state, nlu, action, text, candidates, plain,
                                                   intro or _first_few(candidates, style, style, plain))
            if shown is not None:
                return shown
        roughly = [c for c in f.colors if _said_ish(c, nlu.text)] if nlu.slots.get("color") else []
        rough_features = {k: v for k, v in f.attributes.items() if _said_ish(str(v), nlu.text)}
        if (roughly or rough_features) and len(candidates) < 3 and action in ("recommend", "refine"):
            # "bedside tables, walnut-ish, under 400 each" and one is walnut, "a queen mattress, firm-ish": it first,
            # then the closest others
            plain = f.model_copy(update={"colors": [] if roughly else f.colors,
                                         "attributes": {k: v for k, v in f.attributes.items() if k not in rough_features}})
            said = " or ".join(f.colors).lower() if roughly else " and ".join(map(str, rough_features.values()))
            shown = await self._first_then_closest(state, nlu, action, text, candidates, plain,
                                                   intro or _first_few(candidates, said, said, plain))
            if shown is not None:
                return shown
        superlative = phrases.SUPERLATIVE.search(nlu.text) if action in ("recommend", "refine") else None
        if superlative:  # "the cheapest coffee table you have": the cheapest of all that match, not of the best five
            key = superlative_order(superlative.group(0))
            candidates = sorted(candidates, key=lambda c: key(c.product))[:SHOW]
        elif self._wants_cheap(nlu, action, f):  # "a cheap coffee table": the lowest priced that match, cheapest first
            by_price = superlative_order("cheapest")
            candidates = sorted(candidates, key=lambda c: by_price(c.product))[:SHOW]
        top = await self.search.rank(state, text, candidates, SHOW)
        reply = self._show(state, nlu, action, f, top, intro)
        if budget_note and reply.products and not self._wants_cheap(nlu, action, f):
            # an expensive category and nothing else said: shown at once, with what they cost and a budget asked
            category, median = budget_note
            state.pending = "budget"
            reply = reply.model_copy(update={
                "text": f"{reply.text}\n\nMost of our {category.lower()} cost around ${median:,.0f}; "
                        "tell me your budget and I'll narrow these down.",
                "quick_replies": self._budget_options(category)})
        return reply

    @staticmethod
    def _said_as_look(nlu: NLUResult, f: SearchFilter, styles: list[str] | tuple[str, ...] = (),
                      categories: list[str] | tuple[str, ...] = ()) -> bool:
        """ "going for a coastal look", "mid century or scandi vibe", "modern-ish": the styles asked for are the
        room's look (or said roughly). Not "a coffee table. industrial look": a look said as its own clause after
        the piece is that piece's style (a "vibe" stays loose: "a dresser for our bedroom, mid century vibe")."""
        look = (phrases.LOOK_OF.search(nlu.text) or phrases.ROOM_LOOK.search(nlu.text)
                or phrases.STYLE_ISH.search(nlu.text)) if f.styles else None
        said_look = re.sub(r"[^a-z]", "", look.group("style").lower()) if look else ""
        if not look:
            return False
        before = nlu.text[:look.start()]
        if (look.re is phrases.LOOK_OF and look.group(0).lower().endswith("look") and re.search(r"[.,;:!?]\s*$", before)
                and mentioned_categories(before, list(categories))):
            return False
        words = lexicon("style", styles)  # the catalog's styles (``styles``), for the shoppers' words of them
        named = {str(hit).lower() for w in re.findall(r"[a-z-]+", look.group("style").lower()) if (hit := words.lookup(w))}
        # "mid century or scandi vibe"; "boho vibe" (bohemian, said in the shoppers' word)
        return any(re.sub(r"[^a-z]", "", s.lower())[:5] in said_look or s.lower() in named for s in f.styles)

    def _without_soft_wishes(self, state: DialogueState, nlu: NLUResult, action: str, f: SearchFilter) -> SearchFilter | None:
        """ ``f`` without the listed features said softly: in this message ("a desk, standing desk ideally"), or in
        the request a refinement narrows ("seats 8, extendable would be a bonus", then "something in wood"). Only
        the features of the soft clause give way ("seats 8" stays); all of them when the soft words stand apart.
        None when no feature was said softly."""
        if phrases.SOFT_WISH.search(nlu.text) and any(self._asked(nlu.text, f.categories)):
            source = nlu.text
        elif action == "refine" and phrases.SOFT_WISH.search(state.query_text or ""):
            source = state.query_text
        else:
            return None
        said, least = asked_attributes(wished_text(phrases.soft_clause(source)), self._sample(f.categories))
        soft = {k for k in said if k in f.attributes}
        soft_least = {k for k in least if k in f.attribute_min}
        if not soft and not soft_least:
            return without_features(f) if source is nlu.text else None
        return f.model_copy(update={"attributes": {k: v for k, v in f.attributes.items() if k not in soft},
                                    "attribute_min": {k: v for k, v in f.attribute_min.items() if k not in soft_least}})

    async def _first_then_closest(self, state: DialogueState, nlu: NLUResult, action: str, text: str,
                                  candidates: list[Candidate], plain: SearchFilter, intro: str) -> Reply | None:
        """The few ``candidates`` first, then the closest products of the looser ``plain`` filter up to a full list;
        None when ``plain`` adds nothing."""
        have = {c.product.id for c in candidates}
        others = [c for c in await self.search.retrieve(state, text, plain) if c.product.id not in have]
        if not others:
            return None
        top = await self.search.rank(state, text, candidates, SHOW)
        top += (await self.search.rank(state, text, others, SHOW))[:SHOW - len(top)]
        if "the others are" not in intro and "then the closest" not in intro and len(top) > len(candidates):
            # an intro said of the few alone ("... these are firm:"): the closest others said as such
            head = "the first is" if len(candidates) == 1 else f"the first {len(candidates)} are"
            these = re.search(r"; these are (.+):$", intro)
            intro = (f"{intro[:these.start()]}; {head} {these.group(1)}, then the closest {describe(plain)}:" if these
                     else f"{intro.rstrip(':')} ({head.rsplit(' ', 1)[0]}); then the closest {describe(plain)}:")
        if len(top) == 2:  # "the first is listed as extendable; then the closest of the dining tables for 8+"
            intro = intro.replace("; the others are the closest", "; then the closest of the")
        reply = self._show(state, nlu, action, plain, top, intro)
        if len(candidates) == 1:  # "one with storage drawers would be ideal" and one has them: "add it" is that one
            state.focus_id = candidates[0].product.id
        return reply

    @staticmethod
    def _wants_cheap(nlu: NLUResult, action: str, f: SearchFilter) -> bool:
        """ "a cheap coffee table", "something affordable": a first list with no budget, lowest prices first."""
        return (action == "recommend" and f.price_max is None and bool(phrases.CHEAP.search(nlu.text))
                and not re.search(r"\b(?:looks?|looking|feels?|seems?|don'?t|doesn'?t|not|never|no)\s+(?:\w+\s+)?cheap\b",
                                  nlu.text, re.I))  # "sofas that don't look cheap"

    def _none_with(self, state: DialogueState, nlu: NLUResult, f: SearchFilter) -> Reply:
        """ "any of those with storage drawers?" when none has them: say so; the list and its filter stay as they were."""
        said, least = self._asked(nlu.text, state.constraints.categories)
        state.constraints = state.constraints.model_copy(update={
            "attributes": {k: v for k, v in state.constraints.attributes.items() if k not in said},
            "attribute_min": {k: v for k, v in state.constraints.attribute_min.items() if k not in least}})
        return self._reply(state, nlu, "refine", f"No, none of the {describe(without_features(f))} is listed as {wished_label(f)}.",
                           quick_replies=["Show more", "Something different", "Start over"])

    def _no_results(self, state: DialogueState, nlu: NLUResult, f: SearchFilter, action: str,
                    offer: tuple[list[Candidate], SearchFilter, str] | None = None) -> Reply:
        options = [label for label, fields in phrases.RELAXABLE.items()
                   if any(getattr(f, name) not in (None, [], {}) for name in fields)]
        if action == "show_more" and offer is None:
            text = f"That's everything I have for {describe(f)}. Would you like to change something?"
        elif offer is not None:
            # "any in green?" under velvet pillows: none, but green ones of other materials; "yes" shows them
            closest, loose, label = offer
            if label == "Other shades":  # "a green sofa under 1000" and none is green: emerald and teal ones, offered
                asked = either(f.colors).lower()
                text = (f"I couldn't find any {describe(f)}. I do have {describe(loose.model_copy(update={'colors': []}))} in "
                        f"shades of {asked} ({', '.join(loose.colors).lower()}): shall I show you those?")
            elif label == "Any colour":  # "waterproof ones only", then "any of those in black?": the colours they come in
                colours = either(list(dict.fromkeys(c.product.color.lower() for c in closest if c.product.color)))
                text = (f"I couldn't find any {describe(f)}. The {describe(loose)} come in {colours}: shall I show you "
                        "those?")
            elif label == "Any size":  # "max 100 cm wide": how close the closest comes
                nearest = closest[0].product
                said = "; ".join(measure_label(k, v) for k in {**f.dimension_max, **f.dimension_min}
                                 if (v := measure(dimensions(nearest.size), k)) is not None)
                text = (f"I couldn't find any {describe(f)}. The closest is the {nearest.title} ({said}): "
                        f"shall I show you {describe(loose)}?")
            else:
                kind = "materials" if label == "Any material" else "styles"
                none = (f"That's everything I have for {describe(f)}." if action == "show_more"
                        else f"I couldn't find any {describe(f)}.")
                text = f"{none} I do have {describe(loose)} in other {kind}: shall I show you those?"
            state.pending, state.pending_intent = "relax", label
            return self._reply(state, nlu, "clarify", text, quick_replies=["Yes, show me", *options, "Start over"])
        else:
            text = f"I couldn't find any {describe(f)}. Would you like to relax one of these?"
        return self._reply(state, nlu, "clarify", text, quick_replies=options + ["Start over"])

    def _show(self, state: DialogueState, nlu: NLUResult, action: str, f: SearchFilter, top: list[ScoredProduct],
              intro: str | None = None) -> Reply:
        started = time.perf_counter()
        reply = self._compose(state, nlu, action, f, top, intro)
        self.s.stage("reply", time.perf_counter() - started)
        return reply

    def _compose(self, state: DialogueState, nlu: NLUResult, action: str, f: SearchFilter, top: list[ScoredProduct],
                 intro: str | None) -> Reply:
        superlative = phrases.SUPERLATIVE.search(nlu.text) if action in ("recommend", "refine") else None
        if superlative:
            # "the cheapest desk u have", "your best rated rug": that one first, and the one talked about next
            key = superlative_order(superlative.group(0))
            top = sorted(top, key=lambda s: key(s.candidate.product))
        elif self._wants_cheap(nlu, action, f):
            by_price = superlative_order("cheapest")
            top = sorted(top, key=lambda s: by_price(s.candidate.product))
        products = [s.candidate.product for s in top]
        liked_titles = {pid: self.products[pid].title for pid in state.profile.liked_ids if pid in self.products}
        reasons = [replies.reasons_for(s, f, state.profile, liked_titles) for s in top]
        if [p.id for p in products] != state.shown:
            state.previous_shown = state.shown
        state.shown = [p.id for p in products]
        state.compared = []
        state.seen = list(dict.fromkeys([*state.seen, *state.shown]))
        state.focus_id = products[0].id if superlative and products else None
        intro = intro or {
            "recommend": f"Here's what I'd recommend ({describe(f)}):",
            "refine": f"Updated ({describe(f)}):",
            "show_more": f"More {describe(f)}:",
        }[action]
        quick = ["Show more", "Cheaper", "Compare 1 and 2", "More like #1"]
        return self._reply(
            state, nlu, action, replies.product_list_text(intro, products, reasons),
            products=[replies.card(p, s.score, r) for p, s, r in zip(products, top, reasons)],
            quick_replies=quick,
        )

    async def _on_compare(self, state: DialogueState, nlu: NLUResult) -> Reply:
        refs = nlu.slots.get("item_ref") or []
        if not state.shown:
            return self._reply(state, nlu, "clarify", "I haven't shown you any products to compare yet. What are you looking for?")
        if len(refs) < 2:
            refs = list(range(1, min(3, len(state.shown)) + 1)) if not refs else refs + [p for p in (1, 2) if p not in refs][: 2 - len(refs)]
        before = ""
        asked = state.constraints.model_copy(update={"exclude_ids": []})
        if state.critique_price_bound:  # "anything cheaper?" is no budget: the shopper's own bound, if any
            asked = asked.model_copy(update={state.critique_price_bound[0]: state.critique_price_bound[1]})
        if (state.previous_shown and all(isinstance(r, int) and 1 <= r for r in refs[:3])
                and len(state.shown) < max(refs[:3]) <= len(state.previous_shown)
                # never the list before a wish it breaks ("IKEA, under 900" left one: not the other brands' sets)
                and all(pid in self.products and matches(self.products[pid], asked)
                        for pid in (state.previous_shown[r - 1] for r in refs[:3]))):
            # "compare the first two" when "anything cheaper?" left one of the list before, "compare #1 and #2" when
            # "show me more" found one more: that list's
            ids, error = [state.previous_shown[r - 1] for r in refs[:3]], None
            state.shown = list(state.previous_shown)
            before = "From the list before the last: "
        else:
            ids, error = self._resolve(state, {"item_ref": refs[:3]})
        if error:
            return self._reply(state, nlu, "clarify", error)
        products = [self.products[i] for i in ids]
        if len(products) == 1:  # "what's the difference between those two?" with one shown: said, and more offered
            state.focus_id = products[0].id
            return self._reply(state, nlu, "clarify", f"I've shown you only one so far, the {products[0].title}. "
                               f"Shall I show you more {describe(state.constraints.model_copy(update={'exclude_ids': []}))} to compare "
                               "it with?", products=[replies.card(products[0])], quick_replies=["Show more", "Add to cart"])
        state.compared = list(refs[:3])
        return self._reply(
            state, nlu, "compare", _after(before, comparing.compare(products, refs[:3])),
            products=[replies.card(p) for p in products],
            quick_replies=[f"Add #{refs[0]} to cart", "Show more"],
        )

    async def _on_question(self, state: DialogueState, nlu: NLUResult) -> Reply:
        slots = nlu.slots
        # "And does it need to be put together? My hands are not what they used to be.": the question says which
        asked = " ".join(re.findall(r"[^.?!]*\?", nlu.text)) or nlu.text
        # the products the words before the question describe ("ok the rust linen ones could work. are they ...?")
        before = nlu.text.replace(asked, " ") if asked != nlu.text else ""
        pointed = _THE_ONE_THEN_ASKED.match(nlu.text) if not before else None
        if pointed:  # "the white cube one - how many shelves, and can you move them up and down?": that one
            before, asked = pointed.group(1), pointed.group(2)
        about_these = phrases.ABOUT_THESE.search(asked)
        described = self._described_shown(state, before) if before and about_these else []
        if (about_these and not phrases.EXPLICIT_REF.search(nlu.text)
                and len(described) != 1):  # (not "... are they machine washable?" of the ones described)
            slots = {k: v for k, v in slots.items() if k != "item_ref"}  # "do these seat four people?": four is no position
        elif any(not state.product_at(int(r)) for r in slots.get("item_ref") or []):
            # "clearance under it? my vacuum needs 4", "does the first one really seat 6?": numbers, not positions
            kept = [r for r in slots["item_ref"] if state.product_at(int(r))] if phrases.EXPLICIT_REF.search(nlu.text) else []
            slots = {k: v for k, v in slots.items() if k != "item_ref"} | ({"item_ref": kept} if kept else {})
        ids, error = self._resolve(state, slots)
        if error:
            return self._reply(state, nlu, "clarify", error)
        plural = about_these and not slots.get("item_ref")
        said = _THE_X_ONE.search(nlu.text)
        if said and not slots.get("item_ref") and not self._described_shown(state, said.group(0)):
            # "does the Marlow one fold?" when the Marlow chair was in the list before this one: that one
            earlier = [p for p in self._shown_before(state) if p.id not in state.shown]
            fits = described_positions(said.group(0), earlier)
            if len(fits) == 1 and re.search(rf"\b{re.escape(said.group(1).split()[-1])}\b", earlier[fits[0] - 1].title, re.I):
                ids, plural = [earlier[fits[0] - 1].id], False
                state.focus_id = ids[0]
        if plural and len(described) == 1 and state.product_at(described[0]):
            ids, plural = [state.product_at(described[0])], False  # the ones described, then "are they ...?"
        if not ids and not plural and len(state.shown) > 1:
            shown = self._shown_products(state)
            picked = described_positions(nlu.text, shown)
            if len(picked) == 1 and 1 <= picked[0] <= len(shown):
                ids = [shown[picked[0] - 1].id]  # "does the Lund loveseat have removable covers?": the one it describes
        colour = self._colour_not_shown(state, nlu) if not ids and not plural else None
        if colour:  # "is the green one comfy?" and none shown is green: said, and which one asked
            return self._no_such_colour_shown(state, nlu, colour, "Which one do you mean?", "#")
        named_position = phrases.EXPLICIT_REF.search(nlu.text) or re.search(r"\b\d{1,2}(?:st|nd|rd|th)\b", nlu.text)
        if (not ids or plural) and 1 < len(state.shown) <= 5 and (plural or not named_position):
            # a position out of range ("the 12th one") is asked about below, not answered for every shown one
            numbered = list(enumerate(self._shown_products(state), 1))
            if _EITHER_OF_THEM.search(nlu.text) and len(state.compared) == 2:
                # "does either of them have a drawer?" after comparing the first and the third: those two
                numbered = [(n, p) for n, p in numbered if n in state.compared] or numbered
            answers = [product_qa.answer(nlu.text, p) for _, p in numbered]
            if all(known for _, known in answers):
                # "does it work with alexa?" over two or three shown lamps: each one's answer
                text = "\n".join(f"#{n}: {answer}" for (n, _), (answer, _) in zip(numbered, answers))
                state.last_question = nlu.text
                return self._reply(state, nlu, "answer_question", text, products=[replies.card(p) for _, p in numbered],
                                   quick_replies=[f"Add #{n} to cart" for n, _ in numbered])
        if not ids:
            shown = self._shown_products(state)
            if (shown and not phrases.EXPLICIT_REF.search(nlu.text) and not parse_item_refs(nlu.text)
                    and not any(known for _, known in (product_qa.answer(nlu.text, p) for p in shown))):
                # "where is it made?" and the catalog says it of none of them: said at once, no "which one?"
                state.last_question = nlu.text
                return self._reply(state, nlu, "answer_question", "I'm sorry, the catalog doesn't list that for any of "
                                   f"these {len(shown)} products; I only answer from the products' listed details.",
                                   quick_replies=["Show more", "Talk to a person"])
            if state.shown:
                state.pending, state.last_question = "which", nlu.text
                return self._reply(state, nlu, "clarify", f"Which one do you mean? Say a number from 1 to {len(state.shown)}.",
                                   quick_replies=[f"#{i}" for i in range(1, len(state.shown) + 1)])
            named = self._products_named(nlu.text)
            if len(named) == 1:
                return self._answer_about(state, nlu, named[0])
            if named:  # "what's the warranty on the Asher sofa?" and there are two: show them, ask which
                state.shown, state.compared, state.last_question = [p.id for p in named], [], nlu.text
                state.pending = "which"
                state.seen = list(dict.fromkeys([*state.seen, *state.shown]))
                text = replies.product_list_text(f"I have {len(named)} of those; which one do you mean?", named,
                                                 [[] for _ in named])
                return self._reply(state, nlu, "clarify", text, products=[replies.card(p) for p in named],
                                   quick_replies=[f"#{i}" for i in range(1, len(named) + 1)])
            return self._ask_category(state, nlu)
        return self._answer_about(state, nlu, self.products[ids[0]])

    @staticmethod
    def _chat_about_furniture(text: str, slots: dict[str, Any]) -> bool:
        """ "tell me a joke, furniture bot", "do you have a favourite piece of furniture? lol": small talk that names
        only the shop's broadest category, asking for nothing."""
        return (phrases.OFF_TOPIC.search(text) is not None or {v.lower() for v in slot_values(slots, "category")} <= {"furniture", "decor", "home decor"}
                and not phrases.SHOPPING.search(text) and not re.search(r"\b(?:sell|show|got|have any|stock|carry)\b", text, re.I))

    def _only_theirs(self, text: str, categories: list[str]) -> bool:
        """Whether every mention of ``categories`` in the message is of the shopper's own ("the bed", "our sofa")."""
        grams = [gram for gram, names in mentioned_categories(text, self.s.retriever.vocabulary.get("categories", []))
                 if set(names) & set(categories)]
        return bool(grams) and all(
            re.search(rf"\b(?:the|our|my|his|her|their|(?:we|i|they)\s*(?:just\s+|only\s+|already\s+)?(?:'ve|have|has)\s+(?:got\s+)?(?:a|an))"
                      rf"\s+(?:\w+\s+)?{re.escape(gram)}\b",
                      text, re.I)
            and not re.search(rf"(?<!got )(?<!have )(?<!has )\b(?:a|an|new|some)\s+(?:\w+\s+)?{re.escape(gram)}\b", text, re.I)
            for gram in grams)

    def _shown_before(self, state: DialogueState) -> list[Product]:
        """The products shown in this conversation, most recent first (one deleted from the catalog since is left out)."""
        return [p for p in map(self._product, reversed(state.shown_before)) if p is not None]

    def _shown_products(self, state: DialogueState) -> list[Product]:
        """The products on show, in their shown order (one deleted from the catalog since is left out)."""
        return [p for p in map(self._product, state.shown) if p is not None]

    def _described_shown(self, state: DialogueState, text: str) -> list[int]:
        """The shown positions the words describe ("the cream one", "the Lund loveseat")."""
        return described_positions(text, self._shown_products(state))

    def _described_among_compared(self, state: DialogueState, text: str) -> list[int]:
        """The shown positions the words describe; after a comparison, among the compared products ("I'll take
        the cheaper one" is one of the two compared)."""
        every = list(range(1, len(state.shown) + 1))
        positions = [p for p in state.compared if state.product_at(p)] or every
        picked = described_positions(text, [self.products[state.product_at(p)] for p in positions])
        if not picked and positions != every:  # "the beige one then" after comparing the pink and the blue: the beige one shown
            positions = every
            picked = described_positions(text, [self.products[state.product_at(p)] for p in positions])
        return [positions[i - 1] for i in picked]

    def _no_such_colour_shown(self, state: DialogueState, nlu: NLUResult, colour: str, ask: str, quick: str) -> Reply:
        """ "None of the ones I showed is green (they are beige or grey). Which one do you mean?": the colour said
        names none of those shown; which one is asked, the answer awaited."""
        shown = self._shown_products(state)
        state.pending, state.last_question = "which", nlu.text
        colours = either(list(dict.fromkeys((p.color or "").lower() for p in shown if p.color)))
        return self._reply(state, nlu, "clarify", f"None of the ones I showed is {colour}" + (f" (they are {colours})" if colours else "")
                           + f". {ask} Say a number from 1 to {len(shown)}.",
                           quick_replies=[f"{quick}{i}" for i in range(1, len(shown) + 1)])

    def _colour_not_shown(self, state: DialogueState, nlu: NLUResult) -> str | None:
        """The colour of "the green one" when no shown product is that colour (by its colour or its title)."""
        colour = nlu.slots.get("color")
        said = re.search(r"\bthe\s+([a-z]+(?:\s[a-z]+)?)\s+one\b", nlu.text, re.I)
        if (not isinstance(colour, str) or not said or not state.shown
                or not re.search(rf"\b{re.escape(colour.split()[-1].lower())}\b", said.group(1).lower())):  # ("the pink one": blush pink)
            return None
        shown = self._shown_products(state)
        if any(_has_colour(p, colour) for p in shown):
            return None
        return colour.lower()

    def _which_in_stock(self, state: DialogueState, nlu: NLUResult, ids: list[str], positions: list[int]) -> Reply:
        """ "which of these are actually in stock?": said of each shown one; the cards are those in stock."""
        products = [self.products[i] for i in ids]
        have = [f"#{n}, the {p.title}" for n, p in zip(positions, products) if p.in_stock]
        gone = [f"#{n}" for n, p in zip(positions, products) if not p.in_stock]
        text = ("In stock: " + "; ".join(have) + "." if have else "None of these is in stock right now.")
        if have and gone:
            text += " Out of stock: " + ", ".join(gone) + "."
        shown = [p for p in products if p.in_stock] or products
        nlu = nlu.model_copy(update={"intent": "product_question"})
        return self._reply(state, nlu, "answer_question", text, products=[replies.card(p) for p in shown],
                           quick_replies=[f"Add #{positions[products.index(shown[0])]} to cart", "Show more"])

    def _products_named(self, text: str) -> list[Product]:
        """The products (at most five) a question names by their category and a word of their title ("the Asher
        sofa"); none when it names no category or too many products."""
        categories = {name for _, names in mentioned_categories(text, self.s.retriever.vocabulary.get("categories", []))
                      for name in names}
        category_words = {singular_word(w) for c in categories for w in re.findall(r"[a-z]+", c.lower())}
        said = {singular_word(w) for w in re.findall(r"[a-z]+", text.lower()) if len(w) >= 3} - category_words
        if not categories or not said:
            return []
        found = [p for p in self.products.values() if p.leaf_category in categories
                 and said & {singular_word(w) for w in re.findall(r"[a-z]+", p.title.lower())}]
        return found if len(found) <= 5 else []

    def _answer_about(self, state: DialogueState, nlu: NLUResult, product: Product, question: str | None = None) -> Reply:
        state.focus_id = product.id
        state.asked_about = [*(i for i in state.asked_about if i != product.id), product.id][-20:]
        state.last_question = question or nlu.text
        text, _known = product_qa.answer(state.last_question, product)
        return self._reply(state, nlu, "answer_question", text, products=[replies.card(product)],
                           quick_replies=["Add to cart", "What goes well with it?", "Show more"])

    async def _feedback(self, state: DialogueState, nlu: NLUResult, liked: bool) -> Reply:
        ids, error = self._resolve(state, nlu.slots)
        if error or not ids:
            return self._reply(state, nlu, "clarify", error or "Which product do you mean? Say its number, e.g. 'I like #2'.")
        vectors = await blocking(self.s.retriever.vectors, ids)
        titles = []
        for pid, vec in zip(ids, vectors):
            product = self.products[pid]
            learn_from_product(state.profile, product, np.asarray(vec).tolist(), liked=liked)
            titles.append(product.title)
        said = {k: v for k, v in nlu.slots.items() if k in _FEEDBACK_CONSTRAINTS}
        if said:  # "I don't like #1, and nothing from CB2": the brand is refused too
            state.constraints = apply_slots(state.constraints, said, vocabulary=self.s.retriever.vocabulary)
            self._learn_slots(state, said)
        if liked:
            text = f"Noted, you like the {', '.join(titles)}."
            quick = ["More like this", "Add to cart", "What goes well with it?"]
        else:
            text = f"Got it, I won't show you the {', '.join(titles)} again."
            quick = ["Show more", "Something different"]
        if state.query_text or state.constraints.categories:
            # Show what the updated profile changes: a fresh list for the current request, ranked with it.
            # With no category stated, "you might also like" stays in the liked product's category.
            within = [self.products[ids[0]].leaf_category] if liked and self.products[ids[0]].leaf_category else None
            asked = state.constraints.model_copy(deep=True)
            listed = (list(state.shown), list(state.compared))  # the list on screen, if no new one is shown
            reply = await self._search(state, nlu, action="feedback", exclude_seen=liked, within=within,
                                       intro=text + (" You might also like:" if liked else " Here are other options:"))
            shown = [self.products[c.id] for c in reply.products if c.id in self.products]
            wished = asked.model_copy(update={"exclude_ids": []})
            fits = [p for p in shown if matches(p, wished)]
            if shown and not fits and liked:
                # nothing else fits every wish: the like noted, no list of ones that break a wish ("room for 7")
                reply = reply.model_copy(update={"products": []})
            elif shown and len(fits) < len(shown):
                # nothing else fits every wish: the closest, said so (not "you might also like" as if they fit)
                reply = reply.model_copy(update={"text": reply.text.replace(
                    " You might also like:" if liked else " Here are other options:",
                    " Nothing else fits everything you asked for; the closest:", 1)})
            if reply.products and reply.text.startswith(text):
                state.focus_id = ids[0] if liked else None
                return reply
            # the like noted alone: "the third one" next is still the third of the list on screen
            state.shown, state.compared = listed
            # (a search that had to let a wish go says so instead of the feedback: "the first one is lovely" after
            # every mid-century one was shown is noted, not answered with "I couldn't find any mid-century ...")
        state.focus_id = ids[0] if liked else None
        return self._reply(state, nlu, "feedback", text, quick_replies=quick)

    async def _on_like(self, state: DialogueState, nlu: NLUResult) -> Reply:
        return await self._feedback(state, nlu, liked=True)

    async def _on_dislike(self, state: DialogueState, nlu: NLUResult) -> Reply:
        return await self._feedback(state, nlu, liked=False)

    async def feedback_on(self, state: DialogueState, product_id: str, liked: bool) -> Reply:
        """A like/dislike button on a product card."""
        if product_id not in self.products:
            nlu = NLUResult(text="", intent="feedback_like" if liked else "feedback_dislike", confidence=1.0)
            return self._reply(state, nlu, "clarify", "I can't find that product any more.")
        state.turn += 1
        next_turn(state.profile)
        position = state.shown.index(product_id) + 1 if product_id in state.shown else None
        nlu = NLUResult(text="", intent="feedback_like" if liked else "feedback_dislike", confidence=1.0,
                        slots={"item_ref": [position]} if position else {})
        if position is None:
            state.focus_id = product_id
        return await self._feedback(state, nlu, liked)

    async def _on_cart(self, state: DialogueState, nlu: NLUResult) -> Reply:
        if phrases.CHECKOUT.search(nlu.text) and not nlu.slots.get("item_ref") and state.cart:
            return self._checkout(state, nlu)
        if not state.shown and not state.focus_id:  # "I want to buy something": nothing to add yet
            if nlu.slots.get("category"):
                return await self._on_search(state, nlu)
            return self._ask_category(state, nlu)
        count, slots = 1, nlu.slots
        asked = phrases.quantity(nlu.text)
        if asked:  # "add four of the first one": four of #1, not #4 and #1
            count, said = asked
            rest = nlu.text[:said.start()] + nlu.text[said.end():]
            # "ten of that one": the one in focus; "add 2 of the cream one": the one the description picks
            refs = (parse_item_refs(rest) if phrases.EXPLICIT_REF.search(rest)
                    else self._described_shown(state, rest))
            slots = {**{k: v for k, v in slots.items() if k != "item_ref"}, **({"item_ref": refs} if refs else {})}
            nlu = nlu.model_copy(update={"slots": slots})
        elif ([int(r) for r in slots.get("item_ref") or []] == [n := phrases.bare_count(nlu.text) or 0] and 1 < n <= 50
              and (len(state.shown) == 1 or state.focus_id in state.shown
                   and re.search(rf"\b(?:need|want|needs|get)\s+{n}\b", nlu.text, re.I))):
            # "ugh. ok add 2 anyway" of the one shown; "k i need 2 for the window then, add 2" of the one asked about
            count, slots = n, {k: v for k, v in slots.items() if k != "item_ref"}
            if len(state.shown) > 1:
                slots["item_ref"] = [state.shown.index(state.focus_id) + 1]
            nlu = nlu.model_copy(update={"slots": slots})
        if THE_ONE_WITH.search(nlu.text) and not phrases.EXPLICIT_REF.search(nlu.text):
            picked = self._described_shown(state, nlu.text)
            if len(picked) == 1:  # "i'll take the one with soft close drawers": that one (not "one" as #1)
                slots = {**slots, "item_ref": picked}
        ids, error = self._resolve(state, slots)
        if len(ids) == 1 and not error and not phrases.EXPLICIT_REF.search(nlu.text):
            ids = [self._earlier_of_colour(state, ids[0], slot_values(slots, "color"))]
        colour = self._colour_not_shown(state, nlu) if len(state.shown) > 1 and not slots.get("item_ref") else None
        if colour and ids and ids[0] not in state.shown and not _has_colour(self.products[ids[0]], colour):
            # "the pink one!! add that" when none of the sheets shown is pink: said, not the bed asked about before
            return self._no_such_colour_shown(state, nlu, colour, "Which one should I add?", "Add #")
        if not ids and not slots.get("item_ref") and slots.get("category"):
            # "ok add the navy sectional to my cart" after pillows were suggested for it: the one shown before that fits
            earlier = self._shown_before(state)
            said = re.sub(r"\b(?:ok|okay|add|put|the|to|my|in|into|cart|basket|please|pls|then|one|a|an)\b", " ", nlu.text, flags=re.I)
            fits = recalled(said, earlier)
            if len({p.id for p in fits}) == 1:
                ids, error = [fits[0].id], None
        if error or not ids:
            shown = [(i, p) for i, p in enumerate(map(self._product, state.shown), 1) if p is not None]
            if not error and 2 <= len(shown) <= SHOW:  # "ok add it to my cart" with three shown: which, by name
                named = [f"#{i} the {p.title}" for i, p in shown]
                error = (f"Which one should I add to your cart: {', '.join(named[:-1])} or {named[-1]}? "
                         "Say its number, e.g. 'add #1'.")
                state.pending, state.pending_intent = "cart", str(count)
            return self._reply(state, nlu, "clarify", error or "Which product should I add? Say its number, e.g. 'add #1 to my cart'.")
        vectors = await blocking(self.s.retriever.vectors, ids)
        added = []
        for pid, vec in zip(ids, vectors):
            item = next((c for c in state.cart if c.product_id == pid), None)
            if item:
                item.quantity += count
            else:
                state.cart.append(CartItem(product_id=pid, quantity=count))
            learn_from_product(state.profile, self.products[pid], np.asarray(vec).tolist(), liked=True, strength=1.2)
            added.append(self.products[pid])
        state.focus_id = ids[0]
        what = ", ".join(p.title for p in added)
        text = (f"Added {f'{count} × ' if count > 1 else ''}the {what} to your cart ({sum(c.quantity for c in state.cart)} item(s), "
                f"{replies.money(self._cart_total(state))} in total).")
        if phrases.CHECKOUT.search(nlu.text):
            text += " To complete the order, open your cart and pay there; I can't take payments in this chat."
        gone = [p.title for p in added if not p.in_stock]
        if gone:  # never let a shopper pay for something they think ships now
            text += (f" Heads-up: {'it is' if len(added) == 1 else 'the ' + ', '.join(gone) + (' is' if len(gone) == 1 else ' are')}"
                     " out of stock right now.")
        return self._reply(state, nlu, "add_to_cart", text, products=[replies.card(p) for p in added],
                           quick_replies=["What goes well with it?", "Keep shopping"])

    def _cart_total(self, state: DialogueState) -> float:
        return sum((self.products[c.product_id].price or 0) * c.quantity for c in state.cart if c.product_id in self.products)

    def _cart_summary(self, state: DialogueState) -> str:
        items = [(self.products[c.product_id], c.quantity) for c in state.cart if c.product_id in self.products]
        count = sum(q for _, q in items)
        lines = [f"- {p.title} × {q}" + (f" ({replies.money(p.price * q)})" if p.price is not None else "") for p, q in items]
        return (f"Your cart has {count} item{'s' if count != 1 else ''}:\n" + "\n".join(lines)
                + f"\nTotal: {replies.money(self._cart_total(state))}.")

    def _checkout(self, state: DialogueState, nlu: NLUResult) -> Reply:
        """"checkout" with items in the cart: what is in it, and how to pay (never adds anything)."""
        text = (self._cart_summary(state) + " To complete the order, open your cart and pay there; "
                "I can't take payments in this chat.")
        return self._reply(state, nlu, "add_to_cart", text, quick_replies=["Keep shopping", "Delivery options"])

    async def _edit_cart(self, state: DialogueState, nlu: NLUResult) -> Reply | None:
        """ "take the rug out of my cart", "actually make that four", "I'd rather have the second one instead of the
        first": the cart changed as asked, and said back; None when the message asks none of these."""
        text = nlu.text
        nlu = nlu.model_copy(update={"intent": "add_to_cart"})
        in_cart = [self.products[c.product_id] for c in state.cart if c.product_id in self.products]
        last = next((c for c in state.cart if c.product_id == state.focus_id), state.cart[-1])  # the one just talked about
        removal = phrases.CART_REMOVE.search(text)
        if removal:
            what = re.sub(r"\s+back\s*$", " ", removal.group("what") or removal.group("what2") or removal.group("what3") or "")  # "the rug back out of"
            refs = parse_item_refs(what)
            shown = [state.product_at(int(r)) for r in refs] if refs else []
            # ("take it back out of my cart": it)
            pronoun = re.fullmatch(r"\s*(?:it|that|this|that one|this one|them)?(?:\s+back)?\s*", what, re.I) is not None
            gone = ([p for p in in_cart if p.id in shown] or recalled(what, in_cart)
                    or ([self.products[last.product_id]] if pronoun and last.product_id in self.products else []))
            if not gone and removal.group("what2") is not None:
                return None  # "remove the leather ones" names nothing in the cart: a wish about the list
            if not gone:
                return self._reply(state, nlu, "clarify", "Which item should I take out? " + self._cart_summary(state),
                                   quick_replies=["Keep shopping"])
            state.cart = [c for c in state.cart if c.product_id not in {p.id for p in gone}]
            left = self._cart_summary(state) if state.cart else "Your cart is empty now."
            return self._reply(state, nlu, "add_to_cart", f"Removed the {', '.join(p.title for p in gone)} from your cart. {left}",
                               quick_replies=["Checkout", "Keep shopping"])
        count = phrases.CART_COUNT.search(text)
        if count and state.last_action == "add_to_cart":
            word = (count.group(1) or count.group(2)).lower()
            last.quantity = int(word) if word.isdigit() else phrases.COUNTS.get(word, 1)  # ("one")
            return self._reply(state, nlu, "add_to_cart", f"Done: {last.quantity} × the {self.products[last.product_id].title}. "
                               + self._cart_summary(state), quick_replies=["Checkout", "Keep shopping"])
        swap = phrases.CART_SWAP.search(text)
        refs = [int(r) for r in nlu.slots.get("item_ref") or parse_item_refs(text)]
        if swap and refs and state.shown:
            instead = re.search(r"\binstead of\b(.*)$", text, re.I)
            old_refs = parse_item_refs(instead.group(1)) if instead else []
            new_ref = next((r for r in refs if r not in old_refs), None)
            old_id = state.product_at(int(old_refs[0])) if old_refs else last.product_id
            new_id = state.product_at(new_ref) if new_ref is not None else None
            if new_id and new_id in self.products and old_id != new_id:
                state.cart = [c for c in state.cart if c.product_id != old_id]
                state.cart.append(CartItem(product_id=new_id))
                state.focus_id = new_id
                old = f"the {self.products[old_id].title} for " if old_id in self.products else ""
                return self._reply(state, nlu, "add_to_cart", f"Swapped {old}the {self.products[new_id].title}. "
                                   + self._cart_summary(state), products=[replies.card(self.products[new_id])],
                                   quick_replies=["Checkout", "Keep shopping"])
        return None

    def _earlier_of_colour(self, state: DialogueState, pid: str, colours: list[str]) -> str:
        """ "ugh. ok add the green one then" when the green one was shown before the charcoal one now listed: that
        earlier product, when it is the only one of that colour shown in the conversation; else ``pid``."""
        def of_colour(product: Product) -> bool:
            return all(_has_colour(product, c) for c in colours)
        if not colours or of_colour(self.products[pid]):
            return pid
        earlier = {p.id: p for p in self._shown_before(state) if p.id not in state.shown}
        fits = [p.id for p in earlier.values() if of_colour(p)]
        return fits[0] if len(fits) == 1 else pid

    def _show_cart(self, state: DialogueState, nlu: NLUResult) -> Reply:
        """"what's in my cart?": its items, count and total (never changes it)."""
        nlu = nlu.model_copy(update={"intent": "add_to_cart"})
        if not state.cart:
            return self._reply(state, nlu, "answer_question", "Your cart is empty. What can I help you find?",
                               quick_replies=["Find a sofa", "Keep shopping"])
        return self._reply(state, nlu, "answer_question", self._cart_summary(state), quick_replies=["Checkout", "Keep shopping"])

    async def _on_complements(self, state: DialogueState, nlu: NLUResult) -> Reply:
        ids, error = self._resolve(state, nlu.slots)
        if error:
            return self._reply(state, nlu, "clarify", error)
        if not nlu.slots.get("item_ref") and state.last_action == "suggest_complements" and state.complement_base_id:
            ids = [state.complement_base_id]  # still about the product the last suggestions went with
        base_id = ids[0] if ids else (state.cart[-1].product_id if state.cart else (state.shown[0] if state.shown else None))
        base = self._product(base_id)
        if (base is not None and not nlu.slots.get("item_ref") and not state.cart and state.constraints.categories
                and base.leaf_category not in state.constraints.categories
                and not self._covers(state.constraints.categories[0], [base.leaf_category or ""])):
            base = None  # "chairs to match" while dining tables are being chosen: not the products of an older request
        named = self.named_product(nlu.text) if not nlu.slots.get("item_ref") else None
        if named is None and base is None and _GOES_WITH_IT.search(nlu.text):
            named = self.described_product(nlu.text) or self._named_in_colour(nlu.text)  # "it's the terracotta Ellis one"
        if named is not None and (base is None or named.id not in state.shown):
            base = named  # "I bought the Bergen Beach House solid oak dining table from you. Which chairs would match it?"
        state.complement_base_id = base.id if base is not None else None
        pair = re.search(r"\bmatching\s+([a-z]+s)\b", nlu.text, re.I) if base is None else None
        kinds = category_matches(pair.group(1), self.s.retriever.vocabulary.get("categories", [])) if pair else []
        if len(kinds) == 1 and not re.search(r"\b(?:go(?:es)?\s+with|to\s+match|match(?:es)?\s+(?:it|my|our|the|his|her))\b", nlu.text, re.I):
            # "we need matching nightstands for both sides of the bed": a pair that match each other, asked for
            return await self._on_search(state, _as_read(nlu, "search_product", {**nlu.slots, "category": kinds[0]}))
        if base is not None:
            # "the navy one looks good. any throw pillows that would go with it?": navy says which one, not the pillows
            described = {f: v for f, v in nlu.slots.items() if f in ("color", "material") and isinstance(v, str)
                         and v.lower() in (getattr(base, f) or "").lower()
                         and re.search(rf"\bthe\s+{re.escape(v)}\s+(?:one|ones)\b", nlu.text, re.I)}
            if described:
                nlu = nlu.model_copy(update={"slots": {k: v for k, v in nlu.slots.items() if k not in described}})
        catalog_categories = self.s.retriever.vocabulary.get("categories", [])
        mentioned = [(gram, names) for gram, names in mentioned_categories(nlu.text, catalog_categories)
                     if not re.search(rf"\b(?:for|by|next to|beside|near|on|at|under|underneath|beneath)\s+(?:the |my |a |your )?(?:[\w-]+\s+)?"
                                      rf"{re.escape(gram)}\b", nlu.text, re.I) and gram.lower() != "floors"
                     and not re.search(rf"\b(?:our|my)\s+(?:[\w-]+\s+)?{re.escape(gram)}\s+(?:is|are|'s)\b", nlu.text, re.I)]
        # "a table lamp for the bedside", "a table lamp ... on the side table": a place, not what is wanted; "we've got
        # dark wood floors", "our sofa is grey": theirs
        asked = [c for _, names in mentioned for c in names]
        said = nlu.slots.get("category")
        if isinstance(said, str) and said in catalog_categories and said not in asked:
            asked.append(said)  # a misspelt one ("matching nighstand?") the grounding recognised
        if base is None and len(mentioned) >= 2:
            # "I just bought a grey sofa, what rug goes with it?": the first is what they have, the last what they want;
            # "throw pillows that go with a navy rug": the one after "with" is what they have
            with_first = re.search(rf"\b(?:with|to match|match(?:es|ing)?)\s+(?:a |an |my |the |our )?(?:[\w-]+\s+){{0,2}}"
                                   rf"{re.escape(mentioned[-1][0])}\b", nlu.text, re.I)
            if with_first:
                mentioned = [mentioned[-1], *mentioned[:-1]]
            slots = nlu.slots
            colour = either(slot_values(slots, "color"))  # (several colours said: "white or light wood")
            return await self._complements(state, nlu, mentioned[-1][1], f"{colour} {mentioned[0][0]}".strip(),
                                           slot_values(slots, "style"), slot_values(slots, "color"), [], exclude_ids=[])
        if base is None and not (asked and state.constraints.categories):
            return self._ask_category(state, nlu, "Which product should I find matching items for? Tell me what you're shopping for first.")
        if base is None:
            # "what pillows go with it?" while the mattress is still being chosen: pillows for that request.
            about = " or ".join(state.constraints.categories).lower()
            c = state.constraints
            usual = in_catalog(complement_categories([*self._parents().get(c.categories[0], ()), c.categories[0]]), catalog_categories)
            room = self._room_categories(state.room) if state.room else []
            asked = ([a for a in asked if a in usual] or [a for a in asked if a in room] or asked)  # dining chairs for a table
            return await self._complements(state, nlu, asked, about, c.styles, c.colors, [], exclude_ids=[])
        own = {level.lower() for level in base.category}
        asked = [a for a in asked if a.lower() not in own]  # "back to the patio sets - what goes with #1?" names the base
        gone_with = [(gram, names) for gram, names in mentioned
                     if re.search(rf"\bwith\s+(?:the |my |a |an |our |your |that )?{re.escape(gram)}\b", nlu.text, re.I)]
        if gone_with and len(gone_with) < len(mentioned):
            # "would a cushion go nicely with the chair?": the chair is what it goes with, the cushion what is wanted
            mentioned = [m for m in mentioned if m not in gone_with]
            asked = [a for a in asked if not any(a in names for _, names in gone_with)]
        suggested = in_catalog(complement_categories(base.category), catalog_categories)
        # "what chairs would go with it?" (a dining table): the chairs among the usual complements first
        # "lounge chairs to go with" a patio set: the outdoor chairs, the same kind among the usual complements
        heads = {singular_word(gram.split()[-1].lower()) for gram, _ in mentioned}
        same_kind = [c for c in suggested if singular_word(c.split()[-1].lower()) in heads]
        # "a matching throw pillow?" of a quilt set: the throw pillows named, not the bed pillows of the same head word
        named = {singular_word(gram.lower()) for gram, _ in mentioned}
        exact = [c for c in asked if singular_word(c.lower()) in named or c.lower().rstrip("s") in named]
        wanted = [c for c in suggested if c in asked] or exact or same_kind or asked or suggested
        if isinstance(said, str) and said in asked and nlu.slots.get("title_words"):
            wanted = [said]  # "i'm picturing a hanging egg chair in the corner" (of a rug): the kind's own category
        elif (isinstance(said, str) and said in asked and wanted != [said]
              and any(said in names and len(names) > 1 for _, names in mentioned)):
            wanted = [said]  # "and two chairs to go with it, its a narrow balcony": the family member the place names
        if not wanted:
            return self._reply(state, nlu, "suggest_complements", f"I don't have matching suggestions for the {base.title}.")
        def some(value: str | None) -> list[str]:
            return [value] if value else []

        if asked and len(wanted) == 1:
            nlu = nlu.model_copy(update={"slots": {**nlu.slots, "category": wanted[0]}})  # "chairs that go with it"
            slots = dict(nlu.slots)
            rug_under_furniture(slots, nlu.text, it=base.leaf_category)  # "what size rug would go under it?" (a bed)
            nlu = nlu.model_copy(update={"slots": slots})
        bed_size = base.size if base.size in _BED_SIZES else None
        return await self._complements(state, nlu, wanted, base.title, some(base.style), some(base.color),
                                       some(base.material), exclude_ids=[base.id], asked=bool(asked), bed_size=bed_size)

    async def _complements(self, state: DialogueState, nlu: NLUResult, wanted: list[str], about: str, styles: list[str],
                           colors: list[str], materials: list[str], *, exclude_ids: list[str], asked: bool = True,
                           bed_size: str | None = None) -> Reply:
        """The best matching products of up to three complementary categories (three of a single asked one),
        steered towards the styles, colours and materials of what they go with."""
        # Complements keep the shopper's exclusions, not the main item's category or budget.
        f = SearchFilter(
            exclude_brands=state.constraints.exclude_brands, exclude_colors=state.constraints.exclude_colors,
            exclude_materials=state.constraints.exclude_materials, exclude_ids=[*exclude_ids, *state.profile.rejected_ids],
            # ... but a budget said for them ("suggest a matching rug under 300")
            price_max=nlu.slots.get("price_max"), price_min=nlu.slots.get("price_min"),
        )
        if phrases.SAME_BUDGET.search(nlu.text) and f.price_max is None and f.price_min is None:
            f.price_max, f.price_min = state.constraints.price_max, state.constraints.price_min  # "a gaming chair to go with it, same budget"
        # ... and what was asked of them ("an office chair to go with it, navy")
        heads = "|".join(re.escape(singular_word(c.split()[-1].lower())) for c in wanted) or "one"
        def asked_of_them(v: str) -> bool:
            # "ok the green one. what rug would go with it?": the colour picks the sofa, not the rug
            return (not re.search(rf"\bthe\s+(?:[a-z-]+\s+)?{re.escape(v)}\s+(?:[a-z-]+\s+)?one\b", nlu.text, re.I)
                    and (v.lower() not in about.lower()  # "my grey sofa": the sofa's colour
                         # ... but "now I need chairs to go with it, black ones" of a black table,
                         # "got a white desk that would go with it?" of a white bookcase
                         or re.search(rf"\b{re.escape(v)}\s+(?:ones?|(?:{heads})s?)\b|\bin\s+{re.escape(v)}\b"
                                      # "what floor lamp would go next to it, also mid century"
                                      rf"|\b(?:also|too|as well)\W+{_words_re(v)}\b|\b{_words_re(v)}\s+(?:too|as well)\b",
                                      nlu.text, re.I)))

        said = {k: v for k, v in nlu.slots.items() if k in ("color", "material", "style", "brand", "size", "exclude_color",
                                                             "exclude_material", "exclude_brand", "exclude_style")
                # ("a cushion to go in it, something rust or mustard?": either colour)
                and (asked_of_them(v) if isinstance(v, str) else isinstance(v, list) and v and all(
                    # (each said as it is, not "we've got dark wood floors" read as walnut or espresso)
                    isinstance(x, str) and asked_of_them(x) and re.search(rf"\b{_words_re(x)}\b", nlu.text, re.I) for x in v))}
        plain = f
        if said:
            f = apply_slots(f, said, vocabulary=self.s.retriever.vocabulary)
            colors, materials, styles = [], [], []  # the asked values steer the text, not the base's
        if nlu.slots.get("title_words") and len(wanted) == 1:
            f.title_words = list(nlu.slots["title_words"])  # "and a gaming chair to go with it"
        if (len(wanted) == 1 and "chair" in wanted[0].lower() and re.search(r"\bchairs?\b", nlu.text, re.I)
                and not re.search(r"\bstools?\b", nlu.text, re.I)):
            f.exclude_words = [*f.exclude_words, "stool"]  # "8 chairs to go with it": chairs, not the bar stools among them
        if len(wanted) == 1:  # "and an office chair with lumbar support to go with it"
            required, least = self._asked(nlu.text, wanted)
            f = f.model_copy(update={"attributes": {**f.attributes, **required}, "attribute_min": {**f.attribute_min, **least}})
        trouble = problem_in(nlu.text) if len(wanted) == 1 else None
        if trouble and trouble.features and category_matches(trouble.category, [wanted[0]], typos=False):
            # "also need a chair to go with it, my back is already wrecked": lumbar support, where enough list it
            sample = self._sample([wanted[0]])
            helps = {k: v for k, v in trouble.features.items()
                     if k not in f.attributes and sum(meets_attribute(p, k, v) for p in sample) >= 3}
            f = f.model_copy(update={"attributes": {**f.attributes, **helps}})
        if nlu.slots.get("dimension_min") or nlu.slots.get("dimension_max"):  # "what size rug would go under it?"
            f = apply_slots(f, {k: nlu.slots[k] for k in ("dimension_min", "dimension_max") if nlu.slots.get(k)})
        per_category = 3 if len(wanted) == 1 else 1

        async def pick(f: SearchFilter, steer: list[str]) -> list[ScoredProduct]:
            picks: list[ScoredProduct] = []
            for category in wanted[:3]:
                cf = f.model_copy(update={"categories": [category]})
                if bed_size and not cf.sizes and any(p.size == bed_size for p in self._sample([category])):
                    cf.sizes = [bed_size]  # "and sheets to go with it" of a king bed: king sheets
                text = " ".join([*steer, category]).strip()
                candidates = await self.search.retrieve(state, text, cf)
                if not candidates and soft_kind(cf.title_words):  # a look, not a must ("a gaming chair" when none fits)
                    candidates = await self.search.retrieve(state, text, cf.model_copy(update={"title_words": []}))
                if candidates:
                    picks += (await self.search.rank(state, text, candidates, per_category))[:per_category]
            return picks

        picks = []
        if state.room_styles and not f.styles and not said.get("style") and asked:
            # "can you suggest a rug that would go with it?" in a room going all boho: bohemian rugs, when there are any
            picks = await pick(f.model_copy(update={"styles": list(state.room_styles)}), [*state.room_styles, *colors, *materials])
        picks = picks or await pick(f, [*styles, *colors, *materials])
        lead = f"These go well with the {about}:"
        if not picks and said and (phrases.SAID_SOFTLY.search(nlu.text) or re.search(r"\blooking\b", nlu.text)):
            # "a dresser to go with it, oak or something natural looking" and none is: the closest, said so
            loose = {k: v for k, v in said.items() if k.startswith("exclude_")}
            asked_for = f
            f = apply_slots(plain, loose, vocabulary=self.s.retriever.vocabulary) if loose else plain
            picks = await pick(f, [str(v) for k, v in said.items() if not k.startswith("exclude_")])
            lead = f"I have no {describe(asked_for.model_copy(update={'categories': wanted[:3]}))}; these are the closest to go with the {about}:"
        inherited = [c for c in f.exclude_colors if c not in slot_values(said, "exclude_color")]
        if not picks and inherited:
            # "not white" said of the sheets, then "and pillows to go with them": every pillow is white; the colours
            # refused for the sheets give way, said so
            f = f.model_copy(update={"exclude_colors": [c for c in f.exclude_colors if c not in inherited]})
            picks = await pick(f, [*styles, *colors, *materials])
            if picks:
                lead = f"The only {describe(SearchFilter(categories=wanted[:3]))} I have for it are {either(inherited)}; these go well with the {about}:"
        state.complement_filter = f.model_copy(update={"categories": wanted[:3] if asked else []})
        if not picks:
            return self._reply(state, nlu, "suggest_complements", f"I couldn't find items that go with the {about}.")
        products = [s.candidate.product for s in picks]
        reasons = []
        for p in products:
            why = [f"matches the {p.style.lower()} style"] if p.style and p.style.lower() in _lower_all(styles) else []
            if p.color and p.color.lower() in _lower_all(colors):
                why.append(f"same {p.color.lower()} colour")
            if p.rating is not None and p.review_count:
                why.append(f"{p.rating:.1f}★ from {p.review_count:,} reviews")
            reasons.append(why[:2] or [f"a {p.leaf_category.lower() if p.leaf_category else 'piece'} that completes the set"])
        state.shown = [p.id for p in products]
        state.compared = []
        return self._reply(
            state, nlu, "suggest_complements",
            replies.product_list_text(lead, products, reasons),
            products=[replies.card(p, s.score, r) for p, s, r in zip(products, picks, reasons)],
            quick_replies=["Add #1 to cart", "Show more"],
        )

    # -- service and conversation ----------------------------------------------------------------
    def _on_service(self, state: DialogueState, nlu: NLUResult, intent: str) -> Reply:
        previous = state.last_service_intent
        if (intent == "refund" and previous == "payment_issue" and state.last_action in ("service", "handoff")
                and service.topic("payment_issue", state.last_service_text) == "double_charge"
                and not service.names_topic("return_item", nlu.text)):
            # "how long until the extra one is back on my card?" after a double charge: the duplicate, no return
            order_id = nlu.slots.get("order_id") or service.find_order_id(nlu.text)
            if order_id:
                state.order_id = str(order_id)
            text, quick = service.duplicate_back(state.order_id, self.s.policy)
            return self._reply(state, nlu, "service", text, quick_replies=quick)
        if (intent in ("return_item", "delivery_time", "order_status") and previous == "return_item"
                and state.last_action in ("service", "handoff") and not nlu.slots.get("order_id")
                and ("wrong_item" in state.service_topics[-3:] and service.RIGHT_ONE_WHEN.search(nlu.text)
                     or state.service_topics[-1:] == ["replacement"] and service.HOW_LONG_THAT.match(nlu.text))):
            # "and how long till the navy one actually gets here" after a beige one came: when the right one comes;
            # "how long would that take?" after asking for a new one instead of the money
            text, quick = service.right_one_arrives(state.order_id, self.s.policy,
                                                    replacement=state.service_topics[-1:] == ["replacement"])
            return self._reply(state, nlu.model_copy(update={"intent": "delivery_time"}), "service", text, quick_replies=quick)
        if (intent in ("return_item", "delivery_time", "order_status") and previous == "return_item"
                and state.last_action in ("service", "handoff") and not nlu.slots.get("order_id")
                and "missing_parts" in state.service_topics[-2:] and service.HOW_LONG_THAT.match(nlu.text)):
            # "how long would that take" after missing bolts: when the parts come
            text, quick = service.parts_arrive(state.order_id, self.s.policy)
            return self._reply(state, nlu.model_copy(update={"intent": "delivery_time"}), "service", text, quick_replies=quick)
        if (state.last_action == "service" and previous and previous != intent and len(nlu.text.split()) <= 8
                and not (service.names_topic(intent, nlu.text) and not service.names_topic(previous, nlu.text))
                and service.shop_topic(nlu.text) in (None, previous)  # not "could you gift wrap it as well?": the gift wrapping
                and not (intent == "order_status" and phrases.MY_ORDER_ARRIVING.search(nlu.text))  # "how long until the right one gets here?"
                and (service.topic(previous, nlu.text) == "policy"
                     or (phrases.ABOUT_IT.search(nlu.text) and re.search(r"\b(apply|applies|too|also|as well|same)\b", nlu.text, re.I))
                     or (re.search(r"\bit\b", nlu.text, re.I) and intent in ("account_help", "leave_review")
                         and not service.names_topic(intent, nlu.text)))):
            intent = previous  # a short follow-up question about the same service topic
            nlu = nlu.model_copy(update={"intent": intent})
        if previous != intent:
            state.last_service_text = ""  # "just refund me" after a wrong delivery: not the wrong-item answer again
        state.last_service_intent = intent
        state.service_intents = [*state.service_intents, intent][-10:]
        named = [names[0] for gram, names in mentioned_categories(nlu.text, self.s.retriever.vocabulary.get("categories", []))
                 if len(names) == 1 and not is_room(gram)]  # (not "our living room" where the rug went)
        if named:
            state.service_category = named[-1]
        # a number read from the text, not one in "how long does delivery take to 30309?" (a postcode)
        order_id = nlu.slots.get("order_id") or (None if _POSTCODE.search(nlu.text) else service.find_order_id(nlu.text))
        if order_id and re.search(rf"[$£€]\s*{re.escape(str(order_id))}\b|\b{re.escape(str(order_id))}\s*(?:bucks|dollars|usd|quid)\b",
                                  nlu.text, re.I):
            order_id = None  # "it's the velvet armchair, 1400 bucks": what it cost, no order number
        if order_id:
            state.order_id = str(order_id)
        elif service.needs_order_id(intent, nlu.text) and not state.order_id:
            state.pending = "order_id"
            state.pending_intent = intent
            state.last_service_text = nlu.text  # "got a teal one instead" then "order 44120": the wrong item, for that order
            return self._reply(state, nlu, "service", service.ask_order_id(intent, nlu.text, self.s.policy),
                               quick_replies=["Talk to a person"])
        return self._service(state, nlu, intent)

    def _service(self, state: DialogueState, nlu: NLUResult, intent: str) -> Reply:
        if state.last_service_intent != intent:  # answered straight (an order number given for an invoice): now its topic
            state.last_service_intent, state.last_service_text = intent, ""
            state.service_intents = [*state.service_intents, intent][-10:]
        asked = nlu.text
        before = service.topic(intent, state.last_service_text) if intent == state.last_service_intent and state.last_service_text else None
        if (before not in (None, "request", "policy", "amount") and service.topic(intent, asked) == "request"
                # not "actually forget it, how do i just delete my account"
                and not (before == "reset_email" and re.search(r"\b(?:how|what|delete|close|change|update|remove)\b", asked, re.I))):
            asked = f"{state.last_service_text} {asked}"  # "order 50773 if that helps" after "I was charged twice"
        state.last_service_text = asked
        state.service_topics = [*state.service_topics, service.topic(intent, asked) or ""][-10:]
        text, quick = service.answer(intent, state.order_id, self.s.policy, text=asked)
        paid = service.also_asks_payment(nlu.text, self.s.policy) if intent not in ("payment_methods", "payment_issue") else None
        if paid:
            text = f"{text} {paid}"  # "has order 55190 shipped yet? also do you take amex": both answered
        if before == "reset_email" and service.topic(intent, asked) == "reset_email" and state.last_action == "service":
            # "i've tried like 3 times and checked spam too": not the same advice again
            text = ("Sorry it still hasn't come. A person from our team can check your account and reset the password "
                    "for you; just say \"talk to a person\".")
        action = "handoff" if intent in service.HANDOFF_INTENTS else "service"
        return self._reply(state, nlu, action, text, quick_replies=quick)

    async def _on_greet(self, state: DialogueState, nlu: NLUResult) -> Reply:
        if nlu.slots.get("category"):
            return await self._on_search(state, nlu)
        if phrases.JUST_BROWSING.search(nlu.text):
            return self._reply(state, nlu, "smalltalk", "Take your time! Tell me a room or a kind of product and I'll show you "
                               "what we have.", quick_replies=self._top_categories(4))
        return self._reply(state, nlu, "smalltalk", "Hi! I can help you find products, or with an order, a return or delivery. What are you looking for today?",
                           quick_replies=["A sofa under $800", "Track my order", "Return an item"])

    async def _on_thanks(self, state: DialogueState, nlu: NLUResult) -> Reply:
        if phrases.BOUGHT_FROM_US.search(nlu.text) and not state.shown:  # "the bookcase we got last month looks great, thank you"
            return self._reply(state, nlu, "smalltalk", "Thank you, that's lovely to hear! Glad you're enjoying it. Anything "
                               "else I can help you with?", quick_replies=["Leave a review", "That's all, bye"])
        return self._reply(state, nlu, "smalltalk", "You're welcome! Anything else I can help you find?",
                           quick_replies=["Show more", "That's all, bye"])

    async def _on_goodbye(self, state: DialogueState, nlu: NLUResult) -> Reply:
        cart = f" Your cart has {sum(c.quantity for c in state.cart)} item(s) waiting for you." if state.cart else ""
        return self._reply(state, nlu, "goodbye", f"Thanks for visiting, goodbye!{cart}")

    def _on_out_of_scope(self, state: DialogueState, nlu: NLUResult) -> Reply:
        if phrases.NEWSLETTER.search(nlu.text):  # "also can you sign me up for your emails or whatever"
            return self._reply(state, nlu, "out_of_scope",
                               "I can't sign you up for (or out of) our emails from this chat: your email preferences are "
                               "on the Account page. Anything else I can help with?",
                               quick_replies=["Find a sofa", "Track my order", "Talk to a person"])
        if re.search(r"\bwhy\s+(?:is|are)\b.{0,25}\bso\s+(?:expensive|pricey|dear)\b", nlu.text, re.I):
            # "why is everything so expensive lmao": no lecture on prices, the offer to find something in a budget
            return self._reply(state, nlu, "out_of_scope",
                               "Prices vary a lot from piece to piece. Tell me what you're looking for and a budget, and I'll "
                               "show you the best ones within it.", quick_replies=["A sofa under $800", "A rug under $100"])
        return self._reply(
            state, nlu, "out_of_scope",
            "Sorry, I can't help with that. I can find products for your home, compare them, "
            "and help with orders, returns, refunds and delivery.",
            quick_replies=["Find a sofa", "Track my order", "Talk to a person"],
        )
