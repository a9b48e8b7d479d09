"""The HTTP service (``t2l serve``): search, dispatch, generate and adapter downloads over FastAPI.

    POST /v1/search            {"text", "k"}                         -> {"results": [...]}
    POST /v1/dispatch          {"description", "threshold", "store"} -> {"adapter": provenance, "download"}
    POST /v1/generate          {"description", "input", "max_new_tokens", ...} -> generation
    POST /v1/generate/batch    {"requests": [{"description", "input"}], ...}   -> {"results": [...]}
    GET  /v1/adapters/{id}                 catalog metadata
    GET  /v1/adapters/{id}/peft?format=zip|tar   the adapter as a PEFT archive
    GET  /v1/generated/{key}/peft?format=zip|tar an unstored generated adapter (while cached)
    POST /v1/jobs              {"descriptions": [...], "chunk_size"}  -> {"id", "total", "chunks", "status"}
    GET  /v1/jobs/{id}                     a bulk job's progress
    GET  /v1/health; OpenAPI schema at /openapi.json, docs at /docs

Every error is JSON ``{"error": {"type", "message", "status"}}``: 422 bad input (validation
details included), 404 unknown ids, 413 bodies over the size limit, 503 no hypernetwork or no
database, 500 anything unexpected (logged; the process keeps serving). Handlers are synchronous
(FastAPI runs them in a thread pool); the dispatcher's lock serialises use of the base model.
"""

from __future__ import annotations

import io
import json
import logging
import re
import tarfile
import zipfile
from typing import TYPE_CHECKING, Annotated, Any, Literal

from fastapi import FastAPI, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from hypernet.adapter_files import METHODS
from hypernet.generate import MAX_DESCRIPTION_CHARS
from library.dispatch import MAX_INPUT_CHARS
from t2l.errors import T2LError

if TYPE_CHECKING:
    from library.sdk import LocalSkillLibrary

log = logging.getLogger("t2l.service")
DEFAULT_MAX_BODY_BYTES = 1 << 20  # 64 requests of 16k characters fit; anything larger is refused
MAX_BATCH = 64
MAX_SERVICE_NEW_TOKENS = 512
MAX_JOB_DESCRIPTIONS = 10_000  # bulk jobs (bodies stay under the size limit: raise both together)
_KEY = re.compile(r"^[A-Za-z0-9._-]{1,120}$")

# Only the type is checked here; emptiness and length are the library's checks, so the service
# reports them with the same error types (DescriptionError, InputError) as the in-process SDK.
Description = Annotated[str, Field(strict=True, description=f"The task; at most {MAX_DESCRIPTION_CHARS} characters.")]
Input = Annotated[str, Field(strict=True, description=f"Text to answer; at most {MAX_INPUT_CHARS} characters.")]
Threshold = Annotated[float | None, Field(ge=-1.0, le=1.0, description="Cosine threshold; default: the calibrated one.")]


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SearchRequest(_Body):
    text: Description
    k: int = Field(5, ge=1, le=100)
    peft_method: list[Literal[METHODS]] | None = Field(None, description="Only adapters of these methods.")  # type: ignore[valid-type]


class DispatchRequest(_Body):
    description: Description
    threshold: Threshold = None
    store: bool | None = Field(None, description="File a generated adapter in the catalog.")


class GenerateRequest(DispatchRequest):
    input: Input
    max_new_tokens: int = Field(64, ge=1, le=MAX_SERVICE_NEW_TOKENS)


class BatchItem(_Body):
    description: Description
    input: Input


class BatchRequest(_Body):
    requests: list[BatchItem] = Field(min_length=1, max_length=MAX_BATCH)
    max_new_tokens: int = Field(64, ge=1, le=MAX_SERVICE_NEW_TOKENS)
    threshold: Threshold = None
    store: bool | None = None


class JobRequest(_Body):
    descriptions: list[Description] = Field(min_length=1, max_length=MAX_JOB_DESCRIPTIONS)
    chunk_size: int = Field(64, ge=1, le=10_000)
    namespace: str = Field("default", min_length=1, max_length=100)


class JobSubmitted(BaseModel):
    id: int
    total: int
    chunks: int
    duplicates: int
    status: str = Field(description="Path of the job's status on this service.")


class ProvenanceModel(BaseModel):
    source: Literal["retrieved", "generated"]
    description: str
    threshold: float
    key: str
    score: float | None = None
    adapter_id: int | None = None
    matched_description: str | None = None
    checkpoint: str | None = None
    stored: bool = False
    fallback: str | None = None
    method: str | None = None
    applied: Literal["slots", "peft", "hooks"] | None = None


class SearchResultModel(BaseModel):
    id: int
    score: float
    description: str
    matched_description: str
    base_model: str
    namespace: str
    tags: list[str]
    rank: int | None = None
    method: str | None = None
    peft_method: str | None = None


class SearchResponse(BaseModel):
    results: list[SearchResultModel]


class DispatchResponse(BaseModel):
    adapter: ProvenanceModel
    download: str = Field(description="Path of the adapter's PEFT archive on this service.")


