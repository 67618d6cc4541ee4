"""Turns Tidemark's JSON job specs into task-graph descriptions for Airflow, in plain Python.

Nothing here imports Airflow: the DAG files (tidemark_hourly.py, tidemark_nightly.py, tidemark_backfill.py) hand
these descriptions to tidemark_airflow.build_dag, which imports Airflow inside a function and only wires operators.
Keeping the graph logic here lets `python3 -m unittest` test it on a machine without Airflow.

Windows always come from the DAG run's data interval (`{{ data_interval_start | ds }}`, the interval's hour), never
from the clock, so a rerun of an old DAG run processes the same window.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

DATE = "{{ data_interval_start | ds }}"
HOUR = "{{ data_interval_start.strftime('%H') }}"
MAIN_CLASS = "io.tidemark.cli.TidemarkCli"
DEFAULT_JAR = "s3://tidemark-artifacts/tidemark-spark-submit.jar"
LAUNCHER = "${TIDEMARK_HOME:-/opt/tidemark}/tidemark"

EXECUTOR_KINDS = ("bash", "spark_submit", "emr", "glue")
SCHEDULE_KEYS = {"hourly", "nightly", "retries", "retryDelayMinutes", "hourlySlaMinutes", "nightlySlaMinutes", "executor"}
EXECUTOR_KEYS = {"kind", "jar", "config", "clusterId", "glueJobName", "awsConnId"}
_NAME = re.compile(r"[a-z0-9_]+")


class SpecError(ValueError):
    """A job spec the DAG generator cannot use; the message names the file and the key."""


# ---------------------------------------------------------------------------------------------------------------
# Job specs (the subset of orchestration/jobs/<job>.json the scheduler needs; the CLI validates the rest)
# ---------------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Executor:
    """Where a job's commands run: the `schedule.executor` object of a spec."""

    kind: str = "bash"
    jar: str | None = None
    config: str | None = None
    cluster_id: str | None = None
    glue_job_name: str | None = None
    aws_conn_id: str = "aws_default"


@dataclass(frozen=True)
class Schedule:
    """The `schedule` object of a spec, with the same defaults as the Java JobSchedule record."""

    hourly: bool
    nightly: bool = True
    retries: int = 2
    retry_delay_minutes: int = 5
    hourly_sla_minutes: int = 50
    nightly_sla_minutes: int = 240
    executor: Executor = field(default_factory=Executor)


@dataclass(frozen=True)
class JobSpec:
    """One job as the scheduler sees it."""

    job: str
    description: str
    warehouse_models: tuple[str, ...]
    schedule: Schedule
    source: str
    datasets: tuple[str, ...] = ()


def default_jobs_dir() -> Path:
    """orchestration/jobs beside this folder, or $TIDEMARK_JOBS_DIR (read at import by the DAG files: no clock)."""
    configured = os.environ.get("TIDEMARK_JOBS_DIR")
    return Path(configured) if configured else Path(__file__).resolve().parent.parent / "jobs"


def load_job_specs(jobs_dir: Path) -> list[JobSpec]:
    """Every `*.json` spec in the folder, sorted by job name; fails on the first invalid one."""
    files = sorted(Path(jobs_dir).glob("*.json"))
    if not files:
        raise SpecError(f"Cannot find job specs: no *.json in {jobs_dir}")
    return [parse_job_spec(path.read_text(encoding="utf-8"), str(path)) for path in files]


