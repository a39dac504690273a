"""Rebuild the default sub-event type model from the project's own corpus.

    python eval/make_typing_corpus.py      # (only when the templates change) writes src/contested/data/typing_corpus.jsonl
    python eval/train_default_typing.py    # writes src/contested/data/typing_default.json and .npz

Needs scikit-learn (``pip install 'contested[train]'``) to fit; applying the model needs numpy alone.
"""

from __future__ import annotations

import json
import sys

from contested.typing_model import train_default

if __name__ == "__main__":
    print(json.dumps(train_default()))
    sys.exit(0)
