"""Running a plan: its changed clips rendered (here, in worker processes or on a cluster),
each placed whole in its folder and recorded in the folder's manifest as it finishes, then
the lecture joined, its pages and pictures written. render.py parses and plans; this runs.
"""

from __future__ import annotations

import contextlib
import sys
from dataclasses import dataclass
from pathlib import Path

from attention_core.lessons.catalog import LESSONS
from clips.cluster import ClusterError
from clips.digests import remember_sha256
from clips.files import DiskFull, full_disk, refusal
from clips.job import ClipJob, Rendered, place, render_staged
from clips.lecture import make_lecture
from clips.manifest import RunRecord, read_manifest, remove_leftovers, write_manifest
from clips.pool import Interrupted, WorkerDied
from clips.reuse import lecture_key, lecture_reusable, split_reused

SCENE_NAMES = list(LESSONS)  # every built-in clip, in teaching order: the order a manifest lists its clips in


def clip_order(scenes: list[str]) -> list[str]:
    """The order a manifest lists its clips in: teaching order, or a lecture's own chapters'
    (an example's `chapters` list, a creator's chapter in it) first, in its order."""
    built_in = [name for name in SCENE_NAMES if name in scenes]
    if built_in == scenes:
        return SCENE_NAMES
    return list(dict.fromkeys([*scenes, *SCENE_NAMES]))


@dataclass(frozen=True)
class Plan:
    """What one render.py run (or one lecture of a course) renders into one folder."""

    folder: Path
    run: RunRecord  # the example, quality and settings, for the manifest
    jobs: list[ClipJob]
    lecture: bool  # join the lecture (narrated, or silent for its pages)
    title: str
    force: bool = False  # render every clip again, even unchanged ones
    present: bool = False  # write the lecture's pages (site/)
    thumbnail: bool = False  # a PNG of each clip and a contact sheet
    example_path: str | None = None  # as the user gave it, for advice lines
    cache: str | None = None  # the run's cache folder: the digests of the files it placed (clips/digests.py)


def tell_advice(lines: list[str], where: str) -> None:
    for line in lines:
        print(f"render.py: advice: {where}: {line}", file=sys.stderr)


class Run:
    """One planned folder during a render: the clips reused and rendered so far, its manifest."""

    def __init__(self, job_plan: Plan):
        self.plan = job_plan
        tell_advice(job_plan.run.example["advice"], job_plan.example_path or job_plan.run.example["name"])
        job_plan.folder.mkdir(parents=True, exist_ok=True)
        remove_leftovers(job_plan.folder)
        self.previous = read_manifest(job_plan.folder) or {}
        reused, self.to_render = split_reused(job_plan.jobs, self.previous, job_plan.force, job_plan.cache)
        self.entries = {entry["scene"]: entry for entry in reused}
        self.manifest = self.write(reused)  # the ledger, before anything renders: nothing forgotten

    def write(self, entries: list[dict], lecture: dict | None = None, contact_sheet: str | None = None) -> dict:
        self.manifest = write_manifest(
            self.plan.folder,
            self.plan.run,
            entries,
            clip_order([job.scene for job in self.plan.jobs]),
            lecture=lecture,
            contact_sheet=contact_sheet,
        )
        return self.manifest

    def add(self, rendered: Rendered) -> None:
        entry = place(rendered, self.plan.folder)
        if self.plan.cache is not None:  # an unchanged re-run then checks it without reading it
            remember_sha256(self.plan.folder / entry["file"], entry["sha256"], self.plan.cache)
        self.entries[entry["scene"]] = entry
        self.write([entry])

    def finish(self, progress) -> dict:
        """Join the lecture (if planned and changed), write its pages, add the pictures."""
        job_plan = self.plan
        ordered = [self.entries[job.scene] for job in job_plan.jobs]
        lecture = None
        if job_plan.lecture:
            key = lecture_key(ordered, job_plan.run.settings)
            lecture = self.previous.get("lecture")
            if job_plan.force or not lecture_reusable(lecture, key, job_plan.folder, job_plan.cache):
                task = progress.add_task(f"joining {job_plan.folder}", total=None)
                lecture = dict(make_lecture(job_plan.folder, job_plan.jobs, ordered, job_plan.title), key=key)
                if job_plan.cache is not None:
                    remember_sha256(job_plan.folder / lecture["file"], lecture["sha256"], job_plan.cache)
                progress.update(task, description=f"joined {job_plan.folder}", total=1, completed=1)
            lecture = dict(lecture, reused=lecture is self.previous.get("lecture"))
            self.write([], lecture)
            if job_plan.present:
                from clips.site import PageSettings, write_site

                settings = job_plan.run.settings
                pages = PageSettings(
                    quality=job_plan.run.quality,
                    vertical=settings["format"] == "vertical",
                    title=job_plan.title,
                    captions_burned=settings["captions"] == "burned",
                    language=job_plan.run.example.get("language", {}).get("code", "en"),
                )
                write_site(job_plan.folder, lecture, ordered, pages)
        if job_plan.thumbnail:
            self.add_pictures(ordered, lecture)
        return self.manifest

    def add_pictures(self, ordered: list[dict], lecture: dict | None) -> None:
        """A thumbnail beside every clip of the run that lacks one (a clip reused from a run
        without --thumbnail), then the run's contact sheet; the manifest names them."""
        from clips.pictures import write_contact_sheet, write_thumbnail

        missing = [dict(entry) for entry in ordered if not entry.get("thumbnail")]
        for entry in missing:
            entry["thumbnail"] = write_thumbnail(self.plan.folder / entry["file"], entry)
        sheet = write_contact_sheet(self.plan.folder, ordered)
        self.write(missing, lecture, contact_sheet=sheet)


