"""One epoch's batches of NLU training: every example once; length buckets pad far less."""

from __future__ import annotations

import random

from bot.nlu.train import TrainConfig, epoch_batches


def _padded(batches, lengths):
    return sum(len(b) * max(lengths[i] for i in b) for b in batches)


def test_random_batches_are_the_shuffled_examples_in_order():
    lengths = [random.Random(1).randint(3, 30) for _ in range(1000)]
    batches = epoch_batches(lengths, 32, random.Random(7))
    order = list(range(1000))
    random.Random(7).shuffle(order)
    assert [i for b in batches for i in b] == order  # the same batches as a plain shuffle (trained models unchanged)
    assert [len(b) for b in batches] == [32] * 31 + [8]


def test_length_buckets_keep_every_example_once_and_pad_less():
    rng = random.Random(3)
    lengths = [rng.choice([4, 6, 8, 10, 14, 20, 28]) for _ in range(5000)]
    plain = epoch_batches(lengths, 32, random.Random(5))
    bucketed = epoch_batches(lengths, 32, random.Random(5), buckets=True)
    assert sorted(i for b in bucketed for i in b) == list(range(5000))
    assert len(bucketed) == len(plain) == 157 and all(len(b) <= 32 for b in bucketed)
    assert _padded(bucketed, lengths) < 0.7 * _padded(plain, lengths)
    again = epoch_batches(lengths, 32, random.Random(6), buckets=True)
    assert again != bucketed  # each epoch mixes the data anew


def test_only_the_tiny_config_buckets_by_default():
    assert TrainConfig().length_buckets is False and TrainConfig.tiny().length_buckets is True
