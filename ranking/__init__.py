"""Profile-aware re-ranking of retrieved candidates (PyTorch, CUDA when present)."""

import os as _os

# Nothing may be fetched from a model hub at run time.
_os.environ.setdefault("HF_HUB_OFFLINE", "1")
_os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
_os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

