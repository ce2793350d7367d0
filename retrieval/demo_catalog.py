"""A deterministic demo catalog for a home & living shop.

``python -m retrieval.demo_catalog`` regenerates ``retrieval/data/demo_catalog.jsonl``
(a few hundred products: furniture, lighting, rugs, textiles, outdoor and a few
complements). The same seed always yields the same file.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from retrieval.product import Product

DEMO_CATALOG_PATH = Path(__file__).resolve().parent / "data" / "demo_catalog.jsonl"
SEED = 20240611

STYLES = ("modern", "mid-century", "scandinavian", "industrial", "farmhouse", "traditional", "bohemian", "coastal")
NEUTRALS = ("grey", "beige", "white", "black", "cream", "charcoal")
ACCENTS = ("navy", "blue", "green", "emerald", "mustard", "terracotta", "blush pink", "rust", "teal", "olive")
WOODS = ("natural oak", "walnut", "white", "black", "espresso", "honey pine")

STYLE_WORDS = {
    "modern": ("Clean-lined", "Modern", "Sleek"),
    "mid-century": ("Mid-Century", "Retro", "Tapered-leg"),
    "scandinavian": ("Nordic", "Scandi", "Minimalist"),
    "industrial": ("Industrial", "Loft", "Metal-frame"),
    "farmhouse": ("Farmhouse", "Rustic", "Barnwood"),
    "traditional": ("Classic", "Traditional", "Rolled-arm"),
    "bohemian": ("Boho", "Woven", "Eclectic"),
    "coastal": ("Coastal", "Beach House", "Breezy"),
}
STYLE_NAMES = ("Oslo", "Harper", "Milo", "Aria", "Bergen", "Sienna", "Hudson", "Juniper", "Porto", "Ellis",
               "Nova", "Cleo", "Dalton", "Ivy", "Lund", "Marlow", "Quinn", "Rowan", "Tova", "Vale", "Wren", "Asher")


@dataclass
class Spec:
    """How to generate one kind of product."""

    path: tuple[str, ...]
    nouns: tuple[str, ...]
    count: int
    price: tuple[float, float]
    brands: tuple[str, ...]
    materials: tuple[str, ...]
    colors: tuple[str, ...]
    styles: tuple[str, ...] = STYLES
    size: Callable[[random.Random], str] | None = None
    attrs: Callable[[random.Random, str], dict[str, str]] = lambda rng, material: {}
    blurb: tuple[str, ...] = ()
    extra_words: tuple[str, ...] = field(default=())


def _dims(w: tuple[int, int], d: tuple[int, int], h: tuple[int, int]) -> Callable[[random.Random], str]:
    return lambda rng: f'{rng.randint(*w)}" W x {rng.randint(*d)}" D x {rng.randint(*h)}" H'


def _choice_size(*sizes: str) -> Callable[[random.Random], str]:
    return lambda rng: rng.choice(sizes)


def _warranty(rng: random.Random) -> str:
    return rng.choice(("1 year", "2 years", "3 years", "5 years", "10 years"))


def _assembly(rng: random.Random) -> str:
    return rng.choice(("yes", "yes", "no"))


def _seating(seats: tuple[int, ...]):
    def make(rng: random.Random, material: str) -> dict[str, str]:
        return {"seats": str(rng.choice(seats)), "assembly required": _assembly(rng), "warranty": _warranty(rng),
                "weight capacity": f"{rng.choice((250, 300, 350, 400, 500, 600, 750))} lbs",
                "removable cushion covers": rng.choice(("yes", "no"))}
    return make


def _table(rng: random.Random, material: str) -> dict[str, str]:
    return {"assembly required": _assembly(rng), "warranty": _warranty(rng),
            "storage": rng.choice(("none", "shelf", "drawer", "lift-top"))}


def _dining_table(rng: random.Random, material: str) -> dict[str, str]:
    return {"seats": str(rng.choice((4, 4, 6, 6, 8))), "extendable": rng.choice(("yes", "no", "no")),
            "shape": rng.choice(("rectangular", "round", "oval")), "assembly required": _assembly(rng),
            "warranty": _warranty(rng)}


def _chair(rng: random.Random, material: str) -> dict[str, str]:
    return {"set of": str(rng.choice((1, 2, 2, 4))), "weight capacity": f"{rng.choice((250, 300, 350))} lbs",
            "assembly required": _assembly(rng), "stackable": rng.choice(("yes", "no", "no"))}


def _office_chair(rng: random.Random, material: str) -> dict[str, str]:
    return {"lumbar support": rng.choice(("yes", "adjustable", "no")), "adjustable arms": rng.choice(("yes", "no")),
            "headrest": rng.choice(("yes", "no")), "weight capacity": f"{rng.choice((250, 275, 300, 350, 400))} lbs",
            "warranty": _warranty(rng), "assembly required": "yes"}


def _desk(rng: random.Random, material: str) -> dict[str, str]:
    return {"standing desk": rng.choice(("electric", "manual", "no", "no")), "drawers": str(rng.choice((0, 0, 1, 2, 3))),
            "assembly required": "yes", "weight capacity": f"{rng.choice((100, 150, 200, 250))} lbs",
            "warranty": _warranty(rng)}


def _bed(rng: random.Random, material: str) -> dict[str, str]:
    return {"headboard": rng.choice(("upholstered", "panel", "slatted", "none")),
            "storage drawers": rng.choice(("yes", "no", "no")), "box spring required": rng.choice(("no", "no", "yes")),
            "assembly required": "yes", "warranty": _warranty(rng)}


def _mattress(rng: random.Random, material: str) -> dict[str, str]:
    return {"firmness": rng.choice(("soft", "medium", "medium-firm", "firm")),
            "thickness": f'{rng.choice((8, 10, 12, 14))}"', "trial nights": str(rng.choice((100, 120, 365))),
            "cooling": rng.choice(("yes", "no")), "warranty": rng.choice(("10 years", "15 years", "lifetime"))}


def _storage(rng: random.Random, material: str) -> dict[str, str]:
    return {"drawers": str(rng.choice((1, 2, 3, 4, 6))), "soft-close drawers": rng.choice(("yes", "no")),
            "assembly required": _assembly(rng), "anti-tip kit": "included", "warranty": _warranty(rng)}


def _shelves(rng: random.Random, material: str) -> dict[str, str]:
    return {"shelves": str(rng.choice((3, 4, 5, 6))), "adjustable shelves": rng.choice(("yes", "no")),
            "assembly required": "yes", "weight capacity": f"{rng.choice((20, 30, 40, 50))} lbs per shelf"}


def _tv_stand(rng: random.Random, material: str) -> dict[str, str]:
    return {"fits tvs up to": f'{rng.choice((55, 65, 75, 85))}"', "cable management": rng.choice(("yes", "no")),
            "assembly required": "yes", "weight capacity": f"{rng.choice((100, 150, 200))} lbs"}


def _lamp(rng: random.Random, material: str) -> dict[str, str]:
    return {"bulb type": rng.choice(("LED included", "E26 (not included)", "integrated LED")),
            "dimmable": rng.choice(("yes", "no")), "switch": rng.choice(("foot switch", "pull chain", "touch", "rotary")),
            "smart compatible": rng.choice(("yes", "no", "no"))}


def _rug(rng: random.Random, material: str) -> dict[str, str]:
    return {"pile height": rng.choice(("low", "medium", "high (shag)")), "washable": rng.choice(("yes", "no", "no")),
            "pet friendly": rng.choice(("yes", "no")), "indoor/outdoor": rng.choice(("no", "no", "yes"))}


def _curtain(rng: random.Random, material: str) -> dict[str, str]:
    return {"light control": rng.choice(("blackout", "room darkening", "light filtering", "sheer")),
            "panels": rng.choice(("1 panel", "2 panels")), "header": rng.choice(("grommet", "rod pocket", "back tab")),
            "machine washable": rng.choice(("yes", "no"))}


def _bedding(rng: random.Random, material: str) -> dict[str, str]:
    return {"thread count": str(rng.choice((200, 300, 400, 600))) if "cotton" in material else "n/a",
            "pieces": rng.choice(("3-piece", "4-piece", "duvet cover only")), "machine washable": "yes",
            "certification": rng.choice(("OEKO-TEX", "GOTS organic", "none"))}


def _outdoor(seats: tuple[int, ...]):
    def make(rng: random.Random, material: str) -> dict[str, str]:
        return {"waterproof": rng.choice(("yes", "yes", "no")), "uv resistant": rng.choice(("yes", "no")),
                "seats": str(rng.choice(seats)), "cushions included": rng.choice(("yes", "no")),
                "assembly required": _assembly(rng), "weight capacity": f"{rng.choice((250, 300, 350))} lbs"}
    return make


def _outdoor_chair(rng: random.Random, material: str) -> dict[str, str]:
    return {"waterproof": rng.choice(("yes", "no")), "foldable": rng.choice(("yes", "no")),
            "stackable": rng.choice(("yes", "no")), "set of": str(rng.choice((1, 2, 4))),
            "weight capacity": f"{rng.choice((250, 300, 350))} lbs"}


def _pillow(rng: random.Random, material: str) -> dict[str, str]:
    return {"insert included": rng.choice(("yes", "no")), "set of": str(rng.choice((1, 2))),
            "removable cover": "yes"}


LIVING = ("Furniture", "Living Room")
BEDROOM = ("Furniture", "Bedroom")
DINING = ("Furniture", "Dining Room")
OFFICE = ("Furniture", "Office")

SPECS: tuple[Spec, ...] = (
    Spec(LIVING + ("Sofas",), ("Sofa", "Loveseat", "Sleeper Sofa", "Chesterfield Sofa"), 30, (349, 2899),
         ("IKEA", "West Elm", "Article", "Ashley", "Burrow", "Crate & Barrel", "Zinus", "Castlery"),
         ("velvet", "linen", "leather", "performance fabric", "boucle", "cotton"), NEUTRALS + ACCENTS,
         size=_dims((58, 96), (33, 40), (30, 36)), attrs=_seating((2, 3, 3, 4)),
         blurb=("deep seats and plush cushions for movie nights", "a compact footprint that suits small apartments",
                "kiln-dried hardwood frame and high-resilience foam", "stain-resistant upholstery that stands up to kids and pets")),
    Spec(LIVING + ("Sectionals",), ("Sectional", "L-Shaped Sectional", "Modular Sectional", "Reversible Sectional"), 16,
         (899, 4299), ("West Elm", "Article", "Ashley", "Burrow", "IKEA", "Castlery", "Pottery Barn"),
         ("velvet", "performance fabric", "leather", "linen", "chenille"), NEUTRALS + ("navy", "green", "rust"),
         size=_dims((98, 128), (60, 95), (31, 36)), attrs=_seating((4, 5, 6, 7)),
         blurb=("a chaise that switches sides", "modules you can rearrange as your space changes",
                "room for the whole family to stretch out")),
    Spec(LIVING + ("Armchairs",), ("Armchair", "Accent Chair", "Wingback Chair", "Swivel Chair", "Recliner"), 24,
         (149, 1499), ("IKEA", "West Elm", "Article", "Ashley", "Pottery Barn", "CB2", "Christopher Knight Home"),
         ("velvet", "boucle", "leather", "linen", "rattan", "performance fabric"), NEUTRALS + ACCENTS,
         size=_dims((26, 38), (28, 38), (30, 42)), attrs=_seating((1,)),
         blurb=("a cozy reading nook companion", "supportive back and generous arms", "a statement piece for the corner")),
    Spec(LIVING + ("Coffee Tables",), ("Coffee Table", "Round Coffee Table", "Lift-Top Coffee Table", "Nesting Tables"), 20,
         (79, 1199), ("IKEA", "West Elm", "CB2", "Article", "Crate & Barrel", "Nathan James", "Walker Edison"),
         ("solid oak", "walnut veneer", "marble", "glass", "metal", "mango wood", "travertine"), WOODS + ("gold", "clear"),
         size=_dims((30, 54), (20, 30), (15, 19)), attrs=_table,
         blurb=("a hidden storage shelf for remotes and magazines", "rounded corners that are kind to shins",
                "a durable top that resists rings and scratches")),
    Spec(DINING + ("Dining Tables",), ("Dining Table", "Extendable Dining Table", "Round Dining Table", "Trestle Table"), 20,
         (199, 2499), ("IKEA", "West Elm", "Pottery Barn", "Crate & Barrel", "Article", "Walker Edison", "Castlery"),
         ("solid oak", "acacia", "walnut", "marble", "reclaimed pine", "glass"), WOODS + ("grey",),
         size=_dims((36, 96), (36, 42), (29, 31)), attrs=_dining_table,
         blurb=("easy weeknight dinners and big holiday gatherings", "a sealed top that wipes clean",
                "sturdy joinery built to last for years")),
    Spec(DINING + ("Dining Chairs",), ("Dining Chair", "Upholstered Dining Chair", "Windsor Chair", "Counter Stool", "Bar Stool"), 24,
         (49, 549), ("IKEA", "West Elm", "Article", "Nathan James", "Christopher Knight Home", "CB2", "Pottery Barn"),
         ("solid wood", "metal", "rattan", "velvet", "leather", "molded plastic"), NEUTRALS + WOODS + ("green", "blush pink"),
         size=_dims((17, 22), (19, 24), (30, 42)), attrs=_chair,
         blurb=("a curved back that invites lingering after dinner", "wipeable seat for messy family meals",
                "a light frame that is easy to move")),
    Spec(OFFICE + ("Office Chairs",), ("Office Chair", "Ergonomic Chair", "Task Chair", "Executive Chair", "Gaming Chair"), 22,
         (89, 1799), ("Herman Miller", "Steelcase", "IKEA", "Branch", "Autonomous", "Nathan James", "Ashley"),
         ("mesh", "leather", "fabric", "vegan leather"), ("black", "grey", "white", "navy", "beige"),
         styles=("modern", "industrial", "scandinavian", "mid-century", "traditional"),
         size=_dims((24, 30), (24, 28), (38, 48)), attrs=_office_chair,
         blurb=("adjustable lumbar support for long workdays", "breathable mesh back that keeps you cool",
                "smooth-rolling casters and a tilt lock", "height-adjustable seat and armrests")),
    Spec(OFFICE + ("Desks",), ("Desk", "Standing Desk", "Writing Desk", "L-Shaped Desk", "Computer Desk"), 20,
         (99, 1299), ("IKEA", "Branch", "Autonomous", "West Elm", "Walker Edison", "Nathan James", "Steelcase"),
         ("solid oak", "walnut", "bamboo", "metal", "engineered wood"), WOODS + ("grey",),
         size=_dims((40, 72), (22, 30), (29, 48)), attrs=_desk,
         blurb=("a roomy work surface for two monitors", "built-in cable tray to hide the clutter",
                "quiet motors and memory presets")),
    Spec(BEDROOM + ("Beds",), ("Platform Bed", "Upholstered Bed", "Canopy Bed", "Storage Bed", "Bed Frame"), 22,
         (199, 2999), ("IKEA", "Zinus", "West Elm", "Pottery Barn", "Article", "Thuma", "Ashley", "Castlery"),
         ("solid wood", "metal", "velvet", "linen", "rattan", "oak"), NEUTRALS + ("natural oak", "walnut", "navy", "green"),
         size=_choice_size("Twin", "Full", "Queen", "Queen", "King", "California King"), attrs=_bed,
         blurb=("no box spring needed thanks to the slatted base", "a padded headboard for reading in bed",
                "under-bed clearance for storage bins")),
    Spec(BEDROOM + ("Mattresses",), ("Mattress", "Hybrid Mattress", "Memory Foam Mattress", "Latex Mattress"), 16,
         (199, 2499), ("Casper", "Tempur-Pedic", "Zinus", "Purple", "Saatva", "IKEA", "Tuft & Needle"),
         ("memory foam", "hybrid coils", "latex", "gel foam"), ("white", "grey"), styles=("modern",),
         size=_choice_size("Twin", "Full", "Queen", "Queen", "King", "California King"), attrs=_mattress,
         blurb=("pressure relief for side sleepers", "edge support that feels solid when you sit",
                "a cooling cover for hot sleepers", "motion isolation so you won't wake your partner")),
    Spec(BEDROOM + ("Nightstands",), ("Nightstand", "Bedside Table", "Floating Nightstand"), 18, (49, 699),
         ("IKEA", "West Elm", "Pottery Barn", "Walker Edison", "Nathan James", "Thuma", "CB2"),
         ("solid wood", "rattan", "metal", "marble", "engineered wood", "oak"), WOODS + ("grey", "green"),
         size=_dims((16, 26), (14, 18), (20, 28)), attrs=_storage,
         blurb=("a drawer for bedtime essentials and a shelf for books", "a built-in USB charging port",
                "slim enough for tight bedrooms")),
    Spec(BEDROOM + ("Dressers",), ("Dresser", "6-Drawer Dresser", "Tall Chest", "Double Dresser"), 18, (149, 1899),
         ("IKEA", "West Elm", "Pottery Barn", "Ashley", "Walker Edison", "Crate & Barrel", "Castlery"),
         ("solid wood", "oak", "walnut veneer", "rattan", "engineered wood", "mango wood"), WOODS + ("grey", "navy"),
         size=_dims((30, 70), (16, 20), (30, 52)), attrs=_storage,
         blurb=("deep drawers that glide on metal runners", "room for a whole season of sweaters",
                "a top wide enough for a mirror and a lamp")),
    Spec(LIVING + ("Bookcases",), ("Bookcase", "Ladder Shelf", "Cube Storage Shelf", "Etagere"), 16, (59, 999),
         ("IKEA", "West Elm", "Walker Edison", "Nathan James", "CB2", "Crate & Barrel"),
         ("solid wood", "metal", "oak", "walnut", "engineered wood", "bamboo"), WOODS + ("gold",),
         size=_dims((24, 60), (11, 16), (36, 84)), attrs=_shelves,
         blurb=("open shelves for books, plants and keepsakes", "wall-anchoring hardware included for safety")),
    Spec(LIVING + ("TV Stands",), ("TV Stand", "Media Console", "Entertainment Center"), 16, (99, 1499),
         ("IKEA", "West Elm", "Walker Edison", "Article", "Ashley", "CB2", "Crate & Barrel"),
         ("solid wood", "oak", "walnut veneer", "metal", "engineered wood", "rattan"), WOODS + ("grey",),
         size=_dims((48, 80), (15, 20), (20, 30)), attrs=_tv_stand,
         blurb=("cut-outs at the back to route cables", "closed cabinets to hide consoles and routers")),
    Spec(("Lighting", "Floor Lamps"), ("Floor Lamp", "Arc Floor Lamp", "Tripod Floor Lamp", "Torchiere Lamp"), 16,
         (39, 699), ("IKEA", "West Elm", "CB2", "Brightech", "Crate & Barrel", "Pottery Barn"),
         ("metal", "brass", "wood", "linen shade", "rattan"), ("black", "brass", "white", "gold", "natural oak"),
         size=_dims((12, 70), (12, 30), (58, 80)), attrs=_lamp,
         blurb=("warm, glare-free light for reading corners", "a weighted base that won't tip")),
    Spec(("Lighting", "Table Lamps"), ("Table Lamp", "Desk Lamp", "Bedside Lamp", "Ceramic Table Lamp"), 18, (25, 399),
         ("IKEA", "West Elm", "CB2", "Brightech", "Pottery Barn", "Threshold"),
         ("ceramic", "glass", "brass", "metal", "rattan", "concrete"), ("white", "black", "brass", "blue", "green", "terracotta"),
         size=_dims((8, 16), (8, 16), (14, 28)), attrs=_lamp,
         blurb=("a soft glow for nightstands and side tables", "a fabric shade that diffuses light evenly")),
    Spec(("Decor", "Rugs"), ("Area Rug", "Runner Rug", "Round Rug", "Shag Rug", "Jute Rug"), 26, (39, 1299),
         ("Safavieh", "Loloi", "Ruggable", "IKEA", "West Elm", "nuLOOM", "Pottery Barn"),
         ("wool", "jute", "polypropylene", "cotton", "viscose"), NEUTRALS + ACCENTS + ("ivory", "multicolor"),
         size=_choice_size("2' x 3'", "2'6\" x 8' runner", "4' x 6'", "5' x 8'", "5' x 8'", "6' round", "8' x 10'", "9' x 12'"),
         attrs=_rug,
         blurb=("soft underfoot and easy to vacuum", "a vintage-inspired pattern that hides everyday wear",
                "a non-shedding weave for busy hallways")),
    Spec(("Decor", "Curtains"), ("Curtain Panel", "Blackout Curtains", "Sheer Curtains", "Linen Curtains"), 16, (19, 249),
         ("IKEA", "West Elm", "Pottery Barn", "Threshold", "Parachute", "nuLOOM"),
         ("linen", "cotton", "velvet", "polyester"), NEUTRALS + ACCENTS,
         size=_choice_size('50" x 63"', '50" x 84"', '50" x 96"', '52" x 108"'), attrs=_curtain,
         blurb=("blocks streetlight for better sleep", "lets soft daylight filter through")),
    Spec(("Bedding", "Sheets & Duvets"), ("Sheet Set", "Duvet Cover Set", "Quilt Set", "Comforter"), 22, (39, 449),
         ("Brooklinen", "Parachute", "IKEA", "Casper", "Pottery Barn", "Threshold", "West Elm"),
         ("cotton percale", "cotton sateen", "linen", "bamboo", "down alternative"), NEUTRALS + ACCENTS + ("sage",),
         size=_choice_size("Twin", "Full", "Queen", "Queen", "King", "California King"), attrs=_bedding,
         blurb=("crisp and breathable for warm sleepers", "gets softer with every wash", "a silky feel with a subtle sheen")),
    Spec(("Outdoor", "Patio Sets"), ("Patio Conversation Set", "Outdoor Dining Set", "Bistro Set", "Outdoor Sectional"), 16,
         (199, 3499), ("Polywood", "Christopher Knight Home", "IKEA", "West Elm", "Pottery Barn", "Hampton Bay"),
         ("teak", "acacia", "all-weather wicker", "aluminum", "recycled plastic"), ("natural", "grey", "black", "white", "navy"),
         styles=("modern", "coastal", "traditional", "bohemian", "farmhouse"),
         size=_dims((30, 110), (30, 90), (28, 36)), attrs=_outdoor((2, 4, 5, 6)),
         blurb=("weather-resistant frames for year-round patios", "quick-dry cushions with removable covers")),
    Spec(("Outdoor", "Outdoor Chairs"), ("Adirondack Chair", "Outdoor Lounge Chair", "Patio Dining Chair", "Hanging Egg Chair"), 16,
         (59, 899), ("Polywood", "Christopher Knight Home", "IKEA", "Hampton Bay", "West Elm"),
         ("teak", "acacia", "all-weather wicker", "aluminum", "recycled plastic"), ("natural", "grey", "black", "white", "navy", "green"),
         styles=("modern", "coastal", "traditional", "bohemian", "farmhouse"),
         size=_dims((22, 36), (24, 36), (32, 72)), attrs=_outdoor_chair,
         blurb=("made for lazy afternoons on the deck", "fade-resistant finish that handles sun and rain")),
    Spec(("Decor", "Throw Pillows"), ("Throw Pillow", "Lumbar Pillow", "Floor Cushion"), 10, (15, 129),
         ("West Elm", "Pottery Barn", "IKEA", "Threshold", "Loloi"), ("velvet", "linen", "cotton", "boucle", "wool"),
         NEUTRALS + ACCENTS, size=_choice_size('18" x 18"', '20" x 20"', '14" x 24"', '22" x 22"'), attrs=_pillow,
         blurb=("an easy way to refresh a sofa", "a plump insert that holds its shape")),
    Spec(("Decor", "Mirrors"), ("Wall Mirror", "Floor Mirror", "Round Mirror", "Arched Mirror"), 8, (49, 599),
         ("West Elm", "CB2", "IKEA", "Pottery Barn", "Umbra"), ("metal", "wood", "rattan", "brass"), ("gold", "black", "natural oak", "brass"),
         size=_dims((20, 36), (1, 2), (24, 72)), attrs=lambda rng, m: {"mounting": rng.choice(("wall", "lean", "wall or lean"))},
         blurb=("bounces light around small rooms", "a slim frame that suits any decor")),
    Spec(("Bedding", "Pillows"), ("Bed Pillow", "Memory Foam Pillow", "Down Pillow"), 8, (29, 179),
         ("Casper", "Tempur-Pedic", "Brooklinen", "Parachute", "Purple", "IKEA"), ("memory foam", "down", "down alternative", "latex"),
         ("white",), styles=("modern",), size=_choice_size("Standard", "Queen", "King"),
         attrs=lambda rng, m: {"firmness": rng.choice(("soft", "medium", "firm")), "machine washable": rng.choice(("yes", "no"))},
         blurb=("support for back and side sleepers", "keeps its loft night after night")),
)


def _round_price(rng: random.Random, low: float, high: float) -> float:
    raw = low * (high / low) ** rng.random()  # log-uniform: more affordable items than luxury ones
    return float(int(raw) // 10 * 10 + 9) if raw > 40 else round(raw, 0) - 0.01


def _title(rng: random.Random, spec: Spec, noun: str, style: str, color: str, material: str) -> str:
    name = rng.choice(STYLE_NAMES)
    if spec.path[0] in ("Furniture", "Outdoor"):
        adjective = rng.choice(STYLE_WORDS.get(style, ("",)))
    else:
        adjective = style.title()
    pattern = rng.randrange(4)
    if material.split()[-1].lower() in noun.lower():
        pattern = 2
    if pattern == 0:
        return f"{name} {adjective} {material.title()} {noun}"
    if pattern == 1:
        return f"{name} {noun} in {color.title()} {material.title()}"
    if pattern == 2:
        return f"{adjective} {color.title()} {noun} – {name}"
    return f"{name} {material.title()} {noun}, {color.title()}"


def _description(rng: random.Random, spec: Spec, noun: str, style: str, color: str, material: str,
                 brand: str, attrs: dict[str, str]) -> str:
    first = f"A {style} {noun.lower()} by {brand} in {color} {material}"
    blurbs = rng.sample(spec.blurb, k=min(2, len(spec.blurb))) if spec.blurb else []
    details = [f"{k}: {v}" for k, v in list(attrs.items())[:3] if v not in ("no", "none", "n/a", "0")]
    sentences = [first + (f", with {blurbs[0]}" if blurbs else "") + "."]
    if len(blurbs) > 1:
        sentences.append(f"Also offers {blurbs[1]}.")
    if details:
        sentences.append("Details – " + ", ".join(details) + ".")
    return " ".join(sentences)


def generate_demo_catalog(seed: int = SEED) -> list[Product]:
    """The demo catalog, deterministic for a given seed."""
    rng = random.Random(seed)
    products: list[Product] = []
    used_prefixes: set[str] = set()
    for spec in SPECS:
        words = [w for w in spec.path[-1].replace("&", " ").split() if w]
        prefix = "".join(w[0] for w in words).upper()
        if len(prefix) < 2:
            prefix = words[0][:2].upper()
        while prefix in used_prefixes:
            prefix = prefix + words[-1][len(prefix) % len(words[-1])].upper()
        used_prefixes.add(prefix)
        for i in range(spec.count):
            noun = spec.nouns[i % len(spec.nouns)]
            style = rng.choice(spec.styles)
            color = rng.choice(spec.colors)
            material = rng.choice(spec.materials)
            implied = [m for m in spec.materials if m.lower() in noun.lower()]
            if implied:  # a "Jute Rug" is made of jute
                material = implied[0]
            brand = spec.brands[rng.randrange(len(spec.brands))]
            attrs = spec.attrs(rng, material)
            # an "Extendable Dining Table" is extendable, a "Standing Desk" a standing desk
            attrs = {k: "yes" if v == "no" and k.lower() in noun.lower() else v for k, v in attrs.items()}
            price = _round_price(rng, *spec.price)
            if brand == "IKEA":
                price = _round_price(rng, spec.price[0], max(spec.price[0] * 1.5, spec.price[1] * 0.25))
            rating = round(min(5.0, max(3.0, rng.gauss(4.3, 0.45))), 1)
            reviews = int(rng.paretovariate(1.3) * 12) - 12 + rng.randint(0, 40)
            products.append(Product(
                id=f"{prefix}-{i + 1:03d}",
                title=_title(rng, spec, noun, style, color, material),
                description=_description(rng, spec, noun, style, color, material, brand, attrs),
                category=list(spec.path),
                brand=brand,
                price=price,
                color=color,
                material=material,
                style=style,
                size=spec.size(rng) if spec.size else None,
                rating=rating,
                review_count=max(0, min(reviews, 25_000)),
                in_stock=rng.random() > 0.08,
                image_url=None,
                attributes=attrs,
            ))
    return products


def scaled_demo_catalog(n: int, seed: int = SEED) -> list[Product]:
    """A synthetic catalog of ``n`` products (for benchmarks): demo catalogs of
    successive seeds, with ids made unique per seed."""
    products: list[Product] = []
    round_no = 0
    while len(products) < n:
        for p in generate_demo_catalog(seed + round_no):
            products.append(p.model_copy(update={"id": f"{p.id}-{round_no}"}))
            if len(products) >= n:
                break
        round_no += 1
    return products


def write_demo_catalog(path: Path = DEMO_CATALOG_PATH, seed: int = SEED) -> int:
    products = generate_demo_catalog(seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for product in products:
            fh.write(product.model_dump_json(exclude_defaults=False) + "\n")
    return len(products)


def load_demo_catalog() -> list[Product]:
    """The committed demo catalog (regenerated in memory if the file is missing)."""
    if not DEMO_CATALOG_PATH.exists():
        return generate_demo_catalog()
    from retrieval.loaders import load_catalog

    return load_catalog(DEMO_CATALOG_PATH, "jsonl").products


def catalog_vocabulary(products) -> dict[str, list[str]]:
    """Distinct values the NLU can use: brands, categories (every level), colors, materials, styles, sizes."""
    vocab: dict[str, set[str]] = {k: set() for k in ("brands", "categories", "colors", "materials", "styles", "sizes")}
    for p in products:
        if p.brand:
            vocab["brands"].add(p.brand)
        vocab["categories"].update(c for c in p.category if c)
        for key, value in (("colors", p.color), ("materials", p.material), ("styles", p.style), ("sizes", p.size)):
            if value:
                vocab[key].add(value)
    return {k: sorted(v, key=str.lower) for k, v in vocab.items()}


if __name__ == "__main__":
    n = write_demo_catalog()
    print(f"wrote {n} products to {DEMO_CATALOG_PATH}")
