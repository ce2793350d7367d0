"""Natural-language understanding: a joint BERT intent + slot model."""