def parse_job_spec(text: str, source: str) -> JobSpec:
    """Parses one spec; the file name (without .json) must equal its `job`."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as e:
        raise SpecError(f"Cannot read {source}: not valid JSON: {e}") from e
    if not isinstance(doc, dict):
        raise SpecError(f"Cannot read {source}: expected a JSON object")
    job = doc.get("job")
    if not isinstance(job, str) or not _NAME.fullmatch(job):
        raise SpecError(f"Cannot read {source}: 'job' must be a name of [a-z0-9_], found {job!r}")
    if source.endswith(".json") and Path(source).stem != job:
        raise SpecError(f"Cannot read {source}: its 'job' is '{job}', expected the file name '{Path(source).stem}'")
    models = doc.get("warehouseModels") or []
    if not isinstance(models, list) or not all(isinstance(m, str) and _NAME.fullmatch(m) for m in models):
        raise SpecError(f"Cannot read {source}: 'warehouseModels' must be a list of model names")
    datasets = doc.get("datasets") or []
    if not isinstance(datasets, list) or not all(isinstance(d, str) and _NAME.fullmatch(d) for d in datasets):
        raise SpecError(f"Cannot read {source}: 'datasets' must be a list of dataset names")
    layout = doc.get("landingLayout") or "firehose"
    return JobSpec(job=job, description=str(doc.get("description") or ""), warehouse_models=tuple(models),
                   schedule=_schedule(doc.get("schedule"), layout, source), source=source, datasets=tuple(datasets))


def _schedule(raw: Any, layout: str, source: str) -> Schedule:
    raw = {} if raw is None else raw
    if not isinstance(raw, dict):
        raise SpecError(f"Cannot read {source}: 'schedule' must be an object")
    _no_unknown_keys(raw, SCHEDULE_KEYS, "schedule", source)
    return Schedule(
        hourly=_bool(raw, "hourly", layout != "dated", source),
        nightly=_bool(raw, "nightly", True, source),
        retries=_int(raw, "retries", 2, 0, 10, source),
        retry_delay_minutes=_int(raw, "retryDelayMinutes", 5, 1, 1440, source),
        hourly_sla_minutes=_int(raw, "hourlySlaMinutes", 50, 1, 1440, source),
        nightly_sla_minutes=_int(raw, "nightlySlaMinutes", 240, 1, 1440, source),
        executor=_executor(raw.get("executor"), source))


def _executor(raw: Any, source: str) -> Executor:
    raw = {} if raw is None else raw
    if not isinstance(raw, dict):
        raise SpecError(f"Cannot read {source}: 'schedule.executor' must be an object")
    _no_unknown_keys(raw, EXECUTOR_KEYS, "schedule.executor", source)
    kind = raw.get("kind") or "bash"
    if kind not in EXECUTOR_KINDS:
        raise SpecError(f"Cannot read {source}: bad value '{kind}' for 'schedule.executor.kind'; "
                        f"expected one of {', '.join(EXECUTOR_KINDS)}")
    if kind == "emr" and not raw.get("clusterId"):
        raise SpecError(f"Cannot read {source}: 'schedule.executor.clusterId' is required for kind 'emr'")
    if kind == "glue" and not raw.get("glueJobName"):
        raise SpecError(f"Cannot read {source}: 'schedule.executor.glueJobName' is required for kind 'glue'")
    for key, owner in (("clusterId", ("emr",)), ("glueJobName", ("glue",)), ("jar", ("spark_submit", "emr"))):
        if raw.get(key) and kind not in owner:
            raise SpecError(f"Cannot read {source}: 'schedule.executor.{key}' is not used by kind '{kind}' "
                            f"(only {', '.join(owner)})")
    jar = raw.get("jar") or (DEFAULT_JAR if kind in ("spark_submit", "emr") else None)
    return Executor(kind=kind, jar=jar, config=raw.get("config"), cluster_id=raw.get("clusterId"),
                    glue_job_name=raw.get("glueJobName"), aws_conn_id=raw.get("awsConnId") or "aws_default")


def _no_unknown_keys(raw: Mapping[str, Any], known: set[str], where: str, source: str) -> None:
    unknown = sorted(set(raw) - known)
    if unknown:
        raise SpecError(f"Cannot read {source}: unknown key '{where}.{unknown[0]}'; expected one of: "
                        f"{', '.join(sorted(known))}")


def _bool(raw: Mapping[str, Any], key: str, default: bool, source: str) -> bool:
    value = raw.get(key, default)
    if not isinstance(value, bool):
        raise SpecError(f"Cannot read {source}: 'schedule.{key}' must be true or false")
    return value


def _int(raw: Mapping[str, Any], key: str, default: int, low: int, high: int, source: str) -> int:
    value = raw.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise SpecError(f"Cannot use schedule.{key} {value!r} in {source}: expected {low} to {high}")
    return value


# ---------------------------------------------------------------------------------------------------------------
# Task graphs
# ---------------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Task:
    """One Airflow task, described.

    kind: "bash" (BashOperator, do_xcom_push: its XCom is the CLI's JSON result line), "short_circuit"
    (ShortCircuitOperator reading `xcom_task_id`'s result line), "emr_add_steps" + "emr_step_sensor", or "glue_job".
    """

    task_id: str
    kind: str
    upstream: tuple[str, ...] = ()
    retries: int = 0
    retry_delay_minutes: int = 5
    sla_minutes: int | None = None
    bash_command: str | None = None
    xcom_task_id: str | None = None
    emr_steps: tuple[Mapping[str, Any], ...] = ()
    emr_cluster_id: str | None = None
    glue_job_name: str | None = None
    glue_script_args: Mapping[str, str] | None = None
    aws_conn_id: str | None = None
    pool: str | None = None


@dataclass(frozen=True)
class DagSpec:
    """One DAG, described: Airflow's DAG arguments and its tasks (in dependency order)."""

    dag_id: str
    description: str
    schedule: str | None
    tasks: tuple[Task, ...]
    params: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    tags: tuple[str, ...] = ("tidemark",)

    def task(self, task_id: str) -> Task:
        for task in self.tasks:
            if task.task_id == task_id:
                return task
        raise KeyError(task_id)


@dataclass(frozen=True)
class Command:
    """A Tidemark CLI command: the verb, its positional argument and its options (in order)."""

    verb: str
    subject: str
    options: tuple[tuple[str, str | None], ...]

    def argv(self) -> list[str]:
        args = [self.verb, self.subject]
        for name, value in self.options:
            args.append(name)
            if value is not None:
                args.append(value)
        return args

    def glue_arguments(self) -> dict[str, str]:
        """Glue job parameters: `--verb`, `--job` (or `--model` for load), then each option as `--name value`."""
        args = {"--verb": self.verb, ("--model" if self.verb == "load" else "--job"): self.subject}
        for name, value in self.options:
            args[name] = "true" if value is None else value
        return args


def table_pools(specs: list[JobSpec]) -> dict[str, str]:
    """The Airflow pool of each job: one per group of jobs that write a common curated dataset (cwlogs and
    flowlines both write vpc_flow_logs), named after the group's datasets. With one slot per pool, the tasks that
    write the lake (curate, compact, gc, backfill) of a group never run at the same time, in any of the DAGs (the
    hourly and the nightly DAG both fire at midnight); the table leases make a second run wait anyway, the pool
    keeps it from holding a worker slot while it waits."""
    group = {spec.job: spec.job for spec in specs}

    def root(job: str) -> str:
        while group[job] != job:
            job = group[job]
        return job

    writers: dict[str, str] = {}
    for spec in specs:
        for dataset in spec.datasets:
            if dataset in writers:
                group[root(spec.job)] = root(writers[dataset])
            else:
                writers[dataset] = spec.job
    tables: dict[str, set[str]] = {}
    for spec in specs:
        tables.setdefault(root(spec.job), set()).update(spec.datasets or {"job_" + spec.job})
    return {spec.job: "tidemark_" + "__".join(sorted(tables[root(spec.job)])) for spec in specs}


def pool_commands(specs: list[JobSpec]) -> list[str]:
    """`airflow pools set` commands that create the pools the DAGs use, one slot each."""
    jobs: dict[str, list[str]] = {}
    for job, pool in table_pools(specs).items():
        jobs.setdefault(pool, []).append(job)
    return [f"airflow pools set {pool} 1 {_quote('Tidemark jobs ' + ', '.join(sorted(names)) + ': one at a time')}"
            for pool, names in sorted(jobs.items())]


def hourly_dag(specs: list[JobSpec]) -> DagSpec:
    """Intra-day: per job, curate the arrival hour (`run --skip-load`), skip the loads when nothing new was stored,
    then load each warehouse model for the day."""
    tasks: list[Task] = []
    pools = table_pools(specs)
    for spec in specs:
        if spec.schedule.hourly:
            curate = Command("run", spec.job, (("--date", DATE), ("--hour", HOUR), ("--skip-load", None)))
            tasks += _job_tasks(spec, "curate", curate, spec.schedule.hourly_sla_minutes, loads=True,
                                pool=pools[spec.job])
    return DagSpec(dag_id="tidemark_hourly", schedule="@hourly", tasks=tuple(tasks),
                   description="Tidemark intra-day: curate each job's arrival hour, then load its warehouse models.")


def nightly_dag(specs: list[JobSpec]) -> DagSpec:
    """Nightly: per job, curate the whole arrival day (reconciles what the hourly runs missed), compact the day's
    partitions, then the full-day (dimension and reconciliation) load of each warehouse model and, beside the loads,
    `gc` of the job's unreferenced partition versions older than the retention."""
    tasks: list[Task] = []
    pools = table_pools(specs)
    for spec in specs:
        if not spec.schedule.nightly:
            continue
        sla = spec.schedule.nightly_sla_minutes
        pool = pools[spec.job]
        day = _job_tasks(spec, "curate_day", Command("run", spec.job, (("--date", DATE), ("--skip-load", None))),
                         sla, loads=False, pool=pool)
        compact = _job_tasks(spec, "compact", Command("compact", spec.job, (("--date", DATE),)), sla, loads=False,
                             after=day[-1].task_id, pool=pool)
        gc = _job_tasks(spec, "gc", Command("gc", spec.job, ()), sla, loads=False, after=compact[-1].task_id, pool=pool)
        tasks += day + compact + gc
        for model in spec.warehouse_models:
            tasks += _job_tasks(spec, f"load__{model}", Command("load", model, (("--date", DATE),)), sla,
                                loads=False, after=compact[-1].task_id)
    return DagSpec(dag_id="tidemark_nightly", schedule="@daily", tasks=tuple(tasks),
                   description="Tidemark nightly: full-day curate, compaction, dimension and reconciliation loads.")


def backfill_dag(specs: list[JobSpec]) -> DagSpec:
    """On demand (no schedule): `tidemark backfill JOB --from --to --parallel` for every job, from the run's params."""
    options = (("--from", "{{ params.from_date }}"), ("--to", "{{ params.to_date }}"),
               ("--parallel", "{{ params.parallel }}"))
    tasks: list[Task] = []
    pools = table_pools(specs)
    for spec in specs:
        tasks += _job_tasks(spec, "backfill", Command("backfill", spec.job, options), None, loads=False,
                            pool=pools[spec.job])
    params = {
        "from_date": {"default": "2026-11-01", "type": "string", "format": "date",
                      "description": "First arrival date to backfill (yyyy-MM-dd)."},
        "to_date": {"default": "2026-11-01", "type": "string", "format": "date",
                    "description": "Last arrival date to backfill, inclusive (yyyy-MM-dd)."},
        "parallel": {"default": 1, "type": "integer", "minimum": 1, "maximum": 8,
                     "description": "Windows processed at once per job."},
    }
    return DagSpec(dag_id="tidemark_backfill", schedule=None, tasks=tuple(tasks), params=params,
                   description="Tidemark backfill of every job over a date range (trigger with params).")


def _job_tasks(spec: JobSpec, step: str, command: Command, sla: int | None, loads: bool,
               after: str | None = None, pool: str | None = None) -> list[Task]:
    """The tasks that run one command of a job (one or two tasks), in `pool` if given (the command writes the
    lake), plus, with `loads`, the short-circuit and the model loads that follow a curate step (outside the pool:
    they only read what is published)."""
    executor = spec.schedule.executor
    base = f"{spec.job}__{step}"
    upstream = (after,) if after else ()
    common = dict(retries=spec.schedule.retries, retry_delay_minutes=spec.schedule.retry_delay_minutes,
                  sla_minutes=sla)
    tasks = _command_tasks(base, command, executor, upstream, dict(common, pool=pool))
    if not loads or not spec.warehouse_models:
        return tasks
    last = tasks[-1].task_id
    if executor.kind in ("bash", "spark_submit"):
        gate = Task(task_id=f"{spec.job}__has_new_rows", kind="short_circuit", upstream=(last,),
                    xcom_task_id=tasks[-1].task_id)
        tasks.append(gate)
        last = gate.task_id
    for model in spec.warehouse_models:
        load = Command("load", model, (("--date", DATE),))
        tasks += _command_tasks(f"{spec.job}__load__{model}", load, executor, (last,), common)
    return tasks


def _command_tasks(task_id: str, command: Command, executor: Executor, upstream: tuple[str, ...],
                   common: Mapping[str, Any]) -> list[Task]:
    if executor.kind == "bash":
        return [Task(task_id=task_id, kind="bash", upstream=upstream, bash_command=bash_command(command, executor),
                     **common)]
    if executor.kind == "spark_submit":
        return [Task(task_id=task_id, kind="bash", upstream=upstream, bash_command=bash_command(command, executor),
                     **common)]
    if executor.kind == "emr":
        add = Task(task_id=f"{task_id}__add_step", kind="emr_add_steps", upstream=upstream,
                   emr_cluster_id=executor.cluster_id, emr_steps=(emr_step(command, executor),),
                   aws_conn_id=executor.aws_conn_id, **common)
        watch = Task(task_id=task_id, kind="emr_step_sensor", upstream=(add.task_id,),
                     emr_cluster_id=executor.cluster_id, xcom_task_id=add.task_id,
                     aws_conn_id=executor.aws_conn_id, **common)
        return [add, watch]
    args = command.glue_arguments()
    if executor.config:
        args["--config"] = executor.config
    return [Task(task_id=task_id, kind="glue_job", upstream=upstream, glue_job_name=executor.glue_job_name,
                 glue_script_args=args, aws_conn_id=executor.aws_conn_id, **common)]


def bash_command(command: Command, executor: Executor) -> str:
    """The shell command of a bash or spark_submit task; its last stdout line is the JSON result line."""
    args = command.argv() + (["--config", executor.config] if executor.config else [])
    if executor.kind == "spark_submit":
        prefix = ["spark-submit", "--deploy-mode", "client", "--class", MAIN_CLASS, executor.jar]
        return " ".join(_quote(a) for a in prefix + args)
    return LAUNCHER + " " + " ".join(_quote(a) for a in args)


def emr_step(command: Command, executor: Executor) -> dict[str, Any]:
    """An EMR step (command-runner.jar) running the command with spark-submit in cluster mode."""
    args = command.argv() + (["--config", executor.config] if executor.config else [])
    return {
        "Name": "tidemark " + " ".join(a for a in command.argv()[:2]),
        "ActionOnFailure": "CONTINUE",
        "HadoopJarStep": {
            "Jar": "command-runner.jar",
            "Args": ["spark-submit", "--deploy-mode", "cluster", "--class", MAIN_CLASS, executor.jar] + args,
        },
    }


def _quote(arg: str) -> str:
    """Quotes for bash, leaving Jinja templates intact (Airflow renders them before bash runs)."""
    if re.fullmatch(r"[A-Za-z0-9_./:=@%+,-]+", arg) or (arg.startswith("{{") and arg.endswith("}}")):
        return arg
    return "'" + arg.replace("'", "'\"'\"'") + "'"


# ---------------------------------------------------------------------------------------------------------------
# The graph's own checks, and the XCom short-circuit
# ---------------------------------------------------------------------------------------------------------------

def validate_dag(dag: DagSpec) -> None:
    """Fails unless task ids are unique, every upstream exists, and the graph has no cycle."""
    ids = [t.task_id for t in dag.tasks]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise SpecError(f"Cannot build DAG {dag.dag_id}: duplicate task ids {duplicates}")
    known = set(ids)
    for task in dag.tasks:
        missing = [u for u in task.upstream if u not in known]
        if missing:
            raise SpecError(f"Cannot build DAG {dag.dag_id}: task {task.task_id} depends on unknown {missing}")
    topological_order(dag)


def topological_order(dag: DagSpec) -> list[str]:
    """Task ids in an order where every task follows its upstream tasks; fails on a cycle."""
    upstream = {t.task_id: set(t.upstream) for t in dag.tasks}
    order: list[str] = []
    ready = sorted(t for t, ups in upstream.items() if not ups)
    while ready:
        current = ready.pop(0)
        order.append(current)
        for task_id, ups in upstream.items():
            if current in ups:
                ups.discard(current)
                if not ups and task_id not in order and task_id not in ready:
                    ready.append(task_id)
    if len(order) != len(upstream):
        raise SpecError(f"Cannot build DAG {dag.dag_id}: cycle among {sorted(set(upstream) - set(order))}")
    return order


def parse_result_line(output: str | None) -> dict[str, Any]:
    """The JSON result line: the last non-blank line of a command's stdout (BashOperator's XCom)."""
    lines = [line for line in (output or "").splitlines() if line.strip()]
    if not lines:
        raise ValueError("Cannot read the result line: the task printed nothing")
    try:
        result = json.loads(lines[-1])
    except json.JSONDecodeError as e:
        raise ValueError(f"Cannot read the result line: not JSON: {lines[-1][:200]!r}") from e
    if not isinstance(result, dict) or "status" not in result:
        raise ValueError(f"Cannot read the result line: no 'status' in {lines[-1][:200]!r}")
    return result


def has_new_rows(output: str | None) -> bool:
    """True when the curate run stored something new, so the warehouse loads should run.

    SKIPPED (no new objects) and SUCCEEDED with rows_out == 0 skip the loads; a FAILED line raises, since a failed
    run must fail its task rather than quietly skip what follows.
    """
    result = parse_result_line(output)
    status = result.get("status")
    if status == "FAILED":
        raise ValueError(f"Cannot decide on the loads: the run failed: {result.get('error')}")
    if status == "SKIPPED":
        return False
    if status != "SUCCEEDED":
        raise ValueError(f"Cannot decide on the loads: unknown status {status!r}")
    return int(result.get("rows_out") or 0) > 0


def has_new_rows_from_xcom(task_id: str, ti: Any = None, **_: Any) -> bool:
    """ShortCircuitOperator callable: reads `task_id`'s XCom (its result line) and applies has_new_rows."""
    return has_new_rows(ti.xcom_pull(task_ids=task_id))
