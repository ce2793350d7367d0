"""What goes well with a product: complementary categories for bundles."""

from __future__ import annotations

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
    "bookcase": ("desk", "armchair", "floor lamp"),
    "tv stand": ("sofa", "rug", "floor lamp"),
    "rug": ("sofa", "coffee table", "floor lamp"),
    "lamp": ("side table", "armchair"),
    "patio": ("outdoor chair", "outdoor table", "outdoor rug"),
    "outdoor": ("outdoor chair", "outdoor table", "outdoor rug"),
    "curtain": ("rug", "sofa"),
    "bedding": ("bed", "pillow", "mattress"),
}


def _singular(word: str) -> str:
    word = word.lower().strip()
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def complement_categories(category_path: list[str]) -> list[str]:
    """Complementary category names for a product's category path, most specific level first."""
    for level in reversed(category_path):
        name = _singular(level)
        for key, targets in COMPLEMENTS.items():
            if key == name or key in name.split() or name.endswith(key):
                return list(targets)
    return []
