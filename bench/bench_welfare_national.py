"""The national welfare registry loaded into the database on PostgreSQL, as a national office gives it: three files
(the program's .xlsx, the matching list's and the survey's .csv, ~24,000 rows of ~9,900 funds in all 77 provinces,
made by demo/fund_files from demo/fund_sources) uploaded once each as national sources, imported and reconciled
as jobs run by a worker (`sanphalang worker`), timed end to end as a national user meets it.

- Load and reconcile: from the first upload to the end of the whole-country reconcile job. Target: under 60 s.
  Printed beside it, the ratio to linking the same files with `sanphalang welfare reconcile` (no database).
- The province reconcile page (POST welfare:reconcile, the busiest province): its answer, which queues the job.
  Target: under 300 ms; the ratio to a bare view that queues one job row and redirects.
- The whole-country reconcile as a job (queued → done, seen by polling) against the same work from the command
  line (`sanphalang welfare reconcile-registry`), each from unlinked records, rounds alternating. Target: ≤ 1.2x.

PostgreSQL only: a database of its own is created and dropped here; without a server it says so and exits 0.
"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import own_postgres_database, report, setup_django

N_FUNDS = 9_900
SEED = 7
ROUNDS = 2
LOAD_TARGET_SECONDS = 60
PAGE_TARGET_SECONDS = 0.3
JOB_RATIO_LIMIT = 1.2
SOURCE_NAMES = {
    "program": "ข้อมูลในระบบโปรแกรมบริหารกองทุน (ส่วนกลาง)",
    "matching": "รายชื่อองค์กรที่ผ่านความเห็นชอบให้สมทบ (ส่วนกลาง)",
    "survey": "ผลสำรวจสถานะการดำเนินงานของเครือข่าย (ส่วนกลาง)",
}
CLI = str(Path(sys.executable).parent / "sanphalang")

urlpatterns: list = []  # this module is the bench's URLconf for the page: the app's routes and the baseline


def _run(command: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, env=os.environ.copy(), capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command[:3])} failed: {done.stderr[-2000:]}")
    return time.perf_counter() - started


def _wait(job, timeout: float = 900) -> None:
    from sanphalang.jobs.models import JobStatus

    deadline = time.monotonic() + timeout
    while True:
        job.refresh_from_db()
        if job.status == JobStatus.DONE:
            return
        if job.status == JobStatus.FAILED:
            raise RuntimeError(f"job {job.kind} failed: {job.failure}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"job {job.kind} did not finish in {timeout} s")
        time.sleep(0.02)


def _files(directory: Path) -> dict[str, Path]:
    import geothai

    from sanphalang.demo.fund_files import write_source_files
    from sanphalang.demo.fund_sources import generate_registry

    provinces = tuple(p.code for p in geothai.provinces())
    registry = generate_registry(N_FUNDS, seed=SEED, provinces=provinces)
    paths = write_source_files(registry.sources, directory, seed=SEED)
    print(
        f"{len(registry.funds):,} funds in {len(provinces)} provinces; "
        + ", ".join(
            f"{name} {len(rows):,} rows ({paths[name].suffix})" for name, rows in registry.sources.items()
        )
    )
    return paths


def _load(user, paths: dict[str, Path]) -> float:
    """Upload, map (as suggested), import and reconcile, each import and the reconcile a job; seconds taken."""
    from sanphalang.welfare.selectors.sources import source_upload_suggestion, source_upload_table
    from sanphalang.welfare.services.reconcile import reconcile_all_start
    from sanphalang.welfare.services.sources import source_upload_confirm_start, source_upload_create

    started = time.perf_counter()
    skipped = {}
    for kind, path in paths.items():
        batch = source_upload_create(
            by=user,
            source_name=SOURCE_NAMES[kind],
            area_code="TH",
            kind=kind,
            filename=path.name,
            data=path.read_bytes(),
        )
        mapping = source_upload_suggestion(batch, source_upload_table(batch))
        # as the user would after the preview named them: the few rows whose tambon matches nothing are skipped
        job = source_upload_confirm_start(by=user, batch=batch, mapping=mapping, skip_bad_rows=True)
        _wait(job)
        skipped[kind] = job.result["skipped"]
    _wait(reconcile_all_start(by=user))
    seconds = time.perf_counter() - started
    print("  rows skipped as bad: " + ", ".join(f"{kind} {n}" for kind, n in skipped.items()))
    return seconds


def _unlink() -> None:
    """Back to imported, unreconciled records: no funds, no links."""
    from sanphalang.welfare.models import Fund, LinkDecision, SourceRecord

    SourceRecord.objects.update(
        fund=None, link_score=None, link_reasons=[], needs_review=False, duplicate_of=None
    )
    LinkDecision.objects.all().delete()
    Fund.history.all().delete()
    Fund.objects.all().delete()


def _job_seconds(user) -> float:
    from sanphalang.welfare.services.reconcile import reconcile_all_start

    started = time.perf_counter()
    _wait(reconcile_all_start(by=user))
    return time.perf_counter() - started


def _page(user) -> tuple[float, float]:
    """Best answer of the province reconcile page and of the bare baseline, rounds alternating; each page's job
    is left to finish before the next round, so every round queues one."""
    from django.db.models import Count
    from django.http import HttpResponseRedirect
    from django.test import Client, override_settings
    from django.urls import include, path

    from sanphalang.jobs.models import Job
    from sanphalang.welfare.models import SourceRecord

    province = (
        SourceRecord.objects.values("province_id")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()["province_id"]
    )

    def bare(request):
        job = Job.objects.create(
            kind="welfare.reconcile", user=request.user, params={"province_code": province}
        )
        Job.objects.filter(pk=job.pk).delete()
        return HttpResponseRedirect("/")

    urlpatterns[:] = [path("bare/", bare), path("", include("sanphalang.urls"))]
    client = Client()
    client.force_login(user)
    best_page = best_bare = float("inf")
    with override_settings(ROOT_URLCONF=__name__):
        for _round in range(3):
            started = time.perf_counter()
            response = client.post("/welfare/reconcile/", {"province_code": province})
            best_page = min(best_page, time.perf_counter() - started)
            assert response.status_code == 302, response.status_code
            _wait(Job.objects.filter(kind="welfare.reconcile").latest("pk"))
            started = time.perf_counter()
            client.post("/bare/")
            best_bare = min(best_bare, time.perf_counter() - started)
    return best_page, best_bare


def _check(name: str, seconds: float, limit: float) -> int:
    ok = seconds < limit
    print(f"{name}: {seconds:.3g} s (target < {limit:g} s) {'OK' if ok else 'FAIL'}")
    return 0 if ok else 1


def _measure() -> int:
    setup_django()
    from django.db import connection

    from sanphalang.accounts.models import Role
    from sanphalang.accounts.services import user_create

    work = Path(tempfile.mkdtemp(prefix="sanphalang-national-"))
    paths = _files(work)
    linkage_only = _run(
        [
            CLI,
            "welfare",
            "reconcile",
            *[a for k, p in paths.items() for a in ("--source", f"{k}={p}")],
            "--out",
            str(work / "links.csv"),
        ]
    )
    user = user_create(
        username="national_bench", password="correct-horse-battery-staple-42", role=Role.ADMINISTRATOR
    )
    worker = subprocess.Popen(
        [CLI, "worker", "--interval", "0.05"], env=os.environ.copy(), stdout=subprocess.DEVNULL
    )
    failed = 0
    try:
        loaded = _load(user, paths)
        failed |= _check("national registry loaded and reconciled, as jobs", loaded, LOAD_TARGET_SECONDS)
        print(
            f"  against linking the same files without the database ({linkage_only:.3g} s): ratio "
            f"{loaded / linkage_only:.2f}"
        )
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        page, bare = _page(user)
        failed |= _check("province reconcile page answers", page, PAGE_TARGET_SECONDS)
        report(
            "  against a bare view queuing one job", page, bare, unit="s", limit=10, higher_is_better=False
        )
        jobs, commands = [], []
        for _round in range(ROUNDS):
            _unlink()
            jobs.append(_job_seconds(user))
            _unlink()
            commands.append(_run([CLI, "welfare", "reconcile-registry", "--user", user.username]))
        failed |= report(
            "whole-country reconcile as a job vs the command line",
            min(jobs),
            min(commands),
            unit="s",
            limit=JOB_RATIO_LIMIT,
            higher_is_better=False,
        )
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    return failed


def main() -> int:
    with own_postgres_database("sp_bench_national") as url:
        if url is None:
            return 0
        return _measure()


if __name__ == "__main__":
    sys.exit(main())
