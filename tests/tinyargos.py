"""Build tiny but genuine translation models for tests and benchmarks.

`build_package` makes an Argos Translate package (SentencePiece or BPE);
`build_nllb`, `build_m2m100` and `build_marian` make CTranslate2 model
directories laid out as ``ct2-transformers-converter`` writes them for
NLLB-200, M2M-100 and OPUS-MT, with their tokenizers as users get them.

The package has the real layout (a zip named ``<name>.argosmodel`` holding one
directory with ``metadata.json``, a CTranslate2 ``model/`` and a
``sentencepiece.model``), loads with CTranslate2 and translates for real. Its
weights are random, so the output is gibberish, but it is deterministic:
the same arguments give the same package and the same translations.

No torch: the SentencePiece model is trained in a fraction of a second on the
few dozen lines below, and the Transformer is assembled from numpy arrays
with ``ctranslate2.specs.TransformerSpec``.

    >>> from tests.tinyargos import build_package            # doctest: +SKIP
    >>> build_package(tmp_path, "en", "es")                   # doctest: +SKIP
    PosixPath('.../translate-en_es-tiny.argosmodel')
"""

from __future__ import annotations

import io
import json
import tempfile
import zipfile
from pathlib import Path

# A few dozen lines in the languages the project cares about, plus a
# snake_case word so that "_" is a piece of its own in the vocabulary.
CORPUS = [
    "The town of Shusha stands on a high plateau above the valley.",
    "Officials in Baku and Yerevan gave different names to the same places.",
    "Dr. Smith arrived in the U.S. at 3.5 p.m. on Monday, e.g. after the talks.",
    "Negotiations resumed in Moscow on 10 October 2020.",
    "The ceasefire was announced early in the morning!",
    "Did the convoy reach Stepanakert before nightfall?",
    "Residents left Lachin along the corridor road.",
    "A spokesperson said the report_id field was missing from the file_name.",
    "Use snake_case names such as place_name and alt_names.",
    "The river Aras marks part of the border with Iran.",
    "Reporters counted 1,200 vehicles on the mountain road.",
    "El pueblo está en una meseta alta sobre el valle.",
    "Las negociaciones se reanudaron en Moscú el martes.",
    "¿Llegó el convoy antes de la noche?",
    "Переговоры возобновились в Москве 10 октября 2020 г. Затем стороны разошлись.",
    "Город Шуша расположен на высоком плато над долиной.",
    "Жители покинули Лачин по дороге через коридор.",
    "Т.е. стороны не договорились о названиях сёл.",
    "Շուշի քաղաքը գտնվում է բարձր սարահարթի վրա։",
    "Բանակցությունները վերսկսվեցին Մոսկվայում։",
    "Ո՞ւր է գնում շարասյունը։",
    "Ստեփանակերտը Արցախի մայրաքաղաքն է։",
    "Şuşa şəhəri dərənin üstündə yüksək yaylada yerləşir.",
    "Danışıqlar Moskvada oktyabrın 10-da bərpa olundu.",
    "Sakinlər Laçını dəhliz yolu ilə tərk etdilər.",
    "İlham Əliyev bəyanat verdi. Sonra görüş başladı.",
    "Xankəndi Qarabağın ən böyük şəhəridir.",
    "城市位于山谷上方的高原上。谈判在莫斯科恢复。",
    "The army said it had taken control of several villages.",
    "Both sides accused each other of shelling civilian areas.",
    "International observers called for an immediate ceasefire.",
    "The old bridge over the river was damaged in the fighting.",
    "Mr. Aliyev and Mr. Pashinyan did not meet in person.",
    "Schools in the region remained closed for weeks.",
    "The museum keeps a collection of carpets and manuscripts.",
    "Journalists were not allowed to enter the area.",
    "Prices of bread and fuel rose sharply in the autumn.",
    "The new airport was opened in the spring of 2021.",
    "Maps printed in different capitals show different names.",
    "The gazetteer lists every rival form of each place name.",
]


