"""Writes the small synthetic WANDS-schema fixture in tests/ranking/data/wands_mini (deterministic).

Run ``python tests/ranking/make_wands_fixture.py`` to regenerate it. Same schema
as WANDS: TAB separated product.csv, query.csv, label.csv.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

OUT = Path(__file__).parent / "data" / "wands_mini"

TYPES = {
    # product_class: (hierarchy, materials, noun)
    "Sofas": ("Furniture / Living Room Furniture / Sofas", ("velvet", "linen", "leather"), "sofa"),
    "Accent Chairs": ("Furniture / Living Room Furniture / Chairs & Seating", ("velvet", "leather", "rattan"), "armchair"),
    "Coffee Tables": ("Furniture / Living Room Furniture / Tables", ("oak", "glass", "marble"), "coffee table"),
    "Floor Lamps": ("Lighting / Lamps", ("brass", "steel", "bamboo"), "floor lamp"),
    "Area Rugs": ("Rugs / Area Rugs", ("wool", "jute", "cotton"), "area rug"),
    "Bookcases": ("Furniture / Office Furniture / Bookcases", ("oak", "pine", "steel"), "bookshelf"),
}
COLORS = ("grey", "navy blue", "sage green", "beige")
STYLES = ("modern", "rustic", "scandinavian")
BRANDS = ("Northwood", "Casa Verde", "Oakline")

QUERIES = (
    ("grey sofa", "Sofas", {"color": "grey"}),
    ("blue velvet sofa", "Sofas", {"color": "navy blue", "material": "velvet"}),
    ("leather sofa", "Sofas", {"material": "leather"}),
    ("modern armchair", "Accent Chairs", {"style": "modern"}),
    ("green accent chair", "Accent Chairs", {"color": "sage green"}),
    ("oak coffee table", "Coffee Tables", {"material": "oak"}),
    ("marble coffee table", "Coffee Tables", {"material": "marble"}),
    ("rustic floor lamp", "Floor Lamps", {"style": "rustic"}),
    ("brass lamp", "Floor Lamps", {"material": "brass"}),
    ("beige wool rug", "Area Rugs", {"color": "beige", "material": "wool"}),
    ("jute rug", "Area Rugs", {"material": "jute"}),
    ("scandinavian bookshelf", "Bookcases", {"style": "scandinavian"}),
    ("pine bookcase", "Bookcases", {"material": "pine"}),
    ("navy blue area rug", "Area Rugs", {"color": "navy blue"}),
    ("sage green sofa", "Sofas", {"color": "sage green"}),
    ("steel floor lamp", "Floor Lamps", {"material": "steel"}),
)


def main() -> None:
    rng = random.Random(7)
    OUT.mkdir(parents=True, exist_ok=True)
    products = []
    pid = 0
    for product_class, (hierarchy, materials, noun) in TYPES.items():
        for color in COLORS:
            for material in materials:
                style = rng.choice(STYLES)
                brand = rng.choice(BRANDS)
                name = f"{brand} {style} {color} {material} {noun}"
                desc = f"A {style} {noun} in {color} {material}, by {brand}."
                features = f"color:{color}|primarymaterial:{material}|dsprimaryproductstyle:{style}|brand:{brand}"
                rating_count = rng.randint(0, 400)
                products.append(
                    {
                        "product_id": str(pid),
                        "product_name": name,
                        "product_class": product_class,
                        "category hierarchy": hierarchy,
                        "product_description": desc,
                        "product_features": features,
                        "rating_count": str(rating_count),
                        "average_rating": f"{rng.uniform(2.5, 5.0):.1f}" if rating_count else "",
                        "review_count": str(int(rating_count * 0.6)),
                        "_attrs": {"color": color, "material": material, "style": style, "class": product_class},
                    }
                )
                pid += 1
    with (OUT / "product.csv").open("w", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t")
        columns = [c for c in products[0] if not c.startswith("_")]
        writer.writerow(columns)
        for p in products:
            writer.writerow([p[c] for c in columns])
    with (OUT / "query.csv").open("w", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t")
        writer.writerow(["query_id", "query", "query_class"])
        for qid, (text, qclass, _) in enumerate(QUERIES):
            writer.writerow([qid, text, qclass])
    with (OUT / "label.csv").open("w", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t")
        writer.writerow(["id", "query_id", "product_id", "label"])
        lid = 0
        for qid, (_, qclass, wanted) in enumerate(QUERIES):
            for p in products:
                if p["_attrs"]["class"] == qclass:
                    label = "Exact" if all(p["_attrs"][k] == v for k, v in wanted.items()) else "Partial"
                elif rng.random() < 0.25:
                    label = "Irrelevant"
                else:
                    continue
                writer.writerow([lid, qid, p["product_id"], label])
                lid += 1


if __name__ == "__main__":
    main()
