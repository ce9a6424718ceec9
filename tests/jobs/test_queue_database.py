"""The database queue's own table lives with the jobs, on the "jobs"
connection: on SQLite a file of its own, so a job can be queued (and a worker
take it) while an import holds the catalogue file's write lock."""

import contextlib
import sqlite3

import pytest
from django.db import connections, router
from django_tasks_db.models import DBTaskResult

from catalogue.backup import archived_models
from catalogue.jobs.runner import job_start
from catalogue.jobs.tasks import verify_fixity
from catalogue.models import Job

pytestmark = pytest.mark.django_db(databases=["default", "jobs"])


@contextlib.contextmanager
def catalogue_write_lock():
    """What a running import holds: SQLite's lock on the whole catalogue file,
    or on PostgreSQL an exclusive lock on the documents table, taken by
    another connection."""
    settings = connections["default"].settings_dict
    if connections["default"].vendor == "sqlite":
        other = sqlite3.connect(settings["NAME"], isolation_level=None, timeout=0)
        other.execute("BEGIN IMMEDIATE")
    else:
        import psycopg

        other = psycopg.connect(
            dbname=settings["NAME"],
            host=settings["HOST"],
            port=settings["PORT"] or 5432,
            user=settings["USER"],
        )
        other.execute("LOCK TABLE catalogue_document IN EXCLUSIVE MODE")
    try:
        yield
    finally:
        other.rollback()
        other.close()


def test_the_queue_table_is_in_the_jobs_file_on_sqlite_and_not_in_a_backup(settings):
    assert DBTaskResult not in archived_models()
    table = DBTaskResult._meta.db_table
    if settings.JOBS_DATABASE_SEPARATE:  # SQLite: a file of its own for the jobs
        assert router.db_for_write(DBTaskResult) == router.db_for_read(DBTaskResult) == "jobs"
        assert table in connections["jobs"].introspection.table_names()
        assert table not in connections["default"].introspection.table_names()
    else:  # PostgreSQL: one database, where `migrate` made the queue
        assert router.db_for_write(DBTaskResult) == "default"
        assert table in connections["default"].introspection.table_names()


# Transactional: the test's own connection must not hold the catalogue's lock itself.
@pytest.mark.django_db(databases=["default", "jobs"], transaction=True)
def test_a_job_is_queued_while_an_import_holds_the_catalogues_write_lock(queued_jobs):
    with catalogue_write_lock():
        job = job_start(kind=Job.Kind.FIXITY, title="Fixity check", task=verify_fixity)

    assert job.state == Job.State.QUEUED
    queued = DBTaskResult.objects.using("jobs").get(id=job.task_id)
    assert queued.args_kwargs["args"] == [job.pk]