def train_sentencepiece(
    lines: list[str] | None = None, vocab_size: int = 400, model_type: str = "bpe",
    symbols: tuple[str, ...] = (),
) -> bytes:
    """Train a small SentencePiece model on `lines` and return its serialized bytes.

    `symbols` are added as whole pieces (language tokens such as ``hye_Armn``).
    """
    import sentencepiece as spm

    buffer = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines or CORPUS),
        model_writer=buffer,
        vocab_size=vocab_size,
        hard_vocab_limit=False,  # a small corpus may not support the full size
        model_type=model_type,
        character_coverage=1.0,
        num_threads=1,  # deterministic
        minloglevel=2,  # quiet
        user_defined_symbols=["_", *symbols],
    )
    return buffer.getvalue()


def learn_bpe(lines: list[str] | None = None, merges: int = 60) -> tuple[str, list[str]]:
    """Learn subword-nmt style BPE codes on `lines`; return (codes file text, vocabulary).

    The codes file is what OPUS-MT conversions in the Argos index ship as
    ``bpe.model`` (``#version: 0.2`` then one merge a line, ``</w>`` marking a
    word end); the vocabulary holds every symbol the merges can produce, in
    subword-nmt's notation (``@@`` on pieces that do not end a word).
    """
    from collections import Counter

    words = Counter(word for line in (lines or CORPUS) for word in line.split())
    spelled = {word: [*word[:-1], word[-1] + "</w>"] for word in words}
    codes = []
    for _ in range(merges):
        pairs: Counter = Counter()
        for word, symbols in spelled.items():
            for a, b in zip(symbols, symbols[1:]):
                pairs[(a, b)] += words[word]
        if not pairs:
            break
        (a, b), _count = max(pairs.items(), key=lambda item: (item[1], item[0]))
        codes.append(f"{a} {b}")
        for word, symbols in spelled.items():
            merged, i = [], 0
            while i < len(symbols):
                if i + 1 < len(symbols) and (symbols[i], symbols[i + 1]) == (a, b):
                    merged.append(a + b)
                    i += 2
                else:
                    merged.append(symbols[i])
                    i += 1
            spelled[word] = merged
    symbols = {s for pieces in spelled.values() for s in pieces}
    symbols |= {c + "</w>" for word in words for c in word} | {c for word in words for c in word}
    vocabulary = ["<unk>", "<s>", "</s>"] + sorted(
        {s[:-4] if s.endswith("</w>") else s + "@@" for s in symbols})
    return "#version: 0.2\n" + "\n".join(codes) + "\n", vocabulary


def _transformer_spec(vocabulary: list[str], d_model: int, ffn: int, layers: int,
                      heads: int, seed: int, eos_bias: float, decoder_start_token: str = "<s>"):
    """A TransformerSpec with random but fixed weights for a shared vocabulary."""
    import numpy as np
    from ctranslate2.specs import transformer_spec

    rng = np.random.default_rng(seed)
    vocab_size = len(vocabulary)

    def mat(*shape):
        return (rng.standard_normal(shape) / np.sqrt(shape[-1])).astype(np.float32)

    def vec(n, value=0.0):
        return np.full((n,), value, dtype=np.float32)

    def norm(spec):
        spec.gamma = vec(d_model, 1.0)
        spec.beta = vec(d_model)

    def linear(spec, out_dim, in_dim):
        spec.weight = mat(out_dim, in_dim)
        spec.bias = vec(out_dim)

    def ffn_layer(spec):
        norm(spec.layer_norm)
        linear(spec.linear_0, ffn, d_model)
        linear(spec.linear_1, d_model, ffn)

    spec = transformer_spec.TransformerSpec.from_config(num_layers=layers, num_heads=heads)

    encoder = spec.encoder
    encoder.embeddings[0].weight = mat(vocab_size, d_model)
    norm(encoder.layer_norm)
    for layer in encoder.layer:
        norm(layer.self_attention.layer_norm)
        linear(layer.self_attention.linear[0], 3 * d_model, d_model)  # fused q, k, v
        linear(layer.self_attention.linear[1], d_model, d_model)      # output
        ffn_layer(layer.ffn)

    decoder = spec.decoder
    decoder.embeddings.weight = mat(vocab_size, d_model)
    norm(decoder.layer_norm)
    for layer in decoder.layer:
        norm(layer.self_attention.layer_norm)
        linear(layer.self_attention.linear[0], 3 * d_model, d_model)
        linear(layer.self_attention.linear[1], d_model, d_model)
        norm(layer.attention.layer_norm)
        linear(layer.attention.linear[0], d_model, d_model)           # query
        linear(layer.attention.linear[1], 2 * d_model, d_model)       # fused k, v
        linear(layer.attention.linear[2], d_model, d_model)           # output
        ffn_layer(layer.ffn)
    decoder.projection.weight = mat(vocab_size, d_model)
    bias = vec(vocab_size)
    # Random weights rarely pick </s>; a fixed bias makes the gibberish stop
    # after a few tokens instead of running to max_decoding_length.
    bias[vocabulary.index("</s>")] = eos_bias
    # Never start with the empty-surface tokens, so outputs are visible text.
    for special in ("<unk>", "<s>", "▁"):
        if special in vocabulary:
            bias[vocabulary.index(special)] = -10.0
    decoder.projection.bias = bias

    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    spec.config.decoder_start_token = decoder_start_token
    spec.validate()
    return spec