class GenerationModel(BaseModel):
    input: str
    output: str
    adapter: ProvenanceModel


class BatchResponse(BaseModel):
    results: list[GenerationModel]


class ErrorInfo(BaseModel):
    type: str
    message: str
    status: int
    details: list[dict[str, Any]] | None = None


class ErrorBody(BaseModel):
    error: ErrorInfo


def _status(exc: T2LError) -> int:
    from hypernet.generate import DescriptionError
    from library.dispatch import InputError, NoHypernetworkError
    from library.errors import AdapterNotFoundError, BlobIntegrityError, DatabaseUnavailableError

    if isinstance(exc, (DescriptionError, InputError)):
        return 422
    if isinstance(exc, AdapterNotFoundError) or type(exc).__name__ == "JobNotFoundError":
        return 404
    if isinstance(exc, (NoHypernetworkError, DatabaseUnavailableError)) or type(exc).__name__ == "BrokerUnavailableError":
        return 503
    if isinstance(exc, BlobIntegrityError):
        return 500  # the service's own stored file is damaged: not the caller's fault
    return 400


def _error(status: int, kind: str, message: str, details: list[dict[str, Any]] | None = None) -> JSONResponse:
    body: dict[str, Any] = {"type": kind, "message": message, "status": status}
    if details is not None:
        body["details"] = details
    return JSONResponse({"error": body}, status_code=status)


