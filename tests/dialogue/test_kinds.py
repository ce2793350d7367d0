"""Kinds of product named by more than a category word (bot/dialogue/kinds.py)."""

from bot.dialogue.kinds import carried, kinds_named
from retrieval.filters import matches
from retrieval.product import Product
from retrieval.types import SearchFilter


def _product(pid: str, title: str, category: str) -> Product:
    return Product(id=pid, title=title, category=["Furniture", category], price=100.0)


CATALOG = [
    _product("s1", "Tova Sleeper Sofa in Beige Leather", "Sofas"),
    _product("s2", "Asher Chesterfield Sofa", "Sofas"),
    _product("b1", "Harper Platform Bed", "Beds"),
    _product("a1", "Porto Recliner in Charcoal Boucle", "Armchairs"),
]


def test_kinds_are_read_in_their_written_forms_once_each():
    assert [k.name for k, _ in kinds_named("sofa bed for the in-laws, or a sofabed")] == ["sofa beds"]
    assert [k.name for k, _ in kinds_named("do you sell cribs or baby changing tables?")] == ["cribs", "changing tables"]
    assert [k.name for k, _ in kinds_named("bunk beds for the grandkids")] == ["bunk beds"]
    assert kinds_named("a platform bed and a grey sofa") == []
    assert kinds_named("a coffee table") == []  # a category, not a mug


def test_a_kind_is_found_by_the_words_of_the_catalog_titles():
    sofa_bed = kinds_named("a sofa bed")[0][0]
    words, categories = carried(sofa_bed, CATALOG)
    assert words == ["sleeper"] and categories.most_common(1)[0][0] == "Sofas"
    bunk = kinds_named("bunk beds")[0][0]
    assert carried(bunk, CATALOG) == ([], {})
    recliner = kinds_named("a recliner for my dad")[0][0]
    assert carried(recliner, CATALOG)[1].most_common(1)[0][0] == "Armchairs"


def test_title_words_filter_keeps_only_products_that_name_the_kind():
    f = SearchFilter(categories=["Sofas"], title_words=["sleeper"])
    assert [p.id for p in CATALOG if matches(p, f)] == ["s1"]