def build_package(
    dest_dir: str | Path,
    from_code: str = "en",
    to_code: str = "es",
    *,
    name: str | None = None,
    package_version: str = "1.0",
    vocab_size: int = 400,
    d_model: int = 32,
    ffn: int = 64,
    num_layers: int = 1,
    num_heads: int = 2,
    seed: int = 1234,
    eos_bias: float = 2.0,
    metadata_extra: dict | None = None,
    tokenizer: str = "sentencepiece",
) -> Path:
    """Build ``<dest_dir>/<name>.argosmodel`` and return its path.

    `name` defaults to ``translate-<from>_<to>-tiny`` (also the top-level
    directory inside the zip). `seed` fixes the weights; `metadata_extra` is
    merged into ``metadata.json`` (e.g. ``{"target_prefix": "__es__"}``).
    `tokenizer` "bpe" ships a subword-nmt ``bpe.model`` instead of the
    SentencePiece model, as the OPUS-MT conversions of the Argos index do.
    """
    import sentencepiece as spm

    dest_dir = Path(dest_dir)
    dest_dir.mkdir(parents=True, exist_ok=True)
    name = name or f"translate-{from_code}_{to_code}-tiny"

    if tokenizer == "bpe":
        codes, vocabulary = learn_bpe()
        tokenizer_file = ("bpe.model", codes.encode())
    else:
        sp_bytes = train_sentencepiece(vocab_size=vocab_size)
        processor = spm.SentencePieceProcessor(model_proto=sp_bytes)
        vocabulary = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
        tokenizer_file = ("sentencepiece.model", sp_bytes)

    spec = _transformer_spec(vocabulary, d_model, ffn, num_layers, num_heads,
                             seed + sum(map(ord, from_code + to_code)), eos_bias)
    metadata = {
        "package_version": package_version,
        "argos_version": "1.0",
        "from_code": from_code,
        "from_name": from_code.upper(),
        "to_code": to_code,
        "to_name": to_code.upper(),
        "type": "translate",
        "links": [],
    }
    metadata.update(metadata_extra or {})

    archive = dest_dir / f"{name}.argosmodel"
    with tempfile.TemporaryDirectory() as work:
        model_dir = Path(work) / "model"
        model_dir.mkdir()
        spec.save(str(model_dir))
        entries = {
            f"{name}/": b"",
            f"{name}/metadata.json": json.dumps(metadata, indent=2).encode(),
            f"{name}/{tokenizer_file[0]}": tokenizer_file[1],
            f"{name}/README.md": b"Tiny random-weight package for tests.\n",
            f"{name}/model/": b"",
        }
        for file in sorted(model_dir.iterdir()):
            entries[f"{name}/model/{file.name}"] = file.read_bytes()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for entry, data in entries.items():
            info = zipfile.ZipInfo(entry, date_time=(2020, 10, 4, 0, 0, 0))  # reproducible
            info.external_attr = (0o40755 if entry.endswith("/") else 0o100644) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    return archive


# -- CTranslate2 model directories (ct2-transformers-converter's layout) ------------

NLLB_TOKENS = ("eng_Latn", "hye_Armn", "rus_Cyrl", "azj_Latn", "tur_Latn", "spa_Latn")


def _save_model(model_dir: Path, vocabulary: list[str], seed: int, decoder_start_token: str,
                d_model: int = 32, layers: int = 1, quantization: str | None = None) -> Path:
    """model.bin, config.json and shared_vocabulary.json, as the converter writes them
    (`quantization` as its ``--quantization``)."""
    model_dir = Path(model_dir)
    model_dir.mkdir(parents=True, exist_ok=True)
    spec = _transformer_spec(vocabulary, d_model, 2 * d_model, layers, 2, seed, 2.0, decoder_start_token)
    if quantization:
        spec.optimize(quantization=quantization)
    spec.save(str(model_dir))
    return model_dir


