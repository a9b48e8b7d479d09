"""Recipe: oracle adapters of every PEFT method the seed names, one per task, in PEFT's own format.

    t2l train oracle --method dora --out runs/oracle-dora [--tasks ID,ID] [--steps 200]

Methods (``METHODS``), each built by PEFT, so ``PeftModel.from_pretrained`` reads what is written:
- ``lora``: LoRA (Hu et al.), scaling alpha/r;
- ``rslora``: LoRA with rank-stabilised scaling alpha/sqrt(r);
- ``dora``: weight-decomposed LoRA (a learned magnitude per output feature beside A and B);
- ``qlora``: LoRA on a 4-bit NF4 base model (bitsandbytes, CUDA only: elsewhere a clear error);
- ``prompt-tuning``: a soft prompt of ``virtual_tokens`` trained embeddings (Lester et al.),
  initialised from the embeddings of the task's first description;
- ``bottleneck``: Houlsby adapters after each sub-layer (``hypernet.bottleneck``: PEFT lacks them
  and AdapterHub's ``adapters`` pins transformers 4.x), width / ``reduction_factor``.

Every task gets a fresh copy of the base model wrapped by PEFT, so each method's own
initialisation (DoRA's magnitudes from the base weights, the soft prompt from text) applies
exactly as PEFT defines it. ``OUT/<task id>/`` holds the PEFT directory and ``metrics.json``
(method, trainable parameters, seconds, validation exact match); finished tasks are skipped.
"""

from __future__ import annotations

import copy
import json
import random
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Sequence

import torch

from hypernet.train.curves import LossCurve
from hypernet.train.data import collate, encode_examples, user_message
from hypernet.train.oracle import OracleResult, finished, task_seed, validation_exact
from hypernet.train.peft_lora import LoraTrainConfig, train_lora
from t2l.errors import SettingError, T2LError

if TYPE_CHECKING:
    from hypernet.base_model import LoadedModel
    from hypernet.tasks.types import Task

METHODS = ("lora", "rslora", "dora", "qlora", "prompt-tuning", "bottleneck")
LORA_FAMILY = ("lora", "rslora", "dora", "qlora")


class MethodUnavailableError(T2LError):
    """The method cannot run here (e.g. QLoRA without CUDA or bitsandbytes)."""


@dataclass(frozen=True)
class MethodSettings:
    method: str = "lora"
    virtual_tokens: int = 20  # prompt tuning
    reduction_factor: int = 16  # bottleneck: hidden width = model width / this

    def __post_init__(self) -> None:
        if self.method not in METHODS:
            raise SettingError(f"unknown method {self.method!r}; choose one of {', '.join(METHODS)}")
        if self.virtual_tokens <= 0 or self.reduction_factor <= 0:
            raise SettingError("virtual_tokens and reduction_factor must be positive")


def check_available(method: str, device: torch.device | str) -> None:
    """Raise ``MethodUnavailableError`` with what to do when ``method`` cannot run on ``device``."""
    if method != "qlora":
        return
    if torch.device(device).type != "cuda":
        raise MethodUnavailableError(
            "QLoRA quantises the base model to 4-bit NF4 with bitsandbytes, which needs a CUDA device; "
            f"this run is on {device}. Train `--method lora` here (the same adapter on a full-precision "
            "base), or run QLoRA on a GPU host")
    try:
        import bitsandbytes  # noqa: F401
    except ImportError as exc:
        raise MethodUnavailableError("QLoRA needs the bitsandbytes package (pip install bitsandbytes)") from exc


def uses_rslora(method: str) -> bool:
    """Only the rslora method scales by alpha/sqrt(r); lora, dora and qlora keep PEFT's alpha/r."""
    return method == "rslora"


def peft_config(settings: MethodSettings, train: LoraTrainConfig) -> Any:
    """The PEFT config of ``settings.method`` with the run's rank, alpha, dropout and targets."""
    from peft import LoraConfig, PromptTuningConfig, PromptTuningInit

    if settings.method in LORA_FAMILY:
        return LoraConfig(
            r=train.rank, lora_alpha=train.alpha, lora_dropout=train.dropout, target_modules=list(train.target_modules),
            use_rslora=uses_rslora(settings.method), use_dora=settings.method == "dora", task_type="CAUSAL_LM",
        )
    return PromptTuningConfig(task_type="CAUSAL_LM", num_virtual_tokens=settings.virtual_tokens,
                              prompt_tuning_init=PromptTuningInit.RANDOM)


