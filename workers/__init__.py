"""Jobs: the Celery app, its tasks, and synthetic task descriptions for bulk generation.

- ``workers.app``: ``make_celery_app(settings)``, ``check_broker(app)`` (fails fast with
  ``BrokerUnavailableError``), ``on_worker_process_init`` / ``dispose_engine_after_fork`` hooks.
- ``workers.tasks``: thin tasks registered by name (``PING = "t2l.ping"``).
- ``workers.synthetic``: ``synthetic_descriptions(n, seed)`` / ``synthetic_tasks(n, seed)``.
- Run a worker: ``t2l worker [--device cuda:0] [--pool solo] [--queues t2l]`` or
  ``celery -A workers worker -Q t2l``.

Adding a task (e.g. bulk chunk generation), the way this package expects:

1. A plain, tested function that does the work and is idempotent (delivery is at-least-once):
   ``generate_chunk(session, job_id, chunk_index, generator) -> dict``; it skips a chunk already
   done and upserts adapters by a stable key, so a redelivery changes nothing.
2. A thin task in ``workers/tasks.py`` taking ids only::

       GENERATE_CHUNK = "t2l.generate_chunk"

       @shared_task(name=GENERATE_CHUNK)
       def generate_chunk_task(job_id: int, chunk_index: int) -> dict:
           return run_chunk(job_id, chunk_index)   # opens its own session, commits, returns JSON

   Load the model lazily inside the pool process (a module-level cache filled by the first
   task), never in the worker's parent: CUDA must not be initialised before ``fork``. GPU workers
   run ``--pool solo`` or ``--pool prefork --concurrency 1``, one worker per device.
3. The catalog registers its engine with ``dispose_engine_after_fork(engine)``.
4. Submit: ``check_broker(app)`` first; create the job and its chunks in one transaction
   (``with Session.begin():``); only after it commits, ``app.tasks[GENERATE_CHUNK].apply_async(
   args=[job_id, i], queue=DEFAULT_QUEUE)`` per chunk. Status comes from the jobs table, not from
   Celery results (those expire, and the embedded broker cannot recover messages in flight when a
   worker's main process is killed with SIGKILL; re-enqueueing unfinished chunks is safe).
"""
