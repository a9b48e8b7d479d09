"""A real ``t2l worker`` process per broker (embedded SQLite, Redis, RabbitMQ) runs ``t2l.ping``.

One worker per broker (module-scoped, always terminated); each uses its own queue name so that
it never takes, nor leaves behind, anyone else's messages on the shared servers.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from t2l.settings import Settings
from workers.app import check_broker, make_celery_app
from workers.tasks import PING

sys.path.insert(0, str(Path(__file__).resolve().parent))  # crash_tasks, also for this process

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
REDIS_DB = 14  # this module's own database on the shared Redis: flushed before and after
REDIS_URL = f"redis://127.0.0.1:6379/{REDIS_DB}"
RABBIT_URL = "amqp://guest:guest@127.0.0.1:5672//"

BROKERS = {
    # name: (T2L_BROKER_URL, T2L_RESULT_BACKEND); "" = the embedded defaults under T2L_HOME
    "sqlite": ("", ""),
    "redis": (REDIS_URL, REDIS_URL),
    "rabbitmq": (RABBIT_URL, ""),
}


@dataclass
class RunningWorker:
    app: object
    queue: str
    node: str
    process: subprocess.Popen
    log: Path
    first_result_s: float  # process start -> first task result back: the worker's start latency


def _flush_redis_db() -> None:
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


def _stop(process: subprocess.Popen) -> None:
    """Warm shutdown (SIGTERM), then SIGKILL to the worker's own process group if it lingers."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            pass
    try:
        os.killpg(process.pid, signal.SIGKILL)  # our group only (start_new_session): pool children
    except ProcessLookupError:
        pass
    process.wait(timeout=5)


@pytest.fixture(scope="module", params=list(BROKERS))
def worker(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningWorker]:
    broker_url, backend = BROKERS[request.param]
    home = tmp_path_factory.mktemp(f"worker-{request.param}")
    if request.param == "redis":
        _flush_redis_db()
    settings = Settings(home=home, broker_url=broker_url, result_backend=backend, database_url="")
    app = make_celery_app(settings)
    check_broker(app, timeout=5)
    queue = f"t2l-test-{uuid.uuid4().hex[:12]}"
    node = f"{queue}@%h"
    env = {k: v for k, v in os.environ.items() if not k.startswith("T2L_")}
    env.update(T2L_HOME=str(home), T2L_BROKER_URL=broker_url, T2L_RESULT_BACKEND=backend)
    env["PYTHONPATH"] = os.pathsep.join([str(HERE), env.get("PYTHONPATH", "")])  # crash_tasks
    log = home / "worker.log"
    start = time.perf_counter()
    with log.open("w") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "t2l",
                "worker",
                "--device",
                "cpu",
                "--concurrency",
                "2",
                "--pool",
                "prefork",
                "--queues",
                queue,
                "--hostname",
                node,
                "--include",
                "crash_tasks",
            ],
            cwd=REPO,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        result = app.tasks[PING].apply_async(queue=queue).get(timeout=45)
        first = time.perf_counter() - start
        assert result["nodename"].startswith(f"{queue}@")
        print(f"\n[{request.param}] worker start -> first ping result: {first:.2f} s")
        yield RunningWorker(app, queue, node, process, log, first)
    except BaseException:
        print(log.read_text()[-4000:])
        raise
    finally:
        t_stop = time.perf_counter()
        _stop(process)
        print(f"\n[{request.param}] stop: {time.perf_counter() - t_stop:.2f} s")
        if request.param == "redis":
            _flush_redis_db()
        elif request.param == "rabbitmq":
            with app.connection_for_write() as conn:
                conn.default_channel.queue_delete(queue)
                conn.default_channel.exchange_delete(queue)


def test_ping_runs_in_a_forked_worker_process(worker: RunningWorker):
    echo = {"id": 42, "text": "naïve ünïcode", "values": [1.5, None, True]}
    result = (
        worker.app.tasks[PING]
        .apply_async(kwargs={"echo": echo}, queue=worker.queue)
        .get(timeout=30)
    )
    assert result["echo"] == echo  # JSON round trip through the broker and the result backend
    assert result["nodename"].startswith(f"{worker.queue}@")
    assert result["device"] == "cpu"  # --device reaches the pool processes
    assert result["pid"] != worker.process.pid  # ran in a prefork child, not the main process...
    assert result["process_initialised"] is True  # ...whose after-fork hooks (engine disposal) ran


def test_a_burst_of_tasks_all_complete(worker: RunningWorker):
    count = 6
    start = time.perf_counter()
    results = [
        worker.app.tasks[PING].apply_async(kwargs={"echo": i}, queue=worker.queue) for i in range(count)
    ]
    echoes = sorted(r.get(timeout=30)["echo"] for r in results)
    assert echoes == list(range(count))
    assert all(r.state == "SUCCESS" for r in results)
    print(f"\n{count} pings through {worker.queue}: {time.perf_counter() - start:.2f} s")
    assert worker.process.poll() is None  # the worker is still up


def test_a_task_whose_process_dies_is_redelivered_and_completes(
    worker: RunningWorker, tmp_path: Path
):
    """acks_late + task_reject_on_worker_lost: a pool process killed mid-task (as by a GPU OOM)
    does not lose the task; it runs again in a fresh process and succeeds."""
    from crash_tasks import DIE_ONCE  # noqa: F401  (registers nothing here: sent by name)

    marker = tmp_path / "deliveries"
    result = worker.app.send_task(DIE_ONCE, kwargs={"marker": str(marker)}, queue=worker.queue)
    value = result.get(timeout=60)
    assert value["deliveries"] == 2 and marker.read_text() == "2"
    assert result.state == "SUCCESS"
    assert worker.process.poll() is None  # the worker replaced its pool process and kept going
