"""EMR step and Glue job definitions (JSON) for every job spec, written to orchestration/emr/ and orchestration/glue/.

    python3 orchestration/dags/tidemark_definitions.py      # rewrite the files after adding or changing a job spec

- emr/step-<job>.json: input for `aws emr add-steps --cli-input-json file://...`: one step that runs
  `spark-submit --deploy-mode cluster --class io.tidemark.cli.TidemarkCli <jar> run <job> --date ... --hour ...`
  through command-runner.jar. The window and the cluster id are placeholders to replace (Airflow's DAGs build the
  same step with data-interval templates).
- glue/job-<job>.json: input for `aws glue create-job --cli-input-json file://...`: a Glue 5.0 Spark job whose
  DefaultArguments carry Glue's settings (--job-language scala, --class, --extra-jars, --enable-glue-datacatalog)
  and Tidemark's job parameters in Glue's style (--verb run --job <job>); a run passes --date/--hour.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tidemark_dag_spec import DEFAULT_JAR, MAIN_CLASS, Command, Executor, JobSpec, emr_step, load_job_specs

ORCHESTRATION = Path(__file__).resolve().parent.parent
EXAMPLE_DATE, EXAMPLE_HOUR = "2026-11-24", "10"
CONFIG_URI = "s3://tidemark-artifacts/config/tidemark.json"
GLUE_ENTRY_SCRIPT = "s3://tidemark-artifacts/glue/TidemarkGlueEntry.scala"
GLUE_ROLE = "arn:aws:iam::123456789012:role/TidemarkGlueJobRole"


def emr_step_definition(spec: JobSpec) -> dict:
    """One EMR step for one window of the job, with its config shipped to the driver by --files (cluster mode)."""
    executor = spec.schedule.executor
    jar = executor.jar if executor.kind in ("emr", "spark_submit") else DEFAULT_JAR
    window = (("--date", EXAMPLE_DATE),) + ((("--hour", EXAMPLE_HOUR),) if spec.schedule.hourly else ())
    command = Command("run", spec.job, window)
    step = emr_step(command, Executor(kind="emr", jar=jar, config="tidemark.json", cluster_id="j-PLACEHOLDER"))
    args = step["HadoopJarStep"]["Args"]
    args[1:1] = ["--files", CONFIG_URI]
    cluster = executor.cluster_id if executor.kind == "emr" else "j-REPLACE-WITH-YOUR-CLUSTER-ID"
    return {"JobFlowId": cluster, "Steps": [step]}


def glue_job_definition(spec: JobSpec) -> dict:
    """A Glue 5.0 job definition running Tidemark's main class from the spark-submit jar."""
    executor = spec.schedule.executor
    name = executor.glue_job_name if executor.kind == "glue" else f"tidemark-{spec.job.replace('_', '-')}"
    return {
        "Name": name,
        "Description": f"Tidemark job {spec.job}: {spec.description}"[:2048],
        "Role": GLUE_ROLE,
        "GlueVersion": "5.0",
        "WorkerType": "G.1X",
        "NumberOfWorkers": 2,
        "Timeout": 120,
        "MaxRetries": 0,
        "ExecutionProperty": {"MaxConcurrentRuns": 1},
        "Command": {"Name": "glueetl", "ScriptLocation": GLUE_ENTRY_SCRIPT},
        "DefaultArguments": {
            "--job-language": "scala",
            "--class": MAIN_CLASS,
            "--extra-jars": DEFAULT_JAR,
            "--extra-files": CONFIG_URI,
            "--enable-glue-datacatalog": "true",
            "--job-bookmark-option": "job-bookmark-disable",
            "--enable-metrics": "true",
            "--enable-continuous-cloudwatch-log": "true",
            "--verb": "run",
            "--job": spec.job,
            "--config": "tidemark.json",
        },
    }


def rendered(jobs_dir: Path) -> dict[Path, str]:
    """Every definition file, by path, as it should read."""
    files = {}
    for spec in load_job_specs(jobs_dir):
        files[ORCHESTRATION / "emr" / f"step-{spec.job}.json"] = json.dumps(emr_step_definition(spec), indent=2) + "\n"
        files[ORCHESTRATION / "glue" / f"job-{spec.job}.json"] = json.dumps(glue_job_definition(spec), indent=2) + "\n"
    return files


def main() -> int:
    for path, text in rendered(ORCHESTRATION / "jobs").items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ORCHESTRATION.parent)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
