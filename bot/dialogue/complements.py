"""What goes well with a product: complementary categories for bundles."""

from __future__ import annotations

from bot.dialogue.constraints import singular

# A product category (lower-case, any level of its path; singular or plural matched) -> categories that complement it.
COMPLEMENTS: dict[str, tuple[str, ...]] = {
    "sofa": ("coffee table", "rug", "floor lamp", "armchair"),
    "sectional": ("coffee table", "rug", "floor lamp"),
    "armchair": ("side table", "floor lamp", "rug"),
    "coffee table": ("sofa", "rug", "table lamp"),
    "dining table": ("dining chair", "rug", "pendant"),
    "dining chair": ("dining table", "rug"),
    "bed": ("mattress", "nightstand", "bedding", "table lamp"),
    "mattress": ("bed", "bedding", "pillow"),
    "nightstand": ("table lamp", "bed", "dresser"),
    "dresser": ("nightstand", "mirror", "table lamp"),
    "desk": ("office chair", "table lamp", "bookcase"),
    "office chair": ("desk", "table lamp"),
    "bookcase": ("desk", "armchair", "floor lamp", "table lamp"),
    "tv stand": ("sofa", "rug", "floor lamp"),
    "rug": ("sofa", "coffee table", "floor lamp"),
    "lamp": ("side table", "armchair"),
    "patio set": ("outdoor chair", "throw pillow", "rug"),
    "outdoor chair": ("patio set", "throw pillow"),
    "outdoor": ("patio set", "outdoor chair", "throw pillow"),
    "curtain": ("rug", "sofa"),
    "throw pillow": ("rug", "curtain", "armchair"),
    "mirror": ("dresser", "table lamp", "rug"),
    "bedding": ("bed", "pillow", "mattress"),
}


def complement_categories(category_path: list[str]) -> list[str]:
    """Complementary category names for a product's category path, most specific level first."""
    own = {singular(level) for level in category_path}
    for level in reversed(category_path):
        name = singular(level)
        for key, targets in COMPLEMENTS.items():
            if key == name or key in name.split() or name.endswith(key):
                return [t for t in targets if t not in own]
    return []


def in_catalog(wanted: list[str], catalog_categories: list[str]) -> list[str]:
    """The catalog's own category names for complement names ("coffee table" -> "Coffee Tables"); unknown ones dropped."""
    by_singular = {singular(c): c for c in catalog_categories}
    found = []
    for name in wanted:
        key = singular(name)
        match = by_singular.get(key) or next((c for s, c in by_singular.items() if s.endswith(" " + key)), None)
        if match and match not in found:
            found.append(match)
    return found
