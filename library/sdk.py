"""The Python SDK: describe a task, get an adapter (retrieved or generated), generate with it.
One API whether the library runs in this process or behind ``t2l serve``.

    from library.sdk import SkillLibrary

    with SkillLibrary.open() as lib:                          # embedded default catalog (T2L_HOME)
        lib.search("translate English to French", k=3)        # [SearchResult]
        adapter = lib.dispatch("Reverse the order of the words.")
        adapter.provenance.source, adapter.provenance.score   # "retrieved" | "generated", cosine
        adapter.save_peft("adapters/reverse")                  # a standard PEFT directory
        lib.generate("Reverse the order of the words.", "the cat sat").output
        lib.generate_batch([("Translate to French.", "Good morning"), ("Reverse the words.", "a b c")])

    SkillLibrary.open("postgresql+psycopg://127.0.0.1/t2l")  # another catalog database, in-process
    SkillLibrary.open("http://127.0.0.1:8000")               # a running `t2l serve`, over HTTP

Opening in-process loads the encoder and opens the catalog; the base model loads on the first
dispatch. The remote client imports no torch until an adapter's weights are read.
"""

from __future__ import annotations

import io
import zipfile
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from library.provenance import Generation, Provenance
from t2l.errors import T2LError

if TYPE_CHECKING:
    from hypernet.adapter_files import AdapterFiles
    from hypernet.peft_format import LoraAdapter
    from library.dispatch import Dispatcher
    from library.lookup import SearchHit

__all__ = ["Generation", "Provenance", "RemoteError", "SearchResult", "SkillAdapter", "SkillLibrary"]


@dataclass(frozen=True)
class SearchResult:
    """One catalog adapter found by a search, best first."""

    id: int
    score: float
    description: str
    matched_description: str
    base_model: str
    namespace: str
    tags: list[str] = field(default_factory=list)
    rank: int | None = None
    method: str | None = None  # where it came from: "t2l" (hypernetwork), "import"
    peft_method: str | None = None  # what it is: lora, rslora, dora, qlora, prompt-tuning, bottleneck

    @classmethod
    def from_hit(cls, hit: SearchHit) -> SearchResult:
        return cls.from_dict(hit.to_dict())

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SearchResult:
        return cls(id=int(data["id"]), score=float(data["score"]), description=data["description"],
                   matched_description=data["matched_description"], base_model=data["base_model"],
                   namespace=data["namespace"], tags=list(data.get("tags") or []), rank=data.get("rank"),
                   method=data.get("method"), peft_method=data.get("peft_method"))

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "score": self.score, "description": self.description,
                "matched_description": self.matched_description, "base_model": self.base_model,
                "namespace": self.namespace, "tags": self.tags, "rank": self.rank, "method": self.method,
                "peft_method": self.peft_method}


class SkillAdapter:
    """The adapter that serves a description: its provenance and (read on first use) its weights:
    LoRA weights, or the files of a DoRA, prompt-tuning or bottleneck adapter."""

    def __init__(self, provenance: Provenance, load: Callable[[], LoraAdapter | AdapterFiles]) -> None:
        self.provenance = provenance
        self._load = load
        self._adapter: LoraAdapter | AdapterFiles | None = None

    @property
    def id(self) -> int | None:
        """Catalog id (retrieved, or generated and stored); None for an unstored generated adapter."""
        return self.provenance.adapter_id

    @property
    def source(self) -> str:
        return self.provenance.source

    @property
    def adapter(self) -> LoraAdapter | AdapterFiles:
        """A ``hypernet.peft_format.LoraAdapter``, or the ``hypernet.adapter_files.AdapterFiles`` of
        a DoRA, prompt-tuning or bottleneck adapter (downloaded once when remote)."""
        if self._adapter is None:
            self._adapter = self._load()
        return self._adapter

    @property
    def lora(self) -> LoraAdapter:
        """The LoRA weights; ``AdapterMethodError`` for an adapter of another method."""
        from hypernet.adapter_files import AdapterFiles
        from library.errors import AdapterMethodError

        adapter = self.adapter
        if isinstance(adapter, AdapterFiles):
            raise AdapterMethodError(f"this is a {adapter.method} adapter, not LoRA weights: use .adapter or save_peft")
        return adapter

    def save_peft(self, directory: str | Path) -> Path:
        """Write the adapter in its method's standard format (``adapter_config.json`` +
        ``adapter_model.safetensors``): ``peft.PeftModel.from_pretrained(base, directory)`` loads
        it, or ``hypernet.bottleneck.load_bottleneck`` for a bottleneck adapter."""
        from hypernet.adapter_files import AdapterFiles
        from hypernet.peft_format import save_peft_adapter

        adapter = self.adapter
        if isinstance(adapter, AdapterFiles):
            return adapter.save(directory)
        return save_peft_adapter(adapter, directory)

    def __repr__(self) -> str:
        return f"SkillAdapter({self.provenance.summary()})"


