"""The one task every job runs through: the task backend (database queue, RQ, Celery) only carries the job's id."""

from django_tasks import task


@task()
def run_job(job_id: int) -> None:
    from .services import job_run

    job_run(job_id=job_id)
