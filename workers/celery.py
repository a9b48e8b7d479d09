"""The app for Celery's own command line: ``celery -A workers worker -Q t2l`` (and ``inspect``,
``purge``...). Built from the process settings at import. ``t2l worker`` is the same worker with a
broker check first and device/queue options."""

from workers.app import make_celery_app

app = make_celery_app()
