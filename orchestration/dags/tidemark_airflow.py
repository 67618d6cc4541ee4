"""Wires a tidemark_dag_spec.DagSpec into Airflow 2.x operators.

Airflow is imported inside build_dag only, so the plain-Python graph logic stays importable (and testable) without
Airflow. Nothing here reads the clock or Airflow Variables: ids that differ per environment belong in the job
spec, as literal values or as Jinja templates that Airflow renders when the task runs.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from tidemark_dag_spec import DagSpec, Task, has_new_rows_from_xcom, topological_order, validate_dag

START_YEAR, START_MONTH, START_DAY = 2026, 11, 1


def build_dag(spec: DagSpec) -> Any:
    """An airflow DAG with one operator per described task, dependencies set, retries and SLAs from the specs."""
    import pendulum
    from airflow import DAG
    from airflow.models.param import Param

    validate_dag(spec)
    dag = DAG(
        dag_id=spec.dag_id,
        description=spec.description,
        schedule=spec.schedule,
        start_date=pendulum.datetime(START_YEAR, START_MONTH, START_DAY, tz="UTC"),
        catchup=False,
        max_active_runs=1,
        params={name: Param(**p) for name, p in spec.params.items()},
        tags=list(spec.tags),
    )
    operators: dict[str, Any] = {}
    by_id = {task.task_id: task for task in spec.tasks}
    for task_id in topological_order(spec):
        operators[task_id] = _operator(by_id[task_id], dag)
    for task in spec.tasks:
        for upstream in task.upstream:
            operators[upstream] >> operators[task.task_id]
    return dag


def _operator(task: Task, dag: Any) -> Any:
    common: dict[str, Any] = {"task_id": task.task_id, "dag": dag, "retries": task.retries,
                              "retry_delay": timedelta(minutes=task.retry_delay_minutes)}
    if task.sla_minutes is not None:
        common["sla"] = timedelta(minutes=task.sla_minutes)
    if task.pool is not None:
        common["pool"] = task.pool  # one slot: the jobs writing the same tables run one at a time
    if task.kind == "bash":
        from airflow.operators.bash import BashOperator
        # do_xcom_push: BashOperator pushes the last stdout line, which is Tidemark's JSON result line
        return BashOperator(bash_command=task.bash_command, do_xcom_push=True, **common)
    if task.kind == "short_circuit":
        from airflow.operators.python import ShortCircuitOperator
        return ShortCircuitOperator(python_callable=has_new_rows_from_xcom,
                                    op_kwargs={"task_id": task.xcom_task_id}, **common)
    if task.kind == "emr_add_steps":
        from airflow.providers.amazon.aws.operators.emr import EmrAddStepsOperator
        return EmrAddStepsOperator(job_flow_id=task.emr_cluster_id, steps=[dict(s) for s in task.emr_steps],
                                   aws_conn_id=task.aws_conn_id, **common)
    if task.kind == "emr_step_sensor":
        from airflow.providers.amazon.aws.sensors.emr import EmrStepSensor
        step_id = "{{ task_instance.xcom_pull(task_ids='" + task.xcom_task_id + "', key='return_value')[0] }}"
        return EmrStepSensor(job_flow_id=task.emr_cluster_id, step_id=step_id, aws_conn_id=task.aws_conn_id,
                             **common)
    if task.kind == "glue_job":
        from airflow.providers.amazon.aws.operators.glue import GlueJobOperator
        return GlueJobOperator(job_name=task.glue_job_name, script_args=dict(task.glue_script_args or {}),
                               aws_conn_id=task.aws_conn_id, wait_for_completion=True, **common)
    raise ValueError(f"Cannot build task {task.task_id}: unknown kind {task.kind!r}")