@contextmanager
def _adapted(loaded: LoadedModel, settings: MethodSettings, train: LoraTrainConfig, task: Task
             ) -> Iterator[tuple[torch.nn.Module, Callable[[Path], None]]]:
    """A fresh copy of the base model carrying a new ``settings.method`` adapter for ``task``,
    and the function that saves that adapter (the base model stays untouched)."""
    from peft import get_peft_model

    model = _quantized_copy(loaded) if settings.method == "qlora" else copy.deepcopy(loaded.model)
    torch.manual_seed(task_seed(task.id, train.seed))
    if settings.method == "bottleneck":
        from hypernet.bottleneck import BottleneckAdapters, BottleneckConfig, attached, save_bottleneck

        model.requires_grad_(False)
        adapters = BottleneckAdapters.for_model(model, BottleneckConfig(settings.reduction_factor))
        model.bottleneck_adapters = adapters  # registered: its parameters are the trainable ones
        with attached(model, adapters):
            yield model, lambda directory: save_bottleneck(adapters, directory, {"task_id": task.id})
        return
    peft_model = get_peft_model(model, peft_config(settings, train))
    if settings.method == "prompt-tuning":
        _init_prompt_from_text(peft_model, loaded.tokenizer, task.descriptions[0], settings.virtual_tokens)
    yield peft_model, lambda directory: peft_model.save_pretrained(str(directory))


def _init_prompt_from_text(peft_model, tokenizer, text: str, virtual_tokens: int) -> None:
    """PEFT's TEXT init, done here because the tokenizer comes from a GGUF file, not a path:
    the soft prompt starts as the embeddings of ``text``'s tokens, repeated to length."""
    ids = tokenizer(text, add_special_tokens=False)["input_ids"] or [tokenizer.pad_token_id]
    ids = (ids * (virtual_tokens // len(ids) + 1))[:virtual_tokens]
    embeddings = peft_model.get_input_embeddings()
    encoder = peft_model.prompt_encoder["default"].embedding
    with torch.no_grad():
        encoder.weight.copy_(embeddings(torch.tensor(ids, device=encoder.weight.device)).to(encoder.weight.dtype))


def _quantized_copy(loaded: LoadedModel) -> torch.nn.Module:
    """The base model re-quantised to 4-bit NF4 by bitsandbytes (QLoRA's base), ready for k-bit training."""
    from peft import prepare_model_for_kbit_training
    from transformers import AutoModelForCausalLM, BitsAndBytesConfig

    if loaded.cache_dir is None:
        raise MethodUnavailableError("QLoRA reloads the base model in 4-bit and needs its safetensors cache directory")
    quantization = BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_quant_type="nf4",
                                      bnb_4bit_compute_dtype=torch.bfloat16, bnb_4bit_use_double_quant=True)
    model = AutoModelForCausalLM.from_pretrained(loaded.cache_dir, quantization_config=quantization,
                                                 device_map={"": next(loaded.model.parameters()).device})
    return prepare_model_for_kbit_training(model)


def train_method_oracles(
    loaded: LoadedModel,
    tasks: Sequence[Task],
    out_dir: Path,
    train: LoraTrainConfig,
    settings: MethodSettings,
    on_progress: Callable[[str, int, float], None] | None = None,
) -> list[OracleResult]:
    """Train (or skip, when done) one ``settings.method`` adapter per task; one result per task."""
    device = next(loaded.model.parameters()).device
    check_available(settings.method, device)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    # use_rslora as the method applies it (the LoraTrainConfig default is the hypernetwork path's)
    recorded = train.to_dict() | {"method": settings.method, "virtual_tokens": settings.virtual_tokens,
                                  "use_rslora": uses_rslora(settings.method)}
    (out_dir / "config.json").write_text(json.dumps(recorded, indent=2))
    pad = loaded.tokenizer.pad_token_id
    results = []
    for task in tasks:
        target = out_dir / task.id
        if (done := finished(target)) is not None:
            results.append(done)
            continue
        started = time.perf_counter()
        encoded = encode_examples(loaded.tokenizer, [user_message(e.input) for e in task.train],
                                  [e.output for e in task.train], train.max_length)

        def next_batch(rng: random.Random) -> dict:
            return collate([encoded[rng.randrange(len(encoded))] for _ in range(train.batch_size)], pad)

        curve = LossCurve(out_dir / ".curves" / f"{task.id}.csv", ["loss", "lr"])
        task_train = LoraTrainConfig(**{**train.to_dict(), "seed": task_seed(task.id, train.seed)})
        with _adapted(loaded, settings, train, task) as (model, save):
            final_loss = train_lora(model, next_batch, task_train, out_dir / ".state" / task.id, curve,
                                    on_step=(lambda step, loss: on_progress(task.id, step, loss)) if on_progress else None)
            exact = validation_exact(model, loaded.tokenizer, task)
            trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
            save(target)
        seconds = time.perf_counter() - started
        (target / "metrics.json").write_text(json.dumps(
            {"task_id": task.id, "method": settings.method, "final_loss": final_loss, "validation_exact": exact,
             "seconds": seconds, "steps": train.steps, "trainable_parameters": trainable}, indent=2))
        curve.plot(f"{settings.method}: {task.id}")
        results.append(OracleResult(task.id, target, final_loss, exact, seconds))
    return results
