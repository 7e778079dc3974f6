"""Why a job did not do its work, in the words the job page, the API and the CLI show."""

from django.utils.translation import gettext_lazy as _

from sanphalang.errors import ErrorCode


class JobError(ErrorCode):
    WORKER_LOST = (
        "worker_lost",
        _("The worker running this job stopped before it finished. Nothing was changed; you can try again."),
    )
    UNEXPECTED = (
        "job_unexpected",
        _("The job stopped on an unexpected error. Nothing was changed; you can try again."),
    )
    NOT_RETRYABLE = ("job_not_retryable", _("Only a failed job can be tried again."))
    ALREADY_RUNNING = ("job_already_running", _("This work has already been started: see its progress."))