class SkillLibrary(ABC):
    """Search, dispatch and generate; ``open`` picks the in-process or the HTTP implementation."""

    @staticmethod
    def open(target: str | None = None, **options: Any) -> SkillLibrary:
        """``target``: None (the embedded default, or ``T2L_DATABASE_URL``), a database URL
        (``sqlite:///...``, ``postgresql+psycopg://...``) or a service URL (``http(s)://...``).

        In-process options: ``checkpoint`` (hypernetwork directory; default: the installed one),
        ``allow_untrained``, ``threshold``, ``store_generated``, ``storage_url``, ``device``,
        ``num_slots``. Remote options: ``timeout`` (seconds), ``client`` (an ``httpx.Client``).
        """
        if target is not None and target.startswith(("http://", "https://")):
            return RemoteSkillLibrary(target, **options)
        return LocalSkillLibrary.open(target, **options)

    @abstractmethod
    def search(self, text: str, k: int = 5, *, peft_method: str | Sequence[str] | None = None) -> list[SearchResult]:
        """Catalog adapters for this base model that best match ``text``, best first; only adapters
        of ``peft_method`` (one name or several, e.g. ``"dora"``, ``["lora", "rslora"]``) if given."""

    @abstractmethod
    def dispatch(self, description: str, *, threshold: float | None = None, store: bool | None = None) -> SkillAdapter:
        """The adapter for ``description``: retrieved if the best match scores >= ``threshold``
        (default: the calibrated one), else generated (and filed in the catalog when ``store``)."""

    @abstractmethod
    def generate_batch(
        self, requests: Sequence[tuple[str, str]], *, max_new_tokens: int = 64, threshold: float | None = None,
        store: bool | None = None,
    ) -> list[Generation]:
        """Answers for ``(description, input)`` pairs, each with its own adapter, in one batch."""

    @abstractmethod
    def export(self, adapter_id: int, directory: str | Path) -> Path:
        """Write catalog adapter ``adapter_id`` as a PEFT directory."""

    @abstractmethod
    def submit_job(self, descriptions: Sequence[str], *, chunk_size: int = 64, namespace: str = "default") -> dict[str, Any]:
        """Queue a bulk job that generates and files one adapter per description on the Celery
        workers (``t2l worker``); returns ``{"id", "total", "chunks", "duplicates"}``."""

    @abstractmethod
    def job(self, job_id: int) -> dict[str, Any]:
        """A bulk job's progress (``status``, ``total``, ``done``, ``failed``, ``remaining``, ...)."""

    def generate(self, description: str, input: str, **options: Any) -> Generation:
        """The answer to ``input`` from the adapter for ``description`` (see ``generate_batch``)."""
        return self.generate_batch([(description, input)], **options)[0]

    def close(self) -> None:
        """Release the catalog connection or the HTTP client."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class LocalSkillLibrary(SkillLibrary):
    """The library in this process, around a ``library.dispatch.Dispatcher``."""

    def __init__(self, dispatcher: Dispatcher) -> None:
        self.dispatcher = dispatcher
        self._celery_app: Any = None  # made on the first bulk job

    @classmethod
    def open(
        cls, database_url: str | None = None, *, checkpoint: str | Path | None = None, storage_url: str | None = None,
        device: str | None = None, **options: Any,
    ) -> LocalSkillLibrary:
        from library.dispatch import Dispatcher
        from t2l.settings import get_settings

        updates = {k: v for k, v in {"database_url": database_url, "storage_url": storage_url, "device": device}.items() if v}
        settings = get_settings().model_copy(update=updates)
        if options.get("threshold") is None:
            options.pop("threshold", None)
        return cls(Dispatcher.from_settings(settings, checkpoint=checkpoint, **options))

    def search(self, text: str, k: int = 5, *, peft_method: str | Sequence[str] | None = None) -> list[SearchResult]:
        return [SearchResult.from_hit(h) for h in self.dispatcher.search(text, k, peft_methods=peft_method)]

    def dispatch(self, description: str, *, threshold: float | None = None, store: bool | None = None) -> SkillAdapter:
        chosen = self.dispatcher.dispatch(description, threshold=threshold, store=store)
        return SkillAdapter(chosen.provenance, lambda: chosen.adapter)

    def generate_batch(
        self, requests: Sequence[tuple[str, str]], *, max_new_tokens: int = 64, threshold: float | None = None,
        store: bool | None = None,
    ) -> list[Generation]:
        return self.dispatcher.generate_batch(requests, max_new_tokens=max_new_tokens, threshold=threshold, store=store)

    def export(self, adapter_id: int, directory: str | Path) -> Path:
        return self.dispatcher.catalog.export(adapter_id, directory)

    def submit_job(self, descriptions: Sequence[str], *, chunk_size: int = 64, namespace: str = "default") -> dict[str, Any]:
        from hypernet.generate import validate_descriptions
        from library.dispatch import NoHypernetworkError
        from library.jobs import JobItem
        from workers.jobs import Descriptions
        from workers.jobs import submit_job as submit

        texts = validate_descriptions(descriptions, self.dispatcher.encoder)
        ckpt = self.dispatcher.checkpoint
        if ckpt is None or ckpt.path is None:
            raise NoHypernetworkError("bulk jobs need a hypernetwork checkpoint directory: open the library (or start "
                                      "`t2l serve`) with --checkpoint DIR, or install one as the default")
        unique = list(dict.fromkeys(texts))
        items = Descriptions([JobItem(i, t) for i, t in enumerate(unique, start=1)], duplicates=len(texts) - len(unique),
                             source={"api": len(texts)})
        job = submit(self.dispatcher.catalog, self._celery(), items, checkpoint_dir=ckpt.path, chunk_size=chunk_size,
                     namespace=namespace)
        return {"id": job.id, "total": job.total, "chunks": job.chunks, "duplicates": items.duplicates}

    def job(self, job_id: int) -> dict[str, Any]:
        from workers.jobs import job_status

        return job_status(self.dispatcher.catalog, job_id).to_dict()

    def _celery(self) -> Any:
        if self._celery_app is None:
            from workers.app import make_celery_app

            self._celery_app = make_celery_app()
        return self._celery_app

    def close(self) -> None:
        self.dispatcher.close()


class RemoteError(T2LError):
    """The service answered with an error this client has no local class for (or is unreachable)."""

    def __init__(self, message: str, *, status: int | None = None, type: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.type = type


# Error types the service reports, raised here as the same classes the in-process library raises.
_ERROR_CLASSES = {
    "DescriptionError": "hypernet.generate",
    "InputError": "library.dispatch",
    "DispatchError": "library.dispatch",
    "NoHypernetworkError": "library.dispatch",
    "UnsupportedMethodError": "library.dispatch",
    "AdapterMethodError": "library.errors",
    "AdapterNotFoundError": "library.errors",
    "JobNotFoundError": "library.jobs",
    "BrokerUnavailableError": "workers.app",
    "CatalogError": "library.errors",
    "DatabaseUnavailableError": "library.errors",
    "BlobIntegrityError": "library.errors",
}


def _error(status: int, body: Any) -> T2LError:
    from importlib import import_module

    info = body.get("error") if isinstance(body, dict) else None
    if not isinstance(info, dict):
        return RemoteError(f"the service answered HTTP {status}", status=status)
    kind, message = str(info.get("type", "")), str(info.get("message", f"HTTP {status}"))
    module = _ERROR_CLASSES.get(kind)
    if module is not None:
        return getattr(import_module(module), kind)(message)
    return RemoteError(f"{kind or 'error'} (HTTP {status}): {message}", status=status, type=kind or None)


class RemoteSkillLibrary(SkillLibrary):
    """The library behind a ``t2l serve`` service, over HTTP (JSON; adapters as PEFT zip archives)."""

    def __init__(self, url: str, *, timeout: float = 300.0, client: Any = None) -> None:
        import httpx

        self.url = url.rstrip("/")
        self._http = client if client is not None else httpx.Client(base_url=self.url, timeout=timeout)

    def _call(self, method: str, path: str, **kwargs: Any) -> Any:
        import httpx

        try:
            response = self._http.request(method, path, **kwargs)
        except httpx.HTTPError as exc:
            raise RemoteError(f"cannot reach the t2l service at {self.url}: {exc}") from exc
        if response.status_code >= 400:
            try:
                body = response.json()
            except ValueError:
                body = None
            raise _error(response.status_code, body)
        return response

    def search(self, text: str, k: int = 5, *, peft_method: str | Sequence[str] | None = None) -> list[SearchResult]:
        request: dict[str, Any] = {"text": text, "k": k}
        if peft_method is not None:
            request["peft_method"] = [peft_method] if isinstance(peft_method, str) else list(peft_method)
        body = self._call("POST", "/v1/search", json=request).json()
        return [SearchResult.from_dict(r) for r in body["results"]]

    def dispatch(self, description: str, *, threshold: float | None = None, store: bool | None = None) -> SkillAdapter:
        body = self._call("POST", "/v1/dispatch", json={"description": description, "threshold": threshold,
                                                        "store": store}).json()
        download = body["download"]
        return SkillAdapter(Provenance.from_dict(body["adapter"]), lambda: self._download(download))

    def generate_batch(
        self, requests: Sequence[tuple[str, str]], *, max_new_tokens: int = 64, threshold: float | None = None,
        store: bool | None = None,
    ) -> list[Generation]:
        if isinstance(requests, (str, bytes)) or not isinstance(requests, Sequence):
            from library.dispatch import InputError

            raise InputError("requests must be a non-empty list of (description, input) pairs")
        items = [{"description": r[0], "input": r[1]} if isinstance(r, (tuple, list)) and len(r) == 2 else r
                 for r in requests]
        body = self._call("POST", "/v1/generate/batch", json={
            "requests": items, "max_new_tokens": max_new_tokens, "threshold": threshold, "store": store,
        }).json()
        return [Generation.from_dict(r) for r in body["results"]]

    def _archive(self, path: str) -> dict[str, bytes]:
        data = self._call("GET", path, params={"format": "zip"}).content
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return {Path(name).name: archive.read(name) for name in archive.namelist()}

    def _download(self, path: str) -> LoraAdapter | AdapterFiles:
        from hypernet.adapter_files import read_adapter_bytes
        from hypernet.peft_format import CONFIG_NAME, SIDECAR_NAME, WEIGHTS_NAME, joined_config

        files, source = self._archive(path), f"{self.url}{path}"
        config = joined_config(files[CONFIG_NAME], files.get(SIDECAR_NAME), source)
        return read_adapter_bytes(config, files[WEIGHTS_NAME], source=source)

    def export(self, adapter_id: int, directory: str | Path) -> Path:
        path = f"/v1/adapters/{int(adapter_id)}/peft"
        return SkillAdapter(Provenance("retrieved", "", 0.0, path), lambda: self._download(path)).save_peft(directory)

    def submit_job(self, descriptions: Sequence[str], *, chunk_size: int = 64, namespace: str = "default") -> dict[str, Any]:
        body = self._call("POST", "/v1/jobs", json={"descriptions": list(descriptions), "chunk_size": chunk_size,
                                                    "namespace": namespace}).json()
        return {k: body[k] for k in ("id", "total", "chunks", "duplicates")}

    def job(self, job_id: int) -> dict[str, Any]:
        return self._call("GET", f"/v1/jobs/{int(job_id)}").json()

    def health(self) -> dict[str, Any]:
        """The service's base model, threshold, hypernetwork and cache state."""
        return self._call("GET", "/v1/health").json()

    def close(self) -> None:
        self._http.close()