class BodySizeLimit:
    """ASGI middleware: refuse request bodies over ``max_bytes`` with 413 (declared or streamed)."""

    def __init__(self, app: Any, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(scope, receive, send)
            return
        seen = 0

        async def limited() -> dict:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise _TooLarge
            return message

        try:
            await self.app(scope, limited, send)
        except _TooLarge:
            await self._refuse(scope, receive, send)

    async def _refuse(self, scope: dict, receive: Any, send: Any) -> None:
        response = _error(413, "PayloadTooLarge", f"request body over {self.max_bytes} bytes")
        await response(scope, receive, send)


class _TooLarge(Exception):
    pass


def _archive(files: dict[str, bytes], fmt: str, name: str) -> Response:
    buffer = io.BytesIO()
    if fmt == "zip":
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for filename, data in files.items():
                archive.writestr(f"{name}/{filename}", data)
        media = "application/zip"
    else:
        with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
            for filename, data in files.items():
                info = tarfile.TarInfo(f"{name}/{filename}")
                info.size = len(data)
                archive.addfile(info, io.BytesIO(data))
        media, fmt = "application/gzip", "tar.gz"
    return Response(buffer.getvalue(), media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="{name}.{fmt}"'})


def create_app(
    library: LocalSkillLibrary, *, max_body_bytes: int = DEFAULT_MAX_BODY_BYTES, max_batch: int = 32,
    max_wait_s: float = 0.01,
) -> FastAPI:
    """The FastAPI application serving ``library`` (an in-process ``LocalSkillLibrary``).

    Concurrent ``/v1/generate`` requests are grouped into mixed-adapter batches of up to
    ``max_batch`` (``library.batcher``; ``max_batch=1`` turns that off). Bulk jobs go to the Celery
    broker the settings name (``workers.jobs``), with the service's checkpoint."""
    from contextlib import asynccontextmanager

    from hypernet.peft_format import directory_files
    from library.batcher import GenerationBatcher

    dispatcher = library.dispatcher
    batcher = GenerationBatcher(dispatcher, max_batch=max_batch, max_wait_s=max_wait_s)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        batcher.close()

    app = FastAPI(
        lifespan=lifespan,
        title="t2l skill library",
        version="1",
        description="Describe a task, get a LoRA adapter (retrieved from the catalog or generated by the "
                    "T2L hypernetwork), and generate with it.",
        responses={422: {"model": ErrorBody}, 413: {"model": ErrorBody}, 500: {"model": ErrorBody}},
    )
    app.add_middleware(BodySizeLimit, max_bytes=max_body_bytes)
    app.state.batcher = batcher

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        details = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")} for e in exc.errors()]
        message = "; ".join(f"{'.'.join(str(p) for p in d['loc'])}: {d['msg']}" for d in details[:5])
        return _error(422, "ValidationError", message or "invalid request", details)

    @app.exception_handler(T2LError)
    async def _known(request: Request, exc: T2LError) -> JSONResponse:
        return _error(_status(exc), type(exc).__name__, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        kind = {404: "NotFound", 405: "MethodNotAllowed"}.get(exc.status_code, "HTTPError")
        return _error(exc.status_code, kind, str(exc.detail))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error serving %s %s", request.method, request.url.path)
        return _error(500, "InternalError", f"{type(exc).__name__}: {exc}")

    @app.get("/v1/health")
    def health() -> dict[str, Any]:
        """The base model, default threshold, hypernetwork and cache state."""
        ckpt = dispatcher.checkpoint
        return {"status": "ok", "base_model": dispatcher.base_model, "threshold": dispatcher.threshold,
                "hypernetwork": ckpt.id if ckpt else None, "allow_untrained": dispatcher.allow_untrained,
                "cached_adapters": len(dispatcher.cache), "slots": dispatcher.num_slots}

    @app.post("/v1/search", response_model=SearchResponse)
    def search(body: SearchRequest) -> dict[str, Any]:
        """Catalog adapters for this base model that best match the text, best first."""
        return {"results": [r.to_dict() for r in library.search(body.text, k=body.k, peft_method=body.peft_method)]}

    @app.post("/v1/dispatch", response_model=DispatchResponse)
    def dispatch(body: DispatchRequest) -> dict[str, Any]:
        """The adapter for a description: retrieved (score >= threshold) or generated, with provenance."""
        adapter = library.dispatch(body.description, threshold=body.threshold, store=body.store)
        p = adapter.provenance
        download = f"/v1/adapters/{p.adapter_id}/peft" if p.adapter_id is not None else f"/v1/generated/{p.key}/peft"
        return {"adapter": p.to_dict(), "download": download}

    @app.post("/v1/generate", response_model=GenerationModel)
    def generate(body: GenerateRequest) -> dict[str, Any]:
        """Greedy answer to the input, from the adapter dispatched for the description (concurrent
        requests share one mixed-adapter batch)."""
        return batcher.generate(body.description, body.input, max_new_tokens=body.max_new_tokens,
                                threshold=body.threshold, store=body.store).to_dict()

    @app.post("/v1/generate/batch", response_model=BatchResponse)
    def generate_batch(body: BatchRequest) -> dict[str, Any]:
        """Answers for many (description, input) pairs: mixed adapters in one forward pass per step."""
        results = library.generate_batch([(r.description, r.input) for r in body.requests],
                                         max_new_tokens=body.max_new_tokens, threshold=body.threshold, store=body.store)
        return {"results": [g.to_dict() for g in results]}

    @app.get("/v1/adapters/{adapter_id}")
    def adapter(adapter_id: Annotated[int, Path(ge=1)]) -> dict[str, Any]:
        """A catalog adapter's metadata."""
        row = dispatcher.catalog.get(adapter_id)
        return {"id": row.id, "description": row.description, "base_model": row.base_model.name,
                "namespace": row.namespace, "tags": row.tag_names, "method": row.method,
                "peft_method": row.peft_method, "peft_type": row.peft_type, "rank": row.rank,
                "alpha": row.alpha, "target_modules": row.target_modules, "content_hash": row.content_hash,
                "size_bytes": row.size_bytes, "download": f"/v1/adapters/{row.id}/peft"}

    @app.get("/v1/adapters/{adapter_id}/peft", response_class=Response,
             responses={200: {"content": {"application/zip": {}, "application/gzip": {}}}})
    def adapter_archive(
        adapter_id: Annotated[int, Path(ge=1)], format: Literal["zip", "tar"] = Query("zip"),
    ) -> Response:
        """A catalog adapter as a directory in its method's format (PEFT's; bottleneck's own) in a
        zip or tar.gz archive (hash-verified)."""
        from hypernet.adapter_files import read_adapter_bytes

        with dispatcher.catalog.begin() as session:
            from library.adapters import get_adapter

            row = get_adapter(session, adapter_id)
            config = json.dumps(row.peft_config, indent=2, sort_keys=True).encode()
            method = row.peft_method
        weights = dispatcher.catalog.store.get(row.content_hash)  # BlobIntegrityError if damaged
        read_adapter_bytes(config, weights, method=method, source=f"adapter {adapter_id}")  # never serve junk
        return _archive(directory_files(config, weights), format, f"adapter-{adapter_id}")

    @app.get("/v1/generated/{key}/peft", response_class=Response,
             responses={200: {"content": {"application/zip": {}, "application/gzip": {}}}})
    def generated_archive(key: str, format: Literal["zip", "tar"] = Query("zip")) -> Response:
        """A generated adapter that was not stored, while the service still caches it."""
        from hypernet.adapter_files import AdapterFiles
        from hypernet.peft_format import adapter_to_bytes

        adapter = dispatcher.cached_adapter(key) if _KEY.match(key) else None
        if adapter is None:
            return _error(404, "NotFound", f"no cached adapter {key!r}: dispatch the description again "
                          "(or with store=true to keep it in the catalog)")
        if isinstance(adapter, AdapterFiles):
            config, weights = adapter.config_bytes(), adapter.weights
        else:
            config, weights = adapter_to_bytes(adapter)
        return _archive(directory_files(config, weights), format, key)

    @app.post("/v1/jobs", response_model=JobSubmitted)
    def submit_job(body: JobRequest) -> dict[str, Any]:
        """Queue a bulk job: generate (and file in the catalog) one adapter per description, with the
        service's hypernetwork checkpoint, on the Celery workers (``t2l worker``)."""
        job = library.submit_job(body.descriptions, chunk_size=body.chunk_size, namespace=body.namespace)
        return {**job, "status": f"/v1/jobs/{job['id']}"}

    @app.get("/v1/jobs/{job_id}")
    def job(job_id: Annotated[int, Path(ge=1)]) -> dict[str, Any]:
        """A bulk job's progress: status, counts, chunk states, the first item errors."""
        return library.job(job_id)

    return app
