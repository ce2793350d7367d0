"""Embeddings: normalized 384-d float32, disk cache for products, LRU for queries."""

from __future__ import annotations

import numpy as np

from retrieval.embedding import Embedder
from retrieval.product import Product


class CountingEmbedder(Embedder):
    """A real Embedder that counts the texts sent to the model."""

    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        self.model_calls = 0

    def embed_texts(self, texts, **kw):
        self.model_calls += len(texts)
        return super().embed_texts(texts, **kw)


def test_vectors_are_normalized(embedder):
    vecs = embedder.embed_texts(["a grey sofa", "an oak desk", ""])
    assert vecs.shape == (3, 384) and vecs.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vecs[:2], axis=1), 1.0, atol=1e-5)
    sofa, desk = embedder.embed_query("grey sofa"), embedder.embed_query("oak desk")
    assert float(sofa @ vecs[0]) > float(sofa @ vecs[1])
    assert float(desk @ vecs[1]) > float(desk @ vecs[0])


def test_query_cache_returns_the_same_vector(embedder):
    first = embedder.embed_query("velvet armchair")
    assert embedder.embed_query("  velvet   armchair ") is first
    assert not first.flags.writeable


def test_queries_embed_in_one_batch_and_match_one_at_a_time(settings):
    counting = CountingEmbedder(settings)
    try:
        cached = counting.embed_query("walnut coffee table")
        counting.model_calls = 0
        texts = ["boho jute rug", "walnut  coffee table", "tall floor lamp", "boho jute rug"]
        batch = counting.embed_queries(texts)
        assert counting.model_calls == 2  # the cached query is not embedded again, the repeated one once
        assert batch[1] is cached and batch[0] is batch[3] and not batch[0].flags.writeable
        for text, vec in zip(texts, batch):
            np.testing.assert_allclose(vec, counting.embed_texts([text])[0], atol=1e-5)  # batching changes nothing
    finally:
        counting.close()


def test_product_vectors_come_from_disk_cache(settings, tmp_path):
    products = [Product(id=str(i), title=f"Cache test lamp number {i}") for i in range(5)]
    first = CountingEmbedder(settings)
    a = first.embed_products(products, progress=False)
    assert first.model_calls == 5
    first.close()
    second = CountingEmbedder(settings)  # a new process would see the same cache file
    b = second.embed_products(products + [Product(id="new", title="A brand new lamp")], progress=False)
    assert second.model_calls == 1
    np.testing.assert_array_equal(a, b[:5])
    changed = products[0].model_copy(update={"title": "Cache test lamp, renamed"})
    second.embed_products([changed], progress=False)
    assert second.model_calls == 2
    second.close()


def test_embedded_text_is_cut_at_the_configured_length(settings):
    head = "Asher rolled-arm linen sofa by Crate & Barrel. Furniture > Living Room > Sofas. color: green. " * 3
    tails = ["It has deep seats and plush cushions for movie nights. " * 8, "Made of oak; ships flat-packed in two boxes. " * 8]
    short = Embedder(settings.model_copy(update={"embed_max_tokens": 32}), use_disk_cache=False)
    cut = short.embed_texts([head + tails[0], head + tails[1]])
    np.testing.assert_allclose(cut[0], cut[1], atol=1e-6)  # both tails lie past the 32nd word piece
    long = Embedder(settings.model_copy(update={"embed_max_tokens": 256}), use_disk_cache=False)
    full = long.embed_texts([head + tails[0], head + tails[1]])
    assert float(full[0] @ full[1]) < 0.999  # read whole, the tails differ
    assert short.model_id != long.model_id  # an index built at one length is never reused at another


def test_cached_query_never_calls_the_model(settings):
    counting = CountingEmbedder(settings)
    try:
        assert counting.cached_query("a rattan  pendant lamp") is None and counting.model_calls == 0
        vec = counting.embed_query("a rattan pendant lamp")
        assert counting.cached_query(" a rattan pendant  lamp") is vec and counting.model_calls == 1
    finally:
        counting.close()
