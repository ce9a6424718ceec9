"""Sends job bookkeeping to the "jobs" connection (see settings.DATABASES)."""

from django.conf import settings

JOBS_DB = "jobs"
# The task queue of django-tasks-db (app label "django_tasks_database"), and our Job rows.
JOB_APPS = {"django_tasks_database"}
JOB_MODELS = {("catalogue", "job")}


def is_job_table(app_label, model_name=None):
    return app_label in JOB_APPS or (app_label, model_name) in JOB_MODELS


class JobsRouter:
    def db_for_read(self, model, **hints):
        app_label, model_name = model._meta.app_label, model._meta.model_name
        if app_label in JOB_APPS and not settings.JOBS_DATABASE_SEPARATE:
            # One database (PostgreSQL): the queue is read and written through
            # "default", as `migrate` makes it there; its migrations' data steps
            # must not run on a second connection that cannot see the new table.
            return None
        return JOBS_DB if is_job_table(app_label, model_name) else None

    db_for_write = db_for_read

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        if not settings.JOBS_DATABASE_SEPARATE:
            # One database, two connections: migrate it once, through "default".
            return db != JOBS_DB
        return is_job_table(app_label, model_name) == (db == JOBS_DB)