def render_plans(plans: list[Plan], workers: int, cluster: str | None = None) -> list[dict]:
    """Render every plan's changed clips together (one pool, or the cluster), each placed in
    its folder and recorded in its manifest as it finishes; then finish each plan."""
    try:
        with contextlib.ExitStack() as stack:
            if cluster is not None:  # connected, and its workers checked, before anything is written
                from clips.cluster import Cluster

                cluster = stack.enter_context(Cluster(cluster))
            runs = [Run(job_plan) for job_plan in plans]
            owner = {job.target: run for run in runs for job in run.to_render}
            jobs = [job for run in runs for job in run.to_render]
            with progress_bar() as progress:
                for rendered in run_jobs(jobs, workers, progress, cluster=cluster):
                    owner[rendered.target].add(rendered)
                return [run.finish(progress) for run in runs]
    except OSError as error:
        if not full_disk(error):
            raise
        stop = DiskFull(error.filename or str(plans[0].folder), refusal(error))
        stop.folders = [job_plan.folder for job_plan in plans]
        raise stop from None
    except (KeyboardInterrupt, Interrupted, WorkerDied, DiskFull, ClusterError) as stop:
        stop.folders = [job_plan.folder for job_plan in plans]  # what the stop's line reports on
        raise


def progress_bar():
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    return Progress(*columns, transient=False)


def run_jobs(jobs: list[ClipJob], workers: int, progress, work=render_staged, stage: str | None = None, cluster=None):
    """Yield `work(job)` (by default the rendered clip, to be placed) for each job as it
    finishes, with the clips in progress named on the bar: here, in `workers` processes when
    more than one (manim's config is process-global), or on `cluster` (a clips.cluster.Cluster)."""
    stage = stage or ("narrating and rendering" if jobs and jobs[0].narrate else "rendering")
    task = progress.add_task(stage, total=len(jobs))
    if cluster is not None:

        def show(running):  # (clip, worker) pairs
            progress.update(task, description=f"{stage} {', '.join(f'{clip} on {worker}' for clip, worker in running)}")

        results = cluster.run(jobs, show)
    elif workers == 1:

        def one_by_one():
            for job in jobs:
                progress.update(task, description=f"{stage} {Path(job.target).stem}")
                yield work(job)

        results = one_by_one()
    else:
        from clips.pool import in_workers

        def show(running):
            progress.update(task, description=f"{stage} {', '.join(Path(job.target).stem for job in running)}")

        results = in_workers(jobs, workers, work, show)
    for result in results:
        yield result
        progress.advance(task)
    progress.update(task, description=f"{stage}: done")


def finished_so_far(folders: list[Path]) -> str:
    """What a stopped run leaves: the clips the manifests of its `folders` list (each whole)."""
    counts = [len((read_manifest(folder) or {}).get("clips", [])) for folder in folders]
    total = sum(counts)
    if not total:
        return "No clip finished."
    clips = f"{total} finished clip{'s are' if total != 1 else ' is'} kept"
    if len(folders) == 1:
        return f"{clips} in {folders[0]}."
    return f"{clips} in {sum(1 for count in counts if count)} of {len(folders)} folders."


def stopped_by(fault: Exception) -> str:
    """The fault that stopped a run, in a few words."""
    if isinstance(fault, WorkerDied):
        return (
            f"the worker rendering {Path(fault.args[0].target).name} died each time it ran (killed, or out of memory?)"
        )
    if isinstance(fault, DiskFull):
        return (
            f"could not write {fault.path}: {fault.reason} (the disk is full, or a quota or file-size limit "
            "is reached); the file there before is intact, free some space"
        )
    return str(fault)
