"""Problems a shopper describes instead of a product: "I wake up with a sore neck", "the cat keeps scratching
the sofa", "our TV is sitting on the floor".

``PROBLEMS`` lists common troubles at home with the kind of product that answers each (a category word,
grounded in the served catalog) and the listed features that matter for it (applied only where the
catalog lists them for that category). A message about an order ("the bed I bought from you creaks") is
a service matter, not read here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from bot.dialogue.constraints import singular


@dataclass(frozen=True)
class Problem:
    pattern: re.Pattern
    category: str  # a shopper's word for the kind of product that helps
    note: str  # said before the products
    features: dict[str, str] = field(default_factory=dict)  # listed features that matter ("lumbar support": "yes")
    unless: re.Pattern | None = None  # words that mean another problem of the same kind
    replaces: tuple[str, ...] = ()  # products the message names as the place or the cause ("at my desk"), not the wish


def _p(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


_HURTS = r"(?:hurts?|hurting|pain|painful|aches?|aching|achy|sore|stiff|killing me|is killing|killing|kills me|kill me|" \
         r"(?:ever so |really |so |very |pretty |quite )?(?:bad|awful|terrible)|playing up|giving (?:him|her|me|them) trouble)"
# "my lower back is wrecked by mid afternoon" (said right after the back: "my back garden got wrecked" is no pain)
_BACK_WRECKED = r"\b(?:my|our|his|her|lower|upper)\s+back\s+(?:is|'s|was|has been|got|gets|feels)\s+(?:already |totally |completely |absolutely |so |just )*" \
                r"(?:wrecked|destroyed|ruined|in pieces|shot)\b"
_STIFF_BACK = (r"\b(?:a|with a|with)\s+(?:stiff|sore|aching|achy|bad)\s+back\b"  # "I wake up with a stiff back"
               # "a desk chair that won't wreck his back"
               r"|\b(?:won'?t|wont|doesn'?t|does not|will not|not)\s+(?:wreck|ruin|kill|destroy|hurt)\s+(?:my|his|her|their|your|our)\s+back\b")
_AT_WORK = r"\b(?:desk|work\w*|sitting|sit|chair|office|laptop|computer|wfh|typing|zoom|calls)\b"
# (not "Good morning.", "all morning", "after a morning at my desk")
_IN_BED = r"\b(?:sleep\w*|(?<!good )(?<!all )(?<!a )morning|mornings|wake|waking|woke|mattress|night|nights|in bed|lying)\b"

PROBLEMS: tuple[Problem, ...] = (
    Problem(_p(rf"\b(?:sore|stiff|aching|achy|painful|bad|crick in (?:my|the))\s+neck\b|\bneck\s+(?:(?:is|still|really|so|just)\s+)*{_HURTS}"),
            "pillow", "Sorry about your neck; the right pillow can make a real difference."),
    Problem(_p(rf"\b(?:my|our|his|her|the|lower|upper)\s+back\b.{{0,40}}{_HURTS}|\bback\s*(?:ache|pain)s?\b|\b{_HURTS}\s+(?:my|the)\s+back\b"
               rf"|{_BACK_WRECKED}|{_STIFF_BACK}"),
            "office chair", "Sorry about your back; a chair with good lumbar support helps a lot at a desk.",
            {"lumbar support": "yes"}, unless=_p(_IN_BED), replaces=("desk", "sofa", "dining table", "bed", "dining chair")),
    Problem(_p(rf"\b(?:my|our|his|her|the|lower|upper)\s+back\b.{{0,40}}{_HURTS}|\bback\s*(?:ache|pain)s?\b|{_BACK_WRECKED}|{_STIFF_BACK}"),
            "mattress", "Sorry about your back; a firmer, supportive mattress can help.",
            {"firmness": "firmer"}, unless=_p(_AT_WORK)),
    # "our mattress is about 15 years old and has gone way too soft"
    # ... "my mattress is so soft I sink right into it"
    Problem(_p(r"\b(?:mattress|matress|mattres|bed)\b.{0,60}\btoo\s+(?:soft|squishy|saggy)\b"
               r"|\b(?:mattress|matress|mattres|bed)\b.{0,60}\bso\s+(?:soft|squishy|saggy)\b.{0,20}\b(?:sink|sag|roll)|\b(?:mattress|matress|mattres|bed)\b.{0,30}\bsag(?:s|ging)\b"
               # "our mattress has gone all saggy and soft"
               r"|\b(?:mattress|matress|mattres)\b.{0,30}\b(?:gone|going|got|getting)\s+(?:all\s+|really\s+|so\s+)?(?:soft|squishy|saggy|lumpy)\b"
               # "what about the mattress then, ours is super soft and i wake up sweaty"
               r"|\b(?:mattress|matress|mattres)\b.{0,40}\b(?:ours|mine|it)\s+(?:is|'s)\s+(?:super|really|so|very)\s+(?:soft|squishy|saggy)\b"),
            "mattress", "A firmer mattress should help.", {"firmness": "firmer"}),
    # "the pillow my sister got me is way too soft, like sleeping on a marshmallow"
    # ... "the pillows my mom gave me are like sleeping on a cloud"
    # ... "the pillow in my new halls is like a pancake"
    Problem(_p(r"\bpillows?\b.{0,60}\blike\s+a\s+pancake\b"
               r"|\bpillows?\b.{0,60}\btoo\s+(?:soft|squishy|flat)\b|\bpillows?\b.{0,40}\b(?:gone|going|went)\s+(?:all\s+)?flat\b"
               r"|\bpillows?\b.{0,60}\blike\s+(?:sleeping\s+on\s+|lying\s+on\s+)?(?:a\s+)?(?:cloud|marshmallow|nothing)\b"),
            "pillow", "A firmer pillow should hold your head up better.", {"firmness": "firm"}),
    Problem(_p(r"\bpillows?\b.{0,60}\btoo\s+(?:firm|hard)\b"),
            "pillow", "A softer pillow should help.", {"firmness": "soft"}),
    Problem(_p(r"\b(?:mattress|matress|mattres|bed)\b.{0,30}\btoo\s+(?:firm|hard)\b"),
            "mattress", "A softer mattress should help.", {"firmness": "softer"}),
    Problem(_p(r"\b(?:sleep(?:s|ing)?\s+(?:so+\s+|really\s+|too\s+)?hot|too\s+hot\s+(?:at night|in bed|to sleep)|night\s+sweats|"
               r"wake\s+up\s+(?:all\s+)?(?:sweaty|sweating|hot)"
               r"|(?:doesn'?t|does not|won'?t|will not|don'?t|that)\s+(?:trap|traps|hold|holds|retain|retains)\s+(?:the\s+)?heat)\b"),
            "mattress", "Sleeping hot is miserable; a mattress with cooling should help.", {"cooling": "yes"}),
    Problem(_p(r"\b(?:(?:so much|too much|the|morning|early)\s+(?:sun|sunlight|light)|street\s*(?:lights?|lamps?)|sun\s+(?:wakes|comes in)|"
               r"light\s+(?:wakes|keeps)|too\s+bright)\b.{0,60}(?:\b(?:sleep|wake|woke|morning|bedroom|\d\s*am|night|up for the day)\b"
               r"|\b\d{1,2}[:.]\d\d\b)"  # "the sun hits my daughters room at like 5:30 and shes up for the day"
               r"|\b(?:sleep|wake|woke|bedroom)\b.{0,60}\b(?:so much|too much)\s+(?:sun|sunlight|light)\b"
               r"|\bblock(?:s|ing)?\s+(?:out\s+)?(?:the\s+|that\s+)?(?:light|sun|sunlight|glare)\b"  # "something to block the light"
               r"|\bkeeps?\s+(?:the\s+)?(?:sun|sunlight|light|glare)\s+out\b"  # "curtains that actually keep the sun out"
               # "the daylight through my bedroom window keeps waking me up", "curtains that actually make it dark"
               r"|\bdaylight\b.{0,60}\b(?:wak\w*|woke|sleep\w*|keeps? me up)\b"
               # "my daughter's room gets blasted with sun at 6am ... needs her sleep"
               r"|\b(?:blasted|flooded|blinded|hit)\s+(?:with|by)\s+(?:the\s+)?(?:sun|sunlight|light)\b.{0,60}\b(?:sleep|wake|\d\s*am)\b"
               r"|\bmake\s+(?:it|the room|my room|the bedroom|my bedroom)\s+(?:actually\s+|really\s+|properly\s+|pitch\s+|totally\s+)?dark\b"),
            "curtain", "Blackout curtains keep the early light out.", {"light control": "blackout"},
            replaces=("light", "lighting", "sunlight")),  # "so much light comes into our bedroom": the light is the trouble
    Problem(_p(r"\b(?:cat|cats|kitten|kittens|dog|dogs|puppy|puppies|pets?)\b.{0,40}\b(?:scratch\w*|claw\w*|chew\w*|shred\w*|"
               r"ruin\w*|destroy\w*|wreck\w*)\b.{0,30}\b(?:sofa|couch|settee)s?\b"),
            "sofa", "Claws and sofas, a classic!"),
    Problem(_p(r"\b(?:tv|telly|television)\b.{0,40}\b(?:on the floor|on (?:a|some) box(?:es)?|nowhere to (?:put|go)|no stand|"
               r"on a chair)\b|\bnowhere to put (?:the|my|our) (?:tv|telly|television)\b"),
            "tv stand", "Let's get it off the floor!", replaces=("floor lamp",)),
    Problem(_p(r"\b(?:bed|bed\s*frame)\b.{0,20}\b(?:creaks?|creaking|creaky|squeaks?|squeaking|squeaky|wobbles?|wobbly|"
               r"rattles?)\b"),
            "bed", "A noisy bed is no fun; a new frame should fix that."),
    Problem(_p(r"\b(?:text|school|comic|note)?books?\b.{0,30}\b(?:everywhere|piled|piling|on the floor|stacked|nowhere|on every (?:surface|shelf|table|chair)|"
               r"all over)\b|\bnowhere to put (?:my|our) books\b"
               # "our living room is drowning in books, i need something to put them on"
               r"|\b(?:drowning|buried|swimming|overrun)\s+(?:in|with|by)\s+books\b"),
            "bookcase", "Let's give those books a home.", replaces=("dining table", "coffee table", "desk", "bed", "nightstand")),
    Problem(_p(r"\bclothes\b.{0,30}\b(?:everywhere|piled|on the floor|on a chair|nowhere)\b|\bnowhere to put (?:my|our) clothes\b"),
            "dresser", "A dresser would tidy those away."),
    # ... "tiled floors and my feet are like ice blocks"
    Problem(_p(r"\b(?:floors?|tiles?)\b.{0,20}\b(?:so\s+|really\s+|too\s+|are\s+|is\s+)?(?:cold|freezing|echo(?:es|ey|y)?|bare)\b"
               r"|\b(?:tiled?|stone|concrete|wood(?:en)?)\s+floors?\b.{0,50}\b(?:feet|toes)\b.{0,25}\b(?:ice|icy|cold|freezing|frozen)\b"),
            "rug", "A rug warms a floor up and softens the echo.", replaces=("floor lamp",)),
    Problem(_p(r"\b(?:room|corner|lounge|living room|bedroom|flat|apartment)\b.{0,20}\b(?:too|so|really|very)\s+(?:dark|gloomy|dim)\b"
               r"|\bnot enough light\b"),
            "floor lamp", "A floor lamp brightens a dark corner."),
    # "my bedside lamp is way too dim" (read in bed: the bed is the place)
    Problem(_p(r"\b(?:lamp|light|bulb)s?\b.{0,25}\b(?:too|so|really|very)\s+dim\b|\b(?:lamp|light)\b.{0,20}\bnot bright enough\b"),
            "table lamp", "A brighter lamp makes reading much easier.", replaces=("bed", "nightstand", "floor lamp")),
    Problem(_p(r"\b(?:working|work|wfh)\s+(?:from|on)\s+(?:the|my|our)\s+(?:sofa|couch|bed|kitchen table|dining table|floor|ironing board)\b"
               r"|\bno (?:proper )?desk\b"),
            "desk", "A proper desk will help.", replaces=("sofa", "bed", "dining table")),
    # "what's the best thing for a freezing cold bedroom floor"
    Problem(_p(r"\b(?:cold|freezing|chilly|icy|frozen)\b(?:\s+\w+){0,3}\s+floors?\b|\bfloors?\b.{0,25}\b(?:so\s+|really\s+)?(?:cold|freezing|chilly|icy)\b"),
            "rug", "A rug keeps a cold floor warm underfoot.", replaces=("floor lamp", "floor")),
    # "we keep eating dinner on the couch because we don't have a table"
    Problem(_p(r"\b(?:eat|eats|eating|ate|have|having)\s+(?:\w+\s+){0,2}on\s+(?:the|our|my)\s+(?:couch|sofa|floor|laps?|bed)\b"
               r".{0,60}\b(?:no|don'?t have an?|do not have an?|haven'?t got an?|without an?)\s+(?:proper\s+|real\s+)?(?:dining\s+)?table\b"),
            "dining table", "A dining table makes meals a lot easier.", replaces=("sofa", "couch", "bed")),
)

# An order, a purchase or a return: a matter for the service answers, not a new product.
_ABOUT_AN_ORDER = _p(r"\b(?:bought|ordered|order|purchased|from you|your (?:shop|store)|delivered|delivery|arrived|came|return\w*|"
                     r"refund\w*|exchange|send (?:it |them )?back|warranty|guarantee|replace\w*|broken|damaged|faulty)\b")

# "the mattress that came with the flat is way too soft": the home's, no order of ours
_CAME_WITH_THE_HOME = _p(r"\b(?:came|comes|come)\s+with\s+(?:the|my|our|this)\s+(?:flat|house|apartment|place|rental|room|unit|condo|home)\b")


def problem_in(text: str, named: str | None = None) -> Problem | None:
    """The problem the message describes, or None (also when it is about an order). With the category the
    message ``named``: the problem that category answers, or one where it is only the place or the cause
    ("my back hurts at my desk"); None when the named product is the request ("what bedding for a hot sleeper")."""
    if not text or _ABOUT_AN_ORDER.search(_CAME_WITH_THE_HOME.sub(" ", text)):
        return None
    matching = [p for p in PROBLEMS if p.pattern.search(text) and not (p.unless and p.unless.search(text))]
    if named is None:
        chosen = matching[0] if matching else None
    else:
        kind = singular(named)
        chosen = (next((p for p in matching if kind == p.category or kind.endswith(" " + p.category)), None)
                  or next((p for p in matching if kind in p.replaces), None))
    if chosen is None:
        return None
    # "it's way too soft and i sleep really hot": both troubles of the mattress, firm and cooling
    more = {k: v for p in matching if p.category == chosen.category for k, v in p.features.items() if k not in chosen.features}
    return replace(chosen, features={**chosen.features, **more}) if more else chosen