def _sp_vocabulary(sp_bytes: bytes) -> list[str]:
    import sentencepiece as spm

    processor = spm.SentencePieceProcessor(model_proto=sp_bytes)
    return [processor.id_to_piece(i) for i in range(processor.get_piece_size())]


def build_nllb(model_dir: str | Path, tokens: tuple[str, ...] = NLLB_TOKENS, *, seed: int = 4321,
               d_model: int = 32, layers: int = 1, lines: list[str] | None = None) -> tuple[Path, bytes]:
    """An NLLB-200 style directory exactly as ``ct2-transformers-converter`` writes it without
    ``--copy_files`` (no tokenizer inside); returns it and the SentencePiece model's bytes,
    which CTranslate2's guide has the user download separately. `lines` replace the
    SentencePiece training text."""
    sp_bytes = train_sentencepiece(lines, symbols=tokens)
    vocabulary = _sp_vocabulary(sp_bytes)
    return _save_model(model_dir, vocabulary, seed, "</s>", d_model, layers), sp_bytes


def build_nllb_tokenizer_json(model_dir: str | Path, tokens: tuple[str, ...] = NLLB_TOKENS, *,
                              seed: int = 4321) -> Path:
    """An NLLB-200 style directory that ships only the Hugging Face ``tokenizer.json``
    (BPE pieces with the ``▁`` word marks, as NLLB's own), trained with the tokenizers library."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers

    tokenizer = Tokenizer(models.BPE(unk_token="<unk>"))
    tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(replacement="\u2581", prepend_scheme="always")
    tokenizer.decoder = decoders.Metaspace(replacement="\u2581", prepend_scheme="always")
    trainer = trainers.BpeTrainer(vocab_size=400, special_tokens=["<s>", "<pad>", "</s>", "<unk>"],
                                  show_progress=False)
    tokenizer.train_from_iterator(CORPUS, trainer)
    tokenizer.add_special_tokens(list(tokens))
    vocabulary = [tokenizer.id_to_token(i) for i in range(tokenizer.get_vocab_size())]
    model_dir = _save_model(model_dir, vocabulary, seed, "</s>")
    tokenizer.save(str(model_dir / "tokenizer.json"))
    return model_dir


def build_m2m100(model_dir: str | Path, codes: tuple[str, ...] = ("en", "hy", "ru"), *, seed: int = 99,
                 quantization: str | None = None) -> Path:
    """An M2M-100 style directory (``__hy__`` tokens) with its ``sentencepiece.bpe.model``."""
    tokens = tuple(f"__{code}__" for code in codes)
    sp_bytes = train_sentencepiece(symbols=tokens)
    model_dir = _save_model(model_dir, _sp_vocabulary(sp_bytes), seed, "</s>", quantization=quantization)
    (model_dir / "sentencepiece.bpe.model").write_bytes(sp_bytes)
    return model_dir


def build_marian(model_dir: str | Path, targets: tuple[str, ...] = (), *, seed: int = 77) -> Path:
    """An OPUS-MT (Marian) directory with ``source.spm`` and ``target.spm``; `targets` such as
    ``(">>hye<<", ">>rus<<")`` make it multi-target (the token starts the source)."""
    half = len(CORPUS) // 2
    source_bytes = train_sentencepiece(CORPUS[:half] + CORPUS[-5:], vocab_size=300)
    target_bytes = train_sentencepiece(CORPUS[half:], vocab_size=300)
    # Marian's vocabulary: </s> and <unk> first, the target tokens, then both models' pieces.
    pieces = [p for p in _sp_vocabulary(source_bytes) + _sp_vocabulary(target_bytes)
              if p not in ("<unk>", "<s>", "</s>")]
    vocabulary = ["</s>", "<unk>", *targets, *dict.fromkeys(pieces)]
    model_dir = _save_model(model_dir, vocabulary, seed, "</s>")
    (model_dir / "source.spm").write_bytes(source_bytes)
    (model_dir / "target.spm").write_bytes(target_bytes)
    return model_dir
